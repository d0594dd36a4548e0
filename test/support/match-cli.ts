/**
 * The CLI's ranking (`peerlink match`) of one request over the database's profiles, as a broker's page ranks it:
 * the profiles exported as the store reads them (`loadAllProfiles`, with `needs`), the request as the service builds
 * it, `--top 20` and `--now` the app's clock. For the tests that check page, API and CLI agree.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DbOrTx } from '../../src/platform/db.ts';
import { loadAllProfiles } from '../../src/modules/matching/matching.store.ts';
import { matchCommand } from '../../src/modules/matching/matching.cli.ts';
import type { MatchRequest } from '../../src/modules/matching/matching.types.ts';

export type CliMatch = { id: string; type: string; score: number };

export async function cliRanking(db: DbOrTx, request: MatchRequest, now: Date, extra: string[] = []): Promise<{ matches: CliMatch[]; order: string[]; scores: number[]; notices: string }> {
  const profiles = await loadAllProfiles(db);
  const strip = (p: object) => Object.fromEntries(Object.entries(p).filter(([k, v]) => k !== 'type' && v !== undefined && v !== null));
  const jsonl = (xs: object[]) => xs.map((x) => JSON.stringify(x)).join('\n') + '\n';
  const dir = mkdtempSync(join(tmpdir(), 'peerlink-cli-ranking-'));
  try {
    writeFileSync(join(dir, 'o.jsonl'), jsonl(profiles.filter((p) => p.type === 'organisation').map(strip)));
    writeFileSync(join(dir, 'p.jsonl'), jsonl(profiles.filter((p) => p.type === 'person').map(strip)));
    writeFileSync(join(dir, 'r.jsonl'), jsonl([strip(request)]));
    let out = '';
    let notices = '';
    const args = ['--organisations', join(dir, 'o.jsonl'), '--people', join(dir, 'p.jsonl'), '--requests', join(dir, 'r.jsonl'), '--top', '20', '--now', now.toISOString(), ...extra];
    assert.equal(await matchCommand(args, { out: (x) => (out += x), err: (x) => (notices += x) }), 0);
    const matches = (JSON.parse(out.trim()) as { matches: CliMatch[] }).matches.map(({ id, type, score }) => ({ id, type, score }));
    return { matches, order: matches.map((m) => `${m.type}:${m.id}`), scores: matches.map((m) => m.score), notices };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
