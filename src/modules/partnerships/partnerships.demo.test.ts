/** The demo's partnerships: those the source documents name, with missing organisations added, confirmed, public, with history; a second run adds nothing. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rows } from '../../platform/db.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { seedOrganisationsDemo } from '../organisations/organisations.demo.ts';
import { seedPartnershipsDemo } from './partnerships.demo.ts';
import { listPartnerships } from './partnerships.service.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
  await seedOrganisationsDemo(t.db, { now: t.clock.now() });
});
after(() => t.close());

test('Roeselare–Dogbo since 2010, Mol–Santo Tomás, the five-municipality KeMoPoDi partnership, Ostend–Banjul and others: confirmed and public', async () => {
  const first = await seedPartnershipsDemo(t.db, { now: t.clock.now() });
  assert.ok((first.partnerships ?? 0) >= 10);
  assert.ok((first.openings ?? 0) >= 3);
  const again = await seedPartnershipsDemo(t.db, { now: t.clock.now() });
  assert.deepEqual(again, {});
  const list = await listPartnerships({ db: t.db, actor: null, locale: 'en', now: t.clock.now() }, {});
  const byTitle = new Map(list.items.map((p) => [p.title, p]));
  const rd = byTitle.get('Roeselare – Dogbo')!;
  assert.equal(rd.since, '2010-01-01');
  assert.deepEqual(rd.partners.map((p) => p.country).sort(), ['BE', 'BJ']);
  assert.ok(byTitle.get('Mol – Santo Tomás'));
  const kemopodi = byTitle.get('Deinze & Lievegem – KeMoPoDi')!;
  assert.equal(kemopodi.partners.length, 5);
  assert.ok(kemopodi.partners.every((p) => p.confirmed));
  assert.ok(byTitle.get('Ostend – Banjul')!.approaches.includes('international_youth_work'));
  assert.equal(byTitle.get('Lichtervelde – Region of Audruicq (CCRA)')!.charterDate, '2008-01-01');
  assert.ok(list.items.every((p) => p.isPublic && p.state === 'active'));
  const [h] = await rows<{ n: number }>(t.db, sql`select count(*)::int as n from partnership_events`);
  assert.ok(h!.n >= 15);
});
