/**
 * Queries of the discussions module. Only this file builds SQL for it; it reads names from the
 * accounts' table and the moderation state of posts from moderation's, and writes only its own tables.
 */
import { and, asc, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { discussionHelped, discussionInvitations, discussionReplyTokens, discussionPosts, discussionPostVersions, discussionTopics, discussionWatches } from '../../db/schema/discussions.ts';
import { users } from '../../db/schema/accounts.ts';
import { rows, type DbOrTx } from '../../platform/db.ts';

export type TopicRow = typeof discussionTopics.$inferSelect;
export type PostRow = typeof discussionPosts.$inferSelect;

const toDate = (v: unknown): Date | null => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)));
const bool = (v: unknown) => v === true || v === 't' || v === 'true';

export async function insertTopic(db: DbOrTx, v: Omit<typeof discussionTopics.$inferInsert, 'id'>): Promise<string> {
  const id = randomUUID();
  await db.insert(discussionTopics).values({ id, ...v });
  return id;
}

export async function insertPost(db: DbOrTx, v: Omit<typeof discussionPosts.$inferInsert, 'id'>): Promise<PostRow> {
  const [p] = await db.insert(discussionPosts).values({ id: randomUUID(), ...v }).returning();
  return p!;
}

export async function topicById(db: DbOrTx, id: string): Promise<TopicRow | null> {
  const [t] = await db.select().from(discussionTopics).where(eq(discussionTopics.id, id));
  return t ?? null;
}

export async function postById(db: DbOrTx, id: string): Promise<PostRow | null> {
  const [p] = await db.select().from(discussionPosts).where(eq(discussionPosts.id, id));
  return p ?? null;
}

export async function openingPost(db: DbOrTx, topicId: string): Promise<PostRow | null> {
  const [p] = await db.select().from(discussionPosts).where(and(eq(discussionPosts.topicId, topicId), eq(discussionPosts.isOpening, true)));
  return p ?? null;
}

export type TopicListRow = { id: string; kind: string; title: string; lang: string; state: string; locked: boolean; hidden: boolean; authorName: string | null; replies: number; answered: boolean; lastPostAt: Date; createdAt: Date };

/**
 * A network's topics, last activity first: those whose opening post is published (or, for
 * `viewerId`, their own pending one; every one for coordinators), hidden ones only for coordinators.
 */
export async function topicsOf(db: DbOrTx, networkId: string, o: { viewerId: string | null; coordinates: boolean; kind?: string; limit?: number }): Promise<TopicListRow[]> {
  const r = await rows<Record<string, unknown>>(
    db,
    sql`select t.id, t.kind, t.title, t.lang, t.state, t.locked, t.hidden, t.last_post_at, t.created_at, t.answer_post_id is not null as answered,
          case when u.deleted_at is null then u.name end as author_name,
          (select count(*)::int from discussion_posts p where p.topic_id = t.id and not p.is_opening and p.state = 'published') as replies
        from discussion_topics t
        join discussion_posts op on op.topic_id = t.id and op.is_opening
        left join users u on u.id = t.author_id
        where t.network_id = ${networkId}
          ${o.kind ? sql`and t.kind = ${o.kind}` : sql``}
          ${o.coordinates ? sql`` : sql`and not t.hidden and (op.state = 'published' or op.author_id = ${o.viewerId})
            and not exists (select 1 from moderation_items mi where mi.object_type = 'discussion_post' and mi.object_id = op.id and mi.state = 'hidden')`}
        order by t.last_post_at desc
        limit ${o.limit ?? 200}`,
  );
  return r.map((x) => ({
    id: x.id as string,
    kind: x.kind as string,
    title: x.title as string,
    lang: x.lang as string,
    state: x.state as string,
    locked: bool(x.locked),
    hidden: bool(x.hidden),
    authorName: (x.author_name as string | null) ?? null,
    replies: Number(x.replies),
    answered: bool(x.answered),
    lastPostAt: toDate(x.last_post_at)!,
    createdAt: toDate(x.created_at)!,
  }));
}

export type PostListRow = PostRow & { authorName: string | null; reportedHidden: boolean; helped: number; helpedByMe: boolean; versions: number };

/** A topic's posts in order, with the author's name (null: a deleted account), "this helped" counts and moderation state. */
export async function postsOf(db: DbOrTx, topicId: string, viewerId: string | null): Promise<PostListRow[]> {
  const r = await rows<Record<string, unknown>>(
    db,
    sql`select p.*, case when u.deleted_at is null then u.name end as author_name,
          exists (select 1 from moderation_items mi where mi.object_type = 'discussion_post' and mi.object_id = p.id and mi.state = 'hidden') as reported_hidden,
          (select count(*)::int from discussion_helped h where h.post_id = p.id) as helped,
          exists (select 1 from discussion_helped h where h.post_id = p.id and h.user_id = ${viewerId}) as helped_by_me,
          (select count(*)::int from discussion_post_versions v where v.post_id = p.id) as versions
        from discussion_posts p left join users u on u.id = p.author_id
        where p.topic_id = ${topicId}
        order by p.is_opening desc, p.created_at, p.id`,
  );
  return r.map((x) => ({
    id: x.id as string,
    topicId: x.topic_id as string,
    networkId: x.network_id as string,
    authorId: (x.author_id as string | null) ?? null,
    isOpening: bool(x.is_opening),
    body: x.body as string,
    context: (x.context as string | null) ?? null,
    tried: (x.tried as string | null) ?? null,
    lang: x.lang as string,
    quotePostId: (x.quote_post_id as string | null) ?? null,
    state: x.state as string,
    hiddenByCoordinator: bool(x.hidden_by_coordinator),
    approvedBy: (x.approved_by as string | null) ?? null,
    approvedAt: toDate(x.approved_at),
    createdAt: toDate(x.created_at)!,
    editedAt: toDate(x.edited_at),
    authorName: (x.author_name as string | null) ?? null,
    reportedHidden: bool(x.reported_hidden),
    helped: Number(x.helped),
    helpedByMe: bool(x.helped_by_me),
    versions: Number(x.versions),
  }));
}

/** How many of the person's posts in the network a coordinator approved or that needed no approval. */
export async function publishedCount(db: DbOrTx, networkId: string, userId: string): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`select count(*)::int as n from discussion_posts where network_id = ${networkId} and author_id = ${userId} and state = 'published'`);
  return Number(r?.n ?? 0);
}

/** When the person posted in the last day (the posting limits). */
export async function recentPostTimes(db: DbOrTx, userId: string, since: Date): Promise<Date[]> {
  const r = await db.select({ at: discussionPosts.createdAt }).from(discussionPosts).where(and(eq(discussionPosts.authorId, userId), gt(discussionPosts.createdAt, since)));
  return r.map((x) => x.at);
}

/** Publishes a pending post; null when it is no longer pending (two approvals at once make one). */
export async function approvePost(db: DbOrTx, id: string, by: string, at: Date): Promise<PostRow | null> {
  const [p] = await db.update(discussionPosts).set({ state: 'published', approvedBy: by, approvedAt: at }).where(and(eq(discussionPosts.id, id), eq(discussionPosts.state, 'pending'))).returning();
  return p ?? null;
}

export async function touchTopic(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db.update(discussionTopics).set({ lastPostAt: at }).where(eq(discussionTopics.id, id));
}

export async function setAnswer(db: DbOrTx, topicId: string, postId: string | null): Promise<void> {
  await db.update(discussionTopics).set({ answerPostId: postId }).where(eq(discussionTopics.id, topicId));
}

/** One "this helped" per member and post (the primary key): false when already given. */
export async function insertHelped(db: DbOrTx, postId: string, userId: string, at: Date): Promise<boolean> {
  const out = await db.insert(discussionHelped).values({ postId, userId, at }).onConflictDoNothing().returning({ p: discussionHelped.postId });
  return out.length > 0;
}

/** Closes an open topic with its summary; null when it was closed already. */
export async function closeTopic(db: DbOrTx, id: string, v: { summary: string; summaryLang: string; by: string; at: Date }): Promise<TopicRow | null> {
  const [t] = await db
    .update(discussionTopics)
    .set({ state: 'closed', summary: v.summary, summaryLang: v.summaryLang, closedBy: v.by, closedAt: v.at })
    .where(and(eq(discussionTopics.id, id), eq(discussionTopics.state, 'open')))
    .returning();
  return t ?? null;
}

export async function setTopicFlags(db: DbOrTx, id: string, v: { locked?: boolean; hidden?: boolean; goodPracticeId?: string }): Promise<void> {
  await db.update(discussionTopics).set(v).where(eq(discussionTopics.id, id));
}

export async function setPostHidden(db: DbOrTx, id: string, hidden: boolean): Promise<void> {
  await db.update(discussionPosts).set({ hiddenByCoordinator: hidden }).where(eq(discussionPosts.id, id));
}

/** Moves a topic and its posts to another network. */
export async function moveTopic(db: DbOrTx, id: string, networkId: string): Promise<void> {
  await db.update(discussionTopics).set({ networkId }).where(eq(discussionTopics.id, id));
  await db.update(discussionPosts).set({ networkId }).where(eq(discussionPosts.topicId, id));
}

/** Saves an edit: what the post said goes to its versions first. */
export async function editPost(db: DbOrTx, before: PostRow, v: { body: string; context: string | null; tried: string | null; by: string; at: Date }): Promise<void> {
  await db.insert(discussionPostVersions).values({ postId: before.id, body: before.body, context: before.context, tried: before.tried, editedBy: v.by, at: v.at });
  await db.update(discussionPosts).set({ body: v.body, context: v.context, tried: v.tried, editedAt: v.at }).where(eq(discussionPosts.id, before.id));
}

export async function versionsOf(db: DbOrTx, postId: string) {
  return db.select().from(discussionPostVersions).where(eq(discussionPostVersions.postId, postId)).orderBy(desc(discussionPostVersions.at), desc(discussionPostVersions.id));
}

export async function updateTopicTitle(db: DbOrTx, id: string, title: string): Promise<void> {
  await db.update(discussionTopics).set({ title }).where(eq(discussionTopics.id, id));
}

// ---------- invitations and watching ----------

export async function insertInvitation(db: DbOrTx, topicId: string, userId: string, by: string, at: Date): Promise<boolean> {
  const out = await db.insert(discussionInvitations).values({ topicId, userId, invitedBy: by, at }).onConflictDoNothing().returning({ u: discussionInvitations.userId });
  return out.length > 0;
}

export async function invitedTo(db: DbOrTx, topicId: string): Promise<{ userId: string; name: string | null; at: Date }[]> {
  const r = await rows<Record<string, unknown>>(
    db,
    sql`select i.user_id, case when u.deleted_at is null then u.name end as name, i.at from discussion_invitations i join users u on u.id = i.user_id where i.topic_id = ${topicId} order by i.at`,
  );
  return r.map((x) => ({ userId: x.user_id as string, name: (x.name as string | null) ?? null, at: toDate(x.at)! }));
}

export async function setWatch(db: DbOrTx, userId: string, scope: 'network' | 'topic', scopeId: string, level: string, at: Date): Promise<void> {
  await db
    .insert(discussionWatches)
    .values({ userId, scope, scopeId, level, at })
    .onConflictDoUpdate({ target: [discussionWatches.userId, discussionWatches.scope, discussionWatches.scopeId], set: { level, at } });
}

export async function watchLevel(db: DbOrTx, userId: string, scope: 'network' | 'topic', scopeId: string): Promise<string | null> {
  const [r] = await db.select({ level: discussionWatches.level }).from(discussionWatches).where(and(eq(discussionWatches.userId, userId), eq(discussionWatches.scope, scope), eq(discussionWatches.scopeId, scopeId)));
  return r?.level ?? null;
}

/** Everyone with a setting for the network or the topic: user → the topic's level and the network's. */
export async function watchSettings(db: DbOrTx, networkId: string, topicId: string | null): Promise<Map<string, { topic?: string; network?: string }>> {
  const r = await db
    .select()
    .from(discussionWatches)
    .where(topicId ? sql`(${discussionWatches.scope} = 'network' and ${discussionWatches.scopeId} = ${networkId}) or (${discussionWatches.scope} = 'topic' and ${discussionWatches.scopeId} = ${topicId})` : and(eq(discussionWatches.scope, 'network'), eq(discussionWatches.scopeId, networkId)));
  const out = new Map<string, { topic?: string; network?: string }>();
  for (const w of r) out.set(w.userId, { ...out.get(w.userId), [w.scope]: w.level });
  return out;
}

/** Who wrote a published post in the topic. */
export async function authorsIn(db: DbOrTx, topicId: string): Promise<string[]> {
  const r = await db.selectDistinct({ id: discussionPosts.authorId }).from(discussionPosts).where(and(eq(discussionPosts.topicId, topicId), eq(discussionPosts.state, 'published')));
  return r.map((x) => x.id).filter((x): x is string => !!x);
}

// ---------- coordination ----------

export type PendingRow = { postId: string; topicId: string; topicTitle: string; topicLang: string; isOpening: boolean; body: string; lang: string; authorName: string | null; createdAt: Date };

export async function pendingPosts(db: DbOrTx, networkId: string): Promise<PendingRow[]> {
  const r = await rows<Record<string, unknown>>(
    db,
    sql`select p.id, p.topic_id, t.title, t.lang as topic_lang, p.is_opening, p.body, p.lang, case when u.deleted_at is null then u.name end as author_name, p.created_at
        from discussion_posts p join discussion_topics t on t.id = p.topic_id left join users u on u.id = p.author_id
        where p.network_id = ${networkId} and p.state = 'pending' order by p.created_at`,
  );
  return r.map((x) => ({
    postId: x.id as string,
    topicId: x.topic_id as string,
    topicTitle: x.title as string,
    topicLang: x.topic_lang as string,
    isOpening: bool(x.is_opening),
    body: x.body as string,
    lang: x.lang as string,
    authorName: (x.author_name as string | null) ?? null,
    createdAt: toDate(x.created_at)!,
  }));
}

/** Open consultations of the network posted before `before` that nobody but the asker answered (published opening post). */
export async function unansweredConsultations(db: DbOrTx, networkId: string, before: Date): Promise<TopicRow[]> {
  return db
    .select()
    .from(discussionTopics)
    .where(
      and(
        eq(discussionTopics.networkId, networkId),
        eq(discussionTopics.kind, 'consultation'),
        eq(discussionTopics.state, 'open'),
        eq(discussionTopics.hidden, false),
        sql`${discussionTopics.createdAt} < ${before.toISOString()}::timestamptz`,
        sql`exists (select 1 from discussion_posts o where o.topic_id = ${discussionTopics.id} and o.is_opening and o.state = 'published')`,
        sql`not exists (select 1 from discussion_posts p where p.topic_id = ${discussionTopics.id} and not p.is_opening and p.state = 'published' and p.author_id is distinct from ${discussionTopics.authorId})`,
      ),
    )
    .orderBy(asc(discussionTopics.createdAt));
}

// ---------- a person's data (SECURITY.md 32–33) ----------

export async function personalRows(db: DbOrTx, userId: string) {
  const topics = await db.select().from(discussionTopics).where(eq(discussionTopics.authorId, userId));
  const posts = await db.select().from(discussionPosts).where(eq(discussionPosts.authorId, userId));
  const versions = posts.length ? await db.select().from(discussionPostVersions).where(inArray(discussionPostVersions.postId, posts.map((p) => p.id))) : [];
  const helped = await db.select().from(discussionHelped).where(eq(discussionHelped.userId, userId));
  const watches = await db.select().from(discussionWatches).where(eq(discussionWatches.userId, userId));
  const invitations = await db.select().from(discussionInvitations).where(eq(discussionInvitations.userId, userId));
  return { topics, posts, versions, helped, watches, invitations };
}

/**
 * Erasure: the person's posts stay in their threads (others' replies quote and answer them) but lose
 * their author and their text, as do the earlier versions; their topics keep the thread but lose
 * the author and the title, and the summaries they wrote; their signals, watches and invitations go.
 */
export async function eraseUser(db: DbOrTx, userId: string): Promise<void> {
  const own = db.select({ id: discussionPosts.id }).from(discussionPosts).where(eq(discussionPosts.authorId, userId));
  await db.delete(discussionPostVersions).where(inArray(discussionPostVersions.postId, own));
  await db.update(discussionPosts).set({ body: '', context: null, tried: null, authorId: null }).where(eq(discussionPosts.authorId, userId));
  await db.update(discussionTopics).set({ title: '', authorId: null }).where(eq(discussionTopics.authorId, userId));
  // The summary is its writer's text: it goes with them.
  await db.update(discussionTopics).set({ closedBy: null, summary: null, summaryLang: null }).where(eq(discussionTopics.closedBy, userId));
  await db.update(discussionPosts).set({ approvedBy: null }).where(eq(discussionPosts.approvedBy, userId));
  await db.update(discussionPostVersions).set({ editedBy: null }).where(eq(discussionPostVersions.editedBy, userId));
  await db.delete(discussionHelped).where(eq(discussionHelped.userId, userId));
  await db.delete(discussionWatches).where(eq(discussionWatches.userId, userId));
  await db.delete(discussionInvitations).where(eq(discussionInvitations.userId, userId));
  await db.update(discussionInvitations).set({ invitedBy: null }).where(eq(discussionInvitations.invitedBy, userId));
}

/** Open consultations the person was invited to and has not written in yet ("Waiting on you"). */
export async function consultationsAwaiting(db: DbOrTx, userId: string): Promise<{ id: string; title: string; lang: string }[]> {
  return rows(
    db,
    sql`select t.id, t.title, t.lang from discussion_invitations i join discussion_topics t on t.id = i.topic_id
        where i.user_id = ${userId} and t.kind = 'consultation' and t.state = 'open' and not t.hidden and not t.locked
          and not exists (select 1 from discussion_posts p where p.topic_id = t.id and p.author_id = ${userId})
        order by i.at asc limit 20`,
  );
}

// ---------- reply by mail ----------

export async function insertReplyToken(db: DbOrTx, v: typeof discussionReplyTokens.$inferInsert): Promise<void> {
  await db.insert(discussionReplyTokens).values(v);
}

export type ReplyTokenRow = { userId: string; topicId: string; expiresAt: Date; email: string | null; name: string; locale: string; roles: string[]; coordinatorRegions: string[]; totp: boolean; deleted: boolean };

/** A reply address's token (by its hash) with its recipient's account. */
export async function replyTokenByHash(db: DbOrTx, tokenHash: string): Promise<ReplyTokenRow | null> {
  const [r] = await db
    .select({ userId: discussionReplyTokens.userId, topicId: discussionReplyTokens.topicId, expiresAt: discussionReplyTokens.expiresAt, email: users.email, name: users.name, locale: users.locale, roles: users.roles, coordinatorRegions: users.coordinatorRegions, totpAt: users.totpEnabledAt, deletedAt: users.deletedAt })
    .from(discussionReplyTokens)
    .innerJoin(users, eq(users.id, discussionReplyTokens.userId))
    .where(eq(discussionReplyTokens.tokenHash, tokenHash));
  if (!r) return null;
  return { userId: r.userId, topicId: r.topicId, expiresAt: r.expiresAt, email: r.email, name: r.name, locale: r.locale, roles: r.roles as string[], coordinatorRegions: r.coordinatorRegions as string[], totp: !!r.totpAt, deleted: !!r.deletedAt };
}

export async function deleteExpiredReplyTokens(db: DbOrTx, now: Date): Promise<void> {
  await db.delete(discussionReplyTokens).where(lt(discussionReplyTokens.expiresAt, now));
}

export async function deleteReplyTokensOf(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(discussionReplyTokens).where(eq(discussionReplyTokens.userId, userId));
}
