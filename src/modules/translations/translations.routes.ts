/**
 * The reader's "originals first" preference (issue 14: "a preference to always see originals
 * first"): a cookie, so visitors have it too; set and cleared by a button in the translation notice.
 */
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import type { AppEnv } from '../../platform/http.ts';
import { formBody } from '../../platform/forms.ts';
import { safeNext } from '../../platform/redirect.ts';
import { ORIGINALS_COOKIE } from '../../platform/html/user-content.ts';

/** A year: a reading preference, not a session. */
const MAX_AGE_S = 365 * 86_400;

export function translationsRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.post('/translations/originals', async (c) => {
    const body = await formBody(c);
    const on = body.on === '1';
    const secure = new URL(c.req.url).protocol === 'https:' || c.var.deps.config.baseUrl.startsWith('https:');
    setCookie(c, ORIGINALS_COOKIE, on ? '1' : '0', { path: '/', httpOnly: true, secure, sameSite: 'Lax', maxAge: MAX_AGE_S });
    const locale = c.get('locale');
    const back = safeNext(body.next, locale) ?? `/${locale}`;
    // Back to the page, without a one-off `?original=` that would hide the new preference.
    return c.redirect(back.replace(/[?&]original=[01]$/, ''), 303);
  });
  return r;
}
