/**
 * Results across a programme, for the secretariat: per stage, side and questionnaire version, the
 * number of answers to each question; scale → mean and 1–5 distribution, choice → count per
 * option, number → mean and median, text → the answers with their exchange. Only the programme's
 * evaluations. The same as JSON at GET /api/v1/programmes/:id/evaluation-results.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.ts';
import { asRole, signedInClient } from '../../../test/support/users.ts';
import { confirmedMatch, type Matched } from '../../../test/exchanges/fixtures.ts';
import { ctxOf } from '../../../test/requests/fixtures.ts';
import { agreedExchange, addQuestionnaire } from '../../../test/exchanges/evaluation-fixtures.ts';
import { evaluations } from '../../db/schema/index.ts';
import { createApiToken } from '../accounts/accounts.tokens.ts';
import * as ev from './evaluations.service.ts';
import * as repo from './evaluations.repository.ts';

let t: TestApp;
let m: Matched;
let other: Matched;
let broker: TestClient;
let v1 = '';
let v2 = '';
const ids: Record<'A' | 'B' | 'C', string> = { A: '', B: '', C: '' };
const run = () => ev.runEvaluations(t.db, t.clock.now());

async function at(iso: string): Promise<void> {
  t.clock.set(iso);
  broker = await signedInClient(t, { id: m.broker.id });
}

/** Answers the "before" evaluation of an exchange's side: values given per question position. */
async function answer(mm: Matched, exchangeId: string, side: 'host' | 'peer', values: string[]): Promise<void> {
  const [v] = await t.db.select().from(evaluations).where(and(eq(evaluations.exchangeId, exchangeId), eq(evaluations.side, side), eq(evaluations.stage, 'before')));
  const qs = await repo.questionsOf(t.db, v!.questionnaireId);
  const form = Object.fromEntries(values.map((x, i) => [`a_${qs[i]!.id}`, x]));
  const out = await ev.answerEvaluation(ctxOf(t, side === 'host' ? mm.requester : mm.peer), v!.id, form);
  assert.deepEqual(out, { ok: true });
}

const BEFORE = {
  stage: 'before',
  title: 'Baseline',
  q0_kind: 'scale',
  q0_label: 'How well do you know the subject?',
  q1_kind: 'choice',
  q1_label: 'Which department leads?',
  q1_choices: 'Environment\nFinance\nMayor’s office',
  q2_kind: 'number',
  q2_label: 'How many staff work on it?',
  q3_kind: 'text',
  q3_label: 'What do you expect?',
  q3_optional: 'on',
};

before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  m = await confirmedMatch(t);
  other = await confirmedMatch(t);
  await at('2026-11-23T09:00:00Z');
  v1 = await addQuestionnaire(t, m, BEFORE);
  await addQuestionnaire(t, other, BEFORE);
  ids.A = await agreedExchange(t, m, 'Exchange A');
  ids.B = await agreedExchange(t, m, 'Exchange B', { startDate: '2027-03-08', endDate: '2027-03-19' });
  const elsewhere = await agreedExchange(t, other, 'Exchange elsewhere');
  await at('2027-02-22T06:00:00Z');
  assert.equal((await run()).sent, 6);
  // Version 1: A's two sides and B's host side answer; B's peer side does not.
  await answer(m, ids.A, 'host', ['2', 'Environment', '3', 'A costed plan']);
  await answer(m, ids.A, 'peer', ['5', 'Finance', '10', 'Learnt about carts']);
  await answer(m, ids.B, 'host', ['4', 'Environment', '10', 'Better routes']);
  await answer(other, elsewhere, 'host', ['1', 'Finance', '999', 'Secret of another programme']);
  // Version 2, sent to exchange C only.
  const p = await ev.questionnaireEditor(ctxOf(t, m.broker), v1);
  assert.ok(!('retired' in p));
  const saved = await ev.saveQuestionnaire(ctxOf(t, m.broker), v1, { ...ev.editorValues(p.questionnaire, p.questionnaire.questions, p.rev), title: 'Baseline, second edition', q0_label: 'How ready is your team?' });
  assert.ok(saved.ok && saved.mode === 'new_version');
  v2 = saved.id;
  ids.C = await agreedExchange(t, m, 'Exchange C', { startDate: '2027-05-03', endDate: '2027-05-07' });
  await at('2027-04-19T06:00:00Z');
  assert.equal((await run()).sent, 2);
  await answer(m, ids.C, 'host', ['1', 'Mayor’s office', '7', '']);
});
after(() => t.close());

test('median of counted values (odd and even counts)', () => {
  assert.equal(ev.medianOf([]), null);
  assert.equal(ev.medianOf([{ value: 3, n: 1 }]), 3);
  assert.equal(ev.medianOf([{ value: 10, n: 1 }, { value: 3, n: 1 }]), 6.5);
  assert.equal(ev.medianOf([{ value: 1, n: 2 }, { value: 50, n: 1 }]), 1);
  assert.equal(ev.medianOf([{ value: 1, n: 1 }, { value: 2, n: 2 }, { value: 9, n: 1 }]), 2);
});

test('aggregates per stage, side and version, from known answers; only the programme’s evaluations', async () => {
  const r = await ev.programmeResults(ctxOf(t, m.broker), m.programmeId);
  assert.deepEqual(r.stages.map((s) => s.stage), ['before', 'during', 'after', 'm3', 'm6', 'm12']);
  const beforeStage = r.stages[0]!;
  const host = beforeStage.sides.find((s) => s.side === 'host')!;
  const peer = beforeStage.sides.find((s) => s.side === 'peer')!;
  assert.deepEqual([host.sent, host.answered, peer.sent, peer.answered], [3, 3, 3, 1]);
  assert.deepEqual(host.versions.map((v) => [v.questionnaireId, v.version, v.current, v.sent, v.answered]), [
    [v2, 2, true, 1, 1],
    [v1, 1, false, 2, 2],
  ]);
  const h1 = host.versions.find((v) => v.version === 1)!.questions;
  assert.deepEqual(h1.map((q) => [q.kind, q.label, q.answers]), [
    ['scale', 'How well do you know the subject?', 2],
    ['choice', 'Which department leads?', 2],
    ['number', 'How many staff work on it?', 2],
    ['text', 'What do you expect?', 2],
  ]);
  assert.equal(h1[0]!.mean, 3);
  assert.deepEqual(h1[0]!.distribution, [{ value: 1, n: 0 }, { value: 2, n: 1 }, { value: 3, n: 0 }, { value: 4, n: 1 }, { value: 5, n: 0 }]);
  assert.deepEqual(h1[1]!.options, [{ option: 'Environment', n: 2 }, { option: 'Finance', n: 0 }, { option: 'Mayor’s office', n: 0 }]);
  assert.deepEqual([h1[2]!.mean, h1[2]!.median], [6.5, 6.5]);
  assert.deepEqual(new Set(h1[3]!.texts!.map((x) => `${x.exchangeTitle}: ${x.text}`)), new Set(['Exchange A: A costed plan', 'Exchange B: Better routes']));
  assert.equal(h1[3]!.texts!.find((x) => x.text === 'A costed plan')!.exchangeId, ids.A);
  const h2 = host.versions.find((v) => v.version === 2)!.questions;
  assert.deepEqual(h2.map((q) => [q.label, q.answers, q.mean]), [
    ['How ready is your team?', 1, 1],
    ['Which department leads?', 1, null],
    ['How many staff work on it?', 1, 7],
    ['What do you expect?', 0, null],
  ]);
  assert.deepEqual(h2[3]!.texts, [], 'an optional text left empty is not an answer');
  assert.deepEqual(peer.versions.map((v) => [v.version, v.sent, v.answered]), [[2, 1, 0], [1, 2, 1]]);
  const p1 = peer.versions.find((v) => v.version === 1)!.questions;
  assert.deepEqual([p1[0]!.mean, p1[2]!.median, p1[1]!.options!.find((o) => o.option === 'Finance')!.n], [5, 10, 1]);
  for (const s of r.stages.slice(1)) for (const d of s.sides) assert.deepEqual([d.sent, d.versions.length], [0, 0]);
  assert.doesNotMatch(JSON.stringify(r), /Secret of another programme/);
});

test('the results page: tables per question with the 1–5 distribution, options, mean and median, text answers linked to their exchange; five languages', async () => {
  const res = await broker.get(`/en/evaluations/results?programme=${m.programmeId}`);
  assert.equal(res.status, 200);
  const b = res.body_;
  assert.match(b, /<h1>Evaluation results: CONNECT/);
  assert.match(b, /<caption>Answers on the 1–5 scale: How well do you know the subject\?<\/caption>/);
  assert.match(b, /<tr><th scope="row" dir="auto">2<\/th><td>1<\/td><td>50 % <meter min="0" max="2" value="1" aria-hidden="true"><\/meter><\/td><\/tr>/);
  assert.match(b, /<tr><th scope="row" dir="auto">Environment<\/th><td>2<\/td><td>100 %/);
  assert.match(b, /2 answers · mean 6\.5 · median 6\.5/);
  assert.match(b, /<p class="pre" dir="auto">A costed plan<\/p><p class="meta"><a href="\/en\/exchanges\/[0-9a-f-]{36}\/evaluations" dir="auto">Exchange A<\/a>/);
  assert.match(b, /Version 1: <bdi>Baseline<\/bdi> <span class="badge">past version<\/span>/);
  assert.match(b, /3 sent, 1 answered/);
  assert.doesNotMatch(b, /Secret of another programme/);
  assert.equal((b.match(/<h1>/g) ?? []).length, 1);
  const fr = await broker.get(`/fr/evaluations/results?programme=${m.programmeId}`);
  assert.match(fr.body_, /2 réponses · moyenne 6,5 · médiane 6,5/);
  for (const l of ['es', 'pt', 'ar']) assert.equal((await broker.get(`/${l}/evaluations/results?programme=${m.programmeId}`)).status, 200);
  // Linked from the questionnaires page.
  assert.match((await broker.get(`/en/evaluations/questionnaires?programme=${m.programmeId}`)).body_, new RegExp(`href="/en/evaluations/results\\?programme=${m.programmeId}">Results across the programme`));
});

test('the API: the same results as JSON for brokers and admins (token or session); 401 without, 404 to anyone else and for an unknown programme', async () => {
  const path = `/api/v1/programmes/${m.programmeId}/evaluation-results`;
  const token = (await createApiToken(ctxOf(t, m.broker), 'script')).token;
  const viaToken = await t.client().request('GET', path, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(viaToken.status, 200);
  const body = JSON.parse(viaToken.body_) as ev.ProgrammeResults;
  assert.equal(body.programme.id, m.programmeId);
  const host = body.stages[0]!.sides.find((s) => s.side === 'host')!;
  assert.equal(host.versions.find((v) => v.version === 1)!.questions[0]!.mean, 3);
  // The OpenAPI document (generated from the answer's zod schema) describes what is answered.
  const doc = JSON.parse((await t.client().get('/api/v1/openapi.json')).body_) as { paths: Record<string, { get: { responses: Record<string, { content: { 'application/json': { schema: Schema } } }> } }> };
  type Schema = { properties: Record<string, Schema>; items: Schema };
  const answered = doc.paths['/programmes/{id}/evaluation-results']!.get.responses['200']!.content['application/json'].schema;
  const stageSchema = answered.properties.stages!.items;
  const versionSchema = stageSchema.properties.sides!.items.properties.versions!.items;
  const firstVersion = host.versions[0]!;
  assert.deepEqual(Object.keys(versionSchema.properties).sort(), Object.keys(firstVersion).sort());
  assert.deepEqual(Object.keys(versionSchema.properties.questions!.items.properties).sort(), Object.keys(firstVersion.questions[0]!).sort());
  const admin = (await asRole(t, ['admin'])).client;
  assert.equal((await admin.get(path)).status, 200);
  assert.equal((await t.client().get(path)).status, 401);
  assert.equal((await t.client().request('GET', path, { headers: { Authorization: 'Bearer nope' } })).status, 401);
  for (const c of [(await asRole(t, [])).client, (await asRole(t, ['committee'])).client, await signedInClient(t, { id: m.requester.id })]) {
    const r = await c.get(path);
    assert.equal(r.status, 404);
    assert.match(r.headers.get('content-type') ?? '', /json/);
  }
  assert.equal((await broker.get(`/api/v1/programmes/${randomUUID()}/evaluation-results`)).status, 404);
  assert.equal((await broker.get('/api/v1/programmes/not-a-uuid/evaluation-results')).status, 404);
});

test('the OpenAPI document describes the programme evaluation results route', async () => {
  const t2 = await createTestApp();
  try {
    const doc = JSON.parse((await t2.client().get('/api/v1/openapi.json')).body_) as { paths: Record<string, { get?: unknown }> };
    assert.ok(doc.paths['/programmes/{id}/evaluation-results']?.get, Object.keys(doc.paths).join(' '));
  } finally {
    await t2.close();
  }
});
