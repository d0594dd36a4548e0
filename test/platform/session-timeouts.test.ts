/**
 * SECURITY.md 3, at the limits, on the injected clock: a session idle for more than IDLE_MS or older
 * than ABSOLUTE_MS is refused on the pages (sign-in page) and on the API (401), and its row is gone,
 * so the cookie cannot come back. (accounts.test.ts walks the same rules in steps of 29 minutes.)
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createUser, signedInClient } from '../support/users.ts';
import { ABSOLUTE_MS, IDLE_MS, sha256, cookieName } from '../../src/platform/session.ts';
import { sessions } from '../../src/db/schema/accounts.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
});
after(() => t.close());

const rowOf = async (token: string) => (await t.db.select().from(sessions).where(eq(sessions.idHash, sha256(token)))).length;

test('the limits are the ones SECURITY.md states', () => {
  assert.equal(IDLE_MS, 30 * 60_000);
  assert.equal(ABSOLUTE_MS, 12 * 3600_000);
});

test('idle: at the limit still in; one second past it refused on pages and API, and the row is deleted', async () => {
  const u = await createUser(t);
  const c = await signedInClient(t, u);
  const token = c.cookies.get(cookieName(t.config.cookieSecure))!;
  t.clock.advance(IDLE_MS);
  assert.equal((await c.get('/en/account')).status, 200, 'exactly at the idle limit');
  t.clock.advance(IDLE_MS + 1000);
  const page = await c.get('/en/account');
  assert.equal(page.status, 303);
  assert.match(page.headers.get('location') ?? '', /^\/en\/sign-in\?next=/);
  assert.equal(await rowOf(token), 0, 'the expired session is removed');
  const api = t.client();
  api.cookies.set(cookieName(t.config.cookieSecure), token);
  assert.equal((await api.get('/api/v1/requests')).status, 401);
});

test('absolute: a session kept busy is still refused once older than 12 hours', async () => {
  const u = await createUser(t);
  const c = await signedInClient(t, u);
  const token = c.cookies.get(cookieName(t.config.cookieSecure))!;
  const step = IDLE_MS - 60_000;
  let elapsed = 0;
  while (elapsed + step <= ABSOLUTE_MS) {
    t.clock.advance(step);
    elapsed += step;
    assert.equal((await c.get('/api/v1/requests')).status, 200, `busy at ${elapsed / 60_000} minutes`);
  }
  t.clock.advance(ABSOLUTE_MS - elapsed + 1000);
  assert.equal((await c.get('/api/v1/requests')).status, 401, 'older than 12 hours');
  assert.equal((await c.get('/en/account')).status, 303);
  assert.equal(await rowOf(token), 0);
});
