/** Exchanges: planning, terms of reference, the participants' page, reporting, partnerships. */
import { defineModule } from '../../platform/module.ts';
import { exchangesRoutes } from './exchanges.routes.ts';
import { exchangesApiRoutes } from './exchanges.api.ts';

export default defineModule({ name: 'exchanges', pages: exchangesRoutes, api: exchangesApiRoutes });
