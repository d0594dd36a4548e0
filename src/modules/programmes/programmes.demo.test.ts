/** The demo programme: created once, with an open round, criteria, the demo committee member and the CONNECT timeline. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { createUser } from '../../../test/support/users.ts';
import { seedProgrammesDemo, CONNECT_HISTORY } from './programmes.demo.ts';
import * as programmes from './programmes.service.ts';
import { actorOf, ctxOf } from '../../../test/requests/fixtures.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

test('the demo programme is created once, open for requests, with its committee and the CONNECT timeline', async () => {
  const committee = await createUser(t, { roles: ['committee'], email: 'committee@demo.peerlink.localhost' });
  assert.equal(await seedProgrammesDemo(t.db, t.clock.now()), true);
  assert.equal(await seedProgrammesDemo(t.db, t.clock.now()), false);
  const open = await programmes.listOpenCalls(ctxOf(t, null), { region: 'ssa' });
  assert.deepEqual(open.map((o) => o.programme.slug), ['connect']);
  const admin = await programmes.getProgrammeAdmin(ctxOf(t, actorOf(await createUser(t), ['broker'])), open[0]!.programme.id);
  assert.equal(admin.criteria.length, 3);
  assert.deepEqual(admin.committee.map((c) => c.userId), [committee.id]);
  const tl = await programmes.getTimeline(ctxOf(t, null), 'connect');
  assert.equal(tl.entries.length, CONNECT_HISTORY.length + 1);
  assert.match(tl.entries.at(-1)!.title, /Framework Partnership Agreement/);
  const page = await t.client().get('/fr/programmes/connect/timeline');
  assert.match(page.body_, /First CONNECTion: sanitation in Agona West/);
});
