/** Calls for expertise, offers, message threads, match proposals. */
import { defineModule } from '../../platform/module.ts';
import { eraseExpertEntries, exportOffers } from './calls.repository.ts';
import { callsRoutes } from './calls.routes.ts';
import { callsApiRoutes } from './calls.api.ts';
import { seedCallsDemo } from './calls.demo.ts';
import { callOfRequest, callsForBroker, listOpenCalls, waitingInCalls } from './calls.service.ts';
import { requestCallSection, brokerCallsSection, advisorCallsSection } from './calls.views.ts';

export default defineModule({ name: 'calls', personalData: { export: exportOffers, erase: eraseExpertEntries }, pages: callsRoutes, api: callsApiRoutes, waiting: waitingInCalls,
  // The demo's calls, offers and confirmed matches, after the demo's requests.
  demo: { order: 60, run: seedCallsDemo },
  // The request's page (requests, below) shows its call: drawn here, so that requests need not know calls.
  slots: {
    'requests.page': async (c, r) => requestCallSection(c, r, await callOfRequest(c.var.ctx, r.requestId)),
    'requests.broker': async (c) => brokerCallsSection(c, await callsForBroker(c.var.ctx)),
    // The approach advisor's results (knowledge) list the calls open now on the advice's theme.
    'knowledge.advisor': async (c, { theme }) => advisorCallsSection(c, await listOpenCalls(c.var.ctx, theme ? { theme } : {})),
  } });
