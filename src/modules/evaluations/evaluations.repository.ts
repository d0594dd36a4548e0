/** Queries on questionnaires, evaluations and answers. The only place they are built. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db.ts';
import { rows } from '../../platform/db.ts';
import { questionnaires, questionnaireQuestions, evaluations, evaluationAnswers, exchanges } from '../../db/schema/exchanges.ts';

export type QuestionRow = typeof questionnaireQuestions.$inferSelect;
export type EvaluationRow = typeof evaluations.$inferSelect;

export async function programmeName(db: DbOrTx, id: string): Promise<string | undefined> {
  const [r] = await rows<{ name: string }>(db, sql`select name from programmes where id = ${id}`);
  return r?.name;
}

export async function questionnairesOf(db: DbOrTx, programmeId: string) {
  return db.select().from(questionnaires).where(eq(questionnaires.programmeId, programmeId)).orderBy(asc(questionnaires.createdAt));
}

/** Inserts a questionnaire with its questions; false when the programme already has one for that stage. */
export async function insertQuestionnaire(db: DbOrTx, q: typeof questionnaires.$inferInsert, questions: (typeof questionnaireQuestions.$inferInsert)[]): Promise<boolean> {
  const r = await db.insert(questionnaires).values(q).onConflictDoNothing().returning({ id: questionnaires.id });
  if (!r.length) return false;
  if (questions.length) await db.insert(questionnaireQuestions).values(questions);
  return true;
}

export async function questionsOf(db: DbOrTx, questionnaireId: string): Promise<QuestionRow[]> {
  return db.select().from(questionnaireQuestions).where(eq(questionnaireQuestions.questionnaireId, questionnaireId)).orderBy(asc(questionnaireQuestions.position));
}

export type DueCandidate = { exchangeId: string; title: string; state: string; startDate: string; endDate: string; questionnaireId: string; stage: string };

/** Exchanges past planning with a questionnaire of their programme not yet sent to both sides. */
export async function unsentCandidates(db: DbOrTx): Promise<DueCandidate[]> {
  const r = await rows<Record<string, unknown>>(
    db,
    sql`select e.id as exchange_id, e.title, e.state, e.start_date, e.end_date, q.id as questionnaire_id, q.stage
        from exchanges e join questionnaires q on q.programme_id = e.programme_id
        where e.state <> 'planned'
          and (select count(*) from evaluations v where v.exchange_id = e.id and v.stage = q.stage) < 2
        order by e.id, q.stage`,
  );
  const d = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
  return r.map((x) => ({ exchangeId: x.exchange_id as string, title: x.title as string, state: x.state as string, startDate: d(x.start_date), endDate: d(x.end_date), questionnaireId: x.questionnaire_id as string, stage: x.stage as string }));
}

/** Sends (records) an evaluation; false when it was already sent. */
export async function insertEvaluation(db: DbOrTx, v: typeof evaluations.$inferInsert): Promise<boolean> {
  const r = await db.insert(evaluations).values(v).onConflictDoNothing().returning({ id: evaluations.id });
  return r.length === 1;
}

/** Unanswered evaluations last reminded at or before `before`, locked for this run. */
export async function unansweredToRemind(db: DbOrTx, before: Date): Promise<(EvaluationRow & { title: string })[]> {
  const r = await rows<Record<string, unknown>>(
    db,
    sql`select v.*, e.title from evaluations v join exchanges e on e.id = v.exchange_id
        where v.last_reminded_at <= ${before.toISOString()}::timestamptz
          and not exists (select 1 from evaluation_answers a where a.evaluation_id = v.id)
        order by v.last_reminded_at limit 500 for update of v skip locked`,
  );
  return r.map((x) => ({
    id: x.id as string,
    exchangeId: x.exchange_id as string,
    questionnaireId: x.questionnaire_id as string,
    stage: x.stage as string,
    side: x.side as string,
    sentAt: new Date(x.sent_at as string),
    lastRemindedAt: new Date(x.last_reminded_at as string),
    reminders: Number(x.reminders),
    title: x.title as string,
  }));
}

export async function markReminded(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db
    .update(evaluations)
    .set({ lastRemindedAt: at, reminders: sql`${evaluations.reminders} + 1` })
    .where(eq(evaluations.id, id));
}

export async function findEvaluation(db: DbOrTx, id: string) {
  const [r] = await db
    .select({ v: evaluations, e: exchanges })
    .from(evaluations)
    .innerJoin(exchanges, eq(exchanges.id, evaluations.exchangeId))
    .where(eq(evaluations.id, id));
  return r;
}

export async function evaluationsOfExchange(db: DbOrTx, exchangeId: string, side?: string) {
  return db
    .select({ v: evaluations, a: evaluationAnswers, title: questionnaires.title })
    .from(evaluations)
    .innerJoin(questionnaires, eq(questionnaires.id, evaluations.questionnaireId))
    .leftJoin(evaluationAnswers, eq(evaluationAnswers.evaluationId, evaluations.id))
    .where(side ? and(eq(evaluations.exchangeId, exchangeId), eq(evaluations.side, side)) : eq(evaluations.exchangeId, exchangeId))
    .orderBy(asc(evaluations.sentAt), asc(evaluations.side));
}

export async function findAnswer(db: DbOrTx, evaluationId: string) {
  const [r] = await db.select().from(evaluationAnswers).where(eq(evaluationAnswers.evaluationId, evaluationId));
  return r;
}

/** Stores the answer; false when one is already stored (two answers sent at once keep the first). */
export async function insertAnswer(db: DbOrTx, v: typeof evaluationAnswers.$inferInsert): Promise<boolean> {
  const r = await db.insert(evaluationAnswers).values(v).onConflictDoNothing().returning({ id: evaluationAnswers.evaluationId });
  return r.length === 1;
}

/** The users of one side of an exchange who are asked to answer: the request's author or the offer's author, and the organisation's approvers and admins. */
export async function sideUsers(db: DbOrTx, exchangeId: string, side: string): Promise<string[]> {
  const r = await rows<{ id: string }>(
    db,
    side === 'host'
      ? sql`select r.created_by as id from exchanges e join requests r on r.id = e.request_id where e.id = ${exchangeId}
            union select m.user_id from exchanges e join memberships m on m.organisation_id = e.host_organisation_id
              where e.id = ${exchangeId} and m.status = 'active' and m.role in ('approver', 'org_admin')`
      : sql`select e.peer_user_id as id from exchanges e where e.id = ${exchangeId}
            union select m.user_id from exchanges e join memberships m on m.organisation_id = e.peer_organisation_id
              where e.id = ${exchangeId} and m.status = 'active' and m.role = 'org_admin'`,
  );
  return r.map((x) => x.id);
}
