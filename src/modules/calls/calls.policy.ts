/** Who may do what with calls for expertise, offers and matches. Pure functions over typed action names. */
import type { CurrentUser } from '../../platform/http.ts';
import { isStaff } from '../requests/requests.policy.ts';
import { isCallTakingOffers } from '../programmes/programmes.policy.ts';

export type OfferAction = 'offer.view' | 'offer.message' | 'offer.shortlist' | 'offer.propose' | 'offer.listForCall' | 'offer.withdraw';

/** The actor's standing towards an offer. */
export type OfferStanding = { isProvider: boolean; isRequesterSide: boolean; state: string };

export function canOffer(actor: CurrentUser | null, action: OfferAction, s: OfferStanding): boolean {
  if (!actor) return false;
  const staff = isStaff(actor);
  switch (action) {
    case 'offer.listForCall':
      return staff;
    // The requesting side sees an offer once it is proposed to them as a match.
    case 'offer.view':
      return staff || s.isProvider || (s.isRequesterSide && (s.state === 'proposed' || s.state === 'matched'));
    case 'offer.message':
      return staff || s.isProvider;
    case 'offer.shortlist':
      return staff && s.state === 'submitted';
    case 'offer.propose':
      return staff && (s.state === 'submitted' || s.state === 'shortlisted');
    // The provider may take an offer back until it is proposed as the match.
    case 'offer.withdraw':
      return s.isProvider && (s.state === 'submitted' || s.state === 'shortlisted');
  }
}

export type MatchSide = 'requester' | 'provider';

/** Which side of a proposed match the actor can confirm for, if any. */
export function matchSides(s: { isProvider: boolean; isRequesterSide: boolean }): MatchSide[] {
  return [...(s.isRequesterSide ? (['requester'] as const) : []), ...(s.isProvider ? (['provider'] as const) : [])];
}

/** Publishing a call from a selected request is the secretariat's. */
export const canPublishCall = (actor: CurrentUser | null): boolean => isStaff(actor);

export type CallWaitingOn = 'providers' | 'broker' | 'requester' | 'provider' | 'bothSides' | 'nobody';

/** Who a call waits on: offers while open, the secretariat after the deadline, the sides of a proposed match. */
export function callWaitingOn(c: { state: string; deadline: Date; matchState: string | null; requesterConfirmed: boolean; providerConfirmed: boolean }, now: Date): CallWaitingOn {
  if (c.state === 'matched' || c.matchState === 'confirmed') return 'nobody';
  if (c.matchState === 'proposed') return !c.requesterConfirmed && !c.providerConfirmed ? 'bothSides' : !c.requesterConfirmed ? 'requester' : 'provider';
  return isCallTakingOffers(c, now) ? 'providers' : 'broker';
}
