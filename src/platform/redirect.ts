/**
 * Where a page may send the person back to (`next` after sign-in or consent, `back` after a report):
 * only a path on this site, always in a language (issue 18.2). One function for the whole platform.
 *
 * Refused (null, and the caller falls back to its own page): anything but a string starting with one
 * `/`; any control character (tab, CR, LF and NUL included: browsers drop tab and newlines from a URL,
 * so `/\t/evil.example` is read as `//evil.example`); a backslash (read as `/`); `//` at the start
 * of the path (another host); anything longer than 2,000 characters. What passes is returned with the
 * language prefix: a path that carries one has it replaced by `locale`.
 */
import { LOCALES, type Locale } from './i18n.ts';

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\\\u2028\u2029\uFEFF\u200B-\u200F\u202A-\u202E\u2060-\u2064]/;
const PREFIX = new RegExp(`^/(?:${LOCALES.join('|')})(?=$|[/?#])`);
export const MAX_NEXT_LENGTH = 2000;

export function safeNext(next: unknown, locale: Locale): string | null {
  if (typeof next !== 'string' || next.length === 0 || next.length > MAX_NEXT_LENGTH) return null;
  if (next[0] !== '/' || UNSAFE.test(next)) return null;
  // What follows a language prefix is '', '/…', '?…' or '#…'; without a prefix, the whole path.
  const rest = next.replace(PREFIX, '');
  // `//host` (and `/en//host`, which some code might strip again) never pass.
  if (rest.startsWith('//')) return null;
  const out = `/${locale}${rest === '/' ? '' : rest}`;
  // Belt and braces: what a browser would make of it must be this site.
  const u = new URL(out, 'http://peerlink.invalid');
  return u.host === 'peerlink.invalid' && u.protocol === 'http:' ? out : null;
}
