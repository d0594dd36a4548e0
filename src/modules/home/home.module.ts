/** The front page and "Waiting on you". */
import { defineModule } from '../../platform/module.ts';
import { homeRoutes } from './home.routes.ts';
import { homeApiRoutes } from './home.api.ts';

export default defineModule({ name: 'home', pages: homeRoutes, api: homeApiRoutes });
