/** Who may manage programmes. Pure functions over typed action names. */
import type { CurrentUser } from '../../platform/http.ts';

export type ProgrammeAction = 'programme.manage' | 'programme.postNews';

/** Broker and platform admin run programmes: settings, rounds, criteria, committee, news. */
export function canProgramme(actor: CurrentUser | null, action: ProgrammeAction): boolean {
  if (!actor) return false;
  switch (action) {
    case 'programme.manage':
    case 'programme.postNews':
      return actor.roles.includes('broker') || actor.roles.includes('admin');
  }
}
