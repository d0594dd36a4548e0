/**
 * The printable exchange report and its PDF: the whole record on one page for the exchange's
 * participants and the secretariat (404 to anyone else), the evaluations each reader may see, a
 * print stylesheet, a PDF with an embedded font in the Latin-script languages and the page in Arabic.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.ts';
import { asRole, signedInClient } from '../../../test/support/users.ts';
import { confirmedMatch, PLAN, type Matched } from '../../../test/exchanges/fixtures.ts';
import { ctxOf } from '../../../test/requests/fixtures.ts';
import { i18n } from '../../platform/i18n.ts';
import { CSS, CSS_GZ } from '../../platform/html/static.ts';
import { questionnaires, questionnaireQuestions, evaluations, evaluationAnswers } from '../../db/schema/evaluations.ts';
import { partnerships, partnershipMembers } from '../../db/schema/partnerships.ts';
import * as ex from './exchanges.service.ts';
import { addTask } from './exchanges.page.service.ts';
import { exchangeReport } from './exchanges.reporting.service.ts';
import { reportPdf } from './exchanges.report.ts';

let t: TestApp;
let m: Matched;
let other: Matched;
let id = '';
const c = {} as Record<'broker' | 'admin' | 'member' | 'host' | 'peer' | 'peerColleague' | 'outsider' | 'otherHost' | 'visitor', TestClient>;

before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  m = await confirmedMatch(t);
  other = await confirmedMatch(t);
  const planned = await ex.planExchange(ctxOf(t, m.broker), m.matchId, { ...PLAN }, i18n().translator('en'));
  assert.ok(planned.ok);
  id = planned.id;
  for (const who of [m.requester, m.peer, m.broker]) await ex.signTor(ctxOf(t, who), id, 1);
  await addTask(ctxOf(t, m.requester), id, { title: 'Book the council chamber', dueDate: '2027-02-20' });
  const otherPlan = await ex.planExchange(ctxOf(t, other.broker), other.matchId, { ...PLAN }, i18n().translator('en'));
  assert.ok(otherPlan.ok);
  // The evaluations right after: both sides answered.
  const now = t.clock.now();
  const qid = randomUUID();
  await t.db.insert(questionnaires).values({ id: qid, programmeId: m.programmeId, stage: 'after', title: 'Results', createdBy: m.broker.id, createdAt: now });
  const [scale, text] = [randomUUID(), randomUUID()];
  await t.db.insert(questionnaireQuestions).values([
    { id: scale, questionnaireId: qid, position: 0, kind: 'scale', label: 'How useful was the exchange?', choices: [] },
    { id: text, questionnaireId: qid, position: 1, kind: 'text', label: 'What did you learn?', choices: [] },
  ]);
  for (const [side, said] of [['host', 'Host says: route planning by sector'], ['peer', 'Peer says: carts need local spare parts']] as const) {
    const ev = randomUUID();
    await t.db.insert(evaluations).values({ id: ev, exchangeId: id, questionnaireId: qid, stage: 'after', side, sentAt: now, lastRemindedAt: now });
    await t.db.insert(evaluationAnswers).values({ evaluationId: ev, answers: { [scale]: side === 'host' ? 5 : 3, [text]: said }, answeredBy: side === 'host' ? m.requester.id : m.peer.id, at: now });
  }
  const pid = randomUUID();
  await t.db.insert(partnerships).values({ id: pid, exchangeId: id, state: 'proposed', proposedBy: m.requester.id, createdAt: now, updatedAt: now });
  await t.db.insert(partnershipMembers).values([{ partnershipId: pid, organisationId: m.orgId, invitedAt: now, confirmedAt: now }, { partnershipId: pid, organisationId: m.providerOrgId, invitedAt: now }]);

  c.broker = await signedInClient(t, { id: m.broker.id });
  c.admin = (await asRole(t, ['admin'])).client;
  c.member = (await asRole(t, [])).client;
  c.host = await signedInClient(t, { id: m.requester.id });
  c.peer = await signedInClient(t, { id: m.peer.id });
  c.peerColleague = await signedInClient(t, { id: m.peerColleague.id });
  c.outsider = await signedInClient(t, { id: m.outsider.id });
  c.otherHost = await signedInClient(t, { id: other.requester.id });
  c.visitor = t.client();
});
after(() => t.close());

test('who sees the report and its PDF: participants of both sides, broker and admin; a member, an outsider, a participant of another exchange and a missing id 404; a visitor is sent to sign in', async () => {
  for (const suffix of ['report', 'report.pdf']) {
    const path = `/en/exchanges/${id}/${suffix}`;
    for (const who of ['broker', 'admin', 'host', 'peer', 'peerColleague'] as const) assert.equal((await c[who].get(path)).status, 200, `${who} ${path}`);
    for (const who of ['member', 'outsider', 'otherHost'] as const) assert.equal((await c[who].get(path)).status, 404, `${who} ${path}`);
    assert.equal((await c.broker.get(`/en/exchanges/${randomUUID()}/${suffix}`)).status, 404);
    const v = await c.visitor.get(path);
    assert.equal(v.status, 303);
    assert.match(v.headers.get('location') ?? '', /\/sign-in\?next=/);
  }
});

test('the report: parties, plan, participants by type and gender, the agreed terms with who signed, tasks, partnership; each side sees its own evaluation, the broker both', async () => {
  const host = await c.host.get(`/en/exchanges/${id}/report`);
  const b = host.body_;
  assert.match(b, /<h1>Exchange report: Waste collection in Ziniaré<\/h1>/);
  assert.match(b, /<dt>Host<\/dt><dd>Ziniaré [^<(]+\(Burkina Faso, Sub-Saharan Africa\)<\/dd>/);
  assert.match(b, /<dt>Peer<\/dt><dd>Almere [^<(]+\(Netherlands, Europe\) — /);
  assert.match(b, /Mairie de Ziniaré/);
  assert.match(b, /<caption>12 participants<\/caption>/);
  assert.match(b, /<h2 id="r-tor">Terms of reference<\/h2><p>Version 1, agreed<\/p>/);
  assert.equal((b.match(/<section aria-labelledby="r-tor">[\s\S]*?<\/section>/)?.[0].match(/<tr><th scope="row">/g) ?? []).length, 3, 'three signatures');
  assert.match(b, /Book the council chamber/);
  assert.match(b, /<dt>City-to-city partnership<\/dt><dd><a href="\/en\/partnerships\/[0-9a-f-]{36}">/);
  assert.match(b, /Host says: route planning by sector/);
  assert.doesNotMatch(b, /Peer says/, 'not the other side’s answers');
  const peer = (await c.peer.get(`/en/exchanges/${id}/report`)).body_;
  assert.match(peer, /Peer says: carts need local spare parts/);
  assert.doesNotMatch(peer, /Host says/);
  const broker = (await c.broker.get(`/en/exchanges/${id}/report`)).body_;
  assert.match(broker, /Host says/);
  assert.match(broker, /Peer says/);
  assert.match(b, new RegExp(`href="/en/exchanges/${id}/report.pdf"`));
  // Linked from the exchange page.
  assert.match((await c.host.get(`/en/exchanges/${id}`)).body_, new RegExp(`href="/en/exchanges/${id}/report"`));
});

test('print stylesheet: navigation, forms and the report’s links bar hidden, black on white, headings kept with what follows', () => {
  const print = CSS.match(/@media print\{[^@]*\}\}?/g)?.join('') ?? '';
  assert.match(print, /\.no-print[^{]*\{display:none\}/);
  assert.match(print, /color:#000;background:#fff/);
  assert.match(print, /\.report h2,\.report h3\{break-after:avoid\}/);
  assert.match(CSS, /header\.site,footer\.site,\.langs,form,\.skip,nav\{display:none\}/);
});

/** A string of the document information, written inline or as an indirect object (`/Title 15 0 R`). */
function pdfString(pdf: string, key: string): string {
  const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(pdf);
  const start = ref ? pdf.indexOf(`\n${ref[1]} 0 obj\n(`) + `\n${ref[1]} 0 obj\n`.length - 1 : pdf.indexOf(`/${key} (`) + key.length + 1;
  assert.ok(start > 0, `/${key} in the PDF`);
  let i = start + 2;
  let raw = '';
  for (; pdf[i] !== ')'; i++) raw += pdf[i] === '\\' ? pdf[++i] : pdf[i];
  const bytes = Buffer.from(raw, 'latin1');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  return bytes.toString('latin1');
}

test('PDF: an attachment that is a PDF, titled with the exchange, with DejaVu Sans embedded and accented letters mapped; Arabic readers get the printable page', async () => {
  const res = await c.peer.get(`/fr/exchanges/${id}/report.pdf`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/pdf');
  assert.match(res.headers.get('content-disposition') ?? '', new RegExp(`^attachment; filename="exchange-report-${id}\\.pdf"`));
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  // The bytes as served (the test client reads bodies as text).
  const raw = await t.app.request(`http://localhost/fr/exchanges/${id}/report.pdf`, { headers: { Cookie: c.peer.cookieHeader(), 'X-Forwarded-For': c.peer.ip } });
  assert.equal(raw.status, 200);
  const bytes = Buffer.from(await raw.arrayBuffer());
  const pdf = bytes.toString('latin1');
  assert.ok(pdf.startsWith('%PDF-'));
  assert.match(pdf.slice(-10), /%%EOF\s*$/);
  assert.equal(pdfString(pdf, 'Title'), 'Rapport d’échange\u202f: Waste collection in Ziniaré');
  assert.match(pdf, /\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
  assert.match(pdf, /\/Type \/Pages\s*\/Count [1-9]/);

  // Uncompressed, the text is drawn with the embedded font and its map back to Unicode has é (U+00E9).
  const report = await exchangeReport(ctxOf(t, m.peer), id);
  const plain = (await reportPdf(report, i18n().translator('fr'), 'fr', { compress: false })).toString('latin1');
  assert.match(plain, /\/ToUnicode \d+ 0 R/);
  assert.match(plain, /<00e9>/i, 'é in the ToUnicode map');
  assert.match(plain, /\] TJ/, 'text shown');

  const ar = await c.peer.get(`/ar/exchanges/${id}/report.pdf`);
  assert.equal(ar.status, 303);
  assert.equal(ar.headers.get('location'), `/ar/exchanges/${id}/report`);
  const arPage = await c.peer.get(`/ar/exchanges/${id}/report`);
  assert.equal(arPage.status, 200);
  assert.match(arPage.body_, /<html lang="ar" dir="rtl"/);
  assert.doesNotMatch(arPage.body_, /report\.pdf/);
});

test('page budget: the report stays within 50 KB gzip with its CSS in all five languages', async () => {
  for (const l of ['en', 'fr', 'es', 'pt', 'ar']) {
    const res = await c.broker.get(`/${l}/exchanges/${id}/report`);
    assert.equal(res.status, 200);
    const gz = gzipSync(res.body_).length;
    console.log(`report ${l}: ${gz} B gzip (+ ${CSS_GZ.length} B CSS)`);
    assert.ok(gz + CSS_GZ.length <= 50 * 1024);
    assert.equal((res.body_.match(/<h1>/g) ?? []).length, 1);
  }
});
