import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { get as httpGet } from 'node:http';
import { freePort } from '../support/ports.ts';

const serverPath = new URL('../../src/server.ts', import.meta.url).pathname;


test('the server starts on a fresh folder, answers /healthz, and stops cleanly on SIGTERM releasing the folder', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'peerlink-server-'));
  try {
    const port = await freePort();
    const child = spawn(process.execPath, [serverPath], { env: { ...process.env, NODE_ENV: 'development', PORT: String(port), DATA_DIR: dir, DEMO: 'false', LOG_LEVEL: 'info', DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
    let healthy = false;
    for (let i = 0; i < 480 && !healthy; i++) {
      await new Promise((r) => setTimeout(r, 250));
      try {
        const r = await fetch(`http://127.0.0.1:${port}/healthz`);
        healthy = r.status === 200 && (await r.json()).status === 'ok';
      } catch {
        /* not yet listening */
      }
    }
    assert.ok(healthy, `server did not become healthy:\n${out}`);
    const lines = out.trim().split('\n').filter((l) => l.startsWith('{'));
    assert.ok(lines.every((l) => JSON.parse(l).level), 'logs are JSON lines');
    child.kill('SIGTERM');
    assert.equal(await exited, 0, out);
    assert.match(out, /"msg":"stopped"/);
    // The lock is released: a second start on the same folder works.
    const second = spawn(process.execPath, [serverPath], { env: { ...process.env, PORT: String(port), DATA_DIR: dir, DEMO: 'false', DATABASE_URL: '' }, stdio: 'ignore' });
    const secondExit = new Promise<number | null>((res) => second.on('exit', (code) => res(code)));
    let up = false;
    for (let i = 0; i < 480 && !up; i++) {
      await new Promise((r) => setTimeout(r, 250));
      up = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    }
    assert.ok(up);
    second.kill('SIGTERM');
    assert.equal(await secondExit, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('SIGTERM lets requests in flight finish: 20 requests sent whole just before it are all answered, then the server exits 0', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'peerlink-server-'));
  try {
    const port = await freePort();
    const child = spawn(process.execPath, [serverPath], { env: { ...process.env, NODE_ENV: 'development', PORT: String(port), DATA_DIR: dir, DEMO: 'true', LOG_LEVEL: 'warn', DATABASE_URL: '', RATE_LIMIT_PER_MINUTE: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
    let up = false;
    for (let i = 0; i < 480 && !up; i++) {
      await new Promise((r) => setTimeout(r, 250));
      up = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    }
    assert.ok(up, out);
    // Each request on its own connection, sent whole (the 'finish' event) before the signal.
    const sent: Promise<void>[] = [];
    const answers = ['/en/organisations', '/en/good-practices', '/fr/calls', '/es/organisations?q=water'].flatMap((p) =>
      Array.from({ length: 5 }, () => {
        let mark!: () => void;
        sent.push(new Promise<void>((r) => (mark = r)));
        return new Promise<number | string>((resolve) => {
          const req = httpGet({ host: '127.0.0.1', port, path: p, agent: false }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          });
          req.on('finish', () => mark());
          req.on('error', (e: NodeJS.ErrnoException) => (mark(), resolve(e.code ?? 'error')));
        });
      }),
    );
    await Promise.all(sent);
    child.kill('SIGTERM');
    assert.deepEqual(await Promise.all(answers), Array(20).fill(200), out);
    assert.equal(await exited, 0, out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a wrong configuration value stops the server at start with a message naming it', async () => {
  const child = spawn(process.execPath, [serverPath], { env: { ...process.env, PORT: 'not-a-port', DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const code = await new Promise<number | null>((res) => child.on('exit', (c) => res(c)));
  assert.equal(code, 1);
  assert.match(err, /PORT/);
});
