/** Test factories for accounts: a verified user with given roles, and a client signed in as them. */
import { randomUUID } from 'node:crypto';
import { users, type PlatformRole } from '../../src/db/schema/accounts.ts';
import { createSession, cookieName } from '../../src/platform/session.ts';
import type { TestApp, TestClient } from './app.ts';
import { recordConsent } from '../../src/modules/privacy/privacy.service.ts';

let n = 0;

export type TestUser = { id: string; email: string; name: string; password: string };

/** Inserts a verified account (password hashed only when asked: argon2 is slow on purpose). */
export async function createUser(t: TestApp, opts: { roles?: PlatformRole[]; name?: string; email?: string; locale?: string; coordinatorRegions?: string[]; passwordHash?: string } = {}): Promise<TestUser> {
  const id = randomUUID();
  n++;
  const email = opts.email ?? `user${n}-${id.slice(0, 8)}@example.org`;
  const name = opts.name ?? `Test User ${n}`;
  const now = t.clock.now();
  await t.db.insert(users).values({
    id,
    email,
    name,
    emailVerifiedAt: now,
    passwordHash: opts.passwordHash ?? null,
    locale: opts.locale ?? 'en',
    roles: opts.roles ?? [],
    coordinatorRegions: opts.coordinatorRegions ?? [],
    createdAt: now,
    updatedAt: now,
  });
  // Test people have accepted the current privacy notice (the consent gate has its own tests).
  await recordConsent(t.db, id, now);
  return { id, email, name, password: '' };
}

/** A client with a live session for `user` (no sign-in form round trip). */
export async function signedInClient(t: TestApp, user: { id: string }, ip?: string): Promise<TestClient> {
  const token = await createSession(t.db, user.id, t.clock.now());
  const c = t.client(ip);
  c.cookies.set(cookieName(t.config.cookieSecure), token);
  return c;
}

/** Shorthand: a new user with these roles, signed in. */
export async function asRole(t: TestApp, roles: PlatformRole[] = [], opts: Parameters<typeof createUser>[1] = {}): Promise<{ user: TestUser; client: TestClient }> {
  const user = await createUser(t, { ...opts, roles });
  return { user, client: await signedInClient(t, user) };
}
