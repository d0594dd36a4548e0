/**
 * A process that commits transactions on a PGlite data folder until it is killed: the subject of
 * test/platform/kill-during-commit.test.ts. Each transaction k writes two rows (+k and -k) and, once
 * the commit has returned, prints `committed k`. At start it checks what the folder holds against
 * the numbers the test saw committed before (COMMITTED_FILE) and prints `ok N` or `violation …`.
 */
import { readFileSync, existsSync, writeSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

const dataDir = process.env.KILL_DATA_DIR!;
const committedFile = process.env.COMMITTED_FILE!;
const say = (s: string) => writeSync(1, `${s}\n`);

mkdirSync(dataDir, { recursive: true });
const db = await PGlite.create({ dataDir: join(dataDir, 'pgdata') });
await db.exec('create table if not exists kill_test (id int primary key, tx int not null, amount int not null)');

// What survived the last kill.
const seen = existsSync(committedFile) ? readFileSync(committedFile, 'utf8').split('\n').filter(Boolean).map(Number) : [];
const byTx = new Map<number, number>();
const r = await db.query<{ tx: number; n: number; s: number }>('select tx, count(*)::int as n, sum(amount)::int as s from kill_test group by tx');
for (const row of r.rows) byTx.set(row.tx, row.n);
const halves = r.rows.filter((x) => x.n !== 2 || x.s !== 0).map((x) => x.tx);
const lost = seen.filter((k) => byTx.get(k) !== 2);
if (halves.length || lost.length) say(`violation half-written=${halves.join(',')} lost=${lost.join(',')}`);
else say(`ok ${byTx.size}`);

let k = r.rows.reduce((m, x) => Math.max(m, x.tx), 0);
for (;;) {
  k++;
  await db.transaction(async (tx) => {
    await tx.query('insert into kill_test (id, tx, amount) values ($1, $2, $3)', [2 * k, k, k]);
    await tx.query('insert into kill_test (id, tx, amount) values ($1, $2, $3)', [2 * k + 1, k, -k]);
  });
  say(`committed ${k}`);
}
