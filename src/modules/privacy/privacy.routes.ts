/**
 * Routes of the privacy module: /privacy (notice, consent, withdrawal), /account/data ("download my
 * data"), /account/delete (deleting one's account). The consent gates are in privacy.service.ts.
 */
import { Hono } from 'hono';
import type { AppEnv, Ctx } from '../../platform/http.ts';

import { download, link, redirectTo, setFlash } from '../../platform/render.ts';
import { formAction, formBody, requireUser } from '../../platform/forms.ts';
import { emptyForm } from '../../platform/html/form.ts';
import { clearSessionCookie } from '../../platform/session.ts';
import { safeNext } from '../../platform/redirect.ts';
import * as svc from './privacy.service.ts';
import * as v from './privacy.views.ts';

const env = (c: Ctx): svc.PrivacyEnv => ({ dataDir: c.get('deps').config.dataDir });

export function privacyRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get('/privacy', async (c) => v.noticePage(c, c.get('user') ? await svc.myConsents(c.var.ctx) : null));

  r.get('/privacy/consent', async (c) => {
    requireUser(c);
    const ctx = c.var.ctx;
    return v.consentPage(c, safeNext(c.req.query('next'), c.get('locale')) ?? link(c, '/privacy'), (await svc.myConsents(ctx)).state);
  });

  r.post('/privacy/consent', async (c) => {
    requireUser(c);
    const body = await formBody(c);
    // Where to go next is settled before the consent is written: a bad `next` never follows a stored consent.
    const next = safeNext(body.next, c.get('locale')) ?? link(c, '/privacy');
    await svc.giveConsent(c.var.ctx);
    setFlash(c, 'privacy.consent.given');
    return c.redirect(next, 303);
  });

  r.post('/privacy/withdraw', async (c) => {
    requireUser(c);
    await svc.withdrawConsent(c.var.ctx);
    setFlash(c, 'privacy.consent.withdrawn');
    return redirectTo(c, '/privacy');
  });

  r.get('/account/data', async (c) => {
    requireUser(c);
    return v.dataPage(c, await svc.listExports(c.var.ctx));
  });

  r.post('/account/data', async (c) => {
    requireUser(c);
    await svc.requestExport(c.var.ctx, env(c));
    setFlash(c, 'privacy.data.ready');
    return redirectTo(c, '/account/data');
  });

  // Deleting one's account (SECURITY.md 33): the current password, then the erasure in one transaction.
  r.get('/account/delete', (c) => {
    requireUser(c);
    return v.deletePage(c, emptyForm());
  });

  r.post('/account/delete', (c) => {
    requireUser(c);
    return formAction(
      c,
      async (body) => {
        await svc.deleteMyAccount(c.var.ctx, env(c), body);
        clearSessionCookie(c, c.get('deps').config.cookieSecure);
        setFlash(c, 'privacy.delete.done');
        return redirectTo(c, '/');
      },
      (form, status) => v.deletePage(c, form, status),
    );
  });

  r.get('/data-exports/:id', async (c) => {
    const f = await svc.openExport(c.var.ctx, env(c), c.req.param('id'));
    return download(c, { name: f.name, type: 'application/zip', bytes: f.bytes });
  });

  return r;
}
