/**
 * What the calls module tells the others (platform/events.ts): a call for expertise was published
 * from a selected request; both sides confirmed a match (the requests module moves the request to
 * matched on it). Ids only: a subscriber reads what it needs.
 */
declare module '../../platform/events.ts' {
  interface DomainEvents {
    'calls.published': { callId: string; requestId: string; programmeId: string };
    'calls.matchConfirmed': { matchId: string; callId: string; offerId: string; requestId: string; actorId: string };
  }
}

export {};
