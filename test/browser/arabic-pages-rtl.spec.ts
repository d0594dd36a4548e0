/** Arabic pages render right to left, in Arabic, without breaking the layout. */
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

const ARABIC = /[\u0600-\u06FF]/;

/** The current page is Arabic, right to left, laid out from the right, with no sideways scroll. */
async function assertArabicRtl(h1?: string, opts: { contentHeading?: boolean } = {}) {
  const page = b.page;
  const url = page.url();
  assert.equal(await page.locator('html').getAttribute('lang'), 'ar', url);
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl', url);
  const layout = await page.evaluate(() => {
    const h = document.querySelector('h1')!;
    const main = document.querySelector('main')!;
    const hb = h.getBoundingClientRect();
    const mb = main.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(h);
    const tb = range.getBoundingClientRect();
    return {
      direction: getComputedStyle(document.body).direction,
      h1: h.textContent ?? '',
      headingDirection: getComputedStyle(h.querySelector('[dir], bdi') ?? h).direction,
      // Where the heading's text sits inside main: RTL starts at the right edge.
      gapRight: mb.right - tb.right,
      gapLeft: tb.left - mb.left,
      headingFits: hb.width <= mb.width + 1,
      scroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      nav: document.querySelector('header nav')?.textContent ?? '',
    };
  });
  assert.equal(layout.direction, 'rtl', `${url}: computed direction`);
  // A page about one thing (a programme, a case) is headed by its own name, in the language it was written in.
  if (!opts.contentHeading) assert.match(layout.h1, ARABIC, `${url}: the heading is Arabic`);
  if (h1) assert.equal(layout.h1.trim(), h1, url);
  assert.match(layout.nav, /المنظمات/, `${url}: navigation in Arabic`);
  if (ARABIC.test(layout.h1)) assert.ok(layout.gapRight < layout.gapLeft, `${url}: the heading starts at the right (${layout.gapRight} < ${layout.gapLeft})`);
  // Someone's title in a Latin script keeps its own direction inside the Arabic page (issue 14: user content is isolated).
  else assert.equal(layout.headingDirection, 'ltr', `${url}: a Latin-script title is laid out left to right`);
  assert.ok(layout.headingFits, `${url}: the heading fits`);
  assert.ok(layout.scroll <= 0, `${url}: no horizontal scroll (${layout.scroll}px)`);
}

test('Arabic pages are right to left, in Arabic, for visitors and signed-in members', async () => {
  const page = b.page;
  await b.goto('/ar');
  await assertArabicRtl();

  await b.follow(page.locator('header nav').getByRole('link', { name: 'المنظمات' }));
  assert.match(page.url(), /\/ar\/organisations$/);
  await assertArabicRtl('المنظمات');
  assert.ok(await page.getByRole('search', { name: 'البحث عن منظمات' }).isVisible());

  // A profile: Arabic labels around the organisation's own (Latin) content.
  await b.goto('/ar/organisations?q=Banjul');
  await b.follow(page.locator('main ul.cards').getByRole('link', { name: /Banjul/ }).first());
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  assert.match((await page.locator('dl.facts dt').allTextContents()).join(' '), ARABIC);
  assert.match((await page.locator('dl.facts').textContent()) ?? '', /غامبيا/, 'country name in Arabic');

  await b.goto('/ar/register');
  await assertArabicRtl('إنشاء حساب');

  // A form error comes back in Arabic, still right to left.
  await b.goto('/ar/sign-in');
  await assertArabicRtl('تسجيل الدخول');
  await b.submit(page.locator('main form button[type="submit"]'));
  await assertArabicRtl('تسجيل الدخول');
  assert.match((await page.locator('.error-summary').textContent()) ?? '', ARABIC);

  // Signed in, the account page is Arabic too; the language switcher leads back to left to right.
  await signIn(b, 'ar', 'requester@demo.peerlink.localhost', DEMO_PASSWORD);
  await b.goto('/ar/account');
  await assertArabicRtl();
  await b.follow(page.locator('header nav.langs').getByRole('link', { name: 'English' }));
  assert.match(page.url(), /\/en\/account$/);
  assert.equal(await page.locator('html').getAttribute('dir'), 'ltr');
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).direction), 'ltr');
});

test('Arabic pages of the cooperation cycle are right to left for visitors, members and the secretariat', async () => {
  const page = b.page;
  await signOut(b);
  // What a visitor reads: calls, programmes, the good-practice library, the guide and funding.
  for (const path of ['/ar', '/ar/calls-for-requests', '/ar/calls', '/ar/good-practices', '/ar/cooperation-approaches', '/ar/funding', '/ar/cooperation-approaches/advisor?governance=essential&budget=5000', '/ar/networks', '/ar/events']) {
    await b.goto(path);
    await assertArabicRtl();
  }
  // A network's page and an event's (their headings are what people wrote, in their own language).
  await b.goto('/ar/networks/ssa');
  await assertArabicRtl(undefined, { contentHeading: true });
  await b.goto('/ar/events');
  await b.follow(page.locator('main ul.cards h3 a').first());
  await assertArabicRtl(undefined, { contentHeading: true });
  await b.goto('/ar/programmes/connect');
  await assertArabicRtl(undefined, { contentHeading: true });
  // A case of the library: Arabic labels around content kept in its own language.
  await b.goto('/ar/good-practices');
  await b.follow(page.locator('main ul.cards h2 a, main ul.cards h3 a').first());
  await assertArabicRtl(undefined, { contentHeading: true });
  await b.goto('/ar/cooperation-approaches');
  await b.follow(page.locator('main a[href*="/cooperation-approaches/"]').first());
  await assertArabicRtl();

  // A member's opportunities, then the secretariat's dashboard and exchanges.
  await signIn(b, 'ar', 'expert@demo.peerlink.localhost', DEMO_PASSWORD);
  await b.goto('/ar/opportunities');
  await assertArabicRtl();
  await signOut(b);
  await signIn(b, 'ar', 'broker@demo.peerlink.localhost', DEMO_PASSWORD);
  // "Waiting on you" (where sign-in lands) lists the secretariat's items, their titles isolated.
  assert.match(page.url(), /\/ar\/me\/waiting$/);
  await assertArabicRtl();
  for (const path of ['/ar/broker', '/ar/exchanges']) {
    await b.goto(path);
    await assertArabicRtl();
  }
  // The programme dashboard (map and tables), its questionnaires and results across the programme.
  await b.follow(page.locator('main a[href*="/exchanges/dashboard?programme="]').first());
  await assertArabicRtl(undefined, { contentHeading: true });
  const programme = new URL(page.url()).searchParams.get('programme');
  assert.ok(programme);
  for (const path of [`/ar/evaluations/questionnaires?programme=${programme}`, `/ar/evaluations/results?programme=${programme}`]) {
    await b.goto(path);
    await assertArabicRtl(undefined, { contentHeading: true });
  }
  await signOut(b);

  // An admin signs in with the second factor in Arabic (the code page is checked on the way), then the moderation queue.
  await signIn(b, 'ar', 'admin@demo.peerlink.localhost', DEMO_PASSWORD);
  for (const path of ['/ar/admin/moderation', '/ar/account/two-factor', '/ar/privacy']) {
    await b.goto(path);
    await assertArabicRtl();
  }
  await signOut(b);
});
