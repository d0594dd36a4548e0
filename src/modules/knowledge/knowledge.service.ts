/**
 * Good practices: the verbs. Each takes a ServiceCtx, checks permission first (a case the reader
 * may not see is a NotFoundError, the same as a missing one), validates input with zod
 * (ValidationError), and returns expected outcomes as a tagged union.
 */
import { randomUUID } from 'node:crypto';
import type { ServiceCtx, CurrentUser } from '../../platform/http.ts';
import { NotFoundError, UnauthorizedError, ValidationError } from '../../platform/errors.ts';
import { mustParse } from '../../platform/validation.ts';
import { parseQuery } from '../../platform/query.ts';
import { isUuid } from '../../platform/ids.ts';
import { audit } from '../../platform/audit.ts';
import { localized, type Locale } from '../../platform/i18n.ts';
import { regionOfCountry } from '../../taxonomy/regions.ts';
import type { CaseContact, GoodPracticeState, MultiText } from '../../db/schema/knowledge.ts';
import * as repo from './knowledge.repository.ts';
import { canGoodPractice, isEditor, isSecretariat, type CaseFacts, type EditorRelation, type GoodPracticeAction } from './knowledge.policy.ts';
import { caseInput, caseQuery, libraryQuery, TEXT_FIELDS, type CaseInput, type TextField } from './knowledge.schema.ts';
import { moderationOf } from '../moderation/moderation.service.ts';

// ---------------------------------------------------------------------------------------------
// Domain types (what views and the API receive; never rows)

/** A text read in the reader's language where it exists, else in the original language. */
export type LocalizedText = {
  text: string;
  /** The language the text is in. */
  lang: string;
  /** True when the text is not in the language asked for (the reader sees a flag). */
  isOtherLanguage: boolean;
  /** True when the text shown is a translation of the original (by a person or a machine). */
  isTranslation: boolean;
  isMachineTranslation: boolean;
};

export type GoodPracticeCard = {
  id: string;
  title: LocalizedText;
  summary: LocalizedText;
  approach: string | null;
  themes: string[];
  sdgs: number[];
  regions: string[];
  formats: string[];
  languages: string[];
  originalLanguage: string;
  partners: string[];
  state: GoodPracticeState;
  publishedAt: Date | null;
};

export type PartnerView = { name: string; country: string | null; organisationId: string | null };
export type EditView = { action: string; language: string | null; at: Date; editorName: string | null };
export type GoodPracticeAbilities = Record<'edit' | 'publish' | 'unpublish' | 'viewHistory', boolean>;

export type GoodPracticeDetail = GoodPracticeCard & {
  /** Hidden after reports (shown marked to those who still see it); whether the reader may report it. */
  moderation: { hidden: boolean; canReport: boolean };
  texts: Record<Exclude<TextField, 'title' | 'summary'>, LocalizedText>;
  partnerLinks: PartnerView[];
  /** Only people who agreed to be named; their email only to signed-in readers. */
  contacts: CaseContact[];
  translations: Record<string, 'human' | 'machine'>;
  source: string;
  exchangeId: string | null;
  ownerOrganisationId: string | null;
  ownerName: string | null;
  createdAt: Date;
  updatedAt: Date;
  history: EditView[];
  abilities: GoodPracticeAbilities;
};

export type FacetValue = { value: string; count: number };
export type LibraryResult = {
  items: GoodPracticeCard[];
  page: number;
  limit: number;
  total: number;
  hasNext: boolean;
  hasPrev: boolean;
  facets: Record<repo.FacetName, FacetValue[]>;
};

export type PublishOutcome = { ok: true } | { ok: false; reason: 'incomplete'; missing: string[] } | { ok: false; reason: 'already_published' };
export type UnpublishOutcome = { ok: true } | { ok: false; reason: 'not_published' };

const toDate = (v: Date | string | null): Date | null => (v === null ? null : v instanceof Date ? v : new Date(v));

/** Reads a multilingual text for `locale` (through `localized`), flagged when it is in another language. */
export function readText(value: MultiText, locale: Locale, original: string, translations: Record<string, 'human' | 'machine'> = {}): LocalizedText {
  const r = localized(value, locale, original);
  const kind = r.lang === original ? undefined : translations[r.lang];
  return { text: r.text, lang: r.lang, isOtherLanguage: !!r.text && r.lang !== locale, isTranslation: !!kind, isMachineTranslation: kind === 'machine' };
}

function card(row: repo.GoodPracticeRow, locale: Locale): GoodPracticeCard {
  return {
    id: row.id,
    title: readText(row.title, locale, row.originalLanguage, row.translations),
    summary: readText(row.summary, locale, row.originalLanguage, row.translations),
    approach: row.approach,
    themes: row.themes,
    sdgs: row.sdgs,
    regions: row.regions,
    formats: row.formats,
    languages: row.languages,
    originalLanguage: row.originalLanguage,
    partners: row.partners.map((p) => p.name),
    state: row.state as GoodPracticeState,
    publishedAt: toDate(row.publishedAt),
  };
}

const factsOf = (row: repo.GoodPracticeRow): CaseFacts => ({ state: row.state as GoodPracticeState, ownerOrganisationId: row.ownerOrganisationId });

function requireActor(ctx: ServiceCtx): CurrentUser {
  if (!ctx.actor) throw new UnauthorizedError();
  return ctx.actor;
}

/**
 * The actor's editor standing: the associations they administer, and the associations a case can
 * be given to in the form (their own; every association for the secretariat, which hands a case
 * drafted from an exchange to the association that will edit and publish it).
 */
export async function editorRelation(ctx: ServiceCtx): Promise<EditorRelation & { associations: { id: string; name: string }[] }> {
  if (!ctx.actor) return { adminOfAssociations: [], associations: [] };
  const administered = await repo.associationsAdministeredBy(ctx.db, ctx.actor.id);
  const associations = isSecretariat(ctx.actor) ? await repo.allAssociations(ctx.db) : administered;
  return { adminOfAssociations: administered.map((a) => a.id), associations };
}

/** Whether the reader may create cases (and see the editor pages). */
export async function canEdit(ctx: ServiceCtx): Promise<boolean> {
  return isEditor(ctx.actor, await editorRelation(ctx));
}

function throwHidden(): never {
  throw new NotFoundError();
}

/** Loads a case the actor may act on; anything else (missing, draft of another, not allowed) is a 404. */
async function loadFor(ctx: ServiceCtx, id: string, action: GoodPracticeAction): Promise<{ row: repo.GoodPracticeRow; rel: EditorRelation }> {
  if (!isUuid(id)) throwHidden();
  const row = await repo.findById(ctx.db, id);
  if (!row) throwHidden();
  const rel = await editorRelation(ctx);
  if (!canGoodPractice(ctx.actor, action, rel, factsOf(row))) throwHidden();
  return { row, rel };
}

// ---------------------------------------------------------------------------------------------
// Reading

/**
 * The library: published cases matching full text and facets, a page of them, and facet counts
 * over the matching set. Outcomes: the result, or ValidationError (400) for an unknown key or value.
 */
export async function searchGoodPractices(ctx: ServiceCtx, params: Record<string, unknown>): Promise<LibraryResult> {
  const q = parseQuery(libraryQuery, params, 'knowledge.search.unknownKey');
  const filters: repo.LibraryFilters = { q: q.q, theme: q.theme, region: q.region, sdg: q.sdg, approach: q.approach, format: q.format, language: q.language };
  const offset = (q.page - 1) * q.limit;
  const [found, counts] = await Promise.all([repo.searchRows(ctx.db, filters, q.limit, offset), repo.facetCounts(ctx.db, filters)]);
  const facets = Object.fromEntries(
    Object.entries(counts).map(([name, m]) => [name, [...m].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))]),
  ) as LibraryResult['facets'];
  return { items: found.rows.map((r) => card(r, ctx.locale)), page: q.page, limit: q.limit, total: found.count, hasPrev: q.page > 1, hasNext: offset + found.rows.length < found.count, facets };
}

/** The newest published good practices, as cards (the front page: no count and no facets to compute). */
export async function newestGoodPractices(ctx: ServiceCtx, limit: number): Promise<GoodPracticeCard[]> {
  return (await repo.newestRows(ctx.db, limit)).map((r) => card(r, ctx.locale));
}

/**
 * One case, in the reader's language (or `params.lang`). Outcomes: the detail with abilities;
 * NotFoundError for a missing case or a draft the reader does not edit; ValidationError for a bad query.
 */
export async function getGoodPractice(ctx: ServiceCtx, id: string, params: Record<string, unknown> = {}): Promise<GoodPracticeDetail> {
  const q = parseQuery(caseQuery, params, 'knowledge.search.unknownKey');
  const { row, rel } = await loadFor(ctx, id, 'goodPractice.view');
  // Hidden after members' reports: only its association and the moderators still see it (SECURITY.md 28).
  const moderation = await moderationOf(ctx, 'good_practice', row.id);
  if (!moderation.visible) throw new NotFoundError();
  const locale = (q.lang ?? ctx.locale) as Locale;
  const facts = factsOf(row);
  const may = (a: GoodPracticeAction) => canGoodPractice(ctx.actor, a, rel, facts);
  const abilities: GoodPracticeAbilities = { edit: may('goodPractice.edit'), publish: may('goodPractice.publish'), unpublish: may('goodPractice.unpublish'), viewHistory: may('goodPractice.viewHistory') };
  const rt = (v: MultiText) => readText(v, locale, row.originalLanguage, row.translations);
  const orgs = await repo.partnerOrganisations(
    ctx.db,
    row.partners.flatMap((p) => (p.organisationId ? [p.organisationId] : [])),
    row.partners.flatMap((p) => (p.externalId ? [p.externalId] : [])),
    row.partners.map((p) => p.name),
  );
  const partnerLinks = row.partners.map((p) => {
    const o =
      orgs.find((x) => p.organisationId && x.id === p.organisationId) ??
      orgs.find((x) => p.externalId && x.external_id === p.externalId) ??
      orgs.find((x) => x.name === p.name && (!p.country || x.country === p.country));
    return { name: p.name, country: p.country, organisationId: o?.id ?? null };
  });
  const history = abilities.viewHistory ? (await repo.editsOf(ctx.db, row.id)).map((e) => ({ action: e.action, language: e.language, at: toDate(e.at)!, editorName: e.editor_name })) : [];
  return {
    ...card(row, locale),
    texts: {
      problem: rt(row.problem),
      solution: rt(row.solution),
      results: rt(row.results),
      challenges: rt(row.challenges),
      prerequisites: rt(row.prerequisites),
      cost: rt(row.cost),
      transferability: rt(row.transferability),
    },
    partnerLinks,
    contacts: row.contacts.filter((c) => c.hasConsented === true).map((c) => ({ ...c, email: ctx.actor ? c.email : null })),
    translations: row.translations,
    source: row.source,
    exchangeId: row.exchangeId,
    ownerOrganisationId: row.ownerOrganisationId,
    ownerName: row.ownerOrganisationId ? await repo.organisationName(ctx.db, row.ownerOrganisationId) : null,
    createdAt: toDate(row.createdAt)!,
    updatedAt: toDate(row.updatedAt)!,
    history,
    abilities,
    moderation: { hidden: moderation.hidden, canReport: moderation.canReport },
  };
}

/** Published cases of one cooperation approach (the guide's approach pages). */
export async function goodPracticesByApproach(ctx: ServiceCtx, approach: string): Promise<GoodPracticeCard[]> {
  return (await repo.publishedByApproach(ctx.db, approach)).map((r) => card(r, ctx.locale));
}

/** Drafts and withdrawn cases the actor may edit. Outcomes: the list; NotFoundError for anyone who edits nothing. */
export async function listUnpublished(ctx: ServiceCtx): Promise<GoodPracticeCard[]> {
  const rel = await editorRelation(ctx);
  if (!isEditor(ctx.actor, rel)) throwHidden();
  return (await repo.unpublishedFor(ctx.db, isSecretariat(ctx.actor) ? 'all' : rel.adminOfAssociations)).map((r) => card(r, ctx.locale));
}

/** The form values of a case in one language (raw texts, no fallback), for its editors. NotFoundError otherwise. */
export async function editFormOf(ctx: ServiceCtx, id: string, lang: Locale): Promise<{ values: Record<string, unknown>; detail: { id: string; originalLanguage: string; languages: string[] } }> {
  const { row } = await loadFor(ctx, id, 'goodPractice.edit');
  const values: Record<string, unknown> = {
    lang,
    approach: row.approach ?? '',
    formats: row.formats,
    themes: row.themes,
    sdgs: row.sdgs.map(String),
    regions: row.regions,
    partnerName: row.partners.map((p) => p.name),
    partnerCountry: row.partners.map((p) => p.country ?? ''),
    contactName: row.contacts.map((c) => c.name),
    contactRole: row.contacts.map((c) => c.role),
    contactOrganisation: row.contacts.map((c) => c.organisation),
    contactEmail: row.contacts.map((c) => c.email ?? ''),
    contactConsent: row.contacts.map((_, i) => String(i)),
    ownerOrganisationId: row.ownerOrganisationId ?? '',
  };
  for (const f of TEXT_FIELDS) values[f] = row[f][lang] ?? '';
  return { values, detail: { id: row.id, originalLanguage: row.originalLanguage, languages: row.languages } };
}

// ---------------------------------------------------------------------------------------------
// Writing

function derived(input: CaseInput) {
  const countries = [...new Set(input.partners.flatMap((p) => (p.country ? [p.country] : [])))];
  const regions = input.regions.length ? [...new Set(input.regions)] : [...new Set(countries.flatMap((c) => regionOfCountry(c) ?? []))];
  return { countries, regions, partnerNames: input.partners.map((p) => p.name).join(' ') };
}

function languagesOf(title: MultiText): string[] {
  return Object.keys(title).filter((l) => !!title[l]).sort();
}

function parseCase(input: unknown): CaseInput {
  return mustParse(caseInput, input);
}

async function checkOwner(ctx: ServiceCtx, rel: EditorRelation, owner: string | undefined): Promise<string | null> {
  if (!owner) {
    // An association admin's case belongs to their association (the first, when they run several and chose none).
    return isSecretariat(ctx.actor) ? null : (rel.adminOfAssociations[0] ?? null);
  }
  if (rel.adminOfAssociations.includes(owner)) return owner;
  if (isSecretariat(ctx.actor) && (await repo.organisationName(ctx.db, owner))) return owner;
  throw new ValidationError({ ownerOrganisationId: 'platform.form.choice' });
}

/**
 * Creates a draft case from supplied fields, optionally linked to the exchange it comes from
 * (the exchanges module calls this with what it drafted from the exchange's record). The texts
 * are in `lang`, which becomes the original language. Outcomes: `{ id }`; UnauthorizedError,
 * ForbiddenError-as-404 for non-editors, ValidationError for bad input.
 */
export async function createDraft(ctx: ServiceCtx, input: Record<string, unknown> & { exchangeId?: string }): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  const rel = await editorRelation(ctx);
  if (!canGoodPractice(actor, 'goodPractice.create', rel)) throwHidden();
  const v = parseCase(input);
  const exchangeId = input.exchangeId ?? null;
  if (exchangeId !== null && (typeof exchangeId !== 'string' || !isUuid(exchangeId))) throw new ValidationError({ exchangeId: 'platform.form.invalid' });
  const owner = await checkOwner(ctx, rel, v.ownerOrganisationId);
  const id = randomUUID();
  const texts = Object.fromEntries(TEXT_FIELDS.map((f) => [f, v[f] ? { [v.lang]: v[f] } : {}])) as Record<TextField, MultiText>;
  await ctx.db.transaction(async (tx) => {
    await repo.insertCase(tx, {
      id,
      exchangeId,
      ownerOrganisationId: owner,
      state: 'draft',
      originalLanguage: v.lang,
      translations: {},
      languages: [v.lang],
      ...texts,
      title: texts.title,
      partners: v.partners,
      contacts: v.contacts,
      themes: v.themes,
      sdgs: v.sdgs,
      approach: v.approach ?? null,
      formats: v.formats,
      ...derived(v),
      source: exchangeId ? 'exchange' : '',
      createdBy: actor.id,
      createdAt: ctx.now,
      updatedBy: actor.id,
      updatedAt: ctx.now,
    });
    await repo.insertEdit(tx, { id: randomUUID(), goodPracticeId: id, editorId: actor.id, action: 'create', language: v.lang, at: ctx.now });
  });
  return { id };
}

/**
 * Saves an edit: the texts in `lang` (a language other than the original is stored as a human
 * translation) and the structured fields. The state does not change here. Outcomes: `{ id }`;
 * NotFoundError for a case the actor does not edit; ValidationError.
 */
export async function updateGoodPractice(ctx: ServiceCtx, id: string, input: Record<string, unknown>): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  await loadFor(ctx, id, 'goodPractice.edit');
  const v = parseCase(input);
  const rel = await editorRelation(ctx);
  // The owner is checked before the transaction: a query outside it would wait forever on PGlite's one connection.
  const keepOwner = v.ownerOrganisationId === undefined && !isSecretariat(actor);
  const chosenOwner = keepOwner ? null : await checkOwner(ctx, rel, v.ownerOrganisationId);
  await ctx.db.transaction(async (tx) => {
    const row = await repo.findForUpdate(tx, id);
    if (!row) throwHidden();
    const owner = keepOwner ? row.ownerOrganisationId : chosenOwner;
    const texts = {} as Record<TextField, MultiText>;
    for (const f of TEXT_FIELDS) {
      const next = { ...row[f] };
      if (v[f]) next[v.lang] = v[f];
      else delete next[v.lang];
      texts[f] = next;
    }
    const translations = { ...row.translations };
    if (v.lang !== row.originalLanguage) translations[v.lang] = 'human';
    await repo.updateCase(tx, id, {
      ...texts,
      translations,
      languages: languagesOf(texts.title),
      ownerOrganisationId: owner,
      partners: v.partners,
      contacts: v.contacts,
      themes: v.themes,
      sdgs: v.sdgs,
      approach: v.approach ?? null,
      formats: v.formats,
      ...derived(v),
      updatedBy: actor.id,
      updatedAt: ctx.now,
    });
    await repo.insertEdit(tx, { id: randomUUID(), goodPracticeId: id, editorId: actor.id, action: 'edit', language: v.lang, at: ctx.now });
  });
  return { id };
}

/** What a case needs before it is published (in its original language). */
export function missingForPublication(row: Pick<repo.GoodPracticeRow, 'originalLanguage' | 'title' | 'summary' | 'problem' | 'solution' | 'results' | 'themes' | 'approach'>): string[] {
  const o = row.originalLanguage;
  const missing: string[] = [];
  for (const f of ['title', 'summary', 'problem', 'solution', 'results'] as const) if (!row[f][o]) missing.push(f);
  if (!row.themes.length) missing.push('themes');
  if (!row.approach) missing.push('approach');
  return missing;
}

/** draft | unpublished → published. Outcomes: ok; incomplete (with the missing fields); already_published; NotFoundError. */
export async function publishGoodPractice(ctx: ServiceCtx, id: string): Promise<PublishOutcome> {
  const actor = requireActor(ctx);
  const { row } = await loadFor(ctx, id, 'goodPractice.edit');
  if (row.state === 'published') return { ok: false, reason: 'already_published' };
  const missing = missingForPublication(row);
  if (missing.length) return { ok: false, reason: 'incomplete', missing };
  let moved = false;
  await ctx.db.transaction(async (tx) => {
    moved = await repo.transition(tx, id, ['draft', 'unpublished'], { state: 'published', publishedAt: ctx.now, updatedBy: actor.id, updatedAt: ctx.now });
    if (!moved) return;
    await repo.insertEdit(tx, { id: randomUUID(), goodPracticeId: id, editorId: actor.id, action: 'publish', language: null, at: ctx.now });
    await audit(tx, ctx.now, { actorId: actor.id, action: 'goodPractice.publish', objectType: 'good_practice', objectId: id, ip: ctx.ip });
  });
  return moved ? { ok: true } : { ok: false, reason: 'already_published' };
}

/** published → unpublished (withdrawn from the library, kept for its editors). Outcomes: ok; not_published; NotFoundError. */
export async function unpublishGoodPractice(ctx: ServiceCtx, id: string): Promise<UnpublishOutcome> {
  const actor = requireActor(ctx);
  await loadFor(ctx, id, 'goodPractice.edit');
  let moved = false;
  await ctx.db.transaction(async (tx) => {
    moved = await repo.transition(tx, id, ['published'], { state: 'unpublished', updatedBy: actor.id, updatedAt: ctx.now });
    if (!moved) return;
    await repo.insertEdit(tx, { id: randomUUID(), goodPracticeId: id, editorId: actor.id, action: 'unpublish', language: null, at: ctx.now });
    await audit(tx, ctx.now, { actorId: actor.id, action: 'goodPractice.unpublish', objectType: 'good_practice', objectId: id, ip: ctx.ip });
  });
  return moved ? { ok: true } : { ok: false, reason: 'not_published' };
}
