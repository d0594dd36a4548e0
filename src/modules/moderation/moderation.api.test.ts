/** Reports and the moderators' decisions through the API: the services and refusals of the pages; invalid input 400 per field. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.ts';
import { asRole } from '../../../test/support/users.ts';
import { organisations, memberships } from '../../db/schema/organisations.ts';
import { users } from '../../db/schema/accounts.ts';
import { eq } from 'drizzle-orm';

let t: TestApp;
let orgId = '';
let owner: TestClient;
before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  const now = t.clock.now();
  orgId = randomUUID();
  await t.db.insert(organisations).values({ id: orgId, name: 'Spam Town', kind: 'municipality', country: 'BE', region: 'europe', createdAt: now, updatedAt: now });
  const o = await asRole(t, []);
  await t.db.insert(memberships).values({ id: randomUUID(), organisationId: orgId, userId: o.user.id, role: 'org_admin', status: 'active', origin: 'creation', createdAt: now });
  owner = o.client;
});
after(() => t.close());

/** A member of some standing: an account older than a week (newcomers' reports weigh less, issue 18.11). */
const established = async () => {
  const r = await asRole(t, []);
  await t.db.update(users).set({ createdAt: new Date(t.clock.now().getTime() - 30 * 86_400_000) }).where(eq(users.id, r.user.id));
  return r;
};

const call = async (c: TestClient, method: string, path: string, json?: unknown) => {
  const res = await c.request(method, path, method === 'GET' ? {} : { json: json ?? {} });
  return { status: res.status, body: JSON.parse(res.body_ || 'null') };
};

test('three members’ reports hide an organisation; its owner cannot report it; a moderator puts it back', async () => {
  const report = { objectType: 'organisation', objectId: orgId, reason: 'spam' };
  assert.equal((await call(t.client(), 'POST', '/api/v1/reports', report)).status, 401);
  const [a, b, c] = [await established(), await established(), await established()];
  const bad = await call(a.client, 'POST', '/api/v1/reports', { ...report, reason: 'boring', objectType: 'planet' });
  assert.equal(bad.status, 400);
  assert.deepEqual(Object.keys(bad.body.error.fields).sort(), ['objectType', 'reason']);
  assert.equal((await call(a.client, 'POST', '/api/v1/reports', { ...report, objectId: randomUUID() })).status, 404);
  assert.equal((await call(owner, 'POST', '/api/v1/reports', report)).body.error.code, 'own_content');
  assert.deepEqual((await call(a.client, 'POST', '/api/v1/reports', report)).body, { ok: true, hidden: false });
  assert.equal((await call(a.client, 'POST', '/api/v1/reports', report)).body.error.code, 'already_reported');
  await call(b.client, 'POST', '/api/v1/reports', report);
  assert.deepEqual((await call(c.client, 'POST', '/api/v1/reports', { ...report, reason: 'misleading', note: 'not a town' })).body, { ok: true, hidden: true });
  assert.equal((await call(a.client, 'GET', `/api/v1/organisations/${orgId}`)).status, 404);

  assert.equal((await call(a.client, 'GET', '/api/v1/moderation/queue')).status, 404);
  const moderator = (await asRole(t, ['admin'])).client;
  const queue = await call(moderator, 'GET', '/api/v1/moderation/queue');
  assert.ok(queue.body.some((i: { objectId: string }) => i.objectId === orgId));
  assert.equal((await call(a.client, 'POST', '/api/v1/moderation/decisions', { objectType: 'organisation', objectId: orgId, decision: 'restore' })).status, 404);
  assert.deepEqual((await call(moderator, 'POST', '/api/v1/moderation/decisions', { objectType: 'organisation', objectId: orgId, decision: 'restore' })).body, { ok: true });
  assert.equal((await call(moderator, 'POST', '/api/v1/moderation/decisions', { objectType: 'organisation', objectId: orgId, decision: 'restore' })).body.error.code, 'not_hidden');
  assert.equal((await call(a.client, 'GET', `/api/v1/organisations/${orgId}`)).status, 200);
});
