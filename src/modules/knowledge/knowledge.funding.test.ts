/** Funding programmes' pure rules (issue 13): open now and the next deadline on the calendar, and the eligibility answers with their reasons. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deadlineState, eligibility } from './knowledge.funding.ts';
import { fundingInput } from './knowledge.guide.schema.ts';
import { parseWith } from '../../platform/validation.ts';

const CASES: Array<[string, Parameters<typeof deadlineState>[0], string, { openNow: boolean; next: string | null }]> = [
  ['a permanent call is always open', { kind: 'rolling', opens: null, closes: null }, '2026-12-04', { openNow: true, next: null }],
  ['"ask the funder" is never open now', { kind: 'none', opens: null, closes: null }, '2026-12-04', { openNow: false, next: null }],
  ['a dated call before it opens', { kind: 'dated', opens: '2027-01-10', closes: '2027-03-31' }, '2026-12-04', { openNow: false, next: '2027-03-31' }],
  ['a dated call on its last day', { kind: 'dated', opens: '2027-01-10', closes: '2027-03-31' }, '2027-03-31', { openNow: true, next: '2027-03-31' }],
  ['a dated call the day after', { kind: 'dated', opens: null, closes: '2027-03-31' }, '2027-04-01', { openNow: false, next: null }],
  ['a yearly window inside the year', { kind: 'yearly', opens: '03-01', closes: '04-30' }, '2027-04-15', { openNow: true, next: '2027-04-30' }],
  ['a yearly window after this year\'s close: next year', { kind: 'yearly', opens: '03-01', closes: '04-30' }, '2027-05-01', { openNow: false, next: '2028-04-30' }],
  ['a yearly window across the new year, in December', { kind: 'yearly', opens: '11-01', closes: '02-15' }, '2026-12-04', { openNow: true, next: '2027-02-15' }],
  ['a yearly window across the new year, in January', { kind: 'yearly', opens: '11-01', closes: '02-15' }, '2027-01-20', { openNow: true, next: '2027-02-15' }],
  ['a yearly window across the new year, in summer', { kind: 'yearly', opens: '11-01', closes: '02-15' }, '2027-07-01', { openNow: false, next: '2028-02-15' }],
];
for (const [name, d, today, want] of CASES) {
  test(name, () => {
    const s = deadlineState(d, today);
    assert.deepEqual({ openNow: s.openNow, next: s.next }, want);
  });
}

const facts = { organisationKinds: ['municipality'], needsPartner: true, cofinancingPercent: 20, countries: ['BE'], regions: [] as string[] };

test('no question answered: no verdict', () => {
  assert.equal(eligibility(facts, {}), null);
});

test('each answer that rules a programme out says why; the others say why they fit', () => {
  const e = eligibility(facts, { government: 'yes', partner: 'no', cofinance: 'yes', country: 'BE' })!;
  assert.equal(e.verdict, 'no');
  assert.deepEqual(e.reasons, [{ code: 'kindsOk' }, { code: 'partnerNeeded' }, { code: 'cofinanceOk', percent: 20 }, { code: 'countryOk' }]);
  assert.deepEqual(eligibility(facts, { government: 'no' })!.reasons, [{ code: 'governmentOnly' }]);
  assert.equal(eligibility(facts, { cofinance: 'no' })!.verdict, 'no');
  assert.equal(eligibility(facts, { country: 'NL', region: 'europe' })!.verdict, 'no');
  assert.equal(eligibility({ ...facts, countries: [], regions: ['europe'] }, { country: 'NL', region: 'europe' })!.verdict, 'yes');
});

test('what the sources do not say is "ask the funder", not yes', () => {
  const e = eligibility({ ...facts, cofinancingPercent: null }, { cofinance: 'yes', partner: 'yes' })!;
  assert.equal(e.verdict, 'unknown');
  assert.ok(e.reasons.some((r) => r.code === 'cofinanceUnknown'));
});

const form = { lang: 'en', name: 'Call', description: 'Text', funder: 'EU', approaches: ['twinning'] };
test('a programme form: real calendar days, a window in order, amounts in order, limits named', () => {
  assert.deepEqual(parseWith(fundingInput, { ...form, deadlineKind: 'dated', closes: '2027-02-30' }), { ok: false, errors: { closes: 'platform.form.date' } });
  assert.deepEqual(parseWith(fundingInput, { ...form, deadlineKind: 'dated', opens: '2027-04-01', closes: '2027-03-31' }), { ok: false, errors: { closes: 'platform.form.dateOrder' } });
  assert.deepEqual(parseWith(fundingInput, { ...form, deadlineKind: 'yearly', opens: '02-29', closes: '04-31' }), { ok: false, errors: { opens: 'knowledge.fundingForm.monthDay', closes: 'knowledge.fundingForm.monthDay' } });
  assert.equal(parseWith(fundingInput, { ...form, deadlineKind: 'yearly', opens: '11-01', closes: '02-15' }).ok, true);
  assert.deepEqual(parseWith(fundingInput, { ...form, amountMin: '40 000', amountMax: '30.000' }), { ok: false, errors: { amountMax: 'knowledge.fundingForm.amountOrder' } });
  const ok = parseWith(fundingInput, { ...form, amountMin: '30 000', amountMax: '40,000', cofinancingPercent: '20', countries: 'be, nl' });
  assert.ok(ok.ok && ok.data.amountMin === 30_000 && ok.data.amountMax === 40_000 && ok.data.countries.join() === 'BE,NL');
  assert.deepEqual(parseWith(fundingInput, { ...form, name: 'x'.repeat(201) }), { ok: false, errors: { name: 'platform.form.tooLong?max=200&length=201' } });
  assert.deepEqual(parseWith(fundingInput, { ...form, cofinancingPercent: '120' }), { ok: false, errors: { cofinancingPercent: 'knowledge.fundingForm.cofinancing' } });
  assert.deepEqual(parseWith(fundingInput, { ...form, link: 'javascript:alert(1)' }), { ok: false, errors: { link: 'platform.form.url' } });
});
