/**
 * SECURITY.md 8: a second factor (TOTP) is required for broker, committee and admin roles; each
 * code works once; recovery codes are stored hashed. Also SECURITY.md 4 (changing the second
 * factor asks for the current password) and 2 (the session id is replaced when the sign-in completes).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.ts';
import { createUser, signedInClient } from '../../../test/support/users.ts';
import { users, sessions } from '../../db/schema/accounts.ts';
import { auditLog } from '../../db/schema/platform.ts';
import { hashPassword } from '../../modules/accounts/accounts.passwords.ts';
import { codeAt, newSecret, PERIOD_S, DEMO_TOTP_SECRET } from '../../modules/accounts/accounts.twofactor.ts';
import { createAccount } from '../../modules/accounts/accounts.service.ts';
import { cookieName } from '../../platform/session.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const PASSWORD = 'a long broker passphrase for tests';
let hash = '';
const step = () => t.clock.advance(PERIOD_S * 1000);

async function privileged(roles: ('broker' | 'committee' | 'admin')[], secret?: string) {
  hash ||= await hashPassword(PASSWORD);
  const u = await createUser(t, { roles, passwordHash: hash });
  if (secret) await t.db.update(users).set({ totpSecret: secret, totpEnabledAt: t.clock.now() }).where(eq(users.id, u.id));
  return u;
}

const cookieOf = (c: TestClient) => c.cookies.get(cookieName(t.config.cookieSecure));
const loc = (r: Response) => r.headers.get('location') ?? '';

test('a broker with a second factor signs in with password then code; until then the session reaches nothing', async () => {
  const secret = newSecret();
  const u = await privileged(['broker'], secret);
  const c = t.client();
  const r1 = await c.post('/en/sign-in', { email: u.email, password: PASSWORD, next: '/broker' });
  assert.equal(r1.status, 303);
  assert.equal(loc(r1), '/en/sign-in/code?next=%2Fen%2Fbroker');
  const pendingCookie = cookieOf(c);
  assert.ok(pendingCookie);
  // The pending session is nobody: the broker's pages and the account send to sign in.
  assert.equal((await c.get('/en/broker')).status === 200, false, 'broker dashboard not reachable with the password alone');
  assert.equal((await c.get('/en/account')).status, 303);
  const page = await c.get('/en/sign-in/code?next=%2Fen%2Fbroker');
  assert.equal(page.status, 200);
  assert.match(page.body_, /autocomplete="one-time-code"/);

  const wrong = await c.post('/en/sign-in/code', { code: '000000' === codeAt(secret, t.clock.now()) ? '111111' : '000000', next: '/broker' });
  assert.equal(wrong.status, 400);
  assert.match(wrong.body_, /not right, or it has already been used/);

  const ok = await c.post('/en/sign-in/code', { code: codeAt(secret, t.clock.now()), next: '/broker' });
  assert.equal(ok.status, 303);
  assert.equal(loc(ok), '/en/broker');
  assert.notEqual(cookieOf(c), pendingCookie, 'the session id is replaced when the sign-in completes');
  assert.equal((await c.get('/en/broker')).status, 200);
  // The pending session is gone.
  const stale = t.client();
  stale.cookies.set(cookieName(t.config.cookieSecure), pendingCookie!);
  assert.equal((await stale.get('/en/account')).status, 303);
  const audits = await t.db.select().from(auditLog).where(eq(auditLog.actorId, u.id));
  assert.ok(audits.some((a) => a.action === 'auth.second_factor' && a.outcome === 'ok'));
  assert.ok(audits.some((a) => a.action === 'auth.second_factor' && a.outcome === 'failed'));
});

test('each code works once: the same code again, even within its 30 seconds, is refused; the next one works', async () => {
  const secret = newSecret();
  const u = await privileged(['committee'], secret);
  const code = codeAt(secret, t.clock.now());
  const a = t.client();
  await a.post('/en/sign-in', { email: u.email, password: PASSWORD });
  assert.equal((await a.post('/en/sign-in/code', { code })).status, 303);
  const b = t.client();
  await b.post('/en/sign-in', { email: u.email, password: PASSWORD });
  const again = await b.post('/en/sign-in/code', { code });
  assert.equal(again.status, 400, 'a used code never works again');
  // An older code (the step before) is refused too once a later one was used.
  t.clock.advance(-PERIOD_S * 1000);
  assert.equal((await b.post('/en/sign-in/code', { code: codeAt(secret, t.clock.now()) })).status, 400);
  t.clock.advance(PERIOD_S * 1000);
  step();
  assert.equal((await b.post('/en/sign-in/code', { code: codeAt(secret, t.clock.now()) })).status, 303);
  // Two sign-ins racing with one code: exactly one gets through.
  step();
  const x = t.client();
  const y = t.client();
  await x.post('/en/sign-in', { email: u.email, password: PASSWORD });
  await y.post('/en/sign-in', { email: u.email, password: PASSWORD });
  const c2 = codeAt(secret, t.clock.now());
  const results = await Promise.all([x.post('/en/sign-in/code', { code: c2 }), y.post('/en/sign-in/code', { code: c2 })]);
  assert.deepEqual(results.map((r) => r.status).sort(), [303, 400]);
});

test('five wrong codes lock the account for 15 minutes, like wrong passwords', async () => {
  const secret = newSecret();
  const u = await privileged(['admin'], secret);
  const c = t.client();
  await c.post('/en/sign-in', { email: u.email, password: PASSWORD });
  const bad = codeAt(secret, t.clock.now()) === '123456' ? '654321' : '123456';
  for (let i = 0; i < 5; i++) assert.equal((await c.post('/en/sign-in/code', { code: bad })).status, 400);
  const locked = await c.post('/en/sign-in/code', { code: codeAt(secret, t.clock.now()) });
  assert.equal(locked.status, 429, 'even the right code is refused while locked');
  assert.ok(locked.headers.get('retry-after'));
  t.clock.advance(16 * 60_000);
  const again = t.client();
  await again.post('/en/sign-in', { email: u.email, password: PASSWORD });
  assert.equal((await again.post('/en/sign-in/code', { code: codeAt(secret, t.clock.now()) })).status, 303);
});

test('a privileged role without a second factor must set it up at sign-in; recovery codes are shown once, stored hashed, and each works once', async () => {
  const u = await privileged(['broker']);
  const c = t.client();
  const r1 = await c.post('/en/sign-in', { email: u.email, password: PASSWORD });
  assert.equal(loc(r1), '/en/sign-in/setup?next=%2Fen%2Fme%2Fwaiting');
  assert.notEqual((await c.get('/en/broker')).status, 200);
  const page = await c.get('/en/sign-in/setup?next=%2Fen%2Fme%2Fwaiting');
  assert.equal(page.status, 200);
  const secret = /name="secret" value="([A-Z2-7]{32})"/.exec(page.body_)?.[1];
  assert.ok(secret, 'the page carries the new secret');
  assert.match(page.body_, /otpauth:\/\/totp\//);
  // GET wrote nothing.
  const [before] = await t.db.select().from(users).where(eq(users.id, u.id));
  assert.equal(before!.totpSecret, null);

  const wrong = await c.post('/en/sign-in/setup', { secret, code: '12345', next: '/account' });
  assert.equal(wrong.status, 400);
  const done = await c.post('/en/sign-in/setup', { secret, code: codeAt(secret, t.clock.now()), next: '/account' });
  assert.equal(done.status, 200);
  const codes = [...done.body_.matchAll(/<li><code>([a-z0-9]{5}-[a-z0-9]{5})<\/code><\/li>/g)].map((m) => m[1]!);
  assert.equal(codes.length, 10);
  assert.equal((await c.get('/en/broker')).status, 200, 'signed in once set up');

  const [row] = await t.db.select().from(users).where(eq(users.id, u.id));
  assert.ok(row!.totpEnabledAt);
  assert.equal(row!.recoveryCodes.length, 10);
  for (const code of codes) assert.ok(!JSON.stringify(row).includes(code.replace('-', '')) && !JSON.stringify(row).includes(code), 'no recovery code in clear');

  // A recovery code signs in once.
  step();
  const d = t.client();
  await d.post('/en/sign-in', { email: u.email, password: PASSWORD });
  assert.equal((await d.post('/en/sign-in/code', { code: codes[0]!.toUpperCase() })).status, 303, 'recovery codes are read case-insensitively');
  const e = t.client();
  await e.post('/en/sign-in', { email: u.email, password: PASSWORD });
  assert.equal((await e.post('/en/sign-in/code', { code: codes[0]! })).status, 400, 'a recovery code works once');
  const [after1] = await t.db.select().from(users).where(eq(users.id, u.id));
  assert.equal(after1!.recoveryCodes.length, 9);
});

test('a member without a second factor signs in with the password only; a member may turn it on (asking the current password) and off', async () => {
  hash ||= await hashPassword(PASSWORD);
  const u = await createUser(t, { passwordHash: hash });
  const c = t.client();
  const r = await c.post('/en/sign-in', { email: u.email, password: PASSWORD });
  assert.equal(loc(r), '/en/me/waiting');
  const page = await c.get('/en/account/two-factor');
  const secret = /name="secret" value="([A-Z2-7]{32})"/.exec(page.body_)![1]!;
  const noPw = await c.post('/en/account/two-factor', { secret, code: codeAt(secret, t.clock.now()), current: 'not my password' });
  assert.equal(noPw.status, 400);
  assert.match(noPw.body_, /current password is not right/);
  const on = await c.post('/en/account/two-factor', { secret, code: codeAt(secret, t.clock.now()), current: PASSWORD });
  assert.equal(on.status, 200);
  assert.match(on.body_, /recovery codes/);
  assert.match((await c.get('/en/account/two-factor')).body_, /You have 10 recovery codes left/);
  // From now on a sign-in asks for the code.
  step();
  const other = t.client();
  assert.equal(loc(await other.post('/en/sign-in', { email: u.email, password: PASSWORD })), '/en/sign-in/code?next=%2Fen%2Fme%2Fwaiting');
  // Turning it off asks for the password, and ends the other sessions.
  assert.equal((await c.post('/en/account/two-factor/off', { offCurrent: 'wrong' })).status, 400);
  assert.equal((await c.post('/en/account/two-factor/off', { offCurrent: PASSWORD })).status, 303);
  const [row] = await t.db.select().from(users).where(eq(users.id, u.id));
  assert.equal(row!.totpSecret, null);
  assert.equal(row!.totpEnabledAt, null);
  assert.equal(loc(await t.client().post('/en/sign-in', { email: u.email, password: PASSWORD })), '/en/me/waiting');
});

test('a broker cannot turn the second factor off; new recovery codes replace the old ones and ask the password', async () => {
  const secret = newSecret();
  const u = await privileged(['broker'], secret);
  await t.db.update(users).set({ recoveryCodes: ['x'] }).where(eq(users.id, u.id));
  const c = await signedInClient(t, u);
  const page = await c.get('/en/account/two-factor');
  assert.match(page.body_, /Your role requires two-step sign-in/);
  assert.doesNotMatch(page.body_, /two-factor\/off/);
  const off = await c.post('/en/account/two-factor/off', { offCurrent: PASSWORD });
  assert.equal(off.status, 400);
  const [still] = await t.db.select().from(users).where(eq(users.id, u.id));
  assert.equal(still!.totpSecret, secret);
  assert.equal((await c.post('/en/account/two-factor/recovery-codes', { renewCurrent: 'wrong' })).status, 400);
  const renewed = await c.post('/en/account/two-factor/recovery-codes', { renewCurrent: PASSWORD });
  assert.equal(renewed.status, 200);
  const [row] = await t.db.select().from(users).where(eq(users.id, u.id));
  assert.equal(row!.recoveryCodes.length, 10);
  assert.ok(!row!.recoveryCodes.includes('x'));
});

test('granting a privileged role ends the person’s sessions; the next sign-in asks to set up the second factor', async () => {
  hash ||= await hashPassword(PASSWORD);
  const member = await createUser(t, { passwordHash: hash });
  const mc = t.client();
  await mc.post('/en/sign-in', { email: member.email, password: PASSWORD });
  assert.equal((await mc.get('/en/account')).status, 200);
  const admin = await privileged(['admin'], newSecret());
  const ac = await signedInClient(t, admin);
  const res = await ac.post(`/en/admin/users/${member.id}/roles`, { roles: 'committee' });
  assert.ok(res.status === 303 || res.status === 200, `role change answered ${res.status}`);
  const [row] = await t.db.select().from(users).where(eq(users.id, member.id));
  assert.deepEqual(row!.roles, ['committee']);
  assert.equal((await mc.get('/en/account')).status, 303, 'signed out by the role change');
  const again = t.client();
  assert.equal(loc(await again.post('/en/sign-in', { email: member.email, password: PASSWORD })), '/en/sign-in/setup?next=%2Fen%2Fme%2Fwaiting');
  assert.equal((await t.db.select().from(sessions).where(eq(sessions.userId, member.id))).every((s) => s.isPending2fa), true);
});

test('the demo’s broker, committee and admin accounts carry the published demo second factor; others none', async () => {
  const now = t.clock.now();
  const { id: b } = await createAccount(t.db, { email: 'demo-broker@example.org', name: 'B', roles: ['broker'], now, isDemo: true, verified: true });
  const { id: m } = await createAccount(t.db, { email: 'demo-member@example.org', name: 'M', roles: [], now, isDemo: true, verified: true });
  const { id: r } = await createAccount(t.db, { email: 'real-broker@example.org', name: 'R', roles: ['broker'], now, verified: true });
  const [rb, rm, rr] = await Promise.all([b, m, r].map(async (id) => (await t.db.select().from(users).where(eq(users.id, id)))[0]!));
  assert.equal(rb!.totpSecret, DEMO_TOTP_SECRET);
  assert.ok(rb!.totpEnabledAt);
  assert.equal(rm!.totpSecret, null);
  assert.equal(rr!.totpSecret, null, 'only demo accounts get the published secret');
});
