/** Each person's mail preference (the outbox itself is the platform's). */
import { defineModule } from '../../platform/module.ts';
import { notificationsRoutes } from './notifications.routes.ts';

export default defineModule({ name: 'notifications', pages: notificationsRoutes });
