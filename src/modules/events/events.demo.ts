/**
 * The demo's events, in the Sub-Saharan Africa network: an upcoming virtual dialogue event with
 * registrations (and its question, "the practice or challenge you bring"), and a past on-site
 * dialogue event with attendance and its report — Connective Cities' format of 20–30 practitioners
 * who each bring a good practice or a challenge (seeds 002, 003). Idempotent: an event whose title
 * the network has is left alone.
 */
import type { Db } from '../../platform/db.ts';
import { findUserByEmail } from '../accounts/accounts.service.ts';
import { networkFactsBySlug } from '../networks/networks.service.ts';
import * as repo from './events.repository.ts';

const DAY = 86400_000;
const UPCOMING = 'Virtual dialogue: financing municipal waste collection';
const PAST = 'Dialogue event in Accra: from dumpsites to managed landfills';

export async function seedEventsDemo(db: Db, { now }: { now: Date }): Promise<{ events?: number; eventRegistrations?: number }> {
  const ssa = await networkFactsBySlug(db, 'ssa');
  const coordinator = await findUserByEmail(db, 'coordinator@demo.peerlink.localhost');
  if (!ssa || !coordinator) return {};
  const people = (await Promise.all(['approver@demo.peerlink.localhost', 'requester@demo.peerlink.localhost'].map((e) => findUserByEmail(db, e)))).filter((u) => !!u);
  let created = 0;
  let registrations = 0;
  const at = (days: number, hourUtc: number) => {
    const d = new Date(now.getTime() + days * DAY);
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hourUtc));
  };

  if (!(await repo.hasEventTitled(db, ssa.id, UPCOMING))) {
    const startsAt = at(12, 9);
    const id = await repo.insertEvent(
      db,
      {
        networkId: ssa.id,
        programmeId: null,
        organiserId: coordinator.id,
        format: 'online',
        title: UPCOMING,
        description:
          'A virtual dialogue event of 20–30 urban practitioners on how cities finance waste collection: fees and tariffs, collection by neighbourhood associations, public–private arrangements. Each participant brings a good practice or a challenge from their city; in small groups, peers advise each other at eye level and without fee. Working languages English and French.',
        lang: 'en',
        themes: ['waste_management', 'municipal_finance'],
        languages: ['en', 'fr'],
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3 * 3600_000),
        timeZone: 'Africa/Lagos',
        place: null,
        meetingUrl: 'https://meet.example.org/ssa-waste-dialogue',
        capacity: 30,
        registrationOpensAt: new Date(now.getTime() - 10 * DAY),
        registrationClosesAt: new Date(startsAt.getTime() - DAY),
        question: 'Which good practice or challenge from your city do you bring?',
        state: 'published',
      },
      new Date(now.getTime() - 10 * DAY),
    );
    created++;
    const answers = ['Ziniaré’s neighbourhood collection groups, financed by a monthly household fee.', 'Our city’s collection fee is rarely paid: how do others link it to the water bill?'];
    for (const [i, u] of people.entries()) {
      await repo.insertRegistration(db, { eventId: id, userId: u.id, state: 'confirmed', answer: answers[i] ?? null, now: new Date(now.getTime() - (8 - i) * DAY) });
      registrations++;
    }
  }

  if (!(await repo.hasEventTitled(db, ssa.id, PAST))) {
    const startsAt = at(-40, 8);
    const id = await repo.insertEvent(
      db,
      {
        networkId: ssa.id,
        programmeId: null,
        organiserId: coordinator.id,
        format: 'onsite',
        title: PAST,
        description:
          'A two-day dialogue event of 24 practitioners from eight cities on closing dumpsites and running managed landfills. Each participant presented a good practice or a challenge; site visit to the Kpone engineered landfill.',
        lang: 'en',
        themes: ['waste_management'],
        languages: ['en', 'fr'],
        startsAt,
        endsAt: new Date(startsAt.getTime() + 33 * 3600_000),
        timeZone: 'Africa/Accra',
        place: 'Accra Metropolitan Assembly, Accra, Ghana',
        meetingUrl: null,
        capacity: 30,
        registrationOpensAt: new Date(startsAt.getTime() - 45 * DAY),
        registrationClosesAt: new Date(startsAt.getTime() - 5 * DAY),
        question: 'Which good practice or challenge from your city do you bring?',
        state: 'published',
        report:
          'Twenty-four practitioners from eight cities took part. Three practices were discussed in depth: the phased closure of a dumpsite with waste pickers employed on the new site, weighbridge data used to set tipping fees, and a joint landfill of four municipalities. Follow-up: two peer-to-peer consultations were agreed, and the joint landfill will be written up as a good practice.',
      },
      new Date(startsAt.getTime() - 50 * DAY),
    );
    created++;
    for (const [i, u] of people.entries()) {
      const r = await repo.insertRegistration(db, { eventId: id, userId: u.id, state: 'confirmed', answer: null, now: new Date(startsAt.getTime() - (30 - i) * DAY) });
      await repo.setAttended(db, r, i === 0);
      registrations++;
    }
  }
  return created ? { events: created, eventRegistrations: registrations } : {};
}
