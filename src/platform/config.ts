/** Configuration from the environment, checked once at start. A wrong value stops the start with a message naming it. */
import { z } from 'zod';
import { resolve } from 'node:path';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  BASE_URL: z.string().url().optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().min(3).default('Peerlink <no-reply@peerlink.localhost>'),
  DEMO: bool.optional(),
  COOKIE_SECURE: bool.optional(),
  TRUST_PROXY: bool.default(false),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(100),
  PAGE_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(5),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  FILE_SCAN_COMMAND: z.string().optional(),
  RETENTION_INACTIVE_MONTHS: z.coerce.number().int().min(1).max(240).default(24),
  RETENTION_CV_MONTHS: z.coerce.number().int().min(1).max(240).default(12),
  TRANSLATE_URL: z.string().regex(/^https?:\/\//, 'must start with http:// or https://').optional(),
  TRANSLATE_ENGINE: z.enum(['apertium', 'libretranslate']).default('apertium'),
  TRANSLATE_API_KEY: z.string().optional(),
  INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  INBOUND_SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  REPLY_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+\.[a-z0-9-]+$|^localhost$/i, 'must be a domain name, e.g. reply.example.org')
    .optional(),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  /** How many server processes (node's cluster) share the port; more than one only on a PostgreSQL server. */
  workers: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  baseUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  demo: boolean;
  cookieSecure: boolean;
  trustProxy: boolean;
  rateLimitPerMinute: number;
  /** How long visitors' views of the public lists are cached (0: off). */
  pageCacheSeconds: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** On SIGTERM, how long the server keeps accepting (connections already queued are served) before it closes. */
  shutdownGraceMs: number;
  /** A scanner every upload goes through (stdin; exit 0 clean, 1 infected), besides the built-in test signature. */
  fileScanCommand: string | undefined;
  /** Months without sign-in after which an account is deleted (warned 30 and 7 days before). */
  retentionInactiveMonths: number;
  /** Months after a call closed before the CVs of its offers are deleted. */
  retentionCvMonths: number;
  /** The machine-translation engine's address (platform/translate.ts); none: user content is shown as written. */
  translateUrl: string | undefined;
  translateEngine: 'apertium' | 'libretranslate';
  translateApiKey: string | undefined;
  /** Where the inbound SMTP listener for replies by e-mail listens (none: no listener, mails carry no Reply-To). */
  inboundSmtpPort: number | undefined;
  inboundSmtpHost: string;
  /** The domain of reply addresses (`reply+<token>@…`); by default BASE_URL's host name. */
  replyDomain: string;
};

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError naming every wrong variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const r = schema.safeParse(cleaned);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message} (got ${JSON.stringify(cleaned[String(i.path[0])])})`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const v = r.data;
  // The embedded database is one process's (its data folder is locked): several workers need a server.
  if (v.WORKERS > 1 && !v.DATABASE_URL)
    throw new ConfigError(
      `Invalid configuration:\n  WORKERS: more than one process needs a PostgreSQL server (set DATABASE_URL); the embedded database serves one process (got ${JSON.stringify(cleaned.WORKERS)})`,
    );
  const production = v.NODE_ENV === 'production';
  return {
    env: v.NODE_ENV,
    port: v.PORT,
    workers: v.WORKERS,
    host: v.HOST,
    dataDir: resolve(v.DATA_DIR),
    databaseUrl: v.DATABASE_URL,
    baseUrl: (v.BASE_URL ?? `http://localhost:${v.PORT}`).replace(/\/$/, ''),
    smtpUrl: v.SMTP_URL,
    mailFrom: v.MAIL_FROM,
    demo: v.DEMO ?? !production,
    cookieSecure: v.COOKIE_SECURE ?? true,
    trustProxy: v.TRUST_PROXY,
    rateLimitPerMinute: v.RATE_LIMIT_PER_MINUTE,
    pageCacheSeconds: v.PAGE_CACHE_SECONDS,
    logLevel: v.LOG_LEVEL,
    shutdownGraceMs: v.SHUTDOWN_GRACE_MS,
    fileScanCommand: v.FILE_SCAN_COMMAND,
    retentionInactiveMonths: v.RETENTION_INACTIVE_MONTHS,
    retentionCvMonths: v.RETENTION_CV_MONTHS,
    translateUrl: v.TRANSLATE_URL,
    translateEngine: v.TRANSLATE_ENGINE,
    translateApiKey: v.TRANSLATE_API_KEY,
    inboundSmtpPort: v.INBOUND_SMTP_PORT,
    inboundSmtpHost: v.INBOUND_SMTP_HOST,
    replyDomain: (v.REPLY_DOMAIN ?? new URL(v.BASE_URL ?? `http://localhost:${v.PORT}`).hostname).toLowerCase(),
  };
}
