import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildMatchIndex, createMatchIndex, MAX_REQUEST_CHARS } from './matching.engine.ts';
import type { MatchProfile } from './matching.types.ts';

const NOW = new Date('2026-03-01T00:00:00Z');

/** A small directory: each organisation's know-how written in its own language. */
const PROFILES: MatchProfile[] = [
  { type: 'organisation', id: 'gb-leeds', name: 'Leeds', country: 'GB', languages: ['en'], offers: 'Faecal sludge management: pit emptying services, vacuum trucks and a sludge treatment plant for on-site sanitation.' },
  { type: 'organisation', id: 'nl-almere', name: 'Almere', country: 'NL', languages: ['nl', 'en'], offers: 'Integration of newcomers: welcome centre for refugees, language courses and job coaching.' },
  { type: 'organisation', id: 'fr-lyon', name: 'Lyon', country: 'FR', languages: ['fr'], offers: 'Gestion du risque d’inondation : bassins de rétention, digues et système d’alerte précoce pour les crues.' },
  { type: 'organisation', id: 'es-bilbao', name: 'Bilbao', country: 'ES', languages: ['es'], offers: 'Registro civil: digitalización de actas de nacimiento y registro de nacimientos en hospitales.' },
  { type: 'organisation', id: 'pt-porto', name: 'Porto', country: 'PT', languages: ['pt'], offers: 'Recolha de resíduos e reciclagem: recolha seletiva porta a porta, ecopontos e apoio aos catadores.' },
  { type: 'organisation', id: 'br-curitiba', name: 'Curitiba', country: 'BR', languages: ['pt'], offers: 'Transporte público: corredores de ônibus e planeamento da mobilidade urbana.' },
  { type: 'organisation', id: 'sn-dakar', name: 'Dakar', country: 'SN', languages: ['fr'], seeks: 'Collecte des déchets', offers: 'Marchés et économie informelle : gestion des marchés et des vendeurs de rue.' },
  { type: 'organisation', id: 'de-bonn', name: 'Bonn', country: 'DE', languages: ['de', 'en'], offers: 'Human resources: recruitment, staff training and performance appraisal for municipal civil servants.' },
  { type: 'person', id: 'p-ana', name: 'Ana Souza', organisation: 'pt-porto', position: 'Chefe de divisão de resíduos', expertise: 'Compostagem de resíduos orgânicos e recolha seletiva.' },
  { type: 'person', id: 'p-jean', name: 'Jean Diop', organisation: 'sn-dakar', position: 'Chef du service propreté', expertise: 'Précollecte des ordures ménagères avec des charrettes.' },
];

function index() {
  return buildMatchIndex(PROFILES).index;
}

function topIds(req: Parameters<ReturnType<typeof index>['rank']>[0], opts = {}) {
  return index().rank(req, { now: NOW, ...opts }).matches.map((m) => m.id);
}

test('a French request finds an English profile (faecal sludge)', () => {
  const ids = topIds({ title: 'Vidange des latrines', description: 'Notre commune veut organiser la vidange des fosses et le traitement des boues de vidange.' });
  assert.equal(ids[0], 'gb-leeds');
});

test('an English request finds a French profile (floods)', () => {
  const ids = topIds({ title: 'Flood early warning', description: 'We need help with flood risk: retention basins and an early warning system for river floods.' });
  assert.equal(ids[0], 'fr-lyon');
});

test('a Portuguese request finds a Spanish profile, and a Spanish request a Portuguese one', () => {
  assert.equal(topIds({ title: 'Registo civil', description: 'Queremos melhorar o registo de nascimentos e digitalizar as certidões de nascimento.' })[0], 'es-bilbao');
  const es = topIds({ title: 'Reciclaje', description: 'Necesitamos organizar la separación en origen y el reciclaje con los recicladores informales.' });
  assert.ok(es.slice(0, 2).includes('pt-porto'), es.join(','));
});

test('an English request finds a Portuguese profile and a French request a Spanish one', () => {
  assert.equal(topIds({ title: 'Bus rapid transit', description: 'Our city wants to plan public transport with bus corridors.' })[0], 'br-curitiba');
  assert.equal(topIds({ title: 'État civil', description: 'Nous voulons améliorer l’enregistrement des naissances et les actes de naissance.' })[0], 'es-bilbao');
});

test('matches carry reasons a broker can check', () => {
  const r = index().rank({ title: 'Vidange', description: 'Traitement des boues de vidange et latrines', languages: ['en', 'fr'] }, { now: NOW });
  const top = r.matches[0];
  assert.equal(top.id, 'gb-leeds');
  const theme = top.reasons.find((x) => x.code === 'theme');
  assert.ok(theme && theme.code === 'theme' && theme.params.theme === 'sanitation' && theme.params.terms.length > 0, JSON.stringify(top.reasons));
  assert.ok(top.reasons.some((x) => x.code === 'language'));
  assert.ok(top.score > 0 && top.score <= 1);
});

test('the requester and its own people are never matched to itself', () => {
  const r = index().rank({ organisation: 'sn-dakar', title: 'Collecte des déchets', description: 'Précollecte des ordures ménagères et gestion des marchés.' }, { now: NOW, top: 50 });
  assert.ok(r.matches.length > 0);
  for (const m of r.matches) {
    assert.notEqual(m.id, 'sn-dakar');
    assert.notEqual(m.id, 'p-jean');
  }
});

test('the order is stable, and ties are broken by id', () => {
  const twins: MatchProfile[] = ['c', 'a', 'b'].map((s) => ({ type: 'organisation', id: `twin-${s}`, country: s.toUpperCase() + 'X', offers: 'Participatory budgeting with neighbourhood committees.' }));
  const { index: ix } = buildMatchIndex(twins);
  const req = { title: 'Participatory budgeting', description: 'We want to start participatory budgeting.' };
  const first = ix.rank(req, { now: NOW }).matches;
  assert.deepEqual(first.map((m) => m.id), ['twin-a', 'twin-b', 'twin-c']);
  assert.equal(new Set(first.map((m) => m.score)).size, 1);
  for (let i = 0; i < 3; i++) assert.deepEqual(ix.rank(req, { now: NOW }).matches, first);
  // the same profiles inserted in another order give the same ranking
  const { index: ix2 } = buildMatchIndex([...twins].reverse());
  assert.deepEqual(ix2.rank(req, { now: NOW }).matches, first);
});

test('an empty request gives a notice, not a crash', () => {
  for (const req of [{}, { title: '', description: '   ' }, { description: undefined }]) {
    const r = index().rank(req, { now: NOW });
    assert.deepEqual(r.matches, []);
    assert.match(r.notices.join(' '), /empty/);
  }
  // themes alone are enough to rank
  const byTheme = index().rank({ themes: ['human_resources'] }, { now: NOW });
  assert.equal(byTheme.matches[0]?.id, 'de-bonn');
});

test('a request over 20,000 characters is cut with a notice and still ranked', () => {
  const long = 'We need help with faecal sludge and pit emptying. '.repeat(Math.ceil((MAX_REQUEST_CHARS * 1.5) / 50));
  assert.ok(long.length > MAX_REQUEST_CHARS);
  const r = index().rank({ title: 'Sludge', description: long }, { now: NOW });
  assert.match(r.notices.join(' '), /20,000/);
  assert.equal(r.matches[0]?.id, 'gb-leeds');
});

test('a request in an unknown language gives a notice, not a crash', () => {
  const r = index().rank({ title: 'Abfallwirtschaft', description: 'Wir brauchen Unterstützung bei der Müllabfuhr und der Mülltrennung in unserer Gemeinde.' }, { now: NOW });
  assert.match(r.notices.join(' '), /not recognised/);
  assert.ok(Array.isArray(r.matches));
  const gibberish = index().rank({ description: 'zzkq xxvw qqpl' }, { now: NOW });
  assert.ok(Array.isArray(gibberish.matches));
});

test('a profile with no text gives a notice at upsert and can still be found by its themes', () => {
  const ix = createMatchIndex();
  const notices = ix.upsert({ type: 'organisation', id: 'blank', country: 'IT' });
  assert.match(notices.join(' '), /no text/);
  assert.deepEqual(ix.upsert({ type: 'organisation', id: 'themed', country: 'IT', themes: ['tourism'] }), []);
  const r = ix.rank({ title: 'Tourism strategy', description: 'We want a tourism strategy for our old town.' }, { now: NOW });
  assert.deepEqual(r.matches.map((m) => m.id), ['themed']);
  assert.throws(() => ix.upsert({ type: 'organisation', id: '' }), TypeError);
});

test('the working-language hard filter keeps only profiles sharing a language', () => {
  const req = { title: 'Déchets', description: 'Collecte des déchets ménagers, recyclage et compostage.', languages: ['fr'] };
  const loose = index().rank(req, { now: NOW, top: 20 }).matches;
  assert.ok(loose.some((m) => m.id === 'pt-porto'));
  const strict = index().rank(req, { now: NOW, top: 20, filters: { requireLanguage: true } }).matches;
  assert.ok(strict.length > 0);
  for (const m of strict) assert.ok(['sn-dakar', 'fr-lyon', 'p-jean'].includes(m.id), m.id);
  const explicit = index().rank(req, { now: NOW, top: 20, filters: { languages: ['pt'] } }).matches;
  assert.ok(explicit.every((m) => ['pt-porto', 'br-curitiba', 'p-ana'].includes(m.id)));
});

test('diversity: not five from one country unless asked', () => {
  const profiles: MatchProfile[] = [];
  for (let i = 0; i < 6; i++) profiles.push({ type: 'organisation', id: `nl-${i}`, country: 'NL', offers: 'Water squares, retention basins and stormwater drainage against urban flooding, a sponge city.' });
  for (const c of ['BE', 'DK', 'FR', 'DE']) profiles.push({ type: 'organisation', id: `${c.toLowerCase()}-x`, country: c, offers: 'Stormwater drainage and retention basins.' });
  const { index: ix } = buildMatchIndex(profiles);
  const req = { title: 'Urban flooding', description: 'We need water squares, retention basins and stormwater drainage: a sponge city.' };
  const diverse = ix.rank(req, { now: NOW, top: 5 }).matches;
  assert.ok(diverse.filter((m) => m.country === 'NL').length < 5, diverse.map((m) => m.id).join(','));
  assert.equal(diverse[0].country, 'NL');
  const plain = ix.rank(req, { now: NOW, top: 5, diversity: false }).matches;
  assert.equal(plain.filter((m) => m.country === 'NL').length, 5);
  const onlyNl = ix.rank(req, { now: NOW, top: 5, filters: { countries: ['NL'] } }).matches;
  assert.equal(onlyNl.length, 5);
});

test('profiles are upserted and removed one at a time, with no rebuild', () => {
  const ix = index();
  const req = { title: 'Ecotourism', description: 'Community-based ecotourism with hiking trails and birdwatching in our wetlands.' };
  assert.ok(!ix.rank(req, { now: NOW }).matches.some((m) => m.id === 'cr-monteverde'));
  ix.upsert({ type: 'organisation', id: 'cr-monteverde', country: 'CR', offers: 'Ecoturismo comunitario, senderos y observación de aves.' });
  assert.equal(ix.rank(req, { now: NOW }).matches[0]?.id, 'cr-monteverde');
  // a changed profile replaces the old one
  ix.upsert({ type: 'organisation', id: 'cr-monteverde', country: 'CR', offers: 'Catastro y registro de la propiedad.' });
  assert.ok(!ix.rank(req, { now: NOW }).matches.some((m) => m.id === 'cr-monteverde'));
  assert.equal(ix.rank({ description: 'land registry and cadastre' }, { now: NOW }).matches[0]?.id, 'cr-monteverde');
  const size = ix.size;
  assert.equal(ix.remove('cr-monteverde'), true);
  assert.equal(ix.size, size - 1);
  assert.equal(ix.remove('cr-monteverde'), false);
  assert.ok(!ix.rank({ description: 'land registry and cadastre' }, { now: NOW }).matches.some((m) => m.id === 'cr-monteverde'));
  assert.equal(ix.get('cr-monteverde'), undefined);
});

test('colleague to colleague: the same job function lifts a person', () => {
  const { index: ix } = buildMatchIndex([
    { type: 'person', id: 'p-a', country: 'BE', position: 'Policy adviser', expertise: 'Civil registration and birth certificates.' },
    { type: 'person', id: 'p-b', country: 'CH', position: 'Civil registrar', expertise: 'Civil registration and birth certificates.' },
  ]);
  const r = ix.rank({ description: 'Improve civil registration and birth certificates.', position: 'Officier d’état civil' }, { now: NOW });
  assert.equal(r.matches[0].id, 'p-b');
  assert.ok(r.matches[0].reasons.some((x) => x.code === 'job'));
});

test('after upserts and removals the ranking is that of a fresh build: tombstones count in no document frequency', async () => {
  const { evalProfiles } = await import('./eval/eval.profiles.ts');
  const { EVAL_REQUESTS } = await import('./eval/eval.requests.ts');
  const profiles = evalProfiles();
  const { index: live } = buildMatchIndex(profiles);
  // change every 7th profile twice and remove every 11th (by id)
  const changed = profiles.map((p, i) => (i % 7 === 0 ? { ...p, offers: p.offers ? `${p.offers} waste recycling` : p.offers, expertise: p.expertise ? `${p.expertise} composting` : p.expertise } : p));
  for (const [i, p] of changed.entries()) if (i % 7 === 0) {
    live.upsert({ ...p, offers: 'temporary text about tourism' });
    live.upsert(p);
  }
  const kept = changed.filter((_, i) => i % 11 !== 5);
  for (const [i, p] of changed.entries()) if (i % 11 === 5) live.remove(p.id, p.type);
  const { index: fresh } = buildMatchIndex(kept);
  assert.equal(live.size, fresh.size);
  const now = new Date('2026-11-23T09:00:00Z');
  for (const r of EVAL_REQUESTS.slice(0, 15)) {
    const a = live.rank(r, { top: 10, now });
    const b = fresh.rank(r, { top: 10, now });
    assert.deepEqual(a.matches.map((m) => [`${m.type}:${m.id}`, m.score.toFixed(6)]), b.matches.map((m) => [`${m.type}:${m.id}`, m.score.toFixed(6)]), r.id);
  }
});

test('keyNumber orders profiles as their keys do whenever two numbers differ', async () => {
  const fc = (await import('fast-check')).default;
  const { keyNumber } = await import('./matching.engine.ts');
  const id = fc.oneof(fc.string({ maxLength: 10 }), fc.string({ unit: 'binary', maxLength: 9 }), fc.stringMatching(/^[a-z0-9-]{0,12}$/));
  const type = fc.constantFrom('organisation' as const, 'person' as const);
  fc.assert(
    fc.property(type, id, type, id, (ta, ia, tb, ib) => {
      const x = keyNumber(ta, ia), y = keyNumber(tb, ib);
      const ka = `${ta}:${ia}`, kb = `${tb}:${ib}`;
      if (ka === kb) assert.equal(Object.is(x, y), true);
      if (Number.isNaN(x) || Number.isNaN(y) || x === y) return;
      assert.equal(x < y, ka < kb, `${ka} / ${kb}`);
    }),
    { numRuns: 5000 },
  );
  assert.ok(keyNumber('organisation', 'zzzzzzzz') < keyNumber('person', ''));
  assert.ok(Number.isNaN(keyNumber('person', 'réseau')));
});

test('when a tie crosses the shortlist, the profiles with the smallest keys enter it', () => {
  const ids = ['twin-long-id-c', 'twin-long-id-a', 'twïn-b', 'twin-long-id-b', 'twin-long', 'twin-long-id-aa', 'tw'];
  const twins: MatchProfile[] = ids.map((id, i) => ({ type: 'organisation', id, country: `C${i}`, offers: 'Participatory budgeting with neighbourhood committees.' }));
  const req = { title: 'Participatory budgeting', description: 'We want to start participatory budgeting.' };
  for (const candidates of [1, 2, 3, 5]) {
    const { index: ix } = buildMatchIndex(twins, { candidates });
    const got = ix.rank(req, { now: NOW, top: 10 }).matches.map((m) => m.id);
    assert.deepEqual(got, [...ids].sort().slice(0, candidates), `candidates ${candidates}`);
  }
});

test('with a small touch budget too, after upserts and removals the ranking is that of a fresh build', async () => {
  const { evalProfiles } = await import('./eval/eval.profiles.ts');
  const { EVAL_REQUESTS } = await import('./eval/eval.requests.ts');
  const profiles = evalProfiles();
  const options = { touchBudget: 15, candidates: 25 };
  const { index: live } = buildMatchIndex(profiles, options);
  for (const [i, p] of profiles.entries()) if (i % 5 === 0) live.upsert({ ...p, offers: 'temporary text about waste collection and composting' });
  for (const [i, p] of profiles.entries()) if (i % 5 === 0 && i % 3 === 0) live.upsert(p);
  const kept = profiles.filter((_, i) => !(i % 5 === 0 && i % 3 !== 0));
  for (const [i, p] of profiles.entries()) if (i % 5 === 0 && i % 3 !== 0) live.remove(p.id, p.type);
  const { index: fresh } = buildMatchIndex(kept, options);
  assert.equal(live.size, fresh.size);
  const now = new Date('2026-11-23T09:00:00Z');
  for (const r of EVAL_REQUESTS) {
    for (const filters of [undefined, { types: ['person' as const] }]) {
      const a = live.rank({ ...r, organisation: kept[3].type === 'organisation' ? kept[3].id : undefined }, { top: 10, now, filters });
      const b = fresh.rank({ ...r, organisation: kept[3].type === 'organisation' ? kept[3].id : undefined }, { top: 10, now, filters });
      assert.deepEqual(a.matches.map((m) => [`${m.type}:${m.id}`, m.score.toFixed(6)]), b.matches.map((m) => [`${m.type}:${m.id}`, m.score.toFixed(6)]), r.id);
    }
  }
});
