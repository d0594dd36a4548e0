/** Queries on reports and moderation states. The only place they are built. */
import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { contentReports } from '../../db/schema/moderation.ts';
import { rows, type DbOrTx } from '../../platform/db.ts';
import type { ReportableType } from './moderation.policy.ts';

/** The owner(s) and existence of a reportable object: null when there is no such (visible) object. */
export async function objectOf(db: DbOrTx, type: ReportableType, id: string): Promise<{ title: string; ownerUserIds: string[] } | null> {
  const q: Record<ReportableType, SQL> = {
    organisation: sql`select o.name as title, coalesce(array(select m.user_id from memberships m where m.organisation_id = o.id and m.role = 'org_admin' and m.status = 'active'), '{}') as owners from organisations o where o.id = ${id}`,
    person: sql`select p.name as title, case when p.user_id is null then '{}'::uuid[] else array[p.user_id] end as owners from people p where p.id = ${id}`,
    good_practice: sql`select coalesce(g.title->>'en', (select v from jsonb_each_text(g.title) x(k, v) limit 1)) as title, coalesce(array(select m.user_id from memberships m where m.organisation_id = g.owner_organisation_id and m.role = 'org_admin' and m.status = 'active'), '{}') as owners from good_practices g where g.id = ${id} and g.state = 'published'`,
    // A published post of a network discussion (the discussions module's table, read here): its author owns it.
    discussion_post: sql`select left(regexp_replace(d.body, '<[^>]*>', '', 'g'), 80) as title, case when d.author_id is null then '{}'::uuid[] else array[d.author_id] end as owners from discussion_posts d where d.id = ${id} and d.state = 'published'`,
  };
  const [r] = await rows<{ title: string | null; owners: string[] | string }>(db, q[type]);
  if (!r) return null;
  const owners = Array.isArray(r.owners) ? r.owners : String(r.owners).replace(/[{}]/g, '').split(',').filter(Boolean);
  return { title: r.title ?? '', ownerUserIds: owners };
}

/** Records a report; false when this member had already reported this object. */
export async function insertReport(db: DbOrTx, v: { objectType: string; objectId: string; reporterId: string; reason: string; note: string; at: Date }): Promise<boolean> {
  const r = await db
    .insert(contentReports)
    .values({ id: randomUUID(), objectType: v.objectType, objectId: v.objectId, reporterId: v.reporterId, reason: v.reason, note: v.note, createdAt: v.at })
    .onConflictDoNothing()
    .returning({ id: contentReports.id });
  return r.length === 1;
}

/**
 * The different reporters since a moderator last put the object back, split into established
 * reporters and newcomers (issue 18.11): a newcomer's account is younger than `newcomerSince` and
 * they act for no verified organisation (an active membership in one).
 */
export async function reportersByStanding(db: DbOrTx, type: string, id: string, newcomerSince: Date): Promise<{ established: number; newcomers: number }> {
  const [r] = await rows<{ established: number; newcomers: number }>(
    db,
    sql`with reporters as (
          select distinct r.reporter_id from content_reports r
          left join moderation_items m on m.object_type = r.object_type and m.object_id = r.object_id and m.state = 'kept'
          where r.object_type = ${type} and r.object_id = ${id} and (m.decided_at is null or r.created_at > m.decided_at)
        ), standing as (
          select x.reporter_id,
                 (u.created_at <= ${newcomerSince.toISOString()}::timestamptz
                  or exists (select 1 from memberships ms join organisations o on o.id = ms.organisation_id
                             where ms.user_id = x.reporter_id and ms.status = 'active' and o.verified_at is not null)) as established
          from reporters x join users u on u.id = x.reporter_id
        )
        select count(*) filter (where established)::int as established, count(*) filter (where not established)::int as newcomers from standing`,
  );
  return { established: Number(r?.established ?? 0), newcomers: Number(r?.newcomers ?? 0) };
}

/**
 * Hides the object unless it is hidden already: true only for the call that hid it (so the
 * moderators are told once, also when two reports race to be the third).
 */
export async function hide(db: DbOrTx, type: string, id: string, at: Date): Promise<boolean> {
  const r = await rows<{ object_id: string }>(
    db,
    sql`insert into moderation_items (object_type, object_id, state, hidden_at) values (${type}, ${id}, 'hidden', ${at})
        on conflict (object_type, object_id) do update set state = 'hidden', hidden_at = excluded.hidden_at, decided_by = null, decided_at = null, decision = null
        where moderation_items.state = 'kept'
        returning object_id`,
  );
  return r.length === 1;
}

/** Whether the object is hidden now. */
export async function isHidden(db: DbOrTx, type: string, id: string): Promise<boolean> {
  const r = await rows<{ x: number }>(db, sql`select 1 as x from moderation_items where object_type = ${type} and object_id = ${id} and state = 'hidden'`);
  return r.length === 1;
}

/** A condition keeping hidden objects out of a list: `idColumn` is the list's id column (e.g. sql`o.id`). */
export function notHidden(type: string, idColumn: SQL): SQL {
  return sql`not exists (select 1 from moderation_items mi where mi.object_type = ${type} and mi.object_id = ${idColumn} and mi.state = 'hidden')`;
}

export type QueueRow = { objectType: string; objectId: string; state: string; hiddenAt: Date; decision: string | null; reports: number; reasons: string[]; notes: string[] };

/** Hidden objects first (newest first), then the last decisions. */
export async function queue(db: DbOrTx, limit = 100): Promise<QueueRow[]> {
  const r = await rows<Record<string, unknown>>(
    db,
    sql`select m.object_type, m.object_id, m.state, m.hidden_at, m.decision,
               (select count(*)::int from content_reports r where r.object_type = m.object_type and r.object_id = m.object_id) as reports,
               array(select distinct r.reason from content_reports r where r.object_type = m.object_type and r.object_id = m.object_id order by 1) as reasons,
               array(select r.note from content_reports r where r.object_type = m.object_type and r.object_id = m.object_id and r.note <> '' order by r.created_at desc limit 5) as notes
        from moderation_items m
        order by (m.state = 'hidden' and m.decision is null) desc, m.hidden_at desc
        limit ${limit}`,
  );
  const arr = (v: unknown) => (Array.isArray(v) ? (v as string[]) : String(v ?? '').replace(/^\{|\}$/g, '').split(',').filter(Boolean));
  return r.map((x) => ({
    objectType: x.object_type as string,
    objectId: x.object_id as string,
    state: x.state as string,
    hiddenAt: new Date(x.hidden_at as string),
    decision: (x.decision as string | null) ?? null,
    reports: Number(x.reports),
    reasons: arr(x.reasons),
    notes: arr(x.notes),
  }));
}

/** A moderator's decision on a hidden object: keep it hidden (confirmed) or put it back (kept). False when it is not hidden. */
export async function decide(db: DbOrTx, type: string, id: string, decision: 'confirmed' | 'restored', by: string, at: Date): Promise<boolean> {
  const r = await rows<{ object_id: string }>(
    db,
    sql`update moderation_items set state = ${decision === 'restored' ? 'kept' : 'hidden'}, decision = ${decision}, decided_by = ${by}, decided_at = ${at}
        where object_type = ${type} and object_id = ${id} and state = 'hidden' returning object_id`,
  );
  return r.length === 1;
}

/** The moderators: platform admins. */
export async function moderatorIds(db: DbOrTx): Promise<string[]> {
  const r = await rows<{ id: string }>(db, sql`select id from users where 'admin' = any(roles) and deleted_at is null`);
  return r.map((x) => x.id);
}
