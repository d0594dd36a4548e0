/**
 * Replies by e-mail through the real inbound SMTP listener on a loopback port: the Reply-To of a
 * real notification (received by the test SMTP server) is answered with nodemailer, and the reply is
 * posted through the same path as on the site (a member's first posts wait for a coordinator). An
 * unknown or expired address, another sender, or a sender who left the network is refused with a 5xx
 * and nothing is stored.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.ts';
import { asRole, type TestUser } from '../../../test/support/users.ts';
import { discussionPosts, discussionReplyTokens } from '../../db/schema/discussions.ts';
import { drainOutbox } from '../../platform/outbox.ts';
import { startInboundMail, setReplyDomain, type InboundListener } from '../../platform/inbound-mail.ts';
import { MODULES } from '../index.ts';
import * as networksRepo from '../networks/networks.repository.ts';
import { hashReplyToken } from './discussions.service.ts';
import { notificationPreferences } from '../../db/schema/mail.ts';

let t: TestApp;
let inbound: InboundListener;
type Who = { user: TestUser; client: TestClient };
let coord: Who, m2: Who, m3: Who, outsider: Who;
let networkId = '';
let topicId = '';

const GUIDE = { en: 'Collegial interaction, advice without fee, and exchange at eye level.' };
const CONF = { en: 'Participants’ data is handled confidentially and never passed on.' };

async function member(u: TestUser) {
  await networksRepo.insertMembership(t.db, { networkId, userId: u.id, category: 'practitioner', themes: [], languages: ['en'], advisesWithoutFee: true, state: 'active', createdAt: t.clock.now() });
  await networksRepo.insertAcceptance(t.db, networkId, u.id, 1, t.clock.now());
}

const sender = () => nodemailer.createTransport({ host: '127.0.0.1', port: inbound.port, secure: false, ignoreTLS: true });
const drain = () => drainOutbox(t.db, t.deps.mailer, t.clock.now(), { baseUrl: t.config.baseUrl });
const posts = () => t.db.select().from(discussionPosts).where(eq(discussionPosts.topicId, topicId));
/** The Reply-To header of the last mail received for `email` about the topic. */
async function replyToOf(email: string): Promise<string> {
  const m = await t.smtp.waitFor((x) => x.to.includes(email) && /Reply-To:/i.test(x.raw));
  const addr = /^Reply-To:\s*<?([^>\s]+)>?\s*$/im.exec(m.raw)?.[1] ?? '';
  assert.match(addr, /^reply\+[0-9a-f]{32}@reply\.peerlink\.test$/);
  return addr;
}
async function refused(p: Promise<unknown>, code: RegExp) {
  await assert.rejects(p, (e: Error & { responseCode?: number; response?: string }) => {
    assert.equal(e.responseCode && Math.floor(e.responseCode / 100), 5, `a 5xx answer (got ${e.responseCode} ${e.response})`);
    assert.match(e.response ?? e.message, code);
    return true;
  });
}

before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  networkId = (await networksRepo.insertNetwork(t.db, { slug: 'alpha', name: { en: 'Network alpha' }, purpose: { en: 'Peer exchange.' }, regions: ['mena'], themes: ['waste_management'], joinPolicy: 'moderated', guidelines: GUIDE, confidentiality: CONF, now: t.clock.now() }))!;
  coord = await asRole(t, ['coordinator'], { name: 'Coordinator Alpha' });
  m2 = await asRole(t, [], { name: 'Member Two', locale: 'fr' });
  m3 = await asRole(t, [], { name: 'Member Three' });
  outsider = await asRole(t, [], { name: 'Not A Member' });
  await networksRepo.insertCoordinator(t.db, networkId, coord.user.id, t.clock.now());
  await member(m2.user);
  await member(m3.user);
  inbound = await startInboundMail({ db: t.db, hooks: MODULES.flatMap((m) => (m.inboundMail ? [m.inboundMail] : [])), port: 0, host: '127.0.0.1', domain: 'reply.peerlink.test', now: t.clock.now });
  // Both members take the networks' mail at once (a digest carries no reply address) and watch the network: they are mailed about every new topic.
  for (const w of [m2, m3]) await t.db.insert(notificationPreferences).values({ userId: w.user.id, networks: 'immediate', updatedAt: t.clock.now() });
  for (const w of [m2, m3]) assert.equal((await w.client.post('/en/networks/alpha/discussions/watch', { level: 'watch' })).status, 303);
  const res = await coord.client.post('/en/networks/alpha/discussions', { kind: 'discussion', title: 'Sorting at source in new neighbourhoods', body: 'Who has made sorting at source work in new neighbourhoods?' });
  assert.equal(res.status, 303);
  topicId = /\/discussions\/([0-9a-f-]{36})/.exec(res.headers.get('location') ?? '')?.[1] ?? '';
  assert.equal((await drain()).failed, 0);
});
after(async () => {
  await inbound.close();
  setReplyDomain(undefined);
  await t.close();
});

test('a member answers the notification by e-mail: the reply, without the quote and signature, waits for a coordinator like a web reply, then shows', async () => {
  const replyTo = await replyToOf(m2.user.email);
  const notice = await t.smtp.waitFor((x) => x.to.includes(m2.user.email));
  assert.match(notice.text, /répondre directement à cet e-mail/, 'the mail says so, in the recipient’s language');
  const [row] = await t.db.select().from(discussionReplyTokens).where(eq(discussionReplyTokens.userId, m2.user.id));
  assert.equal(row!.topicId, topicId);
  assert.equal(row!.expiresAt.getTime() - t.clock.now().getTime(), 30 * 86_400_000, 'valid 30 days');
  assert.notEqual(row!.tokenHash, /reply\+([0-9a-f]+)@/.exec(replyTo)![1], 'only a hash is kept');
  assert.equal(row!.tokenHash, hashReplyToken(/reply\+([0-9a-f]+)@/.exec(replyTo)![1]!));
  await sender().sendMail({
    from: `Member Two <${m2.user.email}>`,
    to: replyTo,
    subject: 'Re: Sorting at source in new neighbourhoods',
    text: 'Nous avons distribué des bacs <b>bicolores</b> aux nouveaux ménages.\n\nLe lun. 23 nov. 2026 à 09:00, Peerlink <no-reply@peerlink.localhost> a écrit :\n> Who has made sorting at source work?\n-- \nMember Two',
  });
  const mine = (await posts()).filter((p) => p.authorId === m2.user.id);
  assert.equal(mine.length, 1);
  assert.equal(mine[0]!.state, 'pending', 'a member’s first posts wait for a coordinator, as on the site');
  assert.equal(mine[0]!.lang, 'fr');
  assert.doesNotMatch(mine[0]!.body, /a écrit|Who has made|Member Two|<b>/);
  assert.match(mine[0]!.body, /Nous avons distribué des bacs &lt;b&gt;bicolores&lt;\/b&gt; aux nouveaux ménages\./, 'the text is text');
  assert.equal((await drain()).failed, 0);
  await t.smtp.waitFor((m) => m.to.includes(coord.user.email) && /approval/i.test(m.subject));
  assert.equal((await coord.client.post(`/en/discussions/posts/${mine[0]!.id}/approve`)).status, 303);
  const page = await m3.client.get(`/en/discussions/${topicId}`);
  assert.match(page.body_, /Nous avons distribué des bacs/);
});

test('refused with a 5xx and nothing stored: an unknown address, an expired one, another sender, a sender who left the network', async () => {
  const before = (await posts()).length;
  const replyTo = await replyToOf(m3.user.email);
  // Unknown token.
  await refused(sender().sendMail({ from: m3.user.email, to: `reply+${'0'.repeat(32)}@reply.peerlink.test`, subject: 'Re', text: 'An answer.' }), /Unknown reply address/);
  // Expired token (valid in every other way).
  const old = 'a'.repeat(32);
  await t.db.insert(discussionReplyTokens).values({ tokenHash: hashReplyToken(old), userId: m3.user.id, topicId, createdAt: new Date(t.clock.now().getTime() - 31 * 86_400_000), expiresAt: new Date(t.clock.now().getTime() - 86_400_000) });
  await refused(sender().sendMail({ from: m3.user.email, to: `reply+${old}@reply.peerlink.test`, subject: 'Re', text: 'An answer.' }), /expired/);
  // Someone else's address: another envelope sender, or a forged From header.
  await refused(sender().sendMail({ from: outsider.user.email, to: replyTo, subject: 'Re', text: 'An answer.' }), /another sender/);
  await refused(sender().sendMail({ envelope: { from: m3.user.email, to: replyTo }, from: outsider.user.email, to: replyTo, subject: 'Re', text: 'An answer.' }), /another sender/);
  // An empty reply (only the quote).
  await refused(sender().sendMail({ from: m3.user.email, to: replyTo, subject: 'Re', text: '> Who has made sorting at source work?' }), /empty/);
  // The member leaves the network: the address no longer works.
  await networksRepo.leave(t.db, networkId, m3.user.id, t.clock.now());
  await refused(sender().sendMail({ from: m3.user.email, to: replyTo, subject: 'Re', text: 'An answer.' }), /no longer reply/);
  assert.equal((await posts()).length, before, 'nothing was stored');
});
