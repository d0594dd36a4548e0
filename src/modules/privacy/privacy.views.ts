/** Pages of the privacy module: the notice (with consent and withdrawal), the consent prompt, "download my data". */
import { html } from 'hono/html';
import type { Ctx } from '../../platform/http.ts';
import { page, link } from '../../platform/render.ts';
import { input, errorSummary, type FormState } from '../../platform/html/form.ts';
import type { Html } from '../../platform/html/layout.ts';
import type { ConsentState, ExportView } from './privacy.service.ts';
import { NOTICE_VERSION } from './privacy.service.ts';
import { DEFAULT_INACTIVE_MONTHS, DEFAULT_CV_MONTHS } from './privacy.retention.ts';
import { dateFormat } from '../../platform/html/format.ts';

const dateOf = (c: Ctx, d: Date) => dateFormat(c.get('locale'), { dateStyle: 'long', timeZone: 'UTC' }).format(d);
const timeOf = (c: Ctx, d: Date) => dateFormat(c.get('locale'), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(d);

/** The retention periods in force (configuration, when the server declares them; else the defaults), as the notice states them. */
function retentionMonths(c: Ctx): { months: number; cvMonths: number } {
  const config = c.get('deps').config as { retentionInactiveMonths?: number; retentionCvMonths?: number };
  return { months: config.retentionInactiveMonths ?? DEFAULT_INACTIVE_MONTHS, cvMonths: config.retentionCvMonths ?? DEFAULT_CV_MONTHS };
}

/** The notice itself, section by section (each a literal key). */
function notice(c: Ctx, level: 'h2' | 'h3'): Html {
  const t = c.get('t');
  const sections: [string, string][] = [
    [t('privacy.notice.who.title'), t('privacy.notice.who.body')],
    [t('privacy.notice.what.title'), t('privacy.notice.what.body')],
    [t('privacy.notice.why.title'), t('privacy.notice.why.body')],
    [t('privacy.notice.seen.title'), t('privacy.notice.seen.body')],
    [t('privacy.notice.kept.title'), t('privacy.notice.kept.body', retentionMonths(c))],
    [t('privacy.notice.rights.title'), t('privacy.notice.rights.body')],
  ];
  return html`<p>${t('privacy.notice.version', { version: NOTICE_VERSION })}</p>
${sections.map(([h, b]) => (level === 'h2' ? html`<h2>${h}</h2><p>${b}</p>` : html`<h3>${h}</h3><p>${b}</p>`))}`;
}

function stateText(c: Ctx, s: ConsentState): string {
  const t = c.get('t');
  if (s.status === 'current') return t('privacy.consent.stateCurrent', { date: dateOf(c, s.at!) });
  if (s.status === 'outdated') return t('privacy.consent.stateOutdated', { version: s.version ?? '' });
  if (s.status === 'withdrawn') return t('privacy.consent.stateWithdrawn', { date: dateOf(c, s.at!) });
  return t('privacy.consent.stateNone');
}

const actionLabel = (c: Ctx, a: string) => (a === 'withdrawn' ? c.get('t')('privacy.consent.actionWithdrawn') : c.get('t')('privacy.consent.actionGiven'));

/** /privacy: the notice for everyone; for a member, where they stand, their consent history, accept or withdraw. */
export function noticePage(c: Ctx, mine: { state: ConsentState; history: { noticeVersion: string; action: string; at: Date }[] } | null) {
  const t = c.get('t');
  const consentBlock = mine
    ? html`<section aria-labelledby="s-consent"><h2 id="s-consent">${t('privacy.consent.title')}</h2>
<p>${stateText(c, mine.state)}</p>
${
  mine.state.status === 'current'
    ? html`<form method="post" novalidate action="${link(c, '/privacy/withdraw')}"><p>${t('privacy.consent.withdrawExplain')}</p><button type="submit" class="secondary">${t('privacy.consent.withdraw')}</button></form>`
    : html`<form method="post" novalidate action="${link(c, '/privacy/consent')}"><button type="submit">${t('privacy.consent.accept')}</button></form>`
}
${
  mine.history.length
    ? html`<table><caption>${t('privacy.consent.history')}</caption><thead><tr><th scope="col">${t('privacy.consent.when')}</th><th scope="col">${t('privacy.consent.version')}</th><th scope="col">${t('privacy.consent.action')}</th></tr></thead>
<tbody>${mine.history.map((h) => html`<tr><td>${timeOf(c, h.at)}</td><td>${h.noticeVersion}</td><td>${actionLabel(c, h.action)}</td></tr>`)}</tbody></table>`
    : ''
}
<p><a href="${link(c, '/account/data')}">${t('privacy.data.title')}</a></p></section>`
    : '';
  return page(c, { title: t('privacy.notice.title'), nav: mine ? 'account' : null, body: html`<h1>${t('privacy.notice.title')}</h1>${notice(c, 'h2')}${consentBlock}` });
}

/** The prompt before confidential member data: the notice and an Accept button that returns to `next`. */
export function consentPage(c: Ctx, next: string, state: ConsentState) {
  const t = c.get('t');
  return page(c, {
    title: t('privacy.consent.askTitle'),
    nav: 'account',
    body: html`<h1>${t('privacy.consent.askTitle')}</h1>
<p>${state.status === 'outdated' ? t('privacy.consent.askChanged') : state.status === 'withdrawn' ? t('privacy.consent.askWithdrawn') : t('privacy.consent.askFirst')}</p>
<section aria-labelledby="s-notice" class="stack"><h2 id="s-notice">${t('privacy.notice.title')}</h2>${notice(c, 'h3')}</section>
<form method="post" novalidate action="${link(c, '/privacy/consent')}"><input type="hidden" name="next" value="${next}"><button type="submit">${t('privacy.consent.accept')}</button></form>
<p><a href="${link(c, '/')}">${t('privacy.consent.notNow')}</a></p>`,
  });
}

const sizeOf = (n: number) => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

/** /account/data: ask for an export, and the exports that can still be downloaded. */
export function dataPage(c: Ctx, exports: ExportView[]) {
  const t = c.get('t');
  return page(c, {
    title: t('privacy.data.title'),
    nav: 'account',
    body: html`<h1>${t('privacy.data.title')}</h1>
<p>${t('privacy.data.explain')}</p>
<form method="post" novalidate action="${link(c, '/account/data')}"><button type="submit">${t('privacy.data.request')}</button></form>
<h2>${t('privacy.data.listTitle')}</h2>
${
  exports.length
    ? html`<ul>${exports.map((e) => html`<li><a href="${link(c, `/data-exports/${e.id}`)}" download>${t('privacy.data.download', { date: timeOf(c, e.createdAt) })}</a> (${sizeOf(e.size)}) — ${t('privacy.data.expires', { date: timeOf(c, e.expiresAt) })}</li>`)}</ul>`
    : html`<p>${t('privacy.data.none')}</p>`
}
<p><a href="${link(c, '/privacy')}">${t('privacy.notice.title')}</a> · <a href="${link(c, '/account')}">${t('privacy.data.back')}</a></p>`,
  });
}

/** Deleting one's account: what it does, and the current password to confirm (the account page's form posts here too). */
export function deletePage(c: Ctx, form: FormState, status: 200 | 400 = 200) {
  const t = c.get('t');
  const labels = { current: t('privacy.delete.current') };
  return page(c, {
    title: t('privacy.delete.title'),
    nav: 'account',
    status,
    body: html`<h1>${t('privacy.delete.title')}</h1>
${errorSummary(t, form.errors, labels)}
<p>${t('privacy.delete.explain')}</p>
<form method="post" action="${link(c, '/account/delete')}" class="stack" novalidate>
${input({ t, form: { values: {}, errors: form.errors }, name: 'current', label: labels.current, type: 'password', autocomplete: 'current-password', required: true })}
<div><button type="submit" class="secondary">${t('privacy.delete.submit')}</button></div></form>
<p><a href="${link(c, '/account')}">${t('privacy.data.back')}</a></p>`,
  });
}
