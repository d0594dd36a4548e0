/**
 * Issue 15, analyser faults: a thesaurus term inside a longer term of another theme does not also count at the same
 * place (longest match), in the five languages; a two-word term's other order does not join two listed words; and
 * French and Portuguese "cultures" / "culturas" that are crops are not the culture theme.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from './concepts.text.ts';

const MARKETS = 'markets_informal_economy/markets';
const ids = (text: string, hint?: string) => analyse(text, { careful: true, hint }).concepts.map((c) => c.id);

test('a term inside a longer term of another theme does not also count: "carbon market" is not a local market', () => {
  const table: Array<[string, string, string]> = [
    ['en', 'We want to take part in the carbon market', 'climate_mitigation/finance'],
    ['fr', 'Nous voulons comprendre le marché du travail local', 'employment/jobs'],
    ['es', 'Estudiamos el mercado de alquiler de la ciudad', 'housing/rental'],
    ['pt', 'Queremos melhorar o mercado de trabalho local', 'employment/jobs'],
    ['ar', 'تحليل سوق العمل في المدينة', 'employment/jobs'],
  ];
  for (const [lang, text, longer] of table) {
    const found = ids(text, lang);
    assert.ok(found.includes(longer), `${lang}: ${text} → ${longer} (got ${found.join(', ')})`);
    assert.ok(!found.includes(MARKETS), `${lang}: ${text} is not about markets (got ${found.join(', ')})`);
  }
});

test('markets named on their own are still markets, in the five languages and next to a longer term', () => {
  for (const [lang, text] of [
    ['en', 'Management of our local markets'],
    ['fr', 'Les marchés de la ville'],
    ['es', 'Gestión de los mercados municipales'],
    ['pt', 'A gestão dos mercados municipais'],
    ['ar', 'إدارة الأسواق البلدية'],
    ['en', 'The carbon market and the markets of the old town'],
    ['fr', 'Le marché du travail et les marchés'],
    ['ar', 'سوق الكربون والأسواق البلدية'],
  ]) assert.ok(ids(text, lang).includes(MARKETS), `${lang}: ${text}`);
});

test('inside a longer term of its own theme, a shorter term stays ("organic waste" is also waste)', () => {
  const found = ids('Organic waste');
  assert.ok(found.includes('waste_management/composting') && found.includes('waste_management/collection'), found.join(', '));
});

test('a two-word term in the other order does not join two listed words', () => {
  const found = analyse('Le marché du travail et les marchés', { hint: 'fr' }).concepts;
  assert.deepEqual(found.filter((c) => c.id === 'employment/jobs').map((c) => c.surface), ['marché du travail']);
  assert.ok(analyse('birth registration').concepts.some((c) => c.id === 'civil_registration/births'));
});

test('crops are not the culture theme: cultures maraîchères, cultures vivrières, culture du maïs, cultura do milho', () => {
  for (const text of ['Appui aux cultures maraîchères', 'Nous développons les cultures vivrières', 'cultures maraîchères et cultures vivrières', 'La culture du maïs et du sorgho', 'Queremos apoiar a cultura do milho e do feijão', 'As culturas alimentares do município']) {
    const found = ids(text);
    assert.ok(!found.some((id) => id.startsWith('culture/')), `${text} (got ${found.join(', ')})`);
    assert.ok(found.some((id) => id.startsWith('agriculture/')), `${text} is agriculture (got ${found.join(', ')})`);
  }
  for (const text of ['Culture et patrimoine de la ville', 'Le centre culturel de la commune', 'Promover a cultura e o património da cidade', 'La culture, le tourisme et la pêche']) {
    assert.ok(ids(text).includes('culture/culture'), text);
  }
});
