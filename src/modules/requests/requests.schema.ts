/** zod schemas for the request form (one per step), endorsement, eligibility, conflicts, reviews and decisions. */
import { z } from 'zod';
import { optionalCalendarDate, dateOrder } from '../../platform/dates.ts';
import { themeList, formatList, languageList, sdgList } from '../programmes/programmes.service.ts';

export const STEPS = ['challenge', 'objectives', 'scope', 'participants', 'cofunding'] as const;
export type Step = (typeof STEPS)[number];
export const isStep = (v: unknown): v is Step => typeof v === 'string' && (STEPS as readonly string[]).includes(v);

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const optionalDate = optionalCalendarDate();
const periodOrder = dateOrder('periodStart', 'periodEnd', 'requests.form.periodOrder');

export const createRequestInput = z.object({ organisationId: z.uuid('platform.form.choice'), roundId: z.uuid('platform.form.choice') });

/** Each step's fields; unknown fields (state, organisationId…) are dropped. */
export const STEP_SCHEMAS = {
  challenge: z.object({ title: text(1, 200), challenge: text(20, 5000), context: text(1, 5000), tried: z.string().trim().max(5000).optional().default('') }),
  objectives: z.object({ objectives: text(1, 5000), results: text(1, 5000) }),
  scope: z
    .object({
      themes: themeList.refine((a) => a.length > 0, 'requests.form.chooseOne'),
      sdgs: sdgList,
      formats: formatList.refine((a) => a.length > 0, 'requests.form.chooseOne'),
      languages: languageList.refine((a) => a.length > 0, 'requests.form.chooseOne'),
      periodStart: optionalDate,
      periodEnd: optionalDate,
    })
    .refine(periodOrder.check, periodOrder.params),
  participants: z.object({ participants: text(1, 5000), stakeholders: z.string().trim().max(5000).optional().default('') }),
  cofunding: z.object({ cofunding: text(1, 2000) }),
} as const;

export const endorseInput = z.object({ note: z.string().trim().max(2000).optional().default('') });
export const eligibilityInput = z.object({ verdict: z.enum(['eligible', 'ineligible'], 'platform.form.choice'), reason: z.string().trim().max(2000).optional().default('') });
export const conflictInput = z.object({
  hasConflict: z.preprocess((v) => (v === 'yes' || v === true ? true : v === 'no' || v === false ? false : v), z.boolean('platform.form.choice')),
  note: z.string().trim().max(2000).optional().default(''),
});
export const decisionInput = z.object({ outcome: z.enum(['selected', 'rejected', 'waiting_list'], 'platform.form.choice'), reasons: text(1, 5000) });
export const scoreValue = z.coerce.number('platform.form.number').int('platform.form.number').min(0, 'requests.review.scoreRange').max(5, 'requests.review.scoreRange');
/** A committee member's review through the API: a score 0–5 and a comment per criterion id (the service checks each as `score_<id>`, `comment_<id>`). */
export const reviewInput = z.object({
  scores: z.record(z.uuid(), z.object({ score: z.int().min(0).max(5), comment: z.string().max(3000).optional() })),
});
