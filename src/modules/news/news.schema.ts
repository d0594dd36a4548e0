/** The newsletter's inputs and API answers: the single statement of every limit. */
import { z } from 'zod';
import { LOCALES } from '../../platform/i18n.ts';
import { list } from '../../platform/validation.ts';

export const SUBJECT_MAX = 200;
export const BODY_MAX = 20_000;
/** The version of the consent text shown on the subscription form (raise it when the text changes). */
export const CONSENT_VERSION = 1;
/** A confirmation link works this long, once. */
export const CONFIRM_TTL_MS = 7 * 86_400_000;
/** Subscription requests: per IP and per address, in an hour. */
export const SUBSCRIBE_PER_IP = 10;
export const SUBSCRIBE_PER_ADDRESS = 3;
export const SUBSCRIBE_WINDOW_MS = 3_600_000;
/** A token of a mail's links: 32 random bytes, base64url. */
export const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const locale = z.enum(LOCALES, 'platform.form.choice');
/** A list as the forms name it: `network:<slug>` or `programme:<slug>`. */
const listKey = z.string().regex(/^(network|programme):[a-z0-9-]{1,80}$/, 'platform.form.choice');

export const subscribeInput = z.object({
  email: z.string('platform.form.email').trim().max(254).pipe(z.email('platform.form.email')),
  locale,
  lists: list(listKey).pipe(z.array(listKey).min(1, 'news.subscribe.listsRequired').max(20)),
  consent: z.literal('yes', 'news.subscribe.consentRequired'),
});

export const preferencesInput = z.object({ locale: locale.optional(), lists: list(listKey).pipe(z.array(listKey).max(20)) });

const versionFields = Object.fromEntries(
  LOCALES.flatMap((l) => [
    [`subject_${l}`, z.string().trim().max(SUBJECT_MAX).optional()],
    [`body_${l}`, z.string().trim().max(BODY_MAX).optional()],
  ]),
) as Record<string, z.ZodOptional<z.ZodString>>;

export const issueInput = z.object({ lang: locale, ...versionFields });

export const listQuery = z.object({ network: z.string().max(80).optional(), programme: z.string().max(80).optional() });

export const issueAnswer = z.object({
  id: z.string(),
  list: z.object({ kind: z.enum(['network', 'programme']), slug: z.string(), name: z.string() }),
  lang: z.string().meta({ description: 'The language of this version: the caller’s when written, else the one the author wrote first' }),
  languages: z.array(z.string()),
  subject: z.string(),
  body: z.string().optional(),
  sentAt: z.string().nullable(),
  url: z.string(),
});
export const issueListAnswer = z.object({ items: z.array(issueAnswer) });
export const subscribeAnswer = z.object({ ok: z.literal(true) }).meta({ description: 'The same answer for any address: a confirmation mail is on its way; nothing is sent before it is confirmed' });
