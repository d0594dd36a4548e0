/** Query strings: parsed against a strict schema, so that a misspelt filter is a 400 that names it, not a silently ignored key. */
import type { z } from 'zod';
import { ValidationError, type FieldErrors } from './errors.ts';
import { fieldErrors } from './validation.ts';

/** Parses a query string object against a strict schema: an unknown key or value answers a ValidationError (400 `invalid_query`); `unknownKey` is the message for a key the schema does not know. */
export function parseQuery<S extends z.ZodType>(schema: S, params: Record<string, unknown>, unknownKey = 'platform.query.unknownKey'): z.infer<S> {
  const r = schema.safeParse(params);
  if (r.success) return r.data;
  const fields: FieldErrors = {};
  for (const issue of r.error.issues) {
    if (issue.code === 'unrecognized_keys') for (const k of issue.keys) fields[k] = unknownKey;
  }
  Object.assign(fields, Object.fromEntries(Object.entries(fieldErrors(r.error)).filter(([k]) => k !== '_form')));
  throw new ValidationError(fields, 'invalid_query');
}
