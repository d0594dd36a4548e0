/**
 * Relevance order in directory search uses the matching engine's concepts: a French query finds an
 * English profile by concept and ranks a profile about the subject above one naming it in passing;
 * accents do not matter; the order is stable; the API gives the page's order; every save path
 * (the form service, the API, imports) writes the concepts, and rows written by hand get them from
 * the refresh (server start, `reindex-concepts`).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { createUser } from '../../../test/support/users.ts';
import { createOrganisation as insertOrganisationRow, createPerson as insertPersonRow } from '../../../test/support/organisations.ts';
import { organisations, people } from '../../db/schema/organisations.ts';
import { createOrganisation, updateOrganisation, searchOrganisations, refreshDirectoryConcepts } from './organisations.service.ts';
import { saveMyProfile, searchPeople } from './people.service.ts';
import { importOrganisations, importPeople } from '../imports/imports.service.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { ServiceCtx } from '../../platform/http.ts';

let t: TestApp;
let actorCtx: () => ServiceCtx;
const visitor = (): ServiceCtx => ({ db: t.db, actor: null, locale: 'en', now: t.clock.now() });
const ids: Record<string, string> = {};

const IN_PASSING =
  "La commune rénove l'éclairage public et isole les écoles et les bâtiments municipaux; elle forme ses agents à la maintenance des installations solaires, " +
  'suit les consommations de chaque bâtiment, publie un bilan annuel et accompagne les associations de quartier; le dépôt municipal reçoit aussi quelques déchets.';

before(async () => {
  t = await createTestApp();
  const user = await createUser(t, { name: 'Directory Editor' });
  actorCtx = () => ({ db: t.db, actor: { id: user.id, name: user.name, email: user.email, locale: 'en', roles: [], coordinatorRegions: [], hasTotp: false }, locale: 'en', now: t.clock.now() });
  // Created through the service (the form and the API use it).
  ids.kumasi = (await createOrganisation(actorCtx(), { name: 'Kumasi Metropolitan Assembly', kind: 'municipality', country: 'GH', languages: ['en'], offers: 'Solid waste collection: door-to-door collection rounds, garbage trucks and household waste for 400,000 residents.' })).id;
  ids.passing = (await createOrganisation(actorCtx(), { name: 'Arlon', kind: 'municipality', country: 'BE', languages: ['fr'], offers: IN_PASSING })).id;
  ids.lighting = (await createOrganisation(actorCtx(), { name: 'Aarhus', kind: 'municipality', country: 'DK', languages: ['en'], offers: 'LED street lighting and energy efficiency of schools.' })).id;
  // Two profiles with the same text: their order is by name, then id.
  ids.twinB = (await createOrganisation(actorCtx(), { name: 'Twin B', kind: 'municipality', country: 'GM', languages: ['en'], offers: 'Landfill management and a transfer station.' })).id;
  ids.twinA = (await createOrganisation(actorCtx(), { name: 'Twin A', kind: 'municipality', country: 'GM', languages: ['en'], offers: 'Landfill management and a transfer station.' })).id;
});
after(() => t.close());

const names = async (q: Record<string, string>) => (await searchOrganisations(visitor(), q)).items.map((o) => o.name);

test('a French query finds an English profile by concept and ranks it above a profile naming the word in passing', async () => {
  const found = await names({ q: 'déchets' });
  assert.ok(found.includes('Kumasi Metropolitan Assembly'), 'the English profile about solid waste is found from French');
  assert.ok(found.includes('Arlon'), 'the profile naming "déchets" is found too');
  assert.ok(found.indexOf('Kumasi Metropolitan Assembly') < found.indexOf('Arlon'), `about waste before in passing: ${found.join(', ')}`);
  assert.ok(!found.includes('Aarhus'), 'a profile about something else is not found');
  // The other way round, and from Spanish and Portuguese.
  assert.equal((await names({ q: 'waste collection' }))[0], 'Kumasi Metropolitan Assembly');
  assert.ok((await names({ q: 'recolección de basura' })).includes('Kumasi Metropolitan Assembly'));
  assert.ok((await names({ q: 'aterro sanitário' })).includes('Twin A'), 'Portuguese "aterro" finds an English landfill');
});

test('accents do not matter, and the order is stable (ties by name, then id)', async () => {
  const accented = await names({ q: 'déchets' });
  assert.deepEqual(await names({ q: 'dechets' }), accented);
  assert.deepEqual(await names({ q: 'DÉCHETS' }), accented);
  const landfill = await names({ q: 'décharge' });
  assert.deepEqual(landfill.slice(0, 2), ['Twin A', 'Twin B'], 'same text, same score: by name');
  for (let i = 0; i < 3; i++) assert.deepEqual(await names({ q: 'décharge' }), landfill);
});

test('relevance is the default with a query; the other sort keys still work; an unknown one is refused', async () => {
  assert.deepEqual(await names({ q: 'déchets', sort: 'relevance' }), await names({ q: 'déchets' }));
  const byName = await names({ q: 'déchets', sort: 'name' });
  assert.deepEqual(byName, [...byName].sort((a, b) => a.localeCompare(b, 'en')));
  assert.ok(byName.includes('Kumasi Metropolitan Assembly'), 'the concept match is found in every order');
  assert.equal((await names({ q: 'déchets', sort: 'newest' })).length, byName.length);
  await assert.rejects(searchOrganisations(visitor(), { q: 'déchets', sort: 'score' }), ValidationError);
  assert.equal((await t.client().get('/api/v1/organisations?q=d%C3%A9chets&sort=score')).status, 400);
  // A query the thesaurus does not know is plain text search, as before.
  assert.deepEqual(await names({ q: 'Aarhus' }), ['Aarhus']);
});

test('the API and the page give the same order', async () => {
  for (const q of ['déchets', 'waste', 'décharge']) {
    const api = await t.client().get(`/api/v1/organisations?q=${encodeURIComponent(q)}`);
    assert.equal(api.status, 200);
    const apiIds = (JSON.parse(api.body_).items as { id: string }[]).map((i) => i.id);
    const page = await t.client().get(`/en/organisations?q=${encodeURIComponent(q)}`);
    const pageIds = [...page.body_.matchAll(/<li class="card"><h2><a href="\/en\/organisations\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
    assert.ok(apiIds.length >= 2, q);
    assert.deepEqual(pageIds, apiIds, q);
  }
});

test('an update analyses the text again', async () => {
  await updateOrganisation(actorCtx(), ids.lighting!, { offers: 'Composting of green waste from parks.' });
  assert.ok((await names({ q: 'compostage' })).includes('Aarhus'));
  await updateOrganisation(actorCtx(), ids.lighting!, { offers: 'LED street lighting and energy efficiency of schools.' });
  assert.ok(!(await names({ q: 'compostage' })).includes('Aarhus'));
  assert.ok((await names({ q: 'éclairage public' })).includes('Aarhus'));
});

test('imported organisations and people get concepts', async () => {
  const ctx = { db: t.db, actor: 'cli' as const, now: t.clock.now() };
  const orgs = await importOrganisations(ctx, {
    source: Readable.from([`${JSON.stringify({ id: 'imp-tema', name: 'Tema Imported', kind: 'municipality', country: 'GH', languages: ['en'], offers: 'Faecal sludge treatment and pit emptying services.' })}\n`]),
    format: 'jsonl',
  });
  assert.ok(orgs.ok && orgs.report.inserted === 1);
  const [row] = await t.db.select().from(organisations).where(eq(organisations.externalId, 'imp-tema'));
  assert.ok(row!.concepts.includes('sanitation/fsm'), row!.concepts.join(','));
  assert.equal(row!.conceptWeights.length, row!.concepts.length);
  assert.ok((await names({ q: 'boues de vidange' })).includes('Tema Imported'), 'found from French');

  const ppl = await importPeople(ctx, {
    source: Readable.from([`${JSON.stringify({ id: 'imp-ama', name: 'Ama Imported', position: 'Sanitation engineer', languages: ['en'], expertise: 'Septic tanks and public toilets in markets.' })}\n`]),
    format: 'jsonl',
  });
  assert.ok(ppl.ok && ppl.report.inserted === 1);
  const [person] = await t.db.select().from(people).where(eq(people.externalId, 'imp-ama'));
  assert.ok(person!.concepts.includes('sanitation/toilets'), person!.concepts.join(','));
  const member = actorCtx();
  const found = await searchPeople(member, { q: 'letrinas' });
  assert.ok(found.items.some((p) => p.name === 'Ama Imported'), 'a Spanish query finds the English profile');
});

test('a profile saved by its owner gets concepts; the people directory ranks by them too', async () => {
  await saveMyProfile(actorCtx(), { name: 'Directory Editor', position: 'Responsable propreté', languages: ['fr'], expertise: 'Organisation de la collecte des ordures ménagères et des déchets solides.', visibility: 'members' }, { partial: true });
  const found = (await searchPeople(actorCtx(), { q: 'solid waste' })).items.map((p) => p.name);
  assert.ok(found.includes('Directory Editor'), found.join(', '));
});

test('rows written by hand get their concepts from the refresh, which then has nothing left to do', async () => {
  const orgId = await insertOrganisationRow(t, { name: 'Hand Written', country: 'SN', languages: ['fr'], offers: 'Collecte des déchets ménagers par charrettes.' });
  const personId = await insertPersonRow(t, { name: 'Hand Person', languages: ['pt'], expertise: 'Recolha de resíduos sólidos urbanos.' });
  assert.ok(!(await names({ q: 'garbage collection' })).includes('Hand Written'), 'not analysed yet: no concepts');
  const r = await refreshDirectoryConcepts(t.db, 2);
  assert.equal(r.organisations, 1, 'only the row written by hand is stale');
  assert.equal(r.people, 1);
  assert.ok((await names({ q: 'garbage collection' })).includes('Hand Written'));
  const [p] = await t.db.select().from(people).where(eq(people.id, personId));
  assert.ok(p!.concepts.includes('waste_management/collection'));
  // A text changed by hand is seen as stale too; nothing else is.
  await t.db.update(organisations).set({ offers: 'Éclairage public.' }).where(eq(organisations.id, orgId));
  assert.deepEqual(await refreshDirectoryConcepts(t.db), { organisations: 1, people: 0 });
  assert.ok(!(await names({ q: 'garbage collection' })).includes('Hand Written'));
  assert.deepEqual(await refreshDirectoryConcepts(t.db), { organisations: 0, people: 0 });
});

test('the database keeps one concepts row per (profile, specific concept) in step with the arrays: insert, update, delete', async () => {
  const { organisationConcepts, personConcepts } = await import('../../db/schema/organisations.ts');
  const [row] = await t.db.select().from(organisations).where(eq(organisations.id, ids.kumasi!));
  const copied = await t.db.select().from(organisationConcepts).where(eq(organisationConcepts.organisationId, ids.kumasi!));
  assert.ok(row!.concepts.includes('waste_management/_'), 'the theme stays in the arrays (for the rank)');
  assert.deepEqual(copied.map((c) => c.concept).sort(), row!.concepts.filter((c) => !c.endsWith('/_')).sort(), 'no theme entries in the table');
  assert.ok(copied.every((c) => Math.abs(c.weight - row!.conceptWeights[row!.concepts.indexOf(c.concept)]!) < 1e-6));
  await updateOrganisation(actorCtx(), ids.kumasi!, { offers: 'Flood early warning with river gauges.' });
  const after = (await t.db.select().from(organisationConcepts).where(eq(organisationConcepts.organisationId, ids.kumasi!))).map((c) => c.concept);
  assert.ok(after.includes('flood_risk/warning') && !after.includes('waste_management/collection'), after.join(','));
  const personId = await insertPersonRow(t, { name: 'Short Lived', languages: ['en'], expertise: 'Composting of green waste.' });
  await refreshDirectoryConcepts(t.db);
  assert.ok((await t.db.select().from(personConcepts).where(eq(personConcepts.personId, personId))).length > 0);
  await t.db.delete(people).where(eq(people.id, personId));
  assert.equal((await t.db.select().from(personConcepts).where(eq(personConcepts.personId, personId))).length, 0);
});

test('a concept query reads only the rows most about each concept, then applies the filters', async () => {
  const { CONCEPT_WINDOW } = await import('./organisations.repository.ts');
  // More profiles about landfills than the window holds, each more about it than the one that follows.
  const lines = Array.from({ length: CONCEPT_WINDOW + 5 }, (_, i) =>
    JSON.stringify({ id: `win-${String(i).padStart(3, '0')}`, name: `Window ${String(i).padStart(3, '0')}`, kind: 'municipality', country: 'GH', languages: ['en'], offers: `${'Landfill and transfer station. '.repeat(i < 50 ? 4 : 1)}Street ${i}.` }),
  );
  const r = await importOrganisations({ db: t.db, actor: 'cli', now: t.clock.now() }, { source: Readable.from([lines.join('\n') + '\n']), format: 'jsonl' });
  assert.ok(r.ok && r.report.inserted === CONCEPT_WINDOW + 5);
  const page = await searchOrganisations(visitor(), { q: 'vertedero' }); // Spanish: no text match, concepts only
  assert.equal(page.items.length, 20);
  assert.ok(page.items.slice(0, 10).every((o) => Number(o.name.slice(7)) < 50), 'the profiles most about landfills first');
  assert.ok(page.total <= CONCEPT_WINDOW + 2, `at most the window (and the twins) are found: ${page.total}`);
  // A filter applies within a wider window: the Gambian twins are still found.
  assert.deepEqual((await names({ q: 'vertedero', country: 'GM' })).sort(), ['Twin A', 'Twin B']);
});

test('a ranked search counts its matches in the same pass: exact below the cap, the cap + 1 above it, on every page', async () => {
  const { COUNT_CAP } = await import('./organisations.repository.ts');
  const line = (i: number, word: string) => JSON.stringify({ id: `cnt-${word}-${i}`, name: `Count ${word} ${String(i).padStart(4, '0')}`, kind: 'municipality', country: 'GH', languages: ['en'], offers: `The ${word} district office, street ${i}.` });
  const few = Array.from({ length: 45 }, (_, i) => line(i, 'Quillwort'));
  const many = Array.from({ length: COUNT_CAP + 20 }, (_, i) => line(i, 'Marshwort'));
  const r = await importOrganisations({ db: t.db, actor: 'cli', now: t.clock.now() }, { source: Readable.from([[...few, ...many].join('\n') + '\n']), format: 'jsonl' });
  assert.ok(r.ok && r.report.inserted === few.length + many.length);
  for (const page of ['1', '2', '3']) {
    const found = await searchOrganisations(visitor(), { q: 'quillwort', sort: 'relevance', page });
    assert.equal(found.total, 45, `page ${page}`);
    assert.equal(found.items.length, page === '3' ? 5 : 20);
  }
  const capped = await searchOrganisations(visitor(), { q: 'marshwort', sort: 'relevance', page: '2' });
  assert.equal(capped.total, COUNT_CAP + 1, 'more than the cap: the cap + 1 ("1,000+")');
  assert.equal((await searchOrganisations(visitor(), { q: 'marshwort', sort: 'name' })).total, COUNT_CAP + 1, 'the name order counts the same');
  assert.equal((await searchOrganisations(visitor(), { q: 'quillwort', sort: 'relevance', page: '9' })).total, 45, 'a page past the end still says how many there are');
});
