/** Pages of programmes: open calls for requests, a programme's call page, its timeline, and the admin screens. */
import { html } from 'hono/html';
import type { Ctx } from '../../platform/http.ts';
import { page, link } from '../../platform/render.ts';
import type { Html } from '../../platform/html/layout.ts';
import { input, textarea, select, checkboxes, errorSummary, type FormState } from '../../platform/html/form.ts';
import type { Locale, T } from '../../platform/i18n.ts';
import { THEMES } from '../../taxonomy/themes.ts';
import { labelOf, labelFor, optionsOf } from '../../taxonomy/labels.ts';
import { REGIONS } from '../../taxonomy/regions.ts';
import { ORGANISATION_KINDS } from '../../taxonomy/organisation-kinds.ts';
import { EXCHANGE_FORMATS } from '../../taxonomy/formats.ts';
import { countryName } from '../../taxonomy/countries.ts';
import { languageName, languageNameInline } from '../../taxonomy/languages.ts';
import { translationNotice, userText, type ReaderView } from '../../platform/html/user-content.ts';
import type { OpenCall, ProgrammeAdmin, ProgrammePublic, Programme, TimelineEntry, ProgrammeWeights } from './programmes.service.ts';
import { DEFAULT_WEIGHTS, type MatchWeights } from './programmes.weights.ts';
import type { RoundPhase } from './programmes.phase.ts';
import { themeOptions, themeName, formatName } from '../../taxonomy/names.ts';
import { fmtDate, numberFormat, tags } from '../../platform/html/format.ts';
import { languageChoices } from '../../platform/html/languages.ts';

export function phaseLabel(t: T, p: RoundPhase): string {
  return {
    upcoming: t('programmes.phase.upcoming'),
    open: t('programmes.phase.open'),
    closed: t('programmes.phase.closed'),
    review: t('programmes.phase.review'),
    finished: t('programmes.phase.finished'),
  }[p];
}

/** Who may request, in words. */
function eligibility(c: Ctx, p: Programme): Html {
  const t = c.get('t');
  const locale = c.get('locale');
  const any = t('programmes.eligibility.any');
  return html`<dl class="facts">
<dt>${t('programmes.field.eligibleRegions')}</dt><dd>${p.eligibleRegions.length ? p.eligibleRegions.map((r) => labelFor(REGIONS, r, locale)).join(', ') : any}</dd>
<dt>${t('programmes.field.eligibleCountries')}</dt><dd>${p.eligibleCountries.length ? p.eligibleCountries.map((x) => countryName(x, locale)).join(', ') : any}</dd>
<dt>${t('programmes.field.eligibleKinds')}</dt><dd>${p.eligibleKinds.length ? p.eligibleKinds.map((k) => labelFor(ORGANISATION_KINDS, k, locale)).join(', ') : any}</dd>
<dt>${t('programmes.field.formats')}</dt><dd>${p.formats.map((f) => formatName(f, locale)).join(', ') || any}</dd>
<dt>${t('programmes.field.languages')}</dt><dd>${p.languages.map((l) => languageName(l, locale)).join(', ') || any}</dd>
</dl>`;
}

/** The list of rounds open for requests, with filters and links to the feed and calendar. */
export function openCallsPage(c: Ctx, values: Record<string, unknown>, list: OpenCall[] | null, errors: Record<string, string> = {}, status = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  const form: FormState = { values, errors };
  const labels = { region: t('programmes.filter.region'), theme: t('programmes.filter.theme'), format: t('programmes.filter.format') };
  return page(c, {
    title: t('programmes.open.title'),
    status,
    body: html`<h1>${t('programmes.open.title')}</h1>
<p>${t('programmes.open.intro')}</p>
<p><a href="${link(c, '/calls-for-requests/feed.atom')}">${t('programmes.open.feed')}</a> · <a href="${link(c, '/calls-for-requests/deadlines.ics')}">${t('programmes.open.calendar')}</a></p>
<div class="layout-search">
<form method="get" action="${link(c, '/calls-for-requests')}" class="filters" role="search" aria-label="${t('programmes.filter.label')}">
${errorSummary(t, errors, labels)}
${select({ t, name: 'region', label: labels.region, form, options: optionsOf(REGIONS, locale), blank: t('programmes.filter.any') })}
${select({ t, name: 'theme', label: labels.theme, form, options: themeOptions(locale), blank: t('programmes.filter.any') })}
${select({ t, name: 'format', label: labels.format, form, options: optionsOf(EXCHANGE_FORMATS, locale, true), blank: t('programmes.filter.any') })}
<button type="submit">${t('programmes.filter.apply')}</button>
</form>
<div>
${
  list && list.length
    ? html`<ul class="cards">${list.map(
        (x) => html`<li class="card"><h2><a href="${link(c, `/programmes/${x.programme.slug}`)}"><bdi>${x.programme.name}</bdi>: <bdi>${x.round.name}</bdi></a></h2>
<p class="meta">${t('programmes.round.deadline', { date: fmtDate(x.round.closesAt, locale, true) })}</p>
${x.programme.description ? html`<p dir="auto">${x.programme.description}</p>` : ''}
${tags(t('programmes.field.themes'), x.programme.themes.map((th) => themeName(th, locale)))}</li>`,
      )}</ul>`
    : html`<p>${t('programmes.open.none')}</p>`
}
</div></div>`,
  });
}

/** A timeline entry's title and text: news in the reader's language when translated (labelled), everything isolated in its own direction. */
function timelineText(c: Ctx, e: TimelineEntry, shown: ReaderView<'title' | 'body'> | undefined): Html {
  const f = shown?.fields ?? { title: { text: e.title, lang: null }, body: { text: e.body, lang: null } };
  const notice = shown && shown.state === 'machine' ? html`<p class="hint">${c.get('t')('platform.translation.machine', { language: languageNameInline(shown.sourceLang ?? '', c.get('locale')) })}</p>` : '';
  return html`<p><strong>${userText(f.title)}</strong></p>${e.body ? userText(f.body, true) : ''}${notice}`;
}

/** A programme's public page: the open call for requests (deadline, eligibility, how to apply) and its rounds. */
export function programmePage(c: Ctx, p: ProgrammePublic, shown: ReaderView<'description' | 'howToApply'>) {
  const t = c.get('t');
  const locale = c.get('locale');
  const user = c.get('user');
  const r = p.openRound;
  return page(c, {
    title: p.programme.name,
    body: html`<h1><bdi>${p.programme.name}</bdi></h1>
${p.programme.description || p.programme.howToApply ? translationNotice(t, locale, shown, link(c, `/programmes/${p.programme.slug}`)) : ''}
${p.programme.description ? userText(shown.fields.description, true) : ''}
<p><a href="${link(c, `/programmes/${p.programme.slug}/timeline`)}">${t('programmes.timeline.title')}</a></p>
<section aria-labelledby="call-h">
<h2 id="call-h">${t('programmes.call.heading')}</h2>
${
  r
    ? html`<p><strong><bdi>${r.name}</bdi></strong>: ${t('programmes.round.deadline', { date: fmtDate(r.closesAt, locale, true) })}</p>
<h3>${t('programmes.call.eligibility')}</h3>${eligibility(c, p.programme)}
<h3>${t('programmes.call.howToApply')}</h3>${p.programme.howToApply ? userText(shown.fields.howToApply, true) : html`<p>${t('programmes.call.howToApplyDefault')}</p>`}
${
  user
    ? html`<p><a class="button" href="${link(c, `/requests/new?round=${r.id}`)}">${t('programmes.call.start')}</a></p>`
    : html`<p><a href="${link(c, `/sign-in?next=${encodeURIComponent(`/requests/new?round=${r.id}`)}`)}">${t('programmes.call.signInToApply')}</a></p>`
}`
    : html`<p>${t('programmes.call.noneOpen')}</p>`
}
</section>
<section aria-labelledby="rounds-h"><h2 id="rounds-h">${t('programmes.rounds.heading')}</h2>${roundsTable(c, p.rounds)}</section>`,
  });
}

function roundsTable(c: Ctx, rounds: ProgrammeAdmin['rounds'], editBase?: string): Html {
  const t = c.get('t');
  const locale = c.get('locale');
  if (!rounds.length) return html`<p>${t('programmes.rounds.none')}</p>`;
  return html`<table><thead><tr><th scope="col">${t('programmes.round.name')}</th><th scope="col">${t('programmes.round.opensAt')}</th><th scope="col">${t('programmes.round.closesAt')}</th><th scope="col">${t(
    'programmes.round.reviewWindow',
  )}</th><th scope="col">${t('programmes.round.phase')}</th>${editBase ? html`<th scope="col"><span class="visually-hidden">${t('programmes.admin.actions')}</span></th>` : ''}</tr></thead><tbody>${rounds.map(
    (r) =>
      html`<tr><th scope="row" dir="auto">${r.name}</th><td>${fmtDate(r.opensAt, locale)}</td><td>${fmtDate(r.closesAt, locale, true)}</td><td>${fmtDate(r.reviewOpensAt, locale)} – ${fmtDate(r.reviewClosesAt, locale)}</td><td>${phaseLabel(
        t,
        r.phase,
      )}</td>${editBase ? html`<td><a href="${link(c, `${editBase}/rounds/${r.id}`)}">${t('programmes.admin.edit')}<span class="visually-hidden"> ${r.name}</span></a></td>` : ''}</tr>`,
  )}</tbody></table>`;
}

export function timelinePage(c: Ctx, d: { programme: Programme; entries: TimelineEntry[]; canPostNews: boolean }, news: Map<string, ReaderView<'title' | 'body'>>, form: FormState = { values: {}, errors: {} }, status = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  const kind = (k: string) =>
    ({ round_opened: t('programmes.timeline.roundOpened'), call_launched: t('programmes.timeline.callLaunched'), match_confirmed: t('programmes.timeline.matchConfirmed'), news: t('programmes.timeline.news') })[k] ?? k;
  const labels = { title: t('programmes.news.title'), body: t('programmes.news.body') };
  return page(c, {
    title: `${t('programmes.timeline.title')} · ${d.programme.name}`,
    status,
    body: html`<h1>${t('programmes.timeline.title')}: <bdi>${d.programme.name}</bdi></h1>
${d.entries.length ? html`<ol class="timeline">${d.entries.map((e) => html`<li><p class="meta"><time datetime="${e.at.toISOString()}">${fmtDate(e.at, locale)}</time> · ${kind(e.kind)}</p>${timelineText(c, e, news.get(e.id))}</li>`)}</ol>` : html`<p>${t('programmes.timeline.empty')}</p>`}
${
  d.canPostNews
    ? html`<section aria-labelledby="news-h"><h2 id="news-h">${t('programmes.news.heading')}</h2><form method="post" novalidate action="${link(c, `/programmes/${d.programme.slug}/news`)}" class="stack">${errorSummary(t, form.errors, labels)}
${input({ t, name: 'title', label: labels.title, form, required: true })}${textarea({ t, name: 'body', label: labels.body, form })}<button type="submit">${t('programmes.news.post')}</button></form></section>`
    : ''
}`,
  });
}

/** The admin list of programmes. */
export function adminListPage(c: Ctx, list: Programme[]) {
  const t = c.get('t');
  return page(c, {
    title: t('programmes.admin.title'),
    body: html`<h1>${t('programmes.admin.title')}</h1>
<p><a class="button" href="${link(c, '/admin/programmes/new')}">${t('programmes.admin.new')}</a> <a href="${link(c, '/broker')}">${t('programmes.admin.dashboard')}</a></p>
${list.length ? html`<ul>${list.map((p) => html`<li><a href="${link(c, `/admin/programmes/${p.id}`)}">${p.name}</a> (<code>${p.slug}</code>)</li>`)}</ul>` : html`<p>${t('programmes.admin.none')}</p>`}`,
  });
}

function settingsForm(c: Ctx, form: FormState, action: string): Html {
  const t = c.get('t');
  const locale = c.get('locale');
  const labels = {
    name: t('programmes.field.name'),
    slug: t('programmes.field.slug'),
    description: t('programmes.field.description'),
    howToApply: t('programmes.field.howToApply'),
    eligibleRegions: t('programmes.field.eligibleRegions'),
    eligibleCountries: t('programmes.field.eligibleCountries'),
    eligibleKinds: t('programmes.field.eligibleKinds'),
    themes: t('programmes.field.themes'),
    formats: t('programmes.field.formats'),
    languages: t('programmes.field.languages'),
  };
  const countries = form.values.eligibleCountries;
  const v = { ...form, values: { ...form.values, eligibleCountries: Array.isArray(countries) ? countries.join(' ') : (countries ?? '') } };
  return html`<form method="post" novalidate action="${link(c, action)}" class="stack">${errorSummary(t, form.errors, labels)}
${input({ t, name: 'name', label: labels.name, form, required: true })}
${input({ t, name: 'slug', label: labels.slug, form, required: true, hint: t('programmes.field.slugHint') })}
${textarea({ t, name: 'description', label: labels.description, form })}
${textarea({ t, name: 'howToApply', label: labels.howToApply, form })}
${checkboxes({ t, name: 'eligibleRegions', label: labels.eligibleRegions, form, options: optionsOf(REGIONS, locale), hint: t('programmes.eligibility.emptyMeansAny') })}
${input({ t, name: 'eligibleCountries', label: labels.eligibleCountries, form: v, hint: t('programmes.field.countriesHint') })}
${checkboxes({ t, name: 'eligibleKinds', label: labels.eligibleKinds, form, options: optionsOf(ORGANISATION_KINDS, locale), hint: t('programmes.eligibility.emptyMeansAny') })}
${checkboxes({ t, name: 'formats', label: labels.formats, form, options: optionsOf(EXCHANGE_FORMATS, locale, true) })}
${languageChoices({ t, locale, name: 'languages', label: labels.languages, form, hint: t('programmes.field.languagesHint') })}
${checkboxes({ t, name: 'themes', label: labels.themes, form, options: themeOptions(locale) })}
<button type="submit">${t('programmes.admin.save')}</button></form>`;
}

export function newProgrammePage(c: Ctx, form: FormState, status = 200) {
  const t = c.get('t');
  return page(c, { title: t('programmes.admin.new'), status, body: html`<h1>${t('programmes.admin.new')}</h1>${settingsForm(c, form, '/admin/programmes')}` });
}

/** A programme's admin page: settings, rounds, criteria, committee. `forms` carries the state of the form that failed. */
export function adminProgrammePage(c: Ctx, d: ProgrammeAdmin, forms: { settings?: FormState; round?: FormState; criterion?: FormState; committee?: FormState } = {}, status = 200) {
  const t = c.get('t');
  const p = d.programme;
  const base = `/admin/programmes/${p.id}`;
  const settings = forms.settings ?? { values: { ...p }, errors: {} };
  const round = forms.round ?? { values: {}, errors: {} };
  const criterion = forms.criterion ?? { values: { weight: '1' }, errors: {} };
  const committee = forms.committee ?? { values: {}, errors: {} };
  const rl = { name: t('programmes.round.name'), opensAt: t('programmes.round.opensAt'), closesAt: t('programmes.round.closesAt'), reviewOpensAt: t('programmes.round.reviewOpensAt'), reviewClosesAt: t('programmes.round.reviewClosesAt') };
  return page(c, {
    title: p.name,
    status,
    body: html`<h1>${p.name}</h1>
<p><a href="${link(c, `/programmes/${p.slug}`)}">${t('programmes.admin.publicPage')}</a> · <a href="${link(c, `/programmes/${p.slug}/timeline`)}">${t('programmes.timeline.title')}</a> · <a href="${link(c, `${base}/weights`)}">${t('programmes.weights.title')}</a></p>
<section aria-labelledby="rounds-h"><h2 id="rounds-h">${t('programmes.rounds.heading')}</h2>${roundsTable(c, d.rounds, base)}
<form method="post" novalidate action="${link(c, `${base}/rounds`)}" class="stack"><h3>${t('programmes.round.add')}</h3>${errorSummary(t, round.errors, rl)}
${input({ t, name: 'name', label: rl.name, form: round, required: true })}
${input({ t, name: 'opensAt', label: rl.opensAt, form: round, type: 'datetime-local', required: true })}
${input({ t, name: 'closesAt', label: rl.closesAt, form: round, type: 'datetime-local', required: true })}
${input({ t, name: 'reviewOpensAt', label: rl.reviewOpensAt, form: round, type: 'datetime-local', required: true })}
${input({ t, name: 'reviewClosesAt', label: rl.reviewClosesAt, form: round, type: 'datetime-local', required: true })}
<p class="hint">${t('programmes.round.utc')}</p>
<button type="submit">${t('programmes.round.add')}</button></form></section>
<section aria-labelledby="criteria-h"><h2 id="criteria-h">${t('programmes.criteria.heading')}</h2>
${
  d.criteria.length
    ? html`<table><thead><tr><th scope="col">${t('programmes.criteria.label')}</th><th scope="col">${t('programmes.criteria.weight')}</th><th scope="col"><span class="visually-hidden">${t('programmes.admin.actions')}</span></th></tr></thead><tbody>${d.criteria.map(
        (x) =>
          html`<tr><th scope="row">${x.label}</th><td>${x.weight}</td><td><a href="${link(c, `${base}/criteria/${x.id}`)}">${t('programmes.admin.edit')}<span class="visually-hidden"> ${x.label}</span></a> <form method="post" novalidate action="${link(c, `${base}/criteria/${x.id}/delete`)}" class="inline"><button type="submit" class="secondary">${t('programmes.admin.remove')}</button></form></td></tr>`,
      )}</tbody></table>`
    : html`<p>${t('programmes.criteria.none')}</p>`
}
<form method="post" novalidate action="${link(c, `${base}/criteria`)}" class="stack">${errorSummary(t, criterion.errors, { label: t('programmes.criteria.label'), weight: t('programmes.criteria.weight') })}
${input({ t, name: 'label', label: t('programmes.criteria.label'), form: criterion, required: true })}
${input({ t, name: 'weight', label: t('programmes.criteria.weight'), form: criterion, type: 'number', required: true, hint: t('programmes.criteria.weightHint') })}
<button type="submit">${t('programmes.criteria.add')}</button></form></section>
<section aria-labelledby="committee-h"><h2 id="committee-h">${t('programmes.committee.heading')}</h2>
${
  d.committee.length
    ? html`<ul>${d.committee.map(
        (m) => html`<li>${m.name} <form method="post" novalidate action="${link(c, `${base}/committee/${m.userId}/delete`)}" class="inline"><button type="submit" class="secondary">${t('programmes.admin.remove')}</button></form></li>`,
      )}</ul>`
    : html`<p>${t('programmes.committee.none')}</p>`
}
<form method="post" novalidate action="${link(c, `${base}/committee`)}" class="stack">${errorSummary(t, committee.errors, { email: t('programmes.committee.email') })}
${input({ t, name: 'email', label: t('programmes.committee.email'), form: committee, type: 'email', required: true, hint: t('programmes.committee.hint') })}
<button type="submit">${t('programmes.committee.add')}</button></form></section>
<section aria-labelledby="settings-h"><h2 id="settings-h">${t('programmes.admin.settings')}</h2>${settingsForm(c, settings, base)}</section>`,
  });
}

const isoMinute = (d: Date) => d.toISOString().slice(0, 16);

/** The edit form of one round. */
export function roundEditPage(c: Ctx, p: Programme, roundId: string, form: FormState, status = 200) {
  const t = c.get('t');
  const rl = { name: t('programmes.round.name'), opensAt: t('programmes.round.opensAt'), closesAt: t('programmes.round.closesAt'), reviewOpensAt: t('programmes.round.reviewOpensAt'), reviewClosesAt: t('programmes.round.reviewClosesAt') };
  const values = Object.fromEntries(Object.entries(form.values).map(([k, v]) => [k, v instanceof Date ? isoMinute(v) : v]));
  const f = { values, errors: form.errors };
  return page(c, {
    title: `${t('programmes.round.edit')} · ${p.name}`,
    status,
    body: html`<h1>${t('programmes.round.edit')}</h1><p><a href="${link(c, `/admin/programmes/${p.id}`)}">${p.name}</a> · <a href="${link(c, `/rounds/${roundId}/plan`)}">${t('matching.plan.link')}</a></p>
<form method="post" novalidate action="${link(c, `/admin/programmes/${p.id}/rounds/${roundId}`)}" class="stack">${errorSummary(t, form.errors, rl)}
${input({ t, name: 'name', label: rl.name, form: f, required: true })}
${input({ t, name: 'opensAt', label: rl.opensAt, form: f, type: 'datetime-local', required: true })}
${input({ t, name: 'closesAt', label: rl.closesAt, form: f, type: 'datetime-local', required: true })}
${input({ t, name: 'reviewOpensAt', label: rl.reviewOpensAt, form: f, type: 'datetime-local', required: true })}
${input({ t, name: 'reviewClosesAt', label: rl.reviewClosesAt, form: f, type: 'datetime-local', required: true })}
<p class="hint">${t('programmes.round.utc')}</p><button type="submit">${t('programmes.admin.save')}</button></form>`,
  });
}

/** The edit form of one criterion. */
export function criterionEditPage(c: Ctx, p: Programme, criterionId: string, form: FormState, status = 200) {
  const t = c.get('t');
  const labels = { label: t('programmes.criteria.label'), weight: t('programmes.criteria.weight') };
  return page(c, {
    title: `${t('programmes.criteria.edit')} · ${p.name}`,
    status,
    body: html`<h1>${t('programmes.criteria.edit')}</h1><p><a href="${link(c, `/admin/programmes/${p.id}`)}">${p.name}</a></p>
<form method="post" novalidate action="${link(c, `/admin/programmes/${p.id}/criteria/${criterionId}`)}" class="stack">${errorSummary(t, form.errors, labels)}
${input({ t, name: 'label', label: labels.label, form, required: true })}
${input({ t, name: 'weight', label: labels.weight, form, type: 'number', required: true, hint: t('programmes.criteria.weightHint') })}
<button type="submit">${t('programmes.admin.save')}</button></form>`,
  });
}

/** The public list of programmes. */
export function programmesListPage(c: Ctx, list: { programme: Programme; isOpen: boolean }[]) {
  const t = c.get('t');
  return page(c, {
    title: t('programmes.list.title'),
    body: html`<h1>${t('programmes.list.title')}</h1>
<p><a href="${link(c, '/calls-for-requests')}">${t('programmes.open.title')}</a> · <a href="${link(c, '/calls')}">${t('calls.list.title')}</a></p>
${
  list.length
    ? html`<ul class="cards">${list.map(
        (x) => html`<li class="card"><h2><a href="${link(c, `/programmes/${x.programme.slug}`)}" dir="auto">${x.programme.name}</a></h2>
<p class="meta">${x.isOpen ? t('programmes.phase.open') : t('programmes.call.noneOpen')} · <a href="${link(c, `/programmes/${x.programme.slug}/timeline`)}">${t('programmes.timeline.title')}</a></p>
${x.programme.description ? html`<p dir="auto">${x.programme.description}</p>` : ''}</li>`,
      )}</ul>`
    : html`<p>${t('programmes.admin.none')}</p>`
}`,
  });
}

/** Label and hint of each matching weight (keys written out, one pair per weight of DEFAULT_WEIGHTS). */
function weightTexts(t: T): Record<keyof MatchWeights, { label: string; hint: string }> {
  return {
    text: { label: t('programmes.weights.text'), hint: t('programmes.weights.textHint') },
    concepts: { label: t('programmes.weights.concepts'), hint: t('programmes.weights.conceptsHint') },
    themes: { label: t('programmes.weights.themes'), hint: t('programmes.weights.themesHint') },
    job: { label: t('programmes.weights.job'), hint: t('programmes.weights.jobHint') },
    language: { label: t('programmes.weights.language'), hint: t('programmes.weights.languageHint') },
    context: { label: t('programmes.weights.context'), hint: t('programmes.weights.contextHint') },
    history: { label: t('programmes.weights.history'), hint: t('programmes.weights.historyHint') },
    availability: { label: t('programmes.weights.availability'), hint: t('programmes.weights.availabilityHint') },
    diversity: { label: t('programmes.weights.diversity'), hint: t('programmes.weights.diversityHint') },
  };
}

/** The form of a programme's matching weights: one field per weight, current value (or default) shown, reset to defaults. */
export function weightsPage(c: Ctx, d: ProgrammeWeights, form?: FormState, status = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  const p = d.programme;
  const base = `/admin/programmes/${p.id}/weights`;
  const texts = weightTexts(t);
  const keys = Object.keys(DEFAULT_WEIGHTS) as (keyof MatchWeights)[];
  const f = form ?? { values: Object.fromEntries(keys.map((k) => [k, String(d.weights[k])])), errors: {} };
  const labels = Object.fromEntries(keys.map((k) => [k, texts[k].label]));
  const num = (n: number) => numberFormat(locale, { maximumFractionDigits: 4 }).format(n);
  return page(c, {
    title: `${t('programmes.weights.title')} · ${p.name}`,
    status,
    body: html`<h1>${t('programmes.weights.title')}</h1><p><a href="${link(c, `/admin/programmes/${p.id}`)}">${p.name}</a></p>
<p>${t('programmes.weights.intro')}</p>
<form method="post" action="${link(c, base)}" class="stack" novalidate>${errorSummary(t, f.errors, labels)}
<fieldset><legend>${t('programmes.weights.legend')}</legend>
${keys.map((k) => input({ t, name: k, label: texts[k].label, form: f, inputmode: 'decimal', hint: `${texts[k].hint} ${t('programmes.weights.default', { value: num(DEFAULT_WEIGHTS[k]) })}` }))}
</fieldset>
<button type="submit">${t('programmes.weights.save')}</button></form>
<form method="post" novalidate action="${link(c, `${base}/reset`)}" class="stack"><p>${Object.keys(d.stored).length ? t('programmes.weights.custom') : t('programmes.weights.usingDefaults')}</p>
<button type="submit" class="secondary">${t('programmes.weights.reset')}</button></form>`,
  });
}
