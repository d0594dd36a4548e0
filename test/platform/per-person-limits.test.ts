/**
 * Issue 18.8 (SECURITY.md 26): per-person limits on exchange messages, organisation creations, API
 * token creation and data exports. Counted from the person's rows in the database (so they hold
 * across processes, unlike the per-IP window): over the limit, 429 with Retry-After, the message in
 * the person's language; another person is not affected; the window passes on the injected clock.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../support/app.ts';
import { asRole, signedInClient } from '../support/users.ts';
import { createOrganisation } from '../support/organisations.ts';
import { RateLimitError } from '../../src/platform/errors.ts';
import { confirmedMatch, PLAN } from '../exchanges/fixtures.ts';
import { ctxOf } from '../requests/fixtures.ts';
import { i18n } from '../../src/platform/i18n.ts';
import { createApiToken } from '../../src/modules/accounts/accounts.service.ts';
import { API_TOKENS_PER_HOUR } from '../../src/modules/accounts/accounts.tokens.ts';
import { ORGANISATIONS_PER_HOUR } from '../../src/modules/organisations/organisations.service.ts';
import { EXPORTS_PER_DAY, EXPORT_REUSE_MS } from '../../src/modules/privacy/privacy.service.ts';
import { MESSAGES_PER_MINUTE } from '../../src/modules/exchanges/exchanges.page.service.ts';
import * as ex from '../../src/modules/exchanges/exchanges.service.ts';

let t: TestApp;
let dataDir: string;
before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'peerlink-limits-'));
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0', DATA_DIR: dataDir } });
});
after(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const retryAfter = (r: Response) => Number(r.headers.get('retry-after'));

test('organisation creations: ORGANISATIONS_PER_HOUR an hour, then 429 in the person’s language with Retry-After', async () => {
  const { user, client } = await asRole(t, []);
  const form = (i: number) => ({ name: `Limitville ${i}`, kind: 'municipality', country: 'NL' });
  for (let i = 0; i < ORGANISATIONS_PER_HOUR; i++) assert.equal((await client.post('/en/organisations', form(i))).status, 303, `creation ${i + 1}`);
  const over = await client.post('/fr/organisations', form(99));
  assert.equal(over.status, 429);
  assert.match(over.body_, /Trop de requêtes/);
  assert.ok(retryAfter(over) > 0 && retryAfter(over) <= 3600, `Retry-After ${over.headers.get('retry-after')}`);
  // Someone else may still create one; the first person again once the hour has passed.
  assert.equal((await (await asRole(t, [])).client.post('/en/organisations', form(100))).status, 303);
  t.clock.advance(retryAfter(over) * 1000);
  // (The session idled out meanwhile: a fresh one.)
  assert.equal((await (await signedInClient(t, user)).post('/en/organisations', form(101))).status, 303);
});

test('API tokens: API_TOKENS_PER_HOUR an hour, then 429 — on the page and through the service', async () => {
  const { user, client } = await asRole(t, [], { locale: 'es' });
  for (let i = 0; i < API_TOKENS_PER_HOUR; i++) assert.equal((await client.post('/es/account/tokens', { name: `t${i}` })).status, 200, `token ${i + 1}`);
  const over = await client.post('/es/account/tokens', { name: 'one more' });
  assert.equal(over.status, 429);
  assert.match(over.body_, /Demasiadas solicitudes/);
  assert.ok(retryAfter(over) > 0);
  await assert.rejects(createApiToken(ctxOf(t, { id: user.id, name: user.name, email: user.email, locale: 'es', roles: [], coordinatorRegions: [], hasTotp: false }), 'x'), (e) => e instanceof RateLimitError);
});

test('data exports: asking again within minutes gives the last one; more than EXPORTS_PER_DAY new ones a day answer 429', async () => {
  const { user, client: first } = await asRole(t, [], { locale: 'pt' });
  let client = first;
  for (let i = 0; i < EXPORTS_PER_DAY; i++) {
    assert.equal((await client.post('/pt/account/data')).status, 303, `export ${i + 1}`);
    assert.equal((await client.post('/pt/account/data')).status, 303, 'the same one again: not counted');
    t.clock.advance(EXPORT_REUSE_MS + 1000);
    client = await signedInClient(t, user);
  }
  const over = await client.post('/pt/account/data');
  assert.equal(over.status, 429);
  assert.match(over.body_, /Demasiados pedidos/);
  const wait = retryAfter(over);
  assert.ok(wait > 23 * 3600 && wait <= 24 * 3600, `Retry-After ${wait}`);
  t.clock.advance(wait * 1000);
  assert.equal((await (await signedInClient(t, user)).post('/pt/account/data')).status, 303);
});

test('exchange messages: MESSAGES_PER_MINUTE a minute over all exchanges (here through the API)', async () => {
  const m = await confirmedMatch(t);
  const planned = await ex.planExchange(ctxOf(t, m.broker), m.matchId, { ...PLAN }, i18n().translator('en'));
  assert.ok(planned.ok);
  const token = (await createApiToken(ctxOf(t, m.requester), 'script')).token;
  const host = t.client();
  const api = (body: string) => host.request('POST', `/api/v1/exchanges/${planned.id}/messages`, { json: { body }, headers: { Authorization: `Bearer ${token}` } });
  for (let i = 0; i < MESSAGES_PER_MINUTE; i++) assert.equal((await api(`message ${i}`)).status, 201, `message ${i + 1}`);
  const over = await api('one too many');
  assert.equal(over.status, 429);
  assert.equal((JSON.parse(over.body_) as { error: { code: string } }).error.code, 'rate_limited');
  assert.ok(retryAfter(over) > 0 && retryAfter(over) <= 60);
  t.clock.advance(61_000);
  assert.equal((await api('after a minute')).status, 201);
});

test('a new organisation a member created is marked "not verified" in the directory and left out of the public export until verified (imported ones stay)', async () => {
  const { client } = await asRole(t, []);
  const made = await client.post('/en/organisations', { name: 'Freshly Made Town', kind: 'municipality', country: 'BE' });
  assert.equal(made.status, 303);
  const id = made.headers.get('location')!.split('/').pop()!;
  // What the directory does today stays: it is listed (its creator finds it), marked.
  const dir = await t.client().get('/en/organisations?q=Freshly');
  const card = /<li class="card">(?:(?!<\/li>)[\s\S])*Freshly Made Town[\s\S]*?<\/li>/.exec(dir.body_)?.[0] ?? '';
  assert.match(card, /Not yet verified by the secretariat/);
  assert.match((await t.client().get('/fr/organisations?q=Freshly')).body_, /Pas encore vérifiée par le secrétariat/);
  // An imported organisation (no creator, not verified) is in the export as before; the new one is not, for visitors and members.
  await createOrganisation(t, { name: 'Imported Old Town', country: 'BE' });
  for (const c of [t.client(), client]) {
    const csv = (await c.get('/en/organisations/export.csv')).body_;
    assert.ok(!csv.includes('Freshly Made Town'), 'not in the public export');
    assert.ok(csv.includes('Imported Old Town'), 'imported organisations stay');
  }
  const staff = (await asRole(t, ['admin'])).client;
  assert.ok((await staff.get('/en/organisations/export.csv')).body_.includes('Freshly Made Town'), 'the staff export has everything');
  // Verified: in the export, no longer marked.
  assert.equal((await staff.post(`/en/organisations/${id}/verify`, { verified: 'true' })).status, 303);
  assert.ok((await t.client().get('/en/organisations/export.csv')).body_.includes('Freshly Made Town'));
  const after = await t.client().get('/en/organisations?q=Freshly');
  const card2 = /<li class="card">(?:(?!<\/li>)[\s\S])*Freshly Made Town[\s\S]*?<\/li>/.exec(after.body_)?.[0] ?? '';
  assert.doesNotMatch(card2, /Not yet verified/);
  assert.match(card2, /Verified/);
});
