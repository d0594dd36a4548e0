/** A visitor registers, confirms the address from the mail's link and signs in: all without JavaScript. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningServer } from './support/server.ts';
import { Browser, serverAndBrowser, signIn, signOut } from './support/browser.ts';

let server: RunningServer;
let b: Browser;
serverAndBrowser((s, br) => {
  server = s;
  b = br;
}, { browser: { javaScriptEnabled: false } });

test('a visitor registers, confirms the e-mail by its link and signs in, with JavaScript disabled', async () => {
  const page = b.page;
  const email = `ama.owusu.${Date.now()}@agona-west.example`;
  const password = 'sanitation plans for forty people';

  await b.goto('/en');
  await b.follow(page.locator('header').getByRole('link', { name: 'Register' }));
  assert.match(page.url(), /\/en\/register$/);

  // A first try with a short password: the form says what is wrong and keeps what was typed.
  await page.getByLabel('Full name').fill('Ama Owusu');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('short');
  await b.submit(page.getByRole('button', { name: 'Create account' }));
  await assertVisible(page.locator('.error-summary'));
  assert.equal(await page.getByLabel('Full name').inputValue(), 'Ama Owusu');
  assert.equal(await page.getByLabel('E-mail address').inputValue(), email);
  assert.equal(await page.locator('#f-password').getAttribute('aria-invalid'), 'true');

  await page.getByLabel('Password', { exact: true }).fill(password);
  await b.submit(page.getByRole('button', { name: 'Create account' }));
  assert.match(page.url(), /\/en\/register\/sent$/);

  // The mail arrived, and its link confirms the account.
  const mail = await server.smtp.waitFor((m) => m.to.includes(email), 15_000);
  const link = /https?:\/\/\S+\/verify-email\?token=[\w-]+/.exec(mail.text)?.[0];
  assert.ok(link, `a confirmation link in the mail:\n${mail.text}`);
  assert.ok(link.startsWith(server.origin), 'the link points at this server');

  // Not confirmed yet: signing in is refused.
  await signIn(b, 'en', email, password);
  assert.match(page.url(), /\/en\/sign-in$/);
  assert.match((await page.locator('.error-summary').textContent()) ?? '', /Confirm your e-mail address first/);

  await b.goto(link);
  await b.submit(page.locator('main form button[type="submit"]'));
  assert.match(page.url(), /\/en\/sign-in$/);
  assert.match((await page.locator('.flash').textContent()) ?? '', /e-mail address is confirmed/);

  // The link works once.
  await b.goto(link);
  assert.equal(await page.locator('main form button[type="submit"]').count(), 0, 'a used link offers nothing to confirm');

  await signIn(b, 'en', email, password);
  // Without an explicit next, sign-in lands on "Waiting on you" (issue 16): nothing waits on a new member.
  assert.match(page.url(), /\/en\/me\/waiting$/);
  await assertVisible(page.locator('main').getByText('Nothing is waiting on you right now.'));
  await b.goto('/en/account');
  assert.equal(await page.getByLabel('Full name').inputValue(), 'Ama Owusu');
  await assertVisible(page.locator('main').getByText(email));

  await signOut(b);
  await b.goto('/en/account');
  assert.match(page.url(), /\/en\/sign-in\?next=/, 'signed out: the account page asks to sign in again');
});

async function assertVisible(l: import('playwright-core').Locator) {
  assert.ok(await l.first().isVisible(), `${l} is visible`);
}
