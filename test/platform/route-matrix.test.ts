/**
 * Route × role matrix for the platform and accounts routes (SECURITY.md 10): every pair has an
 * expected status; a route or method not listed answers 404 for every role.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { createUser, signedInClient } from '../support/users.ts';
import { organisations, memberships } from '../../src/db/schema/organisations.ts';
import type { PlatformRole } from '../../src/db/schema/accounts.ts';

const ROLES = ['visitor', 'member', 'orgAdmin', 'expert', 'coordinator', 'broker', 'committee', 'admin'] as const;
type Role = (typeof ROLES)[number];

let t: TestApp;
const clients = {} as Record<Role, TestClient>;
let someUserId = '';

before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  const orgId = randomUUID();
  const now = t.clock.now();
  await t.db.insert(organisations).values({ id: orgId, name: 'Almere', country: 'NL', region: 'europe', createdAt: now, updatedAt: now });
  const platform: Partial<Record<Role, PlatformRole[]>> = { coordinator: ['coordinator'], broker: ['broker'], committee: ['committee'], admin: ['admin'] };
  for (const role of ROLES) {
    if (role === 'visitor') {
      clients[role] = t.client();
      continue;
    }
    const u = await createUser(t, { roles: platform[role] ?? [] });
    if (role === 'orgAdmin' || role === 'expert') {
      await t.db.insert(memberships).values({ id: randomUUID(), organisationId: orgId, userId: u.id, role: role === 'orgAdmin' ? 'org_admin' : 'expert', status: 'active', origin: 'creation', createdAt: now });
    }
    if (role === 'member') someUserId = u.id;
    clients[role] = await signedInClient(t, u);
  }
});
after(() => t.close());

type Row = { method: 'GET' | 'POST'; path: () => string; form?: Record<string, string>; expect: Partial<Record<Role, number>> & { default: number } };

const everyone = (status: number) => ({ default: status });
const members = (status: number, visitor: number) => ({ default: status, visitor });

const MATRIX: Row[] = [
  { method: 'GET', path: () => '/', expect: everyone(200) },
  { method: 'GET', path: () => '/fr', expect: everyone(200) },
  { method: 'GET', path: () => '/healthz', expect: everyone(200) },
  { method: 'GET', path: () => '/en/register', expect: everyone(200) },
  { method: 'GET', path: () => '/en/sign-in', expect: everyone(200) },
  { method: 'GET', path: () => '/en/password/forgot', expect: everyone(200) },
  { method: 'GET', path: () => '/en/register/sent', expect: everyone(200) },
  { method: 'GET', path: () => '/en/verify-email?token=nope', expect: everyone(400) },
  { method: 'GET', path: () => '/en/password/reset?token=nope', expect: everyone(400) },
  { method: 'GET', path: () => '/en/account', expect: members(200, 303) },
  { method: 'GET', path: () => '/ar/me/waiting', expect: members(200, 303) },
  { method: 'POST', path: () => '/en/account/tokens', form: { name: '' }, expect: members(400, 303) },
  { method: 'POST', path: () => '/en/account/password', form: { current: '', password: '' }, expect: members(400, 303) },
  { method: 'GET', path: () => '/en/admin/users', expect: { default: 404, admin: 200 } },
  { method: 'POST', path: () => `/en/admin/users/${randomUUID()}/roles`, form: { roles: 'broker' }, expect: { default: 404 } },
  // Not listed: unknown pages and wrong methods are not found, for everyone.
  { method: 'GET', path: () => '/en/sign-out', expect: everyone(404) },
  { method: 'POST', path: () => '/en/account', expect: members(404, 303) },
  { method: 'GET', path: () => '/en/admin', expect: everyone(404) },
  { method: 'GET', path: () => '/en/no-such-page', expect: everyone(404) },
  { method: 'POST', path: () => '/', expect: everyone(404) },
];

test('every route answers each role as the matrix says', async () => {
  const failures: string[] = [];
  for (const row of MATRIX) {
    for (const role of ROLES) {
      const path = row.path();
      const res = row.method === 'GET' ? await clients[role].get(path) : await clients[role].post(path, row.form ?? {});
      const want = row.expect[role] ?? row.expect.default;
      if (res.status !== want) failures.push(`${row.method} ${path} as ${role}: ${res.status}, expected ${want}`);
    }
  }
  assert.deepEqual(failures, []);
});

test('an admin’s role change through the matrix route really changes roles, a member’s does not', async () => {
  const res = await clients.member.post(`/en/admin/users/${someUserId}/roles`, { roles: 'admin' });
  assert.equal(res.status, 404);
  const again = await clients.member.get('/en/account');
  assert.doesNotMatch(again.body_, /Platform administrator/);
});
