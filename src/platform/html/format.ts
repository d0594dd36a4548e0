/** Formatting shared by every module's views: dates in the reader's language, lists of tags. */
import { html } from 'hono/html';
import type { Html } from './layout.ts';
import type { Locale } from '../i18n.ts';

/** A date (and time when `withTime`) in the reader's language, in UTC. */
export function fmtDate(d: Date | string | null, locale: Locale, withTime = false): string {
  if (!d) return '';
  const date = typeof d === 'string' ? new Date(d.length === 10 ? `${d}T00:00:00Z` : d) : d;
  return new Intl.DateTimeFormat(locale, withTime ? { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' } : { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** A list of tags. */
export function tags(label: string, items: string[]): Html {
  return items.length ? html`<ul class="tags" aria-label="${label}">${items.map((i) => html`<li>${i}</li>`)}</ul>` : html``;
}
