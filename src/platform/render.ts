/** Rendering a page for the current request: language, user, nonce and flash come from the context. */
import { html } from 'hono/html';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { Ctx } from './http.ts';
import { href } from './http.ts';
import { layout, type Html, type PageMeta, type PageOptions } from './html/layout.ts';
import { i18n } from './i18n.ts';
import { errorFields } from './log.ts';

const FLASH = 'flash';

export function pageMeta(c: Ctx): PageMeta {
  const url = new URL(c.req.url);
  return { locale: c.get('locale'), t: c.get('t'), nonce: c.get('nonce'), user: c.get('user'), path: c.req.path, query: url.search.slice(1) };
}

/** Shows a one-time message on the next page. `key` is a catalogue key written out at the call site. */
export function setFlash(c: Ctx, key: string): void {
  setCookie(c, FLASH, key, { path: '/', httpOnly: true, sameSite: 'Lax', maxAge: 120 });
}

function takeFlash(c: Ctx): string | null {
  const key = getCookie(c, FLASH);
  if (!key) return null;
  deleteCookie(c, FLASH, { path: '/' });
  return i18n().has(key) ? c.get('t')(key) : null;
}

/**
 * Every form is `novalidate` (issue 16.5), also the forms of modules that do not write it: the
 * browser's bubbles ("Please fill out this field.", in the browser's language, one at a time) give
 * way to the server's messages, which name each field and its limit in the person's language.
 */
export function withServerValidation(doc: string): string {
  return doc.replace(/<form(?=[\s>])(?![^>]*\snovalidate)/g, '<form novalidate');
}

export function page(c: Ctx, opts: Omit<PageOptions, 'flash'> & { status?: number }): Response | Promise<Response> {
  const flash = c.req.method === 'GET' ? takeFlash(c) : null;
  return c.html(
    Promise.resolve(layout(pageMeta(c), { ...opts, flash })).then((doc) => withServerValidation(String(doc))),
    (opts.status ?? 200) as 200,
  );
}

/** Redirect after a successful POST (303), to a path in the current language. */
export function redirectTo(c: Ctx, path: string): Response {
  return c.redirect(href(c.get('locale'), path), 303);
}

/** A link in the current language. */
export function link(c: Ctx, path: string): string {
  return href(c.get('locale'), path);
}

export function errorPage(c: Ctx, status: number, title: string, message: string, extra?: Html): Response | Promise<Response> {
  return page(c, { title, status, body: html`<h1>${title}</h1><p>${message}</p>${extra ?? ''}` });
}

/**
 * A file sent as a download (SECURITY.md 24): always an attachment under its label (an ASCII
 * fallback, plus the UTF-8 name when they differ), nosniff, a sandboxing CSP in case a browser
 * renders it anyway, and never cached by anyone but the person's own browser.
 */
export function download(c: Ctx, f: { name: string; type: string; bytes: Uint8Array | string }): Response {
  const ascii = f.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  c.header('Content-Type', f.type);
  c.header('Content-Disposition', `attachment; filename="${ascii}"${ascii === f.name ? '' : `; filename*=UTF-8''${encodeURIComponent(f.name)}`}`);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Content-Security-Policy', 'sandbox');
  c.header('Cache-Control', 'private, no-store');
  return c.body(typeof f.bytes === 'string' ? f.bytes : new Uint8Array(f.bytes));
}

/**
 * A download streamed from an async sequence of text chunks (exports of any size). Once the first
 * byte is out the status cannot change: a failure is logged (redacted) and the stream is cut, so the
 * client sees an incomplete download rather than a half file passed off as whole.
 */
export function streamDownload(c: Ctx, chunks: AsyncGenerator<string, unknown, unknown>, f: { name: string; type: string; cacheControl: string }): Response {
  const deps = c.get('deps');
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (e) {
        deps.log.error('download failed', { requestId: c.get('requestId'), ...errorFields(e) });
        controller.error(e);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': f.type,
      'Content-Disposition': `attachment; filename="${f.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')}"`,
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': f.cacheControl,
    },
  });
}
