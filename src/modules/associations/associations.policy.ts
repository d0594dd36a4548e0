/** Who may do what with an association's members and briefs. Pure: the facts are looked up by the service. */
import type { CurrentUser } from '../../platform/http.ts';
import { isStaff } from '../../platform/roles.ts';

export type AssociationAction = 'association.view' | 'association.manage' | 'link.decide' | 'link.remove';

export type AssociationFacts = {
  /** The organisation is an association of local governments. */
  isAssociation: boolean;
  /** The actor is an active admin of the association. */
  isAssociationAdmin: boolean;
  /** The actor is an active admin of the member organisation (for a link). */
  isMemberAdmin?: boolean;
};

export function canAssociation(actor: CurrentUser | null, action: AssociationAction, f: AssociationFacts): boolean {
  if (!actor || !f.isAssociation) return false;
  switch (action) {
    case 'association.view':
      // The secretariat follows every association; an association its own members.
      return f.isAssociationAdmin || isStaff(actor);
    case 'association.manage':
      return f.isAssociationAdmin;
    case 'link.decide':
      return !!f.isMemberAdmin;
    case 'link.remove':
      return f.isAssociationAdmin || !!f.isMemberAdmin;
  }
}
