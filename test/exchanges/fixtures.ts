/** A confirmed match to plan exchanges from: the cycle of test/requests/fixtures.ts with its request, call, offer and match stored as they stand after confirmation. */
import { randomUUID } from 'node:crypto';
import { requests } from '../../src/db/schema/requests.ts';
import { expertiseCalls, offers, matches } from '../../src/db/schema/calls.ts';
import type { TestApp } from '../support/app.ts';
import { setupCycle, actorOf, type Cycle } from '../requests/fixtures.ts';
import { createUser } from '../support/users.ts';
import { addMember } from '../requests/fixtures.ts';
import type { CurrentUser } from '../../src/platform/http.ts';

export type Matched = Cycle & { matchId: string; requestId: string; peer: CurrentUser; peerColleague: CurrentUser };

export async function confirmedMatch(t: TestApp): Promise<Matched> {
  const cy = await setupCycle(t);
  const now = t.clock.now();
  const peer = actorOf(await createUser(t, { locale: 'es' }));
  await addMember(t, cy.providerOrgId, peer.id, 'expert');
  const peerColleague = actorOf(await createUser(t));
  await addMember(t, cy.providerOrgId, peerColleague.id, 'expert');
  const requestId = randomUUID();
  await t.db.insert(requests).values({ id: requestId, programmeId: cy.programmeId, roundId: cy.roundId, organisationId: cy.orgId, createdBy: cy.requester.id, state: 'matched', title: 'Waste collection in Ziniaré', challenge: 'Household waste is not collected in half of the sectors.', context: 'Fast-growing town of 30,000.', tried: 'Two carts hired in 2024 broke down within months.', results: 'A costed plan adopted by the council.', themes: ['waste_management'], sdgs: [11, 6], formats: ['expert_assignment'], periodStart: '2027-03-01', periodEnd: '2027-03-12', lastActionAt: now, createdAt: now, updatedAt: now });
  const callId = randomUUID();
  await t.db.insert(expertiseCalls).values({ id: callId, requestId, programmeId: cy.programmeId, title: 'Waste collection in Ziniaré', expertiseSought: 'Collection planning', formats: ['expert_assignment'], periodStart: '2027-03-01', periodEnd: '2027-03-12', deadline: now, state: 'matched', publishedBy: cy.broker.id, publishedAt: now, updatedAt: now });
  const offerId = randomUUID();
  await t.db.insert(offers).values({ id: offerId, callId, offeredBy: peer.id, organisationId: cy.providerOrgId, state: 'matched', createdAt: now, updatedAt: now });
  const matchId = randomUUID();
  await t.db.insert(matches).values({ id: matchId, callId, offerId, state: 'confirmed', proposedBy: cy.broker.id, proposedAt: now, requesterConfirmedBy: cy.requester.id, requesterConfirmedAt: now, providerConfirmedBy: peer.id, providerConfirmedAt: now, updatedAt: now });
  return { ...cy, matchId, requestId, peer, peerColleague };
}

/** A complete plan form. */
export const PLAN = {
  format: 'expert_assignment',
  startDate: '2027-03-01',
  endDate: '2027-03-12',
  place: 'Mairie de Ziniaré',
  onlineLink: '',
  check_travel: 'on',
  check_visas: 'on',
  p_host_official_women: '3',
  p_host_official_men: '2',
  p_peer_expert_women: '1',
  p_peer_expert_men: '1',
  p_stakeholder_civil_society_women: '4',
  p_stakeholder_civil_society_other: '1',
  b0_label: 'Flights Amsterdam–Ouagadougou',
  b0_amount: '1840.50',
  b0_currency: 'EUR',
  b0_fundedBy: 'Programme',
  b1_label: 'Venue and local transport',
  b1_amount: '300',
  b1_currency: 'XOF',
  b1_fundedBy: 'Ziniaré',
} as const;
