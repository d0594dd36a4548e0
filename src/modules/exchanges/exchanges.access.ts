/**
 * The one access check every exchange service opens with: load the exchange, work out the actor's
 * standing towards it, and answer 404 — for a missing id and for anyone not allowed alike (an
 * exchange is private to its participants and the secretariat). A refused view is audited.
 * Internal to the module: other modules ask `exchangeStanding` in exchanges.service.ts.
 */
import type { ServiceCtx } from '../../platform/http.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { isUuid } from '../../platform/ids.ts';
import * as repo from './exchanges.repository.ts';
import { canExchange, type ExchangeAction, type ExchangeStanding } from './exchanges.policy.ts';
import type { ExchangeState } from './exchanges.workflow.ts';

export function requireActor(ctx: ServiceCtx) {
  if (!ctx.actor) throw new NotFoundError();
  return ctx.actor;
}

/** Loads an exchange the actor may act on; 404 for a missing id and for anyone not allowed alike. */
export async function loadExchange(ctx: ServiceCtx, id: string, action: ExchangeAction): Promise<{ e: repo.ExchangeRow; standing: ExchangeStanding }> {
  const actor = requireActor(ctx);
  const e = isUuid(id) ? await repo.findExchange(ctx.db, id) : undefined;
  if (!e) throw new NotFoundError();
  const standing = { state: e.state as ExchangeState, ...(await repo.standingOf(ctx.db, e, actor.id)) };
  if (!canExchange(actor, 'exchange.view', standing)) {
    await audit(ctx.db, ctx.now, { actorId: actor.id, action: 'exchange.view', objectType: 'exchange', objectId: e.id, ip: ctx.ip, outcome: 'denied' });
    throw new NotFoundError();
  }
  if (!canExchange(actor, action, standing)) throw new NotFoundError();
  return { e, standing };
}
