/**
 * Runs the test suite with Node's test runner. Files are listed explicitly
 * (unit and route tests: `src/**\/*.test.ts`, `test/**\/*.test.ts`; browser
 * specs: `test/browser/*.spec.ts` with `--browser`). Extra arguments that are
 * paths narrow the run to those files. The whole run leaves out the HTTP fuzz test, which CI runs
 * as its own step (`npm run fuzz`).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const browser = args.includes('--browser');
const explicit = args.filter((a) => !a.startsWith('--'));

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(relative(root, p));
  }
  return out;
}

const FUZZ = 'test/platform/http-fuzz.test.ts';
let files: string[];
if (explicit.length) files = explicit;
else if (browser) files = walk(join(root, 'test/browser')).filter((f) => f.endsWith('.spec.ts'));
// The HTTP fuzz test is CI's own step (`npm run fuzz`, fixed seed, bounded count): not run twice.
else files = [...walk(join(root, 'src')), ...walk(join(root, 'test'))].filter((f) => f.endsWith('.test.ts') && !f.startsWith('test/browser/') && f !== FUZZ);
files.sort();

const concurrency = process.env.TEST_CONCURRENCY ?? (browser ? '1' : '2');
// A test that never ends fails after 10 minutes, and a file whose tests are done exits even if a
// failed test left a handle open (a database, a timer): a failure is reported, never a hung run.
const r = spawnSync(process.execPath, ['--test', `--test-concurrency=${concurrency}`, '--test-timeout=600000', '--test-force-exit', '--test-reporter=spec', ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'test' },
});
process.exit(r.status ?? 1);
