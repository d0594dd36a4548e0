/**
 * One way to write a form route: `formBody` reads the fields, `requireUser` states that the page is
 * for members (the error handler turns it into the sign-in redirect, or 401 on the API), and
 * `formAction` runs the action and, on invalid input, renders the form again with its errors and
 * what was typed. Invalid input has one channel: a ValidationError thrown by the service.
 */
import { bodyLimit } from 'hono/body-limit';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Ctx, CurrentUser } from './http.ts';
import { AppError, SignInRequired, ValidationError } from './errors.ts';
import type { FormState } from './html/form.ts';
import { controlCharFields } from './input-guard.ts';

export type FormBody = Record<string, string | string[]>;

/** A body that says it is a form and is not one (a broken multipart, no boundary…): the platform's 400 page, not a 500 (issue 18.5). */
export class UnreadableBody extends AppError {
  constructor() {
    super(400, 'bad_body');
  }
}

async function parsed(c: Ctx, opts?: { all: true }): Promise<Record<string, string | File | (string | File)[]>> {
  try {
    return (await c.req.parseBody(opts ?? {})) as Record<string, string | File | (string | File)[]>;
  } catch {
    throw new UnreadableBody();
  }
}

/** Form fields as strings or lists of strings (files are not accepted here). */
export async function formBody(c: Ctx): Promise<FormBody> {
  const body = await parsed(c, { all: true });
  const out: FormBody = {};
  for (const [k, val] of Object.entries(body)) {
    if (typeof val === 'string') out[k] = val;
    else if (Array.isArray(val)) out[k] = val.filter((x): x is string => typeof x === 'string');
  }
  const bad = controlCharFields(Object.entries(out));
  if (Object.keys(bad).length) throw new ValidationError(bad, 'invalid_characters');
  return out;
}

/** The signed-in person; a visitor gets the sign-in page (and comes back), or 401 on the API. */
export function requireUser(c: Ctx): CurrentUser {
  const user = c.get('user');
  if (!user) throw new SignInRequired();
  return user;
}

/** The sign-in page, then back to this page: what the error handler answers a visitor on a members' page. */
export function signInRedirect(c: Ctx): Response {
  const url = new URL(c.req.url);
  const prefix = `/${c.get('locale')}`;
  return c.redirect(`${prefix}/sign-in?next=${encodeURIComponent(c.req.path + url.search)}`, 303);
}

/**
 * Reads the form, runs `run` with it; a ValidationError renders the form again through `again`
 * with the field errors and the values typed (400). Anything else goes to the error handler.
 */
export async function formAction(
  c: Ctx,
  run: (body: FormBody) => Promise<Response>,
  again: (form: FormState, status: 400) => Response | Promise<Response>,
  body?: FormBody,
): Promise<Response> {
  const values = body ?? (await formBody(c));
  try {
    return await run(values);
  } catch (e) {
    if (e instanceof ValidationError) return again({ values, errors: e.fields }, 400);
    throw e;
  }
}

export type Upload = { name: string; bytes: Uint8Array };

/** The uploaded file of a multipart form, or null, and its other fields. */
export async function readUpload(c: Ctx, field = 'file'): Promise<{ upload: Upload | null; fields: Record<string, string> }> {
  const body = await parsed(c);
  const fields: Record<string, string> = {};
  for (const [k, val] of Object.entries(body)) if (typeof val === 'string') fields[k] = val;
  const bad = controlCharFields(Object.entries(fields));
  if (Object.keys(bad).length) throw new ValidationError(bad, 'invalid_characters');
  const f = body[field];
  if (!f || typeof f === 'string' || Array.isArray(f) || f.size === 0) return { upload: null, fields };
  return { upload: { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }, fields };
}

/** 413 before the body is buffered whole: a declared length over the limit is refused at once; a stream that grows past it is cut. */
export const uploadLimit = (max: number): MiddlewareHandler<AppEnv> => {
  const limit = bodyLimit({ maxSize: max + 64 * 1024, onError: (c) => c.text(c.get('t')('platform.file.tooLarge'), 413) });
  // Only a multipart body carries a file and is streamed under this limit; any other body on an upload
  // route passed the general 2 MB limit and the input guard, which read it already (a stream reads once).
  return (c, next) => (/^multipart\/form-data\b/i.test(c.req.header('Content-Type') ?? '') ? limit(c, next) : next());
};
