/**
 * The demo's exchange held and evaluated, seeded through the evaluations manifest (after the
 * demo's requests and calls: requests.demo.ts, calls.demo.ts): the first CONNECTion of the source
 * documents, Agona West – Almere on sanitation (the demo organisation admin of Almere as the peer),
 * carried through the services as it happened, on a clock set in the past — planned, terms of
 * reference signed by both sides and the broker, held, evaluated, with the programme's
 * questionnaires answered by both sides before, during, right after and three months after. So its record
 * is what the platform writes. Added once (an exchange of its match says whether it is there).
 */
import type { Db } from '../../platform/db.ts';
import type { CurrentUser, ServiceCtx } from '../../platform/http.ts';
import { i18n } from '../../platform/i18n.ts';
import { ValidationError } from '../../platform/errors.ts';
import { findUserByEmail } from '../accounts/accounts.service.ts';
import { planExchange, signTor, moveExchange, writeTor } from '../exchanges/exchanges.service.ts';
import { createQuestionnaire, runEvaluations, answerEvaluation } from './evaluations.service.ts';
import * as repo from './evaluations.repository.ts';

const DAY = 86400_000;
/** The confirmed match of the demo's held exchange (calls.demo.ts). */
const HELD_MATCH = 'de300000-0000-4000-8000-000000000014';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const at = (when: Date, days: number) => new Date(when.getTime() + days * DAY);

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
    stage: 'during',
    title: 'During the exchange: how it is going',
    q0_kind: 'scale',
    q0_label: 'How well is the exchange going so far?',
    q1_kind: 'text',
    q1_label: 'What should change for the rest of the exchange?',
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

/** The agreed terms of reference of the first CONNECTion (Agona West – Almere, environmental health and sanitation, five days, 40 participants). */
const TERMS = {
  objectives:
    'Bring every local stakeholder in environmental health and sanitation around one table and draft a joint sanitation management plan for Agona West: who collects what, where, how often, and who checks. The environmental health unit learns from Almere how a growing municipality plans collection with NGOs and a private collector.',
  activities:
    'Day 1: opening with the Municipal Chief Executive; each stakeholder presents its part of sanitation in Agona Swedru. Day 2: field visits to the markets, the final disposal site and two neighbourhoods without collection, with the environmental health officers. Day 3: Almere presents its collection contracts, monitoring and complaint handling. Day 4: working groups draft the joint plan (collection, public toilets, enforcement, community mobilisation). Day 5: the plan is presented to the Assembly and the stakeholders; next steps agreed.',
  expectedResults:
    'A draft joint sanitation management plan agreed by the environmental health unit, the NGOs and Zoomlion Ghana, to be submitted to the Municipal Assembly; a quarterly stakeholder meeting on sanitation; a list of what Almere can advise on afterwards by e-mail.',
  deliverables: 'The draft plan (host, within three weeks); a short report of the week with the participants list (peer); the evaluations of both sides.',
  roles:
    'Agona West Municipal Assembly: invites the stakeholders (40 participants expected: environmental health officers, NGOs, Zoomlion Ghana), the meeting room, local transport and field visits. Municipality of Almere: two officers for five days, the presentations and the working-group method. CONNECT secretariat: flights, insurance and the evaluations.',
  interpretation: 'English throughout; Twi for the community meetings in the neighbourhoods, interpreted by the environmental health officers.',
};

/** Answers per side and stage, by question label. */
const ANSWERS: Record<string, Record<'host' | 'peer', Record<string, string>>> = {
  before: {
    host: { 'How clear are the objectives of the exchange to you?': '4', 'What do you expect to gain or learn?': 'One sanitation plan shared by the environmental health officers, the NGOs and the waste collection company.' },
    peer: { 'How clear are the objectives of the exchange to you?': '4', 'What do you expect to gain or learn?': 'How a fast-growing municipality organises collection with few vehicles.' },
  },
  during: {
    host: { 'How well is the exchange going so far?': '4', 'What should change for the rest of the exchange?': 'More time in the neighbourhoods with the waste collection company, less in the meeting room.' },
    peer: { 'How well is the exchange going so far?': '5', 'What should change for the rest of the exchange?': 'Meet the market women’s association before the stakeholder meeting.' },
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

/** Adds the demo's held and evaluated exchange if it is not there yet. */
export async function seedEvaluationsDemo(db: Db, { now }: { now: Date }): Promise<void> {
  const held = await repo.demoMatchFacts(db, HELD_MATCH);
  if (!held || held.hasExchange) return;
  const user = (role: string) => findUserByEmail(db, `${role}@demo.peerlink.localhost`);
  const [broker, requester, orgadmin] = [await user('broker'), await user('requester'), await user('orgadmin')];
  if (!broker || !requester || !orgadmin || !held.periodStart || !held.periodEnd) return;
  const start = held.requestedAt;
  // The exchange's days at the demo's time of day (the request asked for them as days from now).
  const timeOfDay = now.getTime() % DAY;
  const exStart = new Date(Date.parse(`${held.periodStart}T00:00:00Z`) + timeOfDay);
  const exEnd = new Date(Date.parse(`${held.periodEnd}T00:00:00Z`) + timeOfDay);

  const actor = (u: { id: string; name: string; email: string | null }, roles: CurrentUser['roles'] = []): CurrentUser => ({ id: u.id, name: u.name, email: u.email ?? '', locale: 'en', roles, coordinatorRegions: [], hasTotp: false });
  const asBroker = actor(broker, ['broker']);
  const asHost = actor(requester);
  const asPeer = actor(orgadmin);
  const ctx = (who: CurrentUser, when: Date): ServiceCtx => ({ db, actor: who, locale: 'en', now: when, ip: undefined });
  const t = i18n().translator('en');

  // The programme's questionnaires, unless the broker already set some.
  for (const q of QUESTIONNAIRES) await createQuestionnaire(ctx(asBroker, at(start, 10)), held.programmeId, q);

  const planned = await planExchange(
    ctx(asBroker, at(start, 12)),
    HELD_MATCH,
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
  // The terms of reference as Agona West wrote them with Almere (version 2; version 1 is the template), from the CONNECT timeline.
  const written = await writeTor(ctx(asHost, at(start, 13)), exchangeId, { ...TERMS, baseVersion: '1' });
  const version = written.ok ? written.version : 1;
  for (const [who, d] of [
    [asHost, 14],
    [asPeer, 15],
    [asBroker, 16],
  ] as const)
    await signTor(ctx(who, at(start, d)), exchangeId, version);
  await moveExchange(ctx(asBroker, at(start, 17)), exchangeId, 'agree');

  // Sent and answered as the dates came: before (two weeks ahead), right after, three months after.
  const answerDue = async (when: Date, stages: string[]) => {
    await runEvaluations(db, when);
    for (const v of await repo.demoEvaluationsOf(db, exchangeId, stages)) {
      const given = ANSWERS[v.stage]?.[v.side as 'host' | 'peer'] ?? {};
      const raw = Object.fromEntries(v.questions.filter((q) => given[q.label] !== undefined).map((q) => [`a_${q.id}`, given[q.label]!]));
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
  await answerDue(at(exStart, Math.floor((exEnd.getTime() - exStart.getTime()) / DAY / 2)), ['during']);
  await answerDue(at(exEnd, 1), ['after']);
  await moveExchange(ctx(asBroker, at(exEnd, 3)), exchangeId, 'evaluate');
  await answerDue(at(exEnd, 92), ['m3']);
  // The mail those steps queued belongs to their (past) day: recorded as sent then, not sent on the demo's first start.
  await repo.demoMailSentOnItsDay(db, at(now, -1));
}
