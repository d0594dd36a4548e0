/** Association pages: members, members' exchanges, requests to confirm, lessons briefs. Thin: parse, call the service, render. */
import { Hono } from 'hono';
import type { AppEnv, Ctx } from '../../platform/http.ts';
import { redirectTo, setFlash } from '../../platform/render.ts';
import { formAction, formBody, requireUser } from '../../platform/forms.ts';
import { ValidationError } from '../../platform/errors.ts';
import * as svc from './associations.service.ts';
import * as v from './associations.views.ts';
import { briefPdf } from './associations.pdf.ts';

export function associationsRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get('/associations', async (c) => {
    requireUser(c);
    return v.myAssociationsPage(c, await svc.myAssociations(c.var.ctx), (await svc.pendingRequests(c.var.ctx)).length);
  });

  r.get('/associations/requests', async (c) => {
    requireUser(c);
    return v.requestsPage(c, await svc.pendingRequests(c.var.ctx));
  });

  r.post('/associations/links/:id/decide', async (c) => {
    requireUser(c);
    const body = await formBody(c);
    const out = await svc.decideLink(c.var.ctx, c.req.param('id'), body.decision);
    setFlash(c, out.ok ? (body.decision === 'confirm' ? 'associations.flash.confirmed' : 'associations.flash.declined') : 'associations.flash.already');
    return redirectTo(c, '/associations/requests');
  });

  r.post('/associations/links/:id/remove', async (c) => {
    requireUser(c);
    const out = await svc.removeLink(c.var.ctx, c.req.param('id'));
    setFlash(c, 'associations.flash.removed');
    return redirectTo(c, `/associations/${out.associationId}`);
  });

  const searchOf = async (c: Ctx, id: string) => {
    const q = (c.req.query('q') ?? '').slice(0, 100);
    return { q, results: q ? await svc.memberCandidates(c.var.ctx, id, q) : [] };
  };

  r.get('/associations/:id', async (c) => {
    requireUser(c);
    const id = c.req.param('id');
    const a = await svc.associationPage(c.var.ctx, id);
    return v.associationPage(c, a, a.canManage ? await searchOf(c, id) : { q: '', results: [] });
  });

  r.post('/associations/:id/members', async (c) => {
    requireUser(c);
    const id = c.req.param('id');
    try {
      const out = await svc.requestLink(c.var.ctx, id, await formBody(c));
      setFlash(c, out.ok ? 'associations.flash.asked' : 'associations.flash.exists');
      return redirectTo(c, `/associations/${id}`);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      return v.associationPage(c, await svc.associationPage(c.var.ctx, id), { q: '', results: [] }, { values: {}, errors: e.fields }, 400);
    }
  });

  r.get('/associations/:id/exchanges/:exchangeId/brief', async (c) => {
    requireUser(c);
    return v.briefFormPage(c, await svc.briefFormData(c.var.ctx, c.req.param('id'), c.req.param('exchangeId')), { values: { recipients: '' }, errors: {} });
  });

  r.post('/associations/:id/exchanges/:exchangeId/brief', async (c) => {
    requireUser(c);
    const [id, exchangeId] = [c.req.param('id'), c.req.param('exchangeId')];
    return formAction(
      c,
      async (body) => {
        const out = await svc.createBrief(c.var.ctx, id, exchangeId, body);
        setFlash(c, 'associations.flash.briefQueued');
        return redirectTo(c, `/briefs/${out.id}`);
      },
      async (form, status) => v.briefFormPage(c, await svc.briefFormData(c.var.ctx, id, exchangeId), form, status),
    );
  });

  r.get('/briefs/:id', async (c) => v.briefPage(c, await svc.briefView(c.var.ctx, c.req.param('id'))));

  r.get('/briefs/:id/pdf', async (c) => {
    const view = await svc.briefView(c.var.ctx, c.req.param('id'));
    const pdf = await briefPdf(view, c.get('locale'));
    if (!pdf) return redirectTo(c, `/briefs/${view.id}`);
    return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="lessons-brief.pdf"' });
  });

  return r;
}
