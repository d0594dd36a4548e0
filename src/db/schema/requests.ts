/**
 * Requests for expertise: the request with endorsement, eligibility, committee review and decisions.
 */
import { pgTable, text, timestamp, uuid, integer, jsonb, index, uniqueIndex, boolean, primaryKey, date, bigserial } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './accounts.ts';
import { organisations, people } from './organisations.ts';
import { programmeRounds, programmes } from './programmes.ts';

/** A request for expertise by an organisation. `state` moves only through requests.workflow.ts. */
export const requests = pgTable(
  'requests',
  {
    id: uuid('id').primaryKey(),
    programmeId: uuid('programme_id').notNull().references(() => programmes.id),
    roundId: uuid('round_id').notNull().references(() => programmeRounds.id),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    state: text('state').notNull().default('draft'),
    title: text('title').notNull().default(''),
    challenge: text('challenge').notNull().default(''),
    context: text('context').notNull().default(''),
    tried: text('tried').notNull().default(''),
    objectives: text('objectives').notNull().default(''),
    results: text('results').notNull().default(''),
    themes: text('themes').array().notNull().default([]),
    sdgs: integer('sdgs').array().notNull().default([]),
    formats: text('formats').array().notNull().default([]),
    languages: text('languages').array().notNull().default([]),
    periodStart: date('period_start', { mode: 'string' }),
    periodEnd: date('period_end', { mode: 'string' }),
    participants: text('participants').notNull().default(''),
    stakeholders: text('stakeholders').notNull().default(''),
    cofunding: text('cofunding').notNull().default(''),
    /** Steps of the form saved valid so far. */
    stepsDone: text('steps_done').array().notNull().default([]),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** Last time a broker (or the workflow) acted on it: the dashboard flags long silences. */
    lastActionAt: timestamp('last_action_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('requests_programme_state_idx').on(t.programmeId, t.state),
    index('requests_organisation_idx').on(t.organisationId),
    index('requests_created_by_idx').on(t.createdBy),
  ],
);

/** Every state change of a request: who, when, from, to. */
export const requestTransitions = pgTable(
  'request_transitions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    requestId: uuid('request_id').notNull().references(() => requests.id, { onDelete: 'cascade' }),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('request_transitions_request_idx').on(t.requestId, t.at)],
);

/** The organisation approver's sign-off; one per request, cleared when the draft changes. */
export const endorsements = pgTable('endorsements', {
  requestId: uuid('request_id').primaryKey().references(() => requests.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').notNull().references(() => users.id),
  note: text('note').notNull().default(''),
  at: timestamp('at', { withTimezone: true }).notNull(),
});

/** The eligibility check: automatic rule results and the broker's verdict. */
export const eligibilityChecks = pgTable('eligibility_checks', {
  requestId: uuid('request_id').primaryKey().references(() => requests.id, { onDelete: 'cascade' }),
  rules: jsonb('rules').$type<{ rule: string; ok: boolean }[]>().notNull().default([]),
  verdict: text('verdict').notNull(), // eligible | ineligible
  reason: text('reason').notNull().default(''),
  brokerId: uuid('broker_id').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
});

/** A committee member's declaration of (no) conflict of interest on one request. */
export const conflictDeclarations = pgTable(
  'conflict_declarations',
  {
    requestId: uuid('request_id').notNull().references(() => requests.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    hasConflict: boolean('has_conflict').notNull(),
    note: text('note').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.userId] })],
);

/** A committee member's review: a score (0–5) and a comment per criterion. */
export const reviews = pgTable(
  'reviews',
  {
    id: uuid('id').primaryKey(),
    requestId: uuid('request_id').notNull().references(() => requests.id, { onDelete: 'cascade' }),
    reviewerId: uuid('reviewer_id').notNull().references(() => users.id),
    scores: jsonb('scores').$type<Record<string, { score: number; comment: string }>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('reviews_request_reviewer_key').on(t.requestId, t.reviewerId)],
);

/** The decision on a request: one per request (the primary key makes two concurrent decisions one). */
export const decisions = pgTable('decisions', {
  requestId: uuid('request_id').primaryKey().references(() => requests.id, { onDelete: 'cascade' }),
  outcome: text('outcome').notNull(), // selected | rejected | waiting_list
  reasons: text('reasons').notNull(),
  decidedBy: uuid('decided_by').notNull().references(() => users.id),
  decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
});
