/** Calls for expertise, offers, message threads, match proposals. */
import { defineModule } from '../../platform/module.ts';
import { eraseExpertEntries, exportOffers } from './calls.repository.ts';
import { callsRoutes } from './calls.routes.ts';
import { callsApiRoutes } from './calls.api.ts';
import { seedCallsDemo } from './calls.demo.ts';

export default defineModule({ name: 'calls', personalData: { export: exportOffers, erase: eraseExpertEntries }, pages: callsRoutes, api: callsApiRoutes,
  // The demo's calls, offers and confirmed matches, after the demo's requests.
  demo: { order: 60, run: seedCallsDemo } });
