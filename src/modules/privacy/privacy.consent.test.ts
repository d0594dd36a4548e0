/**
 * Consent (SECURITY.md 31): each act recorded with person, notice version and time; before the
 * people directory, a person page or a CV, a member who has not accepted the notice in force (never,
 * an older version, or withdrawn) is asked, with the notice and an Accept button, and comes back;
 * withdrawing is one POST, after which that data is no longer shown.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { consents } from '../../db/schema/index.ts';
import { createSession, cookieName } from '../../platform/session.ts';
import { NOTICE_VERSION, hasCurrentConsent } from '../../modules/privacy/privacy.service.ts';
import { CONSENT_GATED } from '../../modules/privacy/privacy.policy.ts';
import { privacyTestApp, type PrivacyTestApp } from '../../../test/support/privacy-app.ts';
import { richMember, type Rich } from '../../../test/support/privacy-fixtures.ts';
import type { TestClient } from '../../../test/support/app.ts';

let t: PrivacyTestApp;
let z: Rich;

before(async () => {
  t = await privacyTestApp();
  z = await richMember(t, t.dataDir);
});
after(async () => {
  await t.close();
  rmSync(t.dataDir, { recursive: true, force: true });
});

async function gatedAs(userId: string): Promise<TestClient> {
  const c = t.gated();
  c.cookies.set(cookieName(t.config.cookieSecure), await createSession(t.db, userId, t.clock.now()));
  return c;
}

const consentAsked = (res: { status: number; headers: Headers }, next: string) => {
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `/en/privacy/consent?next=${encodeURIComponent(next)}`);
};

test('the gated paths', () => {
  for (const p of ['/people', '/people/', '/people/3f1c0b0e-0000-4000-8000-000000000000', '/attachments/x']) assert.ok(CONSENT_GATED.test(p), p);
  for (const p of ['/people/me', '/privacy', '/organisations', '/account', '/peoplex']) assert.ok(!CONSENT_GATED.test(p), p);
});

test('a member is asked before members’ data, accepts once, and comes back; the act is recorded', async () => {
  // Whatever the test factories recorded: this member has not answered yet.
  await t.db.delete(consents).where(eq(consents.userId, z.cy.broker.id));
  const broker = await gatedAs(z.cy.broker.id);
  consentAsked(await broker.get('/en/people'), '/en/people');
  consentAsked(await broker.get(`/en/people/${z.personId}?x=1`), `/en/people/${z.personId}?x=1`);
  consentAsked(await broker.get(`/en/attachments/${z.cvId}`), `/en/attachments/${z.cvId}`);
  // The API's member data waits for consent too (403 consent_required); the own profile does not.
  const api = await broker.get('/api/v1/people');
  assert.equal(api.status, 403);
  assert.equal((JSON.parse(api.body_) as { error: { code: string } }).error.code, 'consent_required');
  assert.notEqual((await broker.get('/api/v1/people/me')).status, 403);
  assert.equal((await broker.get('/en/people/me')).status, 200, 'one’s own profile is not gated');
  assert.equal((await broker.get('/en/organisations')).status, 200);

  const ask = await broker.get(`/en/privacy/consent?next=${encodeURIComponent('/en/people')}`);
  assert.equal(ask.status, 200);
  assert.match(ask.body_, /Before you see other members&#39; profiles and CVs/);
  assert.match(ask.body_, /<input type="hidden" name="next" value="\/en\/people">/);
  assert.match(ask.body_, new RegExp(`Version of ${NOTICE_VERSION}`));
  const fr = await broker.get(`/fr/privacy/consent?next=%2Ffr%2Fpeople`);
  assert.match(fr.body_, /Veuillez accepter la politique de confidentialité/);

  const yes = await broker.post('/en/privacy/consent', { next: '/en/people' });
  assert.equal(yes.status, 303);
  assert.equal(yes.headers.get('location'), '/en/people');
  const [row] = await t.db.select().from(consents).where(eq(consents.userId, z.cy.broker.id));
  assert.equal(row!.noticeVersion, NOTICE_VERSION);
  assert.equal(row!.action, 'given');
  assert.equal(row!.at.getTime(), t.clock.now().getTime());
  assert.equal((await broker.get('/en/people')).status, 200);
  assert.equal((await broker.get(`/en/people/${z.personId}`)).status, 200);
  assert.equal((await broker.get(`/en/attachments/${z.cvId}`)).status, 200, 'the CV opens');
  // A foreign `next` is not followed.
  const evil = await broker.post('/en/privacy/consent', { next: '//evil.example/x' });
  assert.equal(evil.headers.get('location'), '/en/privacy');
});

test('a new notice version asks again', async () => {
  const member = await richMember(t, t.dataDir, { name: 'Otto Lindqvist', cy: z.cy });
  await t.db.delete(consents).where(eq(consents.userId, member.actor.id));
  await t.db.insert(consents).values({ id: randomUUID(), userId: member.actor.id, noticeVersion: '2025-01-01', action: 'given', at: t.clock.now() });
  assert.equal(await hasCurrentConsent(t.db, member.actor.id), false);
  assert.equal(await hasCurrentConsent(t.db, member.actor.id, '2025-01-01'), true);
  const c = await gatedAs(member.actor.id);
  consentAsked(await c.get('/en/people'), '/en/people');
  assert.match((await c.get('/en/privacy/consent?next=%2Fen%2Fpeople')).body_, /The privacy notice has changed since you accepted it/);
  assert.equal((await c.post('/en/privacy/consent', { next: '/en/people' })).status, 303);
  assert.equal((await c.get('/en/people')).status, 200);
});

test('withdrawing is one POST; the data is then no longer shown; the history lists both acts', async () => {
  const broker = await gatedAs(z.cy.broker.id);
  assert.equal((await broker.get('/en/people')).status, 200);
  const page = await broker.get('/en/privacy');
  assert.match(page.body_, /You accepted this notice on/);
  assert.match(page.body_, /action="\/en\/privacy\/withdraw"/);
  t.clock.advance(60_000);
  const w = await broker.post('/en/privacy/withdraw');
  assert.equal(w.status, 303);
  consentAsked(await broker.get('/en/people'), '/en/people');
  consentAsked(await broker.get(`/en/attachments/${z.cvId}`), `/en/attachments/${z.cvId}`);
  // The API's member data waits for consent too (403 consent_required); the own profile does not.
  const api = await broker.get('/api/v1/people');
  assert.equal(api.status, 403);
  assert.equal((JSON.parse(api.body_) as { error: { code: string } }).error.code, 'consent_required');
  assert.notEqual((await broker.get('/api/v1/people/me')).status, 403);
  const after = await broker.get('/en/privacy');
  assert.match(after.body_, /You withdrew your consent on/);
  assert.match(after.body_, /<td>Accepted<\/td>[\s\S]*<td>Withdrawn<\/td>/);
  const acts = await t.db.select().from(consents).where(eq(consents.userId, z.cy.broker.id));
  // Given (with a return path), given (the foreign `next`), withdrawn.
  assert.deepEqual(acts.map((a) => a.action).sort(), ['given', 'given', 'withdrawn']);
});

test('visitors are not asked: the routes answer as before (sign in, or 404)', async () => {
  const v = t.gated();
  const res = await v.get('/en/people');
  assert.equal(res.status, 303);
  assert.match(res.headers.get('location') ?? '', /^\/en\/sign-in\?next=/);
  assert.equal((await v.get(`/en/attachments/${z.cvId}`)).status, 404);
  assert.equal((await v.get('/en/privacy')).status, 200);
});
