/** zod schemas of the events module: the single statement of every limit (forms, API, OpenAPI). */
import { z } from 'zod';
import { list, optionalText } from '../../platform/validation.ts';
import { LOCALES } from '../../platform/i18n.ts';
import { UUID } from '../../platform/ids.ts';
import { isThemeCode } from '../../taxonomy/themes.ts';
import { isLanguageCode } from '../../taxonomy/languages.ts';
import { EVENT_FORMATS, EVENT_STATES, REGISTRATION_STATES } from '../../db/schema/events.ts';

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 8000;
export const CAPACITY_MAX = 1000;
export const QUESTION_MAX = 500;
export const ANSWER_MAX = 2000;
export const REPORT_MAX = 8000;
/** The reminder is mailed this long before the start. */
export const REMINDER_LEAD_MS = 24 * 3600_000;

/** The IANA time zones a form offers (and the only ones accepted). */
export const TIME_ZONES: readonly string[] = [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone')])].sort();
const TZ_SET = new Set(TIME_ZONES);
export const isTimeZone = (v: unknown): v is string => typeof v === 'string' && TZ_SET.has(v);

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;
const dateField = z.string('events.error.date').trim().regex(DATE, 'events.error.date');
const timeField = z.string('events.error.time').trim().regex(TIME, 'events.error.time');
const blank = (v: unknown) => (v === '' || v === null ? undefined : v);

/**
 * An event as an organiser writes it. Dates and times are local to `timeZone`; the service checks
 * that each is a real calendar date and that they are in order (events.service.ts `instantsOf`).
 */
export const eventInput = z.object({
  format: z.enum(EVENT_FORMATS, 'events.error.format'),
  title: z.string('events.error.titleLength').trim().min(3, 'events.error.titleLength').max(TITLE_MAX, 'events.error.titleLength'),
  description: z.string('events.error.descriptionLength').trim().min(10, 'events.error.descriptionLength').max(DESCRIPTION_MAX, 'events.error.descriptionLength'),
  lang: z.enum(LOCALES, 'events.error.lang'),
  themes: list(z.string().refine(isThemeCode, 'events.error.choice')).pipe(z.array(z.string()).max(10, 'events.error.themesMax')),
  languages: list(z.string().refine(isLanguageCode, 'events.error.choice')).pipe(z.array(z.string()).min(1, 'events.error.languagesRequired').max(10, 'events.error.languagesMax')),
  startDate: dateField,
  startTime: timeField,
  endDate: dateField,
  endTime: timeField,
  timeZone: z.string('events.error.timeZone').refine(isTimeZone, 'events.error.timeZone'),
  place: optionalText(300),
  meetingUrl: z.preprocess(blank, z.string().trim().max(500, 'events.error.meetingUrl').regex(/^https:\/\/[^\s/]+\.[^\s]*$/i, 'events.error.meetingUrl').optional()),
  capacity: z.coerce.number('events.error.capacity').int('events.error.capacity').min(1, 'events.error.capacity').max(CAPACITY_MAX, 'events.error.capacity'),
  registrationOpensDate: dateField,
  registrationOpensTime: timeField,
  registrationClosesDate: dateField,
  registrationClosesTime: timeField,
  question: optionalText(QUESTION_MAX),
});
export type EventInput = z.infer<typeof eventInput>;

/** Where a new event belongs: a network (by slug) or a programme (by id). */
export const ownerInput = z.object({
  network: z.preprocess(blank, z.string().max(40).optional()),
  programmeId: z.preprocess(blank, z.string().regex(UUID).optional()),
});

export const registrationInput = z.object({ answer: optionalText(ANSWER_MAX) });
export const reportInput = z.object({ report: z.string().trim().max(REPORT_MAX, 'events.error.reportLength') });

export const listQuery = z.object({
  network: z.preprocess(blank, z.string().max(40).optional()),
  theme: z.preprocess(blank, z.string().refine(isThemeCode).optional()),
  format: z.preprocess(blank, z.enum(EVENT_FORMATS).optional()),
  language: z.preprocess(blank, z.string().refine(isLanguageCode).optional()),
  when: z.preprocess(blank, z.enum(['upcoming', 'past']).optional()),
});
export type ListQuery = z.infer<typeof listQuery>;

// ---------- API answers ----------

const localizedText = z.object({ text: z.string(), lang: z.string() });
export const eventCard = z.object({
  id: z.string(),
  network: z.object({ slug: z.string(), name: localizedText }).nullable(),
  programmeId: z.string().nullable(),
  format: z.enum(EVENT_FORMATS),
  title: localizedText,
  themes: z.array(z.string()),
  languages: z.array(z.string()),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  place: z.string().nullable(),
  capacity: z.number().int(),
  confirmed: z.number().int(),
  waitlisted: z.number().int(),
  state: z.enum(EVENT_STATES),
  url: z.string(),
});
export const eventListAnswer = z.object({ items: z.array(eventCard) });
export const eventAnswer = eventCard.extend({
  description: localizedText,
  question: z.string().nullable(),
  registrationOpensAt: z.string(),
  registrationClosesAt: z.string(),
  sequence: z.number().int(),
  me: z.object({
    registration: z.enum(REGISTRATION_STATES).nullable(),
    mayRegister: z.boolean(),
    /** Only for a confirmed registrant, from 30 minutes before the start until the end. */
    meetingUrl: z.string().nullable(),
  }),
});
export const registrationAnswer = z.object({ ok: z.literal(true), registrationId: z.string(), state: z.enum(['confirmed', 'waitlisted']) });
