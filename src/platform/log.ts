/**
 * JSON logs, one object a line (SECURITY.md 30). Nothing personal or secret may reach them: every
 * string passes `redact` on its way out (query parameters, values quoted in database messages,
 * e-mail addresses, password hashes, long tokens in paths), and errors are logged through
 * `errorFields`, which keeps their kind, database code, redacted message and stack frames.
 */
export type Level = 'debug' | 'info' | 'warn' | 'error';
const order = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;

export type Logger = {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
};

const RULES: [RegExp, string][] = [
  // Drizzle's "Failed query: … params: a,b,c": the parameters are what people typed.
  [/\bparams: [^\n]*/g, 'params: [redacted]'],
  // Values PostgreSQL quotes back: invalid input syntax for type uuid: "…", Key (email)=(…).
  [/: "[^"\n]*"/g, ': "[redacted]"'],
  [/=\([^)\n]*\)/g, '=([redacted])'],
  [/\$argon2[a-z]*\$[^\s"',)]*/g, '[hash]'],
  [/[^\s@"'<>(),;:/]+@[^\s@"'<>(),;:/]+\.[a-z]{2,}/gi, '[email]'],
];
/** One-time tokens in paths (invitations, verification links): 32+ characters of base64url or hex, but not a UUID (an id). */
const TOKEN = /(?<=\/)[A-Za-z0-9_-]{32,}(?=[/?#\s"]|$)/g;
const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A string with everything personal or secret replaced. */
export function redact(s: string): string {
  let out = s;
  for (const [re, to] of RULES) out = out.replace(re, to);
  return out.replace(TOKEN, (m) => (UUID_SHAPE.test(m) ? m : '[token]'));
}

function clean(v: unknown, depth = 0): unknown {
  if (typeof v === 'string') return redact(v);
  if (depth > 3 || v === null || typeof v !== 'object') return v;
  if (v instanceof Date) return v;
  if (Array.isArray(v)) return v.map((x) => clean(x, depth + 1));
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clean(x, depth + 1)]));
}

/** An error for the log: each error of its `cause` chain as kind, database code and redacted message, then the stack frames. */
export function errorFields(err: unknown): { error: string; code?: string; stack?: string } {
  const parts: string[] = [];
  let code: string | undefined;
  let e: unknown = err;
  for (let i = 0; e && i < 5; i++, e = (e as { cause?: unknown }).cause) {
    if (e instanceof Error) {
      // Drizzle puts the query text in the message: keep its first line (the statement, with $n placeholders).
      parts.push(`${e.name}: ${e.message.split('\n')[0]}`);
      const c = (e as { code?: unknown }).code;
      if (typeof c === 'string' && !code) code = c;
    } else parts.push(String(e));
  }
  const stack = err instanceof Error && err.stack ? err.stack.split('\n').filter((l) => /^\s+at /.test(l)).slice(0, 12).join('\n') : undefined;
  return { error: redact(parts.join(' ← ')), ...(code ? { code } : {}), ...(stack ? { stack } : {}) };
}

export function createLogger(level: keyof typeof order = 'info', write: (line: string) => void = (l) => process.stdout.write(l + '\n')): Logger {
  const min = order[level];
  const emit = (lvl: Level, msg: string, fields?: Record<string, unknown>) => {
    if (order[lvl] < min) return;
    write(JSON.stringify({ time: new Date().toISOString(), level: lvl, msg: redact(msg), ...(fields ? (clean(fields) as Record<string, unknown>) : {}) }));
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
  };
}

export const silentLogger: Logger = createLogger('silent');
