/** zod schemas for organisation, membership and profile input, and for the directory's query strings. */
import { z } from 'zod';
import { MEMBERSHIP_ROLES } from '../../db/schema/organisations.ts';
import { isThemeCode, themeCodes } from '../../taxonomy/themes.ts';
import { KIND_CODES } from '../../taxonomy/organisation-kinds.ts';
import { regionOfCountry, REGION_CODES } from '../../taxonomy/regions.ts';
import { isCountryCode } from '../../taxonomy/countries.ts';
import { isLanguageCode } from '../../taxonomy/languages.ts';
import { isJobFunction } from '../../taxonomy/job-functions.ts';
import { POPULATION_BAND_CODES } from '../../taxonomy/population-bands.ts';
import { list, optionalText } from '../../platform/validation.ts';
import { parseFormNumber } from '../../platform/numbers.ts';

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
/** A number from a form (string) or JSON (number); blank is "not given". */
const optionalNumber = (schema: z.ZodNumber, integer = false) =>
  z.preprocess((v) => {
    v = blankToUndefined(typeof v === 'string' ? v.trim() : v);
    // "30 000", "30.000" and "30,000" people; "12,37" or "12.37" degrees (platform/numbers.ts).
    return typeof v === 'string' ? (parseFormNumber(v, { integer }) ?? Number.NaN) : v;
  }, schema.optional());
/** A checkbox from a form ('on') or a JSON boolean. */
const flag = z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.boolean());

const country = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine((v) => isCountryCode(v) && !!regionOfCountry(v), 'platform.form.choice');
const languageList = list(z.string().trim().toLowerCase().refine(isLanguageCode, 'platform.form.choice')).pipe(z.array(z.string()).max(30));
const themeList = list(z.string().trim().refine(isThemeCode, 'platform.form.choice').meta({ enum: [...themeCodes] })).pipe(z.array(z.string()).max(60));
const url = z
  .string()
  .trim()
  .max(500)
  .refine((v) => /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(v), 'platform.form.url');
const email = z.string().trim().max(320).pipe(z.email('platform.form.email'));

/** An organisation's editable fields. Anything else (region, verifiedAt, createdBy…) is ignored. */
export const organisationInput = z.object({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(KIND_CODES),
  country,
  subregion: optionalText(200),
  population: optionalNumber(z.number('platform.form.number').int('platform.form.number').min(0).max(100_000_000), true),
  languages: languageList,
  offers: z.string().trim().max(5000).optional().default(''),
  seeks: z.string().trim().max(5000).optional().default(''),
  themes: themeList,
  sdgs: list(z.coerce.number('platform.form.choice').int('platform.form.choice').min(1, 'platform.form.choice').max(17, 'platform.form.choice')),
  website: z.preprocess(blankToUndefined, url.optional()),
  email: z.preprocess(blankToUndefined, email.optional()),
  lat: optionalNumber(z.number('platform.form.number').min(-90).max(90)),
  lon: optionalNumber(z.number('platform.form.number').min(-180).max(180)),
});
export type OrganisationInput = z.infer<typeof organisationInput>;

export const membershipRole = z.enum(MEMBERSHIP_ROLES);

export const joinInput = z.object({ role: membershipRole, message: z.string().trim().max(1000).optional().default('') });
export const claimInput = z.object({ message: z.string().trim().max(1000).optional().default('') });
export const inviteInput = z.object({ email, role: membershipRole });
export const decisionInput = z.object({ decision: z.enum(['approve', 'refuse']) });
export const roleInput = z.object({ role: membershipRole });

/** A person's own profile. */
export const profileInput = z.object({
  name: z.string().trim().min(1).max(200),
  position: z.string().trim().max(200).optional().default(''),
  jobFunction: z.preprocess(blankToUndefined, z.string().refine(isJobFunction, 'platform.form.choice').optional()),
  languages: languageList,
  expertise: z.string().trim().max(5000).optional().default(''),
  themes: themeList,
  availability: z.string().trim().max(500).optional().default(''),
  email: z.preprocess(blankToUndefined, email.optional()),
  phone: z.preprocess(blankToUndefined, z.string().trim().max(40).regex(/^[+0-9 ().\-/]{4,40}$/, 'organisations.profile.phoneInvalid').optional()),
  visibility: z.enum(['members', 'public']).default('members'),
  showEmail: flag,
  showPhone: flag,
});
export type ProfileInput = z.infer<typeof profileInput>;

// Query strings: keys from an allowlist (strict), values from the taxonomy; anything else is a 400.
const q = z.preprocess(blankToUndefined, z.string().trim().max(200).optional());
const optionalCode = <T extends z.ZodType>(s: T) => z.preprocess(blankToUndefined, s.optional());
const page = z.preprocess(blankToUndefined, z.coerce.number('platform.form.number').int('platform.form.number').min(1).max(1000).optional().default(1));
const limit = z.preprocess(blankToUndefined, z.coerce.number('platform.form.number').int('platform.form.number').min(1).max(100).optional().default(20));
const sort = z.preprocess(blankToUndefined, z.enum(['relevance', 'name', 'newest'], 'organisations.search.unknownSort').optional());

export const SORTS = ['relevance', 'name', 'newest'] as const;
export type Sort = (typeof SORTS)[number];

export const organisationQuery = z.strictObject(
  {
    q,
    country: optionalCode(z.string().trim().toUpperCase().refine(isCountryCode, 'platform.form.choice')),
    region: optionalCode(z.enum(REGION_CODES, 'platform.form.choice')),
    kind: optionalCode(z.enum(KIND_CODES, 'platform.form.choice')),
    theme: optionalCode(z.string().refine(isThemeCode, 'platform.form.choice')),
    language: optionalCode(z.string().trim().toLowerCase().refine(isLanguageCode, 'platform.form.choice')),
    population: optionalCode(z.enum(POPULATION_BAND_CODES, 'platform.form.choice')),
    sort,
    page,
    limit,
  },
  { error: () => 'organisations.search.unknownKey' },
);
export type OrganisationQuery = z.infer<typeof organisationQuery>;

export const peopleQuery = z.strictObject(
  {
    q,
    country: optionalCode(z.string().trim().toUpperCase().refine(isCountryCode, 'platform.form.choice')),
    theme: optionalCode(z.string().refine(isThemeCode, 'platform.form.choice')),
    language: optionalCode(z.string().trim().toLowerCase().refine(isLanguageCode, 'platform.form.choice')),
    function: optionalCode(z.string().refine(isJobFunction, 'platform.form.choice')),
    sort,
    page,
    limit,
  },
  { error: () => 'organisations.search.unknownKey' },
);
export type PeopleQuery = z.infer<typeof peopleQuery>;
