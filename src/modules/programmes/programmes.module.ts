/** Programmes, rounds, criteria, committee; public calls for requests, feeds and timelines. */
import { defineModule } from '../../platform/module.ts';
import { eraseCommitteeSeats } from './programmes.repository.ts';
import { programmesRoutes } from './programmes.routes.ts';
import { programmesApiRoutes } from './programmes.api.ts';
import { seedProgrammesDemo } from './programmes.demo.ts';

export default defineModule({ name: 'programmes', personalData: { erase: eraseCommitteeSeats }, pages: programmesRoutes,
  api: programmesApiRoutes,
  // The demo CONNECT programme (an open round, criteria, committee, timeline), after the accounts.
  demo: { order: 30, run: async (db, { now }) => ({ programmes: (await seedProgrammesDemo(db, now)) ? 1 : 0 }) },
});
