/** Pages of the events module: the list, an event, the organiser's form and management page, the network page's section. */
import { html } from 'hono/html';
import type { Ctx } from '../../platform/http.ts';
import { page, link } from '../../platform/render.ts';
import type { Html } from '../../platform/html/layout.ts';
import { input, textarea, select, checkboxes, errorSummary, type FormState } from '../../platform/html/form.ts';
import { languageChoices } from '../../platform/html/languages.ts';
import { translationNotice, userText, type ReaderView } from '../../platform/html/user-content.ts';
import { LOCALES, LOCALE_NAMES, localized, type Locale, type T } from '../../platform/i18n.ts';
import { THEMES } from '../../taxonomy/themes.ts';
import { labelOf } from '../../taxonomy/labels.ts';
import { languageNameInline } from '../../taxonomy/languages.ts';
import { EVENT_FORMATS } from '../../db/schema/events.ts';
import { authorName } from '../privacy/privacy.service.ts';
import type { EventCardView, EventList, EventOwner, EventView, ManageView } from './events.service.ts';
import { CAPACITY_MAX, TIME_ZONES, isTimeZone } from './events.schema.ts';
import { fmtInZone, fmtRange } from './events.time.ts';

const themeName = (code: string, locale: Locale) => {
  const th = THEMES.find((x) => x.code === code);
  return th ? labelOf(th.labels, locale) : code;
};
const netName = (name: Record<string, string>, locale: Locale) => localized(name, locale, 'en').text;
const themeOptions = (locale: Locale) => THEMES.map((th) => ({ value: th.code, label: labelOf(th.labels, locale) })).sort((a, b) => a.label.localeCompare(b.label, locale));

export function formatLabel(t: T, f: string): string {
  switch (f) {
    case 'online':
      return t('events.format.online');
    case 'onsite':
      return t('events.format.onsite');
    default:
      return t('events.format.hybrid');
  }
}

function stateFlag(t: T, e: { state: string }): Html {
  if (e.state === 'cancelled') return html`<p class="flag">${t('events.state.cancelled')}</p>`;
  if (e.state === 'proposed') return html`<p class="flag">${t('events.state.proposed')}</p>`;
  return html``;
}

function cardItem(c: Ctx, e: EventCardView): Html {
  const t = c.get('t');
  const locale = c.get('locale');
  return html`<li class="card"><h3><a href="${link(c, `/events/${e.id}`)}">${userText(e.title)}</a></h3>
<p class="meta">${fmtRange(e.startsAt, e.endsAt, e.timeZone, locale)} · ${formatLabel(t, e.format)}${e.place ? html` · ${userText({ text: e.place, lang: null })}` : ''}${e.network ? html` · ${userText(e.network.name)}` : ''}</p>
${e.state === 'cancelled' ? html`<p class="flag">${t('events.state.cancelled')}</p>` : html`<p class="meta">${t('events.seats', { confirmed: e.confirmed, capacity: e.capacity })}${e.waitlisted ? html` · ${t('events.waitlistCount', { count: e.waitlisted })}` : ''}</p>`}
${e.themes.length ? html`<ul class="tags" aria-label="${t('events.field.themes')}">${e.themes.map((th) => html`<li>${themeName(th, locale)}</li>`)}</ul>` : ''}</li>`;
}

export function listPage(c: Ctx, l: EventList) {
  const t = c.get('t');
  const locale = c.get('locale');
  const q = l.query;
  const form: FormState = { values: { ...q, when: q.when ?? '' }, errors: {} };
  const qs = new URLSearchParams(Object.entries(q).filter(([, v]) => v) as [string, string][]).toString();
  const plan = [
    ...l.choices.networks.map((n) => html`<li><a href="${link(c, `/events/new?network=${n.slug}`)}">${t('events.plan.forNetwork', { network: netName(n.name, locale) })}</a></li>`),
    ...l.choices.programmes.map((p) => html`<li><a href="${link(c, `/events/new?programmeId=${p.id}`)}">${t('events.plan.forProgramme', { programme: p.name })}</a></li>`),
  ];
  return page(c, {
    title: t('events.list.title'),
    nav: null,
    body: html`<h1>${t('events.list.title')}</h1>
<p>${t('events.list.intro')}</p>
<p class="actions"><a href="${link(c, `/events/feed.atom`)}">${t('events.list.feed')}</a> · <a href="${link(c, '/events.ics')}">${t('events.list.calendar')}</a></p>
${plan.length ? html`<h2>${t('events.plan.title')}</h2><ul>${plan}</ul>` : ''}
${l.drafts.length ? html`<h2>${t('events.list.drafts')}</h2><ul class="cards">${l.drafts.map((e) => cardItem(c, e))}</ul>` : ''}
<form method="get" action="${link(c, '/events')}" class="filters" role="search" aria-label="${t('events.filter.label')}">
${select({ t, name: 'network', label: t('events.filter.network'), form, options: l.networks.map((n) => ({ value: n.slug, label: netName(n.name, locale) })), blank: t('events.filter.any') })}
${select({ t, name: 'theme', label: t('events.field.themes'), form, options: themeOptions(locale), blank: t('events.filter.any') })}
${select({ t, name: 'format', label: t('events.field.format'), form, options: EVENT_FORMATS.map((f) => ({ value: f, label: formatLabel(t, f) })), blank: t('events.filter.any') })}
${select({ t, name: 'language', label: t('events.filter.language'), form, options: LOCALES.map((x) => ({ value: x, label: languageNameInline(x, locale) })), blank: t('events.filter.any') })}
${select({ t, name: 'when', label: t('events.filter.when'), form, options: [{ value: 'upcoming', label: t('events.filter.upcoming') }, { value: 'past', label: t('events.filter.past') }], blank: t('events.filter.any') })}
<button type="submit">${t('events.filter.submit')}</button>
</form>
<h2>${t('events.list.results', { count: l.items.length })}</h2>
${l.items.length ? html`<ul class="cards">${l.items.map((e) => cardItem(c, e))}</ul>` : html`<p>${t('events.list.empty')}</p>`}
${qs ? html`<p><a href="${link(c, '/events')}">${t('events.filter.clear')}</a></p>` : ''}`,
  });
}

export function eventPage(c: Ctx, e: EventView & { documents: { id: string; label: string; size: number }[] }, readerZone: string | null, shown: ReaderView<'title' | 'description'>) {
  const t = c.get('t');
  const locale = c.get('locale');
  const s = e.standing;
  const zone = readerZone && isTimeZone(readerZone) ? readerZone : null;
  let registration: Html = html``;
  if (e.state === 'published' && !e.isPast) {
    if (!c.get('user')) registration = html`<p class="actions"><a class="button" href="${link(c, `/sign-in?next=${encodeURIComponent(`/${locale}/events/${e.id}`)}`)}">${t('events.register.signIn')}</a></p>`;
    else if (s.registration === 'confirmed') registration = html`<p class="flag">${t('events.register.confirmed')}</p>`;
    else if (s.registration === 'waitlisted') registration = html`<p class="flag">${t('events.register.waitlisted')}</p>`;
    else if (!s.participates) registration = html`<p>${e.network ? html`${t('events.register.membersOnly')} <a href="${link(c, `/networks/${e.network.slug}`)}">${userText(e.network.name)}</a>` : ''}</p>`;
    else if (!e.registrationOpen) registration = html`<p>${t('events.register.closed', { opens: fmtInZone(e.registrationOpensAt, e.timeZone, locale), closes: fmtInZone(e.registrationClosesAt, e.timeZone, locale) })}</p>`;
    if (e.abilities.register)
      registration = html`<form method="post" action="${link(c, `/events/${e.id}/register`)}" novalidate>
${e.question ? textarea({ t, name: 'answer', label: e.question, form: { values: {}, errors: {} }, rows: 4 }) : ''}
<p class="hint">${e.confirmed < e.capacity ? t('events.register.seatsLeft', { count: e.capacity - e.confirmed }) : t('events.register.full')}</p>
<button type="submit">${t('events.register.button')}</button></form>`;
    if (e.abilities.unregister && s.registration)
      registration = html`${registration}<form method="post" action="${link(c, `/events/${e.id}/unregister`)}"><button type="submit" class="secondary">${t('events.register.cancel')}</button></form>`;
  }
  return page(c, {
    title: e.title.text,
    nav: null,
    body: html`<h1>${userText(shown.fields.title)}</h1>
${translationNotice(t, locale, shown, link(c, `/events/${e.id}`))}
${stateFlag(t, e)}
${e.abilities.manage ? html`<p class="actions"><a class="button secondary" href="${link(c, `/events/${e.id}/manage`)}">${t('events.manage.link')}</a> <a class="button secondary" href="${link(c, `/events/${e.id}/edit`)}">${t('events.edit.link')}</a></p>` : ''}
<dl class="facts">
<dt>${t('events.field.when')}</dt><dd>${fmtRange(e.startsAt, e.endsAt, e.timeZone, locale)}${zone && zone !== e.timeZone ? html`<br>${fmtRange(e.startsAt, e.endsAt, zone, locale)}` : ''}</dd>
<dt>${t('events.field.format')}</dt><dd>${formatLabel(t, e.format)}</dd>
${e.place ? html`<dt>${t('events.field.place')}</dt><dd>${userText({ text: e.place, lang: null })}</dd>` : ''}
${e.network ? html`<dt>${t('events.field.network')}</dt><dd><a href="${link(c, `/networks/${e.network.slug}`)}">${userText(e.network.name)}</a></dd>` : ''}
<dt>${t('events.field.languages')}</dt><dd>${e.languages.map((x) => languageNameInline(x, locale)).join(', ')}</dd>
${e.themes.length ? html`<dt>${t('events.field.themes')}</dt><dd>${e.themes.map((x) => themeName(x, locale)).join(', ')}</dd>` : ''}
<dt>${t('events.field.seats')}</dt><dd>${t('events.seats', { confirmed: e.confirmed, capacity: e.capacity })}${e.waitlisted ? html` · ${t('events.waitlistCount', { count: e.waitlisted })}` : ''}</dd>
<dt>${t('events.field.registration')}</dt><dd>${fmtInZone(e.registrationOpensAt, e.timeZone, locale)} – ${fmtInZone(e.registrationClosesAt, e.timeZone, locale)}</dd>
</dl>
<form method="get" action="${link(c, `/events/${e.id}`)}" class="inline">
${select({ t, name: 'tz', label: t('events.tz.label'), form: { values: { tz: zone ?? '' }, errors: {} }, options: TIME_ZONES.map((z) => ({ value: z, label: z, dir: 'ltr' as const })), blank: t('events.tz.eventZone') })}
<button type="submit" class="secondary">${t('events.tz.submit')}</button></form>
${userText(shown.fields.description, true)}
${e.meetingUrl ? html`<h2>${t('events.link.title')}</h2><p><a href="${e.meetingUrl}" rel="noopener noreferrer">${e.meetingUrl}</a></p>` : s.registration === 'confirmed' && e.format !== 'onsite' && !e.isPast ? html`<p class="hint">${t('events.link.later')}</p>` : ''}
<h2>${t('events.register.title')}</h2>
${registration}
<p><a href="${link(c, `/events/${e.id}/event.ics`)}">${t('events.calendar.add')}</a></p>
${e.abilities.seeReport && (e.report || e.documents.length) ? html`<h2>${t('events.report.title')}</h2>${e.report ? userText({ text: e.report, lang: e.title.lang }, true) : ''}${documentList(c, e.id, e.documents)}` : ''}
<p><a href="${link(c, '/events')}">${t('events.back')}</a></p>`,
  });
}

function documentList(c: Ctx, id: string, docs: { id: string; label: string; size: number }[]): Html {
  return docs.length ? html`<ul>${docs.map((d) => html`<li><a href="${link(c, `/events/${id}/documents/${d.id}`)}">${d.label}</a> (${Math.ceil(d.size / 1024)} KB)</li>`)}</ul>` : html``;
}

const FORM_LABELS = (t: T) => ({
  format: t('events.field.format'),
  title: t('events.field.title'),
  description: t('events.field.description'),
  lang: t('events.field.lang'),
  themes: t('events.field.themes'),
  languages: t('events.field.languages'),
  startDate: t('events.field.startDate'),
  startTime: t('events.field.startTime'),
  endDate: t('events.field.endDate'),
  endTime: t('events.field.endTime'),
  timeZone: t('events.field.timeZone'),
  place: t('events.field.place'),
  meetingUrl: t('events.field.meetingUrl'),
  capacity: t('events.field.capacity'),
  registrationOpensDate: t('events.field.registrationOpensDate'),
  registrationOpensTime: t('events.field.registrationOpensTime'),
  registrationClosesDate: t('events.field.registrationClosesDate'),
  registrationClosesTime: t('events.field.registrationClosesTime'),
  question: t('events.field.question'),
  _form: t('events.field.event'),
});

export function formPage(c: Ctx, opts: { owner?: EventOwner; event?: EventView; ownerQuery?: string }, form: FormState, status: 200 | 400 = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  const labels = FORM_LABELS(t);
  const title = opts.event ? t('events.edit.title', { title: opts.event.title.text }) : t('events.create.title');
  const action = opts.event ? link(c, `/events/${opts.event.id}`) : `${link(c, '/events')}${opts.ownerQuery ? `?${opts.ownerQuery}` : ''}`;
  const ownerName = opts.owner?.network ? netName(opts.owner.network.name, locale) : (opts.owner?.programme?.name ?? '');
  const dt = (d: 'startDate' | 'endDate' | 'registrationOpensDate' | 'registrationClosesDate', tm: 'startTime' | 'endTime' | 'registrationOpensTime' | 'registrationClosesTime') =>
    html`<div class="row">${input({ t, name: d, label: labels[d], type: 'date', form, required: true })}${input({ t, name: tm, label: labels[tm], type: 'time', form, required: true })}</div>`;
  return page(c, {
    title,
    nav: null,
    status,
    body: html`<h1>${title}</h1>
${ownerName ? html`<p class="meta">${ownerName}</p>` : ''}
${errorSummary(t, form.errors, labels)}
<form method="post" action="${action}" novalidate>
${select({ t, name: 'format', label: labels.format, form, options: EVENT_FORMATS.map((f) => ({ value: f, label: formatLabel(t, f) })), required: true })}
${input({ t, name: 'title', label: labels.title, form, required: true, maxlength: 200 })}
${textarea({ t, name: 'description', label: labels.description, form, rows: 8, required: true })}
${select({ t, name: 'lang', label: labels.lang, hint: t('events.field.langHint'), form, options: LOCALES.map((x) => ({ value: x, label: LOCALE_NAMES[x] })), required: true })}
${checkboxes({ t, name: 'themes', label: labels.themes, form, options: themeOptions(locale) })}
${languageChoices({ t, locale, name: 'languages', label: labels.languages, form })}
${select({ t, name: 'timeZone', label: labels.timeZone, form, options: TIME_ZONES.map((z) => ({ value: z, label: z, dir: 'ltr' as const })), required: true })}
${dt('startDate', 'startTime')}
${dt('endDate', 'endTime')}
${input({ t, name: 'place', label: labels.place, hint: t('events.field.placeHint'), form, maxlength: 300 })}
${input({ t, name: 'meetingUrl', label: labels.meetingUrl, hint: t('events.field.meetingUrlHint'), type: 'url', form, maxlength: 500 })}
${input({ t, name: 'capacity', label: labels.capacity, hint: t('events.field.capacityHint', { max: CAPACITY_MAX }), type: 'number', inputmode: 'numeric', form, required: true })}
${dt('registrationOpensDate', 'registrationOpensTime')}
${dt('registrationClosesDate', 'registrationClosesTime')}
${input({ t, name: 'question', label: labels.question, hint: t('events.field.questionHint'), form, maxlength: 500 })}
<button type="submit">${opts.event ? t('events.edit.submit') : t('events.create.submit')}</button>
</form>`,
  });
}

export function managePage(c: Ctx, m: ManageView, form: FormState = { values: {}, errors: {} }, status: 200 | 400 = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  const e = m.event;
  const confirmed = m.registrants.filter((r) => r.state === 'confirmed');
  const waitlisted = m.registrants.filter((r) => r.state === 'waitlisted');
  const started = c.var.ctx.now >= e.startsAt;
  return page(c, {
    title: t('events.manage.title', { title: e.title.text }),
    nav: null,
    status,
    body: html`<h1>${t('events.manage.title', { title: e.title.text })}</h1>
${stateFlag(t, e)}
<p class="meta">${fmtRange(e.startsAt, e.endsAt, e.timeZone, locale)} · ${formatLabel(t, e.format)}</p>
${errorSummary(t, form.errors, { _form: t('events.field.event'), place: t('events.field.place'), meetingUrl: t('events.field.meetingUrl'), attended: t('events.attendance.title'), report: t('events.report.title') })}
<p class="actions"><a class="button secondary" href="${link(c, `/events/${e.id}`)}">${t('events.manage.view')}</a> ${e.state !== 'cancelled' ? html`<a class="button secondary" href="${link(c, `/events/${e.id}/edit`)}">${t('events.edit.link')}</a>` : ''}</p>
${e.state === 'proposed' ? html`<form method="post" action="${link(c, `/events/${e.id}/publish`)}"><button type="submit">${t('events.publish.button')}</button></form>` : ''}
${e.state !== 'cancelled' && !e.isPast ? html`<form method="post" action="${link(c, `/events/${e.id}/cancel`)}"><button type="submit" class="secondary">${t('events.cancel.button')}</button></form>` : ''}
<h2>${t('events.manage.registrations', { confirmed: confirmed.length, capacity: e.capacity })}</h2>
${confirmed.length
  ? html`<form method="post" action="${link(c, `/events/${e.id}/attendance`)}"><table><caption>${t('events.attendance.title')}</caption><thead><tr><th scope="col">${t('events.field.name')}</th>${e.question ? html`<th scope="col">${e.question}</th>` : ''}<th scope="col">${t('events.attendance.attended')}</th></tr></thead><tbody>${confirmed.map(
      (r) => html`<tr><td>${authorName(c, r.name)}</td>${e.question ? html`<td>${r.answer ? userText({ text: r.answer, lang: null }) : ''}</td>` : ''}<td><input type="checkbox" name="attended" value="${r.id}" id="att-${r.id}" aria-label="${t('events.attendance.of', { name: r.name })}"${r.attended ? html` checked` : ''}${started ? '' : html` disabled`}></td></tr>`,
    )}</tbody></table>${started ? html`<button type="submit">${t('events.attendance.save')}</button>` : html`<p class="hint">${t('events.attendance.later')}</p>`}</form>`
  : html`<p>${t('events.manage.none')}</p>`}
${waitlisted.length ? html`<h2>${t('events.manage.waitlist', { count: waitlisted.length })}</h2><ol>${waitlisted.map((r) => html`<li>${authorName(c, r.name)}</li>`)}</ol>` : ''}
${started
  ? html`<h2>${t('events.report.title')}</h2>
<form method="post" action="${link(c, `/events/${e.id}/report`)}">${textarea({ t, name: 'report', label: t('events.report.label'), hint: t('events.report.hint'), form: { values: { report: form.values.report ?? e.report ?? '' }, errors: form.errors }, rows: 8 })}<button type="submit">${t('events.report.save')}</button></form>
<h3>${t('events.documents.title')}</h3>
${documentList(c, e.id, m.documents)}
<form method="post" action="${link(c, `/events/${e.id}/documents`)}" enctype="multipart/form-data"><div class="field"><label for="f-file">${t('events.documents.file')}</label><span class="hint" id="h-file">${t('events.documents.hint')}</span><input type="file" id="f-file" name="file" aria-describedby="h-file"></div><button type="submit">${t('events.documents.add')}</button></form>
<h2>${t('events.goodPractice.title')}</h2>
<p>${t('events.goodPractice.intro')}</p>
<form method="post" action="${link(c, `/events/${e.id}/good-practice`)}"><button type="submit">${t('events.goodPractice.button')}</button></form>`
  : ''}`,
  });
}

/** The network page's section: its upcoming events, and the way to plan one for those who coordinate it. */
export function networkEventsSection(c: Ctx, s: { items: EventCardView[]; canPlan: boolean; slug: string | null }): Html {
  const t = c.get('t');
  if (!s.slug) return html``;
  return html`<section aria-labelledby="network-events"><h2 id="network-events">${t('events.network.title')}</h2>
${s.items.length ? html`<ul class="cards">${s.items.map((e) => cardItem(c, e))}</ul>` : html`<p>${t('events.network.none')}</p>`}
<p><a href="${link(c, `/events?network=${s.slug}`)}">${t('events.network.all')}</a> · <a href="${link(c, `/networks/${s.slug}/events.ics`)}">${t('events.list.calendar')}</a>${s.canPlan ? html` · <a href="${link(c, `/events/new?network=${s.slug}`)}">${t('events.network.plan')}</a>` : ''}</p></section>`;
}
