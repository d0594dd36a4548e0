/**
 * How the evaluation sets written from public sources (eval.independent.ts, eval.heldout.ts) are written: partner
 * profiles in their own words (`org`, `person`), requests as cases in their own language (`C`), and the labelled
 * requests they become (`labelled`: across languages when no right partner writes in the request's language).
 */
import type { MatchProfile } from '../matching.types.ts';
import type { LabelledRequest } from './eval.requests.ts';

export type L = 'en' | 'fr' | 'es' | 'pt' | 'ar';

export const org = (id: string, name: string, country: string, lang: string | string[], population: number | undefined, offers: string, seeks?: string): MatchProfile => ({
  type: 'organisation', id, name, country, languages: Array.isArray(lang) ? lang : [lang], ...(population ? { population } : {}), offers, ...(seeks ? { seeks } : {}),
});
export const person = (id: string, name: string, organisation: string, country: string, lang: string | string[], position: string, expertise: string): MatchProfile => ({
  type: 'person', id, name, organisation, country, languages: Array.isArray(lang) ? lang : [lang], position, expertise,
});

export type Case = { id: string; lang: L; country: string; partners: string[]; title: string; description: string };
export const C = (id: string, lang: L, country: string, partners: string | string[], title: string, description: string): Case => ({
  id, lang, country, partners: Array.isArray(partners) ? partners : [partners], title, description,
});

/** The cases as labelled requests, with their language. */
export function labelled(cases: readonly Case[], partners: readonly MatchProfile[]): Array<LabelledRequest & { lang: L }> {
  const byId = new Map(partners.map((p) => [p.id, p]));
  return cases.map((c) => ({
    id: c.id,
    title: c.title,
    description: c.description,
    country: c.country,
    languages: [c.lang],
    partners: c.partners,
    cross: c.partners.every((id) => !(byId.get(id)?.languages ?? []).includes(c.lang)),
    lang: c.lang,
  }));
}
