/**
 * Programmes: settings, rounds, criteria, committee (broker and admin), the public calls for
 * requests, the open-calls list with its filters, and the public timeline.
 */
import { randomUUID } from 'node:crypto';
import type { ServiceCtx } from '../../platform/http.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { mustParse } from '../../platform/validation.ts';
import { parseQuery } from '../../platform/query.ts';
import { isUuid } from '../../platform/ids.ts';
import { canProgramme } from './programmes.policy.ts';
import { programmeInput, roundInput, criterionInput, committeeInput, newsInput, openCallsQuery } from './programmes.schema.ts';
import { roundPhase, roundDatesProblem, type RoundPhase } from './programmes.phase.ts';
import * as repo from './programmes.repository.ts';
import { audit } from '../../platform/audit.ts';
import { DEFAULT_WEIGHTS, storedWeights, type MatchWeights } from './programmes.weights.ts';
import type { DbOrTx } from '../../platform/db.ts';

export type Programme = Omit<repo.ProgrammeRow, 'createdBy'>;
export type Round = repo.RoundRow & { phase: RoundPhase };
export type Criterion = { id: string; label: string; weight: number };
export type ProgrammeAdmin = { programme: Programme; rounds: Round[]; criteria: Criterion[]; committee: { userId: string; name: string; email: string | null }[] };
export type OpenCall = { programme: Programme; round: Round };

function requireManager(ctx: ServiceCtx): void {
  // Not for you: the same answer as a missing page.
  if (!canProgramme(ctx.actor, 'programme.manage')) throw new NotFoundError();
}

const withPhase = (r: repo.RoundRow, now: Date): Round => ({ ...r, phase: roundPhase(r, now) });

/** Lists every programme (broker, admin). */
export async function listProgrammes(ctx: ServiceCtx): Promise<Programme[]> {
  requireManager(ctx);
  return repo.listProgrammes(ctx.db);
}

/** Creates a programme. Outcomes: ok with its id; ValidationError (slug taken, bad fields). */
export async function createProgramme(ctx: ServiceCtx, raw: unknown): Promise<{ ok: true; id: string }> {
  requireManager(ctx);
  const input = mustParse(programmeInput, raw);
  if (await repo.slugTaken(ctx.db, input.slug)) throw new ValidationError({ slug: 'programmes.form.slugTaken' });
  const id = randomUUID();
  const ok = await repo.insertProgramme(ctx.db, { id, ...input, createdBy: ctx.actor!.id, createdAt: ctx.now, updatedAt: ctx.now });
  if (!ok) throw new ValidationError({ slug: 'programmes.form.slugTaken' });
  return { ok: true, id };
}

/** Changes a programme's settings. */
export async function updateProgramme(ctx: ServiceCtx, id: string, raw: unknown): Promise<{ ok: true }> {
  requireManager(ctx);
  if (!isUuid(id) || !(await repo.findProgramme(ctx.db, id))) throw new NotFoundError();
  const input = mustParse(programmeInput, raw);
  if (await repo.slugTaken(ctx.db, input.slug, id)) throw new ValidationError({ slug: 'programmes.form.slugTaken' });
  await repo.updateProgrammeRow(ctx.db, id, { ...input, updatedAt: ctx.now });
  return { ok: true };
}

/** A programme with its rounds, criteria and committee, for its managers. */
export async function getProgrammeAdmin(ctx: ServiceCtx, id: string): Promise<ProgrammeAdmin> {
  requireManager(ctx);
  const p = isUuid(id) ? await repo.findProgramme(ctx.db, id) : undefined;
  if (!p) throw new NotFoundError();
  const [rounds, criteria, committee] = await Promise.all([repo.roundsOf(ctx.db, id), repo.criteriaOf(ctx.db, id), repo.committeeOf(ctx.db, id)]);
  return { programme: p, rounds: rounds.map((r) => withPhase(r, ctx.now)), criteria: criteria.map((c) => ({ id: c.id, label: c.label, weight: c.weight })), committee };
}

/** Adds a round; its opening goes on the public timeline. ValidationError when the dates do not follow each other. */
export async function addRound(ctx: ServiceCtx, programmeId: string, raw: unknown): Promise<{ ok: true; id: string }> {
  requireManager(ctx);
  const p = isUuid(programmeId) ? await repo.findProgramme(ctx.db, programmeId) : undefined;
  if (!p) throw new NotFoundError();
  const input = mustParse(roundInput, raw);
  const problem = roundDatesProblem(input);
  if (problem) throw new ValidationError({ [problem]: 'programmes.round.datesOrder' });
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await repo.insertRound(tx, { id, programmeId, ...input, createdAt: ctx.now });
    await repo.insertTimelineEvent(tx, { id: randomUUID(), programmeId, kind: 'round_opened', at: input.opensAt, title: input.name, refId: id, authorId: ctx.actor!.id });
  });
  return { ok: true, id };
}

/** Changes a round's name and dates (same checks as adding); its "opened" event on the timeline follows. */
export async function updateRound(ctx: ServiceCtx, programmeId: string, roundId: string, raw: unknown): Promise<{ ok: true }> {
  requireManager(ctx);
  if (!isUuid(programmeId) || !isUuid(roundId)) throw new NotFoundError();
  const input = mustParse(roundInput, raw);
  const problem = roundDatesProblem(input);
  if (problem) throw new ValidationError({ [problem]: 'programmes.round.datesOrder' });
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.updateRoundRow(tx, programmeId, roundId, input))) throw new NotFoundError();
    await repo.updateRoundEvent(tx, roundId, input.opensAt, input.name);
  });
  return { ok: true };
}

/** A round of a programme, for its edit form. */
export async function getRound(ctx: ServiceCtx, programmeId: string, roundId: string): Promise<{ programme: Programme; round: Round }> {
  const d = await getProgrammeAdmin(ctx, programmeId);
  const round = d.rounds.find((r) => r.id === roundId);
  if (!round) throw new NotFoundError();
  return { programme: d.programme, round };
}

/** Changes a criterion's label or weight. */
export async function updateCriterion(ctx: ServiceCtx, programmeId: string, criterionId: string, raw: unknown): Promise<{ ok: true }> {
  requireManager(ctx);
  if (!isUuid(programmeId) || !isUuid(criterionId)) throw new NotFoundError();
  const input = mustParse(criterionInput, raw);
  if (!(await repo.updateCriterionRow(ctx.db, programmeId, criterionId, input))) throw new NotFoundError();
  return { ok: true };
}

/** Adds a review criterion with its weight. */
export async function addCriterion(ctx: ServiceCtx, programmeId: string, raw: unknown): Promise<{ ok: true }> {
  requireManager(ctx);
  if (!isUuid(programmeId) || !(await repo.findProgramme(ctx.db, programmeId))) throw new NotFoundError();
  const input = mustParse(criterionInput, raw);
  const existing = await repo.criteriaOf(ctx.db, programmeId);
  await repo.insertCriterion(ctx.db, { id: randomUUID(), programmeId, ...input, position: existing.length });
  return { ok: true };
}

export async function removeCriterion(ctx: ServiceCtx, programmeId: string, criterionId: string): Promise<{ ok: boolean }> {
  requireManager(ctx);
  if (!isUuid(programmeId) || !isUuid(criterionId)) throw new NotFoundError();
  return { ok: await repo.deleteCriterion(ctx.db, programmeId, criterionId) };
}

/** Adds a committee member by e-mail. ValidationError on the e-mail when no account has it or the account lacks the committee role. */
export async function addCommitteeMember(ctx: ServiceCtx, programmeId: string, raw: unknown): Promise<{ ok: true }> {
  requireManager(ctx);
  if (!isUuid(programmeId) || !(await repo.findProgramme(ctx.db, programmeId))) throw new NotFoundError();
  const { email } = mustParse(committeeInput, raw);
  const u = await repo.findUserIdByEmail(ctx.db, email);
  if (!u) throw new ValidationError({ email: 'programmes.committee.unknown' });
  if (!u.roles.includes('committee')) throw new ValidationError({ email: 'programmes.committee.notCommittee' });
  await repo.addCommitteeMember(ctx.db, programmeId, u.id, ctx.now);
  return { ok: true };
}

export async function removeCommitteeMember(ctx: ServiceCtx, programmeId: string, userId: string): Promise<{ ok: true }> {
  requireManager(ctx);
  if (!isUuid(programmeId) || !isUuid(userId)) throw new NotFoundError();
  await repo.removeCommitteeMember(ctx.db, programmeId, userId);
  return { ok: true };
}

/** Rounds open for requests now, with the region, theme and format filters (an unknown key answers 400). */
export async function listOpenCalls(ctx: ServiceCtx, query: Record<string, unknown>): Promise<OpenCall[]> {
  const f = parseQuery(openCallsQuery, query);
  const rowsOf = await repo.openRounds(ctx.db, ctx.now, f);
  return rowsOf.map((x) => ({ programme: x.programme, round: withPhase(x.round, ctx.now) }));
}

/** Rounds whose deadline is still ahead (open or upcoming), for the feed and the calendar. */
export async function upcomingDeadlines(ctx: ServiceCtx): Promise<OpenCall[]> {
  const rowsOf = await repo.currentAndUpcomingRounds(ctx.db, ctx.now);
  return rowsOf.map((x) => ({ programme: x.programme, round: withPhase(x.round, ctx.now) }));
}

/** Every programme, for the public list (name, description, whether a round is open now). */
export type NextOpening = { programme: { name: string; slug: string }; round: { name: string; opensAt: Date } };

/** For each programme, its next round for requests that has not opened yet (soonest first): where a person arriving between rounds is told when to come back. */
export async function nextOpenings(ctx: ServiceCtx): Promise<NextOpening[]> {
  const seen = new Set<string>();
  const out: NextOpening[] = [];
  for (const r of await repo.roundsOpeningAfter(ctx.db, ctx.now)) {
    if (seen.has(r.programme.id)) continue;
    seen.add(r.programme.id);
    out.push({ programme: { name: r.programme.name, slug: r.programme.slug }, round: { name: r.round.name, opensAt: r.round.opensAt } });
  }
  return out;
}

export async function listProgrammesPublic(ctx: ServiceCtx): Promise<{ programme: Programme; isOpen: boolean }[]> {
  const all = await repo.listProgrammes(ctx.db);
  const open = new Set((await repo.openRounds(ctx.db, ctx.now, {})).map((x) => x.programme.id));
  return all.map((p) => ({ programme: p, isOpen: open.has(p.id) }));
}

export type ProgrammePublic = { programme: Programme; rounds: Round[]; openRound: Round | null };

/** A programme's public page: settings, rounds, and the round open now if any. */
export async function getProgrammePublic(ctx: ServiceCtx, slug: string): Promise<ProgrammePublic> {
  const p = await repo.findProgrammeBySlug(ctx.db, slug);
  if (!p) throw new NotFoundError();
  const rounds = (await repo.roundsOf(ctx.db, p.id)).map((r) => withPhase(r, ctx.now));
  return { programme: p, rounds, openRound: rounds.find((r) => r.phase === 'open') ?? null };
}

export type TimelineEntry = { id: string; kind: string; at: Date; title: string; body: string };

/** The public timeline: what has happened in the programme, newest first. */
export async function getTimeline(ctx: ServiceCtx, slug: string): Promise<{ programme: Programme; entries: TimelineEntry[]; canPostNews: boolean }> {
  const p = await repo.findProgrammeBySlug(ctx.db, slug);
  if (!p) throw new NotFoundError();
  const entries = (await repo.timelineOf(ctx.db, p.id, ctx.now)).map((e) => ({ id: e.id, kind: e.kind, at: e.at, title: e.title, body: e.body }));
  return { programme: p, entries, canPostNews: canProgramme(ctx.actor, 'programme.postNews') };
}

/** A news item the broker writes on the programme's timeline. */
export async function postNews(ctx: ServiceCtx, slug: string, raw: unknown): Promise<{ ok: true }> {
  if (!canProgramme(ctx.actor, 'programme.postNews')) throw new NotFoundError();
  const p = await repo.findProgrammeBySlug(ctx.db, slug);
  if (!p) throw new NotFoundError();
  const input = mustParse(newsInput, raw);
  const id = randomUUID();
  await repo.insertTimelineEvent(ctx.db, { id, programmeId: p.id, kind: 'news', at: ctx.now, title: input.title, body: input.body ?? '', refId: id, authorId: ctx.actor!.id });
  return { ok: true };
}

/** The matching weights, in the engine's order (`DEFAULT_WEIGHTS`). */
export const WEIGHT_KEYS = Object.keys(DEFAULT_WEIGHTS) as (keyof MatchWeights)[];
export const WEIGHT_MAX = 10;

export type ProgrammeWeights = { programme: Programme; stored: Partial<MatchWeights>; weights: MatchWeights };

/** A programme's matching weights, stored and effective (defaults filled in), for its managers. */
export async function getProgrammeWeights(ctx: ServiceCtx, id: string): Promise<ProgrammeWeights> {
  requireManager(ctx);
  const p = isUuid(id) ? await repo.findProgramme(ctx.db, id) : undefined;
  if (!p) throw new NotFoundError();
  const stored = storedWeights(p.matchWeights);
  return { programme: p, stored, weights: { ...DEFAULT_WEIGHTS, ...stored } };
}

/**
 * Checks the weights form: one field per weight, a number from 0 to 10 (a decimal comma is
 * accepted); an empty field means the default. ValidationError per field; at least one weight above 0.
 */
export function parseWeightsForm(raw: Record<string, unknown>): Partial<MatchWeights> {
  const errors: Record<string, string> = {};
  const weights: Partial<MatchWeights> = {};
  for (const k of WEIGHT_KEYS) {
    const v = raw[k];
    const s = typeof v === 'string' ? v.trim().replace(',', '.') : '';
    if (v !== undefined && typeof v !== 'string') errors[k] = 'programmes.weights.invalid';
    else if (s === '') continue;
    else if (!/^\d+(\.\d+)?$|^\.\d+$/.test(s) || !Number.isFinite(Number(s))) errors[k] = 'programmes.weights.invalid';
    else if (Number(s) > WEIGHT_MAX) errors[k] = 'programmes.weights.range';
    else weights[k] = Number(s);
  }
  if (!Object.keys(errors).length && WEIGHT_KEYS.every((k) => (weights[k] ?? DEFAULT_WEIGHTS[k]) === 0)) errors[WEIGHT_KEYS[0]!] = 'programmes.weights.allZero';
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return weights;
}

/** Saves a programme's matching weights in one update (only the fields given; empty fields fall back to the defaults); audited. ValidationError per field, nothing stored. */
export async function updateProgrammeWeights(ctx: ServiceCtx, id: string, raw: Record<string, unknown>): Promise<{ ok: true }> {
  requireManager(ctx);
  if (!isUuid(id) || !(await repo.findProgramme(ctx.db, id))) throw new NotFoundError();
  const weights = parseWeightsForm(raw);
  await ctx.db.transaction(async (tx) => {
    await repo.updateProgrammeRow(tx, id, { matchWeights: weights as Record<string, number>, updatedAt: ctx.now });
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'programme.weights.update', objectType: 'programme', objectId: id, ip: ctx.ip });
  });
  return { ok: true };
}

/** Puts a programme back on the default weights; audited. */
export async function resetProgrammeWeights(ctx: ServiceCtx, id: string): Promise<{ ok: true }> {
  requireManager(ctx);
  if (!isUuid(id) || !(await repo.findProgramme(ctx.db, id))) throw new NotFoundError();
  await ctx.db.transaction(async (tx) => {
    await repo.updateProgrammeRow(tx, id, { matchWeights: {}, updatedAt: ctx.now });
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'programme.weights.reset', objectType: 'programme', objectId: id, ip: ctx.ip });
  });
  return { ok: true };
}

// ---------- for the modules above (requests, calls) ----------

/** The field lists of a programme's settings, shared by the request and call forms (one statement of each limit). */
export { themeList, formatList, languageList, sdgList, dateTime } from './programmes.schema.ts';

/** Whether the person sits on the programme's selection committee. */
export const isCommitteeMember = (db: DbOrTx, programmeId: string, userId: string): Promise<boolean> => repo.isCommitteeMember(db, programmeId, userId);

/** The programme's review criteria, in their order. */
export async function criteriaOf(db: DbOrTx, programmeId: string): Promise<Criterion[]> {
  return (await repo.criteriaOf(db, programmeId)).map((c) => ({ id: c.id, label: c.label, weight: c.weight }));
}

export type TimelineKind = 'call_launched' | 'match_confirmed';

/** Records a step of the cycle on the programme's public timeline, in the caller's transaction. */
export async function recordTimelineEvent(tx: DbOrTx, v: { programmeId: string; kind: TimelineKind; at: Date; title: string; refId: string; authorId: string }): Promise<void> {
  await repo.insertTimelineEvent(tx, { id: randomUUID(), ...v });
}

/** The demo programme (CONNECT), for the demo seed. */
export { seedProgrammesDemo } from './programmes.demo.ts';
