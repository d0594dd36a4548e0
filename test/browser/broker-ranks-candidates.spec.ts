/**
 * The matching engine in the browser: a request of the demo CONNECT programme goes through to a
 * published call (the steps of the CONNECT cycle, by the roles that do them), then the broker
 * reaches the call's ranked candidates with their reasons, filters them, opens the round planner
 * and sets the programme's matching weights; a member sees the open calls ranked for them.
 * Every page is checked with axe and for requests to other hosts by the Browser helper.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningServer } from './support/server.ts';
import { Browser, serverAndBrowser, signIn, signOut } from './support/browser.ts';
import { DEMO_PASSWORD } from '../../src/modules/accounts/accounts.demo.ts';
import { requestToPublishedCall } from './support/cycle.ts';

let server: RunningServer;
let b: Browser;
const as = (role: string) => `${role}@demo.peerlink.localhost`;
let callUrl = '';

// Several people take turns from one address: the per-IP limit (SECURITY 26) is tested elsewhere.
serverAndBrowser((s, br) => {
  server = s;
  b = br;
}, { env: { RATE_LIMIT_PER_MINUTE: '0' } });

const main = async () => (await b.page.locator('main').textContent()) ?? '';
const flash = async () => (await b.page.locator('.flash').textContent()) ?? '';

test('a request of the demo programme becomes a published call (requester, approver, broker, committee)', async () => {
  ({ callPath: callUrl } = await requestToPublishedCall(b, {
    title: 'Household waste collection in Agona West',
    challenge: 'Household waste is not collected in half of the districts and piles up along the roads.',
    context: 'A municipality of 60,000 people in the Central Region.',
    objectives: 'A joint household waste collection plan for every district.',
    results: 'A plan adopted by the council and local stakeholders.',
    theme: 'waste_management',
    format: 'expert_assignment',
    languages: 'en fr',
    participants: 'Environmental health unit, two councillors.',
    stakeholders: 'Local NGOs, the waste collection company.',
    cofunding: 'Local transport and a meeting room.',
    expertiseSought: 'A waste manager who planned household waste collection routes with private operators.',
  }));
  assert.match(callUrl, /^\/calls\/[0-9a-f-]{36}$/);
});

test('broker sees the ranked candidates with reasons and filters them', async () => {
  const p = b.page;
  await signIn(b, 'en', as('broker'), DEMO_PASSWORD);
  await b.goto(`/en${callUrl}/offers`);
  await b.follow(p.getByRole('link', { name: /candidates ranked by the matching engine/ }));
  assert.match((await p.locator('h1').textContent()) ?? '', /Ranked candidates/);
  const rows = p.locator('table.candidates tbody tr');
  assert.ok((await rows.count()) > 0, 'some candidates are ranked');
  assert.ok((await rows.first().locator('td ul li').count()) > 0, 'the best candidate comes with reasons');
  assert.doesNotMatch((await p.locator('table.candidates tbody').textContent()) ?? '', /Agona West/, 'the requester and its people are never listed');

  await p.locator('#f-type').selectOption('organisation');
  await b.submit(p.getByRole('button', { name: 'Apply filters' }));
  assert.match(p.url(), /type=organisation/);
  const hints = await p.locator('table.candidates tbody th .hint').allTextContents();
  assert.ok(hints.length > 0);
  for (const h of hints) assert.match(h, /^Organisation/);
  await signOut(b);
});

test('broker opens the round planner and sets the programme\'s matching weights', async () => {
  const p = b.page;
  await signIn(b, 'en', as('broker'), DEMO_PASSWORD);
  await b.goto('/en/admin/programmes');
  await b.follow(p.getByRole('link', { name: 'CONNECT', exact: true }));
  const programmeUrl = p.url();
  await b.follow(p.getByRole('link', { name: /^Edit\s+\d{4} round/ }));
  await b.follow(p.getByRole('link', { name: /Plan the round/ }));
  assert.match(await main(), /Total score of the plan|Proposed candidate/);

  await b.goto(programmeUrl);
  await b.follow(p.getByRole('link', { name: 'Matching weights' }));
  assert.equal(await p.locator('#f-concepts').inputValue(), '0.3');
  await p.locator('#f-concepts').fill('eleven');
  await b.submit(p.getByRole('button', { name: 'Save the weights' }));
  assert.match((await p.locator('.error-summary').textContent()) ?? '', /Shared concepts: Enter a number/);
  assert.equal(await p.locator('#f-concepts').inputValue(), 'eleven');
  await p.locator('#f-concepts').fill('0.6');
  await b.submit(p.getByRole('button', { name: 'Save the weights' }));
  assert.match(await flash(), /matching weights are saved/);
  assert.equal(await p.locator('#f-concepts').inputValue(), '0.6');
  await b.submit(p.getByRole('button', { name: 'Reset to defaults' }));
  assert.match(await flash(), /default weights apply again/);
  assert.equal(await p.locator('#f-concepts').inputValue(), '0.3');
  await signOut(b);
});

test('member visits the opportunities ranked for them', async () => {
  const p = b.page;
  await signIn(b, 'en', as('expert'), DEMO_PASSWORD);
  await b.goto('/en/opportunities');
  assert.match((await p.locator('h1').textContent()) ?? '', /Opportunities for you/);
  await signOut(b);
});
