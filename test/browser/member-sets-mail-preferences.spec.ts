/**
 * A member chooses, in Arabic, how each category of mail reaches them (issue 12): the page works
 * without JavaScript, right to left, with axe checked by the support; the choice is kept.
 */
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

test('member sets mail preferences in Arabic', async () => {
  const page = b.page;
  await signIn(b, 'ar', 'member@demo.peerlink.localhost', DEMO_PASSWORD);
  await b.goto('/ar/notifications/settings');
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  assert.equal(await page.locator('input[name="networks"][value="daily"]').isChecked(), true, 'the networks’ default is daily');
  await page.locator('input[name="networks"][value="weekly"]').check();
  await page.locator('input[name="news"][value="off"]').check();
  await page.getByLabel('منطقتكم الزمنية').selectOption('Africa/Cairo');
  await b.submit(page.getByRole('button', { name: 'حفظ' }));
  assert.match((await page.locator('.flash').textContent()) ?? '', /تم حفظ اختياراتكم/);
  assert.equal(await page.locator('input[name="networks"][value="weekly"]').isChecked(), true);
  assert.equal(await page.locator('input[name="news"][value="off"]').isChecked(), true);
  assert.equal(await page.getByLabel('منطقتكم الزمنية').inputValue(), 'Africa/Cairo');
  await signOut(b);
});
