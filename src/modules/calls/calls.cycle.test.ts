/**
 * The CONNECT cycle through the services, from an empty programme to a confirmed match:
 * draft in steps, endorsement, submission, eligibility, conflicts, scores, decision, call,
 * offers, thread, proposal and double opt-in. Also the concurrency and 404 requirements
 * (SECURITY.md 11, 14, 27, 30).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { afterCommit } from '../../app.ts';
import { setupCycle, ctxOf, STEP_DATA, makePerson, type Cycle } from '../../../test/requests/fixtures.ts';
import * as requests from '../requests/requests.service.ts';
import * as selection from '../requests/requests.selection.ts';
import * as calls from './calls.service.ts';
import * as programmes from '../programmes/programmes.service.ts';
import { NotFoundError, ForbiddenError, ValidationError } from '../../platform/errors.ts';
import { rows } from '../../platform/db.ts';
import { decisions, offers, requests as requestsTable, notificationOutbox } from '../../db/schema/index.ts';
import { STEPS } from '../requests/requests.schema.ts';

let t: TestApp;
let cy: Cycle;

before(async () => {
  t = await createTestApp();
  cy = await setupCycle(t);
});
after(() => t.close());

const ctx = (a: Cycle['broker'] | null) => ctxOf(t, a);

async function draftComplete(): Promise<string> {
  const start = await requests.startRequest(ctx(cy.requester), { organisationId: cy.orgId, roundId: cy.roundId });
  assert.equal(start.ok, true);
  const id = (start as { id: string }).id;
  for (const step of STEPS) await requests.saveStep(ctx(cy.requester), id, step, STEP_DATA[step]);
  return id;
}

async function submitted(): Promise<string> {
  const id = await draftComplete();
  assert.deepEqual(await requests.endorseRequest(ctx(cy.approver), id, { note: 'Mayor agrees' }), { ok: true });
  assert.deepEqual(await requests.submitRequest(ctx(cy.requester), id), { ok: true });
  return id;
}

async function underReview(): Promise<string> {
  const id = await submitted();
  assert.deepEqual(await selection.recordEligibility(ctx(cy.broker), id, { verdict: 'eligible' }), { ok: true });
  assert.deepEqual(await selection.openReview(ctx(cy.broker), id), { ok: true });
  return id;
}

const state = async (id: string) => (await t.db.select({ s: requestsTable.state }).from(requestsTable).where(eq(requestsTable.id, id)))[0]!.s;

test('a requester writes a draft in steps, each validated and resumable', async () => {
  const start = await requests.startRequest(ctx(cy.requester), { organisationId: cy.orgId, roundId: cy.roundId, state: 'selected' });
  assert.equal(start.ok, true);
  const id = (start as { id: string }).id;
  await assert.rejects(requests.saveStep(ctx(cy.requester), id, 'challenge', { title: '', challenge: 'short' }), (e: unknown) => {
    assert.ok(e instanceof ValidationError);
    assert.equal(e.fields.title, 'platform.form.required');
    assert.equal(e.fields.challenge, 'platform.form.tooShort?min=20');
    return true;
  });
  const out = await requests.saveStep(ctx(cy.requester), id, 'challenge', { ...STEP_DATA.challenge, state: 'selected' });
  assert.deepEqual(out, { ok: true, next: 'objectives', isComplete: false });
  const d = await requests.getRequest(ctx(cy.requester), id);
  assert.equal(d.state, 'draft');
  assert.equal(d.title, STEP_DATA.challenge.title);
  assert.deepEqual(d.stepsDone, ['challenge']);
  assert.equal(d.abilities.edit, true);
  assert.equal(d.abilities.endorse, false);
  await assert.rejects(requests.saveStep(ctx(cy.requester), id, 'scope', { ...STEP_DATA.scope, periodEnd: '2027-01-01' }), (e: unknown) => e instanceof ValidationError && e.fields.periodEnd === 'requests.form.periodOrder');
});

test('only an active requester of a verified organisation starts a request, and only in an open round', async () => {
  await assert.rejects(requests.startRequest(ctx(cy.approver), { organisationId: cy.orgId, roundId: cy.roundId }), NotFoundError);
  await assert.rejects(requests.startRequest(ctx(cy.outsider), { organisationId: cy.orgId, roundId: cy.roundId }), NotFoundError);
  const { id: closed } = await programmes.addRound(ctx(cy.broker), cy.programmeId, { name: 'Next', opensAt: '2027-03-01', closesAt: '2027-04-01', reviewOpensAt: '2027-04-02', reviewClosesAt: '2027-05-01' });
  assert.deepEqual(await requests.startRequest(ctx(cy.requester), { organisationId: cy.orgId, roundId: closed }), { ok: false, reason: 'round_closed' });
});

test('the approver endorses the complete draft; it is then submitted and read-only; a change before submission needs a new endorsement', async () => {
  const id = await draftComplete();
  await assert.rejects(requests.endorseRequest(ctx(cy.requester), id), ForbiddenError);
  assert.deepEqual(await requests.submitRequest(ctx(cy.requester), id), { ok: false, reason: 'not_endorsed' });
  assert.deepEqual(await requests.endorseRequest(ctx(cy.approver), id, {}), { ok: true });
  await requests.saveStep(ctx(cy.requester), id, 'cofunding', { cofunding: 'Changed after sign-off' });
  assert.deepEqual(await requests.submitRequest(ctx(cy.requester), id), { ok: false, reason: 'not_endorsed' });
  await requests.endorseRequest(ctx(cy.approver), id, {});
  assert.deepEqual(await requests.submitRequest(ctx(cy.requester), id), { ok: true });
  assert.equal(await state(id), 'submitted');
  await assert.rejects(requests.saveStep(ctx(cy.requester), id, 'cofunding', { cofunding: 'Too late' }), ForbiddenError);
  const d = await requests.getRequest(ctx(cy.requester), id);
  assert.equal(d.cofunding, 'Changed after sign-off');
  assert.equal(d.abilities.edit, false);
  assert.equal(d.abilities.withdraw, true);
  assert.deepEqual(d.history.map((h) => [h.from, h.to, h.actorName]), [['draft', 'submitted', cy.requester.name]]);
  // The approvers were asked to endorse; brokers were told of the submission.
  const kinds = await rows<{ kind: string; user_id: string }>(t.db, sql`select kind, user_id from notification_outbox`);
  assert.ok(kinds.some((k) => k.kind === 'endorsement_needed' && k.user_id === cy.approver.id));
  assert.ok(kinds.some((k) => k.kind === 'submitted_broker' && k.user_id === cy.broker.id));
});

test('a submitted request can be withdrawn, and nothing moves it afterwards', async () => {
  const id = await submitted();
  assert.deepEqual(await requests.withdrawRequest(ctx(cy.requester), id), { ok: true });
  assert.equal(await state(id), 'withdrawn');
  await assert.rejects(selection.recordEligibility(ctx(cy.broker), id, { verdict: 'eligible' }), ForbiddenError);
});

test('an undecided request and its reviews answer 404 to anyone not entitled, and the refusal is audited (SECURITY 11, 30)', async () => {
  const id = await underReview();
  await assert.rejects(requests.getRequest(ctx(cy.outsider), id), NotFoundError);
  await assert.rejects(requests.getRequest(ctx(null), id), NotFoundError);
  await assert.rejects(selection.getScoreBoard(ctx(cy.outsider), id), NotFoundError);
  // Committee members see the request under review, but the reviews stay private until the decision.
  assert.equal((await requests.getRequest(ctx(cy.committee[0]!), id)).state, 'under_review');
  await assert.rejects(selection.getScoreBoard(ctx(cy.committee[0]!), id), NotFoundError);
  await assert.rejects(selection.getScoreBoard(ctx(cy.requester), id), NotFoundError);
  const denied = await rows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_log where object_id = ${id} and outcome = 'denied' and actor_id = ${cy.outsider.id}`);
  assert.ok(denied[0]!.n >= 2);
});

test('committee members declare conflicts and score inside the review window; the broker sees mean and spread', async () => {
  const id = await underReview();
  const [a, b] = cy.committee as [Cycle['broker'], Cycle['broker']];
  await assert.rejects(selection.saveReview(ctx(a), id, {}), ForbiddenError); // no declaration yet
  assert.deepEqual(await selection.declareConflict(ctx(a), id, { hasConflict: 'no' }), { ok: true });
  assert.deepEqual(await selection.declareConflict(ctx(a), id, { hasConflict: 'yes' }), { ok: false, reason: 'already_declared' });
  const [c1, c2] = cy.criteria as [string, string];
  assert.deepEqual(await selection.saveReview(ctx(a), id, { [`score_${c1}`]: '5', [`score_${c2}`]: '2' }), { ok: false, reason: 'window_closed' });
  t.clock.set('2026-12-20T10:00:00Z');
  try {
    await assert.rejects(selection.saveReview(ctx(a), id, { [`score_${c1}`]: '7' }), (e: unknown) => e instanceof ValidationError && e.fields[`score_${c1}`] === 'requests.review.scoreRange' && e.fields[`score_${c2}`] === 'platform.form.required');
    assert.deepEqual(await selection.saveReview(ctx(a), id, { [`score_${c1}`]: '5', [`comment_${c1}`]: 'Clear need', [`score_${c2}`]: '2' }), { ok: true });
    await selection.declareConflict(ctx(b), id, { hasConflict: 'yes', note: 'Former adviser' });
    await assert.rejects(selection.saveReview(ctx(b), id, { [`score_${c1}`]: '1', [`score_${c2}`]: '1' }), ForbiddenError);
    const board = await selection.getScoreBoard(ctx(cy.broker), id);
    assert.deepEqual(board.criteria.map((c) => [c.label, c.mean, c.spread]), [
      ['Relevance', 5, 0],
      ['Feasibility', 2, 0],
    ]);
    assert.equal(board.reviewers[0]!.comments[c1], 'Clear need');
    assert.equal(board.weightedMean, 4);
    assert.deepEqual(board.conflicts.map((c) => c.hasConflict).sort(), [false, true]);
    // A conflicted member cannot decide; a member of the platform with no standing posting a decision changes nothing (SECURITY 14).
    await assert.rejects(selection.decide(ctx(b), id, { outcome: 'rejected', reasons: 'x' }), ForbiddenError);
    await assert.rejects(selection.decide(ctx(cy.outsider), id, { outcome: 'selected', reasons: 'x' }), NotFoundError);
    await assert.rejects(selection.decide(ctx(cy.requester), id, { outcome: 'selected', reasons: 'x' }), ForbiddenError);
    assert.equal(await state(id), 'under_review');
    assert.equal((await t.db.select().from(decisions).where(eq(decisions.requestId, id))).length, 0);
    // The committee member without conflict takes the decision.
    assert.deepEqual(await selection.decide(ctx(a), id, { outcome: 'waiting_list', reasons: 'Good, but budget is spent' }), { ok: true });
    assert.equal((await selection.getScoreBoard(ctx(a), id)).reviewers.length, 1);
    await assert.rejects(selection.getScoreBoard(ctx(b), id), NotFoundError);
    // Later the broker selects it from the waiting list.
    assert.deepEqual(await selection.decide(ctx(cy.broker), id, { outcome: 'selected', reasons: 'Budget freed' }), { ok: true });
    const d = await selection.getDecision(ctx(cy.requester), id);
    assert.equal(d?.outcome, 'selected');
    assert.equal(d?.reasons, 'Budget freed');
    assert.equal(d?.deciderName, cy.broker.name);
  } finally {
    t.clock.set('2026-11-23T09:00:00Z');
  }
});

test('two committee decisions at once give one decision, in the audit log, told to the requester in French (SECURITY 27, 30)', async () => {
  const id = await underReview();
  const results = await Promise.all([
    selection.decide(ctx(cy.broker), id, { outcome: 'selected', reasons: 'Strong local ownership' }),
    selection.decide(ctx(cy.broker), id, { outcome: 'rejected', reasons: 'Out of scope' }),
  ]);
  assert.deepEqual(results.map((r) => r.ok).sort(), [false, true]);
  const rowsOf = await t.db.select().from(decisions).where(eq(decisions.requestId, id));
  assert.equal(rowsOf.length, 1);
  const s = await state(id);
  assert.equal(s, rowsOf[0]!.outcome);
  const audits = await rows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_log where action = 'request.decide' and object_id = ${id} and outcome = 'ok'`);
  assert.equal(audits[0]!.n, 1);
  const mail = await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.userId, cy.requester.id));
  const decisionMail = mail.find((m) => m.kind === 'decision');
  assert.ok(decisionMail, 'the requester is told');
  assert.match(decisionMail.subject, /Décision/);
});

test('from a selected request to a confirmed match: call, offers, thread, shortlist, proposal, double opt-in', async () => {
  const id = await underReview();
  await selection.decide(ctx(cy.broker), id, { outcome: 'selected', reasons: 'Fits the programme' });
  await assert.rejects(calls.publishCall(ctx(cy.requester), id, {}), ForbiddenError);
  const pub = await calls.publishCall(ctx(cy.broker), id, { title: 'Waste collection expertise for Ziniaré', expertiseSought: 'A waste manager who planned collection rounds', themes: ['waste_management'], formats: ['expert_assignment'], languages: ['fr'], deadline: '2027-01-15' });
  assert.equal(pub.ok, true);
  const callId = (pub as { id: string }).id;
  assert.deepEqual(await calls.publishCall(ctx(cy.broker), id, { title: 'Again', expertiseSought: 'x', formats: ['study_visit'], languages: ['fr'], deadline: '2027-01-15' }), { ok: false, reason: 'already_published' });
  // The public call has no confidential details of the request.
  const page = await calls.getCall(ctx(null), callId);
  assert.equal(page.call.title, 'Waste collection expertise for Ziniaré');
  assert.equal(page.requestId, null);
  assert.ok(!JSON.stringify(page).includes(STEP_DATA.cofunding.cofunding));
  assert.ok((await calls.listOpenCalls(ctx(null), { theme: 'waste_management' })).some((c) => c.id === callId));
  assert.ok(!(await calls.listOpenCalls(ctx(null), { format: 'study_visit' })).some((c) => c.id === callId));
  await assert.rejects(calls.listOpenCalls(ctx(null), { sort: 'x' }), ValidationError);

  // A peer organisation offers two of its experts; a stranger's expert is refused.
  const offer = { organisationId: cy.providerOrgId, experts: cy.providerExpertIds.map((p) => ({ personId: p, motivation: 'Ran Almere collection reform', languages: ['fr', 'en'], availability: 'March to May' })) };
  const stranger = await makePerson(t, { name: 'Someone else' });
  await assert.rejects(calls.makeOffer(ctx(cy.providerAdmin), callId, { ...offer, experts: [{ ...offer.experts[0]!, personId: stranger }] }), ValidationError);
  await assert.rejects(calls.makeOffer(ctx(cy.outsider), callId, offer), ValidationError);
  const made = await calls.makeOffer(ctx(cy.providerAdmin), callId, offer);
  assert.equal(made.ok, true);
  const offerId = (made as { id: string }).id;
  // The requesting organisation cannot offer to itself.
  assert.deepEqual(await calls.makeOffer(ctx(cy.requester), callId, { experts: [{ personId: await makePerson(t, { userId: cy.requester.id }), motivation: 'me', languages: ['fr'] }] }), { ok: false, reason: 'own_request' });

  // The requester does not see a merely submitted offer; the broker sees the list with the provider's last activity.
  await assert.rejects(calls.getOffer(ctx(cy.requester), offerId), NotFoundError);
  const list = await calls.listCallOffers(ctx(cy.broker), callId);
  assert.deepEqual(list.offers.map((o) => [o.id, o.experts, o.state]), [[offerId, 2, 'submitted']]);
  await assert.rejects(calls.listCallOffers(ctx(cy.providerAdmin), callId), NotFoundError);

  await calls.postMessage(ctx(cy.broker), offerId, { body: 'Is Anke available in April?' });
  await calls.postMessage(ctx(cy.providerAdmin), offerId, { body: 'Yes, the whole month.' });
  await assert.rejects(calls.postMessage(ctx(cy.requester), offerId, { body: 'hi' }), NotFoundError);
  assert.deepEqual(await calls.shortlistOffer(ctx(cy.broker), offerId), { ok: true });
  await assert.rejects(calls.proposeMatch(ctx(cy.providerAdmin), offerId), ForbiddenError);
  const prop = await calls.proposeMatch(ctx(cy.broker), offerId);
  assert.equal(prop.ok, true);
  const matchId = (prop as { matchId: string }).matchId;

  const seen = await calls.getOffer(ctx(cy.requester), offerId);
  assert.deepEqual(seen.match?.mySides, ['requester']);
  assert.deepEqual(seen.messages, [], 'the thread is between broker and provider');
  assert.deepEqual((await calls.getOffer(ctx(cy.providerAdmin), offerId)).messages.map((m) => m.body), ['Is Anke available in April?', 'Yes, the whole month.']);
  await assert.rejects(calls.confirmMatch(ctx(cy.outsider), matchId), NotFoundError);
  assert.deepEqual(await calls.confirmMatch(ctx(cy.requester), matchId), { ok: true, isConfirmed: false });
  assert.equal(await state(id), 'selected');
  assert.deepEqual(await calls.confirmMatch(ctx(cy.providerAdmin), matchId), { ok: true, isConfirmed: true });
  // The request moves on calls.matchConfirmed, after the confirmation committed.
  await afterCommit(t.deps);
  assert.equal(await state(id), 'matched');
  assert.equal((await calls.getCall(ctx(null), callId)).call.state, 'matched');
  // What the other modules may react to, recorded with each change and handled after commit.
  const recorded = await rows<{ name: string; handled: boolean }>(t.db, sql`select name, handled_at is not null as handled from domain_events where payload->>'requestId' = ${id}`);
  assert.deepEqual(recorded.map((e) => e.name).sort(), ['calls.matchConfirmed', 'calls.published', 'requests.decided', 'requests.submitted']);
  assert.ok(recorded.every((e) => e.handled));
  assert.deepEqual(await calls.confirmMatch(ctx(cy.requester), matchId), { ok: false, reason: 'not_proposed' });

  const tl = await programmes.getTimeline(ctx(null), cy.slug);
  assert.ok(tl.entries.some((e) => e.kind === 'call_launched' && e.title === 'Waste collection expertise for Ziniaré'));
  assert.ok(tl.entries.some((e) => e.kind === 'match_confirmed'));
  assert.ok(tl.entries.some((e) => e.kind === 'round_opened'));
  const opened = await rows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_log where action = 'offer.open' and object_id = ${offerId} and actor_id = ${cy.requester.id}`);
  assert.ok(opened[0]!.n >= 1, 'opening an offer by someone other than its owner is audited');
});

test('20 parallel offer submissions by one person give one offer (SECURITY 27)', async () => {
  const id = await underReview();
  await selection.decide(ctx(cy.broker), id, { outcome: 'selected', reasons: 'ok' });
  const pub = await calls.publishCall(ctx(cy.broker), id, { title: 'Parallel', expertiseSought: 'x', formats: ['study_visit'], languages: ['en'], deadline: '2027-01-15' });
  const callId = (pub as { id: string }).id;
  const expert = await makePerson(t, { userId: cy.outsider.id, name: 'Solo Expert' });
  const body = { experts: [{ personId: expert, motivation: 'I did this in Ostend', languages: ['en'], availability: 'any time' }] };
  const out = await Promise.all(Array.from({ length: 20 }, () => calls.makeOffer(ctx(cy.outsider), callId, body)));
  assert.equal(out.filter((o) => o.ok).length, 1);
  assert.equal(out.filter((o) => !o.ok && o.reason === 'already_offered').length, 19);
  const stored = await t.db.select().from(offers).where(eq(offers.callId, callId));
  assert.equal(stored.length, 1);
  // After the deadline the call takes no offers.
  t.clock.set('2027-01-16T00:00:00Z');
  try {
    assert.deepEqual(await calls.makeOffer(ctx(cy.providerAdmin), callId, { organisationId: cy.providerOrgId, experts: [{ personId: cy.providerExpertIds[0]!, motivation: 'late', languages: ['en'] }] }), { ok: false, reason: 'closed' });
  } finally {
    t.clock.set('2026-11-23T09:00:00Z');
  }
});

test('a provider withdraws an offer before it is proposed, and cannot once it is', async () => {
  const id = await underReview();
  await selection.decide(ctx(cy.broker), id, { outcome: 'selected', reasons: 'ok' });
  const callId = ((await calls.publishCall(ctx(cy.broker), id, { title: 'Withdrawals', expertiseSought: 'x', formats: ['study_visit'], languages: ['en'], deadline: '2027-01-15' })) as { id: string }).id;
  const o1 = ((await calls.makeOffer(ctx(cy.providerAdmin), callId, { organisationId: cy.providerOrgId, experts: [{ personId: cy.providerExpertIds[0]!, motivation: 'm', languages: ['en'] }] })) as { id: string }).id;
  await assert.rejects(calls.withdrawOffer(ctx(cy.broker), o1), ForbiddenError);
  assert.deepEqual(await calls.withdrawOffer(ctx(cy.providerAdmin), o1), { ok: true });
  assert.equal((await calls.getOffer(ctx(cy.providerAdmin), o1)).state, 'withdrawn');
  await assert.rejects(calls.proposeMatch(ctx(cy.broker), o1), ForbiddenError);
  await assert.rejects(calls.withdrawOffer(ctx(cy.providerAdmin), o1), ForbiddenError);
});

test('20 parallel confirmations and 20 parallel proposals give one confirmation and one live match (SECURITY 27)', async () => {
  const id = await underReview();
  await selection.decide(ctx(cy.broker), id, { outcome: 'selected', reasons: 'ok' });
  const callId = ((await calls.publishCall(ctx(cy.broker), id, { title: 'Parallel matches', expertiseSought: 'x', formats: ['study_visit'], languages: ['en'], deadline: '2027-01-15' })) as { id: string }).id;
  const o1 = ((await calls.makeOffer(ctx(cy.providerAdmin), callId, { organisationId: cy.providerOrgId, experts: [{ personId: cy.providerExpertIds[0]!, motivation: 'm', languages: ['en'] }] })) as { id: string }).id;
  const solo = await makePerson(t, { userId: cy.committee[1]!.id, name: 'Solo' });
  const o2 = ((await calls.makeOffer(ctx(cy.committee[1]!), callId, { experts: [{ personId: solo, motivation: 'm', languages: ['en'] }] })) as { id: string }).id;
  const proposals = await Promise.all(Array.from({ length: 20 }, (_, i) => calls.proposeMatch(ctx(cy.broker), i % 2 ? o1 : o2).catch((e: Error) => ({ ok: false as const, reason: e.constructor.name }))));
  assert.equal(proposals.filter((p) => p.ok).length, 1);
  const live = await rows<{ id: string }>(t.db, sql`select id from matches where call_id = ${callId} and state <> 'declined'`);
  assert.equal(live.length, 1);
  const matchId = live[0]!.id;
  const [{ offer_id }] = (await rows<{ offer_id: string }>(t.db, sql`select offer_id from matches where id = ${matchId}`)) as [{ offer_id: string }];
  const provider = offer_id === o1 ? cy.providerAdmin : cy.committee[1]!;
  const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => calls.confirmMatch(ctx(i % 2 ? cy.requester : provider), matchId)));
  assert.equal(answers.filter((a) => a.ok && a.isConfirmed).length, 1, 'confirmed exactly once');
  const [m] = await rows<{ state: string }>(t.db, sql`select state from matches where id = ${matchId}`);
  assert.equal(m!.state, 'confirmed');
  const confirms = await rows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_log where action = 'match.confirm' and object_id = ${matchId}`);
  assert.equal(confirms[0]!.n, 2, 'each side confirms once');
  await afterCommit(t.deps);
  const moved = await rows<{ n: number }>(t.db, sql`select count(*)::int as n from request_transitions where request_id = ${id} and to_state = 'matched'`);
  assert.equal(moved[0]!.n, 1);
  const events = await rows<{ n: number }>(t.db, sql`select count(*)::int as n from timeline_events where ref_id = ${matchId}`);
  assert.equal(events[0]!.n, 1);
});

test('while drafting, the requester is warned of organisation rules the programme does not meet', async () => {
  const { makeOrganisation, addMember } = await import('../../../test/requests/fixtures.ts');
  const euro = await makeOrganisation(t, { name: 'Gemeente Ergens', country: 'NL', region: 'europe' });
  await addMember(t, euro, cy.requester.id, 'requester');
  const id = ((await requests.startRequest(ctx(cy.requester), { organisationId: euro, roundId: cy.roundId })) as { id: string }).id;
  assert.deepEqual(await selection.draftWarnings(ctx(cy.requester), id), ['regionEligible']);
  const ok = ((await requests.startRequest(ctx(cy.requester), { organisationId: cy.orgId, roundId: cy.roundId })) as { id: string }).id;
  assert.deepEqual(await selection.draftWarnings(ctx(cy.requester), ok), []);
  const page = await (await import('../../../test/support/users.ts')).signedInClient(t, cy.requester);
  assert.match((await page.get(`/en/requests/${id}`)).body_, /may not be eligible[\s\S]*The region is eligible/);
});
