/** The good-practice library, the guide to forms of cooperation, funding. */
import { defineModule } from '../../platform/module.ts';
import { knowledgeRoutes } from './knowledge.routes.ts';
import { knowledgeApiRoutes } from './knowledge.api.ts';
import { seedGoodPractices } from './knowledge.seed.ts';

export default defineModule({
  name: 'knowledge',
  pages: knowledgeRoutes,
  api: knowledgeApiRoutes,
  // The demo's good-practice library, after the directory and the programme.
  demo: { order: 40, run: (db, { now }) => seedGoodPractices(db, { now }) },
});
