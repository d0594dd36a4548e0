/** Calls for expertise, offers, message threads, match proposals. */
import { defineModule } from '../../platform/module.ts';
import { callsRoutes } from './calls.routes.ts';
import { callsApiRoutes } from './calls.api.ts';

export default defineModule({ name: 'calls', pages: callsRoutes, api: callsApiRoutes });
