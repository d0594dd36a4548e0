/**
 * Knowledge pages and API: the good-practice library (/good-practices), case pages, the editor's
 * pages, the guide (/cooperation-approaches, /funding). Its JSON: knowledge.api.ts.
 * Thin: parse, call a service, render.
 */
import { Hono } from 'hono';
import type { AppEnv, Ctx } from '../../platform/http.ts';

import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { isLocale, type Locale } from '../../platform/i18n.ts';
import { link, redirectTo, setFlash } from '../../platform/render.ts';
import { emptyForm } from '../../platform/html/form.ts';
import { isApproach } from '../../taxonomy/approaches.ts';
import * as svc from './knowledge.service.ts';
import * as v from './knowledge.views.ts';
import { isSecretariat } from './knowledge.policy.ts';
import { caseQuery } from './knowledge.schema.ts';
import { requireUser } from '../../platform/forms.ts';

/** Form fields as strings or lists of strings. */
async function formBody(c: Ctx): Promise<Record<string, string | string[]>> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string | string[]> = {};
  for (const [k, val] of Object.entries(body)) {
    if (typeof val === 'string') out[k] = val;
    else if (Array.isArray(val)) out[k] = val.filter((x): x is string => typeof x === 'string');
  }
  // The exchange link is set by the exchanges module through the service, never from a form.
  delete out.exchangeId;
  return out;
}

export function knowledgeRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get('/good-practices', async (c) => {
    const query = c.req.query();
    const ctx = c.var.ctx;
    const abilities = { create: await svc.canEdit(ctx) };
    try {
      return v.libraryPage(c, query, await svc.searchGoodPractices(ctx, query), abilities);
    } catch (e) {
      if (e instanceof ValidationError) return v.libraryPage(c, query, null, abilities, e.fields, 400);
      throw e;
    }
  });

  r.get('/good-practices/new', async (c) => {
    requireUser(c);
    const ctx = c.var.ctx;
    const rel = await svc.editorRelation(ctx);
    if (!(await svc.canEdit(ctx))) throw new NotFoundError();
    return v.caseFormPage(c, 'create', emptyForm({ lang: c.get('locale') }), { associations: rel.associations, isSecretariat: isSecretariat(ctx.actor) });
  });

  r.post('/good-practices', async (c) => {
    requireUser(c);
    const ctx = c.var.ctx;
    const body = await formBody(c);
    try {
      const out = await svc.createDraft(ctx, body);
      setFlash(c, 'knowledge.create.done');
      return redirectTo(c, `/good-practices/${out.id}`);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      const rel = await svc.editorRelation(ctx);
      return v.caseFormPage(c, 'create', { values: body, errors: e.fields }, { associations: rel.associations, isSecretariat: isSecretariat(ctx.actor) }, 400);
    }
  });

  r.get('/good-practices/drafts', async (c) => {
    requireUser(c);
    return v.draftsPage(c, await svc.listUnpublished(c.var.ctx));
  });

  r.get('/good-practices/:id', async (c) => v.casePage(c, await svc.getGoodPractice(c.var.ctx, c.req.param('id'), c.req.query())));

  r.get('/good-practices/:id/edit', async (c) => {
    requireUser(c);
    const ctx = c.var.ctx;
    const q = svc.parseQuery(caseQuery, c.req.query());
    const lang: Locale = q.lang ?? ctx.locale;
    const { values, detail } = await svc.editFormOf(ctx, c.req.param('id'), lang);
    const rel = await svc.editorRelation(ctx);
    return v.caseFormPage(c, 'edit', emptyForm(values), { id: detail.id, associations: rel.associations, isSecretariat: isSecretariat(ctx.actor), originalLanguage: detail.originalLanguage });
  });

  r.post('/good-practices/:id/edit', async (c) => {
    requireUser(c);
    const ctx = c.var.ctx;
    const id = c.req.param('id');
    const body = await formBody(c);
    // A form always sends every field: checkbox groups left empty mean "none".
    const full = { formats: [], themes: [], sdgs: [], regions: [], contactConsent: [], ...body };
    try {
      await svc.updateGoodPractice(ctx, id, full);
      setFlash(c, 'knowledge.edit.done');
      const lang = typeof body.lang === 'string' && isLocale(body.lang) && body.lang !== ctx.locale ? `?lang=${body.lang}` : '';
      return redirectTo(c, `/good-practices/${id}${lang}`);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      const { detail } = await svc.editFormOf(ctx, id, ctx.locale);
      const rel = await svc.editorRelation(ctx);
      return v.caseFormPage(c, 'edit', { values: body, errors: e.fields }, { id, associations: rel.associations, isSecretariat: isSecretariat(ctx.actor), originalLanguage: detail.originalLanguage }, 400);
    }
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

  // The guide to the forms of municipal cooperation.
  r.get('/cooperation-approaches', (c) => v.approachesPage(c));
  r.get('/cooperation-approaches/:code', async (c) => {
    const code = c.req.param('code');
    if (!isApproach(code)) throw new NotFoundError();
    return v.approachPage(c, code, await svc.goodPracticesByApproach(c.var.ctx, code));
  });
  r.get('/funding', (c) => v.fundingPage(c));

  return r;
}
