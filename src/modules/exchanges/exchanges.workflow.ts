/**
 * The exchange state machine as one explicit table and one transition function. Every change of
 * `exchanges.state` goes through `transition`; what is not in the table is refused.
 *
 *   planned ──agree──▶ agreed ──hold──▶ held ──evaluate──▶ evaluated ──close──▶ closed
 *
 * `agree` also needs the latest terms of reference signed by host, peer and broker; `hold` needs
 * the exchange's start date to have come (checked by the service, see `guard`).
 */

export const EXCHANGE_STATES = ['planned', 'agreed', 'held', 'evaluated', 'closed'] as const;
export type ExchangeState = (typeof EXCHANGE_STATES)[number];

export const EXCHANGE_EVENTS = ['agree', 'hold', 'evaluate', 'close'] as const;
export type ExchangeEvent = (typeof EXCHANGE_EVENTS)[number];

/** from → event → to. Nothing else is allowed. */
export const EXCHANGE_TRANSITIONS: Readonly<Record<ExchangeState, Partial<Record<ExchangeEvent, ExchangeState>>>> = Object.freeze({
  planned: { agree: 'agreed' },
  agreed: { hold: 'held' },
  held: { evaluate: 'evaluated' },
  evaluated: { close: 'closed' },
  closed: {},
});

export type TransitionResult = { ok: true; to: ExchangeState } | { ok: false; reason: 'not_allowed' };

export function transition(from: ExchangeState, event: ExchangeEvent): TransitionResult {
  const to = EXCHANGE_TRANSITIONS[from]?.[event];
  return to ? { ok: true, to } : { ok: false, reason: 'not_allowed' };
}

export const isExchangeState = (v: unknown): v is ExchangeState => typeof v === 'string' && (EXCHANGE_STATES as readonly string[]).includes(v);
export const isExchangeEvent = (v: unknown): v is ExchangeEvent => typeof v === 'string' && (EXCHANGE_EVENTS as readonly string[]).includes(v);

/** Facts an event needs beyond the table. */
export type GuardFacts = { torAgreed: boolean; today: string; startDate: string };
export type GuardResult = { ok: true } | { ok: false; reason: 'tor_not_agreed' | 'not_started' };

export function guard(event: ExchangeEvent, f: GuardFacts): GuardResult {
  if (event === 'agree' && !f.torAgreed) return { ok: false, reason: 'tor_not_agreed' };
  if (event === 'hold' && f.today < f.startDate) return { ok: false, reason: 'not_started' };
  return { ok: true };
}

/** Planning (dates, place, participants, budget, ToR) can change until the exchange is held. */
export const isPlanningOpen = (s: ExchangeState): boolean => s === 'planned' || s === 'agreed';
/** A new ToR version can be written only while planned (an agreed exchange keeps its signed terms). */
export const isTorOpen = (s: ExchangeState): boolean => s === 'planned';
