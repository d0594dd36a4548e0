/**
 * After the match, in the browser, on the demo data: the broker plans the exchange of the demo's
 * confirmed match (Agona West – Sandgerði) from the match's page, host and peer write and sign the
 * terms of reference with the broker, the host answers the "before" evaluation, an association
 * publishes the good practice drafted from the demo's held exchange (Agona West – Almere), and a
 * visitor finds good practices by theme in Spanish. Each step by the role that does it; every
 * page is checked with axe and for requests to other hosts by the Browser helper.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunningServer } from './support/server.ts';
import { Browser, serverAndBrowser, signIn, signOut } from './support/browser.ts';
import { DEMO_PASSWORD } from '../../src/modules/accounts/accounts.demo.ts';
import { DEMO_EXCHANGE_IDS } from '../../src/modules/calls/calls.demo.ts';
import { DEMO_HELD_TITLE, DEMO_TO_PLAN_TITLE } from '../../src/modules/requests/requests.demo.ts';

let server: RunningServer;
let b: Browser;
const as = (role: string) => `${role}@demo.peerlink.localhost`;
/** A date-input value `days` from today (UTC). */
const day = (days: number) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);
/** The path of the current page without origin and language prefix. */
const here = () => b.page.url().replace(/^https?:\/\/[^/]+\/[a-z]{2}(?=\/)/, '');
let exchangePath = '';
let evaluationPath = '';
let casePath = '';

// Several people take turns from one address: the per-IP limit (SECURITY 26) is tested elsewhere.
serverAndBrowser((s, br) => {
  server = s;
  b = br;
}, { env: { RATE_LIMIT_PER_MINUTE: '0' } });

const main = async () => (await b.page.locator('main').textContent()) ?? '';
const flash = async () => (await b.page.locator('.flash').first().textContent()) ?? '';

test('broker plans exchange from the confirmed match: format, dates, place, participants, checklist and budget', async () => {
  const p = b.page;
  await signIn(b, 'en', as('broker'), DEMO_PASSWORD);
  await b.goto(`/en/calls/${DEMO_EXCHANGE_IDS.toPlan.call}/offers`);
  await b.follow(p.getByRole('link', { name: /Sandgerði/ }));
  assert.match(await main(), /Both sides confirmed: the exchange can be planned/);
  await b.follow(p.getByRole('link', { name: 'Plan the exchange' }));
  assert.match((await p.locator('h1').textContent()) ?? '', /Plan the exchange/);
  assert.match(await main(), new RegExp(DEMO_TO_PLAN_TITLE));

  await p.locator('#f-format').selectOption('expert_assignment');
  await p.locator('#f-startDate').fill(day(7));
  await p.locator('#f-endDate').fill(day(3));
  await p.locator('#f-place').fill('Agona Swedru, municipal assembly hall');
  await p.locator('input[name="check_travel"]').check();
  await p.locator('input[name="check_visas"]').check();
  await p.locator('input[name="check_interpretation"]').check();
  await p.locator('#f-p_host_official_women').fill('7');
  await p.locator('#f-p_host_official_men').fill('5');
  await p.locator('#f-p_peer_elected_women').fill('1');
  await p.locator('#f-p_stakeholder_civil_society_other').fill('2');
  await p.locator('#f-b0_label').fill('Flights Keflavík–Accra');
  await p.locator('#f-b0_amount').fill('1320.50');
  await p.locator('#f-b0_currency').fill('EUR');
  await p.locator('#f-b0_fundedBy').fill('CONNECT');
  await p.locator('#f-b1_label').fill('Interpretation, two days');
  await p.locator('#f-b1_amount').fill('abc');
  await b.submit(p.getByRole('button', { name: 'Save the plan' }));
  // Errors are listed and what was typed stays.
  const errors = (await p.locator('.error-summary').textContent()) ?? '';
  assert.match(errors, /The last day cannot be before the first day/);
  assert.match(errors, /Write the amount as a number/);
  assert.equal(await p.locator('#f-b0_label').inputValue(), 'Flights Keflavík–Accra');
  assert.equal(await p.locator('#f-p_host_official_women').inputValue(), '7');
  assert.ok(await p.locator('input[name="check_visas"]').isChecked());

  await p.locator('#f-endDate').fill(day(11));
  await p.locator('#f-b1_amount').fill('2400');
  await p.locator('#f-b1_currency').fill('GHS');
  await p.locator('#f-b1_fundedBy').fill('Agona West');
  await b.submit(p.getByRole('button', { name: 'Save the plan' }));
  assert.match(await flash(), /The exchange is planned/);
  exchangePath = here();
  assert.match(exchangePath, /^\/exchanges\/[0-9a-f-]{36}$/);
  const page = await main();
  assert.match(page, /Agona Swedru, municipal assembly hall/);
  assert.match(page, /Travel: arranged/);
  assert.match(page, /Visas: arranged/);
  assert.match(page, /Insurance: still to arrange/);
  assert.match(page, /15 participants/);
  assert.match(page, /Flights Keflavík–Accra/);
  assert.match(page, /Version 1, not yet agreed/);

  // The match now leads to the exchange instead of offering a second plan.
  await b.goto(`/en/offers/${DEMO_EXCHANGE_IDS.toPlan.offer}`);
  assert.equal(await p.getByRole('link', { name: 'Plan the exchange' }).count(), 0);
  await b.follow(p.getByRole('link', { name: 'Open the exchange' }));
  assert.equal(here(), exchangePath);
  await signOut(b);
});

test('host and peer agree terms of reference: the host writes, the peer changes, the diff shows it, all three sign the same version', async () => {
  const p = b.page;
  // The host (the requester) writes version 2 from the template and signs it.
  await signIn(b, 'en', as('requester'), DEMO_PASSWORD);
  await b.goto('/en/exchanges');
  await b.follow(p.getByRole('link', { name: DEMO_TO_PLAN_TITLE }));
  await b.follow(p.getByRole('link', { name: 'Version 1, not yet agreed' }));
  await p.locator('#f-objectives').fill('A staff development plan for the environmental health unit.\nIndividual development talks for all 12 officers.');
  await b.submit(p.getByRole('button', { name: 'Save as a new version' }));
  assert.match(await flash(), /new version of the terms of reference is saved/);
  assert.match((await p.locator('#h-latest').textContent()) ?? '', /Version 2/);
  assert.match(await main(), /Written by George Freeman/);
  await b.submit(p.getByRole('button', { name: /Sign version 2 for: Host/ }));
  assert.match(await flash(), /Your signature is recorded/);
  await signOut(b);

  // The peer (the expert) reads the host's change, changes the text again and signs the new version.
  await signIn(b, 'en', as('expert'), DEMO_PASSWORD);
  await b.goto(`/en${exchangePath}/terms`);
  assert.match((await p.locator('#h-diff').textContent()) ?? '', /Changes from version 1 to version 2/);
  assert.match((await p.locator('ul.diff ins').allTextContents()).join('\n'), /Individual development talks for all 12 officers/);
  await p.locator('#f-activities').fill('Two days with the unit and its supervisors.\nA workshop on personal leadership with the councillors.');
  await b.submit(p.getByRole('button', { name: 'Save as a new version' }));
  assert.match((await p.locator('#h-latest').textContent()) ?? '', /Version 3/);
  assert.match((await p.locator('#h-diff').textContent()) ?? '', /Changes from version 2 to version 3/);
  const added = (await p.locator('ul.diff ins').allTextContents()).join('\n');
  const removed = (await p.locator('ul.diff del').allTextContents()).join('\n');
  assert.match(added, /A workshop on personal leadership with the councillors/);
  assert.ok(removed.length > 0, 'the template text the peer replaced is shown as removed');
  assert.doesNotMatch(added, /Individual development talks/, 'the host’s change is not part of this diff');
  await b.submit(p.getByRole('button', { name: /Sign version 3 for: Peer/ }));
  await signOut(b);

  // The host signs the version the peer changed; its signature on version 2 stays where it was.
  await signIn(b, 'en', as('requester'), DEMO_PASSWORD);
  await b.goto(`/en${exchangePath}/terms`);
  await b.submit(p.getByRole('button', { name: /Sign version 3 for: Host/ }));
  await signOut(b);

  // The broker signs last: the terms are agreed, and the exchange moves on.
  await signIn(b, 'en', as('broker'), DEMO_PASSWORD);
  await b.goto(`/en${exchangePath}/terms`);
  await b.submit(p.getByRole('button', { name: /Sign version 3 for: Secretariat/ }));
  assert.match(await flash(), /agreed by all three/);
  assert.match(await main(), /Version 3 is signed by the host, the peer and the secretariat/);
  assert.equal(await p.getByRole('button', { name: /Sign version/ }).count(), 0);
  // Who signed which version (the fourth column is when).
  const signatures = await p.locator('section[aria-labelledby="h-signatures"] tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].slice(0, 3).map((c) => c.textContent?.trim()).join(' | ')));
  assert.deepEqual(signatures.sort(), ['2 | Host | George Freeman', '3 | Host | George Freeman', '3 | Peer | Sigrún Árnadóttir', '3 | Secretariat | Lucía Fernández']);
  await b.goto(`/en${exchangePath}`);
  assert.match(await main(), /Version 3, agreed/);
  // The summary's next step for the secretariat: mark the exchange as agreed, on its own page.
  await b.follow(p.locator('#h-next + p').getByRole('link', { name: /mark the exchange as agreed/ }));
  assert.equal(here(), `${exchangePath}/agree`);
  await b.submit(p.getByRole('button', { name: 'Mark as agreed' }));
  assert.equal(here(), exchangePath, 'back to the summary');
  assert.match(await flash(), /The exchange has moved on/);
  assert.match((await p.locator('dl.facts').textContent()) ?? '', /Agreed/);
  await signOut(b);
});

test('participant answers evaluation: the host answers the "before" questionnaire, seen by the broker and the host only', async () => {
  const p = b.page;
  // The exchange starts in a week, so "before" was due for both sides the moment the terms were
  // agreed: the evaluations module sent it on the `exchanges.agreed` event. The broker's manual run of
  // the schedule (the server also runs it every 15 minutes; the browser's session, as the page's CSP
  // allows no script requests) finds nothing more to send.
  await signIn(b, 'en', as('broker'), DEMO_PASSWORD);
  const run = await p.request.post(b.url('/evaluations/run'), { headers: { Origin: server.origin } });
  assert.equal(run.status(), 200);
  assert.equal(((await run.json()) as { sent: number }).sent, 0, 'the "before" questionnaire already went to the host and to the peer when the terms were agreed');
  await signOut(b);

  await signIn(b, 'en', as('requester'), DEMO_PASSWORD);
  await b.goto(`/en${exchangePath}`);
  await b.follow(p.getByRole('link', { name: 'Questionnaires and results' }));
  const rows = p.locator('main table tbody tr');
  assert.equal(await rows.count(), 1, 'the host sees only its own side');
  assert.match((await rows.first().textContent()) ?? '', /Before.*Host side.*waiting/s);
  await b.follow(rows.first().getByRole('link', { name: 'Before' }));
  evaluationPath = here();
  assert.match(await main(), /seen only by the secretariat and by your side/);
  await p.locator('fieldset', { hasText: 'How clear are the objectives of the exchange to you?' }).locator('input[value="4"]').check();
  await p.getByLabel('What do you expect to gain or learn?').fill('A plan the officers believe in, and talks that happen every year.');
  await b.submit(p.getByRole('button', { name: 'Send my answers' }));
  assert.match(await flash(), /your answers are recorded/);
  assert.match(await main(), /A plan the officers believe in/);
  assert.equal(await p.getByRole('button', { name: 'Send my answers' }).count(), 0, 'an answer is given once');
  await signOut(b);

  // The broker sees the answers of every side.
  await signIn(b, 'en', as('broker'), DEMO_PASSWORD);
  await b.goto(`/en${exchangePath}/evaluations`);
  assert.match(await main(), /A plan the officers believe in/);
  assert.match(await main(), /Average on the 1–5 scales: 4/);
  await signOut(b);

  // The peer sees its own side only, and the host's answers are as missing to it.
  await signIn(b, 'en', as('expert'), DEMO_PASSWORD);
  await b.goto(`/en${exchangePath}/evaluations`);
  assert.doesNotMatch(await main(), /A plan the officers believe in/);
  assert.match((await p.locator('main table tbody').textContent()) ?? '', /Peer side/);
  const res = await b.goto(`/en${evaluationPath}`);
  assert.equal(res?.status(), 404);
  await signOut(b);

  // Someone outside the exchange too.
  await signIn(b, 'en', as('committee'), DEMO_PASSWORD);
  assert.equal((await b.goto(`/en${evaluationPath}`))?.status(), 404);
  assert.equal((await b.goto(`/en${exchangePath}/evaluations`))?.status(), 404);
  await signOut(b);
});

test('association publishes good practice drafted from the exchange, after the broker hands it over', async () => {
  const p = b.page;
  // The broker drafts the case from the demo's held exchange and gives it to VNG International.
  await signIn(b, 'en', as('broker'), DEMO_PASSWORD);
  await b.goto('/en/exchanges');
  await b.follow(p.getByRole('link', { name: DEMO_HELD_TITLE }));
  await b.follow(p.getByRole('link', { name: 'Draft a good practice from this exchange' }));
  await b.submit(p.getByRole('button', { name: 'Draft a good practice from this exchange' }));
  assert.match(await flash(), /good-practice draft is made from the exchange's record/);
  casePath = here();
  assert.match(casePath, /^\/good-practices\/[0-9a-f-]{36}$/);
  const draft = await main();
  assert.match(draft, /Draft/);
  assert.match(draft, /Household waste and sanitation are handled by several actors/, 'the problem comes from the request');
  assert.match(draft, /A draft joint sanitation plan/, 'the results come from the evaluations');
  await b.follow(p.getByRole('link', { name: 'Edit or translate' }));
  await p.locator('#f-ownerOrganisationId').selectOption({ label: 'VNG International' });
  await b.submit(p.getByRole('button', { name: 'Save', exact: true }));
  assert.match(await flash(), /Your changes were saved/);
  assert.match(await main(), /Publishing association\s*VNG International/);
  await signOut(b);

  // The association's editor finds it among its drafts, completes it and publishes it.
  await signIn(b, 'en', as('association'), DEMO_PASSWORD);
  await b.goto('/en/good-practices/drafts');
  await b.follow(p.getByRole('link', { name: DEMO_HELD_TITLE }));
  await b.submit(p.getByRole('button', { name: 'Publish' }));
  assert.match(await flash(), /Not published yet/, 'the cooperation approach is still missing');
  await b.follow(p.getByRole('link', { name: 'Edit or translate' }));
  await p.locator('#f-approach').selectOption('short_term_expertise_exchange');
  await p.locator('#f-transferability').fill('Any municipality whose sanitation actors work apart: it needs a health unit willing to convene them.');
  await b.submit(p.getByRole('button', { name: 'Save', exact: true }));
  await b.submit(p.getByRole('button', { name: 'Publish' }));
  assert.match(await flash(), /published in the library/);
  await signOut(b);

  // Anyone finds it in the library.
  await b.goto('/en/good-practices?q=joint+sanitation+plan+Agona');
  await b.follow(p.locator('main ul.cards').getByRole('link', { name: DEMO_HELD_TITLE }));
  assert.equal(here(), casePath);
  assert.match(await main(), /Any municipality whose sanitation actors work apart/);
});

test('visitor finds good practice by theme in Spanish', async () => {
  const p = b.page;
  await b.goto('/es/good-practices');
  assert.equal(await p.locator('html').getAttribute('lang'), 'es');
  assert.match((await p.locator('h1').textContent()) ?? '', /Buenas prácticas/);
  await p.getByRole('search').getByLabel('Temas').selectOption('waste_management');
  await b.submit(p.getByRole('button', { name: 'Buscar' }));
  assert.match(p.url(), /theme=waste_management/);
  const cards = p.locator('main ul.cards > li');
  assert.ok((await cards.count()) >= 2, 'several cases on waste management');
  for (const tags of await cards.locator('ul.tags').allTextContents()) assert.match(tags, /Gestión de residuos/);
  // The case published in English just before is found too, marked as being in English.
  const agona = cards.filter({ hasText: DEMO_HELD_TITLE });
  assert.equal(await agona.count(), 1);
  assert.match((await agona.locator('.meta').textContent()) ?? '', /en inglés/i);
  await b.follow(cards.first().locator('h2 a'));
  const text = await main();
  assert.match(text, /El problema/);
  assert.match(text, /El enfoque/);
  assert.equal(await p.locator('html').getAttribute('lang'), 'es');
});
