/** Personal access tokens for scripts calling /api/v1. Only the sha256 of a token is stored; the token is shown once. */
import { randomUUID } from 'node:crypto';
import type { PlatformRole } from '../../db/schema/accounts.ts';
import type { DbOrTx } from '../../platform/db.ts';
import { perPersonLimit } from '../../platform/security.ts';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, CurrentUser, ServiceCtx } from '../../platform/http.ts';
import { UnauthorizedError } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import { sha256, newToken } from '../../platform/session.ts';
import { isLocale } from '../../platform/i18n.ts';
import { audit } from '../../platform/audit.ts';
import * as repo from './accounts.repository.ts';

export const TOKEN_PREFIX = 'plk_';

/** API tokens one person may create an hour (SECURITY.md 26). */
export const API_TOKENS_PER_HOUR = 10;

export async function createApiToken(ctx: ServiceCtx, name: string): Promise<{ id: string; token: string }> {
  if (!ctx.actor) throw new Error('signed-in actor required');
  perPersonLimit(await repo.recentApiTokensOf(ctx.db, ctx.actor.id, new Date(ctx.now.getTime() - 3600_000)), API_TOKENS_PER_HOUR, 3600_000, ctx.now);
  const token = TOKEN_PREFIX + newToken(32);
  const id = randomUUID();
  await repo.insertApiToken(ctx.db, { id, userId: ctx.actor.id, name, tokenHash: sha256(token), createdAt: ctx.now });
  await audit(ctx.db, ctx.now, { actorId: ctx.actor.id, action: 'api_token.created', objectType: 'api_token', objectId: id, ip: ctx.ip });
  return { id, token };
}

export async function listApiTokens(ctx: ServiceCtx) {
  if (!ctx.actor) return [];
  return repo.liveApiTokensOf(ctx.db, ctx.actor.id);
}

/** Revokes one of the actor's own tokens; someone else's token id changes nothing. */
export async function revokeApiToken(ctx: ServiceCtx, id: string): Promise<boolean> {
  if (!ctx.actor || !isUuid(id)) return false;
  const revoked = await repo.revokeApiTokenOf(ctx.db, id, ctx.actor.id, ctx.now);
  if (revoked) await audit(ctx.db, ctx.now, { actorId: ctx.actor.id, action: 'api_token.revoked', objectType: 'api_token', objectId: id, ip: ctx.ip });
  return revoked;
}

/** The account behind a bearer token, or null when unknown, revoked or its account is gone. */
export async function authenticateApiToken(db: DbOrTx, token: string, now: Date): Promise<CurrentUser | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await repo.tokenWithAccount(db, sha256(token));
  if (!row) return null;
  if (!row.t.lastUsedAt || now.getTime() - row.t.lastUsedAt.getTime() > 60_000) await repo.touchApiToken(db, row.t.id, now);
  return {
    id: row.u.id,
    name: row.u.name,
    email: row.u.email ?? '',
    locale: isLocale(row.u.locale) ? row.u.locale : 'en',
    roles: row.u.roles as PlatformRole[],
    coordinatorRegions: row.u.coordinatorRegions,
    hasTotp: !!row.u.totpEnabledAt,
  };
}

/**
 * The API's sign-in, for every `/api/v1` route: a personal access token (`Authorization: Bearer …`)
 * makes its account the actor; any other Authorization header, or an unknown or revoked token, is 401
 * (with WWW-Authenticate). Without the header the session (set by the app) stands. With `required`,
 * a request with neither is 401 too.
 */
export function apiAuth(opts: { required?: boolean } = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('Authorization');
    if (header !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      const deps = c.get('deps');
      const user = m ? await authenticateApiToken(deps.database.db, m[1]!, deps.now()) : null;
      if (!user) {
        c.header('WWW-Authenticate', 'Bearer');
        throw new UnauthorizedError();
      }
      c.set('user', user);
      c.set('viaToken', true);
    }
    if (opts.required && !c.get('user')) throw new UnauthorizedError();
    await next();
  };
}
