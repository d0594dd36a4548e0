/**
 * The ports the tests give their child processes lie outside the kernel’s ephemeral range, where an
 * outgoing connection cannot take one between its choice and the child's bind (the CI failure of
 * stop 25: EADDRINUSE in a browser spec), are free, and are never handed out twice.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { freePort } from '../support/ports.ts';

const rangeFile = '/proc/sys/net/ipv4/ip_local_port_range';

test('freePort gives distinct, bindable ports outside the ephemeral range', { skip: existsSync(rangeFile) ? false : 'not Linux' }, async () => {
  const [lo, hi] = readFileSync(rangeFile, 'utf8').trim().split(/\s+/).map(Number) as [number, number];
  const ports: number[] = [];
  for (let i = 0; i < 30; i++) ports.push(await freePort());
  assert.equal(new Set(ports).size, ports.length, 'no port is given twice');
  for (const p of ports) assert.ok(p < lo || p > hi, `${p} is outside ${lo}–${hi}`);
  for (const p of ports) assert.ok(p >= 1024 && p <= 65_535, `${p} is an unprivileged port`);
  // Each can be bound by whoever it is given to.
  const s = createServer();
  await new Promise<void>((res, rej) => {
    s.once('error', rej);
    s.listen(ports[0], '127.0.0.1', () => res());
  });
  await new Promise((res) => s.close(res));
});
