/**
 * Server-side sessions in the database. The cookie holds 256 random bits; only their sha256 is
 * stored. Idle timeout 30 minutes, absolute 12 hours, both checked here against the injected clock.
 */
import { randomBytes, createHash } from 'node:crypto';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Context } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { sessions, users, type PlatformRole } from '../db/schema/accounts.ts';
import type { DbOrTx } from './db.ts';
import type { CurrentUser } from './http.ts';
import { isLocale } from './i18n.ts';

export const IDLE_MS = 30 * 60_000;
export const ABSOLUTE_MS = 12 * 60 * 60_000;
/** lastSeenAt is written at most once a minute per session. */
const TOUCH_MS = 60_000;

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const newToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

export function cookieName(secure: boolean): string {
  return secure ? '__Host-peerlink' : 'peerlink';
}

/** Starts a session and returns the cookie value (never stored). */
export async function createSession(db: DbOrTx, userId: string, now: Date, opts: { pending2fa?: boolean } = {}): Promise<string> {
  const token = newToken();
  await db.insert(sessions).values({ idHash: sha256(token), userId, createdAt: now, lastSeenAt: now, isPending2fa: opts.pending2fa ?? false });
  return token;
}

export type LoadedSession = { user: CurrentUser; idHash: string; isPending2fa: boolean };

/** The session behind a cookie value, or null when missing, expired (then deleted) or its account is gone. */
export async function loadSession(db: DbOrTx, token: string, now: Date): Promise<LoadedSession | null> {
  const idHash = sha256(token);
  // Only what a request needs: not the password hash or the second factor's secret, on every request.
  const [row] = await db
    .select({
      s: { createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, isPending2fa: sessions.isPending2fa },
      u: { id: users.id, name: users.name, email: users.email, locale: users.locale, roles: users.roles, coordinatorRegions: users.coordinatorRegions, totpEnabledAt: users.totpEnabledAt },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, idHash), isNull(users.deletedAt)))
    .limit(1);
  if (!row) return null;
  const t = now.getTime();
  if (t - row.s.lastSeenAt.getTime() > IDLE_MS || t - row.s.createdAt.getTime() > ABSOLUTE_MS) {
    await db.delete(sessions).where(eq(sessions.idHash, idHash));
    return null;
  }
  if (t - row.s.lastSeenAt.getTime() > TOUCH_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
    await db.update(users).set({ lastActiveAt: now }).where(eq(users.id, row.u.id));
  }
  return {
    idHash,
    isPending2fa: row.s.isPending2fa,
    user: {
      id: row.u.id,
      name: row.u.name,
      email: row.u.email ?? '',
      locale: isLocale(row.u.locale) ? row.u.locale : 'en',
      roles: row.u.roles as PlatformRole[],
      coordinatorRegions: row.u.coordinatorRegions,
      hasTotp: !!row.u.totpEnabledAt,
    },
  };
}

export async function destroySession(db: DbOrTx, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

/** Ends every session of a person (password change, deletion, role change), optionally keeping one. */
export async function destroyAllSessions(db: DbOrTx, userId: string, keepIdHash?: string): Promise<void> {
  await db.delete(sessions).where(keepIdHash ? and(eq(sessions.userId, userId), ne(sessions.idHash, keepIdHash)) : eq(sessions.userId, userId));
}

export function setSessionCookie(c: Context, token: string, secure: boolean): void {
  setCookie(c, cookieName(secure), token, { path: '/', httpOnly: true, secure, sameSite: 'Lax' });
}

export function clearSessionCookie(c: Context, secure: boolean): void {
  deleteCookie(c, cookieName(secure), { path: '/', secure, httpOnly: true, sameSite: 'Lax' });
}

export function readSessionCookie(c: Context, secure: boolean): string | undefined {
  return getCookie(c, cookieName(secure));
}
