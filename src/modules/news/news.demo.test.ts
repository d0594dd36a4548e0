/**
 * The demo's newsletters (an archived issue per network, two confirmed subscribers), seeded once;
 * and the newsletter pages within the page budget (50 KB gzip with the stylesheet), right to left
 * in Arabic, in every language.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { eq, isNotNull } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { signedInClient } from '../../../test/support/users.ts';
import { seedDemo } from '../demo/demo.seed.ts';
import { MODULES } from '../index.ts';
import { LOCALES } from '../../platform/i18n.ts';
import { CSS_GZ } from '../../platform/html/static.ts';
import { newsIssues, newsSubscribers, newsDeliveries } from '../../db/schema/news.ts';
import { users } from '../../db/schema/accounts.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
  await seedDemo(t.db, MODULES, { now: t.clock.now() });
});
after(() => t.close());

test('an archived issue per network and two confirmed subscribers, seeded once, nothing mailed', async () => {
  const issues = await t.db.select().from(newsIssues);
  assert.equal(issues.length, 3);
  assert.ok(issues.every((i) => i.state === 'sent' && i.networkId && i.sentAt && i.authorId));
  assert.equal((await t.db.select().from(newsSubscribers).where(isNotNull(newsSubscribers.confirmedAt))).length, 2);
  assert.equal((await t.db.select().from(newsDeliveries)).length, 0);
  await seedDemo(t.db, MODULES, { now: t.clock.now() });
  assert.equal((await t.db.select().from(newsIssues)).length, 3, 'a second run adds nothing');
  const mena = await t.client().get('/ar/networks/mena');
  assert.match(mena.body_, /أخبار الشبكة/);
  const fr = await t.client().get('/fr/networks/ssa/news');
  assert.match(fr.body_, /Nouvelles du réseau/);
});

test('the newsletter pages are within the page budget, in every language', async () => {
  const [coord] = await t.db.select().from(users).where(eq(users.email, 'coordinator@demo.peerlink.localhost'));
  const c = await signedInClient(t, coord!);
  const [issue] = await t.db.select().from(newsIssues);
  const draft = await c.post('/en/news/issues?network=ssa', { lang: 'en', subject_en: 'Draft', body_en: 'x'.repeat(2000) });
  const draftId = /issues\/([0-9a-f-]{36})/.exec(draft.headers.get('location')!)![1]!;
  for (const l of LOCALES)
    for (const path of ['/news/subscribe?network=ssa', '/networks/ssa/news', '/networks/ssa', `/news/issues/${issue!.id}`, '/news/new?network=ssa', `/news/issues/${draftId}/preview`, `/news/issues/${draftId}/edit`]) {
      const res = await c.get(`/${l}${path}`);
      assert.equal(res.status, 200, `${l}${path}`);
      const size = gzipSync(res.body_).length + CSS_GZ.length;
      assert.ok(size <= 50 * 1024, `${l}${path}: ${size} bytes gzip with its CSS`);
      assert.match(res.body_, l === 'ar' ? /<html lang="ar" dir="rtl">/ : new RegExp(`<html lang="${l}" dir="ltr">`));
    }
});
