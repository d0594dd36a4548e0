/**
 * The demo's events (an upcoming virtual dialogue event in SSA with registrations, a past on-site one
 * with attendance and its report), seeded once; and the events pages within the page budget (50 KB
 * gzip with the stylesheet) in every language.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { signedInClient } from '../../../test/support/users.ts';
import { seedDemo } from '../demo/demo.seed.ts';
import { MODULES } from '../index.ts';
import { LOCALES } from '../../platform/i18n.ts';
import { CSS_GZ } from '../../platform/html/static.ts';
import { events, eventRegistrations } from '../../db/schema/events.ts';
import { users } from '../../db/schema/accounts.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
  await seedDemo(t.db, MODULES, { now: t.clock.now() });
});
after(() => t.close());

test('an upcoming virtual event with registrations and a past on-site event with attendance and report, seeded once', async () => {
  const all = await t.db.select().from(events);
  assert.equal(all.length, 2);
  const upcoming = all.find((e) => e.format === 'online')!;
  const past = all.find((e) => e.format === 'onsite')!;
  assert.ok(upcoming.startsAt > t.clock.now() && upcoming.state === 'published' && upcoming.meetingUrl);
  assert.ok(past.endsAt < t.clock.now() && past.report && past.place);
  assert.ok((await t.db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, upcoming.id))).length >= 2);
  assert.ok((await t.db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, past.id))).some((r) => r.attended));
  await seedDemo(t.db, MODULES, { now: t.clock.now() });
  assert.equal((await t.db.select().from(events)).length, 2, 'a second run adds nothing');
  const ssa = await t.client().get('/en/networks/ssa');
  assert.match(ssa.body_, /Virtual dialogue: financing municipal waste collection/);
  assert.doesNotMatch(ssa.body_, /meet\.example\.org/);
});

test('the events pages are within the page budget, in every language', async () => {
  const [e] = await t.db.select().from(events).where(eq(events.format, 'online'));
  const [coord] = await t.db.select().from(users).where(eq(users.email, 'coordinator@demo.peerlink.localhost'));
  const c = await signedInClient(t, coord!);
  for (const l of LOCALES)
    for (const path of ['/events', `/events/${e!.id}`, `/events/${e!.id}?tz=Asia/Tokyo`, '/events/new?network=ssa', `/events/${e!.id}/edit`, `/events/${e!.id}/manage`]) {
      const res = await c.get(`/${l}${path}`);
      assert.equal(res.status, 200, `${l}${path}`);
      const size = gzipSync(res.body_).length + CSS_GZ.length;
      assert.ok(size <= 50 * 1024, `${l}${path}: ${size} bytes gzip with its CSS`);
      assert.match(res.body_, l === 'ar' ? /<html lang="ar" dir="rtl">/ : new RegExp(`<html lang="${l}" dir="ltr">`));
    }
});
