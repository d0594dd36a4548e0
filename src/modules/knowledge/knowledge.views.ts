/** Pages of the knowledge module: the good-practice library, a case, the editor's form and list, and the guide (approaches, funding). */
import { html } from 'hono/html';
import type { Ctx } from '../../platform/http.ts';
import { page, link } from '../../platform/render.ts';
import type { Html } from '../../platform/html/layout.ts';
import { input, textarea, select, checkboxes, errorSummary, type FormState } from '../../platform/html/form.ts';
import { LOCALES, type Locale, type T } from '../../platform/i18n.ts';
import { THEMES } from '../../taxonomy/themes.ts';
import { labelOf, labelFor, optionsOf } from '../../taxonomy/labels.ts';
import { REGIONS } from '../../taxonomy/regions.ts';
import { SDGS } from '../../taxonomy/sdgs.ts';
import { APPROACHES, type Approach } from '../../taxonomy/approaches.ts';
import { EXCHANGE_FORMATS } from '../../taxonomy/formats.ts';
import { countryName, countryOptions } from '../../taxonomy/countries.ts';
import { languageName, languageNameInline } from '../../taxonomy/languages.ts';
import type { GoodPracticeCard, GoodPracticeDetail, LibraryResult, LocalizedText, FacetValue } from './knowledge.service.ts';
import { AIM_FEATURES, HORIZONS, IMPORTANCE, PARTICIPANTS, type AdviceReason } from './knowledge.advisor.ts';
import { FEATURES, SYMBOL } from './knowledge.guide.ts';
import type { AdviceView, ApproachView, FundingView, GuideText } from './knowledge.guide.service.ts';
import { reportPanel } from '../moderation/moderation.service.ts';
import { foldedForm } from '../../platform/html/folded-form.ts';
import { translationNotice, type ReaderView } from '../../platform/html/user-content.ts';
import { dateFormat, numberFormat } from '../../platform/html/format.ts';

const themeName = (code: string, locale: Locale) => {
  const th = THEMES.find((x) => x.code === code);
  return th ? labelOf(th.labels, locale) : code;
};
const sdgName = (n: number, locale: Locale) => {
  const g = SDGS.find((x) => x.number === n);
  return g ? `${n}. ${labelOf(g.labels, locale)}` : String(n);
};
const dateFmt = (d: Date, locale: Locale) => dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);

/** A user text with its language marked, and a flag when it is not in the reader's language or is a translation. */
function langNote(t: T, locale: Locale, x: LocalizedText, original: string): Html {
  if (!x.text) return html``;
  if (x.isMachineTranslation) return html`<p class="hint">${t('knowledge.case.machineTranslation', { language: languageNameInline(original, locale) })}</p>`;
  if (x.isOtherLanguage) return html`<p class="hint">${t('knowledge.case.otherLanguage', { language: languageNameInline(x.lang, locale) })}</p>`;
  if (x.isTranslation) return html`<p class="hint">${t('knowledge.case.translation', { language: languageNameInline(original, locale) })}</p>`;
  return html``;
}

function textBlock(x: LocalizedText, locale: Locale): Html {
  return html`<p class="prewrap"${x.lang !== locale ? html` lang="${x.lang}" dir="auto"` : ''}>${x.text}</p>`;
}

function caseCard(c: Ctx, g: GoodPracticeCard, level: 2 | 3 = 2): Html {
  const locale = c.get('locale');
  const t = c.get('t');
  const title = html`<a href="${link(c, `/good-practices/${g.id}`)}"${g.title.lang !== locale ? html` lang="${g.title.lang}" dir="auto"` : ''}>${g.title.text}</a>`;
  return html`<li class="card">${level === 2 ? html`<h2>${title}</h2>` : html`<h3>${title}</h3>`}
<p class="meta">${g.approach ? labelFor(APPROACHES, g.approach, locale) : ''}${g.regions.length ? html` · ${g.regions.map((r) => labelFor(REGIONS, r, locale)).join(', ')}` : ''}${
    g.state !== 'published' ? html` · <strong>${stateLabel(t, g.state)}</strong>` : ''
  }${g.title.isOtherLanguage ? html` · ${t('knowledge.card.inLanguage', { language: languageNameInline(g.title.lang, locale) })}` : ''}</p>
${g.summary.text ? html`<p${g.summary.lang !== locale ? html` lang="${g.summary.lang}" dir="auto"` : ''}>${g.summary.text}</p>` : ''}
${g.themes.length ? html`<ul class="tags" aria-label="${t('knowledge.field.themes')}">${g.themes.map((th) => html`<li>${themeName(th, locale)}</li>`)}</ul>` : ''}</li>`;
}

function stateLabel(t: T, state: string): string {
  return state === 'draft' ? t('knowledge.state.draft') : state === 'unpublished' ? t('knowledge.state.unpublished') : t('knowledge.state.published');
}

function libraryPager(c: Ctx, r: { page: number; hasPrev: boolean; hasNext: boolean }, values: Record<string, unknown>): Html {
  const t = c.get('t');
  if (!r.hasPrev && !r.hasNext) return html``;
  const url = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(values)) if (k !== 'page' && v !== undefined && v !== '' && v !== null) q.set(k, String(v));
    if (p > 1) q.set('page', String(p));
    const s = q.toString();
    return `${link(c, '/good-practices')}${s ? `?${s}` : ''}`;
  };
  return html`<nav class="pager" aria-label="${t('platform.pager.label')}">${r.hasPrev ? html`<a rel="prev" href="${url(r.page - 1)}">${t('platform.pager.previous')}</a>` : html`<span></span>`}${
    r.hasNext ? html`<a rel="next" href="${url(r.page + 1)}">${t('platform.pager.next')}</a>` : ''
  }</nav>`;
}

/** Facet options: the values present in the results, with their counts; the chosen value is always listed. */
function facetOptions(t: T, values: FacetValue[] | undefined, label: (v: string) => string, chosen: unknown) {
  const list = (values ?? []).map((v) => ({ value: v.value, label: t('knowledge.facet.valueCount', { label: label(v.value), count: v.count }) }));
  if (typeof chosen === 'string' && chosen && !list.some((o) => o.value === chosen)) list.push({ value: chosen, label: t('knowledge.facet.valueCount', { label: label(chosen), count: 0 }) });
  return list;
}

/** The library: search form with facet counts, results, pager. `errors` holds query problems (400). */
export function libraryPage(c: Ctx, values: Record<string, unknown>, result: LibraryResult | null, abilities: { create: boolean }, errors: Record<string, string> = {}, status = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  const form: FormState = { values, errors };
  const f = result?.facets;
  const labels: Record<string, string> = {
    q: t('knowledge.search.q'),
    theme: t('knowledge.field.themes'),
    region: t('knowledge.field.regions'),
    sdg: t('knowledge.field.sdgs'),
    approach: t('knowledge.field.approach'),
    format: t('knowledge.field.formats'),
    language: t('knowledge.field.language'),
    page: t('knowledge.search.page'),
    limit: t('knowledge.search.limit'),
  };
  const all = t('knowledge.search.all');
  return page(c, {
    title: t('knowledge.library.title'),
    nav: null,
    status,
    body: html`<h1>${t('knowledge.library.title')}</h1>
<p>${t('knowledge.library.intro')} <a href="${link(c, '/cooperation-approaches')}">${t('knowledge.guide.title')}</a> · <a href="${link(c, '/funding')}">${t('knowledge.funding.title')}</a></p>
${abilities.create ? html`<p class="actions"><a class="button" href="${link(c, '/good-practices/new')}">${t('knowledge.create.link')}</a> <a class="button secondary" href="${link(c, '/good-practices/drafts')}">${t('knowledge.drafts.title')}</a></p>` : ''}
${errorSummary(t, errors, labels)}
<div class="layout-search">
<form method="get" action="${link(c, '/good-practices')}" class="filters" role="search" aria-label="${t('knowledge.search.label')}">
${input({ t, name: 'q', label: labels.q!, form, type: 'search', maxlength: 200 })}
${select({ t, name: 'theme', label: labels.theme!, form, options: facetOptions(t, f?.theme, (v) => themeName(v, locale), values.theme), blank: all })}
${select({ t, name: 'region', label: labels.region!, form, options: facetOptions(t, f?.region, (v) => labelFor(REGIONS, v, locale), values.region), blank: all })}
${select({ t, name: 'sdg', label: labels.sdg!, form, options: facetOptions(t, f?.sdg, (v) => sdgName(Number(v), locale), values.sdg), blank: all })}
${select({ t, name: 'approach', label: labels.approach!, form, options: facetOptions(t, f?.approach, (v) => labelFor(APPROACHES, v, locale), values.approach), blank: all })}
${select({ t, name: 'format', label: labels.format!, form, options: facetOptions(t, f?.format, (v) => labelFor(EXCHANGE_FORMATS, v, locale), values.format), blank: all })}
${select({ t, name: 'language', label: labels.language!, form, options: facetOptions(t, f?.language, (v) => languageName(v, locale), values.language), blank: all })}
<button type="submit">${t('knowledge.search.submit')}</button>
<p><a href="${link(c, '/good-practices')}">${t('knowledge.search.clear')}</a></p>
</form>
<section aria-labelledby="results-title">
<h2 id="results-title">${t('knowledge.search.results')}</h2>
${
  result
    ? html`<p role="status">${t('knowledge.search.count', { count: result.total })}</p>
${result.items.length ? html`<ul class="cards">${result.items.map((g) => caseCard(c, g))}</ul>` : html`<p>${t('knowledge.search.none')}</p>`}
${libraryPager(c, result, values)}`
    : ''
}
</section>
</div>`,
  });
}

/** Drafts and withdrawn cases for their editors. */
export function draftsPage(c: Ctx, items: GoodPracticeCard[]) {
  const t = c.get('t');
  return page(c, {
    title: t('knowledge.drafts.title'),
    nav: null,
    body: html`<h1>${t('knowledge.drafts.title')}</h1>
<p class="actions"><a class="button" href="${link(c, '/good-practices/new')}">${t('knowledge.create.link')}</a> <a href="${link(c, '/good-practices')}">${t('knowledge.library.title')}</a></p>
${items.length ? html`<ul class="cards">${items.map((g) => caseCard(c, g))}</ul>` : html`<p>${t('knowledge.drafts.none')}</p>`}`,
  });
}

/** A case page: the texts in sections, the facts, partners, consenting contacts, and for editors the actions and history. */
export function casePage(c: Ctx, g: GoodPracticeDetail, shown: ReaderView | null = null) {
  const t = c.get('t');
  const locale = c.get('locale');
  const sections: [string, LocalizedText][] = [
    [t('knowledge.field.problem'), g.texts.problem],
    [t('knowledge.field.solution'), g.texts.solution],
    [t('knowledge.field.results'), g.texts.results],
    [t('knowledge.field.challenges'), g.texts.challenges],
    [t('knowledge.field.prerequisites'), g.texts.prerequisites],
    [t('knowledge.field.cost'), g.texts.cost],
    [t('knowledge.field.transferability'), g.texts.transferability],
  ];
  const others = g.languages.filter((l) => l !== g.title.lang);
  const historyAction = (a: string) =>
    a === 'create' ? t('knowledge.history.create') : a === 'publish' ? t('knowledge.history.publish') : a === 'unpublish' ? t('knowledge.history.unpublish') : t('knowledge.history.edit');
  return page(c, {
    title: g.title.text,
    nav: null,
    body: html`<p><a href="${link(c, '/good-practices')}">${t('knowledge.library.title')}</a></p>
<article>
<h1${g.title.lang !== locale ? html` lang="${g.title.lang}" dir="auto"` : ''}>${g.title.text}</h1>
${g.state !== 'published' ? html`<p class="flag"><strong>${stateLabel(t, g.state)}</strong></p>` : ''}
${shown ? translationNotice(t, locale, shown, link(c, `/good-practices/${g.id}`)) : langNote(t, locale, g.title, g.originalLanguage)}
<p class="meta">${t('knowledge.case.original', { language: languageName(g.originalLanguage, locale) })}${
      others.length ? html` · ${t('knowledge.case.alsoIn')} ${others.map((l, i) => html`${i ? ', ' : ''}<a href="${link(c, `/good-practices/${g.id}`)}?lang=${l}" lang="${l}" dir="auto" hreflang="${l}">${languageName(l, l as Locale)}</a>`)}` : ''
    }</p>
${g.summary.text ? html`<p class="lead"${g.summary.lang !== locale ? html` lang="${g.summary.lang}" dir="auto"` : ''}><strong>${g.summary.text}</strong></p>` : ''}
${
  g.abilities.edit
    ? html`<div class="actions"><a class="button secondary" href="${link(c, `/good-practices/${g.id}/edit`)}">${t('knowledge.case.edit')}</a>${
        g.abilities.publish ? html`<form method="post" novalidate action="${link(c, `/good-practices/${g.id}/publish`)}" class="inline"><button type="submit">${t('knowledge.case.publish')}</button></form>` : ''
      }${g.abilities.unpublish ? html`<form method="post" novalidate action="${link(c, `/good-practices/${g.id}/unpublish`)}" class="inline"><button type="submit" class="secondary">${t('knowledge.case.unpublish')}</button></form>` : ''}</div>`
    : ''
}
<dl class="facts">
<dt>${t('knowledge.field.approach')}</dt><dd>${g.approach ? html`<a href="${link(c, `/cooperation-approaches/${g.approach}`)}">${labelFor(APPROACHES, g.approach, locale)}</a>` : '—'}</dd>
<dt>${t('knowledge.field.formats')}</dt><dd>${g.formats.length ? g.formats.map((x) => labelFor(EXCHANGE_FORMATS, x, locale)).join(', ') : '—'}</dd>
<dt>${t('knowledge.field.themes')}</dt><dd>${g.themes.map((x, i) => html`${i ? ', ' : ''}<a href="${link(c, '/good-practices')}?theme=${x}">${themeName(x, locale)}</a>`)}</dd>
<dt>${t('knowledge.field.sdgs')}</dt><dd>${g.sdgs.length ? g.sdgs.map((n) => sdgName(n, locale)).join('; ') : '—'}</dd>
<dt>${t('knowledge.field.regions')}</dt><dd>${g.regions.length ? g.regions.map((r) => labelFor(REGIONS, r, locale)).join(', ') : '—'}</dd>
${g.ownerName ? html`<dt>${t('knowledge.field.owner')}</dt><dd><a href="${link(c, `/organisations/${g.ownerOrganisationId}`)}">${g.ownerName}</a></dd>` : ''}
${g.source ? html`<dt>${t('knowledge.field.source')}</dt><dd dir="auto">${g.source}</dd>` : ''}
</dl>
${sections.map(([heading, x]) => html`<section><h2>${heading}</h2>${x.text ? html`${x.lang !== g.title.lang && !x.isMachineTranslation ? langNote(t, locale, x, g.originalLanguage) : ''}${textBlock(x, locale)}` : html`<p class="hint">${t('knowledge.case.notDocumented')}</p>`}</section>`)}
<section><h2>${t('knowledge.field.partners')}</h2>
${
  g.partnerLinks.length
    ? html`<ul>${g.partnerLinks.map((p) => html`<li>${p.organisationId ? html`<a href="${link(c, `/organisations/${p.organisationId}`)}" dir="auto">${p.name}</a>` : html`<bdi>${p.name}</bdi>`}${p.country ? html` (${countryName(p.country, locale)})` : ''}</li>`)}</ul>`
    : html`<p class="hint">${t('knowledge.case.notDocumented')}</p>`
}</section>
<section><h2>${t('knowledge.field.contacts')}</h2>
${
  g.contacts.length
    ? html`<ul>${g.contacts.map((p) => html`<li><bdi>${p.name}</bdi>${p.role ? html`, <bdi>${p.role}</bdi>` : ''}${p.organisation ? html`, <bdi>${p.organisation}</bdi>` : ''}${p.email ? html` — <a href="mailto:${p.email}" dir="ltr">${p.email}</a>` : ''}</li>`)}</ul>`
    : html`<p class="hint">${t('knowledge.case.noContacts')}</p>`
}</section>
${foldedForm(c, reportPanel('good_practice', g.id, g.moderation))}
${
  g.abilities.viewHistory
    ? html`<section><h2>${t('knowledge.case.history')}</h2><table><thead><tr><th scope="col">${t('knowledge.history.when')}</th><th scope="col">${t('knowledge.history.who')}</th><th scope="col">${t('knowledge.history.what')}</th><th scope="col">${t('knowledge.field.language')}</th></tr></thead><tbody>${g.history.map(
        (e) => html`<tr><td>${dateFmt(e.at, locale)}</td><td>${e.editorName ?? t('knowledge.history.unknownEditor')}</td><td>${historyAction(e.action)}</td><td>${e.language ? languageName(e.language, locale) : '—'}</td></tr>`,
      )}</tbody></table></section>`
    : ''
}
</article>`,
  });
}

const SLOTS_EXTRA = 2;

/** The editor's form: texts in one language, classification, partners, contacts (consent per person). */
export function caseFormPage(
  c: Ctx,
  mode: 'create' | 'edit',
  form: FormState,
  opts: { id?: string; associations: { id: string; name: string }[]; isSecretariat: boolean; originalLanguage?: string },
  status = 200,
) {
  const t = c.get('t');
  const locale = c.get('locale');
  const title = mode === 'create' ? t('knowledge.create.title') : t('knowledge.edit.title');
  const labels: Record<string, string> = {
    lang: t('knowledge.field.language'),
    title: t('knowledge.field.title'),
    summary: t('knowledge.field.summary'),
    problem: t('knowledge.field.problem'),
    solution: t('knowledge.field.solution'),
    results: t('knowledge.field.results'),
    challenges: t('knowledge.field.challenges'),
    prerequisites: t('knowledge.field.prerequisites'),
    cost: t('knowledge.field.cost'),
    transferability: t('knowledge.field.transferability'),
    approach: t('knowledge.field.approach'),
    formats: t('knowledge.field.formats'),
    themes: t('knowledge.field.themes'),
    sdgs: t('knowledge.field.sdgs'),
    regions: t('knowledge.field.regions'),
    partnerCountry: t('knowledge.field.partnerCountry'),
    contactEmail: t('knowledge.field.contactEmail'),
    contactConsent: t('knowledge.field.contactConsent'),
    ownerOrganisationId: t('knowledge.field.owner'),
    exchangeId: t('knowledge.field.exchange'),
  };
  const arr = (name: string): string[] => {
    const v = form.values[name];
    return Array.isArray(v) ? v.map(String) : v === undefined || v === null || v === '' ? [] : [String(v)];
  };
  const partnerNames = arr('partnerName');
  const partnerCountries = arr('partnerCountry');
  const contactNames = arr('contactName');
  const consent = new Set(arr('contactConsent'));
  const pSlots = Math.max(partnerNames.length + SLOTS_EXTRA, 3);
  const cSlots = Math.max(contactNames.length + 1, 2);
  const countries = countryOptions(locale);
  const action = mode === 'create' ? link(c, '/good-practices') : link(c, `/good-practices/${opts.id}/edit`);
  const langNow = String(form.values.lang ?? locale);
  const owners = opts.associations.map((a) => ({ value: a.id, label: a.name }));
  return page(c, {
    title,
    nav: null,
    status,
    body: html`<h1>${title}</h1>
${
  mode === 'edit'
    ? html`<form method="get" action="${action}" class="inline"><label for="f-switch">${t('knowledge.form.switchLanguage')}</label> <select id="f-switch" name="lang">${LOCALES.map(
        (l) => html`<option value="${l}"${l === langNow ? html` selected` : ''}>${languageName(l, locale)}</option>`,
      )}</select> <button type="submit" class="secondary">${t('knowledge.form.switch')}</button></form>
<p class="hint">${t('knowledge.form.translationHint', { language: languageName(opts.originalLanguage ?? 'en', locale) })}</p>`
    : ''
}
${errorSummary(t, form.errors, labels)}
<form method="post" action="${action}" class="stack" novalidate>
${select({ t, name: 'lang', label: labels.lang!, form: { values: { ...form.values, lang: langNow }, errors: form.errors }, options: LOCALES.map((l) => ({ value: l, label: languageName(l, locale) })), hint: t('knowledge.form.langHint') })}
<fieldset><legend>${t('knowledge.form.texts')}</legend>
${input({ t, name: 'title', label: labels.title!, form, required: true, maxlength: 200 })}
${textarea({ t, name: 'summary', label: labels.summary!, form, rows: 3, required: true })}
${textarea({ t, name: 'problem', label: labels.problem!, form })}
${textarea({ t, name: 'solution', label: labels.solution!, form })}
${textarea({ t, name: 'results', label: labels.results!, form })}
${textarea({ t, name: 'challenges', label: labels.challenges!, form })}
${textarea({ t, name: 'prerequisites', label: labels.prerequisites!, form, rows: 3 })}
${textarea({ t, name: 'cost', label: labels.cost!, form, rows: 2 })}
${textarea({ t, name: 'transferability', label: labels.transferability!, form, rows: 3 })}
</fieldset>
<fieldset><legend>${t('knowledge.form.classification')}</legend>
${select({ t, name: 'approach', label: labels.approach!, form, options: optionsOf(APPROACHES, locale, true), blank: t('knowledge.form.none') })}
${checkboxes({ t, name: 'formats', label: labels.formats!, form, options: optionsOf(EXCHANGE_FORMATS, locale, true) })}
${checkboxes({ t, name: 'themes', label: labels.themes!, form, options: THEMES.map((x) => ({ value: x.code, label: labelOf(x.labels, locale) })) })}
${checkboxes({ t, name: 'sdgs', label: labels.sdgs!, form, options: SDGS.map((g) => ({ value: String(g.number), label: sdgName(g.number, locale) })) })}
${checkboxes({ t, name: 'regions', label: labels.regions!, form, options: optionsOf(REGIONS, locale, true), hint: t('knowledge.form.regionsHint') })}
${owners.length ? select({ t, name: 'ownerOrganisationId', label: labels.ownerOrganisationId!, form, options: owners, blank: opts.isSecretariat ? t('knowledge.form.secretariat') : undefined }) : ''}
</fieldset>
<fieldset id="f-partnerCountry"><legend>${t('knowledge.field.partners')}</legend>
${form.errors.partnerCountry ? html`<p class="error-text">${t(form.errors.partnerCountry)}</p>` : ''}
${Array.from({ length: pSlots }, (_, i) => {
  const n = i + 1;
  return html`<fieldset><legend>${t('knowledge.form.partnerRow', { n })}</legend>
<div class="field"><label for="f-partnerName-${i}">${t('knowledge.field.partnerName')}</label><input id="f-partnerName-${i}" name="partnerName" value="${partnerNames[i] ?? ''}" maxlength="200"></div>
<div class="field"><label for="f-partnerCountry-${i}">${t('knowledge.field.partnerCountry')}</label><select id="f-partnerCountry-${i}" name="partnerCountry"><option value="">${t('knowledge.form.none')}</option>${countries.map(
    (o) => html`<option value="${o.value}"${o.value === (partnerCountries[i] ?? '') ? html` selected` : ''}>${o.label}</option>`,
  )}</select></div></fieldset>`;
})}
</fieldset>
<fieldset id="f-contactConsent"><legend>${t('knowledge.field.contacts')}</legend>
<p class="hint">${t('knowledge.form.contactsHint')}</p>
${form.errors.contactConsent ? html`<p class="error-text">${t(form.errors.contactConsent)}</p>` : ''}
${form.errors.contactEmail ? html`<p class="error-text" id="f-contactEmail">${t(form.errors.contactEmail)}</p>` : ''}
${Array.from({ length: cSlots }, (_, i) => {
  const n = i + 1;
  const v = (name: string) => arr(name)[i] ?? '';
  return html`<fieldset><legend>${t('knowledge.form.contactRow', { n })}</legend>
<div class="field"><label for="f-contactName-${i}">${t('knowledge.field.contactName')}</label><input id="f-contactName-${i}" name="contactName" value="${v('contactName')}" maxlength="200"></div>
<div class="field"><label for="f-contactRole-${i}">${t('knowledge.field.contactRole')}</label><input id="f-contactRole-${i}" name="contactRole" value="${v('contactRole')}" maxlength="200"></div>
<div class="field"><label for="f-contactOrganisation-${i}">${t('knowledge.field.partnerName')}</label><input id="f-contactOrganisation-${i}" name="contactOrganisation" value="${v('contactOrganisation')}" maxlength="200"></div>
<div class="field"><label for="f-contactEmail-${i}">${t('knowledge.field.contactEmail')}</label><input id="f-contactEmail-${i}" name="contactEmail" type="email" value="${v('contactEmail')}" maxlength="320" autocomplete="off"></div>
<div class="field"><label><input type="checkbox" name="contactConsent" value="${i}"${consent.has(String(i)) ? html` checked` : ''}> ${t('knowledge.field.contactConsent')}</label></div></fieldset>`;
})}
</fieldset>
<button type="submit">${mode === 'create' ? t('knowledge.form.saveDraft') : t('knowledge.form.save')}</button>
</form>`,
  });
}

// ---------------------------------------------------------------------------------------------
// The guide

function ratingCell(t: T, n: number): Html {
  return html`<td>${n} <span aria-hidden="true" class="hint">(${SYMBOL[n]})</span><span class="visually-hidden"> ${t('knowledge.guide.outOf')}</span></td>`;
}

/** Where a guide text comes from: not yet in the reader's language, or a translation. */
export function guideNote(c: Ctx, x: GuideText): Html {
  const t = c.get('t');
  if (x.otherLanguage) return html`<p class="hint">${t('knowledge.guide.inLanguage', { language: languageNameInline(x.lang, c.get('locale')) })}</p>`;
  if (x.translated) return html`<p class="hint">${t('knowledge.guide.translated')}</p>`;
  return html``;
}

/** A guide text in its own language (`lang`/`dir` where it is not the page's), with its note below a paragraph. */
export function guideText(c: Ctx, x: GuideText, tag: 'p' | 'span' = 'p'): Html {
  const lang = x.lang !== c.get('locale') ? html` lang="${x.lang}" dir="${x.lang === 'ar' ? 'rtl' : 'ltr'}"` : '';
  if (tag === 'p') return html`<p class="prewrap"${lang}>${x.text}</p>${guideNote(c, x)}`;
  // A name in a right-to-left page is isolated: programme names are often Latin proper names.
  return lang ? html`<span${lang}>${x.text}</span>` : c.get('locale') === 'ar' ? html`<bdi>${x.text}</bdi>` : html`${x.text}`;
}

/** The approaches rated on the eight features, as a table with the numbers (every approach in the database). */
export function approachesPage(c: Ctx, approaches: ApproachView[], canEdit: boolean) {
  const t = c.get('t');
  const locale = c.get('locale');
  return page(c, {
    title: t('knowledge.guide.title'),
    nav: null,
    body: html`<h1>${t('knowledge.guide.title')}</h1>
<p>${t('knowledge.guide.intro')}</p>
<p><a href="${link(c, '/good-practices')}">${t('knowledge.library.title')}</a> · <a href="${link(c, '/funding')}">${t('knowledge.funding.title')}</a></p>
<p><a class="button" href="${link(c, '/cooperation-approaches/advisor')}">${t('knowledge.advisor.link')}</a>${canEdit ? html` <a href="${link(c, '/cooperation-approaches/new')}">${t('knowledge.guideForm.add')}</a>` : ''}</p>
<div role="region" aria-labelledby="ratings-caption" tabindex="0">
<table>
<caption id="ratings-caption">${t('knowledge.guide.tableCaption')}</caption>
<thead><tr><th scope="col">${t('knowledge.guide.approach')}</th>${FEATURES.map((f) => html`<th scope="col">${labelOf(f.labels, locale)}</th>`)}</tr></thead>
<tbody>${approaches.map(
      (a) => html`<tr><th scope="row"><a href="${link(c, `/cooperation-approaches/${a.code}`)}">${guideText(c, a.name, 'span')}</a></th>${FEATURES.map((f) => ratingCell(t, a.ratings[f.code]))}</tr>`,
    )}</tbody>
</table>
</div>
<p class="hint">${t('knowledge.guide.scale')}</p>
<p class="hint">${t('knowledge.guide.source')}</p>`,
  });
}

/** One approach: what the guide says, its ratings and needs, its published good practices, and its funding. */
export function approachPage(c: Ctx, a: ApproachView, practices: GoodPracticeCard[], funding: FundingView[], canEdit: boolean) {
  const t = c.get('t');
  const locale = c.get('locale');
  const para = (heading: string, body: GuideText) => (body.text ? html`<section><h2>${heading}</h2>${guideText(c, body)}</section>` : '');
  return page(c, {
    title: a.name.text,
    nav: null,
    body: html`<p><a href="${link(c, '/cooperation-approaches')}">${t('knowledge.guide.title')}</a></p>
<h1>${a.name.lang === locale ? a.name.text : guideText(c, a.name, 'span')}</h1>
${guideNote(c, a.name)}
${canEdit ? html`<p><a href="${link(c, `/cooperation-approaches/${a.code}/edit?lang=${locale}`)}">${t('knowledge.guideForm.edit')}</a></p>` : ''}
${para(t('knowledge.approach.definition'), a.definition)}
<section><h2>${t('knowledge.approach.features')}</h2>
<table><caption class="visually-hidden">${t('knowledge.approach.features')}</caption><thead><tr><th scope="col">${t('knowledge.approach.feature')}</th><th scope="col">${t('knowledge.approach.rating')}</th></tr></thead>
<tbody>${FEATURES.map((f) => html`<tr><th scope="row">${labelOf(f.labels, locale)}</th>${ratingCell(t, a.ratings[f.code])}</tr>`)}</tbody></table>
<p class="hint">${t('knowledge.guide.scale')}</p>
<p>${t('knowledge.approach.needs', { budget: eur(a.need.budget, locale), staff: ftes(a.need.staff, locale) })}</p></section>
${para(t('knowledge.approach.participation'), a.participation)}
${para(t('knowledge.approach.duration'), a.duration)}
${para(t('knowledge.approach.budget'), a.budget)}
<section><h2>${t('knowledge.approach.practices')}</h2>
${practices.length ? html`<ul class="cards">${practices.map((g) => caseCard(c, g, 3))}</ul>` : html`<p>${t('knowledge.approach.noPractices')}</p>`}
</section>
${a.resources.length ? html`<section><h2>${t('knowledge.approach.resources')}</h2><ul>${a.resources.map((r) => html`<li lang="en">${r}</li>`)}</ul></section>` : ''}
${funding.length ? html`<section><h2>${t('knowledge.funding.title')}</h2><ul>${funding.map((p) => html`<li><a href="${link(c, `/funding?approach=${a.code}`)}#funding-${p.code}">${guideText(c, p.name, 'span')}</a></li>`)}</ul></section>` : ''}`,
  });
}

// ------------------------------------------------------------------ the approach advisor (issue 13)

const IMPORTANCE_KEY = { not: 'knowledge.advisor.importance.not', somewhat: 'knowledge.advisor.importance.somewhat', essential: 'knowledge.advisor.importance.essential' } as const;
const HORIZON_KEY = { short: 'knowledge.advisor.horizon.short', medium: 'knowledge.advisor.horizon.medium', long: 'knowledge.advisor.horizon.long' } as const;
const PARTICIPANT_KEY = { civilSociety: 'knowledge.advisor.participant.civilSociety', schools: 'knowledge.advisor.participant.schools', companies: 'knowledge.advisor.participant.companies' } as const;
const eur = (n: number, locale: Locale) => numberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(n);
const ftes = (n: number, locale: Locale) => numberFormat(locale, { maximumFractionDigits: 2 }).format(n);

/** One reason of an advice as a sentence in the reader's language (also the API's `text`). */
export function adviceReasonText(t: T, locale: Locale, r: AdviceReason): string {
  switch (r.code) {
    case 'feature':
      return t('knowledge.advisor.reason.feature', { feature: labelFor(FEATURES, r.feature, locale), importance: t(IMPORTANCE_KEY[r.importance]), rating: r.rating, symbol: SYMBOL[r.rating] ?? '' });
    case 'budgetBelow':
      return t('knowledge.advisor.reason.budgetBelow', { need: eur(r.need, locale), have: eur(r.have, locale) });
    case 'budgetOk':
      return r.need === 0 ? t('knowledge.advisor.reason.budgetNone') : t('knowledge.advisor.reason.budgetOk', { need: eur(r.need, locale), have: eur(r.have, locale) });
    case 'staffBelow':
      return t('knowledge.advisor.reason.staffBelow', { need: ftes(r.need, locale), have: ftes(r.have, locale) });
    case 'staffOk':
      return r.need === 0 ? t('knowledge.advisor.reason.staffNone') : t('knowledge.advisor.reason.staffOk', { need: ftes(r.need, locale), have: ftes(r.have, locale) });
    case 'horizonFits':
      return t('knowledge.advisor.reason.horizonFits', { horizon: t(HORIZON_KEY[r.horizon]) });
    case 'horizonMismatch':
      return t('knowledge.advisor.reason.horizonMismatch', { horizon: t(HORIZON_KEY[r.horizon]), fits: r.fits.map((h) => t(HORIZON_KEY[h])).join(' / ') });
  }
}

/** The combination the guide suggests, as a sentence (`name`: an approach's name in the reader's language). */
export function combinationText(t: T, name: (code: string) => string, c: { first: string; then: string }): string {
  return t('knowledge.advisor.combination', { first: name(c.first), then: name(c.then) });
}

/** The advisor: a GET form (its URL can be shared) and, once filled in, the approaches best first with their reasons. */
export function advisorPage(c: Ctx, v: AdviceView, calls: Html) {
  const t = c.get('t');
  const locale = c.get('locale');
  const q = v.query as Record<string, unknown>;
  const form: FormState = { values: { ...q, budget: q.budget ?? '', staff: q.staff === undefined ? '' : ftes(q.staff as number, locale) }, errors: {} };
  const importanceOptions = IMPORTANCE.map((i) => ({ value: i, label: t(IMPORTANCE_KEY[i]) }));
  const pct = numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const results = v.advice
    ? html`<section aria-labelledby="advice-h"><h2 id="advice-h">${t('knowledge.advisor.results')}</h2>
${v.advice.combination ? html`<p class="notice">${combinationText(t, (code) => v.approaches.get(code)?.name.text ?? code, v.advice.combination)}</p>` : ''}
<ol class="cards">${v.advice.results.map(
        (r, i) => html`<li class="card"><h3><a href="${link(c, `/cooperation-approaches/${r.approach}`)}">${guideText(c, v.approaches.get(r.approach)!.name, 'span')}</a></h3>
<p><strong>${t('knowledge.advisor.score', { score: pct.format(r.score / 100) })}</strong>${r.fitsMeans ? '' : html` · ${t('knowledge.advisor.meansShort')}`}</p>
<ul>${r.reasons.map((x) => html`<li>${adviceReasonText(t, locale, x)}</li>`)}</ul>${
          i < 3 && v.practices[r.approach]?.length
            ? html`<p>${t('knowledge.advisor.practices')}: ${v.practices[r.approach]!.map((g, k) => html`${k ? ' · ' : ''}<a href="${link(c, `/good-practices/${g.id}`)}"${g.title.lang !== locale ? html` lang="${g.title.lang}" dir="auto"` : ''}>${g.title.text}</a>`)}</p>`
            : ''
        }${
          i < 3 && v.funding[r.approach]?.length
            ? html`<p>${t('knowledge.advisor.funding')}: ${v.funding[r.approach]!.map((p, k) => html`${k ? ' · ' : ''}<a href="${link(c, `/funding?approach=${r.approach}`)}#funding-${p.code}">${guideText(c, p.name, 'span')}</a>${p.deadline.openNow ? html` <span class="hint">(${t('knowledge.funding.openNow')})</span>` : ''}`)}</p>`
            : ''
        }</li>`,
      )}</ol>${calls}</section>`
    : '';
  return page(c, {
    title: t('knowledge.advisor.title'),
    nav: null,
    body: html`<p><a href="${link(c, '/cooperation-approaches')}">${t('knowledge.guide.title')}</a></p>
<h1>${t('knowledge.advisor.title')}</h1>
<p>${t('knowledge.advisor.intro')}</p>
<form method="get" action="${link(c, '/cooperation-approaches/advisor')}" class="stack">
<fieldset><legend>${t('knowledge.advisor.aims')}</legend>
${AIM_FEATURES.map((f) => select({ t, name: f, label: labelFor(FEATURES, f, locale), form: { ...form, values: { ...form.values, [f]: q[f] ?? 'not' } }, options: importanceOptions }))}
</fieldset>
${input({ t, name: 'budget', label: t('knowledge.advisor.budget'), hint: t('knowledge.advisor.budgetHint'), form, inputmode: 'numeric', maxlength: 20 })}
${input({ t, name: 'staff', label: t('knowledge.advisor.staff'), hint: t('knowledge.advisor.staffHint'), form, inputmode: 'decimal', maxlength: 10 })}
${select({ t, name: 'horizon', label: t('knowledge.advisor.horizon'), form: { ...form, values: { ...form.values, horizon: q.horizon ?? 'medium' } }, options: HORIZONS.map((h) => ({ value: h, label: t(HORIZON_KEY[h]) })) })}
${checkboxes({ t, name: 'participants', label: t('knowledge.advisor.participants'), form, options: PARTICIPANTS.map((p) => ({ value: p, label: t(PARTICIPANT_KEY[p]) })) })}
${select({ t, name: 'theme', label: t('knowledge.advisor.theme'), form, blank: t('knowledge.advisor.anyTheme'), options: THEMES.map((th) => ({ value: th.code, label: labelOf(th.labels, locale) })).sort((a, b) => a.label.localeCompare(b.label, locale)) })}
<button type="submit">${t('knowledge.advisor.submit')}</button>
</form>
${results}
<p class="hint">${t('knowledge.advisor.source')}</p>`,
  });
}
