/** Members' reports and the moderation queue. */
import { defineModule } from '../../platform/module.ts';
import { moderationRoutes } from './moderation.routes.ts';
import { moderationApiRoutes } from './moderation.api.ts';

export default defineModule({ name: 'moderation', pages: moderationRoutes, api: moderationApiRoutes });
