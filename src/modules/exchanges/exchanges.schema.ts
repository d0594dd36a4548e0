/** Input schemas of the exchanges module (zod at the edge; messages are catalogue keys). */
import { z } from 'zod';
import { calendarDate, optionalClockTime } from '../../platform/dates.ts';
import { EXCHANGE_FORMAT_CODES } from '../../taxonomy/formats.ts';

const isoDate = calendarDate();
const bool = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());
const count = z.preprocess((v) => (v === '' || v === undefined ? 0 : v), z.coerce.number().int('platform.form.invalid').min(0, 'platform.form.tooSmall').max(10000, 'platform.form.tooBig'));

export const PARTICIPANT_SIDES = ['host', 'peer', 'stakeholder'] as const;
export const PARTICIPANT_KINDS = ['official', 'elected', 'expert', 'civil_society', 'private_sector', 'other'] as const;
export const CHECKLIST_ITEMS = ['travel', 'visas', 'insurance', 'interpretation', 'accommodation'] as const;
export const BUDGET_ROWS = 5;

/** The plan form: fixed fields plus `p_<side>_<kind>_<women|men|other>` counts and `b<i>_<label|amount|currency|fundedBy>` budget rows. */
export const planSchema = z
  .object({
    format: z.enum(EXCHANGE_FORMAT_CODES, 'platform.form.choice'),
    startDate: isoDate,
    endDate: isoDate,
    place: z.string().trim().max(300, 'platform.form.tooBig').default(''),
    onlineLink: z
      .string()
      .trim()
      .max(500, 'platform.form.tooBig')
      .refine((s) => s === '' || /^https:\/\/[^\s<>"]+$/.test(s), 'platform.form.url')
      .default(''),
    ...Object.fromEntries(CHECKLIST_ITEMS.map((k) => [`check_${k}`, bool])),
  })
  .refine((v) => v.endDate >= v.startDate, { path: ['endDate'], message: 'exchanges.plan.endBeforeStart' })
  .refine((v) => v.format === 'virtual_exchange' ? v.onlineLink !== '' : v.place !== '', { path: ['place'], message: 'exchanges.plan.placeOrLink' });

export const countSchema = count;

export const budgetRowSchema = z.object({
  label: z.string().trim().min(1, 'platform.form.required').max(200, 'platform.form.tooBig'),
  /** Checked by the service with the reader's separators (platform/numbers.ts). */
  amount: z.string().trim().max(40, 'exchanges.plan.amountInvalid'),
  currency: z.string().trim().regex(/^[A-Z]{3}$/, 'exchanges.plan.currencyInvalid').default('EUR'),
  fundedBy: z.string().trim().max(200, 'platform.form.tooBig').default(''),
});

const torText = z.string().trim().max(20000, 'platform.form.tooBig');
export const torSchema = z.object({
  objectives: torText.min(1, 'platform.form.required'),
  activities: torText.min(1, 'platform.form.required'),
  expectedResults: torText.min(1, 'platform.form.required'),
  deliverables: torText.default(''),
  roles: torText.default(''),
  interpretation: torText.default(''),
});
export const TOR_FIELDS = ['objectives', 'activities', 'expectedResults', 'deliverables', 'roles', 'interpretation'] as const;

export const messageSchema = z.object({ body: z.string().trim().min(1, 'platform.form.required').max(5000, 'platform.form.tooBig') });
export const agendaSchema = z.object({ day: isoDate, time: optionalClockTime(), title: z.string().trim().min(1, 'platform.form.required').max(300, 'platform.form.tooBig') });
export const taskSchema = z.object({ title: z.string().trim().min(1, 'platform.form.required').max(300, 'platform.form.tooBig'), dueDate: isoDate });
