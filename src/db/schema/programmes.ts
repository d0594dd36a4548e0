/**
 * Programmes: their settings, rounds, review criteria, committee and public timeline.
 */
import { pgTable, text, timestamp, uuid, integer, jsonb, index, uniqueIndex, boolean, primaryKey, date, bigserial } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './accounts.ts';

/** A programme (a CONNECT-style exchange, an SDG-partnership scheme…) with its own settings. */
export const programmes = pgTable(
  'programmes',
  {
    id: uuid('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** How to apply, shown on the public call for requests. */
    howToApply: text('how_to_apply').notNull().default(''),
    /** Who may request: empty lists mean "any". */
    eligibleCountries: text('eligible_countries').array().notNull().default([]),
    eligibleRegions: text('eligible_regions').array().notNull().default([]),
    eligibleKinds: text('eligible_kinds').array().notNull().default([]),
    themes: text('themes').array().notNull().default([]),
    formats: text('formats').array().notNull().default([]),
    languages: text('languages').array().notNull().default([]),
    /** Weights of the matching engine for this programme (keys of DEFAULT_WEIGHTS; missing ones default). */
    matchWeights: jsonb('match_weights').$type<Record<string, number>>().notNull().default({}),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('programmes_slug_key').on(t.slug)],
);

/** A round of a programme: open for requests between opensAt and closesAt; the committee reviews in its window. */
export const programmeRounds = pgTable(
  'programme_rounds',
  {
    id: uuid('id').primaryKey(),
    programmeId: uuid('programme_id').notNull().references(() => programmes.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    reviewOpensAt: timestamp('review_opens_at', { withTimezone: true }).notNull(),
    reviewClosesAt: timestamp('review_closes_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('programme_rounds_programme_idx').on(t.programmeId), index('programme_rounds_closes_idx').on(t.closesAt)],
);

/** A review criterion with its weight. */
export const programmeCriteria = pgTable(
  'programme_criteria',
  {
    id: uuid('id').primaryKey(),
    programmeId: uuid('programme_id').notNull().references(() => programmes.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    weight: integer('weight').notNull().default(1),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('programme_criteria_programme_idx').on(t.programmeId)],
);

/** Selection committee members of a programme. */
export const programmeCommittee = pgTable(
  'programme_committee',
  {
    programmeId: uuid('programme_id').notNull().references(() => programmes.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.userId] }), index('programme_committee_user_idx').on(t.userId)],
);

/** What happened in a programme, for its public timeline (rounds opened, calls launched, matches, news). */
export const timelineEvents = pgTable(
  'timeline_events',
  {
    id: uuid('id').primaryKey(),
    programmeId: uuid('programme_id').notNull().references(() => programmes.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(), // round_opened | call_launched | match_confirmed | news
    at: timestamp('at', { withTimezone: true }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    refId: uuid('ref_id'),
    authorId: uuid('author_id'),
  },
  (t) => [index('timeline_events_programme_idx').on(t.programmeId, t.at), uniqueIndex('timeline_events_kind_ref_key').on(t.kind, t.refId)],
);
