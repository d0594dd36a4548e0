/** Pages of evaluations: a programme's questionnaires, answering one, and an exchange's results. */
import { html } from 'hono/html';
import type { Ctx } from '../../platform/http.ts';
import type { T } from '../../platform/i18n.ts';
import { page, link } from '../../platform/render.ts';
import { input, textarea, select, checkbox, errorSummary, type FormState } from '../../platform/html/form.ts';
import { fmtDate } from '../programmes/programmes.views.ts';
import type { questionnairesPage, EvaluationPage, exchangeResults } from './evaluations.service.ts';
import { QUESTION_KINDS, QUESTION_ROWS } from './evaluations.service.ts';

export function stageLabel(t: T, s: string): string {
  return (
    { before: t('evaluations.stage.before'), after: t('evaluations.stage.after'), m3: t('evaluations.stage.m3'), m6: t('evaluations.stage.m6'), m12: t('evaluations.stage.m12') } as Record<string, string>
  )[s] ?? s;
}

function kindLabel(t: T, k: string): string {
  return ({ scale: t('evaluations.kind.scale'), choice: t('evaluations.kind.choice'), number: t('evaluations.kind.number'), text: t('evaluations.kind.text') } as Record<string, string>)[k] ?? k;
}

function sideLabel(t: T, s: string): string {
  return s === 'host' ? t('evaluations.side.host') : t('evaluations.side.peer');
}

export function questionnairesView(c: Ctx, p: Awaited<ReturnType<typeof questionnairesPage>>, form: FormState, status = 200) {
  const t = c.get('t');
  const labels: Record<string, string> = { stage: t('evaluations.questionnaire.stage'), title: t('evaluations.questionnaire.title') };
  for (let i = 0; i < QUESTION_ROWS; i++) {
    labels[`q${i}_kind`] = `${t('evaluations.questionnaire.question', { n: i + 1 })}: ${t('evaluations.questionnaire.kind')}`;
    labels[`q${i}_label`] = `${t('evaluations.questionnaire.question', { n: i + 1 })}: ${t('evaluations.questionnaire.label')}`;
    labels[`q${i}_choices`] = `${t('evaluations.questionnaire.question', { n: i + 1 })}: ${t('evaluations.questionnaire.choices')}`;
  }
  const heading = t('evaluations.questionnaires.title', { programme: p.programmeName });
  return page(c, {
    title: heading,
    status,
    body: html`<h1>${heading}</h1><p>${t('evaluations.questionnaires.intro')}</p>
${
  p.questionnaires.length
    ? p.questionnaires.map(
        (q) => html`<section class="card"><h2>${stageLabel(t, q.stage)}: ${q.title}</h2><ol>${q.questions.map(
          (x) => html`<li>${x.label} <span class="meta">(${kindLabel(t, x.kind)}${x.choices.length ? html`: ${x.choices.join(' / ')}` : ''}${x.isRequired ? '' : html`, ${t('evaluations.questionnaire.optional')}`})</span></li>`,
        )}</ol></section>`,
      )
    : html`<p>${t('evaluations.questionnaires.none')}</p>`
}
${
  p.freeStages.length
    ? html`<h2>${t('evaluations.questionnaire.add')}</h2><form method="post" action="${link(c, `/evaluations/questionnaires?programme=${p.programmeId}`)}">${errorSummary(t, form.errors, labels)}
${select({ t, name: 'stage', label: labels.stage!, form, options: p.freeStages.map((s) => ({ value: s, label: stageLabel(t, s) })), required: true })}
${input({ t, name: 'title', label: labels.title!, form, required: true })}
${Array.from(
  { length: QUESTION_ROWS },
  (_, i) => html`<fieldset><legend>${t('evaluations.questionnaire.question', { n: i + 1 })}</legend>
${select({ t, name: `q${i}_kind`, label: t('evaluations.questionnaire.kind'), form, options: QUESTION_KINDS.map((k) => ({ value: k, label: kindLabel(t, k) })) })}
${input({ t, name: `q${i}_label`, label: t('evaluations.questionnaire.label'), form })}
${textarea({ t, name: `q${i}_choices`, label: t('evaluations.questionnaire.choices'), form, rows: 3, hint: t('evaluations.questionnaire.choicesHint') })}
${checkbox({ t, name: `q${i}_optional`, label: t('evaluations.questionnaire.optional'), form })}</fieldset>`,
)}
<button type="submit">${t('evaluations.questionnaire.save')}</button></form>`
    : ''
}`,
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
      return html`<fieldset id="f-${name}"${f.errors[name] ? html` aria-describedby="e-${name}"` : ''}><legend>${label}</legend>${err}<div class="checks">${opts.map(
        (o, i) => html`<label><input type="radio" name="${name}" value="${o.value}" id="f-${name}-${i}"${o.value === cur ? html` checked` : ''}${q.isRequired ? html` required` : ''}> <span>${o.label}</span></label>`,
      )}</div></fieldset>`;
    }
    if (q.kind === 'number') return input({ t, name, label, form: f, inputmode: 'decimal', required: q.isRequired });
    return textarea({ t, name, label, form: f, rows: 4, required: q.isRequired });
  };
  return page(c, {
    title: heading,
    status,
    body: html`<h1>${heading}</h1><p class="meta">${sideLabel(t, x.side)} · <a href="${link(c, `/exchanges/${x.exchange.id}`)}">${x.exchange.title}</a></p>
${
  x.answer
    ? html`<p>${t('evaluations.answer.answeredOn', { date: fmtDate(x.answer.at, locale, true) })}</p><dl>${x.questions.map((q) => html`<dt>${q.label}</dt><dd class="pre">${String(x.answer!.answers[q.id] ?? '—')}</dd>`)}</dl>`
    : x.canAnswer
      ? html`<p>${t('evaluations.answer.intro')}</p><form method="post" action="${link(c, `/evaluations/${x.id}`)}">${errorSummary(t, f.errors, labels)}${x.questions.map(field)}<button type="submit">${t('evaluations.answer.send')}</button></form>`
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
  .map((x) => html`<section><h2>${stageLabel(t, x.stage)} · ${sideLabel(t, x.side)}</h2><dl>${x.items.map((i) => html`<dt>${i.label}</dt><dd class="pre">${i.value === null ? '—' : String(i.value)}</dd>`)}</dl></section>`)}`
    : html`<p>${t('evaluations.results.none')}</p>`
}`,
  });
}
