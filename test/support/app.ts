/**
 * The application in process, on a fresh test database, with a fake clock and a real SMTP
 * server on loopback. `client()` gives a browser-like client: a cookie jar, same-origin headers,
 * and its own IP (so the per-IP limit of one test does not leak into another).
 */
import type { Hono } from 'hono';
import { createApp } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/platform/config.ts';
import { createMailer } from '../../src/platform/mail.ts';
import { silentLogger, createLogger, type Logger } from '../../src/platform/log.ts';
import type { AppEnv, Deps } from '../../src/platform/http.ts';
import type { Database } from '../../src/platform/db.ts';
import { testDatabase } from './db.ts';
import { startTestSmtp, type TestSmtp } from './smtp.ts';

export const ORIGIN = 'http://localhost';

export type Clock = { now: () => Date; set(d: Date | string): void; advance(ms: number): void };

export function fakeClock(start = '2026-11-23T09:00:00Z'): Clock {
  let t = new Date(start).getTime();
  return { now: () => new Date(t), set: (d) => void (t = new Date(d).getTime()), advance: (ms) => void (t += ms) };
}

export type TestResponse = Response & { text_: string };

let ipCounter = 1;

export class TestClient {
  cookies = new Map<string, string>();
  ip: string;
  headers: Record<string, string> = {};
  private app: Hono<AppEnv>;
  constructor(app: Hono<AppEnv>, ip?: string) {
    this.app = app;
    this.ip = ip ?? `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter++ & 255}`;
  }
  private store(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i);
      const value = pair.slice(i + 1);
      if (!value || /max-age=0/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  async request(method: string, path: string, opts: { form?: Record<string, string | string[]>; json?: unknown; headers?: Record<string, string> } = {}): Promise<Response & { body_: string }> {
    const headers: Record<string, string> = { 'X-Forwarded-For': this.ip, ...this.headers, ...opts.headers };
    if (this.cookies.size) headers.Cookie = this.cookieHeader();
    if (method !== 'GET' && method !== 'HEAD' && !('Origin' in headers) && !('Sec-Fetch-Site' in headers)) headers.Origin = ORIGIN;
    let body: BodyInit | undefined;
    if (opts.form) {
      const p = new URLSearchParams();
      for (const [k, v] of Object.entries(opts.form)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
      body = p.toString();
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
    } else if (opts.json !== undefined) {
      body = JSON.stringify(opts.json);
      headers['Content-Type'] = 'application/json';
    }
    const res = await this.app.request(`${ORIGIN}${path}`, { method, headers, body });
    this.store(res);
    const text = await res.text();
    return Object.assign(new Response(text, { status: res.status, headers: res.headers }), { body_: text });
  }
  get(path: string, headers?: Record<string, string>) {
    return this.request('GET', path, { headers });
  }
  post(path: string, form: Record<string, string | string[]> = {}, headers?: Record<string, string>) {
    return this.request('POST', path, { form, headers });
  }
}

export type TestApp = {
  app: Hono<AppEnv>;
  deps: Deps;
  db: Database['db'];
  database: Database;
  clock: Clock;
  smtp: TestSmtp;
  config: Config;
  client(ip?: string): TestClient;
  close(): Promise<void>;
};

export async function createTestApp(opts: { env?: Record<string, string>; database?: Database; log?: Logger } = {}): Promise<TestApp> {
  const database = opts.database ?? (await testDatabase());
  const smtp = await startTestSmtp();
  const clock = fakeClock();
  const config = loadConfig({ NODE_ENV: 'test', TRUST_PROXY: 'true', SMTP_URL: smtp.url, DATA_DIR: '/tmp/peerlink-test-unused', PAGE_CACHE_SECONDS: '0', ...opts.env });
  const deps: Deps = {
    database,
    config,
    log: opts.log ?? (process.env.TEST_LOG ? createLogger('debug') : silentLogger),
    mailer: createMailer({ smtpUrl: smtp.url, from: config.mailFrom, outboxDir: '/tmp/peerlink-test-unused/outbox' }),
    now: clock.now,
  };
  const app = createApp(deps);
  return {
    app,
    deps,
    db: database.db,
    database,
    clock,
    smtp,
    config,
    client: (ip) => new TestClient(app, ip),
    async close() {
      await smtp.close();
      await database.close();
    },
  };
}
