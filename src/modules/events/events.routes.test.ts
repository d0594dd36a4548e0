/**
 * Events through the pages and the API: an organiser's form with per-field errors (a date that is
 * not in the calendar, dates out of order, limits named), publishing, coordinator scoping
 * (SECURITY.md 13), registration for members who accepted the guidelines, the waitlist and its
 * promotion, 20 parallel registrations for the last seat (one confirmed), calendars parsed with
 * ical.js (stable UID, rising SEQUENCE, STATUS:CANCELLED), the meeting link's window, the reminder
 * job, attendance, report and the good-practice draft, an accepted event proposal becoming a draft,
 * and a person's data.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, ORIGIN, type TestApp, type TestClient } from '../../../test/support/app.ts';
import { asRole, signedInClient, type TestUser } from '../../../test/support/users.ts';
import { events as eventsTable, eventRegistrations } from '../../db/schema/events.ts';
import { notificationOutbox } from '../../db/schema/mail.ts';
import { goodPractices } from '../../db/schema/knowledge.ts';
import { insertNetwork, insertCoordinator, insertMembership, insertAcceptance, insertProposal } from '../networks/networks.repository.ts';
import { dispatchEvents, subscribersOf } from '../../platform/events.ts';
import eventsModule from './events.module.ts';
import { sendReminders, exportPersonalData, erasePersonalData } from './events.service.ts';
import { createProgramme } from '../programmes/programmes.service.ts';
import { zonedToUtc } from './events.time.ts';

let t: TestApp;
const dataDir = mkdtempSync(join(tmpdir(), 'peerlink-events-'));
const PDF = new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'));
async function upload(client: TestClient, path: string, name: string, bytes: Uint8Array) {
  const fd = new FormData();
  fd.append('file', new Blob([Buffer.from(bytes)]), name);
  const res = await t.app.request(`${ORIGIN}${path}`, { method: 'POST', body: fd, headers: { Cookie: client.cookieHeader(), Origin: ORIGIN, 'X-Forwarded-For': client.ip } });
  return { status: res.status, headers: res.headers, body: await res.text() };
}
const ids: Record<string, string> = {};
type Person = { user: TestUser; client: TestClient };
let coordA: Person;
let coordB: Person;
let memberA: Person;
let stranger: Person;

async function network(slug: string) {
  const id = await insertNetwork(t.db, { slug, name: { en: `Network ${slug}` }, purpose: { en: 'Peer exchange.' }, regions: ['ssa'], themes: ['waste_management'], joinPolicy: 'open', guidelines: { en: 'Collegial interaction at eye level.' }, confidentiality: { en: 'Data stays in the network.' }, now: t.clock.now() });
  ids[slug] = id!;
  return id!;
}

async function member(slug: string, roles: string[] = [], opts: { locale?: string } = {}): Promise<Person> {
  const p = await asRole(t, roles as never, opts);
  await insertMembership(t.db, { networkId: ids[slug]!, userId: p.user.id, category: 'practitioner', themes: [], languages: ['en'], advisesWithoutFee: true, state: 'active', createdAt: t.clock.now() });
  await insertAcceptance(t.db, ids[slug]!, p.user.id, 1, t.clock.now());
  return p;
}

// The fake clock starts at 2026-11-23T09:00Z.
const form = (extra: Record<string, string | string[]> = {}) => ({
  format: 'online',
  title: 'Virtual dialogue: financing waste collection',
  description: 'Twenty practitioners each bring a good practice or a challenge.',
  lang: 'en',
  themes: ['waste_management'],
  languages: ['en', 'fr'],
  timeZone: 'Africa/Lagos',
  startDate: '2026-12-10',
  startTime: '10:00',
  endDate: '2026-12-10',
  endTime: '13:00',
  meetingUrl: 'https://meet.example.org/dialogue',
  place: '',
  capacity: '2',
  registrationOpensDate: '2026-11-20',
  registrationOpensTime: '00:00',
  registrationClosesDate: '2026-12-09',
  registrationClosesTime: '18:00',
  question: 'Which good practice or challenge do you bring?',
  ...extra,
});

async function createPublished(c: TestClient, slug: string, extra: Record<string, string | string[]> = {}): Promise<string> {
  const res = await c.post(`/en/events?network=${slug}`, form(extra));
  assert.equal(res.status, 303, res.body_.slice(0, 2000));
  const id = /\/events\/([0-9a-f-]{36})\/manage/.exec(res.headers.get('location') ?? '')![1]!;
  assert.equal((await c.post(`/en/events/${id}/publish`)).status, 303);
  return id;
}

const mails = async (userId: string, kind?: string) => (await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.userId, userId))).filter((m) => !kind || m.kind === kind);
const vevents = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');

before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0', DATA_DIR: dataDir } });
  await network('alpha');
  await network('beta');
  coordA = await asRole(t, ['coordinator'], { name: 'Coordinator Alpha' });
  coordB = await asRole(t, ['coordinator'], { name: 'Coordinator Beta' });
  await insertCoordinator(t.db, ids.alpha!, coordA.user.id, t.clock.now());
  await insertCoordinator(t.db, ids.beta!, coordB.user.id, t.clock.now());
  memberA = await member('alpha', [], { locale: 'fr' });
  stranger = await asRole(t, [], { name: 'Someone Else' });
});
after(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('the form refuses a date not in the calendar, dates out of order and limits, per field, in the reader’s language (never a 500)', async () => {
  const bad = await coordA.client.post('/fr/events?network=alpha', form({ startDate: '2027-02-30', capacity: '0', meetingUrl: 'http://insecure.example.org', title: 'x' }));
  assert.equal(bad.status, 400);
  assert.match(bad.body_, /Saisissez une date réelle au format AAAA-MM-JJ/);
  assert.match(bad.body_, /Saisissez un nombre entier de 1 à 1000/);
  assert.match(bad.body_, /Saisissez une adresse https:\/\//);
  assert.match(bad.body_, /Écrivez un titre de 3 à 200 caractères/);
  assert.match(bad.body_, /value="2027-02-30"/, 'what was typed is kept');
  const order = await coordA.client.post('/en/events?network=alpha', form({ endTime: '09:00', registrationClosesDate: '2026-12-11' }));
  assert.equal(order.status, 400);
  assert.match(order.body_, /The end must be after the start/);
  const late = await coordA.client.post('/en/events?network=alpha', form({ registrationClosesDate: '2026-12-11' }));
  assert.match(late.body_, /Registration must close no later than the end of the event/);
  const time = await coordA.client.post('/en/events?network=alpha', form({ startTime: '25:00', timeZone: 'Mars/Olympus' }));
  assert.equal(time.status, 400);
  assert.match(time.body_, /Choose a time zone from the list/);
  const onsite = await coordA.client.post('/en/events?network=alpha', form({ format: 'onsite', place: '' }));
  assert.match(onsite.body_, /An on-site or hybrid event needs a place/);
  assert.equal((await t.db.select().from(eventsTable)).length, 0);
});

test('local times are read in the event’s zone', () => {
  assert.equal(zonedToUtc('2026-12-10', '10:00', 'Africa/Lagos')?.toISOString(), '2026-12-10T09:00:00.000Z');
  assert.equal(zonedToUtc('2027-07-01', '10:00', 'Europe/Berlin')?.toISOString(), '2027-07-01T08:00:00.000Z');
  assert.equal(zonedToUtc('2027-02-29', '10:00', 'UTC'), null);
  assert.equal(zonedToUtc('2028-02-29', '10:00', 'UTC')?.toISOString(), '2028-02-29T10:00:00.000Z');
});

test('a coordinator creates a draft, publishes it; another network’s coordinator and members get 404 on its management pages', async () => {
  const res = await coordA.client.post('/en/events?network=alpha', form({ title: 'Scoping check event' }));
  assert.equal(res.status, 303);
  const id = /\/events\/([0-9a-f-]{36})\/manage/.exec(res.headers.get('location') ?? '')![1]!;
  const [row] = await t.db.select().from(eventsTable).where(eq(eventsTable.id, id));
  assert.equal(row?.state, 'proposed');
  assert.equal(row?.startsAt.toISOString(), '2026-12-10T09:00:00.000Z');
  // A draft is not public.
  assert.equal((await t.client().get(`/en/events/${id}`)).status, 404);
  assert.doesNotMatch((await t.client().get('/en/events')).body_, /Scoping check event/);
  for (const path of [`/en/events/${id}/manage`, `/en/events/${id}/edit`, `/en/events/00000000-0000-4000-8000-000000000000/manage`, '/en/events/nope/manage']) {
    assert.equal((await coordB.client.get(path)).status, 404, path);
    assert.equal((await memberA.client.get(path)).status, 404, path);
  }
  assert.equal((await coordB.client.post(`/en/events/${id}/publish`)).status, 404);
  assert.equal((await coordB.client.get('/en/events/new?network=alpha')).status, 404);
  assert.equal((await coordB.client.post('/en/events?network=alpha', form())).status, 404);
  assert.equal((await coordA.client.get(`/en/events/${id}/manage`)).status, 200);
  assert.equal((await coordA.client.post(`/en/events/${id}/publish`)).status, 303);
  const pub = await t.client().get(`/en/events/${id}`);
  assert.equal(pub.status, 200);
  assert.match(pub.body_, /Scoping check event/);
  assert.match(pub.body_, /Africa\/Lagos/, 'the zone is named');
  assert.doesNotMatch(pub.body_, /meet\.example\.org/, 'no meeting link for visitors');
  const tz = await t.client().get(`/en/events/${id}?tz=America/New_York`);
  assert.match(tz.body_, /America\/New_York/);
  // Programme events are the secretariat's: a coordinator may not create one.
  assert.equal((await coordA.client.get('/en/events/new')).status, 404);
});

test('registration: members only, confirmed within capacity, then waitlisted; a cancellation promotes the first waitlisted and mails them', async () => {
  const id = await createPublished(coordA.client, 'alpha', { title: 'Capacity two' });
  const refused = await stranger.client.post(`/en/events/${id}/register`);
  assert.equal(refused.status, 303);
  assert.equal((await t.db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, id))).length, 0, 'not a member: no registration');
  const m2 = await member('alpha');
  const m3 = await member('alpha');
  const m4 = await member('alpha');
  assert.equal((await memberA.client.post(`/fr/events/${id}/register`, { answer: 'Our fee linked to the water bill.' })).status, 303);
  assert.equal((await m2.client.post(`/en/events/${id}/register`)).status, 303);
  await m3.client.post(`/en/events/${id}/register`);
  t.clock.advance(1000);
  await m4.client.post(`/en/events/${id}/register`);
  const regs = await t.db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, id));
  const stateOf = (u: TestUser) => regs.find((r) => r.userId === u.id)?.state;
  assert.deepEqual([stateOf(memberA.user), stateOf(m2.user), stateOf(m3.user), stateOf(m4.user)], ['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
  assert.equal(regs.find((r) => r.userId === memberA.user.id)?.answer, 'Our fee linked to the water bill.');
  // The confirmation carries the calendar file.
  const [conf] = await mails(memberA.user.id, 'events.confirmed');
  assert.match(conf!.subject, /Inscription confirmée/);
  const ics = conf!.attachments![0]!;
  assert.equal(ics.filename, 'event.ics');
  const [ve] = vevents(ics.content);
  assert.equal(ve!.getFirstPropertyValue('uid'), `${id}@peerlink`);
  assert.equal(ve!.getFirstPropertyValue('summary'), 'Virtual dialogue: financing waste collection'.replace('Virtual dialogue: financing waste collection', 'Capacity two'));
  // Registering twice changes nothing.
  await m2.client.post(`/en/events/${id}/register`);
  assert.equal((await t.db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, id))).length, 4);
  // m2 cancels: m3 (first waitlisted) is confirmed and mailed; m4 stays waitlisted.
  assert.equal((await m2.client.post(`/en/events/${id}/unregister`)).status, 303);
  const after = await t.db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, id));
  assert.equal(after.find((r) => r.userId === m3.user.id)?.state, 'confirmed');
  assert.equal(after.find((r) => r.userId === m4.user.id)?.state, 'waitlisted');
  assert.equal(after.find((r) => r.userId === m2.user.id)?.state, 'cancelled');
  const promoted = await mails(m3.user.id, 'events.promoted');
  assert.equal(promoted.length, 1);
  assert.equal(promoted[0]!.attachments?.[0]?.filename, 'event.ics');
  // The organiser's page lists the registrations with the answer.
  const manage = await coordA.client.get(`/en/events/${id}/manage`);
  assert.match(manage.body_, /Our fee linked to the water bill/);
  assert.match(manage.body_, /Waiting list \(1\)/);
});

test('20 parallel registrations for the last seat: exactly one confirmed, 19 waitlisted', async () => {
  const id = await createPublished(coordA.client, 'alpha', { title: 'Last seat', capacity: '3' });
  const early = [await member('alpha'), await member('alpha')];
  for (const p of early) await p.client.post(`/en/events/${id}/register`);
  const racers = await Promise.all(Array.from({ length: 20 }, () => member('alpha')));
  const answers = await Promise.all(racers.map((p) => p.client.request('POST', `/api/v1/events/${id}/registration`, { json: {} })));
  assert.deepEqual(
    answers.map((a) => a.status),
    Array(20).fill(201),
  );
  const states = answers.map((a) => (JSON.parse(a.body_) as { state: string }).state);
  assert.equal(states.filter((s) => s === 'confirmed').length, 1);
  assert.equal(states.filter((s) => s === 'waitlisted').length, 19);
  const rows = await t.db.select().from(eventRegistrations).where(and(eq(eventRegistrations.eventId, id), eq(eventRegistrations.state, 'confirmed')));
  assert.equal(rows.length, 3);
});

test('calendars: stable UID, SEQUENCE rising with each change, the page URL, STATUS:CANCELLED; the registered are mailed each change', async () => {
  const id = await createPublished(coordA.client, 'alpha', { title: 'Calendar event' });
  await memberA.client.post(`/en/events/${id}/register`);
  const uidOf = async (path: string) => {
    const res = await t.client().get(path);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/calendar/);
    return vevents(res.body_).find((v) => v.getFirstPropertyValue('uid') === `${id}@peerlink`)!;
  };
  const v0 = await uidOf('/en/events.ics');
  assert.equal(v0.getFirstPropertyValue('sequence'), 0);
  assert.match(String(v0.getFirstPropertyValue('url')), new RegExp(`/en/events/${id}$`));
  assert.doesNotMatch(v0.toString(), /meet\.example\.org/, 'no meeting link in calendars');
  assert.ok(await uidOf('/en/networks/alpha/events.ics'));
  assert.equal((await t.client().get('/en/networks/nope/events.ics')).status, 404);
  assert.equal((await t.client().get('/en/networks/beta/events.ics')).body_.includes(id), false);

  const edit = await coordA.client.post(`/en/events/${id}`, form({ title: 'Calendar event', startTime: '11:00', endTime: '14:00' }));
  assert.equal(edit.status, 303, edit.body_.slice(0, 500));
  const v1 = await uidOf('/en/events.ics');
  assert.equal(v1.getFirstPropertyValue('sequence'), 1);
  assert.equal((v1.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(), '2026-12-10T10:00:00.000Z');
  const changed = await mails(memberA.user.id, 'events.changed');
  assert.equal(changed.length, 1);
  assert.equal(vevents(changed[0]!.attachments![0]!.content)[0]!.getFirstPropertyValue('sequence'), 1);

  assert.equal((await coordA.client.post(`/en/events/${id}/cancel`)).status, 303);
  const v2 = await uidOf('/en/events.ics');
  assert.equal(v2.getFirstPropertyValue('sequence'), 2);
  assert.equal(v2.getFirstPropertyValue('status'), 'CANCELLED');
  const cancelled = await mails(memberA.user.id, 'events.cancelled');
  assert.equal(cancelled.length, 1);
  assert.equal(vevents(cancelled[0]!.attachments![0]!.content)[0]!.getFirstPropertyValue('status'), 'CANCELLED');
  // The feed and the list show it as cancelled.
  const feed = await t.client().get('/en/events/feed.atom');
  assert.match(feed.headers.get('content-type') ?? '', /atom/);
  assert.match(feed.body_, /Cancelled: Calendar event/);
});

test('the meeting link: for confirmed registrants from 30 minutes before the start until the end, never for visitors or the API’s visitors', async () => {
  const id = await createPublished(coordA.client, 'alpha', { title: 'Link window', capacity: '1' });
  const waiting = await member('alpha');
  await memberA.client.post(`/en/events/${id}/register`);
  await waiting.client.post(`/en/events/${id}/register`);
  const start = new Date('2026-12-10T09:00:00Z').getTime();
  // Sessions are signed in again at each time (an idle session would expire over the weeks).
  const sees = async (u: TestUser) => (await (await signedInClient(t, u)).get(`/en/events/${id}`)).body_.includes('meet.example.org');
  const apiLink = async (c: TestClient) => (JSON.parse((await c.get(`/api/v1/events/${id}`)).body_) as { me: { meetingUrl: string | null } }).me.meetingUrl;
  try {
    assert.equal(await sees(memberA.user), false, 'too early');
    t.clock.set(new Date(start - 31 * 60_000));
    assert.equal(await sees(memberA.user), false, '31 minutes before');
    t.clock.set(new Date(start - 29 * 60_000));
    assert.equal(await sees(memberA.user), true, '29 minutes before');
    assert.equal(await apiLink(await signedInClient(t, memberA.user)), 'https://meet.example.org/dialogue');
    assert.equal(await sees(waiting.user), false, 'waitlisted');
    assert.equal((await t.client().get(`/en/events/${id}`)).body_.includes('meet.example.org'), false, 'visitor');
    assert.equal(await apiLink(t.client()), null);
    assert.doesNotMatch((await t.client().get('/api/v1/events')).body_, /meet\.example/);
    assert.doesNotMatch((await t.client().get('/en/events/feed.atom')).body_, /meet\.example/);
    t.clock.set(new Date(start + 3 * 3600_000 + 60_000));
    assert.equal(await sees(memberA.user), false, 'after the end');
  } finally {
    t.clock.set('2026-11-23T09:00:00Z');
  }
});

test('the reminder job mails confirmed registrants 24 hours before, once', async () => {
  const id = await createPublished(coordA.client, 'alpha', { title: 'Reminder event', startDate: '2026-11-30', endDate: '2026-11-30', registrationClosesDate: '2026-11-29' });
  await memberA.client.post(`/en/events/${id}/register`);
  const env = { baseUrl: 'http://localhost' };
  await sendReminders(t.db, env, new Date('2026-11-28T09:00:00Z'));
  assert.equal((await mails(memberA.user.id, 'events.reminder')).length, 0, 'two days before: not yet');
  await sendReminders(t.db, env, new Date('2026-11-29T10:00:00Z'));
  await sendReminders(t.db, env, new Date('2026-11-29T11:00:00Z'));
  const r = await mails(memberA.user.id, 'events.reminder');
  assert.equal(r.filter((m) => m.subject.includes('Reminder event')).length, 1);
});

test('afterwards: attendance, a report with a document, and a good-practice draft prefilled from the event', async () => {
  const editor = await asRole(t, ['coordinator', 'broker'], { name: 'Broker Coordinator' });
  await insertCoordinator(t.db, ids.alpha!, editor.user.id, t.clock.now());
  const id = await createPublished(editor.client, 'alpha', { title: 'Dialogue on landfills', startDate: '2026-11-25', endDate: '2026-11-25', registrationClosesDate: '2026-11-24' });
  await memberA.client.post(`/en/events/${id}/register`);
  const before = await editor.client.get(`/en/events/${id}/manage`);
  assert.match(before.body_, /Attendance can be recorded once the event has started/);
  t.clock.set('2026-11-26T09:00:00Z');
  try {
  const client = await signedInClient(t, editor.user);
  const memberNow = await signedInClient(t, memberA.user);
  const reg = (await t.db.select().from(eventRegistrations).where(and(eq(eventRegistrations.eventId, id), eq(eventRegistrations.userId, memberA.user.id))))[0]!;
  assert.equal((await client.post(`/en/events/${id}/attendance`, { attended: [reg.id] })).status, 303);
  assert.equal((await t.db.select().from(eventRegistrations).where(eq(eventRegistrations.id, reg.id)))[0]?.attended, true);
  assert.equal((await (await signedInClient(t, coordB.user)).post(`/en/events/${id}/attendance`, { attended: [reg.id] })).status, 404);
  assert.equal((await client.post(`/en/events/${id}/report`, { report: 'Three practices were discussed; the joint landfill will be written up.' })).status, 303);
  // A document of the report: checked by the files module; participants open it, a visitor gets 404.
  assert.equal((await upload(client, `/en/events/${id}/documents`, 'minutes.pdf', new Uint8Array(Buffer.from('<script>alert(1)</script>')))).status, 415);
  assert.equal((await upload(await signedInClient(t, coordB.user), `/en/events/${id}/documents`, 'minutes.pdf', PDF)).status, 404);
  const up = await upload(client, `/en/events/${id}/documents`, 'Minutes of the dialogue.pdf', PDF);
  assert.equal(up.status, 303);
  const docPath = /href="(\/en\/events\/[^"]+\/documents\/[0-9a-f-]{36})"/.exec((await client.get(`/en/events/${id}/manage`)).body_)?.[1];
  assert.ok(docPath);
  assert.equal((await memberNow.get(docPath)).body_.slice(0, 8), '%PDF-1.4');
  assert.equal((await t.client().get(docPath)).status, 404);
  const gp = await client.post(`/en/events/${id}/good-practice`);
  assert.equal(gp.status, 303);
  const gpId = /\/good-practices\/([0-9a-f-]{36})\/edit/.exec(gp.headers.get('location') ?? '')?.[1];
  assert.ok(gpId, gp.headers.get('location') ?? '');
  const [draft] = await t.db.select().from(goodPractices).where(eq(goodPractices.id, gpId));
  assert.equal(draft?.state, 'draft');
  assert.equal((draft?.title as Record<string, string>).en, 'Dialogue on landfills');
  assert.match((draft?.solution as Record<string, string>).en ?? '', /joint landfill/);
  // A confirmed participant reads the report on the event's page; a visitor does not.
  assert.match((await memberNow.get(`/en/events/${id}`)).body_, /joint landfill will be written up/);
  assert.doesNotMatch((await t.client().get(`/en/events/${id}`)).body_, /joint landfill will be written up/);
  } finally {
    t.clock.set('2026-11-23T09:00:00Z');
  }
});

test('an accepted event proposal becomes a draft event of the network, organised by the coordinator who accepted it', async () => {
  const p = await insertProposal(t.db, { networkId: ids.alpha!, authorId: memberA.user.id, kind: 'event', title: 'Proposed webinar on tariffs', description: 'Each participant brings a tariff model.', lang: 'en', now: t.clock.now() });
  const res = await coordA.client.post(`/en/networks/alpha/proposals/${p}/decide`, { decision: 'approve' });
  assert.equal(res.status, 303);
  await dispatchEvents(t.db, subscribersOf([eventsModule]), t.clock.now());
  const [e] = await t.db.select().from(eventsTable).where(eq(eventsTable.title, 'Proposed webinar on tariffs'));
  assert.equal(e?.state, 'proposed');
  assert.equal(e?.organiserId, coordA.user.id);
  assert.equal(e?.networkId, ids.alpha);
  // Publishing it before it is completed sends the organiser to the form.
  const pub = await coordA.client.post(`/en/events/${e!.id}/publish`);
  assert.match(pub.headers.get('location') ?? '', /\/edit$/);
});

test('the list filters by network, theme, format, language and time; the network page lists its upcoming events', async () => {
  const id = await createPublished(coordB.client, 'beta', { title: 'Beta onsite meeting', format: 'onsite', place: 'Dakar', meetingUrl: '', themes: ['water_supply'], languages: ['fr'] });
  const v = t.client();
  assert.match((await v.get('/en/events?network=beta')).body_, /Beta onsite meeting/);
  assert.doesNotMatch((await v.get('/en/events?network=alpha')).body_, /Beta onsite meeting/);
  assert.match((await v.get('/en/events?theme=water_supply')).body_, /Beta onsite meeting/);
  assert.doesNotMatch((await v.get('/en/events?format=online')).body_, /Beta onsite meeting/);
  assert.match((await v.get('/en/events?language=fr&format=onsite&when=upcoming')).body_, /Beta onsite meeting/);
  assert.doesNotMatch((await v.get('/en/events?when=past')).body_, /Beta onsite meeting/);
  assert.equal((await v.get('/en/events?theme=%00')).status, 400);
  assert.equal((await v.get('/en/events?format=bogus')).status, 200);
  const net = await v.get('/en/networks/beta');
  assert.match(net.body_, /Upcoming events/);
  assert.match(net.body_, new RegExp(`/en/events/${id}`));
  const ar = await v.get(`/ar/events/${id}`);
  assert.equal(ar.status, 200);
  assert.match(ar.body_, /dir="rtl"/);
  assert.match(ar.body_, /lang="en" dir="auto"/, 'the English title keeps its language on an Arabic page');
});

test('API: list, read, register and cancel, with the page’s rules', async () => {
  const id = await createPublished(coordA.client, 'alpha', { title: 'API event' });
  const list = await t.client().get('/api/v1/events');
  assert.equal(list.status, 200);
  assert.ok((JSON.parse(list.body_) as { items: { id: string }[] }).items.some((x) => x.id === id));
  assert.equal((await t.client().get('/api/v1/events/00000000-0000-4000-8000-000000000000')).status, 404);
  assert.equal((await t.client().request('POST', `/api/v1/events/${id}/registration`, { json: {} })).status, 401);
  assert.equal((await stranger.client.request('POST', `/api/v1/events/${id}/registration`, { json: {} })).status, 403);
  const ok = await memberA.client.request('POST', `/api/v1/events/${id}/registration`, { json: { answer: 'A challenge' } });
  assert.equal(ok.status, 201);
  assert.equal((JSON.parse(ok.body_) as { state: string }).state, 'confirmed');
  assert.equal((await memberA.client.request('POST', `/api/v1/events/${id}/registration`, { json: {} })).status, 409);
  const read = JSON.parse((await memberA.client.get(`/api/v1/events/${id}`)).body_) as { me: { registration: string } };
  assert.equal(read.me.registration, 'confirmed');
  assert.equal((await memberA.client.request('POST', `/api/v1/events/${id}/registration/cancel`)).status, 200);
  assert.equal((await memberA.client.request('POST', `/api/v1/events/${id}/registration/cancel`)).status, 409);
});

test('a person’s data: registrations in the export, deleted by the erasure', async () => {
  const p = await member('alpha');
  const id = await createPublished(coordA.client, 'alpha', { title: 'Data event' });
  await p.client.post(`/en/events/${id}/register`, { answer: 'My city’s practice' });
  const out = (await exportPersonalData(t.db, p.user.id)) as { eventRegistrations: { title: string; answer: string }[] };
  assert.equal(out.eventRegistrations.length, 1);
  assert.equal(out.eventRegistrations[0]!.answer, 'My city’s practice');
  await t.db.transaction((tx) => erasePersonalData(tx, p.user.id));
  assert.equal((await t.db.select().from(eventRegistrations).where(eq(eventRegistrations.userId, p.user.id))).length, 0);
});

test('a programme’s event is the secretariat’s: a broker creates and publishes it, anyone signed in registers, a network coordinator gets 404', async () => {
  const broker = await asRole(t, ['broker'], { name: 'Broker Events' });
  const admin = await asRole(t, ['admin']);
  const ctx = { db: t.db, actor: { id: admin.user.id, name: admin.user.name, email: admin.user.email, locale: 'en' as const, roles: ['admin'] as never, coordinatorRegions: [], hasTotp: false }, locale: 'en' as const, now: t.clock.now() };
  const { id: programmeId } = await createProgramme(ctx, { name: 'Peer learning programme', slug: 'peer-learning', themes: [], formats: [], languages: [] });
  assert.equal((await coordA.client.get(`/en/events/new?programmeId=${programmeId}`)).status, 404);
  assert.equal((await broker.client.get(`/en/events/new?programmeId=${programmeId}`)).status, 200);
  const res = await broker.client.post(`/en/events?programmeId=${programmeId}`, form({ title: 'Programme webinar' }));
  assert.equal(res.status, 303);
  const id = /\/events\/([0-9a-f-]{36})\/manage/.exec(res.headers.get('location') ?? '')![1]!;
  assert.equal((await broker.client.post(`/en/events/${id}/publish`)).status, 303);
  const [row] = await t.db.select().from(eventsTable).where(eq(eventsTable.id, id));
  assert.equal(row?.programmeId, programmeId);
  assert.equal(row?.state, 'published');
  assert.equal((await coordA.client.get(`/en/events/${id}/manage`)).status, 404);
  const ok = await stranger.client.request('POST', `/api/v1/events/${id}/registration`, { json: {} });
  assert.equal(ok.status, 201);
});
