/**
 * Reliability (SECURITY.md): database down or disk full answers 503 (with Retry-After, in the
 * person's language, no internals), and no half-stored upload remains.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp } from '../support/app.ts';
import { openPostgres, openPglite, rows } from '../../src/platform/db.ts';
import { sql } from 'drizzle-orm';
import { isUnavailableError } from '../../src/platform/unavailable.ts';
import { store } from '../../src/modules/files/files.service.ts';

test('real failures are told apart: a refused connection, a closed database and a full disk are "unavailable"; a bug is not', async () => {
  // A PostgreSQL server that is not there (a closed port).
  const down = await openPostgres('postgres://root@127.0.0.1:1/none', { max: 1 });
  const refused = await rows(down.db, sql`select 1`).catch((e: unknown) => e);
  await down.close().catch(() => undefined);
  assert.ok(refused instanceof Error);
  assert.equal(isUnavailableError(refused), true, `refused connection: ${String(refused)}`);
  // The embedded database, closed.
  const lite = await openPglite(null);
  await lite.close();
  const closed = await rows(lite.db, sql`select 1`).catch((e: unknown) => e);
  assert.equal(isUnavailableError(closed), true, `closed PGlite: ${String(closed)}`);
  // A full disk (/dev/full answers every write with ENOSPC).
  let full: unknown;
  try {
    writeFileSync('/dev/full', Buffer.alloc(1024));
  } catch (e) {
    full = e;
  }
  assert.equal(isUnavailableError(full), true, `full disk: ${String(full)}`);
  // Bugs stay bugs.
  const lite2 = await openPglite(null);
  const syntax = await rows(lite2.db, sql`select * from no_such_table`).catch((e: unknown) => e);
  await lite2.close();
  assert.equal(isUnavailableError(syntax), false);
  assert.equal(isUnavailableError(new TypeError('x is undefined')), false);
});

test('with the database down, pages answer 503 with Retry-After in the person’s language, and the API a JSON 503; no internals shown', async () => {
  const t = await createTestApp();
  try {
    assert.equal((await t.client().get('/fr/organisations')).status, 200);
    await t.database.close();
    const page = await t.client().get('/fr/organisations');
    assert.equal(page.status, 503);
    assert.equal(page.headers.get('retry-after'), '30');
    assert.match(page.body_, /Momentanément indisponible/);
    assert.doesNotMatch(page.body_, /PGlite|select|at .*\.ts|node_modules/i);
    const api = await t.client().get('/api/v1/organisations');
    assert.equal(api.status, 503);
    assert.equal((JSON.parse(api.body_) as { error: { code: string } }).error.code, 'unavailable');
    const health = await t.client().get('/healthz');
    assert.equal(health.status, 503);
  } finally {
    await t.smtp.close();
  }
});

test('an upload whose row cannot be stored (database down) leaves no file behind', async () => {
  const t = await createTestApp();
  const dir = mkdtempSync(join(tmpdir(), 'peerlink-unavailable-'));
  try {
    const actor = { id: '00000000-0000-4000-8000-000000000001', name: 'A', email: 'a@example.org', locale: 'en' as const, roles: [], coordinatorRegions: [], hasTotp: false };
    // The quota query works, then the database goes away before the row is written.
    let calls = 0;
    const db = new Proxy(t.db, {
      get(target, prop, receiver) {
        if (prop === 'insert') {
          calls++;
          return () => {
            throw Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' });
          };
        }
        return Reflect.get(target, prop, receiver);
      },
    });
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const out = await store({ db, actor, locale: 'en', now: t.clock.now(), ip: null } as never, { filesDir: dir }, 'request_attachment', { name: 'plan.pdf', bytes: pdf }, {}).catch((e: unknown) => e);
    assert.ok(out instanceof Error && isUnavailableError(out), 'the failure is reported as unavailable');
    assert.equal(calls, 1, 'the row insert was reached');
    assert.deepEqual(readdirSync(dir), [], 'no file remains');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  }
});
