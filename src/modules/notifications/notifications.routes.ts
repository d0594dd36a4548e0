/** The notification preference page. (Queued mail leaves through the platform's outbox worker.) */
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { AppEnv, Ctx } from '../../platform/http.ts';

import { page, link, redirectTo, setFlash } from '../../platform/render.ts';
import { errorSummary } from '../../platform/html/form.ts';
import { formAction, requireUser } from '../../platform/forms.ts';
import { getPreference, setPreference, NOTIFICATION_MODES, type NotificationMode } from './notifications.service.ts';

function settingsPage(c: Ctx, mode: string, errors: Record<string, string> = {}, status = 200) {
  const t = c.get('t');
  const label = (m: NotificationMode) => ({ immediate: t('notifications.mode.immediate'), daily: t('notifications.mode.daily'), off: t('notifications.mode.off') })[m];
  return page(c, {
    title: t('notifications.settings.title'),
    nav: 'account',
    status,
    body: html`<h1>${t('notifications.settings.title')}</h1>
<form method="post" novalidate action="${link(c, '/notifications/settings')}" class="stack">${errorSummary(t, errors, { mode: t('notifications.settings.legend') })}
<fieldset id="f-mode"><legend>${t('notifications.settings.legend')}</legend>
${NOTIFICATION_MODES.map((m) => html`<label><input type="radio" name="mode" value="${m}"${m === mode ? html` checked` : ''}> ${label(m)}</label><br>`)}
</fieldset>
<button type="submit">${t('notifications.settings.save')}</button></form>`,
  });
}

export function notificationsRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/notifications/settings', async (c) => {
    requireUser(c);
    return settingsPage(c, await getPreference(c.var.ctx));
  });
  r.post('/notifications/settings', async (c) => {
    requireUser(c);
    return formAction(
      c,
      async (body) => {
        await setPreference(c.var.ctx, body);
        setFlash(c, 'notifications.settings.saved');
        return redirectTo(c, '/notifications/settings');
      },
      (form, status) => settingsPage(c, String(form.values.mode ?? ''), form.errors, status),
    );
  });
  return r;
}
