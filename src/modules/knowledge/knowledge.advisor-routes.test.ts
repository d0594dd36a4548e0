/**
 * The approach advisor's page and API (issue 13): a GET form whose URL can be shared, answered in
 * the reader's language with the approaches ranked and their reasons; bad input names the field
 * and the limit; the API gives the same ranking with reasons as text; every language within budget.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { LOCALES } from '../../platform/i18n.ts';
import { MODULES } from '../index.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  await MODULES.find((m) => m.name === 'knowledge')!.demo!.run(t.db, { now: t.clock.now() });
});
after(() => t.close());

const main = (body: string) => body.slice(body.indexOf('<main'), body.indexOf('</main>'));
const ASK = 'governance=essential&reciprocity=somewhat&budget=10+000&staff=0%2C5&horizon=long&participants=civilSociety&participants=schools&theme=waste_management';

test('a bare visit shows the form only, in every language, within the page budget', async () => {
  for (const l of LOCALES) {
    const res = await t.client().get(`/${l}/cooperation-approaches/advisor`);
    assert.equal(res.status, 200, l);
    assert.match(res.body_, /<form[^>]* method="get" action="\/[a-z]{2}\/cooperation-approaches\/advisor"/);
    assert.doesNotMatch(res.body_, /id="advice-h"/);
    assert.ok(gzipSync(res.body_).length < 50 * 1024, `${l}: ${gzipSync(res.body_).length} bytes`);
  }
});

test('asked in Portuguese: the approaches ranked with their reasons, the form keeps what was chosen', async () => {
  const res = await t.client().get(`/pt/cooperation-approaches/advisor?${ASK}`);
  assert.equal(res.status, 200);
  const body = main(res.body_);
  const order = [...body.matchAll(/<h3><a href="\/pt\/cooperation-approaches\/([a-z_]+)">/g)].map((m) => m[1]);
  assert.equal(order.length, 8, 'every approach');
  assert.equal(order[0], 'city_to_city_partnership');
  assert.match(body, /Contributo para o reforço da governação: essencial para si/);
  assert.match(body, /Orçamento: cerca de €\s10\.000 por ano; pode comprometer €\s10\.000/);
  assert.match(body, /<option value="essential" selected>essencial<\/option>/);
  assert.match(body, /value="0,5"/, 'the staff time as typed, the Portuguese way');
  assert.match(body, /value="schools" id="f-participants-1" checked/);
  assert.match(body, /Financiamento: .*Partnerships for Sustainable Cities/);
});

test('with too little money, the reason names the guide\'s €10,000 and what the municipality has', async () => {
  const body = main((await t.client().get('/en/cooperation-approaches/advisor?globalCitizenship=essential&budget=3000&staff=0&horizon=long')).body_);
  const order = [...body.matchAll(/<h3><a href="\/en\/cooperation-approaches\/([a-z_]+)">/g)].map((m) => m[1]!);
  assert.ok(order.indexOf('international_youth_work') < order.indexOf('city_to_city_partnership'));
  assert.ok(order.indexOf('twinning') < order.indexOf('city_to_city_partnership'));
  assert.match(body, /Below the €10,000 a year the guide recommends \(you can commit €3,000\)/);
});

test('bad input names the field and the limit, in the reader\'s language; an unknown key is refused', async () => {
  const res = await t.client().get('/fr/cooperation-approaches/advisor?budget=beaucoup');
  assert.equal(res.status, 400);
  assert.match(res.body_, /Indiquez un montant en euros entiers, de 0 à 100 000 000/);
  assert.equal((await t.client().get('/fr/cooperation-approaches/advisor?staff=-1')).status, 400);
  assert.equal((await t.client().get('/fr/cooperation-approaches/advisor?governance=very')).status, 400);
  assert.equal((await t.client().get('/fr/cooperation-approaches/advisor?color=red')).status, 400);
});

test('the API gives the same ranking, with each reason as text in the caller\'s language', async () => {
  const res = await t.client().get(`/api/v1/approaches/advice?${ASK}`, { 'Accept-Language': 'es' });
  assert.equal(res.status, 200);
  const json = JSON.parse(res.body_) as { results: Array<{ approach: string; score: number; reasons: Array<{ code: string; text: string }>; funding: unknown[] }>; combination: unknown };
  assert.equal(json.results.length, 8);
  assert.equal(json.results[0]!.approach, 'city_to_city_partnership');
  assert.ok(json.results.every((r, i) => i === 0 || json.results[i - 1]!.score >= r.score));
  assert.ok(json.results[0]!.reasons.every((r) => r.text.length > 0));
  assert.equal((await t.client().get('/api/v1/approaches/advice?budget=x')).status, 400);
});

test('the guide\'s table links to the advisor', async () => {
  assert.match((await t.client().get('/fr/cooperation-approaches')).body_, /href="\/fr\/cooperation-approaches\/advisor">Quelle approche convient/);
});
