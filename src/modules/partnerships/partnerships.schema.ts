/** zod schemas of the partnerships module: the single statement of every limit (forms, API, OpenAPI). */
import { z } from 'zod';
import { list } from '../../platform/validation.ts';
import { UUID } from '../../platform/ids.ts';
import { optionalCalendarDate } from '../../platform/dates.ts';
import { APPROACH_CODES } from '../../taxonomy/approaches.ts';
import { themeCodes } from '../../taxonomy/themes.ts';

const flag = z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.boolean());
const themeCode = z.string().refine((v) => themeCodes.includes(v), 'partnerships.form.themeUnknown');
const optionalText = (max: number, key: string) => z.preprocess((v) => (v === undefined || v === null ? '' : v), z.string().trim().max(max, key));

export const partnershipInput = z
  .object({
    organisationId: z.string().regex(UUID, 'partnerships.form.organisationRequired'),
    partners: list(z.string().regex(UUID, 'partnerships.form.partnerUnknown')).pipe(z.array(z.string()).max(20, 'partnerships.form.partnersMax')),
    title: z.string().trim().min(3, 'partnerships.form.titleLength').max(200, 'partnerships.form.titleLength'),
    summary: optionalText(4000, 'partnerships.form.summaryLength'),
    approaches: list(z.enum(APPROACH_CODES, { message: 'partnerships.form.approachRequired' })).pipe(z.array(z.enum(APPROACH_CODES)).min(1, 'partnerships.form.approachRequired').max(8, 'partnerships.form.approachRequired')),
    themes: list(themeCode).pipe(z.array(z.string()).max(10, 'partnerships.form.themesMax')),
    since: optionalCalendarDate(),
    charterDate: optionalCalendarDate(),
    wantsPublic: flag.default(false),
  })
  .superRefine((v, ctx) => {
    if (v.charterDate && !v.approaches.includes('twinning')) ctx.addIssue({ code: 'custom', path: ['charterDate'], message: 'partnerships.form.charterTwinning' });
  });
export type PartnershipInput = z.infer<typeof partnershipInput>;

export const inviteInput = z.object({ organisation: z.string().trim().min(2, 'partnerships.form.organisationName').max(200, 'partnerships.form.organisationName') });
export const confirmInput = z.object({ organisationId: z.string().regex(UUID, 'partnerships.form.organisationRequired') });
export const entryInput = z.object({
  day: optionalCalendarDate(),
  title: z.string().trim().min(3, 'partnerships.form.entryTitleLength').max(200, 'partnerships.form.entryTitleLength'),
  note: optionalText(4000, 'partnerships.form.noteLength'),
});
export const openingInput = z.object({
  open: flag.default(false),
  themes: list(themeCode).pipe(z.array(z.string()).max(10, 'partnerships.form.themesMax')),
  statement: optionalText(1000, 'partnerships.form.statementLength'),
}).superRefine((v, ctx) => {
  if (!v.open) return;
  if (v.themes.length === 0) ctx.addIssue({ code: 'custom', path: ['themes'], message: 'partnerships.form.themesRequired' });
  if (v.statement.length < 20) ctx.addIssue({ code: 'custom', path: ['statement'], message: 'partnerships.form.statementLength' });
});
export const requestInput = z.object({
  fromOrganisationId: z.string().regex(UUID, 'partnerships.form.organisationRequired'),
  theme: themeCode,
  message: z.string().trim().min(20, 'partnerships.form.messageLength').max(2000, 'partnerships.form.messageLength'),
});
export const answerInput = z.object({
  decision: z.enum(['accept', 'decline'], { message: 'partnerships.form.decisionRequired' }),
  message: optionalText(2000, 'partnerships.form.answerLength'),
});
export const listQuery = z.object({
  approach: z.enum(APPROACH_CODES, { message: 'partnerships.form.approachRequired' }).optional().catch(undefined),
  theme: z.string().refine((v) => themeCodes.includes(v)).optional().catch(undefined),
  country: z.string().regex(/^[A-Z]{2}$/).optional().catch(undefined),
});

// ---------- API answers ----------
export const partnerRow = z.object({ organisationId: z.string(), name: z.string(), country: z.string(), confirmed: z.boolean() });
export const partnershipRow = z.object({
  id: z.string(),
  title: z.string(),
  lang: z.string(),
  approaches: z.array(z.string()),
  themes: z.array(z.string()),
  since: z.string().nullable(),
  charterDate: z.string().nullable(),
  origin: z.enum(['recorded', 'exchange', 'request']),
  state: z.enum(['proposed', 'active']),
  isPublic: z.boolean(),
  partners: z.array(partnerRow),
});
export const partnershipListAnswer = z.object({ items: z.array(partnershipRow) });
export const partnershipAnswer = partnershipRow.extend({
  summary: z.string(),
  history: z.array(z.object({ kind: z.string(), day: z.string().nullable(), title: z.string(), note: z.string(), exchangeId: z.string().nullable() })),
});
export const requestCreated = z.object({ id: z.string() });
export const answerResult = z.object({ state: z.enum(['accepted', 'declined']), partnershipId: z.string().nullable() });
