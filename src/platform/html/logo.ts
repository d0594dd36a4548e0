/**
 * Peerlink's mark, drawn as SVG: two peers (circles) joined by a link, the second one reaching back.
 * The header shows it inline beside the name (decorative: the name is the link's text); the favicon
 * is the same mark on the brand's blue, served by the platform itself at /favicon.svg.
 */
const MARK = '<circle cx="9" cy="16" r="5.5"/><circle cx="23" cy="16" r="5.5"/><path d="M14.5 16h3" stroke-width="3"/><path d="M9 10.5C12 5 20 5 23 10.5" stroke-width="2" fill="none"/>';

/** The header's mark, in the text colour of the header (currentColor). */
export const LOGO_SVG = `<svg viewBox="0 0 32 32" aria-hidden="true" focusable="false"><g fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round">${MARK}</g></svg>`;

/** The favicon: the mark in white on a rounded square of the brand's blue (#0b5394, 7.8:1 with white). */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5394"/><g fill="none" stroke="#fff" stroke-width="2.5" stroke-linecap="round">${MARK}</g></svg>`;
