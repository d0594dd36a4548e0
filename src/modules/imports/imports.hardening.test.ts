/**
 * Issue 18, the import and export parts:
 * - 18.4: a NUL (or other disallowed control character) in any field is a per-line issue naming the
 *   line and the field; the good lines are imported; the command line prints no query parameters.
 * - 18.11: a file in Latin-1 is refused as a whole, naming the encoding; an unclosed quote is
 *   reported at the line where it opens.
 * - 18.9: unknown fields are kept and read as own properties only: a property test imports random
 *   field names (with __proto__, constructor, toString…) and the staff exports (CSV and JSON Lines,
 *   command line and web) carry exactly the columns imported.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { asRole } from '../../../test/support/users.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { rows } from '../../platform/db.ts';
import { importOrganisations, importPeople, type ImportReport } from './imports.service.ts';
import { exportOrganisations, exportPeople } from './exports.service.ts';
import { ORGANISATION_FIELDS, PERSON_FIELDS } from './imports.rows.ts';
import type { FileFormat } from './imports.reader.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
});
after(() => t.close());

const ctx = () => ({ db: t.db, actor: 'cli' as const, now: t.clock.now() });
async function importOrgs(source: string | Buffer, format: FileFormat = 'csv'): Promise<ImportReport> {
  const r = await importOrganisations(ctx(), { source: Readable.from([typeof source === 'string' ? Buffer.from(source) : source]), format });
  assert.ok(r.ok);
  return r.report;
}
const names = async () => (await t.db.select({ n: organisations.name, x: organisations.externalId }).from(organisations)).map((r) => r.x).sort();
async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let s = '';
  for await (const c of chunks) s += c;
  return s;
}
const clear = () => rows(t.db, sql`delete from organisations`);

test('a NUL or another control character in any CSV or JSON Lines field: a per-line issue naming the field; the good lines are imported', async () => {
  await clear();
  const csv = ['id,name,country,offers,note', 'n-1,Almere,NL,,', 'n-2,Bad\u0000Name,NL,,', 'n-3,Gouda,NL,wat\u0007er,', 'n-4,Delft,NL,,x\u001By', 'n-5,Leiden,NL,,'].join('\n');
  const r = await importOrgs(csv);
  assert.deepEqual(
    r.issues.map((i) => [i.line, i.field, /control character \(U\+00(00|07|1B)\)/.test(i.message)]),
    [
      [3, 'name', true],
      [4, 'offers', true],
      [5, 'note', true],
    ],
  );
  assert.equal(r.inserted, 2);
  assert.deepEqual(await names(), ['n-1', 'n-5']);

  await clear();
  const jsonl = [{ id: 'j-1', name: 'Almere', country: 'NL' }, { id: 'j-2', name: 'Gouda', country: 'NL', tags: { 'a\u0000': 'x' } }, { id: 'j-3', name: 'Delft', country: 'NL', languages: ['nl', 'e\u0000n'] }, { id: 'j-4', name: 'Leiden', country: 'NL' }]
    .map((o) => JSON.stringify(o))
    .join('\n');
  const j = await importOrgs(jsonl, 'jsonl');
  assert.deepEqual(j.issues.map((i) => [i.line, i.field]), [
    [2, 'tags'],
    [3, 'languages'],
  ]);
  assert.deepEqual(await names(), ['j-1', 'j-4']);
  // People too.
  const p = await importPeople(ctx(), { source: Readable.from([Buffer.from('id,name,position\np-1,Ama,Mayor\np-2,Kofi,Plan\u0000ner\n')]), format: 'csv' });
  assert.ok(p.ok);
  assert.deepEqual(p.report.issues.map((i) => [i.line, i.field]), [[3, 'position']]);
  assert.equal(p.report.inserted, 1);
});

test('a file in Latin-1 is refused as a whole, naming the encoding and the line', async () => {
  await clear();
  const latin1 = Buffer.from('id,name,country\nl-1,Almere,NL\nl-2,Saint-\u00c9tienne,FR\nl-3,Gouda,NL\n', 'latin1');
  const r = await importOrgs(latin1);
  assert.equal(r.written, false);
  assert.equal(r.inserted, 0);
  assert.equal(r.issues.length, 1);
  assert.equal(r.issues[0]!.line, 3);
  assert.match(r.issues[0]!.message, /not UTF-8: it looks like Latin-1 \(ISO-8859-1\)/);
  assert.deepEqual(await names(), [], 'nothing imported, not even the lines before');
  // Windows-1252 (a curly quote is 0x92) is named as such; JSON Lines are checked the same way.
  const cp1252 = Buffer.concat([Buffer.from('{"id":"w-1","name":"Almere","country":"NL"}\n{"id":"w-2","name":"O'), Buffer.from([0x92]), Buffer.from('Neill","country":"IE"}\n')]);
  const w = await importOrgs(cp1252, 'jsonl');
  assert.match(w.issues[0]!.message, /Windows-1252/);
  assert.equal(w.issues[0]!.line, 2);
  assert.deepEqual(await names(), []);
  // A multi-byte character split across chunks is fine.
  const utf8 = Buffer.from('id,name,country\nu-1,Saint-\u00c9tienne,FR\n');
  const at = utf8.indexOf(0xc3) + 1;
  const split = await importOrganisations(ctx(), { source: Readable.from([utf8.subarray(0, at), utf8.subarray(at)]), format: 'csv' });
  assert.ok(split.ok);
  assert.equal(split.report.inserted, 1);
  assert.equal((await t.db.select().from(organisations).where(eq(organisations.externalId, 'u-1')))[0]!.name, 'Saint-\u00c9tienne');
});

test('an unclosed quote is reported at the line where it opens', async () => {
  await clear();
  const csv = ['id,name,country', 'q-1,Almere,NL', '', 'q-2,"Gouda,NL', 'q-3,Delft,NL', 'q-4,Leiden,NL'].join('\n');
  const r = await importOrgs(csv);
  assert.equal(r.issues.length, 1);
  assert.equal(r.issues[0]!.line, 4, JSON.stringify(r.issues));
  assert.match(r.issues[0]!.message, /quote opened on this line is never closed: lines 4 to 6/);
  assert.deepEqual(await names(), ['q-1']);
});

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const cli = new URL('../../cli.ts', import.meta.url).pathname;
  const child = spawn(process.execPath, [cli, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return once(child, 'close').then(([code]) => ({ code: code as number | null, stdout, stderr }));
}

test('command line: a NUL in a field is one line’s issue, the others are imported, no parameter is printed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'peerlink-cli-nul-'));
  try {
    const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL')) as Record<string, string>;
    const env = { ...base, NODE_ENV: 'test', DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent', PEERLINK_ADMIN_PASSWORD: '' };
    const csv = join(dir, 'orgs.csv');
    writeFileSync(csv, ['id,name,country,email', 'c-1,Almere,NL,secret-one@example.org', 'c-2,Nul\u0000Town,NL,secret-two@example.org', 'c-3,Gouda,NL,secret-three@example.org'].join('\n'));
    const imp = await run(['import', 'organisations', csv], env);
    assert.equal(imp.code, 1, imp.stderr);
    assert.match(imp.stderr, /orgs\.csv:3: field "name": contains a control character \(U\+0000\)/);
    assert.match(imp.stderr, /2 added/);
    assert.doesNotMatch(imp.stderr + imp.stdout, /secret-|params|Almere|Gouda/, 'nothing of the batch is printed');
    const latin = join(dir, 'latin.csv');
    writeFileSync(latin, Buffer.from('id,name,country\nc-9,Saint-\u00c9tienne,FR\n', 'latin1'));
    const l = await run(['import', 'organisations', latin], env);
    assert.equal(l.code, 1);
    assert.match(l.stderr, /latin\.csv:2: the file is not UTF-8: it looks like Latin-1/);
    assert.match(l.stderr, /nothing was written/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---------- 18.9: own properties only ----------

const KNOWN_ORG: ReadonlySet<string> = new Set(ORGANISATION_FIELDS);
const KNOWN_PERSON: ReadonlySet<string> = new Set(PERSON_FIELDS);
const fieldName = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__', 'prototype', 'toJSON', 'then'),
  fc.stringMatching(/^[a-z_][a-z0-9_]{0,10}$/),
);
const value = fc.stringMatching(/^[A-Za-z0-9 ]{1,12}$/).filter((s) => s.trim() !== '');

test('property: random unknown field names (with __proto__, constructor, toString…) are exported exactly as imported, CSV and JSON Lines', async () => {
  const staff = (await asRole(t, ['admin'])).client;
  let webChecks = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.uniqueArray(fieldName.filter((f) => !KNOWN_ORG.has(f) && !KNOWN_PERSON.has(f)), { minLength: 1, maxLength: 4 }),
      fc.array(fc.array(fc.option(value, { nil: undefined }), { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
      fc.constantFrom<FileFormat>('csv', 'jsonl'),
      async (extras, cells, format) => {
        await clear();
        await rows(t.db, sql`delete from people`);
        // Line i has value cells[i][j] (or nothing) for extra field j.
        const lines = cells.map((row, i) => {
          const own: Array<[string, string]> = extras.map((f, j) => [f, row[j] ?? ''] as [string, string]).filter(([, v]) => v !== '');
          return { id: `pp-${i}`, own };
        });
        let text: string;
        if (format === 'csv') text = [['id', 'name', 'country', ...extras].join(','), ...lines.map((l, i) => [l.id, `Town ${i}`, 'NL', ...extras.map((_, j) => cells[i]![j] ?? '')].join(','))].join('\n');
        else text = lines.map((l, i) => `{${[`"id":"${l.id}"`, `"name":"Town ${i}"`, `"country":"NL"`, ...l.own.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)].join(',')}}`).join('\n');
        const r = await importOrgs(text, format);
        assert.equal(r.issueCount, 0, JSON.stringify(r.issues));
        const expectedColumns = extras.filter((f) => lines.some((l) => l.own.some(([k]) => k === f))).sort();

        // The staff's CSV export: exactly the imported extra columns, and each cell what that line had.
        const csvOut = await collect(exportOrganisations({ db: t.db, actor: 'cli' }, { format: 'csv' }));
        const header = parse(csvOut, { to: 1 })[0] as string[];
        const extraCols = header.slice(header.indexOf('lon') + 1);
        assert.deepEqual([...extraCols].sort(), expectedColumns);
        const body = parse(csvOut, { from: 2 }) as string[][];
        for (const l of lines) {
          const row = body.find((x) => x[0] === l.id)!;
          for (const c of extraCols) assert.equal(row[header.indexOf(c)], l.own.find(([k]) => k === c)?.[1] ?? '', `${l.id}.${c}`);
        }
        // JSON Lines: each record's extra keys are exactly its own.
        const jsonOut = (await collect(exportOrganisations({ db: t.db, actor: 'cli' }, { format: 'jsonl' }))).trim().split('\n');
        for (const line of jsonOut) {
          const rec = JSON.parse(line) as Record<string, unknown>;
          const l = lines.find((x) => x.id === rec.id)!;
          const got = Object.keys(rec).filter((k) => !KNOWN_ORG.has(k)).sort();
          assert.deepEqual(got, l.own.map(([k]) => k).sort(), line);
          for (const [k, v] of l.own) assert.equal(rec[k], v);
        }
        // The web download as staff: the same columns (checked on a few runs: it is slower).
        if (webChecks++ < 5) {
          const web = await staff.get('/en/organisations/export.csv');
          assert.equal(web.status, 200);
          const wh = parse(web.body_, { to: 1 })[0] as string[];
          assert.deepEqual(wh.slice(wh.indexOf('lon') + 1).sort(), expectedColumns);
        }
        // People (command line export): the same, through the person import.
        const ptext = [['id', 'name', ...extras].join(','), ...lines.map((l, i) => [`per-${i}`, `Person ${i}`, ...extras.map((_, j) => cells[i]![j] ?? '')].join(','))].join('\n');
        const pr = await importPeople(ctx(), { source: Readable.from([Buffer.from(ptext)]), format: 'csv' });
        assert.ok(pr.ok && pr.report.issueCount === 0);
        const pe = await exportPeople({ db: t.db, actor: 'cli' }, { format: 'csv' });
        assert.ok(pe.ok);
        const pcsv = await collect(pe.chunks);
        const ph = parse(pcsv, { to: 1 })[0] as string[];
        assert.deepEqual(ph.filter((c) => !KNOWN_PERSON.has(c)).sort(), expectedColumns);
      },
    ),
    { numRuns: 30, seed: 18_9 },
  );
});
