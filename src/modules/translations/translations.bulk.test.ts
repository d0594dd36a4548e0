/**
 * `readerViews` (many subjects of one kind at once, issue 15) gives exactly what `readerView` gives subject by subject,
 * and leaves the table exactly as they leave it (the same rows asked for, the same rows touched), for a mix: English,
 * French with its translation made, French whose text was edited since, a translation the engine gave up on, empty
 * text, a language the engine cannot translate, a new text, the original asked for, a translation half made. No
 * engine is called (the views never call one): the config names a URL and `engineOf` decides what it can translate;
 * the translations are written as the background job stores them.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { machineTranslations } from '../../db/schema/translations.ts';
import { readerView, readerViews, type ReaderItem, type TranslationConfig } from './translations.service.ts';
import { MAX_ATTEMPTS } from './translations.repository.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t?.close());

const config: TranslationConfig = { translateUrl: 'http://127.0.0.1:9', translateEngine: 'apertium', translateApiKey: undefined };
const FR = { title: 'Collecte des déchets ménagers', body: 'La commune cherche une expertise en assainissement.\n\nElle veut former ses agents.' };

type Case = {
  name: string;
  /** what was read before (asked for then), and what the job made of it */
  before?: { fields: Record<string, string>; made: 'done' | 'failed' | 'title done' };
  item: Omit<ReaderItem<string>, 'id'>;
  state: string;
};
const CASES: Case[] = [
  { name: 'English', item: { fields: { title: 'Household waste collection', body: 'The municipality seeks expertise in sanitation.' } }, state: 'as-written' },
  { name: 'French, translated', before: { fields: FR, made: 'done' }, item: { fields: FR }, state: 'machine' },
  { name: 'French, edited since', before: { fields: FR, made: 'done' }, item: { fields: { ...FR, title: 'Collecte sélective des déchets' } }, state: 'pending' },
  { name: 'French, given up on', before: { fields: { title: FR.title }, made: 'failed' }, item: { fields: { title: FR.title } }, state: 'unavailable' },
  { name: 'empty', item: { fields: { title: '', body: ' ' } }, state: 'as-written' },
  { name: 'French with an empty field, translated', before: { fields: { title: FR.title, body: '' }, made: 'done' }, item: { fields: { title: FR.title, body: '' } }, state: 'machine' },
  { name: 'Arabic (Apertium has no pair)', item: { fields: { title: 'جمع النفايات المنزلية' }, lang: 'ar' }, state: 'unavailable' },
  { name: 'French, new', item: { fields: FR }, state: 'pending' },
  { name: 'French, the original asked for', before: { fields: FR, made: 'done' }, item: { fields: FR, original: true }, state: 'original' },
  { name: 'French, half made', before: { fields: FR, made: 'title done' }, item: { fields: FR }, state: 'pending' },
  { name: 'French, language given', before: { fields: { title: 'Gestion des cimetières' }, made: 'done' }, item: { fields: { title: 'Gestion des cimetières' }, lang: 'fr' }, state: 'machine' },
];

/** The rows of one subject kind, keyed by subject id and field, without their own ids. */
async function tableOf(subject: string) {
  const rs = await t.db.select().from(machineTranslations).where(eq(machineTranslations.subject, subject));
  return Object.fromEntries(rs.map(({ id: _id, subject: _s, ...r }) => [`${r.subjectId}/${r.field}`, r]));
}

/** The cases' history under `subject`: what was asked for before, and what the job made of it. */
async function prepare(subject: string, ids: string[]) {
  const ctx = { db: t.db, locale: 'en' as const, now: t.clock.now() };
  for (const [i, c] of CASES.entries()) {
    if (!c.before) continue;
    await readerView(ctx, config, subject, ids[i]!, c.before.fields);
    const where = and(eq(machineTranslations.subject, subject), eq(machineTranslations.subjectId, ids[i]!));
    if (c.before.made === 'failed') await t.db.update(machineTranslations).set({ state: 'failed', attempts: MAX_ATTEMPTS }).where(where);
    else {
      const fields = c.before.made === 'title done' ? ['title'] : Object.keys(c.before.fields);
      await t.db.update(machineTranslations).set({ state: 'done', text: `[en] ${c.name}`, engine: 'apertium', sourceText: '', translatedAt: ctx.now }).where(and(where, inArray(machineTranslations.field, fields)));
    }
  }
}

test('the bulk views are the views one by one, and leave the same rows', async () => {
  const ids = CASES.map(() => randomUUID());
  await prepare('bulk_one_by_one', ids);
  await prepare('bulk_at_once', ids);
  // two days on: reading a row marks it read again (at most daily)
  t.clock.advance(2 * 86_400_000);
  const ctx = { db: t.db, locale: 'en' as const, now: t.clock.now() };
  assert.deepEqual(await tableOf('bulk_one_by_one'), await tableOf('bulk_at_once'), 'the same history');

  const one: unknown[] = [];
  for (const [i, c] of CASES.entries()) one.push(await readerView(ctx, config, 'bulk_one_by_one', ids[i]!, c.item.fields, { lang: c.item.lang, original: c.item.original }));
  const all = await readerViews(ctx, config, 'bulk_at_once', CASES.map((c, i) => ({ id: ids[i]!, ...c.item })));

  assert.deepEqual(all, one);
  assert.deepEqual(all.map((v) => v.state), CASES.map((c) => c.state), 'each case is the state it stands for');
  const after = await tableOf('bulk_at_once');
  assert.deepEqual(after, await tableOf('bulk_one_by_one'), 'the same rows asked for and touched');
  // and the table did change: the edited and the new texts were asked for, the translations shown were touched
  const byCase = (name: string, field: string) => after[`${ids[CASES.findIndex((c) => c.name === name)]}/${field}`];
  assert.equal(byCase('French, new', 'body')?.state, 'pending');
  assert.equal(byCase('French, edited since', 'title')?.state, 'pending');
  assert.equal(byCase('French, edited since', 'body')?.state, 'done');
  assert.equal(byCase('French, translated', 'title')?.readAt.getTime(), ctx.now.getTime());
  assert.equal(byCase('French, given up on', 'title')?.state, 'failed');
});

test('no engine configured: every view as readerView gives it, nothing asked', async () => {
  const none: TranslationConfig = { translateUrl: undefined, translateEngine: 'apertium', translateApiKey: undefined };
  const ctx = { db: t.db, locale: 'en' as const, now: t.clock.now() };
  const ids = CASES.map(() => randomUUID());
  const one: unknown[] = [];
  for (const [i, c] of CASES.entries()) one.push(await readerView(ctx, none, 'bulk_none', ids[i]!, c.item.fields, { lang: c.item.lang, original: c.item.original }));
  assert.deepEqual(await readerViews(ctx, none, 'bulk_none', CASES.map((c, i) => ({ id: ids[i]!, ...c.item }))), one);
  assert.deepEqual(await tableOf('bulk_none'), {});
  assert.deepEqual(await readerViews(ctx, config, 'bulk_none', []), []);
});
