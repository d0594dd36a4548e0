/** The exchanges API under /api/v1 with personal access tokens: list, detail, planning, terms (writing, signing), transitions, messages, agenda, tasks, the lesson drafted from the record, evaluations; private exchanges answer 404; the OpenAPI document covers every route. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { confirmedMatch, PLAN, type Matched } from '../../../test/exchanges/fixtures.ts';
import { ctxOf } from '../../../test/requests/fixtures.ts';
import { i18n } from '../../platform/i18n.ts';
import { createApiToken } from '../accounts/accounts.service.ts';
import * as ex from './exchanges.service.ts';

let t: TestApp;
let m: Matched;
let exchangeId = '';
const tokens = {} as Record<'broker' | 'host' | 'peer' | 'outsider', string>;

async function call(who: keyof typeof tokens | null, method: string, path: string, json?: unknown) {
  const res = await t.client().request(method, path, { json: json ?? (method === 'GET' ? undefined : {}), headers: who ? { Authorization: `Bearer ${tokens[who]}` } : {} });
  return { status: res.status, body: JSON.parse(res.body_ || 'null') };
}

before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  m = await confirmedMatch(t);
  for (const [k, u] of [['broker', m.broker], ['host', m.requester], ['peer', m.peer], ['outsider', m.outsider]] as const) tokens[k] = (await createApiToken(ctxOf(t, u), 'script')).token;
  const out = await ex.planExchange(ctxOf(t, m.broker), m.matchId, { ...PLAN }, i18n().translator('en'));
  assert.ok(out.ok);
  exchangeId = out.id;
});
after(() => t.close());

test('lists and details for participants; 401 without a token; 404 for anyone else, as for a missing id', async () => {
  assert.equal((await call(null, 'GET', '/api/v1/exchanges')).status, 401);
  const list = await call('peer', 'GET', '/api/v1/exchanges');
  assert.equal(list.status, 200);
  assert.deepEqual(list.body.map((x: { id: string }) => x.id), [exchangeId]);
  assert.deepEqual((await call('outsider', 'GET', '/api/v1/exchanges')).body, []);
  const d = await call('host', 'GET', `/api/v1/exchanges/${exchangeId}`);
  assert.equal(d.status, 200);
  assert.equal(d.body.exchange.state, 'planned');
  assert.equal(d.body.budget.length, 2);
  const other = await call('outsider', 'GET', `/api/v1/exchanges/${exchangeId}`);
  const missing = await call('outsider', 'GET', `/api/v1/exchanges/${randomUUID()}`);
  assert.equal(other.status, 404);
  assert.deepEqual(other.body, missing.body);
});

test('terms are signed through the API by all three sides, then the broker agrees the exchange; refusals answer 409', async () => {
  const terms = await call('peer', 'GET', `/api/v1/exchanges/${exchangeId}/terms`);
  assert.equal(terms.body.versions[0].version, 1);
  assert.equal((await call('broker', 'POST', `/api/v1/exchanges/${exchangeId}/transitions`, { event: 'agree' })).body.error.code, 'tor_not_agreed');
  assert.equal((await call('peer', 'POST', `/api/v1/exchanges/${exchangeId}/terms/signatures`, { version: 7 })).status, 409);
  for (const who of ['host', 'peer', 'broker'] as const) assert.equal((await call(who, 'POST', `/api/v1/exchanges/${exchangeId}/terms/signatures`, { version: 1 })).status, 200);
  assert.equal((await call('host', 'POST', `/api/v1/exchanges/${exchangeId}/terms/signatures`, { version: 1 })).body.error.code, 'already_signed');
  assert.equal((await call('outsider', 'POST', `/api/v1/exchanges/${exchangeId}/terms/signatures`, { version: 1 })).status, 404);
  assert.equal((await call('host', 'POST', `/api/v1/exchanges/${exchangeId}/transitions`, { event: 'agree' })).status, 404);
  const moved = await call('broker', 'POST', `/api/v1/exchanges/${exchangeId}/transitions`, { event: 'agree' });
  assert.deepEqual(moved.body, { ok: true, to: 'agreed' });
  assert.equal((await call('broker', 'POST', `/api/v1/exchanges/${exchangeId}/transitions`, { event: 'close' })).body.error.code, 'not_allowed');
  const after = await call('host', 'GET', `/api/v1/exchanges/${exchangeId}/terms`);
  assert.equal(after.body.agreedVersion, 1);
  assert.deepEqual(after.body.versions[0].signatures.map((s: { side: string }) => s.side).sort(), ['broker', 'host', 'peer']);
  assert.deepEqual((await call('host', 'GET', `/api/v1/exchanges/${exchangeId}/evaluations`)).body.rows, []);
});

test('the OpenAPI document describes every route and method of the exchanges API', async () => {
  const { exchangesApiRoutes, exchangesOperations } = await import('./exchanges.api.ts');
  const declared = new Set(exchangesOperations.map((o) => `${o.method} ${o.path}`));
  const routes = exchangesApiRoutes()
    .routes.filter((r) => r.method !== 'ALL')
    .map((r) => `${r.method.toLowerCase()} ${r.path}`);
  assert.ok(routes.length >= 7);
  assert.deepEqual(routes.filter((r) => !declared.has(r)), []);
});

test('what the exchange page offers has its operation: messages, agenda, tasks (participants), a new version of the terms and a lesson drafted from the record (the broker)', async () => {
  const m2 = await confirmedMatch(t);
  const tok = {
    broker: (await createApiToken(ctxOf(t, m2.broker), 'script')).token,
    host: (await createApiToken(ctxOf(t, m2.requester), 'script')).token,
    outsider: (await createApiToken(ctxOf(t, m2.outsider), 'script')).token,
  } as Record<'broker' | 'host' | 'outsider' | 'peer', string>;
  const as = async (who: keyof typeof tok, method: string, path: string, json: unknown = {}) => {
    const res = await t.client().request(method, path, { json: method === 'GET' ? undefined : json, headers: { Authorization: `Bearer ${tok[who]}` } });
    return { status: res.status, body: JSON.parse(res.body_ || 'null') };
  };
  const planned = await as('broker', 'POST', `/api/v1/matches/${m2.matchId}/exchange`, PLAN);
  assert.equal(planned.status, 201);
  const id = planned.body.id as string;

  assert.equal((await as('outsider', 'POST', `/api/v1/exchanges/${id}/messages`, { body: 'Hello' })).status, 404);
  assert.equal((await as('host', 'POST', `/api/v1/exchanges/${id}/messages`, { body: '' })).body.error.fields.body, i18n().translator(m2.requester.locale)('platform.form.required'), 'in the account’s language');
  assert.equal((await as('host', 'POST', `/api/v1/exchanges/${id}/messages`, { body: 'Arriving on the 28th' })).status, 201);
  const outside = await as('host', 'POST', `/api/v1/exchanges/${id}/agenda`, { day: '2027-04-01', title: 'Site visit' });
  assert.equal(outside.status, 400);
  assert.ok(outside.body.error.fields.day);
  assert.equal((await as('host', 'POST', `/api/v1/exchanges/${id}/agenda`, { day: '2027-03-02', time: '09:00', title: 'Site visit' })).status, 201);
  assert.equal((await as('host', 'POST', `/api/v1/exchanges/${id}/tasks`, { title: 'Book the room', dueDate: '2027-02-20' })).status, 201);
  const d = await as('host', 'GET', `/api/v1/exchanges/${id}`);
  assert.deepEqual([d.body.agenda.map((a: { title: string }) => a.title), d.body.tasks.map((x: { title: string }) => x.title)], [['Site visit'], ['Book the room']]);

  const tor = { objectives: 'A costed collection plan', activities: 'Two weeks of field work', expectedResults: 'A plan adopted by the council', baseVersion: 1 };
  assert.equal((await as('outsider', 'POST', `/api/v1/exchanges/${id}/terms`, tor)).status, 404);
  assert.equal((await as('host', 'POST', `/api/v1/exchanges/${id}/terms`, { ...tor, objectives: '' })).status, 400);
  assert.deepEqual((await as('host', 'POST', `/api/v1/exchanges/${id}/terms`, tor)).body, { ok: true, version: 2 });
  assert.equal((await as('broker', 'POST', `/api/v1/exchanges/${id}/terms`, tor)).body.error.code, 'conflict');
  assert.equal((await as('broker', 'POST', `/api/v1/exchanges/${id}/terms`, { ...tor, baseVersion: 2 })).body.error.code, 'unchanged');

  // A lesson only once the exchange was held, and by the broker.
  assert.notEqual((await as('broker', 'POST', `/api/v1/exchanges/${id}/lesson`)).status, 201);
  tok.peer = (await createApiToken(ctxOf(t, m2.peer), 'script')).token;
  for (const who of ['host', 'peer', 'broker'] as const) assert.equal((await as(who, 'POST', `/api/v1/exchanges/${id}/terms/signatures`, { version: 2 })).status, 200, who);
  assert.equal((await as('broker', 'POST', `/api/v1/exchanges/${id}/transitions`, { event: 'agree' })).status, 200);
  t.clock.set('2027-03-13T10:00:00Z');
  assert.equal((await as('broker', 'POST', `/api/v1/exchanges/${id}/transitions`, { event: 'hold' })).status, 200);
  assert.equal((await as('host', 'POST', `/api/v1/exchanges/${id}/lesson`)).status, 404);
  const lesson = await as('broker', 'POST', `/api/v1/exchanges/${id}/lesson`);
  assert.equal(lesson.status, 201, JSON.stringify(lesson.body));
  const draft = await as('broker', 'GET', `/api/v1/good-practices/${lesson.body.id}`);
  assert.equal(draft.status, 200);
  assert.equal(draft.body.exchangeId, id);
  assert.equal(draft.body.state, 'draft');
});
