/**
 * The demo's accounts (one per role, marked is_demo, sharing DEMO_PASSWORD), seeded through the
 * accounts manifest (`demo`, before the organisations that link them). Only for demo mode: the
 * demo module runs the manifests' seeds on a fresh data folder when config.demo is true.
 * Idempotent: an account whose address exists is left exactly as it is.
 */
import type { Db } from '../../platform/db.ts';
import type { PlatformRole } from '../../db/schema/accounts.ts';
import { createAccount, findUserByEmail } from './accounts.service.ts';

export type DemoAccount = {
  email: string;
  name: string;
  /** What this account demonstrates, for the README. */
  role: string;
  roles: PlatformRole[];
  coordinatorRegions?: string[];
  locale: 'en' | 'fr' | 'es' | 'pt' | 'ar';
};

/** One account per role; all share DEMO_PASSWORD (their organisations: organisations.demo.ts). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'member@demo.peerlink.localhost', name: 'Mariam Diallo', role: 'member', roles: [], locale: 'fr' },
  { email: 'requester@demo.peerlink.localhost', name: 'George Freeman', role: 'requester', roles: [], locale: 'en' },
  { email: 'approver@demo.peerlink.localhost', name: 'Kwame Mensah', role: 'approver', roles: [], locale: 'en' },
  { email: 'orgadmin@demo.peerlink.localhost', name: 'Inge Vermeulen', role: 'organisation admin', roles: [], locale: 'en' },
  { email: 'association@demo.peerlink.localhost', name: 'Marieke Dijkstra', role: 'association editor (VNG International): edits and publishes good practices', roles: [], locale: 'en' },
  { email: 'expert@demo.peerlink.localhost', name: 'Sigrún Árnadóttir', role: 'expert', roles: [], locale: 'en' },
  { email: 'broker@demo.peerlink.localhost', name: 'Lucía Fernández', role: 'broker', roles: ['broker'], locale: 'es' },
  { email: 'committee@demo.peerlink.localhost', name: 'Pieter De Smet', role: 'committee member', roles: ['committee'], locale: 'en' },
  { email: 'coordinator@demo.peerlink.localhost', name: 'Amina Kamau', role: 'regional coordinator (Sub-Saharan Africa)', roles: ['coordinator'], coordinatorRegions: ['ssa'], locale: 'en' },
  { email: 'coordinator.mena@demo.peerlink.localhost', name: 'Layla Haddad', role: 'regional coordinator (MENA)', roles: ['coordinator'], coordinatorRegions: ['mena'], locale: 'ar' },
  { email: 'coordinator.see@demo.peerlink.localhost', name: 'Jelena Petrović', role: 'regional coordinator (Southeast Europe)', roles: ['coordinator'], coordinatorRegions: ['see'], locale: 'en' },
  { email: 'networks@demo.peerlink.localhost', name: 'Franka Lindner', role: 'overall coordinator of the regional networks', roles: ['coordinator'], locale: 'en' },
  { email: 'admin@demo.peerlink.localhost', name: 'Platform Admin', role: 'platform admin', roles: ['admin'], locale: 'en' },
];

/** The one demo password (documented in the README; demo mode only). */
export const DEMO_PASSWORD = 'peerlink-demo-colleague-exchange';

/** Adds the demo accounts that are missing; returns how many it added. */
export async function seedAccountsDemo(db: Db, { now }: { now: Date }): Promise<{ accounts: number }> {
  let accounts = 0;
  for (const a of DEMO_ACCOUNTS) {
    if (await findUserByEmail(db, a.email)) continue;
    // The demo is an established platform: its accounts are a month old, so that their reports weigh as members' do
    // (the moderation rule counts accounts younger than a week lightly, SECURITY.md 28).
    await createAccount(db, { email: a.email, name: a.name, password: DEMO_PASSWORD, roles: a.roles, coordinatorRegions: a.coordinatorRegions ?? [], locale: a.locale, verified: true, now: new Date(now.getTime() - 30 * 86_400_000), isDemo: true });
    accounts++;
  }
  return { accounts };
}
