/**
 * `peerlink match`: rank partners for requests read from interchange files,
 * with no database. One JSON line a request on stdout (formats/README.md,
 * "match results"); problems on stderr.
 *
 *   npm run cli -- match --organisations FILE [--people FILE] --requests FILE [--top K]
 *                        [--strict] [--require-language] [--no-diversity] [--type organisation|person]
 *                        [--weights JSON] [--now ISO] [--translate-url URL] [--translate-engine apertium|libretranslate]
 *
 * With a translation engine (`--translate-url`, else TRANSLATE_URL as the server reads it; TRANSLATE_ENGINE,
 * TRANSLATE_API_KEY likewise), each request not in English is translated into English, title and description
 * each, as the app's translations module does, and the translation is extra query evidence as on the broker's
 * page (issue 15); so is each profile's know-how not in English (`profileKnowHow`, one field, as the app's store asks
 * the translations module for it): with the same engine, the CLI and the page rank alike. A failure is a notice; the
 * request or profile is then ranked or indexed without it.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { engineOf, type Engine, type TranslateLang } from '../../platform/translate.ts';
import { languageOf } from '../translations/translations.service.ts';
import { createMatchIndex, profileKnowHow } from './matching.engine.ts';
import { formatIssue, readOrganisations, readPeople, readRequests } from './matching.io.ts';
import type { InputIssue } from './matching.io.ts';
import { renderReason } from './matching.reasons.ts';
import { DEFAULT_WEIGHTS } from './matching.types.ts';
import type { MatchProfile, MatchRequest, MatchWeights, ProfileType } from './matching.types.ts';

const USAGE = `usage: peerlink match --organisations FILE [--people FILE] --requests FILE [--top K]
       [--strict] [--require-language] [--no-diversity] [--type organisation|person] [--weights JSON] [--now ISO]
       [--translate-url URL] [--translate-engine apertium|libretranslate]
  files: JSON Lines (.jsonl) or, for organisations and people, CSV (.csv, lists separated by ';')`;

/** Run the command; returns the exit code (0 ok, 1 input error, 2 usage). */
export async function matchCommand(argv: string[], io: { out?: (s: string) => void; err?: (s: string) => void } = {}): Promise<number> {
  const out = io.out ?? ((s: string) => process.stdout.write(s));
  const err = io.err ?? ((s: string) => process.stderr.write(s));
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        organisations: { type: 'string' },
        people: { type: 'string' },
        requests: { type: 'string' },
        top: { type: 'string' },
        strict: { type: 'boolean' },
        'require-language': { type: 'boolean' },
        'no-diversity': { type: 'boolean' },
        type: { type: 'string' },
        weights: { type: 'string' },
        now: { type: 'string' },
        'translate-url': { type: 'string' },
        'translate-engine': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    err(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    out(`${USAGE}\n`);
    return 0;
  }
  if (!values.requests || (!values.organisations && !values.people)) {
    err(`--requests and --organisations (or --people) are required\n${USAGE}\n`);
    return 2;
  }
  const top = values.top === undefined ? 10 : Number(values.top);
  if (!Number.isInteger(top) || top < 1 || top > 1000) {
    err(`--top must be an integer from 1 to 1000\n${USAGE}\n`);
    return 2;
  }
  const type = values.type as string | undefined;
  if (type && type !== 'organisation' && type !== 'person') {
    err(`--type must be organisation or person\n${USAGE}\n`);
    return 2;
  }
  let weights: Partial<MatchWeights> | undefined;
  if (typeof values.weights === 'string') {
    try {
      const w = JSON.parse(values.weights) as Record<string, unknown>;
      if (!w || typeof w !== 'object') throw new Error('not an object');
      for (const [k, v] of Object.entries(w)) {
        if (!(k in DEFAULT_WEIGHTS)) throw new Error(`unknown weight ${k} (known: ${Object.keys(DEFAULT_WEIGHTS).join(', ')})`);
        if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new Error(`weight ${k} must be a number ≥ 0`);
      }
      weights = w as Partial<MatchWeights>;
    } catch (e) {
      err(`--weights: ${(e as Error).message}\n`);
      return 2;
    }
  }

  const now = typeof values.now === 'string' ? new Date(values.now) : undefined;
  if (now && Number.isNaN(now.getTime())) {
    err(`--now must be an ISO date-time\n${USAGE}\n`);
    return 2;
  }

  const translateUrl = (values['translate-url'] as string | undefined) ?? process.env.TRANSLATE_URL;
  const translateEngine = (values['translate-engine'] as string | undefined) ?? process.env.TRANSLATE_ENGINE ?? 'apertium';
  if (translateEngine !== 'apertium' && translateEngine !== 'libretranslate') {
    err(`--translate-engine must be apertium or libretranslate\n${USAGE}\n`);
    return 2;
  }
  const engine = translateUrl ? engineOf({ translateUrl, translateEngine, translateApiKey: process.env.TRANSLATE_API_KEY }) : null;

  const issues: InputIssue[] = [];
  const read = (file: string): string | null => {
    try {
      return readFileSync(file, 'utf8');
    } catch (e) {
      err(`${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
      return null;
    }
  };
  const files: Array<[string | undefined, (f: string, c: string, i: InputIssue[]) => unknown[]]> = [
    [values.organisations as string | undefined, readOrganisations],
    [values.people as string | undefined, readPeople],
    [values.requests as string, readRequests],
  ];
  const contents: unknown[][] = [];
  for (const [file, reader] of files) {
    if (!file) {
      contents.push([]);
      continue;
    }
    const content = read(file);
    if (content === null) return 1;
    contents.push(reader(file, content, issues));
  }
  const [organisations, people, requests] = contents as [ReturnType<typeof readOrganisations>, ReturnType<typeof readPeople>, ReturnType<typeof readRequests>];
  for (const issue of issues) err(`${formatIssue(issue)}\n`);
  if (issues.length && values.strict) {
    err(`${issues.length} problem(s) found; nothing written (--strict)\n`);
    return 1;
  }

  const index = createMatchIndex();
  const byText = new Map<string, Promise<string | undefined>>();
  for (const p of [...organisations, ...people]) {
    const translation = engine ? await profileTranslationOf(engine, p, byText, (notice) => err(`notice: ${p.type} ${p.id}: ${notice}\n`)) : undefined;
    for (const notice of index.upsert(translation ? { ...p, translation } : p)) err(`notice: ${notice}\n`);
  }
  const knownOrgs = new Set(organisations.map((o) => o.id));
  for (const p of people) if (p.organisation && !knownOrgs.has(p.organisation)) err(`notice: person ${p.id}: organisation ${p.organisation} is not in the organisations file\n`);

  const lines: string[] = [];
  for (const request of requests) {
    const translation = engine ? await translationOf(engine, request, (notice) => err(`notice: request ${request.id}: ${notice}\n`)) : undefined;
    const result = index.rank(translation ? { ...request, translation } : request, {
      top,
      weights,
      filters: { requireLanguage: !!values['require-language'], ...(type ? { types: [type as ProfileType] } : {}) },
      diversity: !values['no-diversity'],
      now,
    });
    for (const notice of result.notices) err(`notice: request ${request.id}: ${notice}\n`);
    lines.push(JSON.stringify({
      request: request.id,
      // the engine's score as the app's API gives it (rounded to 4 decimals by the engine), so both can be compared exactly
      matches: result.matches.map((m) => ({ id: m.id, type: m.type, score: m.score, reasons: m.reasons.map(renderReason) })),
    }));
  }
  if (lines.length) out(`${lines.join('\n')}\n`);
  if (!requests.length) {
    err('no valid request to match\n');
    return 1;
  }
  return 0;
}

/**
 * The request's title and description in English, each translated as the translations module translates a field for
 * a reader (its language detected from both, as `readerView` does), joined as the app joins them for the engine.
 * Undefined for an English request, a language the engine cannot translate, or a failure (told as a notice).
 */
async function translationOf(engine: Engine, request: MatchRequest, notice: (s: string) => void): Promise<string | undefined> {
  const title = request.title ?? '';
  const description = request.description ?? '';
  const lang = languageOf(`${title}\n\n${description}`);
  if (!lang || lang === 'en' || !engine.can(lang, 'en')) return undefined;
  try {
    const field = (text: string) => (text.trim() ? engine.translate(text, lang as TranslateLang, 'en') : Promise.resolve(text));
    return `${await field(title)}\n${await field(description)}`;
  } catch (e) {
    notice(`no machine translation (${(e as Error).message}); ranked without it`);
    return undefined;
  }
}

/**
 * A profile's know-how in English, translated as the app's store has the translations module translate it (one field,
 * its language detected as `readerView` does); each distinct text once. Undefined for English or empty text, a
 * language the engine cannot translate, or a failure (told as a notice).
 */
async function profileTranslationOf(engine: Engine, p: MatchProfile, byText: Map<string, Promise<string | undefined>>, notice: (s: string) => void): Promise<string | undefined> {
  const text = profileKnowHow(p);
  if (!text.trim()) return undefined;
  const lang = languageOf(text);
  if (!lang || lang === 'en' || !engine.can(lang, 'en')) return undefined;
  let t = byText.get(text);
  if (!t) byText.set(text, (t = engine.translate(text, lang as TranslateLang, 'en').catch((e: Error) => {
    notice(`no machine translation (${e.message}); indexed without it`);
    return undefined;
  })));
  return t;
}

if (import.meta.main) {
  matchCommand(process.argv.slice(2).filter((a, i) => !(i === 0 && a === 'match'))).then((code) => process.exit(code));
}
