/**
 * Partnerships through the pages and the API (issue 13): two municipalities record a twinning with
 * its charter, each partner's admin confirms before it shows publicly, filters by approach, theme
 * and country; invitations, history entries and documents (checked by the files service, 404 to
 * outsiders); open to cooperation on the organisation's page, in the directory and the advisor; a
 * direct cooperation request mailed to the peer's admins in their language, accepted into a
 * partnership; the per-person limit (429, SECURITY.md 26); a person's data; five languages.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { rows } from '../../platform/db.ts';
import { CSS_GZ } from '../../platform/html/static.ts';
import { createTestApp, ORIGIN, type TestApp, type TestClient } from '../../../test/support/app.ts';
import { asRole, type TestUser } from '../../../test/support/users.ts';
import { createOrganisation, addMembership } from '../../../test/support/organisations.ts';
import { exportPersonalData, erasePersonalData } from './partnerships.service.ts';

let t: TestApp;
let dataDir = '';
type Who = { user: TestUser; client: TestClient };
let adminA: Who, memberA: Who, adminB: Who, outsider: Who, staff: Who;
let orgA = '', orgB = '', orgC = '';
const visitor = () => t.client();
const idOf = (loc: string | null, kind = 'partnerships') => new RegExp(`/${kind}/([0-9a-f-]{36})`).exec(loc ?? '')?.[1] ?? '';

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'peerlink-partnerships-'));
  t = await createTestApp({ env: { DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '0' } });
  orgA = await createOrganisation(t, { name: 'City of Roeselare Test', country: 'BE', themes: ['civil_registration'] });
  orgB = await createOrganisation(t, { name: 'Commune de Dogbo Test', country: 'BJ', themes: ['civil_registration'] });
  orgC = await createOrganisation(t, { name: 'Municipality of Mol Test', country: 'BE' });
  adminA = await asRole(t, [], { name: 'Annelies Admin' });
  memberA = await asRole(t, [], { name: 'Marc Member', locale: 'fr' });
  adminB = await asRole(t, [], { name: 'Bernadette Admin', locale: 'fr' });
  outsider = await asRole(t, [], { name: 'Olga Outsider' });
  staff = await asRole(t, ['broker'], { name: 'Bruno Broker' });
  await addMembership(t, orgA, adminA.user.id, 'org_admin');
  await addMembership(t, orgA, memberA.user.id, 'requester');
  await addMembership(t, orgB, adminB.user.id, 'org_admin');
});
after(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

let twinning = '';

test('two municipalities record a twinning with its charter; it shows publicly only once each partner’s admin confirmed', async () => {
  const form = await adminA.client.get(`/en/partnerships/new?with=${orgB}`);
  assert.equal(form.status, 200);
  assert.match(form.body_, /With Commune de Dogbo Test/);
  // A charter date belongs to a twinning; an approach is needed; field errors name the field.
  const bad = await adminA.client.post('/en/partnerships', { organisationId: orgA, partners: orgB, title: 'R', charterDate: '2010-02-30' });
  assert.equal(bad.status, 400);
  assert.match(bad.body_, /Name of the partnership: Name the partnership in 3 to 200 characters/);
  assert.match(bad.body_, /Approaches: Choose at least one approach/);
  const wrong = await adminA.client.post('/en/partnerships', { organisationId: orgA, partners: orgB, title: 'Roeselare – Dogbo', approaches: 'city_to_city_partnership', charterDate: '2010-05-01' });
  assert.equal(wrong.status, 400);
  assert.match(wrong.body_, /Date of the twinning charter: A charter date belongs to a twinning/);
  // Only an admin records for an organisation.
  assert.equal((await memberA.client.post('/en/partnerships', { organisationId: orgA, partners: orgB, title: 'Roeselare – Dogbo', approaches: 'twinning' })).status, 400);
  const ok = await adminA.client.post('/en/partnerships', { organisationId: orgA, partners: orgB, title: 'Roeselare – Dogbo', approaches: ['twinning', 'city_to_city_partnership'], charterDate: '2010-05-01', since: '2010-01-01', themes: 'civil_registration', summary: 'Birth registration, the market, culture.', wantsPublic: 'on' });
  assert.equal(ok.status, 303);
  twinning = idOf(ok.headers.get('location'));
  assert.ok(twinning);
  // The partner's admin is asked in their language.
  const mail = await t.smtp.waitFor((m) => m.subject.includes('Roeselare – Dogbo'));
  assert.match(mail.subject, /Confirmez le partenariat/);
  // Not public yet: visitors and outsiders get 404, the partners see it.
  assert.equal((await visitor().get(`/en/partnerships/${twinning}`)).status, 404);
  assert.equal((await outsider.client.get(`/en/partnerships/${twinning}`)).status, 404);
  assert.doesNotMatch((await visitor().get('/en/partnerships')).body_, /Roeselare – Dogbo/);
  const mine = await memberA.client.get(`/en/partnerships/${twinning}`);
  assert.equal(mine.status, 200);
  assert.match(mine.body_, /twinning charter signed/);
  assert.doesNotMatch(mine.body_, /Confirm for/);
  // The member of A cannot confirm for B; B's admin does.
  await memberA.client.post(`/en/partnerships/${twinning}/confirm`, { organisationId: orgB });
  assert.equal((await rows<{ state: string }>(t.db, sql`select state from partnerships where id = ${twinning}`))[0]!.state, 'proposed');
  const bView = await adminB.client.get(`/en/partnerships/${twinning}`);
  assert.match(bView.body_, /Confirm for Commune de Dogbo Test/);
  assert.equal((await adminB.client.post(`/en/partnerships/${twinning}/confirm`, { organisationId: orgB })).status, 303);
  assert.equal((await rows<{ state: string }>(t.db, sql`select state from partnerships where id = ${twinning}`))[0]!.state, 'active');
  const pub = await visitor().get(`/en/partnerships/${twinning}`);
  assert.equal(pub.status, 200);
  assert.match(pub.body_, /active and public/);
  assert.match(pub.body_, /Date of the twinning charter<\/dt><dd>May 1, 2010/);
  assert.doesNotMatch(pub.body_, /Share the document/, 'visitors do not contribute');
  assert.doesNotMatch(pub.body_, /Annelies Admin/, 'who wrote the history is for the partners');
});

test('the list filters by approach, theme and a partner’s country; an unknown filter value is ignored, never a 500', async () => {
  const has = async (q: string) => (await visitor().get(`/en/partnerships${q}`)).body_.includes('Roeselare – Dogbo');
  assert.equal(await has(''), true);
  assert.equal(await has('?approach=twinning'), true);
  assert.equal(await has('?approach=humanitarian_emergency_aid'), false);
  assert.equal(await has('?theme=civil_registration'), true);
  assert.equal(await has('?theme=mobility'), false);
  assert.equal(await has('?country=BJ'), true);
  assert.equal(await has('?country=NI'), false);
  assert.equal((await visitor().get('/en/partnerships?approach=%27;drop&country=zz')).status, 200);
  const api = await visitor().request('GET', '/api/v1/partnerships?approach=twinning');
  assert.equal(api.status, 200);
  const body = JSON.parse(api.body_) as { items: { id: string; partners: unknown[]; charterDate: string }[] };
  const p = body.items.find((x) => x.id === twinning)!;
  assert.equal(p.partners.length, 2);
  assert.equal(p.charterDate, '2010-05-01');
  const one = JSON.parse((await visitor().request('GET', `/api/v1/partnerships/${twinning}`)).body_) as { history: { kind: string }[] };
  assert.ok(one.history.some((h) => h.kind === 'charter'));
  assert.equal((await visitor().request('GET', '/api/v1/partnerships/00000000-0000-4000-8000-000000000000')).status, 404);
});

test('partners invite another organisation by name, add dated history entries and share checked documents; outsiders get 404', async () => {
  assert.equal((await memberA.client.post(`/en/partnerships/${twinning}/partners`, { organisation: 'Mol Test' })).status, 404, 'only an admin invites');
  const none = await adminA.client.post(`/en/partnerships/${twinning}/partners`, { organisation: 'Nowhere at all' });
  assert.equal(none.status, 400);
  assert.match(none.body_, /No organisation in the directory has this name/);
  assert.equal((await adminA.client.post(`/en/partnerships/${twinning}/partners`, { organisation: 'Municipality of Mol Test' })).status, 303);
  assert.equal((await rows<{ n: number }>(t.db, sql`select count(*)::int as n from partnership_members where partnership_id = ${twinning}`))[0]!.n, 3);
  const bad = await memberA.client.post(`/en/partnerships/${twinning}/history`, { title: 'x', day: '2018-02-30' });
  assert.equal(bad.status, 400);
  assert.equal((await memberA.client.post(`/en/partnerships/${twinning}/history`, { title: 'Award for birth registration', day: '2018-06-01', note: 'From 60% to 100%.' })).status, 303);
  assert.equal((await outsider.client.post(`/en/partnerships/${twinning}/history`, { title: 'Spam entry' })).status, 404);
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  const upload = async (who: Who, name: string, bytes: Buffer) => {
    const fd = new FormData();
    fd.append('file', new Blob([new Uint8Array(bytes)]), name);
    return t.app.request(`${ORIGIN}/en/partnerships/${twinning}/documents`, { method: 'POST', body: fd, headers: { Cookie: who.client.cookieHeader(), Origin: ORIGIN, 'X-Forwarded-For': who.client.ip } });
  };
  assert.equal((await upload(memberA, 'charter.pdf', Buffer.from('<script>alert(1)</script>'))).status, 415);
  assert.equal((await upload(outsider, 'charter.pdf', PDF)).status, 404);
  assert.equal((await upload(memberA, 'Charte de jumelage.pdf', PDF)).status, 303);
  const page = await adminB.client.get(`/en/partnerships/${twinning}`);
  const doc = /\/documents\/([0-9a-f-]{36})/.exec(page.body_)?.[1] ?? '';
  assert.ok(doc);
  const dl = await adminB.client.get(`/en/partnerships/${twinning}/documents/${doc}`);
  assert.equal(dl.status, 200);
  assert.match(dl.headers.get('content-disposition') ?? '', /attachment/);
  assert.equal((await outsider.client.get(`/en/partnerships/${twinning}/documents/${doc}`)).status, 404);
  assert.equal((await visitor().get(`/en/partnerships/${twinning}/documents/${doc}`)).status, 303, 'a copied link without the session asks to sign in');
  assert.match(page.body_, /Award for birth registration/);
});

test('open to cooperation: only the organisation’s admin marks it, with themes and a statement; it shows on its page, in the directory and in the advisor', async () => {
  assert.equal((await memberA.client.post(`/en/organisations/${orgB}/open-to-cooperation`, { open: 'on', themes: 'civil_registration', statement: 'We share how birth registration rose to 100%.' })).status, 404);
  const bad = await adminB.client.post(`/en/organisations/${orgB}/open-to-cooperation`, { open: 'on', statement: 'short' });
  assert.equal(bad.status, 400);
  assert.match(bad.body_, /Choose at least one theme/);
  assert.equal((await adminB.client.post(`/en/organisations/${orgB}/open-to-cooperation`, { open: 'on', themes: ['civil_registration', 'digital_government'], statement: 'We share how birth registration rose to 100% and seek partners on digitising the register.' })).status, 303);
  const page = await visitor().get(`/en/organisations/${orgB}`);
  assert.match(page.body_, /Open to cooperation/);
  assert.match(page.body_, /digitising the register/);
  const dir = (await visitor().get('/en/organisations?theme=civil_registration')).body_;
  assert.match(dir, /Open to cooperation[\s\S]*Commune de Dogbo Test/);
  assert.match(dir, /Commune de Dogbo Test<\/a>(?:(?!<\/li>)[^])*<span class="badge">Open to cooperation<\/span>/, 'a badge on its card');
  assert.doesNotMatch(dir.slice(dir.indexOf('City of Roeselare Test</a>'), dir.indexOf('</li>', dir.indexOf('City of Roeselare Test</a>'))), /Open to cooperation/);
  assert.match((await visitor().get('/en/open-to-cooperation?theme=digital_government')).body_, /Commune de Dogbo Test/);
  const advisor = await visitor().get('/en/cooperation-approaches/advisor?theme=civil_registration&budget=10000&staff=0.5&horizon=long');
  assert.equal(advisor.status, 200);
  assert.match(advisor.body_, /Organisations open to cooperation on this theme[\s\S]*Commune de Dogbo Test/);
});

test('direct cooperation request: a member asks the peer, its admins get a mail in their language, the admin accepts and a partnership is proposed; limits give 429', async () => {
  const form = await memberA.client.get(`/en/organisations/${orgB}/cooperation-request?suggest=civil_registration`);
  assert.equal(form.status, 200);
  assert.equal((await outsider.client.post(`/en/organisations/${orgB}/cooperation-request`, { fromOrganisationId: orgA, theme: 'civil_registration', message: 'We would like to learn how you organised birth registration.' })).status, 400);
  const short = await memberA.client.post(`/en/organisations/${orgB}/cooperation-request`, { fromOrganisationId: orgA, theme: 'civil_registration', message: 'hi' });
  assert.equal(short.status, 400);
  assert.match(short.body_, /20 to 2,000 characters/);
  const sent = await memberA.client.post(`/en/organisations/${orgB}/cooperation-request`, { fromOrganisationId: orgA, theme: 'civil_registration', message: 'We would like to learn how you organised birth registration in the maternity wards.' });
  assert.equal(sent.status, 303);
  const rid = idOf(sent.headers.get('location'), 'cooperation-requests');
  const mail = await t.smtp.waitFor((m) => m.subject.includes('City of Roeselare Test')).catch((e) => { console.log(t.smtp.messages.map((m) => m.subject)); throw e; });
  assert.match(mail.subject, /demande un contact/, 'in the admin’s language (French)');
  assert.equal((await outsider.client.get(`/en/cooperation-requests/${rid}`)).status, 404);
  assert.equal((await memberA.client.post(`/en/cooperation-requests/${rid}/answer`, { decision: 'accept' })).status, 404, 'the sender does not answer');
  const again = await memberA.client.post(`/en/organisations/${orgB}/cooperation-request`, { fromOrganisationId: orgA, theme: 'civil_registration', message: 'Another request on the same subject, to the same peer.' });
  assert.equal(again.status, 400);
  assert.match(again.body_, /already has an unanswered request/);
  const noDecision = await adminB.client.post(`/en/cooperation-requests/${rid}/answer`, { message: 'Oui' });
  assert.equal(noDecision.status, 400);
  const acc = await adminB.client.post(`/en/cooperation-requests/${rid}/answer`, { decision: 'accept', message: 'Avec plaisir : parlons-en en janvier.' });
  assert.equal(acc.status, 303);
  const pid = idOf(acc.headers.get('location'));
  const [p] = await rows<{ origin: string; state: string; themes: string[] }>(t.db, sql`select origin, state, themes from partnerships where id = ${pid}`);
  assert.equal(p!.origin, 'request');
  assert.equal(p!.state, 'proposed', 'the asking organisation’s admin still confirms');
  assert.deepEqual(p!.themes, ['civil_registration']);
  await t.smtp.waitFor((m) => m.subject.includes('Commune de Dogbo Test a accept')).catch((e) => { console.log(t.smtp.messages.map((m) => m.subject)); throw e; });
  assert.equal((await adminB.client.post(`/en/cooperation-requests/${rid}/answer`, { decision: 'decline' })).status, 400, 'answered once');
  // Per-person limit: 5 requests a day.
  const peers = [orgC];
  for (let i = 0; i < 5; i++) peers.push(await createOrganisation(t, { name: `Peer ${i}`, country: 'SN' }));
  let last: Awaited<ReturnType<TestClient['post']>> | null = null;
  for (const peer of peers) last = await memberA.client.post(`/fr/organisations/${peer}/cooperation-request`, { fromOrganisationId: orgA, theme: 'waste_management', message: 'Nous aimerions échanger sur la collecte des déchets ménagers.' });
  assert.equal(last!.status, 429);
  assert.ok(Number(last!.headers.get('retry-after')) > 0);
  const api = await memberA.client.request('POST', `/api/v1/organisations/${orgC}/cooperation-requests`, { json: { fromOrganisationId: orgA, theme: 'waste_management', message: 'Once more through the API, past the limit.' } });
  assert.equal(api.status, 429);
  const inbox = await adminB.client.get('/en/cooperation-requests');
  assert.match(inbox.body_, /City of Roeselare Test<\/span> → <span dir="auto">Commune de Dogbo Test/);
});

test('API: a direct request sent and answered as JSON; invalid input is a 400 naming the field', async () => {
  const c = await createOrganisation(t, { name: 'Santo Tomás Test', country: 'NI' });
  const admin = await asRole(t, [], { name: 'Santo Admin', locale: 'es' });
  await addMembership(t, c, admin.user.id, 'org_admin');
  const bad = await adminB.client.request('POST', `/api/v1/organisations/${c}/cooperation-requests`, { json: { fromOrganisationId: orgB, theme: 'nope', message: 'x' } });
  assert.equal(bad.status, 400);
  const ok = await adminB.client.request('POST', `/api/v1/organisations/${c}/cooperation-requests`, { json: { fromOrganisationId: orgB, theme: 'education', message: 'Nos gustaría conocer su experiencia en educación municipal.' } });
  assert.equal(ok.status, 201);
  const { id } = JSON.parse(ok.body_) as { id: string };
  const ans = await admin.client.request('POST', `/api/v1/cooperation-requests/${id}/answer`, { json: { decision: 'decline', message: 'Ahora no podemos.' } });
  assert.equal(ans.status, 200);
  assert.deepEqual(JSON.parse(ans.body_), { state: 'declined', partnershipId: null });
  const doc = JSON.parse((await visitor().request('GET', '/api/v1/openapi.json')).body_) as { paths: Record<string, Record<string, { operationId: string }>> };
  const ids = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
  for (const op of ['listPartnerships', 'getPartnership', 'sendCooperationRequest', 'answerCooperationRequest']) assert.ok(ids.includes(op), op);
});

test('20 identical answers in parallel make exactly one partnership (SECURITY.md 27)', async () => {
  const d = await createOrganisation(t, { name: 'Parallel Peer', country: 'GH' });
  const admin = await asRole(t, []);
  await addMembership(t, d, admin.user.id, 'org_admin');
  const sent = await adminB.client.request('POST', `/api/v1/organisations/${d}/cooperation-requests`, { json: { fromOrganisationId: orgB, theme: 'education', message: 'Shall we compare our school programmes this spring?' } });
  const { id } = JSON.parse(sent.body_) as { id: string };
  const answers = await Promise.all(Array.from({ length: 20 }, () => admin.client.request('POST', `/api/v1/cooperation-requests/${id}/answer`, { json: { decision: 'accept' } })));
  assert.equal(answers.filter((a) => a.status === 200).length, 1);
  assert.ok(answers.every((a) => a.status === 200 || a.status === 400));
  const [n] = await rows<{ n: number }>(t.db, sql`select count(*)::int as n from partnerships p join partnership_members m on m.partnership_id = p.id and m.organisation_id = ${d} where p.origin = 'request'`);
  assert.equal(n!.n, 1);
});

test('five languages, right to left, within the page budget', async () => {
  for (const l of ['en', 'fr', 'es', 'pt', 'ar']) {
    for (const path of ['/partnerships', `/partnerships/${twinning}`, '/open-to-cooperation']) {
      const r = await adminA.client.get(`/${l}${path}`);
      assert.equal(r.status, 200, `${l}${path}`);
      assert.match(r.body_, new RegExp(`<html lang="${l}" dir="${l === 'ar' ? 'rtl' : 'ltr'}"`));
      assert.ok(gzipSync(r.body_).length + CSS_GZ.length < 50_000, `${l}${path} within 50 KB`);
    }
  }
});

test('a person’s data: export holds their requests, entries and documents; erasure removes their texts and files', async () => {
  const out = await exportPersonalData(t.db, memberA.user.id);
  assert.ok((out.cooperationRequests as unknown[]).length >= 1);
  assert.ok((out.partnershipEntries as unknown[]).length >= 1);
  assert.equal((out.partnershipDocuments as unknown[]).length, 1);
  const gone = await t.db.transaction((tx) => erasePersonalData(tx, memberA.user.id));
  assert.equal(gone.files.length, 1);
  const left = await rows<{ n: number }>(t.db, sql`select count(*)::int as n from cooperation_requests where message like '%maternity%'`);
  assert.equal(left[0]!.n, 0);
  void staff;
});
