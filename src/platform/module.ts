/**
 * The module manifest: the one face a module shows the platform (DESIGN.md, "How the rooms
 * connect"). app.ts mounts its pages and API, the server runs its jobs, the demo seeds through it,
 * the privacy module exports and erases a person's data through it, and the event dispatcher hands
 * it the events it subscribed to. Nothing outside the module needs its routes, views, repository
 * or tables for any of that.
 */
import type { Hono, MiddlewareHandler } from 'hono';
import type { AppEnv } from './http.ts';
import type { Db, DbOrTx } from './db.ts';
import type { Config } from './config.ts';
import type { Logger } from './log.ts';
import type { Mailer } from './mail.ts';
import type { Subscriptions } from './events.ts';

/** What a background job gets: the database, the time of this run, and the process's settings. */
export type JobEnv = { db: Db; now: Date; config: Config; log: Logger; mailer: Mailer };

export type Job = {
  /** For the log. */
  name: string;
  /** How often the server runs it (each process; jobs must be safe to run on several at once). */
  everyMs: number;
  /** Also once at start, in the background (e.g. catching up work written while the server was down). */
  atStart?: boolean;
  run: (env: JobEnv) => Promise<unknown>;
};

/** A person's data held by a module (SECURITY.md 32–34). */
export type PersonalData = {
  /** Sections of "download my data": a name per section (file name in the archive) → what the module holds about the person. */
  export?: (db: DbOrTx, userId: string) => Promise<Record<string, unknown>>;
  /**
   * Erases the person's data in the module's tables inside the erasure transaction. Returns the
   * storage names of files to remove once it has committed.
   */
  erase?: (tx: DbOrTx, userId: string, now: Date) => Promise<{ files?: string[] } | void>;
};

export type DemoSeed = {
  /** Seeds run in ascending order: a module's seed may use what lower ones wrote (organisations before requests). */
  order: number;
  run: (db: Db, env: { now: Date }) => Promise<void>;
};

export type Manifest = {
  /** The folder name under src/modules. */
  name: string;
  /** Pages, mounted at `/` (the language prefix is handled by the router). */
  pages?: () => Hono<AppEnv>;
  /** JSON API, mounted at `/api/v1`. */
  api?: () => Hono<AppEnv>;
  /** Middleware run before every module's routes (e.g. the consent gate). */
  middleware?: () => MiddlewareHandler<AppEnv>;
  jobs?: Job[];
  demo?: DemoSeed;
  personalData?: PersonalData;
  /** Domain events this module reacts to (after the emitting transaction committed). */
  on?: Subscriptions;
};

/** Declares a manifest (an identity function, for the type). */
export const defineModule = (m: Manifest): Manifest => m;
