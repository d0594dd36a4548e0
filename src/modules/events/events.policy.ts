/**
 * Who may do what with an event: pure functions of the actor's standing towards it. A network's
 * event is organised by those who coordinate the network (networks.service `canCoordinate`); a
 * programme's event by the secretariat (brokers and admins). A coordinator of another network has no
 * more rights here than anyone, and the management pages answer 404 (SECURITY.md 13).
 */
import type { CurrentUser } from '../../platform/http.ts';

export type EventStanding = {
  /** Organises the event (coordinator of its network; the secretariat for a programme's event). */
  manages: boolean;
  /** May take part: a network member who accepted the current guidelines (or a coordinator); anyone signed in for a programme's event. */
  participates: boolean;
  /** The actor's live registration, if any. */
  registration: 'confirmed' | 'waitlisted' | null;
};

export const NO_EVENT_STANDING: EventStanding = { manages: false, participates: false, registration: null };

export type EventFacts = { state: string; startsAt: Date; endsAt: Date; registrationOpensAt: Date; registrationClosesAt: Date };

export type EventAction = 'event.view' | 'event.manage' | 'event.register' | 'event.unregister' | 'event.seeLink' | 'event.seeReport';

/** Registered people see the meeting link from this long before the start until the end. */
export const LINK_LEAD_MS = 30 * 60_000;

export const registrationOpen = (e: EventFacts, now: Date): boolean => e.state === 'published' && now >= e.registrationOpensAt && now < e.registrationClosesAt;

export function canEvent(actor: CurrentUser | null, action: EventAction, s: EventStanding, e: EventFacts, now: Date): boolean {
  switch (action) {
    case 'event.view':
      return e.state !== 'proposed' || s.manages;
    case 'event.manage':
      return !!actor && s.manages;
    case 'event.register':
      return !!actor && s.participates && s.registration === null && registrationOpen(e, now);
    case 'event.unregister':
      return !!actor && s.registration !== null && now < e.endsAt;
    case 'event.seeLink':
      return !!actor && s.registration === 'confirmed' && e.state === 'published' && now.getTime() >= e.startsAt.getTime() - LINK_LEAD_MS && now <= e.endsAt;
    case 'event.seeReport':
      return !!actor && (s.manages || s.registration === 'confirmed');
  }
}
