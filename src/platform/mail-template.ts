/**
 * The one template of every mail the platform sends (issue 16): a greeting by name, one short
 * context (what happened, on what, by whom: the sending module's text), one action with a link in
 * the recipient's language, and a footer saying why the person receives it with a link to their
 * notification preferences; a subject of at most 70 characters; a plain-text part and a light HTML
 * part (inline styles only, right to left in Arabic). Digests use the same frame around their items.
 *
 * Modules write only the subject and the context (and, if they like, the link and the action's
 * label); a link written with `mailLink(path)` in the context becomes the action when no `link` is
 * given, and gets the recipient's language prefix (`/fr/calls/…`).
 */
import { i18n, RTL_LOCALES, type Locale, type T } from './i18n.ts';
import { categoryOf, MAIL_CATEGORIES, type MailCategory } from './mail-categories.ts';

export const SUBJECT_MAX = 70;
const BASE_MARK = '@@BASE@@';
/** A link in a message: the worker puts the site's address and the recipient's language in front when it sends. */
export const mailLink = (path: string): string => `${BASE_MARK}${path}`;

/** What a module gives for one message. */
export type Message = {
  subject: string;
  /** What happened, on which request, call, exchange or topic, by whom: one or two sentences. */
  body: string;
  /** The action's link, made with mailLink(path); default: the first mailLink in the body. */
  link?: string;
  /** The action's label in the recipient's language; default "Open in Peerlink". */
  action?: string;
  /** The title of what the message is about (a request, a call, a topic): the digest groups by it. */
  about?: string;
  attachments?: { filename: string; contentType: string; content: string }[];
  /** The Reply-To of an immediate message (a discussion's per-recipient reply address); digests have none. */
  replyTo?: string;
};

/** One queued item as the template reads it. */
export type MailItem = { kind: string; subject: string; body: string; link?: string | null; action?: string | null; about?: string | null; createdAt?: Date };
export type Recipient = { name?: string | null; locale: Locale };
export type ComposedMail = { subject: string; text: string; html: string };
/** Why the person receives it: a category of their preferences, their account, or an invitation. */
export type Why = MailCategory | 'account' | 'invitation';

const LOCALE_PREFIX = /^\/(en|fr|es|pt|ar)(\/|$|\?|#)/;

/** An absolute link: the site's address, the recipient's language prefix (unless the path has one), the path. */
export function absoluteLink(link: string, locale: Locale, baseUrl: string): string {
  if (/^https?:\/\//.test(link)) return link;
  const path = link.startsWith(BASE_MARK) ? link.slice(BASE_MARK.length) : link;
  const base = baseUrl.replace(/\/$/, '');
  const p = path.startsWith('/') ? path : `/${path}`;
  return LOCALE_PREFIX.test(p) ? `${base}${p}` : `${base}/${locale}${p === '/' ? '' : p}`;
}

/** Every mailLink in a text made absolute. */
const withLinks = (text: string, locale: Locale, baseUrl: string) => text.replace(/@@BASE@@([^\s\u2066-\u2069]+)/g, (_m, p: string) => absoluteLink(p, locale, baseUrl));

/** Collapses white space and control characters and shortens to `max` characters at a word, with "…". */
export function shortSubject(s: string, max = SUBJECT_MAX): string {
  // Control characters and line breaks (a title pasted with them) become one space; no-break spaces stay.
  const flat = s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ').trim();
  const chars = [...flat];
  if (chars.length <= max) return flat;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,:;.\-–—(«“"']+$/u, '')}…`;
}

/**
 * The action's link and the context without it: a trailing "…: {link}" moves out of the text into
 * the action; a short line of its own before it ("Read and reply: {link}") becomes the action's label.
 * Bidi isolation marks the message formatter puts around values (U+2066–2069) are not part of a link.
 */
export function splitAction(item: Pick<MailItem, 'body' | 'link'>): { context: string; link: string | null; label: string | null } {
  let body = item.body.trim();
  let link = item.link ?? null;
  let label: string | null = null;
  if (!link) {
    const m = /@@BASE@@([^\s\u2066-\u2069]+)/.exec(body);
    if (m) link = BASE_MARK + m[1]!.replace(/[.,;)»”"']+$/u, '');
  }
  if (link) {
    const trailing = new RegExp(`[\\s\\u00a0\\u202f\\u2066-\\u2069]*([:：]?)[\\s\\u00a0\\u202f\\u2066-\\u2069]*${escapeRe(link)}[.,;)»”"'\\u2066-\\u2069]*\\s*$`, 'u');
    const found = trailing.exec(body);
    if (found) {
      body = body.slice(0, found.index).trimEnd();
      const nl = body.lastIndexOf('\n');
      const line = body.slice(nl + 1).trim();
      if (found[1] && nl > 0 && line && [...line].length <= 40 && !/[.!?؟]$/u.test(line)) {
        label = line;
        body = body.slice(0, nl).trimEnd();
      } else if (/[\p{L}\p{N}]$/u.test(body)) body += '.';
    }
  }
  return { context: body, link, label };
}
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Plain text to HTML: escaped, links clickable, paragraphs and line breaks kept. */
function textToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((para) => `<p style="margin:0 0 16px">${esc(para).replace(/https?:\/\/[^\s<]+/g, (u) => `<a href="${u}" style="color:#0b5cad">${u}</a>`).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

const greetingOf = (t: T, name?: string | null) => (name && name.trim() ? t('platform.mail.greeting', { name: name.trim() }) : t('platform.mail.greetingNoName'));

function why(t: T, w: Why): string {
  switch (w) {
    case 'requests':
      return t('platform.mail.why.requests');
    case 'exchanges':
      return t('platform.mail.why.exchanges');
    case 'networks':
      return t('platform.mail.why.networks');
    case 'events':
      return t('platform.mail.why.events');
    case 'news':
      return t('platform.mail.why.news');
    case 'invitation':
      return t('platform.mail.why.invitation');
    default:
      return t('platform.mail.why.account');
  }
}

/** The catalogue label of a category (also the preferences page's). */
export function categoryLabel(t: T, c: MailCategory): string {
  switch (c) {
    case 'requests':
      return t('platform.mail.category.requests');
    case 'exchanges':
      return t('platform.mail.category.exchanges');
    case 'networks':
      return t('platform.mail.category.networks');
    case 'events':
      return t('platform.mail.category.events');
    default:
      return t('platform.mail.category.news');
  }
}

/** A link of the footer: the notification preferences, or a newsletter's preferences and unsubscribe. */
export type FooterLink = { label: string; url: string };
type Frame = { locale: Locale; t: T; subject: string; greeting: string; blocksText: string[]; blocksHtml: string[]; why: string; footer: FooterLink[] };

const prefsLink = (t: T, locale: Locale, baseUrl: string): FooterLink[] => [{ label: t('platform.mail.preferences'), url: absoluteLink('/notifications/settings', locale, baseUrl) }];

function frame(f: Frame): ComposedMail {
  const dir = RTL_LOCALES.has(f.locale) ? 'rtl' : 'ltr';
  const footerText = f.footer.map((l) => `${f.t('platform.mail.labelled', { label: l.label })}\n${l.url}`).join('\n');
  const text = [f.greeting, ...f.blocksText, `-- \n${f.why}${footerText ? `\n${footerText}` : ''}`].join('\n\n') + '\n';
  const html =
    `<!doctype html><html lang="${f.locale}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${esc(f.subject)}</title></head>` +
    `<body style="margin:0;padding:0;background:#f3f4f6"><div lang="${f.locale}" dir="${dir}" style="max-width:560px;margin:0 auto;padding:24px 20px;background:#ffffff;color:#1b1f24;font:16px/1.5 Arial,Helvetica,sans-serif">` +
    `<p style="margin:0 0 16px">${esc(f.greeting)}</p>${f.blocksHtml.join('')}` +
    `<p style="margin:24px 0 0;padding-top:12px;border-top:1px solid #d0d4da;font-size:13px;color:#4a5260">${esc(f.why)}${f.footer.map((l) => ` <a href="${esc(l.url)}" style="color:#0b5cad">${esc(l.label)}</a>`).join(' ·')}</p>` +
    `</div></body></html>`;
  return { subject: f.subject, text, html };
}

function actionHtml(label: string, url: string): string {
  return `<p style="margin:8px 0 24px"><a href="${esc(url)}" style="display:inline-block;padding:10px 18px;background:#0b5cad;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold">${esc(label)}</a></p>`;
}

/** One message to one person. */
export function composeMessage(r: Recipient, item: MailItem, baseUrl: string, w?: Why): ComposedMail {
  const t = i18n().translator(r.locale);
  const split = splitAction(item);
  const { context, link } = split;
  const text = withLinks(context, r.locale, baseUrl);
  const url = link ? absoluteLink(link, r.locale, baseUrl) : absoluteLink('/', r.locale, baseUrl);
  const label = item.action?.trim() || split.label || t('platform.mail.action');
  return frame({
    locale: r.locale,
    t,
    subject: shortSubject(item.subject),
    greeting: greetingOf(t, r.name),
    blocksText: [text, `${t('platform.mail.labelled', { label })}\n${url}`],
    blocksHtml: [textToHtml(text), actionHtml(label, url)],
    why: why(t, w ?? categoryOf(item.kind) ?? 'account'),
    footer: prefsLink(t, r.locale, baseUrl),
  });
}

/** The object a link points at (`/discussions/<id>`): items about the same thing sit together in a digest. */
const objectOf = (link: string | null) => (link ? link.replace(BASE_MARK, '').replace(LOCALE_PREFIX, '/').split(/[?#]/)[0]!.split('/').slice(0, 3).join('/') : '');

/** The items of a digest grouped: by category, then by what they are about (a request, call, exchange, topic), newest first. */
export function digestGroups(items: MailItem[]): { category: MailCategory | undefined; groups: { heading: string; items: (MailItem & { context: string; link: string | null })[] }[] }[] {
  const newest = (xs: { createdAt?: Date }[]) => Math.max(...xs.map((x) => x.createdAt?.getTime() ?? 0));
  const sorted = [...items].sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0));
  const byCat = new Map<string, Map<string, (MailItem & { context: string; link: string | null })[]>>();
  for (const it of sorted) {
    const cat = categoryOf(it.kind) ?? '';
    const split = splitAction(it);
    const key = it.about?.trim() || objectOf(split.link) || it.subject;
    const groups = byCat.get(cat) ?? new Map();
    byCat.set(cat, groups);
    groups.set(key, [...(groups.get(key) ?? []), { ...it, context: split.context, link: split.link }]);
  }
  const order = (c: string) => (MAIL_CATEGORIES as readonly string[]).indexOf(c);
  return [...byCat.entries()]
    .sort((a, b) => newest([...b[1].values()].flat()) - newest([...a[1].values()].flat()) || order(a[0]) - order(b[0]))
    .map(([cat, groups]) => ({
      category: (cat || undefined) as MailCategory | undefined,
      groups: [...groups.values()].map((xs) => ({ heading: xs[0]!.about?.trim() || shortSubject(xs[0]!.subject), items: xs })),
    }));
}

/** A daily or weekly digest: the same items immediate mail would have carried, grouped, newest first. */
export function composeDigest(r: Recipient, items: MailItem[], baseUrl: string, mode: 'daily' | 'weekly'): ComposedMail {
  const t = i18n().translator(r.locale);
  const blocksText: string[] = [mode === 'weekly' ? t('platform.mail.digestIntroWeekly') : t('platform.mail.digestIntroDaily')];
  const blocksHtml: string[] = [textToHtml(blocksText[0]!)];
  const cats = digestGroups(items);
  for (const c of cats) {
    const head = c.category ? categoryLabel(t, c.category) : t('platform.mail.category.other');
    blocksText.push(`== ${head} ==`);
    blocksHtml.push(`<h2 style="margin:24px 0 8px;font-size:18px">${esc(head)}</h2>`);
    for (const g of c.groups) {
      blocksText.push(`# ${g.heading}`);
      blocksHtml.push(`<h3 style="margin:16px 0 4px;font-size:16px">${esc(g.heading)}</h3>`);
      for (const it of g.items) {
        const url = it.link ? absoluteLink(it.link, r.locale, baseUrl) : absoluteLink('/', r.locale, baseUrl);
        const subject = shortSubject(it.subject);
        const context = withLinks(it.context, r.locale, baseUrl);
        blocksText.push(`* ${subject}\n${context}\n${url}`);
        blocksHtml.push(`<div style="margin:0 0 12px"><p style="margin:0"><a href="${esc(url)}" style="color:#0b5cad;font-weight:bold">${esc(subject)}</a></p>${textToHtml(context).replace(/margin:0 0 16px/g, 'margin:0')}</div>`);
      }
    }
  }
  const cat = categoryOf(items[0]?.kind ?? '');
  const allSame = items.every((i) => categoryOf(i.kind) === cat);
  return frame({
    locale: r.locale,
    t,
    subject: shortSubject(t('platform.mail.digestSubject', { count: items.length })),
    greeting: greetingOf(t, r.name),
    blocksText,
    blocksHtml,
    why: allSame && cat ? why(t, cat) : t('platform.mail.why.digest'),
    footer: prefsLink(t, r.locale, baseUrl),
  });
}

/** A mail sent outside the outbox (verification, invitation): the same frame, links absolute. */
export function composeDirect(locale: Locale, name: string | null | undefined, m: Message, baseUrl: string, w: Why): ComposedMail {
  return composeMessage({ locale, name }, { kind: 'accounts.direct', subject: m.subject, body: m.body, link: m.link ?? null, action: m.action ?? null }, baseUrl, w);
}

/**
 * A mail to an address that may have no account (a newsletter, its confirmation, a lessons brief):
 * the same frame, with the sender's own sentence saying why and its own footer links (a
 * newsletter's preferences and one-click unsubscribe) instead of the account's preferences. Links
 * are absolute already; `name` may be unknown (a greeting without a name).
 */
export function composeFramed(o: { locale: Locale; name?: string | null; subject: string; body: string; action?: FooterLink | null; why: string; footer: FooterLink[] }): ComposedMail {
  const t = i18n().translator(o.locale);
  const body = o.body.trim();
  const blocksText = [body];
  const blocksHtml = [textToHtml(body)];
  if (o.action) {
    blocksText.push(`${t('platform.mail.labelled', { label: o.action.label })}\n${o.action.url}`);
    blocksHtml.push(actionHtml(o.action.label, o.action.url));
  }
  return frame({ locale: o.locale, t, subject: shortSubject(o.subject), greeting: greetingOf(t, o.name), blocksText, blocksHtml, why: o.why, footer: o.footer });
}
