import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { planRound } from './matching.planner.ts';
import type { PlanInput } from './matching.planner.ts';

/** Best total by trying every subset of usable pairs (small instances only). */
function bruteForce(input: PlanInput): number {
  const own = new Map(input.requests.map((r) => [r.id, r.organisation]));
  const orgOf = new Map(input.candidates.map((c) => [c.id, c.organisation]));
  const pairs = input.scores.filter((s) => s.score > 0 && own.get(s.request) !== s.candidate && (!own.get(s.request) || orgOf.get(s.candidate) !== own.get(s.request)));
  const needs = new Map(input.requests.map((r) => [r.id, r.needs ?? 1]));
  const cap = new Map(input.candidates.map((c) => [c.id, c.capacity]));
  const orgCap = new Map((input.organisations ?? []).map((o) => [o.id, o.capacity]));
  let best = 0;
  for (let mask = 0; mask < 1 << pairs.length; mask++) {
    const r = new Map<string, number>();
    const c = new Map<string, number>();
    const o = new Map<string, number>();
    let total = 0;
    let ok = true;
    for (let i = 0; i < pairs.length && ok; i++) {
      if (!(mask & (1 << i))) continue;
      const p = pairs[i];
      r.set(p.request, (r.get(p.request) ?? 0) + 1);
      c.set(p.candidate, (c.get(p.candidate) ?? 0) + 1);
      const org = orgOf.get(p.candidate);
      if (org && orgCap.has(org)) o.set(org, (o.get(org) ?? 0) + 1);
      total += p.score;
      ok = r.get(p.request)! <= needs.get(p.request)! && c.get(p.candidate)! <= cap.get(p.candidate)! && (!org || !orgCap.has(org) || o.get(org)! <= orgCap.get(org)!);
    }
    if (ok && total > best) best = total;
  }
  return best;
}

/** Small random rounds: ≤ 3 requests, ≤ 4 candidates in ≤ 2 organisations, ≤ 12 scored pairs (distinct). */
const instance = fc
  .record({
    nReq: fc.integer({ min: 1, max: 3 }),
    nCand: fc.integer({ min: 1, max: 4 }),
    nOrg: fc.integer({ min: 0, max: 2 }),
  })
  .chain(({ nReq, nCand, nOrg }) =>
    fc.record({
      requests: fc.tuple(...Array.from({ length: nReq }, (_, i) => fc.record({ id: fc.constant(`r${i}`), needs: fc.integer({ min: 1, max: 3 }), organisation: fc.option(fc.constantFrom('o0', 'o1'), { nil: undefined }) }))),
      candidates: fc.tuple(...Array.from({ length: nCand }, (_, i) => fc.record({ id: fc.constant(`c${i}`), capacity: fc.integer({ min: 0, max: 3 }), organisation: nOrg ? fc.option(fc.constantFrom(...Array.from({ length: nOrg }, (_, k) => `o${k}`)), { nil: undefined }) : fc.constant(undefined) }))),
      organisations: fc.tuple(...Array.from({ length: nOrg }, (_, k) => fc.record({ id: fc.constant(`o${k}`), capacity: fc.integer({ min: 0, max: 3 }) }))),
      scores: fc.uniqueArray(
        fc.record({ request: fc.constantFrom(...Array.from({ length: nReq }, (_, i) => `r${i}`)), candidate: fc.constantFrom(...Array.from({ length: nCand }, (_, i) => `c${i}`)), score: fc.integer({ min: -2, max: 100 }).map((n) => n / 100) }),
        { selector: (s) => `${s.request}/${s.candidate}`, maxLength: 12 },
      ),
    }),
  )
  .map((x) => ({
    requests: x.requests.map((r) => (r.organisation ? r : { id: r.id, needs: r.needs })),
    candidates: x.candidates.map((c) => (c.organisation ? c : { id: c.id, capacity: c.capacity })),
    organisations: x.organisations,
    scores: x.scores,
  }) as PlanInput);

test('the planner reaches the brute-force optimum and respects every capacity on small random rounds', async () => {
  await fc.assert(
    fc.asyncProperty(instance, async (input) => {
      const result = await planRound(input);
      assert.ok(result.ok, JSON.stringify(result));
      assert.ok(Math.abs(result.total - bruteForce(input)) < 1e-9, `planner ${result.total} vs brute force ${bruteForce(input)}`);
      const perReq = new Map<string, number>();
      const perCand = new Map<string, number>();
      const perOrg = new Map<string, number>();
      const seen = new Set<string>();
      for (const a of result.assignments) {
        const key = `${a.request}/${a.candidate}`;
        assert.ok(!seen.has(key), 'one candidate at most once per request');
        seen.add(key);
        perReq.set(a.request, (perReq.get(a.request) ?? 0) + 1);
        perCand.set(a.candidate, (perCand.get(a.candidate) ?? 0) + 1);
        const org = input.candidates.find((c) => c.id === a.candidate)?.organisation;
        if (org) perOrg.set(org, (perOrg.get(org) ?? 0) + 1);
        const own = input.requests.find((r) => r.id === a.request)?.organisation;
        assert.ok(!own || (own !== a.candidate && own !== org), 'never the request’s own organisation');
      }
      for (const r of input.requests) assert.ok((perReq.get(r.id) ?? 0) <= (r.needs ?? 1));
      for (const c of input.candidates) assert.ok((perCand.get(c.id) ?? 0) <= c.capacity);
      for (const o of input.organisations ?? []) assert.ok((perOrg.get(o.id) ?? 0) <= o.capacity);
    }),
    { numRuns: 150, seed: 20260101 },
  );
});

test('the planner beats a greedy pass where greedy is wrong', async () => {
  // greedy gives e1 to r1 (0.9) and leaves r2 with nothing (total 0.9); the optimum is 0.8 + 0.7
  const result = await planRound({
    requests: [{ id: 'r1' }, { id: 'r2' }],
    candidates: [{ id: 'e1', capacity: 1 }, { id: 'e2', capacity: 1 }],
    scores: [
      { request: 'r1', candidate: 'e1', score: 0.9 },
      { request: 'r1', candidate: 'e2', score: 0.8 },
      { request: 'r2', candidate: 'e1', score: 0.7 },
    ],
  });
  assert.ok(result.ok);
  assert.deepEqual(result.assignments, [
    { request: 'r1', candidate: 'e2', score: 0.8 },
    { request: 'r2', candidate: 'e1', score: 0.7 },
  ]);
  assert.ok(Math.abs(result.total - 1.5) < 1e-12);
});

test('a request needing k experts gets k distinct ones, and an organisation’s capacity binds its people', async () => {
  const result = await planRound({
    requests: [{ id: 'r1', needs: 2 }, { id: 'r2', needs: 2 }],
    organisations: [{ id: 'almere', capacity: 2 }],
    candidates: [
      { id: 'ann', capacity: 2, organisation: 'almere' },
      { id: 'bob', capacity: 2, organisation: 'almere' },
      { id: 'cid', capacity: 1 },
    ],
    scores: [
      { request: 'r1', candidate: 'ann', score: 0.9 },
      { request: 'r1', candidate: 'bob', score: 0.9 },
      { request: 'r2', candidate: 'ann', score: 0.8 },
      { request: 'r2', candidate: 'bob', score: 0.8 },
      { request: 'r2', candidate: 'cid', score: 0.5 },
    ],
  });
  assert.ok(result.ok);
  const almere = result.assignments.filter((a) => a.candidate === 'ann' || a.candidate === 'bob');
  assert.equal(almere.length, 2);
  assert.ok(Math.abs(result.total - 2.3) < 1e-12);
  assert.deepEqual(result.unfilled.map((u) => u.request), ['r2']);
});

test('fixed pairs are kept, forbidden pairs are left out, and fixed pairs that break a capacity give a reason', async () => {
  const base: PlanInput = {
    requests: [{ id: 'r1' }, { id: 'r2' }],
    candidates: [{ id: 'e1', capacity: 1 }, { id: 'e2', capacity: 1 }],
    scores: [
      { request: 'r1', candidate: 'e1', score: 0.9 },
      { request: 'r1', candidate: 'e2', score: 0.1 },
      { request: 'r2', candidate: 'e1', score: 0.2 },
      { request: 'r2', candidate: 'e2', score: 0.8 },
    ],
  };
  const fixed = await planRound({ ...base, fixed: [{ request: 'r2', candidate: 'e1' }] });
  assert.ok(fixed.ok);
  assert.deepEqual(fixed.assignments.map((a) => `${a.request}:${a.candidate}`), ['r1:e2', 'r2:e1']);
  const forbidden = await planRound({ ...base, forbidden: [{ request: 'r1', candidate: 'e1' }] });
  assert.ok(forbidden.ok);
  // without r1 → e1, giving e2 to r2 alone (0.8) beats r1 → e2 plus r2 → e1 (0.3)
  assert.deepEqual(forbidden.assignments.map((a) => `${a.request}:${a.candidate}`), ['r2:e2']);
  const broken = await planRound({ ...base, fixed: [{ request: 'r1', candidate: 'e1' }, { request: 'r2', candidate: 'e1' }] });
  assert.equal(broken.ok, false);
  assert.equal(!broken.ok && broken.reason, 'fixed_infeasible');
});

test('bad input gives a reason, not a throw; an empty round gives an empty plan', async () => {
  const bad = await planRound({ requests: [{ id: 'r1' }, { id: 'r1' }], candidates: [{ id: 'e1', capacity: -1 }], scores: [{ request: 'r9', candidate: 'e1', score: 1 }] });
  assert.equal(bad.ok, false);
  assert.equal(!bad.ok && bad.reason, 'invalid_input');
  assert.equal(!bad.ok && bad.details.length, 3);
  const empty = await planRound({ requests: [], candidates: [], scores: [] });
  assert.deepEqual(empty, { ok: true, assignments: [], total: 0, unfilled: [], notices: [] });
});

test('a round of 200 requests and 1,000 experts is solved to optimality', async () => {
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const requests = Array.from({ length: 200 }, (_, i) => ({ id: `r${i}`, needs: 1 + (i % 3) }));
  const organisations = Array.from({ length: 100 }, (_, i) => ({ id: `o${i}`, capacity: 3 }));
  const candidates = Array.from({ length: 1000 }, (_, i) => ({ id: `e${i}`, capacity: 1 + (i % 2), organisation: `o${i % 100}` }));
  const scores = requests.flatMap((r) => Array.from({ length: 20 }, () => ({ request: r.id, candidate: `e${Math.floor(rand() * 1000)}`, score: Math.round(rand() * 1000) / 1000 })));
  const result = await planRound({ requests, candidates, organisations, scores });
  assert.ok(result.ok);
  assert.ok(result.assignments.length > 200);
});
