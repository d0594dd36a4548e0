/**
 * The demo's exchange stage: after the demo seed, the CONNECT programme has a confirmed match
 * between the demo requester's and the demo expert's organisations with no exchange (the broker is
 * offered to plan it), and one exchange held and evaluated whose evaluations both sides answered.
 * A second seed adds nothing.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signedInClient } from '../support/users.ts';
import { seedDemo } from '../../src/modules/demo/demo.seed.ts';
import { MODULES } from '../../src/modules/index.ts';
import { DEMO_EXCHANGE_IDS } from '../../src/modules/calls/calls.demo.ts';
import { DEMO_HELD_TITLE } from '../../src/modules/requests/requests.demo.ts';
import { users, exchanges, matches } from '../../src/db/schema/index.ts';
import { rows } from '../../src/platform/db.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  await seedDemo(t.db, MODULES, { now: t.clock.now() });
});
after(() => t.close());

const demoUser = async (role: string) => (await t.db.select().from(users).where(eq(users.email, `${role}@demo.peerlink.localhost`)))[0]!;
const count = async (q: ReturnType<typeof sql>) => (await rows<{ n: number }>(t.db, q))[0]!.n;

test('the demo has a confirmed match ready to plan: Agona West (the requester) with Sandgerði (the expert)', async () => {
  const [r] = await rows<{ host: string; peer: string; offered_by: string; state: string; exchanges: number }>(
    t.db,
    sql`select ho.external_id as host, po.external_id as peer, o.offered_by, m.state,
               (select count(*)::int from exchanges e where e.match_id = m.id) as exchanges
          from matches m join offers o on o.id = m.offer_id join expertise_calls c on c.id = m.call_id
          join requests r on r.id = c.request_id join organisations ho on ho.id = r.organisation_id
          join organisations po on po.id = o.organisation_id
         where m.id = ${DEMO_EXCHANGE_IDS.toPlan.match}`,
  );
  assert.deepEqual(r, { host: 'gh-agona-west', peer: 'is-sandgerdi', offered_by: (await demoUser('expert')).id, state: 'confirmed', exchanges: 0 });
  const broker = await signedInClient(t, await demoUser('broker'));
  const list = await broker.get('/en/exchanges');
  assert.ok(list.body_.includes(`/en/exchanges/new?match=${DEMO_EXCHANGE_IDS.toPlan.match}`), 'the broker sees it waiting to be planned');
  const offer = await broker.get(`/en/offers/${DEMO_EXCHANGE_IDS.toPlan.offer}`);
  assert.match(offer.body_, />Plan the exchange</);
  const form = await broker.get(`/en/exchanges/new?match=${DEMO_EXCHANGE_IDS.toPlan.match}`);
  assert.equal(form.status, 200);
});

test('the demo has an exchange held and evaluated, with the answers of both sides, seen by its participants', async () => {
  const [e] = await t.db.select().from(exchanges).where(eq(exchanges.matchId, DEMO_EXCHANGE_IDS.held.match));
  assert.ok(e);
  assert.equal(e.state, 'evaluated');
  assert.equal(e.title, DEMO_HELD_TITLE);
  const evals = await rows<{ stage: string; side: string; answered: boolean }>(
    t.db,
    sql`select v.stage, v.side, exists (select 1 from evaluation_answers a where a.evaluation_id = v.id) as answered from evaluations v where v.exchange_id = ${e.id} order by v.stage, v.side`,
  );
  assert.deepEqual(
    evals.map((v) => `${v.stage}/${v.side}/${v.answered}`),
    ['after/host/true', 'after/peer/true', 'before/host/true', 'before/peer/true', 'during/host/true', 'during/peer/true', 'm3/host/true', 'm3/peer/true'],
  );
  assert.equal(await count(sql`select count(distinct side)::int as n from tor_signatures where exchange_id = ${e.id}`), 3, 'host, peer and broker signed');
  const host = await signedInClient(t, await demoUser('requester'));
  const results = await host.get(`/en/exchanges/${e.id}/evaluations`);
  assert.equal(results.status, 200);
  assert.match(results.body_, /A draft joint sanitation plan/);
  assert.doesNotMatch(results.body_, /community mobilisation/, "the host does not see the peer's answers");
  const peer = await signedInClient(t, await demoUser('orgadmin'));
  assert.equal((await peer.get(`/en/exchanges/${e.id}`)).status, 200);
  const outsider = await signedInClient(t, await demoUser('expert'));
  assert.equal((await outsider.get(`/en/exchanges/${e.id}`)).status, 404);
  const broker = await signedInClient(t, await demoUser('broker'));
  const dash = await broker.get(`/en/exchanges/dashboard?programme=${e.programmeId}`);
  assert.equal(dash.status, 200);
  // Its history's mail counts as sent on its day: nothing of it leaves on the demo's first start.
  assert.ok((await count(sql`select count(*)::int as n from notification_outbox where sent_at is not null`)) > 0);
  assert.equal(await count(sql`select count(*)::int as n from notification_outbox where sent_at is null`), 0);
});

test('a second seed adds nothing to the exchange stage', async () => {
  const snapshot = async () => ({
    requests: await count(sql`select count(*)::int as n from requests`),
    matches: await count(sql`select count(*)::int as n from matches`),
    exchanges: await count(sql`select count(*)::int as n from exchanges`),
    questionnaires: await count(sql`select count(*)::int as n from questionnaires`),
    evaluations: await count(sql`select count(*)::int as n from evaluations`),
    answers: await count(sql`select count(*)::int as n from evaluation_answers`),
  });
  const before_ = await snapshot();
  assert.equal(before_.exchanges, 1);
  t.clock.advance(86400_000);
  await seedDemo(t.db, MODULES, { now: t.clock.now() });
  assert.deepEqual(await snapshot(), before_);
  assert.equal((await t.db.select().from(matches).where(eq(matches.id, DEMO_EXCHANGE_IDS.toPlan.match))).length, 1);
});
