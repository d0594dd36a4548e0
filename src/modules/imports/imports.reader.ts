/**
 * Streams the records of an interchange file, one at a time, with the line each came from:
 * JSON Lines (one object a line) or CSV with a header row. A line that cannot be read at all
 * (broken JSON, a CSV row with a stray quote) comes back as an issue and reading goes on.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';

export type FileFormat = 'csv' | 'jsonl';

export type ReadItem = { line: number; data: Record<string, unknown> } | { line: number; error: string };

/** The format a file name implies (`.csv`, `.jsonl`/`.ndjson`/`.json`), or undefined. */
export function formatOf(file: string): FileFormat | undefined {
  if (/\.csv$/i.test(file)) return 'csv';
  if (/\.(jsonl|ndjson|json)$/i.test(file)) return 'jsonl';
  return undefined;
}

/** A file path, or `-` for standard input. */
export function openInput(file: string): Readable {
  return file === '-' ? process.stdin : createReadStream(file);
}

// A spreadsheet would run a cell starting with = + - @ as a formula; exports prefix such text
// with an apostrophe (see exports.service.ts) and imports take it away again.
const ESCAPED_FORMULA = /^'(?=[=+\-@\t\r])/;

/**
 * The file is not UTF-8 (issue 18.11): the import is refused as a whole, naming the encoding it looks
 * like and the line of the first byte that is not UTF-8, instead of importing "�".
 */
export class FileEncodingError extends Error {
  readonly line: number;
  constructor(line: number, encoding: string) {
    super(`the file is not UTF-8: it looks like ${encoding}. Save it as UTF-8 (in a spreadsheet: CSV UTF-8) and import it again; nothing was imported`);
    this.name = 'FileEncodingError';
    this.line = line;
  }
}

/** What a byte string that is not UTF-8 probably is: Windows-1252 uses 0x80–0x9F for printable characters, ISO-8859-1 does not. */
function guessEncoding(bytes: Uint8Array): string {
  for (const b of bytes) if (b >= 0x80 && b <= 0x9f) return 'Windows-1252 (Latin-1 as Windows writes it)';
  return 'Latin-1 (ISO-8859-1)';
}

/** The index of the first byte that cannot start or continue a UTF-8 character (an approximation good enough to name a line), or -1. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const x = b[i]!;
    const n = x < 0x80 ? 1 : x >= 0xc2 && x <= 0xdf ? 2 : x >= 0xe0 && x <= 0xef ? 3 : x >= 0xf0 && x <= 0xf4 ? 4 : 0;
    if (!n) return i;
    for (let k = 1; k < n; k++) if (i + k < b.length && (b[i + k]! & 0xc0) !== 0x80) return i;
    i += n;
  }
  return -1;
}

/** The same bytes, checked as UTF-8 on the way (a multi-byte character may straddle chunks); the first invalid byte throws FileEncodingError. */
async function* utf8Checked(input: Readable): AsyncGenerator<Buffer | string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    if (typeof chunk === 'string') {
      yield chunk; // already text
      continue;
    }
    try {
      decoder.decode(chunk, { stream: true });
    } catch {
      const at = Math.max(0, firstInvalidUtf8(chunk));
      for (let i = 0; i < at; i++) if (chunk[i] === 0x0a) line++;
      throw new FileEncodingError(line, guessEncoding(chunk));
    }
    for (const b of chunk) if (b === 0x0a) line++;
    yield chunk;
  }
  try {
    decoder.decode();
  } catch {
    throw new FileEncodingError(line, 'Latin-1 (ISO-8859-1)');
  }
}

/** The records of a stream in the given format. Throws FileEncodingError when the bytes are not UTF-8. */
export async function* readRecords(input: Readable, format: FileFormat): AsyncGenerator<ReadItem> {
  const checked = Readable.from(utf8Checked(input), { objectMode: false });
  if (format === 'jsonl') yield* readJsonLines(checked);
  else yield* readCsv(checked);
}

async function* readJsonLines(input: Readable): AsyncGenerator<ReadItem> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const raw of rl) {
    line++;
    const s = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (!s.trim()) continue;
    let data: unknown;
    try {
      data = JSON.parse(s);
    } catch (e) {
      yield { line, error: `not valid JSON (${(e as Error).message})` };
      continue;
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) yield { line, error: 'a line must be one JSON object' };
    else yield { line, data: Object.assign(Object.create(null) as Record<string, unknown>, data) };
  }
}

async function* readCsv(input: Readable): AsyncGenerator<ReadItem> {
  const skipped: ReadItem[] = [];
  // Where the record being read began: after the last record (the header is line 1) and any empty lines.
  let lastEnd = 1;
  let emptyBefore = 0;
  const parser = input.pipe(
    parse({
      columns: (header: string[]) => header.map((h) => h.trim()),
      bom: true,
      info: true,
      skip_empty_lines: true,
      // A short row (trailing empty cells left out) is fine; a row longer than the header is an issue.
      relax_column_count_less: true,
      skip_records_with_error: true,
      on_skip: (err) => {
        if (!err) return;
        const e = err as { lines?: number; empty_lines?: number; code?: string };
        const end = e.lines ?? 0;
        if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
          // Reported where the quote opens (the record's first line), not at the end of the file it swallowed.
          const start = lastEnd + 1 + Math.max(0, (e.empty_lines ?? 0) - emptyBefore);
          skipped.push({ line: start, error: `a quote opened on this line is never closed: lines ${start} to ${end} could not be read` });
        } else skipped.push({ line: end, error: `CSV row could not be read: ${err.message}` });
        lastEnd = end;
        emptyBefore = e.empty_lines ?? emptyBefore;
      },
    }),
  );
  // The source's errors (an encoding refused) reach the reader of the parser.
  input.once('error', (e) => parser.destroy(e));
  for await (const rec of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number; empty_lines: number } }>) {
    lastEnd = rec.info.lines;
    emptyBefore = rec.info.empty_lines;
    while (skipped.length) yield skipped.shift()!;
    // Own properties only (issue 18.9): a column named __proto__ or constructor is a field like any other.
    const data: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const [k, v] of Object.entries(rec.record)) {
      if (v === undefined || k === '') continue;
      data[k] = ESCAPED_FORMULA.test(v) ? v.slice(1) : v;
    }
    yield { line: rec.info.lines, data };
  }
  while (skipped.length) yield skipped.shift()!;
}
