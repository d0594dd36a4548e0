/**
 * Exchanges: what a confirmed match becomes. Planning (format, dates, place, participants,
 * logistics, budget), terms of reference in versions signed by host, peer and broker (a signed
 * version never changes: a database trigger refuses it), the exchange's own page (agenda,
 * messages, tasks), documents and its state history (the partnerships that continue it are the partnerships module's).
 * `exchanges.state` moves only through src/modules/exchanges/exchanges.workflow.ts.
 */
import { pgTable, text, timestamp, uuid, integer, jsonb, index, uniqueIndex, boolean, primaryKey, date, bigserial } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './accounts.ts';
import { organisations } from './organisations.ts';
import { matches } from './calls.ts';
import { programmes } from './programmes.ts';
import { requests } from './requests.ts';

export type LogisticsChecklist = { travel: boolean; visas: boolean; insurance: boolean; interpretation: boolean; accommodation: boolean };

export const exchanges = pgTable(
  'exchanges',
  {
    id: uuid('id').primaryKey(),
    /** One exchange per confirmed match. */
    matchId: uuid('match_id').notNull().references(() => matches.id),
    programmeId: uuid('programme_id').notNull().references(() => programmes.id),
    requestId: uuid('request_id').notNull().references(() => requests.id),
    hostOrganisationId: uuid('host_organisation_id').notNull().references(() => organisations.id),
    /** The peer organisation, when the offer came from one (an individual expert has none). */
    peerOrganisationId: uuid('peer_organisation_id').references(() => organisations.id),
    /** The person who made the offer. */
    peerUserId: uuid('peer_user_id').notNull().references(() => users.id),
    title: text('title').notNull(),
    format: text('format').notNull(),
    state: text('state').notNull().default('planned'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    place: text('place').notNull().default(''),
    onlineLink: text('online_link').notNull().default(''),
    checklist: jsonb('checklist').$type<LogisticsChecklist>().notNull(),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('exchanges_match_key').on(t.matchId), index('exchanges_programme_idx').on(t.programmeId, t.state), index('exchanges_host_idx').on(t.hostOrganisationId), index('exchanges_peer_idx').on(t.peerOrganisationId)],
);

/** Every state change of an exchange: who, when, from, to. */
export const exchangeTransitions = pgTable(
  'exchange_transitions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    exchangeId: uuid('exchange_id').notNull().references(() => exchanges.id, { onDelete: 'cascade' }),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('exchange_transitions_exchange_idx').on(t.exchangeId, t.at)],
);

/** Participants for reporting: counts by side (host, peer, stakeholder), type and gender. */
export const exchangeParticipants = pgTable(
  'exchange_participants',
  {
    exchangeId: uuid('exchange_id').notNull().references(() => exchanges.id, { onDelete: 'cascade' }),
    side: text('side').notNull(), // host | peer | stakeholder
    kind: text('kind').notNull(), // official | elected | expert | civil_society | private_sector | other
    women: integer('women').notNull().default(0),
    men: integer('men').notNull().default(0),
    otherGender: integer('other_gender').notNull().default(0),
  },
  (t) => [uniqueIndex('exchange_participants_key').on(t.exchangeId, t.side, t.kind)],
);

/** A budget line, in cents of its currency. */
export const exchangeBudgetLines = pgTable(
  'exchange_budget_lines',
  {
    id: uuid('id').primaryKey(),
    exchangeId: uuid('exchange_id').notNull().references(() => exchanges.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    amountCents: integer('amount_cents').notNull(),
    currency: text('currency').notNull().default('EUR'),
    fundedBy: text('funded_by').notNull().default(''),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('exchange_budget_lines_exchange_idx').on(t.exchangeId, t.position)],
);

export type TorContent = { objectives: string; activities: string; expectedResults: string; deliverables: string; roles: string; interpretation: string };

/** A version of the terms of reference. Rows are never updated; a signed one can't be deleted either (trigger). */
export const torVersions = pgTable(
  'tor_versions',
  {
    id: uuid('id').primaryKey(),
    exchangeId: uuid('exchange_id').notNull().references(() => exchanges.id),
    version: integer('version').notNull(),
    content: jsonb('content').$type<TorContent>().notNull(),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('tor_versions_exchange_version_key').on(t.exchangeId, t.version)],
);

/** Who signed which version for which side, when. One signature per version and side; append-only (trigger). */
export const torSignatures = pgTable(
  'tor_signatures',
  {
    torVersionId: uuid('tor_version_id').notNull().references(() => torVersions.id),
    exchangeId: uuid('exchange_id').notNull().references(() => exchanges.id),
    side: text('side').notNull(), // host | peer | broker
    userId: uuid('user_id').notNull().references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('tor_signatures_version_side_key').on(t.torVersionId, t.side), index('tor_signatures_exchange_idx').on(t.exchangeId)],
);

/** An item of the exchange's agenda. */
export const exchangeAgendaItems = pgTable(
  'exchange_agenda_items',
  {
    id: uuid('id').primaryKey(),
    exchangeId: uuid('exchange_id').notNull().references(() => exchanges.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    time: text('time').notNull().default(''),
    title: text('title').notNull(),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('exchange_agenda_exchange_idx').on(t.exchangeId, t.day)],
);

/** The participants' message thread. */
export const exchangeMessages = pgTable(
  'exchange_messages',
  {
    id: uuid('id').primaryKey(),
    exchangeId: uuid('exchange_id').notNull().references(() => exchanges.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').notNull().references(() => users.id),
    body: text('body').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('exchange_messages_exchange_idx').on(t.exchangeId, t.at)],
);

/** A task with a due date. */
export const exchangeTasks = pgTable(
  'exchange_tasks',
  {
    id: uuid('id').primaryKey(),
    exchangeId: uuid('exchange_id').notNull().references(() => exchanges.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    isDone: boolean('is_done').notNull().default(false),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('exchange_tasks_exchange_idx').on(t.exchangeId, t.dueDate)],
);

/** A document shared on an exchange's page. Bytes in DATA_DIR/files under `storageName` (random); `label` is the uploaded name, only a label. */
export const exchangeDocuments = pgTable(
  'exchange_documents',
  {
    id: uuid('id').primaryKey(),
    exchangeId: uuid('exchange_id').notNull().references(() => exchanges.id, { onDelete: 'cascade' }),
    uploadedBy: uuid('uploaded_by').notNull().references(() => users.id),
    label: text('label').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    storageName: text('storage_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('exchange_documents_exchange_idx').on(t.exchangeId, t.createdAt), index('exchange_documents_uploaded_by_idx').on(t.uploadedBy), uniqueIndex('exchange_documents_storage_key').on(t.storageName)],
);
