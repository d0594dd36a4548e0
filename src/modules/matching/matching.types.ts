/**
 * Types and default weights of the matching engine. See docs/matching.md
 * for what each weight does.
 */

/** What a match is: an organisation or a person (expert). */
export type ProfileType = 'organisation' | 'person';

/** An exchange the profile took part in, with its evaluation (1–5). */
export type PastExchange = { year: number; theme?: string; rating?: number; partner?: string };

/** Context flags, where known. */
export type ContextFlags = { coastal?: boolean; rural?: boolean; capital?: boolean };

/**
 * A profile the engine can propose: the fields of the interchange formats
 * (organisations and people, see shared/formats/README.md) plus optional
 * context the platform knows. People inherit country, languages and context
 * from their organisation when it is in the same index.
 */
export type MatchProfile = {
  type: ProfileType;
  id: string;
  name?: string;
  /** person: id of their organisation */
  organisation?: string;
  /** organisation kind (`municipality`, `region`, `association`, …) */
  kind?: string;
  /** ISO 3166-1 alpha-2 */
  country?: string;
  /** UN M49 sub-region name; derived from the country when absent */
  region?: string;
  population?: number;
  /** working languages, ISO 639-1 */
  languages?: string[];
  /** organisation: know-how it can share */
  offers?: string;
  /** organisation: what it wants help with (not used to rank helpers) */
  seeks?: string;
  /** person: free-text expertise */
  expertise?: string;
  /** person: job title as written */
  position?: string;
  /** person: job function code (see JOB_FUNCTIONS in the thesaurus); derived from `position` when absent */
  jobFunction?: string;
  themes?: string[];
  sdgs?: number[];
  /** exchange formats the profile offers */
  formats?: string[];
  /** ISO date-time of last activity on the platform */
  lastActiveAt?: string;
  /** open capacity: how many more exchanges it can take (0 = full) */
  capacity?: number;
  pastExchanges?: PastExchange[];
  /** months (1–12) in which the profile is available */
  availability?: number[];
  flags?: ContextFlags;
};

/** A request for expertise (the `requests` format plus optional context). */
export type MatchRequest = {
  id?: string;
  /** id of the requesting organisation: never matched, and its profile gives the context */
  organisation?: string;
  title?: string;
  description?: string;
  /** languages the requester can work in */
  languages?: string[];
  themes?: string[];
  sdgs?: number[];
  formats?: string[];
  country?: string;
  region?: string;
  kind?: string;
  population?: number;
  flags?: ContextFlags;
  /** the requester's job title or function, for colleague-to-colleague matching */
  position?: string;
  jobFunction?: string;
  /** months (1–12) in which the exchange should take place */
  months?: number[];
};

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

/** A structured, translatable reason. `code` selects the message; `params` fill it. */
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

export type Reason =
  | { code: 'theme'; params: { theme: string; terms: string[] } }
  | { code: 'text'; params: { terms: string[] } }
  | { code: 'job'; params: { jobFunction: string; position?: string } }
  | { code: 'language'; params: { languages: string[] } }
  | { code: 'context'; params: { aspect: 'kind' | 'population' | 'region' | 'coastal' | 'rural' | 'capital'; value?: string | number } }
  | { code: 'history'; params: { year: number; theme?: string; rating?: number } }
  | { code: 'availability'; params: { aspect: 'months' | 'active' | 'capacity' | 'format'; months?: number[]; days?: number; capacity?: number; format?: string } };

/** One proposed partner. `score` is in [0, 1]. */
export type Match = { id: string; type: ProfileType; score: number; name?: string; country?: string; reasons: Reason[] };

/** Hard filters of a ranking. */
export type MatchFilters = {
  types?: ProfileType[];
  /** the match must share one of these working languages */
  languages?: string[];
  /** use the request's own `languages` as a hard filter */
  requireLanguage?: boolean;
  countries?: string[];
  excludeCountries?: string[];
  kinds?: string[];
  /** the match must cover one of these themes */
  themes?: string[];
  excludeIds?: string[];
};

/** Options of `index.rank`. */
export type RankOptions = {
  /** number of matches (default 10, at most 1,000) */
  top?: number;
  weights?: Partial<MatchWeights>;
  filters?: MatchFilters;
  /** false: no diversity re-ranking (also off when filters.countries is set) */
  diversity?: boolean;
  /** with diversity on: at most this many matches from one country while others are available (default 3) */
  maxPerCountry?: number;
  /** reference time for recency (default: now) */
  now?: Date;
};

/** The result of a ranking: notices (bad input, cut text, unknown language) and matches, best first. */
export type RankResult = { notices: string[]; matches: Match[]; language: string | null };
