/** The request state table, transition by transition (forbidden ones included), and the request policy table. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REQUEST_STATES, REQUEST_EVENTS, transition, isEditable, isDecided, waitingOn, type RequestState, type RequestEvent } from './requests.workflow.ts';
import { canRequest, canCreateRequest, type RequestAction, type RequestStanding } from './requests.policy.ts';
import { scoreBoard, automaticRules } from './requests.selection.ts';
import type { CurrentUser } from '../../platform/http.ts';

const ALLOWED: Record<string, RequestState> = {
  'draft submit': 'submitted',
  'submitted declareEligible': 'eligible',
  'submitted declareIneligible': 'ineligible',
  'submitted withdraw': 'withdrawn',
  'eligible openReview': 'under_review',
  'eligible withdraw': 'withdrawn',
  'under_review select': 'selected',
  'under_review reject': 'rejected',
  'under_review waitlist': 'waiting_list',
  'under_review withdraw': 'withdrawn',
  'waiting_list select': 'selected',
  'waiting_list reject': 'rejected',
  'waiting_list withdraw': 'withdrawn',
  'selected match': 'matched',
};

test('every state × event pair is allowed exactly as the table says, and refused otherwise', () => {
  for (const s of REQUEST_STATES) {
    for (const e of REQUEST_EVENTS) {
      const want = ALLOWED[`${s} ${e}`];
      const got = transition(s, e as RequestEvent);
      if (want) assert.deepEqual(got, { ok: true, to: want }, `${s} --${e}-->`);
      else assert.deepEqual(got, { ok: false, reason: 'not_allowed' }, `${s} --${e}--> should be refused`);
    }
  }
});

test('only a draft is editable; decided states are the decisions and matched', () => {
  assert.deepEqual(REQUEST_STATES.filter(isEditable), ['draft']);
  assert.deepEqual(REQUEST_STATES.filter(isDecided).sort(), ['matched', 'rejected', 'selected', 'waiting_list']);
});

test('a draft waits on the approver once complete and not endorsed, on the requester otherwise', () => {
  assert.equal(waitingOn('draft', { isComplete: false, isEndorsed: false }), 'requester');
  assert.equal(waitingOn('draft', { isComplete: true, isEndorsed: false }), 'approver');
  assert.equal(waitingOn('draft', { isComplete: true, isEndorsed: true }), 'requester');
  assert.equal(waitingOn('submitted', { isComplete: true, isEndorsed: true }), 'broker');
  assert.equal(waitingOn('under_review', { isComplete: true, isEndorsed: true }), 'committee');
  assert.equal(waitingOn('rejected', { isComplete: true, isEndorsed: true }), 'nobody');
});

const user = (roles: CurrentUser['roles'] = []): CurrentUser => ({ id: 'u', name: 'U', email: 'u@example.org', locale: 'en', roles, coordinatorRegions: [], hasTotp: false });
const standing = (state: RequestState, over: Partial<RequestStanding> = {}): RequestStanding => ({ state, isCreator: false, orgRoles: [], isCommittee: false, hasConflict: null, ...over });

type Who = 'visitor' | 'member' | 'creator' | 'approver' | 'broker' | 'committeeFree' | 'committeeConflicted' | 'committeeUndeclared';
const WHO: Record<Who, { actor: CurrentUser | null; s: Partial<RequestStanding> }> = {
  visitor: { actor: null, s: {} },
  member: { actor: user(), s: {} },
  creator: { actor: user(), s: { isCreator: true, orgRoles: ['requester'] } },
  approver: { actor: user(), s: { orgRoles: ['approver'] } },
  broker: { actor: user(['broker']), s: {} },
  committeeFree: { actor: user(['committee']), s: { isCommittee: true, hasConflict: false } },
  committeeConflicted: { actor: user(['committee']), s: { isCommittee: true, hasConflict: true } },
  committeeUndeclared: { actor: user(['committee']), s: { isCommittee: true, hasConflict: null } },
};

/** action → state → who may. */
const TABLE: [RequestAction, RequestState, Who[]][] = [
  ['request.view', 'draft', ['creator', 'approver', 'broker']],
  ['request.view', 'submitted', ['creator', 'approver', 'broker']],
  ['request.view', 'under_review', ['creator', 'approver', 'broker', 'committeeFree', 'committeeConflicted', 'committeeUndeclared']],
  ['request.edit', 'draft', ['creator']],
  ['request.edit', 'submitted', []],
  ['request.endorse', 'draft', ['approver']],
  ['request.endorse', 'submitted', []],
  ['request.submit', 'draft', ['creator']],
  ['request.withdraw', 'draft', []],
  ['request.withdraw', 'submitted', ['creator', 'approver']],
  ['request.withdraw', 'selected', []],
  ['request.checkEligibility', 'submitted', ['broker']],
  ['request.checkEligibility', 'eligible', []],
  ['request.openReview', 'eligible', ['broker']],
  ['request.declareConflict', 'under_review', ['committeeFree', 'committeeConflicted', 'committeeUndeclared']],
  ['request.review', 'under_review', ['committeeFree']],
  ['request.review', 'selected', []],
  ['request.viewReviews', 'under_review', ['broker']],
  ['request.viewReviews', 'selected', ['broker', 'committeeFree', 'committeeUndeclared']],
  ['request.decide', 'under_review', ['broker', 'committeeFree']],
  ['request.decide', 'waiting_list', ['broker', 'committeeFree']],
  ['request.decide', 'selected', []],
  ['request.publishCall', 'selected', ['broker']],
  ['request.publishCall', 'under_review', []],
];

test('the request policy table: who may do what in which state', () => {
  const failures: string[] = [];
  for (const [action, state, allowed] of TABLE) {
    for (const who of Object.keys(WHO) as Who[]) {
      const got = canRequest(WHO[who].actor, action, standing(state, WHO[who].s));
      if (got !== allowed.includes(who)) failures.push(`${action} in ${state} for ${who}: ${got}`);
    }
  }
  assert.deepEqual(failures, []);
});

test('only an active requester of a verified organisation may start a request', () => {
  assert.equal(canCreateRequest(user(), { isVerified: true, orgRoles: ['requester'] }), true);
  assert.equal(canCreateRequest(user(), { isVerified: false, orgRoles: ['requester'] }), false);
  assert.equal(canCreateRequest(user(), { isVerified: true, orgRoles: ['expert', 'approver'] }), false);
  assert.equal(canCreateRequest(null, { isVerified: true, orgRoles: ['requester'] }), false);
});

test('the score board gives mean, spread and weighted totals', () => {
  const criteria = [
    { id: 'a', label: 'Relevance', weight: 2 },
    { id: 'b', label: 'Feasibility', weight: 1 },
  ];
  const board = scoreBoard(criteria, [
    { reviewerName: 'X', scores: { a: { score: 5, comment: 'strong' }, b: { score: 2, comment: '' } } },
    { reviewerName: 'Y', scores: { a: { score: 3, comment: '' }, b: { score: 4, comment: 'ok' } } },
  ]);
  assert.deepEqual(board.criteria.map((c) => [c.mean, c.spread, c.scores]), [
    [4, 2, [5, 3]],
    [3, 2, [2, 4]],
  ]);
  assert.deepEqual(board.reviewers.map((r) => r.weightedTotal), [4, 3.33]);
  assert.equal(board.weightedMean, 3.67);
  assert.equal(board.reviewers[0]!.comments.a, 'strong');
});

test('automatic eligibility rules follow the programme settings', () => {
  const base = { org: { isVerified: true, country: 'BF', region: 'ssa', kind: 'municipality' }, programme: { eligibleCountries: [], eligibleRegions: ['ssa'], eligibleKinds: ['municipality'] }, isComplete: true, isEndorsed: true, submittedAt: new Date('2026-12-01Z'), closesAt: new Date('2026-12-15Z') };
  assert.ok(automaticRules(base).every((r) => r.ok));
  const bad = automaticRules({ ...base, org: { ...base.org, region: 'europe' }, submittedAt: null });
  assert.deepEqual(bad.filter((r) => !r.ok).map((r) => r.rule), ['regionEligible', 'submittedInTime']);
});
