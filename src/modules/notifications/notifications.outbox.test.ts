/** The notification outbox: written with what caused it, sent by the worker, retried with backoff on failure, never lost; daily digests and "off". */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { createUser } from '../../../test/support/users.ts';
import { notify, drainOutbox, backoffMs, nextDigestAt, mailLink } from '../../platform/outbox.ts';
import { setPreference } from './notifications.service.ts';
import { notificationOutbox } from '../../db/schema/index.ts';
import type { Mailer, MailMessage } from '../../platform/mail.ts';
import { actorOf, ctxOf } from '../../../test/requests/fixtures.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

/** A mailer that fails the first `failures` sends, then records. */
function flakyMailer(failures: number): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  let left = failures;
  return {
    describe: 'test',
    sent,
    async send(m) {
      if (left-- > 0) throw new Error('SMTP 451 try again later');
      sent.push(m);
    },
  };
}

const base = { baseUrl: 'https://peerlink.example' };

test('a message is written in the recipient language and sent with absolute links', async () => {
  const u = await createUser(t, { locale: 'fr' });
  const n = await notify(t.db, t.clock.now(), [u.id], 'decision', (tr) => ({
    subject: tr('requests.mail.decision.subject', { title: 'Déchets' }),
    body: tr('requests.mail.decision.body', { title: 'Déchets', outcome: tr('requests.mail.outcome.selected'), reasons: 'ok', link: mailLink('/requests/abc') }),
  }));
  assert.equal(n, 1);
  const mailer = flakyMailer(0);
  const out = await drainOutbox(t.db, mailer, t.clock.now(), base);
  assert.ok(out.sent >= 1);
  const m = mailer.sent.find((x) => x.to === u.email)!;
  assert.equal(m.subject, 'Décision sur votre demande\u202f: Déchets');
  assert.match(m.text, /retenue/);
  assert.match(m.text, /https:\/\/peerlink\.example\/requests\/abc/);
  assert.equal((await drainOutbox(t.db, mailer, t.clock.now(), base)).sent, 0, 'sent once');
});

test('a failed send is retried with growing delays and is never lost', async () => {
  const u = await createUser(t);
  await notify(t.db, t.clock.now(), [u.id], 'new_offer', (tr) => ({ subject: tr('calls.mail.newOffer.subject', { title: 'X' }), body: tr('calls.mail.newOffer.body', { title: 'X', link: mailLink('/offers/1') }) }));
  const mailer = flakyMailer(2);
  let now = t.clock.now();
  assert.deepEqual(await drainOutbox(t.db, mailer, now, base), { sent: 0, failed: 1 });
  const [row] = await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.userId, u.id));
  assert.equal(row!.attempts, 1);
  assert.match(row!.lastError ?? '', /451/);
  assert.equal(row!.dueAt.getTime(), now.getTime() + backoffMs(1));
  // Not due yet: nothing happens.
  assert.deepEqual(await drainOutbox(t.db, mailer, new Date(now.getTime() + 30_000), base), { sent: 0, failed: 0 });
  now = new Date(now.getTime() + backoffMs(1));
  assert.deepEqual(await drainOutbox(t.db, mailer, now, base), { sent: 0, failed: 1 });
  now = new Date(now.getTime() + backoffMs(2));
  assert.deepEqual(await drainOutbox(t.db, mailer, now, base), { sent: 1, failed: 0 });
  const [done] = await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.userId, u.id));
  assert.equal(done!.attempts, 3);
  assert.ok(done!.sentAt);
  assert.equal(mailer.sent.filter((m) => m.to === u.email).length, 1);
  assert.ok(backoffMs(2) > backoffMs(1) && backoffMs(40) === 6 * 3600_000);
});

test('daily digest gathers a person\'s messages in one mail at the digest hour; "off" queues nothing', async () => {
  const daily = await createUser(t, { locale: 'es' });
  const off = await createUser(t);
  await setPreference(ctxOf(t, actorOf(daily)), { mode: 'daily' });
  await setPreference(ctxOf(t, actorOf(off)), { mode: 'off' });
  const now = t.clock.now();
  for (const title of ['A', 'B']) {
    await notify(t.db, now, [daily.id, off.id], 'call_fits', (tr) => ({ subject: tr('calls.mail.callFits.subject', { title }), body: tr('calls.mail.callFits.body', { title, link: mailLink('/calls/1') }) }));
  }
  assert.equal((await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.userId, off.id))).length, 0);
  const mailer = flakyMailer(0);
  await drainOutbox(t.db, mailer, now, base);
  assert.equal(mailer.sent.filter((m) => m.to === daily.email).length, 0, 'not before the digest hour');
  await drainOutbox(t.db, mailer, nextDigestAt(now), base);
  const digests = mailer.sent.filter((m) => m.to === daily.email);
  assert.equal(digests.length, 1);
  assert.equal(digests[0]!.subject, 'Peerlink: 2 novedades para usted');
  assert.match(digests[0]!.text, /: A[\s\S]*: B/);
});

test('the digest hour is the next 07:00 UTC', () => {
  assert.equal(nextDigestAt(new Date('2026-11-23T06:59:00Z')).toISOString(), '2026-11-23T07:00:00.000Z');
  assert.equal(nextDigestAt(new Date('2026-11-23T07:00:00Z')).toISOString(), '2026-11-24T07:00:00.000Z');
});
