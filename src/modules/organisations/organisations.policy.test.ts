import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canOrganisation, canPerson, type OrganisationAction, type OrgRelation } from './organisations.policy.ts';
import type { CurrentUser } from '../../platform/http.ts';
import type { PlatformRole } from '../../db/schema/accounts.ts';

const user = (roles: PlatformRole[] = [], id = 'u1'): CurrentUser => ({ id, name: 'X', email: 'x@example.org', locale: 'en', roles, coordinatorRegions: [], hasTotp: false });
const rel = (active: OrgRelation['activeRoles'] = [], hasActiveAdmin = active.includes('org_admin'), pending: OrgRelation['pendingRoles'] = []): OrgRelation => ({ activeRoles: active, pendingRoles: pending, hasActiveAdmin });

// actor label → [actor, relation to an organisation that has another active admin]
const actors: Record<string, [CurrentUser | null, OrgRelation]> = {
  visitor: [null, rel([], true)],
  member: [user(), rel([], true)],
  requester: [user(), rel(['requester'], true)],
  expert: [user(), rel(['expert'], true)],
  approver: [user(), rel(['approver'], true)],
  org_admin: [user(), rel(['org_admin'])],
  broker: [user(['broker']), rel([], true)],
  committee: [user(['committee']), rel([], true)],
  coordinator: [user(['coordinator']), rel([], true)],
  admin: [user(['admin']), rel([], true)],
};

const Y = true;
const N = false;
//                                   visitor member requester expert approver org_admin broker committee coordinator admin
const table: Record<OrganisationAction, boolean[]> = {
  'organisation.view': /*          */ [Y, Y, Y, Y, Y, Y, Y, Y, Y, Y],
  'organisation.create': /*        */ [N, Y, Y, Y, Y, Y, Y, Y, Y, Y],
  'organisation.viewContact': /*   */ [N, Y, Y, Y, Y, Y, Y, Y, Y, Y],
  'organisation.viewMembers': /*   */ [N, Y, Y, Y, Y, Y, Y, Y, Y, Y],
  'organisation.edit': /*          */ [N, N, N, N, N, Y, Y, N, N, Y],
  'organisation.verify': /*        */ [N, N, N, N, N, N, Y, N, N, Y],
  'organisation.decideClaim': /*   */ [N, N, N, N, N, N, Y, N, N, Y],
  'organisation.claim': /*         */ [N, N, N, N, N, N, N, N, N, N],
  'membership.request': /*         */ [N, Y, Y, Y, Y, Y, Y, Y, Y, Y],
  'membership.decide': /*          */ [N, N, N, N, N, Y, Y, N, N, Y],
  'membership.invite': /*          */ [N, N, N, N, N, Y, Y, N, N, Y],
  'membership.changeRole': /*      */ [N, N, N, N, N, Y, Y, N, N, Y],
};

test('organisation actions by role follow the table', () => {
  const names = Object.keys(actors);
  for (const [action, expected] of Object.entries(table)) {
    names.forEach((name, i) => {
      const [actor, r] = actors[name]!;
      assert.equal(canOrganisation(actor, action as OrganisationAction, r), expected[i], `${name} ${action}`);
    });
  }
});

test('an organisation with no active admin can be claimed by any member, once', () => {
  assert.equal(canOrganisation(user(), 'organisation.claim', rel([], false)), true);
  assert.equal(canOrganisation(user(['broker']), 'organisation.claim', rel([], false)), true);
  assert.equal(canOrganisation(null, 'organisation.claim', rel([], false)), false);
  assert.equal(canOrganisation(user(), 'organisation.claim', rel([], false, ['org_admin'])), false, 'a pending claim is not repeated');
  assert.equal(canOrganisation(user(), 'organisation.claim', rel([], true)), false);
});

test('a pending org_admin request gives no admin rights', () => {
  assert.equal(canOrganisation(user(), 'organisation.edit', rel([], false, ['org_admin'])), false);
});

test('profiles: visibility and contact details follow the owner and the reader', () => {
  const owner = user([], 'owner');
  const other = user([], 'other');
  const broker = user(['broker'], 'b');
  const admin = user(['admin'], 'a');
  const committee = user(['committee'], 'c');
  const hidden = { userId: 'owner', visibility: 'members', showEmail: false, showPhone: false };
  const shown = { userId: 'owner', visibility: 'public', showEmail: true, showPhone: true };
  assert.equal(canPerson(null, 'person.view', hidden), false);
  assert.equal(canPerson(null, 'person.view', shown), true);
  assert.equal(canPerson(other, 'person.view', hidden), true);
  for (const a of ['person.viewEmail', 'person.viewPhone'] as const) {
    assert.equal(canPerson(other, a, hidden), false, `${a}: hidden from other members`);
    assert.equal(canPerson(committee, a, hidden), false, `${a}: committee is not staff`);
    assert.equal(canPerson(owner, a, hidden), true);
    assert.equal(canPerson(broker, a, hidden), true);
    assert.equal(canPerson(admin, a, hidden), true);
    assert.equal(canPerson(other, a, shown), true);
    assert.equal(canPerson(null, a, shown), false, `${a}: visitors never see contact details`);
  }
  assert.equal(canPerson(null, 'person.list'), false);
  assert.equal(canPerson(other, 'person.list'), true);
});
