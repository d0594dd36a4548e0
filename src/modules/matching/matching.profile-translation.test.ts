/**
 * A profile's machine translation into English (`MatchProfile.translation`, fusion `profileTranslation`): a Spanish
 * request and a Portuguese profile that share no word meet through the English pivot (the request's translation
 * against the profile's); a need sentence of the translation is not know-how; weight 0, or no translation at all,
 * gives exactly the rankings of the engine without it; upserts and removals keep the `e:` tokens' document
 * frequencies those of a fresh build. The translations below are Apertium's own output for these texts (pt → es → en,
 * es → en); the last test translates with Apertium for real.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildMatchIndex, profileKnowHow } from './matching.engine.ts';
import type { MatchProfile, Match, MatchRequest } from './matching.types.ts';
import { engineOf } from '../../platform/translate.ts';
import { apertiumMissing, startApertium, type RunningApertium } from '../../../test/support/apertium.ts';

const cemeteries: MatchProfile = {
  type: 'organisation', id: 'pt-cemiterios', name: 'A', country: 'PT', languages: ['pt'],
  offers: 'Cadastro digital dos cemitérios municipais e das campas, com cursos para os coveiros.',
};
const archives: MatchProfile = {
  type: 'organisation', id: 'pt-arquivos', name: 'B', country: 'BR', languages: ['pt'],
  offers: 'Gestão digital dos arquivos municipais e cursos para os arquivistas.',
};
const others: MatchProfile[] = [
  { type: 'organisation', id: 'es-deporte', name: 'C', country: 'ES', languages: ['es'], offers: 'Gestión de las instalaciones deportivas y de las piscinas del municipio.' },
  { type: 'organisation', id: 'gb-parks', name: 'D', country: 'GB', languages: ['en'], offers: 'Maintenance of parks and green spaces; training of gardeners.' },
  { type: 'organisation', id: 'fr-sport', name: 'E', country: 'FR', languages: ['fr'], offers: 'Gestion des équipements sportifs communaux.' },
];
const TRANSLATIONS: Record<string, string> = {
  'pt-cemiterios': 'I give of tall digital of the municipal cemeteries and of the campas, with courses for the coveiros.',
  'pt-arquivos': 'Digital management of the municipal archives and courses for the arquivistas.',
  'es-deporte': 'Management of the sportive installations and of the swimming pools of the municipality.',
};
const withTranslation = (p: MatchProfile): MatchProfile => (TRANSLATIONS[p.id] ? { ...p, translation: TRANSLATIONS[p.id] } : p);
const plain = [cemeteries, archives, ...others];
const translated = plain.map(withTranslation);

const request: MatchRequest = { title: 'Cementerios', description: 'Queremos informatizar el registro de sepulturas y capacitar a los sepultureros.' };
// Apertium (es → en)
const requestTranslation = 'Cemeteries\nWant to computerise the register of sepulturas and qualify to the sepultureros.';
const rankOf = (ms: Match[], id: string) => ms.findIndex((m) => m.id === id);
const textTerms = (m: Match | undefined) => m?.reasons.flatMap((r) => (r.code === 'text' ? r.params.terms : [])) ?? [];

test('a Spanish request and a Portuguese profile with no shared word: the profile ranks first only with its translation', () => {
  const { index: without } = buildMatchIndex(plain);
  const { index } = buildMatchIndex(translated);
  const request2 = { ...request, translation: requestTranslation };
  // without the profile's translation, nothing ties "cementerios" to "cemitérios", with or without the request's
  for (const m of [without.rank(request).matches, without.rank(request2).matches, index.rank(request).matches]) {
    assert.notEqual(m[0]?.id, 'pt-cemiterios', JSON.stringify(m.map((x) => x.id)));
  }
  const ranked = index.rank(request2).matches;
  assert.equal(ranked[0]?.id, 'pt-cemiterios', JSON.stringify(ranked.map((x) => [x.id, x.score])));
  assert.ok(textTerms(ranked[0]).includes('cemeteries'), JSON.stringify(ranked[0]?.reasons));
  // an English request meets it through its own words
  const english = index.rank({ title: 'Cemeteries', description: 'A digital register of graves and cemeteries.' }).matches;
  assert.equal(english[0]?.id, 'pt-cemiterios', JSON.stringify(english.map((x) => x.id)));
  assert.ok(rankOf(without.rank({ title: 'Cemeteries', description: 'A digital register of graves and cemeteries.' }).matches, 'pt-cemiterios') !== 0);
});

test('weight 0, or no profile with a translation, gives exactly the rankings of the engine without it', () => {
  const { index: without } = buildMatchIndex(plain);
  const { index } = buildMatchIndex(translated);
  for (const r of [request, { ...request, translation: requestTranslation }, { title: 'Cemeteries', description: 'A digital register of graves and cemeteries.' }]) {
    assert.deepEqual(index.rank(r, { fusion: { profileTranslation: 0 } }), without.rank(r));
    // an empty translation is none
    const { index: blank } = buildMatchIndex(plain.map((p) => ({ ...p, translation: '  ' })));
    assert.deepEqual(blank.rank(r), without.rank(r));
  }
  // and the weight matters when it is not 0
  assert.notDeepEqual(index.rank({ ...request, translation: requestTranslation }).matches, without.rank({ ...request, translation: requestTranslation }).matches);
});

test("a need sentence of the profile is neither translated nor, in its translation, counted as know-how", () => {
  const needy: MatchProfile = {
    type: 'organisation', id: 'pt-needy', name: 'F', country: 'PT', languages: ['pt'],
    offers: 'Gestão digital dos arquivos municipais. Precisamos de apoio para a gestão dos cemitérios.',
  };
  // what is given to the translation engine is the know-how alone
  assert.equal(profileKnowHow(needy), 'Gestão digital dos arquivos municipais.');
  // a translation that carries the need sentence anyway: it is split again, in English
  const full = 'Digital management of the municipal archives. We need support for the management of the cemeteries.';
  const offersOnly = 'Digital management of the municipal archives.';
  const english = { title: 'Cemeteries', description: 'A digital register of graves and cemeteries.' };
  // a competitor that shares "digital" twice
  const digital: MatchProfile = { type: 'organisation', id: 'gb-digital', name: 'G', country: 'GB', languages: ['en'], offers: 'Digital services and digital payments for residents.' };
  const { index: a } = buildMatchIndex([...others, digital, { ...needy, translation: full }]);
  const { index: b } = buildMatchIndex([...others, digital, { ...needy, translation: offersOnly }]);
  assert.deepEqual(a.rank(english), b.rank(english));
  assert.equal(a.rank(english).matches[0]?.id, 'gb-digital');
  // while the same sentence stated as know-how does count
  const { index: c } = buildMatchIndex([...others, digital, { ...needy, translation: `${offersOnly} Management of the cemeteries.` }]);
  assert.equal(c.rank(english).matches[0]?.id, 'pt-needy', JSON.stringify(c.rank(english).matches));
  const score = (ms: Match[]) => ms.find((m) => m.id === 'pt-needy')?.score ?? 0;
  assert.ok(score(c.rank(english).matches) > score(a.rank(english).matches));
});

test('upserts and removals of translated profiles give the rankings of a fresh build', () => {
  const r = { ...request, translation: requestTranslation };
  const { index } = buildMatchIndex(translated);
  index.upsert(cemeteries);
  assert.deepEqual(index.rank(r), buildMatchIndex([archives, ...others, cemeteries].map((p) => (p.id === 'pt-cemiterios' ? p : withTranslation(p)))).index.rank(r));
  index.upsert(withTranslation(cemeteries));
  index.remove('pt-arquivos');
  assert.deepEqual(index.rank(r), buildMatchIndex([...others, withTranslation(cemeteries)]).index.rank(r));
  index.remove('pt-cemiterios');
  // no translated profile left: the engine without translations
  assert.deepEqual(index.rank(r), buildMatchIndex(others).index.rank(r));
});

const skip = apertiumMissing();
let apy: RunningApertium | null = null;
after(async () => {
  await apy?.stop();
});

test('with Apertium for real: the request and the profile translated through the platform client, then ranked', { skip: skip ?? false }, async () => {
  apy = await startApertium();
  const engine = engineOf({ translateUrl: apy.url, translateEngine: 'apertium', translateApiKey: undefined })!;
  const profiles = await Promise.all(plain.map(async (p) => {
    const lang = p.languages![0];
    if (lang !== 'pt' && lang !== 'es') return p;
    return { ...p, translation: await engine.translate(profileKnowHow(p), lang, 'en') };
  }));
  assert.match(profiles[0].translation ?? '', /cemeteries/i);
  const translation = await engine.translate(`${request.title}\n${request.description}`, 'es', 'en');
  const ranked = buildMatchIndex(profiles).index.rank({ ...request, translation }).matches;
  assert.equal(ranked[0]?.id, 'pt-cemiterios', JSON.stringify(ranked.map((m) => m.id)));
});
