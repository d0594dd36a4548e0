/** The page shell: skip link, header, navigation, language switcher, main, footer. */
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { LOCALES, LOCALE_NAMES, RTL_LOCALES, type Locale, type T } from '../i18n.ts';
import type { CurrentUser } from '../http.ts';
import { href } from '../http.ts';
import { CSS_PATH } from './static.ts';

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

export type PageOptions = { title: string; body: Html; flash?: string | null; nav?: 'organisations' | 'people' | 'account' | 'home' | null };

/** Renders a full HTML document. */
export function layout(meta: PageMeta, opts: PageOptions): Html {
  const { locale, t, user } = meta;
  const dir = RTL_LOCALES.has(locale) ? 'rtl' : 'ltr';
  const current = (key: PageOptions['nav']) => (opts.nav === key ? html` aria-current="page"` : '');
  const switcher = LOCALES.map(
    (l) =>
      html`<li><a href="${href(l, meta.path)}${meta.query ? `?${meta.query}` : ''}" lang="${l}" hreflang="${l}"${l === locale ? html` aria-current="true"` : ''}>${LOCALE_NAMES[l]}</a></li>`,
  );
  return html`<!doctype html>
<html lang="${locale}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title} · Peerlink</title>
<link rel="stylesheet" href="${CSS_PATH}">
</head>
<body>
<a class="skip" href="#main">${t('platform.nav.skip')}</a>
<header class="site">
<div class="bar">
<a class="brand" href="${href(locale, '/')}">Peerlink</a>
<nav aria-label="${t('platform.nav.main')}">
<ul>
<li><a href="${href(locale, '/organisations')}"${current('organisations')}>${t('platform.nav.organisations')}</a></li>
${user ? html`<li><a href="${href(locale, '/people')}"${current('people')}>${t('platform.nav.people')}</a></li>` : ''}
${
  user
    ? html`<li><a href="${href(locale, '/account')}"${current('account')}>${t('platform.nav.account')}</a></li>
<li><form method="post" action="${href(locale, '/sign-out')}" class="inline"><button type="submit" class="link">${t('platform.nav.signOut')}</button></form></li>`
    : html`<li><a href="${href(locale, '/sign-in')}">${t('platform.nav.signIn')}</a></li>
<li><a href="${href(locale, '/register')}">${t('platform.nav.register')}</a></li>`
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
<footer class="site"><p>${t('platform.footer.tagline')}</p></footer>
</body>
</html>`;
}
