/**
 * The exchange report as a PDF, made with `pdfkit` and the DejaVu Sans TrueType fonts shipped by the
 * `dejavu-fonts-ttf` package (accented Latin renders; nothing is fetched). Same content as the
 * printable page (exchanges.dashboard.views.ts `reportPage`). Offered in the Latin-script languages
 * only: pdfkit neither reorders right-to-left text nor handles mixed directions, so Arabic readers
 * print the page instead.
 */
import { pdfDocument } from '../../platform/pdf.ts';
import type { T, Locale } from '../../platform/i18n.ts';
import { fmtDate } from '../../platform/html/format.ts';
import { formatName } from '../../taxonomy/names.ts';
import { countryName } from '../../taxonomy/countries.ts';
import { labelFor } from '../../taxonomy/labels.ts';
import { REGIONS } from '../../taxonomy/regions.ts';
import type { ExchangeReport } from './exchanges.reporting.service.ts';
import { stateLabel, sideLabel, kindLabel, torFieldLabel } from './exchanges.views.ts';
import { stageName } from './exchanges.dashboard.views.ts';
import { TOR_FIELDS } from './exchanges.schema.ts';


/** Renders the report; `compress: false` keeps the text readable in the file (tests). */
export function reportPdf(r: ExchangeReport, t: T, locale: Locale, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const e = r.exchange;
  const { doc, done } = pdfDocument({ locale, title: t('exchanges.report.title', { title: e.title }), at: r.madeAt, compress: opts.compress });

  const h1 = (s: string) => doc.font('bold').fontSize(18).text(s).moveDown(0.3);
  const h2 = (s: string) => {
    if (doc.y > doc.page.height - 140) doc.addPage();
    doc.moveDown(0.6).font('bold').fontSize(13).text(s).moveDown(0.2);
  };
  const h3 = (s: string) => doc.moveDown(0.3).font('bold').fontSize(11).text(s);
  const p = (s: string) => doc.font('regular').fontSize(10).text(s);
  const fact = (label: string, value: string) => doc.font('bold').fontSize(10).text(`${label}: `, { continued: true }).font('regular').text(value);
  const none = () => p(t('exchanges.page.none'));
  const party = (x: { name: string; country: string; region: string } | null) => (x ? `${x.name} (${countryName(x.country, locale)}, ${labelFor(REGIONS, x.region, locale)})` : '—');

  h1(t('exchanges.report.title', { title: e.title }));
  doc.font('regular').fontSize(9).fillColor('#333').text(t('exchanges.report.made', { date: fmtDate(r.madeAt, locale, true) })).fillColor('#000');

  h2(t('exchanges.report.facts'));
  fact(t('exchanges.side.host'), party(r.parties.host));
  fact(t('exchanges.side.peer'), `${party(r.parties.peer)}${r.parties.peerPerson ? ` — ${r.parties.peerPerson}` : ''}`);
  fact(t('exchanges.field.state'), stateLabel(t, e.state));
  fact(t('exchanges.field.format'), formatName(e.format, locale));
  fact(t('exchanges.field.dates'), `${fmtDate(e.startDate, locale)} – ${fmtDate(e.endDate, locale)}`);
  if (e.place) fact(t('exchanges.field.place'), e.place);
  if (e.onlineLink) fact(t('exchanges.field.onlineLink'), e.onlineLink);
  if (r.partnership) fact(t('exchanges.report.partnership'), r.partnership.state === 'active' ? t('exchanges.partnership.active') : t('exchanges.partnership.waiting'));

  h2(t('exchanges.plan.participants'));
  if (r.participants.length) {
    const total = r.participants.reduce((n, x) => n + x.women + x.men + x.otherGender, 0);
    p(t('exchanges.page.participantsTotal', { n: total }));
    for (const x of r.participants)
      p(`${sideLabel(t, x.side)}, ${kindLabel(t, x.kind)}: ${t('exchanges.gender.women')} ${x.women} · ${t('exchanges.gender.men')} ${x.men} · ${t('exchanges.gender.other')} ${x.otherGender}`);
  } else none();

  h2(t('exchanges.page.tor'));
  if (r.tor) {
    p(r.tor.agreed ? t('exchanges.page.torAgreed', { version: r.tor.version }) : t('exchanges.page.torDraft', { version: r.tor.version }));
    for (const k of TOR_FIELDS) {
      h3(torFieldLabel(t, k));
      p(r.tor.content[k] || '—');
    }
    h3(t('exchanges.tor.signatures'));
    if (r.tor.signatures.length) for (const s of r.tor.signatures) p(`${sideLabel(t, s.side)}: ${s.name}, ${fmtDate(s.at, locale, true)}`);
    else p(t('exchanges.tor.noSignatures'));
  } else none();

  h2(t('exchanges.page.agenda'));
  if (r.agenda.length) for (const a of r.agenda) p(`${fmtDate(a.day, locale)}${a.time ? ` ${a.time}` : ''} — ${a.title}`);
  else none();

  h2(t('exchanges.page.tasks'));
  if (r.tasks.length) for (const k of r.tasks) p(`${k.title} — ${t('exchanges.task.due', { date: fmtDate(k.dueDate, locale) })}${k.isDone ? ` (${t('exchanges.task.done')})` : ''}`);
  else none();

  h2(t('exchanges.page.evaluations'));
  if (r.evaluations.length)
    for (const v of r.evaluations) {
      h3(`${stageName(t, v.stage)} — ${sideLabel(t, v.side)}`);
      if (!v.answeredAt) p(t('exchanges.report.notAnswered', { date: fmtDate(v.sentAt, locale) }));
      else {
        p(t('exchanges.report.answeredOn', { date: fmtDate(v.answeredAt, locale) }));
        for (const i of v.items) fact(i.label, i.value);
      }
    }
  else none();

  doc.end();
  return done;
}
