/**
 * Networks and membership as JSON under /api/v1: the list and a network (public), joining with the
 * acceptance of the current guidelines, accepting a new version, leaving, the member list (members
 * and coordinators, after consent to the privacy notice) and a coordinator's decision on a pending
 * membership, and members' proposals with their supports and the coordinator's decision. The same
 * services, permissions and messages as the pages.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, Ctx } from '../../platform/http.ts';
import { requireUser } from '../../platform/forms.ts';
import { jsonObject } from '../../platform/validation.ts';
import { UUID } from '../../platform/ids.ts';
import { declareOperations, outcome } from '../../platform/openapi.ts';
import * as svc from './networks.service.ts';
import { acceptInput, decisionInput, joinInput, memberListAnswer, membershipAnswer, networkAnswer, networkListAnswer, proposalCreated, proposalInput, proposalListAnswer, SLUG } from './networks.schema.ts';

const slugParam = z.object({ slug: z.string().regex(SLUG) });
const memberParam = slugParam.extend({ id: z.string().regex(UUID) });

export const networksOperations = declareOperations('networks', [
  { method: 'get', path: '/networks', operationId: 'listNetworks', summary: 'The networks (communities of practice): name and purpose in the reader’s language, regions, themes, join policy, member count', response: networkListAnswer },
  { method: 'get', path: '/networks/:slug', operationId: 'getNetwork', summary: 'One network, its coordinators and the caller’s standing (membership, guidelines to accept again)', params: slugParam, response: networkAnswer, errors: [404] },
  {
    method: 'post',
    path: '/networks/:slug/join',
    operationId: 'joinNetwork',
    summary: 'Join a network: the declaration of membership and the acceptance of its current guidelines and confidentiality statement (active at once in an open network, pending in a moderated one; 409 already_member)',
    auth: 'required',
    params: slugParam,
    body: joinInput,
    response: membershipAnswer,
    status: 201,
    errors: [404, 409],
  },
  { method: 'post', path: '/networks/:slug/guidelines', operationId: 'acceptNetworkGuidelines', summary: 'Accept the network’s current guidelines again (after a new version)', auth: 'required', params: slugParam, body: acceptInput, response: outcome, errors: [404] },
  { method: 'post', path: '/networks/:slug/leave', operationId: 'leaveNetwork', summary: 'Leave a network (409 not_member)', auth: 'required', params: slugParam, response: outcome, errors: [404, 409] },
  { method: 'get', path: '/networks/:slug/members', operationId: 'listNetworkMembers', summary: 'The active members (members and coordinators of the network; 403 consent_required before consent to the privacy notice)', auth: 'required', params: slugParam, response: memberListAnswer, errors: [403, 404] },
  {
    method: 'post',
    path: '/networks/:slug/members/:id/decision',
    operationId: 'decideNetworkMembership',
    summary: 'A coordinator approves or declines a pending membership (a reason is required to decline; 409 not_pending)',
    auth: 'required',
    params: memberParam,
    body: decisionInput,
    response: outcome,
    errors: [404, 409],
  },
  { method: 'get', path: '/networks/:slug/proposals', operationId: 'listNetworkProposals', summary: 'Members’ proposals of themes and events, open first and by support (members and coordinators)', auth: 'required', params: slugParam, response: proposalListAnswer, errors: [404] },
  {
    method: 'post',
    path: '/networks/:slug/proposals',
    operationId: 'createNetworkProposal',
    summary: 'Propose a theme or an event (members who accepted the current guidelines; 403 guidelines_required otherwise)',
    auth: 'required',
    params: slugParam,
    body: proposalInput,
    response: proposalCreated,
    status: 201,
    errors: [403, 404],
  },
  {
    method: 'post',
    path: '/networks/:slug/proposals/:id/support',
    operationId: 'supportNetworkProposal',
    summary: 'Support another member’s open proposal, once (409 already_supported, own_proposal, not_open)',
    auth: 'required',
    params: memberParam,
    response: outcome,
    errors: [403, 404, 409],
  },
  {
    method: 'post',
    path: '/networks/:slug/proposals/:id/decision',
    operationId: 'decideNetworkProposal',
    summary: 'A coordinator accepts (`approve`) or declines an open proposal (a reason is required to decline; 409 not_open)',
    auth: 'required',
    params: memberParam,
    body: decisionInput,
    response: outcome,
    errors: [404, 409],
  },
]);

const refusal = (c: Ctx, code: string, key: string) => c.json({ error: { code, message: c.get('t')(key) } }, 409);

export function networksApiRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get('/networks', async (c) => c.json({ items: await svc.listNetworks(c.var.ctx) }));

  r.get('/networks/:slug', async (c) => {
    const n = await svc.getNetwork(c.var.ctx, c.req.param('slug'));
    return c.json({
      id: n.id,
      slug: n.slug,
      name: n.name,
      purpose: n.purpose,
      regions: n.regions,
      themes: n.themes,
      joinPolicy: n.joinPolicy,
      memberCount: n.memberCount,
      guidelinesVersion: n.guidelinesVersion,
      coordinators: n.coordinators,
      me: { membership: n.standing.membership, mustAcceptGuidelines: n.mustAcceptGuidelines, participates: n.participates, coordinates: n.abilities.coordinate },
    });
  });

  r.post('/networks/:slug/join', async (c) => {
    requireUser(c);
    const out = await svc.join(c.var.ctx, c.req.param('slug'), await jsonObject(c));
    if (!out.ok) return refusal(c, out.reason, 'networks.join.already');
    return c.json({ ok: true, membershipId: out.membershipId, state: out.state }, 201);
  });

  r.post('/networks/:slug/guidelines', async (c) => {
    requireUser(c);
    return c.json(await svc.acceptGuidelines(c.var.ctx, c.req.param('slug'), await jsonObject(c)));
  });

  r.post('/networks/:slug/leave', async (c) => {
    requireUser(c);
    const out = await svc.leaveNetwork(c.var.ctx, c.req.param('slug'));
    return out.ok ? c.json(out) : refusal(c, out.reason, 'networks.leave.notMember');
  });

  r.get('/networks/:slug/members', async (c) => {
    requireUser(c);
    const { members } = await svc.listMembers(c.var.ctx, c.req.param('slug'));
    return c.json({
      items: members.map((m) => ({
        membershipId: m.membershipId,
        userId: m.userId,
        name: m.name,
        category: m.category,
        organisation: m.organisation,
        themes: m.themes,
        languages: m.languages,
        advisesWithoutFee: m.advisesWithoutFee,
        state: m.state,
        joinedAt: new Date(m.createdAt).toISOString(),
      })),
    });
  });

  r.post('/networks/:slug/members/:id/decision', async (c) => {
    requireUser(c);
    const out = await svc.decideMember(c.var.ctx, c.req.param('slug'), c.req.param('id'), await jsonObject(c));
    return out.ok ? c.json(out) : refusal(c, out.reason, 'networks.decide.notPending');
  });

  r.get('/networks/:slug/proposals', async (c) => {
    requireUser(c);
    const { proposals } = await svc.listProposals(c.var.ctx, c.req.param('slug'));
    return c.json({
      items: proposals.map((p) => ({ id: p.id, kind: p.kind, title: p.title, description: p.description, lang: p.lang, state: p.state, reason: p.reason, authorName: p.authorName, supports: p.supports, supportedByMe: p.supportedByMe, createdAt: p.createdAt.toISOString() })),
    });
  });

  r.post('/networks/:slug/proposals', async (c) => {
    requireUser(c);
    return c.json(await svc.propose(c.var.ctx, c.req.param('slug'), await jsonObject(c)), 201);
  });

  r.post('/networks/:slug/proposals/:id/support', async (c) => {
    requireUser(c);
    const out = await svc.support(c.var.ctx, c.req.param('slug'), c.req.param('id'));
    if (out.ok) return c.json(out);
    return refusal(c, out.reason, out.reason === 'own_proposal' ? 'networks.proposal.ownProposal' : out.reason === 'not_open' ? 'networks.proposal.notOpen' : 'networks.proposal.alreadySupported');
  });

  r.post('/networks/:slug/proposals/:id/decision', async (c) => {
    requireUser(c);
    const out = await svc.decideProposal(c.var.ctx, c.req.param('slug'), c.req.param('id'), await jsonObject(c));
    return out.ok ? c.json(out) : refusal(c, out.reason, 'networks.proposal.notOpen');
  });

  return r;
}
