/** zod schemas for programme settings, rounds, criteria, committee, news and the open-calls filters. */
import { z } from 'zod';
import { list, optionalText } from '../../platform/validation.ts';
import { dateTimeField } from '../../platform/dates.ts';
import { isThemeCode } from '../../taxonomy/themes.ts';
import { isCountryCode } from '../../taxonomy/countries.ts';
import { isLanguageCode } from '../../taxonomy/languages.ts';
import { REGION_CODES } from '../../taxonomy/regions.ts';
import { KIND_CODES } from '../../taxonomy/organisation-kinds.ts';
import { EXCHANGE_FORMAT_CODES } from '../../taxonomy/formats.ts';

export const themeList = list(z.string().trim().refine(isThemeCode, 'platform.form.choice')).pipe(z.array(z.string()).max(60));
export const formatList = list(z.enum(EXCHANGE_FORMAT_CODES, 'platform.form.choice'));
export const languageList = list(z.string().trim().toLowerCase().refine(isLanguageCode, 'platform.form.choice')).pipe(z.array(z.string()).max(30));
export const sdgList = list(z.coerce.number('platform.form.choice').int('platform.form.choice').min(1, 'platform.form.choice').max(17, 'platform.form.choice'));

/** A date-time from a form (`2026-12-01`, `2026-12-01T17:00`, read as UTC) or JSON (ISO 8601), on the calendar. */
export const dateTime = dateTimeField();

export const programmeInput = z.object({
  name: z.string().trim().min(1).max(200),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'programmes.form.slugInvalid')
    .max(60),
  description: z.string().trim().max(5000).optional().default(''),
  howToApply: z.string().trim().max(5000).optional().default(''),
  eligibleCountries: list(z.string().trim().toUpperCase().refine(isCountryCode, 'platform.form.choice')),
  eligibleRegions: list(z.enum(REGION_CODES, 'platform.form.choice')),
  eligibleKinds: list(z.enum(KIND_CODES, 'platform.form.choice')),
  themes: themeList,
  formats: formatList,
  languages: languageList,
});
export type ProgrammeInput = z.infer<typeof programmeInput>;

export const roundInput = z.object({
  name: z.string().trim().min(1).max(200),
  opensAt: dateTime,
  closesAt: dateTime,
  reviewOpensAt: dateTime,
  reviewClosesAt: dateTime,
});

export const criterionInput = z.object({
  label: z.string().trim().min(1).max(300),
  weight: z.coerce.number('platform.form.number').int('platform.form.number').min(1).max(10),
});

export const committeeInput = z.object({ email: z.string().trim().toLowerCase().pipe(z.email('platform.form.email')) });

export const newsInput = z.object({ title: z.string().trim().min(1).max(200), body: optionalText(5000) });

/** Filters of the open calls list; any other key answers 400. */
export const openCallsQuery = z
  .object({
    region: z.enum(REGION_CODES, 'platform.form.choice').optional().or(z.literal('').transform(() => undefined)),
    theme: z.string().refine(isThemeCode, 'platform.form.choice').optional().or(z.literal('').transform(() => undefined)),
    format: z.enum(EXCHANGE_FORMAT_CODES, 'platform.form.choice').optional().or(z.literal('').transform(() => undefined)),
  })
  .strict();
