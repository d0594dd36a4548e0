/**
 * Partnerships (issue 13): lasting cooperation between two or more organisations, whatever its
 * origin (recorded by the partners, grown out of an exchange, or an accepted direct request). The
 * approaches it follows (twinning with its charter date, city-to-city partnership…), its themes,
 * since when, a shared history of dated entries (exchanges link in automatically), documents, and
 * a public page once every partner's admin confirmed and the partners asked for it. Also the
 * "open to cooperation" statements of organisations (the Cities4Cities model) and direct
 * cooperation requests between organisations outside any programme round.
 * The `partnerships` and `partnership_events` tables were the exchanges module's (migration 0011);
 * their rows were moved here with their data.
 */
import { pgTable, text, timestamp, uuid, integer, index, uniqueIndex, boolean, primaryKey, date } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './accounts.ts';
import { organisations } from './organisations.ts';
import { exchanges } from './exchanges.ts';

export const PARTNERSHIP_ORIGINS = ['recorded', 'exchange', 'request'] as const;
export const ENTRY_KINDS = ['proposed', 'accepted', 'note', 'activity', 'charter', 'created', 'invited', 'confirmed', 'exchange_held', 'exchange_closed', 'request_accepted'] as const;
export const REQUEST_STATES = ['sent', 'accepted', 'declined'] as const;

/** A partnership. `state`: proposed until every partner confirmed, then active. Shown to everyone when `wantsPublic` and active. */
export const partnerships = pgTable(
  'partnerships',
  {
    id: uuid('id').primaryKey(),
    title: text('title').notNull().default(''),
    summary: text('summary').notNull().default(''),
    /** The language the title and summary were written in (user content carries its own lang/dir). */
    lang: text('lang').notNull().default('en'),
    approaches: text('approaches').array().notNull().default(sql`'{}'::text[]`),
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    since: date('since', { mode: 'string' }),
    charterDate: date('charter_date', { mode: 'string' }),
    origin: text('origin').notNull().default('exchange'),
    /** The exchange it grew out of (one partnership per exchange). */
    exchangeId: uuid('exchange_id').references(() => exchanges.id),
    state: text('state').notNull().default('proposed'), // proposed | active
    wantsPublic: boolean('wants_public').notNull().default(false),
    proposedBy: uuid('proposed_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('partnerships_exchange_key').on(t.exchangeId), index('partnerships_approaches_idx').using('gin', t.approaches), index('partnerships_themes_idx').using('gin', t.themes)],
);

/** The partner organisations; each partner's admin confirms (`confirmedAt`) before the partnership shows. */
export const partnershipMembers = pgTable(
  'partnership_members',
  {
    partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    invitedBy: uuid('invited_by').references(() => users.id),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull(),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.partnershipId, t.organisationId] }), index('partnership_members_org_idx').on(t.organisationId)],
);

/** The shared history: dated activities, notes, and what happened automatically (proposed, confirmed, an exchange held or closed). */
export const partnershipEvents = pgTable(
  'partnership_events',
  {
    id: uuid('id').primaryKey(),
    partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** The day the activity took place (an activity's own date; otherwise the day it was recorded). */
    day: date('day', { mode: 'string' }),
    title: text('title').notNull().default(''),
    note: text('note').notNull().default(''),
    lang: text('lang').notNull().default('en'),
    exchangeId: uuid('exchange_id').references(() => exchanges.id, { onDelete: 'set null' }),
    /** null: recorded automatically, or its author's account was erased. */
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('partnership_events_partnership_idx').on(t.partnershipId, t.at), uniqueIndex('partnership_events_exchange_kind_key').on(t.partnershipId, t.exchangeId, t.kind)],
);

/** A document shared on a partnership's page (bytes in DATA_DIR/files under a random `storageName`; `label` is only a label). */
export const partnershipDocuments = pgTable(
  'partnership_documents',
  {
    id: uuid('id').primaryKey(),
    partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id, { onDelete: 'cascade' }),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    label: text('label').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    storageName: text('storage_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('partnership_documents_partnership_idx').on(t.partnershipId, t.createdAt), index('partnership_documents_uploaded_by_idx').on(t.uploadedBy), uniqueIndex('partnership_documents_storage_key').on(t.storageName)],
);

/** An organisation open to cooperation on chosen themes, with a short statement of its situation (Cities4Cities). One per organisation. */
export const cooperationOpenings = pgTable(
  'cooperation_openings',
  {
    organisationId: uuid('organisation_id').primaryKey().references(() => organisations.id, { onDelete: 'cascade' }),
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    statement: text('statement').notNull(),
    lang: text('lang').notNull().default('en'),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('cooperation_openings_themes_idx').using('gin', t.themes)],
);

/** A direct cooperation request: an organisation (one of its members) asks a peer organisation for contact on a theme, outside any round. */
export const cooperationRequests = pgTable(
  'cooperation_requests',
  {
    id: uuid('id').primaryKey(),
    fromOrganisationId: uuid('from_organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    toOrganisationId: uuid('to_organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    /** null once the sender's account was erased. */
    senderId: uuid('sender_id').references(() => users.id, { onDelete: 'set null' }),
    theme: text('theme').notNull(),
    message: text('message').notNull(),
    lang: text('lang').notNull().default('en'),
    state: text('state').notNull().default('sent'),
    answer: text('answer').notNull().default(''),
    answeredBy: uuid('answered_by').references(() => users.id, { onDelete: 'set null' }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    partnershipId: uuid('partnership_id').references(() => partnerships.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('cooperation_requests_to_idx').on(t.toOrganisationId, t.state), index('cooperation_requests_from_idx').on(t.fromOrganisationId), index('cooperation_requests_sender_idx').on(t.senderId, t.createdAt)],
);
