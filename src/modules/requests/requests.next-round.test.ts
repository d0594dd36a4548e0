/**
 * A dead end has a way out (issue 16): `/requests/new` with no open round says when each
 * programme's next round opens and offers to be told (the programme's newsletter).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { createUser, signedInClient } from '../../../test/support/users.ts';
import { programmes, programmeRounds } from '../../db/schema/index.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  t.clock.set('2027-01-10T09:00:00Z');
  const now = t.clock.now();
  const id = randomUUID();
  await t.db.insert(programmes).values({ id, slug: 'connect', name: 'CONNECT', createdAt: now, updatedAt: now });
  const round = (name: string, opens: string, closes: string) => ({ id: randomUUID(), programmeId: id, name, opensAt: new Date(opens), closesAt: new Date(closes), reviewOpensAt: new Date(closes), reviewClosesAt: new Date(closes), createdAt: now });
  await t.db.insert(programmeRounds).values([round('Round 2026', '2026-09-01T00:00Z', '2026-11-30T17:00Z'), round('Round 2027', '2027-03-01T00:00Z', '2027-05-31T17:00Z'), round('Round 2028', '2028-03-01T00:00Z', '2028-05-31T17:00Z')]);
});
after(() => t.close());

test('between rounds, the start page names the next round and when it opens, with a way to be told', async () => {
  const client = await signedInClient(t, await createUser(t, { locale: 'fr' }));
  const res = await client.get('/fr/requests/new');
  assert.equal(res.status, 200);
  assert.match(res.body_, /CONNECT[^<]*la prochaine session, [^<]*Round 2027[^<]*, ouvre le [^<]*2027\./);
  assert.doesNotMatch(res.body_, /Round 2028/, 'only the next one per programme');
  assert.match(res.body_, /href="\/fr\/news\/subscribe\?programme=connect">Me prévenir à l’ouverture</);
});
