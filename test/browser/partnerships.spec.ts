/**
 * Partnerships outside programme rounds (issue 13): two municipalities record a twinning with its
 * charter — the recording admin's side at once, the partner's admin confirms (in French) before it
 * shows publicly; an organisation's member sends a direct cooperation request from the peer's
 * directory page, the peer's admin gets it by mail, accepts it with a message, and a partnership
 * between both is proposed. Every page is checked with axe by the support.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningServer } from './support/server.ts';
import { Browser, serverAndBrowser, signIn, signOut } from './support/browser.ts';
import { DEMO_PASSWORD } from '../../src/modules/accounts/accounts.demo.ts';

let server: RunningServer;
let b: Browser;
const MEMBER = 'member@demo.peerlink.localhost'; // Mariam Diallo, French; creates her commune below, so is its admin
const ORGADMIN = 'orgadmin@demo.peerlink.localhost'; // Inge Vermeulen, admin of the Municipality of Almere
const REQUESTER = 'requester@demo.peerlink.localhost'; // George Freeman, requester of Agona West

serverAndBrowser((s, br) => {
  server = s;
  b = br;
});

const main = async () => (await b.page.locator('main').textContent()) ?? '';
const flash = async () => (await b.page.locator('.flash').first().textContent()) ?? '';

test('two municipalities record a twinning partnership with its charter', async () => {
  const page = b.page;
  const commune = `Commune de Sokodé ${Date.now().toString(36)}`;
  const title = `Almere – Sokodé ${Date.now().toString(36)}`;
  // The second municipality joins the platform: its creator is its admin.
  await signIn(b, 'en', MEMBER, DEMO_PASSWORD);
  await b.goto('/en/organisations/new');
  await page.locator('#f-name').fill(commune);
  await page.getByLabel('Country', { exact: true }).selectOption({ label: 'Togo' });
  await b.submit(page.getByRole('button', { name: 'Save' }));
  const communePath = new URL(page.url()).pathname.replace(/^\/en/, '');
  await signOut(b);

  // Almere's admin records the twinning from the commune's page, with its charter date.
  await signIn(b, 'en', ORGADMIN, DEMO_PASSWORD);
  await b.goto(`/en${communePath}`);
  await b.follow(page.getByRole('link', { name: 'Record a partnership with this organisation' }));
  assert.match(await main(), new RegExp(`With ${commune}`));
  await page.getByLabel('Name of the partnership').fill(title);
  await page.getByLabel('Date of the twinning charter').fill('2024-05-09');
  // Without its approach, a charter date is refused: the errors name the fields and what was typed stays.
  await b.submit(page.getByRole('button', { name: 'Record the partnership' }));
  assert.ok(await page.locator('.error-summary').isVisible());
  assert.match((await page.locator('.error-summary').textContent()) ?? '', /Approaches: Choose at least one approach/);
  assert.equal(await page.getByLabel('Name of the partnership').inputValue(), title);
  await page.getByRole('group', { name: 'Approaches' }).getByLabel('Twinning').check();
  await page.getByLabel('Partners since').fill('2024-05-09');
  await page.getByLabel('Show a public page once every partner confirmed').check();
  await b.submit(page.getByRole('button', { name: 'Record the partnership' }));
  assert.match(await flash(), /The partnership was recorded/);
  const partnershipPath = new URL(page.url()).pathname.replace(/^\/en/, '');
  assert.match(await main(), /Date of the twinning charter\s*May 9, 2024/);
  assert.match(await main(), /twinning charter signed/);
  assert.match(await main(), new RegExp(`${commune} \\(Togo\\) — waiting for its admin to confirm`));
  await signOut(b);

  // Not public before the commune's admin confirms.
  await b.goto('/en/partnerships?approach=twinning');
  assert.doesNotMatch(await main(), new RegExp(title));

  // The commune's admin confirms, in French.
  await server.smtp.waitFor((m) => m.subject.includes(title));
  await signIn(b, 'fr', MEMBER, DEMO_PASSWORD);
  await b.goto(`/fr${partnershipPath}`);
  await b.submit(page.getByRole('button', { name: `Confirmer au nom de ${commune}` }));
  assert.match(await flash(), /Tous les partenaires ont confirmé/);
  // She also marks her commune open to cooperation (Cities4Cities): it shows on its page and in the directory.
  await b.goto(`/fr${communePath}`);
  await b.follow(page.getByRole('link', { name: 'Ouverte à la coopération ?' }));
  await page.getByLabel('Notre organisation est ouverte à la coopération').check();
  await page.getByRole('group', { name: 'Thèmes' }).getByLabel('Gestion des déchets').check();
  await page.getByLabel('Votre situation en quelques lignes').fill('Une commune de 100 000 habitants qui organise la collecte des déchets avec ses voisines.');
  await b.submit(page.getByRole('button', { name: 'Enregistrer' }));
  assert.match(await flash(), /ouverte à la coopération/);
  assert.match(await main(), /organise la collecte des déchets avec ses voisines/);
  await b.goto('/fr/organisations?theme=waste_management');
  assert.match(await main(), new RegExp(`Ouvertes à la coopération[\\s\\S]*${commune}`));
  await b.goto('/fr/open-to-cooperation?theme=waste_management');
  await signOut(b);

  // Now everyone finds it by its approach and reads its public page.
  await b.goto('/en/partnerships?approach=twinning');
  await b.follow(page.getByRole('link', { name: title }));
  assert.match(await main(), /active and public/);
  assert.match(await main(), /Twinning/);
  await b.goto(`/ar${partnershipPath}`);
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
});

test('organisation sends direct cooperation request and peer accepts it', async () => {
  const page = b.page;
  const message = `We extended waste collection to new districts and would like to compare notes with Almere (${Date.now().toString(36)}).`;
  await signIn(b, 'en', REQUESTER, DEMO_PASSWORD);
  await b.goto('/en/organisations?q=Almere');
  await b.follow(page.locator('main').getByRole('link', { name: 'Municipality of Almere' }).first());
  await b.follow(page.getByRole('link', { name: 'Ask for cooperation' }));
  // The matching engine suggests other peers on a theme.
  await page.getByLabel('Other peers on the theme').selectOption({ label: 'Waste management' });
  await b.submit(page.getByRole('button', { name: 'Suggest peers' }));
  assert.match(await main(), /Peers the matching engine suggests/);
  await page.getByLabel('Theme', { exact: true }).selectOption({ label: 'Waste management' });
  await page.getByLabel('Message').fill('hi');
  await b.submit(page.getByRole('button', { name: 'Send the request' }));
  assert.match((await page.locator('.error-summary').textContent()) ?? '', /Message: Write 20 to 2,000 characters/);
  await page.getByLabel('Message').fill(message);
  await b.submit(page.getByRole('button', { name: 'Send the request' }));
  assert.match(await flash(), /Your request was sent/);
  await signOut(b);

  const mail = await server.smtp.waitFor((m) => m.subject.includes('Agona West') && m.subject.includes('contact'));
  assert.ok(mail.to.some((x) => x.includes('orgadmin@')));

  await signIn(b, 'en', ORGADMIN, DEMO_PASSWORD);
  await b.goto('/en/cooperation-requests');
  await b.follow(page.locator('main table a').first());
  assert.match(await main(), /compare notes with Almere/);
  await page.getByLabel('Accept: propose a partnership').check();
  await page.getByLabel('Your message').fill('Welcome: let us start with a call in January.');
  await b.submit(page.getByRole('button', { name: 'Send the answer' }));
  assert.match(await flash(), /Request accepted/);
  assert.match(new URL(page.url()).pathname, /^\/en\/partnerships\/[0-9a-f-]{36}$/);
  assert.match(await main(), /Agona West/);
  assert.match(await main(), /direct cooperation request accepted/);
  await signOut(b);
  await server.smtp.waitFor((m) => m.subject.includes('accepted your cooperation request'));
});
