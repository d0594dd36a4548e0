/**
 * Events of the communities (dialogue events, webinars, study tours): a network's or a programme's,
 * online, on-site or hybrid, with a capacity, a registration window, registrations with a waitlist,
 * attendance, and the organiser's report with documents afterwards. `sequence` rises with each
 * change, for calendar clients (iCalendar SEQUENCE).
 */
import { pgTable, text, timestamp, uuid, integer, index, uniqueIndex, boolean } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './accounts.ts';
import { networks } from './networks.ts';
import { programmes } from './programmes.ts';

export const EVENT_FORMATS = ['online', 'onsite', 'hybrid'] as const;
export const EVENT_STATES = ['proposed', 'published', 'cancelled'] as const;
export const REGISTRATION_STATES = ['confirmed', 'waitlisted', 'cancelled'] as const;

export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey(),
    networkId: uuid('network_id').references(() => networks.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'cascade' }),
    organiserId: uuid('organiser_id')
      .notNull()
      .references(() => users.id),
    format: text('format').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** The language the organiser wrote title and description in. */
    lang: text('lang').notNull(),
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** IANA time zone the event is held in (shown beside the reader's own). */
    timeZone: text('time_zone').notNull(),
    place: text('place'),
    /** Online meeting link: never shown to visitors; registered people see it from 30 minutes before the start. */
    meetingUrl: text('meeting_url'),
    capacity: integer('capacity').notNull(),
    registrationOpensAt: timestamp('registration_opens_at', { withTimezone: true }).notNull(),
    registrationClosesAt: timestamp('registration_closes_at', { withTimezone: true }).notNull(),
    /** An optional question asked at registration ("the practice or challenge you bring"). */
    question: text('question'),
    state: text('state').notNull().default('proposed'),
    sequence: integer('sequence').notNull().default(0),
    report: text('report'),
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('events_starts_idx').on(t.startsAt), index('events_network_idx').on(t.networkId, t.startsAt), index('events_programme_idx').on(t.programmeId, t.startsAt)],
);

/** A person's registration: confirmed within capacity, otherwise waitlisted in order of arrival. */
export const eventRegistrations = pgTable(
  'event_registrations',
  {
    id: uuid('id').primaryKey(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    state: text('state').notNull(),
    answer: text('answer'),
    attended: boolean('attended'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('event_registrations_live_key').on(t.eventId, t.userId).where(sql`${t.state} <> 'cancelled'`),
    index('event_registrations_event_idx').on(t.eventId, t.state, t.createdAt),
    index('event_registrations_user_idx').on(t.userId),
  ],
);

/** A document of the event's report. Bytes stored through the files module under `storageName`. */
export const eventDocuments = pgTable(
  'event_documents',
  {
    id: uuid('id').primaryKey(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    label: text('label').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    storageName: text('storage_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('event_documents_event_idx').on(t.eventId), uniqueIndex('event_documents_storage_key').on(t.storageName)],
);
