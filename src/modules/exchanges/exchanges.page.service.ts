/**
 * The participants' page of an exchange: what it shows (a view model built here, so the view
 * only formats) and what the participants do on it — agenda, tasks, messages, shared documents,
 * the calendar file. Its own file because this is the day-to-day work of the people of both
 * sides, apart from the broker's planning and state changes (exchanges.service.ts).
 */
import { randomUUID } from 'node:crypto';
import type { ServiceCtx } from '../../platform/http.ts';
import { perPersonLimit } from '../../platform/security.ts';
import type { T } from '../../platform/i18n.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { mustParse } from '../../platform/validation.ts';
import { notify, mailLink } from '../../platform/outbox.ts';
import { isUuid } from '../../platform/ids.ts';
import type { ExchangeFormat } from '../../taxonomy/formats.ts';
import { inspect, labelOf, MAX_BYTES, QUOTA_BYTES, storedBytesOf, writeBytes, readBytes, removeBytes, type FilesEnv, type Upload, type Rejection } from '../files/files.service.ts';
import * as repo from './exchanges.repository.ts';
import { canExchange, signableSides, isStaff, type ExchangeStanding, type TorSide } from './exchanges.policy.ts';
import { EXCHANGE_TRANSITIONS, type ExchangeEvent, type ExchangeState } from './exchanges.workflow.ts';
import { messageSchema, agendaSchema, taskSchema, CHECKLIST_ITEMS } from './exchanges.schema.ts';
import { loadExchange } from './exchanges.access.ts';
import { agreedVersion, latestIsAgreed, torOf } from './exchanges.tor.service.ts';
import { canProposePartnership } from './exchanges.partnerships.service.ts';

/** An exchange with everything recorded about it, for its participants (the API's detail). */
export type ExchangeRecord = {
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

export async function getExchange(ctx: ServiceCtx, id: string): Promise<ExchangeRecord> {
  return (await recordOf(ctx, id)).record;
}

/** The record, with the reader's standing and the terms' versions (what the summary's next step needs). */
async function recordOf(ctx: ServiceCtx, id: string): Promise<{ record: ExchangeRecord; standing: ExchangeStanding; versions: Awaited<ReturnType<typeof torOf>> }> {
  const { e, standing } = await loadExchange(ctx, id, 'exchange.view');
  const [participants, budget, transitions, documents, agenda, messages, tasks, versions] = await Promise.all([
    repo.participantsOf(ctx.db, e.id),
    repo.budgetOf(ctx.db, e.id),
    repo.transitionsOf(ctx.db, e.id),
    repo.documentsOf(ctx.db, e.id),
    repo.agendaOf(ctx.db, e.id),
    repo.messagesOf(ctx.db, e.id),
    repo.tasksOf(ctx.db, e.id),
    torOf(ctx.db, e.id),
  ]);
  const canMove = canExchange(ctx.actor, 'exchange.transition', standing);
  const record: ExchangeRecord = {
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
      proposePartnership: await canProposePartnership(ctx, e),
    },
  };
  return { record, standing, versions };
}

/** What the exchange's page shows, in the order it shows it; dates stay ISO days and instants, names and labels are the view's. */
export type ExchangePageView = {
  id: string;
  title: string;
  state: ExchangeState;
  format: ExchangeFormat;
  startDate: string;
  endDate: string;
  place: string;
  onlineLink: string;
  /** The host's and the peer's organisations (for the `exchanges.page` slot: their associations). */
  organisationIds: string[];
  /** The latest version of the terms and the agreed one, if any. */
  tor: { latest: number | null; agreed: number | null };
  checklist: { item: (typeof CHECKLIST_ITEMS)[number]; done: boolean }[];
  participants: repo.ParticipantCount[];
  participantsTotal: number;
  budget: repo.BudgetLine[];
  documents: { id: string; label: string; sizeKb: number; uploaderName: string; createdAt: Date }[];
  agenda: { day: string; time: string | null; title: string }[];
  tasks: { id: string; title: string; dueDate: string; isDone: boolean }[];
  messages: { authorName: string; body: string; at: Date }[];
  history: { at: Date; from: string; to: string; actorName: string | null }[];
  /** What the reader may do here. */
  can: { editPlan: boolean; post: boolean; transition: boolean; events: ExchangeEvent[]; draftLesson: boolean; proposePartnership: boolean };
  /** The reader's part in the exchange (host, peer, secretariat). */
  mySides: TorSide[];
  /** The latest terms still wait for one of the reader's signatures. */
  torToSign: boolean;
  /** The latest terms are signed by all three (the exchange may be marked agreed). */
  torLatestAgreed: boolean;
  /** The exchange's first day has come (it may be marked held). */
  started: boolean;
};

/** The exchange's page for its participants and the secretariat (404 to anyone else). */
export async function exchangePage(ctx: ServiceCtx, id: string): Promise<ExchangePageView> {
  const { record: x, standing, versions } = await recordOf(ctx, id);
  const e = x.exchange;
  const latest = versions[0];
  const signed = new Set(latest?.signatures.map((s) => s.side) ?? []);
  const mySides: TorSide[] = [...(standing.isHost ? (['host'] as const) : []), ...(standing.isPeer ? (['peer'] as const) : []), ...(isStaff(ctx.actor) ? (['broker'] as const) : [])];
  return {
    id: e.id,
    title: e.title,
    state: e.state as ExchangeState,
    format: e.format as ExchangeFormat,
    startDate: e.startDate,
    endDate: e.endDate,
    place: e.place,
    onlineLink: e.onlineLink,
    organisationIds: [e.hostOrganisationId, ...(e.peerOrganisationId ? [e.peerOrganisationId] : [])],
    tor: x.tor,
    checklist: CHECKLIST_ITEMS.map((item) => ({ item, done: !!e.checklist[item] })),
    participants: x.participants,
    participantsTotal: x.participants.reduce((n, p) => n + p.women + p.men + p.otherGender, 0),
    budget: x.budget,
    documents: x.documents.map((d) => ({ id: d.id, label: d.label, sizeKb: Math.max(1, Math.round(d.size / 1024)), uploaderName: d.uploaderName, createdAt: d.createdAt })),
    agenda: x.agenda.map((a) => ({ day: a.day, time: a.time, title: a.title })),
    tasks: x.tasks,
    messages: x.messages,
    history: x.transitions,
    can: { editPlan: x.abilities.editPlan, post: x.abilities.post, transition: x.abilities.transition, events: x.abilities.events, draftLesson: x.abilities.draftLesson, proposePartnership: x.abilities.proposePartnership },
    mySides,
    torToSign: !!latest && signableSides(ctx.actor, standing).some((s) => !signed.has(s)),
    torLatestAgreed: latestIsAgreed(versions),
    started: ctx.now.toISOString().slice(0, 10) >= e.startDate,
  };
}

/** Messages one person may post a minute, all exchanges together (SECURITY.md 26). */
export const MESSAGES_PER_MINUTE = 10;

export async function postMessage(ctx: ServiceCtx, id: string, raw: unknown): Promise<void> {
  const { e } = await loadExchange(ctx, id, 'exchange.post');
  const v = mustParse(messageSchema, raw);
  perPersonLimit(await repo.recentMessagesOf(ctx.db, ctx.actor!.id, new Date(ctx.now.getTime() - 60_000)), MESSAGES_PER_MINUTE, 60_000, ctx.now);
  await ctx.db.transaction(async (tx) => {
    await repo.insertMessage(tx, { id: randomUUID(), exchangeId: e.id, authorId: ctx.actor!.id, body: v.body, at: ctx.now });
    await notify(tx, ctx.now, (await repo.sideUserIds(tx, e)).filter((u) => u !== ctx.actor!.id), 'exchange_message', (t) => ({
      subject: t('exchanges.mail.message.subject', { title: e.title }),
      body: t('exchanges.mail.message.body', { title: e.title, link: mailLink(`/exchanges/${e.id}`) }),
    }));
  });
}

export async function addAgendaItem(ctx: ServiceCtx, id: string, raw: unknown): Promise<void> {
  const { e } = await loadExchange(ctx, id, 'exchange.post');
  const v = mustParse(agendaSchema, raw);
  if (v.day < e.startDate || v.day > e.endDate) throw new ValidationError({ day: 'exchanges.agenda.outsideDates' });
  await repo.insertAgendaItem(ctx.db, { id: randomUUID(), exchangeId: e.id, day: v.day, time: v.time, title: v.title, createdBy: ctx.actor!.id, createdAt: ctx.now });
}

export async function addTask(ctx: ServiceCtx, id: string, raw: unknown): Promise<void> {
  const { e } = await loadExchange(ctx, id, 'exchange.post');
  const v = mustParse(taskSchema, raw);
  await repo.insertTask(ctx.db, { id: randomUUID(), exchangeId: e.id, title: v.title, dueDate: v.dueDate, createdBy: ctx.actor!.id, createdAt: ctx.now });
}

export async function setTaskDone(ctx: ServiceCtx, id: string, taskId: string, isDone: boolean): Promise<void> {
  const { e } = await loadExchange(ctx, id, 'exchange.post');
  if (!isUuid(taskId) || !(await repo.setTaskDone(ctx.db, e.id, taskId, isDone))) throw new NotFoundError();
}

/** The exchange's dates (and its agenda) as an iCalendar file. */
export async function exchangeCalendar(ctx: ServiceCtx, id: string, t: T): Promise<string> {
  const { e } = await loadExchange(ctx, id, 'exchange.view');
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

// ---------- documents ----------

/** The largest exchange document (as a request attachment). */
export const MAX_DOCUMENT_BYTES = MAX_BYTES.request_attachment;

/**
 * A participant shares a document, with the checks of the files module: size, per-person quota
 * (all of a person's files), bytes matching the name (PDF, DOCX, ODT, PNG, JPEG), archives measured
 * before unpacking; stored under a random name outside anything served. No file and no row remain on failure.
 */
export async function addDocument(ctx: ServiceCtx, env: FilesEnv, id: string, u: Upload): Promise<{ ok: true; id: string } | { ok: false; reason: Rejection }> {
  const { e } = await loadExchange(ctx, id, 'exchange.post');
  if (u.bytes.length > MAX_DOCUMENT_BYTES) return { ok: false, reason: 'too_large' };
  const used = (await storedBytesOf(ctx.db, ctx.actor!.id)) + (await repo.documentBytesOf(ctx.db, ctx.actor!.id));
  if (used + u.bytes.length > QUOTA_BYTES) return { ok: false, reason: 'quota' };
  const checked = await inspect(u);
  if (!checked.ok) return checked;
  const docId = randomUUID();
  const storageName = writeBytes(env, u.bytes);
  try {
    await ctx.db.transaction(async (tx) => {
      await repo.insertDocument(tx, { id: docId, exchangeId: e.id, uploadedBy: ctx.actor!.id, label: labelOf(u.name), mime: checked.mime, size: u.bytes.length, storageName, createdAt: ctx.now });
      await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'exchange.document.add', objectType: 'exchange_document', objectId: docId, ip: ctx.ip });
    });
  } catch (err) {
    removeBytes(env, storageName);
    throw err;
  }
  return { ok: true, id: docId };
}

/** A document for a participant; 404 for anyone else and for a missing one alike. */
export async function openDocument(ctx: ServiceCtx, env: FilesEnv, id: string, docId: string): Promise<{ label: string; mime: string; bytes: Buffer }> {
  const { e } = await loadExchange(ctx, id, 'exchange.view');
  const row = isUuid(docId) ? await repo.findDocument(ctx.db, e.id, docId) : undefined;
  if (!row) throw new NotFoundError();
  return { label: row.label, mime: row.mime, bytes: readBytes(env, row.storageName) };
}
