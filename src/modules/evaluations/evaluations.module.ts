/** Questionnaires, evaluations before, after and months later, reminders, results. */
import { defineModule } from '../../platform/module.ts';
import { exportEvaluationAnswers } from './evaluations.repository.ts';
import { evaluationsRoutes } from './evaluations.routes.ts';
import { evaluationsApiRoutes } from './evaluations.api.ts';
import { seedEvaluationsDemo } from './evaluations.demo.ts';
import { runEvaluations, sendDue, waitingInEvaluations } from './evaluations.service.ts';
import type {} from '../exchanges/exchanges.events.ts';

export default defineModule({
  name: 'evaluations',
  // A person's data here, exported and erased by the privacy module (SECURITY.md 32–33).
  personalData: { export: exportEvaluationAnswers },
  pages: evaluationsRoutes,
  api: evaluationsApiRoutes,
  // What waits on a person here (an evaluation to answer), for "Waiting on you" (home).
  waiting: waitingInEvaluations,
  // The demo's exchange held and evaluated, walked through the exchanges' and this module's services, after the demo's calls.
  demo: { order: 70, run: seedEvaluationsDemo },
  // Evaluations fall due by date (before, after, follow-ups at 3, 6, 12 months; reminders); what they queue leaves through the outbox.
  jobs: [{ name: 'evaluations', everyMs: 15 * 60_000, run: ({ db, now }) => runEvaluations(db, now) }],
  // Exchanges does not know evaluations: it records what happened to an exchange, and what is already due then goes at once.
  on: {
    'exchanges.agreed': async (e, { db, now }) => void (await sendDue(db, now, e.exchangeId)),
    'exchanges.rescheduled': async (e, { db, now }) => void (await sendDue(db, now, e.exchangeId)),
  },
});
