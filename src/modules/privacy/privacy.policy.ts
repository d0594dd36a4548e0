/** Who may do what with personal data: pure functions of the actor and the object. */
import type { CurrentUser } from '../../platform/http.ts';

export type PrivacyAction = 'export.request' | 'export.list' | 'export.download' | 'consent.give' | 'consent.withdraw';

/** Every action is the person's own: a signed-in account, and for a download the export's owner. */
export function canPrivacy(actor: CurrentUser | null, action: PrivacyAction, obj?: { userId: string }): boolean {
  if (!actor) return false;
  if (action === 'export.download') return !!obj && obj.userId === actor.id;
  return true;
}

/** Paths that show confidential member data (the people directory and pages, downloads of CVs and attachments): shown only after consent to the current notice. */
export const CONSENT_GATED = /^\/(people(\/(?!me$)[^/]+)?|attachments\/[^/]+)\/?$/;
