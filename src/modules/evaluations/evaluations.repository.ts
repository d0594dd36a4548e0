/** Queries on questionnaires, evaluations and answers. The only place they are built. */
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db.ts';
import { rows } from '../../platform/db.ts';
import { questionnaires, questionnaireQuestions, evaluations, evaluationAnswers } from '../../db/schema/evaluations.ts';
import { exchanges } from '../../db/schema/exchanges.ts';

export type QuestionRow = typeof questionnaireQuestions.$inferSelect;
export type EvaluationRow = typeof evaluations.$inferSelect;

export async function programmeName(db: DbOrTx, id: string): Promise<string | undefined> {
  const [r] = await rows<{ name: string }>(db, sql`select name from programmes where id = ${id}`);
  return r?.name;
}

export type QuestionnaireRow = typeof questionnaires.$inferSelect;
export type QuestionInsert = typeof questionnaireQuestions.$inferInsert;

/** Every version of a programme's questionnaires, newest version first per stage, with how many evaluations each was sent as. */
export async function questionnairesOf(db: DbOrTx, programmeId: string): Promise<(QuestionnaireRow & { sent: number })[]> {
  return db
    .select({
      id: questionnaires.id,
      programmeId: questionnaires.programmeId,
      stage: questionnaires.stage,
      title: questionnaires.title,
      version: questionnaires.version,
      retiredAt: questionnaires.retiredAt,
      createdBy: questionnaires.createdBy,
      createdAt: questionnaires.createdAt,
      sent: sql<number>`(select count(*)::int from evaluations v where v.questionnaire_id = questionnaires.id)`,
    })
    .from(questionnaires)
    .where(eq(questionnaires.programmeId, programmeId))
    .orderBy(asc(questionnaires.stage), desc(questionnaires.version));
}

export async function findQuestionnaire(db: DbOrTx, id: string): Promise<QuestionnaireRow | undefined> {
  const [r] = await db.select().from(questionnaires).where(eq(questionnaires.id, id));
  return r;
}

/** The current version of a programme's questionnaire for a stage, if any. */
export async function currentOf(db: DbOrTx, programmeId: string, stage: string): Promise<QuestionnaireRow | undefined> {
  const [r] = await db.select().from(questionnaires).where(and(eq(questionnaires.programmeId, programmeId), eq(questionnaires.stage, stage), isNull(questionnaires.retiredAt)));
  return r;
}

/** The version a new questionnaire of that stage gets: one more than any before it (retired ones included). */
export async function nextVersion(db: DbOrTx, programmeId: string, stage: string): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`select coalesce(max(version), 0)::int + 1 as n from questionnaires where programme_id = ${programmeId} and stage = ${stage}`);
  return r?.n ?? 1;
}

/**
 * Locks the current version `id` for an edit (FOR UPDATE: a concurrent edit waits, and a
 * concurrent send, whose evaluation row takes a key-share lock on it, waits too or is waited for).
 * Undefined when it is missing or no longer current.
 */
export async function lockCurrent(db: DbOrTx, id: string): Promise<QuestionnaireRow | undefined> {
  const [r] = await db.select().from(questionnaires).where(and(eq(questionnaires.id, id), isNull(questionnaires.retiredAt))).for('update');
  return r;
}

/** How many evaluations were sent with this version. */
export async function sentCount(db: DbOrTx, id: string): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`select count(*)::int as n from evaluations where questionnaire_id = ${id}`);
  return r?.n ?? 0;
}

/** Edits a version never sent, in place: its title and the whole list of questions. */
export async function rewriteQuestionnaire(db: DbOrTx, id: string, title: string, questions: QuestionInsert[]): Promise<void> {
  await db.update(questionnaires).set({ title }).where(eq(questionnaires.id, id));
  await db.delete(questionnaireQuestions).where(eq(questionnaireQuestions.questionnaireId, id));
  if (questions.length) await db.insert(questionnaireQuestions).values(questions);
}

/** Retires the current version `id`; false when it was not current any more. */
export async function retireQuestionnaire(db: DbOrTx, id: string, at: Date): Promise<boolean> {
  const r = await db
    .update(questionnaires)
    .set({ retiredAt: at })
    .where(and(eq(questionnaires.id, id), isNull(questionnaires.retiredAt)))
    .returning({ id: questionnaires.id });
  return r.length === 1;
}

/**
 * Inserts a questionnaire version with its questions; false when the programme already has a
 * current version for that stage or that version number (the unique keys decide, also between
 * two writers at the same moment).
 */
export async function insertQuestionnaire(db: DbOrTx, q: typeof questionnaires.$inferInsert, questions: QuestionInsert[]): Promise<boolean> {
  const r = await db.insert(questionnaires).values(q).onConflictDoNothing().returning({ id: questionnaires.id });
  if (!r.length) return false;
  if (questions.length) await db.insert(questionnaireQuestions).values(questions);
  return true;
}

export async function questionsOf(db: DbOrTx, questionnaireId: string): Promise<QuestionRow[]> {
  return db.select().from(questionnaireQuestions).where(eq(questionnaireQuestions.questionnaireId, questionnaireId)).orderBy(asc(questionnaireQuestions.position));
}

export type DueCandidate = { exchangeId: string; title: string; state: string; startDate: string; endDate: string; questionnaireId: string; stage: string; introducedAt: Date };

/** Exchanges past planning (or the one given) with the current version of a questionnaire of their programme not yet sent to both sides. */
export async function unsentCandidates(db: DbOrTx, exchangeId?: string): Promise<DueCandidate[]> {
  const r = await rows<Record<string, unknown>>(
    db,
    sql`select e.id as exchange_id, e.title, e.state, e.start_date, e.end_date, q.id as questionnaire_id, q.stage,
               (select min(q2.created_at) from questionnaires q2 where q2.programme_id = q.programme_id and q2.stage = q.stage) as introduced_at
        from exchanges e join questionnaires q on q.programme_id = e.programme_id and q.retired_at is null
        where e.state <> 'planned' ${exchangeId ? sql`and e.id = ${exchangeId}` : sql``}
          and (select count(*) from evaluations v where v.exchange_id = e.id and v.stage = q.stage) < 2
        order by e.id, q.stage`,
  );
  const d = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
  return r.map((x) => ({ exchangeId: x.exchange_id as string, title: x.title as string, state: x.state as string, startDate: d(x.start_date), endDate: d(x.end_date), questionnaireId: x.questionnaire_id as string, stage: x.stage as string, introducedAt: new Date(x.introduced_at as string | Date) }));
}

/** Whether `id` is still the current version, holding it (FOR SHARE) against an edit until the sending transaction ends. */
export async function holdIfCurrent(db: DbOrTx, id: string): Promise<boolean> {
  const r = await rows<{ id: string }>(db, sql`select id from questionnaires where id = ${id} and retired_at is null for share`);
  return r.length === 1;
}

/** Sends (records) an evaluation; false when it was already sent. */
export async function insertEvaluation(db: DbOrTx, v: typeof evaluations.$inferInsert): Promise<boolean> {
  const r = await db.insert(evaluations).values(v).onConflictDoNothing().returning({ id: evaluations.id });
  return r.length === 1;
}

/**
 * Unanswered evaluations whose next reminder is due: last reminded at or before `weekly` while
 * reminded fewer than `weeklyCount` times, at or before `later` after that. Locked for this run.
 */
export async function unansweredToRemind(db: DbOrTx, cut: { weekly: Date; later: Date; weeklyCount: number }): Promise<(EvaluationRow & { title: string })[]> {
  const r = await rows<Record<string, unknown>>(
    db,
    sql`select v.*, e.title from evaluations v join exchanges e on e.id = v.exchange_id
        where v.last_reminded_at <= case when v.reminders < ${cut.weeklyCount} then ${cut.weekly.toISOString()}::timestamptz else ${cut.later.toISOString()}::timestamptz end
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

/** Per version and side of a programme's evaluations: how many were sent, how many answered. */
export async function sentAndAnswered(db: DbOrTx, programmeId: string) {
  return rows<{ questionnaire_id: string; side: string; sent: number; answered: number }>(
    db,
    sql`select v.questionnaire_id, v.side, count(*)::int as sent, count(a.evaluation_id)::int as answered
        from evaluations v join exchanges e on e.id = v.exchange_id left join evaluation_answers a on a.evaluation_id = v.id
        where e.programme_id = ${programmeId}
        group by v.questionnaire_id, v.side`,
  );
}

/** How often each answer was given to each scale, choice and number question of a programme's evaluations, per side. */
export async function answerCounts(db: DbOrTx, programmeId: string) {
  return rows<{ side: string; question_id: string; value: string; n: number }>(
    db,
    sql`select v.side, q.id as question_id, a.answers ->> q.id::text as value, count(*)::int as n
        from evaluations v join exchanges e on e.id = v.exchange_id join evaluation_answers a on a.evaluation_id = v.id
        join questionnaire_questions q on q.questionnaire_id = v.questionnaire_id and q.kind <> 'text'
        where e.programme_id = ${programmeId} and (a.answers ->> q.id::text) is not null
        group by v.side, q.id, a.answers ->> q.id::text`,
  );
}

/** The latest `cap` answers to each text question of a programme's evaluations, per side, with the exchange they come from and how many there are in all. */
export async function textAnswers(db: DbOrTx, programmeId: string, cap: number) {
  return rows<{ side: string; question_id: string; value: string; exchange_id: string; exchange_title: string; total: number }>(
    db,
    sql`select side, question_id, value, exchange_id, exchange_title, total from (
          select v.side, q.id as question_id, a.answers ->> q.id::text as value, e.id as exchange_id, e.title as exchange_title,
                 row_number() over (partition by v.side, q.id order by a.at desc, v.id) as rn,
                 (count(*) over (partition by v.side, q.id))::int as total
          from evaluations v join exchanges e on e.id = v.exchange_id join evaluation_answers a on a.evaluation_id = v.id
          join questionnaire_questions q on q.questionnaire_id = v.questionnaire_id and q.kind = 'text'
          where e.programme_id = ${programmeId} and coalesce(a.answers ->> q.id::text, '') <> ''
        ) x where rn <= ${cap} order by question_id, side, rn`,
  );
}

// Personal data (privacy hooks: export and erasure, through the manifest)

/** The person's answers to evaluations, for "download my data". */
export async function exportEvaluationAnswers(db: DbOrTx, userId: string): Promise<Record<string, unknown>> {
  return {
    evaluationAnswers: await rows(
      db,
      sql`select a.evaluation_id, e.exchange_id, e.stage, e.side, a.answers, a.at from evaluation_answers a join evaluations e on e.id = a.evaluation_id where a.answered_by = ${userId} order by a.at`,
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Demo data (through the manifest)

/** The demo's held match: its programme, its request's date and wanted period, and whether it has an exchange (read). */
export async function demoMatchFacts(
  db: DbOrTx,
  matchId: string,
): Promise<{ programmeId: string; requestedAt: Date; periodStart: string | null; periodEnd: string | null; hasExchange: boolean } | undefined> {
  const [r] = await rows<{ programme_id: string; created_at: string | Date; period_start: string | null; period_end: string | null; has_exchange: boolean }>(
    db,
    sql`select c.programme_id, r.created_at, r.period_start::text as period_start, r.period_end::text as period_end,
               exists (select 1 from exchanges e where e.match_id = m.id) as has_exchange
          from matches m join expertise_calls c on c.id = m.call_id join requests r on r.id = c.request_id
         where m.id = ${matchId}`,
  );
  return r ? { programmeId: r.programme_id, requestedAt: new Date(r.created_at), periodStart: r.period_start, periodEnd: r.period_end, hasExchange: Boolean(r.has_exchange) } : undefined;
}

/** An exchange's evaluations of some stages, with their questions (for the demo's answers). */
export async function demoEvaluationsOf(db: DbOrTx, exchangeId: string, stages: string[]): Promise<{ id: string; stage: string; side: string; questions: { id: string; label: string }[] }[]> {
  const out: { id: string; stage: string; side: string; questions: { id: string; label: string }[] }[] = [];
  for (const stage of stages) {
    const sent = await db
      .select({ id: evaluations.id, stage: evaluations.stage, side: evaluations.side, questionnaireId: evaluations.questionnaireId })
      .from(evaluations)
      .where(and(eq(evaluations.exchangeId, exchangeId), eq(evaluations.stage, stage)));
    for (const v of sent) {
      const questions = await db.select({ id: questionnaireQuestions.id, label: questionnaireQuestions.label }).from(questionnaireQuestions).where(eq(questionnaireQuestions.questionnaireId, v.questionnaireId));
      out.push({ id: v.id, stage: v.stage, side: v.side, questions });
    }
  }
  return out;
}

/** The mail the demo's history queued before `before` counts as sent on the day it was queued (the platform's outbox). */
export async function demoMailSentOnItsDay(db: DbOrTx, before: Date): Promise<void> {
  await rows(db, sql`update notification_outbox set sent_at = created_at where sent_at is null and created_at < ${before}`);
}

/**
 * Evaluations sent to a side the person answers for and not answered yet ("Waiting on you"): the
 * host side is the request's author or a member of the host organisation, the peer side the expert
 * or a member of the peer organisation (as exchangeStanding reads them).
 */
export async function unansweredFor(db: DbOrTx, userId: string): Promise<{ id: string; title: string }[]> {
  return rows(
    db,
    sql`select v.id, e.title from evaluations v join exchanges e on e.id = v.exchange_id
        where not exists (select 1 from evaluation_answers a where a.evaluation_id = v.id)
          and ((v.side = 'host' and (exists (select 1 from requests r where r.id = e.request_id and r.created_by = ${userId})
                 or exists (select 1 from memberships m where m.organisation_id = e.host_organisation_id and m.user_id = ${userId} and m.status = 'active')))
            or (v.side = 'peer' and (e.peer_user_id = ${userId}
                 or exists (select 1 from memberships m where m.organisation_id = e.peer_organisation_id and m.user_id = ${userId} and m.status = 'active'))))
        order by v.sent_at asc limit 50`,
  );
}
