/** The front page and "Waiting on you": views only (the facts come from home.service.ts). */
import { html, raw } from 'hono/html';
import type { Ctx } from '../../platform/http.ts';
import type { Html } from '../../platform/html/layout.ts';
import { link } from '../../platform/render.ts';
import { fmtDate, numberFormat } from '../../platform/html/format.ts';
import { userText } from '../../platform/html/user-content.ts';
import type { HomeFacts, WaitingItem } from './home.service.ts';

/**
 * The cycle, step by step, each with a small drawing (decorative: `aria-hidden`, the step's words
 * say it all). The drawings are symmetric or direction-free, so they read the same right to left.
 */
const CYCLE: readonly { title: string; text: string; path: string }[] = [
  { title: 'home.cycle.describe.title', text: 'home.cycle.describe.text', path: '<rect x="7" y="4" width="18" height="24" rx="2"/><path d="M11 11h10M11 16h10M11 21h6"/>' },
  { title: 'home.cycle.decide.title', text: 'home.cycle.decide.text', path: '<circle cx="16" cy="16" r="12"/><path d="M10 16l4 4 8-8"/>' },
  { title: 'home.cycle.call.title', text: 'home.cycle.call.text', path: '<circle cx="16" cy="16" r="3"/><path d="M10 10a8.5 8.5 0 0 0 0 12M22 10a8.5 8.5 0 0 1 0 12M6 6a14 14 0 0 0 0 20M26 6a14 14 0 0 1 0 20"/>' },
  { title: 'home.cycle.match.title', text: 'home.cycle.match.text', path: '<circle cx="12" cy="16" r="8"/><circle cx="20" cy="16" r="8"/>' },
  { title: 'home.cycle.exchange.title', text: 'home.cycle.exchange.text', path: '<circle cx="10" cy="10" r="4"/><circle cx="22" cy="10" r="4"/><path d="M3 27c0-5 3-8 7-8s7 3 7 8M15 27c0-5 3-8 7-8s7 3 7 8"/>' },
  { title: 'home.cycle.evaluate.title', text: 'home.cycle.evaluate.text', path: '<path d="M16 4l3.5 7.5 8 1-6 5.5 1.6 8L16 22l-7.1 4 1.6-8-6-5.5 8-1z"/>' },
  { title: 'home.cycle.share.title', text: 'home.cycle.share.text', path: '<path d="M4 7c4-2 8-2 12 1 4-3 8-3 12-1v19c-4-2-8-2-12 1-4-3-8-3-12-1zM16 8v19"/>' },
];

const drawing = (path: string): Html =>
  html`<svg class="cycle-icon" viewBox="0 0 32 32" width="40" height="40" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${raw(path)}</svg>`;

function cycle(c: Ctx): Html {
  const t = c.get('t');
  return html`<section aria-labelledby="home-cycle"><h2 id="home-cycle">${t('home.cycle.heading')}</h2>
<ol class="cycle">${CYCLE.map((s) => html`<li>${drawing(s.path)}<div><h3>${t(s.title)}</h3><p>${t(s.text)}</p></div></li>`)}</ol></section>`;
}

function listSection(id: string, heading: string, more: { path: string; label: string }, empty: string, items: Html[]): Html {
  return html`<section aria-labelledby="${id}"><h2 id="${id}">${heading}</h2>
${items.length ? html`<ul class="home-list">${items}</ul>` : html`<p>${empty}</p>`}
<p><a href="${more.path}">${more.label}</a></p></section>`;
}

export function homeBody(c: Ctx, f: HomeFacts): Html {
  const t = c.get('t');
  const locale = c.get('locale');
  const user = c.get('user');
  const n = numberFormat(locale);
  const figures = [
    { key: 'home.figures.organisations', value: f.figures.organisations },
    { key: 'home.figures.exchanges', value: f.figures.exchanges },
    { key: 'home.figures.countries', value: f.figures.countries },
  ];
  return html`<h1>${t('home.heading')}</h1>
<p>${t('home.intro')}</p>
${user ? html`<p><a href="${link(c, '/me/waiting')}">${t('home.waitingLink')}</a></p>` : html`<p><a href="${link(c, '/register')}">${t('home.register')}</a></p>`}
<section aria-labelledby="home-figures"><h2 id="home-figures" class="visually-hidden">${t('home.figures.heading')}</h2>
<ul class="figures">${figures.map((x) => html`<li><strong>${n.format(x.value)}</strong> ${t(x.key, { n: x.value })}</li>`)}</ul></section>
${cycle(c)}
${listSection(
  'home-calls',
  t('home.calls.heading'),
  { path: link(c, '/calls'), label: t('home.calls.all') },
  t('home.calls.none'),
  f.calls.map((x) => html`<li><a href="${link(c, `/calls/${x.id}`)}"><bdi dir="auto">${x.title}</bdi></a> <span class="meta">${t('home.deadline', { date: fmtDate(x.deadline, locale) })}</span></li>`),
)}
${listSection(
  'home-rounds',
  t('home.rounds.heading'),
  { path: link(c, '/calls-for-requests'), label: t('home.rounds.all') },
  t('home.rounds.none'),
  f.rounds.map((x) => html`<li><a href="${link(c, `/programmes/${x.programme.slug}`)}"><bdi dir="auto">${x.programme.name}</bdi></a> · <bdi dir="auto">${x.round.name}</bdi> <span class="meta">${t('home.deadline', { date: fmtDate(x.round.closesAt, locale) })}</span></li>`),
)}
${listSection(
  'home-events',
  t('home.events.heading'),
  { path: link(c, '/events'), label: t('home.events.all') },
  t('home.events.none'),
  f.events.map((x) => html`<li><a href="${link(c, `/events/${x.id}`)}">${userText(x.title)}</a> <span class="meta">${fmtDate(x.startsAt, locale, true)}</span></li>`),
)}
${listSection(
  'home-practices',
  t('home.practices.heading'),
  { path: link(c, '/good-practices'), label: t('home.practices.all') },
  t('home.practices.none'),
  f.practices.map((x) => html`<li><a href="${link(c, `/good-practices/${x.id}`)}">${userText(x.title)}</a></li>`),
)}
<section aria-labelledby="home-more"><h2 id="home-more">${t('home.more.heading')}</h2>
<ul>
<li><a href="${link(c, '/organisations')}">${t('home.findOrganisations')}</a></li>
${user ? html`<li><a href="${link(c, '/requests')}">${t('home.myRequests')}</a></li><li><a href="${link(c, '/organisations/new')}">${t('home.createOrganisation')}</a></li>` : ''}
<li><a href="${link(c, '/cooperation-approaches')}">${t('home.approaches')}</a></li>
<li><a href="${link(c, '/funding')}">${t('home.funding')}</a></li>
<li><a href="${link(c, '/programmes')}">${t('home.programmes')}</a></li>
</ul></section>`;
}

/** What each kind of waiting item asks, by the `kind` the modules' hooks give. */
const KIND_LABELS: Record<string, string> = {
  draftToFinish: 'home.waiting.kind.draftToFinish',
  requestToEndorse: 'home.waiting.kind.requestToEndorse',
  requestToScore: 'home.waiting.kind.requestToScore',
  offersToAnswer: 'home.waiting.kind.offersToAnswer',
  matchToConfirm: 'home.waiting.kind.matchToConfirm',
  torToSign: 'home.waiting.kind.torToSign',
  evaluationToAnswer: 'home.waiting.kind.evaluationToAnswer',
  consultationToAnswer: 'home.waiting.kind.consultationToAnswer',
  eventTomorrow: 'home.waiting.kind.eventTomorrow',
};

export function waitingBody(c: Ctx, items: WaitingItem[]): Html {
  const t = c.get('t');
  const locale = c.get('locale');
  return html`<h1>${t('home.waiting.heading')}</h1>
${items.length
  ? html`<p>${t('home.waiting.intro', { n: items.length })}</p>
<ul class="cards">${items.map(
      (i) => html`<li class="card"><h2><a href="${link(c, i.link)}">${t(KIND_LABELS[i.kind] ?? 'home.waiting.kind.other')}</a></h2>
<p>${i.lang ? userText({ text: i.title, lang: i.lang }) : html`<bdi dir="auto">${i.title}</bdi>`}</p>${i.due ? html`<p class="meta">${t('home.deadline', { date: fmtDate(i.due, locale) })}</p>` : ''}</li>`,
    )}</ul>`
  : html`<p>${t('home.waiting.empty')}</p><p><a href="${link(c, '/')}">${t('home.waiting.emptyLink')}</a></p>`}`;
}
