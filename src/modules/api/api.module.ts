/** The JSON API's shell: the directory's operations and the OpenAPI document. */
import { defineModule } from '../../platform/module.ts';
import { apiRoutes } from './api.routes.ts';

export default defineModule({ name: 'api', api: apiRoutes });
