/** Organisations (institution first), people's profiles and memberships. */
import { pgTable, text, timestamp, uuid, integer, jsonb, index, uniqueIndex, doublePrecision, boolean, real, customType } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './accounts.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * Accent folding for search, character for character (`Ziniaré` → `ziniare`, `Sandgerði` → `sandgerdi`):
 * PostgreSQL's `translate` is immutable, so it can build the generated search columns on PGlite and on
 * a server alike without the unaccent extension. `foldForSearch` applies the same map to queries.
 */
export const FOLD_FROM = 'àáâãäåāăąçćčďđèéêëēėęěğìíîïīįıłñńňòóôõöøōőřśşšșţťțùúûüūůűųýÿžźżðþæœß';
export const FOLD_TO = 'aaaaaaaaacccddeeeeeeeegiiiiiiilnnnoooooooorsssstttuuuuuuuuyyzzzdtaos';
/**
 * The fold of a column as the generated search columns compute it: a text that is all ASCII (one byte a
 * character) is only lower-cased (`translate` of every text was 6.3 s of a 100,000-row import on PGlite, this
 * 3.6 s); the others go through one `replace` per folded character, the same text as `translate(l, FOLD_FROM,
 * FOLD_TO)` (each replacement is ASCII, so no character is replaced twice; 0 differences on 100,000 sample rows):
 * `translate` looks every character of the text up in the 68 of FOLD_FROM, one by one, while `replace` scans the
 * text for one character at a time with a fast search. Over the 53,000 non-ASCII offers of the bench's 100,000
 * organisations on PGlite: translate 2.1 s, the replace chain 1.0 s; the whole search expression 6.1–6.7 → 4.3–4.5 s.
 */
export function foldSql(l: string): string {
  let out = l;
  for (const [i, ch] of [...FOLD_FROM].entries()) out = `replace(${out}, '${ch}', '${FOLD_TO[i]}')`;
  return out;
}
const fold = (col: string) => {
  const l = `lower(coalesce(${col}, ''))`;
  return sql.raw(`(case when octet_length(${l}) = length(${l}) then ${l} else ${foldSql(l)} end)`);
};

const FOLD_MAP = new Map([...FOLD_FROM].map((ch, i) => [ch, FOLD_TO[i]!]));
/** Lower-cases and folds accents exactly as the search columns do. */
export function foldForSearch(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC').toLowerCase()) out += FOLD_MAP.get(ch) ?? ch;
  return out;
}

export const ORGANISATION_KINDS = ['municipality', 'region', 'association', 'ngo', 'knowledge_institution', 'company', 'national_government', 'international_organisation', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey(),
    /** Stable id chosen by an import source (`nl-almere`); imports upsert on it. */
    externalId: text('external_id'),
    name: text('name').notNull(),
    kind: text('kind').notNull().default('municipality'),
    country: text('country').notNull(),
    /** Network region code (europe, mena, see, ssa, asia, lac), derived from the country unless set. */
    region: text('region').notNull(),
    /** The local administrative region as written (`Western Region`, `Flevoland`). */
    subregion: text('subregion'),
    population: integer('population'),
    languages: text('languages').array().notNull().default([]),
    offers: text('offers').notNull().default(''),
    seeks: text('seeks').notNull().default(''),
    themes: text('themes').array().notNull().default([]),
    sdgs: integer('sdgs').array().notNull().default([]),
    website: text('website'),
    email: text('email'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    /** Unknown import fields, kept as they came. */
    extra: jsonb('extra').$type<Record<string, unknown>>().notNull().default({}),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedBy: uuid('verified_by'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    /**
     * The matching engine's concepts of the text (`waste_management/collection`, and `theme/_` per theme), with one
     * weight each (index for index), for concept-level, cross-lingual relevance in directory search. Written with the
     * text by the app (src/modules/concepts/concepts.service.ts); `concepts_src` is the key of what was analysed:
     * rows whose key no longer matches their text are refreshed by `reindex-concepts` / at server start. The database
     * copies each (concept, weight) into `organisation_concepts` (triggers, migration 0016) for the search's top-K.
     */
    concepts: text('concepts').array().notNull().default([]),
    conceptWeights: real('concept_weights').array().notNull().default([]),
    conceptsSrc: text('concepts_src'),
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('simple'::regconfig, ${fold('name')}), 'A') || setweight(to_tsvector('simple'::regconfig, ${fold('subregion')}), 'B') || setweight(to_tsvector('simple'::regconfig, ${fold('offers')} || ' ' || ${fold('seeks')}), 'C')`,
    ),
  },
  (t) => [
    uniqueIndex('organisations_external_id_key').on(t.externalId),
    index('organisations_search_idx').using('gin', t.search),
    index('organisations_themes_idx').using('gin', t.themes),
    // (country, name, id): the directory filtered by country reads its page in name order from the index (issue 17.5:
    // at 1,000,000 rows the name index filtered by country read 214,000 rows for a page, 1.6 s; this index 0.3 ms).
    index('organisations_country_name_idx').on(t.country, t.name, t.id),
    index('organisations_name_idx').on(t.name, t.id),
    index('organisations_region_name_idx').on(t.region, t.name, t.id),
    index('organisations_kind_name_idx').on(t.kind, t.name, t.id),
    index('organisations_population_idx').on(t.population),
    index('organisations_created_idx').on(t.createdAt, t.id),
    index('organisations_languages_idx').using('gin', t.languages),
  ],
);

export const MEMBERSHIP_ROLES = ['requester', 'expert', 'approver', 'org_admin'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/** A person's profile. It may belong to an account (user_id) or come from an import with no account yet. */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey(),
    externalId: text('external_id'),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    position: text('position').notNull().default(''),
    jobFunction: text('job_function'),
    languages: text('languages').array().notNull().default([]),
    expertise: text('expertise').notNull().default(''),
    themes: text('themes').array().notNull().default([]),
    availability: text('availability').notNull().default(''),
    email: text('email'),
    phone: text('phone'),
    /** Privacy choices: who sees the profile (members | public), and whether members see email and phone. */
    visibility: text('visibility').notNull().default('members'),
    showEmail: boolean('show_email').notNull().default(false),
    showPhone: boolean('show_phone').notNull().default(false),
    extra: jsonb('extra').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    /** The engine's concepts of expertise and position, weighted, and the key of what was analysed (as for organisations). */
    concepts: text('concepts').array().notNull().default([]),
    conceptWeights: real('concept_weights').array().notNull().default([]),
    conceptsSrc: text('concepts_src'),
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('simple'::regconfig, ${fold('name')}), 'A') || setweight(to_tsvector('simple'::regconfig, ${fold('position')}), 'B') || setweight(to_tsvector('simple'::regconfig, ${fold('expertise')}), 'C')`,
    ),
  },
  (t) => [
    uniqueIndex('people_external_id_key').on(t.externalId),
    uniqueIndex('people_user_id_key').on(t.userId),
    index('people_organisation_idx').on(t.organisationId),
    index('people_search_idx').using('gin', t.search),
    index('people_themes_idx').using('gin', t.themes),
    index('people_name_idx').on(t.name, t.id),
    index('people_languages_idx').using('gin', t.languages),
    index('people_job_function_idx').on(t.jobFunction),
    index('people_created_idx').on(t.createdAt, t.id),
  ],
);

/** A person (account) acting for an organisation in a role; pending until the organisation admin (or a broker) approves. */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    status: text('status').notNull().default('pending'), // pending | active
    /** How it started: request | invitation | creation | claim | import */
    origin: text('origin').notNull(),
    message: text('message').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
  },
  (t) => [
    uniqueIndex('memberships_org_user_role_key').on(t.organisationId, t.userId, t.role),
    index('memberships_user_idx').on(t.userId),
    index('memberships_org_status_idx').on(t.organisationId, t.status),
  ],
);

/**
 * One row per (organisation, specific concept) with its weight: a copy of `organisations.concepts`/`concept_weights`
 * kept by statement triggers (migrations 0016, 0017), never written by the app; theme entries (`theme/_`) are not
 * copied (the search reads windows of specific concepts). Indexed by (concept, weight desc), so the directory reads the
 * organisations most about a concept without touching the others (see organisations.repository.ts). No primary key
 * and no foreign key: each would cost a check per row on bulk imports; the triggers keep it in step.
 */
export const organisationConcepts = pgTable(
  'organisation_concepts',
  {
    organisationId: uuid('organisation_id').notNull(),
    concept: text('concept').notNull(),
    weight: real('weight').notNull(),
  },
  (t) => [index('organisation_concepts_organisation_idx').on(t.organisationId), index('organisation_concepts_rank_idx').on(t.concept, t.weight.desc(), t.organisationId)],
);

/** As `organisation_concepts`, for people. */
export const personConcepts = pgTable(
  'person_concepts',
  {
    personId: uuid('person_id').notNull(),
    concept: text('concept').notNull(),
    weight: real('weight').notNull(),
  },
  (t) => [index('person_concepts_person_idx').on(t.personId), index('person_concepts_rank_idx').on(t.concept, t.weight.desc(), t.personId)],
);
