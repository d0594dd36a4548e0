/** The networks policy as pure functions: who coordinates, who participates, who must accept the guidelines again. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canNetwork, coordinates, mustAcceptAgain, NO_STANDING, participates, type NetworkStanding } from './networks.policy.ts';
import type { CurrentUser } from '../../platform/http.ts';

const actor = (roles: string[] = []): CurrentUser => ({ id: 'u', name: 'U', email: 'u@example.org', locale: 'en', roles: roles as never, coordinatorRegions: [], hasTotp: false });
const s = (x: Partial<NetworkStanding>): NetworkStanding => ({ ...NO_STANDING, ...x });

test('a visitor may do nothing; a signed-in stranger may only join', () => {
  assert.equal(canNetwork(null, 'network.join'), false);
  assert.equal(canNetwork(actor(), 'network.join', s({})), true);
  for (const a of ['network.coordinate', 'network.viewMembers', 'network.exportMembers', 'proposal.create', 'proposal.support', 'member.decide', 'network.create'] as const) assert.equal(canNetwork(actor(), a, s({})), false, a);
});

test('coordination: the network’s coordinator, an overall coordinator or an admin — a coordinator of another network is a stranger here', () => {
  assert.equal(coordinates(s({ isCoordinator: true })), true);
  assert.equal(coordinates(s({ isOverallCoordinator: true })), true);
  assert.equal(coordinates(s({ isAdmin: true })), true);
  // The platform role "coordinator" alone gives nothing: scoping is by network.
  assert.equal(canNetwork(actor(['coordinator']), 'network.coordinate', s({})), false);
  assert.equal(canNetwork(actor(['coordinator']), 'member.decide', s({ isCoordinator: true })), true);
  assert.equal(canNetwork(actor(['admin']), 'network.create'), true);
  assert.equal(canNetwork(actor(['coordinator']), 'network.nameCoordinator', s({ isCoordinator: true })), false, 'only admins name coordinators');
});

test('participation needs an active membership and the current guidelines accepted', () => {
  assert.equal(participates(s({ membership: 'active', acceptedVersion: 2, currentVersion: 2 })), true);
  assert.equal(participates(s({ membership: 'active', acceptedVersion: 1, currentVersion: 2 })), false);
  assert.equal(mustAcceptAgain(s({ membership: 'active', acceptedVersion: 1, currentVersion: 2 })), true);
  assert.equal(participates(s({ membership: 'pending', acceptedVersion: 2, currentVersion: 2 })), false);
  assert.equal(canNetwork(actor(), 'network.viewMembers', s({ membership: 'pending' })), false);
  assert.equal(canNetwork(actor(), 'network.viewMembers', s({ membership: 'active', acceptedVersion: 1, currentVersion: 2 })), true, 'still a member while asked to accept again');
  assert.equal(canNetwork(actor(), 'proposal.create', s({ membership: 'active', acceptedVersion: 1, currentVersion: 2 })), false);
  assert.equal(canNetwork(actor(), 'network.participate', s({ isCoordinator: true })), true, 'coordinators take part in what they organise');
  assert.equal(canNetwork(actor(), 'network.join', s({ membership: 'pending' })), false);
  assert.equal(canNetwork(actor(), 'network.leave', s({ membership: 'pending' })), true);
});
