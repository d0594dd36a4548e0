/**
 * Search in every language of the interface (issue 14): the same concept typed in English, French,
 * Spanish, Portuguese and Arabic finds the same top organisations of the demo directory, because the
 * query's concepts (not its words) rank the directory; Arabic is normalised and lightly stemmed
 * (النفايات, نفايات and نفاية are one word) and has its own terms in the thesaurus.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { seedDemo } from '../demo/demo.seed.ts';
import { MODULES } from '../index.ts';
import { searchOrganisations, refreshDirectoryConcepts } from './organisations.service.ts';
import type { ServiceCtx } from '../../platform/http.ts';
import type { Locale } from '../../platform/i18n.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  await seedDemo(t.db, MODULES, { now: t.clock.now() });
  await refreshDirectoryConcepts(t.db); // as the server does at start
});
after(() => t.close());

const visitor = (locale: Locale): ServiceCtx => ({ db: t.db, actor: null, locale, now: t.clock.now() });
const top5 = async (q: string, locale: Locale) => (await searchOrganisations(visitor(locale), { q })).items.slice(0, 5).map((o) => o.name);

/** Ten concepts, each as a municipal official would type it in en, fr, es, pt, ar. */
const CONCEPTS: Array<[string, string, string, string, string]> = [
  ['waste', 'déchets', 'residuos', 'resíduos', 'النفايات'],
  ['sanitation', 'assainissement', 'saneamiento', 'saneamento', 'الصرف الصحي'],
  ['human resources', 'ressources humaines', 'recursos humanos', 'recursos humanos', 'الموارد البشرية'],
  ['tourism', 'tourisme', 'turismo', 'turismo', 'السياحة'],
  ['young people', 'jeunes', 'jóvenes', 'jovens', 'الشباب'],
  ['local economic development', 'développement économique local', 'desarrollo económico local', 'desenvolvimento económico local', 'التنمية الاقتصادية المحلية'],
  ['schools', 'écoles', 'escuelas', 'escolas', 'المدارس'],
  ['cycling', 'vélo', 'bicicleta', 'bicicleta', 'الدراجات'],
  ['refugees', 'réfugiés', 'refugiados', 'refugiados', 'اللاجئين'],
  ['digital transformation', 'transformation numérique', 'transformación digital', 'transformação digital', 'التحول الرقمي'],
];
const LANGS: Locale[] = ['en', 'fr', 'es', 'pt', 'ar'];

for (const row of CONCEPTS) {
  test(`"${row[0]}" in five languages finds the same top organisations`, async () => {
    const english = await top5(row[0], 'en');
    assert.ok(english.length > 0, `"${row[0]}" finds organisations in the demo`);
    for (let i = 1; i < LANGS.length; i++) {
      assert.deepEqual(await top5(row[i], LANGS[i]), english, `"${row[i]}" (${LANGS[i]}) finds what "${row[0]}" finds`);
    }
  });
}

test('Arabic spellings people type interchangeably find the same organisations', async () => {
  const waste = await top5('النفايات', 'ar');
  for (const variant of ['نفايات', 'نفاية', 'والنفايات', 'النّفايات', 'النفايـات']) assert.deepEqual(await top5(variant, 'ar'), waste, variant);
  assert.ok(waste.length > 0);
  // the hamza on the alef is often left out
  assert.deepEqual(await top5('ادارة النفايات', 'ar'), await top5('إدارة النفايات', 'ar'));
});

test('common synonyms: "ordures" finds what "déchets" finds', async () => {
  assert.deepEqual(await top5('ordures', 'fr'), await top5('déchets', 'fr'));
});
