/**
 * Call pages: public list and page, offering, the broker's offers, offers with thread and match,
 * publishing a call; opening an attachment or a CV (calls sees both requests and offers). Thin:
 * parse, call a service, render.
 */
import { Hono } from 'hono';
import type { AppEnv, Ctx } from '../../platform/http.ts';

import { download, redirectTo, setFlash } from '../../platform/render.ts';
import { formAction, readUpload, requireUser, uploadLimit } from '../../platform/forms.ts';
import { filesEnv, rejectionKey, rejectionStatus, MAX_BYTES, MISSING_FILE_KEY } from '../files/files.service.ts';
import * as svc from './calls.service.ts';
import * as v from './calls.views.ts';
import { readerViewFor } from '../translations/translations.service.ts';

const words = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(/[\s,;]+/).filter(Boolean) : []);

/** An offer's page with its experts' motivations in the reader's language (machine translated in the background, labelled; issue 14). */
async function offerPageOf(c: Ctx, d: svc.OfferDetail, form?: Parameters<typeof v.offerPage>[2], status?: number): Promise<Response> {
  const motivations = await readerViewFor(c, 'offer_motivation', d.id, Object.fromEntries(d.experts.map((e) => [e.personId, e.motivation])) as Record<string, string>);
  return v.offerPage(c, d, form, status, motivations);
}

/** The offer form's fields → the service's input: one entry per expert put forward. */
export function offerFromForm(body: Record<string, string | string[]>): { organisationId?: string; experts: { personId: string; motivation: unknown; languages: string[]; availability: unknown }[] } {
  const chosen = Array.isArray(body.experts) ? body.experts : body.experts ? [body.experts] : [];
  return {
    organisationId: typeof body.organisationId === 'string' ? body.organisationId : undefined,
    experts: chosen.map((id) => ({ personId: id, motivation: body[`motivation_${id}`], languages: words(body[`languages_${id}`]), availability: body[`availability_${id}`] })),
  };
}

/** The service's errors on `experts.<i>.<field>` → the offer form's `<field>_<personId>`, so each error sits on its input. */
export function offerErrorsToForm(body: Record<string, string | string[]>, errors: Record<string, string>): Record<string, string> {
  const chosen = Array.isArray(body.experts) ? body.experts : body.experts ? [body.experts] : [];
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(errors)) {
    const m = /^experts\.(\d+)\.(motivation|languages|availability|personId)$/.exec(k);
    const id = m ? chosen[Number(m[1])] : undefined;
    if (m && id !== undefined) out[m[2] === 'personId' ? 'experts' : `${m[2]}_${id}`] ??= v;
    else out[k] ??= v;
  }
  return out;
}

export function callsRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get('/calls', async (c) => {
    const query = c.req.query();
    // An unknown filter answers 400 with the list's form and its errors.
    return formAction(
      c,
      async () => v.callsListPage(c, query, await svc.listOpenCalls(c.var.ctx, query)),
      (form, status) => v.callsListPage(c, query, null, form.errors, status),
      query,
    );
  });

  r.get('/calls/:id', async (c) => {
    const p = await svc.getCall(c.var.ctx, c.req.param('id'));
    // What the requester wrote, in the reader's language when a machine translation exists (issue 14).
    return v.callPage(c, p, await readerViewFor(c, 'call', p.call.id, { title: p.call.title, expertiseSought: p.call.expertiseSought }));
  });

  r.get('/calls/:id/offer', async (c) => {
    requireUser(c);
    return v.offerFormPage(c, await svc.getOfferForm(c.var.ctx, c.req.param('id')), { values: {}, errors: {} });
  });

  r.post('/calls/:id/offers', async (c) => {
    requireUser(c);
    const id = c.req.param('id');
    const ctx = c.var.ctx;
    return formAction(
      c,
      async (body) => {
        const out = await svc.makeOffer(ctx, id, offerFromForm(body));
        if (out.ok) {
          setFlash(c, 'calls.offer.sent');
          return redirectTo(c, `/offers/${out.id}`);
        }
        if (out.reason === 'already_offered' && out.id) {
          setFlash(c, 'calls.offer.already');
          return redirectTo(c, `/offers/${out.id}`);
        }
        // The call closed, or this person may not offer on it: the form says why (409).
        const key = { closed: 'calls.offer.closed', own_request: 'calls.offer.ownRequest', no_profile: 'calls.offer.noProfile', already_offered: 'calls.offer.already' }[out.reason];
        return v.offerFormPage(c, await svc.getOfferForm(ctx, id), { values: body, errors: { organisationId: key } }, 409);
      },
      async (form, status) => v.offerFormPage(c, await svc.getOfferForm(ctx, id), { ...form, errors: offerErrorsToForm(form.values as Record<string, string | string[]>, form.errors) }, status),
    );
  });

  r.get('/calls/:id/offers', async (c) => {
    requireUser(c);
    return v.callOffersPage(c, await svc.listCallOffers(c.var.ctx, c.req.param('id')));
  });

  r.get('/requests/:id/call/new', async (c) => {
    requireUser(c);
    const id = c.req.param('id');
    return v.publishCallPage(c, id, { values: await svc.callDraftOf(c.var.ctx, id), errors: {} });
  });

  r.post('/requests/:id/call', async (c) => {
    const id = c.req.param('id');
    return formAction(
      c,
      async (raw) => {
        const out = await svc.publishCall(c.var.ctx, id, { themes: [], formats: [], ...raw, languages: words(raw.languages) });
        if (!out.ok) {
          if (out.reason === 'deadline_past') return v.publishCallPage(c, id, { values: raw, errors: { deadline: 'calls.publish.deadlinePast' } }, 400);
          setFlash(c, 'calls.publish.already');
          return redirectTo(c, `/requests/${id}`);
        }
        setFlash(c, 'calls.publish.done');
        return redirectTo(c, `/calls/${out.id}`);
      },
      (form, status) => v.publishCallPage(c, id, form, status),
    );
  });

  r.get('/offers/:id', async (c) => {
    requireUser(c);
    return offerPageOf(c, await svc.getOffer(c.var.ctx, c.req.param('id')));
  });

  r.post('/offers/:id/messages', async (c) => {
    const id = c.req.param('id');
    return formAction(
      c,
      async (body) => {
        await svc.postMessage(c.var.ctx, id, body);
        setFlash(c, 'calls.thread.sent');
        return redirectTo(c, `/offers/${id}`);
      },
      async (form, status) => offerPageOf(c, await svc.getOffer(c.var.ctx, id), form, status),
    );
  });

  r.post('/offers/:id/cv', uploadLimit(MAX_BYTES.cv), async (c) => {
    const id = c.req.param('id');
    const ctx = c.var.ctx;
    const { upload, fields } = await readUpload(c);
    const again = async (key: string, status: 400 | 413 | 415 | 422) => offerPageOf(c, await svc.getOffer(ctx, id), { values: {}, errors: { file: key } }, status);
    if (!upload) return again(MISSING_FILE_KEY, 400);
    // A person who is not an expert of the offer: the file field says to choose (400).
    return formAction(
      c,
      async () => {
        const out = await svc.uploadCv(ctx, filesEnv(c), id, fields.personId ?? '', upload);
        if (!out.ok) return again(rejectionKey(out.reason), rejectionStatus(out.reason));
        setFlash(c, 'calls.cv.added');
        return redirectTo(c, `/offers/${id}`);
      },
      () => again('platform.form.choice', 400),
      fields,
    );
  });

  r.post('/offers/:id/withdraw', async (c) => {
    const id = c.req.param('id');
    const out = await svc.withdrawOffer(c.var.ctx, id);
    setFlash(c, out.ok ? 'calls.offer.withdrawnDone' : 'requests.notAllowed');
    return redirectTo(c, `/offers/${id}`);
  });

  r.post('/offers/:id/shortlist', async (c) => {
    const id = c.req.param('id');
    const out = await svc.shortlistOffer(c.var.ctx, id);
    setFlash(c, out.ok ? 'calls.offer.shortlisted' : 'requests.notAllowed');
    return redirectTo(c, `/offers/${id}`);
  });

  r.post('/offers/:id/propose', async (c) => {
    const id = c.req.param('id');
    const out = await svc.proposeMatch(c.var.ctx, id);
    setFlash(c, out.ok ? 'calls.match.proposedDone' : 'calls.match.callHasMatch');
    return redirectTo(c, `/offers/${id}`);
  });

  for (const answer of ['confirm', 'decline'] as const) {
    r.post(`/matches/:id/${answer}`, async (c) => {
      const ctx = c.var.ctx;
      const out = await svc.confirmMatch(ctx, c.req.param('id'), answer);
      setFlash(c, !out.ok ? 'calls.match.notProposed' : answer === 'decline' ? 'calls.match.declinedDone' : out.isConfirmed ? 'calls.match.confirmedDone' : 'calls.match.confirmedYours');
      const m = await svc.matchOffer(ctx, c.req.param('id'));
      return redirectTo(c, `/offers/${m}`);
    });
  }

  // The bytes of a request attachment or a CV, after the check of what it belongs to.
  r.get('/attachments/:id', async (c) => {
    const f = await svc.openFile(c.var.ctx, filesEnv(c), c.req.param('id'));
    return download(c, { name: f.label, type: f.mime, bytes: f.bytes });
  });

  return r;
}
