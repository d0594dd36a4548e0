/**
 * The command line: `npm run cli -- <command> …` (see `help`). It opens the database as the
 * server does (PGlite in DATA_DIR with its exclusive lock, or DATABASE_URL) and applies the
 * migrations first. Exit codes: 0 done, 1 bad input or a refused operation, 2 wrong usage.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import type { Writable } from 'node:stream';
import { loadConfig, ConfigError, type Config } from './platform/config.ts';
import { openPglite, openPostgres, migrate, DataDirLockedError, type Database } from './platform/db.ts';
import { formatOf, openInput, type FileFormat } from './modules/imports/imports.reader.ts';
import { importOrganisations, importPeople, formatImportIssue } from './modules/imports/imports.service.ts';
import { exportOrganisations, exportPeople } from './modules/imports/exports.service.ts';
import { createProgress, type ProgressSink } from './platform/progress.ts';

const USAGE = `Peerlink command line

Usage: npm run cli -- <command> [options]

  import organisations FILE [--strict] [--format csv|jsonl]
  import people FILE [--strict] [--format csv|jsonl]
      Read organisations or people from CSV or JSON Lines (see the interchange formats).
      A bad line is reported with its number and field and the rest is imported;
      with --strict nothing is written if any line is bad. Ids already known are updated.
      Import organisations before the people who belong to them. FILE may be - (stdin).
  export organisations FILE|- [--format csv|jsonl]
  export people FILE|- [--format csv|jsonl]
      Write the directory as CSV or JSON Lines (from the extension, or --format; - is stdout).
      People's emails are included: the command line acts as platform staff.
  seed                        Load the demo organisations, people and accounts (idempotent).
  create-admin --email E --name N
      Create a platform admin. The password comes from PEERLINK_ADMIN_PASSWORD or, on a
      terminal, is asked for (at least 15 characters).
  migrate                     Apply the database migrations.
  backup DIR                  Write a backup (every table as JSON lines, the stored files, a manifest of
                              counts and checksums) into the empty or new folder DIR. One consistent snapshot.
  restore DIR                 Restore a backup into a fresh, empty instance of the same release (one
                              transaction: all or nothing), then erase again the accounts erased since
                              (DATA_DIR/erasures.log). Stop the server first when on the embedded database.
  reindex-concepts            Analyse again the directory rows whose concepts (for relevance order) are not in
                              step with their text (rows written by hand, or a changed thesaurus).
  match …                     Rank organisations and people for requests (match --help).
  help                        This text.

The database is the one the server uses: DATA_DIR (default ./data) or DATABASE_URL.
With the embedded database the command cannot run while the server runs on the same folder.
Exit codes: 0 done, 1 bad input or refused, 2 wrong usage.`;

/** `progress`: where progress bars go (standard error; a bar on a terminal, plain lines otherwise); none when absent. */
export type CliIo = { out: Writable; err: (s: string) => void; env: Record<string, string | undefined>; stdinIsTty: boolean; progress?: ProgressSink };

class UsageError extends Error {}

async function openDatabase(config: Config): Promise<Database> {
  const database = config.databaseUrl ? await openPostgres(config.databaseUrl, { max: 2 }) : await openPglite(config.dataDir, { onStaleLock: (owner) => process.stderr.write(`Took over the lock of process ${owner.pid}, which no longer runs.\n`) });
  try {
    await migrate(database);
  } catch (e) {
    await database.close();
    throw e;
  }
  return database;
}

function formatFor(file: string, given: string | undefined): FileFormat {
  if (given !== undefined) {
    if (given !== 'csv' && given !== 'jsonl') throw new UsageError(`--format must be csv or jsonl (got ${given})`);
    return given;
  }
  const f = formatOf(file);
  if (!f) throw new UsageError(`cannot tell the format of ${file === '-' ? 'standard input/output' : file}: name it .csv or .jsonl, or pass --format csv|jsonl`);
  return f;
}

async function withDatabase<T>(io: CliIo, fn: (db: Database) => Promise<T>): Promise<T> {
  const config = loadConfig(io.env);
  const database = await openDatabase(config);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function runImport(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { strict: { type: 'boolean', default: false }, format: { type: 'string' } }, allowPositionals: true });
  const [what, file, ...rest] = positionals;
  if ((what !== 'organisations' && what !== 'people') || !file || rest.length) throw new UsageError('usage: import organisations|people FILE [--strict] [--format csv|jsonl]');
  const format = formatFor(file, values.format);
  const source = openInput(file);
  const opened = new Promise<void>((resolve, reject) => {
    if (file === '-') return resolve();
    source.once('open', () => resolve());
    source.once('error', reject);
  });
  try {
    await opened;
  } catch (e) {
    io.err(`Cannot read ${file}: ${(e as Error).message}`);
    return 1;
  }
  const started = Date.now();
  return withDatabase(io, async ({ db }) => {
    const ctx = { db, actor: 'cli' as const, now: new Date() };
    const bar = createProgress(`import ${what}`, io.progress);
    const input = { source, format, strict: values.strict, onProgress: (p: { phase: string; read: number }) => (p.phase === 'done' ? bar.finish(p.read) : bar.update(p.read, p.phase)) };
    const outcome = what === 'organisations' ? await importOrganisations(ctx, input) : await importPeople(ctx, input);
    if (!outcome.ok) {
      io.err('Import refused.');
      return 1;
    }
    const r = outcome.report;
    for (const i of r.issues) io.err(formatImportIssue(file, i));
    if (r.issueCount > r.issues.length) io.err(`… and ${r.issueCount - r.issues.length} more issues`);
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    if (!r.written) io.err(`${what}: ${r.read} records read, ${r.rejected} with issues; --strict: nothing was written.`);
    else io.err(`${what}: ${r.read} records read, ${r.inserted} added, ${r.updated} updated, ${r.rejected} left out because of issues (${secs} s).`);
    return r.issueCount ? 1 : 0;
  });
}

async function runExport(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { format: { type: 'string' } }, allowPositionals: true });
  const [what, file, ...rest] = positionals;
  if ((what !== 'organisations' && what !== 'people') || !file || rest.length) throw new UsageError('usage: export organisations|people FILE|- [--format csv|jsonl]');
  const format = formatFor(file, values.format);
  return withDatabase(io, async ({ db }) => {
    const ctx = { db, actor: 'cli' as const };
    let chunks: AsyncGenerator<string>;
    if (what === 'organisations') chunks = exportOrganisations(ctx, { format });
    else {
      const r = await exportPeople(ctx, { format });
      if (!r.ok) {
        io.err('Export refused.');
        return 1;
      }
      chunks = r.chunks;
    }
    const out = file === '-' ? io.out : createWriteStream(file);
    const bar = createProgress(`export ${what}`, io.progress);
    let lines = 0;
    for await (const chunk of chunks) {
      for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) lines++;
      bar.update(lines);
      if (!out.write(chunk)) await once(out, 'drain');
    }
    bar.finish(lines);
    if (file !== '-') {
      out.end();
      await once(out, 'finish');
      io.err(`${what} written to ${file}`);
    }
    return 0;
  });
}

async function readHidden(prompt: string): Promise<string> {
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const r = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
  let muted = false;
  r._writeToOutput = (s: string) => {
    if (!muted) r.output.write(s);
  };
  const answer = new Promise<string>((resolve) => rl.question(prompt, resolve));
  muted = true;
  const v = await answer;
  rl.close();
  process.stderr.write('\n');
  return v;
}

async function runCreateAdmin(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { email: { type: 'string' }, name: { type: 'string' }, locale: { type: 'string' } }, allowPositionals: true });
  if (positionals.length || !values.email || !values.name) throw new UsageError('usage: create-admin --email E --name N  (password from PEERLINK_ADMIN_PASSWORD or a prompt)');
  const { z } = await import('zod');
  if (!z.email().safeParse(values.email.trim()).success) {
    io.err(`--email: "${values.email}" is not an email address`);
    return 1;
  }
  const { isLocale } = await import('./platform/i18n.ts');
  const locale = values.locale ?? 'en';
  if (!isLocale(locale)) {
    io.err(`--locale must be one of en, fr, es, pt, ar`);
    return 1;
  }
  let password = io.env.PEERLINK_ADMIN_PASSWORD;
  if (!password) {
    if (!io.stdinIsTty) {
      io.err('No password: set PEERLINK_ADMIN_PASSWORD, or run the command on a terminal to be asked for one.');
      return 1;
    }
    password = await readHidden('Password for the new admin (at least 15 characters): ');
    const again = await readHidden('Once more: ');
    if (password !== again) {
      io.err('The two passwords differ; nothing was created.');
      return 1;
    }
  }
  const { passwordProblem } = await import('./modules/accounts/accounts.passwords.ts');
  const problem = passwordProblem(password, ['admin']);
  if (problem) {
    const why: Record<string, string> = {
      'accounts.password.tooShortPrivileged': 'an admin password needs at least 15 characters',
      'accounts.password.tooShort': 'the password is too short',
      'accounts.password.tooLong': 'the password is too long (at most 128 characters)',
      'accounts.password.common': 'the password is on a list of common passwords',
    };
    io.err(`Password refused: ${why[problem] ?? problem}. Nothing was created.`);
    return 1;
  }
  return withDatabase(io, async ({ db }) => {
    const { createAccount, findUserByEmail } = await import('./modules/accounts/accounts.service.ts');
    if (await findUserByEmail(db, values.email!)) {
      io.err(`An account with the email ${values.email} already exists; nothing was created.`);
      return 1;
    }
    const now = new Date();
    const { id } = await createAccount(db, { email: values.email!, name: values.name!, password: password!, roles: ['admin'], locale, verified: true, now });
    const { audit } = await import('./platform/audit.ts');
    await audit(db, now, { action: 'accounts.createAdmin', objectType: 'user', objectId: id });
    io.err(`Admin ${values.email} created. Sign in and set up the second factor.`);
    return 0;
  });
}

async function runSeed(argv: string[], io: CliIo): Promise<number> {
  if (argv.length) throw new UsageError('usage: seed');
  if (!loadConfig(io.env).demo) {
    io.err('Demo data is for demo mode only (its accounts share a published password). Set DEMO=true to load it.');
    return 1;
  }
  return withDatabase(io, async ({ db }) => {
    const { seedDemo } = await import('./modules/demo/demo.seed.ts');
    const { MODULES } = await import('./modules/index.ts');
    const r = await seedDemo(db, MODULES, { now: new Date() });
    io.err(`Demo data: ${r.organisations ?? 0} organisations, ${r.people ?? 0} people, ${r.accounts ?? 0} accounts, ${r.memberships ?? 0} memberships added (what existed was left as it was).`);
    await (await import('./modules/organisations/organisations.service.ts')).refreshDirectoryConcepts(db);
    return 0;
  });
}

/** Runs one command; returns the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'import':
        return await runImport(rest, io);
      case 'export':
        return await runExport(rest, io);
      case 'seed':
        return await runSeed(rest, io);
      case 'create-admin':
        return await runCreateAdmin(rest, io);
      case 'migrate':
        if (rest.length) throw new UsageError('usage: migrate');
        return await withDatabase(io, async () => {
          io.err('Migrations applied.');
          return 0;
        });
      case 'reindex-concepts':
        if (rest.length) throw new UsageError('usage: reindex-concepts');
        return await withDatabase(io, async ({ db }) => {
          const { refreshDirectoryConcepts } = await import('./modules/organisations/organisations.service.ts');
          const r = await refreshDirectoryConcepts(db);
          io.err(`Concepts analysed again: ${r.organisations} organisations, ${r.people} people.`);
          return 0;
        });
      case 'backup':
      case 'restore': {
        const [dir, ...more] = rest;
        if (!dir || more.length) throw new UsageError(`usage: ${command} DIR`);
        return await withDatabase(io, async (database) => {
          const { backup, restore } = await import('./platform/backup.ts');
          const config = loadConfig(io.env);
          const files = `${config.dataDir}/files`;
          try {
            const bar = createProgress(command, io.progress);
            const onRows = (n: number, table: string) => bar.update(n, table);
            const m = command === 'backup' ? await backup(database, files, dir, new Date(), { onRows }) : await restore(database, files, dir, { onRows });
            bar.finish(m.tables.reduce((n, t) => n + t.rows, 0));
            const total = m.tables.reduce((n, t) => n + t.rows, 0);
            io.err(`${command === 'backup' ? 'Backed up' : 'Restored'}: ${m.tables.length} tables, ${total} rows, ${m.files.length} files (${command === 'backup' ? dir : `taken ${m.createdAt}`}).`);
            if (command === 'restore') {
              // Accounts erased after the backup was taken (DATA_DIR/erasures.log, kept outside the backup) are erased again.
              const { reapplyErasures, usePersonalDataOf } = await import('./modules/privacy/privacy.service.ts');
              usePersonalDataOf((await import('./modules/index.ts')).MODULES);
              const n = await reapplyErasures(database.db, config.dataDir, new Date());
              if (n) io.err(`Erasures recorded since the backup applied again: ${n}.`);
            }
            return 0;
          } catch (e) {
            io.err(`${command === 'backup' ? 'Backup' : 'Restore'} refused: ${(e as Error).message}`);
            return 1;
          }
        });
      }
      case 'match': {
        const { matchCommand } = await import('./modules/matching/matching.cli.ts');
        return await matchCommand(rest, { out: (s) => void io.out.write(s), err: (s) => io.err(s.replace(/\n$/, '')) });
      }
      case 'help':
      case '--help':
      case '-h':
        io.out.write(`${USAGE}\n`);
        return 0;
      case undefined:
        io.err(USAGE);
        return 2;
      default:
        io.err(`Unknown command "${command}".\n\n${USAGE}`);
        return 2;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message);
      return 2;
    }
    if ((e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err((e as Error).message);
      return 2;
    }
    if (e instanceof ConfigError) {
      io.err(e.message);
      return 2;
    }
    if (e instanceof DataDirLockedError) {
      io.err(e.message);
      return 1;
    }
    throw e;
  }
}

if (import.meta.main) {
  const code = await main(process.argv.slice(2), {
    out: process.stdout,
    err: (s) => process.stderr.write(`${s}\n`),
    env: process.env,
    stdinIsTty: !!process.stdin.isTTY,
    progress: process.stderr,
  });
  // Flush stdout before leaving (it may be a pipe).
  if (process.stdout.writableLength) await once(process.stdout, 'drain');
  process.exit(code);
}
