/** Population bands for filtering the directory. Bounds are inclusive below, exclusive above. */
import type { Labels } from './labels.ts';

export const POPULATION_BAND_CODES = ['under_10k', '10k_50k', '50k_100k', '100k_500k', '500k_1m', 'over_1m'] as const;
export type PopulationBand = (typeof POPULATION_BAND_CODES)[number];

export type PopulationBandItem = { code: PopulationBand; min: number; max: number | null; labels: Labels };

const b = (code: PopulationBand, min: number, max: number | null, en: string, fr: string, es: string, pt: string, ar: string): PopulationBandItem =>
  Object.freeze({ code, min, max, labels: Object.freeze({ en, fr, es, pt, ar }) });

export const POPULATION_BANDS: readonly PopulationBandItem[] = Object.freeze([
  b('under_10k', 0, 10_000, 'Under 10,000 inhabitants', 'Moins de 10 000 habitants', 'Menos de 10.000 habitantes', 'Menos de 10 000 habitantes', 'أقل من 10٬000 نسمة'),
  b('10k_50k', 10_000, 50_000, '10,000 to 50,000', '10 000 à 50 000', '10.000 a 50.000', '10 000 a 50 000', 'من 10٬000 إلى 50٬000'),
  b('50k_100k', 50_000, 100_000, '50,000 to 100,000', '50 000 à 100 000', '50.000 a 100.000', '50 000 a 100 000', 'من 50٬000 إلى 100٬000'),
  b('100k_500k', 100_000, 500_000, '100,000 to 500,000', '100 000 à 500 000', '100.000 a 500.000', '100 000 a 500 000', 'من 100٬000 إلى 500٬000'),
  b('500k_1m', 500_000, 1_000_000, '500,000 to 1 million', '500 000 à 1 million', '500.000 a 1 millón', '500 000 a 1 milhão', 'من 500٬000 إلى مليون'),
  b('over_1m', 1_000_000, null, 'Over 1 million', "Plus d'un million", 'Más de 1 millón', 'Mais de 1 milhão', 'أكثر من مليون'),
]);

export const isPopulationBand = (v: unknown): v is PopulationBand => typeof v === 'string' && (POPULATION_BAND_CODES as readonly string[]).includes(v);

/** The band a population falls in, or undefined when unknown. */
export function bandOf(population: number | null | undefined): PopulationBand | undefined {
  if (population === null || population === undefined) return undefined;
  return POPULATION_BANDS.find((x) => population >= x.min && (x.max === null || population < x.max))?.code;
}
