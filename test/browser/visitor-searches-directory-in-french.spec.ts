/** A francophone visitor searches the directory: French labels, French filters, the right results. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningServer } from './support/server.ts';
import { Browser, serverAndBrowser } from './support/browser.ts';

let server: RunningServer;
let b: Browser;
serverAndBrowser((s, br) => {
  server = s;
  b = br;
});

test('a visitor searches the directory in French and gets French labels and matching results', async () => {
  const page = b.page;
  await b.goto('/fr');
  assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
  await b.follow(page.locator('header nav').getByRole('link', { name: 'Organisations' }));
  assert.match(page.url(), /\/fr\/organisations$/);

  // The search form speaks French.
  const form = page.getByRole('search', { name: 'Rechercher des organisations' });
  assert.ok(await form.isVisible());
  assert.ok(await form.getByLabel('Pays', { exact: true }).isVisible());
  assert.ok(await form.getByLabel('Thème', { exact: true }).isVisible());
  assert.ok(await page.getByRole('heading', { name: 'Résultats' }).isVisible());

  // Filter by country and theme, chosen by their French names.
  await form.getByLabel('Pays', { exact: true }).selectOption({ label: 'Sénégal' });
  await form.getByLabel('Thème', { exact: true }).selectOption({ label: 'Gestion des déchets' });
  await b.submit(form.getByRole('button', { name: 'Rechercher' }));
  const url = new URL(page.url());
  assert.equal(url.pathname, '/fr/organisations', 'the language is kept');
  assert.equal(url.searchParams.get('country'), 'SN');
  assert.equal(url.searchParams.get('theme'), 'waste_management');

  const cards = page.locator('main ul.cards > li');
  const names = await cards.locator('h2 a').allTextContents();
  assert.ok(names.includes('Commune de Tambacounda') && names.includes('Commune de Sokone'), `results: ${names.join(', ')}`);
  assert.ok(!names.some((n) => /Zemst|Sint-Niklaas|Ziniaré/.test(n)), `only Senegal: ${names.join(', ')}`);
  for (const meta of await cards.locator('.meta').allTextContents()) assert.match(meta, /Sénégal/, 'country names in French');
  for (const tags of await cards.locator('ul.tags').allTextContents()) assert.match(tags, /Gestion des déchets/, 'theme names in French');
  assert.match((await page.locator('main [role="status"]').textContent()) ?? '', new RegExp(`^${names.length} résultats? · page 1$`));
  // The filters keep what was chosen.
  assert.equal(await form.getByLabel('Pays', { exact: true }).inputValue(), 'SN');

  // A word search narrows to one, and its profile is in French too.
  await form.getByLabel('Rechercher', { exact: true }).fill('Tambacounda');
  await b.submit(form.getByRole('button', { name: 'Rechercher' }));
  assert.deepEqual(await cards.locator('h2 a').allTextContents(), ['Commune de Tambacounda']);
  assert.match((await page.locator('main [role="status"]').textContent()) ?? '', /^1 résultat · page 1$/);
  await b.follow(cards.getByRole('link', { name: 'Commune de Tambacounda' }));
  assert.match(page.url(), /\/fr\/organisations\/[^/]+$/);
  const facts = page.locator('dl.facts');
  const labels = await facts.locator('dt').allTextContents();
  assert.ok(labels.includes('Type d’organisation') && labels.includes('Pays'), `labels: ${labels.join(', ')}`);
  assert.match((await facts.textContent()) ?? '', /Sénégal/);
  assert.ok(await page.getByRole('heading', { name: 'Thèmes' }).isVisible());
  // Nothing of the English interface leaks into the French pages.
  const text = (await page.locator('body').textContent()) ?? '';
  assert.doesNotMatch(text, /\b(Sign in|Register|Themes|Country|Search)\b/);
});
