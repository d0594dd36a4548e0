/**
 * An association of local governments (issue 13, CONNECT's associations): links a member (the
 * member's admin confirms), follows its exchanges in summary (never an individual answer), is named
 * on the exchange, and sends a lessons brief to recipients it chooses, each recorded as sent once.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { gzipSync } from 'node:zlib';
import { LOCALES } from '../../platform/i18n.ts';
import { rows } from '../../platform/db.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.ts';
import { createUser, signedInClient } from '../../../test/support/users.ts';
import { addMember, ctxOf } from '../../../test/requests/fixtures.ts';
import { confirmedMatch, type Matched } from '../../../test/exchanges/fixtures.ts';
import { agreedExchange, addQuestionnaire } from '../../../test/exchanges/evaluation-fixtures.ts';
import { organisations, evaluations } from '../../db/schema/index.ts';
import * as ev from '../evaluations/evaluations.service.ts';
import { parseRecipients, sendBriefs } from './associations.service.ts';
import { briefPdf } from './associations.pdf.ts';

let t: TestApp;
let m: Matched;
let exchangeId = '';
let associationId = '';
let admin: TestClient;
let memberAdmin: TestClient;
let outsider: TestClient;
const SECRET = 'Only the broker and our side may read this answer';

before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  m = await confirmedMatch(t);
  t.clock.set('2027-01-10T09:00:00Z');
  exchangeId = await agreedExchange(t, m, 'Waste collection plan for Ziniaré', { startDate: '2027-03-01', endDate: '2027-03-12' });
  await addQuestionnaire(t, m, { stage: 'before', title: 'Baseline', q0_kind: 'scale', q0_label: 'How clear are the objectives?', q1_kind: 'text', q1_label: 'What do you expect?' });
  await ev.runEvaluations(t.db, new Date('2027-02-16T08:00:00Z'));
  const [host] = await t.db.select().from(evaluations).where(sql`${evaluations.exchangeId} = ${exchangeId} and ${evaluations.side} = 'host'`);
  const page = await ev.getEvaluation(ctxOf(t, m.requester), host!.id);
  const [scale, text] = page.questions;
  const answered = await ev.answerEvaluation(ctxOf(t, m.requester), host!.id, { [`a_${scale!.id}`]: '4', [`a_${text!.id}`]: SECRET });
  assert.ok(answered.ok);

  associationId = randomUUID();
  await t.db.insert(organisations).values({ id: associationId, name: 'Association of Netherlands Municipalities', kind: 'association', country: 'NL', region: 'europe', createdAt: t.clock.now(), updatedAt: t.clock.now() });
  const assocAdmin = await createUser(t, { locale: 'en', name: 'Marieke Dijkstra' });
  await addMember(t, associationId, assocAdmin.id, 'org_admin');
  admin = await signedInClient(t, assocAdmin);
  memberAdmin = await signedInClient(t, m.providerAdmin);
  outsider = await signedInClient(t, await createUser(t));
});
after(() => t?.close());

const main = (body: string) => body.slice(body.indexOf('<main'), body.indexOf('</main>'));

test('recipients one a line: each bad line named with its number; language and kind default', () => {
  const ok = parseRecipients('mayor@agona.example, Mayor of Agona West, fr, local_government\n\nDonor@Example.org; Donor\t', 'es');
  assert.deepEqual(ok.errors, []);
  assert.deepEqual(ok.recipients, [
    { email: 'mayor@agona.example', name: 'Mayor of Agona West', lang: 'fr', kind: 'local_government' },
    { email: 'donor@example.org', name: 'Donor', lang: 'es', kind: 'other' },
  ]);
  const bad = parseRecipients('not-an-address\nx@y.org, X, de\nz@y.org, Z, en, ministry\nx@y.org\nw@y.org, W\nW@y.org', 'en');
  assert.equal(bad.errors.length, 4);
  assert.match(bad.errors[0]!, /^associations\.brief\.lineEmail\?line=1$/);
  assert.match(bad.errors[1]!, /^associations\.brief\.lineLanguage\?line=2&/);
  assert.match(bad.errors[2]!, /^associations\.brief\.lineKind\?line=3&/);
  assert.match(bad.errors[3]!, /^associations\.brief\.lineTwice\?line=6$/);
  assert.deepEqual(bad.recipients.map((r) => r.email), ['x@y.org', 'w@y.org'], 'line 4 is good (line 2 was refused); line 6 repeats line 5');
});

test('the association asks, the member confirms; only the association and the secretariat see its page', async () => {
  assert.equal((await outsider.get(`/en/associations/${associationId}`)).status, 404);
  assert.equal((await t.client().get(`/en/associations/${associationId}`)).status, 303, 'visitors sign in first');
  const found = await admin.get(`/en/associations/${associationId}?q=Almere`);
  assert.equal(found.status, 200);
  assert.match(found.body_, new RegExp(`name="memberId" value="${m.providerOrgId}"`));
  assert.equal((await outsider.post(`/en/associations/${associationId}/members`, { memberId: m.providerOrgId })).status, 404, 'not its admin');
  assert.equal((await admin.post(`/en/associations/${associationId}/members`, { memberId: 'nope' })).status, 400);
  assert.equal((await admin.post(`/en/associations/${associationId}/members`, { memberId: m.providerOrgId })).status, 303);
  const asked = await t.smtp.waitFor((x) => /asks to confirm/.test(x.subject) && x.to.includes(m.providerAdmin.email));
  assert.match(asked.text, /\/associations\/requests/);
  assert.doesNotMatch(main((await admin.get(`/en/associations/${associationId}`)).body_), /Waste collection plan/, 'nothing followed before the member confirms');

  const requests = await memberAdmin.get('/en/associations/requests');
  assert.match(requests.body_, /Association of Netherlands Municipalities asks to confirm/);
  const linkId = /associations\/links\/([0-9a-f-]{36})\/decide/.exec(requests.body_)?.[1];
  assert.ok(linkId);
  assert.equal((await outsider.post(`/en/associations/links/${linkId}/decide`, { decision: 'confirm' })).status, 404, 'only the member’s admin decides');
  assert.equal((await memberAdmin.post(`/en/associations/links/${linkId}/decide`, { decision: 'confirm' })).status, 303);
  assert.equal((await memberAdmin.post(`/en/associations/links/${linkId}/decide`, { decision: 'confirm' })).status, 303, 'a second answer changes nothing');
});

test("the association follows the member's exchange in summary — never an individual answer — and is named on the exchange", async () => {
  const page = main((await admin.get(`/en/associations/${associationId}`)).body_);
  assert.match(page, /Waste collection plan for Ziniaré/);
  assert.match(page, /<th scope="row">Before<\/th><td>Host<\/td><td>1 of 1 answered<\/td><td>mean 4 of 5<\/td>/);
  assert.match(page, /<th scope="row">Before<\/th><td>Peer<\/td><td>0 of 1 answered<\/td><td>—<\/td>/);
  assert.doesNotMatch(page, new RegExp(SECRET), 'a text answer is never shown');
  const exchange = await (await signedInClient(t, m.requester)).get(`/en/exchanges/${exchangeId}`);
  assert.match(exchange.body_, /Association: <bdi>Association of Netherlands Municipalities<\/bdi>/);
});

test('a lessons brief: per-line errors, then sent once to each recipient in their language (French with the PDF, Arabic with the page), recorded as sent', async () => {
  const form = `/en/associations/${associationId}/exchanges/${exchangeId}/brief`;
  assert.equal((await outsider.get(form)).status, 404);
  assert.equal((await memberAdmin.get(form)).status, 404, "the member's admin does not write the association's briefs");
  const bad = await admin.post(form, { note: 'x', recipients: 'mayor(at)agona' });
  assert.equal(bad.status, 400);
  assert.match(bad.body_, /Line 1: this is not an e-mail address\./);
  assert.match(bad.body_, /mayor\(at\)agona/, 'what was typed is kept');
  const created = await admin.post(form, {
    note: 'Shared with the ministry ahead of the decentralisation review.',
    recipients: 'mayor@agona.example, Mayor of Agona West, fr, local_government\nsfax@commune.example, Commune de Sfax, ar, local_government\ndonor@example.org, EU Delegation, en, donor',
  });
  assert.equal(created.status, 303);
  const briefPath = created.headers.get('location') ?? '';
  assert.match(briefPath, /^\/en\/briefs\/[0-9a-f-]{36}$/);
  assert.equal((await admin.get(briefPath)).body_.match(/Waiting to be sent/g)?.length, 3);

  const job = () => sendBriefs({ db: t.db, now: t.clock.now(), mailer: t.deps.mailer, baseUrl: 'http://peerlink.localhost', pdf: briefPdf });
  assert.equal(await job(), 3);
  assert.equal(await job(), 0, 'never twice');
  const fr = await t.smtp.waitFor((x) => x.to.includes('mayor@agona.example'));
  assert.match(fr.subject.replace(/\s+/g, ''), /^Notedeleçonsde/, 'the subject in French');
  assert.match(fr.raw, /Content-Type: application\/pdf/i);
  assert.match(fr.raw.replace(/=\r?\n/g, ''), /http:\/\/peerlink\.localhost\/fr\/briefs\//, 'the link in the recipient\'s language');
  const ar = await t.smtp.waitFor((x) => x.to.includes('sfax@commune.example'));
  assert.match(ar.subject.replace(/\s+/g, ''), /مذكرةدروس/);
  assert.doesNotMatch(ar.raw, /application\/pdf/i, 'no PDF in a right-to-left language: the page');
  // The template's frame: greeting by name, the brief as the action, why in the footer, HTML right to left in Arabic.
  assert.match(fr.text, /^Bonjour \u2068?Mayor of Agona West\u2069?,/);
  assert.match(fr.html ?? '', /<a href="http:\/\/peerlink\.localhost\/fr\/briefs\/[0-9a-f-]{36}" style="display:inline-block[^>]*>Lire la note de leçons<\/a>/);
  assert.match(fr.text, /\n-- \r?\nVous recevez ce message parce que/);
  assert.match(ar.html ?? '', /<html lang="ar" dir="rtl">/);
  const shown = (await admin.get(briefPath)).body_;
  assert.doesNotMatch(shown, /Waiting to be sent/);
  assert.match(shown, /<bdi>EU Delegation<\/bdi> &lt;<bdi>donor@example.org<\/bdi>&gt;<\/th><td>International donor<\/td>/);
  assert.equal((await rows<{ n: number }>(t.db, sql`select count(*)::int as n from lessons_brief_recipients where sent_at is not null`))[0]?.n, 3);
});

test('the brief is readable at its address without an account, with no recipient list and no individual answer; the PDF in Latin-script languages', async () => {
  const [brief] = await rows<{ id: string }>(t.db, sql`select id from lessons_briefs limit 1`);
  const visitor = t.client();
  const page = await visitor.get(`/es/briefs/${brief!.id}`);
  assert.equal(page.status, 200);
  assert.match(page.body_, /Nota de lecciones/);
  assert.match(page.body_, /Waste collection plan for Ziniaré/);
  assert.doesNotMatch(page.body_, /donor@example\.org|Enviada a/);
  assert.doesNotMatch(page.body_, new RegExp(SECRET));
  const pdf = await visitor.get(`/fr/briefs/${brief!.id}/pdf`);
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  assert.ok(pdf.body_.startsWith('%PDF'));
  assert.equal((await visitor.get(`/ar/briefs/${brief!.id}/pdf`)).status, 303);
  assert.equal((await visitor.get(`/en/briefs/${randomUUID()}`)).status, 404);
  // Every language, within the page budget, Arabic right to left.
  for (const l of LOCALES) {
    for (const [who, path] of [[visitor, `/${l}/briefs/${brief!.id}`], [admin, `/${l}/associations/${associationId}`]] as const) {
      const res = await who.get(path);
      assert.equal(res.status, 200, path);
      assert.ok(gzipSync(res.body_).length < 50 * 1024, `${path} within 50 KB`);
      assert.match(res.body_, new RegExp(`<html lang="${l}" dir="${l === 'ar' ? 'rtl' : 'ltr'}"`));
    }
  }
  // The API: the same brief as JSON, the evaluations in summary only.
  const api = await visitor.get(`/api/v1/briefs/${brief!.id}`);
  assert.equal(api.status, 200);
  const json = JSON.parse(api.body_) as { exchange: { title: string; evaluations: { stage: string; side: string; answered: number; meanScale: number | null }[] } };
  assert.equal(json.exchange.title, 'Waste collection plan for Ziniaré');
  assert.deepEqual(json.exchange.evaluations.find((e) => e.stage === 'before' && e.side === 'host'), { stage: 'before', side: 'host', sent: 1, answered: 1, meanScale: 4 });
  assert.doesNotMatch(api.body_, new RegExp(SECRET));
  assert.equal((await outsider.get(`/api/v1/associations/${associationId}`)).status, 404);
  assert.equal(JSON.parse((await admin.get(`/api/v1/associations/${associationId}`)).body_).exchanges.length, 1);
  // The member ends the link: the association no longer follows it.
  const [link] = await rows<{ id: string }>(t.db, sql`select id from association_members limit 1`);
  assert.equal((await memberAdmin.post(`/en/associations/links/${link!.id}/remove`, {})).status, 303);
  assert.doesNotMatch(main((await admin.get(`/en/associations/${associationId}`)).body_), /Waste collection plan/);
});
