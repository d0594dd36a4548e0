/** Reporting content and the moderators' queue. Thin. */
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http.ts';
import { redirectTo, setFlash } from '../../platform/render.ts';
import { formBody, requireUser } from '../../platform/forms.ts';
import { safeNext } from '../accounts/accounts.service.ts';
import * as svc from './moderation.service.ts';
import * as v from './moderation.views.ts';

const FLASH = { already_reported: 'moderation.flash.already', own_content: 'moderation.flash.own', bad_reason: 'moderation.flash.badReason' } as const;

export function moderationRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.post('/reports', async (c) => {
    requireUser(c);
    const body = await formBody(c);
    const out = await svc.reportContent(c.var.ctx, {
      objectType: String(body.objectType ?? ''),
      objectId: String(body.objectId ?? ''),
      reason: String(body.reason ?? ''),
      note: String(body.note ?? ''),
    });
    setFlash(c, out.ok ? 'moderation.flash.reported' : FLASH[out.reason]);
    return redirectTo(c, safeNext(body.back) ?? '/');
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
