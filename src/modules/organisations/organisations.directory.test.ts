import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { asRole } from '../../../test/support/users.ts';
import { createOrganisation } from '../../../test/support/organisations.ts';
import { searchOrganisations } from './organisations.service.ts';
import { ValidationError } from '../../platform/errors.ts';

let t: TestApp;
const ctx = () => ({ db: t.db, actor: null, locale: 'en' as const, now: t.clock.now() });
before(async () => {
  t = await createTestApp();
  await createOrganisation(t, { name: 'Almere', country: 'NL', kind: 'municipality', population: 218_000, languages: ['nl', 'en'], themes: ['urban_planning'], offers: 'Participatory urban planning' });
  await createOrganisation(t, { name: 'Ostend', country: 'BE', kind: 'municipality', population: 71_000, languages: ['nl', 'fr'], themes: ['flood_risk'], offers: 'Coastal flood protection' });
  await createOrganisation(t, { name: 'Banjul', country: 'GM', kind: 'municipality', population: 31_000, languages: ['en'], themes: ['waste_management'], seeks: 'Waste collection and recycling' });
  await createOrganisation(t, { name: 'Dogbo', country: 'BJ', kind: 'municipality', population: 103_000, languages: ['fr'], themes: ['civil_registration'], offers: 'Birth registration campaign' });
  await createOrganisation(t, { name: 'VVSG', country: 'BE', kind: 'association', languages: ['nl'], themes: ['decentralisation'] });
  for (let i = 0; i < 25; i++) await createOrganisation(t, { name: `Commune ${String(i).padStart(2, '0')}`, country: 'SN', kind: 'municipality', languages: ['fr', 'wo'] });
});
after(() => t.close());

const names = async (q: Record<string, string>) => (await searchOrganisations(ctx(), q)).items.map((o) => o.name);

test('full-text search finds words, prefixes of words and websearch syntax', async () => {
  assert.deepEqual(await names({ q: 'flood' }), ['Ostend']);
  assert.deepEqual(await names({ q: 'alm' }), ['Almere'], 'a short word matches as a prefix');
  assert.deepEqual(await names({ q: 'recycling waste' }), ['Banjul'], 'words anywhere, in any order (offers and seeks are indexed)');
  assert.deepEqual(await names({ q: '"birth registration"' }), ['Dogbo']);
  assert.deepEqual(await names({ q: 'zzzqqq' }), []);
  assert.deepEqual(await names({ q: '%' }), [], 'punctuation only: ILIKE fallback, with % escaped');
});

test('filters narrow by country, region, kind, theme, language and population band', async () => {
  assert.deepEqual(await names({ country: 'BE' }), ['Ostend', 'VVSG']);
  assert.deepEqual(await names({ region: 'ssa', kind: 'municipality', language: 'en' }), ['Banjul']);
  assert.deepEqual(await names({ kind: 'association' }), ['VVSG']);
  assert.deepEqual(await names({ theme: 'civil_registration' }), ['Dogbo']);
  assert.deepEqual(await names({ population: '50k_100k' }), ['Ostend']);
  assert.deepEqual(await names({ population: '100k_500k', sort: 'name' }), ['Almere', 'Dogbo']);
});

test('sorts by name or newest; relevance without a query falls back to name order', async () => {
  const byName = await names({ country: 'NL', sort: 'name' });
  assert.deepEqual(byName, ['Almere']);
  const newest = await searchOrganisations(ctx(), { region: 'europe', sort: 'newest' });
  assert.deepEqual(newest.items.map((o) => o.name), ['VVSG', 'Ostend', 'Almere']);
});

test('pages of 20 with prev/next; the count is exact below the cap', async () => {
  const p1 = await searchOrganisations(ctx(), { country: 'SN' });
  assert.equal(p1.items.length, 20);
  assert.equal(p1.total, 25);
  assert.equal(p1.isTotalCapped, false);
  assert.equal(p1.hasNext, true);
  assert.equal(p1.hasPrev, false);
  const p2 = await searchOrganisations(ctx(), { country: 'SN', page: '2' });
  assert.deepEqual(p2.items.map((o) => o.name), ['Commune 20', 'Commune 21', 'Commune 22', 'Commune 23', 'Commune 24']);
  assert.equal(p2.hasNext, false);
  const html = await t.client().get('/organisations?country=SN&page=2');
  assert.match(html.body_, /<a rel="prev" href="\/en\/organisations\?country=SN">/);
  assert.doesNotMatch(html.body_, /rel="next"/);
  const first = await t.client().get('/organisations?country=SN');
  assert.match(first.body_, /<a rel="next" href="\/en\/organisations\?country=SN&amp;page=2">/);
});

test('an unknown query key, sort or filter value answers 400 with a message (service, page and API)', async () => {
  await assert.rejects(searchOrganisations(ctx(), { colour: 'red' }), (e: unknown) => e instanceof ValidationError && e.fields.colour === 'organisations.search.unknownKey');
  await assert.rejects(searchOrganisations(ctx(), { sort: 'population' }), ValidationError);
  await assert.rejects(searchOrganisations(ctx(), { country: 'ZZ' }), ValidationError);
  await assert.rejects(searchOrganisations(ctx(), { sort: 'name;drop table organisations' }), ValidationError);
  const page = await t.client().get('/organisations?order=name');
  assert.equal(page.status, 400);
  assert.match(page.body_, /order: This filter is not known\./);
  const sortPage = await t.client().get('/organisations?sort=votes');
  assert.equal(sortPage.status, 400);
  assert.match(sortPage.body_, /Sort by relevance, name or newest\./);
  const api = await t.client().get('/api/v1/organisations?sort=votes&x=1');
  assert.equal(api.status, 400);
  const body = JSON.parse(api.body_);
  assert.equal(body.error.code, 'invalid_query');
  assert.equal(body.error.fields.sort, 'Sort by relevance, name or newest.');
  assert.equal(body.error.fields.x, 'This filter is not known.');
  const people = await (await asRole(t)).client.get('/api/v1/people?nickname=x');
  assert.equal(people.status, 400);
});

test('the directory renders in French with translated labels', async () => {
  const res = await t.client().get('/fr/organisations?q=ostend');
  assert.equal(res.status, 200);
  assert.match(res.body_, /<html lang="fr" dir="ltr">/);
  assert.match(res.body_, /Belgique/);
  assert.match(res.body_, /Gestion du risque d’inondation|Gestion du risque d&#39;inondation/);
  assert.match(res.body_, /Commune · /);
  assert.match(res.body_, /1 résultat/);
  assert.match(res.body_, /<label for="f-region">Région du réseau<\/label>/);
});

test('the directory renders in Arabic, right to left, with translated labels', async () => {
  const res = await t.client().get('/ar/organisations?country=BJ');
  assert.equal(res.status, 200);
  assert.match(res.body_, /<html lang="ar" dir="rtl">/);
  assert.match(res.body_, /بنين/);
  assert.match(res.body_, /الحالة المدنية/);
  assert.match(res.body_, /أفريقيا جنوب الصحراء الكبرى/);
  assert.match(res.body_, /نتيجة واحدة/);
});

test('the language chosen by Accept-Language translates theme and country labels', async () => {
  const res = await t.client().get('/organisations?country=GM', { 'Accept-Language': 'es' });
  assert.match(res.body_, /<html lang="es"/);
  assert.match(res.body_, /Gestión de residuos/);
});
