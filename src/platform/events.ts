/**
 * Domain events: how one module learns what happened in another without importing it.
 *
 * A service records what happened in its own transaction — `emit(tx, now, 'requests.submitted', {...})`
 * — so the event exists exactly when the change does. After commit, `dispatchEvents` hands each
 * event to every module that subscribed to it in its manifest (`on: { 'requests.submitted': … }`).
 * Each subscriber runs in a transaction of its own that also records its delivery, so a subscriber
 * that failed is retried (with backoff) without the others running twice. Rows are claimed with
 * FOR UPDATE SKIP LOCKED: several processes may dispatch at once.
 *
 * Event names and payloads are declared by the emitting module, by adding to `DomainEvents`:
 *   declare module '../../platform/events.ts' { interface DomainEvents { 'exchanges.held': { exchangeId: string } } }
 * Payloads are JSON: ids and the few facts a subscriber needs, never personal data it could read itself.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from './db.ts';
import { rows } from './db.ts';
import { domainEvents, domainEventDeliveries } from '../db/schema/platform.ts';

/** Every event's name and payload; modules add theirs by declaration merging (see above). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainEvents {}
export type EventName = keyof DomainEvents & string;

export type EventContext = { db: DbOrTx; now: Date; eventId: string; createdAt: Date };
export type EventHandler<P = unknown> = (payload: P, ctx: EventContext) => Promise<void>;
/** What a manifest subscribes: event name → handler. */
export type Subscriptions = { [E in EventName]?: EventHandler<DomainEvents[E]> };
export type Subscriber = { module: string; event: string; handler: EventHandler };

/** Records an event in the caller's transaction. */
export async function emit<E extends EventName>(db: DbOrTx, now: Date, name: E, payload: DomainEvents[E]): Promise<void> {
  await db.insert(domainEvents).values({ id: randomUUID(), name, payload: payload as object, createdAt: now, nextAt: now });
}

const LEASE_MS = 60_000;
const MAX_BACKOFF_MS = 60 * 60_000;
/** Delay after the n-th failed attempt: 30 s, 1, 2, 4 … minutes, at most an hour. */
export const eventBackoffMs = (attempts: number) => Math.min(MAX_BACKOFF_MS, 30_000 * 2 ** Math.max(0, attempts - 1));

type Claimed = { id: string; name: string; payload: unknown; created_at: string | Date; attempts: number; delivered: string[] | null };

/**
 * Hands due events to their subscribers, oldest first. Returns how many events were completed and how
 * many are left to retry. An event nobody subscribes to is completed at once.
 */
export async function dispatchEvents(db: Db, subscribers: readonly Subscriber[], now: Date, opts: { limit?: number } = {}): Promise<{ handled: number; failed: number }> {
  const claimed = await rows<Claimed>(
    db,
    sql`with due as (
          select id from domain_events
          where handled_at is null and next_at <= ${now.toISOString()}::timestamptz
          order by created_at, id limit ${opts.limit ?? 100} for update skip locked
        )
        update domain_events e set next_at = ${new Date(now.getTime() + LEASE_MS).toISOString()}::timestamptz, attempts = e.attempts + 1
        from due where e.id = due.id
        returning e.id, e.name, e.payload, e.created_at, e.attempts,
          (select array_agg(d.subscriber) from domain_event_deliveries d where d.event_id = e.id) as delivered`,
  );
  claimed.sort((a, b) => +new Date(a.created_at) - +new Date(b.created_at) || a.id.localeCompare(b.id));
  let handled = 0;
  let failed = 0;
  for (const ev of claimed) {
    const done = new Set(ev.delivered ?? []);
    let error: string | null = null;
    for (const s of subscribers) {
      if (s.event !== ev.name || done.has(s.module)) continue;
      try {
        await db.transaction(async (tx) => {
          await s.handler(ev.payload, { db: tx, now, eventId: ev.id, createdAt: new Date(ev.created_at) });
          await tx.insert(domainEventDeliveries).values({ eventId: ev.id, subscriber: s.module, at: now });
        });
      } catch (e) {
        error ??= `${s.module}: ${e instanceof Error ? e.message : String(e)}`.slice(0, 500);
      }
    }
    if (error === null) {
      await db.execute(sql`update domain_events set handled_at = ${now.toISOString()}::timestamptz, last_error = null where id = ${ev.id}`);
      handled++;
    } else {
      await db.execute(
        sql`update domain_events set next_at = ${new Date(now.getTime() + eventBackoffMs(ev.attempts)).toISOString()}::timestamptz, last_error = ${error} where id = ${ev.id}`,
      );
      failed++;
    }
  }
  return { handled, failed };
}

/** Subscribers of a list of manifests, in manifest order. */
export function subscribersOf(manifests: readonly { name: string; on?: Subscriptions }[]): Subscriber[] {
  return manifests.flatMap((m) => Object.entries(m.on ?? {}).map(([event, handler]) => ({ module: m.name, event, handler: handler as EventHandler })));
}
