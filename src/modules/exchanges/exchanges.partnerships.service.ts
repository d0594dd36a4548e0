/**
 * After an exchange: continuing as a city-to-city partnership. Proposed by either side (or the
 * broker) once the exchange was held, accepted by the other side, with a history of notes. Its
 * own file because a partnership outlives the exchange and has its own members (both
 * organisations), so its access check is not the exchange's.
 */
import { randomUUID } from 'node:crypto';
import type { ServiceCtx } from '../../platform/http.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { mustParse } from '../../platform/validation.ts';
import { notify, mailLink } from '../../platform/outbox.ts';
import { isUuid } from '../../platform/ids.ts';
import * as repo from './exchanges.repository.ts';
import { isStaff } from './exchanges.policy.ts';
import { messageSchema } from './exchanges.schema.ts';
import { loadExchange, requireActor } from './exchanges.access.ts';

export type PartnershipOutcome = { ok: true; id: string } | { ok: false; reason: 'no_peer_organisation' | 'already_proposed'; id?: string };

/** After the exchange, someone of either side (or the broker) proposes to continue as a city-to-city partnership. One per exchange. */
export async function proposePartnership(ctx: ServiceCtx, id: string, note: string): Promise<PartnershipOutcome> {
  const { e, standing } = await loadExchange(ctx, id, 'exchange.view');
  if (standing.state === 'planned' || standing.state === 'agreed') throw new NotFoundError();
  if (!e.peerOrganisationId) return { ok: false, reason: 'no_peer_organisation' };
  const side = standing.isHost ? 'host' : standing.isPeer ? 'peer' : 'broker';
  const pid = randomUUID();
  return ctx.db.transaction(async (tx): Promise<PartnershipOutcome> => {
    const inserted = await repo.insertPartnership(tx, { id: pid, exchangeId: e.id, hostOrganisationId: e.hostOrganisationId, peerOrganisationId: e.peerOrganisationId!, state: 'proposed', proposedBy: ctx.actor!.id, proposedSide: side, createdAt: ctx.now, updatedAt: ctx.now });
    if (!inserted) return { ok: false, reason: 'already_proposed', id: (await repo.partnershipOfExchange(tx, e.id))?.id };
    await repo.insertPartnershipEvent(tx, { id: randomUUID(), partnershipId: pid, kind: 'proposed', note: note.trim().slice(0, 2000), actorId: ctx.actor!.id, at: ctx.now });
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'partnership.propose', objectType: 'partnership', objectId: pid, ip: ctx.ip });
    await notify(tx, ctx.now, (await repo.sideUserIds(tx, e)).filter((u) => u !== ctx.actor!.id), 'partnership_proposed', (t) => ({
      subject: t('exchanges.mail.partnership.subject', { title: e.title }),
      body: t('exchanges.mail.partnership.body', { title: e.title, link: mailLink(`/partnerships/${pid}`) }),
    }));
    return { ok: true, id: pid };
  });
}

/** Whether an exchange in this state, with this peer, may still be offered a partnership (its page shows the form). */
export async function canProposePartnership(ctx: ServiceCtx, e: repo.ExchangeRow): Promise<boolean> {
  return (e.state === 'held' || e.state === 'evaluated' || e.state === 'closed') && !!e.peerOrganisationId && !(await repo.partnershipOfExchange(ctx.db, e.id));
}

async function loadPartnership(ctx: ServiceCtx, id: string) {
  const actor = requireActor(ctx);
  const p = isUuid(id) ? await repo.findPartnership(ctx.db, id) : undefined;
  if (!p) throw new NotFoundError();
  const [isHost, isPeer] = await Promise.all([repo.isMemberOf(ctx.db, p.hostOrganisationId, actor.id), repo.isMemberOf(ctx.db, p.peerOrganisationId, actor.id)]);
  const e = await repo.findExchange(ctx.db, p.exchangeId);
  const s = e ? await repo.standingOf(ctx.db, e, actor.id) : { isHost: false, isPeer: false };
  const host = isHost || s.isHost;
  const peer = isPeer || s.isPeer;
  if (!host && !peer && !isStaff(actor)) throw new NotFoundError();
  return { p, host, peer, e };
}

/** The partnership record: both parties, state, history. For both organisations' members and the secretariat. */
export async function getPartnership(ctx: ServiceCtx, id: string) {
  const { p, host, peer, e } = await loadPartnership(ctx, id);
  const [names, history] = await Promise.all([repo.organisationNames(ctx.db, [p.hostOrganisationId, p.peerOrganisationId]), repo.partnershipHistory(ctx.db, p.id)]);
  // The side that did not propose accepts (the secretariat may too).
  const canAccept = p.state === 'proposed' && ((p.proposedSide !== 'host' && host) || (p.proposedSide !== 'peer' && peer) || isStaff(ctx.actor));
  return {
    id: p.id,
    state: p.state,
    exchange: e ? { id: e.id, title: e.title } : null,
    host: names.get(p.hostOrganisationId) ?? '',
    peer: names.get(p.peerOrganisationId) ?? '',
    history,
    abilities: { accept: canAccept },
  };
}

export type PartnershipPage = Awaited<ReturnType<typeof getPartnership>>;

export async function acceptPartnership(ctx: ServiceCtx, id: string): Promise<{ ok: boolean }> {
  const page = await getPartnership(ctx, id);
  if (!page.abilities.accept) return { ok: false };
  return ctx.db.transaction(async (tx) => {
    if (!(await repo.activatePartnership(tx, id, ctx.now))) return { ok: false };
    await repo.insertPartnershipEvent(tx, { id: randomUUID(), partnershipId: id, kind: 'accepted', actorId: ctx.actor!.id, at: ctx.now });
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'partnership.accept', objectType: 'partnership', objectId: id, ip: ctx.ip });
    return { ok: true };
  });
}

export async function addPartnershipNote(ctx: ServiceCtx, id: string, raw: unknown): Promise<void> {
  const { p } = await loadPartnership(ctx, id);
  const v = mustParse(messageSchema, raw);
  await repo.insertPartnershipEvent(ctx.db, { id: randomUUID(), partnershipId: p.id, kind: 'note', note: v.body, actorId: ctx.actor!.id, at: ctx.now });
}
