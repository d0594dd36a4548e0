/**
 * Structure of the held-out set (eval.heldout.ts): the checks run on the set itself and, to show they can
 * fail, on broken copies of it. No test here ranks the held-out requests: the set is run once, by hand.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MatchProfile } from '../matching.types.ts';
import type { LabelledRequest } from './eval.requests.ts';
import { EVAL_REQUESTS } from './eval.requests.ts';
import { PARTNER_PROFILES } from './eval.profiles.ts';
import { INDEPENDENT_PARTNERS, INDEPENDENT_REQUESTS, TRAP_PROFILES } from './eval.independent.ts';
import { HELDOUT_PARTNERS, HELDOUT_REQUESTS, HELDOUT_TRAPS } from './eval.heldout.ts';
import { heldoutProfiles } from './eval.ts';

type Held = LabelledRequest & { lang: string };

/** Problems of a held-out set, given every profile of the corpus and the older sets' requests and partners ([] = none). */
function problems(held: readonly Held[], partners: readonly MatchProfile[], corpus: readonly MatchProfile[], olderRequests: readonly LabelledRequest[], olderPartners: readonly MatchProfile[]): string[] {
  const out: string[] = [];
  if (held.length < 60) out.push(`${held.length} cases, fewer than 60`);
  const nonEnglish = held.filter((r) => r.lang !== 'en').length;
  if (nonEnglish < 0.45 * held.length) out.push(`${nonEnglish} of ${held.length} not in English, under 45 %`);
  const arabic = held.filter((r) => r.lang === 'ar').length;
  if (arabic < 8) out.push(`${arabic} in Arabic, fewer than 8`);
  const requestIds = [...olderRequests, ...held].map((r) => r.id);
  for (const id of requestIds.filter((x, i) => requestIds.indexOf(x) !== i)) out.push(`request id ${id} used twice`);
  const profileIds = corpus.map((p) => p.id);
  const seen = new Set<string>();
  for (const id of profileIds) {
    if (seen.has(id)) out.push(`profile id ${id} used twice`);
    seen.add(id);
  }
  const own = new Set(partners.map((p) => p.id));
  const olderIds = new Set(olderPartners.map((p) => p.id));
  const olderNames = new Set(olderPartners.map((p) => p.name?.toLowerCase()));
  for (const p of partners) {
    if (olderIds.has(p.id)) out.push(`partner ${p.id} is already a partner of an older set`);
    if (olderNames.has(p.name?.toLowerCase())) out.push(`partner ${p.id} has the name of an older set's partner (${p.name})`);
  }
  for (const r of held) {
    if (!r.partners.length) out.push(`${r.id} names no partner`);
    for (const p of r.partners) {
      if (!seen.has(p)) out.push(`${r.id} → ${p}: no such profile`);
      else if (!own.has(p)) out.push(`${r.id} → ${p}: not a held-out partner`);
    }
    if (r.languages?.[0] !== r.lang) out.push(`${r.id}: languages ${r.languages} ≠ lang ${r.lang}`);
  }
  return out;
}

const OLDER_REQUESTS = [...EVAL_REQUESTS, ...INDEPENDENT_REQUESTS];
const OLDER_PARTNERS = [...PARTNER_PROFILES, ...INDEPENDENT_PARTNERS, ...TRAP_PROFILES];

test('the held-out set: ≥ 60 requests, ≥ 45 % not in English, ≥ 8 in Arabic, unique ids across all sets, every label a held-out partner in the corpus', () => {
  const corpus = heldoutProfiles();
  assert.deepEqual(problems(HELDOUT_REQUESTS, [...HELDOUT_PARTNERS, ...HELDOUT_TRAPS], corpus, OLDER_REQUESTS, OLDER_PARTNERS), []);
  // the corpus is the independent set's (with its 5,000 generated near misses) plus the held-out partners and traps
  assert.ok(corpus.length >= 5000 + HELDOUT_PARTNERS.length + HELDOUT_TRAPS.length);
  // traps state needs: none is anyone's right partner
  const labelled = new Set(HELDOUT_REQUESTS.flatMap((r) => r.partners));
  for (const t of HELDOUT_TRAPS) assert.ok(!labelled.has(t.id), t.id);
  assert.ok(HELDOUT_REQUESTS.filter((r) => r.cross).length >= 0.4 * HELDOUT_REQUESTS.length, 'many cross-lingual cases');
});

test('the held-out checks fail on broken sets', () => {
  const corpus = heldoutProfiles();
  const partners = [...HELDOUT_PARTNERS, ...HELDOUT_TRAPS];
  const check = (held: readonly Held[], ps = partners, c = corpus) => problems(held, ps, c, OLDER_REQUESTS, OLDER_PARTNERS);
  // too few cases
  assert.match(check(HELDOUT_REQUESTS.slice(0, 59)).join('\n'), /fewer than 60/);
  // a label naming no profile
  const dangling = HELDOUT_REQUESTS.map((r, i) => (i === 0 ? { ...r, partners: ['h-nowhere'] } : r));
  assert.match(check(dangling).join('\n'), /h-nowhere: no such profile/);
  // a label naming an older set's partner
  const older = HELDOUT_REQUESTS.map((r, i) => (i === 0 ? { ...r, partners: [INDEPENDENT_PARTNERS[0]!.id] } : r));
  assert.match(check(older).join('\n'), /not a held-out partner/);
  // an id shared with an older set
  const clash = HELDOUT_REQUESTS.map((r, i) => (i === 0 ? { ...r, id: EVAL_REQUESTS[0]!.id } : r));
  assert.match(check(clash).join('\n'), /used twice/);
  // a profile id used twice
  assert.match(check(HELDOUT_REQUESTS, partners, [...corpus, HELDOUT_PARTNERS[0]!]).join('\n'), /profile id h-\S+ used twice/);
  // a partner already in an older set
  assert.match(check(HELDOUT_REQUESTS, [...partners, { ...INDEPENDENT_PARTNERS[0]!, id: 'h-copy' }]).join('\n'), /name of an older set's partner/);
  // too much English
  const english = HELDOUT_REQUESTS.map((r) => ({ ...r, lang: 'en', languages: ['en'] }));
  const msg = check(english).join('\n');
  assert.match(msg, /under 45 %/);
  assert.match(msg, /fewer than 8/);
});
