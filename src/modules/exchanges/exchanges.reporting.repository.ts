/**
 * The reporting queries of exchanges: a programme's figures, country counts, follow-up outcomes,
 * the CSV rows and one exchange's parties and evaluation answers for its printable record. Read
 * only, and the one place where exchanges reads other modules' tables at length (organisations,
 * requests, programmes, evaluations) — joined here to read, never written.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db.ts';
import { rows } from '../../platform/db.ts';
import type { ExchangeRow } from './exchanges.repository.ts';

export type Count = { key: string; n: number };

/** A programme's exchanges counted by state, format, host region, theme and SDG; satisfaction and follow-up answers. All in SQL. */
export async function programmeFigures(db: DbOrTx, programmeId: string) {
  const count = (q: ReturnType<typeof sql>) => rows<{ key: string; n: number }>(db, q);
  const [byState, byFormat, byRegion, byTheme, bySdg, sat, stages] = await Promise.all([
    count(sql`select state as key, count(*)::int as n from exchanges where programme_id = ${programmeId} group by state order by n desc, key`),
    count(sql`select format as key, count(*)::int as n from exchanges where programme_id = ${programmeId} group by format order by n desc, key`),
    count(sql`select o.region as key, count(*)::int as n from exchanges e join organisations o on o.id = e.host_organisation_id where e.programme_id = ${programmeId} group by o.region order by n desc, key`),
    count(sql`select t.theme as key, count(*)::int as n from exchanges e join requests r on r.id = e.request_id cross join lateral unnest(r.themes) as t(theme) where e.programme_id = ${programmeId} group by t.theme order by n desc, key`),
    count(sql`select s.sdg::text as key, count(*)::int as n from exchanges e join requests r on r.id = e.request_id cross join lateral unnest(r.sdgs) as s(sdg) where e.programme_id = ${programmeId} group by s.sdg order by n desc, s.sdg`),
    rows<{ avg: string | null; n: number }>(
      db,
      sql`select avg((a.answers ->> q.id::text)::numeric)::text as avg, count(*)::int as n
          from exchanges e join evaluations v on v.exchange_id = e.id join evaluation_answers a on a.evaluation_id = v.id
          join questionnaire_questions q on q.questionnaire_id = v.questionnaire_id and q.kind = 'scale'
          where e.programme_id = ${programmeId} and (a.answers ->> q.id::text) is not null`,
    ),
    rows<{ stage: string; sent: number; answered: number }>(
      db,
      sql`select v.stage, count(*)::int as sent, count(a.evaluation_id)::int as answered
          from exchanges e join evaluations v on v.exchange_id = e.id left join evaluation_answers a on a.evaluation_id = v.id
          where e.programme_id = ${programmeId} group by v.stage`,
    ),
  ]);
  const avg = sat[0]?.avg ? Math.round(Number(sat[0].avg) * 10) / 10 : null;
  return { byState, byFormat, byRegion, byTheme, bySdg, satisfaction: { average: avg, answers: sat[0]?.n ?? 0 }, stages };
}

export async function programmeName(db: DbOrTx, id: string): Promise<string | undefined> {
  const [r] = await rows<{ name: string }>(db, sql`select name from programmes where id = ${id}`);
  return r?.name;
}

/** A programme's exchanges counted by host country and peer country (peer null when the offer came from a person without an organisation). */
export async function programmeCountryCounts(db: DbOrTx, programmeId: string): Promise<{ host: string; peer: string | null; n: number }[]> {
  return rows<{ host: string; peer: string | null; n: number }>(
    db,
    sql`select h.country as host, p.country as peer, count(*)::int as n
        from exchanges e join organisations h on h.id = e.host_organisation_id left join organisations p on p.id = e.peer_organisation_id
        where e.programme_id = ${programmeId} group by h.country, p.country order by n desc, host, peer`,
  );
}

export type OutcomeRow = { stage: string; side: string; kind: string; label: string; position: number; value: string; n: number };

/**
 * Answers to the follow-up evaluations (3, 6 and 12 months) of a programme's exchanges, for the
 * scale and choice questions: how many answers gave each value, per stage, side and question.
 * Questions are told apart by kind and label, so the versions of a questionnaire add up.
 */
export async function programmeOutcomes(db: DbOrTx, programmeId: string): Promise<OutcomeRow[]> {
  return rows<OutcomeRow>(
    db,
    sql`select v.stage, v.side, q.kind, q.label, min(q.position)::int as position, a.answers ->> q.id::text as value, count(*)::int as n
        from exchanges e join evaluations v on v.exchange_id = e.id join evaluation_answers a on a.evaluation_id = v.id
        join questionnaire_questions q on q.questionnaire_id = v.questionnaire_id and q.kind in ('scale', 'choice')
        where e.programme_id = ${programmeId} and v.stage in ('m3', 'm6', 'm12') and (a.answers ->> q.id::text) is not null
        group by v.stage, v.side, q.kind, q.label, a.answers ->> q.id::text
        order by v.stage, position, q.label, v.side, value`,
  );
}

export type ExportRow = {
  id: string;
  title: string;
  state: string;
  format: string;
  startDate: string;
  endDate: string;
  place: string;
  hostName: string;
  hostCountry: string;
  hostRegion: string;
  peerName: string;
  peerCountry: string;
  peerRegion: string;
  themes: string[];
  sdgs: number[];
  participants: { kind: string; women: number; men: number; otherGender: number }[];
  satisfaction: number | null;
  satisfactionAnswers: number;
};

/** One row per exchange of a programme for the CSV export, with participants by type and gender and the mean of the 1–5 scale answers. */
export async function programmeExportRows(db: DbOrTx, programmeId: string): Promise<ExportRow[]> {
  const d = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '').slice(0, 10));
  const [base, people, sat] = await Promise.all([
    rows<Record<string, unknown>>(
      db,
      sql`select e.id, e.title, e.state, e.format, e.start_date, e.end_date, e.place, h.name as host_name, h.country as host_country, h.region as host_region,
                 coalesce(p.name, u.name) as peer_name, p.country as peer_country, p.region as peer_region, r.themes, r.sdgs
          from exchanges e join organisations h on h.id = e.host_organisation_id left join organisations p on p.id = e.peer_organisation_id
          join users u on u.id = e.peer_user_id join requests r on r.id = e.request_id
          where e.programme_id = ${programmeId} order by e.start_date, e.title, e.id`,
    ),
    rows<{ exchange_id: string; kind: string; women: number; men: number; other_gender: number }>(
      db,
      sql`select x.exchange_id, x.kind, sum(x.women)::int as women, sum(x.men)::int as men, sum(x.other_gender)::int as other_gender
          from exchange_participants x join exchanges e on e.id = x.exchange_id where e.programme_id = ${programmeId} group by x.exchange_id, x.kind`,
    ),
    rows<{ exchange_id: string; avg: string | null; n: number }>(
      db,
      sql`select e.id as exchange_id, avg((a.answers ->> q.id::text)::numeric)::text as avg, count(*)::int as n
          from exchanges e join evaluations v on v.exchange_id = e.id join evaluation_answers a on a.evaluation_id = v.id
          join questionnaire_questions q on q.questionnaire_id = v.questionnaire_id and q.kind = 'scale'
          where e.programme_id = ${programmeId} and (a.answers ->> q.id::text) is not null group by e.id`,
    ),
  ]);
  return base.map((r) => {
    const s = sat.find((x) => x.exchange_id === r.id);
    return {
      id: r.id as string,
      title: r.title as string,
      state: r.state as string,
      format: r.format as string,
      startDate: d(r.start_date),
      endDate: d(r.end_date),
      place: (r.place as string) ?? '',
      hostName: r.host_name as string,
      hostCountry: r.host_country as string,
      hostRegion: r.host_region as string,
      peerName: (r.peer_name as string) ?? '',
      peerCountry: (r.peer_country as string | null) ?? '',
      peerRegion: (r.peer_region as string | null) ?? '',
      themes: (r.themes as string[]) ?? [],
      sdgs: ((r.sdgs as unknown[]) ?? []).map(Number),
      participants: people.filter((p) => p.exchange_id === r.id).map((p) => ({ kind: p.kind, women: p.women, men: p.men, otherGender: p.other_gender })),
      satisfaction: s?.avg ? Math.round(Number(s.avg) * 10) / 10 : null,
      satisfactionAnswers: s?.n ?? 0,
    };
  });
}

/** Both parties of an exchange: the organisations (the peer's may be missing) and the person who offered. */
export async function partiesOf(db: DbOrTx, e: ExchangeRow) {
  const [r] = await rows<Record<string, string | null>>(
    db,
    sql`select h.name as host_name, h.country as host_country, h.region as host_region, p.name as peer_name, p.country as peer_country, p.region as peer_region, u.name as peer_person
        from organisations h left join organisations p on p.id = ${e.peerOrganisationId} join users u on u.id = ${e.peerUserId} where h.id = ${e.hostOrganisationId}`,
  );
  return {
    host: { name: r?.host_name ?? '', country: r?.host_country ?? '', region: r?.host_region ?? '' },
    peer: r?.peer_name ? { name: r.peer_name, country: r.peer_country ?? '', region: r.peer_region ?? '' } : null,
    peerPerson: r?.peer_person ?? '',
  };
}

export type ReportAnswerRow = { evaluationId: string; stage: string; side: string; sentAt: Date; answeredAt: Date | null; position: number | null; label: string | null; kind: string | null; value: string | null };

/** The evaluations of an exchange (of the given sides, or all) with each answered question's value as text. */
export async function evaluationAnswersOf(db: DbOrTx, exchangeId: string, sides: string[] | null): Promise<ReportAnswerRow[]> {
  const r = await rows<Record<string, unknown>>(
    db,
    sql`select v.id, v.stage, v.side, v.sent_at, a.at as answered_at, q.position, q.label, q.kind, a.answers ->> q.id::text as value
        from evaluations v left join evaluation_answers a on a.evaluation_id = v.id
        left join questionnaire_questions q on q.questionnaire_id = v.questionnaire_id and a.evaluation_id is not null
        where v.exchange_id = ${exchangeId} ${sides ? sql`and v.side in (${sql.join(sides.map((s) => sql`${s}`), sql`, `)})` : sql``}
        order by v.sent_at, v.side, q.position`,
  );
  const at = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)));
  return r.map((x) => ({
    evaluationId: x.id as string,
    stage: x.stage as string,
    side: x.side as string,
    sentAt: at(x.sent_at)!,
    answeredAt: at(x.answered_at),
    position: (x.position as number | null) ?? null,
    label: (x.label as string | null) ?? null,
    kind: (x.kind as string | null) ?? null,
    value: (x.value as string | null) ?? null,
  }));
}

/** Programmes that have exchanges, for the secretariat's links to their dashboards. */
export async function programmesWithExchanges(db: DbOrTx): Promise<{ id: string; name: string; n: number }[]> {
  return rows<{ id: string; name: string; n: number }>(
    db,
    sql`select p.id, p.name, count(*)::int as n from programmes p join exchanges e on e.programme_id = p.id group by p.id, p.name order by p.name`,
  );
}
