/**
 * The second factor (SECURITY.md 8): time-based one-time codes (TOTP, RFC 6238, 30-second steps,
 * six digits, SHA-1 as every authenticator app reads it) through the `otpauth` package, and ten
 * recovery codes stored only as sha256. Required for the broker, committee and admin roles; any
 * other person may turn it on. A password sign-in of such an account opens a pending session
 * that reaches nothing but the code (or set-up) page; the code replaces it with a full session.
 * Each code works once: the last accepted time step is kept and only a later one is taken.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { PlatformRole } from '../../db/schema/accounts.ts';
import type { DbOrTx } from '../../platform/db.ts';
import type { ServiceCtx } from '../../platform/http.ts';
import { audit } from '../../platform/audit.ts';
import { ValidationError } from '../../platform/errors.ts';
import { sha256, createSession, destroySession, destroyAllSessions } from '../../platform/session.ts';
import { verifyPassword } from './accounts.passwords.ts';
import * as repo from './accounts.repository.ts';

export const PERIOD_S = 30;
/** One step either side of now is accepted (clocks of phones drift). */
export const WINDOW = 1;
export const RECOVERY_CODES = 10;
const ISSUER = 'Peerlink';
const LOCK_WINDOW_MS = 15 * 60_000;
const MAX_FAILURES = 5;

/**
 * The second-factor secret of the demo's broker, committee and admin accounts (demo mode only,
 * published in the README with the demo password so that anyone trying the demo can sign in).
 */
export const DEMO_TOTP_SECRET = 'PEERLINKDEMOSECONDFACTORDEMOONLY';

const PRIVILEGED: readonly PlatformRole[] = ['broker', 'committee', 'admin'];

/** Whether these roles must sign in with a second factor. */
export function isSecondFactorRequired(roles: readonly string[]): boolean {
  return roles.some((r) => (PRIVILEGED as readonly string[]).includes(r));
}

function totp(secret: string, label = ''): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD_S, secret: Secret.fromBase32(secret) });
}

/** A new random secret (160 bits), base32. */
export function newSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://` address an authenticator app reads (what a QR code would carry). */
export function provisioningUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

/** The time step of an instant. */
export const stepAt = (now: Date) => Math.floor(now.getTime() / 1000 / PERIOD_S);

/** The code of a secret at an instant (tests, the demo helper script). */
export function codeAt(secret: string, now: Date): string {
  return totp(secret).generate({ timestamp: now.getTime() });
}

/** The time step a six-digit code belongs to, within the window around now; null when it fits none. */
export function matchingStep(secret: string, code: string, now: Date): number | null {
  const clean = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(clean)) return null;
  const delta = totp(secret).validate({ token: clean, timestamp: now.getTime(), window: WINDOW });
  return delta === null ? null : stepAt(now) + delta;
}

/** Ten recovery codes, shown once; only their hashes are kept. Format `xxxxx-xxxxx` (base32, 50 bits each). */
export function newRecoveryCodes(): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: RECOVERY_CODES }, () => {
    const bytes = randomBytes(10);
    const s = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
    return `${s.slice(0, 5)}-${s.slice(5, 10)}`;
  });
}
const normaliseRecovery = (code: string) => code.trim().toLowerCase().replace(/[^a-z0-9]/g, '');
export const hashRecoveryCode = (code: string) => sha256(normaliseRecovery(code));

export type SecondFactorOutcome = { ok: true; token: string } | { ok: false; reason: 'invalid' | 'locked' };

async function isLocked(db: DbOrTx, emailKey: string, now: Date): Promise<boolean> {
  return (await repo.failuresSince(db, { emailKey }, new Date(now.getTime() - LOCK_WINDOW_MS))) >= MAX_FAILURES;
}

/**
 * Completes a pending sign-in with a code from the authenticator app or a recovery code.
 * Outcomes: `ok` (the pending session is replaced by a full one: a new cookie), `invalid` (wrong,
 * reused or expired code; counted with the password failures of the account), `locked` (5
 * failures in 15 minutes, as for passwords).
 */
export async function completeSignIn(ctx: ServiceCtx, input: { userId: string; pendingIdHash: string; code: string }): Promise<SecondFactorOutcome> {
  const user = await repo.userById(ctx.db, input.userId, { live: true });
  if (!user?.email || !user.totpSecret || !user.totpEnabledAt) return { ok: false, reason: 'invalid' };
  const emailKey = sha256(user.email.trim().toLowerCase());
  if (await isLocked(ctx.db, emailKey, ctx.now)) {
    await audit(ctx.db, ctx.now, { actorId: user.id, action: 'auth.second_factor', outcome: 'denied', objectType: 'user', objectId: user.id, ip: ctx.ip });
    return { ok: false, reason: 'locked' };
  }
  const secret = user.totpSecret;
  const token = await ctx.db.transaction(async (tx) => {
    const step = matchingStep(secret, input.code, ctx.now);
    let accepted = false;
    let how = 'code';
    if (step !== null) {
      // Only a later step than the last one accepted: a code, once used, never works again (also under a race).
      accepted = await repo.acceptTotpStep(tx, user.id, step);
    } else if (normaliseRecovery(input.code).length === 10) {
      accepted = await repo.useRecoveryCode(tx, user.id, hashRecoveryCode(input.code));
      how = 'recovery_code';
    }
    if (!accepted) return null;
    await destroySession(tx, input.pendingIdHash);
    await repo.clearFailures(tx, emailKey);
    await audit(tx, ctx.now, { actorId: user.id, action: how === 'code' ? 'auth.second_factor' : 'auth.recovery_code', objectType: 'user', objectId: user.id, ip: ctx.ip });
    return createSession(tx, user.id, ctx.now);
  });
  if (!token) {
    await repo.insertFailure(ctx.db, { id: randomUUID(), emailKey, ip: ctx.ip ?? 'unknown', at: ctx.now });
    await audit(ctx.db, ctx.now, { actorId: user.id, action: 'auth.second_factor', outcome: 'failed', objectType: 'user', objectId: user.id, ip: ctx.ip });
    return { ok: false, reason: 'invalid' };
  }
  return { ok: true, token };
}

export type EnrolOutcome = { recoveryCodes: string[]; token: string };

/**
 * Turns the second factor on with a secret the person's app now holds, proven by a code from it.
 * At a pending sign-in (`pendingIdHash`) the password was just given; from the account page the
 * current password is asked (`current`). The session is replaced (a new cookie) either way, and
 * the person's other sessions end. Outcome: the ten recovery codes to show once and the new session;
 * a wrong code or password is a ValidationError (`code`, `current`).
 */
export async function enrol(
  ctx: ServiceCtx,
  input: { userId: string; secret: string; code: string; sessionIdHash: string; current?: string; atSignIn: boolean },
): Promise<EnrolOutcome> {
  const user = await repo.userById(ctx.db, input.userId, { live: true });
  if (!user) throw new ValidationError({ code: 'accounts.twoFactor.codeWrong' });
  if (!input.atSignIn && !(await verifyPassword(user.passwordHash, input.current ?? ''))) throw new ValidationError({ current: 'accounts.password.currentWrong' });
  if (!/^[A-Z2-7]{32}$/.test(input.secret)) throw new ValidationError({ code: 'accounts.twoFactor.codeWrong' });
  const step = matchingStep(input.secret, input.code, ctx.now);
  if (step === null) throw new ValidationError({ code: 'accounts.twoFactor.codeWrong' });
  const codes = newRecoveryCodes();
  const token = await ctx.db.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, { totpSecret: input.secret, totpEnabledAt: ctx.now, lastTotpStep: step, recoveryCodes: codes.map(hashRecoveryCode), updatedAt: ctx.now });
    await destroyAllSessions(tx, user.id);
    await audit(tx, ctx.now, { actorId: user.id, action: 'account.second_factor_on', objectType: 'user', objectId: user.id, ip: ctx.ip });
    return createSession(tx, user.id, ctx.now);
  });
  return { recoveryCodes: codes, token };
}

/** New recovery codes (the old ones stop working); asks the current password. */
export async function renewRecoveryCodes(ctx: ServiceCtx, input: { current: string }): Promise<{ recoveryCodes: string[] }> {
  const actor = ctx.actor!;
  const user = await repo.userById(ctx.db, actor.id);
  if (!user?.totpEnabledAt) throw new ValidationError({ current: 'accounts.twoFactor.notOn' });
  if (!(await verifyPassword(user.passwordHash, input.current))) throw new ValidationError({ current: 'accounts.password.currentWrong' });
  const codes = newRecoveryCodes();
  await ctx.db.transaction(async (tx) => {
    await repo.updateUser(tx, actor.id, { recoveryCodes: codes.map(hashRecoveryCode), updatedAt: ctx.now });
    await audit(tx, ctx.now, { actorId: actor.id, action: 'account.recovery_codes', objectType: 'user', objectId: actor.id, ip: ctx.ip });
  });
  return { recoveryCodes: codes };
}

/** Turns the second factor off; asks the current password; refused while a role requires it. */
export async function turnOff(ctx: ServiceCtx, input: { current: string; sessionIdHash: string }): Promise<void> {
  const actor = ctx.actor!;
  if (isSecondFactorRequired(actor.roles)) throw new ValidationError({ current: 'accounts.twoFactor.required' });
  const user = await repo.userById(ctx.db, actor.id);
  if (!(await verifyPassword(user?.passwordHash, input.current))) throw new ValidationError({ current: 'accounts.password.currentWrong' });
  await ctx.db.transaction(async (tx) => {
    await repo.updateUser(tx, actor.id, { totpSecret: null, totpEnabledAt: null, lastTotpStep: null, recoveryCodes: [], updatedAt: ctx.now });
    await destroyAllSessions(tx, actor.id, input.sessionIdHash);
    await audit(tx, ctx.now, { actorId: actor.id, action: 'account.second_factor_off', objectType: 'user', objectId: actor.id, ip: ctx.ip });
  });
}

/** How many unused recovery codes a person has left. */
export async function recoveryCodesLeft(db: DbOrTx, userId: string): Promise<number> {
  return repo.recoveryCodesLeft(db, userId);
}
