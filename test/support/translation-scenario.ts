/**
 * The scene of the app-level machine-translation tests of matching (the request's translation, the profiles'
 * translation): Apertium started for real, an app configured with it, a programme cycle, some organisations, one
 * request under review in a given language, the broker signed in and an API token; the page's and the CLI's rankings.
 */
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp, type TestClient } from './app.ts';
import { signedInClient } from './users.ts';
import { cliRanking } from './match-cli.ts';
import { startApertium, type RunningApertium } from './apertium.ts';
import { setupCycle, ctxOf, type Cycle } from '../requests/fixtures.ts';
import { createApiToken } from '../../src/modules/accounts/accounts.tokens.ts';
import { organisations } from '../../src/db/schema/organisations.ts';
import { requests } from '../../src/db/schema/requests.ts';
import { requestOfCall } from '../../src/modules/matching/matching.service.ts';
import { findRequest } from '../../src/modules/matching/matching.repository.ts';

/** key, name, country, working languages, offers */
export type ScenarioOrganisation = [key: string, name: string, country: string, languages: string[], offers: string];

export type TranslationScenario = {
  apy: RunningApertium;
  t: TestApp;
  cy: Cycle;
  broker: TestClient;
  token: string;
  requestId: string;
  /** The organisations' ids by key. */
  ids: Record<string, string>;
  /** `organisation:<id>`, as the candidates page names a candidate. */
  key(k: string): string;
  /** The CLI's ranking of the request over the database's profiles. */
  cli(extra: string[]): ReturnType<typeof cliRanking>;
  stop(): Promise<void>;
};

/** The candidates in a candidates page's order. */
export const candidateOrder = (body: string) => [...body.matchAll(/data-candidate="([^"]+)"/g)].map((m) => m[1]!);

export async function startTranslationScenario(orgs: ScenarioOrganisation[], request: { title: string; challenge: string; language: string }): Promise<TranslationScenario> {
  const apy = await startApertium();
  const t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '0', TRANSLATE_URL: apy.url, TRANSLATE_ENGINE: 'apertium' } });
  const cy = await setupCycle(t);
  const now = t.clock.now();
  const ids: Record<string, string> = {};
  for (const [key, name, country, languages, offers] of orgs) {
    ids[key] = randomUUID();
    await t.db.insert(organisations).values({ id: ids[key], name, country, region: 'europe', kind: 'municipality', offers, themes: [], languages, createdAt: now, updatedAt: now });
  }
  const requestId = randomUUID();
  await t.db.insert(requests).values({
    id: requestId, programmeId: cy.programmeId, roundId: cy.roundId, organisationId: cy.orgId, createdBy: cy.requester.id, state: 'under_review', title: request.title,
    challenge: request.challenge, objectives: '', themes: [], languages: [request.language], lastActionAt: now, createdAt: now, updatedAt: now,
  });
  const broker = await signedInClient(t, { id: cy.broker.id });
  const token = (await createApiToken(ctxOf(t, cy.broker), 'script')).token;
  return {
    apy, t, cy, broker, token, requestId, ids,
    key: (k) => `organisation:${ids[k]}`,
    cli: async (extra) => cliRanking(t.db, requestOfCall((await findRequest(t.db, requestId))!), t.clock.now(), extra),
    stop: async () => {
      await t.close();
      await apy.stop();
    },
  };
}
