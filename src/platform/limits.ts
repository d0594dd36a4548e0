/**
 * Long addresses and oversized headers get the platform's own page in the person's language
 * (issue 16.7), not Chromium's bare "HTTP ERROR 431". Node refuses a request whose request line
 * and headers pass `maxHeaderSize` (16 KB by default) before any route runs; the server raises
 * that to MAX_HEADER_BYTES, so an address up to that size reaches the app, which answers 414
 * itself over MAX_URL_LENGTH. Beyond MAX_HEADER_BYTES, Node's `clientError` is answered with a 431
 * page in the language of the path's prefix (the only thing read from the bytes received).
 */
import type { Server } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './http.ts';
import { i18n, isLocale, RTL_LOCALES, type Locale } from './i18n.ts';
import { html } from 'hono/html';
import { pageMeta } from './render.ts';
import { layout } from './html/layout.ts';

/** The longest address (path and query) the platform serves; longer answers 414. */
export const MAX_URL_LENGTH = 8 * 1024;
/** Node's limit for the request line and headers together (its default is 16 KB). */
export const MAX_HEADER_BYTES = 32 * 1024;

const isApi = (path: string) => path === '/api/v1' || path.startsWith('/api/v1/');

/** 414 with the platform's page (or JSON on the API) for an address over MAX_URL_LENGTH. */
export function uriLimit(max = MAX_URL_LENGTH): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const u = c.req.url;
    const start = u.indexOf('/', u.indexOf('//') + 2);
    const length = start < 0 ? 0 : u.length - start;
    if (length <= max) return next();
    const t = c.get('t');
    const path = u.slice(start).split('?')[0] ?? '/';
    if (isApi(path)) return c.json({ error: { code: 'uri_too_long', message: t('platform.error.uriTooLong', { max }) } }, 414);
    // The page without the address's query in its language links (it is what was too long).
    const title = t('platform.error.uriTooLongTitle');
    const body = html`<h1>${title}</h1><p>${t('platform.error.uriTooLong', { max })}</p><p><a href="/${c.get('locale')}">${t('platform.error.home')}</a></p>`;
    return c.html(layout({ ...pageMeta(c), path: c.req.path.length > 200 ? '/' : c.req.path, query: '' }, { title, body, flash: null }), 414);
  };
}

/** The 431 page as raw HTTP, for a request Node refused before it became one. */
export function headersTooLargeResponse(rawStart: string): string {
  const m = /^[A-Z]+ \/([a-z]{2})(?:[/?# ]|$)/.exec(rawStart);
  const locale: Locale = m && isLocale(m[1]) ? m[1] : 'en';
  const t = i18n().translator(locale);
  const esc = (s: string) => s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);
  const title = esc(t('platform.error.headersTooLargeTitle'));
  const body = `<!doctype html><html lang="${locale}" dir="${RTL_LOCALES.has(locale) ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title} · Peerlink</title><style>body{font:1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}</style></head><body><main><h1>${title}</h1><p>${esc(t('platform.error.headersTooLarge'))}</p><p><a href="/${locale}">${esc(t('platform.error.home'))}</a></p></main></body></html>`;
  const bytes = Buffer.byteLength(body);
  return [
    'HTTP/1.1 431 Request Header Fields Too Large',
    'Content-Type: text/html; charset=utf-8',
    `Content-Length: ${bytes}`,
    "Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
    'X-Content-Type-Options: nosniff',
    'Referrer-Policy: same-origin',
    'Cache-Control: no-store',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/** Answers Node's header overflow with the 431 page; other client errors get Node's plain 400. */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket) => {
    if (!socket.writable) return socket.destroy();
    if (err.code === 'HPE_HEADER_OVERFLOW') {
      socket.end(headersTooLargeResponse(err.rawPacket ? err.rawPacket.subarray(0, 64).toString('latin1') : ''));
      return;
    }
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
}
