/** Questionnaires, evaluations before, after and months later, reminders, results. */
import { defineModule } from '../../platform/module.ts';
import { evaluationsRoutes } from './evaluations.routes.ts';
import { evaluationsApiRoutes } from './evaluations.api.ts';
import { runEvaluations } from './evaluations.service.ts';

export default defineModule({
  name: 'evaluations',
  pages: evaluationsRoutes,
  api: evaluationsApiRoutes,
  // Evaluations fall due by date (before, after, follow-ups at 3, 6, 12 months; reminders); what they queue leaves through the outbox.
  jobs: [{ name: 'evaluations', everyMs: 15 * 60_000, run: ({ db, now }) => runEvaluations(db, now) }],
});
