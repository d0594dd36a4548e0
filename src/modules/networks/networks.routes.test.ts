/**
 * Networks and membership through the pages and the API: the public pages, joining (open and
 * moderated, the acceptance recorded), a coordinator's decision (audited, mailed, an event), a new
 * guidelines version asking members to accept again, leaving, proposals and supports, the members'
 * export, the consent gate, coordinator scoping (SECURITY.md 13), the route × role matrix
 * (SECURITY.md 10), parallel joins and supports (SECURITY.md 27), a person's data (32–33).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.ts';
import { asRole, createUser, signedInClient, type TestUser } from '../../../test/support/users.ts';
import { guidelineAcceptances, networkMembers, networkProposals, proposalSupports } from '../../db/schema/networks.ts';
import { auditLog, domainEvents } from '../../db/schema/platform.ts';
import { notificationOutbox } from '../../db/schema/mail.ts';
import { organisations, memberships } from '../../db/schema/organisations.ts';
import * as repo from './networks.repository.ts';
import { canParticipate, canCoordinate, coordinatorIdsOf, erasePersonalData, exportPersonalData, proposalFacts } from './networks.service.ts';
import type { ServiceCtx } from '../../platform/http.ts';

let t: TestApp;
const ids: Record<string, string> = {};
let coordA: { user: TestUser; client: TestClient };
let coordB: { user: TestUser; client: TestClient };
let admin: { user: TestUser; client: TestClient };
let memberA: { user: TestUser; client: TestClient };
let stranger: { user: TestUser; client: TestClient };

const GUIDE = { en: 'Collegial interaction, advice without fee, and exchange at eye level.' };
const CONF = { en: 'Participants’ data is handled confidentially and never passed on.' };

async function network(slug: string, joinPolicy: 'open' | 'moderated') {
  const id = await repo.insertNetwork(t.db, { slug, name: { en: `Network ${slug}`, fr: `Réseau ${slug}` }, purpose: { en: 'Peer exchange.' }, regions: ['ssa'], themes: ['waste_management'], joinPolicy, guidelines: GUIDE, confidentiality: CONF, now: t.clock.now() });
  ids[slug] = id!;
  return id!;
}

const joinForm = (extra: Record<string, string | string[]> = {}) => ({ category: 'practitioner', themes: ['waste_management'], languages: ['fr', 'en'], advisesWithoutFee: 'on', acceptGuidelines: 'on', acceptConfidentiality: 'on', ...extra });
const ctxOf = (u: TestUser, roles: string[] = []): ServiceCtx => ({ db: t.db, actor: { id: u.id, name: u.name, email: u.email, locale: 'en', roles: roles as never, coordinatorRegions: [], hasTotp: false }, locale: 'en', now: t.clock.now() });
const events = async (name: string) => (await t.db.select().from(domainEvents).where(eq(domainEvents.name, name))).map((e) => e.payload as Record<string, unknown>);

before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  await network('alpha', 'moderated');
  await network('beta', 'open');
  coordA = await asRole(t, ['coordinator'], { name: 'Coordinator Alpha' });
  coordB = await asRole(t, ['coordinator'], { name: 'Coordinator Beta' });
  admin = await asRole(t, ['admin']);
  memberA = await asRole(t, [], { name: 'Member Alpha' });
  stranger = await asRole(t, [], { name: 'Someone Else' });
  await repo.insertCoordinator(t.db, ids.alpha!, coordA.user.id, t.clock.now());
  await repo.insertCoordinator(t.db, ids.beta!, coordB.user.id, t.clock.now());
  const m = await repo.insertMembership(t.db, { networkId: ids.alpha!, userId: memberA.user.id, category: 'practitioner', themes: [], languages: ['en'], advisesWithoutFee: true, state: 'active', createdAt: t.clock.now() });
  await repo.insertAcceptance(t.db, ids.alpha!, memberA.user.id, 1, t.clock.now());
  assert.ok(m);
});
after(() => t.close());

test('the list and a network page are public, in every language; a missing network is 404', async () => {
  const v = t.client();
  const list = await v.get('/en/networks');
  assert.equal(list.status, 200);
  assert.match(list.body_, /Network alpha/);
  assert.match(list.body_, /1 member/);
  const fr = await v.get('/fr/networks/alpha');
  assert.equal(fr.status, 200);
  assert.match(fr.body_, /Réseau alpha/);
  assert.match(fr.body_, /Coordinator Alpha/);
  const ar = await v.get('/ar/networks/alpha');
  assert.equal(ar.status, 200);
  assert.match(ar.body_, /dir="rtl"/);
  assert.match(ar.body_, /lang="en" dir="ltr"/, 'English content on an Arabic page is marked');
  assert.equal((await v.get('/en/networks/nope')).status, 404);
  for (const bad of ['%00', '%2500', 'x'.repeat(300), 'NOPE']) {
    assert.equal((await v.get(`/en/networks/${bad}`)).status, 404, bad);
    assert.equal((await v.get(`/api/v1/networks/${bad}`)).status, 404, bad);
  }
});

test('joining a moderated network: the form asks for the guidelines; the declaration is recorded pending with the acceptance; the coordinators are mailed', async () => {
  const { user, client } = await asRole(t, [], { locale: 'fr' });
  const form = await client.get('/fr/networks/alpha/join');
  assert.equal(form.status, 200);
  assert.match(form.body_, /Collegial interaction/);
  const bad = await client.post('/fr/networks/alpha/join', joinForm({ acceptGuidelines: '', category: 'astronaut' }));
  assert.equal(bad.status, 400);
  assert.match(bad.body_, /Acceptez les lignes directrices pour adhérer/);
  assert.match(bad.body_, /Choisissez à quel titre vous adhérez/);
  const ok = await client.post('/fr/networks/alpha/join', joinForm());
  assert.equal(ok.status, 303);
  const [m] = await t.db.select().from(networkMembers).where(and(eq(networkMembers.userId, user.id), eq(networkMembers.networkId, ids.alpha!)));
  assert.equal(m?.state, 'pending');
  assert.deepEqual(m?.languages, ['fr', 'en']);
  assert.equal(m?.advisesWithoutFee, true);
  const acc = await t.db.select().from(guidelineAcceptances).where(eq(guidelineAcceptances.userId, user.id));
  assert.equal(acc.length, 1);
  assert.equal(acc[0]!.version, 1);
  assert.ok((await events('networks.memberJoined')).some((e) => e.userId === user.id && e.state === 'pending'));
  const mails = await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.userId, coordA.user.id));
  assert.ok(mails.some((x) => x.kind === 'networks.pending'));
  // A second join is refused, not duplicated.
  await client.post('/fr/networks/alpha/join', joinForm());
  assert.equal((await t.db.select().from(networkMembers).where(eq(networkMembers.userId, user.id))).length, 1);
});

test('the coordinator approves (audited, mailed, networks.memberApproved) and declines only with a reason', async () => {
  const a = await asRole(t, []);
  const b = await asRole(t, []);
  for (const x of [a, b]) assert.equal((await x.client.post('/en/networks/alpha/join', joinForm())).status, 303);
  const page = await coordA.client.get('/en/networks/alpha/coordination');
  assert.equal(page.status, 200);
  const mA = (await repo.liveMembership(t.db, ids.alpha!, a.user.id))!;
  const mB = (await repo.liveMembership(t.db, ids.alpha!, b.user.id))!;
  assert.match(page.body_, new RegExp(mA.id));
  const approve = await coordA.client.post(`/en/networks/alpha/members/${mA.id}/decide`, { decision: 'approve' });
  assert.equal(approve.status, 303);
  assert.equal((await repo.membershipById(t.db, mA.id))?.state, 'active');
  assert.ok((await t.db.select().from(auditLog).where(eq(auditLog.objectId, mA.id))).some((r) => r.action === 'networks.memberApproved' && r.actorId === coordA.user.id));
  assert.ok((await events('networks.memberApproved')).some((e) => e.membershipId === mA.id));
  assert.ok((await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.userId, a.user.id))).some((x) => x.kind === 'networks.approved'));
  const noReason = await coordA.client.post(`/en/networks/alpha/members/${mB.id}/decide`, { decision: 'decline', reason: '' });
  assert.equal(noReason.status, 400);
  assert.match(noReason.body_, /Give a reason to decline/);
  assert.equal((await coordA.client.post(`/en/networks/alpha/members/${mB.id}/decide`, { decision: 'decline', reason: 'Not a practitioner' })).status, 303);
  const declined = await repo.membershipById(t.db, mB.id);
  assert.equal(declined?.state, 'declined');
  assert.equal(declined?.reason, 'Not a practitioner');
  const mail = (await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.userId, b.user.id))).find((x) => x.kind === 'networks.declined');
  assert.match(mail?.body ?? '', /Not a practitioner/);
  assert.ok((await t.db.select().from(auditLog).where(eq(auditLog.objectId, mB.id))).some((r) => r.action === 'networks.memberDeclined'));
  // Decided once: a second decision changes nothing.
  await coordA.client.post(`/en/networks/alpha/members/${mA.id}/decide`, { decision: 'decline', reason: 'late' });
  assert.equal((await repo.membershipById(t.db, mA.id))?.state, 'active');
});

test('a coordinator of another network gets 404 on this network’s coordination pages, as for a missing id (SECURITY.md 13)', async () => {
  const mA = (await repo.liveMembership(t.db, ids.alpha!, memberA.user.id))!;
  for (const path of ['/en/networks/alpha/coordination', '/en/networks/alpha/members.csv', '/en/networks/alpha/members.jsonl', '/en/networks/alpha/members'])
    assert.equal((await coordB.client.get(path)).status, 404, path);
  assert.equal((await coordB.client.post(`/en/networks/alpha/members/${mA.id}/decide`, { decision: 'decline', reason: 'x' })).status, 404);
  assert.equal((await coordB.client.post(`/en/networks/alpha/members/${randomUUID()}/decide`, { decision: 'approve' })).status, 404);
  assert.equal((await coordA.client.post(`/en/networks/alpha/members/not-a-uuid/decide`, { decision: 'approve' })).status, 404);
  assert.equal((await coordB.client.get('/en/networks/beta/coordination')).status, 200);
  assert.equal(await canCoordinate(ctxOf(coordB.user), ids.alpha!), false);
  assert.equal(await canCoordinate(ctxOf(coordA.user), ids.alpha!), true);
  assert.deepEqual(await coordinatorIdsOf(t.db, ids.alpha!), [coordA.user.id]);
});

test('an open network makes the member active at once; leaving is one POST', async () => {
  const { user, client } = await asRole(t, []);
  assert.equal((await client.post('/en/networks/beta/join', joinForm())).status, 303);
  assert.equal((await repo.liveMembership(t.db, ids.beta!, user.id))?.state, 'active');
  assert.equal(await canParticipate(ctxOf(user), ids.beta!), true);
  assert.equal((await client.post('/en/networks/beta/leave')).status, 303);
  assert.equal(await repo.liveMembership(t.db, ids.beta!, user.id), null);
  assert.equal(await canParticipate(ctxOf(user), ids.beta!), false);
  // And may join again.
  assert.equal((await client.post('/en/networks/beta/join', joinForm())).status, 303);
  assert.equal((await repo.liveMembership(t.db, ids.beta!, user.id))?.state, 'active');
});

test('a new guidelines version asks every member to accept again before proposing (canParticipate false until then)', async () => {
  const { user, client } = await asRole(t, []);
  await client.post('/en/networks/beta/join', joinForm());
  assert.equal(await canParticipate(ctxOf(user), ids.beta!), true);
  const short = await coordB.client.post('/en/networks/beta/guidelines/version', { lang: 'en', guidelines: 'short', confidentiality: 'short' });
  assert.equal(short.status, 400);
  const ok = await coordB.client.post('/en/networks/beta/guidelines/version', { lang: 'en', guidelines: 'Version two: collegial interaction and advice without fee.', confidentiality: 'Version two: participants’ data stays in the network.' });
  assert.equal(ok.status, 303);
  assert.equal((await repo.networkById(t.db, ids.beta!))?.guidelinesVersion, 2);
  assert.equal(await canParticipate(ctxOf(user), ids.beta!), false);
  const page = await client.get('/en/networks/beta');
  assert.match(page.body_, /The guidelines have changed/);
  assert.equal((await client.post('/en/networks/beta/proposals', { kind: 'theme', title: 'Open data', description: 'Sharing municipal data sets.' })).status, 403);
  assert.ok((await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.userId, user.id))).some((x) => x.kind === 'networks.guidelines'));
  assert.equal((await client.post('/en/networks/beta/guidelines', { acceptGuidelines: 'on' })).status, 400);
  assert.equal((await client.post('/en/networks/beta/guidelines', { acceptGuidelines: 'on', acceptConfidentiality: 'on' })).status, 303);
  assert.equal(await canParticipate(ctxOf(user), ids.beta!), true);
  const acc = await t.db.select().from(guidelineAcceptances).where(eq(guidelineAcceptances.userId, user.id));
  assert.deepEqual(acc.map((a) => a.version).sort(), [1, 2], 'append-only: both acceptances kept');
});

test('members propose, others support once, the coordinator sees them by support and accepts (networks.proposalAccepted with the texts) or declines with a reason', async () => {
  const other = await asRole(t, []);
  const third = await asRole(t, []);
  for (const x of [other, third]) {
    await x.client.post('/en/networks/alpha/join', joinForm());
    const m = (await repo.liveMembership(t.db, ids.alpha!, x.user.id))!;
    await coordA.client.post(`/en/networks/alpha/members/${m.id}/decide`, { decision: 'approve' });
  }
  const bad = await memberA.client.post('/en/networks/alpha/proposals', { kind: 'event', title: 'x', description: 'short' });
  assert.equal(bad.status, 400);
  assert.match(bad.body_, /Write a title of 3 to 200 characters/);
  assert.equal((await memberA.client.post('/en/networks/alpha/proposals', { kind: 'event', title: 'Dialogue event on landfill gas', description: 'Twenty practitioners bring a practice or a challenge.' })).status, 303);
  assert.equal((await other.client.post('/en/networks/alpha/proposals', { kind: 'theme', title: 'Market fees', description: 'How towns collect market fees by phone.' })).status, 303);
  const [event] = await t.db.select().from(networkProposals).where(eq(networkProposals.title, 'Dialogue event on landfill gas'));
  const [theme] = await t.db.select().from(networkProposals).where(eq(networkProposals.title, 'Market fees'));
  await memberA.client.post(`/en/networks/alpha/proposals/${event!.id}/support`);
  assert.equal((await t.db.select().from(proposalSupports).where(eq(proposalSupports.proposalId, event!.id))).length, 0, 'not one’s own');
  await other.client.post(`/en/networks/alpha/proposals/${event!.id}/support`);
  await other.client.post(`/en/networks/alpha/proposals/${event!.id}/support`);
  await third.client.post(`/en/networks/alpha/proposals/${event!.id}/support`);
  assert.equal((await t.db.select().from(proposalSupports).where(eq(proposalSupports.proposalId, event!.id))).length, 2);
  assert.equal((await stranger.client.post(`/en/networks/alpha/proposals/${event!.id}/support`)).status, 404);
  const page = await coordA.client.get('/en/networks/alpha/coordination');
  assert.ok(page.body_.indexOf('Dialogue event on landfill gas') < page.body_.indexOf('Market fees'), 'by support');
  assert.equal((await coordA.client.post(`/en/networks/alpha/proposals/${theme!.id}/decide`, { decision: 'decline' })).status, 400);
  assert.equal((await coordA.client.post(`/en/networks/alpha/proposals/${theme!.id}/decide`, { decision: 'decline', reason: 'Covered last year' })).status, 303);
  assert.equal((await coordB.client.post(`/en/networks/alpha/proposals/${event!.id}/decide`, { decision: 'approve' })).status, 404);
  assert.equal((await coordA.client.post(`/en/networks/alpha/proposals/${event!.id}/decide`, { decision: 'approve' })).status, 303);
  const accepted = (await events('networks.proposalAccepted')).find((e) => e.proposalId === event!.id);
  assert.deepEqual(accepted, { networkId: ids.alpha, proposalId: event!.id, kind: 'event', title: 'Dialogue event on landfill gas', description: 'Twenty practitioners bring a practice or a challenge.', lang: 'en', authorId: memberA.user.id, acceptedBy: coordA.user.id });
  assert.ok((await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.userId, other.user.id))).some((x) => x.kind === 'networks.proposalDeclined' && /Covered last year/.test(x.body)));
  const pub = await t.client().get('/en/networks/alpha');
  assert.match(pub.body_, /Dialogue event on landfill gas/, 'recent activity shows accepted proposals');
});

test('20 parallel joins make one membership; 20 parallel supports make one support (SECURITY.md 27)', async () => {
  const { user, client } = await asRole(t, []);
  const res = await Promise.all(Array.from({ length: 20 }, () => client.post('/en/networks/alpha/join', joinForm())));
  assert.ok(res.every((r) => r.status === 303));
  assert.equal((await t.db.select().from(networkMembers).where(and(eq(networkMembers.userId, user.id), eq(networkMembers.networkId, ids.alpha!)))).length, 1);
  const m = (await repo.liveMembership(t.db, ids.alpha!, user.id))!;
  await Promise.all(Array.from({ length: 20 }, () => coordA.client.post(`/en/networks/alpha/members/${m.id}/decide`, { decision: 'approve' })));
  assert.equal((await events('networks.memberApproved')).filter((e) => e.membershipId === m.id).length, 1);
  const pid = await repo.insertProposal(t.db, { networkId: ids.alpha!, authorId: memberA.user.id, kind: 'theme', title: 'Parallel supports', description: 'Twenty clicks at once.', lang: 'en', now: t.clock.now() });
  const p = { id: pid };
  await Promise.all(Array.from({ length: 20 }, () => client.post(`/en/networks/alpha/proposals/${p.id}/support`)));
  assert.equal((await t.db.select().from(proposalSupports).where(and(eq(proposalSupports.proposalId, p.id), eq(proposalSupports.userId, user.id)))).length, 1);
});

test('members see the member list after consent to the privacy notice; the coordinator exports CSV (formulas neutralised) and JSON Lines', async () => {
  const list = await memberA.client.get('/en/networks/alpha/members');
  assert.equal(list.status, 200);
  assert.match(list.body_, /Member Alpha/);
  const u = await createUser(t, { name: '=HYPERLINK("http://x")' });
  await repo.insertMembership(t.db, { networkId: ids.alpha!, userId: u.id, category: 'research', themes: [], languages: [], advisesWithoutFee: false, state: 'active', createdAt: t.clock.now() });
  const csv = await coordA.client.get('/en/networks/alpha/members.csv');
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-disposition') ?? '', /attachment; filename="alpha-members.csv"/);
  assert.match(csv.body_, /^membershipId,name,category/);
  assert.match(csv.body_, /"'=HYPERLINK\(""http:\/\/x""\)"/);
  const jl = await coordA.client.get('/en/networks/alpha/members.jsonl');
  const rowsOut = jl.body_.trim().split('\n').map((l) => JSON.parse(l));
  assert.ok(rowsOut.some((r) => r.name === 'Member Alpha'));
  assert.ok((await t.db.select().from(auditLog).where(eq(auditLog.action, 'networks.membersExported'))).length >= 2);
  // Without consent to the current notice: the consent page first.
  await memberA.client.post('/en/privacy/withdraw');
  const gated = await memberA.client.get('/en/networks/alpha/members');
  assert.equal(gated.status, 303);
  assert.match(gated.headers.get('location') ?? '', /\/en\/privacy\/consent\?next=%2Fen%2Fnetworks%2Falpha%2Fmembers/);
  const api = await memberA.client.get('/api/v1/networks/alpha/members');
  assert.equal(api.status, 403);
  assert.equal(JSON.parse(api.body_).error.code, 'consent_required');
  await memberA.client.post('/en/privacy/consent');
  assert.equal((await memberA.client.get('/en/networks/alpha/members')).status, 200);
});

test('route × role: visitor, member, network member, coordinator of this network, coordinator of another, admin', async () => {
  const visitor = t.client();
  const clients: Record<string, TestClient> = { visitor, member: stranger.client, networkMember: memberA.client, coordinator: coordA.client, otherCoordinator: coordB.client, admin: admin.client };
  // Expected statuses in that order.
  const matrix: [string, number[]][] = [
    ['/en/networks', [200, 200, 200, 200, 200, 200]],
    ['/en/networks/alpha', [200, 200, 200, 200, 200, 200]],
    ['/en/networks/alpha/guidelines', [200, 200, 200, 200, 200, 200]],
    ['/en/networks/alpha/join', [303, 200, 404, 200, 200, 200]],
    ['/en/networks/alpha/members', [303, 404, 200, 200, 404, 200]],
    ['/en/networks/alpha/members.csv', [303, 404, 404, 200, 404, 200]],
    ['/en/networks/alpha/members.jsonl', [303, 404, 404, 200, 404, 200]],
    ['/en/networks/alpha/proposals', [303, 404, 200, 200, 404, 200]],
    ['/en/networks/alpha/proposals/new', [303, 404, 200, 404, 404, 404]],
    ['/en/networks/alpha/coordination', [303, 404, 404, 200, 404, 200]],
    ['/en/networks/new', [303, 404, 404, 404, 404, 200]],
    ['/api/v1/networks', [200, 200, 200, 200, 200, 200]],
    ['/api/v1/networks/alpha', [200, 200, 200, 200, 200, 200]],
    ['/api/v1/networks/alpha/members', [401, 404, 200, 200, 404, 200]],
  ];
  const names = Object.keys(clients);
  for (const [path, expected] of matrix)
    for (const [i, name] of names.entries()) assert.equal((await clients[name]!.get(path)).status, expected[i], `${name} GET ${path}`);
  const mA = (await repo.liveMembership(t.db, ids.alpha!, memberA.user.id))!;
  // Writes a visitor may not make: the sign-in page.
  for (const path of ['/en/networks/alpha/join', '/en/networks/alpha/leave', '/en/networks/alpha/proposals', `/en/networks/alpha/members/${mA.id}/decide`, '/en/networks/alpha/guidelines/version', '/en/networks/alpha/coordinators', '/en/networks'])
    assert.equal((await visitor.post(path, {})).status, 303, `visitor POST ${path}`);
  for (const path of [`/en/networks/alpha/members/${mA.id}/decide`, '/en/networks/alpha/guidelines/version', '/en/networks/alpha/coordinators'])
    for (const c of [stranger.client, memberA.client, coordB.client]) assert.equal((await c.post(path, { decision: 'decline', reason: 'no', lang: 'en', guidelines: 'x'.repeat(30), confidentiality: 'x'.repeat(30), email: 'x@example.org' })).status, 404, path);
  assert.equal((await coordA.client.post('/en/networks/alpha/coordinators', { email: stranger.user.email })).status, 404, 'only admins name coordinators');
  assert.equal((await stranger.client.post('/en/networks', { slug: 'gamma' })).status, 404);
});

test('an admin creates a network with texts in several languages and names its coordinator', async () => {
  const bad = await admin.client.post('/en/networks', { slug: 'Bad Slug!', joinPolicy: 'open' });
  assert.equal(bad.status, 400);
  assert.match(bad.body_, /lower-case letters/);
  const ok = await admin.client.post('/en/networks', {
    slug: 'lac',
    'name.en': 'Latin America network',
    'name.es': 'Red América Latina',
    'purpose.en': 'Exchange among Latin American cities.',
    regions: ['lac'],
    themes: ['housing'],
    joinPolicy: 'open',
    'guidelines.en': 'Collegial interaction and advice without fee.',
    'confidentiality.en': 'Confidential handling of participants’ data.',
  });
  assert.equal(ok.status, 303);
  assert.equal((await admin.client.post('/en/networks', { slug: 'lac', 'name.en': 'x', 'purpose.en': 'x', joinPolicy: 'open', 'guidelines.en': 'x', 'confidentiality.en': 'x' })).status, 400, 'slug taken');
  const es = await t.client().get('/es/networks/lac');
  assert.match(es.body_, /Red América Latina/);
  assert.equal((await admin.client.post('/en/networks/lac/coordinators', { email: 'nobody@example.org' })).status, 400);
  assert.equal((await admin.client.post('/en/networks/lac/coordinators', { email: coordB.user.email })).status, 303);
  assert.equal((await coordB.client.get('/en/networks/lac/coordination')).status, 200);
  assert.ok((await t.db.select().from(auditLog).where(eq(auditLog.action, 'networks.coordinatorNamed'))).length >= 1);
  // An overall coordinator coordinates every network.
  const overall = await asRole(t, ['coordinator']);
  assert.equal((await overall.client.get('/en/networks/alpha/coordination')).status, 404);
  assert.equal((await admin.client.post('/en/networks/lac/coordinators', { email: overall.user.email, overall: 'on' })).status, 303);
  for (const slug of ['alpha', 'beta', 'lac']) assert.equal((await overall.client.get(`/en/networks/${slug}/coordination`)).status, 200, slug);
  assert.ok((await coordinatorIdsOf(t.db, ids.alpha!)).includes(overall.user.id));
});

test('proposalFacts: an accepted event proposal for the events module, only to those who coordinate its network', async () => {
  const [p] = await t.db.select().from(networkProposals).where(eq(networkProposals.title, 'Dialogue event on landfill gas'));
  const facts = await proposalFacts(ctxOf(coordA.user), p!.id);
  assert.deepEqual(facts && { kind: facts.kind, state: facts.state, networkId: facts.networkId, title: facts.title }, { kind: 'event', state: 'accepted', networkId: ids.alpha, title: 'Dialogue event on landfill gas' });
  assert.equal(await proposalFacts(ctxOf(coordB.user), p!.id), null);
  assert.equal(await proposalFacts(ctxOf(coordA.user), 'nope'), null);
});

test('an organisation joins as an institutional member and names its people, who accept the guidelines themselves', async () => {
  const orgId = randomUUID();
  const now = t.clock.now();
  await t.db.insert(organisations).values({ id: orgId, name: 'Association of Test Cities', kind: 'association', country: 'KE', region: 'ssa', createdAt: now, updatedAt: now });
  const lead = await asRole(t, []);
  const colleague = await createUser(t, {});
  for (const u of [lead.user, colleague]) await t.db.insert(memberships).values({ id: randomUUID(), organisationId: orgId, userId: u.id, role: u === lead.user ? 'org_admin' : 'expert', status: 'active', origin: 'creation', createdAt: now });
  const form = await lead.client.get('/en/networks/beta/join');
  assert.match(form.body_, /Association of Test Cities/);
  assert.equal((await lead.client.post('/en/networks/beta/join', joinForm({ category: 'association', organisationId: randomUUID() }))).status, 400);
  assert.equal((await lead.client.post('/en/networks/beta/join', joinForm({ category: 'association', organisationId: orgId }))).status, 303);
  const page = await lead.client.get('/en/networks/beta');
  assert.match(page.body_, /Name your organisation’s people/);
  await lead.client.post('/en/networks/beta/guidelines', { acceptGuidelines: 'on', acceptConfidentiality: 'on' });
  await lead.client.post('/en/networks/beta/institutional', { email: stranger.user.email });
  assert.equal(await repo.liveMembership(t.db, ids.beta!, stranger.user.id), null, 'not a colleague');
  assert.equal((await lead.client.post('/en/networks/beta/institutional', { email: colleague.email })).status, 303);
  const m = await repo.liveMembership(t.db, ids.beta!, colleague.id);
  assert.equal(m?.state, 'active');
  assert.equal(m?.organisationId, orgId);
  assert.equal(await canParticipate(ctxOf(colleague), ids.beta!), false, 'until they accept the guidelines');
  const c = await signedInClient(t, colleague);
  await c.post('/en/networks/beta/guidelines', { acceptGuidelines: 'on', acceptConfidentiality: 'on' });
  assert.equal(await canParticipate(ctxOf(colleague), ids.beta!), true);
});

test('the API: list, get with the caller’s standing, join (201, 409 twice), decision, leave', async () => {
  const list = JSON.parse((await t.client().get('/api/v1/networks')).body_);
  assert.ok(list.items.some((n: { slug: string }) => n.slug === 'alpha'));
  const { user, client } = await asRole(t, []);
  const bad = await client.request('POST', '/api/v1/networks/alpha/join', { json: { category: 'practitioner' } });
  assert.equal(bad.status, 400);
  assert.ok(JSON.parse(bad.body_).error.fields.acceptGuidelines);
  const j = await client.request('POST', '/api/v1/networks/alpha/join', { json: { category: 'practitioner', themes: ['waste_management'], languages: ['en'], advisesWithoutFee: true, acceptGuidelines: true, acceptConfidentiality: true } });
  assert.equal(j.status, 201);
  const out = JSON.parse(j.body_);
  assert.equal(out.state, 'pending');
  assert.equal((await client.request('POST', '/api/v1/networks/alpha/join', { json: { category: 'practitioner', acceptGuidelines: true, acceptConfidentiality: true } })).status, 409);
  const me = JSON.parse((await client.get('/api/v1/networks/alpha')).body_).me;
  assert.equal(me.membership, 'pending');
  assert.equal((await coordB.client.request('POST', `/api/v1/networks/alpha/members/${out.membershipId}/decision`, { json: { decision: 'approve' } })).status, 404);
  const d = await coordA.client.request('POST', `/api/v1/networks/alpha/members/${out.membershipId}/decision`, { json: { decision: 'approve' } });
  assert.equal(d.status, 200);
  assert.equal(JSON.parse((await client.get('/api/v1/networks/alpha')).body_).me.participates, true);
  assert.equal((await client.request('POST', '/api/v1/networks/alpha/leave')).status, 200);
  assert.equal((await client.request('POST', '/api/v1/networks/alpha/leave')).status, 409);
  void user;
});

test('the API for proposals: create (403 until the guidelines are accepted), list, support once (409), decision', async () => {
  const { client } = await asRole(t, []);
  const j = JSON.parse((await client.request('POST', '/api/v1/networks/alpha/join', { json: { category: 'research', acceptGuidelines: true, acceptConfidentiality: true } })).body_);
  assert.equal((await client.request('POST', '/api/v1/networks/alpha/proposals', { json: { kind: 'theme', title: 'Open data', description: 'Sharing municipal data sets.' } })).status, 404, 'pending: not yet a member');
  await coordA.client.request('POST', `/api/v1/networks/alpha/members/${j.membershipId}/decision`, { json: { decision: 'approve' } });
  const bad = await client.request('POST', '/api/v1/networks/alpha/proposals', { json: { kind: 'party', title: 'x', description: 'y' } });
  assert.equal(bad.status, 400);
  assert.deepEqual(Object.keys(JSON.parse(bad.body_).error.fields).sort(), ['description', 'kind', 'title']);
  const created = await client.request('POST', '/api/v1/networks/alpha/proposals', { json: { kind: 'theme', title: 'Open data', description: 'Sharing municipal data sets.' } });
  assert.equal(created.status, 201);
  const { id } = JSON.parse(created.body_);
  assert.equal((await client.request('POST', `/api/v1/networks/alpha/proposals/${id}/support`)).status, 409);
  const other = await asRole(t, []);
  await repo.insertMembership(t.db, { networkId: ids.alpha!, userId: other.user.id, category: 'practitioner', themes: [], languages: [], advisesWithoutFee: false, state: 'active', createdAt: t.clock.now() });
  await repo.insertAcceptance(t.db, ids.alpha!, other.user.id, 1, t.clock.now());
  assert.equal((await other.client.request('POST', `/api/v1/networks/alpha/proposals/${id}/support`)).status, 200);
  const again = await other.client.request('POST', `/api/v1/networks/alpha/proposals/${id}/support`);
  assert.equal(again.status, 409);
  assert.equal(JSON.parse(again.body_).error.code, 'already_supported');
  const list = JSON.parse((await client.get('/api/v1/networks/alpha/proposals')).body_);
  assert.equal(list.items.find((p: { id: string }) => p.id === id)?.supports, 1);
  assert.equal((await coordB.client.request('POST', `/api/v1/networks/alpha/proposals/${id}/decision`, { json: { decision: 'approve' } })).status, 404);
  assert.equal((await coordA.client.request('POST', `/api/v1/networks/alpha/proposals/${id}/decision`, { json: { decision: 'decline' } })).status, 400);
  assert.equal((await coordA.client.request('POST', `/api/v1/networks/alpha/proposals/${id}/decision`, { json: { decision: 'approve' } })).status, 200);
  assert.equal((await coordA.client.request('POST', `/api/v1/networks/alpha/proposals/${id}/decision`, { json: { decision: 'approve' } })).status, 409);
});

test('a person’s data: the export holds memberships, acceptances, proposals and supports; erasure removes them', async () => {
  const data = await exportPersonalData(t.db, memberA.user.id);
  assert.ok((data.networkMemberships as unknown[]).length >= 1);
  assert.ok((data.networkGuidelineAcceptances as unknown[]).length >= 1);
  assert.ok((data.networkProposals as unknown[]).length >= 1);
  await t.db.transaction((tx) => erasePersonalData(tx, memberA.user.id));
  const after = await exportPersonalData(t.db, memberA.user.id);
  assert.equal((after.networkMemberships as unknown[]).length, 0);
  assert.equal((after.networkGuidelineAcceptances as unknown[]).length, 0);
  assert.ok((after.networkProposals as { title: string }[]).every((p) => p.title === ''));
});
