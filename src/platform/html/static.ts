/** The one stylesheet, served with a content hash in its path so it can be cached for a year. */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

export const CSS = readFileSync(new URL('./app.css', import.meta.url), 'utf8');
export const CSS_GZ = gzipSync(CSS);
const hash = createHash('sha256').update(CSS).digest('hex').slice(0, 10);
export const CSS_PATH = `/static/app.${hash}.css`;
