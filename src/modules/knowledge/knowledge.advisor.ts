/**
 * The approach advisor (issue 13): which forms of international cooperation fit a municipality's
 * context, expectations and capacities, as the VVSG guide (seed 004) means its dashboard to be used.
 * A pure function: what matters to the municipality (the six features of the table "In a nutshell"
 * that are aims rather than costs), the horizon, the staff time and yearly budget it can commit and
 * who is to take part → every approach ranked, each explained feature by feature and budget against
 * need, with the combination the document suggests where it applies.
 *
 * What each approach needs comes from the guide: a city-to-city partnership "an international
 * policy officer (at least 0.5 FTE)" and "at least €10,000 a year from own resources"; twinning is
 * run by volunteers with municipal grants; youth work, indirect cooperation and emergency aid are
 * grants of "several thousand" or "a few thousand euros"; a short-term expertise exchange is funded
 * by its programme (CONNECT, the VVSG SDG partnerships) and needs a few days of staff time. The
 * duration and budget rows of the table are asked as the horizon and the money, not as wishes.
 */
import { APPROACH_CODES, type Approach } from '../../taxonomy/approaches.ts';
import { RATINGS, type Feature } from './knowledge.guide.ts';

/** What the scoring needs of an approach: its code, the table's ratings and what it needs (from the database, or the guide's seed). */
export type AdvisorApproach = { code: string; ratings: Readonly<Record<Feature, number>>; need: Need };

/** The features a municipality weighs (the table's rows that are aims). */
export const AIM_FEATURES = ['governance', 'political', 'civilSociety', 'privateSector', 'reciprocity', 'globalCitizenship'] as const satisfies readonly Feature[];
export type AimFeature = (typeof AIM_FEATURES)[number];
export const IMPORTANCE = ['not', 'somewhat', 'essential'] as const;
export type Importance = (typeof IMPORTANCE)[number];
export const HORIZONS = ['short', 'medium', 'long'] as const;
export type Horizon = (typeof HORIZONS)[number];
export const PARTICIPANTS = ['civilSociety', 'schools', 'companies'] as const;
export type Participant = (typeof PARTICIPANTS)[number];

export type AdvisorInput = {
  importance: Partial<Record<AimFeature, Importance>>;
  /** Euros a year the municipality can commit from its own resources. */
  budget: number;
  /** Staff time it can commit, in full-time equivalents. */
  staff: number;
  horizon: Horizon;
  participants: Participant[];
};

/** What an approach needs, from the guide. `horizons`: the horizons it is run over. */
export type Need = { budget: number; staff: number; horizons: readonly Horizon[] };
export const NEEDS: Readonly<Record<Approach, Need>> = Object.freeze({
  city_to_city_partnership: { budget: 10_000, staff: 0.5, horizons: ['long'] },
  twinning: { budget: 1_000, staff: 0, horizons: ['medium', 'long'] },
  international_youth_work: { budget: 2_000, staff: 0, horizons: ['medium', 'long'] },
  indirect_cooperation: { budget: 3_000, staff: 0.1, horizons: ['long'] },
  private_sector_cooperation: { budget: 5_000, staff: 0.2, horizons: ['medium', 'long'] },
  international_networks: { budget: 2_000, staff: 0.1, horizons: ['medium', 'long'] },
  humanitarian_emergency_aid: { budget: 1_000, staff: 0, horizons: ['short', 'medium'] },
  short_term_expertise_exchange: { budget: 0, staff: 0.05, horizons: ['short', 'medium'] },
});

const WEIGHT: Record<Importance, number> = { not: 0, somewhat: 1, essential: 3 };

/** One reason in a result, as a catalogue key and its values (the views word it in the reader's language). */
export type AdviceReason =
  | { code: 'feature'; feature: AimFeature; importance: Importance; rating: number }
  | { code: 'budgetBelow'; need: number; have: number }
  | { code: 'budgetOk'; need: number; have: number }
  | { code: 'staffBelow'; need: number; have: number }
  | { code: 'staffOk'; need: number; have: number }
  | { code: 'horizonFits'; horizon: Horizon }
  | { code: 'horizonMismatch'; horizon: Horizon; fits: readonly Horizon[] };

export type AdviceResult = {
  approach: string;
  /** 0–100: how well the approach answers what matters (aims), lowered where the means fall short. */
  score: number;
  /** How well its ratings answer the weighted aims alone, 0–100. */
  aims: number;
  fitsMeans: boolean;
  reasons: AdviceReason[];
};

export type Advice = {
  results: AdviceResult[];
  /** The combination the guide suggests, when it applies: a first approach that grows into a second. */
  combination: { first: string; then: string } | null;
};

/** Taking part: civil society or schools make civil society involvement matter; companies the private sector's. */
function weights(input: AdvisorInput): Record<AimFeature, number> {
  const w = Object.fromEntries(AIM_FEATURES.map((f) => [f, WEIGHT[input.importance[f] ?? 'not']])) as Record<AimFeature, number>;
  if ((input.participants.includes('civilSociety') || input.participants.includes('schools')) && w.civilSociety < 1) w.civilSociety = 1;
  if (input.participants.includes('schools') && w.globalCitizenship < 1) w.globalCitizenship = 1;
  if (input.participants.includes('companies') && w.privateSector < 1) w.privateSector = 1;
  return w;
}

/** The guide's eight approaches as seeded (what the database holds before an admin edits or adds one). */
export const SEEDED_APPROACHES: readonly AdvisorApproach[] = Object.freeze(APPROACH_CODES.map((code: Approach) => ({ code, ratings: RATINGS[code], need: NEEDS[code] })));

/** Every approach of `approaches`, best first (ties in their order). */
export function advise(input: AdvisorInput, approaches: readonly AdvisorApproach[] = SEEDED_APPROACHES): Advice {
  const w = weights(input);
  const total = AIM_FEATURES.reduce((s, f) => s + w[f], 0);
  const results = approaches.map(({ code: approach, ratings: r, need }, order) => {
    const reasons: AdviceReason[] = [];
    // Aims: the weighted mean of the table's ratings (0–3) over what matters; nothing weighed → each approach's mean.
    const aims = total > 0 ? AIM_FEATURES.reduce((s, f) => s + w[f] * r[f], 0) / (3 * total) : AIM_FEATURES.reduce((s, f) => s + r[f], 0) / (3 * AIM_FEATURES.length);
    for (const f of [...AIM_FEATURES].sort((a, b) => w[b] - w[a] || AIM_FEATURES.indexOf(a) - AIM_FEATURES.indexOf(b))) {
      if (w[f] > 0) reasons.push({ code: 'feature', feature: f, importance: (input.importance[f] ?? 'somewhat') === 'not' ? 'somewhat' : input.importance[f]!, rating: r[f] });
    }
    // Means: each shortfall lowers the score by up to half, in proportion to what is missing.
    let factor = 1;
    if (input.budget < need.budget) {
      factor *= 0.5 + 0.5 * (need.budget > 0 ? input.budget / need.budget : 1);
      reasons.unshift({ code: 'budgetBelow', need: need.budget, have: input.budget });
    } else reasons.push({ code: 'budgetOk', need: need.budget, have: input.budget });
    if (input.staff < need.staff) {
      factor *= 0.5 + 0.5 * (need.staff > 0 ? input.staff / need.staff : 1);
      reasons.unshift({ code: 'staffBelow', need: need.staff, have: input.staff });
    } else reasons.push({ code: 'staffOk', need: need.staff, have: input.staff });
    if (need.horizons.includes(input.horizon)) reasons.push({ code: 'horizonFits', horizon: input.horizon });
    else {
      factor *= 0.75;
      reasons.unshift({ code: 'horizonMismatch', horizon: input.horizon, fits: need.horizons });
    }
    const score = Math.round(aims * factor * 1000) / 10;
    return { result: { approach, score, aims: Math.round(aims * 1000) / 10, fitsMeans: factor === 1, reasons }, order };
  });
  results.sort((a, b) => b.result.score - a.result.score || a.order - b.order);
  const ranked = results.map((x) => x.result);
  return { results: ranked, combination: combinationFor(input, ranked) };
}

/**
 * The guide: a short-term expertise exchange "can be a stepping stone to long-term cooperation".
 * Suggested when a city-to-city partnership answers the aims best but the means or the horizon do
 * not reach it yet, or when both rank high for a long horizon.
 */
function combinationFor(input: AdvisorInput, ranked: AdviceResult[]): Advice['combination'] {
  const partnership = ranked.find((r) => r.approach === 'city_to_city_partnership');
  const exchange = ranked.find((r) => r.approach === 'short_term_expertise_exchange');
  if (!partnership || !exchange) return null;
  const bestAims = Math.max(...ranked.map((r) => r.aims));
  if (partnership.aims >= bestAims && !partnership.fitsMeans) return { first: 'short_term_expertise_exchange', then: 'city_to_city_partnership' };
  const top3 = ranked.slice(0, 3).map((r) => r.approach);
  if (input.horizon === 'long' && top3.includes('city_to_city_partnership') && top3.includes('short_term_expertise_exchange')) return { first: 'short_term_expertise_exchange', then: 'city_to_city_partnership' };
  return null;
}
