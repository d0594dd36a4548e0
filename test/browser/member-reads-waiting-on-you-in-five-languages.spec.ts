/**
 * Issue 16's last "done when": the home page and "Waiting on you" have 0 axe violations (WCAG 2.2
 * AA) in the five languages, signed in, with work waiting (a requester with a draft to finish). Every page the browser visits is checked by axe and by
 * the language check (support/browser.ts); this spec visits both pages in each language.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningServer } from './support/server.ts';
import { Browser, serverAndBrowser, signIn } from './support/browser.ts';
import { DEMO_PASSWORD } from '../../src/modules/accounts/accounts.demo.ts';

let b: Browser;
let server: RunningServer;
serverAndBrowser((s, br) => {
  server = s;
  b = br;
});

const LOCALES = ['en', 'fr', 'es', 'pt', 'ar'] as const;

test('requester reads the home page and "Waiting on you" in five languages, accessible and right to left in Arabic', async () => {
  assert.ok(server);
  await signIn(b, 'en', 'requester@demo.peerlink.localhost', DEMO_PASSWORD);
  // A draft of the open round: the first thing waiting on a requester.
  await b.goto('/en/programmes/connect');
  await b.follow(b.page.getByRole('link', { name: 'Start a request' }));
  await b.submit(b.page.getByRole('button', { name: 'Start the request' }));
  for (const locale of LOCALES) {
    await b.goto(`/${locale}/`);
    assert.equal(await b.page.locator('html').getAttribute('lang'), locale);
    assert.equal(await b.page.locator('html').getAttribute('dir'), locale === 'ar' ? 'rtl' : 'ltr');
    const waiting = await b.goto(`/${locale}/me/waiting`);
    assert.equal(waiting?.status(), 200);
    // The draft is waiting: an item with its link in the reader's language.
    const items = b.page.locator('main a[href*="/requests/"]');
    assert.ok((await items.count()) >= 1, `/${locale}/me/waiting lists what waits`);
    assert.ok((await items.first().getAttribute('href'))!.startsWith(`/${locale}/`), 'links keep the language');
  }
});
