/**
 * Where a translation engine is configured, the broker's ranked candidates use the request's machine translation
 * into English as extra query evidence (issue 15): the first ranking asks the translations module for it and ranks
 * without it; once the background job has made it (Apertium, started for real), the page and the API rank with it.
 * A French request about cemeteries then brings up the English profile that names them. The CLI given the same
 * engine (`--translate-url`) ranks as the page, scores included.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.ts';
import { signedInClient } from '../../../test/support/users.ts';
import { setupCycle, ctxOf, type Cycle } from '../../../test/requests/fixtures.ts';
import { cliRanking } from '../../../test/support/match-cli.ts';
import { apertiumMissing, startApertium, type RunningApertium } from '../../../test/support/apertium.ts';
import { createApiToken } from '../accounts/accounts.tokens.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { requests } from '../../db/schema/requests.ts';
import { machineTranslations } from '../../db/schema/translations.ts';
import { translatePending } from '../translations/translations.service.ts';
import { POLL_MS } from './matching.store.ts';
import { requestOfCall } from './matching.service.ts';
import { findRequest } from './matching.repository.ts';

const skip = apertiumMissing();
let apy: RunningApertium | null = null;
let t: TestApp;
let cy: Cycle;
let broker: TestClient;
let token: string;
const requestId = randomUUID();
const ids: Record<string, string> = {};

before(async () => {
  if (skip) return;
  apy = await startApertium();
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0', TRANSLATE_URL: apy.url, TRANSLATE_ENGINE: 'apertium' } });
  cy = await setupCycle(t);
  const now = t.clock.now();
  const org = async (key: string, name: string, country: string, languages: string[], offers: string) => {
    ids[key] = randomUUID();
    await t.db.insert(organisations).values({ id: ids[key], name, country, region: 'europe', kind: 'municipality', offers, themes: [], languages, createdAt: now, updatedAt: now });
  };
  await org('cemetery', 'Bereavement Services of Leeds', 'GB', ['en'], 'Our bereavement services keep a digital register of cemeteries and burial plots, and train gravediggers.');
  await org('archives', 'Archives of York', 'GB', ['en'], 'Digital archives of the municipality and training of archivists.');
  await org('sport', 'Sports of Lille', 'FR', ['fr'], 'Gestion des équipements sportifs communaux.');
  await t.db.insert(requests).values({
    id: requestId, programmeId: cy.programmeId, roundId: cy.roundId, organisationId: cy.orgId, createdBy: cy.requester.id, state: 'under_review', title: 'Cimetières',
    challenge: 'Formation des fossoyeurs et gestion numérique des cimetières communaux.', objectives: '', themes: [], languages: ['fr'], lastActionAt: now, createdAt: now, updatedAt: now,
  });
  broker = await signedInClient(t, { id: cy.broker.id });
  token = (await createApiToken(ctxOf(t, cy.broker), 'script')).token;
});
after(async () => {
  if (t) await t.close();
  await apy?.stop();
});


const cliOf = async (extra: string[]) => cliRanking(t.db, requestOfCall((await findRequest(t.db, requestId))!), t.clock.now(), extra);
const order = (body: string) => [...body.matchAll(/data-candidate="([^"]+)"/g)].map((m) => m[1]!);
const rank = (list: string[], key: string) => list.indexOf(`organisation:${ids[key]}`);

test('the first ranking asks for the translation and ranks without it; once made, page and API rank with it', { skip: skip ?? false }, async () => {
  const firstBody = (await broker.get(`/fr/requests/${requestId}/candidates`)).body_;
  const first = order(firstBody);
  assert.match(firstBody, /data-translation="pending"[^>]*>Une traduction automatique de la demande en anglais est en cours/, 'the broker is told, in their language, that a translation is being made');
  assert.ok(rank(first, 'archives') < rank(first, 'cemetery'), `without the translation nothing ties "cimetières" to "cemeteries": ${first}`);
  const asked = await t.db.select().from(machineTranslations).where(and(eq(machineTranslations.subject, 'match_request'), eq(machineTranslations.targetLang, 'en')));
  assert.deepEqual(asked.map((r) => r.field).sort(), ['description', 'title'], 'the ranking asked the translations module for the request in English');

  // (the French profile's know-how is asked for too: matching.profile-translation-app.test.ts)
  assert.equal(await translatePending({ db: t.db, now: t.clock.now(), config: t.config }), 3, 'the background job translates it with Apertium, and the French profile');
  const made = await t.db.select().from(machineTranslations).where(and(eq(machineTranslations.subject, 'match_request'), eq(machineTranslations.targetLang, 'en')));
  assert.deepEqual(made.map((r) => r.state), ['done', 'done']);
  // the store's next look (POLL_MS later) reads the profile's translation, as the CLI given the engine does
  t.clock.advance(POLL_MS);

  const pageBody = (await broker.get(`/en/requests/${requestId}/candidates`)).body_;
  const page = order(pageBody);
  assert.match(pageBody, /data-translation="used"[^>]*>This ranking also read the request&#39;s machine translation into English/, 'the page says this ranking used the translation');
  assert.doesNotMatch(pageBody, /data-translation="pending"/);
  assert.ok(rank(page, 'cemetery') < rank(page, 'archives'), `with the translation the profile naming cemeteries comes first: ${page}`);
  const api = await t.app.request(`http://localhost/api/v1/requests/${requestId}/candidates`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(api.status, 200);
  const body = (await api.json()) as { translation: string | null; candidates: { type: string; id: string }[] };
  assert.equal(body.translation, 'used', 'the API says so too');

  // The CLI with the same engine: the page's order and the API's scores; without one, the first ranking's order.
  const scored = (body as unknown as { candidates: { score: number }[] }).candidates.map((c) => c.score);
  const cli = await cliOf(['--translate-url', apy!.url]);
  assert.deepEqual(cli.order, page, 'the CLI with the engine ranks as the page');
  assert.deepEqual(cli.scores, scored, 'with the same scores');
  const plain = await cliOf([]);
  assert.deepEqual(plain.order, first, 'without an engine the CLI ranks as the first ranking (no translation)');
  const down = await cliOf(['--translate-url', 'http://127.0.0.1:9']);
  assert.deepEqual(down.order, first, 'an unreachable engine: ranked without the translation');
  assert.match(down.notices, /no machine translation/, 'and told on stderr');
  assert.deepEqual(body.candidates.map((c) => `${c.type}:${c.id}`), page, 'the API ranks as the page');
});
