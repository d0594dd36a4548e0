/**
 * What happens to an exchange, as domain events for the modules that follow exchanges without
 * exchanges knowing them (evaluations sends its questionnaires by these dates). Recorded in the
 * transaction that makes the change (exchanges.service.ts); payloads carry ids and the dates a
 * subscriber schedules by, nothing personal.
 */
import type { ExchangeState } from './exchanges.workflow.ts';

/** The exchange's dates as they stand after the change (ISO days). */
type Dates = { exchangeId: string; programmeId: string; startDate: string; endDate: string };
/** A move through the state table, from `from`. */
type Moved = Dates & { from: ExchangeState };

declare module '../../platform/events.ts' {
  interface DomainEvents {
    /** A broker planned an exchange from a confirmed match. */
    'exchanges.planned': Dates;
    /** The broker changed the dates of a planned or agreed exchange. */
    'exchanges.rescheduled': Dates;
    /** The terms were signed by every side and the broker agreed the exchange. */
    'exchanges.agreed': Moved;
    /** The exchange took place. */
    'exchanges.held': Moved;
    'exchanges.evaluated': Moved;
    'exchanges.closed': Moved;
  }
}

/** The event recorded when an exchange reaches each state through a transition. */
export const MOVED_EVENT = {
  planned: null,
  agreed: 'exchanges.agreed',
  held: 'exchanges.held',
  evaluated: 'exchanges.evaluated',
  closed: 'exchanges.closed',
} as const satisfies Record<ExchangeState, string | null>;
