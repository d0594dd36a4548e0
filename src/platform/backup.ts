/**
 * Backup and restore of a whole instance: the database (every table of the public schema, as
 * JSON lines, read in one REPEATABLE READ transaction so the copy is one consistent snapshot)
 * and the stored files (DATA_DIR/files), with a manifest of row counts and checksums.
 *
 * The backup is logical, not a copy of PGlite's data folder or a pg_dump archive, so one format
 * serves the embedded database and a PostgreSQL server, and a backup taken on one restores on the
 * other (PGlite is PostgreSQL 18, the Debian server 15). A restore goes into a fresh, migrated,
 * empty instance of the same schema version, in one transaction: it either completes or leaves
 * the instance empty. Erasures recorded after the backup (the erasure ledger, kept beside the
 * data, not in it) are applied again by the caller after a restore.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync, copyFileSync, writeFileSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join, relative, dirname } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database, DbOrTx } from './db.ts';
import { rows } from './db.ts';

export const BACKUP_FORMAT = 1;
/** The migrations' bookkeeping table of drizzle (schema drizzle): its rows say which schema version the data has. */
const MIGRATIONS_TABLE = 'drizzle.__drizzle_migrations';

export type TableManifest = { name: string; rows: number; sha256: string };
export type Manifest = {
  format: number;
  createdAt: string;
  source: 'pglite' | 'postgres';
  /** How many migrations the source had applied: a restore needs the same. */
  migrations: number;
  tables: TableManifest[];
  files: { path: string; bytes: number; sha256: string }[];
};

export type Column = { name: string; generated: boolean };

/** The tables of the public schema, parents before children (foreign keys), with their insertable columns. */
export async function tablesInOrder(db: DbOrTx): Promise<{ name: string; columns: Column[] }[]> {
  const tables = (await rows<{ t: string }>(db, sql`select c.relname as t from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname`)).map((r) => r.t);
  const fks = await rows<{ child: string; parent: string }>(
    db,
    sql`select cc.relname as child, pc.relname as parent from pg_constraint k join pg_class cc on cc.oid = k.conrelid join pg_class pc on pc.oid = k.confrelid join pg_namespace n on n.oid = cc.relnamespace where k.contype = 'f' and n.nspname = 'public' and k.conrelid <> k.confrelid`,
  );
  const cols = await rows<{ t: string; c: string; g: string; pos: number }>(
    db,
    sql`select c.relname as t, a.attname as c, a.attgenerated::text as g, a.attnum::int as pos from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped order by c.relname, a.attnum`,
  );
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const f of fks) parents.get(f.child)?.add(f.parent);
  const ordered: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (t: string) => {
    if (state.get(t) === 'done') return;
    if (state.get(t) === 'visiting') throw new Error(`Foreign keys form a cycle through ${t}: the backup cannot order its tables.`);
    state.set(t, 'visiting');
    for (const p of [...(parents.get(t) ?? [])].sort()) visit(p);
    state.set(t, 'done');
    ordered.push(t);
  };
  for (const t of tables) visit(t);
  return ordered.map((name) => ({ name, columns: cols.filter((c) => c.t === name).map((c) => ({ name: c.c, generated: c.g !== '' && c.g !== '\u0000' })) }));
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** One line per row, in a stable order (the row's own JSON text), so equal tables give equal files. */
async function tableLines(db: DbOrTx, table: string): Promise<string[]> {
  const r = await rows<{ j: string }>(db, sql.raw(`select row_to_json(t)::text as j from ${ident(table)} t order by 1`));
  return r.map((x) => x.j);
}

/** Times as UTC text whatever the server's zone, so the same rows give the same lines on every instance. */
async function utc(tx: DbOrTx): Promise<void> {
  await tx.execute(sql.raw(`set local timezone = 'UTC'`));
}

/** A checksum of a table's content (the sha256 of its sorted JSON lines, times in UTC): equal content, equal checksum. */
export async function tableChecksum(db: Database['db'], table: string): Promise<{ rows: number; sha256: string }> {
  const lines = await db.transaction(async (tx) => {
    await utc(tx);
    return tableLines(tx, table);
  });
  const h = createHash('sha256');
  for (const l of lines) h.update(l).update('\n');
  return { rows: lines.length, sha256: h.digest('hex') };
}

function walkFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(root);
  return out;
}

const sha256File = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

async function migrationCount(db: DbOrTx): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${MIGRATIONS_TABLE}`));
  return Number(r?.n ?? 0);
}

/**
 * Writes a backup of `database` and `filesDir` into `outDir` (created; must not hold a backup already).
 * Returns the manifest, also written as `manifest.json`.
 */
export async function backup(database: Database, filesDir: string, outDir: string, now: Date, opts: BulkProgress = {}): Promise<Manifest> {
  if (existsSync(join(outDir, 'manifest.json'))) throw new Error(`${outDir} already holds a backup: choose an empty folder.`);
  mkdirSync(join(outDir, 'tables'), { recursive: true });
  const manifest = await database.db.transaction(
    async (tx) => {
      await utc(tx);
      const tables = await tablesInOrder(tx);
      const out: TableManifest[] = [];
      let done = 0;
      for (const t of tables) {
        const lines = await tableLines(tx, t.name);
        const h = createHash('sha256');
        const ws = createWriteStream(join(outDir, 'tables', `${t.name}.jsonl`));
        for (const l of lines) {
          h.update(l).update('\n');
          if (!ws.write(`${l}\n`)) await new Promise<void>((r) => ws.once('drain', () => r()));
          if (++done % 1000 === 0) opts.onRows?.(done, t.name);
        }
        opts.onRows?.(done, t.name);
        await new Promise<void>((resolve, reject) => ws.end((e?: Error | null) => (e ? reject(e) : resolve())));
        out.push({ name: t.name, rows: lines.length, sha256: h.digest('hex') });
      }
      return { tables: out, migrations: await migrationCount(tx) };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  const files = walkFiles(filesDir).map((p) => {
    const rel = relative(filesDir, p);
    const dest = join(outDir, 'files', rel);
    mkdirSync(dirname(dest), { recursive: true });
    copyFileSync(p, dest);
    return { path: rel.split('\\').join('/'), bytes: statSync(p).size, sha256: sha256File(dest) };
  });
  const m: Manifest = { format: BACKUP_FORMAT, createdAt: now.toISOString(), source: database.kind, migrations: manifest.migrations, tables: manifest.tables, files };
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(m, null, 1)}\n`);
  return m;
}

/** Reads a backup's manifest and checks every table file and stored file against it (a damaged backup is refused before anything is written). */
export async function verifyBackup(dir: string): Promise<Manifest> {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) throw new Error(`${dir} holds no backup (no manifest.json).`);
  const m = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  if (m.format !== BACKUP_FORMAT) throw new Error(`Backup format ${m.format} is not supported (expected ${BACKUP_FORMAT}).`);
  for (const t of m.tables) {
    const h = createHash('sha256');
    let n = 0;
    const file = join(dir, 'tables', `${t.name}.jsonl`);
    if (!existsSync(file)) throw new Error(`The backup lacks the table file ${t.name}.jsonl.`);
    for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
      h.update(line).update('\n');
      n++;
    }
    if (n !== t.rows || h.digest('hex') !== t.sha256) throw new Error(`The backup's table ${t.name} does not match its manifest (damaged backup).`);
  }
  for (const f of m.files) {
    const p = join(dir, 'files', f.path);
    if (!existsSync(p) || sha256File(p) !== f.sha256) throw new Error(`The backup's file ${f.path} is missing or damaged.`);
  }
  return m;
}

const BATCH = 500;

/** Told the rows written or read so far (all tables together) and the table at hand, for a progress bar. */
export type BulkProgress = { onRows?: (rows: number, table: string) => void };

/**
 * Restores a backup into `database` (migrated to the same version, and empty) and `filesDir`.
 * One transaction for the database: a failure leaves it empty. Files are copied after the commit.
 */
export async function restore(database: Database, filesDir: string, dir: string, opts: BulkProgress = {}): Promise<Manifest> {
  const m = await verifyBackup(dir);
  const have = await migrationCount(database.db);
  if (have !== m.migrations) throw new Error(`The backup was taken at schema version ${m.migrations} and this instance is at ${have}: restore with the release that took it.`);
  const tables = await tablesInOrder(database.db);
  const known = new Set(tables.map((t) => t.name));
  for (const t of m.tables) if (!known.has(t.name)) throw new Error(`The backup has a table ${t.name} this instance does not know.`);
  await database.db.transaction(async (tx) => {
    const reference = await referenceTables(tx);
    for (const t of tables) {
      if (reference.has(t.name)) continue;
      const [r] = await rows<{ n: number }>(tx, sql.raw(`select count(*)::int as n from ${ident(t.name)}`));
      if (Number(r?.n) > 0) throw new Error(`The instance is not empty (table ${t.name} has rows): restore into a fresh instance.`);
    }
    // The reference data a migration wrote is replaced by the backup's (which holds the editors' changes).
    for (const t of [...tables].reverse()) if (reference.has(t.name)) await tx.execute(sql.raw(`delete from ${ident(t.name)}`));
    await loadTables(tx, dir, tables, opts);
  });
  rmSync(filesDir, { recursive: true, force: true });
  for (const f of m.files) {
    const dest = join(filesDir, f.path);
    mkdirSync(dirname(dest), { recursive: true });
    copyFileSync(join(dir, 'files', f.path), dest);
  }
  return m;
}

/**
 * Tables a migration fills with reference data that editors may change (the guide's approaches and
 * funding programmes), marked `comment on table … is 'peerlink:reference'`: a fresh instance has
 * their rows, so a restore does not count them as "not empty" and replaces them with the backup's.
 */
export const REFERENCE_TABLE_COMMENT = 'peerlink:reference';
export async function referenceTables(db: DbOrTx): Promise<Set<string>> {
  const list = await rows<{ t: string }>(db, sql`select c.relname as t from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'p') and obj_description(c.oid, 'pg_class') = ${REFERENCE_TABLE_COMMENT}`);
  return new Set(list.map((r) => r.t));
}

/**
 * Inserts a backup's table files into the given tables, parents first, then moves the sequences on.
 * Columns the backup has and a table lacks are left out, and tables the backup lacks stay empty (this
 * is also how the migration test builds a populated database of an earlier schema). Call it in a transaction.
 */
export async function loadTables(tx: DbOrTx, dir: string, tables: { name: string; columns: Column[] }[], opts: BulkProgress = {}): Promise<void> {
  let done = 0;
  for (const t of tables) {
    const file = join(dir, 'tables', `${t.name}.jsonl`);
    if (!existsSync(file)) continue;
    const cols = t.columns.filter((c) => !c.generated).map((c) => ident(c.name));
    const insert = (batch: string[]) =>
      tx.execute(sql.raw(`insert into ${ident(t.name)} (${cols.join(', ')}) select ${cols.join(', ')} from json_populate_recordset(null::${ident(t.name)}, ${quoteLiteral(`[${batch.join(',')}]`)}::json)`));
    let batch: string[] = [];
    for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
      if (!line) continue;
      batch.push(line);
      if (batch.length >= BATCH) {
        await insert(batch);
        done += batch.length;
        opts.onRows?.(done, t.name);
        batch = [];
      }
    }
    if (batch.length) await insert(batch);
    done += batch.length;
    opts.onRows?.(done, t.name);
  }
  // Sequences (bigserial ids) continue after the restored rows.
  const seqs = await rows<{ t: string; c: string; s: string }>(
    tx,
    sql`select c.relname as t, a.attname as c, pg_get_serial_sequence(quote_ident(c.relname), a.attname) as s from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped and pg_get_serial_sequence(quote_ident(c.relname), a.attname) is not null`,
  );
  for (const s of seqs) await tx.execute(sql.raw(`select setval(${quoteLiteral(s.s)}, coalesce((select max(${ident(s.c)}) from ${ident(s.t)}), 0) + 1, false)`));
}

/** A SQL string literal (the only way to pass a large JSON text through `sql.raw` on both drivers). */
function quoteLiteral(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** Compares two instances table by table (row counts and checksums); returns the tables that differ. */
export async function compareDatabases(a: Database['db'], b: Database['db']): Promise<string[]> {
  const ta = await tablesInOrder(a);
  const diff: string[] = [];
  for (const t of ta) {
    const [x, y] = [await tableChecksum(a, t.name), await tableChecksum(b, t.name)];
    if (x.rows !== y.rows || x.sha256 !== y.sha256) diff.push(t.name);
  }
  return diff;
}
