/**
 * Discussions and peer consultation in a network (issue 12): topics (a discussion, or a
 * consultation: a member's concrete challenge with its context, what was tried and the question),
 * posts (the opening one and the replies; rich text sanitized on save), earlier versions of edited
 * posts, "this helped" (one per member per post), invitations of colleagues to a consultation, and
 * who watches a network or a topic. An erased author leaves posts without author (shown as
 * "deleted account") and without text.
 */
import { pgTable, text, timestamp, uuid, boolean, index, primaryKey, bigserial } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { networks } from './networks.ts';

export const TOPIC_KINDS = ['discussion', 'consultation'] as const;
export const TOPIC_STATES = ['open', 'closed'] as const;
export const POST_STATES = ['pending', 'published'] as const;
export const WATCH_LEVELS = ['watch', 'normal', 'mute'] as const;

export const discussionTopics = pgTable(
  'discussion_topics',
  {
    id: uuid('id').primaryKey(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    lang: text('lang').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    state: text('state').notNull().default('open'),
    locked: boolean('locked').notNull().default(false),
    /** Hidden by a coordinator (reports hide posts through the moderation module). */
    hidden: boolean('hidden').notNull().default(false),
    /** The asker lets the matching engine look beyond the network's members (the whole directory). */
    askDirectory: boolean('ask_directory').notNull().default(false),
    answerPostId: uuid('answer_post_id'),
    summary: text('summary'),
    summaryLang: text('summary_lang'),
    closedBy: uuid('closed_by').references(() => users.id, { onDelete: 'set null' }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    goodPracticeId: uuid('good_practice_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastPostAt: timestamp('last_post_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('discussion_topics_network_idx').on(t.networkId, t.lastPostAt), index('discussion_topics_author_idx').on(t.authorId)],
);

export const discussionPosts = pgTable(
  'discussion_posts',
  {
    id: uuid('id').primaryKey(),
    topicId: uuid('topic_id')
      .notNull()
      .references(() => discussionTopics.id, { onDelete: 'cascade' }),
    /** The topic's network, kept here so that the per-network approval rule reads one table (updated when a topic moves). */
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    isOpening: boolean('is_opening').notNull().default(false),
    /** Sanitized HTML (the allowlist of discussions.sanitize.ts). For a consultation's opening post: the question. */
    body: text('body').notNull(),
    /** A consultation's opening post: the context and what was tried (sanitized HTML). */
    context: text('context'),
    tried: text('tried'),
    lang: text('lang').notNull(),
    quotePostId: uuid('quote_post_id'),
    state: text('state').notNull(),
    hiddenByCoordinator: boolean('hidden_by_coordinator').notNull().default(false),
    approvedBy: uuid('approved_by').references(() => users.id, { onDelete: 'set null' }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
  },
  (t) => [index('discussion_posts_topic_idx').on(t.topicId, t.createdAt), index('discussion_posts_author_idx').on(t.authorId, t.createdAt), index('discussion_posts_pending_idx').on(t.networkId, t.state)],
);

/** What a post said before each edit (append-only). */
export const discussionPostVersions = pgTable(
  'discussion_post_versions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    postId: uuid('post_id')
      .notNull()
      .references(() => discussionPosts.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    context: text('context'),
    tried: text('tried'),
    editedBy: uuid('edited_by').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('discussion_post_versions_post_idx').on(t.postId, t.at)],
);

/** "This helped": one per member per post (the primary key). */
export const discussionHelped = pgTable(
  'discussion_helped',
  {
    postId: uuid('post_id')
      .notNull()
      .references(() => discussionPosts.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId] })],
);

/** A colleague a coordinator invited to a consultation (once per person: the primary key). */
export const discussionInvitations = pgTable(
  'discussion_invitations',
  {
    topicId: uuid('topic_id')
      .notNull()
      .references(() => discussionTopics.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.userId] })],
);

/**
 * Who is mailed about new posts: `watch` (every new post), `normal` (replies in topics one wrote in
 * or was invited to: the default) or `mute` (nothing), per network (`scope` network) or per topic
 * (`scope` topic, which wins over the network's).
 */
export const discussionWatches = pgTable(
  'discussion_watches',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    scope: text('scope').notNull(),
    scopeId: uuid('scope_id').notNull(),
    level: text('level').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.scope, t.scopeId] }), index('discussion_watches_scope_idx').on(t.scope, t.scopeId)],
);

/**
 * Reply-by-mail addresses: each discussion mail's Reply-To is `reply+<token>@<reply domain>`, one
 * random token per recipient and topic, kept only as its SHA-256. A reply to it is posted as that
 * recipient's reply in the topic, if it comes from their address before it expires.
 */
export const discussionReplyTokens = pgTable(
  'discussion_reply_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    topicId: uuid('topic_id')
      .notNull()
      .references(() => discussionTopics.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('discussion_reply_tokens_user_idx').on(t.userId), index('discussion_reply_tokens_expiry_idx').on(t.expiresAt)],
);
