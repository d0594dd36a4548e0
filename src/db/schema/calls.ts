/**
 * Calls for expertise made from selected requests: offers with their experts and messages, matches.
 */
import { pgTable, text, timestamp, uuid, integer, jsonb, index, uniqueIndex, boolean, primaryKey, date, bigserial } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './accounts.ts';
import { organisations, people } from './organisations.ts';
import { programmes } from './programmes.ts';
import { requests } from './requests.ts';

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
