/**
 * The request's machine translation into English as extra query evidence (issue 15, "where a
 * translation engine is configured"): a French request names a thing the thesaurus does not know and
 * whose English word does not look like the French one ("cimetières" / "cemeteries"); its translation
 * brings the English profile that names it up, and the reason names the shared word. The second test
 * translates with Apertium for real (apertium-apy started on a free port, never a fake engine).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildMatchIndex } from './matching.engine.ts';
import type { MatchProfile, Match } from './matching.types.ts';
import { engineOf } from '../../platform/translate.ts';
import { apertiumMissing, startApertium, type RunningApertium } from '../../../test/support/apertium.ts';

const profiles: MatchProfile[] = [
  { type: 'organisation', id: 'gb-cemetery', name: 'A', country: 'GB', languages: ['en'], offers: 'Our bereavement services keep a digital register of cemeteries and burial plots, and train gravediggers.' },
  { type: 'organisation', id: 'gb-archives', name: 'B', country: 'GB', languages: ['en'], offers: 'Digital archives of the municipality and training of archivists.' },
  { type: 'organisation', id: 'fr-archives', name: 'C', country: 'FR', languages: ['fr'], offers: 'Gestion numérique des archives communales et formation des agents.' },
  { type: 'organisation', id: 'fr-sport', name: 'D', country: 'FR', languages: ['fr'], offers: 'Gestion des équipements sportifs communaux.' },
];
const request = { title: 'Cimetières', description: 'Formation des fossoyeurs et gestion numérique des cimetières communaux.' };
const rankOf = (ms: Match[], id: string) => ms.findIndex((m) => m.id === id);
const textTerms = (m: Match | undefined) => m?.reasons.flatMap((r) => (r.code === 'text' ? r.params.terms : [])) ?? [];

test('the translation adds evidence: the English profile naming the translated word ranks higher, and its reason names the word', () => {
  const { index } = buildMatchIndex(profiles);
  const without = index.rank(request).matches;
  assert.ok(rankOf(without, 'gb-cemetery') > rankOf(without, 'gb-archives'), 'without translation, nothing ties "cimetières" to "cemeteries"');
  // Apertium's output for this request (fr → es → en)
  const translation = 'Cemeteries\nFormation of the *fossoyeurs and numerical management of the cemeteries *communaux.';
  const withT = index.rank({ ...request, translation }).matches;
  assert.ok(rankOf(withT, 'gb-cemetery') < rankOf(withT, 'gb-archives'));
  assert.deepEqual(textTerms(withT.find((m) => m.id === 'gb-cemetery')), ['cemeteries']);
  // lower weight than the request's own words: the French profile that shares four of them stays first
  assert.equal(withT[0]?.id, 'fr-archives');
  // off with weight 0; an empty translation changes nothing
  assert.deepEqual(index.rank({ ...request, translation }, { fusion: { translation: 0 } }).matches, without);
  assert.deepEqual(index.rank({ ...request, translation: '  ' }).matches, without);
});

const skip = apertiumMissing();
let apy: RunningApertium | null = null;
after(async () => {
  await apy?.stop();
});

test('with Apertium for real: the request translated into English through the platform client, then ranked', { skip: skip ?? false }, async () => {
  apy = await startApertium();
  const engine = engineOf({ translateUrl: apy.url, translateEngine: 'apertium', translateApiKey: undefined })!;
  const translation = await engine.translate(`${request.title}\n${request.description}`, 'fr', 'en');
  assert.match(translation, /cemeteries/i);
  // "fossoyeurs" is a word Apertium does not know: kept as written, without the "*" it marks unknown words with
  assert.match(translation, /fossoyeurs/);
  assert.doesNotMatch(translation, /[*#@]\p{L}/u, translation);
  const { index } = buildMatchIndex(profiles);
  const ranked = index.rank({ ...request, translation }).matches;
  assert.ok(rankOf(ranked, 'gb-cemetery') < rankOf(ranked, 'gb-archives'), JSON.stringify(ranked.map((m) => m.id)));
});
