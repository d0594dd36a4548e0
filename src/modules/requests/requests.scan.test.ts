/**
 * SECURITY.md 25: a scanning hook can reject a file, tested with a local test signature — the
 * built-in EICAR test file, and an external scanner command (FILE_SCAN_COMMAND) that knows a
 * signature of this test. A scanner that cannot answer refuses the upload (503): nothing is stored.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, existsSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { createTestApp, ORIGIN, type TestApp, type TestClient } from '../../../test/support/app.ts';
import { signedInClient } from '../../../test/support/users.ts';
import { setupCycle, ctxOf } from '../../../test/requests/fixtures.ts';
import * as requests from './requests.service.ts';
import { attachments } from '../../db/schema/index.ts';
import { configureScanner, isClean } from '../../platform/scan.ts';

const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';
const pdf = (body: string) => new Uint8Array(Buffer.from(`%PDF-1.4\n1 0 obj <<>> endobj\n% ${body}\ntrailer <<>>\n%%EOF\n`, 'latin1'));
const dirs: string[] = [];
after(() => {
  configureScanner(undefined);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function setup(env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'peerlink-scan-'));
  dirs.push(dataDir);
  const t = await createTestApp({ env: { DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '0', ...env } });
  const cy = await setupCycle(t);
  const client = await signedInClient(t, cy.requester);
  const start = await requests.startRequest(ctxOf(t, cy.requester), { organisationId: cy.orgId, roundId: cy.roundId });
  const id = (start as { id: string }).id;
  const stored = () => (existsSync(join(dataDir, 'files')) ? readdirSync(join(dataDir, 'files')) : []);
  const rowsOf = async () => (await t.db.select().from(attachments).where(eq(attachments.requestId, id))).length;
  return { t, client, id, stored, rowsOf };
}

async function upload(t: TestApp, client: TestClient, path: string, name: string, bytes: Uint8Array) {
  const fd = new FormData();
  fd.append('file', new Blob([Buffer.from(bytes)]), name);
  const res = await t.app.request(`${ORIGIN}${path}`, { method: 'POST', body: fd, headers: { Cookie: client.cookieHeader(), Origin: ORIGIN, 'X-Forwarded-For': client.ip } });
  return { status: res.status, body: await res.text() };
}

test('the EICAR test file is refused (422, in the person’s language); nothing is stored; a clean file passes', async () => {
  const s = await setup();
  try {
    const bad = await upload(s.t, s.client, `/fr/requests/${s.id}/attachments`, 'plan.pdf', pdf(EICAR));
    assert.equal(bad.status, 422);
    assert.match(bad.body, /L’antivirus a refusé ce fichier/);
    assert.deepEqual(s.stored(), []);
    assert.equal(await s.rowsOf(), 0);
    const ok = await upload(s.t, s.client, `/en/requests/${s.id}/attachments`, 'plan.pdf', pdf('a clean budget'));
    assert.equal(ok.status, 303);
    assert.equal(s.stored().length, 1);
    assert.equal(await s.rowsOf(), 1);
  } finally {
    await s.t.close();
  }
});

test('an external scanner (FILE_SCAN_COMMAND) is asked about every upload and can reject one by its own signature', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'peerlink-scanner-'));
  dirs.push(dir);
  const script = join(dir, 'scanner.sh');
  // A scanner that knows one local test signature: exit 1 (infected) when the bytes hold it, else 0 (clean).
  writeFileSync(script, `#!/bin/sh\nif grep -q 'PEERLINK-LOCAL-TEST-SIGNATURE'; then exit 1; fi\nexit 0\n`);
  chmodSync(script, 0o755);
  const s = await setup({ FILE_SCAN_COMMAND: script });
  try {
    const bad = await upload(s.t, s.client, `/en/requests/${s.id}/attachments`, 'notes.pdf', pdf('PEERLINK-LOCAL-TEST-SIGNATURE'));
    assert.equal(bad.status, 422);
    assert.match(bad.body, /The virus scanner refused this file/);
    assert.deepEqual(s.stored(), []);
    assert.equal(await s.rowsOf(), 0);
    assert.equal((await upload(s.t, s.client, `/en/requests/${s.id}/attachments`, 'notes.pdf', pdf('minutes of the meeting'))).status, 303);
    assert.equal(await s.rowsOf(), 1);
  } finally {
    await s.t.close();
  }
});

test('a scanner that cannot answer refuses the upload as unavailable (503): never stored unscanned', async () => {
  const s = await setup({ FILE_SCAN_COMMAND: 'exit 2' });
  try {
    const r = await upload(s.t, s.client, `/en/requests/${s.id}/attachments`, 'plan.pdf', pdf('a clean budget'));
    assert.equal(r.status, 503);
    assert.deepEqual(s.stored(), []);
    assert.equal(await s.rowsOf(), 0);
  } finally {
    await s.t.close();
  }
  configureScanner('/no/such/scanner');
  await assert.rejects(isClean(pdf('x')), /scanner/);
});
