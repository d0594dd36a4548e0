/**
 * Page budgets and request hardening, in process: size, language and direction, security headers,
 * no other host, cross-site refusal (req 16), rate limit (req 26), generic error page (req 29),
 * HSTS in production only (req 17), and no script injection through names (req 18).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { Parser } from 'htmlparser2';
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { createTestApp, ORIGIN, type TestApp, type TestClient } from '../support/app.ts';
import { asRole, createUser, signedInClient } from '../support/users.ts';
import { createApp } from '../../src/app.ts';
import { cookieName } from '../../src/platform/session.ts';
import { createLogger } from '../../src/platform/log.ts';
import { CSS_GZ } from '../../src/platform/html/static.ts';
import { LOCALES } from '../../src/platform/i18n.ts';
import { users } from '../../src/db/schema/accounts.ts';
import { organisations, people } from '../../src/db/schema/organisations.ts';
import type { Database } from '../../src/platform/db.ts';

let t: TestApp;
/** An organisation created through its form, so that its pages exist. */
let orgId: string;
/** A public person profile, and its owner's client. */
let personId: string;
let owner: TestClient;
before(async () => {
  t = await createTestApp();
  const { client } = await asRole(t, []);
  owner = client;
  const res = await client.post('/en/organisations', {
    name: 'Commune de Dogbo',
    kind: 'municipality',
    country: 'BJ',
    subregion: 'Couffo',
    population: '103057',
    languages: ['fr'],
    offers: 'Inter-municipal waste collection with community groups.',
    seeks: 'Peers in civil registration.',
    themes: ['waste_management', 'civil_registration'],
    sdgs: ['11'],
    website: 'https://dogbo.example.org',
  });
  assert.equal(res.status, 303, res.body_);
  orgId = /\/organisations\/([0-9a-f-]{36})$/.exec(res.headers.get('Location') ?? '')![1]!;
  const me = await client.post('/en/people/me', {
    name: 'Adjoa Houngbo',
    position: 'Head of civil registration',
    languages: ['fr', 'en'],
    expertise: 'Mobile registration days in rural districts.',
    themes: ['civil_registration'],
    availability: 'Two weeks a year',
    visibility: 'public',
  });
  assert.equal(me.status, 303, me.body_);
  personId = /\/people\/([0-9a-f-]{36})$/.exec(me.headers.get('Location') ?? '')![1]!;
});
after(() => t.close());

/** GET pages a visitor can open, with the status each answers (token pages without a token say so). */
const PUBLIC_PAGES = (): Array<[path: string, status: number]> => [
  ['/', 200],
  ['/organisations', 200],
  ['/organisations?q=waste&country=BJ&sort=name', 200],
  ['/organisations?sort=bogus', 400],
  [`/organisations/${orgId}`, 200],
  ['/organisations/00000000-0000-4000-8000-000000000000', 404],
  ['/invitations/no-such-token', 404],
  [`/people/${personId}`, 200],
  ['/register', 200],
  ['/register/sent', 200],
  ['/verify-email', 400],
  ['/sign-in', 200],
  ['/password/forgot', 200],
  ['/password/forgot/sent', 200],
  ['/password/reset', 400],
  ['/no-such-page', 404],
];
/** Pages behind sign-in (checked as an admin, who can open all of them). */
const SIGNED_IN_PAGES = () => ['/account', '/me/waiting', '/admin/users', '/organisations/new', '/people', '/people/me', `/organisations/${orgId}`, `/organisations/${orgId}/edit`, `/people/${personId}`, '/people?q=registration'];

type Tag = { name: string; attrs: Record<string, string> };

/** Every start tag of a document, as a browser-like parser sees it. */
function tags(doc: string): Tag[] {
  const out: Tag[] = [];
  const p = new Parser({ onopentag: (name, attrs) => out.push({ name, attrs }) }, { decodeEntities: true, lowerCaseAttributeNames: true });
  p.write(doc);
  p.end();
  return out;
}

const FOREIGN = /^\s*(https?:)?\/\//i;

/**
 * URLs in src/href/action (and their kin) that leave the page's own origin. A plain link is not a
 * request: an organisation's own website may be linked, marked rel="nofollow" as user content.
 * Anything the browser would load or post to (stylesheets, images, scripts, forms) must stay here.
 */
function foreignUrls(doc: string): string[] {
  const out: string[] = [];
  for (const tag of tags(doc))
    for (const a of ['src', 'href', 'action', 'formaction', 'srcset', 'poster', 'data']) {
      const v = tag.attrs[a];
      if (v === undefined || !FOREIGN.test(v) || v.trim().startsWith(`${ORIGIN}/`)) continue;
      if (tag.name === 'a' && a === 'href' && /^https?:\/\//i.test(v.trim()) && /\bnofollow\b/.test(tag.attrs.rel ?? '')) continue;
      out.push(`<${tag.name} ${a}="${v}">`);
    }
  return out;
}

/** Text and attribute values (entities decoded), to check that a value was really rendered. */
function textOf(doc: string): string {
  let out = '';
  let inTextarea = false;
  // htmlparser2 leaves textarea content (RCDATA) undecoded; a browser decodes it.
  const rcdata = (s: string) => s.replace(/&(lt|gt|quot|#39|#x27|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", amp: '&' })[e]!);
  const p = new Parser(
    {
      onopentag: (name) => void (inTextarea = name === 'textarea'),
      onclosetag: () => void (inTextarea = false),
      ontext: (s) => void (out += inTextarea ? rcdata(s) : s),
      onattribute: (_n, v) => void (out += `\n${v}\n`),
    },
    { decodeEntities: true },
  );
  p.write(doc);
  p.end();
  return out;
}

/** Attributes a browser follows or loads as a URL. */
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'cite', 'srcset', 'ping']);

/** Script elements, event-handler attributes and javascript: URLs in a document. */
function scriptingIn(doc: string): string[] {
  const out: string[] = [];
  for (const tag of tags(doc)) {
    if (tag.name === 'script' || tag.name === 'iframe' || tag.name === 'object' || tag.name === 'embed') out.push(`<${tag.name}>`);
    for (const [k, v] of Object.entries(tag.attrs)) {
      if (/^on/i.test(k)) out.push(`${tag.name}[${k}]`);
      // Browsers ignore ASCII whitespace and control characters inside the scheme.
      if (URL_ATTRS.has(k) && /^javascript:/i.test(v.replace(/[\u0000-\u0020]/g, ''))) out.push(`${tag.name}[${k}=javascript:]`);
    }
  }
  return out;
}

function assertPageBudget(path: string, res: Response & { body_: string }, locale: string) {
  const size = gzipSync(res.body_).length + CSS_GZ.length;
  assert.ok(size <= 50 * 1024, `${path}: ${size} bytes gzip with its CSS`);
  const htmlTag = /<html\b[^>]*>/i.exec(res.body_)?.[0] ?? '';
  assert.match(htmlTag, new RegExp(`\\blang="${locale}"`), `${path}: <html lang>`);
  assert.match(htmlTag, locale === 'ar' ? /\bdir="rtl"/ : /\bdir="ltr"/, `${path}: <html dir>`);
  assert.match(res.headers.get('Content-Type') ?? '', /^text\/html; charset=utf-8$/i, `${path}: charset`);
  const csp = res.headers.get('Content-Security-Policy') ?? '';
  const nonce = /script-src 'nonce-([A-Za-z0-9+/=]{16,})'/.exec(csp)?.[1];
  assert.ok(nonce, `${path}: CSP with a script nonce: ${csp}`);
  for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) assert.ok(csp.includes(d), `${path}: CSP has ${d}`);
  assert.ok(!/'unsafe-inline'|'unsafe-eval'/.test(csp), `${path}: no unsafe-inline/eval`);
  for (const s of tags(res.body_).filter((x) => x.name === 'script')) assert.equal(s.attrs.nonce, nonce, `${path}: every script carries the nonce`);
  assert.equal(res.headers.get('X-Content-Type-Options'), 'nosniff', `${path}: nosniff`);
  assert.ok(res.headers.get('Referrer-Policy'), `${path}: Referrer-Policy`);
  assert.deepEqual(foreignUrls(res.body_), [], `${path}: references no other host`);
  assert.equal((res.body_.match(/<h1[\s>]/g) ?? []).length, 1, `${path}: one h1`);
}

test('every public page, in all five languages, is within 50 KB gzip with its CSS and carries the headers of req 17', async () => {
  const c = t.client();
  let checked = 0;
  for (const locale of LOCALES)
    for (const [path, status] of PUBLIC_PAGES()) {
      const url = `/${locale}${path === '/' ? '' : path}`;
      const res = await c.get(url);
      assert.equal(res.status, status, url);
      assertPageBudget(url, res, locale);
      assert.equal(res.headers.get('Strict-Transport-Security'), null, `${url}: no HSTS outside production`);
      checked++;
    }
  assert.equal(checked, PUBLIC_PAGES().length * 5);
});

test('signed-in pages meet the same budget in all five languages and are never cached (Cache-Control: no-store)', async () => {
  const { client } = await asRole(t, ['admin']);
  for (const locale of LOCALES)
    for (const path of [...SIGNED_IN_PAGES(), '/']) {
      const url = `/${locale}${path === '/' ? '' : path}`;
      const res = await client.get(url);
      assert.equal(res.status, 200, url);
      assertPageBudget(url, res, locale);
      assert.match(res.headers.get('Cache-Control') ?? '', /no-store/, `${url}: no-store`);
    }
  // The same pages for a visitor may be cached: no-store marks the signed-in ones.
  const visitor = await t.client().get('/en');
  assert.doesNotMatch(visitor.headers.get('Cache-Control') ?? '', /no-store/);
});

test('the CSP nonce changes on every response', async () => {
  const c = t.client();
  const a = (await c.get('/en')).headers.get('Content-Security-Policy');
  const b = (await c.get('/en')).headers.get('Content-Security-Policy');
  assert.notEqual(a, b);
});

test('HSTS is sent when NODE_ENV=production, and only then', async () => {
  const prod = createApp({ ...t.deps, config: { ...t.config, env: 'production' } });
  const res = await prod.request(`${ORIGIN}/en/sign-in`, { headers: { 'X-Forwarded-For': '10.200.0.1' } });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('Strict-Transport-Security') ?? '', /max-age=\d{8,}/);
  const dev = await t.client().get('/en/sign-in');
  assert.equal(dev.headers.get('Strict-Transport-Security'), null);
});

async function nameOf(id: string): Promise<string> {
  const [u] = await t.db.select({ name: users.name }).from(users).where(eq(users.id, id));
  return u!.name;
}

test('a state-changing POST from another site is refused with 403 and changes nothing (req 16)', async () => {
  const { user, client } = await asRole(t, []);
  const before = await nameOf(user.id);
  const form = { name: 'Changed By Another Site', locale: 'en' };

  const crossSite = await client.post('/en/account/settings', form, { 'Sec-Fetch-Site': 'cross-site' });
  assert.equal(crossSite.status, 403);
  const sameSite = await client.post('/en/account/settings', form, { 'Sec-Fetch-Site': 'same-site' });
  assert.equal(sameSite.status, 403);
  const foreignOrigin = await client.post('/en/account/settings', form, { Origin: 'https://evil.example' });
  assert.equal(foreignOrigin.status, 403);
  // Neither Origin nor Sec-Fetch-Site: a raw request with the session cookie and nothing else.
  const bare = await t.app.request(`${ORIGIN}/en/account/settings`, {
    method: 'POST',
    headers: { 'X-Forwarded-For': client.ip, Cookie: client.cookieHeader(), 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  assert.equal(bare.status, 403);
  assert.equal(await nameOf(user.id), before, 'the name is unchanged');

  // A visitor's registration from another site creates no account either.
  const email = `cross-site-${Date.now()}@example.org`;
  const reg = await t.client().post('/en/register', { name: 'Cross Site', email, password: 'a long enough passphrase', locale: 'en' }, { Origin: 'https://evil.example' });
  assert.equal(reg.status, 403);
  assert.equal((await t.db.select({ id: users.id }).from(users).where(eq(users.email, email))).length, 0);

  // The same request from the page itself goes through: the guard is what refused the others.
  const ok = await client.post('/en/account/settings', form, { 'Sec-Fetch-Site': 'same-origin' });
  assert.equal(ok.status, 303);
  assert.equal(await nameOf(user.id), 'Changed By Another Site');
});

test('more than 100 requests a minute from one IP answer 429 with Retry-After; other IPs and static files are unaffected (req 26)', async () => {
  assert.equal(t.config.rateLimitPerMinute, 100);
  const ip = '10.250.250.250';
  const c = t.client(ip);
  for (let i = 0; i < 100; i++) assert.equal((await c.get('/en/sign-in')).status, 200, `request ${i + 1}`);
  const limited = await c.get('/en/sign-in');
  assert.equal(limited.status, 429);
  const retry = Number(limited.headers.get('Retry-After'));
  assert.ok(Number.isInteger(retry) && retry >= 1 && retry <= 60, `Retry-After ${retry}`);
  assert.match(limited.body_, /<html lang="en"/);
  // A POST from the limited IP is refused too, before it does anything.
  const email = `limited-${Date.now()}@example.org`;
  assert.equal((await c.post('/en/register', { name: 'Limited', email, password: 'a long enough passphrase', locale: 'en' })).status, 429);
  assert.equal((await t.db.select({ id: users.id }).from(users).where(eq(users.email, email))).length, 0);
  // Someone else is served; the stylesheet and the health check are not counted.
  assert.equal((await t.client('10.250.250.251').get('/en/sign-in')).status, 200);
  const css = /<link rel="stylesheet" href="([^"]+)"/.exec((await t.client().get('/en')).body_)![1]!;
  assert.equal((await c.get(css)).status, 200);
  assert.equal((await c.get('/healthz')).status, 200);
  // A minute later the window has passed.
  t.clock.advance(61_000);
  assert.equal((await c.get('/en/sign-in')).status, 200);
});

test('an unexpected error shows a generic page with a correlation id: no stack, SQL or path (req 29)', async () => {
  const logged: Array<Record<string, unknown>> = [];
  const log = createLogger('error', (line) => logged.push(JSON.parse(line) as Record<string, unknown>));
  const secret = 'relation "users_secret" does not exist';
  const failingDb = new Proxy(t.database.db, {
    get(target, prop, recv) {
      if (prop === 'execute' || prop === 'select' || prop === 'insert' || prop === 'update' || prop === 'delete' || prop === 'transaction')
        return () => {
          throw Object.assign(new Error(`${secret}: select password_hash from users where email = 'x' at /work/main/src/platform/db.ts:42`), { code: '42P01' });
        };
      return Reflect.get(target, prop, recv);
    },
  });
  const database: Database = { ...t.database, db: failingDb };
  const app = createApp({ ...t.deps, database, log });
  app.get('/boom', () => {
    throw new TypeError(`Cannot read properties of undefined (reading 'id') at /work/main/src/modules/x.ts:1:2`);
  });

  const check = async (path: string, headers: Record<string, string>) => {
    logged.length = 0;
    const res = await app.request(`${ORIGIN}${path}`, { headers: { 'X-Forwarded-For': '10.240.0.1', ...headers } });
    const body = await res.text();
    assert.equal(res.status, 500, path);
    assert.match(res.headers.get('Content-Type') ?? '', /^text\/html; charset=utf-8$/i);
    const ref = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.exec(body)?.[0];
    assert.ok(ref, `${path}: the page shows a correlation id`);
    assert.equal(logged.length, 1, 'the error is logged once');
    assert.equal(logged[0]!.requestId, ref, 'the id on the page is the one in the log');
    assert.match(String(logged[0]!.error), /at |users_secret/, 'the log keeps the detail');
    for (const leak of [/users_secret/, /password_hash/, /select /i, /\/work\//, /\.ts:\d/, /\bat [\w.<>]+ \(/, /TypeError|Cannot read/, /42P01/]) assert.doesNotMatch(body, leak, `${path}: no ${leak}`);
    return body;
  };
  const body = await check('/fr/boom', {});
  assert.match(body, /<html lang="fr"/, 'the generic page is in the reader’s language');
  // A failing database while loading the session of a signed-in person.
  await check('/en/account', { Cookie: `${cookieName(t.config.cookieSecure)}=${'a'.repeat(43)}` });
  // The API answers JSON with the same reference and no detail.
  logged.length = 0;
  const api = await app.request(`${ORIGIN}/api/v1/boom-missing`, { headers: { 'X-Forwarded-For': '10.240.0.2', Cookie: `${cookieName(t.config.cookieSecure)}=${'a'.repeat(43)}` } });
  assert.equal(api.status, 500);
  const json = (await api.json()) as { error: { code: string; reference: string } };
  assert.equal(json.error.code, 'internal');
  assert.equal(json.error.reference, logged[0]!.requestId);
  assert.doesNotMatch(JSON.stringify(json), /users_secret|select|\/work\//i);
});

/** Strings an attacker would try, then fast-check's own. */
const XSS_CORPUS = [
  '<script>alert(1)</script>',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '<svg onload=alert(1)>',
  '" onmouseover="alert(1)',
  "' autofocus onfocus='alert(1)",
  'javascript:alert(1)',
  ' javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  '<a href="javascript:alert(1)">x</a>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '</title><script>alert(1)</script>',
  '</textarea><script>alert(1)</script>',
  '<!--<script>alert(1)</script>-->',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '${alert(1)}{{constructor.constructor("alert(1)")()}}',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '<scr<script>ipt>alert(1)</script>',
  '\u202e<script>alert(1)</script>',
  'اسم <b onclick=alert(1)>عربي</b>',
  '<object data="javascript:alert(1)">',
  '<body onload=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<a href=" &#14;javascript:alert(1)">x</a>',
];

/** PostgreSQL text cannot hold NUL; everything else goes. */
const clean = (s: string) => s.replace(/\u0000/g, '');
const names = fc.oneof(
  fc.constantFrom(...XSS_CORPUS),
  fc.string({ unit: 'binary', maxLength: 80 }).map(clean),
  fc.tuple(fc.constantFrom(...XSS_CORPUS), fc.string({ unit: 'grapheme', maxLength: 20 })).map(([a, b]) => clean(b + a + b)),
);

test('any name (XSS corpus and random Unicode) rendered on the account and admin pages adds no script, on* attribute or javascript: URL (req 18)', async () => {
  const admin = await createUser(t, { roles: ['admin'], name: 'Aaaa Admin' });
  const client: TestClient = await signedInClient(t, admin);
  const baseline = {
    account: scriptingIn((await client.get('/en/account')).body_),
    admin: scriptingIn((await client.get('/en/admin/users')).body_),
  };
  assert.deepEqual(baseline, { account: [], admin: [] });
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(names, async (name) => {
      t.clock.advance(1000); // the session stays fresh (idle timeout) on the fake clock
      client.ip = `10.230.${(runs >> 8) & 255}.${runs++ & 255}`; // the per-IP limit is tested elsewhere
      await t.db.update(users).set({ name }).where(eq(users.id, admin.id));
      for (const path of ['/en/account', '/ar/admin/users']) {
        const res = await client.get(path);
        assert.equal(res.status, 200);
        assert.deepEqual(scriptingIn(res.body_), [], `${path} with name ${JSON.stringify(name)}`);
        assert.ok(textOf(res.body_).includes(name), `${path} shows the name as text`);
        assert.equal(res.body_.match(/<script/gi)?.length ?? 0, 0);
      }
    }),
    { numRuns: 60 },
  );
});

test('any organisation name, offer, need or region (XSS corpus and random Unicode) on the profile, directory and edit pages adds no script, on* attribute or javascript: URL (req 18)', async () => {
  const { client: admin } = await asRole(t, ['admin']);
  const visitor = t.client();
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(names, names, names, async (name, offers, subregion) => {
      t.clock.advance(1000);
      admin.ip = visitor.ip = `10.231.${(runs >> 8) & 255}.${runs++ & 255}`;
      await t.db.update(organisations).set({ name, offers, seeks: offers, subregion }).where(eq(organisations.id, orgId));
      const pages: Array<[TestClient, string, string[]]> = [
        [visitor, `/en/organisations/${orgId}`, [name, offers]],
        [admin, `/ar/organisations/${orgId}`, [name, offers]],
        [visitor, '/fr/organisations?sort=newest', [name]],
        [admin, `/en/organisations/${orgId}/edit`, [name, offers]],
      ];
      for (const [c, path, shown] of pages) {
        const res = await c.get(path);
        assert.equal(res.status, 200, path);
        assert.deepEqual(scriptingIn(res.body_), [], `${path} with ${JSON.stringify({ name, offers, subregion })}`);
        const text = textOf(res.body_);
        // Whitespace-only values are stored but may not be shown; anything else must be there as text.
        for (const v of shown) if (v.trim()) assert.ok(text.includes(v.trim().slice(0, 40)) || text.includes(v.slice(0, 40)), `${path} shows ${JSON.stringify(v)}`);
      }
    }),
    { numRuns: 40 },
  );
});

test('any person name, position or expertise (XSS corpus and random Unicode) on the profile, people directory and own-profile pages adds no script, on* attribute or javascript: URL (req 18)', async () => {
  const { client: member } = await asRole(t, []);
  const visitor = t.client();
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(names, names, names, async (name, position, expertise) => {
      t.clock.advance(1000);
      member.ip = visitor.ip = owner.ip = `10.232.${(runs >> 8) & 255}.${runs++ & 255}`;
      await t.db.update(people).set({ name, position, expertise }).where(eq(people.id, personId));
      const pages: Array<[TestClient, string, string[]]> = [
        [visitor, `/en/people/${personId}`, [name, position, expertise]],
        [member, `/ar/people/${personId}`, [name, position, expertise]],
        [member, '/fr/people', [name]],
        [owner, '/en/people/me', [name, position, expertise]],
      ];
      for (const [c, path, shown] of pages) {
        const res = await c.get(path);
        assert.equal(res.status, 200, path);
        assert.deepEqual(scriptingIn(res.body_), [], `${path} with ${JSON.stringify({ name, position, expertise })}`);
        const text = textOf(res.body_);
        for (const v of shown) if (v.trim()) assert.ok(text.includes(v.trim().slice(0, 40)) || text.includes(v.slice(0, 40)), `${path} shows ${JSON.stringify(v)}`);
      }
    }),
    { numRuns: 40 },
  );
});

test('a javascript: website is refused on the organisation form and never stored', async () => {
  const { client } = await asRole(t, ['admin']);
  const before = (await t.db.select({ website: organisations.website }).from(organisations).where(eq(organisations.id, orgId)))[0]!.website;
  const res = await client.post(`/en/organisations/${orgId}/edit`, { name: 'Commune de Dogbo', kind: 'municipality', country: 'BJ', website: 'javascript:alert(1)' });
  assert.equal(res.status, 400);
  assert.deepEqual(scriptingIn(res.body_), []);
  const after = (await t.db.select({ website: organisations.website }).from(organisations).where(eq(organisations.id, orgId)))[0]!.website;
  assert.equal(after, before);
});

test('the HTML checks used above do find what they look for', () => {
  assert.deepEqual(scriptingIn('<p>x</p><img src=x onerror=alert(1)><a href=" java\tscript:alert(1)">a</a><script>1</script>'), ['img[onerror]', 'a[href=javascript:]', '<script>']);
  assert.deepEqual(scriptingIn('<p title="&lt;script&gt; onerror=x">&lt;script&gt;alert(1)&lt;/script&gt;</p>'), []);
  assert.deepEqual(
    foreignUrls(`<link href="//cdn.example/x.css"><img src="https://img.example/a.png"><form action="${ORIGIN}/en/x"></form><a href="/en/x"><a href="https://town.example" rel="nofollow noopener"><a href="https://tracker.example/">`),
    ['<link href="//cdn.example/x.css">', '<img src="https://img.example/a.png">', '<a href="https://tracker.example/">'],
  );
});
