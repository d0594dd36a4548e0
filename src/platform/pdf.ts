/**
 * A PDF document as the platform makes them (the exchange report, the lessons brief): pdfkit, A4,
 * the DejaVu Sans fonts shipped by `dejavu-fonts-ttf` registered as `regular` and `bold` (accented
 * Latin renders; nothing is fetched), and the finished file as a promise. Latin-script languages
 * only: pdfkit neither reorders right-to-left text nor handles mixed directions.
 */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Locale } from './i18n.ts';

const require = createRequire(import.meta.url);
const REGULAR = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

/** `compress: false` keeps the text readable in the file (tests). */
export function pdfDocument(o: { locale: Locale; title: string; at: Date; compress?: boolean }): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    compress: o.compress ?? true,
    lang: o.locale,
    displayTitle: true,
    info: { Title: o.title, Creator: 'Peerlink', CreationDate: o.at, ModDate: o.at },
    bufferPages: false,
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}
