import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { eq, and, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { asRole } from '../../../test/support/users.ts';
import { organisations, memberships } from '../../db/schema/organisations.ts';
import { auditLog } from '../../db/schema/platform.ts';
import { rows } from '../../platform/db.ts';
import { createOrganisation, addMembership } from '../../../test/support/organisations.ts';
import { searchOrganisations } from './organisations.service.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const idFrom = (location: string | null) => /organisations\/([0-9a-f-]{36})/.exec(location ?? '')![1]!;

test('a member creates an organisation and becomes its active organisation admin; extra fields are ignored', async () => {
  const { user, client } = await asRole(t);
  const res = await client.post('/organisations', {
    name: 'Agona West',
    kind: 'municipality',
    country: 'gh',
    subregion: 'Central Region',
    population: '115,358',
    languages: ['en'],
    offers: 'Community-led sanitation',
    seeks: 'Solid waste collection and landfill management',
    themes: ['waste_management', 'sanitation'],
    sdgs: ['6', '11'],
    website: 'https://agonawest.gov.gh',
    email: 'info@agonawest.gov.gh',
    lat: '5.53',
    lon: '-0.73',
    region: 'europe',
    verifiedAt: '2020-01-01',
    createdBy: '00000000-0000-0000-0000-000000000000',
  });
  assert.equal(res.status, 303);
  const id = idFrom(res.headers.get('location'));
  const [o] = await t.db.select().from(organisations).where(eq(organisations.id, id));
  assert.equal(o!.name, 'Agona West');
  assert.equal(o!.country, 'GH');
  assert.equal(o!.region, 'ssa', 'region derived from the country, not taken from the form');
  assert.equal(o!.population, 115358);
  assert.deepEqual(o!.sdgs, [6, 11]);
  assert.equal(o!.verifiedAt, null, 'verifiedAt from the form is ignored');
  assert.equal(o!.createdBy, user.id);
  const ms = await t.db.select().from(memberships).where(eq(memberships.organisationId, id));
  assert.deepEqual(ms.map((m) => [m.userId, m.role, m.status, m.origin]), [[user.id, 'org_admin', 'active', 'creation']]);
  const page = await client.get(`/organisations/${id}`);
  assert.equal(page.status, 200);
  assert.match(page.body_, /Agona West/);
  assert.match(page.body_, /Ghana/);
  assert.match(page.body_, /Sub-Saharan Africa/);
  assert.match(page.body_, /Edit this organisation/);
});

test('invalid input re-renders the form with errors per field, keeps what was typed and writes nothing', async () => {
  const { client } = await asRole(t);
  const before = (await rows<{ n: number }>(t.db, sql`select count(*)::int as n from organisations`))[0]!.n;
  const res = await client.post('/organisations', { name: 'Keep this name', kind: 'castle', country: 'AQ', website: 'javascript:alert(1)', population: 'many' });
  assert.equal(res.status, 400);
  assert.match(res.body_, /class="error-summary"/);
  assert.match(res.body_, /value="Keep this name"/);
  assert.match(res.body_, /id="e-country"/);
  assert.match(res.body_, /id="e-website"/);
  assert.match(res.body_, /id="e-population"/);
  const after = (await rows<{ n: number }>(t.db, sql`select count(*)::int as n from organisations`))[0]!.n;
  assert.equal(after, before);
});

test('only the organisation admin, a broker or an admin edits; a plain member gets 403 and nothing changes', async () => {
  const admin = await asRole(t);
  const member = await asRole(t);
  const broker = await asRole(t, ['broker']);
  const id = await createOrganisation(t, { name: 'Almere', country: 'NL' });
  await addMembership(t, id, admin.user.id, 'org_admin');
  const form = { name: 'Almere (changed)', kind: 'municipality', country: 'NL' };
  assert.equal((await member.client.post(`/organisations/${id}/edit`, form)).status, 403);
  assert.equal((await member.client.get(`/organisations/${id}/edit`)).status, 403);
  let [o] = await t.db.select().from(organisations).where(eq(organisations.id, id));
  assert.equal(o!.name, 'Almere');
  assert.equal((await admin.client.post(`/organisations/${id}/edit`, { ...form, verifiedAt: '2020-01-01' })).status, 303);
  [o] = await t.db.select().from(organisations).where(eq(organisations.id, id));
  assert.equal(o!.name, 'Almere (changed)');
  assert.equal(o!.verifiedAt, null);
  assert.equal((await broker.client.post(`/organisations/${id}/edit`, { ...form, name: 'Almere', country: 'BE' })).status, 303);
  [o] = await t.db.select().from(organisations).where(eq(organisations.id, id));
  assert.equal(o!.country, 'BE');
});

test('a broker verifies an organisation; it is audit logged; a member cannot', async () => {
  const member = await asRole(t);
  const broker = await asRole(t, ['broker']);
  const id = await createOrganisation(t, { name: 'Pursat' , country: 'KH' });
  assert.equal((await member.client.post(`/organisations/${id}/verify`)).status, 403);
  let [o] = await t.db.select().from(organisations).where(eq(organisations.id, id));
  assert.equal(o!.verifiedAt, null);
  const denied = await t.db.select().from(auditLog).where(and(eq(auditLog.objectId, id), eq(auditLog.outcome, 'denied')));
  assert.equal(denied.length, 1);
  assert.equal((await broker.client.post(`/organisations/${id}/verify`)).status, 303);
  [o] = await t.db.select().from(organisations).where(eq(organisations.id, id));
  assert.ok(o!.verifiedAt);
  assert.equal(o!.verifiedBy, broker.user.id);
  const logged = await t.db.select().from(auditLog).where(and(eq(auditLog.objectId, id), eq(auditLog.action, 'organisation.verify'), eq(auditLog.outcome, 'ok')));
  assert.equal(logged.length, 1);
  assert.equal(logged[0]!.actorId, broker.user.id);
  const page = await t.client().get(`/organisations/${id}`);
  assert.match(page.body_, /class="badge">Verified/);
});

test('a claim on an organisation without an admin waits for a broker; the org admin cannot approve it', async () => {
  const claimant = await asRole(t);
  const broker = await asRole(t, ['broker']);
  const id = await createOrganisation(t, { name: 'Sandgerði', country: 'IS' });
  const page = await claimant.client.get(`/organisations/${id}`);
  assert.match(page.body_, /Claim this organisation/);
  assert.equal((await claimant.client.post(`/organisations/${id}/claim`, { message: 'I am the town clerk' })).status, 303);
  const [m] = await t.db.select().from(memberships).where(eq(memberships.organisationId, id));
  assert.equal(m!.status, 'pending');
  assert.equal(m!.origin, 'claim');
  // The claimant is not yet admin: cannot approve their own claim.
  assert.equal((await claimant.client.post(`/memberships/${m!.id}/decision`, { decision: 'approve' })).status, 403);
  assert.equal((await broker.client.post(`/memberships/${m!.id}/decision`, { decision: 'approve' })).status, 303);
  const [after] = await t.db.select().from(memberships).where(eq(memberships.id, m!.id));
  assert.equal(after!.status, 'active');
  // Now the organisation has an admin: nobody else can claim it.
  const other = await asRole(t);
  assert.doesNotMatch((await other.client.get(`/organisations/${id}`)).body_, /Claim this organisation/);
  await other.client.post(`/organisations/${id}/claim`);
  const rowsAfter = await t.db.select().from(memberships).where(eq(memberships.organisationId, id));
  assert.equal(rowsAfter.length, 1);
});

test('a join request is approved by the org admin, and role changes are audited', async () => {
  const admin = await asRole(t);
  const joiner = await asRole(t);
  const id = await createOrganisation(t, { name: 'Ziniaré', country: 'BF' });
  await addMembership(t, id, admin.user.id, 'org_admin');
  assert.equal((await joiner.client.post(`/organisations/${id}/join`, { role: 'expert', message: 'Civil registry' })).status, 303);
  assert.equal((await joiner.client.post(`/organisations/${id}/join`, { role: 'expert' })).status, 303);
  const pending = await t.db.select().from(memberships).where(and(eq(memberships.organisationId, id), eq(memberships.userId, joiner.user.id)));
  assert.equal(pending.length, 1, 'asking twice makes one request');
  assert.equal(pending[0]!.status, 'pending');
  const adminPage = await admin.client.get(`/organisations/${id}`);
  assert.match(adminPage.body_, /Requests waiting for a decision/);
  assert.match(adminPage.body_, /Civil registry/);
  // The joiner cannot approve their own request.
  assert.equal((await joiner.client.post(`/memberships/${pending[0]!.id}/decision`, { decision: 'approve' })).status, 403);
  assert.equal((await admin.client.post(`/memberships/${pending[0]!.id}/decision`, { decision: 'approve' })).status, 303);
  const [active] = await t.db.select().from(memberships).where(eq(memberships.id, pending[0]!.id));
  assert.equal(active!.status, 'active');
  assert.equal(active!.decidedBy, admin.user.id);
  assert.equal((await admin.client.post(`/memberships/${active!.id}/role`, { role: 'approver' })).status, 303);
  const [changed] = await t.db.select().from(memberships).where(eq(memberships.id, active!.id));
  assert.equal(changed!.role, 'approver');
  const audits = await t.db.select().from(auditLog).where(eq(auditLog.objectId, active!.id));
  assert.deepEqual(audits.map((a) => a.action).sort(), ['membership.approve.expert', 'membership.role_change.expert.approver']);
  // The last org admin cannot demote themselves.
  const [adminRow] = await t.db.select().from(memberships).where(and(eq(memberships.organisationId, id), eq(memberships.userId, admin.user.id)));
  await admin.client.post(`/memberships/${adminRow!.id}/role`, { role: 'expert' });
  const [still] = await t.db.select().from(memberships).where(eq(memberships.id, adminRow!.id));
  assert.equal(still!.role, 'org_admin');
});

test('visitors see public fields only: no contact e-mail, no members, no actions', async () => {
  const admin = await asRole(t, [], { name: 'Hidden Admin Name' });
  const id = await createOrganisation(t, { name: 'Moroto', country: 'UG', email: 'secret-contact@moroto.example', offers: 'Pastoral land management' });
  await addMembership(t, id, admin.user.id, 'org_admin');
  const visitor = await t.client().get(`/organisations/${id}`);
  assert.equal(visitor.status, 200);
  assert.match(visitor.body_, /Pastoral land management/);
  assert.doesNotMatch(visitor.body_, /secret-contact@moroto\.example/);
  assert.doesNotMatch(visitor.body_, /Hidden Admin Name/);
  assert.doesNotMatch(visitor.body_, /Join this organisation/);
  const member = await asRole(t);
  const seen = await member.client.get(`/organisations/${id}`);
  assert.match(seen.body_, /secret-contact@moroto\.example/);
  assert.match(seen.body_, /Hidden Admin Name/);
  const api = await t.client().get(`/api/v1/organisations/${id}`);
  assert.equal(JSON.parse(api.body_).email, null);
  assert.equal(JSON.parse(api.body_).members.length, 0);
});

test('an unknown or malformed organisation id answers 404', async () => {
  assert.equal((await t.client().get('/organisations/00000000-0000-4000-8000-000000000000')).status, 404);
  assert.equal((await t.client().get('/organisations/not-a-uuid')).status, 404);
});
