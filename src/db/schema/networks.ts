/**
 * Networks: the communities of practice (Connective Cities' regional networks — MENA, Southeast
 * Europe, Sub-Saharan Africa …). Coordinators per network (and overall coordinators, whose row has
 * no network), members who join by a declaration and the acceptance of the network's current
 * guidelines (append-only acceptances), and members' proposals of themes and events with the
 * support of other members.
 */
import { pgTable, text, timestamp, uuid, integer, jsonb, index, uniqueIndex, boolean, primaryKey, bigserial } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './accounts.ts';
import { organisations } from './organisations.ts';

/** Text in several languages: language code → text. */
export type NetworkText = Record<string, string>;

export const NETWORK_JOIN_POLICIES = ['open', 'moderated'] as const;
export const MEMBER_CATEGORIES = ['practitioner', 'association', 'ngo', 'research'] as const;
export const MEMBERSHIP_STATES = ['pending', 'active', 'declined', 'left'] as const;
export const PROPOSAL_KINDS = ['theme', 'event'] as const;
export const PROPOSAL_STATES = ['open', 'accepted', 'declined'] as const;

export const networks = pgTable(
  'networks',
  {
    id: uuid('id').primaryKey(),
    slug: text('slug').notNull(),
    name: jsonb('name').$type<NetworkText>().notNull(),
    purpose: jsonb('purpose').$type<NetworkText>().notNull(),
    regions: text('regions').array().notNull().default(sql`'{}'::text[]`),
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    joinPolicy: text('join_policy').notNull().default('moderated'),
    /** The current guidelines and confidentiality statement, and their version (a new version asks every member to accept again). */
    guidelinesVersion: integer('guidelines_version').notNull().default(1),
    guidelines: jsonb('guidelines').$type<NetworkText>().notNull(),
    confidentiality: jsonb('confidentiality').$type<NetworkText>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('networks_slug_key').on(t.slug)],
);

/** A coordinator of one network, or an overall coordinator (no network: coordinates every network). */
export const networkCoordinators = pgTable(
  'network_coordinators',
  {
    id: uuid('id').primaryKey(),
    networkId: uuid('network_id').references(() => networks.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('network_coordinators_key').on(t.networkId, t.userId).where(sql`${t.networkId} is not null`),
    uniqueIndex('network_coordinators_overall_key').on(t.userId).where(sql`${t.networkId} is null`),
    index('network_coordinators_user_idx').on(t.userId),
  ],
);

/** A person's membership of a network (as a practitioner, or named by an institutional member organisation). */
export const networkMembers = pgTable(
  'network_members',
  {
    id: uuid('id').primaryKey(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The organisation the person joins for (institutional membership), if any. */
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    category: text('category').notNull(),
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    advisesWithoutFee: boolean('advises_without_fee').notNull().default(false),
    state: text('state').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    leftAt: timestamp('left_at', { withTimezone: true }),
  },
  (t) => [
    // One live membership per person and network (two joins at once make one).
    uniqueIndex('network_members_live_key').on(t.networkId, t.userId).where(sql`${t.state} in ('pending', 'active')`),
    index('network_members_user_idx').on(t.userId),
    index('network_members_network_idx').on(t.networkId, t.state),
  ],
);

/** Who accepted which version of a network's guidelines and confidentiality statement, when. Append-only. */
export const guidelineAcceptances = pgTable(
  'guideline_acceptances',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('guideline_acceptances_user_idx').on(t.userId, t.networkId, t.version)],
);

/** A member's proposal of a theme or an event for the network's programme. */
export const networkProposals = pgTable(
  'network_proposals',
  {
    id: uuid('id').primaryKey(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    lang: text('lang').notNull(),
    state: text('state').notNull().default('open'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('network_proposals_network_idx').on(t.networkId, t.state)],
);

/** One member's support of a proposal (one per member: the primary key). */
export const proposalSupports = pgTable(
  'proposal_supports',
  {
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => networkProposals.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.userId] })],
);
