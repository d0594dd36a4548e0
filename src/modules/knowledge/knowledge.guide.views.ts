/**
 * Pages of the guide in the database (issue 13): the admins' form of an approach (one language at a
 * time), the funding finder (/funding with filters and eligibility questions, GET forms) and the
 * funding programme form of the secretariat. No JavaScript; every form `novalidate`.
 */
import { html } from 'hono/html';
import type { Ctx } from '../../platform/http.ts';
import { page, link } from '../../platform/render.ts';
import type { Html } from '../../platform/html/layout.ts';
import { input, textarea, select, checkboxes, checkbox, errorSummary, type FormState } from '../../platform/html/form.ts';
import { LOCALES, type Locale, type T } from '../../platform/i18n.ts';
import { formatNumber } from '../../platform/numbers.ts';
import { THEMES } from '../../taxonomy/themes.ts';
import { labelOf, labelFor } from '../../taxonomy/labels.ts';
import { REGIONS } from '../../taxonomy/regions.ts';
import { ORGANISATION_KINDS } from '../../taxonomy/organisation-kinds.ts';
import { countryName, countryOptions } from '../../taxonomy/countries.ts';
import { languageName } from '../../taxonomy/languages.ts';
import { FUNDING_DEADLINE_KINDS } from '../../db/schema/knowledge.ts';
import { FEATURES, SYMBOL } from './knowledge.guide.ts';
import { HORIZONS } from './knowledge.advisor.ts';
import { ELIGIBILITY_QUESTIONS } from './knowledge.guide.schema.ts';
import type { ApproachView, FundingSearch, FundingView, GuideText } from './knowledge.guide.service.ts';
import type { EligibilityReason } from './knowledge.funding.ts';
import { guideText } from './knowledge.views.ts';
import { dateFormat, numberFormat } from '../../platform/html/format.ts';

const HORIZON_KEY = { short: 'knowledge.advisor.horizon.short', medium: 'knowledge.advisor.horizon.medium', long: 'knowledge.advisor.horizon.long' } as const;
const DEADLINE_KEY = { none: 'knowledge.funding.deadline.none', rolling: 'knowledge.funding.deadline.rolling', yearly: 'knowledge.funding.deadline.yearly', dated: 'knowledge.funding.deadline.dated' } as const;
const QUESTION_KEY = { government: 'knowledge.funding.question.government', partner: 'knowledge.funding.question.partner', cofinance: 'knowledge.funding.question.cofinance' } as const;
const VERDICT_KEY = { yes: 'knowledge.funding.verdict.yes', no: 'knowledge.funding.verdict.no', unknown: 'knowledge.funding.verdict.unknown' } as const;

const money = (n: number, currency: string, locale: Locale) => numberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(n);
/** A calendar day the reader's way (UTC, no time). */
const day = (iso: string, locale: Locale) => dateFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
const monthDay = (md: string, locale: Locale) => dateFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`2001-${md}T00:00:00Z`));

// ------------------------------------------------------------------ an approach's form

/** An approach's form: its texts in one language (links to the other four), and the fields every language shares. */
export function approachFormPage(c: Ctx, mode: 'create' | 'edit', form: FormState, opts: { code?: string; name?: GuideText; languages?: string[] }, status: 200 | 400 = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  // The form's language, when it is one of the five (a repeated or unknown `lang` falls back to the page's).
  const lang: Locale = typeof form.values.lang === 'string' && (LOCALES as readonly string[]).includes(form.values.lang) ? (form.values.lang as Locale) : locale;
  const labels: Record<string, string> = {
    code: t('knowledge.guideForm.code.label'),
    name: t('knowledge.guideForm.name'),
    definition: t('knowledge.approach.definition'),
    participation: t('knowledge.approach.participation'),
    duration: t('knowledge.approach.duration'),
    budget: t('knowledge.approach.budget'),
    needBudget: t('knowledge.guideForm.needBudgetLabel'),
    needStaff: t('knowledge.guideForm.needStaffLabel'),
    horizons: t('knowledge.guideForm.horizonsLabel'),
    resources: t('knowledge.approach.resources'),
    lang: t('knowledge.guideForm.language'),
    ...Object.fromEntries(FEATURES.map((f) => [`rating_${f.code}`, labelOf(f.labels, locale)])),
  };
  const action = mode === 'create' ? '/cooperation-approaches' : `/cooperation-approaches/${opts.code}/edit`;
  const title = mode === 'create' ? t('knowledge.guideForm.add') : t('knowledge.guideForm.editTitle', { name: opts.name?.text ?? '' });
  const ratingOptions = [0, 1, 2, 3].map((n) => ({ value: String(n), label: `${n} (${SYMBOL[n]})` }));
  const textDir = html` lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"`;
  return page(c, {
    title,
    nav: null,
    status,
    body: html`<p><a href="${link(c, mode === 'edit' ? `/cooperation-approaches/${opts.code}` : '/cooperation-approaches')}">${t('knowledge.guide.title')}</a></p>
<h1>${title}</h1>
${
  mode === 'edit'
    ? html`<nav aria-label="${t('knowledge.guideForm.languages')}"><ul class="inline">${LOCALES.map(
        (l) => html`<li>${l === lang ? html`<strong aria-current="page">${languageName(l, locale)}</strong>` : html`<a href="${link(c, `/cooperation-approaches/${opts.code}/edit?lang=${l}`)}">${languageName(l, locale)}</a>`}${
          opts.languages?.includes(l) ? '' : html` <span class="hint">(${t('knowledge.guideForm.missing')})</span>`
        }</li>`,
      )}</ul></nav>`
    : ''
}
${errorSummary(t, form.errors, labels)}
<form method="post" action="${link(c, action)}" class="stack" novalidate>
${mode === 'create' ? input({ t, name: 'code', label: labels.code!, hint: t('knowledge.guideForm.code.hint'), form, maxlength: 60 }) : ''}
${
  mode === 'create'
    ? select({ t, name: 'lang', label: labels.lang!, form, options: LOCALES.map((l) => ({ value: l, label: languageName(l, locale) })) })
    : html`<input type="hidden" name="lang" value="${lang}">`
}
<fieldset><legend>${t('knowledge.guideForm.texts', { language: languageName(lang, locale) })}</legend>
<div${textDir}>
${input({ t, name: 'name', label: labels.name!, form, maxlength: 120 })}
${textarea({ t, name: 'definition', label: labels.definition!, hint: t('knowledge.guideForm.max', { max: 4000 }), form, rows: 6 })}
${textarea({ t, name: 'participation', label: labels.participation!, hint: t('knowledge.guideForm.max', { max: 2000 }), form, rows: 3 })}
${textarea({ t, name: 'duration', label: labels.duration!, hint: t('knowledge.guideForm.max', { max: 1000 }), form, rows: 2 })}
${textarea({ t, name: 'budget', label: labels.budget!, hint: t('knowledge.guideForm.max', { max: 2000 }), form, rows: 3 })}
</div>
${checkbox({ t, name: 'translated', label: t('knowledge.guideForm.translatedLabel'), hint: t('knowledge.guideForm.translatedHint'), form })}
</fieldset>
<fieldset><legend>${t('knowledge.approach.features')}</legend>
${FEATURES.map((f) => select({ t, name: `rating_${f.code}`, label: labels[`rating_${f.code}`]!, form, options: ratingOptions }))}
</fieldset>
<fieldset><legend>${t('knowledge.guideForm.needs')}</legend>
${input({ t, name: 'needBudget', label: labels.needBudget!, hint: t('knowledge.guideForm.needBudgetHint'), form, inputmode: 'numeric', maxlength: 20 })}
${input({ t, name: 'needStaff', label: labels.needStaff!, hint: t('knowledge.guideForm.needStaffHint'), form, inputmode: 'decimal', maxlength: 10 })}
${checkboxes({ t, name: 'horizons', label: labels.horizons!, form, options: HORIZONS.map((h) => ({ value: h, label: t(HORIZON_KEY[h]) })) })}
${textarea({ t, name: 'resources', label: labels.resources!, hint: t('knowledge.guideForm.resourcesHint'), form, rows: 3 })}
</fieldset>
<button type="submit">${t('knowledge.guideForm.save')}</button>
</form>`,
  });
}

// ------------------------------------------------------------------ the funding finder

export function reasonText(t: T, r: EligibilityReason): string {
  switch (r.code) {
    case 'cofinanceNeeded':
      return t('knowledge.funding.reason.cofinanceNeeded', { percent: r.percent / 100 });
    case 'cofinanceOk':
      return t('knowledge.funding.reason.cofinanceOk', { percent: r.percent / 100 });
    case 'governmentOnly':
      return t('knowledge.funding.reason.governmentOnly');
    case 'notGovernment':
      return t('knowledge.funding.reason.notGovernment');
    case 'kindsOk':
      return t('knowledge.funding.reason.kindsOk');
    case 'partnerNeeded':
      return t('knowledge.funding.reason.partnerNeeded');
    case 'partnerOk':
      return t('knowledge.funding.reason.partnerOk');
    case 'partnerNotNeeded':
      return t('knowledge.funding.reason.partnerNotNeeded');
    case 'cofinanceUnknown':
      return t('knowledge.funding.reason.cofinanceUnknown');
    case 'cofinanceNone':
      return t('knowledge.funding.reason.cofinanceNone');
    case 'countryOk':
      return t('knowledge.funding.reason.countryOk');
    case 'countryNot':
      return t('knowledge.funding.reason.countryNot');
  }
}

/** The deadline of a programme as a sentence. */
export function deadlineText(t: T, locale: Locale, d: FundingView['deadline']): string {
  if (d.kind === 'yearly' && d.opens && d.closes) return t('knowledge.funding.deadline.yearlyWindow', { opens: monthDay(d.opens, locale), closes: monthDay(d.closes, locale) });
  if (d.kind === 'dated' && d.closes) return d.opens ? t('knowledge.funding.deadline.datedWindow', { opens: day(d.opens, locale), closes: day(d.closes, locale) }) : t('knowledge.funding.deadline.datedUntil', { closes: day(d.closes, locale) });
  return t(DEADLINE_KEY[d.kind]);
}

function amountText(t: T, locale: Locale, p: FundingView): string | null {
  if (p.amountMin !== null && p.amountMax !== null) return t('knowledge.funding.amountRange', { min: money(p.amountMin, p.currency, locale), max: money(p.amountMax, p.currency, locale) });
  if (p.amountMax !== null) return t('knowledge.funding.amountUpTo', { max: money(p.amountMax, p.currency, locale) });
  if (p.amountMin !== null) return t('knowledge.funding.amountFrom', { min: money(p.amountMin, p.currency, locale) });
  return null;
}

function fundingItem(c: Ctx, p: FundingView, names: Map<string, GuideText>, canEdit: boolean): Html {
  const t = c.get('t');
  const locale = c.get('locale');
  const amount = amountText(t, locale, p);
  const where = [...p.countries.map((x) => countryName(x, locale)), ...p.regions.map((r) => labelFor(REGIONS, r, locale))];
  return html`<li class="card" id="funding-${p.code}"><h2>${guideText(c, p.name, 'span')}</h2>
${p.eligibility ? html`<p><strong>${t(VERDICT_KEY[p.eligibility.verdict])}</strong></p><ul>${p.eligibility.reasons.map((r) => html`<li>${reasonText(t, r)}</li>`)}</ul>` : ''}
<dl class="facts">
<dt>${t('knowledge.funding.funder')}</dt><dd lang="en" dir="ltr">${p.funder}</dd>
${amount ? html`<dt>${t('knowledge.funding.amount')}</dt><dd>${amount}</dd>` : ''}
${p.cofinancingPercent !== null ? html`<dt>${t('knowledge.funding.cofinancing')}</dt><dd>${numberFormat(locale, { style: 'percent' }).format(p.cofinancingPercent / 100)}</dd>` : ''}
<dt>${t('knowledge.funding.deadlineLabel')}</dt><dd>${deadlineText(t, locale, p.deadline)}${p.deadline.openNow ? html` · <strong>${t('knowledge.funding.openNow')}</strong>` : ''}</dd>
<dt>${t('knowledge.funding.approaches')}</dt><dd>${p.approaches.map((a, i) => html`${i ? ', ' : ''}<a href="${link(c, `/cooperation-approaches/${a}`)}">${names.get(a) ? guideText(c, names.get(a)!, 'span') : a}</a>`)}</dd>
${p.themes.length ? html`<dt>${t('knowledge.field.themes')}</dt><dd>${p.themes.map((th) => labelFor(THEMES, th, locale)).join(', ')}</dd>` : ''}
<dt>${t('knowledge.funding.where')}</dt><dd>${where.length ? where.join(', ') : t('knowledge.funding.anywhere')}</dd>
<dt>${t('knowledge.funding.kinds')}</dt><dd>${p.organisationKinds.length ? p.organisationKinds.map((k) => labelFor(ORGANISATION_KINDS, k, locale)).join(', ') : t('knowledge.funding.anyKind')}</dd>
${p.link ? html`<dt>${t('knowledge.funding.link')}</dt><dd><a href="${p.link}" rel="noopener noreferrer" dir="ltr">${p.link}</a></dd>` : ''}
</dl>
${guideText(c, p.description)}
${canEdit ? html`<p><a href="${link(c, `/funding/${p.id}/edit?lang=${locale}`)}">${t('knowledge.fundingForm.edit')}</a></p>` : ''}</li>`;
}

/** /funding: the filters and the eligibility questions in one GET form (its URL can be shared), the programmes below. */
export function fundingPage(c: Ctx, r: FundingSearch | null, values: Record<string, unknown>, names: Map<string, GuideText>, canEdit: boolean, errors: Record<string, string> = {}, status: 200 | 400 = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  const form: FormState = { values, errors };
  const yesNo = [
    { value: 'yes', label: t('knowledge.funding.yes') },
    { value: 'no', label: t('knowledge.funding.no') },
  ];
  const labels: Record<string, string> = { approach: t('knowledge.funding.approach'), theme: t('knowledge.advisor.theme'), country: t('knowledge.funding.country'), kind: t('knowledge.funding.kind'), open: t('knowledge.funding.openOnly'), ...Object.fromEntries(ELIGIBILITY_QUESTIONS.map((q) => [q, t(QUESTION_KEY[q])])) };
  const items = r?.items ?? [];
  return page(c, {
    title: t('knowledge.funding.title'),
    nav: null,
    status,
    body: html`<h1>${t('knowledge.funding.title')}</h1>
<p>${t('knowledge.funding.intro')}</p>
<p><a href="${link(c, '/cooperation-approaches')}">${t('knowledge.guide.title')}</a> · <a href="${link(c, '/cooperation-approaches/advisor')}">${t('knowledge.advisor.link')}</a> · <a href="${link(c, '/funding.ics')}">${t('knowledge.funding.calendar')}</a>${canEdit ? html` · <a href="${link(c, '/funding/new')}">${t('knowledge.fundingForm.add')}</a>` : ''}</p>
${errorSummary(t, errors, labels)}
<form method="get" action="${link(c, '/funding')}" class="stack" novalidate>
<fieldset><legend>${t('knowledge.funding.filters')}</legend>
${select({ t, name: 'approach', label: labels.approach!, form, blank: t('knowledge.funding.any'), options: [...names].map(([code, n]) => ({ value: code, label: n.text, ...(n.lang !== locale ? { lang: n.lang } : {}) })) })}
${select({ t, name: 'theme', label: labels.theme!, form, blank: t('knowledge.advisor.anyTheme'), options: THEMES.map((th) => ({ value: th.code, label: labelOf(th.labels, locale) })).sort((a, b) => a.label.localeCompare(b.label, locale)) })}
${select({ t, name: 'country', label: labels.country!, form, blank: t('knowledge.funding.any'), options: countryOptions(locale) })}
${select({ t, name: 'kind', label: labels.kind!, form, blank: t('knowledge.funding.any'), options: ORGANISATION_KINDS.map((k) => ({ value: k.code, label: labelOf(k.labels, locale) })) })}
<div class="field"><label><input type="checkbox" id="f-open" name="open" value="1"${values.open === '1' ? html` checked` : ''}> ${labels.open}</label></div>
</fieldset>
<fieldset><legend>${t('knowledge.funding.questions')}</legend>
<p class="hint">${t('knowledge.funding.questionsHint')}</p>
${ELIGIBILITY_QUESTIONS.map((q) => select({ t, name: q, label: labels[q]!, form, blank: t('knowledge.funding.noAnswer'), options: yesNo }))}
</fieldset>
<button type="submit">${t('knowledge.funding.search')}</button>
</form>
${
  r
    ? html`<h2 class="visually-hidden" id="funding-results">${t('knowledge.funding.results')}</h2>
<p role="status">${t('knowledge.funding.count', { count: items.length })}</p>
${items.length ? html`<ul class="cards" aria-labelledby="funding-results">${items.map((p) => fundingItem(c, p, names, canEdit))}</ul>` : ''}`
    : ''
}
<p class="hint">${t('knowledge.funding.sources')}</p>`,
  });
}

// ------------------------------------------------------------------ a programme's form

export function fundingFormPage(c: Ctx, mode: 'create' | 'edit', form: FormState, opts: { id?: string; name?: GuideText; names: Map<string, GuideText> }, status: 200 | 400 = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  // The form's language, when it is one of the five (a repeated or unknown `lang` falls back to the page's).
  const lang: Locale = typeof form.values.lang === 'string' && (LOCALES as readonly string[]).includes(form.values.lang) ? (form.values.lang as Locale) : locale;
  const labels: Record<string, string> = {
    code: t('knowledge.guideForm.code.label'),
    lang: t('knowledge.guideForm.language'),
    name: t('knowledge.guideForm.name'),
    description: t('knowledge.fundingForm.description'),
    funder: t('knowledge.funding.funder'),
    approaches: t('knowledge.funding.approaches'),
    themes: t('knowledge.field.themes'),
    countries: t('knowledge.fundingForm.countries'),
    regions: t('knowledge.fundingForm.regions'),
    organisationKinds: t('knowledge.funding.kinds'),
    amountMin: t('knowledge.fundingForm.amountMin'),
    amountMax: t('knowledge.fundingForm.amountMax'),
    currency: t('knowledge.fundingForm.currencyLabel'),
    cofinancingPercent: t('knowledge.fundingForm.cofinancingLabel'),
    needsPartner: t('knowledge.fundingForm.needsPartner'),
    deadlineKind: t('knowledge.funding.deadlineLabel'),
    opens: t('knowledge.fundingForm.opens'),
    closes: t('knowledge.fundingForm.closes'),
    link: t('knowledge.funding.link'),
  };
  const action = mode === 'create' ? '/funding' : `/funding/${opts.id}/edit`;
  const title = mode === 'create' ? t('knowledge.fundingForm.add') : t('knowledge.fundingForm.editTitle', { name: opts.name?.text ?? '' });
  const textDir = html` lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"`;
  const amountValue = (k: string) => (typeof form.values[k] === 'number' ? formatNumber(form.values[k] as number, locale, 0) : form.values[k]);
  const f2: FormState = { ...form, values: { ...form.values, amountMin: amountValue('amountMin'), amountMax: amountValue('amountMax') } };
  return page(c, {
    title,
    nav: null,
    status,
    body: html`<p><a href="${link(c, '/funding')}">${t('knowledge.funding.title')}</a></p>
<h1>${title}</h1>
${
  mode === 'edit'
    ? html`<nav aria-label="${t('knowledge.guideForm.languages')}"><ul class="inline">${LOCALES.map(
        (l) => html`<li>${l === lang ? html`<strong aria-current="page">${languageName(l, locale)}</strong>` : html`<a href="${link(c, `/funding/${opts.id}/edit?lang=${l}`)}">${languageName(l, locale)}</a>`}</li>`,
      )}</ul></nav>`
    : ''
}
${errorSummary(t, form.errors, labels)}
<form method="post" action="${link(c, action)}" class="stack" novalidate>
${mode === 'create' ? input({ t, name: 'code', label: labels.code!, hint: t('knowledge.guideForm.code.hint'), form: f2, maxlength: 60 }) : ''}
${mode === 'create' ? select({ t, name: 'lang', label: labels.lang!, form: f2, options: LOCALES.map((l) => ({ value: l, label: languageName(l, locale) })) }) : html`<input type="hidden" name="lang" value="${lang}">`}
<fieldset><legend>${t('knowledge.guideForm.texts', { language: languageName(lang, locale) })}</legend>
<div${textDir}>
${input({ t, name: 'name', label: labels.name!, form: f2, maxlength: 200 })}
${textarea({ t, name: 'description', label: labels.description!, hint: t('knowledge.guideForm.max', { max: 3000 }), form: f2, rows: 4 })}
</div>
${checkbox({ t, name: 'translated', label: t('knowledge.guideForm.translatedLabel'), hint: t('knowledge.guideForm.translatedHint'), form: f2 })}
</fieldset>
${input({ t, name: 'funder', label: labels.funder!, form: f2, maxlength: 300 })}
${checkboxes({ t, name: 'approaches', label: labels.approaches!, form: f2, options: [...opts.names].map(([code, n]) => ({ value: code, label: n.text })) })}
${checkboxes({ t, name: 'themes', label: labels.themes!, hint: t('knowledge.fundingForm.themesHint'), form: f2, options: THEMES.map((th) => ({ value: th.code, label: labelOf(th.labels, locale) })).sort((a, b) => a.label.localeCompare(b.label, locale)) })}
${input({ t, name: 'countries', label: labels.countries!, hint: t('knowledge.fundingForm.countriesHint'), form: f2, maxlength: 800 })}
${checkboxes({ t, name: 'regions', label: labels.regions!, form: f2, options: REGIONS.map((r) => ({ value: r.code, label: labelOf(r.labels, locale) })) })}
${checkboxes({ t, name: 'organisationKinds', label: labels.organisationKinds!, hint: t('knowledge.fundingForm.kindsHint'), form: f2, options: ORGANISATION_KINDS.map((k) => ({ value: k.code, label: labelOf(k.labels, locale) })) })}
${input({ t, name: 'amountMin', label: labels.amountMin!, hint: t('knowledge.fundingForm.amountHint'), form: f2, inputmode: 'numeric', maxlength: 20 })}
${input({ t, name: 'amountMax', label: labels.amountMax!, hint: t('knowledge.fundingForm.amountHint'), form: f2, inputmode: 'numeric', maxlength: 20 })}
${input({ t, name: 'currency', label: labels.currency!, hint: t('knowledge.fundingForm.currencyHint'), form: f2, maxlength: 3 })}
${input({ t, name: 'cofinancingPercent', label: labels.cofinancingPercent!, hint: t('knowledge.fundingForm.cofinancingHint'), form: f2, inputmode: 'numeric', maxlength: 3 })}
${checkbox({ t, name: 'needsPartner', label: labels.needsPartner!, form: f2 })}
${select({ t, name: 'deadlineKind', label: labels.deadlineKind!, form: f2, options: FUNDING_DEADLINE_KINDS.map((k) => ({ value: k, label: t(DEADLINE_KEY[k]) })) })}
${input({ t, name: 'opens', label: labels.opens!, hint: t('knowledge.fundingForm.datesHint'), form: f2, maxlength: 10 })}
${input({ t, name: 'closes', label: labels.closes!, hint: t('knowledge.fundingForm.datesHint'), form: f2, maxlength: 10 })}
${input({ t, name: 'link', label: labels.link!, form: f2, type: 'url', maxlength: 500 })}
<button type="submit">${t('knowledge.guideForm.save')}</button>
</form>`,
  });
}
