/** Pages of the accounts module. */
import { html } from 'hono/html';
import type { Ctx } from '../../platform/http.ts';
import { page, link } from '../../platform/render.ts';
import { input, select, errorSummary, checkboxes, type FormState, emptyForm } from '../../platform/html/form.ts';
import { LOCALES, LOCALE_NAMES } from '../../platform/i18n.ts';
import { PLATFORM_ROLES } from '../../db/schema/accounts.ts';
import type { UserRow } from './accounts.service.ts';
import { MIN_LENGTH, MIN_LENGTH_PRIVILEGED } from './accounts.passwords.ts';
import { dateFormat } from '../../platform/html/format.ts';

const localeOptions = () => LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l], lang: l }));

export function messagePage(c: Ctx, title: string, message: string, status = 200) {
  return page(c, { title, status, body: html`<h1>${title}</h1><p>${message}</p>` });
}

export function registerPage(c: Ctx, form: FormState, status = 200) {
  const t = c.get('t');
  const labels = { name: t('accounts.field.name'), email: t('accounts.field.email'), password: t('accounts.field.password'), locale: t('accounts.field.locale') };
  return page(c, {
    title: t('accounts.register.title'),
    status,
    body: html`<h1>${t('accounts.register.title')}</h1>
${errorSummary(t, form.errors, labels)}
<form method="post" action="${link(c, '/register')}" class="stack" novalidate>
${input({ t, form, name: 'name', label: labels.name, autocomplete: 'name', required: true })}
${input({ t, form, name: 'email', label: labels.email, type: 'email', autocomplete: 'email', required: true })}
${input({ t, form, name: 'password', label: labels.password, type: 'password', autocomplete: 'new-password', required: true, hint: t('accounts.password.hint', { min: MIN_LENGTH }) })}
${select({ t, form, name: 'locale', label: labels.locale, options: localeOptions() })}
<div><button type="submit">${t('accounts.register.submit')}</button></div>
</form>
<p>${t('accounts.register.haveAccount')} <a href="${link(c, '/sign-in')}">${t('platform.nav.signIn')}</a></p>`,
  });
}

export function verifyPage(c: Ctx, token: string, usable: boolean, status = 200) {
  const t = c.get('t');
  if (!usable) return messagePage(c, t('accounts.verify.title'), t('accounts.verify.invalid'), status === 200 ? 400 : status);
  return page(c, {
    title: t('accounts.verify.title'),
    status,
    body: html`<h1>${t('accounts.verify.title')}</h1><p>${t('accounts.verify.explain')}</p>
<form method="post" novalidate action="${link(c, '/verify-email')}"><input type="hidden" name="token" value="${token}"><button type="submit">${t('accounts.verify.submit')}</button></form>`,
  });
}

export function signInPage(c: Ctx, form: FormState, status = 200) {
  const t = c.get('t');
  const labels = { email: t('accounts.field.email'), password: t('accounts.field.password'), _form: t('accounts.signIn.title') };
  const formError = form.errors._form;
  const fieldErrors = Object.fromEntries(Object.entries(form.errors).filter(([k]) => k !== '_form'));
  return page(c, {
    title: t('accounts.signIn.title'),
    status,
    body: html`<h1>${t('accounts.signIn.title')}</h1>
${formError ? html`<div class="error-summary" role="alert" tabindex="-1"><p class="error-text">${t(formError)}</p></div>` : errorSummary(t, fieldErrors, labels)}
<form method="post" action="${link(c, '/sign-in')}" class="stack" novalidate>
<input type="hidden" name="next" value="${String(form.values.next ?? '')}">
${input({ t, form: { values: form.values, errors: fieldErrors }, name: 'email', label: labels.email, type: 'email', autocomplete: 'username', required: true })}
${input({ t, form: { values: {}, errors: fieldErrors }, name: 'password', label: labels.password, type: 'password', autocomplete: 'current-password', required: true })}
<div><button type="submit">${t('accounts.signIn.submit')}</button></div>
</form>
<p><a href="${link(c, '/password/forgot')}">${t('accounts.forgot.link')}</a></p>
<p>${t('accounts.signIn.noAccount')} <a href="${link(c, '/register')}">${t('platform.nav.register')}</a></p>`,
  });
}

export function forgotPage(c: Ctx, form: FormState, status = 200) {
  const t = c.get('t');
  const labels = { email: t('accounts.field.email') };
  return page(c, {
    title: t('accounts.forgot.title'),
    status,
    body: html`<h1>${t('accounts.forgot.title')}</h1><p>${t('accounts.forgot.explain')}</p>
${errorSummary(t, form.errors, labels)}
<form method="post" action="${link(c, '/password/forgot')}" class="stack" novalidate>
${input({ t, form, name: 'email', label: labels.email, type: 'email', autocomplete: 'email', required: true })}
<div><button type="submit">${t('accounts.forgot.submit')}</button></div>
</form>`,
  });
}

export function resetPage(c: Ctx, form: FormState, status = 200) {
  const t = c.get('t');
  const labels = { password: t('accounts.field.newPassword') };
  return page(c, {
    title: t('accounts.reset.title'),
    status,
    body: html`<h1>${t('accounts.reset.title')}</h1>
${errorSummary(t, form.errors, labels)}
<form method="post" action="${link(c, '/password/reset')}" class="stack" novalidate>
<input type="hidden" name="token" value="${String(form.values.token ?? '')}">
${input({ t, form, name: 'password', label: labels.password, type: 'password', autocomplete: 'new-password', required: true, hint: t('accounts.password.hint', { min: MIN_LENGTH }) })}
<div><button type="submit">${t('accounts.reset.submit')}</button></div>
</form>`,
  });
}

type Token = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null };
type AccountForms = Partial<Record<'settings' | 'password' | 'email' | 'token', FormState>>;

export function accountPage(c: Ctx, tokenList: Token[], forms: AccountForms, status = 200, newToken?: string) {
  const t = c.get('t');
  const user = c.get('user')!;
  const locale = c.get('locale');
  const date = (d: Date | null) => (d ? dateFormat(locale, { dateStyle: 'medium' }).format(d) : '—');
  const settings = forms.settings ?? emptyForm({ name: user.name, locale: user.locale });
  const pw = forms.password ?? emptyForm();
  const em = forms.email ?? emptyForm();
  const tk = forms.token ?? emptyForm();
  const isPrivileged = user.roles.some((r) => r === 'broker' || r === 'committee' || r === 'admin');
  const all = { ...settings.errors, ...pw.errors, ...em.errors, ...tk.errors };
  const labels = {
    name: t('accounts.field.name'),
    locale: t('accounts.field.locale'),
    current: t('accounts.field.currentPassword'),
    password: t('accounts.field.newPassword'),
    email: t('accounts.field.newEmail'),
  };
  return page(c, {
    title: t('accounts.account.title'),
    nav: 'account',
    status,
    body: html`<h1>${t('accounts.account.title')}</h1>
${errorSummary(t, all, { ...labels, name: tk.errors.name ? t('accounts.tokens.name') : labels.name })}
<p>${t('accounts.account.signedInAs', { email: user.email })}</p>
${user.roles.length ? html`<p>${t('accounts.account.roles')}: ${user.roles.map((r) => roleLabel(c, r)).join(', ')}</p>` : ''}
<p><a href="${link(c, '/people/me')}">${t('accounts.account.profileLink')}</a> · <a href="${link(c, '/associations')}">${t('accounts.account.associationsLink')}</a> · <a href="${link(c, '/account/data')}">${t('privacy.data.title')}</a> · <a href="${link(c, '/privacy')}">${t('privacy.notice.title')}</a>${user.roles.includes('admin') ? html` · <a href="${link(c, '/admin/users')}">${t('accounts.admin.title')}</a>` : ''}</p>
<section aria-labelledby="s-settings"><h2 id="s-settings">${t('accounts.settings.title')}</h2>
<form method="post" action="${link(c, '/account/settings')}" class="stack" novalidate>
${input({ t, form: settings, name: 'name', label: labels.name, autocomplete: 'name', required: true })}
${select({ t, form: settings, name: 'locale', label: labels.locale, options: localeOptions() })}
<div><button type="submit">${t('platform.form.save')}</button></div></form></section>
<section aria-labelledby="s-email"><h2 id="s-email">${t('accounts.email.title')}</h2>
<form method="post" action="${link(c, '/account/email')}" class="stack" novalidate>
${input({ t, form: em, name: 'email', label: labels.email, type: 'email', autocomplete: 'email', required: true })}
${input({ t, form: { values: {}, errors: em.errors }, name: 'current', label: labels.current, type: 'password', autocomplete: 'current-password', required: true })}
<div><button type="submit">${t('accounts.email.submit')}</button></div></form></section>
<section aria-labelledby="s-password"><h2 id="s-password">${t('accounts.password.title')}</h2>
<form method="post" action="${link(c, '/account/password')}" class="stack" novalidate>
${input({ t, form: { values: {}, errors: pw.errors }, name: 'current', label: labels.current, type: 'password', autocomplete: 'current-password', required: true })}
${input({ t, form: pw, name: 'password', label: labels.password, type: 'password', autocomplete: 'new-password', required: true, hint: t('accounts.password.hint', { min: isPrivileged ? MIN_LENGTH_PRIVILEGED : MIN_LENGTH }) })}
<div><button type="submit">${t('accounts.password.submit')}</button></div></form></section>
<section aria-labelledby="s-2fa"><h2 id="s-2fa">${t('accounts.twoFactor.title')}</h2><p>${user.hasTotp ? t('accounts.twoFactor.isOn') : t('accounts.twoFactor.isOff')}</p>
<p><a href="${link(c, '/account/two-factor')}">${user.hasTotp ? t('accounts.twoFactor.manage') : t('accounts.twoFactor.setUp')}</a></p></section>
<section aria-labelledby="s-tokens"><h2 id="s-tokens">${t('accounts.tokens.title')}</h2>
<p>${t('accounts.tokens.explain')}</p>
${newToken ? html`<div class="flash" role="status"><p>${t('accounts.tokens.created')}</p><p><code>${newToken}</code></p></div>` : ''}
${
  tokenList.length
    ? html`<table><caption class="visually-hidden">${t('accounts.tokens.title')}</caption><thead><tr><th scope="col">${t('accounts.tokens.name')}</th><th scope="col">${t('accounts.tokens.createdAt')}</th><th scope="col">${t('accounts.tokens.lastUsed')}</th><th scope="col"><span class="visually-hidden">${t('accounts.tokens.actions')}</span></th></tr></thead><tbody>${tokenList.map(
        (k) => html`<tr><td>${k.name}</td><td>${date(k.createdAt)}</td><td>${date(k.lastUsedAt)}</td><td><form method="post" novalidate action="${link(c, `/account/tokens/${k.id}/revoke`)}"><button type="submit" class="secondary">${t('accounts.tokens.revoke')}<span class="visually-hidden"> ${k.name}</span></button></form></td></tr>`,
      )}</tbody></table>`
    : html`<p>${t('accounts.tokens.none')}</p>`
}
<form method="post" action="${link(c, '/account/tokens')}" class="stack" novalidate>
${input({ t, form: tk, name: 'name', label: t('accounts.tokens.name'), required: true })}
<div><button type="submit">${t('accounts.tokens.create')}</button></div></form></section>
<section aria-labelledby="s-delete"><h2 id="s-delete">${t('accounts.delete.title')}</h2><p>${t('accounts.delete.explain')}</p>
<form method="post" action="${link(c, '/account/delete')}" class="stack" novalidate>
${input({ t, form: emptyForm(), name: 'current', label: labels.current, type: 'password', autocomplete: 'current-password', required: true })}
<div><button type="submit" class="secondary">${t('accounts.delete.submit')}</button></div></form></section>`,
  });
}

export function roleLabel(c: Ctx, role: string): string {
  const t = c.get('t');
  switch (role) {
    case 'broker':
      return t('accounts.role.broker');
    case 'committee':
      return t('accounts.role.committee');
    case 'coordinator':
      return t('accounts.role.coordinator');
    case 'admin':
      return t('accounts.role.admin');
    default:
      return t('accounts.role.member');
  }
}

export function usersPage(c: Ctx, list: { rows: UserRow[]; total: number }, pageNo: number) {
  const t = c.get('t');
  const pages = Math.max(1, Math.ceil(list.total / 50));
  return page(c, {
    title: t('accounts.admin.title'),
    nav: 'account',
    body: html`<h1>${t('accounts.admin.title')}</h1>
<p>${t('accounts.admin.count', { count: list.total })}</p>
<ul class="cards">${list.rows.map(
      (u) => html`<li class="card"><h2>${u.name}</h2><p class="meta">${u.email ?? ''}</p>
<form method="post" novalidate action="${link(c, `/admin/users/${u.id}/roles`)}" class="stack">
${checkboxes({ t, form: { values: { roles: u.roles }, errors: {} }, name: 'roles', idBase: `roles-${u.id}`, label: t('accounts.admin.roles', { name: u.name }), options: PLATFORM_ROLES.map((r) => ({ value: r, label: roleLabel(c, r) })) })}
<div><button type="submit">${t('accounts.admin.saveRoles')}<span class="visually-hidden"> ${u.name}</span></button></div></form></li>`,
    )}</ul>
<nav class="pager" aria-label="${t('platform.pager.label')}">${pageNo > 1 ? html`<a rel="prev" href="${link(c, `/admin/users?page=${pageNo - 1}`)}">${t('platform.pager.previous')}</a>` : html`<span></span>`}<span>${t('platform.pager.status', { page: pageNo, pages })}</span>${pageNo < pages ? html`<a rel="next" href="${link(c, `/admin/users?page=${pageNo + 1}`)}">${t('platform.pager.next')}</a>` : html`<span></span>`}</nav>`,
  });
}

/** The secret grouped by four, as authenticator apps show it (easier to type on a phone). */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

/** Second step of sign-in: the code from the authenticator app, or a recovery code. */
export function codePage(c: Ctx, form: FormState, status = 200) {
  const t = c.get('t');
  const labels = { code: t('accounts.twoFactor.code') };
  return page(c, {
    title: t('accounts.twoFactor.signInTitle'),
    status,
    body: html`<h1>${t('accounts.twoFactor.signInTitle')}</h1>
${errorSummary(t, form.errors, labels)}
<p>${t('accounts.twoFactor.signInExplain')}</p>
<form method="post" action="${link(c, '/sign-in/code')}" class="stack" novalidate>
<input type="hidden" name="next" value="${String(form.values.next ?? '')}">
${input({ t, form: { values: {}, errors: form.errors }, name: 'code', label: labels.code, autocomplete: 'one-time-code', hint: t('accounts.twoFactor.codeHint'), required: true, maxlength: 20 })}
<div><button type="submit">${t('accounts.twoFactor.verify')}</button></div>
</form>
<form method="post" novalidate action="${link(c, '/sign-out')}"><button type="submit" class="secondary">${t('accounts.twoFactor.cancel')}</button></form>`,
  });
}

/** Setting the second factor up: the secret to type into an app, and a code from it (plus the current password from the account page). */
export function setupPage(c: Ctx, opts: { secret: string; uri: string; atSignIn: boolean; required: boolean }, form: FormState, status = 200) {
  const t = c.get('t');
  const labels = { code: t('accounts.twoFactor.code'), current: t('accounts.field.currentPassword') };
  const action = opts.atSignIn ? '/sign-in/setup' : '/account/two-factor';
  return page(c, {
    title: t('accounts.twoFactor.setupTitle'),
    status,
    body: html`<h1>${t('accounts.twoFactor.setupTitle')}</h1>
${errorSummary(t, form.errors, labels)}
${opts.required ? html`<p>${t('accounts.twoFactor.requiredExplain')}</p>` : ''}
<ol class="steps">
<li>${t('accounts.twoFactor.step1')}</li>
<li>${t('accounts.twoFactor.step2')}<p><code class="secret" dir="ltr">${grouped(opts.secret)}</code></p><p class="hint">${t('accounts.twoFactor.uriHint')} <a href="${opts.uri}">${t('accounts.twoFactor.uriLink')}</a></p></li>
<li>${t('accounts.twoFactor.step3')}</li>
</ol>
<form method="post" action="${link(c, action)}" class="stack" novalidate>
<input type="hidden" name="secret" value="${opts.secret}">
<input type="hidden" name="next" value="${String(form.values.next ?? '')}">
${opts.atSignIn ? '' : input({ t, form: { values: {}, errors: form.errors }, name: 'current', label: labels.current, type: 'password', autocomplete: 'current-password', required: true })}
${input({ t, form: { values: {}, errors: form.errors }, name: 'code', label: labels.code, autocomplete: 'one-time-code', inputmode: 'numeric', required: true, maxlength: 6 })}
<div><button type="submit">${t('accounts.twoFactor.turnOn')}</button></div>
</form>`,
  });
}

/** The recovery codes, shown once (after setting up or renewing). */
export function recoveryCodesPage(c: Ctx, codes: string[], next: string) {
  const t = c.get('t');
  return page(c, {
    title: t('accounts.twoFactor.codesTitle'),
    body: html`<h1>${t('accounts.twoFactor.codesTitle')}</h1>
<div class="flash" role="status"><p>${t('accounts.twoFactor.codesExplain')}</p></div>
<ul class="recovery-codes" dir="ltr">${codes.map((k) => html`<li><code>${k}</code></li>`)}</ul>
<p><a href="${next}">${t('accounts.twoFactor.continue')}</a></p>`,
  });
}

/** The second factor on the account: state, recovery codes left, renew, turn off (each asks the current password). */
export function twoFactorPage(c: Ctx, s: { codesLeft: number; required: boolean }, form: FormState, status = 200) {
  const t = c.get('t');
  const labels = { renewCurrent: t('accounts.field.currentPassword'), offCurrent: t('accounts.field.currentPassword') };
  const f: FormState = { values: {}, errors: form.errors };
  return page(c, {
    title: t('accounts.twoFactor.title'),
    status,
    body: html`<h1>${t('accounts.twoFactor.title')}</h1>
${errorSummary(t, form.errors, labels)}
<p>${t('accounts.twoFactor.isOn')}</p>
<p>${t('accounts.twoFactor.codesLeft', { n: s.codesLeft })}</p>
<section aria-labelledby="h-renew"><h2 id="h-renew">${t('accounts.twoFactor.renewTitle')}</h2><p>${t('accounts.twoFactor.renewExplain')}</p>
<form method="post" action="${link(c, '/account/two-factor/recovery-codes')}" class="stack" novalidate>
${input({ t, form: f, name: 'renewCurrent', label: labels.renewCurrent, type: 'password', autocomplete: 'current-password', required: true })}
<div><button type="submit">${t('accounts.twoFactor.renew')}</button></div></form></section>
<section aria-labelledby="h-off"><h2 id="h-off">${t('accounts.twoFactor.offTitle')}</h2>${
      s.required
        ? html`<p>${t('accounts.twoFactor.required')}</p>`
        : html`<form method="post" action="${link(c, '/account/two-factor/off')}" class="stack" novalidate>
${input({ t, form: f, name: 'offCurrent', label: labels.offCurrent, type: 'password', autocomplete: 'current-password', required: true })}
<div><button type="submit">${t('accounts.twoFactor.turnOff')}</button></div></form>`
    }</section>
<p><a href="${link(c, '/account')}">${t('accounts.twoFactor.back')}</a></p>`,
  });
}
