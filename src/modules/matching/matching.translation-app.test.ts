/**
 * Where a translation engine is configured, the broker's ranked candidates use the request's machine translation
 * into English as extra query evidence (issue 15): the first ranking asks the translations module for it and ranks
 * without it; once the background job has made it (Apertium, started for real), the page and the API rank with it.
 * A French request about cemeteries then brings up the English profile that names them. The CLI given the same
 * engine (`--translate-url`) ranks as the page, scores included.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { apertiumMissing } from '../../../test/support/apertium.ts';
import { startTranslationScenario, candidateOrder as order, type TranslationScenario } from '../../../test/support/translation-scenario.ts';
import { machineTranslations } from '../../db/schema/translations.ts';
import { translatePending } from '../translations/translations.service.ts';
import { POLL_MS } from './matching.store.ts';

const skip = apertiumMissing();
let s: TranslationScenario;
before(async () => {
  if (skip) return;
  s = await startTranslationScenario(
    [
      ['cemetery', 'Bereavement Services of Leeds', 'GB', ['en'], 'Our bereavement services keep a digital register of cemeteries and burial plots, and train gravediggers.'],
      ['archives', 'Archives of York', 'GB', ['en'], 'Digital archives of the municipality and training of archivists.'],
      ['sport', 'Sports of Lille', 'FR', ['fr'], 'Gestion des équipements sportifs communaux.'],
    ],
    { title: 'Cimetières', challenge: 'Formation des fossoyeurs et gestion numérique des cimetières communaux.', language: 'fr' },
  );
});
after(() => s?.stop());
const rank = (list: string[], k: string) => list.indexOf(s.key(k));

test('the first ranking asks for the translation and ranks without it; once made, page and API rank with it', { skip: skip ?? false }, async () => {
  const firstBody = (await s.broker.get(`/fr/requests/${s.requestId}/candidates`)).body_;
  const first = order(firstBody);
  assert.match(firstBody, /data-translation="pending"[^>]*>Une traduction automatique de la demande en anglais est en cours/, 'the broker is told, in their language, that a translation is being made');
  assert.ok(rank(first, 'archives') < rank(first, 'cemetery'), `without the translation nothing ties "cimetières" to "cemeteries": ${first}`);
  const asked = await s.t.db.select().from(machineTranslations).where(and(eq(machineTranslations.subject, 'match_request'), eq(machineTranslations.targetLang, 'en')));
  assert.deepEqual(asked.map((r) => r.field).sort(), ['description', 'title'], 'the ranking asked the translations module for the request in English');

  // (the French profile's know-how is asked for too: matching.profile-translation-app.test.ts)
  assert.equal(await translatePending({ db: s.t.db, now: s.t.clock.now(), config: s.t.config }), 3, 'the background job translates it with Apertium, and the French profile');
  const made = await s.t.db.select().from(machineTranslations).where(and(eq(machineTranslations.subject, 'match_request'), eq(machineTranslations.targetLang, 'en')));
  assert.deepEqual(made.map((r) => r.state), ['done', 'done']);
  // the store's next look (POLL_MS later) reads the profile's translation, as the CLI given the engine does
  s.t.clock.advance(POLL_MS);

  const pageBody = (await s.broker.get(`/en/requests/${s.requestId}/candidates`)).body_;
  const page = order(pageBody);
  assert.match(pageBody, /data-translation="used"[^>]*>This ranking also read the request&#39;s machine translation into English/, 'the page says this ranking used the translation');
  assert.doesNotMatch(pageBody, /data-translation="pending"/);
  assert.ok(rank(page, 'cemetery') < rank(page, 'archives'), `with the translation the profile naming cemeteries comes first: ${page}`);
  const api = await s.t.app.request(`http://localhost/api/v1/requests/${s.requestId}/candidates`, { headers: { Authorization: `Bearer ${s.token}` } });
  assert.equal(api.status, 200);
  const body = (await api.json()) as { translation: string | null; candidates: { type: string; id: string }[] };
  assert.equal(body.translation, 'used', 'the API says so too');

  // The CLI with the same engine: the page's order and the API's scores; without one, the first ranking's order.
  const scored = (body as unknown as { candidates: { score: number }[] }).candidates.map((c) => c.score);
  const cli = await s.cli(['--translate-url', s.apy.url]);
  assert.deepEqual(cli.order, page, 'the CLI with the engine ranks as the page');
  assert.deepEqual(cli.scores, scored, 'with the same scores');
  const plain = await s.cli([]);
  assert.deepEqual(plain.order, first, 'without an engine the CLI ranks as the first ranking (no translation)');
  const down = await s.cli(['--translate-url', 'http://127.0.0.1:9']);
  assert.deepEqual(down.order, first, 'an unreachable engine: ranked without the translation');
  assert.match(down.notices, /no machine translation/, 'and told on stderr');
  assert.deepEqual(body.candidates.map((c) => `${c.type}:${c.id}`), page, 'the API ranks as the page');
});
