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

/**
 * Rows created on the web have no external id; an export names them by their uuid. When such a
 * file comes back, the uuid is adopted as the external id so that the upsert updates the row.
 */
async function adoptUuids(db: DbOrTx, table: typeof organisations | typeof people, ids: string[]): Promise<void> {
  const uuids = ids.filter((id) => UUID.test(id)).map((id) => id.toLowerCase());
  if (!uuids.length) return;
  await db
    .update(table)
    .set({ externalId: sql`${table.id}::text` })
    .where(and(isNull(table.externalId), inArray(table.id, uuids)));
}

// One jsonb parameter per batch (jsonb_to_recordset) instead of one parameter per cell: on PGlite
// this halves the cost of a bulk import (parameters cross the WASM boundary one by one).
const ORG_COLUMNS = sql.raw(
  'id uuid, external_id text, name text, kind text, country text, region text, subregion text, population int, languages text[], offers text, seeks text, themes text[], sdgs int[], website text, email text, lat float8, lon float8, extra jsonb, concepts text[], concept_weights real[], concepts_src text',
);

/** Inserts or updates a batch of organisations (ids unique within the batch). Returns how many were new. */
export async function upsertOrganisations(db: DbOrTx, batch: OrganisationWrite[], now: Date): Promise<{ inserted: number; updated: number }> {
  if (!batch.length) return { inserted: 0, updated: 0 };
  await adoptUuids(
    db,
    organisations,
    batch.map((b) => b.record.id),
  );
  const json = JSON.stringify(
    batch.map(({ record: r, extra }) => ({
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
    })),
  );
  const out = await rows<{ is_new: boolean }>(
    db,
    sql`insert into organisations (id, external_id, name, kind, country, region, subregion, population, languages, offers, seeks, themes, sdgs, website, email, lat, lon, extra, concepts, concept_weights, concepts_src, created_at, updated_at)
      select x.id, x.external_id, x.name, x.kind, x.country, x.region, x.subregion, x.population, x.languages, x.offers, x.seeks, x.themes, x.sdgs, x.website, x.email, x.lat, x.lon, x.extra, x.concepts, x.concept_weights, x.concepts_src, ${now}, ${now}
      from jsonb_to_recordset(${json}::jsonb) as x(${ORG_COLUMNS})
      on conflict (external_id) do update set
        name = excluded.name, kind = excluded.kind, country = excluded.country, region = excluded.region, subregion = excluded.subregion,
        population = excluded.population, languages = excluded.languages, offers = excluded.offers, seeks = excluded.seeks,
        themes = excluded.themes, sdgs = excluded.sdgs, website = excluded.website, email = excluded.email, lat = excluded.lat,
        lon = excluded.lon, extra = excluded.extra, concepts = excluded.concepts, concept_weights = excluded.concept_weights, concepts_src = excluded.concepts_src,
        updated_at = excluded.updated_at
      returning (xmax = 0) as is_new`,
  );
  const inserted = out.filter((r) => r.is_new).length;
  return { inserted, updated: out.length - inserted };
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

const PERSON_COLUMNS = sql.raw(
  'id uuid, external_id text, organisation_id uuid, name text, position text, languages text[], expertise text, themes text[], email text, extra jsonb, concepts text[], concept_weights real[], concepts_src text',
);

/** Inserts or updates a batch of people (ids unique within the batch). Never touches a profile's account link or privacy choices. */
export async function upsertPeople(db: DbOrTx, batch: PersonWrite[], now: Date): Promise<{ inserted: number; updated: number }> {
  if (!batch.length) return { inserted: 0, updated: 0 };
  await adoptUuids(
    db,
    people,
    batch.map((b) => b.record.id),
  );
  const json = JSON.stringify(
    batch.map(({ record: r, extra, organisationId }) => ({
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
    })),
  );
  const out = await rows<{ is_new: boolean }>(
    db,
    sql`insert into people (id, external_id, organisation_id, name, position, languages, expertise, themes, email, extra, concepts, concept_weights, concepts_src, created_at, updated_at)
      select x.id, x.external_id, x.organisation_id, x.name, x.position, x.languages, x.expertise, x.themes, x.email, x.extra, x.concepts, x.concept_weights, x.concepts_src, ${now}, ${now}
      from jsonb_to_recordset(${json}::jsonb) as x(${PERSON_COLUMNS})
      on conflict (external_id) do update set
        organisation_id = excluded.organisation_id, name = excluded.name, position = excluded.position, languages = excluded.languages,
        expertise = excluded.expertise, themes = excluded.themes, email = excluded.email, extra = excluded.extra,
        concepts = excluded.concepts, concept_weights = excluded.concept_weights, concepts_src = excluded.concepts_src, updated_at = excluded.updated_at
      returning (xmax = 0) as is_new`,
  );
  const inserted = out.filter((r) => r.is_new).length;
  return { inserted, updated: out.length - inserted };
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
