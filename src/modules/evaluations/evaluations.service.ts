/**
 * Monitoring and evaluation: questionnaires per programme and stage (broker), versioned (a version
 * once sent never changes: an edit makes the next one), sent to both sides of an exchange before
 * it, right after it and 3, 6 and 12 months after it (`runEvaluations`, on the injected clock, the
 * current version), reminders until answered (weekly, then every 28 days), one answer per
 * evaluation, answers seen only by the broker and the answering side, results per exchange and
 * across a programme.
 */
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ServiceCtx, CurrentUser } from '../../platform/http.ts';
import type { WaitingItem } from '../../platform/module.ts';
import type { DbOrTx } from '../../platform/db.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import type { FieldErrors } from '../../platform/html/form.ts';
import { audit } from '../../platform/audit.ts';
import { parseWith } from '../../platform/validation.ts';
import { notify, mailLink } from '../../platform/outbox.ts';
import { isUuid } from '../../platform/ids.ts';
import { isStaff } from '../../platform/roles.ts';
import { exchangeStanding } from '../exchanges/exchanges.service.ts';
import * as repo from './evaluations.repository.ts';
import { STAGES, SIDES, isStage, isDue, isReminderDue, REMINDER_DAYS, LATER_REMINDER_DAYS, WEEKLY_REMINDERS, type Stage, type Side } from './evaluations.schedule.ts';


export const QUESTION_KINDS = ['scale', 'choice', 'number', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

// ---------- questionnaires ----------

/** At most this many questions in a questionnaire. */
export const MAX_QUESTIONS = 30;
/** Rows read from a form (questions, removed ones and blank rows to add); rows past it are ignored. */
export const MAX_FORM_ROWS = 60;
/** Blank rows offered to add questions. */
export const BLANK_ROWS = 3;

/** How many question rows a form shows: every row in use and blank rows to add, or more when asked (`rows`). */
export function formRows(values: Record<string, unknown>, minimum: number): number {
  let used = 0;
  for (let i = 0; i < MAX_FORM_ROWS; i++) {
    if (['label', 'choices', 'existing'].some((f) => String(values[`q${i}_${f}`] ?? '').trim())) used = i + 1;
  }
  return Math.min(MAX_FORM_ROWS, Math.max(minimum, used + BLANK_ROWS, Number(values.rows) || 0));
}

type QuestionnaireVersion = repo.QuestionnaireRow & { sent: number; questions: repo.QuestionRow[] };

async function programmeOrThrow(ctx: ServiceCtx, programmeId: string): Promise<string> {
  if (!isStaff(ctx.actor) || !isUuid(programmeId)) throw new NotFoundError();
  const name = await repo.programmeName(ctx.db, programmeId);
  if (name === undefined) throw new NotFoundError();
  return name;
}

/** A programme's questionnaires per stage: the current version (if any) and the past ones, each with its questions and how many evaluations it was sent as. Staff only. */
export async function questionnairesPage(ctx: ServiceCtx, programmeId: string) {
  const name = await programmeOrThrow(ctx, programmeId);
  const list = await repo.questionnairesOf(ctx.db, programmeId);
  const versions: QuestionnaireVersion[] = await Promise.all(list.map(async (q) => ({ ...q, questions: await repo.questionsOf(ctx.db, q.id) })));
  const stages = STAGES.map((stage) => ({
    stage,
    current: versions.find((q) => q.stage === stage && !q.retiredAt) ?? null,
    past: versions.filter((q) => q.stage === stage && q.retiredAt),
  })).filter((s) => s.current || s.past.length);
  return { programmeId, programmeName: name, stages, freeStages: STAGES.filter((s) => !versions.some((q) => q.stage === s && !q.retiredAt)) };
}

const titleSchema = z.string().trim().min(1, 'platform.form.required').max(200, 'platform.form.tooBig');
const questionnaireSchema = z.object({ stage: z.enum(STAGES, 'platform.form.choice'), title: titleSchema });

type ParsedQuestion = { kind: QuestionKind; label: string; choices: string[]; isRequired: boolean };

/**
 * Reads the question rows of a form: q<i>_kind, q<i>_label, q<i>_choices (one per line),
 * q<i>_optional, q<i>_order (position, to reorder), q<i>_remove, and q<i>_existing (a row that
 * held a question: emptying its label is an error, not a removal). A blank new row is skipped.
 * Questions come out sorted by their position, then by row.
 */
export function parseQuestions(raw: Record<string, string>, errors: FieldErrors): ParsedQuestion[] {
  const kept: (ParsedQuestion & { order: number; row: number })[] = [];
  for (let i = 0; i < MAX_FORM_ROWS; i++) {
    if (raw[`q${i}_remove`] === 'on') continue;
    const label = (raw[`q${i}_label`] ?? '').trim();
    const choicesText = (raw[`q${i}_choices`] ?? '').trim();
    const existing = raw[`q${i}_existing`] === '1';
    if (!label && !existing && !choicesText) continue;
    if (!label) errors[`q${i}_label`] = 'evaluations.questionnaire.labelNeeded';
    else if (label.length > 500) errors[`q${i}_label`] = 'platform.form.tooBig';
    const kind = raw[`q${i}_kind`] ?? '';
    if (!(QUESTION_KINDS as readonly string[]).includes(kind)) errors[`q${i}_kind`] = 'evaluations.questionnaire.kindUnknown';
    const choices = choicesText
      .split(/\r?\n/)
      .map((x) => x.trim())
      .filter(Boolean);
    if (kind === 'choice' && (choices.length < 2 || choices.length > 12 || choices.some((x) => x.length > 200) || new Set(choices).size !== choices.length)) errors[`q${i}_choices`] = 'evaluations.questionnaire.choicesNeeded';
    const orderText = (raw[`q${i}_order`] ?? '').trim();
    let order = i + 1;
    if (orderText) {
      const n = Number(orderText);
      if (!/^\d{1,3}$/.test(orderText) || n < 1) errors[`q${i}_order`] = 'evaluations.questionnaire.orderInvalid';
      else order = n;
    }
    kept.push({ kind: kind as QuestionKind, label, choices: kind === 'choice' ? choices : [], isRequired: raw[`q${i}_optional`] !== 'on', order, row: i });
  }
  if (!kept.length && !Object.keys(errors).some((k) => k.startsWith('q'))) errors.q0_label = 'evaluations.questionnaire.oneQuestion';
  if (kept.length > MAX_QUESTIONS) errors.questions = 'evaluations.questionnaire.tooMany';
  return kept.sort((x, y) => x.order - y.order || x.row - y.row).map(({ kind, label, choices, isRequired }) => ({ kind, label, choices, isRequired }));
}

const toRows = (questionnaireId: string, qs: ParsedQuestion[]): repo.QuestionInsert[] => qs.map((q, position) => ({ id: randomUUID(), questionnaireId, position, ...q }));

/** The broker adds a programme's questionnaire for a stage that has no current one (version 1, or the next after retired ones). */
export async function createQuestionnaire(ctx: ServiceCtx, programmeId: string, raw: Record<string, string>): Promise<{ ok: true; id: string } | { ok: false; reason: 'stage_taken' }> {
  const page = await questionnairesPage(ctx, programmeId);
  const errors: FieldErrors = {};
  const base = parseWith(questionnaireSchema, raw);
  if (!base.ok) Object.assign(errors, base.errors);
  const questions = parseQuestions(raw, errors);
  if (Object.keys(errors).length || !base.ok) throw new ValidationError(errors);
  if (!page.freeStages.includes(base.data.stage)) return { ok: false, reason: 'stage_taken' };
  const id = randomUUID();
  const ok = await ctx.db.transaction(async (tx) => {
    const version = await repo.nextVersion(tx, programmeId, base.data.stage);
    const inserted = await repo.insertQuestionnaire(tx, { id, programmeId, stage: base.data.stage, title: base.data.title, version, createdBy: ctx.actor!.id, createdAt: ctx.now }, toRows(id, questions));
    if (inserted) await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'questionnaire.create', objectType: 'questionnaire', objectId: id, ip: ctx.ip });
    return inserted;
  });
  return ok ? { ok: true, id } : { ok: false, reason: 'stage_taken' };
}

/** A fingerprint of a version's content as the editor showed it: a save based on another content is refused (someone saved in between). */
export function revisionOf(q: { id: string; title: string }, questions: { kind: string; label: string; choices: string[]; isRequired: boolean }[]): string {
  return createHash('sha256')
    .update(JSON.stringify([q.id, q.title, questions.map((x) => [x.kind, x.label, x.choices, x.isRequired])]))
    .digest('hex')
    .slice(0, 20);
}

/** The form values showing a version's questions (one row each, in order). */
export function editorValues(q: { title: string }, questions: repo.QuestionRow[], rev: string): Record<string, string> {
  const v: Record<string, string> = { title: q.title, rev };
  questions.forEach((x, i) => {
    v[`q${i}_kind`] = x.kind;
    v[`q${i}_label`] = x.label;
    v[`q${i}_choices`] = x.choices.join('\n');
    v[`q${i}_order`] = String(i + 1);
    v[`q${i}_existing`] = '1';
    if (!x.isRequired) v[`q${i}_optional`] = 'on';
  });
  return v;
}

export type EditorPage = { programmeId: string; programmeName: string; questionnaire: QuestionnaireVersion; rev: string };

/** The current version `id` for the editor; `{ retired }` when it is no longer current (a newer version or none). Staff only. */
export async function questionnaireEditor(ctx: ServiceCtx, id: string): Promise<EditorPage | { retired: true; programmeId: string }> {
  if (!isStaff(ctx.actor) || !isUuid(id)) throw new NotFoundError();
  const q = await repo.findQuestionnaire(ctx.db, id);
  if (!q) throw new NotFoundError();
  const programmeName = await programmeOrThrow(ctx, q.programmeId);
  if (q.retiredAt) return { retired: true, programmeId: q.programmeId };
  const [questions, sent] = await Promise.all([repo.questionsOf(ctx.db, id), repo.sentCount(ctx.db, id)]);
  return { programmeId: q.programmeId, programmeName, questionnaire: { ...q, sent, questions }, rev: revisionOf(q, questions) };
}

/** Thrown inside a transaction to roll it back when the unique keys refuse a second current version. */
class CurrentVersionTaken extends Error {}

export type SaveOutcome = { ok: true; id: string; version: number; mode: 'in_place' | 'new_version' | 'unchanged'; programmeId: string } | { ok: false; reason: 'changed'; programmeId: string; currentId: string | null };

/**
 * Saves the broker's edit of the current version `id`. A version never sent is edited in place;
 * a version already sent is never changed: the edit becomes version N+1 (new row and questions)
 * and N is retired, in one transaction, so the answers given keep their questions. A save based
 * on content someone else has changed or replaced since (`rev`) changes nothing: 'changed'. Two
 * saves at once make at most one new current version (the row lock, and behind it the unique
 * key on the current version per programme and stage).
 */
export async function saveQuestionnaire(ctx: ServiceCtx, id: string, raw: Record<string, string>): Promise<SaveOutcome> {
  if (!isStaff(ctx.actor) || !isUuid(id)) throw new NotFoundError();
  const found = await repo.findQuestionnaire(ctx.db, id);
  if (!found) throw new NotFoundError();
  await programmeOrThrow(ctx, found.programmeId);
  const errors: FieldErrors = {};
  const title = titleSchema.safeParse(raw.title ?? '');
  if (!title.success) errors.title = title.error.issues[0]?.message ?? 'platform.form.invalid';
  const questions = parseQuestions(raw, errors);
  if (Object.keys(errors).length || !title.success) throw new ValidationError(errors);
  const actorId = ctx.actor!.id;
  const programmeId = found.programmeId;
  const changed = async (): Promise<SaveOutcome> => ({ ok: false, reason: 'changed', programmeId, currentId: (await repo.currentOf(ctx.db, programmeId, found.stage))?.id ?? null });
  try {
    const out = await ctx.db.transaction(async (tx): Promise<SaveOutcome | null> => {
      const q = await repo.lockCurrent(tx, id);
      if (!q) return null;
      if (revisionOf(q, await repo.questionsOf(tx, id)) !== raw.rev) return null;
      // Saved as it was: no new version of a sent questionnaire for nothing.
      if (revisionOf({ id, title: title.data }, questions) === raw.rev) return { ok: true, id, version: q.version, mode: 'unchanged', programmeId };
      if ((await repo.sentCount(tx, id)) === 0) {
        await repo.rewriteQuestionnaire(tx, id, title.data, toRows(id, questions));
        await audit(tx, ctx.now, { actorId, action: 'questionnaire.update', objectType: 'questionnaire', objectId: id, ip: ctx.ip });
        return { ok: true, id, version: q.version, mode: 'in_place', programmeId };
      }
      if (!(await repo.retireQuestionnaire(tx, id, ctx.now))) return null;
      const next = randomUUID();
      const version = q.version + 1;
      const inserted = await repo.insertQuestionnaire(tx, { id: next, programmeId: q.programmeId, stage: q.stage, title: title.data, version, createdBy: actorId, createdAt: ctx.now }, toRows(next, questions));
      if (!inserted) throw new CurrentVersionTaken();
      await audit(tx, ctx.now, { actorId, action: 'questionnaire.version', objectType: 'questionnaire', objectId: next, ip: ctx.ip });
      return { ok: true, id: next, version, mode: 'new_version', programmeId };
    });
    return out ?? (await changed());
  } catch (e) {
    if (e instanceof CurrentVersionTaken) return changed();
    throw e;
  }
}

/** Retires the current version `id`: nothing more is sent for its stage (evaluations already sent can still be answered and are still reminded). */
export async function retireQuestionnaire(ctx: ServiceCtx, id: string): Promise<{ ok: true; programmeId: string } | { ok: false; reason: 'changed'; programmeId: string }> {
  if (!isStaff(ctx.actor) || !isUuid(id)) throw new NotFoundError();
  const found = await repo.findQuestionnaire(ctx.db, id);
  if (!found) throw new NotFoundError();
  await programmeOrThrow(ctx, found.programmeId);
  return ctx.db.transaction(async (tx) => {
    if (!(await repo.retireQuestionnaire(tx, id, ctx.now))) return { ok: false as const, reason: 'changed' as const, programmeId: found.programmeId };
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'questionnaire.retire', objectType: 'questionnaire', objectId: id, ip: ctx.ip });
    return { ok: true as const, programmeId: found.programmeId };
  });
}

// ---------- the schedule ----------

async function tellSide(db: DbOrTx, now: Date, exchangeId: string, side: string, evaluationId: string, title: string, isReminder: boolean): Promise<void> {
  const users = await repo.sideUsers(db, exchangeId, side);
  await notify(db, now, users, isReminder ? 'evaluation_reminder' : 'evaluation_sent', (t) =>
    isReminder
      ? { subject: t('evaluations.mail.reminder.subject', { title }), body: t('evaluations.mail.reminder.body', { title, link: mailLink(`/evaluations/${evaluationId}`) }) }
      : { subject: t('evaluations.mail.sent.subject', { title }), body: t('evaluations.mail.sent.body', { title, link: mailLink(`/evaluations/${evaluationId}`) }) },
  );
}

/**
 * Sends the current version of what is due at `now` to both sides and reminds every unanswered
 * evaluation whose next reminder has come (see `reminderGapDays`). Safe to run often and from several workers: sending is one row per exchange, stage
 * and side, and reminders are claimed with SKIP LOCKED.
 */
export async function runEvaluations(db: DbOrTx, now: Date): Promise<{ sent: number; reminded: number }> {
  const sent = await sendDue(db, now);
  let reminded = 0;
  await db.transaction(async (tx) => {
    const before = (days: number) => new Date(now.getTime() - days * 86400_000);
    for (const v of await repo.unansweredToRemind(tx, { weekly: before(REMINDER_DAYS), later: before(LATER_REMINDER_DAYS), weeklyCount: WEEKLY_REMINDERS })) {
      if (!isReminderDue(v.lastRemindedAt, v.reminders, now)) continue;
      await repo.markReminded(tx, v.id, now);
      await tellSide(tx, now, v.exchangeId, v.side, v.id, v.title, true);
      reminded++;
    }
  });
  return { sent, reminded };
}

/** The secretariat runs the schedule by hand (the worker runs it every 15 minutes); 404 for anyone else. */
export async function runScheduleNow(ctx: ServiceCtx): Promise<{ sent: number; reminded: number }> {
  if (!isStaff(ctx.actor)) throw new NotFoundError();
  return runEvaluations(ctx.db, ctx.now);
}

/**
 * Sends the current version of each stage due at `now` to both sides, for every exchange or the
 * one given; how many were sent. The schedule runs it for all; an exchange that is agreed or
 * rescheduled (exchanges.events.ts, subscribed in evaluations.module.ts) runs it for itself at
 * once, so a questionnaire already due then does not wait for the next run.
 */
export async function sendDue(db: DbOrTx, now: Date, exchangeId?: string): Promise<number> {
  let sent = 0;
  for (const c of await repo.unsentCandidates(db, exchangeId)) {
    if (!isStage(c.stage) || !isDue(c.stage, c, now)) continue;
    for (const side of SIDES) {
      await db.transaction(async (tx) => {
        const id = randomUUID();
        // Sent with the version current now; one replaced since the candidates were read waits for the next run.
        if (!(await repo.holdIfCurrent(tx, c.questionnaireId))) return;
        if (!(await repo.insertEvaluation(tx, { id, exchangeId: c.exchangeId, questionnaireId: c.questionnaireId, stage: c.stage, side, sentAt: now, lastRemindedAt: now }))) return;
        await tellSide(tx, now, c.exchangeId, side, id, c.title, false);
        sent++;
      });
    }
  }
  return sent;
}

// ---------- answering and reading ----------

/** Whether the actor answers for the evaluation's side, or reads as the broker; 404 for anyone else. */
async function loadEvaluation(ctx: ServiceCtx, id: string): Promise<{ found: NonNullable<Awaited<ReturnType<typeof repo.findEvaluation>>>; isOwnSide: boolean; actor: CurrentUser }> {
  const actor = ctx.actor;
  if (!actor || !isUuid(id)) throw new NotFoundError();
  const found = await repo.findEvaluation(ctx.db, id);
  if (!found) throw new NotFoundError();
  const s = (await exchangeStanding(ctx.db, found.v.exchangeId, actor.id)) ?? { isHost: false, isPeer: false };
  const isOwnSide = (found.v.side === 'host' && s.isHost) || (found.v.side === 'peer' && s.isPeer);
  if (!isOwnSide && !isStaff(actor)) {
    await audit(ctx.db, ctx.now, { actorId: actor.id, action: 'evaluation.view', objectType: 'evaluation', objectId: id, ip: ctx.ip, outcome: 'denied' });
    throw new NotFoundError();
  }
  return { found, isOwnSide, actor };
}

export type EvaluationPage = {
  id: string;
  exchange: { id: string; title: string };
  stage: Stage;
  side: Side;
  questions: repo.QuestionRow[];
  answer: { answers: Record<string, string | number>; at: Date } | null;
  canAnswer: boolean;
};

export async function getEvaluation(ctx: ServiceCtx, id: string): Promise<EvaluationPage> {
  const { found, isOwnSide, actor } = await loadEvaluation(ctx, id);
  const [questions, answer] = await Promise.all([repo.questionsOf(ctx.db, found.v.questionnaireId), repo.findAnswer(ctx.db, id)]);
  // Anyone but the answering side opening the answers is recorded.
  if (!isOwnSide && answer) await audit(ctx.db, ctx.now, { actorId: actor.id, action: 'evaluation.open', objectType: 'evaluation', objectId: id, ip: ctx.ip });
  return {
    id,
    exchange: { id: found.e.id, title: found.e.title },
    stage: found.v.stage as Stage,
    side: found.v.side as Side,
    questions,
    answer: answer ? { answers: answer.answers, at: answer.at } : null,
    canAnswer: isOwnSide && !answer,
  };
}

/** Checks each answer against its question. */
export function parseAnswers(questions: repo.QuestionRow[], raw: Record<string, string>): Record<string, string | number> {
  const errors: FieldErrors = {};
  const out: Record<string, string | number> = {};
  for (const q of questions) {
    const name = `a_${q.id}`;
    const v = (raw[name] ?? '').trim();
    if (!v) {
      if (q.isRequired) errors[name] = 'platform.form.required';
      continue;
    }
    switch (q.kind) {
      case 'scale': {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1 || n > 5) errors[name] = 'platform.form.choice';
        else out[q.id] = n;
        break;
      }
      case 'choice':
        if (!q.choices.includes(v)) errors[name] = 'platform.form.choice';
        else out[q.id] = v;
        break;
      case 'number': {
        const n = Number(v.replace(',', '.'));
        if (!/^-?\d+([.,]\d+)?$/.test(v) || !Number.isFinite(n) || Math.abs(n) > 1e12) errors[name] = 'evaluations.answer.numberInvalid';
        else out[q.id] = n;
        break;
      }
      default:
        if (v.length > 5000) errors[name] = 'platform.form.tooBig';
        else out[q.id] = v;
    }
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return out;
}

/** The answering side answers once; a second answer (even sent at the same moment) changes nothing. */
export async function answerEvaluation(ctx: ServiceCtx, id: string, raw: Record<string, string>): Promise<{ ok: true } | { ok: false; reason: 'already_answered' }> {
  const { found, isOwnSide, actor } = await loadEvaluation(ctx, id);
  if (!isOwnSide) throw new NotFoundError();
  const questions = await repo.questionsOf(ctx.db, found.v.questionnaireId);
  const answers = parseAnswers(questions, raw);
  return ctx.db.transaction(async (tx) => {
    if (!(await repo.insertAnswer(tx, { evaluationId: id, answers, answeredBy: actor.id, at: ctx.now }))) return { ok: false as const, reason: 'already_answered' as const };
    await audit(tx, ctx.now, { actorId: actor.id, action: 'evaluation.answer', objectType: 'evaluation', objectId: id, ip: ctx.ip });
    return { ok: true as const };
  });
}

export type ResultRow = {
  id: string;
  stage: Stage;
  side: Side;
  title: string;
  sentAt: Date;
  reminders: number;
  answeredAt: Date | null;
  items: { label: string; kind: string; value: string | number | null }[];
};

/** The evaluations of an exchange with their answers: every side for the broker, one's own side for a participant, 404 for anyone else. */
export async function exchangeResults(ctx: ServiceCtx, exchangeId: string): Promise<{ exchange: { id: string; title: string }; rows: ResultRow[]; averageScale: number | null }> {
  const actor = ctx.actor;
  if (!actor || !isUuid(exchangeId)) throw new NotFoundError();
  const s = await exchangeStanding(ctx.db, exchangeId, actor.id);
  if (!s) throw new NotFoundError();
  const e = { id: s.id, title: s.title };
  const staff = isStaff(actor);
  if (!staff && !s.isHost && !s.isPeer) throw new NotFoundError();
  const sides = staff ? undefined : s.isHost && s.isPeer ? undefined : s.isHost ? 'host' : 'peer';
  const list = await repo.evaluationsOfExchange(ctx.db, e.id, sides);
  const scale: number[] = [];
  const out: ResultRow[] = [];
  for (const x of list) {
    const questions = await repo.questionsOf(ctx.db, x.v.questionnaireId);
    const items = questions.map((q) => {
      const value = x.a?.answers[q.id] ?? null;
      if (q.kind === 'scale' && typeof value === 'number') scale.push(value);
      return { label: q.label, kind: q.kind, value };
    });
    out.push({ id: x.v.id, stage: x.v.stage as Stage, side: x.v.side as Side, title: x.title, sentAt: x.v.sentAt, reminders: x.v.reminders, answeredAt: x.a?.at ?? null, items });
  }
  if (staff && out.some((r) => r.answeredAt)) await audit(ctx.db, ctx.now, { actorId: actor.id, action: 'evaluation.results', objectType: 'exchange', objectId: e.id, ip: ctx.ip });
  return { exchange: { id: e.id, title: e.title }, rows: out, averageScale: scale.length ? Math.round((scale.reduce((a, b) => a + b, 0) / scale.length) * 10) / 10 : null };
}

// ---------- results across a programme ----------

/** Text answers listed per question and side (the latest first); the total is given beside. */
export const TEXT_ANSWERS_SHOWN = 20;

export type QuestionResult = {
  id: string;
  position: number;
  kind: QuestionKind;
  label: string;
  /** How many answered this question. */
  answers: number;
  /** scale and number */
  mean: number | null;
  /** number */
  median: number | null;
  /** scale: how many answered 1, 2, 3, 4, 5 */
  distribution: { value: number; n: number }[] | null;
  /** choice: how many chose each option */
  options: { option: string; n: number }[] | null;
  /** text: the latest answers with their exchange, and how many in all */
  texts: { exchangeId: string; exchangeTitle: string; text: string }[] | null;
};
export type VersionResult = { questionnaireId: string; version: number; title: string; current: boolean; sent: number; answered: number; questions: QuestionResult[] };
export type ProgrammeResults = {
  programme: { id: string; name: string };
  stages: { stage: Stage; sides: { side: Side; sent: number; answered: number; versions: VersionResult[] }[] }[];
};

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The median of values given with their counts. */
export function medianOf(counts: { value: number; n: number }[]): number | null {
  const sorted = [...counts].filter((c) => c.n > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((s, c) => s + c.n, 0);
  if (!total) return null;
  const at = (k: number) => {
    let seen = 0;
    for (const c of sorted) {
      seen += c.n;
      if (k < seen) return c.value;
    }
    return sorted[sorted.length - 1]!.value;
  };
  return total % 2 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

/**
 * Results across a programme (the secretariat; 404 to anyone else): per stage and side, for each
 * question of each version sent, the number of answers; scale → mean and 1–5 distribution,
 * choice → count per option, number → mean and median, text → the latest answers with their
 * exchange. Only evaluations of the programme's exchanges.
 */
export async function programmeResults(ctx: ServiceCtx, programmeId: string): Promise<ProgrammeResults> {
  const name = await programmeOrThrow(ctx, programmeId);
  const [versions, sent, counts, texts] = await Promise.all([
    repo.questionnairesOf(ctx.db, programmeId),
    repo.sentAndAnswered(ctx.db, programmeId),
    repo.answerCounts(ctx.db, programmeId),
    repo.textAnswers(ctx.db, programmeId, TEXT_ANSWERS_SHOWN),
  ]);
  const questions = new Map(await Promise.all(versions.map(async (q) => [q.id, await repo.questionsOf(ctx.db, q.id)] as const)));
  const key = (side: string, id: string) => `${side}:${id}`;
  const valueCounts = new Map<string, { value: string; n: number }[]>();
  for (const c of counts) valueCounts.set(key(c.side, c.question_id), [...(valueCounts.get(key(c.side, c.question_id)) ?? []), { value: c.value, n: c.n }]);
  const textsOf = new Map<string, typeof texts>();
  for (const x of texts) textsOf.set(key(x.side, x.question_id), [...(textsOf.get(key(x.side, x.question_id)) ?? []), x]);

  const questionResult = (side: Side, q: repo.QuestionRow): QuestionResult => {
    const kind = q.kind as QuestionKind;
    const vc = valueCounts.get(key(side, q.id)) ?? [];
    const base: QuestionResult = { id: q.id, position: q.position, kind, label: q.label, answers: 0, mean: null, median: null, distribution: null, options: null, texts: null };
    if (kind === 'text') {
      const list = textsOf.get(key(side, q.id)) ?? [];
      return { ...base, answers: list[0]?.total ?? 0, texts: list.map((x) => ({ exchangeId: x.exchange_id, exchangeTitle: x.exchange_title, text: x.value })) };
    }
    const answers = vc.reduce((s, c) => s + c.n, 0);
    if (kind === 'choice') return { ...base, answers, options: q.choices.map((option) => ({ option, n: vc.find((c) => c.value === option)?.n ?? 0 })) };
    const nums = vc.map((c) => ({ value: Number(c.value), n: c.n })).filter((c) => Number.isFinite(c.value));
    const total = nums.reduce((s, c) => s + c.n, 0);
    const mean = total ? round2(nums.reduce((s, c) => s + c.value * c.n, 0) / total) : null;
    if (kind === 'scale') return { ...base, answers, mean, distribution: [1, 2, 3, 4, 5].map((value) => ({ value, n: nums.find((c) => c.value === value)?.n ?? 0 })) };
    const median = medianOf(nums);
    return { ...base, answers, mean, median: median === null ? null : round2(median) };
  };

  const stages = STAGES.map((stage) => ({
    stage,
    sides: SIDES.map((side) => {
      const vs = versions
        .filter((q) => q.stage === stage)
        .flatMap((q): VersionResult[] => {
          const s = sent.find((x) => x.questionnaire_id === q.id && x.side === side);
          if (!s) return [];
          return [{ questionnaireId: q.id, version: q.version, title: q.title, current: !q.retiredAt, sent: s.sent, answered: s.answered, questions: (questions.get(q.id) ?? []).map((x) => questionResult(side, x)) }];
        });
      return { side, sent: vs.reduce((n, v) => n + v.sent, 0), answered: vs.reduce((n, v) => n + v.answered, 0), versions: vs };
    }),
  }));
  await audit(ctx.db, ctx.now, { actorId: ctx.actor!.id, action: 'evaluation.programme_results', objectType: 'programme', objectId: programmeId, ip: ctx.ip });
  return { programme: { id: programmeId, name }, stages };
}

/** Evaluations waiting on the signed-in person's side, for "Waiting on you" (the manifest's `waiting` hook). */
export async function waitingInEvaluations(ctx: ServiceCtx): Promise<WaitingItem[]> {
  if (!ctx.actor) return [];
  return (await repo.unansweredFor(ctx.db, ctx.actor.id)).map((v) => ({ kind: 'evaluationToAnswer', title: v.title, link: `/evaluations/${v.id}`, module: 'evaluations' }));
}
