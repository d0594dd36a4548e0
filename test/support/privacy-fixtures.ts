/** A member with something of everything (profile, phone, membership, offer, CV, messages, invitation, token, queued mail) for the privacy tests. */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { people, apiTokens, oneTimeTokens } from '../../src/db/schema/index.ts';
import { hashPassword } from '../../src/modules/accounts/accounts.passwords.ts';
import * as requests from '../../src/modules/requests/requests.service.ts';
import * as selection from '../../src/modules/requests/requests.selection.ts';
import * as calls from '../../src/modules/calls/calls.service.ts';
import { STEPS } from '../../src/modules/requests/requests.schema.ts';
import { sha256 } from '../../src/platform/session.ts';
import type { CurrentUser } from '../../src/platform/http.ts';
import type { TestApp } from './app.ts';
import { createUser } from './users.ts';
import { setupCycle, ctxOf, actorOf, addMember, makePerson, STEP_DATA, type Cycle } from '../requests/fixtures.ts';

export const PASSWORD = 'a long enough passphrase for tests';
export const PDF = new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'));

let hash: string | undefined;

export type Rich = {
  cy: Cycle;
  actor: CurrentUser;
  email: string;
  name: string;
  phone: string;
  proEmail: string;
  personId: string;
  callId: string;
  offerId: string;
  cvId: string;
};

/** A published call of the cycle, open for offers. */
export async function publishedCall(t: TestApp, cy: Cycle, title = 'Waste collection expertise'): Promise<string> {
  const start = await requests.startRequest(ctxOf(t, cy.requester), { organisationId: cy.orgId, roundId: cy.roundId });
  const id = (start as { id: string }).id;
  for (const s of STEPS) await requests.saveStep(ctxOf(t, cy.requester), id, s, STEP_DATA[s]);
  await requests.endorseRequest(ctxOf(t, cy.approver), id, {});
  await requests.submitRequest(ctxOf(t, cy.requester), id);
  await selection.recordEligibility(ctxOf(t, cy.broker), id, { verdict: 'eligible' });
  await selection.openReview(ctxOf(t, cy.broker), id);
  await selection.decide(ctxOf(t, cy.broker), id, { outcome: 'selected', reasons: 'ok' });
  return ((await calls.publishCall(ctxOf(t, cy.broker), id, { title, expertiseSought: 'x', formats: ['study_visit'], languages: ['en'], deadline: '2027-01-15' })) as { id: string }).id;
}

/**
 * Zélie Marchand (or `name`): an account with a password, a profile with a phone and a work address,
 * an expert membership, an offer on a published call with her CV, a message in the offer's thread and
 * the broker's answer quoting her name, address and phone; an invitation to her address, an API token.
 */
export async function richMember(t: TestApp, dataDir: string, opts: { name?: string; email?: string; cy?: Cycle } = {}): Promise<Rich> {
  hash ??= await hashPassword(PASSWORD);
  const cy = opts.cy ?? (await setupCycle(t));
  const name = opts.name ?? 'Zélie Marchand';
  const email = opts.email ?? `zelie.marchand.${randomUUID().slice(0, 6)}@example.org`;
  const phone = '+226 70 11 22 33';
  const proEmail = `z.marchand.${randomUUID().slice(0, 6)}@mairie-ziniare.bf`;
  const user = await createUser(t, { name, email, passwordHash: hash });
  const actor = actorOf(user);
  await addMember(t, cy.providerOrgId, user.id, 'expert');
  const personId = await makePerson(t, { userId: user.id, name });
  await t.db.update(people).set({ phone, email: proEmail, showEmail: true, expertise: 'Household waste collection' }).where(eq(people.id, personId));
  const callId = await publishedCall(t, cy);
  const offer = await calls.makeOffer(ctxOf(t, actor), callId, { experts: [{ personId, motivation: 'I organised collection in Ouagadougou.', languages: ['fr'] }] });
  const offerId = (offer as { id: string }).id;
  const cv = await calls.uploadCv(ctxOf(t, actor), { filesDir: `${dataDir}/files` }, offerId, personId, { name: 'cv-zelie.pdf', bytes: PDF });
  const cvId = (cv as { id: string }).id;
  await calls.postMessage(ctxOf(t, actor), offerId, { body: 'My CV is attached.' });
  await calls.postMessage(ctxOf(t, cy.broker), offerId, { body: `Thank you ${name}; we will write to ${email} or call ${phone}.` });
  const now = t.clock.now();
  await t.db.insert(oneTimeTokens).values({ tokenHash: sha256(randomUUID()), kind: 'invitation', userId: null, data: { organisationId: cy.orgId, role: 'expert', email, invitedBy: cy.providerAdmin.id }, createdAt: now, expiresAt: new Date(now.getTime() + 14 * 86400_000) });
  await t.db.insert(apiTokens).values({ id: randomUUID(), userId: user.id, name: 'my script', tokenHash: sha256(randomUUID()), createdAt: now });
  return { cy, actor, email, name, phone, proEmail, personId, callId, offerId, cvId };
}
