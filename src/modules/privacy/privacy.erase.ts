/**
 * Account erasure (SECURITY.md 33, GDPR Art. 17), in one transaction: every module that holds
 * personal data erases its part through its manifest's `personalData.erase` hook (the account's
 * identity and contact fields blanked, its sessions, API and one-time tokens and invitations by or
 * for the address deleted; its profiles deleted, or blanked where another's offer still names
 * them; memberships, committee seats, CVs…); queued mail, the mail preference and the exports go
 * here; then every text, text[] and jsonb column of the database is swept for what the modules'
 * `identifiers` hooks named — the addresses, the phone numbers and the full names (a message or a
 * case contact that quoted them). What others need stays, authored by the blanked account (shown
 * as a deleted account). The files (CVs of their profiles, their exports) are removed after the
 * commit. The id goes to `erasures` and to DATA_DIR/erasures.log, so that `reapplyErasures`
 * erases again after a backup is restored.
 */
import { appendFileSync, mkdirSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DbOrTx } from '../../platform/db.ts';
import { audit } from '../../platform/audit.ts';
import type { Identifiers } from '../../platform/module.ts';
import { accountExists, stillIdentified } from '../accounts/accounts.service.ts';
import { holders, type Holder } from './privacy.hooks.ts';
import * as repo from './privacy.repository.ts';

/**
 * Tables the free-text sweep leaves alone: the database refuses to change them (triggers). The audit
 * log holds no content by design (ids, actions, IPs); terms-of-reference versions and their
 * signatures are the signed record of an exchange, kept as a legal record (GDPR Art. 17(3)(b)).
 */
export const SWEEP_EXCEPT = ['audit_log', 'tor_versions', 'tor_signatures'] as const;

/** What an erased author is replaced by in free text. */
export const ERASED_MARK = '[deleted account]';

export type EraseOptions = { dataDir: string; reason: 'request' | 'retention'; actorId?: string | null; ip?: string };

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Which strings identify the person in free text: the e-mail addresses and phone numbers as stored, and
 * the full names of at least two words (a single word, like "Ana", would also rewrite other people's text).
 */
export function identifiers(id: Identifiers): { plain: string[]; names: string[] } {
  const plain = new Set<string>();
  const names = new Set<string>();
  for (const e of id.emails ?? []) if (e && e.trim().length >= 3) plain.add(e.trim());
  for (const p of id.phones ?? []) if (p && p.replace(/\D/g, '').length >= 5) plain.add(p.trim());
  for (const n of id.names ?? []) {
    const name = n.trim().replace(/\s+/g, ' ');
    if (name.split(' ').filter((w) => w.length >= 2).length >= 2) names.add(name);
  }
  return { plain: [...plain], names: [...names] };
}

/** A case-insensitive pattern for the identifiers (names on word boundaries); `json` escapes them as JSON text does. */
export function patternOf(ids: { plain: string[]; names: string[] }, json: boolean): string | null {
  const enc = (s: string) => escapeRegex(json ? JSON.stringify(s).slice(1, -1) : s);
  const parts = [...ids.plain.map(enc), ...ids.names.map((n) => `\\m${enc(n)}\\M`)];
  // Longest first, so an address containing the name is replaced whole.
  parts.sort((a, b) => b.length - a.length);
  return parts.length ? `(${parts.join('|')})` : null;
}

/** What every module's `identifiers` hook says the person is named by, read before anything is erased. */
async function namedBy(tx: DbOrTx, userId: string, modules: Holder[]): Promise<Identifiers> {
  const all: Required<Identifiers> = { emails: [], phones: [], names: [] };
  for (const m of modules) {
    const id = await m.data.identifiers?.(tx, userId);
    all.emails.push(...(id?.emails ?? []));
    all.phones.push(...(id?.phones ?? []));
    all.names.push(...(id?.names ?? []));
  }
  return all;
}

/** The rows' part of the erasure, inside the caller's transaction. Returns the files to remove after commit (paths under dataDir). */
export async function eraseRows(tx: DbOrTx, userId: string, now: Date, reason: 'request' | 'retention', modules: Holder[] = holders()): Promise<{ files: string[] } | null> {
  if (!(await accountExists(tx, userId))) return null;
  const ids = identifiers(await namedBy(tx, userId, modules));
  const files: string[] = [];
  for (const s of await repo.deleteExportsOf(tx, userId)) files.push(join('exports', s));
  await repo.deleteMailAndWarnings(tx, userId);
  // In the reverse order of the list: a module's rows go before the rows they refer to (a CV before its profile, a profile before its account).
  for (const m of [...modules].reverse()) {
    const r = await m.data.erase?.(tx, userId, now);
    for (const s of (r && r.files) || []) files.push(join('files', s));
  }
  const pattern = patternOf(ids, false);
  const jsonPattern = patternOf(ids, true);
  if (pattern && jsonPattern) for (const col of await repo.textColumns(tx, SWEEP_EXCEPT)) await repo.scrubColumn(tx, col, pattern, jsonPattern, ERASED_MARK);
  await repo.recordErasure(tx, userId, now, reason);
  return { files };
}

/** Removes files after the commit (a missing file is fine: the erasure may run again). */
export function removeFiles(dataDir: string, files: string[]): void {
  for (const f of files) rmSync(join(dataDir, f), { force: true });
}

const LOG = 'erasures.log';

/** Erases an account (one transaction), then its files. Outcome: true, or false for an unknown id. */
export async function eraseAccount(db: DbOrTx, userId: string, now: Date, opts: EraseOptions): Promise<boolean> {
  const out = await db.transaction(async (tx) => {
    const r = await eraseRows(tx, userId, now, opts.reason);
    if (r) await audit(tx, now, { actorId: opts.actorId ?? null, action: opts.reason === 'retention' ? 'account.deleted_inactive' : 'account.deleted', objectType: 'user', objectId: userId, ip: opts.ip });
    return r;
  });
  if (!out) return false;
  removeFiles(opts.dataDir, out.files);
  // Outside the database too: a restored backup older than this erasure does not list it.
  try {
    mkdirSync(opts.dataDir, { recursive: true });
    appendFileSync(join(opts.dataDir, LOG), `${userId}\n`, { mode: 0o600 });
  } catch {
    // The table holds it as well; the log only covers restores of older backups.
  }
  return true;
}

/**
 * After a restore: erases again every id in `erasures` or in DATA_DIR/erasures.log whose account
 * row holds identity again. Returns how many were erased.
 */
export async function reapplyErasures(db: DbOrTx, dataDir: string, now: Date): Promise<number> {
  const path = join(dataDir, LOG);
  const logged = existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter((l) => /^[0-9a-f-]{36}$/.test(l)) : [];
  let n = 0;
  for (const id of await stillIdentified(db, [...new Set([...(await repo.erasedIds(db)), ...logged])])) if (await eraseAccount(db, id, now, { dataDir, reason: 'request' })) n++;
  return n;
}
