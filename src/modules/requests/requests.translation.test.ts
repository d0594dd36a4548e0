/**
 * A request written in French, read by the secretariat at /es and /en, against the real Apertium
 * service (issue 14): the original first (labelled, marked French) while the background job works,
 * then the machine translation, labelled, with the original one click away.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.ts';
import { signedInClient } from '../../../test/support/users.ts';
import { apertiumMissing, startApertium, type RunningApertium } from '../../../test/support/apertium.ts';
import { setupCycle, ctxOf, STEP_DATA, type Cycle } from '../../../test/requests/fixtures.ts';
import * as requests from './requests.service.ts';
import { STEPS } from './requests.schema.ts';
import { translatePending } from '../translations/translations.service.ts';

const skip = apertiumMissing() ?? false;
let apy: RunningApertium;
let t: TestApp;
let cy: Cycle;
let broker: TestClient;
let id = '';

const FRENCH = {
  ...STEP_DATA,
  challenge: { title: 'Collecte des déchets ménagers à Ziniaré', challenge: 'Les déchets ménagers ne sont pas collectés dans la moitié des secteurs et s’accumulent le long des routes.', context: 'Une commune de 30 000 habitants en forte croissance.', tried: 'Deux charrettes louées en 2024.' },
  objectives: { objectives: 'Un plan de collecte pour tous les secteurs.', results: 'Un plan chiffré adopté par le conseil municipal.' },
};

before(async () => {
  if (skip) return;
  apy = await startApertium();
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0', TRANSLATE_URL: apy.url } });
  cy = await setupCycle(t);
  broker = await signedInClient(t, cy.broker);
  id = ((await requests.startRequest(ctxOf(t, cy.requester), { organisationId: cy.orgId, roundId: cy.roundId })) as { id: string }).id;
  for (const s of STEPS) await requests.saveStep(ctxOf(t, cy.requester), id, s, FRENCH[s]);
  await requests.endorseRequest(ctxOf(t, cy.approver), id, {});
  await requests.submitRequest(ctxOf(t, cy.requester), id);
});
after(async () => {
  await t?.close();
  await apy?.stop();
});

const main = (body: string) => body.slice(body.indexOf('<main'), body.indexOf('</main>'));

test('a French request reads in Spanish at /es, labelled, with the original one click away', { skip }, async () => {
  const first = main((await broker.get(`/es/requests/${id}`)).body_);
  assert.match(first, /<h1><bdi lang="fr">Collecte des déchets ménagers à Ziniaré<\/bdi><\/h1>/);
  assert.match(first, /Se está preparando una traducción automática al español/);
  assert.ok((await translatePending({ db: t.db, now: t.clock.now(), config: t.deps.config })) >= 5);
  const body = main((await broker.get(`/es/requests/${id}`)).body_);
  assert.match(body, /Traducción automática \(original en francés\)/);
  assert.match(body, /<h1><bdi lang="es">[^<]*residuos[^<]*<\/bdi><\/h1>/i);
  assert.match(body, /<div class="prewrap" lang="es" dir="auto">[^<]*residuos/i);
  assert.match(body, new RegExp(`href="/es/requests/${id}\\?original=1">Ver el original`));
  const original = main((await broker.get(`/es/requests/${id}?original=1`)).body_);
  assert.match(original, /<bdi lang="fr">Collecte des déchets ménagers à Ziniaré<\/bdi>/);
});

test('and in English at /en, through Spanish', { skip }, async () => {
  await broker.get(`/en/requests/${id}`);
  await translatePending({ db: t.db, now: t.clock.now(), config: t.deps.config });
  const body = main((await broker.get(`/en/requests/${id}`)).body_);
  assert.match(body, /Machine translation \(original in French\)/);
  assert.match(body, /<h1><bdi lang="en">[^<]*waste[^<]*<\/bdi><\/h1>/i);
});
