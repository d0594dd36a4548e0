/**
 * The front page (issue 16): what Peerlink is and how it works (the cycle's steps with their
 * drawings), open calls for expertise and rounds with deadlines, upcoming events, the newest good
 * practices and live figures, in the five languages, within 50 KB gzip with its CSS, without
 * JavaScript; Arabic right to left with people's words isolated; empty states on an empty database.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { signedInClient, createUser } from '../../../test/support/users.ts';
import { seedDemo } from '../demo/demo.seed.ts';
import { MODULES } from '../index.ts';
import { LOCALES, i18n } from '../../platform/i18n.ts';
import { CSS_GZ } from '../../platform/html/static.ts';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { FIGURES_MAX_AGE_MS } from './home.service.ts';
import { rows } from '../../platform/db.ts';
import { requests } from '../../db/schema/requests.ts';
import { expertiseCalls } from '../../db/schema/calls.ts';
import { discussionInvitations, discussionTopics, discussionPosts } from '../../db/schema/discussions.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const SECTIONS = ['home-figures', 'home-cycle', 'home-calls', 'home-rounds', 'home-events', 'home-practices'];

test('on an empty database the front page says there is nothing open yet, and shows zeros', async () => {
  const res = await t.client().get('/en');
  assert.equal(res.status, 200);
  assert.match(res.body_, /No call for expertise is open right now\./);
  assert.match(res.body_, /No round is open for requests right now\./);
  assert.match(res.body_, /No event is planned yet\./);
  assert.match(res.body_, /No good practice has been published yet\./);
  assert.match(res.body_, /<strong>0<\/strong> verified organisations/);
});

test('with the demo data: every section in all five languages, within 50 KB gzip with its CSS, no script', async () => {
  await seedDemo(t.db, MODULES, { now: t.clock.now() });
  // The demo's calls are all matched: one more, open for offers, on a demo request's programme.
  const [r] = await t.db.select().from(requests).limit(1);
  const now = t.clock.now();
  const requestId = randomUUID();
  await t.db.insert(requests).values({ ...r!, id: requestId, state: 'selected', title: 'Drainage of flood-prone districts', createdAt: now, updatedAt: now, lastActionAt: now });
  await t.db.insert(expertiseCalls).values({ id: randomUUID(), requestId, programmeId: r!.programmeId, title: 'Drainage of flood-prone districts', expertiseSought: 'Drainage planning', formats: ['expert_assignment'], deadline: new Date(now.getTime() + 20 * 86400_000), state: 'open', publishedBy: r!.createdBy, publishedAt: now, updatedAt: now });
  for (const locale of LOCALES) {
    const res = await t.client().get(`/${locale}`);
    assert.equal(res.status, 200, locale);
    const body = res.body_;
    const tr = i18n().translator(locale);
    for (const id of SECTIONS) assert.ok(body.includes(`aria-labelledby="${id}"`), `${locale}: ${id}`);
    for (const key of ['home.cycle.heading', 'home.calls.heading', 'home.rounds.heading', 'home.events.heading', 'home.practices.heading', 'home.cycle.describe.title', 'home.cycle.share.title']) {
      assert.ok(body.includes(tr(key)), `${locale}: ${key}`);
    }
    assert.equal((body.match(/<svg class="cycle-icon"[^>]*aria-hidden="true"/g) ?? []).length, 7, `${locale}: seven drawings, decorative`);
    assert.doesNotMatch(body, /<script/i, `${locale}: no JavaScript`);
    const size = gzipSync(body).length + CSS_GZ.length;
    assert.ok(size <= 50 * 1024, `${locale}: ${size} bytes gzip with its CSS`);
  }
});

test('the live parts: open calls with deadlines, an open round, an upcoming event, good practices, figures above zero', async () => {
  t.clock.advance(FIGURES_MAX_AGE_MS); // the figures counted on the empty database have had their minute
  const body = (await t.client().get('/en')).body_;
  const section = (id: string) => body.slice(body.indexOf(`aria-labelledby="${id}"`), body.indexOf('</section>', body.indexOf(`aria-labelledby="${id}"`)));
  assert.match(section('home-calls'), /href="\/en\/calls\/[0-9a-f-]{36}"/);
  assert.match(section('home-calls'), /Deadline: /);
  assert.match(section('home-rounds'), /href="\/en\/programmes\/[^"]+"/);
  assert.match(section('home-events'), /href="\/en\/events\/[0-9a-f-]{36}"/);
  assert.match(section('home-practices'), /href="\/en\/good-practices\/[0-9a-f-]{36}"/);
  const figures = [...section('home-figures').matchAll(/<strong>([\d,]+)<\/strong>/g)].map((m) => Number(m[1]!.replace(/,/g, '')));
  assert.equal(figures.length, 3);
  assert.ok(figures.every((n) => n > 0), `figures: ${figures.join(', ')}`);
});

test('Arabic: right to left, and what people wrote (titles in Latin script) is isolated', async () => {
  const body = (await t.client().get('/ar')).body_;
  assert.match(body, /<html lang="ar" dir="rtl">/);
  const main = body.slice(body.indexOf('<main'), body.indexOf('</main>'));
  // Every link to a call, an event, a good practice or a programme wraps its title in <bdi>.
  const links = [...main.matchAll(/<a href="\/ar\/(?:calls|events|good-practices|programmes)\/[^"]+">(.*?)<\/a>/g)].map((m) => m[1]!);
  assert.ok(links.length >= 4, `${links.length} links`);
  for (const inner of links) assert.match(inner, /^<bdi[ >]/, inner);
});

test('a signed-in member is offered "Waiting on you" on the front page and in the header', async () => {
  const c = await signedInClient(t, await createUser(t));
  const body = (await c.get('/pt')).body_;
  assert.ok(body.includes('href="/pt/me/waiting"'));
  assert.match(body, /Ver o que está à sua espera/);
});

test('a registrant of the demo’s upcoming event sees it in "Waiting on you" the day before it starts', async () => {
  const [e] = await rows<{ id: string; title: string; starts_at: string | Date; user_id: string }>(
    t.db,
    sql`select e.id, e.title, e.starts_at, r.user_id from events e join event_registrations r on r.event_id = e.id where e.state = 'published' and r.state = 'confirmed' and e.starts_at > ${t.clock.now().toISOString()}::timestamptz order by e.starts_at limit 1`,
  );
  assert.ok(e, 'the demo has an upcoming event with a confirmed registrant');
  const c = await signedInClient(t, { id: e.user_id });
  assert.doesNotMatch((await c.get('/en/me/waiting')).body_, /starts within a day/, 'not yet: more than a day ahead');
  t.clock.set(new Date(new Date(e.starts_at).getTime() - 12 * 3600_000));
  const body = (await (await signedInClient(t, { id: e.user_id })).get('/en/me/waiting')).body_;
  assert.match(body, /An event you registered for starts within a day/);
  assert.ok(body.includes(`href="/en/events/${e.id}"`));
});

test('a colleague invited to the demo’s open consultation sees it to answer; its author does not', async () => {
  // The demo's consultations are closed with their summaries: a new one, opened by the author of the first.
  const [first] = await rows<{ network_id: string; author_id: string }>(t.db, sql`select network_id, author_id from discussion_topics where kind = 'consultation' order by created_at limit 1`);
  assert.ok(first, 'the demo has consultations');
  const topic = { id: randomUUID(), author_id: first.author_id };
  const now = t.clock.now();
  await t.db.insert(discussionTopics).values({ id: topic.id, networkId: first.network_id, kind: 'consultation', title: 'Recycling glass in small towns', lang: 'en', authorId: topic.author_id, createdAt: now, lastPostAt: now });
  await t.db.insert(discussionPosts).values({ id: randomUUID(), topicId: topic.id, networkId: first.network_id, authorId: topic.author_id, body: '<p>How do you collect glass?</p>', lang: 'en', state: 'published', approvedAt: now, createdAt: now });
  const colleague = await createUser(t);
  await t.db.insert(discussionInvitations).values({ topicId: topic.id, userId: colleague.id, invitedBy: null, at: t.clock.now() });
  await t.db.insert(discussionInvitations).values({ topicId: topic.id, userId: topic.author_id, invitedBy: null, at: t.clock.now() });
  const body = (await (await signedInClient(t, colleague)).get('/fr/me/waiting')).body_;
  assert.match(body, /Répondre à une consultation/);
  assert.match(body, /<bdi lang="en">Recycling glass in small towns<\/bdi>/);
  assert.ok(body.includes(`href="/fr/discussions/${topic.id}"`));
  assert.doesNotMatch((await (await signedInClient(t, { id: topic.author_id })).get('/en/me/waiting')).body_, /Answer a consultation/, 'the author has written in it');
});

test('the figures are counted at most once a minute: a newly verified organisation is counted once its minute has passed', async () => {
  const figure = async () => Number(/<strong>([\d,]+)<\/strong> verified organisations/.exec((await t.client().get('/en')).body_)![1]!.replace(/,/g, ''));
  t.clock.advance(FIGURES_MAX_AGE_MS);
  const before = await figure();
  await rows(t.db, sql`insert into organisations (id, name, kind, country, region, languages, verified_at, created_at, updated_at) select ${randomUUID()}, 'Municipality of Figures', kind, country, region, languages, now(), created_at, updated_at from organisations limit 1`);
  assert.equal(await figure(), before, 'within the minute: the figure counted before');
  t.clock.advance(FIGURES_MAX_AGE_MS - 1);
  assert.equal(await figure(), before, 'one millisecond before the minute is over');
  t.clock.advance(1);
  assert.equal(await figure(), before + 1, 'after the minute: counted again');
});
