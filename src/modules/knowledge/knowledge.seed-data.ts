/**
 * The good practices of the source documents in the structured form: every practice of 004
 * ("Municipal international cooperation: approaches and practices", VVSG 2023) and the three
 * CONNECT pilot exchanges of 001 (2017). Written from what the documents say, in English (the
 * original); a few carry a French or Spanish version, marked as translations. A field the
 * document says nothing about is left empty rather than invented.
 */
import type { Approach } from '../../taxonomy/approaches.ts';
import type { ExchangeFormat } from '../../taxonomy/formats.ts';

export type SeedTexts = {
  title: string;
  summary: string;
  problem?: string;
  solution?: string;
  results?: string;
  challenges?: string;
  prerequisites?: string;
  cost?: string;
  transferability?: string;
};

/** [name as in the source, ISO country code or null, external id of the organisations row where the demo data has one]. */
export type SeedPartner = [name: string, country: string | null, externalId?: string];

export type SeedCase = {
  key: string;
  approach: Approach;
  formats?: ExchangeFormat[];
  themes: string[];
  sdgs: number[];
  partners: SeedPartner[];
  source: string;
  en: SeedTexts;
  /** Human translations of (part of) the English text. */
  translations?: Partial<Record<'fr' | 'es' | 'pt' | 'ar', SeedTexts>>;
};

const VVSG = 'VVSG (2023), Municipal international cooperation: approaches and practices';
const CONNECT = 'PLATFORMA and VNG International, CONNECT: the first CONNECTions (2017)';

export const SEED_CASES: readonly SeedCase[] = [
  // ---------------------------------------------------------------- city-to-city partnership
  {
    key: '004-ostend-banjul-future-proof',
    approach: 'city_to_city_partnership',
    themes: ['decentralisation', 'waste_management', 'biodiversity_green_spaces', 'public_health', 'climate_adaptation'],
    sdgs: [11, 12, 13, 16, 17],
    partners: [['Ostend', 'BE', 'be-ostend'], ['Banjul', 'GM', 'gm-banjul'], ['Edward Francis Small Teaching Hospital', 'GM']],
    source: VVSG,
    en: {
      title: 'Future Proof partnership Ostend – Banjul',
      summary: "Two coastal cities, Ostend (Belgium) and Banjul (Gambia), work together on a resilient and liveable Banjul as a hub of trade, prosperity, sustainability and good governance, with an EU grant from the Partnerships for Sustainable Cities programme (2018).",
      problem: 'Banjul wants to become a resilient and liveable city: a hub of trade, prosperity, sustainability and good governance.',
      solution: "The 'Future Proof Banjul' project works on five pillars: good and effective governance; a Knowledge Centre for Sustainable Development on Crab Island; sustainable waste management; greening Banjul; and capacity building in the Edward Francis Small Teaching Hospital. The partnership works toward its objectives in an integrated manner and from a multi-actor approach.",
      results: 'The partnership is strongly embedded within the two local governments, and its work was selected for a European grant in 2018.',
      prerequisites: 'Embedding in both local administrations; a multi-actor approach that involves several municipal policy areas and local actors.',
      cost: 'Grant from the European programme Partnerships for Sustainable Cities (2018), next to the partners’ own resources.',
      transferability: 'A model for city-to-city partnerships that combine several policy themes in one integrated programme and seek EU funding for it.',
    },
    translations: {
      fr: {
        title: 'Partenariat « Future Proof » Ostende – Banjul',
        summary: "Deux villes côtières, Ostende (Belgique) et Banjul (Gambie), travaillent ensemble à une Banjul résiliente et vivable, pôle de commerce, de prospérité, de durabilité et de bonne gouvernance, avec une subvention européenne du programme Partenariats pour des villes durables (2018).",
        problem: 'Banjul veut devenir une ville résiliente et vivable : un pôle de commerce, de prospérité, de durabilité et de bonne gouvernance.',
        solution: "Le projet « Future Proof Banjul » repose sur cinq piliers : une gouvernance bonne et efficace ; un centre de connaissances sur le développement durable à Crab Island ; la gestion durable des déchets ; le verdissement de Banjul ; le renforcement des capacités de l'hôpital universitaire Edward Francis Small.",
        results: 'Le partenariat est fortement ancré dans les deux administrations locales et a obtenu une subvention européenne en 2018.',
      },
    },
  },
  {
    key: '004-roeselare-dogbo-birth-registration',
    approach: 'city_to_city_partnership',
    themes: ['civil_registration', 'digital_government', 'water_supply', 'education', 'markets_informal_economy'],
    sdgs: [16, 6, 4, 17],
    partners: [['Roeselare', 'BE', 'be-roeselare'], ['Dogbo', 'BJ', 'bj-dogbo'], ['Join for Water', 'BE'], ['D.O.G.B.O.-Dogbo', 'BE']],
    source: VVSG,
    en: {
      title: 'Roeselare – Dogbo: birth registration from 60% to 100%',
      summary: 'Since 2010 the administrations of Roeselare (Belgium) and Dogbo (Benin) exchange knowledge and experience on jointly chosen themes. Their multidisciplinary work on birth registration won the 2018 European PLATFORMAwards.',
      problem: 'Only 60% of births in Dogbo were registered.',
      solution: 'An intensive process of education, digitisation and sensitisation: hospital staff, officials and politicians were trained so that every child is registered smoothly and correctly; parents receive information on the importance of birth registration through various channels; births are recorded on paper and all data are digitised. The partnership also covers the market, culture, education, water and hygiene.',
      results: 'Birth registration in Dogbo rose from 60% to 100%. Dogbo and Roeselare won the 2018 PLATFORMAwards. Peer-to-peer exchange strengthened technical know-how and support for the partnership in Roeselare, and led to global citizenship education: with the NGO Join for Water an educational project on sustainable water management in Roeselare schools, and the non-profit D.O.G.B.O.-Dogbo supports social projects and organises immersive trips.',
      prerequisites: 'A long-term partnership between the two administrations; training of everyone in the registration chain (hospital staff, officials, politicians).',
      transferability: 'Birth registration is a competence of local governments in many countries; the combination of training, awareness raising and digitisation can be applied elsewhere.',
    },
    translations: {
      fr: {
        title: "Roeselare – Dogbo : l'enregistrement des naissances de 60 % à 100 %",
        summary: "Depuis 2010, les administrations de Roeselare (Belgique) et de Dogbo (Bénin) échangent connaissances et expériences sur des thèmes choisis ensemble. Leur travail pluridisciplinaire sur l'enregistrement des naissances a remporté les PLATFORMAwards européens 2018.",
        problem: 'Seules 60 % des naissances étaient enregistrées à Dogbo.',
        solution: "Un processus intensif d'éducation, de numérisation et de sensibilisation : le personnel hospitalier, les agents et les élus ont été formés pour que chaque enfant soit enregistré correctement ; les parents sont informés de l'importance de l'enregistrement ; toutes les données sont numérisées.",
        results: "L'enregistrement des naissances à Dogbo est passé de 60 % à 100 %. Dogbo et Roeselare ont remporté les PLATFORMAwards 2018.",
      },
    },
  },
  {
    key: '004-kemopodi',
    approach: 'city_to_city_partnership',
    themes: ['inter_municipal_cooperation', 'education', 'waste_management', 'citizen_participation', 'decentralisation'],
    sdgs: [4, 11, 12, 16, 17],
    partners: [['Deinze', 'BE', 'be-deinze'], ['Lievegem', 'BE', 'be-lievegem'], ['Keur Moussa, Pout and Diender (KeMoPoDi)', 'SN', 'sn-kemopodi'], ['VVSG', 'BE', 'be-vvsg']],
    source: VVSG,
    en: {
      title: 'Inter-municipal partnership Deinze & Lievegem – KeMoPoDi',
      summary: 'Since 2010 the Belgian municipalities Deinze and Lievegem cooperate with Keur Moussa, Pout and Diender (KeMoPoDi) in Senegal: five municipalities strengthening local governance, with an innovative focus on education and a specific focus on waste policy.',
      problem: 'Strengthening good local governance in five municipalities, improving the quality of education in Senegal, and building a sustainable inter-municipal waste policy.',
      solution: "Inter-municipal cooperation of five municipalities. An educational, mobile 'Senegal house' for all elementary schools, five school links and many educational projects. Global citizenship education in the Flemish municipalities, quality of education in Senegal. The partnership joined VVSG's federal Senegal programme 2022–2026 with two other Senegalese partnerships (Sint-Niklaas/Tambacounda and Zemst/Sokone). Committees in KeMoPoDi increase citizen participation, and 'territorial coaching' experiments have trained coaches bring local people and politics closer together.",
      results: 'A partnership co-created by politics, administration and the population, with an intermunicipal committee of volunteers from Lievegem and Deinze, and citizen committees in KeMoPoDi.',
      prerequisites: 'Close cooperation with a committee of volunteers; agreement between several municipalities on each side.',
      cost: 'Federal grant of 30,000 to 40,000 euros per year, supplemented by funds from the partner municipalities; provincial grants also supported the partnership.',
      transferability: 'Shows how small municipalities can pool their efforts in one inter-municipal partnership and join a national programme with other partnerships in the same country.',
    },
    translations: {
      fr: {
        title: 'Partenariat intercommunal Deinze & Lievegem – KeMoPoDi',
        summary: 'Depuis 2010, les communes belges de Deinze et Lievegem coopèrent avec Keur Moussa, Pout et Diender (KeMoPoDi) au Sénégal : cinq communes qui renforcent la gouvernance locale, avec un accent innovant sur l’éducation et un accent particulier sur la politique des déchets.',
        problem: "Renforcer la bonne gouvernance locale dans cinq communes, améliorer la qualité de l'éducation au Sénégal et construire une politique intercommunale durable des déchets.",
        solution: "Une coopération intercommunale de cinq communes ; une « maison du Sénégal » mobile et pédagogique pour toutes les écoles primaires, cinq jumelages scolaires ; des comités citoyens et un « coaching territorial » à KeMoPoDi ; l'adhésion au programme fédéral Sénégal 2022–2026 de la VVSG.",
        results: 'Un partenariat co-construit par les élus, l’administration et la population.',
      },
    },
  },
  // ---------------------------------------------------------------- twinning
  {
    key: '004-lichtervelde-ccra',
    approach: 'twinning',
    themes: ['culture', 'tourism', 'sport', 'heritage', 'youth'],
    sdgs: [11, 17],
    partners: [['Lichtervelde', 'BE', 'be-lichtervelde'], ['Community of Municipalities of the region of Audruicq (CCRA)', 'FR', 'fr-ccra']],
    source: VVSG,
    en: {
      title: 'Twinning is winning: Lichtervelde – Region of Audruicq (CCRA)',
      summary: 'Since 2008 Lichtervelde (Belgium) is twinned with the Community of Municipalities of the region of Audruicq (15 municipalities, Pas-de-Calais, France): exchanges on cultural, sports, tourism, social and economic levels, and joint projects for an economic return for both regions.',
      problem: 'To dynamise community life for the benefit of all inhabitants of both municipalities, and to seek an economic return next to cultural exchange.',
      solution: 'Contacts started at a CCRA festivity for former seasonal workers from Lichtervelde, then grew through each other’s folklore festivals; a charter was signed in 2008. Activities include class trips, an annual twinning contact day for committee members, contacts between youth soccer clubs, hiking clubs, local history circles, choirs and brass bands, and a biennial visit to the chicory festival. Joint projects: renovating an old chicory ‘Ast’ as an interactive archive and exhibition space, and a cycling route connecting Vieille-Eglise with Lichtervelde.',
      results: 'A warm relationship between the school-age youth of both regions; numerous activities; plans for tourism projects with an economic return.',
      prerequisites: 'A twinning committee of about 10 members from the political level, the administration and citizens (participating as individuals); the alderman for European affairs played an important facilitating role.',
      cost: 'Associations engaging in an exchange can apply for a small municipal grant (twinning grant regulations); the municipality also receives European grants.',
      transferability: 'A twinning that goes beyond cultural exchange toward tourism and local economic return.',
    },
  },
  {
    key: '004-eurozoersel',
    approach: 'twinning',
    themes: ['culture', 'climate_mitigation', 'social_cohesion'],
    sdgs: [13, 17],
    partners: [['Zoersel', 'BE', 'be-zoersel'], ['Lora del Río', 'ES'], ['Crucea', 'RO'], ['Laubach', 'DE'], ['Gräfenhainichen', 'DE'], ['Moutier', 'CH'], ['Élancourt', 'FR'], ['Climate Alliance', null]],
    source: VVSG,
    en: {
      title: 'Eurozoersel',
      summary: 'Zoersel (Belgium) has three official twinning partners and three friendship ties in Europe. Through them it encourages residents to broaden their view on the world and realises its own local objectives, including common environmental goals within the Climate Alliance network.',
      problem: 'To encourage residents to broaden their view on the world, and to use international cooperation to realise the municipality’s own local objectives.',
      solution: 'Twinning with Lora del Río (Spain), Crucea (Romania) and Laubach (Germany) and friendship ties with Gräfenhainichen (Germany), Moutier (Switzerland) and Élancourt (France). Joint projects with volunteers of the twinning committees; European grant opportunities are explored. The EuroZoersel twinning festival is organised every three to four years since 1993; foreign guests usually stay with a host family.',
      results: 'Collaboration on common environmental goals within the Climate Alliance network (2018); a recurring festival that builds bonds of friendship between European citizens.',
      prerequisites: 'Volunteers in twinning committees in Zoersel and in the partner municipalities; host families.',
      transferability: 'A multilateral twinning with a recurring festival can be organised by any municipality with several partners.',
    },
  },
  {
    key: '004-ostend-ostende',
    approach: 'twinning',
    themes: ['culture', 'tourism', 'heritage'],
    sdgs: [17],
    partners: [['Ostend', 'BE', 'be-ostend'], ['Ostende', 'AR']],
    source: VVSG,
    en: {
      title: 'It takes two to tango: Ostend – Ostende',
      summary: 'Since 2021 Ostend (Belgium) has a formal partnership with Ostende in Argentina, founded in 1909 by residents of Ostend, to strengthen historical ties and the international image of both cities, exchange knowledge and set up collaborations.',
      problem: 'Two cities with a shared history wanted to strengthen their ties and their international image.',
      solution: 'A formal partnership (2021) focused on cultural exchange: a Belgium–Argentina exhibition, a tango and culinary-literary evening, the annual Jazz en la Playa festival in Ostende, and a performance by an Argentine tango jazz quartet planned in Ostend in 2023.',
      results: 'Joint cultural activities in both cities.',
      transferability: 'An example of a twinning with a municipality outside Europe, mainly focused on cultural exchange.',
    },
  },
  // ---------------------------------------------------------------- international youth work
  {
    key: '004-ostend-banjul-youth',
    approach: 'international_youth_work',
    formats: ['work_placement', 'study_visit'],
    themes: ['youth', 'education', 'public_health'],
    sdgs: [4, 17],
    partners: [['Ostend', 'BE', 'be-ostend'], ['Banjul City Council', 'GM', 'gm-banjul'], ['Red Cross Gambia Banjul', 'GM'], ['Edward Francis Small Teaching Hospital', 'GM']],
    source: VVSG,
    en: {
      title: 'Ostend – Banjul: a city-to-city partnership as a framework for youth initiatives',
      summary: 'Ostend supports exchange trips of pupils and teachers to partner schools in Banjul (Gambia) and internships of students in Banjul, within the city-to-city partnership that exists since 2003.',
      problem: 'To stimulate intercultural exchange and learning between pupils and teachers, and to give students practical experience abroad.',
      solution: 'Support for exchange trips to partner schools and for projects in Banjul; seven Ostend schools take part in immersion trips to Gambia. At the request of the city council, an inspiration guide describes the schools’ vision of their relationship with their partner schools. Students in nursing, social work, architectural engineering and other disciplines do internships of three to five months with organisations in Banjul.',
      results: 'Since 2005 more than 1,000 pupils and teachers have visited Banjul.',
      prerequisites: 'An existing city-to-city partnership; cooperation with Banjul City Council, schools in Banjul, Red Cross Gambia Banjul, the Edward Francis Small Teaching Hospital, and colleges and universities in Flanders.',
      transferability: 'Any city-to-city partnership can serve as a framework for school links and internships.',
    },
  },
  {
    key: '004-merelbeke-toucountouna',
    approach: 'international_youth_work',
    formats: ['study_visit'],
    themes: ['youth', 'citizen_participation', 'public_health', 'education', 'gender_equality'],
    sdgs: [3, 4, 5, 17],
    partners: [['Merelbeke', 'BE', 'be-merelbeke'], ['Toucountouna', 'BJ', 'bj-toucountouna'], ['Friends of Toucountouna', 'BE'], ['Conseil Communal de la Jeunesse de Toucountouna', 'BJ']],
    source: VVSG,
    en: {
      title: 'Merelbeke – Toucountouna: from immersion trips to awareness raising',
      summary: 'During an immersion trip in 2019, young people from Merelbeke (Belgium) set up a youth council in Toucountouna (Benin); participants of two trips founded "Friends of Toucountouna" to support it.',
      problem: 'To turn immersion trips into lasting engagement of young people in both municipalities.',
      solution: 'Youngsters established the Conseil Communal de la Jeunesse de Toucountouna. Friends of Toucountouna organises fundraising and evaluates projects: training in soap making, awareness raising on dropping out of school, contraception, sexual health and teen pregnancy, a hygiene campaign during Covid-19. Immersion trips go both ways.',
      results: 'A youth council in Toucountouna and a support organisation in Merelbeke; a range of youth-led projects.',
      cost: 'In 2020 Merelbeke spent 3,068 euros on this programme from its own resources.',
      prerequisites: 'A city-to-city link (since 2014); municipal grant regulations for international youth initiatives.',
      challenges: 'Studies warn that immersion trips can reinforce prejudices when there is no guidance before and after the trip.',
    },
  },
  {
    key: '004-sint-niklaas-dwagulu-dekkente',
    approach: 'international_youth_work',
    formats: ['study_visit'],
    themes: ['youth', 'agriculture', 'food_security', 'gender_equality', 'social_inclusion'],
    sdgs: [2, 4, 5, 10],
    partners: [['Sint-Niklaas', 'BE', 'be-sint-niklaas'], ['Dwagulu Dekkente', 'BE'], ['Solidagro', 'BE'], ['AJE', 'SN'], ['La Voie', 'SN'], ['Tambacounda', 'SN', 'sn-tambacounda']],
    source: VVSG,
    en: {
      title: 'Sint-Niklaas and Dwagulu Dekkente: intercultural learning',
      summary: 'Sint-Niklaas (Belgium) supports the youth organisation Dwagulu Dekkente, which runs exchange programmes for secondary school students with Senegal on interculturalism, global relations, agroecology and gender.',
      problem: 'To promote intercultural learning among young people, also between young people with and without a migration background.',
      solution: 'A trajectory with a preparation programme, an exchange trip to Senegal, a reflection weekend and a return visit by Senegalese youth to Belgium, with the NGO Solidagro and the Senegalese youth organisations AJE and La Voie. During Covid-19 the one-week Crossing Borders programme brought a diverse group of young people together in Sint-Niklaas with Solidagro, the refugee shelter and Red Cross Sint-Niklaas.',
      results: 'Exchange programmes with return visits; a dialogue on global relations, interculturalism and agroecology among a diverse group of young people.',
      challenges: 'For many international youth collaborations it remains a challenge to organise counter-visits.',
      prerequisites: 'A youth organisation with partner organisations in the country visited; the city as partner (Sint-Niklaas also has a city-to-city partnership with Tambacounda).',
    },
  },
  // ---------------------------------------------------------------- indirect cooperation
  {
    key: '004-antwerp-migration-development',
    approach: 'indirect_cooperation',
    themes: ['migration', 'water_supply', 'energy', 'social_cohesion'],
    sdgs: [6, 7, 10, 17],
    partners: [['Antwerp', 'BE', 'be-antwerp'], ['FOS', 'BE'], ['Ghana Council', 'BE'], ['Partnership Water for Development', 'BE'], ['Humasol', 'BE']],
    source: VVSG,
    en: {
      title: 'Antwerp connects migration with development cooperation',
      summary: 'Through a broad network of local actors, including diaspora associations, colleges and companies, the city of Antwerp supports development projects in Congo, Ghana, Senegal and Morocco.',
      problem: 'Development projects need to capture local needs; migrant communities are not always heard by the city administration.',
      solution: 'The city gives substantive and financial support and brings associations into contact with relevant partners. Example: the NGO FOS and the Ghanaian umbrella organisation Ghana Council with the Flemish Partnership Water for Development, Flemish companies, diaspora organisations, Humasol students, a Ghanaian NGO and Ghanaian levels of government (chiefs, district officers) build a water supply anchored climatically (solar panels) and socially (water committees). Antwerp also encourages universities and colleges to cooperate with diaspora associations for internships and teacher exchanges.',
      results: 'A sustainably anchored water supply; migrant communities closer to the city administration, so that their needs are better heard; recognition for migrants who run well-structured projects in their countries of origin.',
      prerequisites: 'Diaspora organisations with intercultural capacities and connections with local networks.',
      transferability: 'Any city with diaspora communities can link migration and international cooperation this way.',
    },
  },
  {
    key: '004-lokeren-elasha',
    approach: 'indirect_cooperation',
    themes: ['education', 'water_supply', 'public_health', 'migration'],
    sdgs: [4, 6, 3],
    partners: [['Lokeren', 'BE', 'be-lokeren'], ['Elasha asbl', 'BE'], ['COOMIAP (Coopérative Minière et Agro-pastorale Pambi)', 'CD']],
    source: VVSG,
    en: {
      title: 'Lokeren supports Elasha asbl to improve education and water in DR Congo',
      summary: 'Elasha, a non-profit founded by a Lokeren resident of Congolese descent, joined the Lokeren advisory board for international cooperation and builds an elementary school with an infirmary in Lyamba (Central Kasai).',
      problem: 'Education, clean water and health care are lacking in Lyamba, Central Kasai (DR Congo).',
      solution: 'Emile Elasha, co-founder of the cooperative COOMIAP, founded Elasha and contacted the Lokeren advisory board for international cooperation in 2017. A committee was formed around him for networking and fundraising; Elasha is now a member of the board. Local authorities allocated land; COOMIAP coordinates the construction works.',
      results: 'An elementary school with a nearby infirmary under construction.',
      prerequisites: 'A municipal advisory board for international cooperation open to new private voluntary organisations.',
      transferability: 'Shows how an advisory board can integrate diaspora initiatives.',
    },
  },
  {
    key: '004-province-antwerp-forests',
    approach: 'indirect_cooperation',
    themes: ['biodiversity_green_spaces', 'climate_mitigation'],
    sdgs: [1, 13, 15],
    partners: [['Province of Antwerp', 'BE', 'be-province-antwerp'], ['BOS+', 'BE'], ['Royal Society for Zoology Antwerp (KMDA)', 'BE']],
    source: VVSG,
    en: {
      title: 'Province of Antwerp partners with local governments on forest restoration and protection in Peru and DR Congo',
      summary: 'To become climate neutral as an organisation, the Province of Antwerp works with BOS+ and KMDA on forest restoration and protection in the Amazon and in DR Congo, and invites local governments to join.',
      problem: 'Offsetting the emissions the province cannot avoid, after limiting them; protecting tropical forest and biodiversity.',
      solution: 'With BOS+: offsetting 4,000 tonnes of CO2 a year by planting 72 hectares of trees in the Amazon, and protecting 60,000 hectares of tropical forest in Peru through co-management of nature reserves by local communities. With KMDA: protecting the Lomako-Yokokala Nature Reserve (DR Congo) and its bonobos through forest protection and guidance of the local community.',
      results: 'Local governments can subscribe to these collaborations with a tailored investment and take part in networking and exchange events with BOS+ and KMDA.',
      transferability: 'A province can offer municipalities a ready framework to contribute to SDGs 1, 13 and 15.',
    },
  },
  // ---------------------------------------------------------------- private sector
  {
    key: '004-bruges-ebolowa-chocolate',
    approach: 'private_sector_cooperation',
    themes: ['local_economic_development', 'agriculture', 'employment'],
    sdgs: [8, 12, 15, 17],
    partners: [['Bruges', 'BE', 'be-bruges'], ['Ebolowa', 'CM', 'cm-ebolowa'], ['Guild of Bruges Chocolatiers', 'BE'], ['Bityili cocoa cooperative', 'CM'], ['Howest University of Applied Sciences', 'BE'], ['Oxfam', null], ['Choco-Story', 'BE'], ['Ter Groene Poorte hotel school', 'BE']],
    source: VVSG,
    en: {
      title: 'Bruges and Ebolowa promote sustainable chocolate',
      summary: 'Bruges (Belgium) and Ebolowa (Cameroon), both Fair Trade and chocolate cities, work with the Bruges Chocolate Guild and the cocoa cooperative Bityili toward more sustainable chocolate and a higher income for cocoa farmers.',
      problem: 'The chocolate sector faces deforestation, child labour, excessively low wages and poor working conditions.',
      solution: "Awareness raising, exchanges with other cooperatives, training and logistical support for cocoa producers; processing cocoa into by-products (oil, soap, chocolate) for the local and regional market. Bruges has its own fair-trade city chocolate, 'Sjokla'; part of the revenue goes to projects in Ebolowa. Howest marketing students mapped how people in Bruges view sustainable chocolate. Oxfam and Choco-Story join the awareness actions; the hotel school Ter Groene Poorte and the agricultural school in Ebolowa organise master classes on sustainable cocoa.",
      results: "A city chocolate whose revenue funds projects in Ebolowa; the feasibility of producing 'Sjokla' with cocoa from Ebolowa is being investigated.",
      prerequisites: 'A multi-stakeholder approach with the local private sector, civil society and schools in both cities.',
      transferability: 'Fair Trade towns with a product chain linked to their partner can copy the city-product model.',
    },
  },
  {
    key: '004-trustone',
    approach: 'private_sector_cooperation',
    themes: ['public_procurement', 'employment'],
    sdgs: [8, 12, 16],
    partners: [['TruStone (Social and Economic Council of the Netherlands)', 'NL'], ['Flemish government', 'BE']],
    source: VVSG,
    en: {
      title: 'TruStone: local governments commit to responsibly produced natural stone',
      summary: 'Local governments and natural stone companies in Flanders and the Netherlands commit to buying natural stone whose extraction and processing comply with international standards.',
      problem: 'A 2015 documentary revealed child labour, modern slavery, extremely low wages and unsafe working conditions in the supply chain of natural stone bought by Flemish municipalities (India, Zimbabwe, Vietnam).',
      solution: 'The Flemish government, the Dutch government, NGOs and trade unions set up TruStone, based at the Social and Economic Council (SER) of the Netherlands. Members commit to buying from compliant suppliers; suppliers meet time-bound milestones on value-chain transparency (mapping quarries and processors), an action plan and reporting, at the risk of exclusion. The secretariat helps companies set up due diligence and local governments buy sustainable stone.',
      results: 'At the beginning of 2023: 29 local governments in Flanders and 10 in the Netherlands, 34 member companies in the Netherlands and 15 from Flanders.',
      transferability: 'No partner municipality in the Global South is needed: any local government can act through its own procurement policy.',
    },
  },
  {
    key: '004-wevelgem-jinja-bicycle',
    approach: 'private_sector_cooperation',
    themes: ['mobility', 'climate_mitigation', 'public_health', 'employment'],
    sdgs: [3, 11, 13],
    partners: [['Wevelgem', 'BE', 'be-wevelgem'], ['CooP-Uganda', 'UG', 'ug-coop-uganda'], ['Jinja', 'UG', 'ug-jinja'], ['Miras', 'BE'], ['Creo', 'BE']],
    source: VVSG,
    en: {
      title: 'Wevelgem, the bicycle and the South',
      summary: 'Since 2019 Wevelgem (Belgium) works with the non-profit CooP-Uganda in Jinja to promote cycling as sustainable transport in both places, for climate, mobility and health.',
      problem: 'Encouraging the inhabitants of Wevelgem and Jinja to opt for the bicycle.',
      solution: 'With the adult education centres Miras and Creo, used bicycles are collected, repaired and sold; the revenue goes to CooP-Uganda’s bicycle projects. Knowledge exchange between bicycle repairers in Belgium and Uganda. In the Jinja area CooP-Uganda provides affordable bicycles for students, teachers, small entrepreneurs and health workers; bicycle trips for tourists (Bikeventures) fund the projects.',
      results: 'Affordable bicycles for key groups in Jinja; a follow-up project on digital exchange between young people and lobbying for a cycling ecosystem; Wevelgem considers a city-to-city partnership with Jinja.',
      cost: 'Funded partly by the Province of West-Vlaanderen; the project ends in 2023.',
      transferability: 'A themed project can be a stepping stone to a long-term city-to-city partnership.',
    },
  },
  // ---------------------------------------------------------------- international networks
  {
    key: '004-afrifoodlinks',
    approach: 'international_networks',
    themes: ['food_security', 'agriculture', 'gender_equality', 'youth'],
    sdgs: [2, 5, 11, 12, 17],
    partners: [['ICLEI Africa', 'ZA'], ['Bruges', 'BE', 'be-bruges']],
    source: VVSG,
    en: {
      title: 'Towards sustainable food systems with the AfriFOODlinks programme',
      summary: 'The EU-funded AfriFOODlinks programme (from December 2022), coordinated by ICLEI Africa, brings 26 partners together to improve food security and urban sustainability in 65 cities in Africa and Europe.',
      problem: 'Food security and urban sustainability in African and European cities.',
      solution: 'Four strategies: an urban food system lens for shifts to healthy, sustainable food; transforming urban food environments through social engineering experiments; inclusive multi-actor policies that let officials, small businesses and communities co-create their food systems; support for agri-food enterprises run by women and youth. Investment in 5 African Hub Cities; 10 African and 5 European Sharing Cities learn from each other and set up replicable pilots.',
      results: 'Bruges, one of the Sharing Cities, also takes part in the Food Smart Cities for Development project (EU DEAR) and through both took part in a working session of the Milan Urban Food Policy Pact.',
      cost: 'Funded by the European Union; for a municipality mainly staff time for network meetings and travel.',
      transferability: 'Replicable pilot projects shared between hub and sharing cities.',
    },
  },
  // ---------------------------------------------------------------- humanitarian and emergency aid
  {
    key: '004-cities4cities-ukraine',
    approach: 'humanitarian_emergency_aid',
    themes: ['social_cohesion', 'inter_municipal_cooperation'],
    sdgs: [11, 16, 17],
    partners: [['Cities 4 Cities / United 4 Ukraine', null]],
    source: VVSG,
    en: {
      title: 'Cities 4 Cities / United 4 Ukraine',
      summary: 'A platform that supports partnerships between Ukrainian municipalities and local governments abroad that want to provide humanitarian assistance.',
      problem: 'Ukrainian municipalities affected by the Russian invasion need partners; local governments abroad need to know whom to help.',
      solution: 'A database of more than 100 Ukrainian municipalities open to cooperation, each with its location, population, main economic sectors and how it has fared since the invasion. A potential partner sends a request; the platform organises a first contact.',
      results: 'Profiles of more than 100 Ukrainian municipalities open to cooperation.',
      transferability: 'A matchmaking platform for humanitarian partnerships between municipalities.',
    },
  },
  {
    key: '004-duffel-pakistan-floods',
    approach: 'humanitarian_emergency_aid',
    themes: ['flood_risk', 'disaster_risk', 'climate_adaptation'],
    sdgs: [1, 13, 17],
    partners: [['Duffel', 'BE', 'be-duffel'], ['Red Cross', null]],
    source: VVSG,
    en: {
      title: 'Duffel: financial aid for floods in Pakistan',
      summary: 'After the 2022 floods in Pakistan, Duffel (Belgium) transferred 2,250 euros to the Red Cross in Pakistan, under its grant regulations for international solidarity and on the advice of its advisory board.',
      problem: 'In summer 2022 the worst flood in 12 years, a direct result of climate change, affected 33 million Pakistanis and killed thousands.',
      solution: 'The local Red Cross branch asked the board of mayor and aldermen to contribute; under Duffel’s grant regulations for international solidarity (which include emergency aid), the advisory board for international cooperation was consulted.',
      results: '2,250 euros transferred to the Red Cross in Pakistan for shelter and food supplies.',
      cost: '2,250 euros.',
      prerequisites: 'Grant regulations that include emergency aid; an advisory board for international cooperation.',
    },
  },
  // ---------------------------------------------------------------- short-term expertise exchange
  {
    key: '004-vvsg-sdg-partnerships',
    approach: 'short_term_expertise_exchange',
    themes: ['citizen_participation', 'local_economic_development', 'energy', 'employment'],
    sdgs: [16, 8, 10, 7, 17],
    partners: [['VVSG', 'BE', 'be-vvsg'], ['RALGA', 'RW', 'rw-ralga']],
    source: VVSG,
    en: {
      title: "VVSG's project call for SDG partnerships",
      summary: 'From 2023 Flemish local governments can exchange with a partner municipality in Benin or Rwanda on one theme for two years, colleague to colleague, with 35,000 euros per SDG partnership.',
      problem: 'To stimulate mutual learning, a global outlook and internal reflection, and to test a new form of international cooperation.',
      solution: "A call for two-year colleague-to-colleague exchanges: with Rwandan municipalities on citizen participation (SDG 16), with Beninese municipalities on 'local prosperity' (innovation, decent work, inequality, renewable energy). VVSG visited its Rwandan sister association RALGA to launch the citizen participation strand.",
      cost: 'VVSG provides 35,000 euros per SDG partnership, with support of the federal government.',
      results: 'Further coaching and support from VVSG when partners want to continue as a city-to-city partnership.',
      transferability: 'A short exchange as a stepping stone to a long-term partnership.',
    },
  },
  {
    key: '004-vng-ideal',
    approach: 'short_term_expertise_exchange',
    themes: ['citizen_participation', 'public_safety', 'migration', 'local_economic_development', 'water_supply'],
    sdgs: [16, 8, 6, 10],
    partners: [['VNG International', 'NL', 'nl-vng-international']],
    source: VVSG,
    en: {
      title: "VNG International's IDEAL programme: inclusive local policies through international cooperation",
      summary: 'The Inclusive Decision at Local Level (IDEAL) programme facilitates exchange on specific policy themes between Dutch municipalities and local governments in the Global South.',
      problem: 'Strengthening citizen participation in local governance (2017–2022).',
      solution: 'Exchanges between Dutch municipalities and local governments in the Global South on specific policy themes. A new programme launched in January 2022 focuses on security, rule of law, migration, economic development and water management.',
      results: 'A second programme from 2022 building on the first.',
      cost: 'Supported by the Dutch Ministry of Foreign Affairs.',
    },
  },
  {
    key: '004-orient-8',
    approach: 'short_term_expertise_exchange',
    themes: ['integration_of_newcomers', 'digital_government', 'social_inclusion'],
    sdgs: [10, 16, 17],
    partners: [['Mechelen', 'BE', 'be-mechelen'], ['Nikaia-Rentis', 'GR', 'gr-nikaia-rentis'], ['Sala', 'SE', 'se-sala'], ['HIVA-KU Leuven', 'BE', 'be-hiva-ku-leuven'], ['Beyond the Horizon', 'BE']],
    source: VVSG,
    en: {
      title: 'ORIENT-8: orienting newcomers through Smart Mentoring',
      summary: 'A two-year project (2021–2022) of Mechelen, Nikaia-Rentis and Sala with HIVA-KU Leuven and Beyond the Horizon to develop and test a mentoring programme for the integration of newcomers.',
      problem: 'Newcomers need accessible information and personal support in their integration.',
      solution: 'An impactful mentoring programme developed and tested by three cities with a research institute and a non-profit organisation.',
      results: "A digital application that informs newcomers in an accessible, user-friendly way; a digital matching tool connecting newcomers with 'buddies'; a practical guide for setting up a buddy system.",
      cost: 'Funded by the Asylum, Migration and Integration Fund (AMIF).',
      transferability: 'The practical guide helps other cities set up a buddy system.',
    },
  },
  {
    key: '004-integrating-cities-unites',
    approach: 'short_term_expertise_exchange',
    formats: ['virtual_exchange'],
    themes: ['integration_of_newcomers', 'citizen_participation', 'employment', 'gender_equality'],
    sdgs: [10, 5, 8, 16],
    partners: [['Eurocities', 'BE']],
    source: VVSG,
    en: {
      title: 'Integrating Cities – UNITES',
      summary: 'UNITES (Urban Integration Strategies through co-design, 2022–2024), led by Eurocities, gives training, guidance and grants to 8 European cities to develop integration strategies with newcomers.',
      problem: 'Cities need integration strategies developed with newcomers and other actors.',
      solution: 'Training, guidance and grants for 8 cities; a publicly accessible online course (MOOC) for practitioners; a learning network for the participating cities. A follow-up of the CONNECTION project (2020–2022) on social networking, gender, access to the labour market and a one-stop shop for newcomers.',
      results: 'Integration strategies co-designed with newcomers; an open online course.',
      cost: 'Both projects funded by the Asylum, Migration and Integration Fund (AMIF).',
    },
  },
  // ---------------------------------------------------------------- the three CONNECT pilot exchanges (001)
  {
    key: '001-agona-west-almere-sanitation',
    approach: 'short_term_expertise_exchange',
    formats: ['expert_assignment'],
    themes: ['sanitation', 'waste_management', 'public_health'],
    sdgs: [6, 3, 11, 17],
    partners: [['Agona West', 'GH', 'gh-agona-west'], ['Almere', 'NL', 'nl-almere'], ['Zoomlion Ghana', 'GH']],
    source: CONNECT,
    en: {
      title: 'First CONNECTion: Agona West – Almere on environmental health and sanitation',
      summary: 'A five-day knowledge exchange (15–19 May 2017) between the municipality of Agona West (Ghana) and Almere (the Netherlands) on environmental health and sanitation, with all local stakeholders of the field.',
      problem: 'Agona West asked CONNECT for expertise in environmental health and sanitation (pilot phase, November 2016).',
      solution: 'The CONNECT broker searched European expertise and matched Agona West with Almere. All local stakeholders active in environmental health and sanitation were invited to a five-day knowledge exchange.',
      results: '40 participants, including environmental health officers, employees of NGOs and representatives of the local waste collection company (Zoomlion Ghana).',
      prerequisites: 'A validated request; a broker who finds the matching European expertise.',
      transferability: 'Inviting every local stakeholder of a field turns an expert visit into a local learning event.',
    },
    translations: {
      es: {
        title: 'Primera CONNECTion: Agona West – Almere sobre salud ambiental y saneamiento',
        summary: 'Un intercambio de conocimientos de cinco días (15–19 de mayo de 2017) entre el municipio de Agona West (Ghana) y Almere (Países Bajos) sobre salud ambiental y saneamiento, con todos los actores locales del sector.',
        problem: 'Agona West pidió a CONNECT experiencia en salud ambiental y saneamiento (fase piloto, noviembre de 2016).',
        solution: 'El intermediario de CONNECT buscó experiencia europea y puso en contacto a Agona West con Almere. Se invitó a un intercambio de cinco días a todos los actores locales de la salud ambiental y el saneamiento.',
        results: '40 participantes, entre ellos agentes de salud ambiental, personal de ONG y representantes de la empresa local de recogida de residuos (Zoomlion Ghana).',
      },
      fr: {
        title: 'Première CONNECTion : Agona West – Almere sur la santé environnementale et l’assainissement',
        summary: 'Un échange de connaissances de cinq jours (15–19 mai 2017) entre la commune d’Agona West (Ghana) et Almere (Pays-Bas) sur la santé environnementale et l’assainissement, avec tous les acteurs locaux du secteur.',
        results: '40 participants, dont des agents de santé environnementale, des employés d’ONG et des représentants de l’entreprise locale de collecte des déchets (Zoomlion Ghana).',
      },
    },
  },
  {
    key: '001-pursat-sandgerdi-hrm',
    approach: 'short_term_expertise_exchange',
    formats: ['expert_assignment'],
    themes: ['human_resources', 'decentralisation'],
    sdgs: [16, 17],
    partners: [['Pursat', 'KH', 'kh-pursat'], ['Sandgerði', 'IS', 'is-sandgerdi']],
    source: CONNECT,
    en: {
      title: 'Second CONNECTion: Sandgerði – Pursat on human resources management',
      summary: 'The mayor and the HR adviser of Sandgerði (Iceland) spent 8 working days (12–23 June 2017) in Pursat (Cambodia, 397,107 inhabitants) exchanging on personal motivation and personal leadership.',
      problem: 'Pursat needed strengthened capacity of the Pursat Municipal Council in human resources management, especially in the municipal office.',
      solution: "Over 8 working days the two municipalities exchanged knowledge on personal motivation and personal leadership in particular, since the 'hard' aspects of HRM (recruitment, hiring, firing) are the responsibility of the provinces in Cambodia.",
      results: 'Exchange of knowledge between the two municipalities on the aspects of HRM within the municipality’s own competence.',
      prerequisites: 'Knowing which competences the requesting municipality actually holds (here: not recruitment or dismissal).',
      transferability: 'Scoping an exchange to what the local government controls makes it usable.',
    },
  },
  {
    key: '001-angelopolis-tarragona-ecotourism',
    approach: 'short_term_expertise_exchange',
    formats: ['expert_assignment', 'study_visit'],
    themes: ['ecotourism', 'local_economic_development', 'biodiversity_green_spaces', 'strategic_planning'],
    sdgs: [8, 15, 12, 17],
    partners: [['Angelópolis', 'CO', 'co-angelopolis'], ['Tarragona', 'ES', 'es-tarragona']],
    source: CONNECT,
    en: {
      title: 'Third CONNECTion: Angelópolis – Tarragona on ecotourism',
      summary: 'Two experts of Tarragona (Spain) spent a week (21–29 June 2017) in Angelópolis (Colombia), near the El Romeral nature reserve, to exchange knowledge on ecotourism and identify opportunities in the local context.',
      problem: 'The city council of Angelópolis, 35 km from Medellín and close to the El Romeral nature reserve, is committed to a sustainable and responsible ecotourism strategy that brings value to this natural resource and revitalises the local economy.',
      solution: 'A one-week visit of two experts from Tarragona with group discussions, peer-to-peer learning and field visits. Objective: to exchange knowledge and practices on ecotourism and jointly identify the opportunities in the local context.',
      results: "A joint diagnosis of the strengths and challenges of the city council's project; a draft strategic plan for its implementation; strengthened knowledge of both partners on ecotourism and sustainable tourism practices.",
      transferability: 'A short expert visit that ends in a joint diagnosis and a draft strategic plan.',
    },
    translations: {
      es: {
        title: 'Tercera CONNECTion: Angelópolis – Tarragona sobre ecoturismo',
        summary: 'Dos expertos de Tarragona (España) pasaron una semana (21–29 de junio de 2017) en Angelópolis (Colombia), cerca de la reserva natural El Romeral, para intercambiar conocimientos sobre ecoturismo e identificar oportunidades en el contexto local.',
        problem: 'El concejo municipal de Angelópolis, a 35 km de Medellín y muy cerca de la reserva natural El Romeral, se ha comprometido con una estrategia ecoturística sostenible y responsable que valorice este recurso natural y ayude a revitalizar la economía local.',
        solution: 'Una visita de una semana de dos expertos de Tarragona con debates en grupo, aprendizaje entre pares y visitas de campo. Objetivo: intercambiar conocimientos y prácticas de ecoturismo e identificar conjuntamente las oportunidades en el contexto local.',
        results: 'Un diagnóstico conjunto de las fortalezas y los retos del proyecto del concejo; un borrador de plan estratégico para su implementación; mayor conocimiento de ambas partes sobre ecoturismo y prácticas de turismo sostenible.',
        transferability: 'Una breve visita de expertos que termina en un diagnóstico conjunto y un borrador de plan estratégico.',
      },
    },
  },
];
