/**
 * A free loopback port for a child process (the server, apertium-apy) to listen on.
 *
 * The port is chosen below the kernel's ephemeral range (ip_local_port_range, 32768–60999 on
 * Linux). A port the kernel hands out for `listen(0)` lies inside that range, and so does the
 * local port of every outgoing connection (a test's fetch, Chromium, PostgreSQL, SMTP): between
 * the moment it is found free and the moment the child binds it, seconds later once the demo data
 * is loaded, any of those connections could take it (CI saw EADDRINUSE that way). Outside the range
 * only another listener chosen the same way can, and the port is checked by binding it.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

function ephemeralRange(): [number, number] {
  try {
    const [lo, hi] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (Number.isInteger(lo) && Number.isInteger(hi)) return [lo!, hi!];
  } catch {
    /* not Linux: IANA's dynamic range */
  }
  return [49152, 65535];
}

function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/** The ports handed out in this process, so two children of one test never get the same. */
const given = new Set<number>();

export async function freePort(): Promise<number> {
  const [lo, hi] = ephemeralRange();
  // The widest stretch of registered ports outside the ephemeral range, above the well-known ones.
  const below: [number, number] = [10_000, Math.min(lo, 65_536) - 1];
  const above: [number, number] = [hi + 1, 65_535];
  const [from, to] = below[1] - below[0] >= above[1] - above[0] ? below : above;
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = from + Math.floor(Math.random() * (to - from + 1));
    if (given.has(port)) continue;
    if (await canBind(port)) {
      given.add(port);
      return port;
    }
  }
  throw new Error(`no free port found between ${from} and ${to}`);
}
