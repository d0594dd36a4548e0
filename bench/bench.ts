/**
 * `npm run bench [-- --scale N] [--database embedded|postgres] [--no-load]`: N organisations (100,000) imported
 * into a fresh database (import_s: the CLI's import, bulk path), directory search at that size (search_p50_ms,
 * search_p95_ms; relevance by the matching engine's concepts and text) beside PostgreSQL full-text search on the
 * same data (fts_p50_ms, fts_p95_ms: websearch_to_tsquery against the GIN-indexed tsvector column, ts_rank order,
 * over the queries with text, with the directory's figures over the same queries as text_p95_ms), and the directory
 * page under load (page_rps) against a bare node:http server sending a static page of the same size (bare_rps).
 * --database postgres runs on a fresh database created on the server of DATABASE_URL (dropped after).
 * The last line printed is one JSON object with those figures.
 * Targets (issue 17): import of 100,000 ≤ 10 s embedded; search p95 ≤ 20 ms at 100,000 (embedded), ≤ 50 ms at
 * 1,000,000 (PostgreSQL server); page_rps / bare_rps ≥ 0.5.
 * Options (environment): BENCH_ROWS (default of --scale), BENCH_SECONDS per load run (5), BENCH_ROUNDS (3), BENCH_CONNECTIONS (10).
 */
import { mkdtempSync, rmSync, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReadStream } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { serve } from '@hono/node-server';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openPglite, openPostgres, migrate, rows, type Database } from '../src/platform/db.ts';
import { foldForSearch } from '../src/db/schema/organisations.ts';
import { loadConfig } from '../src/platform/config.ts';
import { silentLogger } from '../src/platform/log.ts';
import { createMailer } from '../src/platform/mail.ts';
import { createApp } from '../src/app.ts';
import { importOrganisations } from '../src/modules/imports/imports.service.ts';
import { sampleOrganisations } from '../src/modules/imports/imports.sample.ts';
import { searchOrganisations } from '../src/modules/organisations/organisations.service.ts';

// autocannon ships no types: the little used here.
type CannonResult = { requests: { average: number }; non2xx: number; errors: number };
const autocannon = createRequire(import.meta.url)('autocannon') as (o: { url: string; connections: number; duration: number }) => Promise<CannonResult>;

const { values: opts } = parseArgs({
  options: {
    scale: { type: 'string', default: process.env.BENCH_ROWS ?? '100000' },
    database: { type: 'string', default: 'embedded' },
    'no-load': { type: 'boolean', default: false },
  },
});
const ROWS = Number(opts.scale);
if (!Number.isInteger(ROWS) || ROWS < 1) throw new Error('--scale is a whole number of organisations ≥ 1');
const DATABASE = opts.database === 'postgres' ? 'postgres' : opts.database === 'embedded' ? 'embedded' : null;
if (!DATABASE) throw new Error('--database is embedded or postgres');
if (DATABASE === 'postgres' && !process.env.DATABASE_URL) throw new Error('--database postgres needs DATABASE_URL (a role that may create databases)');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

const log = (s: string) => process.stderr.write(`${s}\n`);
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};

const dir = mkdtempSync(join(tmpdir(), 'peerlink-bench-'));
const file = join(dir, 'organisations.jsonl');

async function writeSample(): Promise<void> {
  const out = createWriteStream(file);
  for (const o of sampleOrganisations(ROWS)) if (!out.write(`${JSON.stringify(o)}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

async function load(url: string): Promise<number> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  if (r.non2xx || r.errors) log(`  warning: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return r.requests.average;
}

/** A fresh database on the server of DATABASE_URL; dropped by the returned function (as bench-load.ts does). */
async function freshPostgres(): Promise<{ database: Database; drop(): Promise<void> }> {
  const pg = (await import('pg')).default;
  const base = process.env.DATABASE_URL!;
  const name = `peerlink_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  const database = await openPostgres(u.toString());
  return {
    database,
    async drop() {
      await database.close();
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`drop database if exists "${name}" with (force)`);
      await a.end();
    },
  };
}

const server_ = DATABASE === 'postgres' ? await freshPostgres() : undefined;
const database = server_ ? server_.database : await openPglite(join(dir, 'data'));
let server: ReturnType<typeof serve> | undefined;
let bare: Server | undefined;
try {
  log(`generating ${ROWS} organisations…`);
  await writeSample();
  await migrate(database);

  log(`importing into ${DATABASE === 'postgres' ? 'the PostgreSQL server' : 'the embedded database'}…`);
  const t0 = performance.now();
  let phaseAt = t0;
  const outcome = await importOrganisations(
    { db: database.db, actor: 'cli', now: new Date() },
    {
      source: createReadStream(file),
      format: 'jsonl',
      onProgress: (p) => {
        if (p.phase === 'reading') return;
        const at = performance.now();
        log(`  ${p.phase === 'done' ? 'analyse/vacuum done' : `${p.phase} from`} ${round((at - t0) / 1000, 2)} s (previous step ${round((at - phaseAt) / 1000, 2)} s)`);
        phaseAt = at;
      },
    },
  );
  const importS = (performance.now() - t0) / 1000;
  if (!outcome.ok || outcome.report.inserted !== ROWS) throw new Error(`import did not add ${ROWS} rows: ${JSON.stringify(outcome.ok ? { ...outcome.report, issues: outcome.report.issues.slice(0, 5) } : outcome)}`);
  log(`  import_s ${round(importS, 2)}`);

  // Directory search: free text in several languages, filters, and both together.
  const queries: Record<string, string>[] = [
    { q: 'waste management' },
    { q: 'gestion des déchets' },
    { q: 'saneamiento' },
    { q: 'birth registration' },
    { q: 'ecotourism', region: 'lac' },
    { q: 'water', country: 'GH' },
    { theme: 'citizen_participation' },
    { theme: 'sanitation', region: 'ssa' },
    { kind: 'region', language: 'fr' },
    { population: '100k_500k', region: 'europe' },
    { q: 'flood early warning', sort: 'relevance' },
    { q: 'Gemeente' },
    { country: 'BE', page: '3' },
    {},
    { q: 'ka' },
    { q: 'budget participatif', population: 'under_10k' },
    // Cross-lingual: French words for a concept most sample profiles write in English (found through concepts).
    { q: 'boues de vidange' },
  ];
  const ctx = { db: database.db, actor: null, locale: 'en' as const, now: new Date() };
  for (const q of queries) await searchOrganisations(ctx, q); // warm up
  const times: number[] = [];
  const perQuery = new Map<string, number[]>();
  for (let round_ = 0; round_ < 10; round_++) {
    for (const q of queries) {
      const s = performance.now();
      await searchOrganisations(ctx, q);
      const ms = performance.now() - s;
      times.push(ms);
      const k = JSON.stringify(q);
      perQuery.set(k, [...(perQuery.get(k) ?? []), ms]);
    }
  }
  const p50 = percentile(times, 50);
  const p95 = percentile(times, 95);
  log(`  search p50 ${round(p50)} ms, p95 ${round(p95)} ms over ${times.length} searches`);
  const medians = [...perQuery].map(([k, v]) => [k, percentile(v, 50)] as const).sort((a, b) => b[1] - a[1]);
  for (const [k, v] of medians) log(`    ${round(v).toFixed(1).padStart(6)} ms  ${k}`);

  // PostgreSQL full-text search on the same data, for the queries with text: websearch_to_tsquery on the
  // accent-folded text against the GIN-indexed tsvector column (the organisations' `search`), the same filters,
  // ts_rank order, a page of 20. The directory's own figures over the same queries beside it.
  const textQueries = queries.filter((q) => q.q);
  const textTimes = textQueries.flatMap((q) => perQuery.get(JSON.stringify(q)) ?? []);
  const fts = async (q: Record<string, string>) =>
    rows(
      database.db,
      sql`select id, name from organisations, websearch_to_tsquery('simple', ${foldForSearch(q.q!)}) query
        where search @@ query ${q.country ? sql`and country = ${q.country}` : sql``} ${q.region ? sql`and region = ${q.region}` : sql``}
          ${q.population === 'under_10k' ? sql`and population < 10000` : sql``}
        order by ts_rank(search, query) desc, name, id limit 21`,
    );
  for (const q of textQueries) await fts(q); // warm up
  const ftsTimes: number[] = [];
  for (let round_ = 0; round_ < 10; round_++) {
    for (const q of textQueries) {
      const s = performance.now();
      await fts(q);
      ftsTimes.push(performance.now() - s);
    }
  }
  const ftsP50 = percentile(ftsTimes, 50);
  const ftsP95 = percentile(ftsTimes, 95);
  const textP95 = percentile(textTimes, 95);
  log(`  queries with text: directory p95 ${round(textP95)} ms; PostgreSQL full-text search p50 ${round(ftsP50)} ms, p95 ${round(ftsP95)} ms over ${ftsTimes.length}`);
  if (opts['no-load']) {
    console.log(JSON.stringify({ database: DATABASE, scale: ROWS, import_s: round(importS, 2), search_p50_ms: round(p50, 2), search_p95_ms: round(p95, 2), text_p95_ms: round(textP95, 2), fts_p50_ms: round(ftsP50, 2), fts_p95_ms: round(ftsP95, 2) }));
    process.exitCode = 0;
  } else {

  // The directory page under load, and a bare server sending the same bytes.
  const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: dir, RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'silent', COOKIE_SECURE: 'false' });
  const app = createApp({ database, config, log: silentLogger, mailer: createMailer({ smtpUrl: undefined, from: config.mailFrom, outboxDir: join(dir, 'outbox') }), now: () => new Date() });
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  const pagePort = (server.address() as AddressInfo).port;
  const pageUrl = `http://127.0.0.1:${pagePort}/organisations`;
  const res = await fetch(pageUrl, { headers: { 'Accept-Encoding': 'identity' } });
  const html = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`/organisations answered ${res.status}`);
  log(`  /organisations: ${html.length} bytes`);
  bare = createServer((_req, r) => {
    r.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': html.length });
    r.end(html);
  });
  bare.listen(0, '127.0.0.1');
  await once(bare, 'listening');
  const barePort = (bare.address() as AddressInfo).port;

  // Alternating rounds, medians: the machine is shared and noisy.
  log(`load: ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s each…`);
  const pages: number[] = [];
  const bares: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    pages.push(await load(pageUrl));
    bares.push(await load(`http://127.0.0.1:${barePort}/`));
    log(`  round ${i + 1}: page ${round(pages[i]!)} rps, bare ${round(bares[i]!)} rps`);
  }
  const pageRps = percentile(pages, 50);
  const bareRps = percentile(bares, 50);
  log(`  page_rps ${round(pageRps)}, bare_rps ${round(bareRps)}, ratio ${round(pageRps / bareRps, 3)}`);

  console.log(
    JSON.stringify({
      database: DATABASE,
      scale: ROWS,
      import_s: round(importS, 2),
      search_p50_ms: round(p50, 2),
      search_p95_ms: round(p95, 2),
      text_p95_ms: round(textP95, 2),
      fts_p50_ms: round(ftsP50, 2),
      fts_p95_ms: round(ftsP95, 2),
      page_rps: round(pageRps),
      bare_rps: round(bareRps),
    }),
  );
  }
} finally {
  server?.close();
  bare?.close();
  if (server_) await server_.drop();
  else await database.close();
  rmSync(dir, { recursive: true, force: true });
}
