/**
 * The demo's directory, seeded through the organisations manifest (`demo`, after the accounts):
 * the organisations the source documents name, some people, and the memberships of the demo
 * accounts (organisations.demo-data.ts). Idempotent: what already exists (by external id, or
 * organisation+person+role) is left exactly as it is. Concepts are analysed afterwards by the
 * directory's job at start (or `reindex-concepts`).
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db.ts';
import { regionOfCountry } from '../../taxonomy/regions.ts';
import { findUserByEmail } from '../accounts/accounts.service.ts';
import * as repo from './organisations.repository.ts';
import { DEMO_MEMBERSHIPS, DEMO_ORGANISATIONS, DEMO_PEOPLE } from './organisations.demo-data.ts';

/** Adds whatever demo directory data is missing; returns how many rows of each kind it added. */
export async function seedOrganisationsDemo(db: Db, { now }: { now: Date }): Promise<{ organisations: number; people: number; memberships: number }> {
  const organisations = await repo.insertDemoOrganisations(
    db,
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
  );
  const orgId = await repo.organisationIdsByExternalId(db, DEMO_ORGANISATIONS.map((o) => o.id));
  const accountId = new Map<string, string>();
  for (const email of new Set([...DEMO_PEOPLE.flatMap((p) => (p.account ? [p.account] : [])), ...DEMO_MEMBERSHIPS.map((m) => m.account)])) {
    const u = await findUserByEmail(db, email);
    if (u) accountId.set(email, u.id);
  }
  const people = await repo.insertDemoPeople(
    db,
    DEMO_PEOPLE.map((p) => ({
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
    })),
  );
  const memberships = await repo.insertDemoMemberships(
    db,
    DEMO_MEMBERSHIPS.filter((m) => orgId.has(m.organisation) && accountId.has(m.account)).map((m) => ({
      id: randomUUID(),
      organisationId: orgId.get(m.organisation)!,
      userId: accountId.get(m.account)!,
      role: m.role,
      status: 'active',
      origin: m.role === 'org_admin' ? 'creation' : 'invitation',
      createdAt: now,
      decidedAt: now,
    })),
  );
  return { organisations, people, memberships };
}
