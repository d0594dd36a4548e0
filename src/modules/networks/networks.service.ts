/**
 * The networks module's face: networks, coordinators, memberships with the acceptance of the
 * current guidelines, members' proposals. Every verb opens with the actor's standing towards the
 * network and one check in networks.policy.ts; a network the actor may not see in that role answers
 * NotFoundError, as a missing one does (SECURITY.md 13).
 *
 * For other modules (events, later discussions), stable names: `canParticipate`, `canCoordinate`,
 * `coordinatorIdsOf`, `memberIdsOf`, `networkFacts`, `networkFactsBySlug`, `networksCoordinatedBy`,
 * `networkOptions`, `standingIn`, `proposalFacts`.
 */
import type { ServiceCtx, CurrentUser } from '../../platform/http.ts';
import type { DbOrTx } from '../../platform/db.ts';
import { ForbiddenError, NotFoundError, SignInRequired, ValidationError } from '../../platform/errors.ts';
import { mustParse } from '../../platform/validation.ts';
import { localized, type Locale } from '../../platform/i18n.ts';
import { emit } from '../../platform/events.ts';
import { audit } from '../../platform/audit.ts';
import { isUuid } from '../../platform/ids.ts';
import { notify, mailLink } from '../../platform/outbox.ts';
import type { NetworkText } from '../../db/schema/networks.ts';
import { hasCurrentConsent } from '../privacy/privacy.service.ts';
import * as repo from './networks.repository.ts';
import { canNetwork, coordinates, isAdmin, mustAcceptAgain, NO_STANDING, participates, type NetworkAction, type NetworkStanding } from './networks.policy.ts';
import { acceptInput, coordinatorInput, decisionInput, guidelinesInput, institutionalInput, joinInput, networkInput, proposalInput } from './networks.schema.ts';
import './networks.events.ts';

export type { NetworkStanding } from './networks.policy.ts';
export type LocalizedText = { text: string; lang: string };
export type NetworkFacts = { id: string; slug: string; name: NetworkText; themes: string[]; regions: string[]; guidelinesVersion: number };

const text = (v: NetworkText, locale: Locale): LocalizedText => {
  const l = localized(v, locale, 'en');
  return { text: l.text, lang: l.lang };
};

// ---------- for other modules ----------

/** The actor's standing towards a network (admin, coordinator, membership, accepted version). */
export async function standingIn(db: DbOrTx, actor: Pick<CurrentUser, 'id' | 'roles'> | null, network: { id: string; guidelinesVersion: number }): Promise<NetworkStanding> {
  if (!actor) return { ...NO_STANDING, currentVersion: network.guidelinesVersion };
  const coordinated = await repo.coordinatedBy(db, actor.id);
  const m = await repo.liveMembership(db, network.id, actor.id);
  return {
    isAdmin: isAdmin(actor),
    isOverallCoordinator: coordinated.includes(null),
    isCoordinator: coordinated.includes(network.id),
    membership: (m?.state as 'pending' | 'active' | undefined) ?? null,
    acceptedVersion: m ? await repo.latestAcceptance(db, network.id, actor.id) : 0,
    currentVersion: network.guidelinesVersion,
  };
}

/** Whether the actor may post and register in the network: an active member who accepted the current guidelines, or one who coordinates it. */
export async function canParticipate(ctx: ServiceCtx, networkId: string): Promise<boolean> {
  const n = await repo.networkById(ctx.db, networkId);
  if (!n || !ctx.actor) return false;
  return canNetwork(ctx.actor, 'network.participate', await standingIn(ctx.db, ctx.actor, n));
}

/** Whether the actor coordinates the network (its coordinator, an overall coordinator, an admin). */
export async function canCoordinate(ctx: ServiceCtx, networkId: string): Promise<boolean> {
  const n = await repo.networkById(ctx.db, networkId);
  if (!n || !ctx.actor) return false;
  return canNetwork(ctx.actor, 'network.coordinate', await standingIn(ctx.db, ctx.actor, n));
}

/** Who coordinates the network: its coordinators and the overall coordinators (user ids), e.g. to mail them. */
export async function coordinatorIdsOf(db: DbOrTx, networkId: string): Promise<string[]> {
  const own = await repo.coordinatorsOf(db, networkId);
  const overall = await repo.overallCoordinators(db);
  return [...new Set([...own, ...overall].map((c) => c.userId))];
}

/** The network's active members (user ids). */
export async function memberIdsOf(db: DbOrTx, networkId: string): Promise<string[]> {
  return repo.activeMemberIds(db, networkId);
}

const facts = (n: repo.NetworkRow): NetworkFacts => ({ id: n.id, slug: n.slug, name: n.name, themes: n.themes, regions: n.regions, guidelinesVersion: n.guidelinesVersion });

export async function networkFacts(db: DbOrTx, networkId: string): Promise<NetworkFacts | null> {
  const n = await repo.networkById(db, networkId);
  return n ? facts(n) : null;
}

export async function networkFactsBySlug(db: DbOrTx, slug: string): Promise<NetworkFacts | null> {
  const n = await repo.networkBySlug(db, slug);
  return n ? facts(n) : null;
}

/** Every network (for filters and choices), by slug. */
export async function networkOptions(db: DbOrTx): Promise<NetworkFacts[]> {
  return (await repo.listNetworks(db)).map(facts);
}

/** The networks the actor coordinates (all of them for an overall coordinator or an admin). */
export async function networksCoordinatedBy(ctx: ServiceCtx): Promise<NetworkFacts[]> {
  if (!ctx.actor) return [];
  const all = await repo.listNetworks(ctx.db);
  if (isAdmin(ctx.actor)) return all.map(facts);
  const mine = await repo.coordinatedBy(ctx.db, ctx.actor.id);
  return all.filter((n) => mine.includes(null) || mine.includes(n.id)).map(facts);
}

export type ProposalFacts = { id: string; networkId: string; kind: 'theme' | 'event'; state: 'open' | 'accepted' | 'declined'; title: string; description: string; lang: string; authorId: string };

/**
 * A proposal as another module needs it (events pre-fills an event from an accepted event
 * proposal): only for those who coordinate its network, else null.
 */
export async function proposalFacts(ctx: ServiceCtx, proposalId: string): Promise<ProposalFacts | null> {
  if (!ctx.actor || !isUuid(proposalId)) return null;
  const p = await repo.proposalById(ctx.db, proposalId);
  if (!p || !(await canCoordinate(ctx, p.networkId))) return null;
  return { id: p.id, networkId: p.networkId, kind: p.kind as 'theme' | 'event', state: p.state as ProposalFacts['state'], title: p.title, description: p.description, lang: p.lang, authorId: p.authorId };
}

// ---------- pages and API ----------

export type NetworkCard = { id: string; slug: string; name: LocalizedText; purpose: LocalizedText; regions: string[]; themes: string[]; joinPolicy: 'open' | 'moderated'; memberCount: number };

const card = (n: repo.NetworkRow & { memberCount: number }, locale: Locale): NetworkCard => ({
  id: n.id,
  slug: n.slug,
  name: text(n.name, locale),
  purpose: text(n.purpose, locale),
  regions: n.regions,
  themes: n.themes,
  joinPolicy: n.joinPolicy as 'open' | 'moderated',
  memberCount: n.memberCount,
});

export async function listNetworks(ctx: ServiceCtx): Promise<NetworkCard[]> {
  return (await repo.listNetworks(ctx.db)).map((n) => card(n, ctx.locale));
}

export type NetworkAbilities = Record<'join' | 'leave' | 'acceptGuidelines' | 'viewMembers' | 'coordinate' | 'propose' | 'nameCoordinator' | 'nameInstitutional', boolean>;

export type NetworkDetail = NetworkCard & {
  guidelinesVersion: number;
  guidelines: LocalizedText;
  confidentiality: LocalizedText;
  coordinators: { name: string }[];
  overallCoordinators: { name: string }[];
  standing: NetworkStanding;
  mustAcceptGuidelines: boolean;
  participates: boolean;
  abilities: NetworkAbilities;
  recent: { joinedLast30Days: number; accepted: { kind: string; title: string; lang: string; at: Date | null }[] };
  /** The reader's membership, if any (with the organisation they joined for). */
  myMembership: { state: string; organisationId: string | null } | null;
};

/** The network and the actor's standing, or 404. */
async function load(ctx: ServiceCtx, slug: string): Promise<{ n: repo.NetworkRow; s: NetworkStanding }> {
  const n = await repo.networkBySlug(ctx.db, slug);
  if (!n) throw new NotFoundError();
  return { n, s: await standingIn(ctx.db, ctx.actor, n) };
}

/** The network when the actor may do `action`; a visitor is asked to sign in, anyone else refused gets 404. */
async function loadFor(ctx: ServiceCtx, slug: string, action: NetworkAction): Promise<{ n: repo.NetworkRow; s: NetworkStanding; actor: CurrentUser }> {
  if (!ctx.actor) throw new SignInRequired();
  const { n, s } = await load(ctx, slug);
  if (!canNetwork(ctx.actor, action, s)) throw new NotFoundError();
  return { n, s, actor: ctx.actor };
}

export async function getNetwork(ctx: ServiceCtx, slug: string): Promise<NetworkDetail> {
  const { n, s } = await load(ctx, slug);
  const count = (await repo.memberCounts(ctx.db, [n.id])).get(n.id) ?? 0;
  const a = ctx.actor;
  const my = a ? await repo.liveMembership(ctx.db, n.id, a.id) : null;
  const accepted = (await repo.proposalsOf(ctx.db, n.id, null, ['accepted'])).slice(0, 5);
  return {
    ...card({ ...n, memberCount: count }, ctx.locale),
    guidelinesVersion: n.guidelinesVersion,
    guidelines: text(n.guidelines, ctx.locale),
    confidentiality: text(n.confidentiality, ctx.locale),
    coordinators: (await repo.coordinatorsOf(ctx.db, n.id)).map((c) => ({ name: c.name })),
    overallCoordinators: (await repo.overallCoordinators(ctx.db)).map((c) => ({ name: c.name })),
    standing: s,
    mustAcceptGuidelines: mustAcceptAgain(s),
    participates: participates(s),
    abilities: {
      join: !a || canNetwork(a, 'network.join', s),
      leave: canNetwork(a, 'network.leave', s),
      acceptGuidelines: canNetwork(a, 'network.acceptGuidelines', s) && mustAcceptAgain(s),
      viewMembers: canNetwork(a, 'network.viewMembers', s),
      coordinate: canNetwork(a, 'network.coordinate', s),
      propose: canNetwork(a, 'proposal.create', s),
      nameCoordinator: canNetwork(a, 'network.nameCoordinator', s),
      nameInstitutional: !!my?.organisationId && canNetwork(a, 'member.nameInstitutional', s),
    },
    recent: {
      joinedLast30Days: await repo.joinedSince(ctx.db, n.id, new Date(ctx.now.getTime() - 30 * 86400_000)),
      accepted: accepted.map((p) => ({ kind: p.kind, title: p.title, lang: p.lang, at: p.decidedAt })),
    },
    myMembership: my ? { state: my.state, organisationId: my.organisationId } : null,
  };
}

/** What the join form offers: the network, its guidelines, and the organisations the person may join for. */
export async function joinForm(ctx: ServiceCtx, slug: string): Promise<{ network: NetworkDetail; organisations: { id: string; name: string }[] }> {
  await loadFor(ctx, slug, 'network.join');
  const network = await getNetwork(ctx, slug);
  const organisations = (await repo.organisationsOfUser(ctx.db, ctx.actor!.id)).map((o) => ({ id: o.id, name: o.name }));
  return { network, organisations };
}

export type JoinOutcome = { ok: true; membershipId: string; state: 'active' | 'pending' } | { ok: false; reason: 'already_member' };

/**
 * Joins: the declaration (category, organisation, themes, languages, advice without fee) and the
 * acceptance of the current guidelines and confidentiality statement (append-only). Open networks
 * make the member active at once; moderated ones leave it pending for a coordinator.
 */
export async function join(ctx: ServiceCtx, slug: string, raw: unknown): Promise<JoinOutcome> {
  if (!ctx.actor) throw new SignInRequired();
  const { n, s } = await load(ctx, slug);
  if (!canNetwork(ctx.actor, 'network.join', s)) return { ok: false, reason: 'already_member' };
  const input = mustParse(joinInput, raw);
  const actor = ctx.actor;
  if (input.organisationId && !(await repo.organisationsOfUser(ctx.db, actor.id)).some((o) => o.id === input.organisationId)) throw new ValidationError({ organisationId: 'networks.join.organisationNotYours' });
  const state = n.joinPolicy === 'open' ? 'active' : 'pending';
  const out = await ctx.db.transaction(async (tx) => {
    const m = await repo.insertMembership(tx, {
      networkId: n.id,
      userId: actor.id,
      organisationId: input.organisationId ?? null,
      category: input.category,
      themes: input.themes,
      languages: input.languages,
      advisesWithoutFee: input.advisesWithoutFee,
      state,
      createdAt: ctx.now,
    });
    if (!m) return null;
    await repo.insertAcceptance(tx, n.id, actor.id, n.guidelinesVersion, ctx.now);
    await emit(tx, ctx.now, 'networks.memberJoined', { networkId: n.id, membershipId: m.id, userId: actor.id, state });
    if (state === 'pending') {
      const name = n.name;
      await notify(tx, ctx.now, await coordinatorIdsOf(tx, n.id), 'networks.pending', (t) => ({
        subject: t('networks.mail.pending.subject', { network: name.en ?? Object.values(name)[0] ?? n.slug }),
        body: t('networks.mail.pending.body', { person: actor.name, link: mailLink(`/networks/${n.slug}/coordination`) }),
      }));
    }
    return m;
  });
  if (!out) return { ok: false, reason: 'already_member' };
  return { ok: true, membershipId: out.id, state };
}

/** Accepts the network's current guidelines again (after a new version). */
export async function acceptGuidelines(ctx: ServiceCtx, slug: string, raw: unknown): Promise<{ ok: true; version: number }> {
  const { n, actor } = await loadFor(ctx, slug, 'network.acceptGuidelines');
  mustParse(acceptInput, raw);
  await repo.insertAcceptance(ctx.db, n.id, actor.id, n.guidelinesVersion, ctx.now);
  return { ok: true, version: n.guidelinesVersion };
}

export async function leaveNetwork(ctx: ServiceCtx, slug: string): Promise<{ ok: true } | { ok: false; reason: 'not_member' }> {
  if (!ctx.actor) throw new SignInRequired();
  const { n } = await load(ctx, slug);
  const actor = ctx.actor;
  const m = await ctx.db.transaction(async (tx) => {
    const left = await repo.leave(tx, n.id, actor.id, ctx.now);
    if (left) await emit(tx, ctx.now, 'networks.memberLeft', { networkId: n.id, membershipId: left.id, userId: actor.id });
    return left;
  });
  return m ? { ok: true } : { ok: false, reason: 'not_member' };
}

export type MemberView = repo.MemberListRow;

/** Confidential member data waits for consent to the current privacy notice (SECURITY.md 31). */
export class ConsentRequired extends ForbiddenError {
  constructor() {
    super('consent_required');
  }
}

/** Whether the signed-in actor must first consent to the current privacy notice before seeing members' data (pages send them to the consent page). */
export async function needsConsent(ctx: ServiceCtx): Promise<boolean> {
  return !!ctx.actor && !(await hasCurrentConsent(ctx.db, ctx.actor.id));
}

/** The active members, for members and coordinators (404 for others), after consent to the privacy notice. */
export async function listMembers(ctx: ServiceCtx, slug: string): Promise<{ network: NetworkDetail; members: MemberView[] }> {
  const { actor } = await loadFor(ctx, slug, 'network.viewMembers');
  if (!(await hasCurrentConsent(ctx.db, actor.id))) throw new ConsentRequired();
  const network = await getNetwork(ctx, slug);
  return { network, members: await repo.membersOf(ctx.db, network.id, ['active']) };
}

const CSV_COLUMNS = ['membershipId', 'name', 'category', 'organisation', 'themes', 'languages', 'advisesWithoutFee', 'joinedAt'] as const;
const csvCell = (v: string) => {
  // A cell a spreadsheet would run as a formula starts with a quote (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The coordinator's export of the members, as CSV or JSON Lines (audited). */
export async function exportMembers(ctx: ServiceCtx, slug: string, format: 'csv' | 'jsonl'): Promise<{ name: string; type: string; bytes: string }> {
  const { n, actor } = await loadFor(ctx, slug, 'network.exportMembers');
  if (!(await hasCurrentConsent(ctx.db, actor.id))) throw new ConsentRequired();
  const members = (await repo.membersOf(ctx.db, n.id, ['active'])).map((m) => ({
    membershipId: m.membershipId,
    name: m.name,
    category: m.category,
    organisation: m.organisation ?? '',
    themes: m.themes.join(' '),
    languages: m.languages.join(' '),
    advisesWithoutFee: m.advisesWithoutFee ? 'yes' : 'no',
    joinedAt: new Date(m.createdAt).toISOString(),
  }));
  await audit(ctx.db, ctx.now, { actorId: actor.id, action: 'networks.membersExported', objectType: 'network', objectId: n.id, ip: ctx.ip });
  if (format === 'csv') {
    const lines = [CSV_COLUMNS.join(','), ...members.map((m) => CSV_COLUMNS.map((k) => csvCell(String(m[k]))).join(','))];
    return { name: `${n.slug}-members.csv`, type: 'text/csv; charset=utf-8', bytes: `${lines.join('\r\n')}\r\n` };
  }
  return { name: `${n.slug}-members.jsonl`, type: 'application/jsonl; charset=utf-8', bytes: members.map((m) => JSON.stringify(m)).join('\n') + (members.length ? '\n' : '') };
}

export type CoordinationView = { network: NetworkDetail; pending: MemberView[]; proposals: repo.ProposalListRow[] };

/** The coordination page: pending memberships and proposals by support. 404 for anyone who does not coordinate this network. */
export async function coordination(ctx: ServiceCtx, slug: string): Promise<CoordinationView> {
  const { n, actor } = await loadFor(ctx, slug, 'network.coordinate');
  return { network: await getNetwork(ctx, slug), pending: await repo.membersOf(ctx.db, n.id, ['pending']), proposals: await repo.proposalsOf(ctx.db, n.id, actor.id, ['open']) };
}

const nameIn = (name: NetworkText, t: (k: string) => string) => {
  const lang = t('networks.meta.lang');
  return name[lang] ?? name.en ?? Object.values(name)[0] ?? '';
};

export type DecisionOutcome = { ok: true; state: 'active' | 'declined' } | { ok: false; reason: 'not_pending' };

/** A coordinator approves or declines a pending membership (a reason is required to decline); audited and mailed. */
export async function decideMember(ctx: ServiceCtx, slug: string, membershipId: string, raw: unknown): Promise<DecisionOutcome> {
  const { n, actor } = await loadFor(ctx, slug, 'member.decide');
  const m = isUuid(membershipId) ? await repo.membershipById(ctx.db, membershipId) : null;
  if (!m || m.networkId !== n.id) throw new NotFoundError();
  const input = mustParse(decisionInput, raw);
  if (input.decision === 'decline' && !input.reason) throw new ValidationError({ reason: 'networks.decide.reasonRequired' });
  const state = input.decision === 'approve' ? 'active' : 'declined';
  const done = await ctx.db.transaction(async (tx) => {
    const d = await repo.decideMembership(tx, m.id, state, actor.id, ctx.now, input.reason ?? null);
    if (!d) return null;
    await audit(tx, ctx.now, { actorId: actor.id, action: state === 'active' ? 'networks.memberApproved' : 'networks.memberDeclined', objectType: 'network_member', objectId: m.id, ip: ctx.ip });
    if (state === 'active') await emit(tx, ctx.now, 'networks.memberApproved', { networkId: n.id, membershipId: m.id, userId: m.userId, decidedBy: actor.id });
    else await emit(tx, ctx.now, 'networks.memberDeclined', { networkId: n.id, membershipId: m.id, userId: m.userId, decidedBy: actor.id });
    const reason = input.reason ?? '';
    await notify(tx, ctx.now, [m.userId], state === 'active' ? 'networks.approved' : 'networks.declined', (t) =>
      state === 'active'
        ? { subject: t('networks.mail.approved.subject', { network: nameIn(n.name, t) }), body: t('networks.mail.approved.body', { network: nameIn(n.name, t), link: mailLink(`/networks/${n.slug}`) }) }
        : { subject: t('networks.mail.declined.subject', { network: nameIn(n.name, t) }), body: t('networks.mail.declined.body', { network: nameIn(n.name, t), reason }), link: mailLink(`/networks/${n.slug}`) },
    );
    return d;
  });
  return done ? { ok: true, state } : { ok: false, reason: 'not_pending' };
}

// ---------- proposals ----------

export type ProposalView = repo.ProposalListRow & { canSupport: boolean };

export async function listProposals(ctx: ServiceCtx, slug: string): Promise<{ network: NetworkDetail; proposals: ProposalView[] }> {
  const { n, s, actor } = await loadFor(ctx, slug, 'network.viewMembers');
  const list = await repo.proposalsOf(ctx.db, n.id, actor.id);
  const may = canNetwork(actor, 'proposal.support', s);
  return { network: await getNetwork(ctx, slug), proposals: list.map((p) => ({ ...p, canSupport: may && p.state === 'open' && p.authorId !== actor.id && !p.supportedByMe })) };
}

/** A participating member proposes a theme or an event. */
export async function propose(ctx: ServiceCtx, slug: string, raw: unknown): Promise<{ ok: true; id: string }> {
  const { n, actor } = await loadFor(ctx, slug, 'network.viewMembers');
  const s = await standingIn(ctx.db, actor, n);
  if (!canNetwork(actor, 'proposal.create', s)) throw new ForbiddenError('guidelines_required');
  const input = mustParse(proposalInput, raw);
  const id = await repo.insertProposal(ctx.db, { networkId: n.id, authorId: actor.id, kind: input.kind, title: input.title, description: input.description, lang: input.lang ?? ctx.locale, now: ctx.now });
  return { ok: true, id };
}

export type SupportOutcome = { ok: true } | { ok: false; reason: 'already_supported' | 'own_proposal' | 'not_open' };

/** Another participating member supports a proposal, once. */
export async function support(ctx: ServiceCtx, slug: string, proposalId: string): Promise<SupportOutcome> {
  const { n, s, actor } = await loadFor(ctx, slug, 'network.viewMembers');
  const p = isUuid(proposalId) ? await repo.proposalById(ctx.db, proposalId) : null;
  if (!p || p.networkId !== n.id) throw new NotFoundError();
  if (!canNetwork(actor, 'proposal.support', s)) throw new ForbiddenError('guidelines_required');
  if (p.authorId === actor.id) return { ok: false, reason: 'own_proposal' };
  if (p.state !== 'open') return { ok: false, reason: 'not_open' };
  return (await repo.insertSupport(ctx.db, p.id, actor.id, ctx.now)) ? { ok: true } : { ok: false, reason: 'already_supported' };
}

/** The coordinator accepts or declines an open proposal (a reason is required to decline); the author is mailed. */
export async function decideProposal(ctx: ServiceCtx, slug: string, proposalId: string, raw: unknown): Promise<{ ok: true; state: 'accepted' | 'declined' } | { ok: false; reason: 'not_open' }> {
  const { n, actor } = await loadFor(ctx, slug, 'proposal.decide');
  const p = isUuid(proposalId) ? await repo.proposalById(ctx.db, proposalId) : null;
  if (!p || p.networkId !== n.id) throw new NotFoundError();
  const input = mustParse(decisionInput, raw);
  if (input.decision === 'decline' && !input.reason) throw new ValidationError({ reason: 'networks.decide.reasonRequired' });
  const state = input.decision === 'approve' ? 'accepted' : 'declined';
  const done = await ctx.db.transaction(async (tx) => {
    const d = await repo.decideProposal(tx, p.id, state, actor.id, ctx.now, input.reason ?? null);
    if (!d) return null;
    await audit(tx, ctx.now, { actorId: actor.id, action: state === 'accepted' ? 'networks.proposalAccepted' : 'networks.proposalDeclined', objectType: 'network_proposal', objectId: p.id, ip: ctx.ip });
    if (state === 'accepted')
      await emit(tx, ctx.now, 'networks.proposalAccepted', { networkId: n.id, proposalId: p.id, kind: p.kind as 'theme' | 'event', title: p.title, description: p.description, lang: p.lang, authorId: p.authorId, acceptedBy: actor.id });
    const reason = input.reason ?? '';
    const title = p.title;
    await notify(tx, ctx.now, [p.authorId], state === 'accepted' ? 'networks.proposalAccepted' : 'networks.proposalDeclined', (t) =>
      state === 'accepted'
        ? { subject: t('networks.mail.proposalAccepted.subject', { title }), body: t('networks.mail.proposalAccepted.body', { title, network: nameIn(n.name, t) }), link: mailLink(`/networks/${n.slug}`) }
        : { subject: t('networks.mail.proposalDeclined.subject', { title }), body: t('networks.mail.proposalDeclined.body', { title, reason }), link: mailLink(`/networks/${n.slug}`) },
    );
    return d;
  });
  return done ? { ok: true, state } : { ok: false, reason: 'not_open' };
}

// ---------- administration ----------

/** An admin creates a network (slug, names and purposes in the languages given, guidelines version 1). */
export async function createNetwork(ctx: ServiceCtx, raw: unknown): Promise<{ ok: true; slug: string }> {
  if (!ctx.actor) throw new SignInRequired();
  if (!canNetwork(ctx.actor, 'network.create')) throw new NotFoundError();
  const input = mustParse(networkInput, raw);
  const actor = ctx.actor;
  const id = await ctx.db.transaction(async (tx) => {
    const id = await repo.insertNetwork(tx, { ...input, now: ctx.now });
    if (id) await audit(tx, ctx.now, { actorId: actor.id, action: 'networks.created', objectType: 'network', objectId: id, ip: ctx.ip });
    return id;
  });
  if (!id) throw new ValidationError({ slug: 'networks.create.slugTaken' });
  return { ok: true, slug: input.slug };
}

/** An admin names a coordinator of the network (or an overall coordinator of every network) by the account's address. */
export async function nameCoordinator(ctx: ServiceCtx, slug: string, raw: unknown): Promise<{ ok: true }> {
  const { n, actor } = await loadFor(ctx, slug, 'network.nameCoordinator');
  const { email, overall } = mustParse(coordinatorInput, raw);
  const userId = await repo.userIdByEmail(ctx.db, email);
  if (!userId) throw new ValidationError({ email: 'networks.coordinator.unknownEmail' });
  await ctx.db.transaction(async (tx) => {
    // An overall coordinator coordinates every network (a row with no network).
    if (await repo.insertCoordinator(tx, overall ? null : n.id, userId, ctx.now)) await audit(tx, ctx.now, { actorId: actor.id, action: 'networks.coordinatorNamed', objectType: 'network', objectId: n.id, ip: ctx.ip });
  });
  return { ok: true };
}

/** A coordinator publishes a new version of the guidelines: every member is asked to accept again before posting or registering. */
export async function publishGuidelines(ctx: ServiceCtx, slug: string, raw: unknown): Promise<{ ok: true; version: number }> {
  const { n, actor } = await loadFor(ctx, slug, 'network.coordinate');
  const input = mustParse(guidelinesInput, raw);
  const version = await ctx.db.transaction(async (tx) => {
    const v = await repo.newGuidelinesVersion(tx, n.id, input.lang, input.guidelines, input.confidentiality, ctx.now);
    await audit(tx, ctx.now, { actorId: actor.id, action: 'networks.guidelinesVersion', objectType: 'network', objectId: n.id, ip: ctx.ip });
    const ids = await repo.activeMemberIds(tx, n.id);
    await notify(tx, ctx.now, ids, 'networks.guidelines', (t) => ({
      subject: t('networks.mail.guidelines.subject', { network: nameIn(n.name, t) }),
      body: t('networks.mail.guidelines.body', { network: nameIn(n.name, t), link: mailLink(`/networks/${n.slug}/guidelines`) }),
    }));
    return v;
  });
  return { ok: true, version };
}

/**
 * An institutional member (a member who joined for an organisation) names a colleague of that
 * organisation as a member: active at once, but asked to accept the guidelines themselves before
 * taking part.
 */
export async function nameInstitutionalMember(ctx: ServiceCtx, slug: string, raw: unknown): Promise<{ ok: true } | { ok: false; reason: 'already_member' }> {
  const { n, actor } = await loadFor(ctx, slug, 'member.nameInstitutional');
  const mine = await repo.liveMembership(ctx.db, n.id, actor.id);
  if (!mine?.organisationId) throw new NotFoundError();
  const { email } = mustParse(institutionalInput, raw);
  const userId = await repo.userIdByEmail(ctx.db, email);
  if (!userId || !(await repo.organisationsOfUser(ctx.db, userId)).some((o) => o.id === mine.organisationId)) throw new ValidationError({ email: 'networks.institutional.notColleague' });
  const orgId = mine.organisationId;
  const m = await ctx.db.transaction(async (tx) => {
    const m = await repo.insertMembership(tx, { networkId: n.id, userId, organisationId: orgId, category: mine.category, themes: [], languages: [], advisesWithoutFee: false, state: 'active', decidedBy: actor.id, decidedAt: ctx.now, createdAt: ctx.now });
    if (!m) return null;
    await emit(tx, ctx.now, 'networks.memberJoined', { networkId: n.id, membershipId: m.id, userId, state: 'active' });
    await notify(tx, ctx.now, [userId], 'networks.named', (t) => ({
      subject: t('networks.mail.named.subject', { network: nameIn(n.name, t) }),
      body: t('networks.mail.named.body', { network: nameIn(n.name, t), person: actor.name, link: mailLink(`/networks/${n.slug}/guidelines`) }),
    }));
    return m;
  });
  return m ? { ok: true } : { ok: false, reason: 'already_member' };
}

// ---------- a person's data ----------

export async function exportPersonalData(db: DbOrTx, userId: string): Promise<Record<string, unknown>> {
  const r = await repo.personalRows(db, userId);
  return {
    networkMemberships: r.ms.map(({ decidedBy: _d, ...m }) => m),
    networkGuidelineAcceptances: r.acc,
    networkProposals: r.props.map(({ decidedBy: _d, ...p }) => p),
    networkProposalSupports: r.sup,
    networkCoordinatorRoles: r.coord,
  };
}

export async function erasePersonalData(tx: DbOrTx, userId: string): Promise<void> {
  await repo.eraseUser(tx, userId);
}

