/**
 * The request state machine as one explicit table and one transition function. Every change of
 * `requests.state` goes through `transition`; what is not in the table is refused.
 *
 *   draft ──submit──▶ submitted ──declareEligible──▶ eligible ──openReview──▶ under_review ──select/reject/waitlist──▶ selected | rejected | waiting_list
 *                         └──declareIneligible──▶ ineligible              waiting_list ──select/reject──▶ selected | rejected
 *   submitted | eligible | under_review | waiting_list ──withdraw──▶ withdrawn          selected ──match──▶ matched
 */

export const REQUEST_STATES = ['draft', 'submitted', 'eligible', 'ineligible', 'under_review', 'selected', 'rejected', 'waiting_list', 'withdrawn', 'matched'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const REQUEST_EVENTS = ['submit', 'declareEligible', 'declareIneligible', 'openReview', 'select', 'reject', 'waitlist', 'withdraw', 'match'] as const;
export type RequestEvent = (typeof REQUEST_EVENTS)[number];

/** from → event → to. Nothing else is allowed. */
export const REQUEST_TRANSITIONS: Readonly<Record<RequestState, Partial<Record<RequestEvent, RequestState>>>> = Object.freeze({
  draft: { submit: 'submitted' },
  submitted: { declareEligible: 'eligible', declareIneligible: 'ineligible', withdraw: 'withdrawn' },
  eligible: { openReview: 'under_review', withdraw: 'withdrawn' },
  ineligible: {},
  under_review: { select: 'selected', reject: 'rejected', waitlist: 'waiting_list', withdraw: 'withdrawn' },
  waiting_list: { select: 'selected', reject: 'rejected', withdraw: 'withdrawn' },
  selected: { match: 'matched' },
  rejected: {},
  withdrawn: {},
  matched: {},
});

export type TransitionResult = { ok: true; to: RequestState } | { ok: false; reason: 'not_allowed' };

/** The state after `event`, or not_allowed. */
export function transition(from: RequestState, event: RequestEvent): TransitionResult {
  const to = REQUEST_TRANSITIONS[from]?.[event];
  return to ? { ok: true, to } : { ok: false, reason: 'not_allowed' };
}

export const isRequestState = (v: unknown): v is RequestState => typeof v === 'string' && (REQUEST_STATES as readonly string[]).includes(v);

/** A request is editable only as a draft: once submitted it is read-only. */
export const isEditable = (s: RequestState): boolean => s === 'draft';

/** Decided: the committee's decision is recorded (or the request went on to a match). */
export const isDecided = (s: RequestState): boolean => s === 'selected' || s === 'rejected' || s === 'waiting_list' || s === 'matched';

/** The decision outcomes and the event each one fires. */
export const DECISION_EVENTS = { selected: 'select', rejected: 'reject', waiting_list: 'waitlist' } as const satisfies Record<string, RequestEvent>;
export type DecisionOutcome = keyof typeof DECISION_EVENTS;

/** Who the request waits on, for the broker's dashboard. */
export function waitingOn(s: RequestState, facts: { isComplete: boolean; isEndorsed: boolean }): 'requester' | 'approver' | 'broker' | 'committee' | 'nobody' {
  switch (s) {
    case 'draft':
      return facts.isComplete && !facts.isEndorsed ? 'approver' : 'requester';
    case 'submitted':
    case 'eligible':
    case 'selected':
    case 'waiting_list':
      return 'broker';
    case 'under_review':
      return 'committee';
    default:
      return 'nobody';
  }
}
