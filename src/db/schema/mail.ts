/**
 * Platform mail: messages waiting to be sent (the outbox, written in the transaction that caused
 * them) and each person's mail preferences (per category: immediately, daily or weekly digest, off).
 */
import { pgTable, text, timestamp, uuid, integer, jsonb, index, uniqueIndex, boolean, primaryKey, date, bigserial } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './accounts.ts';

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
    /** Files sent with the message (an event's calendar entry…). */
    attachments: jsonb('attachments').$type<{ filename: string; contentType: string; content: string }[]>(),
    /** The preference category of the kind (requests, exchanges, networks, events, news); null for account mail. */
    category: text('category'),
    /** The action's link (a mailLink path), its label, and what the item is about (the digest's group). */
    link: text('link'),
    action: text('action'),
    about: text('about'),
    /** For a digest item: daily or weekly. */
    digestMode: text('digest_mode'),
    /** The message's Reply-To (a discussion's per-recipient reply address), if any. */
    replyTo: text('reply_to'),
  },
  (t) => [index('notification_outbox_due_idx').on(t.sentAt, t.dueAt), index('notification_outbox_user_idx').on(t.userId)],
);

/**
 * A person's choice per category of mail: immediate | daily | weekly | off (null: the platform's
 * default, platform/mail-categories.ts), and the time zone their digests follow (null: UTC).
 */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  requests: text('requests'),
  exchanges: text('exchanges'),
  networks: text('networks'),
  events: text('events'),
  news: text('news'),
  timeZone: text('time_zone'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
