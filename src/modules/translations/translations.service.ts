/**
 * Machine translation of user content (issue 14): what another module shows a reader goes through
 * `readerView`, which gives each field in the reader's language when a machine translation of the
 * current text exists, asks for one when it does not (a row the background job picks up: the engine
 * is never called in the request path), and otherwise shows the original, labelled. Human
 * translations stay with their module and always win: a module asks here only for what has none.
 */
import { createHash } from 'node:crypto';
import type { DbOrTx } from '../../platform/db.ts';
import type { Config } from '../../platform/config.ts';
import type { Logger } from '../../platform/log.ts';
import type { Ctx, ServiceCtx } from '../../platform/http.ts';
import { engineOf, type Engine, type TranslateLang } from '../../platform/translate.ts';
import { ORIGINALS_COOKIE, type ReaderView, type ShownText } from '../../platform/html/user-content.ts';
import { getCookie } from 'hono/cookie';
import { detectLanguage } from '../concepts/concepts.service.ts';
import * as repo from './translations.repository.ts';

export type TranslationConfig = Pick<Config, 'translateUrl' | 'translateEngine' | 'translateApiKey'>;

const hashOf = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

const LANGUAGE_MEMO_SIZE = 5000;
const languageMemo = new Map<string, string | null>();

/**
 * The language a text is written in, when it is one of the five (null: unknown). A pure function of the
 * text, remembered for the last 5,000 texts: every directory page detects the language of each excerpt it
 * shows (function words, then franc), and the same excerpts are shown again and again.
 */
export function languageOf(text: string): string | null {
  const known = languageMemo.get(text);
  if (known !== undefined) return known;
  const lang = detectLanguage(text, undefined, true).lang;
  if (text.length <= 2000) {
    if (languageMemo.size >= LANGUAGE_MEMO_SIZE) languageMemo.delete(languageMemo.keys().next().value!);
    languageMemo.set(text, lang);
  }
  return lang;
}

/**
 * A subject's fields for one reader. `lang`: the language the author wrote in, when the module
 * knows it (otherwise detected from the text); `original`: the reader asked for the original.
 */
export async function readerView<F extends string>(
  ctx: Pick<ServiceCtx, 'db' | 'locale' | 'now'>,
  config: TranslationConfig,
  subject: string,
  subjectId: string,
  fields: Record<F, string>,
  opts: { lang?: string | null; original?: boolean } = {},
): Promise<ReaderView<F>> {
  const [v] = await readerViews(ctx, config, subject, [{ id: subjectId, fields, ...opts }]);
  return v!;
}

/** One subject for `readerViews`: its id, its fields, and `readerView`'s options. */
export type ReaderItem<F extends string> = { id: string; fields: Record<F, string>; lang?: string | null; original?: boolean };

/** Subjects per query in `readerViews` (one read, at most one insert and one update each). */
export const READER_VIEWS_CHUNK = 2000;

/**
 * `readerView` for many subjects of one kind into one language (the reader's, `ctx.locale`), in the order given:
 * each view is what `readerView` gives for it, but the table is read, asked and touched once per READER_VIEWS_CHUNK
 * subjects instead of once per subject (the match store indexes every profile this way). A subject given twice is
 * viewed both times against the rows as they were, and its last text is the one asked for.
 */
export async function readerViews<F extends string>(
  ctx: Pick<ServiceCtx, 'db' | 'locale' | 'now'>,
  config: TranslationConfig,
  subject: string,
  items: ReadonlyArray<ReaderItem<F>>,
): Promise<Array<ReaderView<F>>> {
  const target = ctx.locale;
  const engine = engineOf(config);
  const views: Array<ReaderView<F>> = new Array(items.length);
  const sources: Array<string | null> = new Array(items.length);
  const toRead: number[] = [];
  items.forEach((item, i) => {
    const names = Object.keys(item.fields) as F[];
    const sourceLang = (sources[i] = item.lang ?? languageOf(names.map((n) => item.fields[n]).join('\n\n')));
    if (!sourceLang || sourceLang === target) views[i] = asWritten(item.fields, sourceLang, 'as-written');
    else if (!engine || !engine.can(sourceLang, target)) views[i] = asWritten(item.fields, sourceLang, 'unavailable');
    else toRead.push(i);
  });
  for (let at = 0; at < toRead.length; at += READER_VIEWS_CHUNK) {
    const chunk = toRead.slice(at, at + READER_VIEWS_CHUNK);
    const found = new Map<string, Map<string, repo.TranslationRow>>();
    for (const r of await repo.findForMany(ctx.db, subject, [...new Set(chunk.map((i) => items[i]!.id))], target)) {
      let byField = found.get(r.subjectId);
      if (!byField) found.set(r.subjectId, (byField = new Map()));
      byField.set(r.field, r);
    }
    const missing = new Map<string, Missing>();
    const read: string[] = [];
    for (const i of chunk) {
      const item = items[i]!;
      views[i] = viewOf(item, subject, sources[i]!, target, found.get(item.id) ?? new Map(), missing, read);
    }
    await repo.request(ctx.db, [...missing.values()], ctx.now);
    await repo.touch(ctx.db, read, ctx.now);
  }
  return views;
}

type Missing = repo.Key & { sourceLang: string; sourceHash: string; sourceText: string };

/** The fields as written, in `sourceLang`. */
function asWritten<F extends string>(fields: Record<F, string>, sourceLang: string | null, state: ReaderView['state']): ReaderView<F> {
  const names = Object.keys(fields) as F[];
  return {
    fields: Object.fromEntries(names.map((n) => [n, { text: fields[n], lang: sourceLang } satisfies ShownText])) as Record<F, ShownText>,
    sourceLang,
    state,
    engine: null,
  };
}

/**
 * One subject's view from its rows (by field), for a pair the engine can translate: adds to `missing` the fields whose
 * translation is to be asked for (by key) and to `read` the rows shown.
 */
function viewOf<F extends string>(
  item: ReaderItem<F>,
  subject: string,
  sourceLang: string,
  target: string,
  found: Map<string, repo.TranslationRow>,
  missing: Map<string, Missing>,
  read: string[],
): ReaderView<F> {
  const { fields } = item;
  const names = Object.keys(fields) as F[];
  const shown = {} as Record<F, ShownText>;
  let engineName: string | null = null;
  let gaveUp = false;
  for (const n of names) {
    const text = fields[n];
    const row = found.get(n);
    const hash = hashOf(text);
    if (!text.trim()) shown[n] = { text, lang: sourceLang };
    else if (row && row.sourceHash === hash && row.state === 'done' && row.text !== null) {
      shown[n] = { text: row.text, lang: target };
      engineName = row.engine;
      read.push(row.id);
    } else {
      shown[n] = { text, lang: sourceLang };
      if (!row || row.sourceHash !== hash) missing.set(`${item.id}\u0000${n}`, { subject, subjectId: item.id, field: n, targetLang: target, sourceLang, sourceHash: hash, sourceText: text });
    }
    if (row?.state === 'failed' && row.sourceHash === hash && row.attempts >= repo.MAX_ATTEMPTS) gaveUp = true;
  }
  const complete = names.every((n) => !fields[n].trim() || shown[n].lang === target);
  // The engine gave up on this text (tried MAX_ATTEMPTS times): the original, labelled, not "being made" for ever.
  if (!complete && gaveUp) return asWritten(fields, sourceLang, 'unavailable');
  if (!complete) return asWritten(fields, sourceLang, 'pending');
  if (item.original) return { ...asWritten(fields, sourceLang, 'original'), engine: engineName };
  return { fields: shown, sourceLang, state: 'machine', engine: engineName };
}

/** `readerView` for a page: the reader's language, the platform's engine and `?original=1` from the request. */
export async function readerViewFor<F extends string>(c: Ctx, subject: string, subjectId: string, fields: Record<F, string>, lang?: string | null): Promise<ReaderView<F>> {
  // `?original=1` shows the original once; the "originals first" cookie always, unless `?original=0` asks for the translation.
  const asked = c.req.query('original');
  const originalsFirst = getCookie(c, ORIGINALS_COOKIE) === '1';
  const v = await readerView(c.var.ctx, c.var.deps.config, subject, subjectId, fields, { lang, original: asked === '1' || (asked !== '0' && originalsFirst) });
  return { ...v, originalsFirst };
}

/**
 * The background job: translates what readers asked for, a few rows at a time; safe on several
 * processes at once. A failure (engine down) is retried later, a few times. Returns how many were done.
 */
export async function translatePending(env: { db: DbOrTx; now: Date; config: TranslationConfig; log?: Logger }, limit = 20): Promise<number> {
  const engine: Engine | null = engineOf(env.config);
  if (!engine) return 0;
  const claimed = await repo.claim(env.db, limit, env.now);
  let done = 0;
  for (const row of claimed) {
    try {
      const text = await engine.translate(row.sourceText, row.sourceLang as TranslateLang, row.targetLang as TranslateLang);
      await repo.store(env.db, row.id, row.sourceHash, text, engine.kind, env.now);
      done++;
    } catch (e) {
      await repo.fail(env.db, row.id, row.sourceHash, env.now);
      // Never the text: it is people's content (SECURITY.md 30).
      env.log?.warn('machine translation failed', { subject: row.subject, field: row.field, pair: `${row.sourceLang}-${row.targetLang}`, error: (e as Error).message });
    }
  }
  return done;
}

/** Removes machine translations nobody read for 180 days (their subject may be gone; they are made again if asked). */
export function expireTranslations(db: DbOrTx, now: Date): Promise<number> {
  return repo.expire(db, new Date(now.getTime() - 180 * 86_400_000));
}
