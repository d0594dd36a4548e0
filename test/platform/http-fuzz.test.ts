/**
 * A fuzz test of the HTTP surface (issue 18, SECURITY.md 29): every route of the route table, pages
 * and API, as a visitor, a member, a broker and an admin, fed generated values (random Unicode,
 * control characters, huge strings, wrong shapes, path tricks, impossible dates) in its path
 * parameters, query and body. Every answer: no 5xx, the security headers, no stack trace or SQL in
 * the body; and a refused write leaves every table as it was.
 *
 * `npm test` leaves it out; CI runs it as its own step (`.ci/run`: fixed seed, FUZZ_RUNS=8 on PGlite, 2 on
 * PostgreSQL); `npm run fuzz` alone runs 25 (FUZZ_RUNS, FUZZ_SEED).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { createUser, signedInClient } from '../support/users.ts';
import { rows } from '../../src/platform/db.ts';
import type { PlatformRole } from '../../src/db/schema/accounts.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2);
const SEED = Number(process.env.FUZZ_SEED ?? 20261204);
const ROLES: Record<string, PlatformRole[] | null> = { visitor: null, member: [], broker: ['broker'], admin: ['admin'] };
/** Tables a refused request may still write by design: the audit trail, failed sign-ins (brute-force limits), sessions of the test. */
const MAY_WRITE = new Set(['audit_log', 'sign_in_failures', 'sessions']);

const nasty = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.uuid(),
  fc.integer().map(String),
  fc.string({ minLength: 3000, maxLength: 6000 }),
  fc.constantFrom('', ' ', '__proto__', 'constructor', '../../etc/passwd', '%', '%00', '\u0000', '<script>alert(1)</script>', "' or 1=1 --", '2027-02-30', '2027-13-45', '9999-99-99T99:99', 'NaN', '-1', '1e309', 'true', '[]', '{}', 'ar', 'zz', 'null'),
);
const FIELDS = ['name', 'email', 'password', 'current', 'title', 'q', 'lang', 'locale', 'roles', 'role', 'next', 'back', 'id', 'organisationId', 'roundId', 'programmeId', 'personId', 'mode', 'score', 'comment', 'reason', 'date', 'startsOn', 'endsOn', 'opensAt', 'closesAt', 'themes', 'languages', 'format', 'country', 'summary', 'body', 'text', 'code', 'page', 'limit', 'sort', 'state', 'outcome', 'stage', 'version'];
const formArb = fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 12 })), fc.oneof(nasty, fc.array(nasty, { maxLength: 3 })), { maxKeys: 6 });

let t: TestApp;
const users: Record<string, { id: string } | null> = {};
let countQuery = sql``;

before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  for (const [role, roles] of Object.entries(ROLES)) users[role] = roles ? await createUser(t, { roles }) : null;
  const tables = await rows<{ table_name: string }>(t.db, sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like '%migrations%' order by table_name`);
  const parts = tables.filter((x) => !MAY_WRITE.has(x.table_name)).map((x) => `select '${x.table_name}' as t, count(*)::int as n from "${x.table_name}"`);
  countQuery = sql.raw(parts.join(' union all '));
});
after(() => t.close());

const snapshot = async () => Object.fromEntries((await rows<{ t: string; n: number }>(t.db, countQuery)).map((r) => [r.t, r.n]));

/** The app's routes (method, path), without middleware and duplicates. */
function routeTable(): { method: string; path: string }[] {
  const seen = new Set<string>();
  const out: { method: string; path: string }[] = [];
  for (const r of t.app.routes as { method: string; path: string }[]) {
    if (r.method === 'ALL' || r.path.includes('*') || r.path.includes('\u0000')) continue;
    const key = `${r.method} ${r.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ method: r.method, path: r.path });
  }
  return out;
}

async function clientFor(role: string): Promise<TestClient> {
  const u = users[role];
  return u ? signedInClient(t, u) : t.client();
}

test('no generated input makes any route answer 5xx, lose its security headers, leak internals, or write when refused', async () => {
  const routes = routeTable();
  assert.ok(routes.length > 100, `the route table has ${routes.length} routes`);
  const samples = fc.sample(fc.tuple(fc.array(nasty, { minLength: 4, maxLength: 4 }), formArb, formArb, fc.constantFrom('en', 'fr', 'ar')), { seed: SEED, numRuns: routes.length * Object.keys(ROLES).length * RUNS });
  const problems: string[] = [];
  let i = 0;
  for (const route of routes) {
    for (const role of Object.keys(ROLES)) {
      const client = await clientFor(role);
      for (let run = 0; run < RUNS; run++) {
        const [params, query, body, lang] = samples[i++ % samples.length]!;
        let p = 0;
        const path = route.path.replace(/:\w+(\{[^}]*\})?/g, () => encodeURIComponent(params[p++ % params.length]!));
        const qs = new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]]))).toString();
        const isApi = path.startsWith('/api/');
        const url = `${isApi ? '' : `/${lang}`}${path}${qs ? `?${qs}` : ''}`;
        const before = route.method === 'GET' ? null : await snapshot();
        let res;
        try {
          res = isApi && route.method !== 'GET' ? await client.request(route.method, url, { json: body }) : route.method === 'GET' ? await client.get(url) : await client.request(route.method, url, { form: Object.fromEntries(Object.entries(body).map(([k, v]) => [k, v])) as Record<string, string | string[]> });
        } catch (e) {
          problems.push(`${role} ${route.method} ${url.slice(0, 200)}: threw ${String(e).slice(0, 200)}`);
          continue;
        }
        const where = `${role} ${route.method} ${route.path} (${url.slice(0, 160)})`;
        if (res.status >= 500) problems.push(`${where}: ${res.status}`);
        if (!res.headers.get('X-Content-Type-Options')) problems.push(`${where}: no security headers`);
        if (/\bat [\w.<>]+ \(|Failed query|ZodError|TypeError|RangeError|\bselect [\w*"., ]+ from /i.test(res.body_)) problems.push(`${where}: internals in the body`);
        if (before && res.status >= 400) {
          const after = await snapshot();
          const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
          if (changed.length) problems.push(`${where}: answered ${res.status} but wrote ${changed.join(', ')}`);
        }
        if (problems.length > 40) break;
      }
    }
  }
  assert.deepEqual(problems, [], `${problems.length} problem(s):\n${problems.join('\n')}`);
});
