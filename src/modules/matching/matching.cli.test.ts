import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { matchCommand } from './matching.cli.ts';
import { buildMatchIndex } from './matching.engine.ts';
import { readOrganisations, readPeople, readRequests } from './matching.io.ts';
import { evalProfiles } from './eval/eval.profiles.ts';
import { EVAL_REQUESTS } from './eval/eval.requests.ts';

/** Run the CLI in-process, capturing its output. */
async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await matchCommand(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

function withFiles(files: Record<string, string>, fn: (dir: string) => Promise<void>) {
  const dir = mkdtempSync(join(tmpdir(), 'peerlink-match-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return fn(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

test('contract: the CLI gives the same order as the engine called directly', async () => {
  const profiles = evalProfiles();
  const orgs = profiles.filter((p) => p.type === 'organisation').map(({ type: _t, ...rest }) => rest);
  const people = profiles.filter((p) => p.type === 'person').map(({ type: _t, ...rest }) => rest);
  const requests = EVAL_REQUESTS.slice(0, 12).map(({ partners: _p, ...rest }) => rest);
  await withFiles({ 'orgs.jsonl': jsonl(orgs), 'people.jsonl': jsonl(people), 'requests.jsonl': jsonl(requests) }, async (dir) => {
    const args = ['--organisations', join(dir, 'orgs.jsonl'), '--people', join(dir, 'people.jsonl'), '--requests', join(dir, 'requests.jsonl'), '--top', '7'];
    const { code, out } = await run(args);
    assert.equal(code, 0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { request: string; matches: Array<{ id: string; type: string; score: number; reasons: string[] }> });
    assert.equal(lines.length, requests.length);

    // the engine, fed what the CLI reads
    const issues: never[] = [];
    const read = [...readOrganisations('o', jsonl(orgs), issues), ...readPeople('p', jsonl(people), issues)];
    const { index } = buildMatchIndex(read);
    for (const [i, req] of readRequests('r', jsonl(requests), issues).entries()) {
      const direct = index.rank(req, { top: 7, filters: { requireLanguage: false } });
      assert.equal(lines[i].request, req.id);
      assert.deepEqual(lines[i].matches.map((m) => `${m.type}:${m.id}`), direct.matches.map((m) => `${m.type}:${m.id}`), `request ${req.id}`);
      for (const m of lines[i].matches) {
        assert.ok(m.reasons.length > 0 && m.reasons.every((r) => typeof r === 'string'));
        assert.ok(m.score >= 0 && m.score <= 1);
      }
    }
  });
});

test('malformed CLI files are reported with line number and field, and the rest is still read', async () => {
  const orgs = [
    '{"id":"nl-almere","name":"Almere","country":"NL","offers":"Integration of newcomers and refugees"}',
    '{"id":"bad","name":"Bad","country":"Netherlands"}',
    'not json',
    '{"id":"fr-lyon","name":"Lyon","country":"FR","offers":"Intégration des réfugiés","population":"many"}',
    '{"id":"es-vigo","name":"Vigo","country":"ES","offers":"Integración de migrantes y refugiados"}',
  ].join('\n');
  const requests = jsonl([{ id: 'q1', organisation: 'es-vigo', title: 'Refugees', description: 'Welcome centre and language courses for refugees' }, { id: 'q2', title: 'No description' }]);
  await withFiles({ 'orgs.jsonl': orgs, 'requests.jsonl': requests }, async (dir) => {
    const { code, out, err } = await run(['--organisations', join(dir, 'orgs.jsonl'), '--requests', join(dir, 'requests.jsonl')]);
    assert.equal(code, 0);
    assert.match(err, /orgs\.jsonl:2: field "country"/);
    assert.match(err, /orgs\.jsonl:3: not valid JSON/);
    assert.match(err, /orgs\.jsonl:4: field "population"/);
    assert.match(err, /requests\.jsonl:2: field "description": is required/);
    const line = JSON.parse(out.trim()) as { request: string; matches: Array<{ id: string }> };
    assert.equal(line.request, 'q1');
    // the request's own organisation is never among its matches
    assert.deepEqual(line.matches.map((m) => m.id), ['nl-almere']);
    const strict = await run(['--organisations', join(dir, 'orgs.jsonl'), '--requests', join(dir, 'requests.jsonl'), '--strict']);
    assert.equal(strict.code, 1);
    assert.equal(strict.out, '');
  });
});

test('bad CLI usage exits 2 with the usage, a missing file exits 1', async () => {
  assert.equal((await run(['--requests', 'x.jsonl'])).code, 2);
  assert.equal((await run(['--organisations', 'a', '--requests', 'b', '--top', 'zero'])).code, 2);
  assert.equal((await run(['--bogus'])).code, 2);
  const missing = await run(['--organisations', '/nonexistent/orgs.jsonl', '--requests', '/nonexistent/r.jsonl']);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /cannot be read/);
});

test('an organisation’s `needs` (its open requests, as the app exports them) is read from JSON Lines and CSV, and never counted as expertise', async () => {
  const issues: never[] = [];
  const [fromJson] = readOrganisations('o.jsonl', jsonl([{ id: 'bf-z', name: 'Z', country: 'BF', offers: 'Water supply', needs: 'Collecte des déchets ménagers' }]), issues);
  const [fromCsv] = readOrganisations('o.csv', 'id,name,country,offers,needs\nbf-z,Z,BF,Water supply,Collecte des déchets ménagers\n', issues);
  assert.deepEqual(issues, []);
  assert.equal(fromJson?.needs, 'Collecte des déchets ménagers');
  assert.equal(fromCsv?.needs, 'Collecte des déchets ménagers');
  const orgs = [
    { id: 'bf-z', name: 'Z', country: 'BF', offers: 'Household waste collection', needs: 'Collecte des déchets ménagers' },
    { id: 'fr-r', name: 'R', country: 'FR', offers: 'Household waste collection' },
  ];
  const requests = [{ id: 'q', title: 'Waste', description: 'Household waste collection for every district' }];
  await withFiles({ 'o.jsonl': jsonl(orgs), 'r.jsonl': jsonl(requests) }, async (dir) => {
    const { out } = await run(['--organisations', join(dir, 'o.jsonl'), '--requests', join(dir, 'r.jsonl')]);
    const line = JSON.parse(out.trim()) as { matches: Array<{ id: string; score: number }> };
    assert.equal(line.matches[0]?.id, 'fr-r', 'what Z asks for is not what it knows');
    const { index } = buildMatchIndex(readOrganisations('o', jsonl(orgs), issues));
    assert.deepEqual(line.matches.map((m) => [m.id, m.score]), index.rank(requests[0]!).matches.map((m) => [m.id, m.score]), 'the engine’s scores, unrounded');
  });
});
