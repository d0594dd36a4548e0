/** The hybrid score (words beside concepts) and the aspects of a request (issue 15). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildMatchIndex, requestAspects } from './matching.engine.ts';
import { renderReason } from './matching.reasons.ts';
import type { MatchProfile } from './matching.types.ts';

const filler = (i: number, text: string): MatchProfile => ({ type: 'organisation', id: `f${i}`, languages: ['en'], offers: text });

test('a profile sharing the request’s rare words ranks near the top even when others share its broad theme; the reason names the words', () => {
  const profiles: MatchProfile[] = [
    { type: 'organisation', id: 'oslo', languages: ['en'], offers: 'Zero-emission construction sites: electric excavators required in our building contracts.' },
    ...Array.from({ length: 30 }, (_, i) => filler(i, 'Public works, roads and building permits; urban planning and construction of municipal buildings.')),
  ];
  const { index } = buildMatchIndex(profiles);
  const m = index.rank({ title: 'Electric excavators on our sites', description: 'We want electric excavators in our construction contracts.' }, { top: 5 }).matches;
  assert.equal(m[0].id, 'oslo');
  const text = m[0].reasons.find((r) => r.code === 'text');
  assert.ok(text && text.code === 'text' && text.params.terms.some((w) => /excavators/i.test(w)), JSON.stringify(m[0].reasons));
});

test('a request with several needs: the profile covering all of them comes first, and the reason says which it covers', () => {
  const description = 'Our canals are full of plastic bags. Our landfill was closed by the court. Households need composting for kitchen waste.';
  const aspects = requestAspects(description, 'en');
  assert.equal(aspects.length, 3, JSON.stringify(aspects.map((a) => a.label)));
  const { index } = buildMatchIndex([
    { type: 'organisation', id: 'all', languages: ['en'], offers: 'We banned plastic bags, closed our old landfill and support household composting.' },
    { type: 'organisation', id: 'plastic', languages: ['en'], offers: 'Campaigns against plastic bags and single-use plastics; plastic bags banned in markets.' },
    { type: 'organisation', id: 'landfill', languages: ['en'], offers: 'Landfill closure and capping, landfill gas, a new sanitary landfill with lined cells.' },
    { type: 'organisation', id: 'compost', languages: ['en'], offers: 'Household composting bins and composting of kitchen waste in every district.' },
  ]);
  const m = index.rank({ title: 'Waste problems', description }, { top: 4 }).matches;
  assert.equal(m[0].id, 'all');
  const r = m[0].reasons.find((x) => x.code === 'aspects');
  assert.ok(r && r.code === 'aspects' && r.params.covered === 3 && r.params.total === 3, JSON.stringify(m[0].reasons));
  assert.match(renderReason(r), /covers 3 of the request's 3 aspects/);
  const one = m.find((x) => x.id === 'landfill')!.reasons.find((x) => x.code === 'aspects');
  assert.ok(one && one.code === 'aspects' && one.params.covered === 1);
});

test('look-alike words across languages: a French request finds the English profile that names the same unusual thing (a word no French profile has)', async () => {
  const { cognatesOf } = await import('./matching.engine.ts');
  const byPrefix = new Map([['compo', ['compost', 'compon', 'composit', 'compostag']]]);
  assert.deepEqual(cognatesOf('compostag', byPrefix).map((c) => c.token), ['compost']);
  assert.deepEqual(cognatesOf('com', byPrefix), []);
  const profiles: MatchProfile[] = [
    { type: 'organisation', id: 'hydro', languages: ['en'], offers: 'Biodigesters in school kitchens run by youth cooperatives.' },
    ...Array.from({ length: 30 }, (_, i) => filler(i, i % 2 ? 'School kitchens and school canteens run by young people and youth cooperatives.' : 'School kitchens for the young, with youth groups.')),
  ];
  const { index } = buildMatchIndex(profiles);
  const request = { title: 'Biodigesteurs dans les cantines', description: 'Nous voulons des biodigesteurs dans les cuisines des écoles, tenus par des jeunes.' };
  const rankOf = (cognates: number) => index.rank(request, { top: 10, fusion: { cognates } }).matches.findIndex((m) => m.id === 'hydro');
  assert.equal(rankOf(0.8), 0);
  assert.ok(rankOf(0) === -1 || rankOf(0) > 0, `without look-alike words: ${rankOf(0)}`);
});
