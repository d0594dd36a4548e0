/**
 * The guide to the forms of municipal international cooperation, from 004 (VVSG 2023): the eight
 * features (labels in five languages), and the eight approaches as the document rates and describes
 * them ("In a nutshell"), in English. Since issue 13 the approaches live in the database
 * (`cooperation_approaches`, edited by admins); these constants are what the migration seeded it
 * with (with knowledge.guide-translations.ts) and what the advisor's table tests score.
 */
import { item, type Item } from '../../taxonomy/labels.ts';
import type { Approach } from '../../taxonomy/approaches.ts';

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
