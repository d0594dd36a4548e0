/**
 * Issue 18.11: account erasure sweeps the mail outbox. A message queued for the person (here the
 * password reset link, which the outbox now carries) and not yet sent is deleted with the account
 * and never leaves; messages to others stay.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { createUser, signedInClient } from '../../../test/support/users.ts';
import { notificationOutbox } from '../../db/schema/index.ts';
import { hashPassword } from '../accounts/accounts.passwords.ts';
import { requestPasswordReset } from '../accounts/accounts.service.ts';

let t: TestApp;
let dataDir: string;
before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'peerlink-sweep-'));
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0', DATA_DIR: dataDir } });
});
after(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('a reset link queued for an account that is then erased is swept and never sent; others’ mail stays', async () => {
  const password = 'a long enough passphrase';
  const leaving = await createUser(t, { email: 'leaving@example.org', passwordHash: await hashPassword(password) });
  const staying = await createUser(t, { email: 'staying@example.org' });
  const ctx = { db: t.db, actor: null, locale: 'en' as const, now: t.clock.now() };
  const env = { mailer: t.deps.mailer, baseUrl: t.config.baseUrl };
  // Queued (through the service: no after-commit drain runs, so the rows wait in the outbox).
  await requestPasswordReset(ctx, env, leaving.email);
  await requestPasswordReset(ctx, env, staying.email);
  assert.equal((await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.userId, leaving.id))).length, 1);

  const del = await (await signedInClient(t, leaving)).post('/en/account/delete', { current: password });
  assert.equal(del.status, 303);
  assert.equal((await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.userId, leaving.id))).length, 0, 'swept');
  // The drain after the request sent what was left: the other person's link, not the erased one's.
  await t.smtp.waitFor((m) => m.to.includes(staying.email));
  assert.ok(!t.smtp.messages.some((m) => m.to.includes(leaving.email)), 'nothing leaves for the erased address');
  assert.equal((await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.userId, staying.id))).length, 1);
});
