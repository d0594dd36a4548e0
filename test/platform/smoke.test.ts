import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

test('the front page renders in the language of the path', async () => {
  const res = await t.client().get('/fr');
  assert.equal(res.status, 200);
  assert.match(res.body_, /<html lang="fr" dir="ltr">/);
  assert.match(res.body_, /Des collectivités/);
});

test('healthz answers when the database does', async () => {
  const res = await t.client().get('/healthz');
  assert.equal(res.status, 200);
  assert.deepEqual(JSON.parse(res.body_), { status: 'ok' });
});
