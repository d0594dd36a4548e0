/**
 * Files of the cycle (SECURITY.md 20–24, 30): bytes must match the name, archives are measured
 * from their directory before anything is unpacked, oversize is 413, refused uploads leave no
 * file and no row, downloads check authorization and carry safe headers, CV openings by others
 * are audited.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, ORIGIN, type TestApp, type TestClient } from '../../../test/support/app.ts';
import { signedInClient } from '../../../test/support/users.ts';
import { setupCycle, ctxOf, STEP_DATA, type Cycle } from '../../../test/requests/fixtures.ts';
import { inspect, zipDirectoryStats } from '../files/files.service.ts';
import * as requests from '../requests/requests.service.ts';
import * as selection from '../requests/requests.selection.ts';
import * as calls from './calls.service.ts';
import { attachments } from '../../db/schema/index.ts';
import { rows } from '../../platform/db.ts';
import { STEPS } from '../requests/requests.schema.ts';

/** A ZIP with stored (uncompressed) entries; `declaredSize` overrides what the directory says. */
export function zip(entries: { name: string; data: string | Uint8Array }[], declaredSize?: number): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = Buffer.from(e.data);
    const name = Buffer.from(e.name);
    const crc = crc32(data);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(data.length, 18);
    lh.writeUInt32LE(data.length, 22);
    lh.writeUInt16LE(name.length, 26);
    locals.push(lh, name, data);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(data.length, 20);
    ch.writeUInt32LE(declaredSize ?? data.length, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    central.push(ch, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xfffe), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xfffe), 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

const CT = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const DOCX = () => zip([{ name: '[Content_Types].xml', data: CT }, { name: 'word/document.xml', data: '<w:document/>' }]);
const PDF = new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'));
const PNG = new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR'), Buffer.alloc(17)]));

test('the bytes must be what the name says', async () => {
  assert.deepEqual(await inspect({ name: 'plan.pdf', bytes: PDF }), { ok: true, mime: 'application/pdf' });
  assert.deepEqual(await inspect({ name: 'map.PNG', bytes: PNG }), { ok: true, mime: 'image/png' });
  assert.equal((await inspect({ name: 'cv.docx', bytes: DOCX() })).ok, true);
  assert.deepEqual(await inspect({ name: 'plan.pdf', bytes: PNG }), { ok: false, reason: 'bad_type' });
  assert.deepEqual(await inspect({ name: 'run.exe', bytes: PDF }), { ok: false, reason: 'bad_type' });
  assert.deepEqual(await inspect({ name: 'page.pdf', bytes: new Uint8Array(Buffer.from('<script>alert(1)</script>')) }), { ok: false, reason: 'bad_type' });
  assert.deepEqual(await inspect({ name: 'cv.docx', bytes: zip([{ name: 'a.txt', data: 'hello' }]) }), { ok: false, reason: 'bad_type' });
});

test('an archive with more than 1,000 entries or 100 MB unpacked is refused from its directory', async () => {
  const many = zip(Array.from({ length: 1001 }, (_, i) => ({ name: `f${i}.xml`, data: 'x' })));
  assert.equal(zipDirectoryStats(many)?.entries, 1001);
  assert.deepEqual(await inspect({ name: 'cv.docx', bytes: many }), { ok: false, reason: 'archive_too_big' });
  const bomb = zip([{ name: '[Content_Types].xml', data: CT }, { name: 'word/document.xml', data: 'x' }], 80 * 1024 * 1024);
  assert.equal(zipDirectoryStats(bomb)?.unpacked, 160 * 1024 * 1024);
  assert.deepEqual(await inspect({ name: 'cv.docx', bytes: bomb }), { ok: false, reason: 'archive_too_big' });
});

let t: TestApp;
let cy: Cycle;
let dataDir: string;
const clients = {} as Record<'requester' | 'outsider' | 'broker' | 'provider', TestClient>;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'peerlink-files-'));
  t = await createTestApp({ env: { DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '0' } });
  cy = await setupCycle(t);
  clients.requester = await signedInClient(t, cy.requester);
  clients.outsider = await signedInClient(t, cy.outsider);
  clients.broker = await signedInClient(t, cy.broker);
  clients.provider = await signedInClient(t, cy.providerAdmin);
});
after(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A multipart POST from a signed-in client. */
async function upload(client: TestClient, path: string, name: string, bytes: Uint8Array, fields: Record<string, string> = {}) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  fd.append('file', new Blob([Buffer.from(bytes)]), name);
  const res = await t.app.request(`${ORIGIN}${path}`, { method: 'POST', body: fd, headers: { Cookie: client.cookieHeader(), Origin: ORIGIN, 'X-Forwarded-For': client.ip } });
  return { status: res.status, location: res.headers.get('location') ?? '', body: await res.text() };
}

const stored = () => (existsSync(join(dataDir, 'files')) ? readdirSync(join(dataDir, 'files')) : []);

test('a requester attaches files to a draft; refused files leave nothing behind; downloads check who asks', async () => {
  const start = await requests.startRequest(ctxOf(t, cy.requester), { organisationId: cy.orgId, roundId: cy.roundId });
  const id = (start as { id: string }).id;
  const before = stored().length;
  const wrong = await upload(clients.requester, `/en/requests/${id}/attachments`, 'budget.pdf', PNG);
  assert.equal(wrong.status, 415);
  assert.match(wrong.body, /not a PDF, DOCX, ODT, PNG or JPEG matching its name/);
  assert.equal(stored().length, before, 'no file remains');
  assert.equal((await t.db.select().from(attachments).where(eq(attachments.requestId, id))).length, 0, 'no row remains');
  assert.equal((await upload(clients.requester, `/en/requests/${id}/attachments`, 'cv.docx', zip(Array.from({ length: 1001 }, (_, i) => ({ name: `${i}`, data: '' }))))).status, 415);
  const big = await upload(clients.requester, `/en/requests/${id}/attachments`, 'big.pdf', new Uint8Array(26 * 1024 * 1024));
  assert.equal(big.status, 413);
  assert.equal((await upload(clients.outsider, `/en/requests/${id}/attachments`, 'plan.pdf', PDF)).status, 404);

  const ok = await upload(clients.requester, `/en/requests/${id}/attachments`, '../../plan "final" é.pdf', PDF);
  assert.equal(ok.status, 303);
  const [row] = await t.db.select().from(attachments).where(eq(attachments.requestId, id));
  assert.equal(row!.label, 'plan "final" é.pdf', 'the uploaded name is only a label, without its path');
  assert.match(row!.storageName, /^[0-9a-f]{48}$/);
  assert.ok(stored().includes(row!.storageName), 'stored under its random name in DATA_DIR/files');
  const page = await clients.requester.get(`/en/requests/${id}`);
  assert.match(page.body_, new RegExp(`/en/attachments/${row!.id}`));

  const dl = await clients.requester.get(`/en/attachments/${row!.id}`);
  assert.equal(dl.status, 200);
  assert.equal(dl.headers.get('content-type'), 'application/pdf');
  assert.match(dl.headers.get('content-disposition') ?? '', /^attachment; filename="plan _final_ _\.pdf"; filename\*=UTF-8''plan%20%22final%22%20%C3%A9\.pdf$/);
  assert.equal(dl.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(dl.headers.get('content-security-policy'), 'sandbox');
  assert.equal(dl.body_, Buffer.from(PDF).toString());
  assert.equal((await clients.outsider.get(`/en/attachments/${row!.id}`)).status, 404);
  assert.equal((await t.client().get(`/en/attachments/${row!.id}`)).status, 404, 'a copied link without the session');

  // Once submitted the request is read-only: no more files.
  for (const s of STEPS) await requests.saveStep(ctxOf(t, cy.requester), id, s, STEP_DATA[s]);
  await requests.endorseRequest(ctxOf(t, cy.approver), id, {});
  await requests.submitRequest(ctxOf(t, cy.requester), id);
  assert.equal((await upload(clients.requester, `/en/requests/${id}/attachments`, 'late.pdf', PDF)).status, 403);
  assert.equal((await clients.broker.get(`/en/attachments/${row!.id}`)).status, 200);
});

test('a provider adds a CV to an expert of the offer; opening it by anyone else is in the audit log', async () => {
  const start = await requests.startRequest(ctxOf(t, cy.requester), { organisationId: cy.orgId, roundId: cy.roundId });
  const id = (start as { id: string }).id;
  for (const s of STEPS) await requests.saveStep(ctxOf(t, cy.requester), id, s, STEP_DATA[s]);
  await requests.endorseRequest(ctxOf(t, cy.approver), id, {});
  await requests.submitRequest(ctxOf(t, cy.requester), id);
  await selection.recordEligibility(ctxOf(t, cy.broker), id, { verdict: 'eligible' });
  await selection.openReview(ctxOf(t, cy.broker), id);
  await selection.decide(ctxOf(t, cy.broker), id, { outcome: 'selected', reasons: 'ok' });
  const callId = ((await calls.publishCall(ctxOf(t, cy.broker), id, { title: 'CV call', expertiseSought: 'x', formats: ['study_visit'], languages: ['en'], deadline: '2027-01-15' })) as { id: string }).id;
  const expert = cy.providerExpertIds[0]!;
  const offerId = ((await calls.makeOffer(ctxOf(t, cy.providerAdmin), callId, { organisationId: cy.providerOrgId, experts: [{ personId: expert, motivation: 'm', languages: ['en'] }] })) as { id: string }).id;

  assert.equal((await upload(clients.provider, `/en/offers/${offerId}/cv`, 'cv.docx', DOCX(), { personId: cy.providerExpertIds[1]! })).status, 400, 'not an expert of this offer');
  assert.equal((await upload(clients.outsider, `/en/offers/${offerId}/cv`, 'cv.docx', DOCX(), { personId: expert })).status, 404);
  assert.equal((await upload(clients.provider, `/en/offers/${offerId}/cv`, 'cv.pdf', DOCX(), { personId: expert })).status, 415);
  assert.equal((await upload(clients.provider, `/en/offers/${offerId}/cv`, 'cv.docx', DOCX(), { personId: expert })).status, 303);
  const [cv] = await t.db.select().from(attachments).where(eq(attachments.offerId, offerId));
  assert.equal(cv!.kind, 'cv');

  const opened = async (actor: string) => (await rows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_log where action = 'cv.open' and object_id = ${cv!.id} and actor_id = ${actor} and outcome = 'ok'`))[0]!.n;
  assert.equal((await clients.provider.get(`/en/attachments/${cv!.id}`)).status, 200);
  assert.equal(await opened(cy.providerAdmin.id), 0, 'the owner opening it is not an event');
  assert.equal((await clients.broker.get(`/en/attachments/${cv!.id}`)).status, 200);
  assert.equal(await opened(cy.broker.id), 1);
  assert.equal((await clients.requester.get(`/en/attachments/${cv!.id}`)).status, 404, 'the requester sees CVs once the offer is proposed');
  await calls.proposeMatch(ctxOf(t, cy.broker), offerId);
  assert.equal((await clients.requester.get(`/en/attachments/${cv!.id}`)).status, 200);
  assert.equal(await opened(cy.requester.id), 1);
  assert.match((await clients.requester.get(`/en/offers/${offerId}`)).body_, /CV of Anke de Vries/);
});

test('messaging has a per-person limit: the eleventh message in a minute answers 429 with Retry-After (SECURITY 26)', async () => {
  const [offer] = await rows<{ id: string }>(t.db, sql`select id from offers limit 1`);
  const id = offer!.id;
  let last = 0;
  for (let i = 0; i < 10; i++) last = (await clients.broker.post(`/en/offers/${id}/messages`, { body: `Question ${i}` })).status;
  assert.equal(last, 303);
  const refused = await clients.broker.post(`/en/offers/${id}/messages`, { body: 'One too many' });
  assert.equal(refused.status, 429);
  assert.equal(refused.headers.get('retry-after'), '60');
  const [n] = await rows<{ n: number }>(t.db, sql`select count(*)::int as n from offer_messages where offer_id = ${id} and body = 'One too many'`);
  assert.equal(n!.n, 0);
  t.clock.advance(61_000);
  const again = await signedInClient(t, cy.broker);
  assert.equal((await again.post(`/en/offers/${id}/messages`, { body: 'A minute later' })).status, 303);
});
