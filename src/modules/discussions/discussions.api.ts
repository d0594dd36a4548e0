/**
 * Discussions as JSON under /api/v1: a network's topics, a topic with its posts, opening a topic and
 * replying. Members who accepted the network's current guidelines and its coordinators, after
 * consent to the privacy notice (403 consent_required); the same services, rules and limits as the
 * pages (first posts wait for a coordinator: `state` pending; 429 with Retry-After).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, Ctx } from '../../platform/http.ts';
import { requireUser } from '../../platform/forms.ts';
import { jsonObject } from '../../platform/validation.ts';
import { UUID } from '../../platform/ids.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { declareOperations } from '../../platform/openapi.ts';
import { needsConsent } from '../networks/networks.service.ts';
import * as svc from './discussions.service.ts';
import { postCreated, replyInput, topicAnswer, topicInput, topicListAnswer } from './discussions.schema.ts';

const slugParam = z.object({ slug: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/) });
const idParam = z.object({ id: z.string().regex(UUID) });
const kindQuery = z.object({ kind: z.enum(['discussion', 'consultation']).optional() });

export const discussionsOperations = declareOperations('discussions', [
  { method: 'get', path: '/networks/:slug/discussions', operationId: 'listDiscussionTopics', summary: 'A network’s discussions and consultations, last activity first (members and coordinators)', auth: 'required', params: slugParam, query: kindQuery, response: topicListAnswer, errors: [403, 404] },
  {
    method: 'post',
    path: '/networks/:slug/discussions',
    operationId: 'createDiscussionTopic',
    summary: 'Open a discussion or a consultation (context, what was tried, the question); a member’s first two posts in a network wait for a coordinator (state pending); rich text is sanitized; 429 with Retry-After past the posting limits',
    auth: 'required',
    params: slugParam,
    body: topicInput,
    response: postCreated,
    status: 201,
    errors: [403, 404],
  },
  { method: 'get', path: '/discussions/:id', operationId: 'getDiscussionTopic', summary: 'A topic with the posts the caller may see, as written (sanitized HTML with its language)', auth: 'required', params: idParam, response: topicAnswer, errors: [403, 404] },
  {
    method: 'post',
    path: '/discussions/:id/replies',
    operationId: 'replyToDiscussionTopic',
    summary: 'Reply to a topic, optionally quoting one of its posts (`quote`); the same rules as opening a topic',
    auth: 'required',
    params: idParam,
    body: replyInput,
    response: postCreated,
    status: 201,
    errors: [403, 404],
  },
]);

async function member(c: Ctx): Promise<void> {
  requireUser(c);
  if (await needsConsent(c.var.ctx)) throw new ForbiddenError('consent_required');
}

export function discussionsApiRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get('/networks/:slug/discussions', async (c) => {
    await member(c);
    const list = await svc.listTopics(c.var.ctx, c.req.param('slug'), c.req.query('kind'));
    if (!list.canRead) throw new NotFoundError();
    return c.json({
      items: list.topics.map((x) => ({ id: x.id, kind: x.kind, title: { text: x.title, lang: x.lang }, state: x.state, locked: x.locked, answered: x.answered, authorName: x.authorName, replies: x.replies, lastPostAt: x.lastPostAt.toISOString() })),
    });
  });

  r.post('/networks/:slug/discussions', async (c) => {
    await member(c);
    const out = await svc.createTopic(c.var.ctx, c.req.param('slug'), await jsonObject(c));
    return c.json({ ok: true, id: out.topicId, postId: out.postId, state: out.state }, 201);
  });

  r.get('/discussions/:id', async (c) => {
    await member(c);
    const v = await svc.getTopic(c.var.ctx, c.req.param('id'));
    const t = v.topic;
    return c.json({
      id: t.id,
      kind: t.kind,
      networkSlug: v.network.slug,
      title: { text: t.title, lang: t.lang },
      state: t.state,
      locked: t.locked,
      answered: !!t.answerPostId,
      authorName: v.authorName,
      replies: v.posts.filter((p) => !p.isOpening && p.state === 'published').length,
      lastPostAt: t.lastPostAt.toISOString(),
      summary: t.summary ? { text: t.summary, lang: t.summaryLang } : null,
      posts: v.posts.map((p) => ({
        id: p.id,
        authorName: p.authorName,
        isOpening: p.isOpening,
        html: p.body,
        context: p.context,
        tried: p.tried,
        lang: p.lang,
        quotePostId: p.quotePostId,
        state: p.state,
        isAnswer: p.isAnswer,
        helped: p.helped,
        createdAt: p.createdAt.toISOString(),
        editedAt: p.editedAt ? p.editedAt.toISOString() : null,
      })),
    });
  });

  r.post('/discussions/:id/replies', async (c) => {
    await member(c);
    const out = await svc.reply(c.var.ctx, c.req.param('id'), await jsonObject(c));
    return c.json({ ok: true, id: out.topicId, postId: out.postId, state: out.state }, 201);
  });

  return r;
}
