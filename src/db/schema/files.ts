/**
 * Stored files: the metadata of uploaded files (request attachments, offer CVs). Bytes live in
 * DATA_DIR/files under a random storage name; the files module stores, scans and serves them.
 */
import { pgTable, text, timestamp, uuid, integer, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { people } from './organisations.ts';
import { requests } from './requests.ts';
import { offers } from './calls.ts';

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
