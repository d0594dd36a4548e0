/** Queries on exchanges, their terms of reference and their page. The only place they are built. */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db.ts';
import { rows } from '../../platform/db.ts';
import { recentActs } from '../../platform/security.ts';
import { exchanges, exchangeTransitions, exchangeParticipants, exchangeBudgetLines, torVersions, torSignatures, exchangeAgendaItems, exchangeMessages, exchangeTasks, exchangeDocuments } from '../../db/schema/exchanges.ts';
import { users } from '../../db/schema/accounts.ts';

export type ExchangeRow = typeof exchanges.$inferSelect;
export type TorVersionRow = typeof torVersions.$inferSelect;

export type MatchFacts = {
  matchId: string;
  matchState: string;
  title: string;
  programmeId: string;
  requestId: string;
  hostOrganisationId: string;
  peerOrganisationId: string | null;
  peerUserId: string;
  formats: string[];
  periodStart: string | null;
  periodEnd: string | null;
};

/** What an exchange is planned from: the match, its call, request and offer. */
export async function matchFacts(db: DbOrTx, matchId: string): Promise<MatchFacts | undefined> {
  const [r] = await rows<Record<string, unknown>>(
    db,
    sql`select m.id as match_id, m.state as match_state, c.title, c.programme_id, r.id as request_id, r.organisation_id as host_org,
               o.organisation_id as peer_org, o.offered_by, c.formats, c.period_start, c.period_end
        from matches m join expertise_calls c on c.id = m.call_id join requests r on r.id = c.request_id join offers o on o.id = m.offer_id
        where m.id = ${matchId}`,
  );
  if (!r) return undefined;
  const d = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
  return {
    matchId: r.match_id as string,
    matchState: r.match_state as string,
    title: r.title as string,
    programmeId: r.programme_id as string,
    requestId: r.request_id as string,
    hostOrganisationId: r.host_org as string,
    peerOrganisationId: (r.peer_org as string | null) ?? null,
    peerUserId: r.offered_by as string,
    formats: (r.formats as string[]) ?? [],
    periodStart: d(r.period_start),
    periodEnd: d(r.period_end),
  };
}

/** Confirmed matches without an exchange yet, for the broker's list. */
export async function matchesToPlan(db: DbOrTx): Promise<{ matchId: string; title: string }[]> {
  const r = await rows<{ match_id: string; title: string }>(
    db,
    sql`select m.id as match_id, c.title from matches m join expertise_calls c on c.id = m.call_id
        where m.state = 'confirmed' and not exists (select 1 from exchanges e where e.match_id = m.id)
        order by m.updated_at desc limit 200`,
  );
  return r.map((x) => ({ matchId: x.match_id, title: x.title }));
}

/** Inserts an exchange; null when the match already has one. */
export async function insertExchange(db: DbOrTx, v: typeof exchanges.$inferInsert): Promise<string | null> {
  const r = await db.insert(exchanges).values(v).onConflictDoNothing().returning({ id: exchanges.id });
  return r[0]?.id ?? null;
}

export async function findExchange(db: DbOrTx, id: string): Promise<ExchangeRow | undefined> {
  const [r] = await db.select().from(exchanges).where(eq(exchanges.id, id));
  return r;
}

export async function findExchangeByMatch(db: DbOrTx, matchId: string): Promise<ExchangeRow | undefined> {
  const [r] = await db.select().from(exchanges).where(eq(exchanges.matchId, matchId));
  return r;
}

/** Whether the user is on the host side (the request's author or an active member of the host organisation) and on the peer side (the offer's author or an active member of the peer organisation). */
export async function standingOf(db: DbOrTx, e: ExchangeRow, userId: string): Promise<{ isHost: boolean; isPeer: boolean }> {
  const [r] = await rows<{ is_host: boolean; is_peer: boolean }>(
    db,
    sql`select
          (exists (select 1 from requests r where r.id = ${e.requestId} and r.created_by = ${userId})
            or exists (select 1 from memberships m where m.organisation_id = ${e.hostOrganisationId} and m.user_id = ${userId} and m.status = 'active')) as is_host,
          (${e.peerUserId}::uuid = ${userId}::uuid
            or exists (select 1 from memberships m where m.organisation_id = ${e.peerOrganisationId} and m.user_id = ${userId} and m.status = 'active')) as is_peer`,
  );
  return { isHost: !!r?.is_host, isPeer: !!r?.is_peer };
}

/** The people of both sides, for notifications. */
export async function sideUserIds(db: DbOrTx, e: ExchangeRow): Promise<string[]> {
  const r = await rows<{ id: string }>(
    db,
    sql`select created_by as id from requests where id = ${e.requestId}
        union select ${e.peerUserId}::uuid
        union select user_id from memberships where status = 'active' and role in ('approver', 'org_admin')
          and (organisation_id = ${e.hostOrganisationId} or organisation_id = ${e.peerOrganisationId})`,
  );
  return r.map((x) => x.id);
}

/** Accounts with the broker role (the secretariat), told when terms are agreed. */
export async function brokerIds(db: DbOrTx): Promise<string[]> {
  const r = await rows<{ id: string }>(db, sql`select id from users where 'broker' = any(roles) and deleted_at is null`);
  return r.map((x) => x.id);
}

/** Exchanges the user takes part in (all of them for staff), newest first. */
export async function exchangesOf(db: DbOrTx, userId: string, staff: boolean): Promise<{ id: string; title: string; format: string; state: string; startDate: string; endDate: string }[]> {
  const r = await rows<Record<string, unknown>>(
    db,
    sql`select e.id, e.title, e.format, e.state, e.start_date, e.end_date from exchanges e
        ${
          staff
            ? sql``
            : sql`where e.peer_user_id = ${userId}
                or exists (select 1 from requests r where r.id = e.request_id and r.created_by = ${userId})
                or exists (select 1 from memberships m where m.user_id = ${userId} and m.status = 'active' and (m.organisation_id = e.host_organisation_id or m.organisation_id = e.peer_organisation_id))`
        }
        order by e.start_date desc limit 500`,
  );
  const d = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
  return r.map((x) => ({ id: x.id as string, title: x.title as string, format: x.format as string, state: x.state as string, startDate: d(x.start_date), endDate: d(x.end_date) }));
}

export async function updateExchange(db: DbOrTx, id: string, v: Partial<typeof exchanges.$inferInsert>): Promise<void> {
  await db.update(exchanges).set(v).where(eq(exchanges.id, id));
}

/** Moves the state if it is still `from`; false when someone else moved it first. Records the transition. */
export async function moveState(db: DbOrTx, id: string, from: string, to: string, actorId: string, at: Date): Promise<boolean> {
  const r = await db
    .update(exchanges)
    .set({ state: to, updatedAt: at })
    .where(and(eq(exchanges.id, id), eq(exchanges.state, from)))
    .returning({ id: exchanges.id });
  if (!r.length) return false;
  await db.insert(exchangeTransitions).values({ exchangeId: id, fromState: from, toState: to, actorId, at });
  return true;
}

export async function transitionsOf(db: DbOrTx, exchangeId: string): Promise<{ from: string; to: string; at: Date; actorName: string | null }[]> {
  return db
    .select({ from: exchangeTransitions.fromState, to: exchangeTransitions.toState, at: exchangeTransitions.at, actorName: users.name })
    .from(exchangeTransitions)
    .leftJoin(users, eq(users.id, exchangeTransitions.actorId))
    .where(eq(exchangeTransitions.exchangeId, exchangeId))
    .orderBy(asc(exchangeTransitions.at), asc(exchangeTransitions.id));
}

export type ParticipantCount = { side: string; kind: string; women: number; men: number; otherGender: number };

export async function participantsOf(db: DbOrTx, exchangeId: string): Promise<ParticipantCount[]> {
  return db
    .select({ side: exchangeParticipants.side, kind: exchangeParticipants.kind, women: exchangeParticipants.women, men: exchangeParticipants.men, otherGender: exchangeParticipants.otherGender })
    .from(exchangeParticipants)
    .where(eq(exchangeParticipants.exchangeId, exchangeId))
    .orderBy(asc(exchangeParticipants.side), asc(exchangeParticipants.kind));
}

export async function replaceParticipants(db: DbOrTx, exchangeId: string, list: ParticipantCount[]): Promise<void> {
  await db.delete(exchangeParticipants).where(eq(exchangeParticipants.exchangeId, exchangeId));
  if (list.length) await db.insert(exchangeParticipants).values(list.map((p) => ({ exchangeId, ...p })));
}

export type BudgetLine = { label: string; amountCents: number; currency: string; fundedBy: string };

export async function budgetOf(db: DbOrTx, exchangeId: string): Promise<BudgetLine[]> {
  return db
    .select({ label: exchangeBudgetLines.label, amountCents: exchangeBudgetLines.amountCents, currency: exchangeBudgetLines.currency, fundedBy: exchangeBudgetLines.fundedBy })
    .from(exchangeBudgetLines)
    .where(eq(exchangeBudgetLines.exchangeId, exchangeId))
    .orderBy(asc(exchangeBudgetLines.position));
}

export async function replaceBudget(db: DbOrTx, exchangeId: string, lines: (BudgetLine & { id: string })[]): Promise<void> {
  await db.delete(exchangeBudgetLines).where(eq(exchangeBudgetLines.exchangeId, exchangeId));
  if (lines.length) await db.insert(exchangeBudgetLines).values(lines.map((l, i) => ({ exchangeId, position: i, ...l })));
}

export async function torVersionsOf(db: DbOrTx, exchangeId: string): Promise<(TorVersionRow & { authorName: string })[]> {
  const r = await db
    .select({ v: torVersions, authorName: users.name })
    .from(torVersions)
    .innerJoin(users, eq(users.id, torVersions.createdBy))
    .where(eq(torVersions.exchangeId, exchangeId))
    .orderBy(desc(torVersions.version));
  return r.map((x) => ({ ...x.v, authorName: x.authorName }));
}

/** Inserts the next version; null when another writer took that number first. */
export async function insertTorVersion(db: DbOrTx, v: typeof torVersions.$inferInsert): Promise<string | null> {
  const r = await db.insert(torVersions).values(v).onConflictDoNothing().returning({ id: torVersions.id });
  return r[0]?.id ?? null;
}

export type Signature = { torVersionId: string; side: string; userId: string; name: string; at: Date };

export async function signaturesOf(db: DbOrTx, exchangeId: string): Promise<Signature[]> {
  return db
    .select({ torVersionId: torSignatures.torVersionId, side: torSignatures.side, userId: torSignatures.userId, name: users.name, at: torSignatures.at })
    .from(torSignatures)
    .innerJoin(users, eq(users.id, torSignatures.userId))
    .where(eq(torSignatures.exchangeId, exchangeId))
    .orderBy(asc(torSignatures.at));
}

/** Records a signature; false when that side had already signed that version. */
export async function insertSignature(db: DbOrTx, v: typeof torSignatures.$inferInsert): Promise<boolean> {
  const r = await db.insert(torSignatures).values(v).onConflictDoNothing().returning({ side: torSignatures.side });
  return r.length === 1;
}

export async function agendaOf(db: DbOrTx, exchangeId: string) {
  return db
    .select({ id: exchangeAgendaItems.id, day: exchangeAgendaItems.day, time: exchangeAgendaItems.time, title: exchangeAgendaItems.title })
    .from(exchangeAgendaItems)
    .where(eq(exchangeAgendaItems.exchangeId, exchangeId))
    .orderBy(asc(exchangeAgendaItems.day), asc(exchangeAgendaItems.time));
}

export async function insertAgendaItem(db: DbOrTx, v: typeof exchangeAgendaItems.$inferInsert): Promise<void> {
  await db.insert(exchangeAgendaItems).values(v);
}

export async function messagesOf(db: DbOrTx, exchangeId: string) {
  return db
    .select({ authorName: users.name, body: exchangeMessages.body, at: exchangeMessages.at })
    .from(exchangeMessages)
    .innerJoin(users, eq(users.id, exchangeMessages.authorId))
    .where(eq(exchangeMessages.exchangeId, exchangeId))
    .orderBy(asc(exchangeMessages.at));
}

/** The messages a person wrote in any exchange since `since` (the per-person limit). */
export const recentMessagesOf = (db: DbOrTx, userId: string, since: Date) => recentActs(db, exchangeMessages, exchangeMessages.authorId, exchangeMessages.at, userId, since);

export async function insertMessage(db: DbOrTx, v: typeof exchangeMessages.$inferInsert): Promise<void> {
  await db.insert(exchangeMessages).values(v);
}

export async function tasksOf(db: DbOrTx, exchangeId: string) {
  return db
    .select({ id: exchangeTasks.id, title: exchangeTasks.title, dueDate: exchangeTasks.dueDate, isDone: exchangeTasks.isDone })
    .from(exchangeTasks)
    .where(eq(exchangeTasks.exchangeId, exchangeId))
    .orderBy(asc(exchangeTasks.dueDate));
}

export async function insertTask(db: DbOrTx, v: typeof exchangeTasks.$inferInsert): Promise<void> {
  await db.insert(exchangeTasks).values(v);
}

export async function setTaskDone(db: DbOrTx, exchangeId: string, taskId: string, isDone: boolean): Promise<boolean> {
  const r = await db
    .update(exchangeTasks)
    .set({ isDone })
    .where(and(eq(exchangeTasks.id, taskId), eq(exchangeTasks.exchangeId, exchangeId)))
    .returning({ id: exchangeTasks.id });
  return r.length === 1;
}

export type LessonFacts = {
  challenge: string;
  context: string;
  tried: string;
  results: string;
  themes: string[];
  sdgs: number[];
  host: { name: string; country: string; region: string };
  peer: { name: string; country: string; region: string } | null;
  textAnswers: string[];
  scaleAverage: number | null;
};

/** What a good-practice draft is made from: the request, both organisations and the evaluations' answers. */
export async function lessonFacts(db: DbOrTx, e: ExchangeRow): Promise<LessonFacts> {
  const [r] = await rows<Record<string, unknown>>(
    db,
    sql`select r.challenge, r.context, r.tried, r.results, r.themes, r.sdgs, h.name as host_name, h.country as host_country, h.region as host_region,
               p.name as peer_name, p.country as peer_country, p.region as peer_region
        from requests r join organisations h on h.id = ${e.hostOrganisationId} left join organisations p on p.id = ${e.peerOrganisationId}
        where r.id = ${e.requestId}`,
  );
  const answers = await rows<{ kind: string; value: unknown }>(
    db,
    sql`select q.kind, a.answers -> q.id::text as value
        from evaluations v join evaluation_answers a on a.evaluation_id = v.id join questionnaire_questions q on q.questionnaire_id = v.questionnaire_id
        where v.exchange_id = ${e.id} order by v.sent_at, v.side, q.position`,
  );
  const scale = answers.filter((a) => a.kind === 'scale' && typeof a.value === 'number').map((a) => a.value as number);
  return {
    challenge: String(r?.challenge ?? ''),
    context: String(r?.context ?? ''),
    tried: String(r?.tried ?? ''),
    results: String(r?.results ?? ''),
    themes: (r?.themes as string[]) ?? [],
    sdgs: (r?.sdgs as number[]) ?? [],
    host: { name: String(r?.host_name ?? ''), country: String(r?.host_country ?? ''), region: String(r?.host_region ?? '') },
    peer: r?.peer_name ? { name: String(r.peer_name), country: String(r.peer_country ?? ''), region: String(r.peer_region ?? '') } : null,
    textAnswers: answers.filter((a) => a.kind === 'text' && typeof a.value === 'string' && a.value.trim()).map((a) => a.value as string),
    scaleAverage: scale.length ? Math.round((scale.reduce((x, y) => x + y, 0) / scale.length) * 10) / 10 : null,
  };
}

export async function documentsOf(db: DbOrTx, exchangeId: string) {
  return db
    .select({ id: exchangeDocuments.id, label: exchangeDocuments.label, size: exchangeDocuments.size, createdAt: exchangeDocuments.createdAt, uploaderName: users.name })
    .from(exchangeDocuments)
    .innerJoin(users, eq(users.id, exchangeDocuments.uploadedBy))
    .where(eq(exchangeDocuments.exchangeId, exchangeId))
    .orderBy(asc(exchangeDocuments.createdAt));
}

export async function findDocument(db: DbOrTx, exchangeId: string, id: string) {
  const [r] = await db.select().from(exchangeDocuments).where(and(eq(exchangeDocuments.id, id), eq(exchangeDocuments.exchangeId, exchangeId)));
  return r;
}

export async function insertDocument(db: DbOrTx, v: typeof exchangeDocuments.$inferInsert): Promise<void> {
  await db.insert(exchangeDocuments).values(v);
}

/** Bytes a person has stored in exchange documents (added to their other files for the quota). */
export async function documentBytesOf(db: DbOrTx, userId: string): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`select coalesce(sum(size), 0)::int as n from exchange_documents where uploaded_by = ${userId}`);
  return r?.n ?? 0;
}


/** Whether the user is an active member of the organisation. */
export async function isMemberOf(db: DbOrTx, organisationId: string, userId: string): Promise<boolean> {
  const [r] = await rows<{ ok: boolean }>(db, sql`select exists (select 1 from memberships where organisation_id = ${organisationId} and user_id = ${userId} and status = 'active') as ok`);
  return !!r?.ok;
}

export async function organisationNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  const r = await rows<{ id: string; name: string }>(db, sql`select id, name from organisations where id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`);
  return new Map(r.map((x) => [x.id, x.name]));
}

// Personal data (privacy hooks: export and erasure, through the manifest)

/** The person's messages on exchanges, for "download my data". */
export async function exportExchangeMessages(db: DbOrTx, userId: string): Promise<Record<string, unknown>> {
  return { exchangeMessages: await rows(db, sql`select id, exchange_id, body, at from exchange_messages where author_id = ${userId} order by at`) };
}

/** The exchange documents the person uploaded, for the archive of "download my data". */
export async function documentsUploadedBy(db: DbOrTx, userId: string): Promise<{ id: string; label: string; storageName: string; kind: string }[]> {
  const r = await rows<{ id: string; label: string; storage_name: string }>(db, sql`select id, label, storage_name from exchange_documents where uploaded_by = ${userId}`);
  return r.map((d) => ({ id: d.id, label: d.label, storageName: d.storage_name, kind: 'exchange_document' }));
}

/**
 * Planned exchanges whose latest terms of reference wait on a side the person signs for (host:
 * the request's author or a member of the host organisation; peer: the expert or a member of the
 * peer organisation; broker: the secretariat), with the exchange's first day.
 */
export async function torsToSign(db: DbOrTx, userId: string, isStaff: boolean): Promise<{ id: string; title: string; start_date: string }[]> {
  return rows(
    db,
    sql`with latest as (select distinct on (t.exchange_id) t.exchange_id, t.id from tor_versions t order by t.exchange_id, t.version desc),
        sides as (
          select e.id, e.title, e.start_date, l.id as tor_id,
            (exists (select 1 from requests r where r.id = e.request_id and r.created_by = ${userId})
              or exists (select 1 from memberships m where m.organisation_id = e.host_organisation_id and m.user_id = ${userId} and m.status = 'active')) as is_host,
            (e.peer_user_id = ${userId}
              or exists (select 1 from memberships m where m.organisation_id = e.peer_organisation_id and m.user_id = ${userId} and m.status = 'active')) as is_peer
          from exchanges e join latest l on l.exchange_id = e.id where e.state = 'planned')
        select s.id, s.title, s.start_date::text as start_date from sides s
        where (s.is_host and not exists (select 1 from tor_signatures g where g.tor_version_id = s.tor_id and g.side = 'host'))
           or (s.is_peer and not exists (select 1 from tor_signatures g where g.tor_version_id = s.tor_id and g.side = 'peer'))
           or (${isStaff} and not exists (select 1 from tor_signatures g where g.tor_version_id = s.tor_id and g.side = 'broker'))
        order by s.start_date asc limit 50`,
  );
}

/** Exchanges that took place: held, evaluated or closed after being held. */
export async function countHeldExchanges(db: DbOrTx): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`select count(*)::int as n from exchanges where state in ('held', 'evaluated', 'closed')`);
  return r?.n ?? 0;
}
