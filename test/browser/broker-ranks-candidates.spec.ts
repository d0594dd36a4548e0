/**
 * The matching engine in the browser: a request of the demo CONNECT programme goes through to a
 * published call (the steps of the CONNECT cycle, by the roles that do them), then the broker
 * reaches the call's ranked candidates with their reasons, filters them, opens the round planner
 * and sets the programme's matching weights; a member sees the open calls ranked for them.
 * Every page is checked with axe and for requests to other hosts by the Browser helper.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type RunningServer } from './support/server.ts';
import { Browser, signIn, signOut } from './support/browser.ts';
import { DEMO_PASSWORD } from '../../src/modules/demo/demo.seed.ts';

let server: RunningServer;
let b: Browser;
const as = (role: string) => `${role}@demo.peerlink.localhost`;
/** A datetime-local value `days` from now (UTC). */
const inDays = (days: number) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 16);
let requestUrl = '';
let callUrl = '';

before(async () => {
  // Several people take turns from one address: the per-IP limit (SECURITY 26) is tested elsewhere.
  server = await startServer({ RATE_LIMIT_PER_MINUTE: '0' });
  b = await Browser.open(server);
});
after(async () => {
  try {
    await b?.close();
  } finally {
    await server?.stop();
  }
});

const main = async () => (await b.page.locator('main').textContent()) ?? '';
const flash = async () => (await b.page.locator('.flash').textContent()) ?? '';

test('a request of the demo programme becomes a published call (requester, approver, broker, committee)', async () => {
  const p = b.page;
  await signIn(b, 'en', as('requester'), DEMO_PASSWORD);
  await b.goto('/en/programmes/connect');
  await b.follow(p.getByRole('link', { name: 'Start a request' }));
  await b.submit(p.getByRole('button', { name: 'Start the request' }));
  await p.locator('#f-title').fill('Household waste collection in Agona West');
  await p.locator('#f-challenge').fill('Household waste is not collected in half of the districts and piles up along the roads.');
  await p.locator('#f-context').fill('A municipality of 60,000 people in the Central Region.');
  await b.submit(p.getByRole('button', { name: 'Save and continue' }));
  await p.locator('#f-objectives').fill('A joint household waste collection plan for every district.');
  await p.locator('#f-results').fill('A plan adopted by the council and local stakeholders.');
  await b.submit(p.getByRole('button', { name: 'Save and continue' }));
  await p.locator('input[name="themes"][value="waste_management"]').check();
  await p.locator('input[name="formats"][value="expert_assignment"]').check();
  await p.locator('#f-languages').fill('en fr');
  await b.submit(p.getByRole('button', { name: 'Save and continue' }));
  await p.locator('#f-participants').fill('Environmental health unit, two councillors.');
  await p.locator('#f-stakeholders').fill('Local NGOs, the waste collection company.');
  await b.submit(p.getByRole('button', { name: 'Save and continue' }));
  await p.locator('#f-cofunding').fill('Local transport and a meeting room.');
  await b.submit(p.getByRole('button', { name: 'Save and continue' }));
  requestUrl = p.url().replace(/^https?:\/\/[^/]+\/en/, '');
  await signOut(b);

  await signIn(b, 'en', as('approver'), DEMO_PASSWORD);
  await b.goto(`/en${requestUrl}`);
  await b.submit(p.getByRole('button', { name: 'Endorse this request' }));
  await signOut(b);

  await signIn(b, 'en', as('requester'), DEMO_PASSWORD);
  await b.goto(`/en${requestUrl}`);
  await b.submit(p.getByRole('button', { name: 'Submit the request' }));
  await signOut(b);

  await signIn(b, 'en', as('broker'), DEMO_PASSWORD);
  await b.goto(`/en${requestUrl}`);
  await p.locator('input[name="verdict"][value="eligible"]').check();
  await b.submit(p.getByRole('button', { name: 'Record the verdict' }));
  await b.submit(p.getByRole('button', { name: 'Open the committee review' }));
  await signOut(b);

  await signIn(b, 'en', as('committee'), DEMO_PASSWORD);
  await b.goto(`/en${requestUrl}`);
  await p.locator('input[name="hasConflict"][value="no"]').check();
  await b.submit(p.getByRole('button', { name: 'Declare' }));
  await b.follow(p.getByRole('link', { name: 'Score this request' }));
  for (const s of await p.locator('select[name^="score_"]').all()) await s.selectOption('4');
  for (const c of await p.locator('textarea[name^="comment_"]').all()) await c.fill('A clear need.');
  await b.submit(p.getByRole('button', { name: 'Save my scores' }));
  await signOut(b);

  await signIn(b, 'en', as('broker'), DEMO_PASSWORD);
  await b.goto(`/en${requestUrl}`);
  await p.locator('#f-outcome').selectOption('selected');
  await p.locator('#f-reasons').fill('Strong local ownership.');
  await b.submit(p.getByRole('button', { name: 'Record the decision' }));
  await b.follow(p.getByRole('link', { name: 'Publish the call for expertise' }));
  await p.locator('#f-expertiseSought').fill('A waste manager who planned household waste collection routes with private operators.');
  await p.locator('#f-deadline').fill(inDays(20));
  await b.submit(p.getByRole('button', { name: 'Publish the call' }));
  assert.match(await flash(), /call is public/);
  callUrl = p.url().replace(/^https?:\/\/[^/]+\/en/, '');
  await signOut(b);
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
