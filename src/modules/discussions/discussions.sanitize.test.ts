/** SECURITY.md 19: the allowlist, and sanitizing twice equals once (fast-check). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sanitizeRich, plainText } from './discussions.sanitize.ts';

test('scripts, handlers, styles and javascript: links are dropped; the allowlist stays', () => {
  const out = sanitizeRich('<p onclick="x()">Hi <strong>you</strong><script>alert(1)</script><img src=x onerror=alert(1)> <a href="javascript:alert(1)">a</a> <a href="https://ex.org/x" style="color:red">b</a></p><iframe src="//evil"></iframe>');
  assert.doesNotMatch(out, /script|onclick|onerror|<img|javascript:|style=|iframe/i);
  assert.match(out, /<strong>you<\/strong>/);
  assert.match(out, /<a href="https:\/\/ex.org\/x" rel="nofollow noopener noreferrer">b<\/a>/);
});

test('plain text with line breaks and a lone < stays readable', () => {
  const out = sanitizeRich('Bonjour,\n\nnous avons 3 < 5 camions & 2 bennes.');
  assert.match(out, /Bonjour,\n\nnous/);
  assert.equal(plainText(out), 'Bonjour,\n\nnous avons 3 < 5 camions & 2 bennes.');
});

const fragment = fc.oneof(
  fc.string(),
  fc.constantFrom('<p>', '</p>', '<strong>', '</strong>', '<a href="https://x.org/?a=1&b=2">', '<a href="javascript:x">', '</a>', '<script>', '</script>', '<br>', '<ul><li>', '&amp;', '&lt;', '"', "'", '<!--', '-->', '<img src=x onerror=y>', '<blockquote>', '\n', 'مرحبا', 'é'),
);

test('sanitizing twice equals sanitizing once (property)', () => {
  fc.assert(
    fc.property(fc.array(fragment, { maxLength: 30 }), (parts) => {
      const once = sanitizeRich(parts.join(''));
      assert.equal(sanitizeRich(once), once);
    }),
    { numRuns: 2000 },
  );
});
