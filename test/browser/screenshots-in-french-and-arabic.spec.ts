/**
 * Looking at the pages (issue 16): the home, "waiting on you", the request form, a call, the
 * candidates page and the exchange page, in French and Arabic, at 360 px
 * and 1280 px wide. Each is saved as a PNG under `screenshots/` (the README names the folder; it is
 * not committed) for people to look at, and checked by bounding boxes: nothing wider than the page,
 * no element sticking out of its container, and no two pieces of text drawn over each other.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startServer, type RunningServer } from './support/server.ts';
import { Browser, signIn, signOut } from './support/browser.ts';
import { DEMO_PASSWORD } from '../../src/modules/accounts/accounts.demo.ts';

const DIR = join(new URL('../..', import.meta.url).pathname, 'screenshots');
const WIDTHS = [360, 1280] as const;
const LOCALES = ['fr', 'ar'] as const;
const as = (role: string) => `${role}@demo.peerlink.localhost`;

let server: RunningServer;
before(async () => {
  mkdirSync(DIR, { recursive: true });
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

type Layout = { scroll: number; client: number; sticking: string[]; overlaps: string[] };

/** The page's layout problems, measured in the page. */
function layoutOf(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const visible = (e: Element) => {
      const s = getComputedStyle(e);
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && s.opacity !== '0';
    };
    const hiddenByDesign = (e: Element) => !!e.closest('.visually-hidden, .skip-link, [aria-hidden="true"], details:not([open]) > :not(summary)');
    // Elements sticking out of their parent (beyond 2 px), unless a scrolling container holds them (a wide table).
    const sticking: string[] = [];
    for (const e of document.querySelectorAll('body *')) {
      const parent = e.parentElement;
      if (!parent || !visible(e) || hiddenByDesign(e)) continue;
      const s = getComputedStyle(e);
      if (s.position === 'absolute' || s.position === 'fixed') continue;
      let scroller: Element | null = parent;
      while (scroller && scroller !== document.body) {
        const o = getComputedStyle(scroller).overflowX;
        if (o === 'auto' || o === 'scroll') break;
        scroller = scroller.parentElement;
      }
      if (scroller && scroller !== document.body) continue;
      const r = e.getBoundingClientRect();
      const p = parent.getBoundingClientRect();
      if (r.right > p.right + 2 || r.left < p.left - 2) sticking.push(`${e.tagName.toLowerCase()}.${e.className || ''} in ${parent.tagName.toLowerCase()}: ${(e.textContent ?? '').trim().slice(0, 50)}`);
    }
    // Text drawn over other text: the line boxes of every text node, compared pairwise.
    const boxes: { r: DOMRect; text: string; node: Node }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !(n.nodeValue ?? '').trim() || !visible(el) || hiddenByDesign(el) || el.closest('script, style, option, select, textarea')) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) if (r.width > 1 && r.height > 1) boxes.push({ r, text: (n.nodeValue ?? '').trim().slice(0, 30), node: n });
    }
    const overlaps: string[] = [];
    for (let i = 0; i < boxes.length && overlaps.length < 5; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const c = boxes[j]!;
        if (a.node === c.node) continue;
        const w = Math.min(a.r.right, c.r.right) - Math.max(a.r.left, c.r.left);
        const h = Math.min(a.r.bottom, c.r.bottom) - Math.max(a.r.top, c.r.top);
        // Lines of one paragraph touch; a real overlap covers a good part of a glyph both ways.
        if (w > 3 && h > Math.min(a.r.height, c.r.height) * 0.4) overlaps.push(`"${a.text}" over "${c.text}"`);
      }
    return { scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth, sticking: sticking.slice(0, 5), overlaps };
  });
}

/** Opens each path in both languages and both widths: saves the screenshot and checks the layout. */
async function look(name: string, paths: string[], who: string | null) {
  for (const width of WIDTHS) {
    const b = await Browser.open(server, { viewport: { width, height: 900 } });
    let failed = false;
    try {
      for (const locale of LOCALES) {
        if (who) await signIn(b, locale, as(who), DEMO_PASSWORD);
        for (const [i, path] of paths.entries()) {
          await b.goto(`/${locale}${path}`);
          const file = join(DIR, `${name}${paths.length > 1 ? `-${i + 1}` : ''}-${locale}-${width}.png`);
          await b.page.screenshot({ path: file, fullPage: true });
          const l = await layoutOf(b.page);
          const at = `${name} /${locale}${path} at ${width}px`;
          assert.ok(l.scroll <= l.client, `${at}: wider than the page (${l.scroll} > ${l.client})`);
          assert.deepEqual(l.sticking, [], `${at}: elements outside their container`);
          assert.deepEqual(l.overlaps, [], `${at}: text over text`);
        }
        if (who) await signOut(b);
      }
    } catch (e) {
      failed = true;
      throw e;
    } finally {
      // A failure above is the one to report, not the unchecked page it left behind.
      await b.close().catch((e: unknown) => {
        if (!failed) throw e;
      });
    }
  }
}

/** Paths found once through the demo (the language prefix dropped). */
async function demoPaths(): Promise<{ call: string; exchange: string; draft: string }> {
  const b = await Browser.open(server);
  const pathOf = (url: string) => new URL(url, server.origin).pathname.replace(/^\/[a-z]{2}(?=\/)/, '');
  try {
    await b.goto('/en/calls');
    const call = pathOf((await b.page.locator('main ul.cards h2 a').first().getAttribute('href'))!);
    await signIn(b, 'en', as('requester'), DEMO_PASSWORD);
    await b.goto('/en/exchanges');
    const exchange = pathOf((await b.page.locator('main table a[href*="/exchanges/"]').first().getAttribute('href'))!);
    await b.goto('/en/programmes/connect');
    await b.follow(b.page.getByRole('link', { name: 'Start a request' }));
    await b.submit(b.page.getByRole('button', { name: 'Start the request' }));
    const draft = pathOf(b.page.url());
    await signOut(b);
    return { call, exchange, draft };
  } finally {
    await b.close();
  }
}

test('screenshots of the home, waiting on you, a call, the request form, the candidates and the exchange page, in French and Arabic, at 360 and 1280 px, laid out without overflow or overlap', async () => {
  const p = await demoPaths();
  assert.match(p.call, /^\/calls\/[0-9a-f-]{36}$/);
  assert.match(p.draft, /^\/requests\/[0-9a-f-]{36}\/steps\/challenge$/);
  await look('home', [''], null);
  await look('waiting-on-you', ['/me/waiting'], 'requester');
  await look('call', [p.call], null);
  await look('request-form', [p.draft], 'requester');
  await look('exchange', [p.exchange], 'requester');
  // One of the exchange's task pages (issue 16: the summary, then one task per page).
  await look('exchange-task', [`${p.exchange}/messages`], 'requester');
  await look('candidates', [`${p.call}/candidates`], 'broker');
});
