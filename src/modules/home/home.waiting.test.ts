/**
 * "Waiting on you" (issue 16), through the page and the API: a requester with a draft to finish,
 * an approver with a request to endorse, the secretariat with offers to answer after a call's
 * deadline, the sides of an exchange with terms of reference to sign, then an evaluation to answer; a member with nothing to do
 * sees the empty state; a visitor is asked to sign in. Sign-in without `next` lands here.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.ts';
import { confirmedMatch, PLAN, type Matched } from '../../../test/exchanges/fixtures.ts';
import { ctxOf, STEP_DATA } from '../../../test/requests/fixtures.ts';
import { signedInClient } from '../../../test/support/users.ts';
import { i18n } from '../../platform/i18n.ts';
import { requests } from '../../db/schema/requests.ts';
import { expertiseCalls, offers } from '../../db/schema/calls.ts';
import { createApiToken } from '../accounts/accounts.service.ts';
import * as rq from '../requests/requests.service.ts';
import * as ex from '../exchanges/exchanges.service.ts';
import * as ev from '../evaluations/evaluations.service.ts';
import { agreedExchange } from '../../../test/exchanges/evaluation-fixtures.ts';
import { rows } from '../../platform/db.ts';
import { sql } from 'drizzle-orm';

let t: TestApp;
let m: Matched;
let draftId = '';
let callId = '';
let exchangeId = '';

const page = async (who: { id: string }, locale = 'en') => {
  const c: TestClient = await signedInClient(t, who);
  const res = await c.get(`/${locale}/me/waiting`);
  assert.equal(res.status, 200);
  return res.body_;
};
async function api(who: { id: string } | null) {
  const headers: Record<string, string> = who ? { Authorization: `Bearer ${(await createApiToken(ctxOf(t, { ...m.outsider, id: who.id }), 'waiting')).token}` } : {};
  const res = await t.client().request('GET', '/api/v1/me/waiting', { headers });
  return { status: res.status, body: JSON.parse(res.body_ || 'null') as { items: { kind: string; module: string; title: string; path: string; due: string | null }[] } };
}

before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  m = await confirmedMatch(t);
  // A draft of the requesting organisation, complete, not endorsed yet.
  const started = await rq.startRequest(ctxOf(t, m.requester), { organisationId: m.orgId, roundId: m.roundId });
  assert.ok(started.ok);
  draftId = started.id;
  for (const [step, data] of Object.entries(STEP_DATA)) await rq.saveStep(ctxOf(t, m.requester), draftId, step, { ...data, title: 'Market sanitation in Ziniaré' });
  // A call past its deadline with an offer: it waits on the secretariat.
  const now = t.clock.now();
  const requestId = randomUUID();
  await t.db.insert(requests).values({ id: requestId, programmeId: m.programmeId, roundId: m.roundId, organisationId: m.orgId, createdBy: m.requester.id, state: 'selected', title: 'Street lighting in Ziniaré', challenge: 'Half of the streets are dark at night.', context: 'A town.', tried: 'Solar lamps.', results: 'A plan.', themes: ['waste_management'], sdgs: [11], formats: ['expert_assignment'], lastActionAt: now, createdAt: now, updatedAt: now });
  callId = randomUUID();
  await t.db.insert(expertiseCalls).values({ id: callId, requestId, programmeId: m.programmeId, title: 'Street lighting in Ziniaré', expertiseSought: 'Lighting plans', formats: ['expert_assignment'], deadline: new Date(now.getTime() - 86400_000), state: 'open', publishedBy: m.broker.id, publishedAt: now, updatedAt: now });
  await t.db.insert(offers).values({ id: randomUUID(), callId, offeredBy: m.peerColleague.id, organisationId: m.providerOrgId, state: 'submitted', createdAt: now, updatedAt: now });
  // A planned exchange: its first terms of reference wait on the three sides.
  const planned = await ex.planExchange(ctxOf(t, m.broker), m.matchId, { ...PLAN }, i18n().translator('en'));
  assert.ok(planned.ok);
  exchangeId = planned.id;
});
after(() => t.close());

test('a requester sees the draft to finish with the round’s deadline, and the terms to sign as the host side', async () => {
  const body = await page(m.requester);
  assert.match(body, /Finish your draft request/);
  assert.match(body, /Market sanitation in Ziniaré/);
  assert.ok(body.includes(`href="/en/requests/${draftId}"`));
  assert.match(body, /Deadline: December 15, 2026/);
  assert.match(body, /Sign the terms of reference/);
  assert.doesNotMatch(body, /Endorse a request/, 'a requester is not an approver');
});

test('an approver sees the complete draft to endorse; in French and Arabic too', async () => {
  const body = await page(m.approver);
  assert.match(body, /Endorse a request of your organisation/);
  assert.ok(body.includes(`href="/en/requests/${draftId}"`));
  assert.doesNotMatch(body, /Finish your draft request/);
  assert.match(await page(m.approver, 'fr'), /Valider une demande de votre organisation/);
  const ar = await page(m.approver, 'ar');
  assert.match(ar, /<html lang="ar" dir="rtl">/);
  assert.match(ar, /<bdi dir="auto">Market sanitation in Ziniaré<\/bdi>/, 'user content isolated on an Arabic page');
});

test('the secretariat sees the offers to answer on a call past its deadline', async () => {
  const body = await page(m.broker);
  assert.match(body, /Answer the offers on a call/);
  assert.ok(body.includes(`href="/en/calls/${callId}/offers"`));
  assert.match(body, /Street lighting in Ziniaré/);
  const { status, body: json } = await api(m.broker);
  assert.equal(status, 200);
  assert.ok(json.items.some((i) => i.kind === 'offersToAnswer' && i.module === 'calls' && i.path === `/calls/${callId}/offers`));
  assert.ok(json.items.some((i) => i.kind === 'torToSign'), 'the secretariat signs the terms too');
});

test('a participant of the peer side sees the terms of reference to sign until they are signed', async () => {
  const body = await page(m.peer);
  assert.match(body, /Sign the terms of reference/);
  assert.ok(body.includes(`href="/en/exchanges/${exchangeId}/terms"`));
  assert.match(body, /Deadline: March 1, 2027/);
  const before = await api(m.peer);
  assert.deepEqual(
    before.body.items.map((i) => ({ kind: i.kind, path: i.path, due: i.due })),
    [{ kind: 'torToSign', path: `/exchanges/${exchangeId}/terms`, due: `${PLAN.startDate}T00:00:00.000Z` }],
  );
  assert.deepEqual(await ex.signTor(ctxOf(t, m.peer), exchangeId, 1), { ok: true, sides: ['peer'], agreed: false });
  assert.deepEqual((await api(m.peer)).body.items, []);
  assert.match(await page(m.peer), /Nothing is waiting on you right now/);
  assert.match(await page(m.requester), /Sign the terms of reference/, 'the host side still has to sign');
});

test('nothing waiting: a friendly empty state; a visitor is asked to sign in', async () => {
  const body = await page(m.outsider);
  assert.match(body, /Nothing is waiting on you right now/);
  assert.ok(body.includes('href="/en"'), 'a way back to the front page');
  const visitor = await t.client().get('/en/me/waiting');
  assert.equal(visitor.status, 303);
  assert.match(visitor.headers.get('location') ?? '', /^\/en\/sign-in\?next=/);
  assert.equal((await api(null)).status, 401);
});

test('the header of a signed-in page links to it; the OpenAPI document declares it', async () => {
  const c = await signedInClient(t, m.outsider);
  assert.ok((await c.get('/fr/account')).body_.includes('href="/fr/me/waiting"'));
  const doc = JSON.parse((await t.client().get('/api/v1/openapi.json')).body_) as { paths: Record<string, Record<string, { operationId: string }>> };
  assert.equal(doc.paths['/me/waiting']?.get?.operationId, 'listWaitingOnMe');
});

test('once an exchange is agreed and its baseline evaluation sent, each side sees the evaluation to answer until it is answered', async () => {
  const q = await ev.createQuestionnaire(ctxOf(t, m.broker), m.programmeId, { stage: 'before', title: 'Baseline', q0_kind: 'scale', q0_label: 'How well do you know the subject today?' });
  assert.ok(q.ok);
  t.clock.set('2027-02-20T09:00:00Z'); // 9 days before the exchange: the baseline is due
  const agreed = await agreedExchange(t, m, 'Composting in Ziniaré');
  await ev.sendDue(t.db, t.clock.now(), agreed);
  const [peerEval] = await rows<{ id: string }>(t.db, sql`select id from evaluations where exchange_id = ${agreed} and side = 'peer'`);
  assert.ok(peerEval);
  const body = await page(m.peer);
  assert.match(body, /Answer an evaluation/);
  assert.ok(body.includes(`href="/en/evaluations/${peerEval.id}"`));
  assert.match(body, /Composting in Ziniaré/);
  assert.ok((await api(m.requester)).body.items.some((i) => i.kind === 'evaluationToAnswer' && i.module === 'evaluations'), 'the host side has its own');
  const evaluation = await ev.getEvaluation(ctxOf(t, m.peer), peerEval.id);
  assert.deepEqual(await ev.answerEvaluation(ctxOf(t, m.peer), peerEval.id, { [`a_${evaluation.questions[0]!.id}`]: '3' }), { ok: true });
  assert.ok(!(await api(m.peer)).body.items.some((i) => i.kind === 'evaluationToAnswer'));
});
