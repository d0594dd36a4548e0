/** The offer policy: who may see, message, shortlist, propose and withdraw an offer; the sides of a match (moved from test/requests/workflow.test.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canOffer, matchSides } from './calls.policy.ts';
import type { CurrentUser } from '../../platform/http.ts';

const user = (roles: CurrentUser['roles'] = []): CurrentUser => ({ id: 'u', name: 'U', email: 'u@example.org', locale: 'en', roles, coordinatorRegions: [], hasTotp: false });

test('offer policy: the broker shortlists and proposes, the provider talks, the requester sees only a proposed offer', () => {
  const s = (state: string, p = false, r = false) => ({ state, isProvider: p, isRequesterSide: r });
  assert.equal(canOffer(user(['broker']), 'offer.propose', s('shortlisted')), true);
  assert.equal(canOffer(user(['broker']), 'offer.propose', s('matched')), false);
  assert.equal(canOffer(user(), 'offer.propose', s('submitted', true)), false);
  assert.equal(canOffer(user(), 'offer.message', s('submitted', true)), true);
  assert.equal(canOffer(user(), 'offer.view', s('submitted', false, true)), false);
  assert.equal(canOffer(user(), 'offer.view', s('proposed', false, true)), true);
  assert.equal(canOffer(user(), 'offer.listForCall', s('')), false);
  assert.equal(canOffer(null, 'offer.view', s('submitted', true)), false);
  assert.deepEqual(matchSides({ isProvider: true, isRequesterSide: false }), ['provider']);
});
