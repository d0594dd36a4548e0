/**
 * What people wrote, as a reader sees it: in its own language and direction (`lang`, `dir="auto"`,
 * so French in an Arabic page and Arabic in a French page lay out right), and, when the
 * translations module made a machine translation into the reader's language, labelled as such with
 * the original one click away (issue 14; Decidim's way: machine translations apart, labelled, the
 * original always reachable). A human translation, where a module has one, is shown as written.
 */
import { html } from 'hono/html';
import type { Html } from './layout.ts';
import type { Locale, T } from '../i18n.ts';
import { languageNameInline } from '../../taxonomy/languages.ts';

/** One field as shown: its text and the language it is in (null: unknown). */
export type ShownText = { text: string; lang: string | null };

/**
 * A piece of user content for one reader. `state`: `as-written` (in the reader's language, or of
 * unknown language), `machine` (machine translated from `sourceLang`), `pending` (a translation is
 * being made; the original is shown), `original` (the reader asked for the original of a translation),
 * `unavailable` (no engine for this pair, e.g. Arabic without LibreTranslate: the original, labelled).
 */
export type ReaderView<F extends string = string> = {
  fields: Record<F, ShownText>;
  sourceLang: string | null;
  state: 'as-written' | 'machine' | 'pending' | 'original' | 'unavailable';
  engine: string | null;
  /** The reader asked to see originals first (a preference kept in a cookie, for visitors too). */
  originalsFirst?: boolean;
};

/** The cookie that keeps the "originals first" preference (`1`), read by the translations module. */
export const ORIGINALS_COOKIE = 'pl_originals';

/** A field in its own language and direction; `block` for paragraphs (line breaks kept). */
export function userText(v: ShownText, block = false): Html {
  const lang = v.lang ? html` lang="${v.lang}"` : '';
  return block ? html`<div class="prewrap"${lang} dir="auto">${v.text}</div>` : html`<bdi${lang}>${v.text}</bdi>`;
}

/**
 * The line that says what the reader is reading, with the way to the other version: `path` is the
 * page's own path with the language prefix (the links add or drop `?original=1`).
 */
export function translationNotice(t: T, locale: Locale, v: ReaderView, path: string): Html {
  if (!v.sourceLang || v.state === 'as-written') return html``;
  const from = languageNameInline(v.sourceLang, locale);
  const to = languageNameInline(locale, locale);
  // The preference, one button away (a form: it changes state; no JavaScript).
  const preference = (on: boolean) =>
    html`<form method="post" action="/${locale}/translations/originals" class="inline"><input type="hidden" name="on" value="${on ? '1' : '0'}"><input type="hidden" name="next" value="${path}"><button type="submit" class="link">${t(
      on ? 'platform.translation.originalsFirst' : 'platform.translation.translationsFirst',
    )}</button></form>`;
  switch (v.state) {
    case 'machine':
      return html`<div class="notice translation" role="note"><p>${t('platform.translation.machine', { language: from })} <a href="${path}?original=1">${t('platform.translation.showOriginal')}</a></p>${preference(true)}</div>`;
    case 'original':
      return html`<div class="notice translation" role="note"><p>${t('platform.translation.original', { language: from })} <a href="${path}${v.originalsFirst ? '?original=0' : ''}">${t('platform.translation.showTranslation', { language: to })}</a></p>${
        v.originalsFirst ? preference(false) : ''
      }</div>`;
    case 'pending':
      return html`<p class="notice translation" role="note">${t('platform.translation.pending', { language: from, target: to })}</p>`;
    default:
      return html`<p class="notice translation" role="note">${t('platform.translation.writtenIn', { language: from })}</p>`;
  }
}
