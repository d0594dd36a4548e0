/**
 * Exchanges, terms of reference and evaluations as JSON under /api/v1. The same services as the
 * pages; a personal access token (Bearer) or the session authenticates. Expected refusals answer
 * 409 with the outcome's reason as the code; a private exchange answers 404 to anyone else.
 */
import { Hono } from 'hono';
import type { AppEnv, Ctx } from '../../platform/http.ts';

import { ValidationError } from '../../platform/errors.ts';
import { jsonObject } from '../../platform/validation.ts';
import { apiAuth } from '../accounts/accounts.service.ts';
import * as svc from './exchanges.service.ts';
import * as ev from '../evaluations/evaluations.service.ts';

function answer(c: Ctx, out: { ok: boolean; reason?: string } & Record<string, unknown>): Response {
  if (out.ok) return c.json(out);
  return c.json({ error: { code: out.reason ?? 'conflict', message: c.get('t')('exchanges.flash.notAllowed') } }, 409);
}

export function exchangesApiRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const auth = apiAuth({ required: true });
  r.use('/exchanges', auth);
  r.use('/exchanges/*', auth);
  r.use('/evaluations/*', auth);

  r.get('/exchanges', async (c) => c.json((await svc.listExchanges(c.var.ctx)).exchanges));
  r.get('/exchanges/:id', async (c) => {
    const x = await svc.getExchange(c.var.ctx, c.req.param('id'));
    const { abilities: _a, messages: _m, ...rest } = x;
    return c.json(rest);
  });
  r.get('/exchanges/:id/terms', async (c) => {
    const x = await svc.getTor(c.var.ctx, c.req.param('id'));
    return c.json({ exchangeId: x.exchange.id, agreedVersion: x.agreedVersion, versions: x.versions });
  });
  r.post('/exchanges/:id/terms/signatures', async (c) => {
    const b = await jsonObject(c);
    const version = Number(b.version);
    if (!Number.isInteger(version)) throw new ValidationError({ version: 'platform.form.invalid' });
    return answer(c, await svc.signTor(c.var.ctx, c.req.param('id'), version));
  });
  r.post('/exchanges/:id/transitions', async (c) => {
    const b = await jsonObject(c);
    return answer(c, await svc.moveExchange(c.var.ctx, c.req.param('id'), String(b.event ?? '')));
  });
  r.get('/exchanges/:id/evaluations', async (c) => c.json(await ev.exchangeResults(c.var.ctx, c.req.param('id'))));
  r.get('/evaluations/:id', async (c) => c.json(await ev.getEvaluation(c.var.ctx, c.req.param('id'))));
  r.post('/evaluations/:id/answers', async (c) => {
    // JSON: { "answers": { "<questionId>": 4, "<questionId>": "text" } }
    const b = await jsonObject(c);
    const answers = b.answers && typeof b.answers === 'object' ? (b.answers as Record<string, unknown>) : {};
    const form = Object.fromEntries(Object.entries(answers).map(([k, v]) => [`a_${k}`, String(v)]));
    return answer(c, await ev.answerEvaluation(c.var.ctx, c.req.param('id'), form));
  });
  return r;
}
