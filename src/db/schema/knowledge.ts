/** Knowledge: good practices (structured cases) and their edit history. */
import { pgTable, text, timestamp, uuid, integer, jsonb, index, uniqueIndex, customType, doublePrecision, boolean } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { FOLD_FROM, FOLD_TO } from './organisations.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * Accent folding of the search column, as the directory's (`FOLD_FROM` → `FOLD_TO`, src/db/schema/organisations.ts):
 * a jsonb text goes through its text form (lower-casing and folding keep it valid JSON) and back, so
 * `jsonb_to_tsvector` still indexes the string values only.
 */
const foldJson = (col: string) => sql.raw(`(translate(lower(${col}::text), '${FOLD_FROM}', '${FOLD_TO}'))::jsonb`);
const foldText = (col: string) => sql.raw(`translate(lower(coalesce(${col}, '')), '${FOLD_FROM}', '${FOLD_TO}')`);

/** Multilingual user content: language code → text (`{ en: …, fr: … }`), read through `localized()`. */
export type MultiText = Record<string, string>;

/** A partner of a case: as named in the source, with a link to an organisations row where one exists. */
export type CasePartner = { name: string; country: string | null; externalId?: string | null; organisationId?: string | null };

/** A person to ask about a case. Stored only with their explicit consent to be named. */
export type CaseContact = { name: string; role: string; organisation: string; email: string | null; hasConsented: true };

export const GOOD_PRACTICE_STATES = ['draft', 'published', 'unpublished'] as const;
export type GoodPracticeState = (typeof GOOD_PRACTICE_STATES)[number];

export const goodPractices = pgTable(
  'good_practices',
  {
    id: uuid('id').primaryKey(),
    /** Stable key of seeded cases (`004-ostend-banjul`); the seed upserts nothing it finds by it. */
    externalId: text('external_id'),
    /** The exchange this case was drafted from (the exchanges module links it; no FK until that table exists). */
    exchangeId: uuid('exchange_id'),
    /** The association that publishes the case; its org admins may edit it. Null: the secretariat's. */
    ownerOrganisationId: uuid('owner_organisation_id'),
    state: text('state').notNull().default('draft'),
    /** The language the case was written in; other languages in the texts are translations. */
    originalLanguage: text('original_language').notNull(),
    /** Language → 'human' | 'machine' for each language that is a translation of the original. */
    translations: jsonb('translations').$type<Record<string, 'human' | 'machine'>>().notNull().default({}),
    /** Every language the title is written in (the language facet); kept by the service. */
    languages: text('languages').array().notNull().default([]),
    title: jsonb('title').$type<MultiText>().notNull(),
    summary: jsonb('summary').$type<MultiText>().notNull().default({}),
    problem: jsonb('problem').$type<MultiText>().notNull().default({}),
    solution: jsonb('solution').$type<MultiText>().notNull().default({}),
    results: jsonb('results').$type<MultiText>().notNull().default({}),
    challenges: jsonb('challenges').$type<MultiText>().notNull().default({}),
    prerequisites: jsonb('prerequisites').$type<MultiText>().notNull().default({}),
    cost: jsonb('cost').$type<MultiText>().notNull().default({}),
    transferability: jsonb('transferability').$type<MultiText>().notNull().default({}),
    partners: jsonb('partners').$type<CasePartner[]>().notNull().default([]),
    /** Partner names joined, for the text search (jsonb arrays of objects do not index well). */
    partnerNames: text('partner_names').notNull().default(''),
    contacts: jsonb('contacts').$type<CaseContact[]>().notNull().default([]),
    themes: text('themes').array().notNull().default([]),
    sdgs: integer('sdgs').array().notNull().default([]),
    /** Cooperation approach code (taxonomy/approaches). */
    approach: text('approach'),
    /** Exchange format codes (taxonomy/formats). */
    formats: text('formats').array().notNull().default([]),
    regions: text('regions').array().notNull().default([]),
    countries: text('countries').array().notNull().default([]),
    /** Where the case comes from (a document, an exchange). */
    source: text('source').notNull().default(''),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** Accent-folded like the directory's (`depots` finds `dépôts`): each jsonb text is lower-cased and folded before indexing. */
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(jsonb_to_tsvector('simple'::regconfig, ${foldJson('title')}, '["string"]'), 'A') || setweight(jsonb_to_tsvector('simple'::regconfig, ${foldJson('summary')}, '["string"]') || to_tsvector('simple'::regconfig, ${foldText('partner_names')}), 'B') || setweight(jsonb_to_tsvector('simple'::regconfig, ${foldJson('problem')}, '["string"]') || jsonb_to_tsvector('simple'::regconfig, ${foldJson('solution')}, '["string"]') || jsonb_to_tsvector('simple'::regconfig, ${foldJson('results')}, '["string"]') || jsonb_to_tsvector('simple'::regconfig, ${foldJson('challenges')}, '["string"]') || jsonb_to_tsvector('simple'::regconfig, ${foldJson('prerequisites')}, '["string"]') || jsonb_to_tsvector('simple'::regconfig, ${foldJson('cost')}, '["string"]') || jsonb_to_tsvector('simple'::regconfig, ${foldJson('transferability')}, '["string"]'), 'C')`,
    ),
  },
  (t) => [
    uniqueIndex('good_practices_external_id_key').on(t.externalId),
    index('good_practices_state_idx').on(t.state, t.publishedAt),
    index('good_practices_search_idx').using('gin', t.search),
    index('good_practices_themes_idx').using('gin', t.themes),
    index('good_practices_exchange_idx').on(t.exchangeId),
    index('good_practices_approach_idx').on(t.approach),
  ],
);

/** Who changed a case and when (create, edit in a language, publish, unpublish). Content is not copied. */
export const goodPracticeEdits = pgTable(
  'good_practice_edits',
  {
    id: uuid('id').primaryKey(),
    goodPracticeId: uuid('good_practice_id')
      .notNull()
      .references(() => goodPractices.id, { onDelete: 'cascade' }),
    editorId: uuid('editor_id'),
    action: text('action').notNull(), // create | edit | publish | unpublish
    language: text('language'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('good_practice_edits_case_idx').on(t.goodPracticeId, t.at)],
);

/**
 * The forms of cooperation of the guide (issue 13): seeded from seed 004 (VVSG 2023) by a migration,
 * edited and added to by admins. `texts` holds per language the name and the four paragraphs, with
 * `translated` set where the text is a translation of the guide's English (shown as such).
 */
export type ApproachTexts = { name: string; definition: string; participation: string; duration: string; budget: string; translated: boolean };
export const cooperationApproaches = pgTable('cooperation_approaches', {
  code: text('code').primaryKey(),
  position: integer('position').notNull(),
  /** The eight features of the table "In a nutshell", each 0–3 (- + ++ +++). */
  ratings: jsonb('ratings').$type<Record<string, number>>().notNull(),
  /** What it needs: euros a year from own resources, staff in full-time equivalents, the horizons it runs over. */
  needBudget: integer('need_budget').notNull(),
  needStaff: doublePrecision('need_staff').notNull(),
  horizons: text('horizons').array().notNull(),
  texts: jsonb('texts').$type<Record<string, ApproachTexts>>().notNull(),
  resources: text('resources').array().notNull().default(sql`'{}'::text[]`),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type FundingTexts = { name: string; description: string; translated: boolean };
export const FUNDING_DEADLINE_KINDS = ['none', 'rolling', 'yearly', 'dated'] as const;
export type FundingDeadlineKind = (typeof FUNDING_DEADLINE_KINDS)[number];

/**
 * Funding programmes (issue 13), seeded from what the source documents name, edited by the
 * secretariat. Deadlines: `none` (ask the funder), `rolling` (a permanent call), `yearly` (opens and
 * closes on the same days every year, MM-DD), `dated` (one window of real dates).
 */
export const fundingProgrammes = pgTable(
  'funding_programmes',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull(),
    position: integer('position').notNull().default(1000),
    funder: text('funder').notNull(),
    approaches: text('approaches').array().notNull().default(sql`'{}'::text[]`),
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    /** Eligible countries (ISO alpha-2) and regions; both empty: anywhere. */
    countries: text('countries').array().notNull().default(sql`'{}'::text[]`),
    regions: text('regions').array().notNull().default(sql`'{}'::text[]`),
    /** Eligible kinds of organisation; empty: any. */
    organisationKinds: text('organisation_kinds').array().notNull().default(sql`'{}'::text[]`),
    /** Whole units of `currency`. */
    amountMin: integer('amount_min'),
    amountMax: integer('amount_max'),
    currency: text('currency').notNull().default('EUR'),
    /** The share of the costs the applicant pays itself, in per cent. */
    cofinancingPercent: integer('cofinancing_percent'),
    /** Whether an applicant needs a partner local government abroad already. */
    needsPartner: boolean('needs_partner').notNull().default(false),
    deadlineKind: text('deadline_kind').notNull().default('none'),
    /** `yearly`: MM-DD; `dated`: YYYY-MM-DD. */
    opens: text('opens'),
    closes: text('closes'),
    link: text('link'),
    texts: jsonb('texts').$type<Record<string, FundingTexts>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('funding_programmes_code_idx').on(t.code)],
);
