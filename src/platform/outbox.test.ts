/**
 * The mail outbox carries attachments (an event's calendar entry): queued with the message in the
 * transaction, sent with it through a real SMTP server on loopback, immediately or in a digest.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from '../../test/support/app.ts';
import { createUser } from '../../test/support/users.ts';
import { notify, drainOutbox } from './outbox.ts';
import { notificationPreferences } from '../db/schema/mail.ts';

const ICS = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Peerlink//test//EN\r\nEND:VCALENDAR\r\n';

test('a message with an attachment is sent with it, alone or in the daily digest', async () => {
  const t = await createTestApp();
  try {
    const now = t.clock.now();
    const soon = await createUser(t, { email: 'soon@example.org' });
    const daily = await createUser(t, { email: 'daily@example.org' });
    await t.db.insert(notificationPreferences).values({ userId: daily.id, events: 'daily', updatedAt: now });
    const render = () => ({ subject: 'Registered', body: 'See the calendar entry.', attachments: [{ filename: 'event.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: ICS }] });
    await t.db.transaction(async (tx) => {
      assert.equal(await notify(tx, now, [soon.id, daily.id], 'events.test', render), 2);
    });
    await drainOutbox(t.db, t.deps.mailer, now, { baseUrl: 'http://localhost' });
    const one = await t.smtp.waitFor((m) => m.to.includes('soon@example.org'));
    assert.match(one.raw, /Content-Type: text\/calendar; charset=utf-8; method=PUBLISH/);
    assert.match(one.raw, /filename=event\.ics/);
    const flat = one.raw.replace(/\r?\n/g, '');
    assert.ok(flat.includes(Buffer.from(ICS).toString('base64')) || flat.includes('BEGIN:VCALENDAR'), 'the calendar entry itself is in the message');
    // The digest goes at the next digest hour, with the attachment.
    await drainOutbox(t.db, t.deps.mailer, new Date(now.getTime() + 25 * 3600_000), { baseUrl: 'http://localhost' });
    const digest = await t.smtp.waitFor((m) => m.to.includes('daily@example.org'));
    assert.match(digest.raw, /filename=event\.ics/);
  } finally {
    await t.close();
  }
});
