/**
 * The broker's ranked candidates for a request that has no call yet (`/requests/:id/candidates` and its API: same
 * engine, same order), 404 to everyone else; and `GET /api/v1/opportunities` in the page's order.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.ts';
import { createUser, signedInClient } from '../../../test/support/users.ts';
import { setupCycle, ctxOf, type Cycle } from '../../../test/requests/fixtures.ts';
import { createApiToken } from '../accounts/accounts.tokens.ts';
import { organisations, people } from '../../db/schema/organisations.ts';
import { requests } from '../../db/schema/requests.ts';
import { expertiseCalls } from '../../db/schema/calls.ts';
import { matchStoreFor } from './matching.store.ts';
import { requestOfCall } from './matching.service.ts';
import { findRequest } from './matching.repository.ts';

let t: TestApp;
let cy: Cycle;
let requestId: string;
let broker: TestClient;
let brokerToken: string;
const ids: Record<string, string> = {};

async function org(name: string, country: string, offers: string, extra: Partial<typeof organisations.$inferInsert> = {}) {
  const id = randomUUID();
  const now = t.clock.now();
  await t.db.insert(organisations).values({ id, name, country, region: 'europe', kind: 'municipality', offers, themes: [], languages: [], createdAt: now, updatedAt: now, ...extra });
  return id;
}

before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  cy = await setupCycle(t);
  const now = t.clock.now();
  ids.nl = await org('Almere Waste', 'NL', 'Household waste collection planning, route optimisation for waste trucks, recycling centres', { languages: ['en', 'nl'], themes: ['waste_management'] });
  ids.fr = await org('Rennes Déchets', 'FR', 'Collecte des déchets ménagers, tri sélectif, plan de collecte pour tous les quartiers', { languages: ['fr'], themes: ['waste_management'] });
  ids.gh = await org('Tamale Sanitation', 'GH', 'Solid waste collection by community groups, transfer stations, waste pickers', { languages: ['en'], themes: ['waste_management'] });
  ids.es = await org('Sevilla Turismo', 'ES', 'Promoción turística y patrimonio histórico', { languages: ['es'], themes: ['tourism'] });
  ids.person = randomUUID();
  await t.db.insert(people).values({ id: ids.person, organisationId: ids.gh, name: 'Kwame Mensah', position: 'Waste manager', expertise: 'Waste collection routes, landfill management', languages: ['en'], themes: ['waste_management'], createdAt: now, updatedAt: now });
  // the requester's own organisation knows about waste too: it is never proposed
  const { eq } = await import('drizzle-orm');
  await t.db.update(organisations).set({ offers: 'Household waste collection with carts', themes: ['waste_management'] }).where(eq(organisations.id, cy.orgId));
  requestId = randomUUID();
  await t.db.insert(requests).values({
    id: requestId, programmeId: cy.programmeId, roundId: cy.roundId, organisationId: cy.orgId, createdBy: cy.requester.id, state: 'under_review', title: 'Collecte des déchets',
    challenge: 'Les déchets ménagers ne sont pas collectés dans la moitié des secteurs.', objectives: 'Un plan de collecte pour tous les secteurs.',
    themes: ['waste_management'], languages: ['fr'], lastActionAt: now, createdAt: now, updatedAt: now,
  });
  broker = await signedInClient(t, { id: cy.broker.id });
  brokerToken = (await createApiToken(ctxOf(t, cy.broker), 'script')).token;
});
after(() => t.close());

const order = (body: string) => [...body.matchAll(/data-candidate="([^"]+)"/g)].map((m) => m[1]!);

test('a broker sees a request’s ranked candidates before its call: page and API in the engine’s order, the requester left out', async () => {
  const res = await broker.get(`/en/requests/${requestId}/candidates`);
  assert.equal(res.status, 200);
  const pageOrder = order(res.body_);
  assert.ok(pageOrder.length >= 3, pageOrder.join(','));
  assert.ok(!pageOrder.includes(`organisation:${cy.orgId}`), 'never the requesting organisation');
  assert.ok(!pageOrder.includes(`organisation:${ids.es}`), 'tourism does not match waste');
  assert.ok(pageOrder.indexOf(`organisation:${ids.fr}`) >= 0 && pageOrder.indexOf(`organisation:${ids.gh}`) >= 0, 'French and English profiles about waste');
  assert.doesNotMatch(res.body_, /candidates\/invite/, 'no invitation before the call');
  assert.match(res.body_, new RegExp(`href="/en/requests/${requestId}"`));
  const api = await t.client().request('GET', `/api/v1/requests/${requestId}/candidates`, { headers: { Authorization: `Bearer ${brokerToken}` } });
  assert.equal(api.status, 200);
  const body = JSON.parse(api.body_);
  assert.equal(body.request.id, requestId);
  assert.equal(body.request.callId, null);
  assert.deepEqual(body.candidates.map((c: { type: string; id: string }) => `${c.type}:${c.id}`), pageOrder, 'API = page');
  // The engine's own order for the request (the CLI and the call's page use the same function).
  const index = await matchStoreFor(t.db).index(t.db, t.clock.now());
  const engine = index.rank(requestOfCall((await findRequest(t.db, requestId))!), { top: 20, now: t.clock.now() }).matches.map((m) => `${m.type}:${m.id}`).filter((k) => k !== `organisation:${cy.orgId}`);
  assert.deepEqual(pageOrder, engine);
});

test('filters apply; a bad filter is a 400 that keeps the form; once the call exists the page links to its candidates', async () => {
  const people_ = await broker.get(`/en/requests/${requestId}/candidates?type=person`);
  assert.deepEqual(order(people_.body_), [`person:${ids.person}`]);
  const bad = await broker.get(`/en/requests/${requestId}/candidates?type=castle`);
  assert.equal(bad.status, 400);
  assert.match(bad.body_, /error-summary|role="alert"/);
  const callId = randomUUID();
  await t.db.insert(expertiseCalls).values({
    id: callId, requestId, programmeId: cy.programmeId, title: 'Plan de collecte', expertiseSought: 'Planification de la collecte', themes: ['waste_management'], formats: [], languages: ['fr'],
    deadline: new Date('2027-01-31T00:00:00Z'), state: 'open', publishedBy: cy.broker.id, publishedAt: t.clock.now(), updatedAt: t.clock.now(),
  });
  assert.match((await broker.get(`/en/requests/${requestId}/candidates`)).body_, new RegExp(`href="/en/calls/${callId}/candidates"`));
});

test('anyone but brokers and admins gets 404 (the requester, a committee member, a member); visitors are sent to sign in', async () => {
  for (const actor of [cy.requester, cy.committee[0]!, cy.outsider]) {
    const c = await signedInClient(t, { id: actor.id });
    assert.equal((await c.get(`/en/requests/${requestId}/candidates`)).status, 404, actor.name);
  }
  assert.equal((await broker.get(`/en/requests/${randomUUID()}/candidates`)).status, 404, 'missing');
  assert.equal((await broker.get('/en/requests/not-a-uuid/candidates')).status, 404);
  assert.equal((await t.client().get(`/en/requests/${requestId}/candidates`)).status, 303);
  assert.equal((await t.client().request('GET', `/api/v1/requests/${requestId}/candidates`)).status, 401);
});

test('GET /api/v1/opportunities: the member’s open calls ranked, in the page’s order; 401 without a token', async () => {
  // a member with an expert profile about waste, outside the requesting organisation
  const member = await createUser(t, { name: 'Ama Owusu' });
  await t.db.insert(people).values({ id: randomUUID(), userId: member.id, organisationId: ids.gh, name: 'Ama Owusu', position: 'Waste officer', expertise: 'Household waste collection plans', languages: ['en', 'fr'], themes: ['waste_management'], createdAt: t.clock.now(), updatedAt: t.clock.now() });
  const page = await (await signedInClient(t, member)).get('/en/opportunities');
  const pageOrder = [...page.body_.matchAll(/data-call="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(pageOrder.length >= 1);
  const token = (await createApiToken(ctxOf(t, { id: member.id, name: member.name, email: member.email, locale: 'en', roles: [], coordinatorRegions: [], hasTotp: false }), 'x')).token;
  const api = await t.client().request('GET', '/api/v1/opportunities', { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(api.status, 200);
  const body = JSON.parse(api.body_);
  assert.equal(body.for.kind, 'person');
  assert.deepEqual(body.opportunities.map((o: { id: string }) => o.id), pageOrder);
  assert.ok(body.opportunities.every((o: { reasons: unknown[]; score: number }) => Array.isArray(o.reasons) && o.score > 0));
  assert.equal((await t.client().request('GET', '/api/v1/opportunities')).status, 401);
  const notAdmin = await t.client().request('GET', `/api/v1/opportunities?organisation=${cy.orgId}`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(notAdmin.status, 404, 'an organisation the member does not administer');
});

test('the request’s candidates page stays within budget in every language (one h1, lang, 50 KB gzip), right to left in Arabic, and a hostile title is inert', async () => {
  const { gzipSync } = await import('node:zlib');
  const { eq } = await import('drizzle-orm');
  await t.db.update(requests).set({ title: '<script>alert(1)</script> Déchets' }).where(eq(requests.id, requestId));
  for (const l of ['en', 'fr', 'es', 'pt', 'ar']) {
    const res = await broker.get(`/${l}/requests/${requestId}/candidates`);
    assert.equal(res.status, 200, l);
    assert.equal((res.body_.match(/<h1[\s>]/g) ?? []).length, 1, `${l}: one h1`);
    assert.match(res.body_, new RegExp(`<html lang="${l}"`));
    assert.ok(gzipSync(res.body_).length <= 50 * 1024, l);
    assert.doesNotMatch(res.body_, /<script>alert/);
    assert.ok(order(res.body_).length > 0, `${l}: candidates listed`);
  }
  assert.match((await broker.get(`/ar/requests/${requestId}/candidates`)).body_, /dir="rtl"/);
  assert.match((await broker.get(`/fr/requests/${requestId}/candidates`)).body_, /La demande/);
});

test('the request page leads the secretariat to its ranked candidates while it has no call; not the requester', async () => {
  const now = t.clock.now();
  const id = randomUUID();
  await t.db.insert(requests).values({
    id, programmeId: cy.programmeId, roundId: cy.roundId, organisationId: cy.orgId, createdBy: cy.requester.id, state: 'under_review', title: 'Tri sélectif',
    challenge: 'Le tri sélectif ne fonctionne pas.', objectives: 'Un plan de tri.', themes: ['waste_management'], languages: ['fr'], lastActionAt: now, createdAt: now, updatedAt: now,
  });
  const brokerPage = await broker.get(`/en/requests/${id}`);
  assert.equal(brokerPage.status, 200);
  assert.match(brokerPage.body_, new RegExp(`href="/en/requests/${id}/candidates"`));
  const requester = await signedInClient(t, { id: cy.requester.id });
  const own = await requester.get(`/en/requests/${id}`);
  assert.equal(own.status, 200);
  assert.doesNotMatch(own.body_, /\/candidates"/);
});
