/** Who may report and who moderates. Pure. */
import type { CurrentUser } from '../../platform/http.ts';

export const REPORTABLE_TYPES = ['organisation', 'person', 'good_practice', 'discussion_post'] as const;
export type ReportableType = (typeof REPORTABLE_TYPES)[number];
export const isReportableType = (v: unknown): v is ReportableType => typeof v === 'string' && (REPORTABLE_TYPES as readonly string[]).includes(v);

export const REPORT_REASONS = ['spam', 'offensive', 'personal_data', 'misleading', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export const isReportReason = (v: unknown): v is ReportReason => typeof v === 'string' && (REPORT_REASONS as readonly string[]).includes(v);

/** Reports by this many different members hide the content until a moderator decides. */
export const HIDE_AFTER_REPORTS = 3;
/** An account younger than this, acting for no verified organisation, is a newcomer when it reports (issue 18.11). */
export const NEWCOMER_DAYS = 7;
/** All newcomers' reports on one object together count as at most this many: three new accounts alone cannot hide anything. */
export const NEWCOMERS_COUNT_AT_MOST = 1;

/** The weight of the reports on an object: each established reporter 1, the newcomers together at most NEWCOMERS_COUNT_AT_MOST. */
export const reportWeight = (r: { established: number; newcomers: number }): number => r.established + Math.min(r.newcomers, NEWCOMERS_COUNT_AT_MOST);

/** Platform admins moderate. */
export const canModerate = (u: CurrentUser | null): boolean => !!u?.roles.includes('admin');

/** Any signed-in member may report content, except their own. */
export const canReport = (u: CurrentUser | null, ownerUserIds: readonly string[]): boolean => !!u && !ownerUserIds.includes(u.id);

/** Hidden content is still shown to its owners (marked) and to moderators. */
export const canSeeHidden = (u: CurrentUser | null, ownerUserIds: readonly string[]): boolean => canModerate(u) || (!!u && ownerUserIds.includes(u.id));
