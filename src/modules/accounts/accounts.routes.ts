/** Register, verify, sign in and out, reset password, account settings, API tokens, admin roles. */
import { Hono } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import type { AppEnv, Ctx } from '../../platform/http.ts';

import { page, redirectTo, setFlash, link } from '../../platform/render.ts';
import { parseWith } from '../../platform/validation.ts';
import { emptyForm, type FormState } from '../../platform/html/form.ts';
import { setSessionCookie, clearSessionCookie } from '../../platform/session.ts';
import { LOCALES, isLocale, type Locale } from '../../platform/i18n.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { PLATFORM_ROLES, type PlatformRole } from '../../db/schema/accounts.ts';
import * as svc from './accounts.service.ts';
import * as tokens from './accounts.tokens.ts';
import * as twoFactor from './accounts.twofactor.ts';
import * as v from './accounts.views.ts';
import { canAccount } from './accounts.policy.ts';
import { passwordProblem } from './accounts.passwords.ts';

const email = z.string().trim().min(1, 'platform.form.required').max(254).pipe(z.email('platform.form.email'));
const password = z.string().min(1, 'platform.form.required').max(1024);
const name = z.string().trim().min(1, 'platform.form.required').max(120, 'platform.form.tooBig');
const localeField = z.enum(LOCALES, 'platform.form.choice');

const newPassword = z
  .string()
  .min(1, 'platform.form.required')
  .max(1024)
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const registerSchema = z.object({ name, email, password: newPassword, locale: localeField });
const signInSchema = z.object({ email, password });

const { safeNext } = svc;

const env = (c: Ctx): svc.AccountsEnv => ({ mailer: c.get('deps').mailer, baseUrl: c.get('deps').config.baseUrl });
const secure = (c: Ctx) => c.get('deps').config.cookieSecure;

function requireUser(c: Ctx) {
  const u = c.get('user');
  if (!u) {
    const e = new NotFoundError();
    throw e;
  }
  return u;
}

export function accountsRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get('/register', (c) => v.registerPage(c, emptyForm({ locale: c.get('locale') })));
  r.post('/register', async (c) => {
    const body = await c.req.parseBody();
    const p = parseWith(registerSchema, body);
    if (!p.ok) return v.registerPage(c, { values: body, errors: p.errors }, 400);
    const out = await svc.register(c.var.ctx, env(c), p.data);
    if (!out.ok) return v.registerPage(c, { values: body, errors: out.errors }, 400);
    return redirectTo(c, '/register/sent');
  });
  r.get('/register/sent', (c) => v.messagePage(c, c.get('t')('accounts.register.sentTitle'), c.get('t')('accounts.register.sent')));

  r.get('/verify-email', async (c) => {
    const token = c.req.query('token') ?? '';
    const usable = token && (await svc.isTokenUsable(c.get('deps').database.db, 'verify_email', token, c.get('deps').now()));
    return v.verifyPage(c, token, !!usable);
  });
  r.post('/verify-email', async (c) => {
    const body = await c.req.parseBody();
    const out = await svc.verifyEmail(c.var.ctx, String(body.token ?? ''));
    if (!out.ok) return v.verifyPage(c, '', false, 400);
    setFlash(c, 'accounts.verify.done');
    return redirectTo(c, c.get('user') ? '/account' : '/sign-in');
  });

  r.get('/sign-in', (c) => v.signInPage(c, emptyForm({ next: safeNext(c.req.query('next')) ?? '' })));
  r.post('/sign-in', async (c) => {
    const body = await c.req.parseBody();
    const p = parseWith(signInSchema, body);
    if (!p.ok) return v.signInPage(c, { values: { email: body.email, next: body.next }, errors: p.errors }, 400);
    const out = await svc.signIn(c.var.ctx, { ...p.data, previousIdHash: c.get('sessionIdHash') });
    if (!out.ok) {
      const key = out.reason === 'locked' ? 'accounts.signIn.locked' : out.reason === 'unverified' ? 'accounts.signIn.unverified' : 'accounts.signIn.invalid';
      if (out.reason === 'locked') c.header('Retry-After', String(svc.LOCK_WINDOW_MS / 1000));
      return v.signInPage(c, { values: { email: body.email, next: body.next }, errors: { _form: key } }, out.reason === 'locked' ? 429 : 400);
    }
    setSessionCookie(c, out.token, secure(c));
    const locale: Locale = isLocale(out.user.locale) ? out.user.locale : c.get('locale');
    const next = safeNext(body.next) ?? '/account';
    if (out.secondFactor !== 'none') return c.redirect(`/${locale}/sign-in/${out.secondFactor}?next=${encodeURIComponent(next)}`, 303);
    return c.redirect(`/${locale}${next}`, 303);
  });

  // The second step of a sign-in that needs a second factor (SECURITY.md 8). Only a pending session reaches these.
  const pending = (c: Ctx) => c.get('pendingUser') ?? null;
  const toSignIn = (c: Ctx) => redirectTo(c, '/sign-in');
  r.get('/sign-in/code', (c) => {
    const u = pending(c);
    if (!u || !u.hasTotp) return toSignIn(c);
    return v.codePage(c, emptyForm({ next: safeNext(c.req.query('next')) ?? '' }));
  });
  r.post('/sign-in/code', async (c) => {
    const u = pending(c);
    if (!u || !u.hasTotp) return toSignIn(c);
    const body = await c.req.parseBody();
    const next = safeNext(body.next) ?? '/account';
    const code = String(body.code ?? '').slice(0, 40);
    if (!code.trim()) return v.codePage(c, { values: { next }, errors: { code: 'platform.form.required' } }, 400);
    const out = await twoFactor.completeSignIn(c.var.ctx, { userId: u.id, pendingIdHash: c.get('sessionIdHash')!, code });
    if (!out.ok) {
      if (out.reason === 'locked') c.header('Retry-After', String(svc.LOCK_WINDOW_MS / 1000));
      return v.codePage(c, { values: { next }, errors: { code: out.reason === 'locked' ? 'accounts.signIn.locked' : 'accounts.twoFactor.codeWrong' } }, out.reason === 'locked' ? 429 : 400);
    }
    setSessionCookie(c, out.token, secure(c));
    return c.redirect(`/${isLocale(u.locale) ? u.locale : c.get('locale')}${next}`, 303);
  });
  r.get('/sign-in/setup', (c) => {
    const u = pending(c);
    if (!u || u.hasTotp) return toSignIn(c);
    const secret = twoFactor.newSecret();
    return v.setupPage(c, { secret, uri: twoFactor.provisioningUri(secret, u.email), atSignIn: true, required: true }, emptyForm({ next: safeNext(c.req.query('next')) ?? '' }));
  });
  r.post('/sign-in/setup', async (c) => {
    const u = pending(c);
    if (!u || u.hasTotp) return toSignIn(c);
    const body = await c.req.parseBody();
    const next = safeNext(body.next) ?? '/account';
    const secret = String(body.secret ?? '');
    const out = await twoFactor.enrol(c.var.ctx, { userId: u.id, secret, code: String(body.code ?? ''), sessionIdHash: c.get('sessionIdHash')!, atSignIn: true });
    if (!out.ok) {
      const s = /^[A-Z2-7]{32}$/.test(secret) ? secret : twoFactor.newSecret();
      return v.setupPage(c, { secret: s, uri: twoFactor.provisioningUri(s, u.email), atSignIn: true, required: true }, { values: { next }, errors: out.errors }, 400);
    }
    setSessionCookie(c, out.token!, secure(c));
    return v.recoveryCodesPage(c, out.recoveryCodes, next);
  });

  r.post('/sign-out', async (c) => {
    const idHash = c.get('sessionIdHash');
    if (idHash) await svc.signOut(c.var.ctx, idHash);
    clearSessionCookie(c, secure(c));
    return redirectTo(c, '/');
  });

  r.get('/password/forgot', (c) => v.forgotPage(c, emptyForm()));
  r.post('/password/forgot', async (c) => {
    const body = await c.req.parseBody();
    const p = parseWith(z.object({ email }), body);
    if (!p.ok) return v.forgotPage(c, { values: body, errors: p.errors }, 400);
    await svc.requestPasswordReset(c.var.ctx, env(c), p.data.email);
    return redirectTo(c, '/password/forgot/sent');
  });
  r.get('/password/forgot/sent', (c) => v.messagePage(c, c.get('t')('accounts.forgot.sentTitle'), c.get('t')('accounts.forgot.sent')));

  r.get('/password/reset', async (c) => {
    const token = c.req.query('token') ?? '';
    const usable = token && (await svc.isTokenUsable(c.get('deps').database.db, 'reset_password', token, c.get('deps').now()));
    if (!usable) return v.messagePage(c, c.get('t')('accounts.reset.title'), c.get('t')('accounts.reset.invalid'), 400);
    return v.resetPage(c, { values: { token }, errors: {} });
  });
  r.post('/password/reset', async (c) => {
    const body = await c.req.parseBody();
    const p = parseWith(z.object({ token: z.string().min(1), password }), body);
    if (!p.ok) return v.resetPage(c, { values: { token: body.token }, errors: p.errors }, 400);
    const out = await svc.resetPassword(c.var.ctx, p.data.token, p.data.password);
    if (!out.ok && out.reason === 'invalid') return v.messagePage(c, c.get('t')('accounts.reset.title'), c.get('t')('accounts.reset.invalid'), 400);
    if (!out.ok) return v.resetPage(c, { values: { token: body.token }, errors: out.reason === 'weak' ? out.errors : {} }, 400);
    clearSessionCookie(c, secure(c));
    setFlash(c, 'accounts.reset.done');
    return redirectTo(c, '/sign-in');
  });

  // Account settings: signed-in only (a visitor is sent to sign in).
  r.use('/account/*', async (c, next) => {
    if (!c.get('user')) return c.redirect(`${link(c, '/sign-in')}?next=${encodeURIComponent(c.req.path)}`, 303);
    return next();
  });
  r.get('/account', async (c) => {
    if (!c.get('user')) return c.redirect(`${link(c, '/sign-in')}?next=%2Faccount`, 303);
    return v.accountPage(c, await tokens.listApiTokens(c.var.ctx), {});
  });
  r.post('/account/settings', async (c) => {
    const body = await c.req.parseBody();
    const p = parseWith(z.object({ name, locale: localeField }), body);
    if (!p.ok) return v.accountPage(c, await tokens.listApiTokens(c.var.ctx), { settings: { values: body, errors: p.errors } }, 400);
    await svc.updateAccountSettings(c.var.ctx, p.data);
    setFlash(c, 'accounts.settings.saved');
    return c.redirect(`/${p.data.locale}/account`, 303);
  });
  r.post('/account/password', async (c) => {
    const body = await c.req.parseBody();
    const p = parseWith(z.object({ current: password, password }), body);
    const fail = (errors: Record<string, string>) => v.accountPage(c, [], { password: { values: {}, errors } }, 400);
    if (!p.ok) return fail(p.errors);
    const out = await svc.changePassword({ ...c.var.ctx, sessionIdHash: c.get('sessionIdHash')! }, p.data);
    if (!out.ok) return fail(out.errors);
    setFlash(c, 'accounts.password.changed');
    return redirectTo(c, '/account');
  });
  r.post('/account/email', async (c) => {
    const body = await c.req.parseBody();
    const p = parseWith(z.object({ current: password, email }), body);
    const fail = (errors: Record<string, string>) => v.accountPage(c, [], { email: { values: { email: body.email }, errors } }, 400);
    if (!p.ok) return fail(p.errors);
    const out = await svc.requestEmailChange(c.var.ctx, env(c), p.data);
    if (!out.ok) return fail(out.errors);
    setFlash(c, 'accounts.email.sent');
    return redirectTo(c, '/account');
  });
  r.get('/account/two-factor', async (c) => {
    const u = c.get('user')!;
    if (u.hasTotp) return v.twoFactorPage(c, { codesLeft: await twoFactor.recoveryCodesLeft(c.get('deps').database.db, u.id), required: twoFactor.isSecondFactorRequired(u.roles) }, emptyForm());
    const secret = twoFactor.newSecret();
    return v.setupPage(c, { secret, uri: twoFactor.provisioningUri(secret, u.email), atSignIn: false, required: false }, emptyForm());
  });
  r.post('/account/two-factor', async (c) => {
    const u = c.get('user')!;
    if (u.hasTotp) return redirectTo(c, '/account/two-factor');
    const body = await c.req.parseBody();
    const secret = String(body.secret ?? '');
    const out = await twoFactor.enrol(c.var.ctx, { userId: u.id, secret, code: String(body.code ?? ''), current: String(body.current ?? ''), sessionIdHash: c.get('sessionIdHash')!, atSignIn: false });
    if (!out.ok) {
      const s = /^[A-Z2-7]{32}$/.test(secret) ? secret : twoFactor.newSecret();
      return v.setupPage(c, { secret: s, uri: twoFactor.provisioningUri(s, u.email), atSignIn: false, required: false }, { values: {}, errors: out.errors }, 400);
    }
    setSessionCookie(c, out.token!, secure(c));
    return v.recoveryCodesPage(c, out.recoveryCodes, '/account/two-factor');
  });
  r.post('/account/two-factor/recovery-codes', async (c) => {
    const u = c.get('user')!;
    const body = await c.req.parseBody();
    const out = await twoFactor.renewRecoveryCodes(c.var.ctx, { current: String(body.renewCurrent ?? '') });
    if (!out.ok) {
      const left = await twoFactor.recoveryCodesLeft(c.get('deps').database.db, u.id);
      return v.twoFactorPage(c, { codesLeft: left, required: twoFactor.isSecondFactorRequired(u.roles) }, { values: {}, errors: { renewCurrent: out.errors.current! } }, 400);
    }
    return v.recoveryCodesPage(c, out.recoveryCodes, '/account/two-factor');
  });
  r.post('/account/two-factor/off', async (c) => {
    const u = c.get('user')!;
    const body = await c.req.parseBody();
    const out = await twoFactor.turnOff(c.var.ctx, { current: String(body.offCurrent ?? ''), sessionIdHash: c.get('sessionIdHash')! });
    if (!out.ok) {
      const left = await twoFactor.recoveryCodesLeft(c.get('deps').database.db, u.id);
      return v.twoFactorPage(c, { codesLeft: left, required: twoFactor.isSecondFactorRequired(u.roles) }, { values: {}, errors: { offCurrent: out.errors.current! } }, 400);
    }
    setFlash(c, 'accounts.twoFactor.turnedOff');
    return redirectTo(c, '/account');
  });
  r.post('/account/tokens', async (c) => {
    const body = await c.req.parseBody();
    const p = parseWith(z.object({ name: z.string().trim().min(1, 'platform.form.required').max(80, 'platform.form.tooBig') }), body);
    if (!p.ok) return v.accountPage(c, await tokens.listApiTokens(c.var.ctx), { token: { values: body, errors: p.errors } }, 400);
    const created = await tokens.createApiToken(c.var.ctx, p.data.name);
    return v.accountPage(c, await tokens.listApiTokens(c.var.ctx), {}, 200, created.token);
  });
  r.post('/account/tokens/:id/revoke', async (c) => {
    await tokens.revokeApiToken(c.var.ctx, c.req.param('id'));
    setFlash(c, 'accounts.tokens.revoked');
    return redirectTo(c, '/account');
  });
  // POST /account/delete (the account page's last form) is the privacy module's: the erasure lives there.

  // Platform administration of roles. Anyone else gets 404, as for a missing page.
  r.get('/admin/users', async (c) => {
    if (!canAccount(c.get('user'), 'users.list')) throw new NotFoundError();
    const pageNo = Math.max(1, Number(c.req.query('page') ?? 1) || 1);
    const list = await svc.listUsers(c.var.ctx, { page: pageNo });
    return v.usersPage(c, list, pageNo);
  });
  r.post('/admin/users/:id/roles', async (c) => {
    requireUser(c);
    const body = await c.req.parseBody({ all: true });
    const raw = body.roles;
    const roles = (Array.isArray(raw) ? raw : raw ? [raw] : []).map(String).filter((x): x is PlatformRole => (PLATFORM_ROLES as readonly string[]).includes(x));
    const regionsRaw = body.regions;
    const regions = (Array.isArray(regionsRaw) ? regionsRaw : regionsRaw ? [regionsRaw] : []).map(String).filter((x) => /^[a-z]{2,8}$/.test(x));
    const out = await svc.setRoles(c.var.ctx, { userId: c.req.param('id'), roles, coordinatorRegions: regions });
    if (!out.ok) throw new NotFoundError();
    if (out.newToken) setSessionCookie(c, out.newToken, secure(c));
    setFlash(c, 'accounts.admin.rolesSaved');
    return redirectTo(c, '/admin/users');
  });

  return r;
}
