/**
 * Form rendering with an error summary and errors per field, keeping what was typed.
 * Errors are catalogue keys; they are translated here, in the reader's language.
 */
import { html } from 'hono/html';
import type { T } from '../i18n.ts';
import type { Html } from './layout.ts';

export type FieldErrors = Record<string, string>;
export type FormState = { values: Record<string, unknown>; errors: FieldErrors };

export const emptyForm = (values: Record<string, unknown> = {}): FormState => ({ values, errors: {} });

const str = (v: unknown): string => (v === undefined || v === null ? '' : Array.isArray(v) ? v.join(', ') : String(v));

/** The box at the top of a form listing every error, each linking to its field. */
export function errorSummary(t: T, errors: FieldErrors, labels: Record<string, string>): Html {
  const entries = Object.entries(errors);
  if (!entries.length) return html``;
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
<h2 id="error-summary-title">${t('platform.form.errorSummary', { count: entries.length })}</h2>
<ul>${entries.map(([f, key]) => html`<li><a href="#f-${f}">${labels[f] ?? f}: ${t(key)}</a></li>`)}</ul>
</div>`;
}

/** `labelIsContent`: the label is someone's text (a questionnaire's question), shown in its own direction. */
type Common = { t: T; name: string; label: string; form: FormState; hint?: string; required?: boolean; labelIsContent?: boolean };

function describedBy(name: string, hint?: string, error?: string): string {
  const ids = [hint ? `h-${name}` : '', error ? `e-${name}` : ''].filter(Boolean);
  return ids.join(' ');
}

function parts(c: Common) {
  const error = c.form.errors[c.name];
  const db = describedBy(c.name, c.hint, error);
  return {
    error,
    attrs: html`${db ? html` aria-describedby="${db}"` : ''}${error ? html` aria-invalid="true"` : ''}${c.required ? html` required` : ''}`,
    hint: c.hint ? html`<span class="hint" id="h-${c.name}">${c.hint}</span>` : '',
    err: error ? html`<span class="error-text" id="e-${c.name}">${c.t(error)}</span>` : '',
  };
}

export function input(c: Common & { type?: string; autocomplete?: string; inputmode?: string; maxlength?: number }): Html {
  const p = parts(c);
  const type = c.type ?? 'text';
  const value = type === 'password' ? '' : str(c.form.values[c.name]);
  return html`<div class="field"><label for="f-${c.name}"${c.labelIsContent ? html` dir="auto"` : ''}>${c.label}</label>${p.hint}${p.err}<input id="f-${c.name}" name="${c.name}" type="${type}" value="${value}"${
    c.autocomplete ? html` autocomplete="${c.autocomplete}"` : ''
  }${c.inputmode ? html` inputmode="${c.inputmode}"` : ''}${c.maxlength ? html` maxlength="${c.maxlength}"` : ''}${p.attrs}></div>`;
}

export function textarea(c: Common & { rows?: number }): Html {
  const p = parts(c);
  return html`<div class="field"><label for="f-${c.name}"${c.labelIsContent ? html` dir="auto"` : ''}>${c.label}</label>${p.hint}${p.err}<textarea id="f-${c.name}" name="${c.name}" rows="${c.rows ?? 5}"${p.attrs}>${str(
    c.form.values[c.name],
  )}</textarea></div>`;
}

/** `lang`: a label in another language than the page's (a language named in itself). */
/** `lang`: a label people wrote, in its language (its direction from its text); `dir`: an identifier of its own direction (a time zone's IANA name). */
export type Option = { value: string; label: string; lang?: string; dir?: 'ltr' | 'rtl' };

export function select(c: Common & { options: Option[]; blank?: string }): Html {
  const p = parts(c);
  const current = str(c.form.values[c.name]);
  return html`<div class="field"><label for="f-${c.name}">${c.label}</label>${p.hint}${p.err}<select id="f-${c.name}" name="${c.name}"${p.attrs}>${
    c.blank !== undefined ? html`<option value="">${c.blank}</option>` : ''
  }${c.options.map((o) => html`<option value="${o.value}"${o.lang ? html` lang="${o.lang}" dir="auto"` : o.dir ? html` dir="${o.dir}"` : ''}${o.value === current ? html` selected` : ''}>${o.label}</option>`)}</select></div>`;
}

/** A group of checkboxes in a fieldset; the value is a list. */
export function checkboxes(c: Common & { options: Option[]; idBase?: string }): Html {
  const base = c.idBase ?? c.name;
  const error = c.form.errors[c.name];
  const raw = c.form.values[c.name];
  const chosen = new Set((Array.isArray(raw) ? raw : raw === undefined || raw === null || raw === '' ? [] : [raw]).map(String));
  return html`<fieldset id="f-${base}"${error ? html` aria-describedby="e-${base}"` : ''}><legend>${c.label}</legend>${c.hint ? html`<p class="hint">${c.hint}</p>` : ''}${
    error ? html`<p class="error-text" id="e-${base}">${c.t(error)}</p>` : ''
  }<div class="checks">${c.options.map(
    (o, i) => html`<label><input type="checkbox" name="${c.name}" value="${o.value}" id="f-${base}-${i}"${chosen.has(o.value) ? html` checked` : ''}> <span${o.lang ? html` lang="${o.lang}" dir="auto"` : ''}>${o.label}</span></label>`,
  )}</div></fieldset>`;
}

export function checkbox(c: Common): Html {
  const p = parts(c);
  const v = c.form.values[c.name];
  const on = v === true || v === 'on' || v === 'true';
  return html`<div class="field"><label><input type="checkbox" id="f-${c.name}" name="${c.name}" value="on"${on ? html` checked` : ''}${p.attrs}> ${c.label}</label>${p.hint}${p.err}</div>`;
}
