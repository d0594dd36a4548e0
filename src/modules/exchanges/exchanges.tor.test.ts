/** A new terms-of-reference version is mailed to both sides and to the broker who planned the exchange, never to its author. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { confirmedMatch, PLAN, type Matched } from '../../../test/exchanges/fixtures.ts';
import { ctxOf } from '../../../test/requests/fixtures.ts';
import * as ex from './exchanges.service.ts';
import { getTor, writeTor } from './exchanges.tor.service.ts';
import { notificationOutbox } from '../../db/schema/index.ts';
import { i18n } from '../../platform/i18n.ts';

let t: TestApp;
let m: Matched;
before(async () => {
  t = await createTestApp();
  m = await confirmedMatch(t);
});
after(() => t.close());

const told = async (userId: string) => (await t.db.select().from(notificationOutbox).where(and(eq(notificationOutbox.userId, userId), eq(notificationOutbox.kind, 'exchange_tor')))).length;

test('the host writes a version: the peer and the planning broker are told, the host is not', async () => {
  const planned = await ex.planExchange(ctxOf(t, m.broker), m.matchId, PLAN, i18n().translator('en'));
  assert.ok(planned.ok);
  const before = { broker: await told(m.broker.id), peer: await told(m.peer.id), host: await told(m.requester.id) };
  const latest = (await getTor(ctxOf(t, m.requester), planned.id)).versions[0]!;
  const out = await writeTor(ctxOf(t, m.requester), planned.id, { ...latest.content, objectives: `${latest.content.objectives}\nA costed plan by June.`, baseVersion: String(latest.version) });
  assert.ok(out.ok, JSON.stringify(out));
  assert.equal(await told(m.broker.id), before.broker + 1, 'the broker who planned it');
  assert.equal(await told(m.peer.id), before.peer + 1, 'the other side');
  assert.equal(await told(m.requester.id), before.host, 'not the author');
});
