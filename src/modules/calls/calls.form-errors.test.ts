/**
 * Issue 16, errors 1 and 5 through the pages: an impossible date in the request's scope step or
 * the broker's "publish call" form is a field error in the reader's language, never a 500 (a
 * property over random strings in every date field of both forms); the end is checked against the
 * start; a message names its limit; the offer form puts each expert's error on its own field and
 * reports every error of a submission at once.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.ts';
import { signedInClient } from '../../../test/support/users.ts';
import { setupCycle, ctxOf, STEP_DATA, type Cycle } from '../../../test/requests/fixtures.ts';
import * as requests from '../requests/requests.service.ts';
import * as selection from '../requests/requests.selection.ts';
import * as calls from './calls.service.ts';
import { STEPS } from '../requests/requests.schema.ts';
import { isCalendarDate } from '../../platform/dates.ts';

let t: TestApp;
let cy: Cycle;
let requester: TestClient;
let broker: TestClient;
let provider: TestClient;
let draftId = '';
let selectedId = '';

const ctx = (a: Cycle['broker']) => ctxOf(t, a);

async function draftComplete(): Promise<string> {
  const start = await requests.startRequest(ctx(cy.requester), { organisationId: cy.orgId, roundId: cy.roundId });
  const id = (start as { id: string }).id;
  for (const step of STEPS) await requests.saveStep(ctx(cy.requester), id, step, STEP_DATA[step]);
  return id;
}

before(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  cy = await setupCycle(t);
  requester = await signedInClient(t, cy.requester);
  broker = await signedInClient(t, cy.broker);
  provider = await signedInClient(t, cy.providerAdmin);
  draftId = await draftComplete();
  selectedId = await draftComplete();
  await requests.endorseRequest(ctx(cy.approver), selectedId, { note: '' });
  await requests.submitRequest(ctx(cy.requester), selectedId);
  await selection.recordEligibility(ctx(cy.broker), selectedId, { verdict: 'eligible' });
  await selection.openReview(ctx(cy.broker), selectedId);
  await selection.decide(ctx(cy.broker), selectedId, { outcome: 'selected', reasons: 'Fits' });
});
after(() => t.close());

const scope = (over: Record<string, string>) => ({ themes: ['waste_management'], formats: ['expert_assignment'], languages: ['fr'], ...over });
const callForm = (over: Record<string, string>) => ({ title: 'Waste expertise', expertiseSought: 'A waste manager', themes: ['waste_management'], formats: ['expert_assignment'], languages: ['fr'], deadline: '2027-01-15T17:00', ...over });
const errorOn = (body: string, field: string) => new RegExp(`id="e-${field}"[^>]*>([^<]+)<`).exec(body)?.[1];

test('2027-02-30 → 2027-02-31 in the scope step is a field error in French, not a 500, and nothing is saved', async () => {
  const res = await requester.post(`/fr/requests/${draftId}/steps/scope`, scope({ periodStart: '2027-02-30', periodEnd: '2027-02-31' }));
  assert.equal(res.status, 400);
  assert.match(errorOn(res.body_, 'periodStart') ?? '', /Saisissez une date réelle au format AAAA-MM-JJ/);
  assert.match(errorOn(res.body_, 'periodEnd') ?? '', /Saisissez une date réelle/);
  assert.match(res.body_, /class="error-summary"/);
  const d = await requests.getRequest(ctx(cy.requester), draftId);
  assert.equal(d.periodStart, STEP_DATA.scope.periodStart);
  // A leap day exists in 2028; an end before the start is refused on the end.
  assert.equal((await requester.post(`/fr/requests/${draftId}/steps/scope`, scope({ periodStart: '2028-02-29', periodEnd: '2028-03-01' }))).status, 303);
  const order = await requester.post(`/fr/requests/${draftId}/steps/scope`, scope({ periodStart: '2028-03-01', periodEnd: '2028-02-29' }));
  assert.equal(order.status, 400);
  assert.ok(errorOn(order.body_, 'periodEnd'));
});

test('the broker’s call form: 2027-13-45 and an end before the start are field errors; a bad deadline time too', async () => {
  const bad = await broker.post(`/fr/requests/${selectedId}/call`, callForm({ periodStart: '2027-13-45', periodEnd: '2027-02-30', deadline: '2027-01-15T25:00' }));
  assert.equal(bad.status, 400);
  assert.match(errorOn(bad.body_, 'periodStart') ?? '', /date réelle/);
  assert.match(errorOn(bad.body_, 'periodEnd') ?? '', /date réelle/);
  assert.match(errorOn(bad.body_, 'deadline') ?? '', /date et une heure réelles/);
  const order = await broker.post(`/fr/requests/${selectedId}/call`, callForm({ periodStart: '2027-05-01', periodEnd: '2027-04-01' }));
  assert.equal(order.status, 400);
  assert.ok(errorOn(order.body_, 'periodEnd'));
});

test('property: any string in any date field of the scope step or the call form is never a 500, and an impossible date is a field error', async () => {
  const dateish = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
    fc.date({ min: new Date('1800-01-01'), max: new Date('2300-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  );
  const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '');
  await fc.assert(
    fc.asyncProperty(dateish.map(clean), dateish.map(clean), fc.constantFrom('scope', 'call'), fc.string({ maxLength: 20 }).map(clean), async (a, b, form, time) => {
      const res =
        form === 'scope'
          ? await requester.post(`/fr/requests/${draftId}/steps/scope`, scope({ periodStart: a, periodEnd: b }))
          : await broker.post(`/fr/requests/${selectedId}/call`, callForm({ periodStart: a, periodEnd: b, deadline: `${a}T${time}` }));
      assert.ok(res.status < 500, `${form} ${a} ${b}: ${res.status}`);
      for (const [field, v] of [['periodStart', a], ['periodEnd', b]] as const)
        if (v.trim() && !isCalendarDate(v.trim())) {
          assert.equal(res.status, 400);
          assert.ok(errorOn(res.body_, field), `${field}=${v} has its error`);
        }
    }),
    { numRuns: 40 },
  );
});

test('too short and too long name their limit, in all five languages; every form says novalidate', async () => {
  const expect = { en: /at least 20 characters/, fr: /au moins 20 caractères/, es: /al menos 20 caracteres/, pt: /pelo menos 20 carateres/, ar: /20/ } as const;
  for (const [lang, re] of Object.entries(expect)) {
    const res = await requester.post(`/${lang}/requests/${draftId}/steps/challenge`, { title: 'x'.repeat(201), challenge: 'too short', context: 'c' });
    assert.equal(res.status, 400);
    assert.match(errorOn(res.body_, 'challenge') ?? '', re, lang);
    assert.match(errorOn(res.body_, 'title') ?? '', /200/, lang);
    assert.match(res.body_, /<form method="post" novalidate/);
  }
  const fr = await requester.post(`/fr/requests/${draftId}/steps/challenge`, { title: 'x'.repeat(201), challenge: 'too short', context: 'c' });
  assert.match(errorOn(fr.body_, 'title') ?? '', /au plus 200 caractères \(vous en avez saisi 201\)/);
});

test('the offer form: a too-long motivation and bad language codes are each on their field and in the summary, all at once', async () => {
  const pub = await calls.publishCall(ctx(cy.broker), selectedId, { title: 'Offer errors', expertiseSought: 'x', formats: ['expert_assignment'], languages: ['fr'], deadline: '2027-01-15' });
  assert.equal(pub.ok, true);
  const callId = (pub as { id: string }).id;
  const [e1, e2] = cy.providerExpertIds as [string, string];
  const res = await provider.post(`/fr/calls/${callId}/offers`, {
    organisationId: cy.providerOrgId,
    experts: [e1, e2],
    [`motivation_${e1}`]: 'm'.repeat(3001),
    [`languages_${e1}`]: 'fr',
    [`motivation_${e2}`]: 'Planned collection rounds in Almere.',
    [`languages_${e2}`]: 'xx zz',
  });
  assert.equal(res.status, 400);
  assert.match(errorOn(res.body_, `motivation_${e1}`) ?? '', /au plus 3\s000 caractères/);
  assert.ok(errorOn(res.body_, `languages_${e2}`), 'the bad language codes are reported on their field');
  const summary = /<div class="error-summary"[\s\S]*?<\/div>/.exec(res.body_)?.[0] ?? '';
  assert.match(summary, new RegExp(`href="#f-motivation_${e1}"`));
  assert.match(summary, new RegExp(`href="#f-languages_${e2}"`));
  assert.match(summary, /Anke de Vries – Courte motivation: Saisissez au plus 3\s000 caractères/);
  assert.doesNotMatch(summary, /href="#f-experts"/);
});
