/**
 * Issue 18.4: NUL and other control characters are refused at the edge with a 400 that names the
 * field, in the person's language — in a query (page and API), a form (register, a signed-in
 * member's organisation form) and a JSON body — and nothing is written; tabs and line breaks pass.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { createTestApp } from '../../test/support/app.ts';
import { rows } from './db.ts';
import { CONTROL_CHARS, controlCharFields, controlCharPaths } from './input-guard.ts';

const count = async (t: Awaited<ReturnType<typeof createTestApp>>, table: string) =>
  (await rows<{ n: number }>(t.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;

test('a NUL in a query, a form or a JSON body is a 400 naming the field, in the reader’s language, and writes nothing', async () => {
  const t = await createTestApp();
  try {
    const page = await t.client().get('/fr/organisations?q=d%C3%A9chets%00');
    assert.equal(page.status, 400);
    assert.match(page.body_, /Champ «\u202fq\u202f»/);
    assert.match(page.body_, /caractère non autorisé/);
    assert.match(page.headers.get('Content-Security-Policy') ?? '', /default-src/);

    const api = await t.client().get('/api/v1/organisations?q=%00');
    assert.equal(api.status, 400);
    const body = JSON.parse(api.body_) as { error: { code: string; fields: Record<string, string> } };
    assert.equal(body.error.code, 'invalid_characters');
    assert.ok(body.error.fields.q);

    const users = await count(t, 'users');
    const reg = await t.client().post('/ar/register', { name: 'Ama\u0000Mensah', email: 'ama@example.org', password: 'correct-horse-battery-staple-9', locale: 'ar' });
    assert.equal(reg.status, 400);
    assert.match(reg.body_, /<html lang="ar" dir="rtl"/);
    assert.match(reg.body_, /«[\s\u2068]*name[\s\u2069]*»/);
    assert.equal(await count(t, 'users'), users, 'no account was written');

    const ok = await t.client().get('/en/organisations?q=waste%09water');
    assert.equal(ok.status, 200, 'a tab is text');
  } finally {
    await t.close();
  }
});

test('the detectors find every disallowed control character wherever it is, and only those', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 10 }), (value, key) => {
      const bad = CONTROL_CHARS.test(value) || CONTROL_CHARS.test(key);
      assert.equal(Object.keys(controlCharFields([[key, value]])).length > 0, bad);
      assert.equal(Object.keys(controlCharPaths({ a: [{ [key]: value }] })).length > 0, bad);
    }),
    { seed: 18, numRuns: 500 },
  );
  assert.deepEqual(controlCharFields([['note', 'line one\r\nline two\tend']]), {});
  assert.deepEqual(controlCharPaths({ people: [{ name: 'x\u0000' }] }), { 'people.0.name': 'platform.form.controlChars' });
});
