/**
 * The CONNECT cycle's steps from a new request to a published call, in English, by the demo
 * accounts that do them (requester, approver, broker, committee member), for specs whose story
 * starts after them. The connect-cycle spec walks the same steps itself, with its checks.
 */
import assert from 'node:assert/strict';
import { type Browser, signIn, signOut } from './browser.ts';
import { DEMO_PASSWORD } from '../../../src/modules/accounts/accounts.demo.ts';

export const demoEmail = (role: string) => `${role}@demo.peerlink.localhost`;

/** A datetime-local value `days` from now (UTC). */
export const inDays = (days: number) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 16);

export type RequestText = {
  title: string;
  challenge: string;
  context: string;
  objectives: string;
  results: string;
  /** Theme and format codes ticked on the scope step; `languages`: codes separated by spaces, ticked too. */
  theme: string;
  format: string;
  languages: string;
  participants: string;
  stakeholders: string;
  cofunding: string;
  /** The call's "expertise sought". */
  expertiseSought: string;
};

/** Paths without the language prefix (`/requests/…`, `/calls/…`). */
export type PublishedCall = { requestPath: string; callPath: string };

const pathOf = (url: string) => url.replace(/^https?:\/\/[^/]+\/[a-z]{2}(?=\/)/, '');

/**
 * Takes a request of the programme at `programmePath` through every step to a published call:
 * the requester fills the form, the approver endorses, the requester submits, the broker finds it
 * eligible and opens the review, the committee member declares no conflict and scores, the broker
 * selects it and publishes the call. Ends signed out.
 */
export async function requestToPublishedCall(b: Browser, r: RequestText, programmePath = '/programmes/connect'): Promise<PublishedCall> {
  const p = b.page;
  await signIn(b, 'en', demoEmail('requester'), DEMO_PASSWORD);
  await b.goto(`/en${programmePath}`);
  await b.follow(p.getByRole('link', { name: 'Start a request' }));
  await b.submit(p.getByRole('button', { name: 'Start the request' }));
  await p.locator('#f-title').fill(r.title);
  await p.locator('#f-challenge').fill(r.challenge);
  await p.locator('#f-context').fill(r.context);
  await b.submit(p.getByRole('button', { name: 'Save and continue' }));
  await p.locator('#f-objectives').fill(r.objectives);
  await p.locator('#f-results').fill(r.results);
  await b.submit(p.getByRole('button', { name: 'Save and continue' }));
  await p.locator(`input[name="themes"][value="${r.theme}"]`).check();
  await p.locator(`input[name="formats"][value="${r.format}"]`).check();
  for (const code of r.languages.split(' ')) await p.locator(`#f-languages-${code}`).check();
  await b.submit(p.getByRole('button', { name: 'Save and continue' }));
  await p.locator('#f-participants').fill(r.participants);
  await p.locator('#f-stakeholders').fill(r.stakeholders);
  await b.submit(p.getByRole('button', { name: 'Save and continue' }));
  await p.locator('#f-cofunding').fill(r.cofunding);
  await b.submit(p.getByRole('button', { name: 'Save and continue' }));
  const requestPath = pathOf(p.url());
  await signOut(b);

  await signIn(b, 'en', demoEmail('approver'), DEMO_PASSWORD);
  await b.goto(`/en${requestPath}`);
  await b.submit(p.getByRole('button', { name: 'Endorse this request' }));
  await signOut(b);

  await signIn(b, 'en', demoEmail('requester'), DEMO_PASSWORD);
  await b.goto(`/en${requestPath}`);
  await b.submit(p.getByRole('button', { name: 'Submit the request' }));
  await signOut(b);

  await signIn(b, 'en', demoEmail('broker'), DEMO_PASSWORD);
  await b.goto(`/en${requestPath}`);
  await p.locator('input[name="verdict"][value="eligible"]').check();
  await b.submit(p.getByRole('button', { name: 'Record the verdict' }));
  await b.submit(p.getByRole('button', { name: 'Open the committee review' }));
  await signOut(b);

  await signIn(b, 'en', demoEmail('committee'), DEMO_PASSWORD);
  await b.goto(`/en${requestPath}`);
  await p.locator('input[name="hasConflict"][value="no"]').check();
  await b.submit(p.getByRole('button', { name: 'Declare' }));
  await b.follow(p.getByRole('link', { name: 'Score this request' }));
  for (const s of await p.locator('select[name^="score_"]').all()) await s.selectOption('4');
  for (const c of await p.locator('textarea[name^="comment_"]').all()) await c.fill('A clear need.');
  await b.submit(p.getByRole('button', { name: 'Save my scores' }));
  await signOut(b);

  await signIn(b, 'en', demoEmail('broker'), DEMO_PASSWORD);
  await b.goto(`/en${requestPath}`);
  await p.locator('#f-outcome').selectOption('selected');
  await p.locator('#f-reasons').fill('Strong local ownership.');
  await b.submit(p.getByRole('button', { name: 'Record the decision' }));
  await b.follow(p.getByRole('link', { name: 'Publish the call for expertise' }));
  await p.locator('#f-expertiseSought').fill(r.expertiseSought);
  await p.locator('#f-deadline').fill(inDays(20));
  await b.submit(p.getByRole('button', { name: 'Publish the call' }));
  assert.match((await p.locator('.flash').textContent()) ?? '', /call is public/);
  const callPath = pathOf(p.url());
  await signOut(b);
  return { requestPath, callPath };
}
