/**
 * Debian's Chromium driven by playwright-core, launched as DESIGN.md says. Every page a spec
 * lands on is checked: zero axe-core violations at WCAG 2.2 AA, and no request to another host.
 * Navigation goes through `goto`, `submit` and `follow`, which check the page they arrive at;
 * `close()` fails if any navigation escaped the check.
 *
 * With JavaScript disabled axe cannot run in the page itself, so the page's HTML (what a browser
 * without JavaScript shows, with the same stylesheet) is loaded at the same URL into a second,
 * JavaScript-enabled checker context, and axe runs there.
 */
import { chromium, type BrowserContext, type Locator, type Page, type Response } from 'playwright-core';
import { appendFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { startServer, type RunningServer } from './server.ts';
import { DEMO_TOTP_SECRET, PERIOD_S, codeAt, stepAt } from '../../../src/modules/accounts/accounts.twofactor.ts';

const AXE_SOURCE = readFileSync(new URL('../../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export type BrowserOptions = { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } };

type AxeViolation = { id: string; impact: string; help: string; nodes: { target: unknown[]; failureSummary?: string }[] };

/**
 * English phrases of the catalogues that must not appear on a page in another language (issue 14:
 * "no English left"): every English value of two words or more without placeholders or markup whose
 * translation differs, per locale, skipping phrases that the locale's own catalogue uses as well
 * (a name such as "Peerlink" or "CONNECT").
 */
const ENGLISH_PHRASES: Map<string, { key: string; text: string }[]> = (() => {
  const root = new URL('../../../src/', import.meta.url);
  const dirs = [new URL('platform/locales/', root), ...readdirSync(new URL('modules/', root), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => new URL(`modules/${d.name}/locales/`, root))];
  const load = (dir: URL, l: string): Record<string, string> => {
    try {
      return JSON.parse(readFileSync(new URL(`${l}.json`, dir), 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  };
  const out = new Map<string, { key: string; text: string }[]>();
  for (const l of ['fr', 'es', 'pt', 'ar']) {
    const list: { key: string; text: string }[] = [];
    const all = dirs.map((d) => ({ en: load(d, 'en'), other: load(d, l) }));
    const ownText = all.map((x) => Object.values(x.other).join('\n')).join('\n');
    for (const { en, other } of all)
      for (const [key, text] of Object.entries(en)) {
        if (/[{}<>]/.test(text) || text.trim().split(/\s+/).length < 2 || text.length < 10) continue;
        if (other[key] === text || ownText.includes(text)) continue;
        list.push({ key, text });
      }
    out.set(l, list);
  }
  return out;
})();

/**
 * The page's language problems (issue 14): text in the other script's direction that is not isolated
 * (on an Arabic page, Latin-only text outside any element with its own `dir`, a `<bdi>` or a form
 * field; on the other pages, Arabic text likewise), and English catalogue phrases in the page's own
 * text on a page in another language (text inside an element with another `lang` is someone's
 * content, marked as such, and is left out).
 */
async function languageProblems(page: Page): Promise<string[]> {
  const found = await page.evaluate(() => {
    const root = document.documentElement;
    const pageLang = root.lang;
    const rtl = root.dir === 'rtl';
    const latin = /[A-Za-z\u00C0-\u024F]/;
    const arabic = /[\u0590-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
    const unisolated: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.nodeValue ?? '').trim();
      const el = n.parentElement;
      if (!text || !el || el.closest('script, style, noscript, svg, title, option')) continue;
      const foreign = rtl ? latin.test(text) && !arabic.test(text) : arabic.test(text) && !latin.test(text);
      if (!foreign) continue;
      const isolated = el.closest('[dir]:not(html), bdi, input, textarea, select, code, kbd, samp, pre');
      if (!isolated) unisolated.push(`${el.tagName.toLowerCase()}: ${text.slice(0, 60)}`);
    }
    const clone = document.body.cloneNode(true) as HTMLElement;
    for (const e of clone.querySelectorAll('script, style, noscript, svg')) e.remove();
    for (const e of clone.querySelectorAll('[lang]')) if (e.getAttribute('lang') !== pageLang) e.remove();
    // Text isolated as someone's content (a <bdi>, dir="auto") is theirs, in whatever language they wrote.
    for (const e of clone.querySelectorAll('bdi, [dir="auto"]')) e.remove();
    // A value the catalogue message isolated with FSI … PDI (platform/i18n.ts) is someone's content too.
    return { pageLang, unisolated, own: (clone.textContent ?? '').replace(/\u2068[^\u2069]*\u2069/g, ' ').replace(/\s+/g, ' ') };
  });
  const problems = found.unisolated.map((x) => `not isolated on a ${found.pageLang} page — ${x}`);
  for (const { key, text } of ENGLISH_PHRASES.get(found.pageLang) ?? []) {
    const i = found.own.indexOf(text);
    if (i < 0) continue;
    const before = found.own[i - 1] ?? ' ';
    const after = found.own[i + text.length] ?? ' ';
    if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
    problems.push(`English on a ${found.pageLang} page — ${key}: "${text}"`);
  }
  return problems;
}

async function launch(opts: BrowserOptions): Promise<{ context: BrowserContext; page: Page; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'peerlink-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium',
    args: ARGS,
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    viewport: opts.viewport ?? { width: 1280, height: 900 },
    timeout: 60_000,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(20_000);
  return { context, page, dir };
}

/** Runs axe in a page whose scripts may run; returns its violations. */
async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  }, AXE_TAGS);
}

export class Browser {
  readonly page: Page;
  readonly server: RunningServer;
  /** URLs of every page checked so far (a spec may assert on them). */
  readonly checked: string[] = [];
  private readonly context: BrowserContext;
  private readonly dir: string;
  private readonly js: boolean;
  private readonly foreign: string[] = [];
  private readonly cspErrors: string[] = [];
  private navigations = 0;
  private checkedNavigations = 0;
  private checker: Promise<{ context: BrowserContext; page: Page; dir: string }> | null = null;

  private constructor(server: RunningServer, l: { context: BrowserContext; page: Page; dir: string }, js: boolean) {
    this.server = server;
    this.context = l.context;
    this.page = l.page;
    this.dir = l.dir;
    this.js = js;
    this.context.on('request', (r) => this.watchRequest(r.url()));
    this.page.on('framenavigated', (f) => {
      if (f === this.page.mainFrame()) this.navigations++;
    });
    this.page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) this.cspErrors.push(m.text());
    });
  }

  static async open(server: RunningServer, opts: BrowserOptions = {}): Promise<Browser> {
    return new Browser(server, await launch(opts), opts.javaScriptEnabled ?? true);
  }

  private watchRequest(url: string) {
    const u = new URL(url);
    if (u.protocol === 'data:' || u.protocol === 'about:' || u.protocol === 'blob:') return;
    if (u.origin !== this.server.origin) this.foreign.push(url);
  }

  /** A path on the server (`/fr/organisations`) as a full URL. */
  url(path: string): string {
    return new URL(path, this.server.origin).toString();
  }

  /** Opens a path or full URL on the server and checks the page. */
  async goto(pathOrUrl: string): Promise<Response | null> {
    const res = await this.page.goto(pathOrUrl.startsWith('http') ? pathOrUrl : this.url(pathOrUrl));
    await this.check();
    return res;
  }

  /** Clicks something that navigates (a link, a submit button), waits for the new page and checks it. */
  async follow(target: Locator): Promise<void> {
    const before = this.navigations;
    await target.click();
    await this.page.waitForLoadState('load');
    if (this.navigations === before) await this.page.waitForEvent('framenavigated', { predicate: (f) => f === this.page.mainFrame() });
    await this.page.waitForLoadState('load');
    await this.check();
  }

  /** Submits a form by its submit button. */
  submit(button: Locator): Promise<void> {
    return this.follow(button);
  }

  /** Checks the current page: axe at WCAG 2.2 AA, no other host, no CSP refusal. */
  async check(): Promise<void> {
    const url = this.page.url();
    const checked = this.js ? this.page : await this.checkerWith(url);
    const violations = await axeViolations(checked);
    const lang = await languageProblems(checked);
    // LANGUAGE_REPORT=<file>: collect the problems of every page instead of failing (to fix them in bulk).
    if (process.env.LANGUAGE_REPORT) {
      if (lang.length) appendFileSync(process.env.LANGUAGE_REPORT, lang.map((x) => `${new URL(url).pathname}\t${x}\n`).join(''));
    } else assert.deepEqual(lang, [], `language and direction on ${url}`);
    assert.deepEqual(
      violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('; ')}`),
      [],
      `axe violations on ${url}`,
    );
    assert.deepEqual(this.foreign, [], `requests to another host (last page ${url})`);
    assert.deepEqual(this.cspErrors, [], `CSP refusals (last page ${url})`);
    this.checkedNavigations = this.navigations;
    this.checked.push(url);
  }

  /** Loads this page's HTML at its own URL into a scripting checker (where axe can run). */
  private async checkerWith(url: string): Promise<Page> {
    const doc = await this.page.content();
    this.checker ??= launch({ javaScriptEnabled: true, viewport: this.page.viewportSize() ?? undefined }).then((c) => {
      c.context.on('request', (r) => this.watchRequest(r.url()));
      return c;
    });
    const { page } = await this.checker;
    const target = url.split('#')[0]!;
    await page.route(target, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: doc }), { times: 1 });
    await page.goto(target);
    return page;
  }

  /** Ends the session; fails if a page was reached without being checked. */
  async close(): Promise<void> {
    const unchecked = this.navigations - this.checkedNavigations;
    await this.context.close();
    rmSync(this.dir, { recursive: true, force: true });
    if (this.checker) {
      const c = await this.checker;
      await c.context.close();
      rmSync(c.dir, { recursive: true, force: true });
    }
    assert.equal(unchecked, 0, 'every page visited was checked with axe');
    assert.deepEqual(this.foreign, [], 'no request went to another host');
  }
}

/** The last time step whose code each demo account used: a code works once (SECURITY.md 8). */
const lastStep = new Map<string, number>();

/**
 * The demo's second factor for a privileged account: a code of a step later than the last one
 * used, waiting for the next 30-second step when the window ahead is spent.
 */
async function demoCode(email: string): Promise<string> {
  const current = stepAt(new Date());
  const target = Math.max(current, (lastStep.get(email) ?? -1) + 1);
  // The server takes one step either side of its own; wait until the target is at most one ahead.
  if (target > current + 1) await new Promise((r) => setTimeout(r, (target - 1) * PERIOD_S * 1000 - Date.now() + 200));
  lastStep.set(email, target);
  return codeAt(DEMO_TOTP_SECRET, new Date(target * PERIOD_S * 1000));
}

/** Signs in through the form (and the demo second factor when the account asks for it) and checks every page it crosses. */
export async function signIn(b: Browser, locale: string, email: string, password: string): Promise<void> {
  await b.goto(`/${locale}/sign-in`);
  await b.page.locator('#f-email').fill(email);
  await b.page.locator('#f-password').fill(password);
  await b.submit(b.page.locator('main form button[type="submit"]'));
  if (/\/sign-in\/code(\?|$)/.test(new URL(b.page.url()).pathname + new URL(b.page.url()).search)) {
    await b.page.locator('#f-code').fill(await demoCode(email));
    await b.submit(b.page.locator('main form[action$="/sign-in/code"] button[type="submit"]'));
  }
}

/** Signs out with the header's POST form. */
export async function signOut(b: Browser): Promise<void> {
  await b.submit(b.page.locator('header form[action$="/sign-out"] button'));
}

/**
 * Every spec's frame: the real server (with `env`) and a browser (with `opts`) before the file's
 * tests, both closed after them (the browser first: its close checks every page was checked).
 * `use` receives them for the spec's own variables.
 */
export function serverAndBrowser(use: (server: RunningServer, b: Browser) => void, o: { env?: Record<string, string>; browser?: BrowserOptions } = {}): void {
  let server: RunningServer | undefined;
  let b: Browser | undefined;
  before(async () => {
    server = await startServer(o.env);
    b = await Browser.open(server, o.browser);
    use(server, b);
  });
  after(async () => {
    try {
      await b?.close();
    } finally {
      await server?.stop();
    }
  });
}
