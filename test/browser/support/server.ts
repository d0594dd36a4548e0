/**
 * The real server for browser specs: `src/server.ts` as a child process on a free port, with a
 * fresh data folder, the demo data, and mail going to a loopback SMTP server the spec can read;
 * replies by e-mail come in through the server's own inbound SMTP listener, on another free port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestSmtp, type TestSmtp } from '../../support/smtp.ts';
import { freePort } from '../../support/ports.ts';

const root = new URL('../../..', import.meta.url).pathname;

export type RunningServer = {
  /** http://localhost:<port>, the origin every page must stay on. */
  origin: string;
  smtp: TestSmtp;
  /** The port of the server's inbound SMTP listener on 127.0.0.1 (replies by e-mail). */
  inboundPort: number;
  /** The domain of its reply addresses. */
  replyDomain: string;
  /** What the server printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
};


/**
 * Starts the server and waits until /healthz answers (the demo data is loaded before it listens).
 * A port taken between its choice and the server's bind (another suite's listener chose the same)
 * is a new start on new ports, twice at most; any other exit is the spec's failure.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(env);
    } catch (e) {
      if (attempt >= 3 || !(e instanceof Error && e.message.includes('EADDRINUSE'))) throw e;
    }
  }
}

async function startOnce(env: Record<string, string>): Promise<RunningServer> {
  const smtp = await startTestSmtp();
  const dataDir = mkdtempSync(join(tmpdir(), 'peerlink-browser-'));
  const port = await freePort();
  const inboundPort = await freePort();
  const replyDomain = 'reply.peerlink.localhost';
  const origin = `http://localhost:${port}`;
  let out = '';
  const child: ChildProcess = spawn(process.execPath, ['src/server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      BASE_URL: origin,
      DATA_DIR: dataDir,
      DEMO: 'true',
      SMTP_URL: smtp.url,
      INBOUND_SMTP_PORT: String(inboundPort),
      INBOUND_SMTP_HOST: '127.0.0.1',
      REPLY_DOMAIN: replyDomain,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      // One browser is one IP: a spec's many sign-ins and pages in a minute are not an attack (the limit has its own route tests).
      RATE_LIMIT_PER_MINUTE: '1000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => void (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => void (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // The server never outlives the spec, even when the spec fails before stop().
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
    process.off('exit', killOnExit);
    await smtp.close();
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the server exited with ${child.exitCode} before answering:\n${out}`);
    }
    try {
      const res = await fetch(`${origin}/healthz`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not answer /healthz within 120 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { origin, smtp, inboundPort, replyDomain, output: () => out, stop };
}
