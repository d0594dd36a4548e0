/**
 * Text analysis for the directory and matching (reached through concepts.service.ts): tokenising, language detection, stop words and
 * stemming per language (snowball-stemmers, stopwords-iso, franc-min), and
 * recognition of thesaurus concepts and job functions in any of the supported
 * languages. Pure and synchronous; every table is built once on first use.
 */
import { createRequire } from 'node:module';
import { franc } from 'franc-min';
import { THEMES } from '../../taxonomy/themes.ts';
import { CONCEPTS, JOB_FUNCTIONS } from './concepts.thesaurus.ts';
import { CONCEPTS_AR, JOB_FUNCTIONS_AR } from './concepts.thesaurus.ar.ts';

const require = createRequire(import.meta.url);
const snowball = require('snowball-stemmers') as { newStemmer(name: string): { stem(word: string): string } };
const stopwordsIso = require('stopwords-iso') as Record<string, string[]>;

/** Languages the analyser stems and recognises concepts in. */
export type Lang = 'en' | 'fr' | 'es' | 'pt' | 'ar';
export const TEXT_LANGS: readonly Lang[] = ['en', 'fr', 'es', 'pt', 'ar'];
const CORE_LANGS: readonly Lang[] = ['en', 'fr', 'es', 'pt'];

const STEMMER_NAMES: Record<Lang, string> = { en: 'english', fr: 'french', es: 'spanish', pt: 'portuguese', ar: 'arabic' };
const FRANC_TO_LANG: Record<string, Lang> = { eng: 'en', fra: 'fr', spa: 'es', por: 'pt', arb: 'ar' };

/** A recognised thesaurus concept or job function, with the words of the text that matched it. */
export type ConceptHit = { id: string; surface: string };

/** The result of analysing one text. */
export type Analysis = {
  lang: Lang | null;
  /** Stemmed, accent-folded content words (stop words removed), in text order. */
  words: string[];
  /** The lower-cased words of the text behind `words`, index for index. */
  surfaces: string[];
  /** Concept ids (`theme/name`, or `theme/_` for the theme label itself) with their matched surface text. */
  concepts: ConceptHit[];
  /** Job function codes with surface text. */
  jobs: ConceptHit[];
};

// Marks belong to their word: Arabic short vowels and shadda (النّفايات), decomposed accents.
const TOKEN_RE = /[\p{L}\p{M}\p{N}]+/gu;
const ARABIC_RE = /[\u0600-\u06FF]/g;

/** Lower-cased tokens of a text (letters and digits; apostrophes and hyphens split). */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(TOKEN_RE) ?? [];
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}

// ------------------------------------------------------------- Arabic

const ARABIC_DIACRITICS = /[\u064B-\u065F\u0670\u0640]/g;
const ARABIC_PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];
const ARABIC_SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'];

/**
 * Orthographic normalisation of an Arabic word, as search engines do: short vowels, shadda and
 * tatweel removed; the hamza forms of alef (أ إ آ ٱ) to bare alef; alef maqsura (ى) to ya; ta
 * marbuta (ة) to ha; hamza on waw or ya to the bare letter. People type these inconsistently.
 */
export function normaliseArabic(word: string): string {
  return word
    .replace(ARABIC_DIACRITICS, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي');
}

/**
 * The "light10" stemmer of Larkey, Ballesteros and Connell (2007), the usual light stemming for
 * Arabic retrieval: after normalisation, a leading و (and) if at least three letters remain; one
 * definite article (ال with و ب ك ف, or لل) if at least two remain; then each suffix of the list,
 * in order, if at least two remain. النفايات, نفايات and نفاية all become نفا; الصحي and صحية صح.
 * Snowball's Arabic stemmer is not used: it stems النفايات and نفايات differently.
 */
export function lightStemArabic(word: string): string {
  let w = normaliseArabic(word);
  if (w.length >= 4 && w.startsWith('و')) w = w.slice(1);
  for (const p of ARABIC_PREFIXES) {
    if (w.startsWith(p) && w.length - p.length >= 2) {
      w = w.slice(p.length);
      break;
    }
  }
  for (const s of ARABIC_SUFFIXES) if (w.endsWith(s) && w.length - s.length >= 2) w = w.slice(0, -s.length);
  return w;
}

const stemmers = new Map<Lang, { stem(word: string): string }>();
const stemCaches = new Map<Lang, Map<string, string>>();

/** Stem one lower-cased word in a language, then fold accents (`décharges` → `decharg`). Cached. */
export function stem(lang: Lang, word: string): string {
  let cache = stemCaches.get(lang);
  if (!cache) {
    cache = new Map();
    stemCaches.set(lang, cache);
    stemmers.set(lang, lang === 'ar' ? { stem: lightStemArabic } : snowball.newStemmer(STEMMER_NAMES[lang]));
  }
  let s = cache.get(word);
  if (s === undefined) {
    s = word.length <= 2 || /\d/.test(word) ? (lang === 'ar' ? normaliseArabic(word) : word) : fold(stemmers.get(lang)!.stem(word));
    if (cache.size > 500_000) cache.clear();
    cache.set(word, s);
  }
  return s;
}

// ---------------------------------------------------------------- tables

/** `reversed`: a two-word term's other order ("birth registration" for "registration of births"). */
type TermEntry = { stems: string[]; ids: string[]; surface: string; reversed: boolean };
/**
 * The terms that begin with one stem: one-word terms, and longer terms by their second stem, longest first
 * (so a text position costs one map read per stem, however many terms share a common first word such as
 * "water" or "waste"; the thesaurus has a few thousand terms per language).
 */
type TermBucket = { single: TermEntry[]; bySecond: Map<string, TermEntry[]> };
type Tables = {
  stop: Record<Lang, Set<string>>;
  concepts: Record<Lang, Map<string, TermBucket>>;
  jobs: Record<Lang, Map<string, TermBucket>>;
  detect: Map<string, Lang[]>;
};
let tables: Tables | null = null;

/** Very frequent function words, used for quick language detection. */
const DETECT_WORDS: Record<string, string> = {
  en: 'the and of to in for with our we is are on from by this that how need have has an be which their its want help city municipality',
  fr: 'le la les des du et en pour dans avec nous est sont une un sur par au aux notre nos qui que ce cette de commune ville souhaitons besoin',
  es: 'el la lo los las del de y en para con nuestro nuestra nuestros es son una un por que se al como muy sus necesitamos municipio ciudad queremos',
  pt: 'o os as do da dos das de e em para com nosso nossa nossos é são uma um por que se ao como não na no nas nos município cidade queremos precisamos',
};

function buildTables(): Tables {
  const termsByLang: Record<Lang, Array<{ term: string; id: string }>> = { en: [], fr: [], es: [], pt: [], ar: [] };
  const jobTermsByLang: Record<Lang, Array<{ term: string; id: string }>> = { en: [], fr: [], es: [], pt: [], ar: [] };
  for (const [theme, rows] of Object.entries(CONCEPTS)) {
    for (const row of rows) {
      CORE_LANGS.forEach((lang, i) => {
        for (const term of row[i + 1].split('|')) if (term.trim()) termsByLang[lang].push({ term, id: `${theme}/${row[0]}` });
      });
    }
  }
  for (const [id, terms] of Object.entries(CONCEPTS_AR)) for (const term of terms.split('|')) if (term.trim()) termsByLang.ar.push({ term, id });
  for (const [id, terms] of Object.entries(JOB_FUNCTIONS_AR)) for (const term of terms.split('|')) if (term.trim()) jobTermsByLang.ar.push({ term, id });
  for (const theme of THEMES) {
    for (const lang of TEXT_LANGS) termsByLang[lang].push({ term: theme.labels[lang], id: `${theme.code}/_` });
  }
  for (const row of JOB_FUNCTIONS) {
    CORE_LANGS.forEach((lang, i) => {
      for (const term of row[i + 1].split('|')) if (term.trim()) jobTermsByLang[lang].push({ term, id: row[0] });
    });
  }
  // Stop words: stopwords-iso lists, minus every word the thesaurus needs.
  const stop = {} as Record<Lang, Set<string>>;
  const functionWords = new Set(Object.values(DETECT_WORDS).join(' ').split(' '));
  for (const lang of TEXT_LANGS) {
    const protectedWords = new Set<string>();
    for (const { term } of [...termsByLang[lang], ...jobTermsByLang[lang]]) for (const w of tokenize(term)) if (w.length > 2 && !functionWords.has(w)) protectedWords.add(w);
    stop[lang] = new Set((stopwordsIso[lang] ?? []).map((w) => w.toLowerCase()).filter((w) => !protectedWords.has(w)));
    // single letters left by elision (l', d', qu') are never content
    for (const c of 'abcdefghijklmnopqrstuvwxyz') stop[lang].add(c);
  }
  const makeMap = (lang: Lang, list: Array<{ term: string; id: string }>) => {
    const map = new Map<string, TermBucket>();
    const seen = new Map<string, TermEntry>();
    for (const { term, id } of list) {
      const termTokens = tokenize(term);
      // "e-services", "e-government": without the letter, only a generic word would be left
      if (/(^|\s)\p{L}-/u.test(term)) continue;
      const stems = termTokens.filter((w) => !stop[lang].has(w)).map((w) => stem(lang, w));
      if (!stems.length) continue;
      // two-word terms also match in the other order ("registration of births" = "birth registration")
      const variants = stems.length === 2 && stems[0] !== stems[1] ? [stems, [stems[1], stems[0]]] : [stems];
      for (const v of variants) {
        const reversed = v !== stems;
        const key = v.join(' ');
        const existing = seen.get(key);
        if (existing) {
          if (!existing.ids.includes(id)) existing.ids.push(id);
          continue;
        }
        const entry: TermEntry = { stems: v, ids: [id], surface: term, reversed };
        seen.set(key, entry);
        let bucket = map.get(v[0]);
        if (!bucket) map.set(v[0], (bucket = { single: [], bySecond: new Map() }));
        if (v.length === 1) bucket.single.push(entry);
        else {
          const list = bucket.bySecond.get(v[1]);
          if (list) list.push(entry);
          else bucket.bySecond.set(v[1], [entry]);
        }
      }
    }
    for (const bucket of map.values()) for (const list of bucket.bySecond.values()) list.sort((a, b) => b.stems.length - a.stems.length);
    return map;
  };
  const concepts = {} as Record<Lang, Map<string, TermBucket>>;
  const jobs = {} as Record<Lang, Map<string, TermBucket>>;
  for (const lang of TEXT_LANGS) {
    concepts[lang] = makeMap(lang, termsByLang[lang]);
    jobs[lang] = makeMap(lang, jobTermsByLang[lang]);
  }
  const detect = new Map<string, Lang[]>();
  for (const lang of CORE_LANGS) {
    for (const w of DETECT_WORDS[lang].split(' ')) {
      const list = detect.get(w) ?? [];
      list.push(lang);
      detect.set(w, list);
    }
  }
  return { stop, concepts, jobs, detect };
}

function getTables(): Tables {
  return (tables ??= buildTables());
}

// ---------------------------------------------------------- detection

/** Result of language detection; `confident` is false for short or mixed texts. */
export type Detection = { lang: Lang | null; confident: boolean };

/**
 * Detect the language of a text among en/fr/es/pt/ar. Function-word voting
 * first (fast, used for every profile); franc-min as a second opinion when the
 * vote is thin and `useFranc` is set (requests). Returns null when the text is
 * in none of them.
 */
export function detectLanguage(text: string, tokens = tokenize(text), useFranc = false): Detection {
  const arabic = text.match(ARABIC_RE)?.length ?? 0;
  if (arabic > 0 && arabic >= text.replace(/\s/g, '').length * 0.3) return { lang: 'ar', confident: true };
  const { detect } = getTables();
  const score: Record<string, number> = { en: 0, fr: 0, es: 0, pt: 0 };
  let hits = 0;
  for (const w of tokens) {
    const langs = detect.get(w);
    if (!langs) continue;
    hits++;
    for (const l of langs) score[l] += 1 / langs.length;
  }
  let best: Lang | null = null;
  let bestScore = 0;
  let second = 0;
  for (const l of CORE_LANGS) {
    if (score[l] > bestScore) {
      second = bestScore;
      bestScore = score[l];
      best = l;
    } else if (score[l] > second) second = score[l];
  }
  const ratio = tokens.length ? hits / tokens.length : 0;
  const confident = bestScore >= 2 && bestScore >= second * 1.5 && ratio >= 0.12;
  if (confident || !useFranc) return { lang: bestScore > 0 ? best : null, confident };
  if (text.length >= 25) {
    const code = franc(text, { only: ['eng', 'fra', 'spa', 'por', 'deu', 'nld', 'ita', 'ron', 'arb', 'rus'] });
    const lang = FRANC_TO_LANG[code];
    if (lang) return { lang, confident: bestScore === 0 || lang === best };
    if (code !== 'und' && bestScore < 2) return { lang: null, confident: true };
  }
  return { lang: bestScore > 0 ? best : null, confident: false };
}

// ------------------------------------------------------------ analysis

/** Conjunctions: two words with one between them are listed, not one term in the other order. */
const CONJUNCTIONS = new Set(['and', 'or', 'nor', 'et', 'ou', 'ni', 'y', 'e', 'o', 'u']);

function listed(tokens: string[], from: number, to: number): boolean {
  for (let p = from + 1; p < to; p++) if (CONJUNCTIONS.has(tokens[p])) return true;
  // Arabic writes "and" on the word: والأسواق, "and the markets"
  return tokens[to].length > 4 && tokens[to].startsWith('وال');
}

/**
 * Find the thesaurus terms in a text's stems. `spans`, when given, receives for each hit pushed to `out` the text
 * positions (token indexes) of its first and last word, so that `longestOnly` can drop a term found inside a longer one.
 */
function matchTerms(stems: string[], positions: number[], tokens: string[], map: Map<string, TermBucket>, out: ConceptHit[], seen: Set<string>, pass: number, spans?: number[]): void {
  const emit = (entry: TermEntry, i: number, n: number) => {
    const surface = tokens.slice(positions[i], positions[i + n - 1] + 1).join(' ');
    for (const id of entry.ids) {
      // the same words found again by a secondary language pass are not counted twice
      const key = `${id}@${i}@${pass}`;
      const bare = `${id}|${surface}`;
      if (seen.has(key) || (pass > 0 && seen.has(bare))) continue;
      seen.add(key);
      seen.add(bare);
      out.push({ id, surface });
      spans?.push(positions[i], positions[i + n - 1]);
    }
  };
  for (let i = 0; i < stems.length; i++) {
    const bucket = map.get(stems[i]);
    if (!bucket) continue;
    // longer terms first, then one-word terms (the order of a single list sorted by length)
    const longer = i + 1 < stems.length ? bucket.bySecond.get(stems[i + 1]) : undefined;
    if (longer) {
      for (const entry of longer) {
        const n = entry.stems.length;
        if (i + n > stems.length) continue;
        let ok = true;
        for (let k = 2; k < n; k++) if (stems[i + k] !== entry.stems[k]) { ok = false; break; }
        // the other order of a two-word term is a reordering ("birth registration"), never two things listed
        // ("maraîchères et cultures" is not "cultures maraîchères", "travail et marchés" not "marché du travail")
        if (ok && entry.reversed && listed(tokens, positions[i], positions[i + 1])) ok = false;
        if (ok) emit(entry, i, n);
      }
    }
    for (const entry of bucket.single) emit(entry, i, 1);
  }
}

/**
 * Longest match wins across themes: a hit whose words lie inside those of a longer hit of another theme, at the same
 * place, is dropped ("carbon market" is climate finance, not also a local market; "marché du travail" is employment,
 * not also "marché"), in whichever language pass either was found. Inside a longer term of its own theme a shorter
 * term stays: there it names the broader concept of the same field ("organic waste" is also waste, "فرز النفايات",
 * waste sorting, also النفايات), and dropping it loses matches (measured: docs/matching.md). Hits over the same words
 * are all kept. Where a longer term should still count as a concept of another theme, the thesaurus lists it under
 * both ("fish market", "water squares"). `spans` holds each hit's first and last token index; dropped hits get 0 in `keep`.
 */
function longestOnly(hits: ConceptHit[], spans: number[], keep: Uint8Array): void {
  const longer: number[] = [];
  for (let h = 0; h < hits.length; h++) if (spans[2 * h + 1] > spans[2 * h]) longer.push(h);
  if (!longer.length) return;
  const themes = longer.map((c) => themeOf(hits[c].id));
  for (let h = 0; h < hits.length; h++) {
    const start = spans[2 * h];
    const end = spans[2 * h + 1];
    let theme: string | null = null;
    let inside = false;
    for (let j = 0; j < longer.length; j++) {
      const cs = spans[2 * longer[j]];
      const ce = spans[2 * longer[j] + 1];
      if (cs > start || ce < end || (cs === start && ce === end)) continue;
      theme ??= themeOf(hits[h].id);
      if (themes[j] === theme) {
        inside = false;
        break;
      }
      inside = true;
    }
    if (inside) keep[h] = 0;
  }
}

/**
 * One-word terms with a second sense that belongs to another theme, read in that sense (so dropped) when the content
 * word right before or after them is part of a term of that theme. French and Portuguese "culture(s)", "cultura(s)"
 * (stemmed `cultur` in the four languages) are also crops: "culture du maïs", "cultura do milho", "culturas de feijão",
 * "maïs et autres cultures", "cultures et élevage" are agriculture, not the culture theme. Compounds whose other word
 * is not itself a farming term ("cultures vivrières", "culturas alimentares") are agriculture terms in the thesaurus,
 * and win as longer terms (`longestOnly`).
 */
const SECOND_SENSES: ReadonlyArray<{ prefix: string; stems: readonly string[]; nearPrefix: string }> = [{ prefix: 'culture/', stems: ['cultur'], nearPrefix: 'agriculture/' }];

/** Drops the hits read in their second sense (`SECOND_SENSES`); `words` and `positions` are the primary pass's content words. */
function secondSenses(hits: ConceptHit[], spans: number[], words: string[], positions: number[], tokens: number, keep: Uint8Array): void {
  for (const sense of SECOND_SENSES) {
    let near: Uint8Array | null = null;
    for (let h = 0; h < hits.length; h++) {
      const at = spans[2 * h];
      if (spans[2 * h + 1] !== at || !hits[h].id.startsWith(sense.prefix)) continue;
      const k = positions.indexOf(at);
      if (k < 0 || !sense.stems.includes(words[k])) continue;
      if (!near) {
        near = new Uint8Array(tokens);
        for (let g = 0; g < hits.length; g++) if (hits[g].id.startsWith(sense.nearPrefix)) for (let p = spans[2 * g]; p <= spans[2 * g + 1]; p++) near[p] = 1;
      }
      if ((k > 0 && near[positions[k - 1]]) || (k + 1 < positions.length && near[positions[k + 1]])) keep[h] = 0;
    }
  }
}

/** Options of `analyse`. */
export type AnalyseOptions = {
  /** Language to use when detection is not confident (e.g. the profile's first working language). */
  hint?: string;
  /** Ask franc-min when the function-word vote is thin (requests). */
  careful?: boolean;
  /** Also recognise job functions. */
  jobs?: boolean;
};

/**
 * Analyse a text: detect its language, stem its content words, and recognise
 * concepts (in the detected language and in English, which municipal texts
 * borrow from; in all four languages when the language is unknown).
 */
export function analyse(text: string, options: AnalyseOptions = {}): Analysis {
  const t = getTables();
  const tokens = tokenize(text);
  const det = detectLanguage(text, tokens, options.careful);
  let lang = det.lang;
  if (!det.confident && options.hint && (TEXT_LANGS as readonly string[]).includes(options.hint) && (lang === null || det.lang === null)) lang = options.hint as Lang;
  const primary: Lang = lang ?? 'en';
  const stop = t.stop[primary];
  const content: string[] = [];
  const positions: number[] = [];
  tokens.forEach((w, i) => {
    if (!stop.has(w) && !(w.length === 1 && !/\d/.test(w))) {
      content.push(w);
      positions.push(i);
    }
  });
  const words = content.map((w) => stem(primary, w));
  let concepts: ConceptHit[] = [];
  const spans: number[] = [];
  const jobs: ConceptHit[] = [];
  const seen = new Set<string>();
  const seenJobs = new Set<string>();
  // unsure of the language (short or mixed text): look for concepts in every language, the likeliest first
  const langs: Lang[] =
    lang === null || (!det.confident && lang !== 'ar') ? [primary, ...CORE_LANGS.filter((l) => l !== primary)] : lang === 'en' ? ['en'] : [lang, 'en'];
  langs.forEach((l, pass) => {
    let pos = positions;
    let s = words;
    if (l !== primary) {
      pos = [];
      tokens.forEach((w, i) => { if (!t.stop[l].has(w)) pos.push(i); });
      s = pos.map((i) => stem(l, tokens[i]));
    }
    matchTerms(s, pos, tokens, t.concepts[l], concepts, seen, pass, spans);
    if (options.jobs) matchTerms(s, pos, tokens, t.jobs[l], jobs, seenJobs, pass);
  });
  if (concepts.length > 1) {
    const keep = new Uint8Array(concepts.length).fill(1);
    longestOnly(concepts, spans, keep);
    secondSenses(concepts, spans, words, positions, tokens.length, keep);
    if (keep.includes(0)) concepts = concepts.filter((_, h) => keep[h] === 1);
  }
  return { lang, words, surfaces: content, concepts, jobs };
}

/**
 * The concept ids a thesaurus term stands for in a language: those of every term with the same stems
 * (stop words removed, stemmed), in that order or, for two words, the other. For checks of the vocabulary
 * (a term shared by unrelated concepts); the analysis does not use it.
 */
export function conceptsOfTerm(lang: Lang, term: string): string[] {
  const t = getTables();
  const stems = tokenize(term).filter((w) => !t.stop[lang].has(w)).map((w) => stem(lang, w));
  if (!stems.length) return [];
  const bucket = t.concepts[lang].get(stems[0]);
  if (!bucket) return [];
  const list = stems.length === 1 ? bucket.single : bucket.bySecond.get(stems[1]) ?? [];
  return list.find((e) => e.stems.length === stems.length && e.stems.every((s, k) => s === stems[k]))?.ids ?? [];
}

/** The theme code of a concept id (`sanitation/fsm` → `sanitation`). */
export function themeOf(conceptId: string): string {
  const i = conceptId.indexOf('/');
  return i < 0 ? conceptId : conceptId.slice(0, i);
}

/** Plain tokenisation for the BM25 baseline: the same stemming and stop words, no thesaurus. */
export function baselineTokens(text: string): string[] {
  return analyse(text).words;
}

// A sentence that states a need ("we are looking for…", "nous cherchons…", "نحتاج…") rather than know-how.
const NEED_MARKERS = new RegExp(
  [
    String.raw`\bwe\s+(?:are\s+)?(?:looking|searching|seeking|asking)\s+for\b`, String.raw`\bwe\s+(?:seek|need|require|lack|request)\b`, String.raw`\blooking\s+for\s+(?:a\s+|an\s+)?(?:partner|help|support|expertise|advice)`,
    String.raw`\bin\s+need\s+of\b`, String.raw`\b(?:help|support|assistance)\s+(?:is\s+)?needed\b`, String.raw`\brequest\s+(?:submitted|sent)\b`,
    String.raw`\bnous\s+(?:cherchons|recherchons|sollicitons|avons\s+besoin)\b`, String.raw`(?:^|\s)à\s+la\s+recherche\s+d`, String.raw`\bavons\s+besoin\b`, String.raw`\bdemande\s+d['’]appui\b`,
    String.raw`\b(?:buscamos|necesitamos|solicitamos|requerimos|procuramos|precisamos|necessitamos)\b`, String.raw`\ben\s+busca\s+de\b`, String.raw`\bem\s+busca\s+de\b`,
    'نحتاج', 'نبحث عن', 'بحاجة إلى', 'نطلب', 'نلتمس',
  ].join('|'),
  'iu',
);
const SHARE_MARKERS = /\b(?:share|sharing|offer|partager|offrons|offrir|compartir|ofrecemos|partilhar|compartilhar|oferecemos)\b|نشارك|نقدم/iu;

/**
 * Split a profile's free text into what it offers and what it states as needs: a sentence with a need marker
 * ("we are looking for", "nous cherchons", "buscamos", "precisamos", "نحتاج") and no sharing marker is a need.
 * Everything else is read as an offer.
 */
export function splitNeeds(text: string): { offers: string; needs: string } {
  if (!text) return { offers: '', needs: '' };
  const sentences = text.split(/(?<=[.!?؟؛;\n])\s+/u);
  const offers: string[] = [];
  const needs: string[] = [];
  for (const s of sentences) (NEED_MARKERS.test(s) && !SHARE_MARKERS.test(s) ? needs : offers).push(s);
  return { offers: offers.join(' '), needs: needs.join(' ') };
}
