/** The broker's ranked candidates for a call, and match reasons in the reader's language. */
import { html } from 'hono/html';
import { countryName } from '../../taxonomy/countries.ts';
import type { Ctx } from '../../platform/http.ts';
import type { Locale, T } from '../../platform/i18n.ts';
import { page, link } from '../../platform/render.ts';
import { errorSummary, select, checkbox, input, type FormState } from '../../platform/html/form.ts';
import { getTheme } from '../../taxonomy/themes.ts';
import { JOB_FUNCTIONS } from '../../taxonomy/job-functions.ts';
import { ORGANISATION_KINDS } from '../../taxonomy/organisation-kinds.ts';
import { EXCHANGE_FORMATS } from '../../taxonomy/formats.ts';
import { labelFor, labelOf } from '../../taxonomy/labels.ts';
import { regionName } from '../../taxonomy/regions.ts';
import type { Reason } from './matching.types.ts';
import type { CallCandidates, Opportunities, RequestCandidates, RoundPlan } from './matching.service.ts';
import { dateFormat, numberFormat } from '../../platform/html/format.ts';

function listOf(items: string[], locale: Locale): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
}
function languageName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
function monthName(m: number, locale: Locale): string {
  return dateFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, m - 1, 15)));
}

/** One structured reason as a short sentence in the reader's language. */
export function reasonText(t: T, locale: Locale, r: Reason): string {
  switch (r.code) {
    case 'theme': {
      const theme = getTheme(r.params.theme);
      const label = theme ? labelOf(theme.labels, locale) : r.params.theme;
      return r.params.terms.length ? t('matching.reason.theme', { theme: label, terms: r.params.terms.join(', ') }) : t('matching.reason.themeOnly', { theme: label });
    }
    case 'text':
      return t('matching.reason.text', { terms: r.params.terms.join(', ') });
    case 'aspects':
      return t('matching.reason.aspects', { covered: r.params.covered, total: r.params.total, aspects: r.params.aspects.join(', ') });
    case 'job':
      return t('matching.reason.job', { job: labelFor(JOB_FUNCTIONS, r.params.jobFunction, locale) });
    case 'language':
      return t('matching.reason.language', { languages: listOf(r.params.languages.map((l) => languageName(l, locale)), locale) });
    case 'context': {
      const { aspect, value } = r.params;
      if (aspect === 'kind') return t('matching.reason.kind', { kind: labelFor(ORGANISATION_KINDS, String(value), locale) });
      if (aspect === 'population') return t('matching.reason.population', { population: typeof value === 'number' ? numberFormat(locale).format(value) : String(value ?? '') });
      if (aspect === 'region') return t('matching.reason.region', { region: regionName(String(value ?? ''), locale) });
      if (aspect === 'coastal') return t('matching.reason.coastal');
      if (aspect === 'rural') return t('matching.reason.rural');
      return t('matching.reason.capital');
    }
    case 'history':
      return r.params.rating ? t('matching.reason.historyRated', { year: String(r.params.year), rating: r.params.rating }) : t('matching.reason.history', { year: String(r.params.year) });
    case 'availability': {
      const p = r.params;
      if (p.aspect === 'months') return t('matching.reason.months', { months: listOf((p.months ?? []).map((m) => monthName(m, locale)), locale) });
      if (p.aspect === 'active') return p.days === 0 ? t('matching.reason.activeToday') : t('matching.reason.active', { days: p.days ?? 0 });
      if (p.aspect === 'capacity') return t('matching.reason.capacity', { capacity: p.capacity ?? 0 });
      return t('matching.reason.format', { format: labelFor(EXCHANGE_FORMATS, String(p.format), locale) });
    }
  }
}

type Candidates = CallCandidates['candidates'];

/** The filters of a ranking (a GET form to `action`): type, country, the subject's working languages as a hard filter. */
function filtersForm(c: Ctx, action: string, languages: string[] | undefined, form: FormState) {
  const t = c.get('t');
  const locale = c.get('locale');
  const labels = { type: t('matching.candidates.type'), country: t('matching.candidates.country'), language: t('matching.candidates.language'), top: t('matching.candidates.top') };
  return html`<form method="get" action="${link(c, action)}" class="stack" aria-labelledby="filters-h"><h2 id="filters-h">${t('matching.candidates.filters')}</h2>
${errorSummary(t, form.errors, labels)}
${select({ t, name: 'type', label: labels.type, form, blank: t('matching.candidates.typeAny'), options: [{ value: 'organisation', label: t('matching.candidates.typeOrganisation') }, { value: 'person', label: t('matching.candidates.typePerson') }] })}
${input({ t, name: 'country', label: labels.country, form, hint: t('matching.candidates.countryHint'), maxlength: 2 })}
${checkbox({ t, name: 'language', label: languages?.length ? t('matching.candidates.languageOf', { languages: listOf(languages.map((l) => languageName(l, locale)), locale) }) : labels.language, form })}
<button type="submit">${t('matching.candidates.apply')}</button></form>`;
}

/** The ranked table: rank, candidate, score, reasons, and (for a call) the action column. */
function candidatesTable(c: Ctx, candidates: Candidates, action?: (m: Candidates[number]) => ReturnType<typeof html>) {
  const t = c.get('t');
  const locale = c.get('locale');
  if (!candidates.length) return html`<p>${t('matching.candidates.none')}</p>`;
  return html`<table class="candidates"><caption>${t('matching.candidates.caption', { count: candidates.length })}</caption><thead><tr><th scope="col">${t('matching.candidates.rank')}</th><th scope="col">${t('matching.candidates.candidate')}</th><th scope="col">${t(
    'matching.candidates.score',
  )}</th><th scope="col">${t('matching.candidates.reasons')}</th>${action ? html`<th scope="col">${t('matching.candidates.action')}</th>` : ''}</tr></thead><tbody>${candidates.map(
    (m, i) => html`<tr data-candidate="${m.type}:${m.id}"><td>${i + 1}</td><th scope="row">${m.type === 'organisation' ? html`<a href="${link(c, `/organisations/${m.id}`)}" dir="auto">${m.name}</a>` : html`<a href="${link(c, `/people/${m.id}`)}" dir="auto">${m.name}</a>`}<br><span class="hint">${
      m.type === 'organisation' ? t('matching.candidates.typeOrganisation') : t('matching.candidates.typePerson')
    }${m.organisationName ? html` · <bdi>${m.organisationName}</bdi>` : ''}${m.country ? html` · ${countryName(m.country, locale)}` : ''}</span></th><td>${numberFormat(locale, { style: 'percent' }).format(m.score)}</td><td><ul>${m.reasons.map(
      (r) => html`<li>${reasonText(t, locale, r)}</li>`,
    )}</ul></td>${action ? html`<td>${action(m)}</td>` : ''}</tr>`,
  )}</tbody></table>`;
}

/** Whether the ranking used the request's machine translation into English, or will once it is made (issue 15). */
function translationNote(c: Ctx, state: CallCandidates['translation']) {
  const t = c.get('t');
  if (state === 'used') return html`<p class="hint" data-translation="used">${t('matching.candidates.translationUsed')}</p>`;
  if (state === 'pending') return html`<p class="hint" data-translation="pending">${t('matching.candidates.translationPending')}</p>`;
  return '';
}

/** The page: filters (GET form), then the ranked table with reasons and "invite to offer". */
export function candidatesPage(c: Ctx, d: CallCandidates | null, callId: string, form: FormState, status = 200) {
  const t = c.get('t');
  const title = d ? `${t('matching.candidates.title')}: ${d.call.title}` : t('matching.candidates.title');
  const hidden = (name: string, value: string | undefined) => (value ? html`<input type="hidden" name="${name}" value="${value}">` : '');
  return page(c, {
    title,
    status,
    body: html`<h1>${title}</h1>
${d ? html`<p><a href="${link(c, `/calls/${d.call.id}/offers`)}">${t('matching.candidates.offers')}</a> · <a href="${link(c, `/calls/${d.call.id}`)}">${t('matching.candidates.publicPage')}</a></p>
<p>${t('matching.candidates.intro', { organisation: d.call.organisationName })}</p>` : ''}
${filtersForm(c, `/calls/${callId}/candidates`, d?.call.languages, form)}
${d ? translationNote(c, d.translation) : ''}
${
  !d
    ? ''
    : candidatesTable(c, d.candidates, (m) =>
        m.canInvite && d.call.state === 'open'
          ? html`<form method="post" novalidate action="${link(c, `/calls/${d.call.id}/candidates/invite`)}" class="inline"><input type="hidden" name="type" value="${m.type}"><input type="hidden" name="id" value="${m.id}">${hidden('f_type', d.filters.type)}${hidden(
              'f_country',
              d.filters.country,
            )}${d.filters.language ? hidden('f_language', 'on') : ''}<button type="submit">${t('matching.candidates.invite')}<span class="visually-hidden">: <bdi>${m.name}</bdi></span></button></form>`
          : html`<span class="hint">${d.call.state === 'open' ? t('matching.candidates.noAccount') : t('matching.candidates.closed')}</span>`,
      )
}`,
  });
}

/** A request's ranked candidates (brokers), before its call is published: the same filters and table, no invitation. */
export function requestCandidatesPage(c: Ctx, d: RequestCandidates | null, requestId: string, form: FormState, status = 200) {
  const t = c.get('t');
  const title = d?.request.title ? `${t('matching.candidates.title')}: ${d.request.title}` : t('matching.candidates.title');
  return page(c, {
    title,
    status,
    body: html`<h1>${title}</h1>
${d ? html`<p><a href="${link(c, `/requests/${d.request.id}`)}">${t('matching.candidates.requestPage')}</a>${d.request.callId ? html` · <a href="${link(c, `/calls/${d.request.callId}/candidates`)}">${t('matching.candidates.callCandidates')}</a>` : ''}</p>
<p>${t('matching.candidates.requestIntro', { organisation: d.request.organisationName })}</p>` : ''}
${filtersForm(c, `/requests/${requestId}/candidates`, d?.request.languages, form)}
${d ? html`${translationNote(c, d.translation)}${candidatesTable(c, d.candidates)}` : ''}`,
  });
}

/** "Opportunities for you": open calls ranked for the member's (or the organisation's) profile. */
export function opportunitiesPage(c: Ctx, d: Opportunities) {
  const t = c.get('t');
  const locale = c.get('locale');
  const title = d.for?.kind === 'organisation' ? t('matching.opportunities.titleFor', { name: d.for.name }) : t('matching.opportunities.title');
  const date = dateFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  return page(c, {
    title,
    body: html`<h1>${title}</h1>
<p>${t('matching.opportunities.intro')}</p>
${
  !d.for
    ? html`<p>${t('matching.opportunities.noProfile')}</p><p><a href="${link(c, '/people/me')}">${t('matching.opportunities.completeProfile')}</a></p>`
    : d.opportunities.length
      ? html`<table class="candidates"><thead><tr><th scope="col">${t('matching.opportunities.call')}</th><th scope="col">${t('matching.opportunities.deadline')}</th><th scope="col">${t('matching.candidates.score')}</th><th scope="col">${t(
          'matching.candidates.reasons',
        )}</th></tr></thead><tbody>${d.opportunities.map(
          (o) => html`<tr data-call="${o.id}"><th scope="row"><a href="${link(c, `/calls/${o.id}`)}" dir="auto">${o.title}</a><br><span class="hint"><bdi>${o.organisationName}</bdi> · ${o.country}</span></th><td>${date.format(o.deadline)}</td><td>${numberFormat(locale, {
            style: 'percent',
          }).format(o.score)}</td><td><ul>${o.reasons.map((r) => html`<li>${reasonText(t, locale, r)}</li>`)}</ul></td></tr>`,
        )}</tbody></table>`
      : html`<p>${t('matching.opportunities.none')}</p><p><a href="${link(c, '/calls')}">${t('matching.opportunities.allCalls')}</a></p>`
}`,
  });
}

/** The round planner: the proposed assignment, links to fix or forbid a pair, and confirmation. */
export function roundPlanPage(c: Ctx, d: RoundPlan | null, roundId: string, form: FormState, status = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  const base = `/rounds/${roundId}/plan`;
  const qs = (fixed: { request: string; candidate: string }[], forbidden: { request: string; candidate: string }[]) => {
    const p = new URLSearchParams();
    if (d) {
      p.set('personCapacity', String(d.settings.personCapacity));
      p.set('orgCapacity', String(d.settings.orgCapacity));
    }
    for (const f of fixed) p.append('fix', `${f.request}|${f.candidate}`);
    for (const f of forbidden) p.append('forbid', `${f.request}|${f.candidate}`);
    return `${base}?${p.toString()}`;
  };
  const same = (a: { request: string; candidate: string }, r: string, k: string) => a.request === r && a.candidate === k;
  const title = d ? t('matching.plan.titleOf', { round: d.round.name, programme: d.round.programmeName }) : t('matching.plan.title');
  const labels = { personCapacity: t('matching.plan.personCapacity'), orgCapacity: t('matching.plan.orgCapacity') };
  const settings = html`<form method="get" action="${link(c, base)}" class="stack">${errorSummary(t, form.errors, labels)}
${input({ t, name: 'personCapacity', label: labels.personCapacity, form, inputmode: 'numeric', maxlength: 1 })}
${input({ t, name: 'orgCapacity', label: labels.orgCapacity, form, inputmode: 'numeric', maxlength: 2 })}
${d ? [...d.fixed.map((f) => html`<input type="hidden" name="fix" value="${f.request}|${f.candidate}">`), ...d.forbidden.map((f) => html`<input type="hidden" name="forbid" value="${f.request}|${f.candidate}">`)] : ''}
<button type="submit">${t('matching.plan.recompute')}</button></form>`;
  const body = !d
    ? ''
    : d.outcome === 'empty'
      ? html`<p>${t('matching.plan.empty')}</p>`
      : d.outcome === 'fixed_infeasible'
        ? html`<p class="error-text" role="alert">${t('matching.plan.infeasible')}</p><p><a href="${link(c, qs([], d.forbidden))}">${t('matching.plan.clearFixed')}</a></p>`
        : html`<p>${t('matching.plan.total', { total: numberFormat(locale, { maximumFractionDigits: 2 }).format(d.total) })}</p>
<table class="candidates"><thead><tr><th scope="col">${t('matching.opportunities.call')}</th><th scope="col">${t('matching.plan.proposed')}</th><th scope="col">${t('matching.candidates.score')}</th><th scope="col">${t('matching.candidates.action')}</th></tr></thead><tbody>${d.rows.map((r) =>
            r.assigned.length
              ? r.assigned.map(
                  (a) => html`<tr data-pair="${r.call.id}|${a.key}"><th scope="row"><a href="${link(c, `/calls/${r.call.id}/candidates`)}" dir="auto">${r.call.title}</a><br><span class="hint"><bdi>${r.call.organisationName}</bdi></span></th><td>${a.name}${a.isFixed ? html` <strong>(${t('matching.plan.fixed')})</strong>` : ''}<br><span class="hint">${
                    a.type === 'organisation' ? t('matching.candidates.typeOrganisation') : t('matching.candidates.typePerson')
                  }</span></td><td>${numberFormat(locale, { style: 'percent' }).format(a.score)}</td><td>${
                    a.isFixed
                      ? html`<a href="${link(c, qs(d.fixed.filter((f) => !same(f, r.call.id, a.key)), d.forbidden))}">${t('matching.plan.unfix')}</a>`
                      : html`<a href="${link(c, qs([...d.fixed, { request: r.call.id, candidate: a.key }], d.forbidden))}">${t('matching.plan.fix')}</a>`
                  } · <a href="${link(c, qs(d.fixed.filter((f) => !same(f, r.call.id, a.key)), [...d.forbidden, { request: r.call.id, candidate: a.key }]))}">${t('matching.plan.forbid')}</a></td></tr>`,
                )
              : html`<tr><th scope="row"><a href="${link(c, `/calls/${r.call.id}/candidates`)}" dir="auto">${r.call.title}</a><br><span class="hint"><bdi>${r.call.organisationName}</bdi></span></th><td colspan="3">${t('matching.plan.unfilled')}</td></tr>`,
          )}</tbody></table>
${
  d.forbidden.length
    ? html`<h2>${t('matching.plan.forbiddenTitle')}</h2><ul>${d.forbidden.map(
        (f) => html`<li>${d.rows.find((r) => r.call.id === f.request)?.call.title ?? f.request} · ${d.names[f.candidate] ?? f.candidate} <a href="${link(c, qs(d.fixed, d.forbidden.filter((x) => !same(x, f.request, f.candidate))))}">${t('matching.plan.allow')}</a></li>`,
      )}</ul>`
    : ''
}
<form method="post" novalidate action="${link(c, base)}">${d.rows.flatMap((r) => r.assigned.map((a) => html`<input type="hidden" name="pair" value="${r.call.id}|${a.key}">`))}<button type="submit">${t('matching.plan.confirm')}</button></form>`;
  return page(c, { title, status, body: html`<h1>${title}</h1><p>${t('matching.plan.intro')}</p>${settings}${body}` });
}
