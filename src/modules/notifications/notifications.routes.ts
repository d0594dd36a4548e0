/** The notification preferences page: per category, at once, daily, weekly or never, and the digests' time zone. No JavaScript. */
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { AppEnv, Ctx } from '../../platform/http.ts';
import { page, link, redirectTo, setFlash } from '../../platform/render.ts';
import { errorSummary } from '../../platform/html/form.ts';
import { formAction, requireUser } from '../../platform/forms.ts';
import { categoryLabel } from '../../platform/mail-template.ts';
import { timeZones, DIGEST_LOCAL_HOUR } from '../../platform/mail-schedule.ts';
import { getPreferences, setPreferencesForm, MAIL_CATEGORIES, MAIL_MODES, type MailMode, type Preferences } from './notifications.service.ts';
import type { T } from '../../platform/i18n.ts';

function modeLabel(t: T, m: MailMode): string {
  switch (m) {
    case 'immediate':
      return t('notifications.mode.immediate');
    case 'daily':
      return t('notifications.mode.daily', { hour: DIGEST_LOCAL_HOUR });
    case 'weekly':
      return t('notifications.mode.weekly', { hour: DIGEST_LOCAL_HOUR });
    default:
      return t('notifications.mode.off');
  }
}

function settingsPage(c: Ctx, values: Record<string, unknown>, errors: Record<string, string> = {}, status = 200) {
  const t = c.get('t');
  const labels: Record<string, string> = Object.fromEntries(MAIL_CATEGORIES.map((k) => [k, categoryLabel(t, k)]));
  labels.timeZone = t('notifications.settings.zone');
  const zone = String(values.timeZone ?? 'UTC');
  return page(c, {
    title: t('notifications.settings.title'),
    nav: 'account',
    status,
    body: html`<h1>${t('notifications.settings.title')}</h1>
<p>${t('notifications.settings.intro')}</p>
<form method="post" novalidate action="${link(c, '/notifications/settings')}" class="stack">${errorSummary(t, errors, labels)}
${MAIL_CATEGORIES.map(
  (k) => html`<fieldset id="f-${k}"${errors[k] || k === 'networks' ? html` aria-describedby="${[k === 'networks' ? 'h-networks' : '', errors[k] ? `e-${k}` : ''].filter(Boolean).join(' ')}"` : ''}><legend>${labels[k]}</legend>
${k === 'networks' ? html`<span class="hint" id="h-networks">${t('notifications.settings.networksHint')}</span>` : ''}
${errors[k] ? html`<span class="error-text" id="e-${k}">${t(errors[k]!)}</span>` : ''}
${MAIL_MODES.map((m) => html`<label><input type="radio" name="${k}" value="${m}"${values[k] === m ? html` checked` : ''}> ${modeLabel(t, m)}</label>`)}
</fieldset>`,
)}
<div class="field"><label for="f-timeZone">${labels.timeZone}</label>
<span class="hint" id="h-timeZone">${t('notifications.settings.zoneHint', { hour: DIGEST_LOCAL_HOUR })}</span>
${errors.timeZone ? html`<span class="error-text" id="e-timeZone">${t(errors.timeZone)}</span>` : ''}
<select id="f-timeZone" name="timeZone" aria-describedby="h-timeZone${errors.timeZone ? ' e-timeZone' : ''}">${timeZones().map((z) => html`<option${z === zone ? html` selected` : ''}>${z}</option>`)}</select></div>
<button type="submit">${t('notifications.settings.save')}</button></form>`,
  });
}

const formValues = (p: Preferences): Record<string, unknown> => ({ ...p.categories, timeZone: p.timeZone });

export function notificationsRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  r.get('/notifications/settings', async (c) => {
    requireUser(c);
    return settingsPage(c, formValues(await getPreferences(c.var.ctx)));
  });
  r.post('/notifications/settings', async (c) => {
    requireUser(c);
    return formAction(
      c,
      async (body) => {
        await setPreferencesForm(c.var.ctx, body);
        setFlash(c, 'notifications.settings.saved');
        return redirectTo(c, '/notifications/settings');
      },
      (form, status) => settingsPage(c, form.values, form.errors, status),
    );
  });
  return r;
}
