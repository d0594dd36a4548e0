/**
 * The guide in the database (issue 13): the forms of cooperation (read by the table, each
 * approach's page, the advisor and the API; edited and added to by admins in five languages) and
 * the funding programmes (the finder with its filters, eligibility questions and calendar; edited
 * by admins and brokers). Each verb checks permission first; invalid input is a ValidationError.
 */
import { randomUUID } from 'node:crypto';
import ical, { ICalEventRepeatingFreq } from 'ical-generator';
import type { ServiceCtx, CurrentUser } from '../../platform/http.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { mustParse, parseWith } from '../../platform/validation.ts';
import { parseQuery } from '../../platform/query.ts';
import { isUuid } from '../../platform/ids.ts';
import { audit } from '../../platform/audit.ts';
import { LOCALES, type Locale } from '../../platform/i18n.ts';
import { href } from '../../platform/http.ts';
import { isStaff } from '../../platform/roles.ts';
import { formatNumber } from '../../platform/numbers.ts';
import { regionOfCountry } from '../../taxonomy/regions.ts';
import type { ApproachTexts, FundingDeadlineKind, FundingTexts } from '../../db/schema/knowledge.ts';
import * as repo from './knowledge.guide.repository.ts';
import { FEATURE_CODES, type Feature } from './knowledge.guide.ts';
import { advise, AIM_FEATURES, type Advice, type AdvisorApproach, type Horizon } from './knowledge.advisor.ts';
import { advisorQuery, type AdvisorQuery } from './knowledge.schema.ts';
import { approachInput, fundingInput, fundingQuery, newApproachInput, newFundingInput, type ApproachInput, type FundingInput, type FundingQuery } from './knowledge.guide.schema.ts';
import { deadlineState, eligibility, type DeadlineState, type Eligibility } from './knowledge.funding.ts';
import { goodPracticesByApproach, type GoodPracticeCard } from './knowledge.service.ts';

// ---------------------------------------------------------------------------------------------
// Who edits

/** Approaches are the platform's reference: platform admins edit and add them. */
export const canEditApproaches = (actor: CurrentUser | null): boolean => !!actor && actor.roles.includes('admin');
/** Funding programmes: the secretariat (admins and brokers). */
export const canEditFunding = (actor: CurrentUser | null): boolean => isStaff(actor);

function requireAdmin(ctx: ServiceCtx): CurrentUser {
  if (!canEditApproaches(ctx.actor)) throw new NotFoundError();
  return ctx.actor!;
}
function requireStaff(ctx: ServiceCtx): CurrentUser {
  if (!canEditFunding(ctx.actor)) throw new NotFoundError();
  return ctx.actor!;
}

// ---------------------------------------------------------------------------------------------
// Approaches

/** A text in the reader's language where the approach has one, else in English (or its first language); flagged. */
export type GuideText = { text: string; lang: string; translated: boolean; otherLanguage: boolean };
export type ApproachView = {
  code: string;
  position: number;
  name: GuideText;
  definition: GuideText;
  participation: GuideText;
  duration: GuideText;
  budget: GuideText;
  ratings: Record<Feature, number>;
  need: { budget: number; staff: number; horizons: Horizon[] };
  resources: string[];
  languages: string[];
};

function textsIn(texts: Record<string, ApproachTexts>, locale: Locale): { t: ApproachTexts; lang: string } {
  if (texts[locale]?.name) return { t: texts[locale]!, lang: locale };
  const lang = texts.en?.name ? 'en' : (Object.keys(texts)[0] ?? 'en');
  return { t: texts[lang]!, lang };
}

function approachView(row: repo.ApproachRow, locale: Locale): ApproachView {
  const { t, lang } = textsIn(row.texts, locale);
  const g = (text: string): GuideText => ({ text, lang, translated: !!t.translated, otherLanguage: lang !== locale });
  return {
    code: row.code,
    position: row.position,
    name: g(t.name),
    definition: g(t.definition),
    participation: g(t.participation),
    duration: g(t.duration),
    budget: g(t.budget),
    ratings: Object.fromEntries(FEATURE_CODES.map((f) => [f, Number(row.ratings[f] ?? 0)])) as Record<Feature, number>,
    need: { budget: row.needBudget, staff: Number(row.needStaff), horizons: row.horizons as Horizon[] },
    resources: row.resources,
    languages: LOCALES.filter((l) => !!row.texts[l]?.name),
  };
}

export async function listApproaches(ctx: ServiceCtx): Promise<ApproachView[]> {
  return (await repo.listApproaches(ctx.db)).map((r) => approachView(r, ctx.locale));
}

export async function getApproach(ctx: ServiceCtx, code: string): Promise<ApproachView> {
  const row = await repo.approachByCode(ctx.db, code);
  if (!row) throw new NotFoundError();
  return approachView(row, ctx.locale);
}

/** The names of every approach in the reader's language (for other modules' labels and the funding pages). */
export async function approachNames(ctx: ServiceCtx): Promise<Map<string, GuideText>> {
  return new Map((await listApproaches(ctx)).map((a) => [a.code, a.name]));
}

/** The form's values of one language (blank texts where the approach has none yet in it). */
export async function approachForm(ctx: ServiceCtx, code: string, lang: Locale): Promise<{ values: Record<string, unknown>; view: ApproachView }> {
  requireAdmin(ctx);
  const row = await repo.approachByCode(ctx.db, code);
  if (!row) throw new NotFoundError();
  const t = row.texts[lang];
  return {
    view: approachView(row, ctx.locale),
    values: {
      lang,
      name: t?.name ?? '',
      definition: t?.definition ?? '',
      participation: t?.participation ?? '',
      duration: t?.duration ?? '',
      budget: t?.budget ?? '',
      translated: t ? (t.translated ? 'on' : '') : lang !== 'en' ? 'on' : '',
      ...Object.fromEntries(FEATURE_CODES.map((f) => [`rating_${f}`, String(row.ratings[f] ?? 0)])),
      needBudget: formatNumber(row.needBudget, ctx.locale, 0),
      needStaff: formatNumber(Number(row.needStaff), ctx.locale),
      horizons: row.horizons,
      resources: row.resources.join('\n'),
    },
  };
}

const shared = (v: ApproachInput) => ({
  ratings: Object.fromEntries(FEATURE_CODES.map((f) => [f, v[`rating_${f}`]])),
  needBudget: v.needBudget,
  needStaff: v.needStaff,
  horizons: v.horizons,
  resources: v.resources,
});
const textsOf = (v: ApproachInput): ApproachTexts => ({ name: v.name, definition: v.definition, participation: v.participation, duration: v.duration, budget: v.budget, translated: v.translated });

/** Saves the texts of one language and the shared fields, in one transaction with its audit. */
export async function updateApproach(ctx: ServiceCtx, code: string, input: Record<string, unknown>): Promise<void> {
  const actor = requireAdmin(ctx);
  const v = mustParse(approachInput, input);
  await ctx.db.transaction(async (tx) => {
    const row = await repo.approachForUpdate(tx, code);
    if (!row) throw new NotFoundError();
    await repo.updateApproach(tx, code, { ...shared(v), texts: { ...row.texts, [v.lang]: textsOf(v) }, updatedAt: ctx.now });
    await audit(tx, ctx.now, { actorId: actor.id, action: 'approach.edit', objectType: 'cooperation_approach', objectId: code, ip: ctx.ip });
  });
}

/** Adds an approach with its texts in one language; it is in the table, the advisor and the API at once. */
export async function createApproach(ctx: ServiceCtx, input: Record<string, unknown>): Promise<{ code: string }> {
  const actor = requireAdmin(ctx);
  const v = mustParse(newApproachInput, input);
  await ctx.db.transaction(async (tx) => {
    const position = await repo.nextApproachPosition(tx);
    const added = await repo.insertApproach(tx, { code: v.code, position, ...shared(v), texts: { [v.lang]: textsOf(v) }, createdAt: ctx.now, updatedAt: ctx.now });
    if (!added) throw new ValidationError({ code: 'knowledge.guideForm.codeTaken' });
    await audit(tx, ctx.now, { actorId: actor.id, action: 'approach.create', objectType: 'cooperation_approach', objectId: v.code, ip: ctx.ip });
  });
  return { code: v.code };
}

const advisorApproach = (a: ApproachView): AdvisorApproach => ({ code: a.code, ratings: a.ratings, need: a.need });

// ---------------------------------------------------------------------------------------------
// The approach advisor (issue 13)

export type AdviceView = {
  /** Whether the form was filled in (a bare visit shows the form only). */
  asked: boolean;
  query: AdvisorQuery;
  advice: Advice | null;
  /** Every approach, by code (names and texts in the reader's language). */
  approaches: Map<string, ApproachView>;
  /** Published cases of each of the first three approaches (of the chosen theme when one is), three at most. */
  practices: Record<string, GoodPracticeCard[]>;
  /** The funding programmes that serve each approach (of the chosen theme when one is), open ones first. */
  funding: Record<string, FundingView[]>;
};

/** The advisor's answer to its form (or the API's query): every approach in the database ranked with its reasons, the first three with cases and funding. */
export async function approachAdvice(ctx: ServiceCtx, params: Record<string, unknown>): Promise<AdviceView> {
  const query = parseQuery(advisorQuery, params, 'knowledge.search.unknownKey');
  const list = await listApproaches(ctx);
  const approaches = new Map(list.map((a) => [a.code, a]));
  const asked = Object.keys(params).length > 0;
  if (!asked) return { asked, query, advice: null, approaches, practices: {}, funding: {} };
  const advice = advise(
    {
      importance: Object.fromEntries(AIM_FEATURES.map((f) => [f, query[f] ?? 'not'])),
      budget: query.budget ?? 0,
      staff: query.staff ?? 0,
      horizon: query.horizon ?? 'medium',
      participants: query.participants,
    },
    list.map(advisorApproach),
  );
  const programmes = await repo.listFunding(ctx.db, { theme: query.theme });
  const today = ctx.now.toISOString().slice(0, 10);
  const views = programmes.map((p) => fundingView(p, ctx.locale, today, {}));
  const practices: AdviceView['practices'] = {};
  const funding: AdviceView['funding'] = {};
  for (const r of advice.results) funding[r.approach] = views.filter((p) => p.approaches.includes(r.approach)).sort((a, b) => Number(b.deadline.openNow) - Number(a.deadline.openNow));
  for (const r of advice.results.slice(0, 3)) {
    const cards = await goodPracticesByApproach(ctx, r.approach);
    practices[r.approach] = (query.theme ? cards.filter((g) => g.themes.includes(query.theme!)) : cards).slice(0, 3);
  }
  return { asked, query, advice, approaches, practices, funding };
}

// ---------------------------------------------------------------------------------------------
// Funding programmes

export type FundingView = {
  id: string;
  code: string;
  name: GuideText;
  description: GuideText;
  funder: string;
  approaches: string[];
  themes: string[];
  countries: string[];
  regions: string[];
  organisationKinds: string[];
  amountMin: number | null;
  amountMax: number | null;
  currency: string;
  cofinancingPercent: number | null;
  needsPartner: boolean;
  deadline: { kind: FundingDeadlineKind; opens: string | null; closes: string | null } & DeadlineState;
  link: string | null;
  updatedAt: Date;
  eligibility: Eligibility | null;
};

function fundingTexts(texts: Record<string, FundingTexts>, locale: Locale): { t: FundingTexts; lang: string } {
  if (texts[locale]?.name) return { t: texts[locale]!, lang: locale };
  const lang = texts.en?.name ? 'en' : (Object.keys(texts)[0] ?? 'en');
  return { t: texts[lang]!, lang };
}

function fundingView(row: repo.FundingRow, locale: Locale, today: string, answers: Parameters<typeof eligibility>[1]): FundingView {
  const { t, lang } = fundingTexts(row.texts, locale);
  const g = (text: string): GuideText => ({ text, lang, translated: !!t.translated, otherLanguage: lang !== locale });
  const d = { kind: row.deadlineKind as FundingView['deadline']['kind'], opens: row.opens, closes: row.closes };
  const facts = { organisationKinds: row.organisationKinds, needsPartner: row.needsPartner, cofinancingPercent: row.cofinancingPercent, countries: row.countries, regions: row.regions };
  return {
    id: row.id,
    code: row.code,
    name: g(t.name),
    description: g(t.description),
    funder: row.funder,
    approaches: row.approaches,
    themes: row.themes,
    countries: row.countries,
    regions: row.regions,
    organisationKinds: row.organisationKinds,
    amountMin: row.amountMin,
    amountMax: row.amountMax,
    currency: row.currency,
    cofinancingPercent: row.cofinancingPercent,
    needsPartner: row.needsPartner,
    deadline: { ...d, ...deadlineState(d, today) },
    link: row.link,
    updatedAt: row.updatedAt instanceof Date ? row.updatedAt : new Date(row.updatedAt),
    eligibility: eligibility(facts, answers),
  };
}

export type FundingSearch = { query: FundingQuery; items: FundingView[]; asked: boolean };

/** /funding and `GET /api/v1/funding`: the structured filters in SQL, "open now" on today's date, each programme's eligibility answer. */
export async function searchFunding(ctx: ServiceCtx, params: Record<string, unknown>): Promise<FundingSearch> {
  const query = parseQuery(fundingQuery, params, 'knowledge.search.unknownKey');
  const region = query.country ? regionOfCountry(query.country) : undefined;
  const rows = await repo.listFunding(ctx.db, { approach: query.approach, theme: query.theme, country: query.country, region, kind: query.kind });
  const today = ctx.now.toISOString().slice(0, 10);
  const answers = { government: query.government, partner: query.partner, cofinance: query.cofinance };
  let items = rows.map((r) => fundingView(r, ctx.locale, today, answers));
  if (query.open) items = items.filter((p) => p.deadline.openNow);
  return { query, items, asked: Object.values(query).some((v) => v !== undefined) };
}

export async function getFunding(ctx: ServiceCtx, id: string): Promise<FundingView> {
  const row = isUuid(id) ? await repo.fundingById(ctx.db, id) : null;
  if (!row) throw new NotFoundError();
  return fundingView(row, ctx.locale, ctx.now.toISOString().slice(0, 10), {});
}

/**
 * The deadlines as an iCalendar feed: each programme with a closing date one all-day event with a
 * stable UID (its id), yearly ones repeating every year; SEQUENCE follows the last edit.
 */
export async function fundingCalendar(ctx: ServiceCtx, baseUrl: string, name: string, closesLabel: (programme: string) => string): Promise<string> {
  const rows = await repo.listFunding(ctx.db, {});
  const cal = ical({ name, prodId: { company: 'Peerlink', product: 'funding', language: ctx.locale.toUpperCase() } });
  const today = ctx.now.toISOString().slice(0, 10);
  for (const row of rows) {
    const v = fundingView(row, ctx.locale, today, {});
    if (v.deadline.kind !== 'yearly' && v.deadline.kind !== 'dated') continue;
    const first = v.deadline.kind === 'dated' ? v.deadline.closes! : `${row.createdAt instanceof Date ? row.createdAt.getUTCFullYear() : new Date(row.createdAt).getUTCFullYear()}-${v.deadline.closes}`;
    const start = new Date(`${first}T00:00:00Z`);
    const url = `${baseUrl.replace(/\/$/, '')}${href(ctx.locale, '/funding')}#funding-${v.code}`;
    cal.createEvent({
      id: `funding-${v.id}@peerlink`,
      sequence: Math.floor(v.updatedAt.getTime() / 1000) % 2_000_000_000,
      start,
      end: new Date(start.getTime() + 86_400_000),
      allDay: true,
      stamp: v.updatedAt,
      lastModified: v.updatedAt,
      summary: closesLabel(v.name.text),
      description: `${v.description.text}\n\n${url}`,
      url,
      ...(v.deadline.kind === 'yearly' ? { repeating: { freq: ICalEventRepeatingFreq.YEARLY } } : {}),
    });
  }
  return cal.toString();
}

export async function fundingForm(ctx: ServiceCtx, id: string, lang: Locale): Promise<{ values: Record<string, unknown>; view: FundingView }> {
  requireStaff(ctx);
  const row = isUuid(id) ? await repo.fundingById(ctx.db, id) : null;
  if (!row) throw new NotFoundError();
  const t = row.texts[lang];
  return {
    view: fundingView(row, ctx.locale, ctx.now.toISOString().slice(0, 10), {}),
    values: {
      lang,
      name: t?.name ?? '',
      description: t?.description ?? '',
      translated: t ? (t.translated ? 'on' : '') : lang !== 'en' ? 'on' : '',
      funder: row.funder,
      approaches: row.approaches,
      themes: row.themes,
      countries: row.countries.join(', '),
      regions: row.regions,
      organisationKinds: row.organisationKinds,
      amountMin: row.amountMin ?? '',
      amountMax: row.amountMax ?? '',
      currency: row.currency,
      cofinancingPercent: row.cofinancingPercent ?? '',
      needsPartner: row.needsPartner ? 'on' : '',
      deadlineKind: row.deadlineKind,
      opens: row.opens ?? '',
      closes: row.closes ?? '',
      link: row.link ?? '',
    },
  };
}

/** Parses a programme's form; approaches must be in the database. */
async function parseFunding(ctx: ServiceCtx, input: Record<string, unknown>): Promise<FundingInput> {
  const v = mustParse(fundingInput, input);
  const known = new Set((await repo.listApproaches(ctx.db)).map((a) => a.code));
  if (v.approaches.some((a) => !known.has(a))) throw new ValidationError({ approaches: 'platform.form.choice' });
  return v;
}

const fundingShared = (v: FundingInput) => ({
  funder: v.funder,
  approaches: [...new Set(v.approaches)],
  themes: [...new Set(v.themes)],
  countries: v.countries,
  regions: [...new Set(v.regions)],
  organisationKinds: [...new Set(v.organisationKinds)],
  amountMin: v.amountMin ?? null,
  amountMax: v.amountMax ?? null,
  currency: v.currency,
  cofinancingPercent: v.cofinancingPercent ?? null,
  needsPartner: v.needsPartner,
  deadlineKind: v.deadlineKind,
  opens: v.deadlineKind === 'yearly' || v.deadlineKind === 'dated' ? (v.opens ?? null) : null,
  closes: v.deadlineKind === 'yearly' || v.deadlineKind === 'dated' ? (v.closes ?? null) : null,
  link: v.link ?? null,
});

export async function updateFunding(ctx: ServiceCtx, id: string, input: Record<string, unknown>): Promise<void> {
  const actor = requireStaff(ctx);
  if (!isUuid(id)) throw new NotFoundError();
  const v = await parseFunding(ctx, input);
  await ctx.db.transaction(async (tx) => {
    const row = await repo.fundingForUpdate(tx, id);
    if (!row) throw new NotFoundError();
    await repo.updateFunding(tx, id, { ...fundingShared(v), texts: { ...row.texts, [v.lang]: { name: v.name, description: v.description, translated: v.translated } }, updatedAt: ctx.now });
    await audit(tx, ctx.now, { actorId: actor.id, action: 'funding.edit', objectType: 'funding_programme', objectId: id, ip: ctx.ip });
  });
}

export async function createFunding(ctx: ServiceCtx, input: Record<string, unknown>): Promise<{ id: string }> {
  const actor = requireStaff(ctx);
  // Every field's error at once: the code's with the others'.
  const codeParsed = parseWith(newFundingInput, input);
  let v: FundingInput;
  try {
    v = await parseFunding(ctx, input);
  } catch (e) {
    if (e instanceof ValidationError && !codeParsed.ok) throw new ValidationError({ ...codeParsed.errors, ...e.fields });
    throw e;
  }
  if (!codeParsed.ok) throw new ValidationError(codeParsed.errors);
  const { code } = codeParsed.data;
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    const added = await repo.insertFunding(tx, { id, code, ...fundingShared(v), texts: { [v.lang]: { name: v.name, description: v.description, translated: v.translated } }, createdAt: ctx.now, updatedAt: ctx.now });
    if (!added) throw new ValidationError({ code: 'knowledge.guideForm.codeTaken' });
    await audit(tx, ctx.now, { actorId: actor.id, action: 'funding.create', objectType: 'funding_programme', objectId: id, ip: ctx.ip });
  });
  return { id };
}
