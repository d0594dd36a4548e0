/** The guide's tables: the forms of cooperation and the funding programmes (issue 13). */
import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db.ts';
import { cooperationApproaches, fundingProgrammes } from '../../db/schema/knowledge.ts';

export type ApproachRow = typeof cooperationApproaches.$inferSelect;
export type FundingRow = typeof fundingProgrammes.$inferSelect;

/** `pg` returns float8 as a number, PGlite too; arrays come back as arrays on both. */
export async function listApproaches(db: DbOrTx): Promise<ApproachRow[]> {
  return db.select().from(cooperationApproaches).orderBy(asc(cooperationApproaches.position), asc(cooperationApproaches.code));
}

export async function approachByCode(db: DbOrTx, code: string): Promise<ApproachRow | null> {
  const [row] = await db.select().from(cooperationApproaches).where(eq(cooperationApproaches.code, code));
  return row ?? null;
}

/** Locks the row for an edit in one language (two admins editing two languages both keep theirs). */
export async function approachForUpdate(db: DbOrTx, code: string): Promise<ApproachRow | null> {
  const [row] = await db.select().from(cooperationApproaches).where(eq(cooperationApproaches.code, code)).for('update');
  return row ?? null;
}

export async function insertApproach(db: DbOrTx, row: typeof cooperationApproaches.$inferInsert): Promise<boolean> {
  const out = await db.insert(cooperationApproaches).values(row).onConflictDoNothing().returning({ code: cooperationApproaches.code });
  return out.length > 0;
}

export async function updateApproach(db: DbOrTx, code: string, set: Partial<typeof cooperationApproaches.$inferInsert>): Promise<void> {
  await db.update(cooperationApproaches).set(set).where(eq(cooperationApproaches.code, code));
}

export async function nextApproachPosition(db: DbOrTx): Promise<number> {
  const [r] = await db.select({ n: sql<number>`coalesce(max(${cooperationApproaches.position}), 0)::int + 1` }).from(cooperationApproaches);
  return Number(r?.n ?? 1);
}

// ------------------------------------------------------------------ funding

export type FundingFilters = { approach?: string; theme?: string; country?: string; region?: string; kind?: string };

/**
 * Programmes matching the structured filters, in SQL: an empty list of countries and regions means
 * anywhere, an empty list of kinds any kind. "Open now" is decided in the service (it needs the
 * calendar of yearly windows), over this already narrowed list.
 */
export async function listFunding(db: DbOrTx, f: FundingFilters): Promise<FundingRow[]> {
  const conds = [sql`true`];
  if (f.approach) conds.push(sql`${f.approach} = any(${fundingProgrammes.approaches})`);
  if (f.theme) conds.push(sql`(cardinality(${fundingProgrammes.themes}) = 0 or ${f.theme} = any(${fundingProgrammes.themes}))`);
  if (f.country)
    conds.push(
      sql`((cardinality(${fundingProgrammes.countries}) = 0 and cardinality(${fundingProgrammes.regions}) = 0) or ${f.country} = any(${fundingProgrammes.countries})${f.region ? sql` or ${f.region} = any(${fundingProgrammes.regions})` : sql``})`,
    );
  if (f.kind) conds.push(sql`(cardinality(${fundingProgrammes.organisationKinds}) = 0 or ${f.kind} = any(${fundingProgrammes.organisationKinds}))`);
  return db
    .select()
    .from(fundingProgrammes)
    .where(sql.join(conds, sql` and `))
    .orderBy(asc(fundingProgrammes.position), asc(fundingProgrammes.code));
}

export async function fundingById(db: DbOrTx, id: string): Promise<FundingRow | null> {
  const [row] = await db.select().from(fundingProgrammes).where(eq(fundingProgrammes.id, id));
  return row ?? null;
}

export async function fundingForUpdate(db: DbOrTx, id: string): Promise<FundingRow | null> {
  const [row] = await db.select().from(fundingProgrammes).where(eq(fundingProgrammes.id, id)).for('update');
  return row ?? null;
}

export async function insertFunding(db: DbOrTx, row: typeof fundingProgrammes.$inferInsert): Promise<boolean> {
  const out = await db.insert(fundingProgrammes).values(row).onConflictDoNothing().returning({ id: fundingProgrammes.id });
  return out.length > 0;
}

export async function updateFunding(db: DbOrTx, id: string, set: Partial<typeof fundingProgrammes.$inferInsert>): Promise<void> {
  await db.update(fundingProgrammes).set(set).where(eq(fundingProgrammes.id, id));
}
