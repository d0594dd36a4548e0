/** The demo: per network (MENA, SEE, SSA) an answered consultation (closed, its answer marked) and an open discussion, in the region's languages; a second run adds nothing. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { signedInClient } from '../../../test/support/users.ts';
import { seedDemo } from '../demo/demo.seed.ts';
import { MODULES } from '../index.ts';
import { findUserByEmail } from '../accounts/accounts.service.ts';
import { networkFactsBySlug } from '../networks/networks.service.ts';
import { discussionTopics } from '../../db/schema/discussions.ts';
import * as repo from './discussions.repository.ts';
import { seedDiscussionsDemo } from './discussions.demo.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
  await seedDemo(t.db, MODULES, { now: t.clock.now() });
});
after(() => t.close());

test('each network has an answered consultation and an open discussion, in the languages of its region', async () => {
  const langs = new Set<string>();
  for (const slug of ['mena', 'see', 'ssa']) {
    const n = (await networkFactsBySlug(t.db, slug))!;
    const topics = await t.db.select().from(discussionTopics).where(eq(discussionTopics.networkId, n.id));
    const answered = topics.find((x) => x.kind === 'consultation' && x.state === 'closed' && x.answerPostId && x.summary);
    assert.ok(answered, `${slug}: an answered consultation`);
    assert.ok(topics.some((x) => x.kind === 'discussion' && x.state === 'open'), `${slug}: an open discussion`);
    for (const x of topics) langs.add(x.lang);
    const posts = await repo.postsOf(t.db, answered.id, null);
    assert.ok(posts.every((p) => p.state === 'published' && p.authorName));
  }
  assert.deepEqual([...langs].sort(), ['ar', 'en', 'fr']);
  assert.deepEqual(await seedDiscussionsDemo(t.db, { now: t.clock.now() }), {}, 'a second run adds nothing');
});

test('a member reads the network’s discussions; the network page lists them', async () => {
  const kwame = (await findUserByEmail(t.db, 'approver@demo.peerlink.localhost'))!;
  const c = await signedInClient(t, kwame);
  const page = await c.get('/en/networks/ssa');
  assert.match(page.body_, /Financing tools for waste collection/);
  // Members' content waits for consent to the privacy notice.
  const gate = await c.get('/fr/networks/ssa/discussions');
  assert.equal(gate.status, 303);
  assert.match(gate.headers.get('location') ?? '', /\/fr\/privacy\/consent\?next=/);
  await c.post('/fr/privacy/consent', { next: '/fr/networks/ssa/discussions' });
  const list = await c.get('/fr/networks/ssa/discussions');
  assert.equal(list.status, 200);
  assert.match(list.body_, /Journées d’échange virtuelles/);
});
