/**
 * Personal data of a member: consent to the privacy notice (SECURITY.md 31) and "download my data"
 * (32). Consents are acts appended with the notice version and the time; the latest act counts.
 * An export is a ZIP (data.json + the person's files) built at once, stored in DATA_DIR/exports
 * under a random name, listed on /account/data and downloadable by its owner only, for 7 days.
 * Erasure is in privacy.erase.ts, retention in privacy.retention.ts.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import type { DbOrTx } from '../../platform/db.ts';
import { perPersonLimit } from '../../platform/security.ts';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Ctx, ServiceCtx, CurrentUser } from '../../platform/http.ts';
import { link } from '../../platform/render.ts';
import { z } from 'zod';
import { ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from '../../platform/errors.ts';
import { mustParse } from '../../platform/validation.ts';
import { isCurrentPassword } from '../accounts/accounts.service.ts';
import { eraseAccount } from './privacy.erase.ts';
import { audit } from '../../platform/audit.ts';
import { isUuid } from '../../platform/ids.ts';
import { canPrivacy, CONSENT_GATED } from './privacy.policy.ts';
import type { PersonalFile } from '../../platform/module.ts';
import { holders } from './privacy.hooks.ts';
import * as repo from './privacy.repository.ts';

// For the composition roots: the manifests to iterate, and the erasures to apply again after a restore.
export { usePersonalDataOf } from './privacy.hooks.ts';
export { reapplyErasures } from './privacy.erase.ts';

/** The version of the privacy notice in force (the date it was published). Changing it asks every member again. */
export const NOTICE_VERSION = '2026-11-23';
/** How long an export can be downloaded. */
export const EXPORT_TTL_MS = 7 * 86400_000;

export type PrivacyEnv = { dataDir: string };

function requireActor(ctx: ServiceCtx): CurrentUser {
  if (!ctx.actor) throw new UnauthorizedError();
  return ctx.actor;
}

// ---------- consent ----------

export type ConsentState = { status: 'current' | 'outdated' | 'withdrawn' | 'none'; version: string | null; at: Date | null };

/** Where a person stands with the notice in force: consented to it, to an older one, withdrew, or never answered. */
export async function consentState(db: DbOrTx, userId: string, version = NOTICE_VERSION): Promise<ConsentState> {
  const last = await repo.latestConsent(db, userId);
  if (!last) return { status: 'none', version: null, at: null };
  if (last.action === 'withdrawn') return { status: 'withdrawn', version: last.noticeVersion, at: last.at };
  return { status: last.noticeVersion === version ? 'current' : 'outdated', version: last.noticeVersion, at: last.at };
}

/** Whether the person consented to the notice in force. */
export async function hasCurrentConsent(db: DbOrTx, userId: string, version = NOTICE_VERSION): Promise<boolean> {
  return (await consentState(db, userId, version)).status === 'current';
}

/** Records consent to the notice in force (for the demo seed and tests too). */
export async function recordConsent(db: DbOrTx, userId: string, now: Date, version = NOTICE_VERSION): Promise<void> {
  await repo.insertConsent(db, { id: randomUUID(), userId, noticeVersion: version, action: 'given', at: now });
}

/** The actor accepts the notice in force. Outcome: the new state. */
export async function giveConsent(ctx: ServiceCtx): Promise<ConsentState> {
  const actor = requireActor(ctx);
  if (!canPrivacy(actor, 'consent.give')) throw new NotFoundError();
  await recordConsent(ctx.db, actor.id, ctx.now);
  await audit(ctx.db, ctx.now, { actorId: actor.id, action: 'consent.given', objectType: 'user', objectId: actor.id, ip: ctx.ip });
  return consentState(ctx.db, actor.id);
}

/** The actor withdraws consent (one POST): confidential member data is no longer shown to them. */
export async function withdrawConsent(ctx: ServiceCtx): Promise<ConsentState> {
  const actor = requireActor(ctx);
  if (!canPrivacy(actor, 'consent.withdraw')) throw new NotFoundError();
  await repo.insertConsent(ctx.db, { id: randomUUID(), userId: actor.id, noticeVersion: NOTICE_VERSION, action: 'withdrawn', at: ctx.now });
  await audit(ctx.db, ctx.now, { actorId: actor.id, action: 'consent.withdrawn', objectType: 'user', objectId: actor.id, ip: ctx.ip });
  return consentState(ctx.db, actor.id);
}

export async function myConsents(ctx: ServiceCtx) {
  const actor = requireActor(ctx);
  return { state: await consentState(ctx.db, actor.id), history: await repo.consentHistory(ctx.db, actor.id) };
}

// ---------- download my data ----------

export type ExportView = { id: string; size: number; createdAt: Date; expiresAt: Date };

/** The actor's exports that can still be downloaded, newest first. */
export async function listExports(ctx: ServiceCtx): Promise<ExportView[]> {
  const actor = requireActor(ctx);
  return repo.exportsOf(ctx.db, actor.id, ctx.now);
}

/** A file name safe inside the archive. */
const entryName = (s: string) => s.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_').slice(0, 120) || 'file';

/** Builds the archive of what the person provided: data.json and their files. */
export async function buildArchive(db: DbOrTx, env: PrivacyEnv, userId: string, now: Date): Promise<Uint8Array> {
  // Each module's sections and files, through its manifest; then the privacy module's own.
  const data: Record<string, unknown> = {};
  const files: PersonalFile[] = [];
  const add = (from: string, sections: Record<string, unknown>) => {
    for (const [name, value] of Object.entries(sections)) {
      // Two modules naming a section alike would lose one of them: a programming error, not the person's loss.
      if (name in data) throw new Error(`privacy: the export section "${name}" of ${from} is already taken`);
      data[name] = value;
    }
  };
  for (const m of holders()) {
    if (m.data.export) add(m.name, await m.data.export(db, userId));
    if (m.data.files) files.push(...(await m.data.files(db, userId)));
  }
  add('privacy', await repo.exportOwn(db, userId));
  const entries: Record<string, Uint8Array> = {};
  const listed: { kind: string; label: string; path: string | null }[] = [];
  for (const f of files) {
    const path = `files/${f.id.slice(0, 8)}-${entryName(f.label)}`;
    try {
      entries[path] = readFileSync(join(env.dataDir, 'files', f.storageName));
      listed.push({ kind: f.kind, label: f.label, path });
    } catch {
      listed.push({ kind: f.kind, label: f.label, path: null });
    }
  }
  const doc = { format: 'peerlink-personal-data', version: 1, createdAt: now.toISOString(), noticeVersion: NOTICE_VERSION, ...data, files: listed };
  entries['data.json'] = strToU8(JSON.stringify(doc, null, 2));
  return zipSync(entries, { level: 6, mtime: now });
}

/** Within this time of the last export, asking again gives that one (building an archive costs: no flood of them). */
export const EXPORT_REUSE_MS = 5 * 60_000;

/** Archives one person may have built a day (SECURITY.md 26); asking again within EXPORT_REUSE_MS gives the last one and does not count. */
export const EXPORTS_PER_DAY = 5;

/** Prepares an export for the actor. Outcomes: a new export's id, or (`reused`) the one made in the last minutes. */
export async function requestExport(ctx: ServiceCtx, env: PrivacyEnv): Promise<{ ok: true; id: string; reused: boolean }> {
  const actor = requireActor(ctx);
  if (!canPrivacy(actor, 'export.request')) throw new NotFoundError();
  const recent = (await repo.exportsOf(ctx.db, actor.id, ctx.now)).find((e) => ctx.now.getTime() - e.createdAt.getTime() < EXPORT_REUSE_MS);
  if (recent) return { ok: true, id: recent.id, reused: true };
  perPersonLimit(await repo.recentExportsOf(ctx.db, actor.id, new Date(ctx.now.getTime() - 86_400_000)), EXPORTS_PER_DAY, 86_400_000, ctx.now);
  const bytes = await buildArchive(ctx.db, env, actor.id, ctx.now);
  const id = randomUUID();
  const storageName = randomBytes(24).toString('hex');
  const dir = join(env.dataDir, 'exports');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, storageName);
  try {
    writeFileSync(path, bytes, { mode: 0o600 });
    await repo.insertExport(ctx.db, { id, userId: actor.id, storageName, size: bytes.length, createdAt: ctx.now, expiresAt: new Date(ctx.now.getTime() + EXPORT_TTL_MS) });
  } catch (e) {
    // No file without its row (a full disk, a database away).
    rmSync(path, { force: true });
    throw e;
  }
  await audit(ctx.db, ctx.now, { actorId: actor.id, action: 'data_export.created', objectType: 'data_export', objectId: id, ip: ctx.ip });
  return { ok: true, id, reused: false };
}

/** Opens an export: its owner only, before it expires; anyone else, or later, 404 as for a missing id. */
export async function openExport(ctx: ServiceCtx, env: PrivacyEnv, id: string): Promise<{ name: string; bytes: Buffer }> {
  if (!ctx.actor || !isUuid(id)) throw new NotFoundError();
  const row = await repo.findExport(ctx.db, id);
  if (!row || !canPrivacy(ctx.actor, 'export.download', row) || row.expiresAt <= ctx.now) throw new NotFoundError();
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(env.dataDir, 'exports', row.storageName));
  } catch {
    throw new NotFoundError();
  }
  return { name: `peerlink-my-data-${row.createdAt.toISOString().slice(0, 10)}.zip`, bytes };
}

// ---------- deleting one's account ----------

const deleteInput = z.object({ current: z.string().min(1, 'platform.form.required').max(1024) });

/**
 * The actor deletes their own account, asked for their current password (a wrong one is a
 * ValidationError on `current`): the whole erasure of SECURITY.md 33 in one transaction
 * (privacy.erase.ts), then its files.
 */
export async function deleteMyAccount(ctx: ServiceCtx, env: PrivacyEnv, input: unknown): Promise<void> {
  const actor = requireActor(ctx);
  const { current } = mustParse(deleteInput, input);
  if (!(await isCurrentPassword(ctx.db, actor.id, current))) throw new ValidationError({ current: 'privacy.delete.currentWrong' });
  await eraseAccount(ctx.db, actor.id, ctx.now, { dataDir: env.dataDir, reason: 'request', actorId: actor.id, ip: ctx.ip });
}

// ---------- the gates (middleware the app and the API shell mount) ----------

/**
 * Before confidential member data (CONSENT_GATED paths), a signed-in member who has not consented to
 * the notice in force is sent to the consent page, which brings them back. Visitors pass (the routes
 * themselves ask them to sign in or answer 404).
 */
export function consentGate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.get('user');
    if (!user || !CONSENT_GATED.test(c.req.path)) return next();
    if (await hasCurrentConsent(c.get('deps').database.db, user.id)) return next();
    const url = new URL(c.req.url);
    const back = c.req.method === 'GET' ? `${url.pathname}${url.search}` : '/';
    return c.redirect(`${link(c, '/privacy/consent')}?next=${encodeURIComponent(back)}`, 303);
  };
}

/** The API's people routes (not the own profile): the same consent, answered 403 `consent_required` (a script cannot follow the page). */
const API_CONSENT_GATED = /^\/api\/v1\/people(\/(?!me$)[^/]+)?\/?$/;

/** Mounted inside the API router after its sign-in (tokens are read there): member data through the API waits for consent too. */
export function apiConsentGate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.get('user');
    if (!user || !API_CONSENT_GATED.test(c.req.path)) return next();
    if (!(await hasCurrentConsent(c.get('deps').database.db, user.id))) throw new ForbiddenError('consent_required');
    return next();
  };
}

/**
 * The name to show for an author: an erased account's name is blank, shown as "deleted account" in the
 * reader's language (SECURITY.md 33). For every view that prints a user's name next to what they wrote.
 */
export function authorName(c: Ctx, name: string): string {
  return name.trim() ? name : c.get('t')('privacy.deletedAccount');
}
