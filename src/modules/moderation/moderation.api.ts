/**
 * Moderation as JSON under /api/v1: a member reports content (an organisation, a person's profile,
 * a published good practice); the moderators read the queue of hidden content and keep it hidden
 * or put it back. The same services as the pages.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, Ctx } from '../../platform/http.ts';

import { requireUser } from '../../platform/forms.ts';
import { jsonObject, mustParse } from '../../platform/validation.ts';
import { UUID } from '../../platform/ids.ts';
import { declareOperations, outcome } from '../../platform/openapi.ts';
import * as svc from './moderation.service.ts';
import { REPORT_REASONS, REPORTABLE_TYPES } from './moderation.policy.ts';

const object = { objectType: z.enum(REPORTABLE_TYPES, 'platform.form.choice'), objectId: z.string().regex(UUID, 'platform.form.choice') };
const reportInput = z.object({ ...object, reason: z.enum(REPORT_REASONS, 'platform.form.choice'), note: z.string().max(1000, 'platform.form.tooBig').optional().default('') });
const decisionInput = z.object({ ...object, decision: z.enum(['confirm', 'restore'], 'platform.form.choice') });

export const moderationOperations = declareOperations('moderation', [
  {
    method: 'post',
    path: '/reports',
    operationId: 'reportContent',
    summary: 'Report content to the moderators; after three members’ reports it is hidden (`hidden` says this report hid it). 409 already_reported, own_content',
    auth: 'required',
    body: reportInput,
    response: outcome,
    status: 201,
    errors: [404, 409],
  },
  { method: 'get', path: '/moderation/queue', operationId: 'moderationQueue', summary: 'Hidden content waiting for a moderator’s decision (moderators)', auth: 'required', errors: [404] },
  { method: 'post', path: '/moderation/decisions', operationId: 'decideOnContent', summary: 'A moderator keeps hidden content hidden (confirm) or puts it back (restore); 409 not_hidden', auth: 'required', body: decisionInput, response: outcome, errors: [404, 409] },
]);

const REFUSALS = { already_reported: 'moderation.flash.already', own_content: 'moderation.flash.own', bad_reason: 'moderation.flash.badReason', not_hidden: 'moderation.flash.notHidden' } as const;

function answer(c: Ctx, out: { ok: true } | { ok: false; reason: keyof typeof REFUSALS }, okStatus: 200 | 201 = 200): Response {
  if (out.ok) return c.json(out, okStatus);
  return c.json({ error: { code: out.reason, message: c.get('t')(REFUSALS[out.reason]) } }, 409);
}

export function moderationApiRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.post('/reports', async (c) => {
    requireUser(c);
    return answer(c, await svc.reportContent(c.var.ctx, mustParse(reportInput, await jsonObject(c))), 201);
  });
  r.get('/moderation/queue', async (c) => {
    requireUser(c);
    return c.json(await svc.moderationQueue(c.var.ctx));
  });
  r.post('/moderation/decisions', async (c) => {
    requireUser(c);
    return answer(c, await svc.decideOnContent(c.var.ctx, mustParse(decisionInput, await jsonObject(c))));
  });
  return r;
}
