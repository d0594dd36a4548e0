/**
 * In the app, profiles carry their know-how's machine translation into English (issue 15): the match store asks the
 * translations module for it when it indexes a profile (subject `match_organisation` or `match_person`), the background job makes it
 * (Apertium, started for real), and the store's next catch-up re-upserts the profiles whose translation appeared. A
 * Spanish request and a Portuguese profile that share no word: after the job the profile ranks first. A need
 * sentence of the profile is never sent to the engine; an English profile asks for nothing. The CLI given the same
 * engine ranks as the page, scores included.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { apertiumMissing } from '../../../test/support/apertium.ts';
import { startTranslationScenario, candidateOrder as order, type TranslationScenario } from '../../../test/support/translation-scenario.ts';
import { machineTranslations } from '../../db/schema/translations.ts';
import { translatePending } from '../translations/translations.service.ts';
import { matchStoreFor, POLL_MS, PROFILE_SUBJECT } from './matching.store.ts';

const skip = apertiumMissing();
let s: TranslationScenario;
before(async () => {
  if (skip) return;
  s = await startTranslationScenario(
    [
      ['cemiterios', 'Câmara de Évora', 'PT', ['pt'], 'Cadastro digital dos cemitérios municipais e das campas, com cursos para os coveiros. Precisamos de apoio para a gestão dos resíduos sólidos.'],
      ['arquivos', 'Câmara de Beja', 'PT', ['pt'], 'Gestão digital dos arquivos municipais e cursos para os arquivistas.'],
      ['deporte', 'Ayuntamiento de Soria', 'ES', ['es'], 'Gestión de las instalaciones deportivas y de las piscinas del municipio.'],
      ['parks', 'Parks of Leeds', 'GB', ['en'], 'Maintenance of parks and green spaces; training of gardeners.'],
    ],
    { title: 'Cementerios', challenge: 'Queremos informatizar el registro de sepulturas y capacitar a los sepultureros.', language: 'es' },
  );
});
after(() => s?.stop());
const key = (k: string) => s.key(k);

test('a Portuguese profile is asked for in English when indexed; once made, the next catch-up uses it and it ranks first for a Spanish request', { skip: skip ?? false }, async () => {
  s.t.clock.advance(120_000); // past the catch-up overlap of the rows written in before(): a later catch-up does not read them again as changed
  const first = order((await s.broker.get(`/en/requests/${s.requestId}/candidates`)).body_);
  assert.notEqual(first[0], key('cemiterios'), `without translations nothing ties "cementerios" to "cemitérios": ${first}`);
  const asked = await s.t.db.select().from(machineTranslations).where(and(eq(machineTranslations.subject, PROFILE_SUBJECT.organisation), eq(machineTranslations.targetLang, 'en')));
  const bySubject = new Map(asked.map((r) => [`organisation:${r.subjectId}`, r]));
  assert.ok(bySubject.has(key('cemiterios')) && bySubject.has(key('arquivos')) && bySubject.has(key('deporte')), 'indexing asked for the translation of the profiles not in English');
  assert.ok(!bySubject.has(key('parks')), 'an English profile asks for nothing');
  const row = bySubject.get(key('cemiterios'))!;
  assert.equal(row.field, 'text');
  assert.equal(row.sourceLang, 'pt');
  assert.doesNotMatch(row.sourceText, /Precisamos|resíduos/, 'the need sentence is not sent to the engine: only the know-how is');

  let made = 0;
  for (let n = await translatePending({ db: s.t.db, now: s.t.clock.now(), config: s.t.config }); n > 0; n = await translatePending({ db: s.t.db, now: s.t.clock.now(), config: s.t.config })) made += n;
  assert.ok(made >= 5, `the background job translated the request's two fields and the profiles (${made})`);

  // the same instant: the store has not looked again, so the ranking is the first one's (with the request's translation only)
  const same = order((await s.broker.get(`/en/requests/${s.requestId}/candidates`)).body_);
  assert.notEqual(same[0], key('cemiterios'), `with the request's translation alone, still nothing ties them: ${same}`);
  s.t.clock.advance(POLL_MS);
  const pageBody = (await s.broker.get(`/en/requests/${s.requestId}/candidates`)).body_;
  const page = order(pageBody);
  assert.equal(page[0], key('cemiterios'), `the catch-up read the profile's translation: ${page}`);
  assert.equal(matchStoreFor(s.t.db).lastCatchUp, 3, 'it re-upserted the three profiles whose translation appeared (none of them changed)');
  assert.match(pageBody, /cemeteries/, 'the reason names the word met in its translation');

  const api = await s.t.app.request(`http://localhost/api/v1/requests/${s.requestId}/candidates`, { headers: { Authorization: `Bearer ${s.token}` } });
  const body = (await api.json()) as { candidates: { type: string; id: string; score: number }[] };
  assert.deepEqual(body.candidates.map((c) => `${c.type}:${c.id}`), page, 'the API ranks as the page');
  const cli = await s.cli(['--translate-url', s.apy.url]);
  assert.deepEqual(cli.order, page, 'the CLI with the engine ranks as the page');
  assert.deepEqual(cli.scores, body.candidates.map((c) => c.score), 'with the same scores');
});
