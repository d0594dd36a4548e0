/**
 * Countries (ISO 3166-1 alpha-2) with names from the maintained `i18n-iso-countries` library,
 * registered for the five interface languages.
 */
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import pt from 'i18n-iso-countries/langs/pt.json' with { type: 'json' };
import ar from 'i18n-iso-countries/langs/ar.json' with { type: 'json' };
import type { Locale } from '../platform/i18n.ts';
import type { Labels } from './labels.ts';

for (const l of [en, fr, es, pt, ar]) countries.registerLocale(l as countries.LocaleData);

/** Every alpha-2 code the library knows, sorted. */
export const COUNTRY_CODES: readonly string[] = Object.freeze(Object.keys(countries.getAlpha2Codes()).sort());
const set = new Set(COUNTRY_CODES);

/** True for an upper-case ISO 3166-1 alpha-2 code known to the library. */
export const isCountryCode = (v: unknown): v is string => typeof v === 'string' && set.has(v);

/** The country's name in the reader's language (official short name). */
export function countryName(code: string, locale: Locale): string {
  return countries.getName(code, locale, { select: 'official' }) ?? countries.getName(code, 'en', { select: 'official' }) ?? code;
}

/** The five labels of a country. */
export function countryLabels(code: string): Labels {
  return { en: countryName(code, 'en'), fr: countryName(code, 'fr'), es: countryName(code, 'es'), pt: countryName(code, 'pt'), ar: countryName(code, 'ar') };
}

/** ISO alpha-3 → alpha-2 (for UN M49 data). */
export const alpha3ToAlpha2 = (a3: string): string | undefined => countries.alpha3ToAlpha2(a3) || undefined;

const optionCache = new Map<Locale, { value: string; label: string }[]>();
/** Select options sorted by name in the reader's language. */
export function countryOptions(locale: Locale): { value: string; label: string }[] {
  let o = optionCache.get(locale);
  if (!o) {
    o = COUNTRY_CODES.map((c) => ({ value: c, label: countryName(c, locale) })).sort((a, b) => a.label.localeCompare(b.label, locale));
    optionCache.set(locale, o);
  }
  return o;
}
