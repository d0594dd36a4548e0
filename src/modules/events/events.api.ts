/**
 * Events as JSON under /api/v1: the list (with the page's filters) and an event (public; the
 * meeting link only for a confirmed registrant from 30 minutes before the start), registering and
 * cancelling one's registration. The same services, permissions and messages as the pages.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, Ctx } from '../../platform/http.ts';
import { href } from '../../platform/http.ts';
import { requireUser } from '../../platform/forms.ts';
import { jsonObject } from '../../platform/validation.ts';
import { UUID } from '../../platform/ids.ts';
import { declareOperations, outcome } from '../../platform/openapi.ts';
import * as svc from './events.service.ts';
import { eventAnswer, eventListAnswer, listQuery, registrationAnswer, registrationInput } from './events.schema.ts';

const idParam = z.object({ id: z.string().regex(UUID) });

export const eventsOperations = declareOperations('events', [
  { method: 'get', path: '/events', operationId: 'listEvents', summary: 'Published and cancelled events of the networks and programmes, soonest first (filters: network slug, theme, format, language, upcoming or past)', query: listQuery, response: eventListAnswer },
  { method: 'get', path: '/events/:id', operationId: 'getEvent', summary: 'One event and the caller’s registration; the meeting link only for a confirmed registrant from 30 minutes before the start until the end', params: idParam, response: eventAnswer, errors: [404] },
  {
    method: 'post',
    path: '/events/:id/registration',
    operationId: 'registerForEvent',
    summary: 'Register: confirmed within capacity, else waitlisted in order of arrival (a network’s event: members who accepted its current guidelines; 403 not_participant; 409 closed, already_registered)',
    auth: 'required',
    params: idParam,
    body: registrationInput,
    response: registrationAnswer,
    status: 201,
    errors: [403, 404, 409],
  },
  { method: 'post', path: '/events/:id/registration/cancel', operationId: 'cancelEventRegistration', summary: 'Cancel one’s registration; the seat goes to the first waitlisted (409 not_registered)', auth: 'required', params: idParam, response: outcome, errors: [404, 409] },
]);

const refusal = (c: Ctx, code: string, key: string, status: 403 | 409 = 409) => c.json({ error: { code, message: c.get('t')(key) } }, status);
const envOf = (c: Ctx): svc.EventsEnv => ({ baseUrl: c.get('deps').config.baseUrl });

function cardJson(c: Ctx, e: svc.EventCardView) {
  return {
    id: e.id,
    network: e.network,
    programmeId: e.programmeId,
    format: e.format,
    title: e.title,
    themes: e.themes,
    languages: e.languages,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    timeZone: e.timeZone,
    place: e.place,
    capacity: e.capacity,
    confirmed: e.confirmed,
    waitlisted: e.waitlisted,
    state: e.state,
    url: `${c.get('deps').config.baseUrl.replace(/\/$/, '')}${href(c.get('locale'), `/events/${e.id}`)}`,
  };
}

export function eventsApiRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get('/events', async (c) => c.json({ items: (await svc.listEvents(c.var.ctx, c.req.query())).items.map((e) => cardJson(c, e)) }));

  r.get('/events/:id', async (c) => {
    const e = await svc.getEvent(c.var.ctx, c.req.param('id'));
    return c.json({
      ...cardJson(c, e),
      description: e.description,
      question: e.question,
      registrationOpensAt: e.registrationOpensAt.toISOString(),
      registrationClosesAt: e.registrationClosesAt.toISOString(),
      sequence: e.sequence,
      me: { registration: e.standing.registration, mayRegister: e.abilities.register, meetingUrl: e.standing.registration === 'confirmed' ? e.meetingUrl : null },
    });
  });

  r.post('/events/:id/registration', async (c) => {
    requireUser(c);
    const out = await svc.register(c.var.ctx, envOf(c), c.req.param('id'), await jsonObject(c));
    if (out.ok) return c.json(out, 201);
    if (out.reason === 'not_participant') return refusal(c, out.reason, 'events.register.membersOnly', 403);
    return refusal(c, out.reason, out.reason === 'closed' ? 'events.register.refusedClosed' : 'events.register.refusedAlready');
  });

  r.post('/events/:id/registration/cancel', async (c) => {
    requireUser(c);
    const out = await svc.unregister(c.var.ctx, envOf(c), c.req.param('id'));
    return out.ok ? c.json(out) : refusal(c, out.reason, 'events.register.notRegistered');
  });

  return r;
}
