/** Request pages: mine, start, steps, the request page and its actions, review, the broker's dashboard. Thin: parse, call a service, render. */
import { Hono } from 'hono';
import type { AppEnv, Ctx } from '../../platform/http.ts';

import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { redirectTo, setFlash } from '../../platform/render.ts';
import { renderSlot } from '../../platform/slots.ts';
import { formAction, formBody, readUpload, requireUser, uploadLimit, type FormBody } from '../../platform/forms.ts';
import { filesEnv, rejectionKey, rejectionStatus, MAX_BYTES, MISSING_FILE_KEY } from '../files/files.service.ts';
import * as svc from './requests.service.ts';
import * as sel from './requests.selection.ts';
import { getDashboard } from './requests.dashboard.ts';
import { isStep } from './requests.schema.ts';
import * as v from './requests.views.ts';
import { readerViewFor } from '../translations/translations.service.ts';
import * as programmes from '../programmes/programmes.service.ts';

/** Everything the request page shows, as far as the viewer may see it. */
async function pageData(c: Ctx, id: string, extra: { errors?: Record<string, string>; values?: Record<string, unknown> } = {}): Promise<v.RequestPageData> {
  const ctx = c.var.ctx;
  const d = await svc.getRequest(ctx, id);
  const [eligibility, board, decision, slot, attachments, warnings] = await Promise.all([
    d.abilities.viewReviews && d.state !== 'draft' ? sel.getEligibility(ctx, id) : Promise.resolve(null),
    d.abilities.viewReviews && d.state !== 'draft' && d.state !== 'submitted' ? sel.getScoreBoard(ctx, id) : Promise.resolve(null),
    sel.getDecision(ctx, id),
    renderSlot(c, 'requests.page', { requestId: id, state: d.state, canPublishCall: d.abilities.publishCall }),
    svc.requestAttachments(ctx, id),
    d.abilities.edit ? sel.draftWarnings(ctx, id) : Promise.resolve([]),
  ]);
  // What the requester wrote, in the reader's language when a machine translation exists (issue 14); not while drafting.
  const shown =
    d.state === 'draft' ? null : await readerViewFor(c, 'request', d.id, { title: d.title, challenge: d.challenge, context: d.context, tried: d.tried, objectives: d.objectives, results: d.results });
  return { d, eligibility, board, decision, slot, attachments, warnings, shown, ...extra };
}

/** Runs an action on the request page and says how it went; a validation problem shows the page again with the errors (400). */
const act = (c: Ctx, id: string, run: (body: FormBody) => Promise<string>): Promise<Response> =>
  formAction(
    c,
    async (body) => {
      setFlash(c, await run(body));
      return redirectTo(c, `/requests/${id}`);
    },
    async (form, status) => v.requestPage(c, await pageData(c, id, form), status),
  );

export function requestsRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get('/requests', async (c) => {
    requireUser(c);
    return v.myRequestsPage(c, await svc.myRequests(c.var.ctx));
  });

  r.get('/requests/new', async (c) => {
    requireUser(c);
    const f = await svc.getStartForm(c.var.ctx, c.req.query('round') ?? '');
    // Between rounds: when the next one opens, and a way to be told (issue 16: a dead end has a way out).
    return v.newRequestPage(c, f, { values: {}, errors: {} }, 200, f.round ? [] : await programmes.nextOpenings(c.var.ctx));
  });

  r.post('/requests', async (c) => {
    const ctx = c.var.ctx;
    const again = async (body: FormBody, errors: Record<string, string>, status: 400 | 409) => v.newRequestPage(c, await svc.getStartForm(ctx, String(body.roundId ?? '')), { values: body, errors }, status);
    return formAction(
      c,
      async (body) => {
        const out = await svc.startRequest(ctx, body);
        // The round closed meanwhile: the start page says so.
        if (!out.ok) return again(body, {}, 409);
        return redirectTo(c, `/requests/${out.id}/steps/challenge`);
      },
      (form, status) => again(form.values as FormBody, form.errors, status),
    );
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
    return formAction(
      c,
      async (raw) => {
        // A form always sends every field of its step: checkbox groups left empty mean "none".
        const body: FormBody = step === 'scope' ? { themes: [], sdgs: [], formats: [], ...raw } : raw;
        if (step === 'scope' && typeof body.languages === 'string') body.languages = body.languages.split(/[\s,;]+/).filter(Boolean);
        const out = await svc.saveStep(c.var.ctx, id, step, body);
        setFlash(c, 'requests.steps.saved');
        return redirectTo(c, out.next ? `/requests/${id}/steps/${out.next}` : `/requests/${id}`);
      },
      async (form, status) => v.stepPage(c, await svc.getRequest(c.var.ctx, id), step, form, status),
    );
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

  // Deleting a draft: a confirmation page, then a POST (its author only; 404/403 otherwise).
  r.get('/requests/:id/delete', async (c) => {
    requireUser(c);
    const d = await svc.getRequest(c.var.ctx, c.req.param('id'));
    if (!d.abilities.deleteDraft) return redirectTo(c, `/requests/${d.id}`);
    return v.deleteDraftPage(c, d);
  });
  r.post('/requests/:id/delete', async (c) => {
    requireUser(c);
    const out = await svc.deleteDraft(c.var.ctx, filesEnv(c), c.req.param('id'));
    setFlash(c, out.ok ? 'requests.delete.done' : 'requests.notAllowed');
    return redirectTo(c, out.ok ? '/requests' : `/requests/${c.req.param('id')}`);
  });

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
    const ctx = c.var.ctx;
    const again = async (values: FormBody, errors: Record<string, string>, status: 400 | 409) => v.reviewPage(c, await svc.getRequest(ctx, id), await sel.getReviewForm(ctx, id), { values, errors }, status);
    return formAction(
      c,
      async (body) => {
        const out = await sel.saveReview(ctx, id, body);
        // The review window closed meanwhile: nothing is stored and the page says so.
        if (!out.ok) return again(body, { _form: 'requests.review.windowClosedShort' }, 409);
        setFlash(c, 'requests.review.saved');
        return redirectTo(c, `/requests/${id}`);
      },
      (form, status) => again(form.values as FormBody, form.errors, status),
    );
  });

  r.post('/requests/:id/attachments', uploadLimit(MAX_BYTES.request_attachment), async (c) => {
    const id = c.req.param('id');
    const { upload } = await readUpload(c);
    if (!upload) return v.requestPage(c, await pageData(c, id, { errors: { file: MISSING_FILE_KEY } }), 400);
    const out = await svc.attachToRequest(c.var.ctx, filesEnv(c), id, upload);
    if (!out.ok) return v.requestPage(c, await pageData(c, id, { errors: { file: rejectionKey(out.reason) } }), rejectionStatus(out.reason));
    setFlash(c, 'requests.file.added');
    return redirectTo(c, `/requests/${id}`);
  });

  r.post('/attachments/:id/delete', async (c) => {
    const out = await svc.removeRequestAttachment(c.var.ctx, filesEnv(c), c.req.param('id'));
    setFlash(c, 'requests.file.removed');
    return redirectTo(c, `/requests/${out.requestId}`);
  });

  r.get('/broker', async (c) => {
    requireUser(c);
    const query = c.req.query();
    // An unknown filter answers 400: the whole dashboard with the filter's error.
    return formAction(
      c,
      async () => v.dashboardPage(c, await getDashboard(c.var.ctx, query), await renderSlot(c, 'requests.broker', {}), query),
      async (form, status) => v.dashboardPage(c, await getDashboard(c.var.ctx), await renderSlot(c, 'requests.broker', {}), query, form.errors, status),
      query,
    );
  });

  return r;
}
