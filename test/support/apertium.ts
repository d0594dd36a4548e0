/**
 * Apertium's HTTP service (apertium-apy), started for real on a free loopback port for the tests of
 * machine translation (never a fake engine). `.ci/run` installs it from Debian's packages
 * (apertium-apy, apertium-eng-spa, apertium-fr-es, apertium-es-pt). Where it is not installed, a
 * developer's `npm test` skips those tests with the reason; in CI (`CI` set) its absence fails them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort } from './ports.ts';

export const APERTIUM_BIN = '/usr/bin/apertium-apy';
export const APERTIUM_MODES = '/usr/share/apertium/modes';

export type RunningApertium = { url: string; stop(): Promise<void> };

/** Why the tests cannot run here (null: they can). In CI a missing engine is a failure, not a skip. */
export function apertiumMissing(): string | null {
  if (existsSync(APERTIUM_BIN) && existsSync(`${APERTIUM_MODES}/fr-es.mode`) && existsSync(`${APERTIUM_MODES}/spa-eng.mode`) && existsSync(`${APERTIUM_MODES}/es-pt.mode`)) return null;
  if (process.env.CI) throw new Error('apertium-apy and its pairs are not installed: .ci/run installs them (apt-get install apertium-apy apertium-eng-spa apertium-fr-es apertium-es-pt)');
  return 'apertium-apy is not installed (apt-get install apertium-apy apertium-eng-spa apertium-fr-es apertium-es-pt)';
}


/** Starts apertium-apy and waits until it lists its pairs (a few seconds). */
export async function startApertium(): Promise<RunningApertium> {
  const port = await freePort();
  const child: ChildProcess = spawn(APERTIUM_BIN, ['-p', String(port), APERTIUM_MODES], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`apertium-apy exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/listPairs`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('apertium-apy did not start within 60 s');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * The Apertium of a `--translate[=URL]` argument (eval:match, bench:match): the running service at URL, or
 * apertium-apy started here (stopped by `stop`). Throws, naming what to install, when it is missing.
 */
export async function apertiumOfArg(arg: string): Promise<RunningApertium> {
  const url = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : '';
  if (url) return { url, stop: async () => {} };
  const missing = apertiumMissing();
  if (missing) throw new Error(`--translate: ${missing}`);
  return startApertium();
}
