/**
 * Issue 16.7, against a started server over real HTTP: an address of ~12 KB gets the platform's
 * own 414 page in the language of its prefix (not Chromium's bare "HTTP ERROR 431"); headers past
 * Node's limit get a 431 page in that language; an ordinary long address still works.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { MAX_URL_LENGTH, MAX_HEADER_BYTES } from '../../src/platform/limits.ts';
import { freePort } from '../support/ports.ts';

const serverPath = new URL('../../src/server.ts', import.meta.url).pathname;


/** One raw HTTP/1.1 request; the whole answer as text. */
function raw(port: number, request: string): Promise<string> {
  return new Promise((res, rej) => {
    const sock = connect(port, '127.0.0.1', () => sock.end(request));
    let out = '';
    sock.on('data', (d) => (out += d.toString('utf8')));
    sock.on('end', () => res(out));
    sock.on('error', (e) => (out ? res(out) : rej(e)));
  });
}

test('a 12 KB address is the platform’s 414 page in French; oversized headers a 431 page in Arabic; both over real HTTP', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'peerlink-longurl-'));
  const port = await freePort();
  const child = spawn(process.execPath, [serverPath], { env: { ...process.env, NODE_ENV: 'development', PORT: String(port), DATA_DIR: dir, DEMO: 'false', DATABASE_URL: '', RATE_LIMIT_PER_MINUTE: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  try {
    let up = false;
    for (let i = 0; i < 480 && !up; i++) {
      await new Promise((r) => setTimeout(r, 250));
      up = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    }
    assert.ok(up, out);

    const long = await fetch(`http://127.0.0.1:${port}/fr/calls?q=${'déchets'.repeat(1700)}`);
    assert.ok(`/fr/calls?q=${encodeURI('déchets'.repeat(1700))}`.length > 12_000);
    assert.equal(long.status, 414);
    const page = await long.text();
    assert.match(page, /<html lang="fr"/);
    assert.match(page, /L’adresse est trop longue/);
    assert.match(page, new RegExp(`dépasse ${new Intl.NumberFormat('fr').format(MAX_URL_LENGTH).replace(/\s/g, '\\s')} caractères`));
    assert.ok(page.length < 20_000, 'the long query is not echoed back');
    assert.doesNotMatch(page, /déchetsdéchets/);
    assert.match(long.headers.get('Content-Security-Policy') ?? '', /default-src/);

    const api = await fetch(`http://127.0.0.1:${port}/api/v1/calls?q=${'x'.repeat(MAX_URL_LENGTH)}`);
    assert.equal(api.status, 414);
    assert.equal(((await api.json()) as { error: { code: string } }).error.code, 'uri_too_long');

    // Just under the limit is an ordinary page.
    const fine = await fetch(`http://127.0.0.1:${port}/fr/organisations?q=${'a'.repeat(MAX_URL_LENGTH - 40)}`);
    assert.ok(fine.status < 500 && fine.status !== 414, String(fine.status));

    // Headers past Node's raised limit: Node refuses them; the answer is still our page.
    const big = await raw(port, `GET /ar/calls HTTP/1.1\r\nHost: localhost\r\nCookie: junk=${'z'.repeat(MAX_HEADER_BYTES)}\r\n\r\n`);
    assert.match(big, /^HTTP\/1\.1 431 /);
    assert.match(big, /<html lang="ar" dir="rtl"/);
    assert.match(big, /الطلب كبير جدًا/);
    assert.match(big, /X-Content-Type-Options: nosniff/);
    const bigEn = await raw(port, `GET /calls HTTP/1.1\r\nHost: localhost\r\nX-Long: ${'z'.repeat(MAX_HEADER_BYTES)}\r\n\r\n`);
    assert.match(bigEn, /^HTTP\/1\.1 431 /);
    assert.match(bigEn, /<html lang="en"/);
    assert.match(bigEn, /The request is too large/);
    // The server is still there.
    assert.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).status, 200);
  } finally {
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
});
