/**
 * Working languages: the ISO 639-1 codes, named in the reader's language by Intl.DisplayNames
 * (Node ships full ICU). The code list is the standard's; names are never typed by hand.
 */
import type { Locale } from '../platform/i18n.ts';
import type { Labels } from './labels.ts';

// ISO 639-1 (183 codes; the deprecated `sh` and `mo` left out).
export const LANGUAGE_CODES: readonly string[] = Object.freeze(
  (
    'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ' +
    'ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my ' +
    'na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ' +
    'ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'
  ).split(' '),
);
const set = new Set(LANGUAGE_CODES);
export const isLanguageCode = (v: unknown): v is string => typeof v === 'string' && set.has(v);

const namers = new Map<Locale, Intl.DisplayNames>();
/** The language's name in the reader's language. */
export function languageName(code: string, locale: Locale): string {
  let n = namers.get(locale);
  if (!n) {
    n = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
    namers.set(locale, n);
  }
  // Intl throws a RangeError on what is not a language tag ("xx-!!" from a query): only the list's codes are named.
  const name = typeof code === 'string' && isLanguageCode(code) ? (n.of(code) ?? code) : String(code);
  // Names start lower-case in French, Spanish and Portuguese; capitalise for lists and options.
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

/** A language's name inside a sentence ("en inglés", "traduit de l'anglais"): as the language writes it, not capitalised (Arabic and English are unchanged). */
export function languageNameInline(code: string, locale: Locale): string {
  const name = languageName(code, locale);
  return locale === 'fr' || locale === 'es' || locale === 'pt' ? name.charAt(0).toLocaleLowerCase(locale) + name.slice(1) : name;
}

export function languageLabels(code: string): Labels {
  return { en: languageName(code, 'en'), fr: languageName(code, 'fr'), es: languageName(code, 'es'), pt: languageName(code, 'pt'), ar: languageName(code, 'ar') };
}

const optionCache = new Map<Locale, { value: string; label: string }[]>();
/** Select options sorted by name in the reader's language. */
export function languageOptions(locale: Locale): { value: string; label: string }[] {
  let o = optionCache.get(locale);
  if (!o) {
    o = LANGUAGE_CODES.map((c) => ({ value: c, label: languageName(c, locale) })).sort((a, b) => a.label.localeCompare(b.label, locale));
    optionCache.set(locale, o);
  }
  return o;
}
