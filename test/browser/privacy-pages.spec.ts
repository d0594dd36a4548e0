/**
 * The privacy pages (notice, consent prompt, "download my data") in Chromium: zero axe-core
 * violations at WCAG 2.2 AA, in English and in Arabic (RTL), each under 50 KB. The app runs in
 * process (the privacy routes are mounted as app.ts will mount them); every request the browser
 * makes is answered by it, so nothing reaches another host.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { asRole } from '../support/users.ts';
import { cookieName } from '../../src/platform/session.ts';
import { requestExport, recordConsent } from '../../src/modules/privacy/privacy.service.ts';
import { privacyTestApp, type PrivacyTestApp } from '../support/privacy-app.ts';
import { ctxOf, actorOf } from '../requests/fixtures.ts';

const AXE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let t: PrivacyTestApp;
let context: BrowserContext;
let page: Page;
let dir: string;
let cookie = '';
const foreign: string[] = [];

before(async () => {
  t = await privacyTestApp();
  dir = mkdtempSync(join(tmpdir(), 'peerlink-chromium-'));
  context = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'], timeout: 60_000 });
  page = context.pages()[0] ?? (await context.newPage());
  await context.route('**/*', async (route) => {
    const req = route.request();
    const url = new URL(req.url());
    if (url.host !== 'localhost') {
      foreign.push(req.url());
      return route.abort();
    }
    const headers: Record<string, string> = { ...req.headers(), 'x-forwarded-for': '10.77.0.1' };
    if (cookie) headers.cookie = cookie;
    const res = await t.app.request(req.url(), { method: req.method(), headers, body: req.method() === 'GET' ? undefined : new Uint8Array(req.postDataBuffer() ?? Buffer.alloc(0)) });
    const out: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      if (k !== 'content-encoding' && k !== 'set-cookie') out[k] = v;
    });
    await route.fulfill({ status: res.status, headers: out, body: Buffer.from(await res.arrayBuffer()) });
  });
});
after(async () => {
  await context?.close();
  rmSync(dir, { recursive: true, force: true });
  await t.close();
  rmSync(t.dataDir, { recursive: true, force: true });
});

async function check(path: string): Promise<void> {
  const res = await page.goto(`http://localhost${path}`);
  assert.equal(res?.status(), 200, path);
  const bytes = (await res!.body()).length;
  assert.ok(bytes < 50 * 1024, `${path}: ${bytes} bytes`);
  await page.evaluate(AXE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(d: Document, o: unknown): Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })).violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  }, TAGS);
  assert.deepEqual(violations, [], path);
}

test('notice, consent prompt and "download my data" have no WCAG 2.2 AA violation, LTR and RTL', async () => {
  await check('/en/privacy');
  await check('/ar/privacy');
  const { user, client } = await asRole(t, []);
  cookie = `${cookieName(t.config.cookieSecure)}=${client.cookies.get(cookieName(t.config.cookieSecure))}`;
  await check('/en/privacy/consent?next=%2Fen%2Fpeople');
  await check('/ar/privacy/consent?next=%2Far%2Fpeople');
  await recordConsent(t.db, user.id, t.clock.now());
  await requestExport(ctxOf(t, actorOf(user)), { dataDir: t.dataDir });
  await check('/en/account/data');
  await check('/ar/account/data');
  await check('/fr/privacy');
  assert.deepEqual(foreign, [], 'no request to another host');
});
