/** Names of coded taxonomy items in the reader's language, for views of every module. */
import type { Locale } from '../platform/i18n.ts';
import { THEMES } from './themes.ts';
import { labelOf, labelFor } from './labels.ts';
import { EXCHANGE_FORMATS } from './formats.ts';

export const themeOptions = (locale: Locale) => THEMES.map((th) => ({ value: th.code, label: labelOf(th.labels, locale) }));
export const themeName = (code: string, locale: Locale) => {
  const th = THEMES.find((x) => x.code === code);
  return th ? labelOf(th.labels, locale) : code;
};
export const formatName = (code: string, locale: Locale) => labelFor(EXCHANGE_FORMATS, code, locale);
