/** The demo: MENA, SEE and SSA with their texts in five languages, their coordinators (the demo coordinator for SSA), a few members, a request waiting and a proposal. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { seedDemo } from '../demo/demo.seed.ts';
import { MODULES } from '../index.ts';
import * as repo from './networks.repository.ts';
import { LOCALES } from '../../platform/i18n.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
  await seedDemo(t.db, MODULES, { now: t.clock.now() });
});
after(() => t.close());

test('three networks with texts in every language, coordinators, members, a pending request and a proposal', async () => {
  const all = await repo.listNetworks(t.db);
  assert.deepEqual(all.map((n) => n.slug), ['mena', 'see', 'ssa']);
  for (const n of all) for (const l of LOCALES) for (const f of ['name', 'purpose', 'guidelines', 'confidentiality'] as const) assert.ok(n[f][l], `${n.slug} ${f} ${l}`);
  const ssa = all.find((n) => n.slug === 'ssa')!;
  assert.deepEqual((await repo.coordinatorsOf(t.db, ssa.id)).map((c) => c.name), ['Amina Kamau']);
  for (const n of all) assert.equal((await repo.coordinatorsOf(t.db, n.id)).length, 1, n.slug);
  assert.equal((await repo.overallCoordinators(t.db)).length, 1);
  assert.ok(all.every((n) => n.memberCount >= 1));
  assert.equal((await repo.membersOf(t.db, ssa.id, ['pending'])).length, 1);
  assert.equal((await repo.proposalsOf(t.db, ssa.id, null, ['open'])).length, 1);
  const page = await t.client().get('/en/networks/ssa');
  assert.equal(page.status, 200);
  assert.match(page.body_, /Amina Kamau/);
  assert.match(page.body_, /Sub-Saharan Africa network/);
});
