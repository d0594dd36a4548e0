/**
 * A lessons brief as a PDF (pdfkit with the DejaVu fonts of `dejavu-fonts-ttf`, nothing fetched),
 * the same content as the brief's page. Latin-script languages only, as the exchange report: pdfkit
 * does not lay out right-to-left text, so Arabic readers get the page (the mail links it).
 */
import { pdfDocument } from '../../platform/pdf.ts';
import { i18n, RTL_LOCALES, type Locale } from '../../platform/i18n.ts';
import { fmtDate } from '../../platform/html/format.ts';
import { formatName } from '../../taxonomy/names.ts';
import { countryName } from '../../taxonomy/countries.ts';
import type { BriefView } from './associations.service.ts';
import { exchangeStateLabel, stageLabel, sideName } from './associations.labels.ts';


/** The PDF, or null for a language the PDF cannot lay out (Arabic). */
export function briefPdf(v: BriefView, locale: Locale, opts: { compress?: boolean } = {}): Promise<Buffer | null> {
  if (RTL_LOCALES.has(locale)) return Promise.resolve(null);
  const t = i18n().translator(locale);
  const e = v.exchange;
  const { doc, done } = pdfDocument({ locale, title: t('associations.brief.title', { title: e.title }), at: v.createdAt, compress: opts.compress });
  const h2 = (s: string) => doc.moveDown(0.6).font('bold').fontSize(13).text(s).moveDown(0.2);
  const p = (s: string) => doc.font('regular').fontSize(10).text(s);
  const fact = (label: string, value: string) => doc.font('bold').fontSize(10).text(`${label}: `, { continued: true }).font('regular').text(value);

  doc.font('bold').fontSize(18).text(t('associations.brief.title', { title: e.title })).moveDown(0.3);
  doc.font('regular').fontSize(9).fillColor('#333').text(t('associations.brief.by', { association: v.association.name, date: fmtDate(v.createdAt, locale) })).fillColor('#000');
  if (v.note.text) {
    h2(t('associations.brief.note'));
    p(v.note.text);
  }
  h2(t('associations.brief.facts'));
  fact(t('associations.field.host'), `${e.host.name} (${countryName(e.host.country, locale)})`);
  if (e.peer) fact(t('associations.field.peer'), `${e.peer.name} (${countryName(e.peer.country, locale)})`);
  fact(t('associations.field.format'), formatName(e.format, locale));
  fact(t('associations.field.dates'), `${fmtDate(e.startDate, locale)} – ${fmtDate(e.endDate, locale)}`);
  if (e.place) fact(t('associations.field.place'), e.place);
  fact(t('associations.field.state'), exchangeStateLabel(t, e.state));
  if (e.objectives) {
    h2(t('associations.field.objectives'));
    p(e.objectives);
  }
  if (e.expectedResults) {
    h2(t('associations.field.expectedResults'));
    p(e.expectedResults);
  }
  h2(t('associations.brief.evaluations'));
  if (!v.summary.length) p(t('associations.brief.noEvaluations'));
  for (const s of v.summary)
    p(`${stageLabel(t, s.stage)} · ${sideName(t, s.side)}: ${t('associations.summary.answered', { answered: s.answered, sent: s.sent })}${s.meanScale === null ? '' : ` · ${t('associations.summary.mean', { mean: s.meanScale })}`}`);
  h2(t('associations.brief.lessons'));
  if (!v.lessons.length) p(t('associations.brief.noLessons'));
  for (const l of v.lessons) {
    doc.moveDown(0.3).font('bold').fontSize(11).text(l.title.text);
    if (l.summary.text) p(l.summary.text);
    if (l.results.text) p(l.results.text);
  }
  doc.end();
  return done;
}
