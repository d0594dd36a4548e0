/**
 * Translations: ICU MessageFormat catalogues, one folder `locales/` per module with
 * `{en,fr,es,pt,ar}.json`. Keys are namespaced (`organisations.form.name`) and always written
 * out in full in the code, never built at run time (scripts/check-i18n.ts checks both).
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';

export const LOCALES = ['en', 'fr', 'es', 'pt', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';
export const RTL_LOCALES: ReadonlySet<Locale> = new Set(['ar']);
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français', es: 'Español', pt: 'Português', ar: 'العربية' };

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

export type Values = Record<string, string | number | Date | boolean | null | undefined>;
/** A translate function bound to one locale. */
export type T = (key: string, values?: Values) => string;

const srcRoot = fileURLToPath(new URL('..', import.meta.url));

/** Every `locales` folder under src/. */
export function localeFolders(root = srcRoot): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules') continue;
      const p = join(dir, name);
      if (!statSync(p).isDirectory()) continue;
      if (name === 'locales') out.push(p);
      else walk(p);
    }
  };
  walk(root);
  return out.sort();
}

/** Reads all catalogues: locale → key → message. */
export function loadCatalogues(root = srcRoot): Record<Locale, Record<string, string>> {
  const cats = Object.fromEntries(LOCALES.map((l) => [l, {} as Record<string, string>])) as Record<Locale, Record<string, string>>;
  for (const folder of localeFolders(root)) {
    for (const l of LOCALES) {
      const f = join(folder, `${l}.json`);
      if (!existsSync(f)) continue;
      const data = JSON.parse(readFileSync(f, 'utf8')) as Record<string, string>;
      for (const [k, v] of Object.entries(data)) {
        if (k in cats[l]) throw new Error(`Duplicate translation key ${k} in ${f}`);
        cats[l][k] = v;
      }
    }
  }
  return cats;
}

const LTR_LETTER = /[A-Za-z\u00C0-\u024F]/;
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

export type I18n = { t(locale: Locale, key: string, values?: Values): string; translator(locale: Locale): T; has(key: string): boolean };

/** Compiles messages lazily and caches them. A key missing in a locale falls back to English; a key missing everywhere shows the key. */
export function createI18n(catalogues = loadCatalogues()): I18n {
  const cache = new Map<string, { f: IntlMessageFormat; typed: Set<string> }>();
  const numbers = new Map<Locale, Intl.NumberFormat>();
  const t = (locale: Locale, keyWithValues: string, given?: Values): string => {
    // A field error may carry its values (`platform.form.tooShort?min=20`, keyWith below).
    const [key, values] = splitKey(keyWithValues, given);
    const msg = catalogues[locale][key] ?? catalogues.en[key];
    if (msg === undefined) return key;
    const id = `${locale}\u0000${key}`;
    let m = cache.get(id);
    if (!m) {
      // Arguments the message formats itself ({n, plural, …}, {x, number}) get the number as it is.
      m = { f: new IntlMessageFormat(msg, locale), typed: new Set([...msg.matchAll(/\{\s*(\w+)\s*,/g)].map((x) => x[1]!)) };
      cache.set(id, m);
    }
    // A number in a plain {value} is written the reader's way ("4,2" in French), as intl-messageformat does not.
    // A text in the other direction (a French name in an Arabic sentence, an Arabic title in a French one) is
    // isolated (FSI … PDI, as Fluent does), so that the punctuation around it stays in place (issue 14.2).
    let vals = values;
    if (values) {
      for (const [k, v] of Object.entries(values)) {
        if (typeof v === 'string' && (locale === 'ar' ? LTR_LETTER : RTL_LETTER).test(v) && !/^[\u2066-\u2068]/.test(v)) {
          vals = { ...vals, [k]: `\u2068${v}\u2069` };
          continue;
        }
        if (typeof v !== 'number' || m.typed.has(k)) continue;
        let nf = numbers.get(locale);
        if (!nf) numbers.set(locale, (nf = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })));
        vals = { ...vals, [k]: nf.format(v) };
      }
    }
    return String(m.f.format(vals as never));
  };
  return { t, translator: (locale) => (key, values) => t(locale, key, values), has: (key) => key in catalogues.en };
}

/**
 * A catalogue key that carries its values, for messages stored before they are translated (a field
 * error names its limit: `platform.form.tooLong?max=5000&length=5012`). `t` reads them back.
 */
export function keyWith(key: string, values: Record<string, string | number>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) q.set(k, String(v));
  return `${key}?${q}`;
}

function splitKey(key: string, given?: Values): [string, Values | undefined] {
  const q = key.indexOf('?');
  if (q < 0) return [key, given];
  const values: Values = {};
  for (const [k, v] of new URLSearchParams(key.slice(q + 1))) values[k] = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
  return [key.slice(0, q), { ...values, ...given }];
}

let shared: I18n | undefined;
/** The process-wide catalogues (read once). */
export function i18n(): I18n {
  shared ??= createI18n();
  return shared;
}

/** Picks the best supported locale from an Accept-Language header. */
export function negotiateLocale(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  const parts = header
    .split(',')
    .map((p) => {
      const [tag, ...params] = p.trim().split(';');
      const q = params.find((x) => x.trim().startsWith('q='));
      return { tag: tag!.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((p) => p.tag && p.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const p of parts) {
    const base = p.tag.split('-')[0];
    if (isLocale(base)) return base;
  }
  return undefined;
}

/** Reads multilingual user content `{ en: …, fr: … }`: the reader's language, else the original. */
export function localized(value: Record<string, string> | null | undefined, locale: Locale, original?: string): { text: string; lang: string; isOriginal: boolean } {
  if (!value) return { text: '', lang: locale, isOriginal: true };
  if (value[locale]) return { text: value[locale]!, lang: locale, isOriginal: !original || original === locale };
  const lang = original && value[original] ? original : (Object.keys(value)[0] ?? locale);
  return { text: value[lang] ?? '', lang, isOriginal: true };
}
