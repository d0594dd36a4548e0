/**
 * The match store looks again at no more than AWAITING_PER_CATCH_UP profiles waiting for their machine translation
 * per catch-up (at scale a build leaves tens of thousands waiting; each look reads the translations table), the
 * oldest first, so every waiting profile is reached in turn. No engine is called here: the translations are written
 * as the background job would store them.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { machineTranslations } from '../../db/schema/translations.ts';
import { AWAITING_PER_CATCH_UP, createMatchStore, POLL_MS, PROFILE_SUBJECT } from './matching.store.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t?.close());

test('waiting profiles are looked at again at most AWAITING_PER_CATCH_UP per catch-up, each in turn', async () => {
  const n = AWAITING_PER_CATCH_UP + 30;
  const now = t.clock.now();
  await t.db.insert(organisations).values(
    Array.from({ length: n }, (_, i) => ({
      id: randomUUID(), name: `Commune ${i}`, country: 'FR', region: 'europe', kind: 'municipality', languages: ['fr'], themes: [],
      offers: `Nous formons les agents communaux à la gestion des cimetières et des archives, depuis ${1990 + (i % 30)}.`, createdAt: now, updatedAt: now,
    })),
  );
  const translation = { translateUrl: 'http://127.0.0.1:9', translateEngine: 'apertium' as const, translateApiKey: undefined };
  const store = createMatchStore();
  await store.index(t.db, t.clock.now(), { translation });
  const asked = await t.db.select().from(machineTranslations).where(eq(machineTranslations.subject, PROFILE_SUBJECT.organisation));
  assert.equal(asked.length, n, 'the build asked for every profile’s translation');
  // past the catch-up's overlap (the first catch-up reads the new rows again), so the profiles themselves are not read again
  t.clock.advance(120_000);
  await store.index(t.db, t.clock.now(), { translation });
  t.clock.advance(POLL_MS);
  await store.index(t.db, t.clock.now(), { translation });
  assert.equal(store.lastCatchUp, 0, 'nothing changed, nothing translated yet');
  // the background job's work, as it stores it
  await t.db.update(machineTranslations).set({ state: 'done', text: 'We train municipal staff in the management of cemeteries and archives.', engine: 'apertium' }).where(eq(machineTranslations.subject, PROFILE_SUBJECT.organisation));
  t.clock.advance(POLL_MS);
  await store.index(t.db, t.clock.now(), { translation });
  assert.equal(store.lastCatchUp, AWAITING_PER_CATCH_UP, 'one catch-up looks at no more than the cap');
  t.clock.advance(POLL_MS);
  await store.index(t.db, t.clock.now(), { translation });
  assert.equal(store.lastCatchUp, n - AWAITING_PER_CATCH_UP, 'the next one reaches the rest');
  t.clock.advance(POLL_MS);
  await store.index(t.db, t.clock.now(), { translation });
  assert.equal(store.lastCatchUp, 0, 'then none is waiting');
});
