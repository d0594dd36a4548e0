/** Platform tables with no domain: the append-only audit log and the domain events outbox. */
import { pgTable, text, timestamp, uuid, index, bigserial, jsonb, integer, primaryKey } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    objectType: text('object_type'),
    objectId: text('object_id'),
    ip: text('ip'),
    outcome: text('outcome').notNull().default('ok'),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_object_idx').on(t.objectType, t.objectId)],
);

/**
 * Domain events (the outbox of what happened): a service records an event in the transaction that
 * made it happen; after commit the dispatcher hands it to each module that subscribed in its
 * manifest. An event is done when every subscriber has taken it (`handled_at`).
 */
export const domainEvents = pgTable(
  'domain_events',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** When the dispatcher may next take it (a lease while one works on it, a backoff after a failure). */
    nextAt: timestamp('next_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    lastError: text('last_error'),
  },
  (t) => [index('domain_events_due_idx').on(t.nextAt).where(sql`${t.handledAt} is null`)],
);

/** Which subscriber has taken which event: written in the subscriber's own transaction, so a retry never runs it twice. */
export const domainEventDeliveries = pgTable(
  'domain_event_deliveries',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => domainEvents.id, { onDelete: 'cascade' }),
    subscriber: text('subscriber').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.subscriber] })],
);

/**
 * The per-IP rate limit shared by every process (platform/security.ts `rateLimit`): requests counted
 * per IP and one-minute window with one upsert per request; windows that have passed are deleted.
 * UNLOGGED on the PostgreSQL server (its migration): counts are worth no WAL, and a crash that empties
 * the table only forgets the current minute.
 */
export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    ip: text('ip').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    hits: integer('hits').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ip, t.windowStart] }), index('rate_limit_hits_window_idx').on(t.windowStart)],
);
