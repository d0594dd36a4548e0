/** Request pages: mine, start, steps, the request page and its actions, review, the broker's dashboard. Thin: parse, call a service, render. */
import { Hono } from 'hono';
import type { AppEnv, Ctx } from '../../platform/http.ts';

import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { download, redirectTo, setFlash } from '../../platform/render.ts';
import { formBody, readUpload, requireUser, uploadLimit } from '../../platform/forms.ts';
import { callOfRequest } from '../calls/calls.service.ts';
import * as svc from './requests.service.ts';
import * as sel from './requests.selection.ts';
import { getDashboard } from './requests.dashboard.ts';
import { isStep, type Step } from './requests.schema.ts';
import * as v from './requests.views.ts';
import * as files from './requests.files.ts';
import { openFile } from '../calls/calls.service.ts';

/** Where uploaded bytes live: outside anything served. */
export const filesEnv = (c: Ctx): files.FilesEnv => ({ filesDir: `${c.get('deps').config.dataDir}/files` });

/** The HTTP status for a refused file. */
export const rejectionStatus = (r: files.Rejection): 413 | 415 | 422 => (r === 'too_large' || r === 'quota' ? 413 : r === 'infected' ? 422 : 415);
export const rejectionKey = (r: files.Rejection): string =>
  ({ too_large: 'requests.file.tooLarge', quota: 'requests.file.quota', bad_type: 'requests.file.badType', archive_too_big: 'requests.file.archiveTooBig', infected: 'requests.file.infected' })[r];

/** Everything the request page shows, as far as the viewer may see it. */
async function pageData(c: Ctx, id: string, extra: { errors?: Record<string, string>; values?: Record<string, unknown> } = {}): Promise<v.RequestPageData> {
  const ctx = c.var.ctx;
  const d = await svc.getRequest(ctx, id);
  const [eligibility, board, decision, call, attachments, warnings] = await Promise.all([
    d.abilities.viewReviews && d.state !== 'draft' ? sel.getEligibility(ctx, id) : Promise.resolve(null),
    d.abilities.viewReviews && d.state !== 'draft' && d.state !== 'submitted' ? sel.getScoreBoard(ctx, id) : Promise.resolve(null),
    sel.getDecision(ctx, id),
    callOfRequest(ctx, id),
    files.requestAttachments(ctx, id),
    d.abilities.edit ? sel.draftWarnings(ctx, id) : Promise.resolve([]),
  ]);
  return { d, eligibility, board, decision, call, attachments, warnings, ...extra };
}

/** Runs an action; a validation problem shows the request page again with the errors (400). */
async function act(c: Ctx, id: string, run: (body: Record<string, string | string[]>) => Promise<string | null>): Promise<Response> {
  const body = await formBody(c);
  try {
    const flash = await run(body);
    if (flash) setFlash(c, flash);
    return redirectTo(c, `/requests/${id}`);
  } catch (e) {
    if (e instanceof ValidationError) return v.requestPage(c, await pageData(c, id, { errors: e.fields, values: body }), 400);
    throw e;
  }
}

export function requestsRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get('/requests', async (c) => {
    requireUser(c);
    return v.myRequestsPage(c, await svc.myRequests(c.var.ctx));
  });

  r.get('/requests/new', async (c) => {
    requireUser(c);
    return v.newRequestPage(c, await svc.getStartForm(c.var.ctx, c.req.query('round') ?? ''), { values: {}, errors: {} });
  });

  r.post('/requests', async (c) => {
    const body = await formBody(c);
    const ctx = c.var.ctx;
    try {
      const out = await svc.startRequest(ctx, body);
      if (!out.ok) {
        return v.newRequestPage(c, await svc.getStartForm(ctx, String(body.roundId ?? '')), { values: body, errors: {} }, 409);
      }
      return redirectTo(c, `/requests/${out.id}/steps/challenge`);
    } catch (e) {
      if (e instanceof ValidationError) return v.newRequestPage(c, await svc.getStartForm(ctx, String(body.roundId ?? '')), { values: body, errors: e.fields }, 400);
      throw e;
    }
  });

  r.get('/requests/:id', async (c) => v.requestPage(c, await pageData(c, c.req.param('id'))));

  r.get('/requests/:id/steps/:step', async (c) => {
    const step = c.req.param('step');
    if (!isStep(step)) throw new NotFoundError();
    const d = await svc.getRequest(c.var.ctx, c.req.param('id'));
    if (!d.abilities.edit) return redirectTo(c, `/requests/${d.id}`);
    return v.stepPage(c, d, step, { values: svc.stepValues(d, step), errors: {} });
  });

  r.post('/requests/:id/steps/:step', async (c) => {
    const id = c.req.param('id');
    const step = c.req.param('step');
    if (!isStep(step)) throw new NotFoundError();
    const raw = await formBody(c);
    // A form always sends every field of its step: checkbox groups left empty mean "none".
    const body: Record<string, string | string[]> = step === 'scope' ? { themes: [], sdgs: [], formats: [], ...raw } : raw;
    if (step === 'scope' && typeof body.languages === 'string') body.languages = body.languages.split(/[\s,;]+/).filter(Boolean);
    try {
      const out = await svc.saveStep(c.var.ctx, id, step, body);
      setFlash(c, 'requests.steps.saved');
      return redirectTo(c, out.next ? `/requests/${id}/steps/${out.next}` : `/requests/${id}`);
    } catch (e) {
      if (e instanceof ValidationError) return v.stepPage(c, await svc.getRequest(c.var.ctx, id), step as Step, { values: raw, errors: e.fields }, 400);
      throw e;
    }
  });

  r.post('/requests/:id/endorse', (c) =>
    act(c, c.req.param('id'), async (body) => {
      const out = await svc.endorseRequest(c.var.ctx, c.req.param('id'), body);
      return out.ok ? 'requests.endorsement.done' : 'requests.draft.incomplete';
    }),
  );

  r.post('/requests/:id/submit', (c) =>
    act(c, c.req.param('id'), async () => {
      const out = await svc.submitRequest(c.var.ctx, c.req.param('id'));
      if (out.ok) return 'requests.submit.done';
      const key = { incomplete: 'requests.draft.incomplete', not_endorsed: 'requests.endorsement.missing', round_closed: 'requests.new.roundClosed', not_allowed: 'requests.notAllowed' }[out.reason];
      throw new ValidationError({ _form: key });
    }),
  );

  r.post('/requests/:id/withdraw', (c) =>
    act(c, c.req.param('id'), async () => ((await svc.withdrawRequest(c.var.ctx, c.req.param('id'))).ok ? 'requests.withdraw.done' : 'requests.notAllowed')),
  );

  r.post('/requests/:id/eligibility', (c) =>
    act(c, c.req.param('id'), async (body) => ((await sel.recordEligibility(c.var.ctx, c.req.param('id'), body)).ok ? 'requests.eligibility.done' : 'requests.notAllowed')),
  );

  r.post('/requests/:id/open-review', (c) => act(c, c.req.param('id'), async () => ((await sel.openReview(c.var.ctx, c.req.param('id'))).ok ? 'requests.review.opened' : 'requests.notAllowed')));

  r.post('/requests/:id/conflict', (c) =>
    act(c, c.req.param('id'), async (body) => ((await sel.declareConflict(c.var.ctx, c.req.param('id'), body)).ok ? 'requests.conflict.done' : 'requests.conflict.already')),
  );

  r.post('/requests/:id/decision', (c) =>
    act(c, c.req.param('id'), async (body) => ((await sel.decide(c.var.ctx, c.req.param('id'), body)).ok ? 'requests.decision.done' : 'requests.decision.already')),
  );

  r.get('/requests/:id/review', async (c) => {
    const id = c.req.param('id');
    const ctx = c.var.ctx;
    const form = await sel.getReviewForm(ctx, id);
    const values: Record<string, string> = {};
    for (const [cid, s] of Object.entries(form.mine ?? {})) {
      values[`score_${cid}`] = String(s.score);
      values[`comment_${cid}`] = s.comment;
    }
    return v.reviewPage(c, await svc.getRequest(ctx, id), form, { values, errors: {} });
  });

  r.post('/requests/:id/review', async (c) => {
    const id = c.req.param('id');
    const body = await formBody(c);
    const ctx = c.var.ctx;
    try {
      const out = await sel.saveReview(ctx, id, body);
      if (!out.ok) return v.reviewPage(c, await svc.getRequest(ctx, id), await sel.getReviewForm(ctx, id), { values: body, errors: { _form: 'requests.review.windowClosedShort' } }, 409);
      setFlash(c, 'requests.review.saved');
      return redirectTo(c, `/requests/${id}`);
    } catch (e) {
      if (e instanceof ValidationError) return v.reviewPage(c, await svc.getRequest(ctx, id), await sel.getReviewForm(ctx, id), { values: body, errors: e.fields }, 400);
      throw e;
    }
  });

  r.post('/requests/:id/attachments', uploadLimit(files.MAX_BYTES.request_attachment), async (c) => {
    const id = c.req.param('id');
    const ctx = c.var.ctx;
    const { upload } = await readUpload(c);
    if (!upload) return v.requestPage(c, await pageData(c, id, { errors: { file: 'requests.file.missing' } }), 400);
    const out = await files.attachToRequest(ctx, filesEnv(c), id, upload);
    if (!out.ok) return v.requestPage(c, await pageData(c, id, { errors: { file: rejectionKey(out.reason) } }), rejectionStatus(out.reason));
    setFlash(c, 'requests.file.added');
    return redirectTo(c, `/requests/${id}`);
  });

  r.post('/attachments/:id/delete', async (c) => {
    const out = await files.removeRequestAttachment(c.var.ctx, filesEnv(c), c.req.param('id'));
    setFlash(c, 'requests.file.removed');
    return redirectTo(c, `/requests/${out.requestId}`);
  });

  r.get('/attachments/:id', async (c) => {
    const f = await openFile(c.var.ctx, filesEnv(c), c.req.param('id'));
    return download(c, { name: f.label, type: f.mime, bytes: f.bytes });
  });

  r.get('/broker', async (c) => {
    requireUser(c);
    const query = c.req.query();
    try {
      return v.dashboardPage(c, await getDashboard(c.var.ctx, query), query);
    } catch (e) {
      if (e instanceof ValidationError) return v.dashboardPage(c, await getDashboard(c.var.ctx), query, e.fields, 400);
      throw e;
    }
  });

  return r;
}
