/**
 * SECURITY.md 28: content reported by 3 different members is hidden and moderators are told; one
 * member reporting twice counts once. Also: owners still see their hidden content (marked), a
 * moderator puts it back or keeps it hidden, and only moderators reach the queue.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.ts';
import { asRole, createUser, signedInClient } from '../../../test/support/users.ts';
import { memberships } from '../../db/schema/organisations.ts';
import { users } from '../../db/schema/accounts.ts';
import { makeOrganisation, makePerson, addMember } from '../../../test/requests/fixtures.ts';
import { notificationOutbox } from '../../db/schema/index.ts';
import { contentReports } from '../../db/schema/moderation.ts';
import { goodPractices } from '../../db/schema/knowledge.ts';
// The good-practice library through its manifest's demo seed: a test of moderation does not import knowledge (which reaches moderation).
import { MODULES } from '../index.ts';

let t: TestApp;
let orgId = '';
let ownerClient: TestClient;
let admin: { id: string; client: TestClient };
const reporters: TestClient[] = [];

before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  orgId = await makeOrganisation(t, { name: 'Municipality of Spamtown', country: 'BE', region: 'europe' });
  const owner = await createUser(t);
  await addMember(t, orgId, owner.id, 'org_admin');
  ownerClient = await signedInClient(t, owner);
  const a = await asRole(t, ['admin']);
  admin = { id: a.user.id, client: a.client };
  for (let i = 0; i < 4; i++) reporters.push((await established()).client);
});
after(() => t.close());

/** A member of some standing: an account older than a week (newcomers' reports weigh less, issue 18.11). */
const established = async () => {
  const r = await asRole(t, []);
  await t.db.update(users).set({ createdAt: new Date(t.clock.now().getTime() - 30 * 86_400_000) }).where(eq(users.id, r.user.id));
  return r;
};

const report = (c: TestClient, reason = 'spam', note = '') => c.post('/en/reports', { objectType: 'organisation', objectId: orgId, reason, note, back: `/organisations/${orgId}` });
const inDirectory = async (c: TestClient) => (await c.get('/en/organisations?q=Spamtown')).body_.includes('Municipality of Spamtown');

test('two reports do not hide; the same member reporting twice counts once; the third member hides it and the moderators are told', async () => {
  assert.equal(await inDirectory(reporters[3]!), true);
  const r1 = await report(reporters[0]!, 'spam', 'Adverts for watches');
  assert.equal(r1.status, 303);
  assert.equal(r1.headers.get('location'), `/en/organisations/${orgId}`);
  assert.equal((await report(reporters[0]!, 'offensive')).status, 303);
  assert.equal((await t.db.select().from(contentReports).where(eq(contentReports.objectId, orgId))).length, 1, 'counted once');
  await report(reporters[1]!);
  assert.equal(await inDirectory(reporters[3]!), true, 'two members are not enough');
  assert.equal((await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.userId, admin.id))).length, 0);

  await report(reporters[2]!, 'misleading');
  assert.equal(await inDirectory(reporters[3]!), false, 'hidden from the directory');
  assert.equal(await inDirectory(t.client()), false, 'and from visitors');
  assert.equal((await reporters[3]!.get(`/en/organisations/${orgId}`)).status, 404, 'its page answers 404 to others');
  const mails = await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.userId, admin.id));
  assert.equal(mails.length, 1, 'the moderators are told once');
  assert.match(mails[0]!.body, /Municipality of Spamtown/);
  // A fourth report does not tell them again.
  await report(reporters[3]!);
  assert.equal((await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.userId, admin.id))).length, 1);
  // The owner still sees it, marked; the moderator too.
  const own = await ownerClient.get(`/en/organisations/${orgId}`);
  assert.equal(own.status, 200);
  assert.match(own.body_, /hidden from others after reports/);
  assert.equal((await admin.client.get(`/en/organisations/${orgId}`)).status, 200);
});

test('only moderators reach the queue; putting content back shows it again, and three new reports are needed to hide it again', async () => {
  assert.equal((await reporters[0]!.get('/en/admin/moderation')).status, 404);
  assert.equal((await t.client().get('/en/admin/moderation')).status, 303);
  assert.equal((await reporters[0]!.post('/en/admin/moderation/decide', { objectType: 'organisation', objectId: orgId, decision: 'restore' })).status, 404);
  const q = await admin.client.get('/en/admin/moderation');
  assert.equal(q.status, 200);
  assert.match(q.body_, /Municipality of Spamtown/);
  assert.match(q.body_, /Adverts for watches/);
  assert.equal((await admin.client.post('/en/admin/moderation/decide', { objectType: 'organisation', objectId: orgId, decision: 'restore' })).status, 303);
  assert.equal(await inDirectory(reporters[3]!), true, 'back in the directory');
  t.clock.advance(60_000);
  // Old reports do not count again; a member who already reported cannot report again.
  await report(reporters[0]!);
  assert.equal(await inDirectory(reporters[3]!), true);
  const extra = [(await established()).client, (await established()).client, (await established()).client];
  await report(extra[0]!);
  await report(extra[1]!);
  assert.equal(await inDirectory(reporters[3]!), true, 'two new reports');
  await report(extra[2]!);
  assert.equal(await inDirectory(reporters[3]!), false, 'three new reports hide it again');
  assert.equal((await admin.client.post('/en/admin/moderation/decide', { objectType: 'organisation', objectId: orgId, decision: 'confirm' })).status, 303);
  assert.equal(await inDirectory(reporters[3]!), false, 'kept hidden');
});

test('owners cannot report their own content; visitors are sent to sign in; unknown objects answer 404; the form shows only to members who may report', async () => {
  const own = await ownerClient.post('/en/reports', { objectType: 'organisation', objectId: orgId, reason: 'spam', back: '/organisations' });
  assert.equal(own.status, 303);
  assert.equal((await t.db.select().from(contentReports).where(eq(contentReports.reporterId, (await t.db.select().from(memberships).where(eq(memberships.organisationId, orgId)))[0]!.userId))).length, 0);
  assert.equal((await t.client().post('/en/reports', { objectType: 'organisation', objectId: orgId, reason: 'spam' })).status, 303);
  assert.equal((await reporters[0]!.post('/en/reports', { objectType: 'organisation', objectId: randomUUID(), reason: 'spam' })).status, 404);
  assert.equal((await reporters[0]!.post('/en/reports', { objectType: 'users', objectId: orgId, reason: 'spam' })).status, 404);
  // The form: on another organisation's page for a member, not for the visitor or the owner.
  const other = await makeOrganisation(t, { name: 'Town of Elsewhere', country: 'GH' });
  assert.match((await reporters[0]!.get(`/en/organisations/${other}`)).body_, /Report this content/);
  assert.doesNotMatch((await t.client().get(`/en/organisations/${other}`)).body_, /Report this content/);
});

test('people’s profiles and published good practices can be reported and hidden the same way', async () => {
  const pid = await makePerson(t, { name: 'Spam Person' });
  for (const c of reporters.slice(0, 3)) await c.post('/en/reports', { objectType: 'person', objectId: pid, reason: 'spam', back: '/people' });
  assert.equal((await reporters[3]!.get(`/en/people/${pid}`)).status, 404);
  assert.doesNotMatch((await reporters[3]!.get('/en/people?q=Spam')).body_, /Spam Person/);

  await MODULES.find((m) => m.name === 'knowledge')!.demo!.run(t.db, { now: t.clock.now() });
  const [gp] = await t.db.select().from(goodPractices).where(eq(goodPractices.state, 'published')).limit(1);
  assert.ok(gp);
  const title = gp.title.en!;
  const inLibrary = async () => (await t.client().get(`/en/good-practices?q=${encodeURIComponent(title.split(' ').slice(0, 3).join(' '))}`)).body_.includes(title.replace(/&/g, '&amp;').replace(/'/g, '&#39;'));
  assert.equal(await inLibrary(), true);
  assert.match((await reporters[0]!.get(`/en/good-practices/${gp.id}`)).body_, /Report this content/);
  for (const c of reporters.slice(0, 3)) await c.post('/en/reports', { objectType: 'good_practice', objectId: gp.id, reason: 'misleading', back: `/good-practices/${gp.id}` });
  assert.equal((await t.client().get(`/en/good-practices/${gp.id}`)).status, 404);
  assert.equal(await inLibrary(), false);
  assert.equal((await t.client().get(`/api/v1/good-practices/${gp.id}`)).status, 404, 'the API hides it too');
});

// ---------- issue 18.11: three new accounts alone cannot hide an organisation ----------

test('newcomers’ reports count together as one: three (or five) new accounts do not hide; two established members then do', async () => {
  const target = await makeOrganisation(t, { name: 'Sybil Target Town', country: 'BE', region: 'europe' });
  const reportIt = (c: TestClient) => c.post('/en/reports', { objectType: 'organisation', objectId: target, reason: 'spam', note: '', back: '/organisations' });
  const listed = async () => (await t.client().get('/en/organisations?q=Sybil')).body_.includes('Sybil Target Town');
  for (let i = 0; i < 5; i++) assert.equal((await reportIt((await asRole(t, [])).client)).status, 303);
  assert.equal(await listed(), true, 'five accounts created today do not hide it');
  assert.equal((await t.db.select().from(contentReports).where(eq(contentReports.objectId, target))).length, 5, 'their reports are kept (moderators see them)');
  await reportIt((await established()).client);
  assert.equal(await listed(), true, 'one established member and the newcomers: weight 2');
  await reportIt((await established()).client);
  assert.equal(await listed(), false, 'a second established member: weight 3, hidden');
});

test('a new account acting for a verified organisation is not a newcomer; an account older than a week is not either', async () => {
  const target = await makeOrganisation(t, { name: 'Second Target Town', country: 'BE', region: 'europe' });
  const verifiedOrg = await makeOrganisation(t, { name: 'Verified Home Town', country: 'NL', region: 'europe', isVerified: true });
  const reportIt = (c: TestClient) => c.post('/en/reports', { objectType: 'organisation', objectId: target, reason: 'spam', note: '', back: '/organisations' });
  const listed = async () => (await t.client().get('/en/organisations?q=Second')).body_.includes('Second Target Town');
  const officials = [await asRole(t, []), await asRole(t, [])];
  for (const o of officials) await addMember(t, verifiedOrg, o.user.id, 'requester');
  for (const o of officials) await reportIt(o.client);
  assert.equal(await listed(), true);
  // An account created today, then a week passes (with a fresh session): it counts fully.
  const later = await asRole(t, []);
  t.clock.advance(8 * 86_400_000);
  await reportIt(await signedInClient(t, later.user));
  assert.equal(await listed(), false, 'two officials of a verified organisation and an account older than a week hide it');
});
