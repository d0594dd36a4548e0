/**
 * A path that cannot be percent-decoded (`/%E0%A4%A`) is the platform's 400 page, through every
 * middleware (security headers, rate limit, language), not a bare 500 (issue 18, SECURITY.md 29).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from '../support/app.ts';

test('a malformed percent-encoded path answers the 400 page with the security headers, in the language of its prefix', async () => {
  const t = await createTestApp();
  try {
    for (const [path, lang] of [
      ['/%E0%A4%A', 'en'],
      ['/fr/organisations/%E0%A4%A', 'fr'],
      ['/ar/%C0', 'ar'],
    ] as const) {
      const res = await t.client().get(path);
      assert.equal(res.status, 400, path);
      assert.match(res.headers.get('Content-Security-Policy') ?? '', /default-src/, path);
      assert.equal(res.headers.get('X-Content-Type-Options'), 'nosniff', path);
      assert.match(res.body_, new RegExp(`<html lang="${lang}"`), path);
      assert.doesNotMatch(res.body_, /URIError|at \w+ \(/, path);
    }
    const api = await t.client().get('/api/v1/organisations/%E0%A4%A');
    assert.equal(api.status, 400);
    assert.equal((JSON.parse(api.body_) as { error: { code: string } }).error.code, 'bad_path');
  } finally {
    await t.close();
  }
});

test('/healthz carries the same security headers as every page (issue 18.11)', async () => {
  const t = await createTestApp();
  try {
    const res = await t.client().get('/healthz');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('X-Content-Type-Options'), 'nosniff');
    assert.equal(res.headers.get('X-Frame-Options'), 'DENY');
    assert.equal(res.headers.get('Referrer-Policy'), 'same-origin');
  } finally {
    await t.close();
  }
});
