/** The matching engine: ranked candidates with reasons, opportunities, the round planner. */
import { defineModule } from '../../platform/module.ts';
import { matchingRoutes } from './matching.routes.ts';

export default defineModule({ name: 'matching', pages: matchingRoutes });
