/** Queries of the events module. Only this file builds SQL for it; it reads names from accounts' and networks' tables, and writes only its own. */
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { events, eventRegistrations, eventDocuments } from '../../db/schema/events.ts';
import { rows, type DbOrTx } from '../../platform/db.ts';

export type EventRow = typeof events.$inferSelect;
export type RegistrationRow = typeof eventRegistrations.$inferSelect;
export type DocumentRow = typeof eventDocuments.$inferSelect;
export type EventValues = Omit<typeof events.$inferInsert, 'id' | 'createdAt' | 'updatedAt' | 'sequence' | 'state'>;

export async function insertEvent(db: DbOrTx, v: EventValues & { state?: string }, now: Date): Promise<string> {
  const id = randomUUID();
  await db.insert(events).values({ ...v, id, state: v.state ?? 'proposed', sequence: 0, createdAt: now, updatedAt: now });
  return id;
}

export async function eventById(db: DbOrTx, id: string): Promise<EventRow | null> {
  const [e] = await db.select().from(events).where(eq(events.id, id));
  return e ?? null;
}

/** The event row, locked until the end of the transaction (registrations on one event queue here). */
export async function lockEvent(db: DbOrTx, id: string): Promise<EventRow | null> {
  const [e] = await db.select().from(events).where(eq(events.id, id)).for('update');
  return e ?? null;
}

/** Changes the event; `bump` raises the calendar SEQUENCE (a change registered people's calendars must follow). */
export async function updateEvent(db: DbOrTx, id: string, v: Partial<EventValues> & { state?: string }, now: Date, bump: boolean): Promise<EventRow | null> {
  const [e] = await db
    .update(events)
    .set({ ...v, updatedAt: now, ...(bump ? { sequence: sql`${events.sequence} + 1` } : {}) })
    .where(eq(events.id, id))
    .returning();
  return e ?? null;
}

export type ListFilter = { networkId?: string; theme?: string; format?: string; language?: string; when?: 'upcoming' | 'past'; now: Date; states: string[]; limit?: number };

/** Events by start (upcoming: soonest first; past: latest first), filtered in SQL, with their counts. */
export async function listEvents(db: DbOrTx, f: ListFilter): Promise<(EventRow & { confirmed: number; waitlisted: number })[]> {
  const conds: SQL[] = [inArray(events.state, f.states)];
  if (f.networkId) conds.push(eq(events.networkId, f.networkId));
  if (f.theme) conds.push(sql`${f.theme} = any(${events.themes})`);
  if (f.format) conds.push(eq(events.format, f.format));
  if (f.language) conds.push(sql`${f.language} = any(${events.languages})`);
  if (f.when === 'upcoming') conds.push(sql`${events.endsAt} >= ${f.now.toISOString()}::timestamptz`);
  if (f.when === 'past') conds.push(sql`${events.endsAt} < ${f.now.toISOString()}::timestamptz`);
  const list = await db
    .select()
    .from(events)
    .where(and(...conds))
    .orderBy(f.when === 'past' ? sql`${events.startsAt} desc` : asc(events.startsAt), asc(events.id))
    .limit(f.limit ?? 200);
  const counts = await countsOf(db, list.map((e) => e.id));
  return list.map((e) => ({ ...e, ...(counts.get(e.id) ?? { confirmed: 0, waitlisted: 0 }) }));
}

/** Events not yet published of the given networks or programmes (organisers' drafts). */
export async function draftsOf(db: DbOrTx, networkIds: string[], withProgrammes: boolean): Promise<EventRow[]> {
  const owners: SQL[] = [];
  if (networkIds.length) owners.push(inArray(events.networkId, networkIds));
  if (withProgrammes) owners.push(sql`${events.programmeId} is not null`);
  if (!owners.length) return [];
  return db
    .select()
    .from(events)
    .where(and(eq(events.state, 'proposed'), sql`(${sql.join(owners, sql` or `)})`))
    .orderBy(asc(events.startsAt));
}

export async function countsOf(db: DbOrTx, ids: string[]): Promise<Map<string, { confirmed: number; waitlisted: number }>> {
  if (!ids.length) return new Map();
  const r = await db
    .select({
      id: eventRegistrations.eventId,
      confirmed: sql<number>`(count(*) filter (where ${eventRegistrations.state} = 'confirmed'))::int`,
      waitlisted: sql<number>`(count(*) filter (where ${eventRegistrations.state} = 'waitlisted'))::int`,
    })
    .from(eventRegistrations)
    .where(inArray(eventRegistrations.eventId, ids))
    .groupBy(eventRegistrations.eventId);
  return new Map(r.map((x) => [x.id, { confirmed: Number(x.confirmed), waitlisted: Number(x.waitlisted) }]));
}

// ---------- registrations ----------

export async function liveRegistration(db: DbOrTx, eventId: string, userId: string): Promise<RegistrationRow | null> {
  const [r] = await db
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.userId, userId), sql`${eventRegistrations.state} <> 'cancelled'`));
  return r ?? null;
}

export async function confirmedCount(db: DbOrTx, eventId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.state, 'confirmed')));
  return Number(r?.n ?? 0);
}

export async function insertRegistration(db: DbOrTx, v: { eventId: string; userId: string; state: 'confirmed' | 'waitlisted'; answer: string | null; now: Date }): Promise<string> {
  const id = randomUUID();
  await db.insert(eventRegistrations).values({ id, eventId: v.eventId, userId: v.userId, state: v.state, answer: v.answer, createdAt: v.now });
  return id;
}

export async function cancelRegistration(db: DbOrTx, id: string, now: Date): Promise<void> {
  await db.update(eventRegistrations).set({ state: 'cancelled', cancelledAt: now }).where(eq(eventRegistrations.id, id));
}

/** The first waitlisted registrations, in order of arrival. */
export async function firstWaitlisted(db: DbOrTx, eventId: string, n: number): Promise<RegistrationRow[]> {
  if (n <= 0) return [];
  return db
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.state, 'waitlisted')))
    .orderBy(asc(eventRegistrations.createdAt), asc(eventRegistrations.id))
    .limit(n);
}

export async function confirm(db: DbOrTx, ids: string[]): Promise<void> {
  if (ids.length) await db.update(eventRegistrations).set({ state: 'confirmed' }).where(inArray(eventRegistrations.id, ids));
}

export type RegistrantRow = { id: string; userId: string; name: string; state: string; answer: string | null; attended: boolean | null; createdAt: Date };

/** The live registrations with the people's names, confirmed first, then in order of arrival. */
export async function registrantsOf(db: DbOrTx, eventId: string): Promise<RegistrantRow[]> {
  const r = await rows<RegistrantRow & { createdAt: string | Date }>(
    db,
    sql`select r.id, r.user_id as "userId", u.name, r.state, r.answer, r.attended, r.created_at as "createdAt"
        from event_registrations r join users u on u.id = r.user_id
        where r.event_id = ${eventId} and r.state <> 'cancelled'
        order by case r.state when 'confirmed' then 0 else 1 end, r.created_at, r.id`,
  );
  return r.map((x) => ({ ...x, createdAt: new Date(x.createdAt) }));
}

/** User ids of the live registrations (both states), or only the confirmed ones. */
export async function registeredIds(db: DbOrTx, eventId: string, onlyConfirmed = false): Promise<string[]> {
  const r = await db
    .select({ userId: eventRegistrations.userId })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), onlyConfirmed ? eq(eventRegistrations.state, 'confirmed') : sql`${eventRegistrations.state} <> 'cancelled'`));
  return r.map((x) => x.userId);
}

export async function setAttendance(db: DbOrTx, eventId: string, attended: Set<string>): Promise<void> {
  const where = and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.state, 'confirmed'));
  await db.update(eventRegistrations).set({ attended: false }).where(where);
  if (attended.size) await db.update(eventRegistrations).set({ attended: true }).where(and(where, inArray(eventRegistrations.id, [...attended])));
}

/** Published events starting within the window whose reminder is not sent. */
export async function dueReminders(db: DbOrTx, now: Date, until: Date): Promise<EventRow[]> {
  return db
    .select()
    .from(events)
    .where(and(eq(events.state, 'published'), isNull(events.reminderSentAt), sql`${events.startsAt} > ${now.toISOString()}::timestamptz`, sql`${events.startsAt} <= ${until.toISOString()}::timestamptz`));
}

/** Marks the reminder sent; false when another process did it first. */
export async function claimReminder(db: DbOrTx, id: string, now: Date): Promise<boolean> {
  const r = await db
    .update(events)
    .set({ reminderSentAt: now })
    .where(and(eq(events.id, id), isNull(events.reminderSentAt)))
    .returning({ id: events.id });
  return r.length > 0;
}

// ---------- documents ----------

export async function insertDocument(db: DbOrTx, v: Omit<typeof eventDocuments.$inferInsert, 'id'>): Promise<string> {
  const id = randomUUID();
  await db.insert(eventDocuments).values({ ...v, id });
  return id;
}

export async function documentsOf(db: DbOrTx, eventId: string): Promise<DocumentRow[]> {
  return db.select().from(eventDocuments).where(eq(eventDocuments.eventId, eventId)).orderBy(asc(eventDocuments.createdAt));
}

export async function documentById(db: DbOrTx, eventId: string, id: string): Promise<DocumentRow | null> {
  const [d] = await db.select().from(eventDocuments).where(and(eq(eventDocuments.eventId, eventId), eq(eventDocuments.id, id)));
  return d ?? null;
}

export async function documentBytesOf(db: DbOrTx, userId: string): Promise<number> {
  const [r] = await db.select({ n: sql<number>`coalesce(sum(${eventDocuments.size}), 0)::int` }).from(eventDocuments).where(eq(eventDocuments.uploadedBy, userId));
  return Number(r?.n ?? 0);
}

// ---------- personal data ----------

export async function registrationsOfUser(db: DbOrTx, userId: string): Promise<{ eventId: string; title: string; startsAt: Date; state: string; answer: string | null; attended: boolean | null; createdAt: Date; cancelledAt: Date | null }[]> {
  return db
    .select({ eventId: events.id, title: events.title, startsAt: events.startsAt, state: eventRegistrations.state, answer: eventRegistrations.answer, attended: eventRegistrations.attended, createdAt: eventRegistrations.createdAt, cancelledAt: eventRegistrations.cancelledAt })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .where(eq(eventRegistrations.userId, userId))
    .orderBy(asc(eventRegistrations.createdAt));
}

export async function eraseRegistrations(tx: DbOrTx, userId: string): Promise<void> {
  await tx.delete(eventRegistrations).where(eq(eventRegistrations.userId, userId));
}

/** Whether the network has an event of this title (the demo's idempotence). */
export async function hasEventTitled(db: DbOrTx, networkId: string, title: string): Promise<boolean> {
  const r = await db.select({ id: events.id }).from(events).where(and(eq(events.networkId, networkId), eq(events.title, title)));
  return r.length > 0;
}

export async function setAttended(db: DbOrTx, id: string, attended: boolean): Promise<void> {
  await db.update(eventRegistrations).set({ attended }).where(eq(eventRegistrations.id, id));
}

/** Published events the person holds a confirmed seat at, starting between `now` and `until` ("Waiting on you"). */
export async function confirmedStartingBetween(db: DbOrTx, userId: string, now: Date, until: Date): Promise<{ id: string; title: string; lang: string; starts_at: Date | string }[]> {
  return rows(
    db,
    sql`select e.id, e.title, e.lang, e.starts_at from events e join event_registrations r on r.event_id = e.id
        where r.user_id = ${userId} and r.state = 'confirmed' and e.state = 'published'
          and e.starts_at > ${now.toISOString()}::timestamptz and e.starts_at <= ${until.toISOString()}::timestamptz
        order by e.starts_at asc limit 20`,
  );
}
