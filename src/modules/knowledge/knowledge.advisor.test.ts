/**
 * The approach advisor's scoring (issue 13), table-driven: the cases the issue names and others
 * read from the guide (seed 004), each with the first approaches expected and the reasons given.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { advise, AIM_FEATURES, HORIZONS, IMPORTANCE, PARTICIPANTS, SEEDED_APPROACHES, type AdvisorInput } from './knowledge.advisor.ts';
import { APPROACH_CODES } from '../../taxonomy/approaches.ts';

const base: AdvisorInput = { importance: {}, budget: 0, staff: 0, horizon: 'medium', participants: [] };

type Case = { name: string; input: Partial<AdvisorInput>; first?: string; above?: [string, string][]; reason?: [string, string] };
const CASES: Case[] = [
  {
    name: 'governance essential, long horizon, €10,000 and 0.5 FTE → city-to-city partnership first',
    input: { importance: { governance: 'essential' }, horizon: 'long', budget: 10_000, staff: 0.5 },
    first: 'city_to_city_partnership',
  },
  {
    name: 'global citizenship essential, €3,000 and no staff → youth work and twinning above city-to-city, which is below the €10,000 a year VVSG recommends',
    input: { importance: { globalCitizenship: 'essential' }, horizon: 'long', budget: 3_000, staff: 0 },
    first: 'international_youth_work',
    above: [['international_youth_work', 'city_to_city_partnership'], ['twinning', 'city_to_city_partnership']],
    reason: ['city_to_city_partnership', 'budgetBelow'],
  },
  {
    name: 'companies taking part and private sector essential → cooperation with the private sector first',
    input: { importance: { privateSector: 'essential' }, participants: ['companies'], horizon: 'medium', budget: 8_000, staff: 0.3 },
    first: 'private_sector_cooperation',
  },
  {
    name: 'reciprocity and governance essential, short horizon, no own budget → the short-term expertise exchange first (the programme funds it)',
    input: { importance: { governance: 'essential', reciprocity: 'essential' }, horizon: 'short', budget: 0, staff: 0.1 },
    first: 'short_term_expertise_exchange',
    reason: ['city_to_city_partnership', 'horizonMismatch'],
  },
  {
    name: 'civil society essential and schools taking part, small budget → youth work, indirect cooperation or twinning above networks',
    input: { importance: { civilSociety: 'essential' }, participants: ['schools'], horizon: 'long', budget: 4_000, staff: 0.1 },
    above: [['international_youth_work', 'international_networks'], ['indirect_cooperation', 'international_networks'], ['twinning', 'international_networks']],
  },
];

for (const c of CASES) {
  test(c.name, () => {
    const { results } = advise({ ...base, ...c.input });
    const order = results.map((r) => r.approach);
    if (c.first) assert.equal(order[0], c.first, order.join(' > '));
    for (const [a, b] of c.above ?? []) assert.ok(order.indexOf(a as never) < order.indexOf(b as never), `${a} above ${b}: ${order.join(' > ')}`);
    if (c.reason) {
      const r = results.find((x) => x.approach === c.reason![0])!;
      assert.ok(r.reasons.some((x) => x.code === c.reason![1]), `${c.reason[0]}: ${JSON.stringify(r.reasons)}`);
    }
  });
}

test('the budget reason names the need and what the municipality has', () => {
  const r = advise({ ...base, importance: { governance: 'essential' }, budget: 3_000, horizon: 'long' }).results.find((x) => x.approach === 'city_to_city_partnership')!;
  assert.deepEqual(r.reasons.find((x) => x.code === 'budgetBelow'), { code: 'budgetBelow', need: 10_000, have: 3_000 });
  assert.equal(r.fitsMeans, false);
  assert.ok(r.score < r.aims, 'the means lower the score');
});

test('each result explains itself feature by feature, most important first', () => {
  const r = advise({ ...base, importance: { reciprocity: 'somewhat', governance: 'essential' } }).results[0]!;
  const features = r.reasons.filter((x) => x.code === 'feature').map((x) => (x as { feature: string }).feature);
  assert.deepEqual(features, ['governance', 'reciprocity']);
});

test('the guide\'s combination: a short-term exchange that grows into a partnership when the partnership fits the aims but not yet the means', () => {
  assert.deepEqual(advise({ ...base, importance: { governance: 'essential', reciprocity: 'essential' }, horizon: 'long', budget: 2_000, staff: 0.1 }).combination, { first: 'short_term_expertise_exchange', then: 'city_to_city_partnership' });
  assert.equal(advise({ ...base, importance: { globalCitizenship: 'essential' }, horizon: 'medium', budget: 500 }).combination, null);
});

test('an added approach is ranked like the others', () => {
  const fairTrade = { code: 'fair_trade_town', ratings: { governance: 1, political: 2, civilSociety: 3, privateSector: 3, reciprocity: 2, globalCitizenship: 3, duration: 2, budget: 1 }, need: { budget: 500, staff: 0, horizons: ['medium', 'long'] as const } };
  const { results } = advise({ ...base, importance: { privateSector: 'essential', globalCitizenship: 'essential' }, budget: 1_000 }, [SEEDED_APPROACHES.find((a) => a.code === 'twinning')!, fairTrade]);
  assert.equal(results[0]!.approach, 'fair_trade_town');
});

test('an approach added beside the guide\'s eight: first where it answers the aims best, with its reasons, the eight keep their order', () => {
  const added = { code: 'climate_partnership', ratings: { governance: 3, political: 3, civilSociety: 2, privateSector: 3, reciprocity: 3, globalCitizenship: 3, duration: 3, budget: 2 }, need: { budget: 5_000, staff: 0.2, horizons: ['long'] as const } };
  const input = { ...base, importance: { governance: 'essential', privateSector: 'essential' }, horizon: 'long', budget: 6_000, staff: 0.3 } as const;
  const { results } = advise(input, [...SEEDED_APPROACHES, added]);
  assert.equal(results.length, 9);
  assert.equal(results[0]!.approach, 'climate_partnership');
  assert.ok(results[0]!.reasons.some((r) => r.code === 'budgetOk'));
  assert.deepEqual(results.slice(1).map((r) => r.approach), advise(input).results.map((r) => r.approach));
});

test('property: every approach once, scores within 0–100, a score never above its aims, means that suffice never lower it', () => {
  const input = fc.record({
    importance: fc.record(Object.fromEntries(AIM_FEATURES.map((f) => [f, fc.constantFrom(...IMPORTANCE)]))) as fc.Arbitrary<AdvisorInput['importance']>,
    budget: fc.integer({ min: 0, max: 100_000 }),
    staff: fc.double({ min: 0, max: 3, noNaN: true }),
    horizon: fc.constantFrom(...HORIZONS),
    participants: fc.subarray([...PARTICIPANTS]),
  });
  fc.assert(
    fc.property(input, (i) => {
      const { results } = advise(i);
      assert.deepEqual([...results.map((r) => r.approach)].sort(), [...APPROACH_CODES].sort());
      for (const r of results) {
        assert.ok(r.score >= 0 && r.score <= 100 && r.score <= r.aims + 1e-9);
        if (r.fitsMeans) assert.equal(r.score, r.aims);
      }
      for (let k = 1; k < results.length; k++) assert.ok(results[k - 1]!.score >= results[k]!.score);
    }),
    { numRuns: 200, seed: 13 },
  );
});
