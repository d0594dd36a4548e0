/**
 * Retention (SECURITY.md 34) on the fake clock: inactive members are warned by mail in their language
 * 30 and 7 days before their deletion date, each warning once however often the job runs, then erased;
 * coming back voids the warnings; a member the job never warned is not deleted without 7 days' notice;
 * demo accounts are left alone. Expired exports and invitations, and CVs of long-closed calls, are purged.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { eq, and } from 'drizzle-orm';
import { createUser } from '../../../test/support/users.ts';
import { users, notificationOutbox, oneTimeTokens, attachments, dataExports, expertiseCalls, retentionWarnings, notificationPreferences, offers } from '../../db/schema/index.ts';
import { runRetention } from '../../modules/privacy/privacy.retention.ts';
import { requestExport } from '../../modules/privacy/privacy.service.ts';
import { sha256 } from '../../platform/session.ts';
import { privacyTestApp, type PrivacyTestApp } from '../../../test/support/privacy-app.ts';
import { richMember } from '../../../test/support/privacy-fixtures.ts';
import { ctxOf } from '../../../test/requests/fixtures.ts';

let t: PrivacyTestApp;
const DAY = 86400_000;

before(async () => {
  t = await privacyTestApp();
});
after(async () => {
  await t.close();
  rmSync(t.dataDir, { recursive: true, force: true });
});

const monthsAgo = (n: number, plusDays = 0) => {
  const d = t.clock.now();
  d.setUTCMonth(d.getUTCMonth() - n);
  return new Date(d.getTime() + plusDays * DAY);
};
const mails = async (userId: string) => t.db.select().from(notificationOutbox).where(and(eq(notificationOutbox.userId, userId), eq(notificationOutbox.kind, 'retention_warning')));
const isDeleted = async (userId: string) => !!(await t.db.select().from(users).where(eq(users.id, userId)))[0]!.deletedAt;
const run = (opts: { inactiveMonths?: number; cvMonths?: number } = {}) => runRetention(t.db, t.clock.now(), { dataDir: t.dataDir, ...opts });

test('warned 30 and 7 days ahead, once each, then deleted; a returning member is kept; demo accounts left alone', async () => {
  const start = t.clock.now();
  // Deletion date in 40 days (24 months after the last activity).
  const fading = await createUser(t, { locale: 'fr', name: 'Amadou Ouédraogo' });
  await t.db.update(users).set({ lastActiveAt: monthsAgo(24, 40) }).where(eq(users.id, fading.id));
  // Mail switched off: the warning still goes (it is about the account, not a notification).
  await t.db.insert(notificationPreferences).values({ userId: fading.id, requests: 'off', exchanges: 'off', networks: 'off', events: 'off', news: 'off', updatedAt: start });
  const back = await createUser(t, { locale: 'es' });
  await t.db.update(users).set({ lastActiveAt: monthsAgo(24, 40) }).where(eq(users.id, back.id));
  const demo = await createUser(t);
  await t.db.update(users).set({ lastActiveAt: monthsAgo(30), isDemo: true }).where(eq(users.id, demo.id));
  const active = await createUser(t);
  await t.db.update(users).set({ lastActiveAt: monthsAgo(1) }).where(eq(users.id, active.id));

  const days: Record<number, { warned: number; deleted: number }> = {};
  const sentBefore: (typeof notificationOutbox.$inferSelect)[] = [];
  for (let day = 0; day <= 45; day++) {
    // The job runs several times a day: nothing is sent twice.
    const a = await run();
    const b = await run();
    days[day] = { warned: a.warned + b.warned, deleted: a.deleted + b.deleted };
    assert.equal(b.warned, 0, `day ${day}: a second run the same day sends nothing`);
    if (day === 39) sentBefore.push(...(await mails(fading.id))); // the erasure removes mail still queued for her
    if (day === 12) await t.db.update(users).set({ lastActiveAt: t.clock.now() }).where(eq(users.id, back.id)); // signs in again
    t.clock.advance(DAY);
  }
  const sent = sentBefore;
  assert.equal(sent.length, 2, 'two warnings, not one per run');
  assert.equal(Object.values(days).reduce((n, d) => n + d.warned, 0), 3, 'three warnings in all (two to her, one to the one who came back)');
  sent.sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime());
  assert.equal(Math.round((sent[0]!.createdAt.getTime() - start.getTime()) / DAY), 10, 'first warning 30 days before');
  assert.equal(Math.round((sent[1]!.createdAt.getTime() - start.getTime()) / DAY), 33, 'second warning 7 days before');
  assert.match(sent[0]!.subject, /^Votre compte Peerlink sera supprimé le /, 'in her language');
  assert.match(sent[0]!.body, /@@BASE@@\/fr\/sign-in/);
  assert.equal(sent[0]!.isDigest, false);
  assert.ok(await isDeleted(fading.id), 'deleted on the date');
  const deletedOn = Object.entries(days).find(([, v]) => v.deleted > 0)?.[0];
  assert.equal(deletedOn, '40');
  const [gone] = await t.db.select().from(users).where(eq(users.id, fading.id));
  assert.equal(gone!.email, null, 'erased through the account deletion');

  assert.equal((await mails(back.id)).length, 1, 'warned once before coming back');
  assert.match((await mails(back.id))[0]!.subject, /^Su cuenta de Peerlink se eliminará el /);
  assert.equal(await isDeleted(back.id), false, 'a returning member is kept');
  assert.equal((await t.db.select().from(retentionWarnings).where(eq(retentionWarnings.userId, back.id))).length, 0, 'their warnings are void');
  assert.equal(await isDeleted(demo.id), false);
  assert.equal((await mails(demo.id)).length, 0);
  assert.equal(await isDeleted(active.id), false);
  assert.equal((await mails(active.id)).length, 0);
});

test('a member past the date but never warned gets 7 days’ notice first; the period is configurable', async () => {
  const late = await createUser(t, { locale: 'pt' });
  await t.db.update(users).set({ lastActiveAt: monthsAgo(36) }).where(eq(users.id, late.id));
  const shortly = await createUser(t);
  await t.db.update(users).set({ lastActiveAt: monthsAgo(6, -1) }).where(eq(users.id, shortly.id));
  assert.equal((await run()).deleted, 0);
  assert.equal((await mails(late.id)).length, 1);
  assert.match((await mails(late.id))[0]!.subject, /^A sua conta Peerlink será eliminada em /);
  t.clock.advance(6 * DAY);
  assert.equal(await isDeleted(late.id), false);
  await run();
  assert.equal(await isDeleted(late.id), false, 'not before 7 days');
  t.clock.advance(DAY);
  await run();
  assert.ok(await isDeleted(late.id), 'deleted 7 days after the warning');
  assert.equal(await isDeleted(shortly.id), false, 'six months of inactivity is fine by default');
  // With INACTIVE_MONTHS=6 the same member is past the date: warned now.
  await run({ inactiveMonths: 6 });
  assert.equal((await mails(shortly.id)).length, 1);
});

test('expired exports and invitations, and CVs of calls closed for more than N months, are purged', async () => {
  t.clock.set('2026-11-23T09:00:00Z'); // the cycle's round is open
  const z = await richMember(t, t.dataDir, { name: 'Nadia Benali' });
  const ex = await requestExport(ctxOf(t, z.actor), { dataDir: t.dataDir });
  const [exRow] = await t.db.select().from(dataExports).where(eq(dataExports.id, ex.id));
  const exFile = join(t.dataDir, 'exports', exRow!.storageName);
  const [cv] = await t.db.select().from(attachments).where(eq(attachments.id, z.cvId));
  const cvFile = join(t.dataDir, 'files', cv!.storageName);
  assert.ok(existsSync(exFile) && existsSync(cvFile));
  const now = t.clock.now();
  const token = async (expiresAt: Date) => {
    const h = sha256(randomUUID());
    await t.db.insert(oneTimeTokens).values({ tokenHash: h, kind: 'invitation', data: { email: 'someone@example.org' }, createdAt: now, expiresAt });
    return h;
  };
  const oldInvite = await token(new Date(now.getTime() - 31 * DAY));
  const recentlyExpired = await token(new Date(now.getTime() - DAY));
  const live = await token(new Date(now.getTime() + 10 * DAY));
  const tokenLeft = async (h: string) => (await t.db.select().from(oneTimeTokens).where(eq(oneTimeTokens.tokenHash, h))).length === 1;

  let r = await run();
  assert.equal(r.exports, 0);
  assert.ok(!(await tokenLeft(oldInvite)), 'an invitation expired more than 30 days ago is gone');
  assert.ok(await tokenLeft(recentlyExpired), 'a recently expired one still says "expired"');
  assert.ok(await tokenLeft(live));
  assert.equal(r.cvs, 0, 'the call is still open');

  t.clock.advance(7 * DAY);
  r = await run();
  assert.equal(r.exports, 1);
  assert.equal((await t.db.select().from(dataExports).where(eq(dataExports.id, ex.id))).length, 0);
  assert.ok(!existsSync(exFile), 'the export file is deleted');

  // The call closes (deadline 2027-01-15); its CVs go 12 months later, not before.
  await t.db.update(expertiseCalls).set({ state: 'closed' }).where(eq(expertiseCalls.id, z.callId));
  t.clock.set('2028-01-10T09:00:00Z');
  assert.equal((await run()).cvs, 0);
  assert.ok(existsSync(cvFile));
  t.clock.set('2028-01-16T09:00:00Z');
  assert.equal((await run()).cvs, 1);
  assert.ok(!existsSync(cvFile), 'the CV file is deleted');
  assert.equal((await t.db.select().from(attachments).where(eq(attachments.id, z.cvId))).length, 0);
  assert.equal((await t.db.select().from(offers).where(eq(offers.id, z.offerId))).length, 1, 'the offer itself stays');
});
