/**
 * With a translation engine configured, building the match store reads the profiles' machine translations in bulk
 * (`readerViews`, issue 15): the statements a build sends do not grow with the number of profiles (50 and 500
 * organisations and people not in English make the same number), nor do a catch-up's. Counted at the database
 * client, on PGlite or the PostgreSQL server of DATABASE_URL. No engine is called: the config names a URL and the
 * translations are written as the background job stores them.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { countStatements } from '../../../test/support/statements.ts';
import { organisations, people } from '../../db/schema/organisations.ts';
import { machineTranslations } from '../../db/schema/translations.ts';
import { createMatchStore, POLL_MS } from './matching.store.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t?.close());

const translation = { translateUrl: 'http://127.0.0.1:9', translateEngine: 'apertium' as const, translateApiKey: undefined };

/** `n` French organisations and `n` Portuguese people; returns a function that removes them and their translations. */
async function directory(n: number) {
  const now = t.clock.now();
  const orgIds = Array.from({ length: n }, () => randomUUID());
  const personIds = Array.from({ length: n }, () => randomUUID());
  await t.db.insert(organisations).values(orgIds.map((id, i) => ({
    id, name: `Commune ${i}`, country: 'FR', region: 'europe', kind: 'municipality', languages: ['fr'], themes: [],
    offers: `Nous formons les agents communaux à la gestion des cimetières et des archives, depuis ${1900 + i}.`, createdAt: now, updatedAt: now,
  })));
  await t.db.insert(people).values(personIds.map((id, i) => ({
    id, name: `Pessoa ${i}`, languages: ['pt'], expertise: `Gestão digital dos arquivos municipais e cursos para os arquivistas, desde ${1900 + i}.`, createdAt: now, updatedAt: now,
  })));
  return async () => {
    await t.db.delete(machineTranslations).where(inArray(machineTranslations.subjectId, [...orgIds, ...personIds]));
    await t.db.delete(people).where(inArray(people.id, personIds));
    await t.db.delete(organisations).where(inArray(organisations.id, orgIds));
  };
}

/**
 * The statements of: a first build (every translation asked for), a catch-up that reads every profile again (the
 * first reads the build's rows again), a catch-up once the translations are made (the awaited ones, at most 200), a build that reads them all.
 */
async function statementsAt(n: number) {
  const remove = await directory(n);
  const store = createMatchStore();
  const first = await countStatements(t.db, () => store.index(t.db, t.clock.now(), { translation }));
  const asked = await t.db.select({ id: machineTranslations.id }).from(machineTranslations);
  assert.equal(asked.length, 2 * n, 'every profile’s translation asked for');
  t.clock.advance(120_000);
  const changed = await countStatements(t.db, () => store.index(t.db, t.clock.now(), { translation }));
  assert.equal(store.lastCatchUp, 2 * n, 'within the overlap: every profile read again');
  // the background job's work, as it stores it
  await t.db.update(machineTranslations).set({ state: 'done', text: 'We train municipal staff in the management of cemeteries and archives.', engine: 'apertium', sourceText: '' });
  t.clock.advance(POLL_MS);
  const catchUp = await countStatements(t.db, () => store.index(t.db, t.clock.now(), { translation }));
  assert.equal(store.lastCatchUp, Math.min(2 * n, 200), 'the translations that appeared were taken');
  // two days on, a new store reads every translation and marks it read
  t.clock.advance(2 * 86_400_000);
  const again = createMatchStore();
  const reread = await countStatements(t.db, () => again.index(t.db, t.clock.now(), { translation }));
  assert.equal((await again.index(t.db, t.clock.now(), { translation })).size, 2 * n);
  t.clock.advance(POLL_MS);
  await remove();
  return { first: first.statements, changed: changed.statements, catchUp: catchUp.statements, reread: reread.statements };
}

test('a build and a catch-up with an engine send as many statements for 500 profiles as for 50', async (c) => {
  const small = await statementsAt(50);
  const large = await statementsAt(500);
  c.diagnostic(`statements: ${JSON.stringify({ small, large })}`);
  assert.equal(large.first, small.first, `first build: ${JSON.stringify({ small, large })}`);
  assert.equal(large.reread, small.reread, `second build: ${JSON.stringify({ small, large })}`);
  assert.equal(large.changed, small.changed, `catch-up of changed profiles: ${JSON.stringify({ small, large })}`);
  assert.ok(large.catchUp <= small.catchUp, `catch-up of awaited ones: ${JSON.stringify({ small, large })}`);
  // a handful: the two reads of the profiles, then per kind a read, an insert or an update of the translations
  assert.ok(small.first <= 8 && small.reread <= 8, JSON.stringify(small));
});
