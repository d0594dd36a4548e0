/** Evaluation tests: more exchanges in a fixture's programme (same host and peer), agreed and ready to be evaluated, and questionnaires added by the broker. */
import { randomUUID } from 'node:crypto';
import { requests } from '../../src/db/schema/requests.ts';
import { expertiseCalls, offers, matches } from '../../src/db/schema/calls.ts';
import type { TestApp } from '../support/app.ts';
import { ctxOf } from '../requests/fixtures.ts';
import { i18n } from '../../src/platform/i18n.ts';
import * as ex from '../../src/modules/exchanges/exchanges.service.ts';
import * as ev from '../../src/modules/evaluations/evaluations.service.ts';
import { PLAN, type Matched } from './fixtures.ts';

/** A new confirmed match in `m`'s programme, between the same two organisations, planned with the given dates, its terms signed by all three sides and agreed. */
export async function agreedExchange(t: TestApp, m: Matched, title: string, dates: { startDate: string; endDate: string } = { startDate: PLAN.startDate, endDate: PLAN.endDate }): Promise<string> {
  const now = t.clock.now();
  const requestId = randomUUID();
  await t.db.insert(requests).values({ id: requestId, programmeId: m.programmeId, roundId: m.roundId, organisationId: m.orgId, createdBy: m.requester.id, state: 'matched', title, challenge: 'Household waste is not collected.', context: 'A town.', tried: 'Carts.', results: 'A plan.', themes: ['waste_management'], sdgs: [11], formats: ['expert_assignment'], periodStart: dates.startDate, periodEnd: dates.endDate, lastActionAt: now, createdAt: now, updatedAt: now });
  const callId = randomUUID();
  await t.db.insert(expertiseCalls).values({ id: callId, requestId, programmeId: m.programmeId, title, expertiseSought: 'Collection planning', formats: ['expert_assignment'], periodStart: dates.startDate, periodEnd: dates.endDate, deadline: now, state: 'matched', publishedBy: m.broker.id, publishedAt: now, updatedAt: now });
  const offerId = randomUUID();
  await t.db.insert(offers).values({ id: offerId, callId, offeredBy: m.peer.id, organisationId: m.providerOrgId, state: 'matched', createdAt: now, updatedAt: now });
  const matchId = randomUUID();
  await t.db.insert(matches).values({ id: matchId, callId, offerId, state: 'confirmed', proposedBy: m.broker.id, proposedAt: now, requesterConfirmedBy: m.requester.id, requesterConfirmedAt: now, providerConfirmedBy: m.peer.id, providerConfirmedAt: now, updatedAt: now });
  const planned = await ex.planExchange(ctxOf(t, m.broker), matchId, { ...PLAN, ...dates }, i18n().translator('en'));
  if (!planned.ok) throw new Error(`plan: ${JSON.stringify(planned)}`);
  for (const who of [m.requester, m.peer, m.broker]) await ex.signTor(ctxOf(t, who), planned.id, 1);
  const moved = await ex.moveExchange(ctxOf(t, m.broker), planned.id, 'agree');
  if (!moved.ok) throw new Error(`agree: ${JSON.stringify(moved)}`);
  return planned.id;
}

/** Adds a questionnaire for a stage through the service; returns its id. */
export async function addQuestionnaire(t: TestApp, m: Matched, form: Record<string, string>): Promise<string> {
  const out = await ev.createQuestionnaire(ctxOf(t, m.broker), m.programmeId, form);
  if (!out.ok) throw new Error(`questionnaire: ${out.reason}`);
  return out.id;
}
