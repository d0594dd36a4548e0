/** Organisations, memberships, people's profiles and the directory. */
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http.ts';
import { defineModule } from '../../platform/module.ts';
import { eraseProfiles, exportProfiles, profileIdentifiers } from './organisations.repository.ts';
import { organisationsRoutes } from './organisations.routes.ts';
import { peopleRoutes } from './people.routes.ts';
import { organisationsApiRoutes } from './organisations.api.ts';
import { refreshDirectoryConcepts } from './organisations.service.ts';
import { seedOrganisationsDemo } from './organisations.demo.ts';

export default defineModule({
  name: 'organisations',
  // A person's data here, exported and erased by the privacy module (SECURITY.md 32–33).
  personalData: { identifiers: profileIdentifiers, export: exportProfiles, erase: eraseProfiles },
  pages: () => new Hono<AppEnv>().route('/', organisationsRoutes()).route('/', peopleRoutes()),
  api: organisationsApiRoutes,
  // The demo's directory (organisations, people, the demo accounts' memberships), after the accounts.
  demo: { order: 20, run: seedOrganisationsDemo },
  jobs: [
    // Directory rows whose concepts (relevance order) are not in step with their text — written by hand, by the
    // demo seed, or analysed with an older thesaurus — are analysed again, in the background, at start.
    { name: 'directory concepts', everyMs: 0, atStart: true, run: ({ db }) => refreshDirectoryConcepts(db) },
  ],
});
