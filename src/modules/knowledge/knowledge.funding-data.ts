/**
 * The funding programmes the source documents name, as the migration seeds them (issue 13): 004
 * (VVSG 2023) for the Belgian, Flemish, Dutch and EU programmes, 000/001 for CONNECT (PLATFORMA and
 * VNG International, supported by the European Commission), 002/003 for Connective Cities (BMZ,
 * implemented by GIZ with Engagement Global and the German Association of Cities). Only what the
 * sources say: amounts where they name one, no invented deadlines (a permanent call is `rolling`;
 * a municipality's own grant regulation is standing, so `rolling` too), a link only where given.
 * English is the sources' language; the other four are translations (marked as such).
 */
import type { FundingDeadlineKind } from '../../db/schema/knowledge.ts';

type T5 = Record<'en' | 'fr' | 'es' | 'pt' | 'ar', [name: string, description: string]>;
export type FundingSeed = {
  code: string;
  funder: string;
  approaches: string[];
  themes: string[];
  countries: string[];
  regions: string[];
  kinds: string[];
  amountMin: number | null;
  amountMax: number | null;
  cofinancing: number | null;
  needsPartner: boolean;
  deadline: FundingDeadlineKind;
  link: string | null;
  texts: T5;
};

const f = (code: string, funder: string, o: Partial<Omit<FundingSeed, 'code' | 'funder' | 'texts'>>, texts: T5): FundingSeed => ({
  code,
  funder,
  approaches: [],
  themes: [],
  countries: [],
  regions: [],
  kinds: [],
  amountMin: null,
  amountMax: null,
  cofinancing: null,
  needsPartner: false,
  deadline: 'none',
  link: null,
  ...o,
  texts,
});

export const FUNDING_SEED: readonly FundingSeed[] = [
  f('psc', 'European Union', { approaches: ['city_to_city_partnership'], needsPartner: true, kinds: ['municipality', 'region'] }, {
    en: ['Partnerships for Sustainable Cities', 'European programme that awarded a grant to the Future Proof Banjul project of Ostend and Banjul in 2018.'],
    fr: ['Partnerships for Sustainable Cities', "Programme européen qui a accordé en 2018 une subvention au projet Future Proof Banjul d'Ostende et de Banjul."],
    es: ['Partnerships for Sustainable Cities', 'Programa europeo que concedió en 2018 una subvención al proyecto Future Proof Banjul de Ostende y Banjul.'],
    pt: ['Partnerships for Sustainable Cities', 'Programa europeu que concedeu em 2018 um subsídio ao projeto Future Proof Banjul de Ostende e Banjul.'],
    ar: ['Partnerships for Sustainable Cities', 'برنامج أوروبي منح في 2018 منحة لمشروع Future Proof Banjul لأوستند وبانجول.'],
  }),
  f('federal', 'Federal government of Belgium, through VVSG', { approaches: ['city_to_city_partnership'], themes: ['waste_management'], countries: ['BE'], kinds: ['municipality'], amountMin: 30_000, amountMax: 40_000, needsPartner: true }, {
    en: ['Federal grants for city-to-city partnerships (VVSG federal programmes)', 'Grants for city-to-city partnerships, e.g. VVSG’s federal Senegal programme 2022–2026 that strengthens local governments and inter-municipal waste policy (30,000 to 40,000 euros a year for KeMoPoDi, supplemented by the municipalities).'],
    fr: ['Subventions fédérales pour les partenariats de ville à ville (programmes fédéraux de la VVSG)', "Subventions pour les partenariats de ville à ville, par exemple le programme fédéral Sénégal 2022–2026 de la VVSG, qui renforce les collectivités locales et la politique intercommunale des déchets (30 000 à 40 000 euros par an pour KeMoPoDi, complétés par les communes)."],
    es: ['Subvenciones federales para asociaciones de ciudad a ciudad (programas federales de la VVSG)', 'Subvenciones para asociaciones de ciudad a ciudad, p. ej. el programa federal Senegal 2022–2026 de la VVSG, que fortalece a los gobiernos locales y la política intermunicipal de residuos (30.000 a 40.000 euros al año para KeMoPoDi, completados por los municipios).'],
    pt: ['Subsídios federais para parcerias entre cidades (programas federais da VVSG)', 'Subsídios para parcerias entre cidades, por exemplo o programa federal Senegal 2022–2026 da VVSG, que reforça as autarquias e a política intermunicipal de resíduos (30 000 a 40 000 euros por ano para a KeMoPoDi, complementados pelos municípios).'],
    ar: ['منح اتحادية للشراكات بين المدن (البرامج الاتحادية لـ VVSG)', 'منح للشراكات بين المدن، مثل البرنامج الاتحادي للسنغال 2022–2026 لدى VVSG الذي يعزز الجماعات المحلية والسياسة المشتركة بين البلديات للنفايات (من 30,000 إلى 40,000 يورو سنوياً لـ KeMoPoDi، تكملها البلديات).'],
  }),
  f('provincial', 'Flemish provinces (e.g. West-Vlaanderen)', { approaches: ['city_to_city_partnership', 'private_sector_cooperation'], countries: ['BE'], kinds: ['municipality'] }, {
    en: ['Provincial grants', 'Provinces co-fund partnerships and projects, such as KeMoPoDi and Wevelgem, the bicycle and the South.'],
    fr: ['Subventions provinciales', 'Les provinces cofinancent des partenariats et des projets, comme KeMoPoDi et « Wevelgem, le vélo et le Sud ».'],
    es: ['Subvenciones provinciales', 'Las provincias cofinancian asociaciones y proyectos, como KeMoPoDi y «Wevelgem, la bicicleta y el Sur».'],
    pt: ['Subsídios provinciais', 'As províncias cofinanciam parcerias e projetos, como a KeMoPoDi e «Wevelgem, a bicicleta e o Sul».'],
    ar: ['منح إقليمية', 'تشارك الأقاليم في تمويل الشراكات والمشاريع، مثل KeMoPoDi و«فيفلخم والدراجة والجنوب».'],
  }),
  f('municipal', 'Local governments', { approaches: ['twinning', 'international_youth_work', 'indirect_cooperation', 'humanitarian_emergency_aid'], kinds: ['ngo', 'other'], deadline: 'rolling' }, {
    en: ['Municipal grant regulations', 'Grants for twinning exchanges of associations, international youth initiatives, indirect cooperation projects and emergency aid, under the municipality’s own regulations (a few thousand to several tens of thousands of euros a year).'],
    fr: ['Règlements communaux de subvention', "Subventions pour les échanges de jumelage des associations, les initiatives internationales de jeunes, les projets de coopération indirecte et l'aide d'urgence, selon le règlement propre de la commune (de quelques milliers à plusieurs dizaines de milliers d'euros par an)."],
    es: ['Reglamentos municipales de subvenciones', 'Subvenciones para intercambios de hermanamiento de asociaciones, iniciativas juveniles internacionales, proyectos de cooperación indirecta y ayuda de emergencia, según el reglamento propio del municipio (de unos miles a varias decenas de miles de euros al año).'],
    pt: ['Regulamentos municipais de subsídios', 'Subsídios para intercâmbios de geminação de associações, iniciativas internacionais de jovens, projetos de cooperação indireta e ajuda de emergência, segundo o regulamento próprio do município (de alguns milhares a várias dezenas de milhares de euros por ano).'],
    ar: ['الأنظمة البلدية للمنح', 'منح لتبادلات التوأمة التي تنظمها الجمعيات، ومبادرات الشباب الدولية، ومشاريع التعاون غير المباشر، والمساعدات الطارئة، وفق النظام الخاص بالبلدية (من بضعة آلاف إلى عشرات الآلاف من اليوروهات سنوياً).'],
  }),
  f('ecTwinning', 'European Commission', { approaches: ['twinning'], regions: ['europe'], kinds: ['municipality'], needsPartner: true }, {
    en: ['European Commission grants for twinning', 'Limited grant opportunities for twinning activities.'],
    fr: ['Subventions de la Commission européenne pour le jumelage', 'Possibilités de subvention limitées pour des activités de jumelage.'],
    es: ['Subvenciones de la Comisión Europea para el hermanamiento', 'Posibilidades de subvención limitadas para actividades de hermanamiento.'],
    pt: ['Subsídios da Comissão Europeia para a geminação', 'Oportunidades de subsídio limitadas para atividades de geminação.'],
    ar: ['منح المفوضية الأوروبية للتوأمة', 'فرص منح محدودة لأنشطة التوأمة.'],
  }),
  f('youth', 'Flemish youth organisations', { approaches: ['international_youth_work'], themes: ['youth'], countries: ['BE'] }, {
    en: ['JINT and Bataljong', 'Partners of municipal youth departments for working out grant applications for international youth projects.'],
    fr: ['JINT et Bataljong', 'Partenaires des services communaux de la jeunesse pour élaborer les demandes de subvention de projets internationaux de jeunes.'],
    es: ['JINT y Bataljong', 'Socios de los departamentos municipales de juventud para preparar solicitudes de subvención de proyectos juveniles internacionales.'],
    pt: ['JINT e Bataljong', 'Parceiros dos serviços municipais de juventude para preparar candidaturas a subsídios de projetos internacionais de jovens.'],
    ar: ['JINT وBataljong', 'شريكان لمصالح الشباب البلدية في إعداد طلبات المنح لمشاريع الشباب الدولية.'],
  }),
  f('iuc', 'European Union', { approaches: ['private_sector_cooperation'], themes: ['urban_planning'] }, {
    en: ['International Urban Cooperation (IUC)', 'Helps cities establish contacts and share solutions to common problems, as part of a long-term EU strategy for sustainable urban development with the public and private sector.'],
    fr: ['International Urban Cooperation (IUC)', "Aide les villes à nouer des contacts et à partager des solutions à des problèmes communs, dans une stratégie de long terme de l'UE pour le développement urbain durable avec les secteurs public et privé."],
    es: ['International Urban Cooperation (IUC)', 'Ayuda a las ciudades a establecer contactos y compartir soluciones a problemas comunes, dentro de una estrategia a largo plazo de la UE para el desarrollo urbano sostenible con el sector público y el privado.'],
    pt: ['International Urban Cooperation (IUC)', 'Ajuda as cidades a estabelecer contactos e partilhar soluções para problemas comuns, numa estratégia de longo prazo da UE para o desenvolvimento urbano sustentável com os setores público e privado.'],
    ar: ['International Urban Cooperation (IUC)', 'يساعد المدن على إقامة الصلات وتبادل الحلول للمشكلات المشتركة، ضمن استراتيجية أوروبية طويلة الأمد للتنمية الحضرية المستدامة مع القطاعين العام والخاص.'],
  }),
  f('gstic', 'Flemish government (since 2021)', { approaches: ['private_sector_cooperation'], themes: ['climate_adaptation', 'climate_mitigation'] }, {
    en: ['G-STIC Climate Action Programme', 'Financial support for climate change adaptation and mitigation projects in the Global South; several projects of the first call involved local governments.'],
    fr: ['Programme d’action climatique G-STIC', "Soutien financier à des projets d'adaptation au changement climatique et d'atténuation dans le Sud global ; plusieurs projets du premier appel associaient des collectivités locales."],
    es: ['Programa de Acción Climática G-STIC', 'Apoyo financiero a proyectos de adaptación al cambio climático y de mitigación en el Sur global; varios proyectos de la primera convocatoria implicaban a gobiernos locales.'],
    pt: ['Programa de Ação Climática G-STIC', 'Apoio financeiro a projetos de adaptação às alterações climáticas e de mitigação no Sul global; vários projetos do primeiro concurso envolveram autarquias.'],
    ar: ['برنامج G-STIC للعمل المناخي', 'دعم مالي لمشاريع التكيف مع تغير المناخ والتخفيف منه في الجنوب العالمي؛ وقد أشركت عدة مشاريع من الدعوة الأولى جماعات محلية.'],
  }),
  f('kbf', 'King Baudouin Foundation', { approaches: ['private_sector_cooperation'], kinds: ['company'], deadline: 'rolling' }, {
    en: ['King Baudouin Foundation – Enterprises for SDGs', 'Permanent call with grants for projects by companies that contribute to the SDGs in the Global South.'],
    fr: ['Fondation Roi Baudouin – Entreprises pour les ODD', 'Appel permanent avec des subventions pour des projets d’entreprises qui contribuent aux ODD dans le Sud global.'],
    es: ['Fundación Rey Balduino – Empresas por los ODS', 'Convocatoria permanente con subvenciones para proyectos de empresas que contribuyen a los ODS en el Sur global.'],
    pt: ['Fundação Rei Balduíno – Empresas pelos ODS', 'Concurso permanente com subsídios para projetos de empresas que contribuem para os ODS no Sul global.'],
    ar: ['مؤسسة الملك بودوان – مؤسسات من أجل أهداف التنمية المستدامة', 'دعوة دائمة بمنح لمشاريع الشركات التي تساهم في أهداف التنمية المستدامة في الجنوب العالمي.'],
  }),
  f('afrifoodlinks', 'European Union (coordinated by ICLEI Africa)', { approaches: ['international_networks'], themes: ['food_security'], regions: ['ssa', 'europe'] }, {
    en: ['AfriFOODlinks', 'Consortium programme on urban food systems in 65 African and European cities.'],
    fr: ['AfriFOODlinks', 'Programme en consortium sur les systèmes alimentaires urbains dans 65 villes africaines et européennes.'],
    es: ['AfriFOODlinks', 'Programa en consorcio sobre sistemas alimentarios urbanos en 65 ciudades africanas y europeas.'],
    pt: ['AfriFOODlinks', 'Programa em consórcio sobre sistemas alimentares urbanos em 65 cidades africanas e europeias.'],
    ar: ['AfriFOODlinks', 'برنامج اتحادي حول النظم الغذائية الحضرية في 65 مدينة أفريقية وأوروبية.'],
  }),
  f('dear', 'European Union', { approaches: ['international_networks'] }, {
    en: ['Development Education and Awareness Raising (DEAR)', 'Supports projects in which civil society organisations and local governments collaborate to promote global citizenship, e.g. Food Smart Cities for Development.'],
    fr: ['Development Education and Awareness Raising (DEAR)', 'Soutient des projets où organisations de la société civile et collectivités locales collaborent pour promouvoir la citoyenneté mondiale, par exemple Food Smart Cities for Development.'],
    es: ['Development Education and Awareness Raising (DEAR)', 'Apoya proyectos en los que organizaciones de la sociedad civil y gobiernos locales colaboran para promover la ciudadanía global, p. ej. Food Smart Cities for Development.'],
    pt: ['Development Education and Awareness Raising (DEAR)', 'Apoia projetos em que organizações da sociedade civil e autarquias colaboram para promover a cidadania global, por exemplo Food Smart Cities for Development.'],
    ar: ['Development Education and Awareness Raising (DEAR)', 'يدعم مشاريع تتعاون فيها منظمات المجتمع المدني والجماعات المحلية لتعزيز المواطنة العالمية، مثل Food Smart Cities for Development.'],
  }),
  f('inclucities', 'European Union', { approaches: ['international_networks'], themes: ['integration_of_newcomers'] }, {
    en: ['Inclucities network', 'Exchange of expertise and best practices on the integration of newcomers between local governments.'],
    fr: ['Réseau Inclucities', "Échange d'expertise et de bonnes pratiques sur l'intégration des nouveaux arrivants entre collectivités locales."],
    es: ['Red Inclucities', 'Intercambio de conocimientos y buenas prácticas sobre la integración de recién llegados entre gobiernos locales.'],
    pt: ['Rede Inclucities', 'Intercâmbio de conhecimentos e boas práticas sobre a integração de recém-chegados entre autarquias.'],
    ar: ['شبكة Inclucities', 'تبادل الخبرات والممارسات الجيدة حول إدماج الوافدين الجدد بين الجماعات المحلية.'],
  }),
  f('consortium1212', 'Belgian humanitarian NGOs', { approaches: ['humanitarian_emergency_aid'], countries: ['BE'] }, {
    en: ['Consortium 12-12 appeals', 'Requests for humanitarian or emergency aid that usually start the municipal procedure, advised by the advisory board.'],
    fr: ['Appels du Consortium 12-12', "Demandes d'aide humanitaire ou d'urgence qui lancent en général la procédure communale, sur avis du conseil consultatif."],
    es: ['Llamamientos del Consorcio 12-12', 'Solicitudes de ayuda humanitaria o de emergencia que suelen iniciar el procedimiento municipal, con el dictamen del consejo asesor.'],
    pt: ['Apelos do Consórcio 12-12', 'Pedidos de ajuda humanitária ou de emergência que geralmente iniciam o procedimento municipal, com parecer do conselho consultivo.'],
    ar: ['نداءات اتحاد 12-12', 'طلبات مساعدة إنسانية أو طارئة تطلق عادةً الإجراء البلدي، بعد رأي المجلس الاستشاري.'],
  }),
  f('sdgPartnerships', 'VVSG with the federal government of Belgium', { approaches: ['short_term_expertise_exchange'], themes: ['citizen_participation'], countries: ['BE', 'BJ', 'RW'], kinds: ['municipality'], amountMax: 35_000, needsPartner: true }, {
    en: ['VVSG SDG partnerships', 'Two-year colleague-to-colleague exchanges of a Flemish local government with a municipality in Benin or Rwanda (from 2023); 35,000 euros per SDG partnership.'],
    fr: ['Partenariats ODD de la VVSG', "Échanges de collègue à collègue de deux ans entre une collectivité flamande et une commune du Bénin ou du Rwanda (depuis 2023) ; 35 000 euros par partenariat ODD."],
    es: ['Asociaciones ODS de la VVSG', 'Intercambios de colega a colega de dos años de un gobierno local flamenco con un municipio de Benín o Ruanda (desde 2023); 35.000 euros por asociación ODS.'],
    pt: ['Parcerias ODS da VVSG', 'Intercâmbios de colega para colega de dois anos entre uma autarquia flamenga e um município do Benim ou do Ruanda (desde 2023); 35 000 euros por parceria ODS.'],
    ar: ['شراكات أهداف التنمية المستدامة لدى VVSG', 'تبادلات بين الزملاء لمدة سنتين بين جماعة محلية فلمنكية وبلدية في بنين أو رواندا (منذ 2023)؛ 35,000 يورو لكل شراكة.'],
  }),
  f('amif', 'European Union', { approaches: ['short_term_expertise_exchange'], themes: ['integration_of_newcomers', 'migration'], regions: ['europe'] }, {
    en: ['Asylum, Migration and Integration Fund (AMIF)', 'Funded ORIENT-8, CONNECTION and UNITES on the integration of newcomers.'],
    fr: ["Fonds Asile, migration et intégration (AMIF)", "A financé ORIENT-8, CONNECTION et UNITES sur l'intégration des nouveaux arrivants."],
    es: ['Fondo de Asilo, Migración e Integración (AMIF)', 'Financió ORIENT-8, CONNECTION y UNITES sobre la integración de recién llegados.'],
    pt: ['Fundo para o Asilo, a Migração e a Integração (AMIF)', 'Financiou ORIENT-8, CONNECTION e UNITES sobre a integração de recém-chegados.'],
    ar: ['صندوق اللجوء والهجرة والإدماج (AMIF)', 'موّل ORIENT-8 وCONNECTION وUNITES حول إدماج الوافدين الجدد.'],
  }),
  f('taiex', 'European Commission', { approaches: ['short_term_expertise_exchange'] }, {
    en: ['TAIEX (Technical Assistance and Information Exchange)', 'Instrument for short-term technical assistance and exchange of information.'],
    fr: ['TAIEX (assistance technique et échange d’informations)', "Instrument d'assistance technique de courte durée et d'échange d'informations."],
    es: ['TAIEX (asistencia técnica e intercambio de información)', 'Instrumento de asistencia técnica a corto plazo e intercambio de información.'],
    pt: ['TAIEX (assistência técnica e intercâmbio de informações)', 'Instrumento de assistência técnica de curto prazo e intercâmbio de informações.'],
    ar: ['TAIEX (المساعدة التقنية وتبادل المعلومات)', 'أداة للمساعدة التقنية قصيرة الأمد وتبادل المعلومات.'],
  }),
  f('ideal', 'Dutch Ministry of Foreign Affairs, through VNG International', { approaches: ['short_term_expertise_exchange'], countries: ['NL'], kinds: ['municipality'], needsPartner: true }, {
    en: ['IDEAL (Inclusive Decision at Local Level)', 'Exchanges between Dutch municipalities and local governments in the Global South (2017–2022; new programme from 2022).'],
    fr: ['IDEAL (Inclusive Decision at Local Level)', 'Échanges entre communes néerlandaises et collectivités locales du Sud global (2017–2022 ; nouveau programme depuis 2022).'],
    es: ['IDEAL (Inclusive Decision at Local Level)', 'Intercambios entre municipios neerlandeses y gobiernos locales del Sur global (2017–2022; nuevo programa desde 2022).'],
    pt: ['IDEAL (Inclusive Decision at Local Level)', 'Intercâmbios entre municípios neerlandeses e autarquias do Sul global (2017–2022; novo programa desde 2022).'],
    ar: ['IDEAL (Inclusive Decision at Local Level)', 'تبادلات بين بلديات هولندية وجماعات محلية في الجنوب العالمي (2017–2022؛ برنامج جديد منذ 2022).'],
  }),
  f('connect', 'PLATFORMA and VNG International, supported by the European Commission', { approaches: ['short_term_expertise_exchange'], kinds: ['municipality', 'region'], link: 'https://www.platforma-dev.eu' }, {
    en: ['CONNECT', 'Colleague-to-colleague exchanges (expert assignments, temporary work placements, roundtable meetings, study visits): local and regional governments of EU partner countries apply with a local challenge, European local and regional governments with an application form and CV, on the calls currently open.'],
    fr: ['CONNECT', "Échanges de collègue à collègue (missions d'experts, détachements temporaires, tables rondes, visites d'étude) : les collectivités locales et régionales des pays partenaires de l'UE posent leur candidature avec un défi local, les collectivités européennes avec un formulaire et un CV, sur les appels ouverts."],
    es: ['CONNECT', 'Intercambios de colega a colega (misiones de expertos, estancias de trabajo temporales, mesas redondas, visitas de estudio): los gobiernos locales y regionales de países socios de la UE solicitan con un reto local, los europeos con un formulario y un CV, en las convocatorias abiertas.'],
    pt: ['CONNECT', 'Intercâmbios de colega para colega (missões de peritos, estágios de trabalho temporários, mesas-redondas, visitas de estudo): as autarquias locais e regionais de países parceiros da UE candidatam-se com um desafio local, as europeias com um formulário e um CV, nos concursos abertos.'],
    ar: ['CONNECT', 'تبادلات بين الزملاء (مهام خبراء، إلحاق مؤقت بالعمل، اجتماعات مائدة مستديرة، زيارات دراسية): تتقدم الجماعات المحلية والجهوية في البلدان الشريكة للاتحاد الأوروبي بتحدٍّ محلي، والجماعات الأوروبية باستمارة وسيرة ذاتية، ضمن الدعوات المفتوحة.'],
  }),
  f('connectiveCities', 'German Federal Ministry for Economic Cooperation and Development (BMZ), implemented by GIZ with Engagement Global (SKEW) and the German Association of Cities (DST)', { approaches: ['international_networks', 'short_term_expertise_exchange'], regions: ['mena', 'see', 'ssa'], countries: ['DE'], kinds: ['municipality', 'region'] }, {
    en: ['Connective Cities', 'Community of practice of urban practitioners for sustainable urban development: peer-to-peer consultation, regional networks in MENA, Southeast Europe and Sub-Saharan Africa, and access to joint projects; financed by the BMZ.'],
    fr: ['Connective Cities', "Communauté de pratique de praticiens urbains pour le développement urbain durable : conseil entre pairs, réseaux régionaux en MENA, en Europe du Sud-Est et en Afrique subsaharienne, et accès à des projets communs ; financée par le BMZ."],
    es: ['Connective Cities', 'Comunidad de práctica de profesionales urbanos para el desarrollo urbano sostenible: consulta entre pares, redes regionales en MENA, Europa sudoriental y África subsahariana, y acceso a proyectos conjuntos; financiada por el BMZ.'],
    pt: ['Connective Cities', 'Comunidade de prática de profissionais urbanos para o desenvolvimento urbano sustentável: consulta entre pares, redes regionais no MENA, Sudeste da Europa e África Subsariana, e acesso a projetos conjuntos; financiada pelo BMZ.'],
    ar: ['Connective Cities', 'مجتمع ممارسة لممارسي الشأن الحضري من أجل التنمية الحضرية المستدامة: استشارة بين الأقران، وشبكات إقليمية في الشرق الأوسط وشمال أفريقيا وجنوب شرق أوروبا وأفريقيا جنوب الصحراء، والوصول إلى مشاريع مشتركة؛ بتمويل من BMZ.'],
  }),
];
