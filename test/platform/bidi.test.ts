/**
 * Mixed directions (issue 14.2): on Arabic pages, what people wrote in Latin script (names, titles,
 * offers, places) sits in an element with its own direction (`dir="auto"`, `<bdi>`, or its `lang`);
 * on French pages, Arabic text likewise; values inserted into sentences are isolated (FSI…PDI).
 * Checked on the demo's pages as a visitor and as a broker, and by a property test with random names.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../support/app.ts';
import { createUser, signedInClient } from '../support/users.ts';
import { unisolatedRuns } from '../support/bidi.ts';
import { seedDemo } from '../../src/modules/demo/demo.seed.ts';
import { MODULES } from '../../src/modules/index.ts';
import { createOrganisation } from '../../src/modules/organisations/organisations.service.ts';
import { i18n } from '../../src/platform/i18n.ts';

let t: TestApp;
let broker: TestClient;
const ids: Record<string, string> = {};

before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  await seedDemo(t.db, MODULES, { now: t.clock.now() });
  broker = await signedInClient(t, await createUser(t, { roles: ['broker'], locale: 'ar' }));
  const one = async (q: string) => ((await t.db.execute(sql.raw(q))) as unknown as { rows: Array<{ id: string }> }).rows[0]!.id;
  ids.org = await one("select id from organisations where name like 'Agona West%' limit 1");
  ids.practice = await one("select id from good_practices where state = 'published' and external_id like '004-ostend%' limit 1");
  ids.exchange = await one('select id from exchanges limit 1');
  ids.person = await one("select id from people order by name limit 1");
  ids.event = await one('select id from events order by starts_at limit 1');
  ids.partnership = await one('select id from partnerships limit 1');
});
after(() => t.close());

test('the checker: a bare Latin title on an Arabic page is caught; bdi, dir, lang and FSI…PDI isolate it', () => {
  const page = (body: string) => `<html lang="ar" dir="rtl"><body>${body}</body></html>`;
  assert.deepEqual(unisolatedRuns(page('<h1>Waste collection in Ziniaré</h1>'), 'ar'), ['Waste collection in Ziniaré']);
  assert.deepEqual(unisolatedRuns(page('<h1 dir="auto">Waste collection</h1><p><bdi>Almere</bdi></p><p lang="fr">Ziniaré</p>'), 'ar'), []);
  assert.deepEqual(unisolatedRuns(page('<p>المنسق: \u2068Amina Kamau\u2069</p><p>نظام Peerlink للبلديات</p><p>موجز Atom</p>'), 'ar'), [], 'an isolated value; a brand inside an Arabic phrase');
  assert.deepEqual(unisolatedRuns('<html lang="fr"><body><p>جمع النفايات</p></body></html>', 'fr'), ['جمع النفايات']);
  assert.deepEqual(unisolatedRuns(page('<p class="meta">الاثنين 26 أكتوبر · حضوري · Accra Metropolitan Assembly, Accra · <bdi>SSA</bdi></p>'), 'ar'), ['Accra Metropolitan Assembly, Accra'], 'a value of a meta line');
});

test('messages isolate a value written in the other direction', () => {
  assert.equal(i18n().t('ar', 'calls.advisor.deadline', { date: 'Monday' }), 'العروض حتى \u2068Monday\u2069');
  assert.equal(i18n().t('fr', 'calls.advisor.deadline', { date: 'الاثنين' }), 'offres jusqu’au \u2068الاثنين\u2069');
  assert.equal(i18n().t('fr', 'calls.advisor.deadline', { date: 'lundi' }), 'offres jusqu’au lundi', 'same direction: as it is');
});

const PUBLIC = () => ['/ar', '/ar/organisations', `/ar/organisations/${ids.org}`, '/ar/good-practices', `/ar/good-practices/${ids.practice}`, '/ar/calls', '/ar/programmes', '/ar/programmes/connect', '/ar/networks', '/ar/networks/ssa', '/ar/cooperation-approaches', '/ar/funding', '/ar/cooperation-approaches/advisor?governance=essential&budget=5000', '/ar/events', `/ar/events/${ids.event}`, '/ar/networks/mena', '/ar/networks/ssa/news', '/ar/programmes/connect/news', '/ar/open-to-cooperation', '/ar/calls-for-requests'];
const SIGNED_IN = () => ['/ar/people', `/ar/people/${ids.person}`, `/ar/exchanges/${ids.exchange}`, '/ar/account', `/ar/organisations/${ids.org}`, '/ar/partnerships', `/ar/partnerships/${ids.partnership}`, '/ar/networks/ssa/discussions', '/ar/cooperation-requests'];

test('the demo\'s Arabic pages: every Latin-script text people wrote has its own direction', async () => {
  const found: string[] = [];
  for (const p of PUBLIC()) {
    const r = await t.client().get(p);
    assert.equal(r.status, 200, p);
    for (const run of unisolatedRuns(r.body_, 'ar')) found.push(`${p}: ${run}`);
  }
  for (const p of SIGNED_IN()) {
    const r = await broker.get(p);
    assert.equal(r.status, 200, p);
    for (const run of unisolatedRuns(r.body_, 'ar')) found.push(`${p} (broker): ${run}`);
  }
  assert.deepEqual(found, []);
});

test('property: any Latin name and offer in the Arabic directory, any Arabic one in the French directory, is isolated', async () => {
  const actor = await createUser(t, { name: 'Bidi Editor' });
  const ctx = () => ({ db: t.db, actor: { id: actor.id, name: actor.name, email: actor.email, locale: 'en' as const, roles: [], coordinatorRegions: [], hasTotp: false }, locale: 'en' as const, now: t.clock.now() });
  const latin = fc.stringMatching(/^[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ .,'()%-]{2,40}[A-Za-z]$/);
  const arabic = fc.stringMatching(/^[ء-ي][ء-ي .،()%-]{2,40}[ء-ي]$/);
  await fc.assert(
    fc.asyncProperty(fc.oneof(fc.tuple(latin, latin, fc.constant('ar' as const)), fc.tuple(arabic, arabic, fc.constant('fr' as const))), async ([name, offers, page]) => {
      t.clock.advance(61 * 60_000); // one creation an hour: under the per-person limit (SECURITY.md 26)
      const { id } = await createOrganisation(ctx(), { name, kind: 'municipality', country: 'TN', languages: [page === 'ar' ? 'fr' : 'ar'], offers: `${offers}.` });
      for (const path of [`/${page}/organisations/${id}`, `/${page}/organisations?q=${encodeURIComponent(name.split(' ')[0]!)}`]) {
        const r = await t.client().get(path);
        assert.equal(r.status, 200, path);
        assert.deepEqual(unisolatedRuns(r.body_, page), [], `${path}`);
      }
    }),
    { numRuns: 15, seed: 142 },
  );
});
