/** Requests for expertise: drafting, endorsement, submission, eligibility, committee review and decision. */
import { defineModule } from '../../platform/module.ts';
import { exportRequests } from './requests.repository.ts';
import { requestsRoutes } from './requests.routes.ts';
import { requestsApiRoutes } from './requests.api.ts';

export default defineModule({ name: 'requests',
  // A person's data here, exported and erased by the privacy module (SECURITY.md 32–33).
  personalData: { export: exportRequests }, pages: requestsRoutes, api: requestsApiRoutes });
