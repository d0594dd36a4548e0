/**
 * The notification outbox and the preferences per category: written with what caused it, sent by
 * the worker in the platform's mail template, retried with backoff, never lost; daily and weekly
 * digests at the local hour holding exactly the items immediate mail carries; no item twice.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { createUser, signedInClient } from '../../../test/support/users.ts';
import { notify, drainOutbox, backoffMs, nextDigestAt, mailLink } from '../../platform/outbox.ts';
import { changePreferences, getPreferences } from './notifications.service.ts';
import { notificationOutbox } from '../../db/schema/index.ts';
import type { Mailer, MailMessage } from '../../platform/mail.ts';
import { MAIL_CATEGORIES, categoryOf } from '../../platform/mail-categories.ts';
import { actorOf, ctxOf } from '../../../test/requests/fixtures.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

/** A mailer that fails the first `failures` sends, then records. */
function flakyMailer(failures = 0): Mailer & { sent: MailMessage[] } {
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
const all = (mode: string) => Object.fromEntries(MAIL_CATEGORIES.map((c) => [c, mode]));
const setAll = async (u: { id: string }, mode: string, timeZone?: string) => changePreferences(ctxOf(t, actorOf(u as never)), { categories: all(mode), ...(timeZone ? { timeZone } : {}) });

test('a message is written in the recipient language and sent in the template, links with the language prefix', async () => {
  const u = await createUser(t, { locale: 'fr', name: 'Awa Traoré' });
  const n = await notify(t.db, t.clock.now(), [u.id], 'decision', (tr) => ({
    subject: tr('requests.mail.decision.subject', { title: 'Déchets' }),
    body: tr('requests.mail.decision.body', { title: 'Déchets', outcome: tr('requests.mail.outcome.selected'), reasons: 'ok', link: mailLink('/requests/abc') }),
  }));
  assert.equal(n, 1);
  const mailer = flakyMailer();
  const out = await drainOutbox(t.db, mailer, t.clock.now(), base);
  assert.ok(out.sent >= 1);
  const m = mailer.sent.find((x) => x.to === u.email)!;
  assert.equal(m.subject, 'Décision sur votre demande\u202f: Déchets');
  assert.match(m.text, /^Bonjour Awa Traoré,/);
  assert.match(m.text, /retenue/);
  assert.match(m.text, /https:\/\/peerlink\.example\/fr\/requests\/abc/);
  assert.match(m.text, /https:\/\/peerlink\.example\/fr\/notifications\/settings/);
  assert.match(m.html ?? '', /<html lang="fr" dir="ltr">/);
  assert.match(m.html ?? '', /href="https:\/\/peerlink\.example\/fr\/requests\/abc"/);
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

test('defaults per category: one’s requests at once, the networks’ talk daily, newsletters weekly', async () => {
  const u = await createUser(t);
  const p = await getPreferences(ctxOf(t, actorOf(u)));
  assert.deepEqual(p, { categories: { requests: 'immediate', exchanges: 'immediate', networks: 'daily', events: 'immediate', news: 'weekly' }, timeZone: 'UTC' });
  const now = t.clock.now();
  await notify(t.db, now, [u.id], 'discussions.post', () => ({ subject: 'New reply: A', body: `Read: ${mailLink('/discussions/1')}` }));
  await notify(t.db, now, [u.id], 'call_fits', () => ({ subject: 'A call', body: `Read: ${mailLink('/calls/1')}` }));
  const rows = await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.userId, u.id));
  assert.deepEqual(rows.map((r) => [r.kind, r.category, r.isDigest, r.digestMode]).sort(), [['call_fits', 'requests', false, null], ['discussions.post', 'networks', true, 'daily']].sort());
});

test('daily digest: a person’s items in one mail at the local digest hour, in their language; "off" queues nothing', async () => {
  const daily = await createUser(t, { locale: 'es', name: 'Lucía Pérez' });
  const off = await createUser(t);
  await setAll(daily, 'daily', 'America/Bogota');
  await setAll(off, 'off');
  const now = t.clock.now(); // 09:00 UTC = 04:00 in Bogotá
  for (const title of ['A', 'B']) {
    await notify(t.db, now, [daily.id, off.id], 'call_fits', (tr) => ({ subject: tr('calls.mail.callFits.subject', { title }), body: tr('calls.mail.callFits.body', { title, link: mailLink(`/calls/${title}`) }) }));
  }
  assert.equal((await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.userId, off.id))).length, 0);
  const mailer = flakyMailer();
  await drainOutbox(t.db, mailer, now, base);
  assert.equal(mailer.sent.filter((m) => m.to === daily.email).length, 0, 'not before the digest hour');
  const at = nextDigestAt(now, 'daily', 'America/Bogota');
  assert.equal(at.toISOString(), '2026-11-23T12:00:00.000Z', '07:00 in Bogotá (UTC−5) the same day');
  await drainOutbox(t.db, mailer, at, base);
  const digests = mailer.sent.filter((m) => m.to === daily.email);
  assert.equal(digests.length, 1);
  assert.equal(digests[0]!.subject, 'Peerlink: 2 novedades para usted');
  assert.match(digests[0]!.text, /^Hola, Lucía Pérez:/);
  // Newest first: B was queued last but at the same instant; both are there with their links in Spanish.
  assert.match(digests[0]!.text, /\/es\/calls\/A/);
  assert.match(digests[0]!.text, /\/es\/calls\/B/);
  assert.match(digests[0]!.text, /\/es\/notifications\/settings/);
});

test('the digest hour is 07:00 local, daily or on Mondays, following summer time', () => {
  assert.equal(nextDigestAt(new Date('2026-11-23T06:59:00Z')).toISOString(), '2026-11-23T07:00:00.000Z');
  assert.equal(nextDigestAt(new Date('2026-11-23T07:00:00Z')).toISOString(), '2026-11-24T07:00:00.000Z');
  assert.equal(nextDigestAt(new Date('2026-07-01T12:00:00Z'), 'daily', 'Europe/Paris').toISOString(), '2026-07-02T05:00:00.000Z');
  assert.equal(nextDigestAt(new Date('2026-12-01T12:00:00Z'), 'daily', 'Europe/Paris').toISOString(), '2026-12-02T06:00:00.000Z');
  assert.equal(nextDigestAt(new Date('2026-11-23T12:00:00Z'), 'daily', 'Asia/Amman').toISOString(), '2026-11-24T04:00:00.000Z');
  // 2026-11-23 is a Monday: the next weekly digest is Monday 30th.
  assert.equal(nextDigestAt(new Date('2026-11-23T09:00:00Z'), 'weekly', 'UTC').toISOString(), '2026-11-30T07:00:00.000Z');
  assert.equal(nextDigestAt(new Date('2026-11-22T09:00:00Z'), 'weekly', 'Africa/Accra').toISOString(), '2026-11-23T07:00:00.000Z');
  assert.equal(nextDigestAt(new Date('2026-11-22T09:00:00Z'), 'daily', 'Not/AZone').toISOString(), '2026-11-23T07:00:00.000Z', 'an unknown zone falls back to UTC');
});

/** The items a person received: (subject, link) from each immediate mail, or from each digest entry. */
function itemsOf(mails: MailMessage[], digest: boolean): string[] {
  const out: string[] = [];
  for (const m of mails) {
    if (!digest) {
      const link = /\n(https:\/\/\S+)\n\n-- /.exec(m.text)![1]!;
      out.push(`${m.subject} | ${link}`);
    } else for (const [, s, l] of m.text.matchAll(/^\* (.+)\n[\s\S]*?^(https:\/\/\S+)$/gm)) out.push(`${s} | ${l}`);
  }
  return out.sort();
}

test('a digest holds exactly the items immediate mail would have carried, and none twice', async () => {
  const soon = await createUser(t, { locale: 'pt' });
  const later = await createUser(t, { locale: 'pt' });
  const weekly = await createUser(t, { locale: 'pt' });
  await setAll(soon, 'immediate');
  await setAll(later, 'daily');
  await setAll(weekly, 'weekly');
  const to = [soon.id, later.id, weekly.id];
  const now = t.clock.now();
  // The same events for the three: across every category.
  await notify(t.db, now, to, 'new_offer', (tr) => ({ subject: tr('calls.mail.newOffer.subject', { title: 'Resíduos sólidos em Maputo' }), body: tr('calls.mail.newOffer.body', { title: 'Resíduos', link: mailLink('/offers/o1') }) }));
  await notify(t.db, new Date(now.getTime() + 60_000), to, 'exchange_message', (tr) => ({ subject: tr('exchanges.mail.message.subject', { title: 'Água' }), body: tr('exchanges.mail.message.body', { title: 'Água', link: mailLink('/exchanges/e1') }) }));
  await notify(t.db, new Date(now.getTime() + 120_000), to, 'discussions.post', (tr) => ({ subject: tr('discussions.mail.reply.subject', { title: 'Cacau' }), body: tr('discussions.mail.post.body', { person: 'Ana', title: 'Cacau', text: 'Olá', link: mailLink('/discussions/d1#post-1') }) }));
  await notify(t.db, new Date(now.getTime() + 180_000), to, 'discussions.post', (tr) => ({ subject: tr('discussions.mail.reply.subject', { title: 'Cacau' }), body: tr('discussions.mail.post.body', { person: 'Rui', title: 'Cacau', text: 'Sim', link: mailLink('/discussions/d1#post-2') }) }));
  await notify(t.db, new Date(now.getTime() + 240_000), to, 'events.changed', (tr) => ({ subject: tr('events.mail.changedSubject', { title: 'Fórum' }), body: tr('events.mail.changedBody', { title: 'Fórum', when: 'amanhã', link: mailLink('/events/v1') }) }));
  const mailer = flakyMailer();
  const week = new Date(now.getTime() + 8 * 86_400_000);
  for (const at of [now, new Date(now.getTime() + 300_000), nextDigestAt(now), week]) await drainOutbox(t.db, mailer, at, base);
  const immediate = itemsOf(mailer.sent.filter((m) => m.to === soon.email), false);
  const daily = mailer.sent.filter((m) => m.to === later.email);
  const weeklyMails = mailer.sent.filter((m) => m.to === weekly.email);
  assert.equal(immediate.length, 5);
  assert.equal(daily.length, 1, 'one daily digest');
  assert.equal(weeklyMails.length, 1, 'one weekly digest');
  assert.deepEqual(itemsOf(daily, true), immediate, 'the same items, either way');
  assert.deepEqual(itemsOf(weeklyMails, true), immediate);
  // Grouped by category and topic, newest first: the event (newest) before the discussion, whose two replies sit together.
  const text = daily[0]!.text;
  assert.ok(text.indexOf('== Eventos ==') < text.indexOf('== Redes e debates =='));
  assert.ok(text.indexOf('#post-2') < text.indexOf('#post-1'), 'newest first within the topic');
  assert.match(weeklyMails[0]!.text, /esta semana/);
  // Nothing left to send, to anyone.
  assert.equal((await drainOutbox(t.db, mailer, new Date(week.getTime() + 30 * 86_400_000), base)).sent, 0);
});

test('switching mode mid-day sends no item twice: daily items follow the new choice, "off" drops them', async () => {
  const u = await createUser(t);
  await setAll(u, 'daily');
  const now = t.clock.now();
  const say = (title: string, at: Date) => notify(t.db, at, [u.id], 'call_fits', () => ({ subject: `Call ${title}`, body: `A call: ${mailLink(`/calls/${title}`)}` }));
  await say('one', now);
  await setAll(u, 'immediate'); // the pending digest item goes at the next drain, once
  await say('two', new Date(now.getTime() + 60_000));
  const mailer = flakyMailer();
  await drainOutbox(t.db, mailer, new Date(now.getTime() + 120_000), base);
  await setAll(u, 'weekly');
  await say('three', new Date(now.getTime() + 180_000));
  await setAll(u, 'daily'); // three moves from Monday to tomorrow
  for (const at of [nextDigestAt(now), new Date(now.getTime() + 9 * 86_400_000)]) await drainOutbox(t.db, mailer, at, base);
  const got = mailer.sent.filter((m) => m.to === u.email).map((m) => m.text);
  for (const title of ['one', 'two', 'three']) assert.equal(got.filter((x) => x.includes(`/calls/${title}`)).length, 1, `${title} exactly once`);
  await say('four', new Date(now.getTime() + 200_000));
  await setAll(u, 'off');
  assert.equal((await drainOutbox(t.db, mailer, new Date(now.getTime() + 30 * 86_400_000), base)).sent, 0, 'off drops the unsent digest items');
});

test('two workers at once never split a person’s digest nor send an item twice', async () => {
  const people = await Promise.all([1, 2, 3].map(() => createUser(t)));
  for (const p of people) await setAll(p, 'daily');
  const now = t.clock.now();
  for (let i = 0; i < 4; i++) await notify(t.db, now, people.map((p) => p.id), 'call_fits', () => ({ subject: `Call ${i}`, body: `A call: ${mailLink(`/calls/${i}`)}` }));
  const a = flakyMailer();
  const b = flakyMailer();
  const at = nextDigestAt(now);
  await Promise.all([drainOutbox(t.db, a, at, { ...base, limit: 5 }), drainOutbox(t.db, b, at, { ...base, limit: 5 }), drainOutbox(t.db, a, at, { ...base, limit: 5 })]);
  await drainOutbox(t.db, b, at, base);
  for (const p of people) {
    const mails = [...a.sent, ...b.sent].filter((m) => m.to === p.email);
    assert.equal(mails.length, 1, 'one digest per person');
    assert.equal(itemsOf(mails, true).length, 4);
  }
});

test('every kind the platform sends has a category, except account mail', async () => {
  const { readdirSync, readFileSync, statSync } = await import('node:fs');
  const { join } = await import('node:path');
  const kinds = new Set<string>();
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts') && !p.endsWith('.test.ts')) for (const m of readFileSync(p, 'utf8').matchAll(/\bnotify\(([^;]*?)=>/g)) for (const [, k] of m[1]!.matchAll(/'([a-z]+(?:\.[a-zA-Z]+|_[a-z_]+))'/g)) kinds.add(k!);
    }
  };
  walk('src/modules');
  assert.ok(kinds.size >= 30, `found the kinds: ${[...kinds].join(', ')}`);
  for (const k of kinds) assert.ok(categoryOf(k), `${k} has a category`);
  assert.equal(categoryOf('accounts.reset'), undefined);
  assert.equal(categoryOf('retention_warning'), undefined);
});

test('the preferences page and API: five categories, four modes, a time zone; bad input is a field error', async () => {
  const u = await createUser(t, { locale: 'ar' });
  const c = await signedInClient(t, u);
  const page = await c.get('/ar/notifications/settings');
  assert.equal(page.status, 200);
  for (const k of MAIL_CATEGORIES) assert.match(page.body_, new RegExp(`name="${k}" value="weekly"`));
  assert.match(page.body_, /name="networks" value="daily" checked/);
  const form = { ...all('weekly'), timeZone: 'Asia/Amman' };
  assert.equal((await c.post('/ar/notifications/settings', form)).status, 303);
  const again = await c.get('/ar/notifications/settings');
  assert.match(again.body_, /name="requests" value="weekly" checked/);
  assert.match(again.body_, /<option selected>Asia\/Amman<\/option>/);
  const bad = await c.post('/ar/notifications/settings', { ...all('hourly'), timeZone: 'Mars/Olympus' });
  assert.equal(bad.status, 400);
  assert.match(bad.body_, /id="e-timeZone"/);
  assert.match(bad.body_, /id="e-requests"/);
  // The API: read, change one category, refuse a bad zone.
  const api = await c.request('GET', '/api/v1/notifications/preferences');
  assert.equal(api.status, 200);
  assert.deepEqual(JSON.parse(api.body_), { categories: all('weekly'), timeZone: 'Asia/Amman' });
  const put = await c.request('PUT', '/api/v1/notifications/preferences', { json: { categories: { events: 'off' } } });
  assert.equal(put.status, 200);
  assert.equal(JSON.parse(put.body_).categories.events, 'off');
  assert.equal(JSON.parse(put.body_).categories.requests, 'weekly');
  assert.equal((await c.request('PUT', '/api/v1/notifications/preferences', { json: { timeZone: 'Nowhere/Else' } })).status, 400);
  assert.equal((await t.client().request('GET', '/api/v1/notifications/preferences')).status, 401);
});
