/**
 * Evaluations as JSON under /api/v1: an exchange's results, a questionnaire sent to the caller's
 * side and its answer, and a programme's results for the secretariat. The same services as the
 * pages; the API router's sign-in (token or session) has run.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, Ctx } from '../../platform/http.ts';

import { requireUser } from '../../platform/forms.ts';
import { jsonObject } from '../../platform/validation.ts';
import { UUID } from '../../platform/ids.ts';
import { declareOperations, outcome } from '../../platform/openapi.ts';
import * as svc from './evaluations.service.ts';
import { SIDES, STAGES } from './evaluations.schedule.ts';

const idParam = z.object({ id: z.string().regex(UUID) });
const count = z.int().min(0);

/** What GET /programmes/{id}/evaluation-results answers (svc.ProgrammeResults), for the document. */
export const programmeResultsAnswer = z.object({
  programme: z.object({ id: z.uuid(), name: z.string() }),
  stages: z.array(
    z.object({
      stage: z.enum(STAGES),
      sides: z.array(
        z.object({
          side: z.enum(SIDES),
          sent: count,
          answered: count,
          versions: z.array(
            z
              .object({
                questionnaireId: z.uuid(),
                version: z.int().min(1),
                title: z.string(),
                current: z.boolean().meta({ description: 'false for a version replaced or retired' }),
                sent: count,
                answered: count,
                questions: z.array(
                  z.object({
                    id: z.uuid(),
                    position: count,
                    kind: z.enum(svc.QUESTION_KINDS),
                    label: z.string(),
                    answers: count.meta({ description: 'How many answered this question' }),
                    mean: z.number().nullable().meta({ description: 'scale and number' }),
                    median: z.number().nullable().meta({ description: 'number' }),
                    distribution: z.array(z.object({ value: z.int().min(1).max(5), n: count })).nullable().meta({ description: 'scale: answers per value 1–5' }),
                    options: z.array(z.object({ option: z.string(), n: count })).nullable().meta({ description: 'choice: answers per option' }),
                    texts: z.array(z.object({ exchangeId: z.uuid(), exchangeTitle: z.string(), text: z.string() })).nullable().meta({ description: 'text: the latest answers (at most 20; `answers` counts them all)' }),
                  }),
                ),
              })
              .meta({ description: 'A questionnaire version sent to this side at least once' }),
          ),
        }),
      ),
    }),
  ),
});

export const evaluationsOperations = declareOperations('evaluations', [
  { method: 'get', path: '/exchanges/:id/evaluations', operationId: 'getExchangeEvaluations', summary: 'Evaluation results of an exchange (every side for the broker, your own side otherwise)', auth: 'required', params: idParam, errors: [404] },
  { method: 'get', path: '/evaluations/:id', operationId: 'getEvaluation', summary: 'A questionnaire sent to your side, with its answer if given', auth: 'required', params: idParam, errors: [404] },
  {
    method: 'post',
    path: '/evaluations/:id/answers',
    operationId: 'answerEvaluation',
    summary: 'Answer for your side, once (a second answer answers 409 already_answered); invalid answers 400 under `a_<questionId>`',
    auth: 'required',
    params: idParam,
    body: z.object({ answers: z.record(z.uuid(), z.union([z.string(), z.number()])) }),
    response: outcome,
    errors: [404, 409],
  },
  { method: 'get', path: '/programmes/:id/evaluation-results', operationId: 'getProgrammeEvaluationResults', summary: 'Evaluation results across a programme, per stage, side and questionnaire version (brokers and admins)', auth: 'required', params: idParam, response: programmeResultsAnswer, errors: [404] },
]);

function answer(c: Ctx, out: { ok: boolean; reason?: string }): Response {
  if (out.ok) return c.json(out);
  return c.json({ error: { code: out.reason ?? 'conflict', message: c.get('t')('evaluations.flash.alreadyAnswered') } }, 409);
}

export function evaluationsApiRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.use('/evaluations/*', async (c, next) => (requireUser(c), next()));

  r.get('/exchanges/:id/evaluations', async (c) => {
    requireUser(c);
    return c.json(await svc.exchangeResults(c.var.ctx, c.req.param('id')));
  });
  r.get('/evaluations/:id', async (c) => c.json(await svc.getEvaluation(c.var.ctx, c.req.param('id'))));
  r.post('/evaluations/:id/answers', async (c) => {
    // JSON: { "answers": { "<questionId>": 4, "<questionId>": "text" } } → the page's fields `a_<questionId>`.
    const b = await jsonObject(c);
    const answers = b.answers && typeof b.answers === 'object' ? (b.answers as Record<string, unknown>) : {};
    const form = Object.fromEntries(Object.entries(answers).map(([k, v]) => [`a_${k}`, String(v)]));
    return answer(c, await svc.answerEvaluation(c.var.ctx, c.req.param('id'), form));
  });
  r.get('/programmes/:id/evaluation-results', async (c) => {
    requireUser(c);
    return c.json(await svc.programmeResults(c.var.ctx, c.req.param('id')));
  });
  return r;
}
