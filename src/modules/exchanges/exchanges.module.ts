/**
 * Exchanges: planning, terms of reference, the participants' page, reporting, partnerships.
 * Emits exchanges.planned, .rescheduled, .agreed, .held, .evaluated and .closed (exchanges.events.ts);
 * evaluations subscribes to them, exchanges imports nothing of evaluations.
 */
import { defineModule } from '../../platform/module.ts';
import { documentsUploadedBy, exportExchangeMessages } from './exchanges.repository.ts';
import { exchangesRoutes } from './exchanges.routes.ts';
import { exchangesApiRoutes } from './exchanges.api.ts';
import { waitingInExchanges } from './exchanges.service.ts';

export default defineModule({ name: 'exchanges', personalData: { export: exportExchangeMessages, files: documentsUploadedBy }, pages: exchangesRoutes, api: exchangesApiRoutes, waiting: waitingInExchanges });
