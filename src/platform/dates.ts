/**
 * Dates and times typed in forms, checked against the calendar (JavaScript's Date rolls
 * 2027-02-30 over to March; PostgreSQL refuses it, which was a 500) and against each other.
 * Every schema with a date or time field uses these; the messages are the platform's
 * (`platform.form.date`, `platform.form.time`, `platform.form.dateTime`, `platform.form.dateOrder`).
 */
import { z } from 'zod';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

/** Years the platform accepts: far enough for history and plans, inside what PostgreSQL and Intl format. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

const daysIn = (y: number, m: number): number => (m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

/** `YYYY-MM-DD` naming a day that exists (2027-02-29 does not, 2028-02-29 does). */
export function isCalendarDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return y >= MIN_YEAR && y <= MAX_YEAR && mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo);
}

/** `HH:MM` on a 24-hour clock. */
export function isClockTime(s: string): boolean {
  const m = TIME.exec(s);
  return !!m && Number(m[1]) <= 23 && Number(m[2]) <= 59;
}

/** A date typed in a form: `YYYY-MM-DD`, a real day. */
export const calendarDate = () =>
  z
    .string('platform.form.required')
    .trim()
    .min(1, 'platform.form.required')
    .refine(isCalendarDate, 'platform.form.date');

/** The same, where blank means "not given" (undefined). */
export const optionalCalendarDate = () =>
  z.preprocess((v) => (v === '' || v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v), z.string('platform.form.date').trim().refine(isCalendarDate, 'platform.form.date').optional());

/** A time typed in a form, `HH:MM`; blank is allowed and stays ''. */
export const optionalClockTime = () => z.string('platform.form.time').trim().refine((s) => s === '' || isClockTime(s), 'platform.form.time').default('');

/**
 * A date-time from a form (`2026-12-01`, `2026-12-01T17:00`, read as UTC) or JSON (ISO 8601 with
 * seconds and a zone), checked against the calendar; the value is a Date.
 */
export const dateTimeField = () =>
  z
    .string('platform.form.required')
    .trim()
    .min(1, 'platform.form.required')
    .transform((v, ctx) => {
      const d = parseDateTime(v);
      if (!d) {
        ctx.addIssue({ code: 'custom', message: 'platform.form.dateTime' });
        return z.NEVER;
      }
      return d;
    });

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM`, or ISO 8601 with seconds and a zone, as a Date (UTC when no zone); null when any part is not on the calendar or clock. */
export function parseDateTime(v: string): Date | null {
  const m = DATE_TIME.exec(v);
  if (!m || !isCalendarDate(m[1]!)) return null;
  if (m[2] !== undefined && !isClockTime(m[2])) return null;
  if (m[3] !== undefined && Number(m[3]) > 59) return null;
  if (m[4] && m[4] !== 'Z' && !isClockTime(m[4].slice(1))) return null;
  const d = new Date(m[2] === undefined ? `${m[1]}T00:00:00Z` : m[3] === undefined && !m[4] ? `${m[1]}T${m[2]}:00Z` : m[4] ? v.replace(' ', 'T') : `${v.replace(' ', 'T')}Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * An order check for an object schema: `end` is not before `start` when both are given (strings
 * `YYYY-MM-DD` compare as text; Dates by time). The error goes on `end`.
 */
export function dateOrder<K extends string>(start: K, end: K, message = 'platform.form.dateOrder') {
  return {
    check: (v: Partial<Record<K, unknown>>): boolean => {
      const a = v[start];
      const b = v[end];
      if (a === undefined || a === null || b === undefined || b === null || a === '' || b === '') return true;
      return (a instanceof Date ? a.getTime() : String(a)) <= (b instanceof Date ? b.getTime() : String(b));
    },
    params: { path: [end], message },
  };
}
