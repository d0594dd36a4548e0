/** Register, verify, sign in and out, reset password, account settings, API tokens, admin roles. */
import { Hono } from 'hono';
import { html } from 'hono/html';
import { z } from 'zod';
import type { AppEnv, Ctx } from '../../platform/http.ts';
import { safeNext } from '../../platform/redirect.ts';
import { link, redirectTo, setFlash } from '../../platform/render.ts';
import { mustParse } from '../../platform/validation.ts';
import { formAction, requireUser } from '../../platform/forms.ts';
import { emptyForm } from '../../platform/html/form.ts';
import { setSessionCookie, clearSessionCookie } from '../../platform/session.ts';
import { LOCALES, type Locale } from '../../platform/i18n.ts';
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


const env = (c: Ctx): svc.AccountsEnv => ({ mailer: c.get('deps').mailer, baseUrl: c.get('deps').config.baseUrl });
const secure = (c: Ctx) => c.get('deps').config.cookieSecure;

/** A form field as one string (the first, when it came twice). */
const str = (v: unknown): string => (Array.isArray(v) ? String(v[0] ?? '') : typeof v === 'string' ? v : '');
/** A form field as a list of strings. */
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : []);

/**
 * Hono's pattern for /account and every path below it. Built rather than written out: the catalogue
 * check (scripts/check-i18n.ts) reads a slash followed by a star as the opening of a comment.
 */
const ACCOUNT_TREE = ['/account', '*'].join('/');

/** The secret a set-up form sent back, if well formed; else a new one (the person scans again). */
const setupSecret = (v: unknown): string => {
  const s = str(v);
  return /^[A-Z2-7]{32}$/.test(s) ? s : twoFactor.newSecret();
};

export function accountsRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get('/register', (c) => v.registerPage(c, emptyForm({ locale: c.get('locale') })));
  r.post('/register', (c) =>
    formAction(
      c,
      async (body) => {
        await svc.register(c.var.ctx, env(c), mustParse(registerSchema, body));
        return redirectTo(c, '/register/sent');
      },
      (form, status) => v.registerPage(c, form, status),
    ),
  );
  r.get('/register/sent', (c) => v.messagePage(c, c.get('t')('accounts.register.sentTitle'), c.get('t')('accounts.register.sent')));

  r.get('/verify-email', async (c) => {
    const token = c.req.query('token') ?? '';
    const usable = token && (await svc.isTokenUsable(c.var.ctx.db, 'verify_email', token, c.var.ctx.now));
    return v.verifyPage(c, token, !!usable);
  });
  r.post('/verify-email', (c) =>
    formAction(
      c,
      async (body) => {
        const out = await svc.verifyEmail(c.var.ctx, str(body.token));
        if (!out.ok) return v.verifyPage(c, '', false, 400);
        setFlash(c, 'accounts.verify.done');
        return redirectTo(c, c.get('user') ? '/account' : '/sign-in');
      },
      () => v.verifyPage(c, '', false, 400),
    ),
  );

  r.get('/sign-in', (c) => v.signInPage(c, emptyForm({ next: safeNext(c.req.query('next'), c.get('locale')) ?? '' })));
  r.post('/sign-in', (c) =>
    formAction(
      c,
      async (body) => {
        const out = await svc.signIn(c.var.ctx, { ...mustParse(signInSchema, body), previousIdHash: c.get('sessionIdHash') });
        if (!out.ok) {
          const key = out.reason === 'locked' ? 'accounts.signIn.locked' : out.reason === 'unverified' ? 'accounts.signIn.unverified' : 'accounts.signIn.invalid';
          if (out.reason === 'locked') c.header('Retry-After', String(svc.LOCK_WINDOW_MS / 1000));
          return v.signInPage(c, { values: { email: body.email, next: body.next }, errors: { _form: key } }, out.reason === 'locked' ? 429 : 400);
        }
        setSessionCookie(c, out.token, secure(c));
        // The language the person is using wins over the account's (issue 14): /fr/sign-in lands on a French page.
        const locale: Locale = c.get('locale');
        const next = safeNext(body.next, locale) ?? `/${locale}/me/waiting`;
        if (out.secondFactor !== 'none') return c.redirect(`/${locale}/sign-in/${out.secondFactor}?next=${encodeURIComponent(next)}`, 303);
        return c.redirect(next, 303);
      },
      (form, status) => v.signInPage(c, { values: { email: form.values.email, next: form.values.next }, errors: form.errors }, status),
    ),
  );

  // The second step of a sign-in that needs a second factor (SECURITY.md 8). Only a pending session reaches these.
  const pending = (c: Ctx) => c.get('pendingUser') ?? null;
  const toSignIn = (c: Ctx) => redirectTo(c, '/sign-in');
  r.get('/sign-in/code', (c) => {
    const u = pending(c);
    if (!u || !u.hasTotp) return toSignIn(c);
    return v.codePage(c, emptyForm({ next: safeNext(c.req.query('next'), c.get('locale')) ?? '' }));
  });
  r.post('/sign-in/code', (c) => {
    const u = pending(c);
    if (!u || !u.hasTotp) return toSignIn(c);
    return formAction(
      c,
      async (body) => {
        const next = safeNext(body.next, c.get('locale')) ?? link(c, '/me/waiting');
        const code = str(body.code).slice(0, 40);
        if (!code.trim()) return v.codePage(c, { values: { next }, errors: { code: 'platform.form.required' } }, 400);
        const out = await twoFactor.completeSignIn(c.var.ctx, { userId: u.id, pendingIdHash: c.get('sessionIdHash')!, code });
        if (!out.ok) {
          if (out.reason === 'locked') c.header('Retry-After', String(svc.LOCK_WINDOW_MS / 1000));
          return v.codePage(c, { values: { next }, errors: { code: out.reason === 'locked' ? 'accounts.signIn.locked' : 'accounts.twoFactor.codeWrong' } }, out.reason === 'locked' ? 429 : 400);
        }
        setSessionCookie(c, out.token, secure(c));
        return c.redirect(next, 303);
      },
      (form, status) => v.codePage(c, { values: { next: safeNext(form.values.next, c.get('locale')) ?? link(c, '/me/waiting') }, errors: form.errors }, status),
    );
  });
  r.get('/sign-in/setup', (c) => {
    const u = pending(c);
    if (!u || u.hasTotp) return toSignIn(c);
    const secret = twoFactor.newSecret();
    return v.setupPage(c, { secret, uri: twoFactor.provisioningUri(secret, u.email), atSignIn: true, required: true }, emptyForm({ next: safeNext(c.req.query('next'), c.get('locale')) ?? '' }));
  });
  r.post('/sign-in/setup', (c) => {
    const u = pending(c);
    if (!u || u.hasTotp) return toSignIn(c);
    return formAction(
      c,
      async (body) => {
        const out = await twoFactor.enrol(c.var.ctx, { userId: u.id, secret: str(body.secret), code: str(body.code), sessionIdHash: c.get('sessionIdHash')!, atSignIn: true });
        setSessionCookie(c, out.token, secure(c));
        return v.recoveryCodesPage(c, out.recoveryCodes, safeNext(body.next, c.get('locale')) ?? link(c, '/me/waiting'));
      },
      (form, status) => {
        const s = setupSecret(form.values.secret);
        return v.setupPage(c, { secret: s, uri: twoFactor.provisioningUri(s, u.email), atSignIn: true, required: true }, { values: { next: safeNext(form.values.next, c.get('locale')) ?? link(c, '/me/waiting') }, errors: form.errors }, status);
      },
    );
  });

  r.post('/sign-out', async (c) => {
    const idHash = c.get('sessionIdHash');
    if (idHash) await svc.signOut(c.var.ctx, idHash);
    clearSessionCookie(c, secure(c));
    return redirectTo(c, '/');
  });

  r.get('/password/forgot', (c) => v.forgotPage(c, emptyForm()));
  r.post('/password/forgot', (c) =>
    formAction(
      c,
      async (body) => {
        await svc.requestPasswordReset(c.var.ctx, env(c), mustParse(z.object({ email }), body).email);
        return redirectTo(c, '/password/forgot/sent');
      },
      (form, status) => v.forgotPage(c, form, status),
    ),
  );
  r.get('/password/forgot/sent', (c) => v.messagePage(c, c.get('t')('accounts.forgot.sentTitle'), c.get('t')('accounts.forgot.sent')));

  r.get('/password/reset', async (c) => {
    const token = c.req.query('token') ?? '';
    const usable = token && (await svc.isTokenUsable(c.var.ctx.db, 'reset_password', token, c.var.ctx.now));
    if (!usable) return v.messagePage(c, c.get('t')('accounts.reset.title'), c.get('t')('accounts.reset.invalid'), 400);
    return v.resetPage(c, { values: { token }, errors: {} });
  });
  r.post('/password/reset', (c) =>
    formAction(
      c,
      async (body) => {
        const p = mustParse(z.object({ token: z.string().min(1), password }), body);
        const out = await svc.resetPassword(c.var.ctx, p.token, p.password);
        if (!out.ok) return v.messagePage(c, c.get('t')('accounts.reset.title'), c.get('t')('accounts.reset.invalid'), 400);
        clearSessionCookie(c, secure(c));
        setFlash(c, 'accounts.reset.done');
        return redirectTo(c, '/sign-in');
      },
      (form, status) => v.resetPage(c, { values: { token: form.values.token }, errors: form.errors }, status),
    ),
  );

  // Account settings: signed-in only. A visitor on any /account path (pages of other modules under it too, and paths
  // that do not exist) is sent to sign in, and comes back; a member gets the page, or 404.
  r.use(ACCOUNT_TREE, async (c, next) => {
    requireUser(c);
    await next();
  });
  const tokensOf = (c: Ctx) => tokens.listApiTokens(c.var.ctx);
  r.get('/account', async (c) => {
    requireUser(c);
    return v.accountPage(c, await tokensOf(c), {});
  });
  r.post('/account/settings', (c) => {
    requireUser(c);
    return formAction(
      c,
      async (body) => {
        const p = mustParse(z.object({ name, locale: localeField }), body);
        await svc.updateAccountSettings(c.var.ctx, p);
        setFlash(c, 'accounts.settings.saved');
        return c.redirect(`/${p.locale}/account`, 303);
      },
      async (form, status) => v.accountPage(c, await tokensOf(c), { settings: form }, status),
    );
  });
  r.post('/account/password', (c) => {
    requireUser(c);
    return formAction(
      c,
      async (body) => {
        await svc.changePassword({ ...c.var.ctx, sessionIdHash: c.get('sessionIdHash')! }, mustParse(z.object({ current: password, password }), body));
        setFlash(c, 'accounts.password.changed');
        return redirectTo(c, '/account');
      },
      (form, status) => v.accountPage(c, [], { password: { values: {}, errors: form.errors } }, status),
    );
  });
  r.post('/account/email', (c) => {
    requireUser(c);
    return formAction(
      c,
      async (body) => {
        await svc.requestEmailChange(c.var.ctx, env(c), mustParse(z.object({ current: password, email }), body));
        setFlash(c, 'accounts.email.sent');
        return redirectTo(c, '/account');
      },
      (form, status) => v.accountPage(c, [], { email: { values: { email: form.values.email }, errors: form.errors } }, status),
    );
  });
  r.get('/account/two-factor', async (c) => {
    const u = requireUser(c);
    if (u.hasTotp) return v.twoFactorPage(c, { codesLeft: await twoFactor.recoveryCodesLeft(c.var.ctx.db, u.id), required: twoFactor.isSecondFactorRequired(u.roles) }, emptyForm());
    const secret = twoFactor.newSecret();
    return v.setupPage(c, { secret, uri: twoFactor.provisioningUri(secret, u.email), atSignIn: false, required: false }, emptyForm());
  });
  r.post('/account/two-factor', (c) => {
    const u = requireUser(c);
    if (u.hasTotp) return redirectTo(c, '/account/two-factor');
    return formAction(
      c,
      async (body) => {
        const out = await twoFactor.enrol(c.var.ctx, { userId: u.id, secret: str(body.secret), code: str(body.code), current: str(body.current), sessionIdHash: c.get('sessionIdHash')!, atSignIn: false });
        setSessionCookie(c, out.token, secure(c));
        return v.recoveryCodesPage(c, out.recoveryCodes, link(c, '/account/two-factor'));
      },
      (form, status) => {
        const s = setupSecret(form.values.secret);
        return v.setupPage(c, { secret: s, uri: twoFactor.provisioningUri(s, u.email), atSignIn: false, required: false }, { values: {}, errors: form.errors }, status);
      },
    );
  });
  /** The two-factor page again, with a password error on one of its two forms. */
  const twoFactorAgain = async (c: Ctx, field: 'renewCurrent' | 'offCurrent', errors: Record<string, string>) => {
    const u = requireUser(c);
    const left = await twoFactor.recoveryCodesLeft(c.var.ctx.db, u.id);
    return v.twoFactorPage(c, { codesLeft: left, required: twoFactor.isSecondFactorRequired(u.roles) }, { values: {}, errors: { [field]: errors.current! } }, 400);
  };
  r.post('/account/two-factor/recovery-codes', (c) => {
    requireUser(c);
    return formAction(
      c,
      async (body) => {
        const out = await twoFactor.renewRecoveryCodes(c.var.ctx, { current: str(body.renewCurrent) });
        return v.recoveryCodesPage(c, out.recoveryCodes, link(c, '/account/two-factor'));
      },
      (form) => twoFactorAgain(c, 'renewCurrent', form.errors),
    );
  });
  r.post('/account/two-factor/off', (c) => {
    requireUser(c);
    return formAction(
      c,
      async (body) => {
        await twoFactor.turnOff(c.var.ctx, { current: str(body.offCurrent), sessionIdHash: c.get('sessionIdHash')! });
        setFlash(c, 'accounts.twoFactor.turnedOff');
        return redirectTo(c, '/account');
      },
      (form) => twoFactorAgain(c, 'offCurrent', form.errors),
    );
  });
  r.post('/account/tokens', (c) => {
    requireUser(c);
    return formAction(
      c,
      async (body) => {
        const p = mustParse(z.object({ name: z.string().trim().min(1, 'platform.form.required').max(80, 'platform.form.tooBig') }), body);
        const created = await tokens.createApiToken(c.var.ctx, p.name);
        return v.accountPage(c, await tokensOf(c), {}, 200, created.token);
      },
      async (form, status) => v.accountPage(c, await tokensOf(c), { token: form }, status),
    );
  });
  r.post('/account/tokens/:id/revoke', async (c) => {
    requireUser(c);
    await tokens.revokeApiToken(c.var.ctx, c.req.param('id'));
    setFlash(c, 'accounts.tokens.revoked');
    return redirectTo(c, '/account');
  });
  // POST /account/delete (the account page's last form) is the privacy module's: the erasure lives there.

  // Platform administration of roles. Anyone else gets 404, as for a missing page (the service checks, and audits a refused attempt).
  r.get('/admin/users', async (c) => {
    if (!canAccount(c.get('user'), 'users.list')) throw new NotFoundError();
    const pageNo = Math.max(1, Number(c.req.query('page') ?? 1) || 1);
    const list = await svc.listUsers(c.var.ctx, { page: pageNo });
    return v.usersPage(c, list, pageNo);
  });
  r.post('/admin/users/:id/roles', (c) =>
    formAction(
      c,
      async (body) => {
        const roles = list(body.roles).filter((x): x is PlatformRole => (PLATFORM_ROLES as readonly string[]).includes(x));
        const regions = list(body.regions).filter((x) => /^[a-z]{2,8}$/.test(x));
        const out = await svc.setRoles(c.var.ctx, { userId: c.req.param('id'), roles, coordinatorRegions: regions });
        if (!out.ok) throw new NotFoundError();
        if (out.newToken) setSessionCookie(c, out.newToken, secure(c));
        setFlash(c, 'accounts.admin.rolesSaved');
        return redirectTo(c, '/admin/users');
      },
      () => {
        throw new NotFoundError();
      },
    ),
  );

  return r;
}
