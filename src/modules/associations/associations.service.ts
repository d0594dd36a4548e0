/**
 * Associations of local governments following their members' exchanges (issue 13, CONNECT's
 * associations): an association links its member organisations (each member's admin confirms),
 * sees their exchanges' public parts, results and evaluation summaries (never an individual
 * answer), and sends a lessons brief of an exchange to recipients it chooses — local and regional
 * governments, the central government, the international donor community — each recorded as sent.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { DbOrTx } from '../../platform/db.ts';
import type { ServiceCtx } from '../../platform/http.ts';
import { NotFoundError, UnauthorizedError, ValidationError } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import { audit } from '../../platform/audit.ts';
import { notify, mailLink } from '../../platform/outbox.ts';
import { i18n, keyWith, LOCALES, type Locale } from '../../platform/i18n.ts';
import type { Mailer } from '../../platform/mail.ts';
import { composeFramed } from '../../platform/mail-template.ts';
import type { Logger } from '../../platform/log.ts';
import { perPersonLimit } from '../../platform/security.ts';
import { exchangesOfOrganisations, publicExchange, type PublicExchange } from '../exchanges/exchanges.associations.service.ts';
import { evaluationSummary, type StageSummary } from '../evaluations/evaluations.summary.service.ts';
import { canAssociation, type AssociationFacts } from './associations.policy.ts';
import * as repo from './associations.repository.ts';

export const RECIPIENT_KINDS = ['local_government', 'central_government', 'donor', 'other'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];
export const MAX_RECIPIENTS = 50;
export const MAX_NOTE = 3000;
/** Briefs a person may send in a day (SECURITY.md 26: no mass mailing through the platform). */
export const BRIEFS_PER_DAY = 20;

async function factsOf(ctx: ServiceCtx, associationId: string): Promise<{ org: repo.OrganisationFacts; facts: AssociationFacts }> {
  const org = isUuid(associationId) ? await repo.organisationFacts(ctx.db, associationId) : undefined;
  if (!org || org.kind !== 'association') throw new NotFoundError();
  const admins = await repo.adminIdsOf(ctx.db, org.id);
  return { org, facts: { isAssociation: true, isAssociationAdmin: !!ctx.actor && admins.includes(ctx.actor.id) } };
}

export type FollowedExchange = PublicExchange & { summary: StageSummary[] };
export type AssociationPage = {
  association: repo.OrganisationFacts;
  canManage: boolean;
  members: repo.LinkView[];
  exchanges: FollowedExchange[];
  briefs: Awaited<ReturnType<typeof repo.briefsOf>>;
};

/** The association's page: its members, their exchanges with evaluation summaries, its briefs. 404 to anyone but its admins and the secretariat. */
export async function associationPage(ctx: ServiceCtx, associationId: string): Promise<AssociationPage> {
  const { org, facts } = await factsOf(ctx, associationId);
  if (!canAssociation(ctx.actor, 'association.view', facts)) throw new NotFoundError();
  const members = await repo.linksOfAssociation(ctx.db, org.id);
  const active = members.filter((m) => m.state === 'active').map((m) => m.memberId);
  const exchanges = await exchangesOfOrganisations(ctx.db, active);
  return {
    association: org,
    canManage: canAssociation(ctx.actor, 'association.manage', facts),
    members,
    exchanges: await Promise.all(exchanges.map(async (e) => ({ ...e, summary: await evaluationSummary(ctx.db, e.id) }))),
    briefs: await repo.briefsOf(ctx.db, org.id),
  };
}

/** The associations the person administers (their "Associations" entry point). */
export async function myAssociations(ctx: ServiceCtx): Promise<repo.OrganisationFacts[]> {
  if (!ctx.actor) throw new UnauthorizedError();
  return repo.associationsAdministeredBy(ctx.db, ctx.actor.id);
}

/** Organisations to add as members, by name (the association's admins only). */
export async function memberCandidates(ctx: ServiceCtx, associationId: string, q: string): Promise<repo.OrganisationFacts[]> {
  const { org, facts } = await factsOf(ctx, associationId);
  if (!canAssociation(ctx.actor, 'association.manage', facts)) throw new NotFoundError();
  const words = q.trim().slice(0, 100);
  if (words.length < 2) return [];
  return (await repo.findOrganisationsByName(ctx.db, words)).filter((o) => o.id !== org.id);
}

const linkInput = z.object({ memberId: z.string().refine(isUuid, 'platform.form.invalid') });

/** The association asks an organisation to confirm it is a member; the member's admins are told in their language. */
export async function requestLink(ctx: ServiceCtx, associationId: string, raw: unknown): Promise<{ ok: true } | { ok: false; reason: 'exists' }> {
  const { org, facts } = await factsOf(ctx, associationId);
  if (!canAssociation(ctx.actor, 'association.manage', facts)) throw new NotFoundError();
  const parsed = linkInput.safeParse(raw);
  if (!parsed.success) throw new ValidationError({ memberId: 'platform.form.invalid' });
  const member = await repo.organisationFacts(ctx.db, parsed.data.memberId);
  if (!member || member.id === org.id) throw new ValidationError({ memberId: 'platform.form.invalid' });
  return ctx.db.transaction(async (tx) => {
    const id = randomUUID();
    if (!(await repo.insertLink(tx, { id, associationId: org.id, memberId: member.id, state: 'pending', requestedBy: ctx.actor!.id, requestedAt: ctx.now }))) return { ok: false as const, reason: 'exists' as const };
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'association.link.request', objectType: 'organisation', objectId: member.id, ip: ctx.ip });
    await notify(tx, ctx.now, await repo.adminIdsOf(tx, member.id), 'associations.linkRequested', (t) => ({
      subject: t('associations.mail.requested.subject', { association: org.name }),
      body: t('associations.mail.requested.body', { association: org.name, member: member.name, link: mailLink('/associations/requests') }),
    }));
    return { ok: true as const };
  });
}

/** Links waiting on the organisations this person administers. */
export async function pendingRequests(ctx: ServiceCtx): Promise<repo.LinkView[]> {
  if (!ctx.actor) throw new UnauthorizedError();
  const mine = await repo.organisationsAdministeredBy(ctx.db, ctx.actor.id);
  return repo.pendingForMembers(ctx.db, mine);
}

/** The member's admin confirms or declines; the association's admins are told. */
export async function decideLink(ctx: ServiceCtx, linkId: string, decision: unknown): Promise<{ ok: boolean }> {
  if (!ctx.actor) throw new UnauthorizedError();
  const link = isUuid(linkId) ? await repo.findLink(ctx.db, linkId) : undefined;
  if (!link) throw new NotFoundError();
  const memberAdmins = await repo.adminIdsOf(ctx.db, link.memberId);
  if (!canAssociation(ctx.actor, 'link.decide', { isAssociation: true, isAssociationAdmin: false, isMemberAdmin: memberAdmins.includes(ctx.actor.id) })) throw new NotFoundError();
  if (decision !== 'confirm' && decision !== 'decline') throw new ValidationError({ decision: 'platform.form.choice' });
  return ctx.db.transaction(async (tx) => {
    const ok = await repo.decideLink(tx, link.id, decision === 'confirm' ? 'active' : 'declined', ctx.actor!.id, ctx.now);
    if (!ok) return { ok: false };
    const [association, member] = [await repo.organisationFacts(tx, link.associationId), await repo.organisationFacts(tx, link.memberId)];
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: `association.link.${decision}`, objectType: 'organisation', objectId: link.associationId, ip: ctx.ip });
    await notify(tx, ctx.now, await repo.adminIdsOf(tx, link.associationId), 'associations.linkDecided', (t) => ({
      subject: t(decision === 'confirm' ? 'associations.mail.confirmed.subject' : 'associations.mail.declined.subject', { member: member?.name ?? '' }),
      body: t(decision === 'confirm' ? 'associations.mail.confirmed.body' : 'associations.mail.declined.body', { member: member?.name ?? '', association: association?.name ?? '', link: mailLink(`/associations/${link.associationId}`) }),
    }));
    return { ok: true };
  });
}

/** Either side ends a link. */
export async function removeLink(ctx: ServiceCtx, linkId: string): Promise<{ associationId: string }> {
  if (!ctx.actor) throw new UnauthorizedError();
  const link = isUuid(linkId) ? await repo.findLink(ctx.db, linkId) : undefined;
  if (!link) throw new NotFoundError();
  const facts: AssociationFacts = {
    isAssociation: true,
    isAssociationAdmin: (await repo.adminIdsOf(ctx.db, link.associationId)).includes(ctx.actor.id),
    isMemberAdmin: (await repo.adminIdsOf(ctx.db, link.memberId)).includes(ctx.actor.id),
  };
  if (!canAssociation(ctx.actor, 'link.remove', facts)) throw new NotFoundError();
  await ctx.db.transaction(async (tx) => {
    await repo.removeLink(tx, link.id);
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'association.link.remove', objectType: 'organisation', objectId: link.memberId, ip: ctx.ip });
  });
  return { associationId: link.associationId };
}

/** The associations an organisation is an active member of (named on its exchanges). */
export async function associationsOf(db: DbOrTx, organisationIds: string[]): Promise<{ id: string; name: string; memberId: string }[]> {
  return (await repo.linksOfMembers(db, organisationIds.filter(isUuid))).filter((l) => l.state === 'active').map((l) => ({ id: l.associationId, name: l.associationName, memberId: l.memberId }));
}

/** An exchange the association follows: one of an active member's, or 404. */
async function followedExchange(ctx: ServiceCtx, associationId: string, exchangeId: string): Promise<{ org: repo.OrganisationFacts; exchange: PublicExchange; facts: AssociationFacts }> {
  const { org, facts } = await factsOf(ctx, associationId);
  const exchange = await publicExchange(ctx.db, exchangeId);
  if (!exchange) throw new NotFoundError();
  const members = new Set((await repo.linksOfAssociation(ctx.db, org.id)).filter((l) => l.state === 'active').map((l) => l.memberId));
  if (!members.has(exchange.host.id) && !(exchange.peer && members.has(exchange.peer.id))) throw new NotFoundError();
  return { org, exchange, facts };
}

export async function briefFormData(ctx: ServiceCtx, associationId: string, exchangeId: string): Promise<{ association: repo.OrganisationFacts; exchange: PublicExchange }> {
  const { org, exchange, facts } = await followedExchange(ctx, associationId, exchangeId);
  if (!canAssociation(ctx.actor, 'association.manage', facts)) throw new NotFoundError();
  return { association: org, exchange };
}

export type Recipient = { name: string; email: string; lang: Locale; kind: RecipientKind };

/**
 * The recipients, one a line: `e-mail, name, language, kind` (language and kind may be left out:
 * the writer's language, "other"). Each bad line is reported with its number and what is wrong.
 */
export function parseRecipients(text: string, fallback: Locale): { recipients: Recipient[]; errors: string[] } {
  const recipients: Recipient[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const n = i + 1;
    const [email = '', name = '', lang = '', kind = ''] = line.split(/\s*[,;\t]\s*/);
    const mail = email.toLowerCase();
    if (!z.email().safeParse(mail).success || mail.length > 254) return void errors.push(keyWith('associations.brief.lineEmail', { line: n }));
    if (name.length > 200) return void errors.push(keyWith('associations.brief.lineName', { line: n, max: 200 }));
    const l = (lang || fallback).toLowerCase();
    if (!(LOCALES as readonly string[]).includes(l)) return void errors.push(keyWith('associations.brief.lineLanguage', { line: n, list: LOCALES.join(', ') }));
    const k = (kind || 'other').toLowerCase();
    if (!(RECIPIENT_KINDS as readonly string[]).includes(k)) return void errors.push(keyWith('associations.brief.lineKind', { line: n, list: RECIPIENT_KINDS.join(', ') }));
    if (seen.has(mail)) return void errors.push(keyWith('associations.brief.lineTwice', { line: n }));
    seen.add(mail);
    recipients.push({ email: mail, name: name || mail, lang: l as Locale, kind: k as RecipientKind });
  });
  return { recipients, errors };
}

/** Writes a brief of a member's exchange and queues it for each recipient (sent by the job, recorded as sent). */
export async function createBrief(ctx: ServiceCtx, associationId: string, exchangeId: string, raw: Record<string, unknown>): Promise<{ id: string }> {
  const { association: org, exchange } = await briefFormData(ctx, associationId, exchangeId);
  const note = typeof raw.note === 'string' ? raw.note.trim() : '';
  const errors: Record<string, string> = {};
  if (note.length > MAX_NOTE) errors.note = keyWith('platform.form.tooLong', { max: MAX_NOTE });
  const { recipients, errors: lines } = parseRecipients(typeof raw.recipients === 'string' ? raw.recipients : '', ctx.locale);
  if (lines.length) errors.recipients = lines[0]!;
  else if (!recipients.length) errors.recipients = 'associations.brief.noRecipient';
  else if (recipients.length > MAX_RECIPIENTS) errors.recipients = keyWith('associations.brief.tooMany', { max: MAX_RECIPIENTS });
  if (Object.keys(errors).length) throw new ValidationError(errors);
  perPersonLimit(await repo.briefsRecentlyBy(ctx.db, ctx.actor!.id, new Date(ctx.now.getTime() - 86_400_000)), BRIEFS_PER_DAY, 86_400_000, ctx.now);
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await repo.insertBrief(
      tx,
      { id, associationId: org.id, exchangeId: exchange.id, note, lang: ctx.locale, createdBy: ctx.actor!.id, createdAt: ctx.now },
      recipients.map((r) => ({ id: randomUUID(), briefId: id, name: r.name, email: r.email, kind: r.kind, lang: r.lang })),
    );
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'association.brief.create', objectType: 'exchange', objectId: exchange.id, ip: ctx.ip });
  });
  return { id };
}

export type BriefView = {
  id: string;
  association: repo.OrganisationFacts;
  exchange: PublicExchange;
  summary: StageSummary[];
  lessons: { id: string; title: { text: string; lang: string }; summary: { text: string; lang: string }; results: { text: string; lang: string } }[];
  note: { text: string; lang: string };
  createdAt: Date;
  recipients: repo.RecipientRow[] | null;
};

const inLanguage = (m: Record<string, string>, locale: string, original: string) => {
  const lang = m[locale] ? locale : m[original] ? original : (Object.keys(m)[0] ?? original);
  return { text: m[lang] ?? '', lang };
};

/**
 * A brief as its readers see it: public, at an address nobody can guess (its recipients have no
 * account); it holds only the exchange's public parts, the evaluations' summary and the published
 * lessons. Who received it is shown to the association's admins only.
 */
export async function briefView(ctx: ServiceCtx, briefId: string): Promise<BriefView> {
  const b = isUuid(briefId) ? await repo.findBrief(ctx.db, briefId) : undefined;
  if (!b) throw new NotFoundError();
  const [association, exchange] = [await repo.organisationFacts(ctx.db, b.associationId), await publicExchange(ctx.db, b.exchangeId)];
  if (!association || !exchange) throw new NotFoundError();
  const isAdmin = !!ctx.actor && (await repo.adminIdsOf(ctx.db, association.id)).includes(ctx.actor.id);
  const lessons = (await repo.lessonsOfExchange(ctx.db, exchange.id)).map((l) => ({
    id: l.id,
    title: inLanguage(l.title, ctx.locale, l.original_language),
    summary: inLanguage(l.summary, ctx.locale, l.original_language),
    results: inLanguage(l.results, ctx.locale, l.original_language),
  }));
  return {
    id: b.id,
    association,
    exchange,
    summary: await evaluationSummary(ctx.db, exchange.id),
    lessons,
    note: { text: b.note, lang: b.lang },
    createdAt: b.createdAt,
    recipients: isAdmin ? await repo.recipientsOf(ctx.db, b.id) : null,
  };
}

/**
 * The sending job: each unsent recipient gets the brief in their language — a short mail with the
 * brief's address and, for the Latin-script languages, the PDF — then is recorded as sent. Rows are
 * claimed (SKIP LOCKED), so several processes never send one twice; a failure is retried a few times.
 */
export async function sendBriefs(env: { db: DbOrTx; now: Date; mailer: Mailer; baseUrl: string; log?: Logger; pdf: (v: BriefView, locale: Locale) => Promise<Buffer | null> }, limit = 20): Promise<number> {
  let sent = 0;
  await env.db.transaction(async (tx) => {
    const claimed = await repo.claimUnsent(tx, limit);
    for (const r of claimed) {
      const locale = r.lang as Locale;
      const t = i18n().translator(locale);
      try {
        const view = await briefView({ db: tx, actor: null, locale, now: env.now, ip: undefined }, r.briefId);
        const url = `${env.baseUrl.replace(/\/$/, '')}/${locale}/briefs/${r.briefId}`;
        const pdf = await env.pdf(view, locale);
        await env.mailer.send({
          to: r.email,
          ...composeFramed({
            locale,
            name: r.name,
            subject: t('associations.mail.brief.subject', { association: view.association.name, title: view.exchange.title }),
            body: t('associations.mail.brief.body', { association: view.association.name, title: view.exchange.title }),
            action: { label: t('associations.mail.brief.action'), url },
            why: t('associations.mail.brief.why', { association: view.association.name }),
            footer: [],
          }),
          attachments: pdf ? [{ filename: 'lessons-brief.pdf', contentType: 'application/pdf', content: pdf.toString('base64'), encoding: 'base64' }] : undefined,
        });
        await repo.markSent(tx, r.id, env.now);
        sent++;
      } catch (e) {
        env.log?.warn('lessons brief not sent', { recipient: r.id, error: String(e) });
        await repo.markFailed(tx, r.id);
      }
    }
  });
  return sent;
}

// ---------- personal data ----------

export async function exportPersonalData(db: DbOrTx, userId: string): Promise<Record<string, unknown>> {
  return { lessonsBriefs: (await repo.briefsBy(db, userId)).map((b) => ({ id: b.id, exchangeId: b.exchangeId, note: b.note, createdAt: b.createdAt })) };
}

/** The briefs and links stay (they are the association's); who wrote or decided them is forgotten. */
export async function erasePersonalData(tx: DbOrTx, userId: string): Promise<void> {
  await repo.forgetPerson(tx, userId);
}
