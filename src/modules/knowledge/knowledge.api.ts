/** The good-practice library as JSON under /api/v1: published cases (drafts answer 404 here as on the pages). */
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http.ts';

import * as svc from './knowledge.service.ts';

/** A case for the API: editor-only parts (abilities, history) left out. */
function caseJson(g: svc.GoodPracticeDetail) {
  const { abilities: _a, history: _h, moderation: _m, ...rest } = g;
  return rest;
}

export function knowledgeApiRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

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

  return r;
}
