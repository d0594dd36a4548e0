/**
 * Checks the boundaries between modules (`npm run check:boundaries`; run by CI and as a test).
 * A module is a folder under src/modules; its public face is its service, policy, manifest and
 * events files (`<name>.service.ts`, `<name>.policy.ts`, `<m>.module.ts`, `<m>.events.ts`, where
 * `<name>` may be another noun of the module, e.g. organisations/people.service.ts). The rules:
 *  1. a module imports another module only through that face: never its routes, views, repository,
 *     schema or any other file;
 *  2. no cycle between modules (two modules that import each other included);
 *  3. only repositories build queries: no other file of a module imports a table (`pgTable`) from
 *     src/db/schema;
 *  4. a module writes (insert, update, delete) only its own tables: a repository may join another
 *     module's tables to read, never write them;
 *  5. src/platform and src/taxonomy import no module.
 * src/modules/index.ts (the list of manifests), app.ts, server.ts and cli.ts are the composition
 * roots and may import any manifest. Prints the violations and exits 1 when there are any. There is
 * no list of exceptions.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripComments } from './check-i18n.ts';

export type Violation = { rule: 'face' | 'cycle' | 'query' | 'write' | 'platform'; file: string; detail: string };

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PUBLIC_ROLES = new Set(['service', 'policy', 'module', 'events']);

/** Which module owns each schema file's tables (platform.ts and mail.ts are the platform's). */
const SCHEMA_OWNER: Record<string, string> = {
  platform: 'platform',
  mail: 'platform',
};

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}


type Import = { spec: string; line: number; typeOnly: boolean; names: string[] };

/** Static imports, re-exports and dynamic imports of a file. */
export function importsOf(code: string): Import[] {
  const src = stripComments(code);
  const out: Import[] = [];
  const lineOf = (i: number) => src.slice(0, i).split('\n').length;
  const re = /(?:^|\n)\s*(import|export)\s+(type\s+)?([\s\S]*?)\s+from\s+['"]([^'"]+)['"]/g;
  for (let m; (m = re.exec(src)); ) {
    const clause = m[3]!;
    const names = /\{([\s\S]*)\}/.exec(clause)?.[1]?.split(',').map((s) => s.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]!.trim()).filter(Boolean) ?? [];
    out.push({ spec: m[4]!, line: lineOf(m.index + 1), typeOnly: Boolean(m[2]), names });
  }
  const side = /(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;
  for (let m; (m = side.exec(src)); ) out.push({ spec: m[1]!, line: lineOf(m.index + 1), typeOnly: false, names: [] });
  const dyn = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (let m; (m = dyn.exec(src)); ) out.push({ spec: m[1]!, line: lineOf(m.index), typeOnly: false, names: ['*'] });
  return out;
}

/** The tables each schema file declares. */
function tablesBySchemaFile(root: string): Map<string, Set<string>> {
  const dir = join(root, 'src/db/schema');
  const out = new Map<string, Set<string>>();
  for (const f of readdirSync(dir)) {
    if (!f.endsWith('.ts') || f === 'index.ts') continue;
    const code = readFileSync(join(dir, f), 'utf8');
    out.set(f.replace(/\.ts$/, ''), new Set([...code.matchAll(/export const (\w+) = pgTable\(/g)].map((m) => m[1]!)));
  }
  return out;
}

const moduleOf = (rel: string): string | null => /^src\/modules\/([^/]+)\//.exec(rel)?.[1] ?? null;
/** `requests.routes.ts` → `routes`; `people.service.ts` → `service`; `eval/eval.ts` → `eval`. */
const roleOf = (file: string): string => {
  const parts = basename(file).replace(/\.ts$/, '').split('.');
  return parts.length > 1 ? parts[parts.length - 1]! : parts[0]!;
};

export function check(root = ROOT): { violations: Violation[]; edges: Map<string, Set<string>> } {
  const violations: Violation[] = [];
  const edges = new Map<string, Set<string>>();
  const tables = tablesBySchemaFile(root);
  const ownerOfTable = new Map<string, string>();
  for (const [file, names] of tables) for (const n of names) ownerOfTable.set(n, SCHEMA_OWNER[file] ?? file);
  const files = [...walk(join(root, 'src/modules')), ...walk(join(root, 'src/platform')), ...walk(join(root, 'src/taxonomy'))];
  for (const abs of files) {
    const rel = relative(root, abs);
    if (rel === 'src/modules/index.ts') continue;
    const code = readFileSync(abs, 'utf8');
    const from = moduleOf(rel);
    const isTest = rel.endsWith('.test.ts');
    const importedTables = new Map<string, string>(); // local name → owning module
    for (const imp of importsOf(code)) {
      if (!imp.spec.startsWith('.')) continue;
      const target = relative(root, normalize(join(dirname(abs), imp.spec)));
      const to = moduleOf(target);
      if (!from) {
        if ((to || target === 'src/modules/index.ts') && !isTest) violations.push({ rule: 'platform', file: `${rel}:${imp.line}`, detail: `imports ${target}: platform and taxonomy are below every module` });
        continue;
      }
      if (to && to !== from) {
        if (!edges.has(from)) edges.set(from, new Set());
        edges.get(from)!.add(to);
        const role = roleOf(target);
        if (!PUBLIC_ROLES.has(role) && !isTest)
          violations.push({ rule: 'face', file: `${rel}:${imp.line}`, detail: `imports ${target}: reach module "${to}" through its service, policy, manifest or events` });
      }
      const schema = /^src\/db\/schema\/(\w+)\.ts$/.exec(target)?.[1];
      if (schema && schema !== 'index' && !imp.typeOnly) {
        const own = tables.get(schema) ?? new Set();
        const used = imp.names.filter((n) => own.has(n));
        for (const n of used) importedTables.set(n, SCHEMA_OWNER[schema] ?? schema);
        if (used.length && roleOf(rel) !== 'repository' && !isTest)
          violations.push({ rule: 'query', file: `${rel}:${imp.line}`, detail: `imports table(s) ${used.join(', ')}: only repositories build queries` });
      }
      if (target === 'src/db/schema/index.ts' && !imp.typeOnly && !isTest) {
        for (const n of imp.names) if (ownerOfTable.has(n)) importedTables.set(n, ownerOfTable.get(n)!);
        if (roleOf(rel) !== 'repository' && imp.names.some((n) => ownerOfTable.has(n)))
          violations.push({ rule: 'query', file: `${rel}:${imp.line}`, detail: 'imports tables: only repositories build queries' });
      }
    }
    if (from && !isTest) {
      const src = stripComments(code);
      for (const m of src.matchAll(/\.(insert|update|delete)\(\s*(\w+)\s*\)/g)) {
        const owner = importedTables.get(m[2]!);
        if (owner && owner !== from && owner !== 'platform') {
          const line = src.slice(0, m.index).split('\n').length;
          violations.push({ rule: 'write', file: `${rel}:${line}`, detail: `${m[1]} on ${m[2]}, a table of module "${owner}": ask that module's service` });
        }
      }
    }
  }
  // Cycles: strongly connected components of the module graph with more than one module.
  const nodes = [...new Set([...edges.keys(), ...[...edges.values()].flatMap((s) => [...s])])].sort();
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const sccs: string[][] = [];
  const strong = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1) sccs.push(comp.sort());
    }
  };
  for (const v of nodes) if (!idx.has(v)) strong(v);
  for (const comp of sccs) {
    const pairs = comp.flatMap((a) => [...(edges.get(a) ?? [])].filter((b) => comp.includes(b)).map((b) => `${a}→${b}`));
    violations.push({ rule: 'cycle', file: `src/modules/{${comp.join(',')}}`, detail: `modules in a cycle: ${pairs.join(', ')}` });
  }
  return { violations, edges };
}

/** The module graph as Mermaid, for docs/ARCHITECTURE.md (`npm run check:boundaries -- --graph`). */
export function mermaid(edges: Map<string, Set<string>>): string {
  const lines = ['graph TD'];
  for (const [a, bs] of [...edges].sort(([x], [y]) => x.localeCompare(y))) for (const b of [...bs].sort()) lines.push(`  ${a} --> ${b}`);
  return lines.join('\n');
}

if (import.meta.main) {
  const { violations, edges } = check();
  if (process.argv.includes('--graph')) {
    console.log(mermaid(edges));
    process.exit(0);
  }
  for (const v of violations) console.log(`${v.rule.padEnd(8)} ${v.file}  ${v.detail}`);
  const pairs = [...edges.values()].reduce((n, s) => n + s.size, 0);
  console.log(violations.length ? `\n${violations.length} boundary violation(s); ${pairs} module edges` : `boundaries ok: ${pairs} module edges, no cycle`);
  process.exit(violations.length ? 1 : 0);
}
