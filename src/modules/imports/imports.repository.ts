/**
 * The queries of imports and exports: multi-row upserts keyed on the source's id
 * (organisations.external_id, people.external_id) and keyset-paged reads for exports.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { organisations, people } from '../../db/schema/organisations.ts';
import { rows, type DbOrTx } from '../../platform/db.ts';
import type { OrganisationRecord, PersonRecord } from './imports.rows.ts';

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

/** Inserts or updates a batch of organisations (ids unique within the batch). Returns how many were new. */
export async function upsertOrganisations(db: DbOrTx, batch: OrganisationWrite[], now: Date): Promise<{ inserted: number; updated: number }> {
  if (!batch.length) return { inserted: 0, updated: 0 };
  await adoptUuids(
    db,
    organisations,
    batch.map((b) => b.record.id),
  );
  const values = batch.map(({ record: r, extra }) => ({
    id: randomUUID(),
    externalId: UUID.test(r.id) ? r.id.toLowerCase() : r.id,
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
    createdAt: now,
    updatedAt: now,
  }));
  const out = await db
    .insert(organisations)
    .values(values)
    .onConflictDoUpdate({
      target: organisations.externalId,
      set: {
        name: sql`excluded.name`,
        kind: sql`excluded.kind`,
        country: sql`excluded.country`,
        region: sql`excluded.region`,
        subregion: sql`excluded.subregion`,
        population: sql`excluded.population`,
        languages: sql`excluded.languages`,
        offers: sql`excluded.offers`,
        seeks: sql`excluded.seeks`,
        themes: sql`excluded.themes`,
        sdgs: sql`excluded.sdgs`,
        website: sql`excluded.website`,
        email: sql`excluded.email`,
        lat: sql`excluded.lat`,
        lon: sql`excluded.lon`,
        extra: sql`excluded.extra`,
        updatedAt: sql`excluded.updated_at`,
      },
    })
    .returning({ isNew: sql<boolean>`(xmax = 0)` });
  const inserted = out.filter((r) => r.isNew).length;
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

/** Inserts or updates a batch of people (ids unique within the batch). Never touches a profile's account link or privacy choices. */
export async function upsertPeople(db: DbOrTx, batch: PersonWrite[], now: Date): Promise<{ inserted: number; updated: number }> {
  if (!batch.length) return { inserted: 0, updated: 0 };
  await adoptUuids(
    db,
    people,
    batch.map((b) => b.record.id),
  );
  const values = batch.map(({ record: r, extra, organisationId }) => ({
    id: randomUUID(),
    externalId: UUID.test(r.id) ? r.id.toLowerCase() : r.id,
    organisationId,
    name: r.name,
    position: r.position ?? '',
    languages: r.languages,
    expertise: r.expertise ?? '',
    themes: r.themes,
    email: r.email ?? null,
    extra,
    createdAt: now,
    updatedAt: now,
  }));
  const out = await db
    .insert(people)
    .values(values)
    .onConflictDoUpdate({
      target: people.externalId,
      set: {
        organisationId: sql`excluded.organisation_id`,
        name: sql`excluded.name`,
        position: sql`excluded.position`,
        languages: sql`excluded.languages`,
        expertise: sql`excluded.expertise`,
        themes: sql`excluded.themes`,
        email: sql`excluded.email`,
        extra: sql`excluded.extra`,
        updatedAt: sql`excluded.updated_at`,
      },
    })
    .returning({ isNew: sql<boolean>`(xmax = 0)` });
  const inserted = out.filter((r) => r.isNew).length;
  return { inserted, updated: out.length - inserted };
}

export type OrganisationExportRow = {
  id: string;
  externalId: string | null;
  name: string;
  kind: string;
  country: string;
  region: string;
  subregion: string | null;
  population: number | null;
  languages: string[];
  offers: string;
  seeks: string;
  themes: string[];
  sdgs: number[];
  website: string | null;
  email: string | null;
  lat: number | null;
  lon: number | null;
  extra: Record<string, unknown>;
};

/** One page of organisations in (name, id) order after the given key. */
export async function organisationsPage(db: DbOrTx, after: { name: string; id: string } | null, limit: number): Promise<OrganisationExportRow[]> {
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
    .where(after ? or(gt(o.name, after.name), and(eq(o.name, after.name), gt(o.id, after.id))) : undefined)
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
