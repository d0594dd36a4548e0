/**
 * `npm run bench:load` (SECURITY.md, reliability; issue 17): the real server (src/server.ts with the
 * demo data) under LOAD_CONNECTIONS (50) connections for LOAD_SECONDS (60) on a mix of ten signed-in
 * pages, each request carrying one of six members' sessions.
 *
 *   npm run bench:load -- [--database embedded|postgres] [--processes N] [--seconds S] [--connections C] [--no-sigterm]
 *
 * --database postgres runs on the PostgreSQL server of DATABASE_URL (a fresh database is created
 * beside it and dropped after); --processes N starts the server with WORKERS=N (PostgreSQL only) and,
 * for the scaling ratio, also measures one process in the same run. A bare `node:http` server (one
 * process per server process, sending a page of the same size) is measured in the same run, so the
 * ratio to it says more than the absolute figures on a shared machine.
 * Reports requests/s, p50, p99, non-2xx and 5xx, the server's memory (RSS of all its processes
 * sampled every 5 s: the median of the last third against the middle third), then sends SIGTERM
 * while requests are in flight and checks every one of them is answered and the server exits 0.
 * Targets: p99 ≤ 500 ms, no 5xx, memory steady (LOAD_SECONDS=600 for the 10-minute check),
 * in-flight requests finish. The last line printed is one JSON object with the figures.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { freePort } from '../test/support/ports.ts';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { get as httpGet } from 'node:http';
import { parseArgs } from 'node:util';
import { DEMO_PASSWORD } from '../src/modules/accounts/accounts.demo.ts';

type Histogram = { p50: number; p90: number; p99: number; max: number; average: number };
type CannonResult = { requests: { total: number; average: number }; latency: Histogram; non2xx: number; errors: number; timeouts: number; statusCodeStats?: Record<string, { count: number }> };
type CannonRequest = { method: string; path: string; headers?: Record<string, string>; setupRequest?: (r: CannonRequest) => CannonRequest };
const autocannon = createRequire(import.meta.url)('autocannon') as (o: { url: string; connections: number; duration: number; requests?: CannonRequest[]; headers?: Record<string, string>; timeout?: number }) => Promise<CannonResult>;

const { values: opts } = parseArgs({
  options: {
    database: { type: 'string', default: 'embedded' },
    processes: { type: 'string', default: '1' },
    seconds: { type: 'string', default: process.env.LOAD_SECONDS ?? '60' },
    connections: { type: 'string', default: process.env.LOAD_CONNECTIONS ?? '50' },
    'no-sigterm': { type: 'boolean', default: false },
    'no-bare': { type: 'boolean', default: false },
  },
});
const SECONDS = Number(opts.seconds);
const CONNECTIONS = Number(opts.connections);
const PROCESSES = Number(opts.processes);
const DATABASE = opts.database === 'postgres' ? 'postgres' : opts.database === 'embedded' ? 'embedded' : null;
if (!DATABASE) throw new Error('--database is embedded or postgres');
if (!Number.isInteger(PROCESSES) || PROCESSES < 1) throw new Error('--processes is a whole number ≥ 1');
if (DATABASE === 'embedded' && PROCESSES > 1) throw new Error('--processes > 1 needs --database postgres (the embedded database is one process)');
if (DATABASE === 'postgres' && !process.env.DATABASE_URL) throw new Error('--database postgres needs DATABASE_URL (a role that may create databases)');

const root = new URL('..', import.meta.url).pathname;
const log = (s: string) => process.stderr.write(`${s}\n`);
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
};


/** A process and its descendants (the cluster's workers). */
function tree(pid: number): number[] {
  const out = [pid];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`))
      for (const c of readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) out.push(...tree(Number(c)));
  } catch {
    /* gone */
  }
  return out;
}

function rssMb(pid: number): number {
  let kb = 0;
  for (const p of tree(pid)) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch {
      /* gone */
    }
  }
  return kb / 1024;
}

async function waitHealthy(origin: string, child: ChildProcess, out: () => string): Promise<void> {
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the server stopped: ${out()}`);
    const ok = await fetch(`${origin}/healthz`).then((r) => r.ok).catch(() => false);
    if (ok) return;
    if (i > 900) throw new Error(`the server did not start: ${out()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A fresh database on the server of DATABASE_URL; dropped by the returned function. */
async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const pg = (await import('pg')).default;
  const base = process.env.DATABASE_URL!;
  const name = `peerlink_load_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`drop database if exists "${name}" with (force)`);
      await a.end();
    },
  };
}

const PAGES = ['/en/account', '/en/organisations', '/en/organisations?q=waste', '/en/people', '/en/opportunities', '/en/exchanges', '/en/calls', '/en/good-practices?q=water', '/fr/programmes/connect', '/en/'];
const ROLES = ['member', 'requester', 'approver', 'orgadmin', 'expert', 'coordinator'];

type Run = { processes: number; rps: number; requests: number; p50_ms: number; p99_ms: number; non2xx: number; errors_5xx: number; socket_errors: number; timeouts: number; rss_start_mb: number; rss_end_mb: number; rss_growth: number; page_bytes: number; sigterm_inflight_ok?: boolean };

/** Starts the server with `processes` workers, signs the members in, loads it, optionally checks SIGTERM, stops it. */
async function measureServer(processes: number, databaseUrl: string | undefined, sigterm: boolean): Promise<Run> {
  const dataDir = mkdtempSync(join(tmpdir(), 'peerlink-load-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let out = '';
  const child: ChildProcess = spawn(process.execPath, ['src/server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      COOKIE_SECURE: 'false',
      PORT: String(port),
      HOST: '127.0.0.1',
      BASE_URL: origin,
      DATA_DIR: dataDir,
      DEMO: 'true',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl ?? '',
      WORKERS: String(processes),
      RATE_LIMIT_PER_MINUTE: '0',
      SMTP_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => void (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => void (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await waitHealthy(origin, child, () => out);
    // Sessions of members (no second factor): each request takes the next one.
    const cookies: string[] = [];
    for (const role of ROLES) {
      const r = await fetch(`${origin}/en/sign-in`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin },
        body: new URLSearchParams({ email: `${role}@demo.peerlink.localhost`, password: DEMO_PASSWORD }),
      });
      const m = /(peerlink=[^;]+)/.exec(r.headers.get('set-cookie') ?? '');
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
    // Every page answers 200 before the load (a 3xx or 4xx in the mix would measure the wrong thing).
    let bytes = 0;
    for (const [i, p] of PAGES.entries()) {
      const r = await fetch(`${origin}${p}`, { headers: { Cookie: cookies[i % cookies.length]!, 'Accept-Encoding': 'gzip' } });
      const b = await r.arrayBuffer();
      if (r.status !== 200) throw new Error(`${p} answered ${r.status}`);
      bytes += b.byteLength;
    }
    const pageBytes = Math.round(bytes / PAGES.length);
    // Warm-up (JIT, the database's caches), not counted.
    let n = 0;
    const requests: CannonRequest[] = [
      {
        method: 'GET',
        path: '/en/account',
        setupRequest: (r) => {
          const i = n++;
          return { ...r, path: PAGES[i % PAGES.length]!, headers: { Cookie: cookies[i % cookies.length]!, 'Accept-Encoding': 'gzip' } };
        },
      },
    ];
    await autocannon({ url: origin, connections: CONNECTIONS, duration: Math.min(5, SECONDS), requests, timeout: 30 });

    log(`load: ${processes} process(es) on ${DATABASE}, ${CONNECTIONS} connections for ${SECONDS} s on ${PAGES.length} signed-in pages…`);
    const rss: number[] = [];
    const sampler = setInterval(() => rss.push(rssMb(child.pid!)), 5000);
    rss.push(rssMb(child.pid!));
    const r = await autocannon({ url: origin, connections: CONNECTIONS, duration: SECONDS, requests, timeout: 30 });
    clearInterval(sampler);
    rss.push(rssMb(child.pid!));
    const status5xx = Object.entries(r.statusCodeStats ?? {})
      .filter(([code]) => code.startsWith('5'))
      .reduce((s, [, v]) => s + v.count, 0);
    const third = Math.max(1, Math.floor(rss.length / 3));
    const middle = median(rss.slice(third, 2 * third));
    const last = median(rss.slice(2 * third));
    log(`  ${round(r.requests.average)} requests/s (${r.requests.total}), p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}, 5xx ${status5xx}, errors ${r.errors}, timeouts ${r.timeouts}`);
    log(`  rss ${round(rss[0]!)} → ${round(rss[rss.length - 1]!)} MB (middle third ${round(middle)}, last third ${round(last)})`);
    const run: Run = {
      processes,
      rps: round(r.requests.average),
      requests: r.requests.total,
      p50_ms: r.latency.p50,
      p99_ms: r.latency.p99,
      non2xx: r.non2xx,
      errors_5xx: status5xx,
      socket_errors: r.errors,
      timeouts: r.timeouts,
      rss_start_mb: round(rss[0]!),
      rss_end_mb: round(rss[rss.length - 1]!),
      rss_growth: round(last / (middle || last || 1), 3),
      page_bytes: pageBytes,
    };
    if (sigterm) {
      // SIGTERM with requests in flight: 20 requests are sent whole (each on its own connection),
      // then SIGTERM at once; every one must be answered 200, then the server exits 0.
      const sent: Promise<void>[] = [];
      const inflight = Array.from({ length: 20 }, (_, i) => {
        let markSent!: () => void;
        sent.push(new Promise<void>((res) => (markSent = res)));
        return new Promise<number>((resolve) => {
          const req = httpGet(`${origin}${PAGES[i % PAGES.length]}`, { agent: false, headers: { Cookie: cookies[i % cookies.length]! } }, (res) => {
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
      run.sigterm_inflight_ok = statuses.every((s) => s === 200) && code === 0;
      log(`  SIGTERM: in-flight answers ${statuses.join(',')}; exit code ${code}`);
    } else {
      child.kill('SIGTERM');
      await exited;
    }
    return run;
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A bare node:http server (in `processes` processes, node's cluster) sending `bytes` bytes of HTML, under the same load. */
async function measureBare(processes: number, bytes: number): Promise<number> {
  const port = await freePort();
  const code = `
    const cluster = require('node:cluster');
    const http = require('node:http');
    const n = ${processes};
    if (n > 1 && cluster.isPrimary) { for (let i = 0; i < n; i++) cluster.fork(); process.on('SIGTERM', () => { for (const w of Object.values(cluster.workers)) w.kill(); process.exit(0); }); }
    else {
      const body = Buffer.alloc(${bytes}, 'a');
      http.createServer((q, r) => { r.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length }); r.end(body); }).listen(${port}, '127.0.0.1');
    }`;
  // A file, not \`node -e\`: the cluster's workers run the primary's script again, and \`-e\` has none (0 requests/s).
  const file = join(mkdtempSync(join(tmpdir(), 'peerlink-bare-')), 'bare.cjs');
  writeFileSync(file, code);
  const child = spawn(process.execPath, [file], { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const url = `http://127.0.0.1:${port}/`;
    for (let i = 0; i < 100 && !(await fetch(url).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 100));
    await autocannon({ url, connections: CONNECTIONS, duration: Math.min(3, SECONDS) });
    const r = await autocannon({ url, connections: CONNECTIONS, duration: Math.min(SECONDS, 20) });
    log(`  bare node:http, ${processes} process(es), ${bytes} bytes: ${round(r.requests.average)} requests/s, p99 ${r.latency.p99} ms`);
    return round(r.requests.average);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

const pgdb = DATABASE === 'postgres' ? await freshPostgres() : undefined;
try {
  log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}`);
  const runs: Run[] = [];
  // N processes: one process first (the same database: its demo data is loaded once), for the scaling ratio.
  if (PROCESSES > 1) runs.push(await measureServer(1, pgdb?.url, false));
  runs.push(await measureServer(PROCESSES, pgdb?.url, !opts['no-sigterm']));
  const main = runs[runs.length - 1]!;
  const bare = opts['no-bare'] ? 0 : await measureBare(PROCESSES, main.page_bytes);
  const bare1 = PROCESSES > 1 && !opts['no-bare'] ? await measureBare(1, main.page_bytes) : bare;
  const result = {
    database: DATABASE,
    duration_s: SECONDS,
    connections: CONNECTIONS,
    cores: cpus().length,
    ...main,
    bare_rps: bare,
    ratio_to_bare: bare ? round(main.rps / bare, 3) : null,
    ...(PROCESSES > 1
      ? { rps_1_process: runs[0]!.rps, p99_1_process_ms: runs[0]!.p99_ms, bare_rps_1_process: bare1, scaling: round(main.rps / runs[0]!.rps, 2), bare_scaling: bare1 ? round(bare / bare1, 2) : null }
      : {}),
  };
  log(`  ratio to bare ${result.ratio_to_bare}${PROCESSES > 1 ? `; ${PROCESSES} processes / 1 = ${result.scaling} (bare: ${result.bare_scaling})` : ''}`);
  console.log(JSON.stringify(result));
} finally {
  await pgdb?.drop();
}
