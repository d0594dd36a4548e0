/** Pages of the organisation directory: list, profile, create/edit form, invitation. */
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
import { POPULATION_BANDS } from '../../taxonomy/population-bands.ts';
import { SDGS } from '../../taxonomy/sdgs.ts';
import { countryName, countryOptions } from '../../taxonomy/countries.ts';
import { languageName, languageOptions } from '../../taxonomy/languages.ts';
import { ORGANISATION_COUNTRY_CODES } from '../../taxonomy/regions.ts';
import { languageChoices } from '../../platform/html/languages.ts';
import { languageOf } from '../translations/translations.service.ts';

/** What an organisation wrote carries the language it is written in (detected), so a reader's page marks it as someone's text. */
const langOf = (text: string) => {
  const l = languageOf(text);
  return l ? html` lang="${l}"` : '';
};
import { MEMBERSHIP_ROLES } from '../../db/schema/organisations.ts';
import { roleLabel, type OrganisationCard, type OrganisationDetail, type SearchResult, type InvitationView } from './organisations.service.ts';
import { reportPanel } from '../moderation/moderation.service.ts';
import { foldedForm } from '../../platform/html/folded-form.ts';
import { renderSlot } from '../../platform/slots.ts';
import { numberFormat } from '../../platform/html/format.ts';

const themeOptions = (locale: Locale) => THEMES.map((th) => ({ value: th.code, label: labelOf(th.labels, locale) }));
export const themeName = (code: string, locale: Locale) => {
  const th = THEMES.find((x) => x.code === code);
  return th ? labelOf(th.labels, locale) : code;
};
const orgCountryOptions = (locale: Locale) => {
  const allowed = new Set(ORGANISATION_COUNTRY_CODES);
  return countryOptions(locale).filter((o) => allowed.has(o.value));
};
const number = (n: number, locale: Locale) => numberFormat(locale).format(n);

/** Previous/next links keeping the other query parameters. */
export function pager(c: Ctx, r: { page: number; hasPrev: boolean; hasNext: boolean }, values: Record<string, unknown>): Html {
  const t = c.get('t');
  const url = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(values)) if (k !== 'page' && v !== undefined && v !== '' && v !== null) q.set(k, String(v));
    if (p > 1) q.set('page', String(p));
    const s = q.toString();
    return `${link(c, c.req.path)}${s ? `?${s}` : ''}`;
  };
  if (!r.hasPrev && !r.hasNext) return html``;
  return html`<nav class="pager" aria-label="${t('platform.pager.label')}">${r.hasPrev ? html`<a rel="prev" href="${url(r.page - 1)}">${t('platform.pager.previous')}</a>` : html`<span></span>`}${
    r.hasNext ? html`<a rel="next" href="${url(r.page + 1)}">${t('platform.pager.next')}</a>` : ''
  }</nav>`;
}

export function resultCount(t: T, r: { total: number; isTotalCapped: boolean; page: number }): string {
  return r.isTotalCapped ? t('organisations.search.countMore', { count: 1000, page: r.page }) : t('organisations.search.count', { count: r.total, page: r.page });
}

/** The sort choice of the directory searches (organisations and people share the allowlist). */
export function sortSelect(t: T, label: string, form: FormState): Html {
  return select({
    t,
    name: 'sort',
    label,
    form,
    options: [
      { value: 'relevance', label: t('organisations.sort.relevance') },
      { value: 'name', label: t('organisations.sort.name') },
      { value: 'newest', label: t('organisations.sort.newest') },
    ],
    blank: t('organisations.sort.default'),
  });
}

/** The results of a directory search: count, cards, pager. */
export function resultsSection<I>(c: Ctx, result: { items: I[]; total: number; isTotalCapped: boolean; page: number; hasPrev: boolean; hasNext: boolean } | null, values: Record<string, unknown>, card: (item: I) => Html): Html {
  const t = c.get('t');
  return html`<section aria-labelledby="results-title">
<h2 id="results-title">${t('organisations.search.results')}</h2>
${
  result
    ? html`<p role="status">${resultCount(t, result)}</p>
${result.items.length ? html`<ul class="cards">${result.items.map(card)}</ul>` : html`<p>${t('organisations.search.none')}</p>`}
${pager(c, result, values)}`
    : ''
}
</section>`;
}

function orgCard(c: Ctx, o: OrganisationCard, extra: Html | Promise<Html> | string = ''): Html {
  const locale = c.get('locale');
  const t = c.get('t');
  return html`<li class="card"><h2><a href="${link(c, `/organisations/${o.id}`)}" dir="auto">${o.name}</a>${o.isVerified ? html` <span class="badge">${t('organisations.verified')}</span>` : ''}</h2>
${o.awaitingVerification ? html`<p class="meta">${t('organisations.notVerified')}</p>` : ''}<p class="meta">${labelFor(ORGANISATION_KINDS, o.kind, locale)} · ${o.subregion ? html`<bdi>${o.subregion}</bdi>, ` : ''}${countryName(o.country, locale)} · ${labelFor(REGIONS, o.region, locale)}${
    o.population !== null ? html` · ${t('organisations.populationValue', { population: number(o.population, locale) })}` : ''
  }</p>
${o.offersExcerpt ? html`<p${langOf(o.offersExcerpt)} dir="auto">${o.offersExcerpt}</p>` : ''}
${o.themes.length ? html`<ul class="tags" aria-label="${t('organisations.field.themes')}">${o.themes.map((th) => html`<li>${themeName(th, locale)}</li>`)}</ul>` : ''}${extra}</li>`;
}

/** The directory: filters, results, pager. `errors` holds query problems (400). */
/** `slot`: what other modules add beside the filters (slot `organisations.directory`: the partnerships module's "open to cooperation" filter). */
export function directoryPage(c: Ctx, values: Record<string, unknown>, result: SearchResult<OrganisationCard> | null, errors: Record<string, string> = {}, status = 200, slot: Html | string = '') {
  const t = c.get('t');
  const locale = c.get('locale');
  const form: FormState = { values, errors };
  const labels: Record<string, string> = {
    q: t('organisations.search.q'),
    country: t('organisations.field.country'),
    region: t('organisations.field.region'),
    kind: t('organisations.field.kind'),
    theme: t('organisations.field.theme'),
    language: t('organisations.field.language'),
    population: t('organisations.field.population'),
    sort: t('organisations.search.sort'),
    page: t('organisations.search.page'),
    limit: t('organisations.search.limit'),
  };
  const all = t('organisations.search.all');
  const user = c.get('user');
  return page(c, {
    title: t('organisations.directory.title'),
    nav: 'organisations',
    status,
    body: html`<h1>${t('organisations.directory.title')}</h1>
${user ? html`<p><a class="button" href="${link(c, '/organisations/new')}">${t('organisations.create.link')}</a></p>` : ''}
${errorSummary(t, errors, labels)}
<div class="layout-search">
<form method="get" action="${link(c, '/organisations')}" class="filters" role="search" aria-label="${t('organisations.search.label')}">
${input({ t, name: 'q', label: labels.q!, form, type: 'search', maxlength: 200 })}
${select({ t, name: 'country', label: labels.country!, form, options: orgCountryOptions(locale), blank: all })}
${select({ t, name: 'region', label: labels.region!, form, options: optionsOf(REGIONS, locale, true), blank: all })}
${select({ t, name: 'kind', label: labels.kind!, form, options: optionsOf(ORGANISATION_KINDS, locale, true), blank: all })}
${select({ t, name: 'theme', label: labels.theme!, form, options: themeOptions(locale), blank: all })}
${select({ t, name: 'language', label: labels.language!, form, options: languageOptions(locale), blank: all })}
${select({ t, name: 'population', label: labels.population!, form, options: optionsOf(POPULATION_BANDS, locale, true), blank: all })}
${sortSelect(t, labels.sort!, form)}
<button type="submit">${t('organisations.search.submit')}</button>
</form>
${slot}
${resultsSection(c, result, values, (o) => orgCard(c, o, renderSlot(c, 'organisations.card', { organisationId: o.id, pageIds: result?.items.map((x) => x.id) ?? [] })))}
</div>`,
  });
}

function statusLabel(t: T, status: string): string {
  return status === 'pending' ? t('organisations.membership.pending') : t('organisations.membership.active');
}

/** An organisation's profile page, with the actions the reader may take; `slot` is what other modules add (slot `organisations.page`). */
export function profilePage(c: Ctx, o: OrganisationDetail, slot: Html | string = '') {
  const t = c.get('t');
  const locale = c.get('locale');
  const user = c.get('user');
  const a = o.abilities;
  const roleOptions = MEMBERSHIP_ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }));
  const active = o.members.filter((m) => m.status === 'active');
  const pending = o.members.filter((m) => m.status === 'pending' && (m.origin === 'claim' ? a.decideClaim : a.decide));
  const mine = o.myRoles;
  const fact = (label: string, value: Html | string | null | undefined) => (value ? html`<dt>${label}</dt><dd>${value}</dd>` : '');
  return page(c, {
    title: o.name,
    nav: 'organisations',
    body: html`<h1><bdi>${o.name}</bdi></h1>
<p>${o.isVerified ? html`<span class="badge">${t('organisations.verified')}</span>` : html`<span class="meta">${t('organisations.notVerified')}</span>`}</p>
<dl class="facts">
${fact(t('organisations.field.kind'), labelFor(ORGANISATION_KINDS, o.kind, locale))}
${fact(t('organisations.field.country'), countryName(o.country, locale))}
${fact(t('organisations.field.region'), labelFor(REGIONS, o.region, locale))}
${fact(t('organisations.field.subregion'), o.subregion ? html`<bdi>${o.subregion}</bdi>` : null)}
${fact(t('organisations.field.population'), o.population !== null ? number(o.population, locale) : null)}
${fact(t('organisations.field.languages'), o.languages.map((l) => languageName(l, locale)).join(', '))}
${fact(t('organisations.field.website'), o.website ? html`<a href="${o.website}" rel="nofollow noopener" dir="ltr">${o.website}</a>` : null)}
${fact(t('organisations.field.email'), o.email ? html`<a href="mailto:${o.email}" dir="ltr">${o.email}</a>` : null)}
${fact(t('organisations.field.location'), o.lat !== null && o.lon !== null ? `${o.lat.toFixed(4)}, ${o.lon.toFixed(4)}` : null)}
</dl>
${o.offers ? html`<h2>${t('organisations.field.offers')}</h2><p class="pre"${langOf(o.offers)} dir="auto">${o.offers}</p>` : ''}
${o.seeks ? html`<h2>${t('organisations.field.seeks')}</h2><p class="pre" dir="auto">${o.seeks}</p>` : ''}
${o.themes.length ? html`<h2>${t('organisations.field.themes')}</h2><ul class="tags">${o.themes.map((th) => html`<li>${themeName(th, locale)}</li>`)}</ul>` : ''}
${
  o.sdgs.length
    ? html`<h2>${t('organisations.field.sdgs')}</h2><ul class="tags">${o.sdgs.map((n) => html`<li>${t('organisations.sdg', { number: n, name: labelOf(SDGS[n - 1]!.labels, locale) })}</li>`)}</ul>`
    : ''
}
${
  a.viewMembers
    ? html`<h2>${t('organisations.members.title')}</h2>
${
  active.length
    ? html`<table><thead><tr><th scope="col">${t('organisations.members.name')}</th><th scope="col">${t('organisations.members.role')}</th>${a.changeRole ? html`<th scope="col">${t('organisations.members.changeRole')}</th>` : ''}</tr></thead><tbody>
${active.map(
  (m) => html`<tr><td dir="auto">${m.personId ? html`<a href="${link(c, `/people/${m.personId}`)}">${m.name}</a>` : m.name}</td><td>${roleLabel(t, m.role)}</td>${
    a.changeRole
      ? html`<td><form method="post" novalidate action="${link(c, `/memberships/${m.membershipId}/role`)}" class="inline"><label class="visually-hidden" for="role-${m.membershipId}">${t('organisations.members.changeRoleOf', { name: m.name })}</label><select id="role-${m.membershipId}" name="role">${roleOptions.map(
          (r) => html`<option value="${r.value}"${r.value === m.role ? html` selected` : ''}>${r.label}</option>`,
        )}</select> <button type="submit" class="secondary">${t('organisations.members.changeRoleSubmit')}</button></form></td>`
      : ''
  }</tr>`,
)}
</tbody></table>`
    : html`<p>${t('organisations.members.none')}</p>`
}`
    : ''
}
${
  pending.length
    ? html`<h2>${t('organisations.members.pendingTitle')}</h2><ul class="cards">${pending.map(
        (m) => html`<li class="card"><p><strong><bdi>${m.name}</bdi></strong> · ${roleLabel(t, m.role)}${m.origin === 'claim' ? html` · ${t('organisations.claim.label')}` : m.origin === 'invitation' ? html` · ${t('organisations.invitation.otherAddress')}` : ''}</p>${m.message ? html`<p class="pre" dir="auto">${m.message}</p>` : ''}
<form method="post" novalidate action="${link(c, `/memberships/${m.membershipId}/decision`)}" class="inline"><input type="hidden" name="decision" value="approve"><button type="submit">${t('organisations.members.approve')}</button></form>
<form method="post" novalidate action="${link(c, `/memberships/${m.membershipId}/decision`)}" class="inline"><input type="hidden" name="decision" value="refuse"><button type="submit" class="secondary">${t('organisations.members.refuse')}</button></form></li>`,
      )}</ul>`
    : ''
}
<h2>${t('organisations.actions.title')}</h2>
${mine.length ? html`<p>${t('organisations.membership.yours')} ${mine.map((m) => `${roleLabel(t, m.role)} (${statusLabel(t, m.status)})`).join(', ')}</p>` : ''}
${a.edit ? html`<p><a class="button" href="${link(c, `/organisations/${o.id}/edit`)}">${t('organisations.edit.link')}</a> <a href="${link(c, `/opportunities?organisation=${o.id}`)}">${t('matching.opportunities.link')}</a></p>` : ''}
${
  a.verify
    ? html`<form method="post" novalidate action="${link(c, `/organisations/${o.id}/verify`)}"><input type="hidden" name="verified" value="${o.isVerified ? 'false' : 'true'}"><button type="submit">${
        o.isVerified ? t('organisations.verify.remove') : t('organisations.verify.submit')
      }</button></form>`
    : ''
}
${
  a.join
    ? html`<form method="post" novalidate action="${link(c, `/organisations/${o.id}/join`)}" class="stack"><h3>${t('organisations.join.title')}</h3>
${select({ t, name: 'role', label: t('organisations.join.role'), form: { values: { role: 'expert' }, errors: {} }, options: roleOptions })}
${textarea({ t, name: 'message', label: t('organisations.join.message'), form: { values: {}, errors: {} }, rows: 3 })}
<button type="submit">${t('organisations.join.submit')}</button></form>`
    : ''
}
${
  a.claim
    ? html`<form method="post" novalidate action="${link(c, `/organisations/${o.id}/claim`)}" class="stack"><h3>${t('organisations.claim.title')}</h3><p>${t('organisations.claim.explain')}</p>
${textarea({ t, name: 'message', label: t('organisations.join.message'), form: { values: {}, errors: {} }, rows: 3 })}
<button type="submit">${t('organisations.claim.submit')}</button></form>`
    : ''
}
${
  a.invite
    ? html`<form method="post" novalidate action="${link(c, `/organisations/${o.id}/invitations`)}" class="stack"><h3>${t('organisations.invite.title')}</h3>
${input({ t, name: 'email', label: t('organisations.invite.email'), form: { values: {}, errors: {} }, type: 'email', autocomplete: 'off', required: true })}
${select({ t, name: 'role', label: t('organisations.join.role'), form: { values: { role: 'expert' }, errors: {} }, options: roleOptions })}
<button type="submit">${t('organisations.invite.submit')}</button></form>`
    : ''
}
${!user ? html`<p><a href="${link(c, '/sign-in')}?next=${encodeURIComponent(`/organisations/${o.id}`)}">${t('organisations.signInToJoin')}</a></p>` : ''}
${slot}
${foldedForm(c, reportPanel('organisation', o.id, o.moderation))}`,
  });
}

/** The create or edit form, keeping what was typed and showing errors per field. */
export function organisationFormPage(c: Ctx, mode: 'create' | 'edit', form: FormState, id?: string, status = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  const labels: Record<string, string> = {
    name: t('organisations.field.name'),
    kind: t('organisations.field.kind'),
    country: t('organisations.field.country'),
    subregion: t('organisations.field.subregion'),
    population: t('organisations.field.population'),
    languages: t('organisations.field.languages'),
    offers: t('organisations.field.offers'),
    seeks: t('organisations.field.seeks'),
    themes: t('organisations.field.themes'),
    sdgs: t('organisations.field.sdgs'),
    website: t('organisations.field.website'),
    email: t('organisations.field.email'),
    lat: t('organisations.field.lat'),
    lon: t('organisations.field.lon'),
  };
  const title = mode === 'create' ? t('organisations.create.title') : t('organisations.edit.title');
  const action = mode === 'create' ? link(c, '/organisations') : link(c, `/organisations/${id}/edit`);
  const sdgOptions = SDGS.map((s) => ({ value: String(s.number), label: t('organisations.sdg', { number: s.number, name: labelOf(s.labels, locale) }) }));
  const values = { ...form.values, sdgs: ([] as unknown[]).concat(form.values.sdgs ?? []).map(String) };
  const f: FormState = { values, errors: form.errors };
  return page(c, {
    title,
    nav: 'organisations',
    status,
    body: html`<h1>${title}</h1>
${errorSummary(t, form.errors, labels)}
<form method="post" action="${action}" class="stack" novalidate>
${input({ t, name: 'name', label: labels.name!, form: f, required: true, maxlength: 200, autocomplete: 'organization' })}
${select({ t, name: 'kind', label: labels.kind!, form: f, options: optionsOf(ORGANISATION_KINDS, locale, true) })}
${select({ t, name: 'country', label: labels.country!, form: f, options: orgCountryOptions(locale), blank: t('organisations.form.chooseCountry'), required: true, hint: t('organisations.form.regionHint') })}
${input({ t, name: 'subregion', label: labels.subregion!, form: f, maxlength: 200, hint: t('organisations.form.subregionHint') })}
${input({ t, name: 'population', label: labels.population!, form: f, inputmode: 'numeric' })}
${languageChoices({ t, locale, name: 'languages', label: labels.languages!, form: f })}
${textarea({ t, name: 'offers', label: labels.offers!, form: f, hint: t('organisations.form.offersHint') })}
${textarea({ t, name: 'seeks', label: labels.seeks!, form: f, hint: t('organisations.form.seeksHint') })}
${checkboxes({ t, name: 'themes', label: labels.themes!, form: f, options: themeOptions(locale) })}
${checkboxes({ t, name: 'sdgs', label: labels.sdgs!, form: f, options: sdgOptions })}
${input({ t, name: 'website', label: labels.website!, form: f, type: 'url', autocomplete: 'url' })}
${input({ t, name: 'email', label: labels.email!, form: f, type: 'email', autocomplete: 'email' })}
${input({ t, name: 'lat', label: labels.lat!, form: f, inputmode: 'decimal' })}
${input({ t, name: 'lon', label: labels.lon!, form: f, inputmode: 'decimal' })}
<p><button type="submit">${t('platform.form.save')}</button> <a href="${mode === 'edit' ? link(c, `/organisations/${id}`) : link(c, '/organisations')}">${t('platform.form.cancel')}</a></p>
</form>`,
  });
}

/** Shows an invitation and the button that accepts it (a POST: no GET writes). */
export function invitationPage(c: Ctx, token: string, inv: InvitationView | null, problem: string | null, status = 200) {
  const t = c.get('t');
  const user = c.get('user');
  return page(c, {
    title: t('organisations.invitation.title'),
    status,
    body: html`<h1>${t('organisations.invitation.title')}</h1>
${
  inv
    ? html`<p>${t('organisations.invitation.explain', { organisation: inv.organisationName, role: roleLabel(t, inv.role), email: inv.email })}</p>
${
  user
    ? html`<form method="post" novalidate action="${link(c, `/invitations/${token}`)}"><button type="submit">${t('organisations.invitation.accept')}</button></form>`
    : html`<p><a class="button" href="${link(c, '/sign-in')}?next=${encodeURIComponent(`/invitations/${token}`)}">${t('organisations.invitation.signIn')}</a> <a href="${link(c, '/register')}">${t('platform.nav.register')}</a></p>`
}`
    : html`<p>${problem}</p>`
}`,
  });
}

/** 403 page for an action the reader may not take on a visible organisation. */
export function forbidden(c: Ctx) {
  const t = c.get('t');
  return page(c, { title: t('platform.error.title'), status: 403, body: html`<h1>${t('platform.error.title')}</h1><p>${t('platform.error.forbidden')}</p>` });
}
