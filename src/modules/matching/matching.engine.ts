/**
 * The matching engine: an in-memory index of organisation and person
 * profiles, ranking them for a request with explainable, structured reasons.
 * Pure (no database): the pages, the API, the CLI, the evaluation and the
 * bench all use this one implementation.
 *
 * Retrieval is an inverted index over stemmed words plus thesaurus concept
 * and theme tokens (so a French request reaches an English profile through
 * shared concepts); the candidates found are then scored on job, language,
 * context, history and availability, and re-ranked for country diversity.
 * Profiles are upserted and removed one at a time (tombstones; no rebuild).
 */
import { analyse, splitNeeds, themeOf } from '../concepts/concepts.service.ts';
import type { Analysis } from '../concepts/concepts.service.ts';
import { regionOf } from './matching.reasons.ts';
import { isThemeCode } from '../../taxonomy/themes.ts';
import { DEFAULT_WEIGHTS } from './matching.types.ts';
import type { FusionOptions, Match, MatchProfile, MatchRequest, MatchWeights, RankOptions, RankResult, Reason } from './matching.types.ts';

/** Defaults of the hybrid score (tuned on the development halves of the evaluation; see docs/matching.md). */
export const DEFAULT_FUSION: FusionOptions = { lexical: 0.25, lexicalScale: 1, aspects: 0.2, lexicalRelative: 0, lexicalMaxDf: 0.003, cognates: 0.8, translation: 0.75, profileTranslation: 1 };

/** With diversity on, at most this many matches from one country while others are available (`RankOptions.maxPerCountry`). */
export const DEFAULT_MAX_PER_COUNTRY = 3;

/** Requests longer than this are cut (with a notice). */
export const MAX_REQUEST_CHARS = 20_000;

const K1 = 1.2;
const B = 0.5;
const CONCEPT_QUERY_WEIGHT = 1.5;
const THEME_QUERY_WEIGHT = 1.0;
const DECLARED_THEME_QUERY_WEIGHT = 1.5;
/** look-alike words: both stems at least COGNATE_MIN characters, the shorter begins the longer, which is at most COGNATE_EXTRA longer */
const COGNATE_MIN = 6;
const COGNATE_PREFIX = 5;
const COGNATE_EXTRA = 5;
const COGNATE_MAX_PER_WORD = 3;

/**
 * The index words that look like `w` (cognates across languages, or derivations the stemmer left
 * apart: "compostag" / "compost", "biodigesteur" / "biodigest"), with a similarity in (0, 1]:
 * the shorter stem's share of the longer. Only words of `byPrefix` other than `w` itself that some
 * live profile has (so an index after upserts and removals finds what a fresh build would).
 */
export function cognatesOf(w: string, byPrefix: ReadonlyMap<string, readonly string[]>, isLive: (token: string) => boolean = () => true): Array<{ token: string; sim: number }> {
  if (w.length < COGNATE_MIN || w.includes(':')) return [];
  const list = byPrefix.get(w.slice(0, COGNATE_PREFIX));
  if (!list) return [];
  const out: Array<{ token: string; sim: number }> = [];
  for (const v of list) {
    if (v === w || !isLive(v)) continue;
    const [short, long] = v.length <= w.length ? [v, w] : [w, v];
    if (long.length - short.length > COGNATE_EXTRA || !long.startsWith(short)) continue;
    out.push({ token: v, sim: short.length / long.length });
  }
  out.sort((x, y) => y.sim - x.sim || (x.token < y.token ? -1 : 1));
  return out.slice(0, COGNATE_MAX_PER_WORD);
}

/** word postings longer than this are skipped at query time (words that common carry almost no idf) */
const MAX_WORD_POSTINGS = 60_000;

/** `n` entries, of which `live` belong to live profiles (the document frequency: tombstones do not count). */
type Posting = { docs: Int32Array; tfs: Float32Array; n: number; live: number };

type DocRecord = {
  key: string;
  profile: MatchProfile;
  alive: boolean;
  jobs: string[];
  themes: Set<string>;
  needs: Needs;
  /** whether it has `e:` tokens (words of its English translation) */
  translated: boolean;
};

/** Options of `createMatchIndex`. */
export type MatchIndexOptions = {
  /** candidates scored in full after retrieval (default 300) */
  candidates?: number;
  /** profiles a ranking may touch through its rarest tokens before commoner tokens stop adding new ones (default 12,000) */
  touchBudget?: number;
  /** false: what a profile seeks or asks for is not told apart from what it offers (the engine before issue 15; for evaluation) */
  needs?: boolean;
};

/** The index. All methods are synchronous. */
export type MatchIndex = {
  /** Add or replace a profile. Returns notices (e.g. a profile with no text). Throws TypeError on a profile without id or type. */
  upsert(profile: MatchProfile): string[];
  /** Remove a profile; with no type, both an organisation and a person with this id. Returns whether something was removed. */
  remove(id: string, type?: MatchProfile['type']): boolean;
  /** The profile stored under this id. */
  get(id: string, type?: MatchProfile['type']): MatchProfile | undefined;
  /** Number of live profiles. */
  readonly size: number;
  /** Rank the profiles for a request, best first. Never throws on bad request content: it returns notices. */
  rank(request: MatchRequest, options?: RankOptions): RankResult;
};

const str = (s: unknown): s is string => typeof s === 'string' && s.trim() !== '';

/** The profile's know-how: offers, expertise and position, without the sentences that state a need. */
function profileText(p: MatchProfile, needs = true): string {
  return [p.offers, p.expertise].filter(str).map((s) => (needs ? splitNeeds(s).offers : s)).concat(str(p.position) ? [p.position] : []).filter(str).join('\n');
}

/**
 * What of a profile is indexed as know-how (offers or expertise without the sentences that state a need, and the
 * position): the text to machine-translate into English for `MatchProfile.translation`, so that a need is never
 * translated into an offer.
 */
export function profileKnowHow(p: MatchProfile): string {
  return profileText(p, true);
}

/** Index tokens of a profile's English translation: `e:` + the English stem (a field of its own, met through the English pivot). */
const PIVOT = 'e:';

/** The words of a profile's English translation, without its need sentences (split again, in English). */
function translationWords(p: MatchProfile, needs: boolean): string[] {
  if (!str(p.translation)) return [];
  const t = p.translation.slice(0, MAX_REQUEST_CHARS);
  return analyse(needs ? splitNeeds(t).offers : t, { hint: 'en', jobs: false }).words;
}

/** What the profile asks for: its `seeks`, its open requests (`needs`) and the need sentences of its free text. */
type Needs = { concepts: Set<string>; themes: Set<string> };
const NO_NEEDS: Needs = { concepts: new Set(), themes: new Set() };
function needsOf(p: MatchProfile): Needs {
  const text = [p.seeks, p.needs, ...[p.offers, p.expertise].filter(str).map((s) => splitNeeds(s).needs)].filter(str).join('\n');
  if (!text) return NO_NEEDS;
  const a = analyse(text, { hint: p.languages?.[0], jobs: false });
  const needs: Needs = { concepts: new Set(), themes: new Set() };
  for (const c of a.concepts) {
    if (!c.id.endsWith('/_')) needs.concepts.add(c.id);
    needs.themes.add(themeOf(c.id));
  }
  return needs;
}

/**
 * The index tokens of a profile. What it needs is not expertise: a concept it asks for is left out, and so is a
 * theme it asks for, unless it also offers another concept of that theme (index option `needs: false`: the old reading).
 */
function docTokens(p: MatchProfile, a: Analysis, needs: Needs, useNeeds = true): { tf: Map<string, number>; length: number; translated: boolean } {
  const tf = new Map<string, number>();
  const add = (t: string, n = 1) => {
    if (n > 0) tf.set(t, (tf.get(t) ?? 0) + n);
  };
  for (const w of a.words) add(w);
  // the English translation's words that the profile's own text does not have (its length is its own text's)
  let translated = false;
  for (const w of translationWords(p, useNeeds)) {
    if (tf.has(w)) continue;
    add(PIVOT + w);
    translated = true;
  }
  const offeredThemes = new Set<string>();
  for (const c of a.concepts) if (!c.id.endsWith('/_') && !needs.concepts.has(c.id)) offeredThemes.add(themeOf(c.id));
  for (const c of a.concepts) {
    const theme = themeOf(c.id);
    if (!c.id.endsWith('/_')) add(`k:${c.id}`, needs.concepts.has(c.id) ? 0 : 1);
    add(`t:${theme}`, needs.themes.has(theme) && !offeredThemes.has(theme) ? 0 : 1);
  }
  for (const theme of p.themes ?? []) if (isThemeCode(theme)) add(`t:${theme}`, needs.themes.has(theme) && !offeredThemes.has(theme) ? 0 : 2);
  return { tf, length: a.words.length, translated };
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

const MONTH_MS = 30 * 24 * 3600 * 1000;

/** Create an empty index. */
export function createMatchIndex(options: MatchIndexOptions = {}): MatchIndex {
  const candidateCount = options.candidates ?? 300;
  const touchBudget = options.touchBudget ?? 12_000;
  const useNeeds = options.needs !== false;
  const textOf = (p: MatchProfile) => profileText(p, useNeeds);
  const needsFor = (p: MatchProfile) => (useNeeds ? needsOf(p) : NO_NEEDS);
  const docs: DocRecord[] = [];
  const byKey = new Map<string, number>();
  // live organisations by id (what byKey holds under `organisation:id`, without building the key)
  const orgDoc = new Map<string, number>();
  const postings = new Map<string, Posting>();
  // word tokens by their first COGNATE_PREFIX characters: the candidates for look-alike words
  const byPrefix = new Map<string, string[]>();
  let lengths = new Float32Array(1024);
  // per profile, a number for its organisation (its own id, or a person's organisation; 0: none), so that the
  // shortlist can leave out the requester's organisation and its people without reading the profile object
  let orgNum = new Int32Array(1024);
  // per profile, its key's order as a number (`keyNumber`): ties in the shortlist are broken without reading the key
  let keyNum = new Float64Array(1024);
  const orgNums = new Map<string, number>();
  let totalLength = 0;
  let live = 0;
  // live profiles with words of an English translation (none: the pivot is not queried at all)
  let translatedLive = 0;
  // Per profile, one bit each (a million profiles: 125 KB, so a posting walk's look-ups stay in the CPU cache):
  // tombstones, and the profiles touched by the ranking under way.
  let deadBits = new Uint32Array(1024 >> 5);
  let touchedBits = new Uint32Array(1024 >> 5);
  // Scratch state of a ranking, reused across rank calls (one process, synchronous). A touched profile gets
  // the next slot; its scores accumulate in dense per-slot arrays (a few tens of thousands of entries, read
  // in order afterwards) rather than in arrays as long as the index, whose random reads missed the cache.
  let slotOf = new Int32Array(1024);
  let slots = 0;
  let slotDoc = new Int32Array(1024);
  let slotNorm = new Float64Array(1024);
  let textAcc = new Float32Array(1024);
  let lexAcc = new Float32Array(1024);
  let aspMask = new Uint32Array(1024);
  let conceptAcc = new Float32Array(1024);
  let themeAcc = new Float32Array(1024);

  function grow(n: number) {
    if (n <= lengths.length) return;
    let size = lengths.length;
    while (size < n) size *= 2;
    const l = new Float32Array(size); l.set(lengths); lengths = l;
    const o = new Int32Array(size); o.set(orgNum); orgNum = o;
    const kn = new Float64Array(size); kn.set(keyNum); keyNum = kn;
    const dm = new Uint32Array(size >> 5); dm.set(deadBits); deadBits = dm;
    touchedBits = new Uint32Array(size >> 5);
    slotOf = new Int32Array(size);
  }

  /** Forget the touched profiles of the last ranking (their bits, and their accumulators back to 0). */
  function clearSlots() {
    for (let k = 0; k < slots; k++) touchedBits[slotDoc[k] >> 5] = 0;
    textAcc.fill(0, 0, slots);
    lexAcc.fill(0, 0, slots);
    aspMask.fill(0, 0, slots);
    conceptAcc.fill(0, 0, slots);
    themeAcc.fill(0, 0, slots);
    slots = 0;
  }

  /** Room for one more touched profile in the per-slot arrays (kept across rankings). */
  function growSlots() {
    const size = slotDoc.length * 2;
    const i32 = new Int32Array(size); i32.set(slotDoc); slotDoc = i32;
    const f64 = new Float64Array(size); f64.set(slotNorm); slotNorm = f64;
    let f = new Float32Array(size); f.set(textAcc); textAcc = f;
    f = new Float32Array(size); f.set(lexAcc); lexAcc = f;
    f = new Float32Array(size); f.set(conceptAcc); conceptAcc = f;
    f = new Float32Array(size); f.set(themeAcc); themeAcc = f;
    const u = new Uint32Array(size); u.set(aspMask); aspMask = u;
  }

  function addPosting(token: string, doc: number, tf: number) {
    let p = postings.get(token);
    if (!p) {
      p = { docs: new Int32Array(2), tfs: new Float32Array(2), n: 0, live: 0 };
      postings.set(token, p);
      if (token.length >= COGNATE_MIN && !token.includes(':')) {
        const k = token.slice(0, COGNATE_PREFIX);
        const list = byPrefix.get(k);
        if (list) list.push(token); else byPrefix.set(k, [token]);
      }
    }
    if (p.n === p.docs.length) {
      const d = new Int32Array(p.n * 2); d.set(p.docs); p.docs = d;
      const f = new Float32Array(p.n * 2); f.set(p.tfs); p.tfs = f;
    }
    p.docs[p.n] = doc;
    p.tfs[p.n] = tf;
    p.n++;
    p.live++;
  }

  function keyOf(type: string, id: string) {
    return `${type}:${id}`;
  }

  function kill(docNum: number) {
    const d = docs[docNum];
    if (!d.alive) return;
    d.alive = false;
    deadBits[docNum >> 5] |= 1 << (docNum & 31);
    live--;
    totalLength -= lengths[docNum];
    byKey.delete(d.key);
    if (d.profile.type === 'organisation') orgDoc.delete(d.profile.id);
    // the document frequencies count live profiles only: a tombstone must not shift idf
    if (d.translated) translatedLive--;
    const { tf } = docTokens(d.profile, analyse(textOf(d.profile), { hint: d.profile.languages?.[0], jobs: false }), d.needs, useNeeds);
    for (const token of tf.keys()) {
      const p = postings.get(token);
      if (p && p.live > 0) p.live--;
    }
  }

  /** Whether profile a's key comes before profile b's (`keyOf` order), by their key numbers when these differ. */
  function keyBefore(a: number, b: number): boolean {
    const x = keyNum[a], y = keyNum[b];
    if (x !== y && x === x && y === y) return x < y;
    return docs[a].key < docs[b].key;
  }

  function orgOf(p: MatchProfile): MatchProfile | undefined {
    if (p.type !== 'person' || !p.organisation) return undefined;
    const n = orgDoc.get(p.organisation);
    return n === undefined ? undefined : docs[n].profile;
  }

  const index: MatchIndex = {
    get size() {
      return live;
    },

    upsert(profile) {
      if (!profile || typeof profile.id !== 'string' || !profile.id || (profile.type !== 'organisation' && profile.type !== 'person')) {
        throw new TypeError('a profile needs a string id and a type (organisation or person)');
      }
      const notices: string[] = [];
      const key = keyOf(profile.type, profile.id);
      const old = byKey.get(key);
      if (old !== undefined) kill(old);
      const text = textOf(profile);
      if (!text.trim() && !(profile.themes ?? []).length) notices.push(`${profile.type} ${profile.id} has no text and no themes: it can only be found by filters`);
      const a = analyse(text, { hint: profile.languages?.[0], jobs: false });
      const jobs: string[] = [];
      if (profile.jobFunction) jobs.push(profile.jobFunction);
      if (profile.type === 'person' && profile.position) {
        for (const j of analyse(profile.position, { hint: profile.languages?.[0], jobs: true }).jobs) if (!jobs.includes(j.id)) jobs.push(j.id);
      }
      const needs = needsFor(profile);
      const { tf, length, translated } = docTokens(profile, a, needs, useNeeds);
      const themes = new Set<string>();
      for (const t of tf.keys()) if (t.startsWith('t:')) themes.add(t.slice(2));
      const docNum = docs.length;
      grow(docNum + 1);
      docs.push({ key, profile, alive: true, jobs, themes, needs, translated });
      if (translated) translatedLive++;
      byKey.set(key, docNum);
      if (profile.type === 'organisation') orgDoc.set(profile.id, docNum);
      lengths[docNum] = length;
      const org = profile.type === 'organisation' ? profile.id : profile.organisation;
      let on = 0;
      if (org) {
        on = orgNums.get(org) ?? orgNums.size + 1;
        if (on === orgNums.size + 1) orgNums.set(org, on);
      }
      orgNum[docNum] = on;
      keyNum[docNum] = keyNumber(profile.type, profile.id);
      totalLength += length;
      live++;
      for (const [token, n] of tf) addPosting(token, docNum, n);
      return notices;
    },

    remove(id, type) {
      let removed = false;
      for (const t of type ? [type] : (['organisation', 'person'] as const)) {
        const n = byKey.get(keyOf(t, id));
        if (n !== undefined) {
          kill(n);
          removed = true;
        }
      }
      return removed;
    },

    get(id, type) {
      for (const t of type ? [type] : (['organisation', 'person'] as const)) {
        const n = byKey.get(keyOf(t, id));
        if (n !== undefined) return docs[n].profile;
      }
      return undefined;
    },

    rank(request, opts = {}) {
      const notices: string[] = [];
      const weights: MatchWeights = { ...DEFAULT_WEIGHTS, ...(opts.weights ?? {}) };
      const fusion: FusionOptions = { ...DEFAULT_FUSION, ...(opts.fusion ?? {}) };
      // a programme that gives the text no weight gets no lexical evidence either
      if (!(weights.text > 0)) fusion.lexical = 0;
      const top = Math.max(1, Math.min(1000, Math.floor(opts.top ?? 10)));
      const now = (opts.now ?? new Date()).getTime();
      const filters = opts.filters ?? {};

      // ---- request text
      let text = [request?.title, request?.description].filter((s) => typeof s === 'string' && s.trim()).join('\n');
      if (text.length > MAX_REQUEST_CHARS) {
        text = text.slice(0, MAX_REQUEST_CHARS);
        notices.push(`the request text is longer than ${MAX_REQUEST_CHARS.toLocaleString('en')} characters: only the first ${MAX_REQUEST_CHARS.toLocaleString('en')} were used`);
      }
      const declaredThemes = (request?.themes ?? []).filter((t) => isThemeCode(t));
      const unknownThemes = (request?.themes ?? []).filter((t) => !isThemeCode(t));
      if (unknownThemes.length) notices.push(`unknown theme codes ignored: ${unknownThemes.join(', ')}`);
      if (!text.trim() && !declaredThemes.length) {
        notices.push('the request is empty: give a description or themes');
        return { notices, matches: [], language: null };
      }
      const a = analyse(text, { careful: true, jobs: true });
      if (text.trim() && a.lang === null) notices.push('the language of the request was not recognised (expected English, French, Spanish or Portuguese): matched on shared concepts and words only');

      // ---- query vector
      const query = new Map<string, number>();
      const addQ = (t: string, w: number) => query.set(t, Math.max(query.get(t) ?? 0, 0) + w);
      const wordCounts = new Map<string, number>();
      for (const w of a.words) wordCounts.set(w, (wordCounts.get(w) ?? 0) + 1);
      for (const [w, n] of wordCounts) addQ(w, 1 + Math.log(n));
      // a word is rare (lexical evidence, look-alikes) when at most this many live profiles have it
      const lexMaxDf = Math.max(5, Math.max(1, live) * fusion.lexicalMaxDf);
      // look-alike words of the request's words (added after, so a word the request names itself keeps its own weight)
      const cognateTokens = new Set<string>();
      const cognateOrigin = new Map<string, string>();
      const cognateWeight = fusion.lexical > 0 ? (fusion.cognates ?? 0) : 0;
      if (cognateWeight > 0) {
        // only for the request's rare words (or words no profile has): a common word needs no look-alikes
        for (const [w, n] of wordCounts) {
          if ((postings.get(w)?.live ?? 0) > lexMaxDf) continue;
          for (const { token, sim } of cognatesOf(w, byPrefix, (t) => (postings.get(t)?.live ?? 0) > 0)) {
            if (wordCounts.has(token)) continue;
            const qw = cognateWeight * sim * (1 + Math.log(n));
            if ((query.get(token) ?? 0) < qw) {
              query.set(token, qw);
              cognateTokens.add(token);
              cognateOrigin.set(token, w);
            }
          }
        }
      }
      // the request's machine translation (into English): its words are extra evidence at a lower weight, like look-alike
      // words (no idf mass; a word the request itself names keeps its own weight). Its concepts add nothing measurable:
      // the thesaurus already reads the four languages.
      const translationWeight = typeof request?.translation === 'string' && request.translation.trim() ? (fusion.translation ?? 0) : 0;
      const ta = translationWeight > 0 ? analyse(request.translation!.slice(0, MAX_REQUEST_CHARS), { hint: 'en', jobs: false }) : null;
      const translatedWords = new Set<string>();
      const tCounts = new Map<string, number>();
      if (ta) {
        for (const w of ta.words) tCounts.set(w, (tCounts.get(w) ?? 0) + 1);
        for (const [w, n] of tCounts) {
          if (wordCounts.has(w)) continue;
          const qw = translationWeight * (1 + Math.log(n));
          if ((query.get(w) ?? 0) < qw) {
            query.set(w, qw);
            cognateTokens.add(w);
            cognateOrigin.set(w, w);
            translatedWords.add(w);
          }
        }
      }
      // the profiles' English translations (`e:` tokens): met by the request's English words (its own when it is in
      // English, its translation's) at `profileTranslation` of their weight; evidence, not idf mass (as look-alike
      // words). Not queried at all when no live profile has a translation.
      const pivotWeight = translatedLive > 0 ? (fusion.profileTranslation ?? 0) : 0;
      const pivotOrigin = new Map<string, string>();
      if (pivotWeight > 0) {
        const english = new Map<string, number>();
        if (a.lang === 'en') for (const [w, n] of wordCounts) english.set(w, 1 + Math.log(n));
        for (const [w, n] of tCounts) english.set(w, Math.max(english.get(w) ?? 0, translationWeight * (1 + Math.log(n))));
        for (const [w, qw] of english) {
          query.set(PIVOT + w, pivotWeight * qw);
          pivotOrigin.set(PIVOT + w, w);
        }
      }
      const qConcepts = new Set<string>();
      const qThemes = new Set<string>(declaredThemes);
      // a concept the request comes back to weighs more (query term frequency, as for words)
      const conceptCounts = new Map<string, number>();
      for (const c of a.concepts) {
        if (!c.id.endsWith('/_')) {
          qConcepts.add(c.id);
          conceptCounts.set(c.id, (conceptCounts.get(c.id) ?? 0) + 1);
        }
        qThemes.add(themeOf(c.id));
      }
      for (const [c, n] of conceptCounts) query.set(`k:${c}`, CONCEPT_QUERY_WEIGHT * (1 + Math.log(n)));
      for (const t of qThemes) query.set(`t:${t}`, declaredThemes.includes(t) ? DECLARED_THEME_QUERY_WEIGHT : THEME_QUERY_WEIGHT);
      const qJobs = new Set<string>();
      if (request.jobFunction) qJobs.add(request.jobFunction);
      if (request.position) for (const j of analyse(request.position, { jobs: true }).jobs) qJobs.add(j.id);
      for (const j of a.jobs) qJobs.add(j.id);

      // ---- aspects: the request's clauses that name something (a concept, or rare words), each a bit
      const aspects = fusion.aspects > 0 ? requestAspects(request?.description ?? '', a.lang) : [];
      const aspectBits = new Map<string, number>();
      aspects.forEach((asp, i) => {
        for (const t of asp.tokens) if (query.has(t)) aspectBits.set(t, (aspectBits.get(t) ?? 0) | (1 << i));
      });
      // a look-alike word covers the aspects of the word it stands for
      for (const [c, w] of cognateOrigin) { const b = aspectBits.get(w); if (b) aspectBits.set(c, (aspectBits.get(c) ?? 0) | b); }
      // and so does a word met in a profile's translation
      for (const [c, w] of pivotOrigin) { const b = aspectBits.get(w); if (b) aspectBits.set(c, (aspectBits.get(c) ?? 0) | b); }

      // ---- requester context
      const requesterOrg = request.organisation ? index.get(request.organisation, 'organisation') : undefined;
      const ctx = {
        country: request.country ?? requesterOrg?.country,
        kind: request.kind ?? requesterOrg?.kind,
        population: request.population ?? requesterOrg?.population,
        flags: request.flags ?? requesterOrg?.flags ?? {},
        region: request.region ?? requesterOrg?.region ?? regionOf(request.country ?? requesterOrg?.country),
        languages: (request.languages?.length ? request.languages : requesterOrg?.languages) ?? [],
      };

      // ---- retrieval: accumulate BM25, concept coverage and theme coverage
      const N = Math.max(1, live);
      const avgLen = live ? Math.max(1, totalLength / live) : 1;
      // touched profiles are slots 0..slots-1 (in the order they were touched); a ranking that threw left its own
      if (slots) clearSlots();
      // a word covers an aspect only if it is rare enough to say something (concepts always do)
      const rareDf = Math.max(5, N * 0.01);
      let conceptNorm = 0;
      // the request's word idf mass (words some live profile has): the lexical evidence is a share of it
      let lexMass = 0;
      const idfOf = new Map<string, number>();
      const unseenMass = new Map<string, number>();
      // rarest tokens first: they choose the candidates; once `touchBudget` profiles are
      // touched, commoner tokens only add to the scores of profiles already touched
      // (a word of the profiles' translations counts the profiles that have the word in their own text or their translation)
      const tokens = [...query.entries()].map(([token, qw]) => {
        const p = postings.get(token);
        const origin = pivotOrigin.get(token);
        return { token, qw, p, df: (p?.live ?? 0) + (origin !== undefined && p ? (postings.get(origin)?.live ?? 0) : 0) };
      });
      tokens.sort((x, y) => x.df - y.df || (x.token < y.token ? -1 : 1));
      for (const { token, qw, p, df } of tokens) {
        const isConcept = token.startsWith('k:');
        const isTheme = token.startsWith('t:');
        const idf = Math.log(1 + (N - df + 0.5) / (df + 0.5));
        if (isConcept) conceptNorm += (idf * qw) / CONCEPT_QUERY_WEIGHT;
        if (!p) continue;
        if (!isConcept && !isTheme && df > MAX_WORD_POSTINGS) continue;
        const isWord = !isConcept && !isTheme;
        // the lexical evidence counts rare words only (common ones are in the text part already)
        const isRare = isWord && df <= lexMaxDf;
        // a look-alike word adds evidence, not mass: the request's own words set the scale
        // (unless the request's own word is in no profile: then its best look-alike sets its share)
        if (isRare && df > 0 && cognateTokens.has(token)) {
          const origin = cognateOrigin.get(token)!;
          if (!(postings.get(origin)?.live)) unseenMass.set(origin, Math.max(unseenMass.get(origin) ?? 0, (qw * idf) / cognateWeight));
          idfOf.set(token, idf);
        }
        const pivot = pivotOrigin.get(token);
        if (isRare && df > 0 && pivot !== undefined) {
          // a request word that only translated profiles have: its share of the mass is set here
          if (wordCounts.has(pivot) && !(postings.get(pivot)?.live)) unseenMass.set(pivot, Math.max(unseenMass.get(pivot) ?? 0, (qw * idf) / pivotWeight));
          idfOf.set(token, idf);
        } else if (isRare && df > 0 && !cognateTokens.has(token)) {
          lexMass += qw * idf;
          idfOf.set(token, idf);
        }
        const { docs: pd, tfs } = p;
        const n = p.n;
        const w = qw * idf;
        const bits = aspectBits.get(token) ?? 0;
        const aspBits = bits && (!isWord || df <= rareDf) ? bits : 0;
        const conceptPart = (idf * qw) / CONCEPT_QUERY_WEIGHT;
        if (slots >= touchBudget) {
          // the budget is reached: only profiles already touched gain, and the walk is one bit test per entry
          // (the arrays are read into constants: nothing can grow them during this walk)
          const tb = touchedBits, so = slotOf, norm = slotNorm, text = textAcc, lex = lexAcc, asp = aspMask, con = conceptAcc, th = themeAcc;
          for (let i = 0; i < n; i++) {
            const d = pd[i];
            if (!(tb[d >> 5] & (1 << (d & 31)))) continue;
            const k = so[d];
            const tf = tfs[i];
            const bm = (w * tf * (K1 + 1)) / (tf + norm[k]);
            text[k] += bm;
            if (aspBits) asp[k] |= aspBits;
            if (isWord) {
              if (isRare) lex[k] += bm;
            } else if (isConcept) con[k] += conceptPart;
            else if (isTheme) th[k] += 1;
          }
          continue;
        }
        for (let i = 0; i < n; i++) {
          const d = pd[i];
          const word = d >> 5;
          const bit = 1 << (d & 31);
          let k: number;
          if (touchedBits[word] & bit) k = slotOf[d];
          else {
            // the budget is not reached yet: every live profile of this token is touched (tombstones never are)
            if (deadBits[word] & bit) continue;
            touchedBits[word] |= bit;
            if (slots === slotDoc.length) growSlots();
            k = slots++;
            slotOf[d] = k;
            slotDoc[k] = d;
            slotNorm[k] = K1 * (1 - B + (B * lengths[d]) / avgLen);
          }
          const tf = tfs[i];
          const bm = (w * tf * (K1 + 1)) / (tf + slotNorm[k]);
          textAcc[k] += bm;
          if (aspBits) aspMask[k] |= aspBits;
          if (isWord) {
            if (isRare) lexAcc[k] += bm;
          } else if (isConcept) conceptAcc[k] += conceptPart;
          else if (isTheme) themeAcc[k] += 1;
        }
      }

      for (const m of unseenMass.values()) lexMass += m;

      // ---- hard filters and the requester itself
      const typeFilter = filters.types?.length ? new Set(filters.types) : null;
      const langFilter = new Set([...(filters.languages ?? []), ...(filters.requireLanguage ? ctx.languages : [])]);
      const countryFilter = filters.countries?.length ? new Set(filters.countries.map((c) => c.toUpperCase())) : null;
      const excludeCountries = new Set((filters.excludeCountries ?? []).map((c) => c.toUpperCase()));
      const kindFilter = filters.kinds?.length ? new Set(filters.kinds) : null;
      const themeFilter = filters.themes?.length ? filters.themes : null;
      const excludeIds = new Set(filters.excludeIds ?? []);
      // without filters, the only profiles left out are the requester's (told by orgNum, not by reading the profile)
      const requesterNum = request.organisation ? (orgNums.get(request.organisation) ?? -1) : -1;
      const noFilters = !typeFilter && !kindFilter && !countryFilter && !excludeCountries.size && !langFilter.size && !themeFilter && !excludeIds.size;
      const resolvedCountry = (p: MatchProfile) => (p.country ?? orgOf(p)?.country)?.toUpperCase();
      const resolvedLanguages = (p: MatchProfile) => (p.languages?.length ? p.languages : orgOf(p)?.languages) ?? [];
      const isRequester = (p: MatchProfile) =>
        !!request.organisation && ((p.type === 'organisation' && p.id === request.organisation) || (p.type === 'person' && p.organisation === request.organisation));
      const passes = (d: number): boolean => {
        const rec = docs[d];
        if (!rec.alive) return false;
        const p = rec.profile;
        if (isRequester(p) || excludeIds.has(p.id)) return false;
        if (typeFilter && !typeFilter.has(p.type)) return false;
        if (kindFilter && !(p.type === 'organisation' ? kindFilter.has(p.kind ?? 'municipality') : kindFilter.has(orgOf(p)?.kind ?? 'municipality'))) return false;
        if (countryFilter || excludeCountries.size) {
          const c = resolvedCountry(p);
          if (countryFilter && (!c || !countryFilter.has(c))) return false;
          if (c && excludeCountries.has(c)) return false;
        }
        if (langFilter.size && !resolvedLanguages(p).some((l) => langFilter.has(l))) return false;
        if (themeFilter && !themeFilter.some((t) => rec.themes.has(t))) return false;
        return true;
      };

      let maxText = 0;
      // (touched profiles are live: tombstones are never touched, and nothing is removed during a ranking)
      for (let k = 0; k < slots; k++) if (textAcc[k] > maxText) maxText = textAcc[k];
      const themeNorm = qThemes.size || 1;
      // keep the best `candidateCount` by the text part of the score (min-heap)
      const heapD: number[] = [];
      const heapS: number[] = [];
      const lexDen = lexMass * fusion.lexicalScale;
      let maxLex = 0;
      for (let k = 0; k < slots; k++) if (lexAcc[k] > maxLex) maxLex = lexAcc[k];
      // absolute (share of the request's idf mass) and relative (to the best profile) lexical evidence, geometric mean
      const lexOf = (d: number) =>
        lexDen > 0 && maxLex > 0 ? clamp01(lexAcc[d] / lexDen) ** (1 - fusion.lexicalRelative) * (lexAcc[d] / maxLex) ** fusion.lexicalRelative : 0;
      const aspectsOn = aspects.length >= 2;
      const engineShare = 1 - fusion.lexical - (aspectsOn ? fusion.aspects : 0);
      const coverageOf = (d: number) => (aspectsOn ? popcount(aspMask[d]) / aspects.length : 0);
      const prelimOf = (d: number) =>
        (aspectsOn ? fusion.aspects * coverageOf(d) : 0) +
        engineShare * (weights.text * (maxText > 0 ? textAcc[d] / maxText : 0) + weights.concepts * (conceptNorm > 0 ? conceptAcc[d] / conceptNorm : 0) + weights.themes * (themeAcc[d] / themeNorm)) +
        fusion.lexical * lexOf(d);
      const less = (i: number, j: number) => heapS[i] < heapS[j] || (heapS[i] === heapS[j] && keyBefore(heapD[j], heapD[i]));
      const swap = (i: number, j: number) => {
        [heapD[i], heapD[j]] = [heapD[j], heapD[i]];
        [heapS[i], heapS[j]] = [heapS[j], heapS[i]];
      };
      const siftDown = (i: number) => {
        for (;;) {
          const l = 2 * i + 1, r = l + 1;
          let m = i;
          if (l < heapD.length && less(l, m)) m = l;
          if (r < heapD.length && less(r, m)) m = r;
          if (m === i) return;
          swap(i, m);
          i = m;
        }
      };
      const prelim = new Map<number, { text: number; concepts: number; themes: number; lexical: number; mask: number }>();
      // (the accumulators, and so lexOf, coverageOf and prelimOf, are indexed by slot)
      for (let k = 0; k < slots; k++) {
        const d = slotDoc[k];
        const s = prelimOf(k);
        // filters are checked only for a profile that would enter the heap (far fewer than touched)
        if (heapD.length >= candidateCount && s < heapS[0]) continue;
        if (noFilters ? orgNum[d] === requesterNum : !passes(d)) continue;
        if (heapD.length < candidateCount) {
          heapD.push(d); heapS.push(s);
          for (let i = heapD.length - 1; i > 0; ) {
            const parent = (i - 1) >> 1;
            if (!less(i, parent)) break;
            swap(i, parent);
            i = parent;
          }
        } else if (s > heapS[0] || (s === heapS[0] && keyBefore(d, heapD[0]))) {
          heapD[0] = d; heapS[0] = s;
          siftDown(0);
        }
      }
      for (const d of heapD) {
        const k = slotOf[d];
        prelim.set(d, {
          text: maxText > 0 ? textAcc[k] / maxText : 0,
          concepts: conceptNorm > 0 ? conceptAcc[k] / conceptNorm : 0,
          themes: themeAcc[k] / themeNorm,
          lexical: lexOf(k),
          mask: aspMask[k],
        });
      }
      clearSlots();

      // ---- full scoring of the candidates
      const applicable = {
        job: qJobs.size > 0,
        language: ctx.languages.length > 0,
        context: !!(ctx.kind || ctx.population || ctx.region || Object.values(ctx.flags).some(Boolean)),
      };
      const denominator =
        weights.text + weights.concepts + weights.themes + weights.history + weights.availability +
        (applicable.job ? weights.job : 0) + (applicable.language ? weights.language : 0) + (applicable.context ? weights.context : 0);
      const requestMonths = (request.months ?? []).filter((m) => Number.isInteger(m) && m >= 1 && m <= 12);
      type Scored = { d: number; score: number; reasons: Reason[]; country?: string; lexical: number; mask: number };
      const scored: Scored[] = [];
      for (const [d, f] of prelim) {
        const p = docs[d].profile;
        const org = orgOf(p);
        const reasons: Reason[] = [];
        let s = weights.text * f.text + weights.concepts * clamp01(f.concepts) + weights.themes * clamp01(f.themes);
        // job
        if (applicable.job) {
          const j = docs[d].jobs.find((x) => qJobs.has(x));
          if (j) {
            s += weights.job;
            reasons.push({ code: 'job', params: p.position ? { jobFunction: j, position: p.position } : { jobFunction: j } });
          }
        }
        // language
        const langs = resolvedLanguages(p);
        if (applicable.language) {
          const shared = ctx.languages.filter((l) => langs.includes(l));
          if (shared.length) {
            s += weights.language;
            reasons.push({ code: 'language', params: { languages: shared } });
          } else if (!langs.length) s += weights.language * 0.3;
        }
        // context
        if (applicable.context) {
          const parts: number[] = [];
          const ctxReasons: Reason[] = [];
          const kind = p.type === 'organisation' ? (p.kind ?? 'municipality') : org?.kind;
          if (ctx.kind && kind) {
            parts.push(kind === ctx.kind ? 1 : 0);
            if (kind === ctx.kind && p.type === 'organisation') ctxReasons.push({ code: 'context', params: { aspect: 'kind', value: kind } });
          }
          const pop = p.population ?? org?.population;
          if (ctx.population && pop) {
            const sim = clamp01(1 - Math.abs(Math.log10(pop) - Math.log10(ctx.population)) / 1.5);
            parts.push(sim);
            if (sim >= 0.7) ctxReasons.push({ code: 'context', params: { aspect: 'population', value: pop } });
          }
          const region = p.region ?? org?.region ?? regionOf(resolvedCountry(p));
          if (ctx.region && region) {
            parts.push(region === ctx.region ? 1 : 0);
            if (region === ctx.region) ctxReasons.push({ code: 'context', params: { aspect: 'region', value: region } });
          }
          const flags = p.flags ?? org?.flags ?? {};
          for (const flag of ['coastal', 'rural', 'capital'] as const) {
            if (!ctx.flags[flag]) continue;
            parts.push(flags[flag] ? 1 : 0);
            if (flags[flag]) ctxReasons.push({ code: 'context', params: { aspect: flag } });
          }
          if (parts.length) s += weights.context * (parts.reduce((x, y) => x + y, 0) / parts.length);
          reasons.push(...ctxReasons);
        }
        // history: past exchanges on the request's themes
        let bestHistory = 0;
        let historyReason: Reason | null = null;
        for (const ex of p.pastExchanges ?? []) {
          if (!ex || typeof ex.year !== 'number') continue;
          if (qThemes.size && ex.theme && !qThemes.has(ex.theme)) continue;
          const age = new Date(now).getUTCFullYear() - ex.year;
          const recency = age <= 3 ? 1 : age <= 6 ? 0.7 : 0.4;
          const rating = typeof ex.rating === 'number' ? clamp01(ex.rating / 5) : 0.6;
          const h = (ex.theme ? 1 : 0.5) * recency * rating;
          if (h > bestHistory) {
            bestHistory = h;
            historyReason = { code: 'history', params: { year: ex.year, ...(ex.theme ? { theme: ex.theme } : {}), ...(typeof ex.rating === 'number' ? { rating: ex.rating } : {}) } };
          }
        }
        s += weights.history * bestHistory;
        if (historyReason && bestHistory >= 0.4) reasons.push(historyReason);
        // availability
        const av: number[] = [];
        if (p.lastActiveAt) {
          const t = Date.parse(p.lastActiveAt);
          if (!Number.isNaN(t)) {
            const months = Math.max(0, (now - t) / MONTH_MS);
            av.push(months <= 3 ? 1 : clamp01(1 - (months - 3) / 21));
            if (months <= 1) reasons.push({ code: 'availability', params: { aspect: 'active', days: Math.floor((now - Math.min(now, t)) / (24 * 3600 * 1000)) } });
          }
        }
        if (typeof p.capacity === 'number') {
          av.push(p.capacity > 0 ? 1 : 0);
          if (p.capacity > 0) reasons.push({ code: 'availability', params: { aspect: 'capacity', capacity: p.capacity } });
        }
        if (requestMonths.length && p.availability?.length) {
          const ok = requestMonths.filter((m) => p.availability!.includes(m));
          av.push(ok.length / requestMonths.length);
          if (ok.length) reasons.push({ code: 'availability', params: { aspect: 'months', months: ok } });
        }
        if (request.formats?.length && p.formats?.length) {
          const f2 = request.formats.find((x) => p.formats!.includes(x));
          av.push(f2 ? 1 : 0);
          if (f2) reasons.push({ code: 'availability', params: { aspect: 'format', format: f2 } });
        }
        s += weights.availability * (av.length ? av.reduce((x, y) => x + y, 0) / av.length : 0.5);
        const engineScore = denominator > 0 ? s / denominator : 0;
        const coverage = aspectsOn ? popcount(f.mask) / aspects.length : 0;
        scored.push({ d, score: engineShare * engineScore + fusion.lexical * f.lexical + (aspectsOn ? fusion.aspects * coverage : 0), reasons, country: resolvedCountry(p), lexical: f.lexical, mask: f.mask });
      }

      // ---- order, with country diversity (greedy: each further match from one country is discounted)
      const byScore = (x: Scored, y: Scored) => y.score - x.score || (docs[x.d].key < docs[y.d].key ? -1 : docs[x.d].key > docs[y.d].key ? 1 : 0);
      scored.sort(byScore);
      const useDiversity = opts.diversity !== false && !countryFilter && weights.diversity > 0;
      const chosen: Scored[] = [];
      if (!useDiversity) chosen.push(...scored.slice(0, top));
      else {
        const perCountry = new Map<string, number>();
        const pool = scored.slice(0, Math.max(top * 4, top + 20));
        const factor = 1 - clamp01(weights.diversity);
        const cap = Math.max(1, Math.floor(opts.maxPerCountry ?? DEFAULT_MAX_PER_COUNTRY));
        while (chosen.length < top && pool.length) {
          let best = -1;
          let bestScore = -Infinity;
          // a country at its cap gives way while candidates from elsewhere remain
          const open = pool.some((x) => !x.country || (perCountry.get(x.country) ?? 0) < cap);
          for (let i = 0; i < pool.length; i++) {
            const c = pool[i].country ?? '';
            if (open && c && (perCountry.get(c) ?? 0) >= cap) continue;
            const eff = pool[i].score * factor ** (c ? (perCountry.get(c) ?? 0) : 0);
            if (eff > bestScore + 1e-12) {
              bestScore = eff;
              best = i;
            }
          }
          const [item] = pool.splice(best, 1);
          const c = item.country ?? '';
          if (c) perCountry.set(c, (perCountry.get(c) ?? 0) + 1);
          chosen.push({ ...item, score: bestScore });
        }
        chosen.sort(byScore);
      }

      // ---- explanations for what is shown: re-read the profile text to name the matching terms
      const qWordSet = new Set([...a.words, ...translatedWords]);
      const matches: Match[] = chosen.map((item) => {
        const p = docs[item.d].profile;
        const pa = analyse(textOf(p), { hint: p.languages?.[0] });
        const needs = docs[item.d].needs;
        const byTheme = new Map<string, { specific: string[]; general: string[] }>();
        for (const c of pa.concepts) {
          const theme = themeOf(c.id);
          if (!qThemes.has(theme) || needs.concepts.has(c.id) || (c.id.endsWith('/_') && needs.themes.has(theme))) continue;
          const entry = byTheme.get(theme) ?? { specific: [], general: [] };
          const bucket = qConcepts.has(c.id) ? entry.specific : entry.general;
          if (!bucket.includes(c.surface) && !entry.specific.includes(c.surface)) bucket.push(c.surface);
          byTheme.set(theme, entry);
        }
        for (const t of p.themes ?? []) if (qThemes.has(t) && !byTheme.has(t) && !needs.themes.has(t)) byTheme.set(t, { specific: [], general: [] });
        const themeReasons: Reason[] = [...byTheme.entries()]
          .sort((x, y) => y[1].specific.length - x[1].specific.length || y[1].general.length - x[1].general.length || (x[0] < y[0] ? -1 : 1))
          .slice(0, 3)
          .map(([theme, e]) => ({ code: 'theme', params: { theme, terms: [...e.specific, ...e.general].slice(0, 4) } }));
        const reasons: Reason[] = [];
        if (aspectsOn && item.mask) {
          const covered = aspects.filter((_, i) => item.mask & (1 << i)).map((x) => x.label);
          reasons.push({ code: 'aspects', params: { covered: covered.length, total: aspects.length, aspects: covered.slice(0, 4) } });
        }
        reasons.push(...themeReasons);
        if (!themeReasons.length || item.lexical >= 0.3) {
          // the shared words, rarest first (the words that made the lexical evidence)
          const shared: Array<{ surface: string; idf: number }> = [];
          const content = pa.words;
          const surfaces = pa.surfaces;
          for (let i = 0; i < content.length; i++) {
            if (qWordSet.has(content[i]) && !shared.some((x) => x.surface === surfaces[i] || x.surface.toLowerCase() === surfaces[i].toLowerCase())) shared.push({ surface: surfaces[i], idf: idfOf.get(content[i]) ?? 0 });
          }
          // and the words met in its English translation
          if (pivotWeight > 0 && docs[item.d].translated) {
            const t2 = p.translation!.slice(0, MAX_REQUEST_CHARS);
            const ta2 = analyse(useNeeds ? splitNeeds(t2).offers : t2, { hint: 'en', jobs: false });
            for (let i = 0; i < ta2.words.length; i++) {
              const t = PIVOT + ta2.words[i];
              if (pivotOrigin.has(t) && !shared.some((x) => x.surface.toLowerCase() === ta2.surfaces[i].toLowerCase())) shared.push({ surface: ta2.surfaces[i], idf: idfOf.get(t) ?? 0 });
            }
          }
          shared.sort((x, y) => y.idf - x.idf);
          if (shared.length) reasons.push({ code: 'text', params: { terms: shared.slice(0, 4).map((x) => x.surface) } });
        }
        reasons.push(...item.reasons);
        return {
          id: p.id,
          type: p.type,
          score: Math.round(item.score * 10000) / 10000,
          ...(p.name ? { name: p.name } : {}),
          ...(item.country ? { country: item.country } : {}),
          reasons,
        };
      });
      return { notices, matches, language: a.lang };
    },
  };
  return index;
}

/**
 * A number in the order of the key `type:id` (organisations before people, then the id's first 7 characters,
 * 7 bits each: exact in a double), so two profiles whose numbers differ compare as their keys do; NaN when one
 * of those characters is not ASCII (then, as when the numbers are equal, the keys themselves are compared).
 */
export function keyNumber(type: MatchProfile['type'], id: string): number {
  let x = type === 'person' ? 1 : 0;
  for (let i = 0; i < 7; i++) {
    const c = i < id.length ? id.charCodeAt(i) : 0;
    if (c >= 128) return NaN;
    x = x * 128 + c;
  }
  return x;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** At most this many aspects per request (one bit each). */
const MAX_ASPECTS = 12;

/** An aspect of a request: a clause that names a concept or a content word, its query tokens and a short label (its first concept's words, else its first words). */
export type Aspect = { tokens: Set<string>; label: string };

/**
 * Split a request into aspects: its sentences and clauses (split at . ; : ! ? and commas, Arabic punctuation
 * included), each with the concepts and stemmed words it names. Clauses naming nothing are dropped; two
 * clauses naming the same concepts are one aspect.
 */
export function requestAspects(text: string, lang: string | null): Aspect[] {
  const out: Aspect[] = [];
  const seen = new Set<string>();
  for (const clause of text.split(/[.;:!?\n،؛؟]+|,\s+/u)) {
    if (out.length >= MAX_ASPECTS) break;
    if (clause.trim().length < 12) continue;
    const ca = analyse(clause, { hint: lang ?? undefined, jobs: false });
    const tokens = new Set<string>();
    const concepts = ca.concepts.filter((c) => !c.id.endsWith('/_'));
    for (const c of concepts) tokens.add(`k:${c.id}`);
    if (!concepts.length && ca.words.length < 2) continue;
    // an aspect the thesaurus knows is covered by its concepts; another by its (rare) words
    if (!concepts.length) for (const w of ca.words) tokens.add(w);
    const key = concepts.length ? concepts.map((c) => c.id).sort().join(' ') : ca.words.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ tokens, label: concepts[0]?.surface ?? ca.surfaces.slice(0, 3).join(' ') });
  }
  return out;
}

/** Build an index from profiles (convenience for the CLI, the evaluation and tests). Returns the index and the notices. */
export function buildMatchIndex(profiles: Iterable<MatchProfile>, options: MatchIndexOptions = {}): { index: MatchIndex; notices: string[] } {
  const index = createMatchIndex(options);
  const notices: string[] = [];
  for (const p of profiles) notices.push(...index.upsert(p));
  return { index, notices };
}
