/**
 * The database: PGlite (PostgreSQL in WASM) in the data folder by default, or a PostgreSQL
 * server when DATABASE_URL is set. One Drizzle schema and one migration set serve both.
 */
import { mkdirSync, existsSync } from 'node:fs';
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

/** Opens PGlite in `dataDir` (null: in memory), taking an exclusive lock on the folder first. */
export async function openPglite(dataDir: string | null, opts: { loadDataDir?: Blob } = {}): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  let release: (() => Promise<void>) | undefined;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    try {
      release = await lockfile.lock(dataDir, { lockfilePath: join(dataDir, 'peerlink.lock'), stale: 15_000, update: 5_000, retries: 0 });
    } catch {
      throw new DataDirLockedError(
        `The data folder ${dataDir} is in use by another Peerlink process. PGlite allows one process per folder: stop the other process, or run several processes on a PostgreSQL server (DATABASE_URL).`,
      );
    }
  }
  const client = await PGlite.create({ dataDir: dataDir ? join(dataDir, 'pgdata') : undefined, loadDataDir: opts.loadDataDir });
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    async close() {
      await client.close();
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
