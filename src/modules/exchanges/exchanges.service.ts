/**
 * Exchanges: planned by a broker from a confirmed match, agreed through signed terms of
 * reference, held, evaluated, closed. Services check permission first (exchanges.policy.ts);
 * an exchange is private: anyone but its participants gets 404, as for a missing id.
 */
import { randomUUID } from 'node:crypto';
import type { ServiceCtx } from '../../platform/http.ts';
import type { T } from '../../platform/i18n.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { mustParse, parseWith } from '../../platform/validation.ts';
import type { FieldErrors } from '../../platform/html/form.ts';
import { notify, mailLink } from '../../platform/outbox.ts';
import { brokerIds } from '../requests/requests.repository.ts';
import type { ExchangeFormat } from '../../taxonomy/formats.ts';
import type { TorContent, LogisticsChecklist } from '../../db/schema/exchanges.ts';
import * as repo from './exchanges.repository.ts';
import { canExchange, canPlanExchange, isStaff, signableSides, TOR_SIDES, type ExchangeAction, type ExchangeStanding, type TorSide } from './exchanges.policy.ts';
import { guard, isExchangeEvent, transition, type ExchangeEvent, type ExchangeState } from './exchanges.workflow.ts';
import { diffLines, type DiffLine } from './exchanges.diff.ts';
import { createDraft } from '../knowledge/knowledge.service.ts';
import { inspect, labelOf, MAX_BYTES, QUOTA_BYTES, type FilesEnv, type Upload, type Rejection } from '../requests/requests.files.ts';
import { storedBytesOf } from '../requests/requests.repository.ts';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  planSchema,
  countSchema,
  budgetRowSchema,
  torSchema,
  messageSchema,
  agendaSchema,
  taskSchema,
  PARTICIPANT_SIDES,
  PARTICIPANT_KINDS,
  CHECKLIST_ITEMS,
  BUDGET_ROWS,
  TOR_FIELDS,
} from './exchanges.schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (v: string) => UUID.test(v);

function requireActor(ctx: ServiceCtx) {
  if (!ctx.actor) throw new NotFoundError();
  return ctx.actor;
}

/** Loads an exchange the actor may act on; 404 for a missing id and for anyone not allowed alike. */
async function load(ctx: ServiceCtx, id: string, action: ExchangeAction): Promise<{ e: repo.ExchangeRow; standing: ExchangeStanding }> {
  const actor = requireActor(ctx);
  const e = isUuid(id) ? await repo.findExchange(ctx.db, id) : undefined;
  if (!e) throw new NotFoundError();
  const standing = { state: e.state as ExchangeState, ...(await repo.standingOf(ctx.db, e, actor.id)) };
  if (!canExchange(actor, 'exchange.view', standing)) {
    await audit(ctx.db, ctx.now, { actorId: actor.id, action: 'exchange.view', objectType: 'exchange', objectId: e.id, ip: ctx.ip, outcome: 'denied' });
    throw new NotFoundError();
  }
  if (!canExchange(actor, action, standing)) throw new NotFoundError();
  return { e, standing };
}

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
export function parsePlan(raw: Record<string, unknown>): PlanInput {
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
    if (!r.ok) for (const [f, k] of Object.entries(r.errors)) errors[`b${i}_${f}`] = k;
    else budget.push({ label: r.data.label, amountCents: Math.round(Number(r.data.amount) * 100), currency: r.data.currency, fundedBy: r.data.fundedBy });
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
  const p = parsePlan(raw);
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
  const { e } = await load(ctx, id, 'exchange.editPlan');
  const p = parsePlan(raw);
  await ctx.db.transaction(async (tx) => {
    await repo.updateExchange(tx, e.id, { format: p.format, startDate: p.startDate, endDate: p.endDate, place: p.place, onlineLink: p.onlineLink, checklist: p.checklist, updatedAt: ctx.now });
    await repo.replaceParticipants(tx, e.id, p.participants);
    await repo.replaceBudget(tx, e.id, p.budget.map((b) => ({ id: randomUUID(), ...b })));
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'exchange.updatePlan', objectType: 'exchange', objectId: e.id, ip: ctx.ip });
  });
  return { ok: true };
}

/** The plan as form values (for editing). */
export function planValues(e: repo.ExchangeRow, participants: repo.ParticipantCount[], budget: repo.BudgetLine[]): Record<string, unknown> {
  const v: Record<string, unknown> = { format: e.format, startDate: e.startDate, endDate: e.endDate, place: e.place, onlineLink: e.onlineLink };
  for (const k of CHECKLIST_ITEMS) v[`check_${k}`] = e.checklist[k] ? 'on' : '';
  for (const p of participants) {
    v[`p_${p.side}_${p.kind}_women`] = String(p.women);
    v[`p_${p.side}_${p.kind}_men`] = String(p.men);
    v[`p_${p.side}_${p.kind}_other`] = String(p.otherGender);
  }
  budget.forEach((b, i) => {
    v[`b${i}_label`] = b.label;
    v[`b${i}_amount`] = (b.amountCents / 100).toFixed(2);
    v[`b${i}_currency`] = b.currency;
    v[`b${i}_fundedBy`] = b.fundedBy;
  });
  return v;
}

// ---------- terms of reference ----------

export type TorVersionView = { id: string; version: number; content: TorContent; authorName: string; createdAt: Date; signatures: { side: string; name: string; at: Date }[] };

function agreedVersion(versions: TorVersionView[]): TorVersionView | null {
  return versions.find((v) => TOR_SIDES.every((s) => v.signatures.some((x) => x.side === s))) ?? null;
}

async function torOf(ctx: ServiceCtx, exchangeId: string): Promise<TorVersionView[]> {
  const [versions, sigs] = await Promise.all([repo.torVersionsOf(ctx.db, exchangeId), repo.signaturesOf(ctx.db, exchangeId)]);
  return versions.map((v) => ({ id: v.id, version: v.version, content: v.content, authorName: v.authorName, createdAt: v.createdAt, signatures: sigs.filter((s) => s.torVersionId === v.id).map((s) => ({ side: s.side, name: s.name, at: s.at })) }));
}

/** The broker writes a new version (the previous ones stay as they were). Outcomes: ok, unchanged, or conflict when another version was written since `baseVersion`. */
export async function writeTor(ctx: ServiceCtx, id: string, raw: Record<string, unknown>): Promise<{ ok: true; version: number } | { ok: false; reason: 'unchanged' | 'conflict' }> {
  const { e } = await load(ctx, id, 'exchange.writeTor');
  const content = mustParse(torSchema, raw) as TorContent;
  const base = Number(raw.baseVersion);
  const versions = await repo.torVersionsOf(ctx.db, e.id);
  const latest = versions[0];
  if (latest && Number.isInteger(base) && base !== latest.version) return { ok: false, reason: 'conflict' };
  if (latest && TOR_FIELDS.every((f) => latest.content[f] === content[f])) return { ok: false, reason: 'unchanged' };
  const version = (latest?.version ?? 0) + 1;
  return ctx.db.transaction(async (tx) => {
    const ok = await repo.insertTorVersion(tx, { id: randomUUID(), exchangeId: e.id, version, content, createdBy: ctx.actor!.id, createdAt: ctx.now });
    if (!ok) return { ok: false as const, reason: 'conflict' as const };
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'exchange.writeTor', objectType: 'exchange', objectId: e.id, ip: ctx.ip });
    // Both sides, and the broker who planned the exchange (the third signature); never the author.
    const told = [...(await repo.sideUserIds(tx, e)), e.createdBy].filter((u) => u !== ctx.actor!.id);
    await notify(tx, ctx.now, told, 'exchange_tor', (t) => ({
      subject: t('exchanges.mail.tor.subject', { title: e.title, version }),
      body: t('exchanges.mail.tor.body', { title: e.title, version, link: mailLink(`/exchanges/${e.id}/terms`) }),
    }));
    return { ok: true as const, version };
  });
}

export type SignOutcome = { ok: true; sides: TorSide[]; agreed: boolean } | { ok: false; reason: 'not_latest' | 'already_signed' };

/** Signs the given version for every side the actor stands for. Only the latest version can be signed. */
export async function signTor(ctx: ServiceCtx, id: string, version: number): Promise<SignOutcome> {
  const { e, standing } = await load(ctx, id, 'exchange.signTor');
  const sides = signableSides(ctx.actor, standing);
  if (!sides.length) throw new NotFoundError();
  return ctx.db.transaction(async (tx): Promise<SignOutcome> => {
    const versions = await repo.torVersionsOf(tx, e.id);
    const latest = versions[0];
    if (!latest || latest.version !== version) return { ok: false, reason: 'not_latest' };
    const done: TorSide[] = [];
    for (const side of sides) if (await repo.insertSignature(tx, { torVersionId: latest.id, exchangeId: e.id, side, userId: ctx.actor!.id, at: ctx.now })) done.push(side);
    if (!done.length) return { ok: false, reason: 'already_signed' };
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'exchange.signTor', objectType: 'exchange', objectId: e.id, ip: ctx.ip });
    const sigs = (await repo.signaturesOf(tx, e.id)).filter((s) => s.torVersionId === latest.id);
    const agreed = TOR_SIDES.every((s) => sigs.some((x) => x.side === s));
    if (agreed) {
      await notify(tx, ctx.now, [...(await repo.sideUserIds(tx, e)), ...(await brokerIds(tx))], 'exchange_tor_agreed', (t) => ({
        subject: t('exchanges.mail.agreed.subject', { title: e.title }),
        body: t('exchanges.mail.agreed.body', { title: e.title, version, link: mailLink(`/exchanges/${e.id}`) }),
      }));
    }
    return { ok: true, sides: done, agreed };
  });
}

export type TorPage = {
  exchange: repo.ExchangeRow;
  versions: TorVersionView[];
  agreedVersion: number | null;
  diff: { from: number; to: number; fields: { field: (typeof TOR_FIELDS)[number]; lines: DiffLine[] }[] } | null;
  abilities: { write: boolean; signSides: TorSide[] };
};

/** The terms of reference: every version with its signatures, and the diff between two versions (default: the latest and the one before). */
export async function getTor(ctx: ServiceCtx, id: string, q: { from?: string; to?: string } = {}): Promise<TorPage> {
  const { e, standing } = await load(ctx, id, 'exchange.view');
  const versions = await torOf(ctx, e.id);
  const latest = versions[0];
  const toN = q.to ? Number(q.to) : latest?.version;
  const fromN = q.from ? Number(q.from) : toN !== undefined ? toN - 1 : undefined;
  const a = versions.find((v) => v.version === fromN);
  const b = versions.find((v) => v.version === toN);
  if ((q.from || q.to) && (!a || !b)) throw new ValidationError({ version: 'platform.form.choice' });
  const diff = a && b ? { from: a.version, to: b.version, fields: TOR_FIELDS.map((f) => ({ field: f, lines: diffLines(a.content[f], b.content[f]) })) } : null;
  const signed = latest ? new Set(latest.signatures.map((s) => s.side)) : new Set<string>();
  return {
    exchange: e,
    versions,
    agreedVersion: agreedVersion(versions)?.version ?? null,
    diff,
    abilities: { write: canExchange(ctx.actor, 'exchange.writeTor', standing), signSides: signableSides(ctx.actor, standing).filter((s) => !signed.has(s)) },
  };
}

// ---------- state ----------

export type TransitionOutcome = { ok: true; to: ExchangeState } | { ok: false; reason: 'not_allowed' | 'tor_not_agreed' | 'not_started' | 'changed' };

/** The broker moves the exchange on, through the state table and its guards. */
export async function moveExchange(ctx: ServiceCtx, id: string, event: string): Promise<TransitionOutcome> {
  if (!isExchangeEvent(event)) throw new ValidationError({ event: 'platform.form.choice' });
  const { e } = await load(ctx, id, 'exchange.transition');
  const from = e.state as ExchangeState;
  const tr = transition(from, event as ExchangeEvent);
  if (!tr.ok) return tr;
  const versions = await torOf(ctx, e.id);
  const g = guard(event as ExchangeEvent, { torAgreed: !!versions[0] && agreedVersion(versions)?.version === versions[0].version, today: ctx.now.toISOString().slice(0, 10), startDate: e.startDate });
  if (!g.ok) return g;
  return ctx.db.transaction(async (tx): Promise<TransitionOutcome> => {
    if (!(await repo.moveState(tx, e.id, from, tr.to, ctx.actor!.id, ctx.now))) return { ok: false, reason: 'changed' };
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: `exchange.${event}`, objectType: 'exchange', objectId: e.id, ip: ctx.ip });
    return { ok: true, to: tr.to };
  });
}

// ---------- the exchange's page ----------

export type ExchangePage = {
  exchange: repo.ExchangeRow;
  participants: repo.ParticipantCount[];
  budget: repo.BudgetLine[];
  transitions: Awaited<ReturnType<typeof repo.transitionsOf>>;
  documents: Awaited<ReturnType<typeof repo.documentsOf>>;
  agenda: Awaited<ReturnType<typeof repo.agendaOf>>;
  messages: Awaited<ReturnType<typeof repo.messagesOf>>;
  tasks: Awaited<ReturnType<typeof repo.tasksOf>>;
  tor: { latest: number | null; agreed: number | null };
  abilities: { editPlan: boolean; transition: boolean; post: boolean; events: ExchangeEvent[]; draftLesson: boolean; proposePartnership: boolean };
};

export async function getExchange(ctx: ServiceCtx, id: string): Promise<ExchangePage> {
  const { e, standing } = await load(ctx, id, 'exchange.view');
  const [participants, budget, transitions, documents, agenda, messages, tasks, versions] = await Promise.all([
    repo.participantsOf(ctx.db, e.id),
    repo.budgetOf(ctx.db, e.id),
    repo.transitionsOf(ctx.db, e.id),
    repo.documentsOf(ctx.db, e.id),
    repo.agendaOf(ctx.db, e.id),
    repo.messagesOf(ctx.db, e.id),
    repo.tasksOf(ctx.db, e.id),
    torOf(ctx, e.id),
  ]);
  const canMove = canExchange(ctx.actor, 'exchange.transition', standing);
  const { EXCHANGE_TRANSITIONS } = await import('./exchanges.workflow.ts');
  return {
    exchange: e,
    participants,
    budget,
    transitions,
    documents,
    agenda,
    messages,
    tasks,
    tor: { latest: versions[0]?.version ?? null, agreed: agreedVersion(versions)?.version ?? null },
    abilities: {
      editPlan: canExchange(ctx.actor, 'exchange.editPlan', standing),
      transition: canMove,
      post: canExchange(ctx.actor, 'exchange.post', standing),
      events: canMove ? (Object.keys(EXCHANGE_TRANSITIONS[standing.state]) as ExchangeEvent[]) : [],
      draftLesson: canExchange(ctx.actor, 'exchange.draftLesson', standing),
      proposePartnership: (standing.state === 'held' || standing.state === 'evaluated' || standing.state === 'closed') && !!e.peerOrganisationId && !(await repo.partnershipOfExchange(ctx.db, e.id)),
    },
  };
}

/** The plan as it stands, for the edit form (broker, while planning is open). */
export async function getPlanForEdit(ctx: ServiceCtx, id: string): Promise<{ exchange: repo.ExchangeRow; values: Record<string, unknown> }> {
  const { e } = await load(ctx, id, 'exchange.editPlan');
  const [participants, budget] = await Promise.all([repo.participantsOf(ctx.db, e.id), repo.budgetOf(ctx.db, e.id)]);
  return { exchange: e, values: planValues(e, participants, budget) };
}

export async function listExchanges(ctx: ServiceCtx) {
  const actor = requireActor(ctx);
  return { exchanges: await repo.exchangesOf(ctx.db, actor.id, isStaff(actor)), toPlan: isStaff(actor) ? await repo.matchesToPlan(ctx.db) : [], dashboards: await dashboardLinks(ctx) };
}

export async function postMessage(ctx: ServiceCtx, id: string, raw: unknown): Promise<void> {
  const { e } = await load(ctx, id, 'exchange.post');
  const v = mustParse(messageSchema, raw);
  await ctx.db.transaction(async (tx) => {
    await repo.insertMessage(tx, { id: randomUUID(), exchangeId: e.id, authorId: ctx.actor!.id, body: v.body, at: ctx.now });
    await notify(tx, ctx.now, (await repo.sideUserIds(tx, e)).filter((u) => u !== ctx.actor!.id), 'exchange_message', (t) => ({
      subject: t('exchanges.mail.message.subject', { title: e.title }),
      body: t('exchanges.mail.message.body', { title: e.title, link: mailLink(`/exchanges/${e.id}`) }),
    }));
  });
}

export async function addAgendaItem(ctx: ServiceCtx, id: string, raw: unknown): Promise<void> {
  const { e } = await load(ctx, id, 'exchange.post');
  const v = mustParse(agendaSchema, raw);
  if (v.day < e.startDate || v.day > e.endDate) throw new ValidationError({ day: 'exchanges.agenda.outsideDates' });
  await repo.insertAgendaItem(ctx.db, { id: randomUUID(), exchangeId: e.id, day: v.day, time: v.time, title: v.title, createdBy: ctx.actor!.id, createdAt: ctx.now });
}

export async function addTask(ctx: ServiceCtx, id: string, raw: unknown): Promise<void> {
  const { e } = await load(ctx, id, 'exchange.post');
  const v = mustParse(taskSchema, raw);
  await repo.insertTask(ctx.db, { id: randomUUID(), exchangeId: e.id, title: v.title, dueDate: v.dueDate, createdBy: ctx.actor!.id, createdAt: ctx.now });
}

export async function setTaskDone(ctx: ServiceCtx, id: string, taskId: string, isDone: boolean): Promise<void> {
  const { e } = await load(ctx, id, 'exchange.post');
  if (!isUuid(taskId) || !(await repo.setTaskDone(ctx.db, e.id, taskId, isDone))) throw new NotFoundError();
}

/** The exchange's dates (and its agenda) as an iCalendar file. */
export async function exchangeCalendar(ctx: ServiceCtx, id: string, t: T): Promise<string> {
  const { e } = await load(ctx, id, 'exchange.view');
  const { default: ical } = await import('ical-generator');
  const cal = ical({ name: e.title, prodId: { company: 'Peerlink', product: 'exchanges', language: ctx.locale.toUpperCase() } });
  const end = new Date(`${e.endDate}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  cal.createEvent({ id: `${e.id}@peerlink`, start: new Date(`${e.startDate}T00:00:00Z`), end, allDay: true, summary: e.title, location: e.place || e.onlineLink || null, url: e.onlineLink || null, stamp: ctx.now, description: t('exchanges.ical.description') });
  for (const a of await repo.agendaOf(ctx.db, e.id)) {
    if (a.time) {
      const start = new Date(`${a.day}T${a.time}:00Z`);
      cal.createEvent({ id: `${a.id}@peerlink`, start, end: new Date(start.getTime() + 3600_000), summary: a.title, stamp: ctx.now, location: e.place || null });
    } else {
      const start = new Date(`${a.day}T00:00:00Z`);
      cal.createEvent({ id: `${a.id}@peerlink`, start, end: new Date(start.getTime() + 86400_000), allDay: true, summary: a.title, stamp: ctx.now });
    }
  }
  return cal.toString();
}

// ---------- lessons ----------

/**
 * At the end, the broker drafts a good practice from the exchange's record: the request's problem,
 * the agreed terms of reference (approach, expected results, roles), the evaluations' answers, the
 * budget and both partners. The draft is the knowledge module's, linked to the exchange, for a
 * broker to edit and publish there.
 */
export async function draftLesson(ctx: ServiceCtx, id: string, t: T): Promise<{ id: string }> {
  const { e } = await load(ctx, id, 'exchange.draftLesson');
  const [facts, versions, budget] = await Promise.all([repo.lessonFacts(ctx.db, e), torOf(ctx, e.id), repo.budgetOf(ctx.db, e.id)]);
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

// ---------- documents ----------

/** The largest exchange document (as a request attachment). */
export const MAX_DOCUMENT_BYTES = MAX_BYTES.request_attachment;

/**
 * A participant shares a document, with the checks of requests.files.ts: size, per-person quota
 * (all of a person's files), bytes matching the name (PDF, DOCX, ODT, PNG, JPEG), archives measured
 * before unpacking; stored under a random name outside anything served. No file and no row remain on failure.
 */
export async function addDocument(ctx: ServiceCtx, env: FilesEnv, id: string, u: Upload): Promise<{ ok: true; id: string } | { ok: false; reason: Rejection }> {
  const { e } = await load(ctx, id, 'exchange.post');
  if (u.bytes.length > MAX_DOCUMENT_BYTES) return { ok: false, reason: 'too_large' };
  const used = (await storedBytesOf(ctx.db, ctx.actor!.id)) + (await repo.documentBytesOf(ctx.db, ctx.actor!.id));
  if (used + u.bytes.length > QUOTA_BYTES) return { ok: false, reason: 'quota' };
  const checked = await inspect(u);
  if (!checked.ok) return checked;
  const docId = randomUUID();
  const storageName = randomBytes(24).toString('hex');
  mkdirSync(env.filesDir, { recursive: true, mode: 0o700 });
  const path = join(env.filesDir, storageName);
  writeFileSync(path, u.bytes, { mode: 0o600 });
  try {
    await ctx.db.transaction(async (tx) => {
      await repo.insertDocument(tx, { id: docId, exchangeId: e.id, uploadedBy: ctx.actor!.id, label: labelOf(u.name), mime: checked.mime, size: u.bytes.length, storageName, createdAt: ctx.now });
      await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'exchange.document.add', objectType: 'exchange_document', objectId: docId, ip: ctx.ip });
    });
  } catch (err) {
    rmSync(path, { force: true });
    throw err;
  }
  return { ok: true, id: docId };
}

/** A document for a participant; 404 for anyone else and for a missing one alike. */
export async function openDocument(ctx: ServiceCtx, env: FilesEnv, id: string, docId: string): Promise<{ label: string; mime: string; bytes: Buffer }> {
  const { e } = await load(ctx, id, 'exchange.view');
  const row = isUuid(docId) ? await repo.findDocument(ctx.db, e.id, docId) : undefined;
  if (!row) throw new NotFoundError();
  try {
    return { label: row.label, mime: row.mime, bytes: readFileSync(join(env.filesDir, row.storageName)) };
  } catch {
    throw new NotFoundError();
  }
}

// ---------- programme dashboard ----------

/** The programme's name for the secretariat; 404 for anyone else and for a missing programme alike. */
async function loadProgramme(ctx: ServiceCtx, programmeId: string): Promise<string> {
  if (!isStaff(ctx.actor) || !isUuid(programmeId)) throw new NotFoundError();
  const name = await repo.programmeName(ctx.db, programmeId);
  if (name === undefined) throw new NotFoundError();
  return name;
}

/** The programme's figures for the secretariat: exchanges by state, format, region, theme and SDG; satisfaction; follow-up answers per stage and their outcomes; the countries and country pairs of the map. */
export async function programmeDashboard(ctx: ServiceCtx, programmeId: string) {
  const name = await loadProgramme(ctx, programmeId);
  const [figures, counts, outcomes] = await Promise.all([repo.programmeFigures(ctx.db, programmeId), repo.programmeCountryCounts(ctx.db, programmeId), repo.programmeOutcomes(ctx.db, programmeId)]);
  return { programmeId, name, ...figures, ...countryFigures(counts), outcomes: outcomeSummary(outcomes) };
}

export type CountryFigure = { code: string; asHost: number; asPeer: number };

/** Countries (with how often each hosted and sent peers) and host–peer country pairs, most exchanges first. */
export function countryFigures(counts: { host: string; peer: string | null; n: number }[]): { countries: CountryFigure[]; pairs: { host: string; peer: string; n: number }[] } {
  const byCode = new Map<string, CountryFigure>();
  const get = (code: string) => byCode.get(code) ?? (byCode.set(code, { code, asHost: 0, asPeer: 0 }), byCode.get(code)!);
  const pairs = new Map<string, { host: string; peer: string; n: number }>();
  for (const c of counts) {
    get(c.host).asHost += c.n;
    if (!c.peer) continue;
    get(c.peer).asPeer += c.n;
    const k = `${c.host}-${c.peer}`;
    const p = pairs.get(k) ?? { host: c.host, peer: c.peer, n: 0 };
    p.n += c.n;
    pairs.set(k, p);
  }
  return {
    countries: [...byCode.values()].sort((a, b) => b.asHost + b.asPeer - (a.asHost + a.asPeer) || a.code.localeCompare(b.code)),
    pairs: [...pairs.values()].sort((a, b) => b.n - a.n || a.host.localeCompare(b.host) || a.peer.localeCompare(b.peer)),
  };
}

export type SideOutcome = { n: number; mean: number | null; distribution: { value: string; n: number }[] };
export type OutcomeQuestion = { stage: string; kind: string; label: string; host: SideOutcome | null; peer: SideOutcome | null };

const FOLLOW_UP_STAGES = ['m3', 'm6', 'm12'] as const;

/** Per follow-up stage and scale or choice question: the number of answers per side, the mean of a scale and the distribution of the values. */
export function outcomeSummary(list: repo.OutcomeRow[]): OutcomeQuestion[] {
  const out = new Map<string, OutcomeQuestion & { position: number }>();
  for (const r of list) {
    const key = `${r.stage}\u0000${r.kind}\u0000${r.label}`;
    const q = out.get(key) ?? { stage: r.stage, kind: r.kind, label: r.label, position: r.position, host: null, peer: null };
    out.set(key, q);
    q.position = Math.min(q.position, r.position);
    if (r.side !== 'host' && r.side !== 'peer') continue;
    const s = (q[r.side] ??= { n: 0, mean: null, distribution: [] });
    s.n += r.n;
    s.distribution.push({ value: r.value, n: r.n });
  }
  for (const q of out.values())
    for (const s of [q.host, q.peer]) {
      if (!s) continue;
      if (q.kind === 'scale') {
        const total = s.distribution.reduce((a, d) => a + Number(d.value) * d.n, 0);
        s.mean = Math.round((total / s.n) * 10) / 10;
        s.distribution.sort((a, b) => Number(a.value) - Number(b.value));
      } else s.distribution.sort((a, b) => b.n - a.n || a.value.localeCompare(b.value));
    }
  const stageIx = (s: string) => FOLLOW_UP_STAGES.indexOf(s as (typeof FOLLOW_UP_STAGES)[number]);
  return [...out.values()].sort((a, b) => stageIx(a.stage) - stageIx(b.stage) || a.position - b.position || a.label.localeCompare(b.label)).map(({ position: _p, ...q }) => q);
}

// A spreadsheet runs a cell that starts with = + - @ (or a tab or CR) as a formula: such text gets a leading apostrophe.
const FORMULA = /^[=+\-@\t\r]/;
export const csvCell = (v: string | number | null): string | number => (v === null ? '' : typeof v === 'string' && FORMULA.test(v) ? `'${v}` : v);

/** The programme's exchanges as CSV, one row per exchange (secretariat only, as the dashboard). Codes, not labels, for states, formats, regions, themes and countries (ISO 3166-1 alpha-2). */
export async function programmeCsv(ctx: ServiceCtx, programmeId: string): Promise<{ name: string; csv: string }> {
  const name = await loadProgramme(ctx, programmeId);
  const list = await repo.programmeExportRows(ctx.db, programmeId);
  const { stringify } = await import('csv-stringify/sync');
  const genders = [
    ['women', 'women'],
    ['men', 'men'],
    ['other', 'otherGender'],
  ] as const;
  const columns = [
    'programme', 'exchange_id', 'title', 'state', 'format', 'start_date', 'end_date', 'place',
    'host_organisation', 'host_country', 'host_region', 'peer_organisation', 'peer_country', 'peer_region',
    'themes', 'sdgs', 'participants', 'women', 'men', 'other_gender',
    ...PARTICIPANT_KINDS.flatMap((k) => genders.map(([g]) => `${k}_${g}`)),
    'satisfaction_mean', 'satisfaction_answers',
  ];
  const records = list.map((r) => {
    const sum = (f: (p: repo.ExportRow['participants'][number]) => number) => r.participants.reduce((a, p) => a + f(p), 0);
    const byKind = PARTICIPANT_KINDS.flatMap((k) => genders.map(([, f]) => sum((p) => (p.kind === k ? p[f] : 0))));
    const row: (string | number | null)[] = [
      name, r.id, r.title, r.state, r.format, r.startDate, r.endDate, r.place,
      r.hostName, r.hostCountry, r.hostRegion, r.peerName, r.peerCountry, r.peerRegion,
      r.themes.join('; '), r.sdgs.join('; '),
      sum((p) => p.women + p.men + p.otherGender), sum((p) => p.women), sum((p) => p.men), sum((p) => p.otherGender),
      ...byKind,
      r.satisfaction, r.satisfactionAnswers,
    ];
    return row.map(csvCell);
  });
  await audit(ctx.db, ctx.now, { actorId: ctx.actor!.id, action: 'exchange.export', objectType: 'programme', objectId: programmeId, ip: ctx.ip });
  return { name, csv: stringify(records, { header: true, columns, bom: true }) };
}

/** Programmes with exchanges, for the secretariat's dashboard links (empty for anyone else). */
export async function dashboardLinks(ctx: ServiceCtx): Promise<{ id: string; name: string; n: number }[]> {
  return isStaff(ctx.actor) ? repo.programmesWithExchanges(ctx.db) : [];
}

// ---------- printable report ----------

export type ReportEvaluation = { id: string; stage: string; side: string; sentAt: Date; answeredAt: Date | null; items: { label: string; kind: string; value: string }[] };

/**
 * The whole record of an exchange on one page, for its participants and the secretariat (404 to anyone
 * else): parties, plan, participants, the agreed terms of reference (or the latest draft) with who signed,
 * agenda, tasks, budget, the evaluations this reader may see (every side for the secretariat, one's own
 * side for a participant, as on the results page) and the partnership if any.
 */
export async function exchangeReport(ctx: ServiceCtx, id: string) {
  const { e, standing } = await load(ctx, id, 'exchange.view');
  const staff = isStaff(ctx.actor);
  const sides = staff || (standing.isHost && standing.isPeer) ? null : standing.isHost ? ['host'] : ['peer'];
  const [parties, participants, budget, agenda, tasks, versions, answers, partnership] = await Promise.all([
    repo.partiesOf(ctx.db, e),
    repo.participantsOf(ctx.db, e.id),
    repo.budgetOf(ctx.db, e.id),
    repo.agendaOf(ctx.db, e.id),
    repo.tasksOf(ctx.db, e.id),
    torOf(ctx, e.id),
    repo.evaluationAnswersOf(ctx.db, e.id, sides),
    repo.partnershipOfExchange(ctx.db, e.id),
  ]);
  const agreed = agreedVersion(versions);
  const evaluations = new Map<string, ReportEvaluation>();
  for (const a of answers) {
    const v = evaluations.get(a.evaluationId) ?? { id: a.evaluationId, stage: a.stage, side: a.side, sentAt: a.sentAt, answeredAt: a.answeredAt, items: [] };
    evaluations.set(a.evaluationId, v);
    if (a.label !== null && a.kind !== null && a.value !== null) v.items.push({ label: a.label, kind: a.kind, value: a.value });
  }
  // Reading another side's answers is recorded, as on the results page.
  if (staff && answers.some((a) => a.answeredAt)) await audit(ctx.db, ctx.now, { actorId: ctx.actor!.id, action: 'evaluation.results', objectType: 'exchange', objectId: e.id, ip: ctx.ip });
  return {
    exchange: e,
    parties,
    participants,
    budget,
    agenda,
    tasks,
    tor: agreed ? { ...agreed, agreed: true } : versions[0] ? { ...versions[0], agreed: false } : null,
    evaluations: [...evaluations.values()],
    partnership: partnership ? { id: partnership.id, state: partnership.state, createdAt: partnership.createdAt } : null,
    madeAt: ctx.now,
  };
}

export type ExchangeReport = Awaited<ReturnType<typeof exchangeReport>>;

// ---------- partnership ----------

export type PartnershipOutcome = { ok: true; id: string } | { ok: false; reason: 'no_peer_organisation' | 'already_proposed'; id?: string };

/** After the exchange, someone of either side (or the broker) proposes to continue as a city-to-city partnership. One per exchange. */
export async function proposePartnership(ctx: ServiceCtx, id: string, note: string): Promise<PartnershipOutcome> {
  const { e, standing } = await load(ctx, id, 'exchange.view');
  if (standing.state === 'planned' || standing.state === 'agreed') throw new NotFoundError();
  if (!e.peerOrganisationId) return { ok: false, reason: 'no_peer_organisation' };
  const side = standing.isHost ? 'host' : standing.isPeer ? 'peer' : 'broker';
  const pid = randomUUID();
  return ctx.db.transaction(async (tx): Promise<PartnershipOutcome> => {
    const inserted = await repo.insertPartnership(tx, { id: pid, exchangeId: e.id, hostOrganisationId: e.hostOrganisationId, peerOrganisationId: e.peerOrganisationId!, state: 'proposed', proposedBy: ctx.actor!.id, proposedSide: side, createdAt: ctx.now, updatedAt: ctx.now });
    if (!inserted) return { ok: false, reason: 'already_proposed', id: (await repo.partnershipOfExchange(tx, e.id))?.id };
    await repo.insertPartnershipEvent(tx, { id: randomUUID(), partnershipId: pid, kind: 'proposed', note: note.trim().slice(0, 2000), actorId: ctx.actor!.id, at: ctx.now });
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'partnership.propose', objectType: 'partnership', objectId: pid, ip: ctx.ip });
    await notify(tx, ctx.now, (await repo.sideUserIds(tx, e)).filter((u) => u !== ctx.actor!.id), 'partnership_proposed', (t) => ({
      subject: t('exchanges.mail.partnership.subject', { title: e.title }),
      body: t('exchanges.mail.partnership.body', { title: e.title, link: mailLink(`/partnerships/${pid}`) }),
    }));
    return { ok: true, id: pid };
  });
}

async function loadPartnership(ctx: ServiceCtx, id: string) {
  const actor = requireActor(ctx);
  const p = isUuid(id) ? await repo.findPartnership(ctx.db, id) : undefined;
  if (!p) throw new NotFoundError();
  const [isHost, isPeer] = await Promise.all([repo.isMemberOf(ctx.db, p.hostOrganisationId, actor.id), repo.isMemberOf(ctx.db, p.peerOrganisationId, actor.id)]);
  const e = await repo.findExchange(ctx.db, p.exchangeId);
  const s = e ? await repo.standingOf(ctx.db, e, actor.id) : { isHost: false, isPeer: false };
  const host = isHost || s.isHost;
  const peer = isPeer || s.isPeer;
  if (!host && !peer && !isStaff(actor)) throw new NotFoundError();
  return { p, host, peer, e };
}

/** The partnership record: both parties, state, history. For both organisations' members and the secretariat. */
export async function getPartnership(ctx: ServiceCtx, id: string) {
  const { p, host, peer, e } = await loadPartnership(ctx, id);
  const [names, history] = await Promise.all([repo.organisationNames(ctx.db, [p.hostOrganisationId, p.peerOrganisationId]), repo.partnershipHistory(ctx.db, p.id)]);
  // The side that did not propose accepts (the secretariat may too).
  const canAccept = p.state === 'proposed' && ((p.proposedSide !== 'host' && host) || (p.proposedSide !== 'peer' && peer) || isStaff(ctx.actor));
  return {
    id: p.id,
    state: p.state,
    exchange: e ? { id: e.id, title: e.title } : null,
    host: names.get(p.hostOrganisationId) ?? '',
    peer: names.get(p.peerOrganisationId) ?? '',
    history,
    abilities: { accept: canAccept },
  };
}

export async function acceptPartnership(ctx: ServiceCtx, id: string): Promise<{ ok: boolean }> {
  const page = await getPartnership(ctx, id);
  if (!page.abilities.accept) return { ok: false };
  return ctx.db.transaction(async (tx) => {
    if (!(await repo.activatePartnership(tx, id, ctx.now))) return { ok: false };
    await repo.insertPartnershipEvent(tx, { id: randomUUID(), partnershipId: id, kind: 'accepted', actorId: ctx.actor!.id, at: ctx.now });
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'partnership.accept', objectType: 'partnership', objectId: id, ip: ctx.ip });
    return { ok: true };
  });
}

export async function addPartnershipNote(ctx: ServiceCtx, id: string, raw: unknown): Promise<void> {
  const { p } = await loadPartnership(ctx, id);
  const v = mustParse(messageSchema, raw);
  await repo.insertPartnershipEvent(ctx.db, { id: randomUUID(), partnershipId: p.id, kind: 'note', note: v.body, actorId: ctx.actor!.id, at: ctx.now });
}
