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
  /** organisation: what it wants help with; never counted as expertise (its concepts and themes are taken out of the profile's) */
  seeks?: string;
  /** what the profile asks for elsewhere (the organisation's open requests): like `seeks`, never counted as expertise */
  needs?: string;
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
  /**
   * the profile's know-how (`profileKnowHow`: offers or expertise without the sentences that state a need, and
   * the position) machine-translated into English, when the profile is not in English: extra evidence of the
   * profile, met by the request's English words (its own, or its translation's) at `FusionOptions.profileTranslation`
   */
  translation?: string;
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
  /**
   * the request's title and description machine-translated into English (where a translation engine is
   * configured): extra query evidence at `FusionOptions.translation` of the original words' weight
   */
  translation?: string;
};

/**
 * The weights of the score components are a programme's setting (stored with the programme, edited
 * on its weights page): declared in programmes/programmes.weights.ts, read here by the engine.
 */
import type { MatchWeights } from '../programmes/programmes.policy.ts';
export { DEFAULT_WEIGHTS, storedWeights, type MatchWeights } from '../programmes/programmes.policy.ts';

/** A structured, translatable reason. `code` selects the message; `params` fill it. */
export type Reason =
  | { code: 'theme'; params: { theme: string; terms: string[] } }
  | { code: 'text'; params: { terms: string[] } }
  /** the request names several needs (clauses); the profile covers `covered` of the `total`, named by `aspects` (request words) */
  | { code: 'aspects'; params: { covered: number; total: number; aspects: string[] } }
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
  /** the hybrid and aspect parts of the score (defaults in `DEFAULT_FUSION`; for evaluation and ablation) */
  fusion?: Partial<FusionOptions>;
};

/**
 * How the engine fuses its parts. The final score is
 * `(1 - lexical - aspects) · engine + lexical · lexicalEvidence + aspects · aspectCoverage`, where the
 * lexical evidence is the profile's BM25 over the request's words (no concepts) as a share of the
 * request's word idf mass, scaled by `lexicalScale` and capped at 1.
 */
export type FusionOptions = {
  /** weight of the lexical (BM25, words only) evidence */
  lexical: number;
  /** the share of the request's idf mass that counts as full lexical evidence */
  lexicalScale: number;
  /** 0: the lexical evidence is the share of the request's idf mass; 1: relative to the best profile's; between: geometric mean */
  lexicalRelative: number;
  /** the lexical evidence counts words found in at most this share of the profiles (1: all words) */
  lexicalMaxDf: number;
  /** weight of the share of the request's aspects a profile covers */
  aspects: number;
  /**
   * weight of a look-alike word (a cognate across languages, e.g. French "compostage" and English
   * "composting": stems of which one begins the other) relative to the request's own word; 0: off
   */
  cognates?: number;
  /**
   * weight of the words of the request's machine translation (`MatchRequest.translation`) relative to the
   * request's own words; they add evidence, not idf mass (as look-alike words); 0: off
   */
  translation?: number;
  /**
   * weight of the words of a profile's machine translation into English (`MatchProfile.translation`), met by the
   * request's English words (its own when it is in English, and its translation's), relative to the request
   * word's weight; they add evidence, not idf mass (as look-alike words); 0: off (as if no profile had one)
   */
  profileTranslation?: number;
};

/** The result of a ranking: notices (bad input, cut text, unknown language) and matches, best first. */
export type RankResult = { notices: string[]; matches: Match[]; language: string | null };
