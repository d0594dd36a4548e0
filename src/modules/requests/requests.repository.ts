/**
 * Queries on requests, endorsements, eligibility, conflicts, reviews and decisions. The only place
 * they are built. Other modules' tables (organisations, programmes) are joined to read,
 * never written.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db.ts';
import { rows } from '../../platform/db.ts';
import { requests, requestTransitions, endorsements, eligibilityChecks, conflictDeclarations, reviews, decisions } from '../../db/schema/requests.ts';
import { programmes, programmeRounds } from '../../db/schema/programmes.ts';
import { organisations, memberships } from '../../db/schema/organisations.ts';
import { users } from '../../db/schema/accounts.ts';

export type RequestRow = typeof requests.$inferSelect;
export type ReviewRow = typeof reviews.$inferSelect;
export type DecisionRow = typeof decisions.$inferSelect;

export type OrgFacts = { id: string; name: string; country: string; region: string; kind: string; isVerified: boolean };

export async function findOrganisationFacts(db: DbOrTx, id: string): Promise<OrgFacts | undefined> {
  const [r] = await db
    .select({ id: organisations.id, name: organisations.name, country: organisations.country, region: organisations.region, kind: organisations.kind, verifiedAt: organisations.verifiedAt })
    .from(organisations)
    .where(eq(organisations.id, id));
  return r ? { id: r.id, name: r.name, country: r.country, region: r.region, kind: r.kind, isVerified: !!r.verifiedAt } : undefined;
}


/** Verified organisations where the person is an active requester. */
export async function requesterOrganisations(db: DbOrTx, userId: string): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.userId, userId), eq(memberships.role, 'requester'), eq(memberships.status, 'active'), sql`${organisations.verifiedAt} is not null`))
    .orderBy(asc(organisations.name));
}

/** Active members of an organisation in the given roles. */
export async function orgMembersInRoles(db: DbOrTx, organisationId: string, roles: string[]): Promise<string[]> {
  const r = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.status, 'active'), inArray(memberships.role, roles)));
  return [...new Set(r.map((x) => x.userId))];
}

export async function insertRequest(db: DbOrTx, v: typeof requests.$inferInsert): Promise<void> {
  await db.insert(requests).values(v);
}

export async function findRequest(db: DbOrTx, id: string): Promise<RequestRow | undefined> {
  const [r] = await db.select().from(requests).where(eq(requests.id, id));
  return r;
}

/** Saves draft fields; only while the request is still a draft. */
export async function updateDraft(db: DbOrTx, id: string, v: Partial<typeof requests.$inferInsert>): Promise<boolean> {
  const r = await db
    .update(requests)
    .set(v)
    .where(and(eq(requests.id, id), eq(requests.state, 'draft')))
    .returning({ id: requests.id });
  return r.length === 1;
}

/**
 * Moves a request from one state to another, only if it is still in `from` (so two concurrent
 * transitions give one), and records the change.
 */
export async function moveState(db: DbOrTx, id: string, from: string, to: string, actorId: string | null, at: Date, extra: Partial<typeof requests.$inferInsert> = {}): Promise<boolean> {
  const r = await db
    .update(requests)
    .set({ ...extra, state: to, updatedAt: at, lastActionAt: at })
    .where(and(eq(requests.id, id), eq(requests.state, from)))
    .returning({ id: requests.id });
  if (r.length !== 1) return false;
  await db.insert(requestTransitions).values({ requestId: id, fromState: from, toState: to, actorId, at });
  return true;
}

export async function findEndorsement(db: DbOrTx, requestId: string): Promise<{ userId: string; name: string; at: Date; note: string } | undefined> {
  const [r] = await db
    .select({ userId: endorsements.userId, name: users.name, at: endorsements.at, note: endorsements.note })
    .from(endorsements)
    .innerJoin(users, eq(users.id, endorsements.userId))
    .where(eq(endorsements.requestId, requestId));
  return r;
}

export async function upsertEndorsement(db: DbOrTx, v: typeof endorsements.$inferInsert): Promise<void> {
  await db.insert(endorsements).values(v).onConflictDoUpdate({ target: endorsements.requestId, set: { userId: v.userId, note: v.note, at: v.at } });
}

export async function deleteEndorsement(db: DbOrTx, requestId: string): Promise<void> {
  await db.delete(endorsements).where(eq(endorsements.requestId, requestId));
}

export async function insertEligibility(db: DbOrTx, v: typeof eligibilityChecks.$inferInsert): Promise<void> {
  await db.insert(eligibilityChecks).values(v).onConflictDoNothing();
}

export async function findEligibility(db: DbOrTx, requestId: string) {
  const [r] = await db.select().from(eligibilityChecks).where(eq(eligibilityChecks.requestId, requestId));
  return r;
}

export async function findConflict(db: DbOrTx, requestId: string, userId: string): Promise<boolean | null> {
  const [r] = await db
    .select({ c: conflictDeclarations.hasConflict })
    .from(conflictDeclarations)
    .where(and(eq(conflictDeclarations.requestId, requestId), eq(conflictDeclarations.userId, userId)));
  return r ? r.c : null;
}

/** A declaration is made once: a conflict declared cannot be taken back to score. */
export async function insertConflict(db: DbOrTx, v: typeof conflictDeclarations.$inferInsert): Promise<boolean> {
  const r = await db.insert(conflictDeclarations).values(v).onConflictDoNothing().returning({ u: conflictDeclarations.userId });
  return r.length === 1;
}

export async function conflictsOf(db: DbOrTx, requestId: string): Promise<{ userId: string; name: string; hasConflict: boolean }[]> {
  return db
    .select({ userId: conflictDeclarations.userId, name: users.name, hasConflict: conflictDeclarations.hasConflict })
    .from(conflictDeclarations)
    .innerJoin(users, eq(users.id, conflictDeclarations.userId))
    .where(eq(conflictDeclarations.requestId, requestId));
}

export async function upsertReview(db: DbOrTx, v: typeof reviews.$inferInsert): Promise<void> {
  await db
    .insert(reviews)
    .values(v)
    .onConflictDoUpdate({ target: [reviews.requestId, reviews.reviewerId], set: { scores: v.scores, updatedAt: v.updatedAt } });
}

export async function reviewsOf(db: DbOrTx, requestId: string): Promise<(ReviewRow & { reviewerName: string })[]> {
  return db
    .select({
      id: reviews.id,
      requestId: reviews.requestId,
      reviewerId: reviews.reviewerId,
      scores: reviews.scores,
      createdAt: reviews.createdAt,
      updatedAt: reviews.updatedAt,
      reviewerName: users.name,
    })
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.reviewerId))
    .where(eq(reviews.requestId, requestId))
    .orderBy(asc(users.name));
}

/** Records the decision once: a second one (concurrent or later) inserts nothing. */
export async function insertDecision(db: DbOrTx, v: typeof decisions.$inferInsert): Promise<boolean> {
  const r = await db.insert(decisions).values(v).onConflictDoNothing().returning({ id: decisions.requestId });
  return r.length === 1;
}

export async function findDecision(db: DbOrTx, requestId: string): Promise<(DecisionRow & { deciderName: string }) | undefined> {
  const [r] = await db
    .select({ requestId: decisions.requestId, outcome: decisions.outcome, reasons: decisions.reasons, decidedBy: decisions.decidedBy, decidedAt: decisions.decidedAt, deciderName: users.name })
    .from(decisions)
    .innerJoin(users, eq(users.id, decisions.decidedBy))
    .where(eq(decisions.requestId, requestId));
  return r;
}

/** For a waiting-list request decided again later: the decision is replaced under the row lock of the state change. */
export async function replaceDecision(db: DbOrTx, v: typeof decisions.$inferInsert): Promise<void> {
  await db.insert(decisions).values(v).onConflictDoUpdate({ target: decisions.requestId, set: { outcome: v.outcome, reasons: v.reasons, decidedBy: v.decidedBy, decidedAt: v.decidedAt } });
}

export type RequestListRow = {
  id: string;
  title: string;
  state: string;
  organisation_name: string;
  programme_name: string;
  round_name: string;
  updated_at: Date | string;
  last_action_at: Date | string;
  steps_done: string[];
  is_endorsed: boolean;
  created_by: string;
};

const LIST_COLUMNS = sql`r.id, r.title, r.state, o.name as organisation_name, p.name as programme_name, rd.name as round_name, r.updated_at, r.last_action_at, r.steps_done,
  exists(select 1 from endorsements e where e.request_id = r.id) as is_endorsed, r.created_by`;
const LIST_FROM = sql`from requests r join organisations o on o.id = r.organisation_id join programmes p on p.id = r.programme_id join programme_rounds rd on rd.id = r.round_id`;

/** Requests the person sees on the organisation side: created by them, or of an organisation where they are an active requester, approver or admin. */
export async function requestsOfPerson(db: DbOrTx, userId: string): Promise<RequestListRow[]> {
  return rows<RequestListRow>(
    db,
    sql`select ${LIST_COLUMNS} ${LIST_FROM}
        where r.created_by = ${userId}
           or r.organisation_id in (select m.organisation_id from memberships m where m.user_id = ${userId} and m.status = 'active' and m.role in ('requester', 'approver', 'org_admin'))
        order by r.updated_at desc limit 200`,
  );
}

/** Requests of the programmes where the person sits on the committee, from the review on. */
export async function requestsForCommittee(db: DbOrTx, userId: string): Promise<RequestListRow[]> {
  return rows<RequestListRow>(
    db,
    sql`select ${LIST_COLUMNS} ${LIST_FROM}
        where r.programme_id in (select c.programme_id from programme_committee c where c.user_id = ${userId})
          and r.state in ('under_review', 'selected', 'rejected', 'waiting_list', 'matched')
        order by r.updated_at desc limit 200`,
  );
}

/** Every request, optionally in one state, for the broker's dashboard. */
export async function requestsForBroker(db: DbOrTx, state?: string): Promise<RequestListRow[]> {
  return rows<RequestListRow>(
    db,
    sql`select ${LIST_COLUMNS} ${LIST_FROM} ${state ? sql`where r.state = ${state}` : sql``} order by r.last_action_at asc limit 500`,
  );
}

/** Requests by state, for the broker's dashboard: drafts are the requesters' own work, not the secretariat's, and are not counted. */
export async function countRequestsByState(db: DbOrTx): Promise<{ state: string; n: number }[]> {
  return rows(db, sql`select state, count(*)::int as n from requests where state <> 'draft' group by state`);
}

/** Deletes a request if it is still a draft (endorsement and transitions go with it); the number deleted. */
export async function deleteDraftRow(db: DbOrTx, id: string): Promise<number> {
  const r = await rows<{ id: string }>(db, sql`delete from requests where id = ${id} and state = 'draft' returning id`);
  return r.length;
}

/** Drafts with no step saved and no attachment, untouched since `before`: deleted; how many. */
export async function deleteEmptyDraftsBefore(db: DbOrTx, before: Date): Promise<number> {
  const r = await rows<{ id: string }>(
    db,
    sql`delete from requests r where r.state = 'draft' and cardinality(r.steps_done) = 0 and r.updated_at < ${before.toISOString()}::timestamptz
        and not exists (select 1 from attachments a where a.request_id = r.id) returning r.id`,
  );
  return r.length;
}

export async function findProgrammeAndRound(db: DbOrTx, programmeId: string, roundId: string) {
  const [r] = await db
    .select({ programme: programmes, round: programmeRounds })
    .from(programmeRounds)
    .innerJoin(programmes, eq(programmes.id, programmeRounds.programmeId))
    .where(and(eq(programmeRounds.id, roundId), eq(programmes.id, programmeId)));
  return r;
}

export async function findRoundWithProgramme(db: DbOrTx, roundId: string) {
  const [r] = await db
    .select({ programme: programmes, round: programmeRounds })
    .from(programmeRounds)
    .innerJoin(programmes, eq(programmes.id, programmeRounds.programmeId))
    .where(eq(programmeRounds.id, roundId));
  return r;
}

export async function userName(db: DbOrTx, id: string): Promise<string> {
  const [r] = await db.select({ name: users.name }).from(users).where(eq(users.id, id));
  return r?.name ?? '';
}

/** Accounts with the broker role: the secretariat is told of new requests and offers. */
export async function brokerIds(db: DbOrTx): Promise<string[]> {
  const r = await rows<{ id: string }>(db, sql`select id from users where 'broker' = any(roles) and deleted_at is null`);
  return r.map((x) => x.id);
}

export async function committeeIds(db: DbOrTx, programmeId: string): Promise<string[]> {
  const r = await rows<{ user_id: string }>(db, sql`select user_id from programme_committee where programme_id = ${programmeId}`);
  return r.map((x) => x.user_id);
}

/** Marks that the secretariat acted on a request (for the 10-working-days flag). */
export async function touchRequest(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db.update(requests).set({ lastActionAt: at }).where(eq(requests.id, id));
}

/** The state changes of a request, oldest first, with who made them. */
export async function transitionsOf(db: DbOrTx, requestId: string): Promise<{ from: string; to: string; at: Date; actorName: string | null }[]> {
  const r = await db
    .select({ from: requestTransitions.fromState, to: requestTransitions.toState, at: requestTransitions.at, actorName: users.name })
    .from(requestTransitions)
    .leftJoin(users, eq(users.id, requestTransitions.actorId))
    .where(eq(requestTransitions.requestId, requestId))
    .orderBy(asc(requestTransitions.at), asc(requestTransitions.id));
  return r;
}

// Personal data (privacy hooks: export and erasure, through the manifest)

/** The requests the person created, their endorsements, reviews and declarations of conflict, for "download my data". */
export async function exportRequests(db: DbOrTx, userId: string): Promise<Record<string, unknown>> {
  return {
    requestsCreated: await rows(
      db,
      sql`select id, programme_id, organisation_id, state, title, challenge, context, tried, objectives, results, themes, sdgs, formats, languages, period_start, period_end, participants, stakeholders, cofunding, submitted_at, created_at, updated_at from requests where created_by = ${userId} order by created_at`,
    ),
    endorsements: await rows(db, sql`select request_id, note, at from endorsements where user_id = ${userId} order by at`),
    reviews: await rows(db, sql`select request_id, scores, created_at, updated_at from reviews where reviewer_id = ${userId} order by created_at`),
    conflictDeclarations: await rows(db, sql`select request_id, has_conflict, note, at from conflict_declarations where user_id = ${userId} order by at`),
  };
}

// ---------------------------------------------------------------------------------------------
// Demo data (through the manifest)

export async function demoRequestExists(db: DbOrTx, id: string): Promise<boolean> {
  return (await db.select({ id: requests.id }).from(requests).where(eq(requests.id, id))).length > 0;
}

/** A programme (by slug) and its first round, read for the demo's requests. */
export async function demoProgrammeRound(db: DbOrTx, slug: string): Promise<{ programmeId: string; roundId: string } | undefined> {
  const [r] = await rows<{ programme_id: string; round_id: string }>(
    db,
    sql`select p.id as programme_id, (select r.id from programme_rounds r where r.programme_id = p.id limit 1) as round_id from programmes p where p.slug = ${slug}`,
  );
  return r?.round_id ? { programmeId: r.programme_id, roundId: r.round_id } : undefined;
}

/** An organisation's id by its external id, read for the demo's requests. */
export async function demoOrganisationId(db: DbOrTx, externalId: string): Promise<string | undefined> {
  const [r] = await rows<{ id: string }>(db, sql`select id from organisations where external_id = ${externalId}`);
  return r?.id;
}

/** A demo request with its selection steps, as rows. */
export async function insertDemoRequest(
  db: DbOrTx,
  v: {
    request: typeof requests.$inferInsert;
    endorsement: typeof endorsements.$inferInsert;
    eligibility: typeof eligibilityChecks.$inferInsert;
    decision: typeof decisions.$inferInsert;
    transitions: (typeof requestTransitions.$inferInsert)[];
  },
): Promise<void> {
  await db.insert(requests).values(v.request);
  await db.insert(endorsements).values(v.endorsement);
  await db.insert(eligibilityChecks).values(v.eligibility);
  await db.insert(decisions).values(v.decision);
  await db.insert(requestTransitions).values(v.transitions);
}

export type WaitingRow = { kind: 'draftToFinish' | 'requestToEndorse' | 'requestToScore'; id: string; title: string; due: Date | string | null; steps_done: string[] };

/**
 * What waits on a person in requests ("Waiting on you"): drafts they may finish (as creator or
 * requester) before the round closes, drafts of their organisation to endorse (approver; the service keeps the complete ones),
 * and requests under review in their committee they have not scored, without a declared conflict.
 */
export async function waitingOf(db: DbOrTx, userId: string): Promise<WaitingRow[]> {
  return rows<WaitingRow>(
    db,
    sql`select 'draftToFinish' as kind, r.id, r.title, rd.closes_at as due, r.steps_done from requests r join programme_rounds rd on rd.id = r.round_id
          where r.state = 'draft' and (r.created_by = ${userId}
             or r.organisation_id in (select m.organisation_id from memberships m where m.user_id = ${userId} and m.status = 'active' and m.role = 'requester'))
        union all
        select 'requestToEndorse', r.id, r.title, rd.closes_at, r.steps_done from requests r join programme_rounds rd on rd.id = r.round_id
          where r.state = 'draft' and not exists (select 1 from endorsements e where e.request_id = r.id)
            and r.organisation_id in (select m.organisation_id from memberships m where m.user_id = ${userId} and m.status = 'active' and m.role = 'approver')
        union all
        select 'requestToScore', r.id, r.title, rd.review_closes_at, r.steps_done from requests r join programme_rounds rd on rd.id = r.round_id
          where r.state = 'under_review' and r.programme_id in (select c.programme_id from programme_committee c where c.user_id = ${userId})
            and not exists (select 1 from reviews v where v.request_id = r.id and v.reviewer_id = ${userId})
            and not exists (select 1 from conflict_declarations d where d.request_id = r.id and d.user_id = ${userId} and d.has_conflict)
        order by due asc nulls last limit 100`,
  );
}
