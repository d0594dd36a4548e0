/**
 * Demo content of the exchange stage, in the demo CONNECT programme:
 *
 * - a request of Agona West (the demo requester) on staff motivation, selected, with its call
 *   and a confirmed match with Sandgerði (the demo expert): no exchange yet, ready for the broker
 *   to plan;
 * - the first CONNECTion of the source documents, Agona West – Almere on sanitation (the demo
 *   organisation admin of Almere as the peer), carried through the services as it happened:
 *   planned, terms of reference signed by both sides and the broker, held, evaluated, with the
 *   programme's questionnaires answered by both sides before, right after and three months after.
 *
 * The selection steps are stored as rows (as test/exchanges/fixtures.ts does: going through the
 * committee's windows is not what a demo needs); the exchange is made by the exchanges and
 * evaluations services on a clock set in the past, so its record is what the platform writes.
 * Fixed ids keep it deterministic; it is added once (the first request's id says whether it is
 * there) and left alone afterwards. Called by the demo seed after the programme and accounts.
 */
import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db.ts';
import type { CurrentUser, ServiceCtx } from '../../platform/http.ts';
import { i18n } from '../../platform/i18n.ts';
import { ValidationError } from '../../platform/errors.ts';
import { users } from '../../db/schema/accounts.ts';
import { organisations, people } from '../../db/schema/organisations.ts';
import { programmes, programmeRounds, timelineEvents } from '../../db/schema/programmes.ts';
import { requests, requestTransitions, endorsements, eligibilityChecks, decisions } from '../../db/schema/requests.ts';
import { expertiseCalls, offers, offerExperts, matches } from '../../db/schema/calls.ts';
import { notificationOutbox } from '../../db/schema/mail.ts';
import { evaluations, questionnaireQuestions } from '../../db/schema/evaluations.ts';
import { planExchange, signTor, moveExchange } from '../exchanges/exchanges.service.ts';
import { createQuestionnaire, runEvaluations, answerEvaluation } from '../evaluations/evaluations.service.ts';

const DAY = 86400_000;

/** Fixed ids of the demo's rows (valid UUIDs, recognisable in logs). */
export const DEMO_EXCHANGE_IDS = {
  /** Ready to plan: Agona West – Sandgerði. */
  toPlan: { request: 'de300000-0000-4000-8000-000000000001', call: 'de300000-0000-4000-8000-000000000002', offer: 'de300000-0000-4000-8000-000000000003', match: 'de300000-0000-4000-8000-000000000004' },
  /** Held and evaluated: Agona West – Almere. */
  held: { request: 'de300000-0000-4000-8000-000000000011', call: 'de300000-0000-4000-8000-000000000012', offer: 'de300000-0000-4000-8000-000000000013', match: 'de300000-0000-4000-8000-000000000014' },
} as const;

/** The title of the demo call ready to be planned (browser specs find it by this). */
export const DEMO_TO_PLAN_TITLE = 'Staff motivation in the environmental health unit of Agona West';
/** The title of the demo exchange already held. */
export const DEMO_HELD_TITLE = 'A joint sanitation plan for Agona West';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const at = (now: Date, days: number) => new Date(now.getTime() + days * DAY);

/** The programme's questionnaires, one per stage (the broker can add or change them on the questionnaires page). */
const QUESTIONNAIRES: Record<string, string>[] = [
  {
    stage: 'before',
    title: 'Before the exchange: baseline and expectations',
    q0_kind: 'scale',
    q0_label: 'How clear are the objectives of the exchange to you?',
    q1_kind: 'text',
    q1_label: 'What do you expect to gain or learn?',
  },
  {
    stage: 'after',
    title: 'Right after the exchange: results',
    q0_kind: 'scale',
    q0_label: 'How satisfied are you with the exchange?',
    q1_kind: 'choice',
    q1_label: 'Would you take part in another exchange?',
    q1_choices: 'Yes\nMaybe\nNo',
    q2_kind: 'number',
    q2_label: 'How many colleagues of your side took part?',
    q3_kind: 'text',
    q3_label: 'What did your side gain or learn?',
  },
  ...(['m3', 'm6', 'm12'] as const).map((stage) => ({
    stage,
    title: { m3: 'Three months later: what changed', m6: 'Six months later: what changed', m12: 'A year later: what changed' }[stage],
    q0_kind: 'scale',
    q0_label: 'How useful has the exchange been since?',
    q1_kind: 'text',
    q1_label: 'What changed, and what from the exchange did you use?',
  })),
];

/** Answers per side and stage, by question label. */
const ANSWERS: Record<string, Record<'host' | 'peer', Record<string, string>>> = {
  before: {
    host: { 'How clear are the objectives of the exchange to you?': '4', 'What do you expect to gain or learn?': 'One sanitation plan shared by the environmental health officers, the NGOs and the waste collection company.' },
    peer: { 'How clear are the objectives of the exchange to you?': '4', 'What do you expect to gain or learn?': 'How a fast-growing municipality organises collection with few vehicles.' },
  },
  after: {
    host: {
      'How satisfied are you with the exchange?': '5',
      'Would you take part in another exchange?': 'Yes',
      'How many colleagues of your side took part?': '32',
      'What did your side gain or learn?': 'A draft joint sanitation plan and regular meetings of all stakeholders, which we never had before.',
    },
    peer: {
      'How satisfied are you with the exchange?': '4',
      'Would you take part in another exchange?': 'Yes',
      'How many colleagues of your side took part?': '2',
      'What did your side gain or learn?': 'How much can be done with community mobilisation when equipment is scarce.',
    },
  },
  m3: {
    host: { 'How useful has the exchange been since?': '4', 'What changed, and what from the exchange did you use?': 'The council adopted the sanitation plan; the collection company now reports weekly to the assembly.' },
    peer: { 'How useful has the exchange been since?': '4', 'What changed, and what from the exchange did you use?': 'We presented the Agona West approach to our own neighbourhood teams.' },
  },
};

/** Adds the demo exchange stage if it is not there yet. Returns whether it did. */
export async function seedExchangesDemo(db: DbOrTx, now: Date): Promise<boolean> {
  const ids = DEMO_EXCHANGE_IDS;
  const [done] = await db.select({ id: requests.id }).from(requests).where(eq(requests.id, ids.toPlan.request));
  if (done) return false;
  const [programme] = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, 'connect'));
  if (!programme) return false;
  const [round] = await db.select({ id: programmeRounds.id }).from(programmeRounds).where(eq(programmeRounds.programmeId, programme.id)).limit(1);
  const accounts = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(inArray(users.email, ['requester', 'approver', 'expert', 'orgadmin', 'broker'].map((r) => `${r}@demo.peerlink.localhost`)));
  const user = (role: string) => accounts.find((a) => a.email === `${role}@demo.peerlink.localhost`);
  const orgs = await db.select({ id: organisations.id, externalId: organisations.externalId }).from(organisations).where(inArray(organisations.externalId, ['gh-agona-west', 'is-sandgerdi', 'nl-almere']));
  const org = (x: string) => orgs.find((o) => o.externalId === x)?.id;
  const persons = await db.select({ id: people.id, externalId: people.externalId }).from(people).where(inArray(people.externalId, ['demo-sigrun-arnadottir', 'demo-inge-vermeulen']));
  const person = (x: string) => persons.find((p) => p.externalId === x)?.id;
  const requester = user('requester');
  const approver = user('approver');
  const expert = user('expert');
  const orgadmin = user('orgadmin');
  const broker = user('broker');
  const agona = org('gh-agona-west');
  const sandgerdi = org('is-sandgerdi');
  const almere = org('nl-almere');
  const sigrun = person('demo-sigrun-arnadottir');
  const inge = person('demo-inge-vermeulen');
  if (!round || !requester || !approver || !expert || !orgadmin || !broker || !agona || !sandgerdi || !almere || !sigrun || !inge) return false;

  /** A request taken through selection to a call, an offer and a confirmed match, as rows. */
  const matched = async (
    x: { request: string; call: string; offer: string; match: string },
    r: { title: string; challenge: string; context: string; tried: string; objectives: string; results: string; themes: string[]; sdgs: number[]; formats: string[]; periodStart: string; periodEnd: string; expertiseSought: string },
    peer: { userId: string; organisationId: string; personId: string; motivation: string; availability: string },
    start: Date,
  ) => {
    const step = (days: number) => at(start, days);
    await db.insert(requests).values({
      id: x.request,
      programmeId: programme.id,
      roundId: round.id,
      organisationId: agona,
      createdBy: requester.id,
      state: 'matched',
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
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      participants: 'The environmental health unit (12 officers) and two councillors.',
      stakeholders: 'Local NGOs and the waste collection company.',
      cofunding: 'Local transport, a meeting room and interpretation.',
      stepsDone: ['challenge', 'objectives', 'scope', 'participants', 'cofunding'],
      submittedAt: step(1),
      lastActionAt: step(9),
      createdAt: start,
      updatedAt: step(9),
    });
    await db.insert(endorsements).values({ requestId: x.request, userId: approver.id, note: '', at: step(1) });
    await db.insert(eligibilityChecks).values({ requestId: x.request, rules: [], verdict: 'eligible', reason: '', brokerId: broker.id, at: step(2) });
    await db.insert(decisions).values({ requestId: x.request, outcome: 'selected', reasons: 'A clear local need, with the stakeholders on board and co-funding.', decidedBy: broker.id, decidedAt: step(4) });
    await db.insert(requestTransitions).values(
      (
        [
          ['draft', 'submitted', requester.id, 1],
          ['submitted', 'eligible', broker.id, 2],
          ['eligible', 'under_review', broker.id, 2],
          ['under_review', 'selected', broker.id, 4],
          ['selected', 'matched', null, 9],
        ] as const
      ).map(([fromState, toState, actorId, d]) => ({ requestId: x.request, fromState, toState, actorId, at: step(d) })),
    );
    await db.insert(expertiseCalls).values({
      id: x.call,
      requestId: x.request,
      programmeId: programme.id,
      title: r.title,
      expertiseSought: r.expertiseSought,
      themes: r.themes,
      formats: r.formats,
      languages: ['en'],
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      deadline: step(7),
      state: 'matched',
      publishedBy: broker.id,
      publishedAt: step(4),
      updatedAt: step(9),
    });
    await db.insert(offers).values({ id: x.offer, callId: x.call, offeredBy: peer.userId, organisationId: peer.organisationId, state: 'matched', createdAt: step(5), updatedAt: step(9) });
    await db.insert(offerExperts).values({ offerId: x.offer, personId: peer.personId, motivation: peer.motivation, languages: ['en'], availability: peer.availability });
    await db.insert(matches).values({
      id: x.match,
      callId: x.call,
      offerId: x.offer,
      state: 'confirmed',
      proposedBy: broker.id,
      proposedAt: step(7),
      requesterConfirmedBy: requester.id,
      requesterConfirmedAt: step(8),
      providerConfirmedBy: peer.userId,
      providerConfirmedAt: step(9),
      updatedAt: step(9),
    });
    await db.insert(timelineEvents).values([
      { id: x.call.replace(/^de3/, 'de4'), programmeId: programme.id, kind: 'call_launched', at: step(4), title: r.title, body: '', refId: x.call },
      { id: x.match.replace(/^de3/, 'de4'), programmeId: programme.id, kind: 'match_confirmed', at: step(9), title: r.title, body: '', refId: x.match },
    ]);
  };

  // (a) Ready to plan: selected three weeks ago, matched last week, the exchange wanted in a fortnight.
  await matched(
    ids.toPlan,
    {
      title: DEMO_TO_PLAN_TITLE,
      challenge: 'Environmental health officers leave within two years; those who stay see little point in inspections nobody follows up.',
      context: 'A municipal assembly of 115,000 people in the Central Region, with a unit of 12 environmental health officers.',
      tried: 'A bonus for field days in 2024, dropped after six months for lack of funds.',
      objectives: 'A staff development plan for the unit: motivation, personal leadership, clear career steps.',
      results: 'The plan adopted by the assembly and a first round of individual development talks.',
      themes: ['human_resources', 'public_health'],
      sdgs: [8, 16],
      formats: ['expert_assignment'],
      periodStart: isoDay(at(now, 14)),
      periodEnd: isoDay(at(now, 21)),
      expertiseSought: 'A local government manager who built staff motivation and personal leadership in a small administration.',
    },
    { userId: expert.id, organisationId: sandgerdi, personId: sigrun, motivation: 'As mayor of Sandgerði I led our work on personal motivation and leadership; we did the same in Pursat through CONNECT.', availability: 'Any two weeks this season' },
    at(now, -21),
  );

  // (b) Held: the first CONNECTion, Agona West – Almere on sanitation, five days four months ago.
  const start = at(now, -200);
  const exStart = at(now, -130);
  const exEnd = at(now, -126);
  await matched(
    ids.held,
    {
      title: DEMO_HELD_TITLE,
      challenge: 'Household waste and sanitation are handled by several actors who never plan together: environmental health officers, NGOs and the waste collection company.',
      context: 'A municipal assembly of 115,000 people in the Central Region of Ghana.',
      tried: 'Clean-up days without follow-up; a contract with the collection company without service targets.',
      objectives: 'One joint sanitation plan shared by every local actor.',
      results: 'A sanitation plan adopted by the assembly, and the actors meeting regularly.',
      themes: ['sanitation', 'waste_management', 'public_health'],
      sdgs: [3, 6, 11],
      formats: ['expert_assignment'],
      periodStart: isoDay(exStart),
      periodEnd: isoDay(exEnd),
      expertiseSought: 'Environmental health officers who plan sanitation with NGOs and private collectors.',
    },
    { userId: orgadmin.id, organisationId: almere, personId: inge, motivation: 'Almere plans collection contracts with NGOs and private collectors; we would bring two officers.', availability: 'Spring' },
    start,
  );

  const actor = (u: { id: string; name: string; email: string | null }, roles: CurrentUser['roles'] = []): CurrentUser => ({ id: u.id, name: u.name, email: u.email ?? '', locale: 'en', roles, coordinatorRegions: [], hasTotp: false });
  const asBroker = actor(broker, ['broker']);
  const asHost = actor(requester);
  const asPeer = actor(orgadmin);
  const ctx = (who: CurrentUser, when: Date): ServiceCtx => ({ db: db as ServiceCtx['db'], actor: who, locale: 'en', now: when, ip: undefined });
  const t = i18n().translator('en');

  // The programme's questionnaires, unless the broker already set some.
  for (const q of QUESTIONNAIRES) await createQuestionnaire(ctx(asBroker, at(start, 10)), programme.id, q);

  const planned = await planExchange(
    ctx(asBroker, at(start, 12)),
    ids.held.match,
    {
      format: 'expert_assignment',
      startDate: isoDay(exStart),
      endDate: isoDay(exEnd),
      place: 'Agona Swedru, Agona West Municipal Assembly',
      check_travel: 'on',
      check_visas: 'on',
      check_insurance: 'on',
      check_accommodation: 'on',
      p_host_official_women: '9',
      p_host_official_men: '11',
      p_host_elected_men: '2',
      p_peer_expert_women: '1',
      p_peer_expert_men: '1',
      p_stakeholder_civil_society_women: '6',
      p_stakeholder_civil_society_men: '4',
      p_stakeholder_private_sector_men: '6',
      b0_label: 'Flights Amsterdam–Accra for two officers',
      b0_amount: '2140',
      b0_currency: 'EUR',
      b0_fundedBy: 'CONNECT',
      b1_label: 'Meeting room, local transport and interpretation',
      b1_amount: '9500',
      b1_currency: 'GHS',
      b1_fundedBy: 'Agona West',
    },
    t,
  );
  const exchangeId = planned.id;
  for (const [who, d] of [
    [asHost, 14],
    [asPeer, 15],
    [asBroker, 16],
  ] as const)
    await signTor(ctx(who, at(start, d)), exchangeId, 1);
  await moveExchange(ctx(asBroker, at(start, 17)), exchangeId, 'agree');

  // Sent and answered as the dates came: before (two weeks ahead), right after, three months after.
  const answerDue = async (when: Date, stages: string[]) => {
    await runEvaluations(db, when);
    const sent = await db
      .select({ id: evaluations.id, stage: evaluations.stage, side: evaluations.side, questionnaireId: evaluations.questionnaireId })
      .from(evaluations)
      .where(and(eq(evaluations.exchangeId, exchangeId), inArray(evaluations.stage, stages)));
    for (const v of sent) {
      const qs = await db.select({ id: questionnaireQuestions.id, label: questionnaireQuestions.label }).from(questionnaireQuestions).where(eq(questionnaireQuestions.questionnaireId, v.questionnaireId));
      const given = ANSWERS[v.stage]?.[v.side as 'host' | 'peer'] ?? {};
      const raw = Object.fromEntries(qs.filter((q) => given[q.label] !== undefined).map((q) => [`a_${q.id}`, given[q.label]!]));
      try {
        await answerEvaluation(ctx(v.side === 'host' ? asHost : asPeer, at(when, 2)), v.id, raw);
      } catch (e) {
        // Questionnaires the broker set before the demo was added ask other questions: left unanswered.
        if (!(e instanceof ValidationError)) throw e;
      }
    }
  };
  await answerDue(at(exStart, -14), ['before']);
  await moveExchange(ctx(asBroker, exStart), exchangeId, 'hold');
  await answerDue(at(exEnd, 1), ['after']);
  await moveExchange(ctx(asBroker, at(exEnd, 3)), exchangeId, 'evaluate');
  await answerDue(at(exEnd, 92), ['m3']);
  // The mail those steps queued belongs to their (past) day: recorded as sent then, not sent on the demo's first start.
  await db.update(notificationOutbox).set({ sentAt: sql`${notificationOutbox.createdAt}` }).where(and(isNull(notificationOutbox.sentAt), lt(notificationOutbox.createdAt, at(now, -1))));
  return true;
}
