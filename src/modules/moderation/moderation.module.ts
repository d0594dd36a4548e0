/** Members' reports and the moderation queue. */
import { defineModule } from '../../platform/module.ts';
import { moderationRoutes } from './moderation.routes.ts';

export default defineModule({ name: 'moderation', pages: moderationRoutes });
