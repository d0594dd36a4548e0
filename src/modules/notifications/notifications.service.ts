/**
 * Notifications: each person's choice, per category of mail (requests and calls, exchanges and
 * evaluations, networks and discussions, events, newsletters), of how it reaches them: at once, in
 * a daily or weekly digest at 07:00 in their time zone, or not at all. The categories, defaults and
 * the outbox that honours the choice are the platform's (platform/mail-categories.ts, outbox.ts).
 * Changing a category moves its unsent digest items to the new schedule (or drops them for "off"):
 * an item is never sent twice, whatever is switched when.
 */
import type { ServiceCtx } from '../../platform/http.ts';
import type { DbOrTx } from '../../platform/db.ts';
import { UnauthorizedError } from '../../platform/errors.ts';
import { mustParse } from '../../platform/validation.ts';
import { z } from 'zod';
import { DEFAULT_MODES, MAIL_CATEGORIES, MAIL_MODES, isMailMode, type MailCategory, type MailMode } from '../../platform/mail-categories.ts';
import { DEFAULT_TIME_ZONE, isTimeZone, nextDigestAt } from '../../platform/mail-schedule.ts';
import * as repo from './notifications.repository.ts';

export { MAIL_CATEGORIES, MAIL_MODES, type MailCategory, type MailMode };

export type Preferences = { categories: Record<MailCategory, MailMode>; timeZone: string };

const mode = z.enum(MAIL_MODES, 'platform.form.choice');
const timeZone = z.string().max(64, 'notifications.settings.zoneInvalid').refine(isTimeZone, 'notifications.settings.zoneInvalid');

/** The page's form: every category chosen. */
export const preferencesForm = z.object({ requests: mode, exchanges: mode, networks: mode, events: mode, news: mode, timeZone: timeZone.optional() });
/** The API's change: any of the categories and the zone. */
export const preferencesChange = z.object({ categories: z.object({ requests: mode, exchanges: mode, networks: mode, events: mode, news: mode }).partial().optional(), timeZone: timeZone.optional() });
export const preferencesAnswer = z.object({ categories: z.object({ requests: mode, exchanges: mode, networks: mode, events: mode, news: mode }), timeZone: z.string() });

function actorId(ctx: ServiceCtx): string {
  if (!ctx.actor) throw new UnauthorizedError();
  return ctx.actor.id;
}

function fromRow(r: repo.PreferenceRow | undefined): Preferences {
  const categories = Object.fromEntries(MAIL_CATEGORIES.map((c) => [c, isMailMode(r?.[c]) ? r![c] : DEFAULT_MODES[c]])) as Record<MailCategory, MailMode>;
  return { categories, timeZone: r?.timeZone && isTimeZone(r.timeZone) ? r.timeZone : DEFAULT_TIME_ZONE };
}

/** The signed-in person's preferences (the defaults where they chose nothing). */
export async function getPreferences(ctx: ServiceCtx): Promise<Preferences> {
  return fromRow(await repo.preferencesOf(ctx.db, actorId(ctx)));
}

/** Saves the page's form (every category). */
export async function setPreferencesForm(ctx: ServiceCtx, raw: unknown): Promise<Preferences> {
  const { timeZone: tz, ...categories } = mustParse(preferencesForm, raw);
  return save(ctx, categories, tz);
}

/** Saves the API's change (some categories and/or the zone). */
export async function changePreferences(ctx: ServiceCtx, raw: unknown): Promise<Preferences> {
  const v = mustParse(preferencesChange, raw);
  return save(ctx, v.categories ?? {}, v.timeZone);
}

async function save(ctx: ServiceCtx, categories: Partial<Record<MailCategory, MailMode>>, tz: string | undefined): Promise<Preferences> {
  const userId = actorId(ctx);
  return ctx.db.transaction(async (tx) => {
    await repo.upsertPreferences(tx, userId, { ...categories, ...(tz ? { timeZone: tz } : {}) }, ctx.now);
    const now = fromRow(await repo.preferencesOf(tx, userId));
    for (const c of MAIL_CATEGORIES) await applyToPending(tx, userId, c, now, ctx.now);
    return now;
  });
}

/** Unsent digest items of a category follow its current mode and zone. */
async function applyToPending(db: DbOrTx, userId: string, c: MailCategory, p: Preferences, now: Date): Promise<void> {
  const m = p.categories[c];
  if (m === 'off') return repo.dropPendingDigest(db, userId, c);
  if (m === 'immediate') return repo.reschedulePendingDigest(db, userId, c, now, 'daily');
  return repo.reschedulePendingDigest(db, userId, c, nextDigestAt(now, m, p.timeZone), m);
}
