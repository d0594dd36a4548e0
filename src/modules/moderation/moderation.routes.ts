/** Reporting content and the moderators' queue. Thin. */
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http.ts';
import { link, redirectTo, setFlash } from '../../platform/render.ts';
import { formBody, requireUser } from '../../platform/forms.ts';
import { safeNext } from '../../platform/redirect.ts';
import * as svc from './moderation.service.ts';
import * as v from './moderation.views.ts';

const FLASH = { already_reported: 'moderation.flash.already', own_content: 'moderation.flash.own', bad_reason: 'moderation.flash.badReason' } as const;

export function moderationRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.post('/reports', async (c) => {
    requireUser(c);
    const body = await formBody(c);
    // Where to go back to is settled before anything is written (a bad `back` never follows a stored report).
    const back = safeNext(body.back, c.get('locale')) ?? link(c, '/');
    const out = await svc.reportContent(c.var.ctx, {
      objectType: String(body.objectType ?? ''),
      objectId: String(body.objectId ?? ''),
      reason: String(body.reason ?? ''),
      note: String(body.note ?? ''),
    });
    setFlash(c, out.ok ? 'moderation.flash.reported' : FLASH[out.reason]);
    return c.redirect(back, 303);
  });
  r.get('/admin/moderation', async (c) => {
    requireUser(c);
    return v.queuePage(c, await svc.moderationQueue(c.var.ctx));
  });
  r.post('/admin/moderation/decide', async (c) => {
    requireUser(c);
    const body = await formBody(c);
    const out = await svc.decideOnContent(c.var.ctx, { objectType: String(body.objectType ?? ''), objectId: String(body.objectId ?? ''), decision: String(body.decision ?? '') });
    setFlash(c, out.ok ? 'moderation.flash.decided' : 'moderation.flash.notHidden');
    return redirectTo(c, '/admin/moderation');
  });
  return r;
}
