/** Accounts: credentials, platform roles, sessions, one-time tokens, API tokens, sign-in failures. */
import { pgTable, text, timestamp, uuid, boolean, jsonb, index, uniqueIndex, integer } from 'drizzle-orm/pg-core';

export const PLATFORM_ROLES = ['broker', 'committee', 'coordinator', 'admin'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    email: text('email'),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    passwordHash: text('password_hash'),
    name: text('name').notNull(),
    locale: text('locale').notNull().default('en'),
    /** Platform roles beyond 'member' (every account is a member). */
    roles: text('roles').array().notNull().default([]),
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    recoveryCodes: jsonb('recovery_codes').$type<string[]>().notNull().default([]),
    lastTotpStep: integer('last_totp_step'),
    /** Regions a coordinator coordinates (network region codes). */
    coordinatorRegions: text('coordinator_regions').array().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    lastActiveAt: timestamp('last_active_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie value, hex. The cookie value itself is never stored. */
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    /** When a second factor is required and not yet given, the session is pending. */
    isPending2fa: boolean('is_pending_2fa').notNull().default(false),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const oneTimeTokens = pgTable(
  'one_time_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    kind: text('kind').notNull(), // verify_email | reset_password | invitation | export
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('one_time_tokens_user_idx').on(t.userId, t.kind)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_tokens_hash_key').on(t.tokenHash)],
);

/** Failed sign-ins, for the per-account and per-IP brute-force limits (kept in the database so that several processes agree). */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: uuid('id').primaryKey(),
    emailKey: text('email_key').notNull(),
    ip: text('ip').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sign_in_failures_email_idx').on(t.emailKey, t.at), index('sign_in_failures_ip_idx').on(t.ip, t.at)],
);
