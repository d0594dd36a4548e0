/**
 * Issue 18.5, the rest: input that used to answer 500. An invalid `language` filter (Intl.DisplayNames
 * throws a RangeError on what is not a language tag) and a malformed multipart body on any form get
 * the platform's 400 page (or the filter is ignored), with the security headers, in the person's language.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, ORIGIN, type TestApp } from '../support/app.ts';
import { asRole } from '../support/users.ts';
import { languageName } from '../../src/taxonomy/languages.ts';
import { LOCALES } from '../../src/platform/i18n.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
});
after(() => t.close());

const BAD_LANGUAGES = ['xx-!!', 'x y', '-', 'en-', '!!', 'a'.repeat(300), 'en_GB', '\u00e9', 'root', 'und-x'];

test('an invalid language on the good practices (page and API) is a 400 or ignored, never a 500, in every language', async () => {
  for (const l of LOCALES)
    for (const bad of BAD_LANGUAGES) {
      const res = await t.client().get(`/${l}/good-practices?language=${encodeURIComponent(bad)}`);
      assert.ok(res.status === 400 || res.status === 200, `${l} ${JSON.stringify(bad)}: ${res.status}`);
      assert.match(res.headers.get('content-security-policy') ?? '', /default-src/);
      assert.match(res.body_, new RegExp(`<html lang="${l}"`));
    }
  for (const bad of BAD_LANGUAGES) assert.equal((await t.client().get(`/api/v1/good-practices?language=${encodeURIComponent(bad)}`)).status, 400, bad);
  // The namer itself never throws: a code it does not know is shown as it is.
  for (const bad of BAD_LANGUAGES) for (const l of LOCALES) assert.equal(typeof languageName(bad, l), 'string');
  assert.equal(languageName('fr', 'en'), 'French');
});

const BROKEN: Array<[string, string]> = [
  ['multipart/form-data; boundary=XYZ', '--XYZ\r\nContent-Disposition: form-data; name="a"\r\n\r\nnever closed'],
  ['multipart/form-data', 'no boundary at all'],
  ['multipart/form-data; boundary=XYZ', 'not a part'],
  ['multipart/form-data; boundary=XYZ', '--XYZ\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--XYZ--\r\n'],
];

test('a malformed multipart body on a form answers the platform’s 400 page, with its headers', async () => {
  const { client } = await asRole(t, []);
  for (const path of ['/fr/register', '/fr/sign-in', '/fr/password/forgot', '/fr/account/settings', '/fr/privacy/consent', '/fr/reports', '/fr/organisations'])
    for (const [ct, body] of BROKEN) {
      const res = await t.app.request(`${ORIGIN}${path}`, { method: 'POST', headers: { 'Content-Type': ct, Origin: ORIGIN, Cookie: client.cookieHeader(), 'X-Forwarded-For': '10.77.0.1' }, body });
      const text = await res.text();
      assert.ok(res.status === 400 || res.status === 404, `${path} ${JSON.stringify(body)}: ${res.status}`);
      if (res.status === 400) {
        assert.match(text, /<html lang="fr"/);
        assert.match(text, /Le formulaire n’a pas pu être lu/, 'the platform’s message, in French');
      }
      assert.match(res.headers.get('content-security-policy') ?? '', /default-src/);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    }
});

test('an API list without filters answers 400 invalid_query to an unknown key, naming it, in the caller’s language', async () => {
  const { client } = await asRole(t, []);
  for (const path of ['/api/v1/requests', '/api/v1/exchanges', '/api/v1/networks', '/api/v1/programmes']) {
    assert.equal((await client.get(path)).status, 200, path);
    const res = await client.get(`${path}?sort=x`);
    assert.equal(res.status, 400, `${path}?sort=x`);
    const body = JSON.parse(res.body_) as { error: { code: string; fields: Record<string, string> } };
    assert.equal(body.error.code, 'invalid_query');
    assert.equal(body.error.fields.sort, 'This filter is not known.');
  }
  client.cookies.set('lang', 'fr');
  const fr = await client.get('/api/v1/requests?ordre=x');
  assert.equal((JSON.parse(fr.body_) as { error: { fields: Record<string, string> } }).error.fields.ordre, 'Ce filtre n’existe pas.');
  // Lists that do take a query still answer their own way.
  assert.equal((await client.get('/api/v1/organisations?sort=name')).status, 200);
  assert.equal((await client.get('/api/v1/organisations?sort=x')).status, 400);
});

test('a control character in the path (NUL as %00, or %2500 decoded twice) names no page: 404 at the edge, never a 500, whoever asks (found by the fuzz step)', async () => {
  const member = await asRole(t, []);
  const broker = await asRole(t, ['broker']);
  const admin = await asRole(t, ['admin']);
  const cases: [typeof member.client, 'get' | 'post', string][] = [
    [t.client(), 'post', '/en/admin/users/%00/roles'],
    [t.client(), 'post', '/ar/admin/users/%2500/roles'],
    [member.client, 'post', '/fr/admin/users/%00/roles'],
    [broker.client, 'post', '/fr/programmes/%2500/news'],
    [broker.client, 'post', '/en/programmes/%00/news'],
    [t.client(), 'get', '/fr/cooperation-approaches/%00'],
    [admin.client, 'get', '/ar/cooperation-approaches/%2500'],
    [t.client(), 'get', '/en/organisations/%01'],
  ];
  for (const [client, method, path] of cases) {
    const res = method === 'get' ? await client.get(path) : await client.post(path, { roles: 'admin', title: 'x' });
    assert.equal(res.status, 404, path);
  }
});

test('a repeated or unknown language on the funding form is the page’s own language, not a 500 (found by the fuzz step)', async () => {
  const admin = await asRole(t, ['admin']);
  const res = await admin.client.post('/en/funding', { lang: ['fr', 'es'], name: '' });
  assert.equal(res.status, 400);
  assert.equal((await admin.client.post('/fr/funding', { lang: 'xx', name: '' })).status, 400);
  assert.equal(languageName(['fr', 'es'] as unknown as string, 'en'), 'Fr,es', 'a non-string is named as text, never a crash');
});
