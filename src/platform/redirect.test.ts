/**
 * Issue 18.2: one `safeNext` for the platform. Whatever string it is given, what it returns (if
 * anything) is a path on this site in the asked language, which no browser reads as another host.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { safeNext } from './redirect.ts';
import { LOCALES } from './i18n.ts';

/** How a browser (WHATWG URL) reads a Location: tab, CR and LF are dropped, `\` is `/`. */
const browserHost = (location: string) => new URL(location, 'https://peerlink.example/en/x').host;

test('the probe’s cases and their cousins are refused', () => {
  for (const bad of [
    '/\t/evil.example', '/\r/evil.example', '/\n/evil.example', '/\u0000/evil.example', '//evil.example', '/\\evil.example', '\\/evil.example',
    '/\\/evil.example', 'https://evil.example', 'javascript:alert(1)', 'evil.example', '', ' /x', '/en//evil.example', '/fr//evil.example/x',
    '/people\r\nSet-Cookie: x=1', '/people\u0000', '/x\u2028', `/${'a'.repeat(2001)}`,
  ])
    assert.equal(safeNext(bad, 'en'), null, JSON.stringify(bad));
  for (const v of [null, undefined, 42, ['/x'], { a: 1 }]) assert.equal(safeNext(v, 'en'), null);
});

test('a local path gets the language prefix (a prefix present is replaced)', () => {
  assert.equal(safeNext('/people', 'fr'), '/fr/people');
  assert.equal(safeNext('/en/people?x=1#top', 'ar'), '/ar/people?x=1#top');
  assert.equal(safeNext('/en', 'es'), '/es');
  assert.equal(safeNext('/', 'pt'), '/pt');
  assert.equal(safeNext('/en?x=1', 'fr'), '/fr?x=1');
  assert.equal(safeNext('/english', 'fr'), '/fr/english', 'a prefix is a whole segment');
  assert.equal(safeNext('/organisations?q=http://x', 'en'), '/en/organisations?q=http://x');
});

const tricky = fc.constantFrom('/', '\\', '\t', '\r', '\n', '\u0000', '.', ':', '@', '?', '#', '%2F', '%5C', '%09', 'evil.example', 'en', 'javascript:', 'http:', ' ', '\u3002', '\uFF0F', '\u2028');
const pieces = fc.array(fc.oneof(tricky, fc.string({ unit: 'grapheme', maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 12 }).map((p) => p.join(''));

test('property: whatever it returns is this site, in the language, without control characters or backslashes', () => {
  fc.assert(
    fc.property(pieces, fc.constantFrom(...LOCALES), (s, locale) => {
      const out = safeNext(s, locale);
      if (out === null) return;
      assert.equal(browserHost(out), 'peerlink.example', `${JSON.stringify(s)} → ${JSON.stringify(out)}`);
      assert.ok(out === `/${locale}` || out.startsWith(`/${locale}/`) || out.startsWith(`/${locale}?`) || out.startsWith(`/${locale}#`), out);
      // eslint-disable-next-line no-control-regex
      assert.ok(!/[\u0000-\u001F\u007F-\u009F\\]/.test(out), JSON.stringify(out));
      assert.ok(!out.startsWith('//'));
      // Idempotent: a returned path passes again unchanged.
      assert.equal(safeNext(out, locale), out);
    }),
    { numRuns: 3000, seed: 18_2 },
  );
});

test('property: a plain local path always passes, in the language', () => {
  const segment = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
  fc.assert(
    fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), fc.constantFrom(...LOCALES), (segs, locale) => {
      const p = `/${segs.join('/')}`;
      const out = safeNext(p, locale);
      const expected = (LOCALES as readonly string[]).includes(segs[0]!) ? `/${locale}${segs.length > 1 ? `/${segs.slice(1).join('/')}` : ''}` : `/${locale}${p}`;
      assert.equal(out, expected);
    }),
    { numRuns: 500, seed: 18_21 },
  );
});
