/**
 * The newsletter's face. Issues: a network's coordinators or a programme's secretariat write one or
 * more language versions, preview them with the recipient count, then send. Sending writes one
 * delivery row per recipient address (unique per issue and normalised address: never twice to one
 * person, also a member who subscribed too) in one transaction; `sendDue` (a manifest job, and a kick
 * after the "send" click) claims them with FOR UPDATE SKIP LOCKED and a lease, so a crash mid-send
 * resumes where it stopped. Subscribing without an account is double opt-in: nothing is sent to an
 * address before its confirmation link (single-use, stored as sha256) was followed; the consent is
 * recorded with the text's version and time. Every mail carries its own token (sha256 stored) for
 * the preferences page and the one-click unsubscribe of RFC 8058.
 */
import { randomBytes } from 'node:crypto';
import type { ServiceCtx } from '../../platform/http.ts';
import type { DbOrTx } from '../../platform/db.ts';
import type { Mailer } from '../../platform/mail.ts';
import { composeFramed, type ComposedMail } from '../../platform/mail-template.ts';
import { NotFoundError, SignInRequired, ValidationError, type FieldErrors } from '../../platform/errors.ts';
import { mustParse } from '../../platform/validation.ts';
import { href } from '../../platform/http.ts';
import { i18n, isLocale, localized, LOCALES, type Locale, type T } from '../../platform/i18n.ts';
import { audit } from '../../platform/audit.ts';
import { isUuid } from '../../platform/ids.ts';
import { sha256 } from '../../platform/session.ts';
import { perPersonLimit } from '../../platform/security.ts';
import { canCoordinate, networkFacts, networkFactsBySlug, networkOptions } from '../networks/networks.service.ts';
import { canProgramme } from '../programmes/programmes.policy.ts';
import { getTimeline, listProgrammesPublic } from '../programmes/programmes.service.ts';
import * as repo from './news.repository.ts';
import { canNews, normaliseEmail, versionFor } from './news.policy.ts';
import { CONFIRM_TTL_MS, CONSENT_VERSION, issueInput, preferencesInput, subscribeInput, SUBSCRIBE_PER_ADDRESS, SUBSCRIBE_PER_IP, SUBSCRIBE_WINDOW_MS, TOKEN } from './news.schema.ts';

export { CONSENT_VERSION } from './news.schema.ts';
export type NewsEnv = { baseUrl: string };
export type ListKind = repo.ListKind;
export type LocalizedText = { text: string; lang: string };
/** A newsletter: a network's or a programme's, with its name in the reader's language. */
export type NewsList = { kind: ListKind; id: string; slug: string; name: LocalizedText };

const listKey = (l: { kind: ListKind; slug: string }) => `${l.kind}:${l.slug}`;
const newToken = () => randomBytes(32).toString('base64url');
const base = (env: NewsEnv) => env.baseUrl.replace(/\/$/, '');

// ---------- lists ----------

/** Every newsletter: the networks' and the programmes'. */
export async function allLists(ctx: Pick<ServiceCtx, 'db' | 'locale' | 'actor' | 'now'>): Promise<NewsList[]> {
  const nets = (await networkOptions(ctx.db)).map((n) => ({ kind: 'network' as const, id: n.id, slug: n.slug, name: text(n.name, ctx.locale) }));
  const progs = (await listProgrammesPublic(ctx as ServiceCtx)).map(({ programme: p }) => ({ kind: 'programme' as const, id: p.id, slug: p.slug, name: { text: p.name, lang: 'en' } }));
  return [...nets, ...progs];
}

function text(v: Record<string, string>, locale: Locale): LocalizedText {
  const l = localized(v, locale, 'en');
  return { text: l.text, lang: l.lang };
}

async function listOf(ctx: ServiceCtx, kind: ListKind, slug: string): Promise<NewsList> {
  const l = (await allLists(ctx)).find((x) => x.kind === kind && x.slug === slug);
  if (!l) throw new NotFoundError();
  return l;
}

async function listOfIssue(ctx: Pick<ServiceCtx, 'db' | 'locale' | 'actor' | 'now'>, i: repo.IssueRow): Promise<NewsList> {
  const l = (await allLists(ctx)).find((x) => (i.networkId ? x.kind === 'network' && x.id === i.networkId : x.kind === 'programme' && x.id === i.programmeId));
  if (!l) throw new NotFoundError();
  return l;
}

/** Whether the actor writes this list's issues. */
export async function manages(ctx: ServiceCtx, list: { kind: ListKind; id: string }): Promise<boolean> {
  if (!ctx.actor) return false;
  return list.kind === 'network' ? canCoordinate(ctx, list.id) : canProgramme(ctx.actor, 'programme.postNews');
}

/** The list named by `?network=slug` or `?programme=slug`, for the one who writes its issues; 404 for anyone else. */
export async function managedList(ctx: ServiceCtx, q: { network?: string; programme?: string }): Promise<NewsList> {
  if (!ctx.actor) throw new SignInRequired();
  const l = q.network ? await listOf(ctx, 'network', q.network) : q.programme ? await listOf(ctx, 'programme', q.programme) : null;
  if (!l || !(await manages(ctx, l))) throw new NotFoundError();
  return l;
}

// ---------- issues ----------

export type Version = { lang: string; subject: string; body: string };
export type IssueView = {
  id: string;
  list: NewsList;
  state: string;
  lang: string;
  versions: Version[];
  /** The version for this reader. */
  shown: Version;
  authorName: string;
  sentAt: Date | null;
  createdAt: Date;
  recipientCount: number | null;
  manages: boolean;
};

function parseVersions(raw: Record<string, unknown>): { lang: Locale; versions: Version[] } {
  const v = mustParse(issueInput, raw) as Record<string, string | undefined> & { lang: Locale };
  const errors: FieldErrors = {};
  const versions: Version[] = [];
  for (const l of LOCALES) {
    const subject = v[`subject_${l}`] ?? '';
    const body = v[`body_${l}`] ?? '';
    if (!subject && !body && l !== v.lang) continue;
    if (!subject) errors[`subject_${l}`] = 'platform.form.required';
    if (!body) errors[`body_${l}`] = 'platform.form.required';
    versions.push({ lang: l, subject, body });
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
  // The language written first leads the list.
  versions.sort((a, b) => (a.lang === v.lang ? -1 : b.lang === v.lang ? 1 : 0));
  return { lang: v.lang, versions };
}

async function view(ctx: ServiceCtx, i: repo.IssueRow, m: boolean): Promise<IssueView> {
  const versions = (await repo.versionsOf(ctx.db, [i.id])).map((v) => ({ lang: v.lang, subject: v.subject, body: v.body }));
  versions.sort((a, b) => (a.lang === i.lang ? -1 : b.lang === i.lang ? 1 : a.lang.localeCompare(b.lang)));
  return {
    id: i.id,
    list: await listOfIssue(ctx, i),
    state: i.state,
    lang: i.lang,
    versions,
    shown: versionFor(versions, ctx.locale, i.lang) ?? { lang: i.lang, subject: '', body: '' },
    authorName: await repo.authorNameOf(ctx.db, i.authorId),
    sentAt: i.sentAt,
    createdAt: i.createdAt,
    recipientCount: i.recipientCount,
    manages: m,
  };
}

async function load(ctx: ServiceCtx, id: string): Promise<{ i: repo.IssueRow; m: boolean }> {
  const i = isUuid(id) ? await repo.issueById(ctx.db, id) : null;
  if (!i) throw new NotFoundError();
  const m = await manages(ctx, i.networkId ? { kind: 'network', id: i.networkId } : { kind: 'programme', id: i.programmeId! });
  if (!canNews('issue.read', { manages: m }, i)) throw new NotFoundError();
  return { i, m };
}

async function loadDraft(ctx: ServiceCtx, id: string): Promise<{ i: repo.IssueRow; m: boolean }> {
  if (!ctx.actor) throw new SignInRequired();
  const out = await load(ctx, id);
  if (!out.m) throw new NotFoundError();
  return out;
}

/** A new draft issue of a list the actor writes for. Outcomes: `{ id }`; NotFoundError; ValidationError. */
export async function createIssue(ctx: ServiceCtx, q: { network?: string; programme?: string }, raw: Record<string, unknown>): Promise<{ id: string }> {
  const l = await managedList(ctx, q);
  const v = parseVersions(raw);
  return ctx.db.transaction(async (tx) => {
    const id = await repo.insertIssue(tx, { networkId: l.kind === 'network' ? l.id : null, programmeId: l.kind === 'programme' ? l.id : null, authorId: ctx.actor!.id, lang: v.lang, now: ctx.now });
    await repo.setVersions(tx, id, v.lang, v.versions, ctx.now);
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'news.issueCreated', objectType: 'news_issue', objectId: id, ip: ctx.ip });
    return { id };
  });
}

/** Saves a draft's versions (a sent issue is not edited: 404). */
export async function updateIssue(ctx: ServiceCtx, id: string, raw: Record<string, unknown>): Promise<{ id: string }> {
  const { i, m } = await loadDraft(ctx, id);
  if (!canNews('issue.write', { manages: m }, i)) throw new NotFoundError();
  const v = parseVersions(raw);
  await ctx.db.transaction((tx) => repo.setVersions(tx, id, v.lang, v.versions, ctx.now));
  return { id };
}

/** The form's values of a draft. */
export async function editForm(ctx: ServiceCtx, id: string): Promise<{ issue: IssueView; values: Record<string, unknown> }> {
  const { i, m } = await loadDraft(ctx, id);
  if (!canNews('issue.write', { manages: m }, i)) throw new NotFoundError();
  const issue = await view(ctx, i, m);
  const values: Record<string, unknown> = { lang: i.lang };
  for (const v of issue.versions) Object.assign(values, { [`subject_${v.lang}`]: v.subject, [`body_${v.lang}`]: v.body });
  return { issue, values };
}

/** The preview: every version as it will be read, and how many addresses it goes to. */
export async function preview(ctx: ServiceCtx, id: string): Promise<{ issue: IssueView; recipients: number }> {
  const { i, m } = await loadDraft(ctx, id);
  const list = i.networkId ? { kind: 'network' as const, id: i.networkId } : { kind: 'programme' as const, id: i.programmeId! };
  return { issue: await view(ctx, i, m), recipients: (await repo.recipientsOf(ctx.db, list)).length };
}

export type SendOutcome = { ok: true; recipients: number } | { ok: false; reason: 'already_sent' };

/**
 * Sends a draft: one delivery row per recipient address, in one transaction on the locked issue
 * (two clicks at once send once). The mails leave through `sendDue`.
 */
export async function sendIssue(ctx: ServiceCtx, id: string): Promise<SendOutcome> {
  const { m } = await loadDraft(ctx, id);
  return ctx.db.transaction(async (tx) => {
    const i = await repo.lockIssue(tx, id);
    if (!i) throw new NotFoundError();
    if (!canNews('issue.send', { manages: m }, i)) return { ok: false, reason: 'already_sent' } as const;
    const list = i.networkId ? { kind: 'network' as const, id: i.networkId } : { kind: 'programme' as const, id: i.programmeId! };
    const recipients = await repo.recipientsOf(tx, list);
    await repo.insertDeliveries(tx, id, recipients, ctx.now);
    await repo.markIssue(tx, id, { state: recipients.length ? 'sending' : 'sent', recipientCount: recipients.length, sentAt: ctx.now, now: ctx.now });
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'news.issueSent', objectType: 'news_issue', objectId: id, ip: ctx.ip });
    return { ok: true, recipients: recipients.length } as const;
  });
}

/** An issue for its readers (sent) or its writers (a draft too). `lang` asks for a version. */
export async function getIssue(ctx: ServiceCtx, id: string, lang?: string): Promise<IssueView> {
  const { i, m } = await load(ctx, id);
  const v = await view(ctx, i, m);
  const asked = lang ? v.versions.find((x) => x.lang === lang) : undefined;
  return asked ? { ...v, shown: asked } : v;
}

export type Archive = { list: NewsList; issues: IssueView[]; drafts: IssueView[]; manages: boolean; timeline: { at: Date; title: string }[] };

/** A list's archive: its sent issues, newest first; its drafts for those who write them (and the programme's timeline news to mail). */
export async function archive(ctx: ServiceCtx, kind: ListKind, slug: string, limit = 50): Promise<Archive> {
  const list = await listOf(ctx, kind, slug);
  const m = await manages(ctx, list);
  const all = await repo.issuesOf(ctx.db, list, { drafts: m, limit });
  const views = await Promise.all(all.map((i) => view(ctx, i, m)));
  const timeline = m && kind === 'programme' ? (await getTimeline(ctx, slug)).entries.filter((e) => e.kind === 'news').map((e) => ({ at: e.at, title: e.title })) : [];
  return { list, issues: views.filter((v) => v.state !== 'draft'), drafts: views.filter((v) => v.state === 'draft'), manages: m, timeline };
}

/** The network page's section: the latest issues and the subscribe link. */
export async function latestOfNetwork(ctx: ServiceCtx, networkId: string): Promise<{ list: NewsList; issues: IssueView[]; manages: boolean } | null> {
  const n = await networkFacts(ctx.db, networkId);
  if (!n) return null;
  const a = await archive(ctx, 'network', n.slug, 3);
  return { list: a.list, issues: a.issues, manages: a.manages };
}

/** "Mail this news item": a draft issue from a news item of the programme's timeline (the secretariat). */
export async function issueFromTimeline(ctx: ServiceCtx, slug: string, raw: Record<string, unknown>): Promise<{ id: string }> {
  const list = await managedList(ctx, { programme: slug });
  const at = typeof raw.at === 'string' ? new Date(raw.at) : null;
  const item = at && !isNaN(at.getTime()) ? (await getTimeline(ctx, slug)).entries.find((e) => e.kind === 'news' && e.at.getTime() === at.getTime()) : undefined;
  if (!item) throw new NotFoundError();
  return createIssue(ctx, { programme: list.slug }, { lang: ctx.locale, [`subject_${ctx.locale}`]: item.title, [`body_${ctx.locale}`]: item.body || item.title });
}

// ---------- sending ----------

const LEASE_MS = 5 * 60_000;

/** An issue as mail: the template's frame (greeting, the issue, "Read online", why, the list's preferences and one-click unsubscribe). */
export function newsletterMail(locale: Locale, t: T, v: Version, list: NewsList, links: { preferences: string; unsubscribe: string; issue: string }): ComposedMail {
  return composeFramed({
    locale,
    subject: `[${list.name.text}] ${v.subject}`,
    body: v.body,
    action: { label: t('news.mail.readOnline'), url: links.issue },
    why: t('news.mail.footer', { list: list.name.text }),
    footer: [
      { label: t('news.mail.preferencesLabel'), url: links.preferences },
      { label: t('news.mail.unsubscribeLabel'), url: links.unsubscribe },
    ],
  });
}

/**
 * Sends due deliveries, up to `limit`: each claimed (FOR UPDATE SKIP LOCKED, leased), sent through
 * the mailer with its own token's List-Unsubscribe headers, and marked sent at once, so a crash
 * loses at most the mail in flight (its lease runs out and it is sent again). Returns the counts.
 */
export async function sendDue(db: DbOrTx, mailer: Mailer, now: Date, env: NewsEnv & { limit?: number }): Promise<{ sent: number; failed: number }> {
  const claimed = await repo.claimDeliveries(db, now, new Date(now.getTime() + LEASE_MS), env.limit ?? 100);
  let sent = 0;
  let failed = 0;
  const issues = new Map<string, { i: repo.IssueRow; versions: Version[] }>();
  const lists = new Map<string, NewsList>();
  for (const d of claimed) {
    try {
      let it = issues.get(d.issue_id);
      if (!it) {
        const i = (await repo.issueById(db, d.issue_id))!;
        it = { i, versions: await repo.versionsOf(db, [i.id]) };
        issues.set(d.issue_id, it);
      }
      const locale: Locale = isLocale(d.locale) ? d.locale : 'en';
      const t = i18n().translator(locale);
      const listCacheKey = `${it.i.id}:${locale}`;
      let list = lists.get(listCacheKey);
      if (!list) lists.set(listCacheKey, (list = await listOfIssue({ db: db as ServiceCtx['db'], locale, actor: null, now }, it.i)));
      const v = versionFor(it.versions, locale, it.i.lang)!;
      const token = newToken();
      const unsubscribe = `${base(env)}/news/unsubscribe/${token}`;
      await mailer.send({
        to: d.email_norm,
        ...newsletterMail(locale, t, v, list, { unsubscribe: `${base(env)}${href(locale, `/news/unsubscribe/${token}`)}`, preferences: `${base(env)}${href(locale, `/news/preferences/${token}`)}`, issue: `${base(env)}${href(locale, `/news/issues/${it.i.id}?lang=${v.lang}`)}` }),
        headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'List-Id': `<${list.kind}-${list.slug}.news.peerlink>` },
      });
      await repo.markDelivered(db, d.id, sha256(token), now);
      sent++;
    } catch (e) {
      await repo.markDeliveryFailed(db, d.id, new Date(now.getTime() + Math.min(6 * 3_600_000, 60_000 * 2 ** 3)), (e instanceof Error ? e.message : String(e)).slice(0, 500));
      failed++;
    }
  }
  await repo.finishIssues(db, now);
  return { sent, failed };
}

// ---------- subscribing without an account ----------

export type SubscribeRequest = { email: string; locale: Locale; token: string };

/**
 * A visitor asks for newsletters: the address (created unconfirmed when new) gets a single-use
 * confirmation token; nothing else is sent to it until the token is used. At most
 * SUBSCRIBE_PER_IP requests an hour from one IP and SUBSCRIBE_PER_ADDRESS for one address (429).
 * Returns what the caller mails (the raw token exists only there).
 */
export async function subscribe(ctx: ServiceCtx, raw: Record<string, unknown>): Promise<SubscribeRequest> {
  const v = mustParse(subscribeInput, raw);
  const lists = await allLists(ctx);
  const chosen = [...new Set(v.lists)].map((k) => lists.find((l) => listKey(l) === k));
  if (chosen.some((l) => !l)) throw new ValidationError({ lists: 'platform.form.choice' });
  const email = normaliseEmail(v.email);
  const ipHash = sha256(`news:${ctx.ip ?? ''}`);
  const since = new Date(ctx.now.getTime() - SUBSCRIBE_WINDOW_MS);
  perPersonLimit(await repo.recentConfirmations(ctx.db, { ipHash }, since), SUBSCRIBE_PER_IP, SUBSCRIBE_WINDOW_MS, ctx.now);
  const token = newToken();
  await ctx.db.transaction(async (tx) => {
    const s = await repo.ensureSubscriber(tx, email, v.locale, ctx.now);
    perPersonLimit(await repo.recentConfirmations(tx, { subscriberId: s.id }, since), SUBSCRIBE_PER_ADDRESS, SUBSCRIBE_WINDOW_MS, ctx.now);
    await repo.insertConfirmation(tx, { subscriberId: s.id, tokenHash: sha256(token), lists: chosen.map((l) => listKey(l!)), locale: v.locale, consentVersion: CONSENT_VERSION, ipHash, createdAt: ctx.now, expiresAt: new Date(ctx.now.getTime() + CONFIRM_TTL_MS) });
  });
  return { email, locale: v.locale, token };
}

/** The confirmation mail of a subscription request, in the language chosen. */
export async function mailConfirmation(mailer: Mailer, env: NewsEnv, r: SubscribeRequest): Promise<void> {
  const t = i18n().translator(r.locale);
  const mail = composeFramed({
    locale: r.locale,
    subject: t('news.confirm.mailSubject'),
    body: t('news.confirm.mailBody'),
    action: { label: t('news.confirm.mailAction'), url: `${base(env)}${href(r.locale, `/news/confirm/${r.token}`)}` },
    why: t('news.confirm.mailWhy'),
    footer: [],
  });
  await mailer.send({ to: r.email, ...mail });
}

const tokenOk = (token: string) => TOKEN.test(token);

/** Whether a confirmation link is good (for its page with the button). */
export async function confirmationValid(ctx: ServiceCtx, token: string): Promise<boolean> {
  const c = tokenOk(token) ? await repo.confirmationByToken(ctx.db, sha256(token)) : null;
  return !!c && !c.usedAt && c.expiresAt > ctx.now;
}

/** Confirms a subscription request (once): its lists are added, the consent recorded with the text's version and time. */
export async function confirm(ctx: ServiceCtx, token: string): Promise<{ ok: true; lists: NewsList[] } | { ok: false; reason: 'invalid' }> {
  const c = tokenOk(token) ? await repo.confirmationByToken(ctx.db, sha256(token)) : null;
  if (!c || c.usedAt || c.expiresAt <= ctx.now) return { ok: false, reason: 'invalid' };
  const all = await allLists(ctx);
  const lists = c.lists.map((k) => all.find((l) => listKey(l) === k)).filter((l): l is NewsList => !!l);
  return ctx.db.transaction(async (tx) => {
    if (!(await repo.useConfirmation(tx, c.id, ctx.now))) return { ok: false, reason: 'invalid' } as const;
    await repo.confirmSubscriber(tx, c.subscriberId, { locale: c.locale, consentVersion: c.consentVersion, now: ctx.now });
    await repo.addSubscriptions(tx, c.subscriberId, lists, ctx.now);
    return { ok: true, lists } as const;
  });
}

type TokenHolder = { delivery: NonNullable<Awaited<ReturnType<typeof repo.deliveryByToken>>>; list: { kind: ListKind; id: string } };

async function holder(ctx: ServiceCtx, token: string): Promise<TokenHolder | null> {
  const d = tokenOk(token) ? await repo.deliveryByToken(ctx.db, sha256(token)) : null;
  if (!d) return null;
  return { delivery: d, list: d.networkId ? { kind: 'network', id: d.networkId } : { kind: 'programme', id: d.programmeId! } };
}

/** The list a mail's token unsubscribes from (for the page with the button); null for an unknown token. */
export async function unsubscribeTarget(ctx: ServiceCtx, token: string): Promise<NewsList | null> {
  const h = await holder(ctx, token);
  if (!h) return null;
  return (await allLists(ctx)).find((l) => l.kind === h.list.kind && l.id === h.list.id) ?? null;
}

/**
 * One-click unsubscribe (RFC 8058): the mail's token alone, no session, no CSRF token. A member is
 * opted out of the list, a subscriber's subscription to it removed. Idempotent.
 */
export async function unsubscribe(ctx: ServiceCtx, token: string): Promise<{ ok: boolean }> {
  const h = await holder(ctx, token);
  if (!h) return { ok: false };
  await ctx.db.transaction(async (tx) => {
    if (h.delivery.userId) await repo.optOut(tx, h.delivery.userId, h.list, ctx.now);
    if (h.delivery.subscriberId) await repo.removeSubscription(tx, h.delivery.subscriberId, h.list);
  });
  return { ok: true };
}

export type Preferences = { lists: NewsList[]; chosen: string[]; locale: string | null; member: boolean };

/** The preferences page of a mail's token: which lists the address receives (a subscriber also chooses the language). */
export async function preferences(ctx: ServiceCtx, token: string): Promise<Preferences> {
  const h = await holder(ctx, token);
  if (!h) throw new NotFoundError();
  const all = await allLists(ctx);
  if (h.delivery.subscriberId) {
    const s = await repo.subscriberById(ctx.db, h.delivery.subscriberId);
    if (!s) throw new NotFoundError();
    const subs = await repo.subscriptionsOf(ctx.db, s.id);
    return { lists: all, chosen: all.filter((l) => subs.some((x) => x.kind === l.kind && x.id === l.id)).map(listKey), locale: s.locale, member: false };
  }
  // A member chooses among their network's list and the programmes' (they are not opted in elsewhere).
  const outs = await repo.optOutsOf(ctx.db, h.delivery.userId!);
  const own = all.filter((l) => l.kind === h.list.kind && l.id === h.list.id);
  return { lists: own, chosen: own.filter((l) => !outs.some((o) => o.kind === l.kind && o.id === l.id)).map(listKey), locale: null, member: true };
}

export async function savePreferences(ctx: ServiceCtx, token: string, raw: Record<string, unknown>): Promise<{ ok: true }> {
  const h = await holder(ctx, token);
  if (!h) throw new NotFoundError();
  const v = mustParse(preferencesInput, raw);
  const all = await allLists(ctx);
  const chosen = all.filter((l) => v.lists.includes(listKey(l)));
  await ctx.db.transaction(async (tx) => {
    if (h.delivery.subscriberId) {
      await repo.setSubscriptions(tx, h.delivery.subscriberId, chosen, ctx.now);
      if (v.locale) await repo.setSubscriberLocale(tx, h.delivery.subscriberId, v.locale);
    } else if (h.delivery.userId) {
      if (chosen.some((l) => l.kind === h.list.kind && l.id === h.list.id)) await repo.optIn(tx, h.delivery.userId, h.list);
      else await repo.optOut(tx, h.delivery.userId, h.list, ctx.now);
    }
  });
  return { ok: true };
}

/** The subscription form's choices, with the list named by `?network=`/`?programme=` chosen. */
export async function subscribeForm(ctx: ServiceCtx, q: { network?: string; programme?: string }): Promise<{ lists: NewsList[]; chosen: string[] }> {
  const lists = await allLists(ctx);
  const chosen = q.network ? [`network:${q.network}`] : q.programme ? [`programme:${q.programme}`] : [];
  return { lists, chosen: chosen.filter((k) => lists.some((l) => listKey(l) === k)) };
}

export { listKey };

/** For the demo seed: the network of a slug. */
export const networkBySlug = networkFactsBySlug;

// ---------- personal data ----------

export async function exportPersonalData(db: DbOrTx, userId: string): Promise<Record<string, unknown>> {
  return { newsletters: await repo.personalData(db, userId) };
}

export async function erasePersonalData(tx: DbOrTx, userId: string): Promise<void> {
  await repo.erase(tx, userId);
}

/** Retention (SECURITY.md 34): used or expired confirmation links after a day, and addresses never confirmed. */
export async function expireUnconfirmed(db: DbOrTx, now: Date): Promise<{ files?: string[] }> {
  await repo.purgeUnconfirmed(db, now, 86_400_000);
  return {};
}
