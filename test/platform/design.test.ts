/**
 * The design system's promises (issue 16, docs/design.md): the mark and favicon come from this host,
 * every tag and notice colour pair of the stylesheet meets WCAG AA contrast, and the print style
 * hides the navigation and shows links' addresses.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from '../support/app.ts';
import { CSS } from '../../src/platform/html/static.ts';

const t = await createTestApp();
after(() => t.close());

test('the favicon is an SVG served by the platform itself, linked from every page with the mark in the header', async () => {
  const icon = await t.client().get('/favicon.svg');
  assert.equal(icon.status, 200);
  assert.equal(icon.headers.get('content-type'), 'image/svg+xml');
  assert.match(icon.headers.get('cache-control') ?? '', /max-age=86400/);
  assert.match(icon.body_, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.doesNotMatch(icon.body_.replace('http://www.w3.org/2000/svg', ''), /https?:|href=/, 'nothing from another host');
  for (const locale of ['fr', 'ar']) {
    const page = (await t.client().get(`/${locale}/`)).body_;
    assert.match(page, /<link rel="icon" href="\/favicon\.svg" type="image\/svg\+xml">/);
    assert.match(page, /<a class="brand" href="\/[a-z]{2}\/?" dir="ltr"><svg viewBox="0 0 32 32" aria-hidden="true" focusable="false">/);
  }
});

/** WCAG 2.x relative luminance and contrast of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

test('every tag of the stylesheet has AA contrast (4.5:1) between its text and its background', () => {
  const vars = Object.fromEntries([...CSS.matchAll(/--([a-z-]+):(#[0-9a-f]{6}|#[0-9a-f]{3})\b/g)].map((m) => [m[1]!, m[2]!]));
  const long = (h: string) => (h.length === 4 ? `#${[...h.slice(1)].map((d) => d + d).join('')}` : h);
  const colour = (v: string) => long(v.startsWith('var(--') ? vars[v.slice(6, -1)]! : v);
  const rules = [...CSS.matchAll(/\.task-tag--(\w+)[^{]*\{([^}]*)\}/g)];
  assert.equal(rules.length, 4, 'done, in progress, not started, cannot start');
  for (const [, name, body] of rules) {
    const bg = colour(/background:([^;}]+)/.exec(body!)![1]!.trim());
    const fg = colour(/(?:^|;)color:([^;}]+)/.exec(body!)![1]!.trim());
    assert.ok(contrast(fg, bg) >= 4.5, `${name}: ${fg} on ${bg} is ${contrast(fg, bg).toFixed(2)}:1`);
  }
  // The page's text and links on the soft background of notices.
  for (const fg of [vars.fg!, vars.accent!, vars.muted!]) assert.ok(contrast(long(fg), long(vars.soft!)) >= 4.5, `${fg} on ${vars.soft}`);
  assert.ok(contrast('#ffffff', long(vars.err!)) >= 4.5, 'white on the warning button');
});

test('the print style hides navigation, forms and the footer, and prints links with their address', () => {
  const print = [...CSS.matchAll(/@media print\{(.*?)\}\s*(?=\n|$)/gs)].map((m) => m[1]).join('\n');
  assert.match(print, /header\.site,footer\.site,\.langs,form,\.skip,nav\{display:none\}/);
  assert.match(print, /a\[href\]:not\(\.button\)::after\{content:" \(" attr\(href\) "\)"/);
});
