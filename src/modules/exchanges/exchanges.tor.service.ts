/**
 * The terms of reference of an exchange: versions written by any side while it is planned (a
 * version never changes: an edit is the next one), signatures per side on the latest version,
 * and the line diff between two versions. Its own file because it is its own small workflow
 * (write → sign by host, peer and broker → agreed) that the exchange's state only reads.
 */
import { randomUUID } from 'node:crypto';
import type { ServiceCtx } from '../../platform/http.ts';
import type { DbOrTx } from '../../platform/db.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { mustParse } from '../../platform/validation.ts';
import { notify, mailLink } from '../../platform/outbox.ts';
import type { TorContent } from '../../db/schema/exchanges.ts';
import * as repo from './exchanges.repository.ts';
import { canExchange, signableSides, TOR_SIDES, type TorSide } from './exchanges.policy.ts';
import { diffLines, type DiffLine } from './exchanges.diff.ts';
import { torSchema, TOR_FIELDS } from './exchanges.schema.ts';
import { loadExchange } from './exchanges.access.ts';

export type TorVersionView = { id: string; version: number; content: TorContent; authorName: string; createdAt: Date; signatures: { side: string; name: string; at: Date }[] };

/** The newest version signed by every side, if any. */
export function agreedVersion(versions: TorVersionView[]): TorVersionView | null {
  return versions.find((v) => TOR_SIDES.every((s) => v.signatures.some((x) => x.side === s))) ?? null;
}

/** Every version of an exchange's terms, newest first, with its signatures. */
export async function torOf(db: DbOrTx, exchangeId: string): Promise<TorVersionView[]> {
  const [versions, sigs] = await Promise.all([repo.torVersionsOf(db, exchangeId), repo.signaturesOf(db, exchangeId)]);
  return versions.map((v) => ({ id: v.id, version: v.version, content: v.content, authorName: v.authorName, createdAt: v.createdAt, signatures: sigs.filter((s) => s.torVersionId === v.id).map((s) => ({ side: s.side, name: s.name, at: s.at })) }));
}

/** Whether the latest version is the agreed one (what `agree` needs). */
export const latestIsAgreed = (versions: TorVersionView[]): boolean => !!versions[0] && agreedVersion(versions)?.version === versions[0].version;

/** The broker writes a new version (the previous ones stay as they were). Outcomes: ok, unchanged, or conflict when another version was written since `baseVersion`. */
export async function writeTor(ctx: ServiceCtx, id: string, raw: Record<string, unknown>): Promise<{ ok: true; version: number } | { ok: false; reason: 'unchanged' | 'conflict' }> {
  const { e } = await loadExchange(ctx, id, 'exchange.writeTor');
  const content = mustParse(torSchema, raw) as TorContent;
  const base = Number(raw.baseVersion);
  const versions = await repo.torVersionsOf(ctx.db, e.id);
  const latest = versions[0];
  if (latest && Number.isInteger(base) && base !== latest.version) return { ok: false, reason: 'conflict' };
  if (latest && TOR_FIELDS.every((f) => latest.content[f] === content[f])) return { ok: false, reason: 'unchanged' };
  const version = (latest?.version ?? 0) + 1;
  return ctx.db.transaction(async (tx) => {
    const ok = await repo.insertTorVersion(tx, { id: randomUUID(), exchangeId: e.id, version, content, createdBy: ctx.actor!.id, createdAt: ctx.now });
    if (!ok) return { ok: false as const, reason: 'conflict' as const };
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'exchange.writeTor', objectType: 'exchange', objectId: e.id, ip: ctx.ip });
    // Both sides, and the broker who planned the exchange (the third signature); never the author.
    const told = [...(await repo.sideUserIds(tx, e)), e.createdBy].filter((u) => u !== ctx.actor!.id);
    await notify(tx, ctx.now, told, 'exchange_tor', (t) => ({
      subject: t('exchanges.mail.tor.subject', { title: e.title, version }),
      body: t('exchanges.mail.tor.body', { title: e.title, version, link: mailLink(`/exchanges/${e.id}/terms`) }),
    }));
    return { ok: true as const, version };
  });
}

export type SignOutcome = { ok: true; sides: TorSide[]; agreed: boolean } | { ok: false; reason: 'not_latest' | 'already_signed' };

/** Signs the given version for every side the actor stands for. Only the latest version can be signed. */
export async function signTor(ctx: ServiceCtx, id: string, version: number): Promise<SignOutcome> {
  const { e, standing } = await loadExchange(ctx, id, 'exchange.signTor');
  const sides = signableSides(ctx.actor, standing);
  if (!sides.length) throw new NotFoundError();
  return ctx.db.transaction(async (tx): Promise<SignOutcome> => {
    const versions = await repo.torVersionsOf(tx, e.id);
    const latest = versions[0];
    if (!latest || latest.version !== version) return { ok: false, reason: 'not_latest' };
    const done: TorSide[] = [];
    for (const side of sides) if (await repo.insertSignature(tx, { torVersionId: latest.id, exchangeId: e.id, side, userId: ctx.actor!.id, at: ctx.now })) done.push(side);
    if (!done.length) return { ok: false, reason: 'already_signed' };
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'exchange.signTor', objectType: 'exchange', objectId: e.id, ip: ctx.ip });
    const sigs = (await repo.signaturesOf(tx, e.id)).filter((s) => s.torVersionId === latest.id);
    const agreed = TOR_SIDES.every((s) => sigs.some((x) => x.side === s));
    if (agreed) {
      await notify(tx, ctx.now, [...(await repo.sideUserIds(tx, e)), ...(await repo.brokerIds(tx))], 'exchange_tor_agreed', (t) => ({
        subject: t('exchanges.mail.agreed.subject', { title: e.title }),
        body: t('exchanges.mail.agreed.body', { title: e.title, version, link: mailLink(`/exchanges/${e.id}`) }),
      }));
    }
    return { ok: true, sides: done, agreed };
  });
}

export type TorPage = {
  exchange: repo.ExchangeRow;
  versions: TorVersionView[];
  agreedVersion: number | null;
  diff: { from: number; to: number; fields: { field: (typeof TOR_FIELDS)[number]; lines: DiffLine[] }[] } | null;
  abilities: { write: boolean; signSides: TorSide[] };
};

/** The terms of reference: every version with its signatures, and the diff between two versions (default: the latest and the one before). */
export async function getTor(ctx: ServiceCtx, id: string, q: { from?: string; to?: string } = {}): Promise<TorPage> {
  const { e, standing } = await loadExchange(ctx, id, 'exchange.view');
  const versions = await torOf(ctx.db, e.id);
  const latest = versions[0];
  const toN = q.to ? Number(q.to) : latest?.version;
  const fromN = q.from ? Number(q.from) : toN !== undefined ? toN - 1 : undefined;
  const a = versions.find((v) => v.version === fromN);
  const b = versions.find((v) => v.version === toN);
  if ((q.from || q.to) && (!a || !b)) throw new ValidationError({ version: 'platform.form.choice' });
  const diff = a && b ? { from: a.version, to: b.version, fields: TOR_FIELDS.map((f) => ({ field: f, lines: diffLines(a.content[f], b.content[f]) })) } : null;
  const signed = latest ? new Set(latest.signatures.map((s) => s.side)) : new Set<string>();
  return {
    exchange: e,
    versions,
    agreedVersion: agreedVersion(versions)?.version ?? null,
    diff,
    abilities: { write: canExchange(ctx.actor, 'exchange.writeTor', standing), signSides: signableSides(ctx.actor, standing).filter((s) => !signed.has(s)) },
  };
}
