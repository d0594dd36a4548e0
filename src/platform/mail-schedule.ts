/**
 * When a digest goes: at a fixed local hour in the person's time zone, every day (daily) or on
 * Mondays (weekly). Pure functions on the injected clock; the zone's offset is read from Intl, so
 * summer time is followed.
 */
import type { MailMode } from './mail-categories.ts';

/** Local hour at which digests are sent. */
export const DIGEST_LOCAL_HOUR = 7;
/** ISO weekday of the weekly digest (1 = Monday). */
export const WEEKLY_DIGEST_WEEKDAY = 1;
export const DEFAULT_TIME_ZONE = 'UTC';

/** Whether Intl knows the zone (an IANA name such as Africa/Accra). */
export function isTimeZone(tz: unknown): tz is string {
  if (typeof tz !== 'string' || !tz || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The zones a person may choose, sorted. */
export function timeZones(): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set(['UTC', ...all])].sort();
}

type Parts = { y: number; m: number; d: number; h: number; min: number; wd: number };
const WD: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function partsIn(at: Date, tz: string): Parts {
  const f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', weekday: 'short' });
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  return { y: +p.year!, m: +p.month!, d: +p.day!, h: +p.hour!, min: +p.minute!, wd: WD[p.weekday!] ?? 1 };
}

/** The instant at which the local wall clock in `tz` shows y-m-d h:00 (the first such, or the one after a gap). */
function instantOf(y: number, m: number, d: number, h: number, tz: string): Date {
  let guess = Date.UTC(y, m - 1, d, h);
  for (let i = 0; i < 3; i++) {
    const p = partsIn(new Date(guess), tz);
    const shown = Date.UTC(p.y, p.m - 1, p.d, p.h, p.min);
    const want = Date.UTC(y, m - 1, d, h);
    if (shown === want) break;
    guess += want - shown;
  }
  return new Date(guess);
}

/** The next digest time strictly after `now` for this mode and zone (immediate/off: now). */
export function nextDigestAt(now: Date, mode: MailMode = 'daily', tz: string = DEFAULT_TIME_ZONE): Date {
  if (mode !== 'daily' && mode !== 'weekly') return now;
  const zone = isTimeZone(tz) ? tz : DEFAULT_TIME_ZONE;
  const today = partsIn(now, zone);
  for (let add = 0; add <= 8; add++) {
    const day = new Date(Date.UTC(today.y, today.m - 1, today.d + add));
    const wd = ((day.getUTCDay() + 6) % 7) + 1;
    if (mode === 'weekly' && wd !== WEEKLY_DIGEST_WEEKDAY) continue;
    const at = instantOf(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), DIGEST_LOCAL_HOUR, zone);
    if (at > now) return at;
  }
  return new Date(now.getTime() + 86_400_000);
}
