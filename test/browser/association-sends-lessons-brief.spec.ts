/**
 * CONNECT's associations (issue 13): VNG International's editor (an association of local
 * governments in the demo, following the Municipality of Almere) finds its member's exchange, reads
 * its evaluations in summary, and sends a lessons brief to a French-speaking mayor and a donor; the
 * mayor's mail arrives in French with the PDF, and the brief records both as sent. Every page is
 * checked with axe (and for language and direction) by the support.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningServer } from './support/server.ts';
import { Browser, serverAndBrowser, signIn } from './support/browser.ts';
import { DEMO_PASSWORD } from '../../src/modules/accounts/accounts.demo.ts';

let server: RunningServer;
let b: Browser;

serverAndBrowser((s, br) => {
  server = s;
  b = br;
});

test("association sends lessons brief of a member's exchange", async () => {
  const page = b.page;
  const main = async () => (await page.locator('main').textContent()) ?? '';
  await signIn(b, 'en', 'association@demo.peerlink.localhost', DEMO_PASSWORD);
  await b.goto('/en/account');
  await b.follow(page.getByRole('link', { name: 'Associations of local governments' }));
  await b.follow(page.getByRole('link', { name: 'VNG International' }));
  assert.match(await main(), /Municipality of Almere/, 'the member organisation');
  const card = page.locator('main li.card', { hasText: 'Agona West' }).first();
  assert.match((await card.textContent()) ?? '', /answered/, 'the evaluations in summary');
  await b.follow(card.getByRole('link', { name: 'Write a lessons brief' }));
  // A bad line is named by its number; what was typed stays.
  await page.getByLabel('Recipients').fill('mayor at agona');
  await b.submit(page.getByRole('button', { name: 'Send the brief' }));
  assert.match(await main(), /Line 1: this is not an e-mail address/);
  await page.getByLabel('A note from the association').fill('Shared with the Ministry ahead of the review of decentralised sanitation services.');
  await page.getByLabel('Recipients').fill('maire@ziniare.example, Maire de Ziniaré, fr, local_government\ndonor@example.org, EU Delegation, en, donor');
  await b.submit(page.getByRole('button', { name: 'Send the brief' }));
  assert.match(await main(), /Lessons brief/);
  assert.match(await main(), /Evaluations in summary/);
  // The job sends it (every 10 seconds): the mayor's mail in French, with the PDF.
  const mail = await server.smtp.waitFor((m) => m.to.includes('maire@ziniare.example'), 60_000);
  assert.match(mail.subject.replace(/\s+/g, ''), /^Notedeleçons/);
  assert.match(mail.raw, /application\/pdf/i);
  await server.smtp.waitFor((m) => m.to.includes('donor@example.org'), 60_000);
  await b.goto(page.url());
  assert.doesNotMatch(await main(), /Waiting to be sent/, 'both recorded as sent');
  assert.match(await main(), /EU Delegation/);
});
