/**
 * Directory downloads: GET /organisations/export.csv and /organisations/export.jsonl.
 * Visitors get the public fields; signed-in members also the organisations' contact emails;
 * platform staff everything (see exports.service.ts). Streamed, as an attachment.
 */
import { Hono } from 'hono';
import type { AppEnv, Ctx } from '../../platform/http.ts';
import { exportOrganisations } from './exports.service.ts';
import type { FileFormat } from './imports.reader.ts';

const TYPES: Record<FileFormat, string> = { csv: 'text/csv; charset=utf-8', jsonl: 'application/jsonl; charset=utf-8' };

function download(c: Ctx, format: FileFormat): Response {
  const deps = c.get('deps');
  const chunks = exportOrganisations(c.var.ctx, { format });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (e) {
        // Headers are gone already: log and cut the download short rather than send a half file as whole.
        deps.log.error('export failed', { requestId: c.get('requestId'), error: e instanceof Error ? e.message : String(e) });
        controller.error(e);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const day = deps.now().toISOString().slice(0, 10);
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': TYPES[format],
      'Content-Disposition': `attachment; filename="peerlink-organisations-${day}.${format}"`,
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': c.get('user') ? 'private, no-store' : 'no-cache',
    },
  });
}

/** The download routes; mounted before the organisations routes so that `/organisations/:id` does not take them. */
export function exportsRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/organisations/export.csv', (c) => download(c, 'csv'));
  r.get('/organisations/export.jsonl', (c) => download(c, 'jsonl'));
  return r;
}
