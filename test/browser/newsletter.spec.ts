/**
 * The newsletter: a visitor subscribes to the SSA network's newsletter without an account and
 * confirms through the link of the mail received by the loopback SMTP server (double opt-in); the
 * demo SSA coordinator writes an issue in English and French, sees the recipient count in the
 * preview and sends it (the visitor gets the French version); the visitor unsubscribes in one click
 * by POSTing to the mail's List-Unsubscribe URL (RFC 8058), as a mail provider does, without a
 * session. Every page is checked with axe by the support, the Arabic one right to left.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningServer } from './support/server.ts';
import { Browser, serverAndBrowser, signIn, signOut } from './support/browser.ts';
import { DEMO_PASSWORD } from '../../src/modules/accounts/accounts.demo.ts';

let server: RunningServer;
let b: Browser;
const COORDINATOR = 'coordinator@demo.peerlink.localhost'; // Amina Kamau, coordinates SSA
const VISITOR = 'visitor.newsletter@example.org';
const SUBJECT_EN = 'SSA network news: the waste collection peer clinic';
const SUBJECT_FR = 'Nouvelles du réseau : la clinique entre pairs';

const headerOf = (raw: string, name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(raw.replace(/\r?\n[ \t]+/g, ' '))?.[1]?.trim();

serverAndBrowser((s, br) => {
  server = s;
  b = br;
});

test('visitor subscribes to SSA newsletter and confirms', async () => {
  const page = b.page;
  // The form in Arabic, right to left.
  await b.goto('/ar/news/subscribe?network=ssa');
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  await b.goto('/en/networks/ssa');
  const section = page.locator('section[aria-labelledby="network-news"]');
  assert.match((await section.textContent()) ?? '', /Network news: waste collection dialogue and new members/, 'the demo’s archived issue');
  await b.follow(section.getByRole('link', { name: 'Subscribe to the newsletter' }));
  await page.getByLabel('E-mail address').fill(VISITOR);
  await page.getByLabel('Language of the mails').selectOption('fr');
  // Consent is required: a field error, nothing sent.
  await b.submit(page.getByRole('button', { name: 'Subscribe' }));
  assert.match((await page.locator('.error-summary').textContent()) ?? '', /Tick the box to give your consent/);
  assert.equal(await page.locator('input[name="lists"][value="network:ssa"]').isChecked(), true);
  await page.getByLabel('I agree to receive these newsletters.').check();
  await b.submit(page.getByRole('button', { name: 'Subscribe' }));
  assert.match((await page.locator('h1').textContent()) ?? '', /Check your mail/);
  const mail = await server.smtp.waitFor((m) => m.to.includes(VISITOR) && /\/news\/confirm\//.test(m.text), 15_000);
  const url = /(https?:\/\/\S+\/news\/confirm\/[A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;
  assert.match(url, /\/fr\/news\/confirm\//, 'in the language chosen');
  await b.goto(url);
  await b.submit(page.getByRole('button', { name: 'Confirmer' }));
  assert.match((await page.locator('h1').textContent()) ?? '', /Abonnement confirmé/);
  assert.match((await page.locator('main').textContent()) ?? '', /Sub-Saharan|subsaharienne|Afrique/i);
});

test('coordinator sends newsletter issue', async () => {
  const page = b.page;
  await signIn(b, 'en', COORDINATOR, DEMO_PASSWORD);
  await b.goto('/en/networks/ssa');
  await b.follow(page.locator('section[aria-labelledby="network-news"]').getByRole('link', { name: 'Write an issue' }));
  await page.locator('#f-subject_en').fill(SUBJECT_EN);
  await page.locator('#f-body_en').fill('Dear colleagues,\n\nOur next peer clinic is on the fees households pay for waste collection. Bring a practice or a challenge.');
  await page.locator('#f-subject_fr').fill(SUBJECT_FR);
  // A version with a subject and no text is a field error naming it.
  await b.submit(page.getByRole('button', { name: 'Save and preview' }));
  assert.match((await page.locator('.error-summary').textContent()) ?? '', /Text \(Français\)/);
  await page.locator('#f-body_fr').fill('Chères et chers collègues,\n\nNotre prochaine clinique entre pairs porte sur les redevances de collecte des déchets.');
  await b.submit(page.getByRole('button', { name: 'Save and preview' }));
  assert.match(new URL(page.url()).pathname, /^\/en\/news\/issues\/[0-9a-f-]{36}\/preview$/);
  // Members who accepted the guidelines (2 in the demo), the demo's 2 subscribers and the visitor.
  const count = (await page.locator('#recipient-count').textContent()) ?? '';
  const n = Number(/(\d+) recipients/.exec(count)?.[1]);
  assert.ok(n >= 5, count);
  await b.submit(page.getByRole('button', { name: `Send to ${n} recipients` }));
  assert.match((await page.locator('.flash').textContent()) ?? '', /on its way/);
  assert.match((await page.locator('h1').textContent()) ?? '', new RegExp(SUBJECT_EN));
  const mail = await server.smtp.waitFor((m) => m.to.includes(VISITOR) && /Nouvelles du/.test(m.subject), 30_000);
  assert.match(mail.text, /clinique entre pairs/, 'the visitor’s language');
  await signOut(b);
  await b.goto('/en/networks/ssa/news');
  assert.match((await page.locator('main').textContent()) ?? '', new RegExp(SUBJECT_EN));
});

test('subscriber unsubscribes in one click', async () => {
  const page = b.page;
  const mail = await server.smtp.waitFor((m) => m.to.includes(VISITOR) && /Nouvelles du/.test(m.subject));
  assert.equal(headerOf(mail.raw, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');
  const url = /^<(.+)>$/.exec(headerOf(mail.raw, 'List-Unsubscribe')!)![1]!;
  // What a mail provider does: a POST from its own servers, no cookie, no form token.
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://mail.example.net' }, body: 'List-Unsubscribe=One-Click' });
  assert.equal(res.status, 200);
  // The preferences link of the same mail shows the list no longer chosen.
  const prefs = /(https?:\/\/\S+\/news\/preferences\/[A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;
  await b.goto(prefs);
  assert.equal(await page.locator('input[name="lists"][value="network:ssa"]').isChecked(), false);
  // The unsubscribe page itself (GET) shows a confirm button and changes nothing.
  await b.goto(url);
  assert.equal(await page.getByRole('button').filter({ hasText: /désabonner|Unsubscribe/i }).count() >= 1, true);
});
