/**
 * `npm run bench:match`: the matching engine at scale. Generates 100,000
 * organisations and 300,000 people deterministically, builds the in-memory
 * index, times one request (top 20) many times; then loads the same profiles
 * into PostgreSQL (BENCH_DATABASE_URL, default postgres://root@127.0.0.1:5432/test;
 * a table named bench_match_profiles, dropped at the end), builds a GIN index
 * over a tsvector and times the same requests through full-text search with
 * OR semantics and ts_rank. Its last line is one JSON object:
 * build_s, rss_mb, p50_ms, p95_ms, pg_p50_ms, pg_p95_ms.
 *
 * `--scale N`: N profiles in all, a quarter organisations and three quarters people (as the default
 * 100,000 + 300,000); `--no-pg`: the engine only. The PostgreSQL rows are generated again after the
 * engine's figures (the generator is deterministic), so the engine's memory (rss_mb) is its own.
 *
 * `--translate` (starts Debian's apertium-apy, as the tests do) or `--translate=URL`: the requests are
 * translated into English once (real engine), then timed alternately without and with their translation
 * as extra query evidence (`MatchRequest.translation`), in one process.
 *
 * Environment: BENCH_ORGS, BENCH_PEOPLE (sizes), BENCH_RUNS (timed runs per
 * method), BENCH_SKIP_PG=1 (engine only).
 */
import pg from 'pg';
import { createMatchIndex } from '../src/modules/matching/matching.engine.ts';
import { analyse } from '../src/modules/concepts/concepts.service.ts';
import { TEMPLATES, rng } from '../src/modules/matching/eval/eval.profiles.ts';
import { EVAL_REQUESTS } from '../src/modules/matching/eval/eval.requests.ts';
import type { MatchProfile } from '../src/modules/matching/matching.types.ts';

const argv = process.argv.slice(2);
const scaleAt = argv.indexOf('--scale');
const SCALE = scaleAt >= 0 ? Number(argv[scaleAt + 1]) : null;
if (SCALE !== null && !(Number.isInteger(SCALE) && SCALE >= 4)) {
  process.stderr.write('--scale: a whole number of profiles, at least 4 (e.g. --scale 1000000)\n');
  process.exit(2);
}
if (argv.includes('--no-pg')) process.env.BENCH_SKIP_PG = '1';
const ORGS = SCALE !== null ? Math.round(SCALE / 4) : Number(process.env.BENCH_ORGS ?? 100_000);
const PEOPLE = SCALE !== null ? SCALE - ORGS : Number(process.env.BENCH_PEOPLE ?? 300_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 500);
const DB_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
const TABLE = 'bench_match_profiles';

type Lang = 'en' | 'fr' | 'es' | 'pt';
const LANGS: Lang[] = ['en', 'en', 'en', 'fr', 'fr', 'es', 'es', 'pt', 'pt'];
const LI: Record<Lang, number> = { en: 0, fr: 1, es: 2, pt: 3 };
const PG_CONFIG: Record<Lang, string> = { en: 'english', fr: 'french', es: 'spanish', pt: 'portuguese' };

/** Deterministic profiles: know-how snippets of every theme, plus rarer words so the vocabulary is not tiny. */
function* generate(): Generator<MatchProfile & { lang: Lang }> {
  const random = rng(20260301);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const { SNIPPETS, FRAMES, PLACES, POSITIONS, NAME_PARTS, NAME_ENDS } = TEMPLATES;
  const themes = Object.keys(SNIPPETS);
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'be', 'da', 'go', 'pu'];
  const rare = Array.from({ length: 20_000 }, (_, i) => syllables[i % 12] + syllables[Math.floor(i / 12) % 12] + syllables[Math.floor(i / 144) % 12] + (i >= 1728 ? syllables[Math.floor(i / 1728) % 12] : ''));
  const snippet = (lang: Lang) => pick(SNIPPETS[pick(themes)])[LI[lang]];
  const orgLangs: Lang[] = [];
  for (let i = 0; i < ORGS; i++) {
    const lang = pick(LANGS);
    orgLangs.push(lang);
    const [country, prefix] = pick(PLACES[lang]);
    const place = `${pick(NAME_PARTS)}${pick(NAME_ENDS)}`;
    yield {
      type: 'organisation', id: `o${i}`, name: `${prefix} ${place} ${i}`, country, lang,
      languages: random() < 0.7 ? [lang] : [lang, 'en'], population: Math.round(2000 + random() * random() * 3_000_000),
      offers: `${FRAMES[lang].org(snippet(lang), snippet(lang), snippet(lang))} ${place} ${pick(rare)} ${pick(rare)}.`,
    };
  }
  for (let i = 0; i < PEOPLE; i++) {
    const org = Math.floor(random() * ORGS);
    const lang = orgLangs[org];
    yield {
      type: 'person', id: `p${i}`, name: `${pick(NAME_PARTS)}${pick(NAME_ENDS)} ${pick(NAME_PARTS)}`, organisation: `o${org}`, lang,
      languages: [lang], position: pick(POSITIONS[lang]),
      expertise: `${FRAMES[lang].person(snippet(lang), snippet(lang))} ${pick(rare)}.`,
    };
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** The requests timed: the labelled requests of the evaluation, in four languages, cycled. */
const REQUESTS = EVAL_REQUESTS.map(({ partners: _p, cross: _c, ...r }) => r);

async function main() {
  const log = (s: string) => process.stderr.write(`${s}\n`);
  log(`generating and indexing ${ORGS.toLocaleString('en')} organisations and ${PEOPLE.toLocaleString('en')} people…`);
  const index = createMatchIndex();
  let rssPeak = 0;
  const t0 = performance.now();
  let n = 0;
  for (const p of generate()) {
    const { lang, ...profile } = p;
    void lang;
    index.upsert(profile);
    if (++n % 50_000 === 0) rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }
  const buildS = (performance.now() - t0) / 1000;
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  log(`index built: ${index.size.toLocaleString('en')} profiles in ${buildS.toFixed(1)} s (generation included), rss ${Math.round(rssPeak / 2 ** 20)} MB`);

  // warm-up, then timed runs
  for (let i = 0; i < 20; i++) index.rank(REQUESTS[i % REQUESTS.length], { top: 20 });
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const req = REQUESTS[i % REQUESTS.length];
    const t = performance.now();
    const r = index.rank(req, { top: 20 });
    times.push(performance.now() - t);
    if (r.matches.length === 0) throw new Error(`request ${req.id} found nothing`);
  }
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  times.sort((a, b) => a - b);
  const p50 = percentile(times, 50);
  const p95 = percentile(times, 95);
  log(`engine: ${RUNS} requests (top 20), p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${times[times.length - 1].toFixed(2)} ms`);

  // BENCH_AB=1: the same requests alternately without and with the hybrid parts (lexical fusion, aspects), in one
  // process: on a loaded machine the ratio says what the parts cost better than absolute times
  if (process.env.BENCH_AB) {
    const off: number[] = [];
    const on: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const req = REQUESTS[i % REQUESTS.length];
      const order = i % 2 === 0 ? [true, false] : [false, true];
      for (const hybrid of order) {
        const t = performance.now();
        index.rank(req, { top: 20, ...(hybrid ? {} : { fusion: { lexical: 0, aspects: 0 } }) });
        (hybrid ? on : off).push(performance.now() - t);
      }
    }
    off.sort((a, b) => a - b);
    on.sort((a, b) => a - b);
    log(`A/B without → with the hybrid parts: p50 ${percentile(off, 50).toFixed(2)} → ${percentile(on, 50).toFixed(2)} ms (×${(percentile(on, 50) / percentile(off, 50)).toFixed(2)}), p95 ${percentile(off, 95).toFixed(2)} → ${percentile(on, 95).toFixed(2)} ms (×${(percentile(on, 95) / percentile(off, 95)).toFixed(2)})`);
  }

  // --translate: the requests' machine translations into English as extra evidence, A/B in one process
  const translateArg = argv.find((a) => a === '--translate' || a.startsWith('--translate='));
  if (translateArg) {
    const { apertiumOfArg } = await import('../test/support/apertium.ts');
    const { url, stop } = await apertiumOfArg(translateArg);
    const { translateRequests } = await import('../src/modules/matching/eval/eval.ts');
    const { translations } = await translateRequests(EVAL_REQUESTS, url);
    await stop();
    const off: number[] = [];
    const on: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const req = REQUESTS[i % REQUESTS.length];
      const translation = translations.get(req.id!);
      const order = i % 2 === 0 ? [true, false] : [false, true];
      for (const withT of order) {
        const t = performance.now();
        index.rank(withT && translation ? { ...req, translation } : req, { top: 20 });
        (withT ? on : off).push(performance.now() - t);
      }
    }
    off.sort((a, b) => a - b);
    on.sort((a, b) => a - b);
    log(`A/B without → with the machine translation (${translations.size} of ${REQUESTS.length} requests translated): p50 ${percentile(off, 50).toFixed(2)} → ${percentile(on, 50).toFixed(2)} ms (×${(percentile(on, 50) / percentile(off, 50)).toFixed(2)}), p95 ${percentile(off, 95).toFixed(2)} → ${percentile(on, 95).toFixed(2)} ms (×${(percentile(on, 95) / percentile(off, 95)).toFixed(2)})`);
  }

  let pgP50: number | null = null;
  let pgP95: number | null = null;
  if (!process.env.BENCH_SKIP_PG) {
    const client = new pg.Client({ connectionString: DB_URL });
    try {
      await client.connect();
      await client.query(`DROP TABLE IF EXISTS ${TABLE}`);
      await client.query(`CREATE TABLE ${TABLE} (id text PRIMARY KEY, lang regconfig NOT NULL, body text NOT NULL, tsv tsvector)`);
      const tl = performance.now();
      let batch: Array<{ id: string; lang: Lang; body: string }> = [];
      let loaded = 0;
      const flush = async () => {
        await client.query(`INSERT INTO ${TABLE} (id, lang, body) SELECT * FROM unnest($1::text[], $2::regconfig[], $3::text[])`, [
          batch.map((r) => r.id), batch.map((r) => PG_CONFIG[r.lang]), batch.map((r) => r.body),
        ]);
        loaded += batch.length;
        batch = [];
      };
      for (const p of generate()) {
        batch.push({ id: `${p.type}:${p.id}`, lang: p.lang, body: [p.offers, p.position, p.expertise].filter(Boolean).join('\n') });
        if (batch.length === 10_000) await flush();
      }
      if (batch.length) await flush();
      await client.query(`UPDATE ${TABLE} SET tsv = to_tsvector(lang, body)`);
      await client.query(`CREATE INDEX ${TABLE}_tsv ON ${TABLE} USING gin (tsv)`);
      await client.query(`ANALYZE ${TABLE}`);
      log(`PostgreSQL: ${loaded.toLocaleString('en')} rows loaded and indexed (GIN) in ${((performance.now() - tl) / 1000).toFixed(1)} s`);
      // OR of the request's content words, in the request's language
      const queries = REQUESTS.map((req) => {
        const text = [req.title, req.description].join(' ');
        const a = analyse(text, { careful: true });
        const words = [...new Set(a.surfaces)].filter((w) => /^[\p{L}\p{N}]+$/u.test(w));
        return { config: PG_CONFIG[(a.lang && a.lang in PG_CONFIG ? a.lang : 'en') as Lang], q: words.join(' | ') };
      });
      const sql = `SELECT id, ts_rank(tsv, q) AS rank FROM ${TABLE}, to_tsquery($1::regconfig, $2) q WHERE tsv @@ q ORDER BY rank DESC, id LIMIT 20`;
      const pgRuns = Math.min(RUNS, Number(process.env.BENCH_PG_RUNS ?? 100));
      for (let i = 0; i < 5; i++) await client.query(sql, [queries[i].config, queries[i].q]);
      const pgTimes: number[] = [];
      for (let i = 0; i < pgRuns; i++) {
        const { config, q } = queries[i % queries.length];
        const t = performance.now();
        await client.query(sql, [config, q]);
        pgTimes.push(performance.now() - t);
      }
      pgTimes.sort((a, b) => a - b);
      pgP50 = percentile(pgTimes, 50);
      pgP95 = percentile(pgTimes, 95);
      log(`PostgreSQL full-text search: ${pgRuns} requests (top 20, OR, ts_rank), p50 ${pgP50.toFixed(1)} ms, p95 ${pgP95.toFixed(1)} ms`);
    } catch (e) {
      log(`PostgreSQL part skipped: ${(e as Error).message}`);
    } finally {
      await client.query(`DROP TABLE IF EXISTS ${TABLE}`).catch(() => undefined);
      await client.end().catch(() => undefined);
    }
  }
  console.log(JSON.stringify({
    profiles: index.size, build_s: round(buildS, 1), rss_mb: Math.round(rssPeak / 2 ** 20), p50_ms: round(p50), p95_ms: round(p95),
    pg_p50_ms: pgP50 === null ? null : round(pgP50, 1), pg_p95_ms: pgP95 === null ? null : round(pgP95, 1),
  }));
}

await main();
