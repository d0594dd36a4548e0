/** Requests for expertise: drafting, endorsement, submission, eligibility, committee review and decision. */
import { defineModule } from '../../platform/module.ts';
import { exportRequests } from './requests.repository.ts';
import { requestsRoutes } from './requests.routes.ts';
import { requestsApiRoutes } from './requests.api.ts';
import { seedRequestsDemo } from './requests.demo.ts';
import { markMatched, noteCallPublished, purgeEmptyDrafts, waitingInRequests } from './requests.service.ts';

export default defineModule({
  name: 'requests',
  // A person's data here, exported and erased by the privacy module (SECURITY.md 32–33).
  personalData: { export: exportRequests },
  pages: requestsRoutes,
  waiting: waitingInRequests,
  api: requestsApiRoutes,
  // The demo's requests of the exchange stage, selected (as rows), after the accounts, directory and programme.
  demo: { order: 50, run: seedRequestsDemo },
  // Drafts nobody wrote anything in for 30 days are removed (issue 16.4).
  jobs: [{ name: 'requests.purgeEmptyDrafts', everyMs: 6 * 3600_000, atStart: true, run: ({ db, now }) => purgeEmptyDrafts(db, now) }],
  on: {
    // The call of a request is the calls module's (above this one): what it means for the request is decided here.
    'calls.published': (e, { db, createdAt }) => noteCallPublished(db, e.requestId, createdAt),
    'calls.matchConfirmed': (e, { db, createdAt }) => markMatched(db, e.requestId, e.actorId, createdAt),
  },
});
