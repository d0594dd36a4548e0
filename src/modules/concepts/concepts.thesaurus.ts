/**
 * Multilingual thesaurus of municipal concepts: the source of cross-lingual
 * matching. Each theme of `src/taxonomy/themes.ts` has concepts; each concept
 * has terms and synonyms in English, French, Spanish and Portuguese
 * ('|'-separated; multi-word terms are matched as phrases after stemming and
 * stop-word removal). Theme labels of the taxonomy (five languages, Arabic
 * included) are added as terms of the theme itself by the analyser.
 *
 * A concept id is `theme/name`. A term may belong to several concepts.
 */

import { MORE_CONCEPTS } from './concepts.thesaurus.more.ts';
import { THIRD_CONCEPTS } from './concepts.thesaurus.third.ts';

/** [concept name, en terms, fr terms, es terms, pt terms] */
export type ConceptRow = readonly [string, string, string, string, string];

const BASE_CONCEPTS: Readonly<Record<string, readonly ConceptRow[]>> = {
  waste_management: [
    ['collection', 'waste collection|refuse collection|garbage collection|door-to-door collection|collection route|collection rounds|garbage truck|refuse truck|solid waste|household waste|municipal waste|rubbish|litter|trash|waste', 'collecte des déchets|ramassage des ordures|ordures|poubelles|immondices|propreté urbaine|salubrité|collecte porte-à-porte|ordures ménagères|déchets solides|déchets ménagers|déchets|camion benne|pré-collecte|précollecte|déchet', 'recolección de residuos|recolección de basura|residuos sólidos|basura|desechos|residuos domiciliarios|camión recolector|aseo urbano|residuos|basuras|limpieza urbana', 'recolha de resíduos|coleta de lixo|recolha de lixo|resíduos sólidos|lixo|resíduos urbanos|camião do lixo|coleta seletiva|resíduos|limpeza urbana'],
    ['landfill', 'landfill|dumpsite|dump site|open dumping|sanitary landfill|transfer station|illegal dumping', 'décharge|décharge sauvage|centre d’enfouissement|centre d\'enfouissement|enfouissement|dépotoir|centre de transfert|dépôts sauvages', 'relleno sanitario|vertedero|botadero|basural|estación de transferencia|vertido ilegal', 'aterro sanitário|aterro|lixeira|lixão|estação de transferência|deposição ilegal'],
    ['recycling', 'recycling|sorting at source|separate collection|waste pickers|waste picker|recyclables|material recovery', 'recyclage|tri à la source|tri sélectif|collecte sélective|récupérateurs|chiffonniers|valorisation des déchets', 'reciclaje|separación en origen|recicladores|recolectores informales|segregación|valorización', 'reciclagem|separação na origem|catadores|recolha seletiva|triagem|valorização de resíduos'],
    ['composting', 'composting|compost|organic waste|biowaste|green waste', 'compostage|compost|déchets organiques|biodéchets|déchets verts', 'compostaje|compost|residuos orgánicos|biorresiduos', 'compostagem|composto|resíduos orgânicos|biorresíduos'],
    ['fees', 'waste fee|waste collection fee|pay as you throw|waste tariff', 'redevance déchets|redevance enlèvement des ordures|taxe d\'enlèvement des ordures', 'tasa de aseo|tarifa de residuos|tasa de basura', 'taxa de resíduos|tarifa de lixo|taxa do lixo'],
  ],
  sanitation: [
    ['fsm', 'faecal sludge|fecal sludge|septage|pit emptying|desludging|sludge treatment|vacuum truck', 'boues de vidange|vidange des fosses|vidangeurs|camion vidangeur|station de traitement des boues', 'lodos fecales|vaciado de pozos|camión cisterna de vacío|tratamiento de lodos', 'lamas fecais|esvaziamento de fossas|limpa-fossas|tratamento de lamas'],
    ['toilets', 'latrines|latrine|toilets|public toilets|septic tank|septic tanks|on-site sanitation|open defecation|household toilets|sanitation', 'latrines|toilettes|toilettes publiques|fosse septique|fosses septiques|assainissement autonome|défécation à l’air libre|défécation à l\'air libre|assainissement', 'letrinas|letrina|baños públicos|sanitarios|fosa séptica|fosas sépticas|defecación al aire libre|saneamiento', 'latrinas|latrina|casas de banho públicas|sanitários|fossa séptica|fossas sépticas|defecação a céu aberto|saneamento'],
    ['wastewater', 'wastewater|sewage|sewerage|sewer network|wastewater treatment|treatment plant|sewers', 'eaux usées|égouts|réseau d’égouts|réseau d\'égouts|station d’épuration|station d\'épuration|épuration', 'aguas residuales|alcantarillado|red de alcantarillado|planta de tratamiento|depuradora', 'águas residuais|esgotos|rede de esgotos|estação de tratamento|ETAR|esgoto'],
    ['hygiene', 'hygiene|handwashing|hygiene promotion|WASH', 'hygiène|lavage des mains|promotion de l’hygiène|EHA', 'higiene|lavado de manos|promoción de la higiene', 'higiene|lavagem das mãos|promoção da higiene'],
  ],
  water_supply: [
    ['network', 'drinking water|water supply|piped water|water network|water utility|standpipes|water kiosks|boreholes|water distribution|potable water', 'eau potable|adduction d’eau|adduction d\'eau|réseau d’eau|réseau d\'eau|bornes-fontaines|forages|distribution d’eau|distribution d\'eau|régie des eaux', 'agua potable|red de agua|abastecimiento de agua|pozos|piletas públicas|distribución de agua|empresa de agua', 'água potável|rede de água|abastecimento de água|furos|fontanários|distribuição de água|serviços de água'],
    ['losses', 'non-revenue water|water losses|leak detection|leakage|water meters|metering', 'eau non facturée|pertes d’eau|pertes d\'eau|détection des fuites|fuites|compteurs d’eau|compteurs d\'eau', 'agua no contabilizada|pérdidas de agua|detección de fugas|fugas|medidores de agua|micromedición', 'água não faturada|perdas de água|deteção de fugas|fugas|contadores de água|hidrómetros'],
    ['quality', 'water quality|water treatment|chlorination|water testing', 'qualité de l’eau|qualité de l\'eau|traitement de l’eau|traitement de l\'eau|chloration', 'calidad del agua|potabilización|cloración', 'qualidade da água|tratamento de água|cloragem'],
  ],
  energy: [
    ['efficiency', 'energy efficiency|building retrofit|insulation|energy savings|LED street lighting|street lighting|public lighting', 'efficacité énergétique|rénovation énergétique|isolation thermique|isolation des bâtiments|économies d’énergie|économies d\'énergie|éclairage public', 'eficiencia energética|rehabilitación energética|aislamiento térmico|ahorro energético|alumbrado público', 'eficiência energética|reabilitação energética|isolamento térmico|poupança de energia|iluminação pública'],
    ['renewables', 'solar panels|solar energy|renewable energy|solar power|mini-grid|wind energy|biogas|district heating', 'panneaux solaires|énergie solaire|énergies renouvelables|mini-réseau|éolien|biogaz|réseau de chaleur', 'paneles solares|energía solar|energías renovables|minirred|energía eólica|biogás|calefacción urbana', 'painéis solares|energia solar|energias renováveis|minirrede|energia eólica|biogás|aquecimento urbano'],
  ],
  climate_adaptation: [
    ['adaptation', 'climate adaptation|climate resilience|heat waves|heatwave|urban heat|drought|climate risk|resilience plan|climate change', 'adaptation au changement climatique|résilience climatique|vagues de chaleur|canicule|îlots de chaleur|sécheresse|risque climatique|changement climatique', 'adaptación al cambio climático|resiliencia climática|olas de calor|islas de calor|sequía|riesgo climático|cambio climático', 'adaptação às alterações climáticas|resiliência climática|ondas de calor|ilhas de calor|seca|risco climático|alterações climáticas|mudanças climáticas'],
    ['coastal', 'coastal erosion|sea level rise|shoreline|mangroves', 'érosion côtière|élévation du niveau de la mer|littoral|mangroves', 'erosión costera|aumento del nivel del mar|litoral|manglares', 'erosão costeira|subida do nível do mar|litoral|mangais|manguezais'],
  ],
  climate_mitigation: [
    ['emissions', 'greenhouse gas|carbon emissions|emissions inventory|climate action plan|net zero|carbon neutral|covenant of mayors|SECAP', 'gaz à effet de serre|émissions de carbone|bilan carbone|plan climat|neutralité carbone|convention des maires|PAEDC', 'gases de efecto invernadero|emisiones de carbono|inventario de emisiones|plan de acción climática|neutralidad de carbono|pacto de alcaldes', 'gases com efeito de estufa|emissões de carbono|inventário de emissões|plano de ação climática|neutralidade carbónica|pacto de autarcas'],
  ],
  biodiversity_green_spaces: [
    ['green', 'green spaces|parks|urban trees|tree planting|urban forest|green infrastructure|biodiversity|nature-based solutions', 'espaces verts|parcs|arbres urbains|plantation d’arbres|plantation d\'arbres|forêt urbaine|infrastructure verte|biodiversité|solutions fondées sur la nature', 'espacios verdes|parques|arbolado urbano|plantación de árboles|bosque urbano|infraestructura verde|biodiversidad|soluciones basadas en la naturaleza', 'espaços verdes|parques|árvores urbanas|plantação de árvores|floresta urbana|infraestrutura verde|biodiversidade|soluções baseadas na natureza'],
    ['protected', 'protected area|nature reserve|wetlands|national park', 'aire protégée|réserve naturelle|zones humides|parc national', 'área protegida|reserva natural|humedales|parque nacional', 'área protegida|reserva natural|zonas húmidas|parque nacional'],
  ],
  air_quality: [
    ['air', 'air quality|air pollution|particulate matter|air monitoring|low emission zone', 'qualité de l’air|qualité de l\'air|pollution de l’air|pollution de l\'air|particules fines|zone à faibles émissions', 'calidad del aire|contaminación del aire|material particulado|zona de bajas emisiones', 'qualidade do ar|poluição do ar|partículas finas|zona de emissões reduzidas'],
  ],
  circular_economy: [
    ['circular', 'circular economy|reuse|repair cafe|upcycling|waste prevention|extended producer responsibility', 'économie circulaire|réemploi|réutilisation|repair café|prévention des déchets|responsabilité élargie du producteur', 'economía circular|reutilización|reparación|prevención de residuos|responsabilidad extendida del productor', 'economia circular|reutilização|reparação|prevenção de resíduos|responsabilidade alargada do produtor'],
    ['plastics', 'plastic waste|plastic bags|single-use plastics', 'déchets plastiques|sacs plastiques|plastique à usage unique', 'residuos plásticos|bolsas plásticas|plásticos de un solo uso', 'resíduos de plástico|sacos de plástico|plásticos descartáveis'],
  ],
  disaster_risk: [
    ['drr', 'disaster risk reduction|disaster preparedness|early warning|early warning system|contingency plan|risk mapping|hazard map|earthquake|landslides|emergency plan|disaster', 'réduction des risques de catastrophe|préparation aux catastrophes|alerte précoce|système d’alerte précoce|système d\'alerte précoce|plan de contingence|cartographie des risques|séisme|glissements de terrain|plan d’urgence|plan d\'urgence|catastrophe', 'reducción del riesgo de desastres|preparación ante desastres|alerta temprana|sistema de alerta temprana|plan de contingencia|mapa de riesgos|terremoto|sismo|deslizamientos|plan de emergencia|desastre', 'redução do risco de catástrofes|preparação para catástrofes|alerta precoce|sistema de alerta precoce|plano de contingência|mapa de riscos|sismo|terramoto|deslizamentos de terra|plano de emergência|catástrofe|desastre'],
  ],
  flood_risk: [
    ['floods', 'floods|flooding|flood risk|flood protection|flood defence|dykes|flood levees|flash floods|river flooding|floodplain', 'inondations|inondation|risque d’inondation|risque d\'inondation|protection contre les crues|crues|digues|zone inondable', 'inundaciones|inundación|riesgo de inundación|protección contra inundaciones|crecidas|diques|llanura de inundación', 'inundações|inundação|cheias|risco de inundação|proteção contra cheias|diques|leito de cheia'],
    ['warning', 'flood warning|flood early warning|flood forecasting|flood alert|river gauges|rain gauges|water level sensors|flash floods|flash flood|evacuation|evacuation drills', 'alerte aux crues|prévision des crues|annonce des crues|crues éclair|crue éclair|pluviomètres|capteurs de niveau|évacuation|exercices d’évacuation|exercices d\'évacuation', 'alerta de inundaciones|pronóstico de crecidas|alerta temprana de inundaciones|pluviómetros|sensores de nivel|crecidas repentinas|evacuación|simulacros de evacuación', 'alerta de cheias|previsão de cheias|pluviómetros|sensores de nível|cheias repentinas|cheias súbitas|evacuação|simulacros de evacuação'],
    ['drainage', 'stormwater|storm drains|drainage|drainage channels|rainwater retention|retention basins|water squares|sponge city', 'eaux pluviales|drainage|caniveaux|canaux de drainage|bassins de rétention|rétention des eaux de pluie|ville éponge', 'aguas pluviales|drenaje|drenaje pluvial|canales de drenaje|cunetas|lagunas de retención|ciudad esponja', 'águas pluviais|drenagem|drenagem pluvial|valas de drenagem|bacias de retenção|cidade esponja'],
  ],
  public_safety: [
    ['emergency', 'fire brigade|firefighters|civil protection|emergency services|ambulance|community policing|road safety|public safety', 'sapeurs-pompiers|pompiers|protection civile|services de secours|police municipale|sécurité routière|sécurité publique', 'bomberos|protección civil|servicios de emergencia|policía municipal|seguridad vial|seguridad ciudadana', 'bombeiros|proteção civil|serviços de emergência|polícia municipal|segurança rodoviária|segurança pública'],
  ],
  social_cohesion: [
    ['peace', 'social cohesion|peacebuilding|conflict resolution|mediation|reconciliation|violence prevention|host communities', 'cohésion sociale|consolidation de la paix|résolution des conflits|médiation|réconciliation|prévention de la violence|communautés d’accueil|communautés d\'accueil', 'cohesión social|construcción de paz|resolución de conflictos|mediación|reconciliación|prevención de la violencia|comunidades de acogida', 'coesão social|construção da paz|resolução de conflitos|mediação|reconciliação|prevenção da violência|comunidades de acolhimento'],
  ],
  urban_planning: [
    ['masterplan', 'master plan|zoning|land use plan|urban plan|spatial planning|building permits|urban expansion|urban planning|urban development', 'schéma directeur|plan d’urbanisme|plan d\'urbanisme|zonage|plan d’occupation des sols|plan local d\'urbanisme|permis de construire|extension urbaine|aménagement du territoire|urbanisme', 'plan maestro|plan de ordenamiento territorial|zonificación|uso del suelo|licencias de construcción|expansión urbana|ordenamiento territorial|planificación urbana', 'plano diretor|plano diretor municipal|zonamento|uso do solo|licenciamento urbanístico|licenças de construção|expansão urbana|ordenamento do território|planeamento urbano'],
    // "water squares" are also drainage: listed here too, or the longer term would hide "squares" (longest match)
    ['public_space', 'public space|public spaces|squares|water squares|streetscape|pedestrian zone|urban regeneration|urban renewal', 'espace public|espaces publics|places publiques|zone piétonne|renouvellement urbain|requalification urbaine', 'espacio público|espacios públicos|plazas|zona peatonal|regeneración urbana|renovación urbana', 'espaço público|espaços públicos|praças|zona pedonal|regeneração urbana|reabilitação urbana'],
  ],
  land_management: [
    ['cadastre', 'cadastre|land registry|land titles|land tenure|property register|address system|street addressing|land records|GIS', 'cadastre|registre foncier|titres fonciers|foncier|sécurisation foncière|adressage|adressage des rues|système d’information géographique', 'catastro|registro de la propiedad|títulos de propiedad|tenencia de la tierra|nomenclatura de calles|direccionamiento|sistema de información geográfica', 'cadastro|registo predial|títulos de propriedade|posse da terra|toponímia|endereçamento|sistema de informação geográfica'],
  ],
  housing: [
    ['housing', 'affordable housing|social housing|housing policy|rental housing|housing cooperative|homelessness|housing', 'logement abordable|logement social|politique du logement|habitat|logement locatif|coopérative d’habitat|sans-abrisme|logement', 'vivienda asequible|vivienda social|política de vivienda|vivienda de alquiler|cooperativa de vivienda|personas sin hogar|vivienda', 'habitação acessível|habitação social|política de habitação|arrendamento|cooperativa de habitação|pessoas em situação de sem-abrigo|habitação'],
  ],
  informal_settlements: [
    ['slums', 'informal settlements|slum upgrading|slums|informal neighbourhoods|squatter settlements', 'quartiers informels|quartiers précaires|bidonvilles|restructuration des quartiers|habitat spontané', 'asentamientos informales|mejoramiento de barrios|barrios marginales|villas miseria|tugurios', 'assentamentos informais|favelas|bairros informais|musseques|requalificação de bairros'],
  ],
  mobility: [
    ['public_transport', 'public transport|bus|bus rapid transit|BRT|minibuses|tram|transit|bus routes|bus station', 'transports publics|transport en commun|bus|autobus|bus à haut niveau de service|minibus|tramway|gare routière', 'transporte público|autobús|buses|colectivos|tranvía|terminal de autobuses|bus de tránsito rápido', 'transporte público|transportes públicos|autocarro|ônibus|elétrico|terminal rodoviário|corredor de autocarros'],
    ['active', 'cycling|bicycle|cycle lanes|bike lanes|walking|pedestrians|sidewalks|active mobility', 'vélo|pistes cyclables|cyclable|marche à pied|piétons|trottoirs|mobilité douce|mobilité active', 'bicicleta|ciclovías|carriles bici|peatones|aceras|movilidad activa|movilidad sostenible', 'bicicleta|ciclovias|ciclovia|peões|pedestres|passeios|calçadas|mobilidade ativa|mobilidade suave'],
    ['traffic', 'traffic management|car parks|parking spaces|parking management|congestion|mobility plan|sustainable urban mobility plan|SUMP|traffic', 'gestion du trafic|stationnement|congestion|embouteillages|plan de mobilité|plan de déplacements urbains|circulation', 'gestión del tráfico|estacionamiento|aparcamiento|congestión|plan de movilidad|tráfico', 'gestão do tráfego|estacionamento|congestionamento|plano de mobilidade|trânsito|tráfego'],
  ],
  public_works: [
    ['roads', 'roads|road maintenance|paving|asset management|public works|bridges|infrastructure maintenance', 'voirie|routes|entretien des routes|pavage|travaux publics|ponts|entretien des infrastructures|services techniques', 'vías|calles|mantenimiento vial|pavimentación|obras públicas|puentes|mantenimiento de infraestructuras', 'estradas|vias|manutenção de estradas|pavimentação|obras públicas|pontes|manutenção de infraestruturas'],
  ],
  heritage: [
    ['heritage', 'cultural heritage|historic centre|old town|monuments|restoration|heritage conservation|medina', 'patrimoine|patrimoine culturel|centre historique|vieille ville|monuments|restauration|médina', 'patrimonio|patrimonio cultural|centro histórico|casco antiguo|monumentos|restauración', 'património|patrimônio|património cultural|centro histórico|monumentos|restauro|reabilitação do património'],
  ],
  rural_development: [
    ['rural', 'rural development|villages|rural roads|rural communes|remote areas|rural areas', 'développement rural|villages|pistes rurales|communes rurales|zones rurales|milieu rural', 'desarrollo rural|aldeas|comunidades rurales|caminos rurales|zonas rurales|medio rural', 'desenvolvimento rural|aldeias|comunidades rurais|estradas rurais|zonas rurais|meio rural'],
  ],
  local_economic_development: [
    ['led', 'local economic development|business climate|small businesses|SMEs|entrepreneurship|business incubator|investment promotion|value chains|cooperatives', 'développement économique local|climat des affaires|petites entreprises|PME|entrepreneuriat|incubateur|promotion des investissements|chaînes de valeur|coopératives', 'desarrollo económico local|clima de negocios|pequeñas empresas|pymes|emprendimiento|incubadora de empresas|promoción de inversiones|cadenas de valor|cooperativas', 'desenvolvimento económico local|ambiente de negócios|pequenas empresas|PME|empreendedorismo|incubadora de empresas|promoção do investimento|cadeias de valor|cooperativas'],
  ],
  ecotourism: [
    ['eco', 'ecotourism|nature tourism|community-based tourism|hiking trails|eco-lodges|birdwatching|tourist trails|nature trails', 'écotourisme|tourisme de nature|tourisme communautaire|sentiers de randonnée|écolodges|circuits touristiques|tourisme solidaire', 'ecoturismo|turismo de naturaleza|turismo comunitario|senderos|rutas de senderismo|ecoalbergues|observación de aves', 'ecoturismo|turismo de natureza|turismo comunitário|trilhos|percursos pedestres|observação de aves|turismo sustentável'],
  ],
  tourism: [
    ['tourism', 'tourism|tourist office|visitors|destination marketing|tourism strategy|hospitality industry|hospitality sector', 'tourisme|office de tourisme|visiteurs|marketing territorial|stratégie touristique|hôtellerie', 'turismo|oficina de turismo|visitantes|marketing de destino|estrategia turística|hotelería', 'turismo|posto de turismo|visitantes|promoção turística|estratégia de turismo|hotelaria'],
  ],
  agriculture: [
    ['urban_agri', 'urban agriculture|urban farming|community gardens|market gardening|farmers|irrigation|livestock|agricultural extension', 'agriculture urbaine|maraîchage|jardins communautaires|agriculteurs|irrigation|élevage|vulgarisation agricole|périurbain', 'agricultura urbana|huertos urbanos|huertos comunitarios|horticultura|agricultores|riego|ganadería|extensión agrícola', 'agricultura urbana|hortas urbanas|hortas comunitárias|horticultura|agricultores|rega|irrigação|pecuária|extensão rural'],
  ],
  food_security: [
    ['food', 'food security|school meals|school feeding|food systems|food bank|nutrition|malnutrition|food policy', 'sécurité alimentaire|cantines scolaires|restauration scolaire|systèmes alimentaires|banque alimentaire|nutrition|malnutrition|politique alimentaire', 'seguridad alimentaria|comedores escolares|alimentación escolar|sistemas alimentarios|banco de alimentos|nutrición|desnutrición', 'segurança alimentar|refeições escolares|alimentação escolar|sistemas alimentares|banco alimentar|nutrição|desnutrição'],
  ],
  markets_informal_economy: [
    ['markets', 'markets|market management|street vendors|informal traders|market stalls|informal economy|slaughterhouse', 'marchés|gestion des marchés|vendeurs de rue|commerçants informels|étals|économie informelle|abattoir', 'mercados|gestión de mercados|vendedores ambulantes|comercio informal|puestos de mercado|economía informal|matadero', 'mercados|gestão de mercados|vendedores ambulantes|comércio informal|bancas|economia informal|matadouro'],
  ],
  employment: [
    ['jobs', 'employment|jobs|vocational training|skills development|job seekers|unemployment|apprenticeships|labour market', 'emploi|formation professionnelle|compétences|demandeurs d’emploi|demandeurs d\'emploi|chômage|apprentissage|insertion professionnelle|marché du travail', 'empleo|formación profesional|capacitación laboral|buscadores de empleo|desempleo|aprendices|inserción laboral|mercado laboral', 'emprego|formação profissional|qualificação|desempregados|desemprego|estágios|inserção profissional|mercado de trabalho'],
  ],
  citizen_participation: [
    ['participation', 'citizen participation|public consultation|town hall meetings|community engagement|public hearings|civic engagement', 'participation citoyenne|concertation|consultation publique|démocratie participative|implication des habitants', 'participación ciudadana|consulta pública|cabildo abierto|audiencias públicas', 'participação cidadã|consulta pública|audiências públicas'],
    ['pb', 'participatory budgeting|participatory budget|participatory budgets', 'budget participatif|budgets participatifs', 'presupuesto participativo|presupuestos participativos', 'orçamento participativo|orçamentos participativos'],
    ['neighbourhood', 'neighbourhood committees|neighbourhood councils|ward committees|residents associations|neighbourhood assemblies|ward assemblies|public assemblies', 'comités de quartier|conseils de quartier|conseils citoyens|unions de quartier|assemblées de quartier', 'juntas vecinales|asambleas vecinales|consejos barriales|juntas de acción comunal', 'assembleias de bairro|associações de moradores|comissões de moradores|assembleias regionais|assembleias populares'],
  ],
  civil_registration: [
    ['registry', 'civil registration|civil registry|civil status|vital statistics|identity documents|civil registry office', 'état civil|registres d’état civil|registres d\'état civil|centre d’état civil|centre d\'état civil|pièces d’identité|statistiques vitales', 'registro civil|estadísticas vitales|documentos de identidad|oficina del registro civil', 'registo civil|registro civil|estatísticas vitais|documentos de identificação|conservatória do registo civil'],
    ['births', 'birth registration|birth certificates|birth certificate|births|newborns|newborn|maternity|maternity wards|birth notification', 'enregistrement des naissances|déclaration des naissances|actes de naissance|acte de naissance|naissances|nouveau-nés|maternités|maternité', 'inscripción de nacimientos|registro de nacimientos|actas de nacimiento|partidas de nacimiento|nacimientos|recién nacidos|recién nacido|maternidades', 'registo de nascimentos|registro de nascimentos|certidões de nascimento|certidão de nascimento|nascimentos|recém-nascidos|maternidades'],
    ['late', 'late registration|late birth registration|unregistered|never registered|registration campaign|mobile registration', 'enregistrement tardif|déclaration tardive|jugements supplétifs|audiences foraines', 'inscripción tardía|registro tardío|subregistro|campañas de registro', 'registo tardio|sub-registo|sub-registro|campanhas de registo'],
    ['deaths_marriages', 'death registration|marriage registration|deaths|marriages|death certificates', 'actes de décès|décès|mariages|célébration des mariages', 'actas de defunción|defunciones|matrimonios', 'óbitos|casamentos|certidões de óbito'],
  ],
  digital_government: [
    ['egov', 'digital government|egovernment|digitisation|digitalisation|digital transformation|smart city|municipal software|digital', 'administration numérique|administration électronique|numérisation|ville intelligente|logiciel municipal|numérique', 'gobierno digital|gobierno electrónico|digitalización|ciudad inteligente|transformación digital|digital', 'governo digital|governo eletrónico|digitalização|cidade inteligente|transformação digital|digital'],
    ['online', 'online services|online procedures|e-services|one-stop shop|single portal|online payments|online permits|digital services', 'services en ligne|démarches en ligne|téléservices|guichet unique|paiement en ligne|dématérialisation', 'servicios en línea|trámites en línea|trámites digitales|ventanilla única|pagos en línea|trámites municipales', 'serviços online|serviços em linha|balcão único|serviços digitais|pagamentos online|desmaterialização'],
    ['eid', 'electronic identity|digital identity|eid|digital signatures|digital signature|electronic signature', 'identité numérique|signature électronique|signature numérique', 'identidad digital|firma electrónica|firma digital', 'identidade digital|assinatura digital|assinatura eletrónica|chave móvel digital'],
    ['open_data', 'open data|open data portal', 'données ouvertes', 'datos abiertos', 'dados abertos'],
  ],
  municipal_finance: [
    ['budget', 'municipal budget|budgeting|public financial management|accounting|financial management|audit|municipal finance|debt|creditworthiness|medium-term budget', 'budget communal|budget municipal|gestion des finances publiques|comptabilité|gestion financière|audit|finances locales|finances communales|dette|capacité d’emprunt', 'presupuesto municipal|gestión financiera|contabilidad|finanzas municipales|auditoría|deuda|gestión de finanzas públicas', 'orçamento municipal|gestão financeira|contabilidade|finanças municipais|finanças locais|auditoria|dívida|gestão das finanças públicas'],
  ],
  local_taxation: [
    ['revenue', 'own-source revenue|property tax|local taxes|tax collection|revenue collection|business licences|fees and charges|tax base|revenue mobilisation', 'recettes propres|ressources propres|taxe foncière|impôts locaux|fiscalité locale|recouvrement|mobilisation des recettes|patentes|taxes municipales|assiette fiscale', 'ingresos propios|impuesto predial|impuestos municipales|tributos locales|recaudación|recaudación tributaria|licencias comerciales|base tributaria', 'receitas próprias|imposto predial|IMI|IPTU|impostos municipais|cobrança de impostos|arrecadação|taxas municipais|licenças comerciais'],
  ],
  human_resources: [
    ['hr', 'human resources|HR|staff|personnel|civil servants|workforce|human resource management|municipal employees', 'ressources humaines|RH|personnel|agents municipaux|fonctionnaires|effectifs|GRH|agents communaux', 'recursos humanos|RRHH|personal|funcionarios|servidores públicos|plantilla|empleados municipales', 'recursos humanos|RH|pessoal|funcionários|trabalhadores municipais|servidores públicos'],
    ['recruitment', 'recruitment|merit-based recruitment|open competitions|competitive examinations|hiring|onboarding', 'recrutement|concours|concours de la fonction publique|embauche', 'reclutamiento|concursos de mérito|concursos públicos|selección de personal|contratación de personal', 'recrutamento|concursos públicos|seleção de pessoal|admissão'],
    ['careers', 'career management|career paths|civil service career|professional civil service|career development', 'gestion des carrières|déroulement de carrière|statut de la fonction publique', 'carrera administrativa|servicio civil de carrera|carrera funcionarial|estabilidad laboral', 'carreiras|gestão de carreiras|plano de carreiras|carreira administrativa'],
    ['training', 'staff training|training of staff|leadership training|capacity building of staff|continuous training', 'formation du personnel|plan de formation|formation des agents|formation continue', 'capacitación del personal|capacitación de funcionarios|capacitación continua|formación continua', 'formação do pessoal|formação contínua|plano de formação|capacitação dos funcionários'],
    ['appraisal', 'performance appraisal|job descriptions|competency frameworks|competency framework|annual appraisal', 'évaluation des performances|fiches de poste|entretiens d’évaluation|entretiens d\'évaluation|descriptions de fonction|référentiel des emplois|gestion des compétences', 'evaluación del desempeño|descripciones de puestos|manual de funciones|perfiles de puesto', 'avaliação de desempenho|descrição de funções|perfis de funções'],
    ['payroll', 'payroll|ghost workers|headcount|staff verification|staff audit', 'gestion de la paie|bulletins de paie|fichier de paie|agents fictifs|recensement du personnel', 'nómina|planilla|trabajadores fantasma|auditoría de personal', 'folha de pagamento|processamento salarial|funcionários fantasma|recenseamento dos funcionários'],
  ],
  decentralisation: [
    ['decentral', 'decentralisation|decentralization|local governance|devolution|municipal reform|intergovernmental transfers', 'décentralisation|gouvernance locale|transfert de compétences|réforme communale|collectivités territoriales', 'descentralización|gobernanza local|transferencia de competencias|reforma municipal', 'descentralização|governação local|governança local|transferência de competências|reforma autárquica|autarquias locais'],
  ],
  transparency: [
    ['integrity', 'transparency|anti-corruption|integrity|accountability|access to information|open government|social audit', 'transparence|lutte contre la corruption|intégrité|redevabilité|accès à l’information|accès à l\'information|gouvernement ouvert|contrôle citoyen', 'transparencia|anticorrupción|lucha contra la corrupción|integridad|rendición de cuentas|acceso a la información|gobierno abierto|contraloría social', 'transparência|combate à corrupção|integridade|prestação de contas|acesso à informação|governo aberto|controlo social'],
  ],
  public_procurement: [
    ['procurement', 'public procurement|tendering|tenders|procurement procedures|e-procurement|bidding', 'marchés publics|passation des marchés|appels d’offres|appels d\'offres|commande publique', 'contratación pública|licitaciones|compras públicas|procedimientos de contratación', 'contratação pública|concursos públicos|compras públicas|procedimentos de contratação|licitações'],
  ],
  strategic_planning: [
    ['plan', 'strategic plan|development plan|municipal development plan|strategic planning|monitoring and evaluation|performance indicators|SDG localisation', 'plan stratégique|plan de développement communal|plan communal de développement|planification stratégique|suivi et évaluation|indicateurs de performance|localisation des ODD', 'plan estratégico|plan de desarrollo municipal|planificación estratégica|seguimiento y evaluación|indicadores de desempeño|localización de los ODS', 'plano estratégico|plano de desenvolvimento municipal|planeamento estratégico|monitorização e avaliação|indicadores de desempenho|localização dos ODS'],
  ],
  inter_municipal_cooperation: [
    ['imc', 'inter-municipal cooperation|joint services|shared services|municipal association|twinning|city-to-city cooperation|metropolitan area', 'intercommunalité|coopération intercommunale|services mutualisés|mutualisation|association de communes|jumelage|coopération décentralisée', 'cooperación intermunicipal|mancomunidad|servicios compartidos|asociación de municipios|hermanamiento|cooperación descentralizada|área metropolitana', 'cooperação intermunicipal|associação de municípios|serviços partilhados|geminação|cooperação descentralizada|área metropolitana'],
  ],
  statistics_data: [
    ['data', 'data collection|statistics|household survey|census|indicators|dashboard|data management|database', 'collecte de données|statistiques|enquête ménages|recensement|indicateurs|tableau de bord|gestion des données|base de données', 'recolección de datos|estadísticas|encuesta de hogares|censo|indicadores|tablero|gestión de datos|base de datos', 'recolha de dados|estatísticas|inquérito aos agregados|censo|indicadores|painel|gestão de dados|base de dados'],
  ],
  public_communication: [
    ['comms', 'public communication|communication strategy|social media|awareness campaign|press office|citizen information', 'communication publique|stratégie de communication|réseaux sociaux|campagne de sensibilisation|sensibilisation|service de presse|information des citoyens', 'comunicación pública|estrategia de comunicación|redes sociales|campaña de sensibilización|sensibilización|oficina de prensa', 'comunicação pública|estratégia de comunicação|redes sociais|campanha de sensibilização|sensibilização|gabinete de imprensa'],
  ],
  public_health: [
    ['health', 'public health|primary health care|health centres|vaccination|epidemic|cholera|malaria|disease prevention|environmental health|mental health', 'santé publique|soins de santé primaires|centres de santé|vaccination|épidémie|choléra|paludisme|prévention des maladies|hygiène du milieu|santé mentale', 'salud pública|atención primaria|centros de salud|vacunación|epidemia|cólera|malaria|paludismo|prevención de enfermedades|salud ambiental|salud mental', 'saúde pública|cuidados de saúde primários|centros de saúde|vacinação|epidemia|cólera|malária|paludismo|prevenção de doenças|saúde ambiental|saúde mental'],
  ],
  education: [
    ['schools', 'schools|primary schools|early childhood|kindergarten|pre-school|school buildings|literacy|adult education|libraries', 'écoles|écoles primaires|petite enfance|maternelle|préscolaire|bâtiments scolaires|alphabétisation|éducation des adultes|bibliothèques', 'escuelas|escuelas primarias|primera infancia|jardín de infancia|preescolar|alfabetización|educación de adultos|bibliotecas', 'escolas|escolas primárias|primeira infância|jardim de infância|pré-escolar|alfabetização|educação de adultos|bibliotecas'],
  ],
  youth: [
    ['youth', 'youth|young people|youth centre|youth council|youth employment|youth participation|adolescents', 'jeunesse|jeunes|maison des jeunes|conseil municipal des jeunes|emploi des jeunes|adolescents', 'juventud|jóvenes|casa de la juventud|consejo de la juventud|empleo juvenil|adolescentes', 'juventude|jovens|casa da juventude|conselho municipal de juventude|emprego jovem|adolescentes'],
  ],
  culture: [
    ['culture', 'culture|cultural centre|festivals|museums|arts|creative industries|cultural policy', 'culture|centre culturel|festivals|musées|arts|industries créatives|politique culturelle', 'cultura|centro cultural|festivales|museos|artes|industrias creativas|política cultural', 'cultura|centro cultural|festivais|museus|artes|indústrias criativas|política cultural'],
  ],
  sport: [
    ['sport', 'sport|sports facilities|stadium|sports clubs|physical activity', 'sport|équipements sportifs|stade|clubs sportifs|activité physique', 'deporte|instalaciones deportivas|estadio|clubes deportivos|actividad física', 'desporto|esporte|instalações desportivas|estádio|clubes desportivos|atividade física'],
  ],
  gender_equality: [
    ['gender', 'gender equality|women|gender-based violence|women’s participation|women\'s participation|gender budgeting|women leaders|women entrepreneurs', 'égalité femmes-hommes|égalité de genre|femmes|violences basées sur le genre|violences faites aux femmes|participation des femmes|budgétisation sensible au genre|femmes entrepreneures', 'igualdad de género|mujeres|violencia de género|participación de las mujeres|presupuesto con perspectiva de género|mujeres emprendedoras', 'igualdade de género|igualdade de gênero|mulheres|violência de género|violência doméstica|participação das mulheres|orçamento sensível ao género|mulheres empreendedoras'],
  ],
  social_inclusion: [
    ['inclusion', 'social inclusion|poverty reduction|social assistance|vulnerable groups|social services|Roma inclusion|social protection', 'inclusion sociale|lutte contre la pauvreté|aide sociale|groupes vulnérables|action sociale|services sociaux|inclusion des Roms|protection sociale', 'inclusión social|reducción de la pobreza|asistencia social|grupos vulnerables|servicios sociales|protección social', 'inclusão social|redução da pobreza|ação social|apoio social|grupos vulneráveis|serviços sociais|proteção social'],
  ],
  integration_of_newcomers: [
    ['welcome', 'integration of newcomers|newcomers|refugees|asylum seekers|migrants|welcome centre|language courses|civic integration|reception of refugees|integration', 'intégration des nouveaux arrivants|nouveaux arrivants|réfugiés|demandeurs d’asile|demandeurs d\'asile|migrants|centre d’accueil|centre d\'accueil|cours de langue|accueil des réfugiés|intégration', 'integración de recién llegados|recién llegados|refugiados|solicitantes de asilo|migrantes|centro de acogida|cursos de idioma|acogida de refugiados|integración', 'integração de recém-chegados|recém-chegados|refugiados|requerentes de asilo|migrantes|centro de acolhimento|cursos de língua|acolhimento de refugiados|integração'],
  ],
  migration: [
    ['migration', 'migration|internally displaced persons|displaced people|IDPs|diaspora|return migration|labour migration', 'migrations|déplacés internes|personnes déplacées|diaspora|migration de retour|migration de travail', 'migración|desplazados internos|personas desplazadas|diáspora|migración de retorno|migración laboral', 'migração|deslocados internos|pessoas deslocadas|diáspora|migração de retorno|migração laboral'],
  ],
  elderly_care: [
    ['elderly', 'older people|elderly|ageing|home care|care homes|age-friendly city|senior citizens', 'personnes âgées|aînés|vieillissement|aide à domicile|maisons de retraite|ville amie des aînés|seniors', 'personas mayores|adultos mayores|envejecimiento|atención domiciliaria|residencias de mayores|ciudad amigable con las personas mayores', 'pessoas idosas|idosos|envelhecimento|apoio domiciliário|lares|cidade amiga das pessoas idosas|seniores'],
  ],
  disability_inclusion: [
    ['disability', 'disability|persons with disabilities|accessibility|wheelchair|universal design|accessible buildings', 'handicap|personnes handicapées|personnes en situation de handicap|accessibilité|fauteuil roulant|conception universelle', 'discapacidad|personas con discapacidad|accesibilidad|silla de ruedas|diseño universal', 'deficiência|pessoas com deficiência|acessibilidade|cadeira de rodas|desenho universal'],
  ],
};

/**
 * The thesaurus: the base concepts above, extended and completed by `MORE_CONCEPTS` (concepts.thesaurus.more.ts),
 * then by `THIRD_CONCEPTS` (concepts.thesaurus.third.ts).
 */
export const CONCEPTS: Readonly<Record<string, readonly ConceptRow[]>> = (() => {
  const out: Record<string, ConceptRow[]> = {};
  for (const [theme, rows] of Object.entries(BASE_CONCEPTS)) out[theme] = rows.map((r) => [...r] as unknown as ConceptRow);
  for (const [id, en, fr, es, pt] of [...MORE_CONCEPTS, ...THIRD_CONCEPTS]) {
    const [theme, name] = id.split('/');
    const rows = (out[theme] ??= []);
    const i = rows.findIndex((r) => r[0] === name);
    if (i < 0) rows.push([name, en, fr, es, pt]);
    else {
      const r = rows[i];
      rows[i] = [name, `${r[1]}|${en}`, `${r[2]}|${fr}`, `${r[3]}|${es}`, `${r[4]}|${pt}`];
    }
  }
  return out;
})();

/** Job functions (colleague-to-colleague matching): [code, en, fr, es, pt] terms. */
export const JOB_FUNCTIONS: readonly ConceptRow[] = [
  ['elected_official', 'mayor|deputy mayor|councillor|alderman|elected official|council member|city council', 'maire|adjoint au maire|conseiller municipal|conseillère municipale|élu local|élue locale|élu', 'alcalde|alcaldesa|concejal|concejala|regidor|teniente de alcalde|intendente', 'prefeito|prefeita|presidente da câmara|vereador|vereadora|autarca|presidente da junta'],
  ['city_manager', 'city manager|municipal secretary|chief executive|town clerk|secretary general|chief administrative officer|municipal director', 'secrétaire général|secrétaire générale|directeur général des services|secrétaire de mairie|administrateur communal', 'gerente municipal|secretario municipal|secretaria municipal|administrador municipal|director general', 'secretário municipal|administrador municipal|diretor municipal|secretária municipal'],
  ['registrar', 'registrar|civil registrar|civil registry officer|registry clerk|head of civil registration', 'officier d’état civil|officier d\'état civil|agent d’état civil|agent d\'état civil|chef du service de l’état civil|chef du service de l\'état civil', 'oficial del registro civil|registrador civil|jefe del registro civil|funcionario del registro civil', 'conservador do registo civil|oficial de registo|oficial do registo civil|chefe do registo civil'],
  ['hr_manager', 'human resources manager|hr manager|hr officer|head of human resources|personnel officer|head of personnel|hr advisor|human resources', 'responsable des ressources humaines|directeur des ressources humaines|directrice des ressources humaines|DRH|chef du personnel|gestionnaire RH', 'jefe de recursos humanos|jefa de recursos humanos|director de recursos humanos|responsable de personal|técnico de recursos humanos', 'diretor de recursos humanos|diretora de recursos humanos|técnico de recursos humanos|chefe de divisão de recursos humanos|responsável de pessoal'],
  ['finance_officer', 'finance director|treasurer|budget officer|chief financial officer|head of finance|accountant|revenue officer|tax officer', 'directeur financier|directrice financière|receveur municipal|trésorier|responsable du budget|comptable|chef du service financier|agent des impôts', 'director financiero|directora financiera|tesorero|tesorera|jefe de presupuesto|contador|recaudador', 'diretor financeiro|diretora financeira|tesoureiro|técnico de orçamento|contabilista|chefe de finanças'],
  ['urban_planner', 'urban planner|town planner|spatial planner|head of planning|planning officer|architect', 'urbaniste|chef du service urbanisme|architecte|aménageur', 'urbanista|planificador urbano|planificadora urbana|jefe de planeamiento|arquitecto', 'urbanista|técnico de planeamento|arquiteto|arquiteta|chefe de divisão de urbanismo'],
  ['engineer', 'engineer|civil engineer|water engineer|sanitation engineer|technical director|head of public works', 'ingénieur|ingénieure|ingénieur génie civil|directeur des services techniques|chef des services techniques', 'ingeniero|ingeniera|ingeniero civil|director de obras públicas|jefe de obras', 'engenheiro|engenheira|engenheiro civil|diretor de obras|chefe de obras municipais'],
  ['environmental_health_officer', 'environmental health officer|sanitation officer|health inspector|public health inspector|head of environmental health', 'technicien d’hygiène|technicien d\'hygiène|agent d’assainissement|agent d\'assainissement|inspecteur sanitaire|chef du service hygiène et assainissement|service d’hygiène|service d\'hygiène', 'inspector sanitario|técnico de saneamiento|jefe de salud ambiental|inspectora sanitaria', 'técnico de saúde ambiental|inspetor sanitário|fiscal sanitário|técnico de saneamento'],
  ['waste_manager', 'waste manager|head of waste management|cleansing manager|solid waste officer|waste management officer', 'responsable de la gestion des déchets|chef du service propreté|chef du service de la salubrité|gestionnaire des déchets', 'jefe de aseo urbano|responsable de residuos|jefe de limpieza pública|gerente de residuos sólidos', 'responsável pela gestão de resíduos|chefe da divisão de resíduos|técnico de resíduos|gestor de resíduos'],
  ['tourism_officer', 'tourism officer|tourism manager|head of tourism|tourism development officer', 'chargé du tourisme|chargée du tourisme|responsable du tourisme|directeur de l’office de tourisme|directeur de l\'office de tourisme', 'técnico de turismo|técnica de turismo|director de turismo|jefe de turismo', 'técnico de turismo|técnica de turismo|diretor de turismo|chefe de divisão de turismo'],
  ['economic_development_officer', 'economic development officer|business support officer|head of economic development|investment officer', 'chargé de développement économique|chargée de développement économique|responsable du développement économique|agent de développement local', 'técnico de desarrollo económico|promotor económico|jefe de desarrollo económico|agente de desarrollo local', 'técnico de desenvolvimento económico|técnica de desenvolvimento económico|chefe de desenvolvimento económico|agente de desenvolvimento local'],
  ['social_worker', 'social worker|integration officer|community worker|head of social services|welfare officer', 'travailleur social|travailleuse sociale|assistante sociale|chargé de l’intégration|chargé de l\'intégration|médiateur social|chef du service social', 'trabajador social|trabajadora social|técnico de integración|mediador social|jefe de servicios sociales', 'assistente social|técnico de ação social|técnica de ação social|técnico de integração|mediador social'],
  ['it_officer', 'it manager|chief information officer|digital officer|head of it|information systems manager|software developer|gis officer|data officer', 'responsable informatique|directeur des systèmes d’information|directeur des systèmes d\'information|chef du service informatique|chargé du numérique|développeur|géomaticien', 'jefe de informática|responsable de sistemas|director de tecnologías de la información|desarrollador|técnico sig', 'técnico de informática|diretor de sistemas de informação|chefe de informática|técnico de SIG|responsável pela transformação digital'],
  ['communication_officer', 'communication officer|press officer|spokesperson|head of communication', 'chargé de communication|chargée de communication|attaché de presse|responsable de la communication', 'responsable de comunicación|jefe de prensa|técnico de comunicación', 'técnico de comunicação|assessor de imprensa|responsável pela comunicação'],
  ['emergency_manager', 'emergency manager|civil protection officer|disaster management coordinator|resilience officer|chief resilience officer|fire chief', 'responsable de la protection civile|coordonnateur de la gestion des risques|chargé de la résilience|chef des pompiers', 'coordinador de protección civil|gestor de emergencias|jefe de bomberos|encargado de gestión de riesgos', 'coordenador de proteção civil|comandante de bombeiros|técnico de proteção civil|responsável pela gestão de riscos'],
  ['mobility_officer', 'transport planner|mobility officer|traffic engineer|head of mobility|mobility manager', 'chargé de mobilité|chargée de mobilité|responsable des transports|ingénieur trafic', 'técnico de movilidad|jefe de movilidad|ingeniero de tránsito|planificador de transporte', 'técnico de mobilidade|chefe de divisão de mobilidade|engenheiro de tráfego|planeador de transportes'],
  ['education_officer', 'education officer|head of education|school administrator|teacher|librarian', 'responsable éducation|chef du service éducation|enseignant|enseignante|bibliothécaire', 'técnico de educación|jefe de educación|docente|maestro|bibliotecario', 'técnico de educação|chefe de divisão de educação|professor|professora|bibliotecário'],
  ['health_officer', 'medical officer of health|health director|doctor|nurse|head of health services', 'médecin chef|directeur de la santé|médecin|infirmier|infirmière|responsable santé', 'director de salud|médico|enfermera|enfermero|jefe de salud', 'diretor de saúde|médico|enfermeiro|enfermeira|delegado de saúde'],
  ['agriculture_officer', 'agricultural officer|agronomist|extension officer|environment officer|park manager|ranger', 'agronome|agent de vulgarisation|chargé de l’environnement|chargé de l\'environnement|gestionnaire de parc|garde forestier', 'agrónomo|extensionista|técnico ambiental|guardaparques|técnico agrícola', 'agrónomo|engenheiro agrónomo|técnico agrícola|técnico de ambiente|guarda-florestal'],
];

/** Kinds of organisations used for context. */
export const ORGANISATION_KINDS = ['municipality', 'region', 'association', 'ngo', 'knowledge_institution', 'company', 'national_government', 'international_organisation', 'other'] as const;
