/**
 * What an association of local governments may follow of its members' exchanges (issue 13,
 * CONNECT involves "local and regional government associations in all exchanges"): the public parts
 * only — title, format, dates, place, state, the two organisations, and the objectives and expected
 * results of the agreed terms of reference. Never messages, documents, budgets or participants.
 */
import { sql } from 'drizzle-orm';
import { rows, type DbOrTx } from '../../platform/db.ts';
import { isUuid } from '../../platform/ids.ts';

export type PublicExchange = {
  id: string;
  programmeId: string;
  title: string;
  format: string;
  state: string;
  startDate: string;
  endDate: string;
  place: string;
  host: { id: string; name: string; country: string };
  peer: { id: string; name: string; country: string } | null;
  /** From the latest version all sides signed; empty until one is agreed. */
  objectives: string;
  expectedResults: string;
};

type Row = {
  id: string;
  programme_id: string;
  title: string;
  format: string;
  state: string;
  start_date: string;
  end_date: string;
  place: string;
  host_id: string;
  host_name: string;
  host_country: string;
  peer_id: string | null;
  peer_name: string | null;
  peer_country: string | null;
  content: Record<string, string> | null;
};

const toPublic = (r: Row): PublicExchange => ({
  id: r.id,
  programmeId: r.programme_id,
  title: r.title,
  format: r.format,
  state: r.state,
  startDate: String(r.start_date).slice(0, 10),
  endDate: String(r.end_date).slice(0, 10),
  place: r.place,
  host: { id: r.host_id, name: r.host_name, country: r.host_country },
  peer: r.peer_id ? { id: r.peer_id, name: r.peer_name ?? '', country: r.peer_country ?? '' } : null,
  objectives: r.content?.objectives ?? '',
  expectedResults: r.content?.expectedResults ?? '',
});

/** The agreed version's content: the newest version signed by host, peer and broker. */
const AGREED = sql`(select tv.content from tor_versions tv where tv.exchange_id = e.id
    and (select count(distinct s.side) from tor_signatures s where s.tor_version_id = tv.id) = 3
    order by tv.version desc limit 1)`;

const SELECT = sql`select e.id, e.programme_id, e.title, e.format, e.state, e.start_date::text as start_date, e.end_date::text as end_date, e.place,
    ho.id as host_id, ho.name as host_name, ho.country as host_country, po.id as peer_id, po.name as peer_name, po.country as peer_country, ${AGREED} as content
  from exchanges e join organisations ho on ho.id = e.host_organisation_id left join organisations po on po.id = e.peer_organisation_id`;

/** The exchanges in which any of these organisations takes part (newest first, at most 200). */
export async function exchangesOfOrganisations(db: DbOrTx, organisationIds: string[]): Promise<PublicExchange[]> {
  const ids = organisationIds.filter(isUuid);
  if (!ids.length) return [];
  const list = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return (await rows<Row>(db, sql`${SELECT} where e.host_organisation_id in (${list}) or e.peer_organisation_id in (${list}) order by e.start_date desc limit 200`)).map(toPublic);
}

/** One exchange's public parts, or null. */
export async function publicExchange(db: DbOrTx, id: string): Promise<PublicExchange | null> {
  if (!isUuid(id)) return null;
  const [r] = await rows<Row>(db, sql`${SELECT} where e.id = ${id}`);
  return r ? toPublic(r) : null;
}
