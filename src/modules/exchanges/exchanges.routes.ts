/** Exchange pages: list, plan from a match, the exchange's page (agenda, tasks, messages, calendar), terms of reference. Thin: parse, call a service, render. */
import { Hono } from 'hono';
import type { AppEnv, Ctx } from '../../platform/http.ts';
import type { ServiceCtx } from '../../platform/http.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { download, link, redirectTo, setFlash } from '../../platform/render.ts';
import * as svc from './exchanges.service.ts';
import * as v from './exchanges.views.ts';
import * as dv from './exchanges.dashboard.views.ts';
import { reportPdf } from './exchanges.report.ts';
import { filesEnv, rejectionKey, rejectionStatus } from '../requests/requests.routes.ts';
import { readUpload, uploadLimit, requireUser } from '../../platform/forms.ts';

async function formBody(c: Ctx): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(body)) if (typeof val === 'string') out[k] = val;
  return out;
}

export function exchangesRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.use('/exchanges/*', async (c, next) => {
    // A copied document link without the session answers 404 (SECURITY 24), not a sign-in page.
    if (!/^\/exchanges\/[^/]+\/documents\/[^/]+$/.test(c.req.path)) requireUser(c);
    await next();
  });
  r.get('/exchanges', async (c) => {
    requireUser(c);
    return v.listPage(c, await svc.listExchanges(c.var.ctx));
  });

  r.get('/exchanges/new', async (c) => {
    const matchId = c.req.query('match') ?? '';
    const ctx = c.var.ctx;
    const d = await svc.planDraftOf(ctx, matchId);
    if (d.existingId) return redirectTo(c, `/exchanges/${d.existingId}`);
    return v.planFormPage(c, { title: d.title, action: `/exchanges/new?match=${encodeURIComponent(matchId)}`, form: { values: d.values, errors: {} }, isNew: true });
  });

  r.post('/exchanges/new', async (c) => {
    const matchId = c.req.query('match') ?? '';
    const ctx = c.var.ctx;
    const body = await formBody(c);
    try {
      const out = await svc.planExchange(ctx, matchId, body, c.get('t'));
      setFlash(c, out.ok ? 'exchanges.flash.planned' : 'exchanges.flash.alreadyPlanned');
      return redirectTo(c, `/exchanges/${out.id}`);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      const d = await svc.planDraftOf(ctx, matchId);
      return v.planFormPage(c, { title: d.title, action: `/exchanges/new?match=${encodeURIComponent(matchId)}`, form: { values: body, errors: e.fields }, isNew: true }, 400);
    }
  });

  r.get('/exchanges/dashboard', async (c) => dv.dashboardPage(c, await svc.programmeDashboard(c.var.ctx, c.req.query('programme') ?? '')));

  r.get('/exchanges/dashboard.csv', async (c) => {
    const out = await svc.programmeCsv(c.var.ctx, c.req.query('programme') ?? '');
    return download(c, { name: `exchanges-${out.name}.csv`, type: 'text/csv; charset=utf-8', bytes: out.csv });
  });

  r.get('/exchanges/:id/report', async (c) => dv.reportPage(c, await svc.exchangeReport(c.var.ctx, c.req.param('id'))));

  r.get('/exchanges/:id/report.pdf', async (c) => {
    const report = await svc.exchangeReport(c.var.ctx, c.req.param('id'));
    // No PDF in Arabic (see exchanges.report.ts): the printable page instead.
    if (!dv.pdfLocale(c.get('locale'))) return c.redirect(link(c, `/exchanges/${report.exchange.id}/report`), 303);
    const pdf = await reportPdf(report, c.get('t'), c.get('locale'));
    return download(c, { name: `exchange-report-${report.exchange.id}.pdf`, type: 'application/pdf', bytes: pdf });
  });

  r.get('/exchanges/:id', async (c) => v.exchangePage(c, await svc.getExchange(c.var.ctx, c.req.param('id'))));

  r.get('/exchanges/:id/plan', async (c) => {
    const p = await svc.getPlanForEdit(c.var.ctx, c.req.param('id'));
    return v.planFormPage(c, { title: p.exchange.title, action: `/exchanges/${p.exchange.id}/plan`, form: { values: p.values, errors: {} }, isNew: false });
  });

  r.post('/exchanges/:id/plan', async (c) => {
    const ctx = c.var.ctx;
    const id = c.req.param('id');
    const body = await formBody(c);
    try {
      await svc.updatePlan(ctx, id, body);
      setFlash(c, 'exchanges.flash.planSaved');
      return redirectTo(c, `/exchanges/${id}`);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      const p = await svc.getPlanForEdit(ctx, id);
      return v.planFormPage(c, { title: p.exchange.title, action: `/exchanges/${id}/plan`, form: { values: body, errors: e.fields }, isNew: false }, 400);
    }
  });

  r.post('/exchanges/:id/transitions', async (c) => {
    const id = c.req.param('id');
    const body = await formBody(c);
    const out = await svc.moveExchange(c.var.ctx, id, body.event ?? '');
    if (out.ok) setFlash(c, 'exchanges.flash.moved');
    else if (out.reason === 'tor_not_agreed') setFlash(c, 'exchanges.flash.torNotAgreed');
    else if (out.reason === 'not_started') setFlash(c, 'exchanges.flash.notStarted');
    else setFlash(c, 'exchanges.flash.notAllowed');
    return redirectTo(c, `/exchanges/${id}`);
  });

  r.get('/exchanges/:id/calendar.ics', async (c) => {
    const ics = await svc.exchangeCalendar(c.var.ctx, c.req.param('id'), c.get('t'));
    c.header('Content-Type', 'text/calendar; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="exchange.ics"');
    c.header('Cache-Control', 'no-store');
    return c.body(ics);
  });

  const pagePost = (path: string, action: (ctx: ServiceCtx, id: string, body: Record<string, string>) => Promise<void>, which: 'message' | 'agenda' | 'task', flash: string) =>
    r.post(path, async (c) => {
      const ctx = c.var.ctx;
      const id = c.req.param('id') ?? '';
      const body = await formBody(c);
      try {
        await action(ctx, id, body);
        setFlash(c, flash);
        return redirectTo(c, `/exchanges/${id}`);
      } catch (e) {
        if (!(e instanceof ValidationError)) throw e;
        return v.exchangePage(c, await svc.getExchange(ctx, id), { [which]: { values: body, errors: e.fields } }, 400);
      }
    });
  pagePost('/exchanges/:id/messages', (ctx, id, b) => svc.postMessage(ctx, id, b), 'message', 'exchanges.flash.messageSent');
  pagePost('/exchanges/:id/agenda', (ctx, id, b) => svc.addAgendaItem(ctx, id, b), 'agenda', 'exchanges.flash.agendaAdded');
  pagePost('/exchanges/:id/tasks', (ctx, id, b) => svc.addTask(ctx, id, b), 'task', 'exchanges.flash.taskAdded');

  r.post('/exchanges/:id/tasks/:taskId', async (c) => {
    const id = c.req.param('id');
    const body = await formBody(c);
    await svc.setTaskDone(c.var.ctx, id, c.req.param('taskId'), body.done === 'true');
    return redirectTo(c, `/exchanges/${id}`);
  });

  r.post('/exchanges/:id/documents', uploadLimit(svc.MAX_DOCUMENT_BYTES), async (c) => {
    const ctx = c.var.ctx;
    const id = c.req.param('id');
    const { upload } = await readUpload(c);
    if (!upload) return v.exchangePage(c, await svc.getExchange(ctx, id), { document: { values: {}, errors: { file: 'exchanges.document.missing' } } }, 400);
    const out = await svc.addDocument(ctx, filesEnv(c), id, upload);
    if (!out.ok) return v.exchangePage(c, await svc.getExchange(ctx, id), { document: { values: {}, errors: { file: rejectionKey(out.reason) } } }, rejectionStatus(out.reason));
    setFlash(c, 'exchanges.flash.documentAdded');
    return redirectTo(c, `/exchanges/${id}`);
  });

  r.get('/exchanges/:id/documents/:docId', async (c) => {
    const f = await svc.openDocument(c.var.ctx, filesEnv(c), c.req.param('id'), c.req.param('docId'));
    return download(c, { name: f.label, type: f.mime, bytes: f.bytes });
  });

  r.post('/exchanges/:id/lesson', async (c) => {
    const out = await svc.draftLesson(c.var.ctx, c.req.param('id'), c.get('t'));
    setFlash(c, 'exchanges.flash.lessonDrafted');
    return redirectTo(c, `/good-practices/${out.id}`);
  });

  r.post('/exchanges/:id/partnership', async (c) => {
    const body = await formBody(c);
    const out = await svc.proposePartnership(c.var.ctx, c.req.param('id'), body.note ?? '');
    if (out.ok || out.id) {
      setFlash(c, out.ok ? 'exchanges.flash.partnershipProposed' : 'exchanges.flash.partnershipExists');
      return redirectTo(c, `/partnerships/${out.id}`);
    }
    setFlash(c, 'exchanges.flash.partnershipNoPeer');
    return redirectTo(c, `/exchanges/${c.req.param('id')}`);
  });

  r.get('/partnerships/:id', async (c) => {
    requireUser(c);
    return v.partnershipPage(c, await svc.getPartnership(c.var.ctx, c.req.param('id')));
  });

  r.post('/partnerships/:id/accept', async (c) => {
    requireUser(c);
    const out = await svc.acceptPartnership(c.var.ctx, c.req.param('id'));
    setFlash(c, out.ok ? 'exchanges.flash.partnershipAccepted' : 'exchanges.flash.notAllowed');
    return redirectTo(c, `/partnerships/${c.req.param('id')}`);
  });

  r.post('/partnerships/:id/notes', async (c) => {
    requireUser(c);
    const ctx = c.var.ctx;
    const id = c.req.param('id');
    const body = await formBody(c);
    try {
      await svc.addPartnershipNote(ctx, id, body);
      return redirectTo(c, `/partnerships/${id}`);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      return v.partnershipPage(c, await svc.getPartnership(ctx, id), { values: body, errors: e.fields }, 400);
    }
  });

  r.get('/exchanges/:id/terms', async (c) => {
    const q = c.req.query();
    return v.torPage(c, await svc.getTor(c.var.ctx, c.req.param('id'), { from: q.from, to: q.to }), null);
  });

  r.post('/exchanges/:id/terms', async (c) => {
    const ctx = c.var.ctx;
    const id = c.req.param('id');
    const body = await formBody(c);
    try {
      const out = await svc.writeTor(ctx, id, body);
      setFlash(c, out.ok ? 'exchanges.flash.torSaved' : out.reason === 'unchanged' ? 'exchanges.flash.torUnchanged' : 'exchanges.flash.torConflict');
      return redirectTo(c, `/exchanges/${id}/terms`);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      return v.torPage(c, await svc.getTor(ctx, id), { values: body, errors: e.fields }, 400);
    }
  });

  r.post('/exchanges/:id/terms/sign', async (c) => {
    const id = c.req.param('id');
    const body = await formBody(c);
    const version = Number(body.version);
    if (!Number.isInteger(version)) throw new NotFoundError();
    const out = await svc.signTor(c.var.ctx, id, version);
    setFlash(c, out.ok ? (out.agreed ? 'exchanges.flash.torAgreed' : 'exchanges.flash.signed') : out.reason === 'not_latest' ? 'exchanges.flash.notLatest' : 'exchanges.flash.alreadySigned');
    return redirectTo(c, `/exchanges/${id}/terms`);
  });

  return r;
}
