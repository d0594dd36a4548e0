/**
 * Checks the translation catalogues (`npm run check:i18n`; also run as a test):
 * - every key is present in all of en, fr, es, pt and ar, and no key is in two catalogues;
 * - every key is used somewhere in src/ (its literal string in quotes);
 * - every key-like literal used in src/ (`'namespace.some.key'`, first segment a catalogue
 *   namespace) exists in the English catalogue;
 * - every message parses as ICU MessageFormat (intl-messageformat's parser);
 * - every language uses the same placeholders as English;
 * and the language itself (issue 14.6), with the glossary `src/platform/locales/glossary.json`:
 * - no catalogue string uses a wrong variant the glossary lists for its language (whole words,
 *   case- and accent-insensitive, Arabic clitics allowed);
 * - every `plural` has the categories its language needs (Intl.PluralRules: Arabic zero, one, two,
 *   few, many, other; French, Spanish, Portuguese one, many, other), and an argument that is a
 *   plural in English is a plural in every translation;
 * - French typography: a narrow no-break space (U+202F) before : ; ! ? and inside « », and ’ (not ')
 *   between two letters;
 * - no English value copied unchanged into another language (unless the glossary's `sameAsEnglish`
 *   or the built-in list of names allows it).
 * Prints the violations and exits 1 when there are any. `--fix` first rewrites what is mechanical:
 * French spaces and apostrophes, and a missing `many` (a copy of `other`) in French, Spanish and
 * Portuguese plurals.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { parse } from '@formatjs/icu-messageformat-parser';
import { LOCALES, loadCatalogues, localeFolders, type Locale } from '../src/platform/i18n.ts';

export type Violation = {
  kind: 'missing' | 'unused' | 'undefined' | 'syntax' | 'placeholders' | 'duplicate' | 'empty' | 'glossary' | 'plural' | 'typography' | 'untranslated';
  key: string;
  detail: string;
};

/** A literal that looks like a catalogue key: lowercase namespace, then at least two segments. */
const KEY_SHAPE = /^[a-z]+(\.[a-zA-Z0-9]+){2,}$/;
/** Any quoted dotted literal; a catalogue key counts as used when one of these equals it. */
const QUOTED = /(['"`])([a-z]+(?:\.[a-zA-Z0-9]+)+)\1/g;
/** File names and module specifiers have the same shape; they are not keys. */
const NOT_A_KEY = /\.(ts|tsx|js|mjs|cjs|json|css|sql|md|txt|csv|jsonl|html|svg|png|pdf)$/;

/**
 * Blanks out comments (keeping line numbers): a key named in a comment is neither used nor missing.
 * String and template literals are skipped whole, so `'/account/*'` does not open a comment.
 */
export function stripComments(code: string): string {
  const out = code.split('');
  let i = 0;
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  while (i < code.length) {
    const ch = code[i]!;
    const next = code[i + 1];
    if (ch === '/' && next === '/') {
      const end = code.indexOf('\n', i);
      const stop = end === -1 ? code.length : end;
      blank(i, stop);
      i = stop;
    } else if (ch === '/' && next === '*') {
      const end = code.indexOf('*/', i + 2);
      const stop = end === -1 ? code.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (ch === "'" || ch === '"' || ch === '`') {
      // Skip to the closing quote (escapes honoured); template placeholders stay part of the literal.
      let k = i + 1;
      while (k < code.length && code[k] !== ch) {
        if (code[k] === '\\') k++;
        else if (ch !== '`' && code[k] === '\n') break;
        k++;
      }
      i = k + 1;
    } else i++;
  }
  return out.join('');
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name === 'locales') continue;
      sourceFiles(p, out);
    } else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

/** Argument names (and tag names) a message refers to, at any depth. */
export function placeholders(message: string, locale: string): Set<string> {
  const ast = new IntlMessageFormat(message, locale).getAst();
  const out = new Set<string>();
  type El = { type: number; value?: string; options?: Record<string, { value: El[] }>; children?: El[] };
  const walk = (els: El[]) => {
    for (const el of els) {
      // 0 literal, 7 pound: no name. 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural, 8 tag.
      if (el.type !== 0 && el.type !== 7 && el.value !== undefined) out.add(el.type === 8 ? `<${el.value}>` : el.value);
      if (el.options) for (const o of Object.values(el.options)) walk(o.value);
      if (el.children) walk(el.children);
    }
  };
  walk(ast as unknown as El[]);
  return out;
}

/** Every violation in the catalogues under `srcRoot` and the code that uses them (`language: false`: the structure only). */
export function checkI18n(srcRoot: string, opts: { language?: boolean } = {}): Violation[] {
  const violations: Violation[] = [];
  let cats: Record<Locale, Record<string, string>>;
  try {
    cats = loadCatalogues(srcRoot);
  } catch (e) {
    return [{ kind: 'duplicate', key: '', detail: (e as Error).message }];
  }

  const allKeys = new Set<string>();
  for (const l of LOCALES) for (const k of Object.keys(cats[l])) allKeys.add(k);

  for (const key of [...allKeys].sort()) {
    const missing = LOCALES.filter((l) => !(key in cats[l]));
    if (missing.length) violations.push({ kind: 'missing', key, detail: `missing in ${missing.join(', ')}` });
  }

  // Syntax and placeholders.
  for (const key of [...allKeys].sort()) {
    const names: Partial<Record<Locale, Set<string>>> = {};
    for (const l of LOCALES) {
      const msg = cats[l][key];
      if (msg === undefined) continue;
      if (typeof msg !== 'string' || !msg.trim()) {
        violations.push({ kind: 'empty', key, detail: `${l}: empty or not a string` });
        continue;
      }
      try {
        names[l] = placeholders(msg, l);
      } catch (e) {
        violations.push({ kind: 'syntax', key, detail: `${l}: ${(e as Error).message.split('\n')[0]}` });
      }
    }
    const ref = names.en;
    if (!ref) continue;
    const show = (s: Set<string>) => `{${[...s].sort().join(', ')}}`;
    for (const l of LOCALES) {
      const s = names[l];
      if (!s || l === 'en') continue;
      if (s.size !== ref.size || [...s].some((x) => !ref.has(x))) violations.push({ kind: 'placeholders', key, detail: `${l} has ${show(s)}, en has ${show(ref)}` });
    }
  }

  // Usage in the source.
  const namespaces = new Set([...allKeys].map((k) => k.split('.')[0]!));
  const used = new Map<string, string>(); // key → first place it is used
  for (const file of sourceFiles(srcRoot)) {
    const text = stripComments(readFileSync(file, 'utf8'));
    for (const m of text.matchAll(QUOTED)) {
      const lit = m[2]!;
      if (NOT_A_KEY.test(lit) || !namespaces.has(lit.split('.')[0]!)) continue;
      if (!KEY_SHAPE.test(lit) && !allKeys.has(lit)) continue;
      if (!used.has(lit)) {
        const line = text.slice(0, m.index).split('\n').length;
        used.set(lit, `${relative(srcRoot, file)}:${line}`);
      }
    }
  }
  for (const key of [...allKeys].sort()) if (!used.has(key)) violations.push({ kind: 'unused', key, detail: 'not used anywhere in src/' });
  for (const [key, where] of [...used].sort()) if (!(key in cats.en)) violations.push({ kind: 'undefined', key, detail: `used at ${where} but not in the English catalogue` });

  if (opts.language !== false) violations.push(...checkLanguage(cats, loadGlossary(srcRoot)));
  return violations;
}

// ---------------------------------------------------------------------------------------------
// The language: glossary, plural forms, French typography, English left in translations.

type Usage = { term: string; avoid?: string[]; allow?: string[]; why?: string };
export type Glossary = {
  concepts: ({ concept: string; why?: string } & Partial<Record<Locale, Usage>>)[];
  sameAsEnglish?: Partial<Record<Locale, string[]>>;
};

/** The glossary beside the platform's catalogues (`platform/locales/glossary.json`), or an empty one. */
export function loadGlossary(srcRoot: string): Glossary {
  const f = join(srcRoot, 'platform/locales/glossary.json');
  return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as Glossary) : { concepts: [] };
}

/** Lower case, no accents or Arabic vowel marks, one apostrophe: what the glossary compares. */
export function fold(s: string): string {
  // Marks go (accents, Arabic vowels), but not the hamza and madda that make أنت another word than انت.
  return s.normalize('NFD').replace(/[^\P{M}\u0653-\u0655]/gu, '').replace(/[’ʼ]/g, "'").toLowerCase().normalize('NFC');
}
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])';
/** A wrong variant as a regular expression on folded text: whole words, `*` any ending, Arabic proclitics. */
export function variantPattern(variant: string, locale: string): RegExp {
  let v = fold(variant);
  let prefix = '';
  if (locale === 'ar') {
    v = v.replace(/^ال/, '');
    prefix = '(?:[وف])?(?:[بكل])?(?:ال|ل)?';
  }
  const body = v.split('*').map(escapeRe).join('\\p{L}*');
  return new RegExp(`${NOT_WORD_BEFORE}${prefix}${body}${NOT_WORD_AFTER}`, 'u');
}

type El = { type: number; value?: string; options?: Record<string, { value: El[]; location?: Loc }>; children?: El[]; pluralType?: string; location?: Loc };
type Loc = { start: { offset: number }; end: { offset: number } };
const parseLoc = (msg: string) => parse(msg, { captureLocation: true }) as unknown as El[];

/** The literal text of a message (what the reader sees, without arguments and ICU syntax). */
export function literalText(msg: string): string {
  const out: string[] = [];
  const walk = (els: El[]) => {
    for (const el of els) {
      if (el.type === 0) out.push(el.value ?? '');
      else out.push(' ');
      if (el.options) for (const o of Object.values(el.options)) walk(o.value);
      if (el.children) walk(el.children);
    }
  };
  walk(parseLoc(msg));
  return out.join('');
}

/** Plural elements (argument name, ordinal or not, categories, where `other` is) at any depth. */
function plurals(msg: string): { arg: string; ordinal: boolean; keys: string[]; other?: Loc }[] {
  const out: { arg: string; ordinal: boolean; keys: string[]; other?: Loc }[] = [];
  const walk = (els: El[]) => {
    for (const el of els) {
      if (el.type === 6 && el.options) out.push({ arg: el.value!, ordinal: el.pluralType === 'ordinal', keys: Object.keys(el.options), other: el.options.other?.location });
      if (el.options) for (const o of Object.values(el.options)) walk(o.value);
      if (el.children) walk(el.children);
    }
  };
  walk(parseLoc(msg));
  return out;
}

/** The plural categories a language needs. */
export function pluralCategories(locale: string, ordinal = false): string[] {
  return new Intl.PluralRules(locale, { type: ordinal ? 'ordinal' : 'cardinal' }).resolvedOptions().pluralCategories as string[];
}

/** Ranges of literal text in the raw message (where typography applies; never inside ICU syntax). */
function literalRanges(msg: string): [number, number][] {
  const out: [number, number][] = [];
  const walk = (els: El[]) => {
    for (const el of els) {
      if (el.type === 0 && el.location) out.push([el.location.start.offset, el.location.end.offset]);
      if (el.options) for (const o of Object.values(el.options)) walk(o.value);
      if (el.children) walk(el.children);
    }
  };
  walk(parseLoc(msg));
  return out;
}

const NNBSP = '\u202f';
const LETTER = /[\p{L}]/u;
/** Before : ; ! ? a character that ends a word (so no space at all is a fault), not a URL's or time's. */
const ENDS_WORD = /[\p{L}\p{N})}»’%]/u;

/** French typography faults in a message, as edits: [offset, length removed, text inserted, what]. */
export function frenchTypography(msg: string): [number, number, string, string][] {
  const edits: [number, number, string, string][] = [];
  for (const [a, b] of literalRanges(msg)) {
    for (let p = a; p < b; p++) {
      const ch = msg[p]!;
      const prev = msg[p - 1] ?? '';
      const next = msg[p + 1] ?? '';
      if (':;!?'.includes(ch)) {
        if (ch === ':' && next === '/') continue; // a URL
        if (prev === ' ' || prev === '\u00a0') {
          if (p - 1 >= a) edits.push([p - 1, 1, NNBSP, `space before "${ch}"`]);
        } else if (prev !== NNBSP && ENDS_WORD.test(prev) && (next === '' || /\s/.test(next) || ch !== ':' && ':;!?»'.includes(next))) {
          edits.push([p, 0, NNBSP, `no space before "${ch}"`]);
        }
      } else if (ch === '«') {
        if (next === ' ' || next === '\u00a0') edits.push([p + 1, 1, NNBSP, 'space after «']);
        else if (next !== NNBSP) edits.push([p + 1, 0, NNBSP, 'no space after «']);
      } else if (ch === '»') {
        if (prev === ' ' || prev === '\u00a0') {
          if (p - 1 >= a) edits.push([p - 1, 1, NNBSP, 'space before »']);
        } else if (prev !== NNBSP) edits.push([p, 0, NNBSP, 'no space before »']);
      } else if (ch === "'" && LETTER.test(prev) && LETTER.test(next)) {
        edits.push([p, 1, '’', "straight apostrophe '"]);
      }
    }
  }
  // An edit at a literal's start may concern the character before it (an argument's closing brace): keep one per offset.
  const seen = new Set<number>();
  return edits.filter((e) => !seen.has(e[0]) && seen.add(e[0]));
}

/** Applies edits (from the end, so offsets stay right). */
function applyEdits(msg: string, edits: [number, number, string, string][]): string {
  let out = msg;
  for (const [at, del, ins] of [...edits].sort((x, y) => y[0] - x[0])) out = out.slice(0, at) + ins + out.slice(at + del);
  return out;
}

/** A missing `many` added as a copy of `other` (French, Spanish, Portuguese: the same words in practice). */
export function addMany(msg: string, locale: string): string {
  if (!pluralCategories(locale).includes('many') || locale === 'ar') return msg;
  const edits: [number, number, string, string][] = [];
  for (const p of plurals(msg)) {
    if (p.ordinal || p.keys.includes('many') || !p.other) continue;
    const other = msg.slice(p.other.start.offset, p.other.end.offset);
    const keyword = msg.lastIndexOf('other', p.other.start.offset);
    edits.push([keyword, 0, `many ${other} `, 'many']);
  }
  return edits.length ? applyEdits(msg, edits) : msg;
}

/** Names and acronyms that stay the same in every language. */
const SAME_EVERYWHERE = ['Peerlink', 'CONNECT', 'OK'];

/** The language checks on loaded catalogues. */
export function checkLanguage(cats: Record<Locale, Record<string, string>>, glossary: Glossary): Violation[] {
  const out: Violation[] = [];
  const rules = new Map<string, { variant: string; re: RegExp; concept: string; term: string; allow: string[] }[]>();
  for (const c of glossary.concepts) {
    for (const l of LOCALES) {
      const u = c[l];
      if (!u?.avoid) continue;
      const list = rules.get(l) ?? [];
      for (const variant of u.avoid) list.push({ variant, re: variantPattern(variant, l), concept: c.concept, term: u.term, allow: (u.allow ?? []).map(fold) });
      rules.set(l, list);
    }
  }
  for (const l of LOCALES) {
    const same = new Set([...(glossary.sameAsEnglish?.[l] ?? [])]);
    for (const key of Object.keys(cats[l]).sort()) {
      const msg = cats[l][key]!;
      let text: string;
      try {
        text = literalText(msg);
      } catch {
        continue; // reported as syntax
      }
      // Glossary.
      for (const r of rules.get(l) ?? []) {
        let t = fold(text);
        for (const a of r.allow) t = t.split(a).join(' ');
        if (r.re.test(t)) out.push({ kind: 'glossary', key, detail: `${l}: "${r.variant}" for ${r.concept}; use "${r.term}"` });
      }
      // Plural forms.
      for (const p of plurals(msg)) {
        const need = pluralCategories(l, p.ordinal).filter((k) => !p.keys.includes(k));
        if (need.length) out.push({ kind: 'plural', key, detail: `${l}: {${p.arg}, plural} lacks ${need.join(', ')}` });
      }
      if (l !== 'en' && cats.en[key] !== undefined) {
        try {
          const mine = new Set(plurals(msg).map((p) => p.arg));
          for (const p of plurals(cats.en[key]!)) if (!mine.has(p.arg)) out.push({ kind: 'plural', key, detail: `${l}: {${p.arg}} is a plural in English but not here` });
        } catch {
          /* English syntax is reported elsewhere */
        }
      }
      // French typography.
      if (l === 'fr') {
        const faults = frenchTypography(msg);
        if (faults.length) out.push({ kind: 'typography', key, detail: `fr: ${[...new Set(faults.map((f) => f[3]))].join(', ')}` });
      }
      // English copied unchanged.
      if (l !== 'en' && msg === cats.en[key] && !same.has(msg)) {
        const words = text
          .replace(/\S+:\/\/\S+|\S+@\S+/g, ' ')
          .split(/[^\p{L}\p{N}'’-]+/u)
          .filter((w) => w && !SAME_EVERYWHERE.includes(w) && !/\p{N}/u.test(w) && w !== w.toUpperCase());
        if (words.join('').length > 4) out.push({ kind: 'untranslated', key, detail: `${l}: same as English "${msg.length > 60 ? `${msg.slice(0, 57)}...` : msg}"` });
      }
    }
  }
  return out;
}

/** The mechanical fixes (`--fix`), file by file, keeping each file's indentation. Returns how many strings changed per language. */
export function fixCatalogues(srcRoot: string): Record<string, number> {
  const changed: Record<string, number> = {};
  for (const folder of localeFolders(srcRoot)) {
    for (const l of LOCALES) {
      const f = join(folder, `${l}.json`);
      if (!existsSync(f)) continue;
      const raw = readFileSync(f, 'utf8');
      const data = JSON.parse(raw) as Record<string, string>;
      let n = 0;
      for (const [k, v] of Object.entries(data)) {
        let next = v;
        try {
          next = addMany(next, l);
          if (l === 'fr') next = applyEdits(next, frenchTypography(next));
        } catch {
          continue; // does not parse: left for the syntax check
        }
        if (next !== v) {
          data[k] = next;
          n++;
        }
      }
      if (n) {
        const indent = /\n([ \t]+)"/.exec(raw)?.[1] ?? ' ';
        writeFileSync(f, `${JSON.stringify(data, null, indent)}${raw.endsWith('\n') ? '\n' : ''}`);
        changed[l] = (changed[l] ?? 0) + n;
      }
    }
  }
  return changed;
}

if (import.meta.main) {
  const srcRoot = fileURLToPath(new URL('../src', import.meta.url));
  if (process.argv.includes('--fix')) {
    const changed = fixCatalogues(srcRoot);
    const done = Object.entries(changed).map(([l, n]) => `${l} ${n}`).join(', ');
    process.stdout.write(`check:i18n --fix: ${done ? `strings rewritten: ${done}` : 'nothing to rewrite'}\n`);
  }
  const v = checkI18n(srcRoot);
  if (v.length) {
    for (const x of v) process.stderr.write(`${x.kind.padEnd(12)} ${x.key}  ${x.detail}\n`);
    process.stderr.write(`\ncheck:i18n: ${v.length} problem(s)\n`);
    process.exit(1);
  }
  const n = Object.keys(loadCatalogues(srcRoot).en).length;
  process.stdout.write(`check:i18n: ${n} keys in ${LOCALES.length} languages, all present, used, parseable and consistent, in the glossary's terms, with their plural forms and typography\n`);
}
