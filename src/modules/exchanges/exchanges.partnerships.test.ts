/**
 * An exchange and the partnerships module (issue 13): an exchange held or closed between two
 * partner organisations links into their partnership's history by the exchanges' domain events,
 * once per kind; the partnership proposed from an exchange is the partnerships module's (one per
 * exchange); the programme dashboard counts partnerships of every origin by approach.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { signedInClient } from '../../../test/support/users.ts';
import { confirmedMatch, PLAN, type Matched } from '../../../test/exchanges/fixtures.ts';
import { ctxOf } from '../../../test/requests/fixtures.ts';
import { rows } from '../../platform/db.ts';
import { i18n } from '../../platform/i18n.ts';
import { afterCommit } from '../../app.ts';
import { partnerships, partnershipMembers } from '../../db/schema/partnerships.ts';
import * as ex from './exchanges.service.ts';

let t: TestApp;
let m: Matched;
let exchangeId = '';
let recorded = '';

before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  m = await confirmedMatch(t);
  // A partnership the two organisations recorded long before the programme (no exchange of its own).
  recorded = randomUUID();
  const now = t.clock.now();
  await t.db.insert(partnerships).values({ id: recorded, title: 'Ziniaré – Almere', approaches: ['twinning'], since: '2012-01-01', origin: 'recorded', state: 'active', wantsPublic: true, createdAt: now, updatedAt: now });
  await t.db.insert(partnershipMembers).values([{ partnershipId: recorded, organisationId: m.orgId, invitedAt: now, confirmedAt: now }, { partnershipId: recorded, organisationId: m.providerOrgId, invitedAt: now, confirmedAt: now }]);
});
after(() => t.close());

test('an exchange held and closed between partners links into the partnership’s history automatically, once', async () => {
  const b = () => ctxOf(t, m.broker);
  const planned = await ex.planExchange(b(), m.matchId, { ...PLAN }, i18n().translator('en'));
  assert.ok(planned.ok);
  exchangeId = planned.id;
  for (const who of [m.requester, m.peer, m.broker]) await ex.signTor(ctxOf(t, who), exchangeId, 1);
  await ex.moveExchange(b(), exchangeId, 'agree');
  t.clock.set('2027-03-05T09:00:00Z');
  await ex.moveExchange(b(), exchangeId, 'hold');
  await afterCommit(t.deps);
  await afterCommit(t.deps);
  const held = await rows<{ kind: string; day: string; exchange_id: string }>(t.db, sql`select kind, day::text as day, exchange_id from partnership_events where partnership_id = ${recorded}`);
  assert.deepEqual(held.map((h) => h.kind), ['exchange_held']);
  assert.equal(held[0]!.exchange_id, exchangeId);
  assert.equal(held[0]!.day, '2027-03-12', 'the day the exchange ended');
  await ex.moveExchange(b(), exchangeId, 'evaluate');
  await ex.moveExchange(b(), exchangeId, 'close');
  await afterCommit(t.deps);
  const kinds = (await rows<{ kind: string }>(t.db, sql`select kind from partnership_events where partnership_id = ${recorded} order by kind`)).map((r) => r.kind);
  assert.deepEqual(kinds, ['exchange_closed', 'exchange_held']);
  // The partners see the exchange in the history; a visitor sees the public partnership, without the link.
  const host = await signedInClient(t, { id: m.requester.id });
  assert.match((await host.get(`/en/partnerships/${recorded}`)).body_, new RegExp(`href="/en/exchanges/${exchangeId}"`));
  const pub = await t.client().get(`/en/partnerships/${recorded}`);
  assert.equal(pub.status, 200);
  assert.doesNotMatch(pub.body_, new RegExp(`/exchanges/${exchangeId}`));
});

test('the partnership proposed from the exchange is the partnerships module’s, one per exchange; the dashboard counts every origin by approach', async () => {
  const host = await signedInClient(t, { id: m.requester.id });
  const res = await host.post(`/en/exchanges/${exchangeId}/partnership`, { note: 'Continue on composting.' });
  assert.equal(res.status, 303);
  const pid = /\/partnerships\/([0-9a-f-]{36})$/.exec(res.headers.get('location') ?? '')?.[1] ?? '';
  const [p] = await rows<{ origin: string; approaches: string[] }>(t.db, sql`select origin, approaches from partnerships where id = ${pid}`);
  assert.equal(p!.origin, 'exchange');
  assert.deepEqual(p!.approaches, ['city_to_city_partnership']);
  assert.equal((await rows<{ n: number }>(t.db, sql`select count(*)::int as n from partnership_members where partnership_id = ${pid}`))[0]!.n, 2);
  const broker = await signedInClient(t, { id: m.broker.id });
  const dash = await broker.get(`/en/exchanges/dashboard?programme=${m.programmeId}`);
  assert.equal(dash.status, 200);
  assert.match(dash.body_, /Partnerships by approach \(every origin\)[\s\S]*<th scope="row">Twinning<\/th><td>1<\/td>/);
  assert.match(dash.body_, /<th scope="row">City-to-city partnership<\/th><td>1<\/td>/);
});
