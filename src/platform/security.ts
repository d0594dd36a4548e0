/**
 * Request hardening: security headers with a per-request CSP nonce, cross-site request refusal,
 * the general per-IP rate limit, and the per-person limits.
 */
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './http.ts';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { rateLimitHits } from '../db/schema/platform.ts';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { ForbiddenError, RateLimitError } from './errors.ts';
import type { DbOrTx } from './db.ts';

export function securityHeaders(opts: { production: boolean }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // 122 random bits from the pooled UUID generator: cheaper than a fresh randomBytes call per request.
    const nonce = randomUUID().replaceAll('-', '');
    c.set('nonce', nonce);
    await next();
    const h = c.res.headers;
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('Referrer-Policy', 'same-origin');
    h.set('X-Frame-Options', 'DENY');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    if (opts.production) h.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
    const type = h.get('Content-Type') ?? '';
    if (type.startsWith('text/html')) {
      h.set(
        'Content-Security-Policy',
        `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'`,
      );
      if (!type.includes('charset')) h.set('Content-Type', 'text/html; charset=utf-8');
    }
    if (c.get('user') && !h.has('Cache-Control')) h.set('Cache-Control', 'no-store');
  };
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a state-changing request from another site: Sec-Fetch-Site cross-site or same-site,
 * or, without that header, an Origin that is missing or foreign. Calls with a bearer token carry
 * no ambient credentials and are exempt, as are the POSTs to `tokenPosts` (paths carrying their own token).
 */
export function crossSiteGuard(opts: { tokenPosts?: readonly RegExp[] } = {}): MiddlewareHandler<AppEnv> {
  const exempt = opts.tokenPosts ?? [];
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    // A POST whose only authority is a token in its path (a newsletter's one-click unsubscribe, RFC 8058,
    // sent by the mail provider from anywhere): the manifests name these paths exactly; nothing else passes.
    if (c.req.method === 'POST' && exempt.some((re) => re.test(c.req.path))) return next();
    if (/^Bearer\s/i.test(c.req.header('Authorization') ?? '') && !c.req.header('Cookie')) return next();
    const site = c.req.header('Sec-Fetch-Site');
    const own = new URL(c.req.url).origin;
    const origin = c.req.header('Origin');
    if (site) {
      if (site !== 'same-origin' && site !== 'none') throw new ForbiddenError('cross_site');
      if (origin && origin !== own && origin !== 'null') throw new ForbiddenError('cross_site');
    } else if (!origin || origin !== own) {
      throw new ForbiddenError('cross_site');
    }
    return next();
  };
}

/**
 * At most `perMinute` requests per IP and one-minute window. With `shared` (a PostgreSQL server),
 * counted in the database (`rate_limit_hits`) so that every process and machine on one database
 * shares the same count; on the embedded database (one process by its lock), in memory: a
 * limit that multiplied by the number of processes would be no limit. One upsert per request returns
 * the new count; windows that have passed are deleted once a minute by each process. Over the limit:
 * 429 with Retry-After until the window ends. (A fixed window: at a window's edge an IP may get up to
 * twice the limit within a minute, never more.)
 */
export function rateLimit(opts: { perMinute: number; now: () => Date; db: DbOrTx; shared: boolean }): MiddlewareHandler<AppEnv> {
  let lastSweep = 0;
  // The embedded database has one process: the same window counted in memory, no write per request.
  const local = new Map<string, number>();
  let localWindow = 0;
  return async (c, next) => {
    if (opts.perMinute <= 0) return next();
    const now = opts.now().getTime();
    const windowStart = now - (now % 60_000);
    if (!opts.shared) {
      if (windowStart !== localWindow) {
        local.clear();
        localWindow = windowStart;
      }
      const ip = c.get('ip');
      const hits = (local.get(ip) ?? 0) + 1;
      local.set(ip, hits);
      if (hits > opts.perMinute) throw new RateLimitError(Math.max(1, Math.ceil((windowStart + 60_000 - now) / 1000)));
      return next();
    }
    if (now - lastSweep > 60_000) {
      lastSweep = now;
      opts.db.delete(rateLimitHits).where(lt(rateLimitHits.windowStart, new Date(windowStart))).catch(() => undefined);
    }
    const [row] = await opts.db
      .insert(rateLimitHits)
      .values({ ip: c.get('ip'), windowStart: new Date(windowStart), hits: 1 })
      .onConflictDoUpdate({ target: [rateLimitHits.ip, rateLimitHits.windowStart], set: { hits: sql`${rateLimitHits.hits} + 1` } })
      .returning({ hits: rateLimitHits.hits });
    if ((row?.hits ?? 0) > opts.perMinute) throw new RateLimitError(Math.max(1, Math.ceil((windowStart + 60_000 - now) / 1000)));
    return next();
  };
}

/** How many of a person's acts fall in a window, and when the oldest of them was (a repository counts its own rows). */
export type RecentActs = { count: number; oldest: Date | null };

/** For a repository: a person's rows of `table` (by `who`, timed by `at`) since `since`. */
export async function recentActs(db: DbOrTx, table: PgTable, who: PgColumn, at: PgColumn, userId: string, since: Date): Promise<RecentActs> {
  const [r] = await db
    .select({ count: sql<number>`count(*)::int`, oldest: sql<number | null>`(extract(epoch from min(${at})) * 1000)::float8` })
    .from(table)
    .where(and(eq(who, userId), gt(at, since)));
  return { count: Number(r?.count ?? 0), oldest: r?.oldest == null ? null : new Date(Number(r.oldest)) };
}

/**
 * A per-person limit (SECURITY.md 26: posting, messaging, creating): at most `max` acts in `windowMs`,
 * counted from the person's own rows in the database, so that every process agrees. Over it: 429 with Retry-After when the oldest act leaves the window, in the person's language.
 */
export function perPersonLimit(recent: RecentActs, max: number, windowMs: number, now: Date): void {
  if (recent.count < max) return;
  const wait = recent.oldest ? recent.oldest.getTime() + windowMs - now.getTime() : windowMs;
  throw new RateLimitError(Math.max(1, Math.ceil(wait / 1000)));
}
