/**
 * Files of the cycle (request attachments, CVs in offers), SECURITY.md 20–24 and 30: a size
 * limit per kind and a quota per person; the bytes must be what the name says (PDF, DOCX, ODT,
 * PNG, JPEG); an archive-based document with more than 1,000 entries or more than 100 MB unpacked
 * is refused from its central directory, before anything is unpacked; files are stored in
 * DATA_DIR/files under random names (the uploaded name is only a label); every opening checks
 * authorization, and a CV opened by anyone but its owner is in the audit log.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isClean } from '../../platform/scan.ts';
import { fileTypeFromBuffer } from 'file-type';
import type { ServiceCtx } from '../../platform/http.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import * as repo from './requests.repository.ts';
import { isUuid } from '../../platform/ids.ts';
import { loadRequest } from './requests.service.ts';

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

export type Upload = { name: string; bytes: Uint8Array };
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

/**
 * Stores a checked upload and its row. The bytes are written first under a random name and
 * removed again if the row cannot be written, so no file and no row remain on failure.
 */
export async function store(
  ctx: ServiceCtx,
  env: FilesEnv,
  kind: FileKind,
  u: Upload,
  owner: { requestId?: string; offerId?: string; personId?: string },
): Promise<{ ok: true; id: string } | { ok: false; reason: Rejection }> {
  if (u.bytes.length > MAX_BYTES[kind]) return { ok: false, reason: 'too_large' };
  if ((await repo.storedBytesOf(ctx.db, ctx.actor!.id)) + u.bytes.length > QUOTA_BYTES) return { ok: false, reason: 'quota' };
  const checked = await inspect(u);
  if (!checked.ok) return checked;
  const id = randomUUID();
  const storageName = randomBytes(24).toString('hex');
  mkdirSync(env.filesDir, { recursive: true, mode: 0o700 });
  const path = join(env.filesDir, storageName);
  try {
    // A full disk can fail half-way through the bytes: no partial file may stay behind.
    writeFileSync(path, u.bytes, { mode: 0o600 });
  } catch (e) {
    rmSync(path, { force: true });
    throw e;
  }
  try {
    await repo.insertAttachment(ctx.db, { id, kind, ...owner, uploadedBy: ctx.actor!.id, label: labelOf(u.name), mime: checked.mime, size: u.bytes.length, storageName, createdAt: ctx.now });
  } catch (e) {
    rmSync(path, { force: true });
    throw e;
  }
  return { ok: true, id };
}

export type AttachmentView = { id: string; label: string; size: number; createdAt: Date };

/** Adds an attachment to a draft request (its requesters only; read-only once submitted). */
export async function attachToRequest(ctx: ServiceCtx, env: FilesEnv, requestId: string, u: Upload) {
  await loadRequest(ctx, requestId, 'request.edit');
  return store(ctx, env, 'request_attachment', u, { requestId });
}

/** A request's attachments, for whoever may see the request. */
export async function requestAttachments(ctx: ServiceCtx, requestId: string): Promise<AttachmentView[]> {
  await loadRequest(ctx, requestId);
  return (await repo.attachmentsOf(ctx.db, { requestId })).map((a) => ({ id: a.id, label: a.label, size: a.size, createdAt: a.createdAt }));
}

/** Removes an attachment of a draft (its requesters). */
export async function removeRequestAttachment(ctx: ServiceCtx, env: FilesEnv, id: string): Promise<{ ok: true; requestId: string }> {
  const row = isUuid(id) ? await repo.findAttachment(ctx.db, id) : undefined;
  if (!row || row.kind !== 'request_attachment' || !row.requestId) throw new NotFoundError();
  await loadRequest(ctx, row.requestId, 'request.edit');
  await repo.deleteAttachment(ctx.db, id);
  rmSync(join(env.filesDir, row.storageName), { force: true });
  return { ok: true, requestId: row.requestId };
}

/**
 * Opens a file after checking that the actor may: a request attachment for whoever may see the
 * request; a CV through the offer it belongs to (checked by `canSeeOffer`). Missing and
 * forbidden answer the same 404. A CV opened by anyone but its uploader or its person is audited.
 */
export async function openAttachment(
  ctx: ServiceCtx,
  env: FilesEnv,
  id: string,
  canSeeOffer: (offerId: string) => Promise<boolean>,
  personUserId: (personId: string) => Promise<string | null>,
): Promise<{ label: string; mime: string; bytes: Buffer }> {
  if (!ctx.actor) throw new NotFoundError();
  const row = isUuid(id) ? await repo.findAttachment(ctx.db, id) : undefined;
  if (!row) throw new NotFoundError();
  if (row.kind === 'request_attachment' && row.requestId) await loadRequest(ctx, row.requestId);
  else if (row.kind === 'cv' && row.offerId) {
    if (!(await canSeeOffer(row.offerId))) {
      await audit(ctx.db, ctx.now, { actorId: ctx.actor.id, action: 'cv.open', objectType: 'attachment', objectId: id, ip: ctx.ip, outcome: 'denied' });
      throw new NotFoundError();
    }
    const isOwner = row.uploadedBy === ctx.actor.id || (row.personId ? (await personUserId(row.personId)) === ctx.actor.id : false);
    if (!isOwner) await audit(ctx.db, ctx.now, { actorId: ctx.actor.id, action: 'cv.open', objectType: 'attachment', objectId: id, ip: ctx.ip });
  } else throw new NotFoundError();
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(env.filesDir, row.storageName));
  } catch {
    throw new NotFoundError();
  }
  return { label: row.label, mime: row.mime, bytes };
}

/** Stores a CV for an expert of an offer (the caller has checked the offer and the expert). */
export async function storeCv(ctx: ServiceCtx, env: FilesEnv, offerId: string, personId: string, u: Upload) {
  return store(ctx, env, 'cv', u, { offerId, personId });
}

/** The CVs of an offer, by person. */
export async function cvsOfOffer(ctx: ServiceCtx, offerId: string): Promise<Map<string, { id: string; label: string }>> {
  const r = await repo.attachmentsOf(ctx.db, { offerId });
  return new Map(r.filter((x) => x.personId).map((x) => [x.personId!, { id: x.id, label: x.label }]));
}
