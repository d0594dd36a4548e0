/**
 * The CONNECT cycle: programmes and their rounds, requests with endorsement, eligibility and
 * committee review, decisions, calls for expertise, offers, matches, the public timeline and
 * the notification outbox.
 */
import { pgTable, text, timestamp, uuid, integer, jsonb, index, uniqueIndex, boolean, primaryKey, date, bigserial } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './accounts.ts';
import { organisations, people } from './organisations.ts';

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

/** A public call for expertise made from a selected request: public fields only. */
export const expertiseCalls = pgTable(
  'expertise_calls',
  {
    id: uuid('id').primaryKey(),
    requestId: uuid('request_id').notNull().references(() => requests.id),
    programmeId: uuid('programme_id').notNull().references(() => programmes.id),
    title: text('title').notNull(),
    expertiseSought: text('expertise_sought').notNull(),
    themes: text('themes').array().notNull().default([]),
    formats: text('formats').array().notNull().default([]),
    languages: text('languages').array().notNull().default([]),
    periodStart: date('period_start', { mode: 'string' }),
    periodEnd: date('period_end', { mode: 'string' }),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    state: text('state').notNull().default('open'), // open | matched | closed
    publishedBy: uuid('published_by').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('expertise_calls_request_key').on(t.requestId), index('expertise_calls_state_idx').on(t.state, t.deadline)],
);

/** An offer on a call, by a peer organisation (one or more of its experts) or an individual expert. One per call and person offering. */
export const offers = pgTable(
  'offers',
  {
    id: uuid('id').primaryKey(),
    callId: uuid('call_id').notNull().references(() => expertiseCalls.id, { onDelete: 'cascade' }),
    offeredBy: uuid('offered_by').notNull().references(() => users.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    state: text('state').notNull().default('submitted'), // submitted | shortlisted | proposed | matched | declined | withdrawn
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('offers_call_offered_by_key').on(t.callId, t.offeredBy), index('offers_call_idx').on(t.callId, t.state)],
);

/** An expert put forward in an offer, with motivation, languages and availability. */
export const offerExperts = pgTable(
  'offer_experts',
  {
    offerId: uuid('offer_id').notNull().references(() => offers.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').notNull().references(() => people.id),
    motivation: text('motivation').notNull(),
    languages: text('languages').array().notNull().default([]),
    availability: text('availability').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.offerId, t.personId] })],
);

/** The question-and-answer thread on an offer, between the broker and the provider. */
export const offerMessages = pgTable(
  'offer_messages',
  {
    id: uuid('id').primaryKey(),
    offerId: uuid('offer_id').notNull().references(() => offers.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').notNull().references(() => users.id),
    body: text('body').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('offer_messages_offer_idx').on(t.offerId, t.at)],
);

/** A proposed match between a call and an offer; confirmed when both sides said yes (double opt-in). */
export const matches = pgTable(
  'matches',
  {
    id: uuid('id').primaryKey(),
    callId: uuid('call_id').notNull().references(() => expertiseCalls.id, { onDelete: 'cascade' }),
    offerId: uuid('offer_id').notNull().references(() => offers.id, { onDelete: 'cascade' }),
    state: text('state').notNull().default('proposed'), // proposed | confirmed | declined
    proposedBy: uuid('proposed_by').notNull(),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
    requesterConfirmedBy: uuid('requester_confirmed_by'),
    requesterConfirmedAt: timestamp('requester_confirmed_at', { withTimezone: true }),
    providerConfirmedBy: uuid('provider_confirmed_by'),
    providerConfirmedAt: timestamp('provider_confirmed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  // At most one live (proposed or confirmed) match per call.
  (t) => [uniqueIndex('matches_call_live_key').on(t.callId).where(sql`state <> 'declined'`), index('matches_offer_idx').on(t.offerId)],
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

/** Mail waiting to be sent: written in the same transaction as what caused it; a worker sends, retries with backoff, never drops. */
export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** Next attempt (immediate) or the digest time (daily). */
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    isDigest: boolean('is_digest').notNull().default(false),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('notification_outbox_due_idx').on(t.sentAt, t.dueAt), index('notification_outbox_user_idx').on(t.userId)],
);

/** A person's choice: mail immediately, once a day, or not at all. */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  mode: text('mode').notNull().default('immediate'), // immediate | daily | off
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * Uploaded files of the cycle: a request's attachments and the CVs of experts put forward in an
 * offer. The bytes live outside anything served, in DATA_DIR/files under `storageName` (random);
 * `label` is the uploaded name, shown only as a label.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(), // request_attachment | cv
    requestId: uuid('request_id').references(() => requests.id, { onDelete: 'cascade' }),
    offerId: uuid('offer_id').references(() => offers.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'cascade' }),
    uploadedBy: uuid('uploaded_by').notNull().references(() => users.id),
    label: text('label').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    storageName: text('storage_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('attachments_request_idx').on(t.requestId), index('attachments_offer_idx').on(t.offerId), index('attachments_uploaded_by_idx').on(t.uploadedBy), uniqueIndex('attachments_storage_key').on(t.storageName)],
);
