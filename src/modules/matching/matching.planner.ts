/**
 * Round planner: for a round with many requests and many candidates with
 * capacities, the assignment of candidates to requests that maximises the
 * total match score, solved exactly as an integer program with HiGHS (the
 * `highs` package, WebAssembly, loaded once on first use).
 *
 * Model: one 0/1 variable x(r, c) per scored pair (score > 0, not forbidden,
 * candidate not from the request's own organisation);
 *   maximise   Σ score(r, c) · x(r, c)
 *   subject to Σ_c x(r, c) ≤ needs(r)                  each request gets at most k distinct candidates
 *              Σ_r x(r, c) ≤ capacity(c)               each expert or organisation candidate
 *              Σ_{c ∈ o} Σ_r x(r, c) ≤ capacity(o)     each organisation whose capacity also binds its people
 *              x(r, c) = 1 for pairs the broker fixed
 * The request rows and the (candidate ⊂ organisation) rows are two laminar
 * families, so the matrix is totally unimodular and the LP relaxation is
 * already integral; the variables are still declared integer so that the
 * answer is guaranteed whole whatever the solver path.
 */
import highsExport from 'highs';
import type { Highs } from 'highs';

type HighsLoader = () => Promise<Highs>;
// `highs` ships ESM at run time but CommonJS-style typings: take the loader from either shape
const loadHighs: HighsLoader =
  typeof highsExport === 'function' ? (highsExport as unknown as HighsLoader) : (highsExport as unknown as { default: HighsLoader }).default;

/** A request of the round. `needs` distinct candidates (default 1). */
export type PlanRequest = { id: string; needs?: number; organisation?: string };
/**
 * A candidate (an expert or an organisation offering itself). `capacity`:
 * at most this many exchanges in the round. `organisation`: the id of an
 * entry of `organisations` whose capacity also binds this candidate.
 * Candidate ids must be unique in the input (prefix them by type when a
 * person and an organisation may share an id).
 */
export type PlanCandidate = { id: string; capacity: number; organisation?: string };
/** An organisation's capacity for the whole round, shared by its candidates. */
export type PlanOrganisation = { id: string; capacity: number };
/** The score of one candidate for one request (from the matching engine); pairs not listed cannot be assigned. */
export type PlanScore = { request: string; candidate: string; score: number };
/** A pair of request and candidate. */
export type PlanPair = { request: string; candidate: string };

/** Input of `planRound`. */
export type PlanInput = {
  requests: PlanRequest[];
  candidates: PlanCandidate[];
  organisations?: PlanOrganisation[];
  scores: PlanScore[];
  /** pairs the broker has confirmed: they are kept in the plan */
  fixed?: PlanPair[];
  /** pairs the broker has ruled out */
  forbidden?: PlanPair[];
  /** pairs scoring below this are not considered (default: only scores > 0) */
  minScore?: number;
};

/** One assignment of the plan. */
export type PlanAssignment = { request: string; candidate: string; score: number };

/**
 * Result of `planRound`. Outcomes:
 * - `ok: true`: the optimal plan; `unfilled` lists requests given fewer candidates than they need.
 * - `ok: false, reason: 'invalid_input'`: unknown ids, negative capacities, duplicate ids… (`details` say which).
 * - `ok: false, reason: 'fixed_infeasible'`: the fixed pairs break a capacity or a request's needs.
 */
export type PlanResult =
  | { ok: true; assignments: PlanAssignment[]; total: number; unfilled: Array<{ request: string; assigned: number; needs: number }>; notices: string[] }
  | { ok: false; reason: 'invalid_input' | 'fixed_infeasible'; details: string[] };

let highsPromise: Promise<Highs> | null = null;

/** The HiGHS module, loaded once per process on first use. */
export function getHighs(): Promise<Highs> {
  if (!highsPromise) {
    const loading = loadHighs();
    // a failed load is retried on the next call rather than cached
    loading.catch(() => {
      if (highsPromise === loading) highsPromise = null;
    });
    highsPromise = loading;
  }
  return highsPromise;
}

const pairKey = (r: string, c: string) => `${r}\u0000${c}`;

/** Propose the assignment with the highest total score under the capacities. Throws only on a solver failure. */
export async function planRound(input: PlanInput): Promise<PlanResult> {
  const details: string[] = [];
  const reqIndex = new Map<string, number>();
  const needs: number[] = [];
  for (const r of input.requests) {
    if (typeof r?.id !== 'string' || !r.id) details.push('a request has no id');
    else if (reqIndex.has(r.id)) details.push(`duplicate request ${r.id}`);
    else {
      const k = r.needs ?? 1;
      if (!Number.isInteger(k) || k < 0) details.push(`request ${r.id}: needs must be an integer ≥ 0`);
      reqIndex.set(r.id, needs.length);
      needs.push(Math.max(0, Math.floor(k)));
    }
  }
  const orgIndex = new Map<string, number>();
  const orgCap: number[] = [];
  for (const o of input.organisations ?? []) {
    if (typeof o?.id !== 'string' || !o.id) details.push('an organisation has no id');
    else if (orgIndex.has(o.id)) details.push(`duplicate organisation ${o.id}`);
    else {
      if (!Number.isInteger(o.capacity) || o.capacity < 0) details.push(`organisation ${o.id}: capacity must be an integer ≥ 0`);
      orgIndex.set(o.id, orgCap.length);
      orgCap.push(Math.max(0, Math.floor(o.capacity)));
    }
  }
  const candIndex = new Map<string, number>();
  const candCap: number[] = [];
  const candOrg: number[] = [];
  const candOrgId: Array<string | undefined> = [];
  for (const c of input.candidates) {
    if (typeof c?.id !== 'string' || !c.id) details.push('a candidate has no id');
    else if (candIndex.has(c.id)) details.push(`duplicate candidate ${c.id}`);
    else {
      if (!Number.isInteger(c.capacity) || c.capacity < 0) details.push(`candidate ${c.id}: capacity must be an integer ≥ 0`);
      const o = c.organisation === undefined ? -1 : (orgIndex.get(c.organisation) ?? -1);
      candIndex.set(c.id, candCap.length);
      candCap.push(Math.max(0, Math.floor(c.capacity)));
      candOrg.push(o);
      candOrgId.push(c.organisation);
    }
  }
  const requestOrg = new Map(input.requests.map((r) => [r.id, r.organisation]));
  const forbidden = new Set((input.forbidden ?? []).map((p) => pairKey(p.request, p.candidate)));
  const fixed = new Set<string>();
  for (const p of input.fixed ?? []) {
    if (!reqIndex.has(p.request) || !candIndex.has(p.candidate)) details.push(`fixed pair ${p.request} → ${p.candidate}: unknown request or candidate`);
    else if (forbidden.has(pairKey(p.request, p.candidate))) details.push(`pair ${p.request} → ${p.candidate} is both fixed and forbidden`);
    fixed.add(pairKey(p.request, p.candidate));
  }
  const minScore = input.minScore;
  // one variable per usable pair; the best score wins when a pair is listed twice
  const pairs = new Map<string, { r: number; c: number; score: number }>();
  for (const s of input.scores) {
    const r = reqIndex.get(s?.request);
    const c = candIndex.get(s?.candidate);
    if (r === undefined || c === undefined) {
      details.push(`score ${s?.request} → ${s?.candidate}: unknown request or candidate`);
      continue;
    }
    if (typeof s.score !== 'number' || !Number.isFinite(s.score)) {
      details.push(`score ${s.request} → ${s.candidate}: must be a finite number`);
      continue;
    }
    const key = pairKey(s.request, s.candidate);
    const isFixed = fixed.has(key);
    if (!isFixed && (forbidden.has(key) || (minScore === undefined ? s.score <= 0 : s.score < minScore))) continue;
    const own = requestOrg.get(s.request);
    if (own && (s.candidate === own || candOrgId[c] === own)) {
      if (isFixed) details.push(`fixed pair ${s.request} → ${s.candidate}: a request cannot be matched with its own organisation`);
      continue;
    }
    const prev = pairs.get(key);
    if (!prev || s.score > prev.score) pairs.set(key, { r, c, score: s.score });
  }
  for (const key of fixed) if (!pairs.has(key)) {
    const [r, c] = key.split('\u0000');
    if (reqIndex.has(r) && candIndex.has(c) && requestOrg.get(r) !== c && candOrgId[candIndex.get(c)!] !== requestOrg.get(r)) pairs.set(key, { r: reqIndex.get(r)!, c: candIndex.get(c)!, score: 0 });
  }
  if (details.length) return { ok: false, reason: 'invalid_input', details };

  // fixed pairs must fit before anything is solved, so the broker gets a reason, not "infeasible"
  const fixedCount = { r: new Map<number, number>(), c: new Map<number, number>(), o: new Map<number, number>() };
  const bump = (m: Map<number, number>, k: number) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const key of fixed) {
    const p = pairs.get(key);
    if (!p) continue;
    bump(fixedCount.r, p.r);
    bump(fixedCount.c, p.c);
    if (candOrg[p.c] >= 0) bump(fixedCount.o, candOrg[p.c]);
  }
  const reqIds = [...reqIndex.keys()];
  const candIds = [...candIndex.keys()];
  const orgIds = [...orgIndex.keys()];
  for (const [r, n] of fixedCount.r) if (n > needs[r]) details.push(`request ${reqIds[r]} has ${n} fixed candidates but needs ${needs[r]}`);
  for (const [c, n] of fixedCount.c) if (n > candCap[c]) details.push(`candidate ${candIds[c]} is fixed on ${n} requests but has capacity ${candCap[c]}`);
  for (const [o, n] of fixedCount.o) if (n > orgCap[o]) details.push(`organisation ${orgIds[o]} is fixed on ${n} requests but has capacity ${orgCap[o]}`);
  if (details.length) return { ok: false, reason: 'fixed_infeasible', details };

  // deterministic column order: by request, then candidate id
  const cols = [...pairs.entries()].sort((a, b) => a[1].r - b[1].r || (candIds[a[1].c] < candIds[b[1].c] ? -1 : candIds[a[1].c] > candIds[b[1].c] ? 1 : 0));
  const notices: string[] = [];
  const assignments: PlanAssignment[] = [];
  if (cols.length) {
    const highs = await getHighs();
    const nR = reqIds.length;
    const nC = candIds.length;
    const numRows = nR + nC + orgIds.length;
    const numCols = cols.length;
    const starts = new Int32Array(numCols + 1);
    const indices: number[] = [];
    const colCost = new Float64Array(numCols);
    const colLower = new Float64Array(numCols);
    const colUpper = new Float64Array(numCols).fill(1);
    cols.forEach(([key, p], j) => {
      starts[j] = indices.length;
      indices.push(p.r, nR + p.c);
      if (candOrg[p.c] >= 0) indices.push(nR + nC + candOrg[p.c]);
      colCost[j] = p.score;
      if (fixed.has(key)) colLower[j] = 1;
    });
    starts[numCols] = indices.length;
    const rowLower = new Float64Array(numRows);
    const rowUpper = Float64Array.from([...needs, ...candCap, ...orgCap]);
    const model = highs.createModel({
      numCols,
      numRows,
      sense: highs.constants.objectiveSense.maximize,
      colCost,
      colLower,
      colUpper,
      rowLower,
      rowUpper,
      matrix: { format: 'csc', numRows, numCols, starts, indices: Int32Array.from(indices), values: new Float64Array(indices.length).fill(1) },
      integrality: new Int32Array(numCols).fill(highs.constants.variableType.integer),
    });
    try {
      model.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0 });
      model.run();
      const status = model.getModelStatus();
      if (status !== highs.constants.modelStatus.optimal) throw new Error(`the round planner's solver ended with status ${status}`);
      const x = model.getSolution().colValue;
      cols.forEach(([, p], j) => {
        if (x[j] > 0.5) assignments.push({ request: reqIds[p.r], candidate: candIds[p.c], score: p.score });
      });
    } finally {
      model.dispose();
    }
  } else if (reqIds.length) notices.push('no scored pair can be assigned');
  const perRequest = new Map<string, number>();
  for (const a of assignments) perRequest.set(a.request, (perRequest.get(a.request) ?? 0) + 1);
  const unfilled = reqIds
    .map((id, r) => ({ request: id, assigned: perRequest.get(id) ?? 0, needs: needs[r] }))
    .filter((u) => u.assigned < u.needs);
  // exact sum of the chosen scores (the solver's objective carries float noise)
  const total = assignments.reduce((s, a) => s + a.score, 0);
  return { ok: true, assignments, total, unfilled, notices };
}
