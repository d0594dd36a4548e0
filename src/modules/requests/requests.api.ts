/**
 * Requests as JSON under /api/v1: create, steps, endorse, submit, withdraw; eligibility, the
 * committee's review (conflicts, scores), decisions. The same services as the pages; the API
 * router's sign-in (token or session) has run. Expected refusals answer 409 with the outcome's
 * code; invalid input 400 with a message per field.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, Ctx } from '../../platform/http.ts';

import { requireUser } from '../../platform/forms.ts';
import { jsonObject } from '../../platform/validation.ts';
import { UUID } from '../../platform/ids.ts';
import { declareOperations, outcome } from '../../platform/openapi.ts';
import * as svc from './requests.service.ts';
import * as sel from './requests.selection.ts';
import { conflictInput, createRequestInput, decisionInput, eligibilityInput, endorseInput, reviewInput, STEP_SCHEMAS, STEPS } from './requests.schema.ts';

const idParam = z.object({ id: z.string().regex(UUID) });
const refusals = [403, 404, 409] as const;
const review = {
  auth: 'required',
  params: idParam,
  body: reviewInput,
  response: outcome,
  errors: refusals,
  description: 'Every criterion of the programme needs a score; invalid ones answer 400 with a message per `score_<criterionId>` / `comment_<criterionId>`. Outside the review window: 409 window_closed.',
} as const;

export const requestsOperations = declareOperations('requests', [
  { method: 'get', path: '/requests', operationId: 'listMyRequests', summary: 'Your requests and those your committee reviews', auth: 'required' },
  { method: 'post', path: '/requests', operationId: 'startRequest', summary: 'Start a draft request (active requester of a verified organisation, round open)', auth: 'required', body: createRequestInput, response: outcome, status: 201, errors: refusals },
  { method: 'get', path: '/requests/:id', operationId: 'getRequest', summary: 'A request you may see', params: idParam, errors: [404] },
  {
    method: 'put',
    path: '/requests/:id/steps/:step',
    operationId: 'saveRequestStep',
    summary: 'Save one step of the draft (validated; withdraws an endorsement)',
    auth: 'required',
    params: z.object({ id: z.string().regex(UUID), step: z.enum(STEPS) }),
    body: z.union(Object.values(STEP_SCHEMAS)),
    response: outcome,
    errors: refusals,
  },
  { method: 'post', path: '/requests/:id/endorse', operationId: 'endorseRequest', summary: "The organisation's approver endorses the complete draft", auth: 'required', params: idParam, body: endorseInput, response: outcome, errors: refusals },
  { method: 'post', path: '/requests/:id/submit', operationId: 'submitRequest', summary: 'Submit the endorsed draft while the round is open', auth: 'required', params: idParam, response: outcome, errors: refusals },
  { method: 'post', path: '/requests/:id/withdraw', operationId: 'withdrawRequest', summary: 'Withdraw a submitted, undecided request', auth: 'required', params: idParam, response: outcome, errors: refusals },
  { method: 'get', path: '/requests/:id/eligibility', operationId: 'getEligibility', summary: 'Automatic rules and the broker verdict (secretariat)', auth: 'required', params: idParam, errors: [404] },
  { method: 'post', path: '/requests/:id/eligibility', operationId: 'recordEligibility', summary: 'The broker records eligible or ineligible (a reason is required for ineligible)', auth: 'required', params: idParam, body: eligibilityInput, response: outcome, errors: refusals },
  { method: 'post', path: '/requests/:id/review-opening', operationId: 'openReview', summary: 'The broker opens the committee review', auth: 'required', params: idParam, response: outcome, errors: refusals },
  { method: 'post', path: '/requests/:id/conflict', operationId: 'declareConflict', summary: 'A committee member declares a conflict of interest (once)', auth: 'required', params: idParam, body: conflictInput, response: outcome, errors: refusals },
  { method: 'get', path: '/requests/:id/reviews', operationId: 'getScoreBoard', summary: 'Scores side by side with mean and spread (secretariat; committee after the decision)', auth: 'required', params: idParam, errors: [404] },
  { method: 'post', path: '/requests/:id/reviews', operationId: 'scoreRequest', summary: 'A committee member scores each criterion 0–5 with a comment, inside the review window (a second review replaces the first)', ...review },
  { method: 'put', path: '/requests/:id/review', operationId: 'saveMyReview', summary: 'The same as POST /requests/{id}/reviews: the caller’s review, created or replaced', ...review },
  { method: 'get', path: '/requests/:id/decision', operationId: 'getDecision', summary: 'The decision, if any', auth: 'required', params: idParam, errors: [404] },
  { method: 'post', path: '/requests/:id/decision', operationId: 'decideRequest', summary: 'Record the decision (broker or a committee member without conflict); one per request', auth: 'required', params: idParam, body: decisionInput, response: outcome, status: 201, errors: refusals },
]);

/** An outcome as JSON: ok → 200 (or `okStatus`), a refusal → 409 with its reason as the code. */
function answer(c: Ctx, out: { ok: boolean; reason?: string } & Record<string, unknown>, okStatus: 200 | 201 = 200): Response {
  if (out.ok) return c.json(out, okStatus);
  return c.json({ error: { code: out.reason ?? 'conflict', message: c.get('t')('requests.notAllowed') } }, 409);
}

/** `{ scores: { <criterionId>: { score, comment } } }` → the fields of the page's form (`score_<id>`, `comment_<id>`), which the service checks. */
async function reviewForm(c: Ctx): Promise<Record<string, unknown>> {
  const body = await jsonObject(c);
  const flat: Record<string, unknown> = {};
  const scores = body.scores && typeof body.scores === 'object' ? (body.scores as Record<string, { score?: unknown; comment?: unknown }>) : {};
  for (const [id, s] of Object.entries(scores)) {
    flat[`score_${id}`] = s?.score === undefined ? undefined : String(s.score);
    flat[`comment_${id}`] = s?.comment;
  }
  return flat;
}

export function requestsApiRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.post('/requests', async (c) => {
    requireUser(c);
    return answer(c, await svc.startRequest(c.var.ctx, await jsonObject(c)), 201);
  });
  r.get('/requests', async (c) => {
    requireUser(c);
    return c.json(await svc.myRequests(c.var.ctx));
  });
  r.get('/requests/:id', async (c) => c.json(await svc.getRequest(c.var.ctx, c.req.param('id'))));
  r.put('/requests/:id/steps/:step', async (c) => {
    requireUser(c);
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
  r.post('/requests/:id/reviews', async (c) => answer(c, await sel.saveReview(c.var.ctx, c.req.param('id'), await reviewForm(c))));
  r.put('/requests/:id/review', async (c) => answer(c, await sel.saveReview(c.var.ctx, c.req.param('id'), await reviewForm(c))));
  r.get('/requests/:id/decision', async (c) => c.json({ decision: await sel.getDecision(c.var.ctx, c.req.param('id')) }));
  r.post('/requests/:id/decision', async (c) => answer(c, await sel.decide(c.var.ctx, c.req.param('id'), await jsonObject(c)), 201));

  return r;
}
