import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../support/app.ts';
import { asRole } from '../support/users.ts';
import { organisations } from '../../src/db/schema/organisations.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ env: { PAGE_CACHE_SECONDS: '5' } });
});
after(() => t.close());

async function addOrg(name: string) {
  const now = t.clock.now();
  await t.db.insert(organisations).values({ id: randomUUID(), name, country: 'GH', region: 'ssa', createdAt: now, updatedAt: now });
}

test('visitors’ directory pages are served from a short cache, per language, and expire', async () => {
  await addOrg('Agona West');
  const v = t.client();
  const first = await v.get('/en/organisations');
  assert.match(first.body_, /Agona West/);
  await addOrg('Effutu');
  const cached = await v.get('/en/organisations');
  assert.doesNotMatch(cached.body_, /Effutu/, 'within the TTL the cached page is served');
  assert.match(cached.headers.get('content-security-policy') ?? '', /nonce-/, 'security headers are still set on a cached page');
  const fr = await v.get('/fr/organisations');
  assert.match(fr.body_, /lang="fr"/);
  assert.match(fr.body_, /Effutu/, 'another language is another entry');
  t.clock.advance(6_000);
  assert.match((await v.get('/en/organisations')).body_, /Effutu/, 'after the TTL the page is fresh');
});

test('signed-in people never get the cache, and a write in this process clears it', async () => {
  const v = t.client();
  await v.get('/en/organisations');
  await addOrg('Winneba');
  const { client } = await asRole(t);
  const mine = await client.get('/en/organisations');
  assert.match(mine.body_, /Winneba/, 'a signed-in reader sees the database');
  assert.doesNotMatch(mine.body_, /Sign in</, 'and their own navigation');
  assert.doesNotMatch((await v.get('/en/organisations')).body_, /Winneba/);
  await client.post('/en/sign-out');
  assert.match((await v.get('/en/organisations')).body_, /Winneba/, 'the POST cleared the cache');
});

test('a browser asking for gzip fills and reads the cache too', async () => {
  await addOrg('Cape Coast');
  t.clock.advance(6_000);
  const v = t.client();
  const gz = { 'Accept-Encoding': 'gzip' };
  const first = await v.get('/en/organisations', gz);
  assert.equal(first.headers.get('content-encoding'), 'gzip');
  await addOrg('Elmina');
  const second = await v.get('/en/organisations', gz);
  assert.equal(second.headers.get('content-encoding'), 'gzip');
  const plain = await v.get('/en/organisations');
  assert.match(plain.body_, /Cape Coast/);
  assert.doesNotMatch(plain.body_, /Elmina/, 'served from the entry the gzip request filled');
});
