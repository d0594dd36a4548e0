import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { organisations } from '../../db/schema/organisations.ts';
import { foldForSearch } from '../../db/schema/organisations.ts';
import { rows } from '../../platform/db.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
  const now = t.clock.now();
  for (const [name, country, region] of [['Ziniaré', 'BF', 'ssa'], ['Sandgerði', 'IS', 'europe'], ['Angelópolis', 'CO', 'lac'], ['Almere', 'NL', 'europe']] as const)
    await t.db.insert(organisations).values({ id: randomUUID(), name, country, region, createdAt: now, updatedAt: now, offers: name === 'Almere' ? 'Gestión de residuos sólidos y saneamiento' : '' });
});
after(() => t.close());

test('the query folding matches the database’s, character for character', async () => {
  const sample = 'Ziniaré Sandgerði ÆØÅ Łódź Ağrı Œuvre Straße';
  const { FOLD_FROM, FOLD_TO, foldSql } = await import('../../db/schema/organisations.ts');
  const [r] = await rows<{ f: string; chain: string }>(t.db, sql`select translate(lower(${sample}), ${FOLD_FROM}, ${FOLD_TO}) as f, ${sql.raw(foldSql('lower(x.s)'))} as chain from (select ${sample}::text as s) x`);
  assert.equal(foldForSearch(sample), r!.f);
  assert.equal(r!.chain, r!.f, 'the replace chain of the search columns folds as translate does');
  // every folded character, alone and in a word, and the characters the map leaves alone
  const every = `${FOLD_FROM} x${FOLD_FROM}y ÀÉÎÕÜ ñandú إدارة 東京 ệ`;
  const [all] = await rows<{ f: string; chain: string }>(t.db, sql`select translate(lower(${every}), ${FOLD_FROM}, ${FOLD_TO}) as f, ${sql.raw(foldSql('lower(x.s)'))} as chain from (select ${every}::text as s) x`);
  assert.equal(all!.chain, all!.f);
  assert.equal(foldForSearch(every), all!.f);
});

test('the directory finds names and text with or without accents', async () => {
  const v = t.client();
  for (const [q, expected] of [['ziniare', 'Ziniaré'], ['Ziniaré', 'Ziniaré'], ['sandgerdi', 'Sandgerði'], ['angelopolis', 'Angelópolis'], ['gestion residuos', 'Almere'], ['gestión', 'Almere']] as const) {
    const res = await v.get(`/en/organisations?q=${encodeURIComponent(q)}`);
    assert.equal(res.status, 200, q);
    assert.ok(res.body_.includes(expected), `${q} finds ${expected}`);
  }
  const none = await v.get('/en/organisations?q=zzzz');
  assert.ok(!none.body_.includes('Ziniaré'));
});

test('the stored search vector is the fold of the text, whether the text is all ASCII (lower-cased only) or not (translated)', async () => {
  const now = t.clock.now();
  const texts = ['Plain ASCII Waste Collection', 'Gestión de RESIDUOS sólidos', 'إدارة النفايات الصلبة', 'Sandgerði Œuvre Straße Ağrı', 'MiXeD ascii then é', ''];
  for (const [i, text] of texts.entries()) {
    const id = randomUUID();
    await t.db.insert(organisations).values({ id, name: `Fold ${i} ${text}`, country: 'BE', region: 'europe', subregion: text, offers: text, seeks: text, createdAt: now, updatedAt: now });
    const [r] = await rows<{ same: boolean; s: string }>(
      t.db,
      sql`select search = (setweight(to_tsvector('simple', ${foldForSearch(`Fold ${i} ${text}`)}), 'A') || setweight(to_tsvector('simple', ${foldForSearch(text)}), 'B') || setweight(to_tsvector('simple', ${foldForSearch(`${text} ${text}`)}), 'C')) as same, search::text as s from organisations where id = ${id}`,
    );
    assert.ok(r!.same, `${JSON.stringify(text)}: ${r!.s}`);
  }
});
