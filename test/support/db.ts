/**
 * A migrated database for one test file. On PGlite (the default) a migrated data folder is
 * dumped once to .cache/ and loaded per file (~0.5 s instead of ~4 s for initdb). With
 * DATABASE_URL set (CI runs the suite on the PostgreSQL server too) each file gets its own fresh
 * database cloned from a migrated template.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { openPglite, openPostgres, migrate, migrationsFolder, type Database } from '../../src/platform/db.ts';

const root = new URL('../..', import.meta.url).pathname;

function migrationsHash(): string {
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (name.endsWith('.json') || name.endsWith('.sql')) h.update(name).update(readFileSync(p));
      else if (!name.includes('.')) walk(p);
    }
  };
  walk(migrationsFolder);
  return h.digest('hex').slice(0, 16);
}

async function pgliteDump(): Promise<Blob> {
  const dir = join(root, '.cache');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `test-db-${migrationsHash()}.tar.gz`);
  if (!existsSync(file)) {
    const d = await openPglite(null);
    await migrate(d);
    const client = (d.db as unknown as { $client: { dumpDataDir(c: 'gzip'): Promise<Blob> } }).$client;
    const blob = await client.dumpDataDir('gzip');
    await d.close();
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    renameSync(tmp, file); // atomic: concurrent test files never read half a dump
  }
  return new Blob([readFileSync(file)]);
}

/** Opens the database `name` on the server of `url`; close() drops it. */
async function openDroppingOnClose(url: string, name: string, max: number): Promise<Database> {
  const pg = (await import('pg')).default;
  const u = new URL(url);
  u.pathname = `/${name}`;
  const d = await openPostgres(u.toString(), { max });
  return {
    ...d,
    async close() {
      await d.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database if exists "${name}" with (force)`);
      await a.end();
    },
  };
}

async function postgresDatabase(url: string): Promise<Database> {
  const pg = (await import('pg')).default;
  const template = `peerlink_tpl_${migrationsHash()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock(727272)');
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [template]);
    if (!rowCount) {
      await admin.query(`create database "${template}"`);
      const u = new URL(url);
      u.pathname = `/${template}`;
      const t = await openPostgres(u.toString(), { max: 1 });
      await migrate(t);
      await t.close();
    }
    const name = `peerlink_t_${randomBytes(6).toString('hex')}`;
    await admin.query(`create database "${name}" template "${template}"`);
    await admin.query('select pg_advisory_unlock(727272)');
    return openDroppingOnClose(url, name, 5);
  } finally {
    await admin.end();
  }
}

/** A fresh, migrated database; close() removes it. */
export async function testDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) return postgresDatabase(url);
  return openPglite(null, { loadDataDir: await pgliteDump() });
}

/** A fresh database with no migrations applied (migration tests); close() removes it. */
export async function emptyDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) return openPglite(null);
  const pg = (await import('pg')).default;
  const name = `peerlink_e_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  return openDroppingOnClose(url, name, 2);
}
