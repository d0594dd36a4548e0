/** Pages of exchanges: the list, the plan form, the exchange's own page and its terms of reference. */
import { html } from 'hono/html';
import type { Ctx } from '../../platform/http.ts';
import type { T } from '../../platform/i18n.ts';
import { page, link } from '../../platform/render.ts';
import type { Html } from '../../platform/html/layout.ts';
import { input, textarea, select, checkbox, errorSummary, type FormState } from '../../platform/html/form.ts';
import { optionsOf } from '../../taxonomy/labels.ts';
import { EXCHANGE_FORMATS } from '../../taxonomy/formats.ts';
import { formatName } from '../../taxonomy/names.ts';
import { fmtDate, numberFormat } from '../../platform/html/format.ts';
import type { listExchanges } from './exchanges.service.ts';
import type { TorPage } from './exchanges.tor.service.ts';
import type { ExchangePageView } from './exchanges.page.service.ts';
import type { ExchangeEvent } from './exchanges.workflow.ts';
import { PARTICIPANT_SIDES, PARTICIPANT_KINDS, CHECKLIST_ITEMS, BUDGET_ROWS, TOR_FIELDS } from './exchanges.schema.ts';

export function stateLabel(t: T, s: string): string {
  return (
    { planned: t('exchanges.state.planned'), agreed: t('exchanges.state.agreed'), held: t('exchanges.state.held'), evaluated: t('exchanges.state.evaluated'), closed: t('exchanges.state.closed') } as Record<string, string>
  )[s] ?? s;
}

function eventLabel(t: T, e: ExchangeEvent): string {
  return { agree: t('exchanges.event.agree'), hold: t('exchanges.event.hold'), evaluate: t('exchanges.event.evaluate'), close: t('exchanges.event.close') }[e];
}

export function sideLabel(t: T, s: string): string {
  return ({ host: t('exchanges.side.host'), peer: t('exchanges.side.peer'), stakeholder: t('exchanges.side.stakeholder'), broker: t('exchanges.side.broker') } as Record<string, string>)[s] ?? s;
}

export function kindLabel(t: T, k: string): string {
  return (
    {
      official: t('exchanges.kind.official'),
      elected: t('exchanges.kind.elected'),
      expert: t('exchanges.kind.expert'),
      civil_society: t('exchanges.kind.civilSociety'),
      private_sector: t('exchanges.kind.privateSector'),
      other: t('exchanges.kind.other'),
    } as Record<string, string>
  )[k] ?? k;
}

function checkLabel(t: T, k: string): string {
  return (
    { travel: t('exchanges.check.travel'), visas: t('exchanges.check.visas'), insurance: t('exchanges.check.insurance'), interpretation: t('exchanges.check.interpretation'), accommodation: t('exchanges.check.accommodation') } as Record<string, string>
  )[k] ?? k;
}

export function torFieldLabel(t: T, f: string): string {
  return (
    {
      objectives: t('exchanges.tor.objectives'),
      activities: t('exchanges.tor.activities'),
      expectedResults: t('exchanges.tor.expectedResults'),
      deliverables: t('exchanges.tor.deliverables'),
      roles: t('exchanges.tor.roles'),
      interpretation: t('exchanges.tor.interpretation'),
    } as Record<string, string>
  )[f] ?? f;
}

export function listPage(c: Ctx, data: Awaited<ReturnType<typeof listExchanges>>) {
  const t = c.get('t');
  const locale = c.get('locale');
  return page(c, {
    title: t('exchanges.list.title'),
    body: html`<h1>${t('exchanges.list.title')}</h1>
${
  data.toPlan.length
    ? html`<section aria-labelledby="to-plan"><h2 id="to-plan">${t('exchanges.list.toPlan')}</h2><ul>${data.toPlan.map(
        (m) => html`<li><bdi>${m.title}</bdi> — <a href="${link(c, `/exchanges/new?match=${m.matchId}`)}">${t('exchanges.list.plan')}</a></li>`,
      )}</ul></section>`
    : ''
}
${
  data.dashboards.length
    ? html`<section aria-labelledby="dashboards"><h2 id="dashboards">${t('exchanges.list.dashboards')}</h2><ul>${data.dashboards.map(
        (p) => html`<li><a href="${link(c, `/exchanges/dashboard?programme=${p.id}`)}">${t('exchanges.list.dashboard', { programme: p.name, n: p.n })}</a></li>`,
      )}</ul></section>`
    : ''
}
${
  data.exchanges.length
    ? html`<table><caption>${t('exchanges.list.caption')}</caption><thead><tr><th scope="col">${t('exchanges.field.title')}</th><th scope="col">${t('exchanges.field.format')}</th><th scope="col">${t(
        'exchanges.field.dates',
      )}</th><th scope="col">${t('exchanges.field.state')}</th></tr></thead><tbody>${data.exchanges.map(
        (e) =>
          html`<tr><th scope="row"><a href="${link(c, `/exchanges/${e.id}`)}" dir="auto">${e.title}</a></th><td>${formatName(e.format, locale)}</td><td>${fmtDate(e.startDate, locale)} – ${fmtDate(e.endDate, locale)}</td><td>${stateLabel(
            t,
            e.state,
          )}</td></tr>`,
      )}</tbody></table>`
    : html`<p>${t('exchanges.list.none')}</p>`
}`,
  });
}

/** The plan form (new from a match, or edit). */
export function planFormPage(c: Ctx, opts: { title: string; action: string; form: FormState; isNew: boolean }, status = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  const { form } = opts;
  const labels: Record<string, string> = {
    format: t('exchanges.field.format'),
    startDate: t('exchanges.field.startDate'),
    endDate: t('exchanges.field.endDate'),
    place: t('exchanges.field.place'),
    onlineLink: t('exchanges.field.onlineLink'),
  };
  for (const side of PARTICIPANT_SIDES)
    for (const kind of PARTICIPANT_KINDS)
      for (const g of ['women', 'men', 'other'])
        labels[`p_${side}_${kind}_${g}`] = `${sideLabel(t, side)}, ${kindLabel(t, kind)}: ${g === 'women' ? t('exchanges.gender.women') : g === 'men' ? t('exchanges.gender.men') : t('exchanges.gender.other')}`;
  for (let i = 0; i < BUDGET_ROWS; i++) {
    labels[`b${i}_label`] = `${t('exchanges.budget.line', { n: i + 1 })}: ${t('exchanges.budget.label')}`;
    labels[`b${i}_amount`] = `${t('exchanges.budget.line', { n: i + 1 })}: ${t('exchanges.budget.amount')}`;
    labels[`b${i}_currency`] = `${t('exchanges.budget.line', { n: i + 1 })}: ${t('exchanges.budget.currency')}`;
    labels[`b${i}_fundedBy`] = `${t('exchanges.budget.line', { n: i + 1 })}: ${t('exchanges.budget.fundedBy')}`;
  }
  const num = (name: string, label: string) =>
    html`<td><label class="visually-hidden" for="f-${name}">${label}</label><input id="f-${name}" name="${name}" type="number" min="0" max="10000" inputmode="numeric" size="4" value="${String(form.values[name] ?? '')}"${
      form.errors[name] ? html` aria-invalid="true"` : ''
    }></td>`;
  const heading = opts.isNew ? t('exchanges.plan.titleNew') : t('exchanges.plan.titleEdit');
  return page(c, {
    title: heading,
    status,
    body: html`<h1>${heading}</h1><p class="meta" dir="auto">${opts.title}</p>
<form method="post" novalidate action="${link(c, opts.action)}">${errorSummary(t, form.errors, labels)}
${select({ t, name: 'format', label: labels.format!, form, options: optionsOf(EXCHANGE_FORMATS, locale, true), required: true })}
${input({ t, name: 'startDate', label: labels.startDate!, form, type: 'date', required: true })}
${input({ t, name: 'endDate', label: labels.endDate!, form, type: 'date', required: true })}
${input({ t, name: 'place', label: labels.place!, form, hint: t('exchanges.plan.placeHint') })}
${input({ t, name: 'onlineLink', label: labels.onlineLink!, form, type: 'url', hint: t('exchanges.plan.linkHint') })}
<fieldset><legend>${t('exchanges.plan.checklist')}</legend>${CHECKLIST_ITEMS.map((k) => checkbox({ t, name: `check_${k}`, label: checkLabel(t, k), form }))}</fieldset>
<fieldset><legend>${t('exchanges.plan.participants')}</legend><p class="hint">${t('exchanges.plan.participantsHint')}</p>
<table><thead><tr><th scope="col">${t('exchanges.field.side')}</th><th scope="col">${t('exchanges.field.kind')}</th><th scope="col">${t('exchanges.gender.women')}</th><th scope="col">${t('exchanges.gender.men')}</th><th scope="col">${t(
      'exchanges.gender.other',
    )}</th></tr></thead><tbody>${PARTICIPANT_SIDES.flatMap((side) =>
      PARTICIPANT_KINDS.map(
        (kind) =>
          html`<tr><th scope="row">${sideLabel(t, side)}</th><td>${kindLabel(t, kind)}</td>${num(`p_${side}_${kind}_women`, labels[`p_${side}_${kind}_women`]!)}${num(`p_${side}_${kind}_men`, labels[`p_${side}_${kind}_men`]!)}${num(
            `p_${side}_${kind}_other`,
            labels[`p_${side}_${kind}_other`]!,
          )}</tr>`,
      ),
    )}</tbody></table></fieldset>
<fieldset><legend>${t('exchanges.plan.budget')}</legend>${Array.from(
      { length: BUDGET_ROWS },
      (_, i) => html`<fieldset><legend>${t('exchanges.budget.line', { n: i + 1 })}</legend>
${input({ t, name: `b${i}_label`, label: t('exchanges.budget.label'), form })}
${input({ t, name: `b${i}_amount`, label: t('exchanges.budget.amount'), form, inputmode: 'decimal' })}
${input({ t, name: `b${i}_currency`, label: t('exchanges.budget.currency'), form, hint: t('exchanges.budget.currencyHint'), maxlength: 3 })}
${input({ t, name: `b${i}_fundedBy`, label: t('exchanges.budget.fundedBy'), form })}</fieldset>`,
    )}</fieldset>
<button type="submit">${t('exchanges.plan.save')}</button></form>`,
  });
}

function money(cents: number, currency: string, locale: string): string {
  try {
    return numberFormat(locale, { style: 'currency', currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

/** A task's state on the exchange's summary (the GOV.UK task-list pattern). */
export type TaskStatus = 'done' | 'inProgress' | 'notStarted' | 'cannotStart';

/** The task pages of an exchange, each one form (or one list with its form). */
export type ExchangeTask = 'plan' | 'terms' | 'agree' | 'agenda' | 'tasks' | 'documents' | 'messages' | 'held' | 'evaluations' | 'evaluated' | 'close' | 'lesson' | 'partnership';

/** The page (under /exchanges/:id) that moves the exchange by each event. */
export const MOVE_PAGES: Record<ExchangeEvent, ExchangeTask> = { agree: 'agree', hold: 'held', evaluate: 'evaluated', close: 'close' };

const ORDER = ['planned', 'agreed', 'held', 'evaluated', 'closed'];
/** Whether the exchange has reached `s` (or gone past it). */
const reached = (x: ExchangePageView, s: string) => ORDER.indexOf(x.state) >= ORDER.indexOf(s);

/** The summary's task list: name, link (when the reader may open it) and status, in the order the work is done. */
export function tasksOf(t: T, x: ExchangePageView): { key: ExchangeTask; name: string; href: string | null; status: TaskStatus }[] {
  const base = `/exchanges/${x.id}`;
  const move = (ev: ExchangeEvent, from: string): TaskStatus => (reached(x, ORDER[ORDER.indexOf(from) + 1]!) ? 'done' : x.can.events.includes(ev) ? 'notStarted' : 'cannotStart');
  const list: { key: ExchangeTask; name: string; href: string | null; status: TaskStatus }[] = [
    { key: 'plan', name: t('exchanges.tasks.plan'), href: x.can.editPlan ? `${base}/plan` : null, status: 'done' },
    { key: 'terms', name: t('exchanges.page.tor'), href: `${base}/terms`, status: x.tor.agreed && (reached(x, 'agreed') || x.torLatestAgreed) ? 'done' : (x.tor.latest ?? 0) > 1 || x.tor.agreed ? 'inProgress' : 'notStarted' },
    ...(x.can.transition ? [{ key: 'agree' as const, name: t('exchanges.event.agree'), href: `${base}/agree`, status: reached(x, 'agreed') ? ('done' as const) : x.torLatestAgreed ? ('notStarted' as const) : ('cannotStart' as const) }] : []),
    { key: 'agenda', name: t('exchanges.page.agenda'), href: `${base}/agenda`, status: x.agenda.length ? 'inProgress' : 'notStarted' },
    { key: 'tasks', name: t('exchanges.page.tasks'), href: `${base}/tasks`, status: !x.tasks.length ? 'notStarted' : x.tasks.every((k) => k.isDone) ? 'done' : 'inProgress' },
    { key: 'documents', name: t('exchanges.page.documents'), href: `${base}/documents`, status: x.documents.length ? 'inProgress' : 'notStarted' },
    { key: 'messages', name: t('exchanges.page.messages'), href: `${base}/messages`, status: x.messages.length ? 'inProgress' : 'notStarted' },
    ...(x.can.transition ? [{ key: 'held' as const, name: t('exchanges.event.hold'), href: `${base}/held`, status: reached(x, 'held') ? ('done' as const) : x.state === 'agreed' && x.started ? ('notStarted' as const) : ('cannotStart' as const) }] : []),
    { key: 'evaluations', name: t('exchanges.page.evaluationsLink'), href: `${base}/evaluations`, status: reached(x, 'evaluated') ? 'done' : reached(x, 'agreed') ? 'inProgress' : 'cannotStart' },
    ...(x.can.transition ? [{ key: 'evaluated' as const, name: t('exchanges.event.evaluate'), href: `${base}/evaluated`, status: move('evaluate', 'held') }] : []),
    ...(x.can.transition ? [{ key: 'close' as const, name: t('exchanges.event.close'), href: `${base}/close`, status: move('close', 'evaluated') }] : []),
    ...(x.can.draftLesson || (x.can.transition && !reached(x, 'held')) ? [{ key: 'lesson' as const, name: t('exchanges.page.draftLesson'), href: x.can.draftLesson ? `${base}/lesson` : null, status: x.can.draftLesson ? ('notStarted' as const) : ('cannotStart' as const) }] : []),
    ...(x.can.proposePartnership ? [{ key: 'partnership' as const, name: t('exchanges.partnership.propose'), href: `${base}/partnership`, status: 'notStarted' as const }] : []),
  ];
  return list;
}

/** What this reader does next, with the task page it is done on (null: nothing for them now). */
export function nextStep(t: T, x: ExchangePageView): { text: string; href: string | null } {
  const base = `/exchanges/${x.id}`;
  if (x.state === 'planned') {
    if (x.torToSign) return { text: t('exchanges.next.sign'), href: `${base}/terms` };
    if (!x.torLatestAgreed) return { text: t('exchanges.next.waitSignatures'), href: `${base}/terms` };
    return x.can.transition ? { text: t('exchanges.next.agree'), href: `${base}/agree` } : { text: t('exchanges.next.waitAgree'), href: null };
  }
  if (x.state === 'agreed') {
    if (x.can.transition && x.started) return { text: t('exchanges.next.hold'), href: `${base}/held` };
    return { text: t('exchanges.next.prepare'), href: `${base}/agenda` };
  }
  if (x.state === 'held') return x.can.transition ? { text: t('exchanges.next.markEvaluated'), href: `${base}/evaluated` } : { text: t('exchanges.next.evaluate'), href: `${base}/evaluations` };
  if (x.state === 'evaluated') return x.can.transition ? { text: t('exchanges.next.close'), href: `${base}/close` } : { text: t('exchanges.next.evaluate'), href: `${base}/evaluations` };
  return { text: t('exchanges.next.closed'), href: `${base}/report` };
}

function statusTag(t: T, s: TaskStatus) {
  const label = { done: t('exchanges.status.done'), inProgress: t('exchanges.status.inProgress'), notStarted: t('exchanges.status.notStarted'), cannotStart: t('exchanges.status.cannotStart') }[s];
  return html`<strong class="task-tag task-tag--${s}">${label}</strong>`;
}

/** The exchange's summary: who, what, when, its state, the reader's next step and the task list (each task its own page). */
export function exchangePage(c: Ctx, x: ExchangePageView, slot: Html = html``) {
  const t = c.get('t');
  const locale = c.get('locale');
  const e = x;
  const base = `/exchanges/${e.id}`;
  const next = nextStep(t, x);
  const tasks = tasksOf(t, x);
  return page(c, {
    title: e.title,
    body: html`<h1><bdi>${e.title}</bdi></h1>
${slot}
<dl class="facts">
<dt>${t('exchanges.field.state')}</dt><dd>${stateLabel(t, e.state)}</dd>
${x.mySides.length ? html`<dt>${t('exchanges.page.yourPart')}</dt><dd>${x.mySides.map((s) => sideLabel(t, s)).join(', ')}</dd>` : ''}
<dt>${t('exchanges.field.format')}</dt><dd>${formatName(e.format, locale)}</dd>
<dt>${t('exchanges.field.dates')}</dt><dd>${fmtDate(e.startDate, locale)} – ${fmtDate(e.endDate, locale)} · <a href="${link(c, `${base}/calendar.ics`)}">${t('exchanges.page.calendar')}</a></dd>
${e.place ? html`<dt>${t('exchanges.field.place')}</dt><dd dir="auto">${e.place}</dd>` : ''}
${e.onlineLink ? html`<dt>${t('exchanges.field.onlineLink')}</dt><dd><a href="${e.onlineLink}" rel="noopener noreferrer" dir="ltr">${e.onlineLink}</a></dd>` : ''}
<dt>${t('exchanges.plan.participants')}</dt><dd>${t('exchanges.page.participantsTotal', { n: x.participantsTotal })}</dd>
<dt>${t('exchanges.page.tor')}</dt><dd><a href="${link(c, `${base}/terms`)}">${
      x.tor.agreed ? t('exchanges.page.torAgreed', { version: x.tor.agreed }) : t('exchanges.page.torDraft', { version: x.tor.latest ?? 0 })
    }</a></dd>
<dt>${t('exchanges.page.report')}</dt><dd><a href="${link(c, `${base}/report`)}">${t('exchanges.page.reportLink')}</a></dd>
</dl>
<section aria-labelledby="h-next" class="next-step"><h2 id="h-next">${t('exchanges.next.title')}</h2><p>${next.href ? html`<a href="${link(c, next.href)}">${next.text}</a>` : next.text}</p></section>
<section aria-labelledby="h-tasks"><h2 id="h-tasks">${t('exchanges.tasks.title')}</h2><ol class="task-list">${tasks.map(
      (k) =>
        html`<li class="task-list__item"><span class="task-list__name">${k.href ? html`<a href="${link(c, k.href)}" aria-describedby="st-${k.key}">${k.name}</a>` : k.name}</span> <span id="st-${k.key}">${statusTag(t, k.status)}</span></li>`,
    )}</ol></section>
<section aria-labelledby="h-plan"><h2 id="h-plan">${t('exchanges.page.planSummary')}</h2>
<h3>${t('exchanges.plan.checklist')}</h3><ul>${x.checklist.map((k) => html`<li>${checkLabel(t, k.item)}: ${k.done ? t('exchanges.check.done') : t('exchanges.check.open')}</li>`)}</ul>
<h3>${t('exchanges.plan.participants')}</h3>${
      x.participants.length
        ? html`<table><caption>${t('exchanges.page.participantsTotal', { n: x.participantsTotal })}</caption><thead><tr><th scope="col">${t('exchanges.field.side')}</th><th scope="col">${t('exchanges.field.kind')}</th><th scope="col">${t(
            'exchanges.gender.women',
          )}</th><th scope="col">${t('exchanges.gender.men')}</th><th scope="col">${t('exchanges.gender.other')}</th></tr></thead><tbody>${x.participants.map(
            (p) => html`<tr><th scope="row">${sideLabel(t, p.side)}</th><td>${kindLabel(t, p.kind)}</td><td>${p.women}</td><td>${p.men}</td><td>${p.otherGender}</td></tr>`,
          )}</tbody></table>`
        : html`<p>${t('exchanges.page.none')}</p>`
    }
<h3>${t('exchanges.plan.budget')}</h3>${
      x.budget.length
        ? html`<table><thead><tr><th scope="col">${t('exchanges.budget.label')}</th><th scope="col">${t('exchanges.budget.amount')}</th><th scope="col">${t('exchanges.budget.fundedBy')}</th></tr></thead><tbody>${x.budget.map(
            (b) => html`<tr><th scope="row" dir="auto">${b.label}</th><td><bdi>${money(b.amountCents, b.currency, locale)}</bdi></td><td dir="auto">${b.fundedBy}</td></tr>`,
          )}</tbody></table>`
        : html`<p>${t('exchanges.page.none')}</p>`
    }</section>
${
  x.history.length
    ? html`<section aria-labelledby="h-history"><h2 id="h-history">${t('exchanges.page.history')}</h2><ol class="timeline">${x.history.map(
        (h) => html`<li>${fmtDate(h.at, locale, true)}: ${stateLabel(t, h.from)} → ${stateLabel(t, h.to)}${h.actorName ? html` (${h.actorName})` : ''}</li>`,
      )}</ol></section>`
    : ''
}`,
  });
}

/** One task of the exchange on its own page: heading, a link back to the summary, then the task's content and its one form. */
function taskPage(c: Ctx, x: ExchangePageView, heading: string, body: Html | string, status = 200) {
  const t = c.get('t');
  return page(c, {
    title: `${heading} · ${x.title}`,
    status,
    body: html`<p><a href="${link(c, `/exchanges/${x.id}`)}">${t('exchanges.tor.back')}</a></p>
<h1>${heading}</h1><p class="meta"><bdi>${x.title}</bdi> · ${stateLabel(t, x.state)}</p>
${body}`,
  });
}

const EMPTY: FormState = { values: {}, errors: {} };

export function agendaPage(c: Ctx, x: ExchangePageView, form: FormState = EMPTY, status = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  return taskPage(
    c,
    x,
    t('exchanges.page.agenda'),
    html`${x.agenda.length ? html`<ul>${x.agenda.map((a) => html`<li>${fmtDate(a.day, locale)}${a.time ? html` ${a.time}` : ''} — <bdi>${a.title}</bdi></li>`)}</ul>` : html`<p>${t('exchanges.page.none')}</p>`}${
      x.can.post
        ? html`<form method="post" novalidate action="${link(c, `/exchanges/${x.id}/agenda`)}"><h2>${t('exchanges.agenda.add')}</h2>${errorSummary(t, form.errors, { day: t('exchanges.agenda.day'), time: t('exchanges.agenda.time'), title: t('exchanges.agenda.title') })}
${input({ t, name: 'day', label: t('exchanges.agenda.day'), form, type: 'date', required: true })}${input({ t, name: 'time', label: t('exchanges.agenda.time'), form, type: 'time' })}${input({
            t,
            name: 'title',
            label: t('exchanges.agenda.title'),
            form,
            required: true,
          })}<button type="submit">${t('exchanges.agenda.add')}</button></form>`
        : ''
    }`,
    status,
  );
}

export function tasksPage(c: Ctx, x: ExchangePageView, form: FormState = EMPTY, status = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  const base = `/exchanges/${x.id}`;
  return taskPage(
    c,
    x,
    t('exchanges.page.tasks'),
    html`${
      x.tasks.length
        ? html`<ul>${x.tasks.map(
            (k) =>
              html`<li>${k.isDone ? html`<s dir="auto">${k.title}</s> (${t('exchanges.task.done')})` : html`<bdi>${k.title}</bdi>`} — ${t('exchanges.task.due', { date: fmtDate(k.dueDate, locale) })}${
                x.can.post
                  ? html` <form method="post" novalidate action="${link(c, `${base}/tasks/${k.id}`)}" class="inline"><input type="hidden" name="done" value="${k.isDone ? 'false' : 'true'}"><button type="submit">${
                      k.isDone ? t('exchanges.task.reopen') : t('exchanges.task.markDone')
                    }</button></form>`
                  : ''
              }</li>`,
          )}</ul>`
        : html`<p>${t('exchanges.page.none')}</p>`
    }${
      x.can.post
        ? html`<form method="post" novalidate action="${link(c, `${base}/tasks`)}"><h2>${t('exchanges.task.add')}</h2>${errorSummary(t, form.errors, { title: t('exchanges.task.title'), dueDate: t('exchanges.task.dueDate') })}
${input({ t, name: 'title', label: t('exchanges.task.title'), form, required: true })}${input({ t, name: 'dueDate', label: t('exchanges.task.dueDate'), form, type: 'date', required: true })}<button type="submit">${t('exchanges.task.add')}</button></form>`
        : ''
    }`,
    status,
  );
}

export function documentsPage(c: Ctx, x: ExchangePageView, form: FormState = EMPTY, status = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  const base = `/exchanges/${x.id}`;
  return taskPage(
    c,
    x,
    t('exchanges.page.documents'),
    html`${
      x.documents.length
        ? html`<ul>${x.documents.map(
            (d) => html`<li><a href="${link(c, `${base}/documents/${d.id}`)}" dir="auto">${d.label}</a> <span class="meta">(${d.sizeKb} KB, <bdi>${d.uploaderName}</bdi>, ${fmtDate(d.createdAt, locale)})</span></li>`,
          )}</ul>`
        : html`<p>${t('exchanges.page.none')}</p>`
    }${
      x.can.post
        ? html`<form method="post" novalidate action="${link(c, `${base}/documents`)}" enctype="multipart/form-data">${errorSummary(t, form.errors, { file: t('exchanges.document.file') })}<div class="field"><label for="f-file">${t(
            'exchanges.document.file',
          )}</label><span class="hint" id="h-file">${t('exchanges.document.hint')}</span>${form.errors.file ? html`<span class="error-text" id="e-file">${t(form.errors.file)}</span>` : ''}<input id="f-file" name="file" type="file" accept=".pdf,.docx,.odt,.png,.jpg,.jpeg" aria-describedby="h-file${
            form.errors.file ? ' e-file' : ''
          }"${form.errors.file ? html` aria-invalid="true"` : ''}></div><button type="submit">${t('exchanges.document.upload')}</button></form>`
        : ''
    }`,
    status,
  );
}

export function messagesPage(c: Ctx, x: ExchangePageView, form: FormState = EMPTY, status = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  return taskPage(
    c,
    x,
    t('exchanges.page.messages'),
    html`${
      x.messages.length
        ? html`<ol class="thread">${x.messages.map((m) => html`<li><p class="meta">${m.authorName}, ${fmtDate(m.at, locale, true)}</p><p class="pre">${m.body}</p></li>`)}</ol>`
        : html`<p>${t('exchanges.page.none')}</p>`
    }${
      x.can.post
        ? html`<form method="post" novalidate action="${link(c, `/exchanges/${x.id}/messages`)}">${errorSummary(t, form.errors, { body: t('exchanges.message.body') })}${textarea({
            t,
            name: 'body',
            label: t('exchanges.message.body'),
            form,
            rows: 4,
            required: true,
          })}<button type="submit">${t('exchanges.message.send')}</button></form>`
        : ''
    }`,
    status,
  );
}

/** A move of the exchange's state (agree, hold, evaluate, close) on its own page: what it means, and the button when it is possible now. */
export function movePage(c: Ctx, x: ExchangePageView, ev: ExchangeEvent) {
  const t = c.get('t');
  const intro = { agree: t('exchanges.move.agreeIntro'), hold: t('exchanges.move.holdIntro'), evaluate: t('exchanges.move.evaluateIntro'), close: t('exchanges.move.closeIntro') }[ev];
  const allowed = x.can.events.includes(ev);
  const possible = allowed && !(ev === 'agree' && !x.torLatestAgreed) && !(ev === 'hold' && !x.started);
  const why = !allowed ? t('exchanges.move.notNow', { state: stateLabel(t, x.state) }) : ev === 'agree' ? t('exchanges.flash.torNotAgreed') : t('exchanges.flash.notStarted');
  return taskPage(
    c,
    x,
    eventLabel(t, ev),
    html`<p>${intro}</p>${
      possible
        ? html`<form method="post" novalidate action="${link(c, `/exchanges/${x.id}/transitions`)}"><input type="hidden" name="event" value="${ev}"><button type="submit">${eventLabel(t, ev)}</button></form>`
        : html`<p class="flash" role="status">${why}</p>`
    }`,
  );
}

export function lessonPage(c: Ctx, x: ExchangePageView) {
  const t = c.get('t');
  return taskPage(
    c,
    x,
    t('exchanges.page.draftLesson'),
    html`<p>${t('exchanges.move.lessonIntro')}</p><form method="post" novalidate action="${link(c, `/exchanges/${x.id}/lesson`)}"><button type="submit">${t('exchanges.page.draftLesson')}</button></form>`,
  );
}

export function partnershipPage(c: Ctx, x: ExchangePageView) {
  const t = c.get('t');
  return taskPage(
    c,
    x,
    t('exchanges.partnership.title'),
    html`<form method="post" novalidate action="${link(c, `/exchanges/${x.id}/partnership`)}">${textarea({ t, name: 'note', label: t('exchanges.partnership.note'), form: EMPTY, rows: 3 })}<button type="submit">${t(
      'exchanges.partnership.propose',
    )}</button></form>`,
  );
}

export function torPage(c: Ctx, x: TorPage, form: FormState | null, status = 200) {
  const t = c.get('t');
  const locale = c.get('locale');
  const e = x.exchange;
  const base = `/exchanges/${e.id}/terms`;
  const latest = x.versions[0];
  const f: FormState = form ?? { values: { ...(latest?.content ?? {}), baseVersion: String(latest?.version ?? 0) }, errors: {} };
  const labels = Object.fromEntries(TOR_FIELDS.map((k) => [k, torFieldLabel(t, k)]));
  return page(c, {
    title: t('exchanges.tor.title', { title: e.title }),
    status,
    body: html`<h1>${t('exchanges.tor.title', { title: e.title })}</h1>
<p><a href="${link(c, `/exchanges/${e.id}`)}">${t('exchanges.tor.back')}</a></p>
${x.agreedVersion ? html`<p class="flash">${t('exchanges.tor.agreedNote', { version: x.agreedVersion })}</p>` : ''}
${
  latest
    ? html`<section aria-labelledby="h-latest"><h2 id="h-latest">${t('exchanges.tor.version', { version: latest.version })}</h2><p class="meta">${t('exchanges.tor.writtenBy', {
        name: latest.authorName,
        date: fmtDate(latest.createdAt, locale, true),
      })}</p><dl>${TOR_FIELDS.map((k) => html`<dt>${labels[k]}</dt><dd class="pre">${latest.content[k]}</dd>`)}</dl>
${
  x.abilities.signSides.length
    ? html`<form method="post" novalidate action="${link(c, `${base}/sign`)}"><input type="hidden" name="version" value="${latest.version}"><button type="submit">${t('exchanges.tor.sign', {
        version: latest.version,
        sides: x.abilities.signSides.map((s) => sideLabel(t, s)).join(', '),
      })}</button></form>`
    : ''
}</section>`
    : ''
}
<section aria-labelledby="h-signatures"><h2 id="h-signatures">${t('exchanges.tor.signatures')}</h2>
<table><thead><tr><th scope="col">${t('exchanges.tor.versionCol')}</th><th scope="col">${t('exchanges.field.side')}</th><th scope="col">${t('exchanges.tor.signedBy')}</th><th scope="col">${t(
      'exchanges.tor.signedAt',
    )}</th></tr></thead><tbody>${x.versions.flatMap((v) =>
      v.signatures.map((s) => html`<tr><th scope="row">${v.version}</th><td>${sideLabel(t, s.side)}</td><td dir="auto">${s.name}</td><td>${fmtDate(s.at, locale, true)}</td></tr>`),
    )}</tbody></table>${x.versions.every((v) => !v.signatures.length) ? html`<p>${t('exchanges.tor.noSignatures')}</p>` : ''}</section>
${
  x.diff
    ? html`<section aria-labelledby="h-diff"><h2 id="h-diff">${t('exchanges.tor.diff', { from: x.diff.from, to: x.diff.to })}</h2>${x.diff.fields.map(
        (d) =>
          html`<h3>${labels[d.field]}</h3><ul class="diff">${d.lines.map((l) =>
            l.op === 'same'
              ? html`<li>${l.text}</li>`
              : l.op === 'added'
                ? html`<li><ins><span class="visually-hidden">${t('exchanges.tor.added')}: </span>+ ${l.text}</ins></li>`
                : html`<li><del><span class="visually-hidden">${t('exchanges.tor.removed')}: </span>− ${l.text}</del></li>`,
          )}</ul>`,
      )}</section>`
    : ''
}
<section aria-labelledby="h-versions"><h2 id="h-versions">${t('exchanges.tor.versions')}</h2><ul>${x.versions.map(
      (v) =>
        html`<li>${t('exchanges.tor.version', { version: v.version })} — ${v.authorName}, ${fmtDate(v.createdAt, locale, true)}${
          v.version > 1 ? html` · <a href="${link(c, `${base}?from=${v.version - 1}&to=${v.version}`)}">${t('exchanges.tor.compare', { from: v.version - 1 })}</a>` : ''
        }</li>`,
    )}</ul></section>
${
  x.abilities.write
    ? html`<section aria-labelledby="h-write"><h2 id="h-write">${t('exchanges.tor.write')}</h2><p class="hint">${t('exchanges.tor.writeHint')}</p><form method="post" novalidate action="${link(c, base)}">${errorSummary(
        t,
        f.errors,
        labels,
      )}<input type="hidden" name="baseVersion" value="${String(f.values.baseVersion ?? '')}">${TOR_FIELDS.map((k) => textarea({ t, name: k, label: labels[k]!, form: f, rows: 5, required: k === 'objectives' || k === 'activities' || k === 'expectedResults' }))}<button type="submit">${t(
        'exchanges.tor.save',
      )}</button></form></section>`
    : ''
}`,
  });
}
