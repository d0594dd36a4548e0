/**
 * The analyser's throughput (issue 15, the third thesaurus layer): `analyseProfileConcepts` (what the directory's
 * import and the matching index run on every row) over the evaluation's profiles and 20,000 generated ones.
 * `--root DIR` times the analyser of another checkout on the same texts (e.g. the main branch's), so two
 * thesauri can be compared back to back: `npx node bench/bench-analyse.ts --root /work/main`.
 * Prints one JSON line: texts, rounds, median ms per round and µs per text (after one warm-up round).
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { evalProfiles, generatedProfiles } from '../src/modules/matching/eval/eval.profiles.ts';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i < 0 ? undefined : process.argv[i + 1]; };
const root = resolve(arg('--root') ?? resolve(import.meta.dirname, '..'));
const rounds = Number(arg('--rounds') ?? 5);
const service = (await import(pathToFileURL(`${root}/src/modules/concepts/concepts.service.ts`).href)) as {
  analyseProfileConcepts(text: string, hint: string | undefined, themes: readonly string[]): unknown;
};
const texts = [...evalProfiles(), ...generatedProfiles(20_000, 7)].map((p) => ({
  text: [p.offers, p.expertise, p.position].filter(Boolean).join('\n'),
  hint: p.languages?.[0],
}));
const times: number[] = [];
for (let r = 0; r <= rounds; r++) {
  const t0 = performance.now();
  for (const { text, hint } of texts) service.analyseProfileConcepts(text, hint, []);
  if (r > 0) times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(JSON.stringify({ root, texts: texts.length, rounds, median_ms: +median.toFixed(1), us_per_text: +((median * 1000) / texts.length).toFixed(2) }));
