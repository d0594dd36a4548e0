/** The moderators' queue. (The report form on reportable content is `reportPanel` in the service, rendered by the page's own view.) */
import { html } from 'hono/html';
import type { Ctx } from '../../platform/http.ts';
import { page, link } from '../../platform/render.ts';
import type { ReportReason } from './moderation.policy.ts';
import { REASON_KEYS, type moderationQueue } from './moderation.service.ts';
import { dateFormat } from '../../platform/html/format.ts';

const reasonLabel = (t: (k: string) => string, r: string): string => (r in REASON_KEYS ? t(REASON_KEYS[r as ReportReason]) : r);

const typeLabel = (t: (k: string) => string, type: string): string =>
  ({ organisation: t('moderation.type.organisation'), person: t('moderation.type.person'), good_practice: t('moderation.type.goodPractice'), discussion_post: t('moderation.type.discussionPost') })[type] ?? type;

/** Where a moderator opens the object. */
const objectPath = (type: string, id: string) =>
  type === 'organisation' ? `/organisations/${id}` : type === 'person' ? `/people/${id}` : type === 'discussion_post' ? `/discussions/posts/${id}` : `/good-practices/${id}`;

/** The moderators' queue. */
export function queuePage(c: Ctx, items: Awaited<ReturnType<typeof moderationQueue>>) {
  const t = c.get('t');
  const locale = c.get('locale');
  const when = (d: Date) => dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(d);
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
                ? html`<form method="post" novalidate action="${link(c, '/admin/moderation/decide')}"><input type="hidden" name="objectType" value="${i.objectType}"><input type="hidden" name="objectId" value="${i.objectId}"><button type="submit" name="decision" value="restore">${t(
                    'moderation.queue.restore',
                  )}</button> ${i.decision === 'confirmed' ? '' : html`<button type="submit" name="decision" value="confirm" class="secondary">${t('moderation.queue.confirm')}</button>`}</form>`
                : ''
            }</td></tr>`,
          )}</tbody></table>`
        : html`<p>${t('moderation.queue.empty')}</p>`
    }`,
  });
}

