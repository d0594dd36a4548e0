/** Queries of the networks module. Only this file builds SQL for it; it reads names from accounts' and organisations' tables, and writes only its own. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { guidelineAcceptances, networkCoordinators, networkMembers, networkProposals, networks, proposalSupports, type NetworkText } from '../../db/schema/networks.ts';
import { rows, type DbOrTx } from '../../platform/db.ts';
import { SLUG } from './networks.schema.ts';

export type NetworkRow = typeof networks.$inferSelect;
export type MembershipRow = typeof networkMembers.$inferSelect;
export type ProposalRow = typeof networkProposals.$inferSelect;

export async function listNetworks(db: DbOrTx): Promise<(NetworkRow & { memberCount: number })[]> {
  const all = await db.select().from(networks).orderBy(networks.slug);
  const counts = await memberCounts(db, all.map((n) => n.id));
  return all.map((n) => ({ ...n, memberCount: counts.get(n.id) ?? 0 }));
}

export async function memberCounts(db: DbOrTx, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const r = await db
    .select({ id: networkMembers.networkId, n: sql<number>`count(*)::int` })
    .from(networkMembers)
    .where(and(inArray(networkMembers.networkId, ids), eq(networkMembers.state, 'active')))
    .groupBy(networkMembers.networkId);
  return new Map(r.map((x) => [x.id, Number(x.n)]));
}

export async function networkBySlug(db: DbOrTx, slug: string): Promise<NetworkRow | null> {
  // Not a slug (a NUL, a path trick, a huge string): no network, without asking the database.
  if (!SLUG.test(slug)) return null;
  const [n] = await db.select().from(networks).where(eq(networks.slug, slug));
  return n ?? null;
}

export async function networkById(db: DbOrTx, id: string): Promise<NetworkRow | null> {
  const [n] = await db.select().from(networks).where(eq(networks.id, id));
  return n ?? null;
}

export async function insertNetwork(db: DbOrTx, v: { slug: string; name: NetworkText; purpose: NetworkText; regions: string[]; themes: string[]; joinPolicy: string; guidelines: NetworkText; confidentiality: NetworkText; now: Date }): Promise<string | null> {
  const id = randomUUID();
  const out = await db
    .insert(networks)
    .values({ id, slug: v.slug, name: v.name, purpose: v.purpose, regions: v.regions, themes: v.themes, joinPolicy: v.joinPolicy, guidelines: v.guidelines, confidentiality: v.confidentiality, guidelinesVersion: 1, createdAt: v.now, updatedAt: v.now })
    .onConflictDoNothing()
    .returning({ id: networks.id });
  return out[0]?.id ?? null;
}

/** A new version of the guidelines (the texts in one language replace that language; the version rises). */
export async function newGuidelinesVersion(db: DbOrTx, id: string, lang: string, guidelines: string, confidentiality: string, now: Date): Promise<number> {
  const [r] = await db
    .update(networks)
    .set({
      guidelines: sql`${networks.guidelines} || jsonb_build_object(${lang}::text, ${guidelines}::text)`,
      confidentiality: sql`${networks.confidentiality} || jsonb_build_object(${lang}::text, ${confidentiality}::text)`,
      guidelinesVersion: sql`${networks.guidelinesVersion} + 1`,
      updatedAt: now,
    })
    .where(eq(networks.id, id))
    .returning({ v: networks.guidelinesVersion });
  return r?.v ?? 0;
}

// ---------- coordinators ----------

export type CoordinatorRow = { userId: string; name: string };

/** A network's own coordinators, by name. */
export async function coordinatorsOf(db: DbOrTx, networkId: string): Promise<CoordinatorRow[]> {
  return rows<CoordinatorRow>(db, sql`select c.user_id as "userId", u.name from network_coordinators c join users u on u.id = c.user_id where c.network_id = ${networkId} order by u.name`);
}

/** The overall coordinators (coordinate every network). */
export async function overallCoordinators(db: DbOrTx): Promise<CoordinatorRow[]> {
  return rows<CoordinatorRow>(db, sql`select c.user_id as "userId", u.name from network_coordinators c join users u on u.id = c.user_id where c.network_id is null order by u.name`);
}

/** Which networks a person coordinates (null in the list: overall). */
export async function coordinatedBy(db: DbOrTx, userId: string): Promise<(string | null)[]> {
  const r = await db.select({ networkId: networkCoordinators.networkId }).from(networkCoordinators).where(eq(networkCoordinators.userId, userId));
  return r.map((x) => x.networkId);
}

export async function insertCoordinator(db: DbOrTx, networkId: string | null, userId: string, now: Date): Promise<boolean> {
  const out = await db.insert(networkCoordinators).values({ id: randomUUID(), networkId, userId, createdAt: now }).onConflictDoNothing().returning({ id: networkCoordinators.id });
  return out.length > 0;
}

export async function deleteCoordinator(db: DbOrTx, networkId: string, userId: string): Promise<void> {
  await db.delete(networkCoordinators).where(and(eq(networkCoordinators.networkId, networkId), eq(networkCoordinators.userId, userId)));
}

// ---------- memberships ----------

export async function liveMembership(db: DbOrTx, networkId: string, userId: string): Promise<MembershipRow | null> {
  const [m] = await db
    .select()
    .from(networkMembers)
    .where(and(eq(networkMembers.networkId, networkId), eq(networkMembers.userId, userId), inArray(networkMembers.state, ['pending', 'active'])));
  return m ?? null;
}

export async function latestAcceptance(db: DbOrTx, networkId: string, userId: string): Promise<number> {
  const [r] = await rows<{ v: number | null }>(db, sql`select max(version)::int as v from guideline_acceptances where network_id = ${networkId} and user_id = ${userId}`);
  return Number(r?.v ?? 0);
}

/** A new live membership, or null when one exists already (the partial unique index: two joins at once make one). */
export async function insertMembership(db: DbOrTx, v: Omit<typeof networkMembers.$inferInsert, 'id'>): Promise<MembershipRow | null> {
  const out = await db.insert(networkMembers).values({ id: randomUUID(), ...v }).onConflictDoNothing().returning();
  return out[0] ?? null;
}

export async function insertAcceptance(db: DbOrTx, networkId: string, userId: string, version: number, at: Date): Promise<void> {
  await db.insert(guidelineAcceptances).values({ networkId, userId, version, at });
}

export async function membershipById(db: DbOrTx, id: string): Promise<MembershipRow | null> {
  const [m] = await db.select().from(networkMembers).where(eq(networkMembers.id, id));
  return m ?? null;
}

/** Decides a pending membership; null when it is no longer pending (two decisions at once make one). */
export async function decideMembership(db: DbOrTx, id: string, state: 'active' | 'declined', by: string, at: Date, reason: string | null): Promise<MembershipRow | null> {
  const [m] = await db
    .update(networkMembers)
    .set({ state, decidedBy: by, decidedAt: at, reason })
    .where(and(eq(networkMembers.id, id), eq(networkMembers.state, 'pending')))
    .returning();
  return m ?? null;
}

export async function leave(db: DbOrTx, networkId: string, userId: string, at: Date): Promise<MembershipRow | null> {
  const [m] = await db
    .update(networkMembers)
    .set({ state: 'left', leftAt: at })
    .where(and(eq(networkMembers.networkId, networkId), eq(networkMembers.userId, userId), inArray(networkMembers.state, ['pending', 'active'])))
    .returning();
  return m ?? null;
}

export type MemberListRow = {
  membershipId: string;
  userId: string;
  name: string;
  category: string;
  organisation: string | null;
  themes: string[];
  languages: string[];
  advisesWithoutFee: boolean;
  state: string;
  createdAt: Date | string;
};

export async function membersOf(db: DbOrTx, networkId: string, states: string[]): Promise<MemberListRow[]> {
  return rows<MemberListRow>(
    db,
    sql`select m.id as "membershipId", m.user_id as "userId", u.name, m.category, o.name as organisation, m.themes, m.languages,
          m.advises_without_fee as "advisesWithoutFee", m.state, m.created_at as "createdAt"
        from network_members m join users u on u.id = m.user_id left join organisations o on o.id = m.organisation_id
        where m.network_id = ${networkId} and m.state in (${sql.join(states.map((s) => sql`${s}`), sql`, `)})
        order by m.created_at, m.id`,
  );
}

export async function activeMemberIds(db: DbOrTx, networkId: string): Promise<string[]> {
  const r = await db.select({ id: networkMembers.userId }).from(networkMembers).where(and(eq(networkMembers.networkId, networkId), eq(networkMembers.state, 'active')));
  return r.map((x) => x.id);
}

export async function joinedSince(db: DbOrTx, networkId: string, since: Date): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`select count(*)::int as n from network_members where network_id = ${networkId} and state = 'active' and created_at >= ${since.toISOString()}::timestamptz`);
  return Number(r?.n ?? 0);
}

/** Organisations in which the person is an active member (for an institutional membership). */
export async function organisationsOfUser(db: DbOrTx, userId: string): Promise<{ id: string; name: string; isAdmin: boolean }[]> {
  return rows(
    db,
    sql`select o.id, o.name, bool_or(ms.role = 'org_admin') as "isAdmin" from memberships ms join organisations o on o.id = ms.organisation_id
        where ms.user_id = ${userId} and ms.status = 'active' group by o.id, o.name order by o.name`,
  );
}

export async function userIdByEmail(db: DbOrTx, email: string): Promise<string | null> {
  const [r] = await rows<{ id: string }>(db, sql`select id from users where lower(email) = ${email.toLowerCase()} and deleted_at is null`);
  return r?.id ?? null;
}

// ---------- proposals ----------

export type ProposalListRow = ProposalRow & { supports: number; authorName: string; supportedByMe: boolean };

/** A network's proposals, open first and by support. */
export async function proposalsOf(db: DbOrTx, networkId: string, viewerId: string | null, states: string[] = ['open', 'accepted', 'declined']): Promise<ProposalListRow[]> {
  const r = await rows<Record<string, unknown>>(
    db,
    sql`select p.*, u.name as author_name, (select count(*)::int from proposal_supports s where s.proposal_id = p.id) as supports,
          exists(select 1 from proposal_supports s where s.proposal_id = p.id and s.user_id = ${viewerId}) as supported_by_me
        from network_proposals p join users u on u.id = p.author_id
        where p.network_id = ${networkId} and p.state in (${sql.join(states.map((s) => sql`${s}`), sql`, `)})
        order by (p.state = 'open') desc, supports desc, p.created_at desc`,
  );
  return r.map((x) => ({
    id: x.id as string,
    networkId: x.network_id as string,
    authorId: x.author_id as string,
    kind: x.kind as string,
    title: x.title as string,
    description: x.description as string,
    lang: x.lang as string,
    state: x.state as string,
    decidedBy: (x.decided_by as string | null) ?? null,
    decidedAt: x.decided_at ? new Date(x.decided_at as string) : null,
    reason: (x.reason as string | null) ?? null,
    createdAt: new Date(x.created_at as string),
    supports: Number(x.supports),
    authorName: String(x.author_name ?? ''),
    supportedByMe: x.supported_by_me === true || x.supported_by_me === 't',
  }));
}

export async function insertProposal(db: DbOrTx, v: { networkId: string; authorId: string; kind: string; title: string; description: string; lang: string; now: Date }): Promise<string> {
  const id = randomUUID();
  await db.insert(networkProposals).values({ id, networkId: v.networkId, authorId: v.authorId, kind: v.kind, title: v.title, description: v.description, lang: v.lang, state: 'open', createdAt: v.now });
  return id;
}

export async function proposalById(db: DbOrTx, id: string): Promise<ProposalRow | null> {
  const [p] = await db.select().from(networkProposals).where(eq(networkProposals.id, id));
  return p ?? null;
}

/** One support per member (the primary key): false when already given. */
export async function insertSupport(db: DbOrTx, proposalId: string, userId: string, at: Date): Promise<boolean> {
  const out = await db.insert(proposalSupports).values({ proposalId, userId, at }).onConflictDoNothing().returning({ p: proposalSupports.proposalId });
  return out.length > 0;
}

export async function decideProposal(db: DbOrTx, id: string, state: 'accepted' | 'declined', by: string, at: Date, reason: string | null): Promise<ProposalRow | null> {
  const [p] = await db
    .update(networkProposals)
    .set({ state, decidedBy: by, decidedAt: at, reason })
    .where(and(eq(networkProposals.id, id), eq(networkProposals.state, 'open')))
    .returning();
  return p ?? null;
}

// ---------- a person's data (SECURITY.md 32–33) ----------

export async function personalRows(db: DbOrTx, userId: string) {
  const ms = await db.select().from(networkMembers).where(eq(networkMembers.userId, userId));
  const acc = await db.select().from(guidelineAcceptances).where(eq(guidelineAcceptances.userId, userId));
  const props = await db.select().from(networkProposals).where(eq(networkProposals.authorId, userId));
  const sup = await db.select().from(proposalSupports).where(eq(proposalSupports.userId, userId));
  const coord = await db.select().from(networkCoordinators).where(eq(networkCoordinators.userId, userId));
  return { ms, acc, props, sup, coord };
}

/** Erasure: memberships, acceptances, supports and coordinator roles go; proposals stay (their author shows as a deleted account) but lose their texts. */
export async function eraseUser(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(proposalSupports).where(eq(proposalSupports.userId, userId));
  await db.delete(guidelineAcceptances).where(eq(guidelineAcceptances.userId, userId));
  await db.delete(networkMembers).where(eq(networkMembers.userId, userId));
  await db.delete(networkCoordinators).where(eq(networkCoordinators.userId, userId));
  await db.update(networkProposals).set({ title: '', description: '' }).where(eq(networkProposals.authorId, userId));
  await db.update(networkMembers).set({ decidedBy: null }).where(eq(networkMembers.decidedBy, userId));
  await db.update(networkProposals).set({ decidedBy: null }).where(eq(networkProposals.decidedBy, userId));
}

