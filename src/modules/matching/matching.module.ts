/** The matching engine: ranked candidates with reasons, opportunities, the round planner. */
import { defineModule } from '../../platform/module.ts';
import { matchingRoutes } from './matching.routes.ts';
import { matchingApiRoutes } from './matching.api.ts';

export default defineModule({ name: 'matching', pages: matchingRoutes, api: matchingApiRoutes });
