/**
 * An exchange from a confirmed match through the pages: the broker plans it, the terms of
 * reference are rewritten (visible diff) and signed by host, peer and broker, the exchange is
 * agreed and held; participants use its page (agenda, tasks, messages, calendar); anyone else gets
 * the same 404 as for a missing id; a signed version can't be changed even in SQL.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { mkdtempSync, rmSync, readdirSync, existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, ORIGIN, type TestApp, type TestClient } from '../../../test/support/app.ts';
import { signedInClient } from '../../../test/support/users.ts';
import { confirmedMatch, PLAN, type Matched } from '../../../test/exchanges/fixtures.ts';
import { exchanges, exchangeParticipants, exchangeBudgetLines, torVersions, torSignatures, exchangeTransitions, notificationOutbox, auditLog } from '../../db/schema/index.ts';
import { rows } from '../../platform/db.ts';

let t: TestApp;
let m: Matched;
const c = {} as Record<'broker' | 'host' | 'approver' | 'peer' | 'peerColleague' | 'outsider' | 'visitor', TestClient>;

async function refreshSessions(): Promise<void> {
  const ids = { broker: m.broker.id, host: m.requester.id, approver: m.approver.id, peer: m.peer.id, peerColleague: m.peerColleague.id, outsider: m.outsider.id };
  for (const [k, id] of Object.entries(ids)) c[k as keyof typeof ids] = await signedInClient(t, { id });
}

let dataDir = '';
before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'peerlink-exchanges-'));
  t = await createTestApp({ env: { DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '0' } });
  m = await confirmedMatch(t);
  await refreshSessions();
  c.visitor = t.client();
});
after(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const loc = (r: Response) => r.headers.get('location') ?? '';
let exchangeId = '';

test('the broker sees the confirmed match waiting and plans its exchange; the form keeps what was typed on errors', async () => {
  const list = await c.broker.get('/exchanges');
  assert.equal(list.status, 200);
  assert.match(list.body_, new RegExp(`/exchanges/new\\?match=${m.matchId}`));
  const form = await c.broker.get(`/exchanges/new?match=${m.matchId}`);
  assert.equal(form.status, 200);
  assert.match(form.body_, /value="2027-03-01"/, 'dates come from the call');

  const bad = await c.broker.post(`/exchanges/new?match=${m.matchId}`, { ...PLAN, endDate: '2027-02-01', place: '', b0_amount: 'lots', p_host_official_women: '-2' });
  assert.equal(bad.status, 400);
  assert.match(bad.body_, /The last day cannot be before the first day/);
  assert.match(bad.body_, /Give the place, or the online link/);
  assert.match(bad.body_, /Write the amount as a number/);
  assert.match(bad.body_, /Flights Amsterdam–Ouagadougou/, 'typed values are kept');
  assert.equal((await t.db.select().from(exchanges)).length, 0);

  // Nobody but a broker may plan.
  assert.equal((await c.host.post(`/exchanges/new?match=${m.matchId}`, { ...PLAN })).status, 404);
  assert.equal((await c.host.get(`/exchanges/new?match=${m.matchId}`)).status, 404);

  const ok = await c.broker.post(`/exchanges/new?match=${m.matchId}`, { ...PLAN });
  assert.equal(ok.status, 303);
  exchangeId = /\/exchanges\/([0-9a-f-]{36})$/.exec(loc(ok))?.[1] ?? '';
  assert.ok(exchangeId);
  const [e] = await t.db.select().from(exchanges).where(eq(exchanges.id, exchangeId));
  assert.equal(e!.state, 'planned');
  assert.equal(e!.format, 'expert_assignment');
  assert.equal(e!.hostOrganisationId, m.orgId);
  assert.equal(e!.peerOrganisationId, m.providerOrgId);
  assert.deepEqual(e!.checklist, { travel: true, visas: true, insurance: false, interpretation: false, accommodation: false });
  const parts = await t.db.select().from(exchangeParticipants).where(eq(exchangeParticipants.exchangeId, exchangeId));
  assert.deepEqual(
    parts.map((p) => `${p.side}/${p.kind}/${p.women}/${p.men}/${p.otherGender}`).sort(),
    ['host/official/3/2/0', 'peer/expert/1/1/0', 'stakeholder/civil_society/4/0/1'],
  );
  const budget = await t.db.select().from(exchangeBudgetLines).where(eq(exchangeBudgetLines.exchangeId, exchangeId));
  assert.deepEqual(budget.map((b) => [b.label, b.amountCents, b.currency]).sort(), [
    ['Flights Amsterdam–Ouagadougou', 184050, 'EUR'],
    ['Venue and local transport', 30000, 'XOF'],
  ]);
  const [v1] = await t.db.select().from(torVersions).where(eq(torVersions.exchangeId, exchangeId));
  assert.equal(v1!.version, 1);
  assert.match(v1!.content.objectives, /targeted expert advice/, 'the first version is the expert-assignment template in the broker’s language');
  // Both sides are told (the requester reads French).
  const mails = await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.kind, 'exchange_planned'));
  assert.ok(mails.some((x) => x.userId === m.requester.id && /Échange planifié/.test(x.subject)));
  assert.ok(mails.some((x) => x.userId === m.peer.id && /Intercambio planificado/.test(x.subject)));

  // A second plan for the same match makes no second exchange.
  const again = await c.broker.post(`/exchanges/new?match=${m.matchId}`, { ...PLAN });
  assert.equal(again.status, 303);
  assert.equal(loc(again), `/en/exchanges/${exchangeId}`);
  assert.equal((await t.db.select().from(exchanges)).length, 1);
});

test('issue 16.6: the budget amount is read the reader’s way ("1 250,50" in French, "1.250,50" in Spanish) and shown back that way', async () => {
  const fr = await c.broker.post(`/fr/exchanges/${exchangeId}/plan`, { ...PLAN, b0_amount: '1250,50', b1_amount: '1 300' });
  assert.equal(fr.status, 303, fr.body_.slice(0, 300));
  let budget = await t.db.select().from(exchangeBudgetLines).where(eq(exchangeBudgetLines.exchangeId, exchangeId));
  assert.deepEqual(budget.map((b) => b.amountCents).sort((a, b) => a - b), [125050, 130000]);
  const form = await c.broker.get(`/fr/exchanges/${exchangeId}/plan`);
  assert.match(form.body_, /name="b0_amount" [^>]*value="1\u202f250,50"|value="1\u202f250,50"[^>]*/);
  const es = await c.broker.post(`/es/exchanges/${exchangeId}/plan`, { ...PLAN, b0_amount: '1.840,50' });
  assert.equal(es.status, 303);
  budget = await t.db.select().from(exchangeBudgetLines).where(eq(exchangeBudgetLines.exchangeId, exchangeId));
  assert.ok(budget.some((b) => b.amountCents === 184050));
  const bad = await c.broker.post(`/fr/exchanges/${exchangeId}/plan`, { ...PLAN, b0_amount: '12,345,6' });
  assert.equal(bad.status, 400);
  assert.match(bad.body_, /par exemple 1\u202f250,50/);
  // Back to the plan the later tests expect.
  assert.equal((await c.broker.post(`/exchanges/${exchangeId}/plan`, { ...PLAN })).status, 303);
});

test('only participants see the exchange: everyone else gets the same 404 as a missing id', async () => {
  const missingId = randomUUID();
  const missing = await c.outsider.get(`/exchanges/${missingId}`);
  assert.equal(missing.status, 404);
  const norm = (b: string, id: string) => b.replace(/nonce="[^"]+"/g, '').replaceAll(id, 'ID');
  for (const who of ['outsider'] as const) {
    for (const path of [`/exchanges/${exchangeId}`, `/exchanges/${exchangeId}/terms`, `/exchanges/${exchangeId}/calendar.ics`, `/exchanges/${exchangeId}/plan`, ...TASK_PAGES.map((p) => `/exchanges/${exchangeId}/${p}`)]) {
      const r = await c[who].get(path);
      assert.equal(r.status, 404, path);
      const missingBody = (await c[who].get(path.replace(exchangeId, missingId))).body_;
      assert.equal(norm(r.body_, exchangeId), norm(missingBody, missingId), `${path}: same body as missing`);
    }
    assert.equal((await c[who].post(`/exchanges/${exchangeId}/messages`, { body: 'hello' })).status, 404);
    assert.equal((await c[who].post(`/exchanges/${exchangeId}/terms/sign`, { version: '1' })).status, 404);
  }
  const visitor = await c.visitor.get(`/exchanges/${exchangeId}`);
  assert.equal(visitor.status, 303, 'a visitor is sent to sign in');
  const denied = await rows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_log where action = 'exchange.view' and outcome = 'denied' and object_id = ${exchangeId}`);
  assert.ok(denied[0]!.n >= 1, 'denied access is audited');
  for (const who of ['broker', 'host', 'approver', 'peer', 'peerColleague'] as const) {
    const r = await c[who].get(`/exchanges/${exchangeId}`);
    assert.equal(r.status, 200, who);
    assert.match(r.body_, /Mairie de Ziniaré/);
  }
  const page = await c.host.get(`/fr/exchanges/${exchangeId}`);
  assert.match(page.body_, /Mission d'expertise|Mission d&#39;expertise/);
  assert.match(page.body_, /12 participants/);
  assert.doesNotMatch(page.body_, /Modifier le plan/, 'the host does not edit the plan');
  assert.doesNotMatch(page.body_, /name="event"/, 'the host does not move the state');
});

/** The exchange's task pages, one form each (besides /plan and /terms). */
const TASK_PAGES = ['agenda', 'tasks', 'documents', 'messages', 'agree', 'held', 'evaluated', 'close', 'lesson', 'partnership'] as const;

test('issue 16: the exchange page is a summary (no form) with the reader’s next step and a task list; each task has its own page, open by role', async () => {
  const summary = await c.host.get(`/en/exchanges/${exchangeId}`);
  assert.equal(summary.status, 200);
  assert.doesNotMatch(/<main[^]*<\/main>/.exec(summary.body_)?.[0] ?? '<form', /<form/, 'the summary holds no form');
  const section = (b: string, id: string) => new RegExp(`<section aria-labelledby="${id}"[^]*?</section>`).exec(b)?.[0] ?? '';
  // The host has the terms to sign: that is its next step, linked to the terms page.
  assert.match(section(summary.body_, 'h-next'), new RegExp(`href="/en/exchanges/${exchangeId}/terms">Read the latest terms of reference`));
  const tasks = section(summary.body_, 'h-tasks');
  const statusOf = (b: string, name: string) => new RegExp(`${name}(?:</a>)?</span> <span id="st-[a-z]+"><strong class="task-tag task-tag--([a-zA-Z]+)">`).exec(b)?.[1];
  assert.equal(statusOf(tasks, 'Terms of reference'), 'notStarted');
  assert.equal(statusOf(tasks, 'Agenda'), 'notStarted');
  assert.equal(statusOf(tasks, 'Questionnaires and results'), 'cannotStart');
  assert.match(tasks, /Plan: dates, place, participants and budget<\/span>/, 'the host sees the plan done, not as a link');
  assert.doesNotMatch(tasks, /Mark as agreed/, 'the host has no state moves in its list');
  // The broker's list has the moves, each to its own page; agreeing cannot start before the terms are signed.
  const broker = section((await c.broker.get(`/en/exchanges/${exchangeId}`)).body_, 'h-tasks');
  assert.match(broker, new RegExp(`href="/en/exchanges/${exchangeId}/plan"`));
  assert.equal(statusOf(broker, 'Mark as agreed'), 'cannotStart');
  assert.equal(statusOf(broker, 'Mark as held'), 'cannotStart');
  const agree = await c.broker.get(`/en/exchanges/${exchangeId}/agree`);
  assert.equal(agree.status, 200);
  assert.doesNotMatch(agree.body_, /name="event"/, 'no button while the terms are not signed by all three');
  assert.match(agree.body_, /must first be signed by the host, the peer and the secretariat/);

  // Route × role: the participants' task pages are open to every participant; the state moves to the broker only;
  // the lesson only once held; the partnership only once evaluated.
  const expected: Record<string, Record<(typeof TASK_PAGES)[number], number>> = {
    broker: { agenda: 200, tasks: 200, documents: 200, messages: 200, agree: 200, held: 200, evaluated: 200, close: 200, lesson: 404, partnership: 404 },
    host: { agenda: 200, tasks: 200, documents: 200, messages: 200, agree: 404, held: 404, evaluated: 404, close: 404, lesson: 404, partnership: 404 },
    approver: { agenda: 200, tasks: 200, documents: 200, messages: 200, agree: 404, held: 404, evaluated: 404, close: 404, lesson: 404, partnership: 404 },
    peer: { agenda: 200, tasks: 200, documents: 200, messages: 200, agree: 404, held: 404, evaluated: 404, close: 404, lesson: 404, partnership: 404 },
    peerColleague: { agenda: 200, tasks: 200, documents: 200, messages: 200, agree: 404, held: 404, evaluated: 404, close: 404, lesson: 404, partnership: 404 },
    outsider: { agenda: 404, tasks: 404, documents: 404, messages: 404, agree: 404, held: 404, evaluated: 404, close: 404, lesson: 404, partnership: 404 },
  };
  for (const [who, paths] of Object.entries(expected))
    for (const [p, status] of Object.entries(paths)) assert.equal((await c[who as keyof typeof c].get(`/exchanges/${exchangeId}/${p}`)).status, status, `${who} GET ${p}`);
  assert.equal((await c.visitor.get(`/exchanges/${exchangeId}/agenda`)).status, 303, 'a visitor is sent to sign in');
  // Every task page is in the reader's language and leads back to the summary.
  const fr = await c.peer.get(`/fr/exchanges/${exchangeId}/messages`);
  assert.match(fr.body_, new RegExp(`<a href="/fr/exchanges/${exchangeId}">`));
  assert.match(fr.body_, /<h1>Messages<\/h1>/);
  // No script anywhere, and each page within 50 KB gzip with its stylesheet (Arabic, the broker's fullest view).
  const css = gzipSync(readFileSync(join(import.meta.dirname, '../../platform/html/app.css'))).length;
  for (const p of ['', '/agenda', '/tasks', '/documents', '/messages', '/agree', '/held', '/evaluated', '/close']) {
    const r = await c.broker.get(`/ar/exchanges/${exchangeId}${p}`);
    assert.equal(r.status, 200, p);
    assert.doesNotMatch(r.body_, /<script/, p);
    const size = gzipSync(r.body_).length + css;
    assert.ok(size <= 50 * 1024, `${p}: ${size} bytes`);
    if (process.env.SHOW_SIZES) console.log(`size /ar/exchanges/:id${p}: ${size} bytes gzip with CSS`);
  }
});

test('terms of reference: a new version, a visible diff, signatures by host, peer and broker; agreeing needs all three', async () => {
  // Not agreed yet: the broker can't move to agreed.
  const early = await c.broker.post(`/exchanges/${exchangeId}/transitions`, { event: 'agree' });
  assert.equal(early.status, 303);
  assert.equal((await t.db.select().from(exchanges).where(eq(exchanges.id, exchangeId)))[0]!.state, 'planned');

  // The host signs version 1, then the broker writes version 2: the signature stays on version 1.
  assert.equal((await c.host.post(`/exchanges/${exchangeId}/terms/sign`, { version: '1' })).status, 303);
  const v2 = {
    baseVersion: '1',
    objectives: 'A costed collection plan for all sectors of Ziniaré.',
    activities: 'Review of documents before the visit.\nTwo days of field visits with the waste pickers.\nRestitution workshop on the last day.',
    expectedResults: 'The council adopts the plan.',
    deliverables: 'Mission report',
    roles: 'Host organises; peer advises.',
    interpretation: 'French–Dutch for two sessions.',
  };
  assert.equal((await c.outsider.post(`/exchanges/${exchangeId}/terms`, v2)).status, 404, 'only participants write versions');
  const bad = await c.broker.post(`/exchanges/${exchangeId}/terms`, { ...v2, objectives: '' });
  assert.equal(bad.status, 400);
  assert.match(bad.body_, /Two days of field visits/, 'the typed text is kept');
  assert.equal((await c.broker.post(`/exchanges/${exchangeId}/terms`, v2)).status, 303);
  // A stale base version is refused, not silently overwritten.
  await c.broker.post(`/exchanges/${exchangeId}/terms`, { ...v2, baseVersion: '1', roles: 'changed' });
  const versions = await t.db.select().from(torVersions).where(eq(torVersions.exchangeId, exchangeId));
  assert.deepEqual(versions.map((v) => v.version).sort(), [1, 2]);

  const page = await c.peer.get(`/en/exchanges/${exchangeId}/terms`);
  assert.equal(page.status, 200);
  assert.match(page.body_, /Changes from version 1 to version 2/);
  assert.match(page.body_, /<ins><span class="visually-hidden">added: <\/span>\+ Two days of field visits with the waste pickers.<\/ins>/);
  assert.match(page.body_, /<del><span class="visually-hidden">removed: <\/span>− Field visits and interviews with municipal staff.<\/del>/);
  assert.match(page.body_, /Sign version 2 for: Peer/);

  // Signing an old version is refused.
  await c.peer.post(`/exchanges/${exchangeId}/terms/sign`, { version: '1' });
  assert.equal((await t.db.select().from(torSignatures).where(eq(torSignatures.side, 'peer'))).length, 0);

  for (const who of ['peer', 'host', 'broker'] as const) assert.equal((await c[who].post(`/exchanges/${exchangeId}/terms/sign`, { version: '2' })).status, 303);
  // Signing twice records one signature.
  await c.host.post(`/exchanges/${exchangeId}/terms/sign`, { version: '2' });
  const sigs = await rows<{ version: number; side: string; user_id: string }>(
    t.db,
    sql`select v.version, s.side, s.user_id from tor_signatures s join tor_versions v on v.id = s.tor_version_id where s.exchange_id = ${exchangeId} order by v.version, s.side`,
  );
  assert.deepEqual(
    sigs.map((s) => `${s.version}:${s.side}:${s.user_id}`),
    [`1:host:${m.requester.id}`, `2:broker:${m.broker.id}`, `2:host:${m.requester.id}`, `2:peer:${m.peer.id}`],
  );
  const agreedPage = await c.host.get(`/en/exchanges/${exchangeId}/terms`);
  assert.match(agreedPage.body_, /Version 2 is signed by the host, the peer and the secretariat/);
  assert.doesNotMatch(agreedPage.body_, /Sign version/);
  assert.ok((await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.kind, 'exchange_tor_agreed'))).length >= 3);

  assert.equal((await c.broker.post(`/exchanges/${exchangeId}/transitions`, { event: 'agree' })).status, 303);
  assert.equal((await t.db.select().from(exchanges).where(eq(exchanges.id, exchangeId)))[0]!.state, 'agreed');
  // Agreed: no new version can be written, no signing.
  await c.broker.post(`/exchanges/${exchangeId}/terms`, { ...v2, baseVersion: '2', objectives: 'Something else' });
  assert.equal((await t.db.select().from(torVersions).where(eq(torVersions.exchangeId, exchangeId))).length, 2);
});

test('a signed version never changes, even in SQL; signatures are append-only', async () => {
  const [v2] = await t.db.select().from(torVersions).where(sql`${torVersions.exchangeId} = ${exchangeId} and ${torVersions.version} = 2`);
  await assert.rejects(t.db.update(torVersions).set({ content: { ...v2!.content, objectives: 'tampered' } }).where(eq(torVersions.id, v2!.id)));
  await assert.rejects(t.db.delete(torVersions).where(eq(torVersions.id, v2!.id)));
  await assert.rejects(t.db.delete(torSignatures).where(eq(torSignatures.torVersionId, v2!.id)));
  await assert.rejects(t.db.update(torSignatures).set({ side: 'host' }).where(eq(torSignatures.torVersionId, v2!.id)));
  const [again] = await t.db.select().from(torVersions).where(eq(torVersions.id, v2!.id));
  assert.equal(again!.content.objectives, 'A costed collection plan for all sectors of Ziniaré.');
});

test('the exchange page: agenda within the dates, tasks with due dates, messages, iCalendar', async () => {
  const out = await c.peer.post(`/en/exchanges/${exchangeId}/agenda`, { day: '2027-04-01', time: '09:00', title: 'Visit' });
  assert.equal(out.status, 400);
  assert.match(out.body_, /The day must fall within the exchange/);
  assert.match(out.body_, /<h1>Agenda<\/h1>/, 'the agenda’s own page again, with the error');
  assert.equal((await c.peer.post(`/exchanges/${exchangeId}/agenda`, { day: '2027-03-02', time: '09:30', title: 'Field visit to sector 4' })).status, 303);
  assert.equal((await c.host.post(`/exchanges/${exchangeId}/tasks`, { title: 'Book the meeting room', dueDate: '2027-02-15' })).status, 303);
  const sent = await c.host.post(`/exchanges/${exchangeId}/messages`, { body: 'Bienvenue <script>alert(1)</script>' });
  assert.equal(sent.status, 303);
  assert.equal(loc(sent), `/en/exchanges/${exchangeId}`, 'back to the summary');
  const notice = await c.host.get(loc(sent));
  assert.match(notice.body_, /Your message is posted/, 'with a notice');
  assert.match(notice.body_, /Messages<\/a><\/span> <span id="st-messages"><strong class="task-tag task-tag--inProgress">/);
  const agenda = await c.peerColleague.get(`/en/exchanges/${exchangeId}/agenda`);
  assert.match(agenda.body_, /Field visit to sector 4/);
  const page = await c.peerColleague.get(`/en/exchanges/${exchangeId}/tasks`);
  assert.match(page.body_, /Book the meeting room(<\/bdi>)? — due February 15, 2027/);
  const messages = await c.peerColleague.get(`/en/exchanges/${exchangeId}/messages`);
  assert.match(messages.body_, /Bienvenue &lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.doesNotMatch(messages.body_, /<script>alert/);
  const taskId = /\/tasks\/([0-9a-f-]{36})"/.exec(page.body_)?.[1] ?? '';
  assert.equal((await c.peer.post(`/exchanges/${exchangeId}/tasks/${taskId}`, { done: 'true' })).status, 303);
  assert.match((await c.peer.get(`/en/exchanges/${exchangeId}/tasks`)).body_, /<s dir="auto">Book the meeting room<\/s>/);
  assert.match((await c.peer.get(`/en/exchanges/${exchangeId}`)).body_, /Tasks<\/a><\/span> <span id="st-tasks"><strong class="task-tag task-tag--done">/, 'every task done: done');
  assert.equal((await c.outsider.post(`/exchanges/${exchangeId}/tasks/${taskId}`, { done: 'false' })).status, 404);
  // The message reached the other side's outbox.
  assert.ok((await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.kind, 'exchange_message'))).some((x) => x.userId === m.peer.id));

  const ics = await c.peer.get(`/exchanges/${exchangeId}/calendar.ics`);
  assert.equal(ics.status, 200);
  assert.match(ics.headers.get('content-type') ?? '', /text\/calendar/);
  assert.match(ics.body_, /BEGIN:VCALENDAR/);
  assert.match(ics.body_, /DTSTART;VALUE=DATE:20270301/);
  assert.match(ics.body_, /DTEND;VALUE=DATE:20270313/, 'an all-day event ends the day after the last day');
  assert.match(ics.body_, /SUMMARY:Field visit to sector 4/);
  assert.match(ics.body_, /DTSTART:20270302T093000Z/);
});

test('state moves: held only from the first day, then evaluated, closed; every move is recorded; forbidden moves change nothing', async () => {
  assert.equal((await c.host.post(`/exchanges/${exchangeId}/transitions`, { event: 'hold' })).status, 404, 'only the broker moves the state');
  await c.broker.post(`/exchanges/${exchangeId}/transitions`, { event: 'hold' });
  assert.equal((await t.db.select().from(exchanges).where(eq(exchanges.id, exchangeId)))[0]!.state, 'agreed', 'not before the first day');
  assert.equal((await c.broker.post(`/exchanges/${exchangeId}/transitions`, { event: 'fly' })).status, 400);
  assert.doesNotMatch((await c.broker.get(`/exchanges/${exchangeId}/held`)).body_, /name="event"/, 'no button before the first day');
  t.clock.set('2027-03-01T08:00:00Z');
  await refreshSessions();
  const held = await c.broker.get(`/en/exchanges/${exchangeId}/held`);
  assert.match(held.body_, /<input type="hidden" name="event" value="hold">/, 'from the first day, the held page has its button');
  assert.match((await c.broker.get(`/en/exchanges/${exchangeId}`)).body_, new RegExp(`<h2 id="h-next">Next for you</h2><p><a href="/en/exchanges/${exchangeId}/held">`));
  await c.broker.post(`/exchanges/${exchangeId}/transitions`, { event: 'close' });
  assert.equal((await t.db.select().from(exchanges).where(eq(exchanges.id, exchangeId)))[0]!.state, 'agreed', 'close is not allowed from agreed');
  await c.broker.post(`/exchanges/${exchangeId}/transitions`, { event: 'hold' });
  assert.equal((await t.db.select().from(exchanges).where(eq(exchanges.id, exchangeId)))[0]!.state, 'held');
  // Held: the plan is closed to edits.
  assert.equal((await c.broker.get(`/exchanges/${exchangeId}/plan`)).status, 404);
  const moves = await t.db.select().from(exchangeTransitions).where(eq(exchangeTransitions.exchangeId, exchangeId));
  assert.deepEqual(
    moves.map((x) => `${x.fromState}>${x.toState}`),
    ['planned>agreed', 'agreed>held'],
  );
  const audited = await t.db.select().from(auditLog).where(eq(auditLog.objectId, exchangeId));
  assert.ok(audited.some((a) => a.action === 'exchange.hold'));
});

const PDF = new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'));
async function upload(client: TestClient, path: string, name: string, bytes: Uint8Array) {
  const fd = new FormData();
  fd.append('file', new Blob([Buffer.from(bytes)]), name);
  const res = await t.app.request(`${ORIGIN}${path}`, { method: 'POST', body: fd, headers: { Cookie: client.cookieHeader(), Origin: ORIGIN, 'X-Forwarded-For': client.ip } });
  return { status: res.status, body: await res.text() };
}
const stored = () => (existsSync(join(dataDir, 'files')) ? readdirSync(join(dataDir, 'files')) : []);

test('documents: participants share checked files; only participants open them (404 as missing otherwise), as attachments', async () => {
  const before = stored().length;
  const wrong = await upload(c.peer, `/en/exchanges/${exchangeId}/documents`, 'agenda.pdf', new Uint8Array(Buffer.from('<script>alert(1)</script>')));
  assert.equal(wrong.status, 415);
  assert.equal(stored().length, before, 'no file remains');
  assert.equal((await upload(c.outsider, `/en/exchanges/${exchangeId}/documents`, 'agenda.pdf', PDF)).status, 404);
  const ok = await upload(c.peer, `/en/exchanges/${exchangeId}/documents`, 'Programme de mission.pdf', PDF);
  assert.equal(ok.status, 303);
  assert.equal(stored().length, before + 1);
  assert.ok(!stored().some((n) => n.includes('Programme')), 'stored under a random name');
  const page = await c.host.get(`/en/exchanges/${exchangeId}/documents`);
  const docId = new RegExp(`/exchanges/${exchangeId}/documents/([0-9a-f-]{36})`).exec(page.body_)?.[1] ?? '';
  assert.match(page.body_, /Programme de mission.pdf/);
  const dl = await c.host.get(`/exchanges/${exchangeId}/documents/${docId}`);
  assert.equal(dl.status, 200);
  assert.equal(dl.headers.get('content-type'), 'application/pdf');
  assert.match(dl.headers.get('content-disposition') ?? '', /^attachment; filename="Programme de mission.pdf"/);
  assert.equal(dl.headers.get('content-security-policy'), 'sandbox');
  assert.equal(dl.body_.slice(0, 8), '%PDF-1.4');
  const other = await c.outsider.get(`/exchanges/${exchangeId}/documents/${docId}`);
  const missing = await c.outsider.get(`/exchanges/${exchangeId}/documents/${randomUUID()}`);
  assert.equal(other.status, 404);
  assert.equal(missing.status, 404);
  assert.equal((await t.client().get(`/exchanges/${exchangeId}/documents/${docId}`)).status, 404, 'a copied link without the session answers 404');
});
