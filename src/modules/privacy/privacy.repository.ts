/**
 * Queries of the privacy module: its own tables (consents, exports, retention warnings, erasures), a
 * person's queued mail and preference (the platform's outbox tables), the audit trail of their acts,
 * and the schema-generic free-text sweep of the erasure. Other modules' tables are reached through
 * their manifests' personal-data hooks (privacy.hooks.ts), never from here.
 */
import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import { rows, type DbOrTx } from '../../platform/db.ts';
import { recentActs } from '../../platform/security.ts';
import { notificationOutbox, notificationPreferences } from '../../db/schema/mail.ts';
import { consents, dataExports, retentionWarnings, erasures } from '../../db/schema/privacy.ts';

// ---------- erasure ----------

/** Deletes a person's export rows; returns their storage names. */
export async function deleteExportsOf(db: DbOrTx, userId: string): Promise<string[]> {
  const gone = await db.delete(dataExports).where(eq(dataExports.userId, userId)).returning({ s: dataExports.storageName });
  return gone.map((g) => g.s);
}

/** The person's queued mail, mail preference and retention warnings: deleted. */
export async function deleteMailAndWarnings(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(notificationOutbox).where(eq(notificationOutbox.userId, userId));
  await db.delete(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  await db.delete(retentionWarnings).where(eq(retentionWarnings.userId, userId));
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

/** Every id erased so far. */
export async function erasedIds(db: DbOrTx): Promise<string[]> {
  return (await db.select({ id: erasures.userId }).from(erasures)).map((r) => r.id);
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

/** The exports a person had built since `since` (the per-person limit). */
export const recentExportsOf = (db: DbOrTx, userId: string, since: Date) => recentActs(db, dataExports, dataExports.userId, dataExports.createdAt, userId, since);

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

/** The privacy module's sections of "download my data": mail preference, consents, and the person's own acts in the audit trail. */
export async function exportOwn(db: DbOrTx, userId: string): Promise<Record<string, unknown>> {
  const q = (query: ReturnType<typeof sql>) => rows<Record<string, unknown>>(db, query);
  return {
    notificationPreference: (await q(sql`select requests, exchanges, networks, events, news, time_zone, updated_at from notification_preferences where user_id = ${userId}`))[0] ?? null,
    consents: await q(sql`select notice_version, action, at from consents where user_id = ${userId} order by at`),
    activity: await q(sql`select at, action, object_type, case when object_type = 'user' and object_id <> ${userId} then null else object_id end as object_id, ip, outcome from audit_log where actor_id = ${userId} order by at, id`),
  };
}

// ---------- retention ----------

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
