/**
 * The engine's concepts for directory search: what the analyser (`matching.text.ts`, the
 * multilingual thesaurus) recognises in a profile, stored with the row at write time
 * (`concepts`, `concept_weights`, `concepts_src`), and what it recognises in a query. A French
 * query "déchets" and an English profile about "solid waste collection" meet on
 * `waste_management/collection`, whatever language each is written in.
 *
 * Stored per row:
 * - `concepts`: concept ids (`theme/name`), and `theme/_` for every theme the text touches or the
 *   row declares; GIN-indexed, so `concepts && $query` is an index lookup;
 * - `concept_weights`: one weight per concept, index for index: how much the text is about it
 *   (BM25-like: repeated mentions count, saturating; a mention in a long text about something
 *   else counts less), so a profile about waste ranks above one that names it in passing;
 * - `concepts_src`: md5 of the analyser version and the analysed fields. A row whose stored key
 *   differs from the key of its current fields (written by a path that did not analyse it, or
 *   analysed by an older thesaurus) is stale; `reindex-concepts` (and the server at start) refreshes
 *   stale rows. The same key is computed in SQL by `conceptsSrcSql`.
 *
 * Pure: no database. The queries live in the organisations repository.
 */
import { createHash } from 'node:crypto';
import { analyse, themeOf } from './matching.text.ts';
import { CONCEPTS } from './matching.thesaurus.ts';
import { THEMES, isThemeCode } from '../../taxonomy/themes.ts';

/** Bump when the analysis of a text changes other than through the thesaurus (stemming, stop words, weights). */
const ANALYSER_REVISION = 1;

/** The version of the analysis: changes with the thesaurus, the theme labels and ANALYSER_REVISION. */
export const CONCEPTS_VERSION = createHash('md5')
  .update(JSON.stringify([ANALYSER_REVISION, CONCEPTS, THEMES.map((t) => [t.code, t.labels])]))
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
  const ids = new Set<string>();
  for (const c of analyse(q.slice(0, 500)).concepts) ids.add(c.id);
  return [...ids].sort().slice(0, MAX_QUERY_CONCEPTS);
}
