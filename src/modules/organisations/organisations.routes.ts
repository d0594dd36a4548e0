/** Organisation pages: directory, profile, create/edit, verify, claim, join, invitations, membership decisions. Thin: parse, call a service, render. */
import { Hono } from 'hono';
import { renderSlot } from '../../platform/slots.ts';
import type { AppEnv, Ctx } from '../../platform/http.ts';

import { redirectTo, setFlash } from '../../platform/render.ts';
import { emptyForm } from '../../platform/html/form.ts';
import * as svc from './organisations.service.ts';
import * as v from './organisations.views.ts';
import { formAction, formBody, requireUser } from '../../platform/forms.ts';

declare module '../../platform/slots.ts' {
  interface Slots {
    /** On an organisation's page, below its details (partnerships: open to cooperation, partnerships, a direct request). */
    'organisations.page': { organisationId: string; canEdit: boolean };
    /** In the directory, beside the filters (partnerships: organisations open to cooperation). */
    'organisations.directory': { theme: string | null };
    /** On each card of the directory (partnerships: the "open to cooperation" badge); `pageIds` are the cards of the page, for one query per page. */
    'organisations.card': { organisationId: string; pageIds: readonly string[] };
  }
}

export function organisationsRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get('/organisations', async (c) => {
    const query = c.req.query();
    // The query is the search form: an invalid filter shows the directory again with its message.
    return formAction(
      c,
      async () => v.directoryPage(c, query, await svc.searchOrganisations(c.var.ctx, query), {}, 200, await renderSlot(c, 'organisations.directory', { theme: typeof query.theme === 'string' ? query.theme : null })),
      (form, status) => v.directoryPage(c, query, null, form.errors, status),
      query,
    );
  });

  r.get('/organisations/new', (c) => {
    requireUser(c);
    return v.organisationFormPage(c, 'create', emptyForm({ kind: 'municipality' }));
  });

  r.post('/organisations', async (c) => {
    return formAction(
      c,
      async (body) => {
        const out = await svc.createOrganisation(c.var.ctx, body);
        setFlash(c, 'organisations.create.done');
        return redirectTo(c, `/organisations/${out.id}`);
      },
      (form, status) => v.organisationFormPage(c, 'create', form, undefined, status),
    );
  });

  r.get('/organisations/:id', async (c) => {
    const o = await svc.getOrganisation(c.var.ctx, c.req.param('id'));
    return v.profilePage(c, o, await renderSlot(c, 'organisations.page', { organisationId: o.id, canEdit: o.abilities.edit }));
  });

  r.get('/organisations/:id/edit', async (c) => {
    requireUser(c);
    const o = await svc.getOrganisation(c.var.ctx, c.req.param('id'));
    if (!o.abilities.edit) return v.forbidden(c);
    return v.organisationFormPage(c, 'edit', emptyForm(svc.inputOf({ ...o, email: o.email })), o.id);
  });

  r.post('/organisations/:id/edit', async (c) => {
    const id = c.req.param('id');
    return formAction(
      c,
      async (body) => {
        // A form always sends every field: checkbox groups left empty mean "none".
        await svc.updateOrganisation(c.var.ctx, id, { themes: [], sdgs: [], languages: [], ...body });
        setFlash(c, 'organisations.edit.done');
        return redirectTo(c, `/organisations/${id}`);
      },
      (form, status) => v.organisationFormPage(c, 'edit', form, id, status),
    );
  });

  r.post('/organisations/:id/verify', async (c) => {
    const id = c.req.param('id');
    const body = await formBody(c);
    await svc.verifyOrganisation(c.var.ctx, id, body.verified !== 'false');
    setFlash(c, body.verified === 'false' ? 'organisations.verify.removed' : 'organisations.verify.done');
    return redirectTo(c, `/organisations/${id}`);
  });

  r.post('/organisations/:id/claim', async (c) => {
    const id = c.req.param('id');
    const out = await svc.claimOrganisation(c.var.ctx, id, await formBody(c));
    setFlash(c, out.ok ? 'organisations.claim.done' : out.reason === 'has_admin' ? 'organisations.claim.hasAdmin' : 'organisations.join.alreadyRequested');
    return redirectTo(c, `/organisations/${id}`);
  });

  r.post('/organisations/:id/join', async (c) => {
    const id = c.req.param('id');
    const back = (flash: string) => {
      setFlash(c, flash);
      return redirectTo(c, `/organisations/${id}`);
    };
    return formAction(
      c,
      async (body) => {
        const out = await svc.requestMembership(c.var.ctx, id, body);
        return back(out.ok ? 'organisations.join.done' : out.reason === 'already_member' ? 'organisations.join.alreadyMember' : 'organisations.join.alreadyRequested');
      },
      () => back('organisations.join.invalid'),
    );
  });

  r.post('/organisations/:id/invitations', async (c) => {
    const id = c.req.param('id');
    const deps = c.get('deps');
    const back = (flash: string) => {
      setFlash(c, flash);
      return redirectTo(c, `/organisations/${id}`);
    };
    return formAction(
      c,
      async (body) => {
        await svc.inviteMember({ ...c.var.ctx, mailer: deps.mailer, baseUrl: deps.config.baseUrl }, id, body);
        return back('organisations.invite.done');
      },
      () => back('organisations.invite.invalid'),
    );
  });

  r.post('/memberships/:id/decision', async (c) => {
    const out = await svc.decideMembership(c.var.ctx, c.req.param('id'), await formBody(c));
    if (!out.ok) {
      setFlash(c, out.reason === 'has_admin' ? 'organisations.claim.hasAdmin' : 'organisations.members.notPending');
      return redirectTo(c, '/organisations');
    }
    setFlash(c, 'organisations.members.decided');
    return redirectTo(c, `/organisations/${out.organisationId}`);
  });

  r.post('/memberships/:id/role', async (c) => {
    const out = await svc.changeMembershipRole(c.var.ctx, c.req.param('id'), await formBody(c));
    if (!out.ok) {
      setFlash(c, out.reason === 'last_admin' ? 'organisations.members.lastAdmin' : out.reason === 'exists' ? 'organisations.members.roleExists' : 'organisations.members.notPending');
      return redirectTo(c, '/organisations');
    }
    setFlash(c, 'organisations.members.roleChanged');
    return redirectTo(c, `/organisations/${out.organisationId}`);
  });

  r.get('/invitations/:token', async (c) => {
    const token = c.req.param('token');
    const out = await svc.getInvitation(c.var.ctx, token);
    c.header('Referrer-Policy', 'no-referrer');
    if (out.ok) return v.invitationPage(c, token, out.invitation, null);
    return v.invitationPage(c, token, null, invitationProblem(c, out.reason), out.reason === 'invalid' ? 404 : 410);
  });

  r.post('/invitations/:token', async (c) => {
    requireUser(c);
    const token = c.req.param('token');
    const out = await svc.acceptInvitation(c.var.ctx, token);
    if (!out.ok) return v.invitationPage(c, token, null, invitationProblem(c, out.reason), out.reason === 'invalid' ? 404 : 410);
    setFlash(c, out.pending ? 'organisations.invitation.awaitsAdmin' : 'organisations.invitation.accepted');
    return redirectTo(c, `/organisations/${out.organisationId}`);
  });

  return r;
}

function invitationProblem(c: Ctx, reason: 'invalid' | 'expired' | 'used'): string {
  const t = c.get('t');
  return reason === 'expired' ? t('organisations.invitation.expired') : reason === 'used' ? t('organisations.invitation.used') : t('organisations.invitation.invalid');
}
