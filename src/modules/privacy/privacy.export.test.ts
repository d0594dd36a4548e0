/**
 * "Download my data" (SECURITY.md 32): the archive holds what the person provided (account, profile,
 * memberships, offers and their messages, consents, their CV) and nobody else's personal data; only
 * its owner downloads it, in their session, for 7 days. Routes by role.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { unzipSync, strFromU8 } from 'fflate';
import { asRole, signedInClient } from '../../../test/support/users.ts';
import { users, dataExports, consents } from '../../db/schema/index.ts';
import { recordConsent } from '../../modules/privacy/privacy.service.ts';
import { privacyTestApp, type PrivacyTestApp } from '../../../test/support/privacy-app.ts';
import { richMember, PDF } from '../../../test/support/privacy-fixtures.ts';
import type { TestClient } from '../../../test/support/app.ts';

let t: PrivacyTestApp;

before(async () => {
  t = await privacyTestApp();
});
after(async () => {
  await t.close();
  rmSync(t.dataDir, { recursive: true, force: true });
});

const idIn = (body: string) => [...body.matchAll(/\/data-exports\/([0-9a-f-]{36})/g)].map((m) => m[1]!);

async function download(c: TestClient, id: string) {
  const res = await t.app.request(`http://localhost/en/data-exports/${id}`, { headers: { Cookie: c.cookieHeader(), 'X-Forwarded-For': c.ip } });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

test('the export holds what she provided and nobody else’s personal data; owner only; 7 days', async () => {
  const z = await richMember(t, t.dataDir);
  // The broker who answered in her offer's thread has a name and an address of their own.
  await t.db.update(users).set({ name: 'Kwame Boateng' }).where(eq(users.id, z.cy.broker.id));
  await t.db.delete(consents).where(eq(consents.userId, z.actor.id));
  await recordConsent(t.db, z.actor.id, t.clock.now());
  const me = await signedInClient(t, z.actor);
  const page = await me.get('/en/account/data');
  assert.equal(page.status, 200);
  assert.match(page.body_, /No download prepared/);
  const made = await me.post('/en/account/data');
  assert.equal(made.status, 303);
  assert.equal((await me.post('/en/account/data')).status, 303);
  assert.equal((await t.db.select().from(dataExports).where(eq(dataExports.userId, z.actor.id))).length, 1, 'asking again at once gives the same export');
  const list = await me.get('/fr/account/data');
  assert.match(list.body_, /Vos données sont prêtes/);
  const [id] = idIn(list.body_);
  assert.ok(id, 'the export is listed');
  const [row] = await t.db.select().from(dataExports).where(eq(dataExports.id, id));
  assert.ok(readdirSync(join(t.dataDir, 'exports')).includes(row!.storageName), 'stored in DATA_DIR/exports under its random name');
  assert.match(row!.storageName, /^[0-9a-f]{48}$/);

  const dl = await download(me, id);
  assert.equal(dl.status, 200);
  assert.equal(dl.headers.get('content-type'), 'application/zip');
  assert.match(dl.headers.get('content-disposition') ?? '', /^attachment; filename="peerlink-my-data-2026-11-23\.zip"$/);
  assert.equal(dl.headers.get('x-content-type-options'), 'nosniff');
  const zip = unzipSync(dl.bytes);
  const json = strFromU8(zip['data.json']!);
  const data = JSON.parse(json);
  assert.equal(data.account.email, z.email);
  assert.equal(data.account.name, z.name);
  assert.equal(data.profiles[0].phone, z.phone);
  assert.equal(data.profiles[0].email, z.proEmail);
  assert.equal(data.memberships[0].role, 'expert');
  assert.equal(data.offers.length, 1);
  assert.equal(data.offerExperts[0].person_id, z.personId);
  assert.deepEqual(data.offerMessages.map((m: { body: string }) => m.body), ['My CV is attached.']);
  assert.deepEqual(data.consents.map((c: { action: string }) => c.action), ['given']);
  const cv = data.files.find((f: { kind: string }) => f.kind === 'cv');
  assert.equal(cv.label, 'cv-zelie.pdf');
  assert.deepEqual(zip[cv.path], PDF, 'her CV is in the archive');
  // Nobody else's personal data: not the broker's name, address or message.
  const broker = (await t.db.select().from(users).where(eq(users.id, z.cy.broker.id)))[0]!;
  for (const s of [broker.name, broker.email!, 'Thank you']) assert.ok(!json.includes(s), `${s} is not in the export`);
  const addresses = new Set(json.match(/[\w.+-]+@[\w-]+\.[\w.-]+/g));
  assert.deepEqual([...addresses].sort(), [z.email, z.proEmail].sort(), 'no e-mail address but hers');

  // Only in her session: another member, and no session, get 404 as for a missing id.
  const other = await asRole(t, []);
  assert.equal((await download(other.client, id)).status, 404);
  assert.equal((await download(t.client(), id)).status, 404);
  assert.equal((await download(me, '00000000-0000-4000-8000-000000000000')).status, 404);
  assert.equal((await download(me, 'not-an-id')).status, 404);
  assert.doesNotMatch((await other.client.get('/en/account/data')).body_, new RegExp(id), 'not listed to another member');

  // Seven days later the link is dead and it is no longer listed.
  // (Sessions end after 12 hours: she signs in again.)
  t.clock.advance(7 * 86400_000 - 60_000);
  const later = await signedInClient(t, z.actor);
  assert.equal((await download(me, id)).status, 404, 'the old session has ended, and the link with it');
  assert.equal((await download(later, id)).status, 200, 'still there just before 7 days');
  t.clock.advance(60_000);
  assert.equal((await download(later, id)).status, 404, 'expired after 7 days');
  assert.deepEqual(idIn((await later.get('/en/account/data')).body_), []);
});

test('routes by role: visitors are sent to sign in; every role reaches its own pages; the notice is public', async () => {
  const visitor = t.client();
  for (const [method, path] of [['GET', '/en/account/data'], ['POST', '/en/account/data'], ['GET', '/en/privacy/consent'], ['POST', '/en/privacy/consent'], ['POST', '/en/privacy/withdraw']] as const) {
    const res = await visitor.request(method, path);
    assert.equal(res.status, 303, `${method} ${path}`);
    assert.match(res.headers.get('location') ?? '', /\/sign-in\?next=/);
  }
  assert.equal((await t.db.select().from(dataExports)).length, 1, 'a visitor made no export');
  for (const l of ['en', 'fr', 'es', 'pt', 'ar']) {
    const res = await visitor.get(`/${l}/privacy`);
    assert.equal(res.status, 200);
    assert.match(res.body_, /2026-11-23/);
  }
  assert.match((await visitor.get('/ar/privacy')).body_, /dir="rtl"[\s\S]*إشعار الخصوصية[\s\S]*مدة 24 شهرًا/);
  assert.match((await visitor.get('/en/privacy')).body_, /no sign-in for 24 months is deleted[\s\S]*CVs are deleted 12 months after/, 'the notice states the periods in force');
  for (const roles of [[], ['broker'], ['committee'], ['coordinator'], ['admin']] as const) {
    const { client } = await asRole(t, [...roles]);
    assert.equal((await client.get('/en/account/data')).status, 200, `${roles} data page`);
    assert.equal((await client.get('/en/privacy')).status, 200);
    assert.equal((await client.get('/en/privacy/consent')).status, 200);
    const [anyExport] = await t.db.select().from(dataExports);
    assert.equal((await download(client, anyExport!.id)).status, 404, `${roles}: another person's export is 404`);
  }
});
