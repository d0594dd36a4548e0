/** Programme pages: open calls for requests (list, Atom feed, iCalendar), a programme's page and timeline, admin screens. Thin: parse, call a service, render. */
import { Hono } from 'hono';
import { Feed } from 'feed';
import ical from 'ical-generator';
import type { AppEnv, Ctx } from '../../platform/http.ts';
import { href } from '../../platform/http.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { redirectTo, setFlash } from '../../platform/render.ts';
import { formAction, formBody, requireUser } from '../../platform/forms.ts';
import * as svc from './programmes.service.ts';
import * as v from './programmes.views.ts';
import { fmtDate } from '../../platform/html/format.ts';
import type { ReaderView } from '../../platform/html/user-content.ts';
import { readerViewFor } from '../translations/translations.service.ts';

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

/** The newest news items of a timeline in the reader's language (the first 20: a page shows them first). */
async function newsShown(c: Ctx, d: { entries: svc.TimelineEntry[] }): Promise<Map<string, ReaderView<'title' | 'body'>>> {
  const news = d.entries.filter((e) => e.kind === 'news').slice(0, 20);
  return new Map(await Promise.all(news.map(async (e) => [e.id, await readerViewFor(c, 'programme_news', e.id, { title: e.title, body: e.body })] as const)));
}

export function programmesRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get('/calls-for-requests', async (c) => {
    const query = c.req.query();
    // An unknown filter answers 400 with the list's form and its errors.
    return formAction(
      c,
      async () => v.openCallsPage(c, query, await svc.listOpenCalls(c.var.ctx, query)),
      (form, status) => v.openCallsPage(c, query, null, form.errors, status),
      query,
    );
  });

  r.get('/calls-for-requests/feed.atom', async (c) => {
    const ctx = c.var.ctx;
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
        description: t('programmes.round.deadline', { date: fmtDate(x.round.closesAt, ctx.locale, true) }),
      });
    }
    c.header('Content-Type', 'application/atom+xml; charset=utf-8');
    return c.body(feed.atom1());
  });

  r.get('/calls-for-requests/deadlines.ics', async (c) => {
    const ctx = c.var.ctx;
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

  r.get('/programmes', async (c) => v.programmesListPage(c, await svc.listProgrammesPublic(c.var.ctx)));

  r.get('/programmes/:slug', async (c) => {
    const p = await svc.getProgrammePublic(c.var.ctx, c.req.param('slug'));
    // The programme's texts in the reader's language (machine translated in the background, labelled; issue 14).
    return v.programmePage(c, p, await readerViewFor(c, 'programme', p.programme.id, { description: p.programme.description ?? '', howToApply: p.programme.howToApply ?? '' }));
  });

  r.get('/programmes/:slug/timeline', async (c) => {
    const d = await svc.getTimeline(c.var.ctx, c.req.param('slug'));
    return v.timelinePage(c, d, await newsShown(c, d));
  });

  r.post('/programmes/:slug/news', async (c) => {
    const slug = c.req.param('slug');
    return formAction(
      c,
      async (body) => {
        await svc.postNews(c.var.ctx, slug, body);
        setFlash(c, 'programmes.news.posted');
        return redirectTo(c, `/programmes/${slug}/timeline`);
      },
      async (form, status) => {
        const d = await svc.getTimeline(c.var.ctx, slug);
        return v.timelinePage(c, d, await newsShown(c, d), form, status);
      },
    );
  });

  r.get('/admin/programmes', async (c) => {
    requireUser(c);
    return v.adminListPage(c, await svc.listProgrammes(c.var.ctx));
  });

  r.get('/admin/programmes/new', async (c) => {
    requireUser(c);
    await svc.listProgrammes(c.var.ctx); // permission check (404 for others)
    return v.newProgrammePage(c, { values: { formats: ['expert_assignment', 'work_placement', 'roundtable', 'study_visit', 'virtual_exchange'] }, errors: {} });
  });

  r.post('/admin/programmes', async (c) => {
    return formAction(
      c,
      async (body) => {
        const out = await svc.createProgramme(c.var.ctx, body);
        setFlash(c, 'programmes.admin.created');
        return redirectTo(c, `/admin/programmes/${out.id}`);
      },
      async (form, status) => v.newProgrammePage(c, form, status), await settingsOf(c),
    );
  });

  r.get('/admin/programmes/:id', async (c) => {
    requireUser(c);
    return v.adminProgrammePage(c, await svc.getProgrammeAdmin(c.var.ctx, c.req.param('id')));
  });

  r.post('/admin/programmes/:id', async (c) => {
    const id = c.req.param('id');
    return formAction(
      c,
      async (body) => {
        await svc.updateProgramme(c.var.ctx, id, body);
        setFlash(c, 'programmes.admin.saved');
        return redirectTo(c, `/admin/programmes/${id}`);
      },
      async (form, status) => v.adminProgrammePage(c, await svc.getProgrammeAdmin(c.var.ctx, id), { settings: form }, status), await settingsOf(c),
    );
  });

  r.get('/admin/programmes/:id/weights', async (c) => {
    requireUser(c);
    return v.weightsPage(c, await svc.getProgrammeWeights(c.var.ctx, c.req.param('id')));
  });

  r.post('/admin/programmes/:id/weights', async (c) => {
    const id = c.req.param('id');
    return formAction(
      c,
      async (body) => {
        await svc.updateProgrammeWeights(c.var.ctx, id, body);
        setFlash(c, 'programmes.weights.saved');
        return redirectTo(c, `/admin/programmes/${id}/weights`);
      },
      async (form, status) => v.weightsPage(c, await svc.getProgrammeWeights(c.var.ctx, id), form, status),
    );
  });

  r.post('/admin/programmes/:id/weights/reset', async (c) => {
    const id = c.req.param('id');
    await svc.resetProgrammeWeights(c.var.ctx, id);
    setFlash(c, 'programmes.weights.resetDone');
    return redirectTo(c, `/admin/programmes/${id}/weights`);
  });

  r.post('/admin/programmes/:id/rounds', async (c) => {
    const id = c.req.param('id');
    return formAction(
      c,
      async (body) => {
        await svc.addRound(c.var.ctx, id, body);
        setFlash(c, 'programmes.round.added');
        return redirectTo(c, `/admin/programmes/${id}`);
      },
      async (form, status) => v.adminProgrammePage(c, await svc.getProgrammeAdmin(c.var.ctx, id), { round: form }, status),
    );
  });

  r.post('/admin/programmes/:id/criteria', async (c) => {
    const id = c.req.param('id');
    return formAction(
      c,
      async (body) => {
        await svc.addCriterion(c.var.ctx, id, body);
        setFlash(c, 'programmes.criteria.added');
        return redirectTo(c, `/admin/programmes/${id}`);
      },
      async (form, status) => v.adminProgrammePage(c, await svc.getProgrammeAdmin(c.var.ctx, id), { criterion: form }, status),
    );
  });

  r.get('/admin/programmes/:id/rounds/:rid', async (c) => {
    requireUser(c);
    const { programme, round } = await svc.getRound(c.var.ctx, c.req.param('id'), c.req.param('rid'));
    return v.roundEditPage(c, programme, round.id, { values: { ...round }, errors: {} });
  });

  r.post('/admin/programmes/:id/rounds/:rid', async (c) => {
    const id = c.req.param('id');
    const rid = c.req.param('rid');
    return formAction(
      c,
      async (body) => {
        await svc.updateRound(c.var.ctx, id, rid, body);
        setFlash(c, 'programmes.admin.saved');
        return redirectTo(c, `/admin/programmes/${id}`);
      },
      async (form, status) => v.roundEditPage(c, (await svc.getRound(c.var.ctx, id, rid)).programme, rid, form, status),
    );
  });

  r.get('/admin/programmes/:id/criteria/:cid', async (c) => {
    requireUser(c);
    const d = await svc.getProgrammeAdmin(c.var.ctx, c.req.param('id'));
    const cr = d.criteria.find((x) => x.id === c.req.param('cid'));
    if (!cr) throw new NotFoundError();
    return v.criterionEditPage(c, d.programme, cr.id, { values: { label: cr.label, weight: String(cr.weight) }, errors: {} });
  });

  r.post('/admin/programmes/:id/criteria/:cid', async (c) => {
    const id = c.req.param('id');
    const cid = c.req.param('cid');
    return formAction(
      c,
      async (body) => {
        await svc.updateCriterion(c.var.ctx, id, cid, body);
        setFlash(c, 'programmes.admin.saved');
        return redirectTo(c, `/admin/programmes/${id}`);
      },
      async (form, status) => v.criterionEditPage(c, (await svc.getProgrammeAdmin(c.var.ctx, id)).programme, cid, form, status),
    );
  });

  r.post('/admin/programmes/:id/criteria/:cid/delete', async (c) => {
    const id = c.req.param('id');
    await svc.removeCriterion(c.var.ctx, id, c.req.param('cid'));
    setFlash(c, 'programmes.admin.removed');
    return redirectTo(c, `/admin/programmes/${id}`);
  });

  r.post('/admin/programmes/:id/committee', async (c) => {
    const id = c.req.param('id');
    return formAction(
      c,
      async (body) => {
        await svc.addCommitteeMember(c.var.ctx, id, body);
        setFlash(c, 'programmes.committee.added');
        return redirectTo(c, `/admin/programmes/${id}`);
      },
      async (form, status) => v.adminProgrammePage(c, await svc.getProgrammeAdmin(c.var.ctx, id), { committee: form }, status),
    );
  });

  r.post('/admin/programmes/:id/committee/:uid/delete', async (c) => {
    const id = c.req.param('id');
    await svc.removeCommitteeMember(c.var.ctx, id, c.req.param('uid'));
    setFlash(c, 'programmes.admin.removed');
    return redirectTo(c, `/admin/programmes/${id}`);
  });

  return r;
}
