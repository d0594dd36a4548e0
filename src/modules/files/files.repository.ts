/** Queries on the attachments table: the only place it is read and written. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db.ts';
import { rows } from '../../platform/db.ts';
import { attachments } from '../../db/schema/files.ts';

export type AttachmentRow = typeof attachments.$inferSelect;

/** Bytes a person has stored in all (for the quota). */
export async function storedBytesOf(db: DbOrTx, userId: string): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`select coalesce(sum(size), 0)::int as n from attachments where uploaded_by = ${userId}`);
  return r?.n ?? 0;
}

export async function insertAttachment(db: DbOrTx, v: typeof attachments.$inferInsert): Promise<void> {
  await db.insert(attachments).values(v);
}

export async function findAttachment(db: DbOrTx, id: string): Promise<AttachmentRow | undefined> {
  const [r] = await db.select().from(attachments).where(eq(attachments.id, id));
  return r;
}

export async function deleteAttachment(db: DbOrTx, id: string): Promise<void> {
  await db.delete(attachments).where(eq(attachments.id, id));
}

/** Attachments of a request, or CVs of an offer, oldest first. */
export async function attachmentsOf(db: DbOrTx, owner: { requestId: string } | { offerId: string }): Promise<AttachmentRow[]> {
  return db
    .select()
    .from(attachments)
    .where(
      'requestId' in owner
        ? and(eq(attachments.requestId, owner.requestId), eq(attachments.kind, 'request_attachment'))
        : and(eq(attachments.offerId, owner.offerId), eq(attachments.kind, 'cv')),
    )
    .orderBy(asc(attachments.createdAt));
}

/** Deletes the CV rows of these profiles; returns their storage names (the files go after commit). */
export async function deleteCvsOfPeople(db: DbOrTx, personIds: string[]): Promise<string[]> {
  if (!personIds.length) return [];
  const gone = await db.delete(attachments).where(and(eq(attachments.kind, 'cv'), inArray(attachments.personId, personIds))).returning({ s: attachments.storageName });
  return gone.map((g) => g.s);
}

// Personal data (privacy hooks: export and erasure, through the manifest)

/** The files the person provided: the CVs of their profiles and the request attachments they uploaded (for "download my data"). */
export async function filesProvidedBy(db: DbOrTx, userId: string): Promise<{ id: string; label: string; storageName: string; kind: string }[]> {
  const r = await rows<{ id: string; label: string; storage_name: string; kind: string }>(
    db,
    sql`select id, label, storage_name, kind from attachments
        where (uploaded_by = ${userId} and kind = 'request_attachment') or (kind = 'cv' and person_id in (select id from people where user_id = ${userId}))`,
  );
  return r.map((a) => ({ id: a.id, label: a.label, storageName: a.storage_name, kind: a.kind }));
}

/** Erasure: the CVs of the person's profiles (rows now; the files once the erasure committed). Runs before the profiles go. */
export async function eraseCvsOf(db: DbOrTx, userId: string): Promise<{ files: string[] }> {
  const gone = await rows<{ storage_name: string }>(
    db,
    sql`delete from attachments where kind = 'cv' and person_id in (select id from people where user_id = ${userId}) returning storage_name`,
  );
  return { files: gone.map((g) => g.storage_name) };
}

/** Retention: CVs of offers on calls that closed (deadline passed, call no longer open) `cvMonths` months ago or more. */
export async function expireOldCvs(db: DbOrTx, now: Date, periods: { cvMonths: number }): Promise<{ files: string[] }> {
  const before = new Date(now);
  before.setUTCMonth(before.getUTCMonth() - periods.cvMonths);
  const gone = await rows<{ storage_name: string }>(
    db,
    sql`delete from attachments a using offers o, expertise_calls c
        where a.kind = 'cv' and a.offer_id = o.id and o.call_id = c.id and c.state <> 'open' and c.deadline <= ${before.toISOString()}::timestamptz
        returning a.storage_name`,
  );
  return { files: gone.map((g) => g.storage_name) };
}
