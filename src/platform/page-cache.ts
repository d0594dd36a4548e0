/**
 * A micro-cache for the busiest public pages (the directory, the libraries) as a visitor sees them.
 * Only GET requests without a session, a flash message or any cookie but the language are served
 * from it; entries live a few seconds and every state-changing request in this process clears
 * them, so an edit shows at once here and within the TTL on other processes. The cached body holds
 * no nonce and no personal data: it is the same for every visitor asking for that URL in that language.
 */
import { gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './http.ts';

type Entry = { body: Uint8Array; gz: Uint8Array; type: string; expires: number };

export function pageCache(opts: { paths: RegExp; ttlMs: number; maxEntries?: number; now: () => Date }): MiddlewareHandler<AppEnv> {
  const entries = new Map<string, Entry>();
  const max = opts.maxEntries ?? 2000;
  return async (c, next) => {
    const method = c.req.method;
    if (method !== 'GET' && method !== 'HEAD') {
      entries.clear();
      return next();
    }
    const cookie = c.req.header('Cookie');
    if ((cookie && !/^\s*lang=[a-z]{2}\s*$/.test(cookie)) || c.req.header('Authorization') || !opts.paths.test(c.req.path)) return next();
    const key = `${c.get('locale')}\u0000${c.req.url}`;
    const now = opts.now().getTime();
    const hit = entries.get(key);
    if (hit && hit.expires > now) {
      const gzip = /\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '');
      const headers: Record<string, string> = { 'Content-Type': hit.type, Vary: 'Accept-Encoding, Accept-Language, Cookie' };
      if (gzip) headers['Content-Encoding'] = 'gzip';
      return c.body((gzip ? hit.gz : hit.body) as Uint8Array<ArrayBuffer>, 200, headers);
    }
    await next();
    const res = c.res;
    const type = res.headers.get('Content-Type') ?? '';
    if (res.status !== 200 || !type.startsWith('text/html') || res.headers.get('Content-Encoding')) return;
    const body = new Uint8Array(await res.clone().arrayBuffer());
    if (entries.size >= max) entries.delete(entries.keys().next().value!);
    entries.set(key, { body, gz: gzipSync(body), type, expires: now + opts.ttlMs });
  };
}
