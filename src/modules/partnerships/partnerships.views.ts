/** Pages of partnerships: the list with filters, a partnership, the record form, open to cooperation, direct requests; the sections drawn on other modules' pages. */
import { html } from 'hono/html';
import type { Ctx } from '../../platform/http.ts';
import type { T, Locale } from '../../platform/i18n.ts';
import { page, link } from '../../platform/render.ts';
import type { Html } from '../../platform/html/layout.ts';
import { input, textarea, select, checkbox, checkboxes, errorSummary, emptyForm, type FormState } from '../../platform/html/form.ts';
import { userText } from '../../platform/html/user-content.ts';
import { fmtDate } from '../../platform/html/format.ts';
import { optionsOf, labelFor } from '../../taxonomy/labels.ts';
import { APPROACHES } from '../../taxonomy/approaches.ts';
import { themeName, themeOptions } from '../../taxonomy/names.ts';
import { countryName, countryOptions } from '../../taxonomy/countries.ts';
import type { PartnershipCard, PartnershipPage, RequestPage, listPartnerships, organisationSection, requestForm, myRequests, openOrganisations } from './partnerships.service.ts';

const approachName = (code: string, locale: Locale) => labelFor(APPROACHES, code, locale);

function originLabel(t: T, o: string): string {
  return ({ recorded: t('partnerships.origin.recorded'), exchange: t('partnerships.origin.exchange'), request: t('partnerships.origin.request') } as Record<string, string>)[o] ?? o;
}
function kindLabel(t: T, k: string): string {
  return (
    {
      proposed: t('partnerships.entry.proposed'), accepted: t('partnerships.entry.accepted'), note: t('partnerships.entry.note'), activity: t('partnerships.entry.activity'),
      charter: t('partnerships.entry.charter'), created: t('partnerships.entry.created'), invited: t('partnerships.entry.invited'), confirmed: t('partnerships.entry.confirmed'),
      exchange_held: t('partnerships.entry.exchangeHeld'), exchange_closed: t('partnerships.entry.exchangeClosed'), request_accepted: t('partnerships.entry.requestAccepted'),
    } as Record<string, string>
  )[k] ?? k;
}

function card(c: Ctx, p: PartnershipCard): Html {
  const t = c.get('t');
  const locale = c.get('locale');
  return html`<li class="card"><h3><a href="${link(c, `/partnerships/${p.id}`)}">${userText({ text: p.title, lang: p.lang })}</a></h3>
<p class="meta">${p.approaches.map((a) => approachName(a, locale)).join(' · ')}${p.since ? html` · ${t('partnerships.since', { date: fmtDate(p.since, locale) })}` : ''}${p.state === 'proposed' ? html` · <span class="badge">${t('partnerships.state.proposed')}</span>` : ''}</p>
<p>${p.partners.map((m, i) => html`${i ? ', ' : ''}<span dir="auto">${m.name}</span> (${countryName(m.country, locale)})`)}</p></li>`;
}

export function listPage(c: Ctx, d: Awaited<ReturnType<typeof listPartnerships>>) {
  const t = c.get('t');
  const locale = c.get('locale');
  const form = emptyForm(d.query as Record<string, unknown>);
  const all = t('partnerships.filter.all');
  return page(c, {
    title: t('partnerships.list.title'),
    body: html`<h1>${t('partnerships.list.title')}</h1><p>${t('partnerships.list.intro')}</p>
${d.canRecord ? html`<p><a class="button" href="${link(c, '/partnerships/new')}">${t('partnerships.record.link')}</a></p>` : ''}
<p><a href="${link(c, '/open-to-cooperation')}">${t('partnerships.open.listLink')}</a>${c.get('user') ? html` · <a href="${link(c, '/cooperation-requests')}">${t('partnerships.requests.title')}</a>` : ''}</p>
<div class="layout-search"><form method="get" action="${link(c, '/partnerships')}" class="filters" role="search" aria-label="${t('partnerships.filter.label')}">
${select({ t, name: 'approach', label: t('partnerships.field.approach'), form, options: optionsOf(APPROACHES, locale, true), blank: all })}
${select({ t, name: 'theme', label: t('partnerships.field.theme'), form, options: themeOptions(locale), blank: all })}
${select({ t, name: 'country', label: t('partnerships.field.country'), form, options: countryOptions(locale), blank: all })}
<button type="submit">${t('partnerships.filter.submit')}</button></form>
<section aria-labelledby="h-results"><h2 id="h-results">${t('partnerships.list.count', { count: d.items.length })}</h2>
${d.items.length ? html`<ul class="cards">${d.items.map((p) => card(c, p))}</ul>` : html`<p>${t('partnerships.list.none')}</p>`}</section></div>`,
  });
}

const recordLabels = (t: T): Record<string, string> => ({
  organisationId: t('partnerships.field.organisation'), partners: t('partnerships.field.partners'), title: t('partnerships.field.title'), summary: t('partnerships.field.summary'),
  approaches: t('partnerships.field.approaches'), themes: t('partnerships.field.themes'), since: t('partnerships.field.since'), charterDate: t('partnerships.field.charterDate'), wantsPublic: t('partnerships.field.wantsPublic'),
});

export function recordPage(c: Ctx, d: { organisations: { id: string; name: string }[]; partner: { id: string; name: string } | null }, form: FormState, status = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  const labels = recordLabels(t);
  return page(c, {
    title: t('partnerships.record.title'),
    status,
    body: html`<h1>${t('partnerships.record.title')}</h1>
${d.organisations.length === 0 ? html`<p>${t('partnerships.record.notAdmin')}</p>` : html`<form method="post" novalidate action="${link(c, '/partnerships')}" class="stack">
${errorSummary(t, form.errors, labels)}
${select({ t, name: 'organisationId', label: labels.organisationId!, form, options: d.organisations.map((o) => ({ value: o.id, label: o.name })), required: true })}
${d.partner ? html`<input type="hidden" name="partners" value="${d.partner.id}"><p>${t('partnerships.record.with', { name: d.partner.name })}</p>` : html`<p class="hint">${t('partnerships.record.partnersLater')}</p>`}
${input({ t, name: 'title', label: labels.title!, form, required: true, maxlength: 200 })}
${checkboxes({ t, name: 'approaches', label: labels.approaches!, form, options: optionsOf(APPROACHES, locale, true) })}
${input({ t, name: 'charterDate', label: labels.charterDate!, form, type: 'date', hint: t('partnerships.field.charterHint') })}
${input({ t, name: 'since', label: labels.since!, form, type: 'date' })}
${select({ t, name: 'themes', label: labels.themes!, form, options: themeOptions(locale), blank: '—' })}
${textarea({ t, name: 'summary', label: labels.summary!, form, rows: 4 })}
${checkbox({ t, name: 'wantsPublic', label: labels.wantsPublic!, form, hint: t('partnerships.field.wantsPublicHint') })}
<button type="submit">${t('partnerships.record.submit')}</button></form>`}`,
  });
}

export function partnershipPage(c: Ctx, p: PartnershipPage, forms: { entry?: FormState; invite?: FormState; choices?: { id: string; name: string; country: string }[]; document?: string } = {}, status = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  const entry = forms.entry ?? emptyForm();
  const invite = forms.invite ?? emptyForm();
  const a = p.abilities;
  return page(c, {
    title: p.title,
    status,
    body: html`<h1>${userText({ text: p.title, lang: p.lang })}</h1>
${p.summary ? html`<div>${userText({ text: p.summary, lang: p.lang }, true)}</div>` : ''}
<dl class="facts">
<dt>${t('partnerships.field.approaches')}</dt><dd>${p.approaches.map((x) => approachName(x, locale)).join(', ')}</dd>
${p.charterDate ? html`<dt>${t('partnerships.field.charterDate')}</dt><dd>${fmtDate(p.charterDate, locale)}</dd>` : ''}
${p.since ? html`<dt>${t('partnerships.field.since')}</dt><dd>${fmtDate(p.since, locale)}</dd>` : ''}
${p.themes.length ? html`<dt>${t('partnerships.field.themes')}</dt><dd>${p.themes.map((x) => themeName(x, locale)).join(', ')}</dd>` : ''}
<dt>${t('partnerships.field.origin')}</dt><dd>${originLabel(t, p.origin)}${p.exchangeId ? html` (<a href="${link(c, `/exchanges/${p.exchangeId}`)}">${t('partnerships.exchangeLink')}</a>)` : ''}</dd>
<dt>${t('partnerships.field.state')}</dt><dd>${p.state === 'active' ? (p.isPublic ? t('partnerships.state.public') : t('partnerships.state.active')) : t('partnerships.state.proposed')}</dd>
</dl>
<section aria-labelledby="h-partners"><h2 id="h-partners">${t('partnerships.partners')}</h2><ul>${p.partners.map(
      (m) => html`<li><a href="${link(c, `/organisations/${m.organisationId}`)}" dir="auto">${m.name}</a> (${countryName(m.country, locale)}) — ${m.confirmed ? t('partnerships.confirmed') : t('partnerships.waiting')}</li>`,
    )}</ul>
${a.confirmFor.map(
      (m) => html`<form method="post" novalidate action="${link(c, `/partnerships/${p.id}/confirm`)}"><input type="hidden" name="organisationId" value="${m.organisationId}"><button type="submit">${t('partnerships.confirmFor', { name: m.name })}</button></form>`,
    )}
${a.invite ? html`<form method="post" novalidate action="${link(c, `/partnerships/${p.id}/partners`)}" class="stack"><h3>${t('partnerships.invite.title')}</h3>
${errorSummary(t, invite.errors, { organisation: t('partnerships.invite.organisation') })}
${forms.choices?.length ? html`<fieldset><legend>${t('partnerships.invite.choose')}</legend>${forms.choices.map((o, i) => html`<div class="choice"><input type="radio" id="o-${i}" name="organisationId" value="${o.id}"${i === 0 ? ' checked' : ''}><label for="o-${i}"><span dir="auto">${o.name}</span> (${countryName(o.country, locale)})</label></div>`)}</fieldset>` : ''}
${input({ t, name: 'organisation', label: t('partnerships.invite.organisation'), form: invite, maxlength: 200 })}
<button type="submit">${t('partnerships.invite.submit')}</button></form>` : ''}</section>
<section aria-labelledby="h-history"><h2 id="h-history">${t('partnerships.history')}</h2>
${p.history.length ? html`<ol class="timeline">${p.history.map(
      (h) => html`<li><p class="meta">${h.day ? fmtDate(h.day, locale) : fmtDate(h.at, locale)} · ${kindLabel(t, h.kind)}${h.actor_name && a.contribute ? html` · <span dir="auto">${h.actor_name}</span>` : ''}</p>
${h.title ? (h.exchange_id && a.contribute ? html`<p><a href="${link(c, `/exchanges/${h.exchange_id}`)}">${userText({ text: h.title, lang: h.lang })}</a></p>` : html`<p>${userText({ text: h.title, lang: h.lang })}</p>`) : ''}${h.note ? html`<div class="pre">${userText({ text: h.note, lang: h.lang }, true)}</div>` : ''}</li>`,
    )}</ol>` : html`<p>${t('partnerships.historyNone')}</p>`}
${a.contribute ? html`<form method="post" novalidate action="${link(c, `/partnerships/${p.id}/history`)}" class="stack"><h3>${t('partnerships.entry.add')}</h3>
${errorSummary(t, entry.errors, { day: t('partnerships.entry.day'), title: t('partnerships.entry.title'), note: t('partnerships.entry.noteField') })}
${input({ t, name: 'day', label: t('partnerships.entry.day'), form: entry, type: 'date' })}
${input({ t, name: 'title', label: t('partnerships.entry.title'), form: entry, required: true, maxlength: 200 })}
${textarea({ t, name: 'note', label: t('partnerships.entry.noteField'), form: entry, rows: 3 })}
<button type="submit">${t('partnerships.entry.save')}</button></form>` : ''}</section>
${a.contribute ? html`<section aria-labelledby="h-docs"><h2 id="h-docs">${t('partnerships.documents')}</h2>
${p.documents.length ? html`<ul>${p.documents.map((d) => html`<li><a href="${link(c, `/partnerships/${p.id}/documents/${d.id}`)}" dir="auto">${d.label}</a> · ${fmtDate(d.createdAt, locale)}</li>`)}</ul>` : html`<p>${t('partnerships.documentsNone')}</p>`}
<form method="post" novalidate enctype="multipart/form-data" action="${link(c, `/partnerships/${p.id}/documents`)}" class="stack">
${forms.document ? html`<p class="error-text" role="alert" id="e-file">${t(forms.document)}</p>` : ''}
<div class="field"><label for="f-file">${t('partnerships.documentFile')}</label><input type="file" id="f-file" name="file" accept=".pdf,.docx,.odt,.png,.jpg,.jpeg"${forms.document ? html` aria-describedby="e-file" aria-invalid="true"` : ''}></div>
<button type="submit">${t('partnerships.documentUpload')}</button></form></section>` : ''}`,
  });
}

/** On an organisation's page (slot `organisations.page`). */
export function organisationSectionView(c: Ctx, s: Awaited<ReturnType<typeof organisationSection>>): Html {
  const t = c.get('t');
  const locale = c.get('locale');
  const o = s.opening;
  return html`<section aria-labelledby="h-coop"><h2 id="h-coop">${t('partnerships.section.title')}</h2>
${o ? html`<p><span class="badge">${t('partnerships.open.badge')}</span> ${o.themes.map((x) => themeName(x, locale)).join(', ')}</p><blockquote>${userText({ text: o.statement, lang: o.lang }, true)}</blockquote>` : ''}
${s.partnerships.length ? html`<ul class="cards">${s.partnerships.map((p) => card(c, p))}</ul>` : ''}
<p class="actions">${s.canRequest ? html`<a class="button" href="${link(c, `/organisations/${s.organisationId}/cooperation-request`)}">${t('partnerships.request.link')}</a> ` : ''}${s.canRecordWith ? html`<a href="${link(c, `/partnerships/new?with=${s.organisationId}`)}">${t('partnerships.record.withLink')}</a> ` : ''}${s.isAdmin ? html`<a href="${link(c, `/organisations/${s.organisationId}/open-to-cooperation`)}">${t('partnerships.open.editLink')}</a>` : ''}</p></section>`;
}

/** On a directory card (slot `organisations.card`). */
export function openBadge(c: Ctx): Html {
  return html`<p><span class="badge">${c.get('t')('partnerships.open.badge')}</span></p>`;
}

/** In the directory (slot `organisations.directory`) and the advisor (slot `knowledge.advisor`): organisations open to cooperation. */
export function openList(c: Ctx, list: Awaited<ReturnType<typeof openOrganisations>>, theme: string | null, headingKey: 'partnerships.open.inDirectory' | 'partnerships.open.inAdvisor'): Html {
  const t = c.get('t');
  const locale = c.get('locale');
  if (!list.length) return html``;
  return html`<section aria-labelledby="h-open-${headingKey.slice(-3)}"><h2 id="h-open-${headingKey.slice(-3)}">${t(headingKey)}</h2><ul>${list.map(
    (o) => html`<li><a href="${link(c, `/organisations/${o.id}`)}" dir="auto">${o.name}</a> (${countryName(o.country, locale)}) <span class="badge">${t('partnerships.open.badge')}</span> ${o.themes.map((x) => themeName(x, locale)).join(', ')}</li>`,
  )}</ul><p><a href="${link(c, `/open-to-cooperation${theme ? `?theme=${encodeURIComponent(theme)}` : ''}`)}">${t('partnerships.open.listLink')}</a></p></section>`;
}

export function openPage(c: Ctx, list: Awaited<ReturnType<typeof openOrganisations>>, theme: string | null) {
  const t = c.get('t');
  const locale = c.get('locale');
  const form = emptyForm({ theme: theme ?? '' });
  return page(c, {
    title: t('partnerships.open.title'),
    body: html`<h1>${t('partnerships.open.title')}</h1><p>${t('partnerships.open.intro')}</p>
<form method="get" action="${link(c, '/open-to-cooperation')}" class="filters" role="search" aria-label="${t('partnerships.filter.label')}">${select({ t, name: 'theme', label: t('partnerships.field.theme'), form, options: themeOptions(locale), blank: t('partnerships.filter.all') })}<button type="submit">${t('partnerships.filter.submit')}</button></form>
${list.length ? html`<ul class="cards">${list.map(
      (o) => html`<li class="card"><h2><a href="${link(c, `/organisations/${o.id}`)}" dir="auto">${o.name}</a></h2><p class="meta">${countryName(o.country, locale)} · ${o.themes.map((x) => themeName(x, locale)).join(', ')}</p>${userText({ text: o.statement, lang: o.lang }, true)}</li>`,
    )}</ul>` : html`<p>${t('partnerships.list.none')}</p>`}`,
  });
}

export function openingFormPage(c: Ctx, organisationId: string, form: FormState, status = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  const labels = { open: t('partnerships.open.field'), themes: t('partnerships.field.themes'), statement: t('partnerships.open.statement') };
  return page(c, {
    title: t('partnerships.open.formTitle'),
    status,
    body: html`<h1>${t('partnerships.open.formTitle')}</h1><p>${t('partnerships.open.intro')}</p>
<form method="post" novalidate action="${link(c, `/organisations/${organisationId}/open-to-cooperation`)}" class="stack">${errorSummary(t, form.errors, labels)}
${checkbox({ t, name: 'open', label: labels.open, form })}
${checkboxes({ t, name: 'themes', label: labels.themes, form, options: themeOptions(locale) })}
${textarea({ t, name: 'statement', label: labels.statement, form, rows: 4, hint: t('partnerships.open.statementHint') })}
<button type="submit">${t('partnerships.open.save')}</button></form>`,
  });
}

export function requestFormPage(c: Ctx, d: Awaited<ReturnType<typeof requestForm>>, form: FormState, status = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  const labels = { fromOrganisationId: t('partnerships.request.from'), theme: t('partnerships.field.theme'), message: t('partnerships.request.message') };
  const heading = t('partnerships.request.title', { name: d.peer.name });
  return page(c, {
    title: heading,
    status,
    body: html`<h1>${heading}</h1><p>${t('partnerships.request.intro')}</p>
${d.opening ? html`<p><span class="badge">${t('partnerships.open.badge')}</span></p><blockquote>${userText({ text: d.opening.statement, lang: d.opening.lang }, true)}</blockquote>` : ''}
${d.organisations.length === 0 ? html`<p>${t('partnerships.request.noOrganisation')}</p>` : html`<form method="post" novalidate action="${link(c, `/organisations/${d.peer.id}/cooperation-request`)}" class="stack">${errorSummary(t, form.errors, labels)}
${select({ t, name: 'fromOrganisationId', label: labels.fromOrganisationId, form, options: d.organisations.map((o) => ({ value: o.id, label: o.name })), required: true })}
${select({ t, name: 'theme', label: labels.theme, form, options: themeOptions(locale), blank: '—', required: true })}
${textarea({ t, name: 'message', label: labels.message, form, rows: 5, required: true, hint: t('partnerships.request.messageHint') })}
<button type="submit">${t('partnerships.request.submit')}</button></form>`}
${d.suggestions.length ? html`<section aria-labelledby="h-sugg"><h2 id="h-sugg">${t('partnerships.request.suggestions')}</h2><ul>${d.suggestions.map(
      (s) => html`<li><a href="${link(c, `/organisations/${s.id}/cooperation-request`)}" dir="auto">${s.name}</a>${s.country ? html` (${countryName(s.country, locale)})` : ''}</li>`,
    )}</ul></section>` : ''}
<form method="get" action="${link(c, `/organisations/${d.peer.id}/cooperation-request`)}" class="filters">${select({ t, name: 'suggest', label: t('partnerships.request.suggestOn'), form: emptyForm({ suggest: form.values.suggest ?? '' }), options: themeOptions(locale), blank: '—' })}<button type="submit">${t('partnerships.request.suggest')}</button></form>`,
  });
}

export function requestPage(c: Ctx, r: RequestPage, form: FormState = emptyForm(), status = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  const heading = t('partnerships.request.pageTitle', { from: r.from.name, to: r.to.name });
  const stateText = r.state === 'accepted' ? t('partnerships.request.accepted') : r.state === 'declined' ? t('partnerships.request.declined') : t('partnerships.request.waiting');
  return page(c, {
    title: heading,
    status,
    body: html`<h1>${heading}</h1>
<dl class="facts"><dt>${t('partnerships.field.theme')}</dt><dd>${themeName(r.theme, locale)}</dd><dt>${t('partnerships.field.state')}</dt><dd>${stateText}</dd><dt>${t('partnerships.request.sent')}</dt><dd>${fmtDate(r.createdAt, locale)}</dd></dl>
<h2>${t('partnerships.request.message')}</h2>${userText({ text: r.message, lang: r.lang }, true)}
${r.answer ? html`<h2>${t('partnerships.request.answer')}</h2>${userText({ text: r.answer, lang: null }, true)}` : ''}
${r.partnershipId ? html`<p><a href="${link(c, `/partnerships/${r.partnershipId}`)}">${t('partnerships.request.toPartnership')}</a></p>` : ''}
${r.canAnswer ? html`<form method="post" novalidate action="${link(c, `/cooperation-requests/${r.id}/answer`)}" class="stack">${errorSummary(t, form.errors, { decision: t('partnerships.request.decision'), message: t('partnerships.request.answer') })}
<fieldset${form.errors.decision ? html` aria-describedby="e-decision"` : ''}><legend id="f-decision">${t('partnerships.request.decision')}</legend>${form.errors.decision ? html`<span class="error-text" id="e-decision">${t(form.errors.decision)}</span>` : ''}
<div class="choice"><input type="radio" id="d-accept" name="decision" value="accept"${form.values.decision === 'accept' ? ' checked' : ''}><label for="d-accept">${t('partnerships.request.accept')}</label></div>
<div class="choice"><input type="radio" id="d-decline" name="decision" value="decline"${form.values.decision === 'decline' ? ' checked' : ''}><label for="d-decline">${t('partnerships.request.decline')}</label></div></fieldset>
${textarea({ t, name: 'message', label: t('partnerships.request.answer'), form, rows: 4 })}
<button type="submit">${t('partnerships.request.answerSubmit')}</button></form>` : ''}`,
  });
}

export function inboxPage(c: Ctx, list: Awaited<ReturnType<typeof myRequests>>) {
  const t = c.get('t');
  const locale = c.get('locale');
  const state = (s: string) => (s === 'accepted' ? t('partnerships.request.accepted') : s === 'declined' ? t('partnerships.request.declined') : t('partnerships.request.waiting'));
  return page(c, {
    title: t('partnerships.requests.title'),
    body: html`<h1>${t('partnerships.requests.title')}</h1>
${list.length ? html`<table><thead><tr><th scope="col">${t('partnerships.requests.direction')}</th><th scope="col">${t('partnerships.requests.between')}</th><th scope="col">${t('partnerships.field.theme')}</th><th scope="col">${t('partnerships.field.state')}</th><th scope="col">${t('partnerships.request.sent')}</th></tr></thead><tbody>${list.map(
      (r) => html`<tr><td>${r.incoming ? t('partnerships.requests.incoming') : t('partnerships.requests.outgoing')}</td><td><a href="${link(c, `/cooperation-requests/${r.id}`)}"><span dir="auto">${r.fromName}</span> → <span dir="auto">${r.toName}</span></a></td><td>${themeName(r.theme, locale)}</td><td>${state(r.state)}</td><td>${fmtDate(r.createdAt, locale)}</td></tr>`,
    )}</tbody></table>` : html`<p>${t('partnerships.requests.none')}</p>`}`,
  });
}
