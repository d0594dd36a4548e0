/**
 * The CONNECT lifecycle as JSON under /api/v1: requests (create, steps, endorse, submit,
 * withdraw), eligibility, review, decisions, calls, offers, matches. The same services as the
 * pages; a personal access token (Bearer) or the session authenticates. Expected refusals answer
 * 409 with the outcome's code; invalid input 400 with a message per field.
 */
import { Hono } from 'hono';
import type { AppEnv, Ctx } from '../../platform/http.ts';

import { UnauthorizedError } from '../../platform/errors.ts';
import { jsonObject } from '../../platform/validation.ts';
import { apiAuth } from '../accounts/accounts.service.ts';
import * as calls from '../calls/calls.service.ts';
import * as svc from './requests.service.ts';
import * as sel from './requests.selection.ts';

/** An outcome as JSON: ok → 200 (or `okStatus`), a refusal → 409 with its reason as the code. */
function answer(c: Ctx, out: { ok: boolean; reason?: string } & Record<string, unknown>, okStatus: 200 | 201 = 200): Response {
  if (out.ok) return c.json(out, okStatus);
  return c.json({ error: { code: out.reason ?? 'conflict', message: c.get('t')('requests.notAllowed') } }, 409);
}

export function requestsApiRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  // Bearer tokens for scripts; otherwise the session (set by the app) stands.
  r.use('*', apiAuth());

  const needUser = (c: Ctx) => {
    if (!c.get('user')) throw new UnauthorizedError();
  };

  r.post('/requests', async (c) => {
    needUser(c);
    return answer(c, await svc.startRequest(c.var.ctx, await jsonObject(c)), 201);
  });
  r.get('/requests', async (c) => {
    needUser(c);
    return c.json(await svc.myRequests(c.var.ctx));
  });
  r.get('/requests/:id', async (c) => c.json(await svc.getRequest(c.var.ctx, c.req.param('id'))));
  r.put('/requests/:id/steps/:step', async (c) => {
    needUser(c);
    return answer(c, await svc.saveStep(c.var.ctx, c.req.param('id'), c.req.param('step'), await jsonObject(c)));
  });
  r.post('/requests/:id/endorse', async (c) => answer(c, await svc.endorseRequest(c.var.ctx, c.req.param('id'), await jsonObject(c).catch(() => ({})))));
  r.post('/requests/:id/submit', async (c) => answer(c, await svc.submitRequest(c.var.ctx, c.req.param('id'))));
  r.post('/requests/:id/withdraw', async (c) => answer(c, await svc.withdrawRequest(c.var.ctx, c.req.param('id'))));
  r.get('/requests/:id/eligibility', async (c) => c.json(await sel.getEligibility(c.var.ctx, c.req.param('id'))));
  r.post('/requests/:id/eligibility', async (c) => answer(c, await sel.recordEligibility(c.var.ctx, c.req.param('id'), await jsonObject(c))));
  r.post('/requests/:id/review-opening', async (c) => answer(c, await sel.openReview(c.var.ctx, c.req.param('id'))));
  r.post('/requests/:id/conflict', async (c) => answer(c, await sel.declareConflict(c.var.ctx, c.req.param('id'), await jsonObject(c))));
  r.get('/requests/:id/reviews', async (c) => c.json(await sel.getScoreBoard(c.var.ctx, c.req.param('id'))));
  r.put('/requests/:id/review', async (c) => {
    // JSON: { "scores": { "<criterionId>": { "score": 4, "comment": "…" } } }
    const body = await jsonObject(c);
    const flat: Record<string, unknown> = {};
    const scores = body.scores && typeof body.scores === 'object' ? (body.scores as Record<string, { score?: unknown; comment?: unknown }>) : {};
    for (const [id, s] of Object.entries(scores)) {
      flat[`score_${id}`] = s?.score === undefined ? undefined : String(s.score);
      flat[`comment_${id}`] = s?.comment;
    }
    return answer(c, await sel.saveReview(c.var.ctx, c.req.param('id'), flat));
  });
  r.get('/requests/:id/decision', async (c) => c.json({ decision: await sel.getDecision(c.var.ctx, c.req.param('id')) }));
  r.post('/requests/:id/decision', async (c) => answer(c, await sel.decide(c.var.ctx, c.req.param('id'), await jsonObject(c)), 201));
  r.post('/requests/:id/call', async (c) => answer(c, await calls.publishCall(c.var.ctx, c.req.param('id'), await jsonObject(c)), 201));

  r.get('/calls', async (c) => c.json({ calls: await calls.listOpenCalls(c.var.ctx, c.req.query()) }));
  r.get('/calls/:id', async (c) => c.json((await calls.getCall(c.var.ctx, c.req.param('id'))).call));
  r.get('/calls/:id/offers', async (c) => c.json(await calls.listCallOffers(c.var.ctx, c.req.param('id'))));
  r.post('/calls/:id/offers', async (c) => {
    needUser(c);
    return answer(c, await calls.makeOffer(c.var.ctx, c.req.param('id'), await jsonObject(c)), 201);
  });
  r.get('/offers/:id', async (c) => c.json(await calls.getOffer(c.var.ctx, c.req.param('id'))));
  r.post('/offers/:id/messages', async (c) => answer(c, await calls.postMessage(c.var.ctx, c.req.param('id'), await jsonObject(c)), 201));
  r.post('/offers/:id/withdraw', async (c) => answer(c, await calls.withdrawOffer(c.var.ctx, c.req.param('id'))));
  r.post('/offers/:id/shortlist', async (c) => answer(c, await calls.shortlistOffer(c.var.ctx, c.req.param('id'))));
  r.post('/offers/:id/propose', async (c) => answer(c, await calls.proposeMatch(c.var.ctx, c.req.param('id')), 201));
  r.post('/matches/:id/confirm', async (c) => answer(c, await calls.confirmMatch(c.var.ctx, c.req.param('id'), 'confirm')));
  r.post('/matches/:id/decline', async (c) => answer(c, await calls.confirmMatch(c.var.ctx, c.req.param('id'), 'decline')));

  return r;
}
