/**
 * Notifications: each person's choice of how mail reaches them (immediately, a daily digest, or
 * not at all). The outbox that honours it is the platform's (platform/outbox.ts).
 */
import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../platform/db.ts';
import type { ServiceCtx } from '../../platform/http.ts';
import type { Mailer } from '../../platform/mail.ts';
import { i18n, isLocale, type T } from '../../platform/i18n.ts';
import { UnauthorizedError } from '../../platform/errors.ts';
import { mustParse } from '../../platform/validation.ts';
import { z } from 'zod';
import * as repo from './notifications.repository.ts';

export const NOTIFICATION_MODES = ['immediate', 'daily', 'off'] as const;
export type NotificationMode = (typeof NOTIFICATION_MODES)[number];

const preferenceInput = z.object({ mode: z.enum(NOTIFICATION_MODES, 'platform.form.choice') });

/** The signed-in person's notification preference. */
export async function getPreference(ctx: ServiceCtx): Promise<NotificationMode> {
  if (!ctx.actor) throw new UnauthorizedError();
  return ((await repo.preferenceOf(ctx.db, ctx.actor.id)) as NotificationMode | undefined) ?? 'immediate';
}

/** Sets the preference; messages already queued keep their schedule. */
export async function setPreference(ctx: ServiceCtx, raw: unknown): Promise<{ ok: true }> {
  if (!ctx.actor) throw new UnauthorizedError();
  const { mode } = mustParse(preferenceInput, raw);
  await repo.upsertPreference(ctx.db, ctx.actor.id, mode, ctx.now);
  return { ok: true };
}
