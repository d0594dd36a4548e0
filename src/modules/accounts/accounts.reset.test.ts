/**
 * Issue 18.1 (SECURITY.md 6): a password reset request answers in the same time for a known and an
 * unknown address. Requests are interleaved (known, unknown, known…) so that the machine's noise hits
 * both alike; the medians of 30 each must be within a factor of two (a ratio, not milliseconds: the
 * machine is shared), and the known address's mail is queued and then sent in the background.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { createUser } from '../../../test/support/users.ts';
import { hashPassword } from './accounts.passwords.ts';
import { notificationOutbox, notificationPreferences } from '../../db/schema/index.ts';
import { oneTimeTokens } from '../../db/schema/accounts.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
});
after(() => t.close());

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2;
};

test('known and unknown addresses: same answer, medians of 30 interleaved requests within a factor of two; the mail is queued', async () => {
  const known = await createUser(t, { email: 'reset-timing@example.org', locale: 'fr' });
  const time = async (email: string) => {
    const s = performance.now();
    const res = await t.client().post('/en/password/forgot', { email });
    const ms = performance.now() - s;
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/en/password/forgot/sent');
    return ms;
  };
  // Warm both paths (first queries compile, the first argon2 or SMTP connection…).
  for (let i = 0; i < 3; i++) {
    await time(known.email);
    await time(`nobody-${i}@example.org`);
  }
  const k: number[] = [];
  const u: number[] = [];
  for (let i = 0; i < 30; i++) {
    if (i % 2) {
      k.push(await time(known.email));
      u.push(await time(`nobody-else-${i}@example.org`));
    } else {
      u.push(await time(`nobody-else-${i}@example.org`));
      k.push(await time(known.email));
    }
  }
  const mk = median(k);
  const mu = median(u);
  const ratio = mk / mu;
  console.log(`reset timing: median known ${mk.toFixed(2)} ms, unknown ${mu.toFixed(2)} ms, ratio ${ratio.toFixed(2)}`);
  assert.ok(ratio > 0.5 && ratio < 2, `known/unknown median ratio ${ratio.toFixed(2)} (known ${mk.toFixed(2)} ms, unknown ${mu.toFixed(2)} ms)`);

  // The known address's mail is in the outbox (in the account's language) and leaves in the background.
  const queued = await t.db.select().from(notificationOutbox).where(and(eq(notificationOutbox.userId, known.id), eq(notificationOutbox.kind, 'accounts.reset')));
  assert.equal(queued.length, 33);
  const tokens = await t.db.select().from(oneTimeTokens).where(and(eq(oneTimeTokens.userId, known.id), eq(oneTimeTokens.kind, 'reset_password')));
  assert.equal(tokens.length, 33);
  const mail = await t.smtp.waitFor((m) => m.to.includes(known.email) && /\/fr\/password\/reset\?token=/.test(m.text));
  assert.match(mail.subject, /mot de passe/i);
  assert.match(mail.text, /https?:\/\/[^\s]+\/fr\/password\/reset\?token=/, 'the link carries the site address');
});

test('a person who turned mail off still gets the reset link they asked for', async () => {
  const u = await createUser(t, { email: 'quiet@example.org' });
  await t.db.insert(notificationPreferences).values({ userId: u.id, requests: 'off', exchanges: 'off', networks: 'off', events: 'off', news: 'off', updatedAt: t.clock.now() });
  assert.equal((await t.client().post('/en/password/forgot', { email: u.email })).status, 303);
  await t.smtp.waitFor((m) => m.to.includes(u.email) && /password\/reset\?token=/.test(m.text));
});

test('a successful reset lifts the account’s sign-in lockout (issue 18.11)', async () => {
  const password = 'the old passphrase here';
  const u = await createUser(t, { email: 'locked-out@example.org', passwordHash: await hashPassword(password) });
  const signIn = (pw: string) => t.client('198.51.100.9').post('/en/sign-in', { email: u.email, password: pw });
  for (let i = 0; i < 5; i++) assert.equal((await signIn(`wrong ${i} wrong wrong`)).status, 400);
  assert.equal((await signIn(password)).status, 429, 'locked');
  t.smtp.messages.length = 0;
  await t.client().post('/en/password/forgot', { email: u.email });
  const mail = await t.smtp.waitFor((m) => m.to.includes(u.email) && /password\/reset\?token=/.test(m.text));
  const token = decodeURIComponent(/password\/reset\?token=([A-Za-z0-9_%-]+)/.exec(mail.text)![1]!);
  assert.equal((await t.client().post('/en/password/reset', { token, password: 'a brand new passphrase' })).status, 303);
  assert.equal((await signIn('a brand new passphrase')).status, 303, 'signs in at once, no 15 minutes to wait');
});

test('once sent, the reset mail’s copy in the outbox no longer holds the link (a credential at rest)', async () => {
  const u = await createUser(t, { email: 'at-rest@example.org' });
  await t.client().post('/en/password/forgot', { email: u.email });
  const mail = await t.smtp.waitFor((m) => m.to.includes(u.email) && /password\/reset\?token=/.test(m.text));
  const token = /token=([A-Za-z0-9_%-]+)/.exec(mail.text)![1]!;
  let row: { body: string; sentAt: Date | null } | undefined;
  for (let i = 0; i < 50; i++) {
    [row] = await t.db.select({ body: notificationOutbox.body, sentAt: notificationOutbox.sentAt }).from(notificationOutbox).where(eq(notificationOutbox.userId, u.id));
    if (row?.sentAt) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.ok(row?.sentAt, 'marked sent');
  assert.equal(row.body, '');
  assert.ok(!JSON.stringify(await t.db.select().from(notificationOutbox)).includes(token));
});
