/**
 * Reliability (SECURITY.md): backup and restore round trip — database and files, restored into a
 * fresh instance, compared table by table and file by file. Runs on PGlite and, in CI, on the
 * PostgreSQL server (the major version used in production).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { testDatabase } from '../support/db.ts';
import type { Database } from '../../src/platform/db.ts';
import { rows } from '../../src/platform/db.ts';
import { backup, restore, compareDatabases, verifyBackup, tablesInOrder, referenceTables, type Manifest } from '../../src/platform/backup.ts';
import { seedDemo } from '../../src/modules/demo/demo.seed.ts';
import { MODULES } from '../../src/modules/index.ts';
import { audit } from '../../src/platform/audit.ts';

let source: Database;
const tmp = mkdtempSync(join(tmpdir(), 'peerlink-backup-test-'));
const filesDir = join(tmp, 'files');
const now = new Date('2026-11-23T09:00:00Z');

before(async () => {
  source = await testDatabase();
  await seedDemo(source.db, MODULES, { now });
  await audit(source.db, now, { action: 'test.backup', objectType: 'user', ip: '192.0.2.1' });
  mkdirSync(join(filesDir, 'ab'), { recursive: true });
  writeFileSync(join(filesDir, 'ab', 'cv-1.pdf'), Buffer.from('%PDF-1.4 a CV with accents: Ziniaré, Chișinău\n'));
  writeFileSync(join(filesDir, 'report.bin'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 256)));
});
after(async () => {
  await source?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const count = async (d: Database, table: string) => Number((await rows<{ n: number }>(d.db, sql.raw(`select count(*)::int as n from "${table}"`)))[0]!.n);

test('a backup restored into a fresh instance is equal table by table and file by file', async () => {
  const out = join(tmp, 'b1');
  const m = await backup(source, filesDir, out, now);
  assert.ok(m.tables.length >= 30, `every table is in the backup (${m.tables.length})`);
  assert.ok(m.tables.find((t) => t.name === 'users')!.rows >= 9, 'the demo accounts are in it');
  assert.ok(m.tables.find((t) => t.name === 'audit_log')!.rows >= 1);
  assert.equal(m.files.length, 2);

  const target = await testDatabase();
  const restoredFiles = join(tmp, 'restored-files');
  try {
    await restore(target, restoredFiles, out);
    assert.deepEqual(await compareDatabases(source.db, target.db), [], 'no table differs');
    for (const f of m.files) assert.equal(sha(join(restoredFiles, f.path)), sha(join(filesDir, f.path)), f.path);
    assert.deepEqual(readdirSync(restoredFiles).sort(), readdirSync(filesDir).sort());
    // Generated search columns are computed again, and searching works on the restored instance.
    const hits = await rows<{ n: number }>(target.db, sql`select count(*)::int as n from organisations where search @@ plainto_tsquery('simple', 'banjul')`);
    assert.ok(Number(hits[0]!.n) >= 1);
    // Sequences continue after the restored rows: a new audit entry gets a fresh id.
    await audit(target.db, now, { action: 'test.after_restore', objectType: 'user' });
    assert.equal(await count(target, 'audit_log'), (await count(source, 'audit_log')) + 1);
  } finally {
    await target.close();
  }
});

test('a damaged backup is refused before anything is written', async () => {
  const out = join(tmp, 'b2');
  await backup(source, filesDir, out, now);
  const file = join(out, 'tables', 'organisations.jsonl');
  const lines = readFileSync(file, 'utf8').split('\n');
  lines[0] = lines[0]!.replace(/"name":"[^"]*"/, '"name":"Tampered"');
  writeFileSync(file, lines.join('\n'));
  await assert.rejects(verifyBackup(out), /organisations does not match its manifest/);
  const target = await testDatabase();
  try {
    await assert.rejects(restore(target, join(tmp, 'f2'), out), /damaged/);
    assert.equal(await count(target, 'organisations'), 0);
  } finally {
    await target.close();
  }
});

test('a restore that fails half-way leaves the instance empty (one transaction), and a non-empty instance is refused', async () => {
  const out = join(tmp, 'b3');
  await backup(source, filesDir, out, now);
  // A membership pointing at no organisation, with the manifest made to agree: only the database can refuse it.
  const memberships = join(out, 'tables', 'memberships.jsonl');
  const first = readFileSync(memberships, 'utf8').split('\n')[0]!;
  const bad = first.replace(/"organisation_id":"[0-9a-f-]+"/, '"organisation_id":"00000000-0000-4000-8000-000000000000"');
  assert.notEqual(bad, first);
  const content = readFileSync(memberships, 'utf8').replace(first, bad);
  writeFileSync(memberships, content);
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
  const lines = content.split('\n').filter(Boolean);
  const h = createHash('sha256');
  for (const l of lines) h.update(l).update('\n');
  manifest.tables.find((t) => t.name === 'memberships')!.sha256 = h.digest('hex');
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest));

  const target = await testDatabase();
  try {
    // A fresh instance holds only the reference data its migrations wrote (the guide's approaches and funding).
    const reference = await referenceTables(target.db);
    const fresh = new Map<string, number>();
    for (const t of await tablesInOrder(target.db)) fresh.set(t.name, await count(target, t.name));
    await assert.rejects(restore(target, join(tmp, 'f3'), out));
    for (const t of await tablesInOrder(target.db)) assert.equal(await count(target, t.name), reference.has(t.name) ? fresh.get(t.name) : 0, `${t.name} is as fresh after the failed restore`);
    assert.ok(reference.has('cooperation_approaches') && fresh.get('cooperation_approaches')! > 0);
    assert.equal(existsSync(join(tmp, 'f3')), false, 'no file copied');
  } finally {
    await target.close();
  }
  await assert.rejects(restore(source, join(tmp, 'f4'), join(tmp, 'b1')), /not empty/);
});
