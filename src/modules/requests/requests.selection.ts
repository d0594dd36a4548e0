/**
 * Selection: automatic eligibility rules and the broker's verdict, the committee's conflict
 * declarations and scores, the board of scores (mean and spread), and the decision — one per
 * request, audited, told to the requester in their language.
 */
import { randomUUID } from 'node:crypto';
import type { ServiceCtx } from '../../platform/http.ts';
import { ValidationError } from '../../platform/errors.ts';
import { mustParse } from '../../platform/validation.ts';
import { audit } from '../../platform/audit.ts';
import { emit } from '../../platform/events.ts';
import { criteriaOf } from '../programmes/programmes.service.ts';
import { isReviewWindow } from '../programmes/programmes.policy.ts';
import './requests.events.ts';
import { notify, mailLink } from '../../platform/outbox.ts';
import { transition, DECISION_EVENTS, type RequestState } from './requests.workflow.ts';
import { eligibilityInput, conflictInput, decisionInput, scoreValue } from './requests.schema.ts';
import { loadRequest, isCompleteRow } from './requests.service.ts';
import * as repo from './requests.repository.ts';

export const ELIGIBILITY_RULES = ['organisationVerified', 'countryEligible', 'regionEligible', 'kindEligible', 'complete', 'endorsed', 'submittedInTime'] as const;
export type EligibilityRule = (typeof ELIGIBILITY_RULES)[number];
export type RuleResult = { rule: EligibilityRule; ok: boolean };

/** The automatic rules, from the programme's settings (an empty list means any). */
export function automaticRules(f: {
  org: { isVerified: boolean; country: string; region: string; kind: string };
  programme: { eligibleCountries: string[]; eligibleRegions: string[]; eligibleKinds: string[] };
  isComplete: boolean;
  isEndorsed: boolean;
  submittedAt: Date | null;
  closesAt: Date;
}): RuleResult[] {
  const allows = (list: string[], v: string) => list.length === 0 || list.includes(v);
  return [
    { rule: 'organisationVerified', ok: f.org.isVerified },
    { rule: 'countryEligible', ok: allows(f.programme.eligibleCountries, f.org.country) },
    { rule: 'regionEligible', ok: allows(f.programme.eligibleRegions, f.org.region) },
    { rule: 'kindEligible', ok: allows(f.programme.eligibleKinds, f.org.kind) },
    { rule: 'complete', ok: f.isComplete },
    { rule: 'endorsed', ok: f.isEndorsed },
    { rule: 'submittedInTime', ok: !!f.submittedAt && f.submittedAt < f.closesAt },
  ];
}

export type EligibilityView = { rules: RuleResult[]; verdict: { verdict: string; reason: string; at: Date } | null };

/** The automatic rules and the broker's verdict, for the secretariat. */
export async function getEligibility(ctx: ServiceCtx, id: string): Promise<EligibilityView> {
  const { row, org } = await loadRequest(ctx, id, 'request.viewReviews');
  const [pr, endorsement, check] = await Promise.all([repo.findRoundWithProgramme(ctx.db, row.roundId), repo.findEndorsement(ctx.db, id), repo.findEligibility(ctx.db, id)]);
  const rules = automaticRules({ org, programme: pr!.programme, isComplete: isCompleteRow(row), isEndorsed: !!endorsement, submittedAt: row.submittedAt, closesAt: pr!.round.closesAt });
  return { rules, verdict: check ? { verdict: check.verdict, reason: check.reason, at: check.at } : null };
}

/** For the requester while drafting: the rules about the organisation that the programme's settings do not meet. */
export async function draftWarnings(ctx: ServiceCtx, id: string): Promise<EligibilityRule[]> {
  const { row, org } = await loadRequest(ctx, id, 'request.edit');
  const pr = await repo.findRoundWithProgramme(ctx.db, row.roundId);
  const rules = automaticRules({ org, programme: pr!.programme, isComplete: true, isEndorsed: true, submittedAt: ctx.now, closesAt: pr!.round.closesAt });
  return rules.filter((r) => !r.ok && ['organisationVerified', 'countryEligible', 'regionEligible', 'kindEligible'].includes(r.rule)).map((r) => r.rule);
}

export type VerdictOutcome = { ok: true } | { ok: false; reason: 'not_allowed' | 'reason_required' };

/** The broker's verdict on eligibility, with the automatic rules recorded beside it. Ineligible needs a reason. */
export async function recordEligibility(ctx: ServiceCtx, id: string, raw: unknown): Promise<VerdictOutcome> {
  const { row } = await loadRequest(ctx, id, 'request.checkEligibility');
  const input = mustParse(eligibilityInput, raw);
  if (input.verdict === 'ineligible' && !input.reason) throw new ValidationError({ reason: 'requests.eligibility.reasonRequired' });
  const { rules } = await getEligibility(ctx, id);
  const tr = transition(row.state as RequestState, input.verdict === 'eligible' ? 'declareEligible' : 'declareIneligible');
  if (!tr.ok) return { ok: false, reason: 'not_allowed' };
  const ok = await ctx.db.transaction(async (tx) => {
    if (!(await repo.moveState(tx, id, row.state, tr.to, ctx.actor!.id, ctx.now))) return false;
    await repo.insertEligibility(tx, { requestId: id, rules, verdict: input.verdict, reason: input.reason, brokerId: ctx.actor!.id, at: ctx.now });
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'request.eligibility', objectType: 'request', objectId: id, ip: ctx.ip });
    if (input.verdict === 'ineligible') {
      await notify(tx, ctx.now, [row.createdBy], 'ineligible', (t) => ({
        subject: t('requests.mail.ineligible.subject', { title: row.title }),
        body: t('requests.mail.ineligible.body', { title: row.title, reason: input.reason }),
        link: mailLink(`/requests/${id}`),
      }));
    }
    return true;
  });
  return ok ? { ok: true } : { ok: false, reason: 'not_allowed' };
}

/** The broker opens the committee review of an eligible request; the committee is told. */
export async function openReview(ctx: ServiceCtx, id: string): Promise<{ ok: boolean }> {
  const { row } = await loadRequest(ctx, id, 'request.openReview');
  const tr = transition(row.state as RequestState, 'openReview');
  if (!tr.ok) return { ok: false };
  const ok = await ctx.db.transaction(async (tx) => {
    if (!(await repo.moveState(tx, id, row.state, tr.to, ctx.actor!.id, ctx.now))) return false;
    await notify(tx, ctx.now, await repo.committeeIds(tx, row.programmeId), 'review_opened', (t) => ({
      subject: t('requests.mail.reviewOpened.subject', { title: row.title }),
      body: t('requests.mail.reviewOpened.body', { title: row.title, link: mailLink(`/requests/${id}`) }),
    }));
    return true;
  });
  return { ok };
}

/** A committee member declares whether they have a conflict of interest; once. */
export async function declareConflict(ctx: ServiceCtx, id: string, raw: unknown): Promise<{ ok: true } | { ok: false; reason: 'already_declared' }> {
  await loadRequest(ctx, id, 'request.declareConflict');
  const input = mustParse(conflictInput, raw);
  const ok = await repo.insertConflict(ctx.db, { requestId: id, userId: ctx.actor!.id, hasConflict: input.hasConflict, note: input.note, at: ctx.now });
  return ok ? { ok: true } : { ok: false, reason: 'already_declared' };
}

export type ReviewForm = { criteria: { id: string; label: string; weight: number }[]; mine: Record<string, { score: number; comment: string }> | null; isWindowOpen: boolean };

/** The review form of a committee member: criteria and their own scores so far. */
export async function getReviewForm(ctx: ServiceCtx, id: string): Promise<ReviewForm> {
  const { row } = await loadRequest(ctx, id, 'request.review');
  const [criteria, all, pr] = await Promise.all([criteriaOf(ctx.db, row.programmeId), repo.reviewsOf(ctx.db, id), repo.findRoundWithProgramme(ctx.db, row.roundId)]);
  const mine = all.find((r) => r.reviewerId === ctx.actor!.id);
  return { criteria, mine: mine?.scores ?? null, isWindowOpen: isReviewWindow(pr!.round, ctx.now) };
}

export type ReviewOutcome = { ok: true } | { ok: false; reason: 'window_closed' };

/**
 * Saves a committee member's scores: for each criterion `score_<id>` (0–5) and `comment_<id>`.
 * Only inside the round's review window; ValidationError per criterion otherwise.
 */
export async function saveReview(ctx: ServiceCtx, id: string, raw: Record<string, unknown>): Promise<ReviewOutcome> {
  const { row } = await loadRequest(ctx, id, 'request.review');
  const pr = await repo.findRoundWithProgramme(ctx.db, row.roundId);
  if (!isReviewWindow(pr!.round, ctx.now)) return { ok: false, reason: 'window_closed' };
  const criteria = await criteriaOf(ctx.db, row.programmeId);
  const scores: Record<string, { score: number; comment: string }> = {};
  const errors: Record<string, string> = {};
  for (const c of criteria) {
    const s = scoreValue.safeParse(raw[`score_${c.id}`] === '' ? undefined : raw[`score_${c.id}`]);
    const comment = typeof raw[`comment_${c.id}`] === 'string' ? (raw[`comment_${c.id}`] as string).trim() : '';
    if (!s.success) errors[`score_${c.id}`] = raw[`score_${c.id}`] === undefined || raw[`score_${c.id}`] === '' ? 'platform.form.required' : 'requests.review.scoreRange';
    else if (comment.length > 3000) errors[`comment_${c.id}`] = 'platform.form.tooBig';
    else scores[c.id] = { score: s.data, comment };
  }
  if (!criteria.length) errors._form = 'requests.review.noCriteria';
  if (Object.keys(errors).length) throw new ValidationError(errors);
  await repo.upsertReview(ctx.db, { id: randomUUID(), requestId: id, reviewerId: ctx.actor!.id, scores, createdAt: ctx.now, updatedAt: ctx.now });
  return { ok: true };
}

export type ScoreBoard = {
  criteria: { id: string; label: string; weight: number; scores: (number | null)[]; mean: number | null; spread: number | null }[];
  reviewers: { name: string; weightedTotal: number | null; comments: Record<string, string> }[];
  weightedMean: number | null;
  conflicts: { name: string; hasConflict: boolean }[];
};

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Scores side by side with mean and spread (max − min) per criterion, and each reviewer's weighted total (0–5). */
export function scoreBoard(criteria: { id: string; label: string; weight: number }[], reviews: { reviewerName: string; scores: Record<string, { score: number; comment: string }> }[]): Omit<ScoreBoard, 'conflicts'> {
  const totalWeight = criteria.reduce((a, c) => a + c.weight, 0);
  const rowsOut = criteria.map((c) => {
    const scores = reviews.map((r) => r.scores[c.id]?.score ?? null);
    const given = scores.filter((s): s is number => s !== null);
    return {
      ...c,
      scores,
      mean: given.length ? round2(given.reduce((a, b) => a + b, 0) / given.length) : null,
      spread: given.length ? Math.max(...given) - Math.min(...given) : null,
    };
  });
  const reviewers = reviews.map((r) => {
    const complete = criteria.every((c) => r.scores[c.id]);
    return {
      name: r.reviewerName,
      weightedTotal: complete && totalWeight ? round2(criteria.reduce((a, c) => a + c.weight * r.scores[c.id]!.score, 0) / totalWeight) : null,
      comments: Object.fromEntries(criteria.map((c) => [c.id, r.scores[c.id]?.comment ?? ''])),
    };
  });
  const totals = reviewers.map((r) => r.weightedTotal).filter((x): x is number => x !== null);
  return { criteria: rowsOut, reviewers, weightedMean: totals.length ? round2(totals.reduce((a, b) => a + b, 0) / totals.length) : null };
}

/** The board of scores: for the secretariat at any time, for committee members only after the decision. 404/403 otherwise. */
export async function getScoreBoard(ctx: ServiceCtx, id: string): Promise<ScoreBoard> {
  const { row } = await loadRequest(ctx, id, 'request.viewReviews');
  const [criteria, reviews, conflicts] = await Promise.all([criteriaOf(ctx.db, row.programmeId), repo.reviewsOf(ctx.db, id), repo.conflictsOf(ctx.db, id)]);
  return { ...scoreBoard(criteria, reviews), conflicts: conflicts.map((c) => ({ name: c.name, hasConflict: c.hasConflict })) };
}

export type DecisionView = { outcome: string; reasons: string; deciderName: string; decidedAt: Date };

/** The decision, for anyone who may see the request. */
export async function getDecision(ctx: ServiceCtx, id: string): Promise<DecisionView | null> {
  await loadRequest(ctx, id);
  const d = await repo.findDecision(ctx.db, id);
  return d ? { outcome: d.outcome, reasons: d.reasons, deciderName: d.deciderName, decidedAt: d.decidedAt } : null;
}

export type DecideOutcome = { ok: true } | { ok: false; reason: 'already_decided' };

/**
 * Records the decision (selected, rejected, waiting list) with its reasons and who took it. The
 * state change is conditional on the state read, so of two concurrent decisions one wins and the
 * other gets already_decided. A waiting-list request can be decided again (selected or rejected).
 * Audited; the requester is told in their language.
 */
export async function decide(ctx: ServiceCtx, id: string, raw: unknown): Promise<DecideOutcome> {
  const { row } = await loadRequest(ctx, id, 'request.decide');
  const input = mustParse(decisionInput, raw);
  const tr = transition(row.state as RequestState, DECISION_EVENTS[input.outcome]);
  if (!tr.ok) return { ok: false, reason: 'already_decided' };
  const ok = await ctx.db.transaction(async (tx) => {
    if (!(await repo.moveState(tx, id, row.state, tr.to, ctx.actor!.id, ctx.now))) return false;
    const values = { requestId: id, outcome: input.outcome, reasons: input.reasons, decidedBy: ctx.actor!.id, decidedAt: ctx.now };
    if (row.state === 'waiting_list') await repo.replaceDecision(tx, values);
    else if (!(await repo.insertDecision(tx, values))) throw new Error('decision row exists for an undecided request');
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'request.decide', objectType: 'request', objectId: id, ip: ctx.ip });
    await emit(tx, ctx.now, 'requests.decided', { requestId: id, programmeId: row.programmeId, outcome: input.outcome });
    const outcomeKey = { selected: 'requests.mail.outcome.selected', rejected: 'requests.mail.outcome.rejected', waiting_list: 'requests.mail.outcome.waitingList' }[input.outcome];
    const people = [row.createdBy, ...(await repo.orgMembersInRoles(tx, row.organisationId, ['approver']))];
    await notify(tx, ctx.now, people, 'decision', (t) => ({
      subject: t('requests.mail.decision.subject', { title: row.title }),
      body: t('requests.mail.decision.body', { title: row.title, outcome: t(outcomeKey), reasons: input.reasons, link: mailLink(`/requests/${id}`) }),
    }));
    return true;
  });
  return ok ? { ok: true } : { ok: false, reason: 'already_decided' };
}
