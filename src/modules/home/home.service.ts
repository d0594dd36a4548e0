/**
 * The front page's facts and "Waiting on you" (issue 16). Everything is read through the other
 * modules' services; what waits on a person is gathered from the manifests' `waiting` hooks, handed
 * over by app.ts (`useWaitingOf`), so that home does not import the list of modules.
 */
import type { ServiceCtx } from '../../platform/http.ts';
import type { Manifest, WaitingItem } from '../../platform/module.ts';
import { UnauthorizedError } from '../../platform/errors.ts';
import { listOpenCalls as openExpertiseCalls, type PublicCall } from '../calls/calls.service.ts';
import { listOpenCalls as openRounds, type OpenCall } from '../programmes/programmes.service.ts';
import { upcomingEvents, type EventCardView } from '../events/events.service.ts';
import { newestGoodPractices, type GoodPracticeCard } from '../knowledge/knowledge.service.ts';
import { directoryFigures } from '../organisations/organisations.service.ts';
import { heldExchangeCount } from '../exchanges/exchanges.service.ts';

export type { WaitingItem };

/** How many of each list the front page shows. */
export const HOME_LIST_SIZE = 3;

export type HomeFacts = {
  calls: PublicCall[];
  rounds: OpenCall[];
  events: EventCardView[];
  practices: GoodPracticeCard[];
  figures: { organisations: number; exchanges: number; countries: number };
};

/**
 * How old the front page's figures may be. Counting every verified organisation and its countries reads
 * the whole table (tens of milliseconds at 100,000 organisations, for every front page a member opens),
 * while a figure a minute old says the same; so each process keeps them this long (by the app's clock).
 */
export const FIGURES_MAX_AGE_MS = 60_000;
const figuresCache = new WeakMap<object, { at: number; figures: Promise<HomeFacts['figures']> }>();

async function countFigures(ctx: ServiceCtx): Promise<HomeFacts['figures']> {
  const [directory, exchanges] = await Promise.all([directoryFigures(ctx), heldExchangeCount(ctx)]);
  return { organisations: directory.organisations, exchanges, countries: directory.countries };
}

/** The figures, counted at most once a minute per process and database (a failed count is not kept). */
function homeFigures(ctx: ServiceCtx): Promise<HomeFacts['figures']> {
  const now = ctx.now.getTime();
  const hit = figuresCache.get(ctx.db);
  if (hit && now - hit.at >= 0 && now - hit.at < FIGURES_MAX_AGE_MS) return hit.figures;
  const figures = countFigures(ctx);
  figuresCache.set(ctx.db, { at: now, figures });
  figures.catch(() => figuresCache.delete(ctx.db));
  return figures;
}

/** The front page's live parts: open calls for expertise, open rounds, upcoming events, newest good practices, figures. */
export async function homeFacts(ctx: ServiceCtx): Promise<HomeFacts> {
  const [calls, rounds, events, practices, figures] = await Promise.all([
    openExpertiseCalls(ctx, {}),
    openRounds(ctx, {}),
    upcomingEvents(ctx, HOME_LIST_SIZE),
    newestGoodPractices(ctx, HOME_LIST_SIZE),
    homeFigures(ctx),
  ]);
  const byDeadline = [...calls].filter((c) => c.isTakingOffers).sort((a, b) => a.deadline.getTime() - b.deadline.getTime());
  const byClose = [...rounds].sort((a, b) => a.round.closesAt.getTime() - b.round.closesAt.getTime());
  return {
    calls: byDeadline.slice(0, HOME_LIST_SIZE),
    rounds: byClose.slice(0, HOME_LIST_SIZE),
    events,
    practices,
    figures,
  };
}

let waitingHooks: { module: string; waiting: NonNullable<Manifest['waiting']> }[] = [];

/** app.ts hands over the modules' manifests: their `waiting` hooks feed "Waiting on you". */
export function useWaitingOf(manifests: readonly Manifest[]): void {
  waitingHooks = manifests.flatMap((m) => (m.waiting ? [{ module: m.name, waiting: m.waiting }] : []));
}

/** What waits on the signed-in person, across modules: those with a deadline first, soonest first. */
export async function waitingOnMe(ctx: ServiceCtx): Promise<WaitingItem[]> {
  if (!ctx.actor) throw new UnauthorizedError();
  const lists = await Promise.all(waitingHooks.map((h) => h.waiting(ctx)));
  return lists.flat().sort((a, b) => (a.due?.getTime() ?? Infinity) - (b.due?.getTime() ?? Infinity) || a.title.localeCompare(b.title));
}
