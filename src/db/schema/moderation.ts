/**
 * Moderation (SECURITY.md 28): members report content; content reported by three different
 * members is hidden until a moderator looks at it, and the moderators are told.
 */
import { pgTable, text, timestamp, uuid, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';

/** One member's report of one piece of content (a member reporting twice counts once: the unique key). */
export const contentReports = pgTable(
  'content_reports',
  {
    id: uuid('id').primaryKey(),
    objectType: text('object_type').notNull(), // organisation | person | good_practice | discussion_post
    objectId: uuid('object_id').notNull(),
    reporterId: uuid('reporter_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(), // spam | offensive | personal_data | misleading | other
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('content_reports_once_key').on(t.objectType, t.objectId, t.reporterId), index('content_reports_object_idx').on(t.objectType, t.objectId, t.createdAt)],
);

/**
 * The moderation state of a piece of content that was hidden: `hidden` (by reports, waiting for a
 * moderator, or confirmed) or `kept` (a moderator put it back; later reports count from then).
 */
export const moderationItems = pgTable(
  'moderation_items',
  {
    objectType: text('object_type').notNull(),
    objectId: uuid('object_id').notNull(),
    state: text('state').notNull(), // hidden | kept
    hiddenAt: timestamp('hidden_at', { withTimezone: true }).notNull(),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decision: text('decision'), // confirmed | restored
  },
  (t) => [primaryKey({ columns: [t.objectType, t.objectId] }), index('moderation_items_state_idx').on(t.state, t.hiddenAt)],
);
