/**
 * Matching pages: the broker's ranked candidates for a call (`/calls/:id/candidates`) and for a
 * request with no call yet (`/requests/:id/candidates`), "invite to offer" (POST), "opportunities
 * for you" (`/opportunities[?organisation=id]`) and the round planner. Their JSON is in
 * matching.api.ts. Thin: parse, call the service, render; a query's filters are the page's form, so
 * an invalid one shows the page again with its message (formAction).
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http.ts';
import { redirectTo, setFlash } from '../../platform/render.ts';
import { formAction, formBody, requireUser } from '../../platform/forms.ts';
import * as svc from './matching.service.ts';
import * as v from './matching.views.ts';

const INVITE_REFUSALS = { no_account: 'matching.candidates.noAccount', own_organisation: 'matching.candidates.ownOrganisation', closed: 'matching.candidates.closed' } as const;

export function matchingRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get('/calls/:id/candidates', async (c) => {
    requireUser(c);
    const id = c.req.param('id');
    const query = c.req.query();
    return formAction(
      c,
      async () => v.candidatesPage(c, await svc.callCandidates(c.var.ctx, id, query, c.var.deps.config), id, { values: query, errors: {} }),
      (form, status) => v.candidatesPage(c, null, id, form, status),
      query,
    );
  });

  r.get('/requests/:id/candidates', async (c) => {
    requireUser(c);
    const id = c.req.param('id');
    const query = c.req.query();
    return formAction(
      c,
      async () => v.requestCandidatesPage(c, await svc.requestCandidates(c.var.ctx, id, query, c.var.deps.config), id, { values: query, errors: {} }),
      (form, status) => v.requestCandidatesPage(c, null, id, form, status),
      query,
    );
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
    return formAction(
      c,
      async () => {
        const d = await svc.roundPlan(c.var.ctx, id, flat);
        return v.roundPlanPage(c, d, id, { values: d.settings, errors: {} });
      },
      (form, status) => v.roundPlanPage(c, null, id, form, status),
      flat,
    );
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
