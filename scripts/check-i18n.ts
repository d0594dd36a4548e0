/**
 * Checks the translation catalogues (`npm run check:i18n`; also run as a test):
 * - every key is present in all of en, fr, es, pt and ar, and no key is in two catalogues;
 * - every key is used somewhere in src/ (its literal string in quotes);
 * - every key-like literal used in src/ (`'namespace.some.key'`, first segment a catalogue
 *   namespace) exists in the English catalogue;
 * - every message parses as ICU MessageFormat (intl-messageformat's parser);
 * - every language uses the same placeholders as English.
 * Prints the violations and exits 1 when there are any.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { LOCALES, loadCatalogues, type Locale } from '../src/platform/i18n.ts';

export type Violation = { kind: 'missing' | 'unused' | 'undefined' | 'syntax' | 'placeholders' | 'duplicate' | 'empty'; key: string; detail: string };

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

/** Every violation in the catalogues under `srcRoot` and the code that uses them. */
export function checkI18n(srcRoot: string): Violation[] {
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

  return violations;
}

if (import.meta.main) {
  const srcRoot = fileURLToPath(new URL('../src', import.meta.url));
  const v = checkI18n(srcRoot);
  if (v.length) {
    for (const x of v) process.stderr.write(`${x.kind.padEnd(12)} ${x.key}  ${x.detail}\n`);
    process.stderr.write(`\ncheck:i18n: ${v.length} problem(s)\n`);
    process.exit(1);
  }
  const n = Object.keys(loadCatalogues(srcRoot).en).length;
  process.stdout.write(`check:i18n: ${n} keys in ${LOCALES.length} languages, all present, used, parseable and consistent\n`);
}
