/**
 * Builds the web application from its dependencies. The server (server.ts) and the tests both
 * call createApp; nothing here reads the environment.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { compress } from './platform/compress.ts';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie } from 'hono/cookie';
import { sql } from 'drizzle-orm';
import type { AppEnv, Deps } from './platform/http.ts';
import { contextOf } from './platform/http.ts';
import { errorFields } from './platform/log.ts';
import { refuseControlChars } from './platform/input-guard.ts';
import { html } from 'hono/html';
import { signInRedirect } from './platform/forms.ts';
import { AppError, RateLimitError, SignInRequired, UnauthorizedError, ValidationError } from './platform/errors.ts';
import { i18n, isLocale, negotiateLocale, LOCALES, type Locale } from './platform/i18n.ts';
import { securityHeaders, crossSiteGuard, rateLimit } from './platform/security.ts';
import { loadSession, readSessionCookie } from './platform/session.ts';
import { errorPage } from './platform/render.ts';
import { uriLimit } from './platform/limits.ts';
import { CSS, CSS_GZ, CSS_PATH } from './platform/html/static.ts';
import { FAVICON_SVG } from './platform/html/logo.ts';
import { rows } from './platform/db.ts';
import { pageCache } from './platform/page-cache.ts';
import { isUnavailableError, RETRY_AFTER_S } from './platform/unavailable.ts';
import { configureScanner } from './platform/scan.ts';
import { MODULES } from './modules/index.ts';
import { usePersonalDataOf } from './modules/privacy/privacy.service.ts';
import { useWaitingOf } from './modules/home/home.service.ts';
import { dispatchEvents, subscribersOf } from './platform/events.ts';
import { useSlotsOf } from './platform/slots.ts';
import { drainOutbox } from './platform/outbox.ts';

/** Where a path that cannot be decoded is routed (no real page has this path). */
const MALFORMED_PATH = '/\u0000malformed';

const LOCALE_PREFIX = new RegExp(`^/(${LOCALES.join('|')})(?=/|$)`);

/** The path of a URL string without parsing it whole (this runs on every request). */
function rawPath(url: string): string {
  const start = url.indexOf('/', url.indexOf('://') + 3);
  if (start === -1) return '/';
  const q = url.indexOf('?', start);
  return q === -1 ? url.slice(start) : url.slice(start, q);
}

/** The language a request asked for in its path, if any. */
export function pathLocale(pathname: string): Locale | undefined {
  const m = LOCALE_PREFIX.exec(pathname);
  return m && isLocale(m[1]) ? m[1] : undefined;
}

/** Dispatches the domain events due, then sends the mail due. Never throws: the worker retries what is left. */
export async function afterCommit(deps: Deps, subscribers = subscribersOf(MODULES)): Promise<void> {
  const db = deps.database.db;
  try {
    await dispatchEvents(db, subscribers, deps.now());
  } catch (e) {
    deps.log.warn('event dispatch failed', errorFields(e));
  }
  void drainOutbox(db, deps.mailer, deps.now(), { baseUrl: deps.config.baseUrl }).catch((e: unknown) => deps.log.warn('outbox drain failed', errorFields(e)));
}

export function createApp(deps: Deps): Hono<AppEnv> {
  // The privacy module exports and erases a person's data through the manifests' personalData hooks.
  usePersonalDataOf(MODULES);
  // "Waiting on you" (home) gathers what waits on a person through the manifests' waiting hooks.
  useWaitingOf(MODULES);
  // Routing ignores the language prefix: /fr/organisations is routed as /organisations.
  const app = new Hono<AppEnv>({
    getPath: (req) => {
      const url = req.url;
      const start = url.indexOf('/', url.indexOf('://') + 3);
      const q = url.indexOf('?', start);
      let path: string;
      try {
        path = decodeURI(q === -1 ? url.slice(start) : url.slice(start, q));
      } catch {
        // A malformed percent-encoding (`/%E0%A4%A`): answered by the 400 route below, through every middleware.
        return MALFORMED_PATH;
      }
      return path.replace(LOCALE_PREFIX, '') || '/';
    },
  });
  const { config } = deps;
  configureScanner(config.fileScanCommand);
  const isApi = (path: string) => path.startsWith('/api/');

  // The favicon (SVG, the mark of platform/html/logo.ts): from this host only, cached for a day.
  app.get('/favicon.svg', (c) => {
    c.header('Content-Type', 'image/svg+xml');
    c.header('Cache-Control', 'public, max-age=86400');
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(FAVICON_SVG);
  });
  app.get(CSS_PATH, (c) => {
    const gz = /\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '');
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Vary', 'Accept-Encoding');
    if (gz) {
      c.header('Content-Encoding', 'gzip');
      return c.body(new Uint8Array(CSS_GZ));
    }
    return c.body(CSS);
  });

  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('requestId', randomUUID());
    c.set('user', null);
    c.set('sessionIdHash', null);
    c.set('viaToken', false);
    let ip = '127.0.0.1';
    if (config.trustProxy) ip = c.req.header('X-Forwarded-For')?.split(',')[0]?.trim() || ip;
    else ip = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress ?? ip; // in-process requests (tests) have no socket
    c.set('ip', ip);
    // Provisional language (path, cookie, Accept-Language) so that errors raised before the
    // session is read are translated, and so that the page cache can key on it.
    const lang = c.req.header('Cookie') ? getCookie(c, 'lang') : undefined;
    const provisional = pathLocale(rawPath(c.req.url)) ?? (isLocale(lang) ? lang : undefined) ?? negotiateLocale(c.req.header('Accept-Language')) ?? 'en';
    c.set('locale', provisional);
    c.set('t', i18n().translator(provisional));
    await next();
  });
  app.use('*', securityHeaders({ production: config.env === 'production' }));
  // An address over the platform's limit: its own 414 page in the person's language, before routing.
  app.use('*', uriLimit());
  // For load balancers: after the security headers (SECURITY.md 29), before the rate limit and the session.
  app.get('/healthz', async (c) => {
    try {
      await rows(deps.database.db, sql`select 1 as ok`);
      return c.json({ status: 'ok' });
    } catch {
      return c.json({ status: 'unavailable' }, 503);
    }
  });

  app.use('*', compress({ threshold: 1024 }));
  app.use('*', rateLimit({ perMinute: config.rateLimitPerMinute, now: deps.now, db: deps.database.db, shared: deps.database.kind === 'postgres' }));
  // Visitors' views of the public lists come from a short cache (already compressed).
  if (config.pageCacheSeconds > 0)
    app.use('*', pageCache({ paths: /^\/(organisations|good-practices|calls|calls-for-requests|cooperation-approaches|funding)?$/, ttlMs: config.pageCacheSeconds * 1000, now: deps.now }));
  // Forms and JSON are small; upload routes (CVs, attachments) enforce their own, larger limits on
  // multipart bodies while streaming, so the general limit skips those (and only those).
  const generalLimit = bodyLimit({ maxSize: 2 * 1024 * 1024, onError: (c) => c.text('Payload Too Large', 413) });
  const UPLOAD_PATH = /^\/(requests\/[^/]+\/attachments|offers\/[^/]+\/cv|exchanges\/[^/]+\/documents)$/;
  const isMultipart = (c: { req: { header(n: string): string | undefined } }) => /^multipart\/form-data\b/i.test(c.req.header('Content-Type') ?? '');
  app.use('*', (c, next) => (c.req.method === 'POST' && UPLOAD_PATH.test(c.req.path) && isMultipart(c) ? next() : generalLimit(c, next)));
  app.use('*', crossSiteGuard({ tokenPosts: MODULES.flatMap((m) => m.tokenPosts ?? []) }));

  // Session, then language: path, cookie, the account's language, Accept-Language.
  app.use('*', async (c, next) => {
    const token = readSessionCookie(c, config.cookieSecure);
    if (token) {
      const s = await loadSession(deps.database.db, token, deps.now());
      if (s) {
        // A session waiting for its second factor is nobody yet, but for the code page (SECURITY.md 8).
        if (s.isPending2fa) c.set('pendingUser', s.user);
        else c.set('user', s.user);
        c.set('sessionIdHash', s.idHash);
      }
    }
    const fromPath = pathLocale(new URL(c.req.url).pathname);
    const cookie = getCookie(c, 'lang');
    const locale: Locale =
      fromPath ?? (isLocale(cookie) ? cookie : undefined) ?? c.get('user')?.locale ?? negotiateLocale(c.req.header('Accept-Language')) ?? 'en';
    if (fromPath && cookie !== fromPath && !isApi(c.req.path)) setCookie(c, 'lang', fromPath, { path: '/', sameSite: 'Lax', maxAge: 365 * 86400 });
    c.set('locale', locale);
    c.set('t', i18n().translator(locale));
    c.set('ctx', contextOf(c));
    await next();
  });

  // Control characters (NUL…) in a query or a form are refused before any route runs.
  app.use('*', refuseControlChars());

  // After a state-changing request: hand what it recorded to the modules that subscribed (awaited,
  // so the next page shows their reactions), then send the mail queued (fire and forget: a failure
  // leaves the rows in the outbox, where the worker retries them). The one after-commit hook.
  const subscribers = subscribersOf(MODULES);
  useSlotsOf(MODULES);
  app.use('*', async (c, next) => {
    await next();
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return;
    await afterCommit(deps, subscribers);
  });

  app.all(MALFORMED_PATH, (c) => {
    const t = c.get('t');
    if (isApi(rawPath(c.req.url))) return c.json({ error: { code: 'bad_path', message: t('platform.error.badRequest') } }, 400);
    return errorPage(c, 400, t('platform.error.title'), t('platform.error.badRequest'));
  });
  for (const m of MODULES) if (m.middleware) app.use('*', m.middleware());
  for (const m of MODULES) if (m.pages) app.route('/', m.pages());
  for (const m of MODULES) if (m.api) app.route('/api/v1', m.api());

  app.notFound((c) => {
    const t = c.get('t');
    if (isApi(c.req.path)) return c.json({ error: { code: 'not_found', message: t('platform.error.notFound') } }, 404);
    return errorPage(c, 404, t('platform.error.notFoundTitle'), t('platform.error.notFound'));
  });

  app.onError((err, c) => {
    const t = c.get('t') ?? i18n().translator('en');
    if (err instanceof AppError) {
      // Not signed in, on a page: the sign-in page, then back here. A service's own refusal of a visitor's
      // form post stays a 401 (there is no page to come back to).
      if (err instanceof UnauthorizedError && !isApi(c.req.path) && (err instanceof SignInRequired || c.req.method === 'GET' || c.req.method === 'HEAD')) return signInRedirect(c);
      if (err instanceof RateLimitError) c.header('Retry-After', String(err.retryAfter));
      const message =
        err.status === 404
          ? t('platform.error.notFound')
          : err.status === 403
            ? t('platform.error.forbidden')
            : err.status === 401
              ? t('platform.error.unauthorized')
              : err.status === 429
                ? t('platform.error.rateLimited')
                : err.status === 413
                  ? t('platform.error.tooLarge')
                  : err.code === 'bad_body'
                    ? t('platform.error.badBody')
                    : t('platform.error.badRequest');
      if (isApi(c.req.path)) {
        const fields = err instanceof ValidationError ? Object.fromEntries(Object.entries(err.fields).map(([f, k]) => [f, t(k)])) : undefined;
        return c.json({ error: { code: err.code, message, ...(fields ? { fields } : {}) } }, err.status as 400);
      }
      const title = err.status === 404 ? t('platform.error.notFoundTitle') : t('platform.error.title');
      // Invalid input that reached no form (a query parameter, a control character): name each field and its problem.
      const fieldList =
        err instanceof ValidationError && Object.keys(err.fields).length
          ? html`<ul>${Object.entries(err.fields).map(([field, key]) => html`<li>${t('platform.error.field', { field, message: t(key) })}</li>`)}</ul>`
          : undefined;
      return errorPage(c, err.status, title, message, fieldList);
    }
    const id = c.get('requestId') ?? randomUUID();
    // The database or the disk is away: try again shortly (503), not a bug (500). Nothing is half-written: writes are transactions.
    if (isUnavailableError(err)) {
      deps.log.warn('resource unavailable', { requestId: id, method: c.req.method, path: c.req.path, ...errorFields(err) });
      c.header('Retry-After', String(RETRY_AFTER_S));
      if (isApi(c.req.path ?? '')) return c.json({ error: { code: 'unavailable', message: t('platform.error.unavailable'), reference: id } }, 503);
      return errorPage(c, 503, t('platform.error.unavailableTitle'), t('platform.error.unavailable'));
    }
    deps.log.error('unhandled error', { requestId: id, method: c.req.method, path: c.req.path, ...errorFields(err) });
    if (isApi(c.req.path ?? '')) return c.json({ error: { code: 'internal', message: t('platform.error.internal'), reference: id } }, 500);
    return errorPage(c, 500, t('platform.error.title'), t('platform.error.internalRef', { reference: id }));
  });

  return app;
}
