/**
 * The test app with the privacy routes mounted (the lead mounts them in src/app.ts), and a variant
 * with `consentGate` in front of the whole app, as app.ts mounts it after the session middleware.
 */
import { Hono } from 'hono';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, TestClient, type TestApp } from './app.ts';
import type { AppEnv } from '../../src/platform/http.ts';
import { loadSession, readSessionCookie } from '../../src/platform/session.ts';
import { i18n } from '../../src/platform/i18n.ts';
import { pathLocale } from '../../src/app.ts';
import { privacyRoutes } from '../../src/modules/privacy/privacy.routes.ts';
import { consentGate } from '../../src/modules/privacy/privacy.service.ts';

export type PrivacyTestApp = TestApp & { dataDir: string; gated(): TestClient };

export async function privacyTestApp(): Promise<PrivacyTestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'peerlink-privacy-'));
  const t = await createTestApp({ env: { DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '0' } });
  t.app.route('/', privacyRoutes());
  const outer = new Hono<AppEnv>({ getPath: (req) => new URL(req.url).pathname.replace(/^\/(en|fr|es|pt|ar)(?=\/|$)/, '') || '/' });
  outer.use('*', async (c, next) => {
    c.set('deps', t.deps);
    const token = readSessionCookie(c, t.config.cookieSecure);
    const s = token ? await loadSession(t.db, token, t.deps.now()) : null;
    c.set('user', s && !s.isPending2fa ? s.user : null);
    const locale = pathLocale(new URL(c.req.url).pathname) ?? 'en';
    c.set('locale', locale);
    c.set('t', i18n().translator(locale));
    await next();
  });
  outer.use('*', consentGate());
  outer.all('*', (c) => t.app.fetch(c.req.raw, c.env));
  return { ...t, dataDir, gated: () => new TestClient(outer as unknown as Hono<AppEnv>) };
}
