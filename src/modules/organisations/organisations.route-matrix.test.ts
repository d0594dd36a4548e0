/**
 * Route × role matrix for the organisation, people and API routes: every pair has an expected
 * status, and methods or paths not listed answer 404 for everyone (SECURITY.md 10).
 * "org admin" and "expert" are the organisation admin and an expert of the organisation acted on.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.ts';
import { asRole, createUser, type TestUser } from '../../../test/support/users.ts';
import { oneTimeTokens } from '../../db/schema/accounts.ts';
import { newToken, sha256 } from '../../platform/session.ts';
import { createOrganisation, addMembership, createPerson } from '../../../test/support/organisations.ts';

const ROLES = ['visitor', 'member', 'org_admin', 'expert', 'coordinator', 'broker', 'committee', 'admin'] as const;
type Role = (typeof ROLES)[number];

let t: TestApp;
const clients = {} as Record<Role, TestClient>;
const users = {} as Record<Role, TestUser | null>;
let third: TestUser;

before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  third = await createUser(t);
  for (const role of ROLES) {
    if (role === 'visitor') {
      clients[role] = t.client();
      users[role] = null;
      continue;
    }
    const platformRoles = role === 'coordinator' || role === 'broker' || role === 'committee' || role === 'admin' ? [role] : [];
    const r = await asRole(t, platformRoles, role === 'coordinator' ? { coordinatorRegions: ['ssa'] } : {});
    clients[role] = r.client;
    users[role] = r.user;
  }
});
after(() => t.close());

/** An organisation where org_admin is the admin and expert an expert. */
async function org(): Promise<string> {
  const id = await createOrganisation(t, { country: 'GH' });
  await addMembership(t, id, users.org_admin!.id, 'org_admin');
  await addMembership(t, id, users.expert!.id, 'expert');
  return id;
}

type Row = {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Builds a fresh target for each role (so one role's change does not affect the next). */
  target: () => Promise<{ path: string; form?: Record<string, string | string[]>; json?: unknown }>;
  expect: Record<Role, number> | number;
};

const all = (n: number) => n;
const signedIn = (visitor: number, others: number): Record<Role, number> => ({ visitor, member: others, org_admin: others, expert: others, coordinator: others, broker: others, committee: others, admin: others });
const manage = (visitor: number, ok: number, denied = 403): Record<Role, number> => ({ visitor, member: denied, org_admin: ok, expert: denied, coordinator: denied, broker: ok, committee: denied, admin: ok });
const staffOnly = (visitor: number, ok: number): Record<Role, number> => ({ visitor, member: 403, org_admin: 403, expert: 403, coordinator: 403, broker: ok, committee: 403, admin: ok });

const orgForm = { name: 'Matrix town', kind: 'municipality', country: 'GH' };

const rows: Row[] = [
  { name: 'directory', method: 'GET', target: async () => ({ path: '/organisations' }), expect: all(200) },
  { name: 'directory with an unknown key', method: 'GET', target: async () => ({ path: '/organisations?bogus=1' }), expect: all(400) },
  { name: 'new organisation form', method: 'GET', target: async () => ({ path: '/organisations/new' }), expect: signedIn(303, 200) },
  { name: 'create organisation', method: 'POST', target: async () => ({ path: '/organisations', form: orgForm }), expect: signedIn(401, 303) },
  { name: 'organisation profile', method: 'GET', target: async () => ({ path: `/organisations/${await org()}` }), expect: all(200) },
  { name: 'edit form', method: 'GET', target: async () => ({ path: `/organisations/${await org()}/edit` }), expect: manage(303, 200) },
  { name: 'edit', method: 'POST', target: async () => ({ path: `/organisations/${await org()}/edit`, form: orgForm }), expect: manage(401, 303) },
  { name: 'verify', method: 'POST', target: async () => ({ path: `/organisations/${await org()}/verify` }), expect: staffOnly(401, 303) },
  { name: 'claim (no admin yet)', method: 'POST', target: async () => ({ path: `/organisations/${await createOrganisation(t, { country: 'GH' })}/claim` }), expect: signedIn(401, 303) },
  { name: 'join', method: 'POST', target: async () => ({ path: `/organisations/${await org()}/join`, form: { role: 'requester' } }), expect: signedIn(401, 303) },
  { name: 'invite', method: 'POST', target: async () => ({ path: `/organisations/${await org()}/invitations`, form: { email: 'invitee@example.org', role: 'expert' } }), expect: manage(401, 303) },
  {
    name: 'decide a join request',
    method: 'POST',
    target: async () => ({ path: `/memberships/${await addMembership(t, await org(), third.id, 'requester', 'pending')}/decision`, form: { decision: 'approve' } }),
    expect: manage(401, 303),
  },
  {
    name: 'decide a claim',
    method: 'POST',
    target: async () => ({ path: `/memberships/${await addMembership(t, await createOrganisation(t, { country: 'GH' }), third.id, 'org_admin', 'pending', 'claim')}/decision`, form: { decision: 'approve' } }),
    expect: staffOnly(401, 303),
  },
  { name: 'change a role', method: 'POST', target: async () => ({ path: `/memberships/${await addMembership(t, await org(), third.id, 'requester')}/role`, form: { role: 'approver' } }), expect: manage(401, 303) },
  { name: 'invitation page', method: 'GET', target: async () => ({ path: `/invitations/${await invitation()}` }), expect: all(200) },
  { name: 'accept invitation', method: 'POST', target: async () => ({ path: `/invitations/${await invitation()}` }), expect: signedIn(303, 303) },
  { name: 'people directory', method: 'GET', target: async () => ({ path: '/people' }), expect: signedIn(303, 200) },
  { name: 'own profile form', method: 'GET', target: async () => ({ path: '/people/me' }), expect: signedIn(303, 200) },
  { name: 'save own profile', method: 'POST', target: async () => ({ path: '/people/me', form: { name: 'Matrix person' } }), expect: signedIn(303, 303) },
  { name: 'members-only profile', method: 'GET', target: async () => ({ path: `/people/${await createPerson(t, { visibility: 'members' })}` }), expect: signedIn(404, 200) },
  { name: 'public profile', method: 'GET', target: async () => ({ path: `/people/${await createPerson(t, { visibility: 'public' })}` }), expect: all(200) },
  { name: 'API search organisations', method: 'GET', target: async () => ({ path: '/api/v1/organisations' }), expect: all(200) },
  { name: 'API create organisation', method: 'POST', target: async () => ({ path: '/api/v1/organisations', json: orgForm }), expect: signedIn(401, 201) },
  { name: 'API get organisation', method: 'GET', target: async () => ({ path: `/api/v1/organisations/${await org()}` }), expect: all(200) },
  { name: 'API update organisation', method: 'PATCH', target: async () => ({ path: `/api/v1/organisations/${await org()}`, json: { population: 5000 } }), expect: manage(401, 200) },
  { name: 'API search people', method: 'GET', target: async () => ({ path: '/api/v1/people' }), expect: signedIn(401, 200) },
  { name: 'API members-only profile', method: 'GET', target: async () => ({ path: `/api/v1/people/${await createPerson(t, { visibility: 'members' })}` }), expect: signedIn(404, 200) },
  { name: 'API update own profile', method: 'PATCH', target: async () => ({ path: '/api/v1/people/me', json: { position: 'Tester' } }), expect: signedIn(401, 200) },
  { name: 'API own profile', method: 'GET', target: async () => ({ path: '/api/v1/people/me' }), expect: signedIn(401, 200) },
  { name: 'OpenAPI document', method: 'GET', target: async () => ({ path: '/api/v1/openapi.json' }), expect: all(200) },
  // Not listed: nothing answers.
  { name: 'DELETE organisation (not a route)', method: 'DELETE', target: async () => ({ path: `/organisations/${await org()}` }), expect: all(404) },
  { name: 'GET verify (no GET writes)', method: 'GET', target: async () => ({ path: `/organisations/${await org()}/verify` }), expect: all(404) },
  { name: 'GET decision (no GET writes)', method: 'GET', target: async () => ({ path: `/memberships/${await addMembership(t, await org(), third.id, 'expert', 'pending')}/decision` }), expect: all(404) },
  { name: 'API DELETE organisation', method: 'DELETE', target: async () => ({ path: `/api/v1/organisations/${await org()}` }), expect: all(404) },
  { name: 'API PUT organisation', method: 'PUT', target: async () => ({ path: `/api/v1/organisations/${await org()}`, json: orgForm }), expect: all(404) },
  { name: 'API memberships (not exposed)', method: 'GET', target: async () => ({ path: '/api/v1/memberships' }), expect: all(404) },
];

async function invitation(): Promise<string> {
  const token = newToken();
  await t.db.insert(oneTimeTokens).values({
    tokenHash: sha256(token),
    kind: 'invitation',
    data: { organisationId: await org(), role: 'expert', email: 'x@example.org', invitedBy: users.org_admin!.id },
    createdAt: t.clock.now(),
    expiresAt: new Date(t.clock.now().getTime() + 86_400_000),
  });
  return token;
}

for (const row of rows) {
  test(`${row.method} ${row.name}: expected status for every role`, async () => {
    const failures: string[] = [];
    for (const role of ROLES) {
      const expected = typeof row.expect === 'number' ? row.expect : row.expect[role];
      const { path, form, json } = await row.target();
      const res = await clients[role].request(row.method, path, { form, json });
      if (res.status !== expected) failures.push(`${role}: expected ${expected}, got ${res.status}`);
    }
    assert.deepEqual(failures, []);
  });
}
