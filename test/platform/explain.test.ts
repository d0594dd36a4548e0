/**
 * The queries every signed-in page runs use an index (issue 17): on tables filled large enough
 * (20,000 people, their sessions, 60,000 consent acts) and analysed, EXPLAIN (FORMAT JSON) of each
 * must show no Seq Scan of those tables, and the consent check (the latest act of a person) no sort
 * either. PostgreSQL server only: PGlite's planner is the same code, but the suite's PostgreSQL pass is
 * where plans matter (production); on PGlite the test is skipped with that reason.
 * The last test shows the check fails without the index it relies on (dropped inside a transaction
 * that is rolled back).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type SQL } from 'drizzle-orm';
import { rows, type Database } from '../../src/platform/db.ts';
import { testDatabase } from '../support/db.ts';

const PG_ONLY = process.env.DATABASE_URL ? false : 'PostgreSQL server only (DATABASE_URL): plans are checked on the production database';
const PEOPLE = 20_000;
const LARGE = new Set(['users', 'sessions', 'consents']);

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PlanNode[] };
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

async function plan(db: Database['db'], query: SQL): Promise<PlanNode[]> {
  const [r] = await rows<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(db, sql`explain (format json) ${query}`);
  return nodes(r!['QUERY PLAN'][0].Plan);
}
const seqScans = (ns: PlanNode[]) => ns.filter((n) => n['Node Type'] === 'Seq Scan' && LARGE.has(n['Relation Name'] ?? '')).map((n) => n['Relation Name']);
const sorts = (ns: PlanNode[]) => ns.filter((n) => /Sort/.test(n['Node Type'])).map((n) => n['Node Type']);

let database: Database;
let userId: string;
let idHash: string;

/** The hot queries, as the session (src/platform/session.ts), sign-out everywhere and the consent gate (privacy.repository.ts) write them. */
const QUERIES = () => ({
  'session of a cookie (every page)': sql`select s.*, u.* from sessions s inner join users u on u.id = s.user_id where s.id_hash = ${idHash} and u.deleted_at is null limit 1`,
  "a person's sessions (sign-out everywhere, role change, erasure)": sql`select id_hash from sessions where user_id = ${userId}`,
  'consent state (every page of a member)': sql`select notice_version, action, at from consents where user_id = ${userId} order by at desc, seq desc limit 1`,
});

before(async () => {
  if (PG_ONLY) return;
  database = await testDatabase();
  const db = database.db;
  await db.execute(sql`insert into users (id, name, email, created_at, updated_at)
    select gen_random_uuid(), 'Person ' || i, 'person' || i || '@example.test', now(), now() from generate_series(1, ${PEOPLE}) i`);
  await db.execute(sql`insert into sessions (id_hash, user_id, created_at, last_seen_at) select md5(id::text), id, now(), now() from users`);
  await db.execute(sql`insert into consents (id, user_id, notice_version, action, at)
    select gen_random_uuid(), u.id, '1', case when k = 2 then 'withdrawn' else 'given' end, now() - make_interval(days => k) from users u, generate_series(1, 3) k`);
  // Organisations whose names begin with their kind and country, as real ones do ("Gemeente …", "Région …"): the directory's filters in name order.
  await db.execute(sql`insert into organisations (id, name, kind, country, region, languages, created_at, updated_at)
    select gen_random_uuid(), (array['Gemeente ', 'Région ', 'Commune de '])[1 + i % 3] || i, case when i % 10 = 0 then 'region' else 'municipality' end,
      (array['NL', 'FR', 'SN'])[1 + i % 3], (array['europe', 'europe', 'ssa'])[1 + i % 3], array[(array['nl', 'fr', 'fr'])[1 + i % 3]], now(), now()
    from generate_series(1, ${PEOPLE}) i`);
  await db.execute(sql`analyze users; analyze sessions; analyze consents; analyze organisations`);
  const [u] = await rows<{ id: string; h: string }>(db, sql`select u.id, s.id_hash as h from users u join sessions s on s.user_id = u.id order by u.email limit 1 offset ${PEOPLE / 2}`);
  userId = u!.id;
  idHash = u!.h;
});
after(async () => {
  if (database) await database.close();
});

test('the hot queries of a signed-in page read no large table sequentially, and the consent check sorts nothing', { skip: PG_ONLY }, async () => {
  for (const [name, query] of Object.entries(QUERIES())) {
    const ns = await plan(database.db, query);
    assert.deepEqual(seqScans(ns), [], `${name}: sequential scan in ${JSON.stringify(ns.map((n) => n['Node Type']))}`);
    if (name.startsWith('consent')) assert.deepEqual(sorts(ns), [], `${name}: sort in ${JSON.stringify(ns.map((n) => n['Node Type']))}`);
  }
});

const directoryInNameOrder = (where: SQL) => sql`select o.id, o.name from organisations o where ${where} order by o.name, o.id limit 21`;
const indexesOf = (ns: PlanNode[]) => ns.flatMap((n) => (n['Index Name'] ? [n['Index Name']] : []));

test('the directory filtered by kind or by region, in name order, reads the (kind|region, name, id) index: only matching rows, already in order', { skip: PG_ONLY }, async () => {
  for (const [name, where] of [
    ['kind', sql`o.kind = 'region' and o.languages @> array['fr']::text[]`],
    ['region', sql`o.region = 'ssa'`],
  ] as const) {
    const ns = await plan(database.db, directoryInNameOrder(where));
    assert.deepEqual(indexesOf(ns), [`organisations_${name}_name_idx`], `${name}: ${JSON.stringify(ns.map((n) => [n['Node Type'], n['Index Name']]))}`);
    assert.deepEqual(sorts(ns), [], `${name}: no sort`);
  }
});

test('the check fails without the indexes: sessions by person without sessions_user_idx scan the table; the consent check on the old (user_id, at) index sorts', { skip: PG_ONLY }, async () => {
  await database.db
    .transaction(async (tx) => {
      await tx.execute(sql`drop index sessions_user_idx`);
      await tx.execute(sql`drop index consents_user_idx`);
      await tx.execute(sql`create index consents_user_at_only on consents (user_id, at)`);
      const q = QUERIES();
      assert.deepEqual(seqScans(await plan(tx as never, q["a person's sessions (sign-out everywhere, role change, erasure)"])), ['sessions']);
      assert.notDeepEqual(sorts(await plan(tx as never, q['consent state (every page of a member)'])), []);
      // The directory on the one-column indexes of before migration 0039: another index (the name order, filtering every row it reads, or the region's rows then sorted).
      await tx.execute(sql`drop index organisations_region_name_idx`);
      await tx.execute(sql`create index organisations_region_only on organisations (region)`);
      assert.ok(!indexesOf(await plan(tx as never, directoryInNameOrder(sql`o.region = 'ssa'`))).includes('organisations_region_name_idx'));
      tx.rollback();
    })
    .catch((e: unknown) => {
      if (!/rollback/i.test(String((e as Error)?.message ?? e)) && (e as Error)?.constructor?.name !== 'TransactionRollbackError') throw e;
    });
  // Rolled back: the indexes are there again.
  const [r] = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from pg_indexes where indexname in ('sessions_user_idx', 'consents_user_idx')`);
  assert.equal(r!.n, 2);
});
