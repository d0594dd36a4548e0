/** Password rules (SECURITY.md 7) and argon2id hashing. */
import { createRequire } from 'node:module';
import { hash, verify } from '@node-rs/argon2';
import type { PlatformRole } from '../../db/schema/accounts.ts';

const require = createRequire(import.meta.url);
const common = require('fxa-common-password-list') as { test(p: string): boolean };

export const MIN_LENGTH = 12;
export const MIN_LENGTH_PRIVILEGED = 15;
export const MAX_LENGTH = 128;
const PRIVILEGED: ReadonlySet<string> = new Set(['broker', 'committee', 'admin']);

/** Argon2id, OWASP's minimum profile (19 MiB, 2 passes). Algorithm 2 = Argon2id. */
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function minLengthFor(roles: readonly (PlatformRole | string)[]): number {
  return roles.some((r) => PRIVILEGED.has(r)) ? MIN_LENGTH_PRIVILEGED : MIN_LENGTH;
}

/** The catalogue key of what is wrong with a new password, or null. No composition rules. */
export function passwordProblem(password: string, roles: readonly (PlatformRole | string)[] = []): string | null {
  const length = [...password].length;
  if (length < minLengthFor(roles)) return minLengthFor(roles) === MIN_LENGTH ? 'accounts.password.tooShort' : 'accounts.password.tooShortPrivileged';
  if (length > MAX_LENGTH) return 'accounts.password.tooLong';
  if (common.test(password) || common.test(password.toLowerCase())) return 'accounts.password.common';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS as never);
}

// A real hash of a random string: unknown accounts cost the same verification time as known ones.
let dummy: Promise<string> | undefined;
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  dummy ??= hashPassword(`dummy-${Math.random()}`);
  const target = stored ?? (await dummy);
  try {
    const ok = await verify(target, password);
    return ok && !!stored;
  } catch {
    return false;
  }
}
