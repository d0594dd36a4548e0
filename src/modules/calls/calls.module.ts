/** Calls for expertise, offers, message threads, match proposals. */
import { defineModule } from '../../platform/module.ts';
import { callsRoutes } from './calls.routes.ts';

export default defineModule({ name: 'calls', pages: callsRoutes });
