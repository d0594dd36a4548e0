/**
 * The theme taxonomy of the whole platform: the fields of municipal work a
 * request, an organisation, a person or a good practice is about. Codes are
 * stable identifiers (stored in the database and in interchange files);
 * labels are shown in forms and filters in the five platform languages.
 * The matching engine keeps its multilingual terms and synonyms for each code
 * in `src/modules/concepts/concepts.thesaurus.ts`.
 */

/** The five interface languages. */
export type ThemeLabels = { en: string; fr: string; es: string; pt: string; ar: string };

/** One theme of municipal work. `group` clusters themes in forms. */
export type Theme = { code: string; labels: ThemeLabels; group?: string };

/** Groups used to cluster themes in forms and filters (labels in five languages). */
export const THEME_GROUPS: Readonly<Record<string, ThemeLabels>> = {
  environment: { en: 'Environment and basic services', fr: 'Environnement et services de base', es: 'Medio ambiente y servicios básicos', pt: 'Ambiente e serviços básicos', ar: 'البيئة والخدمات الأساسية' },
  risk: { en: 'Risk and resilience', fr: 'Risques et résilience', es: 'Riesgo y resiliencia', pt: 'Risco e resiliência', ar: 'المخاطر والقدرة على الصمود' },
  urban: { en: 'Urban and territorial development', fr: 'Développement urbain et territorial', es: 'Desarrollo urbano y territorial', pt: 'Desenvolvimento urbano e territorial', ar: 'التنمية الحضرية والترابية' },
  economy: { en: 'Local economy', fr: 'Économie locale', es: 'Economía local', pt: 'Economia local', ar: 'الاقتصاد المحلي' },
  governance: { en: 'Governance and administration', fr: 'Gouvernance et administration', es: 'Gobernanza y administración', pt: 'Governação e administração', ar: 'الحوكمة والإدارة' },
  social: { en: 'Social development', fr: 'Développement social', es: 'Desarrollo social', pt: 'Desenvolvimento social', ar: 'التنمية الاجتماعية' },
};

function t(code: string, group: string, en: string, fr: string, es: string, pt: string, ar: string): Theme {
  return Object.freeze({ code, group, labels: Object.freeze({ en, fr, es, pt, ar }) });
}

/** All themes, in display order (grouped). */
export const THEMES: readonly Theme[] = Object.freeze([
  // environment and basic services
  t('waste_management', 'environment', 'Waste management', 'Gestion des déchets', 'Gestión de residuos', 'Gestão de resíduos', 'إدارة النفايات'),
  t('sanitation', 'environment', 'Sanitation and wastewater', 'Assainissement et eaux usées', 'Saneamiento y aguas residuales', 'Saneamento e águas residuais', 'الصرف الصحي والمياه العادمة'),
  t('water_supply', 'environment', 'Water supply', 'Approvisionnement en eau potable', 'Abastecimiento de agua potable', 'Abastecimento de água', 'الإمداد بالمياه الصالحة للشرب'),
  t('energy', 'environment', 'Energy', 'Énergie', 'Energía', 'Energia', 'الطاقة'),
  t('climate_adaptation', 'environment', 'Climate adaptation', 'Adaptation au changement climatique', 'Adaptación al cambio climático', 'Adaptação às alterações climáticas', 'التكيف مع تغير المناخ'),
  t('climate_mitigation', 'environment', 'Climate mitigation', 'Atténuation du changement climatique', 'Mitigación del cambio climático', 'Mitigação das alterações climáticas', 'التخفيف من تغير المناخ'),
  t('biodiversity_green_spaces', 'environment', 'Biodiversity and green spaces', 'Biodiversité et espaces verts', 'Biodiversidad y espacios verdes', 'Biodiversidade e espaços verdes', 'التنوع البيولوجي والمساحات الخضراء'),
  t('air_quality', 'environment', 'Air quality', "Qualité de l'air", 'Calidad del aire', 'Qualidade do ar', 'جودة الهواء'),
  t('circular_economy', 'environment', 'Circular economy', 'Économie circulaire', 'Economía circular', 'Economia circular', 'الاقتصاد الدائري'),
  // risk and resilience
  t('disaster_risk', 'risk', 'Disaster risk reduction', 'Réduction des risques de catastrophe', 'Reducción del riesgo de desastres', 'Redução do risco de catástrofes', 'الحد من مخاطر الكوارث'),
  t('flood_risk', 'risk', 'Flood risk management', "Gestion du risque d'inondation", 'Gestión del riesgo de inundaciones', 'Gestão do risco de inundação', 'إدارة مخاطر الفيضانات'),
  t('public_safety', 'risk', 'Public safety and emergency services', 'Sécurité publique et secours', 'Seguridad ciudadana y emergencias', 'Segurança pública e emergências', 'السلامة العامة وخدمات الطوارئ'),
  t('social_cohesion', 'risk', 'Social cohesion and peacebuilding', 'Cohésion sociale et consolidation de la paix', 'Cohesión social y construcción de paz', 'Coesão social e construção da paz', 'التماسك الاجتماعي وبناء السلام'),
  // urban and territorial development
  t('urban_planning', 'urban', 'Urban planning', 'Urbanisme et aménagement', 'Planificación urbana', 'Planeamento urbano', 'التخطيط العمراني'),
  t('land_management', 'urban', 'Land administration and cadastre', 'Gestion foncière et cadastre', 'Gestión del suelo y catastro', 'Gestão fundiária e cadastro', 'إدارة الأراضي والسجل العقاري'),
  t('housing', 'urban', 'Housing', 'Logement', 'Vivienda', 'Habitação', 'الإسكان'),
  t('informal_settlements', 'urban', 'Informal settlement upgrading', 'Amélioration des quartiers informels', 'Mejoramiento de asentamientos informales', 'Requalificação de assentamentos informais', 'تحسين الأحياء غير الرسمية'),
  t('mobility', 'urban', 'Mobility and transport', 'Mobilité et transports', 'Movilidad y transporte', 'Mobilidade e transportes', 'التنقل والنقل'),
  t('public_works', 'urban', 'Roads and public works', 'Voirie et travaux publics', 'Vías y obras públicas', 'Vias e obras públicas', 'الطرق والأشغال العامة'),
  t('heritage', 'urban', 'Cultural heritage', 'Patrimoine culturel', 'Patrimonio cultural', 'Património cultural', 'التراث الثقافي'),
  t('rural_development', 'urban', 'Rural development', 'Développement rural', 'Desarrollo rural', 'Desenvolvimento rural', 'التنمية الريفية'),
  // local economy
  t('local_economic_development', 'economy', 'Local economic development', 'Développement économique local', 'Desarrollo económico local', 'Desenvolvimento económico local', 'التنمية الاقتصادية المحلية'),
  t('ecotourism', 'economy', 'Ecotourism', 'Écotourisme', 'Ecoturismo', 'Ecoturismo', 'السياحة البيئية'),
  t('tourism', 'economy', 'Tourism', 'Tourisme', 'Turismo', 'Turismo', 'السياحة'),
  t('agriculture', 'economy', 'Urban and peri-urban agriculture', 'Agriculture urbaine et périurbaine', 'Agricultura urbana y periurbana', 'Agricultura urbana e periurbana', 'الزراعة الحضرية وشبه الحضرية'),
  t('food_security', 'economy', 'Food security', 'Sécurité alimentaire', 'Seguridad alimentaria', 'Segurança alimentar', 'الأمن الغذائي'),
  t('markets_informal_economy', 'economy', 'Markets and informal economy', 'Marchés et économie informelle', 'Mercados y economía informal', 'Mercados e economia informal', 'الأسواق والاقتصاد غير الرسمي'),
  t('employment', 'economy', 'Employment and skills', 'Emploi et compétences', 'Empleo y competencias', 'Emprego e competências', 'التشغيل والمهارات'),
  // governance and administration
  t('citizen_participation', 'governance', 'Citizen participation', 'Participation citoyenne', 'Participación ciudadana', 'Participação cidadã', 'المشاركة المواطنية'),
  t('civil_registration', 'governance', 'Civil registration', 'État civil', 'Registro civil', 'Registo civil', 'الحالة المدنية'),
  t('digital_government', 'governance', 'Digital government', 'Administration numérique', 'Gobierno digital', 'Governo digital', 'الحكومة الرقمية'),
  t('municipal_finance', 'governance', 'Municipal finance and budgeting', 'Finances et budget municipaux', 'Finanzas y presupuesto municipales', 'Finanças e orçamento municipais', 'المالية والميزانية البلدية'),
  t('local_taxation', 'governance', 'Local revenue and taxation', 'Recettes et fiscalité locales', 'Ingresos y tributación local', 'Receitas e fiscalidade local', 'الإيرادات والجباية المحلية'),
  t('human_resources', 'governance', 'Human resources', 'Ressources humaines', 'Recursos humanos', 'Recursos humanos', 'الموارد البشرية'),
  t('decentralisation', 'governance', 'Decentralisation and local governance', 'Décentralisation et gouvernance locale', 'Descentralización y gobernanza local', 'Descentralização e governação local', 'اللامركزية والحوكمة المحلية'),
  t('transparency', 'governance', 'Transparency and anti-corruption', 'Transparence et lutte contre la corruption', 'Transparencia y lucha contra la corrupción', 'Transparência e combate à corrupção', 'الشفافية ومكافحة الفساد'),
  t('public_procurement', 'governance', 'Public procurement', 'Marchés publics', 'Contratación pública', 'Contratação pública', 'المشتريات العمومية'),
  t('strategic_planning', 'governance', 'Strategic planning', 'Planification stratégique', 'Planificación estratégica', 'Planeamento estratégico', 'التخطيط الاستراتيجي'),
  t('inter_municipal_cooperation', 'governance', 'Inter-municipal cooperation', 'Intercommunalité', 'Cooperación intermunicipal', 'Cooperação intermunicipal', 'التعاون بين البلديات'),
  t('statistics_data', 'governance', 'Local data and statistics', 'Données et statistiques locales', 'Datos y estadísticas locales', 'Dados e estatísticas locais', 'البيانات والإحصاءات المحلية'),
  t('public_communication', 'governance', 'Public communication', 'Communication publique', 'Comunicación pública', 'Comunicação pública', 'الاتصال العمومي'),
  // social development
  t('public_health', 'social', 'Public health', 'Santé publique', 'Salud pública', 'Saúde pública', 'الصحة العامة'),
  t('education', 'social', 'Education', 'Éducation', 'Educación', 'Educação', 'التعليم'),
  t('youth', 'social', 'Youth', 'Jeunesse', 'Juventud', 'Juventude', 'الشباب'),
  t('culture', 'social', 'Culture', 'Culture', 'Cultura', 'Cultura', 'الثقافة'),
  t('sport', 'social', 'Sport', 'Sport', 'Deporte', 'Desporto', 'الرياضة'),
  t('gender_equality', 'social', 'Gender equality', 'Égalité femmes-hommes', 'Igualdad de género', 'Igualdade de género', 'المساواة بين الجنسين'),
  t('social_inclusion', 'social', 'Social inclusion and poverty reduction', 'Inclusion sociale et lutte contre la pauvreté', 'Inclusión social y reducción de la pobreza', 'Inclusão social e redução da pobreza', 'الإدماج الاجتماعي والحد من الفقر'),
  t('integration_of_newcomers', 'social', 'Integration of newcomers', 'Intégration des nouveaux arrivants', 'Integración de recién llegados', 'Integração de recém-chegados', 'إدماج الوافدين الجدد'),
  t('migration', 'social', 'Migration and displacement', 'Migrations et déplacements', 'Migración y desplazamiento', 'Migração e deslocação', 'الهجرة والنزوح'),
  t('elderly_care', 'social', 'Care for older people', 'Accompagnement des personnes âgées', 'Atención a las personas mayores', 'Cuidados a pessoas idosas', 'رعاية كبار السن'),
  t('disability_inclusion', 'social', 'Disability inclusion', 'Inclusion des personnes handicapées', 'Inclusión de las personas con discapacidad', 'Inclusão de pessoas com deficiência', 'إدماج الأشخاص ذوي الإعاقة'),
]);

/** All theme codes, in display order. */
export const themeCodes: readonly string[] = Object.freeze(THEMES.map((theme) => theme.code));

const codeSet = new Set(themeCodes);

/** True when `code` is a theme code of the taxonomy. */
export function isThemeCode(code: unknown): code is string {
  return typeof code === 'string' && codeSet.has(code);
}

/** The theme with this code, or undefined. */
export function getTheme(code: string): Theme | undefined {
  return THEMES.find((theme) => theme.code === code);
}
