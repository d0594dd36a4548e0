/**
 * Networks pages: /networks, /networks/:slug and its members, proposals and coordination pages,
 * joining, guidelines and leaving; an admin's new network. Thin: parse, call a service, render.
 * Its JSON: networks.api.ts.
 */
import { Hono } from 'hono';
import type { AppEnv, Ctx } from '../../platform/http.ts';
import { redirectTo, setFlash, link, download } from '../../platform/render.ts';
import { emptyForm } from '../../platform/html/form.ts';
import { formAction, requireUser, type FormBody } from '../../platform/forms.ts';
import { renderSlot } from '../../platform/slots.ts';
import { LOCALES } from '../../platform/i18n.ts';
import { NotFoundError } from '../../platform/errors.ts';
import * as svc from './networks.service.ts';
import * as v from './networks.views.ts';
import { canNetwork } from './networks.policy.ts';
import { readerViewFor } from '../translations/translations.service.ts';

declare module '../../platform/slots.ts' {
  interface Slots {
    /** A section on a network's page (the events module lists the network's upcoming events). */
    'networks.page': { networkId: string };
  }
}

/** Members' data waits for consent to the privacy notice: the consent page, then back here. */
async function consented(c: Ctx, run: () => Promise<Response>): Promise<Response> {
  if (await svc.needsConsent(c.var.ctx)) return c.redirect(`${link(c, '/privacy/consent')}?next=${encodeURIComponent(new URL(c.req.url).pathname)}`, 303);
  return run();
}

/** The admin's form: `name.en`, `name.fr` … become `{ name: { en, fr } }`. */
export function networkFields(body: FormBody): Record<string, unknown> {
  const out: Record<string, unknown> = { regions: [], themes: [] };
  for (const f of ['name', 'purpose', 'guidelines', 'confidentiality']) out[f] = {};
  for (const [k, val] of Object.entries(body)) {
    const [field, lang] = k.split('.');
    if (lang && field && ['name', 'purpose', 'guidelines', 'confidentiality'].includes(field) && (LOCALES as readonly string[]).includes(lang)) (out[field] as Record<string, unknown>)[lang] = val;
    else if (!lang) out[k] = val;
  }
  return out;
}

export function networksRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get('/networks', async (c) => v.listPage(c, await svc.listNetworks(c.var.ctx), canNetwork(c.var.ctx.actor, 'network.create')));

  r.get('/networks/new', async (c) => {
    requireUser(c);
    if (!canNetwork(c.var.ctx.actor, 'network.create')) throw new NotFoundError();
    return v.createPage(c, emptyForm({ joinPolicy: 'moderated' }));
  });

  r.post('/networks', async (c) => {
    requireUser(c);
    if (!canNetwork(c.var.ctx.actor, 'network.create')) throw new NotFoundError();
    return formAction(
      c,
      async (body) => {
        const out = await svc.createNetwork(c.var.ctx, networkFields(body));
        setFlash(c, 'networks.create.done');
        return redirectTo(c, `/networks/${out.slug}`);
      },
      (form, status) => v.createPage(c, form, status),
    );
  });

  r.get('/networks/:slug', async (c) => {
    const n = await svc.getNetwork(c.var.ctx, c.req.param('slug'));
    // A purpose not written in the reader's language is machine translated in the background (labelled; issue 14).
    const purpose = await readerViewFor(c, 'network_purpose', n.id, { purpose: n.purpose.text }, n.purpose.lang);
    return v.networkPage(c, n, await renderSlot(c, 'networks.page', { networkId: n.id }), purpose);
  });

  r.get('/networks/:slug/join', async (c) => {
    requireUser(c);
    const { network, organisations } = await svc.joinForm(c.var.ctx, c.req.param('slug'));
    return v.joinPage(c, network, organisations, emptyForm({ languages: [c.get('locale')] }));
  });

  r.post('/networks/:slug/join', async (c) => {
    requireUser(c);
    const slug = c.req.param('slug');
    return formAction(
      c,
      async (body) => {
        const out = await svc.join(c.var.ctx, slug, body);
        setFlash(c, !out.ok ? 'networks.join.already' : out.state === 'active' ? 'networks.join.doneActive' : 'networks.join.donePending');
        return redirectTo(c, `/networks/${slug}`);
      },
      async (form, status) => {
        const { network, organisations } = await svc.joinForm(c.var.ctx, slug);
        return v.joinPage(c, network, organisations, form, status);
      },
    );
  });

  r.get('/networks/:slug/guidelines', async (c) => v.guidelinesPage(c, await svc.getNetwork(c.var.ctx, c.req.param('slug')), emptyForm()));

  r.post('/networks/:slug/guidelines', async (c) => {
    requireUser(c);
    const slug = c.req.param('slug');
    return formAction(
      c,
      async (body) => {
        await svc.acceptGuidelines(c.var.ctx, slug, body);
        setFlash(c, 'networks.guidelines.done');
        return redirectTo(c, `/networks/${slug}`);
      },
      async (form, status) => v.guidelinesPage(c, await svc.getNetwork(c.var.ctx, slug), form, status),
    );
  });

  r.post('/networks/:slug/leave', async (c) => {
    requireUser(c);
    const slug = c.req.param('slug');
    const out = await svc.leaveNetwork(c.var.ctx, slug);
    setFlash(c, out.ok ? 'networks.leave.done' : 'networks.leave.notMember');
    return redirectTo(c, `/networks/${slug}`);
  });

  r.get('/networks/:slug/members', async (c) => {
    requireUser(c);
    return consented(c, async () => {
      const { network, members } = await svc.listMembers(c.var.ctx, c.req.param('slug'));
      return v.membersPage(c, network, members);
    });
  });

  for (const format of ['csv', 'jsonl'] as const)
    r.get(`/networks/:slug/members.${format}`, async (c) => {
      requireUser(c);
      return consented(c, async () => download(c, await svc.exportMembers(c.var.ctx, c.req.param('slug'), format)));
    });

  r.post('/networks/:slug/institutional', async (c) => {
    requireUser(c);
    const slug = c.req.param('slug');
    return formAction(
      c,
      async (body) => {
        const out = await svc.nameInstitutionalMember(c.var.ctx, slug, body);
        setFlash(c, out.ok ? 'networks.institutional.done' : 'networks.institutional.already');
        return redirectTo(c, `/networks/${slug}`);
      },
      async (form) => {
        setFlash(c, form.errors.email === 'networks.institutional.notColleague' ? 'networks.institutional.notColleague' : 'networks.institutional.invalid');
        return redirectTo(c, `/networks/${slug}`);
      },
    );
  });

  r.get('/networks/:slug/coordination', async (c) => {
    requireUser(c);
    return v.coordinationPage(c, await svc.coordination(c.var.ctx, c.req.param('slug')));
  });

  r.post('/networks/:slug/members/:id/decide', async (c) => {
    requireUser(c);
    const slug = c.req.param('slug');
    const id = c.req.param('id');
    return formAction(
      c,
      async (body) => {
        const out = await svc.decideMember(c.var.ctx, slug, id, body);
        setFlash(c, !out.ok ? 'networks.decide.notPending' : out.state === 'active' ? 'networks.decide.approved' : 'networks.decide.declined');
        return redirectTo(c, `/networks/${slug}/coordination`);
      },
      async (form, status) => v.coordinationPage(c, await svc.coordination(c.var.ctx, slug), { decision: { id, form } }, status),
    );
  });

  r.post('/networks/:slug/guidelines/version', async (c) => {
    requireUser(c);
    const slug = c.req.param('slug');
    return formAction(
      c,
      async (body) => {
        await svc.publishGuidelines(c.var.ctx, slug, body);
        setFlash(c, 'networks.coordination.guidelinesDone');
        return redirectTo(c, `/networks/${slug}/coordination`);
      },
      async (form, status) => v.coordinationPage(c, await svc.coordination(c.var.ctx, slug), { guidelines: form }, status),
    );
  });

  r.post('/networks/:slug/coordinators', async (c) => {
    requireUser(c);
    const slug = c.req.param('slug');
    return formAction(
      c,
      async (body) => {
        await svc.nameCoordinator(c.var.ctx, slug, body);
        setFlash(c, 'networks.coordination.coordinatorDone');
        return redirectTo(c, `/networks/${slug}/coordination`);
      },
      async (form, status) => v.coordinationPage(c, await svc.coordination(c.var.ctx, slug), { coordinator: form }, status),
    );
  });

  r.get('/networks/:slug/proposals', async (c) => {
    requireUser(c);
    const { network, proposals } = await svc.listProposals(c.var.ctx, c.req.param('slug'));
    return v.proposalsPage(c, network, proposals);
  });

  r.get('/networks/:slug/proposals/new', async (c) => {
    requireUser(c);
    const n = await svc.getNetwork(c.var.ctx, c.req.param('slug'));
    if (!n.abilities.propose) throw new NotFoundError();
    return v.proposalFormPage(c, n, emptyForm({ kind: 'event' }));
  });

  r.post('/networks/:slug/proposals', async (c) => {
    requireUser(c);
    const slug = c.req.param('slug');
    return formAction(
      c,
      async (body) => {
        await svc.propose(c.var.ctx, slug, body);
        setFlash(c, 'networks.proposals.done');
        return redirectTo(c, `/networks/${slug}/proposals`);
      },
      async (form, status) => v.proposalFormPage(c, await svc.getNetwork(c.var.ctx, slug), form, status),
    );
  });

  r.post('/networks/:slug/proposals/:id/support', async (c) => {
    requireUser(c);
    const slug = c.req.param('slug');
    const out = await svc.support(c.var.ctx, slug, c.req.param('id'));
    setFlash(c, out.ok ? 'networks.proposal.supported' : out.reason === 'own_proposal' ? 'networks.proposal.ownProposal' : out.reason === 'not_open' ? 'networks.proposal.notOpen' : 'networks.proposal.alreadySupported');
    return redirectTo(c, `/networks/${slug}/proposals`);
  });

  r.post('/networks/:slug/proposals/:id/decide', async (c) => {
    requireUser(c);
    const slug = c.req.param('slug');
    return formAction(
      c,
      async (body) => {
        const out = await svc.decideProposal(c.var.ctx, slug, c.req.param('id'), body);
        setFlash(c, !out.ok ? 'networks.proposal.notOpen' : out.state === 'accepted' ? 'networks.proposal.accepted' : 'networks.proposal.declined');
        return redirectTo(c, `/networks/${slug}/coordination`);
      },
      async (form, status) => {
        const view = await svc.coordination(c.var.ctx, slug);
        return v.coordinationPage(c, view, { decision: { id: c.req.param('id'), form } }, status);
      },
    );
  });

  return r;
}

