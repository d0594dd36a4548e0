/**
 * Accounts: registration with e-mail verification, sign-in with brute-force limits, password
 * reset and change, e-mail change, platform roles. Every answer that could reveal whether an
 * e-mail address has an account is the same for both (SECURITY.md 6).
 */
import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNull, sql, count, asc } from 'drizzle-orm';
import { users, oneTimeTokens, signInFailures, PLATFORM_ROLES, type PlatformRole } from '../../db/schema/accounts.ts';
import type { DbOrTx } from '../../platform/db.ts';
import type { ServiceCtx, CurrentUser } from '../../platform/http.ts';
import type { Mailer } from '../../platform/mail.ts';
import { i18n, isLocale, type Locale } from '../../platform/i18n.ts';
import { audit } from '../../platform/audit.ts';
import { sha256, newToken, createSession, destroyAllSessions, destroySession } from '../../platform/session.ts';
import { hashPassword, verifyPassword, passwordProblem } from './accounts.passwords.ts';
import { canAccount } from './accounts.policy.ts';
import { DEMO_TOTP_SECRET, isSecondFactorRequired } from './accounts.twofactor.ts';
import { eraseAccount } from '../privacy/privacy.erase.ts';

export const VERIFY_TTL_MS = 48 * 3600_000;
export const RESET_TTL_MS = 3600_000;
export const LOCK_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

/** What account services need beyond the context: where links point and how mail leaves. */
export type AccountsEnv = { mailer: Mailer; baseUrl: string };

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** Only a local path may follow sign-in (or any page that sends back to `next`): never another host. */
export function safeNext(next: unknown): string | null {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) && !next.includes('\\') ? next : null;
}

// The API's sign-in (a personal access token, else the session) and the tokens themselves, for other modules and the API shell.
export { apiAuth, createApiToken, authenticateApiToken, TOKEN_PREFIX } from './accounts.tokens.ts';

/** Creates an account directly (CLI create-admin, demo seed, tests). Returns its id. */
export async function createAccount(
  db: DbOrTx,
  input: { email: string; name: string; password?: string; roles?: PlatformRole[]; locale?: Locale; verified?: boolean; now: Date; isDemo?: boolean; coordinatorRegions?: string[] },
): Promise<{ id: string }> {
  const id = randomUUID();
  await db.insert(users).values({
    id,
    email: normaliseEmail(input.email),
    name: input.name,
    passwordHash: input.password ? await hashPassword(input.password) : null,
    roles: input.roles ?? [],
    locale: input.locale ?? 'en',
    emailVerifiedAt: input.verified ? input.now : null,
    coordinatorRegions: input.coordinatorRegions ?? [],
    createdAt: input.now,
    updatedAt: input.now,
    isDemo: input.isDemo ?? false,
    // The demo's privileged accounts carry the published demo second factor (README), so they can sign in.
    ...(input.isDemo && isSecondFactorRequired(input.roles ?? []) ? { totpSecret: DEMO_TOTP_SECRET, totpEnabledAt: input.now } : {}),
  });
  return { id };
}

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [u] = await db.select().from(users).where(and(eq(users.email, normaliseEmail(email)), isNull(users.deletedAt))).limit(1);
  return u;
}

async function issueToken(db: DbOrTx, kind: string, userId: string | null, now: Date, ttlMs: number, data: Record<string, unknown> = {}): Promise<string> {
  const token = newToken();
  await db.insert(oneTimeTokens).values({ tokenHash: sha256(token), kind, userId, data, createdAt: now, expiresAt: new Date(now.getTime() + ttlMs) });
  return token;
}

/** Marks a token used, atomically: only one caller ever gets the row back. */
async function consumeToken(db: DbOrTx, kind: string, token: string, now: Date) {
  const [row] = await db
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(and(eq(oneTimeTokens.tokenHash, sha256(token)), eq(oneTimeTokens.kind, kind), isNull(oneTimeTokens.usedAt), gt(oneTimeTokens.expiresAt, now)))
    .returning();
  return row;
}

/** Whether a token is still usable, without using it (for GET pages that show a form). */
export async function isTokenUsable(db: DbOrTx, kind: string, token: string, now: Date): Promise<boolean> {
  const [row] = await db
    .select({ k: oneTimeTokens.kind })
    .from(oneTimeTokens)
    .where(and(eq(oneTimeTokens.tokenHash, sha256(token)), eq(oneTimeTokens.kind, kind), isNull(oneTimeTokens.usedAt), gt(oneTimeTokens.expiresAt, now)))
    .limit(1);
  return !!row;
}

const link = (env: AccountsEnv, locale: Locale, path: string, token: string) => `${env.baseUrl}/${locale}${path}?token=${encodeURIComponent(token)}`;

/**
 * Registration. Outcomes: `sent` for a new address and for a known one alike (the owner of a
 * known address is told by mail instead), or `invalid` with field errors.
 */
export async function register(
  ctx: ServiceCtx,
  env: AccountsEnv,
  input: { name: string; email: string; password: string; locale: Locale },
): Promise<{ ok: true } | { ok: false; errors: Record<string, string> }> {
  const problem = passwordProblem(input.password);
  if (problem) return { ok: false, errors: { password: problem } };
  const email = normaliseEmail(input.email);
  const existing = await findUserByEmail(ctx.db, email);
  const passwordHash = await hashPassword(input.password); // hashed in both branches: same time
  const t = i18n();
  if (existing) {
    const l = isLocale(existing.locale) ? existing.locale : input.locale;
    await env.mailer.send({
      to: email,
      subject: t.t(l, 'accounts.mail.existing.subject'),
      text: t.t(l, 'accounts.mail.existing.body', { signIn: `${env.baseUrl}/${l}/sign-in`, reset: `${env.baseUrl}/${l}/password/forgot` }),
    });
    return { ok: true };
  }
  const id = randomUUID();
  const token = await ctx.db.transaction(async (tx) => {
    await tx.insert(users).values({ id, email, name: input.name, passwordHash, locale: input.locale, createdAt: ctx.now, updatedAt: ctx.now });
    return issueToken(tx, 'verify_email', id, ctx.now, VERIFY_TTL_MS, { email });
  });
  await env.mailer.send({
    to: email,
    subject: t.t(input.locale, 'accounts.mail.verify.subject'),
    text: t.t(input.locale, 'accounts.mail.verify.body', { name: input.name, link: link(env, input.locale, '/verify-email', token) }),
  });
  return { ok: true };
}

/** Confirms an address (new account or e-mail change). Outcomes: verified, invalid (expired, used or unknown). */
export async function verifyEmail(ctx: ServiceCtx, token: string): Promise<{ ok: true; userId: string } | { ok: false; reason: 'invalid' }> {
  return ctx.db.transaction(async (tx) => {
    const row = await consumeToken(tx, 'verify_email', token, ctx.now);
    if (!row?.userId) return { ok: false as const, reason: 'invalid' as const };
    const email = String(row.data.email ?? '');
    const taken = await findUserByEmail(tx, email);
    if (taken && taken.id !== row.userId) return { ok: false as const, reason: 'invalid' as const };
    await tx.update(users).set({ email, emailVerifiedAt: ctx.now, updatedAt: ctx.now }).where(eq(users.id, row.userId));
    await audit(tx, ctx.now, { actorId: row.userId, action: 'account.email_verified', objectType: 'user', objectId: row.userId, ip: ctx.ip });
    return { ok: true as const, userId: row.userId };
  });
}

/** `secondFactor`: what the new session still needs — nothing, a code, or setting the second factor up (a role requires it). */
export type SignInOutcome =
  | { ok: true; token: string; user: { id: string; locale: string }; secondFactor: 'none' | 'code' | 'setup' }
  | { ok: false; reason: 'invalid' | 'locked' | 'unverified' };

/**
 * Sign-in. 5 failures on one address in 15 minutes, or 20 from one IP, lock further attempts
 * (`locked`, shown as 429) whatever the password. Unknown and known addresses fail the same way.
 * On success a new session replaces any previous one (`previousIdHash`).
 */
export async function signIn(ctx: ServiceCtx, input: { email: string; password: string; previousIdHash?: string | null }): Promise<SignInOutcome> {
  const emailKey = sha256(normaliseEmail(input.email));
  const ip = ctx.ip ?? 'unknown';
  const since = new Date(ctx.now.getTime() - LOCK_WINDOW_MS);
  const [[byAccount], [byIp]] = await Promise.all([
    ctx.db.select({ n: count() }).from(signInFailures).where(and(eq(signInFailures.emailKey, emailKey), gt(signInFailures.at, since))),
    ctx.db.select({ n: count() }).from(signInFailures).where(and(eq(signInFailures.ip, ip), gt(signInFailures.at, since))),
  ]);
  if (Number(byAccount?.n) >= MAX_FAILURES_PER_ACCOUNT || Number(byIp?.n) >= MAX_FAILURES_PER_IP) {
    await audit(ctx.db, ctx.now, { action: 'auth.sign_in', outcome: 'denied', ip: ctx.ip, objectType: 'user' });
    return { ok: false, reason: 'locked' };
  }
  const user = await findUserByEmail(ctx.db, input.email);
  const ok = await verifyPassword(user?.passwordHash, input.password);
  if (!ok || !user) {
    await ctx.db.insert(signInFailures).values({ id: randomUUID(), emailKey, ip, at: ctx.now });
    await audit(ctx.db, ctx.now, { actorId: user?.id ?? null, action: 'auth.sign_in', outcome: 'failed', ip: ctx.ip, objectType: 'user', objectId: user?.id ?? null });
    return { ok: false, reason: 'invalid' };
  }
  if (!user.emailVerifiedAt) return { ok: false, reason: 'unverified' };
  const secondFactor = user.totpEnabledAt ? 'code' : isSecondFactorRequired(user.roles) ? 'setup' : 'none';
  const token = await ctx.db.transaction(async (tx) => {
    if (input.previousIdHash) await destroySession(tx, input.previousIdHash);
    await tx.delete(signInFailures).where(eq(signInFailures.emailKey, emailKey));
    await tx.update(users).set({ lastActiveAt: ctx.now }).where(eq(users.id, user.id));
    await audit(tx, ctx.now, { actorId: user.id, action: 'auth.sign_in', objectType: 'user', objectId: user.id, ip: ctx.ip });
    return createSession(tx, user.id, ctx.now, { pending2fa: secondFactor !== 'none' });
  });
  return { ok: true, token, user: { id: user.id, locale: user.locale }, secondFactor };
}

export async function signOut(ctx: ServiceCtx, idHash: string): Promise<void> {
  await destroySession(ctx.db, idHash);
  if (ctx.actor) await audit(ctx.db, ctx.now, { actorId: ctx.actor.id, action: 'auth.sign_out', objectType: 'user', objectId: ctx.actor.id, ip: ctx.ip });
}

/** Sends a reset link when the address has an account; answers the same either way. Works for locked accounts. */
export async function requestPasswordReset(ctx: ServiceCtx, env: AccountsEnv, email: string): Promise<void> {
  const user = await findUserByEmail(ctx.db, email);
  if (!user?.email) {
    await hashPassword('equalise-timing'); // the known branch does comparable work
    return;
  }
  const token = await issueToken(ctx.db, 'reset_password', user.id, ctx.now, RESET_TTL_MS);
  const l = isLocale(user.locale) ? user.locale : ctx.locale;
  await env.mailer.send({
    to: user.email,
    subject: i18n().t(l, 'accounts.mail.reset.subject'),
    text: i18n().t(l, 'accounts.mail.reset.body', { name: user.name, link: link(env, l, '/password/reset', token) }),
  });
}

/** Sets a new password from a reset link; ends every session of the account. Outcomes: ok, invalid token, weak password. */
export async function resetPassword(ctx: ServiceCtx, token: string, password: string): Promise<{ ok: true } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'weak'; errors: Record<string, string> }> {
  const [pending] = await ctx.db
    .select({ userId: oneTimeTokens.userId, roles: users.roles })
    .from(oneTimeTokens)
    .innerJoin(users, eq(users.id, oneTimeTokens.userId))
    .where(and(eq(oneTimeTokens.tokenHash, sha256(token)), eq(oneTimeTokens.kind, 'reset_password'), isNull(oneTimeTokens.usedAt), gt(oneTimeTokens.expiresAt, ctx.now)))
    .limit(1);
  if (!pending) return { ok: false, reason: 'invalid' };
  const problem = passwordProblem(password, pending.roles);
  if (problem) return { ok: false, reason: 'weak', errors: { password: problem } };
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction(async (tx) => {
    const row = await consumeToken(tx, 'reset_password', token, ctx.now);
    if (!row?.userId) return { ok: false as const, reason: 'invalid' as const };
    await tx.update(users).set({ passwordHash, updatedAt: ctx.now, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${ctx.now})` }).where(eq(users.id, row.userId));
    await destroyAllSessions(tx, row.userId);
    await audit(tx, ctx.now, { actorId: row.userId, action: 'account.password_reset', objectType: 'user', objectId: row.userId, ip: ctx.ip });
    return { ok: true as const };
  });
}

async function checkCurrent(db: DbOrTx, userId: string, password: string): Promise<{ roles: string[] } | null> {
  const [u] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!u || !(await verifyPassword(u.passwordHash, password))) return null;
  return { roles: u.roles };
}

/** Changes the password (asks for the current one); ends every other session. */
export async function changePassword(ctx: ServiceCtx & { sessionIdHash: string }, input: { current: string; password: string }): Promise<{ ok: true } | { ok: false; errors: Record<string, string> }> {
  const actor = requireActor(ctx);
  const u = await checkCurrent(ctx.db, actor.id, input.current);
  if (!u) return { ok: false, errors: { current: 'accounts.password.currentWrong' } };
  const problem = passwordProblem(input.password, u.roles);
  if (problem) return { ok: false, errors: { password: problem } };
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: ctx.now }).where(eq(users.id, actor.id));
    await destroyAllSessions(tx, actor.id, ctx.sessionIdHash);
    await audit(tx, ctx.now, { actorId: actor.id, action: 'account.password_changed', objectType: 'user', objectId: actor.id, ip: ctx.ip });
  });
  return { ok: true };
}

/** Starts an e-mail change (asks for the current password); the new address takes effect when its link is followed. */
export async function requestEmailChange(ctx: ServiceCtx, env: AccountsEnv, input: { current: string; email: string }): Promise<{ ok: true } | { ok: false; errors: Record<string, string> }> {
  const actor = requireActor(ctx);
  if (!(await checkCurrent(ctx.db, actor.id, input.current))) return { ok: false, errors: { current: 'accounts.password.currentWrong' } };
  const email = normaliseEmail(input.email);
  const taken = await findUserByEmail(ctx.db, email);
  if (!taken) {
    const token = await issueToken(ctx.db, 'verify_email', actor.id, ctx.now, VERIFY_TTL_MS, { email });
    await env.mailer.send({
      to: email,
      subject: i18n().t(ctx.locale, 'accounts.mail.verify.subject'),
      text: i18n().t(ctx.locale, 'accounts.mail.verify.body', { name: actor.name, link: link(env, ctx.locale, '/verify-email', token) }),
    });
  }
  await audit(ctx.db, ctx.now, { actorId: actor.id, action: 'account.email_change_requested', objectType: 'user', objectId: actor.id, ip: ctx.ip });
  return { ok: true };
}

export async function updateAccountSettings(ctx: ServiceCtx, input: { name: string; locale: Locale }): Promise<void> {
  const actor = requireActor(ctx);
  await ctx.db.update(users).set({ name: input.name, locale: input.locale, updatedAt: ctx.now }).where(eq(users.id, actor.id));
}

/**
 * Deletes the account (asks for the current password): the whole erasure of SECURITY.md 33 (identity
 * and contact fields blanked everywhere, files deleted, memberships removed, sessions ended) through
 * the privacy module. `dataDir` is where the files are.
 */
export async function deleteAccount(ctx: ServiceCtx, input: { current: string }, env: { dataDir: string }): Promise<{ ok: true } | { ok: false; errors: Record<string, string> }> {
  const actor = requireActor(ctx);
  if (!(await checkCurrent(ctx.db, actor.id, input.current))) return { ok: false, errors: { current: 'accounts.password.currentWrong' } };
  await eraseAccount(ctx.db, actor.id, ctx.now, { dataDir: env.dataDir, reason: 'request', actorId: actor.id, ip: ctx.ip });
  return { ok: true };
}

export type UserRow = { id: string; name: string; email: string | null; roles: string[]; createdAt: Date; lastActiveAt: Date | null };

/** Admin: accounts, newest first. */
export async function listUsers(ctx: ServiceCtx, opts: { page: number; perPage?: number }): Promise<{ rows: UserRow[]; total: number }> {
  if (!canAccount(ctx.actor, 'users.list')) throw new (await import('../../platform/errors.ts')).NotFoundError();
  const perPage = opts.perPage ?? 50;
  const where = isNull(users.deletedAt);
  const [rowsOut, [total]] = await Promise.all([
    ctx.db
      .select({ id: users.id, name: users.name, email: users.email, roles: users.roles, createdAt: users.createdAt, lastActiveAt: users.lastActiveAt })
      .from(users)
      .where(where)
      .orderBy(asc(users.name), asc(users.id))
      .limit(perPage)
      .offset((opts.page - 1) * perPage),
    ctx.db.select({ n: count() }).from(users).where(where),
  ]);
  return { rows: rowsOut, total: Number(total?.n ?? 0) };
}

/**
 * Admin: sets a person's platform roles. Their sessions end (SECURITY.md 2: the id is replaced
 * on any role change); when admins change their own roles, `ownSession` tells the route to sign
 * them in afresh. Outcomes: ok, not_found.
 */
export async function setRoles(ctx: ServiceCtx, input: { userId: string; roles: PlatformRole[]; coordinatorRegions?: string[] }): Promise<{ ok: true; newToken?: string } | { ok: false; reason: 'not_found' }> {
  if (!canAccount(ctx.actor, 'users.setRoles')) {
    await audit(ctx.db, ctx.now, { actorId: ctx.actor?.id ?? null, action: 'users.set_roles', objectType: 'user', objectId: input.userId, outcome: 'denied', ip: ctx.ip });
    throw new (await import('../../platform/errors.ts')).NotFoundError();
  }
  const roles = [...new Set(input.roles)].filter((r) => (PLATFORM_ROLES as readonly string[]).includes(r)).sort() as PlatformRole[];
  return ctx.db.transaction(async (tx) => {
    const [u] = await tx
      .update(users)
      .set({ roles, coordinatorRegions: input.coordinatorRegions ?? [], updatedAt: ctx.now })
      .where(and(eq(users.id, input.userId), isNull(users.deletedAt)))
      .returning({ id: users.id });
    if (!u) return { ok: false as const, reason: 'not_found' as const };
    await destroyAllSessions(tx, input.userId);
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'users.set_roles', objectType: 'user', objectId: input.userId, ip: ctx.ip });
    const newToken = input.userId === ctx.actor!.id ? await createSession(tx, input.userId, ctx.now) : undefined;
    return { ok: true as const, newToken };
  });
}

function requireActor(ctx: ServiceCtx): CurrentUser {
  if (!ctx.actor) throw new Error('signed-in actor required');
  return ctx.actor;
}
