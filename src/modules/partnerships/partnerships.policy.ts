/**
 * Who may do what with a partnership, as pure functions over the reader's standing (tested as a
 * table). A partner organisation's active members read and add to the partnership; only an admin of
 * that organisation confirms for it; the public reads it once active and the partners asked for it.
 */
import type { CurrentUser } from '../../platform/http.ts';
import { isStaff } from '../../platform/roles.ts';

export type PartnershipAction = 'partnership.view' | 'partnership.contribute' | 'partnership.invite' | 'partnership.confirm';

export type PartnershipStanding = {
  /** the partnership is active and the partners asked for a public page */
  isPublic: boolean;
  /** the reader is an active member of a partner organisation */
  isPartnerMember: boolean;
  /** the reader administers a partner organisation that has not confirmed yet */
  canConfirmFor: readonly string[];
  /** the reader administers a partner organisation */
  isPartnerAdmin: boolean;
};

export function canPartnership(actor: CurrentUser | null, action: PartnershipAction, s: PartnershipStanding): boolean {
  switch (action) {
    case 'partnership.view':
      return s.isPublic || (!!actor && (s.isPartnerMember || isStaff(actor)));
    case 'partnership.contribute':
      return !!actor && s.isPartnerMember;
    case 'partnership.invite':
      return !!actor && s.isPartnerAdmin;
    case 'partnership.confirm':
      return !!actor && s.canConfirmFor.length > 0;
  }
}

/** Only an organisation's admin speaks for it: marks it open to cooperation, answers a direct request, records a partnership for it. */
export const isAdminOf = (roles: readonly string[]): boolean => roles.includes('org_admin');

/** Direct cooperation requests a person may send (SECURITY.md 26): at most this many in the window. */
export const REQUESTS_PER_DAY = 5;
export const REQUEST_WINDOW_MS = 24 * 60 * 60 * 1000;
