/** Evaluation pages: a programme's questionnaires (broker: add, edit, retire), answering (the side asked), results per exchange and across a programme (its JSON: evaluations.api.ts), and a broker's manual run of the schedule. Thin. */
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { redirectTo, setFlash } from '../../platform/render.ts';
import { formAction, requireUser, type FormBody } from '../../platform/forms.ts';
import * as svc from './evaluations.service.ts';
import * as v from './evaluations.views.ts';

/** The form as text fields (a repeated field keeps its last value, as a single field would). */
const text = (b: FormBody): Record<string, string> => Object.fromEntries(Object.entries(b).map(([k, x]) => [k, Array.isArray(x) ? (x.at(-1) ?? '') : x]));

/** The typed values with three more blank question rows. */
function moreRows(body: Record<string, string>): Record<string, string> {
  return { ...body, rows: String(Math.min(svc.MAX_FORM_ROWS, svc.formRows(body, 1) + svc.BLANK_ROWS)) };
}

export function evaluationsRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.use('/evaluations/*', async (c, next) => {
    requireUser(c);
    await next();
  });

  r.get('/evaluations/questionnaires', async (c) => {
    const p = await svc.questionnairesPage(c.var.ctx, c.req.query('programme') ?? '');
    return v.questionnairesView(c, p, { values: { q0_kind: 'scale' }, errors: {} });
  });

  r.post('/evaluations/questionnaires', async (c) => {
    const programmeId = c.req.query('programme') ?? '';
    return formAction(
      c,
      async (raw) => {
        const body = text(raw);
        // "More rows" re-shows the form with three more blank rows; nothing is saved.
        if (body.action === 'more') return v.questionnairesView(c, await svc.questionnairesPage(c.var.ctx, programmeId), { values: moreRows(body), errors: {} });
        const out = await svc.createQuestionnaire(c.var.ctx, programmeId, body);
        setFlash(c, out.ok ? 'evaluations.flash.questionnaireSaved' : 'evaluations.flash.stageTaken');
        return redirectTo(c, `/evaluations/questionnaires?programme=${programmeId}`);
      },
      async (form, status) => v.questionnairesView(c, await svc.questionnairesPage(c.var.ctx, programmeId), form, status),
    );
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
    const editor = async () => {
      const p = await svc.questionnaireEditor(ctx, id);
      if ('retired' in p) throw new NotFoundError();
      return p;
    };
    return formAction(
      c,
      async (raw) => {
        const body = text(raw);
        if (body.action === 'more') return v.editorView(c, await editor(), { values: moreRows(body), errors: {} });
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
      },
      async (form, status) => v.editorView(c, await editor(), form, status),
    );
  });

  r.post('/evaluations/questionnaires/:id/retire', async (c) => {
    const out = await svc.retireQuestionnaire(c.var.ctx, c.req.param('id'));
    setFlash(c, out.ok ? 'evaluations.flash.retired' : 'evaluations.flash.notCurrent');
    return redirectTo(c, `/evaluations/questionnaires?programme=${out.programmeId}`);
  });

  r.get('/evaluations/results', async (c) => v.programmeResultsView(c, await svc.programmeResults(c.var.ctx, c.req.query('programme') ?? '')));

  r.post('/evaluations/run', async (c) => c.json(await svc.runScheduleNow(c.var.ctx)));

  r.get('/evaluations/:id', async (c) => v.evaluationView(c, await svc.getEvaluation(c.var.ctx, c.req.param('id')), null));

  r.post('/evaluations/:id', async (c) => {
    const id = c.req.param('id');
    return formAction(
      c,
      async (raw) => {
        const out = await svc.answerEvaluation(c.var.ctx, id, text(raw));
        setFlash(c, out.ok ? 'evaluations.flash.answered' : 'evaluations.flash.alreadyAnswered');
        return redirectTo(c, `/evaluations/${id}`);
      },
      async (form, status) => v.evaluationView(c, await svc.getEvaluation(c.var.ctx, id), form, status),
    );
  });

  r.get('/exchanges/:id/evaluations', async (c) => {
    requireUser(c);
    return v.resultsView(c, await svc.exchangeResults(c.var.ctx, c.req.param('id')));
  });
  return r;
}
