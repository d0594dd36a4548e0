/**
 * When each questionnaire of an exchange is due: before (14 days before the first day), during (on
 * the middle day of the exchange: CONNECT monitors "before, during and after"), right after (the day
 * after the last day), and follow-ups 3, 6 and 12 months after the last day. In time order. Pure.
 */
export const STAGES = ['before', 'during', 'after', 'm3', 'm6', 'm12'] as const;
export type Stage = (typeof STAGES)[number];
export const isStage = (v: unknown): v is Stage => typeof v === 'string' && (STAGES as readonly string[]).includes(v);

export const SIDES = ['host', 'peer'] as const;
export type Side = (typeof SIDES)[number];

/**
 * Reminders go on until the evaluation is answered, and stop with the answer: every 7 days for
 * the first 4 reminders (a month), then every 28 days, so a questionnaire left unanswered for a
 * year costs its side about a dozen reminders rather than fifty.
 */
export const REMINDER_DAYS = 7;
export const WEEKLY_REMINDERS = 4;
export const LATER_REMINDER_DAYS = 28;

/** Days to wait after the last reminder (or the sending) when `reminders` have been sent so far. */
export const reminderGapDays = (reminders: number): number => (reminders < WEEKLY_REMINDERS ? REMINDER_DAYS : LATER_REMINDER_DAYS);

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Adds calendar months, keeping the day or falling back to the month's last day (31 Jan + 1 month = 28/29 Feb). */
function addMonths(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** The day (UTC) a stage's questionnaire is sent. */
export function dueDate(stage: Stage, startDate: string, endDate: string): string {
  switch (stage) {
    case 'before':
      return addDays(startDate, -14);
    case 'during': {
      const days = Math.round((Date.parse(`${endDate}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)) / 86400_000);
      return addDays(startDate, Math.max(0, Math.floor(days / 2)));
    }
    case 'after':
      return addDays(endDate, 1);
    case 'm3':
      return addMonths(endDate, 3);
    case 'm6':
      return addMonths(endDate, 6);
    case 'm12':
      return addMonths(endDate, 12);
  }
}

/**
 * A questionnaire reaches the exchanges whose stage falls due after it was introduced, or at most
 * this many days before: one added in 2030 is not sent to the exchanges of 2026.
 */
export const INTRODUCTION_GRACE_DAYS = 30;

/**
 * Whether a stage is due at `now` for an exchange in `state` (nothing is sent while it is only
 * planned), given when the programme first had a questionnaire for that stage (`introducedAt`).
 */
export function isDue(stage: Stage, e: { state: string; startDate: string; endDate: string; introducedAt?: Date }, now: Date): boolean {
  if (e.state === 'planned') return false;
  const due = dueDate(stage, e.startDate, e.endDate);
  if (e.introducedAt && due < addDays(e.introducedAt.toISOString().slice(0, 10), -INTRODUCTION_GRACE_DAYS)) return false;
  return now.toISOString().slice(0, 10) >= due;
}

/** Whether an unanswered evaluation last reminded (or sent) at `last`, reminded `reminders` times so far, gets a reminder at `now`. */
export const isReminderDue = (last: Date, reminders: number, now: Date): boolean => now.getTime() - last.getTime() >= reminderGapDays(reminders) * 86400_000;
