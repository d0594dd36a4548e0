/**
 * The demo's partnerships: the long-standing cooperation the source documents name (004, VVSG's
 * approaches), none of which went through a programme round — confirmed by every partner, public,
 * with history entries — and a few organisations open to cooperation. Organisations missing from
 * the directory's demo data (the three Senegalese communes of KeMoPoDi, Ostende in Argentina) are
 * added through the organisations service. Idempotent: a partnership whose title exists is skipped.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import { rows } from '../../platform/db.ts';
import { ensureDemoOrganisations, organisationIdsByExternalId } from '../organisations/organisations.service.ts';
import * as repo from './partnerships.repository.ts';

const commune = (id: string, name: string, lat: number, lon: number, population: number) => ({
  id, name, kind: 'municipality', country: 'SN', subregion: 'Thiès', population, languages: ['fr', 'wo'],
  offers: 'Comités de participation citoyenne et « coaching territorial » dans le partenariat intercommunal KeMoPoDi.',
  seeks: 'Qualité de l’éducation et politique intercommunale des déchets (programme Sénégal de VVSG 2022–2026).',
  themes: ['education', 'waste_management', 'inter_municipal_cooperation'], sdgs: [4, 11, 16], lat, lon,
});

const EXTRA_ORGANISATIONS = [
  commune('sn-keur-moussa', 'Commune de Keur Moussa', 14.79, -17.11, 40_000),
  commune('sn-pout', 'Commune de Pout', 14.77, -17.06, 55_000),
  commune('sn-diender', 'Commune de Diender Guedj', 14.86, -17.19, 35_000),
  {
    id: 'ar-ostende', name: 'Municipalidad de Ostende', kind: 'municipality', country: 'AR', subregion: 'Buenos Aires', population: 4_000, languages: ['es'],
    offers: 'Festival Jazz en la Playa y memoria de los fundadores belgas de 1909.', seeks: 'Intercambio cultural y turístico con Ostende (Bélgica).',
    themes: ['culture', 'tourism'], sdgs: [11, 17], lat: -37.13, lon: -56.88,
  },
];

type Entry = { day: string; title: string; note?: string };
type Demo = { title: string; partners: string[]; approaches: string[]; themes: string[]; since?: string; charterDate?: string; summary: string; history: Entry[] };

const PARTNERSHIPS: Demo[] = [
  {
    title: 'Roeselare – Dogbo', partners: ['be-roeselare', 'bj-dogbo'], approaches: ['city_to_city_partnership'], since: '2010-01-01',
    themes: ['civil_registration', 'markets_informal_economy', 'culture', 'education', 'water_supply', 'sanitation'],
    summary: 'The administrations of both cities exchange knowledge and experience on jointly chosen themes: birth registration, the market, culture, education, water and hygiene.',
    history: [
      { day: '2010-01-01', title: 'City-to-city partnership between Roeselare and Dogbo begins' },
      { day: '2018-06-01', title: 'Award for the work on birth registration', note: 'Education, digitisation and sensitisation raised birth registration in Dogbo from 60% to 100%.' },
    ],
  },
  {
    title: 'Mol – Santo Tomás', partners: ['be-mol', 'ni-santo-tomas'], approaches: ['city_to_city_partnership'], themes: ['education', 'citizen_participation'],
    summary: '“The partnership is not an end in itself, but a model, a way to make both the municipal administration and the population aware of global relations and the role they can play locally.”',
    history: [{ day: '2023-01-01', title: 'The partnership as the peg on which municipal global policy is hung' }],
  },
  {
    title: 'Deinze & Lievegem – KeMoPoDi', partners: ['be-deinze', 'be-lievegem', 'sn-keur-moussa', 'sn-pout', 'sn-diender'], approaches: ['city_to_city_partnership'], since: '2010-01-01',
    themes: ['education', 'waste_management', 'inter_municipal_cooperation', 'citizen_participation'],
    summary: 'An inter-municipal partnership of five municipalities: global citizenship education in Flanders, the quality of education and an inter-municipal waste policy in Senegal.',
    history: [
      { day: '2010-01-01', title: 'Deinze and Lievegem start cooperating with Keur Moussa, Pout and Diender' },
      { day: '2022-01-01', title: 'Joined VVSG’s federal Senegal programme 2022–2026', note: 'Together with Sint-Niklaas/Tambacounda and Zemst/Sokone, for a sustainable inter-municipal waste policy.' },
    ],
  },
  {
    title: 'Ostend – Banjul', partners: ['be-ostend', 'gm-banjul'], approaches: ['city_to_city_partnership', 'international_youth_work'], since: '2003-01-01',
    themes: ['youth', 'education', 'climate_adaptation'],
    summary: 'A city-to-city partnership as a framework for youth initiatives: immersion trips of pupils and teachers, internships, and the Future Proof Banjul project.',
    history: [
      { day: '2005-01-01', title: 'First immersion trips of Ostend schools to Banjul', note: 'Since 2005 more than 1,000 pupils and teachers have visited Banjul.' },
      { day: '2018-01-01', title: 'Partnerships for Sustainable Cities grant for “Future Proof Banjul”' },
    ],
  },
  {
    title: 'Lichtervelde – Region of Audruicq (CCRA)', partners: ['be-lichtervelde', 'fr-ccra'], approaches: ['twinning'], since: '2008-01-01', charterDate: '2008-01-01',
    themes: ['culture', 'tourism', 'sport'],
    summary: 'Twinning is winning: exchanges on cultural, sports, tourism, social and economic levels, and a twinning committee of about ten members.',
    history: [{ day: '2008-01-01', title: 'Twinning charter signed' }, { day: '2022-08-01', title: 'Biennial visit to the chicory festival' }],
  },
  {
    title: 'Merelbeke – Toucountouna', partners: ['be-merelbeke', 'bj-toucountouna'], approaches: ['city_to_city_partnership', 'international_youth_work'], since: '2014-01-01',
    themes: ['youth', 'education', 'public_health'],
    summary: 'From immersion trips to awareness raising: a youth council in Toucountouna and “Friends of Toucountouna” in Merelbeke.',
    history: [{ day: '2019-09-01', title: 'Youth council of Toucountouna founded during an immersion trip' }],
  },
  { title: 'Sint-Niklaas – Tambacounda', partners: ['be-sint-niklaas', 'sn-tambacounda'], approaches: ['city_to_city_partnership'], themes: ['waste_management'], summary: 'A Senegalese city-to-city partnership in VVSG’s Senegal programme 2022–2026.', history: [{ day: '2022-01-01', title: 'Joined VVSG’s Senegal programme 2022–2026' }] },
  { title: 'Zemst – Sokone', partners: ['be-zemst', 'sn-sokone'], approaches: ['city_to_city_partnership'], themes: ['waste_management'], summary: 'A Senegalese city-to-city partnership in VVSG’s Senegal programme 2022–2026.', history: [{ day: '2022-01-01', title: 'Joined VVSG’s Senegal programme 2022–2026' }] },
  {
    title: 'Bruges – Ebolowa', partners: ['be-bruges', 'cm-ebolowa'], approaches: ['city_to_city_partnership', 'private_sector_cooperation'], themes: ['agriculture', 'local_economic_development'],
    summary: 'Two Fair Trade and chocolate cities for more sustainable chocolate, with the Bruges Chocolate Guild and the cocoa cooperative Bityili.',
    history: [{ day: '2022-01-01', title: 'Master classes on sustainable cocoa by the hotel school and the agricultural school' }],
  },
  { title: 'Ostend – Ostende', partners: ['be-ostend', 'ar-ostende'], approaches: ['twinning'], since: '2021-01-01', charterDate: '2021-01-01', themes: ['culture', 'tourism'], summary: 'A formal partnership with Ostende, founded in 1909 in Argentina by residents of Ostend.', history: [{ day: '2021-01-01', title: 'Formal partnership agreed' }] },
  { title: 'Wevelgem – CooP-Uganda (Jinja)', partners: ['be-wevelgem', 'ug-coop-uganda'], approaches: ['indirect_cooperation'], since: '2019-01-01', themes: ['mobility', 'employment'], summary: '“Wevelgem, the bicycle and the South”: used bicycles repaired and sold, the revenue for CooP-Uganda’s bicycle projects.', history: [{ day: '2019-01-01', title: 'Project “Wevelgem, the bicycle and the South” starts' }] },
];

const OPENINGS = [
  { org: 'be-wevelgem', themes: ['mobility'], statement: 'Wevelgem aims to consolidate its international cooperation, possibly by establishing a city-to-city partnership with the city of Jinja, and welcomes contact on cycling policy.' },
  { org: 'sn-tambacounda', themes: ['waste_management', 'inter_municipal_cooperation'], statement: 'Tambacounda works on an inter-municipal waste policy and looks for municipalities that have organised waste collection with their neighbours.' },
  { org: 'bj-dogbo', themes: ['civil_registration', 'digital_government'], statement: 'Dogbo raised birth registration from 60% to 100% and shares how; it seeks partners on digitising the population register.' },
];

/** Adds what is missing; reports counts only when it added something (a second run reports nothing, as the other seeds). */
export async function seedPartnershipsDemo(db: Db, { now }: { now: Date }): Promise<{ partnerships?: number; openings?: number }> {
  return db.transaction(async (tx) => {
    const extra = await ensureDemoOrganisations(tx, EXTRA_ORGANISATIONS, now);
    const known = await organisationIdsByExternalId(tx, [...new Set([...PARTNERSHIPS.flatMap((p) => p.partners), ...OPENINGS.map((o) => o.org)])]);
    const id = (ext: string) => extra.get(ext) ?? known.get(ext);
    let n = 0;
    for (const p of PARTNERSHIPS) {
      const ids = p.partners.map(id);
      if (ids.some((x) => !x)) continue;
      const [exists] = await rows<{ id: string }>(tx, sql`select id from partnerships where title = ${p.title} limit 1`);
      if (exists) continue;
      const pid = randomUUID();
      await repo.insertPartnership(tx, { id: pid, title: p.title, summary: p.summary, lang: 'en', approaches: p.approaches, themes: p.themes, since: p.since ?? null, charterDate: p.charterDate ?? null, origin: 'recorded', state: 'active', wantsPublic: true, createdAt: now, updatedAt: now });
      await repo.insertMembers(tx, ids.map((o) => ({ partnershipId: pid, organisationId: o!, invitedAt: now, confirmedAt: now })));
      for (const h of p.history) await repo.insertEntry(tx, { id: randomUUID(), partnershipId: pid, kind: 'activity', day: h.day, title: h.title, note: h.note ?? '', lang: 'en', at: now });
      if (p.charterDate) await repo.insertEntry(tx, { id: randomUUID(), partnershipId: pid, kind: 'charter', day: p.charterDate, at: now });
      n++;
    }
    let openings = 0;
    for (const o of OPENINGS) {
      const oid = id(o.org);
      if (!oid || (await repo.openingOf(tx, oid))) continue;
      await repo.saveOpening(tx, { organisationId: oid, themes: o.themes, statement: o.statement, lang: 'en', updatedAt: now });
      openings++;
    }
    return n || openings ? { partnerships: n, openings } : {};
  });
}
