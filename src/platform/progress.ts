/**
 * Progress of a long command-line job (import, export, backup, restore) on standard error: on a terminal a bar
 * (or, without a known total, a counter) redrawn in place with the rows per second; otherwise (a pipe, a log file,
 * cron) plain lines, one every `lineEveryMs` and one when the job ends, that a log keeps readable.
 */
export type ProgressSink = { write(s: string): unknown; isTTY?: boolean; columns?: number };

export type Progress = {
  /** `done` rows so far (of `total` if known); `phase` names the step (reading, writing, indexing…). */
  update(done: number, phase?: string): void;
  /** The job ended: a last line with the rows and the rate over the whole job. */
  finish(done: number): void;
};

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export function createProgress(
  label: string,
  sink: ProgressSink | undefined,
  opts: { total?: number; now?: () => number; redrawMs?: number; lineEveryMs?: number } = {},
): Progress {
  if (!sink) return { update() {}, finish() {} };
  const now = opts.now ?? (() => performance.now());
  const tty = !!sink.isTTY;
  const every = tty ? (opts.redrawMs ?? 100) : (opts.lineEveryMs ?? 2000);
  const start = now();
  let last = tty ? -Infinity : start;
  let lastPhase: string | undefined;
  let drawn = false;
  const rate = (done: number, t: number) => (t > start ? (done * 1000) / (t - start) : 0);
  const describe = (done: number, phase: string | undefined, t: number) => {
    const total = opts.total;
    const count = total ? `${fmt(done)}/${fmt(total)} rows` : `${fmt(done)} rows`;
    return `${count}, ${fmt(rate(done, t))} rows/s${phase ? ` (${phase})` : ''}`;
  };
  const draw = (done: number, phase: string | undefined, t: number) => {
    if (tty) {
      const width = 24;
      const total = opts.total;
      const bar = total ? `[${'#'.repeat(Math.round((Math.min(done, total) / total) * width)).padEnd(width, '-')}] ${Math.floor((Math.min(done, total) / total) * 100)}% ` : '';
      const line = `${label} ${bar}${describe(done, phase, t)}`;
      const cols = sink.columns ?? 100;
      sink.write(`\r${line.slice(0, cols - 1).padEnd(Math.min(cols - 1, 80))}`);
      drawn = true;
    } else sink.write(`${label}: ${describe(done, phase, t)}\n`);
  };
  return {
    update(done, phase) {
      const t = now();
      const phaseChanged = phase !== undefined && phase !== lastPhase && lastPhase !== undefined;
      if (phase !== undefined) lastPhase = phase;
      if (t - last < every && !phaseChanged) return;
      last = t;
      draw(done, lastPhase, t);
    },
    finish(done) {
      const t = now();
      if (tty && drawn) sink.write('\r');
      const secs = (t - start) / 1000;
      sink.write(`${label}: done, ${fmt(done)} rows in ${secs.toFixed(1)} s (${fmt(rate(done, t))} rows/s)${tty ? '\x1b[K' : ''}\n`);
    },
  };
}
