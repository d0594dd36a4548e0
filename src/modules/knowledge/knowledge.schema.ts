/** zod schemas for good-practice input (forms and JSON) and for the library's query string. */
import { z } from 'zod';
import { LOCALES } from '../../platform/i18n.ts';
import { list } from '../../platform/validation.ts';
import { isUuid } from '../../platform/ids.ts';
import { isThemeCode } from '../../taxonomy/themes.ts';
import { APPROACH_CODES } from '../../taxonomy/approaches.ts';
import { EXCHANGE_FORMAT_CODES } from '../../taxonomy/formats.ts';
import { REGION_CODES } from '../../taxonomy/regions.ts';
import { isCountryCode } from '../../taxonomy/countries.ts';
import { GOOD_PRACTICE_STATES, type CaseContact, type CasePartner } from '../../db/schema/knowledge.ts';
import { themeCodes } from '../../taxonomy/themes.ts';
import { AIM_FEATURES, HORIZONS, IMPORTANCE, PARTICIPANTS } from './knowledge.advisor.ts';

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const text = (max: number) => z.string().trim().max(max, 'platform.form.tooBig').optional().default('');

/** Repeated form fields (or a JSON array) as a list of strings, blanks kept so that rows stay aligned. */
const strings = z.preprocess((v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(500, 'platform.form.tooBig')).max(30, 'platform.form.tooBig'));

/** The texts of a case in one language. */
export const caseTexts = {
  title: z.string().trim().min(1, 'platform.form.required').max(200, 'platform.form.tooBig'),
  summary: z.string().trim().min(1, 'platform.form.required').max(1500, 'platform.form.tooBig'),
  problem: text(6000),
  solution: text(6000),
  results: text(6000),
  challenges: text(6000),
  prerequisites: text(6000),
  cost: text(3000),
  transferability: text(6000),
};
export const TEXT_FIELDS = ['title', 'summary', 'problem', 'solution', 'results', 'challenges', 'prerequisites', 'cost', 'transferability'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/**
 * A case as an editor submits it: the texts in one language (`lang`), the structured fields,
 * partners as aligned lists (partnerName[i], partnerCountry[i]) and contacts likewise, with
 * contactConsent listing the row numbers whose person agreed to be named. Any other field
 * (state, createdBy, exchangeId…) is dropped by zod.
 */
export const caseInput = z
  .object({
    lang: z.enum(LOCALES, 'platform.form.choice'),
    ...caseTexts,
    approach: z.preprocess(blankToUndefined, z.enum(APPROACH_CODES, 'platform.form.choice').optional()),
    formats: list(z.enum(EXCHANGE_FORMAT_CODES, 'platform.form.choice')),
    themes: list(z.string().refine(isThemeCode, 'platform.form.choice').meta({ enum: [...themeCodes] })).pipe(z.array(z.string()).max(20, 'platform.form.tooBig')),
    sdgs: list(z.coerce.number('platform.form.choice').int('platform.form.choice').min(1, 'platform.form.choice').max(17, 'platform.form.choice')),
    regions: list(z.enum(REGION_CODES, 'platform.form.choice')),
    partnerName: strings,
    partnerCountry: strings,
    contactName: strings,
    contactRole: strings,
    contactOrganisation: strings,
    contactEmail: strings,
    contactConsent: strings,
    ownerOrganisationId: z.preprocess(blankToUndefined, z.string().refine(isUuid, 'platform.form.choice').optional()),
  })
  .transform((v, ctx) => {
    const partners: CasePartner[] = [];
    v.partnerName.forEach((raw, i) => {
      const name = raw.trim();
      const country = (v.partnerCountry[i] ?? '').trim().toUpperCase();
      if (!name) return;
      if (country && !isCountryCode(country)) ctx.addIssue({ code: 'custom', path: ['partnerCountry'], message: 'platform.form.choice' });
      partners.push({ name: name.slice(0, 200), country: country || null });
    });
    const consent = new Set(v.contactConsent.map((x) => x.trim()));
    const contacts: CaseContact[] = [];
    v.contactName.forEach((raw, i) => {
      const name = raw.trim();
      if (!name) return;
      // A person is named only with their agreement: a row without it is refused, not stored.
      if (!consent.has(String(i))) ctx.addIssue({ code: 'custom', path: ['contactConsent'], message: 'knowledge.form.consentRequired' });
      const email = (v.contactEmail[i] ?? '').trim();
      if (email && !z.email().safeParse(email).success) ctx.addIssue({ code: 'custom', path: ['contactEmail'], message: 'platform.form.email' });
      contacts.push({ name: name.slice(0, 200), role: (v.contactRole[i] ?? '').trim().slice(0, 200), organisation: (v.contactOrganisation[i] ?? '').trim().slice(0, 200), email: email || null, hasConsented: true });
    });
    const { partnerName: _a, partnerCountry: _b, contactName: _c, contactRole: _d, contactOrganisation: _e, contactEmail: _f, contactConsent: _g, ...rest } = v;
    return { ...rest, sdgs: [...new Set(rest.sdgs)].sort((a, b) => a - b), themes: [...new Set(rest.themes)], partners, contacts };
  });
export type CaseInput = z.infer<typeof caseInput>;

// The library's query string: keys from an allowlist, values from the taxonomy; anything else is a 400.
const code = <T extends z.ZodType>(s: T) => z.preprocess(blankToUndefined, s.optional());
export const libraryQuery = z.strictObject(
  {
    q: z.preprocess(blankToUndefined, z.string().trim().max(200, 'platform.form.tooBig').optional()),
    theme: code(z.string().refine(isThemeCode, 'platform.form.choice').meta({ enum: [...themeCodes] })),
    region: code(z.enum(REGION_CODES, 'platform.form.choice')),
    sdg: code(z.coerce.number('platform.form.choice').int('platform.form.choice').min(1, 'platform.form.choice').max(17, 'platform.form.choice')),
    approach: code(z.enum(APPROACH_CODES, 'platform.form.choice')),
    format: code(z.enum(EXCHANGE_FORMAT_CODES, 'platform.form.choice')),
    language: code(z.enum(LOCALES, 'platform.form.choice')),
    page: z.preprocess(blankToUndefined, z.coerce.number('platform.form.number').int('platform.form.number').min(1, 'platform.form.number').max(1000, 'platform.form.number').optional().default(1)),
    limit: z.preprocess(blankToUndefined, z.coerce.number('platform.form.number').int('platform.form.number').min(1, 'platform.form.number').max(100, 'platform.form.number').optional().default(20)),
  },
  { error: () => 'knowledge.search.unknownKey' },
);
export type LibraryQuery = z.infer<typeof libraryQuery>;

/** A case's page: a language it is written in (`lang`), or the original of a machine translation (`original=1`, issue 14). */
export const caseQuery = z.strictObject({ lang: code(z.enum(LOCALES, 'platform.form.choice')), original: z.literal('1', 'platform.form.choice').optional() }, { error: () => 'knowledge.search.unknownKey' });

// What the API answers (documentation: the OpenAPI document is generated from these).
const localizedText = z.object({ text: z.string(), lang: z.string(), isOtherLanguage: z.boolean(), isTranslation: z.boolean(), isMachineTranslation: z.boolean() }).meta({
  description: 'A text in the reader’s language where it exists, else in the original language, with flags.',
});
const dateTime = z.iso.datetime();
export const goodPracticeCardAnswer = z.object({
  id: z.uuid(),
  title: localizedText,
  summary: localizedText,
  approach: z.enum(APPROACH_CODES).nullable(),
  themes: z.array(z.enum(themeCodes as [string, ...string[]])),
  sdgs: z.array(z.int().min(1).max(17)),
  regions: z.array(z.enum(REGION_CODES)),
  formats: z.array(z.enum(EXCHANGE_FORMAT_CODES)),
  languages: z.array(z.string()),
  originalLanguage: z.string(),
  partners: z.array(z.string()),
  state: z.enum(GOOD_PRACTICE_STATES),
  publishedAt: dateTime.nullable(),
});
export const libraryAnswer = z.object({
  items: z.array(goodPracticeCardAnswer),
  page: z.int(),
  limit: z.int(),
  total: z.int(),
  facets: z.record(z.enum(['theme', 'region', 'sdg', 'approach', 'format', 'language']), z.array(z.object({ value: z.string(), count: z.int() }))).meta({ description: 'For each facet, the values present in the matching set with their counts.' }),
  links: z.object({ prev: z.string().nullable(), next: z.string().nullable() }),
});
export const goodPracticeAnswer = goodPracticeCardAnswer.extend({
  texts: z.object(Object.fromEntries(TEXT_FIELDS.filter((f) => f !== 'title' && f !== 'summary').map((f) => [f, localizedText]))),
  partnerLinks: z.array(z.object({ name: z.string(), country: z.string().nullable(), organisationId: z.uuid().nullable() })),
  contacts: z.array(z.object({ name: z.string(), role: z.string(), organisation: z.string(), email: z.string().nullable(), hasConsented: z.boolean() })).meta({ description: 'Only people who agreed to be named; email only for signed-in callers.' }),
  translations: z.record(z.string(), z.enum(['human', 'machine'])),
  source: z.string(),
  exchangeId: z.uuid().nullable(),
  ownerOrganisationId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  createdAt: dateTime,
  updatedAt: dateTime,
});

// ------------------------------------------------------------------ the approach advisor (issue 13)

const importance = code(z.enum(IMPORTANCE, 'platform.form.choice'));
/** Whole euros a year, as people type them: "10000", "10 000", "10.000", "10,000", "€10,000". */
const euros = z.preprocess(
  (v) => (v === undefined || v === null || v === '' ? undefined : typeof v === 'string' ? v.replace(/[\s\u00a0\u202f.,'’€]/g, '') : v),
  z.coerce.number('knowledge.advisor.budgetInvalid').int('knowledge.advisor.budgetInvalid').min(0, 'knowledge.advisor.budgetInvalid').max(100_000_000, 'knowledge.advisor.budgetInvalid').optional(),
);
/** Full-time equivalents, with a decimal point or comma ("0,5"). */
const fte = z.preprocess(
  (v) => (v === undefined || v === null || v === '' ? undefined : typeof v === 'string' ? v.trim().replace(',', '.') : v),
  z.coerce.number('knowledge.advisor.staffInvalid').min(0, 'knowledge.advisor.staffInvalid').max(100, 'knowledge.advisor.staffInvalid').optional(),
);
const participantList = z.preprocess((v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(PARTICIPANTS, 'platform.form.choice')).max(PARTICIPANTS.length));

/** The advisor's GET form and `GET /api/v1/approaches/advice`: what matters (six features), the means, the horizon, who takes part, a theme. */
export const advisorQuery = z.strictObject(
  {
    ...(Object.fromEntries(AIM_FEATURES.map((f) => [f, importance])) as Record<(typeof AIM_FEATURES)[number], typeof importance>),
    budget: euros,
    staff: fte,
    horizon: code(z.enum(HORIZONS, 'platform.form.choice')),
    participants: participantList,
    theme: code(z.string().refine(isThemeCode, 'platform.form.choice')),
  },
  { error: () => 'knowledge.search.unknownKey' },
);
export type AdvisorQuery = z.infer<typeof advisorQuery>;

const adviceReason = z.object({ code: z.string(), text: z.string() }).catchall(z.unknown());
export const adviceAnswer = z
  .object({
    results: z.array(
      z.object({
        approach: z.string(),
        name: z.string(),
        score: z.number().meta({ description: '0–100: how well the approach answers what matters, lowered where the means or the horizon fall short' }),
        aims: z.number().meta({ description: '0–100: how well its ratings answer the weighted aims alone' }),
        fitsMeans: z.boolean(),
        reasons: z.array(adviceReason),
        funding: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string(), funder: z.string(), openNow: z.boolean() })),
      }),
    ),
    combination: z.object({ first: z.string(), then: z.string(), text: z.string() }).nullable(),
  })
  .meta({ id: 'Advice' });
