/**
 * The translations module against the real Apertium service: a reader's view asks for what is
 * missing and never calls the engine; the job translates (several processes at once share the work
 * without doing a row twice); a changed text is translated again; the original is one option away;
 * a pair the engine lacks (Arabic) and a missing engine show the original, labelled; an engine that
 * is down is retried a few times, then the original stays; unread translations expire.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { apertiumMissing, startApertium, type RunningApertium } from '../../../test/support/apertium.ts';
import { machineTranslations } from '../../db/schema/index.ts';
import { apertiumChain } from '../../platform/translate.ts';
import type { Locale } from '../../platform/i18n.ts';
import { readerView, translatePending, expireTranslations, type TranslationConfig } from './translations.service.ts';
import { MAX_ATTEMPTS } from './translations.repository.ts';

const skip = apertiumMissing() ?? false;
let apy: RunningApertium;
let t: TestApp;
let config: TranslationConfig;

before(async () => {
  t = await createTestApp();
  if (skip) return;
  apy = await startApertium();
  config = { translateUrl: apy.url, translateEngine: 'apertium', translateApiKey: undefined };
});
after(async () => {
  await t?.close();
  await apy?.stop();
});

const FR = { title: 'Collecte des déchets ménagers', body: 'La commune cherche une expertise en assainissement.\n\nElle veut former ses agents.' };
const ctx = (locale: Locale) => ({ db: t.db, locale, now: t.clock.now() });
const job = (cfg = config) => translatePending({ db: t.db, now: t.clock.now(), config: cfg });
const rowsOf = (id: string) => t.db.select().from(machineTranslations).where(eq(machineTranslations.subjectId, id));

test('pairs without a direct Apertium pair go through Spanish', () => {
  assert.deepEqual(apertiumChain('fr', 'es'), ['fra', 'spa']);
  assert.deepEqual(apertiumChain('fr', 'en'), ['fra', 'spa', 'eng']);
  assert.deepEqual(apertiumChain('pt', 'fr'), ['por', 'spa', 'fra']);
  assert.deepEqual(apertiumChain('es', 'pt'), ['spa', 'por']);
});

test('asked for when read, made by the job, shown labelled; the original on request', { skip }, async () => {
  const id = randomUUID();
  const first = await readerView(ctx('es'), config, 'demo', id, FR);
  assert.equal(first.state, 'pending');
  assert.deepEqual(first.fields.title, { text: FR.title, lang: 'fr' }, 'the original meanwhile, marked French (detected)');
  assert.deepEqual((await rowsOf(id)).map((r) => r.state), ['pending', 'pending'], 'asked for; the engine was not called');
  // Reading again does not ask twice.
  await readerView(ctx('es'), config, 'demo', id, FR);
  assert.equal((await rowsOf(id)).length, 2);

  assert.equal(await job(), 2);
  const v = await readerView(ctx('es'), config, 'demo', id, FR);
  assert.equal(v.state, 'machine');
  assert.equal(v.sourceLang, 'fr');
  assert.equal(v.engine, 'apertium');
  assert.equal(v.fields.title.lang, 'es');
  assert.match(v.fields.title.text, /residuos/i);
  assert.match(v.fields.body.text, /\n\n/, 'paragraphs kept');
  const o = await readerView(ctx('es'), config, 'demo', id, FR, { original: true });
  assert.equal(o.state, 'original');
  assert.deepEqual(o.fields.body, { text: FR.body, lang: 'fr' });

  // The author changes the title: it is asked for again; the unchanged body keeps its translation.
  const changed = { ...FR, title: 'Collecte sélective des déchets' };
  assert.equal((await readerView(ctx('es'), config, 'demo', id, changed)).state, 'pending');
  assert.equal(await job(), 1);
  const again = await readerView(ctx('es'), config, 'demo', id, changed);
  assert.equal(again.state, 'machine');
  assert.match(again.fields.title.text, /selectiva/i);
});

test('the reader\'s own language, a language the engine lacks, no engine: the original, nothing asked', { skip }, async () => {
  const id = randomUUID();
  assert.equal((await readerView(ctx('fr'), config, 'demo', id, FR)).state, 'as-written');
  const ar = await readerView(ctx('ar'), config, 'demo', id, FR);
  assert.equal(ar.state, 'unavailable');
  assert.equal(ar.fields.title.lang, 'fr');
  const none = await readerView(ctx('en'), { translateUrl: undefined, translateEngine: 'apertium', translateApiKey: undefined }, 'demo', id, FR);
  assert.equal(none.state, 'unavailable');
  assert.equal((await rowsOf(id)).length, 0);
  // A text in no language the platform knows is shown as written.
  assert.equal((await readerView(ctx('en'), config, 'demo', randomUUID(), { title: '12345' })).state, 'as-written');
});

test('several job runs at once share the rows: each translated once', { skip }, async () => {
  const ids = Array.from({ length: 6 }, () => randomUUID());
  for (const id of ids) await readerView(ctx('en'), config, 'demo', id, { title: FR.title });
  const counts = await Promise.all([job(), job(), job()]);
  assert.equal(counts.reduce((a, b) => a + b, 0), 6);
  for (const id of ids) assert.equal((await readerView(ctx('en'), config, 'demo', id, { title: FR.title })).state, 'machine');
});

test('an engine that is down: retried a few times, then the original stays, labelled', async () => {
  const down: TranslationConfig = { translateUrl: 'http://127.0.0.1:9', translateEngine: 'apertium', translateApiKey: undefined };
  const id = randomUUID();
  assert.equal((await readerView(ctx('es'), down, 'demo', id, { title: FR.title }, { lang: 'fr' })).state, 'pending');
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    assert.equal(await job(down), 0);
    t.clock.advance(11 * 60_000);
  }
  const [row] = await rowsOf(id);
  assert.equal(row!.state, 'failed');
  assert.equal(row!.attempts, MAX_ATTEMPTS);
  assert.equal(await job(down), 0, 'not tried again');
  assert.equal((await readerView(ctx('es'), down, 'demo', id, { title: FR.title }, { lang: 'fr' })).state, 'unavailable');
});

test('translations nobody read for 180 days are removed', async () => {
  const id = randomUUID();
  const cfg: TranslationConfig = { translateUrl: 'http://127.0.0.1:9', translateEngine: 'apertium', translateApiKey: undefined };
  await readerView(ctx('es'), cfg, 'demo', id, { title: FR.title }, { lang: 'fr' });
  assert.equal(await expireTranslations(t.db, new Date(t.clock.now().getTime() + 179 * 86_400_000)), 0);
  assert.ok((await expireTranslations(t.db, new Date(t.clock.now().getTime() + 181 * 86_400_000))) >= 1);
  assert.equal((await rowsOf(id)).length, 0);
});
