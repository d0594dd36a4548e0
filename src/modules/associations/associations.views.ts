/** Pages of associations: their members and members' exchanges, the requests to confirm, the lessons brief and its form. */
import { html } from 'hono/html';
import type { Ctx } from '../../platform/http.ts';
import { page, link } from '../../platform/render.ts';
import type { Html } from '../../platform/html/layout.ts';
import { input, textarea, errorSummary, type FormState } from '../../platform/html/form.ts';
import { fmtDate } from '../../platform/html/format.ts';
import { RTL_LOCALES, type T } from '../../platform/i18n.ts';
import { formatName } from '../../taxonomy/names.ts';
import { countryName } from '../../taxonomy/countries.ts';
import type { AssociationPage, BriefView, FollowedExchange } from './associations.service.ts';
import { MAX_NOTE, MAX_RECIPIENTS, RECIPIENT_KINDS } from './associations.service.ts';
import type { LinkView, OrganisationFacts } from './associations.repository.ts';
import type { StageSummary } from '../evaluations/evaluations.summary.service.ts';
import { exchangeStateLabel, sideName, stageLabel } from './associations.labels.ts';

const kindLabel = (t: T, k: string) =>
  ({ local_government: t('associations.kind.localGovernment'), central_government: t('associations.kind.centralGovernment'), donor: t('associations.kind.donor'), other: t('associations.kind.other') })[k] ?? k;

function summaryList(c: Ctx, s: StageSummary[]): Html {
  const t = c.get('t');
  if (!s.length) return html`<p class="hint">${t('associations.brief.noEvaluations')}</p>`;
  return html`<table><caption>${t('associations.brief.evaluations')}</caption><thead><tr><th scope="col">${t('associations.summary.stage')}</th><th scope="col">${t('associations.summary.side')}</th><th scope="col">${t('associations.summary.answers')}</th><th scope="col">${t(
    'associations.summary.meanHead',
  )}</th></tr></thead><tbody>${s.map(
    (x) => html`<tr><th scope="row">${stageLabel(t, x.stage)}</th><td>${sideName(t, x.side)}</td><td>${t('associations.summary.answered', { answered: x.answered, sent: x.sent })}</td><td>${x.meanScale === null ? '—' : t('associations.summary.mean', { mean: x.meanScale })}</td></tr>`,
  )}</tbody></table>`;
}

function exchangeCard(c: Ctx, a: AssociationPage, e: FollowedExchange): Html {
  const t = c.get('t');
  const locale = c.get('locale');
  return html`<li class="card"><h3 dir="auto">${e.title}</h3>
<p class="meta"><bdi>${e.host.name}</bdi> (${countryName(e.host.country, locale)})${e.peer ? html` · <bdi>${e.peer.name}</bdi> (${countryName(e.peer.country, locale)})` : ''} · ${formatName(e.format, locale)} · ${fmtDate(e.startDate, locale)} – ${fmtDate(e.endDate, locale)} · ${exchangeStateLabel(t, e.state)}</p>
${e.objectives ? html`<p class="prewrap" dir="auto">${e.objectives}</p>` : ''}
${summaryList(c, e.summary)}
${a.canManage ? html`<p><a class="button secondary" href="${link(c, `/associations/${a.association.id}/exchanges/${e.id}/brief`)}">${t('associations.brief.create')}</a></p>` : ''}</li>`;
}

export function associationPage(c: Ctx, a: AssociationPage, search: { q: string; results: OrganisationFacts[] }, form: FormState = { values: {}, errors: {} }, status = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  const active = a.members.filter((m) => m.state === 'active');
  const pending = a.members.filter((m) => m.state === 'pending');
  const member = (m: LinkView) =>
    html`<li><bdi>${m.memberName}</bdi> (${countryName(m.memberCountry, locale)})${
      a.canManage ? html` <form method="post" action="${link(c, `/associations/links/${m.id}/remove`)}" class="inline"><button type="submit" class="link">${t('associations.members.remove', { name: m.memberName })}</button></form>` : ''
    }</li>`;
  return page(c, {
    title: a.association.name,
    status,
    body: html`<h1><bdi>${a.association.name}</bdi></h1>
<p>${t('associations.page.intro')}</p>
<section aria-labelledby="members-h"><h2 id="members-h">${t('associations.members.title')}</h2>
${active.length ? html`<ul>${active.map(member)}</ul>` : html`<p>${t('associations.members.none')}</p>`}
${pending.length ? html`<h3>${t('associations.members.pending')}</h3><ul>${pending.map(member)}</ul>` : ''}
${
  a.canManage
    ? html`<form method="get" action="${link(c, `/associations/${a.association.id}`)}" role="search" class="stack" aria-label="${t('associations.members.add')}">${input({ t, name: 'q', label: t('associations.members.search'), form: { values: { q: search.q }, errors: {} }, type: 'search', maxlength: 100 })}<button type="submit" class="secondary">${t('associations.members.find')}</button></form>
${errorSummary(t, form.errors, { memberId: t('associations.members.add') })}
${
  search.q
    ? search.results.length
      ? html`<ul>${search.results.map(
          (o) =>
            html`<li><bdi>${o.name}</bdi> (${countryName(o.country, locale)}) <form method="post" action="${link(c, `/associations/${a.association.id}/members`)}" class="inline"><input type="hidden" name="memberId" value="${o.id}"><button type="submit" class="secondary">${t('associations.members.ask', { name: o.name })}</button></form></li>`,
        )}</ul>`
      : html`<p>${t('associations.members.noneFound')}</p>`
    : ''
}`
    : ''
}</section>
<section aria-labelledby="exchanges-h"><h2 id="exchanges-h">${t('associations.exchanges.title')}</h2><p class="hint">${t('associations.exchanges.hint')}</p>
${a.exchanges.length ? html`<ul class="cards">${a.exchanges.map((e) => exchangeCard(c, a, e))}</ul>` : html`<p>${t('associations.exchanges.none')}</p>`}</section>
<section aria-labelledby="briefs-h"><h2 id="briefs-h">${t('associations.briefs.title')}</h2>
${
  a.briefs.length
    ? html`<ul>${a.briefs.map((b) => html`<li><a href="${link(c, `/briefs/${b.id}`)}">${t('associations.briefs.item', { date: fmtDate(b.createdAt, locale, true) })}</a> · ${t('associations.briefs.sent', { sent: b.sent, total: b.recipients })}</li>`)}</ul>`
    : html`<p>${t('associations.briefs.none')}</p>`
}</section>`,
  });
}

export function myAssociationsPage(c: Ctx, list: OrganisationFacts[], pendingCount: number) {
  const t = c.get('t');
  return page(c, {
    title: t('associations.mine.title'),
    body: html`<h1>${t('associations.mine.title')}</h1>
${list.length ? html`<ul>${list.map((a) => html`<li><a href="${link(c, `/associations/${a.id}`)}"><bdi>${a.name}</bdi></a></li>`)}</ul>` : html`<p>${t('associations.mine.none')}</p>`}
<p><a href="${link(c, '/associations/requests')}">${t('associations.requests.link', { count: pendingCount })}</a></p>`,
  });
}

export function requestsPage(c: Ctx, list: LinkView[]) {
  const t = c.get('t');
  const decide = (id: string, decision: 'confirm' | 'decline', label: string, cls = '') =>
    html`<form method="post" action="${link(c, `/associations/links/${id}/decide`)}" class="inline"><input type="hidden" name="decision" value="${decision}"><button type="submit"${cls ? html` class="${cls}"` : ''}>${label}</button></form>`;
  return page(c, {
    title: t('associations.requests.title'),
    body: html`<h1>${t('associations.requests.title')}</h1><p>${t('associations.requests.intro')}</p>
${
  list.length
    ? html`<ul class="cards">${list.map(
        (l) => html`<li class="card"><p>${t('associations.requests.item', { association: l.associationName, member: l.memberName })}</p><div class="actions">${decide(l.id, 'confirm', t('associations.requests.confirm'))}${decide(l.id, 'decline', t('associations.requests.decline'), 'secondary')}</div></li>`,
      )}</ul>`
    : html`<p>${t('associations.requests.none')}</p>`
}`,
  });
}

export function briefFormPage(c: Ctx, d: { association: OrganisationFacts; exchange: FollowedExchange | BriefView['exchange'] }, form: FormState = { values: {}, errors: {} }, status = 200) {
  const t = c.get('t');
  const labels = { note: t('associations.brief.note'), recipients: t('associations.brief.recipients') };
  return page(c, {
    title: t('associations.brief.create'),
    status,
    body: html`<h1>${t('associations.brief.create')}</h1>
<p>${t('associations.brief.formIntro', { title: d.exchange.title, association: d.association.name })}</p>
<form method="post" action="${link(c, `/associations/${d.association.id}/exchanges/${d.exchange.id}/brief`)}" class="stack">${errorSummary(t, form.errors, labels)}
${textarea({ t, name: 'note', label: labels.note, form, rows: 5, hint: t('associations.brief.noteHint', { max: MAX_NOTE }) })}
${textarea({ t, name: 'recipients', label: labels.recipients, form, rows: 6, required: true, hint: t('associations.brief.recipientsHint', { max: MAX_RECIPIENTS, kinds: RECIPIENT_KINDS.join(', ') }) })}
<button type="submit">${t('associations.brief.send')}</button></form>`,
  });
}

export function briefPage(c: Ctx, v: BriefView) {
  const t = c.get('t');
  const locale = c.get('locale');
  const e = v.exchange;
  return page(c, {
    title: t('associations.brief.title', { title: e.title }),
    body: html`<h1>${t('associations.brief.heading')}: <bdi>${e.title}</bdi></h1>
<p class="meta">${t('associations.brief.by', { association: v.association.name, date: fmtDate(v.createdAt, locale) })}</p>
${RTL_LOCALES.has(locale) ? '' : html`<p><a href="${link(c, `/briefs/${v.id}/pdf`)}">${t('associations.brief.download')}</a></p>`}
${v.note.text ? html`<section aria-labelledby="note-h"><h2 id="note-h">${t('associations.brief.note')}</h2><p class="prewrap" lang="${v.note.lang}" dir="auto">${v.note.text}</p></section>` : ''}
<section aria-labelledby="facts-h"><h2 id="facts-h">${t('associations.brief.facts')}</h2><dl class="facts">
<dt>${t('associations.field.host')}</dt><dd><bdi>${e.host.name}</bdi> (${countryName(e.host.country, locale)})</dd>
${e.peer ? html`<dt>${t('associations.field.peer')}</dt><dd><bdi>${e.peer.name}</bdi> (${countryName(e.peer.country, locale)})</dd>` : ''}
<dt>${t('associations.field.format')}</dt><dd>${formatName(e.format, locale)}</dd>
<dt>${t('associations.field.dates')}</dt><dd>${fmtDate(e.startDate, locale)} – ${fmtDate(e.endDate, locale)}</dd>
${e.place ? html`<dt>${t('associations.field.place')}</dt><dd dir="auto">${e.place}</dd>` : ''}
<dt>${t('associations.field.state')}</dt><dd>${exchangeStateLabel(t, e.state)}</dd></dl>
${e.objectives ? html`<h3>${t('associations.field.objectives')}</h3><p class="prewrap" dir="auto">${e.objectives}</p>` : ''}
${e.expectedResults ? html`<h3>${t('associations.field.expectedResults')}</h3><p class="prewrap" dir="auto">${e.expectedResults}</p>` : ''}</section>
<section aria-labelledby="eval-h"><h2 id="eval-h">${t('associations.brief.evaluations')}</h2>${summaryList(c, v.summary)}</section>
<section aria-labelledby="lessons-h"><h2 id="lessons-h">${t('associations.brief.lessons')}</h2>
${
  v.lessons.length
    ? html`<ul class="cards">${v.lessons.map(
        (l) =>
          html`<li class="card"><h3><a href="${link(c, `/good-practices/${l.id}`)}" lang="${l.title.lang}" dir="auto">${l.title.text}</a></h3>${l.summary.text ? html`<p lang="${l.summary.lang}" dir="auto">${l.summary.text}</p>` : ''}${
            l.results.text ? html`<p class="prewrap" lang="${l.results.lang}" dir="auto">${l.results.text}</p>` : ''
          }</li>`,
      )}</ul>`
    : html`<p>${t('associations.brief.noLessons')}</p>`
}</section>
${
  v.recipients
    ? html`<section aria-labelledby="sent-h"><h2 id="sent-h">${t('associations.brief.sentTo')}</h2><table><caption class="visually-hidden">${t('associations.brief.sentTo')}</caption><thead><tr><th scope="col">${t('associations.recipient.name')}</th><th scope="col">${t(
        'associations.recipient.kind',
      )}</th><th scope="col">${t('associations.recipient.sent')}</th></tr></thead><tbody>${v.recipients.map(
        (r) => html`<tr><th scope="row"><bdi>${r.name}</bdi> &lt;<bdi>${r.email}</bdi>&gt;</th><td>${kindLabel(t, r.kind)}</td><td>${r.sentAt ? fmtDate(r.sentAt, locale, true) : t('associations.recipient.waiting')}</td></tr>`,
      )}</tbody></table></section>`
    : ''
}`,
  });
}
