/**
 * A case drafted by the secretariat (as from an exchange) is handed to an association: the
 * secretariat's form offers every association as owner; once given, that association's admin
 * edits and publishes it, an admin of another association still gets 404.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { asRole } from '../../../test/support/users.ts';
import { organisations, memberships } from '../../db/schema/organisations.ts';
import { goodPractices } from '../../db/schema/knowledge.ts';

let t: TestApp;
const assoc = { mine: randomUUID(), other: randomUUID() };

before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  const now = t.clock.now();
  await t.db.insert(organisations).values([
    { id: assoc.mine, name: 'Association of Handover Towns', kind: 'association', country: 'NL', region: 'europe', createdAt: now, updatedAt: now },
    { id: assoc.other, name: 'Other Association', kind: 'association', country: 'BE', region: 'europe', createdAt: now, updatedAt: now },
    { id: randomUUID(), name: 'Not An Association', kind: 'municipality', country: 'BE', region: 'europe', createdAt: now, updatedAt: now },
  ]);
});
after(() => t.close());

async function adminOf(orgId: string) {
  const r = await asRole(t, []);
  await t.db.insert(memberships).values({ id: randomUUID(), organisationId: orgId, userId: r.user.id, role: 'org_admin', status: 'active', origin: 'creation', createdAt: t.clock.now() });
  return r.client;
}

const draft = {
  lang: 'en',
  title: 'Joint sanitation planning',
  summary: 'Every local actor on one plan.',
  problem: 'Actors never planned together.',
  solution: 'A stakeholder platform run by the health unit.',
  results: 'A plan adopted by the council.',
  themes: ['sanitation'],
};

test('the secretariat hands its draft to an association, whose admin edits and publishes it', async () => {
  const broker = (await asRole(t, ['broker'])).client;
  const created = await broker.post('/good-practices', draft);
  assert.equal(created.status, 303);
  const id = /\/good-practices\/([0-9a-f-]{36})/.exec(created.headers.get('location') ?? '')![1]!;
  assert.equal((await t.db.select().from(goodPractices).where(eq(goodPractices.id, id)))[0]!.ownerOrganisationId, null, "the secretariat's own draft");

  const form = await broker.get(`/en/good-practices/${id}/edit`);
  assert.equal(form.status, 200);
  assert.match(form.body_, /name="ownerOrganisationId"/);
  assert.match(form.body_, /Association of Handover Towns/);
  assert.match(form.body_, /Other Association/);
  assert.doesNotMatch(form.body_, /Not An Association/, 'only associations are offered');

  const mine = await adminOf(assoc.mine);
  const other = await adminOf(assoc.other);
  assert.equal((await mine.get(`/en/good-practices/${id}/edit`)).status, 404, 'not theirs yet');

  assert.equal((await broker.post(`/good-practices/${id}/edit`, { ...draft, ownerOrganisationId: assoc.mine })).status, 303);
  assert.equal((await t.db.select().from(goodPractices).where(eq(goodPractices.id, id)))[0]!.ownerOrganisationId, assoc.mine);

  const mineForm = await mine.get(`/en/good-practices/${id}/edit`);
  assert.equal(mineForm.status, 200);
  assert.doesNotMatch(mineForm.body_, /Other Association/, 'an association admin chooses only among their own');
  assert.equal((await other.get(`/en/good-practices/${id}/edit`)).status, 404);
  assert.equal((await mine.post(`/good-practices/${id}/edit`, { ...draft, approach: 'short_term_expertise_exchange', transferability: 'Any town with a health unit.' })).status, 303);
  assert.equal((await other.post(`/good-practices/${id}/publish`)).status, 404);
  assert.equal((await mine.post(`/good-practices/${id}/publish`)).status, 303);
  const row = (await t.db.select().from(goodPractices).where(eq(goodPractices.id, id)))[0]!;
  assert.equal(row.state, 'published');
  assert.equal(row.ownerOrganisationId, assoc.mine, 'the association keeps it');
  const library = await t.client().get('/en/good-practices?q=sanitation+planning');
  assert.match(library.body_, /Joint sanitation planning/);
});
