/** Reporting pages of exchanges: the programme dashboard (tables, world map of partnerships, follow-up outcomes) and the printable exchange report. */
import { html, raw } from 'hono/html';
import type { Ctx } from '../../platform/http.ts';
import type { T, Locale } from '../../platform/i18n.ts';
import { page, link } from '../../platform/render.ts';
import { formatName, themeName } from '../../taxonomy/names.ts';
import { fmtDate } from '../../platform/html/format.ts';
import { labelFor } from '../../taxonomy/labels.ts';
import { REGIONS } from '../../taxonomy/regions.ts';
import { SDGS } from '../../taxonomy/sdgs.ts';
import { APPROACHES } from '../../taxonomy/approaches.ts';
import { countryName } from '../../taxonomy/countries.ts';
import type { programmeDashboard, ExchangeReport, OutcomeQuestion, SideOutcome } from './exchanges.reporting.service.ts';
import { stateLabel, sideLabel, kindLabel, torFieldLabel } from './exchanges.views.ts';
import { partnershipShapes, SHADES, LAND, LINK, PARTNERSHIP } from './exchanges.map.ts';
import { TOR_FIELDS } from './exchanges.schema.ts';

export function stageName(t: T, s: string): string {
  return (
    { before: t('evaluations.stage.before'), during: t('evaluations.stage.during'), after: t('evaluations.stage.after'), m3: t('evaluations.stage.m3'), m6: t('evaluations.stage.m6'), m12: t('evaluations.stage.m12') } as Record<string, string>
  )[s] ?? s;
}

const country = (code: string, locale: Locale) => (code ? countryName(code, locale) : '—');

type Dashboard = Awaited<ReturnType<typeof programmeDashboard>>;

/** The world map (inline SVG: numbers and fixed colours only) with its legend, and the country tables beside it. */
function mapSection(c: Ctx, d: Dashboard) {
  const t = c.get('t');
  const locale = c.get('locale');
  const m = partnershipShapes(d.countries, d.pairs, d.partnershipPairs);
  const top = d.pairs[0];
  const desc = d.countries.length
    ? t('exchanges.dashboard.mapDesc', { countries: d.countries.length, pairs: d.pairs.length }) +
      (top ? ` ${t('exchanges.dashboard.mapTop', { host: country(top.host, locale), peer: country(top.peer, locale), n: top.n })}` : '')
    : t('exchanges.dashboard.mapEmpty');
  const swatch = (fill: string, line: false | 'exchange' | 'partnership' = false) =>
    raw(
      `<svg class="swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false">${
        line === 'exchange'
          ? `<path d="M1 12Q8 2 15 12" fill="none" stroke="${LINK}" stroke-width="3"/>`
          : line === 'partnership'
            ? `<path d="M1 12Q8 2 15 12" fill="none" stroke="${PARTNERSHIP}" stroke-width="2" stroke-dasharray="4 3"/>`
            : `<rect x="1" y="1" width="14" height="14" fill="${fill}"/>`
      }</svg>`,
    );
  // The shapes are numbers and fixed colours only; the title and description go through the escaping template.
  const shapes = raw(
    `<path fill="${LAND}" d="${m.land}"/>` +
      `<g stroke="#fff" stroke-width=".6">${m.shapes.map((s) => `<path fill="${s.fill}" d="${s.d}"/>`).join('')}${m.dots.map((s) => `<circle cx="${s.x}" cy="${s.y}" r="6" fill="${s.fill}"/>`).join('')}</g>` +
      // Each curve over a white halo, so that it stands out (5.7:1) on dark countries as on the land.
      `<g fill="none" stroke="#fff" stroke-linecap="round">${m.curves.map((x) => `<path stroke-width="${x.width + 2}" d="${x.d}"/>`).join('')}</g>` +
      `<g fill="none" stroke="${LINK}" stroke-linecap="round">${m.curves.map((x) => `<path stroke-width="${x.width}" d="${x.d}"/>`).join('')}</g>` +
      (m.links.length ? `<g fill="none" stroke="${PARTNERSHIP}" stroke-width="2" stroke-dasharray="6 4">${m.links.map((x) => `<path d="${x.d}"/>`).join('')}</g>` : ''),
  );
  const figure = html`<svg class="world" viewBox="0 0 ${m.width} ${m.height}" role="img" aria-labelledby="map-title map-desc" focusable="false"><title id="map-title">${t('exchanges.dashboard.mapTitle')}</title><desc id="map-desc">${desc}</desc>${shapes}</svg>`;
  return html`<section aria-labelledby="d-map"><h2 id="d-map">${t('exchanges.dashboard.map')}</h2>
<div class="map-figure"><div>${figure}
<ul class="map-legend"><li>${swatch(SHADES[0])} ${t('exchanges.dashboard.legend1')}</li><li>${swatch(SHADES[1])} ${t('exchanges.dashboard.legend2')}</li><li>${swatch(SHADES[2])} ${t('exchanges.dashboard.legend4')}</li><li>${swatch(
    SHADES[3],
  )} ${t('exchanges.dashboard.legend10')}</li><li>${swatch('', 'exchange')} ${t('exchanges.dashboard.legendLine')}</li>${
    d.partnershipPairs.length ? html`<li>${swatch('', 'partnership')} ${t('exchanges.dashboard.legendPartnership')}</li>` : ''
  }</ul></div>
<div>${
    d.pairs.length
      ? html`<table><caption>${t('exchanges.dashboard.pairs')}</caption><thead><tr><th scope="col">${t('exchanges.dashboard.hostCountry')}</th><th scope="col">${t('exchanges.dashboard.peerCountry')}</th><th scope="col">${t(
          'exchanges.dashboard.count',
        )}</th></tr></thead><tbody>${d.pairs.map((p) => html`<tr><th scope="row">${country(p.host, locale)}</th><td>${country(p.peer, locale)}</td><td>${p.n}</td></tr>`)}</tbody></table>`
      : ''
  }${
    d.partnershipPairs.length
      ? html`<table><caption>${t('exchanges.dashboard.partnershipPairs')}</caption><thead><tr><th scope="col">${t('exchanges.dashboard.country')}</th><th scope="col">${t('exchanges.dashboard.partnerCountry')}</th><th scope="col">${t(
          'exchanges.dashboard.partnershipCount',
        )}</th></tr></thead><tbody>${d.partnershipPairs.map((p) => html`<tr><th scope="row">${country(p.a, locale)}</th><td>${country(p.b, locale)}</td><td>${p.n}</td></tr>`)}</tbody></table>`
      : ''
  }${
    d.countries.length
      ? html`<table><caption>${t('exchanges.dashboard.countries')}</caption><thead><tr><th scope="col">${t('exchanges.dashboard.country')}</th><th scope="col">${t('exchanges.dashboard.asHost')}</th><th scope="col">${t(
          'exchanges.dashboard.asPeer',
        )}</th></tr></thead><tbody>${d.countries.map((x) => html`<tr><th scope="row">${country(x.code, locale)}</th><td>${x.asHost}</td><td>${x.asPeer}</td></tr>`)}</tbody></table>`
      : html`<p>${t('exchanges.page.none')}</p>`
  }</div></div></section>`;
}

function sideCell(t: T, q: OutcomeQuestion, s: SideOutcome | null) {
  if (!s) return html`<td>—</td>`;
  const dist = s.distribution.map((d) => `${d.value}: ${d.n}`).join(' · ');
  return html`<td>${t('exchanges.dashboard.answers', { n: s.n })}${q.kind === 'scale' && s.mean !== null ? html`, ${t('exchanges.dashboard.mean', { value: s.mean })}` : ''}<br><span class="meta">${dist}</span></td>`;
}

function outcomesSection(c: Ctx, d: Dashboard) {
  const t = c.get('t');
  const stages = [...new Set(d.outcomes.map((q) => q.stage))];
  return html`<section aria-labelledby="d-outcomes"><h2 id="d-outcomes">${t('exchanges.dashboard.outcomes')}</h2><p class="hint">${t('exchanges.dashboard.outcomesHint')}</p>${
    stages.length
      ? stages.map((s) => {
          const list = d.outcomes.filter((q) => q.stage === s);
          return html`<table><caption>${stageName(t, s)}</caption><thead><tr><th scope="col">${t('exchanges.dashboard.question')}</th><th scope="col">${t('exchanges.side.host')}</th><th scope="col">${t(
            'exchanges.side.peer',
          )}</th></tr></thead><tbody>${list.map((q) => html`<tr><th scope="row" dir="auto">${q.label}</th>${sideCell(t, q, q.host)}${sideCell(t, q, q.peer)}</tr>`)}</tbody></table>`;
        })
      : html`<p>${t('exchanges.dashboard.noOutcomes')}</p>`
  }</section>`;
}

export function dashboardPage(c: Ctx, d: Dashboard) {
  const t = c.get('t');
  const locale = c.get('locale');
  const heading = t('exchanges.dashboard.title', { programme: d.name });
  const sdgName = (n: string) => {
    const s = SDGS.find((x) => String(x.number) === n);
    return s ? `${n}. ${s.labels[locale] ?? s.labels.en}` : n;
  };
  const table = (id: string, caption: string, col: string, list: { key: string; n: number }[], label: (k: string) => string) =>
    html`<section aria-labelledby="${id}"><h2 id="${id}">${caption}</h2>${
      list.length
        ? html`<table><thead><tr><th scope="col">${col}</th><th scope="col">${t('exchanges.dashboard.count')}</th></tr></thead><tbody>${list.map((x) => html`<tr><th scope="row">${label(x.key)}</th><td>${x.n}</td></tr>`)}</tbody></table>`
        : html`<p>${t('exchanges.page.none')}</p>`
    }</section>`;
  return page(c, {
    title: heading,
    body: html`<h1>${heading}</h1>
<p class="actions"><a href="${link(c, `/exchanges/dashboard.csv?programme=${d.programmeId}`)}" download>${t('exchanges.dashboard.csvLink')}</a></p>
<p>${d.satisfaction.average !== null ? t('exchanges.dashboard.satisfaction', { value: d.satisfaction.average, n: d.satisfaction.answers }) : t('exchanges.dashboard.noSatisfaction')}</p>
${mapSection(c, d)}
${table('d-state', t('exchanges.dashboard.byState'), t('exchanges.field.state'), d.byState, (k) => stateLabel(t, k))}
${table('d-format', t('exchanges.dashboard.byFormat'), t('exchanges.field.format'), d.byFormat, (k) => formatName(k, locale))}
${table('d-region', t('exchanges.dashboard.byRegion'), t('exchanges.dashboard.region'), d.byRegion, (k) => labelFor(REGIONS, k, locale))}
${table('d-theme', t('exchanges.dashboard.byTheme'), t('exchanges.dashboard.theme'), d.byTheme, (k) => themeName(k, locale))}
${table('d-sdg', t('exchanges.dashboard.bySdg'), t('exchanges.dashboard.sdg'), d.bySdg, sdgName)}
${table('d-approach', t('exchanges.dashboard.partnershipsByApproach'), t('exchanges.dashboard.approach'), d.partnershipsByApproach, (k) => labelFor(APPROACHES, k, locale))}
<section aria-labelledby="d-follow"><h2 id="d-follow">${t('exchanges.dashboard.followUps')}</h2>${
      d.stages.length
        ? html`<table><thead><tr><th scope="col">${t('exchanges.dashboard.stage')}</th><th scope="col">${t('exchanges.dashboard.sent')}</th><th scope="col">${t('exchanges.dashboard.answered')}</th></tr></thead><tbody>${d.stages.map(
            (s) => html`<tr><th scope="row">${stageName(t, s.stage)}</th><td>${s.sent}</td><td>${s.answered}</td></tr>`,
          )}</tbody></table>`
        : html`<p>${t('exchanges.page.none')}</p>`
    }</section>
${outcomesSection(c, d)}`,
  });
}

/** Whether the PDF is offered in this language: Arabic text needs shaping and right-to-left order that the PDF library does not do, so Arabic readers print the page. */
export const pdfLocale = (locale: Locale) => locale !== 'ar';

/** The printable exchange report: the whole record on one page; a print stylesheet hides navigation and forms. */
export function reportPage(c: Ctx, r: ExchangeReport) {
  const t = c.get('t');
  const locale = c.get('locale');
  const e = r.exchange;
  const base = `/exchanges/${e.id}`;
  const heading = t('exchanges.report.title', { title: e.title });
  const total = r.participants.reduce((n, p) => n + p.women + p.men + p.otherGender, 0);
  const party = (p: { name: string; country: string; region: string } | null) => (p ? `${p.name} (${country(p.country, locale)}, ${labelFor(REGIONS, p.region, locale)})` : '—');
  const none = html`<p>${t('exchanges.page.none')}</p>`;
  return page(c, {
    title: heading,
    body: html`<div class="report"><h1>${heading}</h1>
<p class="actions no-print"><a href="${link(c, base)}">${t('exchanges.tor.back')}</a>${
      pdfLocale(locale) ? html` <a href="${link(c, `${base}/report.pdf`)}" download>${t('exchanges.report.pdfLink')}</a>` : ''
    }<span class="hint">${pdfLocale(locale) ? t('exchanges.report.printHint') : t('exchanges.report.printOnly')}</span></p>
<p class="meta">${t('exchanges.report.made', { date: fmtDate(r.madeAt, locale, true) })}</p>
<section aria-labelledby="r-facts"><h2 id="r-facts">${t('exchanges.report.facts')}</h2><dl class="facts">
<dt>${t('exchanges.side.host')}</dt><dd>${party(r.parties.host)}</dd>
<dt>${t('exchanges.side.peer')}</dt><dd>${party(r.parties.peer)}${r.parties.peerPerson ? html` — ${r.parties.peerPerson}` : ''}</dd>
<dt>${t('exchanges.field.state')}</dt><dd>${stateLabel(t, e.state)}</dd>
<dt>${t('exchanges.field.format')}</dt><dd>${formatName(e.format, locale)}</dd>
<dt>${t('exchanges.field.dates')}</dt><dd>${fmtDate(e.startDate, locale)} – ${fmtDate(e.endDate, locale)}</dd>
${e.place ? html`<dt>${t('exchanges.field.place')}</dt><dd>${e.place}</dd>` : ''}
${e.onlineLink ? html`<dt>${t('exchanges.field.onlineLink')}</dt><dd>${e.onlineLink}</dd>` : ''}
${r.partnership ? html`<dt>${t('exchanges.report.partnership')}</dt><dd><a href="${link(c, `/partnerships/${r.partnership.id}`)}">${r.partnership.state === 'active' ? t('exchanges.partnership.active') : t('exchanges.partnership.waiting')}</a></dd>` : ''}
</dl></section>
<section aria-labelledby="r-people"><h2 id="r-people">${t('exchanges.plan.participants')}</h2>${
      r.participants.length
        ? html`<table><caption>${t('exchanges.page.participantsTotal', { n: total })}</caption><thead><tr><th scope="col">${t('exchanges.field.side')}</th><th scope="col">${t('exchanges.field.kind')}</th><th scope="col">${t(
            'exchanges.gender.women',
          )}</th><th scope="col">${t('exchanges.gender.men')}</th><th scope="col">${t('exchanges.gender.other')}</th></tr></thead><tbody>${r.participants.map(
            (p) => html`<tr><th scope="row">${sideLabel(t, p.side)}</th><td>${kindLabel(t, p.kind)}</td><td>${p.women}</td><td>${p.men}</td><td>${p.otherGender}</td></tr>`,
          )}</tbody></table>`
        : none
    }</section>
<section aria-labelledby="r-tor"><h2 id="r-tor">${t('exchanges.page.tor')}</h2>${
      r.tor
        ? html`<p>${r.tor.agreed ? t('exchanges.page.torAgreed', { version: r.tor.version }) : t('exchanges.page.torDraft', { version: r.tor.version })}</p><dl>${TOR_FIELDS.map((k) => html`<dt>${torFieldLabel(t, k)}</dt><dd class="pre">${r.tor!.content[k]}</dd>`)}</dl>${
            r.tor.signatures.length
              ? html`<table><caption>${t('exchanges.tor.signatures')}</caption><thead><tr><th scope="col">${t('exchanges.field.side')}</th><th scope="col">${t('exchanges.tor.signedBy')}</th><th scope="col">${t(
                  'exchanges.tor.signedAt',
                )}</th></tr></thead><tbody>${r.tor.signatures.map((s) => html`<tr><th scope="row">${sideLabel(t, s.side)}</th><td dir="auto">${s.name}</td><td>${fmtDate(s.at, locale, true)}</td></tr>`)}</tbody></table>`
              : html`<p>${t('exchanges.tor.noSignatures')}</p>`
          }`
        : none
    }</section>
<section aria-labelledby="r-agenda"><h2 id="r-agenda">${t('exchanges.page.agenda')}</h2>${
      r.agenda.length ? html`<ul>${r.agenda.map((a) => html`<li>${fmtDate(a.day, locale)}${a.time ? html` ${a.time}` : ''} — ${a.title}</li>`)}</ul>` : none
    }</section>
<section aria-labelledby="r-tasks"><h2 id="r-tasks">${t('exchanges.page.tasks')}</h2>${
      r.tasks.length
        ? html`<ul>${r.tasks.map((k) => html`<li>${k.title} — ${t('exchanges.task.due', { date: fmtDate(k.dueDate, locale) })}${k.isDone ? html` (${t('exchanges.task.done')})` : ''}</li>`)}</ul>`
        : none
    }</section>
<section aria-labelledby="r-evaluations"><h2 id="r-evaluations">${t('exchanges.page.evaluations')}</h2>${
      r.evaluations.length
        ? r.evaluations.map(
            (v) =>
              html`<section class="keep" aria-labelledby="r-ev-${v.id}"><h3 id="r-ev-${v.id}">${stageName(t, v.stage)} — ${sideLabel(t, v.side)}</h3>${
                v.answeredAt
                  ? html`<p class="meta">${t('exchanges.report.answeredOn', { date: fmtDate(v.answeredAt, locale) })}</p>${
                      v.items.length ? html`<dl class="facts">${v.items.map((i) => html`<dt>${i.label}</dt><dd class="pre">${i.value}</dd>`)}</dl>` : ''
                    }`
                  : html`<p>${t('exchanges.report.notAnswered', { date: fmtDate(v.sentAt, locale) })}</p>`
              }</section>`,
          )
        : none
    }</section></div>`,
  });
}
