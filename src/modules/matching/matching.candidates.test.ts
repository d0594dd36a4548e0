/**
 * The app side of matching: the index built from the database and caught up by polling (fake
 * clock), the broker's ranked candidates (page, API, CLI: same order), filters, reasons in the
 * reader's language, "invite to offer" (outbox in the candidate's language, audit), and the
 * requester never listed.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { cliRanking as cliRankingOf, type CliMatch } from '../../../test/support/match-cli.ts';
import { createUser, signedInClient, type TestUser } from '../../../test/support/users.ts';
import { setupCycle, actorOf, ctxOf, type Cycle } from '../../../test/requests/fixtures.ts';
import { createApiToken } from '../accounts/accounts.tokens.ts';
import { organisations, people, memberships } from '../../db/schema/organisations.ts';
import { requests } from '../../db/schema/requests.ts';
import { expertiseCalls } from '../../db/schema/calls.ts';
import { rows } from '../../platform/db.ts';
import { createMatchStore, POLL_MS } from './matching.store.ts';
import { requestOfCall } from './matching.service.ts';
import { findCall } from './matching.repository.ts';
import type { TestClient } from '../../../test/support/app.ts';

let t: TestApp;
let cy: Cycle;
let callId: string;
let requestId: string;
let broker: TestClient;
let brokerToken: string;
let expertUser: TestUser;
const ids = {} as Record<'nlWaste' | 'frWaste' | 'esTourism' | 'ghWaste' | 'expert' | 'expertNoAccount', string>;

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
  // the requester's own organisation also knows about waste: it must never be proposed
  await t.db.update(organisations).set({ offers: 'Household waste collection with carts, sorting of waste', themes: ['waste_management'], languages: ['fr'] }).where(eq(organisations.id, cy.orgId));
  ids.nlWaste = await org('Almere Waste', 'NL', 'Household waste collection planning, route optimisation for waste trucks, recycling centres', { languages: ['en', 'nl'], themes: ['waste_management'], population: 220000 });
  ids.frWaste = await org('Rennes Déchets', 'FR', 'Collecte des déchets ménagers, tri sélectif, plan de collecte pour tous les quartiers', { languages: ['fr'], themes: ['waste_management'], population: 220000 });
  ids.ghWaste = await org('Tamale Sanitation', 'GH', 'Solid waste collection by community groups, transfer stations, waste pickers', { languages: ['en'], themes: ['waste_management'] });
  ids.esTourism = await org('Sevilla Turismo', 'ES', 'Promoción turística y patrimonio histórico', { languages: ['es'], themes: ['tourism'] });
  expertUser = await createUser(t, { locale: 'fr', name: 'Claire Martin' });
  ids.expert = randomUUID();
  await t.db.insert(people).values({ id: ids.expert, userId: expertUser.id, organisationId: ids.frWaste, name: 'Claire Martin', position: 'Responsable de la gestion des déchets', expertise: 'Plan de collecte des déchets ménagers, contrats avec les pré-collecteurs', languages: ['fr'], themes: ['waste_management'], createdAt: now, updatedAt: now });
  ids.expertNoAccount = randomUUID();
  await t.db.insert(people).values({ id: ids.expertNoAccount, organisationId: ids.ghWaste, name: 'Kwame Mensah', position: 'Waste manager', expertise: 'Waste collection routes, landfill management', languages: ['en'], themes: ['waste_management'], createdAt: now, updatedAt: now });
  // a selected request and its open call
  requestId = randomUUID();
  await t.db.insert(requests).values({
    id: requestId, programmeId: cy.programmeId, roundId: cy.roundId, organisationId: cy.orgId, createdBy: cy.requester.id, state: 'selected', title: 'Collecte des déchets',
    challenge: 'Les déchets ménagers ne sont pas collectés dans la moitié des secteurs et s’accumulent le long des routes.', objectives: 'Un plan de collecte pour tous les secteurs.',
    themes: ['waste_management'], languages: ['fr'], lastActionAt: now, createdAt: now, updatedAt: now,
  });
  callId = randomUUID();
  await t.db.insert(expertiseCalls).values({
    id: callId, requestId, programmeId: cy.programmeId, title: 'Plan de collecte des déchets ménagers', expertiseSought: 'Expérience de la planification de la collecte des déchets ménagers dans une ville moyenne',
    themes: ['waste_management'], formats: ['expert_assignment'], languages: ['fr', 'en'], deadline: new Date('2027-01-31T00:00:00Z'), state: 'open', publishedBy: cy.broker.id, publishedAt: now, updatedAt: now,
  });
  broker = await signedInClient(t, { id: cy.broker.id });
  brokerToken = (await createApiToken(ctxOf(t, cy.broker), 'script')).token;
});
after(() => t.close());


/** The CLI's order for the call, fed the database's profiles and the call as a request. */
async function cliOrder(extra: string[] = []): Promise<string[]> {
  return (await cliRanking(extra)).map((m) => `${m.type}:${m.id}`);
}

/** The CLI's ranking for the call (ids and scores), fed the database's profiles (as `loadAllProfiles` exports them) and the call as a request. */
async function cliRanking(extra: string[] = []): Promise<CliMatch[]> {
  return (await cliRankingOf(t.db, requestOfCall((await findCall(t.db, callId))!), t.clock.now(), extra)).matches;
}

const order = (body: string) => [...body.matchAll(/data-candidate="([^"]+)"/g)].map((m) => m[1]!);

test('store: built lazily from the database, catches up by polling (fake clock), a changed profile is upserted without a rebuild', async () => {
  t.clock.advance(120_000); // past the catch-up overlap of the rows written in before()
  const store = createMatchStore();
  const other = createMatchStore(); // a second process on the same database
  assert.equal(store.builtAt, null);
  const idx = await store.index(t.db, t.clock.now());
  assert.ok(idx.get(ids.nlWaste, 'organisation'));
  assert.equal(idx.get(ids.expert, 'person')?.organisation, ids.frWaste);
  await other.index(t.db, t.clock.now());
  const builtAt = store.builtAt;

  // a new organisation and a changed profile, written "by another process"
  t.clock.advance(1000);
  const id = await org('Gdańsk Odpady', 'PL', 'Composting of green waste', { languages: ['en'] });
  await t.db.update(organisations).set({ offers: 'Bicycle lanes and public transport', themes: ['mobility'], updatedAt: t.clock.now() }).where(eq(organisations.id, ids.esTourism));
  assert.equal((await store.index(t.db, t.clock.now())).get(id), undefined, 'not before the poll interval');
  t.clock.advance(POLL_MS);
  for (const s of [store, other]) {
    const i = await s.index(t.db, t.clock.now());
    assert.equal(i.get(id, 'organisation')?.name, 'Gdańsk Odpady');
    assert.equal(i.get(ids.esTourism, 'organisation')?.offers, 'Bicycle lanes and public transport');
    assert.ok(s.lastCatchUp >= 2 && s.lastCatchUp < 10, `caught up ${s.lastCatchUp} profiles, not a rebuild`);
  }
  assert.equal(store.builtAt, builtAt, 'no rebuild');
  const mobility = (await store.index(t.db, t.clock.now())).rank({ title: 'Bicycle lanes', description: 'We want safe bicycle lanes and better public transport' }, { top: 3 });
  assert.equal(mobility.matches[0]?.id, ids.esTourism);

  // last activity of a member counts as the organisation's
  t.clock.advance(POLL_MS);
  await t.db.insert(memberships).values({ id: randomUUID(), organisationId: ids.ghWaste, userId: cy.outsider.id, role: 'org_admin', status: 'active', origin: 'creation', createdAt: t.clock.now() });
  await t.db.execute(sql`update users set last_active_at = ${t.clock.now().toISOString()}::timestamptz where id = ${cy.outsider.id}`);
  t.clock.advance(POLL_MS);
  assert.equal((await store.index(t.db, t.clock.now())).get(ids.ghWaste, 'organisation')?.lastActiveAt, new Date(t.clock.now().getTime() - POLL_MS).toISOString());
});

test('the broker sees ranked candidates with reasons in their language; the requester is never listed', async () => {
  const res = await broker.get(`/fr/calls/${callId}/candidates`);
  assert.equal(res.status, 200);
  const got = order(res.body_);
  assert.ok(got.length >= 4, res.body_);
  assert.ok(!got.includes(`organisation:${cy.orgId}`), 'requester never listed');
  assert.ok(got.indexOf(`organisation:${ids.frWaste}`) < got.indexOf(`organisation:${ids.esTourism}`) || !got.includes(`organisation:${ids.esTourism}`));
  assert.match(res.body_, /Gestion des déchets|gestion des déchets/i);
  assert.match(res.body_, /correspond à «\u202f/);
  assert.match(res.body_, /travaille en français/);
  assert.match(res.body_, /Inviter à faire une offre/);
  assert.match(res.body_, /Aucun compte à prévenir/, 'the expert without an account cannot be invited');
  // the offers page links to it
  assert.match((await broker.get(`/calls/${callId}/offers`)).body_, new RegExp(`/calls/${callId}/candidates`));
  // every reason kind is translated in every language (no raw key shown)
  for (const l of ['en', 'es', 'pt', 'ar']) assert.doesNotMatch((await broker.get(`/${l}/calls/${callId}/candidates`)).body_, /matching\.(reason|candidates)\./, l);
});

test('filters: type, country, working language (hard); bad filters answer 400; not staff: 404', async () => {
  const people = order((await broker.get(`/calls/${callId}/candidates?type=person`)).body_);
  assert.ok(people.length >= 2 && people.every((k) => k.startsWith('person:')));
  assert.deepEqual(order((await broker.get(`/calls/${callId}/candidates?country=nl`)).body_), [`organisation:${ids.nlWaste}`]);
  const lang = order((await broker.get(`/calls/${callId}/candidates?language=on`)).body_);
  assert.ok(!lang.includes(`organisation:${ids.esTourism}`), 'Spanish only: filtered out');
  assert.ok(lang.includes(`organisation:${ids.frWaste}`));
  const bad = await broker.get(`/calls/${callId}/candidates?type=robot&colour=red`);
  assert.equal(bad.status, 400);
  assert.match(bad.body_, /error-summary/);
  const member = await signedInClient(t, { id: cy.requester.id });
  assert.equal((await member.get(`/calls/${callId}/candidates`)).status, 404);
  assert.equal((await broker.get(`/calls/${randomUUID()}/candidates`)).status, 404);
  assert.equal((await t.client().request('GET', `/api/v1/calls/${callId}/candidates`)).status, 401);
});

test('contract: page, API and CLI give the same order on the same data', async () => {
  t.clock.advance(POLL_MS);
  const pageBody = (await broker.get(`/calls/${callId}/candidates?top=20`)).body_;
  const page = order(pageBody);
  const api = await t.client().request('GET', `/api/v1/calls/${callId}/candidates?top=20`, { headers: { Authorization: `Bearer ${brokerToken}` } });
  assert.equal(api.status, 200);
  const apiBody = JSON.parse(api.body_) as { translation: string | null; candidates: { type: string; id: string; score: number; reasons: { code: string }[] }[] };
  // no translation engine here: no machine translation used or awaited, and the page says nothing of one
  assert.equal(apiBody.translation, null);
  assert.doesNotMatch(pageBody, /data-translation=/);
  assert.deepEqual(apiBody.candidates.map((m) => `${m.type}:${m.id}`), page);
  assert.ok(apiBody.candidates.every((m) => m.score > 0 && m.score <= 1 && m.reasons.length > 0));

  // the same scores, not only the same order (near ties must not order differently): the CLI reads the
  // organisations' open requests (\`needs\`) as the app's index does, so both see the same document frequencies
  const cli = await cliRanking();
  assert.deepEqual(cli.map((m) => `${m.type}:${m.id}`), page);
  assert.deepEqual(cli.map((m) => [`${m.type}:${m.id}`, m.score]), apiBody.candidates.map((m) => [`${m.type}:${m.id}`, m.score]));
  assert.ok(cli.some((m) => m.score !== Math.round(m.score * 1000) / 1000), 'four decimals, as the API gives them');
});

test('invite to offer: the candidate is told in their language through the outbox, and it is audited', async () => {
  const res = await broker.post(`/calls/${callId}/candidates/invite`, { type: 'person', id: ids.expert, f_type: 'person' });
  assert.equal(res.status, 303);
  assert.match(res.headers.get('location') ?? '', new RegExp(`/calls/${callId}/candidates\\?type=person$`));
  const mail = await rows<{ subject: string; body: string; kind: string }>(t.db, sql`select subject, body, kind from notification_outbox where user_id = ${expertUser.id}`);
  assert.equal(mail.length, 1);
  assert.equal(mail[0]!.kind, 'match_invitation');
  assert.match(mail[0]!.subject, /Vous êtes invité à proposer votre expertise\u202f: Plan de collecte/);
  assert.match(mail[0]!.body, new RegExp(`/calls/${callId}`));
  const audited = await rows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_log where action = 'matching.invite' and object_id = ${ids.expert} and actor_id = ${cy.broker.id}`);
  assert.equal(audited[0]!.n, 1);
  // an organisation: its admins; the requester's own organisation and a candidate with no account are refused
  const api = (json: unknown) => t.client().request('POST', `/api/v1/calls/${callId}/candidates/invite`, { json, headers: { Authorization: `Bearer ${brokerToken}` } });
  const okOrg = await api({ type: 'organisation', id: ids.ghWaste });
  assert.equal(okOrg.status, 200, okOrg.body_);
  assert.equal(JSON.parse(okOrg.body_).notified, 1);
  assert.equal(JSON.parse((await api({ type: 'organisation', id: cy.orgId })).body_).error.code, 'own_organisation');
  assert.equal(JSON.parse((await api({ type: 'person', id: ids.expertNoAccount })).body_).error.code, 'no_account');
  assert.equal((await api({ type: 'person', id: 'x' })).status, 400);
  // not staff: 404, nothing sent
  const member = await signedInClient(t, { id: cy.requester.id });
  assert.equal((await member.post(`/calls/${callId}/candidates/invite`, { type: 'person', id: ids.expert })).status, 404);
  const after = await rows<{ n: number }>(t.db, sql`select count(*)::int as n from notification_outbox where kind = 'match_invitation'`);
  assert.equal(after[0]!.n, 2);
  void actorOf;
});

test('the OpenAPI document describes the matching API routes, and serves them', async () => {
  const { matchingApiRoutes, matchingOperations } = await import('./matching.api.ts');
  const doc = JSON.parse((await t.client().get('/api/v1/openapi.json')).body_) as { paths: Record<string, Record<string, { operationId: string }>> };
  const api = matchingApiRoutes()
    .routes.filter((r) => r.method !== 'ALL')
    .map((r) => [r.method.toLowerCase(), r.path.replace(/:(\w+)/g, '{$1}')] as const);
  assert.equal(api.length, 4);
  assert.deepEqual(api.filter(([m, p]) => !doc.paths[p]?.[m]), []);
  assert.deepEqual(matchingOperations.map((o) => doc.paths[o.path.replace(/:(\w+)/g, '{$1}')]?.[o.method]?.operationId), matchingOperations.map((o) => o.operationId));
});

test('opportunities for you: open calls ranked for a member’s profile and for an organisation its admin looks after', async () => {
  // Claire (expert, French account) sees the open call, with reasons in her language
  const claire = await signedInClient(t, expertUser);
  const mine = await claire.get('/opportunities');
  assert.equal(mine.status, 200);
  assert.match(mine.body_, new RegExp(`data-call="${callId}"`));
  assert.match(mine.body_, /Opportunités pour vous/);
  assert.match(mine.body_, /correspond à «\u202f/);
  // her person page links to it
  assert.match((await claire.get(`/people/${ids.expert}`)).body_, /href="[^"]*\/opportunities"/);

  // a call past its deadline is no opportunity
  const now = t.clock.now();
  const closedReq = randomUUID();
  await t.db.insert(requests).values({ id: closedReq, programmeId: cy.programmeId, roundId: cy.roundId, organisationId: ids.esTourism, createdBy: cy.requester.id, state: 'selected', title: 'x', lastActionAt: now, createdAt: now, updatedAt: now });
  const closedCall = randomUUID();
  await t.db.insert(expertiseCalls).values({ id: closedCall, requestId: closedReq, programmeId: cy.programmeId, title: 'Collecte des déchets ménagers (fermé)', expertiseSought: 'Plan de collecte des déchets ménagers', themes: ['waste_management'], languages: ['fr'], deadline: new Date(now.getTime() - 1000), state: 'open', publishedBy: cy.broker.id, publishedAt: now, updatedAt: now });
  assert.doesNotMatch((await claire.get('/opportunities')).body_, new RegExp(closedCall));

  // an organisation, for its admin; the organisation's own call is never an opportunity for it
  await t.db.update(organisations).set({ offers: 'Household waste collection planning and recycling', themes: ['waste_management'], languages: ['en', 'fr'] }).where(eq(organisations.id, cy.providerOrgId));
  const admin = await signedInClient(t, { id: cy.providerAdmin.id });
  const forOrg = await admin.get(`/opportunities?organisation=${cy.providerOrgId}`);
  assert.equal(forOrg.status, 200);
  assert.match(forOrg.body_, new RegExp(`data-call="${callId}"`));
  assert.match((await admin.get(`/organisations/${cy.providerOrgId}`)).body_, new RegExp(`/opportunities\\?organisation=${cy.providerOrgId}`));
  assert.equal((await admin.get(`/opportunities?organisation=${cy.orgId}`)).status, 404, 'not their organisation');
  assert.doesNotMatch((await broker.get(`/opportunities?organisation=${cy.orgId}`)).body_, new RegExp(`data-call="${callId}"`));
  // no profile yet: a pointer to the profile form
  const requester = await signedInClient(t, { id: cy.requester.id });
  assert.match((await requester.get('/opportunities')).body_, /\/people\/me/);
  assert.equal((await t.client().get('/opportunities')).status, 303);
});

test('round planner: the optimal plan for the round’s open calls; the broker forbids and fixes pairs, then confirms (invitations)', async () => {
  const ranked = order((await broker.get(`/calls/${callId}/candidates`)).body_);
  const pairs = (body: string) => [...body.matchAll(/data-pair="([^"]+)"/g)].map((m) => m[1]!);
  const plan = await broker.get(`/en/rounds/${cy.roundId}/plan`);
  assert.equal(plan.status, 200);
  // one open call (the other is past its deadline), one candidate needed: the optimum is the best-ranked candidate
  assert.deepEqual(pairs(plan.body_), [`${callId}|${ranked[0]}`]);
  assert.match(plan.body_, /Total score of the plan/);
  // forbidding it proposes the next one
  const forbidden = await broker.get(`/en/rounds/${cy.roundId}/plan?forbid=${encodeURIComponent(`${callId}|${ranked[0]}`)}`);
  assert.deepEqual(pairs(forbidden.body_), [`${callId}|${ranked[1]}`]);
  assert.match(forbidden.body_, /Forbidden pairs/);
  // fixing Claire keeps her, marked as fixed
  const claireKey = `person:${ids.expert}`;
  const fixed = await broker.get(`/fr/rounds/${cy.roundId}/plan?fix=${encodeURIComponent(`${callId}|${claireKey}`)}`);
  assert.deepEqual(pairs(fixed.body_), [`${callId}|${claireKey}`]);
  assert.match(fixed.body_, /\(fixé\)/);
  // the round page links to the planner
  assert.match((await broker.get(`/admin/programmes/${cy.programmeId}/rounds/${cy.roundId}`)).body_, new RegExp(`/rounds/${cy.roundId}/plan`));
  // confirm: the proposed candidate is invited (outbox), each invitation audited
  const before = await rows<{ n: number }>(t.db, sql`select count(*)::int as n from notification_outbox where user_id = ${expertUser.id}`);
  const confirmed = await broker.post(`/rounds/${cy.roundId}/plan`, { pair: `${callId}|${claireKey}` });
  assert.equal(confirmed.status, 303);
  const afterRows = await rows<{ n: number }>(t.db, sql`select count(*)::int as n from notification_outbox where user_id = ${expertUser.id}`);
  assert.equal(afterRows[0]!.n, before[0]!.n + 1);
  // bad settings: 400 with the error summary; not staff: 404
  const bad = await broker.get(`/rounds/${cy.roundId}/plan?personCapacity=0`);
  assert.equal(bad.status, 400);
  assert.match(bad.body_, /error-summary/);
  const member = await signedInClient(t, { id: cy.requester.id });
  assert.equal((await member.get(`/rounds/${cy.roundId}/plan`)).status, 404);
  assert.equal((await member.post(`/rounds/${cy.roundId}/plan`, { pair: `${callId}|${claireKey}` })).status, 404);
});

test('matching pages stay within budget (50 KB gzip, one h1, lang) in every language, and hostile profile text is inert', async () => {
  const { gzipSync } = await import('node:zlib');
  await t.db.update(organisations).set({ name: '<script>alert(1)</script> Waste', updatedAt: t.clock.now() }).where(eq(organisations.id, ids.nlWaste));
  t.clock.advance(POLL_MS);
  const claire = await signedInClient(t, expertUser);
  for (const l of ['en', 'fr', 'es', 'pt', 'ar']) {
    for (const [who, path] of [[broker, `/calls/${callId}/candidates`], [broker, `/rounds/${cy.roundId}/plan`], [claire, '/opportunities']] as const) {
      const res = await who.get(`/${l}${path}`);
      assert.equal(res.status, 200, `${l}${path}`);
      assert.equal((res.body_.match(/<h1[\s>]/g) ?? []).length, 1, `${l}${path}: one h1`);
      assert.match(res.body_, new RegExp(`<html lang="${l}"`));
      assert.ok(gzipSync(res.body_).length <= 50 * 1024, `${l}${path}`);
      assert.doesNotMatch(res.body_, /<script>alert/);
    }
  }
  assert.match((await broker.get(`/en/calls/${callId}/candidates`)).body_, /&lt;script&gt;alert\(1\)&lt;\/script&gt; Waste/);
});

test('past exchanges and the host’s evaluation reach the index (catch-up) and show as a reason', async () => {
  const store = createMatchStore();
  await store.index(t.db, t.clock.now());
  t.clock.advance(120_000);
  const now = t.clock.now().toISOString();
  const [offerId, matchId, exchangeId, qid, questionId, evalId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  await t.db.execute(sql`insert into offers (id, call_id, offered_by, organisation_id, state, created_at, updated_at) values (${offerId}, ${callId}, ${cy.providerAdmin.id}, ${cy.providerOrgId}, 'matched', ${now}, ${now})`);
  await t.db.execute(sql`insert into matches (id, call_id, offer_id, state, proposed_by, proposed_at, requester_confirmed_at, provider_confirmed_at, updated_at) values (${matchId}, ${callId}, ${offerId}, 'confirmed', ${cy.broker.id}, ${now}, ${now}, ${now}, ${now})`);
  await t.db.execute(sql`insert into exchanges (id, match_id, programme_id, request_id, host_organisation_id, peer_organisation_id, peer_user_id, title, format, state, start_date, end_date, checklist, created_by, created_at, updated_at)
    values (${exchangeId}, ${matchId}, ${cy.programmeId}, ${requestId}, ${cy.orgId}, ${cy.providerOrgId}, ${cy.providerAdmin.id}, 'Waste plan', 'expert_assignment', 'evaluated', '2025-03-01', '2025-03-10', '{}'::jsonb, ${cy.broker.id}, ${now}, ${now})`);
  await t.db.execute(sql`insert into questionnaires (id, programme_id, stage, title, created_by, created_at) values (${qid}, ${cy.programmeId}, 'after', 'After', ${cy.broker.id}, ${now})`);
  await t.db.execute(sql`insert into questionnaire_questions (id, questionnaire_id, position, kind, label) values (${questionId}, ${qid}, 1, 'scale', 'Useful?'), (${randomUUID()}, ${qid}, 2, 'text', 'Why?')`);
  await t.db.execute(sql`insert into evaluations (id, exchange_id, questionnaire_id, stage, side, sent_at, last_reminded_at) values (${evalId}, ${exchangeId}, ${qid}, 'after', 'host', ${now}, ${now})`);
  await t.db.execute(sql`insert into evaluation_answers (evaluation_id, answers, answered_by, at) values (${evalId}, ${JSON.stringify({ [questionId]: 4 })}::jsonb, ${cy.requester.id}, ${now})`);
  t.clock.advance(POLL_MS);
  const idx = await store.index(t.db, t.clock.now());
  assert.deepEqual(idx.get(cy.providerOrgId, 'organisation')?.pastExchanges, [{ year: 2025, theme: 'waste_management', rating: 4 }]);
  assert.ok(store.lastCatchUp < 10, 'caught up, not rebuilt');
  assert.match((await broker.get(`/en/calls/${callId}/candidates`)).body_, /similar exchange in 2025 \(rated 4\/5\)/);
});

test('weights per programme (programmes.match_weights) change the ranking the same way on the page, the API and the CLI; bad stored values are ignored', async () => {
  t.clock.advance(POLL_MS);
  const weights = { text: 0.05, concepts: 0.05, themes: 0.05, job: 0, language: 1, context: 0.5, history: 0, availability: 0, diversity: 0 };
  await t.db.execute(sql`update programmes set match_weights = ${JSON.stringify({ ...weights, bogus: 3 })}::jsonb where id = ${cy.programmeId}`);
  const page = order((await broker.get(`/calls/${callId}/candidates?top=20`)).body_);
  const api = JSON.parse((await t.client().request('GET', `/api/v1/calls/${callId}/candidates?top=20`, { headers: { Authorization: `Bearer ${brokerToken}` } })).body_) as { candidates: { type: string; id: string; score: number }[] };
  assert.deepEqual(api.candidates.map((m) => `${m.type}:${m.id}`), page);
  assert.deepEqual((await cliRanking(['--weights', JSON.stringify(weights)])).map((m) => [`${m.type}:${m.id}`, m.score]), api.candidates.map((m) => [`${m.type}:${m.id}`, m.score]));
  assert.deepEqual(await cliOrder(['--weights', JSON.stringify(weights)]), page);
  assert.notDeepEqual(await cliOrder(), page, 'the programme weights changed the order');
  await t.db.execute(sql`update programmes set match_weights = '{"text": -1, "concepts": "x"}'::jsonb where id = ${cy.programmeId}`);
  assert.deepEqual(order((await broker.get(`/calls/${callId}/candidates?top=20`)).body_), await cliOrder(), 'invalid weights: the defaults');
  await t.db.execute(sql`update programmes set match_weights = '{}'::jsonb where id = ${cy.programmeId}`);
});
