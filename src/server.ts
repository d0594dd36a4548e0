/**
 * The composition root: checks the configuration, opens the database (PGlite in DATA_DIR with an
 * exclusive lock, or PostgreSQL at DATABASE_URL), applies migrations, loads the demo data on a
 * first start, serves HTTP, and shuts down gracefully on SIGTERM/SIGINT.
 *
 * With WORKERS=N (N > 1, PostgreSQL only) this process is the primary of node's cluster: it applies
 * the migrations and the demo seed once, then forks N workers sharing the port, restarts a worker
 * that dies, and on SIGTERM/SIGINT stops them all gracefully before exiting.
 */
import cluster, { type Worker } from 'node:cluster';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import { answerClientErrors, MAX_HEADER_BYTES } from './platform/limits.ts';
import { sql } from 'drizzle-orm';
import { loadConfig, ConfigError, type Config } from './platform/config.ts';
import { createLogger, errorFields, type Logger } from './platform/log.ts';
import { openPglite, openPostgres, migrate, checkDurability, rows, DataDirLockedError, type Database } from './platform/db.ts';
import { createMailer } from './platform/mail.ts';
import { createApp } from './app.ts';
import { startOutboxWorker } from './platform/outbox.ts';
import { MODULES } from './modules/index.ts';
import { dispatchEvents, subscribersOf } from './platform/events.ts';
import { startInboundMail, type InboundListener } from './platform/inbound-mail.ts';

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(config: Config, log?: Logger, opts: { migrate?: boolean } = {}): Promise<Database> {
  const database = config.databaseUrl
    ? await openPostgres(config.databaseUrl)
    : await openPglite(config.dataDir, { onStaleLock: (owner) => log?.warn('took over the lock of a process that no longer runs', { pid: owner.pid }) });
  try {
    await checkDurability(database);
    if (opts.migrate !== false) await migrate(database);
  } catch (e) {
    await database.close();
    throw e;
  }
  return database;
}

/** Loads the demo data into an empty database (a first start with DEMO on). */
async function seedIfEmpty(database: Database, log: Logger): Promise<void> {
  const [{ n } = { n: 0 }] = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from users`);
  if (n === 0) {
    const { seedDemo } = await import('./modules/demo/demo.seed.ts');
    await seedDemo(database.db, MODULES, { now: new Date() });
    log.info('demo data loaded');
  }
}

function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}

/**
 * The cluster's primary: migrations and demo data once, then WORKERS processes serving the port.
 * A worker that dies is replaced (after a second if it died within five seconds of its start, so a
 * worker that cannot start does not spin); on SIGTERM/SIGINT every worker gets SIGTERM, and the
 * primary exits once they all have (0), or after the grace and 15 s more (1).
 */
async function primary(config: Config, log: Logger): Promise<void> {
  const database = await openDatabase(config, log);
  try {
    if (config.demo) await seedIfEmpty(database, log);
  } finally {
    await database.close();
  }
  let stopping = false;
  const started = new Map<Worker, number>();
  const fork = () => {
    const worker = cluster.fork({ PEERLINK_CLUSTER_WORKER: '1' });
    started.set(worker, Date.now());
  };
  cluster.on('exit', (worker, code, signal) => {
    const since = started.get(worker) ?? 0;
    started.delete(worker);
    if (stopping) {
      if (started.size === 0) {
        log.info('stopped');
        process.exit(0);
      }
      return;
    }
    log.error('worker died, starting another', { pid: worker.process.pid, code, signal });
    setTimeout(fork, Date.now() - since < 5000 ? 1000 : 0);
  });
  for (let i = 0; i < config.workers; i++) fork();
  log.info('cluster', { workers: config.workers, primary: process.pid });
  const stop = (sig: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal: sig, workers: started.size });
    if (started.size === 0) process.exit(0);
    for (const worker of started.keys()) worker.process.kill('SIGTERM');
    setTimeout(() => process.exit(1), config.shutdownGraceMs + 15_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

async function main(): Promise<void> {
  const config = configOrExit();
  const log = createLogger(config.logLevel);
  if (config.workers > 1 && cluster.isPrimary) return primary(config, log);
  // A cluster worker: the primary has applied the migrations and loaded the demo data.
  const worker = cluster.isWorker && process.env.PEERLINK_CLUSTER_WORKER === '1';
  let database: Database;
  try {
    database = await openDatabase(config, log, { migrate: !worker });
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  if (config.demo && !worker) await seedIfEmpty(database, log);
  const outboxDir = join(config.dataDir, 'outbox');
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, outboxDir });
  const app = createApp({ database, config, log, mailer, now: () => new Date() });
  // Mail leaves through the outbox table: retried with backoff, daily digests, never lost.
  const outbox = startOutboxWorker({ db: database.db, mailer, now: () => new Date(), baseUrl: config.baseUrl, onError: (e) => log.error('outbox', errorFields(e)) });
  // Domain events left over (a process stopped before dispatching, a subscriber failed) are retried here.
  const subscribers = subscribersOf(MODULES);
  const eventTimer = setInterval(() => {
    dispatchEvents(database.db, subscribers, new Date()).catch((e: unknown) => log.error('events', errorFields(e)));
  }, 10_000);
  eventTimer.unref();
  // The modules' jobs (evaluations falling due, retention, catching up the directory's concepts…).
  const jobTimers: NodeJS.Timeout[] = [];
  for (const m of MODULES)
    for (const job of m.jobs ?? []) {
      const run = () => {
        job.run({ db: database.db, now: new Date(), config, log, mailer }).then(
          (r) => (job.atStart && r !== undefined ? log.info(job.name, r as Record<string, unknown>) : undefined),
          (e: unknown) => log.error(job.name, errorFields(e)),
        );
      };
      if (job.atStart) run();
      if (job.everyMs > 0) jobTimers.push(setInterval(run, job.everyMs));
    }
  // Replies by e-mail: an SMTP listener (on loopback by default) behind the site's mail server.
  let inbound: InboundListener | null = null;
  if (config.inboundSmtpPort !== undefined) {
    inbound = await startInboundMail({
      db: database.db,
      hooks: MODULES.flatMap((m) => (m.inboundMail ? [m.inboundMail] : [])),
      port: config.inboundSmtpPort,
      host: config.inboundSmtpHost,
      domain: config.replyDomain,
      now: () => new Date(),
      onError: (e) => log.error('inbound mail', errorFields(e)),
    });
    log.info('receiving mail', { smtp: `${config.inboundSmtpHost}:${inbound.port}`, domain: config.replyDomain });
  }
  // Addresses up to MAX_HEADER_BYTES reach the app (which answers 414 over MAX_URL_LENGTH); beyond,
  // Node's refusal is answered with the platform's 431 page rather than a bare status line.
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host, serverOptions: { maxHeaderSize: MAX_HEADER_BYTES } }, (info) => {
    log.info('listening', { url: `http://localhost:${info.port}`, pid: process.pid, database: database.kind, mail: mailer.describe, demo: config.demo });
  });
  answerClientErrors(server as unknown as Server);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    outbox.stop();
    clearInterval(eventTimer);
    for (const timer of jobTimers) clearInterval(timer);
    // Connections already queued to the listening socket but not yet accepted would be reset by an
    // immediate close: keep accepting for a short grace (answers then close their connection), then
    // stop accepting; requests in flight finish; then the database closes (and releases its lock).
    const http = server as unknown as { keepAliveTimeout: number; closeIdleConnections?: () => void };
    http.keepAliveTimeout = 1;
    setTimeout(() => {
      server.close(async () => {
        await inbound?.close();
        await database.close();
        log.info('stopped');
        process.exit(0);
      });
      http.closeIdleConnections?.();
    }, config.shutdownGraceMs).unref();
    setTimeout(() => process.exit(1), config.shutdownGraceMs + 15_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

if (import.meta.main) await main();
