/**
 * Partnerships (issue 13): lasting cooperation between two or more organisations, whatever its
 * origin — recorded by the partners, grown out of an exchange (exchanges asks through
 * `proposeFromExchange`), or an accepted direct cooperation request. Each partner's admin confirms;
 * the public page shows once all confirmed and the partners asked for it. Exchanges held or closed
 * between partners link into the history by the exchanges' domain events (partnerships.module.ts).
 * Also: organisations open to cooperation (Cities4Cities) and direct cooperation requests.
 */
import { randomUUID } from 'node:crypto';
import type { ServiceCtx } from '../../platform/http.ts';
import type { DbOrTx } from '../../platform/db.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { mustParse } from '../../platform/validation.ts';
import { notify, mailLink } from '../../platform/outbox.ts';
import { isUuid } from '../../platform/ids.ts';
import { perPersonLimit } from '../../platform/security.ts';
import { isStaff } from '../../platform/roles.ts';
import { themeName } from '../../taxonomy/names.ts';
import { labelFor } from '../../taxonomy/labels.ts';
import { APPROACHES } from '../../taxonomy/approaches.ts';
import { inspect, labelOf, writeBytes, readBytes, storedBytesOf, QUOTA_BYTES, type FilesEnv, type Upload, type Rejection } from '../files/files.service.ts';
import { activeOrgRoles } from '../organisations/organisations.service.ts';
import { rankPeerOrganisations, type PeerOrganisation } from '../matching/matching.service.ts';
import * as repo from './partnerships.repository.ts';
import { canPartnership, isAdminOf, REQUESTS_PER_DAY, REQUEST_WINDOW_MS, type PartnershipStanding } from './partnerships.policy.ts';
import { partnershipInput, inviteInput, confirmInput, entryInput, openingInput, requestInput, answerInput, listQuery } from './partnerships.schema.ts';

const day = (d: Date) => d.toISOString().slice(0, 10);
const asDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));
const requireActor = (ctx: ServiceCtx) => {
  if (!ctx.actor) throw new NotFoundError();
  return ctx.actor;
};
/** Documents on a partnership: at most 25 MB each (a report's limit). */
export const DOCUMENT_MAX_BYTES = 25 * 1024 * 1024;

export type Partner = { organisationId: string; name: string; country: string; confirmed: boolean };
export type PartnershipCard = {
  id: string; title: string; lang: string; approaches: string[]; themes: string[]; since: string | null; charterDate: string | null;
  origin: 'recorded' | 'exchange' | 'request'; state: 'proposed' | 'active'; isPublic: boolean; partners: Partner[];
};

function cardOf(p: repo.PartnershipRow, members: repo.MemberRow[]): PartnershipCard {
  const partners = members.map((m) => ({ organisationId: m.organisationId, name: m.name, country: m.country, confirmed: m.confirmedAt !== null }));
  return {
    id: p.id,
    title: p.title || partners.map((x) => x.name).join(' – '),
    lang: p.title ? p.lang : 'en',
    approaches: p.approaches, themes: p.themes, since: p.since, charterDate: p.charterDate,
    origin: p.origin as PartnershipCard['origin'], state: p.state as PartnershipCard['state'],
    isPublic: p.wantsPublic && p.state === 'active', partners,
  };
}

async function myOrgs(ctx: ServiceCtx) {
  return ctx.actor ? repo.myOrganisations(ctx.db, ctx.actor.id) : [];
}

async function standingOf(ctx: ServiceCtx, p: repo.PartnershipRow, members: repo.MemberRow[]): Promise<PartnershipStanding> {
  const mine = await myOrgs(ctx);
  const ids = new Set(members.map((m) => m.organisationId));
  const inIt = mine.filter((o) => ids.has(o.id));
  return {
    isPublic: p.wantsPublic && p.state === 'active',
    isPartnerMember: inIt.length > 0,
    isPartnerAdmin: inIt.some((o) => o.isAdmin),
    canConfirmFor: inIt.filter((o) => o.isAdmin && members.find((m) => m.organisationId === o.id)?.confirmedAt === null).map((o) => o.id),
  };
}

/** Public partnerships and the reader's own (any state), filtered by approach, theme and a partner's country. */
export async function listPartnerships(ctx: ServiceCtx, rawQuery: Record<string, unknown>) {
  const q = listQuery.parse(rawQuery);
  const mine = await myOrgs(ctx);
  const list = await repo.listPartnerships(ctx.db, { ...q, orgIds: mine.map((o) => o.id), all: isStaff(ctx.actor) });
  const members = await repo.membersOf(ctx.db, list.map((p) => p.id));
  return { query: q, items: list.map((p) => cardOf(p, members.get(p.id) ?? [])), canRecord: mine.some((o) => o.isAdmin) };
}

/** One partnership with its history and documents, for whoever may see it (404 otherwise, as for a missing id). */
export async function getPartnership(ctx: ServiceCtx, id: string) {
  const p = isUuid(id) ? await repo.findPartnership(ctx.db, id) : undefined;
  if (!p) throw new NotFoundError();
  const members = (await repo.membersOf(ctx.db, [p.id])).get(p.id) ?? [];
  const s = await standingOf(ctx, p, members);
  if (!canPartnership(ctx.actor, 'partnership.view', s)) throw new NotFoundError();
  const [history, documents] = await Promise.all([repo.historyOf(ctx.db, p.id), s.isPartnerMember || isStaff(ctx.actor) ? repo.documentsOf(ctx.db, p.id) : Promise.resolve([])]);
  return {
    ...cardOf(p, members),
    summary: p.summary,
    exchangeId: p.exchangeId,
    wantsPublic: p.wantsPublic,
    history: history.map((h) => ({ ...h, at: asDate(h.at) })),
    documents,
    abilities: { contribute: canPartnership(ctx.actor, 'partnership.contribute', s), invite: canPartnership(ctx.actor, 'partnership.invite', s), confirmFor: members.filter((m) => s.canConfirmFor.includes(m.organisationId)) },
  };
}
export type PartnershipPage = Awaited<ReturnType<typeof getPartnership>>;

/** The organisations the reader administers (the record form's "for" choice). */
export async function recordChoices(ctx: ServiceCtx, withId?: string) {
  requireActor(ctx);
  const admin = (await myOrgs(ctx)).filter((o) => o.isAdmin);
  const partner = withId && isUuid(withId) ? await repo.organisationFacts(ctx.db, withId) : undefined;
  return { organisations: admin, partner: partner ?? null };
}

async function requireAdmin(ctx: ServiceCtx, organisationId: string, field = 'organisationId') {
  const actor = requireActor(ctx);
  if (!isUuid(organisationId) || !isAdminOf(await activeOrgRoles(ctx.db, organisationId, actor.id))) throw new ValidationError({ [field]: 'partnerships.form.notAdmin' });
  return actor;
}

/** An admin records a partnership for their organisation with the partners named; the partners' admins are told and confirm. */
export async function recordPartnership(ctx: ServiceCtx, raw: unknown): Promise<{ id: string }> {
  const v = mustParse(partnershipInput, raw);
  const actor = await requireAdmin(ctx, v.organisationId);
  const partners = [...new Set(v.partners.filter((x) => x !== v.organisationId))];
  for (const pid of partners) if (!(await repo.organisationFacts(ctx.db, pid))) throw new ValidationError({ partners: 'partnerships.form.partnerUnknown' });
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await repo.insertPartnership(tx, { id, title: v.title, summary: v.summary, lang: ctx.locale, approaches: v.approaches, themes: v.themes, since: v.since ?? null, charterDate: v.charterDate ?? null, origin: 'recorded', state: 'proposed', wantsPublic: v.wantsPublic, proposedBy: actor.id, createdAt: ctx.now, updatedAt: ctx.now });
    await repo.insertMembers(tx, [
      { partnershipId: id, organisationId: v.organisationId, invitedBy: actor.id, invitedAt: ctx.now, confirmedBy: actor.id, confirmedAt: ctx.now },
      ...partners.map((o) => ({ partnershipId: id, organisationId: o, invitedBy: actor.id, invitedAt: ctx.now })),
    ]);
    await repo.insertEntry(tx, { id: randomUUID(), partnershipId: id, kind: 'created', day: day(ctx.now), actorId: actor.id, at: ctx.now });
    if (v.charterDate) await repo.insertEntry(tx, { id: randomUUID(), partnershipId: id, kind: 'charter', day: v.charterDate, actorId: actor.id, at: ctx.now });
    await audit(tx, ctx.now, { actorId: actor.id, action: 'partnership.record', objectType: 'partnership', objectId: id, ip: ctx.ip });
    for (const o of partners) await tellAdmins(tx, ctx.now, o, id, v.title);
  });
  return { id };
}

async function tellAdmins(tx: DbOrTx, now: Date, organisationId: string, partnershipId: string, title: string) {
  await notify(tx, now, await repo.adminsOf(tx, organisationId), 'partnership_invited', (t) => ({
    subject: t('partnerships.mail.invited.subject', { title }),
    body: t('partnerships.mail.invited.body', { title, link: mailLink(`/partnerships/${partnershipId}`) }),
  }));
}

/** A partner's admin invites another organisation by name: one match invites it; several are offered to choose from. */
export async function invitePartner(ctx: ServiceCtx, id: string, raw: Record<string, unknown>): Promise<{ ok: true } | { ok: false; choices: { id: string; name: string; country: string }[] }> {
  const page = await getPartnership(ctx, id);
  if (!page.abilities.invite) throw new NotFoundError();
  let target: { id: string } | undefined;
  if (typeof raw.organisationId === 'string' && isUuid(raw.organisationId)) target = await repo.organisationFacts(ctx.db, raw.organisationId);
  if (!target) {
    const v = mustParse(inviteInput, raw);
    const found = await repo.organisationsNamed(ctx.db, v.organisation);
    if (found.length === 0) throw new ValidationError({ organisation: 'partnerships.form.organisationNotFound' });
    if (found.length > 1 && found[0]!.name.toLowerCase() !== v.organisation.toLowerCase()) return { ok: false, choices: found };
    target = found[0];
  }
  if (page.partners.some((x) => x.organisationId === target!.id)) throw new ValidationError({ organisation: 'partnerships.form.alreadyPartner' });
  await ctx.db.transaction(async (tx) => {
    await repo.insertMembers(tx, [{ partnershipId: id, organisationId: target!.id, invitedBy: ctx.actor!.id, invitedAt: ctx.now }]);
    await repo.insertEntry(tx, { id: randomUUID(), partnershipId: id, kind: 'invited', day: day(ctx.now), actorId: ctx.actor!.id, at: ctx.now });
    await tellAdmins(tx, ctx.now, target!.id, id, page.title);
  });
  return { ok: true };
}

/** An admin of a partner organisation confirms for it; the last confirmation makes the partnership active. */
export async function confirmPartnership(ctx: ServiceCtx, id: string, raw: unknown): Promise<{ ok: boolean; active: boolean }> {
  const page = await getPartnership(ctx, id);
  const v = mustParse(confirmInput, raw);
  if (!page.abilities.confirmFor.some((m) => m.organisationId === v.organisationId)) return { ok: false, active: page.state === 'active' };
  return ctx.db.transaction(async (tx) => {
    if (!(await repo.confirmMember(tx, id, v.organisationId, ctx.actor!.id, ctx.now))) return { ok: false, active: false };
    await repo.insertEntry(tx, { id: randomUUID(), partnershipId: id, kind: 'confirmed', day: day(ctx.now), title: page.partners.find((m) => m.organisationId === v.organisationId)?.name ?? '', actorId: ctx.actor!.id, at: ctx.now });
    const active = await repo.activateIfConfirmed(tx, id, ctx.now);
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'partnership.confirm', objectType: 'partnership', objectId: id, ip: ctx.ip });
    return { ok: true, active };
  });
}

/** A partner's member adds a dated entry to the shared history. */
export async function addEntry(ctx: ServiceCtx, id: string, raw: unknown): Promise<void> {
  const page = await getPartnership(ctx, id);
  if (!page.abilities.contribute) throw new NotFoundError();
  const v = mustParse(entryInput, raw);
  await repo.insertEntry(ctx.db, { id: randomUUID(), partnershipId: id, kind: 'activity', day: v.day ?? day(ctx.now), title: v.title, note: v.note, lang: ctx.locale, actorId: ctx.actor!.id, at: ctx.now });
}

/** A partner's member shares a document (the files service checks its type, content and the person's quota). */
export async function addDocument(ctx: ServiceCtx, env: FilesEnv, id: string, u: Upload | null): Promise<{ ok: true } | { ok: false; reason: Rejection | 'missing' }> {
  const page = await getPartnership(ctx, id);
  if (!page.abilities.contribute) throw new NotFoundError();
  if (!u) return { ok: false, reason: 'missing' };
  if (u.bytes.length > DOCUMENT_MAX_BYTES) return { ok: false, reason: 'too_large' };
  // The person's quota counts their files everywhere the files service knows and their documents here.
  if ((await storedBytesOf(ctx.db, ctx.actor!.id)) + (await repo.documentBytesOf(ctx.db, ctx.actor!.id)) + u.bytes.length > QUOTA_BYTES) return { ok: false, reason: 'quota' };
  const checked = await inspect(u);
  if (!checked.ok) return { ok: false, reason: checked.reason };
  const storageName = writeBytes(env, u.bytes);
  await ctx.db.transaction(async (tx) => {
    await repo.insertDocument(tx, { id: randomUUID(), partnershipId: id, uploadedBy: ctx.actor!.id, label: labelOf(u.name), mime: checked.mime, size: u.bytes.length, storageName, createdAt: ctx.now });
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'partnership.document', objectType: 'partnership', objectId: id, ip: ctx.ip });
  });
  return { ok: true };
}

/** A document for a partner's member or the secretariat; 404 for anyone else (a copied link without the session too). */
export async function openDocument(ctx: ServiceCtx, env: FilesEnv, id: string, docId: string) {
  const page = await getPartnership(ctx, id);
  if (!page.abilities.contribute && !isStaff(ctx.actor)) throw new NotFoundError();
  const d = isUuid(docId) ? await repo.findDocument(ctx.db, docId) : undefined;
  if (!d || d.partnershipId !== id) throw new NotFoundError();
  return { label: d.label, mime: d.mime, bytes: readBytes(env, d.storageName) };
}

// ---------------------------------------------------------------------------------------------
// For exchanges (it calls these; partnerships imports nothing of exchanges)

export type ExchangePartnershipOutcome = { ok: true; id: string } | { ok: false; reason: 'already_proposed'; id?: string };

/** After an exchange, one side (or the broker) proposes to continue as a city-to-city partnership: the proposing side confirmed, the other to confirm. One per exchange. */
export async function proposeFromExchange(
  ctx: ServiceCtx,
  x: { exchangeId: string; title: string; hostOrganisationId: string; peerOrganisationId: string; side: 'host' | 'peer' | 'broker'; note: string; tell: readonly string[] },
): Promise<ExchangePartnershipOutcome> {
  const actor = requireActor(ctx);
  const id = randomUUID();
  return ctx.db.transaction(async (tx): Promise<ExchangePartnershipOutcome> => {
    const inserted = await repo.insertPartnership(tx, { id, exchangeId: x.exchangeId, approaches: ['city_to_city_partnership'], since: day(ctx.now), origin: 'exchange', state: 'proposed', proposedBy: actor.id, createdAt: ctx.now, updatedAt: ctx.now });
    if (!inserted) return { ok: false, reason: 'already_proposed', id: (await repo.partnershipOfExchange(tx, x.exchangeId))?.id };
    const confirmed = (side: 'host' | 'peer') => (x.side === side ? { confirmedBy: actor.id, confirmedAt: ctx.now } : {});
    await repo.insertMembers(tx, [
      { partnershipId: id, organisationId: x.hostOrganisationId, invitedBy: actor.id, invitedAt: ctx.now, ...confirmed('host') },
      { partnershipId: id, organisationId: x.peerOrganisationId, invitedBy: actor.id, invitedAt: ctx.now, ...confirmed('peer') },
    ]);
    await repo.insertEntry(tx, { id: randomUUID(), partnershipId: id, kind: 'proposed', day: day(ctx.now), note: x.note.trim().slice(0, 2000), exchangeId: x.exchangeId, actorId: actor.id, at: ctx.now });
    await audit(tx, ctx.now, { actorId: actor.id, action: 'partnership.propose', objectType: 'partnership', objectId: id, ip: ctx.ip });
    await notify(tx, ctx.now, x.tell.filter((u) => u !== actor.id), 'partnership_proposed', (t) => ({
      subject: t('partnerships.mail.proposed.subject', { title: x.title }),
      body: t('partnerships.mail.proposed.body', { title: x.title, link: mailLink(`/partnerships/${id}`) }),
    }));
    return { ok: true, id };
  });
}

/** The partnership an exchange grew into, if any (for its page and report). */
export async function partnershipOfExchange(db: DbOrTx, exchangeId: string): Promise<{ id: string; state: string; createdAt: Date } | null> {
  const p = await repo.partnershipOfExchange(db, exchangeId);
  return p ? { id: p.id, state: p.state, createdAt: p.createdAt } : null;
}

/** Every partnership, whatever its origin, by approach, and the country pairs of its partners (the programme dashboard's map and tables). */
export async function partnershipFigures(db: DbOrTx): Promise<{ byApproach: { key: string; n: number }[]; pairs: { host: string; peer: string; approach: string; n: number }[] }> {
  const [byApproach, pairs] = await Promise.all([repo.approachCounts(db), repo.countryPairs(db)]);
  return { byApproach, pairs: pairs.map((p) => ({ host: p.a, peer: p.b, approach: p.approach, n: p.n })) };
}

export const approachName = (code: string, locale: ServiceCtx['locale']) => labelFor(APPROACHES, code, locale);

/** On exchanges.held / exchanges.closed: the exchange links into the history of every partnership of its two organisations (once per kind). */
export async function linkExchange(db: DbOrTx, now: Date, exchangeId: string, kind: 'exchange_held' | 'exchange_closed'): Promise<number> {
  let n = 0;
  for (const p of await repo.partnershipsLinking(db, exchangeId))
    if (await repo.insertEntry(db, { id: randomUUID(), partnershipId: p.partnershipId, kind, day: kind === 'exchange_held' ? p.day : day(now), title: p.title, exchangeId, at: now })) n++;
  return n;
}

// ---------------------------------------------------------------------------------------------
// Open to cooperation

export async function openingOf(ctx: ServiceCtx, organisationId: string) {
  const o = await repo.openingOf(ctx.db, organisationId);
  return o ? { themes: o.themes, statement: o.statement, lang: o.lang, updatedAt: o.updatedAt } : null;
}

/** The opening for its admin's form (404 for anyone else). */
export async function openingForEdit(ctx: ServiceCtx, organisationId: string) {
  const actor = requireActor(ctx);
  if (!isUuid(organisationId) || !isAdminOf(await activeOrgRoles(ctx.db, organisationId, actor.id))) throw new NotFoundError();
  return openingOf(ctx, organisationId);
}

/** An organisation's admin marks it open to cooperation on chosen themes with a short statement (or no longer open). */
export async function setOpening(ctx: ServiceCtx, organisationId: string, raw: unknown): Promise<{ open: boolean }> {
  const actor = requireActor(ctx);
  if (!isUuid(organisationId) || !isAdminOf(await activeOrgRoles(ctx.db, organisationId, actor.id))) throw new NotFoundError();
  const v = mustParse(openingInput, raw);
  if (!v.open) {
    await repo.deleteOpening(ctx.db, organisationId);
    return { open: false };
  }
  await repo.saveOpening(ctx.db, { organisationId, themes: v.themes, statement: v.statement, lang: ctx.locale, updatedBy: actor.id, updatedAt: ctx.now });
  return { open: true };
}

/** Organisations open to cooperation, on a theme or all (the directory's filter, the advisor's results). */
export async function openOrganisations(ctx: Pick<ServiceCtx, 'db'>, theme: string | null, limit = 50) {
  return repo.openOrganisations(ctx.db, { theme, limit });
}

/** Which of a page's organisations are open to cooperation, asked once per page (the cards of one request share the answer). */
const openOfPage = new WeakMap<object, Promise<Set<string>>>();
export function isOpenOnPage(ctx: ServiceCtx, page: object, organisationId: string, pageIds: readonly string[]): Promise<boolean> {
  let p = openOfPage.get(page);
  if (!p) openOfPage.set(page, (p = repo.openAmong(ctx.db, pageIds)));
  return p.then((s) => s.has(organisationId));
}

/** What the organisation's page shows: its opening, its partnerships the reader may see, and what the reader may do. */
export async function organisationSection(ctx: ServiceCtx, organisationId: string) {
  const [opening, list, mine] = await Promise.all([openingOf(ctx, organisationId), repo.partnershipsOfOrganisation(ctx.db, organisationId), myOrgs(ctx)]);
  const members = await repo.membersOf(ctx.db, list.map((p) => p.id));
  const myIds = new Set(mine.map((o) => o.id));
  const visible = list.map((p) => cardOf(p, members.get(p.id) ?? [])).filter((p) => p.isPublic || p.partners.some((m) => myIds.has(m.organisationId)) || isStaff(ctx.actor));
  return {
    organisationId,
    opening,
    partnerships: visible,
    isAdmin: mine.some((o) => o.id === organisationId && o.isAdmin),
    canRequest: !!ctx.actor && mine.length > 0 && !myIds.has(organisationId),
    canRecordWith: mine.some((o) => o.isAdmin) && !myIds.has(organisationId),
  };
}

// ---------------------------------------------------------------------------------------------
// Direct cooperation requests

/** The request form's facts: the peer, the reader's organisations to ask for, and peers the matching engine suggests on the theme. */
export async function requestForm(ctx: ServiceCtx, toOrganisationId: string, theme?: string) {
  const actor = requireActor(ctx);
  const peer = isUuid(toOrganisationId) ? await repo.organisationFacts(ctx.db, toOrganisationId) : undefined;
  if (!peer) throw new NotFoundError();
  const mine = (await repo.myOrganisations(ctx.db, actor.id)).filter((o) => o.id !== peer.id);
  return { peer, organisations: mine, opening: await openingOf(ctx, peer.id), suggestions: theme ? await suggestPeers(ctx, theme, [peer.id, ...mine.map((o) => o.id)]) : [] };
}

/** Peers the matching engine ranks for a theme (its concepts, across languages). */
export async function suggestPeers(ctx: ServiceCtx, theme: string, exclude: readonly string[]): Promise<PeerOrganisation[]> {
  const name = themeName(theme, ctx.locale);
  return rankPeerOrganisations(ctx, { title: name, text: name, themes: [theme] }, { exclude, top: 5 });
}

/** A member of an organisation asks a peer for contact on a theme; the peer's admins get a mail in their language. Per-person limit: 429. */
export async function sendRequest(ctx: ServiceCtx, toOrganisationId: string, raw: unknown): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  const peer = isUuid(toOrganisationId) ? await repo.organisationFacts(ctx.db, toOrganisationId) : undefined;
  if (!peer) throw new NotFoundError();
  const v = mustParse(requestInput, raw);
  const from = (await repo.myOrganisations(ctx.db, actor.id)).find((o) => o.id === v.fromOrganisationId);
  if (!from || from.id === peer.id) throw new ValidationError({ fromOrganisationId: 'partnerships.form.notMember' });
  perPersonLimit(await repo.recentRequests(ctx.db, actor.id, new Date(ctx.now.getTime() - REQUEST_WINDOW_MS)), REQUESTS_PER_DAY, REQUEST_WINDOW_MS, ctx.now);
  if (await repo.openRequestBetween(ctx.db, from.id, peer.id)) throw new ValidationError({ message: 'partnerships.form.alreadyAsked' });
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await repo.insertRequest(tx, { id, fromOrganisationId: from.id, toOrganisationId: peer.id, senderId: actor.id, theme: v.theme, message: v.message, lang: ctx.locale, state: 'sent', createdAt: ctx.now });
    await audit(tx, ctx.now, { actorId: actor.id, action: 'cooperation.request', objectType: 'organisation', objectId: peer.id, ip: ctx.ip });
    await notify(tx, ctx.now, await repo.adminsOf(tx, peer.id), 'cooperation_request', (t) => ({
      subject: t('partnerships.mail.request.subject', { from: from.name }),
      body: t('partnerships.mail.request.body', { from: from.name, to: peer.name, theme: themeName(v.theme, t('partnerships.meta.lang') as ServiceCtx['locale']), message: v.message, link: mailLink(`/cooperation-requests/${id}`) }),
    }));
  });
  return { id };
}

async function loadRequest(ctx: ServiceCtx, id: string) {
  const actor = requireActor(ctx);
  const r = isUuid(id) ? await repo.findRequest(ctx.db, id) : undefined;
  if (!r) throw new NotFoundError();
  const mine = await repo.myOrganisations(ctx.db, actor.id);
  const toAdmin = mine.some((o) => o.id === r.toOrganisationId && o.isAdmin);
  const fromMember = mine.some((o) => o.id === r.fromOrganisationId);
  if (!toAdmin && !fromMember) throw new NotFoundError();
  return { r, toAdmin, fromMember, mine };
}

export async function getRequest(ctx: ServiceCtx, id: string) {
  const { r, toAdmin } = await loadRequest(ctx, id);
  const [from, to] = await Promise.all([repo.organisationFacts(ctx.db, r.fromOrganisationId), repo.organisationFacts(ctx.db, r.toOrganisationId)]);
  return { id: r.id, from: from!, to: to!, theme: r.theme, message: r.message, lang: r.lang, state: r.state, answer: r.answer, partnershipId: r.partnershipId, createdAt: r.createdAt, canAnswer: toAdmin && r.state === 'sent' };
}
export type RequestPage = Awaited<ReturnType<typeof getRequest>>;

/** The peer's admin accepts (a partnership is proposed between both, confirmed by the peer) or declines, with a message; the sender is told. */
export async function answerRequest(ctx: ServiceCtx, id: string, raw: unknown): Promise<{ state: 'accepted' | 'declined'; partnershipId: string | null }> {
  const { r, toAdmin, mine } = await loadRequest(ctx, id);
  if (!toAdmin) throw new NotFoundError();
  const v = mustParse(answerInput, raw);
  const actor = ctx.actor!;
  const state = v.decision === 'accept' ? 'accepted' : 'declined';
  return ctx.db.transaction(async (tx) => {
    if (!(await repo.answerRequest(tx, id, { state, answer: v.message, answeredBy: actor.id, answeredAt: ctx.now }))) throw new ValidationError({ decision: 'partnerships.form.alreadyAnswered' });
    const [from, to] = await Promise.all([repo.organisationFacts(tx, r.fromOrganisationId), repo.organisationFacts(tx, r.toOrganisationId)]);
    let partnershipId: string | null = null;
    if (state === 'accepted') {
      partnershipId = randomUUID();
      const senderAdmin = r.senderId ? isAdminOf(await activeOrgRoles(tx, r.fromOrganisationId, r.senderId)) : false;
      await repo.insertPartnership(tx, { id: partnershipId, title: `${from!.name} – ${to!.name}`, lang: 'en', approaches: ['city_to_city_partnership'], themes: [r.theme], since: day(ctx.now), origin: 'request', state: 'proposed', proposedBy: actor.id, createdAt: ctx.now, updatedAt: ctx.now });
      await repo.insertMembers(tx, [
        { partnershipId, organisationId: r.fromOrganisationId, invitedBy: r.senderId, invitedAt: r.createdAt, ...(senderAdmin ? { confirmedBy: r.senderId, confirmedAt: ctx.now } : {}) },
        { partnershipId, organisationId: r.toOrganisationId, invitedBy: r.senderId, invitedAt: r.createdAt, confirmedBy: actor.id, confirmedAt: ctx.now },
      ]);
      await repo.insertEntry(tx, { id: randomUUID(), partnershipId, kind: 'request_accepted', day: day(ctx.now), note: v.message, lang: ctx.locale, actorId: actor.id, at: ctx.now });
      await repo.activateIfConfirmed(tx, partnershipId, ctx.now);
      await repo.linkRequest(tx, id, partnershipId);
    }
    await audit(tx, ctx.now, { actorId: actor.id, action: `cooperation.${state}`, objectType: 'cooperation_request', objectId: id, ip: ctx.ip });
    if (r.senderId)
      await notify(tx, ctx.now, [r.senderId], 'cooperation_answer', (t) => ({
        subject: state === 'accepted' ? t('partnerships.mail.accepted.subject', { to: to!.name }) : t('partnerships.mail.declined.subject', { to: to!.name }),
        body: t('partnerships.mail.answer.body', { to: to!.name, message: v.message || '—', link: mailLink(partnershipId ? `/partnerships/${partnershipId}` : `/cooperation-requests/${id}`) }),
      }));
    void mine;
    return { state, partnershipId };
  });
}

/** The requests to and from the reader's organisations (the inbox). */
export async function myRequests(ctx: ServiceCtx) {
  const actor = requireActor(ctx);
  const mine = await repo.myOrganisations(ctx.db, actor.id);
  const list = await repo.requestsOf(ctx.db, mine.map((o) => o.id));
  const ids = new Set(mine.map((o) => o.id));
  return list.map((r) => ({ id: r.id, fromName: r.from_name, toName: r.to_name, theme: r.theme, state: r.state, incoming: ids.has(r.to_id), createdAt: asDate(r.created_at) }));
}

// ---------------------------------------------------------------------------------------------
// Personal data

export async function exportPersonalData(db: DbOrTx, userId: string) {
  const r = await repo.personalRows(db, userId);
  return { cooperationRequests: r.requests, partnershipEntries: r.entries, partnershipDocuments: r.docs.map((d) => ({ id: d.id, label: d.label })) };
}
export async function personalFiles(db: DbOrTx, userId: string) {
  return (await repo.personalRows(db, userId)).docs.map((d) => ({ id: d.id, label: d.label, storageName: d.storageName, kind: 'partnership_document' }));
}
export async function erasePersonalData(tx: DbOrTx, userId: string): Promise<{ files: string[] }> {
  return { files: await repo.erasePerson(tx, userId) };
}
