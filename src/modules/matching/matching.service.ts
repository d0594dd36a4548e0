/**
 * The app side of matching: the broker's ranked candidates for an expertise call (page, API and
 * CLI give the same order: one engine, one index), and "invite to offer". Staff only; a call
 * that is missing or not yours to see answers 404.
 */
import { z } from 'zod';
import { readerView, type TranslationConfig } from '../translations/translations.service.ts';
import type { ServiceCtx } from '../../platform/http.ts';
import { NotFoundError, UnauthorizedError } from '../../platform/errors.ts';
import { mustParse } from '../../platform/validation.ts';
import { audit } from '../../platform/audit.ts';
import { isUuid } from '../../platform/ids.ts';
import { parseQuery } from '../../platform/query.ts';
import { isStaff } from '../../platform/roles.ts';
import { notify, mailLink } from '../../platform/outbox.ts';
import { matchStoreFor } from './matching.store.ts';
import { createMatchIndex } from './matching.engine.ts';
import { planRound, type PlanCandidate, type PlanPair, type PlanScore } from './matching.planner.ts';
import * as repo from './matching.repository.ts';
import { storedWeights } from './matching.types.ts';
import type { MatchRequest, MatchWeights, ProfileType, Reason } from './matching.types.ts';

const blank = z.literal('').transform(() => undefined);

export const candidatesQuery = z
  .object({
    type: z.enum(['organisation', 'person'], 'platform.form.choice').optional().or(blank),
    country: z
      .string()
      .regex(/^[A-Za-z]{2}$/, 'platform.form.choice')
      .transform((s) => s.toUpperCase())
      .optional()
      .or(blank),
    /** "1"/"on": the call's working languages are a hard filter */
    language: z.enum(['1', 'on', 'true'], 'platform.form.choice').optional().or(blank),
    top: z.coerce.number().int('platform.form.choice').min(1, 'platform.form.choice').max(50, 'platform.form.choice').optional().or(blank),
  })
  .strict();
export type CandidatesQuery = z.infer<typeof candidatesQuery>;

export type Candidate = { type: ProfileType; id: string; name: string; country: string | null; organisationName: string | null; score: number; reasons: Reason[]; canInvite: boolean };
export type CallCandidates = {
  call: { id: string; title: string; state: string; languages: string[]; requestId: string; organisationName: string };
  filters: { type?: ProfileType; country?: string; language: boolean; top: number };
  notices: string[];
  /**
   * The request's machine translation into English as extra evidence (issue 15): `used` when this ranking used it,
   * `pending` when it has been asked for and is not made yet (the next ranking will use it), null when there is none
   * to use (no engine, an English request, a pair the engine cannot translate).
   */
  translation: 'used' | 'pending' | null;
  candidates: Candidate[];
};

/** Weights of a programme (`programmes.match_weights`): known keys with finite values ≥ 0; anything else is ignored (the default applies). */
export async function programmeWeights(db: ServiceCtx['db'], programmeId: string): Promise<Partial<MatchWeights>> {
  return storedWeights(await repo.programmeWeights(db, programmeId));
}

/** The engine's request for a call: the call's public text and the request's challenge and objectives, with the requester's context. */
export function requestOfCall(c: repo.CallForMatching): MatchRequest {
  const months: number[] = [];
  if (c.period_start && c.period_end) {
    const [y0, m0] = c.period_start.split('-').map(Number);
    const [y1, m1] = c.period_end.split('-').map(Number);
    for (let y = y0!, m = m0!; (y < y1! || (y === y1 && m <= m1!)) && months.length < 12; m === 12 ? ((m = 1), y++) : m++) if (!months.includes(m)) months.push(m);
  }
  return {
    id: c.id,
    organisation: c.organisation_id,
    title: c.title,
    description: [c.expertise_sought, c.challenge, c.objectives].filter((s) => s && s.trim()).join('\n'),
    languages: c.languages,
    themes: c.themes,
    sdgs: c.sdgs,
    formats: c.formats,
    position: c.creator_position || undefined,
    jobFunction: c.creator_job_function ?? undefined,
    months: months.length ? months : undefined,
  };
}

async function loadCall(ctx: ServiceCtx, callId: string): Promise<repo.CallForMatching> {
  if (!isStaff(ctx.actor)) throw new NotFoundError();
  const c = isUuid(callId) ? await repo.findCall(ctx.db, callId) : undefined;
  if (!c) throw new NotFoundError();
  return c;
}

/**
 * The request's machine translation into English (issue 15: extra query evidence, `MatchRequest.translation`), where
 * a translation engine is configured. Read through the translations module like any reader's translation: the first
 * ranking asks for it (the background job makes it within seconds) and ranks without it; later rankings use it while
 * the text is unchanged. Nothing is translated inside a ranking; with no engine, or an English request, nothing.
 */
async function translationOf(ctx: ServiceCtx, config: TranslationConfig | undefined, request: MatchRequest): Promise<{ text?: string; state: CallCandidates['translation'] }> {
  // A translation is kept under the request's id: a request not saved (no id) has none to read or ask for.
  if (!config?.translateUrl || !request.id) return { state: null };
  const v = await readerView({ db: ctx.db, locale: 'en', now: ctx.now }, config, 'match_request', request.id, { title: request.title ?? '', description: request.description ?? '' });
  if (v.state === 'machine') return { text: `${v.fields.title.text}\n${v.fields.description.text}`, state: 'used' };
  return { state: v.state === 'pending' ? 'pending' : null };
}

/** The engine's ranked candidates for a call or a request, with the facts the page shows (what no longer exists is left out). */
async function rankedCandidates(ctx: ServiceCtx, subject: repo.CallForMatching, query: Record<string, unknown>, config?: TranslationConfig): Promise<Pick<CallCandidates, 'filters' | 'notices' | 'translation' | 'candidates'>> {
  const q = parseQuery(candidatesQuery, query);
  const top = q.top ?? 20;
  const index = await matchStoreFor(ctx.db).index(ctx.db, ctx.now, { translation: config });
  const request = requestOfCall(subject);
  const { text: translation, state: translationState } = await translationOf(ctx, config, request);
  const result = index.rank(translation ? { ...request, translation } : request, {
    top,
    weights: await programmeWeights(ctx.db, subject.programme_id),
    now: ctx.now,
    filters: { types: q.type ? [q.type] : undefined, countries: q.country ? [q.country] : undefined, requireLanguage: !!q.language && subject.languages.length > 0 },
  });
  const facts = await repo.candidateFacts(
    ctx.db,
    result.matches.filter((m) => m.type === 'organisation').map((m) => m.id),
    result.matches.filter((m) => m.type === 'person').map((m) => m.id),
  );
  const candidates: Candidate[] = [];
  for (const m of result.matches) {
    const f = facts.get(`${m.type}:${m.id}`);
    if (!f || (m.type === 'organisation' && m.id === subject.organisation_id)) continue;
    candidates.push({ type: m.type, id: m.id, name: f.name, country: f.country, organisationName: f.organisation_name, score: m.score, reasons: m.reasons, canInvite: f.has_account });
  }
  return { filters: { type: q.type, country: q.country, language: !!q.language, top }, notices: result.notices, translation: translationState, candidates };
}

/** Ranked candidates for a call, best first, with structured reasons (the page translates them). */
export async function callCandidates(ctx: ServiceCtx, callId: string, query: Record<string, unknown>, config?: TranslationConfig): Promise<CallCandidates> {
  const c = await loadCall(ctx, callId);
  return {
    call: { id: c.id, title: c.title, state: c.state, languages: c.languages, requestId: c.request_id, organisationName: c.organisation_name },
    ...(await rankedCandidates(ctx, c, query, config)),
  };
}

export type RequestCandidates = Omit<CallCandidates, 'call'> & {
  request: { id: string; title: string; state: string; languages: string[]; organisationName: string; callId: string | null };
};

/**
 * Ranked candidates for a request, before (or without) its call: the same engine and order as a call's, from the
 * request's title, challenge and objectives, themes, languages and period. Brokers and admins; anyone else, and a
 * missing request, 404. Inviting to offer needs the published call (its candidates page).
 */
export async function requestCandidates(ctx: ServiceCtx, requestId: string, query: Record<string, unknown>, config?: TranslationConfig): Promise<RequestCandidates> {
  if (!isStaff(ctx.actor)) throw new NotFoundError();
  const r = isUuid(requestId) ? await repo.findRequest(ctx.db, requestId) : undefined;
  if (!r) throw new NotFoundError();
  return {
    request: { id: r.id, title: r.title, state: r.state, languages: r.languages, organisationName: r.organisation_name, callId: r.call_id },
    ...(await rankedCandidates(ctx, r, query, config)),
  };
}

export const inviteInput = z.object({ type: z.enum(['organisation', 'person'], 'platform.form.choice'), id: z.string().refine(isUuid, 'platform.form.choice') });

export type InviteOutcome = { ok: true; notified: number } | { ok: false; reason: 'no_account' | 'own_organisation' | 'closed' };

/** "Invite to offer": tells the candidate (the person, or the organisation's admins) in their language; audited. */
export async function inviteCandidate(ctx: ServiceCtx, callId: string, raw: unknown): Promise<InviteOutcome> {
  const c = await loadCall(ctx, callId);
  const input = mustParse(inviteInput, raw);
  if (c.state !== 'open') return { ok: false, reason: 'closed' };
  const facts = await repo.candidateFacts(ctx.db, input.type === 'organisation' ? [input.id] : [], input.type === 'person' ? [input.id] : []);
  if (!facts.get(`${input.type}:${input.id}`)) throw new NotFoundError();
  if (input.type === 'organisation' && input.id === c.organisation_id) return { ok: false, reason: 'own_organisation' };
  const to = await repo.inviteRecipients(ctx.db, input.type, input.id);
  if (!to.length) return { ok: false, reason: 'no_account' };
  const notified = await ctx.db.transaction(async (tx) => {
    const n = await notify(tx, ctx.now, to, 'match_invitation', (t) => ({
      subject: t('matching.mail.inviteSubject', { title: c.title }),
      body: t('matching.mail.inviteBody', { title: c.title, link: mailLink(`/calls/${c.id}`) }),
    }));
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'matching.invite', objectType: input.type, objectId: input.id, ip: ctx.ip });
    return n;
  });
  return { ok: true, notified };
}

export type Opportunity = { id: string; title: string; organisationName: string; country: string; deadline: Date; score: number; reasons: Reason[] };
export type Opportunities = { for: { kind: 'person' | 'organisation'; id: string; name: string } | null; opportunities: Opportunity[] };

/**
 * "Opportunities for you": open calls ranked for a member's profile (their person profile) or,
 * with `organisationId`, for an organisation its admin (or staff) looks after. The engine runs in
 * reverse: the open calls (public fields, with the requester's country, kind and population) are
 * indexed as profiles, and the member's profile is the request. Calls of the member's own
 * organisations are left out.
 */
export async function opportunities(ctx: ServiceCtx, input: { organisationId?: string }): Promise<Opportunities> {
  if (!ctx.actor) throw new UnauthorizedError();
  let request: MatchRequest;
  let who: NonNullable<Opportunities['for']>;
  let own: string[];
  if (input.organisationId) {
    const o = isUuid(input.organisationId) ? await repo.findOrganisation(ctx.db, input.organisationId) : undefined;
    if (!o || !(isStaff(ctx.actor) || (await repo.isActiveOrgAdmin(ctx.db, o.id, ctx.actor.id)))) throw new NotFoundError();
    request = { id: o.id, title: o.name, description: o.offers, themes: o.themes, sdgs: o.sdgs, languages: o.languages, country: o.country, kind: o.kind, population: o.population ?? undefined };
    who = { kind: 'organisation', id: o.id, name: o.name };
    own = [o.id];
  } else {
    const p = await repo.personOfUser(ctx.db, ctx.actor.id);
    if (!p) return { for: null, opportunities: [] };
    request = { id: p.id, title: p.position, description: [p.expertise, p.position].filter(Boolean).join('\n'), themes: p.themes, languages: p.languages, position: p.position || undefined, jobFunction: p.job_function ?? undefined, country: p.country ?? undefined };
    who = { kind: 'person', id: p.id, name: p.name };
    own = await repo.memberOrganisations(ctx.db, ctx.actor.id);
  }
  const calls = (await repo.openCalls(ctx.db, ctx.now)).filter((c) => !own.includes(c.organisation_id));
  const index = createMatchIndex();
  for (const c of calls)
    index.upsert({ type: 'organisation', id: c.id, name: c.title, offers: `${c.title}\n${c.expertise_sought}`, themes: c.themes, languages: c.languages, formats: c.formats, country: c.country, kind: c.kind, population: c.population ?? undefined });
  const byId = new Map(calls.map((c) => [c.id, c]));
  const result = index.rank(request, { top: 10, diversity: false, now: ctx.now });
  return {
    for: who,
    opportunities: result.matches.map((m) => {
      const c = byId.get(m.id)!;
      return { id: c.id, title: c.title, organisationName: c.organisation_name, country: c.country, deadline: new Date(c.deadline), score: m.score, reasons: m.reasons };
    }),
  };
}

/** Candidates ranked per call when planning a round. */
export const PLAN_CANDIDATES_PER_CALL = 10;

export const planQuery = z
  .object({
    personCapacity: z.coerce.number().int('platform.form.choice').min(1, 'platform.form.choice').max(5, 'platform.form.choice').optional().or(blank),
    orgCapacity: z.coerce.number().int('platform.form.choice').min(1, 'platform.form.choice').max(10, 'platform.form.choice').optional().or(blank),
    fix: z.union([z.string(), z.array(z.string())]).optional(),
    forbid: z.union([z.string(), z.array(z.string())]).optional(),
  })
  .strict();

export type PlanRow = { call: { id: string; title: string; organisationName: string }; assigned: { key: string; name: string; type: ProfileType; score: number; isFixed: boolean }[] };
export type RoundPlan = {
  round: { id: string; name: string; programmeName: string };
  settings: { personCapacity: number; orgCapacity: number };
  fixed: PlanPair[];
  forbidden: PlanPair[];
  outcome: 'ok' | 'fixed_infeasible' | 'empty';
  rows: PlanRow[];
  total: number;
  names: Record<string, string>;
};

const pairsOf = (v: string | string[] | undefined): PlanPair[] =>
  (Array.isArray(v) ? v : v ? [v] : [])
    .map((x) => x.split('|'))
    .filter((p): p is [string, string] => p.length === 2 && isUuid(p[0]) && /^(organisation|person):[0-9a-f-]{36}$/i.test(p[1]!))
    .map(([request, candidate]) => ({ request, candidate }))
    .slice(0, 200);

/**
 * The round planner: the open calls of a round's selected requests, the engine's best candidates
 * for each, and the assignment with the highest total score under capacities (an expert takes at
 * most `personCapacity` calls, an organisation with its experts at most `orgCapacity`), solved
 * exactly by `planRound`. The broker fixes or forbids pairs (kept in the query string) and
 * confirms: each proposed candidate is invited to offer.
 */
export async function roundPlan(ctx: ServiceCtx, roundId: string, query: Record<string, unknown>): Promise<RoundPlan> {
  if (!isStaff(ctx.actor)) throw new NotFoundError();
  const round = isUuid(roundId) ? await repo.findRound(ctx.db, roundId) : undefined;
  if (!round) throw new NotFoundError();
  const q = parseQuery(planQuery, query);
  const personCapacity = q.personCapacity ?? 1;
  const orgCapacity = q.orgCapacity ?? 2;
  const calls = await repo.callsOfRound(ctx.db, round.id, ctx.now);
  const callIds = new Set(calls.map((c) => c.id));
  const fixed = pairsOf(q.fix).filter((p) => callIds.has(p.request));
  const forbidden = pairsOf(q.forbid).filter((p) => callIds.has(p.request));
  const index = await matchStoreFor(ctx.db).index(ctx.db, ctx.now);
  const scores: PlanScore[] = [];
  const names: Record<string, string> = {};
  const candidates = new Map<string, PlanCandidate>();
  const orgs = new Set<string>();
  const addCandidate = (key: string, type: ProfileType, id: string) => {
    if (candidates.has(key)) return true;
    const p = index.get(id, type);
    if (!p) return false;
    const org = type === 'organisation' ? id : p.organisation;
    if (org) orgs.add(org);
    candidates.set(key, { id: key, capacity: type === 'person' ? personCapacity : orgCapacity, organisation: org });
    names[key] = p.name ?? id;
    return true;
  };
  const weights = await programmeWeights(ctx.db, round.programme_id);
  for (const c of calls) {
    const ranked = index.rank(requestOfCall(c), { top: PLAN_CANDIDATES_PER_CALL, weights, now: ctx.now });
    for (const m of ranked.matches) {
      const key = `${m.type}:${m.id}`;
      if (addCandidate(key, m.type, m.id)) scores.push({ request: c.id, candidate: key, score: m.score });
    }
  }
  // a fixed pair the engine did not rank this time still counts (score 0)
  for (const f of fixed) {
    const [type, id] = f.candidate.split(':') as [ProfileType, string];
    if (addCandidate(f.candidate, type, id) && !scores.some((s) => s.request === f.request && s.candidate === f.candidate)) scores.push({ ...f, score: 0 });
  }
  const base = { round: { id: round.id, name: round.name, programmeName: round.programme_name }, settings: { personCapacity, orgCapacity }, fixed, forbidden, names };
  if (!calls.length) return { ...base, outcome: 'empty', rows: [], total: 0 };
  const plan = await planRound({
    requests: calls.map((c) => ({ id: c.id, organisation: c.organisation_id })),
    candidates: [...candidates.values()],
    organisations: [...orgs].map((id) => ({ id, capacity: orgCapacity })),
    scores,
    fixed: fixed.filter((f) => candidates.has(f.candidate)),
    forbidden: forbidden.filter((f) => candidates.has(f.candidate)),
  });
  const isFixed = (r: string, k: string) => fixed.some((f) => f.request === r && f.candidate === k);
  const assignments = plan.ok ? plan.assignments : [];
  return {
    ...base,
    outcome: plan.ok ? 'ok' : 'fixed_infeasible',
    total: plan.ok ? plan.total : 0,
    rows: calls.map((c) => ({
      call: { id: c.id, title: c.title, organisationName: c.organisation_name },
      assigned: assignments
        .filter((a) => a.request === c.id)
        .map((a) => ({ key: a.candidate, name: names[a.candidate] ?? a.candidate, type: a.candidate.split(':')[0] as ProfileType, score: a.score, isFixed: isFixed(c.id, a.candidate) })),
    })),
  };
}

/** Confirm a plan: each pair's candidate is invited to offer on its call (each invitation audited). */
export async function confirmPlan(ctx: ServiceCtx, roundId: string, pairs: string[]): Promise<{ invited: number; skipped: number }> {
  if (!isStaff(ctx.actor)) throw new NotFoundError();
  const round = isUuid(roundId) ? await repo.findRound(ctx.db, roundId) : undefined;
  if (!round) throw new NotFoundError();
  const callIds = new Set((await repo.callsOfRound(ctx.db, round.id, ctx.now)).map((c) => c.id));
  let invited = 0;
  let skipped = 0;
  for (const p of pairsOf(pairs)) {
    if (!callIds.has(p.request)) {
      skipped++;
      continue;
    }
    const [type, id] = p.candidate.split(':');
    const out = await inviteCandidate(ctx, p.request, { type, id });
    if (out.ok) invited++;
    else skipped++;
  }
  return { invited, skipped };
}

export type Colleague = { userId: string; name: string; organisationName: string | null; score: number; reasons: Reason[] };

/**
 * Colleagues for a text (a network consultation, issue 12): the engine ranks people who have an
 * account for the title and text, across languages (its concepts), best first. `among` keeps only
 * these accounts (a network's members; null: the whole directory); `exclude` leaves accounts out
 * (the asker, those already invited). The caller decides who may see the list.
 */
export async function rankColleagues(
  ctx: Pick<ServiceCtx, 'db' | 'now'>,
  input: { title: string; text: string; themes?: string[] },
  opts: { among: readonly string[] | null; exclude: readonly string[]; top: number },
): Promise<Colleague[]> {
  const index = await matchStoreFor(ctx.db).index(ctx.db, ctx.now);
  const result = index.rank({ title: input.title, description: input.text, themes: input.themes ?? [] }, { top: 200, now: ctx.now, diversity: false, filters: { types: ['person'] } });
  const matches = result.matches.filter((m) => m.score > 0);
  const accounts = await repo.personAccounts(ctx.db, matches.map((m) => m.id));
  const among = opts.among ? new Set(opts.among) : null;
  const out: Colleague[] = [];
  for (const m of matches) {
    const a = accounts.get(m.id);
    if (!a || opts.exclude.includes(a.userId) || (among && !among.has(a.userId)) || out.some((o) => o.userId === a.userId)) continue;
    out.push({ userId: a.userId, name: a.name, organisationName: a.organisationName, score: m.score, reasons: m.reasons });
    if (out.length >= opts.top) break;
  }
  return out;
}

export type PeerOrganisation = { id: string; name: string; country: string | null; score: number; reasons: Reason[] };

/**
 * Peer organisations for a direct cooperation request (issue 13): the engine ranks organisations
 * for a text and themes, across languages, as `rankColleagues` ranks people; `exclude` leaves
 * organisations out (the asker's own). The caller decides who may see the list.
 */
export async function rankPeerOrganisations(
  ctx: Pick<ServiceCtx, 'db' | 'now'>,
  input: { title: string; text: string; themes?: string[] },
  opts: { exclude: readonly string[]; top: number },
): Promise<PeerOrganisation[]> {
  const index = await matchStoreFor(ctx.db).index(ctx.db, ctx.now);
  const result = index.rank({ title: input.title, description: input.text, themes: input.themes ?? [] }, { top: opts.top + opts.exclude.length, now: ctx.now, diversity: false, filters: { types: ['organisation'] } });
  return result.matches
    .filter((m) => m.score > 0 && !opts.exclude.includes(m.id))
    .slice(0, opts.top)
    .map((m) => ({ id: m.id, name: m.name ?? '', country: m.country ?? null, score: m.score, reasons: m.reasons }));
}
