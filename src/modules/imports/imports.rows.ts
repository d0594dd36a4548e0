/**
 * The interchange formats (shared/formats/README.md) as zod schemas, one record at a time.
 * A record is what one line of JSON Lines or one CSV row gave: CSV values are strings (lists
 * separated by `;`), JSON values may already be numbers and arrays. Fields the format does not
 * know are returned apart, to be kept in `extra`. Messages are English: they are read by the
 * person running the import.
 */
import { z } from 'zod';
import { CONTROL_CHARS } from '../../platform/input-guard.ts';
import { ORGANISATION_KINDS } from '../../db/schema/organisations.ts';
import { isThemeCode } from '../../taxonomy/themes.ts';
import { isCountryCode } from '../../taxonomy/countries.ts';
import { isLanguageCode } from '../../taxonomy/languages.ts';
import { regionOfCountry, REGION_CODES, type RegionCode } from '../../taxonomy/regions.ts';

export type RecordIssue = { field?: string; message: string };

const CONTROL_CHARS_ALL = new RegExp(CONTROL_CHARS.source, 'g');
/** The first disallowed control character in a value (strings, lists and objects of JSON Lines), as U+XXXX, or null. */
function controlCharIn(v: unknown, depth = 0): string | null {
  if (typeof v === 'string') {
    const m = CONTROL_CHARS.exec(v);
    return m ? `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : null;
  }
  if (depth > 10 || !v || typeof v !== 'object') return null;
  for (const [k, x] of Object.entries(v)) {
    const f = controlCharIn(k, depth + 1) ?? controlCharIn(x, depth + 1);
    if (f) return f;
  }
  return null;
}

/** An empty CSV cell, null or a blank string is "not given". */
const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

const text = (max: number) =>
  z.preprocess((v) => (blank(v) ? undefined : typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : v), z.string({ error: 'must be text' }).max(max, `must be at most ${max} characters`).optional());

const requiredText = (max: number) =>
  z.preprocess((v) => (blank(v) ? undefined : typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : v), z.string({ error: (i) => (i.input === undefined ? 'is required' : 'must be text') }).max(max, `must be at most ${max} characters`));

const toList = (v: unknown) =>
  blank(v)
    ? []
    : typeof v === 'string'
      ? v
          .split(';')
          .map((s) => s.trim())
          .filter(Boolean)
      : Array.isArray(v)
        ? v.map((x) => (typeof x === 'string' ? x.trim() : x))
        : v;

const toNumber = (v: unknown) => (blank(v) ? undefined : typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v);

const languages = z.preprocess(
  toList,
  z.array(
    z
      .string({ error: 'must be a list of ISO 639-1 codes' })
      .transform((s) => s.toLowerCase())
      .refine(isLanguageCode, { error: (i) => `"${String(i.input)}" is not an ISO 639-1 language code` }),
    { error: 'must be a list of ISO 639-1 codes' },
  ),
);

const themes = z.preprocess(
  toList,
  z.array(
    z.string({ error: 'must be a list of theme codes' }).refine(isThemeCode, { error: (i) => `"${String(i.input)}" is not a theme code of the taxonomy` }),
    { error: 'must be a list of theme codes' },
  ),
);

const sdgs = z.preprocess(
  (v) => {
    const l = toList(v);
    return Array.isArray(l) ? l.map(toNumber) : l;
  },
  z.array(z.number({ error: 'must be whole numbers from 1 to 17' }).int('must be whole numbers from 1 to 17').min(1, 'must be whole numbers from 1 to 17').max(17, 'must be whole numbers from 1 to 17'), {
    error: 'must be a list of whole numbers from 1 to 17',
  }),
);

const country = z.preprocess(
  (v) => (blank(v) ? undefined : typeof v === 'string' ? v.trim().toUpperCase() : v),
  z
    .string({ error: (i) => (i.input === undefined ? 'is required' : 'must be an ISO 3166-1 alpha-2 code such as NL') })
    .refine((c) => isCountryCode(c) && !!regionOfCountry(c), { error: (i) => `"${String(i.input)}" is not an ISO 3166-1 alpha-2 country code of a network region` }),
);

const coordinate = (limit: number) => z.preprocess(toNumber, z.number({ error: `must be a number from -${limit} to ${limit}` }).min(-limit, `must be a number from -${limit} to ${limit}`).max(limit, `must be a number from -${limit} to ${limit}`).optional());

export const organisationRecord = z
  .object({
    id: requiredText(200),
    name: requiredText(300),
    kind: z.preprocess((v) => (blank(v) ? 'municipality' : typeof v === 'string' ? v.trim() : v), z.enum(ORGANISATION_KINDS, { error: `must be one of ${ORGANISATION_KINDS.join(', ')}` })),
    country,
    region: z.preprocess((v) => (blank(v) ? undefined : typeof v === 'string' ? v.trim().toLowerCase() : v), z.enum(REGION_CODES, { error: `must be one of ${REGION_CODES.join(', ')}` }).optional()),
    subregion: text(200),
    population: z.preprocess(toNumber, z.number({ error: 'must be a whole number ≥ 0' }).int('must be a whole number ≥ 0').min(0, 'must be a whole number ≥ 0').max(2_000_000_000, 'is too large').optional()),
    languages,
    offers: text(20_000),
    seeks: text(20_000),
    themes,
    sdgs,
    website: z.preprocess((v) => (blank(v) ? undefined : typeof v === 'string' ? v.trim() : v), z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }).max(500, 'must be at most 500 characters').optional()),
    email: z.preprocess((v) => (blank(v) ? undefined : typeof v === 'string' ? v.trim() : v), z.email({ error: 'must be an email address' }).max(254, 'must be at most 254 characters').optional()),
    lat: coordinate(90),
    lon: coordinate(180),
  })
  .transform((r) => ({ ...r, region: (r.region ?? regionOfCountry(r.country)) as RegionCode }));

export type OrganisationRecord = z.infer<typeof organisationRecord>;

export const personRecord = z.object({
  id: requiredText(200),
  name: requiredText(300),
  organisation: text(200),
  position: text(300),
  languages,
  expertise: text(20_000),
  themes,
  email: z.preprocess((v) => (blank(v) ? undefined : typeof v === 'string' ? v.trim().toLowerCase() : v), z.email({ error: 'must be an email address' }).max(254, 'must be at most 254 characters').optional()),
});

export type PersonRecord = z.infer<typeof personRecord>;

export const ORGANISATION_FIELDS = ['id', 'name', 'kind', 'country', 'region', 'subregion', 'population', 'languages', 'offers', 'seeks', 'themes', 'sdgs', 'website', 'email', 'lat', 'lon'] as const;
export const PERSON_FIELDS = ['id', 'name', 'organisation', 'position', 'languages', 'expertise', 'themes', 'email'] as const;

const ORG_KNOWN: ReadonlySet<string> = new Set(ORGANISATION_FIELDS);
const PERSON_KNOWN: ReadonlySet<string> = new Set(PERSON_FIELDS);

export type Checked<T> = { ok: true; value: T; extra: Record<string, unknown> } | { ok: false; issues: RecordIssue[] };

function check<S extends z.ZodType>(schema: S, known: ReadonlySet<string>, data: Record<string, unknown>): Checked<z.infer<S>> {
  // Own properties only, in a map with no prototype (issue 18.9): a field named __proto__ or constructor is kept as data.
  const extra = Object.create(null) as Record<string, unknown>;
  const bad: RecordIssue[] = [];
  for (const [k, v] of Object.entries(data)) {
    // NUL and the other control characters (issue 18.4) are a per-line issue naming the field, before anything reaches the database.
    const ctl = controlCharIn(k) ?? controlCharIn(v);
    if (ctl) {
      bad.push({ field: k.replace(CONTROL_CHARS_ALL, '?'), message: `contains a control character (${ctl}) that is not allowed` });
      continue;
    }
    if (!known.has(k) && !blank(v)) extra[k] = v;
  }
  if (bad.length) return { ok: false, issues: bad };
  const r = schema.safeParse({ ...data });
  if (r.success) return { ok: true, value: r.data, extra };
  const seen = new Set<string>();
  const issues: RecordIssue[] = [];
  for (const i of r.error.issues) {
    const field = i.path.length ? String(i.path[0]) : undefined;
    const key = field ?? '';
    if (seen.has(key)) continue; // one message per field
    seen.add(key);
    issues.push({ field, message: i.message });
  }
  return { ok: false, issues };
}

/** Validates one organisation record; unknown fields come back in `extra`. */
export function checkOrganisation(data: Record<string, unknown>): Checked<OrganisationRecord> {
  return check(organisationRecord, ORG_KNOWN, data);
}

/** Validates one person record; unknown fields come back in `extra`. */
export function checkPerson(data: Record<string, unknown>): Checked<PersonRecord> {
  return check(personRecord, PERSON_KNOWN, data);
}
