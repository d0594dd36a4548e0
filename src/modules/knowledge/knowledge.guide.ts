/**
 * The guide to the forms of municipal international cooperation, from 004 (VVSG 2023): the eight
 * approaches rated on eight features ("In a nutshell"), what each approach is, and the funding
 * programmes the document lists. Headings and labels are in five languages; the descriptive
 * paragraphs are in English (the document's language) and shown with an "in English" marker.
 */
import { item, type Item } from '../../taxonomy/labels.ts';
import { APPROACH_CODES, type Approach } from '../../taxonomy/approaches.ts';

export const FEATURE_CODES = ['governance', 'political', 'civilSociety', 'privateSector', 'reciprocity', 'globalCitizenship', 'duration', 'budget'] as const;
export type Feature = (typeof FEATURE_CODES)[number];

export const FEATURES: readonly Item<Feature>[] = Object.freeze([
  item('governance', 'Contribution to governance strengthening', 'Contribution au renforcement de la gouvernance', 'Contribución al fortalecimiento de la gobernanza', 'Contributo para o reforço da governação', 'المساهمة في تعزيز الحوكمة'),
  item('political', 'Political and administrative involvement', 'Implication politique et administrative', 'Participación política y administrativa', 'Envolvimento político e administrativo', 'المشاركة السياسية والإدارية'),
  item('civilSociety', 'Civil society involvement (associations, NGOs, schools)', 'Implication de la société civile (associations, ONG, écoles)', 'Participación de la sociedad civil (asociaciones, ONG, escuelas)', 'Envolvimento da sociedade civil (associações, ONG, escolas)', 'مشاركة المجتمع المدني (جمعيات، منظمات غير حكومية، مدارس)'),
  item('privateSector', 'Private sector involvement (companies, social economy)', 'Implication du secteur privé (entreprises, économie sociale)', 'Participación del sector privado (empresas, economía social)', 'Envolvimento do setor privado (empresas, economia social)', 'مشاركة القطاع الخاص (شركات، اقتصاد اجتماعي)'),
  item('reciprocity', 'Reciprocity', 'Réciprocité', 'Reciprocidad', 'Reciprocidade', 'المعاملة بالمثل'),
  item('globalCitizenship', 'Opportunities for global citizenship', 'Possibilités de citoyenneté mondiale', 'Oportunidades de ciudadanía global', 'Oportunidades de cidadania global', 'فرص المواطنة العالمية'),
  item('duration', 'Duration', 'Durée', 'Duración', 'Duração', 'المدة'),
  item('budget', 'Budget', 'Budget', 'Presupuesto', 'Orçamento', 'الميزانية'),
]);

/**
 * The ratings of the table "In a nutshell": +++ = 3, ++ = 2, + = 1, - = 0. The document prints
 * "1" for international youth work × private sector, read here as "+" (1).
 */
export const RATINGS: Readonly<Record<Approach, Record<Feature, number>>> = Object.freeze({
  city_to_city_partnership: { governance: 3, political: 3, civilSociety: 3, privateSector: 2, reciprocity: 3, globalCitizenship: 2, duration: 3, budget: 3 },
  twinning: { governance: 0, political: 2, civilSociety: 3, privateSector: 1, reciprocity: 2, globalCitizenship: 2, duration: 3, budget: 1 },
  international_youth_work: { governance: 0, political: 1, civilSociety: 3, privateSector: 1, reciprocity: 1, globalCitizenship: 3, duration: 2, budget: 1 },
  indirect_cooperation: { governance: 1, political: 1, civilSociety: 3, privateSector: 1, reciprocity: 2, globalCitizenship: 2, duration: 3, budget: 2 },
  private_sector_cooperation: { governance: 1, political: 2, civilSociety: 2, privateSector: 3, reciprocity: 2, globalCitizenship: 1, duration: 2, budget: 1 },
  international_networks: { governance: 1, political: 2, civilSociety: 1, privateSector: 1, reciprocity: 2, globalCitizenship: 0, duration: 2, budget: 1 },
  humanitarian_emergency_aid: { governance: 0, political: 1, civilSociety: 3, privateSector: 1, reciprocity: 1, globalCitizenship: 1, duration: 1, budget: 1 },
  short_term_expertise_exchange: { governance: 2, political: 2, civilSociety: 2, privateSector: 1, reciprocity: 2, globalCitizenship: 1, duration: 2, budget: 1 },
});

/** The symbols of the original table, for each number. */
export const SYMBOL = ['-', '+', '++', '+++'] as const;

export type ApproachText = { definition: string; participation: string; duration: string; budget: string; resources?: string[] };

/** What 004 says about each approach (English, condensed). */
export const APPROACH_TEXTS: Readonly<Record<Approach, ApproachText>> = Object.freeze({
  city_to_city_partnership: {
    definition:
      'A city-to-city partnership connects a municipality in Flanders with one in the Global South to strengthen good local governance in both, through the mutual exchange of knowledge, experience and support. Its core is reciprocity: a strategy developed together around policy themes both work on (waste management, local economic development, digitisation of the population register, citizen participation, global citizenship…), not a transfer of resources in a donor–recipient model.',
    participation: 'A multi-actor approach: several municipal policy areas at administrative and political level, together with civil society organisations, companies and knowledge institutions. How far it takes shape strongly determines the impact and the public and political support.',
    duration: 'Long-term cooperation, which builds a relationship of trust.',
    budget: 'An international policy officer (at least 0.5 FTE); VVSG recommends at least €10,000 a year from own resources, often with federal, European (e.g. Partnerships for Sustainable Cities) or provincial grants.',
  },
  twinning: {
    definition:
      'An official bond of friendship between two or more local governments from different countries, traditionally focused on cultural exchange between citizens, mutual understanding and European solidarity. Exchanges usually concern culture, tourism, youth and sports, but any theme can be addressed.',
    participation: 'Commitment of both local governments and of citizens; usually a twinning committee of citizens and officials. The municipalities sign a charter, with no obligations attached.',
    duration: 'Long-term cooperation.',
    budget: 'Activities mostly run by volunteers, financed by municipal grants and fundraising; limited grant opportunities, including from the European Commission.',
  },
  international_youth_work: {
    definition:
      'Support for international youth exchanges: internships with colleges and universities, school links, immersion trips, international camps or projects, volunteering. The aim is usually twofold: global citizenship and global cooperation.',
    participation: 'Involves young people, through schools and youth clubs, who are often not reached by NGOs; the youth department often plays a key role.',
    duration: 'A long-term perspective.',
    budget: 'Grants in municipal regulations for international cooperation, often on conditions such as guidance before and after the trip (studies show trips without it can reinforce prejudices).',
  },
  indirect_cooperation: {
    definition:
      'Supporting local actors committed to global cooperation (individuals, private voluntary organisations, NGOs, hospitals, schools, diaspora organisations). The local government facilitates (a platform, the advisory board for international cooperation, thematic working groups) and steers (conditions for grants, such as contributing to an SDG).',
    participation: 'Through the global advisory board of organisations and residents; many boards face ageing members and look for reform, e.g. thematic working groups and short-term commitments.',
    duration: 'A long-term commitment; calls for proposals are usually annual.',
    budget: 'From several thousand to several tens of thousands of euros a year in grants.',
    resources: ['4th Pillar Support Point (11.11.11)', 'European Network for Citizen Initiatives in Global Solidarity (CIGS)'],
  },
  private_sector_cooperation: {
    definition:
      'The private sector, with governments, NGOs and others, helps implement and scale up sustainable solutions. Municipal cooperation can strengthen local economic development policy (public–private partnerships, simpler procedures for businesses, investment, access to finance, the social and circular economy, formalising the informal sector). A partner in the South is not always needed: procurement policy can reduce labour and human rights risks in supply chains.',
    participation: 'A multi-actor approach with companies, civil society, knowledge institutions and trade unions, e.g. multi-stakeholder initiatives for fair trade.',
    duration: 'Mostly projects with a long-term perspective.',
    budget: 'International programmes such as IUC, G-STIC and the King Baudouin Foundation’s “Enterprises for SDGs”.',
    resources: ['Fair Trade Towns International', 'FairTradeMunicipality'],
  },
  international_networks: {
    definition:
      'Local governments connect through international networks or consortia (with academics, civil society and companies) to exchange knowledge and good practices, set up joint projects, attract grants and advocate.',
    participation: 'Mainly staff taking part in network meetings.',
    duration: 'A long-term commitment is usual, but not necessary.',
    budget: 'Mainly staff time and travel; EU programmes fund consortia (AfriFOODlinks, DEAR, Inclucities).',
    resources: ['PLATFORMA', 'ICLEI – Local Governments for Sustainability', 'United Cities and Local Governments (UCLG)', 'RUAF Global Partnership on Sustainable Urban Agriculture and Food Systems', 'Climate Alliance', 'Eurocities', 'Cities Alliance'],
  },
  humanitarian_emergency_aid: {
    definition:
      'Assistance to local governments facing acute emergencies or disasters. Humanitarian aid is longer, after (often man-made) disasters, for rehabilitation, reconstruction and resilience; emergency aid is short, during the acute phase, mostly financial support through specialised NGOs.',
    participation: 'Rather limited, as funds usually go through a humanitarian organisation; the municipality can run awareness and fundraising campaigns.',
    duration: 'Emergency relief is short-term; humanitarian assistance usually longer.',
    budget: 'Rather limited: on average a few thousand euros per grant.',
  },
  short_term_expertise_exchange: {
    definition:
      'Projects of a set duration in which municipalities exchange with partner municipalities on specific policy themes and challenges, on an equal basis about each other’s strengths and challenges. It can be a stepping stone to long-term cooperation.',
    participation: 'Administrative and political levels and other actors (civil society, schools, businesses) of both municipalities.',
    duration: 'Short-term trajectories of a set duration.',
    budget: 'VVSG SDG partnerships, AMIF and TAIEX; see also the EU Funds Guide for local and regional governments (VNG).',
  },
});

export type FundingProgramme = { code: string; name: string; funder: string; description: string; amount?: string; approaches: Approach[]; cases: string[] };

/** The funding programmes 004 lists (not exhaustive, as the document says). */
export const FUNDING: readonly FundingProgramme[] = Object.freeze([
  { code: 'psc', name: 'Partnerships for Sustainable Cities', funder: 'European Union', description: 'European programme that awarded a grant to the Future Proof Banjul project of Ostend and Banjul in 2018.', approaches: ['city_to_city_partnership'], cases: ['004-ostend-banjul-future-proof'] },
  { code: 'federal', name: 'Federal grants for city-to-city partnerships (VVSG federal programmes)', funder: 'Federal government of Belgium, through VVSG', description: 'Grants for city-to-city partnerships, e.g. VVSG’s federal Senegal programme 2022–2026 that strengthens local governments and inter-municipal waste policy.', amount: '30,000 to 40,000 euros per year for KeMoPoDi, supplemented by the municipalities', approaches: ['city_to_city_partnership'], cases: ['004-kemopodi'] },
  { code: 'provincial', name: 'Provincial grants', funder: 'Flemish provinces (e.g. West-Vlaanderen)', description: 'Provinces co-fund partnerships and projects, such as KeMoPoDi and Wevelgem, the bicycle and the South.', approaches: ['city_to_city_partnership', 'private_sector_cooperation'], cases: ['004-kemopodi', '004-wevelgem-jinja-bicycle'] },
  { code: 'municipal', name: 'Municipal grant regulations', funder: 'Local governments', description: 'Grants for twinning exchanges of associations, international youth initiatives, indirect cooperation projects and emergency aid, under the municipality’s own regulations.', amount: 'A few thousand to several tens of thousands of euros a year', approaches: ['twinning', 'international_youth_work', 'indirect_cooperation', 'humanitarian_emergency_aid'], cases: ['004-lichtervelde-ccra', '004-merelbeke-toucountouna', '004-duffel-pakistan-floods'] },
  { code: 'ecTwinning', name: 'European Commission grants for twinning', funder: 'European Commission', description: 'Limited grant opportunities for twinning activities.', approaches: ['twinning'], cases: ['004-lichtervelde-ccra', '004-eurozoersel'] },
  { code: 'youth', name: 'JINT and Bataljong', funder: 'Flemish youth organisations', description: 'Partners of municipal youth departments for working out grant applications for international youth projects.', approaches: ['international_youth_work'], cases: [] },
  { code: 'iuc', name: 'International Urban Cooperation (IUC)', funder: 'European Union', description: 'Helps cities establish contacts and share solutions to common problems, as part of a long-term EU strategy for sustainable urban development with the public and private sector.', approaches: ['private_sector_cooperation'], cases: [] },
  { code: 'gstic', name: 'G-STIC Climate Action Programme', funder: 'Flemish government (since 2021)', description: 'Financial support for climate change adaptation and mitigation projects in the Global South; several projects of the first call involved local governments.', approaches: ['private_sector_cooperation'], cases: [] },
  { code: 'kbf', name: 'King Baudouin Foundation – Enterprises for SDGs', funder: 'King Baudouin Foundation', description: 'Permanent call with grants for projects by companies that contribute to the SDGs in the Global South.', approaches: ['private_sector_cooperation'], cases: [] },
  { code: 'afrifoodlinks', name: 'AfriFOODlinks', funder: 'European Union (coordinated by ICLEI Africa)', description: 'Consortium programme on urban food systems in 65 African and European cities.', approaches: ['international_networks'], cases: ['004-afrifoodlinks'] },
  { code: 'dear', name: 'Development Education and Awareness Raising (DEAR)', funder: 'European Union', description: 'Supports projects in which civil society organisations and local governments collaborate to promote global citizenship, e.g. Food Smart Cities for Development.', approaches: ['international_networks'], cases: ['004-afrifoodlinks'] },
  { code: 'inclucities', name: 'Inclucities network', funder: 'European Union', description: 'Exchange of expertise and best practices on the integration of newcomers between local governments.', approaches: ['international_networks'], cases: [] },
  { code: 'consortium1212', name: 'Consortium 12-12 appeals', funder: 'Belgian humanitarian NGOs', description: 'Requests for humanitarian or emergency aid that usually start the municipal procedure, advised by the advisory board.', approaches: ['humanitarian_emergency_aid'], cases: [] },
  { code: 'sdgPartnerships', name: 'VVSG SDG partnerships', funder: 'VVSG with the federal government of Belgium', description: 'Two-year colleague-to-colleague exchanges with a municipality in Benin or Rwanda (from 2023).', amount: '35,000 euros per SDG partnership', approaches: ['short_term_expertise_exchange'], cases: ['004-vvsg-sdg-partnerships'] },
  { code: 'amif', name: 'Asylum, Migration and Integration Fund (AMIF)', funder: 'European Union', description: 'Funded ORIENT-8, CONNECTION and UNITES on the integration of newcomers.', approaches: ['short_term_expertise_exchange'], cases: ['004-orient-8', '004-integrating-cities-unites'] },
  { code: 'taiex', name: 'TAIEX (Technical Assistance and Information Exchange)', funder: 'European Commission', description: 'Instrument for short-term technical assistance and exchange of information.', approaches: ['short_term_expertise_exchange'], cases: [] },
  { code: 'ideal', name: 'IDEAL (Inclusive Decision at Local Level)', funder: 'Dutch Ministry of Foreign Affairs, through VNG International', description: 'Exchanges between Dutch municipalities and local governments in the Global South (2017–2022; new programme from 2022).', approaches: ['short_term_expertise_exchange'], cases: ['004-vng-ideal'] },
]);

/** Every approach of the taxonomy has ratings and a text (checked by a test). */
export const GUIDE_APPROACHES: readonly Approach[] = APPROACH_CODES;
