/**
 * Exchanges and their terms of reference as JSON under /api/v1: plan an exchange from a confirmed
 * match, change its plan, read it, sign the terms, move it on. The same services as the pages; the
 * API router's sign-in (token or session) has run. Expected refusals answer 409 with the outcome's
 * reason as the code; a private exchange answers 404 to anyone else.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, Ctx } from '../../platform/http.ts';

import { ValidationError } from '../../platform/errors.ts';
import { requireUser } from '../../platform/forms.ts';
import { jsonObject } from '../../platform/validation.ts';
import { UUID } from '../../platform/ids.ts';
import { declareOperations, outcome } from '../../platform/openapi.ts';
import * as svc from './exchanges.service.ts';
import * as page from './exchanges.page.service.ts';
import * as tor from './exchanges.tor.service.ts';
import { agendaSchema, messageSchema, planSchema, taskSchema, torSchema } from './exchanges.schema.ts';
import { EXCHANGE_EVENTS } from './exchanges.workflow.ts';

const idParam = z.object({ id: z.string().regex(UUID) });
const PLAN_FIELDS =
  'Besides these fields, as on the page: participant counts `p_<host|peer|stakeholder>_<official|elected|expert|civil_society|private_sector|other>_<women|men|other>` (0–10000) and up to 5 budget rows `b<0–4>_label`, `b<i>_amount` (a string, "1250.50"), `b<i>_currency` (ISO 4217, EUR by default), `b<i>_fundedBy`; each invalid one answers 400 under its own name.';

export const exchangesOperations = declareOperations('exchanges', [
  { method: 'get', path: '/exchanges', operationId: 'listExchanges', summary: 'Exchanges you take part in (all of them for a broker)', auth: 'required' },
  {
    method: 'post',
    path: '/matches/:id/exchange',
    operationId: 'planExchange',
    summary: 'The broker plans the exchange of a confirmed match (one per match; 409 already_planned with its id); the first terms of reference come from the format’s template',
    description: PLAN_FIELDS,
    auth: 'required',
    params: idParam,
    body: planSchema,
    response: outcome,
    status: 201,
    errors: [404, 409],
  },
  { method: 'get', path: '/exchanges/:id', operationId: 'getExchange', summary: 'An exchange: plan, participants by side/type/gender, budget, documents, agenda, tasks, history', auth: 'required', params: idParam, errors: [404] },
  { method: 'put', path: '/exchanges/:id/plan', operationId: 'updateExchangePlan', summary: 'The broker changes the plan while it is planned or agreed (every field, as the page sends them)', description: PLAN_FIELDS, auth: 'required', params: idParam, body: planSchema, response: outcome, errors: [404] },
  { method: 'get', path: '/exchanges/:id/terms', operationId: 'getTermsOfReference', summary: 'Terms of reference: every version with who signed it for which side, when', auth: 'required', params: idParam, errors: [404] },
  {
    method: 'post',
    path: '/exchanges/:id/terms',
    operationId: 'writeTermsOfReference',
    summary: 'The broker writes a new version of the terms of reference (409 unchanged; 409 conflict when another version was written since `baseVersion`); both sides are told',
    auth: 'required',
    params: idParam,
    body: torSchema.extend({ baseVersion: z.int().min(1).optional().meta({ description: 'The version this one was written from' }) }),
    response: outcome,
    status: 201,
    errors: [404, 409],
  },
  {
    method: 'post',
    path: '/exchanges/:id/terms/signatures',
    operationId: 'signTermsOfReference',
    summary: 'Sign the latest version for every side you stand for (host, peer, broker)',
    auth: 'required',
    params: idParam,
    body: z.object({ version: z.int().min(1) }),
    response: outcome,
    errors: [404, 409],
  },
  {
    method: 'post',
    path: '/exchanges/:id/transitions',
    operationId: 'moveExchange',
    summary: 'Move the exchange on (broker): agree, hold, evaluate, close',
    auth: 'required',
    params: idParam,
    body: z.object({ event: z.enum(EXCHANGE_EVENTS) }),
    response: outcome,
    errors: [404, 409],
  },
  { method: 'post', path: '/exchanges/:id/messages', operationId: 'postExchangeMessage', summary: 'A message to the exchange’s participants (both sides are told)', auth: 'required', params: idParam, body: messageSchema, response: outcome, status: 201, errors: [404] },
  { method: 'post', path: '/exchanges/:id/agenda', operationId: 'addAgendaItem', summary: 'An agenda item, on a day between the exchange’s dates', auth: 'required', params: idParam, body: agendaSchema, response: outcome, status: 201, errors: [404] },
  { method: 'post', path: '/exchanges/:id/tasks', operationId: 'addExchangeTask', summary: 'A task with its due date', auth: 'required', params: idParam, body: taskSchema, response: outcome, status: 201, errors: [404] },
  {
    method: 'post',
    path: '/exchanges/:id/lesson',
    operationId: 'draftLessonFromExchange',
    summary: 'The broker drafts a good practice from the exchange’s record (problem, agreed terms, evaluations, budget, partners), for an editor to complete and publish through /good-practices',
    auth: 'required',
    params: idParam,
    response: outcome,
    status: 201,
    errors: [404],
  },
]);

function answer(c: Ctx, out: { ok: boolean; reason?: string } & Record<string, unknown>, okStatus: 200 | 201 = 200): Response {
  if (out.ok) return c.json(out, okStatus);
  return c.json({ error: { code: out.reason ?? 'conflict', message: c.get('t')('exchanges.flash.notAllowed') } }, 409);
}

export function exchangesApiRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.use('/exchanges', async (c, next) => (requireUser(c), next()));
  r.use('/exchanges/*', async (c, next) => (requireUser(c), next()));

  r.get('/exchanges', async (c) => c.json((await svc.listExchanges(c.var.ctx)).exchanges));
  r.post('/matches/:id/exchange', async (c) => {
    requireUser(c);
    const out = await svc.planExchange(c.var.ctx, c.req.param('id'), await jsonObject(c), c.get('t'));
    if (!out.ok) return c.json({ error: { code: out.reason, message: c.get('t')('exchanges.flash.alreadyPlanned'), id: out.id } }, 409);
    c.header('Location', `/api/v1/exchanges/${out.id}`);
    return c.json(out, 201);
  });
  r.get('/exchanges/:id', async (c) => {
    const x = await page.getExchange(c.var.ctx, c.req.param('id'));
    const { abilities: _a, messages: _m, ...rest } = x;
    return c.json(rest);
  });
  r.put('/exchanges/:id/plan', async (c) => c.json(await svc.updatePlan(c.var.ctx, c.req.param('id'), await jsonObject(c))));
  r.get('/exchanges/:id/terms', async (c) => {
    const x = await tor.getTor(c.var.ctx, c.req.param('id'));
    return c.json({ exchangeId: x.exchange.id, agreedVersion: x.agreedVersion, versions: x.versions });
  });
  r.post('/exchanges/:id/terms', async (c) => answer(c, await tor.writeTor(c.var.ctx, c.req.param('id'), await jsonObject(c)), 201));
  r.post('/exchanges/:id/terms/signatures', async (c) => {
    const b = await jsonObject(c);
    const version = Number(b.version);
    if (!Number.isInteger(version)) throw new ValidationError({ version: 'platform.form.invalid' });
    return answer(c, await tor.signTor(c.var.ctx, c.req.param('id'), version));
  });
  r.post('/exchanges/:id/transitions', async (c) => {
    const b = await jsonObject(c);
    return answer(c, await svc.moveExchange(c.var.ctx, c.req.param('id'), String(b.event ?? '')));
  });
  const post = (path: string, action: (ctx: Ctx['var']['ctx'], id: string, body: unknown) => Promise<void>) =>
    r.post(path, async (c) => {
      await action(c.var.ctx, c.req.param('id')!, await jsonObject(c));
      return c.json({ ok: true }, 201);
    });
  post('/exchanges/:id/messages', page.postMessage);
  post('/exchanges/:id/agenda', page.addAgendaItem);
  post('/exchanges/:id/tasks', page.addTask);
  r.post('/exchanges/:id/lesson', async (c) => {
    const { id } = await svc.draftLesson(c.var.ctx, c.req.param('id'), c.get('t'));
    c.header('Location', `/api/v1/good-practices/${id}`);
    return c.json({ ok: true, id }, 201);
  });
  return r;
}
