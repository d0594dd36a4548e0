/**
 * Retention (SECURITY.md 34, GDPR Art. 5(1)(e)): `runRetention` is run periodically by the server.
 * An account with no activity (sign-in or session use; creation when never used) for
 * `inactiveMonths` is warned by mail, in its language and whatever its notification preference,
 * 30 and 7 days before its deletion date, then erased (privacy.erase.ts). Each warning is sent
 * once (a row per stage, claimed before the mail is queued); coming back voids the warnings. It is
 * never deleted less than 7 days after its last warning, even when the job did not run for a while.
 * Demo accounts are left alone. It also purges expired exports, one-time tokens (invitations among
 * them) expired for more than TOKEN_GRACE_DAYS, and the CVs of offers on calls closed for more than
 * `cvMonths` months (deadline passed and the call no longer open). Accounts are reached through
 * accounts.service; what other modules keep past its period goes through their manifests'
 * `personalData.expire` hooks (the CVs: the files module).
 *
 * Outcomes: counts of warnings sent, accounts deleted and things purged.
 */
import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../platform/db.ts';
import { i18n, isLocale, type Locale } from '../../platform/i18n.ts';
import { mailLink } from '../../platform/outbox.ts';
import { eraseAccount, removeFiles } from './privacy.erase.ts';
import { inactiveAccounts, purgeExpiredTokens } from '../accounts/accounts.service.ts';
import { holders } from './privacy.hooks.ts';
import * as repo from './privacy.repository.ts';
import { join } from 'node:path';
import { dateFormat } from '../../platform/html/format.ts';

export const WARNING_DAYS = [30, 7] as const;
/** Expired invitation and other one-time links stay this long (the link then says "expired" rather than "invalid"), then go. */
export const TOKEN_GRACE_DAYS = 30;
export const DEFAULT_INACTIVE_MONTHS = 24;
export const DEFAULT_CV_MONTHS = 12;

export type RetentionOptions = { dataDir: string; inactiveMonths?: number; cvMonths?: number };
export type RetentionResult = { warned: number; deleted: number; exports: number; tokens: number; cvs: number };

const DAY = 86400_000;

function dateText(locale: Locale, d: Date): string {
  return dateFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

export async function runRetention(db: DbOrTx, now: Date, opts: RetentionOptions): Promise<RetentionResult> {
  const months = opts.inactiveMonths ?? DEFAULT_INACTIVE_MONTHS;
  const out: RetentionResult = { warned: 0, deleted: 0, exports: 0, tokens: 0, cvs: 0 };
  await repo.dropVoidWarnings(db);
  for (const u of await inactiveAccounts(db, months, new Date(now.getTime() + WARNING_DAYS[0] * DAY))) {
    const warnings = (await repo.warningsOf(db, u.id)).filter((w) => w.basisAt.getTime() === u.basis.getTime());
    const last = warnings.find((w) => w.stage === WARNING_DAYS[1]);
    const daysLeft = (u.deadline.getTime() - now.getTime()) / DAY;
    if (last) {
      // Deleted on the date, but never sooner than 7 days after the last warning.
      const due = Math.max(u.deadline.getTime(), last.sentAt.getTime() + WARNING_DAYS[1] * DAY);
      if (now.getTime() >= due && (await eraseAccount(db, u.id, now, { dataDir: opts.dataDir, reason: 'retention' }))) out.deleted++;
      continue;
    }
    const stage = daysLeft <= WARNING_DAYS[1] ? WARNING_DAYS[1] : WARNING_DAYS[0];
    if (warnings.some((w) => w.stage === stage)) continue;
    const deletionAt = new Date(Math.max(u.deadline.getTime(), now.getTime() + stage * DAY));
    const sent = await db.transaction(async (tx) => {
      if (!(await repo.claimWarning(tx, { userId: u.id, stage, basisAt: u.basis, sentAt: now }))) return false;
      if (!u.email) return true;
      const locale: Locale = isLocale(u.locale) ? u.locale : 'en';
      const t = i18n().translator(locale);
      const date = dateText(locale, deletionAt);
      await repo.insertOutbox(tx, {
        id: randomUUID(),
        userId: u.id,
        kind: 'retention_warning',
        subject: t('privacy.retention.subject', { date }),
        body: t('privacy.retention.body', { date, link: mailLink(`/${locale}/sign-in`) }),
        createdAt: now,
        dueAt: now,
        isDigest: false,
      });
      return true;
    });
    if (sent) out.warned++;
  }
  const exportsGone = await repo.deleteExpiredExports(db, now);
  removeFiles(opts.dataDir, exportsGone.map((s) => join('exports', s)));
  out.exports = exportsGone.length;
  out.tokens = await purgeExpiredTokens(db, new Date(now.getTime() - TOKEN_GRACE_DAYS * DAY));
  for (const m of holders()) {
    const r = await m.data.expire?.(db, now, { cvMonths: opts.cvMonths ?? DEFAULT_CV_MONTHS });
    const files = (r && r.files) || [];
    removeFiles(opts.dataDir, files.map((s) => join('files', s)));
    out.cvs += files.length;
  }
  return out;
}
