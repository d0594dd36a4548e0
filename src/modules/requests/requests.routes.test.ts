/**
 * The whole cycle through the pages, in English and French, from an empty programme to a
 * confirmed match; every role sees only what it may. In-process requests with cookie sessions.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.ts';
import { createUser, signedInClient } from '../../../test/support/users.ts';
import { makeOrganisation, addMember, makePerson, STEP_DATA } from '../../../test/requests/fixtures.ts';
import { requests as requestsTable, decisions } from '../../db/schema/index.ts';
import { rows } from '../../platform/db.ts';

let t: TestApp;
const c = {} as Record<'visitor' | 'member' | 'broker' | 'committee' | 'requester' | 'approver' | 'provider', TestClient>;
const emails = {} as Record<string, string>;
const ids = {} as Record<string, string>;

/** Moves the clock; sessions expire after 30 idle minutes, so everyone signs in again. */
async function setClock(iso: string): Promise<void> {
  t.clock.set(iso);
  for (const [name, id] of Object.entries(ids)) {
    const fresh = await signedInClient(t, { id });
    c[name as keyof typeof c].cookies = fresh.cookies;
  }
}
let orgId = '';
let providerOrgId = '';
let expertIds: string[] = [];

before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  const mk = async (name: keyof typeof c, roles: ('broker' | 'committee')[] = [], locale = 'en') => {
    const u = await createUser(t, { roles, locale, name: `${name} person` });
    emails[name] = u.email;
    ids[name] = u.id;
    c[name] = await signedInClient(t, u);
    return u;
  };
  c.visitor = t.client();
  await mk('member');
  await mk('broker', ['broker']);
  await mk('committee', ['committee']);
  const requester = await mk('requester', [], 'fr');
  const approver = await mk('approver');
  const provider = await mk('provider');
  orgId = await makeOrganisation(t, { name: 'Commune de Ziniaré' });
  await addMember(t, orgId, requester.id, 'requester');
  await addMember(t, orgId, approver.id, 'approver');
  providerOrgId = await makeOrganisation(t, { name: 'Gemeente Almere', country: 'NL', region: 'europe' });
  await addMember(t, providerOrgId, provider.id, 'org_admin');
  expertIds = [await makePerson(t, { organisationId: providerOrgId, name: 'Anke de Vries', themes: ['waste_management'] })];
});
after(() => t.close());

const loc = (res: Response) => res.headers.get('location') ?? '';
const idIn = (path: string, re: RegExp) => re.exec(path)?.[1] ?? '';

test('the whole cycle in the browser-like client, from an empty programme to a confirmed match', async () => {
  // --- the broker sets up the programme
  assert.equal((await c.broker.get('/en/admin/programmes')).status, 200);
  assert.equal((await c.member.get('/en/admin/programmes')).status, 404);
  assert.equal((await c.visitor.get('/en/admin/programmes')).status, 303);
  const bad = await c.broker.post('/en/admin/programmes', { name: '', slug: 'Not A Slug', formats: ['study_visit'] });
  assert.equal(bad.status, 400);
  assert.match(bad.body_, /error-summary/);
  assert.match(bad.body_, /lowercase letters, digits and single hyphens/);
  assert.match(bad.body_, /value="Not A Slug"/, 'what was typed is kept');
  const created = await c.broker.post('/en/admin/programmes', {
    name: 'CONNECT',
    slug: 'connect',
    description: 'Colleague-to-colleague expertise exchange',
    eligibleRegions: ['ssa', 'asia'],
    eligibleCountries: 'BF UG',
    formats: ['expert_assignment', 'study_visit'],
    languages: 'en fr',
    themes: ['waste_management'],
  });
  assert.equal(created.status, 303);
  const pid = idIn(loc(created), /\/admin\/programmes\/([0-9a-f-]{36})/);
  assert.ok(pid);
  const badRound = await c.broker.post(`/en/admin/programmes/${pid}/rounds`, { name: 'R1', opensAt: '2026-11-01T00:00', closesAt: '2026-10-01T00:00', reviewOpensAt: '2026-12-16T00:00', reviewClosesAt: '2027-01-31T00:00' });
  assert.equal(badRound.status, 400);
  assert.equal((await c.broker.post(`/en/admin/programmes/${pid}/rounds`, { name: 'Round 2026', opensAt: '2026-11-01T00:00', closesAt: '2026-12-15T17:00', reviewOpensAt: '2026-12-16T00:00', reviewClosesAt: '2027-01-31T00:00' })).status, 303);
  assert.equal((await c.broker.post(`/en/admin/programmes/${pid}/criteria`, { label: 'Relevance', weight: '2' })).status, 303);
  assert.equal((await c.broker.post(`/en/admin/programmes/${pid}/criteria`, { label: 'Feasibility', weight: '1' })).status, 303);
  assert.equal((await c.broker.post(`/en/admin/programmes/${pid}/committee`, { email: emails.member! })).status, 400, 'only accounts with the committee role');
  assert.equal((await c.broker.post(`/en/admin/programmes/${pid}/committee`, { email: emails.committee! })).status, 303);
  assert.equal((await c.member.post(`/en/admin/programmes/${pid}/criteria`, { label: 'Sneaky', weight: '1' })).status, 404);
  const admin = await c.broker.get(`/en/admin/programmes/${pid}`);
  assert.match(admin.body_, /Relevance/);
  assert.doesNotMatch(admin.body_, /Sneaky/);

  // --- public calls for requests, in French, with feed and calendar
  const open = await c.visitor.get('/fr/calls-for-requests?region=ssa');
  assert.equal(open.status, 200);
  assert.match(open.body_, /Appels à candidatures ouverts/);
  assert.match(open.body_, /CONNECT(<\/bdi>)?: (<bdi>)?Round 2026/);
  assert.doesNotMatch((await c.visitor.get('/fr/calls-for-requests?region=europe')).body_, /CONNECT: Round 2026/);
  assert.equal((await c.visitor.get('/fr/calls-for-requests?sort=name')).status, 400);
  const feed = await c.visitor.get('/en/calls-for-requests/feed.atom');
  assert.match(feed.headers.get('content-type') ?? '', /atom\+xml/);
  assert.match(feed.body_, /<entry>[\s\S]*CONNECT: Round 2026/);
  const ics = await c.visitor.get('/en/calls-for-requests/deadlines.ics');
  assert.match(ics.body_, /BEGIN:VEVENT[\s\S]*DTSTART:20261215T170000Z/);
  const progPage = await c.visitor.get('/fr/programmes/connect');
  assert.match(progPage.body_, /Date limite/);
  assert.match(progPage.body_, /Burkina Faso/);
  const roundId = idIn(progPage.body_, /round(?:=|%3D)([0-9a-f-]{36})/);
  assert.ok(roundId);

  // --- the requester writes the request in French, step by step
  const newPage = await c.requester.get(`/fr/requests/new?round=${roundId}`);
  assert.match(newPage.body_, /Commune de Ziniaré/);
  assert.equal((await c.member.post('/fr/requests', { organisationId: orgId, roundId })).status, 404, 'not a requester of this organisation');
  const started = await c.requester.post('/fr/requests', { organisationId: orgId, roundId });
  assert.equal(started.status, 303);
  const rid = idIn(loc(started), /\/requests\/([0-9a-f-]{36})\/steps\/challenge/);
  assert.ok(rid);
  const invalid = await c.requester.post(`/fr/requests/${rid}/steps/challenge`, { title: 'Déchets', challenge: 'court', context: '' });
  assert.equal(invalid.status, 400);
  assert.match(invalid.body_, /<html lang="fr"/);
  assert.match(invalid.body_, /error-summary/);
  assert.match(invalid.body_, /value="Déchets"/);
  for (const step of ['challenge', 'objectives', 'scope', 'participants', 'cofunding'] as const) {
    const res = await c.requester.post(`/fr/requests/${rid}/steps/${step}`, STEP_DATA[step] as Record<string, string | string[]>);
    assert.equal(res.status, 303, step);
  }
  // Languages are chosen, not typed (issue 14.7): checkboxes named in the reader's language, the saved ones ticked.
  const scope = await c.requester.get(`/fr/requests/${rid}/steps/scope`);
  assert.doesNotMatch(scope.body_, /<input[^>]*name="languages"[^>]*type="text"|<input[^>]*type="text"[^>]*name="languages"/);
  const box = (code: string) => new RegExp(`<input type="checkbox" name="languages" value="${code}" id="f-languages-${code}"( checked)?> <span>([^<]+)</span>`).exec(scope.body_);
  assert.equal(box('fr')?.[2], 'Français');
  assert.equal(box('ar')?.[2], 'Arabe');
  for (const code of STEP_DATA.scope.languages) assert.equal(box(code)?.[1], ' checked', `${code} ticked`);
  // Someone outside the organisation gets 404, the same page as a missing request.
  const outsider = await c.member.get(`/en/requests/${rid}`);
  const other = randomUUID();
  const missing = await c.member.get(`/en/requests/${other}`);
  assert.equal(outsider.status, 404);
  assert.equal(outsider.body_.split(rid).join('ID'), missing.body_.split(other).join('ID'), 'the same body as a missing id');
  assert.equal((await c.visitor.get(`/en/requests/${rid}`)).status, 404);

  // --- the approver endorses, the requester submits; the request is then read-only
  const toEndorse = await c.approver.get(`/en/requests/${rid}`);
  assert.match(toEndorse.body_, /Endorse this request/);
  assert.equal((await c.requester.post(`/fr/requests/${rid}/endorse`, {})).status, 403);
  assert.equal((await c.approver.post(`/en/requests/${rid}/endorse`, { note: 'Approved by the mayor' })).status, 303);
  assert.equal((await c.requester.post(`/fr/requests/${rid}/submit`)).status, 303);
  const submitted = await c.requester.get(`/fr/requests/${rid}`);
  assert.match(submitted.body_, /Soumise/);
  assert.doesNotMatch(submitted.body_, /\/steps\/challenge/);
  assert.equal((await c.requester.post(`/fr/requests/${rid}/steps/cofunding`, { cofunding: 'changed' })).status, 403);
  assert.equal((await c.requester.get(`/fr/requests/${rid}/steps/cofunding`)).status, 303);
  await t.smtp.waitFor((m) => m.to.includes(emails.requester!) && /Demande soumise/.test(m.subject));

  // --- eligibility and review
  const brokerView = await c.broker.get(`/en/requests/${rid}`);
  assert.match(brokerView.body_, /The region is eligible/);
  assert.equal((await c.broker.post(`/en/requests/${rid}/eligibility`, { verdict: 'ineligible' })).status, 400, 'ineligible needs a reason');
  assert.equal((await c.broker.post(`/en/requests/${rid}/eligibility`, { verdict: 'eligible' })).status, 303);
  assert.equal((await c.committee.get(`/en/requests/${rid}`)).status, 404, 'the committee sees requests from the review on');
  assert.equal((await c.broker.post(`/en/requests/${rid}/open-review`)).status, 303);
  assert.equal((await c.committee.get(`/en/requests/${rid}`)).status, 200);
  assert.equal((await c.committee.get(`/en/requests/${rid}/review`)).status, 403, 'declare conflicts first');
  assert.equal((await c.committee.post(`/en/requests/${rid}/conflict`, { hasConflict: 'no' })).status, 303);
  await setClock('2026-12-20T09:00:00Z');
  const form = await c.committee.get(`/en/requests/${rid}/review`);
  const criteria = [...form.body_.matchAll(/name="score_([0-9a-f-]{36})"/g)].map((m) => m[1]!);
  assert.equal(criteria.length, 2);
  const badScore = await c.committee.post(`/en/requests/${rid}/review`, { [`score_${criteria[0]}`]: '9' });
  assert.equal(badScore.status, 400);
  assert.match(badScore.body_, /whole number from 0 to 5/);
  assert.equal((await c.committee.post(`/en/requests/${rid}/review`, { [`score_${criteria[0]}`]: '4', [`comment_${criteria[0]}`]: 'Clear local need', [`score_${criteria[1]}`]: '5' })).status, 303);
  const board = await c.broker.get(`/en/requests/${rid}`);
  assert.match(board.body_, /Committee scores/);
  assert.match(board.body_, /Clear local need/);
  assert.doesNotMatch((await c.committee.get(`/en/requests/${rid}`)).body_, /Clear local need/, 'reviews stay private until the decision');
  assert.doesNotMatch((await c.requester.get(`/fr/requests/${rid}`)).body_, /Clear local need/);

  // A member posting a committee decision changes nothing (SECURITY 14).
  assert.equal((await c.member.post(`/en/requests/${rid}/decision`, { outcome: 'selected', reasons: 'me' })).status, 404);
  assert.equal((await c.requester.post(`/fr/requests/${rid}/decision`, { outcome: 'selected', reasons: 'moi' })).status, 403);
  assert.equal((await t.db.select().from(decisions).where(eq(decisions.requestId, rid))).length, 0);
  assert.equal((await c.committee.post(`/en/requests/${rid}/decision`, { outcome: 'selected', reasons: 'Strong local ownership', status: 'rejected' })).status, 303);
  const [row] = await t.db.select().from(requestsTable).where(eq(requestsTable.id, rid));
  assert.equal(row!.state, 'selected');
  const mail = await t.smtp.waitFor((m) => m.to.includes(emails.requester!) && /Décision sur votre demande/.test(m.subject));
  assert.match(mail.text, /retenue/);
  assert.match(mail.text, /Strong local ownership/);
  const audited = await rows<{ outcome: string; n: number }>(t.db, sql`select outcome, count(*)::int as n from audit_log where action = 'request.decide' and object_id = ${rid} group by outcome order by outcome`);
  assert.deepEqual(audited.map((a) => [a.outcome, a.n]), [['denied', 1], ['ok', 1]], 'the decision and the refused attempt are both in the audit log');

  // --- the broker publishes the call for expertise
  await setClock('2026-12-21T09:00:00Z');
  assert.equal((await c.requester.get(`/fr/requests/${rid}/call/new`)).status, 403);
  const callForm = await c.broker.get(`/en/requests/${rid}/call/new`);
  assert.match(callForm.body_, /value="Waste collection in Ziniaré"/);
  const published = await c.broker.post(`/en/requests/${rid}/call`, {
    title: 'Waste collection planning for Ziniaré',
    expertiseSought: 'A municipal waste manager who reorganised collection rounds',
    themes: ['waste_management'],
    formats: ['expert_assignment'],
    languages: 'fr',
    deadline: '2027-02-15T17:00',
  });
  assert.equal(published.status, 303);
  const cid = idIn(loc(published), /\/calls\/([0-9a-f-]{36})/);
  const pub = await c.visitor.get(`/fr/calls/${cid}`);
  assert.equal(pub.status, 200);
  assert.match(pub.body_, /Waste collection planning for Ziniaré/);
  assert.doesNotMatch(pub.body_, /Local travel and venue/, 'no confidential detail of the request');
  assert.doesNotMatch(pub.body_, new RegExp(rid));
  assert.match((await c.visitor.get('/en/calls?theme=waste_management')).body_, /Waste collection planning/);
  assert.match((await c.visitor.get(`/en/programmes/connect/timeline`)).body_, /Call for expertise launched/);

  // --- a peer organisation offers its expert
  const offerForm = await c.provider.get(`/en/calls/${cid}/offer`);
  assert.match(offerForm.body_, /Anke de Vries/);
  const noExpert = await c.provider.post(`/en/calls/${cid}/offers`, { organisationId: providerOrgId });
  assert.equal(noExpert.status, 400);
  const offered = await c.provider.post(`/en/calls/${cid}/offers`, { organisationId: providerOrgId, experts: [expertIds[0]!], [`motivation_${expertIds[0]}`]: 'Led the Almere collection reform', [`languages_${expertIds[0]}`]: 'fr en', [`availability_${expertIds[0]}`]: 'March' });
  assert.equal(offered.status, 303);
  const oid = idIn(loc(offered), /\/offers\/([0-9a-f-]{36})/);
  assert.ok(oid);
  assert.equal((await c.requester.get(`/fr/offers/${oid}`)).status, 404, 'the requester sees an offer once it is proposed');
  assert.equal((await c.provider.get(`/en/calls/${cid}/offers`)).status, 404);
  const offersList = await c.broker.get(`/en/calls/${cid}/offers`);
  assert.match(offersList.body_, /Gemeente Almere/);
  assert.match(offersList.body_, /Ranked candidates/);

  // --- thread, shortlist, proposal, double opt-in
  assert.equal((await c.broker.post(`/en/offers/${oid}/messages`, { body: 'Is Anke free in March?' })).status, 303);
  assert.equal((await c.provider.post(`/en/offers/${oid}/messages`, { body: 'Yes, the whole month.' })).status, 303);
  assert.equal((await c.provider.post(`/en/offers/${oid}/messages`, { body: '' })).status, 400);
  assert.match((await c.provider.get(`/en/offers/${oid}`)).body_, /Is Anke free in March\?[\s\S]*Yes, the whole month\./);
  assert.equal((await c.broker.post(`/en/offers/${oid}/shortlist`)).status, 303);
  assert.equal((await c.provider.post(`/en/offers/${oid}/propose`)).status, 403);
  assert.equal((await c.broker.post(`/en/offers/${oid}/propose`)).status, 303);
  const seen = await c.requester.get(`/fr/offers/${oid}`);
  assert.equal(seen.status, 200);
  assert.match(seen.body_, /Confirmer la mise en relation/);
  assert.doesNotMatch(seen.body_, /Is Anke free/, 'the thread is between the broker and the provider');
  const mid = idIn(seen.body_, /\/matches\/([0-9a-f-]{36})\/confirm/);
  assert.equal((await c.member.post(`/en/matches/${mid}/confirm`)).status, 404);
  assert.equal((await c.requester.post(`/fr/matches/${mid}/confirm`)).status, 303);
  assert.equal((await t.db.select().from(requestsTable).where(eq(requestsTable.id, rid)))[0]!.state, 'selected');
  assert.equal((await c.provider.post(`/en/matches/${mid}/confirm`)).status, 303);
  assert.equal((await t.db.select().from(requestsTable).where(eq(requestsTable.id, rid)))[0]!.state, 'matched');
  const finalPage = (await c.requester.get(`/fr/requests/${rid}`)).body_;
  assert.match(finalPage, /Mise en relation faite/);
  assert.match(finalPage, /Historique[\s\S]*Soumise \(requester person\)[\s\S]*Éligible \(broker person\)[\s\S]*Retenue \(committee person\)[\s\S]*Mise en relation faite \(provider person\)/);
  await t.smtp.waitFor((m) => m.to.includes(emails.provider!) && /Match confirmed/.test(m.subject));
  assert.match((await c.visitor.get('/en/programmes/connect/timeline')).body_, /Match confirmed/);

  // --- the broker's dashboard
  assert.equal((await c.member.get('/en/broker')).status, 404);
  const dash = await c.broker.get('/en/broker');
  assert.equal(dash.status, 200);
  assert.match(dash.body_, /Waste collection in Ziniaré/);
  assert.match(dash.body_, /Waste collection planning for Ziniaré[\s\S]*?Matched[\s\S]*?nobody/);
});

test('the dashboard flags a request that waited 10 working days for the secretariat', async () => {
  const [r] = await rows<{ id: string }>(t.db, sql`select id from requests limit 1`);
  const id = randomUUID();
  const now = t.clock.now();
  const [src] = await t.db.select().from(requestsTable).where(eq(requestsTable.id, r!.id));
  await t.db.insert(requestsTable).values({ ...src!, id, title: 'Idle request', state: 'submitted', lastActionAt: new Date(now.getTime() - 15 * 86400_000), createdAt: now, updatedAt: now });
  const dash = await c.broker.get('/en/broker');
  assert.match(dash.body_, /Idle request[\s\S]*?No action for \d+ working days/);
  const only = await c.broker.get('/en/broker?state=matched');
  assert.match(only.body_, /Waste collection in Ziniaré/);
  assert.doesNotMatch(only.body_, /Idle request/);
  assert.equal((await c.broker.get('/en/broker?state=nope')).status, 400);
  const list = await c.visitor.get('/fr/programmes');
  assert.match(list.body_, /CONNECT/);
});

test('a person chooses how to be told: immediately, daily or never', async () => {
  assert.equal((await c.visitor.get('/en/notifications/settings')).status, 303);
  assert.match((await c.member.get('/en/notifications/settings')).body_, /value="immediate" checked/);
  assert.equal((await c.member.post('/en/notifications/settings', { mode: 'weekly' })).status, 400);
  const every = (m: string) => ({ requests: m, exchanges: m, networks: m, events: m, news: m });
  assert.equal((await c.member.post('/en/notifications/settings', every('daily'))).status, 303);
  assert.match((await c.member.get('/en/notifications/settings')).body_, /name="requests" value="daily" checked/);
});

test('the broker edits a round and a criterion; the round\'s phase and timeline follow', async () => {
  const { programmes: table, programmeRounds, programmeCriteria } = await import('../../db/schema/index.ts');
  const [p] = await t.db.select().from(table).where(eq(table.slug, 'connect'));
  const [r] = await t.db.select().from(programmeRounds).where(eq(programmeRounds.programmeId, p!.id));
  const [cr] = await t.db.select().from(programmeCriteria).where(eq(programmeCriteria.programmeId, p!.id));
  const base = `/en/admin/programmes/${p!.id}`;
  assert.equal((await c.member.get(`${base}/rounds/${r!.id}`)).status, 404);
  const form = await c.broker.get(`${base}/rounds/${r!.id}`);
  assert.match(form.body_, /value="2026-12-15T17:00"/);
  const bad = await c.broker.post(`${base}/rounds/${r!.id}`, { name: 'Round 2026', opensAt: '2026-11-01T00:00', closesAt: '2026-10-01T00:00', reviewOpensAt: '2026-12-16T00:00', reviewClosesAt: '2027-01-31T00:00' });
  assert.equal(bad.status, 400);
  assert.match(bad.body_, /value="2026-10-01T00:00"/);
  assert.equal((await c.member.post(`${base}/rounds/${r!.id}`, { name: 'x' })).status, 404);
  assert.equal((await c.broker.post(`${base}/rounds/${r!.id}`, { name: 'Round 2027', opensAt: '2027-03-01T00:00', closesAt: '2027-04-30T17:00', reviewOpensAt: '2027-05-01T00:00', reviewClosesAt: '2027-06-30T00:00' })).status, 303);
  const [after] = await t.db.select().from(programmeRounds).where(eq(programmeRounds.id, r!.id));
  assert.equal(after!.name, 'Round 2027');
  assert.equal(after!.closesAt.toISOString(), '2027-04-30T17:00:00.000Z');
  assert.doesNotMatch((await c.visitor.get('/en/calls-for-requests')).body_, /Round 2027/, 'not open any more at this date');
  assert.equal((await c.broker.post(`${base}/criteria/${cr!.id}`, { label: 'Relevance for the municipality', weight: '11' })).status, 400);
  assert.equal((await c.broker.post(`${base}/criteria/${cr!.id}`, { label: 'Relevance for the municipality', weight: '3' })).status, 303);
  assert.match((await c.broker.get(base)).body_, /Relevance for the municipality<\/th><td>3</);
  assert.equal((await c.broker.get(`${base}/criteria/${randomUUID()}`)).status, 404);
});

test('starting a request needs an open round: otherwise the page says so and points to the open calls', async () => {
  for (const q of ['', '?round=nope', `?round=${randomUUID()}`]) {
    const res = await c.requester.get(`/fr/requests/new${q}`);
    assert.equal(res.status, 200);
    assert.match(res.body_, /Cette session n’est pas ouverte aux demandes/);
    assert.doesNotMatch(res.body_, /name="organisationId"/);
  }
});
