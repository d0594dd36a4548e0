/**
 * The approach advisor and the funding finder (issue 13), in a real browser on the demo: an official
 * asks the advisor in Portuguese (a GET form whose address can be shared) and reads the approaches
 * ranked with their reasons; the platform admin adds an approach in five languages, one form per
 * language, and it appears in the table and the advisor at once; a visitor finds open funding for a
 * twinning and asks whether it fits. Every page is checked with axe by the support.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningServer } from './support/server.ts';
import { Browser, serverAndBrowser, signIn, signOut } from './support/browser.ts';
import { DEMO_PASSWORD } from '../../src/modules/accounts/accounts.demo.ts';

let server: RunningServer;
let b: Browser;
serverAndBrowser((s, br) => {
  server = s;
  b = br;
});

const ADMIN = 'admin@demo.peerlink.localhost';

/** The approaches of the advisor's results, in order. */
async function ranked(locale: string): Promise<string[]> {
  return b.page.locator(`#advice-h ~ ol > li h3 a`).evaluateAll((as, l) => as.map((a) => (a.getAttribute('href') ?? '').replace(`/${l}/cooperation-approaches/`, '')), locale);
}

test('official asks advisor in Portuguese and gets ranked approaches with reasons', async () => {
  const page = b.page;
  await b.goto('/pt/cooperation-approaches');
  await b.follow(page.locator('main a[href="/pt/cooperation-approaches/advisor"]').first());
  await page.getByLabel('Contributo para o reforço da governação').selectOption('essential');
  await page.getByLabel('Reciprocidade').selectOption('somewhat');
  await page.locator('#f-budget').fill('10 000');
  await page.locator('#f-staff').fill('0,5');
  await page.locator('#f-horizon').selectOption('long');
  await b.submit(page.locator('main form[method="get"] button[type="submit"]'));
  const url = new URL(page.url());
  assert.equal(url.pathname, '/pt/cooperation-approaches/advisor');
  assert.equal(url.searchParams.get('governance'), 'essential', 'the answer is in the address, to share');
  const order = await ranked('pt');
  assert.equal(order.length, 8);
  assert.equal(order[0], 'city_to_city_partnership');
  const first = page.locator('#advice-h ~ ol > li').first();
  assert.match(await first.innerText(), /Contributo para o reforço da governação: essencial para si/);
  assert.match(await first.innerText(), /Orçamento: cerca de €\s10\.000 por ano; pode comprometer €\s10\.000/);
  // The same address opened again (shared) gives the same ranking.
  await b.goto(url.pathname + url.search);
  assert.deepEqual(await ranked('pt'), order);
  // With €3,000 and no staff, the reason names the €10,000 the guide recommends.
  await b.goto('/pt/cooperation-approaches/advisor?globalCitizenship=essential&budget=3000&staff=0&horizon=long');
  const low = await ranked('pt');
  assert.ok(low.indexOf('twinning') < low.indexOf('city_to_city_partnership'));
  const partnership = page.locator('#advice-h ~ ol > li', { has: page.locator('a[href="/pt/cooperation-approaches/city_to_city_partnership"]') });
  assert.match(await partnership.innerText(), /10\.000/);
});

test('admin adds an approach in five languages and it appears in the advisor', async () => {
  const page = b.page;
  await signIn(b, 'en', ADMIN, DEMO_PASSWORD);
  await b.goto('/en/cooperation-approaches');
  await b.follow(page.locator('main a[href="/en/cooperation-approaches/new"]'));
  await page.locator('#f-code').fill('fair_trade_town');
  await page.locator('#f-lang').selectOption('en');
  await page.locator('#f-name').fill('Fair Trade Town');
  await page.locator('#f-definition').fill('A municipality that buys fair trade products and promotes them with shops, schools and companies.');
  for (const [f, v] of Object.entries({ governance: '1', political: '2', civilSociety: '3', privateSector: '3', reciprocity: '1', globalCitizenship: '3', duration: '2', budget: '1' })) await page.locator(`#f-rating_${f}`).selectOption(v);
  await page.locator('#f-needBudget').fill('1,500,000,000');
  await page.locator('#f-needStaff').fill('0.1');
  await b.submit(page.locator('main form button[type="submit"]'));
  // A budget over the limit: the field error names it, the rest stays as typed.
  assert.match(await page.locator('.error-summary').innerText(), /from 0 to 10,000,000/);
  assert.equal(await page.locator('#f-name').inputValue(), 'Fair Trade Town');
  await page.locator('#f-needBudget').fill('1 500');
  await b.submit(page.locator('main form button[type="submit"]'));
  assert.match(page.url(), /\/en\/cooperation-approaches\/fair_trade_town\/edit\?lang=fr$/);
  const texts: Record<string, [string, string]> = {
    fr: ['Commune du commerce équitable', 'Une commune qui achète des produits équitables et les promeut avec les commerces, les écoles et les entreprises.'],
    es: ['Municipio por el comercio justo', 'Un municipio que compra productos de comercio justo y los promueve con comercios, escuelas y empresas.'],
    pt: ['Município do comércio justo', 'Um município que compra produtos do comércio justo e os promove com lojas, escolas e empresas.'],
    ar: ['بلدية التجارة العادلة', 'بلدية تشتري منتجات التجارة العادلة وتروّج لها مع المتاجر والمدارس والشركات.'],
  };
  for (const [lang, [name, definition]] of Object.entries(texts)) {
    await b.goto(`/en/cooperation-approaches/fair_trade_town/edit?lang=${lang}`);
    await page.locator('#f-name').fill(name);
    await page.locator('#f-definition').fill(definition);
    await page.locator('#f-translated').check();
    await b.submit(page.locator('main form button[type="submit"]'));
    assert.match(page.url(), /\/en\/cooperation-approaches\/fair_trade_town$/);
  }
  await signOut(b);
  // In the table at once, in Arabic.
  await b.goto('/ar/cooperation-approaches');
  assert.equal(await page.locator('main table a[href="/ar/cooperation-approaches/fair_trade_town"]').innerText(), 'بلدية التجارة العادلة');
  // In the advisor, first for what it answers, named in Portuguese.
  await b.goto('/pt/cooperation-approaches/advisor?privateSector=essential&globalCitizenship=essential&budget=2000&staff=0%2C1&horizon=long&participants=companies');
  const order = await ranked('pt');
  assert.equal(order.length, 9);
  assert.equal(order[0], 'fair_trade_town');
  assert.equal(await page.locator('#advice-h ~ ol > li h3 a').first().innerText(), 'Município do comércio justo');
  await b.follow(page.locator('#advice-h ~ ol > li h3 a').first());
  assert.match(await page.locator('main').innerText(), /Traduzido do texto inglês do guia/);
});

test('visitor finds open funding for a twinning', async () => {
  const page = b.page;
  await b.goto('/en/funding');
  await page.locator('#f-approach').selectOption('twinning');
  await page.locator('#f-open').check();
  await page.locator('#f-government').selectOption('no');
  await b.submit(page.locator('main form[method="get"] button[type="submit"]'));
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('approach'), 'twinning');
  assert.equal(url.searchParams.get('open'), '1');
  const items = page.locator('main ul.cards > li');
  assert.equal(await items.count(), 1);
  const municipal = page.locator('#funding-municipal');
  const text = await municipal.innerText();
  assert.match(text, /Municipal grant regulations/);
  assert.match(text, /open now/);
  assert.match(text, /Fits your answers/);
  assert.match(text, /Your kind of organisation may apply/);
  // Without "open now", the European Commission's twinning grants show too: not open now, ask the funder.
  await b.goto('/en/funding?approach=twinning&government=yes');
  const ec = await page.locator('#funding-ecTwinning').innerText();
  assert.match(ec, /Ask the funder/);
  assert.match(ec, /Fits your answers/);
  // In French, the same address.
  await b.goto(`/fr/funding${url.search}`);
  assert.match(await page.locator('#funding-municipal').innerText(), /Règlements communaux de subvention/);
  // The deadlines calendar is linked.
  assert.equal(await page.locator('main a[href="/fr/funding.ics"]').count(), 1);
  // On a phone, in Arabic: no sideways scroll.
  await page.setViewportSize({ width: 320, height: 800 });
  for (const path of ['/ar/funding?approach=twinning&government=yes&partner=no', '/ar/cooperation-approaches/city_to_city_partnership']) {
    await b.goto(path);
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(scroll <= 0, `${path}: ${scroll}px sideways`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
});
