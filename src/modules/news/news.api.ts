/**
 * The newsletter as JSON under /api/v1: the sent issues of a network or programme, one issue (in
 * the caller's language when written, else the first written), and subscribing without an account
 * (double opt-in: the same answer for any address; the confirmation mail's link must be followed).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, Ctx } from '../../platform/http.ts';
import { href } from '../../platform/http.ts';
import { jsonObject } from '../../platform/validation.ts';
import { UUID } from '../../platform/ids.ts';
import { declareOperations } from '../../platform/openapi.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { errorFields } from '../../platform/log.ts';
import * as svc from './news.service.ts';
import { issueAnswer, issueListAnswer, listQuery, subscribeAnswer, subscribeInput } from './news.schema.ts';

const idParam = z.object({ id: z.string().regex(UUID) });

export const newsOperations = declareOperations('news', [
  { method: 'get', path: '/news/issues', operationId: 'listNewsletterIssues', summary: 'The sent newsletter issues of a network (`network=slug`) or a programme (`programme=slug`), newest first', query: listQuery, response: issueListAnswer, errors: [404] },
  { method: 'get', path: '/news/issues/:id', operationId: 'getNewsletterIssue', summary: 'One sent issue, in the caller’s language when written, else in the language written first', params: idParam, response: issueAnswer, errors: [404] },
  {
    method: 'post',
    path: '/news/subscriptions',
    operationId: 'subscribeToNewsletter',
    summary: 'Subscribe an address without an account (double opt-in: a confirmation mail; nothing is sent before it is confirmed). Limited per IP and per address (429)',
    body: subscribeInput,
    response: subscribeAnswer,
    status: 201,
  },
]);

function issueJson(c: Ctx, i: svc.IssueView, withBody: boolean) {
  return {
    id: i.id,
    list: { kind: i.list.kind, slug: i.list.slug, name: i.list.name.text },
    lang: i.shown.lang,
    languages: i.versions.map((v) => v.lang),
    subject: i.shown.subject,
    ...(withBody ? { body: i.shown.body } : {}),
    sentAt: i.sentAt ? i.sentAt.toISOString() : null,
    url: `${c.get('deps').config.baseUrl.replace(/\/$/, '')}${href(c.get('locale'), `/news/issues/${i.id}`)}`,
  };
}

export function newsApiRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get('/news/issues', async (c) => {
    const q = listQuery.safeParse(c.req.query());
    const kind = q.success && q.data.network ? 'network' : q.success && q.data.programme ? 'programme' : null;
    if (!kind || !q.success) throw new NotFoundError();
    const a = await svc.archive({ ...c.var.ctx, actor: null }, kind, (kind === 'network' ? q.data.network : q.data.programme)!);
    return c.json({ items: a.issues.map((i) => issueJson(c, i, false)) });
  });

  r.get('/news/issues/:id', async (c) => {
    const i = await svc.getIssue({ ...c.var.ctx, actor: null }, c.req.param('id'));
    return c.json(issueJson(c, i, true));
  });

  r.post('/news/subscriptions', async (c) => {
    const req = await svc.subscribe(c.var.ctx, await jsonObject(c));
    const deps = c.get('deps');
    void svc.mailConfirmation(deps.mailer, { baseUrl: deps.config.baseUrl }, req).catch((e: unknown) => deps.log.warn('newsletter confirmation mail failed', errorFields(e)));
    return c.json({ ok: true as const }, 201);
  });

  return r;
}
