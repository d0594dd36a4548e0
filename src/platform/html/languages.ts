/**
 * Languages are chosen, not typed (issue 14.7): checkboxes with the languages' names in the reader's
 * language, the common ones first and the rest of ISO 639-1 behind "More languages" (a `<details>`,
 * no JavaScript). The value is a list of codes, as the API takes it.
 */
import { html } from 'hono/html';
import type { Html } from './layout.ts';
import type { Locale, T } from '../i18n.ts';
import type { FormState } from './form.ts';
import { languageOptions } from '../../taxonomy/languages.ts';

/** The languages of the platform and of its users' regions, shown without opening "More languages". */
export const COMMON_LANGUAGES = ['en', 'fr', 'es', 'pt', 'ar', 'nl', 'de', 'it', 'ro', 'ru', 'sw', 'tr', 'km', 'sq', 'mk', 'sr'] as const;

/** The chosen codes of a field's value: a list, or a string of codes separated by spaces or commas (what older forms sent). */
export function chosenLanguages(raw: unknown): string[] {
  const items = Array.isArray(raw) ? raw : raw === undefined || raw === null || raw === '' ? [] : [raw];
  return items.flatMap((x) => String(x).split(/[\s,;]+/)).filter(Boolean);
}

export function languageChoices(c: { t: T; locale: Locale; name: string; label: string; form: FormState; hint?: string; idBase?: string }): Html {
  const base = c.idBase ?? c.name;
  const error = c.form.errors[c.name];
  const chosen = new Set(chosenLanguages(c.form.values[c.name]));
  const all = languageOptions(c.locale);
  const common = new Set<string>([...COMMON_LANGUAGES, ...chosen]);
  const box = (o: { value: string; label: string }) =>
    html`<label><input type="checkbox" name="${c.name}" value="${o.value}" id="f-${base}-${o.value}"${chosen.has(o.value) ? html` checked` : ''}> <span>${o.label}</span></label>`;
  const first = all.filter((o) => common.has(o.value));
  const rest = all.filter((o) => !common.has(o.value));
  return html`<fieldset id="f-${base}"${error || c.hint ? html` aria-describedby="${[c.hint ? `h-${base}` : '', error ? `e-${base}` : ''].filter(Boolean).join(' ')}"` : ''}><legend>${c.label}</legend>${
    c.hint ? html`<p class="hint" id="h-${base}">${c.hint}</p>` : ''
  }${error ? html`<p class="error-text" id="e-${base}">${c.t(error)}</p>` : ''}<div class="checks">${first.map(box)}</div>
<details><summary>${c.t('platform.languages.more')}</summary><div class="checks">${rest.map(box)}</div></details></fieldset>`;
}
