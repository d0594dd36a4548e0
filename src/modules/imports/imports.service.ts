/**
 * Importing organisations and people from the interchange formats. A file is read as a stream, checked
 * record by record and staged in large batches, then written in one set-based upsert (the bulk path: see
 * mergeStage in imports.repository.ts), all inside one transaction. A bad line is reported with
 * its number and field and left out; with `strict`, any bad line leaves the database untouched.
 * Importing the same ids again updates the rows instead of adding new ones.
 */
import type { Readable } from 'node:stream';
import type { Db } from '../../platform/db.ts';
import { audit } from '../../platform/audit.ts';
import { FileEncodingError, readRecords, type FileFormat } from './imports.reader.ts';
import { checkOrganisation, checkPerson } from './imports.rows.ts';
import { analyze, createStage, isEmpty, mergeStage, stageOrganisations, stagePeople, vacuumConcepts, organisationIdsByExternalId, type OrganisationWrite, type PersonWrite } from './imports.repository.ts';
import { canImports, type ImportsActor } from './imports.policy.ts';

export type ImportIssue = { line: number; field?: string; message: string };

export type ImportReport = {
  kind: 'organisations' | 'people';
  /** Records read (good and bad). */
  read: number;
  inserted: number;
  updated: number;
  /** Lines left out because of an issue. */
  rejected: number;
  /** The first `maxIssues` issues, in file order. */
  issues: ImportIssue[];
  /** All issues, including those beyond `maxIssues`. */
  issueCount: number;
  /** False when nothing was written (strict mode with issues). */
  written: boolean;
};

export type ImportCtx = { db: Db; actor: ImportsActor; now: Date };
/** Where an import is: `reading` (records read so far), then `writing` (into the table), `indexing`, `done`. */
export type ImportProgress = { phase: 'reading' | 'writing' | 'indexing' | 'done'; read: number };
export type ImportInput = {
  source: Readable;
  format: FileFormat;
  strict?: boolean;
  batchSize?: number;
  maxIssues?: number;
  /** Called after each batch read and at each phase (for a progress bar). */
  onProgress?: (p: ImportProgress) => void;
};

export type ImportOutcome = { ok: true; report: ImportReport } | { ok: false; reason: 'forbidden' };

class Rollback extends Error {}

const DEFAULT_BATCH = 5000;
const DEFAULT_MAX_ISSUES = 1000;
/** Rows written after which the planner's statistics are refreshed. */
const ANALYZE_AFTER = 5000;

function newReport(kind: ImportReport['kind']): ImportReport {
  return { kind, read: 0, inserted: 0, updated: 0, rejected: 0, issues: [], issueCount: 0, written: true };
}

function addIssue(report: ImportReport, max: number, issue: ImportIssue) {
  report.issueCount++;
  if (report.issues.length < max) report.issues.push(issue);
}

/** After a rolled-back import: nothing was written. A file that is not UTF-8 is refused as a whole, with its line. */
function refused(e: unknown, report: ImportReport, max: number): void {
  if (e instanceof FileEncodingError) addIssue(report, max, { line: e.line, message: e.message });
  else if (!(e instanceof Rollback)) throw e;
  report.written = false;
  report.inserted = 0;
  report.updated = 0;
}

type Checked<T> = { ok: true; value: T & { id: string }; extra: Record<string, unknown> } | { ok: false; issues: Omit<ImportIssue, 'line'>[] };

/**
 * The valid records of a file, in order, with their line numbers. Unreadable lines, lines that
 * break a rule and repeated ids are counted as rejected and reported; they are not yielded.
 */
async function* checkedRecords<T>(input: ImportInput, check: (data: Record<string, unknown>) => Checked<T>, report: ImportReport, max: number) {
  const firstLine = new Map<string, number>();
  for await (const item of readRecords(input.source, input.format)) {
    report.read++;
    if ('error' in item) {
      report.rejected++;
      addIssue(report, max, { line: item.line, message: item.error });
      continue;
    }
    const c = check(item.data);
    if (!c.ok) {
      report.rejected++;
      for (const i of c.issues) addIssue(report, max, { line: item.line, ...i });
      continue;
    }
    const seen = firstLine.get(c.value.id);
    if (seen !== undefined) {
      report.rejected++;
      addIssue(report, max, { line: item.line, field: 'id', message: `duplicate id "${c.value.id}" (first on line ${seen})` });
      continue;
    }
    firstLine.set(c.value.id, item.line);
    yield { line: item.line, value: c.value, extra: c.extra };
  }
}

/**
 * Imports organisations. Outcomes: `{ ok: true, report }` (issues listed in the report, nothing
 * written if `strict` and any issue), `{ ok: false, reason: 'forbidden' }` for anyone but the
 * command line or a platform admin.
 */
export async function importOrganisations(ctx: ImportCtx, input: ImportInput): Promise<ImportOutcome> {
  if (!canImports(ctx.actor, 'import')) return { ok: false, reason: 'forbidden' };
  const report = newReport('organisations');
  const max = input.maxIssues ?? DEFAULT_MAX_ISSUES;
  const size = input.batchSize ?? DEFAULT_BATCH;
  try {
    await ctx.db.transaction(async (tx) => {
      const bulk = await isEmpty(tx, 'organisations');
      await createStage(tx, 'organisations');
      let batch: OrganisationWrite[] = [];
      const flush = async () => {
        await stageOrganisations(tx, batch);
        batch = [];
        input.onProgress?.({ phase: 'reading', read: report.read });
      };
      for await (const rec of checkedRecords(input, checkOrganisation, report, max)) {
        if (input.strict && report.issueCount) continue; // nothing will be written: only keep checking
        batch.push({ record: rec.value, extra: rec.extra });
        if (batch.length >= size) await flush();
      }
      if (input.strict && report.issueCount) throw new Rollback();
      await flush();
      const r = await mergeStage(tx, 'organisations', ctx.now, { bulk, onPhase: (phase) => input.onProgress?.({ phase: phase as ImportProgress['phase'], read: report.read }) });
      report.inserted = r.inserted;
      report.updated = r.updated;
      if (report.inserted + report.updated >= ANALYZE_AFTER) await analyze(tx, 'organisations');
      await audit(tx, ctx.now, { actorId: ctx.actor === 'cli' ? null : ctx.actor.id, action: 'imports.organisations', objectType: 'organisations', outcome: 'ok' });
    });
  } catch (e) {
    refused(e, report, max);
  }
  if (report.inserted + report.updated >= ANALYZE_AFTER) await vacuumConcepts(ctx.db, 'organisations');
  input.onProgress?.({ phase: 'done', read: report.read });
  report.issues.sort((a, b) => a.line - b.line);
  return { ok: true, report };
}

/**
 * Imports people. `organisation` must name an organisation already in the database (by the id
 * its import gave it, or by its uuid). Outcomes as for importOrganisations.
 */
export async function importPeople(ctx: ImportCtx, input: ImportInput): Promise<ImportOutcome> {
  if (!canImports(ctx.actor, 'import')) return { ok: false, reason: 'forbidden' };
  const report = newReport('people');
  const max = input.maxIssues ?? DEFAULT_MAX_ISSUES;
  const size = input.batchSize ?? DEFAULT_BATCH;
  try {
    await ctx.db.transaction(async (tx) => {
      const bulk = await isEmpty(tx, 'people');
      await createStage(tx, 'people');
      let batch: (PersonWrite & { line: number })[] = [];
      const flush = async () => {
        const refs = [...new Set(batch.map((b) => b.record.organisation).filter((x): x is string => !!x))];
        const ids = await organisationIdsByExternalId(tx, refs);
        const good: PersonWrite[] = [];
        for (const b of batch) {
          const ref = b.record.organisation;
          if (ref && !ids.has(ref) && !ids.has(ref.toLowerCase())) {
            report.rejected++;
            addIssue(report, max, { line: b.line, field: 'organisation', message: `no organisation with id "${ref}" (import the organisations first)` });
            continue;
          }
          good.push({ ...b, organisationId: ref ? (ids.get(ref) ?? ids.get(ref.toLowerCase()) ?? null) : null });
        }
        batch = [];
        input.onProgress?.({ phase: 'reading', read: report.read });
        if (input.strict && report.issueCount) return;
        await stagePeople(tx, good);
      };
      for await (const rec of checkedRecords(input, checkPerson, report, max)) {
        batch.push({ record: rec.value, extra: rec.extra, organisationId: null, line: rec.line });
        if (batch.length >= size) await flush();
      }
      await flush();
      if (input.strict && report.issueCount) throw new Rollback();
      const r = await mergeStage(tx, 'people', ctx.now, { bulk, onPhase: (phase) => input.onProgress?.({ phase: phase as ImportProgress['phase'], read: report.read }) });
      report.inserted = r.inserted;
      report.updated = r.updated;
      if (report.inserted + report.updated >= ANALYZE_AFTER) await analyze(tx, 'people');
      await audit(tx, ctx.now, { actorId: ctx.actor === 'cli' ? null : ctx.actor.id, action: 'imports.people', objectType: 'people', outcome: 'ok' });
    });
  } catch (e) {
    refused(e, report, max);
  }
  if (report.inserted + report.updated >= ANALYZE_AFTER) await vacuumConcepts(ctx.db, 'people');
  input.onProgress?.({ phase: 'done', read: report.read });
  report.issues.sort((a, b) => a.line - b.line);
  return { ok: true, report };
}

/** `line 12, field "country": "ZZ" is not …` */
export function formatImportIssue(file: string, i: ImportIssue): string {
  return `${file}:${i.line}:${i.field ? ` field "${i.field}":` : ''} ${i.message}`;
}
