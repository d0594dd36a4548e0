/**
 * The guide in the database (issue 13): the migration's approaches equal the guide's data with the
 * four translations marked; admins edit and add approaches per language (an added one is in the
 * table, the advisor and the API at once), with field errors naming limits and an audit entry;
 * funding programmes: filters, open now, eligibility with reasons, the API, the calendar (ical.js),
 * and the secretariat's form.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { asRole } from '../../../test/support/users.ts';
import { APPROACH_CODES } from '../../taxonomy/approaches.ts';
import { APPROACH_TEXTS, RATINGS } from './knowledge.guide.ts';
import { NEEDS } from './knowledge.advisor.ts';
import { APPROACH_TRANSLATIONS } from './knowledge.guide-translations.ts';
import { FUNDING_SEED } from './knowledge.funding-data.ts';
import * as guide from './knowledge.guide.service.ts';
import { guideSeedSql } from './knowledge.guide-seed.ts';
import { readdirSync, readFileSync } from 'node:fs';

let t: TestApp;
before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
});
after(() => t.close());

const main = (body: string) => body.slice(body.indexOf('<main'), body.indexOf('</main>'));
const ctx = (locale: 'en' | 'fr' | 'es' | 'pt' | 'ar' = 'en') => ({ db: t.db, actor: null, locale, now: t.clock.now() });

test('the migration holds the guide: eight approaches with their ratings, needs and texts, four languages marked as translations', async () => {
  const list = await guide.listApproaches(ctx());
  assert.deepEqual(list.map((a) => a.code), [...APPROACH_CODES]);
  for (const a of list) {
    assert.deepEqual(a.ratings, RATINGS[a.code as keyof typeof RATINGS]);
    const n = NEEDS[a.code as keyof typeof NEEDS];
    assert.deepEqual(a.need, { budget: n.budget, staff: n.staff, horizons: [...n.horizons] });
    assert.equal(a.definition.text, APPROACH_TEXTS[a.code as keyof typeof APPROACH_TEXTS].definition);
    assert.equal(a.definition.translated, false);
    assert.deepEqual(a.languages, ['en', 'fr', 'es', 'pt', 'ar']);
  }
  const pt = await guide.getApproach(ctx('pt'), 'twinning');
  assert.equal(pt.definition.text, APPROACH_TRANSLATIONS.twinning.pt.definition);
  assert.equal(pt.definition.translated, true);
  const funding = await guide.searchFunding(ctx(), {});
  assert.deepEqual(funding.items.map((p) => p.code), FUNDING_SEED.map((p) => p.code));
});

test('the committed migration is the SQL generated from the guide\'s data files', () => {
  const dir = new URL('../../db/migrations/', import.meta.url);
  const file = readdirSync(dir).find((f) => f.endsWith('_guide_seed.sql'))!;
  assert.equal(readFileSync(new URL(file, dir), 'utf8'), guideSeedSql());
});

test('an approach page in Portuguese shows the translation, marked, with its needs in the reader\'s format', async () => {
  const body = main((await t.client().get('/pt/cooperation-approaches/city_to_city_partnership')).body_);
  assert.match(body, /Uma parceria entre cidades liga um município da Flandres/);
  assert.match(body, /Traduzido do texto inglês do guia/);
  assert.match(body, /€\s10\.000 por ano/);
  assert.match(body, /0,5 equivalentes/);
});

const NEW = {
  code: 'fair_trade_town',
  lang: 'en',
  name: 'Fair Trade Town',
  definition: 'A municipality that buys fair trade products and promotes them with shops, schools and companies.',
  participation: 'Shops, schools, companies and a steering group.',
  duration: 'Long term.',
  budget: 'Small: campaigns and procurement.',
  rating_governance: '1',
  rating_political: '2',
  rating_civilSociety: '3',
  rating_privateSector: '3',
  rating_reciprocity: '1',
  rating_globalCitizenship: '3',
  rating_duration: '2',
  rating_budget: '1',
  needBudget: '1 500',
  needStaff: '0.1',
  horizons: ['medium', 'long'],
  resources: 'Fair Trade Towns International\nFairTradeMunicipality',
};

test('only an admin adds an approach; bad input names the field and its limit', async () => {
  const broker = await asRole(t, ['broker']);
  assert.equal((await broker.client.get('/en/cooperation-approaches/new')).status, 404);
  assert.equal((await broker.client.post('/en/cooperation-approaches', NEW)).status, 404);
  const visitor = await t.client().post('/en/cooperation-approaches', NEW);
  assert.ok(visitor.status === 303 || visitor.status === 302 || visitor.status === 401, String(visitor.status));

  const admin = await asRole(t, ['admin']);
  const bad = await admin.client.post('/fr/cooperation-approaches', { ...NEW, code: 'Fair Trade', name: 'x'.repeat(121), needBudget: 'beaucoup', horizons: [] });
  assert.equal(bad.status, 400);
  const b = main(bad.body_);
  assert.match(b, /Saisissez au plus 120\scaractères/);
  assert.match(b, /Saisissez un nombre entier d’euros de 0 à 10\s000\s000/);
  assert.match(b, /Choisissez au moins un horizon/);
  assert.match(b, /lettres minuscules, chiffres et tirets bas/);
  assert.equal((await guide.listApproaches(ctx())).length, 8, 'nothing stored');
});

test('an admin adds an approach in five languages: at once in the table, the advisor and the API; audited', async () => {
  const admin = await asRole(t, ['admin']);
  const res = await admin.client.post('/en/cooperation-approaches', NEW);
  assert.equal(res.status, 303);
  assert.match(res.headers.get('location') ?? '', /\/en\/cooperation-approaches\/fair_trade_town\/edit\?lang=fr/);
  const texts = {
    fr: ['Commune du commerce équitable', 'Une commune qui achète des produits équitables.'],
    es: ['Municipio por el comercio justo', 'Un municipio que compra productos de comercio justo.'],
    pt: ['Município do comércio justo', 'Um município que compra produtos do comércio justo.'],
    ar: ['بلدية التجارة العادلة', 'بلدية تشتري منتجات التجارة العادلة.'],
  };
  for (const [lang, [name, definition]] of Object.entries(texts)) {
    const form = await admin.client.get(`/en/cooperation-approaches/fair_trade_town/edit?lang=${lang}`);
    assert.equal(form.status, 200);
    const saved = await admin.client.post('/en/cooperation-approaches/fair_trade_town/edit', { ...NEW, lang, name: name!, definition: definition!, translated: 'on' });
    assert.equal(saved.status, 303, lang);
  }
  const table = main((await t.client().get('/ar/cooperation-approaches')).body_);
  assert.match(table, /href="\/ar\/cooperation-approaches\/fair_trade_town">(<bdi>)?بلدية التجارة العادلة(<\/bdi>)?<\/a>/);
  const page = main((await t.client().get('/es/cooperation-approaches/fair_trade_town')).body_);
  assert.match(page, /Un municipio que compra productos de comercio justo/);
  assert.match(page, /Traducido del texto inglés de la guía/);
  assert.match(page, /Fair Trade Towns International/);

  const advisor = main((await t.client().get('/pt/cooperation-approaches/advisor?privateSector=essential&globalCitizenship=essential&budget=2000&staff=0,1&horizon=long&participants=companies')).body_);
  const order = [...advisor.matchAll(/<h3><a href="\/pt\/cooperation-approaches\/([a-z_]+)">/g)].map((m) => m[1]);
  assert.equal(order.length, 9);
  assert.equal(order[0], 'fair_trade_town');
  assert.match(advisor, /Município do comércio justo/);

  const api = JSON.parse((await t.client().get('/api/v1/approaches/advice?privateSector=essential&globalCitizenship=essential&budget=2000&staff=0.1&horizon=long', { 'Accept-Language': 'fr' })).body_) as { results: Array<{ approach: string; name: string }> };
  assert.equal(api.results[0]!.approach, 'fair_trade_town');
  assert.equal(api.results[0]!.name, 'Commune du commerce équitable');

  const audited = await t.db.execute(sql`select action from audit_log where object_type = 'cooperation_approach' and object_id = 'fair_trade_town' order by at, action`);
  const actions = (audited as unknown as { rows: Array<{ action: string }> }).rows.map((r) => r.action);
  assert.ok(actions.includes('approach.create') && actions.filter((a) => a === 'approach.edit').length === 4, actions.join());
  assert.equal((await admin.client.post('/en/cooperation-approaches', NEW)).status, 400, 'the code is taken');
});

test('the funding finder: a twinning\'s open funding, filters by country and kind, eligibility with reasons', async () => {
  const open = main((await t.client().get('/en/funding?approach=twinning&open=1')).body_);
  assert.match(open, /id="funding-municipal"/);
  assert.doesNotMatch(open, /id="funding-ecTwinning"/, 'no stated deadline: not "open now"');
  assert.match(open, /value="1" checked/);

  const nl = main((await t.client().get('/en/funding?approach=short_term_expertise_exchange&country=NL')).body_);
  assert.match(nl, /id="funding-ideal"/);
  assert.match(nl, /id="funding-taiex"/, 'anywhere');
  assert.doesNotMatch(nl, /id="funding-sdgPartnerships"/, 'Belgium, Benin, Rwanda only');

  const asked = main((await t.client().get('/fr/funding?approach=short_term_expertise_exchange&kind=municipality&government=yes&partner=no')).body_);
  const sdg = asked.slice(asked.indexOf('id="funding-sdgPartnerships"'));
  assert.match(sdg.slice(0, 600), /Ne correspond pas à vos réponses/);
  assert.match(sdg.slice(0, 900), /Il faut une collectivité partenaire à l’étranger/);
  assert.match(sdg, /35\s000\s€/);

  assert.equal((await t.client().get('/en/funding?country=XX')).status, 400);
  assert.equal((await t.client().get('/en/funding?sort=amount')).status, 400);
});

test('the API lists and reads funding programmes with the same filters and answers', async () => {
  const list = JSON.parse((await t.client().get('/api/v1/funding?approach=twinning&open=1&government=no', { 'Accept-Language': 'pt' })).body_) as { items: Array<{ id: string; code: string; name: string; translated: boolean; deadline: { openNow: boolean }; eligibility: { verdict: string; reasons: Array<{ text: string }> } }> };
  assert.deepEqual(list.items.map((p) => p.code), ['municipal']);
  assert.equal(list.items[0]!.name, 'Regulamentos municipais de subsídios');
  assert.equal(list.items[0]!.translated, true);
  assert.equal(list.items[0]!.eligibility.verdict, 'yes');
  const one = await t.client().get(`/api/v1/funding/${list.items[0]!.id}`);
  assert.equal(one.status, 200);
  assert.equal((await t.client().get('/api/v1/funding/00000000-0000-4000-8000-000000000000')).status, 404);
  const doc = JSON.parse((await t.client().get('/api/v1/openapi.json')).body_) as { paths: Record<string, Record<string, { operationId: string }>> };
  assert.equal(doc.paths['/api/v1/funding']?.get?.operationId ?? doc.paths['/funding']?.get?.operationId, 'listFunding');
});

test('a broker adds a programme with a yearly deadline; the calendar has it with a stable UID, read by ical.js', async () => {
  const broker = await asRole(t, ['broker']);
  const form = { code: 'exampleCall', lang: 'en', name: 'Example call', description: 'Grants for twinning exchanges.', funder: 'A province', approaches: ['twinning'], currency: 'EUR', amountMin: '2 000', amountMax: '10 000', cofinancingPercent: '50', deadlineKind: 'yearly', opens: '11-01', closes: '02-15' };
  const bad = await broker.client.post('/fr/funding', { ...form, closes: '02-30' });
  assert.equal(bad.status, 400);
  assert.match(main(bad.body_), /Saisissez un jour de l’année au format MM-JJ/);
  assert.equal((await broker.client.post('/en/funding', form)).status, 303);
  const page = main((await t.client().get('/fr/funding?approach=twinning&open=1&cofinance=no')).body_);
  const item = page.slice(page.indexOf('id="funding-exampleCall"'));
  assert.match(item.slice(0, 1200), /Chaque année du 1 novembre au 15 février/);
  assert.match(item.slice(0, 1200), /Vous paieriez vous-même 50\s%/);
  assert.match(item.slice(0, 1200), /2\s000\s€ à 10\s000\s€/);

  const ics = await t.client().get('/en/funding.ics');
  assert.equal(ics.status, 200);
  assert.match(ics.headers.get('content-type') ?? '', /text\/calendar/);
  const comp = new ICAL.Component(ICAL.parse(ics.body_));
  const events = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  const ev = events.find((e) => e.summary === 'Deadline: Example call')!;
  assert.ok(ev, events.map((e) => e.summary).join());
  assert.match(ev.uid, /^funding-[0-9a-f-]{36}@peerlink$/);
  assert.equal(ev.component.getFirstPropertyValue('rrule')?.toString(), 'FREQ=YEARLY');
  assert.equal(ev.startDate.toString(), '2026-02-15');
  const again = new ICAL.Component(ICAL.parse((await t.client().get('/fr/funding.ics')).body_));
  assert.ok(again.getAllSubcomponents('vevent').some((v) => new ICAL.Event(v).uid === ev.uid), 'the same UID in every language');
  assert.equal((await (await asRole(t, [])).client.get('/en/funding/new')).status, 404);
});

test('the guide\'s pages stay within 50 KB gzip in every language, forms included', async () => {
  const { gzipSync } = await import('node:zlib');
  const admin = await asRole(t, ['admin']);
  const id = (await guide.searchFunding(ctx(), { approach: 'twinning' })).items[0]!.id;
  for (const l of ['en', 'fr', 'es', 'pt', 'ar']) {
    for (const p of ['/cooperation-approaches', '/cooperation-approaches/city_to_city_partnership', '/funding', '/funding?approach=short_term_expertise_exchange&government=yes&partner=no&cofinance=yes', '/cooperation-approaches/new', '/cooperation-approaches/twinning/edit?lang=ar', '/funding/new', `/funding/${id}/edit?lang=fr`]) {
      const res = await admin.client.get(`/${l}${p}`);
      assert.equal(res.status, 200, `${l}${p}`);
      const size = gzipSync(res.body_).length;
      assert.ok(size < 50 * 1024, `${l}${p}: ${size} bytes`);
    }
  }
});
