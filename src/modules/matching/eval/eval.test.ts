import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from './eval.ts';
import { EVAL_REQUESTS } from './eval.requests.ts';
import { evalProfiles } from './eval.profiles.ts';

test('the labelled set has at least 40 requests, 300 profiles, a third across languages, and every label names a profile', () => {
  const profiles = evalProfiles();
  assert.ok(EVAL_REQUESTS.length >= 40);
  assert.ok(profiles.length >= 300);
  assert.ok(EVAL_REQUESTS.filter((r) => r.cross).length * 3 >= EVAL_REQUESTS.length);
  const ids = new Set(profiles.map((p) => p.id));
  assert.equal(ids.size, profiles.length, 'profile ids are unique');
  for (const r of EVAL_REQUESTS) for (const p of r.partners) assert.ok(ids.has(p), `${r.id} → ${p}`);
  // generation is deterministic
  assert.deepEqual(evalProfiles(), profiles);
});

test('the engine meets the quality targets on the labelled set: recall@5 ≥ 0.9 and MRR ≥ BM25 + 0.2', () => {
  const r = evaluate();
  assert.ok(r.engine.recall5 >= 0.9, JSON.stringify(r.engine));
  assert.ok(r.engine.mrr >= r.bm25.mrr + 0.2, `engine ${r.engine.mrr} vs BM25 ${r.bm25.mrr}`);
});

test('the independent set: ≥ 100 requests, ≥ 40 % not in English, every label names a profile, split once by the hash of the id', async () => {
  const { INDEPENDENT_REQUESTS, splitOf } = await import('./eval.independent.ts');
  const { independentProfiles } = await import('./eval.ts');
  assert.ok(INDEPENDENT_REQUESTS.length >= 100);
  assert.ok(INDEPENDENT_REQUESTS.filter((r) => r.lang !== 'en').length >= 0.4 * INDEPENDENT_REQUESTS.length);
  const ids = new Set(independentProfiles().map((p) => p.id));
  for (const r of INDEPENDENT_REQUESTS) {
    for (const p of r.partners) assert.ok(ids.has(p), `${r.id} → ${p}`);
    assert.equal(r.split, splitOf(r.id));
  }
  const dev = INDEPENDENT_REQUESTS.filter((r) => r.split === 'dev').length;
  assert.ok(dev >= 40 && INDEPENDENT_REQUESTS.length - dev >= 40, `dev ${dev}`);
});
