/**
 * Discussions and peer consultation in a network (issue 12). A topic is a **discussion** or a
 * **consultation** (a member's concrete challenge: context, what was tried, the question); replies
 * may quote a post; the asker marks the answer; members say "this helped" (once per post); the asker
 * or a coordinator closes a topic with a summary, and a closed consultation can become a
 * good-practice draft (knowledge.service, for those who may draft there).
 *
 * Who reads: members who accepted the network's current guidelines and its coordinators — never
 * visitors, and behind the consent to the privacy notice (the routes), because members bring their
 * cities' real challenges under the network's confidentiality statement (Connective Cities:
 * "confidential handling of participants' data"). Both kinds are for members only; the network page
 * tells others that members discuss there and how to join.
 *
 * Safety: rich text sanitized on save (discussions.sanitize.ts); per-person posting limits (429 with
 * Retry-After); a member's first two posts in a network wait for a coordinator; reports go through
 * the moderation module (three members hide a post); coordinators lock, move, hide and approve;
 * edits keep the earlier versions. Every verb opens with the actor's standing and one check in
 * discussions.policy.ts; what the actor may not see answers NotFoundError, as a missing topic does.
 */
import type { ServiceCtx } from '../../platform/http.ts';
import type { WaitingItem } from '../../platform/module.ts';
import type { DbOrTx } from '../../platform/db.ts';
import { NotFoundError, RateLimitError, SignInRequired, ValidationError } from '../../platform/errors.ts';
import { mustParse } from '../../platform/validation.ts';
import { localized, type Locale, type T } from '../../platform/i18n.ts';
import { emit } from '../../platform/events.ts';
import { audit } from '../../platform/audit.ts';
import { isUuid } from '../../platform/ids.ts';
import { notify, mailLink } from '../../platform/outbox.ts';
import { replyDomain } from '../../platform/inbound-mail.ts';
import { createHash, randomBytes } from 'node:crypto';
import { canCoordinate, canParticipate, coordinatorIdsOf, memberIdsOf, networkFacts, networkFactsBySlug, networksCoordinatedBy, type NetworkFacts } from '../networks/networks.service.ts';
import { rankColleagues, type Colleague } from '../matching/matching.service.ts';
import { canEdit as canDraftGoodPractice, createDraft } from '../knowledge/knowledge.service.ts';
import { languageOf } from '../translations/translations.service.ts';
import * as repo from './discussions.repository.ts';
import { canDiscuss, retryAfterSeconds, waitsForApproval, workingDaysBefore, type DiscussionAction, type DiscussionStanding } from './discussions.policy.ts';
import { closeInput, editInput, inviteInput, moveInput, replyInput, topicInput, watchInput } from './discussions.schema.ts';
import { plainText, sanitizeRich } from './discussions.sanitize.ts';
import './discussions.events.ts';

export type { DiscussionStanding } from './discussions.policy.ts';
export type NetworkRef = { id: string; slug: string; name: { text: string; lang: string } };
export type TopicKind = 'discussion' | 'consultation';

/** How many suggested colleagues a consultation shows its coordinators. */
export const SUGGESTIONS = 5;
/** A consultation nobody answered after this many working days shows on the coordinators' page. */
export const UNANSWERED_WORKING_DAYS = 5;

const ref = (n: NetworkFacts, locale: Locale): NetworkRef => {
  const l = localized(n.name, locale, 'en');
  return { id: n.id, slug: n.slug, name: { text: l.text, lang: l.lang } };
};

async function standingOf(ctx: ServiceCtx, networkId: string): Promise<DiscussionStanding> {
  if (!ctx.actor) return { userId: null, participates: false, coordinates: false };
  return { userId: ctx.actor.id, participates: await canParticipate(ctx, networkId), coordinates: await canCoordinate(ctx, networkId) };
}

async function networkBySlug(ctx: ServiceCtx, slug: string): Promise<{ n: NetworkFacts; s: DiscussionStanding }> {
  const n = await networkFactsBySlug(ctx.db, slug);
  if (!n) throw new NotFoundError();
  return { n, s: await standingOf(ctx, n.id) };
}

const topicFacts = (t: repo.TopicRow) => ({ kind: t.kind, state: t.state, locked: t.locked, hidden: t.hidden, authorId: t.authorId });
const postFacts = (p: repo.PostRow) => ({ authorId: p.authorId, isOpening: p.isOpening, state: p.state });

/** The topic when the actor may do `action` on it; a visitor is asked to sign in, anyone else refused gets 404. */
async function loadTopic(ctx: ServiceCtx, topicId: string, action: DiscussionAction): Promise<{ t: repo.TopicRow; n: NetworkFacts; s: DiscussionStanding }> {
  if (!ctx.actor) throw new SignInRequired();
  const t = isUuid(topicId) ? await repo.topicById(ctx.db, topicId) : null;
  if (!t) throw new NotFoundError();
  const n = await networkFacts(ctx.db, t.networkId);
  if (!n) throw new NotFoundError();
  const s = await standingOf(ctx, n.id);
  if (!canDiscuss(s, 'topic.read', topicFacts(t))) throw new NotFoundError();
  const opening = await repo.openingPost(ctx.db, t.id);
  // A topic waiting for approval is seen by its author and the coordinators only.
  if (opening?.state === 'pending' && !s.coordinates && opening.authorId !== ctx.actor.id) throw new NotFoundError();
  if (action !== 'topic.read' && !canDiscuss(s, action, topicFacts(t))) throw new NotFoundError();
  return { t, n, s };
}

async function loadPost(ctx: ServiceCtx, postId: string, action: DiscussionAction): Promise<{ p: repo.PostRow; t: repo.TopicRow; n: NetworkFacts; s: DiscussionStanding }> {
  const p = isUuid(postId) ? await repo.postById(ctx.db, postId) : null;
  if (!p) throw new NotFoundError();
  const { t, n, s } = await loadTopic(ctx, p.topicId, 'topic.read');
  if (p.state === 'pending' && !s.coordinates && p.authorId !== ctx.actor!.id) throw new NotFoundError();
  if (!canDiscuss(s, action, topicFacts(t), postFacts(p))) throw new NotFoundError();
  return { p, t, n, s };
}

/** Per-person limits (SECURITY.md 26): a RateLimitError (429, Retry-After) in the person's language through the error handler. */
async function checkLimits(ctx: ServiceCtx, userId: string): Promise<void> {
  const wait = retryAfterSeconds(await repo.recentPostTimes(ctx.db, userId, new Date(ctx.now.getTime() - 24 * 3600_000)), ctx.now);
  if (wait > 0) throw new RateLimitError(wait);
}

/** The network's name in the language of a mail's recipient (the catalogue says which language `t` speaks). */
const nameIn = (n: NetworkFacts, t: T) => localized(n.name, (t('discussions.meta.lang') as Locale) ?? 'en', 'en').text;

const excerpt = (html: string, max = 400) => {
  const s = plainText(html);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
};

// ---------- mail ----------

/**
 * Who is told about a newly visible post: with a setting for the topic, that one; otherwise the
 * network's. `watch`: every post; `normal` (the default): topics one wrote in or was invited to;
 * `mute`: nothing. Only people who still take part (members, coordinators) and never the author.
 */
async function recipientsOf(db: DbOrTx, t: repo.TopicRow, authorId: string | null, isOpening: boolean): Promise<string[]> {
  const settings = await repo.watchSettings(db, t.networkId, isOpening ? null : t.id);
  const involved = isOpening ? new Set<string>() : new Set([...(await repo.authorsIn(db, t.id)), ...(await repo.invitedTo(db, t.id)).map((i) => i.userId)]);
  const present = new Set([...(await memberIdsOf(db, t.networkId)), ...(await coordinatorIdsOf(db, t.networkId))]);
  const out: string[] = [];
  for (const id of new Set([...settings.keys(), ...involved])) {
    if (id === authorId || !present.has(id)) continue;
    const s = settings.get(id) ?? {};
    const level = s.topic ?? s.network ?? 'normal';
    if (level === 'watch' || (level === 'normal' && involved.has(id))) out.push(id);
  }
  return out;
}

/** How long a reply address works. */
export const REPLY_TOKEN_DAYS = 30;
export const hashReplyToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Per-recipient reply addresses for mail about a topic (`reply+<token>@<domain>`): a fresh random
 * token each, stored as its SHA-256 for REPLY_TOKEN_DAYS. None when the process receives no mail.
 */
async function replyAddresses(tx: DbOrTx, now: Date, topicId: string, userIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const domain = replyDomain();
  if (!domain) return out;
  for (const userId of new Set(userIds)) {
    const token = randomBytes(16).toString('hex');
    await repo.insertReplyToken(tx, { tokenHash: hashReplyToken(token), userId, topicId, createdAt: now, expiresAt: new Date(now.getTime() + REPLY_TOKEN_DAYS * 86_400_000) });
    out.set(userId, `reply+${token}@${domain}`);
  }
  return out;
}

/** What follows a post becoming visible: the event and the mail, in the transaction that made it visible. */
async function published(tx: DbOrTx, now: Date, t: repo.TopicRow, p: repo.PostRow, authorName: string): Promise<void> {
  await emit(tx, now, 'discussions.postPublished', { networkId: t.networkId, topicId: t.id, postId: p.id, authorId: p.authorId, isOpening: p.isOpening });
  await repo.touchTopic(tx, t.id, now);
  const to = await recipientsOf(tx, t, p.authorId, p.isOpening);
  const replyTo = await replyAddresses(tx, now, t.id, to);
  const render = (tr: T, userId: string) => ({
    replyTo: replyTo.get(userId),
    subject: tr(p.isOpening ? 'discussions.mail.topic.subject' : 'discussions.mail.reply.subject', { title: t.title }),
    body: tr('discussions.mail.post.body', { person: authorName, title: t.title, text: excerpt(p.body), link: mailLink(`/discussions/${t.id}#post-${p.id}`) }) + (replyTo.has(userId) ? `\n\n${tr('discussions.mail.replyByMail')}` : ''),
    about: t.title,
  });
  // A reply to one's own topic (the asker's consultation) is personal: at once unless mail of networks is off; the others' follows their networks choice.
  await notify(tx, now, to.filter((u) => u !== t.authorId), 'discussions.post', render);
  if (t.authorId && to.includes(t.authorId)) await notify(tx, now, [t.authorId], 'discussions.reply', render);
}

async function tellCoordinatorsPending(tx: DbOrTx, now: Date, t: repo.TopicRow, n: NetworkFacts, authorName: string): Promise<void> {
  await notify(tx, now, await coordinatorIdsOf(tx, n.id), 'discussions.pending', (tr) => ({
    subject: tr('discussions.mail.pending.subject', { network: nameIn(n, tr) }),
    body: tr('discussions.mail.pending.body', { person: authorName, title: t.title, link: mailLink(`/networks/${n.slug}/discussions/coordination`) }),
  }));
}

// ---------- for other modules (the network page's slot) ----------

export type RecentTopic = { id: string; kind: TopicKind; title: { text: string; lang: string }; replies: number; answered: boolean; state: string; lastPostAt: Date };

/** The network's latest topics for its page, for those who may read them (null: the actor may not). */
export async function recentTopics(ctx: ServiceCtx, networkId: string, limit = 5): Promise<{ topics: RecentTopic[]; slug: string } | null> {
  const n = await networkFacts(ctx.db, networkId);
  if (!n) return null;
  const s = await standingOf(ctx, n.id);
  if (!canDiscuss(s, 'topic.read')) return null;
  const rows = await repo.topicsOf(ctx.db, n.id, { viewerId: s.userId, coordinates: false, limit });
  return { slug: n.slug, topics: rows.map((r) => ({ id: r.id, kind: r.kind as TopicKind, title: { text: r.title, lang: r.lang }, replies: r.replies, answered: r.answered, state: r.state, lastPostAt: r.lastPostAt })) };
}

// ---------- pages and API ----------

export type TopicCard = repo.TopicListRow;
export type TopicList = { network: NetworkRef; topics: TopicCard[]; canRead: boolean; canCreate: boolean; coordinates: boolean; watch: string; signedIn: boolean };

/** A network's topics; `canRead` false (and no topics) for those who do not take part: the page says how to join. */
export async function listTopics(ctx: ServiceCtx, slug: string, kind?: string): Promise<TopicList> {
  const { n, s } = await networkBySlug(ctx, slug);
  const canRead = canDiscuss(s, 'topic.read');
  const k = kind === 'discussion' || kind === 'consultation' ? kind : undefined;
  return {
    network: ref(n, ctx.locale),
    topics: canRead ? await repo.topicsOf(ctx.db, n.id, { viewerId: s.userId, coordinates: s.coordinates, kind: k }) : [],
    canRead,
    canCreate: canDiscuss(s, 'topic.create'),
    coordinates: s.coordinates,
    watch: ctx.actor && canRead ? ((await repo.watchLevel(ctx.db, ctx.actor.id, 'network', n.id)) ?? 'normal') : 'normal',
    signedIn: !!ctx.actor,
  };
}

/** The network a new topic is written in, when the actor may write one (404 otherwise). */
export async function newTopicNetwork(ctx: ServiceCtx, slug: string): Promise<NetworkRef> {
  if (!ctx.actor) throw new SignInRequired();
  const { n, s } = await networkBySlug(ctx, slug);
  if (!canDiscuss(s, 'topic.create')) throw new NotFoundError();
  return ref(n, ctx.locale);
}

export type PostedOutcome = { ok: true; topicId: string; postId: string; state: 'pending' | 'published' };

/** Opens a topic with its opening post (waiting for a coordinator for a member's first posts in the network). */
export async function createTopic(ctx: ServiceCtx, slug: string, raw: unknown): Promise<PostedOutcome> {
  if (!ctx.actor) throw new SignInRequired();
  const actor = ctx.actor;
  const { n, s } = await networkBySlug(ctx, slug);
  if (!canDiscuss(s, 'topic.create')) throw new NotFoundError();
  const input = mustParse(topicInput, raw);
  const body = sanitizeRich(input.body);
  const context = input.kind === 'consultation' ? sanitizeRich(input.context) : null;
  const tried = input.kind === 'consultation' ? sanitizeRich(input.tried) || null : null;
  if (!plainText(body)) throw new ValidationError({ body: 'discussions.form.bodyLength' });
  await checkLimits(ctx, actor.id);
  const lang = languageOf([input.title, plainText(context ?? ''), plainText(body)].join('\n')) ?? ctx.locale;
  const state = waitsForApproval(s, await repo.publishedCount(ctx.db, n.id, actor.id)) ? 'pending' : 'published';
  return ctx.db.transaction(async (tx) => {
    const topicId = await repo.insertTopic(tx, { networkId: n.id, kind: input.kind, title: input.title, lang, authorId: actor.id, askDirectory: input.kind === 'consultation' && input.askDirectory, createdAt: ctx.now, lastPostAt: ctx.now });
    const p = await repo.insertPost(tx, { topicId, networkId: n.id, authorId: actor.id, isOpening: true, body, context, tried, lang, state, createdAt: ctx.now, ...(state === 'published' ? { approvedAt: ctx.now } : {}) });
    await emit(tx, ctx.now, 'discussions.topicCreated', { networkId: n.id, topicId, kind: input.kind, authorId: actor.id, published: state === 'published' });
    const t = (await repo.topicById(tx, topicId))!;
    if (state === 'published') await published(tx, ctx.now, t, p, actor.name);
    else await tellCoordinatorsPending(tx, ctx.now, t, n, actor.name);
    return { ok: true as const, topicId, postId: p.id, state };
  });
}

/** A reply (quoting a post of the same topic, if asked), waiting for a coordinator for a member's first posts in the network. */
export async function reply(ctx: ServiceCtx, topicId: string, raw: unknown): Promise<PostedOutcome> {
  const { t, n, s } = await loadTopic(ctx, topicId, 'post.reply');
  const actor = ctx.actor!;
  const input = mustParse(replyInput, raw);
  const body = sanitizeRich(input.body);
  if (!plainText(body)) throw new ValidationError({ body: 'discussions.form.replyLength' });
  let quote: string | null = null;
  if (input.quote) {
    const q = await repo.postById(ctx.db, input.quote);
    if (q && q.topicId === t.id && q.state === 'published') quote = q.id;
  }
  await checkLimits(ctx, actor.id);
  const lang = languageOf(plainText(body)) ?? ctx.locale;
  const state = waitsForApproval(s, await repo.publishedCount(ctx.db, n.id, actor.id)) ? 'pending' : 'published';
  return ctx.db.transaction(async (tx) => {
    const p = await repo.insertPost(tx, { topicId: t.id, networkId: n.id, authorId: actor.id, body, lang, quotePostId: quote, state, createdAt: ctx.now, ...(state === 'published' ? { approvedAt: ctx.now } : {}) });
    if (state === 'published') await published(tx, ctx.now, t, p, actor.name);
    else await tellCoordinatorsPending(tx, ctx.now, t, n, actor.name);
    return { ok: true as const, topicId: t.id, postId: p.id, state };
  });
}

export type PostView = repo.PostListRow & { isAnswer: boolean; quote: { id: string; authorName: string | null; excerpt: string; lang: string } | null; abilities: { edit: boolean; helped: boolean; markAnswer: boolean; approve: boolean; hide: boolean; report: boolean } };

export type TopicView = {
  topic: repo.TopicRow;
  network: NetworkRef;
  authorName: string | null;
  posts: PostView[];
  abilities: { reply: boolean; close: boolean; coordinate: boolean; draftGoodPractice: boolean; isAuthor: boolean };
  watch: string;
  invited: { userId: string; name: string | null }[];
  /** For coordinators of an open consultation: the colleagues the matching engine suggests. */
  suggestions: Colleague[];
  /** Networks the topic may move to (coordinators: the other networks they coordinate). */
  moveTo: NetworkRef[];
};

/** A topic with its posts as the actor may see them. */
export async function getTopic(ctx: ServiceCtx, topicId: string): Promise<TopicView> {
  const { t, n, s } = await loadTopic(ctx, topicId, 'topic.read');
  const actor = ctx.actor!;
  const all = await repo.postsOf(ctx.db, t.id, actor.id);
  const byId = new Map(all.map((p) => [p.id, p]));
  // Pending posts: their author and coordinators; hidden ones (reports or a coordinator): their author and coordinators, marked.
  const visible = all.filter((p) => s.coordinates || p.authorId === actor.id || (p.state === 'published' && !p.reportedHidden && !p.hiddenByCoordinator));
  const posts: PostView[] = visible.map((p) => {
    const q = p.quotePostId ? byId.get(p.quotePostId) : undefined;
    const quoteVisible = q && q.state === 'published' && !q.reportedHidden && !q.hiddenByCoordinator;
    return {
      ...p,
      isAnswer: t.answerPostId === p.id,
      quote: quoteVisible ? { id: q.id, authorName: q.authorName, excerpt: excerpt(q.body, 300), lang: q.lang } : null,
      abilities: {
        edit: canDiscuss(s, 'post.edit', topicFacts(t), postFacts(p)),
        helped: canDiscuss(s, 'post.helped', topicFacts(t), postFacts(p)) && !p.helpedByMe,
        markAnswer: t.state === 'open' && t.answerPostId !== p.id && canDiscuss(s, 'post.markAnswer', topicFacts(t), postFacts(p)),
        approve: s.coordinates && p.state === 'pending',
        hide: s.coordinates && !p.isOpening,
        report: p.state === 'published' && !p.reportedHidden && !!p.authorId && p.authorId !== actor.id,
      },
    };
  });
  const isAuthor = t.authorId === actor.id;
  const coordinating = canDiscuss(s, 'topic.coordinate', topicFacts(t));
  const invited = await repo.invitedTo(ctx.db, t.id);
  return {
    topic: t,
    network: ref(n, ctx.locale),
    authorName: all.find((p) => p.isOpening)?.authorName ?? null,
    posts,
    abilities: {
      reply: canDiscuss(s, 'post.reply', topicFacts(t)),
      close: canDiscuss(s, 'topic.close', topicFacts(t)),
      coordinate: coordinating,
      draftGoodPractice: !t.goodPracticeId && canDiscuss(s, 'topic.draftGoodPractice', topicFacts(t)) && (await canDraftGoodPractice(ctx)),
      isAuthor,
    },
    watch: (await repo.watchLevel(ctx.db, actor.id, 'topic', t.id)) ?? (await repo.watchLevel(ctx.db, actor.id, 'network', n.id)) ?? 'normal',
    invited: invited.map((i) => ({ userId: i.userId, name: i.name })),
    suggestions: coordinating && t.kind === 'consultation' && t.state === 'open' ? await suggestionsFor(ctx, t, invited.map((i) => i.userId)) : [],
    moveTo: coordinating ? (await networksCoordinatedBy(ctx)).filter((x) => x.id !== n.id).map((x) => ref(x, ctx.locale)) : [],
  };
}

/** The matching engine's colleagues for a consultation: the network's members, or the whole directory when the asker allowed it; never the asker nor those already invited or answering. */
async function suggestionsFor(ctx: ServiceCtx, t: repo.TopicRow, invited: string[]): Promise<Colleague[]> {
  const opening = await repo.openingPost(ctx.db, t.id);
  if (!opening) return [];
  const among = t.askDirectory ? null : [...(await memberIdsOf(ctx.db, t.networkId))];
  const exclude = [t.authorId ?? '', ...invited, ...(await repo.authorsIn(ctx.db, t.id))];
  return rankColleagues(ctx, { title: t.title, text: [plainText(opening.context ?? ''), plainText(opening.tried ?? ''), plainText(opening.body)].join('\n') }, { among, exclude, top: SUGGESTIONS });
}

/** Where a post is read: its topic's page (for the moderators' queue and links to a post). */
export async function topicOfPost(ctx: ServiceCtx, postId: string): Promise<string> {
  const { t } = await loadPost(ctx, postId, 'topic.read');
  return t.id;
}

/** A coordinator publishes a waiting post. Outcomes: ok, not_pending. */
export async function approvePost(ctx: ServiceCtx, postId: string): Promise<{ ok: true } | { ok: false; reason: 'not_pending' }> {
  const { t, s } = await loadPost(ctx, postId, 'topic.read');
  if (!s.coordinates) throw new NotFoundError();
  const actor = ctx.actor!;
  return ctx.db.transaction(async (tx) => {
    const p = await repo.approvePost(tx, postId, actor.id, ctx.now);
    if (!p) return { ok: false as const, reason: 'not_pending' as const };
    await audit(tx, ctx.now, { actorId: actor.id, action: 'discussions.postApproved', objectType: 'discussion_post', objectId: p.id, ip: ctx.ip });
    const name = (await repo.postsOf(tx, t.id, null)).find((x) => x.id === p.id)?.authorName ?? '';
    await published(tx, ctx.now, t, p, name);
    return { ok: true as const };
  });
}

/** The asker marks a reply as the answer (another mark replaces it). */
export async function markAnswer(ctx: ServiceCtx, postId: string): Promise<{ ok: true }> {
  const { p, t } = await loadPost(ctx, postId, 'post.markAnswer');
  if (t.state !== 'open') throw new NotFoundError();
  await ctx.db.transaction(async (tx) => {
    await repo.setAnswer(tx, t.id, p.id);
    await emit(tx, ctx.now, 'discussions.answerMarked', { networkId: t.networkId, topicId: t.id, postId: p.id, by: ctx.actor!.id });
    if (p.authorId)
      await notify(tx, ctx.now, [p.authorId], 'discussions.answer', (tr) => ({
        subject: tr('discussions.mail.answer.subject', { title: t.title }),
        body: tr('discussions.mail.answer.body', { title: t.title, link: mailLink(`/discussions/${t.id}#post-${p.id}`) }),
      }));
  });
  return { ok: true };
}

/** "This helped": once per member and post. Outcomes: ok, already. */
export async function markHelped(ctx: ServiceCtx, postId: string): Promise<{ ok: true; topicId: string } | { ok: false; reason: 'already'; topicId: string }> {
  const { p, t } = await loadPost(ctx, postId, 'post.helped');
  const added = await repo.insertHelped(ctx.db, p.id, ctx.actor!.id, ctx.now);
  return added ? { ok: true, topicId: t.id } : { ok: false, reason: 'already', topicId: t.id };
}

/** The asker or a coordinator closes the topic with a summary. Outcomes: ok, already_closed. */
export async function closeTopic(ctx: ServiceCtx, topicId: string, raw: unknown): Promise<{ ok: true } | { ok: false; reason: 'already_closed' }> {
  const { t, s } = await loadTopic(ctx, topicId, 'topic.read');
  if (!canDiscuss(s, 'topic.close', topicFacts(t))) {
    if (t.state === 'closed') return { ok: false, reason: 'already_closed' };
    throw new NotFoundError();
  }
  const input = mustParse(closeInput, raw);
  const actor = ctx.actor!;
  return ctx.db.transaction(async (tx) => {
    const closed = await repo.closeTopic(tx, t.id, { summary: input.summary, summaryLang: languageOf(input.summary) ?? ctx.locale, by: actor.id, at: ctx.now });
    if (!closed) return { ok: false as const, reason: 'already_closed' as const };
    await emit(tx, ctx.now, 'discussions.topicClosed', { networkId: t.networkId, topicId: t.id, by: actor.id });
    if (actor.id !== t.authorId) await audit(tx, ctx.now, { actorId: actor.id, action: 'discussions.topicClosed', objectType: 'discussion_topic', objectId: t.id, ip: ctx.ip });
    return { ok: true as const };
  });
}

/** A coordinator locks (no more replies but from coordinators) or unlocks a topic; audited. */
export async function lockTopic(ctx: ServiceCtx, topicId: string, locked: boolean): Promise<{ ok: true }> {
  const { t } = await loadTopic(ctx, topicId, 'topic.coordinate');
  await ctx.db.transaction(async (tx) => {
    await repo.setTopicFlags(tx, t.id, { locked });
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: locked ? 'discussions.topicLocked' : 'discussions.topicUnlocked', objectType: 'discussion_topic', objectId: t.id, ip: ctx.ip });
  });
  return { ok: true };
}

/** A coordinator hides or shows a whole topic; audited. */
export async function hideTopic(ctx: ServiceCtx, topicId: string, hidden: boolean): Promise<{ ok: true; slug: string }> {
  const { t, n } = await loadTopic(ctx, topicId, 'topic.coordinate');
  await ctx.db.transaction(async (tx) => {
    await repo.setTopicFlags(tx, t.id, { hidden });
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: hidden ? 'discussions.topicHidden' : 'discussions.topicShown', objectType: 'discussion_topic', objectId: t.id, ip: ctx.ip });
  });
  return { ok: true, slug: n.slug };
}

/** A coordinator hides or shows one reply; audited. */
export async function hidePost(ctx: ServiceCtx, postId: string, hidden: boolean): Promise<{ ok: true; topicId: string }> {
  const { p, t, s } = await loadPost(ctx, postId, 'topic.read');
  if (!s.coordinates || p.isOpening) throw new NotFoundError();
  await ctx.db.transaction(async (tx) => {
    await repo.setPostHidden(tx, p.id, hidden);
    if (hidden && t.answerPostId === p.id) await repo.setAnswer(tx, t.id, null);
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: hidden ? 'discussions.postHidden' : 'discussions.postShown', objectType: 'discussion_post', objectId: p.id, ip: ctx.ip });
  });
  return { ok: true, topicId: t.id };
}

/** A coordinator moves a topic to another network they coordinate; audited. */
export async function moveTopic(ctx: ServiceCtx, topicId: string, raw: unknown): Promise<{ ok: true; slug: string }> {
  const { t } = await loadTopic(ctx, topicId, 'topic.coordinate');
  const { networkId } = mustParse(moveInput, raw);
  const target = await networkFacts(ctx.db, networkId);
  if (!target || target.id === t.networkId || !(await canCoordinate(ctx, target.id))) throw new ValidationError({ networkId: 'discussions.form.networkRequired' });
  await ctx.db.transaction(async (tx) => {
    await repo.moveTopic(tx, t.id, target.id);
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'discussions.topicMoved', objectType: 'discussion_topic', objectId: t.id, ip: ctx.ip });
  });
  return { ok: true, slug: target.slug };
}

/** The post as its editor sees it (the author while the topic is not locked; coordinators), with its earlier versions. */
export async function editForm(ctx: ServiceCtx, postId: string) {
  const { p, t } = await loadPost(ctx, postId, 'post.edit');
  return { post: p, topic: t, versions: await repo.versionsOf(ctx.db, p.id) };
}

/** Saves an edit; what the post said before is kept as a version. */
export async function editPost(ctx: ServiceCtx, postId: string, raw: unknown): Promise<{ ok: true; topicId: string }> {
  const { p, t } = await loadPost(ctx, postId, 'post.edit');
  const input = mustParse(editInput, raw);
  const body = sanitizeRich(input.body);
  if (!plainText(body)) throw new ValidationError({ body: 'discussions.form.replyLength' });
  const consultationOpening = p.isOpening && t.kind === 'consultation';
  const context = consultationOpening ? sanitizeRich(input.context) : null;
  const tried = consultationOpening ? sanitizeRich(input.tried) || null : null;
  if (consultationOpening && plainText(context ?? '').length < 10) throw new ValidationError({ context: 'discussions.form.contextLength' });
  await ctx.db.transaction(async (tx) => {
    await repo.editPost(tx, p, { body, context, tried, by: ctx.actor!.id, at: ctx.now });
    if (ctx.actor!.id !== p.authorId) await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'discussions.postEdited', objectType: 'discussion_post', objectId: p.id, ip: ctx.ip });
  });
  return { ok: true, topicId: t.id };
}

/**
 * A coordinator invites suggested colleagues to a consultation with one click: each is told in
 * their own language (a colleague who is not a member is asked to join to answer); audited once per
 * person. Only people the engine suggests for this consultation may be invited.
 */
export async function invite(ctx: ServiceCtx, topicId: string, raw: unknown): Promise<{ ok: true; invited: number }> {
  const { t, n } = await loadTopic(ctx, topicId, 'topic.coordinate');
  if (t.kind !== 'consultation' || t.state !== 'open') throw new NotFoundError();
  const { userIds } = mustParse(inviteInput, raw);
  const invitedBefore = (await repo.invitedTo(ctx.db, t.id)).map((i) => i.userId);
  const allowed = new Set((await suggestionsFor(ctx, t, invitedBefore)).map((c) => c.userId));
  const chosen = [...new Set(userIds)].filter((id) => allowed.has(id));
  if (!chosen.length) throw new ValidationError({ userIds: 'discussions.form.inviteNone' });
  const members = new Set(await memberIdsOf(ctx.db, n.id));
  const actor = ctx.actor!;
  const invited = await ctx.db.transaction(async (tx) => {
    let count = 0;
    for (const userId of chosen) {
      if (!(await repo.insertInvitation(tx, t.id, userId, actor.id, ctx.now))) continue;
      count++;
      await audit(tx, ctx.now, { actorId: actor.id, action: 'discussions.colleagueInvited', objectType: 'discussion_topic', objectId: t.id, ip: ctx.ip });
      const member = members.has(userId);
      // A member may answer the invitation by e-mail; someone outside the network joins first.
      const replyTo = member ? await replyAddresses(tx, ctx.now, t.id, [userId]) : new Map<string, string>();
      await notify(tx, ctx.now, [userId], 'discussions.invitation', (tr) => ({
        replyTo: replyTo.get(userId),
        subject: tr('discussions.mail.invite.subject', { title: t.title }),
        body: tr(member ? 'discussions.mail.invite.body' : 'discussions.mail.invite.bodyJoin', {
          person: actor.name,
          network: nameIn(n, tr),
          title: t.title,
          link: mailLink(member ? `/discussions/${t.id}` : `/networks/${n.slug}/join`),
        }),
      }));
    }
    return count;
  });
  return { ok: true, invited };
}

/** Watch, normal or mute, for a network or a topic (the topic's setting wins). */
export async function setWatch(ctx: ServiceCtx, scope: 'network' | 'topic', idOrSlug: string, raw: unknown): Promise<{ ok: true }> {
  const { level } = mustParse(watchInput, raw);
  if (!ctx.actor) throw new SignInRequired();
  let id: string;
  if (scope === 'topic') id = (await loadTopic(ctx, idOrSlug, 'topic.read')).t.id;
  else {
    const { n, s } = await networkBySlug(ctx, idOrSlug);
    if (!canDiscuss(s, 'topic.read')) throw new NotFoundError();
    id = n.id;
  }
  await repo.setWatch(ctx.db, ctx.actor.id, scope, id, level, ctx.now);
  return { ok: true };
}

/**
 * A closed consultation becomes a good-practice draft (the knowledge module's, for its editors to
 * complete and publish): the challenge and what was tried as the problem, the marked answer as the
 * solution, the summary as the summary; in the consultation's language.
 */
export async function draftGoodPractice(ctx: ServiceCtx, topicId: string, t9n: T): Promise<{ id: string }> {
  const { t, n } = await loadTopic(ctx, topicId, 'topic.draftGoodPractice');
  if (t.goodPracticeId || !(await canDraftGoodPractice(ctx))) throw new NotFoundError();
  const opening = await repo.openingPost(ctx.db, t.id);
  const answer = t.answerPostId ? await repo.postById(ctx.db, t.answerPostId) : null;
  const lang = (['en', 'fr', 'es', 'pt', 'ar'] as const).find((l) => l === t.lang) ?? ctx.locale;
  const out = await createDraft(ctx, {
    lang,
    title: t.title.slice(0, 200),
    summary: (t.summary ?? t9n('discussions.lesson.summary', { network: localized(n.name, ctx.locale, 'en').text })).slice(0, 1500),
    problem: [plainText(opening?.context ?? ''), plainText(opening?.body ?? '')].filter(Boolean).join('\n\n').slice(0, 6000),
    challenges: plainText(opening?.tried ?? '').slice(0, 6000),
    solution: plainText(answer?.body ?? '').slice(0, 6000),
    themes: n.themes,
    regions: n.regions,
  });
  await ctx.db.transaction(async (tx) => {
    await repo.setTopicFlags(tx, t.id, { goodPracticeId: out.id });
    await audit(tx, ctx.now, { actorId: ctx.actor!.id, action: 'discussions.goodPracticeDrafted', objectType: 'discussion_topic', objectId: t.id, ip: ctx.ip });
  });
  return out;
}

export type Coordination = {
  network: NetworkRef;
  pending: repo.PendingRow[];
  unanswered: { topic: repo.TopicRow; suggestions: Colleague[]; invited: number }[];
};

/** The coordinators' page of the network's discussions: posts waiting for approval, consultations unanswered after 5 working days with their suggested colleagues. */
export async function coordination(ctx: ServiceCtx, slug: string): Promise<Coordination> {
  if (!ctx.actor) throw new SignInRequired();
  const { n, s } = await networkBySlug(ctx, slug);
  if (!s.coordinates) throw new NotFoundError();
  const stale = await repo.unansweredConsultations(ctx.db, n.id, workingDaysBefore(ctx.now, UNANSWERED_WORKING_DAYS));
  const unanswered = [];
  for (const t of stale) {
    const invited = (await repo.invitedTo(ctx.db, t.id)).map((i) => i.userId);
    unanswered.push({ topic: t, suggestions: await suggestionsFor(ctx, t, invited), invited: invited.length });
  }
  return { network: ref(n, ctx.locale), pending: await repo.pendingPosts(ctx.db, n.id), unanswered };
}

// ---------- reply by mail (discussions.inbound.ts) ----------

/** Whether the actor may reply in the topic now (a member who accepted the guidelines; the topic open). */
export async function mayReply(ctx: ServiceCtx, topicId: string): Promise<boolean> {
  try {
    await loadTopic(ctx, topicId, 'post.reply');
    return true;
  } catch (e) {
    if (e instanceof NotFoundError || e instanceof SignInRequired) return false;
    throw e;
  }
}

/** Reply addresses past their time are deleted (a job). */
export async function expireReplyTokens(db: DbOrTx, now: Date): Promise<void> {
  await repo.deleteExpiredReplyTokens(db, now);
}

// ---------- a person's data ----------

export async function exportPersonalData(db: DbOrTx, userId: string): Promise<Record<string, unknown>> {
  const r = await repo.personalRows(db, userId);
  return {
    discussionTopics: r.topics.map(({ closedBy: _c, ...t }) => t),
    discussionPosts: r.posts.map(({ approvedBy: _a, ...p }) => p),
    discussionPostVersions: r.versions.map(({ editedBy: _e, ...v }) => v),
    discussionHelped: r.helped,
    discussionWatches: r.watches,
    discussionInvitations: r.invitations.map(({ invitedBy: _i, ...i }) => i),
  };
}

export async function erasePersonalData(tx: DbOrTx, userId: string): Promise<void> {
  await repo.deleteReplyTokensOf(tx, userId);
  await repo.eraseUser(tx, userId);
}

/** Consultations the signed-in person was invited to answer, for "Waiting on you" (the manifest's `waiting` hook). */
export async function waitingInDiscussions(ctx: ServiceCtx): Promise<WaitingItem[]> {
  if (!ctx.actor) return [];
  return (await repo.consultationsAwaiting(ctx.db, ctx.actor.id)).map((x) => ({ kind: 'consultationToAnswer', title: x.title, lang: x.lang, link: `/discussions/${x.id}`, module: 'discussions' }));
}
