/**
 * Arabic in the analyser: normalisation and light stemming (light10), and the Arabic terms of the
 * thesaurus: every concept and job function has them, and every term, typed alone, is recognised as
 * its own concept (a stop word or a stemming collision that swallowed a term would fail here).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, lightStemArabic, normaliseArabic } from './concepts.text.ts';
import { queryMeaning } from './concepts.service.ts';
import { CONCEPTS, JOB_FUNCTIONS } from './concepts.thesaurus.ts';
import { CONCEPTS_AR, JOB_FUNCTIONS_AR } from './concepts.thesaurus.ar.ts';

test('normalisation: hamza forms of alef, alef maqsura, ta marbuta, vowels and tatweel', () => {
  assert.equal(normaliseArabic('إدارة'), 'اداره');
  assert.equal(normaliseArabic('أحياء'), 'احياء');
  assert.equal(normaliseArabic('مستوى'), 'مستوي');
  assert.equal(normaliseArabic('النّفَايـات'), 'النفايات');
});

test('light stemming: the article, the conjunction and the usual suffixes go; short words stay', () => {
  const table: Array<[string, string]> = [
    ['النفايات', 'نفا'],
    ['نفايات', 'نفا'],
    ['نفاية', 'نفا'],
    ['والنفايات', 'نفا'],
    ['بالمدارس', 'مدارس'],
    ['للشباب', 'شباب'],
    ['الصحي', 'صح'],
    ['البلدية', 'بلد'],
    ['المهندسون', 'مهندس'],
    ['المهندسين', 'مهندس'],
    ['ماء', 'ماء'],
  ];
  for (const [word, stem] of table) assert.equal(lightStemArabic(word), stem, word);
});

test('every concept and job function has Arabic terms, and no Arabic term names an unknown concept', () => {
  const conceptIds = Object.entries(CONCEPTS).flatMap(([theme, rows]) => rows.map((r) => `${theme}/${r[0]}`));
  for (const id of conceptIds) assert.ok(CONCEPTS_AR[id]?.trim(), `Arabic terms for ${id}`);
  for (const id of Object.keys(CONCEPTS_AR)) assert.ok(conceptIds.includes(id), `${id} is a concept`);
  for (const row of JOB_FUNCTIONS) assert.ok(JOB_FUNCTIONS_AR[row[0]]?.trim(), `Arabic terms for the job ${row[0]}`);
  for (const id of Object.keys(JOB_FUNCTIONS_AR)) assert.ok(JOB_FUNCTIONS.some((r) => r[0] === id), `${id} is a job function`);
});

test('every Arabic term, typed alone, is recognised as its concept', () => {
  const missed: string[] = [];
  for (const [id, terms] of Object.entries(CONCEPTS_AR)) {
    for (const term of terms.split('|')) if (!analyse(term).concepts.some((c) => c.id === id)) missed.push(`${term} → ${id}`);
  }
  for (const [id, terms] of Object.entries(JOB_FUNCTIONS_AR)) {
    for (const term of terms.split('|')) if (!analyse(term, { jobs: true }).jobs.some((c) => c.id === id)) missed.push(`${term} → job ${id}`);
  }
  assert.deepEqual(missed, []);
});

test('an Arabic text is analysed in Arabic: a request about waste and a job title', () => {
  const a = analyse('تحتاج البلدية إلى خبرة في جمع النفايات وإعادة التدوير والتخلص من المكبات العشوائية', { careful: true });
  assert.equal(a.lang, 'ar');
  const ids = a.concepts.map((c) => c.id);
  for (const id of ['waste_management/collection', 'waste_management/recycling', 'waste_management/landfill']) assert.ok(ids.includes(id), `${id} in ${ids.join(', ')}`);
  assert.deepEqual(analyse('رئيس مصلحة النظافة', { jobs: true }).jobs.map((j) => j.id), ['waste_manager']);
});

test('a query its concepts say entirely is "whole"; one with another word is not', () => {
  assert.deepEqual(queryMeaning('النفايات'), { concepts: ['waste_management/collection'], whole: true });
  assert.equal(queryMeaning('déchets').whole, true);
  assert.equal(queryMeaning('déchets Ziniaré').whole, false);
  assert.deepEqual(queryMeaning('Ziniaré'), { concepts: [], whole: false });
});
