/** Queries of the privacy module: erasure, the data export's reads, consents, retention. */
import { and, asc, desc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { rows, type DbOrTx } from '../../platform/db.ts';
import { users, sessions, apiTokens, oneTimeTokens, signInFailures } from '../../db/schema/accounts.ts';
import { people, memberships } from '../../db/schema/organisations.ts';
import { attachments } from '../../db/schema/files.ts';
import { notificationOutbox, notificationPreferences } from '../../db/schema/mail.ts';
import { offerExperts } from '../../db/schema/calls.ts';
import { programmeCommittee } from '../../db/schema/programmes.ts';
import { consents, dataExports, retentionWarnings, erasures } from '../../db/schema/privacy.ts';

// ---------- erasure ----------

export type Identity = { email: string | null; name: string; profiles: { id: string; name: string; email: string | null; phone: string | null }[] };

export async function identityOf(db: DbOrTx, userId: string): Promise<Identity | undefined> {
  const [u] = await db.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, userId)).limit(1);
  if (!u) return undefined;
  const profiles = await db.select({ id: people.id, name: people.name, email: people.email, phone: people.phone }).from(people).where(eq(people.userId, userId));
  return { ...u, profiles };
}

/** Deletes the CV rows of these profiles; returns their storage names (the files go after commit). */
export async function deleteCvsOfPeople(db: DbOrTx, personIds: string[]): Promise<string[]> {
  if (!personIds.length) return [];
  const gone = await db.delete(attachments).where(and(eq(attachments.kind, 'cv'), inArray(attachments.personId, personIds))).returning({ s: attachments.storageName });
  return gone.map((g) => g.s);
}

/** Deletes a person's export rows; returns their storage names. */
export async function deleteExportsOf(db: DbOrTx, userId: string): Promise<string[]> {
  const gone = await db.delete(dataExports).where(eq(dataExports.userId, userId)).returning({ s: dataExports.storageName });
  return gone.map((g) => g.s);
}

/** Everything that only serves the person's own access, roles and mail: deleted. */
export async function deleteAccessRows(db: DbOrTx, userId: string, email: string | null, emailKey: string | null): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
  await db.delete(apiTokens).where(eq(apiTokens.userId, userId));
  // One-time tokens of the account, and invitations sent by them or to their address.
  await db
    .delete(oneTimeTokens)
    .where(
      or(
        eq(oneTimeTokens.userId, userId),
        sql`${oneTimeTokens.data}->>'invitedBy' = ${userId}`,
        ...(email ? [sql`lower(${oneTimeTokens.data}->>'email') = ${email.toLowerCase()}`] : []),
      ),
    );
  if (emailKey) await db.delete(signInFailures).where(eq(signInFailures.emailKey, emailKey));
  await db.delete(memberships).where(eq(memberships.userId, userId));
  await db.delete(programmeCommittee).where(eq(programmeCommittee.userId, userId));
  await db.delete(notificationOutbox).where(eq(notificationOutbox.userId, userId));
  await db.delete(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  await db.delete(retentionWarnings).where(eq(retentionWarnings.userId, userId));
}

/** Blanks the account's identity; the row stays so that what others need (offers, scores) keeps its author, anonymised. */
export async function blankUser(db: DbOrTx, userId: string, now: Date): Promise<void> {
  await db
    .update(users)
    .set({
      email: null,
      emailVerifiedAt: null,
      name: '',
      passwordHash: null,
      totpSecret: null,
      totpEnabledAt: null,
      lastTotpStep: null,
      recoveryCodes: [],
      roles: [],
      coordinatorRegions: [],
      deletedAt: now,
      updatedAt: now,
    })
    .where(eq(users.id, userId));
}

/**
 * The person's profiles: deleted where nothing refers to them; blanked (name, contact, free text)
 * where an offer of someone else still names them as an expert.
 */
export async function eraseProfiles(db: DbOrTx, personIds: string[], now: Date): Promise<void> {
  if (!personIds.length) return;
  const used = new Set((await db.selectDistinct({ id: offerExperts.personId }).from(offerExperts).where(inArray(offerExperts.personId, personIds))).map((r) => r.id));
  const free = personIds.filter((id) => !used.has(id));
  if (free.length) await db.delete(people).where(inArray(people.id, free));
  const kept = personIds.filter((id) => used.has(id));
  if (kept.length)
    await db
      .update(people)
      .set({ name: '', externalId: null, position: '', jobFunction: null, expertise: '', availability: '', email: null, phone: null, showEmail: false, showPhone: false, themes: [], languages: [], extra: {}, concepts: [], conceptWeights: [], conceptsSrc: null, updatedAt: now })
      .where(inArray(people.id, kept));
  if (kept.length) await db.update(offerExperts).set({ availability: '' }).where(inArray(offerExperts.personId, kept));
}

type TextColumn = { table_name: string; column_name: string; kind: 'text' | 'jsonb' | 'array' };

/** Every writable text, text[] and jsonb column of the public schema but `except`'s tables (generated columns follow their sources). */
export async function textColumns(db: DbOrTx, except: readonly string[]): Promise<TextColumn[]> {
  return rows<TextColumn>(
    db,
    sql`select c.table_name, c.column_name,
          case when c.data_type = 'jsonb' then 'jsonb' when c.data_type = 'ARRAY' then 'array' else 'text' end as kind
        from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
        where c.table_schema = 'public' and c.is_generated = 'NEVER'
          and (c.data_type in ('text', 'character varying', 'jsonb') or (c.data_type = 'ARRAY' and c.udt_name in ('_text', '_varchar')))
          and c.table_name <> all(${`{${except.join(',')}}`}::text[])
        order by c.table_name, c.column_name`,
  );
}

const ident = (s: string) => sql.raw(`"${s.replace(/"/g, '""')}"`);

/**
 * Replaces every match of `pattern` (a PostgreSQL regular expression, matched case-insensitively)
 * in one column by `replacement`. jsonb goes through its text form (the pattern is built for it).
 */
export async function scrubColumn(db: DbOrTx, col: TextColumn, pattern: string, jsonPattern: string, replacement: string): Promise<void> {
  const t = ident(col.table_name);
  const c = ident(col.column_name);
  if (col.kind === 'text') await db.execute(sql`update ${t} set ${c} = regexp_replace(${c}, ${pattern}, ${replacement}, 'gi') where ${c} ~* ${pattern}`);
  else if (col.kind === 'jsonb')
    await db.execute(sql`update ${t} set ${c} = (regexp_replace(${c}::text, ${jsonPattern}, ${replacement}, 'gi'))::jsonb where ${c}::text ~* ${jsonPattern}`);
  else
    await db.execute(
      sql`update ${t} set ${c} = array(select regexp_replace(x, ${pattern}, ${replacement}, 'gi') from unnest(${c}) with ordinality as u(x, i) order by i)
          where exists (select 1 from unnest(${c}) as x where x ~* ${pattern})`,
    );
}

export async function recordErasure(db: DbOrTx, userId: string, at: Date, reason: 'request' | 'retention'): Promise<void> {
  await db.insert(erasures).values({ userId, erasedAt: at, reason }).onConflictDoNothing();
}

/** Erased ids whose account row still holds identity (after a restore): to erase again. */
export async function erasedButPresent(db: DbOrTx, ids: string[]): Promise<string[]> {
  const all = await db.select({ id: erasures.userId }).from(erasures);
  const wanted = [...new Set([...all.map((r) => r.id), ...ids])];
  if (!wanted.length) return [];
  const r = await db.select({ id: users.id }).from(users).where(and(inArray(users.id, wanted), or(sql`${users.email} is not null`, sql`${users.name} <> ''`, isNull(users.deletedAt))));
  return r.map((x) => x.id);
}

// ---------- consents ----------

export async function insertConsent(db: DbOrTx, v: typeof consents.$inferInsert): Promise<void> {
  await db.insert(consents).values(v);
}

/** The latest consent act of a person, if any. */
export async function latestConsent(db: DbOrTx, userId: string): Promise<{ noticeVersion: string; action: string; at: Date } | undefined> {
  const [r] = await db
    .select({ noticeVersion: consents.noticeVersion, action: consents.action, at: consents.at })
    .from(consents)
    .where(eq(consents.userId, userId))
    .orderBy(desc(consents.at), desc(consents.seq))
    .limit(1);
  return r;
}

export async function consentHistory(db: DbOrTx, userId: string) {
  return db.select({ noticeVersion: consents.noticeVersion, action: consents.action, at: consents.at }).from(consents).where(eq(consents.userId, userId)).orderBy(asc(consents.at));
}

// ---------- exports ----------

export async function insertExport(db: DbOrTx, v: typeof dataExports.$inferInsert): Promise<void> {
  await db.insert(dataExports).values(v);
}

export async function exportsOf(db: DbOrTx, userId: string, now: Date) {
  return db
    .select({ id: dataExports.id, size: dataExports.size, createdAt: dataExports.createdAt, expiresAt: dataExports.expiresAt })
    .from(dataExports)
    .where(and(eq(dataExports.userId, userId), sql`${dataExports.expiresAt} > ${now}`))
    .orderBy(desc(dataExports.createdAt));
}

export async function findExport(db: DbOrTx, id: string) {
  const [r] = await db.select().from(dataExports).where(eq(dataExports.id, id)).limit(1);
  return r;
}

export async function deleteExpiredExports(db: DbOrTx, now: Date): Promise<string[]> {
  const gone = await db.delete(dataExports).where(lte(dataExports.expiresAt, now)).returning({ s: dataExports.storageName });
  return gone.map((g) => g.s);
}

/** What the person provided, table by table, for "download my data". Only rows they are the subject or author of. */
export async function exportData(db: DbOrTx, userId: string) {
  const q = <T = Record<string, unknown>>(query: ReturnType<typeof sql>) => rows<T>(db, query);
  const [account] = await q(
    sql`select id, email, name, locale, roles, coordinator_regions, email_verified_at, totp_enabled_at is not null as second_factor, created_at, updated_at, last_active_at from users where id = ${userId}`,
  );
  return {
    account,
    profiles: await q(
      sql`select id, organisation_id, name, position, job_function, languages, expertise, themes, availability, email, phone, visibility, show_email, show_phone, extra, created_at, updated_at from people where user_id = ${userId} order by created_at`,
    ),
    memberships: await q(
      sql`select m.id, m.organisation_id, o.name as organisation_name, m.role, m.status, m.origin, m.message, m.created_at, m.decided_at from memberships m join organisations o on o.id = m.organisation_id where m.user_id = ${userId} order by m.created_at`,
    ),
    requestsCreated: await q(
      sql`select id, programme_id, organisation_id, state, title, challenge, context, tried, objectives, results, themes, sdgs, formats, languages, period_start, period_end, participants, stakeholders, cofunding, submitted_at, created_at, updated_at from requests where created_by = ${userId} order by created_at`,
    ),
    endorsements: await q(sql`select request_id, note, at from endorsements where user_id = ${userId} order by at`),
    reviews: await q(sql`select request_id, scores, created_at, updated_at from reviews where reviewer_id = ${userId} order by created_at`),
    conflictDeclarations: await q(sql`select request_id, has_conflict, note, at from conflict_declarations where user_id = ${userId} order by at`),
    offers: await q(sql`select id, call_id, organisation_id, state, created_at, updated_at from offers where offered_by = ${userId} order by created_at`),
    // Expert entries of their offers: what they wrote; the experts themselves only by id (their names are their own data).
    offerExperts: await q(
      sql`select oe.offer_id, case when p.user_id = ${userId} then oe.person_id end as person_id, p.user_id = ${userId} as is_me, oe.motivation, oe.languages, oe.availability
          from offer_experts oe join offers o on o.id = oe.offer_id join people p on p.id = oe.person_id where o.offered_by = ${userId}`,
    ),
    offerMessages: await q(sql`select id, offer_id, body, at from offer_messages where author_id = ${userId} order by at`),
    exchangeMessages: await q(sql`select id, exchange_id, body, at from exchange_messages where author_id = ${userId} order by at`),
    evaluationAnswers: await q(
      sql`select a.evaluation_id, e.exchange_id, e.stage, e.side, a.answers, a.at from evaluation_answers a join evaluations e on e.id = a.evaluation_id where a.answered_by = ${userId} order by a.at`,
    ),
    notificationPreference: (await q(sql`select mode, updated_at from notification_preferences where user_id = ${userId}`))[0] ?? null,
    apiTokens: await q(sql`select name, created_at, last_used_at, revoked_at from api_tokens where user_id = ${userId} order by created_at`),
    consents: await q(sql`select notice_version, action, at from consents where user_id = ${userId} order by at`),
    activity: await q(sql`select at, action, object_type, case when object_type = 'user' and object_id <> ${userId} then null else object_id end as object_id, ip, outcome from audit_log where actor_id = ${userId} order by at, id`),
  };
}

/** The files the person provided: their CVs and the files they uploaded. */
export async function filesOf(db: DbOrTx, userId: string): Promise<{ id: string; label: string; storageName: string; kind: string }[]> {
  const own = await db.select({ id: people.id }).from(people).where(eq(people.userId, userId));
  const ids = own.map((p) => p.id);
  const cvs = await db
    .select({ id: attachments.id, label: attachments.label, storageName: attachments.storageName, kind: attachments.kind })
    .from(attachments)
    .where(or(and(eq(attachments.uploadedBy, userId), eq(attachments.kind, 'request_attachment')), ...(ids.length ? [and(eq(attachments.kind, 'cv'), inArray(attachments.personId, ids))] : [])));
  const docs = await rows<{ id: string; label: string; storage_name: string }>(db, sql`select id, label, storage_name from exchange_documents where uploaded_by = ${userId}`);
  return [...cvs, ...docs.map((d) => ({ id: d.id, label: d.label, storageName: d.storage_name, kind: 'exchange_document' }))];
}

// ---------- retention ----------

export type Inactive = { id: string; locale: string; email: string | null; basis: Date; deadline: Date };

/** Accounts (not demo, not deleted) whose deletion date falls before `until`: basis = last activity (or creation). */
export async function inactiveUntil(db: DbOrTx, months: number, until: Date): Promise<Inactive[]> {
  const r = await rows<{ id: string; locale: string; email: string | null; basis: Date | string; deadline: Date | string }>(
    db,
    sql`select id, locale, email, coalesce(last_active_at, created_at) as basis,
          coalesce(last_active_at, created_at) + make_interval(months => ${months}::int) as deadline
        from users
        where deleted_at is null and not is_demo
          and coalesce(last_active_at, created_at) + make_interval(months => ${months}::int) <= ${until.toISOString()}::timestamptz
        order by id`,
  );
  return r.map((x) => ({ id: x.id, locale: x.locale, email: x.email, basis: new Date(x.basis), deadline: new Date(x.deadline) }));
}

/** Warnings whose basis is older than the person's latest activity are void (they came back). */
export async function dropVoidWarnings(db: DbOrTx): Promise<void> {
  await db.execute(
    sql`delete from retention_warnings w using users u where u.id = w.user_id and coalesce(u.last_active_at, u.created_at) > w.basis_at`,
  );
}

export async function warningsOf(db: DbOrTx, userId: string) {
  return db.select().from(retentionWarnings).where(eq(retentionWarnings.userId, userId));
}

/** Records a warning; false when another run recorded it first (so it is sent once). */
export async function claimWarning(db: DbOrTx, v: typeof retentionWarnings.$inferInsert): Promise<boolean> {
  const r = await db.insert(retentionWarnings).values(v).onConflictDoNothing().returning({ u: retentionWarnings.userId });
  return r.length > 0;
}

export async function insertOutbox(db: DbOrTx, v: typeof notificationOutbox.$inferInsert): Promise<void> {
  await db.insert(notificationOutbox).values(v);
}

/** Invitations and other one-time tokens expired before `before`: deleted. */
export async function deleteExpiredTokens(db: DbOrTx, before: Date): Promise<number> {
  const r = await db.delete(oneTimeTokens).where(lte(oneTimeTokens.expiresAt, before)).returning({ h: oneTimeTokens.tokenHash });
  return r.length;
}

/** CVs of offers on calls that closed (deadline passed, call no longer open) before `before`: rows deleted, storage names returned. */
export async function deleteOldCvs(db: DbOrTx, before: Date): Promise<string[]> {
  const r = await rows<{ storage_name: string }>(
    db,
    sql`delete from attachments a using offers o, expertise_calls c
        where a.kind = 'cv' and a.offer_id = o.id and o.call_id = c.id and c.state <> 'open' and c.deadline <= ${before.toISOString()}::timestamptz
        returning a.storage_name`,
  );
  return r.map((x) => x.storage_name);
}
