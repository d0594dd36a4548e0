/**
 * Accounts: registration with e-mail verification, sign-in with brute-force limits, password
 * reset and change, e-mail change, platform roles. Every answer that could reveal whether an
 * e-mail address has an account is the same for both (SECURITY.md 6).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { PLATFORM_ROLES, type PlatformRole } from '../../db/schema/accounts.ts';
import type { DbOrTx } from '../../platform/db.ts';
import { isUuid } from '../../platform/ids.ts';
import type { ServiceCtx, CurrentUser } from '../../platform/http.ts';
import type { Mailer } from '../../platform/mail.ts';
import { i18n, isLocale, type Locale, type T } from '../../platform/i18n.ts';
import { audit } from '../../platform/audit.ts';
import { mailLink, queueAccountMail } from '../../platform/outbox.ts';
import { composeDirect } from '../../platform/mail-template.ts';
import { sha256, newToken, createSession, destroyAllSessions, destroySession } from '../../platform/session.ts';
import { hashPassword, verifyPassword, passwordProblem } from './accounts.passwords.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { canAccount } from './accounts.policy.ts';
import { DEMO_TOTP_SECRET, isSecondFactorRequired } from './accounts.twofactor.ts';
import * as repo from './accounts.repository.ts';

export const VERIFY_TTL_MS = 48 * 3600_000;
export const RESET_TTL_MS = 3600_000;
export const LOCK_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

/** What account services need beyond the context: where links point and how mail leaves. */
export type AccountsEnv = { mailer: Mailer; baseUrl: string };

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

// The API's sign-in (a personal access token, else the session) and the tokens themselves, for other modules and the API shell.
export { apiAuth, createApiToken, authenticateApiToken, TOKEN_PREFIX } from './accounts.tokens.ts';

/** Creates an account directly (CLI create-admin, demo seed, tests). Returns its id. */
export async function createAccount(
  db: DbOrTx,
  input: { email: string; name: string; password?: string; roles?: PlatformRole[]; locale?: Locale; verified?: boolean; now: Date; isDemo?: boolean; coordinatorRegions?: string[] },
): Promise<{ id: string }> {
  const id = randomUUID();
  await repo.insertUser(db, {
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
  return repo.userByEmail(db, normaliseEmail(email));
}

async function issueToken(db: DbOrTx, kind: string, userId: string | null, now: Date, ttlMs: number, data: Record<string, unknown> = {}): Promise<string> {
  const token = newToken();
  await repo.insertOneTimeToken(db, { tokenHash: sha256(token), kind, userId, data, createdAt: now, expiresAt: new Date(now.getTime() + ttlMs) });
  return token;
}

/** Marks a token used, atomically: only one caller ever gets the row back. */
async function consumeToken(db: DbOrTx, kind: string, token: string, now: Date) {
  return repo.consumeOneTimeToken(db, kind, sha256(token), now);
}

/** Whether a token is still usable, without using it (for GET pages that show a form). */
export async function isTokenUsable(db: DbOrTx, kind: string, token: string, now: Date): Promise<boolean> {
  return repo.isOneTimeTokenUsable(db, kind, sha256(token), now);
}

const link = (env: AccountsEnv, locale: Locale, path: string, token: string) => `${env.baseUrl}/${locale}${path}?token=${encodeURIComponent(token)}`;

/** The address confirmation mail, in the platform's mail template. */
function verifyMail(env: AccountsEnv, locale: Locale, name: string, token: string) {
  const t = i18n().translator(locale);
  const m = { subject: t('accounts.mail.verify.subject'), body: t('accounts.mail.verify.body'), link: link(env, locale, '/verify-email', token), action: t('accounts.mail.verify.action') };
  return composeDirect(locale, name, m, env.baseUrl, 'account');
}

/**
 * Registration: the same answer for a new address and for a known one (the owner of a known
 * address is told by mail instead). A weak password is a ValidationError on `password`.
 */
export async function register(
  ctx: ServiceCtx,
  env: AccountsEnv,
  input: { name: string; email: string; password: string; locale: Locale },
): Promise<void> {
  const problem = passwordProblem(input.password);
  if (problem) throw new ValidationError({ password: problem });
  const email = normaliseEmail(input.email);
  const existing = await findUserByEmail(ctx.db, email);
  const passwordHash = await hashPassword(input.password); // hashed in both branches: same time
  const t = i18n();
  if (existing) {
    const l = isLocale(existing.locale) ? existing.locale : input.locale;
    const tr = t.translator(l);
    const m = { subject: tr('accounts.mail.existing.subject'), body: tr('accounts.mail.existing.body', { reset: `${env.baseUrl}/${l}/password/forgot` }), link: `${env.baseUrl}/${l}/sign-in`, action: tr('accounts.mail.existing.action') };
    await env.mailer.send({ to: email, ...composeDirect(l, existing.name, m, env.baseUrl, 'account') });
    return;
  }
  const id = randomUUID();
  const token = await ctx.db.transaction(async (tx) => {
    await repo.insertUser(tx, { id, email, name: input.name, passwordHash, locale: input.locale, createdAt: ctx.now, updatedAt: ctx.now });
    return issueToken(tx, 'verify_email', id, ctx.now, VERIFY_TTL_MS, { email });
  });
  await env.mailer.send({ to: email, ...verifyMail(env, input.locale, input.name, token) });
}

/** Confirms an address (new account or e-mail change). Outcomes: verified, invalid (expired, used or unknown). */
export async function verifyEmail(ctx: ServiceCtx, token: string): Promise<{ ok: true; userId: string } | { ok: false; reason: 'invalid' }> {
  return ctx.db.transaction(async (tx) => {
    const row = await consumeToken(tx, 'verify_email', token, ctx.now);
    if (!row?.userId) return { ok: false as const, reason: 'invalid' as const };
    const email = String(row.data.email ?? '');
    const taken = await findUserByEmail(tx, email);
    if (taken && taken.id !== row.userId) return { ok: false as const, reason: 'invalid' as const };
    await repo.updateUser(tx, row.userId, { email, emailVerifiedAt: ctx.now, updatedAt: ctx.now });
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
  const [byAccount, byIp] = await Promise.all([repo.failuresSince(ctx.db, { emailKey }, since), repo.failuresSince(ctx.db, { ip }, since)]);
  if (byAccount >= MAX_FAILURES_PER_ACCOUNT || byIp >= MAX_FAILURES_PER_IP) {
    await audit(ctx.db, ctx.now, { action: 'auth.sign_in', outcome: 'denied', ip: ctx.ip, objectType: 'user' });
    return { ok: false, reason: 'locked' };
  }
  const user = await findUserByEmail(ctx.db, input.email);
  const ok = await verifyPassword(user?.passwordHash, input.password);
  if (!ok || !user) {
    await repo.insertFailure(ctx.db, { id: randomUUID(), emailKey, ip, at: ctx.now });
    await audit(ctx.db, ctx.now, { actorId: user?.id ?? null, action: 'auth.sign_in', outcome: 'failed', ip: ctx.ip, objectType: 'user', objectId: user?.id ?? null });
    return { ok: false, reason: 'invalid' };
  }
  if (!user.emailVerifiedAt) return { ok: false, reason: 'unverified' };
  const secondFactor = user.totpEnabledAt ? 'code' : isSecondFactorRequired(user.roles) ? 'setup' : 'none';
  const token = await ctx.db.transaction(async (tx) => {
    if (input.previousIdHash) await destroySession(tx, input.previousIdHash);
    await repo.clearFailures(tx, emailKey);
    await repo.updateUser(tx, user.id, { lastActiveAt: ctx.now });
    await audit(tx, ctx.now, { actorId: user.id, action: 'auth.sign_in', objectType: 'user', objectId: user.id, ip: ctx.ip });
    return createSession(tx, user.id, ctx.now, { pending2fa: secondFactor !== 'none' });
  });
  return { ok: true, token, user: { id: user.id, locale: user.locale }, secondFactor };
}

export async function signOut(ctx: ServiceCtx, idHash: string): Promise<void> {
  await destroySession(ctx.db, idHash);
  if (ctx.actor) await audit(ctx.db, ctx.now, { actorId: ctx.actor.id, action: 'auth.sign_out', objectType: 'user', objectId: ctx.actor.id, ip: ctx.ip });
}

/**
 * Sends a reset link when the address has an account; answers the same either way, in the same time
 * (SECURITY.md 6): both branches look the address up and draw a token, and the known one only adds
 * two rows (the token's hash, the mail in the outbox) in one transaction. The mail leaves in the
 * background (the after-commit drain or the worker), never inside the request. Works for locked accounts.
 */
export async function requestPasswordReset(ctx: ServiceCtx, _env: AccountsEnv, email: string): Promise<void> {
  const user = await findUserByEmail(ctx.db, email);
  const token = newToken();
  const tokenHash = sha256(token);
  const l = localeOf(user?.locale ?? ctx.locale, ctx.locale);
  const render = (t: T) => ({
    subject: t('accounts.mail.reset.subject'),
    body: t('accounts.mail.reset.body'),
    link: mailLink(`/${l}/password/reset?token=${encodeURIComponent(token)}`),
    action: t('accounts.mail.reset.action'),
  });
  await ctx.db.transaction(async (tx) => {
    if (user?.email) {
      await repo.insertOneTimeToken(tx, { tokenHash, kind: 'reset_password', userId: user.id, data: {}, createdAt: ctx.now, expiresAt: new Date(ctx.now.getTime() + RESET_TTL_MS) });
      await queueAccountMail(tx, ctx.now, user.id, 'accounts.reset', render);
    } else {
      // The same statements' shape without a row to write: a token read, the recipient looked up (none).
      await repo.isOneTimeTokenUsable(tx, 'reset_password', tokenHash, ctx.now);
      await queueAccountMail(tx, ctx.now, NO_ACCOUNT, 'accounts.reset', render);
    }
  });
}

const NO_ACCOUNT = '00000000-0000-4000-8000-000000000000';
const localeOf = (l: string, fallback: Locale): Locale => (isLocale(l) ? l : fallback);

/** Sets a new password from a reset link; ends every session of the account and lifts its sign-in lockout. Outcomes: ok, invalid token; a weak password is a ValidationError. */
export async function resetPassword(ctx: ServiceCtx, token: string, password: string): Promise<{ ok: true } | { ok: false; reason: 'invalid' }> {
  const pending = await repo.accountOfUsableToken(ctx.db, 'reset_password', sha256(token), ctx.now);
  if (!pending) return { ok: false, reason: 'invalid' };
  const problem = passwordProblem(password, pending.roles);
  if (problem) throw new ValidationError({ password: problem });
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction(async (tx) => {
    const row = await consumeToken(tx, 'reset_password', token, ctx.now);
    if (!row?.userId) return { ok: false as const, reason: 'invalid' as const };
    await repo.updateUser(tx, row.userId, { passwordHash, updatedAt: ctx.now, emailVerifiedAt: sql`coalesce(email_verified_at, ${ctx.now})` });
    await destroyAllSessions(tx, row.userId);
    // Whoever holds the mailbox proved it: the account's sign-in lockout is lifted (issue 18.11).
    const u = await repo.userById(tx, row.userId);
    if (u?.email) await repo.clearFailures(tx, sha256(normaliseEmail(u.email)));
    await audit(tx, ctx.now, { actorId: row.userId, action: 'account.password_reset', objectType: 'user', objectId: row.userId, ip: ctx.ip });
    return { ok: true as const };
  });
}

async function checkCurrent(db: DbOrTx, userId: string, password: string): Promise<{ roles: string[] } | null> {
  const u = await repo.userById(db, userId);
  if (!u || !(await verifyPassword(u.passwordHash, password))) return null;
  return { roles: u.roles };
}

/** Changes the password (asks for the current one); ends every other session. */
export async function changePassword(ctx: ServiceCtx & { sessionIdHash: string }, input: { current: string; password: string }): Promise<void> {
  const actor = requireActor(ctx);
  const u = await checkCurrent(ctx.db, actor.id, input.current);
  if (!u) throw new ValidationError({ current: 'accounts.password.currentWrong' });
  const problem = passwordProblem(input.password, u.roles);
  if (problem) throw new ValidationError({ password: problem });
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    await repo.updateUser(tx, actor.id, { passwordHash, updatedAt: ctx.now });
    await destroyAllSessions(tx, actor.id, ctx.sessionIdHash);
    await audit(tx, ctx.now, { actorId: actor.id, action: 'account.password_changed', objectType: 'user', objectId: actor.id, ip: ctx.ip });
  });
}

/** Starts an e-mail change (asks for the current password); the new address takes effect when its link is followed. */
export async function requestEmailChange(ctx: ServiceCtx, env: AccountsEnv, input: { current: string; email: string }): Promise<void> {
  const actor = requireActor(ctx);
  if (!(await checkCurrent(ctx.db, actor.id, input.current))) throw new ValidationError({ current: 'accounts.password.currentWrong' });
  const email = normaliseEmail(input.email);
  const taken = await findUserByEmail(ctx.db, email);
  if (!taken) {
    const token = await issueToken(ctx.db, 'verify_email', actor.id, ctx.now, VERIFY_TTL_MS, { email });
    await env.mailer.send({ to: email, ...verifyMail(env, ctx.locale, actor.name, token) });
  }
  await audit(ctx.db, ctx.now, { actorId: actor.id, action: 'account.email_change_requested', objectType: 'user', objectId: actor.id, ip: ctx.ip });
}

export async function updateAccountSettings(ctx: ServiceCtx, input: { name: string; locale: Locale }): Promise<void> {
  const actor = requireActor(ctx);
  await repo.updateUser(ctx.db, actor.id, { name: input.name, locale: input.locale, updatedAt: ctx.now });
}

/** Whether this is the person's current password (account deletion asks it again, in the privacy module). */
export async function isCurrentPassword(db: DbOrTx, userId: string, password: string): Promise<boolean> {
  return (await checkCurrent(db, userId, password)) !== null;
}

export type UserRow = { id: string; name: string; email: string | null; roles: string[]; createdAt: Date; lastActiveAt: Date | null };

/** Admin: accounts, newest first. */
export async function listUsers(ctx: ServiceCtx, opts: { page: number; perPage?: number }): Promise<{ rows: UserRow[]; total: number }> {
  if (!canAccount(ctx.actor, 'users.list')) throw new NotFoundError();
  const perPage = opts.perPage ?? 50;
  return repo.listLiveUsers(ctx.db, perPage, (opts.page - 1) * perPage);
}

/**
 * Admin: sets a person's platform roles. Their sessions end (SECURITY.md 2: the id is replaced
 * on any role change); when admins change their own roles, `ownSession` tells the route to sign
 * them in afresh. Outcomes: ok, not_found.
 */
export async function setRoles(ctx: ServiceCtx, input: { userId: string; roles: PlatformRole[]; coordinatorRegions?: string[] }): Promise<{ ok: true; newToken?: string } | { ok: false; reason: 'not_found' }> {
  if (!canAccount(ctx.actor, 'users.setRoles')) {
    await audit(ctx.db, ctx.now, { actorId: ctx.actor?.id ?? null, action: 'users.set_roles', objectType: 'user', objectId: input.userId, outcome: 'denied', ip: ctx.ip });
    throw new NotFoundError();
  }
  if (!isUuid(input.userId)) return { ok: false, reason: 'not_found' };
  const roles = [...new Set(input.roles)].filter((r) => (PLATFORM_ROLES as readonly string[]).includes(r)).sort() as PlatformRole[];
  return ctx.db.transaction(async (tx) => {
    if (!(await repo.setRolesOf(tx, input.userId, roles, input.coordinatorRegions ?? [], ctx.now))) return { ok: false as const, reason: 'not_found' as const };
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

// ---------- for the privacy module (erasure and retention reach accounts only through here) ----------

/** Whether an account row exists (deleted ones too: erasing again is harmless). */
export async function accountExists(db: DbOrTx, userId: string): Promise<boolean> {
  return !!(await repo.userById(db, userId));
}

/** Of these ids, the accounts whose row holds identity again (after a backup was restored). */
export const stillIdentified = repo.stillIdentified;
export type { InactiveAccount } from './accounts.repository.ts';
/** Live, non-demo accounts whose deletion date (last activity + `months`) falls before `until`. */
export const inactiveAccounts = repo.inactiveUntil;
/** Invitations and other one-time tokens expired before `before`: deleted. Returns how many. */
export const purgeExpiredTokens = repo.deleteExpiredTokens;

// ---------- one-time tokens for other modules (organisations' invitations) ----------

export type OneTimeToken = Awaited<ReturnType<typeof repo.findOneTimeToken>>;
/** Stores a one-time token (its sha256 only) of a kind another module defines. */
export const storeOneTimeToken = repo.insertOneTimeToken;
/** A one-time token by its hash and kind, used or not, expired or not (the caller tells which it is). */
export const findOneTimeToken = repo.findOneTimeToken;
/** Marks a token used if it is unused and unexpired; only one of many concurrent callers gets the row back. */
export const useOneTimeToken = (db: DbOrTx, tokenHash: string, kind: string, now: Date) => repo.consumeOneTimeToken(db, kind, tokenHash, now);
