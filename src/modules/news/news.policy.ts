/**
 * Who may do what with a newsletter: pure functions of the actor's standing towards the list (a
 * network's coordinators write its issues — networks.service `canCoordinate`; the secretariat a
 * programme's — programmes.policy `programme.postNews`). Anyone else gets the 404 of a missing id.
 */
export type NewsStanding = { manages: boolean };
export type NewsAction = 'issue.read' | 'issue.write' | 'issue.send';
export type IssueFacts = { state: string };

export function canNews(action: NewsAction, s: NewsStanding, issue: IssueFacts): boolean {
  switch (action) {
    case 'issue.read':
      return issue.state !== 'draft' || s.manages;
    case 'issue.write':
    case 'issue.send':
      return s.manages && issue.state === 'draft';
  }
}

/** The version a reader gets: their language, else the language the author wrote first. */
export function versionFor<V extends { lang: string }>(versions: readonly V[], locale: string, original: string): V | undefined {
  return versions.find((v) => v.lang === locale) ?? versions.find((v) => v.lang === original) ?? versions[0];
}

/** A normalised address: what "one person" means for deliveries and subscriptions. */
export const normaliseEmail = (e: string): string => e.trim().toLowerCase();
