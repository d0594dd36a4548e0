/** The second layer of the thesaurus (issue 15): well-formed, and it carries specific words across languages. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MORE_CONCEPTS } from './concepts.thesaurus.more.ts';
import { analyse, CONCEPTS } from './concepts.service.ts';
import { isThemeCode } from '../../taxonomy/themes.ts';

test('every row names a known theme and has terms in the five languages, Arabic included; the merged thesaurus has them', () => {
  for (const row of MORE_CONCEPTS) {
    const [id, ...terms] = row;
    const [theme, name] = id.split('/');
    assert.ok(isThemeCode(theme) && name, id);
    assert.equal(terms.length, 5, id);
    for (const t of terms) assert.ok(t.split('|').every((x) => x.trim()), `${id}: empty term`);
    assert.ok(CONCEPTS[theme]!.some((r) => r[0] === name), `${id} merged`);
  }
});

test('specific words meet across languages: karité / shea butter, lombricultura / vermicomposting, الزلزال / séisme', () => {
  const ids = (text: string) => analyse(text).concepts.map((c) => c.id);
  assert.ok(ids('Les groupements de femmes produisent du beurre de karité').includes('agriculture/staples'));
  assert.ok(ids('Women’s cooperatives process shea butter').includes('agriculture/staples'));
  assert.ok(ids('Transformamos los residuos vegetales en humus con lombricultura').includes('waste_management/composting'));
  assert.ok(ids('vermicomposting with earthworms').includes('waste_management/composting'));
  assert.ok(ids('إعادة البناء وفق معايير مقاومة الزلازل بعد الزلزال').includes('disaster_risk/seismic'));
  assert.ok(ids('Reconstruite après le séisme selon des normes parasismiques').includes('disaster_risk/seismic'));
  assert.ok(!ids('بنية تحتية في الأحياء').includes('agriculture/coffee_cocoa'), 'بنية is not coffee');
  assert.ok(!ids('Our parks and gardens').includes('mobility/traffic'), 'parks are not parking');
});
