import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { loadConfig, ConfigError } from '../../src/platform/config.ts';
import { openPglite, migrate, rows, DataDirLockedError } from '../../src/platform/db.ts';
import { testDatabase } from '../support/db.ts';
import { negotiateLocale, createI18n, localized } from '../../src/platform/i18n.ts';

test('a wrong configuration value stops the start with a message naming it', () => {
  assert.throws(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' }), (e: unknown) => {
    assert.ok(e instanceof ConfigError);
    assert.match(e.message, /PORT/);
    assert.match(e.message, /DATABASE_URL/);
    return true;
  });
  const c = loadConfig({});
  assert.equal(c.port, 3000);
  assert.match(c.dataDir, /data$/);
  assert.equal(c.cookieSecure, true);
});

test('a second process on the same data folder stops at once with a clear message and touches nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'peerlink-lock-'));
  try {
    const first = await openPglite(dir);
    await assert.rejects(openPglite(dir), (e: unknown) => e instanceof DataDirLockedError && /in use by another Peerlink process/.test(e.message));
    // The same from a real second process.
    const child = spawn(process.execPath, ['--input-type=module', '-e', `import { openPglite } from ${JSON.stringify(new URL('../../src/platform/db.ts', import.meta.url).pathname)}; try { await openPglite(${JSON.stringify(dir)}); process.exit(0) } catch (e) { console.error(e.message); process.exit(3) }`], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise<number | null>((res) => child.on('exit', res));
    assert.equal(code, 3);
    assert.match(err, /in use by another Peerlink process/);
    await first.close();
    const again = await openPglite(dir);
    await again.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('after a crash the next start takes the lock over at once, saying so; a running holder still refuses', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'peerlink-stale-'));
  try {
    // A real process takes the lock, says so, and is killed without a chance to release it.
    const child = spawn(
      process.execPath,
      ['--input-type=module', '-e', `import { openPglite } from ${JSON.stringify(new URL('../../src/platform/db.ts', import.meta.url).pathname)}; await openPglite(${JSON.stringify(dir)}); console.log('locked'); setInterval(() => {}, 1000);`],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((res, rej) => {
      child.stdout.on('data', (d: Buffer) => String(d).includes('locked') && res());
      child.on('exit', (code) => rej(new Error(`holder exited ${code}`)));
    });
    // While it runs, the folder is refused, and nothing is taken over.
    const told: number[] = [];
    await assert.rejects(openPglite(dir, { onStaleLock: (o) => told.push(o.pid) }), (e: unknown) => e instanceof DataDirLockedError);
    assert.equal(told.length, 0);
    child.kill('SIGKILL');
    await new Promise((res) => child.on('exit', res));
    // The lock is not stale by age (an hour); the dead owner is recognised by its process id, now.
    const d = await openPglite(dir, { onStaleLock: (o) => told.push(o.pid) });
    assert.deepEqual(told, [child.pid]);
    await d.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('migrations are idempotent: a second run changes nothing', async () => {
  const d = await testDatabase();
  try {
    const before = await rows<{ n: number }>(d.db, sql`select count(*)::int as n from information_schema.columns where table_schema = 'public'`);
    await migrate(d);
    const after = await rows<{ n: number }>(d.db, sql`select count(*)::int as n from information_schema.columns where table_schema = 'public'`);
    assert.deepEqual(after, before);
  } finally {
    await d.close();
  }
});

test('the audit log is append-only in the database itself', async () => {
  const d = await testDatabase();
  try {
    await d.db.execute(sql`insert into audit_log (at, action) values (now(), 'test.event')`);
    await assert.rejects(d.db.execute(sql`update audit_log set action = 'changed'`));
    await assert.rejects(d.db.execute(sql`delete from audit_log`));
    const r = await rows<{ action: string }>(d.db, sql`select action from audit_log`);
    assert.deepEqual(r.map((x) => x.action), ['test.event']);
  } finally {
    await d.close();
  }
});

test('language negotiation picks the best supported language', () => {
  assert.equal(negotiateLocale('pt-BR,pt;q=0.9,en;q=0.8'), 'pt');
  assert.equal(negotiateLocale('de-DE,de;q=0.9,fr;q=0.5'), 'fr');
  assert.equal(negotiateLocale('de'), undefined);
  assert.equal(negotiateLocale(''), undefined);
});

test('messages format with ICU plurals in each language and fall back to English', () => {
  const i = createI18n({ en: { 'x.y.z': '{n, plural, one {# item} other {# items}}', 'x.only.en': 'only' }, fr: { 'x.y.z': '{n, plural, one {# élément} other {# éléments}}' }, es: {}, pt: {}, ar: {} });
  assert.equal(i.t('en', 'x.y.z', { n: 1 }), '1 item');
  assert.equal(i.t('fr', 'x.y.z', { n: 2 }), '2 éléments');
  assert.equal(i.t('ar', 'x.only.en'), 'only');
});

test('a number in a plain argument is written the reader’s way; plural and number arguments keep theirs (issue 14.4)', () => {
  const i = createI18n({ en: { avg: 'Average {value} of {n, plural, one {# answer} other {# answers}}' }, fr: { avg: 'Moyenne {value} sur {n, plural, one {# réponse} other {# réponses}}' }, es: {}, pt: {}, ar: {} });
  assert.equal(i.t('fr', 'avg', { value: 4.2, n: 2 }), 'Moyenne 4,2 sur 2 réponses');
  assert.equal(i.t('en', 'avg', { value: 4.25, n: 1 }), 'Average 4.25 of 1 answer');
  assert.equal(i.t('fr', 'avg', { value: 12345.678, n: 1 }), 'Moyenne 12\u202f345,68 sur 1 réponse');
  assert.equal(i.t('fr', 'avg', { value: '2026', n: 1 }), 'Moyenne 2026 sur 1 réponse', 'a string (a year) as it is');
});

test('multilingual content is read in the reader’s language, else in the original', () => {
  assert.deepEqual(localized({ en: 'Waste', fr: 'Déchets' }, 'fr', 'en'), { text: 'Déchets', lang: 'fr', isOriginal: false });
  assert.deepEqual(localized({ fr: 'Déchets' }, 'es', 'fr'), { text: 'Déchets', lang: 'fr', isOriginal: true });
});

test('the test database harness gives an isolated migrated database', async () => {
  const a = await testDatabase();
  const b = await testDatabase();
  try {
    await a.db.execute(sql`insert into audit_log (at, action) values (now(), 'only.in.a')`);
    const inB = await rows<{ n: number }>(b.db, sql`select count(*)::int as n from audit_log`);
    assert.equal(inB[0]!.n, 0);
    assert.ok(existsSync(new URL('../../src/db/migrations', import.meta.url)));
  } finally {
    await a.close();
    await b.close();
  }
});
