/**
 * The per-IP limit is counted in the database, so several processes on one database share it
 * (issue 17): two app instances (as two processes would be) on one PostgreSQL test database, one IP.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testDatabase } from '../support/db.ts';
import { and, eq, lt } from 'drizzle-orm';
import { rateLimitHits } from '../../src/db/schema/platform.ts';

const apps: TestApp[] = [];
after(async () => {
  await apps[0]?.smtp.close();
  await apps[1]?.close();
});

// On the embedded database (one process by its lock) the window is counted in memory: the sharing is PostgreSQL's.
const skip = process.env.DATABASE_URL ? false : 'PostgreSQL only: the embedded database has one process and counts in memory';

test('two app instances on one database share the per-IP limit: 10 a minute means 10 in all, not 10 each', { skip }, async () => {
  const database = await testDatabase();
  const a = await createTestApp({ database, env: { RATE_LIMIT_PER_MINUTE: '10' } });
  const b = await createTestApp({ database, env: { RATE_LIMIT_PER_MINUTE: '10' } });
  apps.push(a, b);
  b.clock.set(a.clock.now());
  const ip = '10.251.0.1';
  for (let i = 0; i < 10; i++) {
    const app = i % 2 ? b : a;
    assert.equal((await app.client(ip).get('/en/sign-in')).status, 200, `request ${i + 1} on ${i % 2 ? 'B' : 'A'}`);
  }
  // The eleventh is refused by either instance.
  const onA = await a.client(ip).get('/en/sign-in');
  const onB = await b.client(ip).get('/en/sign-in');
  assert.equal(onA.status, 429);
  assert.equal(onB.status, 429);
  const retry = Number(onB.headers.get('Retry-After'));
  assert.ok(Number.isInteger(retry) && retry >= 1 && retry <= 60, `Retry-After ${retry}`);
  // Another IP is served by both.
  assert.equal((await a.client('10.251.0.2').get('/en/sign-in')).status, 200);
  assert.equal((await b.client('10.251.0.2').get('/en/sign-in')).status, 200);
  // When the window has passed, both serve the IP again, and the passed window's rows are deleted.
  a.clock.advance(61_000);
  b.clock.advance(61_000);
  assert.equal((await a.client(ip).get('/en/sign-in')).status, 200);
  assert.equal((await b.client(ip).get('/en/sign-in')).status, 200);
  const windowStart = new Date(a.clock.now().getTime() - (a.clock.now().getTime() % 60_000));
  let old = -1;
  for (let i = 0; i < 50 && old !== 0; i++) {
    if (i) await new Promise((r) => setTimeout(r, 100));
    old = (await a.db.select({ ip: rateLimitHits.ip }).from(rateLimitHits).where(lt(rateLimitHits.windowStart, windowStart))).length;
  }
  assert.equal(old, 0, 'rows of the passed window are deleted');
  const [current] = await a.db.select({ hits: rateLimitHits.hits }).from(rateLimitHits).where(and(eq(rateLimitHits.ip, ip), eq(rateLimitHits.windowStart, windowStart)));
  assert.equal(current?.hits, 2);
});
