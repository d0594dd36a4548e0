/**
 * Personal data (SECURITY.md 31–34): consents given and withdrawn, "download my data" archives,
 * the retention job's warnings, and the ids of erased accounts (kept so that the erasure can be
 * applied again after a backup is restored).
 */
import { pgTable, text, timestamp, uuid, integer, index, primaryKey, bigserial } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';

/** One row per consent act: who, which version of the privacy notice, given or withdrawn, when. Append-only. */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey(),
    /** Order of the acts (two in the same instant keep their order). */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    noticeVersion: text('notice_version').notNull(),
    action: text('action').notNull(), // given | withdrawn
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('consents_user_idx').on(t.userId, t.at, t.seq)],
);

/** A "download my data" archive: a ZIP in DATA_DIR/exports under a random name, for its owner only, until it expires. */
export const dataExports = pgTable(
  'data_exports',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    storageName: text('storage_name').notNull(),
    size: integer('size').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('data_exports_user_idx').on(t.userId, t.createdAt), index('data_exports_expires_idx').on(t.expiresAt)],
);

/**
 * A retention warning sent to an inactive member: `stage` is the number of days left (30 or 7),
 * `basisAt` the last activity the warning was computed from; activity after it voids the warning.
 */
export const retentionWarnings = pgTable(
  'retention_warnings',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    stage: integer('stage').notNull(),
    basisAt: timestamp('basis_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.stage] })],
);

/** Ids of erased accounts (no other data): after restoring a backup, the erasure is applied again to each. */
export const erasures = pgTable('erasures', {
  userId: uuid('user_id').primaryKey(),
  erasedAt: timestamp('erased_at', { withTimezone: true }).notNull(),
  reason: text('reason').notNull(), // request | retention
});
