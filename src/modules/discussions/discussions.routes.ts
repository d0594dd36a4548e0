/**
 * Discussions pages: a network's topics (/networks/:slug/discussions), a new topic, a topic
 * (/discussions/:id) with replies, quoting, "this helped", the answer, closing, the coordinators'
 * tools, watching, editing a post, and the coordinators' page. Thin: parse, call a service, render.
 * Signed-in readers first consent to the privacy notice (members' challenges are personal data of
 * the network's participants). Its JSON: discussions.api.ts.
 */
import { Hono } from 'hono';
import type { AppEnv, Ctx } from '../../platform/http.ts';
import { redirectTo, setFlash, link } from '../../platform/render.ts';
import { emptyForm } from '../../platform/html/form.ts';
import { formAction, formBody, requireUser } from '../../platform/forms.ts';
import { needsConsent } from '../networks/networks.service.ts';
import { readerViewFor } from '../translations/translations.service.ts';
import * as svc from './discussions.service.ts';
import * as v from './discussions.views.ts';
import { plainText } from './discussions.sanitize.ts';

/** Members' content waits for consent to the privacy notice: the consent page, then back here. */
async function consented(c: Ctx, run: () => Promise<Response>): Promise<Response> {
  requireUser(c);
  if (await needsConsent(c.var.ctx)) return c.redirect(`${link(c, '/privacy/consent')}?next=${encodeURIComponent(new URL(c.req.url).pathname)}`, 303);
  return run();
}

/** Each piece of user content in the reader's language when a machine translation exists (asked for otherwise). */
async function shownOf(c: Ctx, view: svc.TopicView): Promise<v.Shown> {
  const tp = view.topic;
  const posts = new Map<string, Awaited<ReturnType<typeof readerViewFor<'text'>>>>();
  for (const p of view.posts) {
    if (!p.body) continue;
    posts.set(p.id, await readerViewFor(c, 'discussion_post', p.id, { text: plainText(p.body) }, p.lang));
    if (p.isOpening && p.context) posts.set(`${p.id}:context`, await readerViewFor(c, 'discussion_post_context', p.id, { text: plainText(p.context) }, p.lang));
    if (p.isOpening && p.tried) posts.set(`${p.id}:tried`, await readerViewFor(c, 'discussion_post_tried', p.id, { text: plainText(p.tried) }, p.lang));
  }
  return {
    title: await readerViewFor(c, 'discussion_topic', tp.id, { title: tp.title }, tp.lang),
    summary: tp.summary ? await readerViewFor(c, 'discussion_summary', tp.id, { summary: tp.summary }, tp.summaryLang) : null,
    posts,
  };
}

const kindOf = (k: unknown): 'discussion' | 'consultation' => (k === 'discussion' ? 'discussion' : 'consultation');

export function discussionsRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get('/networks/:slug/discussions', async (c) => {
    const list = await svc.listTopics(c.var.ctx, c.req.param('slug'), c.req.query('kind'));
    if (!list.canRead) return v.listPage(c, list);
    return consented(c, async () => v.listPage(c, list));
  });

  r.get('/networks/:slug/discussions/new', async (c) =>
    consented(c, async () => {
      const n = await svc.newTopicNetwork(c.var.ctx, c.req.param('slug'));
      return v.newTopicPage(c, n, kindOf(c.req.query('kind')), emptyForm());
    }),
  );

  r.post('/networks/:slug/discussions', async (c) =>
    consented(c, async () => {
      const slug = c.req.param('slug');
      return formAction(
        c,
        async (body) => {
          const out = await svc.createTopic(c.var.ctx, slug, body);
          setFlash(c, out.state === 'pending' ? 'discussions.flash.topicPending' : 'discussions.flash.topicPublished');
          return redirectTo(c, `/discussions/${out.topicId}`);
        },
        async (form, status) => v.newTopicPage(c, await svc.newTopicNetwork(c.var.ctx, slug), kindOf(form.values.kind), form, status),
      );
    }),
  );

  r.post('/networks/:slug/discussions/watch', async (c) =>
    consented(c, async () => {
      const slug = c.req.param('slug');
      await svc.setWatch(c.var.ctx, 'network', slug, await formBody(c));
      setFlash(c, 'discussions.flash.watchSaved');
      return redirectTo(c, `/networks/${slug}/discussions`);
    }),
  );

  r.get('/networks/:slug/discussions/coordination', async (c) => consented(c, async () => v.coordinationPage(c, await svc.coordination(c.var.ctx, c.req.param('slug')))));

  // ---------- a post ----------

  r.get('/discussions/posts/:id', async (c) =>
    consented(c, async () => {
      const id = c.req.param('id');
      return c.redirect(`${link(c, `/discussions/${await svc.topicOfPost(c.var.ctx, id)}`)}#post-${id}`, 302);
    }),
  );

  const postAction = (path: string, run: (c: Ctx, id: string) => Promise<{ topicId: string; flash: string }>) =>
    r.post(`/discussions/posts/:id/${path}`, async (c) =>
      consented(c, async () => {
        const out = await run(c, c.req.param('id'));
        setFlash(c, out.flash);
        return redirectTo(c, `/discussions/${out.topicId}`);
      }),
    );
  postAction('helped', async (c, id) => {
    const out = await svc.markHelped(c.var.ctx, id);
    return { topicId: out.topicId, flash: out.ok ? 'discussions.flash.helped' : 'discussions.flash.helpedAlready' };
  });
  postAction('answer', async (c, id) => {
    await svc.markAnswer(c.var.ctx, id);
    return { topicId: await svc.topicOfPost(c.var.ctx, id), flash: 'discussions.flash.answerMarked' };
  });
  postAction('approve', async (c, id) => {
    const out = await svc.approvePost(c.var.ctx, id);
    return { topicId: await svc.topicOfPost(c.var.ctx, id), flash: out.ok ? 'discussions.flash.approved' : 'discussions.flash.notPending' };
  });
  postAction('hide', async (c, id) => ({ topicId: (await svc.hidePost(c.var.ctx, id, true)).topicId, flash: 'discussions.flash.postHidden' }));
  postAction('show', async (c, id) => ({ topicId: (await svc.hidePost(c.var.ctx, id, false)).topicId, flash: 'discussions.flash.postShown' }));

  r.get('/discussions/posts/:id/edit', async (c) =>
    consented(c, async () => {
      const e = await svc.editForm(c.var.ctx, c.req.param('id'));
      const plainIfEmpty = (s: string | null) => s ?? '';
      return v.editPage(c, e, emptyForm({ body: e.post.body, context: plainIfEmpty(e.post.context), tried: plainIfEmpty(e.post.tried) }));
    }),
  );

  r.post('/discussions/posts/:id/edit', async (c) =>
    consented(c, async () => {
      const id = c.req.param('id');
      return formAction(
        c,
        async (body) => {
          const out = await svc.editPost(c.var.ctx, id, body);
          setFlash(c, 'discussions.flash.edited');
          return redirectTo(c, `/discussions/${out.topicId}`);
        },
        async (form, status) => v.editPage(c, await svc.editForm(c.var.ctx, id), form, status),
      );
    }),
  );

  // ---------- a topic ----------

  r.get('/discussions/:id', async (c) =>
    consented(c, async () => {
      const view = await svc.getTopic(c.var.ctx, c.req.param('id'));
      return v.topicPage(c, view, await shownOf(c, view), emptyForm(), c.req.query('quote') ?? null);
    }),
  );

  r.post('/discussions/:id/replies', async (c) =>
    consented(c, async () => {
      const id = c.req.param('id');
      return formAction(
        c,
        async (body) => {
          const out = await svc.reply(c.var.ctx, id, body);
          setFlash(c, out.state === 'pending' ? 'discussions.flash.replyPending' : 'discussions.flash.replyPublished');
          return c.redirect(`${link(c, `/discussions/${id}`)}#post-${out.postId}`, 303);
        },
        async (form, status) => {
          const view = await svc.getTopic(c.var.ctx, id);
          return v.topicPage(c, view, await shownOf(c, view), form, typeof form.values.quote === 'string' ? form.values.quote : null, status);
        },
      );
    }),
  );

  r.post('/discussions/:id/close', async (c) =>
    consented(c, async () => {
      const id = c.req.param('id');
      return formAction(
        c,
        async (body) => {
          const out = await svc.closeTopic(c.var.ctx, id, body);
          setFlash(c, out.ok ? 'discussions.flash.closed' : 'discussions.flash.alreadyClosed');
          return redirectTo(c, `/discussions/${id}`);
        },
        async (form) => {
          setFlash(c, form.errors.summary ?? 'discussions.form.summaryLength');
          return redirectTo(c, `/discussions/${id}`);
        },
      );
    }),
  );

  const topicAction = (path: string, run: (c: Ctx, id: string) => Promise<{ to: string; flash: string }>) =>
    r.post(`/discussions/:id/${path}`, async (c) =>
      consented(c, async () => {
        const out = await run(c, c.req.param('id'));
        setFlash(c, out.flash);
        return redirectTo(c, out.to);
      }),
    );
  topicAction('lock', async (c, id) => (await svc.lockTopic(c.var.ctx, id, true), { to: `/discussions/${id}`, flash: 'discussions.flash.locked' }));
  topicAction('unlock', async (c, id) => (await svc.lockTopic(c.var.ctx, id, false), { to: `/discussions/${id}`, flash: 'discussions.flash.unlocked' }));
  topicAction('hide', async (c, id) => ({ to: `/networks/${(await svc.hideTopic(c.var.ctx, id, true)).slug}/discussions`, flash: 'discussions.flash.topicHidden' }));
  topicAction('show', async (c, id) => (await svc.hideTopic(c.var.ctx, id, false), { to: `/discussions/${id}`, flash: 'discussions.flash.topicShown' }));
  topicAction('move', async (c, id) => (await svc.moveTopic(c.var.ctx, id, await formBody(c)), { to: `/discussions/${id}`, flash: 'discussions.flash.moved' }));
  topicAction('invite', async (c, id) => {
    const out = await svc.invite(c.var.ctx, id, await formBody(c));
    return { to: `/discussions/${id}`, flash: out.invited ? 'discussions.flash.invited' : 'discussions.flash.invitedAlready' };
  });
  topicAction('watch', async (c, id) => (await svc.setWatch(c.var.ctx, 'topic', id, await formBody(c)), { to: `/discussions/${id}`, flash: 'discussions.flash.watchSaved' }));

  r.post('/discussions/:id/good-practice', async (c) =>
    consented(c, async () => {
      const out = await svc.draftGoodPractice(c.var.ctx, c.req.param('id'), c.get('t'));
      setFlash(c, 'discussions.flash.goodPracticeDrafted');
      return redirectTo(c, `/good-practices/${out.id}/edit`);
    }),
  );

  return r;
}
