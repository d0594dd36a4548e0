/**
 * Exchanges, the core: planned by a broker from a confirmed match, moved through their states
 * (exchanges.workflow.ts: agreed once the terms are signed, held, evaluated, closed), listed, and
 * turned into a good-practice draft at the end. Every change of state is recorded as a domain
 * event (exchanges.events.ts) for the modules that follow exchanges, such as evaluations.
 * Services check permission first (exchanges.access.ts, exchanges.policy.ts); an exchange is
 * private: anyone but its participants gets 404, as for a missing id.
 *
 * The other seams have their own files: terms of reference (exchanges.tor.service.ts), the
 * participants' page (exchanges.page.service.ts), reporting (exchanges.reporting.service.ts),
 * partnerships (exchanges.partnerships.service.ts). This file is also the module's face for
 * other modules (`exchangeStanding`, and the few functions re-exported at the end).
 */
import { randomUUID } from 'node:crypto';
import type { ServiceCtx } from '../../platform/http.ts';
import type { WaitingItem } from '../../platform/module.ts';
import type { DbOrTx } from '../../platform/db.ts';
import { keyWith, type Locale, type T } from '../../platform/i18n.ts';
import { parseAmountCents, formatAmountInput } from '../../platform/numbers.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { parseWith } from '../../platform/validation.ts';
import type { FieldErrors } from '../../platform/html/form.ts';
import { notify, mailLink } from '../../platform/outbox.ts';
import { emit } from '../../platform/events.ts';
import { isUuid } from '../../platform/ids.ts';
import type { ExchangeFormat } from '../../taxonomy/formats.ts';
import type { TorContent, LogisticsChecklist } from '../../db/schema/exchanges.ts';
import * as repo from './exchanges.repository.ts';
import { canPlanExchange, isStaff } from './exchanges.policy.ts';
import { guard, isExchangeEvent, transition, type ExchangeEvent, type ExchangeState } from './exchanges.workflow.ts';
import { createDraft } from '../knowledge/knowledge.service.ts';
import { planSchema, countSchema, budgetRowSchema, PARTICIPANT_SIDES, PARTICIPANT_KINDS, CHECKLIST_ITEMS, BUDGET_ROWS } from './exchanges.schema.ts';
import { loadExchange, requireActor } from './exchanges.access.ts';
import { agreedVersion, latestIsAgreed, torOf } from './exchanges.tor.service.ts';
import { dashboardLinks } from './exchanges.reporting.service.ts';
import { MOVED_EVENT } from './exchanges.events.ts';

// ---------- planning ----------

/** The terms-of-reference template of a format, in the reader's language. */
export function torTemplate(t: T, format: ExchangeFormat): TorContent {
  const byFormat: Record<ExchangeFormat, { objectives: string; activities: string }> = {
    expert_assignment: { objectives: t('exchanges.template.expertAssignment.objectives'), activities: t('exchanges.template.expertAssignment.activities') },
    work_placement: { objectives: t('exchanges.template.workPlacement.objectives'), activities: t('exchanges.template.workPlacement.activities') },
    roundtable: { objectives: t('exchanges.template.roundtable.objectives'), activities: t('exchanges.template.roundtable.activities') },
    study_visit: { objectives: t('exchanges.template.studyVisit.objectives'), activities: t('exchanges.template.studyVisit.activities') },
    virtual_exchange: { objectives: t('exchanges.template.virtualExchange.objectives'), activities: t('exchanges.template.virtualExchange.activities') },
  };
  return {
    ...byFormat[format],
    expectedResults: t('exchanges.template.expectedResults'),
    deliverables: t('exchanges.template.deliverables'),
    roles: t('exchanges.template.roles'),
    interpretation: t('exchanges.template.interpretation'),
  };
}

export type PlanInput = {
  format: ExchangeFormat;
  startDate: string;
  endDate: string;
  place: string;
  onlineLink: string;
  checklist: LogisticsChecklist;
  participants: repo.ParticipantCount[];
  budget: repo.BudgetLine[];
};

/** Parses the plan form: fixed fields, counts per side, type and gender, budget rows. Throws ValidationError with every field's key. */
export function parsePlan(raw: Record<string, unknown>, locale: Locale = 'en'): PlanInput {
  const errors: FieldErrors = {};
  const base = parseWith(planSchema, raw);
  if (!base.ok) Object.assign(errors, base.errors);
  const participants: repo.ParticipantCount[] = [];
  for (const side of PARTICIPANT_SIDES)
    for (const kind of PARTICIPANT_KINDS) {
      const c = { women: 0, men: 0, otherGender: 0 };
      for (const [g, field] of [['women', 'women'], ['men', 'men'], ['otherGender', 'other']] as const) {
        const name = `p_${side}_${kind}_${field}`;
        const r = countSchema.safeParse(raw[name]);
        if (!r.success) errors[name] = r.error.issues[0]?.message.startsWith('platform.') ? r.error.issues[0].message : 'platform.form.invalid';
        else c[g] = r.data;
      }
      if (c.women + c.men + c.otherGender > 0) participants.push({ side, kind, ...c });
    }
  const budget: repo.BudgetLine[] = [];
  for (let i = 0; i < BUDGET_ROWS; i++) {
    const row = { label: raw[`b${i}_label`], amount: raw[`b${i}_amount`], currency: raw[`b${i}_currency`] || undefined, fundedBy: raw[`b${i}_fundedBy`] ?? '' };
    if (!String(row.label ?? '').trim() && !String(row.amount ?? '').trim()) continue;
    const r = parseWith(budgetRowSchema, row);
    // The amount the reader's way ("1 250,50" in French, "1,250.50" in English) or plain ("1250.50").
    const cents = typeof row.amount === 'string' ? parseAmountCents(row.amount, locale) : null;
    if (!r.ok) for (const [f, k] of Object.entries(r.errors)) errors[`b${i}_${f}`] = k;
    if (cents === null) errors[`b${i}_amount`] ??= keyWith('exchanges.plan.amountInvalid', { example: formatAmountInput(125050, locale) });
    if (r.ok && cents !== null) budget.push({ label: r.data.label, amountCents: cents, currency: r.data.currency, fundedBy: r.data.fundedBy });
  }
  if (Object.keys(errors).length || !base.ok) throw new ValidationError(errors);
  const d = base.data as Record<string, unknown> & { format: ExchangeFormat; startDate: string; endDate: string; place: string; onlineLink: string };
  const checklist = Object.fromEntries(CHECKLIST_ITEMS.map((k) => [k, !!d[`check_${k}`]])) as LogisticsChecklist;
  return { format: d.format, startDate: d.startDate, endDate: d.endDate, place: d.place, onlineLink: d.onlineLink, checklist, participants, budget };
}

/** What the plan form starts from for a confirmed match (broker only; 404 otherwise). */
export async function planDraftOf(ctx: ServiceCtx, matchId: string): Promise<{ title: string; values: Record<string, unknown>; existingId: string | null }> {
  if (!canPlanExchange(ctx.actor)) throw new NotFoundError();
  const m = isUuid(matchId) ? await repo.matchFacts(ctx.db, matchId) : undefined;
  if (!m || m.matchState !== 'confirmed') throw new NotFoundError();
  const existing = await repo.findExchangeByMatch(ctx.db, matchId);
  return { title: m.title, values: { format: m.formats[0] ?? '', startDate: m.periodStart ?? '', endDate: m.periodEnd ?? '' }, existingId: existing?.id ?? null };
}

export type PlanOutcome = { ok: true; id: string } | { ok: false; reason: 'already_planned'; id: string };

/** The broker plans the exchange of a confirmed match: one per match; the first ToR version comes from the format's template. */
export async function planExchange(ctx: ServiceCtx, matchId: string, raw: Record<string, unknown>, t: T): Promise<PlanOutcome> {
  if (!canPlanExchange(ctx.actor)) throw new NotFoundError();
  const actor = ctx.actor!;
  const m = isUuid(matchId) ? await repo.matchFacts(ctx.db, matchId) : undefined;
  if (!m || m.matchState !== 'confirmed') throw new NotFoundError();
  const p = parsePlan(raw, ctx.locale);
  const id = randomUUID();
  return ctx.db.transaction(async (tx): Promise<PlanOutcome> => {
    const inserted = await repo.insertExchange(tx, {
      id,
      matchId,
      programmeId: m.programmeId,
      requestId: m.requestId,
      hostOrganisationId: m.hostOrganisationId,
      peerOrganisationId: m.peerOrganisationId,
      peerUserId: m.peerUserId,
      title: m.title,
      format: p.format,
      state: 'planned',
      startDate: p.startDate,
      endDate: p.endDate,
      place: p.place,
      onlineLink: p.onlineLink,
      checklist: p.checklist,
      createdBy: actor.id,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    if (!inserted) return { ok: false, reason: 'already_planned', id: (await repo.findExchangeByMatch(tx, matchId))!.id };
    await repo.replaceParticipants(tx, id, p.participants);
    await repo.replaceBudget(tx, id, p.budget.map((b) => ({ id: randomUUID(), ...b })));
    await repo.insertTorVersion(tx, { id: randomUUID(), exchangeId: id, version: 1, content: torTemplate(t, p.format), createdBy: actor.id, createdAt: ctx.now });
    await audit(tx, ctx.now, { actorId: actor.id, action: 'exchange.plan', objectType: 'exchange', objectId: id, ip: ctx.ip });
    await emit(tx, ctx.now, 'exchanges.planned', { exchangeId: id, programmeId: m.programmeId, startDate: p.startDate, endDate: p.endDate });
    const e = (await repo.findExchange(tx, id))!;
    await notify(tx, ctx.now, await repo.sideUserIds(tx, e), 'exchange_planned', (tt) => ({
      subject: tt('exchanges.mail.planned.subject', { title: m.title }),
      body: tt('exchanges.mail.planned.body', { title: m.title, link: mailLink(`/exchanges/${id}`) }),
    }));
    return { ok: true, id };
  });
}

/** The broker changes the plan while it is planned or agreed. */
export async function updatePlan(ctx: ServiceCtx, id: string, raw: Record<string, unknown>): Promise<{ ok: true }> {
  const { e } = await loadExchange(ctx, id, 'exchange.editPlan');
  const p = parsePlan(raw, ctx.locale);
  await ctx.db.transaction(async (tx) => {
    await repo.updateExchange(tx, e.id, { format: p.format, startDate: p.startDate, endDate: p.endDate, place: p.place, onlineLink: p.onlineLink, checklist: p.checklist, updatedAt: ctx.now });
    await repo.replaceParticipants(tx, e.id, p.participants);
    await repo.replaceBudget(tx, e.id, p.budget.map((b) => ({ id: randomUUID(), ...b })));
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'exchange.updatePlan', objectType: 'exchange', objectId: e.id, ip: ctx.ip });
    if (p.startDate !== e.startDate || p.endDate !== e.endDate) await emit(tx, ctx.now, 'exchanges.rescheduled', { exchangeId: e.id, programmeId: e.programmeId, startDate: p.startDate, endDate: p.endDate });
  });
  return { ok: true };
}

/** The plan as form values (for editing). */
export function planValues(e: repo.ExchangeRow, participants: repo.ParticipantCount[], budget: repo.BudgetLine[], locale: Locale = 'en'): Record<string, unknown> {
  const v: Record<string, unknown> = { format: e.format, startDate: e.startDate, endDate: e.endDate, place: e.place, onlineLink: e.onlineLink };
  for (const k of CHECKLIST_ITEMS) v[`check_${k}`] = e.checklist[k] ? 'on' : '';
  for (const p of participants) {
    v[`p_${p.side}_${p.kind}_women`] = String(p.women);
    v[`p_${p.side}_${p.kind}_men`] = String(p.men);
    v[`p_${p.side}_${p.kind}_other`] = String(p.otherGender);
  }
  budget.forEach((b, i) => {
    v[`b${i}_label`] = b.label;
    v[`b${i}_amount`] = formatAmountInput(b.amountCents, locale);
    v[`b${i}_currency`] = b.currency;
    v[`b${i}_fundedBy`] = b.fundedBy;
  });
  return v;
}

/** The plan as it stands, for the edit form (broker, while planning is open). */
export async function getPlanForEdit(ctx: ServiceCtx, id: string): Promise<{ exchange: repo.ExchangeRow; values: Record<string, unknown> }> {
  const { e } = await loadExchange(ctx, id, 'exchange.editPlan');
  const [participants, budget] = await Promise.all([repo.participantsOf(ctx.db, e.id), repo.budgetOf(ctx.db, e.id)]);
  return { exchange: e, values: planValues(e, participants, budget, ctx.locale) };
}

// ---------- state ----------

export type TransitionOutcome = { ok: true; to: ExchangeState } | { ok: false; reason: 'not_allowed' | 'tor_not_agreed' | 'not_started' | 'changed' };

/** The broker moves the exchange on, through the state table and its guards; the move is recorded as an event (exchanges.agreed, .held, .evaluated, .closed). */
export async function moveExchange(ctx: ServiceCtx, id: string, event: string): Promise<TransitionOutcome> {
  if (!isExchangeEvent(event)) throw new ValidationError({ event: 'platform.form.choice' });
  const { e } = await loadExchange(ctx, id, 'exchange.transition');
  const from = e.state as ExchangeState;
  const tr = transition(from, event as ExchangeEvent);
  if (!tr.ok) return tr;
  const versions = await torOf(ctx.db, e.id);
  const g = guard(event as ExchangeEvent, { torAgreed: latestIsAgreed(versions), today: ctx.now.toISOString().slice(0, 10), startDate: e.startDate });
  if (!g.ok) return g;
  return ctx.db.transaction(async (tx): Promise<TransitionOutcome> => {
    if (!(await repo.moveState(tx, e.id, from, tr.to, ctx.actor!.id, ctx.now))) return { ok: false, reason: 'changed' };
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: `exchange.${event}`, objectType: 'exchange', objectId: e.id, ip: ctx.ip });
    const moved = MOVED_EVENT[tr.to];
    if (moved) await emit(tx, ctx.now, moved, { exchangeId: e.id, programmeId: e.programmeId, from, startDate: e.startDate, endDate: e.endDate });
    return { ok: true, to: tr.to };
  });
}

// ---------- the list ----------

export async function listExchanges(ctx: ServiceCtx) {
  const actor = requireActor(ctx);
  return { exchanges: await repo.exchangesOf(ctx.db, actor.id, isStaff(actor)), toPlan: isStaff(actor) ? await repo.matchesToPlan(ctx.db) : [], dashboards: await dashboardLinks(ctx) };
}

// ---------- lessons ----------

/**
 * At the end, the broker drafts a good practice from the exchange's record: the request's problem,
 * the agreed terms of reference (approach, expected results, roles), the evaluations' answers, the
 * budget and both partners. The draft is the knowledge module's, linked to the exchange, for a
 * broker to edit and publish there.
 */
export async function draftLesson(ctx: ServiceCtx, id: string, t: T): Promise<{ id: string }> {
  const { e } = await loadExchange(ctx, id, 'exchange.draftLesson');
  const [facts, versions, budget] = await Promise.all([repo.lessonFacts(ctx.db, e), torOf(ctx.db, e.id), repo.budgetOf(ctx.db, e.id)]);
  const tor = agreedVersion(versions) ?? versions[0];
  const totals = new Map<string, number>();
  for (const b of budget) totals.set(b.currency, (totals.get(b.currency) ?? 0) + b.amountCents);
  const cost = [...totals].map(([cur, cents]) => `${(cents / 100).toFixed(2)} ${cur}`).join(' + ');
  const partners = [facts.host, ...(facts.peer ? [facts.peer] : [])];
  const results = [tor?.content.expectedResults ?? '', facts.results, facts.scaleAverage !== null ? t('exchanges.lesson.satisfaction', { value: facts.scaleAverage }) : '', ...facts.textAnswers]
    .map((s) => s.trim())
    .filter(Boolean)
    .join('\n\n');
  const input = {
    exchangeId: e.id,
    lang: ctx.locale,
    title: e.title.slice(0, 200),
    summary: t('exchanges.lesson.summary', { host: facts.host.name, peer: facts.peer?.name ?? '—', start: e.startDate, end: e.endDate }).slice(0, 1500),
    problem: [facts.challenge, facts.context].filter(Boolean).join('\n\n').slice(0, 6000),
    solution: [tor?.content.objectives ?? '', tor?.content.activities ?? ''].filter(Boolean).join('\n\n').slice(0, 6000),
    results: results.slice(0, 6000),
    challenges: facts.tried.slice(0, 6000),
    prerequisites: (tor?.content.roles ?? '').slice(0, 6000),
    cost: cost.slice(0, 3000),
    transferability: '',
    formats: [e.format],
    themes: facts.themes,
    sdgs: facts.sdgs.map(String),
    regions: [...new Set(partners.map((p) => p.region).filter(Boolean))],
    partnerName: partners.map((p) => p.name),
    partnerCountry: partners.map((p) => p.country),
  };
  const out = await createDraft(ctx, input);
  await audit(ctx.db, ctx.now, { actorId: ctx.actor!.id, action: 'exchange.draftLesson', objectType: 'exchange', objectId: e.id, ip: ctx.ip });
  return out;
}

// ---------- for other modules ----------

/**
 * What a module that follows exchanges (evaluations) needs to decide access: the exchange's id
 * and title and whether the user is on its host side, its peer side, or both. Undefined for a
 * missing id. The caller applies its own rules (evaluations: one's own side, or the secretariat).
 */
export async function exchangeStanding(db: DbOrTx, exchangeId: string, userId: string): Promise<{ id: string; title: string; isHost: boolean; isPeer: boolean } | undefined> {
  const e = isUuid(exchangeId) ? await repo.findExchange(db, exchangeId) : undefined;
  if (!e) return undefined;
  return { id: e.id, title: e.title, ...(await repo.standingOf(db, e, userId)) };
}

// Callers outside the module (the API, the demo) reach these through the module's face.
export { getExchange } from './exchanges.page.service.ts';
export { getTor, signTor, writeTor } from './exchanges.tor.service.ts';
export { postMessage } from './exchanges.page.service.ts';

// ---------- for the front page and "Waiting on you" (home) ----------

/** Terms of reference waiting on the signed-in person's signature, due by the exchange's first day. */
export async function waitingInExchanges(ctx: ServiceCtx): Promise<WaitingItem[]> {
  if (!ctx.actor) return [];
  return (await repo.torsToSign(ctx.db, ctx.actor.id, isStaff(ctx.actor))).map((e) => ({ kind: 'torToSign', title: e.title, link: `/exchanges/${e.id}/terms`, due: new Date(`${e.start_date}T00:00:00Z`), module: 'exchanges' }));
}

/** How many exchanges have been held (held, evaluated or closed), for the front page's figures. */
export async function heldExchangeCount(ctx: ServiceCtx): Promise<number> {
  return repo.countHeldExchanges(ctx.db);
}
