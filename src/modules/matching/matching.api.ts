/**
 * Matching as JSON under /api/v1: a call's and a request's ranked candidates, "invite to offer", and
 * opportunities for the caller's organisations. The same services as the pages; the API router's
 * sign-in (token or session) has run.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http.ts';

import { ValidationError } from '../../platform/errors.ts';
import { requireUser } from '../../platform/forms.ts';
import * as svc from './matching.service.ts';

const INVITE_REFUSALS = { no_account: 'matching.candidates.noAccount', own_organisation: 'matching.candidates.ownOrganisation', closed: 'matching.candidates.closed' } as const;

export function matchingApiRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get('/calls/:id/candidates', async (c) => {
    requireUser(c);
    return c.json(await svc.callCandidates(c.var.ctx, c.req.param('id'), c.req.query()));
  });

  r.get('/requests/:id/candidates', async (c) => {
    requireUser(c);
    return c.json(await svc.requestCandidates(c.var.ctx, c.req.param('id'), c.req.query()));
  });

  r.get('/opportunities', async (c) => {
    requireUser(c);
    const organisation = c.req.query('organisation');
    return c.json(await svc.opportunities(c.var.ctx, { organisationId: organisation || undefined }));
  });

  r.post('/calls/:id/candidates/invite', async (c) => {
    requireUser(c);
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new ValidationError({ _body: 'platform.form.invalid' });
    }
    const out = await svc.inviteCandidate(c.var.ctx, c.req.param('id'), body);
    if (out.ok) return c.json(out);
    return c.json({ error: { code: out.reason, message: c.get('t')(INVITE_REFUSALS[out.reason]) } }, 409);
  });

  return r;
}
