/** Queries on the notification preferences and on a person's pending digest items. The only place they are built. */
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db.ts';
import { notificationOutbox, notificationPreferences } from '../../db/schema/mail.ts';
import type { MailCategory, MailMode } from '../../platform/mail-categories.ts';

export type PreferenceRow = typeof notificationPreferences.$inferSelect;

export async function preferencesOf(db: DbOrTx, userId: string): Promise<PreferenceRow | undefined> {
  const [r] = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  return r;
}

export async function upsertPreferences(db: DbOrTx, userId: string, values: Partial<Record<MailCategory, MailMode>> & { timeZone?: string }, at: Date): Promise<void> {
  await db
    .insert(notificationPreferences)
    .values({ userId, ...values, updatedAt: at })
    .onConflictDoUpdate({ target: notificationPreferences.userId, set: { ...values, updatedAt: at } });
}

const pendingDigest = (userId: string, category: MailCategory) =>
  and(eq(notificationOutbox.userId, userId), eq(notificationOutbox.category, category), eq(notificationOutbox.isDigest, true), isNull(notificationOutbox.sentAt), eq(notificationOutbox.attempts, 0));

/** A category switched to "off": its unsent digest items are dropped. */
export async function dropPendingDigest(db: DbOrTx, userId: string, category: MailCategory): Promise<void> {
  await db.delete(notificationOutbox).where(pendingDigest(userId, category));
}

/** A category switched to another mode or zone: its unsent digest items go at `dueAt` (still as one digest, never as a second copy). */
export async function reschedulePendingDigest(db: DbOrTx, userId: string, category: MailCategory, dueAt: Date, digestMode: 'daily' | 'weekly'): Promise<void> {
  await db.update(notificationOutbox).set({ dueAt, digestMode }).where(pendingDigest(userId, category));
}
