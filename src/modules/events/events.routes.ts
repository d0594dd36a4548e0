/**
 * Events pages: /events with filters, its Atom feed and calendars (/events.ics and a network's),
 * an event's page with registration, the organiser's form, management (registrations, attendance,
 * report, documents, a good-practice draft). Thin: parse, call a service, render. Its JSON: events.api.ts.
 */
import { Hono } from 'hono';
import { Feed } from 'feed';
import type { AppEnv, Ctx } from '../../platform/http.ts';
import { href } from '../../platform/http.ts';
import { redirectTo, setFlash, download } from '../../platform/render.ts';
import { emptyForm } from '../../platform/html/form.ts';
import { formAction, formBody, readUpload, requireUser, uploadLimit } from '../../platform/forms.ts';
import { ValidationError } from '../../platform/errors.ts';
import { filesEnv, MAX_BYTES, rejectionKey, rejectionStatus, MISSING_FILE_KEY } from '../files/files.service.ts';
import * as svc from './events.service.ts';
import * as v from './events.views.ts';
import { readerViewFor } from '../translations/translations.service.ts';

const envOf = (c: Ctx): svc.EventsEnv => ({ baseUrl: c.get('deps').config.baseUrl });
const ownerQuery = (c: Ctx) => ({ network: c.req.query('network'), programmeId: c.req.query('programmeId') });
const ownerQs = (c: Ctx) => new URLSearchParams(Object.entries(ownerQuery(c)).filter(([, x]) => x) as [string, string][]).toString();

function calendar(c: Ctx, text: string, name: string): Response {
  c.header('Content-Type', 'text/calendar; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="${name}"`);
  return c.body(text);
}

export function eventsRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get('/events', async (c) => v.listPage(c, await svc.listEvents(c.var.ctx, c.req.query())));

  r.get('/events/feed.atom', async (c) => {
    const ctx = c.var.ctx;
    const t = c.get('t');
    const base = c.get('deps').config.baseUrl.replace(/\/$/, '');
    const { items } = await svc.listEvents(ctx, { when: 'upcoming' });
    const feed = new Feed({
      title: t('events.list.title'),
      id: `${base}${href(ctx.locale, '/events')}`,
      link: `${base}${href(ctx.locale, '/events')}`,
      language: ctx.locale,
      copyright: 'Peerlink',
      updated: items.reduce((d, x) => (x.startsAt > d ? x.startsAt : d), new Date(0)),
    });
    for (const e of items)
      feed.addItem({
        title: e.state === 'cancelled' ? `${t('events.state.cancelled')}: ${e.title.text}` : e.title.text,
        id: `urn:uuid:${e.id}`,
        link: `${base}${href(ctx.locale, `/events/${e.id}`)}`,
        date: e.startsAt,
        description: `${v.formatLabel(t, e.format)} · ${e.startsAt.toISOString()}${e.place ? ` · ${e.place}` : ''}`,
      });
    c.header('Content-Type', 'application/atom+xml; charset=utf-8');
    return c.body(feed.atom1());
  });

  r.get('/events.ics', async (c) => calendar(c, await svc.calendarOf(c.var.ctx, envOf(c), c.get('t')), 'peerlink-events.ics'));

  r.get('/networks/:slug/events.ics', async (c) => calendar(c, await svc.calendarOf(c.var.ctx, envOf(c), c.get('t'), c.req.param('slug')), 'peerlink-network-events.ics'));

  r.get('/events/new', async (c) => {
    requireUser(c);
    const owner = await svc.ownerFor(c.var.ctx, ownerQuery(c));
    const now = c.var.ctx.now;
    return v.formPage(c, { owner, ownerQuery: ownerQs(c) }, emptyForm({ format: 'online', lang: c.get('locale'), languages: [c.get('locale')], timeZone: 'UTC', capacity: '30', registrationOpensDate: now.toISOString().slice(0, 10), registrationOpensTime: '00:00' }));
  });

  r.post('/events', async (c) => {
    requireUser(c);
    const owner = await svc.ownerFor(c.var.ctx, ownerQuery(c));
    return formAction(
      c,
      async (body) => {
        const out = await svc.createEvent(c.var.ctx, ownerQuery(c), body);
        setFlash(c, 'events.create.done');
        return redirectTo(c, `/events/${out.id}/manage`);
      },
      (form, status) => v.formPage(c, { owner, ownerQuery: ownerQs(c) }, form, status),
    );
  });

  r.get('/events/:id', async (c) => {
    const e = await svc.getEvent(c.var.ctx, c.req.param('id'));
    // The title and description in the reader's language (machine translated in the background, labelled; issue 14).
    const shown = await readerViewFor(c, 'event', e.id, { title: e.title.text, description: e.description.text }, e.title.lang);
    return v.eventPage(c, e, c.req.query('tz') ?? null, shown);
  });

  r.get('/events/:id/event.ics', async (c) => calendar(c, await svc.eventCalendar(c.var.ctx, envOf(c), c.get('t'), c.req.param('id')), 'event.ics'));

  r.get('/events/:id/edit', async (c) => {
    requireUser(c);
    const { event, values } = await svc.editForm(c.var.ctx, c.req.param('id'));
    return v.formPage(c, { event }, emptyForm(values));
  });

  r.post('/events/:id', async (c) => {
    requireUser(c);
    const id = c.req.param('id');
    const { event } = await svc.editForm(c.var.ctx, id);
    return formAction(
      c,
      async (body) => {
        await svc.updateEvent(c.var.ctx, envOf(c), id, body);
        setFlash(c, 'events.edit.done');
        return redirectTo(c, `/events/${id}/manage`);
      },
      (form, status) => v.formPage(c, { event }, form, status),
    );
  });

  r.post('/events/:id/publish', async (c) => {
    requireUser(c);
    const id = c.req.param('id');
    try {
      const out = await svc.publishEvent(c.var.ctx, id);
      setFlash(c, out.ok ? 'events.publish.done' : 'events.publish.notProposed');
      return redirectTo(c, `/events/${id}`);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      setFlash(c, 'events.publish.incomplete');
      return redirectTo(c, `/events/${id}/edit`);
    }
  });

  r.post('/events/:id/cancel', async (c) => {
    requireUser(c);
    const id = c.req.param('id');
    const out = await svc.cancelEvent(c.var.ctx, envOf(c), id);
    setFlash(c, out.ok ? 'events.cancel.done' : 'events.cancel.already');
    return redirectTo(c, `/events/${id}/manage`);
  });

  r.post('/events/:id/register', async (c) => {
    requireUser(c);
    const id = c.req.param('id');
    const out = await svc.register(c.var.ctx, envOf(c), id, await formBody(c));
    setFlash(c, out.ok ? (out.state === 'confirmed' ? 'events.register.doneConfirmed' : 'events.register.doneWaitlisted') : out.reason === 'closed' ? 'events.register.refusedClosed' : out.reason === 'already_registered' ? 'events.register.refusedAlready' : 'events.register.membersOnly');
    return redirectTo(c, `/events/${id}`);
  });

  r.post('/events/:id/unregister', async (c) => {
    requireUser(c);
    const id = c.req.param('id');
    const out = await svc.unregister(c.var.ctx, envOf(c), id);
    setFlash(c, out.ok ? 'events.register.cancelled' : 'events.register.notRegistered');
    return redirectTo(c, `/events/${id}`);
  });

  r.get('/events/:id/manage', async (c) => {
    requireUser(c);
    return v.managePage(c, await svc.manageEvent(c.var.ctx, c.req.param('id')));
  });

  r.post('/events/:id/attendance', async (c) => {
    requireUser(c);
    const id = c.req.param('id');
    return formAction(
      c,
      async (body) => {
        const raw = body.attended;
        await svc.recordAttendance(c.var.ctx, id, raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]);
        setFlash(c, 'events.attendance.done');
        return redirectTo(c, `/events/${id}/manage`);
      },
      async (form, status) => v.managePage(c, await svc.manageEvent(c.var.ctx, id), form, status),
    );
  });

  r.post('/events/:id/report', async (c) => {
    requireUser(c);
    const id = c.req.param('id');
    return formAction(
      c,
      async (body) => {
        await svc.saveReport(c.var.ctx, id, body);
        setFlash(c, 'events.report.done');
        return redirectTo(c, `/events/${id}/manage`);
      },
      async (form, status) => v.managePage(c, await svc.manageEvent(c.var.ctx, id), form, status),
    );
  });

  r.post('/events/:id/documents', uploadLimit(MAX_BYTES.request_attachment), async (c) => {
    requireUser(c);
    const id = c.req.param('id');
    await svc.manageEvent(c.var.ctx, id);
    const { upload } = await readUpload(c);
    if (!upload) return v.managePage(c, await svc.manageEvent(c.var.ctx, id), { values: {}, errors: { report: MISSING_FILE_KEY } }, 400);
    const out = await svc.addDocument(c.var.ctx, filesEnv(c), id, upload);
    if (!out.ok) {
      const page = await v.managePage(c, await svc.manageEvent(c.var.ctx, id), { values: {}, errors: { report: rejectionKey(out.reason) } }, 400);
      return new Response(page.body, { status: rejectionStatus(out.reason), headers: page.headers });
    }
    setFlash(c, 'events.documents.done');
    return redirectTo(c, `/events/${id}/manage`);
  });

  r.get('/events/:id/documents/:docId', async (c) => {
    const f = await svc.openDocument(c.var.ctx, filesEnv(c), c.req.param('id'), c.req.param('docId'));
    return download(c, { name: f.label, type: f.mime, bytes: new Uint8Array(f.bytes) });
  });

  r.post('/events/:id/good-practice', async (c) => {
    requireUser(c);
    const out = await svc.draftGoodPractice(c.var.ctx, c.req.param('id'), c.get('t'));
    setFlash(c, 'events.goodPractice.done');
    return redirectTo(c, `/good-practices/${out.id}/edit`);
  });

  return r;
}
