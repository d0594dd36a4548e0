/**
 * Knowledge pages and API: the good-practice library (/good-practices), case pages, the editor's
 * pages, the guide (/cooperation-approaches, /funding). Its JSON: knowledge.api.ts.
 * Thin: parse, call a service, render.
 */
import { html } from 'hono/html';
import { Hono } from 'hono';
import type { AppEnv, Ctx } from '../../platform/http.ts';

import { NotFoundError } from '../../platform/errors.ts';
import { isLocale, LOCALES, type Locale } from '../../platform/i18n.ts';
import { redirectTo, setFlash } from '../../platform/render.ts';
import { emptyForm, type FormState } from '../../platform/html/form.ts';
import { formAction, formBody, requireUser } from '../../platform/forms.ts';
import { parseQuery } from '../../platform/query.ts';
import * as svc from './knowledge.service.ts';
import * as v from './knowledge.views.ts';
import * as gv from './knowledge.guide.views.ts';
import * as guide from './knowledge.guide.service.ts';
import type { FormBody } from '../../platform/forms.ts';
import { isSecretariat } from './knowledge.policy.ts';
import { caseQuery } from './knowledge.schema.ts';
import { readerViewFor } from '../translations/translations.service.ts';
import { renderSlot } from '../../platform/slots.ts';

declare module '../../platform/slots.ts' {
  interface Slots {
    /** Below the advisor's results (the calls module lists the open calls on the advice's theme). */
    'knowledge.advisor': { theme: string | null };
  }
}
import type { ReaderView } from '../../platform/html/user-content.ts';

/** The editor's form fields; the exchange link is set by the exchanges module through the service, never from a form. */
async function caseFields(c: Ctx) {
  const { exchangeId: _x, ...body } = await formBody(c);
  return body;
}

/** The case form (new or edit) with what the editor may choose from. */
async function caseFormAgain(c: Ctx, mode: 'create' | 'edit', form: FormState, status: 200 | 400 = 200, id?: string) {
  const ctx = c.var.ctx;
  const rel = await svc.editorRelation(ctx);
  const originalLanguage = id ? (await svc.editFormOf(ctx, id, ctx.locale)).detail.originalLanguage : undefined;
  return v.caseFormPage(c, mode, form, { ...(id ? { id, originalLanguage } : {}), associations: rel.associations, isSecretariat: isSecretariat(ctx.actor) }, status);
}

export function knowledgeRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get('/good-practices', async (c) => {
    const query = c.req.query();
    const ctx = c.var.ctx;
    const abilities = { create: await svc.canEdit(ctx) };
    return formAction(
      c,
      async () => v.libraryPage(c, query, await svc.searchGoodPractices(ctx, query), abilities),
      (form, status) => v.libraryPage(c, query, null, abilities, form.errors, status),
      query,
    );
  });

  r.get('/good-practices/new', async (c) => {
    requireUser(c);
    if (!(await svc.canEdit(c.var.ctx))) throw new NotFoundError();
    return caseFormAgain(c, 'create', emptyForm({ lang: c.get('locale') }));
  });

  r.post('/good-practices', async (c) => {
    requireUser(c);
    return formAction(
      c,
      async (body) => {
        const out = await svc.createDraft(c.var.ctx, body);
        setFlash(c, 'knowledge.create.done');
        return redirectTo(c, `/good-practices/${out.id}`);
      },
      (form, status) => caseFormAgain(c, 'create', form, status),
      await caseFields(c),
    );
  });

  r.get('/good-practices/drafts', async (c) => {
    requireUser(c);
    return v.draftsPage(c, await svc.listUnpublished(c.var.ctx));
  });

  r.get('/good-practices/:id', async (c) => {
    const g = await svc.getGoodPractice(c.var.ctx, c.req.param('id'), c.req.query());
    return v.casePage(c, ...(await machineTranslated(c, g)));
  });

  r.get('/good-practices/:id/edit', async (c) => {
    requireUser(c);
    const ctx = c.var.ctx;
    const q = parseQuery(caseQuery, c.req.query(), 'knowledge.search.unknownKey');
    const lang: Locale = q.lang ?? ctx.locale;
    const { values, detail } = await svc.editFormOf(ctx, c.req.param('id'), lang);
    const rel = await svc.editorRelation(ctx);
    return v.caseFormPage(c, 'edit', emptyForm(values), { id: detail.id, associations: rel.associations, isSecretariat: isSecretariat(ctx.actor), originalLanguage: detail.originalLanguage });
  });

  r.post('/good-practices/:id/edit', async (c) => {
    requireUser(c);
    const ctx = c.var.ctx;
    const id = c.req.param('id');
    const body = await caseFields(c);
    return formAction(
      c,
      async () => {
        // A form always sends every field: checkbox groups left empty mean "none".
        await svc.updateGoodPractice(ctx, id, { formats: [], themes: [], sdgs: [], regions: [], contactConsent: [], ...body });
        setFlash(c, 'knowledge.edit.done');
        const lang = typeof body.lang === 'string' && isLocale(body.lang) && body.lang !== ctx.locale ? `?lang=${body.lang}` : '';
        return redirectTo(c, `/good-practices/${id}${lang}`);
      },
      (form, status) => caseFormAgain(c, 'edit', form, status, id),
      body,
    );
  });

  r.post('/good-practices/:id/publish', async (c) => {
    requireUser(c);
    const id = c.req.param('id');
    const out = await svc.publishGoodPractice(c.var.ctx, id);
    setFlash(c, out.ok ? 'knowledge.publish.done' : out.reason === 'incomplete' ? 'knowledge.publish.incomplete' : 'knowledge.publish.already');
    return redirectTo(c, `/good-practices/${id}`);
  });

  r.post('/good-practices/:id/unpublish', async (c) => {
    requireUser(c);
    const id = c.req.param('id');
    const out = await svc.unpublishGoodPractice(c.var.ctx, id);
    setFlash(c, out.ok ? 'knowledge.unpublish.done' : 'knowledge.unpublish.notPublished');
    return redirectTo(c, `/good-practices/${id}`);
  });

  // The guide to the forms of municipal cooperation (issue 13: approaches and funding in the database).
  r.get('/cooperation-approaches', async (c) => v.approachesPage(c, await guide.listApproaches(c.var.ctx), guide.canEditApproaches(c.var.ctx.actor)));
  // The advisor (issue 13): before /:code. Open calls on the advice's theme come from the calls module (slot).
  r.get('/cooperation-approaches/advisor', async (c) => {
    const advice = await guide.approachAdvice(c.var.ctx, queryWithLists(c, ['participants']));
    const calls = advice.advice ? await renderSlot(c, 'knowledge.advisor', { theme: advice.query.theme ?? null }) : html``;
    return v.advisorPage(c, advice, calls);
  });
  r.get('/cooperation-approaches/new', async (c) => {
    requireUser(c);
    if (!guide.canEditApproaches(c.var.ctx.actor)) throw new NotFoundError();
    return gv.approachFormPage(c, 'create', emptyForm({ lang: c.get('locale'), translated: '', needBudget: '0', needStaff: '0', horizons: ['medium', 'long'], rating_governance: '0', rating_political: '0', rating_civilSociety: '0', rating_privateSector: '0', rating_reciprocity: '0', rating_globalCitizenship: '0', rating_duration: '0', rating_budget: '0' }), {});
  });
  r.post('/cooperation-approaches', async (c) => {
    requireUser(c);
    if (!guide.canEditApproaches(c.var.ctx.actor)) throw new NotFoundError();
    return formAction(
      c,
      async (body) => {
        const { code } = await guide.createApproach(c.var.ctx, withLists(body, ['horizons']));
        setFlash(c, 'knowledge.guideForm.created');
        return redirectTo(c, `/cooperation-approaches/${code}/edit?lang=${body.lang === c.get('locale') ? nextLanguage(c.get('locale')) : c.get('locale')}`);
      },
      (form, status) => gv.approachFormPage(c, 'create', form, {}, status),
    );
  });
  r.get('/cooperation-approaches/:code/edit', async (c) => {
    requireUser(c);
    const ctx = c.var.ctx;
    const lang = langOf(c.req.query('lang'), ctx.locale);
    const { values, view } = await guide.approachForm(ctx, c.req.param('code'), lang);
    return gv.approachFormPage(c, 'edit', emptyForm(values), { code: view.code, name: view.name, languages: view.languages });
  });
  r.post('/cooperation-approaches/:code/edit', async (c) => {
    requireUser(c);
    const ctx = c.var.ctx;
    const code = c.req.param('code');
    const view = await guide.approachForm(ctx, code, ctx.locale);
    return formAction(
      c,
      async (body) => {
        await guide.updateApproach(ctx, code, withLists(body, ['horizons']));
        setFlash(c, 'knowledge.guideForm.saved');
        return redirectTo(c, `/cooperation-approaches/${code}`);
      },
      (form, status) => gv.approachFormPage(c, 'edit', form, { code, name: view.view.name, languages: view.view.languages }, status),
    );
  });
  r.get('/cooperation-approaches/:code', async (c) => {
    const ctx = c.var.ctx;
    const code = c.req.param('code');
    const a = await guide.getApproach(ctx, code);
    const funding = (await guide.searchFunding(ctx, { approach: code })).items;
    return v.approachPage(c, a, await svc.goodPracticesByApproach(ctx, code), funding, guide.canEditApproaches(ctx.actor));
  });

  // The funding finder: a GET form of filters and eligibility questions; the deadlines as a calendar.
  r.get('/funding', async (c) => {
    const ctx = c.var.ctx;
    const query = queryWithLists(c, []);
    const names = await guide.approachNames(ctx);
    const canEdit = guide.canEditFunding(ctx.actor);
    return formAction(
      c,
      async () => gv.fundingPage(c, await guide.searchFunding(ctx, query), query, names, canEdit),
      (form, status) => gv.fundingPage(c, null, query, names, canEdit, form.errors, status),
      query as Record<string, string>,
    );
  });
  r.get('/funding.ics', async (c) => {
    const t = c.get('t');
    const text = await guide.fundingCalendar(c.var.ctx, c.get('deps').config.baseUrl, t('knowledge.funding.calendarName'), (name) => t('knowledge.funding.calendarEvent', { name }));
    c.header('Content-Type', 'text/calendar; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="peerlink-funding.ics"');
    return c.body(text);
  });
  r.get('/funding/new', async (c) => {
    requireUser(c);
    if (!guide.canEditFunding(c.var.ctx.actor)) throw new NotFoundError();
    return gv.fundingFormPage(c, 'create', emptyForm({ lang: c.get('locale'), currency: 'EUR', deadlineKind: 'none' }), { names: await guide.approachNames(c.var.ctx) });
  });
  r.post('/funding', async (c) => {
    requireUser(c);
    const ctx = c.var.ctx;
    if (!guide.canEditFunding(ctx.actor)) throw new NotFoundError();
    const names = await guide.approachNames(ctx);
    return formAction(
      c,
      async (body) => {
        await guide.createFunding(ctx, withLists(body, FUNDING_LISTS));
        setFlash(c, 'knowledge.fundingForm.created');
        return redirectTo(c, '/funding');
      },
      (form, status) => gv.fundingFormPage(c, 'create', form, { names }, status),
    );
  });
  r.get('/funding/:id/edit', async (c) => {
    requireUser(c);
    const ctx = c.var.ctx;
    const { values, view } = await guide.fundingForm(ctx, c.req.param('id'), langOf(c.req.query('lang'), ctx.locale));
    return gv.fundingFormPage(c, 'edit', emptyForm(values), { id: view.id, name: view.name, names: await guide.approachNames(ctx) });
  });
  r.post('/funding/:id/edit', async (c) => {
    requireUser(c);
    const ctx = c.var.ctx;
    const id = c.req.param('id');
    const { view } = await guide.fundingForm(ctx, id, ctx.locale);
    const names = await guide.approachNames(ctx);
    return formAction(
      c,
      async (body) => {
        await guide.updateFunding(ctx, id, withLists(body, FUNDING_LISTS));
        setFlash(c, 'knowledge.fundingForm.saved');
        return redirectTo(c, `/funding#funding-${view.code}`);
      },
      (form, status) => gv.fundingFormPage(c, 'edit', form, { id, name: view.name, names }, status),
    );
  });

  return r;
}

/**
 * A case read in a language it has no human translation in: its texts in the original language go
 * through the translations module (issue 14), and are shown machine translated, labelled, once the
 * background job has made them. A human translation, or a language chosen with `?lang=`, wins.
 */
async function machineTranslated(c: Ctx, g: svc.GoodPracticeDetail): Promise<[svc.GoodPracticeDetail, ReaderView | null]> {
  if (!g.title.isOtherLanguage || c.req.query('lang')) return [g, null];
  const source = g.title.lang;
  const texts: Record<string, svc.LocalizedText> = { title: g.title, summary: g.summary, ...g.texts };
  const fields = Object.fromEntries(Object.entries(texts).filter(([, x]) => x.text && x.lang === source).map(([f, x]) => [f, x.text]));
  const shown = await readerViewFor(c, 'good_practice', g.id, fields, source);
  if (shown.state !== 'machine') return [g, shown];
  const locale = c.get('locale');
  const tr = (x: svc.LocalizedText, f: string): svc.LocalizedText => (shown.fields[f] ? { text: shown.fields[f]!.text, lang: locale, isOtherLanguage: false, isTranslation: true, isMachineTranslation: true } : x);
  const out: svc.GoodPracticeDetail = { ...g, title: tr(g.title, 'title'), summary: tr(g.summary, 'summary'), texts: { ...g.texts } };
  for (const f of Object.keys(g.texts) as Array<keyof typeof g.texts>) out.texts[f] = tr(g.texts[f], f);
  return [out, shown];
}

/** The query string with the named keys as lists (checkbox groups send one value per box). */
function queryWithLists(c: Ctx, lists: string[]): Record<string, unknown> {
  const q: Record<string, unknown> = { ...c.req.query() };
  for (const k of lists) if (k in q) q[k] = c.req.queries(k);
  return q;
}

/** The checkbox groups of a programme's form: absent from the body when none is ticked. */
const FUNDING_LISTS = ['approaches', 'themes', 'regions', 'organisationKinds'];

/** A form body with the named checkbox groups as lists (none ticked: an empty list). */
function withLists(body: FormBody, lists: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...body };
  for (const k of lists) out[k] = body[k] === undefined ? [] : Array.isArray(body[k]) ? body[k] : [body[k]];
  return out;
}

/** A language asked for in `?lang=`, else the page's. */
const langOf = (v: string | undefined, fallback: Locale): Locale => (v && isLocale(v) ? v : fallback);
/** After adding an approach in one language, the form of the next one. */
const nextLanguage = (l: Locale): Locale => LOCALES[(LOCALES.indexOf(l) + 1) % LOCALES.length]!;
