/**
 * Route × role matrix of the partnerships pages (SECURITY.md 10, 11, 14): every pair has an expected
 * status. A partnership not yet public answers 404 to everyone but its partners' members and the
 * secretariat, exactly as a missing id; state changes check the actor's standing on that object.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.ts';
import { asRole } from '../../../test/support/users.ts';
import { createOrganisation, addMembership } from '../../../test/support/organisations.ts';
import { partnerships, partnershipMembers } from '../../db/schema/partnerships.ts';

const ROLES = ['visitor', 'member', 'orgAdmin', 'peerAdmin', 'outsider', 'broker'] as const;
type Role = (typeof ROLES)[number];
let t: TestApp;
const c = {} as Record<Role, TestClient>;
let orgA = '', orgB = '', pid = '';

before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  orgA = await createOrganisation(t, { name: 'A town', country: 'BE' });
  orgB = await createOrganisation(t, { name: 'B town', country: 'SN' });
  c.visitor = t.client();
  c.outsider = (await asRole(t, [])).client;
  c.broker = (await asRole(t, ['broker'])).client;
  pid = randomUUID();
  const now = t.clock.now();
  await t.db.insert(partnerships).values({ id: pid, title: 'A town – B town', approaches: ['twinning'], origin: 'recorded', state: 'proposed', wantsPublic: true, createdAt: now, updatedAt: now });
  await t.db.insert(partnershipMembers).values([{ partnershipId: pid, organisationId: orgA, invitedAt: now, confirmedAt: now }, { partnershipId: pid, organisationId: orgB, invitedAt: now }]);
});
after(() => t.close());

async function member(role: Role, org: string, r: 'requester' | 'org_admin') {
  const u = await asRole(t, role === 'broker' ? ['broker'] : []);
  c[role] = u.client;
  await addMembership(t, org, u.user.id, r);
}

test('partnership pages by role', async () => {
  await member('member', orgA, 'requester');
  await member('orgAdmin', orgA, 'org_admin');
  await member('peerAdmin', orgB, 'org_admin');
  const missing = randomUUID();
  // [method, path, body, expected by role]
  const rows: [string, string, Record<string, string>, Record<Role, number>][] = [
    ['GET', '/en/partnerships', {}, { visitor: 200, member: 200, orgAdmin: 200, peerAdmin: 200, outsider: 200, broker: 200 }],
    ['GET', `/en/partnerships/${pid}`, {}, { visitor: 404, member: 200, orgAdmin: 200, peerAdmin: 200, outsider: 404, broker: 200 }],
    ['GET', `/en/partnerships/${missing}`, {}, { visitor: 404, member: 404, orgAdmin: 404, peerAdmin: 404, outsider: 404, broker: 404 }],
    ['GET', '/en/partnerships/new', {}, { visitor: 303, member: 200, orgAdmin: 200, peerAdmin: 200, outsider: 200, broker: 200 }],
    ['POST', `/en/partnerships/${pid}/history`, { title: 'A visit' }, { visitor: 303, member: 303, orgAdmin: 303, peerAdmin: 303, outsider: 404, broker: 404 }],
    ['POST', `/en/partnerships/${pid}/partners`, { organisation: 'Nowhere' }, { visitor: 303, member: 404, orgAdmin: 400, peerAdmin: 400, outsider: 404, broker: 404 }],
    ['GET', `/en/organisations/${orgA}/open-to-cooperation`, {}, { visitor: 303, member: 404, orgAdmin: 200, peerAdmin: 404, outsider: 404, broker: 404 }],
    ['GET', `/en/organisations/${orgA}/cooperation-request`, {}, { visitor: 303, member: 200, orgAdmin: 200, peerAdmin: 200, outsider: 200, broker: 200 }],
    ['GET', '/en/cooperation-requests', {}, { visitor: 303, member: 200, orgAdmin: 200, peerAdmin: 200, outsider: 200, broker: 200 }],
    ['GET', `/en/cooperation-requests/${missing}`, {}, { visitor: 303, member: 404, orgAdmin: 404, peerAdmin: 404, outsider: 404, broker: 404 }],
    ['GET', '/en/open-to-cooperation', {}, { visitor: 200, member: 200, orgAdmin: 200, peerAdmin: 200, outsider: 200, broker: 200 }],
  ];
  for (const [method, path, body, expected] of rows)
    for (const role of ROLES) {
      const res = method === 'GET' ? await c[role].get(path) : await c[role].post(path, body);
      assert.equal(res.status, expected[role], `${role} ${method} ${path}`);
    }
  // Confirming: only the peer's admin changes anything.
  for (const role of ['visitor', 'member', 'orgAdmin', 'outsider', 'broker'] as const) await c[role].post(`/en/partnerships/${pid}/confirm`, { organisationId: orgB });
  assert.equal((await c.visitor.get(`/en/partnerships/${pid}`)).status, 404, 'still not public');
  await c.peerAdmin.post(`/en/partnerships/${pid}/confirm`, { organisationId: orgB });
  assert.equal((await c.visitor.get(`/en/partnerships/${pid}`)).status, 200, 'public once confirmed');
});
