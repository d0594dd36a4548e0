/**
 * The boundary check (scripts/check-boundaries.ts, run by CI): the tree passes with no exception
 * listed, and each rule catches its violation in a small tree made for the test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { check } from '../../scripts/check-boundaries.ts';

test('the modules of src/ keep their boundaries: no violation, no cycle', () => {
  const { violations, edges } = check();
  assert.deepEqual(violations, []);
  assert.ok(edges.size > 10, 'the graph was read');
});

test('each rule catches its violation', () => {
  const root = mkdtempSync(join(tmpdir(), 'peerlink-boundaries-'));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  try {
    write('src/db/schema/a.ts', "export const aRows = pgTable('a', {});\n");
    write('src/db/schema/b.ts', "export const bRows = pgTable('b', {});\n");
    write('src/platform/x.ts', "import { y } from '../modules/a/a.service.ts';\n");
    write('src/taxonomy/t.ts', 'export const t = 1;\n');
    write('src/modules/a/a.service.ts', "import { b } from '../b/b.service.ts';\nimport { aRows } from '../../db/schema/a.ts';\nconst tree = '/account/*';\n");
    write('src/modules/a/a.repository.ts', "import { bRows } from '../../db/schema/b.ts';\nexport const f = (db) => db.insert(bRows).values({});\n");
    write('src/modules/b/b.service.ts', "import { v } from '../a/a.views.ts';\nimport { s } from '../a/a.service.ts';\n");
    write('src/modules/b/b.test.ts', "import { r } from '../a/a.repository.ts';\n");
    const { violations } = check(root);
    const got = violations.map((v) => `${v.rule} ${v.file.replace(/:\d+$/, '')}`).sort();
    assert.deepEqual(got, [
      'cycle src/modules/{a,b}',
      'face src/modules/b/b.service.ts',
      'platform src/platform/x.ts',
      'query src/modules/a/a.service.ts',
      'write src/modules/a/a.repository.ts',
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
