/**
 * The requests of the demo's exchange stage, seeded through the requests manifest (after the
 * accounts, the directory and the CONNECT programme; the calls and the exchange stage build on
 * them): two requests of Agona West (the demo requester) in the CONNECT programme,
 *
 * - on staff motivation, selected three weeks ago: its call and confirmed match (calls.demo.ts)
 *   wait for the broker to plan the exchange;
 * - the first CONNECTion of the source documents, on sanitation, selected about 200 days ago: its
 *   exchange with Almere was held and evaluated (evaluations.demo.ts);
 * - on waste collection in the markets, selected eight days ago: its call for expertise is open,
 *   with a first offer (calls.demo.ts), so /calls and the opportunities are not empty on a fresh start.
 *
 * The selection steps are stored as rows (as the exchanges' test fixtures do: going through the
 * committee's windows is not what a demo needs), through this module's repository. Fixed ids keep
 * it deterministic; it is added once (the first request's id says whether it is there).
 */
import type { Db } from '../../platform/db.ts';
import { findUserByEmail } from '../accounts/accounts.service.ts';
import * as repo from './requests.repository.ts';

const DAY = 86400_000;
const at = (now: Date, days: number) => new Date(now.getTime() + days * DAY);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Fixed ids of the demo's requests (valid UUIDs, recognisable in logs). */
export const DEMO_REQUEST_IDS = { toPlan: 'de300000-0000-4000-8000-000000000001', held: 'de300000-0000-4000-8000-000000000011', open: 'de300000-0000-4000-8000-000000000021' } as const;
/** The title of the demo request (and call) ready to be planned (browser specs find it by this). */
export const DEMO_TO_PLAN_TITLE = 'Staff motivation in the environmental health unit of Agona West';
/** The title of the demo request whose exchange was held. */
export const DEMO_HELD_TITLE = 'A joint sanitation plan for Agona West';

type DemoRequest = {
  id: string;
  /** Days from the demo's now when it was written; the selection steps follow it. */
  startDays: number;
  title: string;
  challenge: string;
  context: string;
  tried: string;
  objectives: string;
  results: string;
  themes: string[];
  sdgs: number[];
  formats: string[];
  /** The exchange wanted: days from the demo's now. */
  period: [number, number];
  /** `selected`: its call for expertise is open (calls.demo.ts); `matched` (the default): a match was confirmed. */
  state?: 'selected' | 'matched';
};

const REQUESTS: readonly DemoRequest[] = [
  {
    id: DEMO_REQUEST_IDS.toPlan,
    startDays: -21,
    title: DEMO_TO_PLAN_TITLE,
    challenge: 'Environmental health officers leave within two years; those who stay see little point in inspections nobody follows up.',
    context: 'A municipal assembly of 115,000 people in the Central Region, with a unit of 12 environmental health officers.',
    tried: 'A bonus for field days in 2024, dropped after six months for lack of funds.',
    objectives: 'A staff development plan for the unit: motivation, personal leadership, clear career steps.',
    results: 'The plan adopted by the assembly and a first round of individual development talks.',
    themes: ['human_resources', 'public_health'],
    sdgs: [8, 16],
    formats: ['expert_assignment'],
    period: [14, 21],
  },
  {
    id: DEMO_REQUEST_IDS.held,
    startDays: -200,
    title: DEMO_HELD_TITLE,
    challenge: 'Household waste and sanitation are handled by several actors who never plan together: environmental health officers, NGOs and the waste collection company.',
    context: 'A municipal assembly of 115,000 people in the Central Region of Ghana.',
    tried: 'Clean-up days without follow-up; a contract with the collection company without service targets.',
    objectives: 'One joint sanitation plan shared by every local actor.',
    results: 'A sanitation plan adopted by the assembly, and the actors meeting regularly.',
    themes: ['sanitation', 'waste_management', 'public_health'],
    sdgs: [3, 6, 11],
    formats: ['expert_assignment'],
    // Five days four months ago.
    period: [-130, -126],
  },
  {
    id: DEMO_REQUEST_IDS.open,
    startDays: -12,
    title: 'Waste collection in the markets of Agona Swedru',
    challenge: 'The two central markets produce most of the town’s solid waste; collection is irregular and traders burn what is left at night.',
    context: 'Agona Swedru, the capital of Agona West, with about 3,000 traders; the collection contract with the company ends next year.',
    tried: 'Weekly clean-up days with the market queens; skips placed by the company, emptied once a week at best.',
    objectives: 'A collection scheme for the markets agreed with the traders and the collection company, with fees and service targets in the next contract.',
    results: 'The market scheme in the new collection contract, and fewer fires reported by the environmental health officers.',
    themes: ['waste_management', 'local_economic_development'],
    sdgs: [11, 12],
    formats: ['expert_assignment', 'study_visit'],
    period: [45, 52],
    state: 'selected',
  },
];

/** Adds the demo's requests if they are not there yet. */
export async function seedRequestsDemo(db: Db, { now }: { now: Date }): Promise<void> {
  if (await repo.demoRequestExists(db, DEMO_REQUEST_IDS.toPlan)) return;
  const where = await repo.demoProgrammeRound(db, 'connect');
  const agona = await repo.demoOrganisationId(db, 'gh-agona-west');
  const user = async (role: string) => (await findUserByEmail(db, `${role}@demo.peerlink.localhost`))?.id;
  const [requester, approver, broker] = [await user('requester'), await user('approver'), await user('broker')];
  if (!where || !agona || !requester || !approver || !broker) return;
  for (const r of REQUESTS) {
    const start = at(now, r.startDays);
    const step = (days: number) => at(start, days);
    await repo.insertDemoRequest(db, {
      request: {
        id: r.id,
        programmeId: where.programmeId,
        roundId: where.roundId,
        organisationId: agona,
        createdBy: requester,
        state: r.state ?? 'matched',
        title: r.title,
        challenge: r.challenge,
        context: r.context,
        tried: r.tried,
        objectives: r.objectives,
        results: r.results,
        themes: r.themes,
        sdgs: r.sdgs,
        formats: r.formats,
        languages: ['en'],
        periodStart: isoDay(at(now, r.period[0])),
        periodEnd: isoDay(at(now, r.period[1])),
        participants: 'The environmental health unit (12 officers) and two councillors.',
        stakeholders: 'Local NGOs and the waste collection company.',
        cofunding: 'Local transport, a meeting room and interpretation.',
        stepsDone: ['challenge', 'objectives', 'scope', 'participants', 'cofunding'],
        submittedAt: step(1),
        lastActionAt: step(9),
        createdAt: start,
        updatedAt: step(9),
      },
      endorsement: { requestId: r.id, userId: approver, note: '', at: step(1) },
      eligibility: { requestId: r.id, rules: [], verdict: 'eligible', reason: '', brokerId: broker, at: step(2) },
      decision: { requestId: r.id, outcome: 'selected', reasons: 'A clear local need, with the stakeholders on board and co-funding.', decidedBy: broker, decidedAt: step(4) },
      transitions: (
        [
          ['draft', 'submitted', requester, 1],
          ['submitted', 'eligible', broker, 2],
          ['eligible', 'under_review', broker, 2],
          ['under_review', 'selected', broker, 4],
          ...(r.state === 'selected' ? [] : ([['selected', 'matched', null, 9]] as const)),
        ] as const
      ).map(([fromState, toState, actorId, d]) => ({ requestId: r.id, fromState, toState, actorId, at: step(d) })),
    });
  }
}
