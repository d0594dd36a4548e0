/**
 * The JSON API under /api/v1: what every module's API router shares, mounted first so that it runs
 * before them — `no-store`, the sign-in (a personal access token, else the session), the consent
 * gate before member data — and the OpenAPI document, generated from the operations the modules
 * declare next to their routes (`declareOperations` in `<m>.api.ts`). Errors are rendered by the
 * app's handler as `{ error: { code, message, fields? } }`.
 */
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../../platform/http.ts';
import { i18n, isLocale } from '../../platform/i18n.ts';
import { ValidationError } from '../../platform/errors.ts';

import { declaredOperations, declareOperations, openApiDocument } from '../../platform/openapi.ts';
import { apiAuth } from '../accounts/accounts.service.ts';
import { apiConsentGate } from '../privacy/privacy.service.ts';

export const apiOperations = declareOperations('api', [
  { method: 'get', path: '/openapi.json', operationId: 'getOpenApiDocument', summary: 'This document: the OpenAPI 3.1 description of /api/v1' },
]);

const INFO = {
  title: 'Peerlink API',
  version: '1.0.0',
  description:
    'The platform as JSON, with the same services and permissions as the web pages. Unknown body fields are ignored; unknown query keys answer 400. Invalid input answers 400 with a message per field in the caller’s language; something missing or not visible to the caller answers 404; an action refused in the current state answers 409 with its reason as `error.code`.',
};

let matchers: { method: string; path: RegExp; query: boolean }[] | null = null;
/** Whether every declared operation that answers this method and path declares no query (an undeclared route decides for itself). */
function takesNoQuery(method: string, path: string): boolean {
  matchers ??= declaredOperations().map((op) => ({
    method: op.method.toUpperCase(),
    path: new RegExp(`^/api/v1${op.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/]+')}/?$`),
    query: !!op.query,
  }));
  const m = method === 'HEAD' ? 'GET' : method;
  const hits = matchers.filter((x) => x.method === m && x.path.test(path));
  return hits.length > 0 && hits.every((x) => !x.query);
}

export function apiRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.use('*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    await next();
  });
  r.use('*', apiAuth());
  // A token's account speaks its own language, as a session's does (the app settled the language before the
  // token was read): unless the path or the language cookie chose one, messages follow the account.
  r.use('*', async (c, next) => {
    const user = c.get('user');
    if (c.get('viaToken') && user && new URL(c.req.url).pathname.startsWith('/api/') && !isLocale(getCookie(c, 'lang'))) {
      c.set('locale', user.locale);
      c.set('t', i18n().translator(user.locale));
    }
    await next();
  });
  // Member profiles wait for consent to the privacy notice, as on the pages (SECURITY.md 31).
  r.use('*', apiConsentGate());
  // An operation that declares no query takes none: any key answers 400 invalid_query, as the filtered lists do (SECURITY.md 15).
  r.use('*', async (c, next) => {
    const keys = Object.keys(c.req.queries());
    if (keys.length && takesNoQuery(c.req.method, c.req.path)) {
      throw new ValidationError(Object.fromEntries(keys.map((k) => [k, 'platform.query.unknownKey'])), 'invalid_query');
    }
    await next();
  });

  r.get('/openapi.json', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(openApiDocument(declaredOperations(), { ...INFO, baseUrl: c.get('deps').config.baseUrl }));
  });

  return r;
}
