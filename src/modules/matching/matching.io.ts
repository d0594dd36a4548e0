/**
 * Reading the interchange formats (shared/formats/README.md) for matching:
 * organisations and people (JSON Lines or CSV with `;`-separated lists) and
 * requests (JSON Lines). Never throws on bad content: every broken line is
 * reported with its line number and field, and the rest of the file is read.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { ORGANISATION_KINDS } from '../concepts/concepts.service.ts';
import type { MatchProfile, MatchRequest } from './matching.types.ts';

/** A problem in an input file. */
export type InputIssue = { file: string; line: number; field?: string; message: string };

/** `file:line: field "x": message` */
export function formatIssue(i: InputIssue): string {
  return `${i.file}:${i.line}:${i.field ? ` field "${i.field}":` : ''} ${i.message}`;
}

type Row = { line: number; data: Record<string, unknown> };

const FORMATS = ['expert_assignment', 'work_placement', 'roundtable', 'study_visit', 'virtual_exchange'];

/** Split file content into rows: CSV when the name ends in .csv, JSON Lines otherwise. */
export function readRows(file: string, content: string, issues: InputIssue[]): Row[] {
  const text = content.replace(/^\uFEFF/, '');
  if (/\.csv$/i.test(file)) {
    try {
      const records = parseCsv(text, { columns: true, skip_empty_lines: true, trim: true, relax_column_count: true, info: true, bom: true }) as unknown as Array<{ record: Record<string, string>; info: { lines: number } }>;
      return records.map((r) => ({ line: r.info.lines, data: Object.fromEntries(Object.entries(r.record).filter(([, v]) => v !== '' && v !== undefined)) }));
    } catch (e) {
      const line = (e as { lines?: number }).lines ?? 1;
      issues.push({ file, line, message: `CSV could not be read: ${(e as Error).message}` });
      return [];
    }
  }
  const rows: Row[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    try {
      const data = JSON.parse(raw) as unknown;
      if (!data || typeof data !== 'object' || Array.isArray(data)) issues.push({ file, line: i + 1, message: 'a line must be one JSON object' });
      else rows.push({ line: i + 1, data: data as Record<string, unknown> });
    } catch (e) {
      issues.push({ file, line: i + 1, message: `not valid JSON (${(e as Error).message})` });
    }
  });
  return rows;
}

type Ctx = { file: string; line: number; issues: InputIssue[]; ok: boolean };

function fail(c: Ctx, field: string, message: string) {
  c.issues.push({ file: c.file, line: c.line, field, message });
  c.ok = false;
}
function str(c: Ctx, d: Record<string, unknown>, field: string, required = false): string | undefined {
  const v = d[field];
  if (v === undefined || v === null || v === '') {
    if (required) fail(c, field, 'is required');
    return undefined;
  }
  if (typeof v !== 'string' && typeof v !== 'number') {
    fail(c, field, 'must be a string');
    return undefined;
  }
  return String(v).trim();
}
function list(c: Ctx, d: Record<string, unknown>, field: string): string[] | undefined {
  const v = d[field];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'string') return v.split(';').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.map((x) => String(x).trim()).filter(Boolean);
  fail(c, field, 'must be a list of strings');
  return undefined;
}
function num(c: Ctx, d: Record<string, unknown>, field: string, opts: { integer?: boolean; min?: number; max?: number } = {}): number | undefined {
  const v = d[field];
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (!Number.isFinite(n) || (opts.integer && !Number.isInteger(n)) || (opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max)) {
    fail(c, field, `must be ${opts.integer ? 'an integer' : 'a number'}${opts.min !== undefined ? ` ≥ ${opts.min}` : ''}${opts.max !== undefined ? ` and ≤ ${opts.max}` : ''}`);
    return undefined;
  }
  return n;
}
function intList(c: Ctx, d: Record<string, unknown>, field: string, min: number, max: number): number[] | undefined {
  const raw = list(c, d, field);
  if (!raw) return undefined;
  const out = raw.map(Number);
  if (out.some((n) => !Number.isInteger(n) || n < min || n > max)) {
    fail(c, field, `must be integers from ${min} to ${max}`);
    return undefined;
  }
  return out;
}
function langs(c: Ctx, d: Record<string, unknown>, field: string): string[] | undefined {
  const v = list(c, d, field);
  if (v && v.some((l) => !/^[a-z]{2}$/i.test(l))) {
    fail(c, field, 'must be ISO 639-1 codes (two letters)');
    return undefined;
  }
  return v?.map((l) => l.toLowerCase());
}
function common(c: Ctx, d: Record<string, unknown>, p: MatchProfile) {
  const region = str(c, d, 'region');
  if (region) p.region = region;
  const last = str(c, d, 'lastActiveAt');
  if (last) {
    if (Number.isNaN(Date.parse(last))) fail(c, 'lastActiveAt', 'must be an ISO date');
    else p.lastActiveAt = last;
  }
  const capacity = num(c, d, 'capacity', { integer: true, min: 0 });
  if (capacity !== undefined) p.capacity = capacity;
  const availability = intList(c, d, 'availability', 1, 12);
  if (availability) p.availability = availability;
  const formats = list(c, d, 'formats');
  if (formats) p.formats = formats;
  const ex = d.pastExchanges;
  if (ex !== undefined && ex !== '') {
    const arr = typeof ex === 'string' ? safeJson(ex) : ex;
    if (!Array.isArray(arr) || arr.some((e) => !e || typeof e !== 'object' || typeof (e as { year?: unknown }).year !== 'number')) fail(c, 'pastExchanges', 'must be a list of {year, theme, rating}');
    else p.pastExchanges = arr as MatchProfile['pastExchanges'];
  }
  const flags = d.flags;
  if (flags !== undefined && flags !== '') {
    const f = typeof flags === 'string' ? Object.fromEntries(flags.split(';').map((s) => [s.trim(), true])) : flags;
    if (!f || typeof f !== 'object' || Array.isArray(f)) fail(c, 'flags', 'must be an object {coastal, rural, capital}');
    else p.flags = f as MatchProfile['flags'];
  }
  const themes = list(c, d, 'themes');
  if (themes) p.themes = themes;
}
function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

/** Validate organisation rows. Broken lines are reported and left out. */
export function readOrganisations(file: string, content: string, issues: InputIssue[]): MatchProfile[] {
  const out: MatchProfile[] = [];
  const ids = new Set<string>();
  for (const { line, data: d } of readRows(file, content, issues)) {
    const c: Ctx = { file, line, issues, ok: true };
    const id = str(c, d, 'id', true);
    const name = str(c, d, 'name', true);
    const country = str(c, d, 'country', true);
    if (country && !/^[A-Za-z]{2}$/.test(country)) fail(c, 'country', 'must be an ISO 3166-1 alpha-2 code');
    const kind = str(c, d, 'kind') ?? 'municipality';
    if (!(ORGANISATION_KINDS as readonly string[]).includes(kind)) fail(c, 'kind', `must be one of ${ORGANISATION_KINDS.join(', ')}`);
    if (id && ids.has(id)) fail(c, 'id', `duplicate id ${id}`);
    const p: MatchProfile = { type: 'organisation', id: id ?? '', name, kind, country: country?.toUpperCase() };
    const population = num(c, d, 'population', { integer: true, min: 0 });
    if (population !== undefined) p.population = population;
    const l = langs(c, d, 'languages');
    if (l) p.languages = l;
    const offers = str(c, d, 'offers');
    if (offers) p.offers = offers;
    const seeks = str(c, d, 'seeks');
    if (seeks) p.seeks = seeks;
    // what the organisation asks for elsewhere (its open requests, as the app's store reads them): never expertise
    const needs = str(c, d, 'needs');
    if (needs) p.needs = needs;
    const sdgs = intList(c, d, 'sdgs', 1, 17);
    if (sdgs) p.sdgs = sdgs;
    num(c, d, 'lat', { min: -90, max: 90 });
    num(c, d, 'lon', { min: -180, max: 180 });
    common(c, d, p);
    if (c.ok && id) {
      ids.add(id);
      out.push(p);
    }
  }
  return out;
}

/** Validate people rows. */
export function readPeople(file: string, content: string, issues: InputIssue[]): MatchProfile[] {
  const out: MatchProfile[] = [];
  const ids = new Set<string>();
  for (const { line, data: d } of readRows(file, content, issues)) {
    const c: Ctx = { file, line, issues, ok: true };
    const id = str(c, d, 'id', true);
    const name = str(c, d, 'name', true);
    if (id && ids.has(id)) fail(c, 'id', `duplicate id ${id}`);
    const p: MatchProfile = { type: 'person', id: id ?? '', name };
    const org = str(c, d, 'organisation');
    if (org) p.organisation = org;
    const position = str(c, d, 'position');
    if (position) p.position = position;
    const jobFunction = str(c, d, 'jobFunction');
    if (jobFunction) p.jobFunction = jobFunction;
    const l = langs(c, d, 'languages');
    if (l) p.languages = l;
    const expertise = str(c, d, 'expertise');
    if (expertise) p.expertise = expertise;
    const country = str(c, d, 'country');
    if (country) p.country = country.toUpperCase();
    common(c, d, p);
    if (c.ok && id) {
      ids.add(id);
      out.push(p);
    }
  }
  return out;
}

/** Validate request rows. */
export function readRequests(file: string, content: string, issues: InputIssue[]): MatchRequest[] {
  const out: MatchRequest[] = [];
  const ids = new Set<string>();
  for (const { line, data: d } of readRows(file, content, issues)) {
    const c: Ctx = { file, line, issues, ok: true };
    const id = str(c, d, 'id', true);
    const title = str(c, d, 'title', true);
    const description = str(c, d, 'description', true);
    if (id && ids.has(id)) fail(c, 'id', `duplicate id ${id}`);
    const r: MatchRequest = { id, title, description };
    const org = str(c, d, 'organisation');
    if (org) r.organisation = org;
    const l = langs(c, d, 'languages');
    if (l) r.languages = l;
    const formats = list(c, d, 'formats');
    if (formats) {
      const bad = formats.filter((f) => !FORMATS.includes(f));
      if (bad.length) fail(c, 'formats', `unknown format ${bad.join(', ')} (expected ${FORMATS.join(', ')})`);
      else r.formats = formats;
    }
    const themes = list(c, d, 'themes');
    if (themes) r.themes = themes;
    const sdgs = intList(c, d, 'sdgs', 1, 17);
    if (sdgs) r.sdgs = sdgs;
    const country = str(c, d, 'country');
    if (country) r.country = country.toUpperCase();
    const position = str(c, d, 'position');
    if (position) r.position = position;
    const jobFunction = str(c, d, 'jobFunction');
    if (jobFunction) r.jobFunction = jobFunction;
    const months = intList(c, d, 'months', 1, 12);
    if (months) r.months = months;
    if (c.ok && id) {
      ids.add(id);
      out.push(r);
    }
  }
  return out;
}
