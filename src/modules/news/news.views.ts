/** Pages of the newsletter: archives, an issue, the writer's form and preview, subscribing, confirming, unsubscribing, preferences; the network page's section. */
import { html } from 'hono/html';
import type { Ctx } from '../../platform/http.ts';
import { page, link } from '../../platform/render.ts';
import type { Html } from '../../platform/html/layout.ts';
import { input, textarea, select, checkboxes, errorSummary, type FormState } from '../../platform/html/form.ts';
import { translationNotice, userText, type ReaderView } from '../../platform/html/user-content.ts';
import { fmtDate } from '../../platform/html/format.ts';
import { LOCALES, LOCALE_NAMES, RTL_LOCALES } from '../../platform/i18n.ts';
import { authorName } from '../privacy/privacy.service.ts';
import { listKey, type Archive, type IssueView, type NewsList, type Preferences } from './news.service.ts';
import { BODY_MAX, SUBJECT_MAX } from './news.schema.ts';

const listPath = (l: { kind: string; slug: string }) => `/${l.kind === 'network' ? 'networks' : 'programmes'}/${l.slug}/news`;
const subscribePath = (l: { kind: string; slug: string }) => `/news/subscribe?${l.kind}=${l.slug}`;
const dirOf = (lang: string) => (RTL_LOCALES.has(lang as never) ? 'rtl' : 'ltr');
const localeOptions = () => LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l], lang: l }));

function issueItem(c: Ctx, i: IssueView): Html {
  const t = c.get('t');
  return html`<li><a href="${link(c, `/news/issues/${i.id}`)}" lang="${i.shown.lang}" dir="${dirOf(i.shown.lang)}">${i.shown.subject}</a>${
    i.sentAt && i.state !== 'draft' ? html` <span class="meta">· <time datetime="${i.sentAt.toISOString()}">${fmtDate(i.sentAt, c.get('locale'))}</time></span>` : html` <span class="meta">· ${t('news.issue.draft')}</span>`
  }</li>`;
}

export function archivePage(c: Ctx, a: Archive) {
  const t = c.get('t');
  const name = a.list.name;
  return page(c, {
    title: `${t('news.archive.title')} · ${name.text}`,
    body: html`<h1>${t('news.archive.title')}: ${userText(name)}</h1>
<p><a href="${link(c, subscribePath(a.list))}">${t('news.archive.subscribe')}</a> · <a href="${link(c, `${listPath(a.list)}/feed.atom`)}">${t('news.archive.feed')}</a></p>
${a.manages ? html`<p><a class="button" href="${link(c, `/news/new?${a.list.kind}=${a.list.slug}`)}">${t('news.archive.write')}</a></p>` : ''}
${a.drafts.length ? html`<section aria-labelledby="drafts-h"><h2 id="drafts-h">${t('news.archive.drafts')}</h2><ul>${a.drafts.map((i) => issueItem(c, i))}</ul></section>` : ''}
${
  a.timeline.length
    ? html`<section aria-labelledby="timeline-h"><h2 id="timeline-h">${t('news.archive.timeline')}</h2><ul>${a.timeline.map(
        (e) =>
          html`<li><form method="post" novalidate action="${link(c, `/programmes/${a.list.slug}/news/from-timeline`)}" class="inline"><input type="hidden" name="at" value="${e.at.toISOString()}"><bdi>${e.title}</bdi> <button type="submit" class="secondary">${t('news.archive.mailItem')}</button></form></li>`,
      )}</ul></section>`
    : ''
}
<section aria-labelledby="sent-h"><h2 id="sent-h">${t('news.archive.sent')}</h2>
${a.issues.length ? html`<ul>${a.issues.map((i) => issueItem(c, i))}</ul>` : html`<p>${t('news.archive.none')}</p>`}</section>`,
  });
}

export function issuePage(c: Ctx, i: IssueView, translated: ReaderView<'subject' | 'body'> | null = null) {
  const t = c.get('t');
  const v = i.shown;
  const subject = translated ? translated.fields.subject : { text: v.subject, lang: v.lang };
  const body = translated ? translated.fields.body : { text: v.body, lang: v.lang };
  const others = i.versions.filter((x) => x.lang !== v.lang);
  return page(c, {
    title: v.subject,
    body: html`<p class="meta"><a href="${link(c, listPath(i.list))}">${t('news.archive.title')}: ${userText(i.list.name)}</a></p>
${translated ? translationNotice(t, c.get('locale'), translated, link(c, `/news/issues/${i.id}`)) : ''}
<article lang="${subject.lang ?? v.lang}" dir="${dirOf(subject.lang ?? v.lang)}"><h1>${subject.text}</h1><div class="prewrap" lang="${body.lang ?? v.lang}">${body.text}</div></article>
<p class="meta">${i.sentAt && i.state !== 'draft' ? html`<time datetime="${i.sentAt.toISOString()}">${fmtDate(i.sentAt, c.get('locale'))}</time> · ` : html`${t('news.issue.draft')} · `}${t('news.issue.by', { name: authorName(c, i.authorName) })}</p>
${others.length ? html`<p>${t('news.issue.otherLanguages')} ${others.map((o) => html`<a href="${link(c, `/news/issues/${i.id}?lang=${o.lang}`)}" lang="${o.lang}" hreflang="${o.lang}">${LOCALE_NAMES[o.lang as 'en'] ?? o.lang}</a> `)}</p>` : ''}
${i.manages && i.state === 'draft' ? html`<p><a class="button" href="${link(c, `/news/issues/${i.id}/preview`)}">${t('news.issue.previewAndSend')}</a> <a href="${link(c, `/news/issues/${i.id}/edit`)}">${t('news.issue.edit')}</a></p>` : ''}
<p><a href="${link(c, subscribePath(i.list))}">${t('news.archive.subscribe')}</a></p>`,
  });
}

function issueFields(c: Ctx, form: FormState): Html {
  const t = c.get('t');
  const labels: Record<string, string> = { lang: t('news.form.lang') };
  for (const l of LOCALES) {
    labels[`subject_${l}`] = t('news.form.subjectIn', { language: LOCALE_NAMES[l] });
    labels[`body_${l}`] = t('news.form.bodyIn', { language: LOCALE_NAMES[l] });
  }
  return html`${errorSummary(t, form.errors, labels)}
${select({ t, name: 'lang', label: labels.lang!, form, options: localeOptions(), hint: t('news.form.langHint') })}
<p class="hint">${t('news.form.versionsHint')}</p>
${LOCALES.map(
  (l) => html`<fieldset><legend><span lang="${l}" dir="${dirOf(l)}">${LOCALE_NAMES[l]}</span></legend>
${input({ t, name: `subject_${l}`, label: labels[`subject_${l}`]!, form, maxlength: SUBJECT_MAX })}
${textarea({ t, name: `body_${l}`, label: labels[`body_${l}`]!, form, rows: 8, hint: t('news.form.bodyHint', { max: BODY_MAX }) })}</fieldset>`,
)}`;
}

export function formPage(c: Ctx, d: { list: NewsList; action: string; issueId?: string }, form: FormState, status = 200) {
  const t = c.get('t');
  return page(c, {
    title: t('news.form.title'),
    status,
    body: html`<h1>${t('news.form.title')}: ${userText(d.list.name)}</h1>
<form method="post" novalidate action="${link(c, d.action)}" class="stack">${issueFields(c, form)}<button type="submit">${t('news.form.save')}</button></form>`,
  });
}

export function previewPage(c: Ctx, d: { issue: IssueView; recipients: number }) {
  const t = c.get('t');
  const i = d.issue;
  return page(c, {
    title: t('news.preview.title'),
    body: html`<h1>${t('news.preview.title')}: ${userText(i.list.name)}</h1>
${i.versions.map((v) => html`<section class="card" aria-label="${LOCALE_NAMES[v.lang as 'en'] ?? v.lang}"><p class="meta">${LOCALE_NAMES[v.lang as 'en'] ?? v.lang}${v.lang === i.lang ? html` · ${t('news.preview.original')}` : ''}</p><article lang="${v.lang}" dir="${dirOf(v.lang)}"><h2>${v.subject}</h2><div class="prewrap">${v.body}</div></article></section>`)}
<p id="recipient-count"><strong>${t('news.preview.recipients', { count: d.recipients })}</strong></p>
<p class="hint">${t('news.preview.languageRule')}</p>
<form method="post" novalidate action="${link(c, `/news/issues/${i.id}/send`)}"><button type="submit">${t('news.preview.send', { count: d.recipients })}</button> <a href="${link(c, `/news/issues/${i.id}/edit`)}">${t('news.issue.edit')}</a></form>`,
  });
}

function listOptions(lists: NewsList[]) {
  return lists.map((l) => ({ value: listKey(l), label: l.name.text, lang: l.name.lang }));
}

export function subscribePage(c: Ctx, d: { lists: NewsList[] }, form: FormState, status = 200) {
  const t = c.get('t');
  const labels = { email: t('news.subscribe.email'), locale: t('news.subscribe.locale'), lists: t('news.subscribe.lists'), consent: t('news.subscribe.consentLabel') };
  const consented = form.values.consent === 'yes';
  const err = form.errors.consent;
  return page(c, {
    title: t('news.subscribe.title'),
    status,
    body: html`<h1>${t('news.subscribe.title')}</h1><p>${t('news.subscribe.lead')}</p>
<form method="post" novalidate action="${link(c, '/news/subscribe')}" class="stack">${errorSummary(t, form.errors, labels)}
${input({ t, name: 'email', label: labels.email, form, type: 'email', autocomplete: 'email', required: true })}
${select({ t, name: 'locale', label: labels.locale, form, options: localeOptions() })}
${checkboxes({ t, name: 'lists', label: labels.lists, form, options: listOptions(d.lists) })}
<fieldset id="f-consent"${err ? html` aria-describedby="e-consent"` : ''}><legend>${labels.consent}</legend><p class="hint">${t('news.subscribe.consent')}</p>${err ? html`<p class="error-text" id="e-consent">${t(err)}</p>` : ''}
<div class="checks"><label><input type="checkbox" name="consent" value="yes" id="f-consent-0"${consented ? html` checked` : ''}> <span>${t('news.subscribe.consentAgree')}</span></label></div></fieldset>
<button type="submit">${t('news.subscribe.submit')}</button></form>`,
  });
}

export function checkMailPage(c: Ctx) {
  const t = c.get('t');
  return page(c, { title: t('news.subscribe.sentTitle'), body: html`<h1>${t('news.subscribe.sentTitle')}</h1><p>${t('news.subscribe.sent')}</p>` });
}

export function tokenButtonPage(c: Ctx, d: { title: string; lead: string; action: string; button: string }) {
  return page(c, { title: d.title, body: html`<h1>${d.title}</h1><p>${d.lead}</p><form method="post" novalidate action="${link(c, d.action)}"><button type="submit">${d.button}</button></form>` });
}

export function messagePage(c: Ctx, title: string, message: string, status = 200) {
  return page(c, { title, status, body: html`<h1>${title}</h1><p>${message}</p>` });
}

export function preferencesPage(c: Ctx, token: string, p: Preferences, form: FormState, status = 200) {
  const t = c.get('t');
  const labels = { locale: t('news.subscribe.locale'), lists: t('news.subscribe.lists') };
  return page(c, {
    title: t('news.preferences.title'),
    status,
    body: html`<h1>${t('news.preferences.title')}</h1>
<form method="post" novalidate action="${link(c, `/news/preferences/${token}`)}" class="stack">${errorSummary(t, form.errors, labels)}
${p.member ? html`<p class="hint">${t('news.preferences.member')}</p>` : select({ t, name: 'locale', label: labels.locale, form, options: localeOptions() })}
${checkboxes({ t, name: 'lists', label: labels.lists, form, options: listOptions(p.lists), hint: t('news.preferences.noneHint') })}
<button type="submit">${t('news.preferences.save')}</button></form>`,
  });
}

/** The network page's section: the latest issues, the archive and the subscribe link. */
export function networkNewsSection(c: Ctx, s: { list: NewsList; issues: IssueView[]; manages: boolean } | null): Html {
  const t = c.get('t');
  if (!s) return html``;
  return html`<section aria-labelledby="network-news"><h2 id="network-news">${t('news.network.title')}</h2>
${s.issues.length ? html`<ul>${s.issues.map((i) => issueItem(c, i))}</ul>` : html`<p>${t('news.archive.none')}</p>`}
<p><a href="${link(c, listPath(s.list))}">${t('news.network.archive')}</a> · <a href="${link(c, subscribePath(s.list))}">${t('news.archive.subscribe')}</a>${
    s.manages ? html` · <a href="${link(c, `/news/new?network=${s.list.slug}`)}">${t('news.archive.write')}</a>` : ''
  }</p></section>`;
}
