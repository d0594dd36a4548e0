import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkI18n, checkLanguage, placeholders, frenchTypography, addMany, fixCatalogues, type Glossary, type Violation } from '../../scripts/check-i18n.ts';

const srcRoot = fileURLToPath(new URL('../../src', import.meta.url));

test('the catalogues of src/ are complete in five languages, used, parseable and consistent', () => {
  const v = checkI18n(srcRoot);
  assert.deepEqual(
    v.map((x) => `${x.kind} ${x.key} ${x.detail}`),
    [],
  );
});

/** A throwaway src/ tree with one module's catalogues and one source file (the structure checks; the language has its own tests below). */
function fixture(cats: Record<string, Record<string, string>>, source: string, extra?: (root: string) => void): Violation[] {
  const root = mkdtempSync(join(tmpdir(), 'i18n-check-'));
  try {
    mkdirSync(join(root, 'modules/demo/locales'), { recursive: true });
    for (const [l, c] of Object.entries(cats)) writeFileSync(join(root, 'modules/demo/locales', `${l}.json`), JSON.stringify(c));
    writeFileSync(join(root, 'modules/demo/demo.routes.ts'), source);
    extra?.(root);
    return checkI18n(root, { language: false });
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

// --- The language (issue 14.6): glossary, plural forms, French typography, English left in a translation.

type Cats = Parameters<typeof checkLanguage>[0];
/** Made-up catalogues: English as given, each other language its own messages (English where not given). */
function cats(en: Record<string, string>, other: Partial<Record<'fr' | 'es' | 'pt' | 'ar', Record<string, string>>> = {}): Cats {
  return { en, fr: { ...en, ...other.fr }, es: { ...en, ...other.es }, pt: { ...en, ...other.pt }, ar: { ...en, ...other.ar } } as Cats;
}
const glossary: Glossary = {
  concepts: [
    {
      concept: 'broker / secretariat',
      en: { term: 'secretariat', avoid: ['broker'] },
      fr: { term: 'secrétariat', avoid: ['facilitateur', 'intermédiaire'] },
      es: { term: 'secretaría', avoid: ['intermediario'] },
      pt: { term: 'secretariado', avoid: ['intermediário'] },
      ar: { term: 'الأمانة', avoid: ['وسيط'] },
    },
    { concept: 'approver', pt: { term: 'validar', avoid: ['avaliz*'] } },
    { concept: 'form of address', ar: { term: 'أنتم', avoid: ['أنت'] } },
    { concept: 'partnership', es: { term: 'alianza', avoid: ['asociación'], allow: ['asociación de municipios'] } },
  ],
  sameAsEnglish: { fr: ['Organisations'] },
};
const kinds = (v: Violation[]) => v.map((x) => `${x.kind} ${x.key} ${x.detail}`);

test('glossary: a listed wrong variant is refused in its language, whole word, any case and accents, Arabic clitics included', () => {
  const v = checkLanguage(
    cats(
      { 'demo.a': 'Tell the secretariat', 'demo.b': 'Endorse', 'demo.c': 'Role', 'demo.d': 'Intermediate' },
      {
        fr: { 'demo.a': 'Prévenez le FACILITATEUR', 'demo.b': 'Valider', 'demo.c': 'Rôle', 'demo.d': 'Intermediaire' },
        es: { 'demo.a': 'Avise a la secretaría', 'demo.b': 'Avalar', 'demo.c': 'Una asociación de municipios', 'demo.d': 'Una asociación entre ciudades' },
        pt: { 'demo.a': 'Avise o secretariado', 'demo.b': 'Avalizado por {name}', 'demo.c': 'Função', 'demo.d': 'Intermediários' },
        ar: { 'demo.a': 'أخبروا الأمانة', 'demo.b': 'اعتماد', 'demo.c': 'للوسيط', 'demo.d': 'إن كانت أنت' },
      },
    ),
    glossary,
  ).filter((x) => x.kind === 'glossary');
  assert.deepEqual(kinds(v), [
    'glossary demo.a fr: "facilitateur" for broker / secretariat; use "secrétariat"',
    'glossary demo.d fr: "intermédiaire" for broker / secretariat; use "secrétariat"',
    'glossary demo.d es: "asociación" for partnership; use "alianza"',
    'glossary demo.b pt: "avaliz*" for approver; use "validar"',
    'glossary demo.c ar: "وسيط" for broker / secretariat; use "الأمانة"',
    'glossary demo.d ar: "أنت" for form of address; use "أنتم"',
  ]);
  // Not a wrong variant: "Intermediários" is not the whole word "intermédiaire" of French, "كانت" is not "أنت", and English has none here.
});

test('plural: every plural has the categories of its language; an English plural stays a plural', () => {
  const en = { 'demo.n': '{n, plural, one {# request} other {# requests}}', 'demo.days': 'in the last {days, plural, one {day} other {# days}}' };
  const v = checkLanguage(
    cats(en, {
      fr: { 'demo.n': '{n, plural, one {# demande} other {# demandes}}', 'demo.days': 'ces {days, plural, one {dernier jour} many {# derniers jours} other {# derniers jours}}' },
      es: { 'demo.n': '{n, plural, one {# solicitud} many {# solicitudes} other {# solicitudes}}', 'demo.days': 'en los últimos {days, plural, one {día} many {# días} other {# días}}' },
      pt: { 'demo.n': '{n, plural, one {# pedido} many {# pedidos} other {# pedidos}}', 'demo.days': 'nos últimos {days, plural, one {dia} many {# dias} other {# dias}}' },
      ar: { 'demo.n': '{n, plural, one {طلب واحد} other {# طلبات}}', 'demo.days': 'آخر {days} يوم' },
    }),
    glossary,
  ).filter((x) => x.kind === 'plural');
  assert.deepEqual(kinds(v), [
    'plural demo.n fr: {n, plural} lacks many',
    'plural demo.days ar: {days} is a plural in English but not here',
    'plural demo.n ar: {n, plural} lacks zero, two, few, many',
  ]);
});

test('French typography: narrow no-break space before : ; ! ? and inside « », ’ between letters; ICU quotes and URLs left alone', () => {
  const N = '\u202f';
  const ok = `Motif${N}: {reason}${N}; «${N}{title}${N}» l’hôte${N}?${N}! '{'x'}' https://x.example/a?b=1 à 10:30`;
  assert.deepEqual(frenchTypography(ok), []);
  const bad = "Motif : {reason}; « {title} » l'hôte!";
  const v = checkLanguage(cats({ 'demo.t': 'Reason: {reason}; “{title}” the host!' }, { fr: { 'demo.t': bad } }), glossary).filter((x) => x.kind === 'typography');
  assert.deepEqual(kinds(v), ['typography demo.t fr: space before ":", no space before ";", space after «, space before », straight apostrophe \', no space before "!"']);
  // Only French has these rules.
  assert.deepEqual(checkLanguage(cats({ 'demo.t': 'Reason: x' }, { fr: { 'demo.t': `Motif${N}: x` }, es: { 'demo.t': 'Motivo : x' } }), glossary).filter((x) => x.kind === 'typography'), []);
});

test('English copied unchanged into a translation is flagged, unless short, a name or acronym, or allowed by the glossary', () => {
  const en = { 'demo.a': 'Save the changes', 'demo.b': 'OK', 'demo.c': 'Peerlink', 'demo.d': 'Organisations', 'demo.e': 'Write to help@peerlink.example', 'demo.f': 'CONNECT ({n})' };
  const v = checkLanguage(cats(en, { fr: {}, es: { 'demo.a': 'Guardar los cambios' }, pt: { 'demo.a': 'Guardar as alterações' }, ar: { 'demo.a': 'حفظ التغييرات' } }), glossary).filter((x) => x.kind === 'untranslated');
  assert.deepEqual(
    v.map((x) => `${x.key} ${x.detail.slice(0, 3)}`),
    ['demo.a fr:', 'demo.e fr:', 'demo.d es:', 'demo.e es:', 'demo.d pt:', 'demo.e pt:', 'demo.d ar:', 'demo.e ar:'],
  );
});

test('--fix: French spaces and apostrophes, a missing many in French, Spanish and Portuguese; each file keeps its indentation', () => {
  assert.equal(addMany('{n, plural, one {# pedido} other {# pedidos}}', 'pt'), '{n, plural, one {# pedido} many {# pedidos} other {# pedidos}}');
  assert.equal(addMany('{n, plural, one {x} other {y}}', 'en'), '{n, plural, one {x} other {y}}');
  const root = mkdtempSync(join(tmpdir(), 'i18n-fix-'));
  try {
    const dir = join(root, 'modules/demo/locales');
    mkdirSync(dir, { recursive: true });
    const en = { 'demo.t': 'Reason: {reason}', 'demo.n': '{n, plural, one {# item} other {# items}}' };
    writeFileSync(join(dir, 'en.json'), JSON.stringify(en, null, 2) + '\n');
    writeFileSync(join(dir, 'fr.json'), JSON.stringify({ 'demo.t': "Motif de l'avis : {reason}", 'demo.n': '{n, plural, one {# élément} other {# éléments}}' }, null, 1) + '\n');
    assert.deepEqual(fixCatalogues(root), { fr: 2 });
    const fr = readFileSync(join(dir, 'fr.json'), 'utf8');
    assert.equal(fr, JSON.stringify({ 'demo.t': 'Motif de l’avis\u202f: {reason}', 'demo.n': '{n, plural, one {# élément} many {# éléments} other {# éléments}}' }, null, 1) + '\n');
    assert.equal(readFileSync(join(dir, 'en.json'), 'utf8'), JSON.stringify(en, null, 2) + '\n', 'English untouched');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the glossary beside the catalogues is what checkI18n applies', () => {
  const v = fixture(all({ 'demo.page.title': 'Ask the broker' }), `t('demo.page.title')`, (root) => {
    mkdirSync(join(root, 'platform/locales'), { recursive: true });
    writeFileSync(join(root, 'platform/locales/glossary.json'), JSON.stringify(glossary));
  });
  assert.deepEqual(v, [], 'the structure checks alone');
  const root = mkdtempSync(join(tmpdir(), 'i18n-check-'));
  try {
    mkdirSync(join(root, 'modules/demo/locales'), { recursive: true });
    mkdirSync(join(root, 'platform/locales'), { recursive: true });
    for (const l of ['en', 'fr', 'es', 'pt', 'ar']) writeFileSync(join(root, 'modules/demo/locales', `${l}.json`), JSON.stringify({ 'demo.page.title': l === 'en' ? 'Ask the broker' : `${l} x` }));
    writeFileSync(join(root, 'modules/demo/demo.routes.ts'), `t('demo.page.title')`);
    writeFileSync(join(root, 'platform/locales/glossary.json'), JSON.stringify(glossary));
    assert.deepEqual(kinds(checkI18n(root)), ['glossary demo.page.title en: "broker" for broker / secretariat; use "secretariat"']);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
