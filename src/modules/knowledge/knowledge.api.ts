/**
 * The good-practice library as JSON under /api/v1: published cases (drafts answer 404 here as on the
 * pages, but to their editors), and the editor's actions of the pages: create a draft, edit it,
 * publish and unpublish. The same services, permissions and messages as the pages.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, Ctx } from '../../platform/http.ts';

import { requireUser } from '../../platform/forms.ts';
import { jsonObject } from '../../platform/validation.ts';
import { UUID } from '../../platform/ids.ts';
import { declareOperations, outcome } from '../../platform/openapi.ts';
import * as svc from './knowledge.service.ts';
import { adviceAnswer, advisorQuery, caseInput, caseQuery, goodPracticeAnswer, libraryAnswer, libraryQuery } from './knowledge.schema.ts';
import { adviceReasonText, combinationText } from './knowledge.views.ts';
import * as guide from './knowledge.guide.service.ts';
import { fundingAnswer, fundingListAnswer, fundingQuery } from './knowledge.guide.schema.ts';
import { reasonText } from './knowledge.guide.views.ts';
import type { T } from '../../platform/i18n.ts';

const idParam = z.object({ id: z.string().regex(UUID) });

export const knowledgeOperations = declareOperations('knowledge', [
  {
    method: 'get',
    path: '/approaches/advice',
    operationId: 'adviseApproaches',
    summary: 'The approach advisor: the forms of cooperation ranked for what matters to a municipality and what it can commit, each with its reasons (in the caller’s language) and funding',
    description: 'Each of the six aims (governance, political, civilSociety, privateSector, reciprocity, globalCitizenship) is not, somewhat or essential; budget in whole euros a year; staff in full-time equivalents; horizon short, medium or long; participants civilSociety, schools, companies (repeat the key).',
    query: advisorQuery,
    response: adviceAnswer,
  },
  {
    method: 'get',
    path: '/funding',
    operationId: 'listFunding',
    summary: 'Funding programmes, filtered by approach, theme, eligible country and kind of organisation, and open now; with the yes/no eligibility questions answered, each programme says whether it fits and why',
    query: fundingQuery,
    response: fundingListAnswer,
  },
  { method: 'get', path: '/funding/:id', operationId: 'getFunding', summary: 'One funding programme, its texts in the caller’s language where they exist', params: idParam, response: fundingAnswer, errors: [404] },
  { method: 'get', path: '/good-practices', operationId: 'listGoodPractices', summary: 'Published good practices: full text and facets, with facet counts', query: libraryQuery, response: libraryAnswer },
  { method: 'get', path: '/good-practices/:id', operationId: 'getGoodPractice', summary: 'One published good practice (a draft only for its editors)', params: idParam, query: caseQuery, response: goodPracticeAnswer, errors: [404] },
  {
    method: 'post',
    path: '/good-practices',
    operationId: 'createGoodPractice',
    summary: 'Create a draft good practice (administrators of an association, the secretariat); its texts are in `lang`, its original language',
    description: 'Partners and contacts are aligned lists (partnerName[i] with partnerCountry[i]); a contact is named only if its row number is in contactConsent.',
    auth: 'required',
    body: caseInput,
    response: goodPracticeAnswer,
    status: 201,
    errors: [404],
  },
  {
    method: 'put',
    path: '/good-practices/:id',
    operationId: 'updateGoodPractice',
    summary: 'Edit a good practice: its texts in `lang` (another language than the original is a human translation) and every structured field (a list left out is emptied)',
    auth: 'required',
    params: idParam,
    body: caseInput,
    response: goodPracticeAnswer,
    errors: [404],
  },
  {
    method: 'post',
    path: '/good-practices/:id/publish',
    operationId: 'publishGoodPractice',
    summary: 'Publish a draft or unpublished case (409 incomplete, with the fields missing; 409 already_published)',
    auth: 'required',
    params: idParam,
    response: outcome,
    errors: [404, 409],
  },
  {
    method: 'post',
    path: '/good-practices/:id/unpublish',
    operationId: 'unpublishGoodPractice',
    summary: 'Withdraw a published case from the library (kept for its editors; 409 not_published)',
    auth: 'required',
    params: idParam,
    response: outcome,
    errors: [404, 409],
  },
]);

/** A funding programme for the API: its texts in the caller's language (or the original, flagged). */
function fundingJson(t: T, p: guide.FundingView) {
  return {
    id: p.id,
    code: p.code,
    name: p.name.text,
    description: p.description.text,
    lang: p.name.lang,
    translated: p.name.translated,
    funder: p.funder,
    approaches: p.approaches,
    themes: p.themes,
    countries: p.countries,
    regions: p.regions,
    organisationKinds: p.organisationKinds,
    amountMin: p.amountMin,
    amountMax: p.amountMax,
    currency: p.currency,
    cofinancingPercent: p.cofinancingPercent,
    needsPartner: p.needsPartner,
    deadline: { kind: p.deadline.kind, opens: p.deadline.opens, closes: p.deadline.closes, next: p.deadline.next, openNow: p.deadline.openNow },
    link: p.link,
    eligibility: p.eligibility ? { verdict: p.eligibility.verdict, reasons: p.eligibility.reasons.map((r) => ({ ...r, text: reasonText(t, r) })) } : null,
  };
}

/** A case for the API: editor-only parts (abilities, history) left out. */
function caseJson(g: svc.GoodPracticeDetail) {
  const { abilities: _a, history: _h, moderation: _m, ...rest } = g;
  return rest;
}

/** The JSON body of a case; the exchange link is set by the exchanges module through the service, never by a caller. */
async function caseBody(c: Ctx): Promise<Record<string, unknown>> {
  const { exchangeId: _x, ...body } = await jsonObject(c);
  return body;
}

/** An outcome: ok → 200; a refusal → 409 with its reason as the code (and what is missing). */
function answer(c: Ctx, out: svc.PublishOutcome | svc.UnpublishOutcome, refusal: string): Response {
  if (out.ok) return c.json(out);
  return c.json({ error: { code: out.reason, message: c.get('t')(refusal), ...('missing' in out ? { missing: out.missing } : {}) } }, 409);
}

export function knowledgeApiRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get('/approaches/advice', async (c) => {
    const q: Record<string, unknown> = { ...c.req.query() };
    if ('participants' in q) q.participants = c.req.queries('participants');
    const v = await guide.approachAdvice(c.var.ctx, { horizon: 'medium', ...q });
    const t = c.get('t');
    const locale = c.get('locale');
    const name = (code: string) => v.approaches.get(code)?.name.text ?? code;
    return c.json({
      results: v.advice!.results.map((r) => ({
        approach: r.approach,
        name: name(r.approach),
        score: r.score,
        aims: r.aims,
        fitsMeans: r.fitsMeans,
        reasons: r.reasons.map((x) => ({ ...x, text: adviceReasonText(t, locale, x) })),
        funding: (v.funding[r.approach] ?? []).map((p) => ({ id: p.id, code: p.code, name: p.name.text, funder: p.funder, openNow: p.deadline.openNow })),
      })),
      combination: v.advice!.combination ? { ...v.advice!.combination, text: combinationText(t, name, v.advice!.combination) } : null,
    });
  });

  r.get('/funding', async (c) => {
    const res = await guide.searchFunding(c.var.ctx, c.req.query());
    const t = c.get('t');
    return c.json({ items: res.items.map((p) => fundingJson(t, p)) });
  });

  r.get('/funding/:id', async (c) => c.json(fundingJson(c.get('t'), await guide.getFunding(c.var.ctx, c.req.param('id')))));

  r.get('/good-practices', async (c) => {
    const res = await svc.searchGoodPractices(c.var.ctx, c.req.query());
    const { hasNext, hasPrev, ...rest } = res;
    const at = (p: number) => {
      const u = new URL(c.req.url);
      u.searchParams.set('page', String(p));
      return `${u.pathname}${u.search}`;
    };
    return c.json({ ...rest, links: { prev: hasPrev ? at(res.page - 1) : null, next: hasNext ? at(res.page + 1) : null } });
  });

  r.get('/good-practices/:id', async (c) => c.json(caseJson(await svc.getGoodPractice(c.var.ctx, c.req.param('id'), c.req.query()))));

  r.post('/good-practices', async (c) => {
    requireUser(c);
    const ctx = c.var.ctx;
    const { id } = await svc.createDraft(ctx, await caseBody(c));
    c.header('Location', `/api/v1/good-practices/${id}`);
    return c.json(caseJson(await svc.getGoodPractice(ctx, id)), 201);
  });

  r.put('/good-practices/:id', async (c) => {
    requireUser(c);
    const ctx = c.var.ctx;
    const body = await caseBody(c);
    const { id } = await svc.updateGoodPractice(ctx, c.req.param('id'), body);
    const lang = typeof body.lang === 'string' && body.lang !== ctx.locale ? { lang: body.lang } : {};
    return c.json(caseJson(await svc.getGoodPractice(ctx, id, lang)));
  });

  r.post('/good-practices/:id/publish', async (c) => {
    requireUser(c);
    const out = await svc.publishGoodPractice(c.var.ctx, c.req.param('id'));
    return answer(c, out, out.ok ? '' : out.reason === 'incomplete' ? 'knowledge.publish.incomplete' : 'knowledge.publish.already');
  });

  r.post('/good-practices/:id/unpublish', async (c) => {
    requireUser(c);
    return answer(c, await svc.unpublishGoodPractice(c.var.ctx, c.req.param('id')), 'knowledge.unpublish.notPublished');
  });

  return r;
}
