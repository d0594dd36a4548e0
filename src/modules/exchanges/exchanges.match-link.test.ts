/**
 * The match's page (the offer with its confirmed match) leads on to the exchange: the broker gets
 * "Plan the exchange" while none exists, then everyone who sees the match gets "Open the
 * exchange"; the sides never get the plan link, and a match still waiting for answers has neither.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.ts';
import { signedInClient } from '../../../test/support/users.ts';
import { confirmedMatch, PLAN, type Matched } from '../../../test/exchanges/fixtures.ts';
import { matches } from '../../db/schema/index.ts';

let t: TestApp;
let m: Matched;
let offerId = '';
const c = {} as Record<'broker' | 'host' | 'peer', TestClient>;

before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  m = await confirmedMatch(t);
  offerId = (await t.db.select({ offerId: matches.offerId }).from(matches).where(eq(matches.id, m.matchId)))[0]!.offerId;
  c.broker = await signedInClient(t, m.broker);
  c.host = await signedInClient(t, m.requester);
  c.peer = await signedInClient(t, m.peer);
});
after(() => t.close());

const planHref = () => `href="/en/exchanges/new?match=${m.matchId}"`;

test('a confirmed match without an exchange: the broker gets the link to plan it, the sides do not', async () => {
  const broker = await c.broker.get(`/en/offers/${offerId}`);
  assert.equal(broker.status, 200);
  assert.ok(broker.body_.includes(planHref()), 'the broker is offered to plan the exchange');
  assert.match(broker.body_, />Plan the exchange</);
  const form = await c.broker.get(`/en/exchanges/new?match=${m.matchId}`);
  assert.equal(form.status, 200, 'the link leads to the plan form');
  for (const who of ['host', 'peer'] as const) {
    const page = await c[who].get(`/en/offers/${offerId}`);
    assert.equal(page.status, 200, who);
    assert.doesNotMatch(page.body_, /\/exchanges\//, `${who} sees no exchange link yet`);
  }
});

test('once planned, the match leads to its exchange for the broker and both sides', async () => {
  const planned = await c.broker.post(`/exchanges/new?match=${m.matchId}`, { ...PLAN });
  assert.equal(planned.status, 303);
  const exchangeId = /\/exchanges\/([0-9a-f-]{36})$/.exec(planned.headers.get('location') ?? '')?.[1];
  assert.ok(exchangeId);
  for (const who of ['broker', 'host', 'peer'] as const) {
    const page = await c[who].get(`/en/offers/${offerId}`);
    assert.ok(page.body_.includes(`href="/en/exchanges/${exchangeId}"`), `${who} is led to the exchange`);
    assert.ok(!page.body_.includes(planHref()), `${who} is not offered to plan a second one`);
    assert.equal((await c[who].get(`/en/exchanges/${exchangeId}`)).status, 200, `${who} may open it`);
  }
  const fr = await c.host.get(`/fr/offers/${offerId}`);
  assert.ok(fr.body_.includes(`href="/fr/exchanges/${exchangeId}"`), 'the link keeps the language');
  assert.match(fr.body_, /Ouvrir l’échange/);
});

test('a match still waiting for confirmation has no exchange link', async () => {
  await t.db.update(matches).set({ state: 'proposed' }).where(eq(matches.id, m.matchId));
  try {
    const page = await c.broker.get(`/en/offers/${offerId}`);
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.body_, /\/exchanges\//);
  } finally {
    await t.db.update(matches).set({ state: 'confirmed' }).where(eq(matches.id, m.matchId));
  }
});
