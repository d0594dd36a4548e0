/** The five exchange formats (DESIGN.md, "Exchange formats"). */
import { item, type Item } from './labels.ts';

export const EXCHANGE_FORMAT_CODES = ['expert_assignment', 'work_placement', 'roundtable', 'study_visit', 'virtual_exchange'] as const;
export type ExchangeFormat = (typeof EXCHANGE_FORMAT_CODES)[number];

export const EXCHANGE_FORMATS: readonly Item<ExchangeFormat>[] = Object.freeze([
  item('expert_assignment', 'Expert assignment', "Mission d'expertise", 'Misión de expertos', 'Missão de peritos', 'مهمة خبرة'),
  item('work_placement', 'Temporary work placement', 'Détachement temporaire', 'Estancia de trabajo temporal', 'Estágio profissional temporário', 'إلحاق مهني مؤقت'),
  item('roundtable', 'Roundtable expert meeting', "Table ronde d'experts", 'Mesa redonda de expertos', 'Mesa-redonda de peritos', 'اجتماع مائدة مستديرة للخبراء'),
  item('study_visit', 'Study visit', "Visite d'étude", 'Visita de estudio', 'Visita de estudo', 'زيارة دراسية'),
  item('virtual_exchange', 'Virtual exchange', 'Échange virtuel', 'Intercambio virtual', 'Intercâmbio virtual', 'تبادل افتراضي'),
]);

export const isExchangeFormat = (v: unknown): v is ExchangeFormat => typeof v === 'string' && (EXCHANGE_FORMAT_CODES as readonly string[]).includes(v);
