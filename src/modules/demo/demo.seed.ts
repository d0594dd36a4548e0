/**
 * Loads the demo data by running the seeds the modules declare in their manifests (`demo: { order,
 * run }`), in ascending order, in one transaction: each module writes its own tables through its
 * own repository or services: accounts (10), the directory (20), the CONNECT programme (30), the
 * good-practice library (40), then the exchange stage — requests selected (50), their calls and
 * confirmed matches (60), and one exchange planned, held and evaluated through the exchanges' and
 * evaluations' services (70). This module only orchestrates: it imports no other module and no
 * table; the composition roots (server.ts, cli.ts) pass it the manifest list.
 *
 * Only for demo mode: the server calls it on a fresh data folder when config.demo is true, the
 * CLI's `seed` checks the same. Idempotent: each seed leaves what already exists exactly as it is.
 */
import type { Db } from '../../platform/db.ts';
import type { Manifest } from '../../platform/module.ts';

/** How many rows of each kind the seeds added (the keys each seed reports: organisations, people, accounts…). */
export type SeedReport = Record<string, number>;

/** Adds whatever demo data is missing; returns how many rows of each kind were added. */
export async function seedDemo(db: Db, manifests: readonly Manifest[], opts: { now: Date }): Promise<SeedReport> {
  const seeds = manifests.flatMap((m) => (m.demo ? [m.demo] : [])).sort((a, b) => a.order - b.order);
  const report: SeedReport = {};
  await db.transaction(async (tx) => {
    // The seeds take the database; inside this transaction they get the transaction (the same query interface), so the demo is all there or not at all.
    for (const seed of seeds) {
      const added = await seed.run(tx as unknown as Db, { now: opts.now });
      for (const [k, n] of Object.entries(added ?? {})) report[k] = (report[k] ?? 0) + n;
    }
  });
  return report;
}
