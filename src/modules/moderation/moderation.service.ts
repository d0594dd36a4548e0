/**
 * Moderation (SECURITY.md 28): a member reports an organisation profile, a person's profile, a
 * published good practice or a post in a network discussion; once three different members have
 * reported it (a member reporting twice counts once; accounts younger than a week that act for no
 * verified organisation count together as one at most, so three new accounts alone cannot hide
 * anything) it is hidden from everyone but its owners and the moderators, and the
 * moderators (platform admins) are told by mail. A moderator keeps it hidden or puts it back;
 * after putting it back, three new reports are needed to hide it again.
 */
import type { ServiceCtx } from '../../platform/http.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { notify, mailLink } from '../../platform/outbox.ts';
import { isUuid } from '../../platform/ids.ts';
import type { FoldedForm } from '../../platform/html/folded-form.ts';
import * as repo from './moderation.repository.ts';
import { HIDE_AFTER_REPORTS, NEWCOMER_DAYS, reportWeight, REPORT_REASONS, canModerate, canReport, canSeeHidden, isReportReason, isReportableType, type ReportableType, type ReportReason } from './moderation.policy.ts';

/**
 * For other modules' list queries (organisations, people, good practices): a condition keeping
 * hidden objects out, `idColumn` being the list's id column (e.g. sql`o.id`).
 */
export { notHidden } from './moderation.repository.ts';

/** The message key of each report reason. */
export const REASON_KEYS: Record<ReportReason, string> = {
  spam: 'moderation.reason.spam',
  offensive: 'moderation.reason.offensive',
  personal_data: 'moderation.reason.personalData',
  misleading: 'moderation.reason.misleading',
  other: 'moderation.reason.other',
};

export type ReportOutcome = { ok: true; hidden: boolean } | { ok: false; reason: 'already_reported' | 'own_content' | 'bad_reason' };

/**
 * Reports content. Outcomes: `ok` (with `hidden` when this report was the one that hid it),
 * `already_reported` (counted once), `own_content`, `bad_reason`. A missing object is a 404.
 */
export async function reportContent(ctx: ServiceCtx, input: { objectType: string; objectId: string; reason: string; note: string }): Promise<ReportOutcome> {
  const actor = ctx.actor;
  if (!actor || !isReportableType(input.objectType) || !isUuid(input.objectId)) throw new NotFoundError();
  const obj = await repo.objectOf(ctx.db, input.objectType, input.objectId);
  if (!obj) throw new NotFoundError();
  if (!canReport(actor, obj.ownerUserIds)) return { ok: false, reason: 'own_content' };
  if (!isReportReason(input.reason)) return { ok: false, reason: 'bad_reason' };
  const type = input.objectType;
  return ctx.db.transaction(async (tx): Promise<ReportOutcome> => {
    const added = await repo.insertReport(tx, { objectType: type, objectId: input.objectId, reporterId: actor.id, reason: input.reason, note: input.note.trim().slice(0, 1000), at: ctx.now });
    if (!added) return { ok: false, reason: 'already_reported' };
    await audit(tx, ctx.now, { actorId: actor.id, action: 'moderation.report', objectType: type, objectId: input.objectId, ip: ctx.ip });
    // Newcomers' reports weigh less (issue 18.11): it takes established members to hide content.
    const standing = await repo.reportersByStanding(tx, type, input.objectId, new Date(ctx.now.getTime() - NEWCOMER_DAYS * 86_400_000));
    if (reportWeight(standing) < HIDE_AFTER_REPORTS) return { ok: true, hidden: false };
    const hid = await repo.hide(tx, type, input.objectId, ctx.now);
    if (hid) {
      await audit(tx, ctx.now, { action: 'moderation.hide', objectType: type, objectId: input.objectId });
      await notify(tx, ctx.now, await repo.moderatorIds(tx), 'moderation_hidden', (t) => ({
        subject: t('moderation.mail.subject'),
        body: t('moderation.mail.body', { title: obj.title, n: HIDE_AFTER_REPORTS, link: mailLink('/admin/moderation') }),
      }));
    }
    return { ok: true, hidden: hid };
  });
}

/**
 * Whether the actor may see the object (its owners and moderators always; others only when it is
 * not hidden), and whether it is hidden (to mark it for those who still see it).
 */
export async function visibility(ctx: ServiceCtx, type: ReportableType, id: string, ownerUserIds: readonly string[]): Promise<{ visible: boolean; hidden: boolean }> {
  const hidden = await repo.isHidden(ctx.db, type, id);
  return { visible: !hidden || canSeeHidden(ctx.actor, ownerUserIds), hidden };
}

/** The moderators' queue: hidden content waiting for a decision first. Moderators only (404 otherwise). */
export async function moderationQueue(ctx: ServiceCtx) {
  if (!canModerate(ctx.actor)) throw new NotFoundError();
  const items = await repo.queue(ctx.db);
  const titles = await Promise.all(items.map((i) => (isReportableType(i.objectType) ? repo.objectOf(ctx.db, i.objectType, i.objectId) : null)));
  return items.map((i, k) => ({ ...i, title: titles[k]?.title ?? '' }));
}

/** A moderator keeps hidden content hidden (`confirm`) or puts it back (`restore`). Outcomes: ok, not_hidden. */
export async function decideOnContent(ctx: ServiceCtx, input: { objectType: string; objectId: string; decision: string }): Promise<{ ok: true } | { ok: false; reason: 'not_hidden' }> {
  if (!canModerate(ctx.actor) || !isReportableType(input.objectType) || !isUuid(input.objectId)) throw new NotFoundError();
  if (input.decision !== 'confirm' && input.decision !== 'restore') throw new NotFoundError();
  const decision = input.decision === 'confirm' ? 'confirmed' : 'restored';
  return ctx.db.transaction(async (tx) => {
    if (!(await repo.decide(tx, input.objectType, input.objectId, decision, ctx.actor!.id, ctx.now))) return { ok: false as const, reason: 'not_hidden' as const };
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: `moderation.${decision}`, objectType: input.objectType, objectId: input.objectId, ip: ctx.ip });
    return { ok: true as const };
  });
}

/**
 * What a page about an object needs: whether the actor may see it (404 otherwise), whether it is
 * hidden (marked for its owners and moderators), and whether the actor may report it.
 */
export async function moderationOf(ctx: ServiceCtx, type: ReportableType, id: string): Promise<{ visible: boolean; hidden: boolean; canReport: boolean }> {
  const obj = await repo.objectOf(ctx.db, type, id);
  if (!obj) return { visible: true, hidden: false, canReport: false };
  const hidden = await repo.isHidden(ctx.db, type, id);
  return { visible: !hidden || canSeeHidden(ctx.actor, obj.ownerUserIds), hidden, canReport: !hidden && canReport(ctx.actor, obj.ownerUserIds) };
}

/**
 * "Report this" on a page about an object, as data the page's own view renders with
 * `foldedForm` (platform/html/folded-form.ts): for signed-in members on content they do not own
 * (`canReport`, from `moderationOf`); `hidden` marks content its owner still sees. Nothing for
 * visitors and owners of visible content.
 */
export function reportPanel(type: ReportableType, id: string, m: { hidden: boolean; canReport: boolean }): FoldedForm {
  return {
    notice: m.hidden ? 'moderation.hiddenNotice' : undefined,
    form: m.canReport
      ? {
          id: 'report',
          summary: 'moderation.report.summary',
          hint: 'moderation.report.hint',
          submit: 'moderation.report.submit',
          action: '/reports',
          hidden: { objectType: type, objectId: id },
          choice: { name: 'reason', label: 'moderation.report.reason', options: REPORT_REASONS.map((r) => ({ value: r, label: REASON_KEYS[r] })) },
          note: { name: 'note', label: 'moderation.report.note', rows: 3, maxLength: 1000 },
        }
      : undefined,
  };
}
