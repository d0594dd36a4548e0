/**
 * The mail outbox. Mail is written to `notification_outbox` in the same transaction as what caused
 * it, in the recipient's language and according to their preference for the kind's category
 * (platform/mail-categories.ts: immediately, daily or weekly digest, off). A worker (`drainOutbox`)
 * claims due rows with FOR UPDATE SKIP LOCKED, sends them through the one mail template
 * (platform/mail-template.ts), and on failure retries with exponential backoff; a row is only marked
 * sent after the mail server took it. Each queued item is either an immediate message or a digest
 * item, never both, and is sent once: no item reaches a person twice by two channels.
 * Platform, not a module: every module queues mail, in texts from its own catalogue.
 */
import { randomUUID } from 'node:crypto';
import { and, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from './db.ts';
import { rows } from './db.ts';
import type { Mailer, MailAttachment } from './mail.ts';
import { i18n, isLocale, type Locale, type T } from './i18n.ts';
import { users } from '../db/schema/accounts.ts';
import { notificationOutbox, notificationPreferences } from '../db/schema/mail.ts';
import { categoryOf, DEFAULT_MODES, isMailMode, modeForKind, type MailCategory, type MailMode } from './mail-categories.ts';
import { nextDigestAt } from './mail-schedule.ts';
import { composeDigest, composeMessage, type MailItem, type Message } from './mail-template.ts';

export { mailLink, type Message } from './mail-template.ts';
export { nextDigestAt } from './mail-schedule.ts';

/** How long a claimed row is reserved for the worker that claimed it (a crashed worker's rows come back after this). */
const LEASE_MS = 5 * 60_000;
const MAX_BACKOFF_MS = 6 * 60 * 60_000;

/** Delay before attempt `n + 1` after `n` failures: 1, 2, 4, 8… minutes, at most 6 hours. */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 60_000 * 2 ** Math.max(0, attempts - 1));
}

type PreferenceRow = Partial<Record<MailCategory, string | null>> & { timeZone?: string | null };

/** A person's mode for a category: their choice, else the default. */
export function modeFor(prefs: PreferenceRow | null | undefined, category: MailCategory): MailMode {
  const v = prefs?.[category];
  return isMailMode(v) ? v : DEFAULT_MODES[category];
}

const localeOf = (l: string): Locale => (isLocale(l) ? l : 'en');

/**
 * Queues one message per recipient, written in each recipient's language by `render`. The kind's
 * category decides, per recipient: "off" gets nothing, "daily"/"weekly" get it in the next digest at
 * their local digest hour, "immediate" now. Returns how many were queued.
 */
export async function notify(db: DbOrTx, now: Date, userIds: readonly string[], kind: string, render: (t: T, userId: string) => Message): Promise<number> {
  const ids = [...new Set(userIds)].filter(Boolean);
  if (!ids.length) return 0;
  const category = categoryOf(kind);
  const found = await recipients(db, ids);
  let n = 0;
  for (const r of found) {
    const mode: MailMode = category ? modeForKind(kind, modeFor(r, category)) : 'immediate';
    if (mode === 'off' || !r.email) continue;
    const m = render(i18n().translator(localeOf(r.locale)), r.id);
    const digest = mode === 'daily' || mode === 'weekly';
    await insertMessage(db, {
      id: randomUUID(),
      userId: r.id,
      kind,
      category: category ?? null,
      subject: m.subject,
      body: m.body,
      link: m.link ?? null,
      action: m.action ?? null,
      about: m.about ?? null,
      attachments: m.attachments?.length ? m.attachments : null,
      // A Reply-To is for an immediate message (a digest has none).
      replyTo: digest ? null : (m.replyTo ?? null),
      createdAt: now,
      dueAt: digest ? nextDigestAt(now, mode, r.timeZone ?? undefined) : now,
      isDigest: digest,
      digestMode: digest ? mode : null,
    });
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
  const m = render(i18n().translator(localeOf(r.locale)));
  await insertMessage(db, { id: randomUUID(), userId: r.id, kind, subject: m.subject, body: m.body, link: m.link ?? null, action: m.action ?? null, attachments: null, createdAt: now, dueAt: now, isDigest: false });
  return true;
}

/**
 * Sends what is due at `now`: each immediate message on its own, then the due digest items of a
 * few people, each person's in one mail. Returns how many items were sent and how many failed (to
 * be retried).
 */
export async function drainOutbox(db: DbOrTx, mailer: Mailer, now: Date, opts: { baseUrl: string; limit?: number }): Promise<{ sent: number; failed: number }> {
  const limit = opts.limit ?? 50;
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const batches: Claimed[][] = (await claimDue(db, now, leaseUntil, limit)).map((c) => [c]);
  const digests = new Map<string, Claimed[]>();
  for (const c of await claimDigests(db, now, leaseUntil, Math.max(1, Math.ceil(limit / 5)))) digests.set(c.user_id, [...(digests.get(c.user_id) ?? []), c]);
  batches.push(...digests.values());
  let sent = 0;
  let failed = 0;
  for (const batch of batches) {
    const first = batch[0]!;
    const ids = batch.map((b) => b.id);
    try {
      if (!first.email) throw new Error('no address');
      const who = { name: first.name, locale: localeOf(first.locale) };
      const items: MailItem[] = batch.map((b) => ({ kind: b.kind, subject: b.subject, body: b.body, link: b.link, action: b.action, about: b.about, createdAt: new Date(b.created_at) }));
      const mail = first.is_digest ? composeDigest(who, items, opts.baseUrl, batch.some((b) => b.digest_mode === 'weekly') ? 'weekly' : 'daily') : composeMessage(who, items[0]!, opts.baseUrl, (first.category as MailCategory | null) ?? undefined);
      const attachments = batch.flatMap((b) => b.attachments ?? []);
      await mailer.send({ to: first.email, subject: mail.subject, text: mail.text, html: mail.html, attachments: attachments.length ? attachments : undefined, ...(!first.is_digest && first.reply_to ? { replyTo: first.reply_to } : {}) });
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

type Recipient = { id: string; locale: string; email: string | null } & PreferenceRow;

/** The recipients among `ids` still present, with their language, address and preferences. */
async function recipients(db: DbOrTx, ids: string[]): Promise<Recipient[]> {
  const p = notificationPreferences;
  return db
    .select({ id: users.id, locale: users.locale, email: users.email, requests: p.requests, exchanges: p.exchanges, networks: p.networks, events: p.events, news: p.news, timeZone: p.timeZone })
    .from(users)
    .leftJoin(p, sql`${p.userId} = ${users.id}`)
    .where(and(inArray(users.id, ids), sql`${users.deletedAt} is null`));
}

async function insertMessage(db: DbOrTx, v: typeof notificationOutbox.$inferInsert): Promise<void> {
  await db.insert(notificationOutbox).values(v);
}

type Claimed = {
  id: string;
  user_id: string;
  kind: string;
  category: string | null;
  subject: string;
  body: string;
  link: string | null;
  action: string | null;
  about: string | null;
  created_at: string | Date;
  is_digest: boolean;
  digest_mode: string | null;
  attempts: number;
  email: string | null;
  name: string | null;
  locale: string;
  attachments: MailAttachment[] | null;
  reply_to: string | null;
};

const RETURNING = sql.raw(`o.id, o.user_id, o.kind, o.category, o.subject, o.body, o.link, o.action, o.about, o.created_at, o.is_digest, o.digest_mode, o.attempts, u.email, u.name, u.locale, o.attachments, o.reply_to`);

/**
 * Claims up to `limit` unsent immediate messages due at `now`: they are skipped by other workers
 * (FOR UPDATE SKIP LOCKED) and reserved until `leaseUntil`, so a crashed worker's share comes back.
 */
async function claimDue(db: DbOrTx, now: Date, leaseUntil: Date, limit: number): Promise<Claimed[]> {
  return rows<Claimed>(
    db,
    sql`with due as (
          select id from notification_outbox
          where sent_at is null and not is_digest and due_at <= ${now.toISOString()}::timestamptz
          order by due_at limit ${limit} for update skip locked
        )
        update notification_outbox o set due_at = ${leaseUntil.toISOString()}::timestamptz, attempts = o.attempts + 1
        from due, users u
        where o.id = due.id and u.id = o.user_id
        returning ${RETURNING}`,
  );
}

/**
 * Claims every due digest item of up to `people` persons. A person is claimed through their users
 * row (FOR UPDATE SKIP LOCKED), so two processes never split one person's digest in two; the items
 * are then reserved until `leaseUntil` like immediate ones.
 */
async function claimDigests(db: DbOrTx, now: Date, leaseUntil: Date, people: number): Promise<Claimed[]> {
  const at = now.toISOString();
  return rows<Claimed>(
    db,
    sql`with who as (
          select u.id from users u
          where u.id in (select x.user_id from notification_outbox x where x.sent_at is null and x.is_digest and x.due_at <= ${at}::timestamptz limit ${people * 50})
          limit ${people} for update of u skip locked
        ), due as (
          select o.id from notification_outbox o join who on who.id = o.user_id
          where o.sent_at is null and o.is_digest and o.due_at <= ${at}::timestamptz
          for update of o
        )
        update notification_outbox o set due_at = ${leaseUntil.toISOString()}::timestamptz, attempts = o.attempts + 1
        from due, users u
        where o.id = due.id and u.id = o.user_id
        returning ${RETURNING}`,
  );
}

async function markSent(db: DbOrTx, ids: string[], at: Date): Promise<void> {
  // An account message carries a credential (a reset link): once the mail server has it, the copy here is blanked.
  const isAccount = sql`${notificationOutbox.kind} like ${`${ACCOUNT_KIND_PREFIX}%`}`;
  await db
    .update(notificationOutbox)
    .set({ sentAt: at, lastError: null, body: sql`case when ${isAccount} then '' else ${notificationOutbox.body} end`, link: sql`case when ${isAccount} then null else ${notificationOutbox.link} end` })
    .where(inArray(notificationOutbox.id, ids));
}

async function markFailed(db: DbOrTx, ids: string[], retryAt: Date, error: string): Promise<void> {
  await db.update(notificationOutbox).set({ dueAt: retryAt, lastError: error }).where(inArray(notificationOutbox.id, ids));
}
