/** The notification preferences as JSON under /api/v1: read them, change some categories or the time zone. The same service and limits as the page. */
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http.ts';
import { requireUser } from '../../platform/forms.ts';
import { jsonObject } from '../../platform/validation.ts';
import { declareOperations } from '../../platform/openapi.ts';
import { changePreferences, getPreferences, preferencesAnswer, preferencesChange } from './notifications.service.ts';

export const notificationsOperations = declareOperations('notifications', [
  { method: 'get', path: '/notifications/preferences', operationId: 'getNotificationPreferences', summary: 'The caller’s mail preferences: per category (requests, exchanges, networks, events, news) immediate, daily, weekly or off, and the time zone of the digests (sent at 07:00 local time; weekly on Mondays)', auth: 'required', response: preferencesAnswer },
  { method: 'put', path: '/notifications/preferences', operationId: 'setNotificationPreferences', summary: 'Change some categories and/or the time zone (an IANA name); unsent digest items follow the new choice (dropped for off), none is sent twice', auth: 'required', body: preferencesChange, response: preferencesAnswer, errors: [400] },
]);

export function notificationsApiRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/notifications/preferences', async (c) => {
    requireUser(c);
    return c.json(await getPreferences(c.var.ctx));
  });
  r.put('/notifications/preferences', async (c) => {
    requireUser(c);
    return c.json(await changePreferences(c.var.ctx, await jsonObject(c)));
  });
  return r;
}
