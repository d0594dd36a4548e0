/**
 * Reliability (SECURITY.md): migrations run on a populated database of the previous release —
 * invariants hold, a second run changes nothing, a failed migration leaves the schema as it was.
 * The populated earlier database is built from a backup of the demo data loaded into the schema of
 * the previous release (columns that release did not have are left out).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { emptyDatabase, testDatabase } from '../support/db.ts';
import { migrationsFolder, rows, type Database } from '../../src/platform/db.ts';
import { backup, loadTables, tablesInOrder, tableChecksum } from '../../src/platform/backup.ts';
import { seedDemo } from '../../src/modules/demo/demo.seed.ts';
import { MODULES } from '../../src/modules/index.ts';

/** Migrations of the last release that landed (stop 7: 0000–0012). Raise it when a release lands. */
const PREVIOUS_RELEASE = 13;

type Journal = { entries: { idx: number; tag: string }[] };
const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal;
const tmp = mkdtempSync(join(tmpdir(), 'peerlink-migrations-'));
const now = new Date('2026-11-23T09:00:00Z');

/** A copy of the migrations folder holding only the first `n` migrations (plus `extra` SQL as one more). */
function folderWith(n: number, extra?: string): string {
  const dir = mkdtempSync(join(tmp, 'm-'));
  cpSync(migrationsFolder, dir, { recursive: true });
  const j = { ...journal, entries: journal.entries.slice(0, n) } as Journal & Record<string, unknown>;
  if (extra !== undefined) {
    const tag = `${String(n).padStart(4, '0')}_failing`;
    writeFileSync(join(dir, `${tag}.sql`), extra);
    j.entries.push({ ...journal.entries[0]!, idx: n, tag, when: Date.now() } as never);
  }
  writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify(j));
  return dir;
}

async function migrateWith(d: Database, folder: string) {
  if (d.kind === 'pglite') await (await import('drizzle-orm/pglite/migrator')).migrate(d.db as never, { migrationsFolder: folder });
  else await (await import('drizzle-orm/node-postgres/migrator')).migrate(d.db as never, { migrationsFolder: folder });
}

/** Tables, columns, indexes and triggers of the public schema, as text: what "the schema" is here. */
async function schemaOf(d: Database): Promise<string> {
  const cols = await rows<{ x: string }>(d.db, sql`select table_name || '.' || column_name || ':' || data_type || ':' || is_nullable || ':' || coalesce(column_default, '') as x from information_schema.columns where table_schema = 'public' order by 1`);
  const idx = await rows<{ x: string }>(d.db, sql`select indexdef as x from pg_indexes where schemaname = 'public' order by 1`);
  const trg = await rows<{ x: string }>(d.db, sql`select tgname::text as x from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and not t.tgisinternal order by 1`);
  return [...cols, ...idx, ...trg].map((r) => r.x).join('\n');
}

async function checksums(d: Database): Promise<Map<string, string>> {
  const sums = new Map<string, string>();
  for (const t of await tablesInOrder(d.db)) sums.set(t.name, (await tableChecksum(d.db, t.name)).sha256);
  return sums;
}

let source: Database;
let backupDir = '';
before(async () => {
  source = await testDatabase();
  await seedDemo(source.db, MODULES, { now });
  // The demo's recorded partnerships (issue 13) have no shape in the previous release (its partnerships all came
  // from an exchange, with a host and a peer): they are left out of the earlier database; an exchange's
  // partnership of the earlier shape is added to it below, and its move into partner rows is checked.
  await source.db.execute(sql`delete from partnerships where exchange_id is null`);
  backupDir = join(tmp, 'backup');
  await backup(source, join(tmp, 'no-files'), backupDir, now);
});
after(async () => {
  await source?.close();
  rmSync(tmp, { recursive: true, force: true });
});

test('the migrations since the previous release run on its populated database: data kept, invariants hold, a second run changes nothing', async () => {
  assert.ok(journal.entries.length >= PREVIOUS_RELEASE);
  const d = await emptyDatabase();
  try {
    await migrateWith(d, folderWith(PREVIOUS_RELEASE));
    await d.db.transaction(async (tx) => loadTables(tx, backupDir, await tablesInOrder(tx)));
    const [ex] = await rows<{ id: string; host: string; peer: string; by: string }>(d.db, sql`select id, host_organisation_id as host, peer_organisation_id as peer, created_by as by from exchanges where peer_organisation_id is not null limit 1`);
    assert.ok(ex, 'the demo has an exchange with a peer organisation');
    await d.db.execute(sql`insert into partnerships (id, exchange_id, host_organisation_id, peer_organisation_id, state, proposed_by, proposed_side, created_at, updated_at)
      values ('00000000-0000-4000-8000-00000000abcd', ${ex.id}, ${ex.host}, ${ex.peer}, 'proposed', ${ex.by}, 'host', ${now.toISOString()}, ${now.toISOString()})`);
    await d.db.execute(sql`insert into partnership_events (id, partnership_id, kind, note, actor_id, at) values ('00000000-0000-4000-8000-00000000abce', '00000000-0000-4000-8000-00000000abcd', 'proposed', 'Let us continue.', ${ex.by}, ${now.toISOString()})`);
    const before = new Map<string, number>();
    for (const t of await tablesInOrder(d.db)) before.set(t.name, (await tableChecksum(d.db, t.name)).rows);
    assert.ok((before.get('organisations') ?? 0) > 30 && (before.get('questionnaires') ?? 0) > 0, 'the earlier database is populated');

    await migrateWith(d, migrationsFolder);
    // Every row is still there.
    for (const [name, n] of before) assert.equal((await tableChecksum(d.db, name)).rows, n, `${name} keeps its rows`);
    // Invariants of what the migrations since added.
    const q = await rows<{ bad: number }>(d.db, sql`select count(*)::int as bad from questionnaires where version <> 1 or retired_at is not null`);
    assert.equal(Number(q[0]!.bad), 0, 'every existing questionnaire is its current version 1');
    const dup = await rows<{ n: number }>(d.db, sql`select count(*)::int as n from (select programme_id, stage from questionnaires where retired_at is null group by 1, 2 having count(*) > 1) x`);
    assert.equal(Number(dup[0]!.n), 0, 'one current questionnaire per programme and stage');
    const members = await rows<{ organisation_id: string; confirmed: boolean }>(d.db, sql`select organisation_id, confirmed_at is not null as confirmed from partnership_members where partnership_id = '00000000-0000-4000-8000-00000000abcd' order by confirmed desc`);
    assert.deepEqual(members.map((m) => [m.organisation_id, m.confirmed]), [[ex.host, true], [ex.peer, false]], 'an exchange’s partnership keeps both organisations as partners, the proposing side confirmed');
    const [moved] = await rows<{ approaches: string[]; origin: string; day: string | null }>(d.db, sql`select p.approaches, p.origin, e.day::text as day from partnerships p join partnership_events e on e.partnership_id = p.id where p.id = '00000000-0000-4000-8000-00000000abcd'`);
    assert.deepEqual(moved, { approaches: ['city_to_city_partnership'], origin: 'exchange', day: '2026-11-23' });
    const folded = await rows<{ n: number }>(d.db, sql`select count(*)::int as n from organisations where search @@ plainto_tsquery('simple', 'ziniare')`);
    assert.ok(Number(folded[0]!.n) >= 1, 'generated search columns are computed for the existing rows (accent-folded)');
    // The same schema as a database migrated from empty.
    const fresh = await emptyDatabase();
    try {
      await migrateWith(fresh, migrationsFolder);
      assert.equal(await schemaOf(d), await schemaOf(fresh), 'upgraded and fresh schemas are the same');
    } finally {
      await fresh.close();
    }
    // A second run changes nothing.
    const schema = await schemaOf(d);
    const sums = await checksums(d);
    await migrateWith(d, migrationsFolder);
    assert.equal(await schemaOf(d), schema);
    assert.deepEqual(await checksums(d), sums, 'no table changed by a second run');
  } finally {
    await d.close();
  }
});

test('a failed migration leaves the schema and the data as they were', async () => {
  const d = await testDatabase();
  try {
    await seedDemo(d.db, MODULES, { now });
    const schema = await schemaOf(d);
    const sums = await checksums(d);
    // It changes the schema and the data, then fails: none of it may stay.
    const failing = folderWith(journal.entries.length, 'ALTER TABLE "users" ADD COLUMN "nickname" text;--> statement-breakpoint\nUPDATE "organisations" SET "name" = upper("name");--> statement-breakpoint\nSELECT 1 / 0;');
    await assert.rejects(migrateWith(d, failing));
    assert.equal(await schemaOf(d), schema, 'no column added');
    assert.deepEqual(await checksums(d), sums, 'no row changed');
    const [n] = await rows<{ n: number }>(d.db, sql.raw(`select count(*)::int as n from drizzle.__drizzle_migrations`));
    assert.equal(Number(n!.n), journal.entries.length, 'the failed migration is not recorded');
  } finally {
    await d.close();
  }
});
