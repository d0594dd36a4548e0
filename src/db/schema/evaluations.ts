/**
 * Evaluations: questionnaires per programme and stage, their questions, the evaluations sent to each side of an exchange and their answers.
 */
import { pgTable, text, timestamp, uuid, integer, jsonb, index, uniqueIndex, boolean, primaryKey, date, bigserial } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './accounts.ts';
import { exchanges } from './exchanges.ts';
import { programmes } from './programmes.ts';

/**
 * A questionnaire of a programme for one stage of an exchange: before, right after, or a follow-up at 3, 6 or 12 months.
 * One current version per programme and stage: once a version has been sent it is kept as it was (its answers refer to
 * its questions) and an edit makes the next version; the old one is retired (`retired_at`) and stays readable.
 */
export const questionnaires = pgTable(
  'questionnaires',
  {
    id: uuid('id').primaryKey(),
    programmeId: uuid('programme_id').notNull().references(() => programmes.id, { onDelete: 'cascade' }),
    stage: text('stage').notNull(), // before | during | after | m3 | m6 | m12
    title: text('title').notNull(),
    version: integer('version').notNull().default(1),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('questionnaires_programme_stage_current_key').on(t.programmeId, t.stage).where(sql`retired_at is null`),
    uniqueIndex('questionnaires_programme_stage_version_key').on(t.programmeId, t.stage, t.version),
  ],
);

/** A question: a scale (1–5), a choice among options, a number or a text. */
export const questionnaireQuestions = pgTable(
  'questionnaire_questions',
  {
    id: uuid('id').primaryKey(),
    questionnaireId: uuid('questionnaire_id').notNull().references(() => questionnaires.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind').notNull(), // scale | choice | number | text
    label: text('label').notNull(),
    choices: text('choices').array().notNull().default([]),
    isRequired: boolean('is_required').notNull().default(true),
  },
  (t) => [uniqueIndex('questionnaire_questions_position_key').on(t.questionnaireId, t.position)],
);

/** A questionnaire sent to one side of an exchange at one stage; reminded until answered. One per exchange, stage and side. */
export const evaluations = pgTable(
  'evaluations',
  {
    id: uuid('id').primaryKey(),
    exchangeId: uuid('exchange_id').notNull().references(() => exchanges.id, { onDelete: 'cascade' }),
    questionnaireId: uuid('questionnaire_id').notNull().references(() => questionnaires.id),
    stage: text('stage').notNull(),
    side: text('side').notNull(), // host | peer
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    lastRemindedAt: timestamp('last_reminded_at', { withTimezone: true }).notNull(),
    reminders: integer('reminders').notNull().default(0),
  },
  (t) => [uniqueIndex('evaluations_exchange_stage_side_key').on(t.exchangeId, t.stage, t.side)],
);

/** The answer to an evaluation: one per evaluation (the unique key keeps one of two answers sent at once). */
export const evaluationAnswers = pgTable(
  'evaluation_answers',
  {
    evaluationId: uuid('evaluation_id').primaryKey().references(() => evaluations.id, { onDelete: 'cascade' }),
    answers: jsonb('answers').$type<Record<string, string | number>>().notNull(),
    answeredBy: uuid('answered_by').notNull().references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
);
