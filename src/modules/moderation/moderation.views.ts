/** The report form shown on reportable content, and the moderators' queue. */
import { html } from 'hono/html';
import type { Ctx } from '../../platform/http.ts';
import { page, link } from '../../platform/render.ts';
import { REPORT_REASONS, type ReportableType, type ReportReason } from './moderation.policy.ts';
import type { moderationQueue } from './moderation.service.ts';

const reasonLabel = (t: (k: string) => string, r: string): string =>
  (
    ({
      spam: t('moderation.reason.spam'),
      offensive: t('moderation.reason.offensive'),
      personal_data: t('moderation.reason.personalData'),
      misleading: t('moderation.reason.misleading'),
      other: t('moderation.reason.other'),
    }) as Record<ReportReason, string>
  )[r as ReportReason] ?? r;

const typeLabel = (t: (k: string) => string, type: string): string =>
  ({ organisation: t('moderation.type.organisation'), person: t('moderation.type.person'), good_practice: t('moderation.type.goodPractice') })[type] ?? type;

/** Where a moderator opens the object. */
const objectPath = (type: string, id: string) => (type === 'organisation' ? `/organisations/${id}` : type === 'person' ? `/people/${id}` : `/good-practices/${id}`);

/**
 * "Report this": a folded form (works without JavaScript) for signed-in members on content they
 * do not own; nothing for visitors and owners. `hidden` marks content its owner still sees.
 */
export function reportBlock(c: Ctx, o: { type: ReportableType; id: string; canReport: boolean; hidden: boolean }) {
  const t = c.get('t');
  const notice = o.hidden ? html`<p class="flash" role="status">${t('moderation.hiddenNotice')}</p>` : '';
  if (!o.canReport) return notice;
  return html`${notice}<details class="report"><summary>${t('moderation.report.summary')}</summary>
<form method="post" action="${link(c, '/reports')}" class="stack">
<input type="hidden" name="objectType" value="${o.type}"><input type="hidden" name="objectId" value="${o.id}"><input type="hidden" name="back" value="${c.req.path}">
<div class="field"><label for="f-report-reason">${t('moderation.report.reason')}</label><select id="f-report-reason" name="reason">${REPORT_REASONS.map((r) => html`<option value="${r}">${reasonLabel(t, r)}</option>`)}</select></div>
<div class="field"><label for="f-report-note">${t('moderation.report.note')}</label><textarea id="f-report-note" name="note" rows="3" maxlength="1000"></textarea></div>
<p class="hint">${t('moderation.report.hint')}</p>
<div><button type="submit">${t('moderation.report.submit')}</button></div></form></details>`;
}

/** The moderators' queue. */
export function queuePage(c: Ctx, items: Awaited<ReturnType<typeof moderationQueue>>) {
  const t = c.get('t');
  const locale = c.get('locale');
  const when = (d: Date) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(d);
  const state = (i: (typeof items)[number]) =>
    i.state === 'kept' ? t('moderation.state.restored') : i.decision === 'confirmed' ? t('moderation.state.confirmed') : t('moderation.state.waiting');
  return page(c, {
    title: t('moderation.queue.title'),
    body: html`<h1>${t('moderation.queue.title')}</h1><p>${t('moderation.queue.explain')}</p>${
      items.length
        ? html`<table><thead><tr><th scope="col">${t('moderation.queue.content')}</th><th scope="col">${t('moderation.queue.reports')}</th><th scope="col">${t('moderation.queue.state')}</th><th scope="col">${t(
            'moderation.queue.decide',
          )}</th></tr></thead><tbody>${items.map(
            (i) => html`<tr><th scope="row"><a href="${link(c, objectPath(i.objectType, i.objectId))}">${i.title || i.objectId}</a><br><span class="meta">${typeLabel(t, i.objectType)} · ${when(i.hiddenAt)}</span></th>
<td>${i.reports} · ${i.reasons.map((r) => reasonLabel(t, r)).join(', ')}${i.notes.length ? html`<ul>${i.notes.map((n) => html`<li>${n}</li>`)}</ul>` : ''}</td>
<td>${state(i)}</td>
<td>${
              i.state === 'hidden'
                ? html`<form method="post" action="${link(c, '/admin/moderation/decide')}"><input type="hidden" name="objectType" value="${i.objectType}"><input type="hidden" name="objectId" value="${i.objectId}"><button type="submit" name="decision" value="restore">${t(
                    'moderation.queue.restore',
                  )}</button> ${i.decision === 'confirmed' ? '' : html`<button type="submit" name="decision" value="confirm" class="secondary">${t('moderation.queue.confirm')}</button>`}</form>`
                : ''
            }</td></tr>`,
          )}</tbody></table>`
        : html`<p>${t('moderation.queue.empty')}</p>`
    }`,
  });
}
