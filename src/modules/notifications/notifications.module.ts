/** Each person's mail preferences per category and the digests' time zone (the outbox and the digests are the platform's). */
import { defineModule } from '../../platform/module.ts';
import { notificationsRoutes } from './notifications.routes.ts';
import { notificationsApiRoutes } from './notifications.api.ts';

export default defineModule({ name: 'notifications', pages: notificationsRoutes, api: notificationsApiRoutes });
