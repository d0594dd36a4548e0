/**
 * Rich text of posts (SECURITY.md 19): sanitized on save against a small allowlist, so what is
 * stored is already safe to show; sanitizing twice gives what sanitizing once gave (a property
 * test). Line breaks are kept as written (posts are shown with `white-space: pre-wrap`), so a
 * post typed in a plain textarea without any tag reads as written.
 */
import sanitizeHtml from 'sanitize-html';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'b', 'i', 'ul', 'ol', 'li', 'blockquote', 'code', 'a'],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Links leave with no referrer and cannot reach back into the page.
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer' }) },
};
OPTIONS.allowedAttributes = { a: ['href', 'rel'] };

/** The stored form of a post's text. */
export function sanitizeRich(input: string): string {
  // sanitize-html's output is not always parsed back to itself (`<p><p></p></p>` reads as three
  // paragraphs): run it until nothing changes, so that what is stored is a fixed point.
  let out = input.replace(/\r\n?/g, '\n');
  for (let i = 0; i < 8; i++) {
    const next = sanitizeHtml(out, OPTIONS).trim();
    if (next === out) return out;
    out = next;
  }
  // Never seen: give up on markup rather than store something that changes when sanitized again.
  return sanitizeHtml(out, { allowedTags: [], allowedAttributes: {} }).trim();
}

/** The text without tags (mail excerpts, report titles, the matching engine, machine translation). */
export function plainText(stored: string): string {
  return sanitizeHtml(stored, { allowedTags: [], allowedAttributes: {} })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}
