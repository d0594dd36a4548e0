/** Pages of calls for expertise: the public list and page, the offer form, the broker's offers list, an offer with its thread and match. */
import { html } from 'hono/html';
import type { Ctx } from '../../platform/http.ts';
import { page, link } from '../../platform/render.ts';
import type { Html } from '../../platform/html/layout.ts';
import { input, textarea, select, checkboxes, errorSummary, type FormState } from '../../platform/html/form.ts';
import { optionsOf } from '../../taxonomy/labels.ts';
import { EXCHANGE_FORMATS } from '../../taxonomy/formats.ts';
import { countryName } from '../../taxonomy/countries.ts';
import { languageName } from '../../taxonomy/languages.ts';
import { languageChoices } from '../../platform/html/languages.ts';
import { themeOptions, themeName, formatName } from '../../taxonomy/names.ts';
import { fmtDate, tags } from '../../platform/html/format.ts';
import type { PublicCall, CallPage, OfferFormData, OfferDetail, CallOffers, CallOfRequest, BrokerCall } from './calls.service.ts';
import { isStaff } from '../requests/requests.policy.ts';
import { authorName } from '../privacy/privacy.service.ts';
import { userText, translationNotice, type ReaderView } from '../../platform/html/user-content.ts';

function callStateLabel(t: (k: string) => string, s: string): string {
  return ({ open: t('calls.state.open'), matched: t('calls.state.matched'), closed: t('calls.state.closed') } as Record<string, string>)[s] ?? s;
}

function offerStateLabel(t: (k: string) => string, s: string): string {
  return (
    {
      submitted: t('calls.offerState.submitted'),
      shortlisted: t('calls.offerState.shortlisted'),
      proposed: t('calls.offerState.proposed'),
      matched: t('calls.offerState.matched'),
      declined: t('calls.offerState.declined'),
      withdrawn: t('calls.offerState.withdrawn'),
    } as Record<string, string>
  )[s] ?? s;
}

function callFacts(c: Ctx, x: PublicCall): Html {
  const t = c.get('t');
  const locale = c.get('locale');
  return html`<dl class="facts">
<dt>${t('calls.field.requester')}</dt><dd><bdi>${x.organisation.name}</bdi>, ${countryName(x.organisation.country, locale)}</dd>
<dt>${t('calls.field.programme')}</dt><dd><a href="${link(c, `/programmes/${x.programme.slug}`)}" dir="auto">${x.programme.name}</a></dd>
<dt>${t('calls.field.deadline')}</dt><dd>${fmtDate(x.deadline, locale, true)}</dd>
<dt>${t('calls.field.formats')}</dt><dd>${x.formats.map((f) => formatName(f, locale)).join(', ')}</dd>
<dt>${t('calls.field.languages')}</dt><dd>${x.languages.map((l) => languageName(l, locale)).join(', ')}</dd>
${x.periodStart || x.periodEnd ? html`<dt>${t('calls.field.period')}</dt><dd>${fmtDate(x.periodStart, locale)} – ${fmtDate(x.periodEnd, locale)}</dd>` : ''}
<dt>${t('calls.field.state')}</dt><dd>${callStateLabel(t, x.state)}</dd>
</dl>`;
}

export function callsListPage(c: Ctx, values: Record<string, unknown>, list: PublicCall[] | null, errors: Record<string, string> = {}, status = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  const form: FormState = { values, errors };
  const labels = { theme: t('calls.filter.theme'), format: t('calls.filter.format') };
  return page(c, {
    title: t('calls.list.title'),
    status,
    body: html`<h1>${t('calls.list.title')}</h1><p>${t('calls.list.intro')}</p>
<div class="layout-search"><form method="get" action="${link(c, '/calls')}" class="filters" role="search" aria-label="${t('calls.filter.label')}">${errorSummary(t, errors, labels)}
${select({ t, name: 'theme', label: labels.theme, form, options: themeOptions(locale), blank: t('calls.filter.any') })}
${select({ t, name: 'format', label: labels.format, form, options: optionsOf(EXCHANGE_FORMATS, locale, true), blank: t('calls.filter.any') })}
<button type="submit">${t('calls.filter.apply')}</button></form>
<div>${
      list && list.length
        ? html`<ul class="cards">${list.map(
            (x) => html`<li class="card"><h2><a href="${link(c, `/calls/${x.id}`)}" dir="auto">${x.title}</a></h2><p class="meta"><bdi>${x.organisation.name}</bdi>, ${countryName(x.organisation.country, locale)} · ${t('calls.field.deadline')}: ${fmtDate(
              x.deadline,
              locale,
            )}</p>${tags(t('calls.field.themes'), x.themes.map((th) => themeName(th, locale)))}</li>`,
          )}</ul>`
        : html`<p>${t('calls.list.none')}</p>`
    }</div></div>`,
  });
}

export function callPage(c: Ctx, p: CallPage, shown: ReaderView<'title' | 'expertiseSought'>) {
  const t = c.get('t');
  const locale = c.get('locale');
  const x = p.call;
  return page(c, {
    title: shown.fields.title.text,
    body: html`<h1>${userText(shown.fields.title)}</h1>
${translationNotice(t, locale, shown, link(c, `/calls/${x.id}`))}
${callFacts(c, x)}
<h2>${t('calls.field.expertiseSought')}</h2>${userText(shown.fields.expertiseSought, true)}
${tags(t('calls.field.themes'), x.themes.map((th) => themeName(th, locale)))}
${
  p.myOfferId
    ? html`<p><a href="${link(c, `/offers/${p.myOfferId}`)}">${t('calls.offer.yours')}</a></p>`
    : p.canOffer
      ? html`<p><a class="button" href="${link(c, `/calls/${x.id}/offer`)}">${t('calls.offer.make')}</a></p>`
      : x.isTakingOffers && !c.get('user')
        ? html`<p><a href="${link(c, `/sign-in?next=${encodeURIComponent(`/calls/${x.id}/offer`)}`)}">${t('calls.offer.signIn')}</a></p>`
        : html`<p>${t('calls.offer.closed')}</p>`
}
${p.isStaff ? html`<p><a href="${link(c, `/calls/${x.id}/offers`)}">${t('calls.offers.title')}</a>${p.requestId ? html` · <a href="${link(c, `/requests/${p.requestId}`)}">${t('calls.request')}</a>` : ''}</p>` : ''}`,
  });
}

/** The offer form: for an organisation (choose its experts) or for oneself. One motivation, languages and availability per expert. */
export function offerFormPage(c: Ctx, d: OfferFormData, form: FormState, status = 200) {
  const t = c.get('t');
  const expertFields = (e: { id: string; name: string; languages: string[] }) =>
    html`<fieldset><legend>${e.name}</legend>
<label><input type="checkbox" name="experts" value="${e.id}" id="f-experts-${e.id}"${(Array.isArray(form.values.experts) ? form.values.experts : [form.values.experts]).includes(e.id) ? html` checked` : ''}> ${t('calls.offer.putForward', { name: e.name })}</label>
${textarea({ t, name: `motivation_${e.id}`, label: t('calls.offer.motivation'), form, rows: 3 })}
${languageChoices({ t, locale: c.get('locale'), name: `languages_${e.id}`, label: t('calls.offer.languages'), form: { ...form, values: { [`languages_${e.id}`]: form.values[`languages_${e.id}`] ?? (form.values.experts === undefined ? e.languages : []), ...form.values } } })}
${input({ t, name: `availability_${e.id}`, label: t('calls.offer.availability'), form })}</fieldset>`;
  const labels: Record<string, string> = { experts: t('calls.offer.experts'), organisationId: t('calls.offer.forOrganisation') };
  for (const e of [...(d.self ? [d.self] : []), ...d.organisations.flatMap((o) => o.experts)]) {
    labels[`motivation_${e.id}`] = `${e.name} – ${t('calls.offer.motivation')}`;
    labels[`languages_${e.id}`] = `${e.name} – ${t('calls.offer.languages')}`;
    labels[`availability_${e.id}`] = `${e.name} – ${t('calls.offer.availability')}`;
  }
  const options = [...(d.self ? [{ value: '', label: t('calls.offer.asIndividual') }] : []), ...d.organisations.map((o) => ({ value: o.id, label: o.name }))];
  return page(c, {
    title: t('calls.offer.make'),
    status,
    body: html`<h1>${t('calls.offer.make')}</h1><p>${d.call.title}</p>
${
  !d.self && !d.organisations.length
    ? html`<p>${t('calls.offer.noProfile')}</p><p><a href="${link(c, '/account')}">${t('calls.offer.completeProfile')}</a></p>`
    : html`<form method="post" novalidate action="${link(c, `/calls/${d.call.id}/offers`)}" class="stack">${errorSummary(t, form.errors, labels)}
${select({ t, name: 'organisationId', label: labels.organisationId!, form, options, hint: t('calls.offer.forHint') })}
${d.self ? html`<h2>${t('calls.offer.asIndividual')}</h2>${expertFields(d.self)}` : ''}
${d.organisations.map((o) => html`<h2>${o.name}</h2>${o.experts.length ? o.experts.filter((e) => e.id !== d.self?.id).map(expertFields) : html`<p>${t('calls.offer.noExperts')}</p>`}`)}
<button type="submit">${t('calls.offer.send')}</button></form>`
}`,
  });
}

export function callOffersPage(c: Ctx, d: CallOffers) {
  const t = c.get('t');
  const locale = c.get('locale');
  return page(c, {
    title: `${t('calls.offers.title')} · ${d.call.title}`,
    body: html`<h1>${t('calls.offers.title')}: ${d.call.title}</h1>
<p><a href="${link(c, `/calls/${d.call.id}`)}">${t('calls.offers.publicPage')}</a> · <a href="${link(c, `/requests/${d.requestId}`)}">${t('calls.request')}</a></p>
${
  d.offers.length
    ? html`<table><thead><tr><th scope="col">${t('calls.offers.provider')}</th><th scope="col">${t('calls.field.state')}</th><th scope="col">${t('calls.offer.experts')}</th><th scope="col">${t('calls.offers.messages')}</th><th scope="col">${t(
        'calls.offers.lastActive',
      )}</th></tr></thead><tbody>${d.offers.map(
        (o) =>
          html`<tr><th scope="row"><a href="${link(c, `/offers/${o.id}`)}">${o.organisationName ?? o.offeredByName}</a>${o.organisationName ? html`<br><span class="hint">${o.offeredByName}</span>` : ''}</th><td>${offerStateLabel(t, o.state)}</td><td>${o.experts}</td><td>${o.messages}</td><td>${
            o.lastActiveAt ? fmtDate(o.lastActiveAt, locale) : t('calls.offers.never')
          }</td></tr>`,
      )}</tbody></table>`
    : html`<p>${t('calls.offers.none')}</p>`
}
<section aria-labelledby="ranked-h"><h2 id="ranked-h">${t('calls.offers.ranked')}</h2><p><a href="${link(c, `/calls/${d.call.id}/candidates`)}">${t('matching.candidates.link')}</a></p></section>`,
  });
}

export function offerPage(c: Ctx, d: OfferDetail, form: FormState = { values: {}, errors: {} }, status = 200, motivations?: ReaderView<string>) {
  const t = c.get('t');
  const locale = c.get('locale');
  const post = (path: string, label: string, cls = '') => html`<form method="post" novalidate action="${link(c, path)}" class="inline"><button type="submit"${cls ? html` class="${cls}"` : ''}>${label}</button></form>`;
  return page(c, {
    title: `${t('calls.offer.title')} · ${d.call.title}`,
    status,
    body: html`<h1>${t('calls.offer.title')}: <bdi>${d.call.title}</bdi></h1>
<p class="meta">${offerStateLabel(t, d.state)} · ${d.organisationName ? html`<bdi>${d.organisationName}</bdi> · ` : ''}<bdi>${d.offeredByName}</bdi></p>
<p><a href="${link(c, `/calls/${d.call.id}`)}">${t('calls.offers.publicPage')}</a></p>
<div class="actions">${d.abilities.shortlist ? post(`/offers/${d.id}/shortlist`, t('calls.offer.shortlist'), 'secondary') : ''}${d.abilities.propose ? post(`/offers/${d.id}/propose`, t('calls.offer.propose')) : ''}${
      d.abilities.withdraw ? post(`/offers/${d.id}/withdraw`, t('calls.offer.withdraw'), 'secondary') : ''
    }</div>
${
  d.match
    ? html`<section aria-labelledby="match-h"><h2 id="match-h">${t('calls.match.heading')}</h2>
<p>${d.match.state === 'confirmed' ? t('calls.match.confirmed') : d.match.state === 'declined' ? t('calls.match.declined') : t('calls.match.proposed')}</p>
<ul><li>${t('calls.match.requesterSide')}: ${d.match.requesterConfirmed ? t('calls.match.yes') : t('calls.match.waiting')}</li><li>${t('calls.match.providerSide')}: ${d.match.providerConfirmed ? t('calls.match.yes') : t('calls.match.waiting')}</li></ul>
${
  d.match.exchangeId
    ? html`<p><a href="${link(c, `/exchanges/${d.match.exchangeId}`)}">${t('calls.match.openExchange')}</a></p>`
    : d.match.canPlan
      ? html`<p><a class="button" href="${link(c, `/exchanges/new?match=${d.match.id}`)}">${t('calls.match.planExchange')}</a></p>`
      : ''
}
${d.match.mySides.length ? html`<div class="actions">${post(`/matches/${d.match.id}/confirm`, t('calls.match.confirm'))}${post(`/matches/${d.match.id}/decline`, t('calls.match.decline'), 'secondary')}</div>` : ''}</section>`
    : ''
}
<section aria-labelledby="experts-h"><h2 id="experts-h">${t('calls.offer.experts')}</h2>
${motivations ? translationNotice(t, locale, motivations, link(c, `/offers/${d.id}`)) : ''}
${errorSummary(t, form.errors, { file: t('calls.cv.label') })}
<ul class="cards">${d.experts.map(
      (e) => html`<li class="card"><h3><bdi>${e.name}</bdi></h3>${e.position ? html`<p class="meta" dir="auto">${e.position}</p>` : ''}${motivations?.fields[e.personId] ? userText(motivations.fields[e.personId]!, true) : html`<p class="prewrap" dir="auto">${e.motivation}</p>`}
<p class="meta">${t('calls.offer.languages')}: ${e.languages.map((l) => languageName(l, locale)).join(', ')}${e.availability ? html` · ${t('calls.offer.availability')}: <bdi>${e.availability}</bdi>` : ''}</p>
${e.cv ? html`<p><a href="${link(c, `/attachments/${e.cv.id}`)}">${t('calls.cv.open', { name: e.name })}</a> (${e.cv.label})</p>` : ''}
${
  d.abilities.uploadCv
    ? html`<form method="post" novalidate action="${link(c, `/offers/${d.id}/cv`)}" enctype="multipart/form-data" class="stack"><input type="hidden" name="personId" value="${e.personId}"><div class="field"><label for="cv-${e.personId}">${t('calls.cv.label')}: ${e.name}</label><span class="hint" id="cvh-${e.personId}">${t(
        'requests.file.hint',
      )}</span><input type="file" id="cv-${e.personId}" name="file" aria-describedby="cvh-${e.personId}"></div><button type="submit" class="secondary">${t('calls.cv.upload')}</button></form>`
    : ''
}</li>`,
    )}</ul></section>
${
  d.abilities.message
    ? html`<section aria-labelledby="thread-h"><h2 id="thread-h">${t('calls.thread.heading')}</h2>
${d.messages.length ? html`<ol class="thread">${d.messages.map((m) => html`<li><p class="meta">${authorName(c, m.authorName)} · ${fmtDate(m.at, locale, true)}</p><p class="prewrap" dir="auto">${m.body}</p></li>`)}</ol>` : html`<p>${t('calls.thread.empty')}</p>`}
<form method="post" novalidate action="${link(c, `/offers/${d.id}/messages`)}" class="stack">${errorSummary(t, form.errors, { body: t('calls.thread.message') })}${textarea({ t, name: 'body', label: t('calls.thread.message'), form, rows: 3, required: true })}<button type="submit">${t(
        'calls.thread.send',
      )}</button></form></section>`
    : ''
}`,
  });
}

export function publishCallPage(c: Ctx, requestId: string, form: FormState, status = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  const labels: Record<string, string> = {
    title: t('calls.field.title'),
    expertiseSought: t('calls.field.expertiseSought'),
    themes: t('calls.field.themes'),
    formats: t('calls.field.formats'),
    languages: t('calls.field.languages'),
    periodStart: t('calls.field.periodStart'),
    periodEnd: t('calls.field.periodEnd'),
    deadline: t('calls.field.deadline'),
  };
  return page(c, {
    title: t('calls.publish.title'),
    status,
    body: html`<h1>${t('calls.publish.title')}</h1><p>${t('calls.publish.intro')}</p>
<form method="post" novalidate action="${link(c, `/requests/${requestId}/call`)}" class="stack">${errorSummary(t, form.errors, labels)}
${input({ t, name: 'title', label: labels.title!, form, required: true })}
${textarea({ t, name: 'expertiseSought', label: labels.expertiseSought!, form, rows: 6, required: true, hint: t('calls.publish.expertiseHint') })}
${checkboxes({ t, name: 'themes', label: labels.themes!, form, options: themeOptions(locale) })}
${checkboxes({ t, name: 'formats', label: labels.formats!, form, options: optionsOf(EXCHANGE_FORMATS, locale, true) })}
${languageChoices({ t, locale, name: 'languages', label: labels.languages!, form, hint: t('requests.hint.languages') })}
${input({ t, name: 'periodStart', label: labels.periodStart!, form, type: 'date' })}${input({ t, name: 'periodEnd', label: labels.periodEnd!, form, type: 'date' })}
${input({ t, name: 'deadline', label: labels.deadline!, form, type: 'datetime-local', required: true, hint: t('programmes.round.utc') })}
<button type="submit">${t('calls.publish.button')}</button></form>`,
  });
}

/**
 * On a request's page (slot `requests.page`): its call for expertise and the live match; before
 * the call, the way to it — publishing it, and for the secretariat the ranked candidates once the
 * request is submitted.
 */
export function requestCallSection(c: Ctx, r: { requestId: string; state: string; canPublishCall: boolean }, call: CallOfRequest | null): Html | null {
  const t = c.get('t');
  if (!call) {
    const publish = r.canPublishCall ? html`<a class="button" href="${link(c, `/requests/${r.requestId}/call/new`)}">${t('calls.ofRequest.publish')}</a>` : '';
    const candidates = isStaff(c.get('user')) && r.state !== 'draft' ? html`<a href="${link(c, `/requests/${r.requestId}/candidates`)}">${t('matching.candidates.link')}</a>` : '';
    return publish || candidates ? html`<div class="actions">${publish}${candidates}</div>` : null;
  }
  const state = call.match?.state === 'confirmed' ? t('calls.ofRequest.matchConfirmed') : t('calls.ofRequest.matchProposed');
  return html`<section aria-labelledby="call-h"><h2 id="call-h">${t('calls.ofRequest.heading')}</h2><p><a href="${link(c, `/calls/${call.callId}`)}" dir="auto">${call.title}</a></p>${
    call.match ? html`<p>${t('calls.ofRequest.matchState', { state })} <a href="${link(c, `/offers/${call.match.offerId}`)}">${t('calls.ofRequest.seeMatch')}</a></p>` : ''
  }</section>`;
}

/** Who a call waits on, as the dashboard says it. */
const CALL_WAITING: Record<BrokerCall['waitingOn'], string> = {
  providers: 'calls.waiting.providers',
  broker: 'requests.waiting.broker',
  requester: 'requests.waiting.requester',
  provider: 'calls.waiting.provider',
  bothSides: 'calls.waiting.bothSides',
  nobody: 'requests.waiting.nobody',
};

/** On the broker's dashboard (slot `requests.broker`): every call, who it waits on, its offers and last change. */
export function brokerCallsSection(c: Ctx, calls: BrokerCall[]): Html {
  const t = c.get('t');
  const locale = c.get('locale');
  return html`<section aria-labelledby="calls-h"><h2 id="calls-h">${t('calls.dashboard.heading')}</h2>
${
  calls.length
    ? html`<table><thead><tr><th scope="col">${t('requests.field.title')}</th><th scope="col">${t('requests.dashboard.state')}</th><th scope="col">${t('requests.dashboard.waitingOn')}</th><th scope="col">${t('calls.dashboard.offers')}</th><th scope="col">${t(
        'calls.dashboard.lastChange',
      )}</th></tr></thead><tbody>${calls.map(
        (x) =>
          html`<tr><th scope="row"><a href="${link(c, `/calls/${x.id}/offers`)}" dir="auto">${x.title}</a><br><span class="hint"><bdi>${x.programmeName}</bdi></span></th><td>${callStateLabel(t, x.state)}</td><td>${t(CALL_WAITING[x.waitingOn])}</td><td>${x.offers}</td><td>${fmtDate(x.lastChange, locale, true)}</td></tr>`,
      )}</tbody></table>`
    : html`<p>${t('calls.dashboard.none')}</p>`
}</section>`;
}

/** The calls open now, below the approach advisor's results (a short-term expertise exchange starts with one). */
export function advisorCallsSection(c: Ctx, list: PublicCall[]) {
  const t = c.get('t');
  if (!list.length) return null;
  return html`<h3>${t('calls.advisor.open')}</h3><ul>${list.slice(0, 5).map((x) => html`<li><a href="${link(c, `/calls/${x.id}`)}"><bdi>${x.title}</bdi></a> · ${t('calls.advisor.deadline', { date: fmtDate(x.deadline, c.get('locale')) })}</li>`)}</ul>`;
}
