/**
 * Associations as JSON under /api/v1: a lessons brief (public at its address, like its page), an
 * association's member exchanges in summary (its admins and the secretariat), and writing a brief
 * for its recipients. The same services, permissions and messages as the pages.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../platform/http.ts';
import { requireUser } from '../../platform/forms.ts';
import { jsonObject } from '../../platform/validation.ts';
import { UUID } from '../../platform/ids.ts';
import { declareOperations } from '../../platform/openapi.ts';
import * as svc from './associations.service.ts';

const idParam = z.object({ id: z.string().regex(UUID) });
const briefParams = z.object({ id: z.string().regex(UUID), exchangeId: z.string().regex(UUID) });
const party = z.object({ id: z.string(), name: z.string(), country: z.string() });
const stageSummary = z.object({ stage: z.string(), side: z.enum(['host', 'peer']), sent: z.number(), answered: z.number(), meanScale: z.number().nullable() });
const exchangeJson = z.object({
  id: z.string(),
  title: z.string(),
  format: z.string(),
  state: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  host: party,
  peer: party.nullable(),
  objectives: z.string(),
  expectedResults: z.string(),
  evaluations: z.array(stageSummary).meta({ description: 'Per stage and side: sent, answered and the mean of the 1–5 scale answers; never an individual answer' }),
});
const briefAnswer = z.object({
  id: z.string(),
  association: z.object({ id: z.string(), name: z.string() }),
  exchange: exchangeJson,
  lessons: z.array(z.object({ id: z.string(), title: z.string(), summary: z.string() })),
  note: z.string(),
  createdAt: z.string(),
});
const associationAnswer = z.object({
  id: z.string(),
  name: z.string(),
  members: z.array(z.object({ id: z.string(), name: z.string(), state: z.enum(['pending', 'active']) })),
  exchanges: z.array(exchangeJson),
});
const briefInput = z.object({
  note: z.string().optional(),
  recipients: z.string().meta({ description: 'One a line: e-mail, name, language (en, fr, es, pt or ar), kind (local_government, central_government, donor, other); at most 50' }),
});

export const associationsOperations = declareOperations('associations', [
  { method: 'get', path: '/briefs/:id', operationId: 'getLessonsBrief', summary: 'A lessons brief: the exchange’s public parts, its evaluations in summary and the good practices drawn from it (public at its address)', params: idParam, response: briefAnswer, errors: [404] },
  { method: 'get', path: '/associations/:id', operationId: 'getAssociation', summary: 'An association’s member organisations and their exchanges in summary (its admins and the secretariat; 404 to anyone else)', auth: 'required', params: idParam, response: associationAnswer, errors: [404] },
  {
    method: 'post',
    path: '/associations/:id/exchanges/:exchangeId/briefs',
    operationId: 'createLessonsBrief',
    summary: 'Write a lessons brief of a member’s exchange and queue it for its recipients (the association’s admins; 429 past 20 a day)',
    auth: 'required',
    params: briefParams,
    body: briefInput,
    response: z.object({ id: z.string() }),
    status: 201,
    errors: [404],
  },
]);

const exchangeOut = (e: svc.FollowedExchange | (svc.BriefView['exchange'] & { summary: svc.BriefView['summary'] })) => ({
  id: e.id,
  title: e.title,
  format: e.format,
  state: e.state,
  startDate: e.startDate,
  endDate: e.endDate,
  host: e.host,
  peer: e.peer,
  objectives: e.objectives,
  expectedResults: e.expectedResults,
  evaluations: e.summary,
});

export function associationsApiRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/briefs/:id', async (c) => {
    const v = await svc.briefView(c.var.ctx, c.req.param('id'));
    return c.json({
      id: v.id,
      association: { id: v.association.id, name: v.association.name },
      exchange: exchangeOut({ ...v.exchange, summary: v.summary }),
      lessons: v.lessons.map((l) => ({ id: l.id, title: l.title.text, summary: l.summary.text })),
      note: v.note.text,
      createdAt: v.createdAt.toISOString(),
    });
  });
  r.get('/associations/:id', async (c) => {
    requireUser(c);
    const a = await svc.associationPage(c.var.ctx, c.req.param('id'));
    return c.json({
      id: a.association.id,
      name: a.association.name,
      members: a.members.map((m) => ({ id: m.memberId, name: m.memberName, state: m.state as 'pending' | 'active' })),
      exchanges: a.exchanges.map(exchangeOut),
    });
  });
  r.post('/associations/:id/exchanges/:exchangeId/briefs', async (c) => {
    requireUser(c);
    const out = await svc.createBrief(c.var.ctx, c.req.param('id'), c.req.param('exchangeId'), await jsonObject(c));
    return c.json(out, 201);
  });
  return r;
}
