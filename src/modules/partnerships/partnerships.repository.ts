/**
 * The partnerships module's queries. Writes only its own tables; reads organisations, memberships,
 * users and exchanges to name partners, find admins and link exchanges (joined here, never written).
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db.ts';
import { rows } from '../../platform/db.ts';
import { recentActs, type RecentActs } from '../../platform/security.ts';
import { partnerships, partnershipMembers, partnershipEvents, partnershipDocuments, cooperationOpenings, cooperationRequests } from '../../db/schema/partnerships.ts';

export type PartnershipRow = typeof partnerships.$inferSelect;
export type MemberRow = { organisationId: string; name: string; country: string; confirmedAt: Date | null };

export async function insertPartnership(db: DbOrTx, v: typeof partnerships.$inferInsert): Promise<string | null> {
  const r = await db.insert(partnerships).values(v).onConflictDoNothing().returning({ id: partnerships.id });
  return r[0]?.id ?? null;
}

export async function insertMembers(db: DbOrTx, v: (typeof partnershipMembers.$inferInsert)[]): Promise<number> {
  if (!v.length) return 0;
  return (await db.insert(partnershipMembers).values(v).onConflictDoNothing().returning({ id: partnershipMembers.organisationId })).length;
}

export async function findPartnership(db: DbOrTx, id: string): Promise<PartnershipRow | undefined> {
  const [r] = await db.select().from(partnerships).where(eq(partnerships.id, id));
  return r;
}

export async function partnershipOfExchange(db: DbOrTx, exchangeId: string): Promise<PartnershipRow | undefined> {
  const [r] = await db.select().from(partnerships).where(eq(partnerships.exchangeId, exchangeId));
  return r;
}

export async function membersOf(db: DbOrTx, ids: readonly string[]): Promise<Map<string, MemberRow[]>> {
  const out = new Map<string, MemberRow[]>();
  if (!ids.length) return out;
  const r = await rows<{ partnership_id: string; organisation_id: string; name: string; country: string; confirmed_at: Date | string | null }>(
    db,
    sql`select m.partnership_id, m.organisation_id, o.name, o.country, m.confirmed_at from partnership_members m join organisations o on o.id = m.organisation_id
        where m.partnership_id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)}) order by m.invited_at, o.name`,
  );
  for (const x of r) {
    const l = out.get(x.partnership_id) ?? [];
    l.push({ organisationId: x.organisation_id, name: x.name, country: x.country, confirmedAt: x.confirmed_at ? new Date(x.confirmed_at) : null });
    out.set(x.partnership_id, l);
  }
  return out;
}

/** The organisations among `orgIds` where the person is an active member / an active admin. */
export async function myOrganisations(db: DbOrTx, userId: string): Promise<{ id: string; name: string; isAdmin: boolean }[]> {
  return rows<{ id: string; name: string; isAdmin: boolean }>(
    db,
    sql`select o.id, o.name, bool_or(m.role = 'org_admin') as "isAdmin" from memberships m join organisations o on o.id = m.organisation_id
        where m.user_id = ${userId} and m.status = 'active' group by o.id, o.name order by o.name`,
  );
}

/** The accounts that administer an organisation (for its mail). */
export async function adminsOf(db: DbOrTx, organisationId: string): Promise<string[]> {
  const r = await rows<{ user_id: string }>(db, sql`select user_id from memberships where organisation_id = ${organisationId} and role = 'org_admin' and status = 'active'`);
  return r.map((x) => x.user_id);
}

export async function membersUserIds(db: DbOrTx, partnershipId: string): Promise<string[]> {
  const r = await rows<{ user_id: string }>(db, sql`select distinct ms.user_id from partnership_members m join memberships ms on ms.organisation_id = m.organisation_id and ms.status = 'active' where m.partnership_id = ${partnershipId}`);
  return r.map((x) => x.user_id);
}

export async function organisationFacts(db: DbOrTx, id: string): Promise<{ id: string; name: string; country: string } | undefined> {
  const [r] = await rows<{ id: string; name: string; country: string }>(db, sql`select id, name, country from organisations where id = ${id}`);
  return r;
}

/** Organisations whose name contains the text (accents folded by the directory's search column is not needed here: a plain ilike). */
export async function organisationsNamed(db: DbOrTx, text: string, limit = 10): Promise<{ id: string; name: string; country: string }[]> {
  const like = `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  return rows<{ id: string; name: string; country: string }>(db, sql`select id, name, country from organisations where name ilike ${like} order by (lower(name) = lower(${text})) desc, name limit ${limit}`);
}

export async function confirmMember(db: DbOrTx, partnershipId: string, organisationId: string, userId: string, at: Date): Promise<boolean> {
  const r = await db
    .update(partnershipMembers)
    .set({ confirmedAt: at, confirmedBy: userId })
    .where(and(eq(partnershipMembers.partnershipId, partnershipId), eq(partnershipMembers.organisationId, organisationId), sql`${partnershipMembers.confirmedAt} is null`))
    .returning({ id: partnershipMembers.organisationId });
  return r.length > 0;
}

/** Active once every partner confirmed (and there are at least two). */
export async function activateIfConfirmed(db: DbOrTx, id: string, at: Date): Promise<boolean> {
  const r = await rows<{ id: string }>(
    db,
    sql`update partnerships p set state = 'active', updated_at = ${at.toISOString()} where p.id = ${id} and p.state = 'proposed'
        and (select count(*) from partnership_members m where m.partnership_id = p.id) >= 2
        and not exists (select 1 from partnership_members m where m.partnership_id = p.id and m.confirmed_at is null) returning p.id`,
  );
  return r.length > 0;
}

export async function insertEntry(db: DbOrTx, v: typeof partnershipEvents.$inferInsert): Promise<boolean> {
  return (await db.insert(partnershipEvents).values(v).onConflictDoNothing().returning({ id: partnershipEvents.id })).length > 0;
}

export async function historyOf(db: DbOrTx, id: string) {
  return rows<{ id: string; kind: string; day: string | null; title: string; note: string; lang: string; exchange_id: string | null; actor_name: string | null; at: Date }>(
    db,
    sql`select e.id, e.kind, e.day::text as day, e.title, e.note, e.lang, e.exchange_id, u.name as actor_name, e.at from partnership_events e left join users u on u.id = e.actor_id
        where e.partnership_id = ${id} order by coalesce(e.day, (e.at at time zone 'UTC')::date) desc, e.at desc`,
  );
}

export async function insertDocument(db: DbOrTx, v: typeof partnershipDocuments.$inferInsert): Promise<void> {
  await db.insert(partnershipDocuments).values(v);
}
/** Bytes a person has stored in partnership documents (added to their other files for the quota). */
export async function documentBytesOf(db: DbOrTx, userId: string): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`select coalesce(sum(size), 0)::int as n from partnership_documents where uploaded_by = ${userId}`);
  return r?.n ?? 0;
}
export async function documentsOf(db: DbOrTx, id: string) {
  return db.select({ id: partnershipDocuments.id, label: partnershipDocuments.label, size: partnershipDocuments.size, createdAt: partnershipDocuments.createdAt }).from(partnershipDocuments).where(eq(partnershipDocuments.partnershipId, id)).orderBy(desc(partnershipDocuments.createdAt));
}
export async function findDocument(db: DbOrTx, id: string) {
  const [r] = await db.select().from(partnershipDocuments).where(eq(partnershipDocuments.id, id));
  return r;
}

/** Partnerships matching the filters that are public, or that one of `orgIds` belongs to. */
export async function listPartnerships(db: DbOrTx, f: { approach?: string; theme?: string; country?: string; orgIds: readonly string[]; all?: boolean }): Promise<PartnershipRow[]> {
  const mine = f.orgIds.length ? sql`exists (select 1 from partnership_members m where m.partnership_id = p.id and m.organisation_id in (${sql.join(f.orgIds.map((i) => sql`${i}`), sql`, `)}))` : sql`false`;
  const conds = [f.all ? sql`true` : sql`((p.wants_public and p.state = 'active') or ${mine})`];
  if (f.approach) conds.push(sql`${f.approach} = any(p.approaches)`);
  if (f.theme) conds.push(sql`${f.theme} = any(p.themes)`);
  if (f.country) conds.push(sql`exists (select 1 from partnership_members m join organisations o on o.id = m.organisation_id where m.partnership_id = p.id and o.country = ${f.country})`);
  const r = await rows<Record<string, unknown>>(
    db,
    sql`select p.id from partnerships p where ${sql.join(conds, sql` and `)} order by p.since nulls last, p.created_at limit 500`,
  );
  if (!r.length) return [];
  const list = await db.select().from(partnerships).where(inArray(partnerships.id, r.map((x) => x.id as string)));
  const order = new Map(r.map((x, i) => [x.id as string, i]));
  return list.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

export async function partnershipsOfOrganisation(db: DbOrTx, organisationId: string): Promise<PartnershipRow[]> {
  const ids = await rows<{ id: string }>(db, sql`select partnership_id as id from partnership_members where organisation_id = ${organisationId}`);
  if (!ids.length) return [];
  return db.select().from(partnerships).where(inArray(partnerships.id, ids.map((x) => x.id))).orderBy(asc(partnerships.since));
}

/** Partnerships linking both organisations of an exchange (for its automatic history entry). */
export async function partnershipsLinking(db: DbOrTx, exchangeId: string): Promise<{ partnershipId: string; title: string; day: string }[]> {
  return rows<{ partnershipId: string; title: string; day: string }>(
    db,
    sql`select p.id as "partnershipId", e.title, e.end_date::text as day from exchanges e join partnerships p on true
        where e.id = ${exchangeId} and e.peer_organisation_id is not null
        and (p.exchange_id = e.id or (exists (select 1 from partnership_members m where m.partnership_id = p.id and m.organisation_id = e.host_organisation_id)
             and exists (select 1 from partnership_members m where m.partnership_id = p.id and m.organisation_id = e.peer_organisation_id)))`,
  );
}

/** Every partnership (any origin) by approach, and the country pairs of its partners, for the programme dashboard. */
export async function approachCounts(db: DbOrTx): Promise<{ key: string; n: number }[]> {
  return rows<{ key: string; n: number }>(db, sql`select a.approach as key, count(*)::int as n from partnerships p cross join lateral unnest(p.approaches) as a(approach) group by a.approach order by n desc, key`);
}
export async function countryPairs(db: DbOrTx): Promise<{ a: string; b: string; approach: string; n: number }[]> {
  return rows<{ a: string; b: string; approach: string; n: number }>(
    db,
    sql`select oa.country as a, ob.country as b, coalesce(p.approaches[1], '') as approach, count(*)::int as n
        from partnerships p join partnership_members ma on ma.partnership_id = p.id join partnership_members mb on mb.partnership_id = p.id and ma.organisation_id < mb.organisation_id
        join organisations oa on oa.id = ma.organisation_id join organisations ob on ob.id = mb.organisation_id
        group by oa.country, ob.country, coalesce(p.approaches[1], '') order by n desc, a, b`,
  );
}

// ---------- open to cooperation ----------
export type OpeningRow = typeof cooperationOpenings.$inferSelect;
export async function openingOf(db: DbOrTx, organisationId: string): Promise<OpeningRow | undefined> {
  const [r] = await db.select().from(cooperationOpenings).where(eq(cooperationOpenings.organisationId, organisationId));
  return r;
}
export async function saveOpening(db: DbOrTx, v: typeof cooperationOpenings.$inferInsert): Promise<void> {
  await db.insert(cooperationOpenings).values(v).onConflictDoUpdate({ target: cooperationOpenings.organisationId, set: { themes: v.themes, statement: v.statement, lang: v.lang, updatedBy: v.updatedBy, updatedAt: v.updatedAt } });
}
export async function deleteOpening(db: DbOrTx, organisationId: string): Promise<void> {
  await db.delete(cooperationOpenings).where(eq(cooperationOpenings.organisationId, organisationId));
}
/** Which of these organisations are open to cooperation (the directory's badges: one query per page). */
export async function openAmong(db: DbOrTx, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const r = await db.select({ id: cooperationOpenings.organisationId }).from(cooperationOpenings).where(inArray(cooperationOpenings.organisationId, [...ids]));
  return new Set(r.map((x) => x.id));
}
export async function openOrganisations(db: DbOrTx, f: { theme?: string | null; limit: number }) {
  return rows<{ id: string; name: string; country: string; themes: string[]; statement: string; lang: string }>(
    db,
    sql`select o.id, o.name, o.country, c.themes, c.statement, c.lang from cooperation_openings c join organisations o on o.id = c.organisation_id
        where ${f.theme ? sql`${f.theme} = any(c.themes)` : sql`true`} order by c.updated_at desc, o.name limit ${f.limit}`,
  );
}

// ---------- direct cooperation requests ----------
export type RequestRow = typeof cooperationRequests.$inferSelect;
export async function insertRequest(db: DbOrTx, v: typeof cooperationRequests.$inferInsert): Promise<void> {
  await db.insert(cooperationRequests).values(v);
}
export async function findRequest(db: DbOrTx, id: string): Promise<RequestRow | undefined> {
  const [r] = await db.select().from(cooperationRequests).where(eq(cooperationRequests.id, id));
  return r;
}
export async function answerRequest(db: DbOrTx, id: string, v: { state: string; answer: string; answeredBy: string; answeredAt: Date }): Promise<boolean> {
  const r = await db.update(cooperationRequests).set(v).where(and(eq(cooperationRequests.id, id), eq(cooperationRequests.state, 'sent'))).returning({ id: cooperationRequests.id });
  return r.length > 0;
}
export async function linkRequest(db: DbOrTx, id: string, partnershipId: string): Promise<void> {
  await db.update(cooperationRequests).set({ partnershipId }).where(eq(cooperationRequests.id, id));
}
export async function openRequestBetween(db: DbOrTx, from: string, to: string): Promise<boolean> {
  const r = await rows<{ id: string }>(db, sql`select id from cooperation_requests where from_organisation_id = ${from} and to_organisation_id = ${to} and state = 'sent' limit 1`);
  return r.length > 0;
}
export const recentRequests = (db: DbOrTx, userId: string, since: Date): Promise<RecentActs> => recentActs(db, cooperationRequests, cooperationRequests.senderId, cooperationRequests.createdAt, userId, since);

/** Requests to or from the organisations given, newest first, with both names. */
export async function requestsOf(db: DbOrTx, orgIds: readonly string[]) {
  if (!orgIds.length) return [];
  const ids = sql.join(orgIds.map((i) => sql`${i}`), sql`, `);
  return rows<{ id: string; from_id: string; from_name: string; to_id: string; to_name: string; theme: string; message: string; lang: string; state: string; answer: string; partnership_id: string | null; created_at: Date; sender_name: string | null }>(
    db,
    sql`select r.id, r.from_organisation_id as from_id, f.name as from_name, r.to_organisation_id as to_id, t.name as to_name, r.theme, r.message, r.lang, r.state, r.answer, r.partnership_id, r.created_at, u.name as sender_name
        from cooperation_requests r join organisations f on f.id = r.from_organisation_id join organisations t on t.id = r.to_organisation_id left join users u on u.id = r.sender_id
        where r.from_organisation_id in (${ids}) or r.to_organisation_id in (${ids}) order by r.created_at desc limit 200`,
  );
}

// ---------- personal data ----------
export async function personalRows(db: DbOrTx, userId: string) {
  const [requests, entries, docs] = await Promise.all([
    db.select({ id: cooperationRequests.id, theme: cooperationRequests.theme, message: cooperationRequests.message, createdAt: cooperationRequests.createdAt }).from(cooperationRequests).where(eq(cooperationRequests.senderId, userId)),
    db.select({ id: partnershipEvents.id, kind: partnershipEvents.kind, title: partnershipEvents.title, note: partnershipEvents.note, at: partnershipEvents.at }).from(partnershipEvents).where(eq(partnershipEvents.actorId, userId)),
    db.select({ id: partnershipDocuments.id, label: partnershipDocuments.label, storageName: partnershipDocuments.storageName }).from(partnershipDocuments).where(eq(partnershipDocuments.uploadedBy, userId)),
  ]);
  return { requests, entries, docs };
}
/** Erasure: the person's own texts go (requests' messages and answers, history notes), their documents are removed; the rows stay without author. */
export async function erasePerson(db: DbOrTx, userId: string): Promise<string[]> {
  await db.update(cooperationRequests).set({ message: '', senderId: null }).where(eq(cooperationRequests.senderId, userId));
  await db.update(cooperationRequests).set({ answer: '', answeredBy: null }).where(eq(cooperationRequests.answeredBy, userId));
  await db.update(partnershipEvents).set({ note: '', actorId: null }).where(eq(partnershipEvents.actorId, userId));
  const docs = await db.delete(partnershipDocuments).where(eq(partnershipDocuments.uploadedBy, userId)).returning({ storageName: partnershipDocuments.storageName });
  await db.update(partnershipMembers).set({ invitedBy: null }).where(eq(partnershipMembers.invitedBy, userId));
  await db.update(partnershipMembers).set({ confirmedBy: null }).where(eq(partnershipMembers.confirmedBy, userId));
  await db.update(partnerships).set({ proposedBy: null }).where(eq(partnerships.proposedBy, userId));
  await db.update(cooperationOpenings).set({ updatedBy: null }).where(eq(cooperationOpenings.updatedBy, userId));
  return docs.map((d) => d.storageName);
}
