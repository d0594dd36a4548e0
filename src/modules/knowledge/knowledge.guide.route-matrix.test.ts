/**
 * Route × role matrix for the guide (SECURITY.md 10, issue 13): the table, the advisor, approach
 * pages, the funding finder and its calendar are public; approaches are edited and added by
 * platform admins only, funding programmes by admins and brokers; everyone else gets 404 (a
 * visitor the sign-in page). Forms sent empty answer 400 to those allowed, and change nothing.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.ts';
import { createUser, signedInClient } from '../../../test/support/users.ts';
import type { PlatformRole } from '../../db/schema/accounts.ts';
import * as guide from './knowledge.guide.service.ts';

const ROLES = ['visitor', 'member', 'coordinator', 'broker', 'committee', 'admin'] as const;
type Role = (typeof ROLES)[number];

let t: TestApp;
const cl = {} as Record<Role, TestClient>;
let fundingId = '';

before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  for (const role of ROLES) {
    if (role === 'visitor') cl[role] = t.client();
    else cl[role] = await signedInClient(t, await createUser(t, { roles: role === 'member' ? [] : [role as PlatformRole] }));
  }
  fundingId = (await guide.searchFunding({ db: t.db, actor: null, locale: 'en', now: t.clock.now() }, { approach: 'twinning' })).items[0]!.id;
});
after(() => t.close());

type Row = { method: 'GET' | 'POST'; path: () => string; form?: Record<string, string>; expect: Partial<Record<Role, number>> & { default: number } };
const everyone = (s: number) => ({ default: s });

const MATRIX: Row[] = [
  { method: 'GET', path: () => '/en/cooperation-approaches', expect: everyone(200) },
  { method: 'GET', path: () => '/en/cooperation-approaches/twinning', expect: everyone(200) },
  { method: 'GET', path: () => '/en/cooperation-approaches/no_such_approach', expect: everyone(404) },
  { method: 'GET', path: () => '/en/cooperation-approaches/advisor?governance=essential', expect: everyone(200) },
  { method: 'GET', path: () => '/en/cooperation-approaches/new', expect: { default: 404, visitor: 303, admin: 200 } },
  { method: 'POST', path: () => '/en/cooperation-approaches', form: { code: '' }, expect: { default: 404, visitor: 303, admin: 400 } },
  { method: 'GET', path: () => '/en/cooperation-approaches/twinning/edit?lang=fr', expect: { default: 404, visitor: 303, admin: 200 } },
  { method: 'POST', path: () => '/en/cooperation-approaches/twinning/edit', form: { lang: 'fr', name: '' }, expect: { default: 404, visitor: 303, admin: 400 } },
  { method: 'GET', path: () => '/en/funding', expect: everyone(200) },
  { method: 'GET', path: () => '/en/funding?approach=twinning&open=1&partner=no', expect: everyone(200) },
  { method: 'GET', path: () => '/en/funding?partner=maybe', expect: everyone(400) },
  { method: 'GET', path: () => '/en/funding.ics', expect: everyone(200) },
  { method: 'GET', path: () => '/en/funding/new', expect: { default: 404, visitor: 303, broker: 200, admin: 200 } },
  { method: 'POST', path: () => '/en/funding', form: { code: '' }, expect: { default: 404, visitor: 303, broker: 400, admin: 400 } },
  { method: 'GET', path: () => `/en/funding/${fundingId}/edit?lang=ar`, expect: { default: 404, visitor: 303, broker: 200, admin: 200 } },
  { method: 'POST', path: () => `/en/funding/${fundingId}/edit`, form: { lang: 'ar', name: '' }, expect: { default: 404, visitor: 303, broker: 400, admin: 400 } },
  { method: 'GET', path: () => '/en/funding/not-an-id/edit', expect: { default: 404, visitor: 303 } },
  { method: 'GET', path: () => `/api/v1/funding/${fundingId}`, expect: everyone(200) },
  { method: 'GET', path: () => '/api/v1/funding?approach=twinning', expect: everyone(200) },
];

test('every route of the guide answers each role as the matrix says, and a refused form changes nothing', async () => {
  const before = JSON.stringify(await guide.listApproaches({ db: t.db, actor: null, locale: 'en', now: t.clock.now() }));
  const failures: string[] = [];
  for (const row of MATRIX) {
    for (const role of ROLES) {
      const path = row.path();
      const res = row.method === 'GET' ? await cl[role].get(path) : await cl[role].post(path, row.form ?? {});
      const want = row.expect[role] ?? row.expect.default;
      if (res.status !== want) failures.push(`${row.method} ${path} as ${role}: ${res.status}, expected ${want}`);
    }
  }
  assert.deepEqual(failures, []);
  assert.equal(JSON.stringify(await guide.listApproaches({ db: t.db, actor: null, locale: 'en', now: t.clock.now() })), before);
});
