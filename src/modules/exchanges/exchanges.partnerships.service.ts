/**
 * After an exchange: continuing as a city-to-city partnership. The partnership itself is the
 * partnerships module's (partnerships.service.ts: members, confirmations, history, public page);
 * here only what the exchange decides: who may propose (either side or the broker, once the
 * exchange was held, when the peer is an organisation) and who hears of it.
 */
import type { ServiceCtx } from '../../platform/http.ts';
import { NotFoundError } from '../../platform/errors.ts';
import * as repo from './exchanges.repository.ts';
import { loadExchange } from './exchanges.access.ts';
import { proposeFromExchange, partnershipOfExchange } from '../partnerships/partnerships.service.ts';

export type PartnershipOutcome = { ok: true; id: string } | { ok: false; reason: 'no_peer_organisation' | 'already_proposed'; id?: string };

/** After the exchange, someone of either side (or the broker) proposes to continue as a city-to-city partnership. One per exchange. */
export async function proposePartnership(ctx: ServiceCtx, id: string, note: string): Promise<PartnershipOutcome> {
  const { e, standing } = await loadExchange(ctx, id, 'exchange.view');
  if (standing.state === 'planned' || standing.state === 'agreed') throw new NotFoundError();
  if (!e.peerOrganisationId) return { ok: false, reason: 'no_peer_organisation' };
  const side = standing.isHost ? 'host' : standing.isPeer ? 'peer' : 'broker';
  return proposeFromExchange(ctx, { exchangeId: e.id, title: e.title, hostOrganisationId: e.hostOrganisationId, peerOrganisationId: e.peerOrganisationId, side, note, tell: await repo.sideUserIds(ctx.db, e) });
}

/** Whether an exchange in this state, with this peer, may still be offered a partnership (its page shows the form). */
export async function canProposePartnership(ctx: ServiceCtx, e: repo.ExchangeRow): Promise<boolean> {
  return (e.state === 'held' || e.state === 'evaluated' || e.state === 'closed') && !!e.peerOrganisationId && !(await partnershipOfExchange(ctx.db, e.id));
}
