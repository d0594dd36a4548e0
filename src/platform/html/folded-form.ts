/**
 * A small form folded behind a summary (`<details>`, works without JavaScript), with an optional
 * notice above it: the shape of "report this" on an organisation, a person or a good practice.
 *
 * Domain-free on purpose: the module that owns the action describes it as data (message keys, the
 * action path, hidden fields, one choice and one note: moderation's `reportPanel`), and the module
 * that owns the page renders it here. So a page of one module shows another module's form without
 * importing that module's views.
 */
import { html } from 'hono/html';
import type { Ctx } from '../http.ts';
import { link } from '../render.ts';

export type FoldedForm = {
  /** Message key of a notice shown above the form (role=status), e.g. "hidden, you still see it". */
  notice?: string;
  form?: {
    /** Class of the `<details>` and prefix of the field ids (`f-<id>-<name>`). */
    id: string;
    /** Message keys. */
    summary: string;
    hint: string;
    submit: string;
    /** Path of the POST, linked in the reader's language. */
    action: string;
    /** Hidden fields; a `back` field (the page the form is on) is added. */
    hidden: Record<string, string>;
    choice: { name: string; label: string; options: readonly { value: string; label: string }[] };
    note: { name: string; label: string; rows: number; maxLength: number };
  };
};

/** Renders a folded form; nothing when there is neither a notice nor a form. */
export function foldedForm(c: Ctx, f: FoldedForm | undefined) {
  if (!f) return '';
  const t = c.get('t');
  const notice = f.notice ? html`<p class="flash" role="status">${t(f.notice)}</p>` : '';
  const x = f.form;
  if (!x) return notice;
  const fid = (name: string) => `f-${x.id}-${name}`;
  return html`${notice}<details class="${x.id}"><summary>${t(x.summary)}</summary>
<form method="post" novalidate action="${link(c, x.action)}" class="stack">
${Object.entries(x.hidden).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}<input type="hidden" name="back" value="${c.req.path}">
<div class="field"><label for="${fid(x.choice.name)}">${t(x.choice.label)}</label><select id="${fid(x.choice.name)}" name="${x.choice.name}">${x.choice.options.map((o) => html`<option value="${o.value}">${t(o.label)}</option>`)}</select></div>
<div class="field"><label for="${fid(x.note.name)}">${t(x.note.label)}</label><textarea id="${fid(x.note.name)}" name="${x.note.name}" rows="${x.note.rows}" maxlength="${x.note.maxLength}"></textarea></div>
<p class="hint">${t(x.hint)}</p>
<div><button type="submit">${t(x.submit)}</button></div></form></details>`;
}
