/**
 * Newsletter pages: archives and Atom feeds per network and programme, an issue, the writer's form,
 * preview (with the recipient count) and send, "mail this news item" from a programme's timeline;
 * subscribing without an account, its confirmation, the one-click unsubscribe (RFC 8058: a POST with
 * the mail's token and nothing else, let through the cross-site guard by the manifest's `tokenPosts`)
 * and the preferences page. Thin: parse, call a service, render. Its JSON: news.api.ts.
 */
import { Hono } from 'hono';
import { Feed } from 'feed';
import type { AppEnv, Ctx } from '../../platform/http.ts';
import { href } from '../../platform/http.ts';
import { redirectTo, setFlash } from '../../platform/render.ts';
import { emptyForm } from '../../platform/html/form.ts';
import { formAction, formBody, requireUser } from '../../platform/forms.ts';
import { errorFields } from '../../platform/log.ts';
import * as svc from './news.service.ts';
import * as v from './news.views.ts';
import { readerViewFor } from '../translations/translations.service.ts';

const envOf = (c: Ctx): svc.NewsEnv => ({ baseUrl: c.get('deps').config.baseUrl });
const listQuery = (c: Ctx) => ({ network: c.req.query('network'), programme: c.req.query('programme') });

/** Sends what is due in the background (the job does it too): the "send" click need not wait for the mail server. */
function kick(c: Ctx): void {
  const deps = c.get('deps');
  void svc.sendDue(deps.database.db, deps.mailer, deps.now(), envOf(c)).catch((e: unknown) => deps.log.warn('newsletter send failed', errorFields(e)));
}

async function feed(c: Ctx, kind: svc.ListKind, slug: string): Promise<Response> {
  const ctx = c.var.ctx;
  const t = c.get('t');
  const base = c.get('deps').config.baseUrl.replace(/\/$/, '');
  const a = await svc.archive({ ...ctx, actor: null }, kind, slug);
  const path = `/${kind === 'network' ? 'networks' : 'programmes'}/${slug}/news`;
  const f = new Feed({
    title: `${t('news.archive.title')}: ${a.list.name.text}`,
    id: `${base}${href(ctx.locale, path)}`,
    link: `${base}${href(ctx.locale, path)}`,
    language: ctx.locale,
    copyright: 'Peerlink',
    updated: a.issues.reduce((d, x) => (x.sentAt && x.sentAt > d ? x.sentAt : d), new Date(0)),
  });
  for (const i of a.issues)
    f.addItem({ title: i.shown.subject, id: `urn:uuid:${i.id}`, link: `${base}${href(ctx.locale, `/news/issues/${i.id}?lang=${i.shown.lang}`)}`, date: i.sentAt ?? i.createdAt, description: i.shown.body.slice(0, 500), content: i.shown.body });
  c.header('Content-Type', 'application/atom+xml; charset=utf-8');
  return c.body(f.atom1());
}

export function newsRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get('/networks/:slug/news', async (c) => v.archivePage(c, await svc.archive(c.var.ctx, 'network', c.req.param('slug'))));
  r.get('/networks/:slug/news/feed.atom', (c) => feed(c, 'network', c.req.param('slug')));
  r.get('/programmes/:slug/news', async (c) => v.archivePage(c, await svc.archive(c.var.ctx, 'programme', c.req.param('slug'))));
  r.get('/programmes/:slug/news/feed.atom', (c) => feed(c, 'programme', c.req.param('slug')));

  r.post('/programmes/:slug/news/from-timeline', async (c) => {
    requireUser(c);
    const out = await svc.issueFromTimeline(c.var.ctx, c.req.param('slug'), await formBody(c));
    setFlash(c, 'news.form.created');
    return redirectTo(c, `/news/issues/${out.id}/edit`);
  });

  r.get('/news/new', async (c) => {
    requireUser(c);
    const list = await svc.managedList(c.var.ctx, listQuery(c));
    return v.formPage(c, { list, action: `/news/issues?${list.kind}=${list.slug}` }, emptyForm({ lang: c.get('locale') }));
  });

  r.post('/news/issues', async (c) => {
    requireUser(c);
    const list = await svc.managedList(c.var.ctx, listQuery(c));
    return formAction(
      c,
      async (body) => {
        const out = await svc.createIssue(c.var.ctx, listQuery(c), body);
        setFlash(c, 'news.form.created');
        return redirectTo(c, `/news/issues/${out.id}/preview`);
      },
      (form, status) => v.formPage(c, { list, action: `/news/issues?${list.kind}=${list.slug}` }, form, status),
    );
  });

  r.get('/news/issues/:id', async (c) => {
    const i = await svc.getIssue(c.var.ctx, c.req.param('id'), c.req.query('lang'));
    // No version in the reader's language (and none asked for): a machine translation, made in the background, labelled (issue 14).
    const shown = !c.req.query('lang') && i.shown.lang !== c.get('locale') ? await readerViewFor(c, 'news_issue', i.id, { subject: i.shown.subject, body: i.shown.body }, i.shown.lang) : null;
    return v.issuePage(c, i, shown);
  });

  r.get('/news/issues/:id/edit', async (c) => {
    requireUser(c);
    const d = await svc.editForm(c.var.ctx, c.req.param('id'));
    return v.formPage(c, { list: d.issue.list, action: `/news/issues/${d.issue.id}`, issueId: d.issue.id }, emptyForm(d.values));
  });

  r.post('/news/issues/:id', async (c) => {
    requireUser(c);
    const id = c.req.param('id');
    const d = await svc.editForm(c.var.ctx, id);
    return formAction(
      c,
      async (body) => {
        await svc.updateIssue(c.var.ctx, id, body);
        setFlash(c, 'news.form.saved');
        return redirectTo(c, `/news/issues/${id}/preview`);
      },
      (form, status) => v.formPage(c, { list: d.issue.list, action: `/news/issues/${id}`, issueId: id }, form, status),
    );
  });

  r.get('/news/issues/:id/preview', async (c) => {
    requireUser(c);
    return v.previewPage(c, await svc.preview(c.var.ctx, c.req.param('id')));
  });

  r.post('/news/issues/:id/send', async (c) => {
    requireUser(c);
    const id = c.req.param('id');
    const out = await svc.sendIssue(c.var.ctx, id);
    if (out.ok) kick(c);
    setFlash(c, out.ok ? 'news.preview.sent' : 'news.preview.alreadySent');
    return redirectTo(c, `/news/issues/${id}`);
  });

  // ---------- subscribing without an account ----------

  r.get('/news/subscribe', async (c) => {
    const d = await svc.subscribeForm(c.var.ctx, listQuery(c));
    return v.subscribePage(c, d, emptyForm({ locale: c.get('locale'), lists: d.chosen }));
  });

  r.post('/news/subscribe', async (c) =>
    formAction(
      c,
      async (body) => {
        const req = await svc.subscribe(c.var.ctx, body);
        const deps = c.get('deps');
        // In the background: the answer is the same, and as fast, for any address.
        void svc.mailConfirmation(deps.mailer, envOf(c), req).catch((e: unknown) => deps.log.warn('newsletter confirmation mail failed', errorFields(e)));
        return redirectTo(c, '/news/subscribe/sent');
      },
      async (form, status) => v.subscribePage(c, await svc.subscribeForm(c.var.ctx, {}), form, status),
    ),
  );

  r.get('/news/subscribe/sent', (c) => v.checkMailPage(c));

  r.get('/news/confirm/:token', async (c) => {
    const t = c.get('t');
    const token = c.req.param('token');
    if (!(await svc.confirmationValid(c.var.ctx, token))) return v.messagePage(c, t('news.confirm.invalidTitle'), t('news.confirm.invalid'), 404);
    return v.tokenButtonPage(c, { title: t('news.confirm.title'), lead: t('news.confirm.lead'), action: `/news/confirm/${token}`, button: t('news.confirm.button') });
  });

  r.post('/news/confirm/:token', async (c) => {
    const t = c.get('t');
    const out = await svc.confirm(c.var.ctx, c.req.param('token'));
    if (!out.ok) return v.messagePage(c, t('news.confirm.invalidTitle'), t('news.confirm.invalid'), 404);
    return v.messagePage(c, t('news.confirm.doneTitle'), t('news.confirm.done', { lists: out.lists.map((l) => l.name.text).join(', ') }));
  });

  r.get('/news/unsubscribe/:token', async (c) => {
    const t = c.get('t');
    const token = c.req.param('token');
    const list = await svc.unsubscribeTarget(c.var.ctx, token);
    if (!list) return v.messagePage(c, t('news.unsubscribe.invalidTitle'), t('news.unsubscribe.invalid'), 404);
    return v.tokenButtonPage(c, { title: t('news.unsubscribe.title'), lead: t('news.unsubscribe.lead', { list: list.name.text }), action: `/news/unsubscribe/${token}`, button: t('news.unsubscribe.button') });
  });

  // RFC 8058: the mail provider POSTs `List-Unsubscribe=One-Click` here, from anywhere, without cookies.
  r.post('/news/unsubscribe/:token', async (c) => {
    const t = c.get('t');
    const out = await svc.unsubscribe(c.var.ctx, c.req.param('token'));
    if (!out.ok) return v.messagePage(c, t('news.unsubscribe.invalidTitle'), t('news.unsubscribe.invalid'), 404);
    return v.messagePage(c, t('news.unsubscribe.doneTitle'), t('news.unsubscribe.done'));
  });

  r.get('/news/preferences/:token', async (c) => {
    const token = c.req.param('token');
    const p = await svc.preferences(c.var.ctx, token);
    return v.preferencesPage(c, token, p, emptyForm({ locale: p.locale ?? undefined, lists: p.chosen }));
  });

  r.post('/news/preferences/:token', async (c) => {
    const token = c.req.param('token');
    const p = await svc.preferences(c.var.ctx, token);
    return formAction(
      c,
      async (body) => {
        await svc.savePreferences(c.var.ctx, token, { lists: [], ...body });
        setFlash(c, 'news.preferences.saved');
        return redirectTo(c, `/news/preferences/${token}`);
      },
      (form, status) => v.preferencesPage(c, token, p, form, status),
    );
  });

  return r;
}
