import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync, inflateSync } from 'node:zlib';
import { Hono } from 'hono';
import { compress, chooseEncoding } from './compress.ts';

const BIG = '<p>peerlink</p>'.repeat(500);
function app() {
  const a = new Hono();
  a.use('*', compress({ threshold: 1024 }));
  a.get('/big', (c) => c.html(BIG));
  a.get('/small', (c) => c.html('<p>hi</p>'));
  a.get('/stream', (c) => c.body(BIG, 200, { 'Content-Type': 'text/event-stream' }));
  a.get('/png', (c) => c.body(BIG, 200, { 'Content-Type': 'image/png' }));
  a.get('/no-transform', (c) => c.body(BIG, 200, { 'Content-Type': 'text/html', 'Cache-Control': 'no-transform' }));
  return a;
}

test('a page over the threshold is gzipped whole, with Vary and without a stale Content-Length', async () => {
  const r = await app().request('/big', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
  assert.equal(r.headers.get('Content-Encoding'), 'gzip');
  assert.match(r.headers.get('Vary') ?? '', /Accept-Encoding/);
  assert.equal(r.headers.get('Content-Length'), null);
  assert.match(r.headers.get('Content-Type') ?? '', /text\/html/);
  assert.equal(gunzipSync(Buffer.from(await r.arrayBuffer())).toString(), BIG);
});

test('deflate when gzip is refused; nothing when neither is accepted', async () => {
  const r = await app().request('/big', { headers: { 'Accept-Encoding': 'gzip;q=0, deflate' } });
  assert.equal(r.headers.get('Content-Encoding'), 'deflate');
  assert.equal(inflateSync(Buffer.from(await r.arrayBuffer())).toString(), BIG);
  const n = await app().request('/big', { headers: { 'Accept-Encoding': 'identity' } });
  assert.equal(n.headers.get('Content-Encoding'), null);
  assert.equal(await n.text(), BIG);
  assert.equal(chooseEncoding('*;q=0.5'), 'gzip');
  assert.equal(chooseEncoding(undefined), undefined);
});

test('small answers, HEAD, event streams, images and no-transform are sent as they are', async () => {
  for (const [path, init] of [['/small', {}], ['/big', { method: 'HEAD' }], ['/stream', {}], ['/png', {}], ['/no-transform', {}]] as const) {
    const r = await app().request(path, { ...init, headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(r.headers.get('Content-Encoding'), null, path);
  }
  const small = await app().request('/small', { headers: { 'Accept-Encoding': 'gzip' } });
  assert.equal(await small.text(), '<p>hi</p>');
});
