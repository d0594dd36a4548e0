/** Queries of the accounts module: users, one-time tokens, sign-in failures, API tokens, and the account's personal data. */
import { and, asc, count, desc, eq, gt, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { users, sessions, oneTimeTokens, apiTokens, signInFailures } from '../../db/schema/accounts.ts';
import { rows, type DbOrTx } from '../../platform/db.ts';
import { recentActs } from '../../platform/security.ts';
import { sha256 } from '../../platform/session.ts';

export type UserRecord = typeof users.$inferSelect;

// ---------- users ----------

export async function insertUser(db: DbOrTx, v: typeof users.$inferInsert): Promise<void> {
  await db.insert(users).values(v);
}

/** The live account with this (already normalised) address. */
export async function userByEmail(db: DbOrTx, email: string): Promise<UserRecord | undefined> {
  const [u] = await db.select().from(users).where(and(eq(users.email, email), isNull(users.deletedAt))).limit(1);
  return u;
}

/** An account by id; `live` leaves out deleted ones. */
export async function userById(db: DbOrTx, id: string, opts: { live?: boolean } = {}): Promise<UserRecord | undefined> {
  const [u] = await db
    .select()
    .from(users)
    .where(opts.live ? and(eq(users.id, id), isNull(users.deletedAt)) : eq(users.id, id))
    .limit(1);
  return u;
}

export async function updateUser(db: DbOrTx, id: string, set: PgUpdateSetSource<typeof users>): Promise<void> {
  await db.update(users).set(set).where(eq(users.id, id));
}

/** Takes a second-factor time step if it is later than the last one accepted (a code works once, also under a race). */
export async function acceptTotpStep(db: DbOrTx, id: string, step: number): Promise<boolean> {
  const r = await db
    .update(users)
    .set({ lastTotpStep: step })
    .where(and(eq(users.id, id), or(isNull(users.lastTotpStep), lt(users.lastTotpStep, step))))
    .returning({ id: users.id });
  return r.length === 1;
}

/** Uses up a recovery code (by its hash); false when the account does not hold it. */
export async function useRecoveryCode(db: DbOrTx, id: string, hash: string): Promise<boolean> {
  const r = await db
    .update(users)
    .set({ recoveryCodes: sql`${users.recoveryCodes} - ${hash}::text` })
    .where(and(eq(users.id, id), sql`${users.recoveryCodes} ? ${hash}::text`))
    .returning({ id: users.id });
  return r.length === 1;
}

export async function recoveryCodesLeft(db: DbOrTx, userId: string): Promise<number> {
  const [r] = await db.select({ n: sql<number>`jsonb_array_length(${users.recoveryCodes})::int` }).from(users).where(eq(users.id, userId));
  return Number(r?.n ?? 0);
}

/** Sets a live account's platform roles; false when there is no such account. */
export async function setRolesOf(db: DbOrTx, id: string, roles: string[], coordinatorRegions: string[], now: Date): Promise<boolean> {
  const r = await db
    .update(users)
    .set({ roles, coordinatorRegions, updatedAt: now })
    .where(and(eq(users.id, id), isNull(users.deletedAt)))
    .returning({ id: users.id });
  return r.length > 0;
}

/** Live accounts, by name, one page. */
export async function listLiveUsers(db: DbOrTx, limit: number, offset: number) {
  const where = isNull(users.deletedAt);
  const [list, [total]] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, email: users.email, roles: users.roles, createdAt: users.createdAt, lastActiveAt: users.lastActiveAt })
      .from(users)
      .where(where)
      .orderBy(asc(users.name), asc(users.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { rows: list, total: Number(total?.n ?? 0) };
}

// ---------- one-time tokens ----------

export async function insertOneTimeToken(db: DbOrTx, v: typeof oneTimeTokens.$inferInsert): Promise<void> {
  await db.insert(oneTimeTokens).values(v);
}

const usableToken = (tokenHash: string, kind: string, now: Date) =>
  and(eq(oneTimeTokens.tokenHash, tokenHash), eq(oneTimeTokens.kind, kind), isNull(oneTimeTokens.usedAt), gt(oneTimeTokens.expiresAt, now));

/** A token by hash and kind, whatever its state. */
export async function findOneTimeToken(db: DbOrTx, tokenHash: string, kind: string) {
  const [r] = await db.select().from(oneTimeTokens).where(and(eq(oneTimeTokens.tokenHash, tokenHash), eq(oneTimeTokens.kind, kind))).limit(1);
  return r;
}

/** Marks a token used, atomically: only one caller ever gets the row back. */
export async function consumeOneTimeToken(db: DbOrTx, kind: string, tokenHash: string, now: Date) {
  const [row] = await db.update(oneTimeTokens).set({ usedAt: now }).where(usableToken(tokenHash, kind, now)).returning();
  return row;
}

export async function isOneTimeTokenUsable(db: DbOrTx, kind: string, tokenHash: string, now: Date): Promise<boolean> {
  const [row] = await db.select({ k: oneTimeTokens.kind }).from(oneTimeTokens).where(usableToken(tokenHash, kind, now)).limit(1);
  return !!row;
}

/** The account a usable token of this kind belongs to, with its roles (without using the token). */
export async function accountOfUsableToken(db: DbOrTx, kind: string, tokenHash: string, now: Date): Promise<{ userId: string | null; roles: string[] } | undefined> {
  const [r] = await db
    .select({ userId: oneTimeTokens.userId, roles: users.roles })
    .from(oneTimeTokens)
    .innerJoin(users, eq(users.id, oneTimeTokens.userId))
    .where(usableToken(tokenHash, kind, now))
    .limit(1);
  return r;
}

// ---------- sign-in failures ----------

export async function failuresSince(db: DbOrTx, by: { emailKey: string } | { ip: string }, since: Date): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(signInFailures)
    .where(and('emailKey' in by ? eq(signInFailures.emailKey, by.emailKey) : eq(signInFailures.ip, by.ip), gt(signInFailures.at, since)));
  return Number(r?.n ?? 0);
}

export async function insertFailure(db: DbOrTx, v: typeof signInFailures.$inferInsert): Promise<void> {
  await db.insert(signInFailures).values(v);
}

export async function clearFailures(db: DbOrTx, emailKey: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.emailKey, emailKey));
}

// ---------- API tokens ----------

/** The API tokens a person created since `since` (the per-person limit; revoked ones count too). */
export const recentApiTokensOf = (db: DbOrTx, userId: string, since: Date) => recentActs(db, apiTokens, apiTokens.userId, apiTokens.createdAt, userId, since);

export async function insertApiToken(db: DbOrTx, v: typeof apiTokens.$inferInsert): Promise<void> {
  await db.insert(apiTokens).values(v);
}

export async function liveApiTokensOf(db: DbOrTx, userId: string) {
  return db
    .select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
}

/** Revokes one of the person's own live tokens; false for anyone else's or an unknown one. */
export async function revokeApiTokenOf(db: DbOrTx, id: string, userId: string, now: Date): Promise<boolean> {
  const r = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return r.length > 0;
}

/** The live token with this hash and its live account. */
export async function tokenWithAccount(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select({ t: apiTokens, u: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), isNull(users.deletedAt)))
    .limit(1);
  return row;
}

export async function touchApiToken(db: DbOrTx, id: string, now: Date): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id));
}

// Personal data (privacy hooks: export and erasure, through the manifest)

/** How the account is named (its address and name), for the erasure's sweep. */
export async function accountIdentifiers(db: DbOrTx, userId: string): Promise<{ emails: (string | null)[]; names: string[] }> {
  const u = await userById(db, userId);
  return u ? { emails: [u.email], names: [u.name] } : { emails: [], names: [] };
}

/** The account and its API tokens, for "download my data". */
export async function exportAccount(db: DbOrTx, userId: string): Promise<Record<string, unknown>> {
  const [account] = await rows(
    db,
    sql`select id, email, name, locale, roles, coordinator_regions, email_verified_at, totp_enabled_at is not null as second_factor, created_at, updated_at, last_active_at from users where id = ${userId}`,
  );
  return {
    account,
    apiTokens: await rows(db, sql`select name, created_at, last_used_at, revoked_at from api_tokens where user_id = ${userId} order by created_at`),
  };
}

/**
 * The account's part of an erasure: sessions, API tokens, one-time tokens (its own, and invitations
 * sent by it or to its address) and sign-in failures deleted; then the identity blanked. The row
 * stays so that what others need (offers, scores) keeps its author, anonymised.
 */
export async function eraseAccountRows(db: DbOrTx, userId: string, now: Date): Promise<void> {
  const u = await userById(db, userId);
  if (!u) return;
  const email = u.email;
  await db.delete(sessions).where(eq(sessions.userId, userId));
  await db.delete(apiTokens).where(eq(apiTokens.userId, userId));
  await db
    .delete(oneTimeTokens)
    .where(
      or(
        eq(oneTimeTokens.userId, userId),
        sql`${oneTimeTokens.data}->>'invitedBy' = ${userId}`,
        ...(email ? [sql`lower(${oneTimeTokens.data}->>'email') = ${email.toLowerCase()}`] : []),
      ),
    );
  if (email) await db.delete(signInFailures).where(eq(signInFailures.emailKey, sha256(email.trim().toLowerCase())));
  await db
    .update(users)
    .set({
      email: null,
      emailVerifiedAt: null,
      name: '',
      passwordHash: null,
      totpSecret: null,
      totpEnabledAt: null,
      lastTotpStep: null,
      recoveryCodes: [],
      roles: [],
      coordinatorRegions: [],
      deletedAt: now,
      updatedAt: now,
    })
    .where(eq(users.id, userId));
}

/** Of these ids, the accounts whose row still holds identity (after a backup was restored): to erase again. */
export async function stillIdentified(db: DbOrTx, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const r = await db.select({ id: users.id }).from(users).where(and(inArray(users.id, ids), or(sql`${users.email} is not null`, sql`${users.name} <> ''`, isNull(users.deletedAt))));
  return r.map((x) => x.id);
}

export type InactiveAccount = { id: string; locale: string; email: string | null; basis: Date; deadline: Date };

/** Accounts (not demo, not deleted) whose deletion date falls before `until`: basis = last activity (or creation). */
export async function inactiveUntil(db: DbOrTx, months: number, until: Date): Promise<InactiveAccount[]> {
  const r = await rows<{ id: string; locale: string; email: string | null; basis: Date | string; deadline: Date | string }>(
    db,
    sql`select id, locale, email, coalesce(last_active_at, created_at) as basis,
          coalesce(last_active_at, created_at) + make_interval(months => ${months}::int) as deadline
        from users
        where deleted_at is null and not is_demo
          and coalesce(last_active_at, created_at) + make_interval(months => ${months}::int) <= ${until.toISOString()}::timestamptz
        order by id`,
  );
  return r.map((x) => ({ id: x.id, locale: x.locale, email: x.email, basis: new Date(x.basis), deadline: new Date(x.deadline) }));
}

/** Invitations and other one-time tokens expired before `before`: deleted. */
export async function deleteExpiredTokens(db: DbOrTx, before: Date): Promise<number> {
  const r = await db.delete(oneTimeTokens).where(lte(oneTimeTokens.expiresAt, before)).returning({ h: oneTimeTokens.tokenHash });
  return r.length;
}
