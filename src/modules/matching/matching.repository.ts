/** Queries of the app side of matching: a call with its request's text, names of candidates, whom to invite. */
import { sql } from 'drizzle-orm';
import { rows, type DbOrTx } from '../../platform/db.ts';

export type CallForMatching = {
  id: string; title: string; expertise_sought: string; themes: string[]; formats: string[]; languages: string[]; period_start: string | null; period_end: string | null;
  state: string; programme_id: string; request_id: string; organisation_id: string; organisation_name: string; challenge: string; objectives: string;
  sdgs: number[]; creator_position: string | null; creator_job_function: string | null;
};

export async function findCall(db: DbOrTx, id: string): Promise<CallForMatching | undefined> {
  const r = await rows<CallForMatching>(
    db,
    sql`select c.id, c.title, c.expertise_sought, c.themes, c.formats, c.languages, c.period_start::text as period_start, c.period_end::text as period_end, c.state,
        c.programme_id, c.request_id, r.organisation_id, o.name as organisation_name, r.challenge, r.objectives, r.sdgs,
        p.position as creator_position, p.job_function as creator_job_function
      from expertise_calls c join requests r on r.id = c.request_id join organisations o on o.id = r.organisation_id
        left join people p on p.user_id = r.created_by
      where c.id = ${id}`,
  );
  return r[0];
}

/** A request as the engine reads it (the shape of a call with no call text), and its call if one was published. */
export async function findRequest(db: DbOrTx, id: string): Promise<(CallForMatching & { call_id: string | null }) | undefined> {
  const r = await rows<CallForMatching & { call_id: string | null }>(
    db,
    sql`select r.id, r.title, '' as expertise_sought, r.themes, r.formats, r.languages, r.period_start::text as period_start, r.period_end::text as period_end, r.state,
        r.programme_id, r.id as request_id, r.organisation_id, o.name as organisation_name, r.challenge, r.objectives, r.sdgs,
        p.position as creator_position, p.job_function as creator_job_function, c.id as call_id
      from requests r join organisations o on o.id = r.organisation_id
        left join people p on p.user_id = r.created_by left join expertise_calls c on c.request_id = r.id
      where r.id = ${id}`,
  );
  return r[0];
}

export type CandidateFacts = { type: 'organisation' | 'person'; id: string; name: string; country: string | null; organisation_name: string | null; has_account: boolean };

/** Names, countries and whether someone can be told, for the candidates shown (what no longer exists is left out). */
export async function candidateFacts(db: DbOrTx, orgIds: string[], personIds: string[]): Promise<Map<string, CandidateFacts>> {
  const out = new Map<string, CandidateFacts>();
  if (orgIds.length) {
    const list = sql.join(orgIds.map((id) => sql`${id}::uuid`), sql`, `);
    for (const r of await rows<Omit<CandidateFacts, 'type'>>(
      db,
      sql`select o.id, o.name, o.country, null as organisation_name,
          exists (select 1 from memberships m where m.organisation_id = o.id and m.status = 'active' and m.role = 'org_admin') as has_account
        from organisations o where o.id in (${list})`,
    ))
      out.set(`organisation:${r.id}`, { ...r, type: 'organisation' });
  }
  if (personIds.length) {
    const list = sql.join(personIds.map((id) => sql`${id}::uuid`), sql`, `);
    for (const r of await rows<Omit<CandidateFacts, 'type'>>(
      db,
      sql`select p.id, p.name, o.country, o.name as organisation_name, (p.user_id is not null) as has_account
        from people p left join organisations o on o.id = p.organisation_id where p.id in (${list})`,
    ))
      out.set(`person:${r.id}`, { ...r, type: 'person' });
  }
  return out;
}

/** Accounts to tell when a candidate is invited: the person's account, or the organisation's active admins. */
export async function inviteRecipients(db: DbOrTx, type: 'organisation' | 'person', id: string): Promise<string[]> {
  const r =
    type === 'person'
      ? await rows<{ id: string }>(db, sql`select u.id from people p join users u on u.id = p.user_id where p.id = ${id} and u.deleted_at is null`)
      : await rows<{ id: string }>(
          db,
          sql`select u.id from memberships m join users u on u.id = m.user_id where m.organisation_id = ${id} and m.status = 'active' and m.role = 'org_admin' and u.deleted_at is null order by u.id`,
        );
  return r.map((x) => x.id);
}

export type OpenCallRow = {
  id: string; title: string; expertise_sought: string; themes: string[]; formats: string[]; languages: string[]; deadline: string | Date;
  organisation_id: string; organisation_name: string; country: string; kind: string; population: number | null;
};

/** Open calls taking offers at `now`, with the requesting organisation's public facts (public fields only). */
export async function openCalls(db: DbOrTx, now: Date): Promise<OpenCallRow[]> {
  return rows<OpenCallRow>(
    db,
    sql`select c.id, c.title, c.expertise_sought, c.themes, c.formats, c.languages, c.deadline, r.organisation_id, o.name as organisation_name, o.country, o.kind, o.population
      from expertise_calls c join requests r on r.id = c.request_id join organisations o on o.id = r.organisation_id
      where c.state = 'open' and c.deadline > ${now.toISOString()}::timestamptz order by c.id limit 2000`,
  );
}

export type OrgForMatching = { id: string; name: string; kind: string; country: string; population: number | null; languages: string[]; offers: string; themes: string[]; sdgs: number[] };

export async function findOrganisation(db: DbOrTx, id: string): Promise<OrgForMatching | undefined> {
  const r = await rows<OrgForMatching>(db, sql`select id, name, kind, country, population, languages, offers, themes, sdgs from organisations where id = ${id}`);
  return r[0];
}

export async function isActiveOrgAdmin(db: DbOrTx, organisationId: string, userId: string): Promise<boolean> {
  const r = await rows<{ n: number }>(db, sql`select count(*)::int as n from memberships where organisation_id = ${organisationId} and user_id = ${userId} and status = 'active' and role = 'org_admin'`);
  return (r[0]?.n ?? 0) > 0;
}

export type PersonForMatching = { id: string; name: string; position: string; job_function: string | null; languages: string[]; expertise: string; themes: string[]; organisation_id: string | null; country: string | null };

export async function personOfUser(db: DbOrTx, userId: string): Promise<PersonForMatching | undefined> {
  const r = await rows<PersonForMatching>(
    db,
    sql`select p.id, p.name, p.position, p.job_function, p.languages, p.expertise, p.themes, p.organisation_id, o.country
      from people p left join organisations o on o.id = p.organisation_id where p.user_id = ${userId}`,
  );
  return r[0];
}

/** Organisations the user is an active member of (their calls are not opportunities for them). */
export async function memberOrganisations(db: DbOrTx, userId: string): Promise<string[]> {
  return (await rows<{ id: string }>(db, sql`select distinct organisation_id as id from memberships where user_id = ${userId} and status = 'active'`)).map((r) => r.id);
}

export type RoundForPlanning = { id: string; name: string; programme_id: string; programme_name: string };

export async function findRound(db: DbOrTx, id: string): Promise<RoundForPlanning | undefined> {
  const r = await rows<RoundForPlanning>(db, sql`select r.id, r.name, r.programme_id, p.name as programme_name from programme_rounds r join programmes p on p.id = r.programme_id where r.id = ${id}`);
  return r[0];
}

/** The open calls (taking offers at `now`) of a round's selected requests, with what the engine needs. */
export async function callsOfRound(db: DbOrTx, roundId: string, now: Date): Promise<CallForMatching[]> {
  return rows<CallForMatching>(
    db,
    sql`select c.id, c.title, c.expertise_sought, c.themes, c.formats, c.languages, c.period_start::text as period_start, c.period_end::text as period_end, c.state,
        c.programme_id, c.request_id, r.organisation_id, o.name as organisation_name, r.challenge, r.objectives, r.sdgs,
        p.position as creator_position, p.job_function as creator_job_function
      from expertise_calls c join requests r on r.id = c.request_id join organisations o on o.id = r.organisation_id
        left join people p on p.user_id = r.created_by
      where r.round_id = ${roundId} and c.state = 'open' and c.deadline > ${now.toISOString()}::timestamptz order by c.published_at, c.id limit 500`,
  );
}

/** The programme's stored weights (`programmes.match_weights`), as stored. */
export async function programmeWeights(db: DbOrTx, programmeId: string): Promise<unknown> {
  const r = await rows<{ w: unknown }>(db, sql`select match_weights as w from programmes where id = ${programmeId}`);
  return r[0]?.w ?? {};
}

/** The accounts of people's profiles (profiles without an account are left out), with the facts a suggestion shows. */
export async function personAccounts(db: DbOrTx, personIds: string[]): Promise<Map<string, { userId: string; name: string; organisationName: string | null }>> {
  if (!personIds.length) return new Map();
  const list = sql.join(personIds.map((id) => sql`${id}::uuid`), sql`, `);
  const r = await rows<{ id: string; user_id: string; name: string; organisation_name: string | null }>(
    db,
    sql`select p.id, p.user_id, u.name, o.name as organisation_name from people p join users u on u.id = p.user_id and u.deleted_at is null
        left join organisations o on o.id = p.organisation_id where p.id in (${list})`,
  );
  return new Map(r.map((x) => [x.id, { userId: x.user_id, name: x.name, organisationName: x.organisation_name }]));
}
