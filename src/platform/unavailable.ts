/**
 * Telling "the database or the disk is not there right now" from a bug: such errors answer 503
 * with Retry-After (the person tries again in a minute), not 500, and are logged as a warning.
 * Recognised: connection failures and server shutdowns of PostgreSQL (SQLSTATE classes 08 and 57P,
 * and socket errors), a closed embedded database, and a full disk or exhausted resources
 * (SQLSTATE 53xxx, ENOSPC, EDQUOT), and an upload scanner that cannot answer (ESCANNER) — looked for along the error's `cause` chain, since the ORM
 * wraps driver errors.
 */
const SOCKET_CODES = new Set(['ESCANNER', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'ENOSPC', 'EDQUOT']);

/** Whether an error means a resource (database, disk) is unavailable rather than a bug. */
export function isUnavailableError(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    if (typeof e !== 'object') break;
    const code = String((e as { code?: unknown }).code ?? '');
    const message = String((e as { message?: unknown }).message ?? '');
    if (SOCKET_CODES.has(code)) return true;
    // SQLSTATE: 08 connection exception, 53 insufficient resources (53100 disk full), 57P0x shutdown / cannot connect now.
    if (/^(08\d{3}|53\d{3}|57P0\d)$/.test(code)) return true;
    if (/PGlite is closed|Connection terminated|connection is closed|Client has encountered a connection error|timeout exceeded when trying to connect|Cannot use a pool after calling end/i.test(message)) return true;
    // AggregateError from a failed connection to several addresses.
    if (Array.isArray((e as { errors?: unknown[] }).errors) && (e as { errors: unknown[] }).errors.some(isUnavailableError)) return true;
  }
  return false;
}

/** Seconds after which a person may try again. */
export const RETRY_AFTER_S = 30;
