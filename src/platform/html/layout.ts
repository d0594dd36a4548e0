/** The page shell: skip link, header, navigation, language switcher, main, footer. */
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { LOCALES, LOCALE_NAMES, RTL_LOCALES, type Locale, type T } from '../i18n.ts';
import type { CurrentUser } from '../http.ts';
import { href } from '../http.ts';
import { CSS_PATH } from './static.ts';
import { LOGO_SVG } from './logo.ts';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export type PageMeta = {
  locale: Locale;
  t: T;
  nonce: string;
  user: CurrentUser | null;
  /** Path without the language prefix, for the language switcher. */
  path: string;
  /** Query string to keep when switching language. */
  query?: string;
  csrfToken?: string;
};

export type PageOptions = { title: string; body: Html; flash?: string | null; nav?: 'organisations' | 'people' | 'account' | 'home' | 'waiting' | null };

/** Renders a full HTML document. */
export function layout(meta: PageMeta, opts: PageOptions): Html {
  const { locale, t, user } = meta;
  const dir = RTL_LOCALES.has(locale) ? 'rtl' : 'ltr';
  // The section the reader is in is marked for assistive technology.
  const item = (path: string, label: string) =>
    html`<li><a href="${href(locale, path)}"${meta.path === path || meta.path.startsWith(`${path}/`) ? html` aria-current="page"` : ''}>${label}</a></li>`;
  const switcher = LOCALES.map(
    (l) =>
      html`<li><a href="${href(l, meta.path)}${meta.query ? `?${meta.query}` : ''}" lang="${l}" dir="${RTL_LOCALES.has(l) ? 'rtl' : 'ltr'}" hreflang="${l}"${l === locale ? html` aria-current="true"` : ''}>${LOCALE_NAMES[l]}</a></li>`,
  );
  return html`<!doctype html>
<html lang="${locale}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title} · Peerlink</title>
<link rel="stylesheet" href="${CSS_PATH}">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
</head>
<body>
<a class="skip" href="#main">${t('platform.nav.skip')}</a>
<header class="site">
<div class="bar">
<a class="brand" href="${href(locale, '/')}" dir="ltr">${raw(LOGO_SVG)}Peerlink</a>
<nav aria-label="${t('platform.nav.main')}">
<ul>
${item('/calls', t('platform.nav.calls'))}
${item('/organisations', t('platform.nav.organisations'))}
${user ? item('/people', t('platform.nav.people')) : ''}
${user ? item('/requests', t('platform.nav.requests')) : ''}
${user ? item('/exchanges', t('platform.nav.exchanges')) : ''}
${user && user.roles.some((r) => r === 'broker' || r === 'admin') ? item('/broker', t('platform.nav.broker')) : ''}
${item('/good-practices', t('platform.nav.goodPractices'))}
${item('/networks', t('platform.nav.networks'))}
${item('/events', t('platform.nav.events'))}
${
  user
    ? html`${item('/me/waiting', t('platform.nav.waiting'))}
${item('/account', t('platform.nav.account'))}
<li><form method="post" novalidate action="${href(locale, '/sign-out')}" class="inline"><button type="submit" class="link">${t('platform.nav.signOut')}</button></form></li>`
    : html`${item('/sign-in', t('platform.nav.signIn'))}
${item('/register', t('platform.nav.register'))}`
}
</ul>
</nav>
<nav aria-label="${t('platform.nav.language')}" class="langs"><ul>${switcher}</ul></nav>
</div>
</header>
<main id="main" tabindex="-1">
${opts.flash ? html`<div class="flash" role="status">${opts.flash}</div>` : ''}
${opts.body}
</main>
<footer class="site"><p>${t('platform.footer.tagline')} · <a href="${href(locale, '/privacy')}">${t('platform.footer.privacy')}</a></p></footer>
</body>
</html>`;
}
