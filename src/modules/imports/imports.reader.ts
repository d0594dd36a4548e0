/**
 * Streams the records of an interchange file, one at a time, with the line each came from:
 * JSON Lines (one object a line) or CSV with a header row. A line that cannot be read at all
 * (broken JSON, a CSV row with a stray quote) comes back as an issue and reading goes on.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
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

/** The records of a stream in the given format. */
export async function* readRecords(input: Readable, format: FileFormat): AsyncGenerator<ReadItem> {
  if (format === 'jsonl') yield* readJsonLines(input);
  else yield* readCsv(input);
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
    else yield { line, data: data as Record<string, unknown> };
  }
}

async function* readCsv(input: Readable): AsyncGenerator<ReadItem> {
  const skipped: ReadItem[] = [];
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
        if (err) skipped.push({ line: (err as { lines?: number }).lines ?? 0, error: `CSV row could not be read: ${err.message}` });
      },
    }),
  );
  for await (const rec of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    while (skipped.length) yield skipped.shift()!;
    const data: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rec.record)) {
      if (v === undefined || k === '') continue;
      data[k] = ESCAPED_FORMULA.test(v) ? v.slice(1) : v;
    }
    yield { line: rec.info.lines, data };
  }
  while (skipped.length) yield skipped.shift()!;
}
