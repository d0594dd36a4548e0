/** Queries for organisations, memberships and people. Only this file builds SQL for the module. */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { organisations, people, memberships, type MembershipRole } from '../../db/schema/organisations.ts';
import { users } from '../../db/schema/accounts.ts';
import { rows, type DbOrTx } from '../../platform/db.ts';
import { recentActs } from '../../platform/security.ts';
import { POPULATION_BANDS, type PopulationBand } from '../../taxonomy/population-bands.ts';
import type { Sort } from './organisations.schema.ts';
import { foldForSearch } from '../../db/schema/organisations.ts';
import { CONCEPTS_VERSION, organisationConcepts, personConcepts, queryMeaning } from '../concepts/concepts.service.ts';
import { notHidden } from '../moderation/moderation.service.ts';

export type OrganisationRow = typeof organisations.$inferSelect;
export type PersonRow = typeof people.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;

/** Counting stops here: past it the directory says "more than 1,000" (an exact count over 100,000 rows costs more than the search). */
export const COUNT_CAP = 1000;

/** Words of a query, letters and digits only (safe inside to_tsquery). */
export function queryWords(q: string): string[] {
  return (foldForSearch(q).match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
}

/**
 * Concept-only rows considered per query concept: the `CONCEPT_WINDOW` rows most about it in the whole directory (more on
 * deep pages, and `FILTERED_WINDOW_FACTOR` times more when filters will keep only some of them), read in order from the
 * concept's index; the filters apply afterwards. A row about a concept beyond its window is still found when its text
 * matches the query.
 */
export const CONCEPT_WINDOW = 50;
export const FILTERED_WINDOW_FACTOR = 3;

type SearchCols = { search: SQL; name: SQL; id: SQL; concepts: SQL; weights: SQL };
/** The `size` rows (ids) most about one concept, best first: one SELECT reading a `*_concepts` table's (concept, weight) index in order. */
type ConceptWindow = (concept: string, size: number) => SQL;

/**
 * The condition and rank for a query: the text search, OR'd with the matching engine's concepts when the query names any.
 *
 * Text: every word as a prefix (`alm` finds Almere), OR'd with websearch syntax when the query uses it (quotes, OR,
 * -word); both use the GIN index on `search`. A query with no word (punctuation only) falls back to ILIKE on the name.
 *
 * Concepts: the query is analysed by the engine (`queryConcepts`, any of the four languages); for each concept the rows
 * most about it are read from the `*_concepts` table through its (concept, weight) index (`CONCEPT_WINDOW` of them, more
 * with filters and on deep pages) and found as well as the text matches; the filters apply to both: "déchets" finds an English profile about "solid waste
 * collection". Relevance is the sum of the row's weights of the query's concepts (how much the row is about them) plus
 * ts_rank; ties by name, id. Reading every row about a common concept (a fifth of a large directory is about waste)
 * would cost a heap fetch each: the window keeps a search within the same few hundred rows whatever the directory's size.
 */
async function relevanceSearch(db: DbOrTx, q: string | undefined, cols: SearchCols, window: ConceptWindow, deepest: number, filtered: boolean): Promise<{ where?: SQL; rank?: SQL }> {
  if (!q) return {};
  const words = queryWords(q);
  if (!words.length) {
    const pattern = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    return { where: sql`${cols.name} ilike ${pattern}` };
  }
  // A one-letter prefix matches nearly everything and costs a full ranking: single letters match as words.
  const prefix = words.map((w) => (w.length > 1 ? `${w}:*` : w)).join(' & ');
  // For plain words the prefix query already matches what websearch would; websearch is added only for its syntax.
  const tsq = /["-]|\bor\b/i.test(q) ? sql`(websearch_to_tsquery('simple', ${foldForSearch(q)}) || to_tsquery('simple', ${prefix}))` : sql`to_tsquery('simple', ${prefix})`;
  const text = sql`${cols.search} @@ ${tsq}`;
  const textRank = sql`ts_rank(${cols.search}, ${tsq})`;
  const { concepts, whole } = queryMeaning(q);
  if (!concepts.length) return { where: text, rank: textRank };
  const size = Math.max(filtered ? CONCEPT_WINDOW * FILTERED_WINDOW_FACTOR : CONCEPT_WINDOW, deepest);
  // Windows for the specific concepts only (the concepts tables hold no `theme/_` entries: too broad to be worth a window).
  const specific = concepts.filter((c) => !c.endsWith('/_'));
  const found = specific.length
    ? await rows<{ id: string }>(
        db,
        sql.join(
          specific.map((c) => sql`(${window(c, size)})`),
          sql` union `,
        ),
      )
    : [];
  // One array_position per query concept and row found (text matches included): a few microseconds each.
  const weight = sql.join(
    concepts.map((c) => sql`coalesce(${cols.weights}[array_position(${cols.concepts}, ${c}::text)], 0)`),
    sql` + `,
  );
  // A query its concepts say entirely ranks by them alone: "النفايات", "déchets" and "waste" give one order
  // (the words would favour the profiles written in the query's language). Other words count as text.
  const rank = whole ? sql`(${weight})` : sql`(${weight} + ${textRank})`;
  if (!found.length) return { where: text, rank };
  // An array literal (one parameter): `id = any(…)` and the text condition make one BitmapOr of the two indexes.
  const ids = `{${found.map((r) => r.id).join(',')}}`;
  return { where: sql`(${text} or ${cols.id} = any(${ids}::uuid[]))`, rank };
}

function bandCondition(band: PopulationBand): SQL {
  const b = POPULATION_BANDS.find((x) => x.code === band)!;
  return b.max === null ? sql`o.population >= ${b.min}` : sql`o.population >= ${b.min} and o.population < ${b.max}`;
}

export type OrganisationFilters = { q?: string; country?: string; region?: string; kind?: string; theme?: string; language?: string; population?: PopulationBand };

export type OrganisationListRow = {
  id: string;
  name: string;
  kind: string;
  country: string;
  region: string;
  subregion: string | null;
  population: number | null;
  languages: string[];
  themes: string[];
  offers: string;
  verified_at: Date | string | null;
  awaiting_verification: boolean;
};

/** One page of organisations (limit + 1 rows, to know whether a next page exists) and a capped count. */
export async function searchOrganisationRows(db: DbOrTx, f: OrganisationFilters, sort: Sort, limit: number, offset: number): Promise<{ rows: OrganisationListRow[]; count: number }> {
  // Not hidden by members' reports (SECURITY.md 28).
  const conds: SQL[] = [notHidden('organisation', sql`o.id`)];
  if (f.country) conds.push(sql`o.country = ${f.country}`);
  if (f.region) conds.push(sql`o.region = ${f.region}`);
  if (f.kind) conds.push(sql`o.kind = ${f.kind}`);
  if (f.theme) conds.push(sql`o.themes @> array[${f.theme}]::text[]`);
  if (f.language) conds.push(sql`o.languages @> array[${f.language}]::text[]`);
  if (f.population) conds.push(bandCondition(f.population));
  const window: ConceptWindow = (concept, size) =>
    sql`select c.organisation_id as id from organisation_concepts c where c.concept = ${concept} order by c.weight desc nulls last, c.organisation_id limit ${size}`;
  const text = await relevanceSearch(db, f.q, { search: sql`o.search`, name: sql`o.name`, id: sql`o.id`, concepts: sql`o.concepts`, weights: sql`o.concept_weights` }, window, offset + limit + 1, !!(f.country || f.region || f.kind || f.theme || f.language || f.population));
  if (text.where) conds.unshift(text.where);
  const where = conds.length ? sql`where ${sql.join(conds, sql` and `)}` : sql``;
  const order =
    sort === 'relevance' && text.rank
      ? sql`order by ${text.rank} desc, o.name, o.id`
      : sort === 'newest'
        ? sql`order by o.created_at desc, o.id desc`
        : sql`order by o.name, o.id`;
  // substr(offers): the card shows an excerpt; no need to ship 5,000 characters a row.
  const columns = sql`o.id, o.name, o.kind, o.country, o.region, o.subregion, o.population, o.languages, o.themes, substr(o.offers, 1, 300) as offers, o.verified_at, (o.verified_at is null and o.created_by is not null) as awaiting_verification`;
  // Ranked by relevance, every matching row is ranked (a top-N sort): the sort carries only (id, rank, name) and the
  // page's columns are read for its rows alone, not for the thousands a frequent word matches (issue 17.5). Since
  // every match is visited anyway, the same pass counts them (`count(*) over ()`, computed before the limit): a
  // second scan to count them cost as much again (14 ms of 37 for "Gemeente" at 100,000 organisations).
  const ranked = sort === 'relevance' && !!text.rank;
  const found = await rows<OrganisationListRow & { total?: number }>(
    db,
    ranked
      ? sql`select ${columns}, t.total from (select o.id, ${text.rank} as rank, o.name, count(*) over ()::int as total from organisations o ${where} order by rank desc, o.name, o.id limit ${limit + 1} offset ${offset}) t
          join organisations o on o.id = t.id order by t.rank desc, t.name, t.id`
      : sql`select ${columns} from organisations o ${where} ${order} limit ${limit + 1} offset ${offset}`,
  );
  const list = ranked ? found.map(({ total: _total, ...row }) => row) : found;
  const count =
    offset === 0 && list.length <= limit
      ? list.length
      : ranked && found.length
        ? Math.min(Number(found[0]!.total), COUNT_CAP + 1)
        : ((await rows<{ n: number }>(db, sql`select count(*)::int as n from (select 1 from organisations o ${where} limit ${COUNT_CAP + 1}) s`))[0]?.n ?? 0);
  return { rows: list, count };
}

export type PeopleFilters = { q?: string; country?: string; theme?: string; language?: string; jobFunction?: string };

export type PersonListRow = {
  id: string;
  name: string;
  position: string;
  job_function: string | null;
  languages: string[];
  themes: string[];
  organisation_id: string | null;
  organisation_name: string | null;
  country: string | null;
};

/** One page of people visible to a member (limit + 1 rows) and a capped count. */
export async function searchPeopleRows(db: DbOrTx, f: PeopleFilters, sort: Sort, limit: number, offset: number): Promise<{ rows: PersonListRow[]; count: number }> {
  const conds: SQL[] = [sql`not exists (select 1 from users u where u.id = p.user_id and u.deleted_at is not null)`, notHidden('person', sql`p.id`)];
  if (f.country) conds.push(sql`o.country = ${f.country}`);
  if (f.theme) conds.push(sql`p.themes @> array[${f.theme}]::text[]`);
  if (f.language) conds.push(sql`p.languages @> array[${f.language}]::text[]`);
  if (f.jobFunction) conds.push(sql`p.job_function = ${f.jobFunction}`);
  const window: ConceptWindow = (concept, size) =>
    sql`select c.person_id as id from person_concepts c where c.concept = ${concept} order by c.weight desc nulls last, c.person_id limit ${size}`;
  const text = await relevanceSearch(db, f.q, { search: sql`p.search`, name: sql`p.name`, id: sql`p.id`, concepts: sql`p.concepts`, weights: sql`p.concept_weights` }, window, offset + limit + 1, !!(f.country || f.theme || f.language || f.jobFunction));
  if (text.where) conds.push(text.where);
  const where = sql`where ${sql.join(conds, sql` and `)}`;
  const order =
    sort === 'relevance' && text.rank ? sql`order by ${text.rank} desc, p.name, p.id` : sort === 'newest' ? sql`order by p.created_at desc, p.id desc` : sql`order by p.name, p.id`;
  const from = sql`from people p left join organisations o on o.id = p.organisation_id`;
  const columns = sql`p.id, p.name, p.position, p.job_function, p.languages, p.themes, p.organisation_id, o.name as organisation_name, o.country`;
  // Ranked by relevance, as the organisations directory: every match is ranked anyway, so the same pass counts them
  // (`count(*) over ()`, before the limit) and the page's columns are read for its rows alone.
  const ranked = sort === 'relevance' && !!text.rank;
  const found = await rows<PersonListRow & { total?: number }>(
    db,
    ranked
      ? sql`select ${columns}, t.total from (select p.id, ${text.rank} as rank, p.name, count(*) over ()::int as total ${from} ${where} order by rank desc, p.name, p.id limit ${limit + 1} offset ${offset}) t
          join people p on p.id = t.id left join organisations o on o.id = p.organisation_id order by t.rank desc, t.name, t.id`
      : sql`select ${columns} ${from} ${where} ${order} limit ${limit + 1} offset ${offset}`,
  );
  const list = ranked ? found.map(({ total: _total, ...row }) => row) : found;
  const count =
    offset === 0 && list.length <= limit
      ? list.length
      : ranked && found.length
        ? Math.min(Number(found[0]!.total), COUNT_CAP + 1)
        : ((await rows<{ n: number }>(db, sql`select count(*)::int as n from (select 1 ${from} ${where} limit ${COUNT_CAP + 1}) s`))[0]?.n ?? 0);
  return { rows: list, count };
}

export async function findOrganisation(db: DbOrTx, id: string): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id)).limit(1);
  return row;
}

type OrganisationInsert = typeof organisations.$inferInsert;
type ConceptColumns = 'concepts' | 'conceptWeights' | 'conceptsSrc';

/** Inserts an organisation with the engine's concepts of its text. */
export async function insertOrganisation(db: DbOrTx, values: Omit<OrganisationInsert, ConceptColumns>): Promise<void> {
  await db.insert(organisations).values({ ...values, ...organisationConcepts({ offers: values.offers ?? '', seeks: values.seeks ?? '', languages: values.languages ?? [], themes: values.themes ?? [] }) });
}

/** Updates an organisation; when its text, languages or themes change, its concepts are analysed again with them. */
export async function updateOrganisationRow(db: DbOrTx, id: string, values: Partial<Omit<OrganisationInsert, ConceptColumns>>): Promise<void> {
  let set: Partial<OrganisationInsert> = values;
  if (values.offers !== undefined || values.seeks !== undefined || values.languages !== undefined || values.themes !== undefined) {
    const cur = values.offers !== undefined && values.seeks !== undefined && values.languages !== undefined && values.themes !== undefined ? undefined : await findOrganisation(db, id);
    set = {
      ...values,
      ...organisationConcepts({ offers: values.offers ?? cur?.offers ?? '', seeks: values.seeks ?? cur?.seeks ?? '', languages: values.languages ?? cur?.languages ?? [], themes: values.themes ?? cur?.themes ?? [] }),
    };
  }
  await db.update(organisations).set(set).where(eq(organisations.id, id));
}

/** The actor's memberships in one organisation, and whether it has any active admin. */
export async function relationRows(db: DbOrTx, organisationId: string, userId: string | null): Promise<{ mine: { role: string; status: string }[]; hasActiveAdmin: boolean }> {
  const r = await rows<{ role: string; status: string; user_id: string }>(
    db,
    sql`select role, status, user_id from memberships where organisation_id = ${organisationId} and (user_id = ${userId} or (role = 'org_admin' and status = 'active'))`,
  );
  return { mine: r.filter((m) => m.user_id === userId), hasActiveAdmin: r.some((m) => m.role === 'org_admin' && m.status === 'active') };
}

export type MemberListRow = { id: string; user_id: string; role: string; status: string; origin: string; message: string; name: string; person_id: string | null; created_at: Date | string };

/** Memberships of an organisation with the account's name and profile id (pending and active; refused ones left out). */
export async function membershipsOf(db: DbOrTx, organisationId: string): Promise<MemberListRow[]> {
  return rows<MemberListRow>(
    db,
    sql`select m.id, m.user_id, m.role, m.status, m.origin, m.message, coalesce(p.name, u.name) as name, p.id as person_id, m.created_at
        from memberships m join users u on u.id = m.user_id and u.deleted_at is null left join people p on p.user_id = m.user_id
        where m.organisation_id = ${organisationId} and m.status in ('active', 'pending')
        order by m.status, coalesce(p.name, u.name), m.role`,
  );
}

export async function findMembership(db: DbOrTx, id: string): Promise<MembershipRow | undefined> {
  const [row] = await db.select().from(memberships).where(eq(memberships.id, id)).limit(1);
  return row;
}

/** Inserts a pending request; a refused one in the same role becomes pending again. Returns false when one already exists. */
export async function insertRequest(db: DbOrTx, v: typeof memberships.$inferInsert): Promise<boolean> {
  const r = await db
    .insert(memberships)
    .values(v)
    .onConflictDoUpdate({
      target: [memberships.organisationId, memberships.userId, memberships.role],
      set: { status: 'pending', origin: v.origin, message: v.message ?? '', createdAt: v.createdAt, decidedAt: null, decidedBy: null },
      setWhere: sql`${memberships.status} = 'refused'`,
    })
    .returning({ id: memberships.id });
  return r.length > 0;
}

/** Makes (or turns) a membership active in one statement: concurrent calls leave one row. */
export async function upsertActiveMembership(db: DbOrTx, v: typeof memberships.$inferInsert): Promise<string> {
  const [r] = await db
    .insert(memberships)
    .values({ ...v, status: 'active' })
    .onConflictDoUpdate({
      target: [memberships.organisationId, memberships.userId, memberships.role],
      set: { status: 'active', decidedAt: v.decidedAt ?? null, decidedBy: v.decidedBy ?? null },
    })
    .returning({ id: memberships.id });
  return r!.id;
}

export async function setMembership(db: DbOrTx, id: string, values: Partial<typeof memberships.$inferInsert>): Promise<void> {
  await db.update(memberships).set(values).where(eq(memberships.id, id));
}

export async function membershipExists(db: DbOrTx, organisationId: string, userId: string, role: MembershipRole): Promise<boolean> {
  const r = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId), eq(memberships.role, role), inArray(memberships.status, ['active', 'pending'])))
    .limit(1);
  return r.length > 0;
}

export async function countActiveAdmins(db: DbOrTx, organisationId: string): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`select count(*)::int as n from memberships where organisation_id = ${organisationId} and role = 'org_admin' and status = 'active'`);
  return r?.n ?? 0;
}

/** Active organisations of an account, for a profile. */
export async function activeOrganisationsOf(db: DbOrTx, userId: string): Promise<{ id: string; name: string; country: string; role: string }[]> {
  return rows(
    db,
    sql`select o.id, o.name, o.country, m.role from memberships m join organisations o on o.id = m.organisation_id
        where m.user_id = ${userId} and m.status = 'active' order by o.name, m.role`,
  );
}

export async function findUserLocaleByEmail(db: DbOrTx, email: string): Promise<string | undefined> {
  const [r] = await db.select({ locale: users.locale }).from(users).where(sql`lower(${users.email}) = lower(${email})`).limit(1);
  return r?.locale;
}

export async function findPerson(db: DbOrTx, id: string): Promise<PersonRow | undefined> {
  const [r] = await db
    .select()
    .from(people)
    .where(and(eq(people.id, id), sql`not exists (select 1 from users u where u.id = ${people.userId} and u.deleted_at is not null)`))
    .limit(1);
  return r;
}

export async function findPersonByUser(db: DbOrTx, userId: string): Promise<PersonRow | undefined> {
  const [r] = await db.select().from(people).where(eq(people.userId, userId)).limit(1);
  return r;
}

/** Creates or updates the profile of an account (one per account: unique user_id). */
export async function upsertPersonForUser(db: DbOrTx, values: Omit<typeof people.$inferInsert, 'concepts' | 'conceptWeights' | 'conceptsSrc'>): Promise<PersonRow> {
  const v = { ...values, ...personConcepts({ position: values.position ?? '', expertise: values.expertise ?? '', languages: values.languages ?? [], themes: values.themes ?? [] }) };
  const { id: _id, createdAt: _c, userId: _u, ...rest } = v;
  const [r] = await db.insert(people).values(v).onConflictDoUpdate({ target: people.userId, set: rest }).returning();
  return r!;
}

/** Gives a profile its first organisation (the one shown when it has no other). */
export async function setPrimaryOrganisationIfNone(db: DbOrTx, userId: string, organisationId: string): Promise<void> {
  await db.update(people).set({ organisationId }).where(and(eq(people.userId, userId), sql`${people.organisationId} is null`));
}

export async function findOrganisationNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const r = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, ids));
  return new Map(r.map((x) => [x.id, x.name]));
}

// ---------------------------------------------------------------------------------------------
// Concepts kept in step with the text

/** The key of an organisation's analysed fields, as `conceptsSrc` computes it (md5 of version and fields, one a line). */
const ORG_SRC = (v: string) => sql`md5(${v} || chr(10) || o.offers || chr(10) || o.seeks || chr(10) || array_to_string(o.languages, ',') || chr(10) || array_to_string(o.themes, ','))`;
const PERSON_SRC = (v: string) => sql`md5(${v} || chr(10) || p.position || chr(10) || p.expertise || chr(10) || array_to_string(p.languages, ',') || chr(10) || array_to_string(p.themes, ','))`;

/**
 * Analyses again the organisations (or people) whose stored concepts do not match their current text (written by a path
 * that did not analyse them, such as the demo seed or SQL by hand, or analysed by an older thesaurus): up to `limit`
 * rows after the id `after` (id order, one pass over the table in batches), in one update. Returns how many rows were
 * refreshed and the id to continue after (null at the end of the table).
 */
export async function refreshStaleConcepts(db: DbOrTx, table: 'organisations' | 'people', after: string | null, limit: number): Promise<{ refreshed: number; next: string | null }> {
  const from = after ?? '00000000-0000-0000-0000-000000000000';
  if (table === 'organisations') {
    const found = await rows<{ id: string; offers: string; seeks: string; languages: string[]; themes: string[] }>(
      db,
      sql`select o.id, o.offers, o.seeks, o.languages, o.themes from organisations o
          where o.id > ${from}::uuid and o.concepts_src is distinct from ${ORG_SRC(CONCEPTS_VERSION)} order by o.id limit ${limit}`,
    );
    if (found.length) {
      const json = JSON.stringify(found.map((o) => ({ id: o.id, ...organisationConcepts(o) })));
      await db.execute(sql`update organisations o set concepts = x."concepts", concept_weights = x."conceptWeights", concepts_src = x."conceptsSrc"
        from jsonb_to_recordset(${json}::jsonb) as x(id uuid, "concepts" text[], "conceptWeights" real[], "conceptsSrc" text) where o.id = x.id`);
    }
    return { refreshed: found.length, next: found.length === limit ? found[found.length - 1]!.id : null };
  }
  const found = await rows<{ id: string; position: string; expertise: string; languages: string[]; themes: string[] }>(
    db,
    sql`select p.id, p.position, p.expertise, p.languages, p.themes from people p
        where p.id > ${from}::uuid and p.concepts_src is distinct from ${PERSON_SRC(CONCEPTS_VERSION)} order by p.id limit ${limit}`,
  );
  if (found.length) {
    const json = JSON.stringify(found.map((p) => ({ id: p.id, ...personConcepts(p) })));
    await db.execute(sql`update people p set concepts = x."concepts", concept_weights = x."conceptWeights", concepts_src = x."conceptsSrc"
      from jsonb_to_recordset(${json}::jsonb) as x(id uuid, "concepts" text[], "conceptWeights" real[], "conceptsSrc" text) where p.id = x.id`);
  }
  return { refreshed: found.length, next: found.length === limit ? found[found.length - 1]!.id : null };
}

// Personal data (privacy hooks: export and erasure, through the manifest)

/** How the person is named in their profiles (names, addresses, phones), for the erasure's free-text sweep. */
export async function profileIdentifiers(db: DbOrTx, userId: string): Promise<{ emails: (string | null)[]; phones: (string | null)[]; names: string[] }> {
  const r = await rows<{ name: string; email: string | null; phone: string | null }>(db, sql`select name, email, phone from people where user_id = ${userId}`);
  return { emails: r.map((p) => p.email), phones: r.map((p) => p.phone), names: r.map((p) => p.name) };
}

/** The person's profiles and memberships, for "download my data". */
export async function exportProfiles(db: DbOrTx, userId: string): Promise<Record<string, unknown>> {
  return {
    profiles: await rows(
      db,
      sql`select id, organisation_id, name, position, job_function, languages, expertise, themes, availability, email, phone, visibility, show_email, show_phone, extra, created_at, updated_at from people where user_id = ${userId} order by created_at`,
    ),
    memberships: await rows(
      db,
      sql`select m.id, m.organisation_id, o.name as organisation_name, m.role, m.status, m.origin, m.message, m.created_at, m.decided_at from memberships m join organisations o on o.id = m.organisation_id where m.user_id = ${userId} order by m.created_at`,
    ),
  };
}

/**
 * Erasure: the person's memberships deleted; their profiles deleted where nothing refers to them,
 * blanked (name, contact, free text) where an offer of someone else still names them as an expert.
 */
export async function eraseProfiles(db: DbOrTx, userId: string, now: Date): Promise<void> {
  await db.execute(sql`delete from memberships where user_id = ${userId}`);
  await db.execute(sql`delete from people p where p.user_id = ${userId} and not exists (select 1 from offer_experts oe where oe.person_id = p.id)`);
  await db.execute(
    sql`update people set name = '', external_id = null, position = '', job_function = null, expertise = '', availability = '', email = null, phone = null,
          show_email = false, show_phone = false, themes = '{}', languages = '{}', extra = '{}'::jsonb, concepts = '{}', concept_weights = '{}', concepts_src = null, updated_at = ${now.toISOString()}::timestamptz
        where user_id = ${userId}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Demo data (through the manifest)

/** Inserts the organisations whose external id is new; returns how many it added. */
export async function insertDemoOrganisations(db: DbOrTx, values: (typeof organisations.$inferInsert)[]): Promise<number> {
  if (!values.length) return 0;
  return (await db.insert(organisations).values(values).onConflictDoNothing({ target: organisations.externalId }).returning({ id: organisations.id })).length;
}

/** Internal ids of organisations by external id. */
export async function organisationIdsByExternalId(db: DbOrTx, externalIds: readonly string[]): Promise<Map<string, string>> {
  if (!externalIds.length) return new Map();
  const r = await db.select({ id: organisations.id, externalId: organisations.externalId }).from(organisations).where(inArray(organisations.externalId, [...externalIds]));
  return new Map(r.map((x) => [x.externalId!, x.id]));
}

/** Inserts profiles; an existing one (same id, external id or account) is left alone. Returns how many it added. */
export async function insertDemoPeople(db: DbOrTx, values: (typeof people.$inferInsert)[]): Promise<number> {
  if (!values.length) return 0;
  return (await db.insert(people).values(values).onConflictDoNothing().returning({ id: people.id })).length;
}

/** Inserts memberships; an existing one is left alone. Returns how many it added. */
export async function insertDemoMemberships(db: DbOrTx, values: (typeof memberships.$inferInsert)[]): Promise<number> {
  if (!values.length) return 0;
  return (await db.insert(memberships).values(values).onConflictDoNothing().returning({ id: memberships.id })).length;
}

/** Active roles of a person in an organisation. */
export async function activeOrgRoles(db: DbOrTx, organisationId: string, userId: string): Promise<string[]> {
  const r = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId), eq(memberships.status, 'active')));
  return r.map((x) => x.role);
}

/** The organisations a person created since `since` (the per-person limit). */
export const recentCreationsOf = (db: DbOrTx, userId: string, since: Date) => recentActs(db, organisations, organisations.createdBy, organisations.createdAt, userId, since);

/** Verified organisations and the countries they are in, for the front page's figures. */
export async function directoryFigures(db: DbOrTx): Promise<{ organisations: number; countries: number }> {
  const [r] = await rows<{ organisations: number; countries: number }>(db, sql`select count(*)::int as organisations, count(distinct country)::int as countries from organisations where verified_at is not null`);
  return { organisations: r?.organisations ?? 0, countries: r?.countries ?? 0 };
}
