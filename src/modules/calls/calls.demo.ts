/**
 * The calls of the demo's exchange stage, seeded through the calls manifest (after the demo's
 * requests, requests.demo.ts): for each selected demo request, its call for expertise, one offer
 * and a match confirmed by both sides — Agona West with Sandgerði (the demo expert), waiting for
 * the broker to plan the exchange, and Agona West with Almere (the demo organisation admin), whose
 * exchange the evaluations' demo then carries through. Stored as rows through this module's
 * repository, dated from the request; the programme's timeline gets its two steps through the
 * programmes' service. Added once (the first call's id says whether it is there).
 */
import type { Db } from '../../platform/db.ts';
import { findUserByEmail } from '../accounts/accounts.service.ts';
import { recordTimelineEvent } from '../programmes/programmes.service.ts';
import * as repo from './calls.repository.ts';

const DAY = 86400_000;

/** Fixed ids of the demo's exchange stage (valid UUIDs, recognisable in logs); the requests are requests.demo.ts's. */
export const DEMO_EXCHANGE_IDS = {
  /** Ready to plan: Agona West – Sandgerði. */
  toPlan: { request: 'de300000-0000-4000-8000-000000000001', call: 'de300000-0000-4000-8000-000000000002', offer: 'de300000-0000-4000-8000-000000000003', match: 'de300000-0000-4000-8000-000000000004' },
  /** Held and evaluated: Agona West – Almere. */
  held: { request: 'de300000-0000-4000-8000-000000000011', call: 'de300000-0000-4000-8000-000000000012', offer: 'de300000-0000-4000-8000-000000000013', match: 'de300000-0000-4000-8000-000000000014' },
  /** Open, with a first offer: waste collection in Agona Swedru's markets. */
  open: { request: 'de300000-0000-4000-8000-000000000021', call: 'de300000-0000-4000-8000-000000000022', offer: 'de300000-0000-4000-8000-000000000023' },
} as const;

type DemoCall = {
  ids: { request: string; call: string; offer: string; match: string };
  expertiseSought: string;
  peer: { account: string; organisation: string; person: string; motivation: string; availability: string };
};

const CALLS: readonly DemoCall[] = [
  {
    ids: DEMO_EXCHANGE_IDS.toPlan,
    expertiseSought: 'A local government manager who built staff motivation and personal leadership in a small administration.',
    peer: {
      account: 'expert@demo.peerlink.localhost',
      organisation: 'is-sandgerdi',
      person: 'demo-sigrun-arnadottir',
      motivation: 'As mayor of Sandgerði I led our work on personal motivation and leadership; we did the same in Pursat through CONNECT.',
      availability: 'Any two weeks this season',
    },
  },
  {
    ids: DEMO_EXCHANGE_IDS.held,
    expertiseSought: 'Environmental health officers who plan sanitation with NGOs and private collectors.',
    peer: {
      account: 'orgadmin@demo.peerlink.localhost',
      organisation: 'nl-almere',
      person: 'demo-inge-vermeulen',
      motivation: 'Almere plans collection contracts with NGOs and private collectors; we would bring two officers.',
      availability: 'Spring',
    },
  },
];

/** Adds the demo's calls, offers and confirmed matches if they are not there yet. */
export async function seedCallsDemo(db: Db, _env: { now: Date }): Promise<void> {
  if (await repo.demoCallExists(db, DEMO_EXCHANGE_IDS.toPlan.call)) return;
  const [requester, broker] = [await findUserByEmail(db, 'requester@demo.peerlink.localhost'), await findUserByEmail(db, 'broker@demo.peerlink.localhost')];
  if (!requester || !broker) return;
  for (const c of CALLS) {
    const request = await repo.demoRequestFacts(db, c.ids.request);
    const peer = await findUserByEmail(db, c.peer.account);
    const peerOrg = await repo.demoOrganisationId(db, c.peer.organisation);
    const person = await repo.demoPersonId(db, c.peer.person);
    if (!request || !peer || !peerOrg || !person) return;
    const step = (days: number) => new Date(request.createdAt.getTime() + days * DAY);
    await repo.insertDemoMatch(db, {
      call: {
        id: c.ids.call,
        requestId: c.ids.request,
        programmeId: request.programmeId,
        title: request.title,
        expertiseSought: c.expertiseSought,
        themes: request.themes,
        formats: request.formats,
        languages: ['en'],
        periodStart: request.periodStart,
        periodEnd: request.periodEnd,
        deadline: step(7),
        state: 'matched',
        publishedBy: broker.id,
        publishedAt: step(4),
        updatedAt: step(9),
      },
      offer: { id: c.ids.offer, callId: c.ids.call, offeredBy: peer.id, organisationId: peerOrg, state: 'matched', createdAt: step(5), updatedAt: step(9) },
      expert: { offerId: c.ids.offer, personId: person, motivation: c.peer.motivation, languages: ['en'], availability: c.peer.availability },
      match: {
        id: c.ids.match,
        callId: c.ids.call,
        offerId: c.ids.offer,
        state: 'confirmed',
        proposedBy: broker.id,
        proposedAt: step(7),
        requesterConfirmedBy: requester.id,
        requesterConfirmedAt: step(8),
        providerConfirmedBy: peer.id,
        providerConfirmedAt: step(9),
        updatedAt: step(9),
      },
    });
    await recordTimelineEvent(db, { programmeId: request.programmeId, kind: 'call_launched', at: step(4), title: request.title, refId: c.ids.call, authorId: broker.id });
    await recordTimelineEvent(db, { programmeId: request.programmeId, kind: 'match_confirmed', at: step(9), title: request.title, refId: c.ids.match, authorId: peer.id });
  }
  await seedOpenCall(db, broker.id);
}

/** The open call (published four days after its request was selected, deadline in two weeks) with Almere's first offer waiting for the broker. */
async function seedOpenCall(db: Db, brokerId: string): Promise<void> {
  const ids = DEMO_EXCHANGE_IDS.open;
  const request = await repo.demoRequestFacts(db, ids.request);
  const [peer, peerOrg, person] = [await findUserByEmail(db, 'orgadmin@demo.peerlink.localhost'), await repo.demoOrganisationId(db, 'nl-almere'), await repo.demoPersonId(db, 'demo-inge-vermeulen')];
  if (!request || !peer || !peerOrg || !person) return;
  const step = (days: number) => new Date(request.createdAt.getTime() + days * DAY);
  await repo.insertDemoOpenCall(db, {
    call: {
      id: ids.call,
      requestId: ids.request,
      programmeId: request.programmeId,
      title: request.title,
      expertiseSought: 'Officers who organised waste collection in busy markets with the traders: collection points, fees, and service targets in the collector’s contract.',
      themes: request.themes,
      formats: request.formats,
      languages: ['en', 'fr'],
      periodStart: request.periodStart,
      periodEnd: request.periodEnd,
      deadline: step(26),
      state: 'open',
      publishedBy: brokerId,
      publishedAt: step(6),
      updatedAt: step(6),
    },
    offer: { id: ids.offer, callId: ids.call, offeredBy: peer.id, organisationId: peerOrg, state: 'submitted', createdAt: step(9), updatedAt: step(9) },
    expert: {
      offerId: ids.offer,
      personId: person,
      motivation: 'Almere’s market in the city centre has its own collection scheme, agreed with the traders and written into the collector’s contract; I negotiated it.',
      languages: ['en', 'nl'],
      availability: 'Any two weeks after the summer',
    },
  });
  await recordTimelineEvent(db, { programmeId: request.programmeId, kind: 'call_launched', at: step(6), title: request.title, refId: ids.call, authorId: brokerId });
}
