/** Labels of a taxonomy item in the five interface languages, and the helper that reads them. */
import type { Locale } from '../platform/i18n.ts';

/** One label per interface language. */
export type Labels = { en: string; fr: string; es: string; pt: string; ar: string };

/** A coded item of the taxonomy. */
export type Item<C extends string = string> = { code: C; labels: Labels };

/** Builds a frozen item; arguments in the order en, fr, es, pt, ar. */
export function item<C extends string>(code: C, en: string, fr: string, es: string, pt: string, ar: string): Item<C> {
  return Object.freeze({ code, labels: Object.freeze({ en, fr, es, pt, ar }) });
}

/** The label in the reader's language (English when missing). */
export function labelOf(labels: Labels, locale: Locale): string {
  return labels[locale] || labels.en;
}

/** Looks up an item's label by code; the code itself when unknown (e.g. retired codes in old data). */
export function labelFor(items: readonly Item[], code: string, locale: Locale): string {
  const found = items.find((i) => i.code === code);
  return found ? labelOf(found.labels, locale) : code;
}

/** Options for a select or checkbox group, sorted by label in the reader's language unless `keepOrder`. */
export function optionsOf(items: readonly Item[], locale: Locale, keepOrder = false): { value: string; label: string }[] {
  const opts = items.map((i) => ({ value: i.code, label: labelOf(i.labels, locale) }));
  if (!keepOrder) opts.sort((a, b) => a.label.localeCompare(b.label, locale));
  return opts;
}
