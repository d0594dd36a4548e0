/**
 * SECURITY.md 30: logs never carry query parameters, form values, e-mail addresses or hashes. A real
 * failing query with a known secret among its parameters goes through the server's error logging
 * and the log is searched for the secret; a request whose insert fails does the same end to end.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { testDatabase } from '../../test/support/db.ts';
import { createTestApp } from '../../test/support/app.ts';
import { rows } from './db.ts';
import { createLogger, errorFields, redact } from './log.ts';

const SECRET_EMAIL = 'ama.secret-owner@example.org';
const SECRET_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2VjcmV0c2FsdA$c2VjcmV0aGFzaHZhbHVl';

test('a failing query logged by the server carries neither its parameters nor the values the database quotes back', async () => {
  const d = await testDatabase();
  try {
    const err = await rows(d.db, sql`select ${`${SECRET_EMAIL} ${SECRET_HASH}`}::uuid`).catch((e: unknown) => e);
    assert.ok(err instanceof Error);
    assert.ok(String(err.message).includes(SECRET_EMAIL) || String((err as { cause?: Error }).cause?.message).includes(SECRET_EMAIL), 'the raw error does carry the secret');
    const lines: string[] = [];
    const log = createLogger('debug', (l) => lines.push(l));
    log.error('unhandled error', { path: '/en/register', ...errorFields(err) });
    const out = lines.join('\n');
    assert.ok(!out.includes(SECRET_EMAIL), out);
    assert.ok(!out.includes('argon2'), out);
    assert.match(out, /22P02/, 'the database code stays, for diagnosis');
    assert.match(out, /select \$1::uuid/, 'the statement (with placeholders) stays');
  } finally {
    await d.close();
  }
});

test('every string a module logs is redacted: e-mails, hashes, parameters, tokens in paths', () => {
  const lines: string[] = [];
  const log = createLogger('info', (l) => lines.push(l));
  log.warn(`mail to ${SECRET_EMAIL} failed`, { detail: { note: `Key (email)=(${SECRET_EMAIL}) already exists`, hash: SECRET_HASH }, path: '/en/invitations/Zx8v2Qm4nB7rT1yW9kLp3sD6fG0hJ5cXaEiOuY/accept' });
  const out = lines.join('\n');
  for (const secret of [SECRET_EMAIL, 'argon2', 'Zx8v2Qm4nB7rT1yW9kLp3sD6fG0hJ5cXaEiOuY']) assert.ok(!out.includes(secret), `${secret} in ${out}`);
  assert.equal(redact('Failed query: insert into users values ($1, $2)\nparams: a@b.org,hunter2'), 'Failed query: insert into users values ($1, $2)\nparams: [redacted]');
  assert.equal(redact('/en/organisations/1b4e28ba-2fa1-41d2-883f-0016d3cca427'), '/en/organisations/1b4e28ba-2fa1-41d2-883f-0016d3cca427', 'ids (36 characters with dashes) are not tokens');
});

test('a request whose query fails (the database went away) leaves no e-mail or password in the log', async () => {
  const lines: string[] = [];
  const t = await createTestApp({ log: createLogger('debug', (l) => lines.push(l)) });
  try {
    await t.database.close();
    const res = await t.client().post('/en/sign-in', { email: SECRET_EMAIL, password: 'correct-horse-battery-staple-9' });
    assert.equal(res.status, 503);
    const out = lines.join('\n');
    assert.match(out, /resource unavailable/, 'the failure was logged');
    assert.ok(!out.includes(SECRET_EMAIL), out);
    assert.ok(!out.includes('correct-horse'), out);
  } finally {
    await t.smtp.close();
  }
});
