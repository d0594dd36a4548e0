/** Queries on the notification outbox and preferences. The only place they are built. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db.ts';
import { rows } from '../../platform/db.ts';
import { users } from '../../db/schema/accounts.ts';
import { notificationOutbox, notificationPreferences } from '../../db/schema/mail.ts';

/** The recipients among `ids` still present, with their language, address and preference. */
export async function recipients(db: DbOrTx, ids: string[]): Promise<{ id: string; locale: string; email: string | null; mode: string | null }[]> {
  return db
    .select({ id: users.id, locale: users.locale, email: users.email, mode: notificationPreferences.mode })
    .from(users)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(and(inArray(users.id, ids), sql`${users.deletedAt} is null`));
}

export async function insertMessage(db: DbOrTx, v: typeof notificationOutbox.$inferInsert): Promise<void> {
  await db.insert(notificationOutbox).values(v);
}

export type Claimed = { id: string; user_id: string; subject: string; body: string; is_digest: boolean; attempts: number; email: string | null; locale: string };

/**
 * Claims up to `limit` unsent messages due at `now`: they are skipped by other workers
 * (FOR UPDATE SKIP LOCKED) and reserved until `leaseUntil`, so a crashed worker's share comes back.
 */
export async function claimDue(db: DbOrTx, now: Date, leaseUntil: Date, limit: number): Promise<Claimed[]> {
  return rows<Claimed>(
    db,
    sql`with due as (
          select id from notification_outbox
          where sent_at is null and due_at <= ${now.toISOString()}::timestamptz
          order by due_at limit ${limit} for update skip locked
        )
        update notification_outbox o set due_at = ${leaseUntil.toISOString()}::timestamptz, attempts = o.attempts + 1
        from due, users u
        where o.id = due.id and u.id = o.user_id
        returning o.id, o.user_id, o.subject, o.body, o.is_digest, o.attempts, u.email, u.locale`,
  );
}

export async function markSent(db: DbOrTx, ids: string[], at: Date): Promise<void> {
  await db.update(notificationOutbox).set({ sentAt: at, lastError: null }).where(inArray(notificationOutbox.id, ids));
}

export async function markFailed(db: DbOrTx, ids: string[], retryAt: Date, error: string): Promise<void> {
  await db.update(notificationOutbox).set({ dueAt: retryAt, lastError: error }).where(inArray(notificationOutbox.id, ids));
}

export async function preferenceOf(db: DbOrTx, userId: string): Promise<string | undefined> {
  const [r] = await db.select({ mode: notificationPreferences.mode }).from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  return r?.mode;
}

export async function upsertPreference(db: DbOrTx, userId: string, mode: string, at: Date): Promise<void> {
  await db
    .insert(notificationPreferences)
    .values({ userId, mode, updatedAt: at })
    .onConflictDoUpdate({ target: notificationPreferences.userId, set: { mode, updatedAt: at } });
}
