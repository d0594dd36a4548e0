/**
 * Two real server processes (`node src/server.ts`) on one PostgreSQL database, as `WORKERS=2` or two
 * machines behind a load balancer would be (issue 17): a queued mail is sent once, a sign-out on one
 * ends the session on the other at once, a change made on one is seen on the other (visitors' pages within
 * the micro-cache's 5 s, the matching index within its 5 s poll), a scheduled job started on two
 * processes at once does its work once. PostgreSQL only
 * (the embedded database is one process's).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { startTestSmtp, type TestSmtp } from '../support/smtp.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/modules/accounts/accounts.demo.ts';
import { DEMO_TOTP_SECRET, codeAt } from '../../src/modules/accounts/accounts.twofactor.ts';
import { freePort } from '../support/ports.ts';

const root = new URL('../..', import.meta.url).pathname;
const url = process.env.DATABASE_URL;
const skip = url ? false : 'PostgreSQL server only (DATABASE_URL): the embedded database serves one process';

type Proc = { origin: string; child: ChildProcess; out: () => string; stop(): Promise<void> };
const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});


async function start(databaseUrl: string, smtp: TestSmtp): Promise<Proc> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'peerlink-two-'));
  const origin = `http://127.0.0.1:${port}`;
  let out = '';
  const child = spawn(process.execPath, ['src/server.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1', BASE_URL: origin, DATA_DIR: dataDir, DATABASE_URL: databaseUrl, DEMO: 'true', SMTP_URL: smtp.url, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '1000', COOKIE_SECURE: 'false', WORKERS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => void (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => void (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  cleanups.push(stop);
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${out}`);
    try {
      if ((await fetch(`${origin}/healthz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`no /healthz within 180 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { origin, child, out: () => out, stop };
}

/** The values a browser would send for the first form in `html` (inputs, checked boxes, selected options, textareas). */
function formValues(html: string): URLSearchParams {
  const form = html.slice(0, html.indexOf('</form>'));
  const out = new URLSearchParams();
  const attr = (tag: string, n: string) => new RegExp(`\\s${n}="([^"]*)"`).exec(tag)?.[1];
  const unescape = (v: string) => v.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const name = attr(tag, 'name');
    const type = attr(tag, 'type') ?? 'text';
    if (!name || type === 'submit' || type === 'file') continue;
    if ((type === 'checkbox' || type === 'radio') && !/\schecked\b/.test(tag)) continue;
    out.append(name, unescape(attr(tag, 'value') ?? (type === 'checkbox' ? 'on' : '')));
  }
  for (const m of form.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const name = attr(m[1]!, 'name');
    if (name) out.append(name, unescape(m[2]!));
  }
  for (const m of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = attr(m[1]!, 'name');
    if (!name) continue;
    for (const o of m[2]!.matchAll(/<option\b([^>]*)>/g)) if (/\sselected\b/.test(o[1]!)) out.append(name, unescape(attr(o[1]!, 'value') ?? ''));
  }
  return out;
}

/** The cookies an answer sets (a cleared one left out), as a browser would send them next. */
function cookieOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((l) => l.split(';')[0]!)
    .filter((p) => !p.endsWith('='))
    .join('; ');
}

/** A request as a browser on the page itself would send it, with the session cookie given. */
async function send(p: Proc, method: 'GET' | 'POST', path: string, cookie?: string, form?: Record<string, string>): Promise<Response & { body_: string }> {
  const headers: Record<string, string> = { 'Sec-Fetch-Site': 'same-origin', Origin: p.origin };
  if (cookie) headers.Cookie = cookie;
  let body: string | undefined;
  if (form) {
    body = new URLSearchParams(form).toString();
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
  }
  const res = await fetch(`${p.origin}${path}`, { method, headers, body, redirect: 'manual' });
  return Object.assign(res, { body_: await res.text() });
}

test('two server processes on one PostgreSQL database: a mail is sent once, a sign-out on A ends the session on B at once, a change on A is seen on B (pages, matching), a job runs once', { skip, timeout: 600_000 }, async () => {
  const pg = (await import('pg')).default;
  const name = `peerlink_two_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const u = new URL(url!);
  u.pathname = `/${name}`;
  const databaseUrl = u.toString();
  const db = new pg.Client({ connectionString: databaseUrl });
  cleanups.push(async () => {
    const a = new pg.Client({ connectionString: url });
    await a.connect();
    await a.query(`drop database if exists "${name}" with (force)`);
    await a.end();
  });
  const smtp = await startTestSmtp();
  cleanups.push(() => smtp.close());

  // A migrates and loads the demo; B starts on the same database (nothing left to migrate or seed).
  const a = await start(databaseUrl, smtp);
  const b = await start(databaseUrl, smtp);
  await db.connect();
  cleanups.push(() => db.end());

  // Sign in on A; the session cookie works on B.
  const account = DEMO_ACCOUNTS.find((x) => x.email.startsWith('requester@'))!;
  const signIn = await send(a, 'POST', '/en/sign-in', undefined, { email: account.email, password: DEMO_PASSWORD });
  assert.equal(signIn.status, 303, signIn.body_.slice(0, 500));
  const cookie = cookieOf(signIn);
  assert.ok(cookie, 'a session cookie');
  const onB = await send(b, 'GET', '/en/account', cookie);
  assert.equal(onB.status, 200, 'signed in on B with the cookie from A');
  assert.match(onB.body_, new RegExp(account.name));

  // A change made on A (the account's name) is seen on B at once (signed-in pages are never cached).
  const newName = `Renamed On A ${randomBytes(3).toString('hex')}`;
  const change = await send(a, 'POST', '/en/account/settings', cookie, { name: newName, locale: 'en' });
  assert.equal(change.status, 303, change.body_.slice(0, 500));
  assert.match((await send(b, 'GET', '/en/account', cookie)).body_, new RegExp(newName));

  // Mails queued: both processes' outbox workers run (every 10 s); each mail is received exactly once.
  const { rows: users } = await db.query<{ id: string }>('select id from users where email = $1', [account.email]);
  const userId = users[0]!.id;
  const tag = randomBytes(4).toString('hex');
  const N = 20;
  for (let i = 0; i < N; i++)
    await db.query(`insert into notification_outbox (id, user_id, kind, subject, body, created_at, due_at, is_digest) values ($1, $2, 'retention_warning', $3, 'Once only.', now(), now(), false)`, [
      randomUUID(),
      userId,
      `Once ${tag} #${i}`,
    ]);
  const deadline = Date.now() + 60_000;
  const mine = () => smtp.messages.filter((m) => m.subject.includes(`Once ${tag} `));
  while (mine().length < N && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
  // Two more rounds of both workers: nothing is sent again.
  await new Promise((r) => setTimeout(r, 21_000));
  const subjects = mine().map((m) => m.subject).sort();
  assert.equal(subjects.length, N, `${subjects.length} mails received for ${N} queued`);
  assert.equal(new Set(subjects).size, N, 'no mail received twice');
  const { rows: unsent } = await db.query<{ n: number }>(`select count(*)::int as n from notification_outbox where subject like $1 and sent_at is null`, [`Once ${tag} %`]);
  assert.equal(unsent[0]!.n, 0);

  // A change a visitor sees (an organisation renamed on A by its admin) reaches B's visitors' pages
  // within the micro-cache's delay (PAGE_CACHE_SECONDS, 5 s by default: platform/page-cache.ts).
  const list = '/en/organisations?sort=name';
  await send(b, 'GET', list); // B caches the list for visitors
  const orgAdmin = DEMO_ACCOUNTS.find((x) => x.email.startsWith('orgadmin@'))!;
  const adminIn = await send(a, 'POST', '/en/sign-in', undefined, { email: orgAdmin.email, password: DEMO_PASSWORD });
  const adminCookie = cookieOf(adminIn);
  const { rows: orgs } = await db.query<{ id: string }>(
    `select m.organisation_id as id from memberships m join users u on u.id = m.user_id where u.email = $1 and m.role = 'org_admin' and m.status = 'active' limit 1`,
    [orgAdmin.email],
  );
  const orgId = orgs[0]!.id;
  // B's matching index is built now (a broker's ranked candidates for the demo's open call), before the change.
  const broker = DEMO_ACCOUNTS.find((x) => x.email.startsWith('broker@'))!;
  const brokerIn = await send(b, 'POST', '/en/sign-in', undefined, { email: broker.email, password: DEMO_PASSWORD });
  const pendingCookie = cookieOf(brokerIn);
  // A broker's account asks for the demo's second factor (SECURITY.md 8).
  assert.match(brokerIn.headers.get('Location') ?? '', /\/sign-in\/code/);
  const code = await send(b, 'POST', '/en/sign-in/code', pendingCookie, { code: codeAt(DEMO_TOTP_SECRET, new Date()) });
  assert.equal(code.status, 303, code.body_.slice(0, 500));
  const brokerCookie = cookieOf(code);
  const { rows: calls } = await db.query<{ id: string; title: string; expertise: string }>(`select id, title, expertise_sought as expertise from expertise_calls where state = 'open' order by published_at limit 1`);
  assert.ok(calls[0], 'the demo has an open call');
  const call = calls[0]!;
  const scoreOnB = async (): Promise<number> => {
    const r = await send(b, 'GET', `/api/v1/calls/${call.id}/candidates?type=organisation&top=50`, brokerCookie);
    assert.equal(r.status, 200, r.body_.slice(0, 300));
    const found = (JSON.parse(r.body_) as { candidates: { id: string; score: number }[] }).candidates.find((x) => x.id === orgId);
    return found?.score ?? 0;
  };
  const before = await scoreOnB();

  const editPage = (await send(a, 'GET', `/en/organisations/${orgId}/edit`, adminCookie)).body_;
  const form = formValues(editPage.slice(editPage.indexOf(`action="/en/organisations/${orgId}/edit"`)));
  const renamed = `Aaa Renamed ${tag}`;
  form.set('name', renamed);
  // …and its know-how rewritten as exactly what the call seeks: B's ranking must follow within the index's delay.
  form.set('offers', `${call.title}. ${call.expertise}`.slice(0, 4000));
  const edit = await fetch(`${a.origin}/en/organisations/${orgId}/edit`, {
    method: 'POST',
    headers: { 'Sec-Fetch-Site': 'same-origin', Origin: a.origin, Cookie: adminCookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    redirect: 'manual',
  });
  assert.equal(edit.status, 303, (await edit.text()).slice(0, 800));
  const changedAt = Date.now();
  while (!(await send(b, 'GET', list)).body_.includes(renamed)) {
    assert.ok(Date.now() - changedAt < 5000 + 2000, 'seen on B within PAGE_CACHE_SECONDS (5 s) and a margin');
    await new Promise((r) => setTimeout(r, 200));
  }

  // The matching index of B catches up by polling the database at most every 5 s (matching.store.ts): the
  // organisation's new know-how raises its score for the call on B within that delay and a margin.
  while (!((await scoreOnB()) > before)) {
    assert.ok(Date.now() - changedAt < 5000 + 5000, `B's candidates follow the change made on A within 5 s (score before ${before})`);
    await new Promise((r) => setTimeout(r, 250));
  }

  // Sign out on A: the same cookie on B is signed out at once.
  const out = await send(a, 'POST', '/en/sign-out', cookie);
  assert.equal(out.status, 303);
  const after = await send(b, 'GET', '/en/account', cookie);
  assert.equal(after.status, 303, 'B no longer knows the session');
  assert.match(after.headers.get('Location') ?? '', /sign-in/);

  // A scheduled job runs once across processes: an event starting within the hour with three registrants, then two
  // more processes started at the same moment, both running the reminders job at start (events.reminders, claimed by
  // a conditional update): each registrant gets one reminder, not two.
  const { rows: people } = await db.query<{ id: string }>(`select id from users where email = any($1) order by email`, [
    DEMO_ACCOUNTS.filter((x) => /^(member|expert|requester)@/.test(x.email)).map((x) => x.email),
  ]);
  assert.equal(people.length, 3);
  const eventId = randomUUID();
  const since = new Date();
  await db.query(
    `insert into events (id, organiser_id, format, title, description, lang, starts_at, ends_at, time_zone, capacity, registration_opens_at, registration_closes_at, state, created_at, updated_at)
     values ($1, $2, 'online', $3, 'Once only.', 'en', now() + interval '1 hour', now() + interval '2 hours', 'UTC', 10, now() - interval '1 day', now() + interval '30 minutes', 'published', now(), now())`,
    [eventId, people[0]!.id, `Reminder ${tag}`],
  );
  for (const p of people)
    await db.query(`insert into event_registrations (id, event_id, user_id, state, created_at) values ($1, $2, $3, 'confirmed', now())`, [randomUUID(), eventId, p.id]);
  const [c, d] = await Promise.all([start(databaseUrl, smtp), start(databaseUrl, smtp)]);
  const reminders = async () =>
    (await db.query<{ user_id: string; n: number }>(`select user_id, count(*)::int as n from notification_outbox where kind = 'events.reminder' and created_at >= $1 group by user_id`, [since])).rows;
  const waitUntil = Date.now() + 30_000;
  while ((await reminders()).length < 3 && Date.now() < waitUntil) await new Promise((r) => setTimeout(r, 250));
  await new Promise((r) => setTimeout(r, 3000)); // time for a late second run to show itself
  const got = await reminders();
  assert.deepEqual(got.map((r) => r.n), [1, 1, 1], `one reminder per registrant: ${JSON.stringify(got)}`);
  assert.equal(new Set(got.map((r) => r.user_id)).size, 3);
  const { rows: ev } = await db.query<{ at: Date | null }>('select reminder_sent_at as at from events where id = $1', [eventId]);
  assert.ok(ev[0]!.at, 'the event is marked reminded');
  await Promise.all([c.stop(), d.stop()]);
});

test('WORKERS above 1 without DATABASE_URL is a configuration error naming WORKERS', async () => {
  const { loadConfig, ConfigError } = await import('../../src/platform/config.ts');
  assert.throws(() => loadConfig({ WORKERS: '2' }), (e: unknown) => e instanceof ConfigError && /WORKERS: more than one process needs a PostgreSQL server/.test(e.message));
  assert.equal(loadConfig({ WORKERS: '2', DATABASE_URL: 'postgres://x@127.0.0.1/y' }).workers, 2);
  assert.equal(loadConfig({}).workers, 1);
});

test('WORKERS=2: the primary migrates once and forks two workers on one port, replaces a worker killed, and SIGTERM stops them all (exit 0)', { skip, timeout: 300_000 }, async () => {
  const pg = (await import('pg')).default;
  const name = `peerlink_cluster_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  cleanups.push(async () => {
    const a = new pg.Client({ connectionString: url });
    await a.connect();
    await a.query(`drop database if exists "${name}" with (force)`);
    await a.end();
  });
  const u = new URL(url!);
  u.pathname = `/${name}`;
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'peerlink-cluster-'));
  cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  let out = '';
  const child = spawn(process.execPath, ['src/server.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: u.toString(), DEMO: 'false', LOG_LEVEL: 'info', WORKERS: '2', SMTP_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => void (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => void (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  cleanups.push(async () => void (child.exitCode === null && child.kill('SIGKILL')));
  const listening = () => [...out.matchAll(/"msg":"listening".*?"pid":(\d+)/g)].map((m) => Number(m[1]));
  const until = async (what: string, ok: () => boolean) => {
    const deadline = Date.now() + 120_000;
    while (!ok()) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`${what}:\n${out}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  await until('two workers listening', () => listening().length === 2);
  const [first, second] = listening();
  assert.notEqual(first, second);
  assert.ok(first !== child.pid && second !== child.pid, 'the workers are not the primary');
  assert.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).status, 200);
  // A worker killed is replaced by a new one.
  process.kill(first!, 'SIGKILL');
  await until('a third worker listening', () => listening().length === 3);
  assert.match(out, /worker died, starting another/);
  assert.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).status, 200);
  // SIGTERM to the primary stops every worker, then the primary exits 0.
  child.kill('SIGTERM');
  assert.equal(await exited, 0, out);
  for (const pid of listening().slice(1)) assert.throws(() => process.kill(pid, 0), 'worker gone');
  // Workers do not migrate (the primary did, before forking): no process logged an error but the killed worker.
  assert.doesNotMatch(out, /"level":"error"(?!.*worker died)/);
});
