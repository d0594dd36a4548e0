/**
 * The editor's actions through the API: create a draft, edit it, publish and unpublish — the same
 * permissions as the pages (visitors 401, a non-editor or another association 404), invalid input
 * 400 with a message per field in the caller's language, an incomplete case refused with what is
 * missing.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { asRole } from '../../../test/support/users.ts';
import type { TestClient } from '../../../test/support/app.ts';
import { organisations, memberships } from '../../db/schema/organisations.ts';
import { i18n } from '../../platform/i18n.ts';
import { createApiToken } from '../accounts/accounts.service.ts';

let t: TestApp;
let editor: TestClient;
let otherEditor: TestClient;
let municipalAdmin: TestClient;

const complete = {
  lang: 'en',
  title: 'Market fees collected by phone',
  summary: 'A town moved market fee collection to mobile payments.',
  problem: 'Cash collection leaked revenue.',
  solution: 'Mobile payments with receipts by text message.',
  results: 'Revenue up by a third.',
  approach: 'short_term_expertise_exchange',
  themes: ['local_taxation'],
  sdgs: [16],
  partnerName: ['Dogbo'],
  partnerCountry: ['BJ'],
};

let editorToken = '';

async function adminOf(kind: 'association' | 'municipality', locale = 'en'): Promise<TestClient> {
  const now = t.clock.now();
  const orgId = randomUUID();
  await t.db.insert(organisations).values({ id: orgId, name: `${kind} ${orgId.slice(0, 4)}`, kind, country: 'BE', region: 'europe', createdAt: now, updatedAt: now });
  const r = await asRole(t, [], { locale });
  await t.db.insert(memberships).values({ id: randomUUID(), organisationId: orgId, userId: r.user.id, role: 'org_admin', status: 'active', origin: 'creation', createdAt: now });
  if (locale === 'fr') editorToken = (await createApiToken({ db: t.db, actor: { id: r.user.id, name: r.user.name, email: r.user.email, locale: 'fr', roles: [], coordinatorRegions: [], hasTotp: false }, locale: 'fr', now }, 'script')).token;
  return r.client;
}

const json = async (c: TestClient, method: string, path: string, body?: unknown) => {
  const res = await c.request(method, path, body === undefined ? {} : { json: body });
  return { status: res.status, body: res.body_ ? JSON.parse(res.body_) : null, location: res.headers.get('Location') };
};

before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  editor = await adminOf('association', 'fr');
  otherEditor = await adminOf('association');
  municipalAdmin = await adminOf('municipality');
});
after(() => t.close());

test('creating a good practice: visitors 401, a municipality’s admin 404, invalid input 400 with messages per field in the caller’s language', async () => {
  assert.equal((await json(t.client(), 'POST', '/api/v1/good-practices', complete)).status, 401);
  assert.equal((await json(municipalAdmin, 'POST', '/api/v1/good-practices', complete)).status, 404);
  const bad = await json(editor, 'POST', '/api/v1/good-practices', { ...complete, title: '', themes: ['no_such_theme'], lang: 'xx' });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.code, 'invalid_input');
  const fr = i18n().translator('fr');
  assert.equal(bad.body.error.fields.title, fr('platform.form.required'));
  assert.equal(bad.body.error.fields.themes, fr('platform.form.choice'));
  assert.equal(bad.body.error.fields.lang, fr('platform.form.choice'));
  assert.notEqual(fr('platform.form.required'), i18n().translator('en')('platform.form.required'));
  // With a personal access token too, the messages are in the account's language.
  const viaToken = await t.client().request('POST', '/api/v1/good-practices', { json: { ...complete, title: '' }, headers: { Authorization: `Bearer ${editorToken}` } });
  assert.equal(viaToken.status, 400);
  assert.equal(JSON.parse(viaToken.body_).error.fields.title, fr('platform.form.required'));
  // Nothing was stored.
  assert.equal((await json(editor, 'GET', '/api/v1/good-practices?q=Market')).body.total, 0);
});

test('an editor creates a draft (the exchange link is not the caller’s), edits it, publishes it when complete, unpublishes it', async () => {
  const created = await json(editor, 'POST', '/api/v1/good-practices', { ...complete, results: '', exchangeId: randomUUID(), state: 'published' });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const id = created.body.id as string;
  assert.equal(created.location, `/api/v1/good-practices/${id}`);
  assert.equal(created.body.state, 'draft');
  assert.equal(created.body.exchangeId, null);
  assert.equal(created.body.title.text, complete.title);
  assert.deepEqual(created.body.themes, ['local_taxation']);
  assert.equal(created.body.abilities, undefined, 'editor-only parts stay out of the API');

  // A draft is its editors' only.
  assert.equal((await json(t.client(), 'GET', `/api/v1/good-practices/${id}`)).status, 404);
  assert.equal((await json(otherEditor, 'PUT', `/api/v1/good-practices/${id}`, complete)).status, 404);
  assert.equal((await json(otherEditor, 'POST', `/api/v1/good-practices/${id}/publish`)).status, 404);
  assert.equal((await json(editor, 'PUT', `/api/v1/good-practices/${randomUUID()}`, complete)).status, 404);

  // Incomplete: refused with what is missing; still a draft.
  const incomplete = await json(editor, 'POST', `/api/v1/good-practices/${id}/publish`);
  assert.equal(incomplete.status, 409);
  assert.equal(incomplete.body.error.code, 'incomplete');
  assert.deepEqual(incomplete.body.error.missing, ['results']);

  // An invalid edit changes nothing; a valid one replaces the fields.
  const invalid = await json(editor, 'PUT', `/api/v1/good-practices/${id}`, { ...complete, summary: 'x'.repeat(1501) });
  assert.equal(invalid.status, 400);
  // The message names the limit (issue 16.5).
  assert.equal(invalid.body.error.fields.summary, i18n().translator('fr')('platform.form.tooLong', { max: 1500, length: 1501 }));
  assert.match(invalid.body.error.fields.summary, /au plus 1\s500 caractères/);
  const edited = await json(editor, 'PUT', `/api/v1/good-practices/${id}`, { ...complete, title: 'Market fees paid by phone' });
  assert.equal(edited.status, 200);
  assert.equal(edited.body.title.text, 'Market fees paid by phone');
  assert.equal(edited.body.texts.results.text, complete.results);

  const published = await json(editor, 'POST', `/api/v1/good-practices/${id}/publish`);
  assert.equal(published.status, 200);
  assert.deepEqual(published.body, { ok: true });
  assert.equal((await json(t.client(), 'GET', `/api/v1/good-practices/${id}`)).body.state, 'published');
  assert.equal((await json(editor, 'POST', `/api/v1/good-practices/${id}/publish`)).body.error.code, 'already_published');

  assert.equal((await json(municipalAdmin, 'POST', `/api/v1/good-practices/${id}/unpublish`)).status, 404);
  assert.equal((await json(editor, 'POST', `/api/v1/good-practices/${id}/unpublish`)).status, 200);
  assert.equal((await json(t.client(), 'GET', `/api/v1/good-practices/${id}`)).status, 404);
  assert.equal((await json(editor, 'POST', `/api/v1/good-practices/${id}/unpublish`)).body.error.code, 'not_published');
});

test('an edit in another language through the API is stored as a human translation', async () => {
  const { body } = await json(editor, 'POST', '/api/v1/good-practices', complete);
  const es = await json(editor, 'PUT', `/api/v1/good-practices/${body.id}`, { ...complete, lang: 'es', title: 'Tasas de mercado cobradas por teléfono' });
  assert.equal(es.status, 200);
  assert.equal(es.body.title.text, 'Tasas de mercado cobradas por teléfono');
  assert.equal(es.body.translations.es, 'human');
  assert.equal(es.body.originalLanguage, 'en');
});
