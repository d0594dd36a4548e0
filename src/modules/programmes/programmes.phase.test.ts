/** The phase rules of rounds and calls on the injected clock, working days, and who manages programmes (moved from test/requests/workflow.test.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { roundPhase, isOpenForRequests, isReviewWindow, isCallTakingOffers, workingDaysBetween, roundDatesProblem } from './programmes.phase.ts';
import { canProgramme } from './programmes.policy.ts';
import type { CurrentUser } from '../../platform/http.ts';

const user = (roles: CurrentUser['roles'] = []): CurrentUser => ({ id: 'u', name: 'U', email: 'u@example.org', locale: 'en', roles, coordinatorRegions: [], hasTotp: false });

test('phases come from the round dates and the clock', () => {
  const r = { opensAt: new Date('2026-11-01Z'), closesAt: new Date('2026-12-15Z'), reviewOpensAt: new Date('2026-12-16Z'), reviewClosesAt: new Date('2027-01-31Z') };
  assert.equal(roundPhase(r, new Date('2026-10-31T23:59Z')), 'upcoming');
  assert.equal(roundPhase(r, new Date('2026-11-01Z')), 'open');
  assert.equal(roundPhase(r, new Date('2026-12-15T12:00Z')), 'closed');
  assert.equal(roundPhase(r, new Date('2026-12-20Z')), 'review');
  assert.equal(roundPhase(r, new Date('2027-02-01Z')), 'finished');
  assert.equal(isOpenForRequests(r, new Date('2026-12-14Z')), true);
  assert.equal(isReviewWindow(r, new Date('2026-12-14Z')), false);
  assert.equal(isReviewWindow(r, new Date('2027-01-30Z')), true);
  assert.equal(isCallTakingOffers({ state: 'open', deadline: new Date('2027-01-01Z') }, new Date('2026-12-31Z')), true);
  assert.equal(isCallTakingOffers({ state: 'matched', deadline: new Date('2027-01-01Z') }, new Date('2026-12-31Z')), false);
  assert.equal(roundDatesProblem({ ...r, closesAt: r.opensAt }), 'closesAt');
  assert.equal(roundDatesProblem({ ...r, reviewOpensAt: new Date('2026-10-01Z') }), 'reviewOpensAt');
  assert.equal(roundDatesProblem({ ...r, reviewClosesAt: new Date('2026-12-01Z') }), 'reviewClosesAt');
  // A rolling round: the committee reviews while the round is still open.
  assert.equal(roundDatesProblem({ ...r, reviewOpensAt: new Date('2026-11-10Z') }), null);
  assert.equal(roundDatesProblem(r), null);
});

test('working days skip weekends', () => {
  // Monday 2026-11-23 → Monday 2026-12-07: ten working days.
  assert.equal(workingDaysBetween(new Date('2026-11-23T09:00Z'), new Date('2026-12-07T09:00Z')), 10);
  assert.equal(workingDaysBetween(new Date('2026-11-27T09:00Z'), new Date('2026-11-30T09:00Z')), 1);
  assert.equal(workingDaysBetween(new Date('2026-11-30Z'), new Date('2026-11-23Z')), 0);
});

test('the secretariat and the platform admin manage programmes, a committee member does not', () => {
  assert.equal(canProgramme(user(['admin']), 'programme.manage'), true);
  assert.equal(canProgramme(user(['committee']), 'programme.manage'), false);
});
