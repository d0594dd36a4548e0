/** Pages of the networks module: the list, a network, joining, guidelines, members, proposals, coordination, a new network. */
import { html } from 'hono/html';
import type { Ctx } from '../../platform/http.ts';
import { page, link } from '../../platform/render.ts';
import type { Html } from '../../platform/html/layout.ts';
import { input, textarea, select, checkboxes, checkbox, errorSummary, type FormState } from '../../platform/html/form.ts';
import { fmtDate } from '../../platform/html/format.ts';
import { LOCALES, RTL_LOCALES, type Locale, type T } from '../../platform/i18n.ts';
import { THEMES } from '../../taxonomy/themes.ts';
import { labelOf, labelFor, optionsOf } from '../../taxonomy/labels.ts';
import { REGIONS } from '../../taxonomy/regions.ts';
import { languageNameInline } from '../../taxonomy/languages.ts';
import { languageChoices } from '../../platform/html/languages.ts';
import { MEMBER_CATEGORIES } from '../../db/schema/networks.ts';
import { authorName } from '../privacy/privacy.service.ts';
import type { CoordinationView, LocalizedText, MemberView, NetworkCard, NetworkDetail, ProposalView } from './networks.service.ts';
import { translationNotice, userText, type ReaderView } from '../../platform/html/user-content.ts';

const themeName = (code: string, locale: Locale) => {
  const th = THEMES.find((x) => x.code === code);
  return th ? labelOf(th.labels, locale) : code;
};
const themeOptions = (locale: Locale) => THEMES.map((th) => ({ value: th.code, label: labelOf(th.labels, locale) })).sort((a, b) => a.label.localeCompare(b.label, locale));

/** User content in its own language: `lang` (and `dir`) when it is not the page's. */
function langAttrs(lang: string, locale: Locale): Html {
  if (lang === locale) return html``;
  return html` lang="${lang}" dir="${RTL_LOCALES.has(lang as Locale) ? 'rtl' : 'ltr'}"`;
}
const txt = (x: LocalizedText, locale: Locale, tag: 'p' | 'span' = 'span') =>
  tag === 'p' ? html`<p class="prewrap"${langAttrs(x.lang, locale)}>${x.text}</p>` : html`<span${langAttrs(x.lang, locale)}>${x.text}</span>`;

export function categoryLabel(t: T, c: string): string {
  switch (c) {
    case 'practitioner':
      return t('networks.category.practitioner');
    case 'association':
      return t('networks.category.association');
    case 'ngo':
      return t('networks.category.ngo');
    case 'research':
      return t('networks.category.research');
    default:
      return c;
  }
}

const policyLabel = (t: T, p: string) => (p === 'open' ? t('networks.policy.open') : t('networks.policy.moderated'));

function themeTags(t: T, locale: Locale, themes: string[]): Html {
  return themes.length ? html`<ul class="tags" aria-label="${t('networks.field.themes')}">${themes.map((th) => html`<li>${themeName(th, locale)}</li>`)}</ul>` : html``;
}

function networkNav(c: Ctx, n: NetworkDetail, current: string): Html {
  const t = c.get('t');
  const items: [string, string, boolean][] = [
    [`/networks/${n.slug}`, t('networks.nav.overview'), true],
    [`/networks/${n.slug}/members`, t('networks.nav.members'), n.abilities.viewMembers],
    [`/networks/${n.slug}/proposals`, t('networks.nav.proposals'), n.abilities.viewMembers],
    [`/networks/${n.slug}/coordination`, t('networks.nav.coordination'), n.abilities.coordinate],
  ];
  const shown = items.filter(([, , show]) => show);
  if (shown.length < 2) return html``;
  return html`<nav aria-label="${t('networks.nav.label')}"><ul class="tags">${shown
    .map(([p, label]) => html`<li>${p === current ? html`<a href="${link(c, p)}" aria-current="page">${label}</a>` : html`<a href="${link(c, p)}">${label}</a>`}</li>`)}</ul></nav>`;
}

export function listPage(c: Ctx, items: NetworkCard[], canCreate: boolean) {
  const t = c.get('t');
  const locale = c.get('locale');
  return page(c, {
    title: t('networks.list.title'),
    nav: null,
    body: html`<h1>${t('networks.list.title')}</h1>
<p>${t('networks.list.intro')}</p>
${canCreate ? html`<p class="actions"><a class="button" href="${link(c, '/networks/new')}">${t('networks.create.link')}</a></p>` : ''}
${items.length ? html`<ul class="cards">${items.map(
      (n) => html`<li class="card"><h2><a href="${link(c, `/networks/${n.slug}`)}"${langAttrs(n.name.lang, locale)}>${n.name.text}</a></h2>
<p class="meta">${n.regions.map((r) => labelFor(REGIONS, r, locale)).join(', ')} · ${t('networks.memberCount', { count: n.memberCount })} · ${policyLabel(t, n.joinPolicy)}</p>
${txt(n.purpose, locale, 'p')}${themeTags(t, locale, n.themes)}</li>`,
    )}</ul>` : html`<p>${t('networks.list.empty')}</p>`}`,
  });
}

export function networkPage(c: Ctx, n: NetworkDetail, slot: Html, purpose: ReaderView<'purpose'>) {
  const t = c.get('t');
  const locale = c.get('locale');
  const user = c.get('user');
  const a = n.abilities;
  let membership: Html = html``;
  if (!user) membership = html`<p class="actions"><a class="button" href="${link(c, `/networks/${n.slug}/join`)}">${t('networks.join.button')}</a></p>`;
  else if (n.standing.membership === 'pending') membership = html`<p class="flag">${t('networks.state.pending')}</p>`;
  else if (n.mustAcceptGuidelines)
    membership = html`<p class="flag">${t('networks.guidelines.again')}</p><p class="actions"><a class="button" href="${link(c, `/networks/${n.slug}/guidelines`)}">${t('networks.guidelines.review')}</a></p>`;
  else if (n.standing.membership === 'active') membership = html`<p class="flag">${t('networks.state.active')}</p>`;
  else if (a.join) membership = html`<p class="actions"><a class="button" href="${link(c, `/networks/${n.slug}/join`)}">${t('networks.join.button')}</a></p>`;
  return page(c, {
    title: n.name.text,
    nav: null,
    body: html`<h1${langAttrs(n.name.lang, locale)}>${n.name.text}</h1>
${networkNav(c, n, `/networks/${n.slug}`)}
<p class="meta">${n.regions.map((r) => labelFor(REGIONS, r, locale)).join(', ')} · ${t('networks.memberCount', { count: n.memberCount })} · ${policyLabel(t, n.joinPolicy)}</p>
${membership}
<h2>${t('networks.section.purpose')}</h2>
${translationNotice(t, locale, purpose, link(c, `/networks/${n.slug}`))}${userText(purpose.fields.purpose, true)}
<h2>${t('networks.section.coordinators')}</h2>
${n.coordinators.length ? html`<ul>${n.coordinators.map((x) => html`<li><bdi>${authorName(c, x.name)}</bdi></li>`)}</ul>` : html`<p>${t('networks.coordinators.none')}</p>`}
${n.overallCoordinators.length ? html`<p>${t('networks.coordinators.overall')} ${n.overallCoordinators.map((x, i) => html`${i ? ', ' : ''}<bdi>${authorName(c, x.name)}</bdi>`)}</p>` : ''}
<h2>${t('networks.section.themes')}</h2>
${n.themes.length ? themeTags(t, locale, n.themes) : html`<p>${t('networks.themes.none')}</p>`}
${slot}
<h2>${t('networks.section.recent')}</h2>
<p>${t('networks.recent.joined', { count: n.recent.joinedLast30Days })}</p>
${n.recent.accepted.length ? html`<ul>${n.recent.accepted.map((p) => html`<li>${p.kind === 'event' ? t('networks.proposal.kind.event') : t('networks.proposal.kind.theme')}: <span${langAttrs(p.lang, locale)}>${p.title}</span>${p.at ? html` <span class="hint">(${fmtDate(p.at, locale)})</span>` : ''}</li>`)}</ul>` : ''}
${a.leave ? html`<h2>${t('networks.leave.title')}</h2><form method="post" novalidate action="${link(c, `/networks/${n.slug}/leave`)}"><button type="submit" class="secondary">${t('networks.leave.button')}</button></form>` : ''}
${a.nameInstitutional ? html`<h2>${t('networks.institutional.title')}</h2><p>${t('networks.institutional.intro')}</p><form method="post" novalidate action="${link(c, `/networks/${n.slug}/institutional`)}">${input({ t, name: 'email', label: t('networks.field.email'), type: 'email', autocomplete: 'off', form: { values: {}, errors: {} } })}<button type="submit">${t('networks.institutional.button')}</button></form>` : ''}`,
  });
}

function guidelinesBlock(c: Ctx, n: NetworkDetail): Html {
  const t = c.get('t');
  const locale = c.get('locale');
  return html`<h2 id="guidelines">${t('networks.section.guidelines', { version: n.guidelinesVersion })}</h2>
${txt(n.guidelines, locale, 'p')}
<h2>${t('networks.section.confidentiality')}</h2>
${txt(n.confidentiality, locale, 'p')}`;
}

const JOIN_LABELS = (t: T) => ({
  category: t('networks.field.category'),
  organisationId: t('networks.field.organisation'),
  themes: t('networks.field.themes'),
  languages: t('networks.field.languages'),
  advisesWithoutFee: t('networks.field.advisesWithoutFee'),
  acceptGuidelines: t('networks.field.acceptGuidelines'),
  acceptConfidentiality: t('networks.field.acceptConfidentiality'),
});

export function joinPage(c: Ctx, n: NetworkDetail, organisations: { id: string; name: string }[], form: FormState, status: 200 | 400 = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  const labels = JOIN_LABELS(t);
  return page(c, {
    title: t('networks.join.title', { network: n.name.text }),
    nav: null,
    status,
    body: html`<h1>${t('networks.join.title', { network: n.name.text })}</h1>
<p>${n.joinPolicy === 'open' ? t('networks.join.introOpen') : t('networks.join.introModerated')}</p>
${errorSummary(t, form.errors, labels)}
<form method="post" action="${link(c, `/networks/${n.slug}/join`)}" novalidate>
${select({ t, name: 'category', label: labels.category, form, options: MEMBER_CATEGORIES.map((x) => ({ value: x, label: categoryLabel(t, x) })), blank: t('networks.field.choose'), required: true })}
${organisations.length ? select({ t, name: 'organisationId', label: labels.organisationId, hint: t('networks.field.organisationHint'), form, options: organisations.map((o) => ({ value: o.id, label: o.name })), blank: t('networks.field.asIndividual') }) : ''}
${checkboxes({ t, name: 'themes', label: labels.themes, form, options: n.themes.length ? n.themes.map((x) => ({ value: x, label: themeName(x, locale) })) : themeOptions(locale) })}
${languageChoices({ t, locale, name: 'languages', label: labels.languages, form })}
${checkbox({ t, name: 'advisesWithoutFee', label: labels.advisesWithoutFee, hint: t('networks.field.advisesWithoutFeeHint'), form })}
${guidelinesBlock(c, n)}
${checkbox({ t, name: 'acceptGuidelines', label: labels.acceptGuidelines, form, required: true })}
${checkbox({ t, name: 'acceptConfidentiality', label: labels.acceptConfidentiality, form, required: true })}
<button type="submit">${t('networks.join.submit')}</button>
</form>`,
  });
}

export function guidelinesPage(c: Ctx, n: NetworkDetail, form: FormState, status: 200 | 400 = 200) {
  const t = c.get('t');
  const labels = { acceptGuidelines: t('networks.field.acceptGuidelines'), acceptConfidentiality: t('networks.field.acceptConfidentiality') };
  return page(c, {
    title: t('networks.guidelines.title', { network: n.name.text }),
    nav: null,
    status,
    body: html`<h1>${t('networks.guidelines.title', { network: n.name.text })}</h1>
${n.mustAcceptGuidelines ? html`<p class="flag">${t('networks.guidelines.again')}</p>` : ''}
${errorSummary(t, form.errors, labels)}
${guidelinesBlock(c, n)}
${n.abilities.acceptGuidelines
  ? html`<form method="post" action="${link(c, `/networks/${n.slug}/guidelines`)}" novalidate>
${checkbox({ t, name: 'acceptGuidelines', label: labels.acceptGuidelines, form, required: true })}
${checkbox({ t, name: 'acceptConfidentiality', label: labels.acceptConfidentiality, form, required: true })}
<button type="submit">${t('networks.guidelines.accept')}</button></form>`
  : ''}
<p><a href="${link(c, `/networks/${n.slug}`)}">${t('networks.back', { network: n.name.text })}</a></p>`,
  });
}

function memberTable(c: Ctx, members: MemberView[]): Html {
  const t = c.get('t');
  const locale = c.get('locale');
  return html`<table><caption class="visually-hidden">${t('networks.members.caption')}</caption><thead><tr><th scope="col">${t('networks.field.name')}</th><th scope="col">${t('networks.field.category')}</th><th scope="col">${t('networks.field.organisation')}</th><th scope="col">${t('networks.field.themes')}</th><th scope="col">${t('networks.field.languages')}</th><th scope="col">${t('networks.field.advises')}</th></tr></thead><tbody>${members.map(
    (m) => html`<tr><td>${authorName(c, m.name)}</td><td>${categoryLabel(t, m.category)}</td><td>${m.organisation ?? ''}</td><td>${m.themes.map((x) => themeName(x, locale)).join(', ')}</td><td>${m.languages.map((x) => languageNameInline(x, locale)).join(', ')}</td><td>${m.advisesWithoutFee ? t('networks.yes') : t('networks.no')}</td></tr>`,
  )}</tbody></table>`;
}

export function membersPage(c: Ctx, n: NetworkDetail, members: MemberView[]) {
  const t = c.get('t');
  return page(c, {
    title: t('networks.members.title', { network: n.name.text }),
    nav: null,
    body: html`<h1>${t('networks.members.title', { network: n.name.text })}</h1>
${networkNav(c, n, `/networks/${n.slug}/members`)}
<p>${t('networks.memberCount', { count: members.length })}</p>
${n.abilities.coordinate ? html`<p class="actions"><a class="button secondary" href="${link(c, `/networks/${n.slug}/members.csv`)}">${t('networks.members.exportCsv')}</a> <a class="button secondary" href="${link(c, `/networks/${n.slug}/members.jsonl`)}">${t('networks.members.exportJsonl')}</a></p>` : ''}
${members.length ? memberTable(c, members) : html`<p>${t('networks.members.empty')}</p>`}`,
  });
}

function proposalItem(c: Ctx, n: NetworkDetail, p: ProposalView | (CoordinationView['proposals'][number] & { canSupport?: boolean }), decide: boolean, form?: FormState): Html {
  const t = c.get('t');
  const locale = c.get('locale');
  const state = p.state === 'accepted' ? t('networks.proposal.state.accepted') : p.state === 'declined' ? t('networks.proposal.state.declined') : t('networks.proposal.state.open');
  const id = `p-${p.id}`;
  return html`<li class="card"><h3${langAttrs(p.lang, locale)}>${p.title}</h3>
<p class="meta">${p.kind === 'event' ? t('networks.proposal.kind.event') : t('networks.proposal.kind.theme')} · ${authorName(c, p.authorName)} · ${fmtDate(p.createdAt, locale)} · ${state} · ${t('networks.proposal.supports', { count: p.supports })}</p>
<p class="prewrap"${langAttrs(p.lang, locale)}>${p.description}</p>
${p.reason ? html`<p>${t('networks.proposal.reason')} <span${langAttrs(p.lang, locale)}>${p.reason}</span></p>` : ''}
${p.canSupport ? html`<form method="post" novalidate action="${link(c, `/networks/${n.slug}/proposals/${p.id}/support`)}"><button type="submit" class="secondary">${t('networks.proposal.support')}<span class="visually-hidden">: <bdi>${p.title}</bdi></span></button></form>` : ''}
${decide
  ? html`<form method="post" action="${link(c, `/networks/${n.slug}/proposals/${p.id}/decide`)}" novalidate>
<fieldset><legend>${t('networks.proposal.decide')}<span class="visually-hidden">: <bdi>${p.title}</bdi></span></legend>
<div class="field"><label for="${id}-reason">${t('networks.field.reason')}</label><span class="hint" id="${id}-hint">${t('networks.field.reasonHint')}</span>${form?.errors.reason ? html`<span class="error-text" id="${id}-err">${t(form.errors.reason)}</span>` : ''}<textarea id="${id}-reason" name="reason" rows="2" aria-describedby="${id}-hint"></textarea></div>
<button type="submit" name="decision" value="approve">${t('networks.proposal.accept')}</button> <button type="submit" name="decision" value="decline" class="secondary">${t('networks.proposal.decline')}</button></fieldset></form>`
  : ''}</li>`;
}

export function proposalsPage(c: Ctx, n: NetworkDetail, proposals: ProposalView[]) {
  const t = c.get('t');
  return page(c, {
    title: t('networks.proposals.title', { network: n.name.text }),
    nav: null,
    body: html`<h1>${t('networks.proposals.title', { network: n.name.text })}</h1>
${networkNav(c, n, `/networks/${n.slug}/proposals`)}
<p>${t('networks.proposals.intro')}</p>
${n.abilities.propose ? html`<p class="actions"><a class="button" href="${link(c, `/networks/${n.slug}/proposals/new`)}">${t('networks.proposals.new')}</a></p>` : n.mustAcceptGuidelines ? html`<p class="flag"><a href="${link(c, `/networks/${n.slug}/guidelines`)}">${t('networks.guidelines.again')}</a></p>` : ''}
${proposals.length ? html`<ul class="cards">${proposals.map((p) => proposalItem(c, n, p, false))}</ul>` : html`<p>${t('networks.proposals.empty')}</p>`}`,
  });
}

export function proposalFormPage(c: Ctx, n: NetworkDetail, form: FormState, status: 200 | 400 = 200) {
  const t = c.get('t');
  const labels = { kind: t('networks.field.kind'), title: t('networks.field.title'), description: t('networks.field.description') };
  return page(c, {
    title: t('networks.proposals.new'),
    nav: null,
    status,
    body: html`<h1>${t('networks.proposals.new')}</h1>
<p>${t('networks.proposals.formIntro', { network: n.name.text })}</p>
${errorSummary(t, form.errors, labels)}
<form method="post" action="${link(c, `/networks/${n.slug}/proposals`)}" novalidate>
${select({ t, name: 'kind', label: labels.kind, form, options: [{ value: 'event', label: t('networks.proposal.kind.event') }, { value: 'theme', label: t('networks.proposal.kind.theme') }], required: true })}
${input({ t, name: 'title', label: labels.title, form, maxlength: 200, required: true })}
${textarea({ t, name: 'description', label: labels.description, hint: t('networks.field.descriptionHint'), form, rows: 6, required: true })}
<button type="submit">${t('networks.proposals.submit')}</button>
</form>`,
  });
}

/** A request to join, as a card (readable at phone width), with the decision form. */
function pendingCard(c: Ctx, m: MemberView, decision: Html): Html {
  const t = c.get('t');
  const locale = c.get('locale');
  return html`<li class="card"><h3>${authorName(c, m.name)}</h3>
<p class="meta">${categoryLabel(t, m.category)}${m.organisation ? html` · ${m.organisation}` : ''} · ${fmtDate(m.createdAt, locale)}</p>
${m.themes.length ? html`<p>${t('networks.pending.themes', { list: m.themes.map((x) => themeName(x, locale)).join(', ') })}</p>` : ''}
${m.languages.length ? html`<p>${t('networks.pending.languages', { list: m.languages.map((x) => languageNameInline(x, locale)).join(', ') })}</p>` : ''}
<p>${m.advisesWithoutFee ? t('networks.pending.advises') : t('networks.pending.notAdvises')}</p>
${decision}</li>`;
}

export function coordinationPage(c: Ctx, v: CoordinationView, forms: { decision?: { id: string; form: FormState }; guidelines?: FormState; coordinator?: FormState } = {}, status: 200 | 400 = 200) {
  const t = c.get('t');
  const n = v.network;
  const gForm = forms.guidelines ?? { values: { lang: c.get('locale') }, errors: {} };
  const cForm = forms.coordinator ?? { values: {}, errors: {} };
  const decisionFor = (m: MemberView) => {
    const f = forms.decision?.id === m.membershipId ? forms.decision.form : undefined;
    const id = `m-${m.membershipId}`;
    return html`<form method="post" action="${link(c, `/networks/${n.slug}/members/${m.membershipId}/decide`)}" novalidate>
<div class="field"><label for="${id}-reason">${t('networks.field.reason')}<span class="visually-hidden">: <bdi>${authorName(c, m.name)}</bdi></span></label>${f?.errors.reason ? html`<span class="error-text" id="${id}-err">${t(f.errors.reason)}</span>` : ''}<textarea id="${id}-reason" name="reason" rows="2"${f?.errors.reason ? html` aria-describedby="${id}-err" aria-invalid="true"` : ''}></textarea></div>
<button type="submit" name="decision" value="approve">${t('networks.decide.approve')}<span class="visually-hidden">: <bdi>${authorName(c, m.name)}</bdi></span></button> <button type="submit" name="decision" value="decline" class="secondary">${t('networks.decide.decline')}<span class="visually-hidden">: <bdi>${authorName(c, m.name)}</bdi></span></button></form>`;
  };
  const allErrors = { ...(forms.decision?.form.errors ?? {}), ...gForm.errors, ...cForm.errors };
  return page(c, {
    title: t('networks.coordination.title', { network: n.name.text }),
    nav: null,
    status,
    body: html`<h1>${t('networks.coordination.title', { network: n.name.text })}</h1>
${networkNav(c, n, `/networks/${n.slug}/coordination`)}
${errorSummary(t, allErrors, { reason: t('networks.field.reason'), guidelines: t('networks.field.guidelines'), confidentiality: t('networks.field.confidentiality'), email: t('networks.field.email'), lang: t('networks.field.lang') })}
<h2>${t('networks.coordination.pending')}</h2>
${v.pending.length ? html`<ul class="cards">${v.pending.map((m) => pendingCard(c, m, decisionFor(m)))}</ul>` : html`<p>${t('networks.coordination.noPending')}</p>`}
<h2>${t('networks.coordination.proposals')}</h2>
${v.proposals.length ? html`<ul class="cards">${v.proposals.map((p) => proposalItem(c, n, p, true, forms.decision?.id === p.id ? forms.decision.form : undefined))}</ul>` : html`<p>${t('networks.proposals.empty')}</p>`}
<h2>${t('networks.coordination.guidelines')}</h2>
<p>${t('networks.coordination.guidelinesIntro', { version: n.guidelinesVersion })}</p>
<form method="post" action="${link(c, `/networks/${n.slug}/guidelines/version`)}" novalidate>
${select({ t, name: 'lang', label: t('networks.field.lang'), form: gForm, options: LOCALES.map((l) => ({ value: l, label: languageNameInline(l, c.get('locale')) })) })}
${textarea({ t, name: 'guidelines', label: t('networks.field.guidelines'), form: gForm, rows: 6 })}
${textarea({ t, name: 'confidentiality', label: t('networks.field.confidentiality'), form: gForm, rows: 4 })}
<button type="submit">${t('networks.coordination.publishGuidelines')}</button></form>
${n.abilities.nameCoordinator
  ? html`<h2>${t('networks.coordination.nameCoordinator')}</h2><form method="post" action="${link(c, `/networks/${n.slug}/coordinators`)}" novalidate>${input({ t, name: 'email', label: t('networks.field.email'), type: 'email', autocomplete: 'off', form: cForm })}${checkbox({ t, name: 'overall', label: t('networks.field.overall'), hint: t('networks.field.overallHint'), form: cForm })}<button type="submit">${t('networks.coordination.nameCoordinatorButton')}</button></form>`
  : ''}`,
  });
}

export function createPage(c: Ctx, form: FormState, status: 200 | 400 = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  const labels: Record<string, string> = {
    slug: t('networks.field.slug'),
    name: t('networks.field.networkName'),
    purpose: t('networks.field.purpose'),
    regions: t('networks.field.regions'),
    themes: t('networks.field.themes'),
    joinPolicy: t('networks.field.joinPolicy'),
    guidelines: t('networks.field.guidelines'),
    confidentiality: t('networks.field.confidentiality'),
  };
  const perLang = (field: string, area: boolean) =>
    html`<fieldset id="f-${field}"><legend>${labels[field]}</legend>${form.errors[field] ? html`<p class="error-text">${t(form.errors[field]!)}</p>` : ''}${LOCALES.map((l) => {
      const name = `${field}.${l}`;
      const sub = { t, name, label: languageNameInline(l, locale), form };
      return area ? textarea({ ...sub, rows: 3 }) : input(sub);
    })}</fieldset>`;
  return page(c, {
    title: t('networks.create.title'),
    nav: null,
    status,
    body: html`<h1>${t('networks.create.title')}</h1>
${errorSummary(t, form.errors, labels)}
<form method="post" action="${link(c, '/networks')}" novalidate>
${input({ t, name: 'slug', label: labels.slug!, hint: t('networks.field.slugHint'), form, required: true })}
${perLang('name', false)}
${perLang('purpose', true)}
${checkboxes({ t, name: 'regions', label: labels.regions!, form, options: optionsOf(REGIONS, locale, true) })}
${checkboxes({ t, name: 'themes', label: labels.themes!, form, options: themeOptions(locale) })}
${select({ t, name: 'joinPolicy', label: labels.joinPolicy!, form, options: [{ value: 'moderated', label: t('networks.policy.moderated') }, { value: 'open', label: t('networks.policy.open') }] })}
${perLang('guidelines', true)}
${perLang('confidentiality', true)}
<button type="submit">${t('networks.create.submit')}</button>
</form>`,
  });
}
