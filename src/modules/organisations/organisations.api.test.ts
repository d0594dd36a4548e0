/** Memberships through the API: ask to join, claim an organisation without an admin, verification by the secretariat — the services and refusals of the pages. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.ts';
import { asRole } from '../../../test/support/users.ts';
import { organisations, memberships } from '../../db/schema/organisations.ts';

let t: TestApp;
let orgId = '';
before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  const now = t.clock.now();
  orgId = randomUUID();
  await t.db.insert(organisations).values({ id: orgId, name: 'Commune de Testville', kind: 'municipality', country: 'BJ', region: 'ssa', createdAt: now, updatedAt: now });
});
after(() => t.close());

const call = async (c: TestClient, method: string, path: string, json: unknown = {}) => {
  const res = await c.request(method, path, method === 'GET' ? {} : { json });
  return { status: res.status, body: JSON.parse(res.body_ || 'null') };
};

test('a member asks to join in a role (once), claims an organisation without an admin (once); visitors 401; a missing organisation 404', async () => {
  const { user, client } = await asRole(t, []);
  assert.equal((await call(t.client(), 'POST', `/api/v1/organisations/${orgId}/memberships`, { role: 'expert' })).status, 401);
  assert.equal((await call(client, 'POST', `/api/v1/organisations/${randomUUID()}/memberships`, { role: 'expert' })).status, 404);
  const bad = await call(client, 'POST', `/api/v1/organisations/${orgId}/memberships`, { role: 'mayor' });
  assert.equal(bad.status, 400);
  assert.ok(bad.body.error.fields.role);
  assert.deepEqual((await call(client, 'POST', `/api/v1/organisations/${orgId}/memberships`, { role: 'expert', message: 'I run the waste service' })).body, { ok: true });
  assert.equal((await call(client, 'POST', `/api/v1/organisations/${orgId}/memberships`, { role: 'expert' })).body.error.code, 'already_requested');
  const pending = await t.db.select().from(memberships).where(and(eq(memberships.organisationId, orgId), eq(memberships.userId, user.id)));
  assert.deepEqual(pending.map((m) => [m.role, m.status]), [['expert', 'pending']]);

  const claimer = await asRole(t, []);
  assert.equal((await call(claimer.client, 'POST', `/api/v1/organisations/${orgId}/claim`, { message: 'I am the town clerk' })).status, 201);
  assert.equal((await call(claimer.client, 'POST', `/api/v1/organisations/${orgId}/claim`)).status, 409);
});

test('only the secretariat verifies an organisation', async () => {
  const member = await asRole(t, []);
  assert.equal((await call(member.client, 'PUT', `/api/v1/organisations/${orgId}/verification`, { verified: true })).status, 403);
  const admin = await asRole(t, ['admin']);
  assert.equal((await call(admin.client, 'PUT', `/api/v1/organisations/${orgId}/verification`, { verified: 'yes' })).status, 400);
  assert.deepEqual((await call(admin.client, 'PUT', `/api/v1/organisations/${orgId}/verification`, { verified: true })).body, { ok: true });
  assert.equal((await call(t.client(), 'GET', `/api/v1/organisations/${orgId}`)).body.isVerified, true);
  await call(admin.client, 'PUT', `/api/v1/organisations/${orgId}/verification`, { verified: false });
  assert.equal((await call(t.client(), 'GET', `/api/v1/organisations/${orgId}`)).body.isVerified, false);
});
