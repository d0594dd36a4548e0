/**
 * Notifications: mail is written to the outbox in the same transaction as what caused it, in the
 * recipient's language and according to their preference (immediately, daily digest, off). A
 * worker (`drainOutbox`) claims due rows with FOR UPDATE SKIP LOCKED, sends them, and on failure
 * retries with exponential backoff; a row is only marked sent after the mail server took it.
 */
import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../platform/db.ts';
import type { ServiceCtx } from '../../platform/http.ts';
import type { Mailer } from '../../platform/mail.ts';
import { i18n, isLocale, type T } from '../../platform/i18n.ts';
import { UnauthorizedError } from '../../platform/errors.ts';
import { mustParse } from '../../platform/validation.ts';
import { z } from 'zod';
import * as repo from './notifications.repository.ts';

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

export type Message = { subject: string; body: string };

const BASE_MARK = '@@BASE@@';
/** A link in a message: the worker puts the site's address in front when it sends. */
export const mailLink = (path: string): string => `${BASE_MARK}${path}`;
const withBase = (text: string, baseUrl: string) => text.split(BASE_MARK).join(baseUrl.replace(/\/$/, ''));

/**
 * Queues one message per recipient, written in each recipient's language by `render`.
 * Recipients who chose "off" get nothing; "daily" ones get it in the next digest.
 */
export async function notify(db: DbOrTx, now: Date, userIds: readonly string[], kind: string, render: (t: T) => Message): Promise<number> {
  const ids = [...new Set(userIds)].filter(Boolean);
  if (!ids.length) return 0;
  const recipients = await repo.recipients(db, ids);
  let n = 0;
  for (const r of recipients) {
    const mode = (r.mode ?? 'immediate') as NotificationMode;
    if (mode === 'off' || !r.email) continue;
    const m = render(i18n().translator(isLocale(r.locale) ? r.locale : 'en'));
    const isDigest = mode === 'daily';
    await repo.insertMessage(db, { id: randomUUID(), userId: r.id, kind, subject: m.subject, body: m.body, createdAt: now, dueAt: isDigest ? nextDigestAt(now) : now, isDigest });
    n++;
  }
  return n;
}


/**
 * Sends what is due at `now`: each immediate message on its own, digest messages grouped per
 * person. Returns how many messages were sent and how many failed (to be retried).
 */
export async function drainOutbox(db: DbOrTx, mailer: Mailer, now: Date, opts: { baseUrl: string; limit?: number }): Promise<{ sent: number; failed: number }> {
  const limit = opts.limit ?? 50;
    const claimed = await repo.claimDue(db, now, new Date(now.getTime() + LEASE_MS), limit);
  const batches: repo.Claimed[][] = [];
  const digests = new Map<string, repo.Claimed[]>();
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
          subject: t('notifications.digest.subject', { count: batch.length }),
          text: withBase(batch.map((b) => `${b.subject}\n\n${b.body}`).join('\n\n----\n\n'), opts.baseUrl),
        });
      } else await mailer.send({ to: first.email, subject: first.subject, text: withBase(first.body, opts.baseUrl) });
      await repo.markSent(db, ids, now);
      sent += batch.length;
    } catch (e) {
      const retryAt = new Date(now.getTime() + backoffMs(first.attempts));
      await repo.markFailed(db, ids, retryAt, (e instanceof Error ? e.message : String(e)).slice(0, 500));
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

const preferenceInput = z.object({ mode: z.enum(NOTIFICATION_MODES, 'platform.form.choice') });

/** The signed-in person's notification preference. */
export async function getPreference(ctx: ServiceCtx): Promise<NotificationMode> {
  if (!ctx.actor) throw new UnauthorizedError();
  return ((await repo.preferenceOf(ctx.db, ctx.actor.id)) as NotificationMode | undefined) ?? 'immediate';
}

/** Sets the preference; messages already queued keep their schedule. */
export async function setPreference(ctx: ServiceCtx, raw: unknown): Promise<{ ok: true }> {
  if (!ctx.actor) throw new UnauthorizedError();
  const { mode } = mustParse(preferenceInput, raw);
  await repo.upsertPreference(ctx.db, ctx.actor.id, mode, ctx.now);
  return { ok: true };
}
