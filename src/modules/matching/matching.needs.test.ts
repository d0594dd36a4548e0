/**
 * Needs are not expertise (issue 15): in the demo, Agona West's waste-and-sanitation call must not rank the
 * Commune de Ziniaré among its first candidates, because Ziniaré itself asks for help with waste
 * (its `seeks`, and its own request in the CONNECT programme).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { signedInClient } from '../../../test/support/users.ts';
import { seedDemo } from '../demo/demo.seed.ts';
import { MODULES } from '../index.ts';
import { findUserByEmail } from '../accounts/accounts.service.ts';
import { rows } from '../../platform/db.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  await seedDemo(t.db, MODULES, { now: t.clock.now() });
});
after(() => t.close());

test('demo: the candidates for Agona West’s sanitation call do not put Ziniaré (which asks for help with waste) near the top', async () => {
  const calls = await rows<{ id: string; title: string }>(t.db, sql`select c.id, c.title from expertise_calls c join requests r on r.id = c.request_id join organisations o on o.id = r.organisation_id where o.name like 'Agona West%'`);
  const call = calls.find((c) => /sanitation/i.test(c.title));
  assert.ok(call, JSON.stringify(calls));
  const [z] = await rows<{ id: string }>(t.db, sql`select id from organisations where name = 'Commune de Ziniaré'`);
  const broker = await signedInClient(t, (await findUserByEmail(t.db, 'broker@demo.peerlink.localhost'))!);
  const res = await broker.get(`/calls/${call.id}/candidates`);
  assert.equal(res.status, 200);
  const order = [...res.body_.matchAll(/data-candidate="([^"]+)"/g)].map((m) => m[1]!);
  assert.ok(order.length >= 3, order.join());
  const at = order.indexOf(`organisation:${z!.id}`);
  assert.ok(at === -1 || at >= 5, `Ziniaré is candidate ${at + 1}: ${order.slice(0, 6).join(', ')}`);
});

test('engine: what a profile seeks, its open requests and the need sentences of its text are not expertise', async () => {
  const { buildMatchIndex } = await import('./matching.engine.ts');
  const { splitNeeds } = await import('../concepts/concepts.service.ts');
  assert.deepEqual(splitNeeds('We run door-to-door waste collection. We are looking for help with our landfill.'), { offers: 'We run door-to-door waste collection.', needs: 'We are looking for help with our landfill.' });
  assert.equal(splitNeeds('Nous cherchons à partager notre expérience du compostage.').needs, '', 'a sentence that offers to share is an offer');
  assert.equal(splitNeeds('نحتاج إلى دعم في فرز النفايات.').offers, '');
  const { index } = buildMatchIndex([
    { type: 'organisation', id: 'asks', languages: ['fr'], offers: 'Expérience d’un appel sur la gestion des déchets (2018).', seeks: 'Expertise en gestion des déchets : collecte, tri et décharges.', themes: ['waste_management'] },
    { type: 'organisation', id: 'asks-in-text', languages: ['en'], offers: 'Tourism office. We need help with household waste collection and sorting.' },
    { type: 'organisation', id: 'asks-by-request', languages: ['en'], offers: 'Waste collection.', needs: 'Household waste collection. Our trucks are broken.' },
    { type: 'organisation', id: 'knows', languages: ['en'], offers: 'We plan household waste collection rounds and sorting at source.' },
    { type: 'organisation', id: 'other', languages: ['en'], offers: 'Street lighting and public works.' },
  ]);
  const ids = index.rank({ title: 'Waste collection and sorting', description: 'Household waste is not collected in half of the districts; we want sorting at source.' }, { top: 5 }).matches.map((m) => m.id);
  assert.equal(ids[0], 'knows');
  for (const id of ['asks', 'asks-in-text', 'asks-by-request']) assert.ok(!ids.includes(id) || ids.indexOf(id) > ids.indexOf('knows'), `${id}: ${ids.join()}`);
  const asks = index.rank({ title: 'Gestion des déchets', description: 'Collecte et tri des déchets.' }, { top: 5 }).matches.find((m) => m.id === 'asks');
  assert.ok(!asks || !asks.reasons.some((r) => r.code === 'theme' && r.params.theme === 'waste_management'), 'a need is never given as a reason');
});
