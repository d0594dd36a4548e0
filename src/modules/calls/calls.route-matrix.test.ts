/**
 * Route × role matrix for the CONNECT cycle (SECURITY.md 10): every route of programmes,
 * requests, calls, offers, matches, files and notifications answers each role as listed; a
 * route or method not listed answers 404.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.ts';
import { createUser, signedInClient } from '../../../test/support/users.ts';
import { setupCycle, ctxOf, STEP_DATA, addMember, type Cycle } from '../../../test/requests/fixtures.ts';
import * as requests from '../requests/requests.service.ts';
import * as selection from '../requests/requests.selection.ts';
import * as calls from './calls.service.ts';
import { STEPS } from '../requests/requests.schema.ts';

const ROLES = ['visitor', 'member', 'requester', 'approver', 'orgAdmin', 'expert', 'coordinator', 'broker', 'committee', 'admin'] as const;
type Role = (typeof ROLES)[number];

let t: TestApp;
let cy: Cycle;
const cl = {} as Record<Role, TestClient>;
const ids = { draft: '', review: '', call: '', offer: '', pid: '' };

before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  cy = await setupCycle(t);
  const expert = await createUser(t);
  await addMember(t, cy.providerOrgId, expert.id, 'expert');
  const users: Record<Exclude<Role, 'visitor'>, { id: string }> = {
    member: cy.outsider,
    requester: cy.requester,
    approver: cy.approver,
    orgAdmin: cy.providerAdmin,
    expert,
    coordinator: await createUser(t, { roles: ['coordinator'], coordinatorRegions: ['ssa'] }),
    broker: cy.broker,
    committee: cy.committee[0]!,
    admin: await createUser(t, { roles: ['admin'] }),
  };
  cl.visitor = t.client();
  for (const [r, u] of Object.entries(users)) cl[r as Role] = await signedInClient(t, u);
  ids.pid = cy.programmeId;
  const ctx = (a: Cycle['broker']) => ctxOf(t, a);
  const draft = await requests.startRequest(ctx(cy.requester), { organisationId: cy.orgId, roundId: cy.roundId });
  ids.draft = (draft as { id: string }).id;
  const rev = await requests.startRequest(ctx(cy.requester), { organisationId: cy.orgId, roundId: cy.roundId });
  ids.review = (rev as { id: string }).id;
  for (const s of STEPS) await requests.saveStep(ctx(cy.requester), ids.review, s, STEP_DATA[s]);
  await requests.endorseRequest(ctx(cy.approver), ids.review, {});
  await requests.submitRequest(ctx(cy.requester), ids.review);
  await selection.recordEligibility(ctx(cy.broker), ids.review, { verdict: 'eligible' });
  await selection.openReview(ctx(cy.broker), ids.review);
  // A second request, selected, with a call and an offer.
  const sel = await requests.startRequest(ctx(cy.requester), { organisationId: cy.orgId, roundId: cy.roundId });
  const selId = (sel as { id: string }).id;
  for (const s of STEPS) await requests.saveStep(ctx(cy.requester), selId, s, STEP_DATA[s]);
  await requests.endorseRequest(ctx(cy.approver), selId, {});
  await requests.submitRequest(ctx(cy.requester), selId);
  await selection.recordEligibility(ctx(cy.broker), selId, { verdict: 'eligible' });
  await selection.openReview(ctx(cy.broker), selId);
  await selection.decide(ctx(cy.broker), selId, { outcome: 'selected', reasons: 'ok' });
  ids.call = ((await calls.publishCall(ctx(cy.broker), selId, { title: 'Matrix call', expertiseSought: 'x', formats: ['study_visit'], languages: ['en'], deadline: '2027-01-15' })) as { id: string }).id;
  ids.offer = ((await calls.makeOffer(ctx(cy.providerAdmin), ids.call, { organisationId: cy.providerOrgId, experts: [{ personId: cy.providerExpertIds[0]!, motivation: 'm', languages: ['en'] }] })) as { id: string }).id;
});
after(() => t.close());

type Row = { method: 'GET' | 'POST'; path: () => string; form?: Record<string, string>; expect: Partial<Record<Role, number>> & { default: number } };
const everyone = (s: number) => ({ default: s });
const staff = (s = 200) => ({ default: 404, visitor: 303, broker: s, admin: s });
const signedIn = (s = 200) => ({ default: s, visitor: 303 });

const MATRIX: Row[] = [
  { method: 'GET', path: () => '/en/calls-for-requests', expect: everyone(200) },
  { method: 'GET', path: () => '/en/calls-for-requests?bogus=1', expect: everyone(400) },
  { method: 'GET', path: () => '/en/calls-for-requests/feed.atom', expect: everyone(200) },
  { method: 'GET', path: () => '/en/calls-for-requests/deadlines.ics', expect: everyone(200) },
  { method: 'GET', path: () => `/en/programmes/${cy.slug}`, expect: everyone(200) },
  { method: 'GET', path: () => `/en/programmes/${cy.slug}/timeline`, expect: everyone(200) },
  { method: 'GET', path: () => '/en/programmes/no-such-programme', expect: everyone(404) },
  { method: 'POST', path: () => `/en/programmes/${cy.slug}/news`, form: { title: '' }, expect: { default: 404, broker: 400, admin: 400 } },
  { method: 'GET', path: () => '/en/admin/programmes', expect: staff() },
  { method: 'GET', path: () => '/en/admin/programmes/new', expect: staff() },
  { method: 'POST', path: () => '/en/admin/programmes', form: { name: '' }, expect: { default: 404, broker: 400, admin: 400 } },
  { method: 'GET', path: () => `/en/admin/programmes/${ids.pid}`, expect: staff() },
  { method: 'POST', path: () => `/en/admin/programmes/${ids.pid}`, form: { name: '' }, expect: { default: 404, broker: 400, admin: 400 } },
  { method: 'POST', path: () => `/en/admin/programmes/${ids.pid}/rounds`, form: { name: '' }, expect: { default: 404, broker: 400, admin: 400 } },
  { method: 'POST', path: () => `/en/admin/programmes/${ids.pid}/criteria`, form: { label: '' }, expect: { default: 404, broker: 400, admin: 400 } },
  { method: 'GET', path: () => `/en/admin/programmes/${ids.pid}/rounds/${cy.roundId}`, expect: staff() },
  { method: 'POST', path: () => `/en/admin/programmes/${ids.pid}/rounds/${cy.roundId}`, form: { name: '' }, expect: { default: 404, broker: 400, admin: 400 } },
  { method: 'GET', path: () => `/en/admin/programmes/${ids.pid}/criteria/${cy.criteria[0]}`, expect: staff() },
  { method: 'POST', path: () => `/en/admin/programmes/${ids.pid}/criteria/${cy.criteria[0]}`, form: { label: '' }, expect: { default: 404, broker: 400, admin: 400 } },
  { method: 'POST', path: () => `/en/admin/programmes/${ids.pid}/criteria/${randomUUID()}/delete`, expect: { default: 404, broker: 303, admin: 303 } },
  { method: 'POST', path: () => `/en/admin/programmes/${ids.pid}/committee`, form: { email: 'nobody' }, expect: { default: 404, broker: 400, admin: 400 } },
  { method: 'GET', path: () => '/en/broker', expect: staff() },
  { method: 'GET', path: () => '/en/broker?state=submitted', expect: staff() },
  { method: 'GET', path: () => '/en/broker?state=bogus', expect: staff(400) },
  { method: 'GET', path: () => '/en/broker?sort=title', expect: staff(400) },
  { method: 'GET', path: () => '/en/programmes', expect: everyone(200) },
  { method: 'GET', path: () => '/en/requests', expect: signedIn() },
  { method: 'GET', path: () => `/en/requests/new?round=${cy.roundId}`, expect: signedIn() },
  { method: 'POST', path: () => '/en/requests', form: { organisationId: randomUUID(), roundId: 'x' }, expect: { default: 400, visitor: 401 } },
  { method: 'GET', path: () => `/en/requests/${ids.draft}`, expect: { default: 404, requester: 200, approver: 200, broker: 200, admin: 200 } },
  { method: 'GET', path: () => `/en/requests/${ids.review}`, expect: { default: 404, requester: 200, approver: 200, broker: 200, admin: 200, committee: 200 } },
  { method: 'GET', path: () => `/en/requests/${randomUUID()}`, expect: everyone(404) },
  { method: 'GET', path: () => `/en/requests/${ids.draft}/steps/challenge`, expect: { default: 404, requester: 200, approver: 303, broker: 303, admin: 303 } },
  { method: 'GET', path: () => `/en/requests/${ids.draft}/steps/nope`, expect: everyone(404) },
  { method: 'POST', path: () => `/en/requests/${ids.draft}/steps/objectives`, form: { objectives: '' }, expect: { default: 404, requester: 400, approver: 403, broker: 403, admin: 403 } },
  { method: 'POST', path: () => `/en/requests/${ids.draft}/submit`, expect: { default: 404, requester: 400, approver: 403, broker: 403, admin: 403 } },
  { method: 'POST', path: () => `/en/requests/${ids.draft}/endorse`, expect: { default: 404, requester: 403, approver: 303, broker: 403, admin: 403 } },
  { method: 'POST', path: () => `/en/requests/${ids.draft}/withdraw`, expect: { default: 404, requester: 403, approver: 403, broker: 403, admin: 403 } },
  { method: 'POST', path: () => `/en/requests/${ids.review}/eligibility`, form: { verdict: 'eligible' }, expect: { default: 404, requester: 403, approver: 403, broker: 403, admin: 403, committee: 403 } },
  { method: 'POST', path: () => `/en/requests/${ids.review}/open-review`, expect: { default: 404, requester: 403, approver: 403, broker: 403, admin: 403, committee: 403 } },
  { method: 'POST', path: () => `/en/requests/${ids.review}/decision`, form: { outcome: 'selected', reasons: '' }, expect: { default: 404, requester: 403, approver: 403, broker: 400, admin: 400, committee: 403 } },
  { method: 'POST', path: () => `/en/requests/${ids.review}/conflict`, form: {}, expect: { default: 404, requester: 403, approver: 403, broker: 403, admin: 403, committee: 400 } },
  { method: 'GET', path: () => `/en/requests/${ids.review}/review`, expect: { default: 404, requester: 403, approver: 403, broker: 403, admin: 403, committee: 403 } },
  { method: 'GET', path: () => `/en/requests/${ids.review}/call/new`, expect: { default: 404, visitor: 303, requester: 403, approver: 403, broker: 403, admin: 403, committee: 403 } },
  { method: 'POST', path: () => `/en/requests/${ids.draft}/attachments`, form: {}, expect: { default: 404, requester: 400, approver: 400, broker: 400, admin: 400 } },
  { method: 'GET', path: () => `/en/attachments/${randomUUID()}`, expect: everyone(404) },
  { method: 'POST', path: () => `/en/attachments/${randomUUID()}/delete`, expect: everyone(404) },
  { method: 'GET', path: () => '/en/calls', expect: everyone(200) },
  { method: 'GET', path: () => '/en/calls?sort=deadline', expect: everyone(400) },
  { method: 'GET', path: () => `/en/calls/${ids.call}`, expect: everyone(200) },
  { method: 'GET', path: () => `/en/calls/${ids.call}/offer`, expect: signedIn() },
  { method: 'POST', path: () => `/en/calls/${ids.call}/offers`, form: {}, expect: { default: 400, visitor: 303 } },
  { method: 'GET', path: () => `/en/calls/${ids.call}/offers`, expect: staff() },
  { method: 'GET', path: () => `/en/offers/${ids.offer}`, expect: { default: 404, visitor: 303, orgAdmin: 200, broker: 200, admin: 200 } },
  { method: 'POST', path: () => `/en/offers/${ids.offer}/messages`, form: { body: '' }, expect: { default: 404, orgAdmin: 400, broker: 400, admin: 400 } },
  { method: 'POST', path: () => `/en/offers/${ids.offer}/cv`, form: {}, expect: { default: 404, orgAdmin: 400, broker: 400, admin: 400 } },
  { method: 'POST', path: () => `/en/offers/${randomUUID()}/shortlist`, expect: everyone(404) },
  { method: 'POST', path: () => `/en/offers/${randomUUID()}/propose`, expect: everyone(404) },
  { method: 'POST', path: () => `/en/matches/${randomUUID()}/confirm`, expect: everyone(404) },
  { method: 'POST', path: () => `/en/matches/${randomUUID()}/decline`, expect: everyone(404) },
  { method: 'GET', path: () => '/en/notifications/settings', expect: signedIn() },
  { method: 'POST', path: () => '/en/notifications/settings', form: { mode: 'hourly' }, expect: { default: 400, visitor: 303 } },
  // Last, as it changes the offer: the provider withdraws it (then nobody can).
  { method: 'POST', path: () => `/en/offers/${ids.offer}/withdraw`, expect: { default: 404, orgAdmin: 303, broker: 403, admin: 403 } },
  // Not listed: other methods and paths are not found, for everyone.
  { method: 'POST', path: () => '/en/calls', expect: everyone(404) },
  { method: 'GET', path: () => `/en/requests/${ids.draft}/endorse`, expect: everyone(404) },
  { method: 'GET', path: () => `/en/matches/${randomUUID()}/confirm`, expect: everyone(404) },
  { method: 'GET', path: () => '/en/admin/programmes/x/rounds', expect: everyone(404) },
];

test('every route of the cycle answers each role as the matrix says', async () => {
  const failures: string[] = [];
  for (const row of MATRIX) {
    for (const role of ROLES) {
      const path = row.path();
      const res = row.method === 'GET' ? await cl[role].get(path) : await cl[role].post(path, row.form ?? {});
      const want = row.expect[role] ?? row.expect.default;
      if (res.status !== want) failures.push(`${row.method} ${path} as ${role}: ${res.status}, expected ${want}`);
    }
  }
  assert.deepEqual(failures, []);
});
