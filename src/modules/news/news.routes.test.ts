/**
 * The newsletter through its pages, API and service: writing an issue in several languages with
 * per-field errors, coordinator scoping (another network's coordinator gets 404), the preview's
 * recipient count (members who accepted the current guidelines, mail not off, not opted out, plus
 * confirmed subscribers; a member who also subscribed counted once), sending through the real SMTP
 * listener in each recipient's language with RFC 8058 headers, a second send refused; a crash
 * mid-send resumed with each address exactly once; double opt-in (nothing before the confirmation,
 * a single-use token, the consent's version and time); per-IP and per-address limits (429); the
 * one-click unsubscribe POSTed from another site without a session, while every other cross-site
 * POST stays refused; the preferences page; archives, Atom feeds, the network page's section; the
 * API and the OpenAPI document; "mail this news item" from a programme's timeline; a person's data.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { rows } from '../../platform/db.ts';
import { createTestApp, ORIGIN, type TestApp, type TestClient } from '../../../test/support/app.ts';
import { asRole, type TestUser } from '../../../test/support/users.ts';
import { newsDeliveries, newsSubscribers, newsIssues } from '../../db/schema/news.ts';
import { notificationPreferences } from '../../db/schema/mail.ts';
import { insertNetwork, insertCoordinator, insertMembership, insertAcceptance } from '../networks/networks.repository.ts';
import { createProgramme, postNews } from '../programmes/programmes.service.ts';
import * as svc from './news.service.ts';
import { claimDeliveries } from './news.repository.ts';
import type { ServiceCtx } from '../../platform/http.ts';

let t: TestApp;
type Person = { user: TestUser; client: TestClient };
const ids: Record<string, string> = {};
let coordA: Person;
let coordB: Person;
let memberFr: Person;
let memberEn: Person;

async function network(slug: string) {
  ids[slug] = (await insertNetwork(t.db, { slug, name: { en: `Network ${slug}` }, purpose: { en: 'Peer exchange.' }, regions: ['ssa'], themes: [], joinPolicy: 'open', guidelines: { en: 'Eye level.' }, confidentiality: { en: 'Stays here.' }, now: t.clock.now() }))!;
}

async function member(slug: string, opts: { locale?: string; email?: string; accepted?: boolean } = {}): Promise<Person> {
  const p = await asRole(t, [], { locale: opts.locale, email: opts.email });
  await insertMembership(t.db, { networkId: ids[slug]!, userId: p.user.id, category: 'practitioner', themes: [], languages: ['en'], advisesWithoutFee: true, state: 'active', createdAt: t.clock.now() });
  if (opts.accepted !== false) await insertAcceptance(t.db, ids[slug]!, p.user.id, 1, t.clock.now());
  return p;
}

const issueForm = (extra: Record<string, string> = {}) => ({
  lang: 'en',
  subject_en: 'Network news: waste dialogue',
  body_en: 'Dear colleagues, the next dialogue is on waste collection.',
  subject_fr: 'Nouvelles du réseau : dialogue sur les déchets',
  body_fr: 'Chers collègues, le prochain dialogue porte sur la collecte des déchets.',
  ...extra,
});

const ctxOf = (actor: ServiceCtx['actor'] = null): ServiceCtx => ({ db: t.db, actor, locale: 'en', now: t.clock.now(), ip: '10.9.9.9' });
const sendAll = (limit?: number) => svc.sendDue(t.db, t.deps.mailer, t.clock.now(), { baseUrl: t.config.baseUrl, limit });
const headerOf = (raw: string, name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(raw.replace(/\r?\n[ \t]+/g, ' '))?.[1]?.trim();
const pathOf = (url: string) => new URL(url).pathname;

async function subscribeAndConfirm(client: TestClient, email: string, locale: string, lists: string[]): Promise<void> {
  const res = await client.post('/en/news/subscribe', { email, locale, lists, consent: 'yes' });
  assert.equal(res.status, 303, res.body_);
  const mail = await t.smtp.waitFor((m) => m.to.includes(email.trim().toLowerCase()) && /\/news\/confirm\//.test(m.text));
  const url = /(https?:\/\/\S+\/news\/confirm\/[A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;
  assert.equal((await client.post(pathOf(url))).status, 200);
}

before(async () => {
  t = await createTestApp();
  await network('alpha');
  await network('beta');
  coordA = await asRole(t, ['coordinator']);
  coordB = await asRole(t, ['coordinator']);
  await insertCoordinator(t.db, ids.alpha!, coordA.user.id, t.clock.now());
  await insertCoordinator(t.db, ids.beta!, coordB.user.id, t.clock.now());
  memberFr = await member('alpha', { locale: 'fr', email: 'Membre.FR@example.org' });
  memberEn = await member('alpha', { locale: 'en' });
});
after(() => t.close());

test('a coordinator writes an issue in two languages; errors name the field; another network’s coordinator gets 404', async () => {
  const missing = await coordA.client.post('/en/news/issues?network=alpha', issueForm({ body_fr: '' }));
  assert.equal(missing.status, 400);
  assert.match(missing.body_, /Text \(Français\)/);
  const long = await coordA.client.post('/en/news/issues?network=alpha', issueForm({ subject_en: 'x'.repeat(201) }));
  assert.equal(long.status, 400);
  assert.match(long.body_, /200/);
  assert.equal((await coordB.client.get('/en/news/new?network=alpha')).status, 404);
  assert.equal((await coordB.client.post('/en/news/issues?network=alpha', issueForm())).status, 404);
  assert.equal((await memberEn.client.get('/en/news/new?network=alpha')).status, 404);
  const res = await coordA.client.post('/en/news/issues?network=alpha', issueForm());
  assert.equal(res.status, 303);
  const id = /\/news\/issues\/([0-9a-f-]{36})\/preview/.exec(res.headers.get('location')!)![1]!;
  ids.issue1 = id;
  // A draft is not public.
  assert.equal((await t.client().get(`/en/news/issues/${id}`)).status, 404);
  assert.equal((await coordB.client.get(`/en/news/issues/${id}/preview`)).status, 404);
});

test('the preview counts each address once: members who accepted the guidelines, mail not off, plus confirmed subscribers', async () => {
  // Not counted: a member who did not accept the current guidelines, one whose mail is off, an unconfirmed subscriber.
  await member('alpha', { accepted: false });
  const off = await member('alpha');
  await t.db.insert(notificationPreferences).values({ userId: off.user.id, news: 'off', updatedAt: t.clock.now() });
  await t.client().post('/en/news/subscribe', { email: 'pending@example.org', locale: 'en', lists: ['network:alpha'], consent: 'yes' });
  // Counted once: a confirmed subscriber who is also a member (another case of the same address).
  await subscribeAndConfirm(t.client(), 'membre.fr@EXAMPLE.org ', 'es', ['network:alpha']);
  await subscribeAndConfirm(t.client(), 'reader@example.org', 'ar', ['network:alpha', 'network:beta']);
  const res = await coordA.client.get(`/en/news/issues/${ids.issue1}/preview`);
  assert.equal(res.status, 200);
  assert.match(res.body_, /3 recipients/);
  assert.match(res.body_, /lang="fr" dir="ltr"><h2>Nouvelles du réseau/);
});

test('sending: one mail per address in its language with List-Unsubscribe headers; a second send is refused', async () => {
  const before = t.smtp.messages.length;
  const res = await coordA.client.post(`/en/news/issues/${ids.issue1}/send`);
  assert.equal(res.status, 303);
  await sendAll();
  const again = await coordA.client.post(`/en/news/issues/${ids.issue1}/send`);
  assert.equal(again.status, 303);
  await sendAll();
  // The "send" click also sends in the background: wait for every recipient's mail.
  const expected = ['membre.fr@example.org', memberEn.user.email.toLowerCase(), 'reader@example.org'];
  for (const to of expected) await t.smtp.waitFor((m) => m.to[0] === to && /Network news|Nouvelles du/.test(m.subject));
  await new Promise((r) => setTimeout(r, 200));
  const got = t.smtp.messages.slice(before).filter((m) => /Network news|Nouvelles du/.test(m.subject));
  assert.deepEqual(got.map((m) => m.to[0]).sort(), expected.sort(), 'each address once');
  const fr = got.find((m) => m.to[0] === 'membre.fr@example.org')!;
  assert.match(fr.subject, /Nouvelles du/); // the test listener's decoder splits encoded words
  const ar = got.find((m) => m.to[0] === 'reader@example.org')!;
  assert.match(ar.subject, /Network news/, 'Arabic was not written: the language written first');
  for (const m of got) {
    assert.match(headerOf(m.raw, 'List-Unsubscribe')!, /^<https?:\/\/[^>]+\/news\/unsubscribe\/[A-Za-z0-9_-]{43}>$/);
    assert.equal(headerOf(m.raw, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click');
    assert.match(m.text, /\/news\/preferences\/[A-Za-z0-9_-]{43}/);
    // The template's frame (issue 16): multipart with a light HTML part, the issue online as the action, unsubscribe in the footer.
    assert.match(m.raw, /Content-Type: multipart\/alternative/);
    assert.match(m.html ?? '', /<a href="https?:\/\/[^"]+\/news\/issues\/[0-9a-f-]{36}\?lang=[a-z]{2}" style="display:inline-block/);
    assert.match(m.html ?? '', /href="https?:\/\/[^"]+\/news\/unsubscribe\/[A-Za-z0-9_-]{43}"/);
  }
  assert.match(fr.html ?? '', /<html lang="fr" dir="ltr">/);
  assert.match(fr.text, /^Bonjour,/, 'a greeting (the subscriber’s name is not known)');
  assert.match(fr.text, /Se désabonner/);
  const [issue] = await t.db.select().from(newsIssues).where(eq(newsIssues.id, ids.issue1!));
  assert.equal(issue!.state, 'sent');
  assert.equal(issue!.recipientCount, 3);
  const page = await t.client().get(`/en/news/issues/${ids.issue1}`);
  assert.equal(page.status, 200);
  assert.match(page.body_, /Network news: waste dialogue/);
  const frPage = await t.client().get(`/fr/news/issues/${ids.issue1}`);
  assert.match(frPage.body_, /<article lang="fr"/);
});

test('a crash mid-send resumes where it stopped: each address exactly once', async () => {
  for (let i = 0; i < 12; i++) await member('beta', { email: `crash${i}@example.org` });
  const created = await svc.createIssue(ctxOf({ id: coordB.user.id, roles: ['coordinator'] } as never), { network: 'beta' }, { lang: 'en', subject_en: 'Crash test issue', body_en: 'Body.' });
  const out = await svc.sendIssue(ctxOf({ id: coordB.user.id, roles: ['coordinator'] } as never), created.id);
  assert.deepEqual(out, { ok: true, recipients: 13 });
  const before = t.smtp.messages.length;
  // Half is sent, then the process "crashes" holding a claim on three more (claimed, never sent).
  assert.equal((await sendAll(6)).sent, 6);
  assert.equal((await claimDeliveries(t.db, t.clock.now(), new Date(t.clock.now().getTime() + 5 * 60_000), 3)).length, 3);
  // Another worker resumes at once: it takes what is free, not the crashed worker's leased rows.
  assert.equal((await sendAll()).sent, 4);
  // After the lease, the crashed share comes back.
  t.clock.advance(6 * 60_000);
  assert.equal((await sendAll()).sent, 3);
  assert.equal((await sendAll()).sent, 0);
  const got = t.smtp.messages.slice(before).filter((m) => m.subject.includes('Crash test issue')).map((m) => m.to[0]!);
  assert.equal(got.length, 13);
  assert.equal(new Set(got).size, 13);
  const [issue] = await t.db.select().from(newsIssues).where(eq(newsIssues.id, created.id));
  assert.equal(issue!.state, 'sent');
});

test('double opt-in: nothing before confirming, a single-use token stored hashed, consent version and time recorded', async () => {
  const client = t.client();
  const bad = await client.post('/en/news/subscribe', { email: 'not-an-address', locale: 'en', lists: [] });
  assert.equal(bad.status, 400);
  assert.match(bad.body_, /E-mail address/);
  assert.match(bad.body_, /Choose at least one newsletter/);
  assert.match(bad.body_, /Tick the box/);
  const res = await client.post('/en/news/subscribe', { email: 'New.Reader@example.org', locale: 'pt', lists: ['network:beta'], consent: 'yes' });
  assert.equal(res.status, 303);
  const mail = await t.smtp.waitFor((m) => m.to.includes('new.reader@example.org'));
  assert.match(mail.subject, /Confirme a subscrição/);
  const url = /(https?:\/\/\S+\/news\/confirm\/([A-Za-z0-9_-]{43}))/.exec(mail.text)!;
  const [s] = await t.db.select().from(newsSubscribers).where(eq(newsSubscribers.emailNorm, 'new.reader@example.org'));
  assert.equal(s!.confirmedAt, null);
  const dump = JSON.stringify(await rows(t.db, sql`select * from news_confirmations`));
  assert.ok(!dump.includes(url[2]!), 'the token is stored hashed');
  // Not a recipient before confirming.
  assert.equal((await svc.preview(ctxOf({ id: coordB.user.id, roles: ['coordinator'] } as never), (await svc.createIssue(ctxOf({ id: coordB.user.id, roles: ['coordinator'] } as never), { network: 'beta' }, { lang: 'en', subject_en: 'S', body_en: 'B' })).id)).recipients, 13);
  const get = await client.get(pathOf(url[1]!));
  assert.equal(get.status, 200);
  assert.match(get.body_, /<form method="post"/);
  const [still] = await t.db.select().from(newsSubscribers).where(eq(newsSubscribers.id, s!.id));
  assert.equal(still!.confirmedAt, null, 'GET writes nothing');
  assert.equal((await client.post(pathOf(url[1]!))).status, 200);
  assert.equal((await client.post(pathOf(url[1]!))).status, 404, 'single use');
  const [done] = await t.db.select().from(newsSubscribers).where(eq(newsSubscribers.id, s!.id));
  assert.ok(done!.confirmedAt);
  assert.equal(done!.consentVersion, svc.CONSENT_VERSION);
  assert.equal(done!.consentAt!.toISOString(), t.clock.now().toISOString());
  assert.equal(done!.locale, 'pt');
});

test('subscribe requests are limited per address and per IP (429)', async () => {
  const client = t.client();
  for (let i = 0; i < 3; i++) assert.equal((await client.post('/en/news/subscribe', { email: 'often@example.org', locale: 'en', lists: ['network:alpha'], consent: 'yes' })).status, 303);
  const over = await client.post('/en/news/subscribe', { email: 'OFTEN@example.org', locale: 'en', lists: ['network:alpha'], consent: 'yes' });
  assert.equal(over.status, 429);
  assert.ok(Number(over.headers.get('retry-after')) > 0);
  const ip = t.client();
  let last = 0;
  for (let i = 0; i < 11; i++) last = (await ip.post('/en/news/subscribe', { email: `ip${i}@example.org`, locale: 'en', lists: ['network:alpha'], consent: 'yes' })).status;
  assert.equal(last, 429);
});

test('RFC 8058: a POST to the List-Unsubscribe URL from another site, without session, unsubscribes; every other cross-site POST is refused', async () => {
  const m = t.smtp.messages.find((x) => x.to[0] === 'reader@example.org' && /Network news/.test(x.subject))!;
  const url = headerOf(m.raw, 'List-Unsubscribe')!.slice(1, -1);
  const path = pathOf(url);
  const mailer = { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://mail.example.net', 'Content-Type': 'application/x-www-form-urlencoded' };
  // GET shows a button and changes nothing.
  const page = await t.client().get(path);
  assert.equal(page.status, 200);
  assert.match(page.body_, /Unsubscribe/);
  // Cross-site POSTs elsewhere stay refused (the exemption is exactly this route).
  const token = path.split('/').pop()!;
  for (const p of [`/news/preferences/${token}`, '/news/subscribe', `/news/confirm/${token}`, `/news/unsubscribe/${token}x`, `/news/unsubscribe/${token}/x`, `/en/news/issues/${ids.issue1}/send`]) {
    const r = await t.app.request(`${ORIGIN}${p}`, { method: 'POST', headers: mailer, body: 'List-Unsubscribe=One-Click' });
    assert.equal(r.status, 403, p);
  }
  const r = await t.app.request(`${ORIGIN}${path}`, { method: 'POST', headers: mailer, body: 'List-Unsubscribe=One-Click' });
  assert.equal(r.status, 200);
  // Without Origin nor Sec-Fetch-Site (a mail provider's plain HTTP client) too.
  const plain = await t.app.request(`${ORIGIN}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
  assert.equal(plain.status, 200);
  const prefs = await svc.preferences(ctxOf(), token);
  assert.deepEqual(prefs.chosen, ['network:beta'], 'only the list of that mail is left');
  // An unknown token: 404 and nothing happens.
  const unknown = await t.app.request(`${ORIGIN}/news/unsubscribe/${'A'.repeat(43)}`, { method: 'POST', headers: mailer, body: 'List-Unsubscribe=One-Click' });
  assert.equal(unknown.status, 404);
  // A member's one-click unsubscribe opts them out of the network's next issues.
  const mm = t.smtp.messages.find((x) => x.to[0] === memberEn.user.email.toLowerCase() && /Network news/.test(x.subject))!;
  assert.equal((await t.app.request(`${ORIGIN}${pathOf(headerOf(mm.raw, 'List-Unsubscribe')!.slice(1, -1))}`, { method: 'POST', headers: mailer, body: 'List-Unsubscribe=One-Click' })).status, 200);
  const next = await svc.createIssue(ctxOf({ id: coordA.user.id, roles: ['coordinator'] } as never), { network: 'alpha' }, { lang: 'en', subject_en: 'Next', body_en: 'B' });
  assert.equal((await svc.preview(ctxOf({ id: coordA.user.id, roles: ['coordinator'] } as never), next.id)).recipients, 1);
});

test('the preferences page of a mail changes lists and language', async () => {
  const m = t.smtp.messages.find((x) => x.to[0] === 'membre.fr@example.org' && /Nouvelles du/.test(x.subject))!;
  const url = /(https?:\/\/\S+\/news\/preferences\/[A-Za-z0-9_-]{43})/.exec(m.text)![1]!;
  const client = t.client();
  const page = await client.get(pathOf(url));
  assert.equal(page.status, 200);
  assert.match(page.body_, /name="lists"/);
  // The address is a member: it is sent as the member; the member chooses the network's list.
  const saved = await client.post(pathOf(url), { lists: [] });
  assert.equal(saved.status, 303);
  assert.equal((await client.get(`/en/news/preferences/${'B'.repeat(43)}`)).status, 404);
});

test('archives, Atom feeds, the network page and the API', async () => {
  const archive = await t.client().get('/en/networks/alpha/news');
  assert.equal(archive.status, 200);
  assert.match(archive.body_, /Network news: waste dialogue/);
  assert.doesNotMatch(archive.body_, />Next</, 'drafts are not public');
  const feed = await t.client().get('/fr/networks/alpha/news/feed.atom');
  assert.equal(feed.status, 200);
  assert.match(feed.headers.get('content-type')!, /application\/atom\+xml/);
  assert.match(feed.body_, /Nouvelles du réseau/);
  assert.match(feed.body_, new RegExp(`urn:uuid:${ids.issue1}`));
  const net = await t.client().get('/en/networks/alpha');
  assert.equal(net.status, 200);
  assert.match(net.body_, /id="network-news"/);
  assert.match(net.body_, /\/en\/news\/subscribe\?network=alpha/);
  const api = await t.client().get('/api/v1/news/issues?network=alpha');
  assert.equal(api.status, 200);
  const items = JSON.parse(api.body_).items;
  assert.equal(items.length, 1);
  assert.deepEqual(items[0].languages.sort(), ['en', 'fr']);
  const one = await t.client().get(`/api/v1/news/issues/${ids.issue1}`, { 'Accept-Language': 'fr' });
  assert.equal(JSON.parse(one.body_).lang, 'fr');
  assert.equal((await t.client().get('/api/v1/news/issues?network=nope')).status, 404);
  const sub = await t.client().request('POST', '/api/v1/news/subscriptions', { json: { email: 'api@example.org', locale: 'es', lists: ['network:alpha'], consent: 'yes' } });
  assert.equal(sub.status, 201, sub.body_);
  const badSub = await t.client().request('POST', '/api/v1/news/subscriptions', { json: { email: 'x', locale: 'es', lists: ['network:alpha'], consent: 'yes' } });
  assert.equal(badSub.status, 400);
  const doc = JSON.parse((await t.client().get('/api/v1/openapi.json')).body_);
  const opIds = Object.values(doc.paths as Record<string, Record<string, { operationId: string }>>).flatMap((p) => Object.values(p).map((o) => o.operationId));
  for (const id of ['listNewsletterIssues', 'getNewsletterIssue', 'subscribeToNewsletter']) assert.ok(opIds.includes(id), id);
});

test('the secretariat mails a programme’s timeline news item as an issue to the programme’s subscribers', async () => {
  const broker = await asRole(t, ['broker']);
  const bctx = ctxOf({ id: broker.user.id, roles: ['broker'] } as never);
  await createProgramme(bctx, { name: 'Peer learning programme', slug: 'peer-learning', themes: [], formats: [], languages: [] });
  await postNews(bctx, 'peer-learning', { title: 'Second round opens in March', body: 'Municipalities can apply from 1 March.' });
  await subscribeAndConfirm(t.client(), 'prog@example.org', 'en', ['programme:peer-learning']);
  assert.equal((await coordA.client.get('/en/programmes/peer-learning/news')).body_.includes('Mail this news item'), false);
  const archive = await broker.client.get('/en/programmes/peer-learning/news');
  assert.match(archive.body_, /Mail this news item/);
  const at = /name="at" value="([^"]+)"/.exec(archive.body_)![1]!;
  assert.equal((await coordA.client.post('/en/programmes/peer-learning/news/from-timeline', { at })).status, 404);
  const res = await broker.client.post('/en/programmes/peer-learning/news/from-timeline', { at });
  assert.equal(res.status, 303);
  const id = /\/news\/issues\/([0-9a-f-]{36})\/edit/.exec(res.headers.get('location')!)![1]!;
  const preview = await broker.client.get(`/en/news/issues/${id}/preview`);
  assert.match(preview.body_, /Second round opens in March/);
  assert.match(preview.body_, /1 recipient\b/);
  assert.equal((await broker.client.post(`/en/news/issues/${id}/send`)).status, 303);
  await sendAll();
  await t.smtp.waitFor((m) => m.to[0] === 'prog@example.org' && m.subject.includes('Second round opens in March'));
  assert.equal((await t.client().get('/en/programmes/peer-learning/news/feed.atom')).status, 200);
});

test('a person’s data: subscriptions, deliveries and authored issues exported; erased, the issue stays with a deleted author', async () => {
  const exported = (await svc.exportPersonalData(t.db, coordA.user.id)) as { newsletters: { authoredIssues: unknown[] } };
  assert.ok(exported.newsletters.authoredIssues.length >= 1);
  const fr = (await svc.exportPersonalData(t.db, memberFr.user.id)) as { newsletters: { subscriber: { emailNorm: string } | null; deliveries: unknown[] } };
  assert.equal(fr.newsletters.subscriber?.emailNorm, 'membre.fr@example.org');
  assert.ok(fr.newsletters.deliveries.length >= 1);
  await t.db.transaction(async (tx) => {
    await svc.erasePersonalData(tx, coordA.user.id);
    await svc.erasePersonalData(tx, memberFr.user.id);
  });
  assert.equal((await t.db.select().from(newsDeliveries).where(eq(newsDeliveries.emailNorm, 'membre.fr@example.org'))).length, 0);
  assert.equal((await t.db.select().from(newsSubscribers).where(eq(newsSubscribers.emailNorm, 'membre.fr@example.org'))).length, 0);
  const page = await t.client().get(`/en/news/issues/${ids.issue1}`);
  assert.equal(page.status, 200);
  assert.match(page.body_, /Written by deleted account/i);
});

test('retention: confirmation links and addresses never confirmed go once expired; confirmed subscribers stay', async () => {
  await t.client().post('/en/news/subscribe', { email: 'never@example.org', locale: 'en', lists: ['network:alpha'], consent: 'yes' });
  assert.equal((await t.db.select().from(newsSubscribers).where(eq(newsSubscribers.emailNorm, 'never@example.org'))).length, 1);
  await svc.expireUnconfirmed(t.db, t.clock.now());
  assert.equal((await t.db.select().from(newsSubscribers).where(eq(newsSubscribers.emailNorm, 'never@example.org'))).length, 1, 'its link still works');
  await svc.expireUnconfirmed(t.db, new Date(t.clock.now().getTime() + 9 * 86_400_000));
  assert.equal((await t.db.select().from(newsSubscribers).where(eq(newsSubscribers.emailNorm, 'never@example.org'))).length, 0);
  assert.equal((await t.db.select().from(newsSubscribers).where(eq(newsSubscribers.emailNorm, 'reader@example.org'))).length, 1);
  assert.equal((await rows<{ n: number }>(t.db, sql`select count(*)::int as n from news_confirmations`))[0]!.n, 0);
});
