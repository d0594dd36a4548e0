/**
 * Editing questionnaires: a version never sent is edited in place; a version already sent is never
 * changed (saving makes version N+1 and retires N, so given answers keep their questions); two
 * saves at once make one current version; errors per field in the person's language, keeping what
 * was typed; retiring a stage; the scheduler sends the current version; the secretariat only.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.ts';
import { asRole, createUser, signedInClient } from '../../../test/support/users.ts';
import { confirmedMatch, type Matched } from '../../../test/exchanges/fixtures.ts';
import { ctxOf, actorOf } from '../../../test/requests/fixtures.ts';
import { agreedExchange, addQuestionnaire } from '../../../test/exchanges/evaluation-fixtures.ts';
import { evaluations, questionnaires, questionnaireQuestions } from '../../db/schema/index.ts';
import * as ev from './evaluations.service.ts';
import * as repo from './evaluations.repository.ts';

let t: TestApp;
let m: Matched;
let broker: TestClient;
let admin: TestClient;
/** Moves the clock (sessions from before it may have expired: sign the broker in again). */
async function at(iso: string): Promise<void> {
  t.clock.set(iso);
  broker = await signedInClient(t, { id: m.broker.id });
}
const run = () => ev.runEvaluations(t.db, t.clock.now());
const bctx = () => ctxOf(t, m.broker);
const listPath = () => `/en/evaluations/questionnaires?programme=${m.programmeId}`;
const labelsOf = async (id: string) => (await t.db.select().from(questionnaireQuestions).where(eq(questionnaireQuestions.questionnaireId, id)).orderBy(questionnaireQuestions.position)).map((q) => q.label);
const versionsOf = (stage: string) => t.db.select().from(questionnaires).where(and(eq(questionnaires.programmeId, m.programmeId), eq(questionnaires.stage, stage))).orderBy(questionnaires.version);
/** The editor's form as the page would post it back. */
async function editorForm(id: string): Promise<Record<string, string>> {
  const p = await ev.questionnaireEditor(bctx(), id);
  assert.ok(!('retired' in p));
  return ev.editorValues(p.questionnaire, p.questionnaire.questions, p.rev);
}

const BEFORE = {
  stage: 'before',
  title: 'Baseline',
  q0_kind: 'scale',
  q0_label: 'How well do you know the subject?',
  q1_kind: 'text',
  q1_label: 'What do you expect?',
  q2_kind: 'number',
  q2_label: 'How many staff work on it?',
};
let beforeV1 = '';

before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  m = await confirmedMatch(t);
  broker = await signedInClient(t, { id: m.broker.id });
  admin = (await asRole(t, ['admin'])).client;
  beforeV1 = await addQuestionnaire(t, m, BEFORE);
});
after(() => t.close());

test('the editor, retiring and programme results are the secretariat’s: brokers and admins; members, participants and committee members get 404, visitors the sign-in page', async () => {
  const edit = `/en/evaluations/questionnaires/${beforeV1}/edit`;
  const results = `/en/evaluations/results?programme=${m.programmeId}`;
  for (const c of [broker, admin]) {
    assert.equal((await c.get(edit)).status, 200);
    assert.equal((await c.get(results)).status, 200);
  }
  const member = (await asRole(t, [])).client;
  const committee = (await asRole(t, ['committee'])).client;
  const participant = await signedInClient(t, { id: m.requester.id });
  const form = await editorForm(beforeV1);
  for (const c of [member, committee, participant]) {
    assert.equal((await c.get(edit)).status, 404);
    assert.equal((await c.get(results)).status, 404);
    assert.equal((await c.get(listPath())).status, 404);
    assert.equal((await c.post(edit, { ...form, title: 'Taken over' })).status, 404);
    assert.equal((await c.post(`/en/evaluations/questionnaires/${beforeV1}/retire`)).status, 404);
  }
  const visitor = t.client();
  for (const path of [edit, results]) {
    const r = await visitor.get(path);
    assert.equal(r.status, 303);
    assert.match(r.headers.get('location') ?? '', /\/sign-in\?next=/);
  }
  assert.equal((await broker.get(`/en/evaluations/questionnaires/${randomUUID()}/edit`)).status, 404);
  assert.equal((await broker.get(`/en/evaluations/results?programme=${randomUUID()}`)).status, 404);
  assert.equal((await t.db.select().from(questionnaires).where(eq(questionnaires.id, beforeV1)))[0]!.title, 'Baseline', 'nothing changed by the refused posts');
});

test('a version not sent to anyone is edited in place: title, change, remove, reorder and add questions', async () => {
  const page = await broker.get(`/en/evaluations/questionnaires/${beforeV1}/edit`);
  assert.match(page.body_, /Version 1 · not sent yet/);
  assert.match(page.body_, /has not been sent to anyone yet: saving changes it/);
  const form = await editorForm(beforeV1);
  const res = await broker.post(`/en/evaluations/questionnaires/${beforeV1}/edit`, {
    ...form,
    title: 'Baseline and expectations',
    q0_order: '2',
    q1_remove: 'on',
    q2_order: '1',
    q2_label: 'How many staff work on waste today?',
    q3_kind: 'choice',
    q3_label: 'Which department leads?',
    q3_choices: 'Environment\nFinance',
    q3_order: '3',
    q3_optional: 'on',
  });
  assert.equal(res.status, 303);
  const rows = await versionsOf('before');
  assert.equal(rows.length, 1, 'no new version');
  assert.equal(rows[0]!.id, beforeV1);
  assert.equal(rows[0]!.version, 1);
  assert.equal(rows[0]!.title, 'Baseline and expectations');
  assert.deepEqual(await labelsOf(beforeV1), ['How many staff work on waste today?', 'How well do you know the subject?', 'Which department leads?']);
  const qs = await repo.questionsOf(t.db, beforeV1);
  assert.deepEqual(qs.map((q) => [q.kind, q.choices, q.isRequired]), [['number', [], true], ['scale', [], true], ['choice', ['Environment', 'Finance'], false]]);
  // "Show three more rows" saves nothing and offers blank rows after the three questions.
  const more = await broker.post(`/en/evaluations/questionnaires/${beforeV1}/edit`, { ...(await editorForm(beforeV1)), title: 'Not saved', action: 'more' });
  assert.equal(more.status, 200);
  assert.match(more.body_, /name="q8_label"/);
  assert.match(more.body_, /value="Not saved"/);
  assert.equal((await versionsOf('before'))[0]!.title, 'Baseline and expectations');
});

test('bad input: an error per field in the person’s language, what was typed kept, nothing stored', async () => {
  const form = await editorForm(beforeV1);
  const path = `/evaluations/questionnaires/${beforeV1}/edit`;
  const bad = await broker.post(`/en${path}`, {
    ...form,
    title: '',
    q0_label: '',
    q2_kind: 'choice',
    q2_choices: 'Only one option',
    q3_kind: 'slider',
    q3_label: 'Rate the visit with a slider',
    q4_kind: 'text',
    q4_label: 'Anything else?',
    q4_order: 'first',
  });
  assert.equal(bad.status, 400);
  assert.match(bad.body_, /There are 5 problems/);
  assert.match(bad.body_, /id="e-title"[^>]*>This field is required/);
  assert.match(bad.body_, /id="e-q0_label"[^>]*>Write the question, or remove it\./);
  assert.match(bad.body_, /id="e-q2_choices"[^>]*>Give between 2 and 12 options/);
  assert.match(bad.body_, /id="e-q3_kind"[^>]*>Choose scale, choice, number or text\./);
  assert.match(bad.body_, /id="e-q4_order"[^>]*>Write a whole number from 1\./);
  assert.match(bad.body_, /value="Rate the visit with a slider"/, 'typed text kept');
  assert.match(bad.body_, />Only one option<\/textarea>/);
  // Too many questions, in French.
  const many: Record<string, string> = { ...form };
  for (let i = 3; i < 31; i++) Object.assign(many, { [`q${i}_kind`]: 'text', [`q${i}_label`]: `Question ${i}` });
  const fr = await broker.post(`/fr${path}`, many);
  assert.equal(fr.status, 400);
  assert.match(fr.body_, /30 questions au plus\u202f: supprimez-en\./);
  assert.match(fr.body_, /value="Question 30"/);
  const en = await broker.post(`/en${path}`, { ...form, q3_label: 'Ok', q3_kind: 'unknown' });
  assert.equal(en.status, 400);
  const twice = await broker.post(`/en${path}`, { ...form, q2_choices: 'Finance\nFinance' });
  assert.equal(twice.status, 400);
  assert.match(twice.body_, /id="e-q2_choices"[^>]*>Give between 2 and 12 options, all different/);
  assert.equal((await versionsOf('before'))[0]!.title, 'Baseline and expectations', 'nothing stored');
  assert.equal((await labelsOf(beforeV1)).length, 3);
});

let ex1 = '';
let beforeV2 = '';

test('a version already sent is never changed: saving makes version N+1 and retires N; given answers keep their questions; later exchanges get the new version', async () => {
  ex1 = await agreedExchange(t, m, 'First exchange');
  await at('2027-02-15T06:00:00Z');
  assert.equal((await run()).sent, 2);
  const sent = await t.db.select().from(evaluations).where(eq(evaluations.exchangeId, ex1));
  assert.deepEqual(sent.map((v) => v.questionnaireId), [beforeV1, beforeV1]);

  const page = await broker.get(`/en/evaluations/questionnaires/${beforeV1}/edit`);
  assert.match(page.body_, /Version 1 · sent to 2 sides of exchanges/);
  assert.match(page.body_, /Saving makes version 2/);
  const oldLabels = await labelsOf(beforeV1);
  // Saved as it was: no new version.
  const same = await broker.post(`/en/evaluations/questionnaires/${beforeV1}/edit`, await editorForm(beforeV1));
  assert.equal(same.status, 303);
  assert.match((await broker.get(listPath())).body_, /Nothing was changed: the questionnaire stays as it was\./);
  assert.equal((await versionsOf('before')).length, 1);
  const res = await broker.post(`/en/evaluations/questionnaires/${beforeV1}/edit`, { ...(await editorForm(beforeV1)), title: 'Baseline, second edition', q0_label: 'How many people work on waste today?' });
  assert.equal(res.status, 303);
  const rows = await versionsOf('before');
  assert.deepEqual(rows.map((r) => [r.version, r.retiredAt !== null]), [[1, true], [2, false]]);
  assert.equal(rows[0]!.id, beforeV1);
  assert.equal(rows[0]!.retiredAt!.toISOString(), '2027-02-15T06:00:00.000Z');
  assert.equal(rows[0]!.title, 'Baseline and expectations', 'version 1 unchanged');
  assert.deepEqual(await labelsOf(beforeV1), oldLabels);
  beforeV2 = rows[1]!.id;
  assert.deepEqual(await labelsOf(beforeV2), ['How many people work on waste today?', ...oldLabels.slice(1)]);

  // The host side answers the version it was sent (its question ids), after the edit; the page shows that version.
  const hostEval = sent.find((v) => v.side === 'host')!;
  const v1q = await repo.questionsOf(t.db, beforeV1);
  assert.deepEqual(await ev.answerEvaluation(ctxOf(t, m.requester), hostEval.id, { [`a_${v1q[0]!.id}`]: '12', [`a_${v1q[1]!.id}`]: '3', [`a_${v1q[2]!.id}`]: 'Finance' }), { ok: true });
  const host = await signedInClient(t, { id: m.requester.id });
  const shown = await host.get(`/en/evaluations/${hostEval.id}`);
  assert.match(shown.body_, /How many staff work on waste today\?<\/dt><dd class="pre" dir="auto">12</);
  const results = await broker.get(`/en/exchanges/${ex1}/evaluations`);
  assert.match(results.body_, /How many staff work on waste today\?/);
  assert.doesNotMatch(results.body_, /How many people work on waste today\?/);

  // The list shows the current version and the past one, read-only.
  const list = await broker.get(listPath());
  assert.match(list.body_, /Version 2 · not sent yet/);
  assert.match(list.body_, /Past versions \(1\), read-only/);
  assert.match(list.body_, /Version 1 · sent to 2 sides of exchanges · replaced or retired on/);
  assert.equal((list.body_.match(/\/edit"/g) ?? []).length, 1, 'only the current version has an edit link');
  // The old version's editor sends back to the list.
  const stale = await broker.get(`/en/evaluations/questionnaires/${beforeV1}/edit`);
  assert.equal(stale.status, 303);

  // A second exchange is sent version 2; the first keeps version 1.
  const ex2 = await agreedExchange(t, m, 'Second exchange', { startDate: '2027-05-03', endDate: '2027-05-07' });
  await at('2027-04-19T06:00:00Z');
  assert.equal((await run()).sent, 2);
  const sent2 = await t.db.select().from(evaluations).where(eq(evaluations.exchangeId, ex2));
  assert.deepEqual(sent2.map((v) => v.questionnaireId), [beforeV2, beforeV2]);
  assert.deepEqual((await t.db.select().from(evaluations).where(eq(evaluations.exchangeId, ex1))).map((v) => v.questionnaireId), [beforeV1, beforeV1]);
});

test('two brokers saving the same version at once make one current version; the other is told and keeps what they typed', async () => {
  // A sent version: each save would make version 3.
  const form = await editorForm(beforeV2);
  const other = ctxOf(t, actorOf(await createUser(t, { roles: ['broker'] }), ['broker']));
  const outs = await Promise.all([ev.saveQuestionnaire(bctx(), beforeV2, { ...form, title: 'Edition A' }), ev.saveQuestionnaire(other, beforeV2, { ...form, title: 'Edition B' })]);
  assert.equal(outs.filter((o) => o.ok).length, 1);
  const winner = outs.find((o) => o.ok)!;
  assert.ok(winner.ok && winner.mode === 'new_version' && winner.version === 3);
  const loser = outs.find((o) => !o.ok)!;
  assert.deepEqual(loser, { ok: false, reason: 'changed', programmeId: m.programmeId, currentId: winner.id });
  const current = await t.db.select().from(questionnaires).where(and(eq(questionnaires.programmeId, m.programmeId), eq(questionnaires.stage, 'before'), isNull(questionnaires.retiredAt)));
  assert.equal(current.length, 1);
  assert.equal(current[0]!.id, winner.id);
  assert.equal((await versionsOf('before')).length, 3);

  // A page posting the form of a version replaced meanwhile: 409, the current version shown, the typed values kept.
  const res = await broker.post(`/en/evaluations/questionnaires/${beforeV2}/edit`, { ...form, title: 'My late edition' });
  assert.equal(res.status, 409);
  assert.match(res.body_, /Someone else saved this questionnaire while you were editing it/);
  assert.match(res.body_, /Version 3 as it stands now: <bdi>Edition [AB]<\/bdi>/);
  assert.match(res.body_, /value="My late edition"/);
  assert.match(res.body_, new RegExp(`action="/en/evaluations/questionnaires/${winner.id}/edit"`));
  assert.equal((await versionsOf('before')).length, 3);

  // Not sent yet (version 3): two in-place saves at once, one wins, the other is told.
  const f3 = await editorForm(winner.id);
  const inPlace = await Promise.all([ev.saveQuestionnaire(bctx(), winner.id, { ...f3, title: 'In place A' }), ev.saveQuestionnaire(bctx(), winner.id, { ...f3, title: 'In place B' })]);
  assert.equal(inPlace.filter((o) => o.ok).length, 1);
  assert.ok(inPlace.some((o) => !o.ok && o.reason === 'changed'));
  assert.equal((await versionsOf('before')).length, 3);

  // Behind the lock, the partial unique key refuses a second current version of a stage outright.
  const q = (await versionsOf('before'))[2]!;
  assert.equal(await repo.insertQuestionnaire(t.db, { id: randomUUID(), programmeId: m.programmeId, stage: 'before', title: 'Rogue', version: 9, createdBy: m.broker.id, createdAt: t.clock.now() }, []), false);
  assert.equal(await repo.insertQuestionnaire(t.db, { id: randomUUID(), programmeId: m.programmeId, stage: 'before', title: 'Rogue', version: q.version, retiredAt: t.clock.now(), createdBy: m.broker.id, createdAt: t.clock.now() }, []), false, 'nor a repeated version number');
});

test('retiring a stage: nothing more is sent for it; evaluations already sent are still reminded; adding one again makes the next version', async () => {
  // The stage's first questionnaire exists before the exchange ends (a later introduction would skip it).
  await at('2027-03-01T06:00:00Z');
  const after1 = await addQuestionnaire(t, m, { stage: 'after', title: 'Results', q0_kind: 'scale', q0_label: 'How useful was it?' });
  const res = await broker.post(`/en/evaluations/questionnaires/${after1}/retire`);
  assert.equal(res.status, 303);
  assert.equal((await broker.post(`/en/evaluations/questionnaires/${after1}/retire`)).status, 303, 'twice is harmless');
  const list = await broker.get(listPath());
  assert.match(list.body_, /Nothing is sent for this stage any more/);
  assert.match(list.body_, /<option value="after">Right after<\/option>/, 'the stage can be given a questionnaire again');
  // The first exchange ended on 2027-03-12: "after" is due, but nothing is sent for it.
  await at('2027-04-27T06:00:00Z');
  const out = await run();
  assert.equal(out.sent, 0);
  assert.ok(out.reminded > 0, 'the unanswered "before" evaluations are still reminded');
  assert.equal((await t.db.select().from(evaluations).where(eq(evaluations.stage, 'after'))).length, 0);
  const after2 = await addQuestionnaire(t, m, { stage: 'after', title: 'Results, again', q0_kind: 'scale', q0_label: 'How useful was it?' });
  assert.deepEqual((await versionsOf('after')).map((r) => [r.id, r.version, r.retiredAt !== null]), [[after1, 1, true], [after2, 2, false]]);
  assert.equal((await run()).sent, 2);
  assert.deepEqual((await t.db.select().from(evaluations).where(eq(evaluations.stage, 'after'))).map((v) => v.questionnaireId), [after2, after2]);
});

test('the pages render in five languages (Arabic right to left)', async () => {
  const current = (await versionsOf('before')).at(-1)!;
  for (const l of ['fr', 'es', 'pt', 'ar']) {
    for (const path of [`/${l}/evaluations/questionnaires?programme=${m.programmeId}`, `/${l}/evaluations/questionnaires/${current.id}/edit`, `/${l}/evaluations/results?programme=${m.programmeId}`]) {
      const r = await broker.get(path);
      assert.equal(r.status, 200, path);
      assert.match(r.body_, new RegExp(`<html lang="${l}"`));
      assert.doesNotMatch(r.body_, /evaluations\.[a-zA-Z]+\.[a-zA-Z]+/, `no untranslated key on ${path}`);
    }
  }
  assert.match((await broker.get(`/ar/evaluations/questionnaires?programme=${m.programmeId}`)).body_, /dir="rtl"/);
});
