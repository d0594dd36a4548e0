/**
 * Response compression (issue 17). hono/compress pipes every answer through a CompressionStream: a
 * zlib stream, its buffers and promises per request, 11 % of the CPU of the signed-in load. Pages are
 * already whole strings in memory, so they are gzipped in one synchronous zlib call instead (≈ 0.2 ms
 * for a 60 KB page), with the same rules as hono/compress: compressible types only (never
 * event-streams), not under `threshold` bytes, not HEAD, 206, already encoded or `no-transform`.
 * An answer larger than STREAM_OVER (a big export) is still compressed as a stream.
 */
import { gzipSync, deflateSync, constants } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';

const STREAM_OVER = 4 * 1024 * 1024;
const NO_TRANSFORM = /(?:^|,)\s*?no-transform\s*?(?:,|$)/i;
const VARY_ACCEPT_ENCODING = /(?:^|,)\s*accept-encoding\s*(?:,|$)/i;

/** gzip if accepted (q > 0, explicitly or through *), else deflate, else nothing. */
export function chooseEncoding(header: string | undefined): 'gzip' | 'deflate' | undefined {
  if (!header) return undefined;
  const q: Record<string, number> = {};
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const v = qp ? Number(qp.slice(2)) : 1;
    q[name] = Number.isFinite(v) ? v : 0;
  }
  const of = (enc: string) => q[enc] ?? q['*'] ?? 0;
  const gzip = of('gzip');
  const deflate = of('deflate');
  if (gzip > 0 && gzip >= deflate) return 'gzip';
  if (deflate > 0) return 'deflate';
  return undefined;
}

export function compress(opts: { threshold?: number; level?: number } = {}): MiddlewareHandler {
  const threshold = opts.threshold ?? 1024;
  const level = opts.level ?? constants.Z_DEFAULT_COMPRESSION;
  return async function compressMiddleware(c, next) {
    await next();
    const res = c.res;
    const length = res.headers.get('Content-Length');
    const type = res.headers.get('Content-Type');
    const cacheControl = res.headers.get('Cache-Control');
    if (
      res.status === 206 ||
      res.headers.has('Content-Encoding') ||
      res.headers.has('Transfer-Encoding') ||
      c.req.method === 'HEAD' ||
      (length && Number(length) < threshold) ||
      !type ||
      !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) ||
      (cacheControl && NO_TRANSFORM.test(cacheControl))
    )
      return;
    const vary = res.headers.get('Vary');
    if (vary !== '*' && !(vary && VARY_ACCEPT_ENCODING.test(vary))) res.headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    const encoding = chooseEncoding(c.req.header('Accept-Encoding'));
    if (!encoding || !res.body) return;
    let out: BodyInit;
    if (length && Number(length) > STREAM_OVER) {
      out = res.body.pipeThrough(new CompressionStream(encoding));
    } else {
      const raw = new Uint8Array(await res.arrayBuffer());
      if (raw.byteLength < threshold) {
        c.res = new Response(raw, res);
        return;
      }
      out = new Uint8Array(encoding === 'gzip' ? gzipSync(raw, { level }) : deflateSync(raw, { level }));
    }
    const headers = new Headers(res.headers);
    headers.delete('Content-Length');
    headers.set('Content-Encoding', encoding);
    const etag = headers.get('ETag');
    if (etag && !etag.startsWith('W/')) headers.set('ETag', `W/${etag}`);
    c.res = undefined as never; // replace, not merge, the headers
    c.res = new Response(out, { status: res.status, statusText: res.statusText, headers });
  };
}
