/** Who may do what with accounts. Pure functions over typed action names. */
import type { CurrentUser } from '../../platform/http.ts';

export type AccountAction = 'users.list' | 'users.setRoles' | 'account.manage';

export function canAccount(actor: CurrentUser | null, action: AccountAction): boolean {
  if (!actor) return false;
  switch (action) {
    case 'account.manage':
      return true;
    case 'users.list':
    case 'users.setRoles':
      return actor.roles.includes('admin');
  }
}
