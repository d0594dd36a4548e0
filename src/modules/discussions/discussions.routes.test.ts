/**
 * Discussions and peer consultation through the pages and the API: reading only for members and
 * coordinators (SECURITY.md 13), a member's first two posts waiting for a coordinator, sanitizing on
 * save (19), posting limits with 429 and Retry-After in the person's language (26), "this helped"
 * once under a race (27), three reports hiding a post (28), the answer, closing and the
 * good-practice draft, versioned edits, lock and move, watching, colleagues suggested by the
 * matching engine and invited (audited, mailed in each language), a person's data (32–33).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq, and } from 'drizzle-orm';
import { gzipSync } from 'node:zlib';
import { CSS_GZ } from '../../platform/html/static.ts';
import { LOCALES } from '../../platform/i18n.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.ts';
import { asRole, type TestUser } from '../../../test/support/users.ts';
import { createPerson } from '../../../test/support/organisations.ts';
import { auditLog, domainEvents } from '../../db/schema/platform.ts';
import { notificationOutbox } from '../../db/schema/mail.ts';
import { users } from '../../db/schema/accounts.ts';
import { discussionHelped, discussionPosts, discussionPostVersions, discussionTopics } from '../../db/schema/discussions.ts';
import * as networksRepo from '../networks/networks.repository.ts';
import { erasePersonalData, exportPersonalData } from './discussions.service.ts';
import { workingDaysBefore, retryAfterSeconds } from './discussions.policy.ts';

let t: TestApp;
type Who = { user: TestUser; client: TestClient };
let coord: Who, coordBoth: Who, asker: Who, m2: Who, m3: Who, m4: Who, outsider: Who, admin: Who, colleague: Who;
const net: Record<string, string> = {};

const GUIDE = { en: 'Collegial interaction, advice without fee, and exchange at eye level.' };
const CONF = { en: 'Participants’ data is handled confidentially and never passed on.' };

async function member(networkId: string, u: TestUser) {
  await networksRepo.insertMembership(t.db, { networkId, userId: u.id, category: 'practitioner', themes: [], languages: ['en'], advisesWithoutFee: true, state: 'active', createdAt: t.clock.now() });
  await networksRepo.insertAcceptance(t.db, networkId, u.id, 1, t.clock.now());
}

const CONSULTATION = {
  kind: 'consultation',
  title: 'Financer la collecte des déchets dans les quartiers nouveaux',
  context: 'Une ville de 120 000 habitants ; la collecte des déchets ne couvre que le centre ancien.',
  tried: 'Une redevance forfaitaire collectée au porte-à-porte : moins d’un tiers des ménages ont payé.',
  body: 'Quels outils de financement ont permis ailleurs d’étendre la collecte des déchets ? <script>alert(1)</script><strong>Merci</strong>',
  askDirectory: 'on',
};

const topicIdOf = (location: string | null) => /\/discussions\/([0-9a-f-]{36})/.exec(location ?? '')?.[1] ?? '';
const outboxFor = async (userId: string) => t.db.select().from(notificationOutbox).where(eq(notificationOutbox.userId, userId));

before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  for (const slug of ['alpha', 'beta']) net[slug] = (await networksRepo.insertNetwork(t.db, { slug, name: { en: `Network ${slug}`, fr: `Réseau ${slug}` }, purpose: { en: 'Peer exchange.' }, regions: ['mena'], themes: ['waste_management'], joinPolicy: 'moderated', guidelines: GUIDE, confidentiality: CONF, now: t.clock.now() }))!;
  coord = await asRole(t, ['coordinator'], { name: 'Coordinator Alpha' });
  coordBoth = await asRole(t, ['coordinator'], { name: 'Coordinator Both' });
  asker = await asRole(t, [], { name: 'Mariam Asker', locale: 'fr' });
  m2 = await asRole(t, [], { name: 'Member Two', locale: 'ar' });
  m3 = await asRole(t, [], { name: 'Member Three' });
  m4 = await asRole(t, [], { name: 'Member Four' });
  outsider = await asRole(t, [], { name: 'Not A Member' });
  admin = await asRole(t, ['admin'], { name: 'The Admin' });
  colleague = await asRole(t, [], { name: 'Inge Colleague', locale: 'fr' });
  await networksRepo.insertCoordinator(t.db, net.alpha!, coord.user.id, t.clock.now());
  await networksRepo.insertCoordinator(t.db, net.alpha!, coordBoth.user.id, t.clock.now());
  await networksRepo.insertCoordinator(t.db, net.beta!, coordBoth.user.id, t.clock.now());
  for (const w of [asker, m2, m3, m4]) await member(net.alpha!, w.user);
  // Profiles the matching engine ranks: a member and a colleague outside the network, both on waste collection.
  await createPerson(t, { name: 'Member Two', userId: m2.user.id, expertise: 'Waste collection financing: franchise zones for private collectors, sanitation levies.', themes: ['waste_management'], languages: ['ar', 'en'], visibility: 'public' });
  await createPerson(t, { name: 'Inge Colleague', userId: colleague.user.id, expertise: 'Waste collection contracts and fees for households in new neighbourhoods.', themes: ['waste_management'], languages: ['fr', 'en'], visibility: 'public' });
});
after(() => t.close());

let topicId = '';
let openingId = '';

test('visitors and non-members do not read discussions; the network page says members discuss there', async () => {
  const visitor = t.client();
  const page = await visitor.get('/en/networks/alpha/discussions');
  assert.equal(page.status, 200);
  assert.match(page.body_, /Discussions are for members who accepted/);
  const net = await outsider.client.get('/fr/networks/alpha');
  assert.match(net.body_, /Adhérez au réseau pour y participer/);
  assert.equal((await outsider.client.get('/en/networks/alpha/discussions/new')).status, 404);
  assert.equal((await outsider.client.post('/en/networks/alpha/discussions', CONSULTATION)).status, 404);
  assert.equal((await outsider.client.request('GET', '/api/v1/networks/alpha/discussions')).status, 404);
  assert.equal((await visitor.request('GET', '/api/v1/networks/alpha/discussions')).status, 401);
});

test('a member asks a consultation in French: sanitized, waiting for a coordinator, who is mailed', async () => {
  const res = await asker.client.post('/fr/networks/alpha/discussions', CONSULTATION);
  assert.equal(res.status, 303);
  topicId = topicIdOf(res.headers.get('location'));
  assert.ok(topicId);
  const [topic] = await t.db.select().from(discussionTopics).where(eq(discussionTopics.id, topicId));
  assert.equal(topic!.lang, 'fr');
  const [p] = await t.db.select().from(discussionPosts).where(eq(discussionPosts.topicId, topicId));
  openingId = p!.id;
  assert.equal(p!.state, 'pending');
  assert.doesNotMatch(p!.body, /script|alert/);
  assert.match(p!.body, /<strong>Merci<\/strong>/);
  const own = await asker.client.get(`/fr/discussions/${topicId}`);
  assert.equal(own.status, 200);
  assert.match(own.body_, /En attente de l’approbation d’un coordinateur/);
  assert.match(own.body_, /lang="fr" dir="auto"/, 'the post carries its own language and direction');
  assert.equal((await m3.client.get(`/en/discussions/${topicId}`)).status, 404, 'other members do not see it yet');
  assert.ok((await outboxFor(coord.user.id)).some((m) => /waits for your approval/.test(m.subject)));
  const board = await coord.client.get('/en/networks/alpha/discussions/coordination');
  assert.match(board.body_, /1 post waiting for approval/);
});

test('the coordinator approves; the matching engine suggests colleagues across languages, invited in one click (audited, mailed in their language)', async () => {
  assert.equal((await m3.client.post(`/en/discussions/posts/${openingId}/approve`)).status, 404, 'members do not approve');
  const ok = await coord.client.post(`/en/discussions/posts/${openingId}/approve`);
  assert.equal(ok.status, 303);
  assert.equal((await m3.client.get(`/en/discussions/${topicId}`)).status, 200);
  const again = await coord.client.post(`/en/discussions/posts/${openingId}/approve`);
  assert.equal(again.status, 303, 'a second approval changes nothing');
  const page = await coord.client.get(`/en/discussions/${topicId}`);
  assert.match(page.body_, /Suggested colleagues/);
  assert.match(page.body_, /Member Two/);
  assert.match(page.body_, /Inge Colleague/, 'the asker allowed the whole directory');
  assert.doesNotMatch(page.body_.split('Suggested colleagues')[1] ?? '', /Mariam Asker/, 'never the asker');
  assert.equal((await m3.client.post(`/en/discussions/${topicId}/invite`, { userIds: [m2.user.id] })).status, 404, 'members do not invite');
  const inv = await coord.client.post(`/en/discussions/${topicId}/invite`, { userIds: [m2.user.id, colleague.user.id, outsider.user.id] });
  assert.equal(inv.status, 303);
  const toColleague = await outboxFor(colleague.user.id);
  assert.ok(toColleague.some((m) => /Un collègue vous demande conseil/.test(m.subject) && /Adhérez au réseau/.test(m.body)), 'in French, asked to join');
  assert.ok((await outboxFor(m2.user.id)).some((m) => /زميل يطلب مشورتك/.test(m.subject)), 'in Arabic');
  assert.equal((await outboxFor(outsider.user.id)).length, 0, 'someone the engine did not suggest is not invited');
  const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'discussions.colleagueInvited'), eq(auditLog.objectId, topicId)));
  assert.equal(audits.length, 2);
});

test('replies: a member’s first two posts wait, the third is published; quoting; watchers are mailed', async () => {
  const r1 = await m2.client.post(`/ar/discussions/${topicId}/replies`, { body: 'جرّبنا تقسيم المدينة إلى مناطق امتياز لجامعي النفايات الخاصين، مع تعرفة تحددها البلدية.', quote: openingId });
  assert.equal(r1.status, 303);
  const posts = async () => t.db.select().from(discussionPosts).where(eq(discussionPosts.topicId, topicId));
  const first = (await posts()).find((p) => p.authorId === m2.user.id)!;
  assert.equal(first.state, 'pending');
  assert.equal(first.lang, 'ar');
  assert.equal(first.quotePostId, openingId);
  await coord.client.post(`/en/discussions/posts/${first.id}/approve`);
  assert.ok((await outboxFor(asker.user.id)).some((m) => /Nouvelle réponse/.test(m.subject)), 'the asker (normal: her own topic) is mailed in French');
  await m2.client.post(`/en/discussions/${topicId}/replies`, { body: 'A second reply that waits too.' });
  const second = (await posts()).filter((p) => p.authorId === m2.user.id).find((p) => p.state === 'pending')!;
  await coord.client.post(`/en/discussions/posts/${second.id}/approve`);
  await m2.client.post(`/en/discussions/${topicId}/replies`, { body: 'A third reply: published at once.' });
  assert.equal((await posts()).filter((p) => p.authorId === m2.user.id && p.state === 'published').length, 3);
  const page = await m3.client.get(`/en/discussions/${topicId}`);
  assert.match(page.body_, /Quoting/);
  assert.match(page.body_, /lang="ar" dir="auto"/);
});

test('"this helped" once per member, also when sent twice at once; the asker marks the answer', async () => {
  const answer = (await t.db.select().from(discussionPosts).where(and(eq(discussionPosts.topicId, topicId), eq(discussionPosts.authorId, m2.user.id))))[0]!;
  const rs = await Promise.all([m3.client.post(`/en/discussions/posts/${answer.id}/helped`), m3.client.post(`/en/discussions/posts/${answer.id}/helped`)]);
  assert.deepEqual(rs.map((r) => r.status), [303, 303]);
  assert.equal((await t.db.select().from(discussionHelped).where(eq(discussionHelped.postId, answer.id))).length, 1);
  assert.equal((await m2.client.post(`/en/discussions/posts/${answer.id}/helped`)).status, 404, 'not on one’s own post');
  assert.equal((await m3.client.post(`/en/discussions/posts/${answer.id}/answer`)).status, 404, 'only the asker marks the answer');
  assert.equal((await asker.client.post(`/fr/discussions/posts/${answer.id}/answer`)).status, 303);
  const [topic] = await t.db.select().from(discussionTopics).where(eq(discussionTopics.id, topicId));
  assert.equal(topic!.answerPostId, answer.id);
  assert.ok((await outboxFor(m2.user.id)).some((m) => /اختير ردّك جوابًا/.test(m.subject)));
  assert.equal((await t.db.select().from(domainEvents).where(eq(domainEvents.name, 'discussions.answerMarked'))).length, 1);
});

test('three reports by different members hide a post (moderation); its author still sees it, marked', async () => {
  await m4.client.post(`/en/discussions/${topicId}/replies`, { body: 'Buy cheap bins at my cousin’s shop!' });
  const spam = (await t.db.select().from(discussionPosts).where(eq(discussionPosts.authorId, m4.user.id)))[0]!;
  await coord.client.post(`/en/discussions/posts/${spam.id}/approve`);
  // Established members: accounts older than a week (a brand-new account's report weighs less, SECURITY.md 28).
  for (const w of [asker, m2, m3]) await t.db.update(users).set({ createdAt: new Date(t.clock.now().getTime() - 30 * 86_400_000) }).where(eq(users.id, w.user.id));
  for (const [i, w] of [asker, m2, m3].entries()) {
    const r = await w.client.post('/en/reports', { objectType: 'discussion_post', objectId: spam.id, reason: 'spam', note: '', back: `/discussions/${topicId}` });
    assert.equal(r.status, 303);
    const seen = await m3.client.get(`/en/discussions/${topicId}`);
    assert.equal(seen.body_.includes('cousin'), i < 2, `after ${i + 1} report(s)`);
  }
  const author = await m4.client.get(`/en/discussions/${topicId}`);
  assert.match(author.body_, /cousin/);
  assert.match(author.body_, /Hidden after reports by members/);
  const again = await m3.client.post('/en/reports', { objectType: 'discussion_post', objectId: spam.id, reason: 'spam', note: '', back: '/' });
  assert.equal(again.status, 303);
});

test('posting limits: the sixth post in ten minutes is refused with 429 and Retry-After, in the person’s language', async () => {
  t.clock.advance(11 * 60_000);
  for (let i = 0; i < 5; i++) assert.equal((await m2.client.post(`/en/discussions/${topicId}/replies`, { body: `Follow-up number ${i}` })).status, 303);
  const refused = await m2.client.post(`/fr/discussions/${topicId}/replies`, { body: 'One too many' });
  assert.equal(refused.status, 429);
  assert.ok(Number(refused.headers.get('retry-after')) > 0);
  assert.match(refused.body_, /lang="fr"/);
  t.clock.advance(11 * 60_000);
  assert.equal((await m2.client.post(`/en/discussions/${topicId}/replies`, { body: 'Later is fine' })).status, 303);
  assert.equal(retryAfterSeconds([], t.clock.now()), 0);
});

test('edits keep the earlier versions; a coordinator locks, and members can no longer reply', async () => {
  const mine = (await t.db.select().from(discussionPosts).where(eq(discussionPosts.authorId, m3.user.id)))[0];
  assert.equal(mine, undefined);
  assert.equal((await m3.client.post(`/en/discussions/posts/${openingId}/edit`, { body: 'Not mine' })).status, 404);
  const ed = await asker.client.post(`/fr/discussions/posts/${openingId}/edit`, { body: 'Question précisée : quels outils de financement ? <img src=x onerror=alert(1)>', context: CONSULTATION.context, tried: CONSULTATION.tried });
  assert.equal(ed.status, 303);
  const versions = await t.db.select().from(discussionPostVersions).where(eq(discussionPostVersions.postId, openingId));
  assert.equal(versions.length, 1);
  assert.match(versions[0]!.body, /Merci/);
  const [now] = await t.db.select().from(discussionPosts).where(eq(discussionPosts.id, openingId));
  assert.doesNotMatch(now!.body, /onerror|<img/);
  assert.equal((await m3.client.post(`/en/discussions/${topicId}/lock`)).status, 404);
  assert.equal((await coord.client.post(`/en/discussions/${topicId}/lock`)).status, 303);
  assert.equal((await m3.client.post(`/en/discussions/${topicId}/replies`, { body: 'After the lock' })).status, 404);
  assert.equal((await coord.client.post(`/en/discussions/${topicId}/unlock`)).status, 303);
});

test('the asker closes with a summary; an editor of good practices drafts one from it', async () => {
  assert.equal((await m3.client.post(`/en/discussions/${topicId}/close`, { summary: 'Not my consultation to close.' })).status, 404);
  assert.equal((await asker.client.post(`/fr/discussions/${topicId}/close`, { summary: 'Des zones de concession avec un tarif fixé par la ville.' })).status, 303);
  const asAsker = await asker.client.get(`/fr/discussions/${topicId}`);
  assert.match(asAsker.body_, /Des zones de concession/);
  assert.doesNotMatch(asAsker.body_, /Rédiger une bonne pratique/, 'the asker is no editor of good practices');
  const d = await admin.client.post(`/en/discussions/${topicId}/good-practice`);
  assert.equal(d.status, 303);
  assert.match(d.headers.get('location') ?? '', /\/good-practices\/[0-9a-f-]{36}\/edit$/);
  const [topic] = await t.db.select().from(discussionTopics).where(eq(discussionTopics.id, topicId));
  assert.ok(topic!.goodPracticeId);
  assert.equal((await admin.client.post(`/en/discussions/${topicId}/good-practice`)).status, 404, 'once');
});

test('a consultation unanswered after 5 working days shows on the coordination page with its suggestions', async () => {
  assert.equal(workingDaysBefore(new Date('2026-12-04T12:00:00Z'), 5).toISOString(), '2026-11-27T12:00:00.000Z');
  const r = await coord.client.post('/en/networks/alpha/discussions', { kind: 'consultation', title: 'Waste collection in new districts', context: 'A city of 80,000 with growing districts at its edge.', body: 'How do you finance waste collection there?' });
  const id = topicIdOf(r.headers.get('location'));
  assert.match((await coord.client.get('/en/networks/alpha/discussions/coordination')).body_, /No consultation is waiting for an answer/);
  // Posted 8 days ago (the sessions of this file would not survive moving the clock that far).
  await t.db.update(discussionTopics).set({ createdAt: new Date(t.clock.now().getTime() - 8 * 86400_000) }).where(eq(discussionTopics.id, id));
  const board = await coord.client.get('/en/networks/alpha/discussions/coordination');
  assert.match(board.body_, /1 unanswered consultation/);
  assert.match(board.body_, new RegExp(`/discussions/${id}/invite`));
  assert.equal((await m3.client.get('/en/networks/alpha/discussions/coordination')).status, 404);
});

test('a coordinator of both networks moves a topic; watching "mute" stops the mail', async () => {
  const r = await m2.client.post('/en/networks/alpha/discussions', { kind: 'discussion', title: 'Bus lanes and shop owners', body: 'Who reserved lanes for buses with the shop owners on board?' });
  const id = topicIdOf(r.headers.get('location'));
  assert.equal((await coord.client.post(`/en/discussions/${id}/move`, { networkId: net.beta! })).status, 400, 'not a network this coordinator coordinates');
  assert.equal((await coordBoth.client.post(`/en/discussions/${id}/move`, { networkId: net.beta! })).status, 303);
  const [moved] = await t.db.select().from(discussionTopics).where(eq(discussionTopics.id, id));
  assert.equal(moved!.networkId, net.beta);
  await asker.client.post(`/en/discussions/${topicId}/watch`, { level: 'mute' });
  const before = (await outboxFor(asker.user.id)).length;
  await t.db.update(discussionTopics).set({ state: 'open' }).where(eq(discussionTopics.id, topicId));
  await m2.client.post(`/en/discussions/${topicId}/replies`, { body: 'One more after the mute.' });
  assert.equal((await outboxFor(asker.user.id)).length, before);
});

test('the API lists, reads, opens and replies, with the same rules', async () => {
  const list = await m3.client.request('GET', '/api/v1/networks/alpha/discussions');
  assert.equal(list.status, 200);
  const items = (JSON.parse(list.body_) as { items: { id: string }[] }).items;
  assert.ok(items.some((i) => i.id === topicId));
  const one = JSON.parse((await m3.client.request('GET', `/api/v1/discussions/${topicId}`)).body_) as { posts: { html: string; lang: string }[] };
  assert.ok(one.posts.length > 3);
  assert.ok(!one.posts.some((p) => /cousin/.test(p.html)), 'hidden posts are not served');
  const created = await m3.client.request('POST', '/api/v1/networks/alpha/discussions', { json: { kind: 'discussion', title: 'An API topic', body: 'Opened through the API.' } });
  assert.equal(created.status, 201);
  assert.equal((JSON.parse(created.body_) as { state: string }).state, 'pending');
  const bad = await m3.client.request('POST', '/api/v1/networks/alpha/discussions', { json: { kind: 'consultation', title: 'No context', body: 'A consultation without its context.' } });
  assert.equal(bad.status, 400);
});

test('every discussions page, in five languages, is within 50 KB gzip with its CSS, right to left in Arabic, with no script', async () => {
  for (const locale of LOCALES)
    for (const [who, path] of [
      [m3, `/networks/alpha/discussions`],
      [m3, `/discussions/${topicId}`],
      [coord, `/discussions/${topicId}`],
      [m3, `/networks/alpha/discussions/new?kind=consultation`],
      [coord, `/networks/alpha/discussions/coordination`],
      [m2, `/discussions/posts/${(await t.db.select().from(discussionPosts).where(eq(discussionPosts.authorId, m2.user.id)))[0]!.id}/edit`],
    ] as const) {
      const res = await who.client.get(`/${locale}${path}`);
      assert.equal(res.status, 200, `${locale} ${path}`);
      const size = gzipSync(res.body_).length + CSS_GZ.length;
      assert.ok(size <= 50 * 1024, `${locale} ${path}: ${size} bytes`);
      assert.match(/<html\b[^>]*>/.exec(res.body_)?.[0] ?? '', locale === 'ar' ? /dir="rtl"/ : /dir="ltr"/);
      assert.doesNotMatch(res.body_.replace(/<script nonce="[^"]+"[^>]*src="\/static\/[^"]+"><\/script>/g, ''), /<script(?![^>]*nonce)/, 'no script but the platform’s');
    }
});

test('a person’s data: exported, and erased to "deleted account" in the reader’s language', async () => {
  const data = await exportPersonalData(t.db, asker.user.id);
  assert.equal((data.discussionTopics as unknown[]).length, 1);
  assert.ok((data.discussionPosts as { body: string }[]).some((p) => /financement/.test(p.body)));
  await t.db.transaction(async (tx) => erasePersonalData(tx, asker.user.id));
  const [p] = await t.db.select().from(discussionPosts).where(eq(discussionPosts.id, openingId));
  assert.equal(p!.authorId, null);
  assert.equal(p!.body, '');
  const [topic] = await t.db.select().from(discussionTopics).where(eq(discussionTopics.id, topicId));
  assert.equal(topic!.summary, null, 'the summary she wrote goes too');
  assert.equal(topic!.title, '');
  assert.equal((await t.db.select().from(discussionPostVersions).where(eq(discussionPostVersions.postId, openingId))).length, 0);
  const fr = await m3.client.get(`/fr/discussions/${topicId}`);
  assert.match(fr.body_, /compte supprimé/);
  assert.doesNotMatch(fr.body_, /Mariam Asker/);
});
