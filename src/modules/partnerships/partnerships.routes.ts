/** Partnership pages: the list, record, a partnership (confirm, invite, history, documents), open to cooperation, direct requests. Thin: parse, call a service, render. */
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http.ts';
import { redirectTo, setFlash, download } from '../../platform/render.ts';
import { emptyForm } from '../../platform/html/form.ts';
import { formAction, formBody, readUpload, uploadLimit, requireUser } from '../../platform/forms.ts';
import { filesEnv, rejectionKey, rejectionStatus, MISSING_FILE_KEY } from '../files/files.service.ts';
import * as svc from './partnerships.service.ts';
import * as v from './partnerships.views.ts';

export function partnershipsRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get('/partnerships', async (c) => v.listPage(c, await svc.listPartnerships(c.var.ctx, c.req.query())));

  r.get('/partnerships/new', async (c) => {
    requireUser(c);
    return v.recordPage(c, await svc.recordChoices(c.var.ctx, c.req.query('with')), emptyForm({ approaches: [] }));
  });
  r.post('/partnerships', async (c) => {
    requireUser(c);
    return formAction(
      c,
      async (body) => {
        const out = await svc.recordPartnership(c.var.ctx, body);
        setFlash(c, 'partnerships.flash.recorded');
        return redirectTo(c, `/partnerships/${out.id}`);
      },
      async (form, status) => v.recordPage(c, await svc.recordChoices(c.var.ctx, typeof form.values.partners === 'string' ? form.values.partners : undefined), form, status),
    );
  });

  r.get('/partnerships/:id', async (c) => v.partnershipPage(c, await svc.getPartnership(c.var.ctx, c.req.param('id'))));

  r.post('/partnerships/:id/confirm', async (c) => {
    requireUser(c);
    const id = c.req.param('id');
    const out = await svc.confirmPartnership(c.var.ctx, id, await formBody(c));
    setFlash(c, out.ok ? (out.active ? 'partnerships.flash.active' : 'partnerships.flash.confirmed') : 'partnerships.flash.notAllowed');
    return redirectTo(c, `/partnerships/${id}`);
  });

  r.post('/partnerships/:id/partners', async (c) => {
    requireUser(c);
    const id = c.req.param('id');
    return formAction(
      c,
      async (body) => {
        const out = await svc.invitePartner(c.var.ctx, id, body);
        if (!out.ok) return v.partnershipPage(c, await svc.getPartnership(c.var.ctx, id), { invite: emptyForm(body), choices: out.choices });
        setFlash(c, 'partnerships.flash.invited');
        return redirectTo(c, `/partnerships/${id}`);
      },
      async (form, status) => v.partnershipPage(c, await svc.getPartnership(c.var.ctx, id), { invite: form }, status),
    );
  });

  r.post('/partnerships/:id/history', async (c) => {
    requireUser(c);
    const id = c.req.param('id');
    return formAction(
      c,
      async (body) => {
        await svc.addEntry(c.var.ctx, id, body);
        setFlash(c, 'partnerships.flash.entryAdded');
        return redirectTo(c, `/partnerships/${id}`);
      },
      async (form, status) => v.partnershipPage(c, await svc.getPartnership(c.var.ctx, id), { entry: form }, status),
    );
  });

  r.post('/partnerships/:id/documents', uploadLimit(svc.DOCUMENT_MAX_BYTES), async (c) => {
    requireUser(c);
    const id = c.req.param('id');
    const { upload } = await readUpload(c);
    const out = await svc.addDocument(c.var.ctx, filesEnv(c), id, upload);
    if (out.ok) {
      setFlash(c, 'partnerships.flash.documentAdded');
      return redirectTo(c, `/partnerships/${id}`);
    }
    const key = out.reason === 'missing' ? MISSING_FILE_KEY : rejectionKey(out.reason);
    return v.partnershipPage(c, await svc.getPartnership(c.var.ctx, id), { document: key }, out.reason === 'missing' ? 400 : rejectionStatus(out.reason));
  });

  r.get('/partnerships/:id/documents/:doc', async (c) => {
    requireUser(c);
    const f = await svc.openDocument(c.var.ctx, filesEnv(c), c.req.param('id'), c.req.param('doc'));
    return download(c, { name: f.label, type: f.mime, bytes: f.bytes });
  });

  // Open to cooperation (Cities4Cities).
  r.get('/open-to-cooperation', async (c) => {
    const theme = c.req.query('theme') || null;
    return v.openPage(c, await svc.openOrganisations(c.var.ctx, theme, 200), theme);
  });
  r.get('/organisations/:id/open-to-cooperation', async (c) => {
    requireUser(c);
    const id = c.req.param('id');
    const o = await svc.openingForEdit(c.var.ctx, id);
    return v.openingFormPage(c, id, emptyForm(o ? { open: 'on', themes: o.themes, statement: o.statement } : { themes: [] }));
  });
  r.post('/organisations/:id/open-to-cooperation', async (c) => {
    requireUser(c);
    const id = c.req.param('id');
    return formAction(
      c,
      async (body) => {
        const out = await svc.setOpening(c.var.ctx, id, body);
        setFlash(c, out.open ? 'partnerships.flash.open' : 'partnerships.flash.closed');
        return redirectTo(c, `/organisations/${id}`);
      },
      async (form, status) => v.openingFormPage(c, id, form, status),
    );
  });

  // Direct cooperation requests.
  r.get('/organisations/:id/cooperation-request', async (c) => {
    requireUser(c);
    const suggest = c.req.query('suggest') || undefined;
    return v.requestFormPage(c, await svc.requestForm(c.var.ctx, c.req.param('id'), suggest), emptyForm({ theme: suggest ?? '', suggest: suggest ?? '' }));
  });
  r.post('/organisations/:id/cooperation-request', async (c) => {
    requireUser(c);
    const id = c.req.param('id');
    return formAction(
      c,
      async (body) => {
        const out = await svc.sendRequest(c.var.ctx, id, body);
        setFlash(c, 'partnerships.flash.requestSent');
        return redirectTo(c, `/cooperation-requests/${out.id}`);
      },
      async (form, status) => v.requestFormPage(c, await svc.requestForm(c.var.ctx, id), form, status),
    );
  });
  r.get('/cooperation-requests', async (c) => {
    requireUser(c);
    return v.inboxPage(c, await svc.myRequests(c.var.ctx));
  });
  r.get('/cooperation-requests/:id', async (c) => {
    requireUser(c);
    return v.requestPage(c, await svc.getRequest(c.var.ctx, c.req.param('id')));
  });
  r.post('/cooperation-requests/:id/answer', async (c) => {
    requireUser(c);
    const id = c.req.param('id');
    return formAction(
      c,
      async (body) => {
        const out = await svc.answerRequest(c.var.ctx, id, body);
        setFlash(c, out.state === 'accepted' ? 'partnerships.flash.requestAccepted' : 'partnerships.flash.requestDeclined');
        return redirectTo(c, out.partnershipId ? `/partnerships/${out.partnershipId}` : `/cooperation-requests/${id}`);
      },
      async (form, status) => v.requestPage(c, await svc.getRequest(c.var.ctx, id), form, status),
    );
  });
  return r;
}
