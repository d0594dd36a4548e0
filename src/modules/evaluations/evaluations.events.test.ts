/**
 * Exchanges and evaluations meet only through events: exchanges records what happened to an
 * exchange (exchanges.events.ts) and evaluations reacts after commit — a questionnaire already due
 * when the exchange is agreed, or when its dates move, goes at once instead of waiting for the
 * next run of the schedule. Nothing is sent twice, and nothing while the exchange is only planned.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { signedInClient } from '../../../test/support/users.ts';
import { confirmedMatch, PLAN, type Matched } from '../../../test/exchanges/fixtures.ts';
import { ctxOf } from '../../../test/requests/fixtures.ts';
import { rows } from '../../platform/db.ts';
import { i18n } from '../../platform/i18n.ts';
import { afterCommit } from '../../app.ts';
import * as ex from '../exchanges/exchanges.service.ts';
import * as ev from './evaluations.service.ts';

let t: TestApp;
let m: Matched;

const sentFor = async (exchangeId: string) =>
  (await rows<{ stage: string; side: string }>(t.db, sql`select stage, side from evaluations where exchange_id = ${exchangeId} order by stage, side`)).map((r) => `${r.stage}:${r.side}`);
const eventsFor = async (exchangeId: string) =>
  (await rows<{ name: string }>(t.db, sql`select name from domain_events where payload ->> 'exchangeId' = ${exchangeId} order by name`)).map((r) => r.name);

before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  m = await confirmedMatch(t);
  t.clock.set('2027-02-20T09:00:00Z'); // 9 days before the exchange (PLAN: 1–12 March 2027): the baseline is due
  const out = await ev.createQuestionnaire(ctxOf(t, m.broker), m.programmeId, { stage: 'before', title: 'Baseline', q0_kind: 'scale', q0_label: 'How well do you know the subject today?' });
  assert.ok(out.ok);
});
after(() => t.close());

test('agreeing an exchange through its page sends the questionnaires already due at once; planning alone sends nothing', async () => {
  const planned = await ex.planExchange(ctxOf(t, m.broker), m.matchId, { ...PLAN }, i18n().translator('en'));
  assert.ok(planned.ok);
  await afterCommit(t.deps);
  assert.deepEqual(await sentFor(planned.id), [], 'nothing while only planned');
  for (const who of [m.requester, m.peer, m.broker]) await ex.signTor(ctxOf(t, who), planned.id, 1);
  const broker = await signedInClient(t, { id: m.broker.id });
  assert.equal((await broker.post(`/en/exchanges/${planned.id}/transitions`, { event: 'agree' })).status, 303);
  assert.deepEqual(await sentFor(planned.id), ['before:host', 'before:peer'], 'the app dispatched the event after the request');
  assert.deepEqual(await ev.runEvaluations(t.db, t.clock.now()), { sent: 0, reminded: 0 }, 'the schedule finds nothing left to send');
  assert.deepEqual(await eventsFor(planned.id), ['exchanges.agreed', 'exchanges.planned']);

  // Held, then moved on: recorded for whoever follows exchanges; evaluations sends nothing more for it now.
  t.clock.set('2027-03-02T09:00:00Z');
  assert.deepEqual(await ex.moveExchange(ctxOf(t, m.broker), planned.id, 'hold'), { ok: true, to: 'held' });
  await afterCommit(t.deps);
  assert.deepEqual(await sentFor(planned.id), ['before:host', 'before:peer']);
  assert.deepEqual(await eventsFor(planned.id), ['exchanges.agreed', 'exchanges.held', 'exchanges.planned']);
});

test('moving an agreed exchange’s dates earlier sends what falls due by the new dates at once (after commit)', async () => {
  const other = await confirmedMatch(t);
  const q = await ev.createQuestionnaire(ctxOf(t, other.broker), other.programmeId, { stage: 'before', title: 'Baseline', q0_kind: 'text', q0_label: 'What do you expect?' });
  assert.ok(q.ok);
  t.clock.set('2027-03-02T09:00:00Z');
  const later = { ...PLAN, startDate: '2027-06-01', endDate: '2027-06-05' };
  const planned = await ex.planExchange(ctxOf(t, other.broker), other.matchId, later, i18n().translator('en'));
  assert.ok(planned.ok);
  for (const who of [other.requester, other.peer, other.broker]) await ex.signTor(ctxOf(t, who), planned.id, 1);
  assert.deepEqual(await ex.moveExchange(ctxOf(t, other.broker), planned.id, 'agree'), { ok: true, to: 'agreed' });
  await afterCommit(t.deps);
  assert.deepEqual(await sentFor(planned.id), [], 'the baseline is due on 18 May');
  await ex.updatePlan(ctxOf(t, other.broker), planned.id, { ...later, startDate: '2027-03-10', endDate: '2027-03-12' });
  assert.deepEqual(await sentFor(planned.id), [], 'not before the change has committed and been dispatched');
  await afterCommit(t.deps);
  assert.deepEqual(await sentFor(planned.id), ['before:host', 'before:peer']);
  assert.ok((await eventsFor(planned.id)).includes('exchanges.rescheduled'));
});
