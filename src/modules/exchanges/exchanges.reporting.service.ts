/**
 * Reporting on exchanges, for the secretariat and the participants: a programme's dashboard
 * (exchanges by state, format, region, theme and SDG, satisfaction, follow-up outcomes, the
 * countries and pairs of the map), its CSV export, and the printable record of one exchange
 * (page and PDF). Its own file because it only reads: nothing here changes an exchange, and its
 * queries span programmes, organisations and evaluations' answers.
 */
import type { ServiceCtx } from '../../platform/http.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { isUuid } from '../../platform/ids.ts';
import * as repo from './exchanges.reporting.repository.ts';
import * as core from './exchanges.repository.ts';
import { isStaff } from './exchanges.policy.ts';
import { PARTICIPANT_KINDS } from './exchanges.schema.ts';
import { loadExchange } from './exchanges.access.ts';
import { agreedVersion, torOf } from './exchanges.tor.service.ts';
import { partnershipOfExchange, partnershipFigures } from '../partnerships/partnerships.service.ts';

/** The programme's name for the secretariat; 404 for anyone else and for a missing programme alike. */
async function loadProgramme(ctx: ServiceCtx, programmeId: string): Promise<string> {
  if (!isStaff(ctx.actor) || !isUuid(programmeId)) throw new NotFoundError();
  const name = await repo.programmeName(ctx.db, programmeId);
  if (name === undefined) throw new NotFoundError();
  return name;
}

/** The programme's figures for the secretariat: exchanges by state, format, region, theme and SDG; satisfaction; follow-up answers per stage and their outcomes; the countries and country pairs of the map. */
export async function programmeDashboard(ctx: ServiceCtx, programmeId: string) {
  const name = await loadProgramme(ctx, programmeId);
  const [figures, counts, outcomes, partnerships] = await Promise.all([repo.programmeFigures(ctx.db, programmeId), repo.programmeCountryCounts(ctx.db, programmeId), repo.programmeOutcomes(ctx.db, programmeId), partnershipFigures(ctx.db)]);
  // The programme's exchanges shade the countries and draw the host–peer curves; partnerships of every
  // origin (recorded, from an exchange, from a direct request) have no host or peer and are not the
  // programme's: they are drawn apart (dashed), in a table of their own, and by approach.
  const map = countryFigures(counts);
  return { programmeId, name, ...figures, ...map, partnershipPairs: partnershipCountryPairs(partnerships.pairs), partnershipsByApproach: partnerships.byApproach, outcomes: outcomeSummary(outcomes) };
}

/** Partnerships between two countries (each pair once, in alphabetical order; approaches summed), most first. */
export function partnershipCountryPairs(pairs: { host: string; peer: string; n: number }[]): { a: string; b: string; n: number }[] {
  const out = new Map<string, { a: string; b: string; n: number }>();
  for (const p of pairs) {
    const [a, b] = [p.host, p.peer].sort() as [string, string];
    const k = `${a}-${b}`;
    const x = out.get(k) ?? { a, b, n: 0 };
    x.n += p.n;
    out.set(k, x);
  }
  return [...out.values()].sort((x, y) => y.n - x.n || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
}

export type CountryFigure = { code: string; asHost: number; asPeer: number };

/** Countries (with how often each hosted and sent peers) and host–peer country pairs, most exchanges first. */
export function countryFigures(counts: { host: string; peer: string | null; n: number }[]): { countries: CountryFigure[]; pairs: { host: string; peer: string; n: number }[] } {
  const byCode = new Map<string, CountryFigure>();
  const get = (code: string) => byCode.get(code) ?? (byCode.set(code, { code, asHost: 0, asPeer: 0 }), byCode.get(code)!);
  const pairs = new Map<string, { host: string; peer: string; n: number }>();
  for (const c of counts) {
    get(c.host).asHost += c.n;
    if (!c.peer) continue;
    get(c.peer).asPeer += c.n;
    const k = `${c.host}-${c.peer}`;
    const p = pairs.get(k) ?? { host: c.host, peer: c.peer, n: 0 };
    p.n += c.n;
    pairs.set(k, p);
  }
  return {
    countries: [...byCode.values()].sort((a, b) => b.asHost + b.asPeer - (a.asHost + a.asPeer) || a.code.localeCompare(b.code)),
    pairs: [...pairs.values()].sort((a, b) => b.n - a.n || a.host.localeCompare(b.host) || a.peer.localeCompare(b.peer)),
  };
}

export type SideOutcome = { n: number; mean: number | null; distribution: { value: string; n: number }[] };
export type OutcomeQuestion = { stage: string; kind: string; label: string; host: SideOutcome | null; peer: SideOutcome | null };

const FOLLOW_UP_STAGES = ['m3', 'm6', 'm12'] as const;

/** Per follow-up stage and scale or choice question: the number of answers per side, the mean of a scale and the distribution of the values. */
export function outcomeSummary(list: repo.OutcomeRow[]): OutcomeQuestion[] {
  const out = new Map<string, OutcomeQuestion & { position: number }>();
  for (const r of list) {
    const key = `${r.stage}\u0000${r.kind}\u0000${r.label}`;
    const q = out.get(key) ?? { stage: r.stage, kind: r.kind, label: r.label, position: r.position, host: null, peer: null };
    out.set(key, q);
    q.position = Math.min(q.position, r.position);
    if (r.side !== 'host' && r.side !== 'peer') continue;
    const s = (q[r.side] ??= { n: 0, mean: null, distribution: [] });
    s.n += r.n;
    s.distribution.push({ value: r.value, n: r.n });
  }
  for (const q of out.values())
    for (const s of [q.host, q.peer]) {
      if (!s) continue;
      if (q.kind === 'scale') {
        const total = s.distribution.reduce((a, d) => a + Number(d.value) * d.n, 0);
        s.mean = Math.round((total / s.n) * 10) / 10;
        s.distribution.sort((a, b) => Number(a.value) - Number(b.value));
      } else s.distribution.sort((a, b) => b.n - a.n || a.value.localeCompare(b.value));
    }
  const stageIx = (s: string) => FOLLOW_UP_STAGES.indexOf(s as (typeof FOLLOW_UP_STAGES)[number]);
  return [...out.values()].sort((a, b) => stageIx(a.stage) - stageIx(b.stage) || a.position - b.position || a.label.localeCompare(b.label)).map(({ position: _p, ...q }) => q);
}

// A spreadsheet runs a cell that starts with = + - @ (or a tab or CR) as a formula: such text gets a leading apostrophe.
const FORMULA = /^[=+\-@\t\r]/;
export const csvCell = (v: string | number | null): string | number => (v === null ? '' : typeof v === 'string' && FORMULA.test(v) ? `'${v}` : v);

/** The programme's exchanges as CSV, one row per exchange (secretariat only, as the dashboard). Codes, not labels, for states, formats, regions, themes and countries (ISO 3166-1 alpha-2). */
export async function programmeCsv(ctx: ServiceCtx, programmeId: string): Promise<{ name: string; csv: string }> {
  const name = await loadProgramme(ctx, programmeId);
  const list = await repo.programmeExportRows(ctx.db, programmeId);
  const { stringify } = await import('csv-stringify/sync');
  const genders = [
    ['women', 'women'],
    ['men', 'men'],
    ['other', 'otherGender'],
  ] as const;
  const columns = [
    'programme', 'exchange_id', 'title', 'state', 'format', 'start_date', 'end_date', 'place',
    'host_organisation', 'host_country', 'host_region', 'peer_organisation', 'peer_country', 'peer_region',
    'themes', 'sdgs', 'participants', 'women', 'men', 'other_gender',
    ...PARTICIPANT_KINDS.flatMap((k) => genders.map(([g]) => `${k}_${g}`)),
    'satisfaction_mean', 'satisfaction_answers',
  ];
  const records = list.map((r) => {
    const sum = (f: (p: repo.ExportRow['participants'][number]) => number) => r.participants.reduce((a, p) => a + f(p), 0);
    const byKind = PARTICIPANT_KINDS.flatMap((k) => genders.map(([, f]) => sum((p) => (p.kind === k ? p[f] : 0))));
    const row: (string | number | null)[] = [
      name, r.id, r.title, r.state, r.format, r.startDate, r.endDate, r.place,
      r.hostName, r.hostCountry, r.hostRegion, r.peerName, r.peerCountry, r.peerRegion,
      r.themes.join('; '), r.sdgs.join('; '),
      sum((p) => p.women + p.men + p.otherGender), sum((p) => p.women), sum((p) => p.men), sum((p) => p.otherGender),
      ...byKind,
      r.satisfaction, r.satisfactionAnswers,
    ];
    return row.map(csvCell);
  });
  await audit(ctx.db, ctx.now, { actorId: ctx.actor!.id, action: 'exchange.export', objectType: 'programme', objectId: programmeId, ip: ctx.ip });
  return { name, csv: stringify(records, { header: true, columns, bom: true }) };
}

/** Programmes with exchanges, for the secretariat's dashboard links (empty for anyone else). */
export async function dashboardLinks(ctx: ServiceCtx): Promise<{ id: string; name: string; n: number }[]> {
  return isStaff(ctx.actor) ? repo.programmesWithExchanges(ctx.db) : [];
}

export type ReportEvaluation = { id: string; stage: string; side: string; sentAt: Date; answeredAt: Date | null; items: { label: string; kind: string; value: string }[] };

/**
 * The whole record of an exchange on one page, for its participants and the secretariat (404 to anyone
 * else): parties, plan, participants, the agreed terms of reference (or the latest draft) with who signed,
 * agenda, tasks, budget, the evaluations this reader may see (every side for the secretariat, one's own
 * side for a participant, as on the results page) and the partnership if any.
 */
export async function exchangeReport(ctx: ServiceCtx, id: string) {
  const { e, standing } = await loadExchange(ctx, id, 'exchange.view');
  const staff = isStaff(ctx.actor);
  const sides = staff || (standing.isHost && standing.isPeer) ? null : standing.isHost ? ['host'] : ['peer'];
  const [parties, participants, budget, agenda, tasks, versions, answers, partnership] = await Promise.all([
    repo.partiesOf(ctx.db, e),
    core.participantsOf(ctx.db, e.id),
    core.budgetOf(ctx.db, e.id),
    core.agendaOf(ctx.db, e.id),
    core.tasksOf(ctx.db, e.id),
    torOf(ctx.db, e.id),
    repo.evaluationAnswersOf(ctx.db, e.id, sides),
    partnershipOfExchange(ctx.db, e.id),
  ]);
  const agreed = agreedVersion(versions);
  const evaluations = new Map<string, ReportEvaluation>();
  for (const a of answers) {
    const v = evaluations.get(a.evaluationId) ?? { id: a.evaluationId, stage: a.stage, side: a.side, sentAt: a.sentAt, answeredAt: a.answeredAt, items: [] };
    evaluations.set(a.evaluationId, v);
    if (a.label !== null && a.kind !== null && a.value !== null) v.items.push({ label: a.label, kind: a.kind, value: a.value });
  }
  // Reading another side's answers is recorded, as on the results page.
  if (staff && answers.some((a) => a.answeredAt)) await audit(ctx.db, ctx.now, { actorId: ctx.actor!.id, action: 'evaluation.results', objectType: 'exchange', objectId: e.id, ip: ctx.ip });
  return {
    exchange: e,
    parties,
    participants,
    budget,
    agenda,
    tasks,
    tor: agreed ? { ...agreed, agreed: true } : versions[0] ? { ...versions[0], agreed: false } : null,
    evaluations: [...evaluations.values()],
    partnership,
    madeAt: ctx.now,
  };
}

export type ExchangeReport = Awaited<ReturnType<typeof exchangeReport>>;
