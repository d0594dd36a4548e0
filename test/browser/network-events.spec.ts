/**
 * The communities of practice, events half: the SSA coordinator plans and publishes a virtual
 * event from the network's page (one place), a member registers and gets the confirmation with its
 * calendar file, a second member is waitlisted and promoted (and mailed) when the first cancels, and
 * after the demo's past on-site event a coordinator who is also a broker records attendance, writes
 * the report and drafts a good practice from it. Every page is checked with axe by the support.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import type { RunningServer } from './support/server.ts';
import { Browser, serverAndBrowser, signIn, signOut } from './support/browser.ts';
import { DEMO_PASSWORD } from '../../src/modules/accounts/accounts.demo.ts';

let server: RunningServer;
let b: Browser;
const COORDINATOR = 'coordinator@demo.peerlink.localhost'; // Amina Kamau, coordinates SSA
const KWAME = 'approver@demo.peerlink.localhost'; // SSA member
const GEORGE = 'requester@demo.peerlink.localhost'; // SSA member
const TITLE = 'Peer clinic: collection fees that households pay';
let eventPath = '';

const day = (offset: number) => new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);

serverAndBrowser((s, br) => {
  server = s;
  b = br;
});

test('coordinator publishes virtual event', async () => {
  const page = b.page;
  await signIn(b, 'en', COORDINATOR, DEMO_PASSWORD);
  await b.goto('/en/networks/ssa');
  assert.match((await page.locator('#network-events').textContent()) ?? '', /Upcoming events/);
  await b.follow(page.locator('main').getByRole('link', { name: 'Plan an event' }));
  // A date the calendar does not have comes back as a field error.
  await page.getByLabel('Title', { exact: true }).fill(TITLE);
  await page.getByLabel('Description', { exact: true }).fill('A virtual peer clinic of 20–30 practitioners: each brings a practice or a challenge of fee collection.');
  await page.getByLabel('Time zone of the event').selectOption('Africa/Nairobi');
  await page.evaluate(() => {
    (document.getElementById('f-startDate') as HTMLInputElement).type = 'text';
  });
  await page.getByLabel('Start date').fill('2027-02-30');
  await page.getByLabel('Start time').fill('10:00');
  await page.getByLabel('End date').fill(day(20));
  await page.getByLabel('End time').fill('12:00');
  await page.getByLabel('Meeting link').fill('https://meet.example.org/peer-clinic');
  await page.getByLabel('Number of places').fill('1');
  await page.getByLabel('Registration opens on').fill(day(-1));
  await page.getByLabel('Registration opens at').fill('00:00');
  await page.getByLabel('Registration closes on').fill(day(19));
  await page.getByLabel('Registration closes at').fill('18:00');
  await b.submit(page.getByRole('button', { name: 'Save the draft' }));
  assert.match((await page.locator('.error-summary').textContent()) ?? '', /Enter a real date as YYYY-MM-DD/);

  await page.getByLabel('Start date').fill(day(20));
  await b.submit(page.getByRole('button', { name: 'Save the draft' }));
  assert.match(new URL(page.url()).pathname, /^\/en\/events\/[0-9a-f-]{36}\/manage$/);
  assert.match((await page.locator('.flash').textContent()) ?? '', /The draft is saved/);
  await b.submit(page.getByRole('button', { name: 'Publish the event' }));
  assert.match((await page.locator('.flash').textContent()) ?? '', /The event is published/);
  eventPath = new URL(page.url()).pathname.replace(/^\/en/, '');
  assert.match((await page.locator('main').textContent()) ?? '', /Africa\/Nairobi/, 'the time zone is named');
  await signOut(b);

  // Visitors see the event, never its meeting link.
  await b.goto('/en/networks/ssa');
  assert.equal(await page.locator('section[aria-labelledby="network-events"]').getByRole('link', { name: TITLE }).count(), 1);
  await b.goto(`/en${eventPath}`);
  assert.doesNotMatch(await page.content(), /meet\.example\.org/);
});

test('member registers for event and gets the calendar file', async () => {
  const page = b.page;
  await signIn(b, 'en', KWAME, DEMO_PASSWORD);
  await b.goto(`/en${eventPath}`);
  await b.submit(page.getByRole('button', { name: 'Register', exact: true }));
  assert.match((await page.locator('.flash').textContent()) ?? '', /You are registered/);
  assert.match((await page.locator('main').textContent()) ?? '', /your place is confirmed/);
  const mail = await server.smtp.waitFor((m) => m.to.includes(KWAME) && /Registration confirmed/.test(m.subject), 20_000);
  assert.match(mail.raw, /event\.ics/, 'the calendar file is attached');
  // The page's calendar link gives the same event.
  const ics = await page.request.get(new URL(`/en${eventPath}/event.ics`, page.url()).toString());
  assert.equal(ics.status(), 200);
  const [ve] = new ICAL.Component(ICAL.parse(await ics.text())).getAllSubcomponents('vevent');
  assert.equal(ve!.getFirstPropertyValue('summary'), TITLE);
  assert.equal(ve!.getFirstPropertyValue('uid'), `${eventPath.split('/').pop()}@peerlink`);
  assert.doesNotMatch(await ics.text(), /meet\.example\.org/);
  await signOut(b);
});

test('waitlisted member is promoted after a cancellation', async () => {
  const page = b.page;
  await signIn(b, 'en', GEORGE, DEMO_PASSWORD);
  await b.goto(`/en${eventPath}`);
  assert.match((await page.locator('main').textContent()) ?? '', /All places are taken/);
  await b.submit(page.getByRole('button', { name: 'Register', exact: true }));
  assert.match((await page.locator('.flash').textContent()) ?? '', /you are on the waiting list/);
  await signOut(b);

  await signIn(b, 'en', KWAME, DEMO_PASSWORD);
  await b.goto(`/en${eventPath}`);
  await b.submit(page.getByRole('button', { name: 'Cancel my registration' }));
  assert.match((await page.locator('.flash').textContent()) ?? '', /Your registration is cancelled/);
  await signOut(b);

  const mail = await server.smtp.waitFor((m) => m.to.includes(GEORGE) && /A place became free/.test(m.subject), 20_000);
  assert.match(mail.raw, /event\.ics/);
  await signIn(b, 'en', GEORGE, DEMO_PASSWORD);
  await b.goto(`/en${eventPath}`);
  assert.match((await page.locator('main').textContent()) ?? '', /your place is confirmed/);
  await signOut(b);
});

test('coordinator records attendance and drafts good practice', async () => {
  const page = b.page;
  // The admin names the broker (an editor of good practices) coordinator of SSA.
  await signIn(b, 'en', 'admin@demo.peerlink.localhost', DEMO_PASSWORD);
  await b.goto('/en/networks/ssa/coordination');
  await page.getByLabel('Email address of the account').fill('broker@demo.peerlink.localhost');
  await b.submit(page.getByRole('button', { name: 'Name coordinator' }));
  await signOut(b);

  await signIn(b, 'en', 'broker@demo.peerlink.localhost', DEMO_PASSWORD);
  await b.goto('/en/events?network=ssa&when=past');
  await b.follow(page.locator('main ul.cards').getByRole('link', { name: /Dialogue event in Accra/ }));
  await b.follow(page.getByRole('link', { name: 'Manage the event' }));
  await page.getByLabel('George Freeman attended').check();
  await b.submit(page.getByRole('button', { name: 'Save the attendance' }));
  assert.match((await page.locator('.flash').textContent()) ?? '', /attendance is saved/);
  assert.equal(await page.getByLabel('George Freeman attended').isChecked(), true);
  await page.getByLabel('Short report').fill('Twenty-four practitioners from eight cities; the joint landfill of four municipalities will be written up.');
  await b.submit(page.getByRole('button', { name: 'Save the report' }));
  assert.match((await page.locator('.flash').textContent()) ?? '', /report is saved/);
  await b.submit(page.getByRole('button', { name: 'Draft a good practice from this event' }));
  assert.match(new URL(page.url()).pathname, /^\/en\/good-practices\/[0-9a-f-]{36}\/edit$/);
  assert.match(await page.content(), /Dialogue event in Accra/);
  await signOut(b);
});
