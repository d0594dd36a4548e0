/** Queries on the notification preferences. The only place they are built. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db.ts';
import { rows } from '../../platform/db.ts';
import { users } from '../../db/schema/accounts.ts';
import { notificationOutbox, notificationPreferences } from '../../db/schema/mail.ts';

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
