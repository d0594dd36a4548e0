/**
 * An exchange's evaluations in summary, for those who follow it without taking part (an
 * association of local governments, a lessons brief): per stage and side, how many were sent and
 * answered and the mean of the 1–5 scale answers. Never an individual answer, never a text answer.
 */
import { sql } from 'drizzle-orm';
import { rows, type DbOrTx } from '../../platform/db.ts';
import { STAGES, type Side, type Stage } from './evaluations.schedule.ts';

export type StageSummary = { stage: Stage; side: Side; sent: number; answered: number; meanScale: number | null };

export async function evaluationSummary(db: DbOrTx, exchangeId: string): Promise<StageSummary[]> {
  const counts = await rows<{ stage: string; side: string; sent: number; answered: number }>(
    db,
    sql`select v.stage, v.side, count(*)::int as sent, count(a.evaluation_id)::int as answered
        from evaluations v left join evaluation_answers a on a.evaluation_id = v.id
        where v.exchange_id = ${exchangeId} group by v.stage, v.side`,
  );
  const means = await rows<{ stage: string; side: string; mean: string | null }>(
    db,
    sql`select v.stage, v.side, avg((a.answers ->> q.id::text)::numeric) as mean
        from evaluations v join evaluation_answers a on a.evaluation_id = v.id
        join questionnaire_questions q on q.questionnaire_id = v.questionnaire_id and q.kind = 'scale'
        where v.exchange_id = ${exchangeId} and jsonb_typeof(a.answers -> q.id::text) = 'number'
        group by v.stage, v.side`,
  );
  const mean = new Map(means.map((m) => [`${m.stage}/${m.side}`, m.mean === null ? null : Math.round(Number(m.mean) * 10) / 10]));
  return counts
    .map((c) => ({ stage: c.stage as Stage, side: c.side as Side, sent: c.sent, answered: c.answered, meanScale: mean.get(`${c.stage}/${c.side}`) ?? null }))
    .sort((a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage) || a.side.localeCompare(b.side));
}
