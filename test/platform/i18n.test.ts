import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkI18n, placeholders, type Violation } from '../../scripts/check-i18n.ts';

const srcRoot = fileURLToPath(new URL('../../src', import.meta.url));

test('the catalogues of src/ are complete in five languages, used, parseable and consistent', () => {
  const v = checkI18n(srcRoot);
  assert.deepEqual(
    v.map((x) => `${x.kind} ${x.key} ${x.detail}`),
    [],
  );
});

/** A throwaway src/ tree with one module's catalogues and one source file. */
function fixture(cats: Record<string, Record<string, string>>, source: string, extra?: (root: string) => void): Violation[] {
  const root = mkdtempSync(join(tmpdir(), 'i18n-check-'));
  try {
    mkdirSync(join(root, 'modules/demo/locales'), { recursive: true });
    for (const [l, c] of Object.entries(cats)) writeFileSync(join(root, 'modules/demo/locales', `${l}.json`), JSON.stringify(c));
    writeFileSync(join(root, 'modules/demo/demo.routes.ts'), source);
    extra?.(root);
    return checkI18n(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const all = (msg: Record<string, string>) => ({ en: msg, fr: msg, es: msg, pt: msg, ar: msg });

test('a clean catalogue passes', () => {
  const v = fixture(all({ 'demo.page.title': 'Title', 'demo.count': '{n, plural, one {# item} other {# items}}' }), `t('demo.page.title'); t("demo.count", { n });`);
  assert.deepEqual(v, []);
});

test('a key missing in one language is reported with that language', () => {
  const c = all({ 'demo.page.title': 'Title' });
  const v = fixture({ ...c, pt: {} }, `t('demo.page.title')`);
  assert.deepEqual(v, [{ kind: 'missing', key: 'demo.page.title', detail: 'missing in pt' }]);
});

test('a key used nowhere in src/ is reported as unused', () => {
  const v = fixture(all({ 'demo.page.title': 'Title', 'demo.page.orphan': 'Orphan' }), `t('demo.page.title')`);
  assert.deepEqual(
    v.map((x) => [x.kind, x.key]),
    [['unused', 'demo.page.orphan']],
  );
});

test('a key used in src/ but absent from English is reported with where it is used', () => {
  const v = fixture(all({ 'demo.page.title': 'Title' }), `t('demo.page.title');\nsetFlash(c, 'demo.flash.saved');\nconst f = './demo.page.ts'; const host = 'www.example.org';`);
  assert.equal(v.length, 1);
  assert.equal(v[0]!.kind, 'undefined');
  assert.equal(v[0]!.key, 'demo.flash.saved');
  assert.match(v[0]!.detail, /demo\.routes\.ts:2/);
});

test('keys named only in comments count neither as used nor as missing; URLs in strings are not comments', () => {
  const v = fixture(
    all({ 'demo.page.title': 'Title', 'demo.page.commented': 'Only in a comment' }),
    `/** Keys look like \`demo.page.commented\` or 'demo.other.key'. */\nconst u = 'https://x.example'; t('demo.page.title'); // 'demo.page.commented'\n`,
  );
  assert.deepEqual(
    v.map((x) => [x.kind, x.key]),
    [['unused', 'demo.page.commented']],
  );
});

test('a message that does not parse is reported', () => {
  const c = all({ 'demo.page.title': 'Hello {name}' });
  const v = fixture({ ...c, fr: { 'demo.page.title': 'Bonjour {name' } }, `t('demo.page.title')`);
  assert.deepEqual(
    v.map((x) => [x.kind, x.key, x.detail.slice(0, 3)]),
    [['syntax', 'demo.page.title', 'fr:']],
  );
});

test('placeholders that differ from English are reported; plural categories may differ', () => {
  const c = all({ 'demo.page.title': 'Hello {name}', 'demo.count': '{n, plural, one {# item} other {# items}}' });
  const v = fixture(
    { ...c, es: { ...c.en, 'demo.page.title': 'Hola {nombre}' }, ar: { ...c.en, 'demo.count': '{n, plural, zero {لا شيء} one {عنصر} two {عنصران} few {# عناصر} many {# عنصرًا} other {# عنصر}}' } },
    `t('demo.page.title'); t('demo.count')`,
  );
  assert.deepEqual(
    v.map((x) => [x.kind, x.key, x.detail]),
    [['placeholders', 'demo.page.title', 'es has {nombre}, en has {name}']],
  );
});

test('the same key in two catalogues is reported', () => {
  const v = fixture(all({ 'demo.page.title': 'Title' }), `t('demo.page.title')`, (root) => {
    mkdirSync(join(root, 'platform/locales'), { recursive: true });
    for (const l of ['en', 'fr', 'es', 'pt', 'ar']) writeFileSync(join(root, 'platform/locales', `${l}.json`), JSON.stringify({ 'demo.page.title': 'Again' }));
  });
  assert.equal(v.length, 1);
  assert.equal(v[0]!.kind, 'duplicate');
  assert.match(v[0]!.detail, /demo\.page\.title/);
});

test('placeholders are collected at any depth of plural and select', () => {
  assert.deepEqual([...placeholders('{g, select, f {{n, plural, one {# by {who}} other {#}}} other {x}}', 'en')].sort(), ['g', 'n', 'who']);
});

test('a slash and a star inside a string do not open a comment: keys after it still count as used', async () => {
  const { stripComments } = await import('../../scripts/check-i18n.ts');
  const code = "const tree = '/account/*';\nsetFlash(c, 'accounts.saved.done');\n/* 'accounts.in.comment' */ const u = `/x/*${'accounts.in.template'}`;";
  const out = stripComments(code);
  assert.match(out, /'accounts\.saved\.done'/);
  assert.match(out, /'accounts\.in\.template'/);
  assert.doesNotMatch(out, /accounts\.in\.comment/);
  assert.equal(out.split('\n').length, code.split('\n').length, 'line numbers kept');
});
