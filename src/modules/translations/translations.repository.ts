/** Queries for machine translations. Only this file builds SQL for the module. */
import { and, eq, lt, sql } from 'drizzle-orm';
import { machineTranslations } from '../../db/schema/translations.ts';
import { rows, type DbOrTx } from '../../platform/db.ts';
import { randomUUID } from 'node:crypto';

export type TranslationRow = typeof machineTranslations.$inferSelect;
export type Key = { subject: string; subjectId: string; field: string; targetLang: string };

/** A list of ids as one text parameter: one statement text whatever the list's length (no parameter per id). */
const idText = (ids: readonly string[]) => sql`string_to_array(${ids.join(',')}, ',')::uuid[]`;

/**
 * The rows of some subjects' fields in one language: one query for the whole list (the caller bounds its length;
 * `readerViews` passes at most a few thousand ids), one look-up in the key's index per id. Written so that no plan can
 * compare every row with every id: with `subject_id = any(…)` or `in (select unnest(…))`, PostgreSQL 15's generic plan
 * of a table without statistics (freshly filled) read every row of the subject and went through the list for each,
 * parsing it again each time (a build of 20,000 profiles took 72 s instead of 2 s). The `offset 0` keeps the lateral
 * subquery a look-up per id.
 */
export async function findForMany(db: DbOrTx, subject: string, subjectIds: readonly string[], targetLang: string): Promise<TranslationRow[]> {
  if (!subjectIds.length) return [];
  return rows<TranslationRow>(
    db,
    sql`select m.id, m.subject, m.subject_id as "subjectId", m.field, m.source_lang as "sourceLang", m.target_lang as "targetLang",
          m.source_hash as "sourceHash", m.source_text as "sourceText", m.text, m.engine, m.state, m.attempts,
          m.requested_at as "requestedAt", m.translated_at as "translatedAt", m.read_at as "readAt"
        from unnest(${idText(subjectIds)}) as s(id)
        cross join lateral (select * from machine_translations t where t.subject = ${subject} and t.subject_id = s.id and t.target_lang = ${targetLang} offset 0) m`,
  );
}

/** Rows per insert: 11 parameters a row, well under PostgreSQL's 65,535 a statement. */
const REQUEST_CHUNK = 2000;

/**
 * Asks for translations: a new row is pending; a row made from other text (its hash differs) is
 * pending again with the new text. Rows already asked for with the same text are left as they are.
 * One insert per REQUEST_CHUNK rows; a key must not be given twice (one statement cannot update a row twice).
 */
export async function request(db: DbOrTx, items: Array<Key & { sourceLang: string; sourceHash: string; sourceText: string }>, now: Date): Promise<void> {
  for (let at = 0; at < items.length; at += REQUEST_CHUNK) await requestChunk(db, items.slice(at, at + REQUEST_CHUNK), now);
}

async function requestChunk(db: DbOrTx, items: Array<Key & { sourceLang: string; sourceHash: string; sourceText: string }>, now: Date): Promise<void> {
  await db
    .insert(machineTranslations)
    .values(items.map((i) => ({ id: randomUUID(), ...i, state: 'pending', requestedAt: now, readAt: now })))
    .onConflictDoUpdate({
      target: [machineTranslations.subject, machineTranslations.subjectId, machineTranslations.field, machineTranslations.targetLang],
      set: {
        sourceLang: sql`excluded.source_lang`,
        sourceHash: sql`excluded.source_hash`,
        sourceText: sql`excluded.source_text`,
        text: null,
        engine: null,
        state: 'pending',
        attempts: 0,
        requestedAt: sql`excluded.requested_at`,
        translatedAt: null,
      },
      setWhere: sql`${machineTranslations.sourceHash} <> excluded.source_hash`,
    });
}

/** Marks rows as read (at most once a day per row): one update for the whole list (the list computed once, then looked up by key). */
export async function touch(db: DbOrTx, ids: readonly string[], now: Date): Promise<void> {
  if (!ids.length) return;
  const dayAgo = new Date(now.getTime() - 86_400_000);
  await db.update(machineTranslations).set({ readAt: now }).where(and(sql`${machineTranslations.id} = any(array(select unnest(${idText(ids)})))`, lt(machineTranslations.readAt, dayAgo)));
}

/** Working rows older than this are taken again (the process that took them died). */
const LEASE_MS = 5 * 60_000;
/** A failed row is tried again after this long, at most MAX_ATTEMPTS times. */
const RETRY_MS = 10 * 60_000;
export const MAX_ATTEMPTS = 5;

/**
 * Takes up to `limit` rows to translate, marking them as being worked on: safe on several
 * processes at once (FOR UPDATE SKIP LOCKED), and a row left by a dead process is taken again.
 */
export async function claim(db: DbOrTx, limit: number, now: Date): Promise<TranslationRow[]> {
  const lease = new Date(now.getTime() - LEASE_MS);
  const retry = new Date(now.getTime() - RETRY_MS);
  return rows<TranslationRow>(
    db,
    sql`update machine_translations m set state = 'working', requested_at = ${now}
        where m.id in (
          select id from machine_translations
          where state = 'pending' or (state = 'working' and requested_at < ${lease}) or (state = 'failed' and attempts < ${MAX_ATTEMPTS} and requested_at < ${retry})
          order by requested_at, id limit ${limit} for update skip locked)
        returning m.id, m.subject, m.subject_id as "subjectId", m.field, m.source_lang as "sourceLang", m.target_lang as "targetLang",
                  m.source_hash as "sourceHash", m.source_text as "sourceText", m.attempts`,
  );
}

/** Stores a translation, unless the text changed since it was claimed. */
export async function store(db: DbOrTx, id: string, sourceHash: string, text: string, engine: string, now: Date): Promise<void> {
  await db
    .update(machineTranslations)
    .set({ text, engine, state: 'done', sourceText: '', translatedAt: now })
    .where(and(eq(machineTranslations.id, id), eq(machineTranslations.sourceHash, sourceHash)));
}

export async function fail(db: DbOrTx, id: string, sourceHash: string, now: Date): Promise<void> {
  await db
    .update(machineTranslations)
    .set({ state: 'failed', attempts: sql`${machineTranslations.attempts} + 1`, requestedAt: now })
    .where(and(eq(machineTranslations.id, id), eq(machineTranslations.sourceHash, sourceHash)));
}

/** Removes translations nobody read since `before` (their subject may be gone). */
export async function expire(db: DbOrTx, before: Date): Promise<number> {
  const r = await rows<{ id: string }>(db, sql`delete from machine_translations where read_at < ${before} returning id`);
  return r.length;
}
