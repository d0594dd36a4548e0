/**
 * The command line as a user runs it: separate processes on a data folder. Import then export;
 * exit codes; a second process on the same folder is refused while the first holds the lock.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { eq } from 'drizzle-orm';
import { openPglite } from '../../platform/db.ts';
import { users } from '../../db/schema/accounts.ts';
import { verifyPassword } from '../accounts/accounts.passwords.ts';

const cli = new URL('../../cli.ts', import.meta.url).pathname;
let dir: string;
let env: Record<string, string>;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'peerlink-cli-'));
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL')) as Record<string, string>;
  env = { ...base, NODE_ENV: 'test', DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent', PEERLINK_ADMIN_PASSWORD: '' };
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

type Run = { code: number | null; stdout: string; stderr: string };

function start(args: string[], extraEnv: Record<string, string> = {}): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, [cli, ...args], { env: { ...env, ...extraEnv }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = once(child, 'close').then(([code]) => ({ code: code as number | null, stdout, stderr }));
  return { child, done };
}
function run(args: string[], extraEnv: Record<string, string> = {}): Promise<Run> {
  const s = start(args, extraEnv);
  s.child.stdin!.end();
  return s.done;
}

test('import then export through the command line', async () => {
  const csv = join(dir, 'orgs.csv');
  writeFileSync(csv, ['id,name,country,languages,themes,sdgs', 'cli-1,Almere,NL,nl;en,sanitation,6', 'cli-2,Agona West,GH,en,sanitation;waste_management,6;11', 'cli-3,Bad,ZZ,,,'].join('\n'));
  const imp = await run(['import', 'organisations', csv]);
  assert.equal(imp.code, 1, imp.stderr);
  assert.match(imp.stderr, /orgs\.csv:4: field "country"/);
  assert.match(imp.stderr, /2 added/);
  // Standard error is a pipe here, not a terminal: plain progress lines, no bar redrawn with carriage returns.
  assert.match(imp.stderr, /^import organisations: done, 3 rows in \d+\.\d s \([\d,]+ rows\/s\)$/m);
  assert.ok(!imp.stderr.includes('\r'));

  const ppl = join(dir, 'people.jsonl');
  writeFileSync(ppl, `${JSON.stringify({ id: 'p-1', name: 'George Freeman', organisation: 'cli-2', email: 'george@example.org' })}\n`);
  const pi = await run(['import', 'people', ppl, '--strict']);
  assert.equal(pi.code, 0, pi.stderr);

  const out = join(dir, 'out.jsonl');
  const exp = await run(['export', 'organisations', out]);
  assert.equal(exp.code, 0, exp.stderr);
  assert.match(exp.stderr, /^export organisations: done, 2 rows in \d+\.\d s/m);
  const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(
    lines.map((o) => [o.id, o.name, o.region]),
    [
      ['cli-2', 'Agona West', 'ssa'],
      ['cli-1', 'Almere', 'europe'],
    ],
  );
  const pe = await run(['export', 'people', '-', '--format', 'csv']);
  assert.equal(pe.code, 0, pe.stderr);
  assert.match(pe.stdout, /^id,name,organisation,position,languages,expertise,themes,email\n/);
  assert.match(pe.stdout, /p-1,George Freeman,cli-2,,,,,george@example.org/);

  const again = await run(['import', 'organisations', out, '--strict']);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stderr, /0 added, 2 updated/);
});

test('wrong usage exits 2; a missing file and a refused admin password exit 1', async () => {
  assert.equal((await run(['import', 'organisations'])).code, 2);
  assert.equal((await run(['export', 'organisations', 'file.xlsx'])).code, 2);
  assert.equal((await run(['frobnicate'])).code, 2);
  const help = await run(['help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /import organisations FILE/);
  const missing = await run(['import', 'people', join(dir, 'nope.csv')]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /Cannot read/);
  const weak = await run(['create-admin', '--email', 'root@example.org', '--name', 'Root'], { PEERLINK_ADMIN_PASSWORD: 'short' });
  assert.equal(weak.code, 1);
  assert.match(weak.stderr, /at least 15 characters/);
});

test('create-admin makes a verified admin once', async () => {
  const pw = { PEERLINK_ADMIN_PASSWORD: 'a long and unusual admin passphrase' };
  const r = await run(['create-admin', '--email', 'Chief@Example.org', '--name', 'Chief'], pw);
  assert.equal(r.code, 0, r.stderr);
  const dup = await run(['create-admin', '--email', 'chief@example.org', '--name', 'Chief'], pw);
  assert.equal(dup.code, 1);
  assert.match(dup.stderr, /already exists/);
  const database = await openPglite(join(dir, 'data'));
  try {
    const found = await database.db.select().from(users).where(eq(users.email, 'chief@example.org'));
    assert.equal(found.length, 1);
    assert.deepEqual(found[0]!.roles, ['admin']);
    assert.ok(found[0]!.emailVerifiedAt);
    assert.ok(await verifyPassword(found[0]!.passwordHash, pw.PEERLINK_ADMIN_PASSWORD));
  } finally {
    await database.close();
  }
});

test('a second process on the same data folder is refused with a clear message while the first holds the lock', async () => {
  // The first process opens the database, then waits for its input on stdin.
  const first = start(['import', 'organisations', '-', '--format', 'jsonl']);
  const lock = join(dir, 'data', 'peerlink.lock');
  for (let i = 0; i < 600 && !existsSync(lock); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(existsSync(lock), 'the first process took the lock');
  const second = await run(['export', 'organisations', '-', '--format', 'jsonl']);
  assert.equal(second.code, 1);
  assert.match(second.stderr, /in use by another Peerlink process/);
  assert.equal(second.stdout, '');
  first.child.stdin!.end(`${JSON.stringify({ id: 'lock-1', name: 'After the lock', country: 'BE' })}\n`);
  const r = await first.done;
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /1 added/);
});

test('backup and restore through the command line print plain progress lines with rows per second when not on a terminal', async () => {
  const bk = join(dir, 'backup-progress');
  const b = await run(['backup', bk]);
  assert.equal(b.code, 0, b.stderr);
  assert.match(b.stderr, /^backup: done, [\d,]+ rows in \d+\.\d s \([\d,]+ rows\/s\)$/m);
  const r = await run(['restore', bk], { DATA_DIR: join(dir, 'restored') });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /^restore: done, [\d,]+ rows in \d+\.\d s \([\d,]+ rows\/s\)$/m);
  assert.ok(!b.stderr.includes('\r') && !r.stderr.includes('\r'));
});
