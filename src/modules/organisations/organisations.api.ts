/**
 * The directory as JSON under /api/v1: organisations (search, create, read, update) and people
 * (search, a profile, the caller's own). The same services and permissions as the pages; the API
 * router's sign-in (token or session) and consent gate have run.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, Ctx } from '../../platform/http.ts';

import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { requireUser } from '../../platform/forms.ts';
import { jsonObject } from '../../platform/validation.ts';
import { UUID } from '../../platform/ids.ts';
import { declareOperations } from '../../platform/openapi.ts';
import * as orgs from './organisations.service.ts';
import * as people from './people.service.ts';
import { claimInput, joinInput, organisationInput, organisationQuery, peopleQuery, profileInput } from './organisations.schema.ts';
import { outcome } from '../../platform/openapi.ts';

const idParam = z.object({ id: z.string().regex(UUID) });

export const organisationsOperations = declareOperations('organisations', [
  { method: 'get', path: '/organisations', operationId: 'searchOrganisations', summary: 'Search the organisation directory', query: organisationQuery },
  { method: 'post', path: '/organisations', operationId: 'createOrganisation', summary: 'Create an organisation (the caller becomes its organisation admin)', auth: 'required', body: organisationInput, status: 201 },
  { method: 'get', path: '/organisations/:id', operationId: 'getOrganisation', summary: 'One organisation (contact e-mail and members for signed-in members only)', params: idParam, errors: [404] },
  {
    method: 'patch',
    path: '/organisations/:id',
    operationId: 'updateOrganisation',
    summary: 'Update an organisation (its admins, brokers, platform admins); given fields replace stored ones',
    auth: 'required',
    params: idParam,
    body: organisationInput.partial(),
    errors: [403, 404],
  },
  { method: 'post', path: '/organisations/:id/memberships', operationId: 'requestMembership', summary: 'Ask to join an organisation in a role; its admins decide (409 already_member, already_requested)', auth: 'required', params: idParam, body: joinInput, response: outcome, status: 201, errors: [404, 409] },
  { method: 'post', path: '/organisations/:id/claim', operationId: 'claimOrganisation', summary: 'Claim an organisation that has no admin yet (the secretariat decides; 409 has_admin, already_requested)', auth: 'required', params: idParam, body: claimInput, response: outcome, status: 201, errors: [404, 409] },
  { method: 'put', path: '/organisations/:id/verification', operationId: 'verifyOrganisation', summary: 'The secretariat marks an organisation verified, or not (audited)', auth: 'required', params: idParam, body: z.object({ verified: z.boolean() }), response: outcome, errors: [403, 404] },
  { method: 'get', path: '/people', operationId: 'searchPeople', summary: 'Search people (members only, after consent to the privacy notice)', auth: 'required', query: peopleQuery, errors: [403] },
  { method: 'get', path: '/people/me', operationId: 'getMyProfile', summary: 'The caller’s own profile', auth: 'required', errors: [404] },
  { method: 'patch', path: '/people/me', operationId: 'updateMyProfile', summary: 'Create or update the caller’s own profile', auth: 'required', body: profileInput.partial() },
  { method: 'get', path: '/people/:id', operationId: 'getPerson', summary: "One person's profile, with the owner's privacy choices applied", params: idParam, errors: [403, 404] },
]);

function links(c: Ctx, r: { page: number; hasPrev: boolean; hasNext: boolean }) {
  const url = new URL(c.req.url);
  const at = (p: number) => {
    const u = new URL(url);
    u.searchParams.set('page', String(p));
    return `${u.pathname}${u.search}`;
  };
  return { prev: r.hasPrev ? at(r.page - 1) : null, next: r.hasNext ? at(r.page + 1) : null };
}

function withoutInternals<T extends { hasNext: boolean; hasPrev: boolean }>(r: T) {
  const { hasNext: _n, hasPrev: _p, ...rest } = r;
  return rest;
}

/** Organisation detail as JSON: membership ids and user ids stay internal. */
function organisationJson(o: orgs.OrganisationDetail) {
  const { myRoles, members, moderation: _m, ...rest } = o;
  return { ...rest, myRoles, members: members.map((m) => ({ personId: m.personId, name: m.name, role: m.role, status: m.status })) };
}

function personJson(p: people.PersonDetail) {
  const { isOwn: _o, hasAccount: _h, moderation: _m, ...rest } = p;
  return rest;
}

export function organisationsApiRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get('/organisations', async (c) => {
    const res = await orgs.searchOrganisations(c.var.ctx, c.req.query());
    return c.json({ ...withoutInternals(res), links: links(c, res) });
  });

  r.post('/organisations', async (c) => {
    requireUser(c);
    const ctx = c.var.ctx;
    const out = await orgs.createOrganisation(ctx, await jsonObject(c));
    c.header('Location', `/api/v1/organisations/${out.id}`);
    return c.json(organisationJson(await orgs.getOrganisation(ctx, out.id)), 201);
  });

  r.get('/organisations/:id', async (c) => c.json(organisationJson(await orgs.getOrganisation(c.var.ctx, c.req.param('id')))));

  r.patch('/organisations/:id', async (c) => {
    requireUser(c);
    const ctx = c.var.ctx;
    const id = c.req.param('id');
    await orgs.updateOrganisation(ctx, id, await jsonObject(c));
    return c.json(organisationJson(await orgs.getOrganisation(ctx, id)));
  });

  const refusal = (c: Ctx, out: { ok: boolean; reason?: string }, keys: Record<string, string>) =>
    out.ok ? c.json({ ok: true }, 201) : c.json({ error: { code: out.reason, message: c.get('t')(keys[out.reason!] ?? 'organisations.join.alreadyRequested') } }, 409);
  r.post('/organisations/:id/memberships', async (c) => {
    requireUser(c);
    const out = await orgs.requestMembership(c.var.ctx, c.req.param('id'), await jsonObject(c));
    return refusal(c, out, { already_member: 'organisations.join.alreadyMember', already_requested: 'organisations.join.alreadyRequested' });
  });
  r.post('/organisations/:id/claim', async (c) => {
    requireUser(c);
    const out = await orgs.claimOrganisation(c.var.ctx, c.req.param('id'), await jsonObject(c));
    return refusal(c, out, { has_admin: 'organisations.claim.hasAdmin', already_requested: 'organisations.join.alreadyRequested' });
  });
  r.put('/organisations/:id/verification', async (c) => {
    requireUser(c);
    const body = await jsonObject(c);
    if (typeof body.verified !== 'boolean') throw new ValidationError({ verified: 'platform.form.choice' });
    return c.json(await orgs.verifyOrganisation(c.var.ctx, c.req.param('id'), body.verified));
  });

  r.get('/people', async (c) => {
    const res = await people.searchPeople(c.var.ctx, c.req.query());
    return c.json({ ...withoutInternals(res), links: links(c, res) });
  });

  r.get('/people/me', async (c) => {
    const me = await people.getMyProfile(c.var.ctx);
    if (!me) throw new NotFoundError();
    return c.json(personJson(me));
  });

  r.patch('/people/me', async (c) => {
    const ctx = c.var.ctx;
    requireUser(c);
    const out = await people.saveMyProfile(ctx, await jsonObject(c), { partial: true });
    return c.json(personJson(await people.getPerson(ctx, out.id)));
  });

  r.get('/people/:id', async (c) => c.json(personJson(await people.getPerson(c.var.ctx, c.req.param('id')))));

  return r;
}
