/**
 * The good-practice library, case pages, editor pages, the guide and the API, on the seeded
 * cases of 004 and 001: search by theme in Spanish, facet counts, drafts hidden, who edits,
 * extra fields ignored, consent for contacts, translations, publication.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { asRole, createUser } from '../../../test/support/users.ts';
import { organisations, memberships } from '../../db/schema/organisations.ts';
import { goodPractices, goodPracticeEdits } from '../../db/schema/knowledge.ts';
import { seedGoodPractices } from './knowledge.seed.ts';
import { SEED_CASES } from './knowledge.seed-data.ts';
import { RATINGS } from './knowledge.guide.ts';
import { createDraft, getGoodPractice, searchGoodPractices } from './knowledge.service.ts';
import { APPROACH_CODES } from '../../taxonomy/approaches.ts';
import type { ServiceCtx } from '../../platform/http.ts';

let t: TestApp;
let associationId = '';
let municipalityId = '';

async function orgAdmin(kind: 'association' | 'municipality', orgId: string) {
  const r = await asRole(t, []);
  await t.db.insert(memberships).values({ id: randomUUID(), organisationId: orgId, userId: r.user.id, role: 'org_admin', status: 'active', origin: 'creation', createdAt: t.clock.now() });
  void kind;
  return r;
}

const byKey = async (key: string) => (await t.db.select().from(goodPractices).where(eq(goodPractices.externalId, key)))[0]!;
const caseId = (res: Response) => /\/good-practices\/([0-9a-f-]{36})/.exec(res.headers.get('Location') ?? '')?.[1];

const minimal = (extra: Record<string, string | string[]> = {}) => ({
  lang: 'en',
  title: 'Market fees collected by phone',
  summary: 'A town moved market fee collection to mobile payments.',
  problem: 'Cash collection leaked revenue.',
  solution: 'Mobile payments with receipts by text message.',
  results: 'Revenue up by a third.',
  approach: 'short_term_expertise_exchange',
  themes: ['local_taxation', 'markets_informal_economy'],
  sdgs: ['16'],
  partnerName: ['Dogbo', ''],
  partnerCountry: ['BJ', ''],
  ...extra,
});

before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  const now = t.clock.now();
  associationId = randomUUID();
  municipalityId = randomUUID();
  await t.db.insert(organisations).values([
    { id: associationId, name: 'Association of Test Municipalities', kind: 'association', country: 'BE', region: 'europe', createdAt: now, updatedAt: now },
    { id: municipalityId, name: 'Testville', kind: 'municipality', country: 'BE', region: 'europe', createdAt: now, updatedAt: now },
    { id: randomUUID(), externalId: 'nl-almere', name: 'Almere', kind: 'municipality', country: 'NL', region: 'europe', createdAt: now, updatedAt: now },
  ]);
  const r = await seedGoodPractices(t.db, { now });
  assert.equal(r.goodPractices, SEED_CASES.length);
});
after(() => t.close());

test('the seed holds every named practice of 004 and the three CONNECT pilots, and a second run adds nothing', async () => {
  const keys = SEED_CASES.map((c) => c.key);
  for (const k of ['ostend-banjul-future-proof', 'roeselare-dogbo', 'kemopodi', 'bruges-ebolowa', 'wevelgem-jinja', 'antwerp-migration', 'trustone', 'afrifoodlinks', 'orient-8', 'lichtervelde', 'eurozoersel', 'ostend-ostende', 'merelbeke', 'dwagulu', 'lokeren', 'province-antwerp', 'cities4cities', 'duffel', 'sdg-partnerships', 'vng-ideal', 'unites', 'agona-west-almere', 'pursat-sandgerdi', 'angelopolis-tarragona']) {
    assert.ok(keys.some((x) => x.includes(k)), k);
  }
  assert.equal((await seedGoodPractices(t.db, { now: t.clock.now() })).goodPractices, 0);
  // Every approach of the guide has at least one seeded practice, and ratings for every feature.
  for (const a of APPROACH_CODES) {
    assert.ok(SEED_CASES.some((c) => c.approach === a), a);
    assert.equal(Object.keys(RATINGS[a]).length, 8);
  }
});

test('a visitor finds a good practice by theme in Spanish, with Spanish labels and the Spanish text', async () => {
  const res = await t.client().get('/es/good-practices?theme=ecotourism');
  assert.equal(res.status, 200);
  assert.match(res.body_, /<html lang="es"/);
  assert.match(res.body_, /Buenas prácticas/);
  assert.match(res.body_, /Tercera CONNECTion: Angelópolis – Tarragona sobre ecoturismo/);
  assert.match(res.body_, /<option value="ecotourism" selected>Ecoturismo \(1\)<\/option>/);
  assert.match(res.body_, /1 buena práctica/);
  // Full text in Spanish finds the Spanish version; a case only in English shows with its language flagged.
  const q = await t.client().get('/es/good-practices?q=saneamiento');
  assert.match(q.body_, /Primera CONNECTion: Agona West – Almere sobre salud ambiental y saneamiento/);
  const other = await t.client().get('/es/good-practices?theme=mobility');
  assert.match(other.body_, /lang="en" dir="auto">Wevelgem, the bicycle and the South/);
  // Inside a sentence the language is written as Spanish writes it: lower case.
  assert.match(other.body_, /en inglés/);
  assert.doesNotMatch(other.body_, /en Inglés/);
});

test('facet counts are those of the matching set', async () => {
  const res = await t.client().request('GET', '/api/v1/good-practices?limit=100');
  assert.equal(res.status, 200);
  const body = JSON.parse(res.body_) as { total: number; items: unknown[]; facets: Record<string, { value: string; count: number }[]> };
  assert.equal(body.total, SEED_CASES.length);
  const expect = (pred: (c: (typeof SEED_CASES)[number]) => boolean) => SEED_CASES.filter(pred).length;
  const count = (facet: string, value: string) => body.facets[facet]!.find((f) => f.value === value)?.count ?? 0;
  for (const a of APPROACH_CODES) assert.equal(count('approach', a), expect((c) => c.approach === a), a);
  assert.equal(count('theme', 'education'), expect((c) => c.themes.includes('education')));
  assert.equal(count('sdg', '16'), expect((c) => c.sdgs.includes(16)));
  assert.equal(count('language', 'es'), expect((c) => !!c.translations?.es));
  assert.equal(count('language', 'en'), SEED_CASES.length);
  assert.equal(count('format', 'expert_assignment'), expect((c) => !!c.formats?.includes('expert_assignment')));
  assert.equal(count('region', 'lac'), 2); // Angelópolis (CO) and Ostende (AR)

  // Narrowed by a facet: counts follow the narrowed set; the page shows them in option labels.
  const narrowed = JSON.parse((await t.client().request('GET', '/api/v1/good-practices?approach=twinning')).body_) as typeof body;
  assert.equal(narrowed.total, 3);
  assert.deepEqual(narrowed.facets.approach, [{ value: 'twinning', count: 3 }]);
  assert.equal(narrowed.facets.theme!.find((f) => f.value === 'culture')?.count, 3);
  const page = await t.client().get('/en/good-practices?approach=twinning');
  assert.match(page.body_, /<option value="culture">Culture \(3\)<\/option>/);
  assert.match(page.body_, /3 good practices/);
});

test('unknown query keys and values answer 400 on the page and the API', async () => {
  const p = await t.client().get('/en/good-practices?sort=name');
  assert.equal(p.status, 400);
  assert.match(p.body_, /This search parameter is not known/);
  assert.equal((await t.client().get('/en/good-practices?theme=nonsense')).status, 400);
  const api = await t.client().request('GET', '/api/v1/good-practices?state=draft');
  assert.equal(api.status, 400);
  assert.equal(JSON.parse(api.body_).error.code, 'invalid_query');
  assert.equal((await t.client().get(`/en/good-practices/${(await byKey('004-trustone')).id}?foo=1`)).status, 400);
});

test('a case page shows the structured case, partners linked to organisations, and no contact without consent', async () => {
  const row = await byKey('001-agona-west-almere-sanitation');
  const res = await t.client().get(`/en/good-practices/${row.id}`);
  assert.equal(res.status, 200);
  assert.match(res.body_, /<h1>First CONNECTion: Agona West – Almere/);
  for (const h of ['The problem', 'The approach', 'Results', 'What did not work', 'Prerequisites', 'How transferable', 'Partners', 'People to ask']) assert.match(res.body_, new RegExp(`<h2>${h}</h2>`));
  assert.match(res.body_, /40 participants/);
  const almere = (await t.db.select().from(organisations).where(eq(organisations.externalId, 'nl-almere')))[0]!;
  assert.match(res.body_, new RegExp(`<a href="/en/organisations/${almere.id}" dir="auto">Almere</a>`));
  assert.match(res.body_, /Nobody has agreed to be named/);
  // Read in French: the French version, flagged as a human translation; a section only in English is flagged.
  const fr = await t.client().get(`/fr/good-practices/${row.id}`);
  assert.match(fr.body_, /Première CONNECTion/);
  assert.match(fr.body_, /Traduit de la langue suivante par une personne\u202f: anglais/);
  assert.match(fr.body_, /Ce texte est en anglais/);
  // Editors' parts are absent for visitors.
  assert.doesNotMatch(res.body_, /Edit history|Publish/);
});

test('drafts are invisible to visitors, members and other associations, visible to their editors; publishing makes them public', async () => {
  const broker = await asRole(t, ['broker']);
  const res = await broker.client.post('/en/good-practices', minimal());
  assert.equal(res.status, 303);
  const id = caseId(res)!;
  const draftPage = await broker.client.get(`/en/good-practices/${id}`);
  assert.equal(draftPage.status, 200);
  assert.match(draftPage.body_, /Draft/);
  assert.match(draftPage.body_, /Edit history/);

  const visitor = t.client();
  const member = (await asRole(t, [])).client;
  for (const c of [visitor, member, (await orgAdmin('association', associationId)).client]) {
    const r = await c.get(`/en/good-practices/${id}`);
    assert.equal(r.status, 404);
    const norm = (b: string) => b.replace(/nonce-[^"']+/g, '').replace(/\/(en|fr|es|pt|ar)\/good-practices\/[0-9a-f-]+/g, '');
    const missing = await c.get(`/en/good-practices/${randomUUID()}`);
    assert.equal(missing.status, 404);
    assert.equal(norm(r.body_), norm(missing.body_));
  }
  assert.equal((await visitor.request('GET', `/api/v1/good-practices/${id}`)).status, 404);
  assert.doesNotMatch((await visitor.get('/en/good-practices?q=market')).body_, /Market fees collected by phone/);

  const pub = await broker.client.post(`/en/good-practices/${id}/publish`);
  assert.equal(pub.status, 303);
  assert.equal((await t.db.select().from(goodPractices).where(eq(goodPractices.id, id)))[0]!.state, 'published');
  assert.match((await visitor.get('/en/good-practices?q=market')).body_, /Market fees collected by phone/);
  const api = JSON.parse((await visitor.request('GET', `/api/v1/good-practices/${id}`)).body_);
  assert.equal(api.title.text, 'Market fees collected by phone');
  assert.equal(api.abilities, undefined);

  // Withdrawn: gone from the library, a 404 for visitors again.
  await broker.client.post(`/en/good-practices/${id}/unpublish`);
  assert.equal((await visitor.get(`/en/good-practices/${id}`)).status, 404);
  const actions = (await t.db.select().from(goodPracticeEdits).where(eq(goodPracticeEdits.goodPracticeId, id))).map((e) => e.action).sort();
  assert.deepEqual(actions, ['create', 'publish', 'unpublish']);
});

test('an org admin of a municipality cannot create or edit; an org admin of an association can, for its association', async () => {
  const before = await t.db.select().from(goodPractices);
  const muni = await orgAdmin('municipality', municipalityId);
  assert.equal((await muni.client.get('/en/good-practices/new')).status, 404);
  assert.equal((await muni.client.post('/en/good-practices', minimal({ title: 'Municipal attempt' }))).status, 404);
  const seeded = await byKey('004-trustone');
  assert.equal((await muni.client.get(`/en/good-practices/${seeded.id}/edit`)).status, 404);
  assert.equal((await muni.client.post(`/en/good-practices/${seeded.id}/edit`, minimal({ title: 'Hijacked' }))).status, 404);
  assert.equal((await muni.client.post(`/en/good-practices/${seeded.id}/unpublish`)).status, 404);
  assert.equal((await t.db.select().from(goodPractices)).length, before.length);
  assert.equal((await byKey('004-trustone')).title.en, seeded.title.en);
  assert.equal((await byKey('004-trustone')).state, 'published');

  const assoc = await orgAdmin('association', associationId);
  assert.equal((await assoc.client.get('/en/good-practices/new')).status, 200);
  const res = await assoc.client.post('/en/good-practices', minimal({ title: 'Association case' }));
  const id = caseId(res)!;
  const row = (await t.db.select().from(goodPractices).where(eq(goodPractices.id, id)))[0]!;
  assert.equal(row.ownerOrganisationId, associationId);
  assert.deepEqual(row.regions, ['ssa']);
  assert.equal((await assoc.client.post(`/en/good-practices/${id}/publish`)).status, 303);
  assert.equal((await t.db.select().from(goodPractices).where(eq(goodPractices.id, id)))[0]!.state, 'published');
  // The association admin does not edit the secretariat's seeded cases.
  assert.equal((await assoc.client.get(`/en/good-practices/${seeded.id}/edit`)).status, 404);
  // A visitor asking for the editor pages is sent to sign in.
  assert.equal((await t.client().get('/en/good-practices/new')).status, 303);
});

test('extra form fields (state, author, exchange, original language) are ignored', async () => {
  const broker = await asRole(t, ['broker']);
  const someone = await createUser(t);
  const res = await broker.client.post(
    '/en/good-practices',
    minimal({ title: 'Extra fields case', state: 'published', createdBy: someone.id, exchangeId: randomUUID(), originalLanguage: 'fr', publishedAt: '2020-01-01', languages: ['ar'] }),
  );
  const row = (await t.db.select().from(goodPractices).where(eq(goodPractices.id, caseId(res)!)))[0]!;
  assert.equal(row.state, 'draft');
  assert.equal(row.createdBy, broker.user.id);
  assert.equal(row.exchangeId, null);
  assert.equal(row.originalLanguage, 'en');
  assert.equal(row.publishedAt, null);
  assert.deepEqual(row.languages, ['en']);
});

test('a contact is stored only with consent; the form keeps what was typed and says why', async () => {
  const broker = await asRole(t, ['broker']);
  const count = (await t.db.select().from(goodPractices)).length;
  const bad = await broker.client.post('/en/good-practices', minimal({ title: 'Contact case', contactName: ['Ama Mensah'], contactRole: ['Environmental health officer'], contactEmail: ['ama@example.org'] }));
  assert.equal(bad.status, 400);
  assert.match(bad.body_, /Tick the consent box for each person named/);
  assert.match(bad.body_, /value="Ama Mensah"/);
  assert.equal((await t.db.select().from(goodPractices)).length, count);

  const ok = await broker.client.post('/en/good-practices', minimal({ title: 'Contact case', contactName: ['Ama Mensah', ''], contactRole: ['Environmental health officer', ''], contactEmail: ['ama@example.org', ''], contactConsent: ['0'] }));
  const id = caseId(ok)!;
  await broker.client.post(`/en/good-practices/${id}/publish`);
  const visitorView = await t.client().get(`/en/good-practices/${id}`);
  assert.match(visitorView.body_, /<bdi>Ama Mensah<\/bdi>, <bdi>Environmental health officer<\/bdi>/);
  assert.doesNotMatch(visitorView.body_, /ama@example.org/);
  assert.match((await broker.client.get(`/en/good-practices/${id}`)).body_, /mailto:ama@example.org/);
});

test('an edit in another language is stored as a human translation and feeds the language facet', async () => {
  const broker = await asRole(t, ['broker']);
  const id = caseId(await broker.client.post('/en/good-practices', minimal({ title: 'Translated case' })))!;
  const form = await broker.client.get(`/en/good-practices/${id}/edit?lang=es`);
  assert.equal(form.status, 200);
  assert.match(form.body_, /<option value="es" selected>/);
  const saved = await broker.client.post(`/en/good-practices/${id}/edit`, minimal({ lang: 'es', title: 'Tasas de mercado cobradas por teléfono', summary: 'Un municipio pasó al pago móvil.', problem: '', solution: '', results: '' }));
  assert.equal(saved.status, 303);
  const row = (await t.db.select().from(goodPractices).where(eq(goodPractices.id, id)))[0]!;
  assert.equal(row.title.es, 'Tasas de mercado cobradas por teléfono');
  assert.equal(row.title.en, 'Translated case');
  assert.equal(row.problem.en, 'Cash collection leaked revenue.');
  assert.deepEqual(row.translations, { es: 'human' });
  assert.deepEqual(row.languages, ['en', 'es']);
  const es = await broker.client.get(`/es/good-practices/${id}`);
  assert.match(es.body_, /Tasas de mercado cobradas por teléfono/);
  assert.match(es.body_, /Traducido del inglés por una persona/i);
});

test('publishing an incomplete draft is refused with the reason and leaves it a draft', async () => {
  const broker = await asRole(t, ['broker']);
  const id = caseId(await broker.client.post('/en/good-practices', minimal({ title: 'Incomplete', results: '', themes: [] })))!;
  const res = await broker.client.post(`/en/good-practices/${id}/publish`);
  assert.equal(res.status, 303);
  const page = await broker.client.get(res.headers.get('Location')!);
  assert.match(page.body_, /Not published yet/);
  assert.equal((await t.db.select().from(goodPractices).where(eq(goodPractices.id, id)))[0]!.state, 'draft');
});

test('createDraft links the exchange it comes from (for the exchanges module); visitors cannot create', async () => {
  const broker = await createUser(t, { roles: ['broker'] });
  const ctx = (actor: ServiceCtx['actor']): ServiceCtx => ({ db: t.db, actor, locale: 'en', now: t.clock.now() });
  const actor = { id: broker.id, name: broker.name, email: broker.email, locale: 'en' as const, roles: ['broker' as const], coordinatorRegions: [], hasTotp: false };
  const exchangeId = randomUUID();
  const { id } = await createDraft(ctx(actor), { exchangeId, lang: 'fr', title: 'Assainissement à Agona West', summary: 'Résumé tiré de l’échange.' });
  const row = (await t.db.select().from(goodPractices).where(eq(goodPractices.id, id)))[0]!;
  assert.equal(row.exchangeId, exchangeId);
  assert.equal(row.originalLanguage, 'fr');
  assert.equal(row.state, 'draft');
  assert.equal((await getGoodPractice(ctx(actor), id)).title.text, 'Assainissement à Agona West');
  await assert.rejects(createDraft(ctx(null), { lang: 'en', title: 'x', summary: 'y' }), { status: 401 });
  await assert.rejects(getGoodPractice(ctx(null), id), { status: 404 });
  assert.equal((await searchGoodPractices(ctx(null), { q: 'Agona' })).items.every((i) => i.state === 'published'), true);
});

test('the guide: approaches rated in an accessible table, approach pages with their good practices, funding, in five languages', async () => {
  const c = t.client();
  const list = await c.get('/en/cooperation-approaches');
  assert.equal(list.status, 200);
  assert.match(list.body_, /<caption id="ratings-caption">/);
  assert.equal((list.body_.match(/<th scope="row">/g) ?? []).length, 8);
  assert.equal((list.body_.match(/<th scope="col">/g) ?? []).length, 9);
  // City-to-city partnership: +++ on governance, the first rating cell.
  assert.match(list.body_, /City-to-city partnership<\/a><\/th><td>3 /);
  const twinning = await c.get('/en/cooperation-approaches/twinning');
  assert.match(twinning.body_, /Twinning is winning: Lichtervelde/);
  assert.match(twinning.body_, /Eurozoersel/);
  assert.match(twinning.body_, /European Commission grants for twinning/);
  const ar = await c.get('/ar/cooperation-approaches/short_term_expertise_exchange');
  assert.match(ar.body_, /<html lang="ar" dir="rtl">/);
  assert.match(ar.body_, /<h1>تبادل الخبرات قصير الأمد<\/h1>/);
  assert.match(ar.body_, /مترجم عن النص الإنجليزي للدليل/);
  assert.match(ar.body_, /Third CONNECTion|Angelópolis/);
  const funding = await c.get('/fr/funding');
  assert.match(funding.body_, /<h1>Programmes de financement<\/h1>/);
  assert.match(funding.body_, /Fonds Asile, migration et intégration \(AMIF\)/);
  assert.equal((await c.get('/en/cooperation-approaches/nonsense')).status, 404);
  for (const l of ['en', 'fr', 'es', 'pt', 'ar']) {
    for (const p of ['/good-practices', '/cooperation-approaches', '/funding']) assert.equal((await c.get(`/${l}${p}`)).status, 200, `${l}${p}`);
  }
});

test('pages stay within budget (50 KB gzip, one h1) and hostile text in a case is rendered inert', async () => {
  const { gzipSync } = await import('node:zlib');
  const broker = await asRole(t, ['broker']);
  const hostile = `<script>alert(1)</script><img src=x onerror=alert(2)> javascript:alert(3)`;
  const id = caseId(await broker.client.post('/en/good-practices', minimal({ title: hostile, summary: hostile, problem: hostile, partnerName: [hostile], partnerCountry: [''], contactName: [hostile], contactRole: [hostile], contactConsent: ['0'] })))!;
  await broker.client.post(`/en/good-practices/${id}/publish`);
  const seeded = await byKey('004-kemopodi');
  const pages: [typeof broker.client, string][] = [
    [t.client(), '/en/good-practices'],
    [t.client(), '/ar/good-practices?limit=100'],
    [t.client(), `/fr/good-practices/${seeded.id}`],
    [t.client(), `/en/good-practices/${id}`],
    [broker.client, `/en/good-practices/${id}`],
    [broker.client, `/en/good-practices/${id}/edit`],
    [broker.client, '/ar/good-practices/new'],
    [broker.client, '/en/good-practices/drafts'],
    [t.client(), '/pt/cooperation-approaches'],
    [t.client(), '/es/cooperation-approaches/city_to_city_partnership'],
    [t.client(), '/ar/funding'],
  ];
  for (const [client, path] of pages) {
    const res = await client.get(path);
    assert.equal(res.status, 200, path);
    assert.ok(gzipSync(res.body_).length <= 50 * 1024, `${path} is ${gzipSync(res.body_).length} bytes gzip`);
    assert.equal((res.body_.match(/<h1[ >]/g) ?? []).length, 1, path);
    assert.doesNotMatch(res.body_, /<script>alert|<img src=x|<[a-z]+(\s+[a-z-]+(="[^"]*")?)*\s+on\w+=|href="javascript:/i, path);
  }
  assert.match((await t.client().get(`/en/good-practices/${id}`)).body_, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
});

test('the OpenAPI document describes the API routes and every filter the list accepts', async () => {
  type Schema = { properties: Record<string, Schema>; items: Schema };
  type Op = { parameters: { name: string }[]; responses: Record<string, { content: { 'application/json': { schema: Schema } } }> };
  const doc = JSON.parse((await t.client().get('/api/v1/openapi.json')).body_) as { paths: Record<string, Record<string, Op>> };
  const { libraryQuery } = await import('./knowledge.schema.ts');
  const params = doc.paths['/good-practices']!.get!.parameters.map((p) => p.name).sort();
  assert.deepEqual(params, Object.keys(libraryQuery.shape).sort());
  assert.ok(doc.paths['/good-practices/{id}']!.get);
  const answer = (path: string) => doc.paths[path]!.get!.responses['200']!.content['application/json'].schema;
  // Every key of an API answer is described.
  const list = JSON.parse((await t.client().request('GET', '/api/v1/good-practices?limit=1')).body_) as Record<string, unknown> & { items: Record<string, unknown>[] };
  for (const k of Object.keys(list)) assert.ok(k in answer('/good-practices').properties, k);
  for (const k of Object.keys(list.items[0]!)) assert.ok(k in answer('/good-practices').properties.items!.items.properties, k);
  const one = JSON.parse((await t.client().request('GET', `/api/v1/good-practices/${list.items[0]!.id}`)).body_) as Record<string, unknown>;
  for (const k of Object.keys(one)) assert.ok(k in answer('/good-practices/{id}').properties, k);
});
