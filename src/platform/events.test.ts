/**
 * Domain events: recorded in the emitting transaction (a rolled-back change leaves no event), handed
 * to each subscriber once after commit, a failing subscriber retried with backoff without the
 * others running again, two dispatchers at once never handing an event twice, and the app
 * dispatching after a state-changing request.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { testDatabase } from '../../test/support/db.ts';
import { createTestApp } from '../../test/support/app.ts';
import { rows } from './db.ts';
import { emit, dispatchEvents, subscribersOf, eventBackoffMs, type Subscriber } from './events.ts';

declare module './events.ts' {
  interface DomainEvents {
    'test.happened': { n: number };
    'test.unheard': { n: number };
  }
}

const T0 = new Date('2027-01-10T09:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

test('an event exists exactly when the change that records it commits', async () => {
  const d = await testDatabase();
  try {
    await d.db.transaction(async (tx) => {
      await emit(tx, T0, 'test.happened', { n: 1 });
    });
    await assert.rejects(
      d.db.transaction(async (tx) => {
        await emit(tx, T0, 'test.happened', { n: 2 });
        throw new Error('the change fails');
      }),
      /the change fails/,
    );
    const got = await rows<{ payload: { n: number } }>(d.db, sql`select payload from domain_events where name = 'test.happened'`);
    assert.deepEqual(
      got.map((r) => r.payload.n),
      [1],
    );
  } finally {
    await d.close();
  }
});

test('each subscriber gets each event once, in order; a failing one is retried later without the others running again', async () => {
  const d = await testDatabase();
  try {
    const seenA: number[] = [];
    const seenB: number[] = [];
    let bFails = true;
    const subs: Subscriber[] = subscribersOf([
      { name: 'a', on: { 'test.happened': async (p) => void seenA.push(p.n) } },
      {
        name: 'b',
        on: {
          'test.happened': async (p, { db }) => {
            if (bFails && p.n === 2) throw new Error('b is down');
            // A subscriber's writes commit with its delivery: prove it writes in its own transaction.
            await db.execute(sql`select 1`);
            seenB.push(p.n);
          },
        },
      },
    ]);
    for (const n of [1, 2, 3]) await emit(d.db, at(n), 'test.happened', { n });
    await emit(d.db, at(4), 'test.unheard', { n: 4 });

    const first = await dispatchEvents(d.db, subs, at(10));
    assert.deepEqual(first, { handled: 3, failed: 1 }, 'events 1, 3 and the unheard one are done; 2 waits for b');
    assert.deepEqual(seenA, [1, 2, 3]);
    assert.deepEqual(seenB, [1, 3]);
    const [pending] = await rows<{ last_error: string; next_at: Date | string; attempts: number }>(
      d.db,
      sql`select last_error, next_at, attempts from domain_events where handled_at is null`,
    );
    assert.match(pending!.last_error, /^b: b is down/);
    assert.equal(new Date(pending!.next_at).getTime(), at(10).getTime() + eventBackoffMs(1));

    // Before the backoff ends nothing runs; after it only b runs, and the event is done.
    assert.deepEqual(await dispatchEvents(d.db, subs, at(11)), { handled: 0, failed: 0 });
    bFails = false;
    assert.deepEqual(await dispatchEvents(d.db, subs, at(10 + eventBackoffMs(1))), { handled: 1, failed: 0 });
    assert.deepEqual(seenA, [1, 2, 3], 'a is not called again for event 2');
    assert.deepEqual(seenB, [1, 3, 2]);
    const [{ left } = { left: -1 }] = await rows<{ left: number }>(d.db, sql`select count(*)::int as left from domain_events where handled_at is null`);
    assert.equal(left, 0);
  } finally {
    await d.close();
  }
});

test('two dispatchers at once hand each event to a subscriber once', async () => {
  const d = await testDatabase();
  try {
    const seen: number[] = [];
    const subs = subscribersOf([{ name: 'a', on: { 'test.happened': async (p) => void seen.push(p.n) } }]);
    for (let n = 0; n < 40; n++) await emit(d.db, at(n), 'test.happened', { n });
    const [x, y] = await Promise.all([dispatchEvents(d.db, subs, at(100), { limit: 25 }), dispatchEvents(d.db, subs, at(100), { limit: 25 })]);
    const rest = await dispatchEvents(d.db, subs, at(100));
    assert.equal(x.handled + y.handled + rest.handled, 40);
    assert.equal(seen.length, 40);
    assert.equal(new Set(seen).size, 40);
  } finally {
    await d.close();
  }
});

test('the app dispatches after a state-changing request, not after a GET', async () => {
  const t = await createTestApp();
  try {
    const countDone = async () =>
      (await rows<{ n: number }>(t.db, sql`select count(*)::int as n from domain_events where name = 'test.unheard' and handled_at is not null`))[0]!.n;
    await emit(t.db, t.clock.now(), 'test.unheard', { n: 0 });
    assert.equal((await t.client().get('/en/')).status, 200);
    assert.equal(await countDone(), 0, 'a GET dispatches nothing');
    // Any POST (here one the app refuses) runs the after-commit hook.
    await t.client().post('/en/sign-in', { email: 'nobody@example.org', password: 'x' });
    assert.equal(await countDone(), 1);
  } finally {
    await t.close();
  }
});
