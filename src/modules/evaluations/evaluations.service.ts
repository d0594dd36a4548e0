/**
 * Monitoring and evaluation: questionnaires per programme and stage (broker), sent to both sides
 * of an exchange before it, right after it and 3, 6 and 12 months after it (`runEvaluations`, on
 * the injected clock), reminders every 7 days until answered, one answer per evaluation, answers
 * seen only by the broker and the answering side, results per exchange.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ServiceCtx, CurrentUser } from '../../platform/http.ts';
import type { DbOrTx } from '../../platform/db.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import type { FieldErrors } from '../../platform/html/form.ts';
import { audit } from '../../platform/audit.ts';
import { parseWith } from '../../platform/validation.ts';
import { notify, mailLink } from '../notifications/notifications.service.ts';
import { isStaff } from '../exchanges/exchanges.policy.ts';
import { findExchange, standingOf } from '../exchanges/exchanges.repository.ts';
import * as repo from './evaluations.repository.ts';
import { STAGES, SIDES, isStage, isDue, isReminderDue, REMINDER_DAYS, type Stage, type Side } from './evaluations.schedule.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (v: string) => UUID.test(v);

export const QUESTION_KINDS = ['scale', 'choice', 'number', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const QUESTION_ROWS = 8;

// ---------- questionnaires ----------

export async function questionnairesPage(ctx: ServiceCtx, programmeId: string) {
  if (!isStaff(ctx.actor) || !isUuid(programmeId)) throw new NotFoundError();
  const name = await repo.programmeName(ctx.db, programmeId);
  if (name === undefined) throw new NotFoundError();
  const list = await repo.questionnairesOf(ctx.db, programmeId);
  const withQuestions = await Promise.all(list.map(async (q) => ({ ...q, questions: await repo.questionsOf(ctx.db, q.id) })));
  return { programmeId, programmeName: name, questionnaires: withQuestions, freeStages: STAGES.filter((s) => !list.some((q) => q.stage === s)) };
}

const questionnaireSchema = z.object({
  stage: z.enum(STAGES, 'platform.form.choice'),
  title: z.string().trim().min(1, 'platform.form.required').max(200, 'platform.form.tooBig'),
});

/** The broker adds a programme's questionnaire for a stage: rows q<i>_kind, q<i>_label, q<i>_choices (one per line). */
export async function createQuestionnaire(ctx: ServiceCtx, programmeId: string, raw: Record<string, string>): Promise<{ ok: true; id: string } | { ok: false; reason: 'stage_taken' }> {
  const page = await questionnairesPage(ctx, programmeId);
  const errors: FieldErrors = {};
  const base = parseWith(questionnaireSchema, raw);
  if (!base.ok) Object.assign(errors, base.errors);
  const id = randomUUID();
  const questions: { id: string; questionnaireId: string; position: number; kind: string; label: string; choices: string[]; isRequired: boolean }[] = [];
  for (let i = 0; i < QUESTION_ROWS; i++) {
    const label = (raw[`q${i}_label`] ?? '').trim();
    if (!label) continue;
    const kind = raw[`q${i}_kind`] ?? '';
    if (!(QUESTION_KINDS as readonly string[]).includes(kind)) {
      errors[`q${i}_kind`] = 'platform.form.choice';
      continue;
    }
    if (label.length > 500) errors[`q${i}_label`] = 'platform.form.tooBig';
    const choices = (raw[`q${i}_choices`] ?? '')
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (kind === 'choice' && (choices.length < 2 || choices.length > 12 || choices.some((c) => c.length > 200))) errors[`q${i}_choices`] = 'evaluations.questionnaire.choicesNeeded';
    questions.push({ id: randomUUID(), questionnaireId: id, position: questions.length, kind, label, choices: kind === 'choice' ? choices : [], isRequired: raw[`q${i}_optional`] !== 'on' });
  }
  if (!questions.length && !errors.q0_label) errors.q0_label = 'evaluations.questionnaire.oneQuestion';
  if (Object.keys(errors).length || !base.ok) throw new ValidationError(errors);
  if (!page.freeStages.includes(base.data.stage)) return { ok: false, reason: 'stage_taken' };
  const ok = await ctx.db.transaction(async (tx) => {
    const inserted = await repo.insertQuestionnaire(tx, { id, programmeId, stage: base.data.stage, title: base.data.title, createdBy: ctx.actor!.id, createdAt: ctx.now }, questions);
    if (inserted) await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'questionnaire.create', objectType: 'questionnaire', objectId: id, ip: ctx.ip });
    return inserted;
  });
  return ok ? { ok: true, id } : { ok: false, reason: 'stage_taken' };
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
 * Sends what is due at `now` to both sides and reminds every unanswered evaluation not reminded
 * for 7 days. Safe to run often and from several workers: sending is one row per exchange, stage
 * and side, and reminders are claimed with SKIP LOCKED.
 */
export async function runEvaluations(db: DbOrTx, now: Date): Promise<{ sent: number; reminded: number }> {
  let sent = 0;
  let reminded = 0;
  for (const c of await repo.unsentCandidates(db)) {
    if (!isStage(c.stage) || !isDue(c.stage, c, now)) continue;
    for (const side of SIDES) {
      await db.transaction(async (tx) => {
        const id = randomUUID();
        if (!(await repo.insertEvaluation(tx, { id, exchangeId: c.exchangeId, questionnaireId: c.questionnaireId, stage: c.stage, side, sentAt: now, lastRemindedAt: now }))) return;
        await tellSide(tx, now, c.exchangeId, side, id, c.title, false);
        sent++;
      });
    }
  }
  await db.transaction(async (tx) => {
    for (const v of await repo.unansweredToRemind(tx, new Date(now.getTime() - REMINDER_DAYS * 86400_000))) {
      if (!isReminderDue(v.lastRemindedAt, now)) continue;
      await repo.markReminded(tx, v.id, now);
      await tellSide(tx, now, v.exchangeId, v.side, v.id, v.title, true);
      reminded++;
    }
  });
  return { sent, reminded };
}

// ---------- answering and reading ----------

/** Whether the actor answers for the evaluation's side, or reads as the broker; 404 for anyone else. */
async function loadEvaluation(ctx: ServiceCtx, id: string): Promise<{ found: NonNullable<Awaited<ReturnType<typeof repo.findEvaluation>>>; isOwnSide: boolean; actor: CurrentUser }> {
  const actor = ctx.actor;
  if (!actor || !isUuid(id)) throw new NotFoundError();
  const found = await repo.findEvaluation(ctx.db, id);
  if (!found) throw new NotFoundError();
  const s = await standingOf(ctx.db, found.e, actor.id);
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
  const e = await findExchange(ctx.db, exchangeId);
  if (!e) throw new NotFoundError();
  const s = await standingOf(ctx.db, e, actor.id);
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
