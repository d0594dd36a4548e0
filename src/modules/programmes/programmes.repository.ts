/** Queries on programmes, rounds, criteria, committee and the timeline. The only place they are built. */
import { and, asc, desc, eq, gt, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db.ts';
import { programmes, programmeRounds, programmeCriteria, programmeCommittee, timelineEvents } from '../../db/schema/programmes.ts';
import { users } from '../../db/schema/accounts.ts';

export type ProgrammeRow = typeof programmes.$inferSelect;
export type RoundRow = typeof programmeRounds.$inferSelect;
export type CriterionRow = typeof programmeCriteria.$inferSelect;
export type TimelineRow = typeof timelineEvents.$inferSelect;

export async function insertProgramme(db: DbOrTx, v: typeof programmes.$inferInsert): Promise<boolean> {
  const r = await db.insert(programmes).values(v).onConflictDoNothing().returning({ id: programmes.id });
  return r.length === 1;
}

export async function updateProgrammeRow(db: DbOrTx, id: string, v: Partial<typeof programmes.$inferInsert>): Promise<boolean> {
  const r = await db.update(programmes).set(v).where(eq(programmes.id, id)).returning({ id: programmes.id });
  return r.length === 1;
}

export async function slugTaken(db: DbOrTx, slug: string, exceptId?: string): Promise<boolean> {
  const r = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, slug));
  return r.some((x) => x.id !== exceptId);
}

export async function findProgramme(db: DbOrTx, id: string): Promise<ProgrammeRow | undefined> {
  const [r] = await db.select().from(programmes).where(eq(programmes.id, id));
  return r;
}

export async function findProgrammeBySlug(db: DbOrTx, slug: string): Promise<ProgrammeRow | undefined> {
  const [r] = await db.select().from(programmes).where(eq(programmes.slug, slug));
  return r;
}

export async function listProgrammes(db: DbOrTx): Promise<ProgrammeRow[]> {
  return db.select().from(programmes).orderBy(asc(programmes.name));
}

export async function roundsOf(db: DbOrTx, programmeId: string): Promise<RoundRow[]> {
  return db.select().from(programmeRounds).where(eq(programmeRounds.programmeId, programmeId)).orderBy(asc(programmeRounds.opensAt));
}

export async function findRound(db: DbOrTx, id: string): Promise<RoundRow | undefined> {
  const [r] = await db.select().from(programmeRounds).where(eq(programmeRounds.id, id));
  return r;
}

export async function insertRound(db: DbOrTx, v: typeof programmeRounds.$inferInsert): Promise<void> {
  await db.insert(programmeRounds).values(v);
}

export async function criteriaOf(db: DbOrTx, programmeId: string): Promise<CriterionRow[]> {
  return db.select().from(programmeCriteria).where(eq(programmeCriteria.programmeId, programmeId)).orderBy(asc(programmeCriteria.position), asc(programmeCriteria.label));
}

export async function insertCriterion(db: DbOrTx, v: typeof programmeCriteria.$inferInsert): Promise<void> {
  await db.insert(programmeCriteria).values(v);
}

export async function deleteCriterion(db: DbOrTx, programmeId: string, id: string): Promise<boolean> {
  const r = await db
    .delete(programmeCriteria)
    .where(and(eq(programmeCriteria.programmeId, programmeId), eq(programmeCriteria.id, id)))
    .returning({ id: programmeCriteria.id });
  return r.length === 1;
}

export async function committeeOf(db: DbOrTx, programmeId: string): Promise<{ userId: string; name: string; email: string | null }[]> {
  return db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(programmeCommittee)
    .innerJoin(users, eq(users.id, programmeCommittee.userId))
    .where(eq(programmeCommittee.programmeId, programmeId))
    .orderBy(asc(users.name));
}

export async function isCommitteeMember(db: DbOrTx, programmeId: string, userId: string): Promise<boolean> {
  const r = await db
    .select({ u: programmeCommittee.userId })
    .from(programmeCommittee)
    .where(and(eq(programmeCommittee.programmeId, programmeId), eq(programmeCommittee.userId, userId)));
  return r.length > 0;
}

export async function addCommitteeMember(db: DbOrTx, programmeId: string, userId: string, at: Date): Promise<void> {
  await db.insert(programmeCommittee).values({ programmeId, userId, addedAt: at }).onConflictDoNothing();
}

export async function removeCommitteeMember(db: DbOrTx, programmeId: string, userId: string): Promise<void> {
  await db.delete(programmeCommittee).where(and(eq(programmeCommittee.programmeId, programmeId), eq(programmeCommittee.userId, userId)));
}

export async function findUserIdByEmail(db: DbOrTx, email: string): Promise<{ id: string; roles: string[] } | undefined> {
  const [r] = await db.select({ id: users.id, roles: users.roles }).from(users).where(eq(sql`lower(${users.email})`, email));
  return r;
}

export type OpenRoundRow = { round: RoundRow; programme: ProgrammeRow };

/** Rounds open for requests at `now`, filtered in SQL by the programme's regions, themes and formats. */
export async function openRounds(db: DbOrTx, now: Date, f: { region?: string; theme?: string; format?: string }): Promise<OpenRoundRow[]> {
  const conds = [lte(programmeRounds.opensAt, now), gt(programmeRounds.closesAt, now)];
  if (f.region) conds.push(sql`(cardinality(${programmes.eligibleRegions}) = 0 or ${f.region} = any(${programmes.eligibleRegions}))`);
  if (f.theme) conds.push(sql`(cardinality(${programmes.themes}) = 0 or ${f.theme} = any(${programmes.themes}))`);
  if (f.format) conds.push(sql`${f.format} = any(${programmes.formats})`);
  const r = await db
    .select({ round: programmeRounds, programme: programmes })
    .from(programmeRounds)
    .innerJoin(programmes, eq(programmes.id, programmeRounds.programmeId))
    .where(and(...conds))
    .orderBy(asc(programmeRounds.closesAt))
    .limit(200);
  return r;
}

/** Rounds not yet closed (open or upcoming), for the deadline calendar. */
export async function currentAndUpcomingRounds(db: DbOrTx, now: Date): Promise<OpenRoundRow[]> {
  return db
    .select({ round: programmeRounds, programme: programmes })
    .from(programmeRounds)
    .innerJoin(programmes, eq(programmes.id, programmeRounds.programmeId))
    .where(gt(programmeRounds.closesAt, now))
    .orderBy(asc(programmeRounds.closesAt))
    .limit(500);
}

/** Rounds that open after `now`, soonest first (the "next round" of a closed call for requests). */
export async function roundsOpeningAfter(db: DbOrTx, now: Date): Promise<OpenRoundRow[]> {
  return db
    .select({ round: programmeRounds, programme: programmes })
    .from(programmeRounds)
    .innerJoin(programmes, eq(programmes.id, programmeRounds.programmeId))
    .where(gt(programmeRounds.opensAt, now))
    .orderBy(asc(programmeRounds.opensAt))
    .limit(50);
}

/** Adds a timeline event; the same kind and reference is recorded once. */
export async function insertTimelineEvent(db: DbOrTx, v: typeof timelineEvents.$inferInsert): Promise<void> {
  await db.insert(timelineEvents).values(v).onConflictDoNothing();
}

/** Events of a programme that have happened by `now`, newest first. */
export async function timelineOf(db: DbOrTx, programmeId: string, now: Date): Promise<TimelineRow[]> {
  return db
    .select()
    .from(timelineEvents)
    .where(and(eq(timelineEvents.programmeId, programmeId), lte(timelineEvents.at, now)))
    .orderBy(desc(timelineEvents.at))
    .limit(500);
}

export async function updateRoundRow(db: DbOrTx, programmeId: string, id: string, v: Partial<typeof programmeRounds.$inferInsert>): Promise<boolean> {
  const r = await db
    .update(programmeRounds)
    .set(v)
    .where(and(eq(programmeRounds.programmeId, programmeId), eq(programmeRounds.id, id)))
    .returning({ id: programmeRounds.id });
  return r.length === 1;
}

/** Moves the "round opened" event with its round. */
export async function updateRoundEvent(db: DbOrTx, roundId: string, at: Date, title: string): Promise<void> {
  await db
    .update(timelineEvents)
    .set({ at, title })
    .where(and(eq(timelineEvents.kind, 'round_opened'), eq(timelineEvents.refId, roundId)));
}

export async function updateCriterionRow(db: DbOrTx, programmeId: string, id: string, v: { label: string; weight: number }): Promise<boolean> {
  const r = await db
    .update(programmeCriteria)
    .set(v)
    .where(and(eq(programmeCriteria.programmeId, programmeId), eq(programmeCriteria.id, id)))
    .returning({ id: programmeCriteria.id });
  return r.length === 1;
}

// Personal data (privacy hooks: export and erasure, through the manifest)

/** Erasure: the person's committee seats. */
export async function eraseCommitteeSeats(db: DbOrTx, userId: string): Promise<void> {
  await db.execute(sql`delete from programme_committee where user_id = ${userId}`);
}
