/**
 * Programmes as JSON under /api/v1: the programmes open to requests (public), and for their managers
 * a programme's settings, rounds, selection criteria and committee — the admin pages' services.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../platform/http.ts';

import { requireUser } from '../../platform/forms.ts';
import { jsonObject } from '../../platform/validation.ts';
import { UUID } from '../../platform/ids.ts';
import { declareOperations, outcome } from '../../platform/openapi.ts';
import * as svc from './programmes.service.ts';
import { committeeInput, criterionInput, programmeInput, roundInput } from './programmes.schema.ts';

const idParam = z.object({ id: z.string().regex(UUID) });
const manager = { auth: 'required', errors: [404] } as const;

export const programmesOperations = declareOperations('programmes', [
  { method: 'get', path: '/programmes', operationId: 'listProgrammes', summary: 'The published programmes, and whether a round is open for requests' },
  { method: 'post', path: '/programmes', operationId: 'createProgramme', summary: 'Create a programme (its managers: the secretariat)', body: programmeInput, response: outcome, status: 201, ...manager },
  { method: 'get', path: '/programmes/:id', operationId: 'getProgrammeAdmin', summary: 'A programme with its rounds, criteria and committee (its managers)', params: idParam, ...manager },
  { method: 'put', path: '/programmes/:id', operationId: 'updateProgramme', summary: 'Change a programme’s settings (every field)', params: idParam, body: programmeInput, response: outcome, ...manager },
  { method: 'post', path: '/programmes/:id/rounds', operationId: 'addRound', summary: 'Add a round (its dates in order: opens, closes, review opens, review closes); its opening goes on the timeline', params: idParam, body: roundInput, response: outcome, status: 201, ...manager },
  { method: 'post', path: '/programmes/:id/criteria', operationId: 'addCriterion', summary: 'Add a selection criterion with its weight', params: idParam, body: criterionInput, response: outcome, status: 201, ...manager },
  { method: 'post', path: '/programmes/:id/committee', operationId: 'addCommitteeMember', summary: 'Seat a member of the platform on the selection committee, by e-mail', params: idParam, body: committeeInput, response: outcome, status: 201, ...manager },
]);

export function programmesApiRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/programmes', async (c) => c.json((await svc.listProgrammesPublic(c.var.ctx)).map(({ programme, isOpen }) => ({ ...programme, isOpen }))));
  r.post('/programmes', async (c) => {
    requireUser(c);
    const out = await svc.createProgramme(c.var.ctx, await jsonObject(c));
    c.header('Location', `/api/v1/programmes/${out.id}`);
    return c.json(out, 201);
  });
  r.get('/programmes/:id', async (c) => {
    requireUser(c);
    return c.json(await svc.getProgrammeAdmin(c.var.ctx, c.req.param('id')));
  });
  r.put('/programmes/:id', async (c) => {
    requireUser(c);
    return c.json(await svc.updateProgramme(c.var.ctx, c.req.param('id'), await jsonObject(c)));
  });
  r.post('/programmes/:id/rounds', async (c) => {
    requireUser(c);
    return c.json(await svc.addRound(c.var.ctx, c.req.param('id'), await jsonObject(c)), 201);
  });
  r.post('/programmes/:id/criteria', async (c) => {
    requireUser(c);
    return c.json(await svc.addCriterion(c.var.ctx, c.req.param('id'), await jsonObject(c)), 201);
  });
  r.post('/programmes/:id/committee', async (c) => {
    requireUser(c);
    return c.json(await svc.addCommitteeMember(c.var.ctx, c.req.param('id'), await jsonObject(c)), 201);
  });
  return r;
}
