/**
 * The database: PGlite (PostgreSQL in WASM) in the data folder by default, or a PostgreSQL
 * server when DATABASE_URL is set. One Drizzle schema and one migration set serve both.
 */
import { mkdirSync, existsSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import lockfile from 'proper-lockfile';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import * as schema from '../db/schema/index.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle has the same query surface as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export const migrationsFolder = fileURLToPath(new URL('../db/migrations', import.meta.url));

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
};

export class DataDirLockedError extends Error {}

/** Rows of a raw query, on either driver. */
export async function rows<T = Record<string, unknown>>(db: DbOrTx, query: ReturnType<typeof sql>): Promise<T[]> {
  const r = (await db.execute(query)) as unknown as { rows: T[] };
  return r.rows;
}

/** Who holds a data folder's lock: written beside the lock, so that a crashed holder is recognised at once. */
type LockOwner = { pid: number; host: string };
const ownerFile = (dataDir: string) => join(dataDir, 'peerlink.lock.owner');

/** True when `owner` is a process of this machine that no longer runs (EPERM: it runs as another user). */
function ownerIsGone(owner: LockOwner): boolean {
  if (owner.host !== hostname() || !Number.isInteger(owner.pid) || owner.pid <= 0 || owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function readOwner(dataDir: string): LockOwner | null {
  try {
    const o = JSON.parse(readFileSync(ownerFile(dataDir), 'utf8')) as Partial<LockOwner>;
    return typeof o.pid === 'number' && typeof o.host === 'string' ? { pid: o.pid, host: o.host } : null;
  } catch {
    return null;
  }
}

/**
 * Opens PGlite in `dataDir` (null: in memory), taking an exclusive lock on the folder first. A lock
 * left by a process that crashed (its process id no longer runs on this machine) is taken over at
 * once, and `onStaleLock` is told; a lock held by a running process refuses the start.
 */
export async function openPglite(dataDir: string | null, opts: { loadDataDir?: Blob; onStaleLock?: (owner: LockOwner) => void } = {}): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  let release: (() => Promise<void>) | undefined;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    const lockfilePath = join(dataDir, 'peerlink.lock');
    // A lock is taken over when its owner's process id no longer runs on this machine (below), never
    // because its time was not refreshed: a live holder whose event loop is busy (PGlite's start on a
    // loaded machine blocks it for seconds) must keep its lock. The age limit only serves a lock left
    // by a process of another host on a shared folder.
    const take = () => lockfile.lock(dataDir, { lockfilePath, stale: 3_600_000, update: 60_000, retries: 0 });
    try {
      release = await take();
    } catch {
      const owner = readOwner(dataDir);
      if (owner && ownerIsGone(owner)) {
        rmSync(lockfilePath, { recursive: true, force: true });
        opts.onStaleLock?.(owner);
        release = await take().catch(() => undefined);
      }
      if (!release)
        throw new DataDirLockedError(
          `The data folder ${dataDir} is in use by another Peerlink process. PGlite allows one process per folder: stop the other process, or run several processes on a PostgreSQL server (DATABASE_URL).`,
        );
    }
    writeFileSync(ownerFile(dataDir), JSON.stringify({ pid: process.pid, host: hostname() } satisfies LockOwner));
  }
  const client = await PGlite.create({ dataDir: dataDir ? join(dataDir, 'pgdata') : undefined, loadDataDir: opts.loadDataDir });
  await preparePgliteReads(client);
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    async close() {
      await client.close();
      if (release && dataDir) rmSync(ownerFile(dataDir), { force: true });
      if (release) await release();
    },
  };
}

let parsersSet = false;
/** Connects to a PostgreSQL server. bigint and numeric come back as numbers, as on PGlite. */
export async function openPostgres(url: string, opts: { max?: number } = {}): Promise<Database> {
  const pg = (await import('pg')).default;
  const { drizzle } = await import('drizzle-orm/node-postgres');
  if (!parsersSet) {
    pg.types.setTypeParser(20, (v: string) => Number(v));
    pg.types.setTypeParser(1700, (v: string) => Number(v));
    parsersSet = true;
  }
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10 });
  pool.on('error', () => {
    /* a dropped idle client; the next query reconnects */
  });
  pool.on('connect', (client) => prepareNodePgReads(client as unknown as QueryClient));
  const db = drizzle(pool, { schema }) as unknown as Db;
  return { db, kind: 'postgres', close: () => pool.end() };
}

/** Applies the committed migrations (idempotent). */
export async function migrate(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    const { migrate: m } = await import('drizzle-orm/pglite/migrator');
    await m(database.db as never, { migrationsFolder });
  } else {
    const { migrate: m } = await import('drizzle-orm/node-postgres/migrator');
    await m(database.db as never, { migrationsFolder });
  }
}

/** On a PostgreSQL server, refuse to run without durable writes. */
export async function checkDurability(database: Database): Promise<void> {
  if (database.kind !== 'postgres') return;
  for (const setting of ['fsync', 'full_page_writes']) {
    const [r] = await rows<{ v: string }>(database.db, sql.raw(`select current_setting('${setting}') as v`));
    if (r?.v !== 'on') throw new Error(`PostgreSQL has ${setting}=${r?.v}: Peerlink refuses to run without durable writes.`);
  }
}

export function isFreshDataDir(dataDir: string): boolean {
  return !existsSync(join(dataDir, 'pgdata', 'PG_VERSION'));
}

/**
 * Prepared statements for the reads (issue 17). Most of a short query's time is planning it (on PGlite
 * the session look-up took 0.37 ms planned each time, 0.11 ms prepared), so each distinct text of a
 * parameterised SELECT is parsed and planned once per connection and then only bound and executed.
 * Only statement texts are cached, never rows: a sign-out, a role change or an erasure is seen by the
 * next query at once (SECURITY.md 2–4). Writes and statements inside transactions go the ordinary way.
 * At most MAX_PREPARED texts per connection (a query built with a varying IN list makes new texts);
 * past that, queries are planned each time as before.
 */
const MAX_PREPARED = 1000;
/** A read: a SELECT, or a WITH whose parts only read (a data-modifying CTE goes the ordinary way). */
export const isPreparableRead = (text: string): boolean => /^\s*select\s/i.test(text) || (/^\s*with\s/i.test(text) && !/\b(insert|update|delete|merge)\b/i.test(text));

type PgliteClient = import('@electric-sql/pglite').PGlite;
type Parsers = Record<number, (v: string, typeId: number) => unknown>;
type PgliteInternals = {
  _checkReady(): Promise<void>;
  _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T>;
  _runExclusiveQuery<T>(fn: () => Promise<T>): Promise<T>;
  serializers: Record<number, (v: unknown) => string>;
  parsers: Parsers;
};
type BackendMessage = { name: string; dataTypeIDs?: number[] };

/** `(value) => value` and the like: an arrow that returns its own parameter has no free variable, so it is the identity. */
const IDENTITY_ARROW = /^\(?\s*([A-Za-z_$][\w$]*)\s*\)?\s*=>\s*\(?\s*\1\s*\)?$/;

/**
 * The type parsers of a query: PGlite's own (318 of them), overridden by the caller's. PGlite merges the
 * two objects on every query (≈ 90 µs, a tenth of a short page's time in a profile); Drizzle passes a new
 * object on every query but always the same overrides (identity functions that keep dates as text), so
 * the merged table is kept per set of overridden types when every override is an identity arrow.
 */
function parsersFor(base: Parsers, overrides: Parsers | undefined, cache: Map<string, Parsers>): Parsers {
  if (!overrides) return base;
  const types = Object.keys(overrides);
  if (!types.every((k) => IDENTITY_ARROW.test(String(overrides[Number(k)]).trim()))) return { ...base, ...overrides };
  const key = types.join(',');
  let merged = cache.get(key);
  if (!merged) cache.set(key, (merged = { ...base, ...overrides }));
  return merged;
}

/** PGlite: the root connection's reads become named statements (PGlite's own query() parses and plans each time). */
async function preparePgliteReads(client: PgliteClient): Promise<void> {
  const { protocol, parse } = await import('@electric-sql/pglite');
  const { serialize } = protocol;
  const internals = client as unknown as PgliteInternals;
  const statements = new Map<string, { name: string; paramTypes: number[]; rowDescription: BackendMessage | undefined } | null>();
  const mergedParsers = new Map<string, Parsers>();
  const plain = client.query.bind(client);
  const exec = async (msg: Uint8Array, into: BackendMessage[]) => {
    into.push(...((await client.execProtocol(msg, { syncToFs: false })).messages as BackendMessage[]));
  };
  const concat = (parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) out.set(p, (at += p.length) - p.length);
    return out;
  };
  const SYNC = serialize.sync();
  const EXECUTE = serialize.execute({});
  const FALLBACK = Symbol('fallback');
  client.query = async function query(text: string, params?: unknown[], options?: Parameters<PgliteClient['query']>[2]) {
    let st = statements.get(text);
    if (!isPreparableRead(text) || options?.paramTypes || options?.blob || st === null || (st === undefined && statements.size >= MAX_PREPARED))
      return plain(text, params, options);
    await internals._checkReady();
    const result = await internals._runExclusiveTransaction(() =>
      internals._runExclusiveQuery(async () => {
        st ??= statements.get(text); // prepared by a query that held the lock before this one
        if (st === null) return FALLBACK;
        if (!st) {
          const described: BackendMessage[] = [];
          const name = `pl_${statements.size + 1}`;
          try {
            await exec(concat([serialize.parse({ name, text }), serialize.describe({ type: 'S', name }), SYNC]), described);
          } catch {
            statements.set(text, null); // cannot be prepared (an untyped parameter…): planned each time
            return FALLBACK;
          }
          st = { name, paramTypes: described.find((m) => m.name === 'parameterDescription')?.dataTypeIDs ?? [], rowDescription: described.find((m) => m.name === 'rowDescription') };
          statements.set(text, st);
        }
        const values = (params ?? []).map((v, i) => {
          if (v === null || v === undefined) return null;
          const type = st!.paramTypes[i]!;
          const s = options?.serializers?.[type] ?? internals.serializers[type];
          return s ? s(v) : String(v);
        });
        const messages: BackendMessage[] = st.rowDescription ? [st.rowDescription] : [];
        try {
          // bind, execute and sync in one call into PGlite (three crossings of its WASM boundary were a fixed cost of every read)
          await exec(concat([serialize.bind({ statement: st.name, values }), EXECUTE, SYNC]), messages);
        } catch (e) {
          // A table changed under a prepared statement ("cached plan must not change result type"): prepare it again next time.
          if ((e as { code?: string }).code === '0A000') statements.delete(text);
          throw e;
        }
        const parsers = parsersFor(internals.parsers, options?.parsers as Parsers | undefined, mergedParsers);
        return parse.parseResults(messages as never, parsers as never, options?.rowMode ? { rowMode: options.rowMode } : undefined)[0]!;
      }),
    );
    return result === FALLBACK ? plain(text, params, options) : result;
  } as PgliteClient['query'];
}

type QueryClient = { query: (...args: unknown[]) => unknown };
const pgNames = new Map<string, string>();
/** node-postgres: parameterised SELECTs are sent as named statements, which pg prepares once per connection. */
function prepareNodePgReads(client: QueryClient): void {
  const query = client.query.bind(client);
  client.query = (...args: unknown[]) => {
    const config = args[0] as { text?: string; values?: unknown[]; name?: string } | undefined;
    if (config && typeof config === 'object' && typeof config.text === 'string' && !config.name && isPreparableRead(config.text)) {
      let name = pgNames.get(config.text);
      if (!name && pgNames.size < MAX_PREPARED) pgNames.set(config.text, (name = `pl_${pgNames.size + 1}`));
      if (name) args[0] = { ...config, name };
    }
    return query(...args);
  };
}
