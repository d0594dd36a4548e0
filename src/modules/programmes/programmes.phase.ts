/**
 * Phase switches in one place: whether a round is open for requests, whether its committee
 * review window is open, whether a call for expertise takes offers, and working-day arithmetic
 * for the dashboard. Everything is a pure function of the dates and the injected clock.
 */

export type RoundDates = { opensAt: Date; closesAt: Date; reviewOpensAt: Date; reviewClosesAt: Date };
export type RoundPhase = 'upcoming' | 'open' | 'closed' | 'review' | 'finished';

/** Where a round stands at `now`. */
export function roundPhase(r: RoundDates, now: Date): RoundPhase {
  const t = now.getTime();
  if (t < r.opensAt.getTime()) return 'upcoming';
  if (t < r.closesAt.getTime()) return 'open';
  if (t >= r.reviewOpensAt.getTime() && t < r.reviewClosesAt.getTime()) return 'review';
  if (t >= r.reviewClosesAt.getTime()) return 'finished';
  return 'closed';
}

/** Requests may be created and submitted only while the round is open. */
export const isOpenForRequests = (r: RoundDates, now: Date): boolean => roundPhase(r, now) === 'open';

/** Committee members score only inside the review window. */
export const isReviewWindow = (r: RoundDates, now: Date): boolean => now.getTime() >= r.reviewOpensAt.getTime() && now.getTime() < r.reviewClosesAt.getTime();

/** A call for expertise takes offers while open and before its deadline. */
export const isCallTakingOffers = (call: { state: string; deadline: Date }, now: Date): boolean => call.state === 'open' && now.getTime() < call.deadline.getTime();

/**
 * Dates of a round must make sense: opening < closing; the review opens no earlier than the round
 * (a rolling round reviews while still open) and closes after it opens and no earlier than the round closes.
 */
export function roundDatesProblem(r: RoundDates): 'closesAt' | 'reviewOpensAt' | 'reviewClosesAt' | null {
  if (r.closesAt <= r.opensAt) return 'closesAt';
  if (r.reviewOpensAt < r.opensAt) return 'reviewOpensAt';
  if (r.reviewClosesAt <= r.reviewOpensAt || r.reviewClosesAt < r.closesAt) return 'reviewClosesAt';
  return null;
}

/** Monday to Friday days elapsed between two instants (whole days, UTC). */
export function workingDaysBetween(from: Date, to: Date): number {
  if (to <= from) return 0;
  let days = 0;
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  const end = Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate());
  while (d.getTime() < end) {
    d.setUTCDate(d.getUTCDate() + 1);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) days++;
  }
  return days;
}

/** A request waiting this many working days for a broker is flagged on the dashboard. */
export const STALE_WORKING_DAYS = 10;
