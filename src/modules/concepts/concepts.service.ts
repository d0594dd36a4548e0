/**
 * The concepts module: the multilingual vocabulary of municipal concepts (`concepts.thesaurus.ts`)
 * and the analyser that recognises it in any text (`concepts.text.ts`: tokenising, language
 * detection, stop words, stemming), with what the directory stores from it. A French query
 * "déchets" and an English profile about "solid waste collection" meet on
 * `waste_management/collection`, whatever language each is written in.
 *
 * Why a module of its own, below both organisations and matching: the directory (organisations,
 * imports) analyses a profile when it is written and a search query when it is read; the matching
 * engine analyses requests and profiles to rank them, and reads the directory. Kept in matching,
 * the directory would import the engine that reads the directory (a cycle); kept in organisations,
 * the engine would import the directory's face for its text analysis. The analysis needs neither:
 * it is pure (no database, no table, no page, so no manifest to mount), and both import it through
 * this service. It is not `src/platform/` (which holds no domain: this is the vocabulary of
 * municipal work) nor `src/taxonomy/` (labels of codes; this is stemming and recognition code).
 *
 * Stored per row (organisations and people):
 * - `concepts`: concept ids (`theme/name`), and `theme/_` for every theme the text touches or the
 *   row declares; GIN-indexed, so `concepts && $query` is an index lookup;
 * - `concept_weights`: one weight per concept, index for index: how much the text is about it
 *   (BM25-like: repeated mentions count, saturating; a mention in a long text about something
 *   else counts less), so a profile about waste ranks above one that names it in passing;
 * - `concepts_src`: md5 of the analyser version and the analysed fields. A row whose stored key
 *   differs from the key of its current fields (written by a path that did not analyse it, or
 *   analysed by an older thesaurus) is stale; `reindex-concepts` (and the server at start) refreshes
 *   stale rows. The same key is computed in SQL by `conceptsSrcSql` (organisations repository).
 *
 * Pure: no database. The queries live in the organisations repository.
 */
import { createHash } from 'node:crypto';
import { analyse, themeOf } from './concepts.text.ts';
import { CONCEPTS } from './concepts.thesaurus.ts';
import { CONCEPTS_AR } from './concepts.thesaurus.ar.ts';
import { THEMES as THEME_LIST } from '../../taxonomy/themes.ts';
import { THEMES, isThemeCode } from '../../taxonomy/themes.ts';

// The analyser and the vocabulary, for the matching engine (and its evaluation and bench).
export { analyse, themeOf, baselineTokens, detectLanguage, tokenize, stem, splitNeeds, TEXT_LANGS } from './concepts.text.ts';
export type { Analysis, AnalyseOptions, ConceptHit, Detection, Lang } from './concepts.text.ts';
export { CONCEPTS, JOB_FUNCTIONS, ORGANISATION_KINDS } from './concepts.thesaurus.ts';
export type { ConceptRow } from './concepts.thesaurus.ts';

/** Bump when the analysis of a text changes other than through the thesaurus (stemming, stop words, weights, language detection). */
const ANALYSER_REVISION = 4;

/** The version of the analysis: changes with the thesaurus, the theme labels and ANALYSER_REVISION. */
export const CONCEPTS_VERSION = createHash('md5')
  .update(JSON.stringify([ANALYSER_REVISION, CONCEPTS, CONCEPTS_AR, THEMES.map((t) => [t.code, t.labels])]))
  .digest('hex')
  .slice(0, 12);

const K1 = 1.2;
const B = 0.75;
/** Typical length of a profile text in content words (the length normalisation's pivot). */
const AVG_WORDS = 40;
/** A declared theme counts as this many mentions of its theme. */
const DECLARED_THEME_TF = 1;
/** Theme entries weigh less than a concept named in the text. */
const THEME_FACTOR = 0.5;
/** At most this many query concepts are looked up. */
const MAX_QUERY_CONCEPTS = 16;

export type StoredConcepts = { concepts: string[]; conceptWeights: number[]; conceptsSrc: string };

function saturate(tf: number, length: number): number {
  return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / AVG_WORDS));
}

/** The key of a row's analysed fields; `conceptsSrcSql` computes the same in SQL. */
export function conceptsSrc(fields: readonly (string | readonly string[])[]): string {
  const text = [CONCEPTS_VERSION, ...fields.map((f) => (typeof f === 'string' ? f : f.join(',')))].join('\n');
  return createHash('md5').update(text, 'utf8').digest('hex');
}

/**
 * Concepts of a profile text, weighted. `hint`: the profile's first working language (used when
 * the language of a short text is unsure); `themes`: the themes the row declares.
 */
export function analyseProfileConcepts(text: string, hint: string | undefined, themes: readonly string[]): { concepts: string[]; conceptWeights: number[] } {
  const a = analyse(text, { hint, jobs: false });
  const length = Math.max(a.words.length, 1);
  const tf = new Map<string, number>();
  const themeTf = new Map<string, number>();
  for (const c of a.concepts) {
    if (!c.id.endsWith('/_')) tf.set(c.id, (tf.get(c.id) ?? 0) + 1);
    const theme = themeOf(c.id);
    themeTf.set(theme, (themeTf.get(theme) ?? 0) + 1);
  }
  for (const t of themes) if (isThemeCode(t)) themeTf.set(t, (themeTf.get(t) ?? 0) + DECLARED_THEME_TF);
  const out: Array<[string, number]> = [];
  for (const [id, n] of tf) out.push([id, saturate(n, length)]);
  for (const [theme, n] of themeTf) out.push([`${theme}/_`, THEME_FACTOR * saturate(n, length)]);
  out.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  return { concepts: out.map((x) => x[0]), conceptWeights: out.map((x) => Math.round(x[1] * 1000) / 1000) };
}

/** The stored concepts of an organisation: its offers and what it seeks. */
export function organisationConcepts(o: { offers: string; seeks: string; languages: readonly string[]; themes: readonly string[] }): StoredConcepts {
  return {
    ...analyseProfileConcepts(`${o.offers}\n${o.seeks}`, o.languages[0], o.themes),
    conceptsSrc: conceptsSrc([o.offers, o.seeks, o.languages, o.themes]),
  };
}

/** The stored concepts of a person: their expertise and position. */
export function personConcepts(p: { position: string; expertise: string; languages: readonly string[]; themes: readonly string[] }): StoredConcepts {
  return {
    ...analyseProfileConcepts(`${p.expertise}\n${p.position}`, p.languages[0], p.themes),
    conceptsSrc: conceptsSrc([p.position, p.expertise, p.languages, p.themes]),
  };
}

/**
 * The concepts of a search query, in any of the four languages (a short query's language is unsure:
 * the analyser looks in all of them). Specific concepts (`waste_management/landfill`) and, when the
 * query names a theme itself ("gestion des déchets"), the theme (`waste_management/_`).
 */
export function queryConcepts(q: string): string[] {
  return queryMeaning(q).concepts;
}

/**
 * The concepts of a search query, and whether they say all it says: `whole` when every content word
 * of the query is part of a recognised concept ("النفايات", "gestion des déchets"), false when some
 * word is not ("déchets Almere"). A whole query is ranked by its concepts alone, so that the same
 * concept typed in any of the five languages gives the same order; otherwise its words count too.
 */
export function queryMeaning(q: string): { concepts: string[]; whole: boolean } {
  const a = analyse(q.slice(0, 500));
  const ids = new Set<string>();
  const covered = new Set<string>();
  // A word that is both a theme's label and a term of one of its concepts ("الشباب", "youth") means the
  // concept: the theme would add a second, language-dependent weight.
  const specific = new Set(a.concepts.filter((c) => !c.id.endsWith('/_')).map((c) => `${themeOf(c.id)}|${c.surface}`));
  for (const c of a.concepts) {
    for (const w of c.surface.split(' ')) covered.add(w);
    if (c.id.endsWith('/_') && specific.has(`${themeOf(c.id)}|${c.surface}`)) continue;
    ids.add(c.id);
  }
  const whole = ids.size > 0 && a.surfaces.every((w) => covered.has(w));
  return { concepts: [...ids].sort().slice(0, MAX_QUERY_CONCEPTS), whole };
}

let termIndex: Map<string, string[]> | null = null;

/** Every term of every concept in the five languages (and the theme labels for `theme/_`), built once. */
function termsByConcept(): Map<string, string[]> {
  if (termIndex) return termIndex;
  const m = new Map<string, string[]>();
  const add = (id: string, terms: string) => {
    const list = m.get(id) ?? [];
    for (const term of terms.split('|')) if (term.trim() && !list.includes(term.trim())) list.push(term.trim());
    m.set(id, list);
  };
  for (const [theme, rows] of Object.entries(CONCEPTS)) for (const row of rows) for (let i = 1; i < 5; i++) add(`${theme}/${row[0]}`, row[i]!);
  for (const [id, terms] of Object.entries(CONCEPTS_AR)) add(id, terms);
  for (const theme of THEME_LIST) add(`${theme.code}/_`, Object.values(theme.labels).join('|'));
  return (termIndex = m);
}

/**
 * A search query in the words of every language, for searches over texts that have no stored
 * concepts (the good-practice library): when the query's concepts say all it says (`queryMeaning`),
 * the terms of those concepts in en, fr, es, pt and ar (at most `max`), to be OR'd with the query's
 * own words. "النفايات" or "ordures" then find an English case about "solid waste". Null otherwise.
 */
export function queryExpansion(q: string, max = 200): string[] | null {
  const { concepts, whole } = queryMeaning(q);
  if (!whole) return null;
  const out: string[] = [];
  for (const id of concepts) for (const term of termsByConcept().get(id) ?? []) if (out.length < max && !out.includes(term)) out.push(term);
  return out.length ? out : null;
}
