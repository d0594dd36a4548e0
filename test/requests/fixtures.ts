/** Factories for the CONNECT cycle tests: people in every role, organisations, a programme with an open round. */
import { randomUUID } from 'node:crypto';
import { organisations, memberships, people } from '../../src/db/schema/organisations.ts';
import type { PlatformRole } from '../../src/db/schema/accounts.ts';
import type { CurrentUser, ServiceCtx } from '../../src/platform/http.ts';
import type { TestApp } from '../support/app.ts';
import { createUser, type TestUser } from '../support/users.ts';
import * as programmes from '../../src/modules/programmes/programmes.service.ts';

export function actorOf(u: TestUser, roles: PlatformRole[] = [], locale: 'en' | 'fr' = 'en'): CurrentUser {
  return { id: u.id, name: u.name, email: u.email, locale, roles, coordinatorRegions: [], hasTotp: false };
}

/** A service context for `actor` at the test clock's time. */
export function ctxOf(t: TestApp, actor: CurrentUser | null): ServiceCtx {
  return { db: t.db, actor, locale: actor?.locale ?? 'en', now: t.clock.now(), ip: '10.9.9.9' };
}

export async function makeOrganisation(t: TestApp, opts: { name?: string; country?: string; region?: string; isVerified?: boolean } = {}): Promise<string> {
  const id = randomUUID();
  const now = t.clock.now();
  await t.db.insert(organisations).values({
    id,
    name: opts.name ?? `Municipality ${id.slice(0, 6)}`,
    country: opts.country ?? 'BF',
    region: opts.region ?? 'ssa',
    kind: 'municipality',
    verifiedAt: opts.isVerified === false ? null : now,
    createdAt: now,
    updatedAt: now,
  });
  return id;
}

export async function addMember(t: TestApp, organisationId: string, userId: string, role: 'requester' | 'expert' | 'approver' | 'org_admin', status: 'active' | 'pending' = 'active'): Promise<void> {
  await t.db.insert(memberships).values({ id: randomUUID(), organisationId, userId, role, status, origin: 'creation', createdAt: t.clock.now() });
}

export async function makePerson(t: TestApp, opts: { userId?: string; organisationId?: string; name?: string; themes?: string[] }): Promise<string> {
  const id = randomUUID();
  const now = t.clock.now();
  await t.db.insert(people).values({ id, userId: opts.userId ?? null, organisationId: opts.organisationId ?? null, name: opts.name ?? `Expert ${id.slice(0, 6)}`, themes: opts.themes ?? [], languages: ['fr', 'en'], createdAt: now, updatedAt: now });
  return id;
}

export type Cycle = {
  broker: CurrentUser;
  committee: CurrentUser[];
  requester: CurrentUser;
  approver: CurrentUser;
  outsider: CurrentUser;
  providerAdmin: CurrentUser;
  orgId: string;
  providerOrgId: string;
  providerExpertIds: string[];
  programmeId: string;
  slug: string;
  roundId: string;
  criteria: string[];
};

/**
 * Everything a cycle needs. The test clock stands at 2026-11-23: the round is open until
 * 2026-12-15 and the committee reviews from 2026-12-16 to 2027-01-31.
 */
export async function setupCycle(t: TestApp, tag = randomUUID().slice(0, 8)): Promise<Cycle> {
  const mk = async (roles: PlatformRole[] = [], locale: 'en' | 'fr' = 'en') => actorOf(await createUser(t, { roles, locale }), roles, locale);
  const broker = await mk(['broker']);
  const committee = [await mk(['committee']), await mk(['committee'])];
  const requester = await mk([], 'fr');
  const approver = await mk();
  const outsider = await mk();
  const providerAdmin = await mk();
  const orgId = await makeOrganisation(t, { name: `Ziniaré ${tag}` });
  await addMember(t, orgId, requester.id, 'requester');
  await addMember(t, orgId, approver.id, 'approver');
  const providerOrgId = await makeOrganisation(t, { name: `Almere ${tag}`, country: 'NL', region: 'europe' });
  await addMember(t, providerOrgId, providerAdmin.id, 'org_admin');
  const providerExpertIds = [await makePerson(t, { organisationId: providerOrgId, name: 'Anke de Vries' }), await makePerson(t, { organisationId: providerOrgId, name: 'Pieter Smit' })];
  const bctx = ctxOf(t, broker);
  const slug = `connect-${tag}`;
  const { id: programmeId } = await programmes.createProgramme(bctx, {
    name: `CONNECT ${tag}`,
    slug,
    description: 'Municipal expertise exchange',
    howToApply: 'Fill in the request form.',
    eligibleRegions: ['ssa', 'asia', 'lac'],
    themes: ['waste_management', 'sanitation'],
    formats: ['expert_assignment', 'study_visit'],
    languages: ['en', 'fr'],
  });
  const { id: roundId } = await programmes.addRound(bctx, programmeId, { name: 'Round 2026-2', opensAt: '2026-11-01', closesAt: '2026-12-15', reviewOpensAt: '2026-12-16', reviewClosesAt: '2027-01-31' });
  await programmes.addCriterion(bctx, programmeId, { label: 'Relevance', weight: '2' });
  await programmes.addCriterion(bctx, programmeId, { label: 'Feasibility', weight: '1' });
  for (const c of committee) await programmes.addCommitteeMember(bctx, programmeId, { email: c.email });
  const admin = await programmes.getProgrammeAdmin(bctx, programmeId);
  return { broker, committee, requester, approver, outsider, providerAdmin, orgId, providerOrgId, providerExpertIds, programmeId, slug, roundId, criteria: admin.criteria.map((c) => c.id) };
}

export const STEP_DATA = {
  challenge: { title: 'Waste collection in Ziniaré', challenge: 'Household waste is not collected in half of the sectors and piles up along the roads.', context: 'Fast-growing town of 30,000.', tried: 'Two carts hired in 2024.' },
  objectives: { objectives: 'A collection plan for all sectors.', results: 'A costed plan adopted by the council.' },
  scope: { themes: ['waste_management'], sdgs: ['11', '6'], formats: ['expert_assignment'], languages: ['fr'], periodStart: '2027-03-01', periodEnd: '2027-06-30' },
  participants: { participants: 'Environment department, two councillors.', stakeholders: 'Waste pickers association, NGO Eau Vive.' },
  cofunding: { cofunding: 'Local travel and venue covered by the municipality.' },
} as const;
