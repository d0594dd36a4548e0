/**
 * The JSON API's shell, mounted first under /api/v1: what every module's API router shares (no-store,
 * the token sign-in and the account's language, the consent gate) and the OpenAPI document generated
 * from the operations the modules declare. The operations themselves live in each module's `<m>.api.ts`.
 */
import { defineModule } from '../../platform/module.ts';
import { apiRoutes } from './api.routes.ts';

export default defineModule({ name: 'api', api: apiRoutes });
