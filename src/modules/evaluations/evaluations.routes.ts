/** Evaluation pages: a programme's questionnaires (broker), answering (the side asked), results per exchange, and a broker's manual run of the schedule. Thin. */
import { Hono } from 'hono';
import type { AppEnv, Ctx } from '../../platform/http.ts';
import { serviceCtx } from '../../platform/http.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { link, redirectTo, setFlash } from '../../platform/render.ts';
import { isStaff } from '../exchanges/exchanges.policy.ts';
import * as svc from './evaluations.service.ts';
import * as v from './evaluations.views.ts';
import { kickOutbox } from '../notifications/notifications.routes.ts';

async function formBody(c: Ctx): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(body)) if (typeof val === 'string') out[k] = val;
  return out;
}

export function evaluationsRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.use('/evaluations/*', async (c, next) => {
    if (!c.get('user')) return c.redirect(`${link(c, '/sign-in')}?next=${encodeURIComponent(c.req.path)}`, 303);
    await next();
  });

  r.get('/evaluations/questionnaires', async (c) => {
    const p = await svc.questionnairesPage(serviceCtx(c), c.req.query('programme') ?? '');
    return v.questionnairesView(c, p, { values: { q0_kind: 'scale' }, errors: {} });
  });

  r.post('/evaluations/questionnaires', async (c) => {
    const ctx = serviceCtx(c);
    const programmeId = c.req.query('programme') ?? '';
    const body = await formBody(c);
    try {
      const out = await svc.createQuestionnaire(ctx, programmeId, body);
      setFlash(c, out.ok ? 'evaluations.flash.questionnaireSaved' : 'evaluations.flash.stageTaken');
      return redirectTo(c, `/evaluations/questionnaires?programme=${programmeId}`);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      return v.questionnairesView(c, await svc.questionnairesPage(ctx, programmeId), { values: body, errors: e.fields }, 400);
    }
  });

  r.post('/evaluations/run', async (c) => {
    if (!isStaff(c.get('user'))) throw new NotFoundError();
    const ctx = serviceCtx(c);
    const out = await svc.runEvaluations(ctx.db, ctx.now);
    if (out.sent || out.reminded) kickOutbox(c);
    return c.json(out);
  });

  r.get('/evaluations/:id', async (c) => v.evaluationView(c, await svc.getEvaluation(serviceCtx(c), c.req.param('id')), null));

  r.post('/evaluations/:id', async (c) => {
    const ctx = serviceCtx(c);
    const id = c.req.param('id');
    const body = await formBody(c);
    try {
      const out = await svc.answerEvaluation(ctx, id, body);
      setFlash(c, out.ok ? 'evaluations.flash.answered' : 'evaluations.flash.alreadyAnswered');
      return redirectTo(c, `/evaluations/${id}`);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      return v.evaluationView(c, await svc.getEvaluation(ctx, id), { values: body, errors: e.fields }, 400);
    }
  });

  r.get('/exchanges/:id/evaluations', async (c) => {
    if (!c.get('user')) return c.redirect(`${link(c, '/sign-in')}?next=${encodeURIComponent(c.req.path)}`, 303);
    return v.resultsView(c, await svc.exchangeResults(serviceCtx(c), c.req.param('id')));
  });
  return r;
}
