/**
 * The request: started by a requester of a verified organisation in an open round, written in
 * steps saved as a draft, endorsed by the organisation's approver, submitted (then read-only),
 * withdrawn. Selection (eligibility, review, decision) is in requests.selection.ts.
 */
import { randomUUID } from 'node:crypto';
import type { WaitingItem } from '../../platform/module.ts';
import type { ServiceCtx } from '../../platform/http.ts';
import { NotFoundError, UnauthorizedError, ForbiddenError } from '../../platform/errors.ts';
import { mustParse } from '../../platform/validation.ts';
import { audit } from '../../platform/audit.ts';
import { isUuid } from '../../platform/ids.ts';
import type { DbOrTx } from '../../platform/db.ts';
import { emit } from '../../platform/events.ts';
import { isCommitteeMember } from '../programmes/programmes.service.ts';
import { isOpenForRequests } from '../programmes/programmes.policy.ts';
import { notify, mailLink } from '../../platform/outbox.ts';
import * as files from '../files/files.service.ts';
import './requests.events.ts';
import { canCreateRequest, canRequest, type RequestAction, type RequestStanding } from './requests.policy.ts';
import { transition, isDecided, type RequestState } from './requests.workflow.ts';
import { STEPS, STEP_SCHEMAS, createRequestInput, endorseInput, isStep, type Step } from './requests.schema.ts';
import * as repo from './requests.repository.ts';
import { activeOrgRoles } from '../organisations/organisations.service.ts';

export type RequestAbilities = Record<
  'edit' | 'endorse' | 'submit' | 'withdraw' | 'checkEligibility' | 'openReview' | 'declareConflict' | 'review' | 'viewReviews' | 'decide' | 'publishCall' | 'deleteDraft',
  boolean
>;

/** The request as the pages and the API see it (never a row). */
export type RequestDetail = {
  id: string;
  state: RequestState;
  title: string;
  challenge: string;
  context: string;
  tried: string;
  objectives: string;
  results: string;
  themes: string[];
  sdgs: number[];
  formats: string[];
  languages: string[];
  periodStart: string | null;
  periodEnd: string | null;
  participants: string;
  stakeholders: string;
  cofunding: string;
  stepsDone: Step[];
  isComplete: boolean;
  submittedAt: Date | null;
  organisation: { id: string; name: string; country: string };
  programme: { id: string; name: string; slug: string };
  round: { id: string; name: string; closesAt: Date; reviewOpensAt: Date; reviewClosesAt: Date };
  endorsement: { name: string; at: Date; note: string } | null;
  history: { from: RequestState; to: RequestState; at: Date; actorName: string | null }[];
  abilities: RequestAbilities;
};

export type Loaded = { row: repo.RequestRow; standing: RequestStanding; org: repo.OrgFacts };

/** The actor's standing towards a request. */
export async function standingOf(ctx: ServiceCtx, row: repo.RequestRow): Promise<RequestStanding> {
  const actor = ctx.actor;
  if (!actor) return { state: row.state as RequestState, isCreator: false, orgRoles: [], isCommittee: false, hasConflict: null };
  const [orgRoles, isCommittee] = await Promise.all([activeOrgRoles(ctx.db, row.organisationId, actor.id), isCommitteeMember(ctx.db, row.programmeId, actor.id)]);
  return {
    state: row.state as RequestState,
    isCreator: row.createdBy === actor.id,
    orgRoles,
    isCommittee,
    hasConflict: isCommittee ? await repo.findConflict(ctx.db, row.id, actor.id) : null,
  };
}

/**
 * Loads a request the actor may see, else 404 (missing and forbidden answer the same; a refusal
 * is audited). With `action`, an actor who may see it but not do this gets 403 and nothing changes.
 */
export async function loadRequest(ctx: ServiceCtx, id: string, action?: RequestAction): Promise<Loaded> {
  // Reading reviews is a read: refused like a missing page (404), not 403.
  const row = isUuid(id) ? await repo.findRequest(ctx.db, id) : undefined;
  if (!row) throw new NotFoundError();
  const standing = await standingOf(ctx, row);
  if (!canRequest(ctx.actor, 'request.view', standing)) {
    await audit(ctx.db, ctx.now, { actorId: ctx.actor?.id, action: 'request.view', objectType: 'request', objectId: row.id, ip: ctx.ip, outcome: 'denied' });
    throw new NotFoundError();
  }
  if (action && !canRequest(ctx.actor, action, standing)) {
    await audit(ctx.db, ctx.now, { actorId: ctx.actor?.id, action, objectType: 'request', objectId: row.id, ip: ctx.ip, outcome: 'denied' });
    if (action === 'request.viewReviews') throw new NotFoundError();
    throw new ForbiddenError();
  }
  const org = (await repo.findOrganisationFacts(ctx.db, row.organisationId))!;
  return { row, standing, org };
}

export function abilitiesOf(ctx: ServiceCtx, s: RequestStanding): RequestAbilities {
  const can = (a: RequestAction) => canRequest(ctx.actor, a, s);
  return {
    edit: can('request.edit'),
    endorse: can('request.endorse'),
    submit: can('request.submit'),
    withdraw: can('request.withdraw'),
    checkEligibility: can('request.checkEligibility'),
    openReview: can('request.openReview'),
    declareConflict: can('request.declareConflict'),
    review: can('request.review'),
    viewReviews: can('request.viewReviews'),
    decide: can('request.decide'),
    publishCall: can('request.publishCall'),
    deleteDraft: can('request.deleteDraft'),
  };
}

const stepsOf = (row: repo.RequestRow): Step[] => row.stepsDone.filter(isStep);
export const isCompleteRow = (row: repo.RequestRow): boolean => STEPS.every((s) => row.stepsDone.includes(s));

/** A request the actor may see, with what they may do. */
export async function getRequest(ctx: ServiceCtx, id: string): Promise<RequestDetail> {
  const { row, standing, org } = await loadRequest(ctx, id);
  const [pr, endorsement, history] = await Promise.all([repo.findProgrammeAndRound(ctx.db, row.programmeId, row.roundId), repo.findEndorsement(ctx.db, row.id), repo.transitionsOf(ctx.db, row.id)]);
  return {
    id: row.id,
    state: row.state as RequestState,
    title: row.title,
    challenge: row.challenge,
    context: row.context,
    tried: row.tried,
    objectives: row.objectives,
    results: row.results,
    themes: row.themes,
    sdgs: row.sdgs,
    formats: row.formats,
    languages: row.languages,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    participants: row.participants,
    stakeholders: row.stakeholders,
    cofunding: row.cofunding,
    stepsDone: stepsOf(row),
    isComplete: isCompleteRow(row),
    submittedAt: row.submittedAt,
    organisation: { id: org.id, name: org.name, country: org.country },
    programme: { id: pr!.programme.id, name: pr!.programme.name, slug: pr!.programme.slug },
    round: { id: pr!.round.id, name: pr!.round.name, closesAt: pr!.round.closesAt, reviewOpensAt: pr!.round.reviewOpensAt, reviewClosesAt: pr!.round.reviewClosesAt },
    endorsement: endorsement ? { name: endorsement.name, at: endorsement.at, note: endorsement.note } : null,
    history: history.map((h) => ({ from: h.from as RequestState, to: h.to as RequestState, at: h.at, actorName: h.actorName })),
    abilities: abilitiesOf(ctx, standing),
  };
}

export type StartOutcome = { ok: true; id: string } | { ok: false; reason: 'round_closed' };

/** Starts a draft for an organisation in a round. 404 when the actor is not an active requester of that verified organisation. */
export async function startRequest(ctx: ServiceCtx, raw: unknown): Promise<StartOutcome> {
  if (!ctx.actor) throw new UnauthorizedError();
  const input = mustParse(createRequestInput, raw);
  const org = await repo.findOrganisationFacts(ctx.db, input.organisationId);
  const orgRoles = org ? await activeOrgRoles(ctx.db, org.id, ctx.actor.id) : [];
  if (!org || !canCreateRequest(ctx.actor, { isVerified: org.isVerified, orgRoles })) throw new NotFoundError();
  const pr = await repo.findRoundWithProgramme(ctx.db, input.roundId);
  if (!pr) throw new NotFoundError();
  if (!isOpenForRequests(pr.round, ctx.now)) return { ok: false, reason: 'round_closed' };
  const id = randomUUID();
  await repo.insertRequest(ctx.db, {
    id,
    programmeId: pr.programme.id,
    roundId: pr.round.id,
    organisationId: org.id,
    createdBy: ctx.actor.id,
    state: 'draft',
    lastActionAt: ctx.now,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  return { ok: true, id };
}

export type StartForm = { round: { id: string; name: string; closesAt: Date; programmeName: string; programmeSlug: string } | null; organisations: { id: string; name: string }[] };

/** What the start form needs: the round if it is open for requests, and the organisations the actor may request for. */
export async function getStartForm(ctx: ServiceCtx, roundId: string): Promise<StartForm> {
  if (!ctx.actor) throw new UnauthorizedError();
  const pr = isUuid(roundId) ? await repo.findRoundWithProgramme(ctx.db, roundId) : undefined;
  const round = pr && isOpenForRequests(pr.round, ctx.now) ? { id: pr.round.id, name: pr.round.name, closesAt: pr.round.closesAt, programmeName: pr.programme.name, programmeSlug: pr.programme.slug } : null;
  return { round, organisations: await repo.requesterOrganisations(ctx.db, ctx.actor.id) };
}

/** The verified organisations the actor may request for (for the start form). */
export async function requesterOrganisations(ctx: ServiceCtx): Promise<{ id: string; name: string }[]> {
  if (!ctx.actor) throw new UnauthorizedError();
  return repo.requesterOrganisations(ctx.db, ctx.actor.id);
}

/** The fields of one step as stored, for the form. */
export function stepValues(d: RequestDetail, step: Step): Record<string, unknown> {
  switch (step) {
    case 'challenge':
      return { title: d.title, challenge: d.challenge, context: d.context, tried: d.tried };
    case 'objectives':
      return { objectives: d.objectives, results: d.results };
    case 'scope':
      return { themes: d.themes, sdgs: d.sdgs.map(String), formats: d.formats, languages: d.languages, periodStart: d.periodStart ?? '', periodEnd: d.periodEnd ?? '' };
    case 'participants':
      return { participants: d.participants, stakeholders: d.stakeholders };
    case 'cofunding':
      return { cofunding: d.cofunding };
  }
}

export type SaveStepOutcome = { ok: true; next: Step | null; isComplete: boolean };

/**
 * Validates and saves one step of the draft (ValidationError with a key per field otherwise).
 * A change after endorsement withdraws the endorsement: the approver signed another text.
 * When the draft becomes complete, the organisation's approvers are told an endorsement is needed.
 */
export async function saveStep(ctx: ServiceCtx, id: string, step: string, raw: unknown): Promise<SaveStepOutcome> {
  if (!isStep(step)) throw new NotFoundError();
  const { row } = await loadRequest(ctx, id, 'request.edit');
  const data = mustParse(STEP_SCHEMAS[step], raw) as Record<string, unknown>;
  const stepsDone = [...new Set([...row.stepsDone, step])];
  const wasComplete = isCompleteRow(row);
  const isComplete = STEPS.every((s) => stepsDone.includes(s));
  const values = { ...data, periodStart: 'periodStart' in data ? ((data.periodStart as string | undefined) ?? null) : undefined, periodEnd: 'periodEnd' in data ? ((data.periodEnd as string | undefined) ?? null) : undefined };
  if (!('periodStart' in data)) delete values.periodStart;
  if (!('periodEnd' in data)) delete values.periodEnd;
  await ctx.db.transaction(async (tx) => {
    const ok = await repo.updateDraft(tx, id, { ...values, stepsDone, updatedAt: ctx.now });
    if (!ok) throw new ForbiddenError();
    await repo.deleteEndorsement(tx, id);
    if (isComplete && !wasComplete) {
      const approvers = await repo.orgMembersInRoles(tx, row.organisationId, ['approver']);
      const title = (data.title as string | undefined) ?? row.title;
      await notify(tx, ctx.now, approvers, 'endorsement_needed', (t) => ({
        subject: t('requests.mail.endorsementNeeded.subject', { title }),
        body: t('requests.mail.endorsementNeeded.body', { title, link: mailLink(`/requests/${id}`) }),
      }));
    }
  });
  const next = STEPS[STEPS.indexOf(step) + 1] ?? null;
  return { ok: true, next, isComplete };
}

export type EndorseOutcome = { ok: true } | { ok: false; reason: 'incomplete' };

/** The organisation's approver signs the complete draft off. */
export async function endorseRequest(ctx: ServiceCtx, id: string, raw: unknown = {}): Promise<EndorseOutcome> {
  const { row } = await loadRequest(ctx, id, 'request.endorse');
  const { note } = mustParse(endorseInput, raw);
  if (!isCompleteRow(row)) return { ok: false, reason: 'incomplete' };
  await ctx.db.transaction(async (tx) => {
    await repo.upsertEndorsement(tx, { requestId: id, userId: ctx.actor!.id, note, at: ctx.now });
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'request.endorse', objectType: 'request', objectId: id, ip: ctx.ip });
    await notify(tx, ctx.now, [row.createdBy], 'endorsed', (t) => ({
      subject: t('requests.mail.endorsed.subject', { title: row.title }),
      body: t('requests.mail.endorsed.body', { title: row.title, link: mailLink(`/requests/${id}`) }),
    }));
  });
  return { ok: true };
}

export type SubmitOutcome = { ok: true } | { ok: false; reason: 'incomplete' | 'not_endorsed' | 'round_closed' | 'not_allowed' };

/** Submits an endorsed, complete draft while its round is open. From then on it is read-only. */
export async function submitRequest(ctx: ServiceCtx, id: string): Promise<SubmitOutcome> {
  const { row } = await loadRequest(ctx, id, 'request.submit');
  if (!isCompleteRow(row)) return { ok: false, reason: 'incomplete' };
  if (!(await repo.findEndorsement(ctx.db, id))) return { ok: false, reason: 'not_endorsed' };
  const pr = await repo.findRoundWithProgramme(ctx.db, row.roundId);
  if (!pr || !isOpenForRequests(pr.round, ctx.now)) return { ok: false, reason: 'round_closed' };
  const tr = transition(row.state as RequestState, 'submit');
  if (!tr.ok) return { ok: false, reason: 'not_allowed' };
  return ctx.db.transaction(async (tx) => {
    if (!(await repo.moveState(tx, id, row.state, tr.to, ctx.actor!.id, ctx.now, { submittedAt: ctx.now }))) return { ok: false as const, reason: 'not_allowed' as const };
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'request.submit', objectType: 'request', objectId: id, ip: ctx.ip });
    await emit(tx, ctx.now, 'requests.submitted', { requestId: id, programmeId: row.programmeId, organisationId: row.organisationId });
    await notify(tx, ctx.now, [row.createdBy], 'submitted', (t) => ({
      subject: t('requests.mail.submitted.subject', { title: row.title }),
      body: t('requests.mail.submitted.body', { title: row.title, programme: pr.programme.name }),
      link: mailLink(`/requests/${id}`),
    }));
    await notify(tx, ctx.now, await repo.brokerIds(tx), 'submitted_broker', (t) => ({
      subject: t('requests.mail.submittedBroker.subject', { title: row.title }),
      body: t('requests.mail.submittedBroker.body', { title: row.title, programme: pr.programme.name, link: mailLink(`/requests/${id}`) }),
    }));
    return { ok: true as const };
  });
}

export type WithdrawOutcome = { ok: true } | { ok: false; reason: 'not_allowed' };

/** The requesting organisation withdraws a submitted request that is not decided yet. */
export async function withdrawRequest(ctx: ServiceCtx, id: string): Promise<WithdrawOutcome> {
  const { row } = await loadRequest(ctx, id, 'request.withdraw');
  const tr = transition(row.state as RequestState, 'withdraw');
  if (!tr.ok) return { ok: false, reason: 'not_allowed' };
  const ok = await ctx.db.transaction(async (tx) => {
    const moved = await repo.moveState(tx, id, row.state, tr.to, ctx.actor!.id, ctx.now);
    if (moved) await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'request.withdraw', objectType: 'request', objectId: id, ip: ctx.ip });
    return moved;
  });
  return ok ? { ok: true } : { ok: false, reason: 'not_allowed' };
}

/**
 * Its author deletes a draft: its attachments (through the files module), then the row and what
 * hangs on it (endorsement, transitions) in one transaction, audited. A request no longer a draft
 * (submitted meanwhile) is not deleted.
 */
export async function deleteDraft(ctx: ServiceCtx, env: files.FilesEnv, id: string): Promise<{ ok: true } | { ok: false; reason: 'not_draft' }> {
  const { row } = await loadRequest(ctx, id, 'request.deleteDraft');
  for (const a of await files.attachmentsOfRequest(ctx, row.id)) await files.removeAttachment(ctx, env, a.id, async () => {});
  const deleted = await ctx.db.transaction(async (tx) => {
    const n = await repo.deleteDraftRow(tx, row.id);
    if (n) await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'request.deleteDraft', objectType: 'request', objectId: row.id, ip: ctx.ip });
    return n > 0;
  });
  return deleted ? { ok: true } : { ok: false, reason: 'not_draft' };
}

/** Days after which a draft with no step saved and no attachment is removed by the job. */
export const EMPTY_DRAFT_DAYS = 30;

/** The job: drafts nobody wrote anything in for EMPTY_DRAFT_DAYS are removed (safe on several processes). */
export async function purgeEmptyDrafts(db: DbOrTx, now: Date): Promise<{ deleted: number }> {
  const before = new Date(now.getTime() - EMPTY_DRAFT_DAYS * 86_400_000);
  return { deleted: await repo.deleteEmptyDraftsBefore(db, before) };
}

export type RequestCard = { id: string; title: string; state: RequestState; organisationName: string; programmeName: string; roundName: string; updatedAt: Date; lastActionAt: Date; isComplete: boolean; isEndorsed: boolean };

export const cardOf = (r: repo.RequestListRow): RequestCard => ({
  id: r.id,
  title: r.title,
  state: r.state as RequestState,
  organisationName: r.organisation_name,
  programmeName: r.programme_name,
  roundName: r.round_name,
  updatedAt: new Date(r.updated_at),
  lastActionAt: new Date(r.last_action_at),
  isComplete: STEPS.every((s) => r.steps_done.includes(s)),
  isEndorsed: r.is_endorsed,
});

/** The signed-in person's requests: on the organisation side, and to review as a committee member. */
export async function myRequests(ctx: ServiceCtx): Promise<{ own: RequestCard[]; toReview: RequestCard[] }> {
  if (!ctx.actor) throw new UnauthorizedError();
  const [own, toReview] = await Promise.all([repo.requestsOfPerson(ctx.db, ctx.actor.id), repo.requestsForCommittee(ctx.db, ctx.actor.id)]);
  return { own: own.map(cardOf), toReview: toReview.map(cardOf) };
}

export { isDecided };

// ---------- attachments (stored by the files module) ----------

/** Adds an attachment to a draft request (its requesters only; read-only once submitted). */
export async function attachToRequest(ctx: ServiceCtx, env: files.FilesEnv, requestId: string, u: files.Upload) {
  await loadRequest(ctx, requestId, 'request.edit');
  return files.store(ctx, env, 'request_attachment', u, { requestId });
}

/** A request's attachments, for whoever may see the request. */
export async function requestAttachments(ctx: ServiceCtx, requestId: string): Promise<files.AttachmentView[]> {
  await loadRequest(ctx, requestId);
  return files.attachmentsOfRequest(ctx, requestId);
}

/** Removes an attachment of a draft (its requesters); anything else attached answers 404. */
export async function removeRequestAttachment(ctx: ServiceCtx, env: files.FilesEnv, id: string): Promise<{ ok: true; requestId: string }> {
  const to = await files.removeAttachment(ctx, env, id, async (a) => {
    if (a.kind !== 'request_attachment' || !a.requestId) throw new NotFoundError();
    await loadRequest(ctx, a.requestId, 'request.edit');
  });
  return { ok: true, requestId: to.requestId! };
}

// ---------- for the calls module (above) and its events ----------

/** What the call of a request needs to know of it: no check here, the caller has loaded the call or the offer it may see. */
export type RequestFacts = { id: string; title: string; state: RequestState; organisationId: string; programmeId: string; createdBy: string };

export async function requestFacts(db: DbOrTx, id: string): Promise<RequestFacts | undefined> {
  const r = await repo.findRequest(db, id);
  return r && { id: r.id, title: r.title, state: r.state as RequestState, organisationId: r.organisationId, programmeId: r.programmeId, createdBy: r.createdBy };
}

/** A call was published from the request (calls.published): the secretariat acted on it, for the 10-working-days flag. */
export async function noteCallPublished(db: DbOrTx, requestId: string, at: Date): Promise<void> {
  await repo.touchRequest(db, requestId, at);
}

/** Both sides confirmed the match of the request's call (calls.matchConfirmed): the request moves to matched, once. */
export async function markMatched(db: DbOrTx, requestId: string, actorId: string, at: Date): Promise<void> {
  const row = await repo.findRequest(db, requestId);
  if (!row) return;
  const tr = transition(row.state as RequestState, 'match');
  if (tr.ok) await repo.moveState(db, requestId, row.state, tr.to, actorId, at);
}

/** What waits on the signed-in person in requests, for "Waiting on you" (the manifest's `waiting` hook). */
export async function waitingInRequests(ctx: ServiceCtx): Promise<WaitingItem[]> {
  if (!ctx.actor) return [];
  const found = await repo.waitingOf(ctx.db, ctx.actor.id);
  // Only a complete draft can be endorsed; an incomplete one waits on its requester, not its approver.
  return found.filter((r) => r.kind !== 'requestToEndorse' || STEPS.every((s) => r.steps_done.includes(s))).map((r) => ({ kind: r.kind, title: r.title, link: `/requests/${r.id}`, due: r.due ? new Date(r.due) : undefined, module: 'requests' }));
}
