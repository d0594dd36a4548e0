/** Pages of requests: my requests, start, the step form, the request page with its actions, the review form, the broker's dashboard. */
import { html } from 'hono/html';
import type { Ctx } from '../../platform/http.ts';
import { page, link } from '../../platform/render.ts';
import type { Html } from '../../platform/html/layout.ts';
import { input, textarea, select, checkboxes, errorSummary, type FormState } from '../../platform/html/form.ts';
import type { T } from '../../platform/i18n.ts';
import { optionsOf } from '../../taxonomy/labels.ts';
import { EXCHANGE_FORMATS } from '../../taxonomy/formats.ts';
import { SDGS } from '../../taxonomy/sdgs.ts';
import { languageName } from '../../taxonomy/languages.ts';
import { languageChoices } from '../../platform/html/languages.ts';
import { labelOf } from '../../taxonomy/labels.ts';
import { countryName } from '../../taxonomy/countries.ts';
import { themeOptions, themeName, formatName } from '../../taxonomy/names.ts';
import { fmtDate, numberFormat, tags } from '../../platform/html/format.ts';
import { STEPS, type Step } from './requests.schema.ts';
import type { RequestDetail, RequestCard, StartForm } from './requests.service.ts';
import type { EligibilityView, ReviewForm, ScoreBoard, DecisionView } from './requests.selection.ts';
import { REQUEST_STATES, type RequestState } from './requests.workflow.ts';
import type { NextOpening } from '../programmes/programmes.service.ts';
import type { Dashboard } from './requests.dashboard.ts';
import type { AttachmentView } from '../files/files.service.ts';
import { userText, translationNotice, type ReaderView, type ShownText } from '../../platform/html/user-content.ts';

export function stateLabel(t: T, s: RequestState | string): string {
  const labels: Record<string, string> = {
    draft: t('requests.state.draft'),
    submitted: t('requests.state.submitted'),
    eligible: t('requests.state.eligible'),
    ineligible: t('requests.state.ineligible'),
    under_review: t('requests.state.underReview'),
    selected: t('requests.state.selected'),
    rejected: t('requests.state.rejected'),
    waiting_list: t('requests.state.waitingList'),
    withdrawn: t('requests.state.withdrawn'),
    matched: t('requests.state.matched'),
  };
  return labels[s] ?? s;
}

export function stepLabel(t: T, s: Step): string {
  return {
    challenge: t('requests.step.challenge'),
    objectives: t('requests.step.objectives'),
    scope: t('requests.step.scope'),
    participants: t('requests.step.participants'),
    cofunding: t('requests.step.cofunding'),
  }[s];
}

function fieldLabels(t: T): Record<string, string> {
  return {
    title: t('requests.field.title'),
    challenge: t('requests.field.challenge'),
    context: t('requests.field.context'),
    tried: t('requests.field.tried'),
    objectives: t('requests.field.objectives'),
    results: t('requests.field.results'),
    themes: t('requests.field.themes'),
    sdgs: t('requests.field.sdgs'),
    formats: t('requests.field.formats'),
    languages: t('requests.field.languages'),
    periodStart: t('requests.field.periodStart'),
    periodEnd: t('requests.field.periodEnd'),
    participants: t('requests.field.participants'),
    stakeholders: t('requests.field.stakeholders'),
    cofunding: t('requests.field.cofunding'),
  };
}

function cards(c: Ctx, list: RequestCard[]): Html {
  const t = c.get('t');
  const locale = c.get('locale');
  return html`<ul class="cards">${list.map(
    (r) => html`<li class="card"><h3><a href="${link(c, `/requests/${r.id}`)}">${r.title || t('requests.untitled')}</a></h3>
<p class="meta">${stateLabel(t, r.state)} · <bdi>${r.organisationName}</bdi> · <bdi>${r.programmeName}</bdi> (<bdi>${r.roundName}</bdi>) · ${t('requests.updated', { date: fmtDate(r.updatedAt, locale) })}</p></li>`,
  )}</ul>`;
}

export function myRequestsPage(c: Ctx, d: { own: RequestCard[]; toReview: RequestCard[] }) {
  const t = c.get('t');
  return page(c, {
    title: t('requests.mine.title'),
    body: html`<h1>${t('requests.mine.title')}</h1>
<p><a href="${link(c, '/calls-for-requests')}">${t('requests.mine.findCall')}</a> · <a href="${link(c, '/notifications/settings')}">${t('notifications.settings.title')}</a></p>
<section aria-labelledby="own-h"><h2 id="own-h">${t('requests.mine.own')}</h2>${d.own.length ? cards(c, d.own) : html`<p>${t('requests.mine.none')}</p>`}</section>
${d.toReview.length ? html`<section aria-labelledby="rev-h"><h2 id="rev-h">${t('requests.mine.toReview')}</h2>${cards(c, d.toReview)}</section>` : ''}`,
  });
}

export function newRequestPage(c: Ctx, f: StartForm, form: FormState, status = 200, next: NextOpening[] = []) {
  const t = c.get('t');
  const labels = { organisationId: t('requests.new.organisation'), roundId: t('programmes.round.name') };
  const r = f.round;
  return page(c, {
    title: t('requests.new.title'),
    status,
    body: html`<h1>${t('requests.new.title')}</h1>
${
  !r
    ? html`<p>${t('requests.new.roundClosed')}</p>${
        next.length
          ? html`<ul>${next.map(
              (n) =>
                html`<li>${t('requests.new.nextRound', { programme: n.programme.name, round: n.round.name, date: fmtDate(n.round.opensAt, c.get('locale')) })} <a href="${link(c, `/news/subscribe?programme=${encodeURIComponent(n.programme.slug)}`)}">${t('requests.new.tellMe')}</a></li>`,
            )}</ul>`
          : ''
      }<p><a href="${link(c, '/calls-for-requests')}">${t('requests.mine.findCall')}</a></p>`
    : f.organisations.length
      ? html`<p><bdi>${r.programmeName}</bdi>: <bdi>${r.name}</bdi> · ${t('programmes.round.deadline', { date: fmtDate(r.closesAt, c.get('locale'), true) })}</p>
<form method="post" novalidate action="${link(c, '/requests')}" class="stack">${errorSummary(t, form.errors, labels)}
<input type="hidden" name="roundId" value="${r.id}">
${select({ t, name: 'organisationId', label: labels.organisationId, form, options: f.organisations.map((o) => ({ value: o.id, label: o.name })) })}
<button type="submit">${t('requests.new.start')}</button></form>`
      : html`<p>${t('requests.new.noOrganisation')}</p><p><a href="${link(c, '/organisations')}">${t('requests.new.findOrganisation')}</a></p>`
}`,
  });
}

function stepNav(c: Ctx, d: RequestDetail, current?: Step): Html {
  const t = c.get('t');
  const n = numberFormat(c.get('locale'));
  // The number is an element of its own inside each item (no list marker outside the box, which ran
  // into the previous item's label or badge: "1. Le défi2. Objectifs…"); items wrap with a gap.
  return html`<nav aria-label="${t('requests.steps.label')}"><ol class="steps">${STEPS.map(
    (s, i) =>
      html`<li><span class="step-number">${n.format(i + 1)}</span> <a href="${link(c, `/requests/${d.id}/steps/${s}`)}"${s === current ? html` aria-current="step"` : ''}>${stepLabel(t, s)}</a>${
        d.stepsDone.includes(s) ? html` <span class="badge">${t('requests.steps.done')}</span>` : ''
      }</li>`,
  )}</ol></nav>`;
}

/** "Delete this draft?": what goes, and the button that POSTs. */
export function deleteDraftPage(c: Ctx, d: RequestDetail) {
  const t = c.get('t');
  const title = d.title || t('requests.untitled');
  return page(c, {
    title: t('requests.delete.title'),
    body: html`<h1>${t('requests.delete.title')}</h1>
<p>${t('requests.delete.confirm', { title })}</p>
<form method="post" novalidate action="${link(c, `/requests/${d.id}/delete`)}" class="inline"><button type="submit">${t('requests.delete.yes')}</button></form>
<p><a href="${link(c, `/requests/${d.id}`)}">${t('platform.form.cancel')}</a></p>`,
  });
}

/** One step of the request form. */
export function stepPage(c: Ctx, d: RequestDetail, step: Step, form: FormState, status = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  const l = fieldLabels(t);
  const f = (name: string, rows = 5, hint?: string) => textarea({ t, name, label: l[name]!, form, rows, hint });
  let fields: Html;
  switch (step) {
    case 'challenge':
      fields = html`${input({ t, name: 'title', label: l.title!, form, required: true, maxlength: 200 })}${f('challenge', 8, t('requests.hint.challenge'))}${f('context', 5, t('requests.hint.context'))}${f('tried', 4, t('requests.hint.tried'))}`;
      break;
    case 'objectives':
      fields = html`${f('objectives', 6)}${f('results', 6, t('requests.hint.results'))}`;
      break;
    case 'scope': {
      fields = html`${checkboxes({ t, name: 'themes', label: l.themes!, form, options: themeOptions(locale) })}
${checkboxes({ t, name: 'sdgs', label: l.sdgs!, form, options: SDGS.map((s) => ({ value: String(s.number), label: `${s.number}. ${labelOf(s.labels, locale)}` })) })}
${checkboxes({ t, name: 'formats', label: l.formats!, form, options: optionsOf(EXCHANGE_FORMATS, locale, true) })}
${languageChoices({ t, locale, name: 'languages', label: l.languages!, form, hint: t('requests.hint.languages') })}
${input({ t, name: 'periodStart', label: l.periodStart!, form, type: 'date' })}${input({ t, name: 'periodEnd', label: l.periodEnd!, form, type: 'date' })}`;
      break;
    }
    case 'participants':
      fields = html`${f('participants', 5, t('requests.hint.participants'))}${f('stakeholders', 5, t('requests.hint.stakeholders'))}`;
      break;
    case 'cofunding':
      fields = html`${f('cofunding', 4, t('requests.hint.cofunding'))}`;
      break;
  }
  return page(c, {
    title: `${stepLabel(t, step)} · ${d.title || t('requests.untitled')}`,
    status,
    body: html`<h1>${stepLabel(t, step)}</h1><p class="meta"><bdi>${d.organisation.name}</bdi> · <bdi>${d.programme.name}</bdi> (<bdi>${d.round.name}</bdi>)</p>
${stepNav(c, d, step)}
<form method="post" novalidate action="${link(c, `/requests/${d.id}/steps/${step}`)}" class="stack">${errorSummary(t, form.errors, l)}${fields}
<button type="submit">${t('requests.steps.save')}</button></form>
<p><a href="${link(c, `/requests/${d.id}`)}">${t('requests.steps.back')}</a></p>`,
  });
}

function section(title: string, body: string | ShownText): Html {
  const v = typeof body === 'string' ? { text: body, lang: null } : body;
  return v.text ? html`<h3>${title}</h3>${userText(v, true)}` : html``;
}

declare module '../../platform/slots.ts' {
  interface Slots {
    /** On a request's page, after its decision: the call for expertise published from it, or the way to it (the calls module, above this one, draws it). */
    'requests.page': { requestId: string; state: RequestState; canPublishCall: boolean };
    /** On the broker's dashboard, after the requests: the calls for expertise (drawn by the calls module). */
    'requests.broker': Record<string, never>;
  }
}

export type RequestPageData = {
  d: RequestDetail;
  /** The texts as the reader sees them (machine translated, or the original, labelled); null while drafting. */
  shown?: ReaderView<'title' | 'challenge' | 'context' | 'tried' | 'objectives' | 'results'> | null;
  eligibility: EligibilityView | null;
  board: ScoreBoard | null;
  decision: DecisionView | null;
  /** What the modules above draw on the page (slot `requests.page`: the call for expertise, or the way to it). */
  slot: Html;
  attachments: AttachmentView[];
  /** Automatic rules about the organisation that the programme does not meet (shown while drafting). */
  warnings: string[];
  errors?: Record<string, string>;
  values?: Record<string, unknown>;
};

function ruleLabel(t: T, rule: string): string {
  const labels: Record<string, string> = {
    organisationVerified: t('requests.rule.organisationVerified'),
    countryEligible: t('requests.rule.countryEligible'),
    regionEligible: t('requests.rule.regionEligible'),
    kindEligible: t('requests.rule.kindEligible'),
    complete: t('requests.rule.complete'),
    endorsed: t('requests.rule.endorsed'),
    submittedInTime: t('requests.rule.submittedInTime'),
  };
  return labels[rule] ?? rule;
}

export function outcomeLabel(t: T, o: string): string {
  return ({ selected: t('requests.state.selected'), rejected: t('requests.state.rejected'), waiting_list: t('requests.state.waitingList') } as Record<string, string>)[o] ?? o;
}

/** The request page: its content (read-only once submitted) and the actions the viewer may take. */
export function requestPage(c: Ctx, p: RequestPageData, status = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  const { d } = p;
  const a = d.abilities;
  const l = fieldLabels(t);
  const form: FormState = { values: p.values ?? {}, errors: p.errors ?? {} };
  const post = (path: string, label: string, cls = '') => html`<form method="post" novalidate action="${link(c, `/requests/${d.id}/${path}`)}" class="inline"><button type="submit"${cls ? html` class="${cls}"` : ''}>${label}</button></form>`;
  return page(c, {
    title: d.title || t('requests.untitled'),
    status,
    body: html`<h1>${p.shown ? userText(p.shown.fields.title) : d.title ? html`<bdi>${d.title}</bdi>` : t('requests.untitled')}</h1>
${p.shown ? translationNotice(t, locale, p.shown, link(c, `/requests/${d.id}`)) : ''}
<p class="meta">${stateLabel(t, d.state)} · <bdi>${d.organisation.name}</bdi>, ${countryName(d.organisation.country, locale)} · <bdi>${d.programme.name}</bdi> (<bdi>${d.round.name}</bdi>) · ${t('programmes.round.deadline', { date: fmtDate(d.round.closesAt, locale, true) })}</p>
${errorSummary(t, form.errors, { ...l, reason: t('requests.eligibility.reason'), reasons: t('requests.decision.reasons'), outcome: t('requests.decision.outcome'), verdict: t('requests.eligibility.verdict'), hasConflict: t('requests.conflict.question'), _form: t('requests.actions'), file: t('requests.file.label') })}
${a.edit ? html`${stepNav(c, d)}<p>${!d.isComplete ? t('requests.draft.incomplete') : d.endorsement ? t('requests.draft.endorsed') : t('requests.draft.complete')}</p>` : ''}
${p.warnings.length ? html`<div class="flash" role="note"><p>${t('requests.eligibility.draftWarning')}</p><ul>${p.warnings.map((w) => html`<li>${ruleLabel(t, w)}</li>`)}</ul></div>` : ''}
${
  d.state === 'draft'
    ? html`<p>${d.endorsement ? t('requests.endorsement.given', { name: d.endorsement.name, date: fmtDate(d.endorsement.at, locale) }) : t('requests.endorsement.missing')}</p>`
    : d.endorsement
      ? html`<p>${t('requests.endorsement.given', { name: d.endorsement.name, date: fmtDate(d.endorsement.at, locale) })}</p>`
      : ''
}
<div class="actions">
${a.endorse && d.isComplete && !d.endorsement ? html`<form method="post" novalidate action="${link(c, `/requests/${d.id}/endorse`)}" class="stack">${textarea({ t, name: 'note', label: t('requests.endorsement.note'), form, rows: 2 })}<button type="submit">${t('requests.endorsement.endorse')}</button></form>` : ''}
${a.submit && d.isComplete && d.endorsement ? post('submit', t('requests.submit.button')) : ''}
${a.withdraw ? post('withdraw', t('requests.withdraw.button'), 'secondary') : ''}
${a.deleteDraft ? html`<a class="button secondary" href="${link(c, `/requests/${d.id}/delete`)}">${t('requests.delete.button')}</a>` : ''}
${a.openReview ? post('open-review', t('requests.review.open')) : ''}
${a.review ? html`<a class="button" href="${link(c, `/requests/${d.id}/review`)}">${t('requests.review.score')}</a>` : ''}
</div>
${
  a.declareConflict
    ? html`<form method="post" novalidate action="${link(c, `/requests/${d.id}/conflict`)}" class="stack"><fieldset><legend>${t('requests.conflict.question')}</legend>
<label><input type="radio" name="hasConflict" value="no"> ${t('requests.conflict.no')}</label>
<label><input type="radio" name="hasConflict" value="yes"> ${t('requests.conflict.yes')}</label></fieldset>
${input({ t, name: 'note', label: t('requests.conflict.note'), form })}<button type="submit">${t('requests.conflict.declare')}</button></form>`
    : ''
}
${p.decision ? html`<section aria-labelledby="dec-h"><h2 id="dec-h">${t('requests.decision.heading')}</h2><p><strong>${outcomeLabel(t, p.decision.outcome)}</strong> · ${t('requests.decision.by', { name: p.decision.deciderName, date: fmtDate(p.decision.decidedAt, locale) })}</p><p class="prewrap">${p.decision.reasons}</p></section>` : ''}
${p.slot}
${p.eligibility ? eligibilitySection(c, d, p.eligibility, form) : ''}
${p.board ? boardSection(c, p.board) : ''}
${a.decide ? decisionForm(c, d, form) : ''}
<section aria-labelledby="content-h"><h2 id="content-h">${t('requests.content')}</h2>
${section(l.challenge!, p.shown?.fields.challenge ?? d.challenge)}${section(l.context!, p.shown?.fields.context ?? d.context)}${section(l.tried!, p.shown?.fields.tried ?? d.tried)}${section(l.objectives!, p.shown?.fields.objectives ?? d.objectives)}${section(l.results!, p.shown?.fields.results ?? d.results)}
${d.themes.length ? html`<h3>${l.themes}</h3>${tags(l.themes!, d.themes.map((x) => themeName(x, locale)))}` : ''}
${d.sdgs.length ? html`<h3>${l.sdgs}</h3>${tags(l.sdgs!, d.sdgs.map((n) => `${n}. ${labelOf(SDGS.find((s) => s.number === n)!.labels, locale)}`))}` : ''}
${d.formats.length ? html`<h3>${l.formats}</h3>${tags(l.formats!, d.formats.map((x) => formatName(x, locale)))}` : ''}
${d.languages.length ? html`<h3>${l.languages}</h3>${tags(l.languages!, d.languages.map((x) => languageName(x, locale)))}` : ''}
${d.periodStart || d.periodEnd ? html`<h3>${t('requests.field.period')}</h3><p>${fmtDate(d.periodStart, locale)} – ${fmtDate(d.periodEnd, locale)}</p>` : ''}
${section(l.participants!, d.participants)}${section(l.stakeholders!, d.stakeholders)}${section(l.cofunding!, d.cofunding)}
</section>
${attachmentsSection(c, p, form)}
${
  d.history.length
    ? html`<section aria-labelledby="hist-h"><h2 id="hist-h">${t('requests.history.heading')}</h2><ol class="timeline">${d.history.map(
        (h) => html`<li><time datetime="${h.at.toISOString()}">${fmtDate(h.at, locale, true)}</time>: ${t('requests.history.entry', { to: stateLabel(t, h.to), name: h.actorName ?? '–' })}</li>`,
      )}</ol></section>`
    : ''
}`,
  });
}

/** Size in the reader's language (kB or MB). */
export function fileSize(c: Ctx, bytes: number): string {
  const n = numberFormat(c.get('locale'), { maximumFractionDigits: 1 });
  return bytes >= 1024 * 1024 ? `${n.format(bytes / 1024 / 1024)} MB` : `${n.format(Math.max(1, Math.round(bytes / 1024)))} kB`;
}

function attachmentsSection(c: Ctx, p: RequestPageData, form: FormState): Html {
  const t = c.get('t');
  const canEdit = p.d.abilities.edit;
  if (!p.attachments.length && !canEdit) return html``;
  return html`<section aria-labelledby="files-h"><h2 id="files-h">${t('requests.file.heading')}</h2>
${
  p.attachments.length
    ? html`<ul>${p.attachments.map(
        (a) =>
          html`<li><a href="${link(c, `/attachments/${a.id}`)}">${a.label}</a> (${fileSize(c, a.size)})${
            canEdit ? html` <form method="post" novalidate action="${link(c, `/attachments/${a.id}/delete`)}" class="inline"><button type="submit" class="link">${t('requests.file.remove')}</button></form>` : ''
          }</li>`,
      )}</ul>`
    : html`<p>${t('requests.file.none')}</p>`
}
${
  canEdit
    ? html`<form method="post" novalidate action="${link(c, `/requests/${p.d.id}/attachments`)}" enctype="multipart/form-data" class="stack">${input({
        t,
        name: 'file',
        label: t('requests.file.label'),
        form: { values: {}, errors: form.errors },
        type: 'file',
        hint: t('requests.file.hint'),
      })}<button type="submit">${t('requests.file.add')}</button></form>`
    : ''
}</section>`;
}

function eligibilitySection(c: Ctx, d: RequestDetail, e: EligibilityView, form: FormState): Html {
  const t = c.get('t');
  return html`<section aria-labelledby="elig-h"><h2 id="elig-h">${t('requests.eligibility.heading')}</h2>
<table><thead><tr><th scope="col">${t('requests.eligibility.rule')}</th><th scope="col">${t('requests.eligibility.result')}</th></tr></thead><tbody>${e.rules.map(
    (r) => html`<tr><th scope="row">${ruleLabel(t, r.rule)}</th><td>${r.ok ? t('requests.eligibility.pass') : t('requests.eligibility.fail')}</td></tr>`,
  )}</tbody></table>
${e.verdict ? html`<p>${e.verdict.verdict === 'eligible' ? t('requests.state.eligible') : t('requests.state.ineligible')}${e.verdict.reason ? html`: ${e.verdict.reason}` : ''}</p>` : ''}
${
  d.abilities.checkEligibility
    ? html`<form method="post" novalidate action="${link(c, `/requests/${d.id}/eligibility`)}" class="stack"><fieldset><legend>${t('requests.eligibility.verdict')}</legend>
<label><input type="radio" name="verdict" value="eligible"> ${t('requests.state.eligible')}</label>
<label><input type="radio" name="verdict" value="ineligible"> ${t('requests.state.ineligible')}</label></fieldset>
${textarea({ t, name: 'reason', label: t('requests.eligibility.reason'), form, rows: 3, hint: t('requests.eligibility.reasonHint') })}
<button type="submit">${t('requests.eligibility.record')}</button></form>`
    : ''
}</section>`;
}

function boardSection(c: Ctx, b: ScoreBoard): Html {
  const t = c.get('t');
  const num = (n: number | null) => (n === null ? '–' : numberFormat(c.get('locale'), { maximumFractionDigits: 2 }).format(n));
  return html`<section aria-labelledby="board-h"><h2 id="board-h">${t('requests.board.heading')}</h2>
${
  b.reviewers.length
    ? html`<table><thead><tr><th scope="col">${t('requests.board.criterion')}</th>${b.reviewers.map((r) => html`<th scope="col">${r.name}</th>`)}<th scope="col">${t('requests.board.mean')}</th><th scope="col">${t(
        'requests.board.spread',
      )}</th></tr></thead><tbody>${b.criteria.map(
        (cr, i) =>
          html`<tr><th scope="row">${cr.label} (×${cr.weight})</th>${cr.scores.map((s, j) => html`<td>${num(s)}${b.reviewers[j]!.comments[cr.id] ? html`<br><span class="hint">${b.reviewers[j]!.comments[cr.id]}</span>` : ''}</td>`)}<td>${num(cr.mean)}</td><td>${num(
            cr.spread,
          )}</td></tr>${i === b.criteria.length - 1 ? '' : ''}`,
      )}<tr><th scope="row">${t('requests.board.weighted')}</th>${b.reviewers.map((r) => html`<td>${num(r.weightedTotal)}</td>`)}<td>${num(b.weightedMean)}</td><td></td></tr></tbody></table>`
    : html`<p>${t('requests.board.none')}</p>`
}
${b.conflicts.length ? html`<p>${t('requests.board.conflicts')}: ${b.conflicts.map((x) => `${x.name} (${x.hasConflict ? t('requests.conflict.yesShort') : t('requests.conflict.noShort')})`).join(', ')}</p>` : ''}
</section>`;
}

function decisionForm(c: Ctx, d: RequestDetail, form: FormState): Html {
  const t = c.get('t');
  return html`<section aria-labelledby="decide-h"><h2 id="decide-h">${t('requests.decision.record')}</h2><form method="post" novalidate action="${link(c, `/requests/${d.id}/decision`)}" class="stack">
${select({ t, name: 'outcome', label: t('requests.decision.outcome'), form, options: [
    { value: 'selected', label: t('requests.state.selected') },
    { value: 'waiting_list', label: t('requests.state.waitingList') },
    { value: 'rejected', label: t('requests.state.rejected') },
  ] })}
${textarea({ t, name: 'reasons', label: t('requests.decision.reasons'), form, rows: 4, required: true })}
<button type="submit">${t('requests.decision.record')}</button></form></section>`;
}

/** A committee member's score form: a score from 0 to 5 and a comment per criterion. */
export function reviewPage(c: Ctx, d: RequestDetail, r: ReviewForm, form: FormState, status = 200) {
  const t = c.get('t');
  const labels: Record<string, string> = { _form: t('requests.review.heading') };
  for (const cr of r.criteria) {
    labels[`score_${cr.id}`] = cr.label;
    labels[`comment_${cr.id}`] = `${cr.label}: ${t('requests.review.comment')}`;
  }
  const scoreOptions = [0, 1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }));
  return page(c, {
    title: `${t('requests.review.heading')} · ${d.title}`,
    status,
    body: html`<h1>${t('requests.review.heading')}: ${d.title}</h1>
<p><a href="${link(c, `/requests/${d.id}`)}">${t('requests.review.readRequest')}</a></p>
${r.isWindowOpen ? '' : html`<p class="flash">${t('requests.review.windowClosed', { from: fmtDate(d.round.reviewOpensAt, c.get('locale')), to: fmtDate(d.round.reviewClosesAt, c.get('locale')) })}</p>`}
<form method="post" novalidate action="${link(c, `/requests/${d.id}/review`)}" class="stack">${errorSummary(t, form.errors, labels)}
${r.criteria.map(
  (cr) => html`<fieldset><legend>${cr.label} (×${cr.weight})</legend>
${select({ t, name: `score_${cr.id}`, label: t('requests.review.score05'), form, options: scoreOptions, blank: '' })}
${textarea({ t, name: `comment_${cr.id}`, label: t('requests.review.comment'), form, rows: 3 })}</fieldset>`,
)}
<button type="submit">${t('requests.review.save')}</button></form>`,
  });
}

const WAITING: Record<string, string> = {
  requester: 'requests.waiting.requester',
  approver: 'requests.waiting.approver',
  broker: 'requests.waiting.broker',
  committee: 'requests.waiting.committee',
  nobody: 'requests.waiting.nobody',
};

/** The broker's dashboard: requests by state with who they wait on and a flag after 10 working days; calls with offers and last change. */
/** The broker's dashboard; `slot` is what the modules above add (slot `requests.broker`: the calls). */
export function dashboardPage(c: Ctx, d: Dashboard, slot: Html, values: Record<string, unknown> = {}, errors: Record<string, string> = {}, status = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  const filter: FormState = { values, errors };
  return page(c, {
    title: t('requests.dashboard.title'),
    status,
    body: html`<h1>${t('requests.dashboard.title')}</h1>
<p><a href="${link(c, '/admin/programmes')}">${t('programmes.admin.title')}</a></p>
<section aria-labelledby="counts-h"><h2 id="counts-h">${t('requests.dashboard.byState')}</h2>
<ul class="tags">${d.counts.map((x) => html`<li>${stateLabel(t, x.state)}: ${x.n}</li>`)}</ul></section>
<section aria-labelledby="req-h"><h2 id="req-h">${t('requests.dashboard.requests')}</h2>
<form method="get" action="${link(c, '/broker')}" class="inline" role="search" aria-label="${t('requests.dashboard.filter')}">${errorSummary(t, errors, { state: t('requests.dashboard.state') })}
${select({ t, name: 'state', label: t('requests.dashboard.state'), form: filter, options: REQUEST_STATES.map((s) => ({ value: s, label: stateLabel(t, s) })), blank: t('programmes.filter.any') })}
<button type="submit" class="secondary">${t('programmes.filter.apply')}</button></form>
${
  d.requests.length
    ? html`<table><thead><tr><th scope="col">${t('requests.field.title')}</th><th scope="col">${t('requests.dashboard.state')}</th><th scope="col">${t('requests.dashboard.waitingOn')}</th><th scope="col">${t(
        'requests.dashboard.lastAction',
      )}</th></tr></thead><tbody>${d.requests.map(
        (r) =>
          html`<tr${r.isStale ? html` class="stale"` : ''}><th scope="row"><a href="${link(c, `/requests/${r.id}`)}" dir="auto">${r.title || t('requests.untitled')}</a><br><span class="hint"><bdi>${r.organisationName}</bdi> · <bdi>${r.programmeName}</bdi></span></th><td>${stateLabel(
            t,
            r.state,
          )}</td><td>${t(WAITING[r.waitingOn]!)}</td><td>${fmtDate(r.lastActionAt, locale)}${r.isStale ? html` <strong class="flag">${t('requests.dashboard.stale', { days: r.workingDaysIdle })}</strong>` : ''}</td></tr>`,
      )}</tbody></table>`
    : html`<p>${t('requests.mine.none')}</p>`
}</section>
${slot}`,
  });
}
