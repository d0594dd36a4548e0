/**
 * Job functions in local government. Codes are those of the matching thesaurus
 * (src/modules/concepts/concepts.thesaurus.ts, JOB_FUNCTIONS), plus `other`.
 */
import { item, type Item } from './labels.ts';

export const JOB_FUNCTIONS: readonly Item[] = Object.freeze([
  item('elected_official', 'Elected official (mayor, councillor)', 'Élu local (maire, conseiller)', 'Cargo electo (alcalde, concejal)', 'Eleito local (presidente da câmara, vereador)', 'منتخب محلي (رئيس بلدية، مستشار)'),
  item('city_manager', 'City manager or municipal secretary', 'Secrétaire général ou directeur général des services', 'Gerente o secretario municipal', 'Secretário ou administrador municipal', 'الكاتب العام أو المدير العام للمصالح'),
  item('registrar', 'Civil registrar', "Officier d'état civil", 'Oficial del registro civil', 'Oficial do registo civil', 'ضابط الحالة المدنية'),
  item('hr_manager', 'Human resources manager', 'Responsable des ressources humaines', 'Responsable de recursos humanos', 'Responsável de recursos humanos', 'مسؤول الموارد البشرية'),
  item('finance_officer', 'Finance officer', 'Responsable financier', 'Responsable de finanzas', 'Responsável financeiro', 'المسؤول المالي'),
  item('urban_planner', 'Urban planner', 'Urbaniste', 'Urbanista', 'Urbanista', 'مخطط عمراني'),
  item('engineer', 'Engineer', 'Ingénieur', 'Ingeniero', 'Engenheiro', 'مهندس'),
  item('environmental_health_officer', 'Environmental health officer', "Technicien d'hygiène et d'assainissement", 'Técnico de salud ambiental', 'Técnico de saúde ambiental', 'مسؤول الصحة البيئية'),
  item('waste_manager', 'Waste manager', 'Responsable de la gestion des déchets', 'Responsable de gestión de residuos', 'Gestor de resíduos', 'مسؤول تدبير النفايات'),
  item('tourism_officer', 'Tourism officer', 'Chargé du tourisme', 'Técnico de turismo', 'Técnico de turismo', 'مسؤول السياحة'),
  item('economic_development_officer', 'Economic development officer', 'Chargé de développement économique', 'Técnico de desarrollo económico', 'Técnico de desenvolvimento económico', 'مسؤول التنمية الاقتصادية'),
  item('social_worker', 'Social worker', 'Travailleur social', 'Trabajador social', 'Assistente social', 'أخصائي اجتماعي'),
  item('it_officer', 'IT and digital officer', 'Responsable informatique et numérique', 'Responsable de informática y digitalización', 'Técnico de informática e digital', 'مسؤول المعلوميات والرقمنة'),
  item('communication_officer', 'Communication officer', 'Chargé de communication', 'Responsable de comunicación', 'Técnico de comunicação', 'مسؤول التواصل'),
  item('emergency_manager', 'Emergency and civil protection manager', 'Responsable de la protection civile', 'Gestor de emergencias y protección civil', 'Responsável de proteção civil', 'مسؤول الحماية المدنية والطوارئ'),
  item('mobility_officer', 'Mobility and transport officer', 'Chargé de mobilité', 'Técnico de movilidad', 'Técnico de mobilidade', 'مسؤول التنقل والنقل'),
  item('education_officer', 'Education officer', 'Responsable éducation', 'Técnico de educación', 'Técnico de educação', 'مسؤول التعليم'),
  item('health_officer', 'Health officer', 'Responsable santé', 'Responsable de salud', 'Responsável de saúde', 'مسؤول الصحة'),
  item('agriculture_officer', 'Agriculture and environment officer', "Chargé de l'agriculture et de l'environnement", 'Técnico agrícola y ambiental', 'Técnico agrícola e de ambiente', 'مسؤول الفلاحة والبيئة'),
  item('other', 'Other function', 'Autre fonction', 'Otra función', 'Outra função', 'وظيفة أخرى'),
]);

export const jobFunctionCodes: readonly string[] = Object.freeze(JOB_FUNCTIONS.map((i) => i.code));
const set = new Set(jobFunctionCodes);
export const isJobFunction = (v: unknown): v is string => typeof v === 'string' && set.has(v);
