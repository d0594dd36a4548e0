/** Pages of evaluations: a programme's questionnaires and their editor, answering one, an exchange's results and a programme's results. */
import { html } from 'hono/html';
import type { Ctx } from '../../platform/http.ts';
import type { T } from '../../platform/i18n.ts';
import { page, link } from '../../platform/render.ts';
import { input, textarea, select, checkbox, errorSummary, type FormState } from '../../platform/html/form.ts';
import { fmtDate, numberFormat } from '../../platform/html/format.ts';
import type { questionnairesPage, EvaluationPage, exchangeResults, EditorPage, ProgrammeResults, QuestionResult } from './evaluations.service.ts';
import { QUESTION_KINDS, MAX_QUESTIONS, TEXT_ANSWERS_SHOWN, formRows } from './evaluations.service.ts';

export function stageLabel(t: T, s: string): string {
  return (
    { before: t('evaluations.stage.before'), during: t('evaluations.stage.during'), after: t('evaluations.stage.after'), m3: t('evaluations.stage.m3'), m6: t('evaluations.stage.m6'), m12: t('evaluations.stage.m12') } as Record<string, string>
  )[s] ?? s;
}

function kindLabel(t: T, k: string): string {
  return ({ scale: t('evaluations.kind.scale'), choice: t('evaluations.kind.choice'), number: t('evaluations.kind.number'), text: t('evaluations.kind.text') } as Record<string, string>)[k] ?? k;
}

function sideLabel(t: T, s: string): string {
  return s === 'host' ? t('evaluations.side.host') : t('evaluations.side.peer');
}

function questionLabels(t: T, rows: number): Record<string, string> {
  const labels: Record<string, string> = { stage: t('evaluations.questionnaire.stage'), title: t('evaluations.questionnaire.title'), questions: t('evaluations.questionnaire.questions') };
  for (let i = 0; i < rows; i++) {
    const q = t('evaluations.questionnaire.question', { n: i + 1 });
    labels[`q${i}_kind`] = `${q}: ${t('evaluations.questionnaire.kind')}`;
    labels[`q${i}_label`] = `${q}: ${t('evaluations.questionnaire.label')}`;
    labels[`q${i}_choices`] = `${q}: ${t('evaluations.questionnaire.choices')}`;
    labels[`q${i}_order`] = `${q}: ${t('evaluations.questionnaire.order')}`;
  }
  return labels;
}

/** The question rows of the create and edit forms: kind, question, options, optional, position, and (rows that held a question) remove. */
function questionRows(t: T, form: FormState, rows: number) {
  const err = form.errors.questions;
  return html`<div id="f-questions">${err ? html`<p class="error-text" id="e-questions">${t(err)}</p>` : ''}<p class="hint">${t('evaluations.questionnaire.rowsHint', { max: MAX_QUESTIONS })}</p>
<input type="hidden" name="rows" value="${rows}">
${Array.from({ length: rows }, (_, i) => {
  const existing = form.values[`q${i}_existing`] === '1';
  return html`<fieldset><legend>${t('evaluations.questionnaire.question', { n: i + 1 })}</legend>${existing ? html`<input type="hidden" name="q${i}_existing" value="1">` : ''}
${select({ t, name: `q${i}_kind`, label: t('evaluations.questionnaire.kind'), form, options: QUESTION_KINDS.map((k) => ({ value: k, label: kindLabel(t, k) })) })}
${input({ t, name: `q${i}_label`, label: t('evaluations.questionnaire.label'), form, maxlength: 500 })}
${textarea({ t, name: `q${i}_choices`, label: t('evaluations.questionnaire.choices'), form, rows: 3, hint: t('evaluations.questionnaire.choicesHint') })}
${checkbox({ t, name: `q${i}_optional`, label: t('evaluations.questionnaire.optional'), form })}
${input({ t, name: `q${i}_order`, label: t('evaluations.questionnaire.order'), form, inputmode: 'numeric', hint: t('evaluations.questionnaire.orderHint') })}
${existing ? checkbox({ t, name: `q${i}_remove`, label: t('evaluations.questionnaire.remove'), form }) : ''}</fieldset>`;
})}</div>`;
}

function questionList(t: T, questions: { label: string; kind: string; choices: string[]; isRequired: boolean }[]) {
  return html`<ol>${questions.map(
    (x) => html`<li><bdi>${x.label}</bdi> <span class="meta">(${kindLabel(t, x.kind)}${x.choices.length ? html`: <bdi>${x.choices.join(' / ')}</bdi>` : ''}${x.isRequired ? '' : html`, ${t('evaluations.questionnaire.optional')}`})</span></li>`,
  )}</ol>`;
}

export function questionnairesView(c: Ctx, p: Awaited<ReturnType<typeof questionnairesPage>>, form: FormState, status = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  const rows = formRows(form.values, 5);
  const labels = questionLabels(t, rows);
  const heading = t('evaluations.questionnaires.title', { programme: p.programmeName });
  const versionLine = (q: (typeof p.stages)[number]['past'][number]) =>
    html`<p class="meta">${t('evaluations.questionnaire.version', { n: q.version })} · ${t('evaluations.questionnaire.sentTo', { n: q.sent })}${
      q.retiredAt ? html` · ${t('evaluations.questionnaire.retiredOn', { date: fmtDate(q.retiredAt, locale) })}` : ''
    }</p>`;
  return page(c, {
    title: heading,
    status,
    body: html`<h1>${heading}</h1><p>${t('evaluations.questionnaires.intro')}</p>
<p><a href="${link(c, `/evaluations/results?programme=${p.programmeId}`)}">${t('evaluations.programmeResults.link')}</a></p>
${
  p.stages.length
    ? p.stages.map(
        (s) => html`<section class="card"><h2>${stageLabel(t, s.stage)}${s.current ? html`: <bdi>${s.current.title}</bdi>` : ''}</h2>
${
  s.current
    ? html`${versionLine(s.current)}${questionList(t, s.current.questions)}
<p><a href="${link(c, `/evaluations/questionnaires/${s.current.id}/edit`)}">${t('evaluations.questionnaire.edit', { stage: stageLabel(t, s.stage) })}</a></p>
<form method="post" novalidate action="${link(c, `/evaluations/questionnaires/${s.current.id}/retire`)}"><button type="submit" class="secondary">${t('evaluations.questionnaire.retire', { stage: stageLabel(t, s.stage) })}</button></form>`
    : html`<p>${t('evaluations.questionnaire.noCurrent')}</p>`
}
${
  s.past.length
    ? html`<details><summary>${t('evaluations.questionnaire.pastVersions', { n: s.past.length })}</summary>${s.past.map(
        (q) => html`<h3>${t('evaluations.questionnaire.version', { n: q.version })}: <bdi>${q.title}</bdi></h3>${versionLine(q)}${questionList(t, q.questions)}`,
      )}</details>`
    : ''
}</section>`,
      )
    : html`<p>${t('evaluations.questionnaires.none')}</p>`
}
${
  p.freeStages.length
    ? html`<h2>${t('evaluations.questionnaire.add')}</h2><form method="post" novalidate action="${link(c, `/evaluations/questionnaires?programme=${p.programmeId}`)}">${errorSummary(t, form.errors, labels)}
${select({ t, name: 'stage', label: labels.stage!, form, options: p.freeStages.map((s) => ({ value: s, label: stageLabel(t, s) })), required: true })}
${input({ t, name: 'title', label: labels.title!, form, required: true })}
${questionRows(t, form, rows)}
<button type="submit">${t('evaluations.questionnaire.save')}</button> <button type="submit" name="action" value="more" class="secondary">${t('evaluations.questionnaire.moreRows')}</button></form>`
    : ''
}`,
  });
}

export function editorView(c: Ctx, p: EditorPage, form: FormState, status = 200, conflict = false) {
  const t = c.get('t');
  const q = p.questionnaire;
  const rows = formRows(form.values, 1);
  const labels = questionLabels(t, rows);
  const heading = t('evaluations.editor.title', { stage: stageLabel(t, q.stage), programme: p.programmeName });
  return page(c, {
    title: heading,
    status,
    body: html`<h1>${heading}</h1>
<p><a href="${link(c, `/evaluations/questionnaires?programme=${p.programmeId}`)}">${t('evaluations.editor.back')}</a></p>
<p class="meta">${t('evaluations.questionnaire.version', { n: q.version })} · ${t('evaluations.questionnaire.sentTo', { n: q.sent })}</p>
${
  conflict
    ? html`<div class="error-summary" role="alert"><p>${t('evaluations.editor.conflict', { n: q.version })}</p></div><h2>${t('evaluations.editor.current', { n: q.version })}: <bdi>${q.title}</bdi></h2>${questionList(t, q.questions)}`
    : ''
}
<p>${q.sent ? t('evaluations.editor.newVersion', { n: q.version + 1 }) : t('evaluations.editor.inPlace')}</p>
<form method="post" novalidate action="${link(c, `/evaluations/questionnaires/${q.id}/edit`)}">${errorSummary(t, form.errors, labels)}
<input type="hidden" name="rev" value="${p.rev}">
${input({ t, name: 'title', label: labels.title!, form, required: true })}
${questionRows(t, form, rows)}
<button type="submit">${t('evaluations.questionnaire.save')}</button> <button type="submit" name="action" value="more" class="secondary">${t('evaluations.questionnaire.moreRows')}</button></form>`,
  });
}

export function evaluationView(c: Ctx, x: EvaluationPage, form: FormState | null, status = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  const f = form ?? { values: {}, errors: {} };
  const labels = Object.fromEntries(x.questions.map((q) => [`a_${q.id}`, q.label]));
  const heading = t('evaluations.answer.title', { stage: stageLabel(t, x.stage), title: x.exchange.title });
  const field = (q: EvaluationPage['questions'][number]) => {
    const name = `a_${q.id}`;
    const label = q.label;
    const err = f.errors[name] ? html`<p class="error-text" id="e-${name}">${t(f.errors[name]!)}</p>` : '';
    const cur = String(f.values[name] ?? '');
    if (q.kind === 'scale' || q.kind === 'choice') {
      const opts = q.kind === 'scale' ? ['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v === '1' ? `1 (${t('evaluations.scale.low')})` : v === '5' ? `5 (${t('evaluations.scale.high')})` : v })) : q.choices.map((v) => ({ value: v, label: v }));
      return html`<fieldset id="f-${name}"${f.errors[name] ? html` aria-describedby="e-${name}"` : ''}><legend><bdi>${label}</bdi></legend>${err}<div class="checks">${opts.map(
        (o, i) => html`<label><input type="radio" name="${name}" value="${o.value}" id="f-${name}-${i}"${o.value === cur ? html` checked` : ''}${q.isRequired ? html` required` : ''}> <span dir="auto">${o.label}</span></label>`,
      )}</div></fieldset>`;
    }
    if (q.kind === 'number') return input({ t, name, label, form: f, inputmode: 'decimal', required: q.isRequired, labelIsContent: true });
    return textarea({ t, name, label, form: f, rows: 4, required: q.isRequired, labelIsContent: true });
  };
  return page(c, {
    title: heading,
    status,
    body: html`<h1>${heading}</h1><p class="meta">${sideLabel(t, x.side)} · <a href="${link(c, `/exchanges/${x.exchange.id}`)}" dir="auto">${x.exchange.title}</a></p>
${
  x.answer
    ? html`<p>${t('evaluations.answer.answeredOn', { date: fmtDate(x.answer.at, locale, true) })}</p><dl>${x.questions.map((q) => html`<dt dir="auto">${q.label}</dt><dd class="pre" dir="auto">${String(x.answer!.answers[q.id] ?? '—')}</dd>`)}</dl>`
    : x.canAnswer
      ? html`<p>${t('evaluations.answer.intro')}</p><form method="post" novalidate action="${link(c, `/evaluations/${x.id}`)}">${errorSummary(t, f.errors, labels)}${x.questions.map(field)}<button type="submit">${t('evaluations.answer.send')}</button></form>`
      : html`<p>${t('evaluations.answer.notYet')}</p>`
}`,
  });
}

export function resultsView(c: Ctx, r: Awaited<ReturnType<typeof exchangeResults>>) {
  const t = c.get('t');
  const locale = c.get('locale');
  const heading = t('evaluations.results.title', { title: r.exchange.title });
  return page(c, {
    title: heading,
    body: html`<h1>${heading}</h1><p><a href="${link(c, `/exchanges/${r.exchange.id}`)}">${t('evaluations.results.back')}</a></p>
${r.averageScale !== null ? html`<p>${t('evaluations.results.average', { value: r.averageScale })}</p>` : ''}
${
  r.rows.length
    ? html`<table><caption>${t('evaluations.results.caption')}</caption><thead><tr><th scope="col">${t('evaluations.questionnaire.stage')}</th><th scope="col">${t('evaluations.results.side')}</th><th scope="col">${t(
        'evaluations.results.sent',
      )}</th><th scope="col">${t('evaluations.results.answered')}</th><th scope="col">${t('evaluations.results.reminders')}</th></tr></thead><tbody>${r.rows.map(
        (x) =>
          html`<tr><th scope="row"><a href="${link(c, `/evaluations/${x.id}`)}">${stageLabel(t, x.stage)}</a></th><td>${sideLabel(t, x.side)}</td><td>${fmtDate(x.sentAt, locale)}</td><td>${
            x.answeredAt ? fmtDate(x.answeredAt, locale) : t('evaluations.results.waiting')
          }</td><td>${x.reminders}</td></tr>`,
      )}</tbody></table>
${r.rows
  .filter((x) => x.answeredAt)
  .map((x) => html`<section><h2>${stageLabel(t, x.stage)} · ${sideLabel(t, x.side)}</h2><dl>${x.items.map((i) => html`<dt dir="auto">${i.label}</dt><dd class="pre" dir="auto">${i.value === null ? '—' : String(i.value)}</dd>`)}</dl></section>`)}`
    : html`<p>${t('evaluations.results.none')}</p>`
}`,
  });
}

/** One question's figures: a table (the numbers), with a native meter beside each count as its bar (decorative: the number is in the cell). */
function questionFigures(c: Ctx, q: QuestionResult) {
  const t = c.get('t');
  const locale = c.get('locale');
  const num = (n: number) => numberFormat(locale, { maximumFractionDigits: 2 }).format(n);
  const bar = (n: number, total: number) => html`<meter min="0" max="${Math.max(total, 1)}" value="${n}" aria-hidden="true"></meter>`;
  const countTable = (caption: string, rows: { label: string; n: number }[]) =>
    html`<table><caption>${caption}</caption><thead><tr><th scope="col">${t('evaluations.programmeResults.answer')}</th><th scope="col">${t(
      'evaluations.programmeResults.count',
    )}</th><th scope="col">${t('evaluations.programmeResults.share')}</th></tr></thead><tbody>${rows.map(
      (r) => html`<tr><th scope="row" dir="auto">${r.label}</th><td>${r.n}</td><td>${q.answers ? `${Math.round((r.n / q.answers) * 100)} %` : '—'} ${bar(r.n, q.answers)}</td></tr>`,
    )}</tbody></table>`;
  const head = html`<h5><bdi>${q.label}</bdi> <span class="meta">(${kindLabel(t, q.kind)})</span></h5><p>${t('evaluations.programmeResults.answers', { n: q.answers })}${
    q.mean !== null ? html` · ${t('evaluations.programmeResults.mean', { value: num(q.mean) })}` : ''
  }${q.median !== null ? html` · ${t('evaluations.programmeResults.median', { value: num(q.median) })}` : ''}</p>`;
  if (q.distribution) return html`${head}${countTable(t('evaluations.programmeResults.distribution', { question: q.label }), q.distribution.map((d) => ({ label: String(d.value), n: d.n })))}`;
  if (q.options) return html`${head}${countTable(t('evaluations.programmeResults.options', { question: q.label }), q.options.map((o) => ({ label: o.option, n: o.n })))}`;
  if (q.texts)
    return html`${head}${
      q.texts.length
        ? html`<ul class="stack">${q.texts.map((x) => html`<li><p class="pre" dir="auto">${x.text}</p><p class="meta"><a href="${link(c, `/exchanges/${x.exchangeId}/evaluations`)}" dir="auto">${x.exchangeTitle}</a></p></li>`)}</ul>${
            q.answers > q.texts.length ? html`<p class="meta">${t('evaluations.programmeResults.moreTexts', { shown: q.texts.length, n: q.answers })}</p>` : ''
          }`
        : ''
    }`;
  return head;
}

export function programmeResultsView(c: Ctx, r: ProgrammeResults) {
  const t = c.get('t');
  const heading = t('evaluations.programmeResults.title', { programme: r.programme.name });
  return page(c, {
    title: heading,
    body: html`<h1>${heading}</h1>
<p><a href="${link(c, `/evaluations/questionnaires?programme=${r.programme.id}`)}">${t('evaluations.programmeResults.back')}</a> · <a href="${link(c, `/exchanges/dashboard?programme=${r.programme.id}`)}">${t(
      'evaluations.programmeResults.dashboard',
    )}</a></p>
<p>${t('evaluations.programmeResults.intro', { shown: TEXT_ANSWERS_SHOWN })}</p>
<nav aria-label="${t('evaluations.programmeResults.stages')}"><ul class="inline">${r.stages.map((s) => html`<li><a href="#stage-${s.stage}">${stageLabel(t, s.stage)}</a></li>`)}</ul></nav>
${r.stages.map(
  (s) => html`<section id="stage-${s.stage}"><h2>${stageLabel(t, s.stage)}</h2>${s.sides.map(
    (d) => html`<h3>${sideLabel(t, d.side)}</h3><p>${t('evaluations.programmeResults.sentAnswered', { sent: d.sent, answered: d.answered })}</p>${d.versions.map(
      (v) =>
        html`<section class="card"><h4>${t('evaluations.questionnaire.version', { n: v.version })}: <bdi>${v.title}</bdi>${v.current ? '' : html` <span class="badge">${t('evaluations.programmeResults.past')}</span>`}</h4><p class="meta">${t(
          'evaluations.programmeResults.sentAnswered',
          { sent: v.sent, answered: v.answered },
        )}</p>${v.questions.map((q) => questionFigures(c, q))}</section>`,
    )}`,
  )}</section>`,
)}`,
  });
}
