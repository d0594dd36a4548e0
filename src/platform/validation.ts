/**
 * zod at every edge. Issues become catalogue keys per field: a schema may name its own key
 * as the message (`z.string().min(12, 'accounts.password.tooShort')`); otherwise a generic
 * key by issue kind is used.
 */
import { z } from 'zod';
import { ValidationError, type FieldErrors } from './errors.ts';
import type { Ctx } from './http.ts';
import { controlCharPaths } from './input-guard.ts';
import { keyWith } from './i18n.ts';

const KEY = /^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9_]+)+$/;

/** The generic keys a schema may name for a limit; the limit itself is added here. */
const GENERIC_LIMIT = new Set(['platform.form.tooSmall', 'platform.form.tooBig']);

function limitKey(issue: z.core.$ZodIssue): string | undefined {
  const i = issue as { code: string; origin?: string; minimum?: unknown; maximum?: unknown; input?: unknown; inclusive?: boolean };
  if (issue.code === 'too_small') {
    const min = Number(i.minimum);
    if (i.origin === 'string') return min <= 1 ? 'platform.form.required' : keyWith('platform.form.tooShort', { min });
    if (i.origin === 'number' || i.origin === 'int' || i.origin === 'bigint') return keyWith('platform.form.minNumber', { min });
    if (i.origin === 'array' || i.origin === 'set') return keyWith('platform.form.tooFew', { min });
    return undefined;
  }
  if (issue.code === 'too_big') {
    const max = Number(i.maximum);
    if (i.origin === 'string') return typeof i.input === 'string' ? keyWith('platform.form.tooLong', { max, length: [...i.input].length }) : keyWith('platform.form.tooLongNoCount', { max });
    if (i.origin === 'number' || i.origin === 'int' || i.origin === 'bigint') return keyWith('platform.form.maxNumber', { max });
    if (i.origin === 'array' || i.origin === 'set') return keyWith('platform.form.tooMany', { max });
  }
  return undefined;
}

function keyFor(issue: z.core.$ZodIssue): string {
  if (issue.message && KEY.test(issue.message) && !GENERIC_LIMIT.has(issue.message)) return issue.message;
  switch (issue.code) {
    case 'too_small':
      return limitKey(issue) ?? 'platform.form.tooSmall';
    case 'too_big':
      return limitKey(issue) ?? 'platform.form.tooBig';
    case 'invalid_type':
      return (issue as { input?: unknown }).input === undefined ? 'platform.form.required' : 'platform.form.invalid';
    case 'invalid_format':
      return (issue as { format?: string }).format === 'email' ? 'platform.form.email' : (issue as { format?: string }).format === 'url' ? 'platform.form.url' : 'platform.form.invalid';
    case 'invalid_value':
      return 'platform.form.choice';
    case 'unrecognized_keys':
      return 'platform.form.unknownField';
    default:
      return 'platform.form.invalid';
  }
}

/**
 * The field an issue belongs to: the top-level key, or for a list of objects (the experts of an
 * offer) `experts.0.motivation`, so that a form can put the error on the input it drew for it.
 */
function fieldOf(path: readonly PropertyKey[]): string {
  if (!path.length) return '_form';
  if (path.length >= 3 && typeof path[1] === 'number' && typeof path[2] === 'string') return `${String(path[0])}.${path[1]}.${path[2]}`;
  return String(path[0]);
}

/** zod issues → one catalogue key per field (the first issue wins). */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = fieldOf(issue.path);
    out[field] ??= keyFor(issue);
  }
  return out;
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.infer<S>> {
  const r = schema.safeParse(input, { reportInput: true });
  return r.success ? { ok: true, data: r.data } : { ok: false, errors: fieldErrors(r.error) };
}

/** Parses or throws a ValidationError (400 with a key per field). */
export function mustParse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input, { reportInput: true });
  if (!r.success) throw new ValidationError(fieldErrors(r.error));
  return r.data;
}

/** Helpers for form fields: an empty string is "not given". */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

/** A list from a form (repeated field or single value) or JSON array. */
export const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item));

/** The JSON object of an API request body; anything else (not JSON, an array, a scalar) is a 400 `invalid_json`. */
export async function jsonObject(c: Ctx): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ValidationError({ _body: 'platform.form.invalid' }, 'invalid_json');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new ValidationError({ _body: 'platform.form.invalid' }, 'invalid_json');
  const bad = controlCharPaths(body);
  if (Object.keys(bad).length) throw new ValidationError(bad, 'invalid_characters');
  return body as Record<string, unknown>;
}
