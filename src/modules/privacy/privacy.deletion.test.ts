/**
 * Account deletion (SECURITY.md 33): one transaction; afterwards sign-in fails, the CV answers 404
 * and its file is gone, and a dump of every table holds neither the address, the name nor the phone;
 * what others need stays, authored by the blanked account; the erasure applies again after a restore.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, existsSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { signedInClient } from '../../../test/support/users.ts';
import { rows } from '../../platform/db.ts';
import { users, offers, offerMessages, organisations, sessions, memberships, erasures } from '../../db/schema/index.ts';
import { reapplyErasures, identifiers, patternOf } from '../../modules/privacy/privacy.erase.ts';
import { richMember, PASSWORD, type Rich } from '../../../test/support/privacy-fixtures.ts';
import { eraseAccount } from '../../modules/privacy/privacy.erase.ts';
import * as ex from '../../modules/exchanges/exchanges.service.ts';
import { i18n } from '../../platform/i18n.ts';
import { confirmedMatch, PLAN } from '../../../test/exchanges/fixtures.ts';
import { ctxOf } from '../../../test/requests/fixtures.ts';

let t: TestApp;
let dataDir: string;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'peerlink-privacy-'));
  t = await createTestApp({ env: { DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '0' } });
});
after(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Every row of every table of the public schema, as JSON text. */
async function dump(): Promise<string> {
  const tables = await rows<{ table_name: string }>(t.db, sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
  assert.ok(tables.length > 30, 'the dump covers the whole schema');
  const out: string[] = [];
  for (const { table_name } of tables) {
    for (const r of await rows<{ j: string }>(t.db, sql`select row_to_json(x)::text as j from ${sql.raw(`"${table_name}"`)} x`)) out.push(r.j);
  }
  return out.join('\n').toLowerCase();
}

const files = () => (existsSync(join(dataDir, 'files')) ? readdirSync(join(dataDir, 'files')) : []);

test('identifiers: addresses and phones always, names only of two words or more; patterns escape regex and JSON', () => {
  const ids = identifiers({ emails: ['a.b+c@x.org', null], phones: ['+351 21 000 0000'], names: ['Ana', 'Ana "Lu" Silva'] });
  assert.deepEqual(ids, { plain: ['a.b+c@x.org', '+351 21 000 0000'], names: ['Ana "Lu" Silva'] });
  assert.match(patternOf(ids, false)!, /a\\\.b\\\+c@x\\\.org/);
  assert.match(patternOf(ids, true)!, /Ana \\\\"Lu\\\\" Silva/);
  assert.equal(patternOf({ plain: [], names: [] }, false), null);
});

test('deleting an account erases the person everywhere and keeps what others need, anonymised', async () => {
  const z: Rich = await richMember(t, dataDir);
  // A jsonb mention too: an organisation's imported contact field.
  await t.db.update(organisations).set({ extra: { contact: `${z.name} <${z.email}>`, phone: z.phone } }).where(eq(organisations.id, z.cy.providerOrgId));
  const me = await signedInClient(t, z.actor);
  const broker = await signedInClient(t, z.cy.broker);
  assert.equal((await broker.get(`/en/attachments/${z.cvId}`)).status, 200, 'the CV opens before');
  const cvFiles = files();
  assert.equal(cvFiles.length, 1);
  const before = await dump();
  for (const s of [z.email, z.name, z.phone, z.proEmail]) assert.ok(before.includes(s.toLowerCase()), `the fixture stores ${s}`);
  const outboxBefore = await rows<{ n: number }>(t.db, sql`select count(*)::int as n from notification_outbox where user_id = ${z.actor.id}`);
  assert.ok(outboxBefore[0]!.n > 0, 'mail was queued for her');

  const wrong = await me.post('/en/account/delete', { current: 'not my password at all' });
  assert.equal(wrong.status, 400, 'the current password is asked');
  assert.match(wrong.body_, /The current password is not right\./, 'the deletion page says why, and asks again');
  assert.equal((await me.get('/en/account/delete')).status, 200, 'the deletion page of the privacy module');
  const del = await me.post('/en/account/delete', { current: PASSWORD });
  assert.equal(del.status, 303);

  assert.equal((await me.get('/en/account')).status, 303, 'her session ended');
  assert.equal((await t.client().post('/en/sign-in', { email: z.email, password: PASSWORD })).status, 400, 'sign-in fails');
  assert.equal((await broker.get(`/en/attachments/${z.cvId}`)).status, 404, 'the CV link answers 404');
  assert.deepEqual(files(), [], 'the CV file is deleted');

  const after = await dump();
  for (const s of [z.email, z.name, z.phone, z.proEmail]) assert.ok(!after.includes(s.toLowerCase()), `${s} is nowhere in the database`);

  // What others need stays, authored by the blanked account.
  const [u] = await t.db.select().from(users).where(eq(users.id, z.actor.id));
  assert.equal(u!.email, null);
  assert.equal(u!.name, '');
  assert.ok(u!.deletedAt);
  const [offer] = await t.db.select().from(offers).where(eq(offers.id, z.offerId));
  assert.equal(offer!.offeredBy, z.actor.id, 'the offer stays');
  const msgs = await t.db.select().from(offerMessages).where(eq(offerMessages.offerId, z.offerId));
  assert.equal(msgs.length, 2, 'the thread stays');
  assert.ok(msgs.some((m) => m.body === 'Thank you [deleted account]; we will write to [deleted account] or call [deleted account].'), 'quotes are replaced');
  const thread = await broker.get(`/en/offers/${z.offerId}`);
  assert.equal(thread.status, 200);
  assert.match(thread.body_, /<p class="meta">deleted account · /, 'her message is signed "deleted account"');
  assert.match((await broker.get(`/fr/offers/${z.offerId}`)).body_, /<p class="meta">compte supprimé · /);
  assert.equal((await t.db.select().from(sessions).where(eq(sessions.userId, z.actor.id))).length, 0);
  assert.equal((await t.db.select().from(memberships).where(eq(memberships.userId, z.actor.id))).length, 0, 'memberships removed');
  for (const table of ['api_tokens', 'notification_outbox', 'one_time_tokens']) {
    const [r] = await rows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.raw(table)} where user_id = ${z.actor.id}`);
    assert.equal(r!.n, 0, `${table} emptied`);
  }
  const [e] = await t.db.select().from(erasures).where(eq(erasures.userId, z.actor.id));
  assert.equal(e!.reason, 'request');
  assert.ok(readFileSync(join(dataDir, 'erasures.log'), 'utf8').includes(z.actor.id), 'the id is logged outside the database too');
  const [audit] = await rows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_log where action = 'account.deleted' and object_id = ${z.actor.id}`);
  assert.equal(audit!.n, 1);
});

test('after a restore from an older backup, the erasure is applied again', async () => {
  const z = await richMember(t, dataDir, { name: 'Rui Almeida Costa' });
  const me = await signedInClient(t, z.actor);
  assert.equal((await me.post('/en/account/delete', { current: PASSWORD })).status, 303);
  // Restoring a backup taken before the deletion brings the identity back (and the erasures row is not in it).
  await t.db.update(users).set({ email: z.email, name: z.name, deletedAt: null }).where(eq(users.id, z.actor.id));
  await t.db.delete(erasures).where(eq(erasures.userId, z.actor.id));
  await t.db.insert(offerMessages).values({ id: crypto.randomUUID(), offerId: z.offerId, authorId: z.cy.broker.id, body: `Restored mention of ${z.email}`, at: t.clock.now() });
  assert.ok((await dump()).includes(z.email));
  assert.equal(await reapplyErasures(t.db, dataDir, t.clock.now()), 1);
  const d = await dump();
  assert.ok(!d.includes(z.email) && !d.includes(z.name.toLowerCase()));
  assert.equal(await reapplyErasures(t.db, dataDir, t.clock.now()), 0, 'a second run finds nothing to do');
});

test('an expert of an exchange is erased too: the signed terms of reference stay as the record, the thread stays signed "deleted account"', async () => {
  const m = await confirmedMatch(t);
  const bctx = ctxOf(t, m.broker);
  const planned = await ex.planExchange(bctx, m.matchId, { ...PLAN }, i18n().translator('en'));
  assert.ok(planned.ok);
  const tor = { objectives: 'A collection plan', activities: 'Field visits', expectedResults: 'Plan adopted', deliverables: 'Report', roles: `Expert: ${m.peer.name}`, interpretation: 'none' };
  assert.ok((await ex.writeTor(bctx, planned.id, tor)).ok);
  await ex.postMessage(ctxOf(t, m.peer), planned.id, { body: 'Flights booked.' });
  await ex.postMessage(bctx, planned.id, { body: `Thanks ${m.peer.name}, see you on 1 March (${m.peer.email}).` });
  assert.equal(await eraseAccount(t.db, m.peer.id, t.clock.now(), { dataDir, reason: 'request' }), true, 'the immutable tables do not stop the erasure');
  const msgs = await rows<{ body: string; author_id: string }>(t.db, sql`select body, author_id from exchange_messages where exchange_id = ${planned.id} order by at, body`);
  assert.equal(msgs.length, 2);
  assert.ok(msgs.some((x) => x.body === 'Thanks [deleted account], see you on 1 March ([deleted account]).'));
  const [{ roles }] = await rows<{ roles: string }>(t.db, sql`select content->>'roles' as roles from tor_versions where exchange_id = ${planned.id} order by version desc limit 1`);
  assert.equal(roles, `Expert: ${m.peer.name}`, 'a terms-of-reference version never changes (kept as the record)');
  const d = (await dump()).replace(new RegExp(`"roles":\\s*"expert: ${m.peer.name.toLowerCase()}"`, 'g'), '');
  assert.ok(!d.includes(m.peer.email.toLowerCase()) && !d.includes(m.peer.name.toLowerCase()), 'nowhere else');
});
