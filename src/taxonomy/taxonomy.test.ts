import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOCALES } from '../platform/i18n.ts';
import { JOB_FUNCTIONS as THESAURUS_JOB_FUNCTIONS } from '../modules/concepts/concepts.service.ts';
import {
  JOB_FUNCTIONS, SDGS, EXCHANGE_FORMATS, APPROACHES, REGIONS, ORGANISATION_KINDS, POPULATION_BANDS, KIND_CODES,
  COUNTRY_CODES, countryLabels, LANGUAGE_CODES, languageLabels, regionOfCountry, ORGANISATION_COUNTRY_CODES, bandOf, labelFor, type Labels,
} from './index.ts';

function assertFiveLabels(what: string, labels: Labels, code: string) {
  for (const l of LOCALES) {
    const v = labels[l];
    assert.ok(typeof v === 'string' && v.trim().length > 0, `${what} ${code} has no ${l} label`);
  }
  assert.match(labels.ar, /[\u0600-\u06FF]/, `${what} ${code}: the Arabic label is in Arabic script`);
}

test('every coded item has a label in all five languages', () => {
  const lists = { JOB_FUNCTIONS, EXCHANGE_FORMATS, APPROACHES, REGIONS, ORGANISATION_KINDS, POPULATION_BANDS };
  for (const [name, items] of Object.entries(lists)) {
    assert.ok(items.length > 0);
    const codes = new Set<string>();
    for (const i of items) {
      assertFiveLabels(name, i.labels, i.code);
      assert.ok(!codes.has(i.code), `${name}: duplicate code ${i.code}`);
      codes.add(i.code);
    }
  }
  for (const s of SDGS) assertFiveLabels('SDG', s.labels, String(s.number));
});

test('the vocabularies have the sizes the design names', () => {
  assert.deepEqual(SDGS.map((s) => s.number), Array.from({ length: 17 }, (_, i) => i + 1));
  assert.deepEqual(EXCHANGE_FORMATS.map((f) => f.code), ['expert_assignment', 'work_placement', 'roundtable', 'study_visit', 'virtual_exchange']);
  assert.equal(APPROACHES.length, 8);
  assert.deepEqual(REGIONS.map((r) => r.code), ['europe', 'mena', 'see', 'ssa', 'asia', 'lac']);
  assert.deepEqual(ORGANISATION_KINDS.map((k) => k.code), [...KIND_CODES]);
});

test('job functions reuse every code of the matching thesaurus', () => {
  const ours = new Set(JOB_FUNCTIONS.map((j) => j.code));
  for (const [code] of THESAURUS_JOB_FUNCTIONS) assert.ok(ours.has(code), `job function ${code} missing`);
});

test('every country has a name in all five languages, from the library', () => {
  assert.ok(COUNTRY_CODES.length >= 249);
  for (const c of COUNTRY_CODES) {
    const labels = countryLabels(c);
    assertFiveLabels('country', labels, c);
    for (const l of LOCALES) assert.notEqual(labels[l], c);
  }
  assert.equal(countryLabels('BJ').fr, 'Bénin');
  assert.equal(countryLabels('NL').ar, 'هولندا');
});

test('every language code has a name (not the code) in all five languages', () => {
  assert.equal(LANGUAGE_CODES.length, 183);
  for (const c of LANGUAGE_CODES) {
    const labels = languageLabels(c);
    for (const l of LOCALES) assert.ok(labels[l] && labels[l].toLowerCase() !== c, `language ${c} has no ${l} name`);
  }
  assert.equal(languageLabels('fr').fr, 'Français');
  assert.equal(languageLabels('pt').ar, 'البرتغالية');
});

test('countries map to the network regions, with the documented exceptions', () => {
  const expect: Record<string, string> = {
    NL: 'europe', BE: 'europe', IS: 'europe', ES: 'europe', GH: 'ssa', BJ: 'ssa', BF: 'ssa', UG: 'ssa', GM: 'ssa', CM: 'ssa', ZA: 'ssa',
    MA: 'mena', TN: 'mena', EG: 'mena', JO: 'mena', LB: 'mena', PS: 'mena', IR: 'mena', SD: 'mena',
    RS: 'see', AL: 'see', MK: 'see', BA: 'see', XK: 'see', TR: 'see', RO: 'see', MD: 'see',
    KH: 'asia', ID: 'asia', IN: 'asia', AU: 'asia', MX: 'lac', NI: 'lac', BR: 'lac', HT: 'lac', CA: 'europe', GE: 'europe',
  };
  for (const [c, r] of Object.entries(expect)) assert.equal(regionOfCountry(c), r, c);
  assert.equal(regionOfCountry('AQ'), undefined);
  assert.ok(!ORGANISATION_COUNTRY_CODES.includes('AQ'));
  assert.equal(ORGANISATION_COUNTRY_CODES.length, COUNTRY_CODES.length - 1, 'only Antarctica lacks a region');
});

test('population bands cover every population once', () => {
  assert.equal(bandOf(0), 'under_10k');
  assert.equal(bandOf(9_999), 'under_10k');
  assert.equal(bandOf(10_000), '10k_50k');
  assert.equal(bandOf(1_000_000), 'over_1m');
  assert.equal(bandOf(null), undefined);
});

test('an unknown code is shown as itself rather than failing', () => {
  assert.equal(labelFor(REGIONS, 'atlantis', 'fr'), 'atlantis');
  assert.equal(labelFor(REGIONS, 'ssa', 'fr'), 'Afrique subsaharienne');
});

test('regions are named in the reader\'s language: network regions, UN M49 areas by name or code', async () => {
  const { regionName } = await import('./regions.ts');
  assert.equal(regionName('ssa', 'fr'), 'Afrique subsaharienne');
  assert.equal(regionName('Western Africa', 'fr'), 'Afrique occidentale');
  assert.equal(regionName('Western Africa', 'ar'), 'غرب أفريقيا');
  assert.equal(regionName('western europe', 'es'), 'Europa occidental');
  assert.equal(regionName('011', 'pt'), 'África Ocidental');
  assert.equal(regionName('Atlantis', 'fr'), 'Atlantis', 'an unknown name as it is');
});
