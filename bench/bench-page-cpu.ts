/**
 * CPU per signed-in page, in process (issue 17): the ten pages of `npm run bench:load`, as six demo
 * members, requested one after another through app.request (gzip accepted), ROUNDS times after one
 * warm-up round. Reports the median over rounds of the process's CPU time (user + system) per page
 * and of the wall time per page. CPU time is what the other processes of a shared machine disturb
 * least, so it is the figure to compare between two versions measured the same hour. Also prints
 * each page's median wall time (over rounds and members), to find the page that costs most.
 *
 *   node bench/bench-page-cpu.ts [rounds]        (DATABASE_URL set: on that PostgreSQL server)
 */
import { eq } from 'drizzle-orm';
import { createTestApp } from '../test/support/app.ts';
import { seedDemo } from '../src/modules/demo/demo.seed.ts';
import { MODULES } from '../src/modules/index.ts';
import { users } from '../src/db/schema/accounts.ts';
import { createSession, cookieName } from '../src/platform/session.ts';
import { recordConsent } from '../src/modules/privacy/privacy.service.ts';

const ROUNDS = Number(process.argv[2] ?? 8);
const PAGES = ['/en/account', '/en/organisations', '/en/organisations?q=waste', '/en/people', '/en/opportunities', '/en/exchanges', '/en/calls', '/en/good-practices?q=water', '/fr/programmes/connect', '/en/'];
const ROLES = ['member', 'requester', 'approver', 'orgadmin', 'expert', 'coordinator'];

const t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
await seedDemo(t.db, MODULES, { now: t.clock.now() });
const cookies: string[] = [];
for (const role of ROLES) {
  const [u] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, `${role}@demo.peerlink.localhost`));
  if (!u) throw new Error(`no demo ${role}`);
  await recordConsent(t.db, u.id, t.clock.now());
  cookies.push(`${cookieName(t.config.cookieSecure)}=${await createSession(t.db, u.id, t.clock.now())}`);
}
const perPage = new Map<string, number[]>(PAGES.map((p) => [p, []]));
const round = async (record: boolean) => {
  let n = 0;
  for (const cookie of cookies)
    for (const p of PAGES) {
      const w0 = performance.now();
      const r = await t.app.request(`http://localhost${p}`, { headers: { Cookie: cookie, 'Accept-Encoding': 'gzip' } });
      if (r.status !== 200) throw new Error(`${p} answered ${r.status}`);
      await r.arrayBuffer();
      if (record) perPage.get(p)!.push(performance.now() - w0);
      n++;
    }
  return n;
};
await round(false);
const cpu: number[] = [];
const wall: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  const n = await round(true);
  const c = process.cpuUsage(c0);
  wall.push((performance.now() - w0) / n);
  cpu.push((c.user + c.system) / 1000 / n);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
for (const [p, xs] of perPage) console.error(`${p.padEnd(28)} median wall ${median(xs).toFixed(2)} ms`);
const out = { database: t.database.kind, rounds: ROUNDS, pages_per_round: cookies.length * PAGES.length, cpu_ms_per_page: +median(cpu).toFixed(3), wall_ms_per_page: +median(wall).toFixed(3) };
await t.close();
console.log(JSON.stringify(out));
process.exit(0);
