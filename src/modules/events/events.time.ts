/**
 * Dates and times of events: a local date and time in an IANA time zone ↔ an instant, with a real
 * calendar check (2027-02-30 is no date), and an instant shown in a zone with the zone named.
 * Pure functions over Intl; no clock.
 */

const partsCache = new Map<string, Intl.DateTimeFormat>();
function partsFormat(tz: string): Intl.DateTimeFormat {
  let f = partsCache.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    partsCache.set(tz, f);
  }
  return f;
}

function wall(ms: number, tz: string): { y: number; m: number; d: number; h: number; min: number; s: number } {
  const p = Object.fromEntries(partsFormat(tz).formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return { y: Number(p.year), m: Number(p.month), d: Number(p.day), h: Number(p.hour) % 24, min: Number(p.minute), s: Number(p.second) };
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(ms: number, tz: string): number {
  const w = wall(ms, tz);
  return Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s) - Math.floor(ms / 1000) * 1000;
}

/** Whether `YYYY-MM-DD` is a date of the calendar. */
export function isCalendarDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1970 || y > 9999 || mo < 1 || mo > 12 || d < 1) return false;
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

export function isClockTime(time: string): boolean {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  return !!m && Number(m[1]) <= 23 && Number(m[2]) <= 59;
}

/** The instant of a local date and time in `tz`; null when the date or time does not exist. */
export function zonedToUtc(date: string, time: string, tz: string): Date | null {
  if (!isCalendarDate(date) || !isClockTime(time)) return null;
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  const guess = Date.UTC(y, mo - 1, d, h, min);
  const first = guess - offsetAt(guess, tz);
  const second = guess - offsetAt(first, tz);
  return new Date(second);
}

/** The local date (`YYYY-MM-DD`) and time (`HH:MM`) of an instant in `tz`, as a form shows them. */
export function utcToZoned(at: Date, tz: string): { date: string; time: string } {
  const w = wall(at.getTime(), tz);
  const p = (n: number, l = 2) => String(n).padStart(l, '0');
  return { date: `${p(w.y, 4)}-${p(w.m)}-${p(w.d)}`, time: `${p(w.h)}:${p(w.min)}` };
}

/** An instant in a zone, in the reader's language, with the zone named: "Thursday 10 December 2026 at 14:00 GMT+1 (Africa/Lagos)". */
export function fmtInZone(at: Date, tz: string, locale: string): string {
  const f = new Intl.DateTimeFormat(locale, { timeZone: tz, weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
  return `${f.format(at)} (${tz})`;
}

/** Start and end in one line: the end's date is repeated only when it differs. */
export function fmtRange(start: Date, end: Date, tz: string, locale: string): string {
  const f = new Intl.DateTimeFormat(locale, { timeZone: tz, weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
  return `${f.formatRange(start, end)} (${tz})`;
}
