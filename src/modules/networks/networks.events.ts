/**
 * What happens in a network, as domain events for the modules that follow networks without networks
 * knowing them (events pre-fills an event from an accepted event proposal). Recorded in the
 * transaction that makes the change (networks.service.ts); ids and the few facts a subscriber needs.
 */
declare module '../../platform/events.ts' {
  interface DomainEvents {
    /** A person joined (state `active` in an open network, `pending` in a moderated one). */
    'networks.memberJoined': { networkId: string; membershipId: string; userId: string; state: 'active' | 'pending' };
    /** A coordinator approved a pending membership. */
    'networks.memberApproved': { networkId: string; membershipId: string; userId: string; decidedBy: string };
    /** A coordinator declined a pending membership. */
    'networks.memberDeclined': { networkId: string; membershipId: string; userId: string; decidedBy: string };
    /** A member left. */
    'networks.memberLeft': { networkId: string; membershipId: string; userId: string };
    /**
     * A coordinator accepted a member's proposal. For an event proposal, what an event can be
     * pre-filled from: its title and description in the author's language, the author (who proposed
     * it) and the coordinator who accepted it.
     */
    'networks.proposalAccepted': {
      networkId: string;
      proposalId: string;
      kind: 'theme' | 'event';
      title: string;
      description: string;
      lang: string;
      authorId: string;
      acceptedBy: string;
    };
  }
}

export {};
