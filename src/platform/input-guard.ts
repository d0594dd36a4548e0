/**
 * Control characters are refused at the edge (issue 18.4): a NUL byte, or any C0/C1 control other
 * than tab, line feed and carriage return, in a query parameter, a form field or a JSON string is
 * never legitimate text, PostgreSQL refuses NUL in text outright, and the others corrupt exports
 * and logs. The request is answered 400 with a message naming the field, in the person's
 * language; nothing runs, so nothing is half-written.
 *
 * Multipart bodies (uploads) are not read here — that would buffer a file before its route's size
 * limit; their text fields pass `formBody`/`readUpload`, which apply the same check.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './http.ts';
import { NotFoundError, ValidationError, type FieldErrors } from './errors.ts';

// eslint-disable-next-line no-control-regex
export const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
export const CONTROL_CHARS_KEY = 'platform.form.controlChars';

/** The fields of a flat map (query, form) whose values carry a control character. */
export function controlCharFields(entries: Iterable<[string, unknown]>): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of entries) {
    const values = Array.isArray(v) ? v : [v];
    if (CONTROL_CHARS.test(k) || values.some((x) => typeof x === 'string' && CONTROL_CHARS.test(x))) out[k.replace(CONTROL_CHARS, '?')] = CONTROL_CHARS_KEY;
  }
  return out;
}

/** The paths (a.b.0) of JSON strings, or keys, that carry a control character. */
export function controlCharPaths(value: unknown, path = '', out: FieldErrors = {}, depth = 0): FieldErrors {
  if (depth > 20) return out;
  if (typeof value === 'string') {
    if (CONTROL_CHARS.test(value)) out[path || '_body'] = CONTROL_CHARS_KEY;
  } else if (Array.isArray(value)) value.forEach((v, i) => controlCharPaths(v, path ? `${path}.${i}` : String(i), out, depth + 1));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      const p = path ? `${path}.${k.replace(CONTROL_CHARS, '?')}` : k.replace(CONTROL_CHARS, '?');
      if (CONTROL_CHARS.test(k)) out[p] = CONTROL_CHARS_KEY;
      controlCharPaths(v, p, out, depth + 1);
    }
  return out;
}

/** Refuses control characters in the query string and in URL-encoded form bodies. */
export function refuseControlChars(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = c.req.url;
    // A control character in the path (a NUL as %00, or %2500 decoded twice) names no page: 404, and nothing reaches a query.
    let path = new URL(url).pathname;
    for (let i = 0; i < 2; i++) {
      try {
        path = decodeURIComponent(path);
      } catch {
        break;
      }
      if (CONTROL_CHARS.test(path)) throw new NotFoundError();
    }
    const q = url.indexOf('?');
    if (q !== -1) {
      let params: URLSearchParams | null = null;
      try {
        params = new URLSearchParams(url.slice(q + 1));
      } catch {
        params = null;
      }
      const bad = params ? controlCharFields(params.entries()) : {};
      if (Object.keys(bad).length) throw new ValidationError(bad, 'invalid_characters');
    }
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && /^application\/x-www-form-urlencoded\b/i.test(c.req.header('Content-Type') ?? '')) {
      // Read through Hono's body cache, so the route's own parseBody() reads the same form again.
      const form = await c.req.formData().catch(() => null);
      if (form) {
        const bad = controlCharFields(form.entries());
        if (Object.keys(bad).length) throw new ValidationError(bad, 'invalid_characters');
      }
    }
    await next();
  };
}
