/** Accounts: registration, sign-in, second factor, roles, personal access tokens. */
import { defineModule } from '../../platform/module.ts';
import { accountsRoutes } from './accounts.routes.ts';
import { seedAccountsDemo } from './accounts.demo.ts';

export default defineModule({
  name: 'accounts',
  pages: accountsRoutes,
  // The demo's accounts, one per role, before everything that links them.
  demo: { order: 10, run: seedAccountsDemo },
});
