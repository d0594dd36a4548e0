/**
 * The form of a programme's matching weights (/admin/programmes/:id/weights): a broker saves
 * weights and the candidates ranking of a call of that programme follows them; reset to the
 * defaults; bad input gives 400 with errors per field in the reader's language and stores
 * nothing; members and committee get 404 and change nothing; saves are audited.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { eq, and } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.ts';
import { signedInClient, asRole } from '../../../test/support/users.ts';
import { setupCycle, type Cycle } from '../../../test/requests/fixtures.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { requests } from '../../db/schema/requests.ts';
import { expertiseCalls } from '../../db/schema/calls.ts';
import { programmes } from '../../db/schema/programmes.ts';
import { auditLog } from '../../db/schema/platform.ts';
import { programmeWeights } from './matching.service.ts';

let t: TestApp;
let cy: Cycle;
let callId: string;
let broker: TestClient;
const ids = {} as Record<'textMatch' | 'themeMatch', string>;

async function org(name: string, country: string, offers: string, extra: Partial<typeof organisations.$inferInsert> = {}) {
  const id = randomUUID();
  const now = t.clock.now();
  await t.db.insert(organisations).values({ id, name, country, region: 'europe', kind: 'municipality', offers, themes: [], languages: [], createdAt: now, updatedAt: now, ...extra });
  return id;
}

const stored = async () => (await t.db.select({ w: programmes.matchWeights }).from(programmes).where(eq(programmes.id, cy.programmeId)))[0]!.w;
const order = (body: string) => [...body.matchAll(/data-candidate="([^"]+)"/g)].map((m) => m[1]!);
const weightsUrl = () => `/admin/programmes/${cy.programmeId}/weights`;

before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  cy = await setupCycle(t);
  const now = t.clock.now();
  // One candidate says in words what the call asks; the other only shares its theme and working language.
  ids.textMatch = await org('Almere Waste', 'NL', 'Household waste collection planning for every district, collection routes for waste trucks, household waste', { languages: ['nl'] });
  ids.themeMatch = await org('Tarragona Ciutat', 'ES', 'City services and public works', { languages: ['fr'], themes: ['waste_management'] });
  const requestId = randomUUID();
  await t.db.insert(requests).values({
    id: requestId, programmeId: cy.programmeId, roundId: cy.roundId, organisationId: cy.orgId, createdBy: cy.requester.id, state: 'selected', title: 'Household waste collection',
    challenge: 'Household waste is not collected in half of the districts.', objectives: 'A household waste collection plan for every district.',
    themes: ['waste_management'], languages: ['fr'], lastActionAt: now, createdAt: now, updatedAt: now,
  });
  callId = randomUUID();
  await t.db.insert(expertiseCalls).values({
    id: callId, requestId, programmeId: cy.programmeId, title: 'Household waste collection planning', expertiseSought: 'Experience of planning household waste collection routes in every district',
    themes: ['waste_management'], formats: ['expert_assignment'], languages: ['fr'], deadline: new Date('2027-01-31T00:00:00Z'), state: 'open', publishedBy: cy.broker.id, publishedAt: now, updatedAt: now,
  });
  broker = await signedInClient(t, { id: cy.broker.id });
});
after(() => t.close());

test('broker sees the form with the defaults, saves weights in one update, and the candidates ranking follows them', async () => {
  const form = await broker.get(weightsUrl());
  assert.equal(form.status, 200);
  assert.match(form.body_, /<h1>Matching weights<\/h1>/);
  assert.match(form.body_, /name="concepts" type="text" value="0.3"/);
  assert.match(form.body_, /uses the default weights/);
  assert.match((await broker.get(`/admin/programmes/${cy.programmeId}`)).body_, new RegExp(`href="/en${weightsUrl()}"`));

  const before = order((await broker.get(`/calls/${callId}/candidates`)).body_);
  assert.equal(before[0], `organisation:${ids.textMatch}`, 'by default the words of the text win');

  // Only themes and working language count: the other candidate comes first.
  const res = await broker.post(weightsUrl(), { text: '0', concepts: '0', themes: '10', job: '0', language: '10', context: '0', history: '0', availability: '0', diversity: '0' });
  assert.equal(res.status, 303);
  assert.deepEqual(await stored(), { text: 0, concepts: 0, themes: 10, job: 0, language: 10, context: 0, history: 0, availability: 0, diversity: 0 });
  assert.deepEqual(await programmeWeights(t.db, cy.programmeId), { text: 0, concepts: 0, themes: 10, job: 0, language: 10, context: 0, history: 0, availability: 0, diversity: 0 });
  const after = order((await broker.get(`/calls/${callId}/candidates`)).body_);
  assert.equal(after[0], `organisation:${ids.themeMatch}`);
  assert.ok(after.indexOf(`organisation:${ids.textMatch}`) > 0);

  const again = await broker.get(weightsUrl());
  assert.match(again.body_, /name="themes" type="text" value="10"/);
  assert.match(again.body_, /has its own weights/);
  const log = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'programme.weights.update'), eq(auditLog.objectId, cy.programmeId)));
  assert.equal(log.length, 1);
  assert.equal(log[0]!.actorId, cy.broker.id);
});

test('an empty field means the default; a decimal comma is read; reset to defaults clears them (audited)', async () => {
  const res = await broker.post(weightsUrl(), { text: '0,5', concepts: '', themes: '0.1', job: '', language: '', context: '', history: '', availability: '', diversity: '' });
  assert.equal(res.status, 303);
  assert.deepEqual(await stored(), { text: 0.5, themes: 0.1 });
  assert.equal((await broker.post(`${weightsUrl()}/reset`, {})).status, 303);
  assert.deepEqual(await stored(), {});
  assert.match((await broker.get(`/en${weightsUrl()}`)).body_, /The default weights apply again\./);
  assert.equal(order((await broker.get(`/calls/${callId}/candidates`)).body_)[0], `organisation:${ids.textMatch}`);
  const log = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'programme.weights.reset'), eq(auditLog.objectId, cy.programmeId)));
  assert.equal(log.length, 1);
});

test('bad input: 400 with errors per field in the reader\'s language, what was typed kept, nothing stored', async () => {
  await broker.post(weightsUrl(), { text: '1', concepts: '2' });
  const res = await broker.post(`/fr${weightsUrl()}`, { text: 'beaucoup', concepts: '11', themes: '-1', job: '0.2' });
  assert.equal(res.status, 400);
  assert.match(res.body_, /error-summary/);
  assert.match(res.body_, /Mots du texte ?: Saisissez un nombre, par exemple 0,25\./);
  assert.match(res.body_, /Concepts communs ?: Saisissez un nombre de 0 à 10\./);
  assert.match(res.body_, /href="#f-themes"/);
  assert.doesNotMatch(res.body_, /href="#f-job"/);
  assert.match(res.body_, /name="text" type="text" value="beaucoup"/);
  assert.match(res.body_, /name="concepts" type="text" value="11"/);
  assert.match(res.body_, /name="job" type="text" value="0.2"/);
  assert.deepEqual(await stored(), { text: 1, concepts: 2 }, 'nothing stored');
  const zero = await broker.post(`/en${weightsUrl()}`, { text: '0', concepts: '0', themes: '0', job: '0', language: '0', context: '0', history: '0', availability: '0', diversity: '0' });
  assert.equal(zero.status, 400);
  assert.match(zero.body_, /At least one weight must be above 0\./);
  assert.deepEqual(await stored(), { text: 1, concepts: 2 });
});

test('members and committee get 404 and change nothing', async () => {
  for (const roles of [[], ['committee']] as const) {
    const { client } = await asRole(t, [...roles]);
    assert.equal((await client.get(weightsUrl())).status, 404);
    assert.equal((await client.post(weightsUrl(), { text: '9' })).status, 404);
    assert.equal((await client.post(`${weightsUrl()}/reset`, {})).status, 404);
  }
  assert.deepEqual(await stored(), { text: 1, concepts: 2 });
  assert.equal((await broker.get('/admin/programmes/00000000-0000-4000-8000-000000000000/weights')).status, 404);
});
