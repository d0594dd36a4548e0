/** Who may import and export. The command line runs with database access and counts as platform staff. */
import type { CurrentUser } from '../../platform/http.ts';

export type ImportsActor = CurrentUser | 'cli';
export type ImportsAction = 'import' | 'export.people' | 'export.contacts';

const STAFF: ReadonlySet<string> = new Set(['admin', 'broker']);

/** True when the actor is platform staff: the command line, an admin or a broker. */
export function isPlatformStaff(actor: ImportsActor | null): boolean {
  return actor === 'cli' || (!!actor && actor.roles.some((r) => STAFF.has(r)));
}

/**
 * import: the command line or a platform admin. export.people (the people directory as a file,
 * with emails): platform staff. export.contacts (organisations' contact emails in a directory
 * download): any signed-in member.
 */
export function canImports(actor: ImportsActor | null, action: ImportsAction): boolean {
  switch (action) {
    case 'import':
      return actor === 'cli' || (!!actor && actor.roles.includes('admin'));
    case 'export.people':
      return isPlatformStaff(actor);
    case 'export.contacts':
      return actor !== null;
  }
}
