/** A member adds their municipality; it then exists on its own page and in the directory. */
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

test('a member creates an organisation, which then has its own page and is found in the directory', async () => {
  const page = b.page;
  const name = `Commune de Kaya ${Date.now().toString(36)}`;
  await signIn(b, 'en', 'member@demo.peerlink.localhost', DEMO_PASSWORD);
  assert.match(page.url(), /\/en\/me\/waiting$/, 'sign-in lands on Waiting on you');

  await b.goto('/en/organisations');
  await b.follow(page.getByRole('link', { name: 'Add an organisation' }));
  assert.match(page.url(), /\/en\/organisations\/new$/);

  // Saving without a name or a country: errors per field, what was typed is kept.
  await page.getByLabel('What it can offer', { exact: true }).fill('Civil registration in rural communes: mobile registration days.');
  await b.submit(page.getByRole('button', { name: 'Save' }));
  assert.ok(await page.locator('.error-summary').isVisible());
  assert.equal(await page.locator('#f-name').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByLabel('What it can offer', { exact: true }).inputValue(), 'Civil registration in rural communes: mobile registration days.');

  await page.locator('#f-name').fill(name);
  await page.getByLabel('Country', { exact: true }).selectOption({ label: 'Burkina Faso' });
  await page.getByLabel('Province or region', { exact: true }).fill('Centre-Nord');
  await page.getByLabel('Population', { exact: true }).fill('121970');
  await page.getByLabel('What it is looking for', { exact: true }).fill('Peers who run solid waste collection with small budgets.');
  await page.getByRole('group', { name: 'Themes' }).getByLabel('Civil registration').check();
  await page.getByRole('group', { name: 'Themes' }).getByLabel('Waste management').check();
  await page.getByLabel('Website', { exact: true }).fill('https://kaya.example.org');
  await b.submit(page.getByRole('button', { name: 'Save' }));

  // The organisation exists on its page, with what was entered; its creator is its admin.
  assert.match(page.url(), /\/en\/organisations\/[^/]+$/);
  const profileUrl = page.url();
  assert.equal(await page.locator('h1').textContent(), name);
  assert.match((await page.locator('.flash').textContent()) ?? '', /created/);
  const facts = (await page.locator('dl.facts').textContent()) ?? '';
  assert.match(facts, /Burkina Faso/);
  assert.match(facts, /Centre-Nord/);
  assert.match(facts, /121,970/);
  assert.match((await page.locator('main').textContent()) ?? '', /mobile registration days/);
  assert.match((await page.locator('main').textContent()) ?? '', /small budgets/);
  const tags = await page.locator('ul.tags li').allTextContents();
  assert.ok(tags.includes('Civil registration') && tags.includes('Waste management'), `themes shown: ${tags.join(', ')}`);
  const members = (await page.locator('main table').textContent()) ?? '';
  assert.match(members, /Mariam Diallo/);
  assert.match(members, /admin/i);

  // A visitor finds it in the directory and opens the same page.
  await signOut(b);
  await b.goto(`/en/organisations?q=${encodeURIComponent('Kaya')}&country=BF`);
  const card = page.locator('main ul.cards li').filter({ hasText: name });
  assert.equal(await card.count(), 1, 'the directory lists it');
  await b.follow(card.getByRole('link', { name }));
  assert.equal(page.url(), profileUrl);
  assert.equal(await page.locator('h1').textContent(), name);
});
