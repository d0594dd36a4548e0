/**
 * The communities of practice, networks half: a practitioner joins the Sub-Saharan Africa network
 * in French (declaration and guidelines), its coordinator approves (and the member is mailed), the
 * member proposes an event, and a coordinator of another network (SEE, named by the admin) gets 404
 * on SSA's coordination page. Every page is checked with axe by the support.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningServer } from './support/server.ts';
import { Browser, serverAndBrowser, signIn, signOut } from './support/browser.ts';
import { DEMO_PASSWORD } from '../../src/modules/accounts/accounts.demo.ts';

let server: RunningServer;
let b: Browser;
const MEMBER = 'member@demo.peerlink.localhost'; // Mariam Diallo, French; in no network in the demo
const TITLE = 'Journée d’échange : financer la collecte des déchets';

serverAndBrowser((s, br) => {
  server = s;
  b = br;
});

test('practitioner joins SSA network in French (guidelines accepted)', async () => {
  const page = b.page;
  await signIn(b, 'fr', MEMBER, DEMO_PASSWORD);
  await b.goto('/fr/networks');
  await b.follow(page.locator('main ul.cards').getByRole('link', { name: 'Réseau Afrique subsaharienne' }));
  assert.match((await page.locator('main').textContent()) ?? '', /Amina Kamau/, 'the coordinator is named');
  await b.follow(page.getByRole('link', { name: 'Adhérer à ce réseau' }));
  assert.match((await page.locator('main').textContent()) ?? '', /sans rémunération/, 'the guidelines are shown');

  // Without accepting the guidelines: the form comes back with its errors.
  await page.getByLabel('Vous adhérez en tant que').selectOption('practitioner');
  await b.submit(page.getByRole('button', { name: 'Envoyer ma déclaration d’adhésion' }));
  assert.match((await page.locator('.error-summary').textContent()) ?? '', /Acceptez les lignes directrices pour adhérer/);

  await page.getByLabel('Vous adhérez en tant que').selectOption('practitioner');
  await page.getByLabel('Gestion des déchets').check();
  await page.getByLabel('Je conseille mes pairs sans rémunération').check();
  await page.getByLabel('J’accepte les lignes directrices du réseau').check();
  await page.getByLabel('J’accepte la déclaration de confidentialité').check();
  await b.submit(page.getByRole('button', { name: 'Envoyer ma déclaration d’adhésion' }));
  assert.match(new URL(page.url()).pathname, /^\/fr\/networks\/ssa$/);
  assert.match((await page.locator('.flash').textContent()) ?? '', /un coordinateur statuera sur votre adhésion/);
  assert.match((await page.locator('main').textContent()) ?? '', /Votre demande d’adhésion attend un coordinateur/);
  await signOut(b);
});

test('coordinator approves member', async () => {
  const page = b.page;
  await signIn(b, 'en', 'coordinator@demo.peerlink.localhost', DEMO_PASSWORD);
  await b.goto('/en/networks/ssa/coordination');
  const row = page.locator('main ul.cards li.card').filter({ hasText: 'Mariam Diallo' });
  assert.equal(await row.count(), 1, 'the request waits');
  assert.match((await row.textContent()) ?? '', /Urban practitioner/);
  await b.submit(row.getByRole('button', { name: /^Approve/ }));
  assert.match((await page.locator('.flash').textContent()) ?? '', /approved/);
  assert.equal(await page.locator('main ul.cards li.card').filter({ hasText: 'Mariam Diallo' }).count(), 0, 'no longer waiting');
  // The member list waits for consent to the privacy notice: the prompt, accepted, brings the coordinator back.
  await b.goto('/en/networks/ssa/members');
  assert.match(page.url(), /\/privacy\/consent/);
  await b.submit(page.getByRole('button', { name: 'Accept' }));
  assert.match(page.url(), /\/en\/networks\/ssa\/members$/);
  assert.equal(await page.locator('main table tbody tr').filter({ hasText: 'Mariam Diallo' }).count(), 1, 'listed among the members');
  const mail = await server.smtp.waitFor((m) => m.to.includes(MEMBER) && /Bienvenue/.test(m.subject), 20_000);
  assert.match(mail.text, /networks\/ssa/);
  await signOut(b);
});

test('member proposes event', async () => {
  const page = b.page;
  await signIn(b, 'fr', MEMBER, DEMO_PASSWORD);
  await b.goto('/fr/networks/ssa');
  assert.match((await page.locator('main').textContent()) ?? '', /Vous êtes membre de ce réseau/);
  await b.follow(page.locator('main nav').getByRole('link', { name: 'Propositions' }));
  await b.follow(page.getByRole('link', { name: 'Proposer un thème ou un événement' }));
  await page.getByLabel('Type').selectOption('event');
  await page.getByLabel('Titre').fill(TITLE);
  await page.getByLabel('Description').fill('Une journée virtuelle de 20 à 30 praticiens : chacun apporte une bonne pratique ou un défi de sa ville.');
  await b.submit(page.getByRole('button', { name: 'Envoyer la proposition' }));
  assert.match((await page.locator('.flash').textContent()) ?? '', /Votre proposition a été transmise/);
  const item = page.locator('main ul.cards li.card').filter({ hasText: TITLE });
  assert.equal(await item.count(), 1);
  // Another member's proposal can be supported, once.
  const other = page.locator('main ul.cards li.card').filter({ hasText: 'financing municipal waste collection' });
  await b.submit(other.getByRole('button', { name: /Soutenir/ }));
  assert.match((await page.locator('.flash').textContent()) ?? '', /Merci pour votre soutien/);
  assert.match((await page.locator('main ul.cards li.card').filter({ hasText: 'financing municipal waste collection' }).textContent()) ?? '', /2 soutiens/);
  await signOut(b);
});

test("coordinator of SEE cannot open SSA's coordination page", async () => {
  const page = b.page;
  // The admin names a coordinator of SEE.
  await signIn(b, 'en', 'admin@demo.peerlink.localhost', DEMO_PASSWORD);
  await b.goto('/en/networks/see/coordination');
  await page.getByLabel('Email address of the account').fill('expert@demo.peerlink.localhost');
  await b.submit(page.getByRole('button', { name: 'Name coordinator' }));
  assert.match((await page.locator('.flash').textContent()) ?? '', /coordinator was named/);
  await signOut(b);

  await signIn(b, 'en', 'expert@demo.peerlink.localhost', DEMO_PASSWORD);
  const own = await b.goto('/en/networks/see/coordination');
  assert.equal(own?.status(), 200);
  const other = await b.goto('/en/networks/ssa/coordination');
  assert.equal(other?.status(), 404, 'the same answer as a missing network');
  const missing = await b.goto('/en/networks/no-such-network/coordination');
  assert.equal(missing?.status(), 404);
  await signOut(b);
});
