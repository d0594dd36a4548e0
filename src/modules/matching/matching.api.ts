/**
 * Matching as JSON under /api/v1: a call's and a request's ranked candidates, "invite to offer", and
 * opportunities for the caller's organisations. The same services as the pages; the API router's
 * sign-in (token or session) has run.
 */
import { Hono } from 'hono';
import { jsonObject } from '../../platform/validation.ts';
import { z } from 'zod';
import type { AppEnv } from '../../platform/http.ts';

import { requireUser } from '../../platform/forms.ts';
import { UUID } from '../../platform/ids.ts';
import { declareOperations } from '../../platform/openapi.ts';
import * as svc from './matching.service.ts';

const idParam = z.object({ id: z.string().regex(UUID) });

export const matchingOperations = declareOperations('matching', [
  {
    method: 'get',
    path: '/calls/:id/candidates',
    operationId: 'listCallCandidates',
    summary: 'Ranked candidates (organisations and experts) for an expertise call, with reasons (brokers and admins); best first, ties broken by type and id, the same order as the page and the CLI',
    auth: 'required',
    params: idParam,
    query: svc.candidatesQuery,
    errors: [404],
  },
  {
    method: 'get',
    path: '/requests/:id/candidates',
    operationId: 'listRequestCandidates',
    summary: 'Ranked candidates for a request before (or without) its call, with reasons (brokers and admins); inviting needs the published call',
    auth: 'required',
    params: idParam,
    query: svc.candidatesQuery,
    errors: [404],
  },
  {
    method: 'get',
    path: '/opportunities',
    operationId: 'listOpportunities',
    summary: 'Open calls ranked for your expert profile, or for an organisation you administer (as /opportunities)',
    auth: 'required',
    query: z.object({ organisation: z.string().regex(UUID).optional().meta({ description: 'An organisation you administer (staff: any); without it, your own profile' }) }),
    errors: [404],
  },
  {
    method: 'post',
    path: '/calls/:id/candidates/invite',
    operationId: 'inviteCandidate',
    summary: 'Invite a candidate to offer: the person, or the organisation’s admins, are told in their language (audited); 409 no_account, own_organisation or closed',
    auth: 'required',
    params: idParam,
    body: svc.inviteInput,
    errors: [404, 409],
  },
]);

const INVITE_REFUSALS = { no_account: 'matching.candidates.noAccount', own_organisation: 'matching.candidates.ownOrganisation', closed: 'matching.candidates.closed' } as const;

export function matchingApiRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get('/calls/:id/candidates', async (c) => {
    requireUser(c);
    return c.json(await svc.callCandidates(c.var.ctx, c.req.param('id'), c.req.query(), c.var.deps.config));
  });

  r.get('/requests/:id/candidates', async (c) => {
    requireUser(c);
    return c.json(await svc.requestCandidates(c.var.ctx, c.req.param('id'), c.req.query(), c.var.deps.config));
  });

  r.get('/opportunities', async (c) => {
    requireUser(c);
    const organisation = c.req.query('organisation');
    return c.json(await svc.opportunities(c.var.ctx, { organisationId: organisation || undefined }));
  });

  r.post('/calls/:id/candidates/invite', async (c) => {
    requireUser(c);
    const out = await svc.inviteCandidate(c.var.ctx, c.req.param('id'), await jsonObject(c));
    if (out.ok) return c.json(out);
    return c.json({ error: { code: out.reason, message: c.get('t')(INVITE_REFUSALS[out.reason]) } }, 409);
  });

  return r;
}
