/**
 * zod schemas of the guide in the database (issue 13): an approach's form (its texts in one
 * language, its ratings and needs), a funding programme's form, and /funding's query with its
 * eligibility questions. Each limit is stated here once; the form's messages name it.
 */
import { z } from 'zod';
import { LOCALES } from '../../platform/i18n.ts';
import { list } from '../../platform/validation.ts';
import { isCalendarDate } from '../../platform/dates.ts';
import { parseFormNumber } from '../../platform/numbers.ts';
import { isThemeCode, themeCodes } from '../../taxonomy/themes.ts';
import { isCountryCode } from '../../taxonomy/countries.ts';
import { REGION_CODES } from '../../taxonomy/regions.ts';
import { KIND_CODES } from '../../taxonomy/organisation-kinds.ts';
import { FUNDING_DEADLINE_KINDS } from '../../db/schema/knowledge.ts';
import { FEATURE_CODES } from './knowledge.guide.ts';
import { HORIZONS } from './knowledge.advisor.ts';

const blank = (v: unknown) => (v === '' || v === null ? undefined : v);
/** An approach's code: lower case, digits and underscores, as the guide's eight. */
export const APPROACH_CODE = /^[a-z][a-z0-9_]{2,59}$/;
const approachCode = z.string().trim().regex(APPROACH_CODE, 'knowledge.guideForm.codeInvalid');

/** A number typed the reader's way ("10 000", "0,5"); blank is absent. */
const number = (integer: boolean, min: number, max: number, message: string) =>
  z.preprocess((v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : (parseFormNumber(v, { integer }) ?? Number.NaN)) : v), (integer ? z.number(message).int(message) : z.number(message)).min(min, message).max(max, message));

const checked = z.preprocess((v) => (Array.isArray(v) ? v.at(-1) : v), z.enum(['', '1', 'on', 'true', 'false']).optional()).transform((v) => v === '1' || v === 'on' || v === 'true');

const ratingFields = Object.fromEntries(FEATURE_CODES.map((f) => [`rating_${f}`, z.coerce.number('platform.form.choice').int('platform.form.choice').min(0, 'platform.form.choice').max(3, 'platform.form.choice')])) as Record<`rating_${(typeof FEATURE_CODES)[number]}`, z.ZodCoercedNumber>;

/** An approach as an admin submits it: its texts in `lang`, and the fields every language shares. */
export const approachInput = z.object({
  lang: z.enum(LOCALES, 'platform.form.choice'),
  name: z.string().trim().min(1, 'platform.form.required').max(120),
  definition: z.string().trim().min(1, 'platform.form.required').max(4000),
  participation: z.string().trim().max(2000).default(''),
  duration: z.string().trim().max(1000).default(''),
  budget: z.string().trim().max(2000).default(''),
  translated: checked,
  ...ratingFields,
  needBudget: number(true, 0, 10_000_000, 'knowledge.guideForm.needBudget'),
  needStaff: number(false, 0, 50, 'knowledge.guideForm.needStaff'),
  horizons: list(z.enum(HORIZONS, 'platform.form.choice')).pipe(z.array(z.enum(HORIZONS)).min(1, 'knowledge.guideForm.horizons')),
  resources: z
    .string()
    .max(3000)
    .default('')
    .transform((s) => s.split(/\r?\n/).map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.string().max(200, 'knowledge.guideForm.resourceLine')).max(20, 'knowledge.guideForm.resources')),
});
export type ApproachInput = z.infer<typeof approachInput>;
export const newApproachInput = approachInput.extend({ code: approachCode });

// ------------------------------------------------------------------ funding

/** A day of every year, MM-DD: a real day of the calendar, and not 29 February (not every year has it). */
const monthDay = (s: string) => /^\d{2}-\d{2}$/.test(s) && s !== '02-29' && isCalendarDate(`2001-${s}`);

/** A funding programme as an admin or broker submits it: its name and description in `lang`, the rest shared. */
export const fundingInput = z
  .object({
    lang: z.enum(LOCALES, 'platform.form.choice'),
    name: z.string().trim().min(1, 'platform.form.required').max(200),
    description: z.string().trim().min(1, 'platform.form.required').max(3000),
    translated: checked,
    funder: z.string().trim().min(1, 'platform.form.required').max(300),
    approaches: list(approachCode).pipe(z.array(z.string()).min(1, 'knowledge.fundingForm.approaches').max(20)),
    themes: list(z.string().refine(isThemeCode, 'platform.form.choice').meta({ enum: [...themeCodes] })).pipe(z.array(z.string()).max(20)),
    countries: z
      .string()
      .max(800)
      .default('')
      .transform((s) => [...new Set(s.split(/[\s,;]+/).map((x) => x.trim().toUpperCase()).filter(Boolean))])
      .pipe(z.array(z.string().refine(isCountryCode, 'knowledge.fundingForm.country')).max(250)),
    regions: list(z.enum(REGION_CODES, 'platform.form.choice')),
    organisationKinds: list(z.enum(KIND_CODES, 'platform.form.choice')),
    amountMin: number(true, 0, 1_000_000_000, 'knowledge.fundingForm.amount').optional(),
    amountMax: number(true, 0, 1_000_000_000, 'knowledge.fundingForm.amount').optional(),
    currency: z.string().trim().toUpperCase().refine((c) => (Intl.supportedValuesOf('currency') as string[]).includes(c), 'knowledge.fundingForm.currency').default('EUR'),
    cofinancingPercent: number(true, 0, 100, 'knowledge.fundingForm.cofinancing').optional(),
    needsPartner: checked,
    deadlineKind: z.enum(FUNDING_DEADLINE_KINDS, 'platform.form.choice').default('none'),
    opens: z.preprocess(blank, z.string().trim().max(10).optional()),
    closes: z.preprocess(blank, z.string().trim().max(10).optional()),
    link: z.preprocess(blank, z.url({ protocol: /^https?$/, message: 'platform.form.url' }).max(500).optional()),
  })
  .superRefine((v, ctx) => {
    if (v.amountMin !== undefined && v.amountMax !== undefined && v.amountMax < v.amountMin) ctx.addIssue({ code: 'custom', path: ['amountMax'], message: 'knowledge.fundingForm.amountOrder' });
    if (v.deadlineKind === 'yearly') {
      if (!v.opens || !monthDay(v.opens)) ctx.addIssue({ code: 'custom', path: ['opens'], message: 'knowledge.fundingForm.monthDay' });
      if (!v.closes || !monthDay(v.closes)) ctx.addIssue({ code: 'custom', path: ['closes'], message: 'knowledge.fundingForm.monthDay' });
    } else if (v.deadlineKind === 'dated') {
      if (v.opens && !isCalendarDate(v.opens)) ctx.addIssue({ code: 'custom', path: ['opens'], message: 'platform.form.date' });
      if (!v.closes || !isCalendarDate(v.closes)) ctx.addIssue({ code: 'custom', path: ['closes'], message: 'platform.form.date' });
      else if (v.opens && isCalendarDate(v.opens) && v.closes < v.opens) ctx.addIssue({ code: 'custom', path: ['closes'], message: 'platform.form.dateOrder' });
    }
  });
export type FundingInput = z.infer<typeof fundingInput>;
export const newFundingInput = z.object({ code: z.string().trim().regex(/^[a-zA-Z][a-zA-Z0-9_-]{1,59}$/, 'knowledge.guideForm.codeInvalid') });

export const YES_NO = ['yes', 'no'] as const;
export const ELIGIBILITY_QUESTIONS = ['government', 'partner', 'cofinance'] as const;
export type EligibilityQuestion = (typeof ELIGIBILITY_QUESTIONS)[number];
const answer = z.preprocess(blank, z.enum(YES_NO, 'platform.form.choice').optional());

/** /funding's GET form and `GET /api/v1/funding`: filters, and the yes/no eligibility questions. */
export const fundingQuery = z.strictObject(
  {
    approach: z.preprocess(blank, approachCode.optional()),
    theme: z.preprocess(blank, z.string().refine(isThemeCode, 'platform.form.choice').optional()),
    country: z.preprocess(blank, z.string().trim().toUpperCase().refine(isCountryCode, 'platform.form.choice').optional()),
    kind: z.preprocess(blank, z.enum(KIND_CODES, 'platform.form.choice').optional()),
    open: z.preprocess(blank, z.literal('1', 'platform.form.choice').optional()),
    government: answer,
    partner: answer,
    cofinance: answer,
  },
  { error: () => 'knowledge.search.unknownKey' },
);
export type FundingQuery = z.infer<typeof fundingQuery>;

// What the API answers.
const fundingDeadline = z.object({
  kind: z.enum(FUNDING_DEADLINE_KINDS),
  opens: z.string().nullable().meta({ description: 'yearly: MM-DD; dated: YYYY-MM-DD' }),
  closes: z.string().nullable(),
  next: z.string().nullable().meta({ description: 'The next closing date (YYYY-MM-DD) on or after today, if any' }),
  openNow: z.boolean(),
});
export const fundingAnswer = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    description: z.string(),
    lang: z.string(),
    translated: z.boolean().meta({ description: 'The text shown is a translation of the original' }),
    funder: z.string(),
    approaches: z.array(z.string()),
    themes: z.array(z.string()),
    countries: z.array(z.string()),
    regions: z.array(z.string()),
    organisationKinds: z.array(z.string()),
    amountMin: z.int().nullable(),
    amountMax: z.int().nullable(),
    currency: z.string(),
    cofinancingPercent: z.int().nullable(),
    needsPartner: z.boolean(),
    deadline: fundingDeadline,
    link: z.string().nullable(),
    eligibility: z
      .object({ verdict: z.enum(['yes', 'no', 'unknown']), reasons: z.array(z.object({ code: z.string(), text: z.string() })) })
      .nullable()
      .meta({ description: 'The answer to the eligibility questions asked (null when none was)' }),
  })
  .meta({ id: 'FundingProgramme' });
export const fundingListAnswer = z.object({ items: z.array(fundingAnswer) });
