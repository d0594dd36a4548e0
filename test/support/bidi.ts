/**
 * Mixed directions (issue 14.2): text of the other script that is not isolated. On an Arabic page,
 * a run of Latin letters must sit inside an element that declares its own `dir` or a `lang` other
 * than Arabic (or a `<bdi>`); on a left-to-right page, a run of Arabic letters likewise. Otherwise
 * the browser's bidi algorithm reorders the punctuation around it ("% Un plan … à 60").
 */
import { Parser } from 'htmlparser2';

const LATIN = /[A-Za-z\u00C0-\u024F]/;
const ARABIC = /[\u0600-\u06FF\u0750-\u077F]/;

const ISOLATED = /[\u2066\u2067\u2068][^\u2069]*\u2069/g;
const count = (re: RegExp, s: string) => (s.match(new RegExp(re.source, 'g')) ?? []).length;

/**
 * The text runs of `html` written mainly in the other script than `pageLang`'s that no ancestor
 * isolates (a Latin brand inside an Arabic sentence is laid out right by the bidi algorithm; a
 * Latin name or title standing alone is not). Segments already isolated by FSI…PDI (how messages
 * insert their values) do not count; the values of a meta line, joined by " · ", count one by one.
 */
export function unisolatedRuns(html: string, pageLang: string): string[] {
  const rtl = pageLang === 'ar';
  const other = rtl ? LATIN : ARABIC;
  const stack: boolean[] = [];
  const out: string[] = [];
  let skip = 0;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'script' || name === 'style' || name === 'title' || name === 'head') skip++;
        const parent = stack.length ? stack[stack.length - 1]! : false;
        const lang = attrs.lang?.split('-')[0];
        const isolates = name === 'bdi' || name === 'html' ? name === 'bdi' : 'dir' in attrs || (lang !== undefined && lang !== pageLang);
        stack.push(parent || isolates);
      },
      onclosetag(name) {
        if (name === 'script' || name === 'style' || name === 'title' || name === 'head') skip--;
        stack.pop();
      },
      ontext(text) {
        if (skip > 0 || !other.test(text)) return;
        if (stack.length && stack[stack.length - 1]) return;
        // A meta line joins several values with " · " (a date, a format, a place, a network): each is a run of its own.
        for (const segment of text.replace(ISOLATED, '').split(' · ')) {
          const theirs = count(other, segment);
          const ours = count(rtl ? ARABIC : LATIN, segment);
          if (theirs > ours) out.push(segment.trim().slice(0, 80));
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return out;
}
