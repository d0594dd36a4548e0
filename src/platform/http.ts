/** The types every route shares: the Hono environment, the current user, dependencies. */
import type { Context } from 'hono';
import type { Database } from './db.ts';
import type { Config } from './config.ts';
import type { Logger } from './log.ts';
import type { Mailer } from './mail.ts';
import type { Locale, T } from './i18n.ts';
import type { PlatformRole } from '../db/schema/accounts.ts';

/** The signed-in person as every layer sees them. */
export type CurrentUser = {
  id: string;
  name: string;
  email: string;
  locale: Locale;
  roles: PlatformRole[];
  coordinatorRegions: string[];
  hasTotp: boolean;
};

/** What the app is built from; tests pass their own clock, mailer and database. */
export type Deps = {
  database: Database;
  config: Config;
  log: Logger;
  mailer: Mailer;
  now: () => Date;
};

export type AppEnv = {
  Variables: {
    deps: Deps;
    locale: Locale;
    /** Whether the locale came from the path (links then keep it). */
    t: T;
    nonce: string;
    requestId: string;
    ip: string;
    user: CurrentUser | null;
    sessionIdHash: string | null;
    /** A password sign-in still waiting for its second factor: this person may reach only the code page. */
    pendingUser: CurrentUser | null;
    /** Set when the caller used a personal access token (API only). */
    viaToken: boolean;
    /** The service context of this request (see `contextOf`): who acts, in which language, when. */
    ctx: ServiceCtx;
  };
};

export type Ctx = Context<AppEnv>;

/** A path in the current language: `/organisations` → `/fr/organisations`. */
export function href(locale: Locale, path: string): string {
  return `/${locale}${path === '/' ? '' : path}` || '/';
}

/** The service context of DESIGN.md: who acts, in which language, when, on which database. */
export type ServiceCtx = {
  db: Database['db'];
  actor: CurrentUser | null;
  locale: Locale;
  now: Date;
  ip?: string;
};

/**
 * The service context a middleware puts on every request as `c.var.ctx`. The actor and the
 * language are read when used, so that an API token read later (apiAuth) or a language settled by
 * the session middleware is what the service sees; the time is the request's.
 */
export function contextOf(c: Ctx): ServiceCtx {
  const deps = c.get('deps');
  const now = deps.now();
  return {
    db: deps.database.db,
    get actor() {
      return c.get('user');
    },
    get locale() {
      return c.get('locale');
    },
    now,
    get ip() {
      return c.get('ip');
    },
  };
}

/** A service context for this request (the same as `c.var.ctx`; kept for tests and tools that build contexts by hand). */
export const serviceCtx = (c: Ctx): ServiceCtx => ({ ...contextOf(c), actor: c.get('user'), locale: c.get('locale'), ip: c.get('ip') });
