/** Factories for organisation tests: organisations, memberships and profiles inserted directly. */
import { randomUUID } from 'node:crypto';
import { organisations, memberships, people, type MembershipRole } from '../../src/db/schema/organisations.ts';
import { regionOfCountry } from '../../src/taxonomy/regions.ts';
import type { TestApp } from './app.ts';

let n = 0;

export async function createOrganisation(t: TestApp, o: Partial<typeof organisations.$inferInsert> = {}): Promise<string> {
  const id = o.id ?? randomUUID();
  const country = o.country ?? 'NL';
  const now = new Date(t.clock.now().getTime() + n++ * 1000);
  await t.db.insert(organisations).values({ id, name: `Org ${n}`, kind: 'municipality', region: regionOfCountry(country)!, createdAt: now, updatedAt: now, ...o, country });
  return id;
}

export async function addMembership(t: TestApp, organisationId: string, userId: string, role: MembershipRole, status: 'active' | 'pending' = 'active', origin = 'request'): Promise<string> {
  const id = randomUUID();
  await t.db.insert(memberships).values({ id, organisationId, userId, role, status, origin, createdAt: t.clock.now() });
  return id;
}

export async function createPerson(t: TestApp, p: Partial<typeof people.$inferInsert> = {}): Promise<string> {
  const id = p.id ?? randomUUID();
  n++;
  await t.db.insert(people).values({ id, name: `Person ${n}`, createdAt: t.clock.now(), updatedAt: t.clock.now(), ...p });
  return id;
}
