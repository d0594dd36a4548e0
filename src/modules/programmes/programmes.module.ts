/** Programmes, rounds, criteria, committee; public calls for requests, feeds and timelines. */
import { defineModule } from '../../platform/module.ts';
import { programmesRoutes } from './programmes.routes.ts';

export default defineModule({ name: 'programmes', pages: programmesRoutes });
