/**
 * Reliability (SECURITY.md): a process killed at random moments while committing, 50 times, loses
 * no committed transaction and leaves none half-written. On the embedded database (PGlite, which
 * does not fsync) this holds for a killed process, not for a power cut; on a PostgreSQL server the
 * start refuses fsync or full_page_writes off (test/platform/smoke.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const worker = new URL('./support/commit-worker.ts', import.meta.url).pathname;
const KILLS = 50;

/** Starts the worker, kills it `afterMs` after its check line, returns the check line and the commits it reported. */
function runOnce(env: Record<string, string>, afterMs: number): Promise<{ check: string; committed: number[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [worker], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let check = '';
    const committed: number[] = [];
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      let i: number;
      while ((i = out.indexOf('\n')) >= 0) {
        const line = out.slice(0, i);
        out = out.slice(i + 1);
        if (!check) {
          check = line;
          setTimeout(() => child.kill('SIGKILL'), afterMs);
        } else if (line.startsWith('committed ')) committed.push(Number(line.slice(10)));
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`the worker ended by itself (${code}): ${err}`));
      resolve({ check, committed });
    });
  });
}

test(`a process killed at random moments while committing (${KILLS} times) loses no committed transaction and leaves none half-written`, { timeout: 900_000, skip: process.env.DATABASE_URL ? 'embedded database only: runs in the PGlite pass of the suite' : false }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'peerlink-kill-'));
  const committedFile = join(dir, 'committed.txt');
  const env = { KILL_DATA_DIR: join(dir, 'data'), COMMITTED_FILE: committedFile };
  // A deterministic spread of kill moments (ms after the start check), so a failure can be replayed.
  let seed = 42;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
  let total = 0;
  try {
    for (let i = 0; i <= KILLS; i++) {
      const { check, committed } = await runOnce(env, Math.floor(20 + next() * 400));
      assert.match(check, /^ok \d+$/, `after kill ${i}: ${check}`);
      // Every transaction reported committed before the kill must be there at the next start.
      assert.ok(Number(check.slice(3)) >= total, `after kill ${i}: ${check} but ${total} were committed`);
      if (committed.length) appendFileSync(committedFile, `${committed.join('\n')}\n`);
      total += committed.length;
    }
    assert.ok(total > KILLS, `transactions were committed between kills (${total})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
