/**
 * The library is searched in every language of the interface (issue 14): a query that names a
 * concept ("waste", "déchets", "residuos", "resíduos", "النفايات", or the synonym "ordures") finds
 * the cases about it whatever language they are written in, through the thesaurus's terms in the
 * five languages; a query with other words stays a plain text search.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { MODULES } from '../index.ts';
import { searchGoodPractices } from './knowledge.service.ts';
import type { Locale } from '../../platform/i18n.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
  await MODULES.find((m) => m.name === 'knowledge')!.demo!.run(t.db, { now: t.clock.now() });
});
after(() => t.close());

const found = async (q: string, locale: Locale = 'en') => (await searchGoodPractices({ db: t.db, actor: null, locale, now: t.clock.now() }, { q })).items.map((i) => i.id).sort();

const SAME: Array<[Locale, string][]> = [
  [['en', 'waste'], ['fr', 'déchets'], ['es', 'residuos'], ['pt', 'resíduos'], ['ar', 'النفايات'], ['fr', 'ordures']],
  [['en', 'tourism'], ['fr', 'tourisme'], ['es', 'turismo'], ['ar', 'السياحة']],
  [['en', 'young people'], ['fr', 'jeunes'], ['pt', 'jovens'], ['ar', 'الشباب']],
  [['en', 'schools'], ['fr', 'écoles'], ['es', 'escuelas'], ['ar', 'المدارس']],
];

for (const group of SAME) {
  test(`"${group[0]![1]}" finds the same cases in ${group.map(([l]) => l).join(', ')}`, async () => {
    const english = await found(group[0]![1]);
    assert.ok(english.length > 0, `the demo library has cases about "${group[0]![1]}"`);
    for (const [locale, q] of group.slice(1)) assert.deepEqual(await found(q, locale), english, `${q} (${locale})`);
  });
}

test('a query with words beyond its concepts is a plain text search', async () => {
  const all = await found('waste');
  const narrowed = await found('waste Banjul');
  assert.ok(narrowed.length > 0 && narrowed.length < all.length, `${narrowed.length} of ${all.length}`);
  assert.deepEqual(await found('zzzqqq'), []);
});
