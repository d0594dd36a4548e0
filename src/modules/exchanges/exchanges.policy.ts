/** Who may do what with an exchange, given the actor's standing towards it. Pure functions over typed action names. */
import type { CurrentUser } from '../../platform/http.ts';
import { isPlanningOpen, isTorOpen, type ExchangeState } from './exchanges.workflow.ts';

export type ExchangeAction =
  | 'exchange.plan'
  | 'exchange.view'
  | 'exchange.editPlan'
  | 'exchange.transition'
  | 'exchange.writeTor'
  | 'exchange.signTor'
  | 'exchange.post'
  | 'exchange.draftLesson';

/** The actor's standing towards one exchange. */
export type ExchangeStanding = { state: ExchangeState; isHost: boolean; isPeer: boolean };

export type TorSide = 'host' | 'peer' | 'broker';
export const TOR_SIDES: readonly TorSide[] = ['host', 'peer', 'broker'];

import { isStaff } from '../../platform/roles.ts';
export { isStaff };

/** Planning an exchange from a confirmed match is the broker's. */
export const canPlanExchange = (actor: CurrentUser | null): boolean => isStaff(actor);

export function canExchange(actor: CurrentUser | null, action: ExchangeAction, s: ExchangeStanding): boolean {
  if (!actor) return false;
  const staff = isStaff(actor);
  const participant = staff || s.isHost || s.isPeer;
  switch (action) {
    case 'exchange.plan':
    case 'exchange.transition':
      return staff;
    case 'exchange.view':
      return participant;
    case 'exchange.editPlan':
      return staff && isPlanningOpen(s.state);
    case 'exchange.writeTor':
      // Both sides and the broker draft the terms together: any of them writes the next version.
      return participant && isTorOpen(s.state);
    case 'exchange.signTor':
      return participant && isTorOpen(s.state);
    case 'exchange.post':
      return participant && s.state !== 'closed';
    case 'exchange.draftLesson':
      return staff && (s.state === 'held' || s.state === 'evaluated' || s.state === 'closed');
  }
}

/** The sides the actor may sign the terms of reference for. */
export function signableSides(actor: CurrentUser | null, s: ExchangeStanding): TorSide[] {
  if (!actor || !canExchange(actor, 'exchange.signTor', s)) return [];
  return [...(s.isHost ? (['host'] as const) : []), ...(s.isPeer ? (['peer'] as const) : []), ...(isStaff(actor) ? (['broker'] as const) : [])];
}
