/** Accounts: registration, sign-in, second factor, roles, personal access tokens. */
import { defineModule } from '../../platform/module.ts';
import { accountsRoutes } from './accounts.routes.ts';
import { seedAccountsDemo } from './accounts.demo.ts';
import { accountIdentifiers, eraseAccountRows, exportAccount } from './accounts.repository.ts';

export default defineModule({
  name: 'accounts',
  pages: accountsRoutes,
  // The demo's accounts, one per role, before everything that links them.
  demo: { order: 10, run: seedAccountsDemo },
  // The account row and its access (SECURITY.md 32–33): exported; at erasure its sessions and tokens go and its identity is blanked.
  personalData: { identifiers: accountIdentifiers, export: exportAccount, erase: eraseAccountRows },
});
