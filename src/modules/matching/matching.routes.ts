/**
 * Matching pages: the broker's ranked candidates for a call (`/calls/:id/candidates`) and for a
 * request with no call yet (`/requests/:id/candidates`), "invite to offer" (POST), "opportunities
 * for you" (`/opportunities[?organisation=id]`) and the round planner. Their JSON is in
 * matching.api.ts. Thin: parse, call the service, render.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http.ts';

import { ValidationError } from '../../platform/errors.ts';
import { redirectTo, setFlash } from '../../platform/render.ts';
import { formBody, requireUser } from '../../platform/forms.ts';
import * as svc from './matching.service.ts';
import * as v from './matching.views.ts';

const INVITE_REFUSALS = { no_account: 'matching.candidates.noAccount', own_organisation: 'matching.candidates.ownOrganisation', closed: 'matching.candidates.closed' } as const;

export function matchingRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get('/calls/:id/candidates', async (c) => {
    requireUser(c);
    const id = c.req.param('id');
    const query = c.req.query();
    try {
      return v.candidatesPage(c, await svc.callCandidates(c.var.ctx, id, query), id, { values: query, errors: {} });
    } catch (e) {
      if (e instanceof ValidationError) return v.candidatesPage(c, null, id, { values: query, errors: e.fields }, 400);
      throw e;
    }
  });

  r.get('/requests/:id/candidates', async (c) => {
    requireUser(c);
    const id = c.req.param('id');
    const query = c.req.query();
    try {
      return v.requestCandidatesPage(c, await svc.requestCandidates(c.var.ctx, id, query), id, { values: query, errors: {} });
    } catch (e) {
      if (e instanceof ValidationError) return v.requestCandidatesPage(c, null, id, { values: query, errors: e.fields }, 400);
      throw e;
    }
  });

  r.post('/calls/:id/candidates/invite', async (c) => {
    requireUser(c);
    const id = c.req.param('id');
    const body = await formBody(c);
    const out = await svc.inviteCandidate(c.var.ctx, id, { type: body.type, id: body.id });
    setFlash(c, out.ok ? 'matching.candidates.invited' : INVITE_REFUSALS[out.reason]);
    const back = new URLSearchParams();
    for (const k of ['type', 'country', 'language'] as const) {
      const val = body[`f_${k}`];
      if (typeof val === 'string' && val) back.set(k, val);
    }
    const qs = back.toString();
    return redirectTo(c, `/calls/${id}/candidates${qs ? `?${qs}` : ''}`);
  });

  r.get('/opportunities', async (c) => {
    requireUser(c);
    const organisation = c.req.query('organisation');
    return v.opportunitiesPage(c, await svc.opportunities(c.var.ctx, { organisationId: organisation || undefined }));
  });

  r.get('/rounds/:id/plan', async (c) => {
    requireUser(c);
    const id = c.req.param('id');
    const query = c.req.queries();
    const flat: Record<string, string | string[]> = {};
    for (const [k, vals] of Object.entries(query)) flat[k] = k === 'fix' || k === 'forbid' ? vals : (vals[0] ?? '');
    try {
      const d = await svc.roundPlan(c.var.ctx, id, flat);
      return v.roundPlanPage(c, d, id, { values: d.settings, errors: {} });
    } catch (e) {
      if (e instanceof ValidationError) return v.roundPlanPage(c, null, id, { values: flat, errors: e.fields }, 400);
      throw e;
    }
  });

  r.post('/rounds/:id/plan', async (c) => {
    requireUser(c);
    const id = c.req.param('id');
    const body = await formBody(c);
    const pairs = Array.isArray(body.pair) ? body.pair : body.pair ? [body.pair] : [];
    const out = await svc.confirmPlan(c.var.ctx, id, pairs);
    setFlash(c, out.skipped ? 'matching.plan.confirmedSome' : 'matching.plan.confirmed');
    return redirectTo(c, `/rounds/${id}/plan`);
  });

  return r;
}
