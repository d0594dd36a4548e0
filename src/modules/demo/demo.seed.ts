/**
 * Loads the demo data: the organisations the source documents name, some people, and one
 * account for each role (marked is_demo, sharing DEMO_PASSWORD). Only for demo mode: the server
 * calls it on a fresh data folder when config.demo is true, the CLI's `seed` checks the same.
 * Idempotent: what already exists (by external id, email, or organisation+person+role) is left
 * exactly as it is.
 */
import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { organisations, people, memberships } from '../../db/schema/organisations.ts';
import type { Db } from '../../platform/db.ts';
import { createAccount, findUserByEmail } from '../accounts/accounts.service.ts';
import { regionOfCountry } from '../../taxonomy/regions.ts';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_PEOPLE } from './demo.data.ts';
import { seedProgrammesDemo } from '../programmes/programmes.demo.ts';
import { seedGoodPractices } from '../knowledge/knowledge.seed.ts';
import { seedExchangesDemo } from './demo.exchanges.ts';

export { DEMO_ACCOUNTS, DEMO_PASSWORD };

export type SeedReport = { organisations: number; people: number; accounts: number; memberships: number; programmes: number; goodPractices: number };

/** Adds whatever demo data is missing; returns how many rows of each kind were added. */
export async function seedDemo(db: Db, opts: { now: Date }): Promise<SeedReport> {
  const now = opts.now;
  const report: SeedReport = { organisations: 0, people: 0, accounts: 0, memberships: 0, programmes: 0, goodPractices: 0 };
  await db.transaction(async (tx) => {
    const added = await tx
      .insert(organisations)
      .values(
        DEMO_ORGANISATIONS.map((o) => ({
          id: randomUUID(),
          externalId: o.id,
          name: o.name,
          kind: o.kind,
          country: o.country,
          region: regionOfCountry(o.country) ?? 'europe',
          subregion: o.subregion ?? null,
          population: o.population ?? null,
          languages: o.languages,
          offers: o.offers,
          seeks: o.seeks,
          themes: o.themes,
          sdgs: o.sdgs,
          website: o.website ?? null,
          lat: o.lat ?? null,
          lon: o.lon ?? null,
          extra: { demo: true },
          verifiedAt: now,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .onConflictDoNothing({ target: organisations.externalId })
      .returning({ id: organisations.id });
    report.organisations = added.length;

    const orgRows = await tx
      .select({ id: organisations.id, externalId: organisations.externalId })
      .from(organisations)
      .where(inArray(organisations.externalId, DEMO_ORGANISATIONS.map((o) => o.id)));
    const orgId = new Map(orgRows.map((r) => [r.externalId!, r.id]));

    const accountId = new Map<string, string>();
    for (const a of DEMO_ACCOUNTS) {
      const existing = await findUserByEmail(tx, a.email);
      if (existing) {
        accountId.set(a.email, existing.id);
        continue;
      }
      const { id } = await createAccount(tx, {
        email: a.email,
        name: a.name,
        password: DEMO_PASSWORD,
        roles: a.roles,
        coordinatorRegions: a.coordinatorRegions ?? [],
        locale: a.locale,
        verified: true,
        now,
        isDemo: true,
      });
      accountId.set(a.email, id);
      report.accounts++;
    }

    const personRows = DEMO_PEOPLE.map((p) => ({
      id: randomUUID(),
      externalId: p.id,
      userId: p.account ? (accountId.get(p.account) ?? null) : null,
      organisationId: orgId.get(p.organisation) ?? null,
      name: p.name,
      position: p.position,
      jobFunction: p.jobFunction ?? null,
      languages: p.languages,
      expertise: p.expertise,
      themes: p.themes,
      visibility: p.visibility,
      extra: { demo: true },
      createdAt: now,
      updatedAt: now,
    }));
    // No conflict target: an existing profile for the same id or the same account is left alone.
    const addedPeople = await tx.insert(people).values(personRows).onConflictDoNothing().returning({ id: people.id });
    report.people = addedPeople.length;

    const links = DEMO_ACCOUNTS.flatMap((a) =>
      a.memberships
        .filter((m) => orgId.has(m.organisation) && accountId.has(a.email))
        .map((m) => ({
          id: randomUUID(),
          organisationId: orgId.get(m.organisation)!,
          userId: accountId.get(a.email)!,
          role: m.role,
          status: 'active',
          origin: m.role === 'org_admin' ? 'creation' : 'invitation',
          createdAt: now,
          decidedAt: now,
        })),
    );
    if (links.length) {
      const addedLinks = await tx.insert(memberships).values(links).onConflictDoNothing().returning({ id: memberships.id });
      report.memberships = addedLinks.length;
    }
    // The programme (CONNECT, an open round, criteria, committee, timeline) and the good-practice library.
    report.programmes = (await seedProgrammesDemo(tx, now)) ? 1 : 0;
    report.goodPractices = (await seedGoodPractices(tx, { now })).goodPractices;
    // The exchange stage: a confirmed match to plan, and an exchange held and evaluated.
    await seedExchangesDemo(tx, now);
  });
  return report;
}
