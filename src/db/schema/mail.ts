/**
 * Platform mail: messages waiting to be sent (the outbox, written in the transaction that caused
 * them) and each person's mail preference (immediately, daily digest, off).
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
    /** The message's Reply-To (a discussion's per-recipient reply address), if any. */
    replyTo: text('reply_to'),
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
