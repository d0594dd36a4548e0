/**
 * Issue 16.6: numbers typed the reader's way. Formatting with Intl in any of the five languages
 * and reading back gives the same number; "1250,50", "1 250,50", "1.250,50", "1,250.50" and the
 * plain "1250.50" are read as the reader means them; what is not a number is null.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseLocaleNumber, parseAmountCents, formatAmountInput, formatNumber } from './numbers.ts';
import { LOCALES } from './i18n.ts';

test('the forms people type, per language', () => {
  const cases: [string, string, number | null][] = [
    ['1250,50', 'fr', 1250.5],
    ['1 250,50', 'fr', 1250.5],
    ['1\u202f250,50', 'fr', 1250.5],
    ['1250.50', 'fr', 1250.5],
    ['1.250,50', 'es', 1250.5],
    ['1250,50', 'es', 1250.5],
    ['1.250', 'es', 1250],
    ['12.50', 'es', 12.5],
    ['1.250,50', 'pt', 1250.5],
    ['1,250.50', 'en', 1250.5],
    ['1250,50', 'en', 1250.5],
    ['1,250', 'en', 1250],
    ['١٬٢٥٠٫٥٠', 'ar', 1250.5],
    ['1,250.50', 'ar', 1250.5],
    ['', 'fr', null],
    ['abc', 'fr', null],
    ['1,2,3', 'en', null],
    ['12 34', 'fr', null],
    ['1e5', 'en', null],
  ];
  for (const [s, l, n] of cases) assert.equal(parseLocaleNumber(s, l), n, `${s} in ${l}`);
  assert.equal(parseAmountCents('1250,50', 'fr'), 125050);
  assert.equal(parseAmountCents('1250,505', 'fr'), null, 'at most two decimals');
  assert.equal(parseAmountCents('-5', 'fr'), null);
  assert.equal(formatAmountInput(125050, 'fr'), '1\u202f250,50');
  assert.equal(formatAmountInput(125000, 'es'), '1250');
});

test('property: format then parse gives the number back, in each of the five languages', () => {
  for (const locale of LOCALES)
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }), fc.constantFrom(0, 1, 2), (cents, digits) => {
        const n = 0 + (digits === 0 ? Math.trunc(cents / 100) : digits === 1 ? Math.trunc(cents / 10) / 10 : cents / 100);
        const shown = formatNumber(n, locale, digits);
        assert.equal(parseLocaleNumber(shown, locale), n, `${locale}: ${shown}`);
        // Arabic-Indic digits, as other ICU versions write Arabic.
        if (locale === 'ar') {
          const indic = new Intl.NumberFormat('ar-u-nu-arab', { maximumFractionDigits: digits }).format(n);
          assert.equal(parseLocaleNumber(indic, locale), n, `ar (arab digits): ${indic}`);
        }
      }),
      { numRuns: 300 },
    );
});

test('property: amounts shown in a form field are read back to the same cents', () => {
  for (const locale of LOCALES)
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_900 }), (cents) => {
        assert.equal(parseAmountCents(formatAmountInput(cents, locale), locale), cents);
      }),
      { numRuns: 300 },
    );
});

test('a number from a form without the reader’s language: grouping and decimal marks told apart', async () => {
  const { parseFormNumber } = await import('./numbers.ts');
  const cases: [string, boolean, number | null][] = [
    ['30 000', true, 30000],
    ['30.000', true, 30000],
    ['30,000', true, 30000],
    ['1.234.567', true, 1234567],
    ['12,37', false, 12.37],
    ['12.37', false, 12.37],
    ['-4,5', false, -4.5],
    ['1.234,5', false, 1234.5],
    ['1,234.5', false, 1234.5],
    ['1,2,3', true, null],
    ['1..2', false, null],
    ['abc', false, null],
  ];
  for (const [s, integer, n] of cases) assert.equal(parseFormNumber(s, { integer }), n, s);
  // Whatever Intl writes for a whole number in any of the five languages is read back.
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.constantFrom(...LOCALES), (n, l) => {
      assert.equal(parseFormNumber(new Intl.NumberFormat(l).format(n), { integer: true }), n);
    }),
  );
});
