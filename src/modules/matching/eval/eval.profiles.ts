/**
 * The profiles of the matching evaluation: the right partners of the
 * labelled requests, written by hand as peers describe themselves (several
 * offers each, not a copy of the request), and several hundred other
 * profiles generated deterministically from templates. The generated ones
 * work on the same themes as the requests but on neighbouring problems
 * (a wastewater plant next to a faecal-sludge request, a tourism office next
 * to an ecotourism one), so that a ranking has to tell them apart.
 */
import type { MatchProfile } from '../matching.types.ts';

type Lang = 'en' | 'fr' | 'es' | 'pt';

/** The right partners of `EVAL_REQUESTS`, hand-written. */
export const PARTNER_PROFILES: readonly MatchProfile[] = [
  { type: 'organisation', id: 'gb-kirklees', name: 'Kirklees Council', country: 'GB', languages: ['en'], population: 430000,
    offers: 'Our environmental health team licenses and supervises private desludging operators, runs a fleet of vacuum tankers and operates a septage reception and sludge treatment site. We also advise on building regulations.' },
  { type: 'person', id: 'p-hannah-okoro', name: 'Hannah Okoro', organisation: 'gb-kirklees', languages: ['en'], position: 'Sanitation engineer',
    expertise: 'Design of small faecal sludge treatment plants (drying beds, co-composting), scheduled pit emptying and tariffs for emptying services.' },
  { type: 'organisation', id: 'bf-koudougou', name: 'Commune de Koudougou', country: 'BF', languages: ['fr'], population: 160000,
    offers: "Organisation de la pré-collecte des déchets ménagers par des groupements de jeunes et de femmes équipés de charrettes à traction asine, avec des points de regroupement et des contrats avec la mairie. Nous partageons aussi notre expérience d'état civil." },
  { type: 'organisation', id: 'gb-wakefield', name: 'Wakefield Council', country: 'GB', languages: ['en'], population: 350000,
    offers: 'Closure and capping of old municipal dumpsites, landfill gas collection and flaring, and the design and operation of an engineered sanitary landfill with lined cells and leachate treatment.' },
  { type: 'organisation', id: 'br-londrina', name: 'Prefeitura de Londrina', country: 'BR', languages: ['pt'], population: 580000,
    offers: 'Programa de coleta seletiva porta a porta operado por cooperativas de catadores contratadas e remuneradas pela prefeitura, com galpões de triagem e formação das cooperativas.' },
  { type: 'person', id: 'p-marcia-lopes', name: 'Márcia Lopes', organisation: 'br-londrina', languages: ['pt', 'es'], position: 'Coordenadora de resíduos sólidos',
    expertise: 'Inclusão de catadores e contratos de prestação de serviço com cooperativas de reciclagem.' },
  { type: 'organisation', id: 'fr-rennes', name: 'Rennes Métropole', country: 'FR', languages: ['fr', 'en'], population: 460000,
    offers: "Compostage des biodéchets des marchés et de la restauration collective sur une plateforme de compostage municipale ; vente du compost aux maraîchers. Nous accompagnons aussi les jardins partagés." },
  { type: 'organisation', id: 'gb-severn-water', name: 'Severn Water Partnership', kind: 'company', country: 'GB', languages: ['en'],
    offers: 'Non-revenue water reduction for public water utilities: district metered areas, acoustic leak detection, meter replacement and tackling illegal connections.' },
  { type: 'person', id: 'p-ian-marsh', name: 'Ian Marsh', organisation: 'gb-severn-water', languages: ['en', 'fr'], position: 'Water engineer',
    expertise: 'Leakage management and pressure management in water distribution networks; training utility crews in leak detection.' },
  { type: 'organisation', id: 'pe-cajamarca', name: 'Municipalidad Provincial de Cajamarca', country: 'PE', languages: ['es'], population: 220000,
    offers: 'Acompañamos a las Juntas Administradoras de Servicios de Saneamiento (JASS) en comunidades rurales: cloración del agua, cuotas familiares y mantenimiento de los sistemas de agua potable.' },
  { type: 'organisation', id: 'nl-zwolle', name: 'Gemeente Zwolle', country: 'NL', languages: ['nl', 'en'], population: 130000,
    offers: 'Climate-proofing the city against cloudbursts: water squares, infiltration crates, permeable paving and rainwater retention in parks. We work with residents to disconnect roofs from the sewer.' },
  { type: 'organisation', id: 'fr-nimes', name: 'Nîmes Métropole', country: 'FR', languages: ['fr'], population: 260000,
    offers: "Après les crues éclair de 1988, Nîmes a construit un système de prévision et d'alerte aux crues : pluviomètres et capteurs de niveau sur les cadereaux, alerte des habitants par SMS, exercices d'évacuation et culture du risque dans les écoles." },
  { type: 'organisation', id: 'es-valladolid', name: 'Ayuntamiento de Valladolid', country: 'ES', languages: ['es'], population: 300000,
    offers: 'Registro civil: comunicación electrónica de los nacimientos desde los hospitales y maternidades al registro, sin desplazamiento de los padres, e inscripción inmediata del recién nacido.' },
  { type: 'organisation', id: 'pt-braga', name: 'Câmara Municipal de Braga', country: 'PT', languages: ['pt'], population: 190000,
    offers: 'Digitalização de arquivos municipais e do registo civil, desmaterialização de certidões e serviços online para cidadãos.' },
  { type: 'person', id: 'p-sarah-whitfield', name: 'Sarah Whitfield', country: 'GB', languages: ['en'], position: 'Superintendent registrar',
    expertise: 'Registration of births, deaths and marriages; late registration procedures and verification of supporting documents; mobile registration campaigns.' },
  { type: 'organisation', id: 'be-namur', name: 'Ville de Namur', country: 'BE', languages: ['fr'], population: 110000,
    offers: "Gestion des ressources humaines communales : descriptions de fonction, entretiens annuels d'évaluation, plan de formation des agents et gestion des compétences." },
  { type: 'organisation', id: 'se-orebro', name: 'Örebro kommun', country: 'SE', languages: ['sv', 'en'], population: 160000,
    offers: 'Merit-based recruitment and a professional municipal civil service: competency frameworks, open competitions, onboarding and continuous training of staff.' },
  { type: 'person', id: 'p-karin-lind', name: 'Karin Lind', organisation: 'se-orebro', languages: ['en', 'sv'], position: 'Head of human resources',
    expertise: 'Recruitment procedures, career paths for civil servants and leadership training.' },
  { type: 'organisation', id: 'gb-leicester', name: 'Leicester City Council', country: 'GB', languages: ['en'], population: 370000,
    offers: 'Payroll and HR data integrity: staff verification exercises, removing ghost workers, linking the HR establishment list to payroll and internal audit controls.' },
  { type: 'organisation', id: 'co-manizales', name: 'Alcaldía de Manizales', country: 'CO', languages: ['es'], population: 450000,
    offers: 'Actualización catastral multipropósito con drones y fotografía aérea, y aumento del recaudo del impuesto predial con facturación electrónica.' },
  { type: 'organisation', id: 'gb-tax-partners', name: 'Local Revenue Partners', kind: 'knowledge_institution', country: 'GB', languages: ['en'],
    offers: 'Own-source revenue mobilisation for councils: taxpayer registers, property tax reform, business licence simplification and mobile money payments.' },
  { type: 'person', id: 'p-olga-navarro', name: 'Olga Navarro', country: 'ES', languages: ['es', 'en'], position: 'Jefa de contratación',
    expertise: 'Contratación pública electrónica: plataforma de licitaciones, pliegos tipo y publicación de contratos en datos abiertos.' },
  { type: 'organisation', id: 'es-cuenca', name: 'Ayuntamiento de Cuenca', country: 'ES', languages: ['es', 'fr'], population: 54000,
    offers: 'Ciudad Patrimonio de la Humanidad: plan estratégico de turismo para aumentar la estancia media, rutas por el casco antiguo, oficina de turismo y regulación de las viviendas turísticas.' },
  { type: 'organisation', id: 'pt-castro-verde', name: 'Câmara Municipal de Castro Verde', country: 'PT', languages: ['pt'], population: 7000,
    offers: 'Turismo de natureza na estepe cerealífera: observação de aves, percursos pedestres, centro de interpretação e formação de guias locais.' },
  { type: 'organisation', id: 'br-olinda', name: 'Prefeitura de Olinda', country: 'BR', languages: ['pt'], population: 390000,
    offers: 'Conservação do sítio histórico tombado: recuperação de casarões, habitação no centro histórico e turismo cultural com a comunidade.' },
  { type: 'organisation', id: 'ie-galway', name: 'Galway City Council', country: 'IE', languages: ['en'], population: 85000,
    offers: 'Enterprise support: a municipal startup hub with hot desks, mentoring by local business owners and seed funding for first-time entrepreneurs.' },
  { type: 'organisation', id: 'ml-segou', name: 'Commune de Ségou', country: 'ML', languages: ['fr'], population: 130000,
    offers: "Gestion concertée des marchés avec les associations de commerçants : comité de gestion, recouvrement des taxes de marché, entretien et sécurité." },
  { type: 'organisation', id: 'es-jaen', name: 'Diputación de Jaén', kind: 'region', country: 'ES', languages: ['es'], population: 620000,
    offers: 'Apoyo a cooperativas agrarias del olivar: transformación, comercialización conjunta y denominación de origen; promoción del empleo rural.' },
  { type: 'person', id: 'p-luis-ferreira', name: 'Luís Ferreira', country: 'BR', languages: ['pt'], position: 'Gerente de comércio informal',
    expertise: 'Ordenamento do comércio ambulante: cadastro de camelôs, licenças, shoppings populares e mediação com a fiscalização.' },
  { type: 'organisation', id: 'br-porto-alegre', name: 'Prefeitura de Porto Alegre', country: 'BR', languages: ['pt', 'es'], population: 1300000,
    offers: 'Pioneiros do orçamento participativo desde 1989: assembleias regionais, conselho do orçamento e votação das prioridades de investimento pelos moradores.' },
  { type: 'organisation', id: 'fr-grenoble', name: 'Ville de Grenoble', country: 'FR', languages: ['fr'], population: 160000,
    offers: "Démocratie locale : budget participatif annuel, conseils citoyens indépendants et unions de quartier associées aux projets." },
  { type: 'organisation', id: 'ee-tartu', name: 'Tartu City Government', country: 'EE', languages: ['et', 'en'], population: 97000,
    offers: 'E-government: online municipal services, electronic identity and digital signatures, a single portal for permits and payments.' },
  { type: 'organisation', id: 'sn-saint-louis', name: 'Ville de Saint-Louis', country: 'SN', languages: ['fr'], population: 250000,
    offers: "Adressage des rues et numérotation des portes, base de données SIG de la ville et utilisation de l'adressage pour le recensement fiscal." },
  { type: 'organisation', id: 'pt-guimaraes', name: 'Câmara Municipal de Guimarães', country: 'PT', languages: ['pt'], population: 150000,
    offers: 'Revisão do plano diretor municipal, regulamento de zonamento e licenciamento urbanístico simplificado.' },
  { type: 'organisation', id: 'br-recife', name: 'Prefeitura do Recife', country: 'BR', languages: ['pt'], population: 1500000,
    offers: 'Urbanização de favelas e palafitas com participação dos moradores: drenagem, vielas, abastecimento de água e regularização fundiária.' },
  { type: 'person', id: 'p-joana-silva', name: 'Joana Silva', organisation: 'br-recife', languages: ['pt', 'en'], position: 'Urbanista',
    expertise: 'Regularização fundiária e requalificação de assentamentos informais sem remoções.' },
  { type: 'organisation', id: 'bj-porto-novo-ic', name: 'Communauté de communes de l’Ouémé', kind: 'association', country: 'BJ', languages: ['fr'],
    offers: "Intercommunalité : services techniques mutualisés entre communes, ingénieurs partagés et gestion intercommunale des déchets." },
  { type: 'organisation', id: 'gb-nottingham', name: 'Nottingham City Council', country: 'GB', languages: ['en'], population: 330000,
    offers: 'Bus network redesign with operators, a central bus station, integrated ticketing and regulation of minibus and taxi operators.' },
  { type: 'organisation', id: 'co-bogota-ciclo', name: 'Secretaría de Movilidad de Bogotá', country: 'CO', languages: ['es'], population: 7900000,
    offers: 'Más de 500 km de ciclorrutas, ciclovía dominical y sistema de bicicletas compartidas.' },
  { type: 'organisation', id: 'gb-manchester-trees', name: 'Greater Manchester Combined Authority', kind: 'region', country: 'GB', languages: ['en'], population: 2800000,
    offers: 'Urban heat resilience: heat-health alerts for vulnerable residents, cooling spaces, street tree planting and green roofs.' },
  { type: 'person', id: 'p-david-osei', name: 'David Osei', organisation: 'gb-manchester-trees', languages: ['en'], position: 'Chief resilience officer',
    expertise: 'Heatwave planning and urban greening in deprived neighbourhoods.' },
  { type: 'organisation', id: 'gb-norfolk-coast', name: 'North Norfolk District Council', country: 'GB', languages: ['en'], population: 100000,
    offers: 'Coastal erosion management: shoreline management plans, dune and salt-marsh restoration, and relocation of threatened homes.' },
  { type: 'organisation', id: 'dk-aarhus-led', name: 'Aarhus Kommune', country: 'DK', languages: ['da', 'en'], population: 360000,
    offers: 'Street lighting retrofit to LED with smart dimming, solar street lights in parks and energy savings contracts.' },
  { type: 'organisation', id: 'nl-tilburg', name: 'Gemeente Tilburg', country: 'NL', languages: ['nl', 'en'], population: 225000,
    offers: 'Reception and integration of refugees: a municipal welcome desk, Dutch language classes, job matching and volunteer buddies for status holders.' },
  { type: 'organisation', id: 'de-bielefeld', name: 'Stadt Bielefeld', country: 'DE', languages: ['de', 'en'], population: 340000,
    offers: 'Hosting displaced people at scale: reception centres, housing in neighbourhoods and dialogue between residents and new arrivals to prevent tensions.' },
  { type: 'organisation', id: 'es-malaga', name: 'Ayuntamiento de Málaga', country: 'ES', languages: ['es'], population: 580000,
    offers: 'Oficina de atención a personas migrantes: orientación jurídica, empadronamiento, acceso a sanidad y escolarización, e inserción laboral.' },
  { type: 'organisation', id: 'uy-canelones', name: 'Intendencia de Canelones', country: 'UY', languages: ['es'], population: 600000,
    offers: 'Compras públicas a la agricultura familiar para la alimentación escolar: comedores escolares abastecidos por productores locales y educación nutricional.' },
  { type: 'organisation', id: 'pt-setubal-saude', name: 'Câmara Municipal de Setúbal', country: 'PT', languages: ['pt'], population: 120000,
    offers: 'Saúde pública municipal: vigilância de doenças de origem hídrica, cloragem de fontanários e campanhas de higiene nos bairros.' },
  { type: 'organisation', id: 'ca-montreal-jeunes', name: 'Ville de Montréal', country: 'CA', languages: ['fr', 'en'], population: 1760000,
    offers: "Conseil jeunesse de Montréal, maisons de jeunes et participation des jeunes aux décisions municipales." },
  { type: 'organisation', id: 'mx-puebla-mujer', name: 'Ayuntamiento de Puebla', country: 'MX', languages: ['es'], population: 1700000,
    offers: 'Instituto Municipal de las Mujeres: refugio y atención integral a mujeres víctimas de violencia, línea de emergencia y formación de policías con perspectiva de género.' },
  { type: 'organisation', id: 'gb-brighton-care', name: 'Brighton & Hove City Council', country: 'GB', languages: ['en'], population: 280000,
    offers: 'Adult social care: home care for older people living alone, training of care workers and a befriending service.' },
  { type: 'organisation', id: 'cl-valparaiso', name: 'Municipalidad de Valparaíso', country: 'CL', languages: ['es'], population: 300000,
    offers: 'Gestión del riesgo sísmico y de tsunami: planes de emergencia comunales, mapas de riesgo, simulacros y formación de brigadas vecinales.' },
];

// ------------------------------------------------------------------ generated profiles

/** Know-how snippets per theme, one row per snippet: [en, fr, es, pt]. Near misses of the labelled requests. */
const SNIPPETS: Record<string, Array<readonly [string, string, string, string]>> = {
  waste: [
    ['street sweeping and cleaning of public spaces', 'balayage des rues et propreté des espaces publics', 'barrido de calles y limpieza de espacios públicos', 'varredura das ruas e limpeza urbana'],
    ['a waste collection fleet with compactor trucks', 'une flotte de camions bennes tasseuses', 'una flota de camiones compactadores', 'uma frota de camiões de recolha'],
    ['awareness campaigns on littering', 'campagnes de sensibilisation contre les dépôts sauvages', 'campañas contra el arrojo de basura', 'campanhas contra o lixo nas ruas'],
    ['a waste management master plan', 'un schéma directeur de gestion des déchets', 'un plan maestro de residuos sólidos', 'um plano municipal de gestão de resíduos'],
  ],
  sanitation: [
    ['operation of a wastewater treatment plant', "l'exploitation d'une station d'épuration", 'la operación de una planta de tratamiento de aguas residuales', 'a exploração de uma ETAR'],
    ['extending the sewer network and household connections', "l'extension du réseau d'égouts et les branchements", 'la ampliación del alcantarillado', 'a extensão da rede de esgotos'],
    ['public toilets in markets and bus stations', 'des toilettes publiques dans les marchés et gares', 'baños públicos en mercados y terminales', 'casas de banho públicas em mercados'],
    ['hygiene promotion in schools', "la promotion de l'hygiène dans les écoles", 'la promoción de la higiene en escuelas', 'a promoção da higiene nas escolas'],
  ],
  water: [
    ['water quality laboratory testing', "le contrôle de la qualité de l'eau en laboratoire", 'el laboratorio de calidad del agua', 'o controlo laboratorial da qualidade da água'],
    ['billing and customer service of the water utility', 'la facturation et le service clients de la régie des eaux', 'la facturación y atención al cliente del servicio de agua', 'a faturação e o atendimento dos serviços de água'],
    ['protecting drinking water catchments', 'la protection des captages d’eau potable', 'la protección de fuentes de agua potable', 'a proteção das captações de água'],
  ],
  floods: [
    ['dyke maintenance along the river', "l'entretien des digues le long du fleuve", 'el mantenimiento de diques', 'a manutenção de diques'],
    ['flood insurance and recovery after disasters', 'la reconstruction après les inondations', 'la reconstrucción tras inundaciones', 'a reconstrução após cheias'],
    ['cleaning of drainage channels before the rainy season', 'le curage des caniveaux avant la saison des pluies', 'la limpieza de canales antes de las lluvias', 'a limpeza das valas de drenagem antes das chuvas'],
  ],
  registry: [
    ['marriage ceremonies and family records', 'la célébration des mariages et le livret de famille', 'la celebración de matrimonios civiles', 'a celebração de casamentos civis'],
    ['population registers and residence certificates', 'les registres de population et certificats de résidence', 'el padrón municipal de habitantes', 'o recenseamento eleitoral e atestados de residência'],
    ['death registration and cemetery management', 'les actes de décès et la gestion des cimetières', 'las defunciones y la gestión de cementerios', 'os óbitos e a gestão de cemitérios'],
  ],
  hr: [
    ['occupational health and safety of municipal workers', 'la santé et sécurité au travail des agents', 'la salud y seguridad laboral de los trabajadores municipales', 'a segurança e saúde no trabalho dos funcionários'],
    ['social dialogue with staff unions', 'le dialogue social avec les syndicats du personnel', 'el diálogo con los sindicatos municipales', 'o diálogo com os sindicatos dos trabalhadores'],
    ['internships for students in the administration', "l'accueil de stagiaires dans l'administration", 'pasantías de estudiantes en la alcaldía', 'estágios de estudantes na câmara'],
  ],
  finance: [
    ['municipal budget preparation and accounting', 'la préparation du budget communal et la comptabilité', 'la elaboración del presupuesto municipal y la contabilidad', 'a elaboração do orçamento municipal e a contabilidade'],
    ['internal audit and financial control', "l'audit interne et le contrôle financier", 'la auditoría interna', 'a auditoria interna'],
    ['borrowing and municipal bonds', "l'emprunt et les obligations municipales", 'el endeudamiento y bonos municipales', 'o endividamento municipal'],
  ],
  tourism: [
    ['tourism fairs and destination marketing', 'les salons touristiques et le marketing territorial', 'ferias de turismo y marketing de destino', 'feiras de turismo e promoção turística'],
    ['beach management and seaside tourism', 'la gestion des plages et le tourisme balnéaire', 'la gestión de playas y turismo de sol y playa', 'a gestão de praias e turismo balnear'],
    ['hotel classification and tourist tax', 'le classement hôtelier et la taxe de séjour', 'la clasificación hotelera y la tasa turística', 'a classificação hoteleira e a taxa turística'],
    ['festivals and cultural events for visitors', 'les festivals et événements culturels', 'festivales y eventos culturales', 'festivais e eventos culturais'],
  ],
  economy: [
    ['attracting foreign investors to an industrial zone', 'attirer des investisseurs dans la zone industrielle', 'atraer inversionistas a la zona industrial', 'atrair investidores para a zona industrial'],
    ['vocational training with local employers', 'la formation professionnelle avec les employeurs locaux', 'la formación profesional con empresas locales', 'a formação profissional com empresas locais'],
    ['a municipal slaughterhouse', 'un abattoir municipal', 'un matadero municipal', 'um matadouro municipal'],
    ['support to craftsmen and small shops', 'le soutien aux artisans et petits commerces', 'el apoyo a artesanos y pequeños comercios', 'o apoio a artesãos e pequeno comércio'],
  ],
  participation: [
    ['public consultations on the development plan', 'la concertation sur le plan de développement communal', 'consultas públicas sobre el plan de desarrollo', 'consultas públicas sobre o plano de desenvolvimento'],
    ['citizen complaints and a municipal ombudsman', 'la gestion des plaintes et un médiateur municipal', 'la atención de reclamos ciudadanos', 'a gestão de reclamações dos munícipes'],
    ['open council meetings broadcast online', 'des conseils municipaux ouverts diffusés en ligne', 'sesiones abiertas del concejo transmitidas en línea', 'reuniões de câmara abertas transmitidas online'],
  ],
  digital: [
    ['municipal IT infrastructure and cybersecurity', 'les infrastructures informatiques et la cybersécurité', 'la infraestructura informática y ciberseguridad', 'a infraestrutura informática e cibersegurança'],
    ['open data portals', 'les portails de données ouvertes', 'portales de datos abiertos', 'portais de dados abertos'],
    ['digital skills training for civil servants', 'la formation des agents au numérique', 'la capacitación digital de funcionarios', 'a formação digital dos funcionários'],
  ],
  planning: [
    ['building permits inspection', 'le contrôle des permis de construire', 'la inspección de licencias de construcción', 'a fiscalização de obras'],
    ['public space design and squares', "l'aménagement des places et espaces publics", 'el diseño de plazas y espacio público', 'o desenho de praças e espaço público'],
    ['social housing programmes', 'les programmes de logement social', 'programas de vivienda social', 'programas de habitação social'],
    ['land registry and cadastre', 'le cadastre et le registre foncier', 'el catastro y registro de la propiedad', 'o cadastro e o registo predial'],
  ],
  mobility: [
    ['road safety around schools', 'la sécurité routière aux abords des écoles', 'la seguridad vial en entornos escolares', 'a segurança rodoviária junto às escolas'],
    ['parking management and traffic lights', 'la gestion du stationnement et des feux', 'la gestión del estacionamiento y semáforos', 'a gestão do estacionamento e semáforos'],
    ['a tram line', 'une ligne de tramway', 'una línea de tranvía', 'uma linha de elétrico'],
    ['pedestrian streets in the centre', 'les rues piétonnes du centre-ville', 'calles peatonales en el centro', 'ruas pedonais no centro'],
  ],
  climate: [
    ['a greenhouse gas inventory and climate action plan', 'un bilan carbone et un plan climat', 'un inventario de emisiones y plan de acción climática', 'um inventário de emissões e plano de ação climática'],
    ['energy renovation of school buildings', 'la rénovation énergétique des écoles', 'la rehabilitación energética de escuelas', 'a reabilitação energética de escolas'],
    ['drought management and water saving', "la gestion de la sécheresse et les économies d'eau", 'la gestión de la sequía y el ahorro de agua', 'a gestão da seca e poupança de água'],
    ['urban parks and biodiversity', 'les parcs urbains et la biodiversité', 'parques urbanos y biodiversidad', 'parques urbanos e biodiversidade'],
  ],
  social: [
    ['social assistance for poor households', 'l’aide sociale aux ménages pauvres', 'la asistencia social a hogares pobres', 'o apoio social a famílias carenciadas'],
    ['accessibility for persons with disabilities', "l'accessibilité pour les personnes handicapées", 'la accesibilidad para personas con discapacidad', 'a acessibilidade para pessoas com deficiência'],
    ['sports facilities and clubs', 'les équipements sportifs et clubs', 'instalaciones deportivas y clubes', 'instalações desportivas e clubes'],
    ['libraries and adult literacy', "les bibliothèques et l'alphabétisation des adultes", 'bibliotecas y alfabetización de adultos', 'bibliotecas e alfabetização de adultos'],
    ['primary health centres', 'les centres de santé primaire', 'centros de atención primaria de salud', 'centros de saúde primários'],
    ['diaspora engagement and remittances', 'la mobilisation de la diaspora', 'la vinculación con la diáspora', 'a ligação com a diáspora'],
  ],
};

const FRAMES: Record<Lang, { org: (a: string, b: string, c: string) => string; person: (a: string, b: string) => string }> = {
  en: { org: (a, b, c) => `Our municipality can share its experience with ${a} and ${b}. We have also worked on ${c}.`, person: (a, b) => `I have worked for many years on ${a}, and more recently on ${b}.` },
  fr: { org: (a, b, c) => `Notre commune peut partager son expérience dans ${a} et ${b}. Nous avons aussi travaillé sur ${c}.`, person: (a, b) => `Je travaille depuis plusieurs années sur ${a}, et plus récemment sur ${b}.` },
  es: { org: (a, b, c) => `Nuestro municipio puede compartir su experiencia en ${a} y ${b}. También hemos trabajado en ${c}.`, person: (a, b) => `Trabajo desde hace años en ${a}, y más recientemente en ${b}.` },
  pt: { org: (a, b, c) => `O nosso município pode partilhar a sua experiência com ${a} e ${b}. Também trabalhámos em ${c}.`, person: (a, b) => `Trabalho há vários anos com ${a}, e mais recentemente com ${b}.` },
};

const PLACES: Record<Lang, Array<[string, string]>> = {
  en: [['GB', 'Town'], ['IE', 'County'], ['NL', 'Gemeente'], ['SE', 'Kommun'], ['DE', 'Stadt'], ['DK', 'Kommune'], ['FI', 'City'], ['GH', 'Municipal Assembly'], ['KE', 'County'], ['ZA', 'Municipality'], ['PH', 'City'], ['IN', 'Municipal Corporation']],
  fr: [['FR', 'Ville'], ['BE', 'Commune'], ['CH', 'Commune'], ['SN', 'Commune'], ['BF', 'Commune'], ['CI', 'Commune'], ['MA', 'Commune'], ['TN', 'Municipalité'], ['CM', 'Commune'], ['BJ', 'Commune']],
  es: [['ES', 'Ayuntamiento'], ['MX', 'Municipio'], ['CO', 'Alcaldía'], ['PE', 'Municipalidad'], ['CL', 'Municipalidad'], ['AR', 'Municipio'], ['EC', 'GAD Municipal'], ['UY', 'Intendencia']],
  pt: [['PT', 'Câmara Municipal'], ['BR', 'Prefeitura'], ['MZ', 'Conselho Municipal'], ['AO', 'Administração Municipal'], ['CV', 'Câmara Municipal']],
};
const NAME_PARTS = ['Alder', 'Bel', 'Cor', 'Dun', 'Esk', 'Fal', 'Gar', 'Hol', 'Ist', 'Jor', 'Kel', 'Lun', 'Mor', 'Nor', 'Ost', 'Pal', 'Quin', 'Ros', 'Sal', 'Tor', 'Ul', 'Ver', 'Wen', 'Yar'];
const NAME_ENDS = ['ford', 'ville', 'ona', 'ares', 'ino', 'berg', 'mouth', 'lia', 'dal', 'era'];
const POSITIONS: Record<Lang, string[]> = {
  en: ['Policy officer', 'Project manager', 'Head of department', 'Technical adviser', 'Programme coordinator'],
  fr: ['Chargé de mission', 'Chef de service', 'Conseiller technique', 'Chef de projet'],
  es: ['Técnico municipal', 'Jefe de departamento', 'Asesor técnico', 'Coordinador de programas'],
  pt: ['Técnico superior', 'Chefe de divisão', 'Assessor técnico', 'Coordenador de projetos'],
};

/** The generator's tables, shared with the bench (bench/bench-match.ts). */
export const TEMPLATES = { SNIPPETS, FRAMES, PLACES, POSITIONS, NAME_PARTS, NAME_ENDS } as const;

/** Deterministic pseudo-random numbers (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` generated profiles (organisations with some of their people), the same every time. */
export function generatedProfiles(count = 280, seed = 4): MatchProfile[] {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const themes = Object.keys(SNIPPETS);
  const langs: Lang[] = ['en', 'en', 'en', 'fr', 'fr', 'es', 'es', 'pt', 'pt'];
  const out: MatchProfile[] = [];
  let lastOrg: MatchProfile | null = null;
  for (let i = 0; out.length < count; i++) {
    const theme = themes[i % themes.length];
    const rows = SNIPPETS[theme];
    const first = Math.floor(random() * rows.length);
    const second = (first + 1 + Math.floor(random() * (rows.length - 1))) % rows.length;
    const other = pick(SNIPPETS[pick(themes.filter((t) => t !== theme))]);
    const isPerson = lastOrg !== null && random() < 0.35;
    if (isPerson && lastOrg) {
      const lang = (lastOrg.languages?.[0] ?? 'en') as Lang;
      const li = ['en', 'fr', 'es', 'pt'].indexOf(lang);
      out.push({
        type: 'person', id: `g-p${String(i).padStart(4, '0')}`, name: `${pick(NAME_PARTS)}${pick(NAME_ENDS)} ${pick(NAME_PARTS)}`,
        organisation: lastOrg.id, languages: [lang], position: pick(POSITIONS[lang]),
        expertise: FRAMES[lang].person(rows[first][li], rows[second][li]),
      });
      continue;
    }
    const lang = pick(langs);
    const li = ['en', 'fr', 'es', 'pt'].indexOf(lang);
    const [country, prefix] = pick(PLACES[lang]);
    const place = `${pick(NAME_PARTS)}${pick(NAME_ENDS)}`;
    lastOrg = {
      type: 'organisation', id: `g-${country.toLowerCase()}-${place.toLowerCase()}-${i}`, name: `${prefix} ${place}`, country,
      languages: lang === 'en' || random() < 0.7 ? [lang] : [lang, 'en'], population: Math.round(5000 + random() * random() * 2_000_000),
      offers: FRAMES[lang].org(rows[first][li], rows[second][li], other[li]),
    };
    out.push(lastOrg);
  }
  return out;
}

/** All profiles of the evaluation: the partners and the generated ones. */
export function evalProfiles(): MatchProfile[] {
  return [...PARTNER_PROFILES, ...generatedProfiles()];
}
