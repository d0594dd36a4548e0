/**
 * A good practice with no human translation into the reader's language is shown machine translated
 * (real Apertium: English to Portuguese through Spanish), labelled, with the original one click
 * away; a human translation or a language chosen with ?lang= wins (issue 14).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { apertiumMissing, startApertium, type RunningApertium } from '../../../test/support/apertium.ts';
import { goodPractices } from '../../db/schema/index.ts';
import { MODULES } from '../index.ts';
import { translatePending } from '../translations/translations.service.ts';

const skip = apertiumMissing();
let apy: RunningApertium;
let t: TestApp;

before(async () => {
  if (skip) return;
  apy = await startApertium();
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0', TRANSLATE_URL: apy.url } });
});
after(async () => {
  await t?.close();
  await apy?.stop();
});

const job = () => translatePending({ db: t.db, now: t.clock.now(), config: t.deps.config });
const main = (body: string) => body.slice(body.indexOf('<main'), body.indexOf('</main>'));

test('a good practice with no human translation into Portuguese is read in Portuguese, machine translated from English, labelled', { skip: skip ?? false }, async () => {
  await MODULES.find((m) => m.name === 'knowledge')!.demo!.run(t.db, { now: t.clock.now() });
  const [g] = await t.db.select().from(goodPractices).where(sql`${goodPractices.state} = 'published' and ${goodPractices.originalLanguage} = 'en' and not ${goodPractices.languages} @> array['pt']`).limit(1);
  assert.ok(g, 'the demo has an English case with no Portuguese version');
  const url = `/pt/good-practices/${g.id}`;
  assert.match(main((await t.client().get(url)).body_), /Está a ser preparada uma tradução automática para português/);
  assert.ok((await job()) >= 3, 'title, summary and the documented sections');
  const body = main((await t.client().get(url)).body_);
  assert.match(body, /Tradução automática \(original em inglês\)/);
  assert.match(body, new RegExp(`href="${url}\\?original=1"`));
  assert.doesNotMatch(body, new RegExp(g.title.en!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'the English title is not shown');
  const original = main((await t.client().get(`${url}?original=1`)).body_);
  assert.ok(original.includes(g.title.en!), 'one click gives the English original');
  // A language chosen with ?lang= is a human version: no machine translation, no label.
  const chosen = main((await t.client().get(`${url}?lang=en`)).body_);
  assert.ok(chosen.includes(g.title.en!));
  assert.doesNotMatch(chosen, /Tradução automática/);
});
