/** The good-practice library, the guide to forms of cooperation, funding. */
import { defineModule } from '../../platform/module.ts';
import { knowledgeRoutes } from './knowledge.routes.ts';
import { knowledgeApiRoutes } from './knowledge.api.ts';

export default defineModule({ name: 'knowledge', pages: knowledgeRoutes, api: knowledgeApiRoutes });
