/** A programme set up through the API by its managers: settings, a round, criteria, the committee; others get 404, invalid input 400 per field. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.ts';
import { asRole } from '../../../test/support/users.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
});
after(() => t.close());

const call = async (c: TestClient, method: string, path: string, json?: unknown) => {
  const res = await c.request(method, path, method === 'GET' ? {} : { json: json ?? {} });
  return { status: res.status, body: JSON.parse(res.body_ || 'null') };
};

test('the secretariat creates a programme, adds a round, a criterion and a committee member; members get 404', async () => {
  const programme = { name: 'Peer Exchange 2027', slug: 'peer-exchange-2027', themes: ['waste_management'], formats: ['expert_assignment'], languages: ['fr', 'en'], eligibleRegions: ['ssa'] };
  const member = await asRole(t, []);
  assert.equal((await call(t.client(), 'POST', '/api/v1/programmes', programme)).status, 401);
  assert.equal((await call(member.client, 'POST', '/api/v1/programmes', programme)).status, 404);
  const admin = (await asRole(t, ['admin'])).client;
  const bad = await call(admin, 'POST', '/api/v1/programmes', { ...programme, slug: 'Not a slug!', name: '' });
  assert.equal(bad.status, 400);
  assert.deepEqual(Object.keys(bad.body.error.fields).sort(), ['name', 'slug']);
  const created = await call(admin, 'POST', '/api/v1/programmes', programme);
  assert.equal(created.status, 201);
  const id = created.body.id as string;
  assert.equal((await call(admin, 'POST', '/api/v1/programmes', programme)).body.error.fields.slug !== undefined, true, 'a slug is taken once');

  const round = { name: 'Round 1', opensAt: '2026-12-01', closesAt: '2027-01-31', reviewOpensAt: '2027-02-01', reviewClosesAt: '2027-02-28' };
  assert.equal((await call(member.client, 'POST', `/api/v1/programmes/${id}/rounds`, round)).status, 404);
  assert.equal((await call(admin, 'POST', `/api/v1/programmes/${id}/rounds`, { ...round, opensAt: 'soon' })).status, 400);
  assert.equal((await call(admin, 'POST', `/api/v1/programmes/${id}/rounds`, round)).status, 201);
  assert.equal((await call(admin, 'POST', `/api/v1/programmes/${id}/criteria`, { label: 'Relevance', weight: 3 })).status, 201);
  assert.equal((await call(admin, 'POST', `/api/v1/programmes/${id}/criteria`, { label: 'Relevance', weight: 11 })).status, 400);
  const notCommittee = await call(admin, 'POST', `/api/v1/programmes/${id}/committee`, { email: member.user.email });
  assert.equal(notCommittee.status, 400, 'only an account with the committee role sits on a committee');
  assert.ok(notCommittee.body.error.fields.email);
  const judge = await asRole(t, ['committee']);
  assert.equal((await call(admin, 'POST', `/api/v1/programmes/${id}/committee`, { email: judge.user.email })).status, 201);
  assert.equal((await call(admin, 'PUT', `/api/v1/programmes/${id}`, { ...programme, name: 'Peer Exchange 2027–28' })).status, 200);

  const p = await call(admin, 'GET', `/api/v1/programmes/${id}`);
  assert.equal(p.body.programme.name, 'Peer Exchange 2027–28');
  assert.deepEqual([p.body.rounds.length, p.body.criteria.map((c: { label: string }) => c.label), p.body.committee.map((m: { userId: string }) => m.userId)], [1, ['Relevance'], [judge.user.id]]);
  assert.equal((await call(member.client, 'GET', `/api/v1/programmes/${id}`)).status, 404);
  assert.ok((await call(t.client(), 'GET', '/api/v1/programmes')).body.some((x: { id: string }) => x.id === id));
});
