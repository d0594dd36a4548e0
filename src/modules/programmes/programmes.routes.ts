/** Programme pages: open calls for requests (list, Atom feed, iCalendar), a programme's page and timeline, admin screens. Thin: parse, call a service, render. */
import { Hono } from 'hono';
import { Feed } from 'feed';
import ical from 'ical-generator';
import type { AppEnv, Ctx } from '../../platform/http.ts';
import { serviceCtx, href } from '../../platform/http.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { redirectTo, setFlash } from '../../platform/render.ts';
import { formBody, signInRedirect } from '../organisations/organisations.routes.ts';
import * as svc from './programmes.service.ts';
import * as v from './programmes.views.ts';

/** Space- or comma-separated codes typed in one field become a list. */
function splitCodes(body: Record<string, string | string[]>, ...names: string[]): Record<string, string | string[]> {
  const out = { ...body };
  for (const n of names) {
    const val = out[n];
    if (typeof val === 'string') out[n] = val.split(/[\s,;]+/).filter(Boolean);
  }
  return out;
}

/** A settings form sends every field: checkbox groups left empty mean "none". */
const settingsOf = async (c: Ctx) => splitCodes({ eligibleRegions: [], eligibleKinds: [], themes: [], formats: [], ...(await formBody(c)) }, 'eligibleCountries', 'languages');

export function programmesRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get('/calls-for-requests', async (c) => {
    const query = c.req.query();
    try {
      return v.openCallsPage(c, query, await svc.listOpenCalls(serviceCtx(c), query));
    } catch (e) {
      if (e instanceof ValidationError) return v.openCallsPage(c, query, null, e.fields, 400);
      throw e;
    }
  });

  r.get('/calls-for-requests/feed.atom', async (c) => {
    const ctx = serviceCtx(c);
    const t = c.get('t');
    const base = c.get('deps').config.baseUrl.replace(/\/$/, '');
    const list = await svc.upcomingDeadlines(ctx);
    const feed = new Feed({
      title: t('programmes.open.title'),
      id: `${base}${href(ctx.locale, '/calls-for-requests')}`,
      link: `${base}${href(ctx.locale, '/calls-for-requests')}`,
      language: ctx.locale,
      copyright: 'Peerlink',
      updated: list.reduce((d, x) => (x.round.createdAt > d ? x.round.createdAt : d), new Date(0)),
    });
    for (const x of list) {
      const url = `${base}${href(ctx.locale, `/programmes/${x.programme.slug}`)}`;
      feed.addItem({
        title: `${x.programme.name}: ${x.round.name}`,
        id: `urn:uuid:${x.round.id}`,
        link: url,
        date: x.round.createdAt,
        published: x.round.opensAt,
        description: t('programmes.round.deadline', { date: v.fmtDate(x.round.closesAt, ctx.locale, true) }),
      });
    }
    c.header('Content-Type', 'application/atom+xml; charset=utf-8');
    return c.body(feed.atom1());
  });

  r.get('/calls-for-requests/deadlines.ics', async (c) => {
    const ctx = serviceCtx(c);
    const t = c.get('t');
    const base = c.get('deps').config.baseUrl.replace(/\/$/, '');
    const cal = ical({ name: t('programmes.open.calendarName'), prodId: { company: 'Peerlink', product: 'deadlines', language: ctx.locale.toUpperCase() } });
    for (const x of await svc.upcomingDeadlines(ctx)) {
      cal.createEvent({
        id: `${x.round.id}@peerlink`,
        start: x.round.closesAt,
        end: x.round.closesAt,
        stamp: x.round.createdAt,
        summary: t('programmes.open.deadlineEvent', { name: `${x.programme.name}: ${x.round.name}` }),
        url: `${base}${href(ctx.locale, `/programmes/${x.programme.slug}`)}`,
      });
    }
    c.header('Content-Type', 'text/calendar; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="peerlink-deadlines.ics"');
    return c.body(cal.toString());
  });

  r.get('/programmes', async (c) => v.programmesListPage(c, await svc.listProgrammesPublic(serviceCtx(c))));

  r.get('/programmes/:slug', async (c) => v.programmePage(c, await svc.getProgrammePublic(serviceCtx(c), c.req.param('slug'))));

  r.get('/programmes/:slug/timeline', async (c) => v.timelinePage(c, await svc.getTimeline(serviceCtx(c), c.req.param('slug'))));

  r.post('/programmes/:slug/news', async (c) => {
    const slug = c.req.param('slug');
    const body = await formBody(c);
    try {
      await svc.postNews(serviceCtx(c), slug, body);
      setFlash(c, 'programmes.news.posted');
      return redirectTo(c, `/programmes/${slug}/timeline`);
    } catch (e) {
      if (e instanceof ValidationError) return v.timelinePage(c, await svc.getTimeline(serviceCtx(c), slug), { values: body, errors: e.fields }, 400);
      throw e;
    }
  });

  r.get('/admin/programmes', async (c) => {
    if (!c.get('user')) return signInRedirect(c);
    return v.adminListPage(c, await svc.listProgrammes(serviceCtx(c)));
  });

  r.get('/admin/programmes/new', async (c) => {
    if (!c.get('user')) return signInRedirect(c);
    await svc.listProgrammes(serviceCtx(c)); // permission check (404 for others)
    return v.newProgrammePage(c, { values: { formats: ['expert_assignment', 'work_placement', 'roundtable', 'study_visit', 'virtual_exchange'] }, errors: {} });
  });

  r.post('/admin/programmes', async (c) => {
    const body = await settingsOf(c);
    try {
      const out = await svc.createProgramme(serviceCtx(c), body);
      setFlash(c, 'programmes.admin.created');
      return redirectTo(c, `/admin/programmes/${out.id}`);
    } catch (e) {
      if (e instanceof ValidationError) return v.newProgrammePage(c, { values: body, errors: e.fields }, 400);
      throw e;
    }
  });

  r.get('/admin/programmes/:id', async (c) => {
    if (!c.get('user')) return signInRedirect(c);
    return v.adminProgrammePage(c, await svc.getProgrammeAdmin(serviceCtx(c), c.req.param('id')));
  });

  r.post('/admin/programmes/:id', async (c) => {
    const id = c.req.param('id');
    const body = await settingsOf(c);
    try {
      await svc.updateProgramme(serviceCtx(c), id, body);
      setFlash(c, 'programmes.admin.saved');
      return redirectTo(c, `/admin/programmes/${id}`);
    } catch (e) {
      if (e instanceof ValidationError) return v.adminProgrammePage(c, await svc.getProgrammeAdmin(serviceCtx(c), id), { settings: { values: body, errors: e.fields } }, 400);
      throw e;
    }
  });

  r.get('/admin/programmes/:id/weights', async (c) => {
    if (!c.get('user')) return signInRedirect(c);
    return v.weightsPage(c, await svc.getProgrammeWeights(serviceCtx(c), c.req.param('id')));
  });

  r.post('/admin/programmes/:id/weights', async (c) => {
    const id = c.req.param('id');
    const body = await formBody(c);
    try {
      await svc.updateProgrammeWeights(serviceCtx(c), id, body);
      setFlash(c, 'programmes.weights.saved');
      return redirectTo(c, `/admin/programmes/${id}/weights`);
    } catch (e) {
      if (e instanceof ValidationError) return v.weightsPage(c, await svc.getProgrammeWeights(serviceCtx(c), id), { values: body, errors: e.fields }, 400);
      throw e;
    }
  });

  r.post('/admin/programmes/:id/weights/reset', async (c) => {
    const id = c.req.param('id');
    await svc.resetProgrammeWeights(serviceCtx(c), id);
    setFlash(c, 'programmes.weights.resetDone');
    return redirectTo(c, `/admin/programmes/${id}/weights`);
  });

  r.post('/admin/programmes/:id/rounds', async (c) => {
    const id = c.req.param('id');
    const body = await formBody(c);
    try {
      await svc.addRound(serviceCtx(c), id, body);
      setFlash(c, 'programmes.round.added');
      return redirectTo(c, `/admin/programmes/${id}`);
    } catch (e) {
      if (e instanceof ValidationError) return v.adminProgrammePage(c, await svc.getProgrammeAdmin(serviceCtx(c), id), { round: { values: body, errors: e.fields } }, 400);
      throw e;
    }
  });

  r.post('/admin/programmes/:id/criteria', async (c) => {
    const id = c.req.param('id');
    const body = await formBody(c);
    try {
      await svc.addCriterion(serviceCtx(c), id, body);
      setFlash(c, 'programmes.criteria.added');
      return redirectTo(c, `/admin/programmes/${id}`);
    } catch (e) {
      if (e instanceof ValidationError) return v.adminProgrammePage(c, await svc.getProgrammeAdmin(serviceCtx(c), id), { criterion: { values: body, errors: e.fields } }, 400);
      throw e;
    }
  });

  r.get('/admin/programmes/:id/rounds/:rid', async (c) => {
    if (!c.get('user')) return signInRedirect(c);
    const { programme, round } = await svc.getRound(serviceCtx(c), c.req.param('id'), c.req.param('rid'));
    return v.roundEditPage(c, programme, round.id, { values: { ...round }, errors: {} });
  });

  r.post('/admin/programmes/:id/rounds/:rid', async (c) => {
    const id = c.req.param('id');
    const rid = c.req.param('rid');
    const body = await formBody(c);
    try {
      await svc.updateRound(serviceCtx(c), id, rid, body);
      setFlash(c, 'programmes.admin.saved');
      return redirectTo(c, `/admin/programmes/${id}`);
    } catch (e) {
      if (e instanceof ValidationError) return v.roundEditPage(c, (await svc.getRound(serviceCtx(c), id, rid)).programme, rid, { values: body, errors: e.fields }, 400);
      throw e;
    }
  });

  r.get('/admin/programmes/:id/criteria/:cid', async (c) => {
    if (!c.get('user')) return signInRedirect(c);
    const d = await svc.getProgrammeAdmin(serviceCtx(c), c.req.param('id'));
    const cr = d.criteria.find((x) => x.id === c.req.param('cid'));
    if (!cr) throw new NotFoundError();
    return v.criterionEditPage(c, d.programme, cr.id, { values: { label: cr.label, weight: String(cr.weight) }, errors: {} });
  });

  r.post('/admin/programmes/:id/criteria/:cid', async (c) => {
    const id = c.req.param('id');
    const cid = c.req.param('cid');
    const body = await formBody(c);
    try {
      await svc.updateCriterion(serviceCtx(c), id, cid, body);
      setFlash(c, 'programmes.admin.saved');
      return redirectTo(c, `/admin/programmes/${id}`);
    } catch (e) {
      if (e instanceof ValidationError) return v.criterionEditPage(c, (await svc.getProgrammeAdmin(serviceCtx(c), id)).programme, cid, { values: body, errors: e.fields }, 400);
      throw e;
    }
  });

  r.post('/admin/programmes/:id/criteria/:cid/delete', async (c) => {
    const id = c.req.param('id');
    await svc.removeCriterion(serviceCtx(c), id, c.req.param('cid'));
    setFlash(c, 'programmes.admin.removed');
    return redirectTo(c, `/admin/programmes/${id}`);
  });

  r.post('/admin/programmes/:id/committee', async (c) => {
    const id = c.req.param('id');
    const body = await formBody(c);
    try {
      const out = await svc.addCommitteeMember(serviceCtx(c), id, body);
      if (!out.ok) {
        const errors = { email: out.reason === 'unknown' ? 'programmes.committee.unknown' : 'programmes.committee.notCommittee' };
        return v.adminProgrammePage(c, await svc.getProgrammeAdmin(serviceCtx(c), id), { committee: { values: body, errors } }, 400);
      }
      setFlash(c, 'programmes.committee.added');
      return redirectTo(c, `/admin/programmes/${id}`);
    } catch (e) {
      if (e instanceof ValidationError) return v.adminProgrammePage(c, await svc.getProgrammeAdmin(serviceCtx(c), id), { committee: { values: body, errors: e.fields } }, 400);
      throw e;
    }
  });

  r.post('/admin/programmes/:id/committee/:uid/delete', async (c) => {
    const id = c.req.param('id');
    await svc.removeCommitteeMember(serviceCtx(c), id, c.req.param('uid'));
    setFlash(c, 'programmes.admin.removed');
    return redirectTo(c, `/admin/programmes/${id}`);
  });

  return r;
}
