/** Evaluations as JSON under /api/v1: a programme's results for the secretariat (the API router's sign-in has run: token or session). */
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http.ts';

import { requireUser } from '../../platform/forms.ts';
import * as svc from './evaluations.service.ts';

export function evaluationsApiRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/programmes/:id/evaluation-results', async (c) => {
    requireUser(c);
    return c.json(await svc.programmeResults(c.var.ctx, c.req.param('id')));
  });
  return r;
}
