/**
 * Calls for expertise and what follows: a selected request becomes a public call (public fields
 * only); peer organisations and individual experts offer; the broker asks questions in a thread,
 * shortlists and proposes a match; requester and provider both confirm (double opt-in) and the
 * request is matched (the requests module does that on `calls.matchConfirmed`).
 */
import { randomUUID } from 'node:crypto';
import type { WaitingItem } from '../../platform/module.ts';
import type { ServiceCtx } from '../../platform/http.ts';
import { NotFoundError, UnauthorizedError, ForbiddenError, ValidationError, RateLimitError } from '../../platform/errors.ts';
import { mustParse } from '../../platform/validation.ts';
import { audit } from '../../platform/audit.ts';
import { isUuid } from '../../platform/ids.ts';
import { parseQuery } from '../../platform/query.ts';
import { emit } from '../../platform/events.ts';
import { isCallTakingOffers } from '../programmes/programmes.policy.ts';
import { recordTimelineEvent } from '../programmes/programmes.service.ts';
import { notify, mailLink } from '../../platform/outbox.ts';
import { loadRequest, requestFacts, type RequestFacts } from '../requests/requests.service.ts';
import { isStaff } from '../requests/requests.policy.ts';
import { canPlanExchange } from '../exchanges/exchanges.policy.ts';
import { canOffer, canPublishCall, matchSides, callWaitingOn, type OfferAction, type OfferStanding, type MatchSide, type CallWaitingOn } from './calls.policy.ts';
import { publishCallInput, offerInput, messageInput, callsQuery } from './calls.schema.ts';
import * as repo from './calls.repository.ts';
import * as files from '../files/files.service.ts';
import './calls.events.ts';
import { activeOrgRoles } from '../organisations/organisations.service.ts';

/** What everyone may see of a call: no confidential detail of the request. */
export type PublicCall = {
  id: string;
  title: string;
  expertiseSought: string;
  themes: string[];
  formats: string[];
  languages: string[];
  periodStart: string | null;
  periodEnd: string | null;
  deadline: Date;
  state: string;
  isTakingOffers: boolean;
  publishedAt: Date;
  organisation: { name: string; country: string };
  programme: { name: string; slug: string };
};

const toPublic = (c: repo.PublicCallRow, now: Date): PublicCall => ({
  id: c.id,
  title: c.title,
  expertiseSought: c.expertiseSought,
  themes: c.themes,
  formats: c.formats,
  languages: c.languages,
  periodStart: c.periodStart,
  periodEnd: c.periodEnd,
  deadline: c.deadline,
  // An open call past its deadline shows as closed (the phase check lives in programmes.phase.ts).
  state: c.state === 'open' && !isCallTakingOffers(c, now) ? 'closed' : c.state,
  isTakingOffers: isCallTakingOffers(c, now),
  publishedAt: c.publishedAt,
  organisation: { name: c.organisation_name, country: c.organisation_country },
  programme: { name: c.programme_name, slug: c.programme_slug },
});

/** Per-person limits (SECURITY.md 26): messages per minute, offers per hour. */
export const MESSAGES_PER_MINUTE = 10;
export const OFFERS_PER_HOUR = 20;

/** Defaults for the publish form, from the selected request. */
export async function callDraftOf(ctx: ServiceCtx, requestId: string): Promise<Record<string, unknown>> {
  const { row } = await loadRequest(ctx, requestId, 'request.publishCall');
  return { title: row.title, expertiseSought: '', themes: row.themes, formats: row.formats, languages: row.languages, periodStart: row.periodStart ?? '', periodEnd: row.periodEnd ?? '', deadline: '' };
}

export type PublishOutcome = { ok: true; id: string } | { ok: false; reason: 'already_published' | 'deadline_past' };

/**
 * The broker publishes the call of a selected request. It goes on the programme's timeline; the
 * requester and the members whose themes fit are told.
 */
export async function publishCall(ctx: ServiceCtx, requestId: string, raw: unknown): Promise<PublishOutcome> {
  const { row } = await loadRequest(ctx, requestId, 'request.publishCall');
  if (!canPublishCall(ctx.actor)) throw new ForbiddenError();
  const input = mustParse(publishCallInput, raw);
  if (input.deadline <= ctx.now) return { ok: false, reason: 'deadline_past' };
  const id = randomUUID();
  const ok = await ctx.db.transaction(async (tx) => {
    const inserted = await repo.insertCall(tx, {
      id,
      requestId,
      programmeId: row.programmeId,
      title: input.title,
      expertiseSought: input.expertiseSought,
      themes: input.themes,
      formats: input.formats,
      languages: input.languages,
      periodStart: input.periodStart ?? null,
      periodEnd: input.periodEnd ?? null,
      deadline: input.deadline,
      state: 'open',
      publishedBy: ctx.actor!.id,
      publishedAt: ctx.now,
      updatedAt: ctx.now,
    });
    if (!inserted) return false;
    await emit(tx, ctx.now, 'calls.published', { callId: id, requestId, programmeId: row.programmeId });
    await recordTimelineEvent(tx, { programmeId: row.programmeId, kind: 'call_launched', at: ctx.now, title: input.title, refId: id, authorId: ctx.actor!.id });
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'call.publish', objectType: 'call', objectId: id, ip: ctx.ip });
    await notify(tx, ctx.now, [row.createdBy], 'call_published', (t) => ({
      subject: t('calls.mail.callPublished.subject', { title: input.title }),
      body: t('calls.mail.callPublished.body', { title: input.title, link: mailLink(`/calls/${id}`) }),
    }));
    const fits = (await repo.peopleWithThemes(tx, input.themes)).filter((u) => u !== row.createdBy);
    await notify(tx, ctx.now, fits, 'call_fits', (t) => ({
      subject: t('calls.mail.callFits.subject', { title: input.title }),
      body: t('calls.mail.callFits.body', { title: input.title, link: mailLink(`/calls/${id}`) }),
    }));
    return true;
  });
  return ok ? { ok: true, id } : { ok: false, reason: 'already_published' };
}

/** Open calls for everyone, with theme and format filters (an unknown key answers 400). */
export async function listOpenCalls(ctx: ServiceCtx, query: Record<string, unknown>): Promise<PublicCall[]> {
  const f = parseQuery(callsQuery, query);
  return (await repo.openCalls(ctx.db, ctx.now, f)).map((c) => toPublic(c, ctx.now));
}

export type CallPage = { call: PublicCall; requestId: string | null; canOffer: boolean; myOfferId: string | null; isStaff: boolean };

/** A call's public page; the secretariat also gets the request's id (for the broker screens). */
export async function getCall(ctx: ServiceCtx, id: string): Promise<CallPage> {
  const c = isUuid(id) ? await repo.findPublicCall(ctx.db, id) : undefined;
  if (!c) throw new NotFoundError();
  const mine = ctx.actor ? await repo.findOfferByCallAndUser(ctx.db, id, ctx.actor.id) : undefined;
  const call = toPublic(c, ctx.now);
  return { call, requestId: isStaff(ctx.actor) ? c.requestId : null, canOffer: !!ctx.actor && call.isTakingOffers && !mine, myOfferId: mine?.id ?? null, isStaff: isStaff(ctx.actor) };
}

export type OfferFormData = { call: PublicCall; organisations: { id: string; name: string; experts: { id: string; name: string; languages: string[] }[] }[]; self: { id: string; name: string; languages: string[] } | null };

/** What the signed-in person may offer: their own profile, and the experts of organisations they administer. */
export async function getOfferForm(ctx: ServiceCtx, callId: string): Promise<OfferFormData> {
  if (!ctx.actor) throw new UnauthorizedError();
  const { call } = await getCall(ctx, callId);
  const [self, orgs] = await Promise.all([repo.personOfUser(ctx.db, ctx.actor.id), repo.adminOrganisations(ctx.db, ctx.actor.id)]);
  const organisations = await Promise.all(orgs.map(async (o) => ({ ...o, experts: await repo.expertsOfOrganisation(ctx.db, o.id) })));
  return { call, organisations, self: self ?? null };
}

export type OfferOutcome = { ok: true; id: string } | { ok: false; reason: 'closed' | 'already_offered' | 'own_request' | 'no_profile'; id?: string };

/**
 * Makes an offer on a call: for an organisation the person administers (one or more of its
 * experts), or for themselves as an individual expert. One offer per call and person: of 20
 * parallel submissions one is recorded, the others get already_offered.
 */
export async function makeOffer(ctx: ServiceCtx, callId: string, raw: unknown): Promise<OfferOutcome> {
  if (!ctx.actor) throw new UnauthorizedError();
  const call = isUuid(callId) ? await repo.findCall(ctx.db, callId) : undefined;
  if (!call) throw new NotFoundError();
  if (!isCallTakingOffers(call, ctx.now)) return { ok: false, reason: 'closed' };
  if ((await repo.recentActivity(ctx.db, ctx.actor.id, new Date(ctx.now.getTime() - 3600_000))).offers >= OFFERS_PER_HOUR) throw new RateLimitError(3600);
  const input = mustParse(offerInput, raw);
  const request = (await requestFacts(ctx.db, call.requestId))!;
  const personIds = input.experts.map((e) => e.personId);
  if (new Set(personIds).size !== personIds.length) throw new ValidationError({ experts: 'calls.offer.duplicateExpert' });
  if (input.organisationId) {
    if (input.organisationId === request.organisationId) return { ok: false, reason: 'own_request' };
    const roles = await activeOrgRoles(ctx.db, input.organisationId, ctx.actor.id);
    if (!roles.includes('org_admin')) throw new ValidationError({ organisationId: 'calls.offer.notOrgAdmin' });
    const allowed = await repo.eligibleExpertIds(ctx.db, input.organisationId, personIds);
    if (personIds.some((p) => !allowed.has(p))) throw new ValidationError({ experts: 'calls.offer.notYourExpert' });
  } else {
    const self = await repo.personOfUser(ctx.db, ctx.actor.id);
    if (!self) return { ok: false, reason: 'no_profile' };
    if (personIds.length !== 1 || personIds[0] !== self.id) throw new ValidationError({ experts: 'calls.offer.onlyYourself' });
    if ((await activeOrgRoles(ctx.db, request.organisationId, ctx.actor.id)).length) return { ok: false, reason: 'own_request' };
  }
  const id = randomUUID();
  const inserted = await ctx.db.transaction(async (tx) => {
    const got = await repo.insertOffer(tx, { id, callId, offeredBy: ctx.actor!.id, organisationId: input.organisationId ?? null, state: 'submitted', createdAt: ctx.now, updatedAt: ctx.now });
    if (!got) return false;
    await repo.insertOfferExperts(
      tx,
      input.experts.map((e) => ({ offerId: id, personId: e.personId, motivation: e.motivation, languages: e.languages, availability: e.availability })),
    );
    await repo.touchCall(tx, callId, ctx.now);
    await notify(tx, ctx.now, await repo.brokerIds(tx), 'new_offer', (t) => ({
      subject: t('calls.mail.newOffer.subject', { title: call.title }),
      body: t('calls.mail.newOffer.body', { title: call.title, link: mailLink(`/offers/${id}`) }),
    }));
    return true;
  });
  if (!inserted) {
    const existing = await repo.findOfferByCallAndUser(ctx.db, callId, ctx.actor.id);
    return { ok: false, reason: 'already_offered', id: existing?.id };
  }
  return { ok: true, id };
}

type LoadedOffer = { offer: repo.OfferRow; call: repo.CallRow; standing: OfferStanding; requestRow: RequestFacts };

/** Loads an offer the actor may see (404 otherwise); with `action`, 403 when they may see it but not do that. */
async function loadOffer(ctx: ServiceCtx, id: string, action: OfferAction = 'offer.view'): Promise<LoadedOffer> {
  if (!ctx.actor) throw new NotFoundError();
  const offer = isUuid(id) ? await repo.findOffer(ctx.db, id) : undefined;
  if (!offer) throw new NotFoundError();
  const call = (await repo.findCall(ctx.db, offer.callId))!;
  const requestRow = (await requestFacts(ctx.db, call.requestId))!;
  const isProvider =
    offer.offeredBy === ctx.actor.id || (!!offer.organisationId && (await activeOrgRoles(ctx.db, offer.organisationId, ctx.actor.id)).includes('org_admin'));
  const reqRoles = await activeOrgRoles(ctx.db, requestRow.organisationId, ctx.actor.id);
  const isRequesterSide = requestRow.createdBy === ctx.actor.id || reqRoles.includes('requester') || reqRoles.includes('approver');
  const standing = { isProvider, isRequesterSide, state: offer.state };
  if (!canOffer(ctx.actor, 'offer.view', standing)) {
    await audit(ctx.db, ctx.now, { actorId: ctx.actor.id, action: 'offer.view', objectType: 'offer', objectId: id, ip: ctx.ip, outcome: 'denied' });
    throw new NotFoundError();
  }
  if (action !== 'offer.view' && !canOffer(ctx.actor, action, standing)) throw new ForbiddenError();
  return { offer, call, standing, requestRow };
}

export type OfferDetail = {
  id: string;
  state: string;
  call: { id: string; title: string };
  organisationName: string | null;
  offeredByName: string;
  experts: { personId: string; name: string; position: string; motivation: string; languages: string[]; availability: string; cv: { id: string; label: string } | null }[];
  messages: { authorName: string; body: string; at: Date }[];
  /** `exchangeId`: the exchange planned from a confirmed match; `canPlan`: the reader may plan it (none yet). */
  match: { id: string; state: string; requesterConfirmed: boolean; providerConfirmed: boolean; mySides: MatchSide[]; exchangeId: string | null; canPlan: boolean } | null;
  abilities: { message: boolean; shortlist: boolean; propose: boolean; uploadCv: boolean; withdraw: boolean };
};

/** An offer with its experts, its thread and its match, for the broker, the provider, and the requester once proposed. */
export async function getOffer(ctx: ServiceCtx, id: string): Promise<OfferDetail> {
  const { offer, call, standing } = await loadOffer(ctx, id);
  const [experts, messages, match, offeredByName, org, cvs] = await Promise.all([
    repo.expertsOfOffer(ctx.db, id),
    canOffer(ctx.actor, 'offer.message', standing) ? repo.messagesOf(ctx.db, id) : Promise.resolve([]),
    repo.liveMatchOfOffer(ctx.db, id),
    repo.userName(ctx.db, offer.offeredBy),
    offer.organisationId ? repo.organisationName(ctx.db, offer.organisationId) : Promise.resolve(undefined),
    files.cvsOfOffer(ctx, id),
  ]);
  if (offer.offeredBy !== ctx.actor!.id) await audit(ctx.db, ctx.now, { actorId: ctx.actor!.id, action: 'offer.open', objectType: 'offer', objectId: id, ip: ctx.ip });
  const exchangeId = match?.state === 'confirmed' ? await repo.exchangeOfMatch(ctx.db, match.id) : null;
  return {
    id,
    state: offer.state,
    call: { id: call.id, title: call.title },
    organisationName: org ?? null,
    offeredByName,
    experts: experts.map((e) => ({ ...e, cv: cvs.get(e.personId) ?? null })),
    messages,
    match: match
      ? {
          id: match.id,
          state: match.state,
          requesterConfirmed: !!match.requesterConfirmedAt,
          providerConfirmed: !!match.providerConfirmedAt,
          mySides: match.state === 'proposed' ? matchSides(standing) : [],
          exchangeId,
          canPlan: match.state === 'confirmed' && !exchangeId && canPlanExchange(ctx.actor),
        }
      : null,
    abilities: {
      message: canOffer(ctx.actor, 'offer.message', standing),
      shortlist: canOffer(ctx.actor, 'offer.shortlist', standing),
      propose: canOffer(ctx.actor, 'offer.propose', standing),
      uploadCv: standing.isProvider,
      withdraw: canOffer(ctx.actor, 'offer.withdraw', standing),
    },
  };
}

export type CallOffers = { call: PublicCall; requestId: string; offers: { id: string; state: string; offeredByName: string; organisationName: string | null; experts: number; messages: number; createdAt: Date; lastActiveAt: Date | null }[] };

/** The broker's view of a call's offers (the matching engine's ranked candidates go beside it). */
export async function listCallOffers(ctx: ServiceCtx, callId: string): Promise<CallOffers> {
  if (!canOffer(ctx.actor, 'offer.listForCall', { isProvider: false, isRequesterSide: false, state: '' })) throw new NotFoundError();
  const c = isUuid(callId) ? await repo.findPublicCall(ctx.db, callId) : undefined;
  if (!c) throw new NotFoundError();
  const list = await repo.offersOfCall(ctx.db, callId);
  return {
    call: toPublic(c, ctx.now),
    requestId: c.requestId,
    offers: list.map((o) => ({
      id: o.id,
      state: o.state,
      offeredByName: o.offered_by_name,
      organisationName: o.organisation_name,
      experts: o.experts,
      messages: o.messages,
      createdAt: new Date(o.created_at),
      lastActiveAt: o.offered_by_last_active ? new Date(o.offered_by_last_active) : null,
    })),
  };
}

/** A message in the offer's thread (broker ↔ provider); the other side is told. */
export async function postMessage(ctx: ServiceCtx, offerId: string, raw: unknown): Promise<{ ok: true }> {
  const { offer, call } = await loadOffer(ctx, offerId, 'offer.message');
  const { body } = mustParse(messageInput, raw);
  if ((await repo.recentActivity(ctx.db, ctx.actor!.id, new Date(ctx.now.getTime() - 60_000))).messages >= MESSAGES_PER_MINUTE) throw new RateLimitError(60);
  await ctx.db.transaction(async (tx) => {
    await repo.insertMessage(tx, { id: randomUUID(), offerId, authorId: ctx.actor!.id, body, at: ctx.now });
    await repo.touchCall(tx, call.id, ctx.now);
    const to = offer.offeredBy === ctx.actor!.id ? await repo.brokerIds(tx) : [offer.offeredBy];
    await notify(tx, ctx.now, to, 'offer_message', (t) => ({
      subject: t('calls.mail.offerMessage.subject', { title: call.title }),
      body: t('calls.mail.offerMessage.body', { title: call.title, link: mailLink(`/offers/${offerId}`) }),
    }));
  });
  return { ok: true };
}

/** The provider withdraws their offer before it is proposed as the match; the secretariat is told. */
export async function withdrawOffer(ctx: ServiceCtx, offerId: string): Promise<{ ok: boolean }> {
  const { call } = await loadOffer(ctx, offerId, 'offer.withdraw');
  const ok = await ctx.db.transaction(async (tx) => {
    if (!(await repo.setOfferState(tx, offerId, ['submitted', 'shortlisted'], 'withdrawn', ctx.now))) return false;
    await repo.touchCall(tx, call.id, ctx.now);
    await notify(tx, ctx.now, await repo.brokerIds(tx), 'offer_withdrawn', (t) => ({
      subject: t('calls.mail.offerWithdrawn.subject', { title: call.title }),
      body: t('calls.mail.offerWithdrawn.body', { title: call.title, link: mailLink(`/offers/${offerId}`) }),
    }));
    return true;
  });
  return { ok };
}

/** The broker shortlists an offer. */
export async function shortlistOffer(ctx: ServiceCtx, offerId: string): Promise<{ ok: boolean }> {
  const { call } = await loadOffer(ctx, offerId, 'offer.shortlist');
  const ok = await repo.setOfferState(ctx.db, offerId, ['submitted'], 'shortlisted', ctx.now);
  if (ok) await repo.touchCall(ctx.db, call.id, ctx.now);
  return { ok };
}

export type ProposeOutcome = { ok: true; matchId: string } | { ok: false; reason: 'call_has_match' | 'not_allowed' };

/** The broker proposes an offer as the match of its call; both sides are asked to confirm. One live match per call. */
export async function proposeMatch(ctx: ServiceCtx, offerId: string): Promise<ProposeOutcome> {
  const { offer, call, requestRow } = await loadOffer(ctx, offerId, 'offer.propose');
  const matchId = randomUUID();
  const out = await ctx.db.transaction(async (tx): Promise<ProposeOutcome> => {
    const id = await repo.insertMatch(tx, { id: matchId, callId: call.id, offerId, state: 'proposed', proposedBy: ctx.actor!.id, proposedAt: ctx.now, updatedAt: ctx.now });
    if (!id) return { ok: false, reason: 'call_has_match' };
    if (!(await repo.setOfferState(tx, offerId, ['submitted', 'shortlisted'], 'proposed', ctx.now))) throw new Error('offer changed under the proposal');
    await repo.touchCall(tx, call.id, ctx.now);
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'match.propose', objectType: 'match', objectId: matchId, ip: ctx.ip });
    const requesterSide = [requestRow.createdBy, ...(await repo.orgMembersInRoles(tx, requestRow.organisationId, ['approver']))];
    await notify(tx, ctx.now, [...requesterSide, offer.offeredBy], 'match_proposed', (t) => ({
      subject: t('calls.mail.matchProposed.subject', { title: call.title }),
      body: t('calls.mail.matchProposed.body', { title: call.title, link: mailLink(`/offers/${offerId}`) }),
    }));
    return { ok: true, matchId };
  });
  return out;
}

export type ConfirmOutcome = { ok: true; isConfirmed: boolean } | { ok: false; reason: 'not_proposed' };

/**
 * One side confirms a proposed match. When both have, the match is confirmed, the offer and the
 * call are matched and `calls.matchConfirmed` is recorded (on it the request moves to matched);
 * the programme's timeline records it.
 */
export async function confirmMatch(ctx: ServiceCtx, matchId: string, answer: 'confirm' | 'decline' = 'confirm'): Promise<ConfirmOutcome> {
  if (!ctx.actor) throw new NotFoundError();
  const m = isUuid(matchId) ? await repo.findMatch(ctx.db, matchId) : undefined;
  if (!m) throw new NotFoundError();
  const { standing, call, requestRow, offer } = await loadOffer(ctx, m.offerId);
  const sides = matchSides(standing);
  if (!sides.length) throw new NotFoundError();
  return ctx.db.transaction(async (tx): Promise<ConfirmOutcome> => {
    const cur = await repo.findMatchForUpdate(tx, matchId);
    if (!cur || cur.state !== 'proposed') return { ok: false, reason: 'not_proposed' };
    if (answer === 'decline') {
      await repo.updateMatch(tx, matchId, { state: 'declined', updatedAt: ctx.now });
      await repo.setOfferState(tx, offer.id, ['proposed'], 'shortlisted', ctx.now);
      await repo.touchCall(tx, call.id, ctx.now);
      await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'match.decline', objectType: 'match', objectId: matchId, ip: ctx.ip });
      await notify(tx, ctx.now, await repo.brokerIds(tx), 'match_declined', (t) => ({
        subject: t('calls.mail.matchDeclined.subject', { title: call.title }),
        body: t('calls.mail.matchDeclined.body', { title: call.title, link: mailLink(`/offers/${offer.id}`) }),
      }));
      return { ok: true, isConfirmed: false };
    }
    const v: Parameters<typeof repo.updateMatch>[2] = { updatedAt: ctx.now };
    if (sides.includes('requester') && !cur.requesterConfirmedAt) Object.assign(v, { requesterConfirmedAt: ctx.now, requesterConfirmedBy: ctx.actor!.id });
    if (sides.includes('provider') && !cur.providerConfirmedAt) Object.assign(v, { providerConfirmedAt: ctx.now, providerConfirmedBy: ctx.actor!.id });
    const both = !!(v.requesterConfirmedAt ?? cur.requesterConfirmedAt) && !!(v.providerConfirmedAt ?? cur.providerConfirmedAt);
    if (both) v.state = 'confirmed';
    // A repeated confirmation by the same side changes nothing and records nothing.
    if (!v.requesterConfirmedAt && !v.providerConfirmedAt) return { ok: true, isConfirmed: false };
    await repo.updateMatch(tx, matchId, v);
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'match.confirm', objectType: 'match', objectId: matchId, ip: ctx.ip });
    if (both) {
      await repo.setOfferState(tx, offer.id, ['proposed'], 'matched', ctx.now);
      await repo.touchCall(tx, call.id, ctx.now, 'matched');
      await emit(tx, ctx.now, 'calls.matchConfirmed', { matchId, callId: call.id, offerId: offer.id, requestId: requestRow.id, actorId: ctx.actor!.id });
      await recordTimelineEvent(tx, { programmeId: call.programmeId, kind: 'match_confirmed', at: ctx.now, title: call.title, refId: matchId, authorId: ctx.actor!.id });
      const everyone = [requestRow.createdBy, offer.offeredBy, ...(await repo.brokerIds(tx))];
      await notify(tx, ctx.now, everyone, 'match_confirmed', (t) => ({
        subject: t('calls.mail.matchConfirmed.subject', { title: call.title }),
        body: t('calls.mail.matchConfirmed.body', { title: call.title }),
        link: mailLink(`/offers/${offer.id}`),
      }));
    }
    return { ok: true, isConfirmed: both };
  });
}

export type CallOfRequest = { callId: string; title: string; match: { offerId: string; state: string } | null };

/** The call published from a request and its live match, for the request's page (whoever may see the request); null before the call. */
export async function callOfRequest(ctx: ServiceCtx, requestId: string): Promise<CallOfRequest | null> {
  await loadRequest(ctx, requestId);
  const c = await repo.findCallByRequest(ctx.db, requestId);
  if (!c) return null;
  const m = await repo.liveMatchOfCall(ctx.db, c.id);
  return { callId: c.id, title: c.title, match: m ? { offerId: m.offerId, state: m.state } : null };
}

export type BrokerCall = { id: string; title: string; state: string; offers: number; lastChange: Date; programmeName: string; waitingOn: CallWaitingOn };

/** Every call for the broker's dashboard: its state (an open call past its deadline shows as closed), who it waits on, its offers and last change. */
export async function callsForBroker(ctx: ServiceCtx): Promise<BrokerCall[]> {
  if (!isStaff(ctx.actor)) throw new NotFoundError();
  return (await repo.callsForDashboard(ctx.db)).map((c) => {
    const deadline = new Date(c.deadline);
    const state = c.state === 'open' && !isCallTakingOffers({ state: c.state, deadline }, ctx.now) ? 'closed' : c.state;
    const waiting = callWaitingOn({ state: c.state, deadline, matchState: c.match_state, requesterConfirmed: !!c.requester_confirmed, providerConfirmed: !!c.provider_confirmed }, ctx.now);
    return { id: c.id, title: c.title, state, offers: c.offers, lastChange: new Date(c.last_change), programmeName: c.programme_name, waitingOn: waiting };
  });
}

/** The offer a match belongs to (for redirecting after an answer); 404 for anyone who may not see it. */
export async function matchOffer(ctx: ServiceCtx, matchId: string): Promise<string> {
  const m = isUuid(matchId) ? await repo.findMatch(ctx.db, matchId) : undefined;
  if (!m) throw new NotFoundError();
  await loadOffer(ctx, m.offerId);
  return m.offerId;
}

/** Whether the actor may see an offer (for the CVs that belong to it). */
export async function canSeeOffer(ctx: ServiceCtx, offerId: string): Promise<boolean> {
  try {
    await loadOffer(ctx, offerId);
    return true;
  } catch (e) {
    if (e instanceof NotFoundError) return false;
    throw e;
  }
}

/**
 * The provider adds the CV of an expert of their offer. Outcomes: ok, or a rejection of the file
 * (too_large, bad_type, archive_too_big, quota). ValidationError when the person is not in the offer.
 */
export async function uploadCv(ctx: ServiceCtx, env: files.FilesEnv, offerId: string, personId: string, u: files.Upload) {
  const { standing } = await loadOffer(ctx, offerId, 'offer.message');
  if (!standing.isProvider) throw new ForbiddenError();
  const experts = await repo.expertsOfOffer(ctx.db, offerId);
  if (!experts.some((e) => e.personId === personId)) throw new ValidationError({ personId: 'platform.form.choice' });
  return files.store(ctx, env, 'cv', u, { offerId, personId });
}

/**
 * Opens a request attachment or a CV (files.service checks and audits): a request attachment for
 * whoever may see the request, a CV for whoever may see its offer.
 */
export function openFile(ctx: ServiceCtx, env: files.FilesEnv, id: string) {
  return files.openAttachment(ctx, env, id, {
    request: async (requestId) => void (await loadRequest(ctx, requestId)),
    offer: (offerId) => canSeeOffer(ctx, offerId),
    personUserId: async (personId) => (await repo.personUserId(ctx.db, personId)) ?? null,
  });
}

/**
 * What waits on the signed-in person in calls, for "Waiting on you": for the secretariat, calls
 * whose offers wait on it (after the deadline); for everyone, proposed matches to confirm.
 */
export async function waitingInCalls(ctx: ServiceCtx): Promise<WaitingItem[]> {
  if (!ctx.actor) return [];
  const items: WaitingItem[] = [];
  if (isStaff(ctx.actor)) {
    for (const c of await callsForBroker(ctx)) if (c.waitingOn === 'broker' && c.offers > 0) items.push({ kind: 'offersToAnswer', title: c.title, link: `/calls/${c.id}/offers`, module: 'calls' });
  }
  for (const m of await repo.matchesToConfirm(ctx.db, ctx.actor.id)) items.push({ kind: 'matchToConfirm', title: m.title, link: `/offers/${m.offer_id}`, module: 'calls' });
  return items;
}
