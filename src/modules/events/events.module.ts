/** Events of the communities: a network's or a programme's, registrations with a waitlist, calendars, reminders, attendance and reports. */
import { defineModule } from '../../platform/module.ts';
import { eventsRoutes } from './events.routes.ts';
import { eventsApiRoutes } from './events.api.ts';
import { seedEventsDemo } from './events.demo.ts';
import { draftFromProposal, erasePersonalData, exportPersonalData, sendReminders, upcomingOfNetwork, waitingInEvents } from './events.service.ts';
import { networkEventsSection } from './events.views.ts';
import '../networks/networks.events.ts';

export default defineModule({
  name: 'events',
  pages: eventsRoutes,
  api: eventsApiRoutes,
  // A confirmed seat at an event starting within a day, for "Waiting on you" (home).
  waiting: waitingInEvents,
  // After the networks (the demo's events are the networks' and their members register).
  demo: { order: 46, run: (db, { now }) => seedEventsDemo(db, { now }) },
  personalData: { export: exportPersonalData, erase: erasePersonalData },
  // The reminder, 24 hours before the start, once per event (safe on several processes: the row is claimed).
  jobs: [{ name: 'events.reminders', everyMs: 10 * 60_000, atStart: true, run: ({ db, now, config }) => sendReminders(db, { baseUrl: config.baseUrl }, now) }],
  // An accepted event proposal becomes a draft event of the network.
  on: { 'networks.proposalAccepted': async (p, { db, now }) => void (await draftFromProposal(db, now, p)) },
  // The network's page (networks, below) lists its upcoming events: drawn here, so that networks need not know events.
  slots: { 'networks.page': async (c, { networkId }) => networkEventsSection(c, await upcomingOfNetwork(c.var.ctx, networkId)) },
});
