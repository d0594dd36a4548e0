/**
 * `npm run bench:load` (SECURITY.md, reliability): the real server (src/server.ts, the embedded
 * database with the demo data) under LOAD_CONNECTIONS (50) connections for LOAD_SECONDS (60) on a
 * mix of signed-in pages, each request carrying one of several members' sessions. Reports the
 * latency percentiles, non-2xx and 5xx answers, the server's memory (RSS sampled every 5 s: the
 * median of the last third against the middle third), then sends SIGTERM while requests are in
 * flight and checks every one of them is answered and the server exits 0.
 * Targets: p99 ≤ 500 ms, no 5xx, memory steady (LOAD_SECONDS=600 for the 10-minute check),
 * in-flight requests finish. The last line printed is one JSON object with the figures.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { get as httpGet } from 'node:http';
import { DEMO_PASSWORD } from '../src/modules/accounts/accounts.demo.ts';

type Histogram = { p50: number; p90: number; p99: number; max: number; average: number };
type CannonResult = { requests: { total: number; average: number }; latency: Histogram; non2xx: number; errors: number; timeouts: number; '5xx'?: number; statusCodeStats?: Record<string, { count: number }> };
type CannonRequest = { method: string; path: string; headers?: Record<string, string>; setupRequest?: (r: CannonRequest) => CannonRequest };
const autocannon = createRequire(import.meta.url)('autocannon') as (o: { url: string; connections: number; duration: number; requests: CannonRequest[]; timeout?: number }) => Promise<CannonResult>;

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const root = new URL('..', import.meta.url).pathname;
const log = (s: string) => process.stderr.write(`${s}\n`);
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

const dataDir = mkdtempSync(join(tmpdir(), 'peerlink-load-'));
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
let out = '';
const child: ChildProcess = spawn(process.execPath, ['src/server.ts'], {
  cwd: root,
  env: { ...process.env, NODE_ENV: 'production', COOKIE_SECURE: 'false', PORT: String(port), HOST: '127.0.0.1', BASE_URL: origin, DATA_DIR: dataDir, DEMO: 'true', LOG_LEVEL: 'warn', DATABASE_URL: '', RATE_LIMIT_PER_MINUTE: '0', SMTP_URL: '' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
child.stdout!.on('data', (d: Buffer) => void (out += d.toString()));
child.stderr!.on('data', (d: Buffer) => void (out += d.toString()));
const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

try {
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the server stopped: ${out}`);
    const ok = await fetch(`${origin}/healthz`).then((r) => r.ok).catch(() => false);
    if (ok) break;
    if (i > 600) throw new Error(`the server did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }

  // Sessions of members (no second factor): each request takes the next one.
  const cookies: string[] = [];
  for (const role of ['member', 'requester', 'approver', 'orgadmin', 'expert', 'coordinator']) {
    const r = await fetch(`${origin}/en/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin },
      body: new URLSearchParams({ email: `${role}@demo.peerlink.localhost`, password: DEMO_PASSWORD }),
    });
    const set = r.headers.get('set-cookie') ?? '';
    const m = /(peerlink=[^;]+)/.exec(set);
    if (r.status !== 303 || !m) throw new Error(`sign-in as ${role} answered ${r.status}`);
    cookies.push(m[1]!);
    // Member profiles wait for consent to the privacy notice: each member accepts it once, as a person would.
    const consent = await fetch(`${origin}/en/privacy/consent`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin, Cookie: m[1]! },
      body: new URLSearchParams({ next: '/people' }),
    });
    if (consent.status !== 303) throw new Error(`consent as ${role} answered ${consent.status}`);
  }
  const pages = ['/en/account', '/en/organisations', '/en/organisations?q=waste', '/en/people', '/en/opportunities', '/en/exchanges', '/en/calls', '/en/good-practices?q=water', '/fr/programmes/connect', '/en/'];
  let n = 0;
  const requests: CannonRequest[] = [
    {
      method: 'GET',
      path: '/en/account',
      setupRequest: (r) => {
        const i = n++;
        return { ...r, path: pages[i % pages.length]!, headers: { Cookie: cookies[i % cookies.length]!, 'Accept-Encoding': 'gzip' } };
      },
    },
  ];

  log(`load: ${CONNECTIONS} connections for ${SECONDS} s on ${pages.length} signed-in pages…`);
  const rss: number[] = [];
  const sampler = setInterval(() => rss.push(rssMb(child.pid!)), 5000);
  rss.push(rssMb(child.pid!));
  const r = await autocannon({ url: origin, connections: CONNECTIONS, duration: SECONDS, requests, timeout: 30 });
  clearInterval(sampler);
  rss.push(rssMb(child.pid!));
  const status5xx = Object.entries(r.statusCodeStats ?? {}).filter(([code]) => code.startsWith('5')).reduce((s, [, v]) => s + v.count, 0);
  const third = Math.max(1, Math.floor(rss.length / 3));
  const middle = median(rss.slice(third, 2 * third));
  const last = median(rss.slice(2 * third));
  log(`  requests ${r.requests.total}, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}, 5xx ${status5xx}, errors ${r.errors}, timeouts ${r.timeouts}`);
  log(`  rss ${round(rss[0]!)} → ${round(rss[rss.length - 1]!)} MB (middle third ${round(middle)}, last third ${round(last)})`);

  // SIGTERM with requests in flight: 20 requests are sent whole (each on its own connection),
  // then SIGTERM at once; every one must be answered 200, then the server exits 0.
  const sent: Promise<void>[] = [];
  const inflight = Array.from({ length: 20 }, (_, i) => {
    let markSent!: () => void;
    sent.push(new Promise<void>((r) => (markSent = r)));
    return new Promise<number>((resolve) => {
      const req = httpGet(`${origin}${pages[i % pages.length]}`, { agent: false, headers: { Cookie: cookies[i % cookies.length]! } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('finish', () => markSent());
      req.on('error', () => (markSent(), resolve(0)));
    });
  });
  await Promise.all(sent);
  child.kill('SIGTERM');
  const statuses = await Promise.all(inflight);
  const code = await exited;
  const inflightOk = statuses.every((s) => s === 200) && code === 0;
  log(`  SIGTERM: in-flight answers ${statuses.join(',')}; exit code ${code}`);

  console.log(
    JSON.stringify({
      duration_s: SECONDS,
      connections: CONNECTIONS,
      requests: r.requests.total,
      rps: round(r.requests.average),
      p50_ms: r.latency.p50,
      p99_ms: r.latency.p99,
      non2xx: r.non2xx,
      errors_5xx: status5xx,
      socket_errors: r.errors,
      rss_start_mb: round(rss[0]!),
      rss_end_mb: round(rss[rss.length - 1]!),
      rss_growth: round(last / (middle || last || 1), 3),
      sigterm_inflight_ok: inflightOk,
    }),
  );
} finally {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
}
