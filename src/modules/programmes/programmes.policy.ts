/** Who may manage programmes. Pure functions over typed action names. */
import type { CurrentUser } from '../../platform/http.ts';
import { isStaff } from '../../platform/roles.ts';

export type ProgrammeAction = 'programme.manage' | 'programme.postNews';

/** Broker and platform admin run programmes: settings, rounds, criteria, committee, news. */
export function canProgramme(actor: CurrentUser | null, action: ProgrammeAction): boolean {
  if (!actor) return false;
  switch (action) {
    case 'programme.manage':
    case 'programme.postNews':
      return isStaff(actor);
  }
}

/*
 * The phase rules (programmes.phase.ts) and the matching weights (programmes.weights.ts) are pure
 * functions of dates and settings: the face other modules read them through.
 */
export { roundPhase, isOpenForRequests, isReviewWindow, isCallTakingOffers, workingDaysBetween, STALE_WORKING_DAYS, type RoundDates, type RoundPhase } from './programmes.phase.ts';
export { DEFAULT_WEIGHTS, storedWeights, type MatchWeights } from './programmes.weights.ts';
