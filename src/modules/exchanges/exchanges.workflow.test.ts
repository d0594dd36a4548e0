/** The exchange state table, transition by transition, forbidden ones included; guards; the policy table; the ToR diff. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXCHANGE_STATES, EXCHANGE_EVENTS, transition, guard, isPlanningOpen, isTorOpen } from './exchanges.workflow.ts';
import { canExchange, signableSides, canPlanExchange, type ExchangeAction } from './exchanges.policy.ts';
import { diffLines } from './exchanges.diff.ts';
import type { CurrentUser } from '../../platform/http.ts';

const ALLOWED: Record<string, string> = { 'planned.agree': 'agreed', 'agreed.hold': 'held', 'held.evaluate': 'evaluated', 'evaluated.close': 'closed' };

test('every (state, event) pair: the four allowed moves go forward, all 16 others are refused', () => {
  let refused = 0;
  for (const s of EXCHANGE_STATES)
    for (const e of EXCHANGE_EVENTS) {
      const r = transition(s, e);
      const want = ALLOWED[`${s}.${e}`];
      if (want) assert.deepEqual(r, { ok: true, to: want }, `${s} --${e}-->`);
      else {
        assert.deepEqual(r, { ok: false, reason: 'not_allowed' }, `${s} --${e}--> must be refused`);
        refused++;
      }
    }
  assert.equal(refused, EXCHANGE_STATES.length * EXCHANGE_EVENTS.length - 4);
});

test('the path planned → agreed → held → evaluated → closed, and nothing leaves closed', () => {
  let s: (typeof EXCHANGE_STATES)[number] = 'planned';
  for (const e of ['agree', 'hold', 'evaluate', 'close'] as const) {
    const r = transition(s, e);
    assert.ok(r.ok);
    s = r.to;
  }
  assert.equal(s, 'closed');
  for (const e of EXCHANGE_EVENTS) assert.equal(transition('closed', e).ok, false);
  // No going back.
  assert.equal(transition('agreed', 'agree').ok, false);
  assert.equal(transition('held', 'hold').ok, false);
});

test('guards: agreeing needs the agreed terms of reference, holding needs the first day', () => {
  assert.deepEqual(guard('agree', { torAgreed: false, today: '2027-01-01', startDate: '2027-03-01' }), { ok: false, reason: 'tor_not_agreed' });
  assert.deepEqual(guard('agree', { torAgreed: true, today: '2027-01-01', startDate: '2027-03-01' }), { ok: true });
  assert.deepEqual(guard('hold', { torAgreed: true, today: '2027-02-28', startDate: '2027-03-01' }), { ok: false, reason: 'not_started' });
  assert.deepEqual(guard('hold', { torAgreed: true, today: '2027-03-01', startDate: '2027-03-01' }), { ok: true });
  assert.deepEqual(guard('close', { torAgreed: false, today: '2020-01-01', startDate: '2027-03-01' }), { ok: true });
  assert.deepEqual(
    EXCHANGE_STATES.map((s) => [isPlanningOpen(s), isTorOpen(s)]),
    [
      [true, true],
      [true, false],
      [false, false],
      [false, false],
      [false, false],
    ],
  );
});

const user = (roles: CurrentUser['roles'] = []): CurrentUser => ({ id: 'u', name: 'U', email: 'u@example.org', locale: 'en', roles, coordinatorRegions: [], hasTotp: false });

test('policy table: who may do what, per state', () => {
  const broker = user(['broker']);
  const host = user();
  const peer = user();
  const other = user(['committee']);
  const st = (state: (typeof EXCHANGE_STATES)[number], isHost = false, isPeer = false) => ({ state, isHost, isPeer });
  const row = (a: CurrentUser | null, s: ReturnType<typeof st>) =>
    (['exchange.view', 'exchange.editPlan', 'exchange.transition', 'exchange.writeTor', 'exchange.signTor', 'exchange.post', 'exchange.draftLesson'] as ExchangeAction[]).map((x) => (canExchange(a, x, s) ? 1 : 0)).join('');
  assert.equal(row(broker, st('planned')), '1111110');
  assert.equal(row(broker, st('agreed')), '1110010');
  assert.equal(row(broker, st('held')), '1010011');
  assert.equal(row(broker, st('closed')), '1010001');
  assert.equal(row(host, st('planned', true)), '1001110');
  assert.equal(row(host, st('agreed', true)), '1000010');
  assert.equal(row(host, st('closed', true)), '1000000');
  assert.equal(row(peer, st('planned', false, true)), '1001110');
  assert.equal(row(other, st('planned')), '0000000');
  assert.equal(row(null, st('planned', true, true)), '0000000');
  assert.equal(canPlanExchange(broker), true);
  assert.equal(canPlanExchange(host), false);
  assert.equal(canPlanExchange(user(['admin'])), true);
  assert.deepEqual(signableSides(host, st('planned', true)), ['host']);
  assert.deepEqual(signableSides(peer, st('planned', false, true)), ['peer']);
  assert.deepEqual(signableSides(broker, st('planned')), ['broker']);
  assert.deepEqual(signableSides(host, st('agreed', true)), []);
  assert.deepEqual(signableSides(other, st('planned')), []);
});

test('line diff: kept, added and removed lines in order', () => {
  assert.deepEqual(diffLines('a\nb\nc', 'a\nc\nd'), [
    { op: 'same', text: 'a' },
    { op: 'removed', text: 'b' },
    { op: 'same', text: 'c' },
    { op: 'added', text: 'd' },
  ]);
  assert.deepEqual(diffLines('', 'x'), [{ op: 'added', text: 'x' }]);
  assert.deepEqual(diffLines('x', 'x'), [{ op: 'same', text: 'x' }]);
});
