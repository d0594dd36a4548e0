/** Queries for good practices. Only this file builds SQL for the module. */
import { eq, sql, type SQL } from 'drizzle-orm';
import { goodPractices, goodPracticeEdits } from '../../db/schema/knowledge.ts';
import { rows, type DbOrTx } from '../../platform/db.ts';
import { foldForSearch } from '../../db/schema/organisations.ts';
import { notHidden } from '../moderation/moderation.service.ts';
import { queryExpansion } from '../concepts/concepts.service.ts';

export type GoodPracticeRow = typeof goodPractices.$inferSelect;
export type GoodPracticeInsert = typeof goodPractices.$inferInsert;

/** The library's filters; every list is of published cases only. */
export type LibraryFilters = { q?: string; theme?: string; region?: string; sdg?: number; approach?: string; format?: string; language?: string };

/** Words of a query, letters and digits only (safe inside to_tsquery), lower-cased and accent-folded as the search column is. */
export function queryWords(q: string): string[] {
  return (foldForSearch(q).match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
}

function conditions(f: LibraryFilters): { where: SQL; rank?: SQL } {
  // Published, and not hidden by members' reports (SECURITY.md 28).
  const conds: SQL[] = [sql`g.state = 'published'`, notHidden('good_practice', sql`g.id`)];
  let rank: SQL | undefined;
  if (f.q) {
    const words = queryWords(f.q);
    if (words.length) {
      // Every word as a prefix: `sanea` finds "saneamiento"; one-letter words match whole. A query that
      // names concepts only also matches their terms in the five languages, each a phrase of prefixes
      // ("déchets" finds "solid waste"; النفايات finds "gestion des déchets"): issue 14.
      const own = words.map((w) => (w.length > 1 ? `${w}:*` : w)).join(' & ');
      const phrases = (queryExpansion(f.q) ?? []).map((term) => queryWords(term).slice(0, 6).map((w) => (w.length > 1 ? `${w}:*` : w)).join(' <-> ')).filter(Boolean);
      const tsq = sql`to_tsquery('simple', ${[`(${own})`, ...phrases.map((p) => `(${p})`)].join(' | ')})`;
      conds.push(sql`g.search @@ ${tsq}`);
      rank = sql`ts_rank(g.search, ${tsq})`;
    } else conds.push(sql`false`);
  }
  if (f.theme) conds.push(sql`g.themes @> array[${f.theme}]::text[]`);
  if (f.region) conds.push(sql`g.regions @> array[${f.region}]::text[]`);
  if (f.sdg !== undefined) conds.push(sql`g.sdgs @> array[${f.sdg}]::int[]`);
  if (f.approach) conds.push(sql`g.approach = ${f.approach}`);
  if (f.format) conds.push(sql`g.formats @> array[${f.format}]::text[]`);
  if (f.language) conds.push(sql`g.languages @> array[${f.language}]::text[]`);
  return { where: sql.join(conds, sql` and `), rank };
}

/** One page of published cases matching the filters, and the exact count (the library is small). */
export async function searchRows(db: DbOrTx, f: LibraryFilters, limit: number, offset: number): Promise<{ rows: GoodPracticeRow[]; count: number }> {
  const { where, rank } = conditions(f);
  const order = rank ? sql`order by ${rank} desc, g.published_at desc, g.id` : sql`order by g.published_at desc, g.id`;
  const ids = await rows<{ id: string }>(db, sql`select g.id from good_practices g where ${where} ${order} limit ${limit} offset ${offset}`);
  const [c] = await rows<{ n: number }>(db, sql`select count(*)::int as n from good_practices g where ${where}`);
  return { rows: await byIds(db, ids.map((r) => r.id)), count: c?.n ?? 0 };
}

/** The newest published cases (the front page's list): no count, no facets. */
export async function newestRows(db: DbOrTx, limit: number): Promise<GoodPracticeRow[]> {
  const { where } = conditions({});
  const ids = await rows<{ id: string }>(db, sql`select g.id from good_practices g where ${where} order by g.published_at desc, g.id limit ${limit}`);
  return byIds(db, ids.map((r) => r.id));
}

async function byIds(db: DbOrTx, ids: string[]): Promise<GoodPracticeRow[]> {
  if (!ids.length) return [];
  const found = await db
    .select()
    .from(goodPractices)
    .where(sql`${goodPractices.id} in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`);
  const byId = new Map(found.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is GoodPracticeRow => !!r);
}

export type FacetName = 'theme' | 'region' | 'sdg' | 'approach' | 'format' | 'language';
export type FacetCounts = Record<FacetName, Map<string, number>>;

/** How many matching published cases carry each value of each facet (over the current result set). */
export async function facetCounts(db: DbOrTx, f: LibraryFilters): Promise<FacetCounts> {
  const { where } = conditions(f);
  const r = await rows<{ facet: FacetName; value: string; n: number }>(
    db,
    sql`with m as (select g.themes, g.regions, g.sdgs, g.approach, g.formats, g.languages from good_practices g where ${where})
        select 'theme' as facet, x as value, count(*)::int as n from m, unnest(m.themes) x group by x
        union all select 'region', x, count(*)::int from m, unnest(m.regions) x group by x
        union all select 'sdg', x::text, count(*)::int from m, unnest(m.sdgs) x group by x
        union all select 'approach', m.approach, count(*)::int from m where m.approach is not null group by m.approach
        union all select 'format', x, count(*)::int from m, unnest(m.formats) x group by x
        union all select 'language', x, count(*)::int from m, unnest(m.languages) x group by x`,
  );
  const out: FacetCounts = { theme: new Map(), region: new Map(), sdg: new Map(), approach: new Map(), format: new Map(), language: new Map() };
  for (const x of r) out[x.facet].set(String(x.value), x.n);
  return out;
}

/** Published cases of one cooperation approach, newest first. */
export async function publishedByApproach(db: DbOrTx, approach: string): Promise<GoodPracticeRow[]> {
  return db
    .select()
    .from(goodPractices)
    .where(sql`${goodPractices.state} = 'published' and ${goodPractices.approach} = ${approach} and ${notHidden('good_practice', sql`${goodPractices.id}`)}`)
    .orderBy(sql`${goodPractices.publishedAt} desc`, goodPractices.id);
}

/** Cases not published (drafts, withdrawn) an editor may work on: all for the secretariat, else those of their associations. */
export async function unpublishedFor(db: DbOrTx, ownerIds: readonly string[] | 'all'): Promise<GoodPracticeRow[]> {
  if (ownerIds !== 'all' && !ownerIds.length) return [];
  const owner = ownerIds === 'all' ? sql`true` : sql`${goodPractices.ownerOrganisationId} in (${sql.join(ownerIds.map((id) => sql`${id}::uuid`), sql`, `)})`;
  return db
    .select()
    .from(goodPractices)
    .where(sql`${goodPractices.state} <> 'published' and ${owner}`)
    .orderBy(sql`${goodPractices.updatedAt} desc`, goodPractices.id);
}

export async function findById(db: DbOrTx, id: string): Promise<GoodPracticeRow | undefined> {
  const [row] = await db.select().from(goodPractices).where(eq(goodPractices.id, id)).limit(1);
  return row;
}

/** Locks the row for an edit (two editors saving at once apply one after the other). */
export async function findForUpdate(db: DbOrTx, id: string): Promise<GoodPracticeRow | undefined> {
  const [row] = await db.select().from(goodPractices).where(eq(goodPractices.id, id)).for('update').limit(1);
  return row;
}

export async function insertCase(db: DbOrTx, values: GoodPracticeInsert): Promise<void> {
  await db.insert(goodPractices).values(values);
}

/** Inserts cases whose external id is not there yet; returns how many were added. */
export async function insertMissing(db: DbOrTx, values: GoodPracticeInsert[]): Promise<string[]> {
  if (!values.length) return [];
  const r = await db.insert(goodPractices).values(values).onConflictDoNothing({ target: goodPractices.externalId }).returning({ id: goodPractices.id });
  return r.map((x) => x.id);
}

export async function updateCase(db: DbOrTx, id: string, values: Partial<GoodPracticeInsert>): Promise<void> {
  await db.update(goodPractices).set(values).where(eq(goodPractices.id, id));
}

/** Moves a case from one state to another; false when it was no longer in `from` (a concurrent change won). */
export async function transition(db: DbOrTx, id: string, from: string[], values: Partial<GoodPracticeInsert>): Promise<boolean> {
  const r = await db
    .update(goodPractices)
    .set(values)
    .where(sql`${goodPractices.id} = ${id} and ${goodPractices.state} in (${sql.join(from.map((s) => sql`${s}`), sql`, `)})`)
    .returning({ id: goodPractices.id });
  return r.length > 0;
}

export async function insertEdit(db: DbOrTx, v: typeof goodPracticeEdits.$inferInsert): Promise<void> {
  await db.insert(goodPracticeEdits).values(v);
}

export type EditRow = { action: string; language: string | null; at: Date | string; editor_name: string | null };

/** The history of a case with the editors' names (a deleted account shows no name). */
export async function editsOf(db: DbOrTx, id: string): Promise<EditRow[]> {
  return rows<EditRow>(
    db,
    sql`select e.action, e.language, e.at, case when u.deleted_at is null then u.name end as editor_name
        from good_practice_edits e left join users u on u.id = e.editor_id
        where e.good_practice_id = ${id} order by e.at desc, e.id`,
  );
}

/** The associations (organisations of kind association) this account is an active org_admin of. */
export async function associationsAdministeredBy(db: DbOrTx, userId: string): Promise<{ id: string; name: string }[]> {
  return rows<{ id: string; name: string }>(
    db,
    sql`select o.id, o.name from memberships m join organisations o on o.id = m.organisation_id
        where m.user_id = ${userId} and m.role = 'org_admin' and m.status = 'active' and o.kind = 'association' order by o.name`,
  );
}

/** Every association of local governments, for the secretariat's owner choice. */
export async function allAssociations(db: DbOrTx): Promise<{ id: string; name: string }[]> {
  return rows<{ id: string; name: string }>(db, sql`select id, name from organisations where kind = 'association' order by name limit 500`);
}

export async function organisationName(db: DbOrTx, id: string): Promise<string | null> {
  const [r] = await rows<{ name: string }>(db, sql`select name from organisations where id = ${id}`);
  return r?.name ?? null;
}

/**
 * Organisation rows for partners, by id, by external id, or by the exact name
 * and country (indexed lookups only). Resolved when a case is read, so a partner organisation imported later is linked.
 */
export async function partnerOrganisations(db: DbOrTx, ids: string[], externalIds: string[], names: string[]): Promise<{ id: string; external_id: string | null; name: string; country: string }[]> {
  const conds: SQL[] = [];
  const list = (xs: string[], cast: SQL) => sql`(${sql.join(xs.map((x) => sql`${x}${cast}`), sql`, `)})`;
  if (ids.length) conds.push(sql`id in ${list(ids, sql`::uuid`)}`);
  if (externalIds.length) conds.push(sql`external_id in ${list(externalIds, sql``)}`);
  if (names.length) conds.push(sql`name in ${list(names, sql``)}`);
  if (!conds.length) return [];
  return rows(db, sql`select id, external_id, name, country from organisations where ${sql.join(conds, sql` or `)}`  );
}
