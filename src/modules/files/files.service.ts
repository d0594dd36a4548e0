/**
 * The file store of the platform (request attachments, offer CVs, and the checks behind exchange
 * documents), SECURITY.md 20–25 and 30: a size limit per kind and a quota per person; the bytes
 * must be what the name says (PDF, DOCX, ODT, PNG, JPEG); an archive-based document with more than
 * 1,000 entries or more than 100 MB unpacked is refused from its central directory, before anything
 * is unpacked, and then by streaming its entries with a byte budget (headers may lie); a scanner may refuse it; files are stored in DATA_DIR/files under random names (the
 * uploaded name is only a label); every opening checks authorization through the module that owns
 * what the file belongs to, and a CV opened by anyone but its owner is in the audit log.
 *
 * The module knows files, not requests or offers: whoever owns the thing a file is attached to
 * passes the check ("may this actor see request X / offer Y") as a function.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { Inflate } from 'fflate';
import type { Ctx, ServiceCtx } from '../../platform/http.ts';
import type { DbOrTx } from '../../platform/db.ts';
import type { Upload } from '../../platform/forms.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { isClean } from '../../platform/scan.ts';
import { isUuid } from '../../platform/ids.ts';
import * as repo from './files.repository.ts';

export type { Upload };

export const MAX_BYTES = { request_attachment: 25 * 1024 * 1024, cv: 10 * 1024 * 1024 } as const;
export type FileKind = keyof typeof MAX_BYTES;
/** What one person may store in all. */
export const QUOTA_BYTES = 100 * 1024 * 1024;
const MAX_ARCHIVE_ENTRIES = 1000;
const MAX_ARCHIVE_UNPACKED = 100 * 1024 * 1024;

/** Accepted extensions and the type their bytes must have. */
const TYPES: Record<string, { ext: string; mime: string }> = {
  pdf: { ext: 'pdf', mime: 'application/pdf' },
  docx: { ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  odt: { ext: 'odt', mime: 'application/vnd.oasis.opendocument.text' },
  png: { ext: 'png', mime: 'image/png' },
  jpg: { ext: 'jpg', mime: 'image/jpeg' },
  jpeg: { ext: 'jpg', mime: 'image/jpeg' },
};

export type Rejection = 'too_large' | 'bad_type' | 'archive_too_big' | 'quota' | 'infected';

/**
 * Reads a ZIP's central directory (no decompression): entry count and declared unpacked size.
 * null when it is not a readable ZIP (or is ZIP64, which no CV or report needs).
 */
export function zipDirectoryStats(b: Uint8Array): { entries: number; unpacked: number } | null {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const min = Math.max(0, b.length - 22 - 65535);
  let eocd = -1;
  for (let i = b.length - 22; i >= min; i--) {
    if (v.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = v.getUint16(eocd + 10, true);
  const cdOffset = v.getUint32(eocd + 16, true);
  if (entries === 0xffff || cdOffset === 0xffffffff || cdOffset >= b.length) return null;
  let p = cdOffset;
  let unpacked = 0;
  let n = 0;
  while (p + 46 <= b.length && v.getUint32(p, true) === 0x02014b50) {
    unpacked += v.getUint32(p + 24, true);
    n++;
    if (n > MAX_ARCHIVE_ENTRIES) break;
    p += 46 + v.getUint16(p + 28, true) + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  return { entries: Math.max(entries, n), unpacked };
}

/**
 * Unpacks every entry as a stream and counts what comes out, stopping as soon as the total passes
 * `budget` (issue 18.6): the headers may lie (a 150 MB entry whose local and central headers both
 * claim 1,000 bytes), the inflated bytes do not. Each entry is read from its local header to the next
 * entry (or the directory), whatever sizes it claims; entries that share their data are each counted.
 * `too_big` past the budget; `unreadable` for a broken stream or a method other than stored and deflate.
 */
export function zipUnpackedWithin(b: Uint8Array, budget = MAX_ARCHIVE_UNPACKED): 'ok' | 'too_big' | 'unreadable' {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const min = Math.max(0, b.length - 22 - 65535);
  let eocd = -1;
  for (let i = b.length - 22; i >= min; i--)
    if (v.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return 'unreadable';
  const cdOffset = v.getUint32(eocd + 16, true);
  const entries: { local: number; method: number }[] = [];
  for (let p = cdOffset; p + 46 <= b.length && v.getUint32(p, true) === 0x02014b50 && entries.length <= MAX_ARCHIVE_ENTRIES; ) {
    entries.push({ local: v.getUint32(p + 42, true), method: v.getUint16(p + 10, true) });
    p += 46 + v.getUint16(p + 28, true) + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  const starts = [...new Set(entries.map((e) => e.local)), cdOffset].sort((x, y) => x - y);
  let total = 0;
  const CHUNK = 16 * 1024; // deflate expands at most ~1,032 times: one push never yields much more than 16 MB
  for (const e of entries) {
    if (e.local + 30 > b.length || v.getUint32(e.local, true) !== 0x04034b50) return 'unreadable';
    const dataStart = e.local + 30 + v.getUint16(e.local + 26, true) + v.getUint16(e.local + 28, true);
    const dataEnd = Math.min(b.length, starts.find((x) => x > e.local) ?? b.length);
    if (dataStart > dataEnd) return 'unreadable';
    if (e.method === 0) {
      total += dataEnd - dataStart;
      if (total > budget) return 'too_big';
      continue;
    }
    if (e.method !== 8) return 'unreadable';
    let over = false;
    let done = false;
    const inflater = new Inflate((chunk, final) => {
      total += chunk.length;
      if (total > budget) over = true;
      if (final) done = true;
    });
    try {
      for (let p = dataStart; p < dataEnd && !over && !done; p += CHUNK) inflater.push(b.subarray(p, Math.min(dataEnd, p + CHUNK)), false);
    } catch (err) {
      // Bytes after the end of the deflate stream (a data descriptor) are not an error; a broken stream is.
      if (!over && !/finished/i.test(err instanceof Error ? err.message : '')) return 'unreadable';
    }
    if (over) return 'too_big';
  }
  return 'ok';
}

/** Checks an upload's bytes against its name. */
export async function inspect(u: Upload): Promise<{ ok: true; mime: string } | { ok: false; reason: 'bad_type' | 'archive_too_big' | 'infected' }> {
  const ext = /\.([a-z0-9]+)$/i.exec(u.name)?.[1]?.toLowerCase() ?? '';
  const want = TYPES[ext];
  if (!want) return { ok: false, reason: 'bad_type' };
  const isZip = u.bytes.length >= 4 && u.bytes[0] === 0x50 && u.bytes[1] === 0x4b && u.bytes[2] === 0x03 && u.bytes[3] === 0x04;
  if (isZip) {
    // Before anything looks inside: the directory says how big it would be.
    const stats = zipDirectoryStats(u.bytes);
    if (!stats) return { ok: false, reason: 'bad_type' };
    if (stats.entries > MAX_ARCHIVE_ENTRIES || stats.unpacked > MAX_ARCHIVE_UNPACKED) return { ok: false, reason: 'archive_too_big' };
    // Then what the entries really unpack to, counted while streaming, stopped at the limit.
    const real = zipUnpackedWithin(u.bytes);
    if (real === 'too_big') return { ok: false, reason: 'archive_too_big' };
    if (real === 'unreadable') return { ok: false, reason: 'bad_type' };
  }
  const found = await fileTypeFromBuffer(u.bytes);
  if (!found || found.ext !== want.ext) return { ok: false, reason: 'bad_type' };
  // The scanning hook (SECURITY.md 25): refused if a scanner finds something; a scanner that cannot answer throws (503).
  if (!(await isClean(u.bytes))) return { ok: false, reason: 'infected' };
  return { ok: true, mime: want.mime };
}

/** A file name safe to show as a label (no path, no control characters). */
export function labelOf(name: string): string {
  return (name.split(/[\\/]/).pop() ?? 'file').replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200) || 'file';
}

export type FilesEnv = { filesDir: string };

/** Where uploaded bytes live: outside anything served. */
export const filesEnv = (c: Ctx): FilesEnv => ({ filesDir: `${c.get('deps').config.dataDir}/files` });

/** The HTTP status for a refused file. */
export const rejectionStatus = (r: Rejection): 413 | 415 | 422 => (r === 'too_large' || r === 'quota' ? 413 : r === 'infected' ? 422 : 415);
/** The message for a refused file (it names the limit). */
export const rejectionKey = (r: Rejection): string =>
  ({ too_large: 'files.tooLarge', quota: 'files.quota', bad_type: 'files.badType', archive_too_big: 'files.archiveTooBig', infected: 'files.infected' })[r];
/** The message for a form sent without its file. */
export const MISSING_FILE_KEY = 'files.missing';

/** Bytes a person has stored as attachments and CVs (exchange documents add their own for the quota). */
export const storedBytesOf = (db: DbOrTx, userId: string): Promise<number> => repo.storedBytesOf(db, userId);

/** Writes bytes under a new random name; no partial file stays behind if the disk fails half-way. */
export function writeBytes(env: FilesEnv, bytes: Uint8Array): string {
  const storageName = randomBytes(24).toString('hex');
  mkdirSync(env.filesDir, { recursive: true, mode: 0o700 });
  const path = join(env.filesDir, storageName);
  try {
    writeFileSync(path, bytes, { mode: 0o600 });
  } catch (e) {
    rmSync(path, { force: true });
    throw e;
  }
  return storageName;
}

/** Removes stored bytes (a missing file is not an error). */
export function removeBytes(env: FilesEnv, storageName: string): void {
  rmSync(join(env.filesDir, storageName), { force: true });
}

/** Reads stored bytes; a file gone from the disk answers 404. */
export function readBytes(env: FilesEnv, storageName: string): Buffer {
  try {
    return readFileSync(join(env.filesDir, storageName));
  } catch {
    throw new NotFoundError();
  }
}

export type Owner = { requestId?: string; offerId?: string; personId?: string };

/**
 * Stores a checked upload and its row. The bytes are written first under a random name and
 * removed again if the row cannot be written, so no file and no row remain on failure.
 */
export async function store(ctx: ServiceCtx, env: FilesEnv, kind: FileKind, u: Upload, owner: Owner): Promise<{ ok: true; id: string } | { ok: false; reason: Rejection }> {
  if (u.bytes.length > MAX_BYTES[kind]) return { ok: false, reason: 'too_large' };
  if ((await repo.storedBytesOf(ctx.db, ctx.actor!.id)) + u.bytes.length > QUOTA_BYTES) return { ok: false, reason: 'quota' };
  const checked = await inspect(u);
  if (!checked.ok) return checked;
  const id = randomUUID();
  const storageName = writeBytes(env, u.bytes);
  try {
    await repo.insertAttachment(ctx.db, { id, kind, ...owner, uploadedBy: ctx.actor!.id, label: labelOf(u.name), mime: checked.mime, size: u.bytes.length, storageName, createdAt: ctx.now });
  } catch (e) {
    removeBytes(env, storageName);
    throw e;
  }
  return { ok: true, id };
}

export type AttachmentView = { id: string; label: string; size: number; createdAt: Date };

/** A request's attachments (the caller has checked that the actor may see the request). */
export async function attachmentsOfRequest(ctx: ServiceCtx, requestId: string): Promise<AttachmentView[]> {
  return (await repo.attachmentsOf(ctx.db, { requestId })).map((a) => ({ id: a.id, label: a.label, size: a.size, createdAt: a.createdAt }));
}

/** The CVs of an offer, by person (the caller has checked the offer). */
export async function cvsOfOffer(ctx: ServiceCtx, offerId: string): Promise<Map<string, { id: string; label: string }>> {
  const r = await repo.attachmentsOf(ctx.db, { offerId });
  return new Map(r.filter((x) => x.personId).map((x) => [x.personId!, { id: x.id, label: x.label }]));
}

/** What a file is attached to, for the owner module's check. */
export type AttachedTo = { kind: FileKind; requestId: string | null; offerId: string | null };

/**
 * Removes an attachment after `check` (the owning module's: throws when the actor may not) and
 * returns what it was attached to. A missing id answers 404.
 */
export async function removeAttachment(ctx: ServiceCtx, env: FilesEnv, id: string, check: (to: AttachedTo) => Promise<void>): Promise<AttachedTo> {
  const row = isUuid(id) ? await repo.findAttachment(ctx.db, id) : undefined;
  if (!row) throw new NotFoundError();
  const to: AttachedTo = { kind: row.kind as FileKind, requestId: row.requestId, offerId: row.offerId };
  await check(to);
  await repo.deleteAttachment(ctx.db, id);
  removeBytes(env, row.storageName);
  return to;
}

/** The checks of the modules a file may belong to. */
export type OpenChecks = {
  /** Throws (404) when the actor may not see the request. */
  request: (requestId: string) => Promise<void>;
  /** Whether the actor may see the offer a CV belongs to. */
  offer: (offerId: string) => Promise<boolean>;
  /** The account of a person profile (a CV's own person may open it unaudited). */
  personUserId: (personId: string) => Promise<string | null>;
};

/**
 * Opens a file after checking that the actor may: a request attachment for whoever may see the
 * request; a CV through the offer it belongs to. Missing and forbidden answer the same 404. A CV
 * opened by anyone but its uploader or its person is audited; a refused one too.
 */
export async function openAttachment(ctx: ServiceCtx, env: FilesEnv, id: string, checks: OpenChecks): Promise<{ label: string; mime: string; bytes: Buffer }> {
  if (!ctx.actor) throw new NotFoundError();
  const row = isUuid(id) ? await repo.findAttachment(ctx.db, id) : undefined;
  if (!row) throw new NotFoundError();
  if (row.kind === 'request_attachment' && row.requestId) await checks.request(row.requestId);
  else if (row.kind === 'cv' && row.offerId) {
    if (!(await checks.offer(row.offerId))) {
      await audit(ctx.db, ctx.now, { actorId: ctx.actor.id, action: 'cv.open', objectType: 'attachment', objectId: id, ip: ctx.ip, outcome: 'denied' });
      throw new NotFoundError();
    }
    const isOwner = row.uploadedBy === ctx.actor.id || (row.personId ? (await checks.personUserId(row.personId)) === ctx.actor.id : false);
    if (!isOwner) await audit(ctx.db, ctx.now, { actorId: ctx.actor.id, action: 'cv.open', objectType: 'attachment', objectId: id, ip: ctx.ip });
  } else throw new NotFoundError();
  return { label: row.label, mime: row.mime, bytes: readBytes(env, row.storageName) };
}

/** Erasure (SECURITY.md 32): deletes the CV rows of these person profiles in the caller's transaction; returns the storage names to remove after commit. */
export const eraseCvsOfPeople = (tx: DbOrTx, personIds: string[]): Promise<string[]> => repo.deleteCvsOfPeople(tx, personIds);
