/** Progress of long command-line jobs: plain lines when standard error is not a terminal, a bar redrawn in place on one. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createProgress } from '../../src/platform/progress.ts';

function sink(isTTY: boolean) {
  const out: string[] = [];
  return { out, s: { isTTY, columns: 120, write: (x: string) => out.push(x) } };
}

test('not a terminal: one plain line every interval and at each new phase, and a last line with the rate over the job', () => {
  let t = 0;
  const { out, s } = sink(false);
  const p = createProgress('import organisations', s, { now: () => t, lineEveryMs: 2000 });
  t = 500;
  p.update(5000, 'reading'); // before the first interval: nothing
  assert.deepEqual(out, []);
  t = 2000;
  p.update(20000, 'reading');
  t = 2500;
  p.update(25000, 'reading'); // within the interval: nothing
  t = 3000;
  p.update(30000, 'writing'); // a new phase: a line at once
  t = 4000;
  p.finish(30000);
  assert.deepEqual(out, [
    'import organisations: 20,000 rows, 10,000 rows/s (reading)\n',
    'import organisations: 30,000 rows, 10,000 rows/s (writing)\n',
    'import organisations: done, 30,000 rows in 4.0 s (7,500 rows/s)\n',
  ]);
  assert.ok((out as string[]).every((l) => !l.includes('\r') && !l.includes('\x1b')), 'no terminal control characters in a log');
});

test('on a terminal: a bar redrawn in place (carriage return, no new line) with the rows per second, then the last line', () => {
  let t = 0;
  const { out, s } = sink(true);
  const p = createProgress('restore', s, { now: () => t, total: 1000, redrawMs: 100 });
  t = 1000;
  p.update(500, 'organisations');
  t = 1050;
  p.update(510, 'organisations'); // within the redraw interval: nothing
  assert.equal(out.length, 1);
  assert.match(out[0]!, /^\rrestore \[#{12}-{12}\] 50% 500\/1,000 rows, 500 rows\/s \(organisations\)/);
  assert.ok(!out[0]!.includes('\n'));
  t = 2000;
  p.finish(1000);
  assert.match(out.at(-1)!, /^restore: done, 1,000 rows in 2\.0 s \(500 rows\/s\)\x1b\[K\n$/);
});

test('no sink: nothing is written and nothing fails', () => {
  const p = createProgress('export', undefined);
  p.update(1);
  p.finish(1);
});
