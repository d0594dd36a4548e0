/**
 * Organisations and memberships: the verbs. Each takes a ServiceCtx, checks permission first
 * (ForbiddenError / UnauthorizedError / NotFoundError are thrown), validates input with zod
 * (ValidationError), and returns expected outcomes as a tagged union.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ServiceCtx, CurrentUser } from '../../platform/http.ts';
import { perPersonLimit } from '../../platform/security.ts';
import { ForbiddenError, NotFoundError, UnauthorizedError, ValidationError, type FieldErrors } from '../../platform/errors.ts';
import { fieldErrors, mustParse } from '../../platform/validation.ts';
import { audit } from '../../platform/audit.ts';
import { sha256, newToken } from '../../platform/session.ts';
import { i18n, isLocale, type Locale } from '../../platform/i18n.ts';
import { composeDirect } from '../../platform/mail-template.ts';
import type { Mailer } from '../../platform/mail.ts';
import type { DbOrTx } from '../../platform/db.ts';
import { MEMBERSHIP_ROLES, type MembershipRole } from '../../db/schema/organisations.ts';
import { regionOfCountry } from '../../taxonomy/regions.ts';
import * as repo from './organisations.repository.ts';
import { canOrganisation, type OrganisationAction, type OrgRelation } from './organisations.policy.ts';
import { organisationInput, organisationQuery, joinInput, claimInput, inviteInput, decisionInput, roleInput, type OrganisationInput, type Sort } from './organisations.schema.ts';
import { moderationOf } from '../moderation/moderation.service.ts';
import { findOneTimeToken, storeOneTimeToken, useOneTimeToken } from '../accounts/accounts.service.ts';
import { isUuid } from '../../platform/ids.ts';
import { parseQuery } from '../../platform/query.ts';

export const INVITATION_DAYS = 14;
// ---------------------------------------------------------------------------------------------
// Domain types (what views and the API receive; never rows)

export type OrganisationCard = {
  id: string;
  name: string;
  kind: string;
  country: string;
  region: string;
  subregion: string | null;
  population: number | null;
  languages: string[];
  themes: string[];
  offersExcerpt: string;
  isVerified: boolean;
  /** Created by a member and not verified yet (issue 18.8): marked in the directory, left out of the public export. */
  awaitingVerification: boolean;
};

export type MemberView = { membershipId: string; userId: string; personId: string | null; name: string; role: MembershipRole; status: 'active' | 'pending'; origin: string; message: string };

export type OrganisationDetail = {
  /** Hidden after reports (shown marked to those who still see it); whether the reader may report it. */
  moderation: { hidden: boolean; canReport: boolean };
  id: string;
  name: string;
  kind: string;
  country: string;
  region: string;
  subregion: string | null;
  population: number | null;
  languages: string[];
  offers: string;
  seeks: string;
  themes: string[];
  sdgs: number[];
  website: string | null;
  /** null when hidden from the reader (visitors). */
  email: string | null;
  lat: number | null;
  lon: number | null;
  isVerified: boolean;
  verifiedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** Active members (for members), plus pending requests for those who decide them. */
  members: MemberView[];
  abilities: OrganisationAbilities;
  /** The reader's own memberships here. */
  myRoles: { role: MembershipRole; status: string }[];
};

export type OrganisationAbilities = Record<'edit' | 'verify' | 'claim' | 'join' | 'invite' | 'decide' | 'decideClaim' | 'changeRole' | 'viewMembers', boolean>;

export type SearchResult<T> = {
  items: T[];
  page: number;
  limit: number;
  /** Matches counted up to COUNT_CAP + 1. */
  total: number;
  isTotalCapped: boolean;
  hasNext: boolean;
  hasPrev: boolean;
};

const toDate = (v: Date | string | null): Date | null => (v === null ? null : v instanceof Date ? v : new Date(v));

function relationFrom(r: Awaited<ReturnType<typeof repo.relationRows>>): OrgRelation {
  return {
    activeRoles: r.mine.filter((m) => m.status === 'active').map((m) => m.role as MembershipRole),
    pendingRoles: r.mine.filter((m) => m.status === 'pending').map((m) => m.role as MembershipRole),
    hasActiveAdmin: r.hasActiveAdmin,
  };
}

async function relationOf(ctx: ServiceCtx, organisationId: string): Promise<OrgRelation> {
  return relationFrom(await repo.relationRows(ctx.db, organisationId, ctx.actor?.id ?? null));
}

function requireActor(ctx: ServiceCtx): CurrentUser {
  if (!ctx.actor) throw new UnauthorizedError();
  return ctx.actor;
}

function ensure(ctx: ServiceCtx, action: OrganisationAction, rel?: OrgRelation): void {
  if (!canOrganisation(ctx.actor, action, rel)) {
    if (!ctx.actor) throw new UnauthorizedError();
    throw new ForbiddenError();
  }
}

async function loadOrganisation(ctx: ServiceCtx, id: string): Promise<repo.OrganisationRow> {
  if (!isUuid(id)) throw new NotFoundError();
  const row = await repo.findOrganisation(ctx.db, id);
  if (!row) throw new NotFoundError();
  return row;
}

// ---------------------------------------------------------------------------------------------
// Directory

/**
 * Searches the directory. `query` is the raw query-string object (or already parsed); unknown keys,
 * unknown sorts and values outside the taxonomy throw a ValidationError (400). Visitors may search.
 * Sort defaults to relevance with a text query, else name.
 */
export async function searchOrganisations(ctx: ServiceCtx, query: Record<string, unknown>): Promise<SearchResult<OrganisationCard>> {
  const p = parseQuery(organisationQuery, query, 'organisations.search.unknownKey');
  const sort: Sort = p.sort ?? (p.q ? 'relevance' : 'name');
  const offset = (p.page - 1) * p.limit;
  const { rows, count } = await repo.searchOrganisationRows(
    ctx.db,
    { q: p.q, country: p.country, region: p.region, kind: p.kind, theme: p.theme, language: p.language, population: p.population },
    sort,
    p.limit,
    offset,
  );
  const items = rows.slice(0, p.limit).map(
    (r): OrganisationCard => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      country: r.country,
      region: r.region,
      subregion: r.subregion,
      population: r.population,
      languages: r.languages,
      themes: r.themes,
      offersExcerpt: r.offers.length >= 300 ? `${r.offers.slice(0, 280).trimEnd()}…` : r.offers,
      isVerified: r.verified_at !== null,
      awaitingVerification: !!r.awaiting_verification,
    }),
  );
  // A page past the end found no row: it says how many there are, not its own offset.
  const total = offset === 0 && rows.length <= p.limit ? rows.length : rows.length ? Math.max(count, offset + rows.length) : count;
  return { items, page: p.page, limit: p.limit, total: Math.min(total, repo.COUNT_CAP + 1), isTotalCapped: total > repo.COUNT_CAP, hasNext: rows.length > p.limit, hasPrev: p.page > 1 };
}

// ---------------------------------------------------------------------------------------------
// One organisation

/** An organisation as the reader may see it, with the reader's abilities. Outcome: the detail, or NotFoundError. */
export async function getOrganisation(ctx: ServiceCtx, id: string): Promise<OrganisationDetail> {
  const row = await loadOrganisation(ctx, id);
  // Hidden after members' reports: only its admins and the moderators still see it (SECURITY.md 28).
  const moderation = await moderationOf(ctx, 'organisation', row.id);
  if (!moderation.visible) throw new NotFoundError();
  const rel = await relationOf(ctx, id);
  const can = (a: OrganisationAction) => canOrganisation(ctx.actor, a, rel);
  const abilities: OrganisationAbilities = {
    edit: can('organisation.edit'),
    verify: can('organisation.verify'),
    claim: can('organisation.claim'),
    join: can('membership.request'),
    invite: can('membership.invite'),
    decide: can('membership.decide'),
    decideClaim: can('organisation.decideClaim'),
    changeRole: can('membership.changeRole'),
    viewMembers: can('organisation.viewMembers'),
  };
  let members: MemberView[] = [];
  if (abilities.viewMembers) {
    const all = await repo.membershipsOf(ctx.db, id);
    members = all
      .filter((m) => m.status === 'active' || (m.origin === 'claim' ? abilities.decideClaim : abilities.decide) || m.user_id === ctx.actor?.id)
      .map((m) => ({
        membershipId: m.id,
        userId: m.user_id,
        personId: m.person_id,
        name: m.name,
        role: m.role as MembershipRole,
        status: m.status as 'active' | 'pending',
        origin: m.origin,
        message: m.status === 'pending' ? m.message : '',
      }));
  }
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    country: row.country,
    region: row.region,
    subregion: row.subregion,
    population: row.population,
    languages: row.languages,
    offers: row.offers,
    seeks: row.seeks,
    themes: row.themes,
    sdgs: row.sdgs,
    website: row.website,
    email: can('organisation.viewContact') ? row.email : null,
    lat: row.lat,
    lon: row.lon,
    isVerified: row.verifiedAt !== null,
    verifiedAt: row.verifiedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    members,
    abilities,
    myRoles: rel.activeRoles.map((role) => ({ role, status: 'active' })).concat(rel.pendingRoles.map((role) => ({ role, status: 'pending' }))),
    moderation: { hidden: moderation.hidden, canReport: moderation.canReport },
  };
}

/** The editable fields of an organisation as form values (for the edit form and PATCH merges). */
export function inputOf(row: Pick<repo.OrganisationRow, 'name' | 'kind' | 'country' | 'subregion' | 'population' | 'languages' | 'offers' | 'seeks' | 'themes' | 'sdgs' | 'website' | 'email' | 'lat' | 'lon'>): Record<string, unknown> {
  return {
    name: row.name,
    kind: row.kind,
    country: row.country,
    subregion: row.subregion ?? '',
    population: row.population ?? '',
    languages: row.languages,
    offers: row.offers,
    seeks: row.seeks,
    themes: row.themes,
    sdgs: row.sdgs,
    website: row.website ?? '',
    email: row.email ?? '',
    lat: row.lat ?? '',
    lon: row.lon ?? '',
  };
}

function columnsOf(d: OrganisationInput) {
  return {
    name: d.name,
    kind: d.kind,
    country: d.country,
    region: regionOfCountry(d.country)!,
    subregion: d.subregion ?? null,
    population: d.population ?? null,
    languages: [...new Set(d.languages)],
    offers: d.offers,
    seeks: d.seeks,
    themes: [...new Set(d.themes)],
    sdgs: [...new Set(d.sdgs)].sort((a, b) => a - b),
    website: d.website ?? null,
    email: d.email ?? null,
    lat: d.lat ?? null,
    lon: d.lon ?? null,
  };
}

/** Organisations one person may create an hour (SECURITY.md 26); the command line's import has no such limit. */
export const ORGANISATIONS_PER_HOUR = 5;

/**
 * Creates an organisation; its creator becomes its active organisation admin. Any signed-in member
 * may, ORGANISATIONS_PER_HOUR an hour (then 429). Outcomes: `{ ok: true, id }`; invalid input throws ValidationError.
 */
export async function createOrganisation(ctx: ServiceCtx, raw: unknown): Promise<{ ok: true; id: string }> {
  const actor = requireActor(ctx);
  ensure(ctx, 'organisation.create');
  const d = mustParse(organisationInput, raw);
  perPersonLimit(await repo.recentCreationsOf(ctx.db, actor.id, new Date(ctx.now.getTime() - 3600_000)), ORGANISATIONS_PER_HOUR, 3600_000, ctx.now);
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await repo.insertOrganisation(tx, { id, ...columnsOf(d), createdBy: actor.id, createdAt: ctx.now, updatedAt: ctx.now });
    await repo.upsertActiveMembership(tx, { id: randomUUID(), organisationId: id, userId: actor.id, role: 'org_admin', origin: 'creation', createdAt: ctx.now, decidedAt: ctx.now, decidedBy: actor.id });
    await repo.setPrimaryOrganisationIfNone(tx, actor.id, id);
    await audit(tx, ctx.now, { actorId: actor.id, action: 'organisation.create', objectType: 'organisation', objectId: id, ip: ctx.ip });
  });
  return { ok: true, id };
}

/**
 * Updates an organisation (its admins, brokers, platform admins). `raw` may be partial: given
 * fields replace the stored ones, the rest stay. Region follows the country; verification, creator
 * and any unknown field are ignored. Outcomes: `{ ok: true }`; NotFound/Forbidden/Validation thrown.
 */
export async function updateOrganisation(ctx: ServiceCtx, id: string, raw: Record<string, unknown>): Promise<{ ok: true }> {
  requireActor(ctx);
  const row = await loadOrganisation(ctx, id);
  ensure(ctx, 'organisation.edit', await relationOf(ctx, id));
  const d = mustParse(organisationInput, { ...inputOf(row), ...raw });
  await ctx.db.transaction(async (tx) => {
    await repo.updateOrganisationRow(tx, id, { ...columnsOf(d), updatedAt: ctx.now });
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'organisation.update', objectType: 'organisation', objectId: id, ip: ctx.ip });
  });
  return { ok: true };
}

/** Marks an organisation verified (or not) — brokers and platform admins; audit logged. Outcomes: `{ ok: true }`. */
export async function verifyOrganisation(ctx: ServiceCtx, id: string, isVerified = true): Promise<{ ok: true }> {
  requireActor(ctx);
  await loadOrganisation(ctx, id);
  if (!canOrganisation(ctx.actor, 'organisation.verify')) {
    await audit(ctx.db, ctx.now, { actorId: ctx.actor!.id, action: 'organisation.verify', objectType: 'organisation', objectId: id, ip: ctx.ip, outcome: 'denied' });
    throw new ForbiddenError();
  }
  await ctx.db.transaction(async (tx) => {
    await repo.updateOrganisationRow(tx, id, isVerified ? { verifiedAt: ctx.now, verifiedBy: ctx.actor!.id } : { verifiedAt: null, verifiedBy: null });
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: isVerified ? 'organisation.verify' : 'organisation.unverify', objectType: 'organisation', objectId: id, ip: ctx.ip });
  });
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Memberships

export type MembershipOutcome = { ok: true } | { ok: false; reason: 'already_member' | 'already_requested' | 'has_admin' };

/**
 * Asks to act for an organisation in a role; the organisation admin (or a broker) decides.
 * Outcomes: ok; `already_member` (active in that role); `already_requested` (pending).
 */
export async function requestMembership(ctx: ServiceCtx, organisationId: string, raw: unknown): Promise<MembershipOutcome> {
  const actor = requireActor(ctx);
  await loadOrganisation(ctx, organisationId);
  const rel = await relationOf(ctx, organisationId);
  ensure(ctx, 'membership.request', rel);
  const d = mustParse(joinInput, raw);
  if (rel.activeRoles.includes(d.role)) return { ok: false, reason: 'already_member' };
  if (rel.pendingRoles.includes(d.role)) return { ok: false, reason: 'already_requested' };
  const inserted = await repo.insertRequest(ctx.db, { id: randomUUID(), organisationId, userId: actor.id, role: d.role, status: 'pending', origin: 'request', message: d.message, createdAt: ctx.now });
  return inserted ? { ok: true } : { ok: false, reason: 'already_requested' };
}

/**
 * Claims an organisation that has no active admin: a pending org_admin membership that a broker
 * or platform admin approves. Outcomes: ok; `has_admin`; `already_requested`.
 */
export async function claimOrganisation(ctx: ServiceCtx, organisationId: string, raw: unknown = {}): Promise<MembershipOutcome> {
  const actor = requireActor(ctx);
  await loadOrganisation(ctx, organisationId);
  const rel = await relationOf(ctx, organisationId);
  if (rel.hasActiveAdmin) return { ok: false, reason: 'has_admin' };
  if (rel.pendingRoles.includes('org_admin')) return { ok: false, reason: 'already_requested' };
  ensure(ctx, 'organisation.claim', rel);
  const d = mustParse(claimInput, raw);
  const inserted = await repo.insertRequest(ctx.db, { id: randomUUID(), organisationId, userId: actor.id, role: 'org_admin', status: 'pending', origin: 'claim', message: d.message, createdAt: ctx.now });
  if (inserted) await audit(ctx.db, ctx.now, { actorId: actor.id, action: 'organisation.claim', objectType: 'organisation', objectId: organisationId, ip: ctx.ip });
  return inserted ? { ok: true } : { ok: false, reason: 'already_requested' };
}

export type DecisionOutcome = { ok: true; organisationId: string } | { ok: false; reason: 'not_pending' | 'has_admin' };

/**
 * Approves or refuses a pending membership. Requests: the organisation admin, a broker or a
 * platform admin; claims: a broker or platform admin only. Approval is a role change and is
 * audited. Outcomes: ok; `not_pending`; `has_admin` (a claim when an admin appeared meanwhile).
 */
export async function decideMembership(ctx: ServiceCtx, membershipId: string, raw: unknown): Promise<DecisionOutcome> {
  const actor = requireActor(ctx);
  if (!isUuid(membershipId)) throw new NotFoundError();
  const m = await repo.findMembership(ctx.db, membershipId);
  if (!m) throw new NotFoundError();
  const rel = await relationOf(ctx, m.organisationId);
  ensure(ctx, m.origin === 'claim' ? 'organisation.decideClaim' : 'membership.decide', rel);
  const d = mustParse(decisionInput, raw);
  if (m.status !== 'pending') return { ok: false, reason: 'not_pending' };
  return ctx.db.transaction(async (tx) => {
    if (d.decision === 'approve' && m.origin === 'claim' && (await repo.countActiveAdmins(tx, m.organisationId)) > 0) return { ok: false as const, reason: 'has_admin' as const };
    await repo.setMembership(tx, m.id, { status: d.decision === 'approve' ? 'active' : 'refused', decidedAt: ctx.now, decidedBy: actor.id });
    if (d.decision === 'approve') await repo.setPrimaryOrganisationIfNone(tx, m.userId, m.organisationId);
    await audit(tx, ctx.now, {
      actorId: actor.id,
      action: d.decision === 'approve' ? `membership.approve.${m.role}` : `membership.refuse.${m.role}`,
      objectType: 'membership',
      objectId: m.id,
      ip: ctx.ip,
    });
    return { ok: true as const, organisationId: m.organisationId };
  });
}

export type RoleChangeOutcome = { ok: true; organisationId: string } | { ok: false; reason: 'not_active' | 'exists' | 'last_admin' };

/**
 * Changes the role of an active membership (organisation admin, broker, platform admin); audited.
 * Outcomes: ok; `not_active`; `exists` (the person already has that role); `last_admin` (the
 * organisation would be left without an admin).
 */
export async function changeMembershipRole(ctx: ServiceCtx, membershipId: string, raw: unknown): Promise<RoleChangeOutcome> {
  const actor = requireActor(ctx);
  if (!isUuid(membershipId)) throw new NotFoundError();
  const m = await repo.findMembership(ctx.db, membershipId);
  if (!m) throw new NotFoundError();
  ensure(ctx, 'membership.changeRole', await relationOf(ctx, m.organisationId));
  const d = mustParse(roleInput, raw);
  if (m.status !== 'active') return { ok: false, reason: 'not_active' };
  if (d.role === m.role) return { ok: true, organisationId: m.organisationId };
  if (await repo.membershipExists(ctx.db, m.organisationId, m.userId, d.role)) return { ok: false, reason: 'exists' };
  if (m.role === 'org_admin' && (await repo.countActiveAdmins(ctx.db, m.organisationId)) <= 1) return { ok: false, reason: 'last_admin' };
  await ctx.db.transaction(async (tx) => {
    await repo.setMembership(tx, m.id, { role: d.role, decidedAt: ctx.now, decidedBy: actor.id });
    await audit(tx, ctx.now, { actorId: actor.id, action: `membership.role_change.${m.role}.${d.role}`, objectType: 'membership', objectId: m.id, ip: ctx.ip });
  });
  return { ok: true, organisationId: m.organisationId };
}

/**
 * Invites someone by e-mail to act for the organisation in a role: a one-time link valid 14 days,
 * mailed in the recipient's language when their account is known (else the inviter's).
 * Only the sha256 of the token is stored. Outcomes: `{ ok: true, expiresAt }`.
 */
export async function inviteMember(ctx: ServiceCtx & { mailer: Mailer; baseUrl: string }, organisationId: string, raw: unknown): Promise<{ ok: true; expiresAt: Date }> {
  const actor = requireActor(ctx);
  const org = await loadOrganisation(ctx, organisationId);
  ensure(ctx, 'membership.invite', await relationOf(ctx, organisationId));
  const d = mustParse(inviteInput, raw);
  const token = newToken();
  const expiresAt = new Date(ctx.now.getTime() + INVITATION_DAYS * 86_400_000);
  const known = await repo.findUserLocaleByEmail(ctx.db, d.email);
  const locale: Locale = isLocale(known) ? known : ctx.locale;
  await storeOneTimeToken(ctx.db, {
    tokenHash: sha256(token),
    kind: 'invitation',
    userId: null,
    data: { organisationId, role: d.role, email: d.email, invitedBy: actor.id },
    createdAt: ctx.now,
    expiresAt,
  });
  await audit(ctx.db, ctx.now, { actorId: actor.id, action: `membership.invite.${d.role}`, objectType: 'organisation', objectId: organisationId, ip: ctx.ip });
  const t = i18n().translator(locale);
  const link = `${ctx.baseUrl}/${locale}/invitations/${token}`;
  const m = { subject: t('organisations.invitation.mailSubject', { organisation: org.name }), body: t('organisations.invitation.mailText', { inviter: actor.name, organisation: org.name, role: roleLabel(t, d.role), days: INVITATION_DAYS }), link, action: t('organisations.invitation.mailAction') };
  await ctx.mailer.send({ to: d.email, ...composeDirect(locale, null, m, ctx.baseUrl, 'invitation') });
  return { ok: true, expiresAt };
}

/** The catalogue label of a membership role (keys written out for the i18n check). */
export function roleLabel(t: (k: string) => string, role: string): string {
  switch (role) {
    case 'requester':
      return t('organisations.role.requester');
    case 'expert':
      return t('organisations.role.expert');
    case 'approver':
      return t('organisations.role.approver');
    case 'org_admin':
      return t('organisations.role.orgAdmin');
    default:
      return role;
  }
}

export type InvitationView = { organisationId: string; organisationName: string; role: MembershipRole; email: string; expiresAt: Date };
export type InvitationOutcome = { ok: true; invitation: InvitationView } | { ok: false; reason: 'invalid' | 'expired' | 'used' };

/** Reads an invitation without using it (anyone holding the link). Outcomes: ok; `invalid`; `expired`; `used`. */
export async function getInvitation(ctx: ServiceCtx, token: string): Promise<InvitationOutcome> {
  const row = await findOneTimeToken(ctx.db, sha256(token), 'invitation');
  if (!row) return { ok: false, reason: 'invalid' };
  if (row.usedAt) return { ok: false, reason: 'used' };
  if (row.expiresAt.getTime() <= ctx.now.getTime()) return { ok: false, reason: 'expired' };
  const data = row.data as { organisationId: string; role: MembershipRole; email: string };
  const org = await repo.findOrganisation(ctx.db, data.organisationId);
  if (!org) return { ok: false, reason: 'invalid' };
  return { ok: true, invitation: { organisationId: org.id, organisationName: org.name, role: data.role, email: data.email, expiresAt: row.expiresAt } };
}

/**
 * Accepts an invitation as the signed-in account: the link works once and before it expires.
 * It is tied to the invited address (issue 18.7): when the account's e-mail (verified: no session
 * exists before the address is confirmed, and a changed address counts only once its link is
 * followed) is the invited one, the membership is active at once; otherwise the acceptance waits,
 * as a pending membership of origin `invitation`, for the organisation's admin to confirm it
 * (decideMembership, audited). The token is consumed and the membership written in one
 * transaction; of many parallel acceptances exactly one succeeds and one membership row exists.
 * Outcomes: `{ ok: true, organisationId, pending }`; `invalid`; `expired`; `used`.
 */
export async function acceptInvitation(
  ctx: ServiceCtx,
  token: string,
): Promise<{ ok: true; organisationId: string; pending: boolean } | { ok: false; reason: 'invalid' | 'expired' | 'used' }> {
  const actor = requireActor(ctx);
  const hash = sha256(token);
  const result = await ctx.db.transaction(async (tx) => {
    const row = await useOneTimeToken(tx, hash, 'invitation', ctx.now);
    if (!row) return null;
    const data = row.data as { organisationId: string; role: string; email?: string };
    if (!(MEMBERSHIP_ROLES as readonly string[]).includes(data.role) || !(await repo.findOrganisation(tx, data.organisationId))) return null;
    const sameAddress = !!actor.email && typeof data.email === 'string' && actor.email.trim().toLowerCase() === data.email.trim().toLowerCase();
    if (!sameAddress) {
      const id = randomUUID();
      await repo.insertRequest(tx, { id, organisationId: data.organisationId, userId: actor.id, role: data.role, status: 'pending', origin: 'invitation', message: '', createdAt: ctx.now });
      await audit(tx, ctx.now, { actorId: actor.id, action: `membership.accept_invitation_other_address.${data.role}`, objectType: 'organisation', objectId: data.organisationId, ip: ctx.ip });
      return { organisationId: data.organisationId, pending: true };
    }
    const id = await repo.upsertActiveMembership(tx, {
      id: randomUUID(),
      organisationId: data.organisationId,
      userId: actor.id,
      role: data.role,
      origin: 'invitation',
      createdAt: ctx.now,
      decidedAt: ctx.now,
      decidedBy: actor.id,
    });
    await repo.setPrimaryOrganisationIfNone(tx, actor.id, data.organisationId);
    await audit(tx, ctx.now, { actorId: actor.id, action: `membership.accept_invitation.${data.role}`, objectType: 'membership', objectId: id, ip: ctx.ip });
    return { organisationId: data.organisationId, pending: false };
  });
  if (result) return { ok: true, ...result };
  const check = await getInvitation(ctx, token);
  return check.ok ? { ok: false, reason: 'invalid' } : check;
}

// ---------------------------------------------------------------------------------------------
// Concepts for directory relevance

/**
 * Brings every organisation's and person's stored concepts in step with its text: the rows written by a path that
 * does not analyse them (the demo seed, SQL by hand) or analysed by an older thesaurus. Every save path of the app
 * (the forms, the API, imports) writes the concepts with the text; this runs at server start and as
 * `npm run cli -- reindex-concepts`. One pass over each table in id order, `batch` rows a statement; a row already in
 * step costs one md5 of its text. Returns how many rows were analysed again.
 */
export async function refreshDirectoryConcepts(db: DbOrTx, batch = 500): Promise<{ organisations: number; people: number }> {
  const out = { organisations: 0, people: 0 };
  for (const table of ['organisations', 'people'] as const) {
    let after: string | null = null;
    do {
      const r: { refreshed: number; next: string | null } = await repo.refreshStaleConcepts(db, table, after, batch);
      out[table] += r.refreshed;
      after = r.next;
    } while (after);
  }
  return out;
}

/** A person's active roles in an organisation (requester, expert, approver, org_admin): what requests and calls check before acting for it. */
export async function activeOrgRoles(db: DbOrTx, organisationId: string, userId: string): Promise<string[]> {
  return repo.activeOrgRoles(db, organisationId, userId);
}

/**
 * The demo's organisations that another module's demo names (issue 13: the partnerships' communes
 * not in the directory's demo data): each added if its external id is missing, verified, marked
 * `demo`; returns external id → id for all of them. Idempotent.
 */
export async function ensureDemoOrganisations(
  db: DbOrTx,
  list: readonly { id: string; name: string; kind: string; country: string; subregion?: string; population?: number; languages: string[]; offers: string; seeks: string; themes: string[]; sdgs: number[]; lat?: number; lon?: number }[],
  now: Date,
): Promise<Map<string, string>> {
  await repo.insertDemoOrganisations(
    db,
    list.map((o) => ({
      id: randomUUID(), externalId: o.id, name: o.name, kind: o.kind, country: o.country, region: regionOfCountry(o.country) ?? 'europe', subregion: o.subregion ?? null,
      population: o.population ?? null, languages: o.languages, offers: o.offers, seeks: o.seeks, themes: o.themes, sdgs: o.sdgs, website: null, lat: o.lat ?? null, lon: o.lon ?? null,
      extra: { demo: true }, verifiedAt: now, createdAt: now, updatedAt: now,
    })),
  );
  return repo.organisationIdsByExternalId(db, list.map((o) => o.id));
}

/** Organisation ids by external id (the demo's seeds find the directory's demo organisations by them). */
export const organisationIdsByExternalId = (db: DbOrTx, externalIds: readonly string[]): Promise<Map<string, string>> => repo.organisationIdsByExternalId(db, externalIds);

/** Verified organisations and their countries, for the front page (home). */
export async function directoryFigures(ctx: ServiceCtx): Promise<{ organisations: number; countries: number }> {
  return repo.directoryFigures(ctx.db);
}
