/**
 * Issue 18.2 and 18.5 through HTTP: every `next`/`back` redirect goes through the platform's
 * safeNext. A hostile `next` on the consent page or `back` on a report is never followed, and a
 * CR/LF/NUL there answers cleanly (no 500 after the consent or the report was written).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../support/app.ts';
import { asRole, createUser } from '../support/users.ts';
import { createOrganisation } from '../support/organisations.ts';
import { hashPassword } from '../../src/modules/accounts/accounts.passwords.ts';
import { consents } from '../../src/db/schema/index.ts';
import { contentReports } from '../../src/db/schema/moderation.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
});
after(() => t.close());

const HOSTILE = ['/\t/evil.example', '//evil.example', '/\\evil.example', 'https://evil.example', '/\r\nSet-Cookie: a=b', '/x\r/evil.example', '/\n/evil.example'];

test('consent: the page and the Accept never send to another host; a bad next falls back to the privacy page', async () => {
  for (const next of HOSTILE) {
    const { user, client } = await asRole(t, []);
    const acts = async () => (await t.db.select().from(consents).where(eq(consents.userId, user.id))).length;
    const before = await acts();
    const page = await client.get(`/en/privacy/consent?next=${encodeURIComponent(next)}`);
    // Query strings with a NUL or other controls are refused at the edge; tab/CR/LF reach the route.
    assert.ok(page.status === 200 || page.status === 400, `${JSON.stringify(next)}: ${page.status}`);
    if (page.status === 200) assert.match(page.body_, /name="next" value="\/en\/privacy"/, JSON.stringify(next));
    const yes = await client.post('/en/privacy/consent', { next });
    assert.equal(yes.status, 303, JSON.stringify(next));
    assert.equal(yes.headers.get('location'), '/en/privacy', JSON.stringify(next));
    assert.equal(await acts(), before + 1, 'recorded once, the answer complete');
  }
  const { client } = await asRole(t, []);
  const fr = await client.post('/fr/privacy/consent', { next: '/en/people' });
  assert.equal(fr.headers.get('location'), '/fr/people', 'the language prefix is the page’s');
});

test('report: a hostile back is not followed; the report and its answer are whole', async () => {
  const orgId = await createOrganisation(t, { name: 'Redirect Town' });
  for (const back of HOSTILE) {
    const { client } = await asRole(t, []);
    const before = (await t.db.select().from(contentReports).where(eq(contentReports.objectId, orgId))).length;
    const res = await client.post('/en/reports', { objectType: 'organisation', objectId: orgId, reason: 'spam', note: '', back });
    assert.equal(res.status, 303, JSON.stringify(back));
    assert.equal(res.headers.get('location'), '/en', JSON.stringify(back));
    assert.equal((await t.db.select().from(contentReports).where(eq(contentReports.objectId, orgId))).length, before + 1);
  }
  const { client } = await asRole(t, []);
  const ok = await client.post('/ar/reports', { objectType: 'organisation', objectId: orgId, reason: 'spam', note: '', back: `/organisations/${orgId}` });
  assert.equal(ok.headers.get('location'), `/ar/organisations/${orgId}`);
});

test('sign-in: a hostile next is not followed; a local one gets the language of the page signed in from (issue 14.5)', async () => {
  const password = 'correct horse battery staple';
  const u = await createUser(t, { locale: 'fr', passwordHash: await hashPassword(password) });
  for (const next of [...HOSTILE, '/people']) {
    const c = t.client();
    const res = await c.post('/es/sign-in', { email: u.email, password, next });
    assert.equal(res.status, 303, JSON.stringify(next));
    assert.equal(res.headers.get('location'), next === '/people' ? '/es/people' : '/es/me/waiting', JSON.stringify(next));
  }
});

test('a NUL in next or back is refused before anything is written (400 naming the field)', async () => {
  const { user, client } = await asRole(t, []);
  const acts = async () => (await t.db.select().from(consents).where(eq(consents.userId, user.id))).length;
  const before = await acts();
  const res = await client.post('/en/privacy/consent', { next: '/people\u0000//evil.example' });
  assert.equal(res.status, 400);
  assert.match(res.body_, /next/);
  assert.equal(await acts(), before, 'no consent written');
  const orgId = await createOrganisation(t, { name: 'Nul Town' });
  const r = await client.post('/en/reports', { objectType: 'organisation', objectId: orgId, reason: 'spam', note: '', back: '/x\u0000' });
  assert.equal(r.status, 400);
  assert.equal((await t.db.select().from(contentReports).where(eq(contentReports.objectId, orgId))).length, 0, 'no report written');
});
