/**
 * The plain BM25 baseline of the matching evaluation: the profile text
 * (offers, expertise, position) tokenised, stop words removed and stemmed in
 * its detected language, exactly as the engine does, but with no thesaurus,
 * no concepts, no themes and none of the other signals.
 */
import { baselineTokens } from '../../concepts/concepts.service.ts';
import type { MatchProfile } from '../matching.types.ts';

const K1 = 1.2;
const B = 0.75;

/** A BM25 index over profile texts. */
export type Bm25Index = { search(text: string, top: number): Array<{ id: string; type: string; score: number }> };

/** Build the baseline index. */
export function buildBm25(profiles: readonly MatchProfile[]): Bm25Index {
  const docs = profiles.map((p) => ({ key: `${p.type}:${p.id}`, id: p.id, type: p.type, tf: new Map<string, number>(), len: 0 }));
  const df = new Map<string, number>();
  profiles.forEach((p, i) => {
    const words = baselineTokens([p.offers, p.expertise, p.position].filter(Boolean).join('\n'));
    const d = docs[i];
    d.len = words.length;
    for (const w of words) d.tf.set(w, (d.tf.get(w) ?? 0) + 1);
    for (const w of d.tf.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  });
  const n = docs.length;
  const avg = docs.reduce((s, d) => s + d.len, 0) / Math.max(1, n) || 1;
  return {
    search(text, top) {
      const q = new Set(baselineTokens(text));
      const scored: Array<{ id: string; type: string; key: string; score: number }> = [];
      for (const d of docs) {
        let s = 0;
        for (const w of q) {
          const tf = d.tf.get(w);
          if (!tf) continue;
          const f = df.get(w)!;
          const idf = Math.log(1 + (n - f + 0.5) / (f + 0.5));
          s += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * d.len) / avg));
        }
        if (s > 0) scored.push({ id: d.id, type: d.type, key: d.key, score: s });
      }
      scored.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));
      return scored.slice(0, top).map(({ id, type, score }) => ({ id, type, score }));
    },
  };
}
