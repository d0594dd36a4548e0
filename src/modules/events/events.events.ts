/**
 * What happens to events, as domain events for modules that follow events without events knowing
 * them. Recorded in the transaction that makes the change (events.service.ts).
 */
declare module '../../platform/events.ts' {
  interface DomainEvents {
    /** An organiser published an event (a network's or a programme's). */
    'events.published': { eventId: string; networkId: string | null; programmeId: string | null };
    /** An organiser cancelled an event; the registered were mailed. */
    'events.cancelled': { eventId: string; networkId: string | null; programmeId: string | null };
  }
}

export {};
