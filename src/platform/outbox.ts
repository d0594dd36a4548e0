/**
 * The mail outbox. Mail is written to `notification_outbox` in the same transaction as what caused
 * it, in the recipient's language and according to their preference (immediately, daily digest,
 * off). A worker (`drainOutbox`) claims due rows with FOR UPDATE SKIP LOCKED, sends them, and on
 * failure retries with exponential backoff; a row is only marked sent after the mail server took
 * it. Platform, not a module: every module queues mail, in texts from its own catalogue.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from './db.ts';
import { rows } from './db.ts';
import type { Mailer, MailAttachment } from './mail.ts';
import { i18n, isLocale, type T } from './i18n.ts';
import { users } from '../db/schema/accounts.ts';
import { notificationOutbox, notificationPreferences } from '../db/schema/mail.ts';

export const NOTIFICATION_MODES = ['immediate', 'daily', 'off'] as const;
export type NotificationMode = (typeof NOTIFICATION_MODES)[number];

/** Hour (UTC) at which daily digests are sent. */
export const DIGEST_HOUR_UTC = 7;
/** How long a claimed row is reserved for the worker that claimed it (a crashed worker's rows come back after this). */
const LEASE_MS = 5 * 60_000;
const MAX_BACKOFF_MS = 6 * 60 * 60_000;

/** Delay before attempt `n + 1` after `n` failures: 1, 2, 4, 8… minutes, at most 6 hours. */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 60_000 * 2 ** Math.max(0, attempts - 1));
}

/** The next digest time after `now`. */
export function nextDigestAt(now: Date): Date {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), DIGEST_HOUR_UTC));
  if (d <= now) d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

export type Message = { subject: string; body: string; attachments?: MailAttachment[]; /** The Reply-To of an immediate message (digests have none). */ replyTo?: string };

const BASE_MARK = '@@BASE@@';
/** A link in a message: the worker puts the site's address in front when it sends. */
export const mailLink = (path: string): string => `${BASE_MARK}${path}`;
const withBase = (text: string, baseUrl: string) => text.split(BASE_MARK).join(baseUrl.replace(/\/$/, ''));

/**
 * Queues one message per recipient, written in each recipient's language by `render`.
 * Recipients who chose "off" get nothing; "daily" ones get it in the next digest.
 */
export async function notify(db: DbOrTx, now: Date, userIds: readonly string[], kind: string, render: (t: T, userId: string) => Message): Promise<number> {
  const ids = [...new Set(userIds)].filter(Boolean);
  if (!ids.length) return 0;
  const found = await recipients(db, ids);
  let n = 0;
  for (const r of found) {
    const mode = (r.mode ?? 'immediate') as NotificationMode;
    if (mode === 'off' || !r.email) continue;
    const m = render(i18n().translator(isLocale(r.locale) ? r.locale : 'en'), r.id);
    const isDigest = mode === 'daily';
    await insertMessage(db, { id: randomUUID(), userId: r.id, kind, subject: m.subject, body: m.body, attachments: m.attachments?.length ? m.attachments : null, replyTo: m.replyTo ?? null, createdAt: now, dueAt: isDigest ? nextDigestAt(now) : now, isDigest });
    n++;
  }
  return n;
}

/** The kinds of account messages: their body (a link that is a credential) is blanked once sent. */
export const ACCOUNT_KIND_PREFIX = 'accounts.';

/**
 * Queues one account message (a password reset…) for `userId` now, whatever their preference: the
 * person asked for it. Sent by the worker or the after-commit drain, never inside the request, so a
 * slow mail server does not show in the answer's timing (SECURITY.md 6). Returns false when the
 * account is gone or has no address. Its body is blanked once sent (the link in it is a credential).
 */
export async function queueAccountMail(db: DbOrTx, now: Date, userId: string, kind: `${typeof ACCOUNT_KIND_PREFIX}${string}`, render: (t: T) => Message): Promise<boolean> {
  const [r] = await recipients(db, [userId]);
  if (!r?.email) return false;
  const m = render(i18n().translator(isLocale(r.locale) ? r.locale : 'en'));
  await insertMessage(db, { id: randomUUID(), userId: r.id, kind, subject: m.subject, body: m.body, attachments: null, createdAt: now, dueAt: now, isDigest: false });
  return true;
}

/**
 * Sends what is due at `now`: each immediate message on its own, digest messages grouped per
 * person. Returns how many messages were sent and how many failed (to be retried).
 */
export async function drainOutbox(db: DbOrTx, mailer: Mailer, now: Date, opts: { baseUrl: string; limit?: number }): Promise<{ sent: number; failed: number }> {
  const limit = opts.limit ?? 50;
  const claimed = await claimDue(db, now, new Date(now.getTime() + LEASE_MS), limit);
  const batches: Claimed[][] = [];
  const digests = new Map<string, Claimed[]>();
  for (const c of claimed) {
    if (!c.is_digest) batches.push([c]);
    else digests.set(c.user_id, [...(digests.get(c.user_id) ?? []), c]);
  }
  batches.push(...digests.values());
  let sent = 0;
  let failed = 0;
  for (const batch of batches) {
    const first = batch[0]!;
    const ids = batch.map((b) => b.id);
    try {
      if (!first.email) throw new Error('no address');
      if (first.is_digest) {
        const t = i18n().translator(isLocale(first.locale) ? first.locale : 'en');
        await mailer.send({
          to: first.email,
          subject: t('platform.mail.digestSubject', { count: batch.length }),
          text: withBase(batch.map((b) => `${b.subject}\n\n${b.body}`).join('\n\n----\n\n'), opts.baseUrl),
          attachments: batch.flatMap((b) => b.attachments ?? []),
        });
      } else await mailer.send({ to: first.email, subject: first.subject, text: withBase(first.body, opts.baseUrl), attachments: first.attachments ?? undefined, ...(first.reply_to ? { replyTo: first.reply_to } : {}) });
      await markSent(db, ids, now);
      sent += batch.length;
    } catch (e) {
      const retryAt = new Date(now.getTime() + backoffMs(first.attempts));
      await markFailed(db, ids, retryAt, (e instanceof Error ? e.message : String(e)).slice(0, 500));
      failed += batch.length;
    }
  }
  return { sent, failed };
}

/** Runs `drainOutbox` every `intervalMs` until stopped (the server starts it; several processes may run it at once). */
export function startOutboxWorker(opts: { db: DbOrTx; mailer: Mailer; now: () => Date; baseUrl: string; intervalMs?: number; onError?: (e: unknown) => void }): { stop(): void } {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await drainOutbox(opts.db, opts.mailer, opts.now(), { baseUrl: opts.baseUrl });
    } catch (e) {
      opts.onError?.(e);
    } finally {
      running = false;
    }
  }, opts.intervalMs ?? 10_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

// ---------------------------------------------------------------------------------------------
// Queries (the only place the outbox's are built)

/** The recipients among `ids` still present, with their language, address and preference. */
async function recipients(db: DbOrTx, ids: string[]): Promise<{ id: string; locale: string; email: string | null; mode: string | null }[]> {
  return db
    .select({ id: users.id, locale: users.locale, email: users.email, mode: notificationPreferences.mode })
    .from(users)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(and(inArray(users.id, ids), sql`${users.deletedAt} is null`));
}

async function insertMessage(db: DbOrTx, v: typeof notificationOutbox.$inferInsert): Promise<void> {
  await db.insert(notificationOutbox).values(v);
}

type Claimed = { id: string; user_id: string; subject: string; body: string; is_digest: boolean; attempts: number; email: string | null; locale: string; attachments: MailAttachment[] | null; reply_to: string | null };

/**
 * Claims up to `limit` unsent messages due at `now`: they are skipped by other workers
 * (FOR UPDATE SKIP LOCKED) and reserved until `leaseUntil`, so a crashed worker's share comes back.
 */
async function claimDue(db: DbOrTx, now: Date, leaseUntil: Date, limit: number): Promise<Claimed[]> {
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
        returning o.id, o.user_id, o.subject, o.body, o.is_digest, o.attempts, u.email, u.locale, o.attachments, o.reply_to`,
  );
}

async function markSent(db: DbOrTx, ids: string[], at: Date): Promise<void> {
  // An account message carries a credential (a reset link): once the mail server has it, the copy here is blanked.
  await db
    .update(notificationOutbox)
    .set({ sentAt: at, lastError: null, body: sql`case when ${notificationOutbox.kind} like ${`${ACCOUNT_KIND_PREFIX}%`} then '' else ${notificationOutbox.body} end` })
    .where(inArray(notificationOutbox.id, ids));
}

async function markFailed(db: DbOrTx, ids: string[], retryAt: Date, error: string): Promise<void> {
  await db.update(notificationOutbox).set({ dueAt: retryAt, lastError: error }).where(inArray(notificationOutbox.id, ids));
}
