/**
 * Evaluations: questionnaires per programme, sent to both sides before the exchange, right after
 * it and at 3, 6 and 12 months (driven by the fake clock), weekly reminders until answered, one
 * answer kept when two arrive at once, answers seen only by the broker and the answering side.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.ts';
import { signedInClient } from '../../../test/support/users.ts';
import { confirmedMatch, PLAN, type Matched } from '../../../test/exchanges/fixtures.ts';
import { ctxOf } from '../../../test/requests/fixtures.ts';
import { evaluations, evaluationAnswers, questionnaires, notificationOutbox } from '../../db/schema/index.ts';
import { rows } from '../../platform/db.ts';
import { i18n } from '../../platform/i18n.ts';
import * as ex from '../exchanges/exchanges.service.ts';
import * as ev from './evaluations.service.ts';
import { dueDate, isDue, STAGES } from './evaluations.schedule.ts';

let t: TestApp;
let m: Matched;
let exchangeId = '';
const c = {} as Record<'broker' | 'host' | 'peer' | 'outsider', TestClient>;

async function at(iso: string): Promise<void> {
  t.clock.set(iso);
  c.broker = await signedInClient(t, { id: m.broker.id });
  c.host = await signedInClient(t, { id: m.requester.id });
  c.peer = await signedInClient(t, { id: m.peer.id });
  c.outsider = await signedInClient(t, { id: m.outsider.id });
}
const run = () => ev.runEvaluations(t.db, t.clock.now());
const outbox = (kind: string) => t.db.select().from(notificationOutbox).where(eq(notificationOutbox.kind, kind));

before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  m = await confirmedMatch(t);
  await at('2026-11-23T09:00:00Z');
});
after(() => t.close());

test('due dates: 14 days before, the day after, and 3, 6, 12 calendar months after the last day (month ends kept)', () => {
  assert.equal(dueDate('before', '2027-03-01', '2027-03-12'), '2027-02-15');
  assert.equal(dueDate('after', '2027-03-01', '2027-03-12'), '2027-03-13');
  assert.equal(dueDate('m3', '2027-03-01', '2027-03-12'), '2027-06-12');
  assert.equal(dueDate('m6', '2027-03-01', '2027-03-12'), '2027-09-12');
  assert.equal(dueDate('m12', '2027-03-01', '2027-03-12'), '2028-03-12');
  assert.equal(dueDate('m3', '2027-11-01', '2027-11-30'), '2028-02-29');
  assert.equal(dueDate('m6', '2027-08-01', '2027-08-31'), '2028-02-29');
  assert.equal(isDue('before', { state: 'planned', startDate: '2027-03-01', endDate: '2027-03-12' }, new Date('2027-05-01T00:00:00Z')), false, 'nothing while only planned');
});

test('during the exchange: sent on its middle day, a day within its dates (CONNECT monitors before, during and after); stages in time order', () => {
  assert.equal(dueDate('during', '2027-03-01', '2027-03-12'), '2027-03-06');
  assert.equal(dueDate('during', '2027-05-15', '2027-05-19'), '2027-05-17', 'five days: the third');
  assert.equal(dueDate('during', '2027-05-15', '2027-05-15'), '2027-05-15', 'a one-day exchange: that day');
  assert.equal(dueDate('during', '2027-02-27', '2027-03-02'), '2027-02-28', 'across a month end');
  for (const [start, end] of [['2027-03-01', '2027-03-12'], ['2027-05-15', '2027-05-15'], ['2028-02-20', '2028-03-10']] as const) {
    const d = dueDate('during', start, end);
    assert.ok(d >= start && d <= end, `${d} within ${start}–${end}`);
  }
  const e = { state: 'agreed', startDate: '2027-03-01', endDate: '2027-03-12' };
  assert.equal(isDue('during', e, new Date('2027-03-05T23:00:00Z')), false);
  assert.equal(isDue('during', e, new Date('2027-03-06T00:00:00Z')), true);
  assert.deepEqual([...STAGES], ['before', 'during', 'after', 'm3', 'm6', 'm12']);
});

test('a questionnaire introduced long after a stage fell due is not sent for it (a follow-up added in 2030 skips the exchanges of 2027); within 30 days it is', () => {
  const e = { state: 'completed', startDate: '2027-03-01', endDate: '2027-03-12' };
  const later = new Date('2030-01-01T00:00:00Z');
  assert.equal(isDue('m3', { ...e, introducedAt: new Date('2030-01-01T00:00:00Z') }, later), false, 'm3 fell due 2027-06-12');
  assert.equal(isDue('m3', { ...e, introducedAt: new Date('2027-07-10T00:00:00Z') }, later), true, 'introduced 28 days after it fell due');
  assert.equal(isDue('m3', { ...e, introducedAt: new Date('2027-07-13T00:00:00Z') }, later), false, '31 days after');
  assert.equal(isDue('m12', { ...e, introducedAt: new Date('2027-07-13T00:00:00Z') }, new Date('2028-03-12T00:00:00Z')), true, 'later stages of the same exchange still go');
});

test('the broker configures a questionnaire per stage (scale, choice, number, text); bad input keeps what was typed', async () => {
  const base = `/evaluations/questionnaires?programme=${m.programmeId}`;
  assert.equal((await c.host.get(base)).status, 404);
  assert.equal((await c.broker.get(`/evaluations/questionnaires?programme=${randomUUID()}`)).status, 404);
  const bad = await c.broker.post(base, { stage: 'before', title: 'Baseline', q0_kind: 'choice', q0_label: 'Which department leads?', q0_choices: 'Only one' });
  assert.equal(bad.status, 400);
  assert.match(bad.body_, /Give between 2 and 12 options/);
  assert.match(bad.body_, /Which department leads\?/);
  const ok = await c.broker.post(base, {
    stage: 'before',
    title: 'Baseline and expectations',
    q0_kind: 'scale',
    q0_label: 'How well do you know the subject today?',
    q1_kind: 'text',
    q1_label: 'What do you expect from the exchange?',
    q2_kind: 'choice',
    q2_label: 'Which department leads?',
    q2_choices: 'Environment\nFinance\nMayor’s office',
    q3_kind: 'number',
    q3_label: 'How many staff work on it?',
    q3_optional: 'on',
  });
  assert.equal(ok.status, 303);
  for (const [stage, title] of [
    ['after', 'Results'],
    ['m3', 'Three months on'],
    ['m6', 'Six months on'],
    ['m12', 'A year on'],
  ])
    assert.equal((await c.broker.post(base, { stage, title, q0_kind: 'scale', q0_label: 'How useful was the exchange?', q1_kind: 'text', q1_label: 'What changed, what was used?', q1_optional: 'on' })).status, 303);
  // One per stage.
  await c.broker.post(base, { stage: 'after', title: 'Again', q0_kind: 'text', q0_label: 'x' });
  const qs = await t.db.select().from(questionnaires).where(eq(questionnaires.programmeId, m.programmeId));
  assert.deepEqual(qs.map((q) => q.stage).sort(), ['after', 'before', 'm12', 'm3', 'm6']);
  const page = await c.broker.get(`/fr${base}`);
  assert.match(page.body_, /Échelle de 1 à 5/);
  assert.match(page.body_, /Environment \/ Finance \/ Mayor’s office/);
});

test('nothing is sent while the exchange is only planned; the baseline goes to both sides 14 days before; reminders weekly until answered', async () => {
  const bctx = () => ctxOf(t, m.broker);
  const planned = await ex.planExchange(bctx(), m.matchId, { ...PLAN }, i18n().translator('en'));
  assert.ok(planned.ok);
  exchangeId = planned.id;
  assert.deepEqual(await run(), { sent: 0, reminded: 0 });
  for (const who of [m.requester, m.peer, m.broker]) await ex.signTor(ctxOf(t, who), exchangeId, 1);
  assert.deepEqual(await ex.moveExchange(bctx(), exchangeId, 'agree'), { ok: true, to: 'agreed' });

  await at('2027-02-14T23:00:00Z');
  assert.deepEqual(await run(), { sent: 0, reminded: 0 }, 'not yet due');
  await at('2027-02-15T06:00:00Z');
  assert.deepEqual(await run(), { sent: 2, reminded: 0 });
  assert.deepEqual(await run(), { sent: 0, reminded: 0 }, 'running again sends nothing twice');
  const sent = await outbox('evaluation_sent');
  assert.deepEqual(new Set(sent.map((x) => x.userId)), new Set([m.requester.id, m.approver.id, m.peer.id, m.providerAdmin.id]));
  assert.ok(sent.some((x) => x.userId === m.requester.id && /Questionnaire d’évaluation/.test(x.subject)), 'in the recipient’s language');

  await at('2027-02-21T06:00:00Z');
  assert.deepEqual(await run(), { sent: 0, reminded: 0 }, 'no reminder before 7 days');
  await at('2027-02-22T06:00:00Z');
  assert.deepEqual(await run(), { sent: 0, reminded: 2 });
  assert.equal((await outbox("evaluation_reminder")).length, 4);
});

test('answering: each answer checked against its question; two answers at once keep one; answers seen only by the broker and the answering side', async () => {
  const [hostEval] = await t.db.select().from(evaluations).where(sql`${evaluations.exchangeId} = ${exchangeId} and ${evaluations.side} = 'host' and ${evaluations.stage} = 'before'`);
  const [peerEval] = await t.db.select().from(evaluations).where(sql`${evaluations.exchangeId} = ${exchangeId} and ${evaluations.side} = 'peer' and ${evaluations.stage} = 'before'`);
  const hostPage = await c.host.get(`/en/evaluations/${hostEval!.id}`);
  assert.equal(hostPage.status, 200);
  const ids = [...hostPage.body_.matchAll(/name="a_([0-9a-f-]{36})"/g)].map((x) => x[1]!);
  const [scaleQ, textQ, choiceQ, numberQ] = [...new Set(ids)];
  const bad = await c.host.post(`/en/evaluations/${hostEval!.id}`, { [`a_${scaleQ}`]: '9', [`a_${textQ}`]: 'A costed plan', [`a_${choiceQ}`]: 'Police', [`a_${numberQ}`]: 'twelve' });
  assert.equal(bad.status, 400);
  assert.match(bad.body_, /Write a number/);
  assert.match(bad.body_, /A costed plan/);
  assert.equal((await t.db.select().from(evaluationAnswers)).length, 0);

  // The peer side may not answer or read the host side's questionnaire: same 404 as a missing id.
  const missing = await c.peer.get(`/en/evaluations/${randomUUID()}`);
  const foreign = await c.peer.get(`/en/evaluations/${hostEval!.id}`);
  assert.equal(foreign.status, 404);
  const norm = (s: string) => s.replace(/nonce="[^"]+"/g, '').replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'ID');
  assert.equal(norm(foreign.body_), norm(missing.body_));
  assert.equal((await c.peer.post(`/en/evaluations/${hostEval!.id}`, { [`a_${scaleQ}`]: '5', [`a_${textQ}`]: 'x', [`a_${choiceQ}`]: 'Finance' })).status, 404);
  assert.equal((await c.outsider.get(`/en/evaluations/${hostEval!.id}`)).status, 404);

  const answer = { [`a_${scaleQ}`]: '2', [`a_${textQ}`]: 'A costed plan', [`a_${choiceQ}`]: 'Environment', [`a_${numberQ}`]: '3' };
  const hctx = ctxOf(t, m.requester);
  const approverCtx = ctxOf(t, m.approver);
  const results = await Promise.all([ev.answerEvaluation(hctx, hostEval!.id, answer), ev.answerEvaluation(approverCtx, hostEval!.id, answer)]);
  assert.equal(results.filter((r) => r.ok).length, 1, 'one of two simultaneous answers is kept');
  assert.deepEqual(results.find((r) => !r.ok), { ok: false, reason: 'already_answered' });
  const stored = await t.db.select().from(evaluationAnswers);
  assert.equal(stored.length, 1);
  assert.ok([m.requester.id, m.approver.id].includes(stored[0]!.answeredBy));
  assert.equal(stored[0]!.answers[choiceQ!], 'Environment');
  assert.equal(stored[0]!.answers[numberQ!], 3);

  // The broker reads it (audited); the host side sees its answers; the peer side does not.
  const brokerView = await c.broker.get(`/en/evaluations/${hostEval!.id}`);
  assert.match(brokerView.body_, /A costed plan/);
  const audited = await rows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_log where action = 'evaluation.open' and object_id = ${hostEval!.id} and actor_id = ${m.broker.id}`);
  assert.equal(audited[0]!.n, 1);
  const peerResults = await c.peer.get(`/en/exchanges/${exchangeId}/evaluations`);
  assert.equal(peerResults.status, 200);
  assert.doesNotMatch(peerResults.body_, /A costed plan/);
  assert.doesNotMatch(peerResults.body_, /Host side/);
  assert.match(peerResults.body_, new RegExp(peerEval!.id));
  const hostResults = await c.host.get(`/en/exchanges/${exchangeId}/evaluations`);
  assert.match(hostResults.body_, /A costed plan/);
  assert.doesNotMatch(hostResults.body_, new RegExp(peerEval!.id));
  assert.equal((await c.outsider.get(`/en/exchanges/${exchangeId}/evaluations`)).status, 404);

  // Reminders go on for the unanswered peer side only.
  await at('2027-03-01T06:00:00Z');
  assert.deepEqual(await run(), { sent: 0, reminded: 1 });
});

test('follow-ups right after and at 3, 6 and 12 months, on the clock; results per exchange with the scale average', async () => {
  await ex.moveExchange(ctxOf(t, m.broker), exchangeId, 'hold');
  await at('2027-03-13T06:00:00Z');
  assert.equal((await run()).sent, 2);
  await at('2027-06-11T06:00:00Z');
  assert.equal((await run()).sent, 0);
  await at('2027-06-12T06:00:00Z');
  assert.equal((await run()).sent, 2);
  await at('2027-09-12T06:00:00Z');
  assert.equal((await run()).sent, 2);
  await at('2028-03-12T06:00:00Z');
  assert.equal((await run()).sent, 2);
  const byStage = await rows<{ stage: string; n: number }>(t.db, sql`select stage, count(*)::int as n from evaluations where exchange_id = ${exchangeId} group by stage order by stage`);
  assert.deepEqual(byStage, [
    { stage: 'after', n: 2 },
    { stage: 'before', n: 2 },
    { stage: 'm12', n: 2 },
    { stage: 'm3', n: 2 },
    { stage: 'm6', n: 2 },
  ]);
  const [peerAfter] = await t.db.select().from(evaluations).where(sql`${evaluations.exchangeId} = ${exchangeId} and ${evaluations.side} = 'peer' and ${evaluations.stage} = 'after'`);
  const qs = await t.db.execute(sql`select id, kind from questionnaire_questions where questionnaire_id = ${peerAfter!.questionnaireId} order by position`);
  const qrows = (qs as unknown as { rows: { id: string; kind: string }[] }).rows;
  assert.deepEqual(await ev.answerEvaluation(ctxOf(t, m.peer), peerAfter!.id, { [`a_${qrows[0]!.id}`]: '4' }), { ok: true });
  const results = await c.broker.get(`/en/exchanges/${exchangeId}/evaluations`);
  assert.equal(results.status, 200);
  assert.match(results.body_, /Average on the 1–5 scales: 3/, '(2 + 4) / 2');
  assert.match(results.body_, /After 12 months/);
});

test('lessons: the broker drafts a good practice from the exchange’s record (linked to it), edits it in the library and publishes it', async () => {
  assert.equal((await c.host.post(`/en/exchanges/${exchangeId}/lesson`)).status, 404, 'only the broker drafts');
  const res = await c.broker.post(`/en/exchanges/${exchangeId}/lesson`);
  assert.equal(res.status, 303);
  const gpId = /\/good-practices\/([0-9a-f-]{36})$/.exec(res.headers.get('location') ?? '')?.[1] ?? '';
  assert.ok(gpId);
  const [gp] = await rows<Record<string, unknown>>(t.db, sql`select * from good_practices where id = ${gpId}`);
  assert.equal(gp!.exchange_id, exchangeId);
  assert.equal(gp!.state, 'draft');
  assert.equal(gp!.source, 'exchange');
  const en = (v: unknown) => (v as Record<string, string>).en ?? '';
  assert.match(en(gp!.problem), /Household waste is not collected/);
  assert.match(en(gp!.solution), /targeted expert advice/, 'from the agreed terms of reference');
  assert.match(en(gp!.results), /Average satisfaction in the evaluations: 3 out of 5/);
  assert.match(en(gp!.results), /A costed plan/, 'text answers of the evaluations');
  assert.match(en(gp!.cost), /1840.50 EUR \+ 300.00 XOF/);
  assert.deepEqual(gp!.themes, ['waste_management']);
  assert.deepEqual(gp!.formats, ['expert_assignment']);
  assert.deepEqual((gp!.partners as { name: string }[]).map((p) => p.name).length, 2);

  // Not yet publishable (no cooperation approach): the broker completes it, then publishes.
  assert.equal((await c.broker.post(`/en/good-practices/${gpId}/publish`)).status, 303);
  assert.equal((await rows<{ state: string }>(t.db, sql`select state from good_practices where id = ${gpId}`))[0]!.state, 'draft');
  const { updateGoodPractice } = await import('../knowledge/knowledge.service.ts');
  await updateGoodPractice(ctxOf(t, m.broker), gpId, {
    lang: 'en',
    title: 'Waste collection planning in Ziniaré',
    summary: en(gp!.summary),
    problem: en(gp!.problem),
    solution: en(gp!.solution),
    results: en(gp!.results),
    themes: ['waste_management'],
    sdgs: ['11'],
    formats: ['expert_assignment'],
    approach: 'city_to_city_partnership',
  });
  assert.equal((await c.broker.post(`/en/good-practices/${gpId}/publish`)).status, 303);
  assert.equal((await rows<{ state: string }>(t.db, sql`select state from good_practices where id = ${gpId}`))[0]!.state, 'published');
  const lib = await t.client().get('/en/good-practices?q=Ziniar%C3%A9');
  assert.match(lib.body_, /Waste collection planning in Ziniaré/);
});

test('programme dashboard (secretariat only): exchanges by state, format, region, theme and SDG, satisfaction and follow-ups, in five languages', async () => {
  assert.equal((await c.host.get(`/en/exchanges/dashboard?programme=${m.programmeId}`)).status, 404);
  assert.equal((await c.broker.get(`/en/exchanges/dashboard?programme=${randomUUID()}`)).status, 404);
  const en = await c.broker.get(`/en/exchanges/dashboard?programme=${m.programmeId}`);
  assert.equal(en.status, 200);
  assert.match(en.body_, /Average satisfaction: 3 out of 5 \(2 answers on 1–5 scales\)/);
  assert.match(en.body_, /<th scope="row">Held<\/th><td>1<\/td>/);
  assert.match(en.body_, /<th scope="row">Expert assignment<\/th><td>1<\/td>/);
  assert.match(en.body_, /<th scope="row">Sub-Saharan Africa<\/th><td>1<\/td>/);
  assert.match(en.body_, /<th scope="row">11\. [^<]+<\/th><td>1<\/td>/);
  assert.match(en.body_, /<th scope="row">Before<\/th><td>2<\/td><td>1<\/td>/);
  assert.equal((en.body_.match(/<h1>/g) ?? []).length, 1);
  for (const l of ['fr', 'es', 'pt', 'ar']) {
    const r = await c.broker.get(`/${l}/exchanges/dashboard?programme=${m.programmeId}`);
    assert.equal(r.status, 200);
    assert.match(r.body_, new RegExp(`<html lang="${l}"`));
  }
});

test('beyond one exchange: the host proposes a city-to-city partnership, the peer organisation’s admin confirms; both organisations see its record and history, nobody else', async () => {
  const page = await c.host.get(`/en/exchanges/${exchangeId}`);
  assert.match(page.body_, /Propose a city-to-city partnership/);
  const res = await c.host.post(`/en/exchanges/${exchangeId}/partnership`, { note: 'Joint project on composting in 2028.' });
  assert.equal(res.status, 303);
  const pid = /\/partnerships\/([0-9a-f-]{36})$/.exec(res.headers.get('location') ?? '')?.[1] ?? '';
  assert.ok(pid);
  // A second proposal makes no second record.
  const again = await c.peer.post(`/en/exchanges/${exchangeId}/partnership`, { note: 'x' });
  assert.equal(again.headers.get('location'), `/en/partnerships/${pid}`);
  assert.equal((await rows<{ n: number }>(t.db, sql`select count(*)::int as n from partnerships where exchange_id = ${exchangeId}`))[0]!.n, 1);

  const missing = await c.outsider.get(`/en/partnerships/${randomUUID()}`);
  const foreign = await c.outsider.get(`/en/partnerships/${pid}`);
  assert.equal(foreign.status, 404);
  assert.equal(missing.status, 404);
  assert.equal((await c.outsider.post(`/en/partnerships/${pid}/confirm`, { organisationId: m.providerOrgId })).status, 404);

  // The proposing side counts as confirmed; the other organisation's admin confirms for it (partnerships module), not any of its members.
  assert.doesNotMatch((await c.host.get(`/en/partnerships/${pid}`)).body_, /Confirm for/);
  await c.peer.post(`/en/partnerships/${pid}/confirm`, { organisationId: m.providerOrgId });
  assert.equal((await rows<{ state: string }>(t.db, sql`select state from partnerships where id = ${pid}`))[0]!.state, 'proposed');
  const peerView = await c.peer.get(`/en/partnerships/${pid}`);
  assert.match(peerView.body_, /<h1><bdi lang="en">(Ziniaré|Almere) [^<]+ – (Almere|Ziniaré) /);
  assert.match(peerView.body_, /Joint project on composting in 2028./);
  const admin = await signedInClient(t, { id: m.providerAdmin.id });
  assert.match((await admin.get(`/en/partnerships/${pid}`)).body_, /Confirm for Almere/);
  assert.equal((await admin.post(`/en/partnerships/${pid}/confirm`, { organisationId: m.providerOrgId })).status, 303);
  assert.equal((await rows<{ state: string }>(t.db, sql`select state from partnerships where id = ${pid}`))[0]!.state, 'active');
  assert.equal((await c.host.post(`/en/partnerships/${pid}/history`, { title: '' })).status, 400);
  assert.equal((await c.host.post(`/en/partnerships/${pid}/history`, { title: 'Memorandum signed by both mayors.', day: '2027-04-02' })).status, 303);
  const hist = await rows<{ kind: string }>(t.db, sql`select kind from partnership_events where partnership_id = ${pid} order by at, kind`);
  assert.deepEqual(hist.map((h) => h.kind).sort(), ['activity', 'confirmed', 'proposed']);
  const fr = await c.host.get(`/fr/partnerships/${pid}`);
  assert.match(fr.body_, /actif \(visible par les partenaires\)/);
  assert.match(fr.body_, /Memorandum signed by both mayors./);
});

test('the schedule can be run by the secretariat through POST /evaluations/run (the worker calls runEvaluations on the clock); nobody else may', async () => {
  assert.equal((await c.host.post('/en/evaluations/run')).status, 404);
  await at('2028-04-01T06:00:00Z');
  const res = await c.broker.post('/en/evaluations/run');
  assert.equal(res.status, 200);
  const out = JSON.parse(res.body_) as { sent: number; reminded: number };
  assert.equal(out.sent, 0, 'everything was already sent');
  assert.ok(out.reminded > 0, 'unanswered questionnaires are reminded');
  assert.deepEqual(await run(), { sent: 0, reminded: 0 }, 'and not twice in the same week');
});

test('reminders go on until answered — weekly for four, then every 28 days — and stop with the answer, for the baseline, right after and the 3, 6 and 12-month follow-ups (a worker run every day on the fake clock)', async () => {
  const { agreedExchange } = await import('../../../test/exchanges/evaluation-fixtures.ts');
  const { reminderGapDays } = await import('./evaluations.schedule.ts');
  assert.deepEqual([0, 1, 2, 3, 4, 5, 12].map(reminderGapDays), [7, 7, 7, 7, 28, 28, 28]);
  await at('2028-04-02T06:00:00Z');
  const x = await agreedExchange(t, m, 'Composting in Ziniaré', { startDate: '2028-06-01', endDate: '2028-06-05' });
  const key = (v: { stage: string; side: string }) => `${v.stage}/${v.side}`;
  const sentOn: Record<string, string> = {};
  const remindedOn: Record<string, string[]> = {};
  /** Answers an evaluation of exchange x for its side, filling every question. */
  const answerX = async (stage: string, side: 'host' | 'peer') => {
    const [v] = await t.db.select().from(evaluations).where(sql`${evaluations.exchangeId} = ${x} and ${evaluations.stage} = ${stage} and ${evaluations.side} = ${side}`);
    const qs = await rows<{ id: string; kind: string; choices: string[] }>(t.db, sql`select id, kind, choices from questionnaire_questions where questionnaire_id = ${v!.questionnaireId}`);
    const form = Object.fromEntries(qs.map((q) => [`a_${q.id}`, q.kind === 'scale' ? '4' : q.kind === 'number' ? '2' : q.kind === 'choice' ? q.choices[0]! : 'Noted']));
    assert.deepEqual(await ev.answerEvaluation(ctxOf(t, side === 'host' ? m.requester : m.peer), v!.id, form), { ok: true });
  };
  const answersOn: Record<string, [string, 'host' | 'peer'][]> = {
    '2028-06-03': [['before', 'host']],
    '2028-06-20': [['after', 'peer']],
    '2028-09-05': [['m3', 'host'], ['m3', 'peer']],
  };
  const seen = new Map<string, number>();
  for (let d = new Date('2028-05-10T06:00:00Z'); d <= new Date('2029-07-01T06:00:00Z'); d = new Date(d.getTime() + 86400_000)) {
    t.clock.set(d);
    await run();
    const day = d.toISOString().slice(0, 10);
    for (const v of await t.db.select().from(evaluations).where(eq(evaluations.exchangeId, x))) {
      const k = key(v);
      if (!seen.has(k)) sentOn[k] = day;
      if (v.reminders > (seen.get(k) ?? 0)) (remindedOn[k] ??= []).push(day);
      seen.set(k, v.reminders);
    }
    for (const [stage, side] of answersOn[day] ?? []) await answerX(stage, side);
  }
  // Each stage sent on its day to both sides.
  assert.deepEqual(sentOn, {
    'before/host': '2028-05-18',
    'before/peer': '2028-05-18',
    'after/host': '2028-06-06',
    'after/peer': '2028-06-06',
    'm3/host': '2028-09-05',
    'm3/peer': '2028-09-05',
    'm6/host': '2028-12-05',
    'm6/peer': '2028-12-05',
    'm12/host': '2029-06-05',
    'm12/peer': '2029-06-05',
  });
  const gaps = (k: string) => {
    const days = [(sentOn as Record<string, string>)[k]!, ...(remindedOn[k] ?? [])].map((s) => Date.parse(s) / 86400_000);
    return days.slice(1).map((n, i) => n - days[i]!);
  };
  // Never answered: weekly four times, then every 28 days, to the end.
  assert.deepEqual(remindedOn['before/peer']!.slice(0, 6), ['2028-05-25', '2028-06-01', '2028-06-08', '2028-06-15', '2028-07-13', '2028-08-10']);
  assert.deepEqual(gaps('before/peer'), [7, 7, 7, 7, ...Array(gaps('before/peer').length - 4).fill(28)]);
  assert.equal(remindedOn['before/peer']!.at(-1), '2029-06-14', 'still reminded a year on');
  assert.deepEqual(gaps('m6/host'), [7, 7, 7, 7, 28, 28, 28, 28, 28, 28]);
  assert.deepEqual(remindedOn['m12/host'], ['2029-06-12', '2029-06-19', '2029-06-26']);
  // Answered: the reminders stop.
  assert.deepEqual(remindedOn['before/host'], ['2028-05-25', '2028-06-01']);
  assert.deepEqual(remindedOn['after/peer'], ['2028-06-13', '2028-06-20']);
  assert.equal(remindedOn['after/host']!.length > 10, true);
  assert.equal(remindedOn['m3/host'], undefined);
  assert.equal(remindedOn['m3/peer'], undefined);
});
