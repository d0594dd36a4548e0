/**
 * Counts the statements a piece of code sends to the database, on PGlite and on a PostgreSQL server alike: Drizzle
 * sends every statement through its client's `query` (the PGlite instance, or node-postgres' pool), which is wrapped
 * while `fn` runs. For tests that a piece of work makes a bounded number of round trips (not one per row).
 */
import type { Db } from '../../src/platform/db.ts';

type Client = { query: (...args: unknown[]) => unknown };

export async function countStatements<T>(db: Db, fn: () => Promise<T>): Promise<{ result: T; statements: number; texts: string[] }> {
  const client = (db as unknown as { $client: Client }).$client;
  const own = Object.prototype.hasOwnProperty.call(client, 'query');
  const query = client.query;
  const texts: string[] = [];
  client.query = function (this: unknown, ...args: unknown[]) {
    const q = args[0];
    texts.push(typeof q === 'string' ? q : String((q as { text?: string })?.text ?? ''));
    return query.apply(this, args);
  };
  try {
    const result = await fn();
    return { result, statements: texts.length, texts };
  } finally {
    if (own) client.query = query;
    else delete (client as Partial<Client>).query;
  }
}
