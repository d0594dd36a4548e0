/** The associations module's tables, and the little it reads of organisations and memberships. */
import { and, asc, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import { rows, type DbOrTx } from '../../platform/db.ts';
import { recentActs, type RecentActs } from '../../platform/security.ts';
import { associationMembers, lessonsBriefs, lessonsBriefRecipients } from '../../db/schema/associations.ts';

export type OrganisationFacts = { id: string; name: string; kind: string; country: string };

export async function organisationFacts(db: DbOrTx, id: string): Promise<OrganisationFacts | undefined> {
  const [r] = await rows<OrganisationFacts>(db, sql`select id, name, kind, country from organisations where id = ${id}`);
  return r;
}

/** The active admins of an organisation (who confirm a link, who are told). */
export async function adminIdsOf(db: DbOrTx, organisationId: string): Promise<string[]> {
  return (await rows<{ user_id: string }>(db, sql`select user_id from memberships where organisation_id = ${organisationId} and role = 'org_admin' and status = 'active'`)).map((r) => r.user_id);
}

/** The associations whose active admin this person is. */
export async function associationsAdministeredBy(db: DbOrTx, userId: string): Promise<OrganisationFacts[]> {
  return rows<OrganisationFacts>(
    db,
    sql`select o.id, o.name, o.kind, o.country from organisations o join memberships m on m.organisation_id = o.id
        where m.user_id = ${userId} and m.role = 'org_admin' and m.status = 'active' and o.kind = 'association' order by o.name`,
  );
}

/** Organisations whose name contains the words (for the association's "add a member" search). */
export async function findOrganisationsByName(db: DbOrTx, q: string, limit = 20): Promise<OrganisationFacts[]> {
  const like = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return rows<OrganisationFacts>(db, sql`select id, name, kind, country from organisations where name ilike ${like} order by name limit ${limit}`);
}

export type LinkRow = typeof associationMembers.$inferSelect;
export type LinkView = LinkRow & { associationName: string; memberName: string; memberCountry: string };

const linkSelect = sql`select l.id, l.association_id as "associationId", l.member_id as "memberId", l.state, l.requested_by as "requestedBy", l.requested_at as "requestedAt",
    l.decided_by as "decidedBy", l.decided_at as "decidedAt", a.name as "associationName", m.name as "memberName", m.country as "memberCountry"
  from association_members l join organisations a on a.id = l.association_id join organisations m on m.id = l.member_id`;

export async function linksOfAssociation(db: DbOrTx, associationId: string): Promise<LinkView[]> {
  return rows<LinkView>(db, sql`${linkSelect} where l.association_id = ${associationId} order by m.name`);
}

export async function linksOfMembers(db: DbOrTx, memberIds: string[]): Promise<LinkView[]> {
  if (!memberIds.length) return [];
  return rows<LinkView>(db, sql`${linkSelect} where l.member_id in (${sql.join(memberIds.map((id) => sql`${id}::uuid`), sql`, `)}) order by a.name`);
}

/** Links waiting on the admins of these organisations. */
export async function pendingForMembers(db: DbOrTx, memberIds: string[]): Promise<LinkView[]> {
  return (await linksOfMembers(db, memberIds)).filter((l) => l.state === 'pending');
}

export async function findLink(db: DbOrTx, id: string): Promise<LinkRow | undefined> {
  const [r] = await db.select().from(associationMembers).where(eq(associationMembers.id, id));
  return r;
}

/** Inserts a pending link; false when the pair is already linked or asked. */
export async function insertLink(db: DbOrTx, v: typeof associationMembers.$inferInsert): Promise<boolean> {
  const r = await db.insert(associationMembers).values(v).onConflictDoNothing().returning({ id: associationMembers.id });
  return r.length === 1;
}

/** Decides a pending link (true) — once: a second decision finds nothing pending. */
export async function decideLink(db: DbOrTx, id: string, to: 'active' | 'declined', by: string, at: Date): Promise<boolean> {
  if (to === 'declined') {
    const r = await db.delete(associationMembers).where(and(eq(associationMembers.id, id), eq(associationMembers.state, 'pending'))).returning({ id: associationMembers.id });
    return r.length === 1;
  }
  const r = await db
    .update(associationMembers)
    .set({ state: 'active', decidedBy: by, decidedAt: at })
    .where(and(eq(associationMembers.id, id), eq(associationMembers.state, 'pending')))
    .returning({ id: associationMembers.id });
  return r.length === 1;
}

export async function removeLink(db: DbOrTx, id: string): Promise<void> {
  await db.delete(associationMembers).where(eq(associationMembers.id, id));
}

export type BriefRow = typeof lessonsBriefs.$inferSelect;
export type RecipientRow = typeof lessonsBriefRecipients.$inferSelect;

export async function insertBrief(db: DbOrTx, b: typeof lessonsBriefs.$inferInsert, recipients: (typeof lessonsBriefRecipients.$inferInsert)[]): Promise<void> {
  await db.insert(lessonsBriefs).values(b);
  if (recipients.length) await db.insert(lessonsBriefRecipients).values(recipients).onConflictDoNothing();
}

export async function findBrief(db: DbOrTx, id: string): Promise<BriefRow | undefined> {
  const [r] = await db.select().from(lessonsBriefs).where(eq(lessonsBriefs.id, id));
  return r;
}

export async function briefsOf(db: DbOrTx, associationId: string): Promise<(BriefRow & { recipients: number; sent: number })[]> {
  const list = await db.select().from(lessonsBriefs).where(eq(lessonsBriefs.associationId, associationId)).orderBy(desc(lessonsBriefs.createdAt)).limit(100);
  const counts = await rows<{ brief_id: string; n: number; sent: number }>(
    db,
    sql`select r.brief_id, count(*)::int as n, count(r.sent_at)::int as sent from lessons_brief_recipients r join lessons_briefs b on b.id = r.brief_id where b.association_id = ${associationId} group by r.brief_id`,
  );
  const by = new Map(counts.map((c) => [c.brief_id, c]));
  return list.map((b) => ({ ...b, recipients: by.get(b.id)?.n ?? 0, sent: by.get(b.id)?.sent ?? 0 }));
}

export async function recipientsOf(db: DbOrTx, briefId: string): Promise<RecipientRow[]> {
  return db.select().from(lessonsBriefRecipients).where(eq(lessonsBriefRecipients.briefId, briefId)).orderBy(asc(lessonsBriefRecipients.name));
}

export const MAX_ATTEMPTS = 5;

/** Unsent recipients, claimed so that several processes never send one twice. */
export async function claimUnsent(db: DbOrTx, limit: number): Promise<RecipientRow[]> {
  return rows<RecipientRow>(
    db,
    sql`select id, brief_id as "briefId", name, email, kind, lang, attempts, sent_at as "sentAt" from lessons_brief_recipients
        where sent_at is null and attempts < ${MAX_ATTEMPTS} order by id limit ${limit} for update skip locked`,
  );
}

export async function markSent(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db.update(lessonsBriefRecipients).set({ sentAt: at }).where(and(eq(lessonsBriefRecipients.id, id), isNull(lessonsBriefRecipients.sentAt)));
}

export async function markFailed(db: DbOrTx, id: string): Promise<void> {
  await db
    .update(lessonsBriefRecipients)
    .set({ attempts: sql`${lessonsBriefRecipients.attempts} + 1` })
    .where(and(eq(lessonsBriefRecipients.id, id), lt(lessonsBriefRecipients.attempts, MAX_ATTEMPTS)));
}

/** What a person wrote here (their briefs' notes), for "download my data". */
export async function briefsBy(db: DbOrTx, userId: string): Promise<BriefRow[]> {
  return db.select().from(lessonsBriefs).where(eq(lessonsBriefs.createdBy, userId));
}

export type LessonRow = { id: string; title: Record<string, string>; summary: Record<string, string>; results: Record<string, string>; original_language: string };

/** The published good practices drawn from an exchange: the lessons a brief passes on. */
export async function lessonsOfExchange(db: DbOrTx, exchangeId: string): Promise<LessonRow[]> {
  return rows<LessonRow>(db, sql`select id, title, summary, results, original_language from good_practices where exchange_id = ${exchangeId} and state = 'published' order by id`);
}

/** The organisations this person is an active admin of. */
export async function organisationsAdministeredBy(db: DbOrTx, userId: string): Promise<string[]> {
  return (await rows<{ organisation_id: string }>(db, sql`select organisation_id from memberships where user_id = ${userId} and role = 'org_admin' and status = 'active'`)).map((r) => r.organisation_id);
}

export async function forgetPerson(db: DbOrTx, userId: string): Promise<void> {
  await db.update(lessonsBriefs).set({ createdBy: null }).where(eq(lessonsBriefs.createdBy, userId));
  await db.update(associationMembers).set({ requestedBy: null }).where(eq(associationMembers.requestedBy, userId));
  await db.update(associationMembers).set({ decidedBy: null }).where(eq(associationMembers.decidedBy, userId));
}

/** An organisation by the id an import or the demo gave it (`nl-almere`). */
export async function organisationIdByExternalId(db: DbOrTx, externalId: string): Promise<string | undefined> {
  const [r] = await rows<{ id: string }>(db, sql`select id from organisations where external_id = ${externalId}`);
  return r?.id;
}

/** The briefs a person wrote since `since` (the per-person limit). */
export function briefsRecentlyBy(db: DbOrTx, userId: string, since: Date): Promise<RecentActs> {
  return recentActs(db, lessonsBriefs, lessonsBriefs.createdBy, lessonsBriefs.createdAt, userId, since);
}
