/** One sign-in rule for every /api/v1 route (apiAuth): a token, or the session; a bad Authorization header is 401. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { asRole } from '../../../test/support/users.ts';
import { createApiToken } from '../../modules/accounts/accounts.tokens.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
});
after(() => t.close());

// Routes of four modules' API routers: the directory, requests, exchanges (token or session required), matching.
const PATHS = ['/api/v1/organisations', '/api/v1/requests', '/api/v1/exchanges', '/api/v1/opportunities'];

test('every API router takes a personal access token, refuses a wrong one or another scheme with 401 and WWW-Authenticate', async () => {
  const { user, client } = await asRole(t, []);
  const token = (await createApiToken({ db: t.db, actor: { id: user.id, name: user.name, email: user.email, locale: 'en', roles: [], coordinatorRegions: [], hasTotp: false }, locale: 'en', now: t.clock.now(), ip: '127.0.0.1' }, 'script')).token;
  for (const p of PATHS) {
    const ok = await t.client().get(p, { Authorization: `Bearer ${token}` });
    assert.ok(ok.status === 200, `${p} with a token: ${ok.status}`);
    for (const bad of [`Bearer ${token}x`, 'Basic dXNlcjpwYXNz', 'Bearer']) {
      const r = await client.get(p, { Authorization: bad });
      assert.equal(r.status, 401, `${p} with "${bad.slice(0, 12)}…" even with a session`);
      assert.equal(r.headers.get('www-authenticate'), 'Bearer', p);
    }
    assert.equal((await client.get(p)).status, 200, `${p} with the session`);
  }
  assert.equal((await t.client().get('/api/v1/exchanges')).status, 401, 'exchanges need someone');
});
