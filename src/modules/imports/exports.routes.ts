/**
 * Directory downloads: GET /organisations/export.csv and /organisations/export.jsonl.
 * Visitors get the public fields; signed-in members also the organisations' contact emails;
 * platform staff everything (see exports.service.ts). Streamed, as an attachment.
 */
import { Hono } from 'hono';
import type { AppEnv, Ctx } from '../../platform/http.ts';
import { streamDownload } from '../../platform/render.ts';
import { exportOrganisations } from './exports.service.ts';
import type { FileFormat } from './imports.reader.ts';

const TYPES: Record<FileFormat, string> = { csv: 'text/csv; charset=utf-8', jsonl: 'application/jsonl; charset=utf-8' };

function download(c: Ctx, format: FileFormat): Response {
  const day = c.get('deps').now().toISOString().slice(0, 10);
  return streamDownload(c, exportOrganisations(c.var.ctx, { format }), {
    name: `peerlink-organisations-${day}.${format}`,
    type: TYPES[format],
    cacheControl: c.get('user') ? 'private, no-store' : 'no-cache',
  });
}

/** The download routes; mounted before the organisations routes so that `/organisations/:id` does not take them. */
export function exportsRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/organisations/export.csv', (c) => download(c, 'csv'));
  r.get('/organisations/export.jsonl', (c) => download(c, 'jsonl'));
  return r;
}
