/**
 * Numbers typed the reader's way. A French, Spanish or Portuguese official writes "1250,50" or
 * "1 250,50" / "1.250,50"; an English or Arabic one "1,250.50"; anyone may write the plain form
 * "1250.50"; Arabic-Indic digits (٠١٢…) and the Arabic separators (٫ ٬) are read too. Amounts are
 * shown back with Intl.NumberFormat in the reader's language.
 */
import { numberFormat } from './html/format.ts';
import type { Locale } from './i18n.ts';

type Separators = { decimal: string; group: string };
const SEPARATORS = new Map<string, Separators>();

/** The decimal and grouping separators of a language, as Intl writes them. */
export function separatorsOf(locale: string): Separators {
  let s = SEPARATORS.get(locale);
  if (!s) {
    const parts = new Intl.NumberFormat(locale, { numberingSystem: 'latn' }).formatToParts(12345.6);
    s = { decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.', group: parts.find((p) => p.type === 'group')?.value ?? ',' };
    SEPARATORS.set(locale, s);
  }
  return s;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A number as the reader typed it, or null when it is not one. The reader's own form is tried first
 * (in French "1,5" is one and a half), then the plain form with a point. Grouping separators must
 * separate groups of three digits ("1.250" is 1250 in Spanish; "12.50" is twelve and a half).
 */
export function parseLocaleNumber(input: string, locale: Locale | string): number | null {
  let s = input
    .replace(/[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g, '')
    .trim()
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u2212\u2013]/g, '-');
  const { decimal, group } = separatorsOf(locale);
  s = s.replace(/\u066b/g, decimal).replace(/\u066c/g, group);
  if (!s || s.length > 40) return null;
  const g = /[\u0020\u00a0\u2009\u202f]/.test(group) ? '[\\u0020\\u00a0\\u2009\\u202f]' : `(?:${esc(group)}|[\\u0020\\u00a0\\u2009\\u202f])`;
  const d = esc(decimal);
  const local = new RegExp(`^(-?)(\\d{1,3}(?:${g}\\d{3})+|\\d+)(?:${d}(\\d+))?$`);
  const m = local.exec(s);
  if (m) return 0 + Number(`${m[1]}${m[2]!.replace(/\D/g, '')}${m[3] ? `.${m[3]}` : ''}`);
  const plain = /^(-?)(\d{1,3}(?:[\u0020\u00a0\u2009\u202f]\d{3})+|\d+)(?:\.(\d+))?$/.exec(s);
  if (plain) return 0 + Number(`${plain[1]}${plain[2]!.replace(/\D/g, '')}${plain[3] ? `.${plain[3]}` : ''}`);
  // A decimal comma where the language groups with one ("1250,50" in English): a comma followed by
  // one or two digits cannot be a grouping.
  const comma = /^(-?\d+),(\d{1,2})$/.exec(s);
  return comma ? 0 + Number(`${comma[1]}.${comma[2]}`) : null;
}

/** A number in the reader's format (up to `fractionDigits` decimals). */
export function formatNumber(n: number, locale: Locale | string, fractionDigits = 2): string {
  return numberFormat(locale, { maximumFractionDigits: fractionDigits }).format(n);
}

/** An amount typed in a form, in cents (at most two decimals, at most `max` whole units), or null. */
export function parseAmountCents(input: string, locale: Locale | string, max = 999_999_999): number | null {
  const n = parseLocaleNumber(input, locale);
  if (n === null || n < 0 || n > max) return null;
  const cents = Math.round(n * 100);
  return Math.abs(cents - n * 100) < 1e-3 ? cents : null;
}

/** Cents shown back in a form field the reader's way ("1 250,50" in French), which parseAmountCents reads again. */
export function formatAmountInput(cents: number, locale: Locale | string): string {
  return numberFormat(locale, { minimumFractionDigits: cents % 100 ? 2 : 0, maximumFractionDigits: 2 }).format(cents / 100);
}

/**
 * A number from a form whose reader's language is not at hand (a schema shared by the page and the
 * API): spaces group; with both "," and "." the last is the decimal mark; one mark followed by
 * exactly three digits groups in a whole-number field ("30.000" people) and is the decimal mark
 * otherwise ("12,345" degrees); a mark that appears more than once groups. Null when not a number.
 */
export function parseFormNumber(input: string, opts: { integer: boolean }): number | null {
  const s = input.replace(/[\u200e\u200f\u061c]/g, '').trim().replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/\u066b/g, '.').replace(/\u066c/g, ',').replace(/[\u0020\u00a0\u2009\u202f]/g, '');
  const m = /^(-?)(\d[\d.,]*)$/.exec(s);
  if (!m || /[.,]{2}|[.,]$/.test(m[2]!)) return null;
  const body = m[2]!;
  const lastDot = body.lastIndexOf('.');
  const lastComma = body.lastIndexOf(',');
  let digits: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const dec = lastDot > lastComma ? '.' : ',';
    const grp = dec === '.' ? ',' : '.';
    const [whole, frac, ...rest] = body.split(dec);
    if (rest.length || !/^\d{1,3}(\d{3})*$/.test(whole!.split(grp).join('')) || !new RegExp(`^\\d{1,3}(\\${grp}\\d{3})*$`).test(whole!)) return null;
    digits = `${whole!.split(grp).join('')}.${frac}`;
  } else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? '.' : ',';
    const parts = body.split(mark);
    const groups = parts.length > 2 || (opts.integer && parts[1]!.length === 3);
    if (groups) {
      if (!parts.slice(1).every((p) => p.length === 3) || parts[0]!.length > 3) return null;
      digits = parts.join('');
    } else digits = `${parts[0]}.${parts[1]}`;
  } else digits = body;
  const n = 0 + Number(`${m[1]}${digits}`);
  if (!Number.isFinite(n)) return null;
  return n;
}
