/** The offer policy: who may see, message, shortlist, propose and withdraw an offer; the sides of a match; who a call waits on (moved from test/requests/workflow.test.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canOffer, matchSides, callWaitingOn } from './calls.policy.ts';
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

test('a call waits on offers while open, on the secretariat after its deadline, on the sides of a proposed match', () => {
  const now = new Date('2026-12-01Z');
  const base = { state: 'open', deadline: new Date('2026-12-15Z'), matchState: null, requesterConfirmed: false, providerConfirmed: false };
  assert.equal(callWaitingOn(base, now), 'providers');
  assert.equal(callWaitingOn({ ...base, deadline: new Date('2026-11-30Z') }, now), 'broker');
  assert.equal(callWaitingOn({ ...base, matchState: 'proposed' }, now), 'bothSides');
  assert.equal(callWaitingOn({ ...base, matchState: 'proposed', requesterConfirmed: true }, now), 'provider');
  assert.equal(callWaitingOn({ ...base, matchState: 'proposed', providerConfirmed: true }, now), 'requester');
  assert.equal(callWaitingOn({ ...base, state: 'matched', matchState: 'confirmed' }, now), 'nobody');
});
