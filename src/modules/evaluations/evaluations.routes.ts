/** Evaluation pages: a programme's questionnaires (broker: add, edit, retire), answering (the side asked), results per exchange and across a programme (its JSON: evaluations.api.ts), and a broker's manual run of the schedule. Thin. */
import { Hono } from 'hono';
import type { AppEnv, Ctx } from '../../platform/http.ts';

import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { link, redirectTo, setFlash } from '../../platform/render.ts';
import { isStaff } from '../exchanges/exchanges.policy.ts';
import * as svc from './evaluations.service.ts';
import * as v from './evaluations.views.ts';

async function formBody(c: Ctx): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(body)) if (typeof val === 'string') out[k] = val;
  return out;
}

/** The typed values with three more blank question rows. */
function moreRows(body: Record<string, string>): Record<string, string> {
  return { ...body, rows: String(Math.min(svc.MAX_FORM_ROWS, svc.formRows(body, 1) + svc.BLANK_ROWS)) };
}

export function evaluationsRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.use('/evaluations/*', async (c, next) => {
    if (!c.get('user')) return c.redirect(`${link(c, '/sign-in')}?next=${encodeURIComponent(c.req.path)}`, 303);
    await next();
  });

  r.get('/evaluations/questionnaires', async (c) => {
    const p = await svc.questionnairesPage(c.var.ctx, c.req.query('programme') ?? '');
    return v.questionnairesView(c, p, { values: { q0_kind: 'scale' }, errors: {} });
  });

  r.post('/evaluations/questionnaires', async (c) => {
    const ctx = c.var.ctx;
    const programmeId = c.req.query('programme') ?? '';
    const body = await formBody(c);
    // "More rows" re-shows the form with three more blank rows; nothing is saved.
    if (body.action === 'more') return v.questionnairesView(c, await svc.questionnairesPage(ctx, programmeId), { values: moreRows(body), errors: {} });
    try {
      const out = await svc.createQuestionnaire(ctx, programmeId, body);
      setFlash(c, out.ok ? 'evaluations.flash.questionnaireSaved' : 'evaluations.flash.stageTaken');
      return redirectTo(c, `/evaluations/questionnaires?programme=${programmeId}`);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      return v.questionnairesView(c, await svc.questionnairesPage(ctx, programmeId), { values: body, errors: e.fields }, 400);
    }
  });

  r.get('/evaluations/questionnaires/:id/edit', async (c) => {
    const p = await svc.questionnaireEditor(c.var.ctx, c.req.param('id'));
    if ('retired' in p) {
      setFlash(c, 'evaluations.flash.notCurrent');
      return redirectTo(c, `/evaluations/questionnaires?programme=${p.programmeId}`);
    }
    return v.editorView(c, p, { values: svc.editorValues(p.questionnaire, p.questionnaire.questions, p.rev), errors: {} });
  });

  r.post('/evaluations/questionnaires/:id/edit', async (c) => {
    const ctx = c.var.ctx;
    const id = c.req.param('id');
    const body = await formBody(c);
    const editor = async () => {
      const p = await svc.questionnaireEditor(ctx, id);
      if ('retired' in p) throw new NotFoundError();
      return p;
    };
    if (body.action === 'more') return v.editorView(c, await editor(), { values: moreRows(body), errors: {} });
    try {
      const out = await svc.saveQuestionnaire(ctx, id, body);
      if (out.ok) {
        setFlash(c, out.mode === 'unchanged' ? 'evaluations.flash.unchanged' : out.mode === 'in_place' ? 'evaluations.flash.questionnaireSaved' : 'evaluations.flash.newVersion');
        return redirectTo(c, `/evaluations/questionnaires?programme=${out.programmeId}`);
      }
      // Someone saved first: show the version current now with what this person typed, to compare and save again.
      if (!out.currentId) {
        setFlash(c, 'evaluations.flash.notCurrent');
        return redirectTo(c, `/evaluations/questionnaires?programme=${out.programmeId}`);
      }
      const p = await svc.questionnaireEditor(ctx, out.currentId);
      if ('retired' in p) throw new NotFoundError();
      return v.editorView(c, p, { values: { ...body, rev: p.rev }, errors: {} }, 409, true);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      return v.editorView(c, await editor(), { values: body, errors: e.fields }, 400);
    }
  });

  r.post('/evaluations/questionnaires/:id/retire', async (c) => {
    const out = await svc.retireQuestionnaire(c.var.ctx, c.req.param('id'));
    setFlash(c, out.ok ? 'evaluations.flash.retired' : 'evaluations.flash.notCurrent');
    return redirectTo(c, `/evaluations/questionnaires?programme=${out.programmeId}`);
  });

  r.get('/evaluations/results', async (c) => v.programmeResultsView(c, await svc.programmeResults(c.var.ctx, c.req.query('programme') ?? '')));

  r.post('/evaluations/run', async (c) => {
    if (!isStaff(c.get('user'))) throw new NotFoundError();
    const ctx = c.var.ctx;
    const out = await svc.runEvaluations(ctx.db, ctx.now);
    return c.json(out);
  });

  r.get('/evaluations/:id', async (c) => v.evaluationView(c, await svc.getEvaluation(c.var.ctx, c.req.param('id')), null));

  r.post('/evaluations/:id', async (c) => {
    const ctx = c.var.ctx;
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
    return v.resultsView(c, await svc.exchangeResults(c.var.ctx, c.req.param('id')));
  });
  return r;
}
