/**
 * JSON API under /api/v1: the same services and permissions as the pages. Authentication by the
 * session cookie or `Authorization: Bearer <personal access token>`. Errors are rendered by the
 * app's handler as `{ error: { code, message, fields? } }`.
 */
import { Hono } from 'hono';
import type { AppEnv, Ctx } from '../../platform/http.ts';

import { NotFoundError, UnauthorizedError } from '../../platform/errors.ts';
import { jsonObject } from '../../platform/validation.ts';
import { apiAuth } from '../accounts/accounts.service.ts';
import { apiConsentGate } from '../privacy/privacy.service.ts';
import * as orgs from '../organisations/organisations.service.ts';
import * as people from '../organisations/people.service.ts';
import { openApiDocument } from './api.openapi.ts';

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

export function apiRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.use('*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    await next();
  });
  r.use('*', apiAuth());
  // Member profiles wait for consent to the privacy notice, as on the pages (SECURITY.md 31).
  r.use('*', apiConsentGate());

  r.get('/openapi.json', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(openApiDocument(c.get('deps').config.baseUrl));
  });

  r.get('/organisations', async (c) => {
    const res = await orgs.searchOrganisations(c.var.ctx, c.req.query());
    return c.json({ ...withoutInternals(res), links: links(c, res) });
  });

  r.post('/organisations', async (c) => {
    const ctx = c.var.ctx;
    if (!ctx.actor) throw new UnauthorizedError();
    const out = await orgs.createOrganisation(ctx, await jsonObject(c));
    c.header('Location', `/api/v1/organisations/${out.id}`);
    return c.json(organisationJson(await orgs.getOrganisation(ctx, out.id)), 201);
  });

  r.get('/organisations/:id', async (c) => c.json(organisationJson(await orgs.getOrganisation(c.var.ctx, c.req.param('id')))));

  r.patch('/organisations/:id', async (c) => {
    const ctx = c.var.ctx;
    if (!ctx.actor) throw new UnauthorizedError();
    const id = c.req.param('id');
    await orgs.updateOrganisation(ctx, id, await jsonObject(c));
    return c.json(organisationJson(await orgs.getOrganisation(ctx, id)));
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
    if (!ctx.actor) throw new UnauthorizedError();
    const out = await people.saveMyProfile(ctx, await jsonObject(c), { partial: true });
    return c.json(personJson(await people.getPerson(ctx, out.id)));
  });

  r.get('/people/:id', async (c) => c.json(personJson(await people.getPerson(c.var.ctx, c.req.param('id')))));

  return r;
}
