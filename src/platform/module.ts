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
import type { SlotContributions } from './slots.ts';
import type { ServiceCtx } from './http.ts';
import type { InboundMail } from './inbound-mail.ts';

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

/** How a person is named in a module's rows: what the erasure's free-text sweep looks for elsewhere. */
export type Identifiers = { emails?: (string | null)[]; phones?: (string | null)[]; names?: string[] };

/** A file a person provided, for "download my data" (its bytes are under DATA_DIR/files). */
export type PersonalFile = { id: string; label: string; storageName: string; kind: string };

/**
 * A person's data held by a module (SECURITY.md 32–34). The privacy module calls these hooks for
 * every manifest that has them, so that no other module's table is read or written by it.
 */
export type PersonalData = {
  /** Sections of "download my data": a name per section (a key of data.json) → what the module holds about the person. */
  export?: (db: DbOrTx, userId: string) => Promise<Record<string, unknown>>;
  /** The files the person provided, for the export archive. */
  files?: (db: DbOrTx, userId: string) => Promise<PersonalFile[]>;
  /** How the person is named in this module's rows (read before any hook erases). */
  identifiers?: (db: DbOrTx, userId: string) => Promise<Identifiers>;
  /**
   * Erases the person's data in the module's tables inside the erasure transaction. Returns the
   * storage names of files (under DATA_DIR/files) to remove once it has committed. The hooks run
   * in the reverse order of the manifests' list (a module's rows go before the rows they refer to,
   * as tables are dropped in the reverse order of their creation).
   */
  erase?: (tx: DbOrTx, userId: string, now: Date) => Promise<{ files?: string[] } | void>;
  /**
   * Retention (SECURITY.md 34): deletes what the module keeps past its period (`cvMonths`: CVs of
   * offers on calls closed that long ago). Returns the storage names of files to remove.
   */
  expire?: (db: DbOrTx, now: Date, periods: { cvMonths: number }) => Promise<{ files?: string[] }>;
};

export type DemoSeed = {
  /** Seeds run in ascending order: a module's seed may use what lower ones wrote (organisations before requests). */
  order: number;
  /** Returns how many rows of each kind it added (e.g. `{ organisations: 3 }`), for the CLI's report; nothing is fine. */
  run: (db: Db, env: { now: Date }) => Promise<Record<string, number> | void>;
};

/**
 * Something that waits on the signed-in person ("Waiting on you", issue 16): a kind (a catalogue
 * key's last part in the home module, e.g. `draftToFinish`), the title of the thing (user content,
 * with its language when known), a path without the language prefix, the deadline when it has one,
 * and the module it comes from.
 */
export type WaitingItem = { kind: string; title: string; lang?: string; link: string; due?: Date; module: string };

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
  /**
   * Paths (as routed, without the language prefix) whose POST is authorised by a token in the path
   * alone and must work from another site (RFC 8058 one-click unsubscribe): the cross-site guard lets
   * exactly these through. Anchor the expression (`^…$`).
   */
  tokenPosts?: readonly RegExp[];
  /** Sections this module draws on other modules' pages (platform/slots.ts). */
  slots?: SlotContributions;
  /** What waits on the signed-in person in this module (ctx.actor is set), for "Waiting on you". */
  waiting?: (ctx: ServiceCtx) => Promise<WaitingItem[]>;
  /** Mail this module receives (platform/inbound-mail.ts): e.g. replies to its notifications. */
  inboundMail?: InboundMail;
};

/** Declares a manifest (an identity function, for the type). */
export const defineModule = (m: Manifest): Manifest => m;
