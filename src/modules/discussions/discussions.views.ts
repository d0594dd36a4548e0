/**
 * Pages of the discussions module: a network's topics, a new topic, a topic with its posts, editing
 * a post, the coordinators' page, and the network page's section. What people wrote is shown in its
 * own language and direction (`userText`, or `richText` for a post's sanitized HTML), machine
 * translated for readers of other languages when a translation exists (labelled, the original one
 * click away).
 */
import { html, raw } from 'hono/html';
import type { Ctx } from '../../platform/http.ts';
import { page, link } from '../../platform/render.ts';
import type { Html } from '../../platform/html/layout.ts';
import { input, textarea, checkbox, errorSummary, type FormState } from '../../platform/html/form.ts';
import { fmtDate } from '../../platform/html/format.ts';
import { userText, translationNotice, type ReaderView, type ShownText } from '../../platform/html/user-content.ts';
import type { T } from '../../platform/i18n.ts';
import { REPORT_REASONS } from '../moderation/moderation.policy.ts';
import { REASON_KEYS } from '../moderation/moderation.service.ts';
import type { Coordination, NetworkRef, PostView, RecentTopic, TopicList, TopicView } from './discussions.service.ts';
import type { PostRow, TopicRow } from './discussions.repository.ts';

/** What a page shows of each piece of user content: the reader's view (machine translated or as written). */
export type Shown = { title: ReaderView<'title'>; summary: ReaderView<'summary'> | null; posts: Map<string, ReaderView<'text'>> };

const kindLabel = (t: T, k: string) => (k === 'consultation' ? t('discussions.kind.consultation') : t('discussions.kind.discussion'));
const who = (t: T, name: string | null) => (name === null ? html`<em>${t('discussions.deletedAccount')}</em>` : userText({ text: name, lang: null }));

/** A post's text: the sanitized HTML as written, or the plain machine translation. */
function richText(stored: string, lang: string, view?: ReaderView<'text'>): Html {
  if (view && view.state === 'machine') return userText(view.fields.text, true);
  return html`<div class="prewrap post-body" lang="${lang}" dir="auto">${raw(stored)}</div>`;
}

function networkLinks(c: Ctx, n: NetworkRef, current: 'list' | 'coordination', coordinates: boolean): Html {
  const t = c.get('t');
  const items: [string, string, boolean][] = [
    [`/networks/${n.slug}`, t('discussions.nav.network'), false],
    [`/networks/${n.slug}/discussions`, t('discussions.nav.topics'), current === 'list'],
    ...(coordinates ? ([[`/networks/${n.slug}/discussions/coordination`, t('discussions.nav.coordination'), current === 'coordination']] as [string, string, boolean][]) : []),
  ];
  return html`<nav aria-label="${t('discussions.nav.label')}"><ul class="tags">${items.map(([p, label, cur]) => html`<li><a href="${link(c, p)}"${cur ? html` aria-current="page"` : ''}>${label}</a></li>`)}</ul></nav>`;
}

function watchForm(c: Ctx, action: string, level: string, idBase: string): Html {
  const t = c.get('t');
  const opts: [string, string][] = [
    ['watch', t('discussions.watch.watch')],
    ['normal', t('discussions.watch.normal')],
    ['mute', t('discussions.watch.mute')],
  ];
  return html`<form method="post" action="${link(c, action)}" class="stack"><fieldset><legend>${t('discussions.watch.legend')}</legend>${opts.map(
    ([v, label]) => html`<label><input type="radio" name="level" value="${v}" id="${idBase}-${v}"${v === level ? html` checked` : ''}> ${label}</label> `,
  )}</fieldset><div><button type="submit" class="secondary">${t('discussions.watch.save')}</button></div></form>`;
}

export function listPage(c: Ctx, v: TopicList) {
  const t = c.get('t');
  const locale = c.get('locale');
  const title = t('discussions.list.title', { network: v.network.name.text });
  let body: Html;
  if (!v.canRead)
    body = html`<p>${t('discussions.list.membersOnly')}</p><p class="actions"><a class="button" href="${link(c, `/networks/${v.network.slug}/join`)}">${t('discussions.list.join')}</a></p>`;
  else
    body = html`${v.canCreate ? html`<p class="actions"><a class="button" href="${link(c, `/networks/${v.network.slug}/discussions/new?kind=consultation`)}">${t('discussions.new.consultationLink')}</a> <a class="button secondary" href="${link(c, `/networks/${v.network.slug}/discussions/new?kind=discussion`)}">${t('discussions.new.discussionLink')}</a></p>` : ''}
${v.topics.length ? html`<ul class="cards">${v.topics.map(
      (x) => html`<li class="card"><h2><a href="${link(c, `/discussions/${x.id}`)}">${userText({ text: x.title, lang: x.lang })}</a></h2>
<p class="meta">${kindLabel(t, x.kind)} · ${who(t, x.authorName)} · ${t('discussions.replies', { count: x.replies })}${x.answered ? html` · ${t('discussions.answered')}` : ''}${x.state === 'closed' ? html` · ${t('discussions.closed')}` : ''}${x.locked ? html` · ${t('discussions.locked')}` : ''}${x.hidden ? html` · ${t('discussions.hiddenTopic')}` : ''} · ${fmtDate(x.lastPostAt, locale)}</p></li>`,
    )}</ul>` : html`<p>${t('discussions.list.empty')}</p>`}
${watchForm(c, `/networks/${v.network.slug}/discussions/watch`, v.watch, 'watch-network')}`;
  return page(c, { title, nav: null, body: html`<h1>${title}</h1>${networkLinks(c, v.network, 'list', v.coordinates)}${body}` });
}

const topicLabels = (t: T) => ({
  title: t('discussions.field.title'),
  body: t('discussions.field.body'),
  context: t('discussions.field.context'),
  tried: t('discussions.field.tried'),
  kind: t('discussions.field.kind'),
});

export function newTopicPage(c: Ctx, n: NetworkRef, kind: 'discussion' | 'consultation', form: FormState, status?: number) {
  const t = c.get('t');
  const labels = { ...topicLabels(t), body: kind === 'consultation' ? t('discussions.field.question') : t('discussions.field.body') };
  const title = kind === 'consultation' ? t('discussions.new.consultationTitle') : t('discussions.new.discussionTitle');
  return page(c, {
    title,
    nav: null,
    status,
    body: html`<h1>${title}</h1>
<p>${userText(n.name)}</p>
<p>${kind === 'consultation' ? t('discussions.new.consultationIntro') : t('discussions.new.discussionIntro')}</p>
${errorSummary(t, form.errors, labels)}
<form method="post" action="${link(c, `/networks/${n.slug}/discussions`)}" novalidate>
<input type="hidden" name="kind" value="${kind}">
${input({ t, name: 'title', label: labels.title, form, required: true, maxlength: 200 })}
${kind === 'consultation' ? html`${textarea({ t, name: 'context', label: labels.context, hint: t('discussions.field.contextHint'), form, rows: 5, required: true })}${textarea({ t, name: 'tried', label: labels.tried, hint: t('discussions.field.triedHint'), form, rows: 4 })}` : ''}
${textarea({ t, name: 'body', label: labels.body, hint: t('discussions.field.bodyHint'), form, rows: 6, required: true })}
${kind === 'consultation' ? checkbox({ t, name: 'askDirectory', label: t('discussions.field.askDirectory'), hint: t('discussions.field.askDirectoryHint'), form }) : ''}
<p class="hint">${t('discussions.new.moderationHint')}</p>
<button type="submit">${kind === 'consultation' ? t('discussions.new.submitConsultation') : t('discussions.new.submitDiscussion')}</button>
</form>`,
  });
}

function reportForm(c: Ctx, p: PostView): Html {
  const t = c.get('t');
  const id = `report-${p.id}`;
  return html`<details class="report"><summary>${t('moderation.report.summary')}</summary>
<form method="post" action="${link(c, '/reports')}" class="stack"><input type="hidden" name="objectType" value="discussion_post"><input type="hidden" name="objectId" value="${p.id}"><input type="hidden" name="back" value="${c.req.path}">
<div class="field"><label for="${id}-reason">${t('moderation.report.reason')}</label><select id="${id}-reason" name="reason">${REPORT_REASONS.map((r) => html`<option value="${r}">${t(REASON_KEYS[r])}</option>`)}</select></div>
<div class="field"><label for="${id}-note">${t('moderation.report.note')}</label><textarea id="${id}-note" name="note" rows="2" maxlength="1000"></textarea></div>
<p class="hint">${t('moderation.report.hint')}</p><div><button type="submit">${t('moderation.report.submit')}</button></div></form></details>`;
}

const button = (c: Ctx, action: string, label: string, cls = 'secondary') => html`<form method="post" action="${link(c, action)}" class="inline"><button type="submit" class="${cls}">${label}</button></form>`;

function postBlock(c: Ctx, v: TopicView, p: PostView, shown: Shown, n: number): Html {
  const t = c.get('t');
  const locale = c.get('locale');
  const view = shown.posts.get(p.id);
  const flags = [
    p.isAnswer ? html`<strong class="flag">${t('discussions.post.answer')}</strong>` : '',
    p.state === 'pending' ? html`<strong class="flag">${t('discussions.post.pending')}</strong>` : '',
    p.reportedHidden ? html`<strong class="flag">${t('discussions.post.reportedHidden')}</strong>` : '',
    p.hiddenByCoordinator ? html`<strong class="flag">${t('discussions.post.hiddenByCoordinator')}</strong>` : '',
  ];
  const consultationOpening = p.isOpening && v.topic.kind === 'consultation';
  const a = p.abilities;
  return html`<article class="card post" id="post-${p.id}" aria-labelledby="post-${p.id}-h">
<h3 id="post-${p.id}-h" class="meta">${who(t, p.authorName)} · ${fmtDate(p.createdAt, locale, true)}${p.editedAt ? html` · ${t('discussions.post.edited', { count: p.versions })}` : ''}${n ? html` · #${n}` : ''}</h3>
${flags}
${p.quote ? html`<blockquote class="quote"><p class="meta">${t('discussions.post.quoting')} ${who(t, p.quote.authorName)}</p>${userText({ text: p.quote.excerpt, lang: p.quote.lang }, true)}</blockquote>` : ''}
${view ? translationNotice(t, locale, view, c.req.path) : ''}
${consultationOpening ? html`<h4>${t('discussions.field.context')}</h4>${richText(p.context ?? '', p.lang, shown.posts.get(`${p.id}:context`))}${p.tried ? html`<h4>${t('discussions.field.tried')}</h4>${richText(p.tried, p.lang, shown.posts.get(`${p.id}:tried`))}` : ''}<h4>${t('discussions.field.question')}</h4>` : ''}
${p.authorId === null && !p.body ? html`<p><em>${t('discussions.post.erased')}</em></p>` : richText(p.body, p.lang, view)}
${p.helped ? html`<p class="meta">${t('discussions.post.helpedCount', { count: p.helped })}</p>` : ''}
<div class="actions">
${a.helped ? button(c, `/discussions/posts/${p.id}/helped`, t('discussions.post.helped')) : ''}
${a.markAnswer ? button(c, `/discussions/posts/${p.id}/answer`, t('discussions.post.markAnswer')) : ''}
${v.abilities.reply && p.state === 'published' ? html`<a href="${link(c, `/discussions/${v.topic.id}?quote=${p.id}#reply`)}">${t('discussions.post.quote')}</a>` : ''}
${a.edit ? html`<a href="${link(c, `/discussions/posts/${p.id}/edit`)}">${t('discussions.post.edit')}</a>` : ''}
${a.approve ? button(c, `/discussions/posts/${p.id}/approve`, t('discussions.post.approve'), '') : ''}
${a.hide ? button(c, `/discussions/posts/${p.id}/${p.hiddenByCoordinator ? 'show' : 'hide'}`, p.hiddenByCoordinator ? t('discussions.post.show') : t('discussions.post.hide')) : ''}
</div>
${a.report ? reportForm(c, p) : ''}
</article>`;
}

export function topicPage(c: Ctx, v: TopicView, shown: Shown, reply: FormState, quote: string | null, status?: number) {
  const t = c.get('t');
  const locale = c.get('locale');
  const tp = v.topic;
  const ab = v.abilities;
  const titleView = shown.title.fields.title;
  const replies = v.posts.filter((p) => !p.isOpening);
  const quoted = quote ? v.posts.find((p) => p.id === quote && p.state === 'published') : undefined;
  const coordination = ab.coordinate
    ? html`<section aria-labelledby="coord-h"><h2 id="coord-h">${t('discussions.coordinate.title')}</h2>
${tp.kind === 'consultation' && tp.state === 'open' ? suggestionsBlock(c, v.topic, v.suggestions, v.invited.length, 'topic') : ''}
<div class="actions">
${button(c, `/discussions/${tp.id}/${tp.locked ? 'unlock' : 'lock'}`, tp.locked ? t('discussions.coordinate.unlock') : t('discussions.coordinate.lock'))}
${button(c, `/discussions/${tp.id}/${tp.hidden ? 'show' : 'hide'}`, tp.hidden ? t('discussions.coordinate.show') : t('discussions.coordinate.hide'))}
</div>
${v.moveTo.length ? html`<form method="post" action="${link(c, `/discussions/${tp.id}/move`)}"><div class="field"><label for="f-networkId">${t('discussions.coordinate.moveTo')}</label><select id="f-networkId" name="networkId">${v.moveTo.map((m) => html`<option value="${m.id}" lang="${m.name.lang}" dir="auto">${m.name.text}</option>`)}</select></div><button type="submit" class="secondary">${t('discussions.coordinate.move')}</button></form>` : ''}
</section>`
    : '';
  return page(c, {
    title: titleView.text || t('discussions.topic.untitled'),
    nav: null,
    status,
    body: html`<p><a href="${link(c, `/networks/${v.network.slug}/discussions`)}">${t('discussions.topic.back', { network: v.network.name.text })}</a></p>
<h1>${titleView.text ? userText(titleView) : t('discussions.topic.untitled')}</h1>
${translationNotice(t, locale, shown.title, c.req.path)}
<p class="meta">${kindLabel(t, tp.kind)} · ${who(t, v.authorName)} · ${fmtDate(tp.createdAt, locale)}${tp.state === 'closed' ? html` · ${t('discussions.closed')}` : ''}${tp.locked ? html` · ${t('discussions.locked')}` : ''}${tp.hidden ? html` · ${t('discussions.hiddenTopic')}` : ''}</p>
${v.invited.length && ab.coordinate ? html`<p class="meta">${t('discussions.topic.invited', { count: v.invited.length })}</p>` : ''}
${tp.state === 'closed' && shown.summary ? html`<section class="card" aria-labelledby="summary-h"><h2 id="summary-h">${t('discussions.topic.summary')}</h2>${translationNotice(t, locale, shown.summary, c.req.path)}${userText(shown.summary.fields.summary, true)}</section>` : ''}
${tp.goodPracticeId ? html`<p class="flag">${t('discussions.topic.goodPracticeDrafted')}</p>` : ''}
${ab.draftGoodPractice ? html`<form method="post" action="${link(c, `/discussions/${tp.id}/good-practice`)}"><p>${t('discussions.topic.draftHint')}</p><button type="submit">${t('discussions.topic.draft')}</button></form>` : ''}
${v.posts.filter((p) => p.isOpening).map((p) => postBlock(c, v, p, shown, 0))}
<h2>${t('discussions.topic.replies', { count: replies.length })}</h2>
${replies.map((p, i) => postBlock(c, v, p, shown, i + 1))}
${ab.reply ? html`<section aria-labelledby="reply-h" id="reply"><h2 id="reply-h">${t('discussions.reply.title')}</h2>
${errorSummary(t, reply.errors, { body: t('discussions.field.reply') })}
<form method="post" action="${link(c, `/discussions/${tp.id}/replies`)}" novalidate>
${quoted ? html`<input type="hidden" name="quote" value="${quoted.id}"><p class="meta">${t('discussions.reply.quoting')} ${who(t, quoted.authorName)}</p>` : ''}
${textarea({ t, name: 'body', label: t('discussions.field.reply'), hint: t('discussions.field.bodyHint'), form: reply, rows: 6, required: true })}
<button type="submit">${t('discussions.reply.submit')}</button></form></section>` : tp.state === 'open' && tp.locked ? html`<p>${t('discussions.topic.lockedNotice')}</p>` : ''}
${ab.close ? html`<section aria-labelledby="close-h"><h2 id="close-h">${t('discussions.close.title')}</h2><form method="post" action="${link(c, `/discussions/${tp.id}/close`)}" novalidate>${textarea({ t, name: 'summary', label: t('discussions.field.summary'), hint: t('discussions.field.summaryHint'), form: { values: {}, errors: {} }, rows: 4, required: true })}<button type="submit" class="secondary">${t('discussions.close.submit')}</button></form></section>` : ''}
${coordination}
${watchForm(c, `/discussions/${tp.id}/watch`, v.watch, 'watch-topic')}`,
  });
}

function suggestionsBlock(c: Ctx, topic: TopicRow, suggestions: TopicView['suggestions'], invited: number, idBase: string): Html {
  const t = c.get('t');
  return html`<h3>${t('discussions.suggestions.title')}</h3>
<p class="hint">${topic.askDirectory ? t('discussions.suggestions.directory') : t('discussions.suggestions.members')}${invited ? ` ${t('discussions.topic.invited', { count: invited })}` : ''}</p>
${suggestions.length
    ? html`<form method="post" action="${link(c, `/discussions/${topic.id}/invite`)}"><fieldset><legend>${t('discussions.suggestions.legend')}</legend>${suggestions.map(
        (s, i) => html`<label><input type="checkbox" name="userIds" value="${s.userId}" id="${idBase}-${topic.id}-${i}" checked> ${userText({ text: s.name, lang: null })}${s.organisationName ? html` (${userText({ text: s.organisationName, lang: null })})` : ''}</label><br>`,
      )}</fieldset><button type="submit">${t('discussions.suggestions.invite')}</button></form>`
    : html`<p>${t('discussions.suggestions.none')}</p>`}`;
}

export function editPage(c: Ctx, v: { post: PostRow; topic: TopicRow; versions: { body: string; at: Date }[] }, form: FormState, status?: number) {
  const t = c.get('t');
  const locale = c.get('locale');
  const p = v.post;
  const consultationOpening = p.isOpening && v.topic.kind === 'consultation';
  const labels = { body: consultationOpening ? t('discussions.field.question') : t('discussions.field.reply'), context: t('discussions.field.context'), tried: t('discussions.field.tried') };
  return page(c, {
    title: t('discussions.edit.title'),
    nav: null,
    status,
    body: html`<p><a href="${link(c, `/discussions/${v.topic.id}`)}">${t('discussions.edit.back')}</a></p><h1>${t('discussions.edit.title')}</h1>
<p>${userText({ text: v.topic.title, lang: v.topic.lang })}</p>
${errorSummary(t, form.errors, labels)}
<form method="post" action="${link(c, `/discussions/posts/${p.id}/edit`)}" novalidate>
${consultationOpening ? html`${textarea({ t, name: 'context', label: labels.context, form, rows: 5, required: true })}${textarea({ t, name: 'tried', label: labels.tried, form, rows: 4 })}` : ''}
${textarea({ t, name: 'body', label: labels.body, hint: t('discussions.field.bodyHint'), form, rows: 8, required: true })}
<button type="submit">${t('discussions.edit.submit')}</button></form>
<h2>${t('discussions.edit.versions', { count: v.versions.length })}</h2>
${v.versions.map((x) => html`<details><summary>${fmtDate(x.at, locale, true)}</summary>${richText(x.body, p.lang)}</details>`)}`,
  });
}

export function coordinationPage(c: Ctx, v: Coordination) {
  const t = c.get('t');
  const locale = c.get('locale');
  const title = t('discussions.coordination.title', { network: v.network.name.text });
  return page(c, {
    title,
    nav: null,
    body: html`<h1>${title}</h1>${networkLinks(c, v.network, 'coordination', true)}
<h2>${t('discussions.coordination.pending', { count: v.pending.length })}</h2>
${v.pending.length ? html`<ul class="cards">${v.pending.map(
      (p) => html`<li class="card"><h3><a href="${link(c, `/discussions/${p.topicId}#post-${p.postId}`)}">${userText({ text: p.topicTitle, lang: p.topicLang })}</a></h3>
<p class="meta">${p.isOpening ? t('discussions.coordination.newTopic') : t('discussions.coordination.reply')} · ${who(t, p.authorName)} · ${fmtDate(p.createdAt, locale, true)}</p>
${richText(p.body, p.lang)}
<div class="actions">${button(c, `/discussions/posts/${p.postId}/approve`, t('discussions.post.approve'), '')}</div></li>`,
    )}</ul>` : html`<p>${t('discussions.coordination.nothingPending')}</p>`}
<h2>${t('discussions.coordination.unanswered', { count: v.unanswered.length })}</h2>
<p class="hint">${t('discussions.coordination.unansweredHint')}</p>
${v.unanswered.length ? html`<ul class="cards">${v.unanswered.map(
      (u) => html`<li class="card"><h3><a href="${link(c, `/discussions/${u.topic.id}`)}">${userText({ text: u.topic.title, lang: u.topic.lang })}</a></h3><p class="meta">${fmtDate(u.topic.createdAt, locale)}</p>${suggestionsBlock(c, u.topic, u.suggestions, u.invited, 'unanswered')}</li>`,
    )}</ul>` : html`<p>${t('discussions.coordination.nothingUnanswered')}</p>`}`,
  });
}

/** The network page's section: the latest topics for members; for others, that members discuss here. */
export function networkSection(c: Ctx, slug: string, recent: { topics: RecentTopic[] } | null): Html {
  const t = c.get('t');
  const locale = c.get('locale');
  if (!recent) return html`<h2>${t('discussions.section.title')}</h2><p>${t('discussions.section.membersOnly')}</p>`;
  return html`<h2>${t('discussions.section.title')}</h2>
${recent.topics.length ? html`<ul>${recent.topics.map((x: RecentTopic) => html`<li><a href="${link(c, `/discussions/${x.id}`)}">${userText(x.title as ShownText)}</a> <span class="meta">(${kindLabel(t, x.kind)} · ${t('discussions.replies', { count: x.replies })}${x.answered ? html` · ${t('discussions.answered')}` : ''} · ${fmtDate(x.lastPostAt, locale)})</span></li>`)}</ul>` : html`<p>${t('discussions.list.empty')}</p>`}
<p><a href="${link(c, `/networks/${slug}/discussions`)}">${t('discussions.section.all')}</a></p>`;
}
