/**
 * Machine translations of user content (the translations module): one row per piece of text
 * (`subject` kind, its id, the field) and target language. Kept apart from what people wrote and
 * from human translations, which always win. `source_hash` is the md5 of the text it was made
 * from: a row whose hash differs from the current text is stale and made again. `state`: pending
 * (waiting for the job), done, failed (the engine could not; retried later).
 */
import { pgTable, text, timestamp, uuid, integer, index, uniqueIndex } from 'drizzle-orm/pg-core';

export const machineTranslations = pgTable(
  'machine_translations',
  {
    id: uuid('id').primaryKey(),
    subject: text('subject').notNull(),
    subjectId: uuid('subject_id').notNull(),
    field: text('field').notNull(),
    sourceLang: text('source_lang').notNull(),
    targetLang: text('target_lang').notNull(),
    sourceHash: text('source_hash').notNull(),
    /** The text to translate, kept until the job has done it (then emptied). */
    sourceText: text('source_text').notNull().default(''),
    text: text('text'),
    engine: text('engine'),
    state: text('state').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    translatedAt: timestamp('translated_at', { withTimezone: true }),
    /** Last read (updated at most daily): rows nobody read for long are removed. */
    readAt: timestamp('read_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('machine_translations_key').on(t.subject, t.subjectId, t.field, t.targetLang), index('machine_translations_pending_idx').on(t.state, t.requestedAt)],
);
