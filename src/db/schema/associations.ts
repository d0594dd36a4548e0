/**
 * Associations of local governments and their members (issue 13: CONNECT involves "local and
 * regional government associations in all exchanges"): the association asks, the member's admin
 * confirms; and the lessons briefs an association sends of its members' exchanges, with each
 * recipient and when the brief was sent to them.
 */
import { pgTable, text, timestamp, uuid, integer, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { organisations } from './organisations.ts';
import { exchanges } from './exchanges.ts';

export const associationMembers = pgTable(
  'association_members',
  {
    id: uuid('id').primaryKey(),
    associationId: uuid('association_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** pending (asked by the association) | active (confirmed by the member's admin) */
    state: text('state').notNull(),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('association_members_pair_key').on(t.associationId, t.memberId), index('association_members_member_idx').on(t.memberId)],
);

export const lessonsBriefs = pgTable(
  'lessons_briefs',
  {
    id: uuid('id').primaryKey(),
    associationId: uuid('association_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    exchangeId: uuid('exchange_id')
      .notNull()
      .references(() => exchanges.id, { onDelete: 'cascade' }),
    /** The association's own words to its readers, in `lang`. */
    note: text('note').notNull().default(''),
    lang: text('lang').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('lessons_briefs_association_idx').on(t.associationId, t.createdAt)],
);

export const lessonsBriefRecipients = pgTable(
  'lessons_brief_recipients',
  {
    id: uuid('id').primaryKey(),
    briefId: uuid('brief_id')
      .notNull()
      .references(() => lessonsBriefs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    /** local_government | central_government | donor | other */
    kind: text('kind').notNull(),
    lang: text('lang').notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** Recorded when the mail left (the brief's "sent to" list). */
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('lessons_brief_recipients_key').on(t.briefId, t.email), index('lessons_brief_recipients_unsent_idx').on(t.sentAt)],
);
