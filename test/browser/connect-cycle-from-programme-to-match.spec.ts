/**
 * The CONNECT cycle in the browser, from an empty programme to a confirmed match, each step by
 * the role that does it (role-verb-object), the requester in French. Every page is checked with
 * axe and for requests to other hosts by the Browser helper.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningServer } from './support/server.ts';
import { Browser, serverAndBrowser, signIn, signOut } from './support/browser.ts';
import { DEMO_PASSWORD } from '../../src/modules/accounts/accounts.demo.ts';

let server: RunningServer;
let b: Browser;
const as = (role: string) => `${role}@demo.peerlink.localhost`;
/** A datetime-local value `days` from now (UTC). */
const inDays = (days: number) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 16);
let requestUrl = '';
let callUrl = '';
let offerUrl = '';

// Six people take turns from one address: the per-IP limit (SECURITY 26) is tested elsewhere.
serverAndBrowser((s, br) => {
  server = s;
  b = br;
}, { env: { RATE_LIMIT_PER_MINUTE: '0' } });

const main = async () => (await b.page.locator('main').textContent()) ?? '';
const flash = async () => (await b.page.locator('.flash').textContent()) ?? '';

test('broker creates a programme with a round, a criterion and a committee member', async () => {
  const p = b.page;
  await signIn(b, 'en', as('broker'), DEMO_PASSWORD);
  await b.goto('/en/admin/programmes/new');
  await p.locator('#f-name').fill('CONNECT pilot');
  await p.locator('#f-slug').fill('connect-pilot');
  await p.locator('#f-description').fill('Colleague-to-colleague expertise for local governments.');
  await p.locator('input[name="themes"][value="waste_management"]').check();
  await b.submit(p.getByRole('button', { name: 'Save settings' }));
  assert.match(await flash(), /programme is created/);
  await p.locator('form[action$="/rounds"] #f-name').fill('Round 1');
  await p.locator('#f-opensAt').fill(inDays(-1));
  await p.locator('#f-closesAt').fill(inDays(30));
  await p.locator('#f-reviewOpensAt').fill(inDays(-1));
  await p.locator('#f-reviewClosesAt').fill(inDays(60));
  await b.submit(p.getByRole('button', { name: 'Add a round' }).last());
  assert.match(await flash(), /round is added/);
  await p.locator('#f-label').fill('Relevance of the challenge');
  await p.locator('#f-weight').fill('2');
  await b.submit(p.getByRole('button', { name: 'Add the criterion' }));
  await p.locator('#f-email').fill(as('committee'));
  await b.submit(p.getByRole('button', { name: 'Add to the committee' }));
  assert.match(await main(), /Pieter De Smet/);
  await signOut(b);
});

test('requester submits request in French, step by step (approver endorses request first)', async () => {
  const p = b.page;
  await signIn(b, 'fr', as('requester'), DEMO_PASSWORD);
  await b.goto('/fr/calls-for-requests');
  await b.follow(p.getByRole('link', { name: /CONNECT pilot/ }));
  await b.follow(p.getByRole('link', { name: 'Commencer une demande' }));
  await b.submit(p.getByRole('button', { name: 'Commencer la demande' }));
  // A step left incomplete shows the errors in French and keeps what was typed.
  await p.locator('#f-title').fill('Assainissement à Agona West');
  await b.submit(p.getByRole('button', { name: 'Enregistrer et continuer' }));
  assert.match((await p.locator('.error-summary').textContent()) ?? '', /Contexte local : Ce champ est obligatoire|Contexte local: Ce champ est obligatoire/);
  assert.equal(await p.locator('#f-title').inputValue(), 'Assainissement à Agona West');
  await p.locator('#f-challenge').fill('Les déchets ménagers ne sont pas collectés dans la moitié des quartiers.');
  await p.locator('#f-context').fill('Municipalité de 60 000 habitants dans la région du Centre.');
  await b.submit(p.getByRole('button', { name: 'Enregistrer et continuer' }));
  await p.locator('#f-objectives').fill('Un plan commun de gestion de l\'assainissement.');
  await p.locator('#f-results').fill('Un plan adopté par le conseil et les acteurs locaux.');
  await b.submit(p.getByRole('button', { name: 'Enregistrer et continuer' }));
  await p.locator('input[name="themes"][value="sanitation"]').check();
  await p.locator('input[name="formats"][value="expert_assignment"]').check();
  // Languages are chosen by their names in the reader's language, not typed as codes.
  await p.getByRole('checkbox', { name: 'Anglais', exact: true }).check();
  await p.getByRole('checkbox', { name: 'Français', exact: true }).check();
  await b.submit(p.getByRole('button', { name: 'Enregistrer et continuer' }));
  await p.locator('#f-participants').fill('Service d\'hygiène, deux conseillers.');
  await p.locator('#f-stakeholders').fill('ONG locales, Zoomlion Ghana.');
  await b.submit(p.getByRole('button', { name: 'Enregistrer et continuer' }));
  await p.locator('#f-cofunding').fill('Transport local et salle de réunion.');
  await b.submit(p.getByRole('button', { name: 'Enregistrer et continuer' }));
  requestUrl = p.url().replace(/^https?:\/\/[^/]+\/fr/, '');
  assert.match(await main(), /approuver la demande/);
  // An attachment, checked by its bytes.
  await p.locator('#f-file').setInputFiles({ name: 'plan-assainissement.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') });
  await b.submit(p.getByRole('button', { name: 'Joindre le fichier' }));
  assert.match(await flash(), /fichier est joint/);
  assert.match(await main(), /plan-assainissement\.pdf/);
  await signOut(b);

  await signIn(b, 'en', as('approver'), DEMO_PASSWORD);
  await b.goto(`/en${requestUrl}`);
  await b.submit(p.getByRole('button', { name: 'Endorse this request' }));
  assert.match(await flash(), /endorsed the request/);
  await signOut(b);

  await signIn(b, 'fr', as('requester'), DEMO_PASSWORD);
  await b.goto(`/fr${requestUrl}`);
  await b.submit(p.getByRole('button', { name: 'Soumettre la demande' }));
  assert.match(await flash(), /ne peut plus être modifiée/);
  assert.match((await p.locator('main .meta').first().textContent()) ?? '', /Soumise/);
  await signOut(b);
});

test('committee member scores request after the broker found it eligible', async () => {
  const p = b.page;
  await signIn(b, 'en', as('broker'), DEMO_PASSWORD);
  await b.goto(`/en${requestUrl}`);
  await p.locator('input[name="verdict"][value="eligible"]').check();
  await b.submit(p.getByRole('button', { name: 'Record the verdict' }));
  await b.submit(p.getByRole('button', { name: 'Open the committee review' }));
  await signOut(b);

  await signIn(b, 'en', as('committee'), DEMO_PASSWORD);
  await b.goto('/en/requests');
  await b.follow(p.getByRole('link', { name: 'Assainissement à Agona West' }));
  await p.locator('input[name="hasConflict"][value="no"]').check();
  await b.submit(p.getByRole('button', { name: 'Declare' }));
  await b.follow(p.getByRole('link', { name: 'Score this request' }));
  await p.locator('select[name^="score_"]').first().selectOption('4');
  await p.locator('textarea[name^="comment_"]').first().fill('A clear need, with local partners on board.');
  await b.submit(p.getByRole('button', { name: 'Save my scores' }));
  assert.match(await flash(), /stay private until the decision/);
  await signOut(b);
});

test('broker records the decision and publishes call', async () => {
  const p = b.page;
  await signIn(b, 'en', as('broker'), DEMO_PASSWORD);
  await b.goto(`/en${requestUrl}`);
  assert.match(await main(), /A clear need, with local partners on board\./);
  await p.locator('#f-outcome').selectOption('selected');
  await p.locator('#f-reasons').fill('Strong local ownership and a clear plan.');
  await b.submit(p.getByRole('button', { name: 'Record the decision' }));
  assert.match(await flash(), /decision is recorded/);
  await b.follow(p.getByRole('link', { name: 'Publish the call for expertise' }));
  await p.locator('#f-expertiseSought').fill('A sanitation officer who planned collection with NGOs and private operators.');
  await p.locator('#f-deadline').fill(inDays(20));
  await b.submit(p.getByRole('button', { name: 'Publish the call' }));
  assert.match(await flash(), /call is public/);
  callUrl = p.url().replace(/^https?:\/\/[^/]+\/en/, '');
  assert.doesNotMatch(await main(), /Transport local et salle/, 'the public call has no confidential detail');
  await signOut(b);
});

test('expert offers to call', async () => {
  const p = b.page;
  await signIn(b, 'en', as('expert'), DEMO_PASSWORD);
  await b.goto('/en/calls');
  await b.follow(p.getByRole('link', { name: 'Assainissement à Agona West' }));
  await b.follow(p.getByRole('link', { name: 'Offer expertise' }));
  await p.locator('input[name="experts"]').first().check();
  await p.locator('textarea[name^="motivation_"]').first().fill('I led our HR and sanitation reforms in Sandgerði.');
  await p.locator('input[name^="availability_"]').first().fill('Spring');
  await b.submit(p.getByRole('button', { name: 'Send the offer' }));
  assert.match(await flash(), /offer is sent/);
  offerUrl = p.url().replace(/^https?:\/\/[^/]+\/en/, '');
  await signOut(b);

  await signIn(b, 'en', as('broker'), DEMO_PASSWORD);
  await b.goto(`/en${callUrl}/offers`);
  await b.follow(p.getByRole('link', { name: /Sigrún/ }));
  await p.locator('#f-body').fill('Could you travel in April?');
  await b.submit(p.getByRole('button', { name: 'Send' }));
  await b.submit(p.getByRole('button', { name: 'Shortlist' }));
  await b.submit(p.getByRole('button', { name: 'Propose as the match' }));
  assert.match(await flash(), /both sides are asked to confirm/);
  await signOut(b);
});

test('requester confirms match in French, then the expert confirms and the request is matched', async () => {
  const p = b.page;
  await signIn(b, 'fr', as('requester'), DEMO_PASSWORD);
  await b.goto(`/fr${requestUrl}`);
  await b.follow(p.getByRole('link', { name: 'Voir la mise en relation proposée' }));
  await b.submit(p.getByRole('button', { name: 'Confirmer la mise en relation' }));
  assert.match(await flash(), /l['’]autre partie doit encore confirmer/);
  await signOut(b);

  await signIn(b, 'en', as('expert'), DEMO_PASSWORD);
  await b.goto(`/en${offerUrl}`);
  await b.submit(p.getByRole('button', { name: 'Confirm the match' }));
  assert.match(await flash(), /confirmed by both sides/);
  await signOut(b);

  await signIn(b, 'fr', as('requester'), DEMO_PASSWORD);
  await b.goto(`/fr${requestUrl}`);
  assert.match((await p.locator('main .meta').first().textContent()) ?? '', /Mise en relation faite/);
  await b.goto('/fr/programmes/connect-pilot/timeline');
  assert.match(await main(), /Mise en relation confirmée/);
  await b.goto('/fr/notifications/settings');
  await p.locator('input[name="requests"][value="daily"]').check();
  await b.submit(p.getByRole('button', { name: 'Enregistrer' }));
  assert.match(await flash(), /choix de notifications sont enregistrés/);
  await signOut(b);
});

test('broker follows the cycle on the dashboard and edits the round', async () => {
  const p = b.page;
  await signIn(b, 'en', as('broker'), DEMO_PASSWORD);
  await b.goto('/en/broker');
  const row = p.locator('main table').last().locator('tbody tr').filter({ hasText: 'Assainissement à Agona West' });
  assert.match((await row.textContent()) ?? '', /Matched/);
  await b.goto('/en/admin/programmes');
  await b.follow(p.getByRole('link', { name: 'CONNECT pilot' }));
  await b.follow(p.getByRole('link', { name: /Edit\s+Round 1/ }));
  await p.locator('#f-name').fill('Round 1 (extended)');
  await b.submit(p.getByRole('button', { name: 'Save settings' }));
  assert.match(await main(), /Round 1 \(extended\)/);
  await signOut(b);
});
