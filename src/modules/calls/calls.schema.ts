/** zod schemas for publishing a call, offering, messaging, and the public calls list. */
import { z } from 'zod';
import { optionalCalendarDate, dateOrder } from '../../platform/dates.ts';
import { themeList, formatList, languageList, dateTime } from '../programmes/programmes.service.ts';
import { isThemeCode } from '../../taxonomy/themes.ts';
import { EXCHANGE_FORMAT_CODES } from '../../taxonomy/formats.ts';

const optionalDate = optionalCalendarDate();
const periodOrder = dateOrder('periodStart', 'periodEnd', 'requests.form.periodOrder');

export const publishCallInput = z.object({
  title: z.string().trim().min(1).max(200),
  expertiseSought: z.string().trim().min(1).max(5000),
  themes: themeList,
  formats: formatList.refine((a) => a.length > 0, 'requests.form.chooseOne'),
  languages: languageList.refine((a) => a.length > 0, 'requests.form.chooseOne'),
  periodStart: optionalDate,
  periodEnd: optionalDate,
  deadline: dateTime,
}).refine(periodOrder.check, periodOrder.params);

export const offerExpertInput = z.object({
  personId: z.uuid('platform.form.choice'),
  motivation: z.string().trim().min(1).max(3000),
  languages: languageList.refine((a) => a.length > 0, 'requests.form.chooseOne'),
  availability: z.string().trim().max(500).optional().default(''),
});

export const offerInput = z.object({
  organisationId: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.uuid('platform.form.choice').optional()),
  experts: z.array(offerExpertInput).min(1, 'calls.offer.chooseExpert').max(10),
});
export type OfferInput = z.infer<typeof offerInput>;

export const messageInput = z.object({ body: z.string().trim().min(1).max(5000) });

export const callsQuery = z
  .object({
    theme: z.string().refine(isThemeCode, 'platform.form.choice').optional().or(z.literal('').transform(() => undefined)),
    format: z.enum(EXCHANGE_FORMAT_CODES, 'platform.form.choice').optional().or(z.literal('').transform(() => undefined)),
  })
  .strict();
