/**
 * The news module's queries. Writes only the news tables; reads the networks' members, their
 * acceptance of the guidelines and the accounts' addresses, languages and mail preference to find
 * an issue's recipients.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db.ts';
import { rows } from '../../platform/db.ts';
import { newsConfirmations, newsDeliveries, newsIssueVersions, newsIssues, newsOptOuts, newsSubscribers, newsSubscriptions } from '../../db/schema/news.ts';
import { users } from '../../db/schema/accounts.ts';

export type IssueRow = typeof newsIssues.$inferSelect;
export type VersionRow = typeof newsIssueVersions.$inferSelect;
export type ListKind = 'network' | 'programme';
export type ListRef = { kind: ListKind; id: string };

export async function insertIssue(db: DbOrTx, v: { networkId: string | null; programmeId: string | null; authorId: string; lang: string; now: Date }): Promise<string> {
  const id = randomUUID();
  await db.insert(newsIssues).values({ id, networkId: v.networkId, programmeId: v.programmeId, authorId: v.authorId, lang: v.lang, state: 'draft', createdAt: v.now, updatedAt: v.now });
  return id;
}

export async function setVersions(db: DbOrTx, issueId: string, lang: string, versions: { lang: string; subject: string; body: string }[], now: Date): Promise<void> {
  await db.delete(newsIssueVersions).where(eq(newsIssueVersions.issueId, issueId));
  if (versions.length) await db.insert(newsIssueVersions).values(versions.map((v) => ({ issueId, ...v })));
  await db.update(newsIssues).set({ lang, updatedAt: now }).where(eq(newsIssues.id, issueId));
}

export async function issueById(db: DbOrTx, id: string): Promise<IssueRow | null> {
  const [r] = await db.select().from(newsIssues).where(eq(newsIssues.id, id));
  return r ?? null;
}

/** The issue locked for sending: two "send" clicks at once queue here, the second sees it sent. */
export async function lockIssue(db: DbOrTx, id: string): Promise<IssueRow | null> {
  const [r] = await db.select().from(newsIssues).where(eq(newsIssues.id, id)).for('update');
  return r ?? null;
}

export async function versionsOf(db: DbOrTx, issueIds: string[]): Promise<VersionRow[]> {
  if (!issueIds.length) return [];
  return db.select().from(newsIssueVersions).where(inArray(newsIssueVersions.issueId, issueIds));
}

export async function authorNameOf(db: DbOrTx, userId: string | null): Promise<string> {
  if (!userId) return '';
  const [r] = await db.select({ name: users.name, deletedAt: users.deletedAt }).from(users).where(eq(users.id, userId));
  return r && !r.deletedAt ? r.name : '';
}

/** Sent (or sending) issues of a list, newest first; drafts too when `drafts`. */
export async function issuesOf(db: DbOrTx, list: ListRef, opts: { drafts: boolean; limit: number }): Promise<IssueRow[]> {
  const col = list.kind === 'network' ? newsIssues.networkId : newsIssues.programmeId;
  return db
    .select()
    .from(newsIssues)
    .where(and(eq(col, list.id), opts.drafts ? undefined : ne(newsIssues.state, 'draft')))
    .orderBy(sql`${newsIssues.sentAt} desc nulls first`, desc(newsIssues.createdAt))
    .limit(opts.limit);
}

export async function markIssue(db: DbOrTx, id: string, v: { state: 'sending' | 'sent'; recipientCount?: number; sentAt?: Date; now: Date }): Promise<void> {
  await db.update(newsIssues).set({ state: v.state, recipientCount: v.recipientCount, sentAt: v.sentAt, updatedAt: v.now }).where(eq(newsIssues.id, id));
}

// ---------- recipients ----------

export type Recipient = { emailNorm: string; locale: string; userId: string | null; subscriberId: string | null };

/**
 * A list's recipients, one per normalised address: for a network its active members who accepted
 * its current guidelines, whose mail preference is not off and who did not opt out of it; then the
 * confirmed subscribers of the list. A member who also subscribed is counted once (as the member).
 */
export async function recipientsOf(db: DbOrTx, list: ListRef): Promise<Recipient[]> {
  const members =
    list.kind === 'network'
      ? await rows<{ email: string; locale: string; id: string }>(
          db,
          sql`select distinct on (lower(trim(u.email))) lower(trim(u.email)) as email, u.locale, u.id
              from network_members m
              join networks n on n.id = m.network_id
              join users u on u.id = m.user_id
              left join notification_preferences p on p.user_id = u.id
              where m.network_id = ${list.id} and m.state = 'active' and u.deleted_at is null and u.email is not null
                and coalesce(p.news, 'weekly') <> 'off' -- the newsletters category of the mail preferences
                and (select max(a.version) from guideline_acceptances a where a.network_id = m.network_id and a.user_id = m.user_id) >= n.guidelines_version
                and not exists (select 1 from news_opt_outs o where o.user_id = u.id and o.list_kind = 'network' and o.list_id = m.network_id)
              order by lower(trim(u.email)), u.id`,
        )
      : [];
  const subs = await rows<{ email: string; locale: string; id: string }>(
    db,
    sql`select s.email_norm as email, s.locale, s.id from news_subscribers s
        join news_subscriptions l on l.subscriber_id = s.id
        where l.list_kind = ${list.kind} and l.list_id = ${list.id} and s.confirmed_at is not null
        order by s.email_norm`,
  );
  const out = new Map<string, Recipient>();
  for (const m of members) out.set(m.email, { emailNorm: m.email, locale: m.locale, userId: m.id, subscriberId: null });
  for (const s of subs) if (!out.has(s.email)) out.set(s.email, { emailNorm: s.email, locale: s.locale, userId: null, subscriberId: s.id });
  return [...out.values()];
}

/** One delivery row per recipient; an address already there (a second "send") is skipped by the unique key. */
export async function insertDeliveries(db: DbOrTx, issueId: string, list: Recipient[], now: Date): Promise<number> {
  let n = 0;
  for (let i = 0; i < list.length; i += 500) {
    const chunk = list.slice(i, i + 500);
    const r = await db
      .insert(newsDeliveries)
      .values(chunk.map((x) => ({ id: randomUUID(), issueId, emailNorm: x.emailNorm, locale: x.locale, userId: x.userId, subscriberId: x.subscriberId, createdAt: now })))
      .onConflictDoNothing()
      .returning({ id: newsDeliveries.id });
    n += r.length;
  }
  return n;
}

export type ClaimedDelivery = { id: string; issue_id: string; email_norm: string; locale: string; user_id: string | null; subscriber_id: string | null };

/**
 * Claims up to `limit` unsent deliveries (skipped by other workers: FOR UPDATE SKIP LOCKED) and
 * leases them until `leaseUntil`, so the share of a worker that crashed comes back after the lease.
 */
export async function claimDeliveries(db: DbOrTx, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedDelivery[]> {
  return rows<ClaimedDelivery>(
    db,
    sql`with due as (
          select id from news_deliveries
          where sent_at is null and (lease_until is null or lease_until <= ${now.toISOString()}::timestamptz)
          order by created_at, id limit ${limit} for update skip locked
        )
        update news_deliveries d set lease_until = ${leaseUntil.toISOString()}::timestamptz, attempts = d.attempts + 1
        from due where d.id = due.id
        returning d.id, d.issue_id, d.email_norm, d.locale, d.user_id, d.subscriber_id`,
  );
}

export async function markDelivered(db: DbOrTx, id: string, tokenHash: string, at: Date): Promise<void> {
  await db.update(newsDeliveries).set({ sentAt: at, tokenHash, lastError: null }).where(eq(newsDeliveries.id, id));
}

export async function markDeliveryFailed(db: DbOrTx, id: string, retryAt: Date, error: string): Promise<void> {
  await db.update(newsDeliveries).set({ leaseUntil: retryAt, lastError: error }).where(eq(newsDeliveries.id, id));
}

/** Issues still sending whose deliveries are all sent: they become `sent`. */
export async function finishIssues(db: DbOrTx, now: Date): Promise<void> {
  await db.execute(
    sql`update news_issues i set state = 'sent', updated_at = ${now.toISOString()}::timestamptz
        where i.state = 'sending' and not exists (select 1 from news_deliveries d where d.issue_id = i.id and d.sent_at is null)`,
  );
}

export async function deliveryByToken(db: DbOrTx, tokenHash: string): Promise<(typeof newsDeliveries.$inferSelect & { networkId: string | null; programmeId: string | null }) | null> {
  const [r] = await db
    .select({ d: newsDeliveries, networkId: newsIssues.networkId, programmeId: newsIssues.programmeId })
    .from(newsDeliveries)
    .innerJoin(newsIssues, eq(newsIssues.id, newsDeliveries.issueId))
    .where(eq(newsDeliveries.tokenHash, tokenHash));
  return r ? { ...r.d, networkId: r.networkId, programmeId: r.programmeId } : null;
}

export async function deliveriesOf(db: DbOrTx, issueId: string): Promise<{ emailNorm: string; sentAt: Date | null }[]> {
  return db.select({ emailNorm: newsDeliveries.emailNorm, sentAt: newsDeliveries.sentAt }).from(newsDeliveries).where(eq(newsDeliveries.issueId, issueId)).orderBy(asc(newsDeliveries.emailNorm));
}

// ---------- subscribers ----------

export type SubscriberRow = typeof newsSubscribers.$inferSelect;

export async function subscriberByEmail(db: DbOrTx, emailNorm: string): Promise<SubscriberRow | null> {
  const [r] = await db.select().from(newsSubscribers).where(eq(newsSubscribers.emailNorm, emailNorm));
  return r ?? null;
}

export async function subscriberById(db: DbOrTx, id: string): Promise<SubscriberRow | null> {
  const [r] = await db.select().from(newsSubscribers).where(eq(newsSubscribers.id, id));
  return r ?? null;
}

/** The subscriber of an address, created unconfirmed when new (two requests at once make one row). */
export async function ensureSubscriber(db: DbOrTx, emailNorm: string, locale: string, now: Date): Promise<SubscriberRow> {
  await db.insert(newsSubscribers).values({ id: randomUUID(), emailNorm, locale, createdAt: now }).onConflictDoNothing();
  return (await subscriberByEmail(db, emailNorm))!;
}

export async function recentConfirmations(db: DbOrTx, by: { ipHash?: string; subscriberId?: string }, since: Date): Promise<{ count: number; oldest: Date | null }> {
  const [r] = await db
    .select({ count: sql<number>`count(*)::int`, oldest: sql<number | null>`(extract(epoch from min(${newsConfirmations.createdAt})) * 1000)::float8` })
    .from(newsConfirmations)
    .where(and(by.ipHash ? eq(newsConfirmations.ipHash, by.ipHash) : eq(newsConfirmations.subscriberId, by.subscriberId!), sql`${newsConfirmations.createdAt} > ${since.toISOString()}::timestamptz`));
  return { count: Number(r?.count ?? 0), oldest: r?.oldest == null ? null : new Date(Number(r.oldest)) };
}

export async function insertConfirmation(db: DbOrTx, v: Omit<typeof newsConfirmations.$inferInsert, 'id'>): Promise<void> {
  await db.insert(newsConfirmations).values({ id: randomUUID(), ...v });
}

export async function confirmationByToken(db: DbOrTx, tokenHash: string): Promise<typeof newsConfirmations.$inferSelect | null> {
  const [r] = await db.select().from(newsConfirmations).where(eq(newsConfirmations.tokenHash, tokenHash));
  return r ?? null;
}

/** Marks the confirmation used, once: false when it was already used (a second click, or a race). */
export async function useConfirmation(db: DbOrTx, id: string, now: Date): Promise<boolean> {
  const r = await db.update(newsConfirmations).set({ usedAt: now }).where(and(eq(newsConfirmations.id, id), isNull(newsConfirmations.usedAt))).returning({ id: newsConfirmations.id });
  return r.length === 1;
}

export async function confirmSubscriber(db: DbOrTx, id: string, v: { locale: string; consentVersion: number; now: Date }): Promise<void> {
  await db
    .update(newsSubscribers)
    .set({ locale: v.locale, consentVersion: v.consentVersion, consentAt: v.now, confirmedAt: sql`coalesce(${newsSubscribers.confirmedAt}, ${v.now.toISOString()}::timestamptz)` })
    .where(eq(newsSubscribers.id, id));
}

export async function setSubscriberLocale(db: DbOrTx, id: string, locale: string): Promise<void> {
  await db.update(newsSubscribers).set({ locale }).where(eq(newsSubscribers.id, id));
}

export async function addSubscriptions(db: DbOrTx, subscriberId: string, lists: ListRef[], now: Date): Promise<void> {
  if (lists.length) await db.insert(newsSubscriptions).values(lists.map((l) => ({ subscriberId, listKind: l.kind, listId: l.id, createdAt: now }))).onConflictDoNothing();
}

export async function setSubscriptions(db: DbOrTx, subscriberId: string, lists: ListRef[], now: Date): Promise<void> {
  await db.delete(newsSubscriptions).where(eq(newsSubscriptions.subscriberId, subscriberId));
  await addSubscriptions(db, subscriberId, lists, now);
}

export async function removeSubscription(db: DbOrTx, subscriberId: string, list: ListRef): Promise<void> {
  await db.delete(newsSubscriptions).where(and(eq(newsSubscriptions.subscriberId, subscriberId), eq(newsSubscriptions.listKind, list.kind), eq(newsSubscriptions.listId, list.id)));
}

export async function subscriptionsOf(db: DbOrTx, subscriberId: string): Promise<ListRef[]> {
  const r = await db.select({ kind: newsSubscriptions.listKind, id: newsSubscriptions.listId }).from(newsSubscriptions).where(eq(newsSubscriptions.subscriberId, subscriberId));
  return r.map((x) => ({ kind: x.kind as ListKind, id: x.id }));
}

/**
 * Retention: confirmation links used or expired more than `graceMs` ago go, and so does an address
 * that was never confirmed once it has no live confirmation left (it never consented to anything).
 */
export async function purgeUnconfirmed(db: DbOrTx, now: Date, graceMs: number): Promise<number> {
  const before = new Date(now.getTime() - graceMs).toISOString();
  await db.execute(sql`delete from news_confirmations where coalesce(used_at, expires_at) < ${before}::timestamptz`);
  const gone = await rows<{ id: string }>(
    db,
    sql`delete from news_subscribers s where s.confirmed_at is null
          and not exists (select 1 from news_confirmations c where c.subscriber_id = s.id and c.expires_at > ${now.toISOString()}::timestamptz and c.used_at is null)
        returning s.id`,
  );
  return gone.length;
}

// ---------- members' opt-outs ----------

export async function optOut(db: DbOrTx, userId: string, list: ListRef, now: Date): Promise<void> {
  await db.insert(newsOptOuts).values({ userId, listKind: list.kind, listId: list.id, at: now }).onConflictDoNothing();
}

export async function optIn(db: DbOrTx, userId: string, list: ListRef): Promise<void> {
  await db.delete(newsOptOuts).where(and(eq(newsOptOuts.userId, userId), eq(newsOptOuts.listKind, list.kind), eq(newsOptOuts.listId, list.id)));
}

export async function optOutsOf(db: DbOrTx, userId: string): Promise<ListRef[]> {
  const r = await db.select({ kind: newsOptOuts.listKind, id: newsOptOuts.listId }).from(newsOptOuts).where(eq(newsOptOuts.userId, userId));
  return r.map((x) => ({ kind: x.kind as ListKind, id: x.id }));
}

// ---------- personal data ----------

export async function emailOfUser(db: DbOrTx, userId: string): Promise<string | null> {
  const [r] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return r?.email ? r.email.trim().toLowerCase() : null;
}

export async function personalData(db: DbOrTx, userId: string) {
  const email = await emailOfUser(db, userId);
  const subscriber = email ? await subscriberByEmail(db, email) : null;
  return {
    subscriber: subscriber ? { ...subscriber, lists: await subscriptionsOf(db, subscriber.id) } : null,
    optOuts: await optOutsOf(db, userId),
    deliveries: await db
      .select({ issueId: newsDeliveries.issueId, email: newsDeliveries.emailNorm, locale: newsDeliveries.locale, sentAt: newsDeliveries.sentAt })
      .from(newsDeliveries)
      .where(email ? sql`${newsDeliveries.userId} = ${userId} or ${newsDeliveries.emailNorm} = ${email}` : eq(newsDeliveries.userId, userId)),
    authoredIssues: (await db.select({ id: newsIssues.id, createdAt: newsIssues.createdAt, sentAt: newsIssues.sentAt }).from(newsIssues).where(eq(newsIssues.authorId, userId))).map((i) => i),
  };
}

/** Erasure: the person's subscription (by their address), deliveries and opt-outs go; their issues stay, without an author. */
export async function erase(tx: DbOrTx, userId: string): Promise<void> {
  const email = await emailOfUser(tx, userId);
  await tx.delete(newsDeliveries).where(email ? sql`${newsDeliveries.userId} = ${userId} or ${newsDeliveries.emailNorm} = ${email}` : eq(newsDeliveries.userId, userId));
  if (email) await tx.delete(newsSubscribers).where(eq(newsSubscribers.emailNorm, email));
  await tx.delete(newsOptOuts).where(eq(newsOptOuts.userId, userId));
  await tx.update(newsIssues).set({ authorId: null }).where(eq(newsIssues.authorId, userId));
}

