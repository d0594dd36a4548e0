/** Pages of the people directory: list, profile, own profile form. */
import { html } from 'hono/html';
import type { Ctx } from '../../platform/http.ts';
import { page, link } from '../../platform/render.ts';
import type { Html } from '../../platform/html/layout.ts';
import { input, textarea, select, checkboxes, checkbox, errorSummary, type FormState } from '../../platform/html/form.ts';
import { THEMES } from '../../taxonomy/themes.ts';
import { labelFor, labelOf, optionsOf } from '../../taxonomy/labels.ts';
import { JOB_FUNCTIONS } from '../../taxonomy/job-functions.ts';
import { countryName, countryOptions } from '../../taxonomy/countries.ts';
import { languageName, languageOptions } from '../../taxonomy/languages.ts';
import { languageChoices } from '../../platform/html/languages.ts';
import { roleLabel, type SearchResult } from './organisations.service.ts';
import type { PersonCard, PersonDetail } from './people.service.ts';
import { themeName, sortSelect, resultsSection } from './organisations.views.ts';
import { reportPanel } from '../moderation/moderation.service.ts';
import { foldedForm } from '../../platform/html/folded-form.ts';

function personCard(c: Ctx, p: PersonCard): Html {
  const locale = c.get('locale');
  const t = c.get('t');
  return html`<li class="card"><h2><a href="${link(c, `/people/${p.id}`)}" dir="auto">${p.name}</a></h2>
<p class="meta">${p.position ? html`<bdi>${p.position}</bdi>` : ''}${p.position && p.jobFunction ? ' · ' : ''}${p.jobFunction ? labelFor(JOB_FUNCTIONS, p.jobFunction, locale) : ''}${
    p.organisation ? html`${p.position || p.jobFunction ? ' · ' : ''}<bdi>${p.organisation.name}</bdi>${p.organisation.country ? `, ${countryName(p.organisation.country, locale)}` : ''}` : ''
  }</p>
${p.languages.length ? html`<p class="meta">${t('organisations.field.languages')}: ${p.languages.map((l) => languageName(l, locale)).join(', ')}</p>` : ''}
${p.themes.length ? html`<ul class="tags">${p.themes.map((th) => html`<li>${themeName(th, locale)}</li>`)}</ul>` : ''}</li>`;
}

export function peopleDirectoryPage(c: Ctx, values: Record<string, unknown>, result: SearchResult<PersonCard> | null, errors: Record<string, string> = {}, status = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  const form: FormState = { values, errors };
  const all = t('organisations.search.all');
  const labels: Record<string, string> = {
    q: t('people.search.q'),
    country: t('organisations.field.country'),
    theme: t('organisations.field.theme'),
    language: t('organisations.field.language'),
    function: t('people.field.jobFunction'),
    sort: t('organisations.search.sort'),
    page: t('organisations.search.page'),
    limit: t('organisations.search.limit'),
  };
  return page(c, {
    title: t('people.directory.title'),
    nav: 'people',
    status,
    body: html`<h1>${t('people.directory.title')}</h1>
<p><a href="${link(c, '/people/me')}">${t('people.me.link')}</a></p>
${errorSummary(t, errors, labels)}
<div class="layout-search">
<form method="get" action="${link(c, '/people')}" class="filters" role="search" aria-label="${t('people.search.label')}">
${input({ t, name: 'q', label: labels.q!, form, type: 'search', maxlength: 200 })}
${select({ t, name: 'country', label: labels.country!, form, options: countryOptions(locale), blank: all })}
${select({ t, name: 'theme', label: labels.theme!, form, options: THEMES.map((th) => ({ value: th.code, label: labelOf(th.labels, locale) })), blank: all })}
${select({ t, name: 'language', label: labels.language!, form, options: languageOptions(locale), blank: all })}
${select({ t, name: 'function', label: labels.function!, form, options: optionsOf(JOB_FUNCTIONS, locale), blank: all })}
${sortSelect(t, labels.sort!, form)}
<button type="submit">${t('organisations.search.submit')}</button>
</form>
${resultsSection(c, result, values, (p) => personCard(c, p))}
</div>`,
  });
}

export function personPage(c: Ctx, p: PersonDetail) {
  const t = c.get('t');
  const locale = c.get('locale');
  const fact = (label: string, value: Html | string | null | undefined) => (value ? html`<dt>${label}</dt><dd>${value}</dd>` : '');
  return page(c, {
    title: p.name,
    nav: 'people',
    body: html`<h1><bdi>${p.name}</bdi></h1>
${p.isOwn ? html`<p><a class="button" href="${link(c, '/people/me')}">${t('people.me.edit')}</a> <a href="${link(c, '/opportunities')}">${t('matching.opportunities.link')}</a></p>` : ''}
<dl class="facts">
${fact(t('people.field.position'), p.position ? html`<bdi>${p.position}</bdi>` : null)}
${fact(t('people.field.jobFunction'), p.jobFunction ? labelFor(JOB_FUNCTIONS, p.jobFunction, locale) : null)}
${fact(
  t('people.field.organisations'),
  p.organisations.length
    ? html`${p.organisations.map((o, i) => html`${i ? ', ' : ''}<a href="${link(c, `/organisations/${o.id}`)}" dir="auto">${o.name}</a>${o.role ? ` (${roleLabel(t, o.role)})` : ''}`)}`
    : null,
)}
${fact(t('organisations.field.languages'), p.languages.map((l) => languageName(l, locale)).join(', '))}
${fact(t('people.field.availability'), p.availability ? html`<bdi>${p.availability}</bdi>` : null)}
${fact(t('people.field.email'), p.email ? html`<a href="mailto:${p.email}" dir="ltr">${p.email}</a>` : null)}
${fact(t('people.field.phone'), p.phone ? html`<bdi dir="ltr">${p.phone}</bdi>` : null)}
</dl>
${p.expertise ? html`<h2>${t('people.field.expertise')}</h2><p class="pre" dir="auto">${p.expertise}</p>` : ''}
${p.themes.length ? html`<h2>${t('organisations.field.themes')}</h2><ul class="tags">${p.themes.map((th) => html`<li>${themeName(th, locale)}</li>`)}</ul>` : ''}
${p.moderation ? foldedForm(c, reportPanel('person', p.id, p.moderation)) : ''}`,
  });
}

export function profileFormPage(c: Ctx, form: FormState, status = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  const labels: Record<string, string> = {
    name: t('people.field.name'),
    position: t('people.field.position'),
    jobFunction: t('people.field.jobFunction'),
    languages: t('organisations.field.languages'),
    expertise: t('people.field.expertise'),
    themes: t('organisations.field.themes'),
    availability: t('people.field.availability'),
    email: t('people.field.email'),
    phone: t('people.field.phone'),
    visibility: t('people.field.visibility'),
    showEmail: t('people.field.showEmail'),
    showPhone: t('people.field.showPhone'),
  };
  return page(c, {
    title: t('people.me.title'),
    nav: 'people',
    status,
    body: html`<h1>${t('people.me.title')}</h1>
${errorSummary(t, form.errors, labels)}
<form method="post" action="${link(c, '/people/me')}" class="stack" novalidate>
${input({ t, name: 'name', label: labels.name!, form, required: true, autocomplete: 'name', maxlength: 200 })}
${input({ t, name: 'position', label: labels.position!, form, autocomplete: 'organization-title', maxlength: 200, hint: t('people.form.positionHint') })}
${select({ t, name: 'jobFunction', label: labels.jobFunction!, form, options: optionsOf(JOB_FUNCTIONS, locale), blank: t('people.form.chooseFunction') })}
${languageChoices({ t, locale, name: 'languages', label: labels.languages!, form })}
${textarea({ t, name: 'expertise', label: labels.expertise!, form, hint: t('people.form.expertiseHint') })}
${checkboxes({ t, name: 'themes', label: labels.themes!, form, options: THEMES.map((th) => ({ value: th.code, label: labelOf(th.labels, locale) })) })}
${input({ t, name: 'availability', label: labels.availability!, form, maxlength: 500, hint: t('people.form.availabilityHint') })}
<fieldset><legend>${t('people.form.privacy')}</legend>
${select({
  t,
  name: 'visibility',
  label: labels.visibility!,
  form,
  options: [
    { value: 'members', label: t('people.visibility.members') },
    { value: 'public', label: t('people.visibility.public') },
  ],
})}
${input({ t, name: 'email', label: labels.email!, form, type: 'email', autocomplete: 'email' })}
${checkbox({ t, name: 'showEmail', label: labels.showEmail!, form })}
${input({ t, name: 'phone', label: labels.phone!, form, type: 'tel', autocomplete: 'tel' })}
${checkbox({ t, name: 'showPhone', label: labels.showPhone!, form })}
<p class="hint">${t('people.form.privacyHint')}</p>
</fieldset>
<p><button type="submit">${t('platform.form.save')}</button></p>
</form>`,
  });
}
