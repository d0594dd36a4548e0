/**
 * Partnerships as JSON under /api/v1: list and read partnerships (the same visibility as the pages:
 * public ones, and the caller's own), send a direct cooperation request and answer one (the same
 * services, rules and per-person limits as the pages: 429 with Retry-After).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../platform/http.ts';
import { requireUser } from '../../platform/forms.ts';
import { jsonObject } from '../../platform/validation.ts';
import { UUID } from '../../platform/ids.ts';
import { declareOperations } from '../../platform/openapi.ts';
import * as svc from './partnerships.service.ts';
import { answerInput, answerResult, listQuery, partnershipAnswer, partnershipListAnswer, requestCreated, requestInput } from './partnerships.schema.ts';

const idParam = z.object({ id: z.string().regex(UUID) });

export const partnershipsOperations = declareOperations('partnerships', [
  { method: 'get', path: '/partnerships', operationId: 'listPartnerships', summary: 'Partnerships of every origin: the public ones and the caller’s own, filtered by approach, theme and a partner’s country', auth: 'optional', query: listQuery, response: partnershipListAnswer },
  { method: 'get', path: '/partnerships/:id', operationId: 'getPartnership', summary: 'A partnership with its partners, approaches and dated history (public once every partner confirmed and the partners asked for it)', auth: 'optional', params: idParam, response: partnershipAnswer, errors: [404] },
  {
    method: 'post',
    path: '/organisations/:id/cooperation-requests',
    operationId: 'sendCooperationRequest',
    summary: 'Ask a peer organisation for contact on a theme, outside any round, for one of the caller’s organisations; its admins are told by mail; at most 5 a day per person (429 with Retry-After)',
    auth: 'required',
    params: idParam,
    body: requestInput,
    response: requestCreated,
    status: 201,
    errors: [404],
  },
  {
    method: 'post',
    path: '/cooperation-requests/:id/answer',
    operationId: 'answerCooperationRequest',
    summary: 'The peer organisation’s admin accepts (a partnership is proposed between both) or declines, with a message',
    auth: 'required',
    params: idParam,
    body: answerInput,
    response: answerResult,
    errors: [404],
  },
]);

const json = (p: Awaited<ReturnType<typeof svc.listPartnerships>>['items'][number]) => ({ id: p.id, title: p.title, lang: p.lang, approaches: p.approaches, themes: p.themes, since: p.since, charterDate: p.charterDate, origin: p.origin, state: p.state, isPublic: p.isPublic, partners: p.partners });

export function partnershipsApiRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/partnerships', async (c) => c.json({ items: (await svc.listPartnerships(c.var.ctx, c.req.query())).items.map(json) }));
  r.get('/partnerships/:id', async (c) => {
    const p = await svc.getPartnership(c.var.ctx, c.req.param('id'));
    return c.json({ ...json(p), summary: p.summary, history: p.history.map((h) => ({ kind: h.kind, day: h.day, title: h.title, note: h.note, exchangeId: p.abilities.contribute ? h.exchange_id : null })) });
  });
  r.post('/organisations/:id/cooperation-requests', async (c) => {
    requireUser(c);
    return c.json(await svc.sendRequest(c.var.ctx, c.req.param('id'), await jsonObject(c)), 201);
  });
  r.post('/cooperation-requests/:id/answer', async (c) => {
    requireUser(c);
    return c.json(await svc.answerRequest(c.var.ctx, c.req.param('id'), await jsonObject(c)));
  });
  return r;
}
