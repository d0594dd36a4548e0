/**
 * The eight approaches to municipal international cooperation named in the source document
 * 004 ("Approaches and practices", the table "In a nutshell").
 */
import { item, type Item } from './labels.ts';

export const APPROACH_CODES = [
  'city_to_city_partnership',
  'twinning',
  'international_youth_work',
  'indirect_cooperation',
  'private_sector_cooperation',
  'international_networks',
  'humanitarian_emergency_aid',
  'short_term_expertise_exchange',
] as const;
export type Approach = (typeof APPROACH_CODES)[number];

export const APPROACHES: readonly Item<Approach>[] = Object.freeze([
  item('city_to_city_partnership', 'City-to-city partnership', 'Partenariat de ville à ville', 'Asociación de ciudad a ciudad', 'Parceria entre cidades', 'شراكة بين مدينتين'),
  item('twinning', 'Twinning', 'Jumelage', 'Hermanamiento', 'Geminação', 'التوأمة'),
  item('international_youth_work', 'International youth work', 'Travail international de jeunesse', 'Trabajo juvenil internacional', 'Trabalho internacional com jovens', 'العمل الدولي مع الشباب'),
  item('indirect_cooperation', 'Indirect cooperation', 'Coopération indirecte', 'Cooperación indirecta', 'Cooperação indireta', 'التعاون غير المباشر'),
  item('private_sector_cooperation', 'International cooperation with the private sector', 'Coopération internationale avec le secteur privé', 'Cooperación internacional con el sector privado', 'Cooperação internacional com o setor privado', 'التعاون الدولي مع القطاع الخاص'),
  item('international_networks', 'International networks', 'Réseaux internationaux', 'Redes internacionales', 'Redes internacionais', 'الشبكات الدولية'),
  item('humanitarian_emergency_aid', 'Humanitarian and emergency aid', "Aide humanitaire et d'urgence", 'Ayuda humanitaria y de emergencia', 'Ajuda humanitária e de emergência', 'المساعدات الإنسانية والطارئة'),
  item('short_term_expertise_exchange', 'Short-term expertise exchange', "Échange d'expertise de courte durée", 'Intercambio de conocimientos a corto plazo', 'Intercâmbio de conhecimentos de curta duração', 'تبادل الخبرات قصير الأمد'),
]);

export const isApproach = (v: unknown): v is Approach => typeof v === 'string' && (APPROACH_CODES as readonly string[]).includes(v);
