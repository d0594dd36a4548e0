/**
 * The third layer of the thesaurus (issue 15, breadth): well-formed, as rich in Arabic as in French, every term
 * recognised as its own concept, no term shared with a concept of another theme group, and specific words that
 * meet across the five languages without meeting unrelated ones.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { THIRD_BLOCKS, THIRD_CONCEPTS } from './concepts.thesaurus.third.ts';
import { analyse, conceptsOfTerm, type Lang } from './concepts.text.ts';
import { CONCEPTS } from './concepts.thesaurus.ts';
import { CONCEPTS_AR } from './concepts.thesaurus.ar.ts';
import { getTheme, isThemeCode } from '../../taxonomy/themes.ts';

const LANGS: readonly Lang[] = ['en', 'fr', 'es', 'pt', 'ar'];
const ids = (text: string) => analyse(text, { careful: true }).concepts.map((c) => c.id);

test('every row names a known theme, once, with terms in the five languages; the merged thesaurus has it', () => {
  const seen = new Set<string>();
  for (const row of THIRD_CONCEPTS) {
    const [id, ...terms] = row;
    const [theme, name] = id.split('/');
    assert.ok(isThemeCode(theme) && /^[a-z_]+$/.test(name ?? ''), id);
    assert.ok(!seen.has(id), `${id} has one row`);
    seen.add(id);
    assert.equal(terms.length, 5, id);
    terms.forEach((t, i) => {
      assert.ok(t.trim(), `${id}: no ${LANGS[i]} terms`);
      assert.ok(t.split('|').every((x) => x.trim() === x && x), `${id}: empty or padded ${LANGS[i]} term`);
    });
    assert.ok(CONCEPTS[theme]!.some((r) => r[0] === name), `${id} merged`);
    for (const t of row[5].split('|')) assert.ok(CONCEPTS_AR[id]!.split('|').includes(t), `${id}: Arabic merged`);
  }
});

test('the layer is broad: at least 150 new narrow concepts over every theme group, Arabic as rich as French in every block', () => {
  // 101 concepts before this layer (83 base, 18 from the second layer)
  const concepts = Object.values(CONCEPTS).reduce((n, rows) => n + rows.length, 0);
  assert.ok(concepts >= 101 + 150, `${concepts} concepts`);
  const groups = new Set(THIRD_CONCEPTS.map((r) => getTheme(r[0].split('/')[0])!.group));
  assert.deepEqual([...groups].sort(), ['economy', 'environment', 'governance', 'risk', 'social', 'urban']);
  for (const [block, rows] of Object.entries(THIRD_BLOCKS)) {
    const count = (i: number) => rows.reduce((n, r) => n + r[i].split('|').length, 0);
    assert.ok(count(5) >= count(2) * 0.95, `${block}: ${count(5)} Arabic terms for ${count(2)} French`);
  }
});

test('every term, typed alone, is recognised as its concept', () => {
  const missed: string[] = [];
  for (const row of THIRD_CONCEPTS) {
    LANGS.forEach((lang, i) => {
      for (const term of row[i + 1].split('|')) if (!analyse(term, { hint: lang }).concepts.some((c) => c.id === row[0])) missed.push(`${lang}: ${term} → ${row[0]}`);
    });
  }
  assert.deepEqual(missed, []);
});

test('no term of the layer is shared with a concept of another theme group', () => {
  const group = (id: string) => getTheme(id.split('/')[0])!.group;
  const shared: string[] = [];
  for (const row of THIRD_CONCEPTS) {
    LANGS.forEach((lang, i) => {
      for (const term of row[i + 1].split('|')) {
        const others = conceptsOfTerm(lang, term).filter((id) => group(id) !== group(row[0]));
        if (others.length) shared.push(`${lang}: ${term} (${row[0]}) also ${others.join(', ')}`);
      }
    });
  }
  assert.deepEqual(shared, []);
});

test('a narrow concept is one id in the five languages', () => {
  const table: Array<[string, string[]]> = [
    ['sanitation/decentralised', ['Waste stabilisation ponds and constructed wetlands', 'Station de lagunage et filtres plantés de roseaux', 'Lagunas de estabilización para el pueblo', 'Lagoas de estabilização no município', 'أحواض التثبيت والأراضي الرطبة المصطنعة']],
    ['public_works/fleet', ['Fleet management and the municipal garage', 'Gestion de flotte et garage municipal', 'Gestión de flota y taller municipal', 'Gestão de frota e oficina municipal', 'تسيير الأسطول والمرآب البلدي']],
    ['mobility/paratransit', ['Regulating motorcycle taxis', 'Organiser les motos-taxis', 'Regular los mototaxis', 'Regular os mototáxis', 'تنظيم الدراجات النارية الأجرة']],
    ['migration/remittances', ['Channelling remittances into local investment', 'Orienter les transferts de fonds des migrants', 'Las remesas de la diáspora', 'As remessas dos emigrantes', 'تحويلات المهاجرين نحو الاستثمار المحلي']],
    ['climate_adaptation/desertification', ['Fighting desertification and sand encroachment', 'Lutte contre la désertification et l’ensablement', 'Lucha contra la desertificación', 'Combate à desertificação', 'مكافحة التصحر وزحف الرمال']],
    ['agriculture/irrigation', ['Drip irrigation for smallholders', 'Irrigation goutte à goutte pour les maraîchers', 'Riego por goteo para pequeños productores', 'A rega gota a gota nas hortas do município', 'الري بالتنقيط لصغار الفلاحين']],
    ['local_taxation/property_tax', ['Updating the fiscal cadastre and tax roll', 'Mettre à jour le recensement fiscal et les rôles', 'Actualización catastral y padrón de contribuyentes', 'Atualizar o cadastro fiscal e o IPTU', 'تحيين الإحصاء الجبائي والجدول الضريبي']],
    ['disability_inclusion/sensory', ['Services in sign language and braille', 'Accueil en langue des signes et en braille', 'Atención en lengua de señas y braille', 'Atendimento em língua gestual e braille', 'خدمات بلغة الإشارة وطريقة برايل']],
  ];
  for (const [id, texts] of table) for (const text of texts) assert.ok(ids(text).includes(id), `${text} → ${id} (got ${ids(text).join(', ')})`);
});

test('specific words do not meet unrelated concepts', () => {
  assert.ok(!ids('Isolement social des personnes âgées').includes('energy/efficiency'), 'social isolation is not insulation');
  assert.ok(ids('Isolation thermique des écoles').includes('energy/efficiency'));
  assert.ok(!ids('Our district hospitals and clinics').includes('tourism/tourism'), 'hospitals are not hospitality');
  assert.ok(!ids('Cartes d’identité professionnelles pour les récupératrices').includes('civil_registration/identity'));
  assert.ok(!ids('Organising trade shows for local firms').includes('local_economic_development/fair_trade'));
  for (const text of ['Reducing greenhouse gas emissions', 'Réduire les gaz à effet de serre', 'Reducir los gases de efecto invernadero']) {
    assert.ok(!ids(text).includes('agriculture/vegetables'), `${text}: greenhouse gases are not greenhouses`);
  }
});
