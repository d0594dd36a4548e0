/**
 * The matching weights of a programme: one per score component of the engine (each component is in
 * [0, 1]), with the engine's defaults, and the one rule for reading them as stored. They live here,
 * with the programme that stores them, so that the programme's weights page and the engine both
 * read them from below (matching depends on programmes, never the other way). See docs/matching.md
 * for what each weight does.
 */

/** Weights of the score components (each component is in [0, 1]). */
export type MatchWeights = {
  /** BM25 text relevance (stemmed words and concepts), relative to the best candidate */
  text: number;
  /** share of the request's thesaurus concepts (idf-weighted) the profile covers: cross-lingual core */
  concepts: number;
  /** share of the request's themes (declared or recognised) the profile covers */
  themes: number;
  /** same job function (colleague to colleague) */
  job: number;
  /** shares a working language with the requester */
  language: number;
  /** similar kind, population band, region, coastal/rural/capital */
  context: number;
  /** past exchanges on the request's themes and their ratings */
  history: number;
  /** recently active, open capacity, available in the requested months, offers a requested format */
  availability: number;
  /** diversity: score multiplier (1 - diversity)^n for the n-th further match from one country */
  diversity: number;
};

/** Default weights; programmes override any of them per call (`rank(req, { weights })`). */
export const DEFAULT_WEIGHTS: Readonly<MatchWeights> = Object.freeze({
  text: 0.25,
  concepts: 0.3,
  themes: 0.1,
  job: 0.1,
  language: 0.08,
  context: 0.06,
  history: 0.05,
  availability: 0.06,
  diversity: 0.12,
});

/**
 * Weights as stored for a programme (`programmes.match_weights`, an object or its JSON text): known
 * keys with finite numbers >= 0; anything else is ignored, so the default applies. The one rule for
 * reading them, used by the rankings and by the programme's weights form.
 */
export function storedWeights(stored: unknown): Partial<MatchWeights> {
  if (typeof stored === 'string') {
    try {
      stored = JSON.parse(stored) as unknown;
    } catch {
      return {};
    }
  }
  const out: Partial<MatchWeights> = {};
  if (stored && typeof stored === 'object' && !Array.isArray(stored))
    for (const [k, v] of Object.entries(stored)) if (k in DEFAULT_WEIGHTS && typeof v === 'number' && Number.isFinite(v) && v >= 0) out[k as keyof MatchWeights] = v;
  return out;
}
