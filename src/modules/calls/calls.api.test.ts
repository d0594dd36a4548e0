/** The CONNECT lifecycle over /api/v1 with personal access tokens: the same services and permissions as the pages. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { createApiToken } from '../accounts/accounts.service.ts';
import { setupCycle, ctxOf, STEP_DATA, type Cycle } from '../../../test/requests/fixtures.ts';
import { STEPS } from '../requests/requests.schema.ts';

let t: TestApp;
let cy: Cycle;
const tokens = {} as Record<'requester' | 'approver' | 'broker' | 'committee' | 'provider' | 'outsider', string>;

before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  cy = await setupCycle(t);
  const actors = { requester: cy.requester, approver: cy.approver, broker: cy.broker, committee: cy.committee[0]!, provider: cy.providerAdmin, outsider: cy.outsider };
  for (const [k, a] of Object.entries(actors)) tokens[k as keyof typeof tokens] = (await createApiToken(ctxOf(t, a), 'script')).token;
});
after(() => t.close());

async function call(who: keyof typeof tokens | null, method: string, path: string, json?: unknown) {
  const res = await t.client().request(method, path, { json: json ?? (method === 'GET' ? undefined : {}), headers: who ? { Authorization: `Bearer ${tokens[who]}` } : {} });
  return { status: res.status, body: res.body_ ? (JSON.parse(res.body_) as Record<string, any>) : {} };
}

test('requests, endorsement, submission, review, decision, call, offer and match over the API', async () => {
  assert.equal((await call(null, 'POST', '/api/v1/requests', { organisationId: cy.orgId, roundId: cy.roundId })).status, 401);
  const bad = await call('requester', 'POST', '/api/v1/requests', { organisationId: 'nope' });
  assert.equal(bad.status, 400);
  assert.ok(bad.body.error.fields.organisationId);
  const created = await call('requester', 'POST', '/api/v1/requests', { organisationId: cy.orgId, roundId: cy.roundId });
  assert.equal(created.status, 201);
  const id = created.body.id as string;
  const badStep = await call('requester', 'PUT', `/api/v1/requests/${id}/steps/challenge`, { title: '' });
  assert.equal(badStep.status, 400);
  assert.equal(typeof badStep.body.error.fields.title, 'string');
  for (const s of STEPS) assert.equal((await call('requester', 'PUT', `/api/v1/requests/${id}/steps/${s}`, { ...STEP_DATA[s], sdgs: s === 'scope' ? [11] : undefined })).status, 200, s);
  assert.equal((await call('outsider', 'GET', `/api/v1/requests/${id}`)).status, 404);
  assert.equal((await call('requester', 'POST', `/api/v1/requests/${id}/submit`)).body.error.code, 'not_endorsed');
  assert.equal((await call('approver', 'POST', `/api/v1/requests/${id}/endorse`, { note: 'ok' })).status, 200);
  assert.equal((await call('requester', 'POST', `/api/v1/requests/${id}/submit`)).status, 200);
  const detail = await call('requester', 'GET', `/api/v1/requests/${id}`);
  assert.equal(detail.body.state, 'submitted');
  assert.equal(detail.body.abilities.edit, false);

  assert.equal((await call('broker', 'POST', `/api/v1/requests/${id}/eligibility`, { verdict: 'eligible' })).status, 200);
  assert.equal((await call('broker', 'POST', `/api/v1/requests/${id}/review-opening`)).status, 200);
  assert.equal((await call('committee', 'POST', `/api/v1/requests/${id}/conflict`, { hasConflict: false })).status, 200);
  const scores = Object.fromEntries(cy.criteria.map((c, i) => [c, { score: 4 - i, comment: i ? '' : 'solid' }]));
  assert.equal((await call('committee', 'PUT', `/api/v1/requests/${id}/review`, { scores })).body.error.code, 'window_closed');
  t.clock.set('2026-12-20T10:00:00Z');
  // Scoring (POST /reviews, the document's scoreRequest): the committee only; a message per criterion; a second review replaces the first.
  assert.equal((await call('outsider', 'POST', `/api/v1/requests/${id}/reviews`, { scores })).status, 404);
  assert.equal((await call('requester', 'POST', `/api/v1/requests/${id}/reviews`, { scores })).status, 403, 'the requester sees the request, but does not review it');
  const outOfRange = await call('committee', 'POST', `/api/v1/requests/${id}/reviews`, { scores: { ...scores, [cy.criteria[0]!]: { score: 7 } } });
  assert.equal(outOfRange.status, 400);
  assert.deepEqual(Object.keys(outOfRange.body.error.fields), [`score_${cy.criteria[0]}`]);
  assert.match(outOfRange.body.error.fields[`score_${cy.criteria[0]}`], /0.*5/);
  const missing = await call('committee', 'POST', `/api/v1/requests/${id}/reviews`, { scores: { [cy.criteria[0]!]: { score: 3 } } });
  assert.equal(missing.status, 400);
  assert.ok(missing.body.error.fields[`score_${cy.criteria[1]}`]);
  const first = Object.fromEntries(cy.criteria.map((c) => [c, { score: 1, comment: 'first thoughts' }]));
  assert.deepEqual((await call('committee', 'POST', `/api/v1/requests/${id}/reviews`, { scores: first })).body, { ok: true });
  assert.deepEqual((await call('broker', 'GET', `/api/v1/requests/${id}/reviews`)).body.criteria.map((c: { mean: number }) => c.mean), [1, 1]);
  assert.equal((await call('committee', 'PUT', `/api/v1/requests/${id}/review`, { scores })).status, 200);
  assert.equal((await call('committee', 'GET', `/api/v1/requests/${id}/reviews`)).status, 404, 'reviews private until the decision');
  const board = await call('broker', 'GET', `/api/v1/requests/${id}/reviews`);
  assert.deepEqual(board.body.criteria.map((c: { mean: number }) => c.mean), [4, 3]);
  assert.equal((await call('outsider', 'POST', `/api/v1/requests/${id}/decision`, { outcome: 'selected', reasons: 'x' })).status, 404);
  assert.equal((await call('broker', 'POST', `/api/v1/requests/${id}/decision`, { outcome: 'selected', reasons: 'Good' })).status, 201);
  assert.equal((await call('broker', 'POST', `/api/v1/requests/${id}/decision`, { outcome: 'rejected', reasons: 'again' })).status, 403, 'decided: no second decision');
  assert.equal((await call('requester', 'GET', `/api/v1/requests/${id}/decision`)).body.decision.outcome, 'selected');

  const pub = await call('broker', 'POST', `/api/v1/requests/${id}/call`, { title: 'API call', expertiseSought: 'Collection planning', themes: ['waste_management'], formats: ['expert_assignment'], languages: ['fr'], deadline: '2027-02-01T12:00:00Z' });
  assert.equal(pub.status, 201);
  const callId = pub.body.id as string;
  const publicCall = await call(null, 'GET', `/api/v1/calls/${callId}`);
  assert.equal(publicCall.body.title, 'API call');
  assert.equal(publicCall.body.cofunding, undefined);
  assert.ok((await call(null, 'GET', '/api/v1/calls')).body.calls.some((c: { id: string }) => c.id === callId));
  assert.equal((await call(null, 'GET', '/api/v1/calls?bogus=1')).status, 400);

  const offer = await call('provider', 'POST', `/api/v1/calls/${callId}/offers`, { organisationId: cy.providerOrgId, experts: [{ personId: cy.providerExpertIds[1], motivation: 'Did it in Almere', languages: ['fr'], availability: 'April' }] });
  assert.equal(offer.status, 201);
  const offerId = offer.body.id as string;
  assert.equal((await call('provider', 'POST', `/api/v1/calls/${callId}/offers`, { organisationId: cy.providerOrgId, experts: [{ personId: cy.providerExpertIds[0], motivation: 'again', languages: ['fr'] }] })).body.error.code, 'already_offered');
  assert.equal((await call('broker', 'GET', `/api/v1/calls/${callId}/offers`)).body.offers.length, 1);
  const proposed = await call('broker', 'POST', `/api/v1/offers/${offerId}/propose`);
  assert.equal(proposed.status, 201);
  const matchId = proposed.body.matchId as string;
  assert.deepEqual((await call('requester', 'POST', `/api/v1/matches/${matchId}/confirm`)).body, { ok: true, isConfirmed: false });
  assert.deepEqual((await call('provider', 'POST', `/api/v1/matches/${matchId}/confirm`)).body, { ok: true, isConfirmed: true });
  assert.equal((await call('requester', 'GET', `/api/v1/requests/${id}`)).body.state, 'matched');

  // Planning the exchange of the confirmed match (the document's planExchange): the broker only; a message per field; one per match.
  const plan = { format: 'expert_assignment', startDate: '2027-03-01', endDate: '2027-03-05', place: 'Ebolowa', p_host_official_women: 2, b0_label: 'Travel', b0_amount: '1200.50' };
  assert.equal((await call('requester', 'POST', `/api/v1/matches/${matchId}/exchange`, plan)).status, 404);
  assert.equal((await call(null, 'POST', `/api/v1/matches/${matchId}/exchange`, plan)).status, 401);
  const badPlan = await call('broker', 'POST', `/api/v1/matches/${matchId}/exchange`, { ...plan, endDate: '2027-02-01', place: '', p_host_official_women: -1 });
  assert.equal(badPlan.status, 400);
  assert.ok(badPlan.body.error.fields.endDate && badPlan.body.error.fields.p_host_official_women, JSON.stringify(badPlan.body));
  const planned = await call('broker', 'POST', `/api/v1/matches/${matchId}/exchange`, plan);
  assert.equal(planned.status, 201);
  const exchangeId = planned.body.id as string;
  const again = await call('broker', 'POST', `/api/v1/matches/${matchId}/exchange`, plan);
  assert.equal(again.status, 409);
  assert.deepEqual([again.body.error.code, again.body.error.id], ['already_planned', exchangeId]);
  const x = await call('requester', 'GET', `/api/v1/exchanges/${exchangeId}`);
  assert.equal(x.status, 200);
  assert.equal(x.body.exchange.place, 'Ebolowa');
  assert.equal((await call('requester', 'PUT', `/api/v1/exchanges/${exchangeId}/plan`, { ...plan, place: 'Kribi' })).status, 404, 'only the broker plans: 404 to a side, as on the page');
  assert.deepEqual((await call('broker', 'PUT', `/api/v1/exchanges/${exchangeId}/plan`, { ...plan, place: 'Kribi' })).body, { ok: true });
  assert.equal((await call('broker', 'GET', `/api/v1/exchanges/${exchangeId}`)).body.exchange.place, 'Kribi');
});

test('a revoked or unknown token is refused with 401 and changes nothing', async () => {
  assert.equal((await t.client().request('POST', '/api/v1/requests', { json: { organisationId: cy.orgId, roundId: cy.roundId }, headers: { Authorization: 'Bearer plk_nope' } })).status, 401);
});

test('the OpenAPI document describes every lifecycle route and method', async () => {
  const { requestsApiRoutes, requestsOperations } = await import('../requests/requests.api.ts');
  const { callsApiRoutes, callsOperations } = await import('./calls.api.ts');
  const declared = new Set([...requestsOperations, ...callsOperations].map((o) => `${o.method} ${o.path}`));
  const missing = [...requestsApiRoutes().routes, ...callsApiRoutes().routes]
    .filter((r) => r.method !== 'ALL')
    .map((r) => `${r.method.toLowerCase()} ${r.path}`)
    .filter((r) => !declared.has(r));
  assert.deepEqual(missing, []);
});
