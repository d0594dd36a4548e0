/**
 * Demo content of the cycle: a CONNECT programme with an open round, review criteria, the demo
 * committee member, and its public timeline drawn from the CONNECT web page (seed 001). Idempotent:
 * a second run changes nothing. Called by the demo seed.
 */
import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../platform/db.ts';
import * as repo from './programmes.repository.ts';

const DAY = 86400_000;

/** The CONNECT timeline of the source documents, oldest first. */
export const CONNECT_HISTORY: { at: string; title: string; body: string }[] = [
  { at: '2015-01-15', title: 'Framework Partnership Agreement signed', body: 'The European Commission signs strategic partnerships with five associations of local governments; the one with PLATFORMA includes a delivery mechanism, later named CONNECT.' },
  { at: '2016-06-15', title: 'CONNECT presented at the European Development Days', body: 'PLATFORMA and VNG International present CONNECT for the first time (#EDD16).' },
  { at: '2016-11-01', title: 'Pilot phase launched', body: 'Five topics in four countries: food security (Uganda), human resource management (Cambodia), ecotourism (Colombia), environmental health and sanitation (Ghana).' },
  { at: '2017-02-01', title: 'First matches', body: 'Agona West (Ghana) is connected to Almere (the Netherlands), Pursat (Cambodia) to Sandgerði (Iceland), and Angelópolis (Colombia) to Tarragona (Spain).' },
  { at: '2017-05-15', title: 'First CONNECTion: sanitation in Agona West', body: 'A five-day exchange with Almere brings together 40 participants: environmental health officers, NGOs and the local waste collection company.' },
  { at: '2017-06-12', title: 'Second CONNECTion: human resources in Pursat', body: 'The mayor and HR adviser of Sandgerði spend eight working days in Pursat on personal motivation and leadership.' },
  { at: '2017-06-21', title: 'Third CONNECTion: ecotourism in Angelópolis', body: 'Two experts from Tarragona and the city council make a joint diagnosis and draft a strategic plan for ecotourism near El Romeral.' },
  { at: '2017-12-01', title: 'Call launched: waste management in Burkina Faso', body: 'The selection committee selected the request of the municipality of Ziniaré.' },
  { at: '2018-02-01', title: 'Call launched: local economic development in Uganda', body: 'The Moroto District looks for expertise in agriculture and water management.' },
];

/** Creates the demo programme if it is not there yet. Returns whether it did. */
export async function seedProgrammesDemo(db: DbOrTx, now: Date): Promise<boolean> {
  if (await repo.findProgrammeBySlug(db, 'connect')) return false;
  const id = randomUUID();
  await repo.insertProgramme(db, {
    id,
    slug: 'connect',
    name: 'CONNECT',
    description: 'Municipal matchmaking: local and regional governments with a concrete challenge request the expertise of colleagues who do the same job elsewhere, colleague to colleague.',
    howToApply:
      'A local or regional government from an EU partner country fills in the request form: the local challenge, objectives, who would take part and co-funding. The organisation’s approver endorses it, then it is submitted before the deadline. European local and regional governments answer the calls for expertise that follow.',
    eligibleRegions: ['ssa', 'mena', 'asia', 'lac', 'see'],
    eligibleKinds: ['municipality', 'region', 'association'],
    themes: [],
    formats: ['expert_assignment', 'work_placement', 'roundtable', 'study_visit', 'virtual_exchange'],
    languages: ['en', 'fr', 'es', 'pt'],
    createdAt: now,
    updatedAt: now,
  });
  const roundId = randomUUID();
  const opensAt = new Date(now.getTime() - 7 * DAY);
  await repo.insertRound(db, {
    id: roundId,
    programmeId: id,
    name: `${now.getUTCFullYear()} round`,
    opensAt,
    closesAt: new Date(now.getTime() + 60 * DAY),
    // A rolling round: the committee reviews as requests come in.
    reviewOpensAt: opensAt,
    reviewClosesAt: new Date(now.getTime() + 90 * DAY),
    createdAt: now,
  });
  const criteria = ['Relevance of the local challenge', 'Feasibility and local ownership', 'Stakeholders involved and co-funding'];
  for (const [position, label] of criteria.entries()) await repo.insertCriterion(db, { id: randomUUID(), programmeId: id, label, weight: 3 - position, position });
  const committee = await repo.findUserIdByEmail(db, 'committee@demo.peerlink.localhost');
  if (committee) await repo.addCommitteeMember(db, id, committee.id, now);
  for (const h of CONNECT_HISTORY) {
    const eventId = randomUUID();
    await repo.insertTimelineEvent(db, { id: eventId, programmeId: id, kind: 'news', at: new Date(`${h.at}T00:00:00Z`), title: h.title, body: h.body, refId: eventId });
  }
  await repo.insertTimelineEvent(db, { id: randomUUID(), programmeId: id, kind: 'round_opened', at: opensAt, title: `${now.getUTCFullYear()} round`, body: '', refId: roundId });
  return true;
}
