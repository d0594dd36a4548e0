/**
 * Seeds the library with the good practices of the source documents (knowledge.seed-data.ts),
 * published. Idempotent: a case whose external id exists is left exactly as it is (an editor
 * may have changed or withdrawn it). Demo seeding calls this after the organisations, though
 * partner links do not depend on the order: they are resolved when a case is read.
 */
import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../platform/db.ts';
import { regionOfCountry } from '../../taxonomy/regions.ts';
import type { MultiText } from '../../db/schema/knowledge.ts';
import { insertMissing, type GoodPracticeInsert } from './knowledge.repository.ts';
import { SEED_CASES, type SeedCase, type SeedTexts } from './knowledge.seed-data.ts';
import { TEXT_FIELDS } from './knowledge.schema.ts';

function multi(c: SeedCase, field: keyof SeedTexts): MultiText {
  const out: MultiText = {};
  if (c.en[field]) out.en = c.en[field]!;
  for (const [lang, texts] of Object.entries(c.translations ?? {})) if (texts?.[field]) out[lang] = texts[field]!;
  return out;
}

/** The insert values of one seed case (exported for tests). */
export function seedRow(c: SeedCase, now: Date): GoodPracticeInsert {
  const countries = [...new Set(c.partners.flatMap(([, country]) => (country ? [country] : [])))];
  const texts = Object.fromEntries(TEXT_FIELDS.map((f) => [f, multi(c, f)])) as Record<(typeof TEXT_FIELDS)[number], MultiText>;
  return {
    id: randomUUID(),
    externalId: c.key,
    state: 'published',
    originalLanguage: 'en',
    translations: Object.fromEntries(Object.keys(c.translations ?? {}).map((l) => [l, 'human' as const])),
    languages: Object.keys(texts.title).sort(),
    ...texts,
    title: texts.title,
    partners: c.partners.map(([name, country, externalId]) => ({ name, country, externalId: externalId ?? null })),
    partnerNames: c.partners.map(([name]) => name).join(' '),
    contacts: [],
    themes: c.themes,
    sdgs: [...new Set(c.sdgs)].sort((a, b) => a - b),
    approach: c.approach,
    formats: c.formats ?? [],
    regions: [...new Set(countries.flatMap((x) => regionOfCountry(x) ?? []))],
    countries,
    source: c.source,
    createdAt: now,
    updatedAt: now,
    publishedAt: now,
  };
}

/** Adds the seeded good practices that are missing; returns how many were added. */
export async function seedGoodPractices(db: DbOrTx, opts: { now: Date }): Promise<{ goodPractices: number }> {
  const added = await insertMissing(db, SEED_CASES.map((c) => seedRow(c, opts.now)));
  return { goodPractices: added.length };
}
