/**
 * The queries of imports and exports: multi-row upserts keyed on the source's id
 * (organisations.external_id, people.external_id) and keyset-paged reads for exports.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { organisations, people } from '../../db/schema/organisations.ts';
import { rows, type DbOrTx } from '../../platform/db.ts';
import type { OrganisationRecord, PersonRecord } from './imports.rows.ts';
import { organisationConcepts, personConcepts, type StoredConcepts } from '../concepts/concepts.service.ts';

/** The engine's concepts of a record's text, as columns of the batch (analysed here: an import is a save path like any other). */
const conceptColumns = (c: StoredConcepts) => ({ concepts: c.concepts, concept_weights: c.conceptWeights, concepts_src: c.conceptsSrc });

export type OrganisationWrite = { record: OrganisationRecord; extra: Record<string, unknown> };
export type PersonWrite = { record: PersonRecord; extra: Record<string, unknown>; organisationId: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ORG_COLUMNS = sql.raw(
  'id uuid, external_id text, name text, kind text, country text, region text, subregion text, population int, languages text[], offers text, seeks text, themes text[], sdgs int[], website text, email text, lat float8, lon float8, extra jsonb, concepts text[], concept_weights real[], concepts_src text',
);
const PERSON_COLUMNS = sql.raw(
  'id uuid, external_id text, organisation_id uuid, name text, position text, languages text[], expertise text, themes text[], email text, extra jsonb, concepts text[], concept_weights real[], concepts_src text',
);

/** One organisation as a row of the staging table, with the engine's concepts of its text. */
function organisationRow(r: OrganisationRecord, extra: Record<string, unknown>) {
  return {
    id: randomUUID(),
    external_id: UUID.test(r.id) ? r.id.toLowerCase() : r.id,
    name: r.name,
    kind: r.kind,
    country: r.country,
    region: r.region,
    subregion: r.subregion ?? null,
    population: r.population ?? null,
    languages: r.languages,
    offers: r.offers ?? '',
    seeks: r.seeks ?? '',
    themes: r.themes,
    sdgs: r.sdgs,
    website: r.website ?? null,
    email: r.email ?? null,
    lat: r.lat ?? null,
    lon: r.lon ?? null,
    extra,
    ...conceptColumns(organisationConcepts({ offers: r.offers ?? '', seeks: r.seeks ?? '', languages: r.languages, themes: r.themes })),
  };
}

/** One person as a row of the staging table. */
function personRow(r: PersonRecord, extra: Record<string, unknown>, organisationId: string | null) {
  return {
    id: randomUUID(),
    external_id: UUID.test(r.id) ? r.id.toLowerCase() : r.id,
    organisation_id: organisationId,
    name: r.name,
    position: r.position ?? '',
    languages: r.languages,
    expertise: r.expertise ?? '',
    themes: r.themes,
    email: r.email ?? null,
    extra,
    ...conceptColumns(personConcepts({ position: r.position ?? '', expertise: r.expertise ?? '', languages: r.languages, themes: r.themes })),
  };
}

/*
 * The bulk path (issue 17.4). A whole import goes first into a temporary table without indexes or triggers (large
 * batches of one jsonb parameter each: one crossing of PGlite's WASM boundary per batch), then into the real table
 * in ONE statement: the statement triggers of migration 0016 then build every concept row of the import in one
 * set-based INSERT instead of one per batch. Into an empty table (a first load), the secondary indexes of the table
 * and of its concepts table are dropped before and built again after (one sort each instead of 100,000 index
 * insertions), inside the same transaction: an error leaves the table, and its indexes, as they were.
 */
type Staged = 'organisations' | 'people';
const STAGE: Record<Staged, string> = { organisations: 'import_stage_organisations', people: 'import_stage_people' };

/** Creates the import's staging table (dropped at commit or rollback). */
export async function createStage(db: DbOrTx, table: Staged): Promise<void> {
  const cols = table === 'organisations' ? ORG_COLUMNS : PERSON_COLUMNS;
  await db.execute(sql`create temp table ${sql.raw(STAGE[table])} (${cols}) on commit drop`);
}

/** Adds one batch of organisations to the staging table (analysed here: an import is a save path like any other). */
export async function stageOrganisations(db: DbOrTx, batch: OrganisationWrite[]): Promise<void> {
  if (!batch.length) return;
  const json = JSON.stringify(batch.map(({ record: r, extra }) => organisationRow(r, extra)));
  await db.execute(sql`insert into import_stage_organisations select * from jsonb_to_recordset(${json}::jsonb) as x(${ORG_COLUMNS})`);
}

/** Adds one batch of people to the staging table. */
export async function stagePeople(db: DbOrTx, batch: PersonWrite[]): Promise<void> {
  if (!batch.length) return;
  const json = JSON.stringify(batch.map(({ record: r, extra, organisationId }) => personRow(r, extra, organisationId)));
  await db.execute(sql`insert into import_stage_people select * from jsonb_to_recordset(${json}::jsonb) as x(${PERSON_COLUMNS})`);
}

const UUID_SQL = `'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`;

/** The non-unique indexes of the tables a merge writes (unique ones stay: ON CONFLICT needs them). */
async function secondaryIndexes(db: DbOrTx, tables: string[]): Promise<{ name: string; def: string }[]> {
  return rows<{ name: string; def: string }>(
    db,
    sql`select i.relname as name, pg_get_indexdef(x.indexrelid) as def from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
      join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = current_schema() and t.relname in (${sql.join(
        tables.map((t) => sql`${t}`),
        sql`, `,
      )}) and not x.indisunique and not x.indisprimary`,
  );
}

/**
 * Writes the staged rows into the real table in one statement and returns how many were new. `bulk`: the
 * table was empty when the import began, so its secondary indexes are built after the load instead of during it.
 * `onPhase` names each step as it starts (for a progress line).
 */
export async function mergeStage(db: DbOrTx, table: Staged, now: Date, opts: { bulk: boolean; onPhase?: (phase: string) => void }): Promise<{ inserted: number; updated: number }> {
  const stage = sql.raw(STAGE[table]);
  const t = table === 'organisations' ? organisations : people;
  const tables = table === 'organisations' ? ['organisations', 'organisation_concepts'] : ['people', 'person_concepts'];
  // Rows created on the web have no external id; an export names them by their uuid: adopted as the external id, so that the upsert updates them.
  await db.execute(
    sql`update ${t} set external_id = ${t.id}::text where ${t.externalId} is null and ${t.id} in (select s.external_id::uuid from ${stage} s where s.external_id ~* ${sql.raw(UUID_SQL)})`,
  );
  const dropped = opts.bulk ? await secondaryIndexes(db, tables) : [];
  for (const i of dropped) await db.execute(sql.raw(`drop index "${i.name}"`));
  opts.onPhase?.('writing');
  const q =
    table === 'organisations'
      ? sql`insert into organisations (id, external_id, name, kind, country, region, subregion, population, languages, offers, seeks, themes, sdgs, website, email, lat, lon, extra, concepts, concept_weights, concepts_src, created_at, updated_at)
      select x.id, x.external_id, x.name, x.kind, x.country, x.region, x.subregion, x.population, x.languages, x.offers, x.seeks, x.themes, x.sdgs, x.website, x.email, x.lat, x.lon, x.extra, x.concepts, x.concept_weights, x.concepts_src, ${now}, ${now}
      from import_stage_organisations x
      on conflict (external_id) do update set
        name = excluded.name, kind = excluded.kind, country = excluded.country, region = excluded.region, subregion = excluded.subregion,
        population = excluded.population, languages = excluded.languages, offers = excluded.offers, seeks = excluded.seeks,
        themes = excluded.themes, sdgs = excluded.sdgs, website = excluded.website, email = excluded.email, lat = excluded.lat,
        lon = excluded.lon, extra = excluded.extra, concepts = excluded.concepts, concept_weights = excluded.concept_weights, concepts_src = excluded.concepts_src,
        updated_at = excluded.updated_at
      returning (xmax = 0) as is_new`
      : sql`insert into people (id, external_id, organisation_id, name, position, languages, expertise, themes, email, extra, concepts, concept_weights, concepts_src, created_at, updated_at)
      select x.id, x.external_id, x.organisation_id, x.name, x.position, x.languages, x.expertise, x.themes, x.email, x.extra, x.concepts, x.concept_weights, x.concepts_src, ${now}, ${now}
      from import_stage_people x
      on conflict (external_id) do update set
        organisation_id = excluded.organisation_id, name = excluded.name, position = excluded.position, languages = excluded.languages,
        expertise = excluded.expertise, themes = excluded.themes, email = excluded.email, extra = excluded.extra,
        concepts = excluded.concepts, concept_weights = excluded.concept_weights, concepts_src = excluded.concepts_src, updated_at = excluded.updated_at
      returning (xmax = 0) as is_new`;
  const [c] = await rows<{ inserted: number; total: number }>(db, sql`with m as (${q}) select (count(*) filter (where is_new))::int as inserted, count(*)::int as total from m`);
  if (dropped.length) opts.onPhase?.('indexing');
  for (const i of dropped) await db.execute(sql.raw(i.def));
  return { inserted: c?.inserted ?? 0, updated: (c?.total ?? 0) - (c?.inserted ?? 0) };
}

/** True when the table has no row (an import into it is a first load: see mergeStage). */
export async function isEmpty(db: DbOrTx, table: Staged): Promise<boolean> {
  const [r] = await rows<{ e: boolean }>(db, sql.raw(`select not exists (select 1 from ${table}) as e`));
  return !!r?.e;
}

/** The internal ids of organisations by external id (or by uuid for rows without one). */
export async function organisationIdsByExternalId(db: DbOrTx, externalIds: string[]): Promise<Map<string, string>> {
  const m = new Map<string, string>();
  if (!externalIds.length) return m;
  const uuids = externalIds.filter((id) => UUID.test(id)).map((id) => id.toLowerCase());
  const found = await db
    .select({ id: organisations.id, externalId: organisations.externalId })
    .from(organisations)
    .where(uuids.length ? or(inArray(organisations.externalId, externalIds), inArray(organisations.id, uuids)) : inArray(organisations.externalId, externalIds));
  for (const r of found) {
    if (r.externalId) m.set(r.externalId, r.id);
    m.set(r.id, r.id);
  }
  return m;
}

/** An organisation as exported: the table's own columns (no generated search, no audit fields). */
export type OrganisationExportRow = Pick<
  typeof organisations.$inferSelect,
  'id' | 'externalId' | 'name' | 'kind' | 'country' | 'region' | 'subregion' | 'population' | 'languages' | 'offers' | 'seeks' | 'themes' | 'sdgs' | 'website' | 'email' | 'lat' | 'lon' | 'extra'
>;

/** One page of organisations in (name, id) order after the given key. */
/**
 * One page of the organisations export. `publicOnly`: without the organisations a member created
 * that the secretariat has not verified yet (issue 18.8); imported ones (no creator) stay.
 */
export async function organisationsPage(db: DbOrTx, after: { name: string; id: string } | null, limit: number, opts: { publicOnly?: boolean } = {}): Promise<OrganisationExportRow[]> {
  const o = organisations;
  return db
    .select({
      id: o.id,
      externalId: o.externalId,
      name: o.name,
      kind: o.kind,
      country: o.country,
      region: o.region,
      subregion: o.subregion,
      population: o.population,
      languages: o.languages,
      offers: o.offers,
      seeks: o.seeks,
      themes: o.themes,
      sdgs: o.sdgs,
      website: o.website,
      email: o.email,
      lat: o.lat,
      lon: o.lon,
      extra: o.extra,
    })
    .from(o)
    .where(
      and(
        after ? or(gt(o.name, after.name), and(eq(o.name, after.name), gt(o.id, after.id))) : undefined,
        opts.publicOnly ? or(isNotNull(o.verifiedAt), isNull(o.createdBy)) : undefined,
      ),
    )
    .orderBy(asc(o.name), asc(o.id))
    .limit(limit);
}

export type PersonExportRow = {
  id: string;
  externalId: string | null;
  name: string;
  organisation: string | null;
  position: string;
  languages: string[];
  expertise: string;
  themes: string[];
  email: string | null;
  extra: Record<string, unknown>;
};

/** One page of people in (name, id) order after the given key, with their organisation's id as files name it. */
export async function peoplePage(db: DbOrTx, after: { name: string; id: string } | null, limit: number): Promise<PersonExportRow[]> {
  return db
    .select({
      id: people.id,
      externalId: people.externalId,
      name: people.name,
      organisation: sql<string | null>`coalesce(${organisations.externalId}, ${organisations.id}::text)`,
      position: people.position,
      languages: people.languages,
      expertise: people.expertise,
      themes: people.themes,
      email: people.email,
      extra: people.extra,
    })
    .from(people)
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(after ? or(gt(people.name, after.name), and(eq(people.name, after.name), gt(people.id, after.id))) : undefined)
    .orderBy(asc(people.name), asc(people.id))
    .limit(limit);
}

/** The keys found in `extra` across a table, for the columns of a CSV export. */
export async function extraKeys(db: DbOrTx, table: 'organisations' | 'people'): Promise<string[]> {
  const r = await rows<{ k: string }>(db, sql`select distinct jsonb_object_keys(extra) as k from ${table === 'organisations' ? organisations : people} order by 1`);
  return r.map((x) => x.k);
}

/**
 * Refreshes the planner's statistics after a large import: PGlite has no autovacuum, and a
 * table that grew from nothing to 100,000 rows would otherwise be planned as if empty.
 */
export async function analyze(db: DbOrTx, table: 'organisations' | 'people'): Promise<void> {
  // with the table of its concepts, which its triggers filled (read by the directory's relevance search)
  await db.execute(sql.raw(table === 'organisations' ? 'analyze organisations, organisation_concepts' : 'analyze people, person_concepts'));
}

/**
 * After a large import, outside its transaction: VACUUM marks the pages of the concepts table all-visible, so the
 * directory reads the rows most about a concept from the index alone (PGlite has no autovacuum; on a server autovacuum
 * would do it later). Skipped when the caller's handle is itself a transaction (VACUUM cannot run in one).
 */
export async function vacuumConcepts(db: DbOrTx, table: 'organisations' | 'people'): Promise<void> {
  if (db instanceof PgTransaction) return;
  await db.execute(sql.raw(table === 'organisations' ? 'vacuum organisation_concepts' : 'vacuum person_concepts'));
}
