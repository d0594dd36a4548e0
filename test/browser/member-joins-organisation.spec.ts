/** A member asks to join an organisation; its admin sees the request pending and approves it. */
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

test('a member requests to join an organisation; it is pending for the organisation admin, and approval makes it active', async () => {
  const page = b.page;
  const member = 'Mariam Diallo'; // member@demo: no organisation yet
  const message = 'I lead civil registration in Ziniaré and would like to share our mobile registration days.';

  // The member finds Almere in the directory and asks to join as an expert.
  await signIn(b, 'en', 'member@demo.peerlink.localhost', DEMO_PASSWORD);
  await b.goto('/en/organisations?q=Almere');
  await b.follow(page.locator('main ul.cards').getByRole('link', { name: /Almere/ }).first());
  const profile = page.url();
  assert.match((await page.locator('h1').textContent()) ?? '', /Almere/);
  const members = page.locator('main table');
  if (await members.count()) assert.doesNotMatch((await members.textContent()) ?? '', new RegExp(member), 'not a member yet');
  const join = page.locator('form[action$="/join"]');
  await join.getByLabel('Role', { exact: true }).selectOption('expert');
  await join.getByLabel('Message (optional)').fill(message);
  await b.submit(join.getByRole('button', { name: 'Send the request' }));
  assert.equal(page.url(), profile);
  assert.match((await page.locator('.flash').textContent()) ?? '', /sent to the organisation admin/);
  assert.match((await page.locator('main').textContent()) ?? '', /Your roles here:.*\(waiting for approval\)/);
  await signOut(b);

  // The organisation admin sees the request, with its message, waiting for a decision.
  await signIn(b, 'en', 'orgadmin@demo.peerlink.localhost', DEMO_PASSWORD);
  await b.goto(profile);
  const pendingHeading = page.getByRole('heading', { name: 'Requests waiting for a decision' });
  assert.ok(await pendingHeading.isVisible(), 'the admin sees pending requests');
  const request = page.locator('main ul.cards li.card').filter({ hasText: member });
  assert.equal(await request.count(), 1);
  assert.match((await request.textContent()) ?? '', /Expert/i);
  assert.match((await request.textContent()) ?? '', /mobile registration days/);
  assert.doesNotMatch((await page.locator('main table').textContent()) ?? '', new RegExp(member), 'pending is not yet a member');

  await b.submit(request.getByRole('button', { name: 'Approve' }));
  assert.equal(page.url(), profile);
  assert.match((await page.locator('.flash').textContent()) ?? '', /decision was recorded/);
  const row = page.locator('main table tbody tr').filter({ hasText: member });
  assert.equal(await row.count(), 1, 'the member is listed among the members');
  assert.match((await row.textContent()) ?? '', /Expert/i);
  assert.equal(await page.locator('main ul.cards li.card').filter({ hasText: member }).count(), 0, 'no longer pending');
  await signOut(b);

  // The member sees the role as active.
  await signIn(b, 'en', 'member@demo.peerlink.localhost', DEMO_PASSWORD);
  await b.goto(profile);
  const mine = (await page.locator('main').textContent()) ?? '';
  assert.match(mine, /Your roles here:.*\(active\)/);
  assert.doesNotMatch(mine, /waiting for approval/);
});
