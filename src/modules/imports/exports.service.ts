/**
 * Exports of the directory in the interchange formats (CSV or JSON Lines), streamed page by page
 * so that 100,000 rows never sit in memory at once. What comes out depends on who asks:
 * visitors get public fields; signed-in members also get organisations' contact emails;
 * platform staff (and the command line) get everything, including people's emails and the
 * unknown fields kept from imports, so that an export imports back unchanged.
 */
import { stringify } from 'csv-stringify/sync';
import type { DbOrTx } from '../../platform/db.ts';
import type { FileFormat } from './imports.reader.ts';
import { extraKeys, organisationsPage, peoplePage, type OrganisationExportRow, type PersonExportRow } from './imports.repository.ts';
import { canImports, isPlatformStaff, type ImportsActor } from './imports.policy.ts';

export type ExportCtx = { db: DbOrTx; actor: ImportsActor | null };
export type ExportInput = { format: FileFormat; pageSize?: number };

const PUBLIC_ORGANISATION_FIELDS = ['id', 'name', 'kind', 'country', 'region', 'subregion', 'population', 'languages', 'offers', 'seeks', 'themes', 'sdgs', 'website', 'lat', 'lon'] as const;
const PERSON_FIELDS = ['id', 'name', 'organisation', 'position', 'languages', 'expertise', 'themes'] as const;

// A spreadsheet runs a cell that starts with = + - @ (or a tab or CR before them) as a formula:
// such text is prefixed with an apostrophe, which the importer removes again.
const FORMULA = /^[=+\-@\t\r]/;
const cell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map((x) => cell(x)).join(';');
  if (typeof v === 'object') return JSON.stringify(v);
  const s = String(v);
  return typeof v === 'string' && FORMULA.test(s) ? `'${s}` : s;
};

/** A map with no prototype (issue 18.9): `constructor`, `toString` or `__proto__` are looked up as the fields they are, never inherited. */
const ownMap = (from?: Record<string, unknown> | null): Record<string, unknown> => Object.assign(Object.create(null) as Record<string, unknown>, from ?? {});

function organisationRecord(r: OrganisationExportRow, fields: readonly string[], withExtra: boolean): Record<string, unknown> {
  const full: Record<string, unknown> = { ...r, id: r.externalId ?? r.id };
  const out = withExtra ? ownMap(r.extra) : ownMap();
  for (const f of fields) out[f] = full[f];
  return out;
}

function personRecord(r: PersonExportRow, withEmail: boolean): Record<string, unknown> {
  const out = ownMap(r.extra);
  const full: Record<string, unknown> = { ...r, id: r.externalId ?? r.id };
  for (const f of PERSON_FIELDS) out[f] = full[f];
  if (withEmail) out.email = r.email;
  return out;
}

/** JSON Lines: empty values are left out; numbers stay numbers and lists stay lists. */
function jsonLine(rec: Record<string, unknown>): string {
  const clean = ownMap();
  for (const [k, v] of Object.entries(rec)) if (v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && !v.length)) clean[k] = v;
  return `${JSON.stringify(clean)}\n`;
}

function csvRows(records: Record<string, unknown>[], columns: string[], header: boolean): string {
  return stringify(
    records.map((r) => columns.map((c) => (Object.hasOwn(r, c) ? cell(r[c]) : ''))),
    { header, columns: header ? columns : undefined },
  );
}

async function* paged<T extends { name: string; id: string }>(read: (after: { name: string; id: string } | null, limit: number) => Promise<T[]>, size: number): AsyncGenerator<T[]> {
  let after: { name: string; id: string } | null = null;
  for (;;) {
    const page = await read(after, size);
    if (page.length) yield page;
    if (page.length < size) return;
    const last = page[page.length - 1]!;
    after = { name: last.name, id: last.id };
  }
}

/** The organisations directory as a stream of text chunks. Anyone may export it; fields depend on the actor (see above). */
export async function* exportOrganisations(ctx: ExportCtx, input: ExportInput): AsyncGenerator<string> {
  const staff = isPlatformStaff(ctx.actor);
  const fields: string[] = [...PUBLIC_ORGANISATION_FIELDS];
  if (canImports(ctx.actor, 'export.contacts')) fields.splice(fields.indexOf('website') + 1, 0, 'email');
  const extras = staff ? (await extraKeys(ctx.db, 'organisations')).filter((k) => !fields.includes(k)) : [];
  const columns = [...fields, ...extras];
  let first = true;
  for await (const page of paged((after, limit) => organisationsPage(ctx.db, after, limit, { publicOnly: !staff }), input.pageSize ?? 1000)) {
    const recs = page.map((r) => organisationRecord(r, fields, staff));
    if (input.format === 'jsonl') yield recs.map(jsonLine).join('');
    else yield csvRows(recs, columns, first);
    first = false;
  }
  if (first && input.format === 'csv') yield csvRows([], columns, true);
}

/**
 * The people directory as a stream of text chunks, with emails. Outcomes: the stream, or
 * `{ ok: false, reason: 'forbidden' }` for anyone but platform staff (the command line is staff).
 */
export async function exportPeople(ctx: ExportCtx, input: ExportInput): Promise<{ ok: true; chunks: AsyncGenerator<string> } | { ok: false; reason: 'forbidden' }> {
  if (!canImports(ctx.actor, 'export.people')) return { ok: false, reason: 'forbidden' };
  return { ok: true, chunks: peopleChunks(ctx, input) };
}

async function* peopleChunks(ctx: ExportCtx, input: ExportInput): AsyncGenerator<string> {
  const fields = [...PERSON_FIELDS, 'email'];
  const extras = (await extraKeys(ctx.db, 'people')).filter((k) => !fields.includes(k));
  const columns = [...fields, ...extras];
  let first = true;
  for await (const page of paged((after, limit) => peoplePage(ctx.db, after, limit), input.pageSize ?? 1000)) {
    const recs = page.map((r) => personRecord(r, true));
    if (input.format === 'jsonl') yield recs.map(jsonLine).join('');
    else yield csvRows(recs, columns, first);
    first = false;
  }
  if (first && input.format === 'csv') yield csvRows([], columns, true);
}
