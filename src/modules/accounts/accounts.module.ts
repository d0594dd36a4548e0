/** Accounts: registration, sign-in, second factor, roles, personal access tokens. */
import { defineModule } from '../../platform/module.ts';
import { accountsRoutes } from './accounts.routes.ts';

export default defineModule({ name: 'accounts', pages: accountsRoutes });
