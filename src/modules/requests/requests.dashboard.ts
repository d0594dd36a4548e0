/** The broker's dashboard: every request and call by state, what waits on whom, and the 10-working-days flag. */
import type { ServiceCtx } from '../../platform/http.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { workingDaysBetween, STALE_WORKING_DAYS } from '../programmes/programmes.phase.ts';
import { callsForDashboard } from '../calls/calls.repository.ts';
import { isStaff } from './requests.policy.ts';
import { waitingOn, type RequestState } from './requests.workflow.ts';
import { cardOf, type RequestCard } from './requests.service.ts';
import * as repo from './requests.repository.ts';

export type DashboardRequest = RequestCard & { waitingOn: ReturnType<typeof waitingOn>; workingDaysIdle: number; isStale: boolean };
export type Dashboard = {
  counts: { state: string; n: number }[];
  requests: DashboardRequest[];
  calls: { id: string; title: string; state: string; offers: number; lastChange: Date; programmeName: string }[];
};

/** States in which the secretariat is expected to act: silence there is flagged. */
const BROKER_STATES: ReadonlySet<RequestState> = new Set(['submitted', 'eligible', 'selected', 'waiting_list']);

export async function getDashboard(ctx: ServiceCtx): Promise<Dashboard> {
  if (!isStaff(ctx.actor)) throw new NotFoundError();
  const [counts, list, calls] = await Promise.all([repo.countRequestsByState(ctx.db), repo.requestsForBroker(ctx.db), callsForDashboard(ctx.db)]);
  const requests = list
    .map(cardOf)
    .filter((r) => r.state !== 'draft' || r.isComplete)
    .map((r) => {
      const idle = workingDaysBetween(r.lastActionAt, ctx.now);
      const w = waitingOn(r.state, { isComplete: r.isComplete, isEndorsed: r.isEndorsed });
      return { ...r, waitingOn: w, workingDaysIdle: idle, isStale: BROKER_STATES.has(r.state) && idle >= STALE_WORKING_DAYS };
    });
  return {
    counts,
    requests,
    calls: calls.map((c) => ({ id: c.id, title: c.title, state: c.state, offers: c.offers, lastChange: new Date(c.last_change), programmeName: c.programme_name })),
  };
}
