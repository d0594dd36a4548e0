/**
 * Who may do what with organisations, memberships and people's profiles. Pure functions over
 * typed action names; services call them before acting, views receive the answers as abilities.
 */
import type { CurrentUser } from '../../platform/http.ts';
import type { MembershipRole } from '../../db/schema/organisations.ts';

export type OrganisationAction =
  | 'organisation.create'
  | 'organisation.view'
  | 'organisation.viewContact'
  | 'organisation.viewMembers'
  | 'organisation.edit'
  | 'organisation.verify'
  | 'organisation.claim'
  | 'organisation.decideClaim'
  | 'membership.request'
  | 'membership.decide'
  | 'membership.invite'
  | 'membership.changeRole';

/** The actor's standing in one organisation. */
export type OrgRelation = {
  activeRoles: readonly MembershipRole[];
  pendingRoles: readonly MembershipRole[];
  /** Whether any account is an active organisation admin of it. */
  hasActiveAdmin: boolean;
};

export const NO_RELATION: OrgRelation = { activeRoles: [], pendingRoles: [], hasActiveAdmin: false };

/** Broker and platform admin: the secretariat, who may act on any organisation. */
import { isStaff } from '../../platform/roles.ts';
export { isStaff };

export function canOrganisation(actor: CurrentUser | null, action: OrganisationAction, rel: OrgRelation = NO_RELATION): boolean {
  if (action === 'organisation.view') return true;
  if (!actor) return false;
  const isOrgAdmin = rel.activeRoles.includes('org_admin');
  switch (action) {
    case 'organisation.create':
    case 'organisation.viewContact':
    case 'organisation.viewMembers':
    case 'membership.request':
      return true;
    case 'organisation.edit':
    case 'membership.decide':
    case 'membership.invite':
    case 'membership.changeRole':
      return isOrgAdmin || isStaff(actor);
    case 'organisation.verify':
    case 'organisation.decideClaim':
      return isStaff(actor);
    case 'organisation.claim':
      return !rel.hasActiveAdmin && !isOrgAdmin && !rel.pendingRoles.includes('org_admin');
  }
}

export type PersonAction = 'person.list' | 'person.view' | 'person.viewEmail' | 'person.viewPhone' | 'person.editOwn';

/** What the policy needs to know about a profile. */
export type PersonFacts = { userId: string | null; visibility: string; showEmail: boolean; showPhone: boolean };

export function canPerson(actor: CurrentUser | null, action: PersonAction, p?: PersonFacts): boolean {
  const isOwner = !!actor && !!p && p.userId === actor.id;
  switch (action) {
    case 'person.list':
    case 'person.editOwn':
      return !!actor;
    case 'person.view':
      return !!p && (p.visibility === 'public' || !!actor);
    // Contact details are for members only, and only when the owner chose to show them; the secretariat always sees them.
    case 'person.viewEmail':
      return !!p && (isOwner || isStaff(actor) || (!!actor && p.showEmail));
    case 'person.viewPhone':
      return !!p && (isOwner || isStaff(actor) || (!!actor && p.showPhone));
  }
}
