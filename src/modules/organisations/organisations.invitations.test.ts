import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { eq, and } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { asRole, createUser, signedInClient } from '../../../test/support/users.ts';
import { memberships } from '../../db/schema/organisations.ts';
import { oneTimeTokens } from '../../db/schema/accounts.ts';
import { auditLog } from '../../db/schema/platform.ts';
import { sha256 } from '../../platform/session.ts';
import { createOrganisation, addMembership } from '../../../test/support/organisations.ts';
import { acceptInvitation } from './organisations.service.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

async function invite(email: string, role = 'expert', locale = 'en') {
  const admin = await asRole(t, [], { locale });
  const id = await createOrganisation(t, { name: `Roeselare ${Math.random().toString(36).slice(2, 6)}`, country: 'BE' });
  await addMembership(t, id, admin.user.id, 'org_admin');
  const res = await admin.client.post(`/organisations/${id}/invitations`, { email, role });
  assert.equal(res.status, 303);
  const mail = await t.smtp.waitFor((m) => m.to.includes(email));
  const link = /https?:\/\/\S+\/invitations\/(\S+)/.exec(mail.text)!;
  return { orgId: id, admin, mail, token: link[1]!, url: link[0]! };
}

test('an invitation mails a one-time link; only its hash is stored; it expires after 14 days', async () => {
  const { orgId, mail, token } = await invite('guest1@example.org', 'approver');
  assert.match(mail.subject, /Invitation to join Roeselare/);
  const stored = await t.db.select().from(oneTimeTokens).where(eq(oneTimeTokens.kind, 'invitation'));
  assert.ok(stored.some((s) => s.tokenHash === sha256(token)));
  assert.ok(!stored.some((s) => s.tokenHash === token || JSON.stringify(s.data).includes(token)), 'the token itself is never stored');
  const row = stored.find((s) => s.tokenHash === sha256(token))!;
  assert.equal(row.expiresAt.getTime() - t.clock.now().getTime(), 14 * 86_400_000);
  // Day 13: valid.
  // Sessions idle out after 30 minutes: sign in again after each jump of the clock.
  const guest = await createUser(t, { email: 'guest1@example.org' });
  t.clock.advance(13 * 86_400_000);
  const page = await (await signedInClient(t, guest)).get(`/invitations/${token}`);
  assert.equal(page.status, 200);
  assert.match(page.body_, /Accept the invitation/);
  // Day 14 and a second: expired, nothing written.
  t.clock.advance(86_400_000 + 1000);
  const late = await (await signedInClient(t, guest)).post(`/invitations/${token}`);
  assert.equal(late.status, 410);
  assert.match(late.body_, /This invitation has expired/);
  const ms = await t.db.select().from(memberships).where(and(eq(memberships.organisationId, orgId), eq(memberships.userId, guest.id)));
  assert.equal(ms.length, 0);
});

test('an invitation works once: the second acceptance is refused', async () => {
  const { orgId, token } = await invite('guest2@example.org');
  const guest = await asRole(t, [], { email: 'guest2@example.org' });
  const get = await guest.client.get(`/invitations/${token}`);
  assert.equal(get.status, 200, 'opening the link writes nothing');
  assert.equal((await guest.client.post(`/invitations/${token}`)).status, 303);
  const ms = await t.db.select().from(memberships).where(and(eq(memberships.organisationId, orgId), eq(memberships.userId, guest.user.id)));
  assert.deepEqual(ms.map((m) => [m.role, m.status, m.origin]), [['expert', 'active', 'invitation']]);
  const audits = await t.db.select().from(auditLog).where(eq(auditLog.objectId, ms[0]!.id));
  assert.deepEqual(audits.map((a) => a.action), ['membership.accept_invitation.expert']);
  const other = await asRole(t);
  const again = await other.client.post(`/invitations/${token}`);
  assert.equal(again.status, 410);
  assert.match(again.body_, /already been used/);
  const otherRows = await t.db.select().from(memberships).where(eq(memberships.userId, other.user.id));
  assert.equal(otherRows.length, 0);
  assert.equal((await guest.client.get('/invitations/not-a-real-token')).status, 404);
});

test('20 parallel acceptances make exactly one membership', async () => {
  const { orgId, token } = await invite('guest3@example.org', 'requester');
  const guest = await createUser(t, { email: 'guest3@example.org' });
  const ctx = { db: t.db, actor: { id: guest.id, name: guest.name, email: guest.email, locale: 'en' as const, roles: [], coordinatorRegions: [], hasTotp: false }, locale: 'en' as const, now: t.clock.now() };
  const results = await Promise.all(Array.from({ length: 20 }, () => acceptInvitation(ctx, token)));
  assert.equal(results.filter((r) => r.ok).length, 1);
  assert.ok(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === 'used'));
  const ms = await t.db.select().from(memberships).where(and(eq(memberships.organisationId, orgId), eq(memberships.userId, guest.id)));
  assert.equal(ms.length, 1);
});

test('20 parallel acceptances over HTTP make exactly one membership', async () => {
  const { orgId, token } = await invite('guest4@example.org', 'expert');
  const guest = await asRole(t, [], { email: 'guest4@example.org' });
  const res = await Promise.all(Array.from({ length: 20 }, () => guest.client.post(`/invitations/${token}`)));
  assert.equal(res.filter((r) => r.status === 303).length, 1);
  const ms = await t.db.select().from(memberships).where(and(eq(memberships.organisationId, orgId), eq(memberships.userId, guest.user.id)));
  assert.equal(ms.length, 1);
});

test('the invitation mail is in the recipient’s language when their account is known', async () => {
  await createUser(t, { email: 'francophone@example.org', locale: 'fr' });
  const { mail } = await invite('francophone@example.org', 'expert', 'en');
  assert.match(mail.subject, /Invitation à rejoindre/);
  assert.match(mail.text, /Accepter l’invitation/);
  assert.match(mail.text, /\/fr\/invitations\//);
});

test('only an organisation admin (or broker/admin) can invite', async () => {
  const member = await asRole(t);
  const id = await createOrganisation(t, { country: 'BE' });
  const before = t.smtp.messages.length;
  assert.equal((await member.client.post(`/organisations/${id}/invitations`, { email: 'x@example.org', role: 'org_admin' })).status, 403);
  const tokens = await t.db.select().from(oneTimeTokens).where(eq(oneTimeTokens.kind, 'invitation'));
  assert.ok(!tokens.some((r) => (r.data as { organisationId?: string }).organisationId === id));
  assert.equal(t.smtp.messages.length, before);
});

// ---------- issue 18.7: the invitation is tied to the invited address ----------

test('the invited address (verified, any case) joins at once', async () => {
  const { orgId, token } = await invite('Invited.Person@example.org', 'expert');
  const guest = await asRole(t, [], { email: 'invited.person@example.org' });
  const res = await guest.client.post(`/invitations/${token}`);
  assert.equal(res.status, 303);
  const ms = await t.db.select().from(memberships).where(and(eq(memberships.organisationId, orgId), eq(memberships.userId, guest.user.id)));
  assert.deepEqual(ms.map((m) => [m.role, m.status]), [['expert', 'active']]);
});

test('another account holding the link waits for the organisation admin’s confirmation, which is audited', async () => {
  const { orgId, token, admin } = await invite('the-mayor@example.org', 'org_admin');
  const holder = await asRole(t, [], { email: 'someone-else@example.org' });
  const res = await holder.client.post(`/en/invitations/${token}`);
  assert.equal(res.status, 303);
  const page = await holder.client.get(res.headers.get('location')!);
  assert.match(page.body_, /administrator must confirm that you act for it/);
  const [m] = await t.db.select().from(memberships).where(and(eq(memberships.organisationId, orgId), eq(memberships.userId, holder.user.id)));
  assert.deepEqual([m!.role, m!.status, m!.origin], ['org_admin', 'pending', 'invitation'], 'not a member yet');
  // Pending confers nothing: the holder cannot invite in the organisation's name.
  assert.equal((await holder.client.post(`/organisations/${orgId}/invitations`, { email: 'z@example.org', role: 'expert' })).status, 403);
  const audits = await t.db.select().from(auditLog).where(eq(auditLog.objectId, orgId));
  assert.ok(audits.some((a) => a.action === 'membership.accept_invitation_other_address.org_admin' && a.actorId === holder.user.id));
  // The link is used: a second account cannot use it too.
  assert.equal((await (await asRole(t)).client.post(`/invitations/${token}`)).status, 410);

  // The organisation's admin sees the acceptance among the pending ones, marked, and confirms it.
  const orgPage = await admin.client.get(`/en/organisations/${orgId}`);
  assert.match(orgPage.body_, /accepted an invitation sent to another address/);
  const fr = await admin.client.get(`/fr/organisations/${orgId}`);
  assert.match(fr.body_, /a accepté une invitation envoyée à une autre adresse/);
  const decided = await admin.client.post(`/memberships/${m!.id}/decision`, { decision: 'approve' });
  assert.equal(decided.status, 303);
  const [after] = await t.db.select().from(memberships).where(eq(memberships.id, m!.id));
  assert.equal(after!.status, 'active');
  assert.equal(after!.decidedBy, admin.user.id);
  const approved = await t.db.select().from(auditLog).where(eq(auditLog.objectId, m!.id));
  assert.ok(approved.some((a) => a.action === 'membership.approve.org_admin' && a.actorId === admin.user.id));
});

test('the service: a different address gives a pending membership, the invited one an active one', async () => {
  const { orgId, token } = await invite('svc-invited@example.org', 'requester');
  const other = await createUser(t, { email: 'svc-other@example.org' });
  const ctx = { db: t.db, actor: { id: other.id, name: other.name, email: other.email, locale: 'en' as const, roles: [], coordinatorRegions: [], hasTotp: false }, locale: 'en' as const, now: t.clock.now() };
  const out = await acceptInvitation(ctx, token);
  assert.deepEqual(out, { ok: true, organisationId: orgId, pending: true });
});
