/** The broker's dashboard: every request by state, what waits on whom, and the 10-working-days flag (the calls are drawn by the calls module in the page's slot). */
import type { ServiceCtx } from '../../platform/http.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { workingDaysBetween, STALE_WORKING_DAYS } from '../programmes/programmes.policy.ts';
import { isStaff } from './requests.policy.ts';
import { waitingOn, REQUEST_STATES, type RequestState } from './requests.workflow.ts';
import { z } from 'zod';
import { parseQuery } from '../../platform/query.ts';
import { cardOf, type RequestCard } from './requests.service.ts';
import * as repo from './requests.repository.ts';

export type DashboardRequest = RequestCard & { waitingOn: ReturnType<typeof waitingOn>; workingDaysIdle: number; isStale: boolean };
export type Dashboard = {
  counts: { state: string; n: number }[];
  requests: DashboardRequest[];
};

/** States in which the secretariat is expected to act: silence there is flagged. */
const BROKER_STATES: ReadonlySet<RequestState> = new Set(['submitted', 'eligible', 'selected', 'waiting_list']);

const dashboardQuery = z.object({ state: z.enum(REQUEST_STATES, 'platform.form.choice').optional().or(z.literal('').transform(() => undefined)) }).strict();

/** The dashboard, optionally narrowed to one request state (an unknown key or state answers 400). */
export async function getDashboard(ctx: ServiceCtx, query: Record<string, unknown> = {}): Promise<Dashboard> {
  if (!isStaff(ctx.actor)) throw new NotFoundError();
  const { state } = parseQuery(dashboardQuery, query);
  const [counts, list] = await Promise.all([repo.countRequestsByState(ctx.db), repo.requestsForBroker(ctx.db, state)]);
  const requests = list
    .map(cardOf)
    // Drafts are the requesters' work in progress, not the secretariat's: shown only when asked for.
    .filter((r) => r.state !== 'draft' || state === 'draft')
    .map((r) => {
      const idle = workingDaysBetween(r.lastActionAt, ctx.now);
      const w = waitingOn(r.state, { isComplete: r.isComplete, isEndorsed: r.isEndorsed });
      return { ...r, waitingOn: w, workingDaysIdle: idle, isStale: BROKER_STATES.has(r.state) && idle >= STALE_WORKING_DAYS };
    });
  return { counts, requests };
}
