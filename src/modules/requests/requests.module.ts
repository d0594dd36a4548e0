/** Requests for expertise: drafting, endorsement, submission, eligibility, committee review and decision. */
import { defineModule } from '../../platform/module.ts';
import { requestsRoutes } from './requests.routes.ts';
import { requestsApiRoutes } from './requests.api.ts';

export default defineModule({ name: 'requests', pages: requestsRoutes, api: requestsApiRoutes });
