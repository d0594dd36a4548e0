/** Queries on calls for expertise, offers, their experts and messages, and matches. The only place they are built. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db.ts';
import { rows } from '../../platform/db.ts';
import { expertiseCalls, offers, offerExperts, offerMessages, matches } from '../../db/schema/calls.ts';
import { organisations, people, memberships } from '../../db/schema/organisations.ts';
import { users } from '../../db/schema/accounts.ts';

export type CallRow = typeof expertiseCalls.$inferSelect;
export type OfferRow = typeof offers.$inferSelect;
export type MatchRow = typeof matches.$inferSelect;

export async function insertCall(db: DbOrTx, v: typeof expertiseCalls.$inferInsert): Promise<boolean> {
  const r = await db.insert(expertiseCalls).values(v).onConflictDoNothing().returning({ id: expertiseCalls.id });
  return r.length === 1;
}

export async function findCall(db: DbOrTx, id: string): Promise<CallRow | undefined> {
  const [r] = await db.select().from(expertiseCalls).where(eq(expertiseCalls.id, id));
  return r;
}

export async function findCallByRequest(db: DbOrTx, requestId: string): Promise<CallRow | undefined> {
  const [r] = await db.select().from(expertiseCalls).where(eq(expertiseCalls.requestId, requestId));
  return r;
}

export async function touchCall(db: DbOrTx, id: string, at: Date, state?: string): Promise<void> {
  await db
    .update(expertiseCalls)
    .set({ updatedAt: at, ...(state ? { state } : {}) })
    .where(eq(expertiseCalls.id, id));
}

export type PublicCallRow = CallRow & { organisation_name: string; organisation_country: string; programme_name: string; programme_slug: string };

/** Calls taking offers at `now`, filtered in SQL. */
export async function openCalls(db: DbOrTx, now: Date, f: { theme?: string; format?: string }): Promise<PublicCallRow[]> {
  const r = await rows<Record<string, unknown>>(
    db,
    sql`select c.*, o.name as organisation_name, o.country as organisation_country, p.name as programme_name, p.slug as programme_slug
        from expertise_calls c join requests r on r.id = c.request_id join organisations o on o.id = r.organisation_id join programmes p on p.id = c.programme_id
        where c.state = 'open' and c.deadline > ${now.toISOString()}::timestamptz
        ${f.theme ? sql`and ${f.theme} = any(c.themes)` : sql``}
        ${f.format ? sql`and ${f.format} = any(c.formats)` : sql``}
        order by c.deadline asc limit 200`,
  );
  return r.map(publicRow);
}

function publicRow(x: Record<string, unknown>): PublicCallRow {
  return {
    id: x.id as string,
    requestId: x.request_id as string,
    programmeId: x.programme_id as string,
    title: x.title as string,
    expertiseSought: x.expertise_sought as string,
    themes: x.themes as string[],
    formats: x.formats as string[],
    languages: x.languages as string[],
    periodStart: (x.period_start as string | null) ?? null,
    periodEnd: (x.period_end as string | null) ?? null,
    deadline: new Date(x.deadline as string),
    state: x.state as string,
    publishedBy: x.published_by as string,
    publishedAt: new Date(x.published_at as string),
    updatedAt: new Date(x.updated_at as string),
    organisation_name: x.organisation_name as string,
    organisation_country: x.organisation_country as string,
    programme_name: x.programme_name as string,
    programme_slug: x.programme_slug as string,
  };
}

export async function findPublicCall(db: DbOrTx, id: string): Promise<PublicCallRow | undefined> {
  const r = await rows<Record<string, unknown>>(
    db,
    sql`select c.*, o.name as organisation_name, o.country as organisation_country, p.name as programme_name, p.slug as programme_slug
        from expertise_calls c join requests r on r.id = c.request_id join organisations o on o.id = r.organisation_id join programmes p on p.id = c.programme_id
        where c.id = ${id}`,
  );
  return r[0] ? publicRow(r[0]) : undefined;
}

/** People to tell about a new call: members whose profile themes meet the call's. */
export async function peopleWithThemes(db: DbOrTx, themes: string[], limit = 500): Promise<string[]> {
  if (!themes.length) return [];
  const r = await rows<{ user_id: string }>(
    db,
    sql`select user_id from people where user_id is not null and themes && array[${sql.join(
      themes.map((t) => sql`${t}`),
      sql`, `,
    )}]::text[] limit ${limit}`,
  );
  return r.map((x) => x.user_id);
}

/** Records an offer once per call and person offering; null when they already offered. */
export async function insertOffer(db: DbOrTx, v: typeof offers.$inferInsert): Promise<string | null> {
  const r = await db.insert(offers).values(v).onConflictDoNothing().returning({ id: offers.id });
  return r[0]?.id ?? null;
}

export async function insertOfferExperts(db: DbOrTx, v: (typeof offerExperts.$inferInsert)[]): Promise<void> {
  if (v.length) await db.insert(offerExperts).values(v);
}

export async function findOfferByCallAndUser(db: DbOrTx, callId: string, userId: string): Promise<OfferRow | undefined> {
  const [r] = await db
    .select()
    .from(offers)
    .where(and(eq(offers.callId, callId), eq(offers.offeredBy, userId)));
  return r;
}

export async function findOffer(db: DbOrTx, id: string): Promise<OfferRow | undefined> {
  const [r] = await db.select().from(offers).where(eq(offers.id, id));
  return r;
}

export async function setOfferState(db: DbOrTx, id: string, from: string[], to: string, at: Date): Promise<boolean> {
  const r = await db
    .update(offers)
    .set({ state: to, updatedAt: at })
    .where(and(eq(offers.id, id), sql`${offers.state} in ${from}`))
    .returning({ id: offers.id });
  return r.length === 1;
}

export type OfferListRow = {
  id: string;
  state: string;
  created_at: Date | string;
  updated_at: Date | string;
  offered_by: string;
  offered_by_name: string;
  offered_by_last_active: Date | string | null;
  organisation_name: string | null;
  experts: number;
  messages: number;
};

export async function offersOfCall(db: DbOrTx, callId: string): Promise<OfferListRow[]> {
  return rows<OfferListRow>(
    db,
    sql`select f.id, f.state, f.created_at, f.updated_at, f.offered_by, u.name as offered_by_name, u.last_active_at as offered_by_last_active, o.name as organisation_name,
          (select count(*)::int from offer_experts e where e.offer_id = f.id) as experts,
          (select count(*)::int from offer_messages m where m.offer_id = f.id) as messages
        from offers f join users u on u.id = f.offered_by left join organisations o on o.id = f.organisation_id
        where f.call_id = ${callId} order by f.created_at asc`,
  );
}

export async function expertsOfOffer(db: DbOrTx, offerId: string): Promise<{ personId: string; name: string; position: string; motivation: string; languages: string[]; availability: string }[]> {
  return db
    .select({ personId: offerExperts.personId, name: people.name, position: people.position, motivation: offerExperts.motivation, languages: offerExperts.languages, availability: offerExperts.availability })
    .from(offerExperts)
    .innerJoin(people, eq(people.id, offerExperts.personId))
    .where(eq(offerExperts.offerId, offerId))
    .orderBy(asc(people.name));
}

export async function messagesOf(db: DbOrTx, offerId: string): Promise<{ authorName: string; body: string; at: Date }[]> {
  return db
    .select({ authorName: users.name, body: offerMessages.body, at: offerMessages.at })
    .from(offerMessages)
    .innerJoin(users, eq(users.id, offerMessages.authorId))
    .where(eq(offerMessages.offerId, offerId))
    .orderBy(asc(offerMessages.at));
}

export async function insertMessage(db: DbOrTx, v: typeof offerMessages.$inferInsert): Promise<void> {
  await db.insert(offerMessages).values(v);
}

/** People whom a person may put forward for an organisation: its profiles and its active experts. */
export async function eligibleExpertIds(db: DbOrTx, organisationId: string, personIds: string[]): Promise<Set<string>> {
  if (!personIds.length) return new Set();
  const r = await db
    .select({ id: people.id })
    .from(people)
    .where(
      and(
        sql`${people.id} in ${personIds}`,
        sql`(${people.organisationId} = ${organisationId} or ${people.userId} in (select ${memberships.userId} from ${memberships} where ${memberships.organisationId} = ${organisationId} and ${memberships.status} = 'active' and ${memberships.role} = 'expert'))`,
      ),
    );
  return new Set(r.map((x) => x.id));
}

/** The experts a person may offer for an organisation (for the offer form). */
export async function expertsOfOrganisation(db: DbOrTx, organisationId: string): Promise<{ id: string; name: string; languages: string[] }[]> {
  return db
    .select({ id: people.id, name: people.name, languages: people.languages })
    .from(people)
    .where(
      sql`(${people.organisationId} = ${organisationId} or ${people.userId} in (select ${memberships.userId} from ${memberships} where ${memberships.organisationId} = ${organisationId} and ${memberships.status} = 'active' and ${memberships.role} = 'expert'))`,
    )
    .orderBy(asc(people.name))
    .limit(200);
}

export async function personOfUser(db: DbOrTx, userId: string): Promise<{ id: string; name: string; languages: string[] } | undefined> {
  const [r] = await db.select({ id: people.id, name: people.name, languages: people.languages }).from(people).where(eq(people.userId, userId));
  return r;
}

/** Organisations where the person is an active organisation admin (they may offer its experts). */
export async function adminOrganisations(db: DbOrTx, userId: string): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.userId, userId), eq(memberships.role, 'org_admin'), eq(memberships.status, 'active')))
    .orderBy(asc(organisations.name));
}

/** Proposes a match; null when the call already has a live (proposed or confirmed) one. */
export async function insertMatch(db: DbOrTx, v: typeof matches.$inferInsert): Promise<string | null> {
  const r = await db.insert(matches).values(v).onConflictDoNothing().returning({ id: matches.id });
  return r[0]?.id ?? null;
}

export async function findMatchForUpdate(db: DbOrTx, id: string): Promise<MatchRow | undefined> {
  const [r] = await db.select().from(matches).where(eq(matches.id, id)).for('update');
  return r;
}

export async function findMatch(db: DbOrTx, id: string): Promise<MatchRow | undefined> {
  const [r] = await db.select().from(matches).where(eq(matches.id, id));
  return r;
}

export async function liveMatchOfCall(db: DbOrTx, callId: string): Promise<MatchRow | undefined> {
  const [r] = await db
    .select()
    .from(matches)
    .where(and(eq(matches.callId, callId), sql`${matches.state} <> 'declined'`));
  return r;
}

export async function liveMatchOfOffer(db: DbOrTx, offerId: string): Promise<MatchRow | undefined> {
  const [r] = await db
    .select()
    .from(matches)
    .where(and(eq(matches.offerId, offerId), sql`${matches.state} <> 'declined'`));
  return r;
}

/** The exchange planned from a match, if any. */
export async function exchangeOfMatch(db: DbOrTx, matchId: string): Promise<string | null> {
  const [r] = await rows<{ id: string }>(db, sql`select id from exchanges where match_id = ${matchId}`);
  return r?.id ?? null;
}

export async function updateMatch(db: DbOrTx, id: string, v: Partial<typeof matches.$inferInsert>): Promise<void> {
  await db.update(matches).set(v).where(eq(matches.id, id));
}

export type CallDashboardRow = {
  id: string;
  title: string;
  state: string;
  deadline: Date | string;
  offers: number;
  last_change: Date | string;
  programme_name: string;
  match_state: string | null;
  requester_confirmed: boolean | null;
  provider_confirmed: boolean | null;
};

/** Calls with their offer count and when anything about them last changed. */
export async function callsForDashboard(db: DbOrTx): Promise<CallDashboardRow[]> {
  return rows<CallDashboardRow>(
    db,
    sql`select c.id, c.title, c.state, c.deadline, p.name as programme_name,
          (select count(*)::int from offers f where f.call_id = c.id) as offers,
          m.state as match_state, m.requester_confirmed_at is not null as requester_confirmed, m.provider_confirmed_at is not null as provider_confirmed,
          greatest(c.updated_at,
                   coalesce((select max(f.updated_at) from offers f where f.call_id = c.id), c.updated_at),
                   coalesce((select max(m.at) from offer_messages m join offers f on f.id = m.offer_id where f.call_id = c.id), c.updated_at)) as last_change
        from expertise_calls c join programmes p on p.id = c.programme_id
        left join matches m on m.call_id = c.id and m.state <> 'declined'
        order by last_change desc limit 500`,
  );
}

export async function personUserId(db: DbOrTx, personId: string): Promise<string | null | undefined> {
  const [r] = await db.select({ u: people.userId }).from(people).where(eq(people.id, personId));
  return r?.u;
}

/** How many messages a person wrote, and offers they made, since `since` (per-person limits). */
export async function recentActivity(db: DbOrTx, userId: string, since: Date): Promise<{ messages: number; offers: number }> {
  const [r] = await rows<{ messages: number; offers: number }>(
    db,
    sql`select (select count(*)::int from offer_messages where author_id = ${userId} and at > ${since.toISOString()}::timestamptz) as messages,
               (select count(*)::int from offers where offered_by = ${userId} and created_at > ${since.toISOString()}::timestamptz) as offers`,
  );
  return r ?? { messages: 0, offers: 0 };
}

// Personal data (privacy hooks: export and erasure, through the manifest)

/** The person's offers, the expert entries of their offers (other experts by id only) and their offer messages, for "download my data". */
export async function exportOffers(db: DbOrTx, userId: string): Promise<Record<string, unknown>> {
  return {
    offers: await rows(db, sql`select id, call_id, organisation_id, state, created_at, updated_at from offers where offered_by = ${userId} order by created_at`),
    offerExperts: await rows(
      db,
      sql`select oe.offer_id, case when p.user_id = ${userId} then oe.person_id end as person_id, p.user_id = ${userId} as is_me, oe.motivation, oe.languages, oe.availability
          from offer_experts oe join offers o on o.id = oe.offer_id join people p on p.id = oe.person_id where o.offered_by = ${userId}`,
    ),
    offerMessages: await rows(db, sql`select id, offer_id, body, at from offer_messages where author_id = ${userId} order by at`),
  };
}

/** Erasure: the availability written for the person in others' offers is blanked (their profile stays, blanked, for those offers). */
export async function eraseExpertEntries(db: DbOrTx, userId: string): Promise<void> {
  await db.execute(sql`update offer_experts set availability = '' where person_id in (select id from people where user_id = ${userId})`);
}

// ---------- people around a call (read only: organisations and accounts write them) ----------


/** Active members of an organisation in the given roles. */
export async function orgMembersInRoles(db: DbOrTx, organisationId: string, roles: string[]): Promise<string[]> {
  const r = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.status, 'active'), inArray(memberships.role, roles)));
  return [...new Set(r.map((x) => x.userId))];
}

/** Accounts with the broker role: the secretariat is told of offers, messages and answers. */
export async function brokerIds(db: DbOrTx): Promise<string[]> {
  const r = await rows<{ id: string }>(db, sql`select id from users where 'broker' = any(roles) and deleted_at is null`);
  return r.map((x) => x.id);
}

export async function userName(db: DbOrTx, id: string): Promise<string> {
  const [r] = await db.select({ name: users.name }).from(users).where(eq(users.id, id));
  return r?.name ?? '';
}

export async function organisationName(db: DbOrTx, id: string): Promise<string | undefined> {
  const [r] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id));
  return r?.name;
}

// ---------------------------------------------------------------------------------------------
// Demo data (through the manifest)

export async function demoCallExists(db: DbOrTx, id: string): Promise<boolean> {
  return (await db.select({ id: expertiseCalls.id }).from(expertiseCalls).where(eq(expertiseCalls.id, id))).length > 0;
}

/** What a demo call takes from its request (read). */
export async function demoRequestFacts(
  db: DbOrTx,
  requestId: string,
): Promise<{ programmeId: string; title: string; themes: string[]; formats: string[]; periodStart: string | null; periodEnd: string | null; createdAt: Date } | undefined> {
  const [r] = await rows<{ programme_id: string; title: string; themes: string[]; formats: string[]; period_start: string | null; period_end: string | null; created_at: string | Date }>(
    db,
    sql`select programme_id, title, themes, formats, period_start::text as period_start, period_end::text as period_end, created_at from requests where id = ${requestId}`,
  );
  return r
    ? { programmeId: r.programme_id, title: r.title, themes: r.themes, formats: r.formats, periodStart: r.period_start, periodEnd: r.period_end, createdAt: new Date(r.created_at) }
    : undefined;
}

/** An organisation's id by its external id (read). */
export async function demoOrganisationId(db: DbOrTx, externalId: string): Promise<string | undefined> {
  const [r] = await rows<{ id: string }>(db, sql`select id from organisations where external_id = ${externalId}`);
  return r?.id;
}

/** A person's id by their external id (read). */
export async function demoPersonId(db: DbOrTx, externalId: string): Promise<string | undefined> {
  const [r] = await rows<{ id: string }>(db, sql`select id from people where external_id = ${externalId}`);
  return r?.id;
}

/** A demo call with one offer (one expert) and its confirmed match, as rows. */
/** The demo's open call with its first offer (no match yet). */
export async function insertDemoOpenCall(db: DbOrTx, v: { call: typeof expertiseCalls.$inferInsert; offer: typeof offers.$inferInsert; expert: typeof offerExperts.$inferInsert }): Promise<void> {
  await db.insert(expertiseCalls).values(v.call);
  await db.insert(offers).values(v.offer);
  await db.insert(offerExperts).values(v.expert);
}

export async function insertDemoMatch(
  db: DbOrTx,
  v: { call: typeof expertiseCalls.$inferInsert; offer: typeof offers.$inferInsert; expert: typeof offerExperts.$inferInsert; match: typeof matches.$inferInsert },
): Promise<void> {
  await db.insert(expertiseCalls).values(v.call);
  await db.insert(offers).values(v.offer);
  await db.insert(offerExperts).values(v.expert);
  await db.insert(matches).values(v.match);
}

/** Proposed matches waiting on the person's confirmation: as the one who offered, or on the requesting organisation's side. */
export async function matchesToConfirm(db: DbOrTx, userId: string): Promise<{ offer_id: string; title: string }[]> {
  return rows(
    db,
    sql`select o.id as offer_id, c.title from matches m join offers o on o.id = m.offer_id join expertise_calls c on c.id = m.call_id join requests r on r.id = c.request_id
        where m.state = 'proposed' and (
          (o.offered_by = ${userId} and m.provider_confirmed_at is null)
          or (m.requester_confirmed_at is null and (r.created_by = ${userId}
              or r.organisation_id in (select ms.organisation_id from memberships ms where ms.user_id = ${userId} and ms.status = 'active' and ms.role in ('requester', 'approver', 'org_admin')))))
        order by m.proposed_at asc limit 50`,
  );
}
