/**
 * The newsletter (issue 12): issues a network's coordinators or a programme's secretariat write in
 * one or more languages, their delivery (one row per issue and normalised address: never twice to
 * one person), subscribers without an account with double opt-in, and the opt-outs of members.
 */
import { pgTable, text, timestamp, uuid, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './accounts.ts';
import { networks } from './networks.ts';
import { programmes } from './programmes.ts';

export const NEWS_ISSUE_STATES = ['draft', 'sending', 'sent'] as const;

/** An issue of a network's or a programme's newsletter. `authorId` is null once the author's account is erased. */
export const newsIssues = pgTable(
  'news_issues',
  {
    id: uuid('id').primaryKey(),
    networkId: uuid('network_id').references(() => networks.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** The language the author wrote first: what a reader gets when their own is missing. */
    lang: text('lang').notNull(),
    state: text('state').notNull().default('draft'),
    recipientCount: integer('recipient_count'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('news_issues_network_idx').on(t.networkId, t.sentAt), index('news_issues_programme_idx').on(t.programmeId, t.sentAt), index('news_issues_author_idx').on(t.authorId)],
);

/** One language version of an issue. */
export const newsIssueVersions = pgTable(
  'news_issue_versions',
  {
    issueId: uuid('issue_id')
      .notNull()
      .references(() => newsIssues.id, { onDelete: 'cascade' }),
    lang: text('lang').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
  },
  (t) => [primaryKey({ columns: [t.issueId, t.lang] })],
);

/**
 * One mail of an issue to one address (normalised: trimmed, lower case). The unique key is what
 * makes "never twice to one person" hold, also when a member is a subscriber too. The send job
 * claims unsent rows with FOR UPDATE SKIP LOCKED and a lease, so a crash mid-send resumes.
 * `tokenHash`: the sha256 of this mail's unsubscribe/preferences token.
 */
export const newsDeliveries = pgTable(
  'news_deliveries',
  {
    id: uuid('id').primaryKey(),
    issueId: uuid('issue_id')
      .notNull()
      .references(() => newsIssues.id, { onDelete: 'cascade' }),
    emailNorm: text('email_norm').notNull(),
    locale: text('locale').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    subscriberId: uuid('subscriber_id').references(() => newsSubscribers.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('news_deliveries_issue_email_key').on(t.issueId, t.emailNorm),
    index('news_deliveries_due_idx').on(t.sentAt, t.leaseUntil),
    uniqueIndex('news_deliveries_token_key').on(t.tokenHash),
    index('news_deliveries_user_idx').on(t.userId),
  ],
);

/** A person who subscribes without an account. Confirmed by the link of a confirmation mail (double opt-in). */
export const newsSubscribers = pgTable(
  'news_subscribers',
  {
    id: uuid('id').primaryKey(),
    emailNorm: text('email_norm').notNull(),
    locale: text('locale').notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    /** The version of the consent text confirmed, and when. */
    consentVersion: integer('consent_version'),
    consentAt: timestamp('consent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('news_subscribers_email_key').on(t.emailNorm)],
);

/** A list a confirmed subscriber receives: a network's or a programme's. */
export const newsSubscriptions = pgTable(
  'news_subscriptions',
  {
    subscriberId: uuid('subscriber_id')
      .notNull()
      .references(() => newsSubscribers.id, { onDelete: 'cascade' }),
    listKind: text('list_kind').notNull(),
    listId: uuid('list_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.subscriberId, t.listKind, t.listId] }), index('news_subscriptions_list_idx').on(t.listKind, t.listId)],
);

/** A subscription request waiting for its confirmation: the single-use token (sha256), the lists asked for, the consent shown. */
export const newsConfirmations = pgTable(
  'news_confirmations',
  {
    id: uuid('id').primaryKey(),
    subscriberId: uuid('subscriber_id')
      .notNull()
      .references(() => newsSubscribers.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    lists: text('lists').array().notNull().default(sql`'{}'::text[]`),
    locale: text('locale').notNull(),
    consentVersion: integer('consent_version').notNull(),
    /** sha256 of the requesting IP, for the per-IP limit (no address kept). */
    ipHash: text('ip_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('news_confirmations_token_key').on(t.tokenHash), index('news_confirmations_ip_idx').on(t.ipHash, t.createdAt), index('news_confirmations_subscriber_idx').on(t.subscriberId, t.createdAt)],
);

/** A member who unsubscribed from a network's or programme's newsletter (by the one-click link or the preferences page). */
export const newsOptOuts = pgTable(
  'news_opt_outs',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    listKind: text('list_kind').notNull(),
    listId: uuid('list_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.listKind, t.listId] })],
);
