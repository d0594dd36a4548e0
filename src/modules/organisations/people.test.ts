import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { asRole } from '../../../test/support/users.ts';
import { people } from '../../db/schema/organisations.ts';
import { apiTokens } from '../../db/schema/accounts.ts';
import { createApiToken } from '../accounts/accounts.tokens.ts';
import { createOrganisation, addMembership, createPerson } from '../../../test/support/organisations.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const SECRET_EMAIL = 'hidden.person@private.example';
const SECRET_PHONE = '+32 470 99 88 77';

test('a member creates and edits their own profile at /people/me; extra fields are ignored', async () => {
  const { user, client } = await asRole(t, [], { name: 'Awa Diop' });
  const form = await client.get('/people/me');
  assert.equal(form.status, 200);
  assert.match(form.body_, /value="Awa Diop"/, 'prefilled from the account');
  const res = await client.post('/people/me', {
    name: 'Awa Diop',
    position: 'Chef du service de l’état civil',
    jobFunction: 'registrar',
    languages: ['fr', 'wo'],
    expertise: 'Digitisation of birth registers',
    themes: ['civil_registration'],
    availability: 'Two weeks a year',
    email: 'awa@example.org',
    phone: '+221 77 000 00 00',
    visibility: 'public',
    showEmail: 'on',
    userId: '00000000-0000-0000-0000-000000000000',
    role: 'admin',
  });
  assert.equal(res.status, 303);
  const [p] = await t.db.select().from(people).where(eq(people.userId, user.id));
  assert.equal(p!.jobFunction, 'registrar');
  assert.deepEqual(p!.languages, ['fr', 'wo']);
  assert.equal(p!.visibility, 'public');
  assert.equal(p!.showEmail, true);
  assert.equal(p!.showPhone, false);
  const again = await client.post('/people/me', { name: 'Awa Diop', position: 'Head of civil registry' });
  assert.equal(again.status, 303);
  const all = await t.db.select().from(people).where(eq(people.userId, user.id));
  assert.equal(all.length, 1, 'one profile per account');
  assert.equal(all[0]!.position, 'Head of civil registry');
  assert.equal(all[0]!.showEmail, false, 'an unticked box turns the choice off');
  const bad = await client.post('/people/me', { name: '', jobFunction: 'astronaut', phone: 'call me' });
  assert.equal(bad.status, 400);
  assert.match(bad.body_, /id="e-name"/);
  assert.match(bad.body_, /id="e-jobFunction"/);
  assert.match(bad.body_, /id="e-phone"/);
});

test('a visitor asking for /people is sent to sign in and back', async () => {
  const res = await t.client().get('/fr/people?theme=sanitation');
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/fr/sign-in?next=%2Fpeople%3Ftheme%3Dsanitation');
  const api = await t.client().get('/api/v1/people');
  assert.equal(api.status, 401);
});

test('another person’s hidden e-mail and phone never appear in HTML or JSON; staff see them', async () => {
  const owner = await asRole(t, [], { name: 'Hidden Owner' });
  const orgId = await createOrganisation(t, { name: 'Mechelen', country: 'BE' });
  await addMembership(t, orgId, owner.user.id, 'expert');
  const id = await createPerson(t, { userId: owner.user.id, name: 'Hidden Owner', email: SECRET_EMAIL, phone: SECRET_PHONE, visibility: 'members', showEmail: false, showPhone: false, themes: ['integration_of_newcomers'] });
  const member = await asRole(t);
  const html = await member.client.get(`/people/${id}`);
  assert.equal(html.status, 200);
  assert.match(html.body_, /Hidden Owner/);
  assert.match(html.body_, /Mechelen/, 'organisation shown from memberships');
  assert.ok(!html.body_.includes(SECRET_EMAIL) && !html.body_.includes(SECRET_PHONE));
  const list = await member.client.get('/people?q=hidden');
  assert.match(list.body_, /Hidden Owner/);
  assert.ok(!list.body_.includes(SECRET_EMAIL) && !list.body_.includes(SECRET_PHONE));
  const json = await member.client.get(`/api/v1/people/${id}`);
  assert.ok(!json.body_.includes(SECRET_EMAIL) && !json.body_.includes(SECRET_PHONE));
  assert.equal(JSON.parse(json.body_).email, null);
  const jsonList = await member.client.get('/api/v1/people?q=hidden');
  assert.ok(!jsonList.body_.includes(SECRET_EMAIL) && !jsonList.body_.includes(SECRET_PHONE));
  for (const role of ['committee', 'coordinator'] as const) {
    const other = await asRole(t, [role]);
    assert.ok(!(await other.client.get(`/people/${id}`)).body_.includes(SECRET_EMAIL), `${role} does not see it`);
  }
  for (const role of ['broker', 'admin'] as const) {
    const staff = await asRole(t, [role]);
    const seen = await staff.client.get(`/people/${id}`);
    assert.ok(seen.body_.includes(SECRET_EMAIL) && seen.body_.includes(SECRET_PHONE), `${role} sees it`);
  }
  const mine = await owner.client.get(`/people/${id}`);
  assert.ok(mine.body_.includes(SECRET_EMAIL), 'the owner sees their own');
});

test('shown contact details reach members but never visitors', async () => {
  const id = await createPerson(t, { name: 'Open Person', email: 'open@example.org', phone: '+1 555 0100', visibility: 'public', showEmail: true, showPhone: false });
  const member = await asRole(t);
  const seen = await member.client.get(`/people/${id}`);
  assert.ok(seen.body_.includes('open@example.org'));
  assert.ok(!seen.body_.includes('+1 555 0100'));
  const visitor = await t.client().get(`/people/${id}`);
  assert.equal(visitor.status, 200, 'a public profile is visible to visitors');
  assert.ok(!visitor.body_.includes('open@example.org'));
});

test('a members-only profile answers 404 to a visitor, the same as a missing one', async () => {
  const id = await createPerson(t, { name: 'Members Only', visibility: 'members' });
  const hidden = await t.client().get(`/people/${id}`);
  const missing = await t.client().get('/people/00000000-0000-4000-8000-000000000000');
  assert.equal(hidden.status, 404);
  assert.equal(missing.status, 404);
  const strip = (s: string) => s.replace(/\/people\/[0-9a-f-]{36}/g, '');
  assert.equal(strip(hidden.body_), strip(missing.body_));
  assert.equal((await t.client().get(`/api/v1/people/${id}`)).status, 404);
});

test('people search filters by country, theme, language and job function', async () => {
  const orgId = await createOrganisation(t, { name: 'Ebolowa', country: 'CM' });
  await createPerson(t, { name: 'Zoé Filter', organisationId: orgId, themes: ['agriculture'], languages: ['fr'], jobFunction: 'agriculture_officer', expertise: 'cocoa cooperatives' });
  const { client } = await asRole(t);
  const get = async (q: string) => JSON.parse((await client.get(`/api/v1/people?${q}`)).body_).items.map((p: { name: string }) => p.name);
  assert.deepEqual(await get('country=CM'), ['Zoé Filter']);
  assert.deepEqual(await get('theme=agriculture&language=fr'), ['Zoé Filter']);
  assert.deepEqual(await get('function=agriculture_officer'), ['Zoé Filter']);
  assert.deepEqual(await get('q=cocoa'), ['Zoé Filter']);
  assert.deepEqual(await get('q=coco'), ['Zoé Filter']);
  assert.deepEqual(await get('country=CM&function=registrar'), []);
  const html = await client.get('/ar/people?country=CM');
  assert.match(html.body_, /dir="rtl"/);
  assert.match(html.body_, /الكاميرون/);
});

test('API: bearer token auth, create and patch an organisation, patch own profile, validation errors per field', async () => {
  const { user } = await asRole(t, [], { name: 'Script Owner' });
  const ctx = { db: t.db, actor: { id: user.id, name: user.name, email: user.email, locale: 'en' as const, roles: [], coordinatorRegions: [], hasTotp: false }, locale: 'en' as const, now: t.clock.now() };
  const { token } = await createApiToken(ctx, 'script');
  const bearer = { Authorization: `Bearer ${token}` };
  const c = t.client();
  const bad = await c.request('POST', '/api/v1/organisations', { json: { name: '', kind: 'castle', country: 'XX', role: 'admin' }, headers: { ...bearer, Origin: 'https://evil.example' } });
  assert.equal(bad.status, 400);
  const err = JSON.parse(bad.body_).error;
  assert.equal(err.code, 'invalid_input');
  assert.deepEqual(Object.keys(err.fields).sort(), ['country', 'kind', 'name']);
  assert.equal(err.fields.name, 'This field is required.');
  const created = await c.request('POST', '/api/v1/organisations', { json: { name: 'Tarragona', kind: 'municipality', country: 'ES', themes: ['heritage'], verifiedAt: '2020-01-01' }, headers: bearer });
  assert.equal(created.status, 201);
  const org = JSON.parse(created.body_);
  assert.equal(org.region, 'europe');
  assert.equal(org.isVerified, false);
  assert.equal(org.abilities.edit, true);
  const patched = await c.request('PATCH', `/api/v1/organisations/${org.id}`, { json: { population: 140000 }, headers: bearer });
  assert.equal(patched.status, 200);
  const p = JSON.parse(patched.body_);
  assert.equal(p.population, 140000);
  assert.equal(p.name, 'Tarragona', 'fields not given stay');
  assert.deepEqual(p.themes, ['heritage']);
  // Someone else's token cannot patch it.
  const other = await asRole(t);
  const otherToken = (await createApiToken({ ...ctx, actor: { ...ctx.actor, id: other.user.id } }, 'x')).token;
  const denied = await c.request('PATCH', `/api/v1/organisations/${org.id}`, { json: { name: 'Hijacked' }, headers: { Authorization: `Bearer ${otherToken}` } });
  assert.equal(denied.status, 403);
  const me = await c.request('PATCH', '/api/v1/people/me', { json: { position: 'Heritage officer', languages: ['es', 'ca'], showPhone: true, userId: other.user.id }, headers: bearer });
  assert.equal(me.status, 200);
  const prof = JSON.parse(me.body_);
  assert.equal(prof.name, 'Script Owner');
  assert.equal(prof.position, 'Heritage officer');
  const [row] = await t.db.select().from(people).where(eq(people.userId, user.id));
  assert.equal(row!.organisationId, org.id, 'the first organisation becomes the profile’s');
  const wrong = await c.request('GET', '/api/v1/people', { headers: { Authorization: 'Bearer plk_wrong' } });
  assert.equal(wrong.status, 401);
  await t.db.update(apiTokens).set({ revokedAt: t.clock.now() });
  assert.equal((await c.request('GET', '/api/v1/people', { headers: bearer })).status, 401, 'a revoked token stops working');
});

test('the OpenAPI document describes the API paths', async () => {
  const res = await t.client().get('/api/v1/openapi.json');
  assert.equal(res.status, 200);
  const doc = JSON.parse(res.body_);
  assert.equal(doc.openapi, '3.1.0');
  for (const p of ['/organisations', '/organisations/{id}', '/people', '/people/{id}', '/people/me']) assert.ok(doc.paths[p], p);
  assert.ok(doc.paths['/organisations'].post && doc.paths['/organisations/{id}'].patch && doc.paths['/people/me'].patch);
  assert.ok(doc.paths['/organisations'].post.requestBody.content['application/json'].schema.properties.themes.items.enum.includes('waste_management'));
});

test('a ranked people search counts its matches in the same pass: exact below the cap, the cap + 1 above it, a page past the end', async () => {
  const { COUNT_CAP } = await import('./organisations.repository.ts');
  const orgId = await createOrganisation(t, { name: 'Counting Town', country: 'GH' });
  const now = t.clock.now();
  const row = (i: number, word: string) => ({ id: crypto.randomUUID(), organisationId: orgId, name: `Count ${word} ${String(i).padStart(4, '0')}`, position: 'officer', expertise: `The ${word} desk, street ${i}.`, languages: ['en'], themes: [], createdAt: now, updatedAt: now });
  await t.db.insert(people).values([...Array.from({ length: 45 }, (_, i) => row(i, 'Quillwort')), ...Array.from({ length: COUNT_CAP + 20 }, (_, i) => row(i, 'Marshwort'))]);
  const { client } = await asRole(t);
  const get = async (q: string) => JSON.parse((await client.get(`/api/v1/people?${q}`)).body_) as { total: number; items: unknown[]; isTotalCapped: boolean };
  for (const page of ['1', '2', '3']) {
    const found = await get(`q=quillwort&sort=relevance&page=${page}`);
    assert.equal(found.total, 45, `page ${page}`);
    assert.equal(found.items.length, page === '3' ? 5 : 20);
  }
  const capped = await get('q=marshwort&sort=relevance&page=2');
  assert.equal(capped.total, COUNT_CAP + 1, 'more than the cap: the cap + 1 ("1,000+")');
  assert.ok(capped.isTotalCapped);
  assert.equal((await get('q=marshwort&sort=name')).total, COUNT_CAP + 1, 'the name order counts the same');
  assert.equal((await get('q=quillwort&sort=relevance&page=9')).total, 45, 'a page past the end still says how many there are');
});
