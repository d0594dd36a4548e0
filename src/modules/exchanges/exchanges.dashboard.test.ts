/**
 * Programme reporting: the dashboard's world map of partnerships (server-drawn SVG with the numbers
 * in tables beside it, within the 50 KB page budget with a realistic programme), the follow-up
 * outcomes, the CSV export (one row per exchange, formula cells defused) and who may see them.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.ts';
import { asRole, signedInClient } from '../../../test/support/users.ts';
import { confirmedMatch, type Matched } from '../../../test/exchanges/fixtures.ts';
import { makeOrganisation } from '../../../test/requests/fixtures.ts';
import { requests } from '../../db/schema/requests.ts';
import { expertiseCalls, offers, matches } from '../../db/schema/calls.ts';
import { exchanges, exchangeParticipants } from '../../db/schema/exchanges.ts';
import { questionnaires, questionnaireQuestions, evaluations, evaluationAnswers } from '../../db/schema/evaluations.ts';
import { CSS_GZ } from '../../platform/html/static.ts';
import { baseMap, countryOnMap, shadeOf, SHADES, LAND, LINK } from './exchanges.map.ts';
import { csvCell, outcomeSummary, countryFigures, partnershipCountryPairs } from './exchanges.reporting.service.ts';
import { partnerships, partnershipMembers } from '../../db/schema/partnerships.ts';

let t: TestApp;
let m: Matched;
let other: Matched;
const c = {} as Record<'broker' | 'admin' | 'member' | 'host' | 'otherHost' | 'visitor', TestClient>;
const ids: string[] = [];

const FORMATS = ['expert_assignment', 'study_visit', 'roundtable', 'virtual_exchange', 'work_placement'];
const STATES = ['planned', 'agreed', 'held', 'evaluated', 'closed'];
// Hosts in Africa, Asia and Latin America; peers mostly in Europe: 27 countries in all, the small ones (CV, SG) as dots.
const HOSTS: [string, string][] = [['BF', 'ssa'], ['BJ', 'ssa'], ['CM', 'ssa'], ['UG', 'ssa'], ['GM', 'ssa'], ['SN', 'ssa'], ['GH', 'ssa'], ['KE', 'ssa'], ['MZ', 'ssa'], ['CV', 'ssa'], ['MA', 'mena'], ['TN', 'mena'], ['LB', 'mena'], ['JO', 'mena'], ['ID', 'asia'], ['PH', 'asia'], ['SG', 'asia'], ['CO', 'lac'], ['PE', 'lac'], ['BO', 'lac']];
const PEERS: [string, string][] = [['NL', 'europe'], ['BE', 'europe'], ['FR', 'europe'], ['DE', 'europe'], ['ES', 'europe'], ['PT', 'europe'], ['BF', 'ssa'], ['BR', 'lac']];

/** An exchange stored as planning leaves it, between two organisations, with a request, call, offer and match behind it. */
async function addExchange(o: { hostOrg: string; peerOrg: string | null; title: string; i: number; place?: string }): Promise<string> {
  const now = t.clock.now();
  const requestId = randomUUID();
  await t.db.insert(requests).values({ id: requestId, programmeId: m.programmeId, roundId: m.roundId, organisationId: o.hostOrg, createdBy: m.requester.id, state: 'matched', title: o.title, challenge: 'c', context: 'c', tried: 't', results: 'r', themes: [['waste_management', 'sanitation', 'urban_planning'][o.i % 3]!], sdgs: [11, 6, 13].slice(0, 1 + (o.i % 3)), formats: ['expert_assignment'], periodStart: '2027-03-01', periodEnd: '2027-03-12', lastActionAt: now, createdAt: now, updatedAt: now });
  const callId = randomUUID();
  await t.db.insert(expertiseCalls).values({ id: callId, requestId, programmeId: m.programmeId, title: o.title, expertiseSought: 'x', formats: ['expert_assignment'], periodStart: '2027-03-01', periodEnd: '2027-03-12', deadline: now, state: 'matched', publishedBy: m.broker.id, publishedAt: now, updatedAt: now });
  const offerId = randomUUID();
  await t.db.insert(offers).values({ id: offerId, callId, offeredBy: m.peer.id, organisationId: o.peerOrg, state: 'matched', createdAt: now, updatedAt: now });
  const matchId = randomUUID();
  await t.db.insert(matches).values({ id: matchId, callId, offerId, state: 'confirmed', proposedBy: m.broker.id, proposedAt: now, updatedAt: now });
  const id = randomUUID();
  await t.db.insert(exchanges).values({ id, matchId, programmeId: m.programmeId, requestId, hostOrganisationId: o.hostOrg, peerOrganisationId: o.peerOrg, peerUserId: m.peer.id, title: o.title, format: FORMATS[o.i % 5]!, state: STATES[o.i % 5]!, startDate: '2027-03-01', endDate: '2027-03-12', place: o.place ?? '', checklist: { travel: true, visas: false, insurance: false, interpretation: false, accommodation: false }, createdBy: m.broker.id, createdAt: now, updatedAt: now });
  await t.db.insert(exchangeParticipants).values([
    { exchangeId: id, side: 'host', kind: 'official', women: 2, men: 1, otherGender: 0 },
    { exchangeId: id, side: 'peer', kind: 'expert', women: 1, men: 1, otherGender: 1 },
    { exchangeId: id, side: 'stakeholder', kind: 'civil_society', women: 3, men: 0, otherGender: 0 },
  ]);
  return id;
}

before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  m = await confirmedMatch(t);
  other = await confirmedMatch(t);
  const hostOrgs = await Promise.all(HOSTS.map(([country, region], i) => makeOrganisation(t, { name: `Commune ${i} de l'Est — Société`, country, region })));
  const peerOrgs = await Promise.all(PEERS.map(([country, region], i) => makeOrganisation(t, { name: `Gemeente ${i}`, country, region })));
  // A realistic programme: 80 exchanges over 27 countries (a few without a peer organisation).
  for (let i = 0; i < 80; i++)
    ids.push(await addExchange({ hostOrg: i === 0 ? m.orgId : hostOrgs[i % hostOrgs.length]!, peerOrg: i % 17 === 5 ? null : i === 0 ? m.providerOrgId : peerOrgs[(i * 7) % peerOrgs.length]!, title: `Exchange ${i}: solid waste, drainage and participatory budgeting`, i }));
  // Hostile cells for the CSV.
  ids.push(await addExchange({ hostOrg: hostOrgs[0]!, peerOrg: peerOrgs[0]!, title: '=HYPERLINK("http://evil.example","click")', i: 1, place: '@SUM(A1:A9)' }));
  ids.push(await addExchange({ hostOrg: hostOrgs[1]!, peerOrg: peerOrgs[1]!, title: '+1+2', i: 2, place: '\tTabbed' }));
  ids.push(await addExchange({ hostOrg: hostOrgs[2]!, peerOrg: peerOrgs[2]!, title: '-3-4', i: 3, place: '\rReturn' }));

  // Follow-up answers: the 3-month questionnaire (scale + choice + text) answered by both sides of the first 30 exchanges.
  const now = t.clock.now();
  const qid = randomUUID();
  await t.db.insert(questionnaires).values({ id: qid, programmeId: m.programmeId, stage: 'm3', title: 'Three months on', createdBy: m.broker.id, createdAt: now });
  const [scale, choice, text] = [randomUUID(), randomUUID(), randomUUID()];
  await t.db.insert(questionnaireQuestions).values([
    { id: scale, questionnaireId: qid, position: 0, kind: 'scale', label: 'How much of the plan is in use?', choices: [] },
    { id: choice, questionnaireId: qid, position: 1, kind: 'choice', label: 'Who carries it on?', choices: ['Council', 'Utility', 'Nobody yet'] },
    { id: text, questionnaireId: qid, position: 2, kind: 'text', label: 'What changed?', choices: [] },
  ]);
  for (let i = 0; i < 30; i++)
    for (const side of ['host', 'peer'] as const) {
      const ev = randomUUID();
      await t.db.insert(evaluations).values({ id: ev, exchangeId: ids[i]!, questionnaireId: qid, stage: 'm3', side, sentAt: now, lastRemindedAt: now });
      if (side === 'peer' && i >= 20) continue; // 10 peer evaluations not answered
      await t.db.insert(evaluationAnswers).values({ evaluationId: ev, answers: { [scale]: side === 'host' ? (i % 5) + 1 : 4, [choice]: ['Council', 'Utility', 'Nobody yet'][i % 3]!, [text]: 'A lot' }, answeredBy: m.requester.id, at: now });
    }

  c.broker = await signedInClient(t, { id: m.broker.id });
  c.admin = (await asRole(t, ['admin'])).client;
  c.member = (await asRole(t, [])).client;
  c.host = await signedInClient(t, { id: m.requester.id });
  c.otherHost = await signedInClient(t, { id: other.requester.id });
  c.visitor = t.client();
});
after(() => t.close());

test('the dashboard and its CSV: broker and admin 200; a member, a participant of the programme, a participant of another and a missing programme 404; a visitor is sent to sign in', async () => {
  for (const path of [`/en/exchanges/dashboard?programme=${m.programmeId}`, `/en/exchanges/dashboard.csv?programme=${m.programmeId}`]) {
    assert.equal((await c.broker.get(path)).status, 200, path);
    assert.equal((await c.admin.get(path)).status, 200, path);
    assert.equal((await c.member.get(path)).status, 404, path);
    assert.equal((await c.host.get(path)).status, 404, path);
    assert.equal((await c.otherHost.get(path)).status, 404, path);
    const v = await c.visitor.get(path);
    assert.equal(v.status, 303, path);
    assert.match(v.headers.get('location') ?? '', /\/sign-in\?next=/);
  }
  assert.equal((await c.broker.get(`/en/exchanges/dashboard.csv?programme=${randomUUID()}`)).status, 404);
  assert.equal((await c.broker.get(`/en/exchanges/dashboard.csv?programme=nope`)).status, 404);
});

test('world map: inline SVG with role img, title and description naming the countries and the busiest pair; shaded countries and curves; the numbers in tables beside; nothing from another host', async () => {
  const res = await c.broker.get(`/en/exchanges/dashboard?programme=${m.programmeId}`);
  const body = res.body_;
  const svg = /<svg class="world"[^>]*>[\s\S]*?<\/svg>/.exec(body)?.[0] ?? '';
  assert.ok(svg, 'the map is in the page');
  assert.match(svg, /^<svg class="world" viewBox="0 0 1000 \d+" role="img" aria-labelledby="map-title map-desc"/);
  assert.match(svg, /<title id="map-title">World map of the programme&#39;s partnerships<\/title>/);
  const desc = /<desc id="map-desc">([^<]+)<\/desc>/.exec(svg)?.[1] ?? '';
  assert.match(desc, /^27 countries take part; \d+ host–peer country pairs, drawn as curves\./);
  assert.match(desc, /Most exchanges: [^<]+ hosting peers from [^<]+ \(\d+\)\./);
  // 25 countries drawn as shapes (CV and SG are too small for the 1:110m atlas: dots), one curve per pair.
  const shaded = (svg.match(/<path fill="#(?!e4e4e4)[0-9a-f]{6}" d=/g) ?? []).length;
  assert.equal(shaded, 25);
  assert.equal((svg.match(/<circle /g) ?? []).length, 2);
  const pairs = /<table><caption>Country pairs<\/caption>[\s\S]*?<\/table>/.exec(body)?.[0] ?? '';
  const pairRows = (pairs.match(/<tr><th scope="row">/g) ?? []).length;
  assert.equal((svg.match(/<path stroke-width=/g) ?? []).length, 2 * pairRows, 'a curve (over its halo) per country pair');
  assert.match(body, /<tr><th scope="row">Burkina Faso<\/th><td>Netherlands<\/td><td>3<\/td><\/tr>/);
  assert.match(body, /<caption>Countries taking part<\/caption>/);
  assert.doesNotMatch(svg, /https?:|xlink:href|<image|style=/, 'no request elsewhere, no inline style (CSP)');
  assert.equal((body.match(/<h1>/g) ?? []).length, 1);
  assert.match(body, new RegExp(`href="/en/exchanges/dashboard\\.csv\\?programme=${m.programmeId}"`));
});

test('the base map is projected once per process, in integers; small countries fall back to a dot', () => {
  const a = baseMap();
  assert.equal(baseMap(), a, 'cached');
  assert.equal(a.width, 1000);
  assert.doesNotMatch(a.land, /\.\d/, 'integer coordinates');
  assert.ok(a.countries.get('528')!.d.length > 0, 'the Netherlands drawn');
  assert.equal(countryOnMap('CV')!.d, '');
  assert.equal(countryOnMap('ZZ'), null);
  const nl = countryOnMap('NL')!;
  const bf = countryOnMap('BF')!;
  assert.ok(nl.y < bf.y && nl.x < bf.x + 40, 'north is up');
});

test('page budget: the dashboard of an 83-exchange programme stays within 50 KB gzip (with its CSS) in all five languages; Arabic is right-to-left with the map text in Arabic', async () => {
  for (const l of ['en', 'fr', 'es', 'pt', 'ar']) {
    const res = await c.broker.get(`/${l}/exchanges/dashboard?programme=${m.programmeId}`);
    assert.equal(res.status, 200);
    const size = gzipSync(res.body_).length + CSS_GZ.length;
    console.log(`dashboard ${l}: ${gzipSync(res.body_).length} B gzip (+ ${CSS_GZ.length} B CSS), ${res.body_.length} B raw`);
    assert.ok(size <= 50 * 1024, `${l}: ${size} bytes`);
    assert.match(res.body_, new RegExp(`<html lang="${l}" dir="${l === 'ar' ? 'rtl' : 'ltr'}"`));
  }
  const ar = await c.broker.get(`/ar/exchanges/dashboard?programme=${m.programmeId}`);
  assert.match(ar.body_, /<title id="map-title">خريطة العالم لشراكات البرنامج<\/title>/);
  assert.match(ar.body_, /<th scope="row">بوركينا فاسو<\/th>/);
});

test('follow-up outcomes: per stage and question, the answers per side with the mean of a scale and the distribution; text questions left out', async () => {
  const body = (await c.broker.get(`/en/exchanges/dashboard?programme=${m.programmeId}`)).body_;
  const section = /<section aria-labelledby="d-outcomes">[\s\S]*?<\/section>/.exec(body)?.[0] ?? '';
  assert.match(section, /<caption>After 3 months<\/caption>/);
  // Host: 30 answers 1..5 six times each → mean 3; peer: 20 answers of 4.
  assert.match(section, /<th scope="row" dir="auto">How much of the plan is in use\?<\/th><td>30 answers, mean 3<br><span class="meta">1: 6 · 2: 6 · 3: 6 · 4: 6 · 5: 6<\/span><\/td><td>20 answers, mean 4<br><span class="meta">4: 20<\/span><\/td>/);
  assert.match(section, /<th scope="row" dir="auto">Who carries it on\?<\/th><td>30 answers<br><span class="meta">Council: 10 · Nobody yet: 10 · Utility: 10<\/span><\/td><td>20 answers<br><span class="meta">[^<]+<\/span><\/td>/);
  assert.doesNotMatch(section, /What changed\?/);
  // Two versions of a questionnaire asking the same question add up.
  const merged = outcomeSummary([
    { stage: 'm6', side: 'host', kind: 'scale', label: 'Q', position: 0, value: '2', n: 1 },
    { stage: 'm6', side: 'host', kind: 'scale', label: 'Q', position: 1, value: '4', n: 3 },
    { stage: 'm3', side: 'peer', kind: 'choice', label: 'C', position: 0, value: 'b', n: 1 },
  ]);
  assert.deepEqual(merged.map((q) => q.stage), ['m3', 'm6'], 'stages in order');
  assert.deepEqual(merged[1]!.host, { n: 4, mean: 3.5, distribution: [{ value: '2', n: 1 }, { value: '4', n: 3 }] });
  assert.equal(merged[1]!.peer, null);
});

test('country figures: how often a country hosted and sent peers, pairs summed, exchanges without a peer organisation count for the host only', () => {
  const f = countryFigures([
    { host: 'BF', peer: 'NL', n: 2 },
    { host: 'BF', peer: null, n: 1 },
    { host: 'BJ', peer: 'BF', n: 1 },
  ]);
  assert.deepEqual(f.countries, [
    { code: 'BF', asHost: 3, asPeer: 1 },
    { code: 'NL', asHost: 0, asPeer: 2 },
    { code: 'BJ', asHost: 1, asPeer: 0 },
  ]);
  assert.deepEqual(f.pairs, [
    { host: 'BF', peer: 'NL', n: 2 },
    { host: 'BJ', peer: 'BF', n: 1 },
  ]);
});

test('CSV export: one row per exchange with parties, themes, SDGs, dates, participants by type and gender and satisfaction; formula cells get an apostrophe', async () => {
  const res = await c.broker.get(`/en/exchanges/dashboard.csv?programme=${m.programmeId}`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
  assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="exchanges-CONNECT [^"]+\.csv"/);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  const records = parse(res.body_, { columns: true, bom: true }) as Record<string, string>[];
  assert.equal(records.length, 83);
  const first = records.find((r) => r.exchange_id === ids[0])!;
  assert.match(first.programme!, /^CONNECT /);
  assert.equal(first.host_country, 'BF');
  assert.equal(first.peer_country, 'NL');
  assert.equal(first.host_region, 'ssa');
  assert.equal(first.format, 'expert_assignment');
  assert.equal(first.start_date, '2027-03-01');
  assert.equal(first.themes, 'waste_management');
  assert.equal(first.sdgs, '11');
  assert.equal(first.participants, '9');
  assert.equal(first.women, '6');
  assert.equal(first.official_women, '2');
  assert.equal(first.expert_other, '1');
  assert.equal(first.civil_society_women, '3');
  assert.equal(first.satisfaction_mean, '2.5', '(1 + 4) / 2 on the scale questions');
  assert.equal(first.satisfaction_answers, '2');
  const noPeer = records.find((r) => r.exchange_id === ids[5])!;
  assert.equal(noPeer.peer_country, '');
  assert.equal(noPeer.peer_organisation, m.peer.name, 'the person when there is no organisation');
  const evil = records.find((r) => r.exchange_id === ids[80])!;
  assert.equal(evil.title, `'=HYPERLINK("http://evil.example","click")`);
  assert.equal(evil.place, `'@SUM(A1:A9)`);
  const r81 = records.find((r) => r.exchange_id === ids[81])!;
  assert.equal(r81.title, `'+1+2`);
  assert.equal(r81.place, `'\tTabbed`);
  const r82 = records.find((r) => r.exchange_id === ids[82])!;
  assert.equal(r82.title, `'-3-4`);
  assert.equal(r82.place, `'\rReturn`);
  assert.equal(csvCell(-3), -3, 'numbers stay numbers');
  assert.equal(csvCell('Plain = fine'), 'Plain = fine');
});

test('the secretariat finds the dashboards from the list of exchanges; participants do not', async () => {
  const list = await c.broker.get('/fr/exchanges');
  assert.match(list.body_, new RegExp(`<a href="/fr/exchanges/dashboard\\?programme=${m.programmeId}">CONNECT [^<]+ \\(83 échanges\\)</a>`));
  assert.doesNotMatch((await c.host.get('/fr/exchanges')).body_, /exchanges\/dashboard/);
});

test('map colours: every shade at least 3:1 against the land and darker than the one before; curves 3:1 against the land and their white halo', () => {
  const lum = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const ratio = (a: string, b: string) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
  for (const s of SHADES) assert.ok(ratio(s, LAND) >= 3, s);
  for (let i = 1; i < SHADES.length; i++) assert.ok(lum(SHADES[i]!) < lum(SHADES[i - 1]!));
  assert.ok(ratio(LINK, LAND) >= 3 && ratio(LINK, '#ffffff') >= 3);
  assert.deepEqual([1, 2, 3, 4, 9, 10, 40].map(shadeOf), [SHADES[0], SHADES[1], SHADES[1], SHADES[2], SHADES[2], SHADES[3], SHADES[3]]);
});

test('partnerships (every origin, not the programme’s) are drawn apart: dashed, in their own table; they add nothing to the exchanges’ countries and pairs', async () => {
  const page = async () => (await c.broker.get(`/en/exchanges/dashboard?programme=${m.programmeId}`)).body_;
  const countries = (b: string) => /<table><caption>Countries taking part<\/caption>[\s\S]*?<\/table>/.exec(b)?.[0] ?? '';
  const before = await page();
  assert.doesNotMatch(before, /stroke-dasharray="6 4"/, 'no partnership yet: no dashed curve');
  const [be, bj] = await Promise.all([makeOrganisation(t, { name: 'Kommune Bergen', country: 'NO' }), makeOrganisation(t, { name: 'Municipalidad de Valparaíso', country: 'CL' })]);
  const now = t.clock.now();
  const id = randomUUID();
  await t.db.insert(partnerships).values({ id, title: 'Bergen–Valparaíso', approaches: ['twinning'], origin: 'recorded', state: 'active', createdAt: now, updatedAt: now });
  await t.db.insert(partnershipMembers).values([be, bj].map((organisationId) => ({ partnershipId: id, organisationId, invitedAt: now, confirmedAt: now })));
  const after = await page();
  assert.equal(countries(after), countries(before), 'the countries of the exchanges are unchanged');
  assert.doesNotMatch(countries(after), /Norway|Chile/);
  assert.match(after, /<caption>Partnerships between countries \(every origin\)<\/caption>[\s\S]*?<tr><th scope="row">Chile<\/th><td>Norway<\/td><td>1<\/td><\/tr>/);
  assert.equal((after.match(/<g fill="none" stroke="#5b3a8c" stroke-width="2" stroke-dasharray="6 4"><path d="M/g) ?? []).length, 1, 'the partnership as a dashed curve');
  assert.match(after, /Dashed line: a partnership between organisations of two countries/);
});

test('partnership country pairs: each pair once whatever the order, approaches summed, most first', () => {
  assert.deepEqual(
    partnershipCountryPairs([
      { host: 'BJ', peer: 'BE', n: 1 },
      { host: 'BE', peer: 'BJ', n: 2 },
      { host: 'GM', peer: 'BE', n: 1 },
    ]),
    [
      { a: 'BE', b: 'BJ', n: 3 },
      { a: 'BE', b: 'GM', n: 1 },
    ],
  );
});
