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
  const [r] = await rows<{ f: string }>(t.db, sql`select translate(lower(${sample}), ${(await import('../../db/schema/organisations.ts')).FOLD_FROM}, ${(await import('../../db/schema/organisations.ts')).FOLD_TO}) as f`);
  assert.equal(foldForSearch(sample), r!.f);
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
