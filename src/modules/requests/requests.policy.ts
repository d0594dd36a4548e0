/**
 * Who may do what with a request, given the actor's standing towards it. Pure functions over
 * typed action names; services call them first, views get the answers as abilities.
 */
import type { CurrentUser } from '../../platform/http.ts';
import { isDecided, REQUEST_TRANSITIONS, type RequestState } from './requests.workflow.ts';

export type RequestAction =
  | 'request.view'
  | 'request.edit'
  | 'request.endorse'
  | 'request.submit'
  | 'request.withdraw'
  | 'request.checkEligibility'
  | 'request.openReview'
  | 'request.declareConflict'
  | 'request.review'
  | 'request.viewReviews'
  | 'request.decide'
  | 'request.publishCall'
  | 'request.deleteDraft';

/** The actor's standing towards one request. */
export type RequestStanding = {
  state: RequestState;
  isCreator: boolean;
  /** Active roles of the actor in the requesting organisation. */
  orgRoles: readonly string[];
  isCommittee: boolean;
  /** null: not declared yet. */
  hasConflict: boolean | null;
};

import { isStaff } from '../../platform/roles.ts';
export { isStaff };

/** May this person start a request for an organisation? Active requester of a verified organisation. */
export function canCreateRequest(actor: CurrentUser | null, org: { isVerified: boolean; orgRoles: readonly string[] }): boolean {
  return !!actor && org.isVerified && org.orgRoles.includes('requester');
}

const COMMITTEE_STATES: ReadonlySet<RequestState> = new Set(['under_review', 'selected', 'rejected', 'waiting_list', 'matched']);

export function canRequest(actor: CurrentUser | null, action: RequestAction, s: RequestStanding): boolean {
  if (!actor) return false;
  const staff = isStaff(actor);
  const isRequester = s.isCreator || s.orgRoles.includes('requester');
  const isOrgSide = isRequester || s.orgRoles.includes('approver') || s.orgRoles.includes('org_admin');
  const can = (event: string) => !!(REQUEST_TRANSITIONS[s.state] as Record<string, string | undefined>)[event];
  const committeeSees = s.isCommittee && COMMITTEE_STATES.has(s.state);
  switch (action) {
    case 'request.view':
      return isOrgSide || staff || committeeSees;
    case 'request.edit':
    case 'request.submit':
      return isRequester && s.state === 'draft';
    case 'request.endorse':
      return s.orgRoles.includes('approver') && s.state === 'draft';
    case 'request.withdraw':
      return isOrgSide && can('withdraw');
    case 'request.checkEligibility':
      return staff && can('declareEligible');
    case 'request.openReview':
      return staff && can('openReview');
    case 'request.declareConflict':
      return s.isCommittee && s.state === 'under_review';
    case 'request.review':
      return s.isCommittee && s.state === 'under_review' && s.hasConflict === false;
    // Reviews stay private until the decision: the secretariat sees them; committee members (without a conflict) after it.
    case 'request.viewReviews':
      return staff || (s.isCommittee && s.hasConflict !== true && isDecided(s.state));
    case 'request.decide':
      return (staff || (s.isCommittee && s.hasConflict === false)) && can('select');
    case 'request.publishCall':
      return staff && s.state === 'selected';
    // Only its author deletes a draft; once submitted, a request is part of the record.
    case 'request.deleteDraft':
      return s.isCreator && s.state === 'draft';
  }
}
