/** Exchange pages: list, plan from a match, the exchange's summary and its task pages (plan, terms, agenda, tasks, documents, messages, state moves, lesson, partnership), calendar, reports and the dashboard. Thin: parse, call a service, render. */
import { Hono } from 'hono';
import type { AppEnv, ServiceCtx } from '../../platform/http.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { download, link, redirectTo, setFlash } from '../../platform/render.ts';
import { formAction, formBody, readUpload, uploadLimit, requireUser, type FormBody } from '../../platform/forms.ts';
import type { FormState } from '../../platform/html/form.ts';
import * as svc from './exchanges.service.ts';
import * as tor from './exchanges.tor.service.ts';
import * as pages from './exchanges.page.service.ts';
import * as reporting from './exchanges.reporting.service.ts';
import * as partnerships from './exchanges.partnerships.service.ts';
import * as v from './exchanges.views.ts';
import * as dv from './exchanges.dashboard.views.ts';
import { reportPdf } from './exchanges.report.ts';
import { filesEnv, rejectionKey, rejectionStatus } from '../files/files.service.ts';
import { renderSlot } from '../../platform/slots.ts';
import type { ExchangeEvent } from './exchanges.workflow.ts';

declare module '../../platform/slots.ts' {
  interface Slots {
    /** Lines on an exchange's page (the associations module names the associations of its organisations). */
    'exchanges.page': { organisationIds: string[] };
  }
}

/** One field of a form as text ('' when absent). */
const field = (b: FormBody, name: string): string => {
  const x = b[name];
  return Array.isArray(x) ? (x.at(-1) ?? '') : (x ?? '');
};

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

  const planForm = async (c: Parameters<typeof v.planFormPage>[0], matchId: string, form: FormState, status: 200 | 400 = 200) => {
    const d = await svc.planDraftOf(c.var.ctx, matchId);
    return v.planFormPage(c, { title: d.title, action: `/exchanges/new?match=${encodeURIComponent(matchId)}`, form, isNew: true }, status);
  };

  r.get('/exchanges/new', async (c) => {
    const matchId = c.req.query('match') ?? '';
    const d = await svc.planDraftOf(c.var.ctx, matchId);
    if (d.existingId) return redirectTo(c, `/exchanges/${d.existingId}`);
    return planForm(c, matchId, { values: d.values, errors: {} });
  });

  r.post('/exchanges/new', async (c) => {
    const matchId = c.req.query('match') ?? '';
    return formAction(
      c,
      async (body) => {
        const out = await svc.planExchange(c.var.ctx, matchId, body, c.get('t'));
        setFlash(c, out.ok ? 'exchanges.flash.planned' : 'exchanges.flash.alreadyPlanned');
        return redirectTo(c, `/exchanges/${out.id}`);
      },
      (form, status) => planForm(c, matchId, form, status),
    );
  });

  r.get('/exchanges/dashboard', async (c) => dv.dashboardPage(c, await reporting.programmeDashboard(c.var.ctx, c.req.query('programme') ?? '')));

  r.get('/exchanges/dashboard.csv', async (c) => {
    const out = await reporting.programmeCsv(c.var.ctx, c.req.query('programme') ?? '');
    return download(c, { name: `exchanges-${out.name}.csv`, type: 'text/csv; charset=utf-8', bytes: out.csv });
  });

  r.get('/exchanges/:id/report', async (c) => dv.reportPage(c, await reporting.exchangeReport(c.var.ctx, c.req.param('id'))));

  r.get('/exchanges/:id/report.pdf', async (c) => {
    const report = await reporting.exchangeReport(c.var.ctx, c.req.param('id'));
    // No PDF in Arabic (see exchanges.report.ts): the printable page instead.
    if (!dv.pdfLocale(c.get('locale'))) return c.redirect(link(c, `/exchanges/${report.exchange.id}/report`), 303);
    const pdf = await reportPdf(report, c.get('t'), c.get('locale'));
    return download(c, { name: `exchange-report-${report.exchange.id}.pdf`, type: 'application/pdf', bytes: pdf });
  });

  r.get('/exchanges/:id', async (c) => {
    const x = await pages.exchangePage(c.var.ctx, c.req.param('id'));
    // Other modules' lines about the exchange (the associations its organisations belong to).
    return v.exchangePage(c, x, await renderSlot(c, 'exchanges.page', { organisationIds: x.organisationIds }));
  });

  // One page per task, each linked from the summary's task list; every form posts back and returns to the summary.
  r.get('/exchanges/:id/agenda', async (c) => v.agendaPage(c, await pages.exchangePage(c.var.ctx, c.req.param('id'))));
  r.get('/exchanges/:id/tasks', async (c) => v.tasksPage(c, await pages.exchangePage(c.var.ctx, c.req.param('id'))));
  r.get('/exchanges/:id/documents', async (c) => v.documentsPage(c, await pages.exchangePage(c.var.ctx, c.req.param('id'))));
  r.get('/exchanges/:id/messages', async (c) => v.messagesPage(c, await pages.exchangePage(c.var.ctx, c.req.param('id'))));
  for (const [ev, task] of Object.entries(v.MOVE_PAGES) as [ExchangeEvent, string][])
    r.get(`/exchanges/:id/${task}`, async (c) => {
      const x = await pages.exchangePage(c.var.ctx, c.req.param('id'));
      // Only the secretariat moves the state (as POST /transitions).
      if (!x.can.transition) throw new NotFoundError();
      return v.movePage(c, x, ev);
    });
  r.get('/exchanges/:id/lesson', async (c) => {
    const x = await pages.exchangePage(c.var.ctx, c.req.param('id'));
    if (!x.can.draftLesson) throw new NotFoundError();
    return v.lessonPage(c, x);
  });
  r.get('/exchanges/:id/partnership', async (c) => {
    const x = await pages.exchangePage(c.var.ctx, c.req.param('id'));
    if (!x.can.proposePartnership) throw new NotFoundError();
    return v.partnershipPage(c, x);
  });

  r.get('/exchanges/:id/plan', async (c) => {
    const p = await svc.getPlanForEdit(c.var.ctx, c.req.param('id'));
    return v.planFormPage(c, { title: p.exchange.title, action: `/exchanges/${p.exchange.id}/plan`, form: { values: p.values, errors: {} }, isNew: false });
  });

  r.post('/exchanges/:id/plan', async (c) => {
    const id = c.req.param('id');
    return formAction(
      c,
      async (body) => {
        await svc.updatePlan(c.var.ctx, id, body);
        setFlash(c, 'exchanges.flash.planSaved');
        return redirectTo(c, `/exchanges/${id}`);
      },
      async (form, status) => {
        const p = await svc.getPlanForEdit(c.var.ctx, id);
        return v.planFormPage(c, { title: p.exchange.title, action: `/exchanges/${id}/plan`, form, isNew: false }, status);
      },
    );
  });

  r.post('/exchanges/:id/transitions', async (c) => {
    const id = c.req.param('id');
    const out = await svc.moveExchange(c.var.ctx, id, field(await formBody(c), 'event'));
    if (out.ok) setFlash(c, 'exchanges.flash.moved');
    else if (out.reason === 'tor_not_agreed') setFlash(c, 'exchanges.flash.torNotAgreed');
    else if (out.reason === 'not_started') setFlash(c, 'exchanges.flash.notStarted');
    else setFlash(c, 'exchanges.flash.notAllowed');
    return redirectTo(c, `/exchanges/${id}`);
  });

  r.get('/exchanges/:id/calendar.ics', async (c) => {
    const ics = await pages.exchangeCalendar(c.var.ctx, c.req.param('id'), c.get('t'));
    c.header('Content-Type', 'text/calendar; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="exchange.ics"');
    c.header('Cache-Control', 'no-store');
    return c.body(ics);
  });

  // The task pages' forms: on invalid input the task's page again, with the form's errors; done, the summary with a notice.
  const pagePost = (path: string, action: (ctx: ServiceCtx, id: string, body: FormBody) => Promise<void>, view: typeof v.agendaPage, flash: string) =>
    r.post(path, async (c) => {
      const id = c.req.param('id') ?? '';
      return formAction(
        c,
        async (body) => {
          await action(c.var.ctx, id, body);
          setFlash(c, flash);
          return redirectTo(c, `/exchanges/${id}`);
        },
        async (form, status) => view(c, await pages.exchangePage(c.var.ctx, id), form, status),
      );
    });
  pagePost('/exchanges/:id/messages', pages.postMessage, v.messagesPage, 'exchanges.flash.messageSent');
  pagePost('/exchanges/:id/agenda', pages.addAgendaItem, v.agendaPage, 'exchanges.flash.agendaAdded');
  pagePost('/exchanges/:id/tasks', pages.addTask, v.tasksPage, 'exchanges.flash.taskAdded');

  r.post('/exchanges/:id/tasks/:taskId', async (c) => {
    const id = c.req.param('id');
    await pages.setTaskDone(c.var.ctx, id, c.req.param('taskId'), field(await formBody(c), 'done') === 'true');
    // Ticking tasks off one after another: back to the list of tasks.
    return redirectTo(c, `/exchanges/${id}/tasks`);
  });

  r.post('/exchanges/:id/documents', uploadLimit(pages.MAX_DOCUMENT_BYTES), async (c) => {
    const ctx = c.var.ctx;
    const id = c.req.param('id');
    const { upload } = await readUpload(c);
    if (!upload) return v.documentsPage(c, await pages.exchangePage(ctx, id), { values: {}, errors: { file: 'exchanges.document.missing' } }, 400);
    const out = await pages.addDocument(ctx, filesEnv(c), id, upload);
    if (!out.ok) return v.documentsPage(c, await pages.exchangePage(ctx, id), { values: {}, errors: { file: rejectionKey(out.reason) } }, rejectionStatus(out.reason));
    setFlash(c, 'exchanges.flash.documentAdded');
    return redirectTo(c, `/exchanges/${id}`);
  });

  r.get('/exchanges/:id/documents/:docId', async (c) => {
    const f = await pages.openDocument(c.var.ctx, filesEnv(c), c.req.param('id'), c.req.param('docId'));
    return download(c, { name: f.label, type: f.mime, bytes: f.bytes });
  });

  r.post('/exchanges/:id/lesson', async (c) => {
    const out = await svc.draftLesson(c.var.ctx, c.req.param('id'), c.get('t'));
    setFlash(c, 'exchanges.flash.lessonDrafted');
    return redirectTo(c, `/good-practices/${out.id}`);
  });

  r.post('/exchanges/:id/partnership', async (c) => {
    const out = await partnerships.proposePartnership(c.var.ctx, c.req.param('id'), field(await formBody(c), 'note'));
    if (out.ok || out.id) {
      setFlash(c, out.ok ? 'exchanges.flash.partnershipProposed' : 'exchanges.flash.partnershipExists');
      return redirectTo(c, `/partnerships/${out.id}`);
    }
    setFlash(c, 'exchanges.flash.partnershipNoPeer');
    return redirectTo(c, `/exchanges/${c.req.param('id')}`);
  });

  r.get('/exchanges/:id/terms', async (c) => {
    const q = c.req.query();
    return v.torPage(c, await tor.getTor(c.var.ctx, c.req.param('id'), { from: q.from, to: q.to }), null);
  });

  r.post('/exchanges/:id/terms', async (c) => {
    const id = c.req.param('id');
    return formAction(
      c,
      async (body) => {
        const out = await tor.writeTor(c.var.ctx, id, body);
        setFlash(c, out.ok ? 'exchanges.flash.torSaved' : out.reason === 'unchanged' ? 'exchanges.flash.torUnchanged' : 'exchanges.flash.torConflict');
        return redirectTo(c, `/exchanges/${id}/terms`);
      },
      async (form, status) => v.torPage(c, await tor.getTor(c.var.ctx, id), form, status),
    );
  });

  r.post('/exchanges/:id/terms/sign', async (c) => {
    const id = c.req.param('id');
    const version = Number(field(await formBody(c), 'version'));
    if (!Number.isInteger(version)) throw new NotFoundError();
    const out = await tor.signTor(c.var.ctx, id, version);
    setFlash(c, out.ok ? (out.agreed ? 'exchanges.flash.torAgreed' : 'exchanges.flash.signed') : out.reason === 'not_latest' ? 'exchanges.flash.notLatest' : 'exchanges.flash.alreadySigned');
    return redirectTo(c, `/exchanges/${id}/terms`);
  });

  return r;
}
