/** Every public page, in all five languages, at 320 px wide: no horizontal scroll (and axe on each). */
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
}, { browser: { viewport: { width: 320, height: 640 } } });

const LOCALES = ['en', 'fr', 'es', 'pt', 'ar'];

/** Fails when the page scrolls sideways at this width, or hides it with overflow on the root. */
async function assertNoHorizontalScroll() {
  const url = b.page.url();
  const m = await b.page.evaluate(() => ({
    inner: window.innerWidth,
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
    overflow: [getComputedStyle(document.documentElement).overflowX, getComputedStyle(document.body).overflowX],
    wide: [...document.querySelectorAll('main *, header *, footer *')]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        const s = getComputedStyle(e);
        return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.position !== 'absolute' && s.position !== 'fixed' && (r.right > window.innerWidth + 1 || r.left < -1);
      })
      .slice(0, 3)
      .map((e) => e.outerHTML.slice(0, 120)),
  }));
  assert.equal(m.inner, 320, 'the viewport is 320 px wide');
  assert.ok(m.scroll <= m.client, `${url}: scrolls sideways (${m.scroll} > ${m.client}); too wide: ${m.wide.join(' | ')}`);
  assert.ok(!m.overflow.includes('hidden') && !m.overflow.includes('clip'), `${url}: overflow hidden on the root would only mask it`);
  assert.deepEqual(m.wide, [], `${url}: elements outside the viewport`);
}

test('every public page in every language fits 320 px without horizontal scroll', async () => {
  // An organisation profile with long content: the first in the directory.
  await b.goto('/en/organisations?q=Banjul');
  const profile = new URL((await b.page.locator('main ul.cards h2 a').first().getAttribute('href'))!, server.origin).pathname.replace(/^\/en/, '');
  await b.goto('/en/partnerships');
  const partnership = new URL((await b.page.locator('main ul.cards h3 a').first().getAttribute('href'))!, server.origin).pathname.replace(/^\/en/, '');
  const pages = ['/partnerships?approach=city_to_city_partnership', partnership, '/open-to-cooperation', '', '/organisations', '/organisations?country=BE&sort=name', profile, '/register', '/register/sent', '/sign-in', '/password/forgot', '/password/forgot/sent', '/verify-email', '/password/reset', '/no-such-page', '/networks', '/networks/ssa', '/events', '/cooperation-approaches/advisor?governance=essential&budget=5000'];
  let visited = 0;
  for (const locale of LOCALES)
    for (const p of pages) {
      await b.goto(`/${locale}${p}`);
      await assertNoHorizontalScroll();
      visited++;
    }
  assert.equal(visited, LOCALES.length * pages.length);

  // A form with errors, the longest state of a form.
  for (const locale of ['en', 'ar']) {
    await b.goto(`/${locale}/register`);
    await b.submit(b.page.locator('main form button[type="submit"]'));
    assert.ok(await b.page.locator('.error-summary').isVisible());
    await assertNoHorizontalScroll();
  }
});

test('the signed-in pages fit 320 px too (English and Arabic)', async () => {
  await signIn(b, 'en', 'orgadmin@demo.peerlink.localhost', DEMO_PASSWORD);
  // Member profiles wait for consent to the privacy notice: the prompt must fit too, then it is accepted.
  await b.goto('/en/people');
  assert.match(b.page.url(), /\/privacy\/consent/);
  await assertNoHorizontalScroll();
  await b.submit(b.page.getByRole('button', { name: 'Accept' }));
  assert.match(b.page.url(), /\/en\/people$/);
  await b.goto('/en/organisations?q=Almere');
  const almere = new URL((await b.page.locator('main ul.cards h2 a').first().getAttribute('href'))!, server.origin).pathname.replace(/^\/en/, '');
  for (const locale of ['en', 'ar'])
    for (const p of ['/account', '/organisations/new', '/people', '/people/me', almere, `${almere}/edit`]) {
      await b.goto(`/${locale}${p}`);
      assert.doesNotMatch(b.page.url(), /sign-in/, 'signed in');
      await assertNoHorizontalScroll();
    }
});
