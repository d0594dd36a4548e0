/**
 * Who may do what in a network: pure functions of the actor's standing towards one network. The
 * service reads the standing (networks.service.ts `standingIn`) and checks here first in each verb.
 * Coordinators are scoped to their network (SECURITY.md 13): a coordinator of another network has
 * no more rights here than any member, and its coordination pages answer 404.
 */
import type { CurrentUser } from '../../platform/http.ts';

export type NetworkStanding = {
  /** A platform admin: creates networks and names coordinators; may coordinate every network. */
  isAdmin: boolean;
  /** An overall coordinator (a coordinator row with no network): coordinates every network. */
  isOverallCoordinator: boolean;
  /** A coordinator of this network. */
  isCoordinator: boolean;
  /** The person's live membership here, if any. */
  membership: 'pending' | 'active' | null;
  /** The latest guidelines version the person accepted here (0: never). */
  acceptedVersion: number;
  /** The network's current guidelines version. */
  currentVersion: number;
};

export const NO_STANDING: NetworkStanding = { isAdmin: false, isOverallCoordinator: false, isCoordinator: false, membership: null, acceptedVersion: 0, currentVersion: 1 };

export type NetworkAction =
  | 'network.create'
  | 'network.nameCoordinator'
  | 'network.coordinate'
  | 'network.viewMembers'
  | 'network.exportMembers'
  | 'network.join'
  | 'network.leave'
  | 'network.acceptGuidelines'
  | 'network.participate'
  | 'proposal.create'
  | 'proposal.support'
  | 'proposal.decide'
  | 'member.decide'
  | 'member.nameInstitutional';

export const isAdmin = (actor: Pick<CurrentUser, 'roles'> | null | undefined): boolean => !!actor && actor.roles.includes('admin');

/** Coordinates this network: its coordinator, an overall coordinator, or an admin. */
export const coordinates = (s: NetworkStanding): boolean => s.isAdmin || s.isOverallCoordinator || s.isCoordinator;

/** An active member who accepted the network's current guidelines: may post, propose, support and register. */
export const participates = (s: NetworkStanding): boolean => s.membership === 'active' && s.acceptedVersion >= s.currentVersion;

/** An active member whose acceptance is of an older version: asked to accept the current guidelines again. */
export const mustAcceptAgain = (s: NetworkStanding): boolean => s.membership === 'active' && s.acceptedVersion < s.currentVersion;

export function canNetwork(actor: CurrentUser | null, action: NetworkAction, s: NetworkStanding = NO_STANDING): boolean {
  if (!actor) return false;
  switch (action) {
    case 'network.create':
    case 'network.nameCoordinator':
      return isAdmin(actor);
    case 'network.coordinate':
    case 'network.exportMembers':
    case 'member.decide':
    case 'proposal.decide':
      return coordinates(s);
    case 'network.viewMembers':
      return coordinates(s) || s.membership === 'active';
    case 'network.join':
      return s.membership === null;
    case 'network.leave':
      return s.membership !== null;
    case 'network.acceptGuidelines':
      return s.membership === 'active';
    case 'network.participate':
      return participates(s) || coordinates(s);
    case 'proposal.create':
    case 'proposal.support':
      return participates(s);
    case 'member.nameInstitutional':
      return participates(s);
  }
}
