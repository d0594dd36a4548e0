/**
 * Calls for expertise as JSON under /api/v1: publishing a selected request's call, the open calls,
 * offers and their threads, and the match both sides confirm. The same services as the pages; the
 * API router's sign-in (token or session) has run. Expected refusals answer 409 with the outcome's
 * code; invalid input 400 with a message per field.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, Ctx } from '../../platform/http.ts';

import { requireUser } from '../../platform/forms.ts';
import { jsonObject } from '../../platform/validation.ts';
import { UUID } from '../../platform/ids.ts';
import { declareOperations, outcome } from '../../platform/openapi.ts';
import * as calls from './calls.service.ts';
import { callsQuery, messageInput, offerInput, publishCallInput } from './calls.schema.ts';

const idParam = z.object({ id: z.string().regex(UUID) });
const refusals = [403, 404, 409] as const;
const action = (path: string, operationId: string, summary: string, extra: { body?: z.ZodType; status?: 201 } = {}) =>
  ({ method: 'post', path, operationId, summary, auth: 'required', params: idParam, response: outcome, errors: refusals, ...extra }) as const;

export const callsOperations = declareOperations('calls', [
  action('/requests/:id/call', 'publishCall', 'The broker publishes the call for expertise of a selected request', { body: publishCallInput, status: 201 }),
  { method: 'get', path: '/calls', operationId: 'listOpenCalls', summary: 'Open calls for expertise', query: callsQuery },
  { method: 'get', path: '/calls/:id', operationId: 'getCall', summary: 'A public call for expertise (no confidential detail of the request)', params: idParam, errors: [404] },
  { method: 'get', path: '/calls/:id/offers', operationId: 'listCallOffers', summary: "The offers of a call (secretariat), with the provider's last activity", auth: 'required', params: idParam, errors: [404] },
  { ...action('/calls/:id/offers', 'makeOffer', 'Offer expertise: one offer per call and person', { body: offerInput, status: 201 }) },
  { method: 'get', path: '/offers/:id', operationId: 'getOffer', summary: 'An offer with its experts, thread and match', auth: 'required', params: idParam, errors: [404] },
  action('/offers/:id/messages', 'postOfferMessage', 'A message in the offer thread (broker and provider)', { body: messageInput, status: 201 }),
  action('/offers/:id/withdraw', 'withdrawOffer', 'The provider withdraws the offer before it is proposed'),
  action('/offers/:id/shortlist', 'shortlistOffer', 'The broker shortlists an offer'),
  action('/offers/:id/propose', 'proposeMatch', 'The broker proposes the offer as the match of its call', { status: 201 }),
  action('/matches/:id/confirm', 'confirmMatch', 'The requesting side or the provider confirms; both → the request is matched'),
  action('/matches/:id/decline', 'declineMatch', 'Either side declines the proposed match'),
]);

/** An outcome as JSON: ok → 200 (or `okStatus`), a refusal → 409 with its reason as the code. */
function answer(c: Ctx, out: { ok: boolean; reason?: string } & Record<string, unknown>, okStatus: 200 | 201 = 200): Response {
  if (out.ok) return c.json(out, okStatus);
  return c.json({ error: { code: out.reason ?? 'conflict', message: c.get('t')('requests.notAllowed') } }, 409);
}

export function callsApiRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.post('/requests/:id/call', async (c) => answer(c, await calls.publishCall(c.var.ctx, c.req.param('id'), await jsonObject(c)), 201));
  r.get('/calls', async (c) => c.json({ calls: await calls.listOpenCalls(c.var.ctx, c.req.query()) }));
  r.get('/calls/:id', async (c) => c.json((await calls.getCall(c.var.ctx, c.req.param('id'))).call));
  r.get('/calls/:id/offers', async (c) => c.json(await calls.listCallOffers(c.var.ctx, c.req.param('id'))));
  r.post('/calls/:id/offers', async (c) => {
    requireUser(c);
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
