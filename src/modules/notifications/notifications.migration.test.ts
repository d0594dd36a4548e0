/**
 * The single preference of before (immediate | daily | off) becomes the choice of the four categories
 * it covered; newsletters keep their default unless the person had chosen "off"; unsent digest mail
 * stays a daily digest item.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { emptyDatabase } from '../../../test/support/db.ts';
import { migrationsFolder, rows, type Database } from '../../platform/db.ts';

type Journal = { entries: { idx: number; tag: string }[] };
const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal;

function folderUpTo(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'peerlink-mail-migration-'));
  cpSync(migrationsFolder, dir, { recursive: true });
  writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, n) }));
  return dir;
}

async function migrateWith(d: Database, folder: string) {
  if (d.kind === 'pglite') await (await import('drizzle-orm/pglite/migrator')).migrate(d.db as never, { migrationsFolder: folder });
  else await (await import('drizzle-orm/node-postgres/migrator')).migrate(d.db as never, { migrationsFolder: folder });
}

test('the single mail preference is carried into the categories', async () => {
  const before = journal.entries.findIndex((e) => e.tag.endsWith('_mail_categories'));
  assert.ok(before > 0);
  const d = await emptyDatabase();
  try {
    await migrateWith(d, folderUpTo(before));
    const ids = { immediate: randomUUID(), daily: randomUUID(), off: randomUUID() };
    const at = '2026-11-23T09:00:00Z';
    for (const [mode, id] of Object.entries(ids)) {
      await d.db.execute(sql`insert into users (id, email, name, password_hash, locale, created_at, updated_at) values (${id}, ${`${mode}@example.org`}, ${mode}, 'x', 'en', ${at}, ${at})`);
      await d.db.execute(sql`insert into notification_preferences (user_id, mode, updated_at) values (${id}, ${mode}, ${at})`);
    }
    await d.db.execute(sql`insert into notification_outbox (id, user_id, kind, subject, body, created_at, due_at, is_digest) values (${randomUUID()}, ${ids.daily}, 'call_fits', 's', 'b', ${at}, ${at}, true)`);
    await migrateWith(d, migrationsFolder);
    const got = await rows<{ email: string; requests: string; exchanges: string; networks: string; events: string; news: string | null }>(
      d.db,
      sql`select u.email, p.requests, p.exchanges, p.networks, p.events, p.news from notification_preferences p join users u on u.id = p.user_id order by u.email`,
    );
    assert.deepEqual(got, [
      { email: 'daily@example.org', requests: 'daily', exchanges: 'daily', networks: 'daily', events: 'daily', news: null },
      { email: 'immediate@example.org', requests: 'immediate', exchanges: 'immediate', networks: 'immediate', events: 'immediate', news: null },
      { email: 'off@example.org', requests: 'off', exchanges: 'off', networks: 'off', events: 'off', news: 'off' },
    ]);
    const [q] = await rows<{ digest_mode: string }>(d.db, sql`select digest_mode from notification_outbox`);
    assert.equal(q!.digest_mode, 'daily');
    const cols = await rows<{ c: string }>(d.db, sql`select column_name as c from information_schema.columns where table_name = 'notification_preferences' and column_name = 'mode'`);
    assert.equal(cols.length, 0, 'the old column is gone');
  } finally {
    await d.close();
  }
});
